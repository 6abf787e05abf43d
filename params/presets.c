/* presets.c: the preset list, the built-in presets (builtin-presets.c
 * holds their looks) followed by the user's, which live in a GKeyFile
 * (presets-file.c reads and changes it).  A group whose keys are missing or
 * out of range is left out of the list, with the reason kept for a message,
 * and stays in the file untouched until the user saves or deletes a preset of
 * that name.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "builtin-presets.h"
#include "look.h"
#include "presets-file.h"
#include "presets.h"

/* One user preset: its name and look (only the look fields are used). */
typedef struct
{
  gchar *name;
  JaValues values;
} JaUserPreset;

struct JaPresets
{
  gchar *path;          /* the key file, or NULL */
  GKeyFile *file;       /* its contents */
  gchar *text;          /* its text, for the lines of problems */
  gchar *load_error;    /* why it could not be read, or NULL */
  gchar *notice;        /* what the last save or delete must say */
  GArray *user;         /* JaUserPreset, sorted by name */
  GHashTable *problems; /* group name -> why it is no preset */
  /* What stops a save's wait for the lock, with its data, or NULL. */
  JaPresetsCancelled cancelled;
  gpointer cancel_data;
};

static void
user_preset_clear (gpointer data)
{
  JaUserPreset *preset = data;

  g_free (preset->name);
}

static gint
user_preset_compare (gconstpointer a, gconstpointer b)
{
  const JaUserPreset *pa = a, *pb = b;

  return g_utf8_collate (pa->name, pb->name);
}

/* Lists the well-formed groups of the key file as user presets; the
 * others' problems go to presets->problems. */
static void
list_user_presets (JaPresets *presets)
{
  gchar **groups = g_key_file_get_groups (presets->file, NULL);
  gsize i;

  g_array_set_size (presets->user, 0);
  g_hash_table_remove_all (presets->problems);
  for (i = 0; groups[i] != NULL; i++)
    {
      JaUserPreset preset;
      GError *error = NULL;

      if (!g_utf8_validate (groups[i], -1, NULL))
        continue;
      if (!ja_presets_file_read_look (presets->file, presets->text,
                                      presets->path, groups[i], &preset.values,
                                      &error))
        {
          g_hash_table_insert (presets->problems, g_strdup (groups[i]),
                               g_strdup (error->message));
          g_error_free (error);
          continue;
        }
      preset.name = g_strdup (groups[i]);
      g_array_append_val (presets->user, preset);
    }
  g_strfreev (groups);
  g_array_sort (presets->user, user_preset_compare);
}

/* Takes FILE, read from presets->path, as the user's presets. */
static void
take_file (JaPresets *presets, GKeyFile *file)
{
  gsize length;

  g_key_file_free (presets->file);
  presets->file = file;
  g_free (presets->text);
  presets->text = g_key_file_to_data (file, &length, NULL);
  list_user_presets (presets);
}

JaPresets *
ja_presets_new (const char *user_file, GError **error)
{
  JaPresets *presets = g_new0 (JaPresets, 1);
  GError *local = NULL;

  presets->path = g_strdup (user_file);
  presets->file = g_key_file_new ();
  presets->user = g_array_new (FALSE, FALSE, sizeof (JaUserPreset));
  g_array_set_clear_func (presets->user, user_preset_clear);
  presets->problems
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (user_file != NULL
      && !ja_presets_file_load (user_file, presets->file, &presets->text,
                                &local))
    {
      presets->load_error = g_strdup (local->message);
      g_propagate_error (error, local);
    }
  if (presets->text == NULL)
    presets->text = g_strdup ("");
  list_user_presets (presets);
  return presets;
}

void
ja_presets_free (JaPresets *presets)
{
  if (presets == NULL)
    return;
  g_free (presets->path);
  g_key_file_free (presets->file);
  g_free (presets->text);
  g_free (presets->load_error);
  g_free (presets->notice);
  g_array_free (presets->user, TRUE);
  g_hash_table_destroy (presets->problems);
  g_free (presets);
}

const char *
ja_presets_path (const JaPresets *presets)
{
  return presets->path;
}

int
ja_presets_count (const JaPresets *presets)
{
  return ja_builtin_preset_count () + (int)presets->user->len;
}

static const JaUserPreset *
user_preset (const JaPresets *presets, int i)
{
  int u = i - ja_builtin_preset_count ();

  if (u < 0 || u >= (int)presets->user->len)
    return NULL;
  return &g_array_index (presets->user, JaUserPreset, u);
}

const char *
ja_presets_id (const JaPresets *presets, int i)
{
  const JaUserPreset *user = user_preset (presets, i);

  return user != NULL ? user->name : ja_builtin_preset_id (i);
}

const char *
ja_presets_label (const JaPresets *presets, int i)
{
  const JaUserPreset *user = user_preset (presets, i);
  const char *label;

  if (user != NULL)
    return user->name;
  label = ja_builtin_preset_label (i);
  return label != NULL ? g_dgettext (GETTEXT_PACKAGE, label) : NULL;
}

