/* cli-image.c: the image helper of the command-line tool's tests.  It makes
 * test images, converts and decodes them with code paths of its own (the
 * libpng simplified API, its own netpbm reader and writer, plain
 * TurboJPEG calls), computes reference JPEG round trips and file sizes with
 * libturbojpeg (and its libjpeg API for the floating-point DCTs, which
 * TurboJPEG lacks), and checks images: their size and channels, whether two
 * are identical, whether their alpha channels are, how many pixels differ and
 * the PSNR, whether every pixel is near a colour. Each command exits 0 when it
 * did its job or its check held, 1 otherwise, with a line on stderr saying
 * what differed.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _POSIX_C_SOURCE 200809L /* setenv */

#include <math.h>
#include <png.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <turbojpeg.h>
/* jpeglib.h needs size_t and FILE declared first. */
#include <jpeglib.h>

typedef struct
{
  unsigned char *pixels;
  int width;
  int height;
  int channels;
} Picture;

static void
die (const char *format, const char *detail)
{
  fprintf (stderr, "cli-image: ");
  fprintf (stderr, format, detail);
  fputc ('\n', stderr);
  exit (1);
}

static size_t
picture_size (const Picture *picture)
{
  return (size_t)picture->width * picture->height * picture->channels;
}

static void
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

/* A 16-bit gray or RGB PNG (with or without alpha) through libpng's
 * low-level API, each sample scaled to 8 bits with rounding and no gamma
 * conversion (the simplified API takes 16-bit files without a gAMA chunk
 * as linear light, as GEGL's png-save writes them). */
static void
load_png16 (const char *path, Picture *picture)
{
  FILE *file = fopen (path, "rb");
  png_structp png;
  png_infop info;
  png_bytep *rows;
  int y, color_type, channels;

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
  png_set_scale_16 (png);
  png_set_interlace_handling (png);
  png_read_update_info (png, info);
  picture_allocate (picture, (int)png_get_image_width (png, info),
                    (int)png_get_image_height (png, info), channels);
  rows = malloc ((size_t)picture->height * sizeof *rows);
  for (y = 0; y < picture->height; y++)
    rows[y] = picture->pixels
              + (size_t)y * (size_t)picture->width * (size_t)channels;
  png_read_image (png, rows);
  png_read_end (png, NULL);
  png_destroy_read_struct (&png, &info, NULL);
  free (rows);
  fclose (file);
}

/* An 8-bit PNG through libpng's simplified API, in the file's own
 * channels (a palette gives RGB or RGBA); a 16-bit one through
 * load_png16. */
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
      load_png16 (path, picture);
      return;
    }
  image.format
      &= ~(png_uint_32)(PNG_FORMAT_FLAG_COLORMAP | PNG_FORMAT_FLAG_LINEAR);
  picture_allocate (picture, (int)image.width, (int)image.height,
                    (int)PNG_IMAGE_PIXEL_CHANNELS (image.format));
  if (!png_image_finish_read (&image, NULL, picture->pixels, 0, NULL))
    die ("%s: cannot decode PNG", path);
}

static void
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

static void
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
  uint32_t h = (uint32_t)(x * 73856093) ^ (uint32_t)(y * 19349663)
               ^ (uint32_t)(c * 83492791);

  if ((channels == 2 && c == 1) || (channels == 4 && c == 3))
    return (unsigned char)((x * 13 + y * 7) & 255);
  h = (h ^ (h >> 13)) * 0x5bd1e995u;
  if (x > 10 && x < 30 && y > 12 && y < 28)
    return (unsigned char)(c * 90);
  return (unsigned char)((x * 4 + y * 2 + c * 60 + (int)((h >> 24) & 31))
                         & 255);
}

static int
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
static int
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

static unsigned char *
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

