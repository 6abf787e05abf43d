/* fdct.c: the encoder's two forward 8x8 DCTs, computed as libjpeg-turbo
 * computes them, on level-shifted samples (sample - 128).
 *
 * The accurate one (libjpeg's ISLOW, jfdctint.c) is the factorization of
 * C. Loeffler, A. Ligtenberg and G. Moschytz, "Practical Fast 1-D DCT
 * Algorithms with 11 Multiplications", ICASSP 1989, in fixed point with 13
 * fraction bits; the rows keep 2 extra bits (PASS1_BITS) which the columns
 * remove.  Its output is 8 times the orthonormal DCT.  The constants are
 * round (c * 8192) of the cosine combinations they are named after:
 * 0.298631336 -> 2446, 0.390180644 -> 3196, 0.541196100 -> 4433,
 * 0.765366865 -> 6270, 0.899976223 -> 7373, 1.175875602 -> 9633,
 * 1.501321110 -> 12299, 1.847759065 -> 15137, 1.961570560 -> 16069,
 * 2.053119869 -> 16819, 2.562915447 -> 20995, 3.072711026 -> 25172.
 *
 * The fast one (libjpeg's IFAST, jfdctfst.c) is the scaled DCT of Y. Arai,
 * T. Agui and M. Nakajima, "A Fast DCT-SQ Scheme for Images", Trans. IEICE
 * 1988, with 8 fraction bits and products truncated (no rounding):
 * 0.382683433 -> 98, 0.541196100 -> 139, 0.707106781 -> 181,
 * 1.306562965 -> 334.  Its outputs carry the AAN scale factors, which the
 * quantizer's divisors (quant.c) take out.  It is computed as libjpeg-turbo's
 * x86 SIMD code (jfdctfst-sse2.asm, which every x86 build runs) computes
 * it: in 16-bit lanes, each product as pmulhw (x << 2, c << 6).  Where a
 * value times 4 leaves the 16 bits (a few blocks of extreme contrast, such
 * as a strongly sharpened image gives), that product wraps around and the
 * coefficient differs from the exact formula: the file libjpeg-turbo
 * writes has the wrapped one, so the codec computes it too.  Wrapping is
 * a ring homomorphism, so the sums may be computed in 32 bits: only the
 * products' inputs and the outputs are taken modulo 2^16.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "jart-private.h"

#define CONST_BITS 13 /* jfdctint.c's: the constants' fraction bits */
#define PASS1_BITS 2  /* jfdctint.c's: the bits the row pass keeps */

/* Rounding right shift; >> on negative values is arithmetic here. */
#define DESCALE(x, n) (((x) + ((int32_t)1 << ((n)-1))) >> (n))

/* One 1-D pass of the accurate DCT over 8 values SPACING apart.  Outputs
 * 0 and 4 are shifted left by EVEN_UP bits when it is nonzero, else
 * descaled (a rounding right shift) by EVEN_DOWN; the others, which carry
 * the 13-bit constants, are descaled by ODD_SHIFT. */
static inline void
islow_pass (int32_t *d, int spacing, int even_up, int even_down, int odd_shift)
{
  int32_t tmp0 = d[0] + d[7 * spacing], tmp7 = d[0] - d[7 * spacing];
  int32_t tmp1 = d[spacing] + d[6 * spacing];
  int32_t tmp6 = d[spacing] - d[6 * spacing];
  int32_t tmp2 = d[2 * spacing] + d[5 * spacing];
  int32_t tmp5 = d[2 * spacing] - d[5 * spacing];
  int32_t tmp3 = d[3 * spacing] + d[4 * spacing];
  int32_t tmp4 = d[3 * spacing] - d[4 * spacing];
  int32_t tmp10, tmp11, tmp12, tmp13, z1, z2, z3, z4, z5;

  /* Even part. */
  tmp10 = tmp0 + tmp3;
  tmp13 = tmp0 - tmp3;
  tmp11 = tmp1 + tmp2;
  tmp12 = tmp1 - tmp2;
  if (even_up)
    {
      d[0] = (tmp10 + tmp11) * (1 << even_up);
      d[4 * spacing] = (tmp10 - tmp11) * (1 << even_up);
    }
  else
    {
      d[0] = DESCALE (tmp10 + tmp11, even_down);
      d[4 * spacing] = DESCALE (tmp10 - tmp11, even_down);
    }
  z1 = (tmp12 + tmp13) * 4433;
  d[2 * spacing] = DESCALE (z1 + tmp13 * 6270, odd_shift);
  d[6 * spacing] = DESCALE (z1 - tmp12 * 15137, odd_shift);

  /* Odd part. */
  z1 = tmp4 + tmp7;
  z2 = tmp5 + tmp6;
  z3 = tmp4 + tmp6;
  z4 = tmp5 + tmp7;
  z5 = (z3 + z4) * 9633;
  tmp4 *= 2446;
  tmp5 *= 16819;
  tmp6 *= 25172;
  tmp7 *= 12299;
  z1 *= -7373;
  z2 *= -20995;
  z3 *= -16069;
  z4 *= -3196;
  z3 += z5;
  z4 += z5;
  d[7 * spacing] = DESCALE (tmp4 + z1 + z3, odd_shift);
  d[5 * spacing] = DESCALE (tmp5 + z2 + z4, odd_shift);
  d[3 * spacing] = DESCALE (tmp6 + z2 + z3, odd_shift);
  d[spacing] = DESCALE (tmp7 + z1 + z4, odd_shift);
}

