/* jpeg-resave.c: a test helper for the plug-in's "use-original-settings",
 * built on libjpeg itself, so that the plug-in's result is compared with
 * what re-saving a JPEG file with its own settings really gives:
 *
 *   jpeg-resave write IN.png OUT.jpg SAMPLING SEED
 *     writes IN.png (8-bit gray or RGB) as a baseline JPEG whose two
 *     quantization tables are not the IJG tables of any quality (entries
 *     1..255 drawn from SEED, the first and last entry of each 1 and 255),
 *     so that GIMP's loader keeps them in the image's "jpeg-settings"
 *     parasite; SAMPLING is 444, 422, 420, 440 or 411 (the luma sampling
 *     factors 1x1, 2x1, 2x2, 1x2, 4x1, chroma 1x1), or gray for a
 *     one-component file (IN.png is then made gray by its first channel);
 *
 *   jpeg-resave resave IN.jpg OUT.png [COUNT]
 *     decodes IN.jpg as GIMP 2.10's JPEG loader does (jpeg-load.c: the
 *     floating-point inverse DCT, JDCT_FLOAT, and libjpeg's default fancy
 *     upsampling), which gives the pixels of the image GIMP opens; then
 *     COUNT times (1 by default; 0 writes that first decode) encodes
 *     those pixels with the file's own tables and sampling factors, as
 *     GIMP's JPEG export re-saves with the original quality (the file's
 *     first table for Y, its second for Cb and Cr, the accurate integer
 *     forward DCT), and decodes the result with the accurate integer
 *     inverse DCT, as the plug-in's codec decodes every generation;
 *     writes the last decode to OUT.png.
 *
 *   jpeg-resave decode IN.jpg OUT.png
 *     decodes IN.jpg with the accurate integer inverse DCT, as browsers
 *     and most viewers do (libjpeg's default), into OUT.png.
 *
 * Exit status 0 on success, 1 with a message on stderr otherwise.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <png.h>

/* 8-bit pixels, 1 (gray) or 3 (RGB) channels, rows packed. */
typedef struct
{
  unsigned char *pixels;
  int width;
  int height;
  int channels;
} Image;

/* What a re-save keeps of a file: its sampling factors and tables. */
typedef struct
{
  int components;
  int h[3];
  int v[3];
  int n_tables;
  unsigned int tables[2][DCTSIZE2]; /* natural order */
} Settings;

/* libjpeg's errors end in a longjmp back to the call that failed. */
typedef struct
{
  struct jpeg_error_mgr manager;
  jmp_buf jump;
} ErrorTrap;

static _Noreturn void
fail (const char *message, const char *detail)
{
  fprintf (stderr, "jpeg-resave: %s%s%s\n", message, detail ? ": " : "",
           detail ? detail : "");
  exit (1);
}

static void
trap_error (j_common_ptr cinfo)
{
  ErrorTrap *trap = (ErrorTrap *)cinfo->err;
  char text[JMSG_LENGTH_MAX];

  (*cinfo->err->format_message) (cinfo, text);
  fprintf (stderr, "jpeg-resave: libjpeg: %s\n", text);
  longjmp (trap->jump, 1);
}

static void *
allocate (size_t size)
{
  void *p = malloc (size);

  if (p == NULL)
    fail ("out of memory", NULL);
  return p;
}

/* IN.png as 8-bit RGB or, when GRAY, gray: a gray file as it is, the
 * first channel of a colour one (libpng's own conversion to gray is not
 * wanted: it works on linear values). */
static Image
read_png (const char *path, int gray)
{
  png_image png;
  Image image;
  unsigned char *pixels;
  int file_gray;

  memset (&png, 0, sizeof png);
  png.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file (&png, path))
    fail (png.message, path);
  file_gray = (png.format & PNG_FORMAT_FLAG_COLOR) == 0;
  png.format = gray && file_gray ? PNG_FORMAT_GRAY : PNG_FORMAT_RGB;
  pixels = allocate (PNG_IMAGE_SIZE (png));
  if (!png_image_finish_read (&png, NULL, pixels, 0, NULL))
    fail (png.message, path);
  image.width = (int)png.width;
  image.height = (int)png.height;
  image.channels = gray ? 1 : 3;
  image.pixels = pixels;
  if (gray && !file_gray)
    {
      size_t i, n = (size_t)image.width * (size_t)image.height;

      for (i = 0; i < n; i++)
        pixels[i] = pixels[3 * i];
    }
  return image;
}

static void
write_png (const char *path, const Image *image)
{
  png_image png;

  memset (&png, 0, sizeof png);
  png.version = PNG_IMAGE_VERSION;
  png.width = (png_uint_32)image->width;
  png.height = (png_uint_32)image->height;
  png.format = image->channels == 1 ? PNG_FORMAT_GRAY : PNG_FORMAT_RGB;
  if (!png_image_write_to_file (&png, path, 0, image->pixels, 0, NULL))
    fail (png.message, path);
}

