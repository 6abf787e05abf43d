/* fdct-float.c: the encoder's floating-point forward DCT and its
 * quantization (libjpeg's JDCT_FLOAT), as libjpeg-turbo 2.1 runs them on
 * x86-64: the SIMD routines jsimd_convsamp_float_sse2,
 * jsimd_fdct_float_sse and jsimd_quantize_float_sse2 that its jsimd.c
 * picks on every x86-64 processor.
 *
 * The transform is the scaled DCT of Y. Arai, T. Agui and M. Nakajima
 * ("A Fast DCT-SQ Scheme for Images", Trans. IEICE 1988), rows first, in
 * IEEE single precision, every sum and product rounded to the nearest
 * float (no fused multiply-add, no wider intermediates: the build's C11
 * mode keeps -ffp-contract=off, and x86-64 evaluates float in float).  Its
 * four constants are the floats nearest 0.707106781, 0.382683433,
 * 0.541196100 and 1.306562965.  The operations are grouped as libjpeg's
 * jfdctflt.c groups them, which the SSE code follows term by term.
 *
 * Quantization multiplies by the float nearest
 * 1 / (quantval * f[row] * f[col] * 8), the AAN scale factors f of
 * jcdctmgr.c computed in double, and rounds the product to the nearest
 * integer, halves to even (cvtps2dq in the default rounding mode).  Here
 * lies the difference from libjpeg-turbo's portable C, which adds 16384.5
 * in float and truncates (halves up, and the sum's own rounding): the two
 * give other coefficients now and then, so other processors, where the C
 * runs, do not give these pixels (README).
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "jart-private.h"

/* jcdctmgr.c's and jddctmgr.c's aanscalefactor: f[0] = 1,
 * f[k] = sqrt (2) cos (k pi / 16), to nine decimals as the library has
 * them (the tables are built from these very doubles). */
static const double aan_factors[8]
    = { 1.0, 1.387039845, 1.306562965, 1.175875602,
        1.0, 0.785694958, 0.541196100, 0.275899379 };

void
jart_quant_prepare_float (JartQuant *quant)
{
  int row, col;

  for (row = 0; row < 8; row++)
    for (col = 0; col < 8; col++)
      {
        int i = row * 8 + col;
        double scaled
            = (double)quant->quantval[i] * aan_factors[row] * aan_factors[col];

        quant->float_divisor[i] = (float)(1.0 / (scaled * 8.0));
        quant->float_multiplier[i] = (float)scaled;
      }
}

/* One 1-D pass over 8 values SPACING apart, in place. */
static inline void
float_pass (float *d, int spacing)
{
  float tmp0 = d[0] + d[7 * spacing], tmp7 = d[0] - d[7 * spacing];
  float tmp1 = d[spacing] + d[6 * spacing];
  float tmp6 = d[spacing] - d[6 * spacing];
  float tmp2 = d[2 * spacing] + d[5 * spacing];
  float tmp5 = d[2 * spacing] - d[5 * spacing];
  float tmp3 = d[3 * spacing] + d[4 * spacing];
  float tmp4 = d[3 * spacing] - d[4 * spacing];
  float tmp10, tmp11, tmp12, tmp13, z1, z2, z3, z4, z5, z11, z13;

  /* Even part. */
  tmp10 = tmp0 + tmp3;
  tmp13 = tmp0 - tmp3;
  tmp11 = tmp1 + tmp2;
  tmp12 = tmp1 - tmp2;
  d[0] = tmp10 + tmp11;
  d[4 * spacing] = tmp10 - tmp11;
  z1 = (tmp12 + tmp13) * 0.707106781f;
  d[2 * spacing] = tmp13 + z1;
  d[6 * spacing] = tmp13 - z1;

  /* Odd part. */
  tmp10 = tmp4 + tmp5;
  tmp11 = tmp5 + tmp6;
  tmp12 = tmp6 + tmp7;
  z5 = (tmp10 - tmp12) * 0.382683433f;
  z2 = tmp10 * 0.541196100f + z5;
  z4 = tmp12 * 1.306562965f + z5;
  z3 = tmp11 * 0.707106781f;
  z11 = tmp7 + z3;
  z13 = tmp7 - z3;
  d[5 * spacing] = z13 + z2;
  d[3 * spacing] = z13 - z2;
  d[spacing] = z11 + z4;
  d[7 * spacing] = z11 - z4;
}

/* The nearest integer to X, halves to even, for |X| < 2^22: adding and
 * taking away 1.5 * 2^23 leaves X rounded to a whole number in the
 * default rounding mode, as cvtps2dq rounds. */
static inline int32_t
round_even (float x)
{
  return (int32_t)((x + 12582912.0f) - 12582912.0f);
}

void
jart_fdct_float_quantize (const uint8_t *origin, size_t stride,
                          const JartQuant *quant, int32_t coef[64])
{
  float ws[64];
  int r, c, i;

  for (r = 0; r < 8; r++)
    for (c = 0; c < 8; c++)
      ws[r * 8 + c] = (float)(origin[(size_t)r * stride + c] - 128);
  for (i = 0; i < 8; i++)
    float_pass (ws + 8 * i, 1);
  for (i = 0; i < 8; i++)
    float_pass (ws + i, 8);
  for (i = 0; i < 64; i++)
    coef[i] = round_even (ws[i] * quant->float_divisor[i]);
}
