/* io-png.c: PNG files through libpng's transformations.
 *
 * Reading expands palettes to RGB, a tRNS chunk to an alpha channel and
 * gray of 1, 2 or 4 bits to 8; 16-bit samples are scaled to 8 bits with
 * rounding (png_set_scale_16: v * 255 / 65535 to the nearest).  No gamma
 * or colour-profile conversion is applied: the samples are taken as the
 * gamma-encoded values they are.  Writing stores 8-bit gray, gray + alpha,
 * RGB or RGBA, as the image has.
 *
 * libpng reports errors by longjmp; each setjmp sits in a function whose own
 * variables do not change after it, and all state lives in a IoPngContext.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <png.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "io-formats.h"

typedef struct
{
  FILE *stream;
  const char *path;
  ToolError *error;
  bool reading;
  bool message_set;        /* ERROR already says what failed */
  JartImage *image;        /* reading: the image to fill in */
  const JartImage *source; /* writing: the image to store */
  png_bytep *rows;
} IoPngContext;

static void
io_png_on_error (png_structp png, png_const_charp message)
{
  IoPngContext *context = png_get_error_ptr (png);

  if (!context->message_set)
    {
      if (context->reading)
        tool_error_set (context->error, _ ("%s: broken PNG file: %s"),
                        context->path, message);
      else
        tool_error_set (context->error, _ ("cannot write %s: %s"),
                        context->path, message);
      context->message_set = true;
    }
  png_longjmp (png, 1);
}

static void
io_png_on_warning (png_structp png, png_const_charp message)
{
  /* Warnings (an unusual colour profile, a chunk out of place) do not stop
   * the image from being read; they are not shown. */
  (void)png;
  (void)message;
}

static void
io_png_on_read (png_structp png, png_bytep data, size_t length)
{
  IoPngContext *context = png_get_io_ptr (png);

  if (fread (data, 1, length, context->stream) == length)
    return;
  if (ferror (context->stream))
    tool_error_set (context->error, _ ("cannot read %s: %s"), context->path,
                    strerror (errno));
  else
    tool_error_set (context->error,
                    _ ("%s: broken PNG file: it ends too early"),
                    context->path);
  context->message_set = true;
  png_error (png, "read failed");
}

static void
io_png_on_write (png_structp png, png_bytep data, size_t length)
{
  IoPngContext *context = png_get_io_ptr (png);

  if (fwrite (data, 1, length, context->stream) == length)
    return;
  tool_error_set (context->error, _ ("cannot write %s: %s"), context->path,
                  strerror (errno));
  context->message_set = true;
  png_error (png, "write failed");
}

static void
io_png_on_flush (png_structp png)
{
  IoPngContext *context = png_get_io_ptr (png);

  if (fflush (context->stream) == 0)
    return;
  tool_error_set (context->error, _ ("cannot write %s: %s"), context->path,
                  strerror (errno));
  context->message_set = true;
  png_error (png, "flush failed");
}

/* Points CONTEXT->rows at the rows of CONTEXT->image. */
static bool
io_png_make_rows (IoPngContext *context)
{
  JartImage *image = context->image;
  int y;

  context->rows = malloc ((size_t)image->height * sizeof *context->rows);
  if (context->rows == NULL)
    return false;
  for (y = 0; y < image->height; y++)
    context->rows[y] = image->pixels + (size_t)y * image->stride;
  return true;
}

