/* image-io.h: reading and writing the command-line tool's image files.
 *
 * Input files are recognised by their first bytes: PNG (any colour type and
 * bit depth, reduced to 8 bits per sample), binary PGM/PPM (P5/P6, maxval
 * 255) and JPEG (decoded with libjpeg).  A pipe, a FIFO or a terminal is
 * read into memory first, since it cannot be read twice.  Output files are
 * PNG, PGM or PPM, chosen by the output's name.  Pixels travel as a
 * JartImage whose pixels this module allocates: 1 channel gray, 2 gray +
 * alpha, 3 RGB, 4 RGBA, rows packed (stride = width * channels), as the
 * file stores them; what else the file says about them (its Exif
 * orientation, colour profile, gamma and chromaticities) travels beside
 * them as ImageMetadata and is applied or kept when the output is written.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef IMAGE_IO_H
#define IMAGE_IO_H

#include <stdbool.h>
#include <stdint.h>
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

/* What an input file says about its pixels beyond their values. */
typedef struct
{
  int orientation;    /* Exif orientation, 1 to 8: how a viewer turns the
                         stored pixels (1: as stored) */
  unsigned char *icc; /* the ICC colour profile (JPEG APP2, PNG iCCP), or
                         NULL */
  size_t icc_length;
  bool has_srgb; /* PNG sRGB, with its rendering intent */
  int srgb_intent;
  bool has_gamma; /* PNG gAMA: the file gamma x 100000 */
  int32_t gamma;
  bool has_chrm;   /* PNG cHRM: white point, red, green and blue, x and y */
  int32_t chrm[8]; /* each x 100000 */
} ImageMetadata;

/* Called by image_read once INPUT's header is read, before its pixels
 * are: the image is WIDTH x HEIGHT with CHANNELS; reading it holds
 * READER_BYTES besides the pixels.  False with ERROR refuses the image.
 * DATA is image_read's CHECK_DATA. */
typedef bool (*ImageCheck) (const char *path, int width, int height,
                            int channels, uint64_t reader_bytes, void *data,
                            ToolError *error);

/* The output format PATH's extension asks for (case ignored), or
 * IMAGE_FORMAT_UNKNOWN. */
ImageFormat image_format_from_name (const char *path);

/* Whether FORMAT can hold an image with CHANNELS channels unchanged; when
 * not, ERROR names PATH and says which output names would. */
bool image_format_check (ImageFormat format, int channels, const char *path,
                         ToolError *error);

/* Reads the image file PATH into IMAGE and METADATA, which the caller
 * frees with image_clear and image_metadata_free; CHECK (may be NULL)
 * decides from the header whether to go on.  On failure IMAGE holds no
 * pixels, METADATA nothing, and ERROR says why. */
bool image_read (const char *path, JartImage *image, ImageMetadata *metadata,
                 ImageCheck check, void *check_data, ToolError *error);

/* Removes from METADATA what an OUTPUT of FORMAT with CHANNELS cannot hold
 * (PGM and PPM hold no colour information; PNG takes no profile that
 * libpng finds unfit for the image) and says in NOTE what was dropped of
 * INPUT's; false when nothing was. */
bool image_metadata_fit (ImageMetadata *metadata, ImageFormat format,
                         int channels, const char *input, const char *output,
                         ToolError *note);

/* Writes IMAGE to STREAM in FORMAT (not IMAGE_FORMAT_UNKNOWN) as a viewer
 * shows it: turned by METADATA's orientation, with its colour information
 * (image_metadata_fit leaves only what FORMAT holds); PATH names the file in
 * error messages.  Flushes STREAM; does not close it. */
bool image_write (FILE *stream, const char *path, const JartImage *image,
                  const ImageMetadata *metadata, ImageFormat format,
                  ToolError *error);

/* Frees IMAGE's pixels and clears it. */
void image_clear (JartImage *image);

/* Frees METADATA's profile and clears it (orientation 1). */
void image_metadata_free (ImageMetadata *metadata);

#endif /* IMAGE_IO_H */
