/* kernels-avx2.c: the kernels of kernels-x86.h on AVX2, one 256-bit
 * register a vector of eight 32-bit lanes, and for the hot stages (the
 * accurate DCT with quantization, both colour conversions, down- and
 * upsampling) kernels of its own, mostly in 16-bit lanes.  Compiled with
 * -mavx2 and run only when the CPU has AVX2.
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

static inline void
v_store_i16 (int16_t *p, V v)
{
  _mm_storeu_si128 ((__m128i *)p,
                    _mm_packs_epi32 (_mm256_castsi256_si128 (v),
                                     _mm256_extracti128_si256 (v, 1)));
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

/* The accurate DCT, quantization and inverse DCT of two blocks at once in
 * 16-bit lanes: each register holds one row of two horizontally adjacent
 * blocks, one block a 128-bit half, and every shuffle stays within the
 * halves.  Each output of a 1-D pass is a sum of products of the inputs
 * with the constants of fdct.c and idct.c multiplied out (for instance
 * the forward DCT's out7 = -11363 t4 + 9633 t5 - 6436 t6 + 2260 t7), which
 * vpmaddwd computes exactly in 32 bits from pairs of 16-bit inputs; the
 * descaled results fit 16 bits again (the accurate DCT of 8-bit samples
 * stays below 2^15 in every pass; the inverse saturates like
 * libjpeg-turbo's own AVX2 code).  Quantization divides by two products
 * (quant.c's quant_prepare16). */

/* The pair constant (A, B) for vpmaddwd: A times the even lanes, B the
 * odd ones. */
static inline V
pair (int a, int b)
{
  return _mm256_set1_epi32 (
      (int32_t)((uint32_t)(uint16_t)a | ((uint32_t)(uint16_t)b << 16)));
}

/* Eight pixels of Y, Cb and Cr in 32-bit lanes, from the pairs (R, G),
 * (G, B) and (B, 2) byte shuffles make of them: vpmaddwd takes 16-bit
 * constants, so 38470 G becomes -27066 G plus G << 16 (added after the
 * shift), the rounding 32768 is 2 * 16384, and 32768 B and 32768 R are
 * shifts by 15. */
static inline __attribute__ ((always_inline)) void
ycc8 (const uint8_t *p, int step, V *y, V *cb, V *cr)
{
  const V low = _mm256_set1_epi32 (0xFFFF);
  const V chroma = _mm256_set1_epi32 ((128 << 16) + (1 << 15) - 1);
  V x, rg, gb, b;

  if (step == 3)
    {
      x = _mm256_inserti128_si256 (
          _mm256_castsi128_si256 (_mm_loadu_si128 ((const __m128i *)p)),
          _mm_loadu_si128 ((const __m128i *)(p + 12)), 1);
      rg = _mm256_shuffle_epi8 (
          x, _mm256_setr_epi8 (0, -1, 1, -1, 3, -1, 4, -1, 6, -1, 7, -1, 9, -1,
                               10, -1, 0, -1, 1, -1, 3, -1, 4, -1, 6, -1, 7,
                               -1, 9, -1, 10, -1));
      gb = _mm256_shuffle_epi8 (
          x, _mm256_setr_epi8 (1, -1, 2, -1, 4, -1, 5, -1, 7, -1, 8, -1, 10,
                               -1, 11, -1, 1, -1, 2, -1, 4, -1, 5, -1, 7, -1,
                               8, -1, 10, -1, 11, -1));
    }
  else
    {
      x = _mm256_loadu_si256 ((const __m256i *)p);
      rg = _mm256_shuffle_epi8 (
          x, _mm256_setr_epi8 (0, -1, 1, -1, 4, -1, 5, -1, 8, -1, 9, -1, 12,
                               -1, 13, -1, 0, -1, 1, -1, 4, -1, 5, -1, 8, -1,
                               9, -1, 12, -1, 13, -1));
      gb = _mm256_shuffle_epi8 (
          x, _mm256_setr_epi8 (1, -1, 2, -1, 5, -1, 6, -1, 9, -1, 10, -1, 13,
                               -1, 14, -1, 1, -1, 2, -1, 5, -1, 6, -1, 9, -1,
                               10, -1, 13, -1, 14, -1));
    }
  b = _mm256_srli_epi32 (gb, 16);
  *y = _mm256_add_epi32 (
      _mm256_srai_epi32 (
          _mm256_add_epi32 (
              _mm256_madd_epi16 (rg, pair (19595, -27066)),
              _mm256_madd_epi16 (
                  _mm256_or_si256 (b, _mm256_set1_epi32 (2 << 16)),
                  pair (7471, 1 << 14))),
          16),
      _mm256_and_si256 (gb, low));
  *cb = _mm256_srai_epi32 (
      _mm256_add_epi32 (_mm256_madd_epi16 (rg, pair (-11059, -21709)),
                        _mm256_add_epi32 (_mm256_slli_epi32 (b, 15), chroma)),
      16);
  *cr = _mm256_srai_epi32 (
      _mm256_add_epi32 (
          _mm256_madd_epi16 (gb, pair (-27439, -5329)),
          _mm256_add_epi32 (_mm256_slli_epi32 (_mm256_and_si256 (rg, low), 15),
                            chroma)),
      16);
}

