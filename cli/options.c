/* options.c: parsing jpeg-artifacts' command line with getopt_long (long
 * options, "--name value" or "--name=value", unambiguous abbreviations,
 * options and operands in any order, "--" ending the options) and the
 * --help text.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _POSIX_C_SOURCE 200809L

#include "options.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "jpeg-tables.h"
#include "schedule-check.h"
#include "user-presets.h"

enum
{
  OPTION_QUALITY = 256,
  OPTION_GENERATIONS,
  OPTION_SUBSAMPLING,
  OPTION_DCT,
  OPTION_QUALITY_JITTER,
  OPTION_GRID_DRIFT,
  OPTION_SEED,
  OPTION_FLATTEN,
  OPTION_BACKGROUND,
  OPTION_NO_STOP,
  OPTION_QUIET,
  OPTION_VERSION,
  OPTION_SCHEDULE,
  OPTION_SATURATION,
  OPTION_CONTRAST,
  OPTION_SHARPEN,
  OPTION_TABLES_FROM,
  OPTION_PRESET,
  OPTION_DIFFERENCE,
  OPTION_SAVE_PRESET,
  OPTION_TABLE,
  OPTION_DECODE_AS
};

static const struct option options_long[]
    = { { "quality", required_argument, NULL, OPTION_QUALITY },
        { "generations", required_argument, NULL, OPTION_GENERATIONS },
        { "subsampling", required_argument, NULL, OPTION_SUBSAMPLING },
        { "dct", required_argument, NULL, OPTION_DCT },
        { "quality-jitter", required_argument, NULL, OPTION_QUALITY_JITTER },
        { "grid-drift", required_argument, NULL, OPTION_GRID_DRIFT },
        { "seed", required_argument, NULL, OPTION_SEED },
        { "flatten", no_argument, NULL, OPTION_FLATTEN },
        { "background", required_argument, NULL, OPTION_BACKGROUND },
        { "no-stop", no_argument, NULL, OPTION_NO_STOP },
        { "quiet", no_argument, NULL, OPTION_QUIET },
        { "schedule", required_argument, NULL, OPTION_SCHEDULE },
        { "saturation", required_argument, NULL, OPTION_SATURATION },
        { "contrast", required_argument, NULL, OPTION_CONTRAST },
        { "sharpen", required_argument, NULL, OPTION_SHARPEN },
        { "tables-from", required_argument, NULL, OPTION_TABLES_FROM },
        { "preset", required_argument, NULL, OPTION_PRESET },
        { "save-preset", required_argument, NULL, OPTION_SAVE_PRESET },
        { "difference", no_argument, NULL, OPTION_DIFFERENCE },
        { "table", required_argument, NULL, OPTION_TABLE },
        { "decode-as", required_argument, NULL, OPTION_DECODE_AS },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, OPTION_VERSION },
        { NULL, 0, NULL, 0 } };

/* The subsampling names --subsampling takes, in JartSubsampling order;
 * "4:2:0" is taken as well as "420". */
static const char *const options_subsampling_names[]
    = { "444", "422", "420", "440", "411" };

/* The name, without "--", of the long option whose getopt value is VALUE. */
static const char *
options_name (int value)
{
  int i;

  for (i = 0; options_long[i].name != NULL; i++)
    if (options_long[i].val == value)
      return options_long[i].name;
  return "?";
}

/* Parses TEXT, the value of option --NAME, as a whole number in MIN..MAX. */
static bool
options_parse_number (const char *name, const char *text, long long min,
                      long long max, long long *value, ToolError *error)
{
  char *end;
  long long number;

  errno = 0;
  number = strtoll (text, &end, 10);
  if (text[0] == '\0' || *end != '\0'
      || !(text[0] == '-' || text[0] == '+'
           || (text[0] >= '0' && text[0] <= '9')))
    {
      tool_error_set (error,
                      _ ("--%s must be a whole number from %lld to %lld, "
                         "not %s"),
                      name, min, max, text);
      return false;
    }
  if (errno == ERANGE || number < min || number > max)
    {
      tool_error_set (error, _ ("--%s must be %lld to %lld, not %s"), name,
                      min, max, text);
      return false;
    }
  *value = number;
  return true;
}

/* Parses an int option's TEXT into VALUE, within MIN..MAX. */
static bool
options_parse_int (int option, const char *text, int min, int max, int *value,
                   ToolError *error)
{
  long long number;

  if (!options_parse_number (options_name (option), text, min, max, &number,
                             error))
    return false;
  *value = (int)number;
  return true;
}

