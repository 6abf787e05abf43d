/* image-io.h: reading and writing the command-line tool's image files.
 *
 * Input files are recognised by their first bytes: PNG (any colour type and
 * bit depth, reduced to 8 bits per sample), binary PGM/PPM (P5/P6, maxval
 * 255) and JPEG (decoded with libturbojpeg).  Output files are PNG, PGM or
 * PPM, chosen by the output's name.  Pixels travel as a JartImage whose
 * pixels this module allocates: 1 channel gray, 2 gray + alpha, 3 RGB,
 * 4 RGBA, rows packed (stride = width * channels).
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef IMAGE_IO_H
#define IMAGE_IO_H

#include <stdbool.h>
#include <stdio.h>

#include "jart.h"
#include "tool-error.h"

typedef enum
{
  IMAGE_FORMAT_UNKNOWN = 0,
  IMAGE_FORMAT_PNG, /* .png: gray, gray + alpha, RGB or RGBA */
  IMAGE_FORMAT_PGM, /* .pgm: binary P5, gray only */
  IMAGE_FORMAT_PPM, /* .ppm: binary P6, RGB only */
  IMAGE_FORMAT_PNM  /* .pnm: P5 for gray, P6 for RGB */
} ImageFormat;

/* The output format PATH's extension asks for (case ignored), or
 * IMAGE_FORMAT_UNKNOWN. */
ImageFormat image_format_from_name (const char *path);

/* Whether FORMAT can hold an image with CHANNELS channels unchanged; when
 * not, ERROR names PATH and says which output names would. */
bool image_format_check (ImageFormat format, int channels, const char *path,
                         ToolError *error);

/* Reads the image file PATH into IMAGE, whose pixels the caller frees with
 * image_free.  On failure IMAGE holds no pixels and ERROR says why. */
bool image_read (const char *path, JartImage *image, ToolError *error);

/* Writes IMAGE to STREAM in FORMAT (not IMAGE_FORMAT_UNKNOWN); PATH names
 * the file in error messages.  Flushes STREAM; does not close it. */
bool image_write (FILE *stream, const char *path, const JartImage *image,
                  ImageFormat format, ToolError *error);

/* Frees IMAGE's pixels and clears it. */
void image_free (JartImage *image);

#endif /* IMAGE_IO_H */
