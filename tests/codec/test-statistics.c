/* test-statistics.c: the statistics a run keeps (JartSettings.statistics)
 * at every generation, against the whole image measured afresh:
 * - the file sizes against the files libjpeg-turbo writes for the same
 *   generation (the oracle; standard and optimized Huffman tables, and
 *   progressive), for
 *   photos and patterns, colour, gray and with alpha (flattened), every
 *   subsampling, both DCTs, with and without quality jitter and grid
 *   drift; with a schedule (colour changes, scaling) against
 *   jart_generation_jpeg_size, which test-steps holds to libjpeg-turbo;
 * - the SSIM against jart_ssim on the generation's pixels, bit for bit
 *   (test-ssim-vs-scikit-image holds jart_ssim to scikit-image);
 * - the same statistics, bit for bit, on every kernel path this CPU has
 *   and with 1, 2 and 7 threads, for colour and for colour with alpha;
 * - a generation that changes nothing reports the previous one's file;
 * - a run that asks for some of the files (JartSettings.sizes) gets their
 *   sizes as a run measuring all three does, 0 for the others, and the
 *   same SSIM.
 *
 *   test-statistics DATA_DIR
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "images.h"
#include "oracle.h"

#define MAX_GENERATIONS 12

/* One run's statistics, generation by generation. */
typedef struct
{
  int count;
  double ssim[MAX_GENERATIONS + 1];
  uint64_t bytes[MAX_GENERATIONS + 1][3];
  uint64_t changed[MAX_GENERATIONS + 1];
} Series;

typedef struct
{
  Oracle *oracle;
  Tally *tally;
  const char *label;
  const JartImage *src;
  const JartSettings *settings;
  JartImage *input; /* the generation's input: the last one's output */
  int check;        /* measure every generation afresh */
  Series series;
  int ok;
} Run;

static void
copy_into (const JartImage *from, JartImage *to)
{
  size_t row = (size_t)from->width * from->channels;
  int y;

  for (y = 0; y < from->height; y++)
    memcpy (to->pixels + (size_t)y * to->stride,
            from->pixels + (size_t)y * from->stride, row);
}

static int
on_generation (const JartGenerationReport *report, const JartImage *pixels,
               void *user_data)
{
  Run *run = user_data;
  const int g = report->generation;
  Series *series = &run->series;
  uint64_t expected[3] = { 0, 0, 0 };
  double ssim = -2.0;
  int optimize;

  series->count = g;
  series->ssim[g] = report->ssim;
  series->bytes[g][0] = report->bytes;
  series->bytes[g][1] = report->bytes_optimized;
  series->bytes[g][2] = report->bytes_progressive;
  series->changed[g] = report->changed_pixels;
  if (!tally_check (run->tally, report->has_statistics,
                    "%s generation %d: no statistics", run->label, g))
    run->ok = 0;
  if (run->check)
    {
      for (optimize = JART_CODING_STANDARD;
           optimize <= JART_CODING_PROGRESSIVE; optimize++)
        if (run->settings->n_steps > 0)
          {
            if (jart_generation_jpeg_size (run->input, run->settings, g,
                                           optimize, &expected[optimize])
                != JART_OK)
              expected[optimize] = 0;
          }
        else
          {
            unsigned long size = 0;

            if (oracle_jpeg_size (run->oracle, run->input, run->settings,
                                  report->quality, report->dx, report->dy,
                                  optimize, ORACLE_ROUTE_AUTO, &size)
                != 0)
              size = 0;
            expected[optimize] = size;
          }
      if (!tally_check (run->tally,
                        report->bytes == expected[0]
                            && report->bytes_optimized == expected[1]
                            && report->bytes_progressive == expected[2],
                        "%s generation %d: sizes %llu, %llu (optimized) and "
                        "%llu (progressive), expected %llu, %llu and %llu",
                        run->label, g, (unsigned long long)report->bytes,
                        (unsigned long long)report->bytes_optimized,
                        (unsigned long long)report->bytes_progressive,
                        (unsigned long long)expected[0],
                        (unsigned long long)expected[1],
                        (unsigned long long)expected[2]))
        run->ok = 0;
      if (jart_ssim (run->src, pixels, &ssim) != JART_OK)
        ssim = -2.0;
      if (!tally_check (run->tally, report->ssim == ssim,
                        "%s generation %d: SSIM %.17g, jart_ssim %.17g",
                        run->label, g, report->ssim, ssim))
        run->ok = 0;
    }
  if (g > 1 && report->changed_pixels == 0 && series->changed[g - 1] == 0
      && run->settings->quality_jitter == 0 && run->settings->grid_drift == 0
      && run->settings->n_steps == 0)
    if (!tally_check (run->tally,
                      report->bytes == series->bytes[g - 1][0]
                          && report->bytes_optimized == series->bytes[g - 1][1]
                          && report->bytes_progressive
                                 == series->bytes[g - 1][2]
                          && report->progressive_blocks == 0
                          && report->ssim == series->ssim[g - 1],
                      "%s generation %d: nothing changed twice, yet the "
                      "statistics did",
                      run->label, g))
      run->ok = 0;
  copy_into (pixels, run->input);
  return 0;
}

