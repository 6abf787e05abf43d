/* kernels-avx2-dct.c: the accurate DCT, quantization and inverse DCT on
 * AVX2, two blocks at once in 16-bit lanes: each register holds one row of two
 * horizontally adjacent blocks, one block a 128-bit half, and every shuffle
 * stays within the halves.  Each output of a 1-D pass is a sum of products of
 * the inputs with the constants of fdct.c and idct.c multiplied out (for
 * instance the forward DCT's out7 = -11363 t4 + 9633 t5 - 6436 t6 + 2260 t7),
 * which vpmaddwd computes exactly in 32 bits from pairs of 16-bit inputs; the
 * descaled results fit 16 bits again (the accurate DCT of 8-bit samples
 * stays below 2^15 in every pass; the inverse saturates like
 * libjpeg-turbo's own AVX2 code).  Quantization divides by two products
 * (quant.c's quant_prepare16).
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <immintrin.h>

#include "kernels-avx2.h"

typedef __m256i V;

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

void
jart_avx2_islow_transform (uint8_t *plane, size_t stride, int x0, int x1,
                           const JartQuant *quant, int16_t *coef)
{
  if (coef != NULL)
    islow_row (plane, stride, x0, x1, quant, coef);
  else
    islow_row (plane, stride, x0, x1, quant, NULL);
}
