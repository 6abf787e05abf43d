/* tool-error.h: the one-line error message that the command-line tool's
 * modules fill in when a step fails, for main() to print.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef TOOL_ERROR_H
#define TOOL_ERROR_H

#if defined(__GNUC__)
#define TOOL_PRINTF(format_index, first_arg)                                  \
  __attribute__ ((format (printf, format_index, first_arg)))
#else
#define TOOL_PRINTF(format_index, first_arg)
#endif

/* A failure's description: one line, already translated, without the
 * program's name and without a final newline. */
typedef struct
{
  char message[1024];
} ToolError;

/* Sets ERROR's message from a printf FORMAT (truncated when too long).
 * ERROR may be NULL. */
void tool_error_set (ToolError *error, const char *format, ...)
    TOOL_PRINTF (2, 3);

#endif /* TOOL_ERROR_H */
