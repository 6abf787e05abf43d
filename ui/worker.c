/* worker.c: the thread that runs the codec for the dialog.
 *
 * One long-lived thread takes runs ("jobs") from a one-place mailbox: a new
 * job replaces a queued one that never started and cancels the one under
 * way through its own JartCancel, so a slider dragged across its range
 * costs one cancelled run per step at most and only the last settings are
 * computed to the end.  The thread records each generation's report and,
 * a few times a second, copies that generation's pixels into a snapshot
 * buffer; one idle callback at a time carries both to the main loop, where
 * the snapshot is swapped (not copied) into the worker's display buffer.
 * Jobs are reference counted because idle callbacks may outlive them in
 * the mailbox; the worker is too, so that an idle callback queued before
 * ja_worker_free finds it marked dead instead of freed.
 *
 * A job runs in two phases on the same thread.  The first makes the
 * pixels alone, as fast as the codec can, in the buffer that becomes the
 * result (jart_run_in_dst: a cancelled run's buffer is dropped anyway):
 * the preview shows the result as soon as it exists.  The second runs the same
 * settings again with the codec's statistics (JartSettings.statistics: the
 * SSIM against the original and the size of the JPEG file each generation
 * writes, baseline with standard or optimized tables, or progressive: the
 * one the dialog shows, JartSettings.sizes, as the others would cost as
 * much again and a change of the chooser starts a new job), which
 * the codec computes as it makes each generation from what the generation
 * changed; they fill in the plot generation by generation, at most every
 * PROGRESS_INTERVAL_US, and the read-outs say "measuring" until the
 * result's arrive.  The runs are deterministic, so the second makes the
 * same generations as the first; it works in the job's snapshot buffer
 * (or a spare frame), which the first no longer needs, and a new job
 * cancels either phase.
 *
 * Frames (the result, the snapshots, the second phase's pixels) are all
 * the layer's size: the worker keeps the ones it no longer needs for the
 * next jobs instead of freeing them, so that a slider move costs no
 * allocation and no page faults, and allocates new ones in huge pages
 * (jart_buffer_alloc).  Only the first intermediate snapshot waits for
 * SNAPSHOT_INTERVAL_US after the job started: a run faster than that is
 * not slowed down by a copy of the layer the preview would replace at
 * once with the result.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "worker.h"

/* The shortest time between two snapshots of intermediate generations,
 * and from the start of a job to its first. */
#define SNAPSHOT_INTERVAL_US (150 * G_TIME_SPAN_MILLISECOND)

/* The shortest time between two progress notifications. */
#define PROGRESS_INTERVAL_US (100 * G_TIME_SPAN_MILLISECOND)

/* The most frames the worker keeps for later jobs: a job takes two (its
 * result, and its snapshots or the second phase's pixels). */
#define SPARE_FRAMES 2

typedef struct Job Job;

struct JaWorker
{
  gint ref_count;
  gboolean alive; /* FALSE once ja_worker_free ran: idles drop their news */

  JartImage src;
  size_t packed_size; /* width * height * channels */
  JaWorkerNotify notify;
  gpointer user_data;

  GMutex spare_lock; /* guards spare */
  GSList *spare;     /* frames of PACKED_SIZE bytes no one uses */

  GThread *thread;
  GMutex lock; /* guards pending, running and quit */
  GCond wake;
  Job *pending;
  Job *running;
  gboolean quit;

  /* Main-loop side, touched by the main thread only. */
  guint next_serial;
  Job *current;    /* the newest job started */
  GArray *reports; /* JartGenerationReport, a copy of current's */
  GArray *ssim;    /* double, a copy of current's */
  GArray *bytes;   /* guint64, a copy of current's */
  guint8 *display; /* the newest intermediate snapshot shown */
  guint8 *final;   /* the newest finished result */
  JaWorkerState state;
  JartCoding coding; /* the file whose size the next job measures */
};

struct Job
{
  gint ref_count;
  JaWorker *worker; /* holds a reference */
  guint serial;
  JartSettings settings;
  JartCancel *cancel;
  JartCoding coding; /* the file whose size is measured */

