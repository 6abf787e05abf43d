/* user-presets.h: --preset and --save-preset, the presets the tool shares
 * with the plug-in's dialog: the built-in ones and the user's, in the key
 * file in GIMP's folder (ja_presets_file_path).
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef USER_PRESETS_H
#define USER_PRESETS_H

#include <stdbool.h>

#include "tool-error.h"
#include "values.h"

/* Sets the look fields of VALUES to those of the preset NAME: a built-in
 * id or the name of one of the user's presets.  False with ERROR when
 * there is none (listing the first ids and how many more there are), or
 * when the user's file or that preset in it cannot be read (naming the
 * file, the line and the key). */
bool user_presets_apply (const char *name, JaValues *values, ToolError *error);

/* Saves the look fields of VALUES as the user's preset NAME, merged into
 * the presets file as it is on disk, and, when ANNOUNCE, prints on stdout
 * the preset's name and the file.  A note on stderr when the file on disk
 * could not be read and was kept aside.  CANCELLED (when not NULL) is
 * asked while the save waits for another program's lock on the file; true
 * stops it.  False with ERROR when the name is refused, the file cannot
 * be written or the wait was cancelled (the file then unchanged). */
bool user_presets_save (const char *name, const JaValues *values,
                        bool announce, bool (*cancelled) (void),
                        ToolError *error);

#endif /* USER_PRESETS_H */
