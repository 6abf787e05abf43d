/* test-api-basics.c: the small parts of the public interface.  The defaults
 * jart_settings_init documents; jart_quant_table against the tables libjpeg
 * installs for every quality; jart_mcu_size for every mode and channel
 * count; a distinct text for every status; the version's form; the cancel
 * flag's states; and the codec with threads 1 to 64, which must give the
 * same pixels as libjpeg-turbo whatever the count.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include "images.h"
#include "runcase.h"

static void
check_defaults (Tally *tally)
{
  JartSettings s;

  memset (&s, 0xab, sizeof s);
  jart_settings_init (&s);
  tally_check (tally,
               s.quality == 75 && s.generations == 1
                   && s.subsampling == JART_SUBSAMPLING_420
                   && s.dct == JART_DCT_ACCURATE && s.quality_jitter == 0
                   && s.grid_drift == 0 && s.seed == 0 && s.anchor_x == 0
                   && s.anchor_y == 0 && s.stop_at_fixed_point != 0
                   && s.flatten == 0 && s.background[0] == 255
                   && s.background[1] == 255 && s.background[2] == 255
                   && s.threads == 0 && s.statistics == 0 && s.sizes == 0,
               "jart_settings_init: quality %d, generations %d, "
               "subsampling %d, dct %d, jitter %d, drift %d, seed %u, "
               "anchor (%d,%d), stop %d, flatten %d, background "
               "(%d,%d,%d), threads %d, statistics %d, sizes %u",
               s.quality, s.generations, s.subsampling, s.dct,
               s.quality_jitter, s.grid_drift, (unsigned)s.seed, s.anchor_x,
               s.anchor_y, s.stop_at_fixed_point, s.flatten, s.background[0],
               s.background[1], s.background[2], s.threads, s.statistics,
               s.sizes);
  tally_check (tally, jart_settings_check (&s) == JART_OK,
               "the defaults do not pass jart_settings_check");
}

static void
check_quant_tables (Tally *tally)
{
  for (int q = JART_QUALITY_MIN; q <= JART_QUALITY_MAX; q++)
    for (int t = 0; t < 2; t++)
      {
        uint16_t expected[64], got[64];
        JartStatus status;
        int i;

        oracle_quant_table (q, t, expected);
        status = jart_quant_table (q, t, got);
        for (i = 0; i < 64 && expected[i] == got[i]; i++)
          ;
        tally_check (tally, status == JART_OK && i == 64,
                     "jart_quant_table (quality %d, table %d): status %d, "
                     "entry %d (row %d, column %d) is %d, libjpeg has %d",
                     q, t, status, i % 64, i % 64 / 8, i % 8,
                     i < 64 ? got[i] : 0, i < 64 ? expected[i] : 0);
      }
}

static void
check_mcu_sizes (Tally *tally)
{
  static const int expected[5][2]
      = { { 8, 8 }, { 16, 8 }, { 16, 16 }, { 8, 16 }, { 32, 8 } };

  for (int mode = JART_SUBSAMPLING_444; mode <= JART_SUBSAMPLING_411; mode++)
    for (int channels = 1; channels <= 4; channels++)
      {
        int w = -1, h = -1;
        int ew = channels >= 3 ? expected[mode][0] : 8;
        int eh = channels >= 3 ? expected[mode][1] : 8;
        jart_mcu_size ((JartSubsampling)mode, channels, &w, &h);
        tally_check (tally, w == ew && h == eh,
                     "jart_mcu_size (%s, %d channels) is %dx%d, expected "
                     "%dx%d",
                     subsampling_name ((JartSubsampling)mode), channels, w, h,
                     ew, eh);
      }
}

static void
check_texts (Tally *tally)
{
  const char *texts[JART_ERROR_OVERLAP + 1]; /* the last status */
  const char *version = jart_version ();
  int major, minor, patch, end = 0;

  for (int i = JART_OK; i <= JART_ERROR_OVERLAP; i++)
    {
      texts[i] = jart_strerror ((JartStatus)i);
      if (!tally_check (tally,
                        texts[i] != NULL && texts[i][0] != '\0'
                            && strcmp (texts[i], "unknown status") != 0,
                        "jart_strerror (%d) is empty or unknown", i))
        continue;
      for (int j = 0; j < i; j++)
        tally_check (tally, texts[j] == NULL || strcmp (texts[i], texts[j]),
                     "jart_strerror gives \"%s\" for both %d and %d", texts[i],
                     j, i);
    }
  tally_check (tally, jart_strerror ((JartStatus)999) != NULL,
               "jart_strerror (999) is NULL");
  tally_check (
      tally,
      version != NULL
          && sscanf (version, "%d.%d.%d%n", &major, &minor, &patch, &end) == 3
          && version[end] == '\0',
      "jart_version is \"%s\", not MAJOR.MINOR.PATCH",
      version ? version : "(null)");
}

static void
check_cancel_flag (Tally *tally)
{
  JartCancel *cancel = jart_cancel_new ();

  if (!tally_check (tally, cancel != NULL, "jart_cancel_new gave NULL"))
    return;
  tally_check (tally, !jart_cancel_requested (cancel),
               "a new cancel flag is raised");
  jart_cancel_request (cancel);
  tally_check (tally, jart_cancel_requested (cancel),
               "jart_cancel_request did not raise the flag");
  jart_cancel_request (cancel);
  tally_check (tally, jart_cancel_requested (cancel),
               "a second jart_cancel_request lowered the flag");
  jart_cancel_reset (cancel);
  tally_check (tally, !jart_cancel_requested (cancel),
               "jart_cancel_reset did not lower the flag");
  jart_cancel_free (cancel);
}

/* How many generations each run of check_threads takes: 6, or
 * JART_TEST_THREAD_GENERATIONS (1 to 6) when set: tools/run-tests.sh's
 * valgrind pass sets 2, which still runs a first generation and one from a
 * generation's output (drifted when the run drifts) with every thread
 * count and mode, in half the time (61 s instead of 131 s there). */
static int
thread_generations (void)
{
  return case_env_int ("JART_TEST_THREAD_GENERATIONS", 1, 6, 6);
}

/* The same runs with every thread count give libjpeg-turbo's pixels: the
 * codec may split the work, never the result. */
static void
check_threads (Tally *tally, Oracle *oracle)
{
  static const int counts[] = { 1, 2, 3, 4, 7, 16, 64, 0 };
  JartImage *image = image_new (203, 131, 4);
  int generations = thread_generations ();

  image_fill (image, PATTERN_NOISE, 21);
  for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++)
    for (int mode = JART_SUBSAMPLING_444; mode <= JART_SUBSAMPLING_411; mode++)
      {
        TestCase test = { .label = "noise", .src = image };
        test.settings = case_settings (70, generations, (JartSubsampling)mode,
                                       (JartDct)(i % 2));
        test.settings.threads = counts[i];
        test.settings.grid_drift = mode % 2 ? 3 : 0;
        test.settings.flatten = mode == JART_SUBSAMPLING_420;
        case_run (oracle, tally, &test, NULL);
      }
  image_free (image);
}

int
main (void)
{
  Tally tally;
  Oracle *oracle;

  tally_init (&tally, "api-basics");
  oracle = oracle_new ();
  if (!oracle)
    return 99;
  check_defaults (&tally);
  check_quant_tables (&tally);
  check_mcu_sizes (&tally);
  check_texts (&tally);
  check_cancel_flag (&tally);
  check_threads (&tally, oracle);
  oracle_free (oracle);
  return tally_finish (&tally);
}
