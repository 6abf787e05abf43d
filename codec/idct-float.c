/* idct-float.c: the floating-point inverse DCT (libjpeg's JDCT_FLOAT), as
 * libjpeg-turbo 2.1 runs it on x86-64 (jsimd_idct_float_sse2, which its
 * jsimd.c picks on every x86-64 processor): the decoder GIMP 2.10's JPEG
 * loader asks for.
 *
 * Dequantization multiplies each coefficient by the float nearest
 * quantval * f[row] * f[col] (fdct-float.c's scale factors, in double).
 * Then the scaled inverse DCT of Arai, Agui and Nakajima, columns first,
 * in IEEE single precision with every operation rounded to float, grouped
 * as the SSE2 code groups them (its all-zero-AC column shortcut gives the
 * same values: adding zeros is exact).  Each output is the nearest
 * integer to a eighth of the row pass's result, halves to even (the SSE2
 * code adds 1.5 * 2^26 and keeps the low 16 bits of the sum's mantissa),
 * saturated to -128..127 (packsswb) and recentred on 128.  libjpeg-turbo's
 * portable C (other processors) rounds halves up instead.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "jart-private.h"

/* One 1-D inverse pass: IN[0..7] to OUT[0..7]. */
static inline void
inverse_pass (const float in[8], float out[8])
{
  float tmp0, tmp1, tmp2, tmp3, tmp4, tmp5, tmp6, tmp7;
  float tmp10, tmp11, tmp12, tmp13, z5, z10, z11, z12, z13;

  /* Even part. */
  tmp10 = in[0] + in[4];
  tmp11 = in[0] - in[4];
  tmp13 = in[2] + in[6];
  tmp12 = (in[2] - in[6]) * 1.414213562f - tmp13;
  tmp0 = tmp10 + tmp13;
  tmp3 = tmp10 - tmp13;
  tmp1 = tmp11 + tmp12;
  tmp2 = tmp11 - tmp12;

  /* Odd part. */
  z13 = in[5] + in[3];
  z10 = in[5] - in[3];
  z11 = in[1] + in[7];
  z12 = in[1] - in[7];
  tmp7 = z11 + z13;
  tmp11 = (z11 - z13) * 1.414213562f;
  z5 = (z10 + z12) * 1.847759065f;
  tmp10 = z12 * 1.082392200f - z5;
  tmp12 = z10 * -2.613125930f + z5;
  tmp6 = tmp12 - tmp7;
  tmp5 = tmp11 - tmp6;
  tmp4 = tmp10 + tmp5;

  out[0] = tmp0 + tmp7;
  out[7] = tmp0 - tmp7;
  out[1] = tmp1 + tmp6;
  out[6] = tmp1 - tmp6;
  out[2] = tmp2 + tmp5;
  out[5] = tmp2 - tmp5;
  out[4] = tmp3 + tmp4;
  out[3] = tmp3 - tmp4;
}

/* The SSE2 code's output: X / 8 rounded to an integer, halves to even (the
 * sum with 1.5 * 2^26, whose floats are 8 apart, is exact to the nearest
 * multiple of 8), its low 16 bits as a signed value, saturated to a
 * signed byte and recentred. */
static inline uint8_t
output_sample (float x)
{
  int32_t k = (int32_t)((x * 0.125f + 12582912.0f) - 12582912.0f);
  int16_t low = (int16_t)(uint16_t)(uint32_t)k;

  return (uint8_t)(jart_clamp_int (low, -128, 127) + 128);
}

void
jart_idct_float (const int32_t coef[64], const JartQuant *quant, uint8_t *out,
                 size_t stride)
{
  float ws[64], in[8], res[8];
  int r, c;

  for (c = 0; c < 8; c++)
    {
      for (r = 0; r < 8; r++)
        in[r] = (float)coef[r * 8 + c] * quant->float_multiplier[r * 8 + c];
      inverse_pass (in, res);
      for (r = 0; r < 8; r++)
        ws[r * 8 + c] = res[r];
    }
  for (r = 0; r < 8; r++)
    {
      inverse_pass (ws + r * 8, res);
      for (c = 0; c < 8; c++)
        out[(size_t)r * stride + c] = output_sample (res[c]);
    }
}
