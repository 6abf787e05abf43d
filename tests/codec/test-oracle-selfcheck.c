/* test-oracle-selfcheck.c: checks the oracle before trusting it.
 * - Its two compression routes, tjCompress2 and the libjpeg API, give the
 *   same decoded pixels wherever both can give the asked DCT (the accurate
 *   DCT at every quality, the fast one below 96).
 * - tjCompress2 without TJFLAG_ACCURATEDCT really switches to the accurate
 *   DCT from quality 96 on (turbojpeg.c), which is why the fast DCT's
 *   references from 96 on come from the libjpeg API; and those do differ
 *   from the accurate ones, so the codec's fast DCT is tested there.
 * - The fast and the accurate DCT differ below 96 as well.
 * - A generation with offset (0, 0) is a plain round trip, and a grid
 *   offset changes the result (the padding is real).
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <turbojpeg.h>

#include "images.h"
#include "oracle.h"
#include "runcase.h"

static const int tjsamp_of[]
    = { TJSAMP_444, TJSAMP_422, TJSAMP_420, TJSAMP_440, TJSAMP_411 };

/* tjCompress2 with no DCT flag, then the accurate decoder. */
static void
turbojpeg_default_dct (const JartImage *image, JartSubsampling mode,
                       int quality, uint8_t *out)
{
  tjhandle c = tjInitCompress (), d = tjInitDecompress ();
  int format = image->channels == 1 ? TJPF_GRAY : TJPF_RGB;
  int samp = image->channels == 1 ? TJSAMP_GRAY : tjsamp_of[mode];
  unsigned char *jpeg = NULL;
  unsigned long size = 0;

  if (tjCompress2 (c, image->pixels, image->width, 0, image->height, format,
                   &jpeg, &size, samp, quality, 0)
          != 0
      || tjDecompress2 (d, jpeg, size, out, image->width, 0, image->height,
                        format, TJFLAG_ACCURATEDCT)
             != 0)
    {
      fprintf (stderr, "TurboJPEG: %s\n", tjGetErrorStr2 (c));
      exit (99);
    }
  tjFree (jpeg);
  tjDestroy (c);
  tjDestroy (d);
}

/* Cutting an image in two bands changes no pixel: images just long enough
 * to be cut, which libjpeg can also take whole. */
static void
check_bands (Tally *tally, Oracle *oracle)
{
  static const int shapes[][3]
      = { { 33000, 3, 3 }, { 3, 33000, 3 }, { 33000, 2, 2 }, { 5, 33000, 4 } };
  int index = 0;

  for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++)
    {
      JartImage *im = image_new (shapes[i][0], shapes[i][1], shapes[i][2]);
      JartImage *whole = image_new (im->width, im->height, im->channels);
      JartImage *banded = image_new (im->width, im->height, im->channels);
      int along_rows = im->height > im->width;

      image_fill (im, PATTERN_NOISE, (uint32_t)i);
      for (int mode = 0; mode < 5; mode++)
        {
          JartSettings s = case_settings (
              20 + 15 * mode, 1, (JartSubsampling)mode, (JartDct)(index % 2));
          int dx = (index * 7) % 39, dy = (index * 13) % 39;
          char what[200];

          s.flatten = index % 2;
          oracle_generation (oracle, im, whole, &s, s.quality, dx, dy);
          oracle_generation_in_bands (oracle, im, banded, &s, s.quality, dx,
                                      dy, along_rows);
          tally->round_trips += 3;
          snprintf (what, sizeof what,
                    "%dx%d channels %d, mode %s, quality %d, offset "
                    "(%d,%d): the generation in bands",
                    im->width, im->height, im->channels,
                    subsampling_name ((JartSubsampling)mode), s.quality, dx,
                    dy);
          compare_images (tally, whole, banded, what);
          index++;
        }
      image_free (im);
      image_free (whole);
      image_free (banded);
    }
}

