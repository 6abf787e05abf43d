/* test-drift-schedule.c: runs whose settings change between generations or
 * move the grid: quality jitter, grid drift, seeds and the anchor offset.  The
 * oracle replays the codec's own schedule (jart_schedule) on libjpeg-turbo
 * by padding the image to (W + dx) x (H + dy) with its edge pixels,
 * encoding, decoding and cropping back at (dx, dy); the codec's reports
 * must name the same quality and offset.  The schedule itself is checked
 * for range, determinism and its dependence on the seed.
 *
 *   test-drift-schedule DCT DCT is islow or ifast
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include "images.h"
#include "runcase.h"

#define GENERATIONS 20

typedef struct
{
  int jitter, drift;
  uint32_t seed;
  int anchor_x, anchor_y;
} Drift;

static const Drift drifts[] = {
  { 0, 0, 0, 0, 0 },   { 0, 0, 0, 1, 2 },
  { 0, 0, 0, 31, 31 }, { 0, 0, 0, 7, 0 },
  { 0, 0, 0, 0, 15 },  { 0, 0, 9, 16, 5 },
  { 5, 0, 1, 0, 0 },   { 50, 0, 2, 3, 3 },
  { 0, 1, 3, 0, 0 },   { 0, 7, 4, 0, 0 },
  { 0, 7, 4, 8, 8 },   { 10, 7, 0xdeadbeef, 31, 31 },
  { 20, 3, 42, 9, 4 }, { 50, 7, 0xffffffff, 30, 1 },
};

static const int sizes[][2]
    = { { 33, 35 }, { 17, 9 },  { 250, 3 }, { 1, 1 },
        { 7, 3 },   { 40, 40 }, { 1, 20 },  { 20, 1 } };
static const int qualities[] = { 10, 50, 75, 95, 100, 1, 85 };

static void
check_schedule (Tally *tally, const Drift *d, int quality)
{
  JartSettings s;
  int seen_dx[8] = { 0 }, seen_dy[8] = { 0 }, lowest = 101, highest = 0;
  int lo = quality - d->jitter < 1 ? 1 : quality - d->jitter;
  int hi = quality + d->jitter > 100 ? 100 : quality + d->jitter;
  int ok = 1;

  jart_settings_init (&s);
  s.quality = quality;
  s.quality_jitter = d->jitter;
  s.grid_drift = d->drift;
  s.seed = d->seed;
  s.anchor_x = d->anchor_x;
  s.anchor_y = d->anchor_y;
  for (int g = 1; g <= JART_GENERATIONS_MAX && ok; g++)
    {
      int q, dx, dy, q2, dx2, dy2;
      jart_schedule (&s, g, &q, &dx, &dy);
      jart_schedule (&s, g, &q2, &dx2, &dy2);
      ok = tally_check (tally, q == q2 && dx == dx2 && dy == dy2,
                        "schedule (jitter %d drift %d seed %u): generation "
                        "%d gives two answers",
                        d->jitter, d->drift, (unsigned)d->seed, g)
           && tally_check (tally,
                           q >= lo && q <= hi && dx >= d->anchor_x
                               && dx <= d->anchor_x + d->drift
                               && dy >= d->anchor_y
                               && dy <= d->anchor_y + d->drift,
                           "schedule (quality %d jitter %d drift %d seed %u "
                           "anchor (%d,%d)): generation %d gives quality %d "
                           "offset (%d,%d)",
                           quality, d->jitter, d->drift, (unsigned)d->seed,
                           d->anchor_x, d->anchor_y, g, q, dx, dy);
      if (ok)
        {
          seen_dx[dx - d->anchor_x] = 1;
          seen_dy[dy - d->anchor_y] = 1;
          lowest = q < lowest ? q : lowest;
          highest = q > highest ? q : highest;
        }
    }
  if (!ok)
    return;
  /* A thousand draws reach every offset and both ends of the quality
   * range (a uniform draw misses one of 8 offsets with odds below 1e-50,
   * one of 101 qualities' ends below 1e-4). */
  for (int i = 0; i <= d->drift; i++)
    tally_check (tally, seen_dx[i] && seen_dy[i],
                 "schedule (drift %d seed %u): drift %d never drawn in 1000 "
                 "generations",
                 d->drift, (unsigned)d->seed, i);
  tally_check (tally, lowest == lo && highest == hi,
               "schedule (quality %d jitter %d seed %u): qualities %d..%d "
               "drawn, %d..%d expected",
               quality, d->jitter, (unsigned)d->seed, lowest, highest, lo, hi);
}

