/* drawable-memory.h: the memory check of plugin/common/memory.h for a
 * plug-in's drawables, which it reads through libgimp: GIMP 2.10's in
 * plugin/gimp2/drawable-memory.c, GIMP 3's in plugin/gimp3/.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_DRAWABLE_MEMORY_H
#define JA_DRAWABLE_MEMORY_H

#include "glue.h"
#include "memory.h"

/* What a run of VALUES needs for DRAWABLE: ja_memory_target_need on what
 * GIMP says of DRAWABLE. */
void ja_memory_need (JaItem drawable, const JaValues *values,
                     const JaOriginal *original, gboolean read,
                     gboolean computed, JaMemoryNeed *need);

/* ja_memory_message (GIMP 2.10: N_OTHERS layers linked to DRAWABLE) or
 * ja_memory_message_selected (GIMP 3: N_OTHERS more selected drawables)
 * for a run on DRAWABLE, named as GIMP names it. */
gchar *ja_memory_check (guint64 needed, guint64 available, JaItem drawable,
                        int n_others, const JaValues *values);

#endif /* JA_DRAWABLE_MEMORY_H */
