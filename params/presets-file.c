/* presets-file.c: the user's presets file, a GKeyFile with one group per
 * preset, named by the preset's name, and one key per look field.  Reading
 * it names the file and the first line that does not parse (found by
 * parsing the text again a piece at a time, since GKeyFile's own message
 * names the line's text but not its number), or a preset's key
 * that is missing or out of range, with its line.  Changing it takes an
 * flock on PATH.lock (waiting at most 5 seconds for another program's, or
 * until the caller's hook cancels the wait),
 * reads the file as it is then, changes the one
 * preset and replaces the file through a synced temporary file and a
 * rename, so two programs saving at once keep both presets and a crash
 * leaves the old file or the new one, never a part.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* flock () and O_CLOEXEC. */
#define _DEFAULT_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "look.h"
#include "presets-file.h"

/* How many symbolic links a presets file's path may go through. */
#define MAX_LINKS 40

/* How long a change waits for another program's lock on the presets file
 * (a save takes milliseconds: one held longer belongs to a program that is
 * stopped or stuck), and how often it tries again meanwhile. */
#define LOCK_WAIT_SECONDS 5
#define LOCK_RETRY_US (20 * G_TIME_SPAN_MILLISECOND)

gchar *
ja_presets_file_path (const char *gimp_dir)
{
  const gchar *env;
  gchar *folder, *path;

  if (gimp_dir != NULL)
    return g_build_filename (gimp_dir, JA_PRESETS_FILE_NAME, NULL);
  /* As GIMP 2.10's gimp_directory () finds its folder. */
  env = g_getenv ("GIMP2_DIRECTORY");
  if (env != NULL && g_path_is_absolute (env))
    folder = g_strdup (env);
  else if (env != NULL)
    folder = g_build_filename (g_get_home_dir (), env, NULL);
  else
    folder = g_build_filename (g_get_user_config_dir (), "GIMP", "2.10", NULL);
  path = g_build_filename (folder, JA_PRESETS_FILE_NAME, NULL);
  g_free (folder);
  return path;
}

/* Parses the first LENGTH bytes of TEXT into FILE. */
static gboolean
parse (GKeyFile *file, const gchar *text, gsize length, GError **error)
{
  return g_key_file_load_from_data (file, text, length,
                                    G_KEY_FILE_KEEP_COMMENTS, error);
}

/* How many lines first_bad_line parses at a time. */
#define PIECE_LINES 1024

/* Where the line at LINE ends: after its '\n', or at END. */
static const gchar *
line_end (const gchar *line, const gchar *end)
{
  const gchar *newline = memchr (line, '\n', (gsize)(end - line));

  return newline != NULL ? newline + 1 : end;
}

/* Whether the line at LINE (up to END) starts with '[' after ASCII white
 * space, as GKeyFile reads it: such a line is a group's heading, or a
 * line GKeyFile refuses whatever comes before it (a key never starts
 * with '[').  No other line changes the group the lines after it are
 * in. */
static gboolean
opens_group (const gchar *line, const gchar *end)
{
  const gchar *stop = line_end (line, end);

  while (line < stop && g_ascii_isspace (*line))
    line++;
  return line < stop && *line == '[';
}

/* BUFFER holds CONTEXT bytes of text that parses; appended to it, LINES
 * (up to END) parse too (0), or the number (from 1) of the first of them
 * that does not, and that line's error in *ERROR.  When they do not
 * parse, the text up to line K parses for every K below that line and
 * fails from it on: a binary search finds it. */
static int
bad_line_after (GKeyFile *file, GString *buffer, gsize context,
                const gchar *lines, const gchar *end, GError **error)
{
  GArray *ends = g_array_new (FALSE, FALSE, sizeof (gsize));
  const gchar *line;
  gsize stop;
  guint good = 0, bad;

  g_string_append_len (buffer, lines, end - lines);
  for (line = lines; line < end; line = line_end (line, end))
    {
      stop = context + (gsize)(line_end (line, end) - lines);
      g_array_append_val (ends, stop);
    }
  bad = ends->len;
  if (parse (file, buffer->str, buffer->len, NULL))
    bad = 0;
  /* Lines 1..GOOD parse, lines 1..BAD do not. */
  while (bad - good > 1)
    {
      guint middle = good + (bad - good) / 2;

      if (parse (file, buffer->str, g_array_index (ends, gsize, middle - 1),
                 NULL))
        good = middle;
      else
        bad = middle;
    }
  if (bad > 0)
    parse (file, buffer->str, g_array_index (ends, gsize, bad - 1), error);
  g_array_free (ends, TRUE);
  return (int)bad;
}

