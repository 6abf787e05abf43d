/* test-bad-parameters.c: every bad parameter gives its own JartStatus, from
 * jart_run as from jart_image_check and jart_settings_check, and leaves the
 * destination (and the source) untouched: NULL pointers, sizes 0 and
 * 65536, channels 0 and 5, strides one byte short, quality 0 and 101,
 * generations 0 and 1001, subsampling and DCT values outside their enums,
 * jitter 51, drift 8, anchors 32 and -1, threads 65, destinations that do
 * not match the source.  The limits themselves (quality 1 and 100,
 * generations 1 and 1000, jitter 50, drift 7, anchor 31, threads 64,
 * 65535 pixels wide or high) must run, and give what libjpeg-turbo gives.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "images.h"
#include "runcase.h"

#define W 12
#define H 10

/* The fixture: a source, a destination filled with a marker, and copies
 * of both to see that a failed run touched neither. */
typedef struct
{
  JartImage *src, *dst;
  JartImage *src_copy, *dst_copy;
} Fixture;

/* Room for the largest image a bad field describes (65536 x H x 4 or
 * W x 65536 x 4), so that even a codec that missed the error would stay
 * inside the buffer. */
#define ROOM ((size_t)65536 * 4 * 16)

static JartImage *
roomy_image (int channels)
{
  JartImage *image = image_new (W, H, channels);

  free (image->pixels);
  image->pixels = calloc (1, ROOM);
  if (!image->pixels)
    {
      fprintf (stderr, "out of memory\n");
      exit (99);
    }
  return image;
}

static void
fixture_init (Fixture *f, int channels)
{
  f->src = roomy_image (channels);
  f->dst = roomy_image (channels);
  image_fill (f->src, PATTERN_NOISE, 1);
  memset (f->dst->pixels, 0x5a, f->dst->stride * H);
  f->src_copy = image_copy (f->src);
  f->dst_copy = image_copy (f->dst);
}

static void
fixture_free (Fixture *f)
{
  image_free (f->src);
  image_free (f->dst);
  image_free (f->src_copy);
  image_free (f->dst_copy);
}

/* jart_run on the given pointers must return EXPECTED and touch neither
 * the fixture's source nor its destination. */
static void
expect_run (Tally *tally, const Fixture *f, const JartImage *src,
            JartImage *dst, const JartSettings *settings, JartStatus expected,
            const char *what)
{
  JartResult result;
  JartStatus status = jart_run (src, dst, settings, NULL, &result);
  char text[256];

  tally_check (tally, status == expected,
               "%s: jart_run returned %d (%s), expected %d (%s)", what, status,
               jart_strerror (status), expected, jart_strerror (expected));
  snprintf (text, sizeof text, "%s: destination untouched", what);
  compare_images (tally, f->dst_copy, f->dst, text);
  snprintf (text, sizeof text, "%s: source untouched", what);
  compare_images (tally, f->src_copy, f->src, text);
}

