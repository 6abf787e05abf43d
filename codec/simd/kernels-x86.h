/* kernels-x86.h: the SIMD kernels, written once over an abstract vector
 * of eight 32-bit lanes and included by kernels-sse2.c (two SSE2
 * registers a vector) and kernels-avx2.c (one AVX2 register).  Before
 * including it a file defines the type V and these operations:
 *
 *   v_set1 (int32)       every lane the same value
 *   v_add, v_sub, v_mul  lane by lane; v_mul keeps the low 32 bits
 *   v_srai, v_slli       shifts by a constant (arithmetic right)
 *   v_srai_var           arithmetic right shift by a variable count
 *   v_xor                bitwise
 *   v_gt (a, b)          all ones where a > b
 *   v_quotient (n, r)    trunc (n * r[i]) for 8 floats r: an estimate
 *   v_load, v_store      8 lanes from and to int32 memory
 *   v_store_i16          8 lanes to int16 memory, saturated
 *   v_load_u8, v_store_u8  8 samples in, 8 samples out clamped to 0..255
 *   v_store_u8_pairs (p, a, b)  16 samples a0 b0 a1 b1 ..., clamped
 *   v_load_rgb (p, step, &r, &g, &b)  8 interleaved pixels of STEP (3 or
 *                        4) bytes; may read V_RGB_READ pixels
 *   v_store_rgb (p, step, alpha, r, g, b)  8 pixels, clamped, alpha (step
 *                        4) from ALPHA; may write 32 bytes past them
 *   v_transpose (V[8])   the 8x8 transpose
 *
 * The arithmetic is the portable kernels' (fdct.c, quant.c, idct.c) lane
 * for lane, in 32 bits, so the results are the same bits.  The DCTs run
 * on eight rows (or columns) at once, with a transpose between the
 * passes.  Quantization divides exactly: a float estimate of the quotient
 * is off by at most one (|x| < 2^15), and one integer step corrects it.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

static inline V
v_descale (V x, int n)
{
  return v_srai (v_add (x, v_set1 (1 << (n - 1))), n);
}

static inline V
v_mulc (V x, int32_t c)
{
  return v_mul (x, v_set1 (c));
}

/* One pass of the accurate forward DCT (fdct.c's islow_pass); ROWS picks
 * the first pass's scaling, else the second's. */
static inline void
fwd_islow (V d[8], int rows)
{
  const int shift = rows ? 11 : 15;
  V tmp0 = v_add (d[0], d[7]), tmp7 = v_sub (d[0], d[7]);
  V tmp1 = v_add (d[1], d[6]), tmp6 = v_sub (d[1], d[6]);
  V tmp2 = v_add (d[2], d[5]), tmp5 = v_sub (d[2], d[5]);
  V tmp3 = v_add (d[3], d[4]), tmp4 = v_sub (d[3], d[4]);
  V tmp10 = v_add (tmp0, tmp3), tmp13 = v_sub (tmp0, tmp3);
  V tmp11 = v_add (tmp1, tmp2), tmp12 = v_sub (tmp1, tmp2);
  V z1, z2, z3, z4, z5;

  if (rows)
    {
      d[0] = v_slli (v_add (tmp10, tmp11), 2);
      d[4] = v_slli (v_sub (tmp10, tmp11), 2);
    }
  else
    {
      d[0] = v_descale (v_add (tmp10, tmp11), 2);
      d[4] = v_descale (v_sub (tmp10, tmp11), 2);
    }
  z1 = v_mulc (v_add (tmp12, tmp13), 4433);
  d[2] = v_descale (v_add (z1, v_mulc (tmp13, 6270)), shift);
  d[6] = v_descale (v_sub (z1, v_mulc (tmp12, 15137)), shift);

  z1 = v_add (tmp4, tmp7);
  z2 = v_add (tmp5, tmp6);
  z3 = v_add (tmp4, tmp6);
  z4 = v_add (tmp5, tmp7);
  z5 = v_mulc (v_add (z3, z4), 9633);
  tmp4 = v_mulc (tmp4, 2446);
  tmp5 = v_mulc (tmp5, 16819);
  tmp6 = v_mulc (tmp6, 25172);
  tmp7 = v_mulc (tmp7, 12299);
  z1 = v_mulc (z1, -7373);
  z2 = v_mulc (z2, -20995);
  z3 = v_add (v_mulc (z3, -16069), z5);
  z4 = v_add (v_mulc (z4, -3196), z5);
  d[7] = v_descale (v_add (tmp4, v_add (z1, z3)), shift);
  d[5] = v_descale (v_add (tmp5, v_add (z2, z4)), shift);
  d[3] = v_descale (v_add (tmp6, v_add (z2, z3)), shift);
  d[1] = v_descale (v_add (tmp7, v_add (z1, z4)), shift);
}

