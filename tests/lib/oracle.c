/* oracle.c: libjpeg-turbo as the reference of every test.  Compression goes
 * through tjCompress2 where TurboJPEG can be told which forward DCT to use,
 * and through the libjpeg API otherwise: tjCompress2 switches to the
 * accurate DCT by itself from quality 96 on, while the codec's fast DCT is
 * JDCT_IFAST at every quality, as GIMP's "fast" export gives.  The decoder
 * is always tjDecompress2 with the accurate IDCT and fancy upsampling,
 * libjpeg-turbo's defaults, which nearly every viewer uses; a JPEG quantized
 * with tables of its own (which TurboJPEG 2.1 cannot be given) is written and
 * read through the libjpeg API, with the same IDCT and upsampling (a
 * schedule's steps, the comparisons and the generation loop are in
 * oracle-steps.c).  The files' sizes come from
 * the same compressions, with libjpeg's optimal Huffman tables when asked
 * (optimize_coding; TJ_OPTIMIZE=1 in the environment for TurboJPEG 2.1,
 * which has no flag for it).
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _POSIX_C_SOURCE 200809L /* setenv */

#include "oracle.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* jpeglib.h needs size_t and FILE declared first. */
#include <jerror.h>
#include <jpeglib.h>
#include <turbojpeg.h>

#include "images.h"

struct Oracle
{
  tjhandle compressor;
  tjhandle decompressor;
  unsigned char *jpeg; /* TurboJPEG's output buffer (tjAlloc), reused */
  unsigned long jpeg_capacity;
  uint8_t *canvas_in; /* the padded canvas the encoder sees */
  uint8_t *canvas_out;
  size_t canvas_capacity;
  char message[JMSG_LENGTH_MAX + 64]; /* why the last call gave
                                         ORACLE_CORRUPT */
};

const char *
oracle_message (const Oracle *oracle)
{
  return oracle->message;
}

/* Keeps libjpeg-turbo's report MESSAGE (of the decoder when DECODING, else
   of the encoder) in ORACLE and returns ORACLE_CORRUPT. */
static int
corrupt (Oracle *oracle, int decoding, const char *message)
{
  snprintf (oracle->message, sizeof oracle->message, "libjpeg-turbo %s: %s",
            decoding ? "reading its own file" : "writing the file", message);
  return ORACLE_CORRUPT;
}

/* TJSAMP_* of each JartSubsampling, and the luma sampling factors. */
static const int tjsamp_of[]
    = { TJSAMP_444, TJSAMP_422, TJSAMP_420, TJSAMP_440, TJSAMP_411 };
static const int luma_h[] = { 1, 2, 2, 1, 4 };
static const int luma_v[] = { 1, 1, 2, 2, 1 };

Oracle *
oracle_new (void)
{
  Oracle *oracle = calloc (1, sizeof *oracle);

  if (!oracle)
    return NULL;
  oracle->compressor = tjInitCompress ();
  oracle->decompressor = tjInitDecompress ();
  if (!oracle->compressor || !oracle->decompressor)
    {
      fprintf (stderr, "oracle: TurboJPEG: %s\n", tjGetErrorStr2 (NULL));
      oracle_free (oracle);
      return NULL;
    }
  return oracle;
}

void
oracle_free (Oracle *oracle)
{
  if (!oracle)
    return;
  if (oracle->compressor)
    tjDestroy (oracle->compressor);
  if (oracle->decompressor)
    tjDestroy (oracle->decompressor);
  tjFree (oracle->jpeg);
  free (oracle->canvas_in);
  free (oracle->canvas_out);
  free (oracle);
}

/* libjpeg's fatal errors: print and leave.  A failing oracle is a broken
 * test environment, not a codec bug; 99 tells meson so. */
static void
libjpeg_error_exit (j_common_ptr cinfo)
{
  char message[JMSG_LENGTH_MAX];

  (*cinfo->err->format_message) (cinfo, message);
  fprintf (stderr, "oracle: libjpeg: %s\n", message);
  exit (99);
}

/* The error manager of a compression or decompression that may meet data
 * libjpeg-turbo calls corrupt: the encoder's "DCT coefficient out of
 * range" (which only the statistics pass of optimal Huffman tables
 * checks) and any warning of the decoder ("Corrupt JPEG data: ...") are
 * kept in MESSAGE; the encoder's error jumps back.  Other errors are
 * fatal as above. */
