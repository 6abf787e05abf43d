/* resize.c: scaling an image with a separable filter (jart_resize), the
 * way a step of a schedule shrinks its copy and grows it back.
 *
 * The columns are scaled first, then the rows.  For one axis of IN samples
 * scaled to OUT, f = IN / OUT, output sample i is centred on the input
 * position (i + 0.5) f - 0.5.  The filter is widened by max (f, 1): when
 * shrinking its support covers f times as many input samples (as Pillow
 * and ImageMagick do), so that it averages instead of skipping.  Input
 * sample j then weighs K ((j - centre) / max (f, 1)), for the j with
 * |j + 0.5 - (i + 0.5) f| within the widened support (Pillow's window),
 * and only those inside the image: at its edges the window is cut and the
 * weights normalised over what is left.  K is the triangle (support 1),
 * Keys' cubic with a = -0.5 (support 2) or Lanczos 3 (sinc (x) sinc (x / 3),
 * support 3); nearest takes input sample floor ((i + 0.5) f), computed in
 * integers.  The weights are normalised to sum 1, rounded to 14 fraction
 * bits, and the rounding's residue is added to the largest of them (the
 * first, if several), so that each output's weights sum to exactly
 * 1 << 14.  They are computed once per call, for every output column and
 * row.
 *
 * A sample is the sum of weight times input sample in 32-bit integers,
 * rounded as (sum + 8192) >> 14 and clamped to 0..255; the columns' pass
 * is rounded so, to 8 bits, before the rows' pass reads it.  Every channel
 * is scaled alike, alpha too.  An axis whose length does not change is
 * copied as it is.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "jart-private.h"

#define WEIGHT_BITS 14 /* the weights' fraction bits (jart.h: 14-bit) */
#define WEIGHT_ONE (1 << WEIGHT_BITS)

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

/* The weights of one axis: output I reads COUNT[I] input samples from
 * START[I] on, with WEIGHTS[I * TAPS ...]. */
typedef struct
{
  int taps;
  int *start;
  int *count;
  int32_t *weights;
} Axis;

static double
filter_support (JartFilter filter)
{
  switch (filter)
    {
    case JART_FILTER_BILINEAR:
      return 1.0;
    case JART_FILTER_BICUBIC:
      return 2.0;
    case JART_FILTER_LANCZOS:
      return 3.0;
    case JART_FILTER_NEAREST:
    default:
      return 0.5;
    }
}

static double
sinc (double x)
{
  if (x == 0.0)
    return 1.0;
  x *= M_PI;
  return sin (x) / x;
}

static double
filter_value (JartFilter filter, double x)
{
  const double a = -0.5;

  x = fabs (x);
  switch (filter)
    {
    case JART_FILTER_BILINEAR:
      return x < 1.0 ? 1.0 - x : 0.0;
    case JART_FILTER_BICUBIC:
      if (x < 1.0)
        return ((a + 2.0) * x - (a + 3.0)) * x * x + 1.0;
      if (x < 2.0)
        return ((a * x - 5.0 * a) * x + 8.0 * a) * x - 4.0 * a;
      return 0.0;
    case JART_FILTER_LANCZOS:
      return x < 3.0 ? sinc (x) * sinc (x / 3.0) : 0.0;
    case JART_FILTER_NEAREST:
    default:
      return x <= 0.5 ? 1.0 : 0.0;
    }
}

/* The most input samples one output of IN -> OUT reads. */
static int
axis_taps (int in, int out, JartFilter filter)
{
  double f = (double)in / (double)out;
  double support = filter_support (filter) * (f > 1.0 ? f : 1.0);

  if (filter == JART_FILTER_NEAREST)
    return 1;
  return (int)ceil (2.0 * support) + 2;
}

static size_t
axis_memory (int in, int out, JartFilter filter)
{
  size_t taps = (size_t)axis_taps (in, out, filter);

  return (size_t)out * (2 * sizeof (int) + taps * sizeof (int32_t))
         + taps * sizeof (double);
}

static void
axis_free (Axis *axis)
{
  free (axis->start);
  free (axis->count);
  free (axis->weights);
  memset (axis, 0, sizeof *axis);
}

