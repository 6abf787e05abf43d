/* drift.c: the drift schedule, which quality and grid offset each
 * generation uses, and which step of the settings' schedule it follows.
 *
 * Generation g draws three numbers from SplitMix64 (Steele, Lea and Flood,
 * "Fast Splittable Pseudorandom Number Generators", OOPSLA 2014) seeded
 * with (seed << 32) | g: a quality offset r in [-J, J] and a grid drift
 * (dx, dy), each in [0, S].  It uses quality clamp (q + r, 1, 100) and the
 * offset (anchor_x + dx, anchor_y + dy).  Every generation's numbers depend
 * only on the seed and g, so a schedule can be recomputed for any
 * generation, and J does not change the drift of the grid nor S the
 * quality's.  With a schedule of N steps generation g follows step
 * min (g, N) - 1, and q is that step's quality (a step with the settings'
 * tables, quality 0, stays 0: the draw is made and not used).  Settings
 * jart_settings_check refuses are read with each of those fields clamped
 * to its range (a quality other than a step's 0 to 1..100, J, S and the
 * anchors to theirs), so that no sum overflows.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "jart-private.h"

static uint64_t
splitmix64_next (uint64_t *state)
{
  uint64_t z = (*state += UINT64_C (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * UINT64_C (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * UINT64_C (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* A number in 0..N-1 from the top 32 bits of the next draw. */
static int
uniform_below (uint64_t *state, int n)
{
  return (int)(((splitmix64_next (state) >> 32) * (uint64_t)n) >> 32);
}

void
jart_schedule_step (const JartSettings *settings, int generation,
                    JartStep *step, int *dx, int *dy)
{
  JartSettings defaults;
  JartStep unused;
  uint64_t state;
  int jitter, drift, r, q, x, y;

  if (settings == NULL)
    {
      jart_settings_init (&defaults);
      settings = &defaults;
    }
  if (step == NULL)
    step = &unused;
  state = ((uint64_t)settings->seed << 32) | (uint32_t)generation;
  /* Settings jart_settings_check refuses are read as the nearest they
     allow: no sum below can overflow then. */
  jitter
      = jart_clamp_int (settings->quality_jitter, 0, JART_QUALITY_JITTER_MAX);
  drift = jart_clamp_int (settings->grid_drift, 0, JART_GRID_DRIFT_MAX);
  if (settings->n_steps > 0)
    {
      int n = settings->n_steps < JART_STEPS_MAX ? settings->n_steps
                                                 : JART_STEPS_MAX;
      int index = generation < n ? generation : n;

      *step = settings->steps[(index > 0 ? index : 1) - 1];
    }
  else
    {
      step->quality = jart_clamp_int (settings->quality, JART_QUALITY_MIN,
                                      JART_QUALITY_MAX);
      step->subsampling = settings->subsampling;
      step->scale = 1.0;
      step->filter = JART_FILTER_NEAREST;
      step->saturation = 1.0;
      step->contrast = 1.0;
      step->sharpen = 0.0;
    }
  r = uniform_below (&state, 2 * jitter + 1) - jitter;
  if (step->quality != 0)
    {
      q = jart_clamp_int (step->quality, JART_QUALITY_MIN, JART_QUALITY_MAX)
          + r;
      step->quality = jart_clamp_int (q, JART_QUALITY_MIN, JART_QUALITY_MAX);
    }
  /* Both draws are made whichever output is wanted. */
  x = jart_clamp_int (settings->anchor_x, 0, JART_GRID_ANCHOR_MAX)
      + uniform_below (&state, drift + 1);
  y = jart_clamp_int (settings->anchor_y, 0, JART_GRID_ANCHOR_MAX)
      + uniform_below (&state, drift + 1);
  if (dx != NULL)
    *dx = x;
  if (dy != NULL)
    *dy = y;
}

void
jart_schedule (const JartSettings *settings, int generation, int *quality,
               int *dx, int *dy)
{
  JartStep step;

  jart_schedule_step (settings, generation, &step, dx, dy);
  if (quality != NULL)
    *quality = step.quality;
}