/* Decodes a JPEG with TurboJPEG (accurate IDCT) into a PGM or PPM. */
static int
command_jpeg_to_pnm (const char *in, const char *out)
{
  unsigned long size;
  unsigned char *data = read_file (in, &size);
  tjhandle handle = tjInitDecompress ();
  int width, height, subsampling, colorspace;
  Picture picture;

  if (tjDecompressHeader3 (handle, data, size, &width, &height, &subsampling,
                           &colorspace)
      != 0)
    die ("%s: bad JPEG", in);
  picture_allocate (&picture, width, height, colorspace == TJCS_GRAY ? 1 : 3);
  if (tjDecompress2 (handle, data, size, picture.pixels, width, 0, height,
                     picture.channels == 1 ? TJPF_GRAY : TJPF_RGB,
                     TJFLAG_ACCURATEDCT)
      != 0)
    die ("%s: cannot decode", in);
  tjDestroy (handle);
  save_pnm (out, &picture, NULL);
  free (picture.pixels);
  free (data);
  return 0;
}

/* Compresses IN (gray or RGB) with TurboJPEG at QUALITY, 4:4:4. */
static int
command_make_jpeg (const char *in, const char *out, int quality)
{
  Picture picture;
  tjhandle handle = tjInitCompress ();
  unsigned char *jpeg = NULL;
  unsigned long size = 0;
  FILE *file;

  load (in, &picture);
  if (picture.channels != 1 && picture.channels != 3)
    die ("%s: needs gray or RGB", in);
  if (tjCompress2 (handle, picture.pixels, picture.width, 0, picture.height,
                   picture.channels == 1 ? TJPF_GRAY : TJPF_RGB, &jpeg, &size,
                   picture.channels == 1 ? TJSAMP_GRAY : TJSAMP_444, quality,
                   TJFLAG_ACCURATEDCT)
      != 0)
    die ("%s: cannot compress", in);
  file = fopen (out, "wb");
  if (file == NULL || fwrite (jpeg, 1, size, file) != size
      || fclose (file) != 0)
    die ("%s: cannot write", out);
  tjFree (jpeg);
  tjDestroy (handle);
  free (picture.pixels);
  return 0;
}

/* TurboJPEG's subsampling and flags for PICTURE encoded with
 * SUBSAMPLING_NAME, DCT ("fast" or "accurate") and QUALITY, as the codec
 * must compute them. */
static void
encoding_of (const Picture *picture, const char *in,
             const char *subsampling_name, const char *dct, int quality,
             int *subsampling, int *flags)
{
  static const char *const names[]
      = { "444", "422", "420", "gray", "440", "411" };

  for (*subsampling = 0; *subsampling < 6; (*subsampling)++)
    if (strcmp (subsampling_name, names[*subsampling]) == 0)
      break;
  if (*subsampling == 6)
    die ("unknown subsampling %s", subsampling_name);
  if (picture->channels == 1)
    *subsampling = TJSAMP_GRAY;
  else if (picture->channels != 3)
    die ("%s: needs gray or RGB", in);
  /* TurboJPEG's compressor uses the fast DCT below quality 96 unless told
   * otherwise; the decompressor the accurate one unless told otherwise. */
  *flags = strcmp (dct, "fast") == 0 ? 0 : TJFLAG_ACCURATEDCT;
  if (*flags == 0 && quality >= 96)
    die ("%s", "the fast DCT needs a quality below 96 here");
}

/* Prints the bytes of the JPEG file tjCompress2 writes for IN with its
 * default (standard) Huffman tables, or with CODING "optimized" its optimal
 * ones (TJ_OPTIMIZE=1), or "progressive" (TJFLAG_PROGRESSIVE: libjpeg's
 * default progression). */
