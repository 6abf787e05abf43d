/* io-formats.h: the file formats behind image-io.c, one file each
 * (io-png.c, io-pnm.c, io-jpeg.c), and the pixel buffer they share.  Only
 * image-io.c and those files include this header.
 *
 * Every reader gets STREAM positioned at the file's first byte and PATH for
 * its messages, allocates IMAGE with io_image_allocate and, on failure,
 * fills in ERROR (its caller, image_read, frees IMAGE).  Every writer
 * flushes STREAM and reports a failed write with the system's reason.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef IO_FORMATS_H
#define IO_FORMATS_H

#include <stdbool.h>
#include <stdio.h>

#include "jart.h"
#include "tool-error.h"

/* Allocates IMAGE's pixels for WIDTH x HEIGHT x CHANNELS, rows packed,
 * after checking the size against the codec's limit. */
bool io_image_allocate (JartImage *image, int width, int height, int channels,
                        const char *path, ToolError *error);

bool io_png_read (FILE *stream, const char *path, JartImage *image,
                  ToolError *error);
bool io_png_write (FILE *stream, const char *path, const JartImage *image,
                   ToolError *error);

bool io_pnm_read (FILE *stream, const char *path, JartImage *image,
                  ToolError *error);
bool io_pnm_write (FILE *stream, const char *path, const JartImage *image,
                   ToolError *error);

bool io_jpeg_read (FILE *stream, const char *path, JartImage *image,
                   ToolError *error);

#endif /* IO_FORMATS_H */
