/* compare.h: how the codec tests compare and report.  A Tally counts what a
 * test program checked (round trips compared pixel by pixel, other checks)
 * and what failed; compare_images finds the first differing pixel and
 * prints it with the case's parameters.  Every test program ends with
 * tally_finish, whose summary line gives the figures a run printed.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef TEST_COMPARE_H
#define TEST_COMPARE_H

#include <stdint.h>

#include "jart.h"

typedef struct
{
  const char *name;  /* the test's name, first word of every line */
  long cases;        /* codec runs compared with the oracle */
  long round_trips;  /* generations compared pixel by pixel */
  long checks;       /* other checks: status codes, reports, untouched */
  long failures;     /* checks and comparisons that failed */
  long skipped;      /* codec runs not compared to the end: libjpeg-turbo
                        reported its own file corrupt (ORACLE_CORRUPT) */
  int skip_notes;    /* nonzero (the default): print why a run was
                        skipped */
  long max_messages; /* failures printed in full; the rest only counted */
  double start;      /* monotonic seconds at tally_init */
} Tally;

void tally_init (Tally *tally, const char *name);

/* Prints the summary line and returns the program's exit status: 0 when
 * nothing failed, 1 otherwise. */
int tally_finish (Tally *tally);

/* Counts a check; when OK is zero, counts a failure and prints the
 * printf-style message after "FAIL".  Returns OK. */
int tally_check (Tally *tally, int ok, const char *format, ...)
    __attribute__ ((format (printf, 3, 4)));

/* Prints an informational line prefixed with the test's name. */
void tally_note (Tally *tally, const char *format, ...)
    __attribute__ ((format (printf, 2, 3)));

/* Compares EXPECTED and GOT (same size and channels, any strides) pixel
 * by pixel.  On a difference prints WHAT, the first differing pixel in
 * row-major order (x, y, channel, expected, got) and how many pixels
 * differ, and counts a failure.  Counts one check; returns 1 when equal. */
int compare_images (Tally *tally, const JartImage *expected,
                    const JartImage *got, const char *what);

/* The position of the first difference of EXPECTED and GOT, or 0 when they
 * are equal; fills X, Y and CHANNEL. */
int compare_first_difference (const JartImage *expected, const JartImage *got,
                              int *x, int *y, int *channel);

/* Monotonic time in seconds. */
double compare_now (void);

/* Short names of the settings' enums, for messages and arguments. */
const char *subsampling_name (JartSubsampling subsampling);
const char *dct_name (JartDct dct);
int subsampling_parse (const char *text, JartSubsampling *subsampling);
int dct_parse (const char *text, JartDct *dct);

/* A forward DCT and a decoder: "DCT" (decoded as viewers) or "DCT-gimp"
 * (decoded as GIMP's loader), DCT as dct_parse reads it.  1 when TEXT is
 * one. */
int method_parse (const char *text, JartDct *dct, JartDecode *decode);

#endif /* TEST_COMPARE_H */
