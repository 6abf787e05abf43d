/* difference.c: jart_difference, the amplified difference of a result
 * against its original that the plug-in's difference layer, the preview's
 * difference view and the tool's --difference show: one definition, so
 * that the three give the same pixels.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "jart-private.h"

JartStatus
jart_difference (const JartImage *result, const JartImage *original,
                 JartImage *dst)
{
  const int channels = result != NULL ? result->channels : 0;
  const int colours = channels == 2 || channels == 4 ? channels - 1 : channels;
  JartStatus status;
  int x, y, c;

  if ((status = jart_image_pair_check (result, original)) != JART_OK
      || (status = jart_image_pair_check (result, dst)) != JART_OK)
    return status;
  for (y = 0; y < result->height; y++)
    {
      const uint8_t *r = result->pixels + (size_t)y * result->stride;
      const uint8_t *o = original->pixels + (size_t)y * original->stride;
      uint8_t *d = dst->pixels + (size_t)y * dst->stride;

      for (x = 0; x < result->width * channels; x += channels)
        {
          for (c = 0; c < colours; c++)
            {
              int diff = r[x + c] > o[x + c] ? r[x + c] - o[x + c]
                                             : o[x + c] - r[x + c];

              d[x + c] = (uint8_t)(diff > 255 / JART_DIFFERENCE_GAIN
                                       ? 255
                                       : diff * JART_DIFFERENCE_GAIN);
            }
          if (colours < channels)
            d[x + colours] = r[x + colours];
        }
    }
  return JART_OK;
}
