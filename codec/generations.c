/* generations.c: the generation loop behind jart_run, with its reports
 * and cancellation, and jart_memory_needed, which adds up what a run
 * allocates (the work's buffers, work.c, and a schedule's frames).
 *
 * Each generation encodes and decodes the previous one's output in place
 * (roundtrip.c) with the quality, grid offset and step drift.c gives it,
 * after the checks of settings.c.  The working image keeps the source's
 * interleaved layout; alpha is copied from the source and never changes.  The
 * PSNR's squared error is kept up to date from what each generation changed.
 * The destination must be untouched after an error or a cancel: with any
 * callback the loop works on an image of its own and writes the
 * destination once, after the last generation; without callbacks nothing
 * can fail or cancel once the run has its memory, so the destination
 * itself is the working image (the first generation reads the source and
 * writes it, row by row in an order that allows the two to be one), and
 * so it is for jart_run_in_dst, whose caller waives the promise.  Without
 * drift a generation that changes no pixel is a fixed point: every later one
 * would be identical, so the loop may stop there.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"

/* Everything one run owns. */
typedef struct
{
  const JartImage *src;
  const JartSettings *settings;
  int colors; /* 1 or 3 */
  size_t npixels;
  JartWork work;
  /* With a schedule: */
  uint8_t *next;    /* the second frame, tight */
  uint8_t *small;   /* the scaled copy, room for the largest step's */
  JartStats *stats; /* with settings->statistics and a report to fill */
} Run;

static void
run_free (Run *run)
{
  free (run->next);
  free (run->small);
  jart_stats_free (run->stats);
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
  if ((status = jart_image_pair_check (src, dst)) != JART_OK)
    return status;
  return jart_settings_check (settings);
}

/* The largest scaled copy of SETTINGS's steps for WIDTH x HEIGHT, in
 * pixels (0 when none scales), and the most bytes one step's colour
 * changes and scaling allocate. */
static void
schedule_needs (int width, int height, int channels,
                const JartSettings *settings, size_t *small, size_t *scratch)
{
  int n = settings->n_steps < JART_STEPS_MAX ? settings->n_steps
                                             : JART_STEPS_MAX;
  int i, sw, sh;

  *small = *scratch = 0;
  for (i = 0; i < n; i++)
    {
      const JartStep *step = &settings->steps[i];
      size_t bytes = 0, grow;

      if (jart_step_changes_colours (step, channels))
        bytes = jart_adjust_memory (width, channels);
      jart_scaled_size (width, height, step->scale, &sw, &sh);
      if (sw != width || sh != height)
        {
          JartFilter filter
              = (int)step->filter >= JART_FILTER_NEAREST
                        && (int)step->filter <= JART_FILTER_LANCZOS
                    ? step->filter
                    : JART_FILTER_LANCZOS;

          if ((size_t)sw * (size_t)sh > *small)
            *small = (size_t)sw * (size_t)sh;
          bytes = jart_resize_memory (width, height, sw, sh, channels, filter);
          grow = jart_resize_memory (sw, sh, width, height, channels, filter);
          bytes = bytes > grow ? bytes : grow;
          if (jart_step_changes_colours (step, channels)
              && jart_adjust_memory (width, channels) > bytes)
            bytes = jart_adjust_memory (width, channels);
        }
      if (bytes > *scratch)
        *scratch = bytes;
    }
}

/* The bytes a run with a schedule (SETTINGS->n_steps > 0) allocates
 * besides the work: the frames and scaled copies of its steps. */
static size_t
schedule_memory (int width, int height, int channels,
                 const JartSettings *settings)
{
  size_t frame = (size_t)width * (size_t)height * (size_t)channels;
  size_t small, scratch;

  schedule_needs (width, height, channels, settings, &small, &scratch);
  /* The working image (always the run's own) and the second frame. */
  return 2 * frame + small * (size_t)channels + scratch;
}

