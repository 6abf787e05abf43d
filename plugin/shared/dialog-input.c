/* dialog-input.c: the dialog's picture of the layer and of GIMP, as GIMP
 * 2.10 and GIMP 3 give it alike (glue.h naming the items): the pixels and
 * the selection through GEGL (pixels.c), the offsets and background
 * colour through glue.h, and libgimp's calls both versions share.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dialog-input.h"
#include "pixels.h"
#include "presets-file.h"

gchar *
ja_user_presets_file (void)
{
  return ja_presets_file_path (gimp_directory ());
}

gboolean
ja_dialog_input_read (JaDialogLayer *layer, JaImage image, JaItem drawable,
                      const JaOriginal *original, JartImage *source)
{
  memset (layer, 0, sizeof *layer);
  if (!ja_pixels_read (drawable, source))
    return FALSE;
  layer->image = *source;
  ja_glue_offsets (drawable, &layer->offset_x, &layer->offset_y);
  layer->selection = ja_pixels_read_selection (image, drawable);
  ja_glue_background (layer->background);
  layer->check_size = gimp_check_size ();
  layer->check_type = gimp_check_type ();
  layer->image_name = ja_glue_image_name (image);
  layer->original = original->present ? original : NULL;
  layer->presets_file = ja_user_presets_file ();
  return TRUE;
}

void
ja_dialog_input_free (JaDialogLayer *layer, gboolean ok, JartImage *source)
{
  g_free ((gchar *)layer->image_name);
  g_free ((gchar *)layer->presets_file);
  g_free ((guint8 *)layer->selection);
  layer->image_name = NULL;
  layer->presets_file = NULL;
  layer->selection = NULL;
  if (!ok)
    {
      g_free (source->pixels);
      source->pixels = NULL;
    }
}
