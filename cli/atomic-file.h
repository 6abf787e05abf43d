/* atomic-file.h: replacing a file all at once.  The new content goes to a
 * temporary file in the same folder, which is flushed to disk and then
 * renamed over the old file: readers see the old file or the new one,
 * never a part, and a failure leaves the old file as it was.  A symbolic
 * link is followed to the file it names, which is the one replaced (as cp
 * does); anything that exists and is not a regular file is refused.  The
 * temporary file is ".NAME.jpeg-artifacts-tmp-XXXXXX" next to NAME, so
 * that one left by a killed process says what it was.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef ATOMIC_FILE_H
#define ATOMIC_FILE_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "tool-error.h"

typedef struct
{
  char *path;      /* the name given, for messages */
  char *target;    /* the file to replace or create: PATH with its
                      symbolic links followed */
  char *temp_path; /* the temporary file, while there is one */
  FILE *stream;    /* open on temp_path */
  unsigned mode;   /* permissions the result gets */
  bool replaces;   /* target exists: the result gets its owner */
  uid_t owner;
  gid_t group;
} AtomicFile;

/* Follows PATH's symbolic links to the file to replace and picks the
 * result's permissions: the old file's less setuid, setgid and sticky, or
 * 0666 less the umask for a new file; the result keeps the old file's
 * owner and group when the process may give them.  Fails when PATH (or the
 * file it links to) exists and is not a regular file, or cannot be looked at.
 * Makes no file. */
bool atomic_file_prepare (AtomicFile *file, const char *path,
                          ToolError *error);

/* Creates the temporary file (mkstemp in the target's folder) and opens
 * FILE->stream on it.  From then until atomic_file_commit or
 * atomic_file_abort, atomic_file_remove_temporary removes it.  On failure
 * FILE is closed. */
bool atomic_file_create (AtomicFile *file, ToolError *error);

/* Flushes FILE->stream, gives the file its permissions, syncs it to disk
 * and closes it, ready for atomic_file_commit.  On failure the temporary
 * file is removed, the old file is untouched and FILE is closed. */
bool atomic_file_close (AtomicFile *file, ToolError *error);

/* Renames the closed temporary file over the target.  On failure the
 * temporary file is removed and the old file is untouched.  Either way
 * FILE is closed. */
bool atomic_file_commit (AtomicFile *file, ToolError *error);

/* Removes the temporary file and closes FILE; the old file is untouched.
 * Does nothing for a FILE already closed. */
void atomic_file_abort (AtomicFile *file);

/* Removes the temporary file that atomic_file_create made, if it is still
 * there; for a signal handler (async-signal-safe, frees nothing). */
void atomic_file_remove_temporary (void);

#endif /* ATOMIC_FILE_H */
