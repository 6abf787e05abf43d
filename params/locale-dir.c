/* locale-dir.c: the folder of the translations (see locale-dir.h), one
 * lookup for the plug-in and the command-line tool.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "locale-dir.h"

const char *
ja_locale_dir (void)
{
  const char *dir = getenv (JA_LOCALEDIR_ENV);

  return dir != NULL && dir[0] != '\0' ? dir : LOCALEDIR;
}
