/* oracle-steps.c: the oracle's generations of a schedule's step, the
 * comparisons of two images, and its generation loop.  A step's generation
 * changes and scales its copy with the codec's own jart_step_adjust and
 * jart_resize (which tests of their own check) around oracle.c's round
 * trip through libjpeg-turbo, and scales the result back; the loop
 * (OracleLoop, oracle_run) runs the generations one after another as the
 * codec's loop does, reporting each one's changed pixels and PSNR.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "oracle.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "images.h"

/* The image a generation of STEP encodes, from IN: a new tight image. */
static JartImage *
step_input (const JartImage *in, const JartStep *step)
{
  JartImage *adjusted = image_new (in->width, in->height, in->channels);
  JartImage *scaled;
  JartStatus status;
  int sw, sh;

  status = jart_step_adjust (step, in, adjusted);
  if (status != JART_OK)
    {
      fprintf (stderr, "oracle: jart_step_adjust: %s\n",
               jart_strerror (status));
      image_free (adjusted);
      return NULL;
    }
  jart_scaled_size (in->width, in->height, step->scale, &sw, &sh);
  if (sw == in->width && sh == in->height)
    return adjusted;
  scaled = image_new (sw, sh, in->channels);
  status = jart_resize (adjusted, scaled, step->filter);
  image_free (adjusted);
  if (status != JART_OK)
    {
      fprintf (stderr, "oracle: jart_resize: %s\n", jart_strerror (status));
      image_free (scaled);
      return NULL;
    }
  return scaled;
}

int
oracle_step_generation (Oracle *oracle, const JartImage *in, JartImage *out,
                        const JartSettings *settings, const JartStep *step,
                        int dx, int dy)
{
  JartSettings mode = *settings;
  JartImage *encoded = step_input (in, step);
  JartImage *decoded;
  int status;

  if (!encoded)
    return -1;
  mode.subsampling = step->subsampling;
  decoded = image_new (encoded->width, encoded->height, encoded->channels);
  if (step->quality == 0)
    status = oracle_generation_tables (
        oracle, encoded, decoded, &mode,
        (const uint16_t (*)[64])settings->tables, dx, dy);
  else
    status = oracle_generation (oracle, encoded, decoded, &mode, step->quality,
                                dx, dy);
  if (status == 0)
    {
      JartImage *grown = image_new (in->width, in->height, in->channels);
      int colours = in->channels >= 3 ? 3 : 1;

      if (jart_resize (decoded, grown, step->filter) != JART_OK)
        status = -1;
      for (int y = 0; y < in->height && status == 0; y++)
        for (int x = 0; x < in->width; x++)
          {
            const uint8_t *g = grown->pixels + (size_t)y * grown->stride
                               + (size_t)x * in->channels;
            const uint8_t *a = in->pixels + (size_t)y * in->stride
                               + (size_t)x * in->channels;
            uint8_t *o = out->pixels + (size_t)y * out->stride
                         + (size_t)x * in->channels;

            memcpy (o, g, (size_t)colours);
            if (in->channels > colours)
              o[colours] = a[colours];
          }
      image_free (grown);
    }
  image_free (encoded);
  image_free (decoded);
  return status;
}

/* oracle_step_jpeg_size through ROUTE (for a quality). */
static int
step_jpeg_size (Oracle *oracle, const JartImage *in,
                const JartSettings *settings, const JartStep *step, int dx,
                int dy, int optimize, OracleRoute route, unsigned long *size)
{
  JartSettings mode = *settings;
  JartImage *encoded = step_input (in, step);
  int status;

  if (!encoded)
    return -1;
  mode.subsampling = step->subsampling;
  if (step->quality == 0)
    status = oracle_jpeg_size_tables (oracle, encoded, &mode,
                                      (const uint16_t (*)[64])settings->tables,
                                      dx, dy, optimize, size);
  else
    status = oracle_jpeg_size (oracle, encoded, &mode, step->quality, dx, dy,
                               optimize, route, size);
  image_free (encoded);
  return status;
}

