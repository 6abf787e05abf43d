/* gegl-pixels.c: colours from the codec, alpha from the drawable, through
 * a GEGL buffer iterator over both buffers (plugin/common/pixel-format.c
 * joins each run of pixels).
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gegl-pixels.h"
#include "pixel-format.h"

void
ja_gegl_write_keeping_alpha (GeglBuffer *destination, GeglBuffer *source,
                             const GeglRectangle *area, const Babl *format,
                             const JartImage *result)
{
  GeglBufferIterator *iter;
  int channels = result->channels;

  iter = gegl_buffer_iterator_new (destination, area, 0, format,
                                   GEGL_ACCESS_WRITE, GEGL_ABYSS_NONE, 2);
  gegl_buffer_iterator_add (iter, source, area, 0, format, GEGL_ACCESS_READ,
                            GEGL_ABYSS_NONE);

  while (gegl_buffer_iterator_next (iter))
    {
      const GeglRectangle *roi = &iter->items[0].roi;
      gdouble *out = iter->items[0].data;
      const gdouble *in = iter->items[1].data;
      int y;

      for (y = 0; y < roi->height; y++)
        {
          const uint8_t *row = result->pixels
                               + (size_t)(roi->y + y) * result->stride
                               + (size_t)roi->x * (size_t)channels;

          ja_pixel_keep_alpha (row, in, out, roi->width, channels);
          out += (size_t)roi->width * (size_t)channels;
          in += (size_t)roi->width * (size_t)channels;
        }
    }
}
