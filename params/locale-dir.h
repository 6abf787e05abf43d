/* locale-dir.h: where the plug-in and the command-line tool find their
 * translations: the folder they pass to bindtextdomain (and GIMP to
 * gimp_plugin_domain_register).  C library only.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_LOCALE_DIR_H
#define JA_LOCALE_DIR_H

/* The environment variable that points the tool and the plug-in at the
 * catalogues of an uninstalled build (BUILD/po, as the tests use) instead
 * of LOCALEDIR. */
#define JA_LOCALEDIR_ENV "JPEG_ARTIFACTS_LOCALEDIR"

/* $JPEG_ARTIFACTS_LOCALEDIR when set and not empty, else the installed
 * LOCALEDIR of the build's config.h.  The string is the environment's or
 * static: not to be freed. */
const char *ja_locale_dir (void);

#endif /* JA_LOCALE_DIR_H */
