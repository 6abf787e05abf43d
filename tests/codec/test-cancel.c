/* test-cancel.c: every way to cancel a run returns JART_ERROR_CANCELLED and
 * leaves the destination untouched (the source too, when the run is in
 * place): a nonzero return from the progress callback, the JartCancel flag
 * raised from the progress callback, from the generation callback or from
 * another thread while the run is under way, a flag raised before the run
 * starts, and a nonzero return from the generation callback at the first,
 * a middle and the last generation (no callback may follow it).  After
 * jart_cancel_reset the same settings run to the end and match
 * libjpeg-turbo.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "images.h"
#include "runcase.h"

typedef enum
{
  BY_PROGRESS_RETURN,   /* progress returns nonzero */
  BY_PROGRESS_FLAG,     /* progress raises the flag, returns 0 */
  BY_GENERATION_FLAG,   /* generation_done raises the flag, returns 0 */
  BY_GENERATION_RETURN, /* generation_done returns nonzero */
  BY_OTHER_THREAD,      /* another thread raises the flag */
  BY_FLAG_BEFORE        /* the flag is up before jart_run starts */
} How;

static const char *const how_names[] = {
  "progress callback returns nonzero",   "progress callback raises the flag",
  "generation callback raises the flag", "generation callback returns nonzero",
  "another thread raises the flag",      "flag raised before the run"
};

typedef struct
{
  How how;
  int at_generation; /* for the generation callback: when to cancel */
  JartCancel *cancel;
  int generation_calls;
  int calls_after_cancel;
  int cancelled; /* the callback has cancelled */
  /* The handshake with the cancelling thread. */
  pthread_mutex_t lock;
  pthread_cond_t started_cond;
  int started;
} Canceller;

static int
on_generation (const JartGenerationReport *report, const JartImage *pixels,
               void *user_data)
{
  Canceller *c = user_data;

  (void)report;
  (void)pixels;
  c->generation_calls++;
  if (c->cancelled)
    c->calls_after_cancel++;
  if (c->generation_calls == c->at_generation)
    {
      if (c->how == BY_GENERATION_RETURN)
        {
          c->cancelled = 1;
          return 1;
        }
      if (c->how == BY_GENERATION_FLAG)
        {
          c->cancelled = 1;
          jart_cancel_request (c->cancel);
        }
    }
  return 0;
}

static int
on_progress (double fraction, void *user_data)
{
  Canceller *c = user_data;

  (void)fraction;
  switch (c->how)
    {
    case BY_PROGRESS_RETURN:
      c->cancelled = 1;
      return 1;
    case BY_PROGRESS_FLAG:
      c->cancelled = 1;
      jart_cancel_request (c->cancel);
      return 0;
    case BY_OTHER_THREAD:
      pthread_mutex_lock (&c->lock);
      if (!c->started)
        {
          c->started = 1;
          pthread_cond_signal (&c->started_cond);
        }
      pthread_mutex_unlock (&c->lock);
      return 0;
    default:
      return 0;
    }
}

typedef struct
{
  Canceller *canceller;
  double raised_at;
} ThreadArgs;

/* Waits until the run has made progress, then raises the flag. */
static void *
cancel_thread (void *data)
{
  ThreadArgs *args = data;
  Canceller *c = args->canceller;

  pthread_mutex_lock (&c->lock);
  while (!c->started)
    pthread_cond_wait (&c->started_cond, &c->lock);
  pthread_mutex_unlock (&c->lock);
  args->raised_at = compare_now ();
  jart_cancel_request (c->cancel);
  return NULL;
}

