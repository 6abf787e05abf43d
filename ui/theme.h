/* theme.h: whether a GIMP 2.10 theme is a dark one, so that the dialog can
 * ask GTK 3 for its dark variant when GIMP wears a dark theme.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_THEME_H
#define JA_THEME_H

#include <glib.h>

/* TRUE when the theme in THEME_DIR (what gimp_get_theme_dir returns) draws
 * light text on a dark background: its gtkrc's first fg[NORMAL] colour is
 * lighter than its first bg[NORMAL] colour (named colours resolved).  A
 * theme whose gtkrc cannot be read counts as dark when its folder's name
 * contains "dark".  NULL gives FALSE. */
gboolean ja_theme_is_dark (const char *theme_dir);

#endif /* JA_THEME_H */
