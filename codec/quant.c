/* quant.c: quality to quantization tables, and quantization itself.
 *
 * The tables are the two of ITU T.81 Annex K.1 scaled by the IJG quality
 * formula, clamped to 1..255 as libjpeg does with force_baseline on (as
 * TurboJPEG, jpeg_set_defaults and GIMP's export all ask).  The divisors
 * follow libjpeg-turbo's jcdctmgr.c: the accurate DCT's output is 8 times
 * the orthonormal DCT, so it is divided by 8 * quantval; the fast (AAN) DCT
 * leaves its output scaled by the AAN factors, which the divisor absorbs.
 * A table given as it is (a step of a schedule with the settings' own
 * tables, entries 1..255) goes through the same divisors: every kernel's
 * quotient is exact for any entry of 1..255.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "jart-private.h"

/* ITU T.81 Annex K.1, Table K.1 (luminance) and Table K.2 (chrominance),
 * in natural row-major order. */
static const uint8_t base_tables[2][64]
    = { { 16,  11,  10,  16,  24, 40, 51,  61,  12,  12,  14,  19,  26,
          58,  60,  55,  14,  13, 16, 24,  40,  57,  69,  56,  14,  17,
          22,  29,  51,  87,  80, 62, 18,  22,  37,  56,  68,  109, 103,
          77,  24,  35,  55,  64, 81, 104, 113, 92,  49,  64,  78,  87,
          103, 121, 120, 101, 72, 92, 95,  98,  112, 100, 103, 99 },
        { 17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99,
          24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99,
          99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
          99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99 } };

/* The AAN scale factors, round (16384 * s[row] * s[col]) with s[0] = 1 and
 * s[k] = sqrt (2) * cos (k * pi / 16): the fast DCT's output for
 * coefficient (row, col) is the true one times s[row] * s[col] * 8. */
static const uint16_t aan_scales[64]
    = { 16384, 22725, 21407, 19266, 16384, 12873, 8867,  4520,  22725, 31521,
        29692, 26722, 22725, 17855, 12299, 6270,  21407, 29692, 27969, 25172,
        21407, 16819, 11585, 5906,  19266, 26722, 25172, 22654, 19266, 15137,
        10426, 5315,  16384, 22725, 21407, 19266, 16384, 12873, 8867,  4520,
        12873, 17855, 16819, 15137, 12873, 10114, 6967,  3552,  8867,  12299,
        11585, 10426, 8867,  6967,  4799,  2446,  4520,  6270,  5906,  5315,
        4520,  3552,  2446,  1247 };

JartStatus
jart_quant_table (int quality, int table, uint16_t out[64])
{
  int scale, i;

  if (out == NULL)
    return JART_ERROR_NULL;
  if (quality < JART_QUALITY_MIN || quality > JART_QUALITY_MAX)
    return JART_ERROR_QUALITY;

  /* jcparam.c's jpeg_quality_scaling: a percentage of the base table. */
  table = table != 0;
  scale = quality < 50 ? 5000 / quality : 200 - quality * 2;
  for (i = 0; i < 64; i++)
    {
      long v = ((long)base_tables[table][i] * scale + 50) / 100;

      if (v < 1)
        v = 1;
      if (v > 255)
        v = 255;
      out[i] = (uint16_t)v;
    }
  return JART_OK;
}

/* The 16-bit quotient of the accurate DCT's coefficient I, whose divisor
 * is d = 8 q: floor ((|x| + 4 q) / 8 q) = floor (m / q) with
 * m = (|x| + 4 q) >> 3 < 2^13, and floor (m / q) = (m R) >> k for
 * R = ceil (2^k / q) and the largest k that keeps R below 2^16, done as
 * two high-half products (8 m R >> 16, then >> k - 13 as a product with
 * 2^(29 - k)).  Exact for every q of 1..255 and |x| <= 32768, which was
 * checked exhaustively. */
static void
quant_prepare16 (JartQuant *quant, int i)
{
  uint32_t q = quant->quantval[i];
  int k = 29;

  /* ceil (2^k / q) <= 65535 exactly when 2^k <= 65535 q: no division. */
  while ((UINT32_C (1) << k) > UINT32_C (65535) * q)
    k--;
  quant->half16[i] = (uint16_t)(4 * q);
  quant->recip16[i] = (uint16_t)(((UINT32_C (1) << k) + q - 1) / q);
  quant->scale16[i] = (uint16_t)(UINT32_C (1) << (29 - k));
}

void
jart_quant_prepare (int quality, const uint16_t (*tables)[64], int table,
                    JartDct dct, JartQuant *quant)
{
  int i;

  if (quality == 0)
    /* jpeg_add_quant_table with scale_factor 100 and force_baseline:
       (v * 100 + 50) / 100 = v, every entry of 1..255 as it is. */
    memcpy (quant->quantval, tables[table != 0], sizeof quant->quantval);
  else
    jart_quant_table (quality, table, quant->quantval);
  for (i = 0; i < 64; i++)
    {
      int32_t q = quant->quantval[i];

      if (dct == JART_DCT_FAST)
        /* DESCALE (quantval * aanscale, 11): the table is scaled by 2^14
           and the fast DCT's output by 8 = 2^3. */
        quant->divisor[i] = (q * aan_scales[i] + (1 << 10)) >> 11;
      else
        quant->divisor[i] = q * 8;
      quant->multiplier[i] = q;
      quant->half[i] = quant->divisor[i] >> 1;
      quant->reciprocal[i] = 1.0f / (float)quant->divisor[i];
      quant_prepare16 (quant, i);
    }
  for (i = 0; i < 128; i++)
    {
      int u = i / 16, k = 8 * u + i % 8;

      quant->rows16[u][0][i % 16] = quant->half16[k];
      quant->rows16[u][1][i % 16] = quant->recip16[k];
      quant->rows16[u][2][i % 16] = quant->scale16[k];
      quant->rows16[u][3][i % 16] = quant->quantval[k];
    }
  jart_quant_prepare_float (quant);
}

void
jart_quant_round_trip (int32_t block[64], const JartQuant *quant)
{
  int i;

  for (i = 0; i < 64; i++)
    {
      int32_t x = block[i];
      int32_t d = quant->divisor[i];
      int32_t q;

      if (x < 0)
        q = -((-x + (d >> 1)) / d);
      else
        q = (x + (d >> 1)) / d;
      block[i] = q * quant->quantval[i];
    }
}

void
jart_quant_keep (int32_t block[64], const JartQuant *quant, int16_t coef[64])
{
  int i;

  for (i = 0; i < 64; i++)
    {
      int32_t x = block[i];
      int32_t d = quant->divisor[i];
      int32_t q = x < 0 ? -((-x + (d >> 1)) / d) : (x + (d >> 1)) / d;

      coef[i] = (int16_t)q;
      block[i] = q * quant->quantval[i];
    }
}

void
jart_quant_prepare_components (int quality, const uint16_t (*tables)[64],
                               const uint16_t *cr_table, JartDct dct,
                               JartQuant quant[3])
{
  jart_quant_prepare (quality, tables, 0, dct, &quant[0]);
  jart_quant_prepare (quality, tables, 1, dct, &quant[1]);
  if (quality == 0 && cr_table != NULL)
    {
      uint16_t cr[2][64];

      memcpy (cr[1], cr_table, sizeof cr[1]);
      memcpy (cr[0], cr_table, sizeof cr[0]);
      jart_quant_prepare (0, (const uint16_t (*)[64])cr, 1, dct, &quant[2]);
    }
  else
    quant[2] = quant[1];
}
