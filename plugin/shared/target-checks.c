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

/* The first of ITEM and the layer groups that hold it whose lock keeps
 * their pixels from changing, or JA_NO_ITEM. */
static JaItem
first_lock (JaItem item)
{
  for (; item != JA_NO_ITEM; item = ja_glue_parent (item))
    if (ja_glue_lock_content (item))
      return item;
  return JA_NO_ITEM;
}

/* The item whose lock keeps DRAWABLE's pixels from changing: DRAWABLE
 * itself, a layer group that holds it (its lock covers every layer in it),
 * or for a layer mask its layer or one of that layer's groups; JA_NO_ITEM
 * when nothing locks them. */
static JaItem
pixel_lock (JaItem drawable)
{
  if (ja_glue_lock_content (drawable))
    return drawable;
  if (ja_glue_is_layer_mask (drawable))
    return first_lock (ja_glue_mask_layer (drawable));
  if (!ja_glue_is_layer (drawable))
    return JA_NO_ITEM;
  return first_lock (drawable);
}

/* The message for the layer NAME whose pixels the layer group LOCK
 * locks. */
static gchar *
group_lock_message (JaItem lock, const gchar *name)
{
  gchar *lock_name = ja_glue_name (lock);
  gchar *message = g_strdup_printf (
      /* TRANSLATORS: the layer's name, the name of the layer group that
         holds it. */
      _ ("The pixels of '%s' are locked: the layer group '%s' that holds "
         "it locks those of every layer in it.  Unlock them in the Layers "
         "dialog first."),
      name, lock_name);

  g_free (lock_name);
  return message;
}

/* Why no new layer can be added above the layer DRAWABLE, named NAME, and
 * written, or NULL: a new layer goes into DRAWABLE's layer group, whose
 * lock (or that of a group that holds it) locks the new layer's pixels
 * too.  DRAWABLE's own lock does not matter: its copies are unlocked. */
static gchar *
check_group_lock (JaItem drawable, const gchar *name)
{
  JaItem lock = first_lock (ja_glue_parent (drawable));

  return lock != JA_NO_ITEM ? group_lock_message (lock, name) : NULL;
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

  if (!ja_glue_is_layer_mask (drawable))
    return group_lock_message (lock, name);
  lock_name = ja_glue_name (lock);
  message = g_strdup_printf (
      /* TRANSLATORS: the layer mask's name, the name of the layer or
         layer group whose lock covers it. */
      _ ("The pixels of the layer mask '%s' are locked, as '%s' locks "
         "them; unlock them in the Layers dialog first."),
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
  else if (!ja_glue_is_layer (drawable) && values->output != JA_OUTPUT_REPLACE
           && values->output != JA_OUTPUT_FILTER)
    message = g_strdup_printf (
        _ ("'%s' is a layer mask or a channel: only a layer can have new "
           "layers added above it.  Choose the output 'replace the "
           "drawable'."),
        name);
  else if (values->output == JA_OUTPUT_REPLACE
           || values->output == JA_OUTPUT_FILTER)
    /* GIMP 3's filter changes what the layer shows: its own lock, or a
       group's, keeps it off as it keeps GIMP's own filters off. */
    message = check_lock (drawable, name);
  else
    message = check_group_lock (drawable, name);

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
