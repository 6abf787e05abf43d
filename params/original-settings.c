/* original-settings.c: a JPEG file's settings (its sampling factors and
 * quantization tables) checked and kept as the codec saves with them (see
 * original-settings.h).
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "original-settings.h"

JaOriginalProblem
ja_original_fill (JaOriginal *original, int quality, int components,
                  const int h[], const int v[], int n_tables,
                  const uint16_t tables[][64])
{
  static const int factors[5][2]
      = { { 1, 1 }, { 2, 1 }, { 2, 2 }, { 1, 2 }, { 4, 1 } };
  int i, t;

  memset (original, 0, sizeof *original);
  original->present = 1;
  original->quality = quality;
  if (components != 1 && components != 3)
    return JA_ORIGINAL_COMPONENTS;
  original->gray = components == 1;
  original->subsampling = JART_SUBSAMPLING_444;
  if (components == 3)
    {
      for (i = 0; i < 5; i++)
        if (h[0] == factors[i][0] && v[0] == factors[i][1])
          break;
      if (i == 5 || h[1] != 1 || v[1] != 1 || h[2] != 1 || v[2] != 1)
        return JA_ORIGINAL_SAMPLING;
      original->subsampling = (JartSubsampling)i;
    }
  if (n_tables < 1)
    return JA_ORIGINAL_NO_TABLES;
  for (t = 0; t < 2; t++)
    {
      const uint16_t *table = tables[t < n_tables ? t : 0];

      for (i = 0; i < 64; i++)
        {
          if (table[i] < 1 || table[i] > JART_TABLE_VALUE_MAX)
            return JA_ORIGINAL_TABLE_VALUE;
          original->tables[t][i] = table[i];
        }
    }
  original->usable = 1;
  return JA_ORIGINAL_OK;
}
