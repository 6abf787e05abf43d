/* targets.h: which drawables a run changes, and why one cannot take the
 * effect.  The drawable the procedure was called on comes first, then, when
 * asked for, every layer linked to it, top to bottom.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_TARGETS_H
#define JA_TARGETS_H

#include <libgimp/gimp.h>

#include "apply.h"
#include "values.h"

/* Checks that DRAWABLE belongs to IMAGE and, with VALUES, can take the
 * effect, and collects it with the layers linked to it when VALUES asks for
 * them.  GIMP_PDB_SUCCESS with *TARGETS (a GArray of JaTarget, free with
 * g_array_free); else GIMP_PDB_CALLING_ERROR for an image or drawable that
 * is not one (or a drawable of another image, or one not in its image),
 * GIMP_PDB_EXECUTION_ERROR for one that cannot take the effect (indexed
 * image, layer group, text layer to be replaced, pixels locked by the
 * drawable itself or by a layer group that holds it, the selection mask, a
 * size beyond JPEG's, a new layer asked for a channel), with *MESSAGE
 * naming it (free with g_free). */
GimpPDBStatusType ja_targets_collect (gint32 image, gint32 drawable,
                                      const JaValues *values, GArray **targets,
                                      gchar **message);

#endif /* JA_TARGETS_H */
