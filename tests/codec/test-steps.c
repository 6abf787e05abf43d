/* test-steps.c: runs with a schedule (JartSettings' steps) against
 * libjpeg-turbo.  The oracle replays every generation of the schedule
 * (oracle_step_generation: the codec's public jart_step_adjust and
 * jart_resize around TurboJPEG's round trip, or the libjpeg API's for a
 * step with the settings' own tables), and case_run compares the pixels
 * and the report of every generation and the destination.  (The colour
 * changes and the scaling on their own: test-steps-units.c.)
 *
 *   test-steps replay DCT     synthetic images of every channel count and
 *                             odd sizes, schedules mixing qualities, every
 *                             subsampling, scales, filters, colour changes,
 *                             drift and flattening (DCT islow, ifast or
 *                             float, "-gimp" decoded as GIMP: float-gimp)
 *   test-steps tables         custom quantization tables: random ones and
 *                             those of qualities, against the libjpeg API;
 *                             the statistics' sizes where steps with the
 *                             tables and with their quality alternate
 *   test-steps photo PATH     a photo's crop through the schedules, a
 *                             schedule of one plain step against the run
 *                             without schedule, and the sizes of the
 *                             files (jart_generation_jpeg_size, and
 *                             jart_generation_jpeg_sizes' three at once)
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "images.h"
#include "jart-private.h"
#include "runcase.h"

#define S444 JART_SUBSAMPLING_444
#define S422 JART_SUBSAMPLING_422
#define S420 JART_SUBSAMPLING_420
#define S440 JART_SUBSAMPLING_440
#define S411 JART_SUBSAMPLING_411
#define NEAREST JART_FILTER_NEAREST
#define BILINEAR JART_FILTER_BILINEAR
#define BICUBIC JART_FILTER_BICUBIC
#define LANCZOS JART_FILTER_LANCZOS

/* The schedules every picture goes through. */
typedef struct
{
  const char *name;
  int n;
  JartStep steps[5];
} Schedule;

static const Schedule schedules[] = {
  { "mixed",
    4,
    { { 90, S444, 1.0, NEAREST, 1.0, 1.0, 0.0 },
      { 50, S420, 0.5, BILINEAR, 1.0, 1.0, 0.0 },
      { 75, S422, 1.0, NEAREST, 1.5, 1.0, 0.0 },
      { 0, S411, 1.0, NEAREST, 1.0, 1.0, 0.0 } } },
  { "deep-fry",
    2,
    { { 30, S440, 0.73, BICUBIC, 1.4, 1.3, 0.8 },
      { 95, S444, 0.73, LANCZOS, 1.0, 1.0, 0.0 } } },
  { "tiny",
    2,
    { { 0, S420, 1.0, BILINEAR, 1.0, 1.0, 2.0 },
      { 60, S411, 0.05, NEAREST, 1.0, 1.0, 0.0 } } },
  { "plain-modes",
    3,
    { { 75, S420, 1.0, NEAREST, 1.0, 1.0, 0.0 },
      { 75, S420, 1.0, LANCZOS, 1.0, 1.0, 0.0 },
      { 40, S444, 1.0, NEAREST, 1.0, 1.0, 0.0 } } },
  { "filters",
    5,
    { { 85, S422, 0.5, NEAREST, 1.0, 1.0, 0.0 },
      { 85, S422, 0.5, BILINEAR, 1.0, 1.0, 0.0 },
      { 85, S420, 0.5, BICUBIC, 1.0, 1.0, 0.0 },
      { 85, S440, 0.5, LANCZOS, 1.0, 1.0, 0.0 },
      { 70, S444, 0.9, LANCZOS, 1.0, 1.0, 0.0 } } },
  { "colours",
    3,
    { { 85, S422, 1.0, NEAREST, 0.0, 0.5, 0.0 },
      { 65, S420, 1.0, NEAREST, 4.0, 4.0, 4.0 },
      { 0, S444, 1.0, NEAREST, 0.7, 1.0, 0.3 } } },
  { "tables-scaled",
    2,
    { { 0, S444, 0.5, LANCZOS, 2.0, 0.8, 1.0 },
      { 70, S411, 0.61, BILINEAR, 1.0, 1.0, 0.0 } } },
  { "plain-adjust-plain",
    5,
    { { 70, S420, 1.0, NEAREST, 1.0, 1.0, 0.0 },
      { 70, S420, 1.0, NEAREST, 1.0, 1.0, 0.0 },
      { 70, S420, 1.0, NEAREST, 1.0, 1.0, 0.0 },
      { 70, S420, 1.0, NEAREST, 1.0, 1.1, 0.0 },
      { 70, S420, 1.0, NEAREST, 1.0, 1.0, 0.0 } } },
  { "one-plain", 1, { { 80, S420, 1.0, NEAREST, 1.0, 1.0, 0.0 } } },
  { "one-scaled", 1, { { 80, S422, 0.5, BICUBIC, 1.0, 1.0, 0.0 } } },
};
#define SCHEDULE_COUNT ((int)(sizeof schedules / sizeof schedules[0]))

