/* jpeg-artifacts.c: the command-line tool's main(): read INPUT, run the
 * codec's generations on it while printing their table, and replace OUTPUT
 * with the result in one step.
 *
 * Exit status: 0 success; 1 a file could not be read or written, or the
 * codec failed; 2 a bad command line (an unknown option, a value out of
 * range, an output name without a known extension, an output format that
 * cannot hold the image's channels).  Every failure prints one line on
 * stderr.  OUTPUT is replaced only by a run that succeeds, and that run's
 * status is 0: the table is a report, so when standard output cannot take
 * it (closed, full, a pipe whose reader has gone) the run goes on without
 * it, and once OUTPUT is written one line on stderr says that the table
 * could not be written and that OUTPUT was.
 *
 * Descriptors 0, 1 and 2 are opened on /dev/null when closed, before any
 * file is, so that no file of the run takes their place.  A symbolic link
 * as OUTPUT updates the file it names; an OUTPUT that exists and is not a
 * regular file is refused before INPUT is read.  An interrupt (SIGINT,
 * SIGTERM, SIGHUP, SIGQUIT, SIGALRM, SIGUSR1, SIGUSR2, SIGXCPU, SIGVTALRM,
 * SIGPROF) cancels the run, removes the temporary file and ends the
 * process by that signal, OUTPUT untouched; a second one while cancelling
 * removes the temporary file and ends the process at once.  An interrupt
 * that comes once OUTPUT is being renamed into place is too late: the run
 * ends as it would have.  Only SIGKILL (or a crash) leaves the temporary
 * file, named ".OUTPUT.jpeg-artifacts-tmp-XXXXXX" next to OUTPUT.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomic-file.h"
#include "i18n.h"
#include "image-io.h"
#include "jart.h"
#include "memory-check.h"
#include "options.h"
#include "report.h"
#include "user-presets.h"

#define PROGRAM_NAME "jpeg-artifacts"

#define EXIT_USAGE 2

/* The signal that asked the run to stop, or 0.  Set by the handler, read
 * by the codec's callbacks (from any thread) and by main. */
static volatile sig_atomic_t interrupted;

/* What the generation callback needs for its row of the table (the
 * codec's report carries the statistics), and the run's input for
 * --difference, kept as a tight copy since the run works in place. */
typedef struct
{
  Report report;
  bool quiet;
  JartImage original; /* the run's input, with --difference */
} RunState;

/* The signals that cancel the run: those whose default action ends the
 * process and that another process or the terminal sends. */
static const int cancelling_signals[]
    = { SIGINT,  SIGTERM, SIGHUP,  SIGQUIT,   SIGALRM,
        SIGUSR1, SIGUSR2, SIGXCPU, SIGVTALRM, SIGPROF };

#define N_CANCELLING_SIGNALS                                                  \
  (sizeof cancelling_signals / sizeof cancelling_signals[0])

/* The first signal asks the run to stop; a second one, while the run is
 * being cancelled, removes the temporary file and ends the process by
 * that signal at once (it is blocked in the handler, so it comes as soon
 * as the handler returns). */
static void
on_interrupt (int signal_number)
{
  if (interrupted == 0)
    {
      interrupted = signal_number;
      return;
    }
  atomic_file_remove_temporary ();
  signal (signal_number, SIG_DFL);
  raise (signal_number);
}

/* Lets the cancelling signals cancel the run instead of ending the process
 * at once.  A signal ignored when the tool started (SIGINT in a background
 * job) stays ignored.  A reader of the table that goes away (SIGPIPE) and
 * a write beyond the file-size limit (SIGXFSZ) make the write fail instead
 * of killing the process, so that the run goes on or the temporary file is
 * removed. */
static void
install_signal_handlers (void)
{
  struct sigaction action, previous;
  size_t i;

  memset (&action, 0, sizeof action);
  action.sa_handler = on_interrupt;
  action.sa_flags = SA_RESTART;
  sigemptyset (&action.sa_mask);
  for (i = 0; i < N_CANCELLING_SIGNALS; i++)
    sigaddset (&action.sa_mask, cancelling_signals[i]);
  for (i = 0; i < N_CANCELLING_SIGNALS; i++)
    if (sigaction (cancelling_signals[i], NULL, &previous) == 0
        && previous.sa_handler != SIG_IGN)
      sigaction (cancelling_signals[i], &action, NULL);
  signal (SIGPIPE, SIG_IGN);
  signal (SIGXFSZ, SIG_IGN);
}