typedef struct
{
  struct jpeg_error_mgr pub;
  jmp_buf jump;
  char message[JMSG_LENGTH_MAX]; /* the first report, or "" */
} OracleErrors;

static void
oracle_error_exit (j_common_ptr cinfo)
{
  OracleErrors *errors = (OracleErrors *)cinfo->err;

  if (cinfo->err->msg_code != JERR_BAD_DCT_COEF)
    libjpeg_error_exit (cinfo);
  (*cinfo->err->format_message) (cinfo, errors->message);
  longjmp (errors->jump, 1);
}

static void
oracle_emit_message (j_common_ptr cinfo, int level)
{
  OracleErrors *errors = (OracleErrors *)cinfo->err;

  /* Level -1 is a warning; the others are traces. */
  if (level >= 0)
    return;
  if (errors->message[0] == '\0')
    (*cinfo->err->format_message) (cinfo, errors->message);
  cinfo->err->num_warnings++;
}

static struct jpeg_error_mgr *
oracle_errors (OracleErrors *errors)
{
  jpeg_std_error (&errors->pub);
  errors->pub.error_exit = oracle_error_exit;
  errors->pub.emit_message = oracle_emit_message;
  errors->message[0] = '\0';
  return &errors->pub;
}

/* Compression through the libjpeg API, as GIMP's export does it: defaults,
 * baseline quality tables (or TABLES, when not NULL, as they are:
 * jpeg_add_quant_table with scale 100 and force_baseline, as GIMP does for
 * an image's own tables; with CR_TABLE not NULL too, that one as table 2,
 * Cr's, as a file with three tables has it), the asked sampling factors
 * and DCT, optimal Huffman tables with OPTIMIZE (a JartCoding: 2 also
 * progressive).  The JPEG stream is left in *JPEG
 * (malloc'ed by libjpeg, freed by the caller; NULL after a failure).
 * 0, or ORACLE_CORRUPT when libjpeg-turbo finds a coefficient out of
 * baseline's range (it checks only with OPTIMIZE: without, it writes the
 * file anyway, and the file is corrupt). */
static int
compress_libjpeg (Oracle *oracle, const uint8_t *in, int width, int height,
                  int components, JartSubsampling subsampling, JartDct dct,
                  int quality, const uint16_t (*tables)[64],
                  const uint16_t *cr_table, int optimize, unsigned char **jpeg,
                  unsigned long *size)
{
  struct jpeg_compress_struct cinfo;
  OracleErrors errors;

  cinfo.err = oracle_errors (&errors);
  jpeg_create_compress (&cinfo);
  *jpeg = NULL;
  *size = 0;
  if (setjmp (errors.jump))
    {
      jpeg_destroy_compress (&cinfo);
      free (*jpeg);
      *jpeg = NULL;
      return corrupt (oracle, 0, errors.message);
    }
  jpeg_mem_dest (&cinfo, jpeg, size);
  cinfo.image_width = (JDIMENSION)width;
  cinfo.image_height = (JDIMENSION)height;
  cinfo.input_components = components;
  cinfo.in_color_space = components == 1 ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_set_defaults (&cinfo);
  if (tables != NULL)
    for (int t = 0; t < 3; t++)
      {
        const uint16_t *table = t < 2 ? tables[t] : cr_table;
        unsigned int basic[64];

        if (table == NULL)
          continue;
        for (int i = 0; i < 64; i++)
          basic[i] = table[i];
        /* Scale 100: the entries as they are. */
        jpeg_add_quant_table (&cinfo, t, basic, 100, TRUE);
      }
  else
    jpeg_set_quality (&cinfo, quality, TRUE);
  if (components == 3)
    {
      cinfo.comp_info[0].h_samp_factor = luma_h[subsampling];
      cinfo.comp_info[0].v_samp_factor = luma_v[subsampling];
      for (int c = 1; c < 3; c++)
        {
          cinfo.comp_info[c].h_samp_factor = 1;
          cinfo.comp_info[c].v_samp_factor = 1;
        }
      /* A third table: Cr's own, as a file may give it. */
      if (tables != NULL && cr_table != NULL)
        cinfo.comp_info[2].quant_tbl_no = 2;
    }
  cinfo.dct_method = dct == JART_DCT_FAST    ? JDCT_IFAST
                     : dct == JART_DCT_FLOAT ? JDCT_FLOAT
                                             : JDCT_ISLOW;
  cinfo.optimize_coding = optimize ? TRUE : FALSE;
  /* JART_CODING_PROGRESSIVE: libjpeg's default progression, as GIMP's
     export asks for it (after the components are set up). */
  if (optimize == JART_CODING_PROGRESSIVE)
    jpeg_simple_progression (&cinfo);
  jpeg_start_compress (&cinfo, TRUE);
  while (cinfo.next_scanline < cinfo.image_height)
    {
      JSAMPROW row
          = (JSAMPROW)(in + (size_t)cinfo.next_scanline * width * components);
      jpeg_write_scanlines (&cinfo, &row, 1);
    }
  jpeg_finish_compress (&cinfo);
  jpeg_destroy_compress (&cinfo);
  return 0;
}