static bool
options_parse_subsampling (const char *text, JartSubsampling *subsampling,
                           ToolError *error)
{
  char digits[4];
  size_t i;

  /* "4:2:0" reads as "420". */
  if (strlen (text) == 5 && text[1] == ':' && text[3] == ':')
    {
      digits[0] = text[0];
      digits[1] = text[2];
      digits[2] = text[4];
      digits[3] = '\0';
    }
  else if (strlen (text) == 3)
    memcpy (digits, text, 4);
  else
    digits[0] = '\0';

  for (i = 0; i < sizeof options_subsampling_names
                      / sizeof options_subsampling_names[0];
       i++)
    if (strcmp (digits, options_subsampling_names[i]) == 0)
      {
        *subsampling = (JartSubsampling)i;
        return true;
      }
  tool_error_set (error,
                  _ ("--subsampling must be 444, 422, 420, 440 or 411, not "
                     "%s"),
                  text);
  return false;
}

static bool
options_parse_dct (const char *text, JartDct *dct, ToolError *error)
{
  if (strcmp (text, "accurate") == 0)
    *dct = JART_DCT_ACCURATE;
  else if (strcmp (text, "fast") == 0)
    *dct = JART_DCT_FAST;
  else if (strcmp (text, "float") == 0)
    *dct = JART_DCT_FLOAT;
  else
    {
      tool_error_set (
          error, _ ("--dct must be accurate, fast or float, not %s"), text);
      return false;
    }
  return true;
}

static bool
options_parse_decode (const char *text, int *decode, ToolError *error)
{
  if (strcmp (text, "viewers") == 0)
    *decode = JART_DECODE_VIEWERS;
  else if (strcmp (text, "gimp") == 0)
    *decode = JART_DECODE_GIMP;
  else
    {
      tool_error_set (error, _ ("--decode-as must be viewers or gimp, not %s"),
                      text);
      return false;
    }
  return true;
}

static int
options_hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Parses RRGGBB (hexadecimal, an optional leading '#') into RGB. */
static bool
options_parse_color (const char *text, uint8_t rgb[3], ToolError *error)
{
  const char *hex = text[0] == '#' ? text + 1 : text;
  int i;

  if (strlen (hex) == 6)
    {
      for (i = 0; i < 3; i++)
        {
          int high = options_hex_digit (hex[2 * i]);
          int low = options_hex_digit (hex[2 * i + 1]);

          if (high < 0 || low < 0)
            break;
          rgb[i] = (uint8_t)(high * 16 + low);
        }
      if (i == 3)
        return true;
    }
  tool_error_set (error,
                  _ ("--background must be a colour written RRGGBB in "
                     "hexadecimal, such as ff8000, not %s"),
                  text);
  return false;
}

/* Parses TEXT, the value of --NAME, as a decimal number from 0 to
 * JART_ADJUST_MAX written with a '.' in any locale. */
static bool
options_parse_amount (int option, const char *text, double *value,
                      ToolError *error)
{
  double number = 0.0, scale = 1.0;
  int seen = 0, significant = 0, dot = 0;
  const char *c;

  /* Up to 15 significant digits are exact in a double; later ones after
     the point are below its precision and left out, later ones before it
     make the number too large. */
  for (c = text; *c != '\0'; c++)
    {
      if (*c == '.' && !dot)
        dot = 1;
      else if (*c >= '0' && *c <= '9')
        {
          seen = 1;
          if (significant < 15)
            {
              if (significant > 0 || *c != '0')
                significant++;
              if (dot)
                scale *= 10.0;
              number = number * 10.0 + (*c - '0');
            }
          else if (!dot)
            number *= 10.0;
        }
      else
        break;
    }
  number /= scale;
  if (*c != '\0' || !seen || number > JART_ADJUST_MAX)
    {
      tool_error_set (error,
                      _ ("--%s must be a number from 0 to %g, such as 1.25, "
                         "not %s"),
                      options_name (option), JART_ADJUST_MAX, text);
      return false;
    }
  *value = number;
  return true;
}

/* Checks the schedule text of VALUES, TABLES being whether --tables-from
 * gives the word "tables" its tables; false with ERROR naming the word at
 * fault, where it is (its byte offset, from 0, as the plug-in says it) and
 * what is wrong.  *STEPS gets the steps the text makes. */
