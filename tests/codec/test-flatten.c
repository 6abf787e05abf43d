/* test-flatten.c: the flatten setting.  Before every generation's encoder
 * the oracle composites each colour on the background by its alpha,
 * (c * a + b * (255 - a) + 127) / 255, gray images on the background's
 * luma by the JPEG Y formula; the decoded colours replace the colours and
 * alpha is copied unchanged.  Gray + alpha and RGBA images over several
 * backgrounds, modes, qualities and both DCTs, with and without drift; and
 * images without alpha, which flattening must leave alone.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "images.h"
#include "runcase.h"

#define GENERATIONS 20

static const uint8_t backgrounds[][3] = {
  { 255, 255, 255 }, { 0, 0, 0 }, { 255, 0, 128 }, { 1, 2, 3 }, { 0, 255, 0 },
};
static const int sizes[][2]
    = { { 33, 35 }, { 17, 9 }, { 7, 3 }, { 1, 1 }, { 250, 3 }, { 2, 9 } };
static const int qualities[] = { 90, 25, 75, 100, 50, 5, 96 };

/* The flattening formulas themselves, against their definition in
 * exact arithmetic: the result is c * a / 255 + b * (1 - a / 255) rounded
 * to nearest, and the luma's factors sum to 1 << 16. */
static void
check_formulas (Tally *tally)
{
  int ok = 1;

  for (int c = 0; c < 256 && ok; c++)
    for (int a = 0; a < 256 && ok; a += 5)
      for (int b = 0; b < 256 && ok; b += 17)
        {
          int exact2 = 2 * (c * a + b * (255 - a)); /* 2 * 255 * value */
          int got = oracle_flatten ((uint8_t)c, (uint8_t)a, (uint8_t)b);
          ok = tally_check (tally, abs (510 * got - exact2) < 255,
                            "flatten formula: c %d a %d b %d gives %d", c, a,
                            b, got);
        }
  tally_check (tally, 19595 + 38470 + 7471 == 1 << 16,
               "the luma weights do not sum to 65536");
}

int
main (void)
{
  Tally tally;
  Oracle *oracle;
  int index = 0;

  tally_init (&tally, "flatten");
  oracle = oracle_new ();
  if (!oracle)
    return 99;
  check_formulas (&tally);

  for (int dct = JART_DCT_ACCURATE; dct <= JART_DCT_FAST; dct++)
    for (int mode = JART_SUBSAMPLING_444; mode <= JART_SUBSAMPLING_411; mode++)
      for (size_t b = 0; b < sizeof backgrounds / sizeof backgrounds[0]; b++)
        for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
          for (int channels = 1; channels <= 4; channels++)
            {
              Pattern pattern = (Pattern)(index % PATTERN_COUNT);
              JartImage *image
                  = image_new (sizes[s][0], sizes[s][1], channels);
              TestCase test = { .in_place = 0 };

              image_fill (image, pattern, (uint32_t)index);
              test.label = pattern_name (pattern);
              test.src = image;
              test.settings = case_settings (
                  qualities[index % (sizeof qualities / sizeof qualities[0])],
                  GENERATIONS, (JartSubsampling)mode, (JartDct)dct);
              test.settings.flatten = 1;
              memcpy (test.settings.background, backgrounds[b], 3);
              /* Every third case drifts, so that flattening meets a
               * moving grid and changing quality too. */
              if (index % 3 == 2)
                {
                  test.settings.grid_drift = 3;
                  test.settings.quality_jitter = 10;
                  test.settings.seed = (uint32_t)index;
                  test.settings.anchor_x = index % 32;
                  test.settings.anchor_y = (index * 7) % 32;
                }
              test.settings.stop_at_fixed_point = index % 2;
              case_run (oracle, &tally, &test, NULL);
              image_free (image);
              index++;
            }

  oracle_free (oracle);
  return tally_finish (&tally);
}
