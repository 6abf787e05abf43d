/* cli-image-compare.c: cli-image's checks on images: whether two are
 * identical (or their alpha channels are), how many pixels differ and the
 * PSNR, whether every pixel is near a colour, and whether an image is the
 * eightfold difference of two others.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cli-image.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Whether A and B have the same size, channels and samples; with
 * ALPHA_ONLY, the same size and alpha channel. */
int
command_compare (const char *a, const char *b, int alpha_only)
{
  Picture pa, pb;
  size_t i, n, differing = 0;
  int result = 0;

  load (a, &pa);
  load (b, &pb);
  if (pa.width != pb.width || pa.height != pb.height
      || pa.channels != pb.channels)
    {
      fprintf (stderr, "cli-image: %dx%dx%d against %dx%dx%d\n", pa.width,
               pa.height, pa.channels, pb.width, pb.height, pb.channels);
      result = 1;
    }
  else if (alpha_only && pa.channels != 2 && pa.channels != 4)
    die ("%s: no alpha channel", a);
  else
    {
      n = picture_size (&pa);
      for (i = 0; i < n; i++)
        if ((!alpha_only || (int)(i % pa.channels) == pa.channels - 1)
            && pa.pixels[i] != pb.pixels[i])
          differing++;
      if (differing > 0)
        {
          fprintf (stderr, "cli-image: %zu samples differ\n", differing);
          result = 1;
        }
    }
  free (pa.pixels);
  free (pb.pixels);
  return result;
}

/* Prints how many pixels of A and B differ in their colour channels and
 * the PSNR of B against A over those channels ("inf" when equal), as the
 * tool's table reports them. */
int
command_diff (const char *a, const char *b)
{
  Picture pa, pb;
  size_t i, n, colors;
  unsigned long long changed = 0;
  double sse = 0;

  load (a, &pa);
  load (b, &pb);
  if (pa.width != pb.width || pa.height != pb.height
      || pa.channels != pb.channels)
    die ("%s: the images differ in size or channels", b);
  colors = pa.channels >= 3 ? 3 : 1;
  n = (size_t)pa.width * pa.height;
  for (i = 0; i < n; i++)
    {
      size_t c;
      int differs = 0;

      for (c = 0; c < colors; c++)
        {
          int d = pa.pixels[i * pa.channels + c]
                  - pb.pixels[i * pb.channels + c];

          sse += (double)d * d;
          differs |= d != 0;
        }
      changed += (unsigned long long)differs;
    }
  if (sse == 0)
    printf ("%llu inf\n", changed);
  else
    printf ("%llu %.2f\n", changed,
            10.0 * log10 (255.0 * 255.0 / (sse / ((double)n * colors))));
  free (pa.pixels);
  free (pb.pixels);
  return 0;
}

/* Whether every pixel of PATH is within TOLERANCE of VALUES, one value per
 * channel. */
int
command_near (const char *path, int tolerance, int count, char **values)
{
  Picture picture;
  size_t i, n;
  int worst = 0;

  load (path, &picture);
  if (count != picture.channels)
    {
      fprintf (stderr, "cli-image: %s has %d channels, not %d\n", path,
               picture.channels, count);
      free (picture.pixels);
      return 1;
    }
  n = picture_size (&picture);
  for (i = 0; i < n; i++)
    {
      int d = abs (picture.pixels[i] - atoi (values[i % picture.channels]));

      if (d > worst)
        worst = d;
    }
  if (worst > tolerance)
    {
      fprintf (stderr, "cli-image: %s: a sample is %d away\n", path, worst);
    }
  free (picture.pixels);
  return worst > tolerance;
}

/* Whether D holds min (255, 8 |A - B|) in every colour sample and A's
 * alpha: the tool's --difference of A against its input B. */
int
command_difference8 (const char *a, const char *b, const char *d)
{
  Picture pa, pb, pd;
  size_t i, n;
  int colors, bad = 0;

  load (a, &pa);
  load (b, &pb);
  load (d, &pd);
  if (pa.width != pb.width || pa.height != pb.height
      || pa.channels != pb.channels || pd.width != pa.width
      || pd.height != pa.height || pd.channels != pa.channels)
    die ("%s: the images differ in size or channels", d);
  colors = pa.channels >= 3 ? 3 : 1;
  n = picture_size (&pa);
  for (i = 0; i < n && !bad; i++)
    {
      int c = (int)(i % (size_t)pa.channels);
      int want = pa.pixels[i];

      if (c < colors)
        {
          want = 8 * abs (pa.pixels[i] - pb.pixels[i]);
          want = want > 255 ? 255 : want;
        }
      if (pd.pixels[i] != want)
        {
          fprintf (stderr,
                   "cli-image: %s: sample %zu is %d, expected %d (%d vs "
                   "%d)\n",
                   d, i, pd.pixels[i], want, pa.pixels[i], pb.pixels[i]);
          bad = 1;
        }
    }
  free (pa.pixels);
  free (pb.pixels);
  free (pd.pixels);
  return bad;
}
