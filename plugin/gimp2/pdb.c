/* pdb.c: GIMP 2.10's GimpParam arguments of the three procedures read into
 * a JaValues, strings copied into their fields with a message when one is
 * too long.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pdb.h"

/* Copies the string parameter NAME, VALUE (NULL: ""), into FIELD of SIZE
 * bytes; the message when it does not fit. */
static gchar *
read_string (const char *name, const gchar *value, char *field, gsize size)
{
  gsize length = value != NULL ? strlen (value) : 0;

  if (length >= size)
    return g_strdup_printf (
        /* TRANSLATORS: the parameter's name, its length and the most it
           takes, in bytes. */
        _ ("Parameter '%s' is %lu bytes long; it takes at most %lu."), name,
        (unsigned long)length, (unsigned long)(size - 1));
  memcpy (field, value != NULL ? value : "", length);
  field[length] = '\0';
  return NULL;
}

gchar *
ja_pdb_read (const GimpParam *param, gint n_params, JaValues *values)
{
  gchar *message;

  ja_values_init (values);
  values->quality = param[JA_PARAM_QUALITY].data.d_int32;
  values->generations = param[JA_PARAM_GENERATIONS].data.d_int32;
  values->subsampling = param[JA_PARAM_SUBSAMPLING].data.d_int32;
  values->dct = param[JA_PARAM_DCT].data.d_int32;
  values->quality_jitter = param[JA_PARAM_QUALITY_JITTER].data.d_int32;
  values->grid_drift = param[JA_PARAM_GRID_DRIFT].data.d_int32;
  values->seed = (uint32_t)param[JA_PARAM_SEED].data.d_int32;
  values->grid_anchor = param[JA_PARAM_GRID_ANCHOR].data.d_int32;
  values->transparency = param[JA_PARAM_TRANSPARENCY].data.d_int32;
  values->apply_to = param[JA_PARAM_APPLY_TO].data.d_int32;
  values->output = param[JA_PARAM_OUTPUT].data.d_int32;
  if (n_params < JA_N_PARAMS2)
    return NULL;

  message = read_string ("preset", param[JA_PARAM_PRESET].data.d_string,
                         values->preset, sizeof values->preset);
  if (message == NULL)
    message = read_string ("schedule", param[JA_PARAM_SCHEDULE].data.d_string,
                           values->schedule, sizeof values->schedule);
  values->saturation = param[JA_PARAM_SATURATION].data.d_float;
  values->contrast = param[JA_PARAM_CONTRAST].data.d_float;
  values->sharpen = param[JA_PARAM_SHARPEN].data.d_float;
  values->use_original = param[JA_PARAM_USE_ORIGINAL].data.d_int32;
  if (n_params >= JA_N_PARAMS3)
    values->decode_as = param[JA_PARAM_DECODE_AS].data.d_int32;
  return message;
}
