/* original-settings.h: the settings of the JPEG file an image came from,
 * as the codec can save with them: its quality as GIMP estimated it, its
 * subsampling and its two quantization tables.  The plug-in reads them
 * from GIMP's "jpeg-settings" parasite (plugin/common/original.c), the
 * command-line tool from a JPEG file (--tables-from).
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_ORIGINAL_SETTINGS_H
#define JA_ORIGINAL_SETTINGS_H

#include <stdint.h>

#include "jart.h"

/* What the image's "jpeg-settings" parasite says of the JPEG file it was
 * loaded from (GIMP's JPEG loader attaches it). */
typedef struct
{
  int present;                 /* the image came from a JPEG file */
  int usable;                  /* its tables and sampling fit the codec */
  int quality;                 /* GIMP's estimate of the file's quality,
                                  or 0 when unknown */
  JartSubsampling subsampling; /* of a colour file */
  int gray;                    /* the file had one component */
  uint16_t tables[2][64];      /* luma and chroma, natural order */
  /* Cr's own table, when the file gives Cr one other than Cb's (only the
   * tool, which reads the file itself, fills it: GIMP's export puts Cr on
   * Cb's table). */
  int cr_own_table;
  uint16_t cr_table[64];
} JaOriginal;

/* Why a JPEG file's settings cannot be used. */
typedef enum
{
  JA_ORIGINAL_OK = 0,
  JA_ORIGINAL_COMPONENTS, /* not 1 (gray) or 3 (YCbCr) components */
  JA_ORIGINAL_SAMPLING,   /* sampling factors no JartSubsampling has */
  JA_ORIGINAL_NO_TABLES,  /* no quantization table */
  JA_ORIGINAL_TABLE_VALUE /* an entry outside 1..255 (not baseline) */
} JaOriginalProblem;

/* Fills ORIGINAL from what a JPEG file (or GIMP's parasite of it) holds:
 * GIMP's QUALITY estimate (0: unknown), COMPONENTS with their sampling
 * factors H[] and V[], N_TABLES tables (natural order).  As GIMP re-saves
 * a file, luma uses table 0 and chroma table 1 (table 0 when there is
 * only one).  Returns what makes it unusable, or JA_ORIGINAL_OK;
 * ORIGINAL->present is set either way, usable only with JA_ORIGINAL_OK. */
JaOriginalProblem ja_original_fill (JaOriginal *original, int quality,
                                    int components, const int h[],
                                    const int v[], int n_tables,
                                    const uint16_t tables[][64]);

#endif /* JA_ORIGINAL_SETTINGS_H */