/* TEXT of LENGTH bytes does not parse: the number (from 1) of its first
 * line that does not, and that line's error in *ERROR, as parsing lines
 * 1..K gives them when line K is the first that fails.  What GKeyFile
 * makes of a line depends only on the line, on the group it is in (none
 * before the first heading) and on whether that group is the file's
 * first (where a key "Encoding" must be "UTF-8").  So the text is parsed
 * once, PIECE_LINES lines at a time, each piece after the headings that
 * put its first line in its group: the file's first, then the last one
 * before the piece; the first piece that fails is searched for its line.
 * Should every piece parse (a GKeyFile whose lines depend on more), the
 * whole text is searched. */
static int
first_bad_line (const gchar *text, gsize length, GError **error)
{
  const gchar *end = text + length, *line = text, *piece_end;
  /* The lines opening the file's first group and the last one so far. */
  const gchar *first = NULL, *heading = NULL;
  GKeyFile *file = g_key_file_new ();
  GString *buffer = g_string_new (NULL);
  int number = 1, bad = 0, lines;

  while (line < end && bad == 0)
    {
      for (piece_end = line, lines = 0; piece_end < end && lines < PIECE_LINES;
           lines++)
        piece_end = line_end (piece_end, end);
      g_string_truncate (buffer, 0);
      if (first != NULL)
        g_string_append_len (buffer, first, line_end (first, end) - first);
      if (heading != NULL && heading != first)
        g_string_append_len (buffer, heading,
                             line_end (heading, end) - heading);
      bad = bad_line_after (file, buffer, buffer->len, line, piece_end, error);
      if (bad > 0)
        bad += number - 1;
      for (; line < piece_end; line = line_end (line, end), number++)
        if (opens_group (line, end))
          {
            heading = line;
            if (first == NULL)
              first = line;
          }
    }
  if (bad == 0)
    {
      g_string_truncate (buffer, 0);
      bad = bad_line_after (file, buffer, 0, text, end, error);
    }
  g_string_free (buffer, TRUE);
  g_key_file_free (file);
  return bad;
}

gboolean
ja_presets_file_load (const char *path, GKeyFile *file, gchar **text,
                      GError **error)
{
  gchar *data = NULL;
  gsize length = 0;
  GError *local = NULL;

  GStatBuf st;

  parse (file, "", 0, NULL);
  if (text != NULL)
    *text = NULL;
  /* A pipe or a device would block the read, or never end it. */
  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode)
      && !S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   /* TRANSLATORS: the presets file's path. */
                   _ ("Your presets in “%s” could not be read: it is not a "
                      "file but a pipe, a socket or a device."),
                   path);
      return FALSE;
    }
  if (!g_file_get_contents (path, &data, &length, &local))
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_error_free (local);
          if (text != NULL)
            *text = g_strdup ("");
          return TRUE;
        }
      g_propagate_prefixed_error (
          error, local, _ ("Your presets in “%s” could not be read: "), path);
      return FALSE;
    }
  if (!parse (file, data, length, NULL))
    {
      int line = first_bad_line (data, length, &local);

      if (local == NULL)
        local = g_error_new_literal (G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_PARSE,
                                     _ ("the file does not parse"));
      g_set_error (error, G_KEY_FILE_ERROR, local->code,
                   /* TRANSLATORS: the file, the line's number, then
                      GLib's description of what is wrong with it. */
                   _ ("Your presets in “%s” could not be read: line %d: %s"),
                   path, line, local->message);
      g_error_free (local);
      g_free (data);
      parse (file, "", 0, NULL);
      return FALSE;
    }
  if (text != NULL)
    *text = data;
  else
    g_free (data);
  return TRUE;
}

