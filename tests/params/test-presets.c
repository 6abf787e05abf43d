/* test-presets.c: the user's presets file and the plug-in's preset
 * messages, without GIMP: a file that does not parse is kept aside with a
 * message naming it and the line; saves and deletes merge into the file
 * as it is on disk, also when six processes save at once; names a key
 * file cannot hold are refused; a save that fails says so; a symbolic
 * link is followed; a save's wait for another program's lock stops when
 * its cancel hook says so; the plug-in's message on an unknown preset stays
 * short with 2,000 presets and one on a file that cannot be read names
 * the file; the line named is the one parsing ever longer beginnings of
 * the file finds, on random files and on a big one, where finding it
 * costs a few parses of the file, not one per halving.  Each case is one
 * GLib test, run by meson on its own (-p).
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _DEFAULT_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "arguments.h"
#include "builtin-presets.h"
#include "presets-file.h"
#include "presets.h"

/* A new empty folder for one case, and its presets file's path. */
typedef struct
{
  gchar *folder;
  gchar *path;
} Fixture;

static void
fixture_init (Fixture *f)
{
  GError *error = NULL;

  f->folder = g_dir_make_tmp ("test-presets-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->folder, JA_PRESETS_FILE_NAME, NULL);
}

/* Removes the case's folder and what it holds (one level of folders). */
static void
remove_tree (const char *folder)
{
  GDir *dir = g_dir_open (folder, 0, NULL);
  const gchar *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gchar *path = g_build_filename (folder, name, NULL);

      g_chmod (path, 0700);
      if (g_file_test (path, G_FILE_TEST_IS_DIR)
          && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_tree (path);
      else
        g_unlink (path);
      g_free (path);
    }
  g_dir_close (dir);
  g_rmdir (folder);
}

static void
fixture_clear (Fixture *f)
{
  g_chmod (f->folder, 0700);
  remove_tree (f->folder);
  g_free (f->folder);
  g_free (f->path);
}

/* A look that differs from the defaults by QUALITY. */
static JaValues
look (int quality)
{
  JaValues values;

  ja_values_init (&values);
  values.quality = quality;
  values.generations = 3;
  return values;
}

/* The text of PATH (it must be readable). */
static gchar *
read_text (const char *path)
{
  gchar *text = NULL;
  GError *error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
write_text (const char *path, const char *text)
{
  GError *error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* Writes TEXT, NUL bytes and all, to PATH (without g_file_set_contents's
 * sync, which took most of the time of 150 files). */
static void
write_bytes (const char *path, const GString *text)
{
  FILE *file = fopen (path, "wb");

  g_assert_nonnull (file);
  g_assert_cmpuint (fwrite (text->str, 1, text->len, file), ==, text->len);
  g_assert_cmpint (fclose (file), ==, 0);
}

/* Nonzero when the presets file PATH, read now, holds a usable preset
 * NAME of quality QUALITY. */
static gboolean
file_has (const char *path, const char *name, int quality)
{
  JaPresets *presets = ja_presets_new (path, NULL);
  int i = ja_presets_find (presets, name);
  JaValues values;

  ja_values_init (&values);
  if (i >= 0)
    ja_presets_apply (presets, i, &values);
  ja_presets_free (presets);
  return i >= 0 && values.quality == quality;
}

/* The names in FOLDER that start with PREFIX, sorted. */
static GPtrArray *
names_with_prefix (const char *folder, const char *prefix)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  GDir *dir = g_dir_open (folder, 0, NULL);
  const gchar *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      g_ptr_array_add (names, g_strdup (name));
  g_dir_close (dir);
  g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);
  return names;
}

/* One good preset, then a line that does not parse on line 14. */
static const char broken_text[]
    = "[Kept]\nquality=40\ngenerations=2\nsubsampling=2\ndct=0\n"
      "quality-jitter=0\ngrid-drift=0\nuse-original=0\nsaturation=1\n"
      "contrast=1\nsharpen=0\nschedule=\n\nthis line is no key\n";

/* A file with one line that does not parse: reading it names the file
 * and the line; saving keeps it aside, byte for byte, under a name that
 * says so (a second broken file the same second gets another name, never
 * the first's), with a notice naming both files and the line. */
static void
test_broken_file_kept_aside (void)
{
  Fixture f;
  JaPresets *presets;
  JaValues values = look (20);
  GError *error = NULL;
  GPtrArray *aside;
  gchar *prefix, *text, *first, *second;
  const char *notice;

  fixture_init (&f);
  write_text (f.path, broken_text);
  presets = ja_presets_new (f.path, &error);
  g_assert_nonnull (error);
  g_test_message ("reading: %s", error->message);
  g_assert_nonnull (strstr (error->message, f.path));
  g_assert_nonnull (strstr (error->message, "line 14"));
  g_clear_error (&error);

  g_assert_true (ja_presets_save (presets, "new", &values, &error));
  g_assert_no_error (error);
  notice = ja_presets_notice (presets);
  g_assert_nonnull (notice);
  g_test_message ("saving: %s", notice);
  g_assert_nonnull (strstr (notice, f.path));
  g_assert_nonnull (strstr (notice, "line 14"));
  prefix = g_strconcat (JA_PRESETS_FILE_NAME, ".broken-", NULL);
  aside = names_with_prefix (f.folder, prefix);
  g_assert_cmpuint (aside->len, ==, 1);
  g_assert_nonnull (strstr (notice, g_ptr_array_index (aside, 0)));
  first = g_build_filename (f.folder, g_ptr_array_index (aside, 0), NULL);
  text = read_text (first);
  g_assert_cmpstr (text, ==, broken_text);
  g_free (text);
  g_assert_true (file_has (f.path, "new", 20));
  g_ptr_array_unref (aside);

  /* Broken again at once: a second file aside, the first one kept. */
  write_text (f.path, "[Second]\nquality\n");
  g_assert_true (ja_presets_save (presets, "newer", &values, &error));
  g_assert_no_error (error);
  aside = names_with_prefix (f.folder, prefix);
  g_assert_cmpuint (aside->len, ==, 2);
  text = read_text (first);
  g_assert_cmpstr (text, ==, broken_text);
  g_free (text);
  second = g_build_filename (
      f.folder,
      strcmp (g_ptr_array_index (aside, 0), strrchr (first, '/') + 1) == 0
          ? g_ptr_array_index (aside, 1)
          : g_ptr_array_index (aside, 0),
      NULL);
  text = read_text (second);
  g_assert_cmpstr (text, ==, "[Second]\nquality\n");
  g_free (text);
  g_free (first);
  g_free (second);
  g_ptr_array_unref (aside);
  g_free (prefix);
  ja_presets_free (presets);
  fixture_clear (&f);
}

/* Two lists of one file holding "doomed" (quality 11), both opened before
 * either changes it: the second saves "later" (22), then the first saves
 * "mine" (33), or, when DELETE, deletes "doomed".  The file then holds the
 * second's preset and the first's change, and the first lists "later". */
static void
change_after_other_save (gboolean delete)
{
  Fixture f;
  JaPresets *first, *second;
  JaValues doomed = look (11), later = look (22), mine = look (33);
  GError *error = NULL;

  fixture_init (&f);
  g_assert_true (ja_presets_file_update (f.path, "doomed", &doomed, NULL, NULL,
                                         NULL, NULL, &error));
  first = ja_presets_new (f.path, NULL);
  second = ja_presets_new (f.path, NULL);
  g_assert_true (ja_presets_save (second, "later", &later, &error));
  if (delete)
    g_assert_true (ja_presets_delete (first, "doomed", &error));
  else
    g_assert_true (ja_presets_save (first, "mine", &mine, &error));
  g_assert_no_error (error);
  g_assert_true (file_has (f.path, "later", 22));
  g_assert_true (file_has (f.path, "doomed", 11) == !delete);
  g_assert_true (file_has (f.path, "mine", 33) == !delete);
  g_assert_cmpint (ja_presets_find (first, "later"), >=, 0);
  ja_presets_free (first);
  ja_presets_free (second);
  fixture_clear (&f);
}

/* A dialog opened before another program saved a preset saves its own
 * into the file as it is on disk: both are there. */
static void
test_merge_concurrent_change (void)
{
  change_after_other_save (FALSE);
}

#define PROCESSES 6
#define SAVES 15

/* PROCESSES processes, each with the file opened before any saves, save
 * SAVES presets each at the same time: every preset is in the file. */
static void
test_two_processes_save_at_once (void)
{
  Fixture f;
  int go[2], p, s, status;
  pid_t children[PROCESSES];
  char byte = 0;

  fixture_init (&f);
  g_assert_cmpint (pipe (go), ==, 0);
  for (p = 0; p < PROCESSES; p++)
    {
      children[p] = fork ();
      g_assert_cmpint (children[p], >=, 0);
      if (children[p] == 0)
        {
          JaPresets *presets = ja_presets_new (f.path, NULL);
          int failed = 0;

          close (go[1]);
          /* Wait for the parent to let every child go at once. */
          if (read (go[0], &byte, 1) != 0)
            _exit (3);
          for (s = 0; s < SAVES; s++)
            {
              gchar *name = g_strdup_printf ("process %d save %d", p, s);
              JaValues values = look (1 + p * SAVES + s);

              failed |= !ja_presets_save (presets, name, &values, NULL);
              g_free (name);
            }
          ja_presets_free (presets);
          _exit (failed ? 2 : 0);
        }
    }
  close (go[0]);
  close (go[1]);
  for (p = 0; p < PROCESSES; p++)
    {
      g_assert_cmpint (waitpid (children[p], &status, 0), ==, children[p]);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }
  for (p = 0; p < PROCESSES; p++)
    for (s = 0; s < SAVES; s++)
      {
        gchar *name = g_strdup_printf ("process %d save %d", p, s);

        if (!file_has (f.path, name, 1 + p * SAVES + s))
          g_error ("the presets file lost “%s”", name);
        g_free (name);
      }
  fixture_clear (&f);
}

/* Names a key file cannot hold as a group are refused with a message,
 * and nothing is written. */
static void
test_name_control_characters_refused (void)
{
  static const char *const names[]
      = { "tab\there",   "line\nbreak",   "carriage\rreturn",
          "bell\a",      "escape\033[0m", "delete\177",
          "[bracketed]", "half]",         "",
          "   ",         "Custom" };
  Fixture f;
  JaPresets *presets;
  JaValues values = look (30);
  gchar long_name[JA_PRESET_SIZE + 1];
  gsize i;

  fixture_init (&f);
  presets = ja_presets_new (f.path, NULL);
  for (i = 0; i <= G_N_ELEMENTS (names); i++)
    {
      const char *name = i < G_N_ELEMENTS (names) ? names[i] : long_name;
      GError *error = NULL;

      memset (long_name, 'x', JA_PRESET_SIZE);
      long_name[JA_PRESET_SIZE] = '\0';
      g_assert_false (ja_presets_save (presets, name, &values, &error));
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, !=, "");
      g_test_message ("%s", error->message);
      g_error_free (error);
      g_assert_false (g_file_test (f.path, G_FILE_TEST_EXISTS));
    }
  g_assert_cmpint (ja_presets_count (presets), ==, ja_builtin_preset_count ());
  ja_presets_free (presets);
  fixture_clear (&f);
}

