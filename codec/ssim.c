/* ssim.c: the mean structural similarity of two images (jart_ssim), as
 * Z. Wang, A. C. Bovik, H. R. Sheikh and E. P. Simoncelli define it in
 * "Image Quality Assessment: From Error Visibility to Structural
 * Similarity" (IEEE Trans. Image Processing 13 (4), 2004), with the border
 * handling of scikit-image's structural_similarity (gaussian_weights=True,
 * sigma=1.5, use_sample_covariance=False, data_range=255).
 *
 * At every pixel the local means, variances and covariance of the two
 * luma images come from a Gaussian window, sigma 1.5, truncated at radius
 * int (3.5 sigma + 0.5) = 5 and normalized to sum 1, applied as two 1-D
 * passes; outside the image the samples are mirrored with the edge sample
 * repeated (d c b a | a b c d | d c b a, scipy.ndimage's "reflect").  Then
 * SSIM = (2 mx my + C1) (2 sxy + C2) / ((mx^2 + my^2 + C1) (sx + sy + C2))
 * with C1 = (0.01 * 255)^2 and C2 = (0.03 * 255)^2, and the mean is taken
 * over the pixels at least 5 from every edge.  The filter runs a row at a
 * time: each image row is filtered horizontally once into a ring of the 11
 * rows the vertical pass needs, so memory stays a few rows.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <stdlib.h>

#include "jart-private.h"

#define SIGMA 1.5
#define RADIUS 5 /* int (3.5 * SIGMA + 0.5) */
#define TAPS (2 * RADIUS + 1)
#define K1 0.01
#define K2 0.03
#define RANGE 255.0

/* The five filtered quantities: x, y, x^2, y^2, x y. */
enum
{
  Q_X,
  Q_Y,
  Q_XX,
  Q_YY,
  Q_XY,
  Q_COUNT
};

typedef struct
{
  int width, height;
  int ring;       /* rows kept: min (height, TAPS) */
  double w[TAPS]; /* the window */
  double *ext[2]; /* one luma row of each image, mirrored RADIUS beyond */
  double *prod;   /* one product row, mirrored likewise */
  double *rows;   /* ring * Q_COUNT filtered rows of width */
  double *mean[Q_COUNT]; /* the vertical pass's output, one row each */
} Ssim;

/* Index I mirrored into 0 .. N - 1, repeating the edge sample. */
static int
reflect (int i, int n)
{
  int period = 2 * n;

  i %= period;
  if (i < 0)
    i += period;
  return i < n ? i : period - 1 - i;
}

/* Row Y of IMAGE as luma into OUT[RADIUS ..], mirrored into the RADIUS
 * samples before and after. */
static void
luma_row (const JartImage *image, int y, double *out)
{
  const uint8_t *row = image->pixels + (size_t)y * image->stride;
  const int width = image->width, step = image->channels;
  int x;

  for (x = -RADIUS; x < width + RADIUS; x++)
    {
      const uint8_t *p = row + (size_t)reflect (x, width) * step;

      out[x + RADIUS] = step >= 3 ? jart_rgb_to_y (p[0], p[1], p[2]) : p[0];
    }
}

/* The window applied horizontally to the mirrored row IN into OUT. */
static void
filter_row (const Ssim *s, const double *in, double *out)
{
  int x, k;

  for (x = 0; x < s->width; x++)
    {
      double sum = 0.0;

      for (k = 0; k < TAPS; k++)
        sum += s->w[k] * in[x + k];
      out[x] = sum;
    }
}

/* Filters row Y of A and B horizontally into its ring slot. */
static void
filter_image_row (Ssim *s, const JartImage *a, const JartImage *b, int y)
{
  const int n = s->width + 2 * RADIUS;
  double *slot = s->rows + (size_t)(y % s->ring) * Q_COUNT * (size_t)s->width;
  int i, q;

  luma_row (a, y, s->ext[0]);
  luma_row (b, y, s->ext[1]);
  for (q = 0; q < Q_COUNT; q++)
    {
      const double *in;

      if (q == Q_X || q == Q_Y)
        in = s->ext[q];
      else
        {
          const double *u = s->ext[q == Q_YY], *v = s->ext[q != Q_XX];

          for (i = 0; i < n; i++)
            s->prod[i] = u[i] * v[i];
          in = s->prod;
        }
      filter_row (s, in, slot + (size_t)q * s->width);
    }
}

