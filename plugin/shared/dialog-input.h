/* dialog-input.h: what the dialog (ui/dialog.h's JaDialogLayer) is told of
 * the layer it previews and of GIMP where GIMP 2.10 and GIMP 3 give it
 * alike: the layer's pixels, offsets and selection, GIMP's background
 * colour and checkerboard, the image's name, its JPEG file's settings and
 * the user's presets file.  What differs (the theme, the transient window,
 * the canvas preview, where the window's geometry is kept) each plug-in's
 * main.c adds.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_DIALOG_INPUT_H
#define JA_DIALOG_INPUT_H

#include "dialog.h"
#include "glue.h"

/* The key file of the user's presets in GIMP's folder, which the dialog
 * saves into and a call's preset argument reads: free with g_free. */
gchar *ja_user_presets_file (void);

/* Reads DRAWABLE's pixels into *SOURCE (as ja_pixels_read gives them) and
 * fills LAYER with them and with what GIMP 2.10 and GIMP 3 give alike,
 * ORIGINAL being IMAGE's JPEG settings; LAYER's other fields zero.  FALSE
 * when the pixels cannot be read (LAYER then holds nothing to free).
 * Free with ja_dialog_input_free. */
gboolean ja_dialog_input_read (JaDialogLayer *layer, JaImage image,
                               JaItem drawable, const JaOriginal *original,
                               JartImage *source);

/* Frees what ja_dialog_input_read gave LAYER and, when the user did not
 * choose OK (!OK), SOURCE's pixels, leaving SOURCE->pixels NULL. */
void ja_dialog_input_free (JaDialogLayer *layer, gboolean ok,
                           JartImage *source);

#endif /* JA_DIALOG_INPUT_H */
