/* arguments.c: the procedures' arguments once they are in a JaValues,
 * whichever GIMP read them: the "preset" argument applied, and their
 * ranges checked, with a message that names the parameter, the value it
 * got and the values it takes (for a schedule, the word that does not read
 * and where it is), so that a script's author sees at once which argument
 * is wrong.  No libgimp here: GIMP 2.10's glue (plugin/gimp2/pdb.c) and
 * GIMP 3's (plugin/gimp3/procedure.c) read the arguments.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "arguments.h"
#include "presets.h"
#include "schedule-check.h"

/* How many presets a message on an unknown one lists at most. */
#define PRESETS_LISTED 10

/* One checked parameter: its name in the procedure database, its range and,
 * for a choice, what each value means. */
typedef struct
{
  const char *name;
  int min;
  int max;
  const char *meaning; /* NULL for a number */
} ParamRange;

/* In the order of the procedure's parameters; seed takes every value. */
static const ParamRange ranges[] = {
  { "quality", JART_QUALITY_MIN, JART_QUALITY_MAX, NULL },
  { "generations", JART_GENERATIONS_MIN, JART_GENERATIONS_MAX, NULL },
  { "subsampling", 0, 4, N_ ("0 4:4:4, 1 4:2:2, 2 4:2:0, 3 4:4:0, 4 4:1:1") },
  { "dct", 0, 2, N_ ("0 accurate, 1 fast, 2 floating point") },
  { "quality-jitter", 0, JART_QUALITY_JITTER_MAX, NULL },
  { "grid-drift", 0, JART_GRID_DRIFT_MAX, NULL },
  { "grid-anchor", 0, 1, N_ ("0 the image's origin, 1 the layer's origin") },
  { "transparency", 0, 1,
    N_ ("0 the layer's own colours, 1 flattened on the background colour") },
  { "apply-to", 0, 1,
    N_ ("0 the drawable, 1 the drawable and the layers linked to it") },
  { "output", 0, 3,
    N_ ("0 replace the drawable, 1 a new layer above it, 2 one new layer "
        "per generation, 3 a new layer with the difference") },
};

/* A floating-point parameter: its name, what keeps the image as it is. */
typedef struct
{
  const char *name;
  double keep;
} AdjustParam;

static const AdjustParam adjusts[] = {
  { "saturation", 1.0 },
  { "contrast", 1.0 },
  { "sharpen", 0.0 },
};

gchar *
ja_arguments_apply_preset (JaValues *values, const char *presets_file)
{
  JaPresets *presets;
  const char *problem;
  gchar *message, *known;
  int i;

  if (values->preset[0] == '\0')
    return NULL;
  /* A user's file that cannot be read counts as no user presets; the
     message below then says why. */
  presets = ja_presets_new (presets_file, NULL);
  i = ja_presets_find (presets, values->preset);
  if (i >= 0)
    {
      ja_presets_apply (presets, i, values);
      ja_presets_free (presets);
      return NULL;
    }

  problem = ja_presets_problem (presets, values->preset);
  if (problem != NULL)
    {
      message = g_strdup_printf (
          /* TRANSLATORS: the preset the caller named, then why the user's
             presets file or that preset in it cannot be used (it names
             the file, the line and the key). */
          _ ("Parameter 'preset' is '%s', which cannot be used: %s"),
          values->preset, problem);
      ja_presets_free (presets);
      return message;
    }
  known = ja_presets_ids_text (presets, PRESETS_LISTED, "'");
  message = g_strdup_printf (
      /* TRANSLATORS: the preset the caller named, then the list of the
         presets there are, e.g. "'light-resave', 'shared'" (or the first
         of them and ", and 12 more"). */
      _ ("Parameter 'preset' is '%s', which is no preset; it must be \"\" "
         "(none) or one of %s."),
      values->preset, known);
  g_free (known);
  ja_presets_free (presets);
  return message;
}

/* NULL when VALUES's schedule reads (its word "tables" needing
 * use-original-settings), else the message that names the word at fault,
 * its offset and what is wrong (ja_schedule_check). */