/* Four vectors of eight samples (0..255), packed to 16 bits in pairs
 * (_mm256_packs_epi32 of the first two and of the last two), as 32 bytes
 * in order. */
static inline __attribute__ ((always_inline)) void
store32 (uint8_t *p, V ab, V cd)
{
  V x = _mm256_packus_epi16 (ab, cd);

  _mm256_storeu_si256 ((__m256i *)p,
                       _mm256_permutevar8x32_epi32 (
                           x, _mm256_setr_epi32 (0, 4, 1, 5, 2, 6, 3, 7)));
}

/* 32 pixels from PIXELS to Y, Cb and Cr, written out (-O2 keeps a loop
 * over four, and its vectors on the stack). */
static inline __attribute__ ((always_inline)) void
ycc32 (const uint8_t *pixels, int step, uint8_t *y, uint8_t *cb, uint8_t *cr)
{
  V y0, y1, b0, b1, r0, r1, ys, bs, rs;

  /* Each 16 pixels packed to 16 bits at once, which keeps fewer
     registers live. */
  ycc8 (pixels, step, &y0, &b0, &r0);
  ycc8 (pixels + 8 * step, step, &y1, &b1, &r1);
  ys = _mm256_packs_epi32 (y0, y1);
  bs = _mm256_packs_epi32 (b0, b1);
  rs = _mm256_packs_epi32 (r0, r1);
  ycc8 (pixels + 16 * step, step, &y0, &b0, &r0);
  ycc8 (pixels + 24 * step, step, &y1, &b1, &r1);
  store32 (y, ys, _mm256_packs_epi32 (y0, y1));
  store32 (cb, bs, _mm256_packs_epi32 (b0, b1));
  store32 (cr, rs, _mm256_packs_epi32 (r0, r1));
}

/* color.c's jart_rgb_to_ycc_row, 32 pixels at a time, one loop a pixel
 * size. */
static void
avx2_rgb_to_ycc (const uint8_t *pixels, int step, int n, uint8_t *y,
                 uint8_t *cb, uint8_t *cr)
{
  int i = 0;

  if (step == 3)
    for (; i + 34 <= n; i += 32)
      ycc32 (pixels + (size_t)i * 3, 3, y + i, cb + i, cr + i);
  else
    for (; i + 34 <= n; i += 32)
      ycc32 (pixels + (size_t)i * 4, 4, y + i, cb + i, cr + i);
  if (i < n)
    simd_rgb_to_ycc (pixels + (size_t)i * step, step, n - i, y + i, cb + i,
                     cr + i);
}

/* Eight pixels of color.c's jart_ycc_to_rgb_row from the (Cb - 128,
 * Cr - 128) pairs P in 32-bit lanes (Cb the low half) and Y: the
 * constants that do not fit 16 bits are split, 91881 Cr into Cr << 16 and
 * 26345 Cr, -46802 Cr into -(Cr << 16) and 18734 Cr, 116130 Cb into
 * Cb << 17 and -14942 Cb, so one vpmaddwd a channel does the products
 * and the rest is added above the 16 fraction bits.  The channels are
 * packed with saturation (the clamp) to R0..3 G0..3 B0..3 A0..3 in each
 * 128-bit half, and one byte shuffle interleaves them. */
static inline __attribute__ ((always_inline)) void
rgb8 (V p, const uint8_t *y, int step, const uint8_t *alpha, uint8_t *out)
{
  const V luma = _mm256_add_epi32 (
      _mm256_slli_epi32 (
          _mm256_cvtepu8_epi32 (_mm_loadl_epi64 ((const __m128i *)y)), 16),
      _mm256_set1_epi32 (1 << 15));
  const V cr = _mm256_and_si256 (p, _mm256_set1_epi32 ((int32_t)0xFFFF0000u));
  V r = _mm256_srai_epi32 (
      _mm256_add_epi32 (_mm256_madd_epi16 (p, pair (0, 26345)),
                        _mm256_add_epi32 (luma, cr)),
      16);
  V g = _mm256_srai_epi32 (
      _mm256_add_epi32 (_mm256_madd_epi16 (p, pair (-22554, 18734)),
                        _mm256_sub_epi32 (luma, cr)),
      16);
  V b = _mm256_srai_epi32 (
      _mm256_add_epi32 (_mm256_madd_epi16 (p, pair (-14942, 0)),
                        _mm256_add_epi32 (luma, _mm256_slli_epi32 (p, 17))),
      16);
  V a = step == 4 ? _mm256_srli_epi32 (
            _mm256_loadu_si256 ((const __m256i *)alpha), 24)
                  : _mm256_setzero_si256 ();
  V x = _mm256_packus_epi16 (_mm256_packs_epi32 (r, g),
                             _mm256_packs_epi32 (b, a));

  if (step == 3)
    {
      x = _mm256_shuffle_epi8 (x, _mm256_setr_epi8 (0, 4, 8, 1, 5, 9, 2, 6, 10,
                                                    3, 7, 11, -1, -1, -1, -1,
                                                    0, 4, 8, 1, 5, 9, 2, 6, 10,
                                                    3, 7, 11, -1, -1, -1, -1));
      _mm_storeu_si128 ((__m128i *)out, _mm256_castsi256_si128 (x));
      _mm_storeu_si128 ((__m128i *)(out + 12),
                        _mm256_extracti128_si256 (x, 1));
    }
  else
    _mm256_storeu_si256 (
        (__m256i *)out,
        _mm256_shuffle_epi8 (x, _mm256_setr_epi8 (0, 4, 8, 12, 1, 5, 9, 13, 2,
                                                  6, 10, 14, 3, 7, 11, 15, 0,
                                                  4, 8, 12, 1, 5, 9, 13, 2, 6,
                                                  10, 14, 3, 7, 11, 15)));
}