static void
settings_schedule (JartSettings *s, const Schedule *schedule)
{
  s->n_steps = schedule->n;
  memcpy (s->steps, schedule->steps, sizeof (JartStep) * (size_t)schedule->n);
}

/* A gray (or gray and alpha) copy of IMAGE's first channel. */
static JartImage *
gray_of (const JartImage *image, int alpha)
{
  JartImage *out = image_new (image->width, image->height, 1 + alpha);

  for (int y = 0; y < image->height; y++)
    for (int x = 0; x < image->width; x++)
      {
        const uint8_t *p = image->pixels + (size_t)y * image->stride
                           + (size_t)x * image->channels;
        uint8_t *o = out->pixels + (size_t)y * out->stride
                     + (size_t)x * out->channels;

        o[0] = p[1 % image->channels];
        if (alpha)
          o[1] = (uint8_t)((x * 37 + y * 11) % 256);
      }
  return out;
}

/* ---- replays --------------------------------------------------------- */

/* One picture through one schedule with SETTINGS' other fields, and a
 * variant with drift, in place or not. */
static void
replay (Oracle *oracle, Tally *tally, const char *label,
        const JartImage *image, const JartSettings *settings, int in_place)
{
  TestCase test = { .label = label, .src = image };

  test.settings = *settings;
  test.in_place = in_place;
  test.dst_padding = in_place ? 0 : 3;
  case_run (oracle, tally, &test, NULL);
}

static void
run_replay (Oracle *oracle, Tally *tally, JartDct dct, JartDecode decode)
{
  static const int sizes[][2]
      = { { 1, 1 },   { 3, 250 }, { 250, 3 }, { 17, 9 },
          { 33, 35 }, { 64, 48 }, { 40, 21 } };
  int index = 0;

  for (int k = 0; k < SCHEDULE_COUNT; k++)
    for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++)
      {
        const Schedule *schedule = &schedules[k];
        int channels = 1 + (int)((k + z) % 4);
        Pattern pattern = (Pattern)((k * 3 + z) % PATTERN_COUNT);
        JartImage *image = image_new (sizes[z][0], sizes[z][1], channels);
        JartSettings s;
        char label[96];

        /* x0.05 is for the small pictures. */
        if (strcmp (schedule->name, "tiny") == 0 && sizes[z][0] > 40)
          {
            image_free (image);
            continue;
          }
        image_fill (image, pattern, (uint32_t)index);
        jart_settings_init (&s);
        settings_schedule (&s, schedule);
        s.dct = dct;
        s.decode = decode;
        s.generations = schedule->n + 2;
        case_tables (&s, index % 3 == 0 ? 0 : 10 + index % 90,
                     (uint32_t)index);
        switch (index % 4)
          {
          case 1:
            s.quality_jitter = 7;
            s.grid_drift = 3;
            s.seed = (uint32_t)index;
            break;
          case 2:
            s.anchor_x = 5;
            s.anchor_y = 11;
            break;
          case 3:
            s.stop_at_fixed_point = 0;
            break;
          default:
            break;
          }
        s.flatten = index % 2;
        s.background[0] = (uint8_t)(index * 41);
        s.background[1] = 200;
        s.background[2] = 17;
        snprintf (label, sizeof label, "%s, schedule %s",
                  pattern_name (pattern), schedule->name);
        replay (oracle, tally, label, image, &s, index % 5 == 4 ? 1 : 0);
        image_free (image);
        index++;
      }
}

