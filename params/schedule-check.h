/* schedule-check.h: a schedule's text checked once for the plug-in, the
 * dialog and the command-line tool: what is wrong with it and where, which
 * each words its own way.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_SCHEDULE_CHECK_H
#define JA_SCHEDULE_CHECK_H

#include <stddef.h>

#include "values.h"

/* What is wrong with a schedule's text, for the messages of the plug-in,
 * the dialog and the tool, which word them each their own way. */
typedef enum
{
  JA_SCHEDULE_OK = 0,
  JA_SCHEDULE_TOO_LONG,       /* no NUL in its JA_SCHEDULE_SIZE bytes */
  JA_SCHEDULE_UNKNOWN_WORD,   /* a word no step takes */
  JA_SCHEDULE_EMPTY_STEP,     /* nothing between two ';', or before the
                                 first */
  JA_SCHEDULE_TOO_MANY_STEPS, /* more than JART_STEPS_MAX steps */
  JA_SCHEDULE_QUALITY,        /* qN beyond 1..100 */
  JA_SCHEDULE_REPEAT,         /* *N beyond 1..JART_STEPS_MAX */
  JA_SCHEDULE_SCALE,          /* xS beyond 0.05..1, P% beyond 5..100 */
  JA_SCHEDULE_ADJUST,         /* satS, conS or sharpS beyond 0..4 */
  JA_SCHEDULE_NO_TABLES       /* "tables" with no original file's tables */
} JaScheduleProblem;

typedef struct
{
  JaScheduleProblem problem;
  size_t at; /* the byte offset (from 0) of the word or step at fault */
  char word[JA_SCHEDULE_SIZE]; /* that word (a step too many: its first),
                                  "" for an empty step */
  int steps; /* with JA_SCHEDULE_OK, the steps the text makes (0 for
                none) */
} JaScheduleCheck;

/* Reads VALUES's schedule text as ja_values_to_settings does, TABLES
 * nonzero when an original file's tables are there for the word "tables"
 * (use_original on with a usable JaOriginal, or the tool's --tables-from),
 * and fills CHECK with what is wrong and where.  Returns CHECK->problem. */
JaScheduleProblem ja_schedule_check (const JaValues *values, int tables,
                                     JaScheduleCheck *check);

#endif /* JA_SCHEDULE_CHECK_H */
