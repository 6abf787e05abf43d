/* targets.c: the drawables a run changes.  Each is checked before any pixel
 * is read, so that a drawable the effect cannot apply to stops the run with
 * a message that names it and says what to do, never halfway through.
 *
 * Linked layers: GIMP links items into one chain (the chain icon in the
 * Layers dialog), so the layers linked to a drawable are the other linked
 * layers of its image, wherever they sit in the layer tree; a drawable that
 * is not linked itself, a layer mask or a channel has none.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "targets.h"

/* Whether LAYER is in IMAGE's layer tree: a layer GIMP made but nobody
 * inserted, or one removed from it, is valid and names IMAGE as its image,
 * yet GIMP refuses every change to its pixels. */
static gboolean
layer_in_image (gint32 image, gint32 layer)
{
  gint32 top = layer, parent;
  gint n = 0, i;
  gint *layers;
  gboolean found = FALSE;

  while ((parent = gimp_item_get_parent (top)) > 0)
    top = parent;
  layers = gimp_image_get_layers (image, &n);
  for (i = 0; i < n && !found; i++)
    found = layers[i] == top;
  g_free (layers);
  return found;
}

/* Whether DRAWABLE, a layer, a layer mask or a channel, is in IMAGE. */
static gboolean
in_image (gint32 image, gint32 drawable)
{
  gint n = 0, i;
  gint *channels;
  gboolean found = FALSE;

  if (gimp_item_is_layer_mask (drawable))
    {
      gint32 layer = gimp_layer_from_mask (drawable);

      return layer > 0 && layer_in_image (image, layer);
    }
  if (gimp_item_is_layer (drawable))
    return layer_in_image (image, drawable);

  channels = gimp_image_get_channels (image, &n);
  for (i = 0; i < n && !found; i++)
    found = channels[i] == drawable;
  g_free (channels);
  return found;
}

/* The item whose lock keeps DRAWABLE's pixels from changing, as GIMP sees
 * it: DRAWABLE itself, a layer group that holds it (its lock covers every
 * layer in it), or for a layer mask its layer or one of that layer's
 * groups; -1 when nothing locks them. */
static gint32
pixel_lock (gint32 drawable)
{
  gint32 item = drawable;

  if (gimp_item_get_lock_content (drawable))
    return drawable;
  if (gimp_item_is_layer_mask (drawable))
    item = gimp_layer_from_mask (drawable);
  else if (!gimp_item_is_layer (drawable))
    return -1;
  for (; item > 0; item = gimp_item_get_parent (item))
    if (gimp_item_get_lock_content (item))
      return item;
  return -1;
}

/* Why the pixels of DRAWABLE, named NAME, cannot be replaced, or NULL. */
static gchar *
check_lock (gint32 drawable, const gchar *name)
{
  gint32 lock = pixel_lock (drawable);
  gchar *lock_name, *message;

  if (lock < 0)
    return NULL;
  if (lock == drawable)
    return g_strdup_printf (
        _ ("The pixels of '%s' are locked; unlock them in the Layers dialog "
           "first, or choose the output 'a new layer above it'."),
        name);

  lock_name = gimp_item_get_name (lock);
  if (gimp_item_is_layer_mask (drawable))
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
check_drawable (gint32 drawable, const JaValues *values)
{
  gchar *name = gimp_item_get_name (drawable);
  gchar *message = NULL;
  gint width = gimp_drawable_width (drawable);
  gint height = gimp_drawable_height (drawable);

  if (gimp_item_is_group (drawable))
    message = g_strdup_printf (
        _ ("'%s' is a layer group, which has no pixels of its own; choose "
           "one of the layers in it."),
        name);
  else if (gimp_item_is_selection (drawable))
    message = g_strdup (_ ("The selection mask cannot take the effect; "
                           "choose a layer, a layer mask or a channel."));
  else if (gimp_item_is_text_layer (drawable)
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
  else if (!gimp_item_is_layer (drawable)
           && values->output != JA_OUTPUT_REPLACE)
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

/* Appends the linked layers among the N layers in LAYERS and their
 * children, top to bottom, except SKIP. */
static void
add_linked_layers (GArray *targets, const gint *layers, gint n, gint32 skip)
{
  gint i;

  for (i = 0; i < n; i++)
    {
      if (layers[i] != skip && gimp_item_get_linked (layers[i]))
        {
          JaTarget target = { layers[i], TRUE };

          g_array_append_val (targets, target);
        }
      if (gimp_item_is_group (layers[i]))
        {
          gint n_children = 0;
          gint *children = gimp_item_get_children (layers[i], &n_children);

          add_linked_layers (targets, children, n_children, skip);
          g_free (children);
        }
    }
}

GimpPDBStatusType
ja_targets_collect (gint32 image, gint32 drawable, const JaValues *values,
                    GArray **targets, gchar **message)
{
  GArray *found;
  JaTarget first;
  guint i;

  *targets = NULL;
  *message = NULL;

  if (!gimp_image_is_valid (image))
    {
      *message = g_strdup_printf (
          _ ("Parameter 'image' is %d, which is not an open image."), image);
      return GIMP_PDB_CALLING_ERROR;
    }
  if (!gimp_item_is_valid (drawable) || !gimp_item_is_drawable (drawable))
    {
      *message = g_strdup_printf (
          _ ("Parameter 'drawable' is %d, which is not a layer, a layer "
             "mask or a channel."),
          drawable);
      return GIMP_PDB_CALLING_ERROR;
    }
  if (gimp_item_get_image (drawable) != image)
    {
      *message = g_strdup_printf (
          _ ("Parameter 'drawable' is %d, which belongs to another image "
             "than %d."),
          drawable, image);
      return GIMP_PDB_CALLING_ERROR;
    }
  if (!gimp_item_is_selection (drawable) && !in_image (image, drawable))
    {
      gchar *name = gimp_item_get_name (drawable);

      *message = g_strdup_printf (
          _ ("Parameter 'drawable' is %d ('%s'), which is not in image %d: "
             "it was never added to it, or was removed.  Only a drawable in "
             "its image can take the effect."),
          drawable, name, image);
      g_free (name);
      return GIMP_PDB_CALLING_ERROR;
    }
  if (gimp_image_base_type (image) == GIMP_INDEXED)
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
  first.drawable = drawable;
  first.layer = gimp_item_is_layer (drawable);
  g_array_append_val (found, first);

  if (values->apply_to == JA_APPLY_LINKED && first.layer
      && gimp_item_get_linked (drawable))
    {
      gint n_layers = 0;
      gint *layers = gimp_image_get_layers (image, &n_layers);

      add_linked_layers (found, layers, n_layers, drawable);
      g_free (layers);
    }

  for (i = 0; i < found->len; i++)
    {
      *message = check_drawable (g_array_index (found, JaTarget, i).drawable,
                                 values);
      if (*message != NULL)
        {
          g_array_free (found, TRUE);
          return GIMP_PDB_EXECUTION_ERROR;
        }
    }

  *targets = found;
  return GIMP_PDB_SUCCESS;
}
