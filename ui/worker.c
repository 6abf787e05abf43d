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
 * The statistics (SSIM against the original, JPEG file size) cost about as
 * much as a generation (the file size is jart_generation_jpeg_size's, which
 * applies a schedule step's colour changes and scaling to the generation's
 * input as the run did), so they have a thread of their own that the codec
 * never waits for.  For each generation ja_worker_stats_sampled names, the
 * codec's callback copies the pixels into a reference-counted GBytes
 * (keeping the one before too, the file's input) and queues a task; the
 * queue holds as many tasks as STATS_QUEUE_BYTES of frames allow (a run
 * samples at most STATS_ALL + STATS_SAMPLES + 1 generations), and a
 * sampled task that finds it full is dropped.  The task of
 * the generation a run ends on (the last one asked for, or the fixed point,
 * whose input equals its output) is never dropped and goes to the queue's
 * head, so the read-outs of the result come next.  Starting or cancelling
 * a run empties the queue; a task whose run was cancelled is skipped.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "worker.h"

/* The shortest time between two snapshots of intermediate generations. */
#define SNAPSHOT_INTERVAL_US (150 * G_TIME_SPAN_MILLISECOND)

/* The shortest time between two progress notifications. */
#define PROGRESS_INTERVAL_US (100 * G_TIME_SPAN_MILLISECOND)

/* The statistics measure every generation up to STATS_ALL, then about
 * STATS_SAMPLES more spread evenly over the rest. */
#define STATS_ALL 32
#define STATS_SAMPLES 64

/* The most frames the statistics queue may hold, counting two a task,
 * and the most tasks whatever the frames' size. */
#define STATS_QUEUE_BYTES ((size_t)128 << 20)
#define STATS_QUEUE_TASKS 128

typedef struct Job Job;

struct JaWorker
{
  gint ref_count;
  gboolean alive; /* FALSE once ja_worker_free ran: idles drop their news */

  JartImage src;
  size_t packed_size; /* width * height * channels */
  JaWorkerNotify notify;
  gpointer user_data;

  GThread *thread;
  GThread *stats_thread;
  GMutex lock; /* guards pending, running, quit and stats_queue */
  GCond wake;
  GCond stats_wake;
  Job *pending;
  Job *running;
  gboolean quit;
  GQueue stats_queue; /* StatsTask, the next first */
  guint stats_queue_max;

  /* Main-loop side, touched by the main thread only. */
  guint next_serial;
  Job *current;    /* the newest job started */
  GArray *reports; /* JartGenerationReport, a copy of current's */
  GArray *ssim;    /* double, a copy of current's */
  GArray *bytes;   /* guint64, a copy of current's */
  guint8 *display; /* the newest intermediate snapshot shown */
  guint8 *final;   /* the newest finished result */
  JaWorkerState state;
};

struct Job
{
  gint ref_count;
  JaWorker *worker; /* holds a reference */
  guint serial;
  JartSettings settings;
  JartCancel *cancel;

  /* The codec thread's own: the last generation's pixels, when the next
     one may need them as its file's input. */
  GBytes *previous;
  int previous_generation;

  GMutex lock; /* guards everything below */
  GArray *reports;
  GArray *ssim;  /* double per report, NAN until measured */
  GArray *bytes; /* guint64 per report, 0 until measured */
  guint8 *snapshot;
  int snapshot_generation;
  gboolean snapshot_ready; /* SNAPSHOT holds news the main loop has not
                              taken yet */
  gint64 last_snapshot;
  gint64 last_progress;
  double fraction;
  gboolean idle_pending;
  gboolean finished;
  JartStatus status;
  JartResult result;
  guint8 *final;
};

/* One generation to measure.  INPUT is NULL for the first generation,
 * whose file is encoded from the worker's source. */
typedef struct
{
  Job *job; /* holds a reference */
  int generation;
  GBytes *input;
  GBytes *output;
} StatsTask;

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
  g_cond_clear (&worker->stats_wake);
  g_array_unref (worker->reports);
  g_array_unref (worker->ssim);
  g_array_unref (worker->bytes);
  g_free (worker->display);
  g_free (worker->final);
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
  if (job->previous != NULL)
    g_bytes_unref (job->previous);
  g_free (job->snapshot);
  g_free (job->final);
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
      if (job->finished && !state->finished)
        {
          state->finished = TRUE;
          state->status = job->status;
          state->result = job->result;
          if (job->final != NULL)
            {
              g_free (worker->final);
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

gboolean
ja_worker_stats_sampled (int generation, int total)
{
  int step;

  if (generation < 1 || generation > total)
    return FALSE;
  if (generation <= STATS_ALL || generation == total)
    return TRUE;
  step = (total - STATS_ALL + STATS_SAMPLES - 1) / STATS_SAMPLES;
  return (generation - STATS_ALL) % step == 0;
}

static void
stats_task_free (gpointer data)
{
  StatsTask *task = data;

  if (task->input != NULL)
    g_bytes_unref (task->input);
  g_bytes_unref (task->output);
  job_unref (task->job);
  g_free (task);
}

/* Codec thread: PIXELS packed into a new GBytes of PACKED_SIZE bytes, or
 * NULL when there is no memory for it. */
static GBytes *
frame_copy (const JartImage *pixels, size_t packed_size)
{
  size_t row = (size_t)pixels->width * (size_t)pixels->channels;
  guint8 *copy = g_try_malloc (packed_size);
  int y;

  if (copy == NULL)
    return NULL;
  for (y = 0; y < pixels->height; y++)
    memcpy (copy + (size_t)y * row,
            pixels->pixels + (size_t)y * pixels->stride, row);
  return g_bytes_new_take (copy, packed_size);
}

/* Codec thread: hands TASK to the statistics thread, at the queue's head
 * when LAST (its run ends on it), else at the tail if there is room; frees
 * it otherwise. */
static void
stats_push (JaWorker *worker, StatsTask *task, gboolean last)
{
  gboolean queued = FALSE;

  g_mutex_lock (&worker->lock);
  if (!jart_cancel_requested (task->job->cancel))
    {
      if (last)
        {
          g_queue_push_head (&worker->stats_queue, task);
          queued = TRUE;
        }
      else if (worker->stats_queue.length < worker->stats_queue_max)
        {
          g_queue_push_tail (&worker->stats_queue, task);
          queued = TRUE;
        }
    }
  if (queued)
    g_cond_signal (&worker->stats_wake);
  g_mutex_unlock (&worker->lock);
  if (!queued)
    stats_task_free (task);
}

/* Codec thread: queues generation REPORT's measurement when it is sampled
 * or the run ends on it, and keeps its PIXELS when the next generation's
 * measurement needs them as its file's input. */
static void
job_queue_stats (Job *job, const JartGenerationReport *report,
                 const JartImage *pixels)
{
  JaWorker *worker = job->worker;
  const JartSettings *s = &job->settings;
  int g = report->generation;
  gboolean drift = s->quality_jitter > 0 || s->grid_drift > 0;
  gboolean unchanged = report->changed_pixels == 0;
  gboolean last
      = g == s->generations || (unchanged && !drift && s->stop_at_fixed_point);
  gboolean measure = last || ja_worker_stats_sampled (g, s->generations);
  gboolean keep = ja_worker_stats_sampled (g + 1, s->generations);
  GBytes *frame = NULL, *input = NULL;

  if (measure || keep)
    frame = frame_copy (pixels, worker->packed_size);
  if (measure && frame != NULL)
    {
      /* An unchanged generation's input equals its output. */
      if (g > 1 && unchanged)
        input = g_bytes_ref (frame);
      else if (g > 1 && job->previous != NULL
               && job->previous_generation == g - 1)
        input = g_bytes_ref (job->previous);
      else if (g > 1)
        measure = FALSE;
    }
  if (measure && frame != NULL)
    {
      StatsTask *task = g_new0 (StatsTask, 1);

      task->job = job_ref (job);
      task->generation = g;
      task->input = input;
      task->output = g_bytes_ref (frame);
      stats_push (worker, task, last);
    }
  if (job->previous != NULL)
    g_bytes_unref (job->previous);
  job->previous = NULL;
  if (frame != NULL && keep)
    {
      job->previous = frame;
      job->previous_generation = g;
    }
  else if (frame != NULL)
    g_bytes_unref (frame);
}

/* Statistics thread: measures TASK and posts the values to the main
 * loop, unless its run is cancelled meanwhile. */
static void
stats_measure (JaWorker *worker, StatsTask *task)
{
  Job *job = task->job;
  JartImage input = worker->src, output = worker->src;
  uint64_t bytes = 0;
  double ssim = NAN;

  output.pixels = (guint8 *)g_bytes_get_data (task->output, NULL);
  output.stride = (size_t)output.width * (size_t)output.channels;
  if (task->input != NULL)
    {
      input.pixels = (guint8 *)g_bytes_get_data (task->input, NULL);
      input.stride = output.stride;
    }
  if (jart_generation_jpeg_size (&input, &job->settings, task->generation, 0,
                                 &bytes)
      != JART_OK)
    bytes = 0;
  if (jart_cancel_requested (job->cancel))
    return;
  if (jart_ssim (&worker->src, &output, &ssim) != JART_OK)
    ssim = NAN;
  if (jart_cancel_requested (job->cancel))
    return;

  g_mutex_lock (&job->lock);
  if ((guint)task->generation <= job->ssim->len)
    {
      g_array_index (job->ssim, double, task->generation - 1) = ssim;
      g_array_index (job->bytes, guint64, task->generation - 1) = bytes;
    }
  job_post_locked (job);
  g_mutex_unlock (&job->lock);
}

static gpointer
stats_thread (gpointer data)
{
  JaWorker *worker = data;

  for (;;)
    {
      StatsTask *task;

      g_mutex_lock (&worker->lock);
      while (g_queue_is_empty (&worker->stats_queue) && !worker->quit)
        g_cond_wait (&worker->stats_wake, &worker->lock);
      if (worker->quit)
        {
          g_mutex_unlock (&worker->lock);
          break;
        }
      task = g_queue_pop_head (&worker->stats_queue);
      g_mutex_unlock (&worker->lock);

      if (!jart_cancel_requested (task->job->cancel))
        stats_measure (worker, task);
      stats_task_free (task);
    }
  return NULL;
}

static int
job_generation_done (const JartGenerationReport *report,
                     const JartImage *pixels, void *user_data)
{
  Job *job = user_data;
  JaWorker *worker = job->worker;
  gint64 now = g_get_monotonic_time ();
  double unknown_ssim = NAN;
  guint64 unknown_bytes = 0;

  g_mutex_lock (&job->lock);
  g_array_append_val (job->reports, *report);
  g_array_append_val (job->ssim, unknown_ssim);
  g_array_append_val (job->bytes, unknown_bytes);
  /* The last generation arrives as the final result: no snapshot. */
  if (!job->snapshot_ready && report->generation < job->settings.generations
      && (job->last_snapshot == 0
          || now - job->last_snapshot >= SNAPSHOT_INTERVAL_US))
    {
      size_t row = (size_t)pixels->width * (size_t)pixels->channels;
      int y;

      if (job->snapshot == NULL)
        job->snapshot = g_try_malloc (worker->packed_size);
      if (job->snapshot != NULL)
        {
          for (y = 0; y < pixels->height; y++)
            memcpy (job->snapshot + (size_t)y * row,
                    pixels->pixels + (size_t)y * pixels->stride, row);
          job->snapshot_generation = report->generation;
          job->snapshot_ready = TRUE;
          job->last_snapshot = now;
        }
    }
  job->fraction = (double)report->generation / job->settings.generations;
  job_post_locked (job);
  g_mutex_unlock (&job->lock);

  job_queue_stats (job, report, pixels);
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
  JartImage dst = worker->src;
  JartStatus status;
  guint8 *pixels;

  pixels = g_try_malloc (worker->packed_size);
  if (pixels == NULL)
    status = JART_ERROR_NO_MEMORY;
  else
    {
      dst.pixels = pixels;
      dst.stride = (size_t)dst.width * (size_t)dst.channels;
      status
          = jart_run (&worker->src, &dst, &job->settings, &callbacks, &result);
    }

  g_mutex_lock (&job->lock);
  job->finished = TRUE;
  job->status = status;
  job->result = result;
  if (status == JART_OK)
    job->final = pixels;
  else
    g_free (pixels);
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
  g_cond_init (&worker->wake);
  g_cond_init (&worker->stats_wake);
  g_queue_init (&worker->stats_queue);
  worker->stats_queue_max
      = (guint)CLAMP (STATS_QUEUE_BYTES / MAX (2 * worker->packed_size, 1), 1,
                      STATS_QUEUE_TASKS);
  worker->reports = g_array_new (FALSE, FALSE, sizeof (JartGenerationReport));
  worker->ssim = g_array_new (FALSE, FALSE, sizeof (double));
  worker->bytes = g_array_new (FALSE, FALSE, sizeof (guint64));
  worker->state.finished = TRUE;
  worker->thread = g_thread_new ("ja-worker", worker_thread, worker);
  worker->stats_thread = g_thread_new ("ja-stats", stats_thread, worker);
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
  g_queue_clear_full (&worker->stats_queue, stats_task_free);
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
  g_clear_pointer (&worker->final, g_free);
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
}

const JaWorkerState *
ja_worker_get_state (JaWorker *worker)
{
  return &worker->state;
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
  g_cond_signal (&worker->stats_wake);
  g_mutex_unlock (&worker->lock);
  g_thread_join (worker->thread);
  g_thread_join (worker->stats_thread);
  g_queue_clear_full (&worker->stats_queue, stats_task_free);

  worker->alive = FALSE;
  job_unref (worker->current);
  worker->current = NULL;
  worker_unref (worker);
}