/* Different seeds must give different schedules, and the schedule must
 * depend on the generation. */
static void
check_seeds (Tally *tally)
{
  JartSettings a, b;
  int differ_seed = 0, differ_generation = 0;

  jart_settings_init (&a);
  a.quality_jitter = 20;
  a.grid_drift = 7;
  b = a;
  a.seed = 1;
  b.seed = 2;
  for (int g = 1; g <= 50; g++)
    {
      int qa, xa, ya, qb, xb, yb, q1, x1, y1;
      jart_schedule (&a, g, &qa, &xa, &ya);
      jart_schedule (&b, g, &qb, &xb, &yb);
      jart_schedule (&a, 1, &q1, &x1, &y1);
      differ_seed |= qa != qb || xa != xb || ya != yb;
      differ_generation |= qa != q1 || xa != x1 || ya != y1;
    }
  tally_check (tally, differ_seed,
               "schedule: seeds 1 and 2 give the same 50 generations");
  tally_check (tally, differ_generation,
               "schedule: 50 generations of seed 1 all equal the first");
}

int
main (int argc, char **argv)
{
  JartDct dct;
  JartDecode decode;
  char name[64];
  Tally tally;
  Oracle *oracle;
  int index = 0;

  if (argc != 2 || !method_parse (argv[1], &dct, &decode))
    {
      fprintf (stderr, "usage: %s islow|ifast|float[-gimp]\n", argv[0]);
      return 2;
    }
  snprintf (name, sizeof name, "drift-schedule-%s", argv[1]);
  tally_init (&tally, name);
  oracle = oracle_new ();
  if (!oracle)
    return 99;

  check_seeds (&tally);
  for (size_t d = 0; d < sizeof drifts / sizeof drifts[0]; d++)
    {
      check_schedule (&tally, &drifts[d], 75);
      check_schedule (&tally, &drifts[d], 3);
      check_schedule (&tally, &drifts[d], 98);
    }

  for (size_t d = 0; d < sizeof drifts / sizeof drifts[0]; d++)
    for (int mode = JART_SUBSAMPLING_444; mode <= JART_SUBSAMPLING_411; mode++)
      for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
        {
          int channels = 1 + (int)((d + mode + s) % 4);
          Pattern pattern = (Pattern)((d + s) % PATTERN_COUNT);
          JartImage *image = image_new (sizes[s][0], sizes[s][1], channels);
          TestCase test = { .in_place = 0 };

          image_fill (image, pattern, (uint32_t)index);
          test.label = pattern_name (pattern);
          test.src = image;
          test.settings = case_settings (
              qualities[index % (sizeof qualities / sizeof qualities[0])],
              GENERATIONS, (JartSubsampling)mode, dct);
          test.settings.quality_jitter = drifts[d].jitter;
          test.settings.grid_drift = drifts[d].drift;
          test.settings.seed = drifts[d].seed;
          test.settings.anchor_x = drifts[d].anchor_x;
          test.settings.anchor_y = drifts[d].anchor_y;
          test.settings.decode = decode;
          case_run (oracle, &tally, &test, NULL);
          image_free (image);
          index++;
        }

  oracle_free (oracle);
  return tally_finish (&tally);
}