/* Saving a preset into the presets file PATH fails, with a message that
 * names PATH. */
static void
assert_save_fails_naming (const char *path)
{
  JaPresets *presets = ja_presets_new (path, NULL);
  JaValues values = look (30);
  GError *error = NULL;

  g_assert_false (ja_presets_save (presets, "mine", &values, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  ja_presets_free (presets);
}

/* A save that cannot write says so, naming the file, and changes
 * nothing: GIMP's folder is a file; the presets file is a folder; and,
 * for a user the permissions bind (not root), a read-only folder. */
static void
test_failed_save_reports_failure (void)
{
  Fixture f;
  gchar *not_folder, *path, *text;

  fixture_init (&f);
  not_folder = g_build_filename (f.folder, "file", NULL);
  write_text (not_folder, "a file");
  path = g_build_filename (not_folder, JA_PRESETS_FILE_NAME, NULL);
  assert_save_fails_naming (path);
  text = read_text (not_folder);
  g_assert_cmpstr (text, ==, "a file");
  g_free (text);

  g_assert_cmpint (g_mkdir (f.path, 0700), ==, 0);
  assert_save_fails_naming (f.path);
  g_assert_true (g_file_test (f.path, G_FILE_TEST_IS_DIR));
  g_rmdir (f.path);

  if (geteuid () != 0)
    {
      write_text (f.path, "");
      g_assert_cmpint (g_chmod (f.folder, 0500), ==, 0);
      assert_save_fails_naming (f.path);
      g_chmod (f.folder, 0700);
    }
  g_free (path);
  g_free (not_folder);
  fixture_clear (&f);
}

/* A presets file that is a symbolic link stays one: the file it points to
 * gets the new preset besides its old one. */
static void
test_symlink_updated_at_target (void)
{
  Fixture f;
  JaPresets *presets;
  JaValues old = look (44), values = look (55);
  GError *error = NULL;
  gchar *real_folder, *target, *link;

  fixture_init (&f);
  real_folder = g_build_filename (f.folder, "real", NULL);
  g_assert_cmpint (g_mkdir (real_folder, 0700), ==, 0);
  target = g_build_filename (real_folder, "kept.ini", NULL);
  g_assert_true (ja_presets_file_update (target, "old", &old, NULL, NULL, NULL,
                                         NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (symlink ("real/kept.ini", f.path), ==, 0);

  presets = ja_presets_new (f.path, NULL);
  g_assert_true (ja_presets_save (presets, "new", &values, &error));
  g_assert_no_error (error);
  ja_presets_free (presets);
  g_assert_true (g_file_test (f.path, G_FILE_TEST_IS_SYMLINK));
  link = g_file_read_link (f.path, NULL);
  g_assert_cmpstr (link, ==, "real/kept.ini");
  g_assert_true (file_has (target, "old", 44));
  g_assert_true (file_has (target, "new", 55));
  g_free (link);
  g_free (target);
  g_free (real_folder);
  fixture_clear (&f);
}

/* Counts the calls of the cancel hook; stops the wait at the third. */
static gboolean
cancel_third (gpointer user_data)
{
  int *calls = user_data;

  return ++*calls >= 3;
}

/* A save waiting for another holder's lock stops as soon as its cancel
 * hook says so (long before the 5 seconds), with G_FILE_ERROR_INTR naming
 * the file, which stays as it was, with no temporary file beside it. */
static void
test_cancel_stops_lock_wait (void)
{
  JaValues values = look (55);
  int lock, calls = 0;
  gchar *lock_path, *before, *after;
  GError *error = NULL;
  JaPresets *presets;
  const gchar *name;
  GDir *dir;
  Fixture f;

  fixture_init (&f);
  g_assert_true (ja_presets_file_update (f.path, "old", &values, NULL, NULL,
                                         NULL, NULL, &error));
  before = read_text (f.path);
  lock_path = g_strconcat (f.path, ".lock", NULL);
  lock = g_open (lock_path, O_RDWR | O_CREAT, 0600);
  g_assert_cmpint (flock (lock, LOCK_EX), ==, 0);
  presets = ja_presets_new (f.path, NULL);
  ja_presets_set_cancel (presets, cancel_third, &calls);
  g_assert_false (ja_presets_save (presets, "new", &values, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INTR);
  g_assert_nonnull (strstr (error->message, f.path));
  g_assert_cmpint (calls, ==, 3);
  after = read_text (f.path);
  g_assert_cmpstr (after, ==, before);
  dir = g_dir_open (f.folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (
        g_str_has_prefix (name, JA_PRESETS_FILE_NAME)
        && (name[strlen (JA_PRESETS_FILE_NAME)] == '\0'
            || g_str_equal (name + strlen (JA_PRESETS_FILE_NAME), ".lock")));
  g_dir_close (dir);
  g_clear_error (&error);
  ja_presets_free (presets);
  close (lock);
  g_free (after);
  g_free (before);
  g_free (lock_path);
  fixture_clear (&f);
}

/* Deleting a preset keeps the presets others saved after the file was
 * read. */
static void
test_delete_merges (void)
{
  change_after_other_save (TRUE);
}

/* With 2,000 presets, the plug-in's message on an unknown one lists a
 * few and says how many more there are (the test's time is mostly
 * valgrind's on the file's parsing: 20,000 took 15 s there). */
static void
test_unknown_id_message_bounded (void)
{
  Fixture f;
  GString *text = g_string_new (NULL);
  JaValues values;
  gchar *message;
  int i;

  fixture_init (&f);
  for (i = 0; i < 2000; i++)
    g_string_append_printf (
        text,
        "[preset %05d]\nquality=50\ngenerations=2\nsubsampling=2\ndct=0\n"
        "quality-jitter=0\ngrid-drift=0\nuse-original=0\nsaturation=1\n"
        "contrast=1\nsharpen=0\nschedule=\n",
        i);
  write_text (f.path, text->str);
  g_string_free (text, TRUE);
  ja_values_init (&values);
  g_strlcpy (values.preset, "nope", sizeof values.preset);
  message = ja_arguments_apply_preset (&values, f.path);
  g_assert_nonnull (message);
  g_test_message ("%s", message);
  g_assert_cmpuint (strlen (message), <, 500);
  g_assert_nonnull (strstr (message, "'nope'"));
  g_assert_nonnull (strstr (message, "'light-resave'"));
  g_assert_nonnull (strstr (message, "and 1994 more"));
  g_free (message);
  fixture_clear (&f);
}

/* Reads the presets file PATH, whose text is TEXT, with
 * ja_presets_file_load; when EXPECTED_LINE is 0 it must read, else its
 * message must name PATH and end with ": line EXPECTED_LINE: " and the
 * message GKeyFile gives on TEXT. */
static void
load_and_check (const char *path, const char *text, int expected_line)
{
  GKeyFile *file = g_key_file_new ();
  GError *error = NULL, *expected = NULL;
  gchar *suffix;

  ja_presets_file_load (path, file, NULL, &error);
  if (expected_line == 0)
    g_assert_no_error (error);
  else
    {
      g_assert_nonnull (error);
      g_assert_false (g_key_file_load_from_data (
          file, text, strlen (text), G_KEY_FILE_KEEP_COMMENTS, &expected));
      suffix = g_strdup_printf (": line %d: %s", expected_line,
                                expected->message);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_true (g_str_has_suffix (error->message, suffix));
      g_free (suffix);
      g_error_free (expected);
      g_error_free (error);
    }
  g_key_file_free (file);
}

/* Where line NUMBER (from 1) of TEXT starts. */
static gsize
line_start (const GString *text, int number)
{
  const char *line = text->str;

  while (--number > 0)
    line = strchr (line, '\n') + 1;
  return (gsize)(line - text->str);
}

/* A file of 6,000 presets (1 MB, 84,000 lines) with a line that does not
 * parse near its start or near its end: the message names that line.
 * (Finding it near the end took 30 times as long as reading the whole
 * file when the file's ever shorter beginnings were parsed, 3 times now:
 * a speed the benchmark's kind of hand run shows, not this test.) */
static void
test_big_file_bad_line (void)
{
  static const char bad[] = "this line is no key\n";
  Fixture f;
  GString *text = g_string_new (NULL);
  int i, near_end = 6000 * 14 - 10;

  fixture_init (&f);
  for (i = 0; i < 6000; i++)
    g_string_append_printf (
        text,
        "[preset %05d]\nquality=50\ngenerations=2\nsubsampling=2\ndct=0\n"
        "quality-jitter=0\ngrid-drift=0\nuse-original=0\nsaturation=1\n"
        "contrast=1\nsharpen=0\nschedule=\n# saved by a test\n\n",
        i);
  write_text (f.path, text->str);
  load_and_check (f.path, text->str, 0);

  g_string_insert (text, (gssize)line_start (text, near_end), bad);
  write_text (f.path, text->str);
  load_and_check (f.path, text->str, near_end);

  g_string_erase (text, (gssize)line_start (text, near_end), sizeof bad - 1);
  g_string_insert (text, (gssize)line_start (text, 32), bad);
  write_text (f.path, text->str);
  load_and_check (f.path, text->str, 32);
  g_string_free (text, TRUE);
  fixture_clear (&f);
}

/* A line of the random presets files, NUL bytes and all. */
typedef struct
{
  const char *text;
  gsize length;
} Line;

#define LINE(text)                                                            \
  {                                                                           \
    text, sizeof text - 1                                                     \
  }

/* Lines that read in any group (the four after the first two are
 * comments), headings (of groups A, B, C, A, B, C), lines that read in
 * any group but the file's first, and lines that never read. */
static const Line common_lines[] = { LINE ("quality=50"),
                                     LINE (" key = value "),
                                     LINE ("# comment"),
                                     LINE (""),
                                     LINE ("   "),
                                     LINE ("\r"),
                                     LINE ("Encoding=UTF-8"),
                                     LINE ("name[de]=Name"),
                                     LINE ("a=1\0[b"),
                                     LINE ("\0[A") };
static const Line headings[]
    = { LINE ("[A]"),   LINE ("  [B]"), LINE ("\t[C] \t"),
        LINE ("\f[A]"), LINE ("\r[B]"), LINE ("[C]") };
static const Line encodings[]
    = { LINE ("Encoding=latin1"), LINE ("Encoding = ASCII") };
static const Line bad_lines[]
    = { LINE ("no key here"), LINE ("[bad"),   LINE ("[]"),    LINE ("=value"),
        LINE ("[x]y"),        LINE ("key]=1"), LINE ("[A\0]"), LINE (" [ =1"),
        LINE ("k[=1"),        LINE ("\xff"),   LINE ("\v[A]") };

/* The number of the first line of TEXT (LENGTH bytes) that does not
 * parse (0 when it parses), and its error: the first line K for which
 * lines 1..K do not parse, found by a binary search over K, the way the
 * presets file found it before it was parsed in pieces. */
static int
oracle_bad_line (const char *text, gsize length, GError **error)
{
  GKeyFile *file = g_key_file_new ();
  GArray *ends = g_array_new (FALSE, FALSE, sizeof (gsize));
  guint good = 0, bad;
  gsize i;

  for (i = 0; i < length; i++)
    if (text[i] == '\n' || i == length - 1)
      {
        gsize end = i + 1;

        g_array_append_val (ends, end);
      }
  bad = ends->len;
  if (g_key_file_load_from_data (file, text, length, G_KEY_FILE_KEEP_COMMENTS,
                                 NULL))
    bad = 0;
  while (bad - good > 1)
    {
      guint middle = (good + bad) / 2;

      if (g_key_file_load_from_data (file, text,
                                     g_array_index (ends, gsize, middle - 1),
                                     G_KEY_FILE_KEEP_COMMENTS, NULL))
        good = middle;
      else
        bad = middle;
    }
  if (bad > 0)
    g_key_file_load_from_data (file, text,
                               g_array_index (ends, gsize, bad - 1),
                               G_KEY_FILE_KEEP_COMMENTS, error);
  g_array_free (ends, TRUE);
  g_key_file_free (file);
  return (int)bad;
}

/* Appends a line of LINES (N of them), drawn at random, to TEXT; its
 * index in LINES. */
static int
append_random (GString *text, const Line *lines, int n)
{
  int i = g_test_rand_int_range (0, n);

  g_string_append_len (text, lines[i].text, (gssize)lines[i].length);
  return i;
}

/* 60 random presets files of up to 4,000 lines (read 1,024 lines at a
 * time), in groups of a few lines to thousands, some with up to 1,500
 * lines before the first heading (where a key does not read), with keys
 * "Encoding" other than UTF-8 (which GKeyFile refuses in the file's
 * first group only: one line in 16 in the others, rarer in the first)
 * and a line that never reads: reading each names the
 * first line that does not read and gives the message that parsing ever
 * longer beginnings of it gives, or reads when there is none. */
static void
test_bad_line_as_in_beginnings (void)
{
  Fixture f;
  GString *text = g_string_new (NULL);
  int round;

  fixture_init (&f);
  for (round = 0; round < 60; round++)
    {
      int lines = g_test_rand_int_range (1, 4000);
      int bad_at = g_test_rand_int_range (1, lines + lines / 4 + 2);
      int preamble = g_test_rand_bit () ? 0 : g_test_rand_int_range (1, 1500);
      int group_lines = 1 << g_test_rand_int_range (1, 12);
      int encoding_lines = 1 << g_test_rand_int_range (9, 15);
      int key_at = g_test_rand_int_range (1, 8 * MAX (preamble, 1));
      gboolean crlf = g_test_rand_bit ();
      GKeyFile *file = g_key_file_new ();
      GError *error = NULL, *expected = NULL;
      int i, bad, group = -1, first = -1;

      g_string_truncate (text, 0);
      for (i = 1; i <= lines; i++)
        {
          if (i == bad_at)
            append_random (text, bad_lines, G_N_ELEMENTS (bad_lines));
          else if (i <= preamble)
            append_random (text, common_lines + (i == key_at ? 0 : 2),
                           i == key_at ? 1 : 4);
          else if (i == preamble + 1
                   || g_test_rand_int_range (0, group_lines) == 0)
            {
              group = append_random (text, headings, G_N_ELEMENTS (headings))
                      % 3;
              if (first < 0)
                first = group;
            }
          else if (g_test_rand_int_range (0,
                                          group == first ? encoding_lines : 16)
                   == 0)
            append_random (text, encodings, G_N_ELEMENTS (encodings));
          else
            append_random (text, common_lines, G_N_ELEMENTS (common_lines));
          if (i < lines || g_test_rand_bit ())
            g_string_append (text, crlf ? "\r\n" : "\n");
        }
      write_bytes (f.path, text);
      bad = oracle_bad_line (text->str, text->len, &expected);
      ja_presets_file_load (f.path, file, NULL, &error);
      if (bad == 0)
        g_assert_no_error (error);
      else
        {
          gchar *suffix
              = g_strdup_printf (": line %d: %s", bad, expected->message);

          g_assert_nonnull (error);
          if (!g_str_has_suffix (error->message, suffix))
            g_error ("round %d, %d lines: “%s” does not end with “%s”", round,
                     lines, error->message, suffix);
          g_assert_cmpint (error->code, ==, expected->code);
          g_free (suffix);
          g_error_free (expected);
          g_error_free (error);
        }
      g_key_file_free (file);
    }
  g_string_free (text, TRUE);
  fixture_clear (&f);
}

/* The message of ja_arguments_apply_preset on VALUES' preset in the file
 * PATH, which must refuse it, naming PATH.  Free with g_free. */
static gchar *
refusal (JaValues *values, const char *path)
{
  gchar *message = ja_arguments_apply_preset (values, path);

  g_assert_nonnull (message);
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, path));
  return message;
}

/* The plug-in's message on a preset in a file it cannot read names the
 * file (and the line), on a preset with a bad key (a number out of range,
 * a schedule not in UTF-8) the file, the key and its line: not "'mine'
 * is no preset". */
static void
test_unreadable_file_message_names_file (void)
{
  Fixture f;
  JaValues values;
  gchar *message;

  fixture_init (&f);
  ja_values_init (&values);
  g_strlcpy (values.preset, "Kept", sizeof values.preset);

  write_text (f.path, broken_text);
  message = refusal (&values, f.path);
  g_assert_nonnull (strstr (message, "line 14"));
  g_assert_null (strstr (message, "no preset"));
  g_free (message);

  write_text (f.path, "[Kept]\nquality=400\n");
  message = refusal (&values, f.path);
  g_assert_nonnull (strstr (message, "line 2"));
  g_assert_nonnull (strstr (message, "quality"));
  g_assert_nonnull (strstr (message, "400"));
  g_free (message);

  /* A schedule in Latin-1, not UTF-8: the key is there, its value is
     what is wrong (shown with the bad byte replaced). */
  write_text (f.path, "[Kept]\nquality=50\ngenerations=2\nsubsampling=2\n"
                      "dct=0\nquality-jitter=0\ngrid-drift=0\n"
                      "use-original=0\nsaturation=1\ncontrast=1\n"
                      "sharpen=0\nschedule=q50 \xe9\n");
  message = refusal (&values, f.path);
  g_assert_nonnull (strstr (message, "line 12"));
  g_assert_nonnull (
      strstr (message, "key “schedule” is “q50 \xef\xbf\xbd”; it must be a "
                       "schedule in UTF-8."));
  g_free (message);

  /* A pipe in its place is refused, not read (which would wait for a
     writer for ever). */
  g_unlink (f.path);
  g_assert_cmpint (mkfifo (f.path, 0600), ==, 0);
  message = refusal (&values, f.path);
  g_assert_nonnull (strstr (message, "not a file but a pipe"));
  g_free (message);

  g_unlink (f.path);
  g_assert_cmpint (g_mkdir (f.path, 0700), ==, 0);
  message = refusal (&values, f.path);
  g_free (message);
  fixture_clear (&f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/presets/broken-file-kept-aside",
                   test_broken_file_kept_aside);
  g_test_add_func ("/presets/merge-concurrent-change",
                   test_merge_concurrent_change);
  g_test_add_func ("/presets/two-processes-save-at-once",
                   test_two_processes_save_at_once);
  g_test_add_func ("/presets/name-control-characters-refused",
                   test_name_control_characters_refused);
  g_test_add_func ("/presets/failed-save-reports-failure",
                   test_failed_save_reports_failure);
  g_test_add_func ("/presets/symlink-updated-at-target",
                   test_symlink_updated_at_target);
  g_test_add_func ("/presets/delete-merges", test_delete_merges);
  g_test_add_func ("/presets/cancel-stops-lock-wait",
                   test_cancel_stops_lock_wait);
  g_test_add_func ("/params/unknown-id-message-bounded",
                   test_unknown_id_message_bounded);
  g_test_add_func ("/params/unreadable-file-message-names-file",
                   test_unreadable_file_message_names_file);
  g_test_add_func ("/presets/big-file-bad-line", test_big_file_bad_line);
  g_test_add_func ("/presets/bad-line-as-in-beginnings",
                   test_bad_line_as_in_beginnings);
  return g_test_run ();
}
