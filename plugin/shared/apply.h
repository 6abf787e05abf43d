/* apply.h: one run of the effect on the drawables a call names, in GIMP
 * 2.10 and GIMP 3 (glue.h names the image and its items):
 * every result is computed first, with progress in GIMP's status bar, and
 * only then written, in one undo group, as the output parameter asks.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_APPLY_H
#define JA_APPLY_H

#include "glue.h"
#include "jart.h"
#include "values.h"

/* One drawable a run changes, as ja_targets_collect (plugin/gimp2/ and
 * plugin/gimp3/targets.h) collects them. */
typedef struct
{
  JaItem drawable; /* a layer, a layer mask or a channel */
  gboolean layer;  /* a layer: output 1 and 2 may add layers above it */
} JaTarget;

/* What a run tells its caller about the first target: the drawable the
 * procedure was called on (GIMP 2.10), the first selected one (GIMP 3). */
typedef struct
{
  JaItem result;   /* where its result went: the drawable, the new layer,
                      the last generation's layer, or the difference
                      layer */
  JartResult run;  /* how its computation ended; zero when the dialog
                      handed the result over */
  GArray *reports; /* its JartGenerationReport, one per generation
                      computed; free with g_array_free */
} JaOutcome;

/* Applies VALUES to TARGETS (a GArray of JaTarget from ja_targets_collect)
 * of IMAGE.  ORIGINAL: the image's JPEG settings (ja_original_read), or
 * NULL; the caller has checked that they are usable when VALUES use
 * them.
 *
 * FIRST_SOURCE: NULL, or the first target's pixels already read (as
 * ja_pixels_read gives them); ja_apply takes them over and frees them.
 * FIRST_RESULT: NULL, or the first target's result as the dialog computed
 * it (same size and channels, rows packed; not taken over), which is then
 * not computed again; ignored for JA_OUTPUT_PER_GENERATION.
 *
 * A run that needs more memory than the machine has free is refused before
 * it reads a pixel.  Nothing in the image changes before every result is
 * ready, so a run that is cancelled or fails leaves it as it was.  Returns
 * GIMP_PDB_SUCCESS and fills OUTCOME; GIMP_PDB_CANCEL when the user
 * cancelled; otherwise GIMP_PDB_EXECUTION_ERROR with *MESSAGE (free with
 * g_free). */
GimpPDBStatusType ja_apply (JaImage image, GArray *targets,
                            const JaValues *values, const JaOriginal *original,
                            JartImage *first_source,
                            const guint8 *first_result, JaOutcome *outcome,
                            gchar **message);

#endif /* JA_APPLY_H */
