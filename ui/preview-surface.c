/* preview-surface.c: the preview's conversion of a layer or a result into
 * a cairo image surface (see preview-surface.h), apart from the widget so
 * that the benchmark can time what the dialog's main loop does with each
 * result.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "preview-surface.h"

/* (X + 127) / 255 for X in 0 .. 255 * 255, without a division: exact
 * there (checked for every X). */
static inline int
div255 (int x)
{
  x += 128;
  return (x + (x >> 8)) >> 8;
}

/* One row of ja_preview_surface_fill: WIDTH pixels of SRC (CHANNELS
 * each) into DST, blended with ORIG where the mask M (NULL: none) is below
 * 255.  Opaque colour and gray rows without a mask, the common case, take
 * a loop of their own: a 20-megapixel result is converted each time the
 * preview gets one, on the main loop. */
static void
fill_row (guint32 *dst, const guint8 *src, const guint8 *orig, const guint8 *m,
          int width, int channels)
{
  const gboolean alpha = channels == 2 || channels == 4;
  const int colours = alpha ? channels - 1 : channels;
  int x, c;

  if (m == NULL && channels == 3)
    {
      for (x = 0; x < width; x++)
        dst[x] = 0xff000000u | (guint32)src[3 * x] << 16
                 | (guint32)src[3 * x + 1] << 8 | (guint32)src[3 * x + 2];
      return;
    }
  if (m == NULL && channels == 1)
    {
      for (x = 0; x < width; x++)
        dst[x] = 0xff000000u | (guint32)src[x] * 0x010101u;
      return;
    }
  for (x = 0; x < width; x++)
    {
      int px[4];
      int a;

      for (c = 0; c < channels; c++)
        px[c] = src[x * channels + c];
      if (m != NULL && m[x] != 255)
        for (c = 0; c < colours; c++)
          px[c]
              = div255 (px[c] * m[x] + orig[x * channels + c] * (255 - m[x]));
      a = alpha ? px[channels - 1] : 255;
      if (colours == 1)
        px[1] = px[2] = px[0];
      if (a != 255)
        for (c = 0; c < 3; c++)
          px[c] = div255 (px[c] * a);
      dst[x] = (guint32)a << 24 | (guint32)px[0] << 16 | (guint32)px[1] << 8
               | (guint32)px[2];
    }
}

void
ja_preview_surface_fill (cairo_surface_t *surface, const JartImage *layout,
                         const guint8 *rows, size_t stride,
                         const JartImage *original, const guint8 *mask)
{
  guint8 *data;
  int surface_stride, y;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  surface_stride = cairo_image_surface_get_stride (surface);
  for (y = 0; y < layout->height; y++)
    fill_row ((guint32 *)(data + (size_t)y * surface_stride),
              rows + (size_t)y * stride,
              original ? original->pixels + (size_t)y * original->stride
                       : NULL,
              mask ? mask + (size_t)y * layout->width : NULL, layout->width,
              layout->channels);
  cairo_surface_mark_dirty (surface);
}
