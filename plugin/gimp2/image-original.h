/* image-original.h: the "jpeg-settings" parasite of a GIMP 2.10 image
 * (plugin/common/original.h) read through libgimp.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_IMAGE_ORIGINAL_H
#define JA_IMAGE_ORIGINAL_H

#include <libgimp/gimp.h>

#include "original.h"

/* Reads IMAGE's parasite into ORIGINAL: ja_original_explain with IMAGE's
 * name and parasite, FROM and PRESET.  NULL when ORIGINAL is usable, else
 * the message (free with g_free). */
gchar *ja_original_read (gint32 image, JaOriginal *original,
                         JaOriginalFrom from, const char *preset);

#endif /* JA_IMAGE_ORIGINAL_H */