/* Each lane modulo 2^16 as a signed 16-bit value (fdct.c's wrap16). */
static inline V
v_wrap16 (V x)
{
  return v_srai (v_slli (x, 16), 16);
}

/* The fast DCT's truncating product as libjpeg-turbo's pmulhw gives it
 * (fdct.c's FAST_MULTIPLY): (wrap16 (4 v) * c) >> 10. */
static inline V
v_fast_mul (V x, int32_t c)
{
  return v_srai (v_mulc (v_wrap16 (v_slli (x, 2)), c), 10);
}

/* One pass of the fast forward DCT (fdct.c's ifast_pass). */
static inline void
fwd_ifast (V d[8])
{
  V tmp0 = v_add (d[0], d[7]), tmp7 = v_sub (d[0], d[7]);
  V tmp1 = v_add (d[1], d[6]), tmp6 = v_sub (d[1], d[6]);
  V tmp2 = v_add (d[2], d[5]), tmp5 = v_sub (d[2], d[5]);
  V tmp3 = v_add (d[3], d[4]), tmp4 = v_sub (d[3], d[4]);
  V tmp10 = v_add (tmp0, tmp3), tmp13 = v_sub (tmp0, tmp3);
  V tmp11 = v_add (tmp1, tmp2), tmp12 = v_sub (tmp1, tmp2);
  V z1, z2, z3, z4, z5, z11, z13;

  d[0] = v_add (tmp10, tmp11);
  d[4] = v_sub (tmp10, tmp11);
  z1 = v_fast_mul (v_add (tmp12, tmp13), 181);
  d[2] = v_add (tmp13, z1);
  d[6] = v_sub (tmp13, z1);

  tmp10 = v_add (tmp4, tmp5);
  tmp11 = v_add (tmp5, tmp6);
  tmp12 = v_add (tmp6, tmp7);
  z5 = v_fast_mul (v_sub (tmp10, tmp12), 98);
  z2 = v_add (v_fast_mul (tmp10, 139), z5);
  z4 = v_add (v_fast_mul (tmp12, 334), z5);
  z3 = v_fast_mul (tmp11, 181);
  z11 = v_add (tmp7, z3);
  z13 = v_sub (tmp7, z3);
  d[5] = v_add (z13, z2);
  d[3] = v_sub (z13, z2);
  d[1] = v_add (z11, z4);
  d[7] = v_sub (z11, z4);
  for (int i = 0; i < 8; i++)
    d[i] = v_wrap16 (d[i]);
}

/* The quantized coefficients of row ROW of the forward DCT's output X
 * (quant.c's jart_quant_round_trip before it dequantizes). */
static inline V
quantize (V x, const JartQuant *quant, int row)
{
  V sign = v_srai (x, 31);
  V d = v_load (quant->divisor + row * 8);
  V n = v_add (v_sub (v_xor (x, sign), sign), v_load (quant->half + row * 8));
  V q = v_quotient (n, quant->reciprocal + row * 8);
  V r = v_sub (n, v_mul (q, d));

  /* Subtracting an all-ones mask adds one. */
  q = v_sub (q, v_gt (r, v_sub (d, v_set1 (1))));
  q = v_add (q, v_gt (v_set1 (0), r));
  return v_sub (v_xor (q, sign), sign);
}

/* One pass of the accurate inverse DCT (idct.c's islow_inverse) with its
 * descaling: the first pass (COLUMNS) keeps 2 extra bits, the second
 * makes samples centred on 128. */
static inline void
inv_islow (V d[8], int columns)
{
  const int shift = columns ? 11 : 18;
  V tmp0, tmp1, tmp2, tmp3, tmp10, tmp11, tmp12, tmp13;
  V z1, z2, z3, z4, z5, o0, o1, o2, o3;

  z1 = v_mulc (v_add (d[2], d[6]), 4433);
  tmp2 = v_sub (z1, v_mulc (d[6], 15137));
  tmp3 = v_add (z1, v_mulc (d[2], 6270));
  tmp0 = v_slli (v_add (d[0], d[4]), 13);
  tmp1 = v_slli (v_sub (d[0], d[4]), 13);
  tmp10 = v_add (tmp0, tmp3);
  tmp13 = v_sub (tmp0, tmp3);
  tmp11 = v_add (tmp1, tmp2);
  tmp12 = v_sub (tmp1, tmp2);

  o0 = d[7];
  o1 = d[5];
  o2 = d[3];
  o3 = d[1];
  z1 = v_add (o0, o3);
  z2 = v_add (o1, o2);
  z3 = v_add (o0, o2);
  z4 = v_add (o1, o3);
  z5 = v_mulc (v_add (z3, z4), 9633);
  o0 = v_mulc (o0, 2446);
  o1 = v_mulc (o1, 16819);
  o2 = v_mulc (o2, 25172);
  o3 = v_mulc (o3, 12299);
  z1 = v_mulc (z1, -7373);
  z2 = v_mulc (z2, -20995);
  z3 = v_add (v_mulc (z3, -16069), z5);
  z4 = v_add (v_mulc (z4, -3196), z5);
  o0 = v_add (o0, v_add (z1, z3));
  o1 = v_add (o1, v_add (z2, z4));
  o2 = v_add (o2, v_add (z2, z3));
  o3 = v_add (o3, v_add (z1, z4));

  d[0] = v_descale (v_add (tmp10, o3), shift);
  d[7] = v_descale (v_sub (tmp10, o3), shift);
  d[1] = v_descale (v_add (tmp11, o2), shift);
  d[6] = v_descale (v_sub (tmp11, o2), shift);
  d[2] = v_descale (v_add (tmp12, o1), shift);
  d[5] = v_descale (v_sub (tmp12, o1), shift);
  d[3] = v_descale (v_add (tmp13, o0), shift);
  d[4] = v_descale (v_sub (tmp13, o0), shift);
  if (!columns)
    {
      int i;

      for (i = 0; i < 8; i++)
        d[i] = v_add (d[i], v_set1 (128));
    }
}

