/* builtin-presets.h: the presets that come with the filter, each "like"
 * something people know: a light re-save, an image shared a thousand
 * times, a deep-fried meme, a re-share chain across platforms.
 * presets.h lists them with the user's own.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_BUILTIN_PRESETS_H
#define JA_BUILTIN_PRESETS_H

#include "values.h"

/* How many built-in presets there are, and preset I's id, English name
 * and description (marked for translation; presets.c translates them). */
int ja_builtin_preset_count (void);
const char *ja_builtin_preset_id (int i);
const char *ja_builtin_preset_label (int i);
const char *ja_builtin_preset_description (int i);

/* Sets the look fields of VALUES (quality, generations, subsampling, dct,
 * quality jitter, grid drift, schedule, saturation, contrast, sharpening,
 * the original's settings) to built-in preset I's, and VALUES->preset to
 * its id.  The seed, anchor, transparency, what it applies to and the
 * output stay. */
void ja_builtin_preset_apply (int i, JaValues *values);

#endif /* JA_BUILTIN_PRESETS_H */
