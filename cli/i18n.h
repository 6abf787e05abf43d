/* i18n.h: the command-line tool's translation macros.  _() translates a
 * string where it is used, N_() only marks one (in a static table) for
 * xgettext; the table's user then passes it through _().  The text domain
 * comes from the build's config.h, the catalogue folder from
 * ja_locale_dir () (params/locale-dir.h, shared with the plug-in); main()
 * binds them with setlocale, bindtextdomain and textdomain.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef TOOL_I18N_H
#define TOOL_I18N_H

#include "config.h"

#include <libintl.h>

#include "locale-dir.h"

#define _(String) gettext (String)
#define N_(String) (String)

#endif /* TOOL_I18N_H */