/* simd_transform_blocks, with COEF NULL or not known where it is
 * inlined: without the coefficients' stores when it is NULL. */
static inline __attribute__ ((always_inline)) void
transform_row (uint8_t *plane, size_t stride, int x0, int x1,
               const JartQuant *quant, JartDct dct, int16_t *coef)
{
  V v[8];
  int bx, i;

  for (bx = x0; bx < x1; bx += 8, coef = coef != NULL ? coef + 64 : NULL)
    {
      uint8_t *origin = plane + bx;

      for (i = 0; i < 8; i++)
        v[i] = v_sub (v_load_u8 (origin + (size_t)i * stride), v_set1 (128));
      /* Rows: lanes are rows, after the transpose. */
      v_transpose (v);
      if (dct == JART_DCT_FAST)
        fwd_ifast (v);
      else
        fwd_islow (v, 1);
      /* Columns: lanes are columns. */
      v_transpose (v);
      if (dct == JART_DCT_FAST)
        fwd_ifast (v);
      else
        fwd_islow (v, 0);
      for (i = 0; i < 8; i++)
        {
          v[i] = quantize (v[i], quant, i);
          if (coef != NULL)
            v_store_i16 (coef + 8 * i, v[i]);
          v[i] = v_mul (v[i], v_load (quant->multiplier + i * 8));
        }
      inv_islow (v, 1);
      v_transpose (v);
      inv_islow (v, 0);
      v_transpose (v);
      for (i = 0; i < 8; i++)
        v_store_u8 (origin + (size_t)i * stride, v[i]);
    }
}

static void
simd_transform_blocks (uint8_t *plane, size_t stride, int x0, int x1,
                       const JartQuant *quant, JartDct dct, int16_t *coef)
{
  if (coef != NULL)
    transform_row (plane, stride, x0, x1, quant, dct, coef);
  else
    transform_row (plane, stride, x0, x1, quant, dct, NULL);
}

/* The Y of color.c's jart_rgb_to_ycc_row, rounded. */
static inline V
v_luma (V r, V g, V b)
{
  return v_srai (v_add (v_add (v_mulc (r, 19595), v_mulc (g, 38470)),
                        v_add (v_mulc (b, 7471), v_set1 (1 << 15))),
                 16);
}

/* color.c's jart_rgb_to_ycc_row, eight pixels at a time while
 * v_load_rgb may read V_RGB_READ pixels. */
static void
simd_rgb_to_ycc (const uint8_t *pixels, int step, int n, uint8_t *y,
                 uint8_t *cb, uint8_t *cr)
{
  const V chroma = v_set1 ((128 << 16) + (1 << 15) - 1);
  int i = 0;

  for (; i + V_RGB_READ <= n; i += 8)
    {
      V r, g, b;

      v_load_rgb (pixels + (size_t)i * step, step, &r, &g, &b);
      v_store_u8 (y + i, v_luma (r, g, b));
      v_store_u8 (
          cb + i,
          v_srai (v_add (v_sub (v_slli (b, 15),
                                v_add (v_mulc (r, 11059), v_mulc (g, 21709))),
                         chroma),
                  16));
      v_store_u8 (
          cr + i,
          v_srai (v_add (v_sub (v_slli (r, 15),
                                v_add (v_mulc (g, 27439), v_mulc (b, 5329))),
                         chroma),
                  16));
    }
  if (i < n)
    jart_rgb_to_ycc_row (pixels + (size_t)i * step, step, n - i, y + i, cb + i,
                         cr + i);
}

/* color.c's jart_rgb_to_y_row, eight pixels at a time while v_load_rgb
 * may read V_RGB_READ pixels. */
