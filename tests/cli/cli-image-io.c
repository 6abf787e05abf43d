/* cli-image-io.c: cli-image's pictures and files: reading PNG (8- and
 * 16-bit, through libpng), PGM and PPM files with code of its own, writing
 * netpbm and PNG files, making the deterministic test pictures, and the
 * commands that make, describe and convert images.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cli-image.h"

#include <math.h>
#include <png.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Noreturn void
die (const char *format, const char *detail)
{
  fprintf (stderr, "cli-image: ");
  fprintf (stderr, format, detail);
  fputc ('\n', stderr);
  exit (1);
}

size_t
picture_size (const Picture *picture)
{
  return (size_t)picture->width * picture->height * picture->channels;
}

void
picture_allocate (Picture *picture, int width, int height, int channels)
{
  picture->width = width;
  picture->height = height;
  picture->channels = channels;
  picture->pixels = malloc (picture_size (picture));
  if (picture->pixels == NULL)
    die ("%s", "out of memory");
}

/* Reads a header number of a netpbm file, skipping whitespace and
 * comments. */
static int
pnm_number (FILE *file, const char *path)
{
  int c, value = 0;

  do
    {
      c = getc (file);
      if (c == '#')
        while (c != '\n' && c != EOF)
          c = getc (file);
    }
  while (c == ' ' || c == '\t' || c == '\n' || c == '\r');
  if (c < '0' || c > '9')
    die ("%s: bad netpbm header", path);
  while (c >= '0' && c <= '9')
    {
      value = value * 10 + (c - '0');
      c = getc (file);
    }
  return value;
}

static void
load_pnm (const char *path, Picture *picture)
{
  FILE *file = fopen (path, "rb");
  int type, width, height;

  if (file == NULL || getc (file) != 'P')
    die ("%s: cannot read or not netpbm", path);
  type = getc (file);
  if (type != '5' && type != '6')
    die ("%s: not P5 or P6", path);
  width = pnm_number (file, path);
  height = pnm_number (file, path);
  if (pnm_number (file, path) != 255)
    die ("%s: maxval is not 255", path);
  picture_allocate (picture, width, height, type == '5' ? 1 : 3);
  if (fread (picture->pixels, 1, picture_size (picture), file)
      != picture_size (picture))
    die ("%s: truncated", path);
  fclose (file);
}

/* The samples of a 16-bit gray or RGB PNG (with or without alpha) through
 * libpng's low-level API, no gamma conversion (the simplified API takes
 * 16-bit files without a gAMA chunk as linear light, as GEGL's png-save
 * writes them): with SCALE each scaled to 8 bits with rounding into
 * PICTURE, else as the file has them, two bytes each, most significant
 * first (PICTURE's width then counts bytes of one channel's samples
 * twice). */
static void
read_png16 (const char *path, int scale, Picture *picture)
{
  FILE *file = fopen (path, "rb");
  png_structp png;
  png_infop info;
  png_bytep *rows;
  int y, color_type, channels;
  size_t row;

  if (file == NULL)
    die ("%s: cannot open", path);
  png = png_create_read_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  info = png_create_info_struct (png);
  if (setjmp (png_jmpbuf (png)))
    die ("%s: cannot decode 16-bit PNG", path);
  png_init_io (png, file);
  png_read_info (png, info);
  color_type = png_get_color_type (png, info);
  channels = png_get_channels (png, info);
  if (color_type & PNG_COLOR_MASK_PALETTE)
    die ("%s: a 16-bit palette?", path);
  if (scale)
    png_set_scale_16 (png);
  png_set_interlace_handling (png);
  png_read_update_info (png, info);
  picture_allocate (picture,
                    (int)png_get_image_width (png, info) * (scale ? 1 : 2),
                    (int)png_get_image_height (png, info), channels);
  row = png_get_rowbytes (png, info);
  rows = malloc ((size_t)picture->height * sizeof *rows);
  for (y = 0; y < picture->height; y++)
    rows[y] = picture->pixels + (size_t)y * row;
  png_read_image (png, rows);
  png_read_end (png, NULL);
  png_destroy_read_struct (&png, &info, NULL);
  free (rows);
  fclose (file);
}

int
command_alpha16 (const char *path)
{
  Picture picture;
  size_t i, n, step;
  unsigned lo = 65535, hi = 0;

  read_png16 (path, 0, &picture);
  if (picture.channels != 2 && picture.channels != 4)
    die ("%s: no alpha", path);
  step = 2 * (size_t)picture.channels;
  n = picture_size (&picture);
  for (i = step - 2; i < n; i += step)
    {
      unsigned a = (unsigned)picture.pixels[i] << 8 | picture.pixels[i + 1];

      lo = a < lo ? a : lo;
      hi = a > hi ? a : hi;
    }
  printf ("%u %u\n", lo, hi);
  free (picture.pixels);
  return 0;
}

