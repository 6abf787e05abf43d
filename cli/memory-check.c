/* memory-check.c: adding up what a run of the tool needs and refusing one
 * too big for the machine.  What the tool keeps: the decoded pixels for
 * the whole run (the codec works on them in place); for --difference, a
 * copy of the input; the codec's own work, as jart_memory_needed reports
 * it (with the table, its statistics too: the SSIM's reference and the
 * coefficients and pieces the three file sizes are kept up to date from),
 * and, without a schedule, the working image it allocates for the
 * table's generations (with --quiet it works in the pixels themselves);
 * and what reading the input holds (a pipe's data, libjpeg's
 * coefficients of a progressive JPEG).
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "memory-check.h"

#include <stdio.h>

#include "free-memory.h"
#include "i18n.h"

uint64_t
memory_run_needed (const ToolOptions *options, int width, int height,
                   int channels, uint64_t reader_bytes)
{
  JartSettings settings = options->settings;
  uint64_t frame = ja_free_memory_multiply ((uint64_t)width * (uint64_t)height,
                                            (uint64_t)channels);
  uint64_t frames = 1; /* the pixels */
  uint64_t need;

  /* The table's figures are the codec's statistics (jpeg-artifacts.c). */
  settings.statistics = !options->quiet;
  if (settings.n_steps == 0 && !options->quiet)
    frames++; /* the codec's working image (--quiet: it works in place) */
  if (options->difference)
    frames++; /* the input */
  need = ja_free_memory_multiply (frame, frames);
  need = ja_free_memory_add (
      need, jart_memory_needed (width, height, channels, &settings));
  return ja_free_memory_add (need, reader_bytes);
}

bool
memory_check_run (const char *path, int width, int height, int channels,
                  uint64_t reader_bytes, void *options_data, ToolError *error)
{
  uint64_t needed = memory_run_needed (options_data, width, height, channels,
                                       reader_bytes);
  uint64_t available = ja_free_memory ();

  if (available == 0 || needed <= available)
    return true;
  memory_refuse (path, needed, available, error);
  return false;
}

void
memory_refuse (const char *path, uint64_t needed, uint64_t available,
               ToolError *error)
{
  char need_text[64], free_text[64];

  memory_format_size (needed, need_text, sizeof need_text);
  memory_format_size (available, free_text, sizeof free_text);
  tool_error_set (error,
                  /* TRANSLATORS: the drawable's name, the memory the run
                     needs and the memory that is free, e.g. "7.1 GB" and
                     "3.2 GB". */
                  _ ("'%s' needs %s of memory for this run; %s is free."),
                  path, need_text, free_text);
}

void
memory_format_size (uint64_t bytes, char *text, size_t length)
{
  const double kilo = 1000.0;
  double value = (double)bytes;

  if (bytes < 1000)
    snprintf (text, length,
              ngettext ("%u byte", "%u bytes", (unsigned long)bytes),
              (unsigned)bytes);
  else if (value < kilo * kilo)
    snprintf (text, length, _ ("%.1f kB"), value / kilo);
  else if (value < kilo * kilo * kilo)
    snprintf (text, length, _ ("%.1f MB"), value / (kilo * kilo));
  else if (value < kilo * kilo * kilo * kilo)
    snprintf (text, length, _ ("%.1f GB"), value / (kilo * kilo * kilo));
  else if (value < kilo * kilo * kilo * kilo * kilo)
    snprintf (text, length, _ ("%.1f TB"),
              value / (kilo * kilo * kilo * kilo));
  else
    snprintf (text, length, _ ("%.1f PB"),
              value / (kilo * kilo * kilo * kilo * kilo));
}
