/* pdb.h: the three procedures' parameters as GIMP 2.10's procedure database
 * passes them: their number and order, and reading them into a JaValues
 * (unchecked: plugin/common/arguments.h applies the preset and checks
 * them).  main.c holds the tables of their names and descriptions that
 * GIMP shows.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_PDB_H
#define JA_PDB_H

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
gchar *ja_pdb_read (const GimpParam *param, gint n_params, JaValues *values);

#endif /* JA_PDB_H */
