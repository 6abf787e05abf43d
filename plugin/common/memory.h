/* memory.h: what a run needs of the machine's memory, and what the machine
 * can give, so that a run too big for it is refused before it starts, with
 * a message that says how much it needs and how much is free, instead of
 * failing halfway or pushing the machine into swap.  No libgimp here:
 * plugin/gimp2/drawable-memory.h and plugin/gimp3/drawable-memory.h ask
 * GIMP 2.10 and GIMP 3 for the drawable.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_MEMORY_H
#define JA_MEMORY_H

#include <glib.h>

#include "values.h"

/* What one target of a run needs, in bytes. */
typedef struct
{
  guint64 held;       /* from the start of the run to its end: the plug-in's
                         copy of the pixels and every buffer GIMP keeps for
                         the result (shadow, undo, new layers) */
  guint64 computing;  /* only while the codec runs on this target: its work
                         (jart_memory_needed) and its generation frame */
  guint64 statistics; /* what the codec's work grows by when it keeps the
                         statistics too (the dialog's preview asks for
                         them: each generation's SSIM and file sizes, from
                         the whole image's coefficients); 0 when the codec
                         does not run on this target */
} JaMemoryNeed;

/* A drawable as the memory a run needs sees it. */
typedef struct
{
  int width; /* its size in pixels */
  int height;
  int channels;        /* the 8-bit channels the codec sees it with */
  int bytes_per_pixel; /* of GIMP's own format for it */
  gboolean text_layer; /* a new layer copied from it keeps one more copy */
  int offset_x;        /* its offsets in its image */
  int offset_y;
} JaMemoryTarget;

/* What a run of VALUES needs for TARGET, with ORIGINAL the image's JPEG
 * settings (NULL: none), as the codec will run it (jart_memory_needed with
 * the run's settings, schedule included).  READ: its pixels are already
 * in the plug-in (the dialog read them); COMPUTED: its result too, so the
 * codec does not run on it. */
void ja_memory_target_need (const JaMemoryTarget *target,
                            const JaValues *values, const JaOriginal *original,
                            gboolean read, gboolean computed,
                            JaMemoryNeed *need);

/* Adds B to *A, saturating at G_MAXUINT64. */
void ja_memory_add (guint64 *a, guint64 b);

/* The bytes the machine can give now (ja_free_memory_machine: GIMP's
 * buffers are not in the plug-in's process, so its limits do not apply).
 * 0 when it is not known: the run is then not checked. */
guint64 ja_memory_available (void);

/* NULL when NEEDED bytes fit in AVAILABLE (0: unknown, which always fits);
 * otherwise the message (free with g_free) for a run on the drawable NAME
 * and N_LINKED layers linked to it with VALUES. */
gchar *ja_memory_message (guint64 needed, guint64 available, const char *name,
                          int n_linked, const JaValues *values);

/* ja_memory_message for GIMP 3, where a run changes every selected
 * drawable: NAME is the first of them, N_OTHERS how many more there are. */
gchar *ja_memory_message_selected (guint64 needed, guint64 available,
                                   const char *name, int n_others,
                                   const JaValues *values);

#endif /* JA_MEMORY_H */