/* color.c's jart_ycc_to_rgb_row, 16 pixels at a time: Cb and Cr
 * interleaved as bytes, widened and centred make the pairs of rgb8.  With
 * alpha each store covers exactly the pixels whose alpha rgb8 just read,
 * so OUT may be ALPHA. */
static void
avx2_ycc_to_rgb (const uint8_t *y, const uint8_t *cb, const uint8_t *cr, int n,
                 const uint8_t *alpha, int step, uint8_t *out)
{
  const V center = _mm256_set1_epi16 (128);
  int i = 0;

  for (; i + 16 <= n; i += 16)
    {
      const __m128i b = _mm_loadu_si128 ((const __m128i *)(cb + i));
      const __m128i r = _mm_loadu_si128 ((const __m128i *)(cr + i));
      V p0 = _mm256_sub_epi16 (_mm256_cvtepu8_epi16 (_mm_unpacklo_epi8 (b, r)),
                               center);
      V p1 = _mm256_sub_epi16 (_mm256_cvtepu8_epi16 (_mm_unpackhi_epi8 (b, r)),
                               center);
      const uint8_t *a = alpha + (size_t)i * step;
      uint8_t *o = out + (size_t)i * step;

      if (step == 4)
        {
          rgb8 (p0, y + i, 4, a, o);
          rgb8 (p1, y + i + 8, 4, a + 32, o + 32);
        }
      else
        {
          rgb8 (p0, y + i, 3, NULL, o);
          rgb8 (p1, y + i + 8, 3, NULL, o + 24);
        }
    }
  if (i < n)
    simd_ycc_to_rgb (y + i, cb + i, cr + i, n - i, alpha + (size_t)i * step,
                     step, out + (size_t)i * step);
}

/* kernels.c's portable_fancy_rows in 16-bit lanes, 16 samples a step. */
static void
avx2_fancy_rows16 (const uint8_t *near, const uint8_t *far, int n,
                   int16_t *sums)
{
  int i = 0;

  for (; i + 16 <= n; i += 16)
    {
      V a = _mm256_cvtepu8_epi16 (
          _mm_loadu_si128 ((const __m128i *)(near + i)));
      V b = _mm256_cvtepu8_epi16 (
          _mm_loadu_si128 ((const __m128i *)(far + i)));

      _mm256_storeu_si256 (
          (__m256i *)(sums + i),
          _mm256_add_epi16 (_mm256_add_epi16 (a, _mm256_slli_epi16 (a, 1)),
                            b));
    }
  for (; i < n; i++)
    sums[i] = (int16_t)(3 * near[i] + far[i]);
}

/* kernels.c's portable_fancy_h2 in 16-bit lanes, 16 input samples a step:
 * the even and odd outputs (at most 255) of a sample are one 16-bit lane
 * E | O << 8, which is the two bytes in order. */
static void
avx2_fancy_h2_16 (const int16_t *s, int c0, int c1, int bias_even,
                  int bias_odd, int shift, uint8_t *out)
{
  const V even_bias = _mm256_set1_epi16 ((short)bias_even);
  const V odd_bias = _mm256_set1_epi16 ((short)bias_odd);
  const __m128i count = _mm_cvtsi32_si128 (shift);
  int c = c0;

  for (; c + 16 <= c1; c += 16, out += 32)
    {
      V x = _mm256_loadu_si256 ((const __m256i *)(s + c));
      V here = _mm256_add_epi16 (x, _mm256_slli_epi16 (x, 1));
      V even = _mm256_srl_epi16 (
          _mm256_add_epi16 (
              _mm256_add_epi16 (
                  here, _mm256_loadu_si256 ((const __m256i *)(s + c - 1))),
              even_bias),
          count);
      V odd = _mm256_srl_epi16 (
          _mm256_add_epi16 (
              _mm256_add_epi16 (
                  here, _mm256_loadu_si256 ((const __m256i *)(s + c + 1))),
              odd_bias),
          count);

      _mm256_storeu_si256 ((__m256i *)out,
                           _mm256_or_si256 (even, _mm256_slli_epi16 (odd, 8)));
    }
  for (; c < c1; c++)
    {
      *out++ = (uint8_t)((3 * s[c] + s[c - 1] + bias_even) >> shift);
      *out++ = (uint8_t)((3 * s[c] + s[c + 1] + bias_odd) >> shift);
    }
}