  GMutex lock; /* guards everything below */
  GArray *reports;
  GArray *ssim;  /* double per report, from the report */
  GArray *bytes; /* guint64 per report, from the report */
  guint8 *snapshot;
  int snapshot_generation;
  gboolean snapshot_ready; /* SNAPSHOT holds news the main loop has not
                              taken yet */
  gint64 last_snapshot;
  gint64 last_progress;
  double fraction;
  gboolean idle_pending;
  gboolean finished;
  gboolean statistics_done; /* the second phase ended, measured or not */
  JartStatus status;
  JartResult result;
  guint8 *final;
};

/* Any thread: a frame of the layer's size, or NULL when there is no
 * memory for it.  Its contents are left over from an earlier use. */
static guint8 *
frame_take (JaWorker *worker)
{
  guint8 *frame = NULL;

  g_mutex_lock (&worker->spare_lock);
  if (worker->spare != NULL)
    {
      frame = worker->spare->data;
      worker->spare = g_slist_delete_link (worker->spare, worker->spare);
    }
  g_mutex_unlock (&worker->spare_lock);
  if (frame == NULL)
    frame = jart_buffer_alloc (worker->packed_size);
  return frame;
}

/* Any thread: FRAME (may be NULL), a frame from frame_take, is no longer
 * used: kept for a later frame_take, or freed. */
static void
frame_give (JaWorker *worker, guint8 *frame)
{
  if (frame == NULL)
    return;
  g_mutex_lock (&worker->spare_lock);
  if (g_slist_length (worker->spare) < SPARE_FRAMES)
    {
      worker->spare = g_slist_prepend (worker->spare, frame);
      frame = NULL;
    }
  g_mutex_unlock (&worker->spare_lock);
  free (frame);
}

static JaWorker *
worker_ref (JaWorker *worker)
{
  g_atomic_int_inc (&worker->ref_count);
  return worker;
}

static void
worker_unref (JaWorker *worker)
{
  if (!g_atomic_int_dec_and_test (&worker->ref_count))
    return;
  g_mutex_clear (&worker->lock);
  g_cond_clear (&worker->wake);
  g_array_unref (worker->reports);
  g_array_unref (worker->ssim);
  g_array_unref (worker->bytes);
  free (worker->display);
  free (worker->final);
  g_slist_free_full (worker->spare, free);
  g_mutex_clear (&worker->spare_lock);
  g_free (worker);
}

static Job *
job_ref (Job *job)
{
  g_atomic_int_inc (&job->ref_count);
  return job;
}

static void
job_unref (Job *job)
{
  if (job == NULL || !g_atomic_int_dec_and_test (&job->ref_count))
    return;
  jart_cancel_free (job->cancel);
  g_mutex_clear (&job->lock);
  g_array_unref (job->reports);
  g_array_unref (job->ssim);
  g_array_unref (job->bytes);
  frame_give (job->worker, job->snapshot);
  frame_give (job->worker, job->final);
  worker_unref (job->worker);
  g_free (job);
}

/* Main loop: copies JOB's news into the worker's state. */
static gboolean
job_deliver (gpointer data)
{
  Job *job = data;
  JaWorker *worker = job->worker;
  gboolean current;

  g_mutex_lock (&job->lock);
  job->idle_pending = FALSE;
  current = worker->alive && job == worker->current;
  if (current)
    {
      JaWorkerState *state = &worker->state;

      g_array_set_size (worker->reports, job->reports->len);
      g_array_set_size (worker->ssim, job->reports->len);
      g_array_set_size (worker->bytes, job->reports->len);
      if (job->reports->len > 0)
        {
          memcpy (worker->reports->data, job->reports->data,
                  job->reports->len * sizeof (JartGenerationReport));
          memcpy (worker->ssim->data, job->ssim->data,
                  job->reports->len * sizeof (double));
          memcpy (worker->bytes->data, job->bytes->data,
                  job->reports->len * sizeof (guint64));
        }
      state->reports = (const JartGenerationReport *)worker->reports->data;
      state->ssim = (const double *)worker->ssim->data;
      state->jpeg_bytes = (const guint64 *)worker->bytes->data;
      state->done = (int)job->reports->len;
      state->fraction = job->fraction;

      if (job->snapshot_ready)
        {
          guint8 *swap = worker->display;

          worker->display = job->snapshot;
          job->snapshot = swap;
          job->snapshot_ready = FALSE;
          state->pixels = worker->display;
          state->pixels_generation = job->snapshot_generation;
        }
      if (job->statistics_done)
        state->statistics_done = TRUE;
      if (job->finished && !state->finished)
        {
          state->finished = TRUE;
          state->status = job->status;
          state->result = job->result;
          if (job->final != NULL)
            {
              frame_give (worker, worker->final);
              worker->final = job->final;
              job->final = NULL;
              state->pixels = worker->final;
              state->pixels_generation = job->result.generations_run;
            }
        }
    }
  g_mutex_unlock (&job->lock);

  if (current)
    worker->notify (worker, worker->user_data);
  return G_SOURCE_REMOVE;
}

