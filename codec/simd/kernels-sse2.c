/* kernels-sse2.c: the kernels of kernels-x86.h on SSE2, two 128-bit
 * registers a vector of eight 32-bit lanes.  SSE2 has no 32-bit multiply
 * keeping the low half, so v_mul builds it from two 32 x 32 -> 64 bit
 * products.  Every x86-64 CPU has SSE2.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <emmintrin.h>
#include <string.h>

#include "kernels.h"

typedef struct
{
  __m128i lo, hi; /* lanes 0..3 and 4..7 */
} V;

static inline V
v_make (__m128i lo, __m128i hi)
{
  V v = { lo, hi };

  return v;
}

static inline V
v_set1 (int32_t x)
{
  __m128i a = _mm_set1_epi32 (x);

  return v_make (a, a);
}

static inline V
v_add (V a, V b)
{
  return v_make (_mm_add_epi32 (a.lo, b.lo), _mm_add_epi32 (a.hi, b.hi));
}

static inline V
v_sub (V a, V b)
{
  return v_make (_mm_sub_epi32 (a.lo, b.lo), _mm_sub_epi32 (a.hi, b.hi));
}

static inline __m128i
mullo32 (__m128i a, __m128i b)
{
  __m128i even = _mm_mul_epu32 (a, b);
  __m128i odd = _mm_mul_epu32 (_mm_srli_epi64 (a, 32), _mm_srli_epi64 (b, 32));

  return _mm_unpacklo_epi32 (
      _mm_shuffle_epi32 (even, _MM_SHUFFLE (0, 0, 2, 0)),
      _mm_shuffle_epi32 (odd, _MM_SHUFFLE (0, 0, 2, 0)));
}

static inline V
v_mul (V a, V b)
{
  return v_make (mullo32 (a.lo, b.lo), mullo32 (a.hi, b.hi));
}

#define v_srai(a, n)                                                          \
  v_make (_mm_srai_epi32 ((a).lo, (n)), _mm_srai_epi32 ((a).hi, (n)))
#define v_slli(a, n)                                                          \
  v_make (_mm_slli_epi32 ((a).lo, (n)), _mm_slli_epi32 ((a).hi, (n)))

static inline V
v_xor (V a, V b)
{
  return v_make (_mm_xor_si128 (a.lo, b.lo), _mm_xor_si128 (a.hi, b.hi));
}

static inline V
v_gt (V a, V b)
{
  return v_make (_mm_cmpgt_epi32 (a.lo, b.lo), _mm_cmpgt_epi32 (a.hi, b.hi));
}

static inline V
v_quotient (V n, const float *reciprocal)
{
  return v_make (_mm_cvttps_epi32 (_mm_mul_ps (_mm_cvtepi32_ps (n.lo),
                                               _mm_loadu_ps (reciprocal))),
                 _mm_cvttps_epi32 (_mm_mul_ps (
                     _mm_cvtepi32_ps (n.hi), _mm_loadu_ps (reciprocal + 4))));
}

static inline V
v_load (const int32_t *p)
{
  return v_make (_mm_loadu_si128 ((const __m128i *)p),
                 _mm_loadu_si128 ((const __m128i *)(p + 4)));
}

static inline void
v_store (int32_t *p, V v)
{
  _mm_storeu_si128 ((__m128i *)p, v.lo);
  _mm_storeu_si128 ((__m128i *)(p + 4), v.hi);
}

static inline void
v_store_i16 (int16_t *p, V v)
{
  _mm_storeu_si128 ((__m128i *)p, _mm_packs_epi32 (v.lo, v.hi));
}

static inline V
v_load_u8 (const uint8_t *p)
{
  __m128i zero = _mm_setzero_si128 ();
  __m128i w = _mm_unpacklo_epi8 (_mm_loadl_epi64 ((const __m128i *)p), zero);

  return v_make (_mm_unpacklo_epi16 (w, zero), _mm_unpackhi_epi16 (w, zero));
}

static inline void
v_store_u8 (uint8_t *p, V v)
{
  __m128i w = _mm_packs_epi32 (v.lo, v.hi);

  _mm_storel_epi64 ((__m128i *)p, _mm_packus_epi16 (w, w));
}

