/* target-checks.c: the checks of a drawable that GIMP 2.10 and GIMP 3 make
 * alike, written once on glue.h's items.  A drawable's pixels are locked by
 * its own lock or, as GIMP sees it, by that of a layer group that holds it
 * (for a layer mask: its layer's, or one of that layer's groups'); the
 * messages name the lock's holder and say what to do.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jart.h"
#include "target-checks.h"

gboolean
ja_target_in_image (JaImage image, JaItem drawable)
{
  JaItem top = drawable, parent;

  if (ja_glue_is_layer_mask (drawable))
    top = ja_glue_mask_layer (drawable);
  if (top == JA_NO_ITEM)
    return FALSE;
  while ((parent = ja_glue_parent (top)) != JA_NO_ITEM)
    top = parent;
  return ja_glue_image_holds (image, top);
}

/* The item whose lock keeps DRAWABLE's pixels from changing: DRAWABLE
 * itself, a layer group that holds it (its lock covers every layer in it),
 * or for a layer mask its layer or one of that layer's groups; JA_NO_ITEM
 * when nothing locks them. */
static JaItem
pixel_lock (JaItem drawable)
{
  JaItem item = drawable;

  if (ja_glue_lock_content (drawable))
    return drawable;
  if (ja_glue_is_layer_mask (drawable))
    item = ja_glue_mask_layer (drawable);
  else if (!ja_glue_is_layer (drawable))
    return JA_NO_ITEM;
  for (; item != JA_NO_ITEM; item = ja_glue_parent (item))
    if (ja_glue_lock_content (item))
      return item;
  return JA_NO_ITEM;
}

/* Why the pixels of DRAWABLE, named NAME, cannot be replaced, or NULL. */
static gchar *
check_lock (JaItem drawable, const gchar *name)
{
  JaItem lock = pixel_lock (drawable);
  gchar *lock_name, *message;

  if (lock == JA_NO_ITEM)
    return NULL;
  if (lock == drawable)
    return g_strdup_printf (
        _ ("The pixels of '%s' are locked; unlock them in the Layers dialog "
           "first, or choose the output 'a new layer above it'."),
        name);

  lock_name = ja_glue_name (lock);
  if (ja_glue_is_layer_mask (drawable))
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

gchar *
ja_target_check (JaItem drawable, const JaValues *values)
{
  gchar *name = ja_glue_name (drawable);
  gchar *message = NULL;
  gint width, height;

  ja_glue_size (drawable, &width, &height);
  if (ja_glue_is_group (drawable))
    message = g_strdup_printf (
        _ ("'%s' is a layer group, which has no pixels of its own; choose "
           "one of the layers in it."),
        name);
  else if (ja_glue_is_selection (drawable))
    message = g_strdup (_ ("The selection mask cannot take the effect; "
                           "choose a layer, a layer mask or a channel."));
  else if (ja_glue_is_text_layer (drawable)
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
  else if (!ja_glue_is_layer (drawable) && values->output != JA_OUTPUT_REPLACE)
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

gchar *
ja_target_check_image (JaImage image)
{
  gchar *name, *message;

  if (!ja_glue_is_indexed (image))
    return NULL;
  name = ja_glue_image_name (image);
  message = g_strdup_printf (
      _ ("'%s' is an indexed image; JPEG Artifacts works on RGB and "
         "grayscale images.  Change it with Image ▸ Mode ▸ RGB or "
         "Grayscale first."),
      name);
  g_free (name);
  return message;
}
