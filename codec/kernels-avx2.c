/* kernels-avx2.c: the kernels of kernels-x86.h on AVX2, one 256-bit
 * register a vector of eight 32-bit lanes.  Compiled with -mavx2 and run
 * only when the CPU has AVX2.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <immintrin.h>
#include <string.h>

#include "kernels.h"

typedef __m256i V;

static inline V
v_set1 (int32_t x)
{
  return _mm256_set1_epi32 (x);
}

static inline V
v_add (V a, V b)
{
  return _mm256_add_epi32 (a, b);
}

static inline V
v_sub (V a, V b)
{
  return _mm256_sub_epi32 (a, b);
}

static inline V
v_mul (V a, V b)
{
  return _mm256_mullo_epi32 (a, b);
}

#define v_srai(a, n) _mm256_srai_epi32 ((a), (n))
#define v_slli(a, n) _mm256_slli_epi32 ((a), (n))

static inline V
v_xor (V a, V b)
{
  return _mm256_xor_si256 (a, b);
}

static inline V
v_gt (V a, V b)
{
  return _mm256_cmpgt_epi32 (a, b);
}

static inline V
v_quotient (V n, const float *reciprocal)
{
  return _mm256_cvttps_epi32 (
      _mm256_mul_ps (_mm256_cvtepi32_ps (n), _mm256_loadu_ps (reciprocal)));
}

static inline V
v_load (const int32_t *p)
{
  return _mm256_loadu_si256 ((const __m256i *)p);
}

static inline void
v_store (int32_t *p, V v)
{
  _mm256_storeu_si256 ((__m256i *)p, v);
}

static inline V
v_load_u8 (const uint8_t *p)
{
  return _mm256_cvtepu8_epi32 (_mm_loadl_epi64 ((const __m128i *)p));
}

static inline void
v_store_u8 (uint8_t *p, V v)
{
  __m128i w = _mm_packs_epi32 (_mm256_castsi256_si128 (v),
                               _mm256_extracti128_si256 (v, 1));

  _mm_storel_epi64 ((__m128i *)p, _mm_packus_epi16 (w, w));
}

static inline V
v_srai_var (V a, int n)
{
  return _mm256_sra_epi32 (a, _mm_cvtsi32_si128 (n));
}

/* Stores 16 samples: A[0], B[0], A[1], B[1] ... clamped to 0..255. */
static inline void
v_store_u8_pairs (uint8_t *p, V a, V b)
{
  __m128i wa = _mm_packs_epi32 (_mm256_castsi256_si128 (a),
                                _mm256_extracti128_si256 (a, 1));
  __m128i wb = _mm_packs_epi32 (_mm256_castsi256_si128 (b),
                                _mm256_extracti128_si256 (b, 1));

  _mm_storeu_si128 ((__m128i *)p,
                    _mm_unpacklo_epi8 (_mm_packus_epi16 (wa, wa),
                                       _mm_packus_epi16 (wb, wb)));
}

static inline void
v_transpose (V r[8])
{
  V t0 = _mm256_unpacklo_epi32 (r[0], r[1]);
  V t1 = _mm256_unpackhi_epi32 (r[0], r[1]);
  V t2 = _mm256_unpacklo_epi32 (r[2], r[3]);
  V t3 = _mm256_unpackhi_epi32 (r[2], r[3]);
  V t4 = _mm256_unpacklo_epi32 (r[4], r[5]);
  V t5 = _mm256_unpackhi_epi32 (r[4], r[5]);
  V t6 = _mm256_unpacklo_epi32 (r[6], r[7]);
  V t7 = _mm256_unpackhi_epi32 (r[6], r[7]);
  V u0 = _mm256_unpacklo_epi64 (t0, t2);
  V u1 = _mm256_unpackhi_epi64 (t0, t2);
  V u2 = _mm256_unpacklo_epi64 (t1, t3);
  V u3 = _mm256_unpackhi_epi64 (t1, t3);
  V u4 = _mm256_unpacklo_epi64 (t4, t6);
  V u5 = _mm256_unpackhi_epi64 (t4, t6);
  V u6 = _mm256_unpacklo_epi64 (t5, t7);
  V u7 = _mm256_unpackhi_epi64 (t5, t7);

  r[0] = _mm256_permute2x128_si256 (u0, u4, 0x20);
  r[1] = _mm256_permute2x128_si256 (u1, u5, 0x20);
  r[2] = _mm256_permute2x128_si256 (u2, u6, 0x20);
  r[3] = _mm256_permute2x128_si256 (u3, u7, 0x20);
  r[4] = _mm256_permute2x128_si256 (u0, u4, 0x31);
  r[5] = _mm256_permute2x128_si256 (u1, u5, 0x31);
  r[6] = _mm256_permute2x128_si256 (u2, u6, 0x31);
  r[7] = _mm256_permute2x128_si256 (u3, u7, 0x31);
}

