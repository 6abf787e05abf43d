/* test-fast-dct-wrap.c: the fast DCT on blocks of extreme contrast, where
 * libjpeg-turbo's x86 SIMD code (16-bit lanes, each product taken as
 * pmulhw (x << 2, c << 6)) wraps around and gives other coefficients than
 * the exact formula.  The block below makes its second pass's
 * tmp10 - tmp12 reach about 9800, beyond the 8191 that fit four times in
 * 16 bits; blocks of random 0 and 255 (what a strong sharpening leaves)
 * reach it now and then.  Gray and colour images, every subsampling mode,
 * qualities through TurboJPEG and through the libjpeg API, and own tables
 * with entries of 1, against libjpeg-turbo at every generation.  At
 * quality 100 the wrapped coefficients exceed what baseline JPEG can code
 * and libjpeg-turbo writes a corrupt file: those runs must be skipped with
 * its message (ORACLE_CORRUPT), not failed, and some must be.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "images.h"
#include "runcase.h"

/* One row of 0 and 255 whose pass-one coefficient 2 is the largest, and
 * which rows take it or its negation: the columns' tmp10 - tmp12 then adds
 * eight of them. */
static const uint8_t wide_row[8] = { 255, 255, 0, 0, 0, 0, 255, 255 };
static const int row_sign[8] = { -1, -1, 1, 1, -1, -1, 1, 1 };

static const int qualities[] = { 1, 12, 50, 75, 95, 96, 100 };

/* Fills channel C of IMAGE with the wide block, tiled, transposed when
   TRANSPOSE, inverted when INVERT. */
static void
fill_wide (JartImage *image, int c, int transpose, int invert)
{
  for (int y = 0; y < image->height; y++)
    for (int x = 0; x < image->width; x++)
      {
        int r = (transpose ? x : y) % 8, k = (transpose ? y : x) % 8;
        uint8_t v = row_sign[r] > 0 ? wide_row[k] : 255 - wide_row[k];

        image->pixels[(size_t)y * image->stride + (size_t)x * image->channels
                      + c]
            = invert ? 255 - v : v;
      }
}

/* Fills IMAGE with random 0 and 255. */
static void
fill_binary (JartImage *image, uint32_t seed)
{
  uint32_t state = seed * 2654435761u + 1;

  for (int y = 0; y < image->height; y++)
    for (size_t i = 0; i < (size_t)image->width * image->channels; i++)
      image->pixels[(size_t)y * image->stride + i]
          = random_next (&state) & 1 ? 255 : 0;
}

static void
run (Oracle *oracle, Tally *tally, const char *label, const JartImage *image,
     int quality, JartSubsampling mode, int index)
{
  TestCase test = { .label = label, .src = image };

  test.settings = case_settings (quality, 3, mode, JART_DCT_FAST);
  test.settings.anchor_x = index % 3 == 0 ? 0 : index % 16;
  test.settings.anchor_y = index % 3 == 0 ? 0 : (index * 5) % 16;
  if (quality == 0)
    {
      /* Own tables: ones (a divisor of 1 sends libjpeg-turbo to its C
         quantizer) and a few larger entries. */
      test.settings.n_steps = 1;
      test.settings.steps[0].quality = 0;
      test.settings.steps[0].subsampling = mode;
      test.settings.steps[0].scale = 1.0;
      test.settings.steps[0].saturation = 1.0;
      test.settings.steps[0].contrast = 1.0;
      for (int t = 0; t < 2; t++)
        for (int i = 0; i < 64; i++)
          test.settings.tables[t][i] = (uint16_t)(i % 5 == 0 ? 1 + i : 1);
    }
  {
    CaseOutcome outcome;

    case_run (oracle, tally, &test, &outcome);
    if (outcome.skipped)
      tally_check (tally, strncmp (outcome.why, "libjpeg-turbo ", 14) == 0,
                   "a run skipped without libjpeg-turbo's message: \"%s\"",
                   outcome.why);
  }
}

int
main (void)
{
  Tally tally;
  Oracle *oracle;
  int index = 0;

  tally_init (&tally, "fast-dct-wrap");
  oracle = oracle_new ();
  if (!oracle)
    return 99;

  for (int channels = 1; channels <= 3; channels += 2)
    for (int variant = 0; variant < 4; variant++)
      {
        JartImage *image = image_new (16, 16, channels);

        for (int c = 0; c < channels; c++)
          fill_wide (image, c, (variant + c) & 1, variant >> 1);
        for (int mode = JART_SUBSAMPLING_444; mode <= JART_SUBSAMPLING_411;
             mode++)
          {
            for (size_t q = 0; q < sizeof qualities / sizeof qualities[0]; q++)
              run (oracle, &tally, "wide block", image, qualities[q],
                   (JartSubsampling)mode, index++);
            run (oracle, &tally, "wide block", image, 0, (JartSubsampling)mode,
                 index++);
            if (channels == 1)
              break;
          }
        image_free (image);
      }

  for (uint32_t seed = 1; seed <= 40; seed++)
    {
      int channels = seed % 2 ? 3 : 1;
      JartImage *image = image_new (24, 24, channels);

      fill_binary (image, seed);
      run (oracle, &tally, "random 0 and 255", image,
           qualities[seed % (sizeof qualities / sizeof qualities[0])],
           (JartSubsampling)(seed % 5), index++);
      run (oracle, &tally, "random 0 and 255", image, 0,
           (JartSubsampling)(seed % 5), index++);
      image_free (image);
    }

  tally_check (&tally, tally.skipped > 0,
               "no run met a file libjpeg-turbo reports corrupt");
  oracle_free (oracle);
  return tally_finish (&tally);
}
