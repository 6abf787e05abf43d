/* presets-file.h: the key file of the user's presets, shared by the
 * plug-in, its dialog and the command-line tool (GLib only, no GTK): where
 * it is, reading it with messages that name the file, the line and the
 * key at fault, checking a preset's name, and changing one preset in it
 * without losing the others: under a lock, merged into the file as it is
 * on disk at that moment, written in one step.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_PRESETS_FILE_H
#define JA_PRESETS_FILE_H

#include <glib.h>

#include "values.h"

/* The presets file's name in GIMP's folder for the user. */
#define JA_PRESETS_FILE_NAME "jpeg-artifacts-presets.ini"

/* The user's presets file: GIMP_DIR/jpeg-artifacts-presets.ini, or, when
 * GIMP_DIR is NULL, in the folder GIMP 2.10 uses: $GIMP2_DIRECTORY (below
 * the home folder when relative), else $XDG_CONFIG_HOME/GIMP/2.10 (by
 * default ~/.config/GIMP/2.10).  Newly allocated. */
gchar *ja_presets_file_path (const char *gimp_dir);

/* Reads the key file PATH into FILE (emptied first) and, when TEXT is not
 * NULL, its text into *TEXT (newly allocated; "" for no file).  A file
 * that does not exist is empty.  FALSE with *ERROR naming the file (and
 * the first line that does not parse) when it cannot be read; FILE is
 * then empty. */
gboolean ja_presets_file_load (const char *path, GKeyFile *file, gchar **text,
                               GError **error);

/* Reads the preset NAME of FILE (whose text, for line numbers, is TEXT,
 * read from PATH) into the look fields of VALUES, the others set to their
 * defaults.  FALSE with *ERROR naming the file, the key, its line and what
 * is wrong when a key is missing or out of range. */
gboolean ja_presets_file_read_look (GKeyFile *file, const char *text,
                                    const char *path, const char *name,
                                    JaValues *values, GError **error);

/* Sets group NAME of FILE to the look fields of VALUES (replacing it). */
void ja_presets_file_write_look (GKeyFile *file, const char *name,
                                 const JaValues *values);

/* FALSE with *ERROR when NAME cannot name a preset in a key file: empty or
 * only spaces, not UTF-8, JA_PRESET_SIZE bytes or more, or holding a
 * control character (a tab, a line break…), “[” or “]”. */
gboolean ja_presets_file_check_name (const char *name, GError **error);

/* Asked with USER_DATA while a change waits for another program's lock
 * on the presets file: TRUE stops the wait, and the change fails. */
typedef gboolean (*JaPresetsCancelled) (gpointer user_data);

/* Changes the preset NAME in the file PATH: VALUES's look replaces it, or,
 * with VALUES NULL, it is deleted (nothing to do when the file does not
 * hold it).  Under a lock on PATH.lock (the same folder), the file is
 * read as it is on disk then, so that the other presets in it, whoever
 * wrote them, stay; it is then replaced in one step (a temporary file in
 * its folder, synced, renamed over it); a symbolic link PATH is followed
 * and the file it points to replaced.  A file on disk that cannot be read
 * is renamed PATH.broken-YYYYMMDD-HHMMSS (never over another file) and
 * *NOTICE (when NOTICE is not NULL) says so, naming both files and the
 * line; the new file then holds the one preset.  On success *MERGED (when
 * not NULL) is the file as written, for the caller to free.  FALSE with
 * *ERROR naming the file when it cannot be written, or naming the lock
 * when another program has held it for 5 seconds (G_FILE_ERROR_AGAIN),
 * or when CANCELLED (when not NULL), asked before each try for the lock,
 * returned TRUE (G_FILE_ERROR_INTR): nothing changed. */
gboolean ja_presets_file_update (const char *path, const char *name,
                                 const JaValues *values,
                                 JaPresetsCancelled cancelled,
                                 gpointer cancel_data, GKeyFile **merged,
                                 gchar **notice, GError **error);

#endif /* JA_PRESETS_FILE_H */
