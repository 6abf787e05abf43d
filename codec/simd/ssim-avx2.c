/* ssim-avx2.c: the SSIM's filters and per-pixel formula (stats-ssim.c's
 * ssim_row and ssim_rows) with AVX2, eight columns at a time in single
 * precision and four in double: for each lane the same conversions,
 * multiplications, additions and divisions, in the same order, as the
 * portable code (the centre tap, then each pair of taps at the same
 * distance, added before they are weighted, the farthest first; the
 * lane sums of each column modulo 8), so that the SSIM is the same bit
 * for bit on every kernel path.  No fused multiply-add: it rounds once
 * where the portable code rounds twice.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <immintrin.h>
#include <stddef.h>

#include "stats.h"

#define RADIUS JART_SSIM_RADIUS
#define TAPS (2 * RADIUS + 1)
#define TILE JART_SSIM_TILE
#define Q_COUNT JART_SSIM_QUANTITIES
#define READ JART_SSIM_SPAN_READ

/* The window at eight columns: tap k's samples at BASE + k STEP. */
static inline __m256
window (const __m256 *wk, const float *base, ptrdiff_t step)
{
  __m256 sum
      = _mm256_mul_ps (wk[RADIUS], _mm256_loadu_ps (base + RADIUS * step));
  int k;

#pragma GCC unroll 8
  for (k = 0; k < RADIUS; k++)
    sum = _mm256_add_ps (
        sum, _mm256_mul_ps (
                 wk[k], _mm256_add_ps (
                            _mm256_loadu_ps (base + k * step),
                            _mm256_loadu_ps (base + (TAPS - 1 - k) * step))));
  return sum;
}

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

/* The SSIM of four pixels from their five local means (stats-ssim.c's
 * pixel_ssim). */
static inline __m256d
pixel_ssim (__m256d mx, __m256d my, __m256d xx, __m256d yy, __m256d xy,
            __m256d shift)
{
  const __m256d c1 = _mm256_set1_pd ((0.01 * 255.0) * (0.01 * 255.0));
  const __m256d c2 = _mm256_set1_pd ((0.03 * 255.0) * (0.03 * 255.0));
  const __m256d two = _mm256_set1_pd (2.0);
  const __m256d vx = _mm256_sub_pd (xx, _mm256_mul_pd (mx, mx));
  const __m256d vy = _mm256_sub_pd (yy, _mm256_mul_pd (my, my));
  const __m256d vxy = _mm256_sub_pd (xy, _mm256_mul_pd (mx, my));
  const __m256d ux = _mm256_add_pd (mx, shift);
  const __m256d uy = _mm256_add_pd (my, shift);
  const __m256d a1
      = _mm256_add_pd (_mm256_mul_pd (_mm256_mul_pd (two, ux), uy), c1);
  const __m256d a2 = _mm256_add_pd (_mm256_mul_pd (two, vxy), c2);
  const __m256d b1 = _mm256_add_pd (
      _mm256_add_pd (_mm256_mul_pd (ux, ux), _mm256_mul_pd (uy, uy)), c1);
  const __m256d b2 = _mm256_add_pd (_mm256_add_pd (vx, vy), c2);

  return _mm256_div_pd (_mm256_mul_pd (a1, a2), _mm256_mul_pd (b1, b2));
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