static bool
options_check_schedule (const JaValues *values, bool tables, int *steps,
                        ToolError *error)
{
  JaScheduleCheck check;
  const char *word = check.word;
  size_t at;

  *steps = 0;
  if (ja_schedule_check (values, tables, &check) == JA_SCHEDULE_OK)
    {
      *steps = check.steps;
      return true;
    }
  at = check.at;
  switch (check.problem)
    {
    case JA_SCHEDULE_TOO_LONG:
      tool_error_set (error, _ ("--schedule is too long: at most %d bytes"),
                      (int)sizeof values->schedule - 1);
      break;
    case JA_SCHEDULE_QUALITY:
      tool_error_set (error,
                      _ ("--schedule: '%s' at byte %zu is not a quality: "
                         "'q' takes 1 to 100"),
                      word, at);
      break;
    case JA_SCHEDULE_SCALE:
      tool_error_set (error,
                      _ ("--schedule: '%s' at byte %zu is not a scale: 'x' "
                         "takes 0.05 to 1, '%%' 5 to 100"),
                      word, at);
      break;
    case JA_SCHEDULE_ADJUST:
      tool_error_set (error,
                      _ ("--schedule: '%s' at byte %zu is out of range: "
                         "'sat', 'con' and 'sharp' take 0 to 4"),
                      word, at);
      break;
    case JA_SCHEDULE_REPEAT:
      tool_error_set (error,
                      _ ("--schedule: '%s' at byte %zu is not a repeat: '*' "
                         "takes 1 to %d"),
                      word, at, JART_STEPS_MAX);
      break;
    case JA_SCHEDULE_EMPTY_STEP:
      tool_error_set (error,
                      _ ("--schedule: the step at byte %zu is empty (two "
                         "';' with nothing between them)"),
                      at);
      break;
    case JA_SCHEDULE_TOO_MANY_STEPS:
      tool_error_set (error,
                      _ ("--schedule: the step at byte %zu makes more than "
                         "%d steps"),
                      at, JART_STEPS_MAX);
      break;
    case JA_SCHEDULE_NO_TABLES:
      tool_error_set (error,
                      _ ("--schedule: the word 'tables' at byte %zu saves "
                         "with the tables of --tables-from FILE, which is "
                         "not given"),
                      at);
      break;
    default:
      tool_error_set (error,
                      _ ("--schedule: '%s' at byte %zu is not a word a "
                         "schedule knows: qN (1..100), tables, 444, 422, "
                         "420, 440, 411, xS (0.05..1) or P%%, nearest, "
                         "bilinear, bicubic, lanczos, satS, conS, sharpS "
                         "(0..4), *N (1..64); steps are separated by ';'"),
                      word, at);
      break;
    }
  return false;
}

/* Describes the option ARGUMENT that getopt_long did not recognise: no long
 * option starts with its name, or several do. */
static void
options_unknown (const char *argument, int short_option, ToolError *error)
{
  size_t length;
  int i, matches = 0;

  /* A long option given a value it does not take (--help=1) comes with
   * its short option's letter. */
  if (short_option != 0 && strncmp (argument, "--", 2) != 0)
    {
      tool_error_set (error, _ ("unknown option -%c (see --help)"),
                      short_option);
      return;
    }
  if (strncmp (argument, "--", 2) != 0)
    {
      tool_error_set (error, _ ("unknown option %s (see --help)"), argument);
      return;
    }
  length = strcspn (argument + 2, "=");
  for (i = 0; options_long[i].name != NULL; i++)
    if (strncmp (options_long[i].name, argument + 2, length) == 0)
      matches++;
  if (matches > 1)
    tool_error_set (error, _ ("ambiguous option --%.*s (see --help)"),
                    (int)length, argument + 2);
  else if (matches == 1)
    tool_error_set (error, _ ("option --%.*s takes no value (see --help)"),
                    (int)length, argument + 2);
  else
    tool_error_set (error, _ ("unknown option --%.*s (see --help)"),
                    (int)length, argument + 2);
}