/* Encodes IMAGE with SETTINGS into a JPEG in memory (*DATA, *SIZE; free
 * with free). */
static void
encode (const Image *image, const Settings *settings, unsigned char **data,
        unsigned long *size)
{
  struct jpeg_compress_struct cinfo;
  ErrorTrap trap;
  int c, t;

  *data = NULL;
  *size = 0;
  cinfo.err = jpeg_std_error (&trap.manager);
  trap.manager.error_exit = trap_error;
  if (setjmp (trap.jump))
    fail ("cannot encode", NULL);
  jpeg_create_compress (&cinfo);
  jpeg_mem_dest (&cinfo, data, size);
  cinfo.image_width = (JDIMENSION)image->width;
  cinfo.image_height = (JDIMENSION)image->height;
  cinfo.input_components = image->channels;
  cinfo.in_color_space = image->channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_set_defaults (&cinfo);
  cinfo.dct_method = JDCT_ISLOW;
  /* jpeg_set_defaults has Y use table 0 and Cb, Cr table 1, as GIMP's
     export keeps them. */
  for (t = 0; t < settings->n_tables && t < 2; t++)
    jpeg_add_quant_table (&cinfo, t, settings->tables[t], 100, TRUE);
  for (c = 0; c < cinfo.num_components; c++)
    {
      cinfo.comp_info[c].h_samp_factor = settings->h[c];
      cinfo.comp_info[c].v_samp_factor = settings->v[c];
    }
  jpeg_start_compress (&cinfo, TRUE);
  while (cinfo.next_scanline < cinfo.image_height)
    {
      JSAMPROW row = image->pixels
                     + (size_t)cinfo.next_scanline * (size_t)image->width
                           * (size_t)image->channels;

      jpeg_write_scanlines (&cinfo, &row, 1);
    }
  jpeg_finish_compress (&cinfo);
  jpeg_destroy_compress (&cinfo);
}

/* Decodes the SIZE bytes at DATA with the inverse DCT METHOD into *IMAGE
 * and, when SETTINGS is not NULL, reads the file's sampling factors and
 * first two tables (in the order of their slots, as GIMP's parasite keeps
 * them) into it. */
static void
decode (const unsigned char *data, unsigned long size, J_DCT_METHOD method,
        Image *image, Settings *settings)
{
  struct jpeg_decompress_struct cinfo;
  ErrorTrap trap;
  int c, t, i;

  cinfo.err = jpeg_std_error (&trap.manager);
  trap.manager.error_exit = trap_error;
  if (setjmp (trap.jump))
    fail ("cannot decode", NULL);
  jpeg_create_decompress (&cinfo);
  jpeg_mem_src (&cinfo, data, size);
  jpeg_read_header (&cinfo, TRUE);
  if (settings != NULL)
    {
      if (cinfo.num_components != 1 && cinfo.num_components != 3)
        fail ("not a gray or YCbCr file", NULL);
      settings->components = cinfo.num_components;
      for (c = 0; c < cinfo.num_components; c++)
        {
          settings->h[c] = cinfo.comp_info[c].h_samp_factor;
          settings->v[c] = cinfo.comp_info[c].v_samp_factor;
        }
      settings->n_tables = 0;
      for (t = 0; t < NUM_QUANT_TBLS && settings->n_tables < 2; t++)
        if (cinfo.quant_tbl_ptrs[t] != NULL)
          {
            for (i = 0; i < DCTSIZE2; i++)
              settings->tables[settings->n_tables][i]
                  = cinfo.quant_tbl_ptrs[t]->quantval[i];
            settings->n_tables++;
          }
    }
  cinfo.out_color_space = cinfo.num_components == 1 ? JCS_GRAYSCALE : JCS_RGB;
  cinfo.dct_method = method;
  jpeg_start_decompress (&cinfo);
  image->width = (int)cinfo.output_width;
  image->height = (int)cinfo.output_height;
  image->channels = cinfo.output_components;
  free (image->pixels);
  image->pixels = allocate ((size_t)image->width * (size_t)image->height
                            * (size_t)image->channels);
  while (cinfo.output_scanline < cinfo.output_height)
    {
      JSAMPROW row = image->pixels
                     + (size_t)cinfo.output_scanline * (size_t)image->width
                           * (size_t)image->channels;

      jpeg_read_scanlines (&cinfo, &row, 1);
    }
  jpeg_finish_decompress (&cinfo);
  jpeg_destroy_decompress (&cinfo);
}

