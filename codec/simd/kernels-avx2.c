/* kernels-avx2.c: the kernels of kernels-x86.h on AVX2, one 256-bit
 * register a vector of eight 32-bit lanes, and for the hot stages (both
 * colour conversions, down- and upsampling) kernels of its own, mostly in
 * 16-bit lanes; the accurate DCT with quantization is kernels-avx2-dct.c's.
 * The kernel table.  Compiled with -mavx2 and run only when the CPU has
 * AVX2.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <immintrin.h>
#include <string.h>

#include "kernels-avx2.h"

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

/* Eight pixels from P as the pairs (R, G) and (G, B) in the 16-bit halves
 * of 32-bit lanes, which byte shuffles make of them. */
static inline __attribute__ ((always_inline)) void
pairs8 (const uint8_t *p, int step, V *rg, V *gb)
{
  V x;

  if (step == 3)
    {
      x = _mm256_inserti128_si256 (
          _mm256_castsi128_si256 (_mm_loadu_si128 ((const __m128i *)p)),
          _mm_loadu_si128 ((const __m128i *)(p + 12)), 1);
      *rg = _mm256_shuffle_epi8 (
          x, _mm256_setr_epi8 (0, -1, 1, -1, 3, -1, 4, -1, 6, -1, 7, -1, 9, -1,
                               10, -1, 0, -1, 1, -1, 3, -1, 4, -1, 6, -1, 7,
                               -1, 9, -1, 10, -1));
      *gb = _mm256_shuffle_epi8 (
          x, _mm256_setr_epi8 (1, -1, 2, -1, 4, -1, 5, -1, 7, -1, 8, -1, 10,
                               -1, 11, -1, 1, -1, 2, -1, 4, -1, 5, -1, 7, -1,
                               8, -1, 10, -1, 11, -1));
    }
  else
    {
      x = _mm256_loadu_si256 ((const __m256i *)p);
      *rg = _mm256_shuffle_epi8 (
          x, _mm256_setr_epi8 (0, -1, 1, -1, 4, -1, 5, -1, 8, -1, 9, -1, 12,
                               -1, 13, -1, 0, -1, 1, -1, 4, -1, 5, -1, 8, -1,
                               9, -1, 12, -1, 13, -1));
      *gb = _mm256_shuffle_epi8 (
          x, _mm256_setr_epi8 (1, -1, 2, -1, 5, -1, 6, -1, 9, -1, 10, -1, 13,
                               -1, 14, -1, 1, -1, 2, -1, 5, -1, 6, -1, 9, -1,
                               10, -1, 13, -1, 14, -1));
    }
}

/* The Y of eight pixels in 32-bit lanes from their pairs RG and GB and
 * their B (GB >> 16): vpmaddwd takes 16-bit constants, so 38470 G becomes
 * -27066 G plus G << 16 (added after the shift), and the rounding 32768 is
 * 2 * 16384. */
static inline __attribute__ ((always_inline)) V
luma8 (V rg, V gb, V b)
{
  return _mm256_add_epi32 (
      _mm256_srai_epi32 (
          _mm256_add_epi32 (
              _mm256_madd_epi16 (rg, pair (19595, -27066)),
              _mm256_madd_epi16 (
                  _mm256_or_si256 (b, _mm256_set1_epi32 (2 << 16)),
                  pair (7471, 1 << 14))),
          16),
      _mm256_and_si256 (gb, _mm256_set1_epi32 (0xFFFF)));
}

/* Eight pixels of Y, Cb and Cr in 32-bit lanes (luma8's Y; 32768 B and
 * 32768 R are shifts by 15). */
static inline __attribute__ ((always_inline)) void
ycc8 (const uint8_t *p, int step, V *y, V *cb, V *cr)
{
  const V low = _mm256_set1_epi32 (0xFFFF);
  const V chroma = _mm256_set1_epi32 ((128 << 16) + (1 << 15) - 1);
  V rg, gb, b;

  pairs8 (p, step, &rg, &gb);
  b = _mm256_srli_epi32 (gb, 16);
  *y = luma8 (rg, gb, b);
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

/* The Y of eight pixels alone. */
static inline __attribute__ ((always_inline)) V
y8 (const uint8_t *p, int step)
{
  V rg, gb;

  pairs8 (p, step, &rg, &gb);
  return luma8 (rg, gb, _mm256_srli_epi32 (gb, 16));
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

/* The Y of 32 pixels from PIXELS, written out. */
static inline __attribute__ ((always_inline)) void
y32 (const uint8_t *pixels, int step, uint8_t *y)
{
  store32 (
      y, _mm256_packs_epi32 (y8 (pixels, step), y8 (pixels + 8 * step, step)),
      _mm256_packs_epi32 (y8 (pixels + 16 * step, step),
                          y8 (pixels + 24 * step, step)));
}

/* color.c's jart_rgb_to_y_row, 32 pixels at a time, one loop a pixel
 * size. */
static void
avx2_rgb_to_y (const uint8_t *pixels, int step, int n, uint8_t *y)
{
  int i = 0;

  if (step == 3)
    for (; i + 34 <= n; i += 32)
      y32 (pixels + (size_t)i * 3, 3, y + i);
  else
    for (; i + 34 <= n; i += 32)
      y32 (pixels + (size_t)i * 4, 4, y + i);
  if (i < n)
    simd_rgb_to_y (pixels + (size_t)i * step, step, n - i, y + i);
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

static void
avx2_transform_blocks (uint8_t *plane, size_t stride, int x0, int x1,
                       const JartQuant *quant, JartDct dct, int16_t *coef)
{
  if (dct == JART_DCT_FAST)
    simd_transform_blocks (plane, stride, x0, x1, quant, dct, coef);
  else
    jart_avx2_islow_transform (plane, stride, x0, x1, quant, coef);
}

const JartKernels jart_kernels_avx2 = {
  .path = JART_KERNELS_AVX2,
  .name = "avx2",
  .transform_blocks = avx2_transform_blocks,
  .rgb_to_ycc = avx2_rgb_to_ycc,
  .rgb_to_y = avx2_rgb_to_y,
  .ycc_to_rgb = avx2_ycc_to_rgb,
  .downsample = avx2_downsample,
  .fancy_rows = simd_fancy_rows,
  .fancy_h2 = simd_fancy_h2,
  .fancy_rows16 = avx2_fancy_rows16,
  .fancy_h2_16 = avx2_fancy_h2_16,
  .mark_changes = simd_mark_changes,
};
