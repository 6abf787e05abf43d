/* i18n.h: the command-line tool's translation macros.  _() translates a
 * string where it is used, N_() only marks one (in a static table) for
 * xgettext; the table's user then passes it through _().  The text domain
 * comes from the build's config.h, the catalogue folder from
 * tool_locale_dir (); main() binds them with setlocale, bindtextdomain and
 * textdomain.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef TOOL_I18N_H
#define TOOL_I18N_H

#include "config.h"

#include <libintl.h>
#include <stdlib.h>

/* The environment variable that points the tool and the plug-in at the
 * catalogues of an uninstalled build (BUILD/po) instead of LOCALEDIR. */
#define TOOL_LOCALEDIR_ENV "JPEG_ARTIFACTS_LOCALEDIR"

/* Where the translations are: $JPEG_ARTIFACTS_LOCALEDIR when set and not
 * empty, else the installed LOCALEDIR. */
static inline const char *
tool_locale_dir (void)
{
  const char *dir = getenv (TOOL_LOCALEDIR_ENV);

  return dir != NULL && dir[0] != '\0' ? dir : LOCALEDIR;
}

#define _(String) gettext (String)
#define N_(String) (String)

#endif /* TOOL_I18N_H */