static void
simd_rgb_to_y (const uint8_t *pixels, int step, int n, uint8_t *y)
{
  int i = 0;

  for (; i + V_RGB_READ <= n; i += 8)
    {
      V r, g, b;

      v_load_rgb (pixels + (size_t)i * step, step, &r, &g, &b);
      v_store_u8 (y + i, v_luma (r, g, b));
    }
  if (i < n)
    jart_rgb_to_y_row (pixels + (size_t)i * step, step, n - i, y + i);
}

/* color.c's jart_ycc_to_rgb_row, eight pixels at a time; v_store_rgb
 * clamps. */
static void
simd_ycc_to_rgb (const uint8_t *y, const uint8_t *cb, const uint8_t *cr, int n,
                 const uint8_t *alpha, int step, uint8_t *out)
{
  const V half = v_set1 (1 << 15), center = v_set1 (128);
  int i = 0;

  for (; i + 8 <= n; i += 8)
    {
      V luma = v_load_u8 (y + i);
      V b = v_sub (v_load_u8 (cb + i), center);
      V r = v_sub (v_load_u8 (cr + i), center);

      v_store_rgb (
          out + (size_t)i * step, step, alpha + (size_t)i * step,
          v_add (luma, v_srai (v_add (v_mulc (r, 91881), half), 16)),
          v_add (luma,
                 v_srai (v_add (v_add (v_mulc (b, -22554), v_mulc (r, -46802)),
                                half),
                         16)),
          v_add (luma, v_srai (v_add (v_mulc (b, 116130), half), 16)));
    }
  if (i < n)
    jart_ycc_to_rgb_row (y + i, cb + i, cr + i, n - i,
                         alpha + (size_t)i * step, step,
                         out + (size_t)i * step);
}

/* kernels.c's portable_fancy_rows, eight samples at a time. */
static void
simd_fancy_rows (const uint8_t *near, const uint8_t *far, int n, int32_t *sums)
{
  int i = 0;

  for (; i + 8 <= n; i += 8)
    v_store (sums + i,
             v_add (v_mulc (v_load_u8 (near + i), 3), v_load_u8 (far + i)));
  for (; i < n; i++)
    sums[i] = 3 * near[i] + far[i];
}

/* kernels.c's portable_fancy_h2, eight input samples (sixteen output
 * samples) at a time. */
static void
simd_fancy_h2 (const int32_t *s, int c0, int c1, int bias_even, int bias_odd,
               int shift, uint8_t *out)
{
  const V even_bias = v_set1 (bias_even), odd_bias = v_set1 (bias_odd);
  int c = c0;

  for (; c + 8 <= c1; c += 8, out += 16)
    {
      V here = v_mulc (v_load (s + c), 3);
      V even = v_srai_var (v_add (v_add (here, v_load (s + c - 1)), even_bias),
                           shift);
      V odd = v_srai_var (v_add (v_add (here, v_load (s + c + 1)), odd_bias),
                          shift);

      v_store_u8_pairs (out, even, odd);
    }
  for (; c < c1; c++)
    {
      *out++ = (uint8_t)((3 * s[c] + s[c - 1] + bias_even) >> shift);
      *out++ = (uint8_t)((3 * s[c] + s[c + 1] + bias_odd) >> shift);
    }
}

/* kernels.c's jart_mark_changes, sixteen bytes at a time: a segment of 16
 * bytes or more is covered by loads that may overlap at its end. */
static int
simd_mark_changes (const uint8_t *a, const uint8_t *b, size_t bytes,
                   size_t first, size_t segment, uint8_t *flags)
{
  size_t at = 0, length = first < bytes ? first : bytes;
  int any = 0;

  while (at < bytes)
    {
      if (length < 16)
        {
          if (jart_mark_changes (a + at, b + at, length, length, length,
                                 flags))
            any = 1;
        }
      else
        {
          __m128i x = _mm_setzero_si128 ();
          size_t i;

          for (i = 0; i + 16 < length; i += 16)
            x = _mm_or_si128 (
                x, _mm_xor_si128 (
                       _mm_loadu_si128 ((const __m128i *)(a + at + i)),
                       _mm_loadu_si128 ((const __m128i *)(b + at + i))));
          x = _mm_or_si128 (
              x,
              _mm_xor_si128 (
                  _mm_loadu_si128 ((const __m128i *)(a + at + length - 16)),
                  _mm_loadu_si128 ((const __m128i *)(b + at + length - 16))));
          if (_mm_movemask_epi8 (_mm_cmpeq_epi8 (x, _mm_setzero_si128 ()))
              != 0xFFFF)
            *flags = 1, any = 1;
        }
      flags++;
      at += length;
      length = bytes - at < segment ? bytes - at : segment;
    }
  return any;
}
