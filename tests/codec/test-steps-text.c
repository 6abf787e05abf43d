/* test-steps-text.c: the schedule's text, jart_steps_parse and
 * jart_steps_format.  Every word and its range, the defaults a step takes
 * for the words it leaves out, repeats and the step limit, the byte offset
 * of the word at fault (SETTINGS untouched then), empty steps, NULL
 * arguments (jart_steps_format's too), numbers in a locale whose decimal
 * separator is a comma, and formatting: the text read back gives the same
 * steps, a buffer too small is cut and NUL-ended and the length needed is
 * given as snprintf returns it; steps jart_settings_check refuses are not
 * formatted, with its status.
 *
 * With the argument "round-trip": the property that the text of any valid
 * steps reads back to the same steps, over random schedules whose numbers
 * are random doubles of their ranges (every bit pattern, the ends, the
 * smallest doubles) and decimals as users type them, in the C locale and
 * in one whose separator is a comma.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "compare.h"
#include "images.h"
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

/* The length jart_steps_format (SETTINGS, BUFFER, SIZE) needs, or
 * (size_t)-1 when it fails. */
static size_t
formatted (const JartSettings *settings, char *buffer, size_t size)
{
  size_t needed = 12345;

  if (jart_steps_format (settings, buffer, size, &needed) != JART_OK)
    return (size_t)-1;
  return needed;
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
  length = formatted (settings, buffer, sizeof buffer);
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
  parses (tally, "q00075 *000002", 2, &s);
  tally_check (tally, s.steps[1].quality == 75,
               "\"q00075\" read as quality %d", s.steps[1].quality);
  parses (tally, "x0.05; x0.123456789012345; sat4 con4 sharp4; sat0", 4, &s);
  tally_check (tally, s.steps[1].scale == 0.123456789012345,
               "x0.123456789012345 read as %.17g", s.steps[1].scale);
}

/* PREFIX, COUNT zeros, then SUFFIX, in BUFFER (of 2048 bytes). */
static const char *
with_zeros (char *buffer, const char *prefix, size_t count, const char *suffix)
{
  size_t n = strlen (prefix);

  memcpy (buffer, prefix, n);
  memset (buffer + n, '0', count);
  strcpy (buffer + n + count, suffix);
  return buffer;
}

/* A number is read by its value whatever its length: leading zeros of any
 * count, as for "q" and "*", and any count of digits after them (past 360
 * bytes the word was a word the text does not know, JART_ERROR_STEPS,
 * even for a value in range).  Out of range it is the field's code, as
 * for a quality of many digits; the double is still the nearest. */
static void
check_long_numbers (Tally *tally)
{
  char text[2048];
  JartSettings s;

  parses (tally, with_zeros (text, "q", 400, "75"), 1, &s);
  tally_check (tally, s.steps[0].quality == 75, "q, 400 zeros, 75: %d",
               s.steps[0].quality);
  parses (tally, with_zeros (text, "x", 400, "0.5"), 1, &s);
  tally_check (tally, s.steps[0].scale == 0.5, "x, 400 zeros, 0.5: %.17g",
               s.steps[0].scale);
  parses (tally, with_zeros (text, "sat1.", 400, ""), 1, &s);
  tally_check (tally, s.steps[0].saturation == 1.0,
               "sat1. and 400 zeros: %.17g", s.steps[0].saturation);
  parses (tally, with_zeros (text, "99.", 400, "%"), 1, &s);
  tally_check (tally, s.steps[0].scale == 0.99, "99. and 400 zeros %%: %.17g",
               s.steps[0].scale);
  /* 1 + 2^-53, halfway between 1 and the next double, reads as 1 (ties to
     even); a 1 far after it, past the 800 digits strtod is given, tips it
     to the next double. */
  parses (tally, "con1.00000000000000011102230246251565404236316680908203125",
          1, &s);
  tally_check (tally, s.steps[0].contrast == 1.0, "1 + 2^-53 read as %.17g",
               s.steps[0].contrast);
  parses (tally,
          with_zeros (text,
                      "con1.00000000000000011102230246251565404236316680908203"
                      "125",
                      900, "1"),
          1, &s);
  tally_check (tally, s.steps[0].contrast == nextafter (1.0, 2.0),
               "1 + 2^-53 and a 1 after 900 more zeros read as %.17g",
               s.steps[0].contrast);
  fails (tally, with_zeros (text, "q75 x0.", 400, "5"), JART_ERROR_SCALE, 4);
  fails (tally, with_zeros (text, "q75 sat9", 400, ""), JART_ERROR_ADJUST, 4);
  fails (tally, with_zeros (text, "q", 400, "101"), JART_ERROR_QUALITY, 0);
  fails (tally, with_zeros (text, "sharp1.", 400, "x"), JART_ERROR_STEPS, 0);
}

