/* tool-error.c: filling in a ToolError from a printf format.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "tool-error.h"

#include <stdarg.h>
#include <stdio.h>

void
tool_error_set (ToolError *error, const char *format, ...)
{
  va_list args;

  if (error == NULL)
    return;
  va_start (args, format);
  vsnprintf (error->message, sizeof error->message, format, args);
  va_end (args);
}