static JartStatus
axis_init (Axis *axis, int in, int out, JartFilter filter)
{
  const double f = (double)in / (double)out;
  const double scale = f > 1.0 ? f : 1.0;
  const double support = filter_support (filter) * scale;
  double *w;
  int i, k;

  axis->taps = axis_taps (in, out, filter);
  axis->start = malloc ((size_t)out * sizeof (int));
  axis->count = malloc ((size_t)out * sizeof (int));
  axis->weights = malloc ((size_t)out * (size_t)axis->taps * sizeof (int32_t));
  w = malloc ((size_t)axis->taps * sizeof (double));
  if (axis->start == NULL || axis->count == NULL || axis->weights == NULL
      || w == NULL)
    {
      free (w);
      axis_free (axis);
      return JART_ERROR_NO_MEMORY;
    }
  for (i = 0; i < out; i++)
    {
      int32_t *fixed = axis->weights + (size_t)i * axis->taps;
      double centre = (i + 0.5) * f, total = 0.0;
      int first, end, n, sum = 0, largest = 0;

      if (filter == JART_FILTER_NEAREST)
        {
          /* floor ((i + 0.5) in / out), exactly. */
          first = (int)(((2 * (int64_t)i + 1) * in) / (2 * (int64_t)out));
          axis->start[i] = first < in ? first : in - 1;
          axis->count[i] = 1;
          fixed[0] = WEIGHT_ONE;
          continue;
        }
      first = (int)floor (centre - support + 0.5);
      end = (int)floor (centre + support + 0.5);
      first = first < 0 ? 0 : first;
      end = end > in ? in : end;
      n = end - first;
      if (n > axis->taps)
        n = axis->taps;
      for (k = 0; k < n; k++)
        {
          w[k] = filter_value (filter, (first + k + 0.5 - centre) / scale);
          total += w[k];
        }
      axis->start[i] = first;
      axis->count[i] = n;
      if (n < 1 || !(total > 0.0))
        {
          /* No weight left (cannot happen with these filters): the
             nearest sample. */
          int nearest = (int)floor (centre);

          axis->start[i] = nearest < in ? nearest : in - 1;
          axis->count[i] = 1;
          fixed[0] = WEIGHT_ONE;
          continue;
        }
      for (k = 0; k < n; k++)
        {
          fixed[k] = (int32_t)lround (w[k] / total * WEIGHT_ONE);
          sum += fixed[k];
          if (fixed[k] > fixed[largest])
            largest = k;
        }
      fixed[largest] += WEIGHT_ONE - sum;
    }
  free (w);
  return JART_OK;
}

static inline uint8_t
descale (int32_t sum)
{
  sum += WEIGHT_ONE / 2;
  if (sum < 0)
    return 0;
  sum >>= WEIGHT_BITS;
  return (uint8_t)(sum > 255 ? 255 : sum);
}

/* The columns' pass: ROWS rows of IN (IN_STRIDE bytes apart) to the
 * widths AXIS gives, into OUT. */
static void
scale_columns (const uint8_t *in, size_t in_stride, int rows, int channels,
               const Axis *axis, int out_width, uint8_t *out,
               size_t out_stride)
{
  int y, x, k, c;

  for (y = 0; y < rows; y++)
    {
      const uint8_t *row = in + (size_t)y * in_stride;
      uint8_t *dst = out + (size_t)y * out_stride;

      for (x = 0; x < out_width; x++)
        {
          const int32_t *w = axis->weights + (size_t)x * axis->taps;
          const uint8_t *p = row + (size_t)axis->start[x] * channels;
          int n = axis->count[x];

          for (c = 0; c < channels; c++)
            {
              int32_t sum = 0;

              for (k = 0; k < n; k++)
                sum += w[k] * p[(size_t)k * channels + c];
              dst[(size_t)x * channels + c] = descale (sum);
            }
        }
    }
}

/* The rows' pass: IN to the heights AXIS gives, rows of SAMPLES bytes,
 * with ACC scratch of SAMPLES sums. */
static void
scale_rows (const uint8_t *in, size_t in_stride, size_t samples,
            const Axis *axis, int out_height, uint8_t *out, size_t out_stride,
            int32_t *acc)
{
  int y, k;
  size_t s;

  for (y = 0; y < out_height; y++)
    {
      const int32_t *w = axis->weights + (size_t)y * axis->taps;
      uint8_t *dst = out + (size_t)y * out_stride;

      memset (acc, 0, samples * sizeof *acc);
      for (k = 0; k < axis->count[y]; k++)
        {
          const uint8_t *row = in + (size_t)(axis->start[y] + k) * in_stride;
          int32_t weight = w[k];

          for (s = 0; s < samples; s++)
            acc[s] += weight * row[s];
        }
      for (s = 0; s < samples; s++)
        dst[s] = descale (acc[s]);
    }
}

