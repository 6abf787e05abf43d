/* params.h: the two procedures' parameters as GIMP's procedure database
 * sees them: their number and order, reading them into a JaValues, the
 * "preset" parameter, and the range check that names the parameter at
 * fault.  main.c holds the tables of their names and descriptions that
 * GIMP shows.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_PARAMS_H
#define JA_PARAMS_H

#include <libgimp/gimp.h>

#include "values.h"

/* The parameters, in order: run-mode, image and drawable, then one per
 * field of JaValues.  plug-in-jpeg-artifacts takes the first JA_N_PARAMS,
 * plug-in-jpeg-artifacts2 the first JA_N_PARAMS2, plug-in-jpeg-artifacts3
 * all JA_N_PARAMS3 (a procedure's parameters never change: scripts call
 * them by position). */
enum
{
  JA_PARAM_RUN_MODE,
  JA_PARAM_IMAGE,
  JA_PARAM_DRAWABLE,
  JA_PARAM_QUALITY,
  JA_PARAM_GENERATIONS,
  JA_PARAM_SUBSAMPLING,
  JA_PARAM_DCT,
  JA_PARAM_QUALITY_JITTER,
  JA_PARAM_GRID_DRIFT,
  JA_PARAM_SEED,
  JA_PARAM_GRID_ANCHOR,
  JA_PARAM_TRANSPARENCY,
  JA_PARAM_APPLY_TO,
  JA_PARAM_OUTPUT,
  JA_N_PARAMS,
  JA_PARAM_PRESET = JA_N_PARAMS,
  JA_PARAM_SCHEDULE,
  JA_PARAM_SATURATION,
  JA_PARAM_CONTRAST,
  JA_PARAM_SHARPEN,
  JA_PARAM_USE_ORIGINAL,
  JA_N_PARAMS2,
  JA_PARAM_DECODE_AS = JA_N_PARAMS2,
  JA_N_PARAMS3
};

/* Reads the N_PARAMS parameters at PARAM (JA_N_PARAMS, JA_N_PARAMS2 or
 * JA_N_PARAMS3)
 * after the drawable into VALUES, unchecked; the fields the first
 * procedure has no parameter for get their defaults.  NULL, or the
 * message (free with g_free) for a string parameter longer than its field
 * holds; NULL strings count as "". */
gchar *ja_params_read (const GimpParam *param, gint n_params,
                       JaValues *values);

/* Sets the look fields of VALUES (quality, generations, subsampling, dct,
 * jitter, drift, schedule, saturation, contrast, sharpen and
 * use-original) to those of the preset VALUES->preset names, a built-in
 * id or the name of a user's preset in PRESETS_FILE (NULL: none); nothing
 * for "".  NULL, or the message (free with g_free) for a preset there is
 * none of, which lists those there are (the first ten and how many more),
 * or, when the file or that preset in it cannot be read, names the file,
 * the line and the key at fault. */
gchar *ja_params_apply_preset (JaValues *values, const char *presets_file);

/* NULL when every field of VALUES is in its range and the schedule reads;
 * otherwise a message (free with g_free) that names the first parameter
 * at fault, its value and the values it accepts (for the schedule, the
 * word at fault and its byte offset). */
gchar *ja_params_check (const JaValues *values);

#endif /* JA_PARAMS_H */
