/* test-steps-text.c: the schedule's text, jart_steps_parse and
 * jart_steps_format.  Every word and its range, the defaults a step takes
 * for the words it leaves out, repeats and the step limit, the byte offset
 * of the word at fault (SETTINGS untouched then), empty steps, numbers in
 * a locale whose decimal separator is a comma, and formatting: the text
 * read back gives the same steps, a buffer too small is cut and NUL-ended
 * and the length needed is returned as snprintf does.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "compare.h"
#include "jart.h"

static void
default_step (JartStep *step)
{
  memset (step, 0, sizeof *step);
  step->quality = 75;
  step->subsampling = JART_SUBSAMPLING_420;
  step->scale = 1.0;
  step->filter = JART_FILTER_LANCZOS;
  step->saturation = 1.0;
  step->contrast = 1.0;
  step->sharpen = 0.0;
}

/* Field by field: a struct copy need not copy the padding. */
static int
same_steps (const JartSettings *a, const JartSettings *b)
{
  int i;

  if (a->n_steps != b->n_steps)
    return 0;
  for (i = 0; i < a->n_steps; i++)
    {
      const JartStep *p = &a->steps[i], *q = &b->steps[i];

      if (p->quality != q->quality || p->subsampling != q->subsampling
          || p->scale != q->scale || p->filter != q->filter
          || p->saturation != q->saturation || p->contrast != q->contrast
          || p->sharpen != q->sharpen)
        return 0;
    }
  return 1;
}

/* Parses TEXT, which must succeed with N steps, then formats and parses
 * the result again, which must give the same steps. */
static void
parses (Tally *tally, const char *text, int n, JartSettings *settings)
{
  JartStep defaults;
  JartSettings again;
  JartStatus status;
  char buffer[2048];
  size_t length;

  default_step (&defaults);
  jart_settings_init (settings);
  status = jart_steps_parse (text, &defaults, settings, NULL);
  tally_check (tally, status == JART_OK && settings->n_steps == n,
               "\"%s\": status %d, %d steps (expected 0 and %d)", text, status,
               settings->n_steps, n);
  length = jart_steps_format (settings, buffer, sizeof buffer);
  tally_check (tally, length == strlen (buffer),
               "\"%s\": format says %zu bytes, wrote %zu", text, length,
               strlen (buffer));
  jart_settings_init (&again);
  status = jart_steps_parse (buffer, &defaults, &again, NULL);
  tally_check (tally, status == JART_OK && same_steps (settings, &again),
               "\"%s\" formats as \"%s\", which reads back to other steps",
               text, buffer);
}

/* Parses TEXT, which must fail with STATUS at byte AT and leave the
 * settings as they were. */
static void
fails (Tally *tally, const char *text, JartStatus expected, size_t at)
{
  JartStep defaults;
  JartSettings settings, before;
  JartStatus status;
  size_t error_at = 12345;

  default_step (&defaults);
  jart_settings_init (&settings);
  jart_steps_parse ("q10; q20", &defaults, &settings, NULL);
  before = settings;
  status = jart_steps_parse (text, &defaults, &settings, &error_at);
  tally_check (tally, status == expected && error_at == at,
               "\"%s\": status %d at %zu (expected %d at %zu)", text, status,
               error_at, expected, at);
  tally_check (tally, memcmp (&settings, &before, sizeof settings) == 0,
               "\"%s\": a failed parse changed the settings", text);
}

static void
check_words (Tally *tally)
{
  JartSettings s;
  const JartStep *t;

  parses (tally, "", 0, &s);
  parses (tally, "  \t\n ", 0, &s);
  parses (tally, "q95", 1, &s);
  tally_check (tally,
               s.steps[0].quality == 95
                   && s.steps[0].subsampling == JART_SUBSAMPLING_420
                   && s.steps[0].scale == 1.0 && s.steps[0].saturation == 1.0
                   && s.steps[0].contrast == 1.0 && s.steps[0].sharpen == 0.0,
               "\"q95\" does not keep the defaults for the other words");
  parses (tally,
          "q95 444; 422 x0.5 nearest; 420 50% bilinear; 440 x0.25 bicubic; "
          "411 x1 lanczos; tables sat1.5 con0.5 sharp2",
          6, &s);
  t = s.steps;
  tally_check (
      tally,
      t[0].quality == 95 && t[0].subsampling == JART_SUBSAMPLING_444
          && t[1].quality == 75 && t[1].subsampling == JART_SUBSAMPLING_422
          && t[1].scale == 0.5 && t[1].filter == JART_FILTER_NEAREST
          && t[2].scale == 0.5 && t[2].filter == JART_FILTER_BILINEAR
          && t[3].subsampling == JART_SUBSAMPLING_440 && t[3].scale == 0.25
          && t[3].filter == JART_FILTER_BICUBIC
          && t[4].subsampling == JART_SUBSAMPLING_411 && t[4].scale == 1.0
          && t[5].quality == 0 && t[5].saturation == 1.5
          && t[5].contrast == 0.5 && t[5].sharpen == 2.0,
      "the words of six steps were not read as written");
  parses (tally, "q65*6", 6, &s);
  parses (tally, "q65 *6; q30 x0.7 *2;", 8, &s);
  tally_check (tally, s.steps[5].quality == 65 && s.steps[6].quality == 30,
               "\"*N\" did not repeat the step in place");
  parses (tally, "q1 *64", 64, &s);
  parses (tally, "x0.05; x0.123456789012345; sat4 con4 sharp4; sat0", 4, &s);
  tally_check (tally, s.steps[1].scale == 0.123456789012345,
               "x0.123456789012345 read as %.17g", s.steps[1].scale);
}

