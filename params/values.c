/* values.c: defaults of the filter's parameters and their translation into
 * the codec's settings (with the schedule the second procedure's settings
 * make), shared by the dialog, the GIMP glue and the command-line tool.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "values.h"

void
ja_values_init (JaValues *values)
{
  JartSettings defaults;

  /* Every byte set, padding and the rest of the strings too: the values
   * are stored and compared as bytes (last values, tests). */
  memset (values, 0, sizeof *values);
  jart_settings_init (&defaults);
  values->quality = defaults.quality;
  values->generations = defaults.generations;
  values->subsampling = defaults.subsampling;
  values->dct = defaults.dct;
  values->quality_jitter = defaults.quality_jitter;
  values->grid_drift = defaults.grid_drift;
  values->seed = defaults.seed;
  values->grid_anchor = JA_ANCHOR_IMAGE;
  values->transparency = JA_TRANSPARENCY_OWN;
  values->apply_to = JA_APPLY_DRAWABLE;
  values->output = JA_OUTPUT_REPLACE;
  values->schedule[0] = '\0';
  values->saturation = 1.0;
  values->contrast = 1.0;
  values->sharpen = 0.0;
  values->use_original = 0;
  values->preset[0] = '\0';
  values->decode_as = defaults.decode;
  values->size_for = JART_CODING_PROGRESSIVE;
}

int
ja_values_has_schedule (const JaValues *values)
{
  size_t i;

  for (i = 0; values->schedule[i] != '\0'; i++)
    if (values->schedule[i] != ' ')
      return 1;
  return 0;
}

int
ja_values_scheduled (const JaValues *values)
{
  return ja_values_has_schedule (values) || values->saturation != 1.0
         || values->contrast != 1.0 || values->sharpen != 0.0
         || values->use_original;
}

void
ja_values_default_step (const JaValues *values, const JaOriginal *original,
                        JartStep *step)
{
  memset (step, 0, sizeof *step);
  step->quality = values->quality;
  step->subsampling = (JartSubsampling)values->subsampling;
  if (values->use_original && original != NULL && original->usable)
    {
      step->quality = 0;
      step->subsampling = original->subsampling;
    }
  step->scale = 1.0;
  step->filter = JART_FILTER_LANCZOS;
  step->saturation = values->saturation;
  step->contrast = values->contrast;
  step->sharpen = values->sharpen;
}

/* OFFSET modulo SIZE, in 0..SIZE-1 also for negative offsets. */
static int
positive_modulo (int offset, int size)
{
  int r = offset % size;

  return r < 0 ? r + size : r;
}

JartStatus
ja_values_to_settings (const JaValues *values, const JaOriginal *original,
                       int offset_x, int offset_y, int channels,
                       const uint8_t background[3], JartSettings *settings)
{
  JartStatus status = JART_OK;
  int mcu_width, mcu_height;
  int i;

  jart_settings_init (settings);
  settings->quality = values->quality;
  settings->generations = values->generations;
  settings->subsampling = (JartSubsampling)values->subsampling;
  settings->dct = (JartDct)values->dct;
  settings->decode = (JartDecode)values->decode_as;
  settings->quality_jitter = values->quality_jitter;
  settings->grid_drift = values->grid_drift;
  settings->seed = values->seed;
  settings->stop_at_fixed_point = 1;
  settings->flatten = values->transparency == JA_TRANSPARENCY_FLATTEN;
  settings->background[0] = background[0];
  settings->background[1] = background[1];
  settings->background[2] = background[2];

  if (ja_values_scheduled (values))
    {
      JartStep step;

      ja_values_default_step (values, original, &step);
      if (original != NULL && original->usable)
        {
          memcpy (settings->tables, original->tables, sizeof settings->tables);
          settings->cr_own_table = original->cr_own_table;
          memcpy (settings->cr_table, original->cr_table,
                  sizeof settings->cr_table);
        }
      status = jart_steps_parse (values->schedule, &step, settings, NULL);
      if (status == JART_OK && settings->n_steps == 0)
        {
          settings->steps[0] = step;
          settings->n_steps = 1;
        }
    }

  /* A layer at (ox, oy) meets the image's grid when (ox + anchor) is a
   * multiple of the MCU size: pad by ox modulo that size.  The MCU sizes
   * are powers of two, so the largest of a schedule's is a multiple of
   * every other. */
  if (values->grid_anchor == JA_ANCHOR_IMAGE)
    {
      jart_mcu_size (settings->subsampling, channels, &mcu_width, &mcu_height);
      for (i = 0; i < settings->n_steps; i++)
        {
          int w, h;

          jart_mcu_size (settings->steps[i].subsampling, channels, &w, &h);
          mcu_width = i == 0 || w > mcu_width ? w : mcu_width;
          mcu_height = i == 0 || h > mcu_height ? h : mcu_height;
        }
      settings->anchor_x = positive_modulo (offset_x, mcu_width);
      settings->anchor_y = positive_modulo (offset_y, mcu_height);
    }
  return status;
}
