/* params.c: reading the procedure's parameters into a JaValues and checking
 * their ranges, with a message that names the parameter, the value it got
 * and the values it takes, so that a script's author sees at once which
 * argument is wrong.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "params.h"

/* One checked parameter: its name in the procedure database, its range and,
 * for a choice, what each value means. */
typedef struct
{
  const char *name;
  int min;
  int max;
  const char *meaning; /* NULL for a number */
} ParamRange;

/* In the order of the procedure's parameters; seed takes every value. */
static const ParamRange ranges[] = {
  { "quality", JART_QUALITY_MIN, JART_QUALITY_MAX, NULL },
  { "generations", JART_GENERATIONS_MIN, JART_GENERATIONS_MAX, NULL },
  { "subsampling", 0, 4, N_ ("0 4:4:4, 1 4:2:2, 2 4:2:0, 3 4:4:0, 4 4:1:1") },
  { "dct", 0, 1, N_ ("0 accurate, 1 fast") },
  { "quality-jitter", 0, JART_QUALITY_JITTER_MAX, NULL },
  { "grid-drift", 0, JART_GRID_DRIFT_MAX, NULL },
  { "grid-anchor", 0, 1, N_ ("0 the image's origin, 1 the layer's origin") },
  { "transparency", 0, 1,
    N_ ("0 the layer's own colours, 1 flattened on the background colour") },
  { "apply-to", 0, 1,
    N_ ("0 the drawable, 1 the drawable and the layers linked to it") },
  { "output", 0, 2,
    N_ ("0 replace the drawable, 1 a new layer above it, 2 one new layer "
        "per generation") },
};

void
ja_params_read (const GimpParam *param, JaValues *values)
{
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
}

gchar *
ja_params_check (const JaValues *values)
{
  const int checked[G_N_ELEMENTS (ranges)] = {
    values->quality,     values->generations,    values->subsampling,
    values->dct,         values->quality_jitter, values->grid_drift,
    values->grid_anchor, values->transparency,   values->apply_to,
    values->output,
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      const ParamRange *r = &ranges[i];

      if (checked[i] >= r->min && checked[i] <= r->max)
        continue;
      if (r->meaning != NULL)
        return g_strdup_printf (
            /* TRANSLATORS: the parameter's name, its value, the smallest
               and largest value it takes, what each value means. */
            _ ("Parameter '%s' is %d; it must be %d to %d (%s)."), r->name,
            checked[i], r->min, r->max, _ (r->meaning));
      return g_strdup_printf (
          /* TRANSLATORS: the parameter's name, its value, the smallest and
             largest value it takes. */
          _ ("Parameter '%s' is %d; it must be %d to %d."), r->name,
          checked[i], r->min, r->max);
    }
  return NULL;
}