void
oracle_quant_table (int quality, int table, uint16_t out[64])
{
  struct jpeg_compress_struct cinfo;
  struct jpeg_error_mgr jerr;

  cinfo.err = jpeg_std_error (&jerr);
  jerr.error_exit = libjpeg_error_exit;
  jpeg_create_compress (&cinfo);
  cinfo.in_color_space = JCS_RGB;
  cinfo.input_components = 3;
  jpeg_set_defaults (&cinfo);
  jpeg_set_quality (&cinfo, quality, TRUE);
  for (int i = 0; i < 64; i++)
    out[i] = cinfo.quant_tbl_ptrs[table]->quantval[i];
  jpeg_destroy_compress (&cinfo);
}

/* Compression through tjCompress2 into ORACLE's buffer, its size in
 * *SIZE: TJFLAG_FASTDCT or TJFLAG_ACCURATEDCT (tjCompress2 itself uses the
 * accurate DCT from quality 96 on), optimal Huffman tables with OPTIMIZE
 * (TurboJPEG 2.1 reads TJ_OPTIMIZE from the environment at each call).
 * 0 on success, -1 with a message on stderr. */
static int
compress_turbojpeg (Oracle *oracle, const uint8_t *in, int width, int height,
                    int components, JartSubsampling subsampling, JartDct dct,
                    int quality, int optimize, unsigned long *size)
{
  int format = components == 1 ? TJPF_GRAY : TJPF_RGB;
  int tjsamp = components == 1 ? TJSAMP_GRAY : tjsamp_of[subsampling];
  int flags = dct == JART_DCT_FAST ? TJFLAG_FASTDCT : TJFLAG_ACCURATEDCT;
  unsigned long needed = tjBufSize (width, height, tjsamp);
  tjhandle handle;
  int status;

  if (needed > oracle->jpeg_capacity)
    {
      tjFree (oracle->jpeg);
      oracle->jpeg = tjAlloc ((int)needed);
      oracle->jpeg_capacity = oracle->jpeg ? needed : 0;
      if (!oracle->jpeg)
        {
          fprintf (stderr, "oracle: out of memory\n");
          return -1;
        }
    }
  *size = oracle->jpeg_capacity;
  flags |= TJFLAG_NOREALLOC;
  /* A handle that once compressed with TJ_OPTIMIZE keeps optimizing in
     2.1.5: such a compression gets a handle of its own. */
  handle = optimize ? tjInitCompress () : oracle->compressor;
  if (!handle)
    {
      fprintf (stderr, "oracle: TurboJPEG: %s\n", tjGetErrorStr2 (NULL));
      return -1;
    }
  if (optimize)
    setenv ("TJ_OPTIMIZE", "1", 1);
  status = tjCompress2 (handle, in, width, 0, height, format, &oracle->jpeg,
                        size, tjsamp, quality, flags);
  if (optimize)
    unsetenv ("TJ_OPTIMIZE");
  if (status != 0)
    fprintf (stderr, "oracle: tjCompress2 (%dx%d, q%d): %s\n", width, height,
             quality, tjGetErrorStr2 (handle));
  if (optimize)
    tjDestroy (handle);
  return status != 0 ? -1 : 0;
}

