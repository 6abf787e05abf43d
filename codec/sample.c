/* sample.c: chroma down- and upsampling, as libjpeg-turbo's jcsample.c and
 * jdsample.c (fancy upsampling on, the default) compute them.
 *
 * Down: 2:1 horizontally averages pairs with a bias alternating 0, 1 along
 * the row; 2x2 averages quads with a bias alternating 1, 2; the other
 * integer ratios (4:4:0 and 4:1:1) round the mean.  The alternating bias
 * keeps the rounding error from piling up on one side.
 *
 * Up ("fancy", a triangle filter): each output sample is 3/4 of the
 * nearest input sample plus 1/4 of the next nearest, horizontally for
 * 4:2:2, vertically for 4:4:0, both for 4:2:0 (there 9/16, 3/16, 3/16,
 * 1/16), with the neighbours clamped to the component's real samples
 * (never its padding).  4:2:2 and 4:2:0 fall back to plain replication
 * when the component is at most 2 samples wide; 4:1:1 always replicates.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "kernels.h"

void
jart_sampling_factors (JartSubsampling subsampling, int *h, int *v)
{
  switch (subsampling)
    {
    case JART_SUBSAMPLING_422:
      *h = 2, *v = 1;
      break;
    case JART_SUBSAMPLING_420:
      *h = 2, *v = 2;
      break;
    case JART_SUBSAMPLING_440:
      *h = 1, *v = 2;
      break;
    case JART_SUBSAMPLING_411:
      *h = 4, *v = 1;
      break;
    case JART_SUBSAMPLING_444:
    default:
      *h = 1, *v = 1;
      break;
    }
}

void
jart_mcu_size (JartSubsampling subsampling, int channels, int *width,
               int *height)
{
  int h = 1, v = 1;

  if (channels >= 3)
    jart_sampling_factors (subsampling, &h, &v);
  if (width != NULL)
    *width = 8 * h;
  if (height != NULL)
    *height = 8 * v;
}

void
jart_downsample_row (int h, int v, const uint8_t *const *rows, int out_width,
                     uint8_t *out)
{
  const uint8_t *a = rows[0];
  int k;

  if (h == 1 && v == 1)
    {
      for (k = 0; k < out_width; k++)
        out[k] = a[k];
    }
  else if (h == 2 && v == 1)
    {
      for (k = 0; k < out_width; k++)
        out[k] = (uint8_t)((a[2 * k] + a[2 * k + 1] + (k & 1)) >> 1);
    }
  else if (h == 2 && v == 2)
    {
      const uint8_t *b = rows[1];

      for (k = 0; k < out_width; k++)
        out[k] = (uint8_t)((a[2 * k] + a[2 * k + 1] + b[2 * k] + b[2 * k + 1]
                            + 1 + (k & 1))
                           >> 2);
    }
  else if (h == 1 && v == 2)
    {
      const uint8_t *b = rows[1];

      for (k = 0; k < out_width; k++)
        out[k] = (uint8_t)((a[k] + b[k] + 1) >> 1);
    }
  else /* h == 4, v == 1 */
    {
      for (k = 0; k < out_width; k++)
        out[k] = (uint8_t)((a[4 * k] + a[4 * k + 1] + a[4 * k + 2]
                            + a[4 * k + 3] + 2)
                           >> 2);
    }
}

static inline int
clamp_index (int i, int last)
{
  return i < 0 ? 0 : i > last ? last : i;
}

void
jart_upsample_row (const JartKernels *kernels, int h, int v,
                   const uint8_t *plane, size_t stride, int dw, int dh, int cy,
                   int x0, int n, int32_t *sums, uint8_t *pairs, uint8_t *out)
{
  int i;

  if (h == 1 && v == 1)
    memcpy (out, plane + (size_t)cy * stride + x0, (size_t)n);
  else if (h == 2 && dw <= 2)
    {
      /* Too narrow for the triangle filter: replicate (2:1 or 2x2). */
      const uint8_t *row = plane + (size_t)(cy / v) * stride;

      for (i = 0; i < n; i++)
        out[i] = row[(x0 + i) >> 1];
    }
  else if (h == 2)
    {
      /* 4:2:2 and 4:2:0.  Column sums S (with one guard sample on each
       * side, S[-1] = S[0] and S[dw] = S[dw - 1]), then 3:1 horizontally.
       * For 4:2:2 the sums are 4 * in, which with the biases 4 and 8 and
       * the shift 4 gives (3 in[c] + in[c -+ 1] + 1 or 2) >> 2 exactly. */
      int32_t *s = sums + 1;
      int c_lo = x0 >> 1, c_hi = (x0 + n - 1) >> 1;
      int s_lo = c_lo > 0 ? c_lo - 1 : 0;
      int s_hi = c_hi < dw - 1 ? c_hi + 1 : dw - 1;
      const uint8_t *near, *far;

      if (v == 2)
        {
          int r = cy >> 1;
          int r2 = clamp_index ((cy & 1) ? r + 1 : r - 1, dh - 1);

          near = plane + (size_t)r * stride;
          far = plane + (size_t)r2 * stride;
        }
      else
        near = far = plane + (size_t)cy * stride;
      /* From an even column the pairs can go straight to OUT (which has
         room for one more). */
      uint8_t *to = (x0 & 1) ? pairs : out;
      const int bias_even = v == 2 ? 8 : 4, bias_odd = v == 2 ? 7 : 8;

      if (kernels->fancy_h2_16 != NULL)
        {
          /* The same in 16-bit sums, in SUMS' room. */
          int16_t *s16 = (int16_t *)(void *)sums + 1;

          kernels->fancy_rows16 (near + s_lo, far + s_lo, s_hi - s_lo + 1,
                                 s16 + s_lo);
          s16[-1] = s16[0];
          s16[dw] = s16[dw - 1];
          kernels->fancy_h2_16 (s16, c_lo, c_hi + 1, bias_even, bias_odd, 4,
                                to);
        }
      else
        {
          kernels->fancy_rows (near + s_lo, far + s_lo, s_hi - s_lo + 1,
                               s + s_lo);
          s[-1] = s[0];
          s[dw] = s[dw - 1];
          kernels->fancy_h2 (s, c_lo, c_hi + 1, bias_even, bias_odd, 4, to);
        }
      if (x0 & 1)
        memcpy (out, pairs + 1, (size_t)n);
    }
  else if (v == 2)
    {
      /* 4:4:0: 3:1 vertically. */
      int r = cy >> 1;
      const uint8_t *near = plane + (size_t)r * stride + x0;
      const uint8_t *far;
      int bias;

      if (cy & 1)
        far = plane + (size_t)clamp_index (r + 1, dh - 1) * stride + x0,
        bias = 2;
      else
        far = plane + (size_t)clamp_index (r - 1, dh - 1) * stride + x0,
        bias = 1;
      for (i = 0; i < n; i++)
        out[i] = (uint8_t)((3 * near[i] + far[i] + bias) >> 2);
    }
  else /* h == 4, v == 1: replicate */
    {
      const uint8_t *row = plane + (size_t)cy * stride;

      for (i = 0; i < n; i++)
        out[i] = row[(x0 + i) >> 2];
    }
}
