/* test-no-memory.c: allocation failures.  The program is linked with
 * -Wl,--wrap for malloc, calloc, realloc, aligned_alloc, posix_memalign and
 * pthread_create, so that every call the codec makes to them comes here
 * first.  A clean run counts the codec's allocations; then the run is
 * repeated with the first, second, ... allocation failing (once, and from
 * there on), and with thread creation failing.  Each such run must either
 * return JART_ERROR_NO_MEMORY and leave the destination untouched, or (for
 * a failure the codec can do without, such as a worker thread) succeed
 * with exactly libjpeg-turbo's pixels.  Never a crash, never a half-written
 * destination.  The clean run's peak of live bytes (free is wrapped too)
 * must stay within jart_memory_needed and the working image it leaves out.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "images.h"
#include "runcase.h"

/* The failure plan; armed only around jart_run. */
static atomic_int armed;
static atomic_long calls;       /* allocations seen while armed */
static atomic_long fail_at;     /* 1-based; 0: never */
static atomic_int fail_onwards; /* fail every call from fail_at on */
static atomic_int fail_threads; /* pthread_create fails */

/* The codec's live allocations while armed, for the peak. */
#define LIVE_MAX 4096
static struct
{
  void *pointer;
  size_t size;
} live[LIVE_MAX];
static int live_end; /* slots in use lie below */
static size_t live_bytes, live_peak;
static pthread_mutex_t live_lock = PTHREAD_MUTEX_INITIALIZER;

static void
note_alloc (void *pointer, size_t size)
{
  int i;

  if (pointer == NULL || !atomic_load (&armed))
    return;
  pthread_mutex_lock (&live_lock);
  for (i = 0; i < LIVE_MAX && live[i].pointer != NULL; i++)
    ;
  if (i < LIVE_MAX)
    {
      live[i].pointer = pointer;
      live[i].size = size;
      live_end = i + 1 > live_end ? i + 1 : live_end;
      live_bytes += size;
      live_peak = live_bytes > live_peak ? live_bytes : live_peak;
    }
  pthread_mutex_unlock (&live_lock);
}

static void
note_free (void *pointer)
{
  if (pointer == NULL)
    return;
  pthread_mutex_lock (&live_lock);
  for (int i = 0; i < live_end; i++)
    if (live[i].pointer == pointer)
      {
        live_bytes -= live[i].size;
        live[i].pointer = NULL;
        break;
      }
  pthread_mutex_unlock (&live_lock);
}

static int
should_fail (void)
{
  long n, at;

  if (!atomic_load (&armed))
    return 0;
  n = atomic_fetch_add (&calls, 1) + 1;
  at = atomic_load (&fail_at);
  return at > 0 && (n == at || (atomic_load (&fail_onwards) && n > at));
}

void *__real_malloc (size_t size);
void __real_free (void *pointer);
void *__real_calloc (size_t count, size_t size);
void *__real_realloc (void *pointer, size_t size);
void *__real_aligned_alloc (size_t alignment, size_t size);
int __real_posix_memalign (void **pointer, size_t alignment, size_t size);
int __real_pthread_create (pthread_t *thread, const pthread_attr_t *attr,
                           void *(*start) (void *), void *arg);

void *__wrap_malloc (size_t size);
void __wrap_free (void *pointer);
void *__wrap_calloc (size_t count, size_t size);
void *__wrap_realloc (void *pointer, size_t size);
void *__wrap_aligned_alloc (size_t alignment, size_t size);
int __wrap_posix_memalign (void **pointer, size_t alignment, size_t size);
int __wrap_pthread_create (pthread_t *thread, const pthread_attr_t *attr,
                           void *(*start) (void *), void *arg);

void *
__wrap_malloc (size_t size)
{
  void *p = should_fail () ? NULL : __real_malloc (size);

  note_alloc (p, size);
  return p;
}

void
__wrap_free (void *pointer)
{
  note_free (pointer);
  __real_free (pointer);
}

void *
__wrap_calloc (size_t count, size_t size)
{
  void *p = should_fail () ? NULL : __real_calloc (count, size);

  note_alloc (p, count * size);
  return p;
}

void *
__wrap_realloc (void *pointer, size_t size)
{
  void *p = should_fail () ? NULL : __real_realloc (pointer, size);

  if (p != NULL)
    {
      note_free (pointer);
      note_alloc (p, size);
    }
  return p;
}

void *
__wrap_aligned_alloc (size_t alignment, size_t size)
{
  void *p = should_fail () ? NULL : __real_aligned_alloc (alignment, size);

  note_alloc (p, size);
  return p;
}

int
__wrap_posix_memalign (void **pointer, size_t alignment, size_t size)
{
  int status = should_fail ()
                   ? ENOMEM
                   : __real_posix_memalign (pointer, alignment, size);

  if (status == 0)
    note_alloc (*pointer, size);
  return status;
}