/* An 8-bit PNG through libpng's simplified API, in the file's own
 * channels (a palette gives RGB or RGBA); a 16-bit one through
 * read_png16, scaled to 8 bits. */
static void
load_png (const char *path, Picture *picture)
{
  png_image image;

  memset (&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file (&image, path))
    die ("%s: cannot read PNG", path);
  if (image.format & PNG_FORMAT_FLAG_LINEAR)
    {
      png_image_free (&image);
      read_png16 (path, 1, picture);
      return;
    }
  image.format
      &= ~(png_uint_32)(PNG_FORMAT_FLAG_COLORMAP | PNG_FORMAT_FLAG_LINEAR);
  picture_allocate (picture, (int)image.width, (int)image.height,
                    (int)PNG_IMAGE_PIXEL_CHANNELS (image.format));
  if (!png_image_finish_read (&image, NULL, picture->pixels, 0, NULL))
    die ("%s: cannot decode PNG", path);
}

void
load (const char *path, Picture *picture)
{
  FILE *file = fopen (path, "rb");
  int c;

  if (file == NULL)
    die ("%s: cannot open", path);
  c = getc (file);
  fclose (file);
  if (c == 'P')
    load_pnm (path, picture);
  else
    load_png (path, picture);
}

void
save_pnm (const char *path, const Picture *picture, const char *comment)
{
  FILE *file = fopen (path, "wb");

  if (file == NULL)
    die ("%s: cannot create", path);
  fprintf (file, "P%c\n", picture->channels == 1 ? '5' : '6');
  if (comment != NULL)
    fprintf (file, "# %s\n", comment);
  fprintf (file, "%d %d\n255\n", picture->width, picture->height);
  if (fwrite (picture->pixels, 1, picture_size (picture), file)
          != picture_size (picture)
      || fclose (file) != 0)
    die ("%s: cannot write", path);
}

/* Writes an image with libpng's classic API: COLOR_TYPE, BIT_DEPTH and
 * ROWS as given, a palette of PALETTE_SIZE entries, a tRNS chunk when TRNS
 * is not NULL (the palette's alpha values, or for gray the one transparent
 * level TRNS[0]), Adam7 when INTERLACED. */
