/* test-jpeg-size.c: jart_jpeg_size against the size of the file libjpeg-turbo
 * really writes for the same generation (oracle_jpeg_size: the same
 * canvas, tjCompress2 where it can use the asked DCT, the libjpeg API for
 * the fast DCT from quality 96 on, the progressive files), byte for byte,
 * with the standard Huffman tables, with optimal ones, and progressive
 * (libjpeg's default progression, as GIMP's export writes).
 *
 *   test-jpeg-size sizes MODE DCT
 *       every size from 1x1 to 33x35, a spread of qualities, grid offsets
 *       0..38, noise, smooth and checks, with and without alpha (flattened
 *       or not)
 *   test-jpeg-size qualities MODE DCT
 *       all 100 qualities on three images; for the fast DCT from 96 on
 *       also that tjCompress2 gives the accurate DCT's
 *   test-jpeg-size photo PATH MODES DCTS QUALITIES
 *       a photo at the grid offsets of a drifting schedule (with
 *       JART_TEST_QUALITIES=ends the lowest and highest quality only:
 *       runcase.h's case_quality_ends)
 *   test-jpeg-size api
 *       the status codes
 *   test-jpeg-size long-runs
 *       pictures of more than 32767 blocks: the progressive coder's limits
 *
 * MODE is gray (1 and 2 channels) or 444, 422, 420, 440, 411 (3 and 4
 * channels); MODES and DCTS may be "all" or a comma list.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _POSIX_C_SOURCE 200809L /* strtok_r */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "images.h"
#include "oracle.h"
#include "runcase.h"

static const int spread[]
    = { 1, 2, 5, 10, 24, 25, 30, 49, 50, 51, 75, 85, 90, 95, 96, 99, 100 };
#define SPREAD_COUNT ((int)(sizeof spread / sizeof spread[0]))

/* Compares jart_jpeg_size with the library's file for one generation of
 * SETTINGS on IMAGE, with and without optimal tables. */
static void
check_case (Oracle *oracle, Tally *tally, const char *label,
            const JartImage *image, const JartSettings *settings, int quality,
            int dx, int dy, OracleRoute route, JartDct jart_dct)
{
  unsigned long standard = 0;
  /* tjCompress2 here writes only baseline files. */
  int last = route == ORACLE_ROUTE_TURBOJPEG ? JART_CODING_OPTIMIZED
                                             : JART_CODING_PROGRESSIVE;

  for (int optimize = 0; optimize <= last; optimize++)
    {
      JartSettings ours = *settings;
      unsigned long expected = 0;
      uint64_t got = 0;
      JartStatus status;

      if (oracle_jpeg_size (oracle, image, settings, quality, dx, dy, optimize,
                            route, &expected)
          != 0)
        exit (99);
      ours.dct = jart_dct;
      status = jart_jpeg_size (image, &ours, quality, dx, dy, optimize, &got);
      tally_check (
          tally, status == JART_OK && got == expected,
          "%s %dx%d, %d channels%s, %s, %s DCT%s, q%d, offset "
          "(%d, %d), %s tables: libjpeg-turbo wrote %lu bytes, "
          "jart_jpeg_size says %llu (%s)",
          label, image->width, image->height, image->channels,
          settings->flatten && image->channels % 2 == 0 ? " flattened" : "",
          image->channels >= 3 ? subsampling_name (settings->subsampling)
                               : "gray",
          dct_name (jart_dct),
          route == ORACLE_ROUTE_TURBOJPEG ? " (tjCompress2)" : "", quality, dx,
          dy,
          optimize == JART_CODING_PROGRESSIVE ? "progressive"
          : optimize                          ? "optimal"
                                              : "standard",
          expected, (unsigned long long)got, jart_strerror (status));
      /* The oracle itself: optimal tables do make a smaller file. */
      if (optimize == JART_CODING_OPTIMIZED)
        tally_check (tally, expected < standard,
                     "%s %dx%d q%d: libjpeg-turbo's optimized file (%lu "
                     "bytes) is not smaller than its standard one (%lu)",
                     label, image->width, image->height, quality, expected,
                     standard);
      if (optimize == JART_CODING_STANDARD)
        standard = expected;
    }
}

static JartSettings
size_settings (JartSubsampling mode, JartDct dct)
{
  JartSettings settings;

  jart_settings_init (&settings);
  settings.subsampling = mode;
  settings.dct = dct;
  return settings;
}