/* Runs SETTINGS on SRC with statistics into SERIES; with CHECK each
 * generation is measured afresh too. */
static int
run_case (Oracle *oracle, Tally *tally, const char *label,
          const JartImage *src, const JartSettings *settings, int check,
          Series *series)
{
  JartImage *dst = image_copy (src);
  JartCallbacks callbacks = { on_generation, NULL, NULL, NULL };
  JartSettings s = *settings;
  JartStatus status;
  Run run;

  memset (&run, 0, sizeof run);
  run.oracle = oracle;
  run.tally = tally;
  run.label = label;
  run.src = src;
  run.settings = &s;
  run.input = image_copy (src);
  run.check = check;
  run.ok = 1;
  callbacks.user_data = &run;
  s.statistics = 1;
  status = jart_run (src, dst, &s, &callbacks, NULL);
  tally->cases++;
  if (!tally_check (tally, status == JART_OK, "%s: jart_run returned %s",
                    label, jart_strerror (status)))
    run.ok = 0;
  *series = run.series;
  image_free (run.input);
  image_free (dst);
  return run.ok;
}

/* The settings' variants every image and mode runs. */
enum
{
  VARIANT_PLAIN,
  VARIANT_FAST_HIGH,
  VARIANT_DRIFT,
  VARIANT_SCHEDULE,
  VARIANTS
};

static const char *const variant_names[VARIANTS]
    = { "q75", "q97 fast", "jitter 6, drift 3, anchor (5,2)", "schedule" };

static JartSettings
variant (int v, JartSubsampling mode)
{
  JartSettings s;
  JartStep defaults;

  jart_settings_init (&s);
  s.subsampling = mode;
  s.generations = 8;
  s.stop_at_fixed_point = 0;
  switch (v)
    {
    case VARIANT_FAST_HIGH:
      s.quality = 97;
      s.dct = JART_DCT_FAST;
      s.generations = 5;
      break;
    case VARIANT_DRIFT:
      s.quality = 60;
      s.quality_jitter = 6;
      s.grid_drift = 3;
      s.seed = 11;
      s.anchor_x = 5;
      s.anchor_y = 2;
      break;
    case VARIANT_SCHEDULE:
      memset (&defaults, 0, sizeof defaults);
      defaults.quality = 75;
      defaults.subsampling = mode;
      defaults.scale = 1.0;
      defaults.filter = JART_FILTER_LANCZOS;
      defaults.saturation = 1.0;
      defaults.contrast = 1.0;
      if (jart_steps_parse ("q90; q70 x0.6 bicubic; q60 sat1.3 con1.1; q50 "
                            "sharp0.5 *2; q80; q80 444",
                            &defaults, &s, NULL)
          != JART_OK)
        {
          fprintf (stderr, "the test's schedule does not parse\n");
          exit (99);
        }
      s.generations = 10;
      break;
    default:
      break;
    }
  return s;
}

static int
same_series (const Series *a, const Series *b)
{
  int g;

  if (a->count != b->count)
    return 0;
  for (g = 1; g <= a->count; g++)
    if (a->ssim[g] != b->ssim[g] || a->bytes[g][0] != b->bytes[g][0]
        || a->bytes[g][1] != b->bytes[g][1]
        || a->bytes[g][2] != b->bytes[g][2])
      return 0;
  return 1;
}

/* SETTINGS on SRC (NAME) measured afresh on the portable path with one
 * thread, then on every path this CPU has with 1, 2 and 7 threads: the
 * same statistics bit for bit. */
static void
same_on_every_path (Oracle *oracle, Tally *tally, const char *name,
                    const JartImage *src, JartSettings s)
{
  static const int thread_counts[] = { 1, 2, 7 };
  char label[512];
  Series reference, other;
  int p, t;

  s.threads = 1;
  s.kernels = JART_KERNELS_PORTABLE;
  snprintf (label, sizeof label, "[%s, portable, 1 thread]", name);
  run_case (oracle, tally, label, src, &s, 1, &reference);
  for (p = JART_KERNELS_PORTABLE; p <= JART_KERNELS_AVX2; p++)
    for (t = 0; t < 3; t++)
      {
        if (!jart_kernels_available ((JartKernelPath)p))
          continue;
        s.kernels = (JartKernelPath)p;
        s.threads = thread_counts[t];
        snprintf (label, sizeof label, "[%s, %s, %d threads]", name,
                  jart_kernels_name ((JartKernelPath)p), s.threads);
        run_case (oracle, tally, label, src, &s, 0, &other);
        tally_check (tally, same_series (&reference, &other),
                     "%s: statistics differ from the portable path's on one "
                     "thread",
                     label);
      }
}

/* Nonzero when B, a run measuring the files in SIZES, has A's SSIM and
 * A's sizes of those files, and 0 for the others. */
