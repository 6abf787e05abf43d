/* test-default-threads.c: how many threads a run with the default count
 * (JartSettings.threads 0) starts.  The program is linked with
 * -Wl,--wrap=pthread_create, so that it counts every thread the codec
 * starts.  A small image (fewer than 65536 pixels) runs on the caller's
 * thread alone, statistics included: starting and joining threads for
 * each phase of each generation cost it more than the work (a time slice
 * each when the cores are busy); an image of 4 x 65536 pixels starts
 * threads when the machine has more than one core, and none when it has
 * one.  An explicit count is used as given.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <unistd.h>

#include "images.h"
#include "runcase.h"

static atomic_long started;

int __real_pthread_create (pthread_t *thread, const pthread_attr_t *attr,
                           void *(*start) (void *), void *arg);
int __wrap_pthread_create (pthread_t *thread, const pthread_attr_t *attr,
                           void *(*start) (void *), void *arg);

int
__wrap_pthread_create (pthread_t *thread, const pthread_attr_t *attr,
                       void *(*start) (void *), void *arg)
{
  atomic_fetch_add (&started, 1);
  return __real_pthread_create (thread, attr, start, arg);
}

/* The threads a run of 4 generations with statistics on a WIDTH x HEIGHT
 * noise image with THREADS (0: the default) starts. */
static long
threads_started (int width, int height, int threads)
{
  JartImage *src = image_new (width, height, 3);
  JartImage *dst = image_new (width, height, 3);
  JartSettings s
      = case_settings (50, 4, JART_SUBSAMPLING_420, JART_DCT_ACCURATE);
  JartCallbacks callbacks = { case_generation_ignored, NULL, NULL, NULL };
  JartResult result;
  JartStatus status;
  long count;

  image_fill (src, PATTERN_NOISE, 3);
  s.threads = threads;
  s.statistics = 1;
  s.stop_at_fixed_point = 0;
  atomic_store (&started, 0);
  status = jart_run (src, dst, &s, &callbacks, &result);
  count = atomic_load (&started);
  image_free (src);
  image_free (dst);
  return status == JART_OK ? count : -1;
}

int
main (void)
{
  Tally tally;
  long cores = sysconf (_SC_NPROCESSORS_ONLN), n;

  tally_init (&tally, "default-threads");
  n = threads_started (250, 200, 0);
  tally_check (&tally, n == 0,
               "a 250x200 image with the default thread count started %ld "
               "threads (expected none: fewer than 65536 pixels)",
               n);
  n = threads_started (512, 512, 0);
  tally_check (&tally, cores > 1 ? n > 0 : n == 0,
               "a 512x512 image with the default thread count on %ld cores "
               "started %ld threads",
               cores, n);
  n = threads_started (250, 200, 2);
  tally_check (&tally, n > 0,
               "a 250x200 image with 2 threads asked for started %ld threads",
               n);
  return tally_finish (&tally);
}
