/* io-pnm.c: binary PGM (P5, gray) and PPM (P6, RGB) files with a maxval of
 * 255, as the netpbm formats define them: the magic number, width, height
 * and maxval as ASCII decimals separated by whitespace, where a '#' starts a
 * comment to the end of its line, then exactly one whitespace character and
 * the samples, row by row.  Only the first image of a file is read.  The
 * format holds no colour information and no orientation: an image is
 * written turned as a viewer shows it.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "io-formats.h"

/* A header number beyond this is reported as too large; it keeps the
 * arithmetic in range and is far above any size the codec accepts. */
#define IO_PNM_NUMBER_MAX 100000000L

static bool
io_pnm_is_space (int c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v'
         || c == '\f';
}

/* Reads the next header number from STREAM into VALUE, skipping whitespace
 * and comments before it; false when there is none.  The number must end in
 * whitespace, which is consumed: after the maxval that is the one separator
 * before the samples.  A comment may follow the other numbers at once. */
static bool
io_pnm_read_number (FILE *stream, bool last, long *value)
{
  int c = getc (stream);

  for (;;)
    {
      if (c == '#')
        {
          while (c != '\n' && c != '\r' && c != EOF)
            c = getc (stream);
        }
      else if (io_pnm_is_space (c))
        c = getc (stream);
      else
        break;
    }
  if (c < '0' || c > '9')
    return false;
  *value = 0;
  while (c >= '0' && c <= '9')
    {
      if (*value <= IO_PNM_NUMBER_MAX)
        *value = *value * 10 + (c - '0');
      c = getc (stream);
    }
  if (c == '#' && !last)
    {
      ungetc (c, stream);
      return true;
    }
  return io_pnm_is_space (c);
}

bool
io_pnm_read (IoInput *input, JartImage *image, ToolError *error)
{
  FILE *stream = input->stream;
  const char *path = input->path;
  int magic[2];
  long width, height, maxval;
  int channels;
  size_t size, got;

  magic[0] = getc (stream);
  magic[1] = getc (stream);
  channels = magic[0] == 'P' && magic[1] == '5' ? 1 : 3;
  if (!io_pnm_read_number (stream, false, &width)
      || !io_pnm_read_number (stream, false, &height)
      || !io_pnm_read_number (stream, true, &maxval))
    {
      if (ferror (stream))
        tool_error_set (error, _ ("cannot read %s: %s"), path,
                        strerror (errno));
      else
        tool_error_set (error, _ ("%s: broken %s header"), path,
                        channels == 1 ? "PGM" : "PPM");
      return false;
    }
  if (maxval != 255)
    {
      tool_error_set (error,
                      _ ("%s: maxval %ld; only PGM and PPM files with maxval "
                         "255 are read"),
                      path, maxval);
      return false;
    }
  if (width > IO_PNM_NUMBER_MAX || height > IO_PNM_NUMBER_MAX)
    {
      tool_error_set (error,
                      _ ("%s: the image is too large; width and height "
                         "must be 1 to %d"),
                      path, JART_MAX_DIMENSION);
      return false;
    }
  if (!io_image_allocate (input, image, (int)width, (int)height, channels, 0,
                          error))
    return false;

  size = image->stride * (size_t)image->height;
  got = fread (image->pixels, 1, size, stream);
  if (got != size)
    {
      if (ferror (stream))
        tool_error_set (error, _ ("cannot read %s: %s"), path,
                        strerror (errno));
      else
        tool_error_set (error,
                        _ ("%s: the file ends too early: %zu of %zu bytes of "
                           "pixels"),
                        path, got, size);
      return false;
    }
  return true;
}

bool
io_pnm_write (FILE *stream, const char *path, const JartImage *image,
              const ImageMetadata *metadata, ToolError *error)
{
  int width, height, y;
  size_t length;
  uint8_t *buffer;

  io_oriented_size (image, metadata->orientation, &width, &height);
  length = (size_t)width * (size_t)image->channels;
  buffer = malloc (length);
  if (buffer == NULL)
    {
      tool_error_set (error, _ ("cannot write %s: not enough memory"), path);
      return false;
    }
  if (fprintf (stream, "P%c\n%d %d\n255\n", image->channels == 1 ? '5' : '6',
               width, height)
      < 0)
    goto failed;
  if ((metadata->orientation < 2 || metadata->orientation > 8)
      && image->stride == length)
    {
      /* Stored as shown and without gaps: the pixels in one write. */
      if (fwrite (image->pixels, length, (size_t)height, stream)
          != (size_t)height)
        goto failed;
    }
  else
    for (y = 0; y < height; y++)
      if (fwrite (io_oriented_row (image, metadata->orientation, y, buffer), 1,
                  length, stream)
          != length)
        goto failed;
  if (fflush (stream) != 0)
    goto failed;
  free (buffer);
  return true;

failed:
  tool_error_set (error, _ ("cannot write %s: %s"), path, strerror (errno));
  free (buffer);
  return false;
}