int
oracle_step_jpeg_size (Oracle *oracle, const JartImage *in,
                       const JartSettings *settings, const JartStep *step,
                       int dx, int dy, int optimize, unsigned long *size)
{
  return step_jpeg_size (oracle, in, settings, step, dx, dy, optimize,
                         ORACLE_ROUTE_AUTO, size);
}

uint64_t
oracle_changed_pixels (const JartImage *a, const JartImage *b)
{
  int colours = a->channels >= 3 ? 3 : 1;
  uint64_t changed = 0;

  for (int y = 0; y < a->height; y++)
    {
      const uint8_t *ra = a->pixels + (size_t)y * a->stride;
      const uint8_t *rb = b->pixels + (size_t)y * b->stride;
      for (int x = 0; x < a->width; x++)
        if (memcmp (ra + (size_t)x * a->channels, rb + (size_t)x * b->channels,
                    colours)
            != 0)
          changed++;
    }
  return changed;
}

double
oracle_psnr (const JartImage *a, const JartImage *b)
{
  int colours = a->channels >= 3 ? 3 : 1;
  uint64_t sum = 0;

  for (int y = 0; y < a->height; y++)
    {
      const uint8_t *ra = a->pixels + (size_t)y * a->stride;
      const uint8_t *rb = b->pixels + (size_t)y * b->stride;
      for (int x = 0; x < a->width; x++)
        for (int c = 0; c < colours; c++)
          {
            int d = ra[(size_t)x * a->channels + c]
                    - rb[(size_t)x * b->channels + c];
            sum += (uint64_t)(d * d);
          }
    }
  if (sum == 0)
    return INFINITY;
  return 10.0
         * log10 (255.0 * 255.0 * (double)a->width * a->height * colours
                  / (double)sum);
}

struct OracleLoop
{
  Oracle *oracle;
  const JartImage *src;
  JartSettings settings;
  JartImage *current; /* the last generation's output */
  JartImage *next;    /* after a step: that generation's input */
  int generation;
  JartStep step; /* the last generation's step (with a schedule) */
  int quality, dx, dy;
  uint64_t changed; /* the last generation's report: changed pixels */
  double psnr;      /* and PSNR */
};

int
oracle_same_step (const JartStep *a, const JartStep *b)
{
  return a->quality == b->quality && a->subsampling == b->subsampling
         && a->scale == b->scale && a->filter == b->filter
         && a->saturation == b->saturation && a->contrast == b->contrast
         && a->sharpen == b->sharpen;
}

/* Generation G = LOOP->generation with REPORT's quality and offset (and
 * STEP, with a schedule) is the one before it again: that one changed no
 * pixel, so G's input is the previous generation's, and G encodes with the
 * same quality, offset and step.  libjpeg-turbo gives the same output for
 * the same input: its output is the previous one, with no library call
 * (runs past their fixed point, fixed-point's thousand generations). */
static int
repeats_last (const OracleLoop *loop, const JartGenerationReport *report,
              const JartStep *step)
{
  return loop->generation >= 2 && loop->changed == 0
         && report->quality == loop->quality && report->dx == loop->dx
         && report->dy == loop->dy
         && (loop->settings.n_steps == 0
             || oracle_same_step (step, &loop->step));
}

OracleLoop *
oracle_loop_new (Oracle *oracle, const JartImage *src,
                 const JartSettings *settings)
{
  OracleLoop *loop = malloc (sizeof *loop);

  if (!loop)
    return NULL;
  loop->oracle = oracle;
  loop->src = src;
  loop->settings = *settings;
  loop->current = image_copy (src);
  loop->next = image_new (src->width, src->height, src->channels);
  loop->generation = 0;
  loop->changed = 0;
  loop->psnr = 0.0;
  return loop;
}