/* Worker thread, JOB locked: queues one delivery unless one is queued. */
static void
job_post_locked (Job *job)
{
  if (job->idle_pending)
    return;
  job->idle_pending = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, job_deliver, job_ref (job),
                   (GDestroyNotify)job_unref);
}

/* Codec thread: PIXELS packed into BUFFER, a frame taken from WORKER when
 * NULL; returns it, NULL when there is no memory for it. */
static guint8 *
pack_pixels (JaWorker *worker, guint8 *buffer, const JartImage *pixels)
{
  size_t row = (size_t)pixels->width * (size_t)pixels->channels;
  int y;

  if (buffer == NULL)
    buffer = frame_take (worker);
  if (buffer != NULL)
    for (y = 0; y < pixels->height; y++)
      memcpy (buffer + (size_t)y * row,
              pixels->pixels + (size_t)y * pixels->stride, row);
  return buffer;
}

/* The size of the file JOB measures in REPORT, 0 when it has none. */
static guint64
job_bytes (const Job *job, const JartGenerationReport *report)
{
  if (!report->has_statistics)
    return 0;
  return job->coding == JART_CODING_PROGRESSIVE ? report->bytes_progressive
         : job->coding == JART_CODING_OPTIMIZED ? report->bytes_optimized
                                                : report->bytes;
}

/* Codec thread, first phase: a generation's pixels. */
static int
job_generation_done (const JartGenerationReport *report,
                     const JartImage *pixels, void *user_data)
{
  Job *job = user_data;
  JaWorker *worker = job->worker;
  gint64 now = g_get_monotonic_time ();
  double ssim = report->has_statistics ? report->ssim : NAN;
  guint64 bytes = job_bytes (job, report);

  g_mutex_lock (&job->lock);
  g_array_append_val (job->reports, *report);
  g_array_append_val (job->ssim, ssim);
  g_array_append_val (job->bytes, bytes);
  /* The last generation arrives as the final result: no snapshot. */
  if (!job->snapshot_ready && report->generation < job->settings.generations
      && now - job->last_snapshot >= SNAPSHOT_INTERVAL_US)
    {
      job->snapshot = pack_pixels (worker, job->snapshot, pixels);
      if (job->snapshot != NULL)
        {
          job->snapshot_generation = report->generation;
          job->snapshot_ready = TRUE;
          job->last_snapshot = now;
        }
    }
  job->fraction = (double)report->generation / job->settings.generations;
  job_post_locked (job);
  g_mutex_unlock (&job->lock);
  return jart_cancel_requested (job->cancel);
}

/* Codec thread, second phase: a generation's statistics, into the values
 * the first phase left unmeasured. */
static int
job_statistics_done (const JartGenerationReport *report,
                     const JartImage *pixels, void *user_data)
{
  Job *job = user_data;
  gint64 now = g_get_monotonic_time ();
  guint i = (guint)report->generation - 1;

  (void)pixels;
  g_mutex_lock (&job->lock);
  if (report->generation >= 1 && i < job->reports->len)
    {
      g_array_index (job->reports, JartGenerationReport, i) = *report;
      g_array_index (job->ssim, double, i)
          = report->has_statistics ? report->ssim : NAN;
      g_array_index (job->bytes, guint64, i) = job_bytes (job, report);
      if (now - job->last_progress >= PROGRESS_INTERVAL_US)
        {
          job->last_progress = now;
          job_post_locked (job);
        }
    }
  g_mutex_unlock (&job->lock);
  return jart_cancel_requested (job->cancel);
}

