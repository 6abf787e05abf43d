/* theme.c: tells a dark GIMP 2.10 theme from a light one by reading the
 * GTK 2 resource file (gtkrc) in its folder.  GIMP's themes name their
 * colours in a style ("color["clr9"] = "#454545"") and then use them
 * ("bg[NORMAL] = @clr9"); plain "#RGB" and "#RRGGBB" values work as well.
 * The first fg[NORMAL] and bg[NORMAL] of the file belong to the theme's
 * default style, the one that colours dialogs.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "theme.h"

/* The luma (0..1) of "#RGB" or "#RRGGBB" at TEXT, or -1. */
static double
hex_luma (const char *text)
{
  unsigned int v[3];
  size_t len = 0;
  int i;

  if (text == NULL || text[0] != '#')
    return -1;
  text++;
  while (g_ascii_isxdigit (text[len]))
    len++;
  if (len != 3 && len != 6)
    return -1;
  for (i = 0; i < 3; i++)
    {
      if (len == 3)
        v[i] = g_ascii_xdigit_value (text[i]) * 17;
      else
        v[i] = g_ascii_xdigit_value (text[2 * i]) * 16
               + g_ascii_xdigit_value (text[2 * i + 1]);
    }
  return (0.299 * v[0] + 0.587 * v[1] + 0.114 * v[2]) / 255.0;
}

/* The luma of the value after '=' on LINE: a "#hex" string or an @name
 * from COLOURS; -1 when neither. */
static double
value_luma (const char *line, GHashTable *colours)
{
  const char *eq = strchr (line, '=');
  const char *v;

  if (eq == NULL)
    return -1;
  v = eq + 1;
  while (*v == ' ' || *v == '\t' || *v == '"')
    v++;
  if (*v == '@')
    {
      char *name = g_strdup (v + 1);
      char *end = name;
      const char *hex;
      double luma;

      while (g_ascii_isalnum (*end) || *end == '_')
        end++;
      *end = '\0';
      hex = g_hash_table_lookup (colours, name);
      luma = hex_luma (hex);
      g_free (name);
      return luma;
    }
  return hex_luma (v);
}

gboolean
ja_theme_is_dark (const char *theme_dir)
{
  char *path, *text = NULL, *base, *lower;
  gboolean dark = FALSE, decided = FALSE;

  if (theme_dir == NULL)
    return FALSE;

  path = g_build_filename (theme_dir, "gtkrc", NULL);
  if (g_file_get_contents (path, &text, NULL, NULL))
    {
      GHashTable *colours
          = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      char **lines = g_strsplit (text, "\n", -1);
      double fg = -1, bg = -1;
      int i;

      for (i = 0; lines[i] != NULL && (fg < 0 || bg < 0); i++)
        {
          const char *line = g_strchug (lines[i]);

          if (g_str_has_prefix (line, "color[\""))
            {
              const char *name = line + 7;
              const char *close = strchr (name, '"');
              const char *hash = close ? strchr (close, '#') : NULL;

              if (close != NULL && hash != NULL)
                g_hash_table_insert (colours, g_strndup (name, close - name),
                                     g_strndup (hash, 7));
            }
          else if (fg < 0 && g_str_has_prefix (line, "fg[NORMAL]"))
            fg = value_luma (line, colours);
          else if (bg < 0 && g_str_has_prefix (line, "bg[NORMAL]"))
            bg = value_luma (line, colours);
        }
      if (fg >= 0 && bg >= 0)
        {
          dark = fg > bg;
          decided = TRUE;
        }
      g_strfreev (lines);
      g_hash_table_unref (colours);
      g_free (text);
    }
  g_free (path);

  if (!decided)
    {
      base = g_path_get_basename (theme_dir);
      lower = g_ascii_strdown (base, -1);
      dark = strstr (lower, "dark") != NULL;
      g_free (lower);
      g_free (base);
    }
  return dark;
}
