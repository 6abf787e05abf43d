/* jpeg-tables.h: a JPEG file's own settings (its quantization tables and
 * sampling factors) for --tables-from, read as GIMP's JPEG loader reads
 * them into its "jpeg-settings" parasite.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JPEG_TABLES_H
#define JPEG_TABLES_H

#include <stdbool.h>

#include "tool-error.h"
#include "values.h"

/* Reads the header of the JPEG file PATH into ORIGINAL (ja_original_fill).
 * False with ERROR when the file cannot be read as a JPEG or its settings
 * are not ones the codec can save with. */
bool jpeg_tables_read (const char *path, JaOriginal *original,
                       ToolError *error);

#endif /* JPEG_TABLES_H */