/* Custom tables: the codec's quality-0 steps against the libjpeg API, and
 * the oracle's libjpeg path against TurboJPEG on the tables of a
 * quality. */
static void check_sizes (Oracle *oracle, Tally *tally, const JartImage *image,
                         const JartSettings *settings, const char *label);

/* PIXELS, a generation's output, into PREVIOUS (the same size): the next
 * generation's input. */
static void
keep_input (JartImage *previous, const JartImage *pixels)
{
  for (int y = 0; y < pixels->height; y++)
    memcpy (previous->pixels + (size_t)y * previous->stride,
            pixels->pixels + (size_t)y * pixels->stride,
            (size_t)pixels->width * pixels->channels);
}

/* A run whose generations' sizes are checked: each generation's input,
 * kept (ORACLE: check_sizes' only). */
typedef struct
{
  Oracle *oracle;
  Tally *tally;
  const JartSettings *settings;
  JartImage *previous; /* the generation's input */
  const char *label;
} SizeRun;

/* Generation callback of check_dqt_change: the report's three sizes
 * against jart_generation_jpeg_sizes on the generation's input. */

static int
on_report_sizes (const JartGenerationReport *report, const JartImage *pixels,
                 void *user_data)
{
  SizeRun *run = user_data;
  uint64_t all[3] = { 0, 0, 0 };
  JartStatus status = jart_generation_jpeg_sizes (run->previous, run->settings,
                                                  report->generation, all);

  tally_check (run->tally,
               status == JART_OK && report->bytes == all[0]
                   && report->bytes_optimized == all[1]
                   && report->bytes_progressive == all[2],
               "%s generation %d (step %d): the report's sizes %llu, %llu, "
               "%llu; the files' %llu, %llu, %llu (%s)",
               run->label, report->generation, report->step,
               (unsigned long long)report->bytes,
               (unsigned long long)report->bytes_optimized,
               (unsigned long long)report->bytes_progressive,
               (unsigned long long)all[0], (unsigned long long)all[1],
               (unsigned long long)all[2], jart_strerror (status));
  keep_input (run->previous, pixels);
  return 0;
}

/* Steps with the file's tables, Cr on a third, between steps of the
 * quality those tables are: the same coefficients, one DQT segment more
 * or less.  The statistics kept the last file's sizes when no
 * coefficient changed, DQT segments included (69 bytes off). */
static void
check_dqt_change (Tally *tally)
{
  for (int k = 0; k < 4; k++)
    {
      JartImage *image = image_new (k < 2 ? 8 : 29, k < 2 ? 8 : 19, 3);
      JartImage *dst = image_new (image->width, image->height, 3);
      SizeRun run = { NULL, tally, NULL, image_copy (image), NULL };
      JartCallbacks callbacks = { on_report_sizes, NULL, NULL, &run };
      JartSettings s;
      char label[96];

      if (k < 2)
        memset (image->pixels, 128, image->stride * image->height);
      else
        image_fill (image, PATTERN_SMOOTH, (uint32_t)k);
      memcpy (run.previous->pixels, image->pixels,
              image->stride * image->height);
      jart_settings_init (&s);
      s.generations = 4;
      s.statistics = 1;
      s.stop_at_fixed_point = 0;
      jart_quant_table (50, 0, s.tables[0]);
      jart_quant_table (50, 1, s.tables[1]);
      jart_quant_table (50, 1, s.cr_table);
      s.cr_own_table = 1;
      s.n_steps = 4;
      for (int i = 0; i < 4; i++)
        {
          s.steps[i].quality = (i + k) % 2 == 0 ? 0 : 50;
          s.steps[i].subsampling = S420;
          s.steps[i].scale = 1.0;
          s.steps[i].filter = JART_FILTER_LANCZOS;
          s.steps[i].saturation = 1.0;
          s.steps[i].contrast = 1.0;
          s.steps[i].sharpen = 0.0;
        }
      snprintf (label, sizeof label, "%s %dx%d, %s first",
                k < 2 ? "flat" : "smooth", image->width, image->height,
                k % 2 == 0 ? "the tables" : "quality 50");
      run.settings = &s;
      run.label = label;
      tally_check (tally,
                   jart_run (image, dst, &s, &callbacks, NULL) == JART_OK,
                   "%s: the run", label);
      image_free (run.previous);
      image_free (dst);
      image_free (image);
    }
}