static int
job_progress (double fraction, void *user_data)
{
  Job *job = user_data;
  gint64 now = g_get_monotonic_time ();

  g_mutex_lock (&job->lock);
  job->fraction = fraction;
  if (now - job->last_progress >= PROGRESS_INTERVAL_US)
    {
      job->last_progress = now;
      job_post_locked (job);
    }
  g_mutex_unlock (&job->lock);

  return jart_cancel_requested (job->cancel);
}

/* Worker thread: runs JOB to its end or its cancellation. */
static void
job_run (Job *job)
{
  JaWorker *worker = job->worker;
  JartCallbacks callbacks
      = { job_generation_done, job_progress, job->cancel, job };
  JartResult result = { 0, 0 };
  JartSettings settings = job->settings;
  JartImage dst = worker->src;
  JartStatus status;
  guint8 *pixels, *scratch = NULL;

  g_mutex_lock (&job->lock);
  job->last_snapshot = g_get_monotonic_time ();
  g_mutex_unlock (&job->lock);
  dst.stride = (size_t)dst.width * (size_t)dst.channels;
  pixels = frame_take (worker);
  if (pixels == NULL)
    status = JART_ERROR_NO_MEMORY;
  else
    {
      /* The pixels become the result, or are dropped when the run fails
         or is cancelled: the codec may work in them. */
      dst.pixels = pixels;
      settings.statistics = 0;
      status = jart_run_in_dst (&worker->src, &dst, &settings, &callbacks,
                                &result);
    }

  g_mutex_lock (&job->lock);
  job->finished = TRUE;
  job->status = status;
  job->result = result;
  if (status == JART_OK)
    {
      job->final = pixels;
      /* The snapshot buffer is the job's own from here on: no more
         snapshots, and the main loop takes the result instead. */
      job->snapshot_ready = FALSE;
      scratch = job->snapshot;
      job->snapshot = NULL;
    }
  job_post_locked (job);
  g_mutex_unlock (&job->lock);
  if (status != JART_OK)
    frame_give (worker, pixels);

  if (status == JART_OK)
    {
      JartCallbacks statistics
          = { job_statistics_done, NULL, job->cancel, job };

      if (scratch == NULL)
        scratch = frame_take (worker);
      if (scratch != NULL)
        {
          dst.pixels = scratch;
          settings.statistics = 1;
          settings.sizes = (int)job->coding >= JART_CODING_STANDARD
                                   && job->coding <= JART_CODING_PROGRESSIVE
                               ? 1u << job->coding
                               : JART_SIZES_ALL;
          jart_run_in_dst (&worker->src, &dst, &settings, &statistics, NULL);
        }
    }

  g_mutex_lock (&job->lock);
  /* The buffer taken after the first phase goes back to the job, which
     frees it (a failed first phase took nothing). */
  if (status == JART_OK)
    job->snapshot = scratch;
  job->statistics_done = TRUE;
  job_post_locked (job);
  g_mutex_unlock (&job->lock);
}

static gpointer
worker_thread (gpointer data)
{
  JaWorker *worker = data;

  for (;;)
    {
      Job *job;

      g_mutex_lock (&worker->lock);
      while (worker->pending == NULL && !worker->quit)
        g_cond_wait (&worker->wake, &worker->lock);
      if (worker->quit)
        {
          g_mutex_unlock (&worker->lock);
          break;
        }
      job = worker->pending;
      worker->pending = NULL;
      worker->running = job;
      g_mutex_unlock (&worker->lock);

      job_run (job);

      g_mutex_lock (&worker->lock);
      worker->running = NULL;
      g_mutex_unlock (&worker->lock);
      job_unref (job);
    }
  return NULL;
}

