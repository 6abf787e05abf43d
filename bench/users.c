/* users.c: the benchmark's cases of what users wait for (bench.h): the
 * command-line tool as a whole process (reading the image, the table or
 * --quiet, writing the result) and libjpeg-turbo's loop as one
 * (bench_turbo_process), the dialog from a settings change to its
 * result in the preview (the worker, and what the dialog's main loop does
 * with each generation it hands over) and to the result's statistics, and
 * what the statistics
 * of one generation cost inside a run, all of it against the full
 * computation of generation 1.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bench.h"

#include <fcntl.h>
#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "preview-surface.h"
#include "worker.h"

double
bench_now (void)
{
  struct timespec t;

  clock_gettime (CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Seconds the program ARGV[0] takes as a process with ARGV, its standard
 * output to /dev/null; -1 when it fails. */
static double
time_process (char *const argv[])
{
  double start = bench_now ();
  int status = 0;
  pid_t pid;

  pid = fork ();
  if (pid < 0)
    return -1;
  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      if (null < 0 || dup2 (null, STDOUT_FILENO) < 0)
        _exit (127);
      execv (argv[0], argv);
      _exit (127);
    }
  if (waitpid (pid, &status, 0) != pid || !WIFEXITED (status)
      || WEXITSTATUS (status) != 0)
    {
      fprintf (stderr, "jpeg-artifacts-bench: %s failed\n", argv[0]);
      return -1;
    }
  return bench_now () - start;
}

double
bench_tool (const char *tool, const char *image, int generations, int quiet,
            const char *output)
{
  char count[16];
  char *with_table[] = { (char *)tool,  "--generations", count,
                         (char *)image, (char *)output,  NULL };
  char *without[]
      = { (char *)tool,   "--quiet", "--generations", count, (char *)image,
          (char *)output, NULL };

  snprintf (count, sizeof count, "%d", generations);
  return time_process (quiet ? without : with_table);
}

double
bench_turbo_process (const char *image, int generations, int quality,
                     JartSubsampling subsampling, const char *output)
{
  char count[16], q[16], sampling[16];
  char *argv[]
      = { "/proc/self/exe", BENCH_TURBO_PROCESS, count,          q,
          sampling,         (char *)image,       (char *)output, NULL };

  snprintf (count, sizeof count, "%d", generations);
  snprintf (q, sizeof q, "%d", quality);
  snprintf (sampling, sizeof sampling, "%d", (int)subsampling);
  return time_process (argv);
}

/* The dialog on one run: its worker, and what the dialog's main loop does
 * with each generation the worker hands over (ui/dialog.c's
 * worker_notify): the preview converts it into its surface and keeps a
 * copy of its pixels.  The result counts once the preview has it. */
typedef struct
{
  GMainLoop *loop;
  double start;
  double result;     /* seconds to the result, or -1 */
  double statistics; /* seconds to the result's statistics, or -1 */
  const JartImage *src;
  cairo_surface_t *surface; /* the preview's surface of the result */
  guint8 *copy;             /* the preview's copy of its pixels */
  JaWorkerShown shown;      /* what the preview shows */
} WorkerTiming;

static void
on_worker (JaWorker *worker, gpointer data)
{
  WorkerTiming *t = data;
  const JaWorkerState *state = ja_worker_get_state (worker);
  double now;

  if (ja_worker_shown_update (&t->shown, state))
    {
      const JartImage *o = t->src;

      ja_preview_surface_fill (t->surface, o, state->pixels,
                               (size_t)o->width * o->channels, o, NULL);
      memcpy (t->copy, state->pixels,
              (size_t)o->width * o->height * o->channels);
    }
  now = bench_now ();
  if (!state->finished)
    return;
  if (t->result < 0)
    t->result = now - t->start;
  if (state->status != JART_OK)
    {
      g_main_loop_quit (t->loop);
      return;
    }
  if (state->statistics_done)
    {
      if (state->done == 0 || state->jpeg_bytes[state->done - 1] == 0)
        t->statistics = -1;
      else
        t->statistics = now - t->start;
      g_main_loop_quit (t->loop);
    }
}

int
bench_worker (const JartImage *src, const JartSettings *settings, int change,
              double *result, double *statistics)
{
  WorkerTiming t = { NULL, 0, -1, -1, src, NULL, NULL, { 0, 0, FALSE } };
  JaWorker *worker;

  /* As the preview makes them when the dialog opens. */
  t.surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, src->width,
                                          src->height);
  ja_preview_surface_fill (t.surface, src, src->pixels, src->stride, NULL,
                           NULL);
  t.copy = g_malloc ((size_t)src->width * src->height * src->channels);
  t.loop = g_main_loop_new (NULL, FALSE);
  worker = ja_worker_new (src, on_worker, &t);
  /* The file whose size the dialog shows by default: as GIMP exports it. */
  ja_worker_set_coding (worker, JART_CODING_PROGRESSIVE);
  if (change)
    {
      /* The dialog is open on another quality, its run done: the slider
         moves to SETTINGS'. */
      JartSettings before = *settings;

      before.quality = settings->quality < JART_QUALITY_MAX
                           ? settings->quality + 1
                           : settings->quality - 1;
      t.start = bench_now ();
      ja_worker_start (worker, &before);
      g_main_loop_run (t.loop);
      t.result = t.statistics = -1;
    }
  t.start = bench_now ();
  ja_worker_start (worker, settings);
  g_main_loop_run (t.loop);
  ja_worker_free (worker);
  g_main_loop_unref (t.loop);
  cairo_surface_destroy (t.surface);
  g_free (t.copy);
  *result = t.result;
  *statistics = t.statistics;
  return t.result >= 0 && t.statistics >= 0 ? 0 : -1;
}

