/* schedule-check.c: what is wrong with a schedule's text and where (see
 * schedule-check.h), read as jart_steps_parse reads it.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "schedule-check.h"

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

/* Nonzero when the N bytes at WORD are '*' and digits (any count, as
 * jart_steps_parse reads them) of a count beyond 1..JART_STEPS_MAX. */
static int
ja_is_bad_repeat (const char *word, size_t n)
{
  size_t i;
  int count = 0;

  if (n < 2 || word[0] != '*')
    return 0;
  for (i = 1; i < n; i++)
    {
      if (word[i] < '0' || word[i] > '9')
        return 0;
      /* Once past JART_STEPS_MAX it stops growing: no overflow. */
      if (count <= JART_STEPS_MAX)
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