static void
run_sizes (Oracle *oracle, Tally *tally, int gray, JartSubsampling mode,
           JartDct dct)
{
  int n = 0;

  for (int w = 1; w <= 33; w++)
    for (int h = 1; h <= 35; h++, n++)
      {
        int channels = (gray ? 1 : 3) + (n % 3 == 2);
        Pattern pattern = (Pattern)(n % PATTERN_COUNT);
        JartImage *image = image_new (w, h, channels);
        JartSettings settings = size_settings (mode, dct);
        int quality = spread[(w * 7 + h) % SPREAD_COUNT];
        int dx = n % 4 == 0 ? 0 : (w * 5 + h * 3) % 39;
        int dy = n % 4 == 0 ? 0 : (w * 3 + h * 11) % 39;

        image_fill (image, pattern, (uint32_t)n);
        settings.flatten = n % 2;
        settings.background[0] = (uint8_t)(n * 37);
        check_case (oracle, tally, pattern_name (pattern), image, &settings,
                    quality, dx, dy, ORACLE_ROUTE_AUTO, dct);
        image_free (image);
      }
}

static void
run_qualities (Oracle *oracle, Tally *tally, int gray, JartSubsampling mode,
               JartDct dct)
{
  static const struct
  {
    int width, height;
    Pattern pattern;
  } images[] = { { 33, 35, PATTERN_NOISE },
                 { 64, 48, PATTERN_SMOOTH },
                 { 40, 17, PATTERN_CHECKER } };

  for (size_t i = 0; i < sizeof images / sizeof images[0]; i++)
    {
      JartImage *image
          = image_new (images[i].width, images[i].height, gray ? 1 : 3);
      JartSettings settings = size_settings (mode, dct);

      image_fill (image, images[i].pattern, (uint32_t)i + 100);
      for (int q = JART_QUALITY_MIN; q <= JART_QUALITY_MAX; q++)
        {
          int dx = q % 3 == 0 ? 0 : q % 17, dy = q % 3 == 0 ? 0 : q % 11;

          check_case (oracle, tally, pattern_name (images[i].pattern), image,
                      &settings, q, dx, dy, ORACLE_ROUTE_AUTO, dct);
          /* tjCompress2 takes the accurate DCT from quality 96 on. */
          if (dct == JART_DCT_FAST && q >= 96)
            check_case (oracle, tally, pattern_name (images[i].pattern), image,
                        &settings, q, dx, dy, ORACLE_ROUTE_TURBOJPEG,
                        JART_DCT_ACCURATE);
        }
      image_free (image);
    }
}

/* Parses "all" or a comma list of ITEMS with PARSE into FLAGS. */
static int
parse_list (const char *text, int count, int (*parse) (const char *, int *),
            int *flags)
{
  char buffer[128], *token, *save;

  memset (flags, 0, sizeof (int) * (size_t)count);
  if (strcmp (text, "all") == 0)
    {
      for (int i = 0; i < count; i++)
        flags[i] = 1;
      return 1;
    }
  snprintf (buffer, sizeof buffer, "%s", text);
  for (token = strtok_r (buffer, ",", &save); token;
       token = strtok_r (NULL, ",", &save))
    {
      int value;

      if (!parse (token, &value))
        return 0;
      flags[value] = 1;
    }
  return 1;
}

static int
parse_mode (const char *text, int *value)
{
  JartSubsampling mode;

  if (!subsampling_parse (text, &mode))
    return 0;
  *value = (int)mode;
  return 1;
}

static int
parse_dct (const char *text, int *value)
{
  JartDct dct;

  if (!dct_parse (text, &dct))
    return 0;
  *value = (int)dct;
  return 1;
}

static int
run_photo (Oracle *oracle, Tally *tally, char **argv)
{
  int modes[5], dcts[3];
  JartImage *image = image_load (argv[0]);
  const char *label
      = strrchr (argv[0], '/') ? strrchr (argv[0], '/') + 1 : argv[0];
  char list[128], *token, *save;
  int qualities[100], nq = 0;

  if (!image)
    return 99;
  if (!parse_list (argv[1], 5, parse_mode, modes)
      || !parse_list (argv[2], 3, parse_dct, dcts))
    {
      fprintf (stderr, "test-jpeg-size: bad modes or DCTs\n");
      return 2;
    }
  snprintf (list, sizeof list, "%s", argv[3]);
  for (token = strtok_r (list, ",", &save); token && nq < 100;
       token = strtok_r (NULL, ",", &save))
    qualities[nq++] = atoi (token);
  nq = case_quality_ends (qualities, nq);
  for (int i = 0; i < nq; i++)
    for (int d = 0; d < 3; d++)
      for (int m = 0; m < 5; m++)
        {
          JartSettings settings
              = size_settings ((JartSubsampling)m, (JartDct)d);
          int quality = qualities[i];

          if (!dcts[d] || !modes[m] || (image->channels < 3 && m > 0))
            continue;
          /* The offsets of a drifting schedule's first generations. */
          settings.grid_drift = 7;
          settings.anchor_x = 5;
          settings.anchor_y = 31;
          settings.seed = (uint32_t)quality;
          for (int g = 1; g <= 3; g++)
            {
              int q, dx, dy;

              jart_schedule (&settings, g, &q, &dx, &dy);
              if (g == 1)
                dx = dy = 0;
              check_case (oracle, tally, label, image, &settings, quality, dx,
                          dy, ORACLE_ROUTE_AUTO, (JartDct)d);
            }
        }
  image_free (image);
  return 0;
}