size_t
jart_memory_needed (int width, int height, int channels,
                    const JartSettings *settings)
{
  if (width < 1 || width > JART_MAX_DIMENSION || height < 1
      || height > JART_MAX_DIMENSION || channels < 1 || channels > 4
      || settings == NULL || jart_settings_check (settings) != JART_OK)
    return 0;
  return jart_work_memory (width, height, channels, settings)
         + (settings->statistics
                ? jart_stats_memory (width, height, channels, settings)
                : 0)
         + (settings->n_steps > 0
                ? schedule_memory (width, height, channels, settings)
                : 0);
}

static JartStatus
run_allocate (Run *run, JartImage *dst, const JartSettings *settings,
              const JartCallbacks *callbacks)
{
  const JartImage *src = run->src;
  JartStatus status;

  if (settings->n_steps > 0)
    {
      size_t small, scratch;

      schedule_needs (src->width, src->height, src->channels, settings, &small,
                      &scratch);
      run->next = malloc (run->npixels * (size_t)src->channels);
      if (run->next == NULL)
        return JART_ERROR_NO_MEMORY;
      if (small > 0
          && (run->small = malloc (small * (size_t)src->channels)) == NULL)
        return JART_ERROR_NO_MEMORY;
      /* Any step may fail (an allocation of its own): the destination is
         written only at the end. */
      dst = NULL;
    }
  status = jart_work_init (&run->work, src, dst, settings,
                           callbacks->generation_done != NULL);
  if (status != JART_OK || !settings->statistics
      || callbacks->generation_done == NULL)
    return status;
  run->stats = jart_stats_new (&run->work, src, settings, callbacks->cancel);
  if (run->stats == NULL)
    return JART_ERROR_NO_MEMORY;
  run->work.measure = run->stats;
  return JART_OK;
}

/* The statistics of the generation just made into REPORT: with IN_PLACE
 * the work's MCU map tells the SSIM what changed.  JART_ERROR_CANCELLED
 * when the cancel flag stopped them. */
static JartStatus
run_statistics (Run *run, int in_place, JartGenerationReport *report)
{
  const JartWork *work = &run->work;
  const JartImage *src = run->src;
  JartImage out
      = { work->pixels, src->width, src->height, src->channels, work->stride };
  JartStatsSizes sizes;
  JartGeometry g;

  report->has_statistics = 0;
  report->ssim = 0.0;
  report->bytes = report->bytes_optimized = report->bytes_progressive = 0;
  report->progressive_blocks = 0;
  if (run->stats == NULL)
    return JART_OK;
  report->has_statistics = 1;
  jart_geometry_compute (&g, work->width, work->height, work->hmax, work->vmax,
                         report->dx, report->dy);
  jart_stats_measure (run->stats, &out, in_place ? work->changed : NULL, &g,
                      report->dx, report->dy, &sizes, &report->ssim);
  report->bytes = sizes.bytes;
  report->bytes_optimized = sizes.bytes_optimized;
  report->bytes_progressive = sizes.bytes_progressive;
  report->progressive_blocks = sizes.progressive_blocks;
  return jart_stats_cancelled (run->stats) ? JART_ERROR_CANCELLED : JART_OK;
}

/* Reports the generation to the callbacks and checks for a cancel. */
static JartStatus
run_report (Run *run, const JartCallbacks *cb,
            const JartGenerationReport *report)
{
  const JartImage *src = run->src;

  if (cb->generation_done != NULL)
    {
      /* With a callback the working image is the run's own, the layer's
         size: the callback reads it as it is. */
      JartImage frame = { run->work.pixels, src->width, src->height,
                          src->channels, run->work.stride };

      if (cb->generation_done (report, &frame, cb->user_data))
        return JART_ERROR_CANCELLED;
    }
  if (cb->progress != NULL
      && cb->progress ((double)report->generation / run->settings->generations,
                       cb->user_data))
    return JART_ERROR_CANCELLED;
  if (jart_cancel_requested (cb->cancel))
    return JART_ERROR_CANCELLED;
  return JART_OK;
}

