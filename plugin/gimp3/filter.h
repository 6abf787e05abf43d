/* filter.h: the effect as GIMP 3's non-destructive filter: the GEGL
 * operation ja:jpeg-artifacts (gegl/) in a GimpDrawableFilter whose
 * properties the values give, for the output "Non-destructive filter" and
 * for the dialog's "Preview on canvas", which shows the effect through the
 * same filter while the dialog is open.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_FILTER_H
#define JA_FILTER_H

#include <libgimp/gimp.h>

#include "values.h"

/* The operation's name, as GEGL knows it. */
#define JA_FILTER_OPERATION "ja:jpeg-artifacts"

/* Adds a filter with VALUES to each of the NULL-terminated DRAWABLES of
 * IMAGE, in one undo step.  Fails, changing nothing, with *MESSAGE set
 * when VALUES ask for what the operation cannot do (flattening, the
 * original file's settings), a drawable is not a layer or is a layer
 * group, or GIMP has not loaded the operation. */
GimpPDBStatusType ja_filter_add (GimpImage *image, GimpDrawable **drawables,
                                 const JaValues *values, gchar **message);

/* "Preview on canvas" through a filter on one layer. */
typedef struct
{
  GimpImage *image;
  GimpDrawable *drawable;
  GimpDrawableFilter *filter; /* NULL while none shows */
  gboolean was_clean;         /* the image had no unsaved change before */
} JaFilterCanvas;

/* JaDialogLayer's canvas_preview with a JaFilterCanvas as its data: VALUES
 * set the filter's properties (it is added the first time, with the
 * image's undo frozen); NULL removes it and thaws undo (a clean image is
 * clean again).  RESULT is not used: GIMP renders the filter itself. */
void ja_filter_canvas_show (const guint8 *result, const JaValues *values,
                            gpointer canvas);

#endif /* JA_FILTER_H */