static void
check_settings (Tally *tally, const Fixture *f)
{
  static const struct
  {
    const char *what;
    size_t offset; /* of the int field in JartSettings */
    int value;
    JartStatus expected;
  } bad[] = {
    { "quality 0", offsetof (JartSettings, quality), 0, JART_ERROR_QUALITY },
    { "quality 101", offsetof (JartSettings, quality), 101,
      JART_ERROR_QUALITY },
    { "quality -5", offsetof (JartSettings, quality), -5, JART_ERROR_QUALITY },
    { "generations 0", offsetof (JartSettings, generations), 0,
      JART_ERROR_GENERATIONS },
    { "generations 1001", offsetof (JartSettings, generations), 1001,
      JART_ERROR_GENERATIONS },
    { "generations -1", offsetof (JartSettings, generations), -1,
      JART_ERROR_GENERATIONS },
    { "jitter 51", offsetof (JartSettings, quality_jitter), 51,
      JART_ERROR_JITTER },
    { "jitter -1", offsetof (JartSettings, quality_jitter), -1,
      JART_ERROR_JITTER },
    { "drift 8", offsetof (JartSettings, grid_drift), 8, JART_ERROR_DRIFT },
    { "drift -1", offsetof (JartSettings, grid_drift), -1, JART_ERROR_DRIFT },
    { "anchor_x 32", offsetof (JartSettings, anchor_x), 32,
      JART_ERROR_ANCHOR },
    { "anchor_x -1", offsetof (JartSettings, anchor_x), -1,
      JART_ERROR_ANCHOR },
    { "anchor_y 32", offsetof (JartSettings, anchor_y), 32,
      JART_ERROR_ANCHOR },
    { "anchor_y -1", offsetof (JartSettings, anchor_y), -1,
      JART_ERROR_ANCHOR },
    { "threads 65", offsetof (JartSettings, threads), 65, JART_ERROR_THREADS },
    { "threads -1", offsetof (JartSettings, threads), -1, JART_ERROR_THREADS },
  };

  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
    {
      JartSettings s;
      JartStatus status;

      jart_settings_init (&s);
      memcpy ((char *)&s + bad[i].offset, &bad[i].value, sizeof (int));
      status = jart_settings_check (&s);
      tally_check (tally, status == bad[i].expected,
                   "%s: jart_settings_check returned %d, expected %d",
                   bad[i].what, status, bad[i].expected);
      expect_run (tally, f, f->src, f->dst, &s, bad[i].expected, bad[i].what);
    }

  /* The enums, outside their values. */
  {
    static const int bad_subsampling[] = { -1, 5, 1000 };
    static const int bad_dct[] = { -1, 3 };
    JartSettings s;
    char what[64];

    for (size_t i = 0; i < 3; i++)
      {
        jart_settings_init (&s);
        s.subsampling = (JartSubsampling)bad_subsampling[i];
        snprintf (what, sizeof what, "subsampling %d", bad_subsampling[i]);
        tally_check (tally, jart_settings_check (&s) == JART_ERROR_SUBSAMPLING,
                     "%s: jart_settings_check did not say so", what);
        expect_run (tally, f, f->src, f->dst, &s, JART_ERROR_SUBSAMPLING,
                    what);
      }
    for (size_t i = 0; i < 2; i++)
      {
        jart_settings_init (&s);
        s.dct = (JartDct)bad_dct[i];
        snprintf (what, sizeof what, "dct %d", bad_dct[i]);
        tally_check (tally, jart_settings_check (&s) == JART_ERROR_DCT,
                     "%s: jart_settings_check did not say so", what);
        expect_run (tally, f, f->src, f->dst, &s, JART_ERROR_DCT, what);
      }
    for (int bad_decode = -1; bad_decode <= 2; bad_decode += 3)
      {
        jart_settings_init (&s);
        s.decode = (JartDecode)bad_decode;
        snprintf (what, sizeof what, "decode %d", bad_decode);
        tally_check (tally, jart_settings_check (&s) == JART_ERROR_DECODE,
                     "%s: jart_settings_check did not say so", what);
        expect_run (tally, f, f->src, f->dst, &s, JART_ERROR_DECODE, what);
      }
    for (unsigned bad_sizes = 8; bad_sizes != 0; bad_sizes <<= 7)
      {
        jart_settings_init (&s);
        s.statistics = 1;
        s.sizes = bad_sizes | JART_SIZE_STANDARD;
        snprintf (what, sizeof what, "sizes %#x", s.sizes);
        tally_check (tally, jart_settings_check (&s) == JART_ERROR_CODING,
                     "%s: jart_settings_check did not say so", what);
        expect_run (tally, f, f->src, f->dst, &s, JART_ERROR_CODING, what);
      }
  }
}