int
__wrap_pthread_create (pthread_t *thread, const pthread_attr_t *attr,
                       void *(*start) (void *), void *arg)
{
  if (atomic_load (&armed) && atomic_load (&fail_threads))
    return EAGAIN;
  return __real_pthread_create (thread, attr, start, arg);
}

/* One run under the current plan, judged. */
static void
run_under_plan (Tally *tally, const JartImage *src, const JartImage *expected,
                const JartSettings *settings, int with_callback,
                const char *what)
{
  JartImage *dst = image_new (src->width, src->height, src->channels);
  JartImage *before;
  JartCallbacks callbacks = { case_generation_ignored, NULL, NULL, NULL };
  JartStatus status;
  char text[400];

  memset (dst->pixels, 0x77, dst->stride * dst->height);
  before = image_copy (dst);
  atomic_store (&calls, 0);
  pthread_mutex_lock (&live_lock);
  live_bytes = live_peak = 0;
  pthread_mutex_unlock (&live_lock);
  atomic_store (&armed, 1);
  status
      = jart_run (src, dst, settings, with_callback ? &callbacks : NULL, NULL);
  atomic_store (&armed, 0);

  if (atomic_load (&fail_at) == 0 && !atomic_load (&fail_threads))
    {
      /* jart_memory_needed leaves out, without a schedule, the working
         image allocated when there are callbacks (else the destination is
         it); the generation callback reads the working image itself. */
      size_t frame = (size_t)src->width * src->height * src->channels;
      size_t bound = jart_memory_needed (src->width, src->height,
                                         src->channels, settings)
                     + (with_callback && settings->n_steps == 0 ? frame : 0);

      tally_check (tally, live_peak <= bound,
                   "%s: %zu bytes live at the peak, jart_memory_needed and "
                   "the frames %zu",
                   what, live_peak, bound);
    }

  if (status == JART_OK)
    {
      snprintf (text, sizeof text,
                "%s: succeeded despite the failure, so "
                "its pixels must be right",
                what);
      compare_images (tally, expected, dst, text);
    }
  else
    {
      tally_check (tally, status == JART_ERROR_NO_MEMORY,
                   "%s: jart_run returned %d (%s), expected "
                   "JART_ERROR_NO_MEMORY",
                   what, status, jart_strerror (status));
      snprintf (text, sizeof text, "%s: destination untouched", what);
      compare_images (tally, before, dst, text);
    }
  image_free (before);
  image_free (dst);
}

static void
check_config (Tally *tally, Oracle *oracle, const char *label,
              const JartImage *src, const JartSettings *settings,
              int with_callback)
{
  JartImage *expected = image_new (src->width, src->height, src->channels);
  TestCase test = { .label = label, .src = src, .settings = *settings };
  char description[400], what[500];
  long total;

  case_describe (&test, description, sizeof description);
  if (oracle_run (oracle, src, settings, settings->generations, NULL, NULL,
                  expected)
      != 0)
    {
      tally_check (tally, 0, "%s: the oracle failed", description);
      image_free (expected);
      return;
    }

  /* Count the allocations of a clean run (which must be right). */
  atomic_store (&fail_at, 0);
  atomic_store (&fail_threads, 0);
  snprintf (what, sizeof what, "%s, no failure", description);
  run_under_plan (tally, src, expected, settings, with_callback, what);
  total = atomic_load (&calls);
  tally_note (tally, "%s: %ld allocations, at most %zu bytes live",
              description, total, live_peak);

  for (int onwards = 0; onwards < 2; onwards++)
    for (long k = 1; k <= total; k++)
      {
        atomic_store (&fail_at, k);
        atomic_store (&fail_onwards, onwards);
        snprintf (what, sizeof what, "%s, allocation %ld of %ld fails%s",
                  description, k, total, onwards ? " and all after it" : "");
        run_under_plan (tally, src, expected, settings, with_callback, what);
      }

  atomic_store (&fail_at, 0);
  atomic_store (&fail_threads, 1);
  snprintf (what, sizeof what, "%s, thread creation fails", description);
  run_under_plan (tally, src, expected, settings, with_callback, what);
  atomic_store (&fail_threads, 0);
  image_free (expected);
}

/* jart_generation_jpeg_size of generation 1 of SETTINGS on SRC with each
 * coding: a clean call's peak of live bytes stays within
 * jart_jpeg_size_memory, and each of its allocations failing (alone, or
 * with all after it) gives JART_ERROR_NO_MEMORY (leaks are the sanitizer
 * pass's to find). */