int
oracle_round_trip (Oracle *oracle, const uint8_t *in, int width, int height,
                   int components, JartSubsampling subsampling, JartDct dct,
                   int quality, OracleRoute route, uint8_t *out)
{
  int format = components == 1 ? TJPF_GRAY : TJPF_RGB;
  unsigned char *jpeg;
  unsigned long size;
  int libjpeg, status;

  if (route == ORACLE_ROUTE_AUTO)
    libjpeg = (dct == JART_DCT_FAST && quality >= 96) || dct == JART_DCT_FLOAT;
  else
    libjpeg = route == ORACLE_ROUTE_LIBJPEG;
  if (!libjpeg && dct == JART_DCT_FLOAT)
    {
      fprintf (stderr, "oracle: tjCompress2 has no floating-point DCT\n");
      return -1;
    }
  if (!libjpeg && dct == JART_DCT_FAST && quality >= 96)
    {
      fprintf (stderr,
               "oracle: tjCompress2 cannot use the fast DCT at "
               "quality %d\n",
               quality);
      return -1;
    }

  if (libjpeg)
    compress_libjpeg (oracle, in, width, height, components, subsampling, dct,
                      quality, NULL, NULL, 0, &jpeg, &size);
  else
    {
      if (compress_turbojpeg (oracle, in, width, height, components,
                              subsampling, dct, quality, 0, &size)
          != 0)
        return -1;
      jpeg = oracle->jpeg;
    }

  status = tjDecompress2 (oracle->decompressor, jpeg, size, out, width, 0,
                          height, format, TJFLAG_ACCURATEDCT);
  if (status != 0 && tjGetErrorCode (oracle->decompressor) == TJERR_WARNING)
    /* The decoder's warning on the library's own file. */
    status = corrupt (oracle, 1, tjGetErrorStr2 (oracle->decompressor));
  else if (status != 0)
    {
      fprintf (stderr, "oracle: tjDecompress2 (%dx%d, q%d): %s\n", width,
               height, quality, tjGetErrorStr2 (oracle->decompressor));
      status = -1;
    }
  if (libjpeg)
    free (jpeg);
  return status;
}

static int
grow_canvas (Oracle *oracle, size_t bytes)
{
  if (bytes <= oracle->canvas_capacity)
    return 0;
  free (oracle->canvas_in);
  free (oracle->canvas_out);
  oracle->canvas_in = malloc (bytes);
  oracle->canvas_out = malloc (bytes);
  if (!oracle->canvas_in || !oracle->canvas_out)
    {
      fprintf (stderr, "oracle: out of memory\n");
      oracle->canvas_capacity = 0;
      return -1;
    }
  oracle->canvas_capacity = bytes;
  return 0;
}

static int
clamp_int (int v, int lo, int hi)
{
  return v < lo ? lo : v > hi ? hi : v;
}

/* Builds in ORACLE->canvas_in the (W + DX) x (H + DY) canvas the encoder
 * of one generation sees (see oracle_generation), COMPONENTS bytes a
 * pixel.  0 on success, -1 when out of memory. */
static int
build_canvas (Oracle *oracle, const JartImage *in,
              const JartSettings *settings, int dx, int dy)
{
  int width = in->width, height = in->height, channels = in->channels;
  int components = channels >= 3 ? 3 : 1;
  int has_alpha = channels == 2 || channels == 4;
  int flatten = settings->flatten && has_alpha;
  int cw = width + dx, ch = height + dy;
  uint8_t background[3];

  if (components == 1)
    background[0] = oracle_luma (settings->background);
  else
    memcpy (background, settings->background, 3);

  if (grow_canvas (oracle, (size_t)cw * ch * components) != 0)
    return -1;

  for (int y = 0; y < ch; y++)
    {
      const uint8_t *src_row
          = in->pixels
            + (size_t)clamp_int (y - dy, 0, height - 1) * in->stride;
      uint8_t *canvas_row = oracle->canvas_in + (size_t)y * cw * components;
      for (int x = 0; x < cw; x++)
        {
          const uint8_t *px
              = src_row + (size_t)clamp_int (x - dx, 0, width - 1) * channels;
          for (int c = 0; c < components; c++)
            canvas_row[x * components + c]
                = flatten
                      ? oracle_flatten (px[c], px[components], background[c])
                      : px[c];
        }
    }
  return 0;
}

