/* preview-surface.h: the preview's conversion of a layer or a result into
 * a cairo image surface (preview-surface.c).
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_PREVIEW_SURFACE_H
#define JA_PREVIEW_SURFACE_H

#include <cairo.h>
#include <glib.h>

#include "jart.h"

/* Writes ROWS (LAYOUT's size and channels, rows STRIDE bytes apart) into
 * SURFACE, an ARGB32 image surface of that size, as premultiplied ARGB32.
 * With ORIGINAL and MASK (a byte a pixel, rows packed), each colour is
 * first blended with the original's as (c * m + o * (255 - m) + 127) / 255,
 * as the result is blended through a selection. */
void ja_preview_surface_fill (cairo_surface_t *surface,
                              const JartImage *layout, const guint8 *rows,
                              size_t stride, const JartImage *original,
                              const guint8 *mask);

#endif /* JA_PREVIEW_SURFACE_H */