int
main (void)
{
  Tally tally;
  Oracle *oracle;
  JartImage *images[4];
  int fast_differs_low = 0, fast_differs_high = 0;

  tally_init (&tally, "oracle-selfcheck");
  oracle = oracle_new ();
  if (!oracle)
    return 99;
  images[0] = image_new (33, 35, 3);
  images[1] = image_new (17, 9, 1);
  images[2] = image_new (64, 48, 3);
  images[3] = image_new (250, 3, 3);
  for (int i = 0; i < 4; i++)
    image_fill (images[i], (Pattern)(i % PATTERN_COUNT), (uint32_t)i + 50);

  for (int i = 0; i < 4; i++)
    {
      const JartImage *im = images[i];
      size_t bytes = (size_t)im->width * im->height * im->channels;
      uint8_t *a = malloc (bytes), *b = malloc (bytes);

      for (int mode = 0; mode < 5; mode++)
        for (int q = 1; q <= 100; q++)
          {
            /* The accurate DCT through both routes. */
            oracle_round_trip (oracle, im->pixels, im->width, im->height,
                               im->channels, (JartSubsampling)mode,
                               JART_DCT_ACCURATE, q, ORACLE_ROUTE_TURBOJPEG,
                               a);
            oracle_round_trip (oracle, im->pixels, im->width, im->height,
                               im->channels, (JartSubsampling)mode,
                               JART_DCT_ACCURATE, q, ORACLE_ROUTE_LIBJPEG, b);
            tally.round_trips += 2;
            tally_check (&tally, memcmp (a, b, bytes) == 0,
                         "%dx%d, mode %d, q%d, accurate DCT: tjCompress2 "
                         "and the libjpeg API differ",
                         im->width, im->height, mode, q);
            if (q < 96)
              {
                oracle_round_trip (oracle, im->pixels, im->width, im->height,
                                   im->channels, (JartSubsampling)mode,
                                   JART_DCT_FAST, q, ORACLE_ROUTE_TURBOJPEG,
                                   b);
                tally.round_trips++;
                fast_differs_low |= memcmp (a, b, bytes) != 0;
                oracle_round_trip (oracle, im->pixels, im->width, im->height,
                                   im->channels, (JartSubsampling)mode,
                                   JART_DCT_FAST, q, ORACLE_ROUTE_LIBJPEG, a);
                tally.round_trips++;
                tally_check (&tally, memcmp (a, b, bytes) == 0,
                             "%dx%d, mode %d, q%d, fast DCT: tjCompress2 "
                             "and the libjpeg API differ",
                             im->width, im->height, mode, q);
              }
            else
              {
                turbojpeg_default_dct (im, (JartSubsampling)mode, q, b);
                tally.round_trips++;
                tally_check (&tally, memcmp (a, b, bytes) == 0,
                             "%dx%d, mode %d, q%d: tjCompress2 without a "
                             "DCT flag is not the accurate DCT",
                             im->width, im->height, mode, q);
                oracle_round_trip (oracle, im->pixels, im->width, im->height,
                                   im->channels, (JartSubsampling)mode,
                                   JART_DCT_FAST, q, ORACLE_ROUTE_AUTO, b);
                tally.round_trips++;
                fast_differs_high |= memcmp (a, b, bytes) != 0;
              }
          }
      free (a);
      free (b);
    }
  tally_check (&tally, fast_differs_low,
               "the fast DCT never differs from the accurate one below 96");
  tally_check (&tally, fast_differs_high,
               "the fast DCT never differs from the accurate one from 96 "
               "on: the libjpeg route is not used");

  /* Offset (0, 0) is a plain round trip; an offset changes things. */
  {
    const JartImage *im = images[2];
    JartImage *g0 = image_new (im->width, im->height, im->channels);
    JartImage *g1 = image_new (im->width, im->height, im->channels);
    JartImage plain = *g1;
    JartSettings s
        = case_settings (50, 1, JART_SUBSAMPLING_420, JART_DCT_ACCURATE);

    oracle_generation (oracle, im, g0, &s, 50, 0, 0);
    oracle_round_trip (oracle, im->pixels, im->width, im->height, im->channels,
                       JART_SUBSAMPLING_420, JART_DCT_ACCURATE, 50,
                       ORACLE_ROUTE_AUTO, plain.pixels);
    compare_images (&tally, &plain, g0,
                    "oracle_generation at offset (0,0) against a plain round "
                    "trip");
    oracle_generation (oracle, im, g1, &s, 50, 3, 5);
    tally_check (&tally,
                 memcmp (g0->pixels, g1->pixels,
                         (size_t)im->width * im->height * im->channels)
                     != 0,
                 "oracle_generation gives the same pixels at offsets (0,0) "
                 "and (3,5)");
    image_free (g0);
    image_free (g1);
  }

  check_bands (&tally, oracle);
  for (int i = 0; i < 4; i++)
    image_free (images[i]);
  oracle_free (oracle);
  return tally_finish (&tally);
}