/* The number (from 1) of the line of TEXT that sets KEY in group GROUP,
 * the last one when several do, or of GROUP's heading when KEY is NULL or
 * not set there; 0 when TEXT has no such group. */
static int
key_line (const char *text, const char *group, const char *key)
{
  const char *line = text;
  int number = 1, group_line = 0, found = 0;
  gboolean in_group = FALSE;
  gsize group_length = strlen (group);
  gsize key_length = key != NULL ? strlen (key) : 0;

  while (line != NULL && *line != '\0')
    {
      const char *end = strchr (line, '\n');
      const char *start = line;
      gsize length = end != NULL ? (gsize)(end - line) : strlen (line);

      while (length > 0 && g_ascii_isspace (*start))
        start++, length--;
      if (length > 0 && *start == '[')
        {
          const char *close = start + length - 1;

          while (close > start && *close != ']')
            close--;
          in_group = (gsize)(close - start - 1) == group_length
                     && strncmp (start + 1, group, group_length) == 0;
          if (in_group)
            group_line = number;
        }
      else if (in_group && key != NULL && length > key_length
               && strncmp (start, key, key_length) == 0)
        {
          const char *after = start + key_length;

          while (*after == ' ' || *after == '\t')
            after++;
          if (*after == '=')
            found = number;
        }
      line = end != NULL ? end + 1 : NULL;
      number++;
    }
  return found > 0 ? found : group_line;
}

/* *ERROR for KEY of preset NAME: missing (VALUE NULL) or VALUE, which is
 * not what RANGE (e.g. "a whole number from 1 to 100") says. */
static void
set_key_error (GError **error, const char *text, const char *path,
               const char *name, const char *key, const char *value,
               const char *range)
{
  int line = key_line (text, name, key);

  if (value == NULL)
    g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                 /* TRANSLATORS: the preset's name, the file, the line of
                    the preset's heading, the key. */
                 _ ("Your preset “%s” in “%s”, line %d, has no key “%s”."),
                 name, path, line, key);
  else
    g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                 /* TRANSLATORS: the preset's name, the file, the line, the
                    key, its value, then what it must be, e.g. "a whole
                    number from 1 to 100". */
                 _ ("Your preset “%s” in “%s”, line %d: key “%s” is “%s”; "
                    "it must be %s."),
                 name, path, line, key, value, range);
}

/* Reads FIELD (an int or a double of the look) of preset NAME into VALUES
 * when it is in the field's range. */
static gboolean
read_number (GKeyFile *file, const char *text, const char *path,
             const char *name, const JaLookField *field, JaValues *values,
             GError **error)
{
  GError *local = NULL;
  gboolean whole = field->type == JA_LOOK_INT;
  gdouble number
      = whole ? g_key_file_get_integer (file, name, field->key, &local)
              : g_key_file_get_double (file, name, field->key, &local);
  gchar *raw, *range;

  if (local == NULL && number >= field->min && number <= field->max)
    {
      if (whole)
        *(int *)ja_look_field (values, field) = (int)number;
      else
        *(double *)ja_look_field (values, field) = number;
      return TRUE;
    }
  if (local != NULL)
    g_error_free (local);
  raw = g_key_file_get_value (file, name, field->key, NULL);
  range = whole ? g_strdup_printf (_ ("a whole number from %d to %d"),
                                   (int)field->min, (int)field->max)
                : g_strdup_printf (_ ("a number from %g to %g"), field->min,
                                   field->max);
  set_key_error (error, text, path, name, field->key, raw, range);
  g_free (range);
  g_free (raw);
  return FALSE;
}

/* Reads FIELD (the schedule's text) of preset NAME into VALUES when it is
 * shorter than JA_SCHEDULE_SIZE bytes and reads as a schedule whose words
 * fall back on the numbers VALUES already holds. */
