/* targets.c: the drawables a GIMP 3 run changes: every drawable selected
 * in the Layers or Channels dialog (or passed by a script), in their
 * order.  Each is checked before any pixel is read, so that a drawable the
 * effect cannot apply to stops the run with a message that names it and
 * says what to do, never halfway through.  plugin/gimp2/targets.c is the
 * GIMP 2.10 counterpart, with linked layers where GIMP 3 has selected ones.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "targets.h"

/* Whether ITEM is in IMAGE's layer or channel tree: a layer GIMP made but
 * nobody inserted, or one removed from it, is valid and names IMAGE as its
 * image, yet GIMP refuses every change to its pixels. */
static gboolean
in_image (GimpImage *image, GimpDrawable *drawable)
{
  GimpItem *top = GIMP_ITEM (drawable), *parent;
  GimpItem **items;
  gboolean found = FALSE;
  gint i;

  if (GIMP_IS_LAYER_MASK (drawable))
    top = GIMP_ITEM (gimp_layer_from_mask (GIMP_LAYER_MASK (drawable)));
  if (top == NULL)
    return FALSE;
  while ((parent = gimp_item_get_parent (top)) != NULL)
    top = parent;
  if (GIMP_IS_LAYER (top))
    items = (GimpItem **)gimp_image_get_layers (image);
  else
    items = (GimpItem **)gimp_image_get_channels (image);
  for (i = 0; items != NULL && items[i] != NULL && !found; i++)
    found = items[i] == top;
  g_free (items);
  return found;
}

/* The item whose lock keeps DRAWABLE's pixels from changing, as GIMP sees
 * it: DRAWABLE itself, a layer group that holds it (its lock covers every
 * layer in it), or for a layer mask its layer or one of that layer's
 * groups; -1 when nothing locks them. */
static GimpItem *
pixel_lock (GimpDrawable *drawable)
{
  GimpItem *item = GIMP_ITEM (drawable);

  if (gimp_item_get_lock_content (item))
    return item;
  if (GIMP_IS_LAYER_MASK (drawable))
    item = GIMP_ITEM (gimp_layer_from_mask (GIMP_LAYER_MASK (drawable)));
  else if (!GIMP_IS_LAYER (drawable))
    return NULL;
  for (; item != NULL; item = gimp_item_get_parent (item))
    if (gimp_item_get_lock_content (item))
      return item;
  return NULL;
}

/* Why the pixels of DRAWABLE, named NAME, cannot be replaced, or NULL. */
static gchar *
check_lock (GimpDrawable *drawable, const gchar *name)
{
  GimpItem *lock = pixel_lock (drawable);
  gchar *lock_name, *message;

  if (lock == NULL)
    return NULL;
  if (lock == GIMP_ITEM (drawable))
    return g_strdup_printf (
        _ ("The pixels of '%s' are locked; unlock them in the Layers dialog "
           "first, or choose the output 'a new layer above it'."),
        name);

  lock_name = gimp_item_get_name (lock);
  if (GIMP_IS_LAYER_MASK (drawable))
    message = g_strdup_printf (
        /* TRANSLATORS: the layer mask's name, the name of the layer or
           layer group whose lock covers it. */
        _ ("The pixels of the layer mask '%s' are locked, as '%s' locks "
           "them; unlock them in the Layers dialog first."),
        name, lock_name);
  else
    message = g_strdup_printf (
        /* TRANSLATORS: the layer's name, the name of the layer group that
           holds it. */
        _ ("The pixels of '%s' are locked: the layer group '%s' that holds "
           "it locks those of every layer in it.  Unlock them in the Layers "
           "dialog first, or choose the output 'a new layer above it'."),
        name, lock_name);
  g_free (lock_name);
  return message;
}