/* Blocks the cancelling signals (BLOCK) or lets them in again. */
static void
block_signals (bool block)
{
  sigset_t set;
  size_t i;

  sigemptyset (&set);
  for (i = 0; i < N_CANCELLING_SIGNALS; i++)
    sigaddset (&set, cancelling_signals[i]);
  sigprocmask (block ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

static void die_of_interrupt (void);

/* True when a cancelling signal is pending (held back by block_signals)
 * that is not ignored: one that ends the run once let in. */
static bool
cancel_pending (void)
{
  struct sigaction action;
  sigset_t pending;
  size_t i;

  if (sigpending (&pending) != 0)
    return false;
  for (i = 0; i < N_CANCELLING_SIGNALS; i++)
    if (sigismember (&pending, cancelling_signals[i]) == 1
        && sigaction (cancelling_signals[i], NULL, &action) == 0
        && action.sa_handler != SIG_IGN)
      return true;
  return false;
}

/* Saves the look of OPTIONS as the user's preset --save-preset NAME (see
 * user_presets_save).  The cancelling signals wait meanwhile: the presets
 * file is replaced through a temporary file beside it, which an interrupt
 * in the middle would leave there; one that came is acted on once the
 * file is whole again, old or new.  While the save waits for another
 * program's lock on the file (up to 5 seconds), nothing is written yet: a
 * signal that comes then stops the wait, and ends the run as it does
 * anywhere else, the file unchanged. */
static bool
save_preset (const ToolOptions *options, bool announce, ToolError *error)
{
  bool saved;

  block_signals (true);
  saved = user_presets_save (options->save_preset, &options->values, announce,
                             cancel_pending, error);
  block_signals (false);
  if (interrupted)
    die_of_interrupt ();
  return saved;
}

/* Opens /dev/null on each of descriptors 0, 1 and 2 that is closed, in
 * the direction opposite to the stream's (so that writing a closed stdout
 * still fails, and says so).  Returns 0, or the errno of the failure. */
static int
open_standard_descriptors (void)
{
  int fd;

  for (fd = 0; fd <= 2; fd++)
    if (fcntl (fd, F_GETFD) < 0 && errno == EBADF)
      {
        int opened = open ("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);

        if (opened < 0)
          return errno;
        if (opened != fd)
          return EBADF;
      }
  return 0;
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

/* Prints the generation's row: the codec's report, with its SSIM and the
 * sizes of its baseline and progressive files. */
static int
on_generation_done (const JartGenerationReport *generation,
                    const JartImage *pixels, void *user_data)
{
  RunState *state = user_data;

  (void)pixels;
  if (state->quiet || state->report.write_error != 0)
    return interrupted != 0;
  report_generation (&state->report, generation);
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
 * action had run. */
static void
die_of_interrupt (void)
{
  signal (interrupted, SIG_DFL);
  block_signals (false);
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

/* Runs the generations of OPTIONS on IMAGE in place and writes the result
 * to OUTPUT, whose temporary file is already open, with METADATA.  A
 * table that could not be written is said after OUTPUT is, with status 0. */
static int
run (const ToolOptions *options, JartImage *image,
     const ImageMetadata *metadata, AtomicFile *output, ImageFormat format)
{
  RunState state;
  JartSettings settings = options->settings;
  JartCallbacks callbacks;
  JartResult result;
  JartStatus status;
  ToolError error;

  memset (&state, 0, sizeof state);
  state.quiet = options->quiet;
  /* The table's SSIM and file sizes come with each generation's report. */
  settings.statistics = !options->quiet;
  if (options->difference && !copy_image (image, &state.original))
    {
      free (state.original.pixels);
      atomic_file_abort (output);
      tool_error_set (&error, _ ("the codec failed: %s"),
                      jart_strerror (JART_ERROR_NO_MEMORY));
      print_error (error.message);
      return EXIT_FAILURE;
    }
  report_init (&state.report, stdout, &options->settings,
               options->schedule_steps, options->table);
  /* Without a table nothing needs the generations' pixels. */
  callbacks.generation_done = options->quiet ? NULL : on_generation_done;
  callbacks.progress = on_progress;
  callbacks.cancel = NULL;
  callbacks.user_data = &state;

  if (!options->quiet)
    report_header (&state.report);
  /* With --quiet nothing reads the generations: the codec works in the
     image itself (a cancel ends the process, the image unused), a frame
     of 4 bytes a pixel or less not allocated, touched and copied. */
  status = options->quiet
               ? jart_run_in_dst (image, image, &settings, &callbacks, &result)
               : jart_run (image, image, &settings, &callbacks, &result);
  if (status == JART_OK && options->difference)
    status = jart_difference (image, &state.original, image);
  free (state.original.pixels);
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

  if (!image_write (output->stream, options->output, image, metadata, format,
                    &error))
    {
      atomic_file_abort (output);
      print_error (error.message);
      return EXIT_FAILURE;
    }
  if (!atomic_file_close (output, &error))
    {
      print_error (error.message);
      return EXIT_FAILURE;
    }
  /* The last moment to cancel: from here the signals wait, and are
   * dropped when the process exits. */
  block_signals (true);
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
  if (state.report.write_error != 0)
    {
      tool_error_set (&error,
                      _ ("the table could not be written to the standard "
                         "output (%s); %s was written"),
                      strerror (state.report.write_error), options->output);
      print_error (error.message);
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
  ImageMetadata metadata;
  AtomicFile output;
  int standard_error;
  int status;

  /* Before any file is opened, so that none becomes stdin, stdout or
   * stderr. */
  standard_error = open_standard_descriptors ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, ja_locale_dir ());
  textdomain (GETTEXT_PACKAGE);
  if (standard_error != 0)
    {
      tool_error_set (&error, _ ("cannot open %s: %s"), "/dev/null",
                      strerror (standard_error));
      print_error (error.message);
      return EXIT_FAILURE;
    }

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
    case OPTIONS_SAVE_PRESET:
      if (!save_preset (&options, !options.quiet, &error))
        {
          print_error (error.message);
          return EXIT_FAILURE;
        }
      return finish_stdout (EXIT_SUCCESS);
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
  if (options.save_preset != NULL && !save_preset (&options, false, &error))
    {
      print_error (error.message);
      return EXIT_FAILURE;
    }
  /* An OUTPUT that cannot be replaced is refused before the work. */
  if (!atomic_file_prepare (&output, options.output, &error))
    {
      print_error (error.message);
      return EXIT_FAILURE;
    }
  if (!image_read (options.input, &image, &metadata, memory_check_run,
                   &options, &error))
    {
      print_error (error.message);
      atomic_file_abort (&output);
      return EXIT_FAILURE;
    }
  if (!image_format_check (format, image.channels, options.output, &error))
    {
      print_error (error.message);
      atomic_file_abort (&output);
      image_clear (&image);
      image_metadata_free (&metadata);
      return EXIT_USAGE;
    }
  if (image_metadata_fit (&metadata, format, image.channels, options.input,
                          options.output, &error)
      && !options.quiet)
    print_note ("%s", error.message);
  if (options.settings.flatten && !options.quiet
      && (image.channels == 1 || image.channels == 3))
    print_note (_ ("--flatten changes nothing: %s has no alpha channel"),
                options.input);

  install_signal_handlers ();
  /* A second signal between mkstemp and the handler's copy of the name
   * would leave the file. */
  block_signals (true);
  if (!atomic_file_create (&output, &error))
    {
      block_signals (false);
      print_error (error.message);
      image_clear (&image);
      image_metadata_free (&metadata);
      return EXIT_FAILURE;
    }
  block_signals (false);
  status = run (&options, &image, &metadata, &output, format);
  image_clear (&image);
  image_metadata_free (&metadata);
  return status;
}
