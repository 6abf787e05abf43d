/* idct.c: the decoder's accurate inverse 8x8 DCT, as libjpeg-turbo's
 * jidctint.c (ISLOW) computes it: the Loeffler-Ligtenberg-Moschytz
 * factorization run backwards, with the same 13-bit constants as fdct.c.
 * Columns first, keeping PASS1_BITS extra bits; then rows, descaled by
 * CONST_BITS + PASS1_BITS + 3 (the 3 undoes the factor 8 of the scaled
 * DCT), recentred on 128 and clamped to 0..255.  The clamp is what Debian's
 * amd64 build does (its AVX2 IDCT saturates; the portable C table would
 * wrap values far out of range).
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "jart-private.h"

#define CONST_BITS 13 /* jidctint.c's: the constants' fraction bits */
#define PASS1_BITS 2  /* jidctint.c's: the bits the column pass keeps */
#define DESCALE(x, n) (((x) + ((int32_t)1 << ((n)-1))) >> (n))

/* One 1-D inverse pass over 8 values IN_STEP apart, writing the 8 results,
 * each still scaled by 2^CONST_BITS, to OUT. */
static inline void
islow_inverse (const int32_t *in, int in_step, int32_t out[8])
{
  int32_t tmp0, tmp1, tmp2, tmp3, tmp10, tmp11, tmp12, tmp13;
  int32_t z1, z2, z3, z4, z5;

  /* Even part: coefficients 0, 2, 4, 6. */
  z2 = in[2 * in_step];
  z3 = in[6 * in_step];
  z1 = (z2 + z3) * 4433;
  tmp2 = z1 - z3 * 15137;
  tmp3 = z1 + z2 * 6270;
  z2 = in[0];
  z3 = in[4 * in_step];
  tmp0 = (z2 + z3) * (1 << CONST_BITS);
  tmp1 = (z2 - z3) * (1 << CONST_BITS);
  tmp10 = tmp0 + tmp3;
  tmp13 = tmp0 - tmp3;
  tmp11 = tmp1 + tmp2;
  tmp12 = tmp1 - tmp2;

  /* Odd part: coefficients 7, 5, 3, 1. */
  tmp0 = in[7 * in_step];
  tmp1 = in[5 * in_step];
  tmp2 = in[3 * in_step];
  tmp3 = in[in_step];
  z1 = tmp0 + tmp3;
  z2 = tmp1 + tmp2;
  z3 = tmp0 + tmp2;
  z4 = tmp1 + tmp3;
  z5 = (z3 + z4) * 9633;
  tmp0 *= 2446;
  tmp1 *= 16819;
  tmp2 *= 25172;
  tmp3 *= 12299;
  z1 *= -7373;
  z2 *= -20995;
  z3 *= -16069;
  z4 *= -3196;
  z3 += z5;
  z4 += z5;
  tmp0 += z1 + z3;
  tmp1 += z2 + z4;
  tmp2 += z2 + z3;
  tmp3 += z1 + z4;

  out[0] = tmp10 + tmp3;
  out[7] = tmp10 - tmp3;
  out[1] = tmp11 + tmp2;
  out[6] = tmp11 - tmp2;
  out[2] = tmp12 + tmp1;
  out[5] = tmp12 - tmp1;
  out[3] = tmp13 + tmp0;
  out[4] = tmp13 - tmp0;
}

void
jart_idct_islow (const int32_t coef[64], uint8_t *out, size_t stride)
{
  int32_t workspace[64];
  int32_t column[8], row[8];
  int i, j;

  /* Pass 1: columns into the workspace, keeping PASS1_BITS extra bits. */
  for (i = 0; i < 8; i++)
    {
      islow_inverse (coef + i, 8, column);
      for (j = 0; j < 8; j++)
        workspace[j * 8 + i] = DESCALE (column[j], CONST_BITS - PASS1_BITS);
    }

  /* Pass 2: rows, to samples. */
  for (i = 0; i < 8; i++, out += stride)
    {
      islow_inverse (workspace + i * 8, 1, row);
      for (j = 0; j < 8; j++)
        {
          int32_t v = DESCALE (row[j], CONST_BITS + PASS1_BITS + 3) + 128;

          out[j] = (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v);
        }
    }
}
