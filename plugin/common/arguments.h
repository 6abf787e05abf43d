/* arguments.h: the procedures' arguments in a JaValues, whichever GIMP's
 * procedure database passed them: the "preset" argument, and the range
 * check that names the parameter at fault.  No libgimp: plugin/gimp2/pdb.h
 * reads GIMP 2.10's arguments into the JaValues, plugin/gimp3/procedure.h
 * GIMP 3's.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_ARGUMENTS_H
#define JA_ARGUMENTS_H

#include <glib.h>

#include "values.h"

/* Sets the look fields of VALUES (quality, generations, subsampling, dct,
 * jitter, drift, schedule, saturation, contrast, sharpen and
 * use-original) to those of the preset VALUES->preset names, a built-in
 * id or the name of a user's preset in PRESETS_FILE (NULL: none); nothing
 * for "".  NULL, or the message (free with g_free) for a preset there is
 * none of, which lists those there are (the first ten and how many more),
 * or, when the file or that preset in it cannot be read, names the file,
 * the line and the key at fault. */
gchar *ja_arguments_apply_preset (JaValues *values, const char *presets_file);

/* NULL when every field of VALUES is in its range and the schedule reads;
 * otherwise a message (free with g_free) that names the first parameter
 * at fault, its value and the values it accepts (for the schedule, the
 * word at fault and its byte offset). */
gchar *ja_arguments_check (const JaValues *values);

#endif /* JA_ARGUMENTS_H */
