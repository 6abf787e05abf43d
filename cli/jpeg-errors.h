/* jpeg-errors.h: libjpeg's messages turned into the tool's one-line
 * errors.  libjpeg prints its warnings on stderr and ends the process on
 * an error unless told otherwise; the tool's readers (io-jpeg.c for INPUT,
 * jpeg-tables.c for --tables-from) install this error manager instead, so
 * that an error or the first warning ("Corrupt JPEG data: ...", "Premature
 * end of JPEG file") ends the read through a longjmp with the library's
 * text, and nothing reaches stderr but the tool's own message.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JPEG_ERRORS_H
#define JPEG_ERRORS_H

#include <setjmp.h>
#include <stdio.h>

#include <jpeglib.h>

typedef struct
{
  struct jpeg_error_mgr manager;
  jmp_buf escape;                /* where an error or a warning jumps */
  char message[JMSG_LENGTH_MAX]; /* the library's text for it */
} JpegErrors;

/* Makes ERRORS the error manager of the (not yet created) CINFO: errors
 * and warnings longjmp to ERRORS->escape, which the caller sets up with
 * setjmp before calling libjpeg; trace messages are dropped. */
void jpeg_errors_install (JpegErrors *errors, j_common_ptr cinfo);

#endif /* JPEG_ERRORS_H */