static unsigned char *
read_file (const char *path, unsigned long *size)
{
  FILE *f = fopen (path, "rb");
  unsigned char *data;
  long length;

  if (f == NULL || fseek (f, 0, SEEK_END) != 0 || (length = ftell (f)) <= 0
      || fseek (f, 0, SEEK_SET) != 0)
    fail ("cannot read", path);
  data = allocate ((size_t)length);
  if (fread (data, 1, (size_t)length, f) != (size_t)length)
    fail ("cannot read", path);
  fclose (f);
  *size = (unsigned long)length;
  return data;
}

static void
write_file (const char *path, const unsigned char *data, unsigned long size)
{
  FILE *f = fopen (path, "wb");

  if (f == NULL || fwrite (data, 1, size, f) != size || fclose (f) != 0)
    fail ("cannot write", path);
}

/* Two tables no IJG quality gives: 1 first, 255 last, the rest growing
 * with the frequency plus a pseudo-random part (a linear congruential
 * sequence from SEED). */
static void
make_tables (unsigned int seed, Settings *settings)
{
  uint32_t state = seed * 2654435761u + 12345u;
  int t, i;

  settings->n_tables = 2;
  for (t = 0; t < 2; t++)
    for (i = 0; i < DCTSIZE2; i++)
      {
        int row = i / 8, column = i % 8;
        int value;

        state = state * 1103515245u + 12345u;
        value = 2 + (row + column) * (t == 0 ? 4 : 7)
                + (int)((state >> 16) % 23u);
        if (i == 0)
          value = 1;
        else if (i == DCTSIZE2 - 1)
          value = 255;
        settings->tables[t][i] = (unsigned int)(value > 255 ? 255 : value);
      }
}

static int
command_write (const char *in, const char *out, const char *sampling,
               const char *seed)
{
  static const struct
  {
    const char *name;
    int h, v;
  } samplings[] = { { "444", 1, 1 },
                    { "422", 2, 1 },
                    { "420", 2, 2 },
                    { "440", 1, 2 },
                    { "411", 4, 1 } };
  int gray = strcmp (sampling, "gray") == 0;
  Settings settings;
  Image image;
  unsigned char *data;
  unsigned long size;
  size_t i;

  memset (&settings, 0, sizeof settings);
  settings.components = gray ? 1 : 3;
  for (i = 0; i < 3; i++)
    settings.h[i] = settings.v[i] = 1;
  if (!gray)
    {
      for (i = 0; i < sizeof samplings / sizeof samplings[0]; i++)
        if (strcmp (sampling, samplings[i].name) == 0)
          break;
      if (i == sizeof samplings / sizeof samplings[0])
        fail ("SAMPLING must be 444, 422, 420, 440, 411 or gray", sampling);
      settings.h[0] = samplings[i].h;
      settings.v[0] = samplings[i].v;
    }
  make_tables ((unsigned int)strtoul (seed, NULL, 10), &settings);
  image = read_png (in, gray);
  encode (&image, &settings, &data, &size);
  write_file (out, data, size);
  free (data);
  free (image.pixels);
  return 0;
}

static int
command_resave (const char *in, const char *out, const char *count_text)
{
  Settings settings;
  Image image = { NULL, 0, 0, 0 };
  unsigned char *data;
  unsigned long size;
  int count = count_text != NULL ? atoi (count_text) : 1;
  int g;

  if (count < 0)
    fail ("COUNT must be 0 or more", count_text);
  data = read_file (in, &size);
  decode (data, size, JDCT_FLOAT, &image, &settings);
  free (data);
  for (g = 0; g < count; g++)
    {
      encode (&image, &settings, &data, &size);
      decode (data, size, JDCT_ISLOW, &image, NULL);
      free (data);
    }
  write_png (out, &image);
  free (image.pixels);
  return 0;
}

static int
command_decode (const char *in, const char *out)
{
  Image image = { NULL, 0, 0, 0 };
  unsigned char *data;
  unsigned long size;

  data = read_file (in, &size);
  decode (data, size, JDCT_ISLOW, &image, NULL);
  free (data);
  write_png (out, &image);
  free (image.pixels);
  return 0;
}

int
main (int argc, char **argv)
{
  if (argc == 6 && strcmp (argv[1], "write") == 0)
    return command_write (argv[2], argv[3], argv[4], argv[5]);
  if ((argc == 4 || argc == 5) && strcmp (argv[1], "resave") == 0)
    return command_resave (argv[2], argv[3], argc == 5 ? argv[4] : NULL);
  if (argc == 4 && strcmp (argv[1], "decode") == 0)
    return command_decode (argv[2], argv[3]);
  fprintf (stderr, "usage: jpeg-resave write IN.png OUT.jpg "
                   "444|422|420|440|411|gray SEED\n"
                   "       jpeg-resave resave IN.jpg OUT.png [COUNT]\n"
                   "       jpeg-resave decode IN.jpg OUT.png\n");
  return 1;
}
