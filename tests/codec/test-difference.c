/* test-difference.c: jart_difference, the x8 difference the plug-in's
 * difference layer, the preview and the tool share.  Every pair of levels
 * 0..255 against min (255, 8 |a - b|) worked out here; alpha taken from
 * the result for 2 and 4 channels; padded rows; the destination being the
 * result or the original; and the status codes of bad arguments.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "images.h"

/* min (255, 8 |a - b|), written out as the definition says. */
static int
expected_level (int a, int b)
{
  int d = 8 * abs (a - b);

  return d < 255 ? d : 255;
}

/* Every pair (a, b) of levels as a 256 x 256 image of CHANNELS channels
 * whose rows are PAD bytes wider than the pixels: pixel (x, y) of the
 * result holds x in every colour channel and alpha 255 - y, of the
 * original y and alpha x.  The difference goes to DST_KIND 0 a third
 * image, 1 the result, 2 the original. */
static void
check_all_pairs (Tally *tally, int channels, size_t pad, int dst_kind)
{
  const int n = 256;
  const int colours = channels == 2 || channels == 4 ? channels - 1 : channels;
  const size_t stride = (size_t)n * (size_t)channels + pad;
  JartImage result = { malloc (stride * n), n, n, channels, stride };
  JartImage original = { malloc (stride * n), n, n, channels, stride };
  JartImage third = { malloc (stride * n), n, n, channels, stride };
  JartImage *dst = dst_kind == 1   ? &result
                   : dst_kind == 2 ? &original
                                   : &third;
  int x, y, c, bad = 0;
  JartStatus status;

  if (!result.pixels || !original.pixels || !third.pixels)
    {
      tally_check (tally, 0, "out of memory");
      exit (99);
    }
  for (y = 0; y < n; y++)
    for (x = 0; x < n; x++)
      for (c = 0; c < channels; c++)
        {
          size_t i = (size_t)y * stride + (size_t)x * channels + c;

          result.pixels[i] = (uint8_t)(c < colours ? x : 255 - y);
          original.pixels[i] = (uint8_t)(c < colours ? y : x);
        }
  status = jart_difference (&result, &original, dst);
  tally_check (tally, status == JART_OK, "%d channels, destination %d: %s",
               channels, dst_kind, jart_strerror (status));
  for (y = 0; y < n && !bad; y++)
    for (x = 0; x < n && !bad; x++)
      for (c = 0; c < channels && !bad; c++)
        {
          int want = c < colours ? expected_level (x, y) : 255 - y;
          int got = dst->pixels[(size_t)y * stride + (size_t)x * channels + c];

          bad = !tally_check (tally, got == want,
                              "%d channels, destination %d: result %d, "
                              "original %d, channel %d: %d, expected %d",
                              channels, dst_kind, x, y, c, got, want);
        }
  free (result.pixels);
  free (original.pixels);
  free (third.pixels);
}

static void
check_bad_arguments (Tally *tally)
{
  JartImage *a = image_new (4, 3, 3), *b = image_new (4, 3, 3);
  JartImage *wide = image_new (5, 3, 3), *gray = image_new (4, 3, 1);
  JartImage no_pixels = *a;
  struct
  {
    const JartImage *result, *original;
    JartImage *dst;
    JartStatus expected;
    const char *what;
  } cases[] = {
    { NULL, b, a, JART_ERROR_NULL, "no result" },
    { a, NULL, a, JART_ERROR_NULL, "no original" },
    { a, b, NULL, JART_ERROR_NULL, "no destination" },
    { &no_pixels, b, a, JART_ERROR_NULL, "a result without pixels" },
    { a, wide, a, JART_ERROR_SIZE, "an original of another size" },
    { a, b, wide, JART_ERROR_SIZE, "a destination of another size" },
    { a, gray, a, JART_ERROR_CHANNELS, "an original of other channels" },
    { a, b, gray, JART_ERROR_CHANNELS, "a destination of other channels" },
  };
  size_t i;

  no_pixels.pixels = NULL;
  memset (gray->pixels, 7, 12);
  for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
    {
      JartStatus status
          = jart_difference (cases[i].result, cases[i].original, cases[i].dst);

      tally_check (tally, status == cases[i].expected, "%s: %s, expected %s",
                   cases[i].what, jart_strerror (status),
                   jart_strerror (cases[i].expected));
    }
  tally_check (tally, gray->pixels[0] == 7 && gray->pixels[11] == 7,
               "a refused call wrote its destination");
  image_free (a);
  image_free (b);
  image_free (wide);
  image_free (gray);
}

int
main (void)
{
  Tally tally;
  int channels, dst_kind;

  tally_init (&tally, "difference");
  for (channels = 1; channels <= 4; channels++)
    for (dst_kind = 0; dst_kind < 3; dst_kind++)
      check_all_pairs (&tally, channels, dst_kind == 0 ? 0 : 5, dst_kind);
  check_bad_arguments (&tally);
  return tally_finish (&tally);
}
