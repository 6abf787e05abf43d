/* io-formats.h: the file formats behind image-io.c, one file each
 * (io-png.c, io-pnm.c, io-jpeg.c), the pixel buffer they share and the
 * orientation they write in.  Only image-io.c, image-meta.c and those files
 * include this header.
 *
 * Every reader gets an IoInput whose stream is positioned at the file's
 * first byte, reads the header, fills in the input's metadata, allocates
 * IMAGE with io_image_allocate (which asks the input's check first) and,
 * on failure, fills in ERROR (its caller, image_read, frees IMAGE and the
 * metadata).  Every writer turns the image by the metadata's orientation
 * (io_oriented_row), flushes STREAM and reports a failed write with the
 * system's reason.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef IO_FORMATS_H
#define IO_FORMATS_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "image-io.h"
#include "jart.h"
#include "tool-error.h"

/* A thread that faults in the pages of a new pixel buffer ahead of the
 * reader that fills it, on a core the reader leaves idle: the kernel's
 * clearing of those pages no longer waits in the reader's path. */
typedef struct
{
  pthread_t thread;
  bool started;
  atomic_bool stop; /* set when the reading ends, before the join */
  uint8_t *pixels;
  size_t size;
} IoPrefault;

/* One input file being read. */
typedef struct
{
  FILE *stream;
  const char *path;
  ImageMetadata *metadata; /* filled in by the reader */
  ImageCheck check;        /* may be NULL */
  void *check_data;
  uint64_t held;       /* bytes image_read holds for the input: its data, when
                          it was read into memory */
  IoPrefault prefault; /* started by io_image_allocate */
} IoInput;

/* Allocates IMAGE's pixels for WIDTH x HEIGHT x CHANNELS, rows packed,
 * after checking the size against the codec's limit and asking INPUT's
 * check, to which READER_BYTES is what the reader holds besides; a big
 * buffer's pages are faulted in by INPUT's prefault thread meanwhile. */
bool io_image_allocate (IoInput *input, JartImage *image, int width,
                        int height, int channels, uint64_t reader_bytes,
                        ToolError *error);

/* The size of IMAGE turned by ORIENTATION (1 to 8). */
void io_oriented_size (const JartImage *image, int orientation, int *width,
                       int *height);

/* Row Y of IMAGE turned by ORIENTATION: a pointer into IMAGE, or BUFFER
 * (room for one turned row) filled in. */
const uint8_t *io_oriented_row (const JartImage *image, int orientation, int y,
                                uint8_t *buffer);

/* The Exif orientation (1 to 8) the TIFF structure DATA of LENGTH bytes
 * (an Exif block after its "Exif\0\0", or a PNG eXIf chunk) gives in its
 * first IFD; 1 when it gives none or one out of range. */
int io_exif_orientation (const unsigned char *data, size_t length);

bool io_png_read (IoInput *input, JartImage *image, ToolError *error);
bool io_png_write (FILE *stream, const char *path, const JartImage *image,
                   const ImageMetadata *metadata, ToolError *error);

/* Whether libpng takes METADATA's colour information (profile, sRGB,
 * gamma, chromaticities) for an image of CHANNELS; when not, REASON
 * (LENGTH bytes) gives libpng's objection. */
bool io_png_colour_fits (const ImageMetadata *metadata, int channels,
                         char *reason, size_t length);

bool io_pnm_read (IoInput *input, JartImage *image, ToolError *error);
bool io_pnm_write (FILE *stream, const char *path, const JartImage *image,
                   const ImageMetadata *metadata, ToolError *error);

bool io_jpeg_read (IoInput *input, JartImage *image, ToolError *error);

#endif /* IO_FORMATS_H */