int
oracle_jpeg_size (Oracle *oracle, const JartImage *in,
                  const JartSettings *settings, int quality, int dx, int dy,
                  int optimize, OracleRoute route, unsigned long *size)
{
  int components = in->channels >= 3 ? 3 : 1;
  int cw = in->width + dx, ch = in->height + dy;
  int libjpeg;

  if (route == ORACLE_ROUTE_AUTO)
    libjpeg = (settings->dct == JART_DCT_FAST && quality >= 96)
              || settings->dct == JART_DCT_FLOAT
              || optimize == JART_CODING_PROGRESSIVE;
  else
    libjpeg = route == ORACLE_ROUTE_LIBJPEG;
  if (build_canvas (oracle, in, settings, dx, dy) != 0)
    return -1;
  if (!libjpeg)
    return compress_turbojpeg (oracle, oracle->canvas_in, cw, ch, components,
                               settings->subsampling, settings->dct, quality,
                               optimize, size);
  unsigned char *jpeg;
  int status = compress_libjpeg (oracle, oracle->canvas_in, cw, ch, components,
                                 settings->subsampling, settings->dct, quality,
                                 NULL, NULL, optimize, &jpeg, size);

  free (jpeg);
  return status;
}

int
oracle_jpeg_size_tables (Oracle *oracle, const JartImage *in,
                         const JartSettings *settings,
                         const uint16_t tables[2][64], int dx, int dy,
                         int optimize, unsigned long *size)
{
  int components = in->channels >= 3 ? 3 : 1;
  unsigned char *jpeg;
  int status;

  if (build_canvas (oracle, in, settings, dx, dy) != 0)
    return -1;
  status = compress_libjpeg (
      oracle, oracle->canvas_in, in->width + dx, in->height + dy, components,
      settings->subsampling, settings->dct, 0, (const uint16_t (*)[64])tables,
      settings->cr_own_table ? settings->cr_table : NULL, optimize, &jpeg,
      size);
  free (jpeg);
  return status;
}

/* Decompression through the libjpeg API: the accurate IDCT (or with
 * DECODE JART_DECODE_GIMP the floating-point one, as GIMP 2.10's loader
 * asks) and fancy upsampling (the default), to gray or RGB, into the
 * tight OUT.  0, or ORACLE_CORRUPT when the decoder warned (the data are
 * corrupt). */
static int
decompress_libjpeg (Oracle *oracle, const unsigned char *jpeg,
                    unsigned long size, int components, JartDecode decode,
                    uint8_t *out)
{
  struct jpeg_decompress_struct dinfo;
  OracleErrors errors;

  dinfo.err = oracle_errors (&errors);
  errors.pub.error_exit = libjpeg_error_exit;
  jpeg_create_decompress (&dinfo);
  jpeg_mem_src (&dinfo, jpeg, size);
  jpeg_read_header (&dinfo, TRUE);
  dinfo.out_color_space = components == 1 ? JCS_GRAYSCALE : JCS_RGB;
  dinfo.dct_method = decode == JART_DECODE_GIMP ? JDCT_FLOAT : JDCT_ISLOW;
  jpeg_start_decompress (&dinfo);
  while (dinfo.output_scanline < dinfo.output_height)
    {
      JSAMPROW row = (JSAMPROW)(out
                                + (size_t)dinfo.output_scanline
                                      * dinfo.output_width * components);
      jpeg_read_scanlines (&dinfo, &row, 1);
    }
  jpeg_finish_decompress (&dinfo);
  jpeg_destroy_decompress (&dinfo);
  return errors.message[0] != '\0' ? corrupt (oracle, 1, errors.message) : 0;
}

/* One generation, the whole canvas at once: with QUALITY through
 * oracle_round_trip, or with TABLES (not NULL) or GIMP's decoder through
 * the libjpeg API both ways. */
