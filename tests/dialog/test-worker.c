/* test-worker.c: the dialog's worker (ui/worker.c) against the codec run
 * directly.  A long run is started and, once it has shown a generation,
 * replaced by a short one, then by another before the first even started:
 * the worker must report the last run only, finish it, and hand over
 * exactly the pixels jart_run gives for its settings; intermediate
 * snapshots must be exact generations of the current run.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

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

int
main (int argc, char **argv)
{
  JartImage src;
  Test t = { 0 };
  JaWorker *worker;
  guint8 *result, *expected;
  int x, y, c;

  (void)argc;
  (void)argv;
  src.width = 301;
  src.height = 203;
  src.channels = 3;
  src.stride = (size_t)src.width * 3;
  src.pixels = g_malloc (src.stride * src.height);
  for (y = 0; y < src.height; y++)
    for (x = 0; x < src.width; x++)
      for (c = 0; c < 3; c++)
        src.pixels[y * src.stride + x * 3 + c]
            = (guint8)((x * (c + 1) + y * (3 - c) + ((x * y) % 37)) & 255);
  t.src = &src;

  jart_settings_init (&t.long_run);
  t.long_run.quality = 40;
  t.long_run.generations = 1000;
  t.long_run.grid_drift = 5;
  t.long_run.seed = 7;
  jart_settings_init (&t.short_run);
  t.short_run.quality = 30;
  t.short_run.generations = 5;

  t.loop = g_main_loop_new (NULL, FALSE);
  worker = ja_worker_new (&src, notify, &t);
  t.long_serial = ja_worker_start (worker, &t.long_run);
  g_main_loop_run (t.loop);

  if (ja_worker_get_state (worker)->status != JART_OK)
    t.failures++;
  result = ja_worker_steal_result (worker);
  expected = direct (&src, &t.short_run, t.short_run.generations);
  if (result == NULL || expected == NULL
      || memcmp (result, expected, src.stride * src.height) != 0)
    {
      printf ("the final result differs from jart_run's\n");
      t.failures++;
    }
  if (t.snapshots_checked != 1)
    {
      printf ("no intermediate generation was shown\n");
      t.failures++;
    }
  ja_worker_free (worker);
  g_main_loop_unref (t.loop);
  g_free (result);
  g_free (expected);
  g_free (src.pixels);
  printf ("%d notifications\n", t.notifications);
  printf ("%d passed, %d failed\n", t.failures ? 0 : 1, t.failures ? 1 : 0);
  return t.failures ? 1 : 0;
}
