/* user-presets.c: --preset and --save-preset on the preset list of
 * params/presets.c (GLib only), with the user's presets file where the
 * plug-in keeps it, so a look saved in the dialog runs in a script and a
 * look made on the command line shows in the dialog.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "user-presets.h"

#include <stdio.h>

#include <glib.h>

#include "i18n.h"
#include "presets-file.h"
#include "presets.h"

/* How many ids the message on an unknown preset lists at most. */
#define USER_PRESETS_LISTED 10

/* The preset list with the user's file (whose problems the callers
 * report where they matter). */
static JaPresets *
user_presets_open (void)
{
  gchar *path = ja_presets_file_path (NULL);
  JaPresets *presets = ja_presets_new (path, NULL);

  g_free (path);
  return presets;
}

bool
user_presets_apply (const char *name, JaValues *values, ToolError *error)
{
  JaPresets *presets = user_presets_open ();
  int i = ja_presets_find (presets, name);
  const char *problem;
  gchar *known;

  if (i >= 0)
    {
      ja_presets_apply (presets, i, values);
      ja_presets_free (presets);
      return true;
    }
  problem = ja_presets_problem (presets, name);
  if (problem != NULL)
    tool_error_set (error, _ ("--preset %s cannot be used: %s"), name,
                    problem);
  else
    {
      known = ja_presets_ids_text (presets, USER_PRESETS_LISTED, "");
      tool_error_set (error, _ ("--preset must be one of %s, not %s"), known,
                      name);
      g_free (known);
    }
  ja_presets_free (presets);
  return false;
}

/* The caller's hook, as the presets' wait for the lock asks it. */
typedef struct
{
  bool (*cancelled) (void);
} CancelHook;

static gboolean
ask_cancelled (gpointer user_data)
{
  const CancelHook *hook = user_data;

  return hook->cancelled ();
}

bool
user_presets_save (const char *name, const JaValues *values, bool announce,
                   bool (*cancelled) (void), ToolError *error)
{
  JaPresets *presets = user_presets_open ();
  CancelHook hook = { cancelled };
  GError *failure = NULL;
  const char *notice;

  if (cancelled != NULL)
    ja_presets_set_cancel (presets, ask_cancelled, &hook);
  if (!ja_presets_save (presets, name, values, &failure))
    {
      tool_error_set (error, _ ("--save-preset: %s"), failure->message);
      g_error_free (failure);
      ja_presets_free (presets);
      return false;
    }
  notice = ja_presets_notice (presets);
  if (notice != NULL)
    fprintf (stderr, "jpeg-artifacts: %s\n", notice);
  if (announce)
    printf (_ ("saved the preset \"%s\" in %s\n"), name,
            ja_presets_path (presets));
  ja_presets_free (presets);
  return true;
}
