/* values.c: defaults of the filter's parameters and their translation into
 * the codec's settings (with the schedule the second procedure's settings
 * make), shared by the dialog, the GIMP glue and the command-line tool;
 * and the built-in presets' looks.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include "values.h"

void
ja_values_init (JaValues *values)
{
  JartSettings defaults;

  jart_settings_init (&defaults);
  values->quality = defaults.quality;
  values->generations = defaults.generations;
  values->subsampling = defaults.subsampling;
  values->dct = defaults.dct;
  values->quality_jitter = defaults.quality_jitter;
  values->grid_drift = defaults.grid_drift;
  values->seed = defaults.seed;
  values->grid_anchor = JA_ANCHOR_IMAGE;
  values->transparency = JA_TRANSPARENCY_OWN;
  values->apply_to = JA_APPLY_DRAWABLE;
  values->output = JA_OUTPUT_REPLACE;
  values->schedule[0] = '\0';
  values->saturation = 1.0;
  values->contrast = 1.0;
  values->sharpen = 0.0;
  values->use_original = 0;
  values->preset[0] = '\0';
  values->decode_as = defaults.decode;
  values->size_for = JART_CODING_PROGRESSIVE;
}

int
ja_values_scheduled (const JaValues *values)
{
  size_t i;

  for (i = 0; values->schedule[i] != '\0'; i++)
    if (values->schedule[i] != ' ')
      return 1;
  return values->saturation != 1.0 || values->contrast != 1.0
         || values->sharpen != 0.0 || values->use_original;
}

void
ja_values_default_step (const JaValues *values, const JaOriginal *original,
                        JartStep *step)
{
  memset (step, 0, sizeof *step);
  step->quality = values->quality;
  step->subsampling = (JartSubsampling)values->subsampling;
  if (values->use_original && original != NULL && original->usable)
    {
      step->quality = 0;
      step->subsampling = original->subsampling;
    }
  step->scale = 1.0;
  step->filter = JART_FILTER_LANCZOS;
  step->saturation = values->saturation;
  step->contrast = values->contrast;
  step->sharpen = values->sharpen;
}

/* OFFSET modulo SIZE, in 0..SIZE-1 also for negative offsets. */
static int
positive_modulo (int offset, int size)
{
  int r = offset % size;

  return r < 0 ? r + size : r;
}

JartStatus
ja_values_to_settings (const JaValues *values, const JaOriginal *original,
                       int offset_x, int offset_y, int channels,
                       const uint8_t background[3], JartSettings *settings)
{
  JartStatus status = JART_OK;
  int mcu_width, mcu_height;
  int i;

  jart_settings_init (settings);
  settings->quality = values->quality;
  settings->generations = values->generations;
  settings->subsampling = (JartSubsampling)values->subsampling;
  settings->dct = (JartDct)values->dct;
  settings->decode = (JartDecode)values->decode_as;
  settings->quality_jitter = values->quality_jitter;
  settings->grid_drift = values->grid_drift;
  settings->seed = values->seed;
  settings->stop_at_fixed_point = 1;
  settings->flatten = values->transparency == JA_TRANSPARENCY_FLATTEN;
  settings->background[0] = background[0];
  settings->background[1] = background[1];
  settings->background[2] = background[2];

  if (ja_values_scheduled (values))
    {
      JartStep step;

      ja_values_default_step (values, original, &step);
      if (original != NULL && original->usable)
        {
          memcpy (settings->tables, original->tables, sizeof settings->tables);
          settings->cr_own_table = original->cr_own_table;
          memcpy (settings->cr_table, original->cr_table,
                  sizeof settings->cr_table);
        }
      status = jart_steps_parse (values->schedule, &step, settings, NULL);
      if (status == JART_OK && settings->n_steps == 0)
        {
          settings->steps[0] = step;
          settings->n_steps = 1;
        }
    }

  /* A layer at (ox, oy) meets the image's grid when (ox + anchor) is a
   * multiple of the MCU size: pad by ox modulo that size.  The MCU sizes
   * are powers of two, so the largest of a schedule's is a multiple of
   * every other. */
  if (values->grid_anchor == JA_ANCHOR_IMAGE)
    {
      jart_mcu_size (settings->subsampling, channels, &mcu_width, &mcu_height);
      for (i = 0; i < settings->n_steps; i++)
        {
          int w, h;

          jart_mcu_size (settings->steps[i].subsampling, channels, &w, &h);
          mcu_width = i == 0 || w > mcu_width ? w : mcu_width;
          mcu_height = i == 0 || h > mcu_height ? h : mcu_height;
        }
      settings->anchor_x = positive_modulo (offset_x, mcu_width);
      settings->anchor_y = positive_modulo (offset_y, mcu_height);
    }
  return status;
}

