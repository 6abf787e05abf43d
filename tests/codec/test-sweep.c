/* test-sweep.c: the codec against libjpeg-turbo over synthetic images, one
 * subsampling mode and one forward DCT per run, twenty generations each,
 * compared at every generation.
 *
 *   test-sweep sizes MODE DCT      every size (1x1, 1xN, Nx1, 7x3, 17x9,
 *                                  33x35, 250x3 and a few more) x gray,
 *                                  gray+alpha, RGB, RGBA x noise, smooth,
 *                                  checks x a spread of qualities
 *   test-sweep qualities MODE DCT  all 100 qualities on four images
 *
 * MODE is 444, 422, 420, 440 or 411; DCT is islow, ifast or float,
 * decoded as viewers decode, or with "-gimp" (float-gimp) as GIMP's
 * loader decodes.  Half the
 * cases stop at the fixed point (the default), half run every generation.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include "images.h"
#include "runcase.h"

#define GENERATIONS 20

static const int sizes[][2]
    = { { 1, 1 }, { 1, 2 }, { 2, 1 },  { 1, 37 },  { 37, 1 },
        { 5, 5 }, { 7, 3 }, { 17, 9 }, { 33, 35 }, { 250, 3 } };

/* Both sides of every boundary the tables have: the two branches of the
 * IJG scale (q < 50), the baseline clamp at 255 (q < 25 or so), the fast
 * DCT's library route (q >= 96), and the ends. */
static const int spread[]
    = { 1, 3, 10, 24, 25, 49, 50, 51, 75, 90, 95, 96, 99, 100 };

static void
run_sizes (Oracle *oracle, Tally *tally, JartSubsampling mode, JartDct dct,
           JartDecode decode)
{
  for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
    for (int channels = 1; channels <= 4; channels++)
      for (int p = 0; p < PATTERN_COUNT; p++)
        {
          JartImage *image = image_new (sizes[s][0], sizes[s][1], channels);
          image_fill (image, (Pattern)p, (uint32_t)(s * 16 + channels));
          for (size_t q = 0; q < sizeof spread / sizeof spread[0]; q++)
            {
              TestCase test = { .in_place = 0 };
              test.label = pattern_name ((Pattern)p);
              test.src = image;
              test.settings
                  = case_settings (spread[q], GENERATIONS, mode, dct);
              test.settings.stop_at_fixed_point = (int)(q % 2);
              test.settings.decode = decode;
              case_run (oracle, tally, &test, NULL);
            }
          image_free (image);
        }
}

static void
run_qualities (Oracle *oracle, Tally *tally, JartSubsampling mode, JartDct dct,
               JartDecode decode)
{
  static const struct
  {
    int width, height, channels;
    Pattern pattern;
  } images[] = { { 33, 35, 3, PATTERN_NOISE },
                 { 33, 35, 4, PATTERN_SMOOTH },
                 { 17, 9, 1, PATTERN_CHECKER },
                 { 40, 17, 3, PATTERN_CHECKER } };

  for (size_t i = 0; i < sizeof images / sizeof images[0]; i++)
    {
      JartImage *image
          = image_new (images[i].width, images[i].height, images[i].channels);
      image_fill (image, images[i].pattern, (uint32_t)i + 100);
      for (int q = JART_QUALITY_MIN; q <= JART_QUALITY_MAX; q++)
        {
          TestCase test = { .in_place = 0 };
          test.label = pattern_name (images[i].pattern);
          test.src = image;
          test.settings = case_settings (q, GENERATIONS, mode, dct);
          test.settings.stop_at_fixed_point = q % 2;
          test.settings.decode = decode;
          case_run (oracle, tally, &test, NULL);
        }
      image_free (image);
    }
}

int
main (int argc, char **argv)
{
  JartSubsampling mode;
  JartDct dct;
  JartDecode decode;
  char name[64];
  Tally tally;
  Oracle *oracle;
  int status;

  if (argc != 4
      || (strcmp (argv[1], "sizes") != 0 && strcmp (argv[1], "qualities") != 0)
      || !subsampling_parse (argv[2], &mode)
      || !method_parse (argv[3], &dct, &decode))
    {
      fprintf (stderr,
               "usage: %s sizes|qualities 444|422|420|440|411 "
               "islow|ifast|float[-gimp]\n",
               argv[0]);
      return 2;
    }
  snprintf (name, sizeof name, "sweep-%s-%s-%s", argv[1], argv[2], argv[3]);
  tally_init (&tally, name);
  oracle = oracle_new ();
  if (!oracle)
    return 99;
  if (strcmp (argv[1], "sizes") == 0)
    run_sizes (oracle, &tally, mode, dct, decode);
  else
    run_qualities (oracle, &tally, mode, dct, decode);
  oracle_free (oracle);
  status = tally_finish (&tally);
  return status;
}