/* sample.c's jart_downsample_row for 2:1 and 2x2, 32 samples a step:
 * vpmaddubsw by ones adds the pairs, and the biases alternate along the
 * 16-bit lanes from an even sample on.  The rest goes to the SSE2 one. */
static void
avx2_downsample (int h, int v, const uint8_t *const *rows, int out_width,
                 uint8_t *out)
{
  const V ones = _mm256_set1_epi8 (1);
  const V bias
      = v == 2 ? _mm256_set1_epi32 (1 | 2 << 16) : _mm256_set1_epi32 (1 << 16);
  const int shift = v == 2 ? 2 : 1;
  int k = 0;

  if (h == 2)
    for (; k + 32 <= out_width; k += 32)
      {
        const uint8_t *a = rows[0] + 2 * k;
        V lo = _mm256_maddubs_epi16 (_mm256_loadu_si256 ((const __m256i *)a),
                                     ones);
        V hi = _mm256_maddubs_epi16 (
            _mm256_loadu_si256 ((const __m256i *)(a + 32)), ones);

        if (v == 2)
          {
            const uint8_t *b = rows[1] + 2 * k;

            lo = _mm256_add_epi16 (
                lo, _mm256_maddubs_epi16 (
                        _mm256_loadu_si256 ((const __m256i *)b), ones));
            hi = _mm256_add_epi16 (
                hi, _mm256_maddubs_epi16 (
                        _mm256_loadu_si256 ((const __m256i *)(b + 32)), ones));
          }
        lo = _mm256_srl_epi16 (_mm256_add_epi16 (lo, bias),
                               _mm_cvtsi32_si128 (shift));
        hi = _mm256_srl_epi16 (_mm256_add_epi16 (hi, bias),
                               _mm_cvtsi32_si128 (shift));
        _mm256_storeu_si256 (
            (__m256i *)(out + k),
            _mm256_permute4x64_epi64 (_mm256_packus_epi16 (lo, hi), 0xD8));
      }
  if (k < out_width)
    {
      const uint8_t *tail[4] = { rows[0] + h * k, NULL, NULL, NULL };
      int j;

      for (j = 1; j < v; j++)
        tail[j] = rows[j] + h * k;
      jart_sse2_downsample (h, v, tail, out_width - k, out + k);
    }
}

/* DESCALE of the 32-bit halves LO and HI by SHIFT after adding ROUND,
 * packed to 16 bits with saturation. */
static inline __attribute__ ((always_inline)) V
descale_pack (V lo, V hi, V round, int shift)
{
  return _mm256_packs_epi32 (_mm256_sra_epi32 (_mm256_add_epi32 (lo, round),
                                               _mm_cvtsi32_si128 (shift)),
                             _mm256_sra_epi32 (_mm256_add_epi32 (hi, round),
                                               _mm_cvtsi32_si128 (shift)));
}

/* The same with the rounding already added. */
static inline __attribute__ ((always_inline)) V
shift_pack (V lo, V hi, int shift)
{
  return _mm256_packs_epi32 (_mm256_sra_epi32 (lo, _mm_cvtsi32_si128 (shift)),
                             _mm256_sra_epi32 (hi, _mm_cvtsi32_si128 (shift)));
}

/* The 8x8 transpose of 16-bit lanes, in each half. */
static inline __attribute__ ((always_inline)) void
transpose16 (V r[8])
{
  V a0 = _mm256_unpacklo_epi16 (r[0], r[1]);
  V a1 = _mm256_unpackhi_epi16 (r[0], r[1]);
  V a2 = _mm256_unpacklo_epi16 (r[2], r[3]);
  V a3 = _mm256_unpackhi_epi16 (r[2], r[3]);
  V a4 = _mm256_unpacklo_epi16 (r[4], r[5]);
  V a5 = _mm256_unpackhi_epi16 (r[4], r[5]);
  V a6 = _mm256_unpacklo_epi16 (r[6], r[7]);
  V a7 = _mm256_unpackhi_epi16 (r[6], r[7]);
  V b0 = _mm256_unpacklo_epi32 (a0, a2);
  V b1 = _mm256_unpackhi_epi32 (a0, a2);
  V b2 = _mm256_unpacklo_epi32 (a1, a3);
  V b3 = _mm256_unpackhi_epi32 (a1, a3);
  V b4 = _mm256_unpacklo_epi32 (a4, a6);
  V b5 = _mm256_unpackhi_epi32 (a4, a6);
  V b6 = _mm256_unpacklo_epi32 (a5, a7);
  V b7 = _mm256_unpackhi_epi32 (a5, a7);

  r[0] = _mm256_unpacklo_epi64 (b0, b4);
  r[1] = _mm256_unpackhi_epi64 (b0, b4);
  r[2] = _mm256_unpacklo_epi64 (b1, b5);
  r[3] = _mm256_unpackhi_epi64 (b1, b5);
  r[4] = _mm256_unpacklo_epi64 (b2, b6);
  r[5] = _mm256_unpackhi_epi64 (b2, b6);
  r[6] = _mm256_unpacklo_epi64 (b3, b7);
  r[7] = _mm256_unpackhi_epi64 (b3, b7);
}