/* A JartImage field changed on the source or the destination. */
static void
check_images (Tally *tally, const Fixture *f)
{
  enum
  {
    WIDTH,
    HEIGHT,
    CHANNELS,
    STRIDE
  };
  static const struct
  {
    const char *what;
    int field, value;
    JartStatus expected;
  } bad[] = {
    { "width 0", WIDTH, 0, JART_ERROR_SIZE },
    { "width -1", WIDTH, -1, JART_ERROR_SIZE },
    { "width 65536", WIDTH, 65536, JART_ERROR_SIZE },
    { "height 0", HEIGHT, 0, JART_ERROR_SIZE },
    { "height 65536", HEIGHT, 65536, JART_ERROR_SIZE },
    { "channels 0", CHANNELS, 0, JART_ERROR_CHANNELS },
    { "channels 5", CHANNELS, 5, JART_ERROR_CHANNELS },
    { "channels -1", CHANNELS, -1, JART_ERROR_CHANNELS },
    { "stride one short", STRIDE, -1, JART_ERROR_STRIDE },
    { "stride 0", STRIDE, 0, JART_ERROR_STRIDE },
  };
  JartSettings s;

  jart_settings_init (&s);
  for (int side = 0; side < 2; side++)
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
      {
        JartImage src = *f->src, dst = *f->dst;
        JartImage *image = side == 0 ? &src : &dst;
        char what[96];
        JartStatus status;

        switch (bad[i].field)
          {
          case WIDTH:
            image->width = bad[i].value;
            break;
          case HEIGHT:
            image->height = bad[i].value;
            break;
          case CHANNELS:
            image->channels = bad[i].value;
            break;
          default:
            image->stride = bad[i].value < 0
                                ? (size_t)image->width * image->channels - 1
                                : (size_t)bad[i].value;
          }
        /* Keep the stride large enough for a huge width, so that only the
         * field under test is wrong. */
        if (bad[i].field == WIDTH && bad[i].value > 0)
          image->stride = (size_t)bad[i].value * image->channels;
        snprintf (what, sizeof what, "%s %s",
                  side == 0 ? "source" : "destination", bad[i].what);
        status = jart_image_check (image);
        tally_check (tally, status == bad[i].expected,
                     "%s: jart_image_check returned %d, expected %d", what,
                     status, bad[i].expected);
        expect_run (tally, f, &src, &dst, &s, bad[i].expected, what);
      }

  /* A destination that does not match the source. */
  {
    JartImage src = *f->src, dst = *f->dst;
    dst.width = W - 1;
    expect_run (tally, f, &src, &dst, &s, JART_ERROR_SIZE,
                "destination narrower than the source");
    dst = *f->dst;
    dst.height = H - 1;
    expect_run (tally, f, &src, &dst, &s, JART_ERROR_SIZE,
                "destination lower than the source");
    dst = *f->dst;
    dst.channels = f->dst->channels - 1;
    expect_run (tally, f, &src, &dst, &s, JART_ERROR_CHANNELS,
                "destination with fewer channels than the source");
  }
}

