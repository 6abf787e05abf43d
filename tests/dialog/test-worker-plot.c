/* test-worker-plot.c: the data the dialog's plot gets from the worker
 * (ui/worker.c; dialog.c hands JaWorkerState's reports, ssim and
 * jpeg_bytes to ja_plot_set_data) has a point for every generation of a
 * 100-generation run.  The worker shows the result first and measures its
 * statistics in a second phase: at every notification the measured
 * generations are a prefix of those done, each with both its SSIM and its
 * file size (nothing half measured, no sampling); the result comes before
 * the statistics are done; and when they are, all 100 are there, equal to
 * the statistics jart_run reports for the same settings.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "images.h"
#include "worker.h"

#define GENERATIONS 100

typedef struct
{
  GMainLoop *loop;
  int notifications;
  int failures;
  int finished_done; /* generations the state had when it finished */
  double ssim[GENERATIONS];
  guint64 bytes[GENERATIONS];
} Test;

typedef struct
{
  double ssim[GENERATIONS];
  guint64 bytes[GENERATIONS];
  int count;
} Direct;

static int
on_direct (const JartGenerationReport *report, const JartImage *pixels,
           void *user_data)
{
  Direct *d = user_data;

  (void)pixels;
  if (report->generation >= 1 && report->generation <= GENERATIONS)
    {
      d->ssim[report->generation - 1] = report->ssim;
      d->bytes[report->generation - 1] = report->bytes;
      d->count = report->generation;
    }
  return 0;
}

static void
notify (JaWorker *worker, gpointer data)
{
  Test *t = data;
  const JaWorkerState *state = ja_worker_get_state (worker);
  int g, measured = 0;

  t->notifications++;
  for (g = 0; g < state->done; g++)
    {
      gboolean has_ssim = !isnan (state->ssim[g]);
      gboolean has_bytes = state->jpeg_bytes[g] > 0;

      if (has_ssim != has_bytes || (has_ssim && g != measured))
        {
          printf ("notification %d: generation %d of %d done has %s\n",
                  t->notifications, g + 1, state->done,
                  has_ssim != has_bytes ? "one statistic without the other"
                                        : "statistics after a gap");
          t->failures++;
          break;
        }
      measured += has_ssim;
    }
  if (state->statistics_done && !state->finished)
    {
      printf ("notification %d: statistics done before the result\n",
              t->notifications);
      t->failures++;
    }
  if (state->finished && state->statistics_done)
    {
      t->finished_done = state->done;
      memcpy (t->ssim, state->ssim,
              sizeof (double) * MIN (state->done, GENERATIONS));
      memcpy (t->bytes, state->jpeg_bytes,
              sizeof (guint64) * MIN (state->done, GENERATIONS));
      g_main_loop_quit (t->loop);
    }
}

int
main (void)
{
  JartCallbacks callbacks = { on_direct, NULL, NULL, NULL };
  JartSettings settings;
  JartImage *src, dst;
  Direct direct = { 0 };
  Test t = { 0 };
  JaWorker *worker;
  int g;

  /* Odd sizes: partial blocks at the right and bottom edges. */
  src = image_new (257, 171, 3);
  image_fill (src, PATTERN_SMOOTH, 0);

  /* Grid drift: no fixed point, every generation runs. */
  jart_settings_init (&settings);
  settings.quality = 60;
  settings.generations = GENERATIONS;
  settings.grid_drift = 2;
  settings.seed = 3;

  t.loop = g_main_loop_new (NULL, FALSE);
  worker = ja_worker_new (src, notify, &t);
  ja_worker_start (worker, &settings);
  g_main_loop_run (t.loop);

  dst = *src;
  dst.pixels = g_malloc (src->stride * src->height);
  settings.statistics = 1;
  callbacks.user_data = &direct;
  if (jart_run (src, &dst, &settings, &callbacks, NULL) != JART_OK
      || direct.count != GENERATIONS)
    {
      printf ("the direct run failed\n");
      t.failures++;
    }
  if (ja_worker_get_state (worker)->status != JART_OK
      || t.finished_done != GENERATIONS)
    {
      printf ("the worker finished with %d generations, status %d\n",
              t.finished_done, ja_worker_get_state (worker)->status);
      t.failures++;
    }
  else
    for (g = 0; g < GENERATIONS; g++)
      if (t.ssim[g] != direct.ssim[g] || t.bytes[g] != direct.bytes[g])
        {
          printf (
              "generation %d: the plot has SSIM %.6f and %" G_GUINT64_FORMAT
              " bytes, jart_run %.6f and %" G_GUINT64_FORMAT "\n",
              g + 1, t.ssim[g], t.bytes[g], direct.ssim[g], direct.bytes[g]);
          t.failures++;
          break;
        }
  ja_worker_free (worker);
  g_main_loop_unref (t.loop);
  g_free (dst.pixels);
  image_free (src);
  printf ("%d notifications, %d generations plotted\n", t.notifications,
          t.finished_done);
  printf ("%d passed, %d failed\n", t.failures ? 0 : 1, t.failures ? 1 : 0);
  return t.failures ? 1 : 0;
}