static void
run_tables (Oracle *oracle, Tally *tally)
{
  static const int qualities[] = { 1, 10, 25, 50, 75, 90, 97, 100 };
  int index = 0;

  check_dqt_change (tally);
  /* The libjpeg API path gives TurboJPEG's pixels for a quality's own
     tables, and so does the codec. */
  for (size_t q = 0; q < sizeof qualities / sizeof qualities[0]; q++)
    for (int mode = S444; mode <= S411; mode++)
      for (int dct = 0; dct < 2; dct++)
        {
          int channels = 1 + (int)((q + mode) % 4);
          JartImage *image = image_new (29, 19, channels);
          JartImage *a = image_new (29, 19, channels);
          JartImage *b = image_new (29, 19, channels);
          JartSettings s;
          char what[160];

          image_fill (image, (Pattern)(index % PATTERN_COUNT),
                      (uint32_t)index);
          jart_settings_init (&s);
          s.subsampling = (JartSubsampling)mode;
          s.dct = (JartDct)dct;
          case_tables (&s, qualities[q], 0);
          if (oracle_generation (oracle, image, a, &s, qualities[q], 3, 5) != 0
              || oracle_generation_tables (oracle, image, b, &s, s.tables, 3,
                                           5)
                     != 0)
            exit (99);
          snprintf (what, sizeof what,
                    "oracle: libjpeg with the tables of quality %d against "
                    "TurboJPEG, %s, %s, %d channels",
                    qualities[q], subsampling_name (s.subsampling),
                    dct_name (s.dct), channels);
          compare_images (tally, a, b, what);
          /* The codec: a step of quality 0 with those tables is the step
             of that quality. */
          {
            JartImage *c = image_new (29, 19, channels);
            JartImage *d = image_new (29, 19, channels);

            s.generations = 3;
            s.n_steps = 1;
            s.steps[0] = case_step (qualities[q], s.subsampling, 1.0, NEAREST,
                                    1.0, 1.0, 0.0);
            jart_run (image, c, &s, NULL, NULL);
            s.steps[0].quality = 0;
            jart_run (image, d, &s, NULL, NULL);
            snprintf (what, sizeof what,
                      "codec: the tables of quality %d against quality %d, "
                      "%s, %s, %d channels",
                      qualities[q], qualities[q],
                      subsampling_name (s.subsampling), dct_name (s.dct),
                      channels);
            compare_images (tally, c, d, what);
            image_free (c);
            image_free (d);
          }
          image_free (image);
          image_free (a);
          image_free (b);
          index++;
        }

  /* Random tables, every mode, both DCTs, offsets, all channel counts;
     two steps of different tables in a row... the settings hold one pair,
     so tables then a quality, then the tables again. */
  for (int k = 0; k < 40; k++)
    {
      static const int sizes[][2]
          = { { 1, 1 }, { 17, 9 }, { 33, 35 }, { 8, 64 }, { 70, 13 } };
      int channels = 1 + k % 4;
      JartImage *image
          = image_new (sizes[k % 5][0], sizes[k % 5][1], channels);
      JartSettings s;
      char label[64];

      image_fill (image, (Pattern)(k % PATTERN_COUNT), (uint32_t)k + 500);
      jart_settings_init (&s);
      s.dct = (JartDct)(k / 4 % 2);
      s.n_steps = 3;
      s.steps[0] = case_step (0, (JartSubsampling)(k % 5), 1.0, NEAREST, 1.0,
                              1.0, 0.0);
      s.steps[1] = case_step (40 + k, (JartSubsampling)((k + 2) % 5), 1.0,
                              NEAREST, 1.0, 1.0, 0.0);
      s.steps[2] = s.steps[0];
      s.generations = 5;
      s.anchor_x = k % 9;
      s.anchor_y = k % 7;
      s.grid_drift = k % 3 == 0 ? 2 : 0;
      s.flatten = k % 2;
      case_tables (&s, 0, (uint32_t)k);
      /* Now and then the extremes: all 1 and all 255. */
      if (k % 10 == 5)
        for (int i = 0; i < 128; i++)
          s.tables[i / 64][i % 64] = k % 20 == 5 ? 1 : 255;
      /* Now and then a third table, Cr's own, as some files have. */
      if (k % 3 == 1)
        {
          uint32_t state = (uint32_t)k * 7919u + 3u;

          s.cr_own_table = 1;
          for (int i = 0; i < 64; i++)
            s.cr_table[i] = (uint16_t)(1 + random_next (&state) % 255);
        }
      snprintf (label, sizeof label, "%s, random tables %d%s",
                pattern_name ((Pattern)(k % PATTERN_COUNT)), k,
                s.cr_own_table ? " (Cr on a third)" : "");
      replay (oracle, tally, label, image, &s, 0);
      if (s.cr_own_table)
        check_sizes (oracle, tally, image, &s, label);
      image_free (image);
    }
}

