/* ssim-avx2.c: the SSIM's Gaussian window (stats-ssim.c) with AVX2, four
 * pixels at a time: for each lane the same multiplications and additions,
 * in the same order, as the portable filters, so that the SSIM is the same
 * bit for bit on every kernel path.  The 11 taps come from stats-ssim.c.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <immintrin.h>

#include "../stats.h"

#define TAPS 11

void
jart_avx2_ssim_filter (const double *w, const double *const *rows, int n,
                       double *out)
{
  __m256d wk[TAPS];
  int x = 0, k;

  for (k = 0; k < TAPS; k++)
    wk[k] = _mm256_set1_pd (w[k]);
  for (; x + 8 <= n; x += 8)
    {
      __m256d a = _mm256_setzero_pd (), b = _mm256_setzero_pd ();

      for (k = 0; k < TAPS; k++)
        {
          a = _mm256_add_pd (
              a, _mm256_mul_pd (wk[k], _mm256_loadu_pd (rows[k] + x)));
          b = _mm256_add_pd (
              b, _mm256_mul_pd (wk[k], _mm256_loadu_pd (rows[k] + x + 4)));
        }
      _mm256_storeu_pd (out + x, a);
      _mm256_storeu_pd (out + x + 4, b);
    }
  for (; x < n; x++)
    {
      double sum = 0.0;

      for (k = 0; k < TAPS; k++)
        sum += w[k] * rows[k][x];
      out[x] = sum;
    }
}
