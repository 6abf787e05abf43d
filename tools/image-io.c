/* image-io.c: recognising an input file by its first bytes and handing it
 * to the reader of its format; choosing the output format by the output's
 * name; the pixel buffer every reader fills in.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _POSIX_C_SOURCE 200809L

#include "image-io.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "i18n.h"
#include "io-formats.h"

typedef enum
{
  FILE_KIND_UNKNOWN,
  FILE_KIND_EMPTY,
  FILE_KIND_PNG,
  FILE_KIND_PNM,
  FILE_KIND_PNM_OTHER, /* a netpbm file other than P5 and P6 */
  FILE_KIND_JPEG
} FileKind;

/* The kind of file whose first LENGTH bytes are MAGIC. */
static FileKind
file_kind_from_magic (const unsigned char *magic, size_t length)
{
  static const unsigned char png_signature[8]
      = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  if (length == 0)
    return FILE_KIND_EMPTY;
  if (length >= 8 && memcmp (magic, png_signature, 8) == 0)
    return FILE_KIND_PNG;
  if (length >= 3 && magic[0] == 0xff && magic[1] == 0xd8 && magic[2] == 0xff)
    return FILE_KIND_JPEG;
  if (length >= 2 && magic[0] == 'P' && (magic[1] == '5' || magic[1] == '6'))
    return FILE_KIND_PNM;
  if (length >= 2 && magic[0] == 'P' && magic[1] >= '1' && magic[1] <= '7')
    return FILE_KIND_PNM_OTHER;
  return FILE_KIND_UNKNOWN;
}

ImageFormat
image_format_from_name (const char *path)
{
  const char *slash = strrchr (path, '/');
  const char *base = slash != NULL ? slash + 1 : path;
  const char *dot = strrchr (base, '.');

  if (dot == NULL || dot == base)
    return IMAGE_FORMAT_UNKNOWN;
  if (strcasecmp (dot, ".png") == 0)
    return IMAGE_FORMAT_PNG;
  if (strcasecmp (dot, ".pgm") == 0)
    return IMAGE_FORMAT_PGM;
  if (strcasecmp (dot, ".ppm") == 0)
    return IMAGE_FORMAT_PPM;
  if (strcasecmp (dot, ".pnm") == 0)
    return IMAGE_FORMAT_PNM;
  return IMAGE_FORMAT_UNKNOWN;
}

bool
image_format_check (ImageFormat format, int channels, const char *path,
                    ToolError *error)
{
  bool has_alpha = channels == 2 || channels == 4;

  switch (format)
    {
    case IMAGE_FORMAT_PNG:
      return true;
    case IMAGE_FORMAT_PGM:
    case IMAGE_FORMAT_PPM:
    case IMAGE_FORMAT_PNM:
      if (has_alpha)
        {
          tool_error_set (error,
                          _ ("%s: PGM and PPM files have no alpha channel "
                             "and the image has one; name the output .png"),
                          path);
          return false;
        }
      if (format == IMAGE_FORMAT_PGM && channels != 1)
        {
          tool_error_set (error,
                          _ ("%s: a PGM file holds gray only and the image "
                             "is RGB; name the output .ppm, .pnm or .png"),
                          path);
          return false;
        }
      if (format == IMAGE_FORMAT_PPM && channels != 3)
        {
          tool_error_set (error,
                          _ ("%s: a PPM file holds RGB only and the image is "
                             "gray; name the output .pgm, .pnm or .png"),
                          path);
          return false;
        }
      return true;
    case IMAGE_FORMAT_UNKNOWN:
    default:
      tool_error_set (error,
                      _ ("%s: unknown output format; name the output .png, "
                         ".ppm, .pgm or .pnm"),
                      path);
      return false;
    }
}

bool
io_image_allocate (JartImage *image, int width, int height, int channels,
                   const char *path, ToolError *error)
{
  size_t stride, size;

  image->pixels = NULL;
  if (width < 1 || height < 1 || width > JART_MAX_DIMENSION
      || height > JART_MAX_DIMENSION)
    {
      tool_error_set (error,
                      _ ("%s: the image is %d x %d pixels; width and height "
                         "must be 1 to %d"),
                      path, width, height, JART_MAX_DIMENSION);
      return false;
    }
  stride = (size_t)width * (size_t)channels;
  if ((size_t)height > SIZE_MAX / stride)
    size = 0;
  else
    size = stride * (size_t)height;
  image->pixels = size != 0 ? malloc (size) : NULL;
  if (image->pixels == NULL)
    {
      tool_error_set (error, _ ("%s: not enough memory for a %d x %d image"),
                      path, width, height);
      return false;
    }
  image->width = width;
  image->height = height;
  image->channels = channels;
  image->stride = stride;
  return true;
}

/* Reads STREAM, opened on PATH, with the reader its first bytes call for. */
static bool
image_read_stream (FILE *stream, const char *path, JartImage *image,
                   ToolError *error)
{
  unsigned char magic[8];
  size_t length = fread (magic, 1, sizeof magic, stream);

  if (ferror (stream))
    {
      tool_error_set (error, _ ("cannot read %s: %s"), path, strerror (errno));
      return false;
    }
  if (fseek (stream, 0, SEEK_SET) != 0)
    {
      tool_error_set (error, _ ("cannot read %s: %s"), path, strerror (errno));
      return false;
    }

  switch (file_kind_from_magic (magic, length))
    {
    case FILE_KIND_PNG:
      return io_png_read (stream, path, image, error);
    case FILE_KIND_PNM:
      return io_pnm_read (stream, path, image, error);
    case FILE_KIND_JPEG:
      return io_jpeg_read (stream, path, image, error);
    case FILE_KIND_EMPTY:
      tool_error_set (error, _ ("%s: the file is empty"), path);
      return false;
    case FILE_KIND_PNM_OTHER:
      tool_error_set (error,
                      _ ("%s: a netpbm file of type P%c; only binary PGM "
                         "(P5) and PPM (P6) are read"),
                      path, magic[1]);
      return false;
    case FILE_KIND_UNKNOWN:
    default:
      tool_error_set (error, _ ("%s: not a PNG, PGM, PPM or JPEG file"), path);
      return false;
    }
}

bool
image_read (const char *path, JartImage *image, ToolError *error)
{
  FILE *stream;
  struct stat info;
  bool ok;

  memset (image, 0, sizeof *image);
  stream = fopen (path, "rb");
  if (stream == NULL)
    {
      tool_error_set (error, _ ("cannot open %s: %s"), path, strerror (errno));
      return false;
    }
  if (fstat (fileno (stream), &info) == 0 && S_ISDIR (info.st_mode))
    {
      tool_error_set (error, _ ("cannot read %s: %s"), path,
                      strerror (EISDIR));
      fclose (stream);
      return false;
    }
  ok = image_read_stream (stream, path, image, error);
  fclose (stream);
  if (!ok)
    image_free (image);
  return ok;
}

bool
image_write (FILE *stream, const char *path, const JartImage *image,
             ImageFormat format, ToolError *error)
{
  if (!image_format_check (format, image->channels, path, error))
    return false;
  if (format == IMAGE_FORMAT_PNG)
    return io_png_write (stream, path, image, error);
  return io_pnm_write (stream, path, image, error);
}

void
image_free (JartImage *image)
{
  free (image->pixels);
  memset (image, 0, sizeof *image);
}