JaWorker *
ja_worker_new (const JartImage *src, JaWorkerNotify notify, gpointer user_data)
{
  JaWorker *worker = g_new0 (JaWorker, 1);

  worker->ref_count = 1;
  worker->alive = TRUE;
  worker->src = *src;
  worker->packed_size
      = (size_t)src->width * (size_t)src->height * (size_t)src->channels;
  worker->notify = notify;
  worker->user_data = user_data;
  g_mutex_init (&worker->lock);
  g_mutex_init (&worker->spare_lock);
  g_cond_init (&worker->wake);
  worker->reports = g_array_new (FALSE, FALSE, sizeof (JartGenerationReport));
  worker->ssim = g_array_new (FALSE, FALSE, sizeof (double));
  worker->bytes = g_array_new (FALSE, FALSE, sizeof (guint64));
  worker->state.finished = TRUE;
  worker->state.statistics_done = TRUE;
  worker->thread = g_thread_new ("ja-worker", worker_thread, worker);
  return worker;
}

static void
cancel_locked (JaWorker *worker)
{
  if (worker->pending != NULL)
    {
      job_unref (worker->pending);
      worker->pending = NULL;
    }
  if (worker->running != NULL)
    jart_cancel_request (worker->running->cancel);
}

guint
ja_worker_start (JaWorker *worker, const JartSettings *settings)
{
  Job *job = g_new0 (Job, 1);
  JaWorkerState *state = &worker->state;

  job->ref_count = 1;
  job->worker = worker_ref (worker);
  job->serial = ++worker->next_serial;
  job->settings = *settings;
  job->coding = worker->coding;
  job->cancel = jart_cancel_new ();
  g_mutex_init (&job->lock);
  job->reports = g_array_new (FALSE, FALSE, sizeof (JartGenerationReport));
  job->ssim = g_array_new (FALSE, FALSE, sizeof (double));
  job->bytes = g_array_new (FALSE, FALSE, sizeof (guint64));

  /* The main loop forgets the old run at once; its idles are dropped. */
  job_unref (worker->current);
  worker->current = job_ref (job);
  g_array_set_size (worker->reports, 0);
  g_array_set_size (worker->ssim, 0);
  g_array_set_size (worker->bytes, 0);
  frame_give (worker, worker->final);
  worker->final = NULL;
  memset (state, 0, sizeof *state);
  state->serial = job->serial;
  state->total = settings->generations;
  state->reports = (const JartGenerationReport *)worker->reports->data;
  state->ssim = (const double *)worker->ssim->data;
  state->jpeg_bytes = (const guint64 *)worker->bytes->data;

  g_mutex_lock (&worker->lock);
  cancel_locked (worker);
  worker->pending = job;
  g_cond_signal (&worker->wake);
  g_mutex_unlock (&worker->lock);

  return job->serial;
}

void
ja_worker_cancel (JaWorker *worker)
{
  g_mutex_lock (&worker->lock);
  cancel_locked (worker);
  g_mutex_unlock (&worker->lock);
  job_unref (worker->current);
  worker->current = NULL;
  if (!worker->state.finished)
    {
      worker->state.finished = TRUE;
      worker->state.status = JART_ERROR_CANCELLED;
    }
  worker->state.statistics_done = TRUE;
}

const JaWorkerState *
ja_worker_get_state (JaWorker *worker)
{
  return &worker->state;
}

gboolean
ja_worker_shown_update (JaWorkerShown *shown, const JaWorkerState *state)
{
  const gboolean final = state->finished && state->status == JART_OK;

  if (state->pixels == NULL
      || (state->serial == shown->serial
          && state->pixels_generation == shown->generation
          && final == shown->final))
    return FALSE;
  shown->serial = state->serial;
  shown->generation = state->pixels_generation;
  shown->final = final;
  return TRUE;
}

guint8 *
ja_worker_steal_result (JaWorker *worker)
{
  guint8 *result = worker->final;

  if (result == NULL)
    return NULL;
  worker->final = NULL;
  if (worker->state.pixels == result)
    worker->state.pixels = NULL;
  return result;
}

void
ja_worker_free (JaWorker *worker)
{
  g_mutex_lock (&worker->lock);
  cancel_locked (worker);
  worker->quit = TRUE;
  g_cond_signal (&worker->wake);
  g_mutex_unlock (&worker->lock);
  g_thread_join (worker->thread);

  worker->alive = FALSE;
  job_unref (worker->current);
  worker->current = NULL;
  worker_unref (worker);
}

void
ja_worker_set_coding (JaWorker *worker, JartCoding coding)
{
  worker->coding = coding;
}
