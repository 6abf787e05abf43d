/* presets.h: named sets of the filter's look settings, shared by the
 * dialog and the second procedure.  The built-in presets are each "like"
 * something people know (a light re-save, an image shared a thousand
 * times, a deep-fried meme, a re-share chain across platforms); a user's
 * own presets are kept in a key file whose path the caller gives (the
 * plug-in keeps it in GIMP's folder).  A preset holds the look: quality,
 * generations, subsampling, DCT, jitter, drift, schedule, colour changes
 * and the original file's settings; never the seed, the grid anchor,
 * transparency, what it applies to nor the output.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_PRESETS_H
#define JA_PRESETS_H

#include <glib.h>

#include "values.h"

typedef struct JaPresets JaPresets;

/* The built-in presets and the user's presets in USER_FILE (NULL: none;
 * a file that does not exist yet is an empty list; one that cannot be
 * read is too, with a warning in *ERROR when ERROR is not NULL, which does
 * not stop the call). */
JaPresets *ja_presets_new (const char *user_file, GError **error);
void ja_presets_free (JaPresets *presets);

/* How many presets there are: the built-in ones first, in a fixed order,
 * then the user's in the order of their names. */
int ja_presets_count (const JaPresets *presets);

/* Preset I's id: an ASCII word for a built-in one ("light-resave",
 * "shared", "deep-fried", "reshare-chain"), the name the user gave for
 * theirs.  The procedure's "preset" parameter takes it. */
const char *ja_presets_id (const JaPresets *presets, int i);

/* Preset I's name as the dialog shows it (translated for the built-in
 * ones), and a sentence on what it does. */
const char *ja_presets_label (const JaPresets *presets, int i);
const char *ja_presets_description (const JaPresets *presets, int i);

/* Nonzero for a preset the user saved. */
int ja_presets_is_user (const JaPresets *presets, int i);

/* The index of the preset with id ID, or -1. */
int ja_presets_find (const JaPresets *presets, const char *id);

/* Sets the look fields of VALUES to preset I's and VALUES->preset to its
 * id; the other fields stay. */
void ja_presets_apply (const JaPresets *presets, int i, JaValues *values);

/* Saves the look fields of VALUES as the user's preset NAME (replacing
 * one of that name; a built-in id or label cannot be used, nor an empty
 * name) and writes the key file.  FALSE with *ERROR when it cannot. */
gboolean ja_presets_save (JaPresets *presets, const char *name,
                          const JaValues *values, GError **error);

/* Deletes the user's preset NAME and writes the key file. */
gboolean ja_presets_delete (JaPresets *presets, const char *name,
                            GError **error);

#endif /* JA_PRESETS_H */
