/* float-blocks.c: the round trip of a row of blocks when either end is
 * floating point: the floating-point forward DCT (fdct-float.c) or GIMP's
 * decoder, the floating-point inverse DCT (idct-float.c).  The integer
 * ends are fdct.c's, quant.c's and idct.c's; the kernel tables (kernels.c,
 * simd/) cover only the all-integer round trips.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "jart-private.h"

void
jart_quantized_block (const uint8_t *origin, size_t stride,
                      const JartQuant *quant, JartDct dct, int32_t coef[64])
{
  int r, c, i;

  if (dct == JART_DCT_FLOAT)
    {
      jart_fdct_float_quantize (origin, stride, quant, coef);
      return;
    }
  for (r = 0; r < 8; r++)
    for (c = 0; c < 8; c++)
      coef[r * 8 + c] = origin[(size_t)r * stride + c] - 128;
  if (dct == JART_DCT_FAST)
    jart_fdct_ifast (coef);
  else
    jart_fdct_islow (coef);
  /* The round trip leaves the quantized value times quantval: exact to
     divide. */
  jart_quant_round_trip (coef, quant);
  for (i = 0; i < 64; i++)
    coef[i] /= (int32_t)quant->quantval[i];
}

void
jart_transform_blocks_float (uint8_t *plane, size_t stride, int x0, int x1,
                             const JartQuant *quant, JartDct dct,
                             JartDecode decode, int16_t *kept)
{
  int32_t coef[64];
  int bx, i;

  for (bx = x0; bx < x1; bx += 8, kept = kept != NULL ? kept + 64 : NULL)
    {
      uint8_t *origin = plane + bx;

      jart_quantized_block (origin, stride, quant, dct, coef);
      if (kept != NULL)
        for (i = 0; i < 64; i++)
          kept[i] = (int16_t)coef[i];
      if (decode == JART_DECODE_GIMP)
        jart_idct_float (coef, quant, origin, stride);
      else
        {
          for (i = 0; i < 64; i++)
            coef[i] *= (int32_t)quant->quantval[i];
          jart_idct_islow (coef, origin, stride);
        }
    }
}