/* The generations without a schedule. */
static JartStatus
run_plain (Run *run, const JartCallbacks *cb, JartResult *res)
{
  const JartSettings *settings = run->settings;
  const JartImage *src = run->src;
  JartStatus status = JART_OK;
  uint64_t sse = 0;
  int drift, g;

  drift = settings->quality_jitter > 0 || settings->grid_drift > 0;
  for (g = 1; g <= settings->generations; g++)
    {
      JartGenerationReport report;
      JartTripStats stats;
      JartTrack track;
      JartSave save;

      report.generation = g;
      report.step = -1;
      report.encoded_width = src->width;
      report.encoded_height = src->height;
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
      save.quality = report.quality;
      save.tables = NULL;
      save.cr_table = NULL;
      save.dct = settings->dct;
      save.decode = settings->decode;
      save.dx = report.dx;
      save.dy = report.dy;
      status = jart_round_trip (&run->work, &save, track, cb->cancel, &stats);
      if (status != JART_OK)
        break;
      sse = (uint64_t)((int64_t)sse + stats.sse_delta);
      report.changed_pixels = stats.changed_pixels;
      report.psnr = psnr_of (sse, run->npixels * (size_t)run->colors);
      if ((status = run_statistics (run, 1, &report)) != JART_OK)
        break;
      res->generations_run = g;

      if ((status = run_report (run, cb, &report)) != JART_OK)
        break;
      if (!stats.changed && !drift && settings->stop_at_fixed_point)
        {
          res->fixed_point = g;
          break;
        }
    }
  return status;
}

/* What one generation of a schedule does. */
typedef struct
{
  int index; /* into settings->steps */
  JartStep step;
  int dx, dy;
  int width, height; /* the encoded image's size */
  int adjusts;       /* the step changes the colours */
  int in_place;      /* neither changes the colours nor scales */
} Plan;

static void
plan_generation (const Run *run, int g, Plan *plan)
{
  const JartSettings *s = run->settings;
  const JartImage *src = run->src;

  plan->index = (g < s->n_steps ? g : s->n_steps) - 1;
  jart_schedule_step (s, g, &plan->step, &plan->dx, &plan->dy);
  jart_scaled_size (src->width, src->height, plan->step.scale, &plan->width,
                    &plan->height);
  plan->adjusts = jart_step_changes_colours (&plan->step, src->channels);
  plan->in_place = !plan->adjusts && plan->width == src->width
                   && plan->height == src->height;
}

/* Whether B encodes as A did: same quality (or both the tables), grid
 * offset and, for colour, subsampling. */
static int
same_save (const Run *run, const Plan *a, const Plan *b)
{
  return a->step.quality == b->step.quality && a->dx == b->dx && a->dy == b->dy
         && (run->colors == 1 || a->step.subsampling == b->step.subsampling);
}

/* The pixels of A (stride SA) whose colours differ from B's (tight), or
 * with ANY only whether one does (0 or 1). */
static uint64_t
count_changed (const Run *run, const uint8_t *a, size_t sa, const uint8_t *b,
               int any)
{
  const JartImage *src = run->src;
  const int channels = src->channels, colors = run->colors;
  const size_t bytes = (size_t)src->width * (size_t)channels;
  uint64_t n = 0;
  int x, y, c;

  for (y = 0; y < src->height; y++)
    {
      const uint8_t *p = a + (size_t)y * sa, *q = b + (size_t)y * bytes;

      if (memcmp (p, q, bytes) == 0)
        continue;
      if (any)
        return 1;
      for (x = 0; x < src->width; x++, p += channels, q += channels)
        for (c = 0; c < colors; c++)
          if (p[c] != q[c])
            {
              n++;
              break;
            }
    }
  return n;
}

/* The squared error of the colours of OUT (tight) against the source. */
static uint64_t
squared_error (const Run *run, const uint8_t *out)
{
  const JartImage *src = run->src;
  const int channels = src->channels, colors = run->colors;
  uint64_t sse = 0;
  int x, y, c;

  for (y = 0; y < src->height; y++)
    {
      const uint8_t *p = src->pixels + (size_t)y * src->stride;
      const uint8_t *q = out + (size_t)y * src->width * channels;

      for (x = 0; x < src->width; x++, p += channels, q += channels)
        for (c = 0; c < colors; c++)
          {
            int d = p[c] - q[c];

            sse += (uint64_t)(d * d);
          }
    }
  return sse;
}