static int
ja_is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The length of the word of TEXT that starts at its first byte, as
 * jart_steps_parse splits words: up to a space or ';', or a '*' that
 * starts the next word. */
static size_t
ja_word_length (const char *text)
{
  size_t n = 0;

  if (text[0] == '\0' || text[0] == ';')
    return 0;
  do
    n++;
  while (text[n] != '\0' && text[n] != ';' && text[n] != '*'
         && !ja_is_space (text[n]));
  return n;
}

/* Nonzero when the N bytes at WORD are '*' and 1 to 4 digits of a count
 * beyond 1..JART_STEPS_MAX. */
static int
ja_is_bad_repeat (const char *word, size_t n)
{
  size_t i;
  int count = 0;

  if (n < 2 || n > 5 || word[0] != '*')
    return 0;
  for (i = 1; i < n; i++)
    {
      if (word[i] < '0' || word[i] > '9')
        return 0;
      count = count * 10 + (word[i] - '0');
    }
  return count < 1 || count > JART_STEPS_MAX;
}

/* The offset of the first word "tables" of TEXT. */
static size_t
ja_tables_word (const char *text)
{
  size_t at = 0, n;

  while (text[at] != '\0')
    {
      if (ja_is_space (text[at]) || text[at] == ';')
        {
          at++;
          continue;
        }
      n = ja_word_length (text + at);
      if (n == 6 && strncmp (text + at, "tables", 6) == 0)
        return at;
      at += n;
    }
  return 0;
}

JaScheduleProblem
ja_schedule_check (const JaValues *values, int tables, JaScheduleCheck *check)
{
  JartSettings settings;
  JartStep step;
  JartStatus status;
  size_t at = 0, n;
  int i;

  memset (check, 0, sizeof *check);
  if (memchr (values->schedule, '\0', sizeof values->schedule) == NULL)
    return check->problem = JA_SCHEDULE_TOO_LONG;
  jart_settings_init (&settings);
  ja_values_default_step (values, NULL, &step);
  status = jart_steps_parse (values->schedule, &step, &settings, &at);
  if (status == JART_OK)
    {
      for (i = 0; i < settings.n_steps && !tables; i++)
        if (settings.steps[i].quality == 0)
          {
            check->at = ja_tables_word (values->schedule);
            strcpy (check->word, "tables");
            return check->problem = JA_SCHEDULE_NO_TABLES;
          }
      check->steps = settings.n_steps;
      return check->problem = JA_SCHEDULE_OK;
    }

  /* The word at fault, spaces before it skipped. */
  while (ja_is_space (values->schedule[at]))
    at++;
  n = ja_word_length (values->schedule + at);
  check->at = at;
  memcpy (check->word, values->schedule + at, n);
  check->word[n] = '\0';
  switch (status)
    {
    case JART_ERROR_QUALITY:
      return check->problem = JA_SCHEDULE_QUALITY;
    case JART_ERROR_SCALE:
      return check->problem = JA_SCHEDULE_SCALE;
    case JART_ERROR_ADJUST:
      return check->problem = JA_SCHEDULE_ADJUST;
    default:
      break;
    }
  if (n == 0)
    return check->problem = JA_SCHEDULE_EMPTY_STEP;
  if (ja_is_bad_repeat (check->word, n))
    return check->problem = JA_SCHEDULE_REPEAT;
  /* A word that reads on its own began a step too many. */
  if (jart_steps_parse (check->word, &step, &settings, NULL) == JART_OK)
    return check->problem = JA_SCHEDULE_TOO_MANY_STEPS;
  return check->problem = JA_SCHEDULE_UNKNOWN_WORD;
}

/* Marks a string for translation without translating it: presets.c and the
 * command-line tool translate the texts when they show them. */
#define N_(text) (text)

/* A built-in preset: its id, name, description and look. */
typedef struct
{
  const char *id;
  const char *label;
  const char *description;
  int quality;
  int generations;
  int subsampling;
  int quality_jitter;
  int grid_drift;
  const char *schedule;
  double saturation;
  double contrast;
  double sharpen;
} JaBuiltinPreset;

static const JaBuiltinPreset ja_builtin_presets[] = {
  { "light-resave", N_ ("Like a light re-save"),
    N_ ("Saved again twice at quality 90, as opening a photo, touching it "
        "up and exporting it does."),
    90, 2, JART_SUBSAMPLING_420, 0, 0, "", 1.0, 1.0, 0.0 },
  { "shared", N_ ("Like shared a thousand times"),
    N_ ("Saved six times around quality 65, the grid moving a little each "
        "time, as reposts and screenshots of reposts do."),
    65, 6, JART_SUBSAMPLING_420, 5, 3, "", 1.0, 1.0, 0.0 },
  { "deep-fried", N_ ("Like deep-fried"),
    N_ ("Saved ten times at quality 15, the colours saturated, the contrast "
        "raised and the edges sharpened before every save, as deep-fry "
        "meme tools do."),
    15, 10, JART_SUBSAMPLING_420, 0, 0, "", 1.15, 1.06, 0.5 },
  { "reshare-chain", N_ ("Like a re-share chain"),
    N_ ("Uploaded at quality 95, then re-encoded at about 75, 60 and 45 by "
        "platforms that each make it smaller and crop it a little."),
    95, 4, JART_SUBSAMPLING_420, 0, 2,
    "q95; q75 x0.8 lanczos; q60 x0.6 bicubic; q45 x0.5 bilinear", 1.0, 1.0,
    0.0 },
};

