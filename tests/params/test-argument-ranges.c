/* test-argument-ranges.c: ja_arguments_check, the range check of the
 * procedures' arguments on a plain JaValues (plugin/common/arguments.c),
 * without GIMP: every integer parameter at its bounds passes and one past
 * them fails with the message that names it; the seed takes every value;
 * saturation, contrast and sharpen refuse below 0, above 4 and NaN;
 * use-original-settings takes 0 and 1 only; strings without their NUL are
 * too long; a schedule that does not read, and "tables" without the
 * original's settings, are refused.  And ja_arguments_apply_preset: none,
 * a built-in preset, one there is none of.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>
#include <math.h>
#include <string.h>

#include "arguments.h"
#include "check.h"

/* An integer parameter: its name, its field, its range and, for a choice,
 * the meaning the message lists. */
typedef struct
{
  const char *name;
  size_t offset;
  int min;
  int max;
  const char *meaning;
} IntParam;

static const IntParam ints[] = {
  { "quality", G_STRUCT_OFFSET (JaValues, quality), 1, 100, NULL },
  { "generations", G_STRUCT_OFFSET (JaValues, generations), 1, 1000, NULL },
  { "subsampling", G_STRUCT_OFFSET (JaValues, subsampling), 0, 4,
    "0 4:4:4, 1 4:2:2, 2 4:2:0, 3 4:4:0, 4 4:1:1" },
  { "dct", G_STRUCT_OFFSET (JaValues, dct), 0, 2,
    "0 accurate, 1 fast, 2 floating point" },
  { "quality-jitter", G_STRUCT_OFFSET (JaValues, quality_jitter), 0, 50,
    NULL },
  { "grid-drift", G_STRUCT_OFFSET (JaValues, grid_drift), 0, 7, NULL },
  { "grid-anchor", G_STRUCT_OFFSET (JaValues, grid_anchor), 0, 1,
    "0 the image's origin, 1 the layer's origin" },
  { "transparency", G_STRUCT_OFFSET (JaValues, transparency), 0, 1,
    "0 the layer's own colours, 1 flattened on the background colour" },
  { "apply-to", G_STRUCT_OFFSET (JaValues, apply_to), 0, 1,
    "0 the drawable, 1 the drawable and the layers linked to it" },
  { "output", G_STRUCT_OFFSET (JaValues, output), 0, 3,
    "0 replace the drawable, 1 a new layer above it, 2 one new layer per "
    "generation, 3 a new layer with the difference" },
  { "use-original-settings", G_STRUCT_OFFSET (JaValues, use_original), 0, 1,
    "0 quality and subsampling, 1 the settings of the JPEG file the image "
    "was loaded from" },
  { "decode-as", G_STRUCT_OFFSET (JaValues, decode_as), 0, 1,
    "0 as browsers and most viewers decode (libjpeg-turbo's default), 1 as "
    "GIMP opens the file" },
};

/* Checks VALUES with FIELD of P set to VALUE: NULL when in range, else
 * the message naming it. */
static void
check_int (const IntParam *p, int value)
{
  JaValues values;
  char *message, *want = NULL;

  ja_values_init (&values);
  G_STRUCT_MEMBER (int, &values, p->offset) = value;
  message = ja_arguments_check (&values);
  if (value < p->min || value > p->max)
    want = p->meaning != NULL
               ? g_strdup_printf ("Parameter '%s' is %d; it must be %d to %d "
                                  "(%s).",
                                  p->name, value, p->min, p->max, p->meaning)
               : g_strdup_printf ("Parameter '%s' is %d; it must be %d to %d.",
                                  p->name, value, p->min, p->max);
  CHECK_STR (message, want);
  g_free (message);
  g_free (want);
}

static void
test_ints (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (ints); i++)
    {
      check_int (&ints[i], ints[i].min);
      check_int (&ints[i], ints[i].max);
      check_int (&ints[i], ints[i].min - 1);
      check_int (&ints[i], ints[i].max + 1);
      check_int (&ints[i], G_MININT);
      check_int (&ints[i], G_MAXINT);
    }
}

static void
test_seed (void)
{
  JaValues values;

  ja_values_init (&values);
  values.seed = 0;
  CHECK_STR (ja_arguments_check (&values), NULL);
  values.seed = G_MAXUINT32;
  CHECK_STR (ja_arguments_check (&values), NULL);
}

/* Checks VALUES with the colour change NAME at FIELD set to VALUE. */
static void
check_adjust (const char *name, size_t offset, double keep, double value,
              gboolean good)
{
  JaValues values;
  char *message, *want = NULL;

  ja_values_init (&values);
  G_STRUCT_MEMBER (double, &values, offset) = value;
  message = ja_arguments_check (&values);
  if (!good)
    want = g_strdup_printf ("Parameter '%s' is %g; it must be 0 to %g (%g "
                            "changes nothing).",
                            name, value, JART_ADJUST_MAX, keep);
  CHECK_STR (message, want);
  g_free (message);
  g_free (want);
}

