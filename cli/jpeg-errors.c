/* jpeg-errors.c: an error manager for libjpeg that keeps the library's
 * message and jumps back to the reader on an error and on the first
 * warning, and never prints.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "jpeg-errors.h"

static void
jpeg_errors_exit (j_common_ptr cinfo)
{
  JpegErrors *errors = (JpegErrors *)cinfo->err;

  cinfo->err->format_message (cinfo, errors->message);
  longjmp (errors->escape, 1);
}

/* LEVEL -1 is a warning: corrupt or missing data that libjpeg would fill
 * in with guesses.  Higher levels are trace messages. */
static void
jpeg_errors_emit (j_common_ptr cinfo, int level)
{
  if (level < 0)
    jpeg_errors_exit (cinfo);
}

static void
jpeg_errors_output (j_common_ptr cinfo)
{
  (void)cinfo;
}

void
jpeg_errors_install (JpegErrors *errors, j_common_ptr cinfo)
{
  cinfo->err = jpeg_std_error (&errors->manager);
  errors->manager.error_exit = jpeg_errors_exit;
  errors->manager.emit_message = jpeg_errors_emit;
  errors->manager.output_message = jpeg_errors_output;
  errors->message[0] = '\0';
}