/* One timed run: when each generation's callback came, and what it
 * changed, at the granularity of 16 x 16 blocks (4:2:0 MCUs at grid offset
 * 0).  The callback's own work is left out of the times. */
typedef struct
{
  int generations;
  double *took;      /* seconds generation g took, [g - 1] */
  double *changed;   /* fraction of 16 x 16 blocks it changed */
  uint8_t *previous; /* the last generation's pixels */
  const JartImage *src;
  double last;
} Timed;

static int
on_timed (const JartGenerationReport *report, const JartImage *pixels,
          void *data)
{
  Timed *t = data;
  double now = bench_now ();
  const int w = pixels->width, h = pixels->height, ch = pixels->channels;
  const size_t row = (size_t)w * ch;
  int bx, by, y, blocks = 0, changed = 0;

  t->took[report->generation - 1] = now - t->last;
  for (by = 0; by < h; by += 16)
    for (bx = 0; bx < w; bx += 16)
      {
        int n = (bx + 16 <= w ? 16 : w - bx) * ch, differs = 0;

        for (y = by; y < by + 16 && y < h && !differs; y++)
          differs = memcmp (pixels->pixels + (size_t)y * pixels->stride
                                + (size_t)bx * ch,
                            t->previous + (size_t)y * row + (size_t)bx * ch,
                            (size_t)n)
                    != 0;
        changed += differs;
        blocks++;
      }
  t->changed[report->generation - 1] = (double)changed / blocks;
  for (y = 0; y < h; y++)
    memcpy (t->previous + (size_t)y * row,
            pixels->pixels + (size_t)y * pixels->stride, row);
  t->last = bench_now ();
  return 0;
}

static int
timed_run (const JartImage *src, const JartSettings *settings, Timed *t)
{
  JartCallbacks callbacks = { on_timed, NULL, NULL, t };
  JartImage dst = *src;
  const size_t size = (size_t)src->width * src->height * src->channels;
  JartStatus status;
  int y;

  dst.pixels = malloc (size);
  t->previous = malloc (size);
  if (dst.pixels == NULL || t->previous == NULL)
    {
      free (dst.pixels);
      free (t->previous);
      return -1;
    }
  dst.stride = (size_t)src->width * src->channels;
  for (y = 0; y < src->height; y++)
    memcpy (t->previous + (size_t)y * dst.stride,
            src->pixels + (size_t)y * src->stride, dst.stride);
  t->last = bench_now ();
  status = jart_run (src, &dst, settings, &callbacks, NULL);
  free (dst.pixels);
  free (t->previous);
  return status == JART_OK ? 0 : -1;
}

int
bench_statistics_cost (const JartImage *src, const JartSettings *settings,
                       BenchStatsCost *cost)
{
  const int n = settings->generations;
  JartSettings with = *settings, without = *settings;
  Timed a = { n, NULL, NULL, NULL, src, 0 }, b = a;
  int g, k = 0, ok;

  with.statistics = 1;
  without.statistics = 0;
  a.took = calloc ((size_t)n, sizeof (double));
  a.changed = calloc ((size_t)n, sizeof (double));
  b.took = calloc ((size_t)n, sizeof (double));
  b.changed = calloc ((size_t)n, sizeof (double));
  ok = a.took && a.changed && b.took && b.changed
       && timed_run (src, &without, &b) == 0
       && timed_run (src, &with, &a) == 0;
  memset (cost, 0, sizeof *cost);
  if (ok)
    {
      cost->full = a.took[0] - b.took[0];
      /* The generation nearest 1 % of the blocks changed, counting both
         what it changed (its SSIM) and what the one before changed (the
         MCUs it encodes again, its file sizes). */
      for (g = 1; g < n; g++)
        {
          double c = a.changed[g] > a.changed[g - 1] ? a.changed[g]
                                                     : a.changed[g - 1];

          if (a.changed[g] > 0
              && (k == 0 || fabs (c - 0.01) < fabs (cost->changed - 0.01)))
            {
              k = g + 1;
              cost->changed = c;
              cost->incremental = a.took[g] - b.took[g];
            }
        }
      cost->generation = k;
    }
  free (a.took);
  free (a.changed);
  free (b.took);
  free (b.changed);
  return ok ? 0 : -1;
}
