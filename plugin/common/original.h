/* original.h: what GIMP remembers of the JPEG file an image was loaded
 * from.  GIMP's JPEG loader attaches a "jpeg-settings" parasite to the
 * image with the file's colour space, estimated quality, sampling factors
 * and, unless they are the IJG tables of that quality, its quantization
 * tables; GIMP's JPEG export reads it back to save "with the original
 * quality".  This reads it into a JaOriginal, which the codec can save
 * with, and says why when it cannot.  No libgimp here:
 * plugin/gimp2/image-original.h and plugin/gimp3/image-original.h read the
 * parasite.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_ORIGINAL_H
#define JA_ORIGINAL_H

#include <glib.h>

#include "values.h"

/* The name of the parasite GIMP's JPEG loader attaches. */
#define JA_ORIGINAL_PARASITE "jpeg-settings"

/* Reads the SIZE bytes of a "jpeg-settings" parasite at DATA into
 * ORIGINAL (present is set).  NULL when ORIGINAL is usable, else a
 * translated phrase (free with g_free) that says why not, e.g. "it is a
 * CMYK file".
 *
 * Usable: a gray file (1 component) or a YCbCr file (3 components) whose
 * chroma sampling factors are 1x1 and whose luma factors are 1x1 (4:4:4),
 * 2x1 (4:2:2), 2x2 (4:2:0), 1x2 (4:4:0) or 4x1 (4:1:1), with tables every
 * entry of which is 1..255 (a baseline JPEG).  tables[0] and tables[1]
 * are what GIMP's export saves Y and Cb, Cr with: the parasite's first
 * two tables, the IJG tables of its quality where it holds none. */
gchar *ja_original_parse (const guint8 *data, gsize size,
                          JaOriginal *original);

/* What asked for the original file's settings, which the message on a
 * file whose settings cannot be used names as the thing to change. */
typedef enum
{
  JA_ORIGINAL_FROM_ARGUMENT,    /* use-original-settings 1 */
  JA_ORIGINAL_FROM_PRESET,      /* the preset the arguments named */
  JA_ORIGINAL_FROM_LAST_VALUES, /* a RUN-WITH-LAST-VALS call */
} JaOriginalFrom;

/* Where the use_original of VALUES, read for a call (LAST_VALUES: a
 * RUN-WITH-LAST-VALS one) with its preset applied, came from. */
JaOriginalFrom ja_original_from (gboolean last_values, const JaValues *values);

/* Reads the parasite of the image IMAGE_NAME, the SIZE bytes at DATA
 * (NULL: the image has none), into ORIGINAL.  NULL when ORIGINAL is
 * usable, else the message (free with g_free) that a run saving with the
 * original settings fails with on the image: the image was not loaded
 * from a JPEG file, or why the file's settings cannot be used, and what to
 * change, as FROM says (PRESET: the preset's name). */
gchar *ja_original_explain (const char *image_name, const guint8 *data,
                            gsize size, JaOriginal *original,
                            JaOriginalFrom from, const char *preset);

#endif /* JA_ORIGINAL_H */
