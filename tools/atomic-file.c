/* atomic-file.c: a temporary file next to the target, mkstemp, fsync,
 * fchmod and rename; see atomic-file.h.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _POSIX_C_SOURCE 200809L

#include "atomic-file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"

/* The temporary file's name in the target's folder; the leading dot keeps
 * it out of ordinary listings while it exists. */
#define ATOMIC_FILE_TEMPLATE ".jpeg-artifacts-XXXXXX"

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

bool
atomic_file_open (AtomicFile *file, const char *path, ToolError *error)
{
  struct stat info;
  char *folder;
  int fd;

  memset (file, 0, sizeof *file);
  if (stat (path, &info) == 0)
    {
      if (S_ISDIR (info.st_mode))
        {
          tool_error_set (error, _ ("cannot write %s: %s"), path,
                          strerror (EISDIR));
          return false;
        }
      file->mode = (unsigned)(info.st_mode & 07777);
    }
  else
    {
      mode_t mask = umask (0);

      umask (mask);
      file->mode = 0666u & ~(unsigned)mask;
    }

  folder = atomic_file_folder (path);
  file->path = strdup (path);
  if (folder != NULL && file->path != NULL)
    {
      file->temp_path
          = malloc (strlen (folder) + 1 + sizeof ATOMIC_FILE_TEMPLATE);
      if (file->temp_path != NULL)
        sprintf (file->temp_path, "%s/%s", folder, ATOMIC_FILE_TEMPLATE);
    }
  free (folder);
  if (file->temp_path == NULL)
    {
      tool_error_set (error, _ ("cannot write %s: %s"), path,
                      strerror (ENOMEM));
      atomic_file_abort (file);
      return false;
    }

  fd = mkstemp (file->temp_path);
  if (fd < 0)
    {
      tool_error_set (error, _ ("cannot write %s: %s"), path,
                      strerror (errno));
      /* No file was made: nothing to remove. */
      free (file->temp_path);
      file->temp_path = NULL;
      atomic_file_abort (file);
      return false;
    }
  file->stream = fdopen (fd, "wb");
  if (file->stream == NULL)
    {
      tool_error_set (error, _ ("cannot write %s: %s"), path,
                      strerror (errno));
      close (fd);
      atomic_file_abort (file);
      return false;
    }
  return true;
}

bool
atomic_file_commit (AtomicFile *file, ToolError *error)
{
  int fd = fileno (file->stream);
  int status;
  char *folder;

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
  if (status != 0 || rename (file->temp_path, file->path) != 0)
    {
      tool_error_set (error, _ ("cannot write %s: %s"), file->path,
                      strerror (errno));
      atomic_file_abort (file);
      return false;
    }

  folder = atomic_file_folder (file->path);
  if (folder != NULL)
    atomic_file_sync_folder (folder);
  free (folder);
  free (file->path);
  free (file->temp_path);
  memset (file, 0, sizeof *file);
  return true;
}

void
atomic_file_abort (AtomicFile *file)
{
  if (file->stream != NULL)
    fclose (file->stream);
  if (file->temp_path != NULL)
    unlink (file->temp_path);
  free (file->path);
  free (file->temp_path);
  memset (file, 0, sizeof *file);
}
