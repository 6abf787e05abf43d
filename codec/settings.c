/* settings.c: the defaults of JartSettings and the checks of settings and
 * images that every public entry point runs before it touches a pixel
 * (jart_run, jart_jpeg_size, jart_resize, jart_step_adjust, jart_ssim).
 * A check returns the code of the first bad field, in the order jart.h
 * lists the fields; the limits are jart.h's JART_*_MIN and JART_*_MAX.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "jart-private.h"

void
jart_settings_init (JartSettings *settings)
{
  if (settings == NULL)
    return;
  memset (settings, 0, sizeof *settings);
  settings->quality = 75;
  settings->generations = 1;
  settings->subsampling = JART_SUBSAMPLING_420;
  settings->dct = JART_DCT_ACCURATE;
  settings->stop_at_fixed_point = 1;
  settings->background[0] = 255;
  settings->background[1] = 255;
  settings->background[2] = 255;
}

static int
amount_ok (double amount)
{
  return amount >= 0.0 && amount <= JART_ADJUST_MAX;
}

/* The code of STEP's first bad field. */
static JartStatus
step_check (const JartStep *step)
{
  if (step->quality < 0 || step->quality > JART_QUALITY_MAX)
    return JART_ERROR_QUALITY;
  if ((int)step->subsampling < JART_SUBSAMPLING_444
      || (int)step->subsampling > JART_SUBSAMPLING_411)
    return JART_ERROR_SUBSAMPLING;
  if (!(step->scale >= JART_SCALE_MIN && step->scale <= 1.0))
    return JART_ERROR_SCALE;
  if ((int)step->filter < JART_FILTER_NEAREST
      || (int)step->filter > JART_FILTER_LANCZOS)
    return JART_ERROR_FILTER;
  if (!amount_ok (step->saturation) || !amount_ok (step->contrast)
      || !amount_ok (step->sharpen))
    return JART_ERROR_ADJUST;
  return JART_OK;
}

JartStatus
jart_steps_check (const JartSettings *s)
{
  JartStatus status;
  int i;

  if (s->n_steps < 0 || s->n_steps > JART_STEPS_MAX)
    return JART_ERROR_STEPS;
  for (i = 0; i < s->n_steps; i++)
    if ((status = step_check (&s->steps[i])) != JART_OK)
      return status;
  return JART_OK;
}

JartStatus
jart_settings_check (const JartSettings *s)
{
  JartStatus status;
  int i, tables = 0, schedule;

  if (s == NULL)
    return JART_ERROR_NULL;
  /* A schedule's steps have their own quality and subsampling: the
     settings' are ignored then, whatever they hold. */
  schedule = s->n_steps > 0 && s->n_steps <= JART_STEPS_MAX;
  if (!schedule
      && (s->quality < JART_QUALITY_MIN || s->quality > JART_QUALITY_MAX))
    return JART_ERROR_QUALITY;
  if (s->generations < JART_GENERATIONS_MIN
      || s->generations > JART_GENERATIONS_MAX)
    return JART_ERROR_GENERATIONS;
  if (!schedule
      && ((int)s->subsampling < JART_SUBSAMPLING_444
          || (int)s->subsampling > JART_SUBSAMPLING_411))
    return JART_ERROR_SUBSAMPLING;
  if ((int)s->dct < JART_DCT_ACCURATE || (int)s->dct > JART_DCT_FLOAT)
    return JART_ERROR_DCT;
  if (s->quality_jitter < 0 || s->quality_jitter > JART_QUALITY_JITTER_MAX)
    return JART_ERROR_JITTER;
  if (s->grid_drift < 0 || s->grid_drift > JART_GRID_DRIFT_MAX)
    return JART_ERROR_DRIFT;
  if (s->anchor_x < 0 || s->anchor_x > JART_GRID_ANCHOR_MAX || s->anchor_y < 0
      || s->anchor_y > JART_GRID_ANCHOR_MAX)
    return JART_ERROR_ANCHOR;
  if (s->threads < 0 || s->threads > JART_THREADS_MAX)
    return JART_ERROR_THREADS;
  if (!jart_kernels_available (s->kernels))
    return JART_ERROR_KERNELS;
  if ((status = jart_steps_check (s)) != JART_OK)
    return status;
  for (i = 0; i < s->n_steps; i++)
    tables |= s->steps[i].quality == 0;
  for (i = 0; tables && i < 2 * 64; i++)
    if (s->tables[i / 64][i % 64] < 1
        || s->tables[i / 64][i % 64] > JART_TABLE_VALUE_MAX)
      return JART_ERROR_TABLES;
  for (i = 0; tables && s->cr_own_table && i < 64; i++)
    if (s->cr_table[i] < 1 || s->cr_table[i] > JART_TABLE_VALUE_MAX)
      return JART_ERROR_TABLES;
  if ((int)s->decode < JART_DECODE_VIEWERS
      || (int)s->decode > JART_DECODE_GIMP)
    return JART_ERROR_DECODE;
  if (s->sizes & ~JART_SIZES_ALL)
    return JART_ERROR_CODING;
  return JART_OK;
}

int
jart_flatten_background (const JartSettings *settings, int channels,
                         uint8_t bg[3])
{
  if (channels >= 3)
    memcpy (bg, settings->background, 3);
  else
    bg[0] = jart_rgb_to_y (settings->background[0], settings->background[1],
                           settings->background[2]);
  return settings->flatten && (channels == 2 || channels == 4);
}

JartStatus
jart_image_check (const JartImage *image)
{
  if (image == NULL || image->pixels == NULL)
    return JART_ERROR_NULL;
  if (image->width < 1 || image->width > JART_MAX_DIMENSION
      || image->height < 1 || image->height > JART_MAX_DIMENSION)
    return JART_ERROR_SIZE;
  if (image->channels < 1 || image->channels > 4)
    return JART_ERROR_CHANNELS;
  if (image->stride < (size_t)image->width * (size_t)image->channels)
    return JART_ERROR_STRIDE;
  return JART_OK;
}

int
jart_images_overlap (const JartImage *a, const JartImage *b)
{
  const uintptr_t a0 = (uintptr_t)a->pixels, b0 = (uintptr_t)b->pixels;
  const uintptr_t a1 = a0 + (uintptr_t)(a->height - 1) * a->stride
                       + (uintptr_t)a->width * (uintptr_t)a->channels;
  const uintptr_t b1 = b0 + (uintptr_t)(b->height - 1) * b->stride
                       + (uintptr_t)b->width * (uintptr_t)b->channels;

  return a0 < b1 && b0 < a1;
}

JartStatus
jart_image_pair_check (const JartImage *a, const JartImage *b)
{
  JartStatus status;

  if ((status = jart_image_check (a)) != JART_OK
      || (status = jart_image_check (b)) != JART_OK)
    return status;
  if (a->width != b->width || a->height != b->height)
    return JART_ERROR_SIZE;
  if (a->channels != b->channels)
    return JART_ERROR_CHANNELS;
  return JART_OK;
}
