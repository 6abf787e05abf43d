/* test-theme.c: ja_theme_is_dark on the themes GIMP 2.10 ships: Dark is
 * dark (light text on #454545); Gray (dark text on #777777), Light and
 * System are not; a folder without a gtkrc counts by its name.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "theme.h"

int
main (int argc, char **argv)
{
  static const struct
  {
    const char *name;
    gboolean dark;
  } themes[] = {
    { "Dark", TRUE },
    { "Gray", FALSE },
    { "Light", FALSE },
    { "System", FALSE },
  };
  const char *root = argc > 1 ? argv[1] : "/usr/share/gimp/2.0/themes";
  int failures = 0;
  unsigned i;

  for (i = 0; i < G_N_ELEMENTS (themes); i++)
    {
      char *dir = g_build_filename (root, themes[i].name, NULL);
      gboolean dark = ja_theme_is_dark (dir);

      printf ("%s: %s\n", dir, dark ? "dark" : "light");
      if (dark != themes[i].dark)
        failures++;
      g_free (dir);
    }
  if (!ja_theme_is_dark ("/nonexistent/My-Dark-Theme")
      || ja_theme_is_dark ("/nonexistent/Plain") || ja_theme_is_dark (NULL))
    failures++;
  printf ("%d passed, %d failed\n", failures ? 0 : 1, failures ? 1 : 0);
  return failures ? 1 : 0;
}