static inline V
v_srai_var (V a, int n)
{
  __m128i count = _mm_cvtsi32_si128 (n);

  return v_make (_mm_sra_epi32 (a.lo, count), _mm_sra_epi32 (a.hi, count));
}

/* Stores 16 samples: A[0], B[0], A[1], B[1] ... clamped to 0..255. */
static inline void
v_store_u8_pairs (uint8_t *p, V a, V b)
{
  __m128i wa = _mm_packs_epi32 (a.lo, a.hi), wb = _mm_packs_epi32 (b.lo, b.hi);

  _mm_storeu_si128 ((__m128i *)p,
                    _mm_unpacklo_epi8 (_mm_packus_epi16 (wa, wa),
                                       _mm_packus_epi16 (wb, wb)));
}

/* Transposes the 4x4 block of lanes A, B, C, D in place. */
static inline void
transpose4 (__m128i *a, __m128i *b, __m128i *c, __m128i *d)
{
  __m128i t0 = _mm_unpacklo_epi32 (*a, *b), t1 = _mm_unpacklo_epi32 (*c, *d);
  __m128i t2 = _mm_unpackhi_epi32 (*a, *b), t3 = _mm_unpackhi_epi32 (*c, *d);

  *a = _mm_unpacklo_epi64 (t0, t1);
  *b = _mm_unpackhi_epi64 (t0, t1);
  *c = _mm_unpacklo_epi64 (t2, t3);
  *d = _mm_unpackhi_epi64 (t2, t3);
}

static inline void
v_transpose (V r[8])
{
  __m128i tl[4], tr[4], bl[4], br[4];
  int i;

  for (i = 0; i < 4; i++)
    {
      tl[i] = r[i].lo;
      tr[i] = r[i].hi;
      bl[i] = r[i + 4].lo;
      br[i] = r[i + 4].hi;
    }
  transpose4 (&tl[0], &tl[1], &tl[2], &tl[3]);
  transpose4 (&tr[0], &tr[1], &tr[2], &tr[3]);
  transpose4 (&bl[0], &bl[1], &bl[2], &bl[3]);
  transpose4 (&br[0], &br[1], &br[2], &br[3]);
  for (i = 0; i < 4; i++)
    {
      r[i] = v_make (tl[i], bl[i]);
      r[i + 4] = v_make (tr[i], br[i]);
    }
}

/* Pixels v_load_rgb reads: exactly the eight. */
#define V_RGB_READ 8

/* Eight interleaved pixels to R, G and B lanes: for step 4 the 32-bit
 * lanes are the pixels and masks and shifts split them; SSE2 has no byte
 * shuffle, so step 3 goes through memory. */
static inline void
v_load_rgb (const uint8_t *p, int step, V *r, V *g, V *b)
{
  if (step == 4)
    {
      const __m128i low = _mm_set1_epi32 (0xFF);
      __m128i lo = _mm_loadu_si128 ((const __m128i *)p);
      __m128i hi = _mm_loadu_si128 ((const __m128i *)(p + 16));

      *r = v_make (_mm_and_si128 (lo, low), _mm_and_si128 (hi, low));
      *g = v_make (_mm_and_si128 (_mm_srli_epi32 (lo, 8), low),
                   _mm_and_si128 (_mm_srli_epi32 (hi, 8), low));
      *b = v_make (_mm_and_si128 (_mm_srli_epi32 (lo, 16), low),
                   _mm_and_si128 (_mm_srli_epi32 (hi, 16), low));
    }
  else
    {
      int32_t lanes[3][8];
      int i;

      for (i = 0; i < 8; i++)
        {
          lanes[0][i] = p[3 * i];
          lanes[1][i] = p[3 * i + 1];
          lanes[2][i] = p[3 * i + 2];
        }
      *r = v_load (lanes[0]);
      *g = v_load (lanes[1]);
      *b = v_load (lanes[2]);
    }
}

/* Eight pixels from R, G and B lanes, clamped by the saturating packs and
 * interleaved by byte and word unpacks (alpha for step 4 from ALPHA). */