/* The odd part shared by both directions: from the pairs (A, B) and
 * (C, D) (the forward DCT's t4, t5 and t6, t7; the inverse's c7, c5 and
 * c3, c1), the four sums of products in 32-bit halves.  Written out
 * rather than looped: -O2 keeps a loop, and its arrays on the stack. */
#define ODD_TERM(i, k0, k1, k2, k3)                                           \
  do                                                                          \
    {                                                                         \
      const V p_ = pair ((k0), (k1)), q_ = pair ((k2), (k3));                 \
                                                                              \
      lo[i] = _mm256_add_epi32 (_mm256_madd_epi16 (ab_lo, p_),                \
                                _mm256_madd_epi16 (cd_lo, q_));               \
      hi[i] = _mm256_add_epi32 (_mm256_madd_epi16 (ab_hi, p_),                \
                                _mm256_madd_epi16 (cd_hi, q_));               \
    }                                                                         \
  while (0)

static inline __attribute__ ((always_inline)) void
odd_part (V ab_lo, V ab_hi, V cd_lo, V cd_hi, V lo[4], V hi[4])
{
  ODD_TERM (0, -11363, 9633, -6436, 2260);
  ODD_TERM (1, 9633, 2261, -11362, 6437);
  ODD_TERM (2, -6436, -11362, -2259, 9633);
  ODD_TERM (3, 2260, 6437, 9633, 11363);
}

#undef ODD_TERM

/* One pass of the accurate forward DCT over D[0..7]; ROWS picks the first
 * pass's scaling, else the second's. */
static inline __attribute__ ((always_inline)) void
fwd16 (V d[8], int rows)
{
  const int shift = rows ? 11 : 15;
  const V round = _mm256_set1_epi32 (1 << (shift - 1));
  V t0 = _mm256_add_epi16 (d[0], d[7]), t7 = _mm256_sub_epi16 (d[0], d[7]);
  V t1 = _mm256_add_epi16 (d[1], d[6]), t6 = _mm256_sub_epi16 (d[1], d[6]);
  V t2 = _mm256_add_epi16 (d[2], d[5]), t5 = _mm256_sub_epi16 (d[2], d[5]);
  V t3 = _mm256_add_epi16 (d[3], d[4]), t4 = _mm256_sub_epi16 (d[3], d[4]);
  V t10 = _mm256_add_epi16 (t0, t3), t13 = _mm256_sub_epi16 (t0, t3);
  V t11 = _mm256_add_epi16 (t1, t2), t12 = _mm256_sub_epi16 (t1, t2);
  V lo, hi, olo[4], ohi[4];

  if (rows)
    {
      d[0] = _mm256_slli_epi16 (_mm256_add_epi16 (t10, t11), 2);
      d[4] = _mm256_slli_epi16 (_mm256_sub_epi16 (t10, t11), 2);
    }
  else
    {
      /* A sum or difference of 8 first-pass outputs of one frequency
         stays within +-32640 (at most 8 * 4080, the largest output but
         the DC's; the DC itself within -32768 .. 32512), so its
         descaling fits 16 bits. */
      const V two = _mm256_set1_epi16 (2);

      d[0] = _mm256_srai_epi16 (
          _mm256_add_epi16 (_mm256_add_epi16 (t10, t11), two), 2);
      d[4] = _mm256_srai_epi16 (
          _mm256_add_epi16 (_mm256_sub_epi16 (t10, t11), two), 2);
    }
  lo = _mm256_unpacklo_epi16 (t12, t13);
  hi = _mm256_unpackhi_epi16 (t12, t13);
  d[2] = descale_pack (_mm256_madd_epi16 (lo, pair (4433, 10703)),
                       _mm256_madd_epi16 (hi, pair (4433, 10703)), round,
                       shift);
  d[6] = descale_pack (_mm256_madd_epi16 (lo, pair (-10704, 4433)),
                       _mm256_madd_epi16 (hi, pair (-10704, 4433)), round,
                       shift);
  odd_part (_mm256_unpacklo_epi16 (t4, t5), _mm256_unpackhi_epi16 (t4, t5),
            _mm256_unpacklo_epi16 (t6, t7), _mm256_unpackhi_epi16 (t6, t7),
            olo, ohi);
  d[7] = descale_pack (olo[0], ohi[0], round, shift);
  d[5] = descale_pack (olo[1], ohi[1], round, shift);
  d[3] = descale_pack (olo[2], ohi[2], round, shift);
  d[1] = descale_pack (olo[3], ohi[3], round, shift);
}

/* One pass of the accurate inverse DCT over D[0..7]: the first (COLUMNS)
 * keeps 2 extra bits, the second adds the 128 of the level shift. */
