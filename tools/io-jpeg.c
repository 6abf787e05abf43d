/* io-jpeg.c: JPEG files as source images, decoded with libturbojpeg as
 * most viewers decode them: the accurate integer inverse DCT and fancy
 * upsampling (GIMP 2.10's loader uses the floating-point inverse DCT,
 * which can differ by a level in a few pixels).  A grayscale JPEG gives a
 * 1-channel image, any other a 3-channel RGB one.  A file libjpeg-turbo can
 * only decode with a warning (corrupt or truncated data) is refused rather
 * than filled in with guesses.  The Exif orientation is not applied.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <turbojpeg.h>

#include "i18n.h"
#include "io-formats.h"

/* Reads all of STREAM into a new buffer. */
static bool
io_jpeg_slurp (FILE *stream, const char *path, unsigned char **data,
               size_t *length, ToolError *error)
{
  size_t size = 0, capacity = 1 << 16;
  unsigned char *buffer = malloc (capacity);

  while (buffer != NULL)
    {
      size += fread (buffer + size, 1, capacity - size, stream);
      if (ferror (stream))
        {
          tool_error_set (error, _ ("cannot read %s: %s"), path,
                          strerror (errno));
          free (buffer);
          return false;
        }
      if (size < capacity)
        {
          *data = buffer;
          *length = size;
          return true;
        }
      if (capacity > (size_t)-1 / 2)
        break;
      {
        unsigned char *larger = realloc (buffer, capacity * 2);

        if (larger == NULL)
          break;
        buffer = larger;
        capacity *= 2;
      }
    }
  free (buffer);
  tool_error_set (error, _ ("%s: not enough memory"), path);
  return false;
}

bool
io_jpeg_read (FILE *stream, const char *path, JartImage *image,
              ToolError *error)
{
  unsigned char *data = NULL;
  size_t length = 0;
  tjhandle handle;
  int width, height, subsampling, colorspace, channels;
  bool ok = false;

  if (!io_jpeg_slurp (stream, path, &data, &length, error))
    return false;
  handle = tjInitDecompress ();
  if (handle == NULL)
    {
      tool_error_set (error, _ ("%s: cannot start the JPEG decoder: %s"), path,
                      tjGetErrorStr2 (NULL));
      free (data);
      return false;
    }

  if (tjDecompressHeader3 (handle, data, (unsigned long)length, &width,
                           &height, &subsampling, &colorspace)
      != 0)
    {
      tool_error_set (error, _ ("%s: broken JPEG file: %s"), path,
                      tjGetErrorStr2 (handle));
      goto done;
    }
  if (colorspace == TJCS_CMYK || colorspace == TJCS_YCCK)
    {
      tool_error_set (error,
                      _ ("%s: a CMYK JPEG; only grayscale and colour (RGB) "
                         "JPEGs are read"),
                      path);
      goto done;
    }
  channels = colorspace == TJCS_GRAY ? 1 : 3;
  if (!io_image_allocate (image, width, height, channels, path, error))
    goto done;
  if (tjDecompress2 (handle, data, (unsigned long)length, image->pixels, width,
                     (int)image->stride, height,
                     channels == 1 ? TJPF_GRAY : TJPF_RGB, TJFLAG_ACCURATEDCT)
      != 0)
    {
      tool_error_set (error, _ ("%s: broken JPEG file: %s"), path,
                      tjGetErrorStr2 (handle));
      goto done;
    }
  ok = true;

done:
  tjDestroy (handle);
  free (data);
  return ok;
}
