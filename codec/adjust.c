/* adjust.c: a step's colour changes (jart_step_adjust), saturation, then
 * contrast, then sharpening, in integer arithmetic so that every machine
 * gives the same pixels.
 *
 * Each amount x becomes X = lround (x * 65536), 16 fraction bits, and
 * every product is rounded by R (n, d) = floor ((2 n + d) / (2 d)), the
 * nearest integer to n / d with halves rounded up (towards +infinity),
 * computed exactly in 64 bits.  With c a colour channel of the pixel:
 * - saturation S (colour images only): with Y the pixel's JPEG luma
 *   (color.c's jart_rgb_to_y of its R'G'B'),
 *   c1 = clamp (Y + R (S (c - Y), 65536));
 * - contrast K: c2 = clamp (128 + R (K (c1 - 128), 65536));
 * - sharpening A, an unsharp mask against the 3x3 box mean of the c2
 *   values (the image's edge pixels repeated outside it): with s the sum
 *   of the nine, c3 = clamp (c2 + R (A (9 c2 - s), 9 * 65536));
 * clamp being to 0..255.  The neutral amounts (S = K = 65536, A = 0) give
 * c back exactly.  Alpha is copied.  The c2 values of three rows are kept
 * at a time.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "jart-private.h"

#define ONE 65536

/* floor (N / D) for D > 0. */
static inline int64_t
floor_div (int64_t n, int64_t d)
{
  int64_t q = n / d;

  return n % d != 0 && n < 0 ? q - 1 : q;
}

/* N / D rounded to the nearest integer, halves up; D > 0. */
static inline int64_t
round_div (int64_t n, int64_t d)
{
  return floor_div (2 * n + d, 2 * d);
}

static inline uint8_t
clamp_sample (int64_t v)
{
  return (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v);
}

/* An amount in 16 fraction bits. */
static int64_t
fixed_amount (double amount)
{
  return (int64_t)lround (amount * ONE);
}

static int
amount_ok (double amount)
{
  return amount >= 0.0 && amount <= JART_ADJUST_MAX;
}

int
jart_step_changes_colours (const JartStep *step, int channels)
{
  return (channels >= 3 && fixed_amount (step->saturation) != ONE)
         || fixed_amount (step->contrast) != ONE
         || fixed_amount (step->sharpen) != 0;
}

size_t
jart_adjust_memory (int width, int channels)
{
  return 3 * (size_t)width * (size_t)channels;
}

/* The amounts of one call. */
typedef struct
{
  const JartImage *src;
  int colors;
  int64_t saturation, contrast, sharpen;
  uint8_t *rows[3]; /* the c2 values of rows tag[k], k = y % 3 */
  int tag[3];
} Adjust;

/* Row Y of the source after saturation and contrast, alpha copied. */
static const uint8_t *
tone_row (Adjust *a, int y)
{
  const JartImage *src = a->src;
  const int channels = src->channels, colors = a->colors;
  const uint8_t *in = src->pixels + (size_t)y * src->stride;
  uint8_t *out = a->rows[y % 3];
  int x, c;

  if (a->tag[y % 3] == y)
    return out;
  a->tag[y % 3] = y;
  for (x = 0; x < src->width; x++, in += channels, out += channels)
    {
      int64_t v[3];

      if (colors == 3 && a->saturation != ONE)
        {
          int64_t luma = jart_rgb_to_y (in[0], in[1], in[2]);

          for (c = 0; c < 3; c++)
            v[c] = clamp_sample (
                luma + round_div (a->saturation * (in[c] - luma), ONE));
        }
      else
        for (c = 0; c < colors; c++)
          v[c] = in[c];
      for (c = 0; c < colors; c++)
        out[c] = a->contrast == ONE
                     ? (uint8_t)v[c]
                     : clamp_sample (
                         128 + round_div (a->contrast * (v[c] - 128), ONE));
      if (channels > colors)
        out[colors] = in[colors];
    }
  return a->rows[y % 3];
}

static inline int
clamp_index (int v, int high)
{
  return v < 0 ? 0 : v > high ? high : v;
}

JartStatus
jart_step_adjust (const JartStep *step, const JartImage *src, JartImage *dst)
{
  const size_t row_bytes
      = src != NULL ? (size_t)src->width * (size_t)src->channels : 0;
  JartStatus status;
  Adjust a;
  int x, y, c, k;

  if (step == NULL || src == NULL || dst == NULL)
    return JART_ERROR_NULL;
  if ((status = jart_image_pair_check (src, dst)) != JART_OK)
    return status;
  if (!amount_ok (step->saturation) || !amount_ok (step->contrast)
      || !amount_ok (step->sharpen))
    return JART_ERROR_ADJUST;
  if (jart_images_overlap (src, dst))
    return JART_ERROR_OVERLAP;

  memset (&a, 0, sizeof a);
  a.src = src;
  a.colors = src->channels >= 3 ? 3 : 1;
  a.saturation = fixed_amount (step->saturation);
  a.contrast = fixed_amount (step->contrast);
  a.sharpen = fixed_amount (step->sharpen);
  a.rows[0] = malloc (jart_adjust_memory (src->width, src->channels));
  if (a.rows[0] == NULL)
    return JART_ERROR_NO_MEMORY;
  for (k = 0; k < 3; k++)
    {
      a.rows[k] = a.rows[0] + (size_t)k * row_bytes;
      a.tag[k] = -1;
    }

  for (y = 0; y < src->height; y++)
    {
      uint8_t *out = dst->pixels + (size_t)y * dst->stride;
      const uint8_t *above, *here, *below;
      const int last = src->width - 1, step_bytes = src->channels;

      if (a.sharpen == 0)
        {
          memcpy (out, tone_row (&a, y), row_bytes);
          continue;
        }
      /* Below first: computing it may reuse the slot of the row two
         above, never one of these three. */
      below = tone_row (&a, clamp_index (y + 1, src->height - 1));
      here = tone_row (&a, y);
      above = tone_row (&a, clamp_index (y - 1, src->height - 1));
      for (x = 0; x < src->width; x++)
        {
          const size_t l = (size_t)clamp_index (x - 1, last) * step_bytes;
          const size_t m = (size_t)x * step_bytes;
          const size_t r = (size_t)clamp_index (x + 1, last) * step_bytes;

          for (c = 0; c < a.colors; c++)
            {
              int64_t sum = above[l + c] + above[m + c] + above[r + c]
                            + here[l + c] + here[m + c] + here[r + c]
                            + below[l + c] + below[m + c] + below[r + c];
              int64_t v = here[m + c];

              out[m + c] = clamp_sample (
                  v + round_div (a.sharpen * (9 * v - sum), 9 * ONE));
            }
          if (src->channels > a.colors)
            out[m + a.colors] = here[m + a.colors];
        }
    }
  free (a.rows[0]);
  return JART_OK;
}