static void
check_mistakes (Tally *tally)
{
  fails (tally, "q0", JART_ERROR_QUALITY, 0);
  fails (tally, "q101", JART_ERROR_QUALITY, 0);
  /* Digits after 'q', however many, are a quality: out of range, not a
     word the text does not know. */
  fails (tally, "q99999999999999999999999", JART_ERROR_QUALITY, 0);
  fails (tally, "q75 q10000", JART_ERROR_QUALITY, 4);
  fails (tally, "q00000", JART_ERROR_QUALITY, 0);
  fails (tally, "q5 *99999999999", JART_ERROR_STEPS, 3);
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

  /* jart_steps_format: NULL settings are JART_ERROR_NULL, with "" and a
     length 0; a NULL buffer counts the length whatever the size, and a
     NULL length is not written. */
  {
    char buffer[64];
    size_t need = 99;

    memset (buffer, 'z', sizeof buffer);
    tally_check (tally,
                 jart_steps_format (NULL, buffer, sizeof buffer, &need)
                         == JART_ERROR_NULL
                     && buffer[0] == '\0' && need == 0,
                 "jart_steps_format (NULL settings) wrote \"%.8s\", length "
                 "%zu",
                 buffer, need);
    tally_check (tally,
                 jart_steps_format (NULL, NULL, 16, NULL) == JART_ERROR_NULL,
                 "jart_steps_format (NULL, NULL, 16, NULL) is not "
                 "JART_ERROR_NULL");
    jart_steps_parse ("q60 *2; q30 x0.5", &defaults, &s, NULL);
    need = formatted (&s, NULL, 0);
    tally_check (tally,
                 need > 0 && formatted (&s, NULL, sizeof buffer) == need,
                 "jart_steps_format with a NULL buffer of %zu bytes does "
                 "not count the %zu bytes",
                 sizeof buffer, need);
  }
}

/* Steps that jart_settings_check refuses (STEP's field FIELD set to one of
 * its values out of range, or n_steps out of 0..JART_STEPS_MAX) are not
 * formatted: jart_steps_format gives the check's status, "" and a length
 * 0, where it wrote words that do not read back ("q101", "x2", "satnan")
 * or none (a subsampling or filter without a word) or the array's steps
 * for an n_steps past it. */
static void
check_format_refused (Tally *tally)
{
  static const struct
  {
    const char *what;
    JartStatus status;
  } cases[] = {
    { "quality 101", JART_ERROR_QUALITY },
    { "quality -1", JART_ERROR_QUALITY },
    { "subsampling 7", JART_ERROR_SUBSAMPLING },
    { "scale 2", JART_ERROR_SCALE },
    { "scale NaN", JART_ERROR_SCALE },
    { "scale 0", JART_ERROR_SCALE },
    { "filter 9", JART_ERROR_FILTER },
    { "saturation NaN", JART_ERROR_ADJUST },
    { "contrast -1", JART_ERROR_ADJUST },
    { "sharpening 5", JART_ERROR_ADJUST },
    { "n_steps 100000", JART_ERROR_STEPS },
    { "n_steps -5", JART_ERROR_STEPS },
  };
  JartSettings s;
  char buffer[256];
  size_t i, need;

  for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
    {
      JartStatus status;
      JartStep *step;

      parses (tally, "q50 x0.5; q60", 2, &s);
      step = &s.steps[1];
      switch (i)
        {
        case 0:
          step->quality = 101;
          break;
        case 1:
          step->quality = -1;
          break;
        case 2:
          step->subsampling = (JartSubsampling)7;
          break;
        case 3:
          step->scale = 2.0;
          break;
        case 4:
          step->scale = NAN;
          break;
        case 5:
          step->scale = 0.0;
          break;
        case 6:
          step->filter = (JartFilter)9;
          break;
        case 7:
          step->saturation = NAN;
          break;
        case 8:
          step->contrast = -1.0;
          break;
        case 9:
          step->sharpen = 5.0;
          break;
        case 10:
          s.n_steps = 100000;
          break;
        default:
          s.n_steps = -5;
          break;
        }
      memset (buffer, 'z', sizeof buffer);
      need = 99;
      status = jart_steps_format (&s, buffer, sizeof buffer, &need);
      tally_check (
          tally,
          status == cases[i].status && jart_settings_check (&s) == status
              && buffer[0] == '\0' && need == 0,
          "steps with %s: status %d (expected %d, as "
          "jart_settings_check), \"%.60s\", length %zu",
          cases[i].what, (int)status, (int)cases[i].status, buffer, need);
    }
}

