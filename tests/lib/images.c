/* images.c: test pictures.  The synthetic patterns are chosen to reach the
 * corners of the round trip: noise keeps every coefficient busy and drives
 * the decoder's clamp, smooth gradients leave almost nothing to quantize,
 * and saturated 3-pixel checks put hard edges across block and MCU borders.
 * The photos are read with libpng (PNG) or TurboJPEG (JPEG).
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "images.h"

#include <math.h>
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <turbojpeg.h>

uint32_t
random_next (uint32_t *state)
{
  uint32_t x = *state ? *state : 0x9e3779b9u;

  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  *state = x;
  return x;
}

JartImage *
image_new (int width, int height, int channels)
{
  JartImage *image = malloc (sizeof *image);

  if (!image)
    {
      fprintf (stderr, "out of memory\n");
      exit (99);
    }
  image->width = width;
  image->height = height;
  image->channels = channels;
  image->stride = (size_t)width * channels;
  image->pixels = calloc ((size_t)height, image->stride);
  if (!image->pixels)
    {
      fprintf (stderr, "out of memory for a %dx%d image\n", width, height);
      exit (99);
    }
  return image;
}

void
image_free (JartImage *image)
{
  if (image)
    {
      free (image->pixels);
      free (image);
    }
}

JartImage *
image_copy (const JartImage *image)
{
  return image_crop (image, 0, 0, image->width, image->height);
}

JartImage *
image_crop (const JartImage *image, int x, int y, int width, int height)
{
  JartImage *out = image_new (width, height, image->channels);

  for (int row = 0; row < height; row++)
    memcpy (out->pixels + row * out->stride,
            image->pixels + (size_t)(y + row) * image->stride
                + (size_t)x * image->channels,
            out->stride);
  return out;
}

JartImage *
image_padded (const JartImage *image, size_t padding, uint8_t fill)
{
  JartImage *out = image_new (image->width, image->height, image->channels);
  size_t row_bytes = out->stride;

  free (out->pixels);
  out->stride = row_bytes + padding;
  out->pixels = malloc (out->stride * out->height);
  if (!out->pixels)
    {
      fprintf (stderr, "out of memory\n");
      exit (99);
    }
  memset (out->pixels, fill, out->stride * out->height);
  for (int row = 0; row < image->height; row++)
    memcpy (out->pixels + row * out->stride,
            image->pixels + (size_t)row * image->stride, row_bytes);
  return out;
}

int
image_padding_equal (const JartImage *a, const JartImage *b)
{
  size_t row_bytes = (size_t)a->width * a->channels;

  for (int row = 0; row < a->height; row++)
    if (memcmp (a->pixels + row * a->stride + row_bytes,
                b->pixels + row * b->stride + row_bytes, a->stride - row_bytes)
        != 0)
      return 0;
  return 1;
}

const char *
pattern_name (Pattern pattern)
{
  switch (pattern)
    {
    case PATTERN_NOISE:
      return "noise";
    case PATTERN_SMOOTH:
      return "smooth";
    case PATTERN_CHECKER:
      return "checker";
    default:
      return "?";
    }
}

/* The alpha mask: fully transparent and fully opaque patches (where
 * flattening gives the background or the colour itself) between pixels
 * of random partial alpha. */
static uint8_t
alpha_at (int x, int y, uint32_t *state)
{
  uint32_t r = random_next (state);

  switch ((x / 2 + 3 * (y / 2)) % 4)
    {
    case 0:
      return 0;
    case 1:
      return 255;
    default:
      return (uint8_t)(r >> 24);
    }
}

static uint8_t
colour_at (Pattern pattern, int x, int y, int c, int width, int height,
           uint32_t *state)
{
  switch (pattern)
    {
    case PATTERN_NOISE:
      return (uint8_t)(random_next (state) >> 24);
    case PATTERN_SMOOTH:
      {
        double u = width > 1 ? (double)x / (width - 1) : 0.5;
        double v = height > 1 ? (double)y / (height - 1) : 0.5;
        double value = 128.0 + 90.0 * (u - v) * (c == 1 ? -1.0 : 1.0)
                       + 30.0 * sin (0.21 * x + 0.13 * y + c);
        return (uint8_t)(value < 0 ? 0 : value > 255 ? 255 : value + 0.5);
      }
    case PATTERN_CHECKER:
      {
        static const uint8_t colours[4][3] = {
          { 255, 0, 255 }, { 0, 255, 0 }, { 255, 255, 0 }, { 0, 0, 255 }
        };
        int check = ((x / 3) + (y / 3)) % 2 + 2 * ((x / 9 + y / 9) % 2);
        return colours[check][c % 3];
      }
    default:
      return 0;
    }
}

void
image_fill (JartImage *image, Pattern pattern, uint32_t seed)
{
  uint32_t state = seed * 2654435761u + 12345u;
  int colours = image->channels >= 3 ? 3 : 1;
  int has_alpha = image->channels == 2 || image->channels == 4;

  for (int y = 0; y < image->height; y++)
    {
      uint8_t *row = image->pixels + (size_t)y * image->stride;
      for (int x = 0; x < image->width; x++)
        {
          uint8_t *px = row + (size_t)x * image->channels;
          for (int c = 0; c < colours; c++)
            px[c] = colour_at (pattern, x, y, colours == 1 ? 1 : c,
                               image->width, image->height, &state);
          if (has_alpha)
            px[colours] = alpha_at (x, y, &state);
        }
    }
}