static int
command_jpeg_size (const char *in, int quality, const char *subsampling_name,
                   const char *dct, const char *coding)
{
  Picture picture;
  int subsampling, flags;
  tjhandle handle;
  unsigned char *jpeg = NULL;
  unsigned long size = 0;

  load (in, &picture);
  encoding_of (&picture, in, subsampling_name, dct, quality, &subsampling,
               &flags);
  if (strcmp (coding, "optimized") == 0)
    setenv ("TJ_OPTIMIZE", "1", 1);
  else if (strcmp (coding, "progressive") == 0)
    flags |= TJFLAG_PROGRESSIVE;
  else if (strcmp (coding, "standard") != 0)
    die ("unknown coding %s", coding);
  handle = tjInitCompress ();
  if (tjCompress2 (handle, picture.pixels, picture.width, 0, picture.height,
                   picture.channels == 1 ? TJPF_GRAY : TJPF_RGB, &jpeg, &size,
                   subsampling, quality, flags)
      != 0)
    die ("%s", "TurboJPEG failed");
  printf ("%lu\n", size);
  tjFree (jpeg);
  tjDestroy (handle);
  free (picture.pixels);
  return 0;
}

/* A file's quantization tables as its components use them. */
typedef struct
{
  int components;
  int h[3], v[3];
  int slot[3];               /* the table slot of each component */
  unsigned int table[3][64]; /* each component's table, natural order */
} OwnTables;

/* PICTURE encoded through the libjpeg API with the forward DCT FDCT: with
 * OWN (RGB only) its sampling factors and each component's table in its
 * slot, else QUALITY and the TurboJPEG subsampling SUBSAMPLING. */
static void
compress_picture (const Picture *picture, const OwnTables *own, int quality,
                  int subsampling, J_DCT_METHOD fdct, unsigned char **jpeg,
                  unsigned long *size)
{
  static const int h[] = { 1, 2, 2, 1, 1, 4 }, v[] = { 1, 1, 2, 1, 2, 1 };
  struct jpeg_compress_struct cinfo;
  struct jpeg_error_mgr jerr;
  size_t row = (size_t)picture->width * (size_t)picture->channels;
  int c;

  cinfo.err = jpeg_std_error (&jerr);
  jpeg_create_compress (&cinfo);
  *jpeg = NULL;
  *size = 0;
  jpeg_mem_dest (&cinfo, jpeg, size);
  cinfo.image_width = (JDIMENSION)picture->width;
  cinfo.image_height = (JDIMENSION)picture->height;
  cinfo.input_components = picture->channels;
  cinfo.in_color_space = picture->channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_set_defaults (&cinfo);
  if (own == NULL)
    jpeg_set_quality (&cinfo, quality, TRUE);
  for (c = 0; c < 3 && picture->channels == 3; c++)
    {
      if (own != NULL)
        {
          jpeg_add_quant_table (&cinfo, own->slot[c], own->table[c], 100,
                                TRUE);
          cinfo.comp_info[c].quant_tbl_no = own->slot[c];
        }
      cinfo.comp_info[c].h_samp_factor = own != NULL ? own->h[c]
                                         : c == 0    ? h[subsampling]
                                                     : 1;
      cinfo.comp_info[c].v_samp_factor = own != NULL ? own->v[c]
                                         : c == 0    ? v[subsampling]
                                                     : 1;
    }
  cinfo.dct_method = fdct;
  jpeg_start_compress (&cinfo, TRUE);
  while (cinfo.next_scanline < cinfo.image_height)
    {
      JSAMPROW line = picture->pixels + cinfo.next_scanline * row;

      jpeg_write_scanlines (&cinfo, &line, 1);
    }
  jpeg_finish_compress (&cinfo);
  jpeg_destroy_compress (&cinfo);
}

/* Decodes the JPEG at JPEG into PICTURE (allocated here) with the inverse
 * DCT IDCT; OWN, when not NULL, gets its tables (a colour file's). */
