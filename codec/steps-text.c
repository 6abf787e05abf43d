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
 * before the decimals) whatever the process's locale is, as the double
 * nearest the decimal written, whatever its length, and written as the fewest
 * significant digits that read back to the same double, in plain decimal form
 * (no exponent), so that the text of any steps reads back to them.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
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

/* The longest number steps_plain writes: room for the smallest double in
 * plain decimals ("0." and 323 zeros before 17 digits). */
#define STEPS_NUMBER_MAX 360

/* How many significant digits of a number steps_number hands to strtod:
 * more than the 767 that deciding the double nearest a decimal can take;
 * the digits after them count only as being zero or not. */
#define STEPS_DIGITS_KEPT 800

/* Reads the N bytes at TEXT as a decimal number, divided by 10^SHIFT:
 * digits with at most one '.' among them, nothing else (no sign, no
 * exponent, no locale), of any length.  The value is the double nearest
 * that decimal: the significant digits (leading zeros skipped, past
 * STEPS_DIGITS_KEPT a last '1' standing for any nonzero digit after them)
 * go to strtod as a whole number and an exponent ("1234e-3"), a form with
 * no decimal separator, which the locale cannot change.  Nonzero on
 * success. */
static int
steps_number (const char *text, size_t n, int shift, double *value)
{
  char number[STEPS_DIGITS_KEPT + 32];
  size_t i, count = 0, decimals = (size_t)shift, dropped = 0;
  int dot = 0, digits = 0, sticky = 0;
  long long exponent;

  for (i = 0; i < n; i++)
    {
      char c = text[i];

      if (c == '.' && !dot)
        dot = 1;
      else if (c >= '0' && c <= '9')
        {
          digits = 1;
          decimals += (size_t)dot;
          /* Leading zeros add nothing. */
          if (count == 0 && c == '0')
            continue;
          if (count < STEPS_DIGITS_KEPT)
            number[count++] = c;
          else
            {
              dropped++;
              sticky |= c != '0';
            }
        }
      else
        return 0;
    }
  if (!digits)
    return 0;
  if (count == 0)
    {
      *value = 0.0;
      return 1;
    }
  if (sticky)
    {
      number[count++] = '1';
      dropped--;
    }
  /* The exponent is DROPPED - DECIMALS; past +-10^6 strtod gives
     infinity or 0 alike, and the text has room for it. */
  exponent = (long long)dropped - (long long)decimals;
  if (exponent > 1000000)
    exponent = 1000000;
  else if (exponent < -1000000)
    exponent = -1000000;
  snprintf (number + count, sizeof number - count, "e%lld", exponent);
  *value = strtod (number, NULL);
  return 1;
}

/* A whole number past every range a word's whole number has (quality
 * 1..100, repeat 1..JART_STEPS_MAX): steps_whole's value for any larger
 * one. */
#define STEPS_WHOLE_BIG 10000

/* Reads the N bytes at TEXT, digits only (at least one), as a whole
 * number, or STEPS_WHOLE_BIG when it is that or more: any count of digits
 * is a number, "q99999999999999999999" a quality out of range and not a
 * word the text does not know. */
static int
steps_whole (const char *text, size_t n, int *value)
{
  size_t i;
  int v = 0;

  if (n == 0)
    return 0;
  for (i = 0; i < n; i++)
    {
      if (text[i] < '0' || text[i] > '9')
        return 0;
      v = v * 10 + (text[i] - '0');
      if (v > STEPS_WHOLE_BIG)
        v = STEPS_WHOLE_BIG;
    }
  *value = v;
  return 1;
}

/* Nonzero when the N bytes at WORD are PREFIX followed by a number, which
 * goes to *VALUE. */
