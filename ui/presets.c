/* presets.c: the preset list, the built-in presets (values.c holds their
 * looks) followed by the user's, which live in a GKeyFile: one group per
 * preset, named by the preset's name, with one key per look field.  A
 * group whose keys are missing or out of range is left out of the list
 * (and kept in the file untouched until the user saves or deletes a
 * preset of that name).
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "presets.h"

/* One user preset: its name and look (only the look fields are used). */
typedef struct
{
  gchar *name;
  JaValues values;
} JaUserPreset;

struct JaPresets
{
  gchar *path;    /* the key file, or NULL */
  GKeyFile *file; /* its contents */
  GArray *user;   /* JaUserPreset, sorted by name */
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

/* Reads the int KEY of GROUP into *VALUE when it is in MIN..MAX. */
static gboolean
read_int (GKeyFile *file, const gchar *group, const gchar *key, int min,
          int max, int *value)
{
  GError *error = NULL;
  gint number = g_key_file_get_integer (file, group, key, &error);

  if (error != NULL)
    {
      g_error_free (error);
      return FALSE;
    }
  if (number < min || number > max)
    return FALSE;
  *value = number;
  return TRUE;
}

static gboolean
read_double (GKeyFile *file, const gchar *group, const gchar *key,
             double *value)
{
  GError *error = NULL;
  gdouble number = g_key_file_get_double (file, group, key, &error);

  if (error != NULL)
    {
      g_error_free (error);
      return FALSE;
    }
  if (!(number >= 0.0 && number <= JART_ADJUST_MAX))
    return FALSE;
  *value = number;
  return TRUE;
}

/* Reads group NAME into VALUES's look fields; FALSE when a key is missing
 * or out of range. */
static gboolean
read_preset (GKeyFile *file, const gchar *name, JaValues *values)
{
  JartSettings settings;
  JartStep step;
  gchar *schedule;
  gboolean ok;

  ja_values_init (values);
  if (!read_int (file, name, "quality", JART_QUALITY_MIN, JART_QUALITY_MAX,
                 &values->quality)
      || !read_int (file, name, "generations", JART_GENERATIONS_MIN,
                    JART_GENERATIONS_MAX, &values->generations)
      || !read_int (file, name, "subsampling", JART_SUBSAMPLING_444,
                    JART_SUBSAMPLING_411, &values->subsampling)
      || !read_int (file, name, "dct", JART_DCT_ACCURATE, JART_DCT_FLOAT,
                    &values->dct)
      || !read_int (file, name, "quality-jitter", 0, JART_QUALITY_JITTER_MAX,
                    &values->quality_jitter)
      || !read_int (file, name, "grid-drift", 0, JART_GRID_DRIFT_MAX,
                    &values->grid_drift)
      || !read_int (file, name, "use-original", 0, 1, &values->use_original)
      || !read_double (file, name, "saturation", &values->saturation)
      || !read_double (file, name, "contrast", &values->contrast)
      || !read_double (file, name, "sharpen", &values->sharpen))
    return FALSE;

  schedule = g_key_file_get_string (file, name, "schedule", NULL);
  if (schedule == NULL || strlen (schedule) >= sizeof values->schedule)
    {
      g_free (schedule);
      return FALSE;
    }
  jart_settings_init (&settings);
  ja_values_default_step (values, NULL, &step);
  ok = jart_steps_parse (schedule, &step, &settings, NULL) == JART_OK;
  if (ok)
    g_strlcpy (values->schedule, schedule, sizeof values->schedule);
  g_free (schedule);
  g_strlcpy (values->preset, name, sizeof values->preset);
  return ok;
}

/* Lists the well-formed groups of the key file as user presets. */
static void
list_user_presets (JaPresets *presets)
{
  gchar **groups = g_key_file_get_groups (presets->file, NULL);
  gsize i;

  g_array_set_size (presets->user, 0);
  for (i = 0; groups[i] != NULL; i++)
    {
      JaUserPreset preset;

      if (!g_utf8_validate (groups[i], -1, NULL)
          || !read_preset (presets->file, groups[i], &preset.values))
        continue;
      preset.name = g_strdup (groups[i]);
      g_array_append_val (presets->user, preset);
    }
  g_strfreev (groups);
  g_array_sort (presets->user, user_preset_compare);
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
  if (user_file != NULL
      && !g_key_file_load_from_file (presets->file, user_file,
                                     G_KEY_FILE_KEEP_COMMENTS, &local))
    {
      if (!g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_propagate_prefixed_error (
            error, local, _ ("Your presets in “%s” could not be read: "),
            user_file);
      else
        g_error_free (local);
      g_key_file_free (presets->file);
      presets->file = g_key_file_new ();
    }
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
  g_array_free (presets->user, TRUE);
  g_free (presets);
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
  ja_values_copy_look (&user->values, values);
  g_strlcpy (values->preset, user->name, sizeof values->preset);
}

/* Writes the key file, making its folder first. */
static gboolean
write_file (JaPresets *presets, GError **error)
{
  gchar *folder;
  gboolean ok;

  if (presets->path == NULL)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                           _ ("There is no file to keep your presets in."));
      return FALSE;
    }
  folder = g_path_get_dirname (presets->path);
  g_mkdir_with_parents (folder, 0700);
  g_free (folder);
  ok = g_key_file_save_to_file (presets->file, presets->path, error);
  if (!ok)
    g_prefix_error (error, _ ("Your presets could not be saved in “%s”: "),
                    presets->path);
  return ok;
}

