/* test-steps.c: runs with a schedule (JartSettings' steps) against
 * libjpeg-turbo.  The oracle replays every generation of the schedule
 * (oracle_step_generation: the codec's public jart_step_adjust and
 * jart_resize around TurboJPEG's round trip, or the libjpeg API's for a
 * step with the settings' own tables), and case_run compares the pixels
 * and the report of every generation and the destination.  The colour
 * changes and the scaling are checked on their own, against values worked
 * out by hand.
 *
 *   test-steps units          jart_resize, jart_scaled_size,
 *                             jart_step_adjust, the settings' new checks
 *   test-steps replay DCT     synthetic images of every channel count and
 *                             odd sizes, schedules mixing qualities, every
 *                             subsampling, scales, filters, colour changes,
 *                             drift and flattening (DCT islow, ifast or
 *                             float, "-gimp" decoded as GIMP: float-gimp)
 *   test-steps tables         custom quantization tables: random ones and
 *                             those of qualities, against the libjpeg API
 *   test-steps photo PATH     a photo's crop through the schedules, a
 *                             schedule of one plain step against the run
 *                             without schedule, and the sizes of the
 *                             files (jart_generation_jpeg_size)
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "images.h"
#include "runcase.h"

static JartStep
step_of (int quality, JartSubsampling mode, double scale, JartFilter filter,
         double saturation, double contrast, double sharpen)
{
  JartStep step;

  step.quality = quality;
  step.subsampling = mode;
  step.scale = scale;
  step.filter = filter;
  step.saturation = saturation;
  step.contrast = contrast;
  step.sharpen = sharpen;
  return step;
}

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

/* Tables: KIND 0 random entries 1..255 from SEED, else those of quality
 * KIND. */