static inline __attribute__ ((always_inline)) void
inv16 (V d[8], int columns)
{
  const int shift = columns ? 11 : 18;
  const V round
      = _mm256_set1_epi32 (columns ? 1 << 10 : (1 << 17) + (128 << 18));
  V e_lo = _mm256_unpacklo_epi16 (d[2], d[6]);
  V e_hi = _mm256_unpackhi_epi16 (d[2], d[6]);
  V z_lo = _mm256_unpacklo_epi16 (d[0], d[4]);
  V z_hi = _mm256_unpackhi_epi16 (d[0], d[4]);
  V tmp2_lo = _mm256_madd_epi16 (e_lo, pair (4433, -10704));
  V tmp2_hi = _mm256_madd_epi16 (e_hi, pair (4433, -10704));
  V tmp3_lo = _mm256_madd_epi16 (e_lo, pair (10703, 4433));
  V tmp3_hi = _mm256_madd_epi16 (e_hi, pair (10703, 4433));
  /* The rounding goes in once, with tmp0 and tmp1, which every output
     holds. */
  V tmp0_lo
      = _mm256_add_epi32 (_mm256_madd_epi16 (z_lo, pair (8192, 8192)), round);
  V tmp0_hi
      = _mm256_add_epi32 (_mm256_madd_epi16 (z_hi, pair (8192, 8192)), round);
  V tmp1_lo
      = _mm256_add_epi32 (_mm256_madd_epi16 (z_lo, pair (8192, -8192)), round);
  V tmp1_hi
      = _mm256_add_epi32 (_mm256_madd_epi16 (z_hi, pair (8192, -8192)), round);
  V even_lo[4], even_hi[4], olo[4], ohi[4];

  even_lo[0] = _mm256_add_epi32 (tmp0_lo, tmp3_lo); /* tmp10 */
  even_hi[0] = _mm256_add_epi32 (tmp0_hi, tmp3_hi);
  even_lo[1] = _mm256_add_epi32 (tmp1_lo, tmp2_lo); /* tmp11 */
  even_hi[1] = _mm256_add_epi32 (tmp1_hi, tmp2_hi);
  even_lo[2] = _mm256_sub_epi32 (tmp1_lo, tmp2_lo); /* tmp12 */
  even_hi[2] = _mm256_sub_epi32 (tmp1_hi, tmp2_hi);
  even_lo[3] = _mm256_sub_epi32 (tmp0_lo, tmp3_lo); /* tmp13 */
  even_hi[3] = _mm256_sub_epi32 (tmp0_hi, tmp3_hi);
  odd_part (_mm256_unpacklo_epi16 (d[7], d[5]),
            _mm256_unpackhi_epi16 (d[7], d[5]),
            _mm256_unpacklo_epi16 (d[3], d[1]),
            _mm256_unpackhi_epi16 (d[3], d[1]), olo, ohi);
  /* Output i pairs tmp1i with odd term 3 - i. */
#define INV_OUT(i)                                                            \
  do                                                                          \
    {                                                                         \
      d[i] = shift_pack (_mm256_add_epi32 (even_lo[i], olo[3 - (i)]),         \
                         _mm256_add_epi32 (even_hi[i], ohi[3 - (i)]), shift); \
      d[7 - (i)]                                                              \
          = shift_pack (_mm256_sub_epi32 (even_lo[i], olo[3 - (i)]),          \
                        _mm256_sub_epi32 (even_hi[i], ohi[3 - (i)]), shift);  \
    }                                                                         \
  while (0)
  INV_OUT (0);
  INV_OUT (1);
  INV_OUT (2);
  INV_OUT (3);
#undef INV_OUT
}

/* inv16 for coefficients with nothing but zeros beyond the first two
 * rows and the first two lanes of each half (D[2..7] zero): every even
 * term is 8192 D0, and the odd terms are D1 times the c1 constants, the
 * same sums inv16 makes with the zero products left out. */
static inline __attribute__ ((always_inline)) void
inv16_2x2 (V d[8], int columns)
{
  const int shift = columns ? 11 : 18;
  const V round
      = _mm256_set1_epi32 (columns ? 1 << 10 : (1 << 17) + (128 << 18));
  const V zero = _mm256_setzero_si256 ();
  /* D0 << 16 >> 3 is 8192 D0; (D1, 0) pairs take one constant. */
  V even_lo = _mm256_add_epi32 (
      _mm256_srai_epi32 (_mm256_unpacklo_epi16 (zero, d[0]), 3), round);
  V even_hi = _mm256_add_epi32 (
      _mm256_srai_epi32 (_mm256_unpackhi_epi16 (zero, d[0]), 3), round);
  V c1_lo = _mm256_unpacklo_epi16 (d[1], zero);
  V c1_hi = _mm256_unpackhi_epi16 (d[1], zero);

#define INV_OUT(i, k)                                                         \
  do                                                                          \
    {                                                                         \
      const V o_lo = _mm256_madd_epi16 (c1_lo, pair ((k), 0));                \
      const V o_hi = _mm256_madd_epi16 (c1_hi, pair ((k), 0));                \
                                                                              \
      d[i] = shift_pack (_mm256_add_epi32 (even_lo, o_lo),                    \
                         _mm256_add_epi32 (even_hi, o_hi), shift);            \
      d[7 - (i)] = shift_pack (_mm256_sub_epi32 (even_lo, o_lo),              \
                               _mm256_sub_epi32 (even_hi, o_hi), shift);      \
    }                                                                         \
  while (0)
  INV_OUT (0, 11363);
  INV_OUT (1, 9633);
  INV_OUT (2, 6437);
  INV_OUT (3, 2260);
#undef INV_OUT
}