static inline void
v_store_rgb (uint8_t *p, int step, const uint8_t *alpha, V r, V g, V b)
{
  __m128i r8 = _mm_packs_epi32 (r.lo, r.hi), g8 = _mm_packs_epi32 (g.lo, g.hi);
  __m128i b8 = _mm_packs_epi32 (b.lo, b.hi), a8, rg, ba;

  r8 = _mm_packus_epi16 (r8, r8);
  g8 = _mm_packus_epi16 (g8, g8);
  b8 = _mm_packus_epi16 (b8, b8);
  if (step == 4)
    {
      __m128i lo
          = _mm_srli_epi32 (_mm_loadu_si128 ((const __m128i *)alpha), 24);
      __m128i hi = _mm_srli_epi32 (
          _mm_loadu_si128 ((const __m128i *)(alpha + 16)), 24);

      a8 = _mm_packs_epi32 (lo, hi);
      a8 = _mm_packus_epi16 (a8, a8);
    }
  else
    a8 = _mm_setzero_si128 ();
  rg = _mm_unpacklo_epi8 (r8, g8);
  ba = _mm_unpacklo_epi8 (b8, a8);
  if (step == 4)
    {
      _mm_storeu_si128 ((__m128i *)p, _mm_unpacklo_epi16 (rg, ba));
      _mm_storeu_si128 ((__m128i *)(p + 16), _mm_unpackhi_epi16 (rg, ba));
    }
  else
    {
      uint8_t x[32];
      int i;

      _mm_storeu_si128 ((__m128i *)x, _mm_unpacklo_epi16 (rg, ba));
      _mm_storeu_si128 ((__m128i *)(x + 16), _mm_unpackhi_epi16 (rg, ba));
      for (i = 0; i < 8; i++)
        {
          p[3 * i] = x[4 * i];
          p[3 * i + 1] = x[4 * i + 1];
          p[3 * i + 2] = x[4 * i + 2];
        }
    }
}

#include "kernels-x86.h"

/* sample.c's 2:1 and 2x2 averages, eight outputs at a time in 16-bit
 * lanes: the low and high bytes of each 16-bit word are a pair of
 * neighbours.  The other ratios are rare and stay portable. */
void
jart_sse2_downsample (int h, int v, const uint8_t *const *rows, int out_width,
                      uint8_t *out)
{
  const __m128i low_bytes = _mm_set1_epi16 (0x00FF);
  int k = 0;

  if (h != 2)
    {
      jart_downsample_row (h, v, rows, out_width, out);
      return;
    }
  for (; k + 8 <= out_width; k += 8)
    {
      __m128i a = _mm_loadu_si128 ((const __m128i *)(rows[0] + 2 * k));
      __m128i sum = _mm_add_epi16 (_mm_and_si128 (a, low_bytes),
                                   _mm_srli_epi16 (a, 8));

      if (v == 2)
        {
          __m128i b = _mm_loadu_si128 ((const __m128i *)(rows[1] + 2 * k));

          sum = _mm_add_epi16 (sum, _mm_and_si128 (b, low_bytes));
          sum = _mm_add_epi16 (sum, _mm_srli_epi16 (b, 8));
          /* Biases 1, 2, 1, 2 ... from an even k on. */
          sum = _mm_srli_epi16 (
              _mm_add_epi16 (sum, _mm_set_epi16 (2, 1, 2, 1, 2, 1, 2, 1)), 2);
        }
      else
        /* Biases 0, 1, 0, 1 ... */
        sum = _mm_srli_epi16 (
            _mm_add_epi16 (sum, _mm_set_epi16 (1, 0, 1, 0, 1, 0, 1, 0)), 1);
      _mm_storel_epi64 ((__m128i *)(out + k), _mm_packus_epi16 (sum, sum));
    }
  if (k < out_width)
    {
      const uint8_t *tail[2]
          = { rows[0] + 2 * k, v == 2 ? rows[1] + 2 * k : NULL };

      jart_downsample_row (h, v, tail, out_width - k, out + k);
    }
}

const JartKernels jart_kernels_sse2 = {
  .path = JART_KERNELS_SSE2,
  .name = "sse2",
  .transform_blocks = simd_transform_blocks,
  .rgb_to_ycc = simd_rgb_to_ycc,
  .rgb_to_y = simd_rgb_to_y,
  .ycc_to_rgb = simd_ycc_to_rgb,
  .downsample = jart_sse2_downsample,
  .fancy_rows = simd_fancy_rows,
  .fancy_h2 = simd_fancy_h2,
  .mark_changes = simd_mark_changes,
};