static void
check_cancel (Tally *tally, Oracle *oracle, const JartImage *image,
              JartSettings settings, How how, int at_generation, int in_place)
{
  JartImage *src = image_copy (image);
  JartImage *dst
      = in_place ? src : image_new (src->width, src->height, src->channels);
  JartImage *src_copy = image_copy (src);
  JartImage *dst_copy;
  Canceller c;
  JartCallbacks callbacks;
  JartResult result;
  JartStatus status;
  ThreadArgs args = { &c, 0.0 };
  pthread_t thread;
  char what[400], label[300];
  double returned_at;

  if (!in_place)
    memset (dst->pixels, 0xc3, dst->stride * dst->height);
  dst_copy = image_copy (dst);
  memset (&c, 0, sizeof c);
  c.how = how;
  c.at_generation = at_generation;
  c.cancel = jart_cancel_new ();
  pthread_mutex_init (&c.lock, NULL);
  pthread_cond_init (&c.started_cond, NULL);
  callbacks.generation_done = on_generation;
  callbacks.progress = on_progress;
  callbacks.cancel = c.cancel;
  callbacks.user_data = &c;
  {
    TestCase test = { .label = "noise", .src = src, .settings = settings };
    case_describe (&test, label, sizeof label);
  }
  snprintf (what, sizeof what, "%s %s%s, at generation %d", label,
            how_names[how], in_place ? ", in place" : "", at_generation);

  tally_check (tally, !jart_cancel_requested (c.cancel),
               "%s: a new JartCancel is already raised", what);
  if (how == BY_FLAG_BEFORE)
    jart_cancel_request (c.cancel);
  if (how == BY_OTHER_THREAD)
    pthread_create (&thread, NULL, cancel_thread, &args);
  status = jart_run (src, dst, &settings, &callbacks, &result);
  returned_at = compare_now ();
  if (how == BY_OTHER_THREAD)
    {
      if (!c.started)
        {
          /* The run ended without a progress call: release the thread. */
          pthread_mutex_lock (&c.lock);
          c.started = 1;
          pthread_cond_signal (&c.started_cond);
          pthread_mutex_unlock (&c.lock);
        }
      pthread_join (thread, NULL);
      tally_note (tally, "%s: the run returned %.1f ms after the flag rose",
                  what, (returned_at - args.raised_at) * 1e3);
      tally_check (tally, returned_at - args.raised_at < 2.0,
                   "%s: the run took %.2f s to notice the flag", what,
                   returned_at - args.raised_at);
    }

  tally_check (tally, status == JART_ERROR_CANCELLED,
               "%s: jart_run returned %d (%s), expected "
               "JART_ERROR_CANCELLED",
               what, status, jart_strerror (status));
  tally_check (tally, c.calls_after_cancel == 0,
               "%s: %d generation callbacks after the cancel", what,
               c.calls_after_cancel);
  {
    char text[500];
    snprintf (text, sizeof text, "%s: destination untouched", what);
    compare_images (tally, dst_copy, dst, text);
    snprintf (text, sizeof text, "%s: source untouched", what);
    compare_images (tally, src_copy, src, text);
  }

  /* Reset, and the same run goes through and is right. */
  jart_cancel_reset (c.cancel);
  tally_check (tally, !jart_cancel_requested (c.cancel),
               "%s: jart_cancel_reset left the flag up", what);
  if (how != BY_OTHER_THREAD)
    {
      TestCase test = { .label = "noise (after a reset)",
                        .src = src,
                        .settings = settings };
      case_run (oracle, tally, &test, NULL);
    }

  jart_cancel_free (c.cancel);
  pthread_mutex_destroy (&c.lock);
  pthread_cond_destroy (&c.started_cond);
  image_free (src_copy);
  image_free (dst_copy);
  if (!in_place)
    image_free (dst);
  image_free (src);
}

int
main (void)
{
  Tally tally;
  Oracle *oracle;
  JartImage *small, *big;

  tally_init (&tally, "cancel");
  oracle = oracle_new ();
  if (!oracle)
    return 99;
  small = image_new (45, 37, 4);
  image_fill (small, PATTERN_NOISE, 3);
  big = image_new (512, 384, 3);
  image_fill (big, PATTERN_NOISE, 4);

  for (int in_place = 0; in_place < 2; in_place++)
    for (int threads = 1; threads <= 2; threads++)
      {
        JartSettings s
            = case_settings (60, 8, JART_SUBSAMPLING_420, JART_DCT_ACCURATE);
        s.grid_drift = 2;
        s.threads = threads;
        check_cancel (&tally, oracle, small, s, BY_PROGRESS_RETURN, 0,
                      in_place);
        check_cancel (&tally, oracle, small, s, BY_PROGRESS_FLAG, 0, in_place);
        check_cancel (&tally, oracle, small, s, BY_FLAG_BEFORE, 0, in_place);
        for (int g = 1; g <= s.generations; g += 3)
          {
            int at = g > s.generations - 3 ? s.generations : g;
            check_cancel (&tally, oracle, small, s, BY_GENERATION_RETURN, at,
                          in_place);
            check_cancel (&tally, oracle, small, s, BY_GENERATION_FLAG, at,
                          in_place);
          }

        /* A long run, cancelled from outside while it computes. */
        s = case_settings (80, JART_GENERATIONS_MAX, JART_SUBSAMPLING_422,
                           JART_DCT_FAST);
        s.grid_drift = 7;
        s.threads = threads == 1 ? 1 : 0;
        check_cancel (&tally, oracle, big, s, BY_OTHER_THREAD, 0, in_place);
      }

  image_free (small);
  image_free (big);
  oracle_free (oracle);
  return tally_finish (&tally);
}