/* The transpose of 8 rows with nothing but zeros beyond the first two
 * lanes of each half: the first two rows of the result, the others
 * zero. */
static inline __attribute__ ((always_inline)) void
transpose16_2 (V r[8])
{
  V b0 = _mm256_unpacklo_epi32 (_mm256_unpacklo_epi16 (r[0], r[1]),
                                _mm256_unpacklo_epi16 (r[2], r[3]));
  V b4 = _mm256_unpacklo_epi32 (_mm256_unpacklo_epi16 (r[4], r[5]),
                                _mm256_unpacklo_epi16 (r[6], r[7]));

  r[0] = _mm256_unpacklo_epi64 (b0, b4);
  r[1] = _mm256_unpackhi_epi64 (b0, b4);
  r[2] = r[3] = r[4] = r[5] = r[6] = r[7] = _mm256_setzero_si256 ();
}

/* Quantization and dequantization of row U of the coefficients D, with
 * quant.c's 16-bit quotient; unless COEF is NULL, the quantized row of
 * the left block to COEF + 8 U and of the right one (TWO) to
 * COEF + 64 + 8 U. */
static inline __attribute__ ((always_inline)) V
quant16 (V d, const JartQuant *quant, int u, int two, int16_t *coef)
{
#define ROW16(field)                                                          \
  _mm256_loadu_si256 ((const __m256i *)quant->rows16[u][field])
  V n = _mm256_add_epi16 (_mm256_abs_epi16 (d), ROW16 (0));
  V q = _mm256_mulhi_epu16 (
      _mm256_mulhi_epu16 (
          _mm256_and_si256 (n, _mm256_set1_epi16 ((short)0xFFF8)), ROW16 (1)),
      ROW16 (2));

  if (coef != NULL)
    {
      V signed_q = _mm256_sign_epi16 (q, d);

      _mm_storeu_si128 ((__m128i *)(coef + 8 * u),
                        _mm256_castsi256_si128 (signed_q));
      if (two)
        _mm_storeu_si128 ((__m128i *)(coef + 64 + 8 * u),
                          _mm256_extracti128_si256 (signed_q, 1));
    }
  return _mm256_sign_epi16 (_mm256_mullo_epi16 (q, ROW16 (3)), d);
#undef ROW16
}

/* Whether both blocks of the dequantized coefficients D have no AC
 * coefficient but zeros (rows 1 to 7 and all of row 0 but its first
 * lane in each half). */
static inline __attribute__ ((always_inline)) int
dc_only (const V d[8])
{
  V ac = _mm256_and_si256 (d[0],
                           _mm256_setr_epi16 (0, -1, -1, -1, -1, -1, -1, -1, 0,
                                              -1, -1, -1, -1, -1, -1, -1));

  ac = _mm256_or_si256 (ac, _mm256_or_si256 (_mm256_or_si256 (d[1], d[2]),
                                             _mm256_or_si256 (d[3], d[4])));
  ac = _mm256_or_si256 (ac,
                        _mm256_or_si256 (_mm256_or_si256 (d[5], d[6]), d[7]));
  return _mm256_testz_si256 (ac, ac);
}

/* Whether both blocks of D have nothing but zeros beyond their first two
 * rows and columns. */
static inline __attribute__ ((always_inline)) int
within_2x2 (const V d[8])
{
  V ac = _mm256_and_si256 (_mm256_or_si256 (d[0], d[1]),
                           _mm256_setr_epi16 (0, 0, -1, -1, -1, -1, -1, -1, 0,
                                              0, -1, -1, -1, -1, -1, -1));

  ac = _mm256_or_si256 (ac, _mm256_or_si256 (_mm256_or_si256 (d[2], d[3]),
                                             _mm256_or_si256 (d[4], d[5])));
  ac = _mm256_or_si256 (ac, _mm256_or_si256 (d[6], d[7]));
  return _mm256_testz_si256 (ac, ac);
}

/* The eight rows or columns of D, each written out: -O2 keeps short
 * loops as loops, and D on the stack. */
#define EACH8(M) M (0) M (1) M (2) M (3) M (4) M (5) M (6) M (7)

/* Two blocks side by side (TWO nonzero) or one at ORIGIN through the
 * accurate DCT and back; their quantized coefficients to COEF unless it
 * is NULL (quant16). */