/* ---- the photo ------------------------------------------------------- */

static int
on_size_generation (const JartGenerationReport *report,
                    const JartImage *pixels, void *user_data)
{
  SizeRun *run = user_data;
  uint64_t all[3] = { 0, 0, 0 };
  JartStatus all_status = jart_generation_jpeg_sizes (
      run->previous, run->settings, report->generation, all);

  for (int optimize = 0; optimize <= JART_CODING_PROGRESSIVE; optimize++)
    {
      JartStep step;
      unsigned long expected = 0;
      uint64_t got = 0;
      int dx, dy;
      JartStatus status;

      jart_schedule_step (run->settings, report->generation, &step, &dx, &dy);
      if (oracle_step_jpeg_size (run->oracle, run->previous, run->settings,
                                 &step, dx, dy, optimize, &expected)
          != 0)
        exit (99);
      status = jart_generation_jpeg_size (run->previous, run->settings,
                                          report->generation, optimize, &got);
      tally_check (run->tally, status == JART_OK && got == expected,
                   "%s generation %d (step %d, %s tables): libjpeg-turbo "
                   "wrote %lu bytes, jart_generation_jpeg_size says %llu "
                   "(%s)",
                   run->label, report->generation, report->step,
                   optimize == JART_CODING_PROGRESSIVE ? "progressive"
                   : optimize                          ? "optimal"
                                                       : "standard",
                   expected, (unsigned long long)got, jart_strerror (status));
      /* The three sizes of one transform (tests/lib's statistics check). */
      tally_check (run->tally, all_status == JART_OK && all[optimize] == got,
                   "%s generation %d: jart_generation_jpeg_sizes %llu (%s), "
                   "jart_generation_jpeg_size %llu",
                   run->label, report->generation,
                   (unsigned long long)all[optimize],
                   jart_strerror (all_status), (unsigned long long)got);
      if (run->settings->n_steps == 0)
        {
          uint64_t plain = 0;

          jart_jpeg_size (run->previous, run->settings, report->quality,
                          report->dx, report->dy, optimize, &plain);
          tally_check (run->tally, plain == got,
                       "%s generation %d: jart_jpeg_size %llu, "
                       "jart_generation_jpeg_size %llu",
                       run->label, report->generation,
                       (unsigned long long)plain, (unsigned long long)got);
        }
    }
  keep_input (run->previous, pixels);
  return 0;
}