/* Pixels v_load_rgb may read: 10 for step 3 (its second load starts at
 * pixel 4 and takes 16 bytes), 8 for step 4. */
#define V_RGB_READ 10

/* Eight interleaved pixels to R, G and B lanes: each 128-bit half holds
 * four pixels, and one byte shuffle a channel puts their samples in the
 * low bytes of the 32-bit lanes. */
static inline void
v_load_rgb (const uint8_t *p, int step, V *r, V *g, V *b)
{
  V x;

  if (step == 3)
    {
      x = _mm256_inserti128_si256 (
          _mm256_castsi128_si256 (_mm_loadu_si128 ((const __m128i *)p)),
          _mm_loadu_si128 ((const __m128i *)(p + 12)), 1);
      *r = _mm256_shuffle_epi8 (
          x, _mm256_setr_epi8 (0, -1, -1, -1, 3, -1, -1, -1, 6, -1, -1, -1, 9,
                               -1, -1, -1, 0, -1, -1, -1, 3, -1, -1, -1, 6, -1,
                               -1, -1, 9, -1, -1, -1));
      *g = _mm256_shuffle_epi8 (
          x, _mm256_setr_epi8 (1, -1, -1, -1, 4, -1, -1, -1, 7, -1, -1, -1, 10,
                               -1, -1, -1, 1, -1, -1, -1, 4, -1, -1, -1, 7, -1,
                               -1, -1, 10, -1, -1, -1));
      *b = _mm256_shuffle_epi8 (
          x, _mm256_setr_epi8 (2, -1, -1, -1, 5, -1, -1, -1, 8, -1, -1, -1, 11,
                               -1, -1, -1, 2, -1, -1, -1, 5, -1, -1, -1, 8, -1,
                               -1, -1, 11, -1, -1, -1));
    }
  else
    {
      const V low = _mm256_set1_epi32 (0xFF);

      x = _mm256_loadu_si256 ((const __m256i *)p);
      *r = _mm256_and_si256 (x, low);
      *g = _mm256_and_si256 (_mm256_srli_epi32 (x, 8), low);
      *b = _mm256_and_si256 (_mm256_srli_epi32 (x, 16), low);
    }
}

static inline V
v_clamp_u8 (V x)
{
  return _mm256_min_epi32 (_mm256_max_epi32 (x, _mm256_setzero_si256 ()),
                           _mm256_set1_epi32 (255));
}

/* Eight pixels from R, G and B lanes, clamped: the 32-bit lanes are made
 * R | G << 8 | B << 16, then alpha goes in the top byte (step 4) or a
 * byte shuffle packs each half's four pixels into 12 bytes (step 3). */
static inline void
v_store_rgb (uint8_t *p, int step, const uint8_t *alpha, V r, V g, V b)
{
  V x = _mm256_or_si256 (
      _mm256_or_si256 (v_clamp_u8 (r), _mm256_slli_epi32 (v_clamp_u8 (g), 8)),
      _mm256_slli_epi32 (v_clamp_u8 (b), 16));

  if (step == 3)
    {
      x = _mm256_shuffle_epi8 (
          x, _mm256_setr_epi8 (0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, -1, -1,
                               -1, -1, 0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14,
                               -1, -1, -1, -1));
      _mm_storeu_si128 ((__m128i *)p, _mm256_castsi256_si128 (x));
      _mm_storeu_si128 ((__m128i *)(p + 12), _mm256_extracti128_si256 (x, 1));
    }
  else
    {
      V a = _mm256_and_si256 (_mm256_loadu_si256 ((const __m256i *)alpha),
                              _mm256_set1_epi32 ((int32_t)0xFF000000u));

      _mm256_storeu_si256 ((__m256i *)p, _mm256_or_si256 (x, a));
    }
}

#include "kernels-x86.h"

const JartKernels jart_kernels_avx2 = {
  .path = JART_KERNELS_AVX2,
  .name = "avx2",
  .transform_blocks = simd_transform_blocks,
  .rgb_to_ycc = simd_rgb_to_ycc,
  .ycc_to_rgb = simd_ycc_to_rgb,
  .downsample = jart_sse2_downsample,
  .fancy_rows = simd_fancy_rows,
  .fancy_h2 = simd_fancy_h2,
};
