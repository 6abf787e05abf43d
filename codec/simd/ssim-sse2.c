/* ssim-sse2.c: the SSIM's filters and per-pixel formula (stats-ssim.c's
 * ssim_row and ssim_rows) with SSE2, four columns at a time in single
 * precision and two in double, for the processors without AVX2: for each
 * lane the same conversions, multiplications, additions and divisions, in
 * the same order, as the portable code (and simd/ssim-avx2.c), so that the
 * SSIM is the same bit for bit on every kernel path.  The window and the
 * formula are ssim-x86.h's.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <emmintrin.h>
#include <stddef.h>
#include <string.h>

#define VF __m128
#define VD __m128d
#define vf_load _mm_loadu_ps
#define vf_add _mm_add_ps
#define vf_mul _mm_mul_ps
#define vd_set1 _mm_set1_pd
#define vd_add _mm_add_pd
#define vd_sub _mm_sub_pd
#define vd_mul _mm_mul_pd
#define vd_div _mm_div_pd
#include "ssim-x86.h"

void
jart_sse2_ssim_row (const float *w, const uint8_t *x, const uint8_t *y,
                    int shift, JartSsimRow h)
{
  float in[Q_COUNT][READ];
  const __m128i s = _mm_set1_epi32 (shift), zero = _mm_setzero_si128 ();
  __m128 wk[RADIUS + 1];
  int i, j, k, q;

  for (k = 0; k <= RADIUS; k++)
    wk[k] = _mm_set1_ps (w[k]);
  for (i = 0; i < READ; i += 4)
    {
      int32_t xi, yi;
      __m128i xb, yb;
      __m128 u, v;

      memcpy (&xi, x + i, sizeof xi);
      memcpy (&yi, y + i, sizeof yi);
      xb = _mm_unpacklo_epi8 (_mm_cvtsi32_si128 (xi), zero);
      yb = _mm_unpacklo_epi8 (_mm_cvtsi32_si128 (yi), zero);
      u = _mm_cvtepi32_ps (_mm_sub_epi32 (_mm_unpacklo_epi16 (xb, zero), s));
      v = _mm_cvtepi32_ps (_mm_sub_epi32 (_mm_unpacklo_epi16 (yb, zero), s));

      _mm_storeu_ps (in[0] + i, u);
      _mm_storeu_ps (in[1] + i, v);
      _mm_storeu_ps (in[2] + i, _mm_mul_ps (u, u));
      _mm_storeu_ps (in[3] + i, _mm_mul_ps (v, v));
      _mm_storeu_ps (in[4] + i, _mm_mul_ps (u, v));
    }
  for (q = 0; q < Q_COUNT; q++)
    for (j = 0; j < TILE; j += 4)
      _mm_storeu_ps (h[q] + j, window (wk, in[q] + j, 1));
}

void
jart_sse2_ssim_rows (const float *w, const JartSsimRow *h, int rows, int shift,
                     int xa, int xb, double acc[8])
{
  const __m128d sh = _mm_set1_pd ((double)shift);
  __m128d sum[4], keep[TILE / 2];
  __m128 wk[RADIUS + 1];
  int o, j, k, q, l;

  for (l = 0; l < 4; l++)
    sum[l] = _mm_loadu_pd (acc + 2 * l);
  for (k = 0; k <= RADIUS; k++)
    wk[k] = _mm_set1_ps (w[k]);
  /* All ones in the lanes of columns XA .. XB - 1, which count. */
  for (j = 0; j < TILE; j += 2)
    keep[j / 2] = _mm_castsi128_pd (
        _mm_set_epi64x (-(long long)(j + 1 >= xa && j + 1 < xb),
                        -(long long)(j >= xa && j < xb)));
  for (o = 0; o < rows; o++)
    for (j = 0; j < TILE; j += 4)
      {
        __m128 m[Q_COUNT];
        __m128d v;

#pragma GCC unroll 8
        for (q = 0; q < Q_COUNT; q++)
          m[q] = window (wk, h[o][q] + j, Q_COUNT * TILE);
        v = pixel_ssim (_mm_cvtps_pd (m[0]), _mm_cvtps_pd (m[1]),
                        _mm_cvtps_pd (m[2]), _mm_cvtps_pd (m[3]),
                        _mm_cvtps_pd (m[4]), sh);
        l = (j % 8) / 2;
        sum[l] = _mm_add_pd (sum[l], _mm_and_pd (keep[j / 2], v));
        v = pixel_ssim (_mm_cvtps_pd (_mm_movehl_ps (m[0], m[0])),
                        _mm_cvtps_pd (_mm_movehl_ps (m[1], m[1])),
                        _mm_cvtps_pd (_mm_movehl_ps (m[2], m[2])),
                        _mm_cvtps_pd (_mm_movehl_ps (m[3], m[3])),
                        _mm_cvtps_pd (_mm_movehl_ps (m[4], m[4])), sh);
        sum[l + 1] = _mm_add_pd (sum[l + 1], _mm_and_pd (keep[j / 2 + 1], v));
      }
  for (l = 0; l < 4; l++)
    _mm_storeu_pd (acc + 2 * l, sum[l]);
}
