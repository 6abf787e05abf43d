/* report.h: what jpeg-artifacts prints while it runs: when --generations
 * cuts the schedule short or repeats its last step, a line that says so;
 * a table with one row per generation (generation, quality, grid offset dx and
 * dy, pixels changed, PSNR and SSIM against the input, the sizes of the
 * JPEG file the generation encodes: baseline with the standard Huffman
 * tables, optimized, progressive) and, at the end, where the images
 * converged.  Three formats (--table): text for people (translated
 * headings), CSV (a header row, then a row a generation; no other line) and
 * JSON (the run's settings, the generations, where it converged); the
 * numbers of the last two are never localized.  A failure to write it is
 * kept in the Report, never printed, and stops the printing.
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

typedef enum
{
  REPORT_TEXT,
  REPORT_CSV,
  REPORT_JSON
} ReportFormat;

typedef struct
{
  FILE *stream;
  ReportFormat format;
  const JartSettings *settings; /* for JSON's "settings" */
  int requested;                /* generations asked for */
  bool varying;                 /* quality jitter or grid drift: the settings
                                   change from one generation to the next */
  int widths[10];               /* the columns' widths */
  int last_generation;          /* the last row printed */
  uint64_t last_changed;        /* its changed pixels */
  int first_unchanged;          /* the first generation that changed no pixel
                                   and used the schedule's last step */
  int steps;                    /* the schedule's steps, 0: none */
  int write_error;    /* errno of the first failed write to stream, after
                         which nothing more is printed; 0: none */
  int schedule_steps; /* the steps of the schedule's text, 0: none */
} Report;

/* Prepares REPORT for a run with SETTINGS (kept: they must outlive the
 * report), printing to STREAM in FORMAT; SCHEDULE_STEPS is the number of
 * steps of the schedule's text (0 without one: colour changes alone make a
 * step that is no schedule). */
void report_init (Report *report, FILE *stream, const JartSettings *settings,
                  int schedule_steps, ReportFormat format);

/* Reads a --table value ("text", "csv", "json"); false for another. */
bool report_format_parse (const char *text, ReportFormat *format);

/* Prints the table's heading, after a line on the schedule when the run
 * has not as many generations as it has steps (text only; JSON: the
 * opening and the settings). */
void report_header (Report *report);

/* Prints GENERATION's row from its report, which carries the statistics
 * (JartSettings.statistics): its SSIM and the sizes of its JPEG file,
 * baseline with the standard tables and optimized, and progressive. */
void report_generation (Report *report,
                        const JartGenerationReport *generation);

/* Prints how the run ended: the generation where the images converged, or
 * that they did not (CSV: nothing; JSON: the closing object). */
void report_summary (Report *report, const JartResult *result);

#endif /* REPORT_H */