/* The window applied vertically at output row Y, from the ring, into
 * MEAN. */
static void
filter_column (Ssim *s, int y)
{
  int q, k, x;

  for (q = 0; q < Q_COUNT; q++)
    {
      double *out = s->mean[q];

      for (x = 0; x < s->width; x++)
        out[x] = 0.0;
      for (k = 0; k < TAPS; k++)
        {
          int row = reflect (y + k - RADIUS, s->height);
          const double *in
              = s->rows
                + ((size_t)(row % s->ring) * Q_COUNT + q) * (size_t)s->width;
          double w = s->w[k];

          for (x = 0; x < s->width; x++)
            out[x] += w * in[x];
        }
    }
}

static void
ssim_free (Ssim *s)
{
  int q;

  free (s->ext[0]);
  free (s->ext[1]);
  free (s->prod);
  free (s->rows);
  for (q = 0; q < Q_COUNT; q++)
    free (s->mean[q]);
}

static JartStatus
ssim_init (Ssim *s, int width, int height)
{
  const size_t n = (size_t)width + 2 * RADIUS;
  double sum = 0.0;
  int k, q;

  s->width = width;
  s->height = height;
  s->ring = height < TAPS ? height : TAPS;
  for (k = 0; k < TAPS; k++)
    {
      double d = (double)(k - RADIUS);

      s->w[k] = exp (-0.5 / (SIGMA * SIGMA) * (d * d));
      sum += s->w[k];
    }
  for (k = 0; k < TAPS; k++)
    s->w[k] /= sum;

  s->ext[0] = malloc (n * sizeof (double));
  s->ext[1] = malloc (n * sizeof (double));
  s->prod = malloc (n * sizeof (double));
  s->rows
      = malloc ((size_t)s->ring * Q_COUNT * (size_t)width * sizeof (double));
  if (s->ext[0] == NULL || s->ext[1] == NULL || s->prod == NULL
      || s->rows == NULL)
    return JART_ERROR_NO_MEMORY;
  for (q = 0; q < Q_COUNT; q++)
    if ((s->mean[q] = malloc ((size_t)width * sizeof (double))) == NULL)
      return JART_ERROR_NO_MEMORY;
  return JART_OK;
}

JartStatus
jart_ssim (const JartImage *a, const JartImage *b, double *ssim)
{
  const double c1 = (K1 * RANGE) * (K1 * RANGE);
  const double c2 = (K2 * RANGE) * (K2 * RANGE);
  Ssim s = { 0 };
  JartStatus status;
  int width, height, x0, x1, y0, y1, y, x, done;
  double total = 0.0;

  if (ssim == NULL)
    return JART_ERROR_NULL;
  if ((status = jart_image_pair_check (a, b)) != JART_OK)
    return status;
  width = a->width;
  height = a->height;
  if ((status = ssim_init (&s, width, height)) != JART_OK)
    {
      ssim_free (&s);
      return status;
    }

  /* The pixels the mean covers. */
  if (width >= TAPS && height >= TAPS)
    x0 = y0 = RADIUS, x1 = width - RADIUS, y1 = height - RADIUS;
  else
    x0 = y0 = 0, x1 = width, y1 = height;

  done = 0; /* image rows filtered so far */
  for (y = 0; y < y1; y++)
    {
      int need = y + RADIUS < height ? y + RADIUS : height - 1;
      double row_sum = 0.0;

      while (done <= need)
        filter_image_row (&s, a, b, done++);
      if (y < y0)
        continue;
      filter_column (&s, y);
      for (x = x0; x < x1; x++)
        {
          double ux = s.mean[Q_X][x], uy = s.mean[Q_Y][x];
          double vx = s.mean[Q_XX][x] - ux * ux;
          double vy = s.mean[Q_YY][x] - uy * uy;
          double vxy = s.mean[Q_XY][x] - ux * uy;
          double a1 = 2.0 * ux * uy + c1, a2 = 2.0 * vxy + c2;
          double b1 = ux * ux + uy * uy + c1, b2 = vx + vy + c2;

          row_sum += (a1 * a2) / (b1 * b2);
        }
      total += row_sum;
    }
  ssim_free (&s);
  *ssim = total / ((double)(x1 - x0) * (double)(y1 - y0));
  return JART_OK;
}
