/* params.h: the procedure's parameters as GIMP's procedure database sees
 * them: their number and order, reading them into a JaValues, and the
 * range check that names the parameter at fault.  main.c holds the table
 * of their names and descriptions that GIMP shows.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_PARAMS_H
#define JA_PARAMS_H

#include <libgimp/gimp.h>

#include "values.h"

/* The procedure's parameters, in order: run-mode, image and drawable, then
 * one per field of JaValues. */
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
  JA_N_PARAMS
};

/* Reads the parameters after the drawable into VALUES, unchecked.  PARAM
 * holds JA_N_PARAMS values. */
void ja_params_read (const GimpParam *param, JaValues *values);

/* NULL when every field of VALUES is in its range; otherwise a message
 * (free with g_free) that names the first parameter out of range, its
 * value and the values it accepts. */
gchar *ja_params_check (const JaValues *values);

#endif /* JA_PARAMS_H */
