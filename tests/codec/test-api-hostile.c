/* test-api-hostile.c: the public functions that return no status, called
 * as a hostile caller calls them: NULL for each output pointer (the
 * function must skip that output and write the others as it writes them
 * with every pointer given), and what jart.h says of NULL input; and
 * their arithmetic on sizes, scales and settings far outside the ranges
 * (jart.h says what they give then).  A crash here is a failure too: the
 * test program dies and meson counts it.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <limits.h>
#include <math.h>

#include "compare.h"
#include "jart.h"
#include "oracle.h"

/* jart_settings_init, jart_scaled_size and jart_mcu_size. */
static void
check_null_sizes (Tally *tally)
{
  int w = -1, h = -1;

  jart_settings_init (NULL);
  tally_check (tally, 1, "jart_settings_init (NULL) returned");

  jart_scaled_size (100, 60, 0.5, &w, NULL);
  tally_check (tally, w == 50, "jart_scaled_size, height NULL: width %d", w);
  jart_scaled_size (100, 60, 0.5, NULL, &h);
  tally_check (tally, h == 30, "jart_scaled_size, width NULL: height %d", h);
  jart_scaled_size (100, 60, 0.5, NULL, NULL);

  w = h = -1;
  jart_mcu_size (JART_SUBSAMPLING_411, 3, &w, NULL);
  tally_check (tally, w == 32, "jart_mcu_size, height NULL: width %d", w);
  jart_mcu_size (JART_SUBSAMPLING_420, 4, NULL, &h);
  tally_check (tally, h == 16, "jart_mcu_size, width NULL: height %d", h);
  jart_mcu_size (JART_SUBSAMPLING_420, 4, NULL, NULL);
}

/* Settings whose schedule jitters and drifts, and a first step of
 * quality 40 in 4:4:4 at half the size for when n_steps is 1. */
static void
drifting_settings (JartSettings *s)
{
  jart_settings_init (s);
  s->quality = 60;
  s->quality_jitter = 20;
  s->grid_drift = 7;
  s->seed = 99;
  s->anchor_x = 3;
  s->anchor_y = 5;
  s->steps[0].quality = 40;
  s->steps[0].subsampling = JART_SUBSAMPLING_444;
  s->steps[0].scale = 0.5;
}

/* jart_schedule and jart_schedule_step with each output NULL give the
 * others as with all three, on settings that jitter and drift with and
 * without a schedule; NULL settings are the defaults'. */
static void
check_null_schedule (Tally *tally)
{
  JartSettings s, defaults;

  drifting_settings (&s);
  for (int scheduled = 0; scheduled < 2; scheduled++)
    {
      s.n_steps = scheduled;
      for (int g = 1; g <= 20; g++)
        {
          JartStep step, step2;
          int q, dx, dy, q2 = -1, dx2 = -1, dy2 = -1;

          jart_schedule_step (&s, g, &step, &dx, &dy);
          jart_schedule_step (&s, g, NULL, &dx2, NULL);
          jart_schedule_step (&s, g, &step2, NULL, &dy2);
          jart_schedule_step (&s, g, NULL, NULL, NULL);
          tally_check (tally,
                       oracle_same_step (&step, &step2) && dx2 == dx
                           && dy2 == dy,
                       "jart_schedule_step with NULL outputs, generation "
                       "%d: offset (%d,%d), not (%d,%d)",
                       g, dx2, dy2, dx, dy);
          jart_schedule (&s, g, &q, &dx, &dy);
          q2 = dx2 = dy2 = -1;
          jart_schedule (&s, g, &q2, NULL, NULL);
          jart_schedule (&s, g, NULL, &dx2, &dy2);
          jart_schedule (&s, g, NULL, NULL, NULL);
          tally_check (tally,
                       q == step.quality && q2 == q && dx2 == dx && dy2 == dy,
                       "jart_schedule with NULL outputs, generation %d: "
                       "quality %d offset (%d,%d), not %d (%d,%d)",
                       g, q2, dx2, dy2, q, dx, dy);
        }
    }

  jart_settings_init (&defaults);
  for (int g = 1; g <= 3; g++)
    {
      JartStep step, expected;
      int q = -1, dx = -1, dy = -1, eq, edx, edy;

      jart_schedule_step (&defaults, g, &expected, &edx, &edy);
      jart_schedule_step (NULL, g, &step, &dx, &dy);
      tally_check (
          tally, oracle_same_step (&step, &expected) && dx == edx && dy == edy,
          "jart_schedule_step (NULL settings): quality %d offset "
          "(%d,%d), not the defaults' %d (%d,%d)",
          step.quality, dx, dy, expected.quality, edx, edy);
      jart_schedule (&defaults, g, &eq, &edx, &edy);
      jart_schedule (NULL, g, &q, &dx, &dy);
      tally_check (tally, q == eq && dx == edx && dy == edy,
                   "jart_schedule (NULL settings): quality %d offset "
                   "(%d,%d), not the defaults' %d (%d,%d)",
                   q, dx, dy, eq, edx, edy);
    }
}