static void
test_adjusts (void)
{
  static const struct
  {
    const char *name;
    size_t offset;
    double keep;
  } adjusts[] = {
    { "saturation", G_STRUCT_OFFSET (JaValues, saturation), 1.0 },
    { "contrast", G_STRUCT_OFFSET (JaValues, contrast), 1.0 },
    { "sharpen", G_STRUCT_OFFSET (JaValues, sharpen), 0.0 },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (adjusts); i++)
    {
      check_adjust (adjusts[i].name, adjusts[i].offset, adjusts[i].keep, 0.0,
                    TRUE);
      check_adjust (adjusts[i].name, adjusts[i].offset, adjusts[i].keep,
                    JART_ADJUST_MAX, TRUE);
      check_adjust (adjusts[i].name, adjusts[i].offset, adjusts[i].keep, -0.01,
                    FALSE);
      check_adjust (adjusts[i].name, adjusts[i].offset, adjusts[i].keep,
                    JART_ADJUST_MAX + 0.01, FALSE);
      check_adjust (adjusts[i].name, adjusts[i].offset, adjusts[i].keep, NAN,
                    FALSE);
      check_adjust (adjusts[i].name, adjusts[i].offset, adjusts[i].keep,
                    INFINITY, FALSE);
    }
}

static void
test_strings (void)
{
  JaValues values;
  char *message;

  ja_values_init (&values);
  memset (values.preset, 'p', sizeof values.preset);
  message = ja_arguments_check (&values);
  CHECK_STR (message, "Parameter 'preset' is too long.");
  g_free (message);

  ja_values_init (&values);
  memset (values.schedule, 'q', sizeof values.schedule);
  message = ja_arguments_check (&values);
  CHECK_STR (message, "Parameter 'schedule' is too long.");
  g_free (message);

  /* The longest that fits. */
  ja_values_init (&values);
  memset (values.preset, 'p', sizeof values.preset - 1);
  values.preset[sizeof values.preset - 1] = '\0';
  CHECK_STR (ja_arguments_check (&values), NULL);
}

static void
test_schedule (void)
{
  JaValues values;
  char *message;

  ja_values_init (&values);
  strcpy (values.schedule, "q90 *2; q60 x0.5 420; sat1.5 con1.2 sharp0.8");
  CHECK_STR (ja_arguments_check (&values), NULL);

  /* Each word out of range is refused with a message on the schedule
     (its wording is tested with GIMP, tests/gimp). */
  {
    static const char *const bad[]
        = { "q0",     "q101",    "x0.01",    "x2",
            "sat4.5", "sharp-1", "q90;;q80", "frob" };
    gsize i;

    for (i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        strcpy (values.schedule, bad[i]);
        message = ja_arguments_check (&values);
        if (message == NULL
            || strncmp (message, "Parameter 'schedule'", 20) != 0)
          {
            fprintf (stderr, "FAIL: schedule \"%s\": %s\n", bad[i],
                     message ? message : "accepted");
            check_failures++;
          }
        g_free (message);
      }
  }

  /* "tables" needs the original file's settings. */
  strcpy (values.schedule, "tables 420");
  message = ja_arguments_check (&values);
  CHECK_STR (message,
             "Parameter 'schedule': the word 'tables' saves with the tables "
             "of the JPEG file the image was loaded from, which needs "
             "'use-original-settings' 1.");
  g_free (message);
  values.use_original = 1;
  CHECK_STR (ja_arguments_check (&values), NULL);
}

static void
test_presets (void)
{
  JaValues values, before;
  char *message;

  /* None: nothing changes. */
  ja_values_init (&values);
  values.seed = 7;
  before = values;
  CHECK_STR (ja_arguments_apply_preset (&values, NULL), NULL);
  CHECK (memcmp (&values, &before, sizeof values) == 0);

  /* A built-in preset: its look, the rest kept. */
  strcpy (values.preset, "shared");
  values.output = JA_OUTPUT_NEW_LAYER;
  CHECK_STR (ja_arguments_apply_preset (&values, NULL), NULL);
  CHECK_INT (values.quality, 65);
  CHECK_INT (values.generations, 6);
  CHECK_INT (values.quality_jitter, 5);
  CHECK_INT (values.grid_drift, 3);
  CHECK_INT (values.seed, 7);
  CHECK_INT (values.output, JA_OUTPUT_NEW_LAYER);
  CHECK_STR (values.preset, "shared");
  CHECK_STR (ja_arguments_check (&values), NULL);

  /* One there is none of: the message lists those there are, the values
     stay. */
  strcpy (values.preset, "no-such-look");
  before = values;
  message = ja_arguments_apply_preset (&values, NULL);
  CHECK (message != NULL
         && g_str_has_prefix (message, "Parameter 'preset' is "
                                       "'no-such-look', which is no preset; "
                                       "it must be \"\" (none) or one of "
                                       "'light-resave', 'shared'"));
  CHECK (memcmp (&values, &before, sizeof values) == 0);
  g_free (message);
}

int
main (void)
{
  test_ints ();
  test_seed ();
  test_adjusts ();
  test_strings ();
  test_schedule ();
  test_presets ();
  return CHECK_DONE ();
}