/* Images of more than 32767 blocks, whose progressive scans run into
 * libjpeg's limits: a flat picture's end-of-band run reaches 0x7FFF and
 * is sent early; smooth ones at high quality buffer correction bits until
 * the buffer would overflow. */
static void
run_long_runs (Oracle *oracle, Tally *tally)
{
  static const struct
  {
    int channels, quality;
    JartSubsampling mode;
    int flat;
  } cases[] = { { 1, 75, JART_SUBSAMPLING_444, 1 },
                { 3, 75, JART_SUBSAMPLING_444, 1 },
                { 3, 90, JART_SUBSAMPLING_420, 0 },
                { 1, 100, JART_SUBSAMPLING_444, 0 },
                { 4, 97, JART_SUBSAMPLING_422, 0 } };

  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    {
      JartImage *image = image_new (1600, 1400, cases[i].channels);
      JartSettings settings = size_settings (cases[i].mode, JART_DCT_ACCURATE);

      if (cases[i].flat)
        memset (image->pixels, 77, image->stride * (size_t)image->height);
      else
        image_fill (image, PATTERN_SMOOTH, (uint32_t)i);
      check_case (oracle, tally, cases[i].flat ? "flat" : "smooth", image,
                  &settings, cases[i].quality, (int)i, 0, ORACLE_ROUTE_AUTO,
                  JART_DCT_ACCURATE);
      image_free (image);
    }

  /* One 8x8 tile repeated whose quantized coefficients at quality 50 are
   * seven of magnitude 2 or 3 and none of magnitude 1: every block of the
   * last refinement scan sends seven correction bits and no new
   * coefficient, so the bits pile up behind the end-of-band run until the
   * buffer is full. */
  {
    static const uint8_t tile[64]
        = { 143, 132, 120, 114, 114, 112, 105, 98,  142, 132, 121, 117, 118,
            118, 112, 106, 141, 132, 123, 121, 125, 127, 123, 118, 140, 132,
            125, 125, 131, 135, 133, 129, 140, 133, 126, 127, 134, 139, 137,
            134, 141, 134, 127, 127, 133, 138, 136, 132, 143, 134, 126, 126,
            131, 134, 131, 127, 143, 135, 126, 124, 128, 131, 127, 122 };

    for (int channels = 1; channels <= 3; channels += 2)
      {
        JartImage *image = image_new (256, 256, channels);
        JartSettings settings
            = size_settings (JART_SUBSAMPLING_444, JART_DCT_ACCURATE);

        for (int y = 0; y < 256; y++)
          for (int x = 0; x < 256 * channels; x++)
            image->pixels[(size_t)y * image->stride + (size_t)x]
                = tile[(y % 8) * 8 + x / channels % 8];
        check_case (oracle, tally, "tiled", image, &settings, 50, 0, 0,
                    ORACLE_ROUTE_AUTO, JART_DCT_ACCURATE);
        image_free (image);
      }
  }
}