static gboolean
read_schedule (GKeyFile *file, const char *text, const char *path,
               const char *name, const JaLookField *field, JaValues *values,
               GError **error)
{
  JartSettings settings;
  JartStep step;
  JartStatus status;
  GError *local = NULL;
  gchar *schedule = g_key_file_get_string (file, name, field->key, &local);
  gchar *range, *raw, *shown;

  if (schedule == NULL && local != NULL
      && g_error_matches (local, G_KEY_FILE_ERROR,
                          G_KEY_FILE_ERROR_UNKNOWN_ENCODING))
    {
      /* There, but not UTF-8 (a file edited in another encoding): shown
         with its bad bytes replaced. */
      raw = g_key_file_get_value (file, name, field->key, NULL);
      shown = g_utf8_make_valid (raw != NULL ? raw : "", -1);
      set_key_error (error, text, path, name, field->key, shown,
                     _ ("a schedule in UTF-8"));
      g_free (shown);
      g_free (raw);
      g_error_free (local);
      return FALSE;
    }
  g_clear_error (&local);
  if (schedule == NULL || strlen (schedule) >= JA_SCHEDULE_SIZE)
    {
      range = g_strdup_printf (_ ("a schedule shorter than %d bytes"),
                               JA_SCHEDULE_SIZE);
      set_key_error (error, text, path, name, field->key, schedule, range);
      g_free (range);
      g_free (schedule);
      return FALSE;
    }
  jart_settings_init (&settings);
  ja_values_default_step (values, NULL, &step);
  status = jart_steps_parse (schedule, &step, &settings, NULL);
  if (status != JART_OK)
    {
      range = g_strdup_printf (_ ("a schedule the filter reads (%s)"),
                               jart_strerror (status));
      set_key_error (error, text, path, name, field->key, schedule, range);
      g_free (range);
      g_free (schedule);
      return FALSE;
    }
  g_strlcpy (ja_look_field (values, field), schedule, JA_SCHEDULE_SIZE);
  g_free (schedule);
  return TRUE;
}

gboolean
ja_presets_file_read_look (GKeyFile *file, const char *text, const char *path,
                           const char *name, JaValues *values, GError **error)
{
  /* The numbers first, then the schedule, whose words fall back on them. */
  static const JaLookType order[]
      = { JA_LOOK_INT, JA_LOOK_DOUBLE, JA_LOOK_SCHEDULE };
  gsize pass;
  int i;

  ja_values_init (values);
  for (pass = 0; pass < G_N_ELEMENTS (order); pass++)
    for (i = 0; i < JA_LOOK_N_FIELDS; i++)
      {
        const JaLookField *field = &ja_look_fields[i];

        if (field->type != order[pass])
          continue;
        if (field->type == JA_LOOK_SCHEDULE
                ? !read_schedule (file, text, path, name, field, values, error)
                : !read_number (file, text, path, name, field, values, error))
          return FALSE;
      }
  g_strlcpy (values->preset, name, sizeof values->preset);
  return TRUE;
}

void
ja_presets_file_write_look (GKeyFile *file, const char *name,
                            const JaValues *values)
{
  int i;

  g_key_file_remove_group (file, name, NULL);
  for (i = 0; i < JA_LOOK_N_FIELDS; i++)
    {
      const JaLookField *field = &ja_look_fields[i];
      const void *source = ja_look_field_const (values, field);

      switch (field->type)
        {
        case JA_LOOK_INT:
          g_key_file_set_integer (file, name, field->key,
                                  *(const int *)source);
          break;
        case JA_LOOK_DOUBLE:
          g_key_file_set_double (file, name, field->key,
                                 *(const double *)source);
          break;
        case JA_LOOK_SCHEDULE:
          g_key_file_set_string (file, name, field->key, source);
          break;
        }
    }
}

gboolean
ja_presets_file_check_name (const char *name, GError **error)
{
  const char *c;

  if (name == NULL || name[strspn (name, " ")] == '\0')
    {
      g_set_error_literal (error, G_KEY_FILE_ERROR,
                           G_KEY_FILE_ERROR_INVALID_VALUE,
                           _ ("A preset needs a name."));
      return FALSE;
    }
  if (!g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, G_KEY_FILE_ERROR,
                           G_KEY_FILE_ERROR_INVALID_VALUE,
                           _ ("A preset's name must be UTF-8 text."));
      return FALSE;
    }
  /* What a GKeyFile group name may hold: no '[', no ']', no ASCII control
     character (tab, line break, DEL…); GKeyFile refuses the others. */
  for (c = name; *c != '\0'; c++)
    if (g_ascii_iscntrl (*c) || *c == '[' || *c == ']'
        || c - name >= JA_PRESET_SIZE - 1)
      {
        g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                     _ ("A preset's name must be shorter than %d bytes and "
                        "hold no “[”, “]”, tab, line break or other control "
                        "character."),
                     JA_PRESET_SIZE);
        return FALSE;
      }
  return TRUE;
}

