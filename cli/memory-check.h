/* memory-check.h: the command-line tool's memory check.  Before INPUT's
 * pixels are decoded, the memory the whole run needs is added up from its
 * header and the options, and a run that needs more than the process can
 * get (ja_free_memory: the machine's available memory, within the
 * process's resource limits) is refused with both figures, in the
 * plug-in's words.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef MEMORY_CHECK_H
#define MEMORY_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "options.h"
#include "tool-error.h"

/* The bytes a run of OPTIONS needs on an image of WIDTH x HEIGHT with
 * CHANNELS, READER_BYTES being what reading the input holds besides the
 * pixels: the pixels, the copies the table and --difference keep, the
 * codec's work (jart_memory_needed) and the frames it hands to the
 * callbacks, the copies measuring a schedule's JPEG sizes makes. */
uint64_t memory_run_needed (const ToolOptions *options, int width, int height,
                            int channels, uint64_t reader_bytes);

/* An ImageCheck: OPTIONS_DATA is the run's ToolOptions.  False with ERROR
 * when memory_run_needed is more than ja_free_memory gives. */
bool memory_check_run (const char *path, int width, int height, int channels,
                       uint64_t reader_bytes, void *options_data,
                       ToolError *error);

/* Sets ERROR to the refusal of a run on PATH that NEEDED bytes, with
 * AVAILABLE free. */
void memory_refuse (const char *path, uint64_t needed, uint64_t available,
                    ToolError *error);

/* BYTES as GLib's g_format_size writes it ("47.4 GB", units of 1000). */
void memory_format_size (uint64_t bytes, char *text, size_t length);

#endif /* MEMORY_CHECK_H */