static void
check_sizes (Oracle *oracle, Tally *tally, const JartImage *image,
             const JartSettings *settings, const char *label)
{
  SizeRun run = { oracle, tally, settings, image_copy (image), label };
  JartCallbacks callbacks = { on_size_generation, NULL, NULL, &run };
  JartImage *dst = image_new (image->width, image->height, image->channels);

  tally_check (tally,
               jart_run (image, dst, settings, &callbacks, NULL) == JART_OK,
               "%s: the run for the sizes", label);
  image_free (run.previous);
  image_free (dst);
}

/* Generation callback of check_plain_step: the reports, kept. */
typedef struct
{
  JartGenerationReport reports[8];
  int count;
} Reports;

static int
keep_report (const JartGenerationReport *report, const JartImage *pixels,
             void *user_data)
{
  Reports *r = user_data;

  (void)pixels;
  if (r->count < 8)
    r->reports[r->count++] = *report;
  return 0;
}

static int
cancel_at_two (const JartGenerationReport *report, const JartImage *pixels,
               void *user_data)
{
  (void)pixels;
  (void)user_data;
  return report->generation == 2;
}

/* A cancel in the middle of a schedule leaves the destination untouched
 * (each of the first two steps changes the colours or scales). */
static void
check_cancel (Tally *tally, const JartImage *image)
{
  JartSettings s;
  JartCallbacks callbacks = { cancel_at_two, NULL, NULL, NULL };
  JartImage *dst = image_new (image->width, image->height, image->channels);
  JartImage *before;
  JartResult result;
  JartStatus status;

  jart_settings_init (&s);
  settings_schedule (&s, &schedules[1]);
  s.generations = 4;
  memset (dst->pixels, 0x2b, dst->stride * dst->height);
  before = image_copy (dst);
  status = jart_run (image, dst, &s, &callbacks, &result);
  tally_check (tally, status == JART_ERROR_CANCELLED,
               "cancelled schedule: status %d (%s)", status,
               jart_strerror (status));
  compare_images (tally, before, dst, "destination after a cancel");
  image_free (dst);
  image_free (before);
}

/* A schedule of one plain step is the run without a schedule. */
static void
check_plain_step (Tally *tally, const JartImage *image, int jitter, int drift)
{
  JartSettings plain, one;
  Reports a = { .count = 0 }, b = { .count = 0 };
  JartCallbacks ca = { keep_report, NULL, NULL, &a };
  JartCallbacks cb = { keep_report, NULL, NULL, &b };
  JartImage *da = image_new (image->width, image->height, image->channels);
  JartImage *db = image_new (image->width, image->height, image->channels);
  JartResult ra, rb;

  jart_settings_init (&plain);
  plain.quality = 70;
  plain.generations = 6;
  plain.subsampling = S422;
  plain.quality_jitter = jitter;
  plain.grid_drift = drift;
  plain.seed = 5;
  one = plain;
  one.quality = 12; /* ignored with a schedule */
  one.subsampling = S444;
  one.n_steps = 1;
  one.steps[0] = case_step (70, S422, 1.0, BICUBIC, 1.0, 1.0, 0.0);
  jart_run (image, da, &plain, &ca, &ra);
  jart_run (image, db, &one, &cb, &rb);
  compare_images (tally, da, db, "one plain step against no schedule");
  tally_check (tally,
               ra.generations_run == rb.generations_run
                   && ra.fixed_point == rb.fixed_point && a.count == b.count,
               "one plain step: %d generations (fixed point %d), without "
               "schedule %d (%d)",
               rb.generations_run, rb.fixed_point, ra.generations_run,
               ra.fixed_point);
  for (int g = 0; g < a.count && g < b.count; g++)
    tally_check (tally,
                 a.reports[g].quality == b.reports[g].quality
                     && a.reports[g].dx == b.reports[g].dx
                     && a.reports[g].dy == b.reports[g].dy
                     && a.reports[g].changed_pixels
                            == b.reports[g].changed_pixels
                     && a.reports[g].psnr == b.reports[g].psnr
                     && a.reports[g].step == -1 && b.reports[g].step == 0
                     && b.reports[g].encoded_width == image->width
                     && b.reports[g].encoded_height == image->height,
                 "one plain step: report %d differs", g + 1);
  image_free (da);
  image_free (db);
}