static int
clamp (int v, int low, int high)
{
  return v < low ? low : v > high ? high : v;
}

/* jart_schedule on settings jart_settings_check refuses, with the ends of
 * int in the fields it adds up (grid_drift INT_MAX overflowed drift + 1,
 * the anchors anchor + drift, the jitter 2 * jitter + 1 and the quality
 * quality + jitter): the quality stays 1..100 and the offset 0..38, and
 * they are the schedule of the settings with those fields clamped to their
 * ranges, as jart.h says. */
static void
check_schedule_unchecked (Tally *tally)
{
  enum
  {
    QUALITY,
    JITTER,
    DRIFT,
    ANCHOR_X,
    ANCHOR_Y,
    STEP_QUALITY,
    FIELDS
  };
  static const char *const names[FIELDS]
      = { "quality",  "quality_jitter", "grid_drift",
          "anchor_x", "anchor_y",       "steps[0].quality" };
  static const int values[]
      = { INT_MAX, INT_MIN, INT_MAX / 2 + 5, -1000, 1000 };
  const int offset_max = JART_GRID_ANCHOR_MAX + JART_GRID_DRIFT_MAX;

  for (int field = 0; field < FIELDS; field++)
    for (size_t v = 0; v < sizeof values / sizeof values[0]; v++)
      {
        JartSettings bad, clamped;
        int *fields[2][FIELDS];

        drifting_settings (&bad);
        bad.n_steps = field == STEP_QUALITY;
        for (int k = 0; k < 2; k++)
          {
            JartSettings *s = k == 0 ? &bad : &clamped;

            fields[k][QUALITY] = &s->quality;
            fields[k][JITTER] = &s->quality_jitter;
            fields[k][DRIFT] = &s->grid_drift;
            fields[k][ANCHOR_X] = &s->anchor_x;
            fields[k][ANCHOR_Y] = &s->anchor_y;
            fields[k][STEP_QUALITY] = &s->steps[0].quality;
          }
        *fields[0][field] = values[v];
        clamped = bad;
        *fields[1][QUALITY] = clamp (bad.quality, 1, 100);
        *fields[1][JITTER] = clamp (bad.quality_jitter, 0, 50);
        *fields[1][DRIFT] = clamp (bad.grid_drift, 0, 7);
        *fields[1][ANCHOR_X] = clamp (bad.anchor_x, 0, 31);
        *fields[1][ANCHOR_Y] = clamp (bad.anchor_y, 0, 31);
        *fields[1][STEP_QUALITY] = clamp (bad.steps[0].quality, 1, 100);
        for (int g = 1; g <= 50; g++)
          {
            int q, dx, dy, eq, edx, edy;

            jart_schedule (&bad, g, &q, &dx, &dy);
            jart_schedule (&clamped, g, &eq, &edx, &edy);
            if (!tally_check (tally,
                              q >= 1 && q <= 100 && dx >= 0 && dx <= offset_max
                                  && dy >= 0 && dy <= offset_max && q == eq
                                  && dx == edx && dy == edy,
                              "jart_schedule with %s %d, generation %d: "
                              "quality %d offset (%d,%d), the clamped "
                              "settings' %d (%d,%d)",
                              names[field], values[v], g, q, dx, dy, eq, edx,
                              edy))
              break;
          }
      }
}

/* jart_scaled_size's promise, at most the side and at least 1, for any
 * side and scale: a side of 0 times an infinite scale is NaN, which must
 * not become an int; a negative side with a negative scale gave the side
 * back. */
