/* atomic-file.h: replacing a file all at once.  The new content goes to a
 * temporary file in the same folder, which is flushed to disk and then
 * renamed over the old file: readers see the old file or the new one,
 * never a part, and a failure leaves the old file as it was.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef ATOMIC_FILE_H
#define ATOMIC_FILE_H

#include <stdbool.h>
#include <stdio.h>

#include "tool-error.h"

typedef struct
{
  char *path;      /* the file to replace or create */
  char *temp_path; /* the temporary file, while there is one */
  FILE *stream;    /* open on temp_path */
  unsigned mode;   /* permissions the result gets */
} AtomicFile;

/* Creates the temporary file for PATH (mkstemp in PATH's folder).  Fails
 * when that folder cannot take a new file or PATH is a folder. */
bool atomic_file_open (AtomicFile *file, const char *path, ToolError *error);

/* Flushes FILE->stream, syncs it to disk and renames it to FILE->path.  The
 * result keeps the permissions of the file it replaces, or gets 0666 less
 * the umask when new.  On failure the temporary file is removed and the
 * old file is untouched.  Either way FILE is closed. */
bool atomic_file_commit (AtomicFile *file, ToolError *error);

/* Removes the temporary file and closes FILE; the old file is untouched.
 * Does nothing for a FILE already closed. */
void atomic_file_abort (AtomicFile *file);

#endif /* ATOMIC_FILE_H */
