/* runcase.h: one test case run twice, by the codec and by the oracle, and
 * compared at every generation.  The oracle loop advances in step with the
 * codec's generation callback, so that a photo's twenty generations need
 * no more than two images of memory.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef TEST_RUNCASE_H
#define TEST_RUNCASE_H

#include <stddef.h>

#include "compare.h"
#include "jart.h"
#include "oracle.h"

typedef struct
{
  const char *label;     /* the picture: a pattern or a photo's name */
  const JartImage *src;  /* any stride */
  JartSettings settings; /* what the codec runs */
  int in_place;          /* 1: the codec runs on a copy of SRC (same
                            stride) as both source and destination, one
                            JartImage; 2: the same pixels, two JartImages */
  size_t dst_padding;    /* bytes after each destination row, which the
                            codec must not touch (not in place) */
} TestCase;

/* What a case's run gave, for tests that look further. */
typedef struct
{
  JartStatus status;
  JartResult result;   /* the codec's */
  int first_unchanged; /* the oracle's first generation that changed no
                          pixel, 0 when none did */
  int skipped;         /* 0, or the generation at which libjpeg-turbo
                          reported its own file corrupt (ORACLE_CORRUPT):
                          from there on nothing was compared */
  char why[320];       /* then the library's report */
} CaseOutcome;

/* jart_settings_init, then the four settings every case names. */
JartSettings case_settings (int quality, int generations,
                            JartSubsampling subsampling, JartDct dct);

/* A one-line description of CASE for messages: the picture, its size and
 * channels, every setting. */
void case_describe (const TestCase *test, char *text, size_t size);

/* Runs CASE through jart_run with a generation callback and a progress
 * callback and through the oracle loop, and checks:
 * - jart_run returns JART_OK and leaves the source untouched;
 * - every generation's pixels (the callback's) equal the oracle's, and its
 *   report equals the oracle's (generation, quality, grid offset, changed
 *   pixels; PSNR to 1e-6 dB);
 * - callbacks come in order, progress stays in 0..1 and never goes back;
 * - generations_run and fixed_point: without drift and with
 *   stop_at_fixed_point, the run stops at the oracle's first generation
 *   that changed no pixel and reports it; otherwise all generations run;
 * - the destination equals the oracle's last generation, run for the full
 *   generation count whether the codec stopped early or not, and the
 *   padding bytes after its rows are untouched;
 * - the same run without any callback ends with the same result and the
 *   same destination pixels;
 * - the statistics the run keeps (run with JartSettings.statistics on)
 *   equal, at every generation, a computation over the whole image:
 *   jart_generation_jpeg_size's sizes (standard, optimized and
 *   progressive, all three from one transform) and jart_ssim's SSIM, bit
 *   for bit.
 * Where libjpeg-turbo reports its own file corrupt (the decoder warned
 * on it, or a generation that differs held coefficients out of baseline's
 * range: oracle.h's ORACLE_CORRUPT) there is nothing to match: the case
 * stops being compared there, counts in TALLY->skipped, and the library's
 * message is printed (TALLY->skip_notes) and kept in OUTCOME; that is no
 * failure.
 * The environment may force settings on every case, for running whole
 * test programs with each kernel path and thread count:
 * JART_TEST_KERNELS (auto, portable, sse2 or avx2; a path this CPU lacks
 * skips the test) and JART_TEST_THREADS (0..64).
 * Counts everything in TALLY, fills OUTCOME when not NULL.  Returns 1 when
 * all held. */
int case_run (Oracle *oracle, Tally *tally, const TestCase *test,
              CaseOutcome *outcome);

/* QUALITIES[0..N-1] as a photo test runs them: as they are, or with
 * JART_TEST_QUALITIES=ends (the sanitizer pass of tools/run-tests.sh) the
 * lowest and the highest only, the ends of the coefficients' range (pass 1
 * runs every one).  Returns the new count. */
int case_quality_ends (int *qualities, int n);

/* The whole number in the environment variable NAME, from LO to HI;
 * FALLBACK when it is unset or empty.  Any other value stops the test with
 * 99 (meson's "error") and a message naming the variable: a test run with
 * other settings than its caller asked for would pass unnoticed. */
int case_env_int (const char *name, int lo, int hi, int fallback);

/* A generation callback that does nothing: with it a run computes its
 * statistics (which need a generation_done callback). */
int case_generation_ignored (const JartGenerationReport *report,
                             const JartImage *pixels, void *user_data);

/* A schedule's step with every field given. */
JartStep case_step (int quality, JartSubsampling mode, double scale,
                    JartFilter filter, double saturation, double contrast,
                    double sharpen);

/* Fills S->tables: KIND 0 random entries 1..255 from SEED, else those of
 * quality KIND (the oracle's). */
void case_tables (JartSettings *s, int kind, uint32_t seed);

#endif /* TEST_RUNCASE_H */