static void
decompress_picture (const unsigned char *jpeg, unsigned long size,
                    J_DCT_METHOD idct, Picture *picture, OwnTables *own)
{
  struct jpeg_decompress_struct dinfo;
  struct jpeg_error_mgr jerr;
  size_t row;
  int c, i;

  dinfo.err = jpeg_std_error (&jerr);
  jpeg_create_decompress (&dinfo);
  jpeg_mem_src (&dinfo, jpeg, size);
  jpeg_read_header (&dinfo, TRUE);
  if (own != NULL && dinfo.num_components != 3)
    die ("%s", "not a colour JPEG");
  for (c = 0; own != NULL && c < 3; c++)
    {
      own->slot[c] = dinfo.comp_info[c].quant_tbl_no;
      own->h[c] = dinfo.comp_info[c].h_samp_factor;
      own->v[c] = dinfo.comp_info[c].v_samp_factor;
      for (i = 0; i < 64; i++)
        own->table[c][i] = dinfo.quant_tbl_ptrs[own->slot[c]]->quantval[i];
    }
  dinfo.dct_method = idct;
  jpeg_start_decompress (&dinfo);
  picture_allocate (picture, (int)dinfo.output_width, (int)dinfo.output_height,
                    dinfo.output_components);
  row = (size_t)dinfo.output_width * (size_t)dinfo.output_components;
  while (dinfo.output_scanline < dinfo.output_height)
    {
      JSAMPROW line = picture->pixels + dinfo.output_scanline * row;

      jpeg_read_scanlines (&dinfo, &line, 1);
    }
  jpeg_finish_decompress (&dinfo);
  jpeg_destroy_decompress (&dinfo);
}

/* One round trip of PICTURE through the libjpeg API: quality QUALITY,
 * TurboJPEG subsampling SUBSAMPLING (with OWN not NULL: OWN's tables and
 * sampling), forward DCT FDCT, inverse DCT IDCT (JDCT_FLOAT: as GIMP 2.10's
 * loader decodes). */
static void
libjpeg_round_trip (Picture *picture, const OwnTables *own, int subsampling,
                    int quality, J_DCT_METHOD fdct, J_DCT_METHOD idct)
{
  unsigned char *jpeg;
  unsigned long size;
  Picture next;

  compress_picture (picture, own, quality, subsampling, fdct, &jpeg, &size);
  decompress_picture (jpeg, size, idct, &next, NULL);
  free (jpeg);
  free (picture->pixels);
  *picture = next;
}

/* Writes IN (RGB) as a 4:2:0 JPEG with three tables of its own, none an
 * IJG quality's, in slots 0, 2 and 3 (slot 1 left empty): Y's, Cb's and
 * Cr's. */
static int
command_make_jpeg3 (const char *in, const char *out)
{
  OwnTables own = { 3, { 2, 1, 1 }, { 2, 1, 1 }, { 0, 2, 3 }, { { 0 } } };
  Picture picture;
  unsigned char *jpeg = NULL;
  unsigned long size = 0;
  FILE *file;
  int i;

  load (in, &picture);
  if (picture.channels != 3)
    die ("%s: needs RGB", in);
  for (i = 0; i < 64; i++)
    {
      own.table[0][i] = 2 + (unsigned)(i * 7) % 50;
      own.table[1][i] = 3 + (unsigned)(i * 5) % 60;
      own.table[2][i] = 20 + (unsigned)(i * 11) % 200;
    }
  compress_picture (&picture, &own, 0, 0, JDCT_ISLOW, &jpeg, &size);
  file = fopen (out, "wb");
  if (file == NULL || fwrite (jpeg, 1, size, file) != size || fclose (file))
    die ("%s: cannot write", out);
  free (jpeg);
  free (picture.pixels);
  return 0;
}

/* Decodes IN.jpg, then COUNT times re-saves it with its own tables (each
 * component's, in its slot) and sampling and decodes it again, all with
 * the accurate DCTs, as libjpeg re-saving the file itself does; writes the
 * last decode to OUT as PPM. */
