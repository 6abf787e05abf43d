/* image-meta.c: what an input file says about its pixels beyond their
 * values.  The Exif orientation is read from the TIFF structure of an
 * Exif block (TIFF 6.0 section 2: a byte-order mark, 42, the offset of
 * the first IFD, whose 12-byte entries hold tag 0x0112 as a SHORT) and
 * applied when writing: the output's rows are read from the stored pixels
 * along the line a viewer shows as that row.  Colour information (ICC
 * profile, sRGB, gAMA, cHRM) is kept for a PNG output; what an output
 * cannot hold (or libpng refuses) is dropped with a note.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "io-formats.h"

#define EXIF_TAG_ORIENTATION 0x0112
#define EXIF_TYPE_SHORT 3

static uint32_t
exif_get (const unsigned char *p, int bytes, bool big_endian)
{
  uint32_t value = 0;
  int i;

  for (i = 0; i < bytes; i++)
    value |= (uint32_t)p[big_endian ? i : bytes - 1 - i]
             << (8 * (bytes - 1 - i));
  return value;
}

int
io_exif_orientation (const unsigned char *data, size_t length)
{
  bool big_endian;
  size_t ifd, count, i;

  if (length < 8)
    return 1;
  if (data[0] == 'I' && data[1] == 'I')
    big_endian = false;
  else if (data[0] == 'M' && data[1] == 'M')
    big_endian = true;
  else
    return 1;
  if (exif_get (data + 2, 2, big_endian) != 42)
    return 1;
  ifd = exif_get (data + 4, 4, big_endian);
  if (ifd < 8 || ifd > length - 2)
    return 1;
  count = exif_get (data + ifd, 2, big_endian);
  for (i = 0; i < count && (length - ifd - 2) / 12 > i; i++)
    {
      const unsigned char *entry = data + ifd + 2 + 12 * i;

      if (exif_get (entry, 2, big_endian) == EXIF_TAG_ORIENTATION)
        {
          uint32_t value = exif_get (entry + 8, 2, big_endian);

          if (exif_get (entry + 2, 2, big_endian) != EXIF_TYPE_SHORT
              || exif_get (entry + 4, 4, big_endian) < 1 || value < 1
              || value > 8)
            return 1;
          return (int)value;
        }
    }
  return 1;
}

void
io_oriented_size (const JartImage *image, int orientation, int *width,
                  int *height)
{
  bool transposed = orientation >= 5 && orientation <= 8;

  *width = transposed ? image->height : image->width;
  *height = transposed ? image->width : image->height;
}

const uint8_t *
io_oriented_row (const JartImage *image, int orientation, int y,
                 uint8_t *buffer)
{
  /* Where the shown row Y starts in the stored pixels, and the step from
     one of its pixels to the next, as (column, row). */
  int last_x = image->width - 1, last_y = image->height - 1;
  int x0, y0, dx, dy, width, height, x, c;
  const int channels = image->channels;
  ptrdiff_t step;
  const uint8_t *p;

  switch (orientation)
    {
    case 2: /* mirrored left to right */
      x0 = last_x, y0 = y, dx = -1, dy = 0;
      break;
    case 3: /* turned 180 degrees */
      x0 = last_x, y0 = last_y - y, dx = -1, dy = 0;
      break;
    case 4: /* mirrored top to bottom */
      return image->pixels + (size_t)(last_y - y) * image->stride;
    case 5: /* mirrored along the main diagonal */
      x0 = y, y0 = 0, dx = 0, dy = 1;
      break;
    case 6: /* stored turned 90 degrees anticlockwise */
      x0 = y, y0 = last_y, dx = 0, dy = -1;
      break;
    case 7: /* mirrored along the other diagonal */
      x0 = last_x - y, y0 = last_y, dx = 0, dy = -1;
      break;
    case 8: /* stored turned 90 degrees clockwise */
      x0 = last_x - y, y0 = 0, dx = 0, dy = 1;
      break;
    default:
      return image->pixels + (size_t)y * image->stride;
    }
  io_oriented_size (image, orientation, &width, &height);
  step = (ptrdiff_t)dx * channels + (ptrdiff_t)dy * (ptrdiff_t)image->stride;
  p = image->pixels + (size_t)y0 * image->stride + (size_t)x0 * channels;
  for (x = 0; x < width; x++, p += step)
    for (c = 0; c < channels; c++)
      buffer[(size_t)x * channels + c] = p[c];
  return buffer;
}

/* Drops METADATA's colour information, keeps its orientation. */
static void
image_metadata_free_colour (ImageMetadata *metadata)
{
  int orientation = metadata->orientation;

  free (metadata->icc);
  memset (metadata, 0, sizeof *metadata);
  metadata->orientation = orientation;
}

static bool
metadata_has_colour (const ImageMetadata *metadata)
{
  return metadata->icc != NULL || metadata->has_srgb || metadata->has_gamma
         || metadata->has_chrm;
}

bool
image_metadata_fit (ImageMetadata *metadata, ImageFormat format, int channels,
                    const char *input, const char *output, ToolError *note)
{
  char reason[256];

  if (format != IMAGE_FORMAT_PNG)
    {
      if (!metadata_has_colour (metadata))
        return false;
      image_metadata_free_colour (metadata);
      tool_error_set (note,
                      _ ("%s: PGM and PPM files hold no colour profile, "
                         "gamma or chromaticities; those of %s are left out "
                         "(a .png output keeps them)"),
                      output, input);
      return true;
    }
  if (metadata_has_colour (metadata)
      && !io_png_colour_fits (metadata, channels, reason, sizeof reason))
    {
      image_metadata_free_colour (metadata);
      tool_error_set (note,
                      _ ("%s: the colour profile, gamma and chromaticities "
                         "of %s are left out, as libpng refuses them: %s"),
                      output, input, reason);
      return true;
    }
  return false;
}

void
image_metadata_free (ImageMetadata *metadata)
{
  image_metadata_free_colour (metadata);
  metadata->orientation = 1;
}
