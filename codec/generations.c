/* generations.c: the generation loop behind jart_run, with its checks,
 * reports and cancellation.
 *
 * Each generation encodes and decodes the previous one's output in place
 * (roundtrip.c) with the quality and grid offset of the drift schedule
 * (schedule.c).  The working image keeps the source's interleaved layout;
 * alpha is copied from the source and never changes.  The PSNR's squared
 * error is kept up to date from what each generation changed.  The
 * destination must be untouched after an error or a cancel: with any
 * callback the loop works on an image of its own and writes the
 * destination once, after the last generation; without callbacks nothing
 * can fail or cancel once the run has its memory, so the destination
 * itself is the working image (the first generation reads the source and
 * writes it, row by row in an order that allows the two to be one).  Without
 * drift a generation that changes no pixel is a fixed point: every later one
 * would be identical, so the loop may stop there.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "jart-private.h"

void
jart_settings_init (JartSettings *settings)
{
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

JartStatus
jart_settings_check (const JartSettings *s)
{
  if (s == NULL)
    return JART_ERROR_NULL;
  if (s->quality < JART_QUALITY_MIN || s->quality > JART_QUALITY_MAX)
    return JART_ERROR_QUALITY;
  if (s->generations < JART_GENERATIONS_MIN
      || s->generations > JART_GENERATIONS_MAX)
    return JART_ERROR_GENERATIONS;
  if ((int)s->subsampling < JART_SUBSAMPLING_444
      || (int)s->subsampling > JART_SUBSAMPLING_411)
    return JART_ERROR_SUBSAMPLING;
  if (s->dct != JART_DCT_ACCURATE && s->dct != JART_DCT_FAST)
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
  return JART_OK;
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

/* Everything one run owns. */
typedef struct
{
  const JartImage *src;
  int colors; /* 1 or 3 */
  size_t npixels;
  uint8_t *frame; /* interleaved pixels for generation_done */
  JartWork work;
} Run;

static void
run_free (Run *run)
{
  free (run->frame);
  jart_work_free (&run->work);
}

static double
psnr_of (uint64_t sse, size_t samples)
{
  if (sse == 0)
    return INFINITY;
  return 10.0 * log10 (255.0 * 255.0 * (double)samples / (double)sse);
}

static JartStatus
run_check (const JartImage *src, const JartImage *dst,
           const JartSettings *settings)
{
  JartStatus status;

  if (src == NULL || dst == NULL || settings == NULL)
    return JART_ERROR_NULL;
  if ((status = jart_image_check (src)) != JART_OK
      || (status = jart_image_check (dst)) != JART_OK)
    return status;
  if (dst->width != src->width || dst->height != src->height)
    return JART_ERROR_SIZE;
  if (dst->channels != src->channels)
    return JART_ERROR_CHANNELS;
  return jart_settings_check (settings);
}

static JartStatus
run_allocate (Run *run, JartImage *dst, const JartSettings *settings,
              const JartCallbacks *callbacks)
{
  const JartImage *src = run->src;

  if (callbacks->generation_done != NULL)
    {
      run->frame = malloc (run->npixels * (size_t)src->channels);
      if (run->frame == NULL)
        return JART_ERROR_NO_MEMORY;
    }
  return jart_work_init (&run->work, src, dst, settings,
                         callbacks->generation_done != NULL);
}

JartStatus
jart_run (const JartImage *src, JartImage *dst, const JartSettings *settings,
          const JartCallbacks *callbacks, JartResult *result)
{
  static const JartCallbacks no_callbacks = { NULL, NULL, NULL, NULL };
  const JartCallbacks *cb = callbacks != NULL ? callbacks : &no_callbacks;
  JartResult res = { 0, 0 };
  JartStatus status;
  uint64_t sse = 0;
  int drift, g;
  Run run;

  if (result != NULL)
    *result = res;
  status = run_check (src, dst, settings);
  if (status != JART_OK)
    return status;

  memset (&run, 0, sizeof run);
  run.src = src;
  run.colors = src->channels >= 3 ? 3 : 1;
  run.npixels = (size_t)src->width * (size_t)src->height;
  status = run_allocate (
      &run, cb->generation_done || cb->progress || cb->cancel ? NULL : dst,
      settings, cb);
  if (status != JART_OK)
    {
      run_free (&run);
      return status;
    }
  drift = settings->quality_jitter > 0 || settings->grid_drift > 0;

  for (g = 1; g <= settings->generations; g++)
    {
      JartGenerationReport report;
      JartTripStats stats;
      JartTrack track;

      report.generation = g;
      jart_schedule (settings, g, &report.quality, &report.dx, &report.dy);
      /* Which MCUs changed matters only to a next generation at the same
       * quality and offset; whether any did, to the fixed point. */
      track = !drift && settings->stop_at_fixed_point ? JART_TRACK_ANY
                                                      : JART_TRACK_NONE;
      if (g < settings->generations)
        {
          int quality, dx, dy;

          jart_schedule (settings, g + 1, &quality, &dx, &dy);
          if (quality == report.quality && dx == report.dx && dy == report.dy)
            track = JART_TRACK_MCUS;
        }
      status
          = jart_round_trip (&run.work, report.quality, settings->dct,
                             report.dx, report.dy, track, cb->cancel, &stats);
      if (status != JART_OK)
        break;
      sse = (uint64_t)((int64_t)sse + stats.sse_delta);
      report.changed_pixels = stats.changed_pixels;
      report.psnr = psnr_of (sse, run.npixels * (size_t)run.colors);
      res.generations_run = g;

      if (cb->generation_done != NULL)
        {
          JartImage frame
              = { run.frame, src->width, src->height, src->channels,
                  (size_t)src->width * (size_t)src->channels };

          jart_work_output (&run.work, run.frame, frame.stride);
          if (cb->generation_done (&report, &frame, cb->user_data))
            status = JART_ERROR_CANCELLED;
        }
      if (status == JART_OK && cb->progress != NULL
          && cb->progress ((double)g / settings->generations, cb->user_data))
        status = JART_ERROR_CANCELLED;
      if (status == JART_OK && jart_cancel_requested (cb->cancel))
        status = JART_ERROR_CANCELLED;
      if (status != JART_OK)
        break;
      if (!stats.changed && !drift && settings->stop_at_fixed_point)
        {
          res.fixed_point = g;
          break;
        }
    }

  if (status == JART_OK)
    {
      jart_work_output (&run.work, dst->pixels, dst->stride);
      if (result != NULL)
        *result = res;
    }
  run_free (&run);
  return status;
}