#define JA_N_BUILTIN_PRESETS                                                  \
  ((int)(sizeof ja_builtin_presets / sizeof ja_builtin_presets[0]))

int
ja_builtin_preset_count (void)
{
  return JA_N_BUILTIN_PRESETS;
}

const char *
ja_builtin_preset_id (int i)
{
  return i >= 0 && i < JA_N_BUILTIN_PRESETS ? ja_builtin_presets[i].id : NULL;
}

const char *
ja_builtin_preset_label (int i)
{
  return i >= 0 && i < JA_N_BUILTIN_PRESETS ? ja_builtin_presets[i].label
                                            : NULL;
}

const char *
ja_builtin_preset_description (int i)
{
  return i >= 0 && i < JA_N_BUILTIN_PRESETS ? ja_builtin_presets[i].description
                                            : NULL;
}

void
ja_builtin_preset_apply (int i, JaValues *values)
{
  const JaBuiltinPreset *p;

  if (i < 0 || i >= JA_N_BUILTIN_PRESETS)
    return;
  p = &ja_builtin_presets[i];
  values->quality = p->quality;
  values->generations = p->generations;
  values->subsampling = p->subsampling;
  values->dct = JART_DCT_ACCURATE;
  values->quality_jitter = p->quality_jitter;
  values->grid_drift = p->grid_drift;
  snprintf (values->schedule, sizeof values->schedule, "%s", p->schedule);
  values->saturation = p->saturation;
  values->contrast = p->contrast;
  values->sharpen = p->sharpen;
  values->use_original = 0;
  snprintf (values->preset, sizeof values->preset, "%s", p->id);
}

void
ja_values_copy_look (const JaValues *from, JaValues *to)
{
  to->quality = from->quality;
  to->generations = from->generations;
  to->subsampling = from->subsampling;
  to->dct = from->dct;
  to->quality_jitter = from->quality_jitter;
  to->grid_drift = from->grid_drift;
  memcpy (to->schedule, from->schedule, sizeof to->schedule);
  to->saturation = from->saturation;
  to->contrast = from->contrast;
  to->sharpen = from->sharpen;
  to->use_original = from->use_original;
}

int
ja_values_same_look (const JaValues *a, const JaValues *b)
{
  return a->quality == b->quality && a->generations == b->generations
         && a->subsampling == b->subsampling && a->dct == b->dct
         && a->quality_jitter == b->quality_jitter
         && a->grid_drift == b->grid_drift
         && strcmp (a->schedule, b->schedule) == 0
         && a->saturation == b->saturation && a->contrast == b->contrast
         && a->sharpen == b->sharpen && a->use_original == b->use_original;
}

JaOriginalProblem
ja_original_fill (JaOriginal *original, int quality, int components,
                  const int h[], const int v[], int n_tables,
                  const uint16_t tables[][64])
{
  static const int factors[5][2]
      = { { 1, 1 }, { 2, 1 }, { 2, 2 }, { 1, 2 }, { 4, 1 } };
  int i, t;

  memset (original, 0, sizeof *original);
  original->present = 1;
  original->quality = quality;
  if (components != 1 && components != 3)
    return JA_ORIGINAL_COMPONENTS;
  original->gray = components == 1;
  original->subsampling = JART_SUBSAMPLING_444;
  if (components == 3)
    {
      for (i = 0; i < 5; i++)
        if (h[0] == factors[i][0] && v[0] == factors[i][1])
          break;
      if (i == 5 || h[1] != 1 || v[1] != 1 || h[2] != 1 || v[2] != 1)
        return JA_ORIGINAL_SAMPLING;
      original->subsampling = (JartSubsampling)i;
    }
  if (n_tables < 1)
    return JA_ORIGINAL_NO_TABLES;
  for (t = 0; t < 2; t++)
    {
      const uint16_t *table = tables[t < n_tables ? t : 0];

      for (i = 0; i < 64; i++)
        {
          if (table[i] < 1 || table[i] > JART_TABLE_VALUE_MAX)
            return JA_ORIGINAL_TABLE_VALUE;
          original->tables[t][i] = table[i];
        }
    }
  original->usable = 1;
  return JA_ORIGINAL_OK;
}