/* A generation that changes the colours or scales: from IN (the
 * generation's input, STRIDE bytes a row) into the second frame. */
static JartStatus
step_aside (Run *run, const Plan *plan, const JartSave *save,
            const uint8_t *in, size_t stride, JartTrack track,
            const JartCancel *cancel)
{
  const JartImage *src = run->src;
  const int width = src->width, height = src->height;
  const int channels = src->channels;
  const size_t tight = (size_t)width * (size_t)channels;
  const int scaled = plan->width != width || plan->height != height;
  JartWork *work = &run->work;
  JartImage input = { (uint8_t *)in, width, height, channels, stride };
  JartImage frame = { run->next, width, height, channels, tight };
  JartImage small = { run->small, plan->width, plan->height, channels,
                      (size_t)plan->width * (size_t)channels };
  JartImage *encoded = &frame;
  uint8_t *pixels = work->pixels;
  int stats = work->stats, x, y;
  JartTripStats trip;
  JartStatus status;

  if (plan->adjusts)
    {
      if ((status = jart_step_adjust (&plan->step, &input, &frame)) != JART_OK)
        return status;
      input = frame;
    }
  if (scaled)
    {
      if ((status = jart_resize (&input, &small, plan->step.filter))
          != JART_OK)
        return status;
      encoded = &small;
    }

  /* The encoder's input is no generation's output: the planes are of no
     use.  The scaled copy is not the source's size, which the work's
     statistics compare with. */
  jart_work_shape (work, encoded->width, encoded->height,
                   plan->step.subsampling);
  work->valid = 0;
  work->input = work->pixels = encoded->pixels;
  work->input_stride = work->stride = encoded->stride;
  if (scaled)
    work->stats = 0;
  status = jart_round_trip (work, save, scaled ? JART_TRACK_NONE : track,
                            cancel, &trip);
  work->stats = stats;
  work->pixels = pixels;
  work->stride = tight;
  /* Back to the layer's size, which jart_work_output copies. */
  jart_work_shape (work, width, height, plan->step.subsampling);
  if (status != JART_OK || !scaled)
    return status;

  if ((status = jart_resize (&small, &frame, plan->step.filter)) != JART_OK)
    return status;
  if (channels == 2 || channels == 4)
    for (y = 0; y < height; y++)
      {
        const uint8_t *a = src->pixels + (size_t)y * src->stride;
        uint8_t *out = run->next + (size_t)y * tight;

        for (x = channels - 1; x < width * channels; x += channels)
          out[x] = a[x];
      }
  return JART_OK;
}

