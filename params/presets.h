/* presets.h: named sets of the filter's look settings, shared by the
 * dialog, the procedures' preset argument and the command-line tool.  The
 * built-in presets are each "like" something people know (a light re-save, an
 * image shared a thousand times, a deep-fried meme, a re-share chain across
 * platforms); a user's own presets are kept in a key file whose path the
 * caller gives (the plug-in keeps it in GIMP's folder).  A preset holds the
 * look: quality, generations, subsampling, DCT, jitter, drift, schedule,
 * colour changes and the original file's settings; never the seed, the grid
 * anchor, transparency, what it applies to nor the output.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_PRESETS_H
#define JA_PRESETS_H

#include <glib.h>

#include "presets-file.h"
#include "values.h"

typedef struct JaPresets JaPresets;

/* The built-in presets and the user's presets in USER_FILE (NULL: none;
 * a file that does not exist yet is an empty list; one that cannot be
 * read is too, with a warning in *ERROR when ERROR is not NULL, naming
 * the file and the line, which does not stop the call).
 * ja_presets_file_path () gives the file GIMP's folder holds. */
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

/* The user's presets file, or NULL. */
const char *ja_presets_path (const JaPresets *presets);

/* Saves the look fields of VALUES as the user's preset NAME (replacing
 * one of that name; a built-in id or label cannot be used, nor a name
 * ja_presets_file_check_name refuses) in the key file as it is on disk
 * now (ja_presets_file_update), then lists what the file holds: the
 * presets others saved meanwhile too.  FALSE with *ERROR when it cannot,
 * the file then unchanged. */
gboolean ja_presets_save (JaPresets *presets, const char *name,
                          const JaValues *values, GError **error);

/* Lets CANCELLED, asked with CANCEL_DATA, stop a save's or delete's wait
 * for another program's lock on the file (see ja_presets_file_update);
 * NULL: none, the default. */
void ja_presets_set_cancel (JaPresets *presets, JaPresetsCancelled cancelled,
                            gpointer cancel_data);

/* Deletes the user's preset NAME from the key file as it is on disk now,
 * then lists what the file holds. */
gboolean ja_presets_delete (JaPresets *presets, const char *name,
                            GError **error);

/* What the last save or delete has to tell besides success (the file on
 * disk could not be read and was kept aside under another name), or
 * NULL. */
const char *ja_presets_notice (const JaPresets *presets);

/* Why there is no usable preset ID among the user's: the file's group ID
 * has a key missing or out of range (the message names the file, the key
 * and its line), or the file could not be read (naming the file and the
 * line); NULL when neither. */
const char *ja_presets_problem (const JaPresets *presets, const char *id);

/* The ids of the presets for a message, each between QUOTE and QUOTE,
 * separated by ", ": the first LIMIT, then ", and N more" when there are
 * more.  Newly allocated. */
gchar *ja_presets_ids_text (const JaPresets *presets, int limit,
                            const char *quote);

#endif /* JA_PRESETS_H */