static void
check_sizes (Tally *tally, const char *label, const JartImage *src,
             const JartSettings *settings)
{
  for (int coding = JART_CODING_STANDARD; coding <= JART_CODING_PROGRESSIVE;
       coding++)
    {
      uint64_t clean = 0, bytes = 0;
      size_t bound;
      JartStatus status;
      long total;

      atomic_store (&fail_at, 0);
      atomic_store (&calls, 0);
      pthread_mutex_lock (&live_lock);
      live_bytes = live_peak = 0;
      pthread_mutex_unlock (&live_lock);
      atomic_store (&armed, 1);
      status = jart_generation_jpeg_size (src, settings, 1, coding, &clean);
      atomic_store (&armed, 0);
      total = atomic_load (&calls);
      bound = jart_jpeg_size_memory (src->width, src->height, src->channels,
                                     settings, coding);
      tally_check (tally, status == JART_OK && live_peak <= bound && total > 0,
                   "%s, coding %d: %s, %zu bytes live at the peak, "
                   "jart_jpeg_size_memory says %zu",
                   label, coding, jart_strerror (status), live_peak, bound);
      for (int onwards = 0; onwards < 2; onwards++)
        for (long k = 1; k <= total; k++)
          {
            atomic_store (&fail_at, k);
            atomic_store (&fail_onwards, onwards);
            atomic_store (&calls, 0);
            atomic_store (&armed, 1);
            status
                = jart_generation_jpeg_size (src, settings, 1, coding, &bytes);
            atomic_store (&armed, 0);
            tally_check (tally, status == JART_ERROR_NO_MEMORY,
                         "%s, coding %d, allocation %ld of %ld fails%s: %s",
                         label, coding, k, total,
                         onwards ? " and all after it" : "",
                         jart_strerror (status));
          }
      atomic_store (&fail_at, 0);
    }
}

int
main (void)
{
  Tally tally;
  Oracle *oracle;
  JartImage *rgba, *gray;
  JartSettings s;

  tally_init (&tally, "no-memory");
  oracle = oracle_new ();
  if (!oracle)
    return 99;
  rgba = image_new (70, 45, 4);
  gray = image_new (33, 20, 2);
  image_fill (rgba, PATTERN_NOISE, 11);
  image_fill (gray, PATTERN_CHECKER, 12);

  s = case_settings (70, 5, JART_SUBSAMPLING_420, JART_DCT_ACCURATE);
  s.flatten = 1;
  s.grid_drift = 3;
  s.threads = 4;
  check_config (&tally, oracle, "noise", rgba, &s, 1);

  /* The statistics' allocations (stats.c, stats-ssim.c) fail alike. */
  s = case_settings (60, 4, JART_SUBSAMPLING_422, JART_DCT_ACCURATE);
  s.statistics = 1;
  s.threads = 3;
  check_config (&tally, oracle, "noise with statistics", rgba, &s, 1);
  s.statistics = 1;
  s.threads = 2;
  s.n_steps = 0;
  check_config (&tally, oracle, "checker with statistics", gray, &s, 1);

  s = case_settings (40, 30, JART_SUBSAMPLING_411, JART_DCT_FAST);
  s.threads = 1;
  check_config (&tally, oracle, "noise", rgba, &s, 0);

  s = case_settings (90, 10, JART_SUBSAMPLING_444, JART_DCT_ACCURATE);
  s.threads = 0;
  s.flatten = 1;
  check_config (&tally, oracle, "checker", gray, &s, 1);

  /* A schedule: a plain save, colour changes, a scaled step with the
     settings' tables; each allocates of its own in every generation. */
  s = case_settings (75, 4, JART_SUBSAMPLING_420, JART_DCT_ACCURATE);
  s.threads = 2;
  s.flatten = 1;
  s.n_steps = 3;
  s.steps[0] = (JartStep){
    80, JART_SUBSAMPLING_422, 1.0, JART_FILTER_NEAREST, 1.0, 1.0, 0.0
  };
  s.steps[1] = (JartStep){
    60, JART_SUBSAMPLING_420, 1.0, JART_FILTER_NEAREST, 1.3, 1.1, 0.5
  };
  s.steps[2] = (JartStep){
    0, JART_SUBSAMPLING_444, 0.6, JART_FILTER_LANCZOS, 1.0, 1.0, 0.0
  };
  for (int i = 0; i < 128; i++)
    s.tables[i / 64][i % 64] = (uint16_t)(1 + i * 7 % 255);
  check_config (&tally, oracle, "noise, schedule", rgba, &s, 1);
  check_config (&tally, oracle, "noise, schedule", rgba, &s, 0);
  check_sizes (&tally, "noise, schedule, sizes", rgba, &s);

  s = case_settings (60, 1, JART_SUBSAMPLING_411, JART_DCT_FLOAT);
  s.anchor_x = 31;
  s.anchor_y = 31;
  s.grid_drift = 7;
  check_sizes (&tally, "noise, sizes", rgba, &s);
  check_sizes (&tally, "checker, sizes", gray, &s);

  image_free (rgba);
  image_free (gray);
  oracle_free (oracle);
  return tally_finish (&tally);
}
