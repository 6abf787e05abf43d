/* builtin-presets.c: the table of the built-in presets, each "like"
 * something people know, with their looks (see builtin-presets.h).
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>

#include "builtin-presets.h"

/* Marks a string for translation without translating it: presets.c and the
 * command-line tool translate the texts when they show them. */
#define N_(text) (text)

/* A built-in preset: its id, name, description and look. */
typedef struct
{
  const char *id;
  const char *label;
  const char *description;
  int quality;
  int generations;
  int subsampling;
  int quality_jitter;
  int grid_drift;
  const char *schedule;
  double saturation;
  double contrast;
  double sharpen;
} JaBuiltinPreset;

static const JaBuiltinPreset ja_builtin_presets[] = {
  { "light-resave", N_ ("Like a light re-save"),
    N_ ("Saved again twice at quality 90, as opening a photo, touching it "
        "up and exporting it does."),
    90, 2, JART_SUBSAMPLING_420, 0, 0, "", 1.0, 1.0, 0.0 },
  { "shared", N_ ("Like shared a thousand times"),
    N_ ("Saved six times around quality 65, the grid moving a little each "
        "time, as reposts and screenshots of reposts do."),
    65, 6, JART_SUBSAMPLING_420, 5, 3, "", 1.0, 1.0, 0.0 },
  { "deep-fried", N_ ("Like deep-fried"),
    N_ ("Saved ten times at quality 15, the colours saturated, the contrast "
        "raised and the edges sharpened before every save, as deep-fry "
        "meme tools do."),
    15, 10, JART_SUBSAMPLING_420, 0, 0, "", 1.15, 1.06, 0.5 },
  { "reshare-chain", N_ ("Like a re-share chain"),
    N_ ("Uploaded at quality 95, then re-encoded at about 75, 60 and 45 by "
        "platforms that each make it smaller and crop it a little."),
    95, 4, JART_SUBSAMPLING_420, 0, 2,
    "q95; q75 x0.8 lanczos; q60 x0.6 bicubic; q45 x0.5 bilinear", 1.0, 1.0,
    0.0 },
};

#define JA_N_BUILTIN_PRESETS                                                  \
  ((int)(sizeof ja_builtin_presets / sizeof ja_builtin_presets[0]))

int
ja_builtin_preset_count (void)
{
  return JA_N_BUILTIN_PRESETS;
}

const char *
ja_builtin_preset_id (int i)
{
  return i >= 0 && i < JA_N_BUILTIN_PRESETS ? ja_builtin_presets[i].id : NULL;
}

const char *
ja_builtin_preset_label (int i)
{
  return i >= 0 && i < JA_N_BUILTIN_PRESETS ? ja_builtin_presets[i].label
                                            : NULL;
}

const char *
ja_builtin_preset_description (int i)
{
  return i >= 0 && i < JA_N_BUILTIN_PRESETS ? ja_builtin_presets[i].description
                                            : NULL;
}

void
ja_builtin_preset_apply (int i, JaValues *values)
{
  const JaBuiltinPreset *p;

  if (i < 0 || i >= JA_N_BUILTIN_PRESETS)
    return;
  p = &ja_builtin_presets[i];
  values->quality = p->quality;
  values->generations = p->generations;
  values->subsampling = p->subsampling;
  values->dct = JART_DCT_ACCURATE;
  values->quality_jitter = p->quality_jitter;
  values->grid_drift = p->grid_drift;
  snprintf (values->schedule, sizeof values->schedule, "%s", p->schedule);
  values->saturation = p->saturation;
  values->contrast = p->contrast;
  values->sharpen = p->sharpen;
  values->use_original = 0;
  snprintf (values->preset, sizeof values->preset, "%s", p->id);
}