static int
steps_prefixed (const char *word, size_t n, const char *prefix, double *value)
{
  size_t p = strlen (prefix);

  return n > p && strncmp (word, prefix, p) == 0
         && steps_number (word + p, n - p, 0, value);
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

      /* "99.9%" is the double nearest 0.999. */
      if (!steps_number (word + !percent, n - 1, percent ? 2 : 0, &value))
        return JART_ERROR_STEPS;
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

/* Writes VALUE (finite) rounded to DIGITS significant digits into TEXT
 * (STEPS_NUMBER_MAX + 2 bytes) in plain decimals: "0.00125", "12.5",
 * "300", a '-' before a negative one, no trailing zeros after a '.'. */
static void
steps_plain (double value, int digits, char *text)
{
  char scientific[64], mantissa[24];
  const char *p;
  size_t n = 0, at = 0;
  int exponent, i;

  /* "d.ddde+XX", whatever the locale's separator: its digits and its
     exponent. */
  snprintf (scientific, sizeof scientific, "%.*e", digits - 1, fabs (value));
  for (p = scientific; *p != '\0' && *p != 'e'; p++)
    if (*p >= '0' && *p <= '9' && n + 1 < sizeof mantissa)
      mantissa[n++] = *p;
  exponent = *p == 'e' ? atoi (p + 1) : 0;
  while (n > 1 && mantissa[n - 1] == '0')
    n--;
  if (value < 0.0)
    text[at++] = '-';
  if (exponent < 0)
    {
      /* 0.000ddd */
      text[at++] = '0';
      text[at++] = '.';
      for (i = 0; i < -exponent - 1 && at < STEPS_NUMBER_MAX - n; i++)
        text[at++] = '0';
      memcpy (text + at, mantissa, n);
      at += n;
    }
  else
    {
      /* ddd.ddd or ddd000 */
      for (i = 0; i <= exponent || (size_t)i < n; i++)
        {
          if (i == exponent + 1)
            text[at++] = '.';
          text[at++] = (size_t)i < n ? mantissa[i] : '0';
        }
    }
  text[at] = '\0';
}

/* Appends PREFIX and VALUE in the fewest significant digits that
 * steps_number reads back to VALUE, in plain decimals (steps_plain). */
static void
steps_put_number (char *buffer, size_t size, size_t *length,
                  const char *prefix, double value)
{
  char text[STEPS_NUMBER_MAX + 2];
  int digits;

  if (!isfinite (value))
    snprintf (text, sizeof text, "%g", value);
  else
    for (digits = 1; digits <= 17; digits++)
      {
        double back;

        steps_plain (value, digits, text);
        if (steps_number (text, strlen (text), 0, &back) && back == value)
          break;
      }
  steps_put (buffer, size, length, prefix);
  steps_put (buffer, size, length, text);
}

JartStatus
jart_steps_format (const JartSettings *settings, char *buffer, size_t size,
                   size_t *needed)
{
  size_t length = 0;
  JartStatus status;
  int n, i = 0;

  /* No buffer: only the length is counted, whatever SIZE says. */
  if (buffer == NULL)
    size = 0;
  if (size > 0)
    buffer[0] = '\0';
  if (needed != NULL)
    *needed = 0;
  /* Steps out of their ranges would give words that do not read back
     (or none, for a subsampling or a filter without a word). */
  if (settings == NULL)
    return JART_ERROR_NULL;
  if ((status = jart_steps_check (settings)) != JART_OK)
    return status;
  n = settings->n_steps;
  while (i < n)
    {
      const JartStep *step = &settings->steps[i];
      int run = 1;

      while (i + run < n && steps_equal (step, &settings->steps[i + run]))
        run++;
      if (i > 0)
        steps_put (buffer, size, &length, "; ");
      if (step->quality == 0)
        steps_put (buffer, size, &length, "tables");
      else
        steps_put_number (buffer, size, &length, "q", step->quality);
      steps_put (buffer, size, &length, " ");
      steps_put (buffer, size, &length,
                 steps_subsampling_words[step->subsampling]);
      if (step->scale != 1.0)
        steps_put_number (buffer, size, &length, " x", step->scale);
      if (step->scale != 1.0 || step->filter != JART_FILTER_LANCZOS)
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
  if (needed != NULL)
    *needed = length;
  return JART_OK;
}
