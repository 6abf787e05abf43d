/* test-worker.c: the dialog's worker (ui/worker.c) against the codec run
 * directly.  A long run is started and, once it has shown a generation,
 * replaced by a short one, then by another before the first even started:
 * the worker must report the last run only, finish it, and hand over
 * exactly the pixels jart_run gives for its settings; intermediate
 * snapshots must be exact generations of the current run.  The short run
 * follows a schedule whose steps change the colours and shrink the image:
 * the SSIM and JPEG file size the worker reports for each of its
 * generations (the codec's statistics) must equal jart_ssim's and
 * jart_generation_jpeg_size's on the generations computed directly.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "images.h"
#include "worker.h"

typedef struct
{
  GMainLoop *loop;
  JartSettings long_run;
  JartSettings short_run;
  guint long_serial;
  guint short_serial;
  int notifications;
  int snapshots_checked;
  int failures;
  const JartImage *src;
} Test;

/* Pixels of generation GENERATION of SETTINGS on SRC, computed directly. */
static guint8 *
direct (const JartImage *src, const JartSettings *settings, int generation)
{
  JartSettings s = *settings;
  JartImage dst = *src;

  s.generations = generation;
  dst.pixels = g_malloc (src->stride * src->height);
  if (jart_run (src, &dst, &s, NULL, NULL) != JART_OK)
    {
      g_free (dst.pixels);
      return NULL;
    }
  return dst.pixels;
}

static void
notify (JaWorker *worker, gpointer data)
{
  Test *t = data;
  const JaWorkerState *state = ja_worker_get_state (worker);
  size_t size = t->src->stride * t->src->height;

  t->notifications++;
  if (state->serial == t->long_serial && state->pixels != NULL
      && t->short_serial == 0)
    {
      /* The long run showed generation K: check it, then replace it twice
         in a row. */
      guint8 *expected
          = direct (t->src, &t->long_run, state->pixels_generation);

      if (expected == NULL || memcmp (expected, state->pixels, size) != 0)
        {
          printf ("snapshot of generation %d is not exact\n",
                  state->pixels_generation);
          t->failures++;
        }
      t->snapshots_checked++;
      g_free (expected);
      ja_worker_start (worker, &t->long_run);
      t->short_serial = ja_worker_start (worker, &t->short_run);
      return;
    }
  if (t->short_serial != 0 && state->serial != t->short_serial)
    {
      printf ("news of run %u after run %u started\n", state->serial,
              t->short_serial);
      t->failures++;
    }
  if (state->serial == t->short_serial && state->finished)
    g_main_loop_quit (t->loop);
}

/* Whether the worker measured every generation of SETTINGS' run. */
static gboolean
all_measured (const JaWorkerState *state, const JartSettings *settings)
{
  int g;

  if (state->done < settings->generations)
    return FALSE;
  for (g = 0; g < settings->generations; g++)
    if (state->jpeg_bytes[g] == 0)
      return FALSE;
  return TRUE;
}

/* Checks the statistics of every generation of the short run, the sizes
 * of files coded with CODING, waiting up to ten seconds for them; returns
 * the failures. */
static int
check_stats (JaWorker *worker, const JartImage *src,
             const JartSettings *settings, JartCoding coding)
{
  const JaWorkerState *state = ja_worker_get_state (worker);
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  int failures = 0, g;

  while (!all_measured (state, settings) && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (G_TIME_SPAN_MILLISECOND);
  for (g = 1; g <= settings->generations; g++)
    {
      guint8 *before = g > 1 ? direct (src, settings, g - 1) : NULL;
      guint8 *after = direct (src, settings, g);
      JartImage in = *src, out = *src;
      uint64_t bytes = 0;
      double ssim = 0;

      if (g > 1)
        in.pixels = before;
      out.pixels = after;
      if (g > state->done || after == NULL || (g > 1 && before == NULL)
          || jart_generation_jpeg_size (&in, settings, g, coding, &bytes)
                 != JART_OK
          || jart_ssim (src, &out, &ssim) != JART_OK)
        {
          printf ("generation %d: no statistics to compare\n", g);
          failures++;
        }
      else if (state->jpeg_bytes[g - 1] != bytes || state->ssim[g - 1] != ssim)
        {
          printf ("generation %d: the worker measured %" G_GUINT64_FORMAT
                  " bytes and SSIM %.6f, directly %" G_GUINT64_FORMAT
                  " bytes and SSIM %.6f\n",
                  g, state->jpeg_bytes[g - 1], state->ssim[g - 1],
                  (guint64)bytes, ssim);
          failures++;
        }
      g_free (before);
      g_free (after);
    }
  return failures;
}

int
main (int argc, char **argv)
{
  JartImage *src;
  Test t = { 0 };
  JaWorker *worker;
  guint8 *result, *expected;
  JartStep step;
  int x, y;

  (void)argc;
  (void)argv;
  /* Odd sizes: partial blocks at the right and bottom edges. */
  src = image_new (301, 203, 3);
  image_fill (src, PATTERN_SMOOTH, 0);
  t.src = src;

  jart_settings_init (&t.long_run);
  t.long_run.quality = 40;
  t.long_run.generations = 1000;
  t.long_run.grid_drift = 5;
  t.long_run.seed = 7;
  jart_settings_init (&t.short_run);
  t.short_run.quality = 30;
  t.short_run.generations = 5;
  jart_schedule_step (&t.short_run, 1, &step, &x, &y);
  if (jart_steps_parse ("q30; q45 422 x0.5 bicubic; q25 sat1.5 sharp0.6",
                        &step, &t.short_run, NULL)
      != JART_OK)
    {
      printf ("the short run's schedule does not read\n");
      return 1;
    }

  t.loop = g_main_loop_new (NULL, FALSE);
  worker = ja_worker_new (src, notify, &t);
  t.long_serial = ja_worker_start (worker, &t.long_run);
  g_main_loop_run (t.loop);

  if (ja_worker_get_state (worker)->status != JART_OK)
    t.failures++;
  result = ja_worker_steal_result (worker);
  expected = direct (src, &t.short_run, t.short_run.generations);
  if (result == NULL || expected == NULL
      || memcmp (result, expected, src->stride * src->height) != 0)
    {
      printf ("the final result differs from jart_run's\n");
      t.failures++;
    }
  t.failures += check_stats (worker, src, &t.short_run, JART_CODING_STANDARD);
  /* The dialog's default read-out: the file as GIMP exports it. */
  ja_worker_set_coding (worker, JART_CODING_PROGRESSIVE);
  t.short_serial = ja_worker_start (worker, &t.short_run);
  g_main_loop_run (t.loop);
  t.failures
      += check_stats (worker, src, &t.short_run, JART_CODING_PROGRESSIVE);
  if (t.snapshots_checked != 1)
    {
      printf ("no intermediate generation was shown\n");
      t.failures++;
    }
  ja_worker_free (worker);
  g_main_loop_unref (t.loop);
  g_free (result);
  g_free (expected);
  image_free (src);
  printf ("%d notifications\n", t.notifications);
  printf ("%d passed, %d failed\n", t.failures ? 0 : 1, t.failures ? 1 : 0);
  return t.failures ? 1 : 0;
}
