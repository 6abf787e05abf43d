/* preview.h: JaPreview, the widget that shows the layer and the filter's
 * result.  It draws the layer's own 8-bit pixels at a zoom of its own (fit,
 * 100, 200, 400 or 800 %, nearest-neighbour above 100 % so that the 8x8
 * blocks stay sharp), pans by dragging, scrolling or the arrow keys, shows
 * transparency over GIMP's checkerboard, and can split the view into the
 * original (left of a draggable divider) and the result (right), show the
 * original alone while a button is held, show the difference between the
 * result and the original amplified in place of the result, and overlay
 * the JPEG grid the last generation was encoded on.  The result is blended
 * through the selection, if any, as GIMP will write it.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_PREVIEW_H
#define JA_PREVIEW_H

#include <gtk/gtk.h>

#include "jart.h"

G_BEGIN_DECLS

#define JA_TYPE_PREVIEW (ja_preview_get_type ())
G_DECLARE_FINAL_TYPE (JaPreview, ja_preview, JA, PREVIEW, GtkDrawingArea)

/* The zoom that fits the whole layer into the widget. */
#define JA_PREVIEW_ZOOM_FIT 0

/* A preview of ORIGINAL (not copied: it must outlive the widget).
 * SELECTION is NULL or width * height bytes, 255 where the layer is fully
 * selected (not copied either).  CHECK_SIZE and CHECK_TYPE are GIMP's
 * GimpCheckSize (0 small, 1 medium, 2 large) and GimpCheckType (0 light,
 * 1 mid-tone, 2 dark, 3 white only, 4 gray only, 5 black only) checks. */
GtkWidget *ja_preview_new (const JartImage *original, const guint8 *selection,
                           int check_size, int check_type);

/* Shows PIXELS (packed rows with the original's size and channels; copied)
 * as the result, or the original alone when PIXELS is NULL.  STALE: the
 * pixels come from other settings than the current ones, and are veiled.
 * BADGE: a short text drawn over the preview's corner, or NULL. */
void ja_preview_set_result (JaPreview *preview, const guint8 *pixels,
                            gboolean stale, const char *badge);

/* Changes only the veil and the badge of the result shown. */
void ja_preview_set_badge (JaPreview *preview, gboolean stale,
                           const char *badge);

/* JA_PREVIEW_ZOOM_FIT, or a percentage: 100, 200, 400 or 800.  The
 * "zoom-changed" signal tells when the user zoomed with Ctrl+scroll or the
 * +/- keys. */
void ja_preview_set_zoom (JaPreview *preview, int zoom);
int ja_preview_get_zoom (JaPreview *preview);

/* The before/after split, its divider at FRACTION (0..1) of the width. */
void ja_preview_set_split (JaPreview *preview, gboolean split);
void ja_preview_set_split_position (JaPreview *preview, double fraction);
double ja_preview_get_split_position (JaPreview *preview);

/* While ON, the original is shown everywhere. */
void ja_preview_set_show_original (JaPreview *preview, gboolean on);

/* While ON, the result is shown as the difference view: each colour
 * channel is jart_difference's, MIN (255, JART_DIFFERENCE_GAIN *
 * |result - original|), opaque, so that black means unchanged.  The split and
 * "show original" still show the original where they would. */
void ja_preview_set_difference (JaPreview *preview, gboolean on);

/* The 8x8 grid overlay: lines where (x + DX) and (y + DY), in layer
 * pixels, are multiples of 8. */
void ja_preview_set_grid (JaPreview *preview, gboolean show, int dx, int dy);

G_END_DECLS

#endif /* JA_PREVIEW_H */
