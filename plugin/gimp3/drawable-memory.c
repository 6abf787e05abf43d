/* drawable-memory.c: what plugin/common/memory.c needs to know of a GIMP
 * 3 drawable (its size, the channels the codec sees, the bytes per pixel
 * of its own format, whether it is a text layer, its offsets) and its name
 * for the message, read through libgimp.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "drawable-memory.h"
#include "pixels.h"

void
ja_memory_need (GimpDrawable *drawable, const JaValues *values,
                const JaOriginal *original, gboolean read, gboolean computed,
                JaMemoryNeed *need)
{
  JaMemoryTarget target;

  target.width = gimp_drawable_get_width (drawable);
  target.height = gimp_drawable_get_height (drawable);
  target.channels = ja_pixels_channels (drawable);
  target.bytes_per_pixel
      = babl_format_get_bytes_per_pixel (gimp_drawable_get_format (drawable));
  target.text_layer = gimp_item_is_text_layer (GIMP_ITEM (drawable));
  gimp_drawable_get_offsets (drawable, &target.offset_x, &target.offset_y);
  ja_memory_target_need (&target, values, original, read, computed, need);
}

gchar *
ja_memory_check (guint64 needed, guint64 available, GimpDrawable *drawable,
                 int n_others, const JaValues *values)
{
  gchar *name, *message;

  if (available == 0 || needed <= available)
    return NULL;
  name = gimp_item_get_name (GIMP_ITEM (drawable));
  message
      = ja_memory_message_selected (needed, available, name, n_others, values);
  g_free (name);
  return message;
}