static void
save_png_raw (const char *path, int width, int height, int color_type,
              int bit_depth, unsigned char **rows, const png_color *palette,
              int palette_size, const unsigned char *trns, int interlaced)
{
  FILE *file = fopen (path, "wb");
  png_structp png;
  png_infop info;

  if (file == NULL)
    die ("%s: cannot create", path);
  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  info = png_create_info_struct (png);
  if (setjmp (png_jmpbuf (png)))
    die ("%s: libpng failed", path);
  png_init_io (png, file);
  png_set_IHDR (png, info, (png_uint_32)width, (png_uint_32)height, bit_depth,
                color_type,
                interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE,
                PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (palette != NULL)
    png_set_PLTE (png, info, palette, palette_size);
  if (trns != NULL && palette != NULL)
    png_set_tRNS (png, info, trns, palette_size, NULL);
  else if (trns != NULL)
    {
      png_color_16 transparent;

      memset (&transparent, 0, sizeof transparent);
      transparent.gray = trns[0];
      png_set_tRNS (png, info, NULL, 0, &transparent);
    }
  png_write_info (png, info);
  png_write_image (png, rows);
  png_write_end (png, NULL);
  png_destroy_write_struct (&png, &info);
  if (fclose (file) != 0)
    die ("%s: cannot write", path);
}

/* A deterministic test picture: smooth gradients, texture and a sharp
 * square, so that JPEG has something to change; alpha runs through every
 * value from 0 to 255. */
static unsigned char
pattern (int x, int y, int c, int channels)
{
  uint32_t h = (uint32_t)x * 73856093u ^ (uint32_t)y * 19349663u
               ^ (uint32_t)c * 83492791u;

  if ((channels == 2 && c == 1) || (channels == 4 && c == 3))
    return (unsigned char)((x * 13 + y * 7) & 255);
  h = (h ^ (h >> 13)) * 0x5bd1e995u;
  if (x > 10 && x < 30 && y > 12 && y < 28)
    return (unsigned char)(c * 90);
  return (unsigned char)((x * 4 + y * 2 + c * 60 + (int)((h >> 24) & 31))
                         & 255);
}

int
command_make_png (const char *path, const char *kind, int width, int height)
{
  static const struct
  {
    const char *name;
    int color_type;
    int channels;
  } kinds[] = { { "gray", PNG_COLOR_TYPE_GRAY, 1 },
                { "gray-alpha", PNG_COLOR_TYPE_GRAY_ALPHA, 2 },
                { "gray-trns", PNG_COLOR_TYPE_GRAY, 1 },
                { "rgb", PNG_COLOR_TYPE_RGB, 3 },
                { "rgb-interlaced", PNG_COLOR_TYPE_RGB, 3 },
                { "rgba", PNG_COLOR_TYPE_RGB_ALPHA, 4 },
                { "flat", PNG_COLOR_TYPE_RGB, 3 },
                { "clear", PNG_COLOR_TYPE_RGB_ALPHA, 4 },
                { "palette", PNG_COLOR_TYPE_PALETTE, 1 },
                { "palette-alpha", PNG_COLOR_TYPE_PALETTE, 1 } };
  png_color palette[16];
  unsigned char trns[16];
  /* The sharp square of pattern() is gray level 0 in channel 0. */
  static const unsigned char gray_trns[1] = { 0 };
  unsigned char **rows;
  int k, x, y, c, is_palette;

  for (k = 0; k < (int)(sizeof kinds / sizeof kinds[0]); k++)
    if (strcmp (kind, kinds[k].name) == 0)
      break;
  if (k == (int)(sizeof kinds / sizeof kinds[0]))
    die ("unknown kind %s", kind);
  is_palette = kinds[k].color_type == PNG_COLOR_TYPE_PALETTE;
  for (x = 0; x < 16; x++)
    {
      palette[x].red = (png_byte)(x * 16);
      palette[x].green = (png_byte)(255 - x * 16);
      palette[x].blue = (png_byte)(x * 37 & 255);
      trns[x] = (unsigned char)(x * 17);
    }

  rows = malloc ((size_t)height * sizeof *rows);
  for (y = 0; y < height; y++)
    {
      rows[y] = malloc ((size_t)width * kinds[k].channels);
      for (x = 0; x < width; x++)
        for (c = 0; c < kinds[k].channels; c++)
          {
            unsigned char *sample = &rows[y][x * kinds[k].channels + c];

            if (is_palette)
              *sample = (unsigned char)((x / 4 + y / 3) % 16);
            else if (strcmp (kind, "flat") == 0)
              *sample = 128;
            else if (strcmp (kind, "clear") == 0 && c == 3)
              *sample = 0;
            else
              *sample = pattern (x, y, c, kinds[k].channels);
          }
    }
  save_png_raw (path, width, height, kinds[k].color_type, 8, rows,
                is_palette ? palette : NULL, 16,
                strcmp (kind, "palette-alpha") == 0 ? trns
                : strcmp (kind, "gray-trns") == 0   ? gray_trns
                                                    : NULL,
                strcmp (kind, "rgb-interlaced") == 0);
  for (y = 0; y < height; y++)
    free (rows[y]);
  free (rows);
  return 0;
}

/* A 16-bit RGBA PNG of one colour: gray level VALUE, alpha ALPHA. */
int
command_make_png16 (const char *path, int width, int height, int value,
                    int alpha)
{
  unsigned char **rows = malloc ((size_t)height * sizeof *rows);
  int x, y, c;

  for (y = 0; y < height; y++)
    {
      rows[y] = malloc ((size_t)width * 8);
      for (x = 0; x < width; x++)
        for (c = 0; c < 4; c++)
          {
            int v = c == 3 ? alpha : value;

            rows[y][x * 8 + c * 2] = (unsigned char)(v >> 8);
            rows[y][x * 8 + c * 2 + 1] = (unsigned char)(v & 255);
          }
    }
  save_png_raw (path, width, height, PNG_COLOR_TYPE_RGB_ALPHA, 16, rows, NULL,
                0, NULL, 0);
  for (y = 0; y < height; y++)
    free (rows[y]);
  free (rows);
  return 0;
}

unsigned char *
read_file (const char *path, unsigned long *size)
{
  FILE *file = fopen (path, "rb");
  unsigned char *data;
  long length = 0;

  if (file == NULL || fseek (file, 0, SEEK_END) != 0
      || (length = ftell (file)) < 0 || fseek (file, 0, SEEK_SET) != 0)
    die ("%s: cannot read", path);
  data = malloc ((size_t)length + 1);
  if (data == NULL || fread (data, 1, (size_t)length, file) != (size_t)length)
    die ("%s: cannot read", path);
  fclose (file);
  *size = (unsigned long)length;
  return data;
}

int
command_info (const char *path)
{
  Picture picture;

  load (path, &picture);
  printf ("%d %d %d\n", picture.width, picture.height, picture.channels);
  free (picture.pixels);
  return 0;
}

int
command_to_pnm (const char *in, const char *out)
{
  Picture picture;

  load (in, &picture);
  if (picture.channels != 1 && picture.channels != 3)
    die ("%s: needs gray or RGB", in);
  save_pnm (out, &picture, "written by the cli tests");
  free (picture.pixels);
  return 0;
}