size_t
jart_resize_memory (int src_w, int src_h, int dst_w, int dst_h, int channels,
                    JartFilter filter)
{
  size_t bytes = 0;

  if (src_w != dst_w)
    bytes += axis_memory (src_w, dst_w, filter);
  if (src_h != dst_h)
    bytes += axis_memory (src_h, dst_h, filter)
             + (size_t)dst_w * (size_t)channels * sizeof (int32_t);
  if (src_w != dst_w && src_h != dst_h)
    bytes += (size_t)src_h * (size_t)dst_w * (size_t)channels;
  return bytes;
}

/* SIDE * SCALE rounded to the nearest, at most SIDE, at least 1; SIDE
 * itself for a SCALE of 1 or more (or NaN).  The rounded product is
 * compared before it becomes an int: it may be NaN (0 x infinity). */
static int
scaled_side (int side, double scale)
{
  double s = floor ((double)side * scale + 0.5);

  if (!(scale < 1.0) || !(s < side))
    s = side;
  return s < 1.0 ? 1 : (int)s;
}

void
jart_scaled_size (int width, int height, double scale, int *out_width,
                  int *out_height)
{
  if (out_width != NULL)
    *out_width = scaled_side (width, scale);
  if (out_height != NULL)
    *out_height = scaled_side (height, scale);
}

JartStatus
jart_resize (const JartImage *src, JartImage *dst, JartFilter filter)
{
  const int channels = src != NULL ? src->channels : 0;
  const size_t samples
      = dst != NULL ? (size_t)dst->width * (size_t)channels : 0;
  Axis columns, rows;
  uint8_t *middle = NULL;
  int32_t *acc = NULL;
  JartStatus status;
  int y;

  if (src == NULL || dst == NULL)
    return JART_ERROR_NULL;
  if ((status = jart_image_check (src)) != JART_OK
      || (status = jart_image_check (dst)) != JART_OK)
    return status;
  if (dst->channels != src->channels)
    return JART_ERROR_CHANNELS;
  if ((int)filter < JART_FILTER_NEAREST || (int)filter > JART_FILTER_LANCZOS)
    return JART_ERROR_FILTER;
  if (jart_images_overlap (src, dst))
    return JART_ERROR_OVERLAP;

  memset (&columns, 0, sizeof columns);
  memset (&rows, 0, sizeof rows);
  if (src->width == dst->width && src->height == dst->height)
    {
      for (y = 0; y < src->height; y++)
        memcpy (dst->pixels + (size_t)y * dst->stride,
                src->pixels + (size_t)y * src->stride, samples);
      return JART_OK;
    }
  if (src->width != dst->width
      && (status = axis_init (&columns, src->width, dst->width, filter))
             != JART_OK)
    return status;
  if (src->height != dst->height)
    {
      status = axis_init (&rows, src->height, dst->height, filter);
      acc = malloc (samples * sizeof *acc);
      if (status == JART_OK && acc == NULL)
        status = JART_ERROR_NO_MEMORY;
    }
  if (status == JART_OK && src->width != dst->width
      && src->height != dst->height)
    {
      middle = malloc ((size_t)src->height * samples);
      if (middle == NULL)
        status = JART_ERROR_NO_MEMORY;
    }

  if (status == JART_OK)
    {
      if (src->height == dst->height)
        scale_columns (src->pixels, src->stride, src->height, channels,
                       &columns, dst->width, dst->pixels, dst->stride);
      else if (src->width == dst->width)
        scale_rows (src->pixels, src->stride, samples, &rows, dst->height,
                    dst->pixels, dst->stride, acc);
      else
        {
          scale_columns (src->pixels, src->stride, src->height, channels,
                         &columns, dst->width, middle, samples);
          scale_rows (middle, samples, samples, &rows, dst->height,
                      dst->pixels, dst->stride, acc);
        }
    }
  free (middle);
  free (acc);
  axis_free (&columns);
  axis_free (&rows);
  return status;
}