static int
same_subset (const Series *a, const Series *b, unsigned sizes)
{
  int g, k;

  if (a->count != b->count)
    return 0;
  for (g = 1; g <= a->count; g++)
    {
      if (a->ssim[g] != b->ssim[g])
        return 0;
      for (k = 0; k < 3; k++)
        if (b->bytes[g][k] != (sizes & (1u << k) ? a->bytes[g][k] : 0))
          return 0;
    }
  return 1;
}

int
main (int argc, char **argv)
{
  static const JartSubsampling modes[]
      = { JART_SUBSAMPLING_444, JART_SUBSAMPLING_422, JART_SUBSAMPLING_420,
          JART_SUBSAMPLING_440, JART_SUBSAMPLING_411 };
  char path[1024], label[512];
  JartImage *images[5], *coffee, *coins, *chelsea, *noise;
  const char *names[5]
      = { "coffee", "coins (gray)", "chelsea with alpha, flattened",
          "noise 67x45", "chelsea 445x300" };
  Oracle *oracle;
  Tally tally;
  Series reference, other;
  int i, m, v;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s DATA_DIR\n", argv[0]);
      return 99;
    }
  tally_init (&tally, "statistics");
  oracle = oracle_new ();
  snprintf (path, sizeof path, "%s/coffee.png", argv[1]);
  coffee = image_load (path);
  snprintf (path, sizeof path, "%s/coins.png", argv[1]);
  coins = image_load (path);
  snprintf (path, sizeof path, "%s/chelsea.png", argv[1]);
  chelsea = image_load (path);
  if (coffee == NULL || coins == NULL || chelsea == NULL)
    return 99;
  images[0] = image_crop (coffee, 101, 57, 203, 141);
  images[1] = image_crop (coins, 13, 7, 190, 130);
  {
    JartImage *crop = image_crop (chelsea, 120, 60, 150, 97);

    images[2] = image_add_alpha (crop, 5);
    image_free (crop);
  }
  noise = image_new (67, 45, 3);
  image_fill (noise, PATTERN_NOISE, 3);
  images[3] = noise;
  images[4] = image_crop (chelsea, 0, 0, 445, 300);

  /* Every image, mode and variant against the fresh measures. */
  for (i = 0; i < 4; i++)
    for (m = 0; m < 5; m++)
      {
        if (images[i]->channels < 3 && m > 0)
          continue; /* gray has one mode */
        for (v = 0; v < VARIANTS; v++)
          {
            JartSettings s = variant (v, modes[m]);

            if (i == 2)
              {
                s.flatten = 1;
                s.background[0] = 30;
                s.background[1] = 160;
                s.background[2] = 220;
              }
            snprintf (label, sizeof label, "[%s, %s, %s]", names[i],
                      images[i]->channels < 3 ? "gray"
                                              : subsampling_name (modes[m]),
                      variant_names[v]);
            run_case (oracle, &tally, label, images[i], &s, 1, &reference);
          }
      }

  /* The same numbers whatever the kernel path and thread count, with
     alpha too (four bytes a pixel: the SSIM's luma kernel reads them
     apart). */
  for (v = 0; v < VARIANTS; v++)
    {
      snprintf (label, sizeof label, "%s, 4:2:0, %s", names[4],
                variant_names[v]);
      same_on_every_path (oracle, &tally, label, images[4],
                          variant (v, JART_SUBSAMPLING_420));
    }
  {
    JartSettings s = variant (VARIANT_PLAIN, JART_SUBSAMPLING_420);

    s.flatten = 1;
    s.background[0] = 30;
    s.background[1] = 160;
    s.background[2] = 220;
    snprintf (label, sizeof label, "%s, 4:2:0, q75", names[2]);
    same_on_every_path (oracle, &tally, label, images[2], s);
  }

  /* Some of the files: each subset against all three. */
  for (v = 0; v < VARIANTS; v++)
    {
      JartSettings s = variant (v, JART_SUBSAMPLING_420);
      unsigned sizes;

      snprintf (label, sizeof label, "[%s, 4:2:0, %s, all sizes]", names[4],
                variant_names[v]);
      run_case (oracle, &tally, label, images[4], &s, 0, &reference);
      tally_check (&tally,
                   reference.count > 1 && reference.bytes[1][0] > 0
                       && reference.bytes[1][1] > 0
                       && reference.bytes[1][2] > 0,
                   "%s: a size is missing", label);
      for (sizes = 1; sizes <= JART_SIZES_ALL; sizes++)
        {
          s.sizes = sizes;
          snprintf (label, sizeof label, "[%s, 4:2:0, %s, sizes %u]", names[4],
                    variant_names[v], sizes);
          run_case (oracle, &tally, label, images[4], &s, 0, &other);
          tally_check (&tally, same_subset (&reference, &other, sizes),
                       "%s: not the sizes of the run measuring all three "
                       "(0 for the others) and its SSIM",
                       label);
        }
    }

  for (i = 0; i < 5; i++)
    image_free (images[i]);
  image_free (coffee);
  image_free (coins);
  image_free (chelsea);
  oracle_free (oracle);
  return tally_finish (&tally);
}
