/* io-jpeg.c: JPEG files as source images, decoded with libjpeg as most
 * viewers decode them (and as libturbojpeg's tjDecompress2 with
 * TJFLAG_ACCURATEDCT does): the accurate integer inverse DCT and fancy
 * upsampling (GIMP 2.10's loader uses the floating-point inverse DCT,
 * which can differ by a level in a few pixels).  A grayscale JPEG gives a
 * 1-channel image, any other a 3-channel RGB one.  The header is read
 * first, with the APP1 and APP2 markers kept: the Exif orientation and the
 * ICC profile go into the metadata, and the image's size goes to the
 * input's memory check before any pixel is decoded.  A file that has no
 * frame (only tables) is refused, and so is a file libjpeg-turbo can only
 * decode with a warning (corrupt or truncated data), with the library's
 * text, rather than filled in with guesses.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "io-formats.h"
#include "jpeg-errors.h"

/* An Exif APP1 marker starts with these 6 bytes, then the TIFF header. */
static const char exif_signature[6] = { 'E', 'x', 'i', 'f', 0, 0 };

/* The state of one read; libjpeg's errors jump back into io_jpeg_body,
 * whose own variables do not change after its setjmp. */
typedef struct
{
  struct jpeg_decompress_struct cinfo;
  JpegErrors errors;
  IoInput *input;
  JartImage *image;
  ToolError *error;
  bool message_set; /* ERROR already says what failed */
  JSAMPARRAY rows;
} IoJpegContext;

/* The orientation of the first Exif APP1 marker libjpeg kept. */
static int
io_jpeg_orientation (j_decompress_ptr cinfo)
{
  jpeg_saved_marker_ptr marker;

  for (marker = cinfo->marker_list; marker != NULL; marker = marker->next)
    if (marker->marker == JPEG_APP0 + 1
        && marker->data_length >= sizeof exif_signature
        && memcmp (marker->data, exif_signature, sizeof exif_signature) == 0)
      return io_exif_orientation (marker->data + sizeof exif_signature,
                                  marker->data_length - sizeof exif_signature);
  return 1;
}

/* What libjpeg holds besides the pixels: the coefficients of the whole
 * image for a progressive file (it decodes the last scan's from them),
 * and the profile. */
static uint64_t
io_jpeg_reader_bytes (j_decompress_ptr cinfo, uint64_t profile)
{
  uint64_t bytes = profile;
  int c;

  if (cinfo->progressive_mode || cinfo->buffered_image)
    for (c = 0; c < cinfo->num_components; c++)
      bytes += (uint64_t)cinfo->comp_info[c].width_in_blocks
               * (uint64_t)cinfo->comp_info[c].height_in_blocks * DCTSIZE2
               * sizeof (JCOEF);
  return bytes;
}

static bool
io_jpeg_body (IoJpegContext *context)
{
  j_decompress_ptr cinfo = &context->cinfo;
  IoInput *input = context->input;
  const char *path = input->path;
  JartImage *image = context->image;
  int channels, y;

  if (setjmp (context->errors.escape))
    return false;

  jpeg_create_decompress (cinfo);
  jpeg_stdio_src (cinfo, input->stream);
  jpeg_save_markers (cinfo, JPEG_APP0 + 1, 0xffff);
  jpeg_save_markers (cinfo, JPEG_APP0 + 2, 0xffff);
  if (jpeg_read_header (cinfo, FALSE) != JPEG_HEADER_OK)
    {
      tool_error_set (context->error,
                      _ ("%s: not a JPEG image: it has no frame"), path);
      context->message_set = true;
      return false;
    }
  if (cinfo->jpeg_color_space == JCS_CMYK
      || cinfo->jpeg_color_space == JCS_YCCK)
    {
      tool_error_set (context->error,
                      _ ("%s: a CMYK JPEG; only grayscale and colour (RGB) "
                         "JPEGs are read"),
                      path);
      context->message_set = true;
      return false;
    }
  input->metadata->orientation = io_jpeg_orientation (cinfo);
  {
    JOCTET *profile = NULL;
    unsigned int length = 0;

    if (jpeg_read_icc_profile (cinfo, &profile, &length) && length > 0)
      {
        input->metadata->icc = profile;
        input->metadata->icc_length = length;
      }
    else
      free (profile);
  }

  channels = cinfo->jpeg_color_space == JCS_GRAYSCALE ? 1 : 3;
  cinfo->out_color_space = channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
  cinfo->dct_method = JDCT_ISLOW;
  cinfo->do_fancy_upsampling = TRUE;
  if (!io_image_allocate (
          input, image, (int)cinfo->image_width, (int)cinfo->image_height,
          channels, io_jpeg_reader_bytes (cinfo, input->metadata->icc_length),
          context->error))
    {
      context->message_set = true;
      return false;
    }
  context->rows = malloc ((size_t)image->height * sizeof *context->rows);
  if (context->rows == NULL)
    {
      tool_error_set (context->error, _ ("%s: not enough memory"), path);
      context->message_set = true;
      return false;
    }
  for (y = 0; y < image->height; y++)
    context->rows[y] = image->pixels + (size_t)y * image->stride;

  jpeg_start_decompress (cinfo);
  while (cinfo->output_scanline < cinfo->output_height)
    jpeg_read_scanlines (cinfo, context->rows + cinfo->output_scanline,
                         cinfo->output_height - cinfo->output_scanline);
  jpeg_finish_decompress (cinfo);
  return true;
}

bool
io_jpeg_read (IoInput *input, JartImage *image, ToolError *error)
{
  IoJpegContext context;
  bool ok;

  memset (&context, 0, sizeof context);
  context.input = input;
  context.image = image;
  context.error = error;
  jpeg_errors_install (&context.errors, (j_common_ptr)&context.cinfo);
  ok = io_jpeg_body (&context);
  if (!ok && !context.message_set)
    tool_error_set (error, _ ("%s: broken JPEG file: %s"), input->path,
                    context.errors.message);
  jpeg_destroy_decompress (&context.cinfo);
  free (context.rows);
  return ok;
}