static void
check_mistakes (Tally *tally)
{
  fails (tally, "q0", JART_ERROR_QUALITY, 0);
  fails (tally, "q101", JART_ERROR_QUALITY, 0);
  fails (tally, "q75 q", JART_ERROR_STEPS, 4);
  fails (tally, "q75 qq", JART_ERROR_STEPS, 4);
  fails (tally, "q-5", JART_ERROR_STEPS, 0);
  fails (tally, "q75; 423", JART_ERROR_STEPS, 5);
  fails (tally, "x0.04", JART_ERROR_SCALE, 0);
  fails (tally, "x1.5", JART_ERROR_SCALE, 0);
  fails (tally, "101%", JART_ERROR_SCALE, 0);
  fails (tally, "x", JART_ERROR_STEPS, 0);
  fails (tally, "x0,5", JART_ERROR_STEPS, 0);
  fails (tally, "x1e-1", JART_ERROR_STEPS, 0);
  fails (tally, "sat4.01", JART_ERROR_ADJUST, 0);
  fails (tally, "q9 con-1", JART_ERROR_STEPS, 3);
  fails (tally, "sharp", JART_ERROR_STEPS, 0);
  fails (tally, "lanczos3", JART_ERROR_STEPS, 0);
  fails (tally, "*0", JART_ERROR_STEPS, 0);
  fails (tally, "q5 **2", JART_ERROR_STEPS, 3);
  fails (tally, "q1 *65", JART_ERROR_STEPS, 3);
  fails (tally, "q1 *64; q2", JART_ERROR_STEPS, 8);
  fails (tally, ";q75", JART_ERROR_STEPS, 0);
  fails (tally, "q75;;q60", JART_ERROR_STEPS, 4);
  fails (tally, "q75; ; q60", JART_ERROR_STEPS, 4);
  fails (tally, "Q75", JART_ERROR_STEPS, 0);
}

static void
check_null (Tally *tally)
{
  JartStep defaults;
  JartSettings s;

  default_step (&defaults);
  jart_settings_init (&s);
  tally_check (
      tally,
      jart_steps_parse (NULL, &defaults, &s, NULL) == JART_ERROR_NULL
          && jart_steps_parse ("q5", NULL, &s, NULL) == JART_ERROR_NULL
          && jart_steps_parse ("q5", &defaults, NULL, NULL) == JART_ERROR_NULL,
      "a NULL argument is not JART_ERROR_NULL");
}

static void
check_format (Tally *tally)
{
  JartSettings s;
  char small[8], exact[64];
  size_t need;

  parses (tally, "q95; q75 x0.8 bicubic sat1.2 *3", 4, &s);
  need = jart_steps_format (&s, NULL, 0);
  tally_check (tally, need == jart_steps_format (&s, exact, sizeof exact),
               "the length with no buffer differs from the one written");
  tally_check (tally,
               strcmp (exact, "q95 420; q75 420 x0.8 bicubic sat1.2 *3") == 0,
               "formatted as \"%s\"", exact);
  memset (small, 'z', sizeof small);
  tally_check (tally,
               jart_steps_format (&s, small, sizeof small) == need
                   && strlen (small) == sizeof small - 1
                   && strncmp (small, exact, sizeof small - 1) == 0,
               "a small buffer got \"%.8s\"", small);
}

/* Numbers are read and written with a '.' also where the locale's
 * decimal separator is a comma. */
static void
check_locale (Tally *tally)
{
  static const char *const names[]
      = { "de_DE.UTF-8", "fr_FR.UTF-8", "de_DE", NULL };
  JartSettings s;
  char buffer[256];
  int i;

  for (i = 0; names[i] != NULL; i++)
    if (setlocale (LC_NUMERIC, names[i]) != NULL)
      break;
  tally_note (tally, "locale for the comma test: %s",
              names[i] != NULL ? names[i] : "none installed (C only)");
  parses (tally, "x0.75 sat1.25", 1, &s);
  jart_steps_format (&s, buffer, sizeof buffer);
  tally_check (tally,
               strstr (buffer, "x0.75") != NULL
                   && strstr (buffer, "sat1.25") != NULL,
               "in %s formatted as \"%s\"", names[i] ? names[i] : "C", buffer);
  setlocale (LC_NUMERIC, "C");
}

int
main (void)
{
  Tally tally;

  tally_init (&tally, "steps-text");
  check_words (&tally);
  check_mistakes (&tally);
  check_null (&tally);
  check_format (&tally);
  check_locale (&tally);
  return tally_finish (&tally);
}