static inline __attribute__ ((always_inline)) void
islow_blocks (uint8_t *origin, size_t stride, const JartQuant *quant, int two,
              int16_t *coef)
{
  const V center = _mm256_set1_epi16 (128);
  V d[8];

#define LOAD_ROW(i)                                                           \
  {                                                                           \
    const uint8_t *p_ = origin + (size_t)(i)*stride;                          \
    __m128i row_ = two ? _mm_loadu_si128 ((const __m128i *)p_)                \
                       : _mm_loadl_epi64 ((const __m128i *)p_);               \
                                                                              \
    d[i] = _mm256_sub_epi16 (_mm256_cvtepu8_epi16 (row_), center);            \
  }
#define QUANT_ROW(i) d[i] = quant16 (d[i], quant, i, two, coef);
  EACH8 (LOAD_ROW)
  transpose16 (d);
  fwd16 (d, 1);
  transpose16 (d);
  fwd16 (d, 0);
  EACH8 (QUANT_ROW)
  if (dc_only (d))
    {
      /* The inverse of a block of DC alone is flat: ((DC + 4) >> 3) + 128
         everywhere, which both passes give bit for bit (the first makes
         its column 4 DC, the second (2^15 DC + 2^17 + 2^25) >> 18). */
      V v = _mm256_add_epi16 (
          _mm256_srai_epi16 (_mm256_add_epi16 (d[0], _mm256_set1_epi16 (4)),
                             3),
          center);
      __m128i x;
      int i;

      v = _mm256_unpacklo_epi64 (_mm256_shufflelo_epi16 (v, 0),
                                 _mm256_shufflelo_epi16 (v, 0));
      x = _mm256_castsi256_si128 (
          _mm256_permute4x64_epi64 (_mm256_packus_epi16 (v, v), 0x08));
      for (i = 0; i < 8; i++)
        if (two)
          _mm_storeu_si128 ((__m128i *)(origin + (size_t)i * stride), x);
        else
          _mm_storel_epi64 ((__m128i *)(origin + (size_t)i * stride), x);
      return;
    }
  if (within_2x2 (d))
    {
      /* The first pass leaves two nonzero columns, the transpose two
         nonzero rows. */
      inv16_2x2 (d, 1);
      transpose16_2 (d);
      inv16_2x2 (d, 0);
    }
  else
    {
      inv16 (d, 1);
      transpose16 (d);
      inv16 (d, 0);
    }
  transpose16 (d);
#undef LOAD_ROW
#undef QUANT_ROW
  /* Rows i and i + 1 of both blocks, as A_i B_i A_i+1 B_i+1. */
#define STORE_ROWS(i)                                                         \
  {                                                                           \
    V x_ = _mm256_permute4x64_epi64 (_mm256_packus_epi16 (d[i], d[i + 1]),    \
                                     0xD8);                                   \
    uint8_t *p_ = origin + (size_t)(i)*stride;                                \
                                                                              \
    if (two)                                                                  \
      {                                                                       \
        _mm_storeu_si128 ((__m128i *)p_, _mm256_castsi256_si128 (x_));        \
        _mm_storeu_si128 ((__m128i *)(p_ + stride),                           \
                          _mm256_extracti128_si256 (x_, 1));                  \
      }                                                                       \
    else                                                                      \
      {                                                                       \
        _mm_storel_epi64 ((__m128i *)p_, _mm256_castsi256_si128 (x_));        \
        _mm_storel_epi64 ((__m128i *)(p_ + stride),                           \
                          _mm256_extracti128_si256 (x_, 1));                  \
      }                                                                       \
  }
  STORE_ROWS (0)
  STORE_ROWS (2)
  STORE_ROWS (4)
  STORE_ROWS (6)
#undef STORE_ROWS
}

#undef EACH8

/* The accurate DCT's blocks of a row, with COEF NULL or not known where it
 * is inlined. */
static inline __attribute__ ((always_inline)) void
islow_row (uint8_t *plane, size_t stride, int x0, int x1,
           const JartQuant *quant, int16_t *coef)
{
  int bx;

  for (bx = x0; bx + 16 <= x1; bx += 16)
    islow_blocks (plane + bx, stride, quant, 1,
                  coef != NULL ? coef + (bx - x0) * 8 : NULL);
  if (bx < x1)
    islow_blocks (plane + bx, stride, quant, 0,
                  coef != NULL ? coef + (bx - x0) * 8 : NULL);
}

static void
avx2_transform_blocks (uint8_t *plane, size_t stride, int x0, int x1,
                       const JartQuant *quant, JartDct dct, int16_t *coef)
{
  if (dct == JART_DCT_FAST)
    simd_transform_blocks (plane, stride, x0, x1, quant, dct, coef);
  else if (coef != NULL)
    islow_row (plane, stride, x0, x1, quant, coef);
  else
    islow_row (plane, stride, x0, x1, quant, NULL);
}

const JartKernels jart_kernels_avx2 = {
  .path = JART_KERNELS_AVX2,
  .name = "avx2",
  .transform_blocks = avx2_transform_blocks,
  .rgb_to_ycc = avx2_rgb_to_ycc,
  .ycc_to_rgb = avx2_ycc_to_rgb,
  .downsample = avx2_downsample,
  .fancy_rows = simd_fancy_rows,
  .fancy_h2 = simd_fancy_h2,
  .fancy_rows16 = avx2_fancy_rows16,
  .fancy_h2_16 = avx2_fancy_h2_16,
  .mark_changes = simd_mark_changes,
  .compare_stats = simd_compare_stats,
};
