/* targets.h: which drawables a GIMP 3 run changes, and why one cannot take
 * the effect: the selected drawables, in the order GIMP passes them.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_TARGETS_H
#define JA_TARGETS_H

#include <libgimp/gimp.h>

#include "apply.h"
#include "values.h"

/* Checks that IMAGE is an open image and DRAWABLES (NULL-terminated, the
 * selected drawables) are in it and, with VALUES, can take the effect.
 * GIMP_PDB_SUCCESS with *TARGETS (a GArray of JaTarget in the order of
 * DRAWABLES, free with g_array_free); else GIMP_PDB_CALLING_ERROR for no
 * drawable, a drawable that is not one or not in IMAGE,
 * GIMP_PDB_EXECUTION_ERROR for one that cannot take the effect (indexed
 * image, layer group, text layer to be replaced, pixels locked by the
 * drawable itself or by a layer group that holds it, the selection mask, a
 * size beyond JPEG's, a new layer asked for a channel), with *MESSAGE
 * naming it (free with g_free). */
GimpPDBStatusType ja_targets_collect (GimpImage *image,
                                      GimpDrawable **drawables,
                                      const JaValues *values, GArray **targets,
                                      gchar **message);

#endif /* JA_TARGETS_H */