OptionsAction
options_parse (int argc, char **argv, ToolOptions *options, ToolError *error)
{
  JartSettings *settings = &options->settings;
  JaValues *values = &options->values;
  const char *tables_from = NULL;
  bool background_given = false, flatten = false, no_stop = false;
  /* Whether --generations and --schedule were given after any --preset
     (which sets both): a schedule given without a count runs all its
     steps. */
  bool generations_given = false, schedule_given = false;
  uint8_t background[3];
  long long seed;
  int c;

  memset (options, 0, sizeof *options);
  jart_settings_init (settings);
  ja_values_init (values);
  memcpy (background, settings->background, sizeof background);
  opterr = 0;
  optind = 1;

  while ((c = getopt_long (argc, argv, ":h", options_long, NULL)) != -1)
    {
      bool ok = true;

      switch (c)
        {
        case OPTION_QUALITY:
          ok = options_parse_int (c, optarg, JART_QUALITY_MIN,
                                  JART_QUALITY_MAX, &values->quality, error);
          break;
        case OPTION_GENERATIONS:
          ok = options_parse_int (c, optarg, JART_GENERATIONS_MIN,
                                  JART_GENERATIONS_MAX, &values->generations,
                                  error);
          generations_given = true;
          break;
        case OPTION_SUBSAMPLING:
          ok = options_parse_subsampling (optarg, &settings->subsampling,
                                          error);
          values->subsampling = settings->subsampling;
          break;
        case OPTION_DCT:
          ok = options_parse_dct (optarg, &settings->dct, error);
          values->dct = settings->dct;
          break;
        case OPTION_QUALITY_JITTER:
          ok = options_parse_int (c, optarg, 0, JART_QUALITY_JITTER_MAX,
                                  &values->quality_jitter, error);
          break;
        case OPTION_GRID_DRIFT:
          ok = options_parse_int (c, optarg, 0, JART_GRID_DRIFT_MAX,
                                  &values->grid_drift, error);
          break;
        case OPTION_SEED:
          ok = options_parse_number ("seed", optarg, 0, UINT32_MAX, &seed,
                                     error);
          if (ok)
            values->seed = (uint32_t)seed;
          break;
        case OPTION_FLATTEN:
          flatten = true;
          break;
        case OPTION_BACKGROUND:
          ok = options_parse_color (optarg, background, error);
          background_given = true;
          break;
        case OPTION_NO_STOP:
          no_stop = true;
          break;
        case OPTION_QUIET:
          options->quiet = true;
          break;
        case OPTION_SCHEDULE:
          if (strlen (optarg) >= sizeof values->schedule)
            {
              tool_error_set (error,
                              _ ("--schedule is too long: at most %d "
                                 "bytes"),
                              (int)sizeof values->schedule - 1);
              ok = false;
            }
          else
            strcpy (values->schedule, optarg);
          schedule_given = true;
          break;
        case OPTION_SATURATION:
          ok = options_parse_amount (c, optarg, &values->saturation, error);
          break;
        case OPTION_CONTRAST:
          ok = options_parse_amount (c, optarg, &values->contrast, error);
          break;
        case OPTION_SHARPEN:
          ok = options_parse_amount (c, optarg, &values->sharpen, error);
          break;
        case OPTION_TABLES_FROM:
          tables_from = optarg;
          values->use_original = 1;
          break;
        case OPTION_PRESET:
          ok = user_presets_apply (optarg, values, error);
          generations_given = schedule_given = false;
          break;
        case OPTION_SAVE_PRESET:
          options->save_preset = optarg;
          break;
        case OPTION_DIFFERENCE:
          options->difference = true;
          break;
        case OPTION_TABLE:
          if (!report_format_parse (optarg, &options->table))
            {
              tool_error_set (error,
                              _ ("--table must be text, csv or json, not %s"),
                              optarg);
              ok = false;
            }
          break;
        case OPTION_DECODE_AS:
          ok = options_parse_decode (optarg, &values->decode_as, error);
          break;
        case 'h':
          return OPTIONS_HELP;
        case OPTION_VERSION:
          return OPTIONS_VERSION;
        case ':':
          tool_error_set (error, _ ("--%s needs a value (see --help)"),
                          options_name (optopt));
          return OPTIONS_BAD;
        case '?':
        default:
          options_unknown (argv[optind - 1], optopt < 256 ? optopt : 0, error);
          return OPTIONS_BAD;
        }
      if (!ok)
        return OPTIONS_BAD;
    }

  /* The settings the plug-in would run with: the layer at the image's
   * origin (so no anchor), the original's settings when asked for.  A
   * background is only used by flattening: asking for one asks for
   * that. */
  if (!options_check_schedule (values, tables_from != NULL,
                               &options->schedule_steps, error))
    return OPTIONS_BAD;
  if (schedule_given && !generations_given && options->schedule_steps > 0)
    values->generations = options->schedule_steps;
  if (tables_from != NULL
      && !jpeg_tables_read (tables_from, &options->original, error))
    return OPTIONS_BAD;
  ja_values_to_settings (values,
                         tables_from != NULL ? &options->original : NULL, 0, 0,
                         3, background, settings);
  settings->flatten = flatten || background_given;
  settings->stop_at_fixed_point = !no_stop;

  /* --save-preset alone saves the look and runs nothing. */
  if (argc - optind == 0 && options->save_preset != NULL)
    return OPTIONS_SAVE_PRESET;
  /* Only a preset turns the file's settings on without --tables-from:
     without a file, the run would save with the quality instead. */
  if (values->use_original && tables_from == NULL)
    {
      tool_error_set (error,
                      _ ("--preset %s saves with the quantization tables "
                         "and subsampling of the JPEG file the image came "
                         "from: give that file with --tables-from FILE"),
                      values->preset);
      return OPTIONS_BAD;
    }
  if (argc - optind < 2)
    {
      tool_error_set (error, "%s",
                      argc - optind == 0
                          ? _ ("missing INPUT and OUTPUT files (see --help)")
                          : _ ("missing the OUTPUT file (see --help)"));
      return OPTIONS_BAD;
    }
  if (argc - optind > 2)
    {
      tool_error_set (error,
                      _ ("one INPUT and one OUTPUT only, not also %s "
                         "(see --help)"),
                      argv[optind + 2]);
      return OPTIONS_BAD;
    }
  options->input = argv[optind];
  options->output = argv[optind + 1];
  return OPTIONS_RUN;
}