static bool
io_png_read_body (png_structp png, png_infop info, IoPngContext *context)
{
  png_uint_32 width, height;
  int bit_depth, color_type, channels;

  if (setjmp (png_jmpbuf (png)))
    return false;

  png_set_read_fn (png, context, io_png_on_read);
  png_read_info (png, info);
  png_get_IHDR (png, info, &width, &height, &bit_depth, &color_type, NULL,
                NULL, NULL);

  if (color_type == PNG_COLOR_TYPE_PALETTE)
    png_set_palette_to_rgb (png);
  if (color_type == PNG_COLOR_TYPE_GRAY && bit_depth < 8)
    png_set_expand_gray_1_2_4_to_8 (png);
  if (png_get_valid (png, info, PNG_INFO_tRNS))
    png_set_tRNS_to_alpha (png);
  if (bit_depth == 16)
    png_set_scale_16 (png);
  png_set_interlace_handling (png);
  png_read_update_info (png, info);

  channels = png_get_channels (png, info);
  if (png_get_bit_depth (png, info) != 8 || channels < 1 || channels > 4)
    {
      tool_error_set (context->error,
                      _ ("%s: unsupported PNG layout (%d channels of %d "
                         "bits)"),
                      context->path, channels, png_get_bit_depth (png, info));
      return false;
    }
  if (width > JART_MAX_DIMENSION || height > JART_MAX_DIMENSION)
    {
      tool_error_set (context->error,
                      _ ("%s: the image is %lu x %lu pixels; width and "
                         "height must be 1 to %d"),
                      context->path, (unsigned long)width,
                      (unsigned long)height, JART_MAX_DIMENSION);
      return false;
    }
  if (!io_image_allocate (context->image, (int)width, (int)height, channels,
                          context->path, context->error))
    return false;
  if (png_get_rowbytes (png, info) != context->image->stride
      || !io_png_make_rows (context))
    {
      tool_error_set (context->error, _ ("%s: not enough memory"),
                      context->path);
      return false;
    }
  png_read_image (png, context->rows);
  png_read_end (png, NULL);
  return true;
}

bool
io_png_read (FILE *stream, const char *path, JartImage *image,
             ToolError *error)
{
  IoPngContext context
      = { stream, path, error, true, false, image, NULL, NULL };
  png_structp png;
  png_infop info;
  bool ok;

  png = png_create_read_struct (PNG_LIBPNG_VER_STRING, &context,
                                io_png_on_error, io_png_on_warning);
  info = png != NULL ? png_create_info_struct (png) : NULL;
  if (info == NULL)
    {
      png_destroy_read_struct (&png, NULL, NULL);
      tool_error_set (error, _ ("%s: not enough memory"), path);
      return false;
    }
  ok = io_png_read_body (png, info, &context);
  png_destroy_read_struct (&png, &info, NULL);
  free (context.rows);
  return ok;
}

static bool
io_png_write_body (png_structp png, png_infop info, IoPngContext *context)
{
  static const int color_types[5]
      = { 0, PNG_COLOR_TYPE_GRAY, PNG_COLOR_TYPE_GRAY_ALPHA,
          PNG_COLOR_TYPE_RGB, PNG_COLOR_TYPE_RGB_ALPHA };
  const JartImage *image = context->source;
  int y;

  if (setjmp (png_jmpbuf (png)))
    return false;

  png_set_write_fn (png, context, io_png_on_write, io_png_on_flush);
  png_set_IHDR (png, info, (png_uint_32)image->width,
                (png_uint_32)image->height, 8, color_types[image->channels],
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                PNG_FILTER_TYPE_DEFAULT);
  png_write_info (png, info);
  for (y = 0; y < image->height; y++)
    png_write_row (png, image->pixels + (size_t)y * image->stride);
  png_write_end (png, NULL);
  png_write_flush (png);
  return true;
}

bool
io_png_write (FILE *stream, const char *path, const JartImage *image,
              ToolError *error)
{
  IoPngContext context
      = { stream, path, error, false, false, NULL, image, NULL };
  png_structp png;
  png_infop info;
  bool ok;

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, &context,
                                 io_png_on_error, io_png_on_warning);
  info = png != NULL ? png_create_info_struct (png) : NULL;
  if (info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      tool_error_set (error, _ ("cannot write %s: not enough memory"), path);
      return false;
    }
  ok = io_png_write_body (png, info, &context);
  png_destroy_write_struct (&png, &info);
  return ok;
}