static int
run_photo (Oracle *oracle, Tally *tally, const char *path)
{
  JartImage *photo = image_load (path);
  JartImage *crop, *alpha, *gray;

  if (!photo)
    return 99;
  crop = image_crop (photo, photo->width / 3, photo->height / 3,
                     photo->width < 160 ? photo->width : 160,
                     photo->height < 120 ? photo->height : 120);
  alpha = image_add_alpha (crop, 3);
  gray = gray_of (crop, 0);
  for (int k = 0; k < SCHEDULE_COUNT; k++)
    {
      const JartImage *image = k % 3 == 0 ? crop : k % 3 == 1 ? alpha : gray;
      JartSettings s;
      char label[96];

      if (strcmp (schedules[k].name, "tiny") == 0)
        continue;
      jart_settings_init (&s);
      settings_schedule (&s, &schedules[k]);
      s.generations = schedules[k].n + 2;
      s.dct = (JartDct)(k % 2);
      s.flatten = 1;
      s.background[0] = 30;
      s.quality_jitter = k % 2 ? 4 : 0;
      s.grid_drift = k % 2 ? 2 : 0;
      case_tables (&s, k % 2 ? 0 : 83, (uint32_t)k);
      snprintf (label, sizeof label, "photo, schedule %s", schedules[k].name);
      replay (oracle, tally, label, image, &s, 0);
      if (k < 7)
        {
          s.generations = schedules[k].n + 1;
          check_sizes (oracle, tally, image, &s, label);
        }
    }
  /* jart_generation_jpeg_size without a schedule is jart_jpeg_size. */
  {
    JartSettings s;

    jart_settings_init (&s);
    s.generations = 3;
    s.quality = 60;
    s.grid_drift = 4;
    s.seed = 77;
    check_sizes (oracle, tally, crop, &s, "photo, no schedule");
  }
  check_plain_step (tally, crop, 0, 0);
  check_cancel (tally, alpha);
  check_plain_step (tally, alpha, 9, 3);
  image_free (photo);
  image_free (crop);
  image_free (alpha);
  image_free (gray);
  return 0;
}

int
main (int argc, char **argv)
{
  char name[64];
  Tally tally;
  Oracle *oracle;
  JartDct dct = JART_DCT_ACCURATE;
  JartDecode decode = JART_DECODE_VIEWERS;
  int status = 0;

  if (!(argc == 2 && strcmp (argv[1], "tables") == 0)
      && !(argc == 3 && strcmp (argv[1], "replay") == 0
           && method_parse (argv[2], &dct, &decode))
      && !(argc == 3 && strcmp (argv[1], "photo") == 0))
    {
      fprintf (stderr,
               "usage: %s tables | replay islow|ifast|float[-gimp] | "
               "photo PATH\n",
               argv[0]);
      return 2;
    }
  snprintf (name, sizeof name, "steps-%s%s%s", argv[1], argc == 3 ? "-" : "",
            argc < 3                 ? ""
            : strrchr (argv[2], '/') ? strrchr (argv[2], '/') + 1
                                     : argv[2]);
  tally_init (&tally, name);
  oracle = oracle_new ();
  if (!oracle)
    return 99;
  if (strcmp (argv[1], "tables") == 0)
    run_tables (oracle, &tally);
  else if (strcmp (argv[1], "replay") == 0)
    run_replay (oracle, &tally, dct, decode);
  else
    status = run_photo (oracle, &tally, argv[2]);
  oracle_free (oracle);
  if (status != 0)
    return status;
  return tally_finish (&tally);
}
