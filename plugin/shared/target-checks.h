/* target-checks.h: the checks both plug-ins make of a drawable before a run
 * reads a pixel of it, through glue.h: whether it is in its image's layer
 * or channel tree, and why it or its image cannot take the effect (a layer
 * group, the selection mask, a text layer to be replaced, a size beyond
 * JPEG's, a new layer asked for a channel, pixels locked by the drawable
 * or by a layer group that holds it, an indexed image).  Which drawables a
 * run takes, and the checks of the call's arguments, stay with each
 * plug-in's targets.c.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_TARGET_CHECKS_H
#define JA_TARGET_CHECKS_H

#include "glue.h"
#include "values.h"

/* Whether DRAWABLE (a layer, a layer mask or a channel, not the selection
 * mask) is in IMAGE's layer or channel tree: a layer GIMP made but nobody
 * inserted, or one removed from it, is valid and names IMAGE as its image,
 * yet GIMP refuses every change to its pixels. */
gboolean ja_target_in_image (JaImage image, JaItem drawable);

/* NULL when DRAWABLE can take the effect with VALUES, else why not, naming
 * it (free with g_free). */
gchar *ja_target_check (JaItem drawable, const JaValues *values);

/* NULL when IMAGE's mode can take the effect, else why not (an indexed
 * image), naming it (free with g_free). */
gchar *ja_target_check_image (JaImage image);

#endif /* JA_TARGET_CHECKS_H */
