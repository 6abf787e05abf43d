/* options.h: the command line of jpeg-artifacts, parsed into the codec's
 * settings and the tool's own switches, and the --help text that
 * describes it.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef OPTIONS_H
#define OPTIONS_H

#include <stdbool.h>
#include <stdio.h>

#include "jart.h"
#include "report.h"
#include "tool-error.h"
#include "values.h"

/* What the command line asks for. */
typedef enum
{
  OPTIONS_RUN,     /* run the generations on INPUT, write OUTPUT */
  OPTIONS_HELP,    /* --help */
  OPTIONS_VERSION, /* --version */
  OPTIONS_BAD,     /* a usage error, described in the ToolError */
  /* --save-preset without INPUT and OUTPUT: save the look, run nothing */
  OPTIONS_SAVE_PRESET
} OptionsAction;

typedef struct
{
  JartSettings settings; /* quality, generations, subsampling, DCT, jitter,
                            drift, seed, schedule, flatten, background,
                            stop: what the plug-in would run with the same
                            values (ja_values_to_settings) */
  JaValues values;       /* the look options, as the plug-in has them */
  JaOriginal original;   /* --tables-from's file, when given */
  const char *input;     /* the INPUT operand */
  const char *output;    /* the OUTPUT operand */
  bool quiet;            /* print no table and no summary */
  ReportFormat table;    /* --table: the table's format */
  bool difference;       /* write |result - INPUT| x 8 instead */
  /* --save-preset's name, or NULL */
  const char *save_preset;
  int schedule_steps; /* the steps the schedule's text makes, 0
                         without one; without --generations (after
                         the schedule's --preset, if any) the run has
                         that many generations */
} ToolOptions;

/* Parses ARGV into OPTIONS.  Every value is checked against its range; the
 * first problem ends the parse with OPTIONS_BAD and a one-line ERROR that
 * names the option and the value given.  --help and --version take effect
 * where they appear. */
OptionsAction options_parse (int argc, char **argv, ToolOptions *options,
                             ToolError *error);

/* Prints the --help text to STREAM. */
void options_print_help (FILE *stream);

#endif /* OPTIONS_H */
