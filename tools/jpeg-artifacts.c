/* jpeg-artifacts.c: the command-line tool's main(): read INPUT, run the
 * codec's generations on it while printing their table, and replace OUTPUT
 * with the result in one step.
 *
 * Exit status: 0 success; 1 a file could not be read or written, or the
 * codec failed; 2 a bad command line (an unknown option, a value out of
 * range, an output name without a known extension, an output format that
 * cannot hold the image's channels).  Every failure prints one line on
 * stderr.  An interrupt (SIGINT, SIGTERM, SIGHUP) cancels the run, removes
 * the temporary file and ends the process by that signal, OUTPUT untouched.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _POSIX_C_SOURCE 200809L

#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "atomic-file.h"
#include "i18n.h"
#include "image-io.h"
#include "jart.h"
#include "options.h"
#include "report.h"

#define PROGRAM_NAME "jpeg-artifacts"

#define EXIT_USAGE 2

/* The signal that asked the run to stop, or 0.  Set by the handler, read
 * by the codec's callbacks (from any thread) and by main. */
static volatile sig_atomic_t interrupted;

/* What the generation callback needs for its row of the table: the run's
 * input (for the SSIM) and each generation's input (for the size of the
 * JPEG file it encodes), kept as tight copies since the run works in
 * place. */
typedef struct
{
  Report report;
  bool quiet;
  const JartSettings *settings;
  JartImage original; /* the run's input */
  JartImage previous; /* the input of the next generation */
  JartStatus failure; /* why the callback cancelled the run, or JART_OK */
} RunState;

static void
on_interrupt (int signal_number)
{
  interrupted = signal_number;
}

/* Lets SIGINT, SIGTERM and SIGHUP cancel the run instead of ending the
 * process at once; a second one ends it (SA_RESETHAND).  A signal ignored
 * when the tool started (SIGINT in a background job) stays ignored.  A
 * write beyond the file-size limit fails with EFBIG instead of killing the
 * process, so that the temporary file is removed. */
static void
install_signal_handlers (void)
{
  static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
  struct sigaction action, previous;
  size_t i;

  memset (&action, 0, sizeof action);
  action.sa_handler = on_interrupt;
  action.sa_flags = SA_RESETHAND | SA_RESTART;
  sigemptyset (&action.sa_mask);
  for (i = 0; i < sizeof signals / sizeof signals[0]; i++)
    if (sigaction (signals[i], NULL, &previous) == 0
        && previous.sa_handler != SIG_IGN)
      sigaction (signals[i], &action, NULL);
  signal (SIGXFSZ, SIG_IGN);
}

/* A tight copy of IMAGE into COPY; false when out of memory. */
static bool
copy_image (const JartImage *image, JartImage *copy)
{
  size_t row = (size_t)image->width * (size_t)image->channels;
  int y;

  *copy = *image;
  copy->stride = row;
  copy->pixels = malloc (row * (size_t)image->height);
  if (copy->pixels == NULL)
    return false;
  for (y = 0; y < image->height; y++)
    memcpy (copy->pixels + (size_t)y * row,
            image->pixels + (size_t)y * image->stride, row);
  return true;
}

/* Prints the generation's row: the codec's report, the SSIM of its pixels
 * against the run's input and the sizes of the JPEG file it encoded from
 * the previous generation's pixels, baseline with the standard tables,
 * optimized and progressive. */
static int
on_generation_done (const JartGenerationReport *generation,
                    const JartImage *pixels, void *user_data)
{
  RunState *state = user_data;
  uint64_t jpeg_bytes[3] = { 0, 0, 0 };
  double ssim = 0.0;
  int coding;
  size_t row = (size_t)pixels->width * (size_t)pixels->channels;
  int y;

  if (state->quiet)
    return interrupted != 0;
  state->failure = JART_OK;
  for (coding = JART_CODING_STANDARD;
       coding <= JART_CODING_PROGRESSIVE && state->failure == JART_OK;
       coding++)
    state->failure = jart_generation_jpeg_size (
        &state->previous, state->settings, generation->generation, coding,
        &jpeg_bytes[coding]);
  if (state->failure == JART_OK)
    state->failure = jart_ssim (&state->original, pixels, &ssim);
  if (state->failure != JART_OK)
    return 1;
  for (y = 0; y < pixels->height; y++)
    memcpy (state->previous.pixels + (size_t)y * row,
            pixels->pixels + (size_t)y * pixels->stride, row);
  report_generation (&state->report, generation, ssim, jpeg_bytes);
  return interrupted != 0;
}

static int
on_progress (double fraction, void *user_data)
{
  (void)fraction;
  (void)user_data;
  return interrupted != 0;
}

/* Prints "jpeg-artifacts: MESSAGE" on stderr. */
static void
print_error (const char *message)
{
  fflush (stdout);
  fprintf (stderr, "%s: %s\n", PROGRAM_NAME, message);
}

static void print_note (const char *format, ...) TOOL_PRINTF (1, 2);

/* Prints "jpeg-artifacts: note: ..." on stderr. */
static void
print_note (const char *format, ...)
{
  va_list args;

  fflush (stdout);
  fprintf (stderr, "%s: %s", PROGRAM_NAME, _ ("note: "));
  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
}

/* Ends the process by the signal that interrupted it, as if the default
 * action had run (the handler has reset itself). */