JartImage *
image_add_alpha (const JartImage *image, uint32_t seed)
{
  JartImage *out
      = image_new (image->width, image->height, image->channels + 1);
  uint32_t state = seed * 2246822519u + 777u;

  for (int y = 0; y < image->height; y++)
    for (int x = 0; x < image->width; x++)
      {
        const uint8_t *in = image->pixels + (size_t)y * image->stride
                            + (size_t)x * image->channels;
        uint8_t *px = out->pixels + (size_t)y * out->stride
                      + (size_t)x * out->channels;
        memcpy (px, in, image->channels);
        px[image->channels] = alpha_at (x, y, &state);
      }
  return out;
}

static uint8_t *
read_file (const char *path, size_t *size)
{
  FILE *file = fopen (path, "rb");
  uint8_t *data = NULL;
  long length;

  if (!file)
    return NULL;
  if (fseek (file, 0, SEEK_END) == 0 && (length = ftell (file)) > 0
      && fseek (file, 0, SEEK_SET) == 0)
    {
      data = malloc ((size_t)length);
      if (data && fread (data, 1, (size_t)length, file) != (size_t)length)
        {
          free (data);
          data = NULL;
        }
      *size = (size_t)length;
    }
  fclose (file);
  return data;
}

static JartImage *
load_jpeg (const char *path, const uint8_t *data, size_t size)
{
  tjhandle handle = tjInitDecompress ();
  int width, height, subsamp, colorspace;
  JartImage *image = NULL;

  if (!handle)
    return NULL;
  if (tjDecompressHeader3 (handle, data, (unsigned long)size, &width, &height,
                           &subsamp, &colorspace)
      == 0)
    {
      int gray = colorspace == TJCS_GRAY;
      image = image_new (width, height, gray ? 1 : 3);
      if (tjDecompress2 (handle, data, (unsigned long)size, image->pixels,
                         width, 0, height, gray ? TJPF_GRAY : TJPF_RGB,
                         TJFLAG_ACCURATEDCT)
          != 0)
        {
          image_free (image);
          image = NULL;
        }
    }
  if (!image)
    fprintf (stderr, "%s: %s\n", path, tjGetErrorStr2 (handle));
  tjDestroy (handle);
  return image;
}

/* The PNG reader's state, kept out of the function that calls setjmp so
 * that nothing it changes needs to be volatile. */
typedef struct
{
  png_structp png;
  png_infop info;
  JartImage *image;
  png_bytep *rows;
} PngRead;

/* libpng's warnings (such as a known incorrect sRGB profile) do not
 * change the pixels; only errors stop the reading. */
static void
ignore_png_warning (png_structp png, png_const_charp message)
{
  (void)png;
  (void)message;
}

static int
load_png_rows (PngRead *read, FILE *file)
{
  int color_type, bit_depth, channels;

  if (setjmp (png_jmpbuf (read->png)))
    return 0;
  png_init_io (read->png, file);
  png_read_info (read->png, read->info);
  color_type = png_get_color_type (read->png, read->info);
  bit_depth = png_get_bit_depth (read->png, read->info);
  if (color_type == PNG_COLOR_TYPE_PALETTE)
    png_set_palette_to_rgb (read->png);
  if (color_type == PNG_COLOR_TYPE_GRAY && bit_depth < 8)
    png_set_expand_gray_1_2_4_to_8 (read->png);
  if (png_get_valid (read->png, read->info, PNG_INFO_tRNS))
    png_set_tRNS_to_alpha (read->png);
  if (bit_depth == 16)
    png_set_strip_16 (read->png);
  png_set_interlace_handling (read->png);
  png_read_update_info (read->png, read->info);
  channels = png_get_channels (read->png, read->info);
  if (channels < 1 || channels > 4)
    return 0;
  read->image = image_new ((int)png_get_image_width (read->png, read->info),
                           (int)png_get_image_height (read->png, read->info),
                           channels);
  read->rows = malloc (sizeof *read->rows * read->image->height);
  if (!read->rows)
    return 0;
  for (int y = 0; y < read->image->height; y++)
    read->rows[y] = read->image->pixels + (size_t)y * read->image->stride;
  png_read_image (read->png, read->rows);
  png_read_end (read->png, NULL);
  return 1;
}

static JartImage *
load_png (const char *path)
{
  PngRead read = { NULL, NULL, NULL, NULL };
  FILE *file = fopen (path, "rb");
  int ok = 0;

  if (!file)
    return NULL;
  read.png = png_create_read_struct (PNG_LIBPNG_VER_STRING, NULL, NULL,
                                     ignore_png_warning);
  if (read.png)
    read.info = png_create_info_struct (read.png);
  if (read.info)
    ok = load_png_rows (&read, file);
  png_destroy_read_struct (&read.png, &read.info, NULL);
  free (read.rows);
  fclose (file);
  if (!ok)
    {
      fprintf (stderr, "%s: not a readable PNG\n", path);
      image_free (read.image);
      return NULL;
    }
  return read.image;
}

JartImage *
image_load (const char *path)
{
  size_t size = 0;
  uint8_t *data = read_file (path, &size);
  JartImage *image = NULL;

  if (!data)
    {
      fprintf (stderr, "%s: cannot read the file\n", path);
      return NULL;
    }
  if (size >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
    image = load_jpeg (path, data, size);
  else if (size >= 8 && png_sig_cmp (data, 0, 8) == 0)
    image = load_png (path);
  else
    fprintf (stderr, "%s: neither a PNG nor a JPEG\n", path);
  free (data);
  return image;
}