static int
generation_whole (Oracle *oracle, const JartImage *in, JartImage *out,
                  const JartSettings *settings, int quality,
                  const uint16_t (*tables)[64], int dx, int dy)
{
  int width = in->width, height = in->height, channels = in->channels;
  int components = channels >= 3 ? 3 : 1;
  int has_alpha = channels == 2 || channels == 4;
  int cw = width + dx, ch = height + dy;
  int status;

  if (build_canvas (oracle, in, settings, dx, dy) != 0)
    return -1;

  if (tables != NULL || settings->decode == JART_DECODE_GIMP)
    {
      unsigned char *jpeg;
      unsigned long size;

      compress_libjpeg (
          oracle, oracle->canvas_in, cw, ch, components, settings->subsampling,
          settings->dct, tables != NULL ? 0 : quality, tables,
          settings->cr_own_table ? settings->cr_table : NULL, 0, &jpeg, &size);
      status = decompress_libjpeg (oracle, jpeg, size, components,
                                   settings->decode, oracle->canvas_out);
      free (jpeg);
    }
  else
    status = oracle_round_trip (oracle, oracle->canvas_in, cw, ch, components,
                                settings->subsampling, settings->dct, quality,
                                ORACLE_ROUTE_AUTO, oracle->canvas_out);
  if (status != 0)
    return status;

  for (int y = 0; y < height; y++)
    {
      const uint8_t *dec_row
          = oracle->canvas_out + ((size_t)(y + dy) * cw + dx) * components;
      const uint8_t *in_row = in->pixels + (size_t)y * in->stride;
      uint8_t *out_row = out->pixels + (size_t)y * out->stride;
      for (int x = 0; x < width; x++)
        {
          memcpy (out_row + (size_t)x * channels, dec_row + x * components,
                  components);
          if (has_alpha)
            out_row[(size_t)x * channels + components]
                = in_row[(size_t)x * channels + components];
        }
    }
  return 0;
}

int
oracle_generation_in_bands (Oracle *oracle, const JartImage *in,
                            JartImage *out, const JartSettings *settings,
                            int quality, int dx, int dy, int along_rows)
{
  int channels = in->channels;
  int length = along_rows ? in->height : in->width;
  int b_start = ORACLE_BAND_CUT - ORACLE_BAND_MARGIN;
  JartImage in_a = *in, out_a = *out, in_b = *in;
  JartImage *out_b;
  int status;

  if (length <= ORACLE_BAND_CUT + ORACLE_BAND_MARGIN)
    return generation_whole (oracle, in, out, settings, quality, NULL, dx, dy);
  if (along_rows)
    {
      in_a.height = out_a.height = ORACLE_BAND_CUT + ORACLE_BAND_MARGIN;
      in_b.pixels += (size_t)b_start * in->stride;
      in_b.height = length - b_start;
      out_b = image_new (in->width, in_b.height, channels);
    }
  else
    {
      in_a.width = out_a.width = ORACLE_BAND_CUT + ORACLE_BAND_MARGIN;
      in_b.pixels += (size_t)b_start * channels;
      in_b.width = length - b_start;
      out_b = image_new (in_b.width, in->height, channels);
    }

  status
      = oracle_generation (oracle, &in_a, &out_a, settings, quality, dx, dy);
  if (status == 0)
    status
        = oracle_generation (oracle, &in_b, out_b, settings, quality, dx, dy);
  if (status == 0 && along_rows)
    for (int y = ORACLE_BAND_CUT; y < length; y++)
      memcpy (out->pixels + (size_t)y * out->stride,
              out_b->pixels + (size_t)(y - b_start) * out_b->stride,
              (size_t)in->width * channels);
  else if (status == 0)
    for (int y = 0; y < in->height; y++)
      memcpy (out->pixels + (size_t)y * out->stride
                  + (size_t)ORACLE_BAND_CUT * channels,
              out_b->pixels + (size_t)y * out_b->stride
                  + (size_t)ORACLE_BAND_MARGIN * channels,
              (size_t)(length - ORACLE_BAND_CUT) * channels);
  image_free (out_b);
  return status;
}

int
oracle_generation (Oracle *oracle, const JartImage *in, JartImage *out,
                   const JartSettings *settings, int quality, int dx, int dy)
{
  if (in->height + dy > ORACLE_MAX_SIDE)
    return oracle_generation_in_bands (oracle, in, out, settings, quality, dx,
                                       dy, 1);
  if (in->width + dx > ORACLE_MAX_SIDE)
    return oracle_generation_in_bands (oracle, in, out, settings, quality, dx,
                                       dy, 0);
  return generation_whole (oracle, in, out, settings, quality, NULL, dx, dy);
}

int
oracle_generation_tables (Oracle *oracle, const JartImage *in, JartImage *out,
                          const JartSettings *settings,
                          const uint16_t tables[2][64], int dx, int dy)
{
  if (in->height + dy > ORACLE_MAX_SIDE || in->width + dx > ORACLE_MAX_SIDE)
    {
      fprintf (stderr, "oracle: no bands for custom tables\n");
      return -1;
    }
  return generation_whole (oracle, in, out, settings, 0,
                           (const uint16_t (*)[64])tables, dx, dy);
}