static void
check_scaled_size_extremes (Tally *tally)
{
  static const struct
  {
    int width, height;
    double scale;
  } odd[] = {
    { 0, 0, -INFINITY },
    { 0, 5, INFINITY },
    { -5, -3, -2.0 },
    { INT_MIN, INT_MIN, -2.0 },
    { INT_MAX, 3, 1e-300 },
    { 0, 0, NAN },
    { INT_MAX, INT_MAX, 0.999999 },
    { -7, 9, 0.5 },
  };

  for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++)
    {
      int w = -1, h = -1;
      int wmax = odd[i].width > 1 ? odd[i].width : 1;
      int hmax = odd[i].height > 1 ? odd[i].height : 1;

      jart_scaled_size (odd[i].width, odd[i].height, odd[i].scale, &w, &h);
      tally_check (tally, w >= 1 && w <= wmax && h >= 1 && h <= hmax,
                   "jart_scaled_size (%d, %d, %g) gives %d x %d", odd[i].width,
                   odd[i].height, odd[i].scale, w, h);
    }
  /* The sides jart_run meets, as jart.h words them. */
  for (int side = 1; side <= 300; side++)
    for (double scale = 0.05; scale < 1.2; scale += 0.0625)
      {
        double r = floor (side * scale + 0.5);
        int expected = scale >= 1.0 || r > side ? side : r < 1.0 ? 1 : (int)r;
        int w = -1;

        jart_scaled_size (side, 1, scale, &w, NULL);
        if (!tally_check (tally, w == expected,
                          "jart_scaled_size (%d, 1, %g) gives %d, not %d",
                          side, scale, w, expected))
          return;
      }
}

/* jart_memory_needed is 0 for sides jart_run refuses, as for its other
 * nonsense arguments: INT_MAX a side overflowed int sums in work.c and
 * stats-ssim.c (UBSan) and 65536 gave a figure for a run that cannot be.
 * jart_jpeg_size_memory already said 0.  Settings jart_settings_check
 * refuses get 0 from both.  The largest image counts. */
static void
check_memory_extremes (Tally *tally)
{
  static const int sides[][2]
      = { { 65536, 1 }, { 1, 65536 }, { INT_MAX, INT_MAX }, { INT_MAX, 8 } };
  JartSettings s;

  drifting_settings (&s);
  for (int variant = 0; variant < 3; variant++)
    {
      s.statistics = variant == 1;
      s.n_steps = variant == 2;
      for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++)
        {
          size_t run = jart_memory_needed (sides[i][0], sides[i][1], 4, &s);
          size_t size = jart_jpeg_size_memory (sides[i][0], sides[i][1], 4, &s,
                                               JART_CODING_PROGRESSIVE);

          tally_check (tally, run == 0 && size == 0,
                       "%d x %d pixels (statistics %d, %d steps): "
                       "jart_memory_needed %zu, jart_jpeg_size_memory %zu",
                       sides[i][0], sides[i][1], s.statistics, s.n_steps, run,
                       size);
        }
      {
        JartSettings bad = s;

        /* Settings jart_run refuses: no figure either. */
        bad.quality = 500;
        bad.n_steps = 0;
        tally_check (
            tally,
            jart_memory_needed (640, 480, 3, &bad) == 0
                && jart_jpeg_size_memory (640, 480, 3, &bad,
                                          JART_CODING_STANDARD)
                       == 0,
            "quality 500: jart_memory_needed %zu, "
            "jart_jpeg_size_memory %zu",
            jart_memory_needed (640, 480, 3, &bad),
            jart_jpeg_size_memory (640, 480, 3, &bad, JART_CODING_STANDARD));
      }
      tally_check (
          tally,
          jart_memory_needed (JART_MAX_DIMENSION, JART_MAX_DIMENSION, 4, &s)
              > 0,
          "jart_memory_needed at 65535 x 65535 (statistics %d, %d "
          "steps) is 0",
          s.statistics, s.n_steps);
    }
}

int
main (void)
{
  Tally tally;

  tally_init (&tally, "api-hostile");
  check_null_sizes (&tally);
  check_scaled_size_extremes (&tally);
  check_null_schedule (&tally);
  check_schedule_unchecked (&tally);
  check_memory_extremes (&tally);
  return tally_finish (&tally);
}