static void
check_format (Tally *tally)
{
  JartSettings s;
  char small[8], exact[64];
  size_t need;

  parses (tally, "q95; q75 x0.8 bicubic sat1.2 *3", 4, &s);
  need = formatted (&s, NULL, 0);
  tally_check (tally, need == formatted (&s, exact, sizeof exact),
               "the length with no buffer differs from the one written");
  tally_check (tally,
               strcmp (exact, "q95 420; q75 420 x0.8 bicubic sat1.2 *3") == 0,
               "formatted as \"%s\"", exact);
  memset (small, 'z', sizeof small);
  tally_check (tally,
               formatted (&s, small, sizeof small) == need
                   && strlen (small) == sizeof small - 1
                   && strncmp (small, exact, sizeof small - 1) == 0,
               "a small buffer got \"%.8s\"", small);
  tally_check (tally,
               jart_steps_format (&s, exact, sizeof exact, NULL) == JART_OK
                   && strcmp (exact, "q95 420; q75 420 x0.8 bicubic sat1.2 *3")
                          == 0,
               "with no length asked, formatted as \"%s\"", exact);
  check_format_refused (tally);
  /* jart_memory_needed: 0 for what jart_run refuses. */
  jart_settings_init (&s);
  tally_check (tally,
               jart_memory_needed (8, 8, 5, &s) == 0
                   && jart_memory_needed (8, 8, 3, &s) > 0,
               "jart_memory_needed: %zu bytes for 5 channels",
               jart_memory_needed (8, 8, 5, &s));
  s.threads = -1;
  tally_check (tally, jart_memory_needed (8, 8, 3, &s) == 0,
               "jart_memory_needed: %zu bytes for threads -1",
               jart_memory_needed (8, 8, 3, &s));
}

/* Sets LC_NUMERIC to a locale whose decimal separator is a comma, when
 * one is installed, and says which in a note; returns its name or "C". */
static const char *
comma_locale (Tally *tally)
{
  static const char *const names[]
      = { "de_DE.UTF-8", "fr_FR.UTF-8", "de_DE", NULL };
  int i;

  for (i = 0; names[i] != NULL; i++)
    if (setlocale (LC_NUMERIC, names[i]) != NULL)
      break;
  tally_note (tally, "locale with a decimal comma: %s",
              names[i] != NULL ? names[i] : "none installed (C only)");
  return names[i] != NULL ? names[i] : "C";
}

/* Numbers are read and written with a '.' also where the locale's
 * decimal separator is a comma. */
static void
check_locale (Tally *tally)
{
  const char *name = comma_locale (tally);
  JartSettings s;
  char buffer[256];
  parses (tally, "x0.75 sat1.25", 1, &s);
  formatted (&s, buffer, sizeof buffer);
  tally_check (tally,
               strstr (buffer, "x0.75") != NULL
                   && strstr (buffer, "sat1.25") != NULL,
               "in %s formatted as \"%s\"", name, buffer);
  setlocale (LC_NUMERIC, "C");
}

/* A random double of [LOW, HIGH]: one of the ends, its neighbours, a
 * random bit pattern of the range, a decimal of a few digits, or (when LOW
 * is 0) one of the smallest doubles. */
static double
random_amount (uint32_t *state, double low, double high)
{
  uint32_t kind = random_next (state) % 8;
  uint64_t bits;
  double v;

  switch (kind)
    {
    case 0:
      return random_next (state) & 1 ? low : high;
    case 1:
      return random_next (state) & 1 ? nextafter (low, high)
                                     : nextafter (high, low);
    case 2:
      /* k / 10^d, as typed. */
      {
        static const double tens[] = { 1, 10, 100, 1000, 1e4, 1e5 };
        double scale = tens[random_next (state) % 6];

        v = floor (low * scale)
            + (double)(random_next (state)
                       % (uint32_t)((high - low) * scale + 1));
        v /= scale;
        return v < low ? low : v > high ? high : v;
      }
    case 3:
      if (low == 0.0)
        {
          /* Subnormal and tiny. */
          bits = (uint64_t)random_next (state) % 4096;
          memcpy (&v, &bits, sizeof v);
          return random_next (state) & 1
                     ? v
                     : ldexp (1.0, -1 - (int)(random_next (state) % 1070));
        }
      /* Fall through. */
    default:
      /* A random bit pattern of the range. */
      do
        {
          double unit;

          bits = ((uint64_t)random_next (state) << 32) | random_next (state);
          unit = (double)(bits >> 11) / 9007199254740992.0; /* [0, 1) */
          v = low + (high - low) * unit;
        }
      while (!(v >= low && v <= high));
      return v;
    }
}

