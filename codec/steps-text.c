/* steps-text.c: a schedule as text, read into JartSettings' steps and
 * written back, so that the plug-in's parameter, the dialog's entry, saved
 * presets and the command-line tool share one syntax:
 *
 *   q95; q75 x0.8 lanczos; q60 422 70% bicubic; q45 sat1.2 *3
 *
 * Steps are separated by ';', a step's words by spaces (tabs and newlines
 * count as spaces; a '*' starts a word, so "q65*6" is "q65 *6"), in any
 * order; a word a step leaves out takes the
 * caller's default.  Numbers are read in the C locale's form (a '.'
 * before the decimals) whatever the process's locale is.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include "jart-private.h"

static const char *const steps_subsampling_words[]
    = { "444", "422", "420", "440", "411" };

static const char *const steps_filter_words[]
    = { "nearest", "bilinear", "bicubic", "lanczos" };

static int
steps_is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Reads the N bytes at TEXT as a decimal number: at most 17 digits with
 * at most one '.' among them, nothing else (no sign, no exponent, no
 * locale).  The digits make one whole number divided by a power of ten,
 * so up to 15 digits give the double nearest the decimal.  Nonzero on
 * success. */
static int
steps_number (const char *text, size_t n, double *value)
{
  static const double tens[]
      = { 1e0, 1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,
          1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17 };
  uint64_t digits_value = 0;
  int digits = 0, decimals = 0, dot = 0;
  size_t i;

  for (i = 0; i < n; i++)
    {
      char c = text[i];

      if (c == '.' && !dot)
        dot = 1;
      else if (c >= '0' && c <= '9')
        {
          if (digits == 17)
            return 0;
          digits++;
          decimals += dot;
          digits_value = digits_value * 10 + (uint64_t)(c - '0');
        }
      else
        return 0;
    }
  if (digits == 0)
    return 0;
  *value = (double)digits_value / tens[decimals];
  return 1;
}

/* Reads the N bytes at TEXT as a whole number of at most 4 digits. */
static int
steps_whole (const char *text, size_t n, int *value)
{
  double number;

  if (n == 0 || n > 4 || memchr (text, '.', n) != NULL
      || !steps_number (text, n, &number))
    return 0;
  *value = (int)number;
  return 1;
}

/* Nonzero when the N bytes at WORD are PREFIX followed by a number, which
 * goes to *VALUE. */
static int
steps_prefixed (const char *word, size_t n, const char *prefix, double *value)
{
  size_t p = strlen (prefix);

  return n > p && strncmp (word, prefix, p) == 0
         && steps_number (word + p, n - p, value);
}

static int
steps_word_is (const char *word, size_t n, const char *name)
{
  return strlen (name) == n && strncmp (word, name, n) == 0;
}

/* Applies the word of N bytes at WORD to STEP (and *REPEAT).  JART_OK, or
 * the code of what is wrong with it. */
static JartStatus
steps_word (const char *word, size_t n, JartStep *step, int *repeat)
{
  double value;
  int i;

  for (i = 0; i < 5; i++)
    if (steps_word_is (word, n, steps_subsampling_words[i]))
      {
        step->subsampling = (JartSubsampling)i;
        return JART_OK;
      }
  for (i = 0; i < 4; i++)
    if (steps_word_is (word, n, steps_filter_words[i]))
      {
        step->filter = (JartFilter)i;
        return JART_OK;
      }
  if (steps_word_is (word, n, "tables"))
    {
      step->quality = 0;
      return JART_OK;
    }
  if (word[0] == 'q')
    {
      if (!steps_whole (word + 1, n - 1, &i))
        return JART_ERROR_STEPS;
      if (i < JART_QUALITY_MIN || i > JART_QUALITY_MAX)
        return JART_ERROR_QUALITY;
      step->quality = i;
      return JART_OK;
    }
  if (word[0] == '*')
    {
      if (!steps_whole (word + 1, n - 1, &i))
        return JART_ERROR_STEPS;
      if (i < 1 || i > JART_STEPS_MAX)
        return JART_ERROR_STEPS;
      *repeat = i;
      return JART_OK;
    }
  if (word[0] == 'x' || word[n - 1] == '%')
    {
      int percent = word[0] != 'x';

      if (!steps_number (word + !percent, n - 1, &value))
        return JART_ERROR_STEPS;
      if (percent)
        value /= 100.0;
      if (!(value >= JART_SCALE_MIN && value <= 1.0))
        return JART_ERROR_SCALE;
      step->scale = value;
      return JART_OK;
    }
  if (steps_prefixed (word, n, "sat", &value)
      || steps_prefixed (word, n, "con", &value)
      || steps_prefixed (word, n, "sharp", &value))
    {
      if (!(value >= 0.0 && value <= JART_ADJUST_MAX))
        return JART_ERROR_ADJUST;
      if (word[0] == 's' && word[1] == 'a')
        step->saturation = value;
      else if (word[0] == 'c')
        step->contrast = value;
      else
        step->sharpen = value;
      return JART_OK;
    }
  return JART_ERROR_STEPS;
}