/* The file PATH names, following symbolic links (a link to a file that
 * does not exist yet names that file); newly allocated, NULL with *ERROR
 * when the links loop. */
static gchar *
follow_links (const char *path, GError **error)
{
  gchar *current = g_strdup (path);
  int hops;

  for (hops = 0; hops < MAX_LINKS; hops++)
    {
      gchar *link = g_file_read_link (current, NULL);
      gchar *folder, *next;

      if (link == NULL)
        return current;
      if (g_path_is_absolute (link))
        next = link;
      else
        {
          folder = g_path_get_dirname (current);
          next = g_build_filename (folder, link, NULL);
          g_free (folder);
          g_free (link);
        }
      g_free (current);
      current = next;
    }
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_LOOP,
               _ ("Your presets could not be saved in “%s”: %s"), path,
               g_strerror (ELOOP));
  g_free (current);
  return NULL;
}

/* *ERROR for a failure with errno ERRNUM while saving FILE. */
static void
set_save_error (GError **error, const char *file, int errnum)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errnum),
               _ ("Your presets could not be saved in “%s”: %s"), file,
               g_strerror (errnum));
}

/* Takes the lock LOCK (the file LOCK_PATH, TARGET's lock), waiting for
 * another program's at most LOCK_WAIT_SECONDS, so that a program stopped
 * while it holds it (or stuck) costs a message naming the lock instead of
 * a save that never ends; CANCELLED (when not NULL), asked with
 * CANCEL_DATA before each try, stops the wait at once (an interrupt the
 * caller holds back while it saves).  A file system without locks
 * (ENOLCK, EOPNOTSUPP) still gets the merge and the one-step
 * replacement. */
static gboolean
take_lock (int lock, const char *target, const char *lock_path,
           JaPresetsCancelled cancelled, gpointer cancel_data, GError **error)
{
  const gint64 give_up
      = g_get_monotonic_time () + LOCK_WAIT_SECONDS * G_TIME_SPAN_SECOND;

  for (;;)
    {
      if (cancelled != NULL && cancelled (cancel_data))
        {
          set_save_error (error, target, EINTR);
          return FALSE;
        }
      if (flock (lock, LOCK_EX | LOCK_NB) == 0)
        break;
      if (errno == ENOLCK || errno == EOPNOTSUPP || errno == ENOSYS)
        return TRUE;
      if (errno != EWOULDBLOCK && errno != EINTR)
        {
          set_save_error (error, lock_path, errno);
          return FALSE;
        }
      if (g_get_monotonic_time () >= give_up)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_AGAIN,
                       _ ("Your presets could not be saved in “%s”: another "
                          "program has been changing it for %d seconds "
                          "(it holds “%s”). Try again once it is done."),
                       target, LOCK_WAIT_SECONDS, lock_path);
          return FALSE;
        }
      g_usleep (LOCK_RETRY_US);
    }
  return TRUE;
}

/* Replaces TARGET with DATA of LENGTH bytes in one step: a temporary
 * file beside it, written, given TARGET's permission bits (the default
 * mode for a new file), synced, closed and renamed over TARGET; then the
 * folder is synced.  FALSE with *ERROR when a step fails, TARGET then
 * untouched and the temporary file removed. */