static int
command_resave_own (const char *in, const char *out, int count)
{
  OwnTables own;
  Picture picture;
  unsigned char *jpeg = NULL;
  FILE *file = fopen (in, "rb");
  long length;
  int g;

  if (file == NULL || fseek (file, 0, SEEK_END) != 0
      || (length = ftell (file)) <= 0 || fseek (file, 0, SEEK_SET) != 0)
    die ("%s: cannot read", in);
  jpeg = malloc ((size_t)length);
  if (jpeg == NULL || fread (jpeg, 1, (size_t)length, file) != (size_t)length)
    die ("%s: cannot read", in);
  fclose (file);
  decompress_picture (jpeg, (unsigned long)length, JDCT_ISLOW, &picture, &own);
  free (jpeg);
  for (g = 0; g < count; g++)
    libjpeg_round_trip (&picture, &own, 0, 0, JDCT_ISLOW, JDCT_ISLOW);
  save_pnm (out, &picture, NULL);
  free (picture.pixels);
  return 0;
}

/* GENERATIONS JPEG round trips of IN with libturbojpeg, as the codec must
 * compute them, written to OUT as PGM or PPM: DCT "float" or DECODE
 * "gimp" (the float IDCT) through the libjpeg API. */
static int
command_roundtrip (const char *in, const char *out, int quality,
                   const char *subsampling_name, const char *dct,
                   int generations, const char *decode)
{
  Picture picture;
  int subsampling, g, flags;
  int libjpeg = strcmp (dct, "float") == 0 || strcmp (decode, "gimp") == 0;

  if (strcmp (decode, "gimp") != 0 && strcmp (decode, "viewers") != 0)
    die ("unknown decoder %s", decode);
  load (in, &picture);
  encoding_of (&picture, in, subsampling_name, dct, quality, &subsampling,
               &flags);

  for (g = 0; g < generations && libjpeg; g++)
    libjpeg_round_trip (&picture, NULL, subsampling, quality,
                        strcmp (dct, "float") == 0  ? JDCT_FLOAT
                        : strcmp (dct, "fast") == 0 ? JDCT_IFAST
                                                    : JDCT_ISLOW,
                        strcmp (decode, "gimp") == 0 ? JDCT_FLOAT
                                                     : JDCT_ISLOW);
  for (g = 0; g < generations && !libjpeg; g++)
    {
      tjhandle handle = tjInitCompress ();
      tjhandle decoder = tjInitDecompress ();
      unsigned char *jpeg = NULL;
      unsigned long size = 0;
      int pixel_format = picture.channels == 1 ? TJPF_GRAY : TJPF_RGB;

      if (tjCompress2 (handle, picture.pixels, picture.width, 0,
                       picture.height, pixel_format, &jpeg, &size, subsampling,
                       quality, flags)
              != 0
          || tjDecompress2 (decoder, jpeg, size, picture.pixels, picture.width,
                            0, picture.height, pixel_format,
                            TJFLAG_ACCURATEDCT)
                 != 0)
        die ("%s", "TurboJPEG failed");
      tjFree (jpeg);
      tjDestroy (handle);
      tjDestroy (decoder);
    }
  save_pnm (out, &picture, NULL);
  free (picture.pixels);
  return 0;
}

static int
command_info (const char *path)
{
  Picture picture;

  load (path, &picture);
  printf ("%d %d %d\n", picture.width, picture.height, picture.channels);
  free (picture.pixels);
  return 0;
}

static int
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

/* Whether A and B have the same size, channels and samples; with
 * ALPHA_ONLY, the same size and alpha channel. */