void
jart_fdct_islow (int32_t block[64])
{
  int i;

  for (i = 0; i < 8; i++)
    islow_pass (block + 8 * i, 1, PASS1_BITS, 0, CONST_BITS - PASS1_BITS);
  for (i = 0; i < 8; i++)
    islow_pass (block + i, 8, 0, PASS1_BITS, CONST_BITS + PASS1_BITS);
}

/* V modulo 2^16 as a signed 16-bit value. */
static inline int32_t
wrap16 (int32_t v)
{
  return (int32_t)(((uint32_t)v & 0xffff) ^ 0x8000) - 0x8000;
}

/* The fast DCT's truncating fixed-point product, as pmulhw gives it:
   ((v << 2 in 16 bits) * (c << 6)) >> 16, that is (v * c) >> 8 while
   v << 2 fits. */
#define FAST_MULTIPLY(v, c) ((wrap16 ((v)*4) * (c)) >> 10)

static inline void
ifast_pass (int32_t *d, int spacing)
{
  int32_t tmp0 = d[0] + d[7 * spacing], tmp7 = d[0] - d[7 * spacing];
  int32_t tmp1 = d[spacing] + d[6 * spacing];
  int32_t tmp6 = d[spacing] - d[6 * spacing];
  int32_t tmp2 = d[2 * spacing] + d[5 * spacing];
  int32_t tmp5 = d[2 * spacing] - d[5 * spacing];
  int32_t tmp3 = d[3 * spacing] + d[4 * spacing];
  int32_t tmp4 = d[3 * spacing] - d[4 * spacing];
  int32_t tmp10, tmp11, tmp12, tmp13, z1, z2, z3, z4, z5, z11, z13;

  /* Even part. */
  tmp10 = tmp0 + tmp3;
  tmp13 = tmp0 - tmp3;
  tmp11 = tmp1 + tmp2;
  tmp12 = tmp1 - tmp2;
  d[0] = tmp10 + tmp11;
  d[4 * spacing] = tmp10 - tmp11;
  z1 = FAST_MULTIPLY (tmp12 + tmp13, 181);
  d[2 * spacing] = tmp13 + z1;
  d[6 * spacing] = tmp13 - z1;

  /* Odd part. */
  tmp10 = tmp4 + tmp5;
  tmp11 = tmp5 + tmp6;
  tmp12 = tmp6 + tmp7;
  z5 = FAST_MULTIPLY (tmp10 - tmp12, 98);
  z2 = FAST_MULTIPLY (tmp10, 139) + z5;
  z4 = FAST_MULTIPLY (tmp12, 334) + z5;
  z3 = FAST_MULTIPLY (tmp11, 181);
  z11 = tmp7 + z3;
  z13 = tmp7 - z3;
  d[5 * spacing] = z13 + z2;
  d[3 * spacing] = z13 - z2;
  d[spacing] = z11 + z4;
  d[7 * spacing] = z11 - z4;
  /* The lanes' 16 bits. */
  for (int i = 0; i < 8; i++)
    d[i * spacing] = wrap16 (d[i * spacing]);
}

void
jart_fdct_ifast (int32_t block[64])
{
  int i;

  for (i = 0; i < 8; i++)
    ifast_pass (block + 8 * i, 1);
  for (i = 0; i < 8; i++)
    ifast_pass (block + i, 8);
}
