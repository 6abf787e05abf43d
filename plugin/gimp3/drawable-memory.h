/* drawable-memory.h: the memory check of plugin/common/memory.h for GIMP
 * 3's drawables, which it reads through libgimp.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_DRAWABLE_MEMORY_H
#define JA_DRAWABLE_MEMORY_H

#include <libgimp/gimp.h>

#include "memory.h"

/* What a run of VALUES needs for DRAWABLE: ja_memory_target_need on what
 * GIMP says of DRAWABLE. */
void ja_memory_need (GimpDrawable *drawable, const JaValues *values,
                     const JaOriginal *original, gboolean read,
                     gboolean computed, JaMemoryNeed *need);

/* ja_memory_message for a run on DRAWABLE, named as GIMP names it. */
gchar *ja_memory_check (guint64 needed, guint64 available,
                        GimpDrawable *drawable, int n_others,
                        const JaValues *values);

#endif /* JA_DRAWABLE_MEMORY_H */