/* Random valid schedules, formatted and read back. */
static void
check_round_trip (Tally *tally, uint32_t seed, int rounds)
{
  uint32_t state = seed;
  JartStep defaults;
  long failed = 0;

  default_step (&defaults);
  for (int r = 0; r < rounds; r++)
    {
      JartSettings s, again;
      char buffer[JART_STEPS_MAX * 500];
      size_t length;
      JartStatus status;

      jart_settings_init (&s);
      s.n_steps = 1 + (int)(random_next (&state) % JART_STEPS_MAX);
      for (int i = 0; i < s.n_steps; i++)
        {
          JartStep *t = &s.steps[i];

          /* Now and then the same step again, which formats as "*N". */
          if (i > 0 && random_next (&state) % 4 == 0)
            {
              *t = s.steps[i - 1];
              continue;
            }
          t->quality = (int)(random_next (&state) % 101);
          t->subsampling = (JartSubsampling)(random_next (&state) % 5);
          t->filter = (JartFilter)(random_next (&state) % 4);
          t->scale = random_next (&state) % 3 == 0
                         ? 1.0
                         : random_amount (&state, JART_SCALE_MIN, 1.0);
          t->saturation = random_next (&state) % 3 == 0
                              ? 1.0
                              : random_amount (&state, 0.0, JART_ADJUST_MAX);
          t->contrast = random_next (&state) % 3 == 0
                            ? 1.0
                            : random_amount (&state, 0.0, JART_ADJUST_MAX);
          t->sharpen = random_next (&state) % 3 == 0
                           ? 0.0
                           : random_amount (&state, 0.0, JART_ADJUST_MAX);
        }
      length = formatted (&s, buffer, sizeof buffer);
      jart_settings_init (&again);
      status = jart_steps_parse (buffer, &defaults, &again, NULL);
      if (!tally_check (tally,
                        length < sizeof buffer && status == JART_OK
                            && same_steps (&s, &again),
                        "round %d: \"%.300s\" reads back with status %d "
                        "and %s steps",
                        r, buffer, status, status == JART_OK ? "other" : "no"))
        {
          for (int i = 0; i < s.n_steps && i < again.n_steps; i++)
            {
              const JartStep *p = &s.steps[i], *q = &again.steps[i];

              if (p->scale != q->scale || p->saturation != q->saturation
                  || p->contrast != q->contrast || p->sharpen != q->sharpen)
                {
                  tally_note (tally,
                              "step %d: x%.17g sat%.17g con%.17g sharp%.17g "
                              "read as x%.17g sat%.17g con%.17g sharp%.17g",
                              i + 1, p->scale, p->saturation, p->contrast,
                              p->sharpen, q->scale, q->saturation, q->contrast,
                              q->sharpen);
                  break;
                }
            }
          if (++failed == 5)
            return;
        }
    }
}

/* The cases the issue found, and the property over random steps. */
static void
check_round_trips (Tally *tally)
{
  JartSettings s;
  char buffer[256];

  parses (tally, "99.9%", 1, &s);
  formatted (&s, buffer, sizeof buffer);
  tally_check (tally, strstr (buffer, "x0.999 ") != NULL,
               "\"99.9%%\" formats as \"%s\", not as x0.999", buffer);
  parses (tally, "sat.05449494544909422", 1, &s);
  parses (tally, "x0.9990000000000001; sharp0.000001; con3.9999999999999996",
          3, &s);
  parses (tally, "sharp0.00000000000000000000000000001", 1, &s);
  check_round_trip (tally, 1, 3000);
  comma_locale (tally);
  check_round_trip (tally, 2, 1000);
  setlocale (LC_NUMERIC, "C");
}

int
main (int argc, char **argv)
{
  Tally tally;

  if (argc == 2 && strcmp (argv[1], "round-trip") == 0)
    {
      tally_init (&tally, "steps-text-round-trip");
      check_round_trips (&tally);
      return tally_finish (&tally);
    }
  tally_init (&tally, "steps-text");
  check_words (&tally);
  check_mistakes (&tally);
  check_long_numbers (&tally);
  check_null (&tally);
  check_format (&tally);
  check_locale (&tally);
  return tally_finish (&tally);
}
