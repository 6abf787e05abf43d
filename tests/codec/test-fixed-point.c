/* test-fixed-point.c: stopping at the fixed point.  Without drift and with
 * stop_at_fixed_point the codec must stop at the first generation that
 * changes no pixel, say which in result.fixed_point, and still give what
 * the oracle gives after the full generation count.  Without
 * stop_at_fixed_point, or with quality jitter or grid drift (where an
 * unchanged generation proves nothing), it must run every generation.
 * Generation counts from 1 to the maximum, 1000; a crop of a photo as well
 * as synthetic images; the test also makes sure that it saw runs stop.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include "images.h"
#include "runcase.h"

static const int generation_counts[] = { 1, 2, 3, 5, 20, 100, 1000 };
static const int qualities[] = { 75, 20, 95, 50, 100, 5 };

typedef struct
{
  int stopped;     /* runs that stopped before their last generation */
  int at_last;     /* runs whose last generation was the fixed point */
  int not_reached; /* runs too short to reach the fixed point */
} Seen;

static void
run_one (Oracle *oracle, Tally *tally, const char *label,
         const JartImage *image, JartSettings settings, Seen *seen)
{
  TestCase test = { .in_place = 0 };
  CaseOutcome outcome;

  test.label = label;
  test.src = image;
  test.settings = settings;
  if (!case_run (oracle, tally, &test, &outcome))
    return;
  if (outcome.result.fixed_point > 0
      && outcome.result.fixed_point < settings.generations)
    seen->stopped++;
  else if (outcome.result.fixed_point == settings.generations)
    seen->at_last++;
  else if (settings.stop_at_fixed_point && outcome.first_unchanged == 0)
    seen->not_reached++;
}

int
main (int argc, char **argv)
{
  const char *photo_path = argc > 1 ? argv[1] : NULL;
  Tally tally;
  Oracle *oracle;
  Seen seen = { 0, 0, 0 };
  int index = 0;

  tally_init (&tally, "fixed-point");
  oracle = oracle_new ();
  if (!oracle)
    return 99;

  for (int mode = JART_SUBSAMPLING_444; mode <= JART_SUBSAMPLING_411; mode++)
    for (size_t n = 0;
         n < sizeof generation_counts / sizeof generation_counts[0]; n++)
      for (int channels = 1; channels <= 4; channels++)
        {
          Pattern pattern = (Pattern)(index % PATTERN_COUNT);
          JartImage *image
              = image_new (index % 2 ? 33 : 24, index % 2 ? 35 : 17, channels);
          JartSettings s = case_settings (
              qualities[index % (sizeof qualities / sizeof qualities[0])],
              generation_counts[n], (JartSubsampling)mode,
              (JartDct)(index % 2));

          image_fill (image, pattern, (uint32_t)index);
          /* Stopping, with and without an anchor and flattening. */
          s.anchor_x = index % 3 == 0 ? index % 32 : 0;
          s.anchor_y = index % 3 == 0 ? (index * 5) % 32 : 0;
          s.flatten = index % 4 == 1;
          run_one (oracle, &tally, pattern_name (pattern), image, s, &seen);
          /* Running every generation. */
          s.stop_at_fixed_point = 0;
          run_one (oracle, &tally, pattern_name (pattern), image, s, &seen);
          /* Jitter or drift, asked to stop: must not. */
          s.stop_at_fixed_point = 1;
          if (index % 2)
            s.quality_jitter = 1;
          else
            s.grid_drift = 1;
          s.seed = (uint32_t)index;
          run_one (oracle, &tally, pattern_name (pattern), image, s, &seen);
          image_free (image);
          index++;
        }

  if (photo_path)
    {
      JartImage *photo = image_load (photo_path);
      if (!tally_check (&tally, photo != NULL, "cannot read %s", photo_path))
        return tally_finish (&tally);
      for (int mode = JART_SUBSAMPLING_444; mode <= JART_SUBSAMPLING_411;
           mode++)
        {
          JartImage *crop = image_crop (photo, 200 + 8 * mode, 100, 96, 64);
          JartSettings s = case_settings (75, 300, (JartSubsampling)mode,
                                          JART_DCT_ACCURATE);
          run_one (oracle, &tally, "photo crop", crop, s, &seen);
          image_free (crop);
        }
      image_free (photo);
    }

  tally_note (&tally,
              "%d runs stopped early, %d had their fixed point at the last "
              "generation, %d were too short to reach it",
              seen.stopped, seen.at_last, seen.not_reached);
  tally_check (&tally, seen.stopped > 0 && seen.not_reached > 0,
               "the cases no longer cover both stopping early and not "
               "reaching the fixed point");
  oracle_free (oracle);
  return tally_finish (&tally);
}