/* FALSE with *ERROR when NAME cannot name a user preset. */
static gboolean
check_name (const char *name, GError **error)
{
  int i;

  if (name == NULL || !g_utf8_validate (name, -1, NULL)
      || name[strspn (name, " \t")] == '\0')
    {
      g_set_error_literal (error, G_KEY_FILE_ERROR,
                           G_KEY_FILE_ERROR_INVALID_VALUE,
                           _ ("A preset needs a name."));
      return FALSE;
    }
  if (strlen (name) >= JA_PRESET_SIZE || strpbrk (name, "[]\n\r") != NULL)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   _ ("A preset's name must be shorter than %d bytes and "
                      "hold no “[”, “]” or line break."),
                   JA_PRESET_SIZE);
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

gboolean
ja_presets_save (JaPresets *presets, const char *name, const JaValues *values,
                 GError **error)
{
  GKeyFile *file = presets->file;
  gchar *before;
  gsize length;

  if (!check_name (name, error))
    return FALSE;
  before = g_key_file_to_data (file, &length, NULL);
  g_key_file_remove_group (file, name, NULL);
  g_key_file_set_integer (file, name, "quality", values->quality);
  g_key_file_set_integer (file, name, "generations", values->generations);
  g_key_file_set_integer (file, name, "subsampling", values->subsampling);
  g_key_file_set_integer (file, name, "dct", values->dct);
  g_key_file_set_integer (file, name, "quality-jitter",
                          values->quality_jitter);
  g_key_file_set_integer (file, name, "grid-drift", values->grid_drift);
  g_key_file_set_string (file, name, "schedule", values->schedule);
  g_key_file_set_double (file, name, "saturation", values->saturation);
  g_key_file_set_double (file, name, "contrast", values->contrast);
  g_key_file_set_double (file, name, "sharpen", values->sharpen);
  g_key_file_set_integer (file, name, "use-original", values->use_original);
  if (!write_file (presets, error))
    {
      /* Keep the list as the file on disk still has it. */
      g_key_file_load_from_data (file, before, length,
                                 G_KEY_FILE_KEEP_COMMENTS, NULL);
      g_free (before);
      return FALSE;
    }
  g_free (before);
  list_user_presets (presets);
  return TRUE;
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
  g_key_file_remove_group (presets->file, name, NULL);
  if (!write_file (presets, error))
    {
      g_key_file_free (presets->file);
      presets->file = g_key_file_new ();
      g_key_file_load_from_file (presets->file, presets->path,
                                 G_KEY_FILE_KEEP_COMMENTS, NULL);
      return FALSE;
    }
  list_user_presets (presets);
  return TRUE;
}