static void
die_of_interrupt (void)
{
  signal (interrupted, SIG_DFL);
  raise (interrupted);
  exit (EXIT_FAILURE);
}

/* Checks that everything printed on stdout got out. */
static int
finish_stdout (int status)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      print_error (_ ("cannot write to the standard output"));
      return status == EXIT_SUCCESS ? EXIT_FAILURE : status;
    }
  return status;
}

/* Replaces IMAGE's colours by min (255, 8 |IMAGE - ORIGINAL|), alpha
 * kept: the plug-in's difference layer. */
static void
make_difference (JartImage *image, const JartImage *original)
{
  int colors = image->channels >= 3 ? 3 : 1;
  int x, y, c;

  for (y = 0; y < image->height; y++)
    {
      uint8_t *row = image->pixels + (size_t)y * image->stride;
      const uint8_t *before = original->pixels + (size_t)y * original->stride;

      for (x = 0; x < image->width; x++)
        for (c = 0; c < colors; c++)
          {
            size_t i = (size_t)x * (size_t)image->channels + (size_t)c;
            int d
                = row[i] > before[i] ? row[i] - before[i] : before[i] - row[i];

            row[i] = (uint8_t)(d * 8 > 255 ? 255 : d * 8);
          }
    }
}

/* Runs the generations of OPTIONS on IMAGE in place and writes the result
 * to OUTPUT, which is already open. */
static int
run (const ToolOptions *options, JartImage *image, AtomicFile *output,
     ImageFormat format)
{
  RunState state;
  JartCallbacks callbacks;
  JartResult result;
  JartStatus status;
  ToolError error;

  memset (&state, 0, sizeof state);
  state.quiet = options->quiet;
  state.settings = &options->settings;
  state.failure = JART_OK;
  if ((!options->quiet || options->difference)
      && (!copy_image (image, &state.original)
          || !copy_image (image, &state.previous)))
    {
      free (state.original.pixels);
      atomic_file_abort (output);
      tool_error_set (&error, _ ("the codec failed: %s"),
                      jart_strerror (JART_ERROR_NO_MEMORY));
      print_error (error.message);
      return EXIT_FAILURE;
    }
  report_init (&state.report, stdout, &options->settings);
  callbacks.generation_done = on_generation_done;
  callbacks.progress = on_progress;
  callbacks.cancel = NULL;
  callbacks.user_data = &state;

  if (!options->quiet)
    report_header (&state.report);
  status = jart_run (image, image, &options->settings, &callbacks, &result);
  if (status == JART_OK && options->difference)
    make_difference (image, &state.original);
  free (state.original.pixels);
  free (state.previous.pixels);
  if (status == JART_ERROR_CANCELLED && state.failure != JART_OK)
    status = state.failure;
  if (interrupted)
    {
      atomic_file_abort (output);
      die_of_interrupt ();
    }
  if (status != JART_OK)
    {
      atomic_file_abort (output);
      tool_error_set (&error, _ ("the codec failed: %s"),
                      jart_strerror (status));
      print_error (error.message);
      return EXIT_FAILURE;
    }
  if (!options->quiet)
    report_summary (&state.report, &result);

  if (!image_write (output->stream, options->output, image, format, &error))
    {
      atomic_file_abort (output);
      print_error (error.message);
      return EXIT_FAILURE;
    }
  if (interrupted)
    {
      atomic_file_abort (output);
      die_of_interrupt ();
    }
  if (!atomic_file_commit (output, &error))
    {
      print_error (error.message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

int
main (int argc, char **argv)
{
  ToolOptions options;
  ToolError error;
  ImageFormat format;
  JartImage image;
  AtomicFile output;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, tool_locale_dir ());
  textdomain (GETTEXT_PACKAGE);

  switch (options_parse (argc, argv, &options, &error))
    {
    case OPTIONS_HELP:
      options_print_help (stdout);
      return finish_stdout (EXIT_SUCCESS);
    case OPTIONS_VERSION:
      printf ("%s %s (codec %s)\n", PROGRAM_NAME, PACKAGE_VERSION,
              jart_version ());
      return finish_stdout (EXIT_SUCCESS);
    case OPTIONS_BAD:
      print_error (error.message);
      return EXIT_USAGE;
    case OPTIONS_RUN:
      break;
    }

  /* An unknown output extension is known before INPUT is read; whether
   * the format can hold INPUT's channels, only after. */
  format = image_format_from_name (options.output);
  if (format == IMAGE_FORMAT_UNKNOWN)
    {
      image_format_check (format, 0, options.output, &error);
      print_error (error.message);
      return EXIT_USAGE;
    }
  if (!image_read (options.input, &image, &error))
    {
      print_error (error.message);
      return EXIT_FAILURE;
    }
  if (!image_format_check (format, image.channels, options.output, &error))
    {
      print_error (error.message);
      image_free (&image);
      return EXIT_USAGE;
    }
  if (options.settings.flatten && !options.quiet
      && (image.channels == 1 || image.channels == 3))
    print_note (_ ("--flatten changes nothing: %s has no alpha channel"),
                options.input);

  install_signal_handlers ();
  if (!atomic_file_open (&output, options.output, &error))
    {
      print_error (error.message);
      image_free (&image);
      return EXIT_FAILURE;
    }
  status = run (&options, &image, &output, format);
  image_free (&image);
  return finish_stdout (status);
}