/* NULL when DRAWABLE can take the effect with VALUES, else why not. */
static gchar *
check_drawable (GimpDrawable *drawable, const JaValues *values)
{
  GimpItem *item = GIMP_ITEM (drawable);
  gchar *name = gimp_item_get_name (item);
  gchar *message = NULL;
  gint width = gimp_drawable_get_width (drawable);
  gint height = gimp_drawable_get_height (drawable);

  if (gimp_item_is_group (item))
    message = g_strdup_printf (
        _ ("'%s' is a layer group, which has no pixels of its own; choose "
           "one of the layers in it."),
        name);
  else if (GIMP_IS_SELECTION (drawable))
    message = g_strdup (_ ("The selection mask cannot take the effect; "
                           "choose a layer, a layer mask or a channel."));
  else if (gimp_item_is_text_layer (item)
           && values->output == JA_OUTPUT_REPLACE)
    message = g_strdup_printf (
        _ ("'%s' is a text layer: replacing its pixels would turn its text "
           "into a picture.  Discard its text information first (Layer ▸ "
           "Discard Text Information), or choose the output 'a new layer "
           "above it'."),
        name);
  else if (width > JART_MAX_DIMENSION || height > JART_MAX_DIMENSION)
    message = g_strdup_printf (
        _ ("'%s' is %d × %d pixels; a JPEG holds at most %d pixels in each "
           "direction."),
        name, width, height, JART_MAX_DIMENSION);
  else if (!GIMP_IS_LAYER (drawable) && values->output != JA_OUTPUT_REPLACE)
    message = g_strdup_printf (
        _ ("'%s' is a layer mask or a channel: only a layer can have new "
           "layers added above it.  Choose the output 'replace the "
           "drawable'."),
        name);
  else if (values->output == JA_OUTPUT_REPLACE)
    message = check_lock (drawable, name);

  g_free (name);
  return message;
}

/* FORMAT, which takes ITEM's name and ID and IMAGE's name and ID, filled
 * in. */
static gchar *
name_message (const gchar *format, GimpItem *item, GimpImage *image)
{
  gchar *item_name = gimp_item_get_name (item);
  gchar *image_name = gimp_image_get_name (image);
  gchar *message = g_strdup_printf (format, item_name, gimp_item_get_id (item),
                                    image_name, gimp_image_get_id (image));

  g_free (item_name);
  g_free (image_name);
  return message;
}

GimpPDBStatusType
ja_targets_collect (GimpImage *image, GimpDrawable **drawables,
                    const JaValues *values, GArray **targets, gchar **message)
{
  GArray *found;
  guint i;

  *targets = NULL;
  *message = NULL;

  if (image == NULL || !gimp_image_is_valid (image))
    {
      *message = g_strdup (_ ("Argument 'image' is not an open image."));
      return GIMP_PDB_CALLING_ERROR;
    }
  if (drawables == NULL || drawables[0] == NULL)
    {
      *message = g_strdup (
          _ ("No drawable is selected: select one or more layers in the "
             "Layers dialog, or pass them in the argument 'drawables'."));
      return GIMP_PDB_CALLING_ERROR;
    }
  for (i = 0; drawables[i] != NULL; i++)
    {
      GimpDrawable *drawable = drawables[i];
      GimpItem *item = GIMP_ITEM (drawable);

      if (!gimp_item_is_valid (item) || !gimp_item_is_drawable (item))
        {
          *message = g_strdup_printf (
              _ ("Drawable %d of argument 'drawables' is not a layer, a "
                 "layer mask or a channel."),
              (int)i + 1);
          return GIMP_PDB_CALLING_ERROR;
        }
      if (gimp_item_get_image (item) != image)
        {
          *message = name_message (
              _ ("'%s' (ID %d) belongs to another image than '%s' (ID %d)."),
              item, image);
          return GIMP_PDB_CALLING_ERROR;
        }
      if (!GIMP_IS_SELECTION (drawable) && !in_image (image, drawable))
        {
          *message = name_message (
              _ ("'%s' (ID %d) is not in image '%s' (ID %d): it was never "
                 "added to it, or was removed.  Only a drawable in its image "
                 "can take the effect."),
              item, image);
          return GIMP_PDB_CALLING_ERROR;
        }
    }
  if (gimp_image_get_base_type (image) == GIMP_INDEXED)
    {
      gchar *name = gimp_image_get_name (image);

      *message = g_strdup_printf (
          _ ("'%s' is an indexed image; JPEG Artifacts works on RGB and "
             "grayscale images.  Change it with Image ▸ Mode ▸ RGB or "
             "Grayscale first."),
          name);
      g_free (name);
      return GIMP_PDB_EXECUTION_ERROR;
    }

  found = g_array_new (FALSE, FALSE, sizeof (JaTarget));
  for (i = 0; drawables[i] != NULL; i++)
    {
      JaTarget target;

      target.drawable = drawables[i];
      target.layer = GIMP_IS_LAYER (drawables[i]);
      *message = check_drawable (target.drawable, values);
      if (*message != NULL)
        {
          g_array_free (found, TRUE);
          return GIMP_PDB_EXECUTION_ERROR;
        }
      g_array_append_val (found, target);
    }

  *targets = found;
  return GIMP_PDB_SUCCESS;
}