void
oracle_loop_free (OracleLoop *loop)
{
  if (!loop)
    return;
  image_free (loop->current);
  image_free (loop->next);
  free (loop);
}

int
oracle_loop_step (OracleLoop *loop, JartGenerationReport *report,
                  const JartImage **pixels)
{
  JartStep step = { 0 };
  JartImage *swap;
  int status, repeat;

  report->generation = ++loop->generation;
  report->step = -1;
  report->encoded_width = loop->src->width;
  report->encoded_height = loop->src->height;
  if (loop->settings.n_steps > 0)
    {
      int n = loop->settings.n_steps;

      jart_schedule_step (&loop->settings, report->generation, &step,
                          &report->dx, &report->dy);
      report->quality = step.quality;
      report->step = (report->generation < n ? report->generation : n) - 1;
      jart_scaled_size (loop->src->width, loop->src->height, step.scale,
                        &report->encoded_width, &report->encoded_height);
    }
  else
    jart_schedule (&loop->settings, report->generation, &report->quality,
                   &report->dx, &report->dy);
  repeat = repeats_last (loop, report, &step);
  if (repeat)
    {
      /* The input (and so the output) of the generation before. */
      for (int y = 0; y < loop->src->height; y++)
        memcpy (loop->next->pixels + (size_t)y * loop->next->stride,
                loop->current->pixels + (size_t)y * loop->current->stride,
                (size_t)loop->src->width * loop->src->channels);
      status = 0;
    }
  else if (loop->settings.n_steps > 0)
    status = oracle_step_generation (loop->oracle, loop->current, loop->next,
                                     &loop->settings, &step, report->dx,
                                     report->dy);
  else
    status = oracle_generation (loop->oracle, loop->current, loop->next,
                                &loop->settings, report->quality, report->dx,
                                report->dy);
  if (loop->settings.n_steps > 0)
    loop->step = step;
  loop->quality = report->quality;
  loop->dx = report->dx;
  loop->dy = report->dy;
  if (status != 0)
    return status;
  if (!repeat)
    {
      loop->changed = oracle_changed_pixels (loop->current, loop->next);
      loop->psnr = oracle_psnr (loop->src, loop->next);
    }
  report->changed_pixels = loop->changed;
  report->psnr = loop->psnr;
  swap = loop->current;
  loop->current = loop->next;
  loop->next = swap;
  *pixels = loop->current;
  return 0;
}

int
oracle_loop_check_encoding (OracleLoop *loop)
{
  unsigned long size;

  if (loop->generation == 0)
    return 0;
  if (loop->settings.n_steps > 0)
    return step_jpeg_size (loop->oracle, loop->next, &loop->settings,
                           &loop->step, loop->dx, loop->dy, 1,
                           ORACLE_ROUTE_LIBJPEG, &size);
  return oracle_jpeg_size (loop->oracle, loop->next, &loop->settings,
                           loop->quality, loop->dx, loop->dy, 1,
                           ORACLE_ROUTE_LIBJPEG, &size);
}

int
oracle_run (Oracle *oracle, const JartImage *src, const JartSettings *settings,
            int generations, OracleGenerationFunc func, void *user_data,
            JartImage *final)
{
  OracleLoop *loop = oracle_loop_new (oracle, src, settings);
  const JartImage *pixels;
  int status = 0;

  if (!loop)
    return -1;
  pixels = loop->current;

  for (int g = 1; g <= generations; g++)
    {
      JartGenerationReport report;

      if ((status = oracle_loop_step (loop, &report, &pixels)) != 0)
        break;
      if (func && func (&report, pixels, user_data) != 0)
        break;
    }
  if (status == 0 && final)
    for (int y = 0; y < src->height; y++)
      memcpy (final->pixels + (size_t)y * final->stride,
              pixels->pixels + (size_t)y * pixels->stride,
              (size_t)src->width * src->channels);
  oracle_loop_free (loop);
  return status;
}