/* The generations of a schedule. */
static JartStatus
run_steps (Run *run, const JartCallbacks *cb, JartResult *res)
{
  const JartSettings *settings = run->settings;
  const JartImage *src = run->src;
  const size_t tight = (size_t)src->width * (size_t)src->channels;
  const int drift = settings->quality_jitter > 0 || settings->grid_drift > 0;
  const int stats_on = run->work.stats;
  JartWork *work = &run->work;
  JartStatus status = JART_OK;
  uint64_t sse = 0;
  Plan plan, next;
  int g;

  plan_generation (run, 1, &plan);
  for (g = 1; g <= settings->generations; g++)
    {
      const uint8_t *in = g == 1 ? src->pixels : work->pixels;
      const size_t stride = g == 1 ? src->stride : tight;
      /* Only from the last step on can a generation be a fixed point. */
      const int may_stop
          = !drift && settings->stop_at_fixed_point && g >= settings->n_steps;
      JartGenerationReport report;
      JartTrack track = may_stop ? JART_TRACK_ANY : JART_TRACK_NONE;
      JartSave save;
      int changed;

      report.generation = g;
      report.step = plan.index;
      report.quality = plan.step.quality;
      report.dx = plan.dx;
      report.dy = plan.dy;
      report.encoded_width = plan.width;
      report.encoded_height = plan.height;
      if (g < settings->generations)
        {
          plan_generation (run, g + 1, &next);
          /* The next generation reuses this one's planes when it saves
             its output alike. */
          if (next.in_place && plan.width == src->width
              && plan.height == src->height && same_save (run, &plan, &next))
            track = JART_TRACK_MCUS;
        }
      save.quality = plan.step.quality;
      save.tables = (const uint16_t (*)[64])settings->tables;
      save.cr_table = settings->cr_own_table ? settings->cr_table : NULL;
      save.dct = settings->dct;
      save.decode = settings->decode;
      save.dx = plan.dx;
      save.dy = plan.dy;

      if (plan.in_place)
        {
          JartTripStats stats;

          jart_work_shape (work, src->width, src->height,
                           plan.step.subsampling);
          status = jart_round_trip (work, &save, track, cb->cancel, &stats);
          if (status != JART_OK)
            break;
          sse = (uint64_t)((int64_t)sse + stats.sse_delta);
          report.changed_pixels = stats.changed_pixels;
          changed = stats.changed;
        }
      else
        {
          uint8_t *out = run->next;

          status
              = step_aside (run, &plan, &save, in, stride, track, cb->cancel);
          if (status != JART_OK)
            break;
          report.changed_pixels = 0;
          changed = 1;
          if (stats_on)
            {
              report.changed_pixels = count_changed (run, in, stride, out, 0);
              changed = report.changed_pixels > 0;
              sse = squared_error (run, out);
            }
          else if (may_stop)
            changed = count_changed (run, in, stride, out, 1) > 0;
          /* The frames swap: the output is the working image. */
          run->next = work->pixels;
          work->pixels = out;
          work->input = out;
          work->input_stride = tight;
        }
      report.psnr = psnr_of (sse, run->npixels * (size_t)run->colors);
      if ((status = run_statistics (run, plan.in_place, &report)) != JART_OK)
        break;
      res->generations_run = g;

      if ((status = run_report (run, cb, &report)) != JART_OK)
        break;
      if (!changed && may_stop)
        {
          res->fixed_point = g;
          break;
        }
      if (g < settings->generations)
        plan = next;
    }
  return status;
}

/* jart_run, and jart_run_in_dst with IN_DST. */
static JartStatus
run_generations (const JartImage *src, JartImage *dst,
                 const JartSettings *settings, const JartCallbacks *callbacks,
                 JartResult *result, int in_dst)
{
  static const JartCallbacks no_callbacks = { NULL, NULL, NULL, NULL };
  const JartCallbacks *cb = callbacks != NULL ? callbacks : &no_callbacks;
  JartResult res = { 0, 0 };
  JartStatus status;
  Run run;

  if (result != NULL)
    *result = res;
  status = run_check (src, dst, settings);
  if (status != JART_OK)
    return status;
  /* The source itself, with no generation_done to read its generations
     (whose PSNR compares with it): the run in place jart_run makes
     without callbacks. */
  if (in_dst && jart_images_overlap (src, dst)
      && !(src->pixels == dst->pixels && src->stride == dst->stride
           && cb->generation_done == NULL))
    return JART_ERROR_OVERLAP;

  memset (&run, 0, sizeof run);
  run.src = src;
  run.settings = settings;
  run.colors = src->channels >= 3 ? 3 : 1;
  run.npixels = (size_t)src->width * (size_t)src->height;
  status = run_allocate (
      &run,
      in_dst || !(cb->generation_done || cb->progress || cb->cancel) ? dst
                                                                     : NULL,
      settings, cb);
  if (status != JART_OK)
    {
      run_free (&run);
      return status;
    }

  status = settings->n_steps > 0 ? run_steps (&run, cb, &res)
                                 : run_plain (&run, cb, &res);
  if (status == JART_OK)
    {
      jart_work_output (&run.work, dst->pixels, dst->stride);
      if (result != NULL)
        *result = res;
    }
  run_free (&run);
  return status;
}

JartStatus
jart_run (const JartImage *src, JartImage *dst, const JartSettings *settings,
          const JartCallbacks *callbacks, JartResult *result)
{
  return run_generations (src, dst, settings, callbacks, result, 0);
}

JartStatus
jart_run_in_dst (const JartImage *src, JartImage *dst,
                 const JartSettings *settings, const JartCallbacks *callbacks,
                 JartResult *result)
{
  return run_generations (src, dst, settings, callbacks, result, 1);
}
