/* values.c: defaults of the filter's parameters and their translation into
 * the codec's settings, shared by the dialog and the GIMP glue.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "values.h"

void
ja_values_init (JaValues *values)
{
  JartSettings defaults;

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
}

/* OFFSET modulo SIZE, in 0..SIZE-1 also for negative offsets. */
static int
positive_modulo (int offset, int size)
{
  int r = offset % size;

  return r < 0 ? r + size : r;
}

void
ja_values_to_settings (const JaValues *values, int offset_x, int offset_y,
                       int channels, const uint8_t background[3],
                       JartSettings *settings)
{
  int mcu_width, mcu_height;

  jart_settings_init (settings);
  settings->quality = values->quality;
  settings->generations = values->generations;
  settings->subsampling = (JartSubsampling)values->subsampling;
  settings->dct = (JartDct)values->dct;
  settings->quality_jitter = values->quality_jitter;
  settings->grid_drift = values->grid_drift;
  settings->seed = values->seed;
  settings->stop_at_fixed_point = 1;
  settings->flatten = values->transparency == JA_TRANSPARENCY_FLATTEN;
  settings->background[0] = background[0];
  settings->background[1] = background[1];
  settings->background[2] = background[2];

  /* A layer at (ox, oy) meets the image's grid when (ox + anchor) is a
   * multiple of the MCU size: pad by ox modulo that size. */
  if (values->grid_anchor == JA_ANCHOR_IMAGE)
    {
      jart_mcu_size (settings->subsampling, channels, &mcu_width, &mcu_height);
      settings->anchor_x = positive_modulo (offset_x, mcu_width);
      settings->anchor_y = positive_modulo (offset_y, mcu_height);
    }
}
