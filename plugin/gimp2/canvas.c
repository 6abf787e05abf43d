/* canvas.c: "Preview on canvas" in GIMP 2.10 (canvas.h): a copy of the
 * layer inserted above it with the image's undo frozen, its pixels the
 * result merged through the selection as OK would merge them into the
 * layer, so the image window shows what OK gives.  A new result first
 * puts the layer's own pixels back into the copy (the selection blends
 * with them, never with the previous result).  Removing it thaws undo: the
 * image's layers, pixels, active layer and undo history are as before,
 * and a clean image is clean again; an image with unsaved changes counts
 * two more (GIMP counts the copy's coming and going even with undo frozen,
 * and libgimp 2.10 can only reset the count to clean), which shows only
 * when those changes are all undone: GIMP then still calls it modified.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "canvas.h"
#include "pixels.h"

gboolean
ja_canvas_possible (gint32 drawable)
{
  return gimp_item_is_layer (drawable) && !gimp_item_is_group (drawable);
}

void
ja_canvas_init (JaCanvas *canvas, gint32 image, gint32 drawable,
                const JartImage *source)
{
  canvas->image = image;
  canvas->drawable = drawable;
  canvas->source = *source;
  canvas->preview = -1;
}

/* Puts the layer's own pixels back into the temporary layer, whose
 * size, format and offsets are the layer's. */
static void
reset_preview (JaCanvas *canvas)
{
  GeglBuffer *from = gimp_drawable_get_buffer (canvas->drawable);
  GeglBuffer *to = gimp_drawable_get_buffer (canvas->preview);

  gegl_buffer_copy (from, NULL, GEGL_ABYSS_NONE, to, NULL);
  g_object_unref (to);
  g_object_unref (from);
}

/* Adds the temporary layer, a copy of the layer, above it with the image's
 * undo frozen.  FALSE when GIMP could not copy the layer. */
static gboolean
add_preview (JaCanvas *canvas)
{
  canvas->was_clean = !gimp_image_is_dirty (canvas->image);
  gimp_image_undo_freeze (canvas->image);
  canvas->preview = gimp_layer_copy (canvas->drawable);
  if (canvas->preview == -1)
    {
      gimp_image_undo_thaw (canvas->image);
      return FALSE;
    }
  gimp_item_set_name (canvas->preview, _ ("JPEG Artifacts preview"));
  gimp_image_insert_layer (
      canvas->image, canvas->preview, gimp_item_get_parent (canvas->drawable),
      gimp_image_get_item_position (canvas->image, canvas->drawable));
  return TRUE;
}

/* Removes the temporary layer and thaws undo.  Adding and removing a layer
 * counts as two changes even with undo frozen: an image that was clean is
 * made clean again. */
static void
remove_preview (JaCanvas *canvas)
{
  gimp_image_remove_layer (canvas->image, canvas->preview);
  canvas->preview = -1;
  gimp_image_set_active_layer (canvas->image, canvas->drawable);
  gimp_image_undo_thaw (canvas->image);
  if (canvas->was_clean)
    gimp_image_clean_all (canvas->image);
}

void
ja_canvas_show (const guint8 *result, const JaValues *values, gpointer data)
{
  JaCanvas *canvas = data;
  JartImage pixels = canvas->source;

  (void)values;
  if (result == NULL)
    {
      if (canvas->preview != -1)
        remove_preview (canvas);
    }
  else
    {
      if (canvas->preview != -1)
        reset_preview (canvas);
      else if (!add_preview (canvas))
        return;
      pixels.pixels = (guint8 *)result;
      if (ja_pixels_write_shadow (canvas->preview, &pixels, TRUE))
        ja_pixels_merge (canvas->preview, FALSE);
    }
  gimp_displays_flush ();
}
