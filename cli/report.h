/* report.h: what jpeg-artifacts prints while it runs: when --generations
 * cuts the schedule short or repeats its last step, a line that says so;
 * a table with one row per generation (generation, quality, grid offset dx and
 * dy, pixels changed, PSNR and SSIM against the input, the size of the JPEG
 * file the generation encodes with the standard Huffman tables) and, at the
 * end, where the images converged.  A failure to write it is kept in the
 * Report, never printed, and stops the printing.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef REPORT_H
#define REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "jart.h"

typedef struct
{
  FILE *stream;
  int requested;         /* generations asked for */
  bool varying;          /* quality jitter or grid drift: the settings
                            change from one generation to the next */
  int widths[8];         /* the columns' widths */
  int last_generation;   /* the last row printed */
  uint64_t last_changed; /* its changed pixels */
  int first_unchanged;   /* the first generation that changed no pixel
                            and used the schedule's last step */
  int steps;             /* the schedule's steps, 0: none */
  int write_error;       /* errno of the first failed write to stream, after
                            which nothing more is printed; 0: none */
  int schedule_steps;    /* the steps of the schedule's text, 0: none */
} Report;

/* Prepares REPORT for a run with SETTINGS, printing to STREAM;
 * SCHEDULE_STEPS is the number of steps of the schedule's text (0 without
 * one: colour changes alone make a step that is no schedule). */
void report_init (Report *report, FILE *stream, const JartSettings *settings,
                  int schedule_steps);

/* Prints the table's heading, after a line on the schedule when the run
 * has not as many generations as it has steps. */
void report_header (Report *report);

/* Prints GENERATION's row with its SSIM against the input and the bytes
 * of its JPEG file. */
void report_generation (Report *report, const JartGenerationReport *generation,
                        double ssim, uint64_t jpeg_bytes);

/* Prints how the run ended: the generation where the images converged, or
 * that they did not. */
void report_summary (Report *report, const JartResult *result);

#endif /* REPORT_H */
