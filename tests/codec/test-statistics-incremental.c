/* test-statistics-incremental.c: the progressive file's size a run keeps
 * (JartGenerationReport.bytes_progressive) costs in proportion to what a
 * generation changed, and stays exact while it does.
 *
 * A 2560x1600 photo (data/Garden.jpg), quality 75, 4:2:0, 12 generations
 * with statistics: generation 1 codes every block of every scan (twice:
 * counting, then coding), later generations change fewer and fewer MCUs.
 * - every generation that changed at most 0.2 % of the pixels coded at
 *   most 12 % of generation 1's blocks again (progressive_blocks), where
 *   coding it afresh would code them all;
 * - a generation that changed nothing coded none;
 * - at every generation the size equals jart_generation_jpeg_size
 *   (JART_CODING_PROGRESSIVE) of the generation's input, which the
 *   statistics and jpeg-size tests hold to libjpeg-turbo's files;
 * - the blocks coded and the sizes are the same with 1 and 2 threads.
 *
 *   test-statistics-incremental DATA_DIR
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "images.h"

#define GENERATIONS 12

/* The share of generation 1's blocks a generation that changed at most
 * SMALL_CHANGE of the pixels may code again. */
#define SMALL_CHANGE 0.002
#define MOST_RECODED 0.12

typedef struct
{
  Tally *tally;
  const JartSettings *settings;
  JartImage *input; /* the next generation's input */
  uint64_t blocks[GENERATIONS + 1];
  uint64_t bytes[GENERATIONS + 1];
  uint64_t changed[GENERATIONS + 1];
  int ok;
} Run;

static int
on_generation (const JartGenerationReport *report, const JartImage *pixels,
               void *user_data)
{
  Run *run = user_data;
  const int g = report->generation;
  const size_t row = (size_t)pixels->width * (size_t)pixels->channels;
  uint64_t expected = 0;
  int y;

  run->blocks[g] = report->progressive_blocks;
  run->bytes[g] = report->bytes_progressive;
  run->changed[g] = report->changed_pixels;
  if (jart_generation_jpeg_size (run->input, run->settings, g,
                                 JART_CODING_PROGRESSIVE, &expected)
      != JART_OK)
    expected = 0;
  if (!tally_check (run->tally,
                    report->has_statistics
                        && report->bytes_progressive == expected,
                    "generation %d: progressive size %llu, "
                    "jart_generation_jpeg_size %llu",
                    g, (unsigned long long)report->bytes_progressive,
                    (unsigned long long)expected))
    run->ok = 0;
  for (y = 0; y < pixels->height; y++)
    memcpy (run->input->pixels + (size_t)y * run->input->stride,
            pixels->pixels + (size_t)y * pixels->stride, row);
  return 0;
}

static int
run_photo (Tally *tally, const JartImage *photo, int threads, Run *run)
{
  JartSettings settings;
  JartCallbacks callbacks = { on_generation, NULL, NULL, run };
  JartImage *out = image_copy (photo);
  JartStatus status;

  jart_settings_init (&settings);
  settings.quality = 75;
  settings.subsampling = JART_SUBSAMPLING_420;
  settings.generations = GENERATIONS;
  settings.stop_at_fixed_point = 0;
  settings.statistics = 1;
  settings.threads = threads;
  memset (run, 0, sizeof *run);
  run->tally = tally;
  run->settings = &settings;
  run->input = image_copy (photo);
  run->ok = 1;
  status = jart_run (photo, out, &settings, &callbacks, NULL);
  if (!tally_check (tally, status == JART_OK, "%d threads: jart_run: %s",
                    threads, jart_strerror (status)))
    run->ok = 0;
  image_free (run->input);
  image_free (out);
  return run->ok;
}

int
main (int argc, char **argv)
{
  const double pixels_total = 2560.0 * 1600.0;
  char path[1024];
  JartImage *photo;
  Tally tally;
  Run one, two;
  int g, small = 0;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s DATA_DIR\n", argv[0]);
      return 99;
    }
  tally_init (&tally, "statistics-incremental");
  snprintf (path, sizeof path, "%s/Garden.jpg", argv[1]);
  photo = image_load (path);
  if (photo == NULL || photo->width != 2560 || photo->height != 1600)
    return 99;

  run_photo (&tally, photo, 2, &two);
  run_photo (&tally, photo, 1, &one);
  tally_check (&tally, two.blocks[1] > 0,
               "generation 1 coded no block for its progressive size");
  for (g = 1; g <= GENERATIONS; g++)
    {
      double share = (double)two.blocks[g] / (double)two.blocks[1];

      tally_note (&tally,
                  "generation %2d: %7llu pixels changed, %8llu blocks coded "
                  "(%.2f %% of generation 1's)",
                  g, (unsigned long long)two.changed[g],
                  (unsigned long long)two.blocks[g], 100.0 * share);
      tally_check (
          &tally,
          one.blocks[g] == two.blocks[g] && one.bytes[g] == two.bytes[g],
          "generation %d: 1 thread coded %llu blocks for %llu "
          "bytes, 2 threads %llu for %llu",
          g, (unsigned long long)one.blocks[g],
          (unsigned long long)one.bytes[g], (unsigned long long)two.blocks[g],
          (unsigned long long)two.bytes[g]);
      if (g > 1 && two.changed[g - 1] == 0)
        tally_check (&tally, two.blocks[g] == 0,
                     "generation %d changed nothing after generation %d "
                     "did not either, yet coded %llu blocks",
                     g, g - 1, (unsigned long long)two.blocks[g]);
      if (g > 2 && (double)two.changed[g] <= SMALL_CHANGE * pixels_total)
        {
          small++;
          tally_check (&tally, share <= MOST_RECODED,
                       "generation %d changed %llu pixels (%.3f %%) yet "
                       "coded %.1f %% of generation 1's blocks",
                       g, (unsigned long long)two.changed[g],
                       100.0 * (double)two.changed[g] / pixels_total,
                       100.0 * share);
        }
    }
  tally_check (&tally, small >= 3,
               "only %d generations changed at most %.1f %% of the pixels",
               small, 100.0 * SMALL_CHANGE);
  image_free (photo);
  return tally_finish (&tally);
}
