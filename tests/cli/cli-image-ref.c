/* cli-image-ref.c: cli-image's references from libjpeg-turbo: plain
 * TurboJPEG decodes and encodes, the bytes of TurboJPEG's files, files with
 * quantization tables of their own and their re-saves through the libjpeg
 * API, and the round trips (TurboJPEG, or the libjpeg API for the
 * floating-point DCTs) the tool's results must equal.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _POSIX_C_SOURCE 200809L /* setenv */

#include "cli-image.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <turbojpeg.h>
/* jpeglib.h needs size_t and FILE declared first. */
#include <jpeglib.h>

/* Decodes a JPEG with TurboJPEG (accurate IDCT) into a PGM or PPM. */
int
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
int
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
int
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
int
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
int
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
int
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