const char *
ja_presets_description (const JaPresets *presets, int i)
{
  const JaUserPreset *user = user_preset (presets, i);
  const char *description;

  if (user != NULL)
    return _ ("One of your presets.");
  description = ja_builtin_preset_description (i);
  return description != NULL ? g_dgettext (GETTEXT_PACKAGE, description)
                             : NULL;
}

int
ja_presets_is_user (const JaPresets *presets, int i)
{
  return user_preset (presets, i) != NULL;
}

int
ja_presets_find (const JaPresets *presets, const char *id)
{
  int i, n = ja_presets_count (presets);

  if (id == NULL || id[0] == '\0')
    return -1;
  for (i = 0; i < n; i++)
    if (strcmp (ja_presets_id (presets, i), id) == 0)
      return i;
  return -1;
}

void
ja_presets_apply (const JaPresets *presets, int i, JaValues *values)
{
  const JaUserPreset *user = user_preset (presets, i);

  if (user == NULL)
    {
      ja_builtin_preset_apply (i, values);
      return;
    }
  ja_look_copy (&user->values, values);
  g_strlcpy (values->preset, user->name, sizeof values->preset);
}

/* The file to change, or FALSE with *ERROR. */
static gboolean
has_file (const JaPresets *presets, GError **error)
{
  if (presets->path != NULL)
    return TRUE;
  g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                       _ ("There is no file to keep your presets in."));
  return FALSE;
}

/* FALSE with *ERROR when NAME cannot name a user preset. */
static gboolean
check_name (const char *name, GError **error)
{
  int i;

  if (!ja_presets_file_check_name (name, error))
    return FALSE;
  /* "Custom" is the dialog's item for settings that match no preset: a
     preset of that name would be listed twice under it. */
  if (strcmp (name, "Custom") == 0
      || strcmp (name, g_dgettext (GETTEXT_PACKAGE, "Custom")) == 0)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   _ ("“%s” is the name of a built-in preset; choose "
                      "another."),
                   name);
      return FALSE;
    }
  for (i = 0; i < ja_builtin_preset_count (); i++)
    if (strcmp (name, ja_builtin_preset_id (i)) == 0
        || strcmp (name, ja_builtin_preset_label (i)) == 0
        || strcmp (name,
                   g_dgettext (GETTEXT_PACKAGE, ja_builtin_preset_label (i)))
               == 0)
      {
        g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                     _ ("“%s” is the name of a built-in preset; choose "
                        "another."),
                     name);
        return FALSE;
      }
  return TRUE;
}

/* Saves (VALUES) or deletes (VALUES NULL) NAME in the file as it is on
 * disk, then lists what the file holds. */
static gboolean
update (JaPresets *presets, const char *name, const JaValues *values,
        GError **error)
{
  GKeyFile *merged;

  g_clear_pointer (&presets->notice, g_free);
  if (!ja_presets_file_update (presets->path, name, values, presets->cancelled,
                               presets->cancel_data, &merged, &presets->notice,
                               error))
    return FALSE;
  g_clear_pointer (&presets->load_error, g_free);
  take_file (presets, merged);
  return TRUE;
}

gboolean
ja_presets_save (JaPresets *presets, const char *name, const JaValues *values,
                 GError **error)
{
  if (!check_name (name, error) || !has_file (presets, error))
    return FALSE;
  return update (presets, name, values, error);
}

void
ja_presets_set_cancel (JaPresets *presets, JaPresetsCancelled cancelled,
                       gpointer cancel_data)
{
  presets->cancelled = cancelled;
  presets->cancel_data = cancel_data;
}

gboolean
ja_presets_delete (JaPresets *presets, const char *name, GError **error)
{
  if (name == NULL || !g_key_file_has_group (presets->file, name))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND,
                   _ ("There is no preset of yours named “%s”."),
                   name != NULL ? name : "");
      return FALSE;
    }
  if (!has_file (presets, error))
    return FALSE;
  return update (presets, name, NULL, error);
}

const char *
ja_presets_notice (const JaPresets *presets)
{
  return presets->notice;
}

const char *
ja_presets_problem (const JaPresets *presets, const char *id)
{
  const char *problem;

  if (id == NULL)
    return NULL;
  problem = g_hash_table_lookup (presets->problems, id);
  return problem != NULL ? problem : presets->load_error;
}

gchar *
ja_presets_ids_text (const JaPresets *presets, int limit, const char *quote)
{
  GString *text = g_string_new (NULL);
  int i, n = ja_presets_count (presets);

  for (i = 0; i < n && i < limit; i++)
    g_string_append_printf (text, "%s%s%s%s", i > 0 ? ", " : "", quote,
                            ja_presets_id (presets, i), quote);
  if (n > limit)
    g_string_append_printf (text,
                            /* TRANSLATORS: after the first ids of the presets,
                               how many more there are. */
                            g_dngettext (GETTEXT_PACKAGE, ", and %d more",
                                         ", and %d more", (gulong)(n - limit)),
                            n - limit);
  return g_string_free (text, FALSE);
}
