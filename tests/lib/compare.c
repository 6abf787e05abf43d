/* compare.c: pixel comparison and the test programs' reporting.  Messages
 * go to stdout, one line each, starting with the test's name, so that
 * meson's log of a failing test reads on its own.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _POSIX_C_SOURCE 200809L

#include "compare.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

double
compare_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

void
tally_init (Tally *tally, const char *name)
{
  memset (tally, 0, sizeof *tally);
  tally->name = name;
  tally->max_messages = 30;
  tally->skip_notes = 1;
  tally->start = compare_now ();
  setvbuf (stdout, NULL, _IOLBF, 0);
}

int
tally_finish (Tally *tally)
{
  printf ("%s: %ld round trips compared pixel by pixel in %ld codec runs, "
          "%ld other checks, %ld failures, ",
          tally->name, tally->round_trips, tally->cases, tally->checks,
          tally->failures);
  if (tally->skipped > 0)
    printf ("%ld runs skipped where libjpeg-turbo wrote a corrupt file, ",
            tally->skipped);
  printf ("%.2f s: %s\n", compare_now () - tally->start,
          tally->failures ? "FAIL" : "pass");
  return tally->failures ? 1 : 0;
}

static void
print_failure (Tally *tally, const char *format, va_list args)
{
  tally->failures++;
  if (tally->failures > tally->max_messages)
    {
      if (tally->failures == tally->max_messages + 1)
        printf ("%s: further failures are only counted\n", tally->name);
      return;
    }
  printf ("%s: FAIL ", tally->name);
  vprintf (format, args);
  putchar ('\n');
}

int
tally_check (Tally *tally, int ok, const char *format, ...)
{
  tally->checks++;
  if (!ok)
    {
      va_list args;
      va_start (args, format);
      print_failure (tally, format, args);
      va_end (args);
    }
  return ok;
}

void
tally_note (Tally *tally, const char *format, ...)
{
  va_list args;

  printf ("%s: ", tally->name);
  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  putchar ('\n');
}

int
compare_first_difference (const JartImage *expected, const JartImage *got,
                          int *x, int *y, int *channel)
{
  size_t row_bytes = (size_t)expected->width * expected->channels;

  for (int row = 0; row < expected->height; row++)
    {
      const uint8_t *e = expected->pixels + (size_t)row * expected->stride;
      const uint8_t *g = got->pixels + (size_t)row * got->stride;
      if (memcmp (e, g, row_bytes) == 0)
        continue;
      for (size_t i = 0; i < row_bytes; i++)
        if (e[i] != g[i])
          {
            *x = (int)(i / expected->channels);
            *y = row;
            *channel = (int)(i % expected->channels);
            return 1;
          }
    }
  return 0;
}

static const char *
channel_name (int channels, int channel)
{
  static const char *const names[4][4] = { { "gray" },
                                           { "gray", "alpha" },
                                           { "R", "G", "B" },
                                           { "R", "G", "B", "alpha" } };

  return names[channels - 1][channel];
}

int
compare_images (Tally *tally, const JartImage *expected, const JartImage *got,
                const char *what)
{
  int x, y, channel;
  uint64_t differ = 0;

  if (expected->width != got->width || expected->height != got->height
      || expected->channels != got->channels)
    return tally_check (tally, 0,
                        "%s: expected a %dx%d image with %d "
                        "channels, got %dx%d with %d",
                        what, expected->width, expected->height,
                        expected->channels, got->width, got->height,
                        got->channels);

  if (!compare_first_difference (expected, got, &x, &y, &channel))
    return tally_check (tally, 1, "%s", what);

  for (int row = 0; row < expected->height; row++)
    for (int col = 0; col < expected->width; col++)
      if (memcmp (expected->pixels + (size_t)row * expected->stride
                      + (size_t)col * expected->channels,
                  got->pixels + (size_t)row * got->stride
                      + (size_t)col * got->channels,
                  expected->channels)
          != 0)
        differ++;

  return tally_check (
      tally, 0,
      "%s: first differing pixel (x %d, y %d) channel %d (%s): expected "
      "%d, got %d; %llu of %llu pixels differ",
      what, x, y, channel, channel_name (expected->channels, channel),
      expected->pixels[(size_t)y * expected->stride
                       + (size_t)x * expected->channels + channel],
      got->pixels[(size_t)y * got->stride + (size_t)x * got->channels
                  + channel],
      (unsigned long long)differ,
      (unsigned long long)expected->width * expected->height);
}

static const char *const subsampling_names[]
    = { "444", "422", "420", "440", "411" };

const char *
subsampling_name (JartSubsampling subsampling)
{
  if ((int)subsampling >= 0 && (int)subsampling < 5)
    return subsampling_names[subsampling];
  return "bad";
}

const char *
dct_name (JartDct dct)
{
  return dct == JART_DCT_ACCURATE ? "islow"
         : dct == JART_DCT_FAST   ? "ifast"
         : dct == JART_DCT_FLOAT  ? "float"
                                  : "bad";
}

int
subsampling_parse (const char *text, JartSubsampling *subsampling)
{
  for (int i = 0; i < 5; i++)
    if (strcmp (text, subsampling_names[i]) == 0)
      {
        *subsampling = (JartSubsampling)i;
        return 1;
      }
  return 0;
}

int
dct_parse (const char *text, JartDct *dct)
{
  if (strcmp (text, "islow") == 0 || strcmp (text, "accurate") == 0)
    *dct = JART_DCT_ACCURATE;
  else if (strcmp (text, "ifast") == 0 || strcmp (text, "fast") == 0)
    *dct = JART_DCT_FAST;
  else if (strcmp (text, "float") == 0)
    *dct = JART_DCT_FLOAT;
  else
    return 0;
  return 1;
}

int
method_parse (const char *text, JartDct *dct, JartDecode *decode)
{
  const char *dash = strchr (text, '-');
  char name[16];

  *decode = JART_DECODE_VIEWERS;
  if (dash == NULL)
    return dct_parse (text, dct);
  if (strcmp (dash + 1, "gimp") != 0 || (size_t)(dash - text) >= sizeof name)
    return 0;
  memcpy (name, text, (size_t)(dash - text));
  name[dash - text] = '\0';
  *decode = JART_DECODE_GIMP;
  return dct_parse (name, dct);
}
