/* ssim-avx2.c: the SSIM's filters and per-pixel formula (stats-ssim.c's
 * ssim_row and ssim_rows) with AVX2, eight columns at a time in single
 * precision and four in double: for each lane the same conversions,
 * multiplications, additions and divisions, in the same order, as the
 * portable code (the centre tap, then each pair of taps at the same
 * distance, added before they are weighted, the farthest first; the
 * lane sums of each column modulo 8), so that the SSIM is the same bit
 * for bit on every kernel path.  No fused multiply-add: it rounds once
 * where the portable code rounds twice.  The window and the formula are
 * ssim-x86.h's.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <immintrin.h>
#include <stddef.h>

#define VF __m256
#define VD __m256d
#define vf_load _mm256_loadu_ps
#define vf_add _mm256_add_ps
#define vf_mul _mm256_mul_ps
#define vd_set1 _mm256_set1_pd
#define vd_add _mm256_add_pd
#define vd_sub _mm256_sub_pd
#define vd_mul _mm256_mul_pd
#define vd_div _mm256_div_pd
#include "ssim-x86.h"

/* The same at the TILE columns from BASE on, into OUT: independent sums. */
static inline void
window_tile (const __m256 *wk, const float *base, ptrdiff_t step, float *out)
{
  __m256 sum[TILE / 8];
  int j, k;

#pragma GCC unroll 8
  for (j = 0; j < TILE / 8; j++)
    sum[j] = _mm256_mul_ps (wk[RADIUS],
                            _mm256_loadu_ps (base + RADIUS * step + 8 * j));
#pragma GCC unroll 8
  for (k = 0; k < RADIUS; k++)
#pragma GCC unroll 8
    for (j = 0; j < TILE / 8; j++)
      sum[j] = _mm256_add_ps (
          sum[j], _mm256_mul_ps (
                      wk[k], _mm256_add_ps (
                                 _mm256_loadu_ps (base + k * step + 8 * j),
                                 _mm256_loadu_ps (base + (TAPS - 1 - k) * step
                                                  + 8 * j))));
#pragma GCC unroll 8
  for (j = 0; j < TILE / 8; j++)
    _mm256_storeu_ps (out + 8 * j, sum[j]);
}

void
jart_avx2_ssim_row (const float *w, const uint8_t *x, const uint8_t *y,
                    int shift, JartSsimRow h)
{
  float in[Q_COUNT][READ];
  const __m256i s = _mm256_set1_epi32 (shift);
  __m256 wk[RADIUS + 1];
  int i, k, q;

  for (k = 0; k <= RADIUS; k++)
    wk[k] = _mm256_set1_ps (w[k]);
  for (i = 0; i < READ; i += 8)
    {
      const __m256 u = _mm256_cvtepi32_ps (_mm256_sub_epi32 (
          _mm256_cvtepu8_epi32 (_mm_loadl_epi64 ((const __m128i *)(x + i))),
          s));
      const __m256 v = _mm256_cvtepi32_ps (_mm256_sub_epi32 (
          _mm256_cvtepu8_epi32 (_mm_loadl_epi64 ((const __m128i *)(y + i))),
          s));

      _mm256_storeu_ps (in[0] + i, u);
      _mm256_storeu_ps (in[1] + i, v);
      _mm256_storeu_ps (in[2] + i, _mm256_mul_ps (u, u));
      _mm256_storeu_ps (in[3] + i, _mm256_mul_ps (v, v));
      _mm256_storeu_ps (in[4] + i, _mm256_mul_ps (u, v));
    }
  for (q = 0; q < Q_COUNT; q++)
    window_tile (wk, in[q], 1, h[q]);
}

void
jart_avx2_ssim_rows (const float *w, const JartSsimRow *h, int rows, int shift,
                     int xa, int xb, double acc[8])
{
  const __m256d sh = _mm256_set1_pd ((double)shift);
  __m256d lo = _mm256_loadu_pd (acc), hi = _mm256_loadu_pd (acc + 4);
  __m256d keep[TILE / 4];
  __m256 wk[RADIUS + 1];
  int o, j, k, q;

  for (k = 0; k <= RADIUS; k++)
    wk[k] = _mm256_set1_ps (w[k]);
  /* All ones in the lanes of columns XA .. XB - 1, which count. */
  for (j = 0; j < TILE; j += 4)
    keep[j / 4] = _mm256_castsi256_pd (_mm256_setr_epi64x (
        -(j >= xa && j < xb), -(j + 1 >= xa && j + 1 < xb),
        -(j + 2 >= xa && j + 2 < xb), -(j + 3 >= xa && j + 3 < xb)));
  for (o = 0; o < rows; o++)
    {
      for (j = 0; j < TILE; j += 8)
        {
          __m256 m[Q_COUNT];

#pragma GCC unroll 8
          for (q = 0; q < Q_COUNT; q++)
            m[q] = window (wk, h[o][q] + j, Q_COUNT * TILE);
          lo = _mm256_add_pd (
              lo,
              _mm256_and_pd (
                  keep[j / 4],
                  pixel_ssim (_mm256_cvtps_pd (_mm256_castps256_ps128 (m[0])),
                              _mm256_cvtps_pd (_mm256_castps256_ps128 (m[1])),
                              _mm256_cvtps_pd (_mm256_castps256_ps128 (m[2])),
                              _mm256_cvtps_pd (_mm256_castps256_ps128 (m[3])),
                              _mm256_cvtps_pd (_mm256_castps256_ps128 (m[4])),
                              sh)));
          hi = _mm256_add_pd (
              hi,
              _mm256_and_pd (
                  keep[j / 4 + 1],
                  pixel_ssim (
                      _mm256_cvtps_pd (_mm256_extractf128_ps (m[0], 1)),
                      _mm256_cvtps_pd (_mm256_extractf128_ps (m[1], 1)),
                      _mm256_cvtps_pd (_mm256_extractf128_ps (m[2], 1)),
                      _mm256_cvtps_pd (_mm256_extractf128_ps (m[3], 1)),
                      _mm256_cvtps_pd (_mm256_extractf128_ps (m[4], 1)), sh)));
        }
    }
  _mm256_storeu_pd (acc, lo);
  _mm256_storeu_pd (acc + 4, hi);
}
