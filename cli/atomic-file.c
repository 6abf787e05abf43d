/* atomic-file.c: following OUTPUT's symbolic links, a temporary file next
 * to the target (mkstemp), fsync, fchmod and rename, and the removal of
 * the temporary file from a signal handler; see atomic-file.h.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _POSIX_C_SOURCE 200809L

#include "atomic-file.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"

/* What follows the target's name in the temporary file's name; with a
 * leading dot, which keeps it out of ordinary listings. */
#define ATOMIC_FILE_SUFFIX ".jpeg-artifacts-tmp-XXXXXX"

#ifndef NAME_MAX
#define NAME_MAX 255
#endif
#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

/* The most symbolic links followed from OUTPUT to its file (Linux's own
 * limit for a path). */
#define ATOMIC_FILE_MAX_LINKS 40

/* The temporary file's path for atomic_file_remove_temporary, and whether
 * it is there.  A path that does not fit is longer than any the system
 * opens, so atomic_file_create refuses it. */
static char atomic_file_pending[PATH_MAX];
static volatile sig_atomic_t atomic_file_armed;

/* PATH's folder: "." when PATH names none, "/" for a file in the root. */
static char *
atomic_file_folder (const char *path)
{
  const char *slash = strrchr (path, '/');
  size_t length;
  char *folder;

  if (slash == NULL)
    return strdup (".");
  length = slash == path ? 1 : (size_t)(slash - path);
  folder = malloc (length + 1);
  if (folder != NULL)
    {
      memcpy (folder, path, length);
      folder[length] = '\0';
    }
  return folder;
}

/* Makes FOLDER's entries durable (the rename); a failure here cannot undo
 * the rename and only weakens the guarantee after a crash, so it is not
 * reported. */