static void
settings_tables (JartSettings *s, int kind, uint32_t seed)
{
  uint32_t state = seed * 2654435761u + 1u;

  for (int t = 0; t < 2; t++)
    for (int i = 0; i < 64; i++)
      {
        if (kind == 0)
          s->tables[t][i] = (uint16_t)(1 + random_next (&state) % 255);
        else
          {
            uint16_t q[64];

            oracle_quant_table (kind, t, q);
            s->tables[t][i] = q[i];
          }
      }
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

/* ---- units ---------------------------------------------------------- */

static JartImage *
image_of (int width, int height, int channels, const uint8_t *pixels)
{
  JartImage *image = image_new (width, height, channels);

  memcpy (image->pixels, pixels, (size_t)width * height * channels);
  return image;
}

/* Scales the gray W x H image IN to OUT_W x OUT_H with FILTER and checks
 * the result against WANT. */
static void
resize_by_hand (Tally *tally, int w, int h, const uint8_t *in, int out_w,
                int out_h, const uint8_t *want, JartFilter filter,
                const char *label)
{
  JartImage *a = image_of (w, h, 1, in);
  JartImage *got = image_new (out_w, out_h, 1);
  JartImage *b = image_of (out_w, out_h, 1, want);

  jart_resize (a, got, filter);
  compare_images (tally, b, got, label);
  image_free (a);
  image_free (b);
  image_free (got);
}

static void
check_resize (Tally *tally)
{
  static const JartFilter filters[]
      = { JART_FILTER_NEAREST, JART_FILTER_BILINEAR, JART_FILTER_BICUBIC,
          JART_FILTER_LANCZOS };
  static const int sizes[][4]
      = { { 37, 23, 5, 7 },  { 37, 23, 80, 50 }, { 1, 1, 9, 4 },
          { 250, 3, 13, 1 }, { 3, 250, 3, 17 },  { 64, 48, 63, 49 },
          { 20, 20, 1, 1 } };
  JartImage *a, *b, *c;
  int ok;

  /* The same size: a copy, whatever the filter, in every channel. */
  a = image_new (31, 17, 4);
  image_fill (a, PATTERN_NOISE, 5);
  b = image_new (31, 17, 4);
  for (int f = 0; f < 4; f++)
    {
      memset (b->pixels, 0, b->stride * b->height);
      ok = jart_resize (a, b, filters[f]) == JART_OK;
      tally_check (tally, ok, "resize to the same size, filter %d", f);
      compare_images (tally, a, b, "resize to the same size");
    }
  image_free (b);

  /* Shrunk and grown back along one axis only keeps the other. */
  b = image_new (31, 9, 4);
  c = image_new (31, 17, 4);
  tally_check (tally,
               jart_resize (a, b, JART_FILTER_BICUBIC) == JART_OK
                   && jart_resize (b, c, JART_FILTER_BICUBIC) == JART_OK,
               "resize along the rows only");
  image_free (a);
  image_free (b);
  image_free (c);

  /* A constant image stays constant, every filter, shrunk and grown. */
  for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
    for (int f = 0; f < 4; f++)
      for (int channels = 1; channels <= 4; channels++)
        {
          int bad = 0;

          a = image_new (sizes[s][0], sizes[s][1], channels);
          b = image_new (sizes[s][2], sizes[s][3], channels);
          for (size_t i = 0; i < a->stride * a->height; i++)
            a->pixels[i]
                = (uint8_t)(i % channels == 0 ? 173
                                              : 255 - 4 * (int)(i % channels));
          ok = jart_resize (a, b, filters[f]) == JART_OK;
          for (size_t i = 0; ok && i < b->stride * b->height; i++)
            bad += b->pixels[i]
                   != (uint8_t)(i % channels == 0
                                    ? 173
                                    : 255 - 4 * (int)(i % channels));
          tally_check (tally, ok && bad == 0,
                       "a constant %dx%d image, %d channels, filter %d, to "
                       "%dx%d: %d samples changed",
                       sizes[s][0], sizes[s][1], channels, f, sizes[s][2],
                       sizes[s][3], bad);
          image_free (a);
          image_free (b);
        }

  /* Values worked out by hand (see the file's comment in resize.c). */
  {
    /* Bilinear 4 -> 2: f = 2, support 2; output 0 is centred on 1.0 and
       reads inputs 0..2 with triangle weights 0.75, 0.75, 0.25 of 1.75:
       7022, 7022, 2341 in 14 bits, 16385, so the first largest loses one:
       (7021 * 0 + 7022 * 100 + 2341 * 200 + 8192) >> 14 = 71.  Output 1:
       inputs 1..3, 2341, 7021, 7022: 209. */
    const uint8_t in[] = { 0, 100, 200, 255 }, want[] = { 71, 209 };
    /* Bilinear 2 -> 5: f = 0.4; output 1 is centred on 0.6 - 0.5 = 0.1
       of input 0: weights 0.9 and 0.1, 14746 and 1638:
       (10 * 14746 + 200 * 1638 + 8192) >> 14 = 29. */
    const uint8_t in2[] = { 10, 200 }, want2[] = { 10, 29, 105, 181, 200 };
    /* Nearest 5 -> 2 takes floor ((i + 0.5) * 2.5): inputs 1 and 3. */
    const uint8_t in3[] = { 1, 2, 3, 4, 5 }, want3[] = { 2, 4 };

    resize_by_hand (tally, 4, 1, in, 2, 1, want, JART_FILTER_BILINEAR,
                    "bilinear 4 -> 2 by hand");
    /* The same along the rows: a column. */
    resize_by_hand (tally, 1, 4, in, 1, 2, want, JART_FILTER_BILINEAR,
                    "bilinear 4 -> 2 down a column");
    resize_by_hand (tally, 2, 1, in2, 5, 1, want2, JART_FILTER_BILINEAR,
                    "bilinear 2 -> 5 by hand");
    resize_by_hand (tally, 5, 1, in3, 2, 1, want3, JART_FILTER_NEAREST,
                    "nearest 5 -> 2 by hand");
  }

  /* Bad arguments. */
  a = image_new (8, 8, 3);
  b = image_new (4, 4, 3);
  c = image_new (4, 4, 4);
  tally_check (tally,
               jart_resize (NULL, b, JART_FILTER_BILINEAR) == JART_ERROR_NULL
                   && jart_resize (a, NULL, JART_FILTER_BILINEAR)
                          == JART_ERROR_NULL,
               "jart_resize: NULL images");
  tally_check (tally,
               jart_resize (a, c, JART_FILTER_BILINEAR) == JART_ERROR_CHANNELS,
               "jart_resize: different channels");
  tally_check (tally,
               jart_resize (a, b, (JartFilter)4) == JART_ERROR_FILTER
                   && jart_resize (a, b, (JartFilter)-1) == JART_ERROR_FILTER,
               "jart_resize: filter out of range");
  {
    JartImage bad = *b;

    bad.stride = 5;
    tally_check (tally,
                 jart_resize (a, &bad, JART_FILTER_BILINEAR)
                     == JART_ERROR_STRIDE,
                 "jart_resize: short stride");
    bad = *b;
    bad.width = 0;
    tally_check (
        tally, jart_resize (a, &bad, JART_FILTER_BILINEAR) == JART_ERROR_SIZE,
        "jart_resize: width 0");
  }
  image_free (a);
  image_free (b);
  image_free (c);

  /* jart_scaled_size: round (side * scale), at least 1. */
  {
    static const struct
    {
      int w, h;
      double scale;
      int sw, sh;
    } cases[] = { { 250, 3, 0.73, 183, 2 },    { 17, 9, 0.5, 9, 5 },
                  { 1, 1, 0.05, 1, 1 },        { 3, 250, 0.05, 1, 13 },
                  { 640, 480, 1.0, 640, 480 }, { 100, 7, 0.999, 100, 7 } };

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
      {
        int sw, sh;

        jart_scaled_size (cases[i].w, cases[i].h, cases[i].scale, &sw, &sh);
        tally_check (tally, sw == cases[i].sw && sh == cases[i].sh,
                     "jart_scaled_size (%d, %d, %g): %dx%d, expected %dx%d",
                     cases[i].w, cases[i].h, cases[i].scale, sw, sh,
                     cases[i].sw, cases[i].sh);
      }
  }
}

static void
check_adjust (Tally *tally)
{
  JartStep neutral = step_of (75, S420, 1.0, NEAREST, 1.0, 1.0, 0.0);
  JartImage *a, *b;

  /* Neutral amounts: the image as it is, every channel count. */
  for (int channels = 1; channels <= 4; channels++)
    {
      a = image_new (23, 11, channels);
      b = image_new (23, 11, channels);
      image_fill (a, PATTERN_NOISE, (uint32_t)channels);
      tally_check (tally, jart_step_adjust (&neutral, a, b) == JART_OK,
                   "jart_step_adjust, neutral");
      compare_images (tally, a, b, "jart_step_adjust with neutral amounts");
      /* Saturation does nothing to gray. */
      if (channels <= 2)
        {
          JartStep s = neutral;

          s.saturation = 3.0;
          jart_step_adjust (&s, a, b);
          compare_images (tally, a, b, "saturation of a gray image");
        }
      image_free (a);
      image_free (b);
    }

  /* By hand: (201, 100, 51) has the luma
     (19595 * 201 + 38470 * 100 + 7471 * 51 + 32768) >> 16 = 125, so the
     channels are 76, -25 and -74 from it.  Saturation 2: 277, 75, -23,
     clamped (255, 75, 0); 0.5: 38, -12.5 (half up: -12), -37 from 125
     is (163, 113, 88); 0: gray 125.  Contrast 1.5: 73, -28, -77 from
     128 give 109.5 (110), -42, -115.5 (-115): (238, 86, 13); 0.5:
     36.5 (37), -14, -38.5 (-38): (165, 114, 90). Alpha 99 stays. */
  {
    static const struct
    {
      double saturation, contrast;
      uint8_t want[4];
    } cases[] = { { 2.0, 1.0, { 255, 75, 0, 99 } },
                  { 0.5, 1.0, { 163, 113, 88, 99 } },
                  { 0.0, 1.0, { 125, 125, 125, 99 } },
                  { 1.0, 1.5, { 238, 86, 13, 99 } },
                  { 1.0, 0.5, { 165, 114, 90, 99 } } };
    const uint8_t pixel[4] = { 201, 100, 51, 99 };

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
      {
        JartStep s = neutral;
        JartImage *want = image_of (1, 1, 4, cases[i].want);

        s.saturation = cases[i].saturation;
        s.contrast = cases[i].contrast;
        a = image_of (1, 1, 4, pixel);
        b = image_new (1, 1, 4);
        jart_step_adjust (&s, a, b);
        compare_images (tally, want, b, "saturation and contrast by hand");
        image_free (a), image_free (b), image_free (want);
      }
  }
  /* Sharpening 1 of a 3x3 gray image of 50 with 100 in the middle: the
     middle's box sum is 8 * 50 + 100 = 500, so 100 + (900 - 500) / 9 =
     144.4, 144; a corner's window repeats the edges: 500 again, so
     50 + (450 - 500) / 9 = 44.4, 44; an edge's middle: 50 twice in its
     own row and the middle's row... window of (1, 0): rows 0, 0, 1:
     150 + 150 + 200 = 500 as well: 44. */
  {
    const uint8_t in[] = { 50, 50, 50, 50, 100, 50, 50, 50, 50 };
    const uint8_t want[] = { 44, 44, 44, 44, 144, 44, 44, 44, 44 };
    JartStep s = neutral;
    JartImage *expected = image_of (3, 3, 1, want);

    s.sharpen = 1.0;
    a = image_of (3, 3, 1, in);
    b = image_new (3, 3, 1);
    jart_step_adjust (&s, a, b);
    compare_images (tally, expected, b, "sharpening by hand");
    image_free (a), image_free (b), image_free (expected);
  }
  /* The order: contrast works on the saturated colours, sharpening on
     both: a 1x1 image's box mean is the pixel, so sharpening alone does
     nothing to it, and saturation 0 then contrast 2 gives
     128 + 2 (125 - 128) = 122 in every channel. */
  {
    const uint8_t pixel[3] = { 201, 100, 51 }, want[3] = { 122, 122, 122 };
    JartStep s = step_of (75, S420, 1.0, NEAREST, 0.0, 2.0, 3.0);
    JartImage *expected = image_of (1, 1, 3, want);

    a = image_of (1, 1, 3, pixel);
    b = image_new (1, 1, 3);
    jart_step_adjust (&s, a, b);
    compare_images (tally, expected, b, "saturation, contrast, sharpening");
    image_free (a), image_free (b), image_free (expected);
  }

  /* Bad arguments. */
  a = image_new (5, 5, 3);
  b = image_new (5, 5, 3);
  {
    JartStep s = neutral;
    JartImage other = *b;

    tally_check (tally,
                 jart_step_adjust (NULL, a, b) == JART_ERROR_NULL
                     && jart_step_adjust (&s, NULL, b) == JART_ERROR_NULL
                     && jart_step_adjust (&s, a, NULL) == JART_ERROR_NULL,
                 "jart_step_adjust: NULL");
    other.width = 4;
    tally_check (tally, jart_step_adjust (&s, a, &other) == JART_ERROR_SIZE,
                 "jart_step_adjust: other size");
    other = *b;
    other.channels = 2;
    tally_check (tally,
                 jart_step_adjust (&s, a, &other) == JART_ERROR_CHANNELS,
                 "jart_step_adjust: other channels");
    s.sharpen = NAN;
    tally_check (tally, jart_step_adjust (&s, a, b) == JART_ERROR_ADJUST,
                 "jart_step_adjust: NaN sharpening");
    s = neutral;
    s.saturation = 4.01;
    tally_check (tally, jart_step_adjust (&s, a, b) == JART_ERROR_ADJUST,
                 "jart_step_adjust: saturation 4.01");
  }
  image_free (a);
  image_free (b);
}

/* One settings field out of range: jart_settings_check and jart_run give
 * EXPECTED, the destination untouched. */
static void
expect_code (Tally *tally, const JartSettings *s, JartStatus expected,
             const char *what)
{
  JartImage *src = image_new (9, 9, 3), *dst = image_new (9, 9, 3);
  JartImage *before;
  JartStatus check = jart_settings_check (s), run;

  image_fill (src, PATTERN_NOISE, 3);
  memset (dst->pixels, 0x3c, dst->stride * dst->height);
  before = image_copy (dst);
  run = jart_run (src, dst, s, NULL, NULL);
  tally_check (tally, check == expected && run == expected,
               "%s: check %d, run %d, expected %d (%s)", what, check, run,
               expected, jart_strerror (expected));
  compare_images (tally, before, dst, what);
  image_free (src);
  image_free (dst);
  image_free (before);
}

static void
check_settings (Tally *tally)
{
  JartSettings base, s;

  jart_settings_init (&base);
  tally_check (tally, base.n_steps == 0, "settings_init: no steps");
  for (int i = 0; i < 128; i++)
    tally_check (tally, base.tables[i / 64][i % 64] == 0,
                 "settings_init: tables zero");
  base.n_steps = 2;
  base.steps[0] = step_of (80, S422, 0.5, LANCZOS, 1.2, 0.9, 0.5);
  base.steps[1] = step_of (60, S411, 1.0, NEAREST, 1.0, 1.0, 0.0);
  tally_check (tally, jart_settings_check (&base) == JART_OK,
               "a valid schedule");
  /* With a schedule the settings' own quality and subsampling are not
     looked at; without one they are. */
  s = base;
  s.quality = 0;
  s.subsampling = (JartSubsampling)9;
  tally_check (tally, jart_settings_check (&s) == JART_OK,
               "the settings' quality and subsampling under a schedule");
  s.n_steps = 0;
  expect_code (tally, &s, JART_ERROR_QUALITY, "no schedule, quality 0");
  /* Steps past n_steps are not looked at; neither are the tables
     without a step of quality 0. */
  s = base;
  s.steps[2].scale = 7.0;
  s.tables[0][0] = 0;
  tally_check (tally, jart_settings_check (&s) == JART_OK,
               "steps past n_steps and unused tables are ignored");

  s = base, s.n_steps = -1;
  expect_code (tally, &s, JART_ERROR_STEPS, "n_steps -1");
  s = base, s.n_steps = JART_STEPS_MAX + 1;
  expect_code (tally, &s, JART_ERROR_STEPS, "n_steps 65");
  s = base, s.steps[1].quality = 101;
  expect_code (tally, &s, JART_ERROR_QUALITY, "step quality 101");
  s = base, s.steps[0].quality = -1;
  expect_code (tally, &s, JART_ERROR_QUALITY, "step quality -1");
  s = base, s.steps[1].subsampling = (JartSubsampling)5;
  expect_code (tally, &s, JART_ERROR_SUBSAMPLING, "step subsampling 5");
  s = base, s.steps[0].scale = 0.049;
  expect_code (tally, &s, JART_ERROR_SCALE, "scale 0.049");
  s = base, s.steps[0].scale = 1.001;
  expect_code (tally, &s, JART_ERROR_SCALE, "scale 1.001");
  s = base, s.steps[1].scale = NAN;
  expect_code (tally, &s, JART_ERROR_SCALE, "scale NaN");
  s = base, s.steps[0].filter = (JartFilter)4;
  expect_code (tally, &s, JART_ERROR_FILTER, "filter 4");
  s = base, s.steps[0].filter = (JartFilter)-1;
  expect_code (tally, &s, JART_ERROR_FILTER, "filter -1");
  s = base, s.steps[0].saturation = -0.01;
  expect_code (tally, &s, JART_ERROR_ADJUST, "saturation -0.01");
  s = base, s.steps[1].contrast = JART_ADJUST_MAX + 0.01;
  expect_code (tally, &s, JART_ERROR_ADJUST, "contrast 4.01");
  s = base, s.steps[0].sharpen = NAN;
  expect_code (tally, &s, JART_ERROR_ADJUST, "sharpening NaN");
  s = base, s.steps[1].quality = 0;
  settings_tables (&s, 50, 0);
  tally_check (tally, jart_settings_check (&s) == JART_OK,
               "a step with valid tables");
  s.tables[1][63] = 0;
  expect_code (tally, &s, JART_ERROR_TABLES, "table entry 0");
  s.tables[1][63] = 256;
  expect_code (tally, &s, JART_ERROR_TABLES, "table entry 256");
  s.tables[1][63] = 255;
  tally_check (tally, jart_settings_check (&s) == JART_OK, "table entry 255");

  for (JartStatus c = JART_ERROR_STEPS; c <= JART_ERROR_TABLES; c++)
    tally_check (tally, strcmp (jart_strerror (c), "unknown status") != 0,
                 "jart_strerror (%d) has a text", c);

  /* jart_schedule and jart_schedule_step agree; without a schedule the
     step is the settings' plain save. */
  {
    JartSettings d = base;
    JartStep step;
    int q, dx, dy, dx2, dy2;

    d.quality_jitter = 30;
    d.grid_drift = 5;
    d.seed = 99;
    d.steps[1].quality = 0;
    settings_tables (&d, 0, 4);
    for (int g = 1; g <= 40; g++)
      {
        jart_schedule (&d, g, &q, &dx, &dy);
        jart_schedule_step (&d, g, &step, &dx2, &dy2);
        tally_check (
            tally,
            q == step.quality && dx == dx2 && dy == dy2
                && (g >= 2 ? step.quality == 0
                           : step.quality >= 50 && step.quality <= 100),
            "jart_schedule_step generation %d: quality %d", g, step.quality);
      }
    d.n_steps = 0;
    jart_schedule_step (&d, 3, &step, &dx, &dy);
    jart_schedule (&d, 3, &q, &dx2, &dy2);
    tally_check (tally,
                 step.quality == q && step.subsampling == d.subsampling
                     && step.scale == 1.0 && step.saturation == 1.0
                     && step.contrast == 1.0 && step.sharpen == 0.0,
                 "jart_schedule_step without a schedule");
  }
  {
    JartImage *image = image_new (8, 8, 3);
    uint64_t bytes;

    image_fill (image, PATTERN_SMOOTH, 1);
    tally_check (tally,
                 jart_generation_jpeg_size (NULL, &base, 1, 0, &bytes)
                         == JART_ERROR_NULL
                     && jart_generation_jpeg_size (image, NULL, 1, 0, &bytes)
                            == JART_ERROR_NULL
                     && jart_generation_jpeg_size (image, &base, 1, 0, NULL)
                            == JART_ERROR_NULL,
                 "jart_generation_jpeg_size: NULL");
    tally_check (tally,
                 jart_generation_jpeg_size (image, &base, 0, 0, &bytes)
                     == JART_ERROR_GENERATIONS,
                 "jart_generation_jpeg_size: generation 0");
    s = base, s.steps[0].scale = 0.0;
    tally_check (tally,
                 jart_generation_jpeg_size (image, &s, 1, 0, &bytes)
                     == JART_ERROR_SCALE,
                 "jart_generation_jpeg_size: bad settings");
    image_free (image);
  }
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
        settings_tables (&s, index % 3 == 0 ? 0 : 10 + index % 90,
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

static void
run_tables (Oracle *oracle, Tally *tally)
{
  static const int qualities[] = { 1, 10, 25, 50, 75, 90, 97, 100 };
  int index = 0;

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
          settings_tables (&s, qualities[q], 0);
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
            s.steps[0] = step_of (qualities[q], s.subsampling, 1.0, NEAREST,
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
      s.steps[0]
          = step_of (0, (JartSubsampling)(k % 5), 1.0, NEAREST, 1.0, 1.0, 0.0);
      s.steps[1] = step_of (40 + k, (JartSubsampling)((k + 2) % 5), 1.0,
                            NEAREST, 1.0, 1.0, 0.0);
      s.steps[2] = s.steps[0];
      s.generations = 5;
      s.anchor_x = k % 9;
      s.anchor_y = k % 7;
      s.grid_drift = k % 3 == 0 ? 2 : 0;
      s.flatten = k % 2;
      settings_tables (&s, 0, (uint32_t)k);
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

/* Generation callback of check_sizes: each generation's input, kept. */
typedef struct
{
  Oracle *oracle;
  Tally *tally;
  const JartSettings *settings;
  JartImage *previous; /* the generation's input */
  const char *label;
} SizeRun;

static int
on_size_generation (const JartGenerationReport *report,
                    const JartImage *pixels, void *user_data)
{
  SizeRun *run = user_data;

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
  for (int y = 0; y < pixels->height; y++)
    memcpy (run->previous->pixels + (size_t)y * run->previous->stride,
            pixels->pixels + (size_t)y * pixels->stride,
            (size_t)pixels->width * pixels->channels);
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
  one.steps[0] = step_of (70, S422, 1.0, BICUBIC, 1.0, 1.0, 0.0);
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
      settings_tables (&s, k % 2 ? 0 : 83, (uint32_t)k);
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

  if (!(argc == 2 && strcmp (argv[1], "units") == 0)
      && !(argc == 2 && strcmp (argv[1], "tables") == 0)
      && !(argc == 3 && strcmp (argv[1], "replay") == 0
           && method_parse (argv[2], &dct, &decode))
      && !(argc == 3 && strcmp (argv[1], "photo") == 0))
    {
      fprintf (stderr,
               "usage: %s units | tables | replay islow|ifast|float[-gimp] | "
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
  if (strcmp (argv[1], "units") == 0)
    {
      check_resize (&tally);
      check_adjust (&tally);
      check_settings (&tally);
    }
  else if (strcmp (argv[1], "tables") == 0)
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