static int
command_compare (const char *a, const char *b, int alpha_only)
{
  Picture pa, pb;
  size_t i, n, differing = 0;
  int result = 0;

  load (a, &pa);
  load (b, &pb);
  if (pa.width != pb.width || pa.height != pb.height
      || pa.channels != pb.channels)
    {
      fprintf (stderr, "cli-image: %dx%dx%d against %dx%dx%d\n", pa.width,
               pa.height, pa.channels, pb.width, pb.height, pb.channels);
      result = 1;
    }
  else if (alpha_only && pa.channels != 2 && pa.channels != 4)
    die ("%s: no alpha channel", a);
  else
    {
      n = picture_size (&pa);
      for (i = 0; i < n; i++)
        if ((!alpha_only || (int)(i % pa.channels) == pa.channels - 1)
            && pa.pixels[i] != pb.pixels[i])
          differing++;
      if (differing > 0)
        {
          fprintf (stderr, "cli-image: %zu samples differ\n", differing);
          result = 1;
        }
    }
  free (pa.pixels);
  free (pb.pixels);
  return result;
}

/* Prints how many pixels of A and B differ in their colour channels and
 * the PSNR of B against A over those channels ("inf" when equal), as the
 * tool's table reports them. */
static int
command_diff (const char *a, const char *b)
{
  Picture pa, pb;
  size_t i, n, colors;
  unsigned long long changed = 0;
  double sse = 0;

  load (a, &pa);
  load (b, &pb);
  if (pa.width != pb.width || pa.height != pb.height
      || pa.channels != pb.channels)
    die ("%s: the images differ in size or channels", b);
  colors = pa.channels >= 3 ? 3 : 1;
  n = (size_t)pa.width * pa.height;
  for (i = 0; i < n; i++)
    {
      size_t c;
      int differs = 0;

      for (c = 0; c < colors; c++)
        {
          int d = pa.pixels[i * pa.channels + c]
                  - pb.pixels[i * pb.channels + c];

          sse += (double)d * d;
          differs |= d != 0;
        }
      changed += (unsigned long long)differs;
    }
  if (sse == 0)
    printf ("%llu inf\n", changed);
  else
    printf ("%llu %.2f\n", changed,
            10.0 * log10 (255.0 * 255.0 / (sse / ((double)n * colors))));
  free (pa.pixels);
  free (pb.pixels);
  return 0;
}

/* Whether every pixel of PATH is within TOLERANCE of VALUES, one value per
 * channel. */
static int
command_near (const char *path, int tolerance, int count, char **values)
{
  Picture picture;
  size_t i, n;
  int worst = 0;

  load (path, &picture);
  if (count != picture.channels)
    {
      fprintf (stderr, "cli-image: %s has %d channels, not %d\n", path,
               picture.channels, count);
      free (picture.pixels);
      return 1;
    }
  n = picture_size (&picture);
  for (i = 0; i < n; i++)
    {
      int d = abs (picture.pixels[i] - atoi (values[i % picture.channels]));

      if (d > worst)
        worst = d;
    }
  if (worst > tolerance)
    {
      fprintf (stderr, "cli-image: %s: a sample is %d away\n", path, worst);
    }
  free (picture.pixels);
  return worst > tolerance;
}

/* Whether D holds min (255, 8 |A - B|) in every colour sample and A's
 * alpha: the tool's --difference of A against its input B. */
static int
command_difference8 (const char *a, const char *b, const char *d)
{
  Picture pa, pb, pd;
  size_t i, n;
  int colors, bad = 0;

  load (a, &pa);
  load (b, &pb);
  load (d, &pd);
  if (pa.width != pb.width || pa.height != pb.height
      || pa.channels != pb.channels || pd.width != pa.width
      || pd.height != pa.height || pd.channels != pa.channels)
    die ("%s: the images differ in size or channels", d);
  colors = pa.channels >= 3 ? 3 : 1;
  n = picture_size (&pa);
  for (i = 0; i < n && !bad; i++)
    {
      int c = (int)(i % (size_t)pa.channels);
      int want = pa.pixels[i];

      if (c < colors)
        {
          want = 8 * abs (pa.pixels[i] - pb.pixels[i]);
          want = want > 255 ? 255 : want;
        }
      if (pd.pixels[i] != want)
        {
          fprintf (stderr,
                   "cli-image: %s: sample %zu is %d, expected %d (%d vs "
                   "%d)\n",
                   d, i, pd.pixels[i], want, pa.pixels[i], pb.pixels[i]);
          bad = 1;
        }
    }
  free (pa.pixels);
  free (pb.pixels);
  free (pd.pixels);
  return bad;
}