static void
run_api (Tally *tally)
{
  JartImage *image = image_new (9, 7, 3);
  JartSettings settings
      = size_settings (JART_SUBSAMPLING_420, JART_DCT_ACCURATE);
  JartImage bad;
  uint64_t bytes = 12345;

  image_fill (image, PATTERN_NOISE, 1);
  tally_check (tally,
               jart_jpeg_size (image, &settings, 75, 0, 0, 0, NULL)
                   == JART_ERROR_NULL,
               "NULL bytes");
  tally_check (tally,
               jart_jpeg_size (NULL, &settings, 75, 0, 0, 0, &bytes)
                   == JART_ERROR_NULL,
               "NULL image");
  tally_check (tally,
               jart_jpeg_size (image, NULL, 75, 0, 0, 0, &bytes)
                   == JART_ERROR_NULL,
               "NULL settings");
  tally_check (tally,
               jart_jpeg_size (image, &settings, 0, 0, 0, 0, &bytes)
                   == JART_ERROR_QUALITY,
               "quality 0");
  tally_check (tally,
               jart_jpeg_size (image, &settings, 101, 0, 0, 0, &bytes)
                   == JART_ERROR_QUALITY,
               "quality 101");
  tally_check (tally,
               jart_jpeg_size (image, &settings, 75, -1, 0, 0, &bytes)
                   == JART_ERROR_ANCHOR,
               "offset -1");
  tally_check (tally,
               jart_jpeg_size (image, &settings, 75, 0, 0, -1, &bytes)
                   == JART_ERROR_CODING,
               "coding -1");
  tally_check (tally,
               jart_jpeg_size (image, &settings, 75, 0, 0, 3, &bytes)
                   == JART_ERROR_CODING,
               "coding 3");
  tally_check (tally,
               jart_jpeg_size (image, &settings, 75, 0, 39, 0, &bytes)
                   == JART_ERROR_ANCHOR,
               "offset 39");
  settings.subsampling = (JartSubsampling)7;
  tally_check (tally,
               jart_jpeg_size (image, &settings, 75, 0, 0, 0, &bytes)
                   == JART_ERROR_SUBSAMPLING,
               "subsampling 7");
  settings.subsampling = JART_SUBSAMPLING_420;
  settings.dct = (JartDct)5;
  tally_check (tally,
               jart_jpeg_size (image, &settings, 75, 0, 0, 0, &bytes)
                   == JART_ERROR_DCT,
               "DCT 5");
  settings.dct = JART_DCT_ACCURATE;
  bad = *image;
  bad.stride = 2;
  tally_check (tally,
               jart_jpeg_size (&bad, &settings, 75, 0, 0, 0, &bytes)
                   == JART_ERROR_STRIDE,
               "short stride");
  bad = *image;
  bad.width = JART_MAX_DIMENSION;
  bad.stride = (size_t)JART_MAX_DIMENSION * 3;
  tally_check (tally,
               jart_jpeg_size (&bad, &settings, 75, 1, 0, 0, &bytes)
                   == JART_ERROR_SIZE,
               "canvas wider than 65535");
  tally_check (tally, bytes == 12345, "bytes written on an error");
  tally_check (tally,
               jart_jpeg_size (image, &settings, 75, 38, 38, 1, &bytes)
                       == JART_OK
                   && bytes > 0,
               "offset 38");
  image_free (image);
}

int
main (int argc, char **argv)
{
  JartSubsampling mode = JART_SUBSAMPLING_444;
  JartDct dct = JART_DCT_ACCURATE;
  char name[160];
  Tally tally;
  Oracle *oracle;
  int gray = 0, status = 0;
  int sweep = argc == 4
              && (strcmp (argv[1], "sizes") == 0
                  || strcmp (argv[1], "qualities") == 0);

  if (sweep)
    {
      gray = strcmp (argv[2], "gray") == 0;
      if ((!gray && !subsampling_parse (argv[2], &mode))
          || !dct_parse (argv[3], &dct))
        sweep = 0, argc = 0;
    }
  if (!sweep && !(argc == 6 && strcmp (argv[1], "photo") == 0)
      && !(argc == 2 && strcmp (argv[1], "api") == 0)
      && !(argc == 2 && strcmp (argv[1], "long-runs") == 0))
    {
      fprintf (stderr,
               "usage: %s sizes|qualities gray|444|422|420|440|411 "
               "islow|ifast|float\n"
               "       %s photo PATH MODES DCTS QUALITIES\n"
               "       %s api\n"
               "       %s long-runs\n",
               argv[0], argv[0], argv[0], argv[0]);
      return 2;
    }
  if (sweep)
    snprintf (name, sizeof name, "size-%s-%s-%s", argv[1], argv[2], argv[3]);
  else if (argc == 6)
    snprintf (name, sizeof name, "size-photo-%s",
              strrchr (argv[2], '/') ? strrchr (argv[2], '/') + 1 : argv[2]);
  else
    snprintf (name, sizeof name, "size-%s", argv[1]);
  tally_init (&tally, name);
  oracle = oracle_new ();
  if (!oracle)
    return 99;
  if (sweep && strcmp (argv[1], "sizes") == 0)
    run_sizes (oracle, &tally, gray, mode, dct);
  else if (sweep)
    run_qualities (oracle, &tally, gray, mode, dct);
  else if (argc == 6)
    status = run_photo (oracle, &tally, argv + 2);
  else if (strcmp (argv[1], "long-runs") == 0)
    run_long_runs (oracle, &tally);
  else
    run_api (&tally);
  oracle_free (oracle);
  if (status != 0)
    return status;
  return tally_finish (&tally);
}