static void
check_nulls (Tally *tally, const Fixture *f)
{
  JartSettings s;
  JartImage src = *f->src, dst = *f->dst;

  jart_settings_init (&s);
  tally_check (tally, jart_image_check (NULL) == JART_ERROR_NULL,
               "jart_image_check (NULL) is not JART_ERROR_NULL");
  tally_check (tally, jart_settings_check (NULL) == JART_ERROR_NULL,
               "jart_settings_check (NULL) is not JART_ERROR_NULL");
  expect_run (tally, f, NULL, f->dst, &s, JART_ERROR_NULL, "source NULL");
  expect_run (tally, f, f->src, NULL, &s, JART_ERROR_NULL, "destination NULL");
  expect_run (tally, f, f->src, f->dst, NULL, JART_ERROR_NULL,
              "settings NULL");
  src.pixels = NULL;
  tally_check (tally, jart_image_check (&src) == JART_ERROR_NULL,
               "jart_image_check of NULL pixels is not JART_ERROR_NULL");
  expect_run (tally, f, &src, f->dst, &s, JART_ERROR_NULL,
              "source pixels NULL");
  dst.pixels = NULL;
  expect_run (tally, f, f->src, &dst, &s, JART_ERROR_NULL,
              "destination pixels NULL");

  {
    uint16_t table[64];
    tally_check (tally, jart_quant_table (50, 0, NULL) == JART_ERROR_NULL,
                 "jart_quant_table with a NULL table is not "
                 "JART_ERROR_NULL");
    tally_check (tally, jart_quant_table (0, 0, table) == JART_ERROR_QUALITY,
                 "jart_quant_table at quality 0 is not JART_ERROR_QUALITY");
    tally_check (tally, jart_quant_table (101, 1, table) == JART_ERROR_QUALITY,
                 "jart_quant_table at quality 101 is not "
                 "JART_ERROR_QUALITY");
  }

  /* RESULT and CALLBACKS may be NULL. */
  {
    JartImage *out = image_new (W, H, f->src->channels);
    tally_check (tally, jart_run (f->src, out, &s, NULL, NULL) == JART_OK,
                 "jart_run with NULL callbacks and result failed");
    image_free (out);
  }
}

/* The limits are good values: they run and match libjpeg-turbo. */
static void
check_limits (Tally *tally, Oracle *oracle)
{
  JartImage *image = image_new (W, H, 4);
  JartImage *wide = image_new (JART_MAX_DIMENSION, 1, 1);
  JartImage *tall = image_new (3, JART_MAX_DIMENSION, 3);
  TestCase test = { .in_place = 0 };

  image_fill (image, PATTERN_NOISE, 7);
  image_fill (wide, PATTERN_SMOOTH, 8);
  image_fill (tall, PATTERN_NOISE, 9);
  test.label = "limits";
  test.src = image;
  test.settings
      = case_settings (1, 1, JART_SUBSAMPLING_420, JART_DCT_ACCURATE);
  case_run (oracle, tally, &test, NULL);
  test.settings.quality = 100;
  test.settings.dct = JART_DCT_FAST;
  case_run (oracle, tally, &test, NULL);
  test.settings.generations = JART_GENERATIONS_MAX;
  test.settings.stop_at_fixed_point = 0;
  test.settings.quality = 60;
  test.settings.quality_jitter = JART_QUALITY_JITTER_MAX;
  test.settings.grid_drift = JART_GRID_DRIFT_MAX;
  test.settings.anchor_x = JART_GRID_ANCHOR_MAX;
  test.settings.anchor_y = JART_GRID_ANCHOR_MAX;
  test.settings.threads = JART_THREADS_MAX;
  test.settings.seed = 0xffffffffu;
  case_run (oracle, tally, &test, NULL);

  test.label = "widest";
  test.src = wide;
  test.settings
      = case_settings (50, 2, JART_SUBSAMPLING_420, JART_DCT_ACCURATE);
  case_run (oracle, tally, &test, NULL);
  test.label = "tallest";
  test.src = tall;
  test.settings = case_settings (30, 2, JART_SUBSAMPLING_440, JART_DCT_FAST);
  test.settings.anchor_y = JART_GRID_ANCHOR_MAX;
  case_run (oracle, tally, &test, NULL);

  image_free (image);
  image_free (wide);
  image_free (tall);
}

int
main (void)
{
  Tally tally;
  Oracle *oracle;

  tally_init (&tally, "bad-parameters");
  oracle = oracle_new ();
  if (!oracle)
    return 99;
  for (int channels = 1; channels <= 4; channels += 3)
    {
      Fixture f;
      fixture_init (&f, channels);
      check_settings (&tally, &f);
      check_images (&tally, &f);
      check_nulls (&tally, &f);
      fixture_free (&f);
    }
  check_limits (&tally, oracle);
  oracle_free (oracle);
  return tally_finish (&tally);
}
