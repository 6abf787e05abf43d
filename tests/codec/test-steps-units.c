/* test-steps-units.c: a schedule's parts on their own, against values
 * worked out by hand: jart_resize and jart_scaled_size (every filter,
 * shrinking and growing, edges), jart_step_adjust (saturation, contrast,
 * sharpening, their rounding and alpha), both refusing a destination
 * that overlaps the source, and the checks jart_settings_check
 * and jart_run make of the steps and the tables.  (Whole runs with a
 * schedule against libjpeg-turbo: test-steps.c.)
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
  /* In place, or into a part of the source: refused, nothing written. */
  {
    const size_t bytes = a->stride * 8;
    uint8_t *kept = malloc (bytes);
    JartImage corner = *b, top = *a, rest = *a;

    for (size_t i = 0; i < bytes; i++)
      a->pixels[i] = (uint8_t)(i * 7);
    memcpy (kept, a->pixels, bytes);
    corner.pixels = a->pixels + 2 * a->stride + 3;
    corner.stride = a->stride;
    tally_check (tally,
                 jart_resize (a, a, JART_FILTER_BICUBIC) == JART_ERROR_OVERLAP
                     && jart_resize (a, &corner, JART_FILTER_NEAREST)
                            == JART_ERROR_OVERLAP
                     && jart_resize (&corner, a, JART_FILTER_LANCZOS)
                            == JART_ERROR_OVERLAP,
                 "jart_resize: in place or into its own source not refused "
                 "with JART_ERROR_OVERLAP");
    tally_check (tally, memcmp (a->pixels, kept, bytes) == 0,
                 "jart_resize: a refused overlap wrote the image");
    /* Rows 4 to 7 are after rows 0 to 3's last byte: no overlap. */
    top.height = rest.height = 4;
    rest.pixels = a->pixels + 4 * a->stride;
    tally_check (tally,
                 jart_resize (&top, &rest, JART_FILTER_BILINEAR) == JART_OK,
                 "jart_resize: the rows after the source's last refused");
    free (kept);
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
  JartStep neutral = case_step (75, JART_SUBSAMPLING_420, 1.0,
                                JART_FILTER_NEAREST, 1.0, 1.0, 0.0);
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
    JartStep s = case_step (75, JART_SUBSAMPLING_420, 1.0, JART_FILTER_NEAREST,
                            0.0, 2.0, 3.0);
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
    tally_check (tally, jart_step_adjust (&s, b, b) == JART_ERROR_OVERLAP,
                 "jart_step_adjust: in place not refused with "
                 "JART_ERROR_OVERLAP");
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
  base.steps[0] = case_step (80, JART_SUBSAMPLING_422, 0.5,
                             JART_FILTER_LANCZOS, 1.2, 0.9, 0.5);
  base.steps[1] = case_step (60, JART_SUBSAMPLING_411, 1.0,
                             JART_FILTER_NEAREST, 1.0, 1.0, 0.0);
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
  case_tables (&s, 50, 0);
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
    case_tables (&d, 0, 4);
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

int
main (void)
{
  Tally tally;

  tally_init (&tally, "steps-units");
  check_resize (&tally);
  check_adjust (&tally);
  check_settings (&tally);
  return tally_finish (&tally);
}
