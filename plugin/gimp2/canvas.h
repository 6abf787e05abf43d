/* canvas.h: the dialog's "Preview on canvas" in GIMP 2.10, as GIMP's JPEG
 * export shows its preview: a temporary copy of the layer above it, with
 * the image's undo frozen while it exists, that shows the result blended
 * through the selection; removed (and undo thawed) when the option goes
 * off or the dialog closes, so that Cancel leaves the image as it was and
 * OK applies the result as usual.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_CANVAS_H
#define JA_CANVAS_H

#include <libgimp/gimp.h>

#include "jart.h"
#include "values.h"

typedef struct
{
  gint32 image;
  gint32 drawable;    /* the layer the dialog works on */
  JartImage source;   /* its pixels as the codec sees them: size, channels */
  gint32 preview;     /* the temporary layer, or -1 */
  gboolean was_clean; /* the image had no unsaved change before it */
} JaCanvas;

/* Whether DRAWABLE can have a preview on the canvas: a layer (not a mask
 * or channel, not a layer group). */
gboolean ja_canvas_possible (gint32 drawable);

/* Prepares CANVAS for DRAWABLE of IMAGE, whose pixels SOURCE holds (only
 * its size and channels are used; it must outlive CANVAS's use). */
void ja_canvas_init (JaCanvas *canvas, gint32 image, gint32 drawable,
                     const JartImage *source);

/* JaDialogLayer's canvas_preview with CANVAS as its data (VALUES unused):
 * RESULT, the
 * whole layer's result, replaces what the temporary layer shows (creating
 * it and freezing undo the first time); NULL removes it, thaws undo and
 * makes DRAWABLE the active layer again. */
void ja_canvas_show (const guint8 *result, const JaValues *values,
                     gpointer canvas);

#endif /* JA_CANVAS_H */