static void
atomic_file_sync_folder (const char *folder)
{
  int fd = open (folder, O_RDONLY);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* The text of the symbolic link LINK, or NULL with errno set. */
static char *
atomic_file_read_link (const char *link)
{
  size_t size = 256;

  for (;;)
    {
      char *text = malloc (size);
      ssize_t length;

      if (text == NULL)
        return NULL;
      length = readlink (link, text, size);
      if (length < 0)
        {
          int saved = errno;

          free (text);
          errno = saved;
          return NULL;
        }
      if ((size_t)length < size)
        {
          text[length] = '\0';
          return text;
        }
      free (text);
      size *= 2;
    }
}

/* The path that the symbolic link LINK, reading TEXT, names: TEXT itself
 * when absolute, else TEXT in LINK's folder.  NULL when out of memory. */
static char *
atomic_file_link_target (const char *link, const char *text)
{
  const char *slash = strrchr (link, '/');
  size_t folder;
  char *path;

  if (text[0] == '/' || slash == NULL)
    return strdup (text);
  folder = (size_t)(slash - link) + 1;
  path = malloc (folder + strlen (text) + 1);
  if (path != NULL)
    {
      memcpy (path, link, folder);
      strcpy (path + folder, text);
    }
  return path;
}

bool
atomic_file_prepare (AtomicFile *file, const char *path, ToolError *error)
{
  struct stat info;
  bool exists = true;
  int links = 0;

  memset (file, 0, sizeof *file);
  file->path = strdup (path);
  file->target = strdup (path);
  if (file->path == NULL || file->target == NULL)
    {
      errno = ENOMEM;
      goto failed;
    }
  for (;;)
    {
      char *text, *next;

      if (lstat (file->target, &info) != 0)
        {
          if (errno != ENOENT)
            goto failed;
          exists = false;
          break;
        }
      if (!S_ISLNK (info.st_mode))
        break;
      if (links++ == ATOMIC_FILE_MAX_LINKS)
        {
          errno = ELOOP;
          goto failed;
        }
      text = atomic_file_read_link (file->target);
      if (text == NULL)
        goto failed;
      next = atomic_file_link_target (file->target, text);
      free (text);
      if (next == NULL)
        {
          errno = ENOMEM;
          goto failed;
        }
      free (file->target);
      file->target = next;
    }

  if (!exists)
    {
      mode_t mask = umask (0);

      umask (mask);
      file->mode = 0666u & ~(unsigned)mask;
      return true;
    }
  if (S_ISDIR (info.st_mode))
    {
      errno = EISDIR;
      goto failed;
    }
  if (!S_ISREG (info.st_mode))
    {
      if (links == 0)
        tool_error_set (error, _ ("cannot write %s: it is not a regular file"),
                        path);
      else
        tool_error_set (error,
                        _ ("cannot write %s: it links to %s, which is not a "
                           "regular file"),
                        path, file->target);
      atomic_file_abort (file);
      return false;
    }
  /* The permission bits; setuid, setgid and sticky would make a program
   * of an image or stop others from replacing it. */
  file->mode = (unsigned)(info.st_mode & 0777);
  file->replaces = true;
  file->owner = info.st_uid;
  file->group = info.st_gid;
  return true;

failed:
  tool_error_set (error, _ ("cannot write %s: %s"), path, strerror (errno));
  atomic_file_abort (file);
  return false;
}

bool
atomic_file_create (AtomicFile *file, ToolError *error)
{
  const char *slash = strrchr (file->target, '/');
  const char *name = slash != NULL ? slash + 1 : file->target;
  size_t length = strlen (name);
  size_t most = NAME_MAX - 1 - (sizeof ATOMIC_FILE_SUFFIX - 1);
  char *folder;
  int fd;

  /* A long name is cut, before a whole UTF-8 character, so that the
   * temporary file's name is not too long. */
  if (length > most)
    {
      length = most;
      while (length > 0 && ((unsigned char)name[length] & 0xc0) == 0x80)
        length--;
    }
  folder = atomic_file_folder (file->target);
  if (folder != NULL)
    {
      file->temp_path
          = malloc (strlen (folder) + 2 + length + sizeof ATOMIC_FILE_SUFFIX);
      if (file->temp_path != NULL)
        sprintf (file->temp_path, "%s/.%.*s%s", folder, (int)length, name,
                 ATOMIC_FILE_SUFFIX);
    }
  free (folder);
  if (file->temp_path == NULL)
    {
      errno = ENOMEM;
      goto failed;
    }
  if (strlen (file->temp_path) >= sizeof atomic_file_pending)
    {
      errno = ENAMETOOLONG;
      goto failed;
    }

  fd = mkstemp (file->temp_path);
  if (fd < 0)
    goto failed;
  strcpy (atomic_file_pending, file->temp_path);
  atomic_file_armed = 1;
  file->stream = fdopen (fd, "wb");
  if (file->stream == NULL)
    {
      int saved = errno;

      close (fd);
      errno = saved;
      goto failed;
    }
  return true;

failed:
  tool_error_set (error, _ ("cannot write %s: %s"), file->path,
                  strerror (errno));
  /* Without a file made, nothing is removed. */
  if (!atomic_file_armed)
    {
      free (file->temp_path);
      file->temp_path = NULL;
    }
  atomic_file_abort (file);
  return false;
}

/* Gives the temporary file on FD the old file's owner and group, as far
 * as the process may (root any; others a group of theirs).  When it may
 * not, the file stays the process's, as a new file would: not an error. */
static void
atomic_file_give_owner (const AtomicFile *file, int fd)
{
  if (!file->replaces || fchown (fd, file->owner, file->group) == 0)
    return;
  if (fchown (fd, (uid_t)-1, file->group) != 0)
    errno = 0;
}

bool
atomic_file_close (AtomicFile *file, ToolError *error)
{
  int fd = fileno (file->stream);
  int status;

  atomic_file_give_owner (file, fd);
  if (fflush (file->stream) != 0 || fchmod (fd, (mode_t)file->mode) != 0
      || fsync (fd) != 0)
    {
      tool_error_set (error, _ ("cannot write %s: %s"), file->path,
                      strerror (errno));
      atomic_file_abort (file);
      return false;
    }
  status = fclose (file->stream);
  file->stream = NULL;
  if (status != 0)
    {
      tool_error_set (error, _ ("cannot write %s: %s"), file->path,
                      strerror (errno));
      atomic_file_abort (file);
      return false;
    }
  return true;
}

bool
atomic_file_commit (AtomicFile *file, ToolError *error)
{
  char *folder;

  /* From here the temporary file may be the target: a signal must not
   * remove it. */
  atomic_file_armed = 0;
  if (rename (file->temp_path, file->target) != 0)
    {
      tool_error_set (error, _ ("cannot write %s: %s"), file->path,
                      strerror (errno));
      atomic_file_abort (file);
      return false;
    }
  folder = atomic_file_folder (file->target);
  if (folder != NULL)
    atomic_file_sync_folder (folder);
  free (folder);
  free (file->temp_path);
  file->temp_path = NULL;
  atomic_file_abort (file);
  return true;
}

void
atomic_file_abort (AtomicFile *file)
{
  atomic_file_armed = 0;
  if (file->stream != NULL)
    fclose (file->stream);
  if (file->temp_path != NULL)
    unlink (file->temp_path);
  free (file->path);
  free (file->target);
  free (file->temp_path);
  memset (file, 0, sizeof *file);
}

void
atomic_file_remove_temporary (void)
{
  if (atomic_file_armed)
    unlink (atomic_file_pending);
}
