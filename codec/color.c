/* color.c: colour conversion between R'G'B' and YCbCr, in the fixed point
 * of libjpeg-turbo's jccolor.c (encoder) and jdcolor.c (decoder).
 *
 * The constants are the JFIF (ITU-R BT.601) coefficients in 16 fraction
 * bits, FIX(x) = round (x * 65536): 0.29900 -> 19595, 0.58700 -> 38470,
 * 0.11400 -> 7471, 0.16874 -> 11059, 0.33126 -> 21709, 0.41869 -> 27439,
 * 0.08131 -> 5329; for decoding 1.40200 -> 91881, 1.77200 -> 116130,
 * 0.34414 -> 22554, 0.71414 -> 46802.  The encoder's chroma rows add one
 * half minus one (32767) so they stay below 256; the decoder clamps.
 * Rows are interleaved pixels of 3 (RGB) or 4 (RGBA) bytes; alpha passes
 * through the decoder unchanged.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "jart-private.h"

#define HALF (1 << 15)     /* jccolor.c's ONE_HALF: 0.5, 16 fraction bits */
#define CENTER (128 << 16) /* its CBCR_OFFSET: 128, 16 fraction bits */

uint8_t
jart_rgb_to_y (uint8_t r, uint8_t g, uint8_t b)
{
  return (uint8_t)((19595 * r + 38470 * g + 7471 * b + HALF) >> 16);
}

void
jart_rgb_to_y_row (const uint8_t *pixels, int step, int n, uint8_t *y)
{
  int i;

  for (i = 0; i < n; i++, pixels += step)
    y[i] = jart_rgb_to_y (pixels[0], pixels[1], pixels[2]);
}

void
jart_rgb_to_ycc_row (const uint8_t *pixels, int step, int n, uint8_t *y,
                     uint8_t *cb, uint8_t *cr)
{
  int i;

  for (i = 0; i < n; i++, pixels += step)
    {
      int32_t r = pixels[0], g = pixels[1], b = pixels[2];

      y[i] = (uint8_t)((19595 * r + 38470 * g + 7471 * b + HALF) >> 16);
      cb[i]
          = (uint8_t)((-11059 * r - 21709 * g + 32768 * b + CENTER + HALF - 1)
                      >> 16);
      cr[i] = (uint8_t)((32768 * r - 27439 * g - 5329 * b + CENTER + HALF - 1)
                        >> 16);
    }
}

static inline uint8_t
clamp_sample (int32_t v)
{
  return (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v);
}

void
jart_ycc_to_rgb_row (const uint8_t *y, const uint8_t *cb, const uint8_t *cr,
                     int n, const uint8_t *alpha, int step, uint8_t *out)
{
  int i;

  for (i = 0; i < n; i++, out += step)
    {
      int32_t luma = y[i];
      int32_t b = cb[i] - 128;
      int32_t r = cr[i] - 128;

      /* >> on a negative value is an arithmetic shift with GCC and Clang,
         which is what libjpeg's RIGHT_SHIFT is too. */
      out[0] = clamp_sample (luma + ((91881 * r + HALF) >> 16));
      out[1] = clamp_sample (luma + ((-22554 * b - 46802 * r + HALF) >> 16));
      out[2] = clamp_sample (luma + ((116130 * b + HALF) >> 16));
      if (step == 4)
        out[3] = alpha[(size_t)i * 4 + 3];
    }
}
