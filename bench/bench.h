/* bench.h: what bench.c's main takes from users.c, the cases of what
 * users wait for: the tool as a whole process, the dialog, the
 * cost of the statistics inside a run.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef BENCH_H
#define BENCH_H

#include "jart.h"

/* Monotonic seconds. */
double bench_now (void);

/* The median of the N values in V (sorted in place). */
double bench_median (double *v, int n);

/* Seconds the tool TOOL takes as a process to run GENERATIONS generations
 * (its defaults otherwise) on IMAGE into OUTPUT, with its table (to
 * /dev/null) or QUIET; -1 when it fails. */
double bench_tool (const char *tool, const char *image, int generations,
                   int quiet, const char *output);

/* The first argument by which jpeg-artifacts-bench runs as libjpeg-turbo's
 * loop in a process of its own, as the tool runs:
 *   jpeg-artifacts-bench --turbo-process GENERATIONS QUALITY SUBSAMPLING
 *                        IMAGE OUTPUT
 * reads IMAGE (PNG or JPEG), runs the loop (SUBSAMPLING a JartSubsampling
 * number) and writes the last generation to OUTPUT as binary PPM (PGM
 * for gray), as djpeg would: no temporary file, no fsync. */
#define BENCH_TURBO_PROCESS "--turbo-process"

/* Seconds that process takes, run by the benchmark's own program
 * (/proc/self/exe); -1 when it fails. */
double bench_turbo_process (const char *image, int generations, int quality,
                            JartSubsampling subsampling, const char *output);

/* Seconds from the dialog worker's start with SETTINGS on SRC to its
 * result in the preview's surface, as the dialog's main loop converts each
 * generation the worker hands over (*RESULT), and to the result's
 * statistics (*STATISTICS); -1 when
 * the run fails.  With CHANGE the worker has run another quality to the
 * end first (a slider move in an open dialog), else it is new (the
 * dialog's first run). */
int bench_worker (const JartImage *src, const JartSettings *settings,
                  int change, double *result, double *statistics);

/* What the statistics of a run's generations cost: seconds a generation
 * takes with them less without them. */
typedef struct
{
  double full;        /* generation 1, everything computed */
  double incremental; /* GENERATION, the one nearest 1 % of the 16 x 16
                         blocks changed (by it or by the one before, whose
                         changes it encodes again) */
  double changed;     /* the larger of the two fractions */
  int generation;
} BenchStatsCost;

int bench_statistics_cost (const JartImage *src, const JartSettings *settings,
                           BenchStatsCost *cost);

#endif /* BENCH_H */