static gchar *
check_schedule (const JaValues *values)
{
  JaScheduleCheck check;
  const char *word = check.word;
  unsigned long at;

  if (ja_schedule_check (values, values->use_original, &check)
      == JA_SCHEDULE_OK)
    return NULL;
  at = (unsigned long)check.at;
  switch (check.problem)
    {
    case JA_SCHEDULE_TOO_LONG:
      return g_strdup_printf (_ ("Parameter '%s' is too long."), "schedule");
    case JA_SCHEDULE_QUALITY:
      return g_strdup_printf (
          /* TRANSLATORS: the word of the schedule at fault and its byte
             offset in it; leave the schedule's words (q) untranslated. */
          _ ("Parameter 'schedule': '%s' at byte %lu is not a quality: "
             "'q' takes 1 to 100."),
          word, at);
    case JA_SCHEDULE_SCALE:
      return g_strdup_printf (
          _ ("Parameter 'schedule': '%s' at byte %lu is not a scale: 'x' "
             "takes 0.05 to 1, '%%' 5 to 100."),
          word, at);
    case JA_SCHEDULE_ADJUST:
      return g_strdup_printf (
          _ ("Parameter 'schedule': '%s' at byte %lu is out of range: "
             "'sat', 'con' and 'sharp' take 0 to 4."),
          word, at);
    case JA_SCHEDULE_REPEAT:
      return g_strdup_printf (
          _ ("Parameter 'schedule': '%s' at byte %lu is not a repeat: '*' "
             "takes 1 to %d."),
          word, at, JART_STEPS_MAX);
    case JA_SCHEDULE_EMPTY_STEP:
      return g_strdup_printf (
          _ ("Parameter 'schedule': the step at byte %lu is empty (two "
             "';' with nothing between them)."),
          at);
    case JA_SCHEDULE_TOO_MANY_STEPS:
      return g_strdup_printf (
          _ ("Parameter 'schedule': the step at byte %lu makes more than "
             "%d steps."),
          at, JART_STEPS_MAX);
    case JA_SCHEDULE_NO_TABLES:
      return g_strdup (
          _ ("Parameter 'schedule': the word 'tables' saves with the tables "
             "of the JPEG file the image was loaded from, which needs "
             "'use-original-settings' 1."));
    default:
      return g_strdup_printf (
          _ ("Parameter 'schedule': '%s' at byte %lu is not a word a "
             "schedule knows: qN (1..100), tables, 444, 422, 420, 440, "
             "411, xS (0.05..1) or P%%, nearest, bilinear, bicubic, "
             "lanczos, satS, conS, sharpS (0..4), *N (1..64); steps are "
             "separated by ';'."),
          word, at);
    }
}

gchar *
ja_arguments_check (const JaValues *values)
{
  const int checked[G_N_ELEMENTS (ranges)] = {
    values->quality,     values->generations,    values->subsampling,
    values->dct,         values->quality_jitter, values->grid_drift,
    values->grid_anchor, values->transparency,   values->apply_to,
    values->output,
  };
  double adjust[G_N_ELEMENTS (adjusts)];
  gchar *message;
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      const ParamRange *r = &ranges[i];

      if (checked[i] >= r->min && checked[i] <= r->max)
        continue;
      if (r->meaning != NULL)
        return g_strdup_printf (
            /* TRANSLATORS: the parameter's name, its value, the smallest
               and largest value it takes, what each value means. */
            _ ("Parameter '%s' is %d; it must be %d to %d (%s)."), r->name,
            checked[i], r->min, r->max, _ (r->meaning));
      return g_strdup_printf (
          /* TRANSLATORS: the parameter's name, its value, the smallest and
             largest value it takes. */
          _ ("Parameter '%s' is %d; it must be %d to %d."), r->name,
          checked[i], r->min, r->max);
    }

  if (memchr (values->preset, '\0', sizeof values->preset) == NULL)
    return g_strdup_printf (_ ("Parameter '%s' is too long."), "preset");
  message = check_schedule (values);
  if (message != NULL)
    return message;

  adjust[0] = values->saturation;
  adjust[1] = values->contrast;
  adjust[2] = values->sharpen;
  for (i = 0; i < G_N_ELEMENTS (adjusts); i++)
    if (!(adjust[i] >= 0.0 && adjust[i] <= JART_ADJUST_MAX))
      return g_strdup_printf (
          /* TRANSLATORS: the parameter's name, its value, the largest
             value it takes, the value that changes nothing. */
          _ ("Parameter '%s' is %g; it must be 0 to %g (%g changes "
             "nothing)."),
          adjusts[i].name, adjust[i], JART_ADJUST_MAX, adjusts[i].keep);

  if (values->use_original != 0 && values->use_original != 1)
    return g_strdup_printf (
        _ ("Parameter '%s' is %d; it must be %d to %d (%s)."),
        "use-original-settings", values->use_original, 0, 1,
        _ ("0 quality and subsampling, 1 the settings of the JPEG file the "
           "image was loaded from"));
  if (values->decode_as != 0 && values->decode_as != 1)
    return g_strdup_printf (
        _ ("Parameter '%s' is %d; it must be %d to %d (%s)."), "decode-as",
        values->decode_as, 0, 1,
        _ ("0 as browsers and most viewers decode (libjpeg-turbo's "
           "default), 1 as GIMP opens the file"));
  return NULL;
}