static gboolean
replace_file (const char *target, const gchar *data, gsize length,
              GError **error)
{
  gchar *temporary = g_strdup_printf ("%s.XXXXXX", target);
  gchar *folder;
  struct stat old;
  gsize done = 0;
  int fd, errnum = 0, dir;

  fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_save_error (error, target, errno);
      g_free (temporary);
      return FALSE;
    }
  if (stat (target, &old) == 0 && S_ISREG (old.st_mode)
      && fchmod (fd, old.st_mode & 0777) != 0)
    errnum = errno;
  while (errnum == 0 && done < length)
    {
      ssize_t n = write (fd, data + done, length - done);

      if (n < 0 && errno != EINTR)
        errnum = errno;
      else if (n > 0)
        done += (gsize)n;
    }
  if (errnum == 0 && fsync (fd) != 0)
    errnum = errno;
  if (close (fd) != 0 && errnum == 0)
    errnum = errno;
  if (errnum == 0 && rename (temporary, target) != 0)
    errnum = errno;
  if (errnum != 0)
    {
      g_unlink (temporary);
      set_save_error (error, target, errnum);
      g_free (temporary);
      return FALSE;
    }
  g_free (temporary);
  folder = g_path_get_dirname (target);
  dir = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0)
    {
      fsync (dir);
      close (dir);
    }
  g_free (folder);
  return TRUE;
}

/* Renames TARGET, a presets file that could not be read for REASON, to
 * TARGET.broken-YYYYMMDD-HHMMSS (with -2, -3… when that exists); the
 * notice that says so, or NULL with *ERROR. */
static gchar *
keep_aside (const char *target, const char *reason, GError **error)
{
  GDateTime *now = g_date_time_new_now_local ();
  gchar *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  gchar *aside = g_strdup_printf ("%s.broken-%s", target, stamp);
  gchar *notice = NULL;
  GStatBuf status;
  int n = 1;

  g_date_time_unref (now);
  while (g_lstat (aside, &status) == 0)
    {
      g_free (aside);
      aside = g_strdup_printf ("%s.broken-%s-%d", target, stamp, ++n);
    }
  if (g_rename (target, aside) != 0)
    set_save_error (error, target, errno);
  else
    notice = g_strdup_printf (
        /* TRANSLATORS: why the file could not be read (it names the file
           and the line), then the name it was kept under. */
        _ ("%s. It was kept as “%s” and a new presets file started."), reason,
        aside);
  g_free (aside);
  g_free (stamp);
  return notice;
}

gboolean
ja_presets_file_update (const char *path, const char *name,
                        const JaValues *values, JaPresetsCancelled cancelled,
                        gpointer cancel_data, GKeyFile **merged,
                        gchar **notice, GError **error)
{
  GKeyFile *file = NULL;
  GError *local = NULL;
  gchar *target, *folder, *lock_path, *data = NULL, *aside = NULL;
  gsize length;
  gboolean ok = FALSE;
  int lock;

  if (notice != NULL)
    *notice = NULL;
  if (merged != NULL)
    *merged = NULL;
  if (values != NULL && !ja_presets_file_check_name (name, error))
    return FALSE;
  target = follow_links (path, error);
  if (target == NULL)
    return FALSE;
  folder = g_path_get_dirname (target);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      set_save_error (error, target, errno);
      g_free (folder);
      g_free (target);
      return FALSE;
    }
  g_free (folder);

  lock_path = g_strconcat (target, ".lock", NULL);
  lock = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (lock < 0)
    {
      set_save_error (error, target, errno);
      g_free (lock_path);
      g_free (target);
      return FALSE;
    }
  if (!take_lock (lock, target, lock_path, cancelled, cancel_data, error))
    goto out;

  file = g_key_file_new ();
  if (!ja_presets_file_load (target, file, NULL, &local))
    {
      /* A file that cannot be read for its contents is kept aside; one
         that cannot be read at all (its permissions) is left alone. */
      if (local->domain != G_KEY_FILE_ERROR)
        {
          g_propagate_error (error, local);
          goto out;
        }
      aside = keep_aside (target, local->message, error);
      g_error_free (local);
      if (aside == NULL)
        goto out;
    }
  if (values != NULL)
    ja_presets_file_write_look (file, name, values);
  else if (!g_key_file_remove_group (file, name, NULL))
    {
      /* Nothing to delete: the file stays as it is. */
      ok = TRUE;
      goto out;
    }
  data = g_key_file_to_data (file, &length, NULL);
  ok = replace_file (target, data, length, error);

out:
  flock (lock, LOCK_UN);
  close (lock);
  g_free (lock_path);
  g_free (target);
  g_free (data);
  if (ok && merged != NULL)
    *merged = file;
  else if (file != NULL)
    g_key_file_free (file);
  if (notice != NULL)
    *notice = aside;
  else
    g_free (aside);
  return ok;
}