JartStatus
jart_steps_parse (const char *text, const JartStep *defaults,
                  JartSettings *settings, size_t *error_at)
{
  JartStep steps[JART_STEPS_MAX];
  int n_steps = 0;
  size_t pos = 0;

  if (text == NULL || defaults == NULL || settings == NULL)
    return JART_ERROR_NULL;
  for (;;)
    {
      JartStep step = *defaults;
      size_t start = pos, first = pos;
      int repeat = 1, words = 0, i;

      while (text[pos] != '\0' && text[pos] != ';')
        {
          size_t word = pos, n;
          JartStatus status;

          if (steps_is_space (text[pos]))
            {
              pos++;
              continue;
            }
          /* A '*' starts a word of its own: "q65*6" is "q65 *6". */
          do
            pos++;
          while (text[pos] != '\0' && text[pos] != ';' && text[pos] != '*'
                 && !steps_is_space (text[pos]));
          n = pos - word;
          if (words == 0)
            first = word;
          status = steps_word (text + word, n, &step, &repeat);
          if (status != JART_OK)
            {
              if (error_at != NULL)
                *error_at = word;
              return status;
            }
          words++;
        }
      /* An empty step counts only between two others: "q75;" and "" are
       * fine, "q75;;q60" is a mistake. */
      if (words == 0 && (text[pos] == ';' || n_steps > 0))
        {
          if (text[pos] == '\0' && n_steps > 0)
            break;
          if (error_at != NULL)
            *error_at = start;
          return JART_ERROR_STEPS;
        }
      for (i = 0; i < repeat && words > 0; i++)
        {
          if (n_steps == JART_STEPS_MAX)
            {
              if (error_at != NULL)
                *error_at = first;
              return JART_ERROR_STEPS;
            }
          steps[n_steps++] = step;
        }
      if (text[pos] == '\0')
        break;
      pos++;
    }
  memcpy (settings->steps, steps, sizeof steps[0] * (size_t)n_steps);
  settings->n_steps = n_steps;
  return JART_OK;
}

static int
steps_equal (const JartStep *a, const JartStep *b)
{
  return a->quality == b->quality && a->subsampling == b->subsampling
         && a->scale == b->scale && (a->scale == 1.0 || a->filter == b->filter)
         && a->saturation == b->saturation && a->contrast == b->contrast
         && a->sharpen == b->sharpen;
}

/* Appends TEXT to BUFFER of SIZE bytes as far as it fits, keeping it
 * NUL-terminated, and counts its length in *LENGTH. */
static void
steps_put (char *buffer, size_t size, size_t *length, const char *text)
{
  size_t n = strlen (text);

  if (*length + 1 < size)
    {
      size_t room = size - 1 - *length;
      size_t copy = n < room ? n : room;

      memcpy (buffer + *length, text, copy);
      buffer[*length + copy] = '\0';
    }
  *length += n;
}

/* Appends PREFIX and the shortest decimal form (fewest decimals) that
 * steps_number reads back to VALUE, 0 <= VALUE < 10^12, in the C locale's
 * form whatever the locale is. */
static void
steps_put_number (char *buffer, size_t size, size_t *length,
                  const char *prefix, double value)
{
  char text[64];
  int precision;

  for (precision = 0; precision <= 17; precision++)
    {
      double back;
      char *comma;

      snprintf (text, sizeof text, "%.*f", precision, value);
      comma = strchr (text, ',');
      if (comma != NULL)
        *comma = '.';
      if (steps_number (text, strlen (text), &back) && back == value)
        break;
    }
  steps_put (buffer, size, length, prefix);
  steps_put (buffer, size, length, text);
}

size_t
jart_steps_format (const JartSettings *settings, char *buffer, size_t size)
{
  size_t length = 0;
  int i = 0;

  if (size > 0)
    buffer[0] = '\0';
  while (i < settings->n_steps)
    {
      const JartStep *step = &settings->steps[i];
      int run = 1;

      while (i + run < settings->n_steps
             && steps_equal (step, &settings->steps[i + run]))
        run++;
      if (i > 0)
        steps_put (buffer, size, &length, "; ");
      if (step->quality == 0)
        steps_put (buffer, size, &length, "tables");
      else
        steps_put_number (buffer, size, &length, "q", step->quality);
      if ((int)step->subsampling >= 0 && (int)step->subsampling < 5)
        {
          steps_put (buffer, size, &length, " ");
          steps_put (buffer, size, &length,
                     steps_subsampling_words[step->subsampling]);
        }
      if (step->scale != 1.0)
        steps_put_number (buffer, size, &length, " x", step->scale);
      if ((step->scale != 1.0 || step->filter != JART_FILTER_LANCZOS)
          && (int)step->filter >= 0 && (int)step->filter < 4)
        {
          steps_put (buffer, size, &length, " ");
          steps_put (buffer, size, &length, steps_filter_words[step->filter]);
        }
      if (step->saturation != 1.0)
        steps_put_number (buffer, size, &length, " sat", step->saturation);
      if (step->contrast != 1.0)
        steps_put_number (buffer, size, &length, " con", step->contrast);
      if (step->sharpen != 0.0)
        steps_put_number (buffer, size, &length, " sharp", step->sharpen);
      if (run > 1)
        steps_put_number (buffer, size, &length, " *", run);
      i += run;
    }
  return length;
}