static void
usage (void)
{
  fprintf (stderr,
           "usage: cli-image make-png FILE KIND WIDTH HEIGHT\n"
           "       cli-image make-png16 FILE WIDTH HEIGHT VALUE ALPHA\n"
           "       cli-image make-jpeg IN OUT QUALITY\n"
           "       cli-image jpeg-to-pnm IN.jpg OUT\n"
           "       cli-image to-pnm IN OUT\n"
           "       cli-image roundtrip IN OUT QUALITY SUBSAMPLING DCT "
           "GENERATIONS [viewers|gimp]\n"
           "       cli-image jpeg-size IN QUALITY SUBSAMPLING DCT "
           "[standard|optimized|progressive]\n"
           "       cli-image make-jpeg3 IN.png OUT.jpg\n"
           "       cli-image resave-own IN.jpg OUT COUNT\n"
           "       cli-image info FILE\n"
           "       cli-image same A B | same-alpha A B | diff A B\n"
           "       cli-image near FILE TOLERANCE VALUE...\n"
           "       cli-image difference8 RESULT INPUT DIFFERENCE\n");
  exit (2);
}

int
main (int argc, char **argv)
{
  const char *command = argc > 1 ? argv[1] : "";

  if (strcmp (command, "make-png") == 0 && argc == 6)
    return command_make_png (argv[2], argv[3], atoi (argv[4]), atoi (argv[5]));
  if (strcmp (command, "make-png16") == 0 && argc == 7)
    return command_make_png16 (argv[2], atoi (argv[3]), atoi (argv[4]),
                               atoi (argv[5]), atoi (argv[6]));
  if (strcmp (command, "make-jpeg") == 0 && argc == 5)
    return command_make_jpeg (argv[2], argv[3], atoi (argv[4]));
  if (strcmp (command, "jpeg-to-pnm") == 0 && argc == 4)
    return command_jpeg_to_pnm (argv[2], argv[3]);
  if (strcmp (command, "to-pnm") == 0 && argc == 4)
    return command_to_pnm (argv[2], argv[3]);
  if (strcmp (command, "roundtrip") == 0 && (argc == 8 || argc == 9))
    return command_roundtrip (argv[2], argv[3], atoi (argv[4]), argv[5],
                              argv[6], atoi (argv[7]),
                              argc == 9 ? argv[8] : "viewers");
  if (strcmp (command, "jpeg-size") == 0 && (argc == 6 || argc == 7))
    return command_jpeg_size (argv[2], atoi (argv[3]), argv[4], argv[5],
                              argc == 7 ? argv[6] : "standard");
  if (strcmp (command, "make-jpeg3") == 0 && argc == 4)
    return command_make_jpeg3 (argv[2], argv[3]);
  if (strcmp (command, "resave-own") == 0 && argc == 5)
    return command_resave_own (argv[2], argv[3], atoi (argv[4]));
  if (strcmp (command, "info") == 0 && argc == 3)
    return command_info (argv[2]);
  if (strcmp (command, "same") == 0 && argc == 4)
    return command_compare (argv[2], argv[3], 0);
  if (strcmp (command, "same-alpha") == 0 && argc == 4)
    return command_compare (argv[2], argv[3], 1);
  if (strcmp (command, "diff") == 0 && argc == 4)
    return command_diff (argv[2], argv[3]);
  if (strcmp (command, "difference8") == 0 && argc == 5)
    return command_difference8 (argv[2], argv[3], argv[4]);
  if (strcmp (command, "near") == 0 && argc >= 5)
    return command_near (argv[2], atoi (argv[3]), argc - 4, argv + 4);
  usage ();
  return 2;
}
