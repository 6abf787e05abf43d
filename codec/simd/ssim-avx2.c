/* ssim-avx2.c: the SSIM's Gaussian window (stats-ssim.c) with AVX2, four
 * pixels at a time: for each lane the same multiplications and additions,
 * in the same order, as the portable filter (the centre tap, then each pair
 * of taps at the same distance, added before they are weighted), so that
 * the SSIM is the same bit for bit on every kernel path.  The 11 taps come
 * from stats-ssim.c.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <immintrin.h>

#include "stats.h"

#define RADIUS 5
#define TAPS (2 * RADIUS + 1)

void
jart_avx2_ssim_filter (const double *w, const double *const *rows, int n,
                       double *out)
{
  __m256d wk[RADIUS + 1];
  int x = 0, k;

  for (k = 0; k <= RADIUS; k++)
    wk[k] = _mm256_set1_pd (w[k]);
  for (; x + 8 <= n; x += 8)
    {
      __m256d a
          = _mm256_mul_pd (wk[RADIUS], _mm256_loadu_pd (rows[RADIUS] + x));
      __m256d b
          = _mm256_mul_pd (wk[RADIUS], _mm256_loadu_pd (rows[RADIUS] + x + 4));

      for (k = 0; k < RADIUS; k++)
        {
          const double *near = rows[k] + x, *far = rows[TAPS - 1 - k] + x;

          a = _mm256_add_pd (
              a, _mm256_mul_pd (wk[k], _mm256_add_pd (_mm256_loadu_pd (near),
                                                      _mm256_loadu_pd (far))));
          b = _mm256_add_pd (
              b, _mm256_mul_pd (wk[k],
                                _mm256_add_pd (_mm256_loadu_pd (near + 4),
                                               _mm256_loadu_pd (far + 4))));
        }
      _mm256_storeu_pd (out + x, a);
      _mm256_storeu_pd (out + x + 4, b);
    }
  for (; x < n; x++)
    {
      double sum = w[RADIUS] * rows[RADIUS][x];

      for (k = 0; k < RADIUS; k++)
        sum += w[k] * (rows[k][x] + rows[TAPS - 1 - k][x]);
      out[x] = sum;
    }
}