void
options_print_help (FILE *stream)
{
  JartSettings defaults;

  jart_settings_init (&defaults);
  fprintf (stream, _ ("Usage: jpeg-artifacts [OPTION]... INPUT OUTPUT\n"));
  fprintf (stream,
           _ ("  or:  jpeg-artifacts [OPTION]... --save-preset NAME\n"));
  fprintf (stream,
           _ ("Save INPUT as a JPEG, once or many times over, and write "
              "what a JPEG\ndecoder would show to OUTPUT.  Each "
              "generation re-saves the one before.\n\n"));
  fprintf (stream,
           _ ("INPUT: a PNG, a binary PGM or PPM (maxval 255) or a JPEG "
              "file.\nOUTPUT: PNG, PGM or PPM by its extension: .png, .pgm, "
              ".ppm, or .pnm for\nPGM or PPM, whichever the image is.  "
              "OUTPUT keeps INPUT's channels (gray,\ngray + alpha, RGB, "
              "RGBA), so an image with alpha needs .png; alpha is never\n"
              "changed.  An existing OUTPUT is replaced in one step, and "
              "only on success.\n\n"));
  fprintf (stream, _ ("Options:\n"));
  fprintf (stream,
           _ ("  --quality N          JPEG quality, %d to %d (default %d)\n"),
           JART_QUALITY_MIN, JART_QUALITY_MAX, defaults.quality);
  fprintf (stream,
           _ ("  --generations N      how many times to save, %d to %d "
              "(default %d, or\n                       as many as "
              "--schedule has steps)\n"),
           JART_GENERATIONS_MIN, JART_GENERATIONS_MAX, defaults.generations);
  fprintf (stream,
           _ ("  --subsampling MODE   chroma subsampling: 444, 422, 420, "
              "440 or 411\n                       (default %s; gray "
              "images have none)\n"),
           options_subsampling_names[defaults.subsampling]);
  fprintf (stream,
           _ ("  --dct METHOD         the encoder's forward DCT: accurate, "
              "fast or float\n                       (default %s)\n"),
           defaults.dct == JART_DCT_FAST ? "fast" : "accurate");
  fprintf (stream,
           _ ("  --decode-as WHO      whose decoder gives each generation's "
              "pixels: viewers\n                       (libjpeg-turbo's "
              "default, as browsers decode) or gimp\n"
              "                       (as GIMP opens the file: the "
              "floating-point IDCT)\n                       (default "
              "viewers)\n"));
  fprintf (stream,
           _ ("  --quality-jitter J   each generation's quality is N plus "
              "a random -J to J,\n                       J from 0 to %d "
              "(default %d)\n"),
           JART_QUALITY_JITTER_MAX, defaults.quality_jitter);
  fprintf (stream,
           _ ("  --grid-drift S       each generation's 8x8 grid moves by "
              "a random 0 to S\n                       pixels across and "
              "down, S from 0 to %d (default %d)\n"),
           JART_GRID_DRIFT_MAX, defaults.grid_drift);
  fprintf (stream,
           _ ("  --seed N             seed of the jitter and the drift, 0 "
              "to %lu (default %lu)\n"),
           (unsigned long)UINT32_MAX, (unsigned long)defaults.seed);
  fprintf (stream,
           _ ("  --flatten            the encoder sees colours composited "
              "on the background by\n                       their alpha "
              "(images with alpha; alpha itself is kept)\n"));
  fprintf (stream,
           _ ("  --background RRGGBB  the background for --flatten "
              "(default %02x%02x%02x);\n                       implies "
              "--flatten\n"),
           defaults.background[0], defaults.background[1],
           defaults.background[2]);
  fprintf (stream,
           _ ("  --no-stop            run every generation, also after "
              "one that changed nothing\n"));
  fprintf (stream,
           _ ("  --schedule TEXT      a step for each generation, separated "
              "by ';' (the last\n                       repeats); a step's "
              "words: qN quality, tables (those\n                       of "
              "--tables-from), 444 422 420 440 411, xF or P%% scale\n"
              "                       (shrink, save, grow back), nearest "
              "bilinear bicubic\n                       lanczos (the "
              "scale's filter, default lanczos), satF,\n"
              "                       conF, sharpF (as the options below), "
              "*N the step N\n                       times; e.g. \"q95; q75 "
              "x0.8; q60 x0.6 bicubic\"\n"
              "                       (--generations fewer than the steps "
              "cuts it short,\n                       more repeats its last "
              "step)\n"));
  fprintf (stream,
           _ ("  --saturation F       before each save, colours move away "
              "from gray by F,\n                       0 to %g (default 1: "
              "unchanged)\n"),
           JART_ADJUST_MAX);
  fprintf (stream,
           _ ("  --contrast F         before each save, values move away "
              "from mid-gray by F,\n                       0 to %g (default "
              "1: unchanged)\n"),
           JART_ADJUST_MAX);
  fprintf (stream,
           _ ("  --sharpen F          before each save, an unsharp mask of "
              "amount F, 0 to %g\n                       (default 0: "
              "none)\n"),
           JART_ADJUST_MAX);
  fprintf (stream,
           _ ("  --tables-from FILE   save with the quantization tables and "
              "subsampling of the\n                       JPEG file FILE "
              "instead of --quality and --subsampling,\n"
              "                       as re-saving FILE itself does\n"));
  fprintf (stream,
           _ ("  --preset ID          the look of a preset: light-resave, "
              "shared, deep-fried,\n                       reshare-chain "
              "(later options change it)\n"));
  fprintf (
      stream,
      _ ("  --save-preset NAME   save the look the other options give "
         "as your own preset\n                       NAME, which --preset "
         "NAME and the plug-in's dialog\n                       then "
         "offer; saved before the run, or alone when\n"
         "                       there is no INPUT and OUTPUT.  Your "
         "presets are in\n                       "
         "jpeg-artifacts-presets.ini in GIMP's folder,\n"
         "                       $GIMP2_DIRECTORY or "
         "~/.config/GIMP/2.10\n"));
  fprintf (stream,
           _ ("  --difference         write |result - INPUT| x 8 instead of "
              "the result\n"));
  fprintf (stream,
           _ ("  --table FORMAT       the table as text (default), csv or "
              "json\n"));
  fprintf (stream, _ ("  --quiet              print no table, only errors\n"));
  fprintf (stream, _ ("  -h, --help           show this help and exit\n"));
  fprintf (stream, _ ("  --version            show the version and exit\n\n"));
  fprintf (stream,
           _ ("Prints one row per generation: its quality, grid offset "
              "(dx, dy), the pixels\nit changed, the PSNR (in dB) and SSIM "
              "against INPUT, and the size in kB of the\nJPEG file it "
              "encodes: baseline with the standard Huffman tables,\n"
              "optimized, and progressive (as GIMP exports it, without "
              "metadata); then\nwhere the images converged.  Without "
              "jitter and drift the run stops at\nthe first generation "
              "that changes no pixel, since every later one would be\n"
              "the same.\n\n"));
  fprintf (stream, _ ("Exit status: 0 on success, 1 when a file or the codec "
                      "fails, 2 for a bad\ncommand line.\n"));
}
