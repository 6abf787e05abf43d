/* jpegsize.c: the exact size of the baseline JPEG file one generation's
 * encoder writes, computed without writing it (jart_jpeg_size).
 *
 * The file is what libjpeg-turbo 2.1's tjCompress2 writes with its
 * defaults: SOI; a JFIF APP0 segment (T.81 does not define it; JFIF 1.01,
 * 16 bytes of payload); one DQT segment for each quantization table used,
 * 8-bit entries (T.81 B.2.4.1); SOF0 (B.2.2); one DHT segment for each
 * Huffman table used, in scan order: DC then AC of luma, DC then AC of
 * chroma (B.2.4.2); SOS (B.2.3); the entropy-coded data of one interleaved
 * scan without restart markers, a 0x00 stuffed after each 0xFF byte and
 * the last byte padded with 1 bits (F.1.2.3); EOI.  The Huffman tables are
 * those of T.81 Annex K.3, or with OPTIMIZE the ones libjpeg builds from
 * the image's own symbol counts (huffman.c).
 *
 * The coefficients come from the codec's own stages (color.c, sample.c,
 * fdct.c, quant.c), built as roundtrip.c builds its planes, here one MCU
 * row at a time: the (W + dx) x (H + dy) canvas repeats the image's edge
 * pixels, every component is padded to whole blocks (columns repeat the
 * last one; rows repeat the last canvas row, and chroma rows below the last
 * row group repeat the last downsampled row).  An MCU of an interleaved
 * scan that reaches past the luma's last block column or row holds dummy
 * blocks there, whose AC coefficients are zero and whose DC repeats the
 * previous block's (libjpeg's jccoefct.c): they cost a zero DC difference
 * and an EOB each.  A gray image is one non-interleaved component.
 *
 * A generation of a schedule (jart_generation_jpeg_size) is measured on
 * the image its encoder sees: the step's colour changes and scaling
 * applied to a copy, its subsampling, its quality or the settings' own
 * tables, which are written as they are.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>

#include "huffman.h"
#include "jart-private.h"

/* Marker segments' sizes in bytes, marker included (T.81 Annex B). */
#define SOI_BYTES 2
#define EOI_BYTES 2
#define APP0_JFIF_BYTES (2 + 2 + 14)
#define DQT_BYTES (2 + 2 + 1 + 64)
#define SOF_BYTES(components) (2 + 2 + 6 + 3 * (components))

/* The largest grid offset a run can ask for: anchor plus drift. */
#define OFFSET_MAX (JART_GRID_ANCHOR_MAX + JART_GRID_DRIFT_MAX)

typedef struct
{
  const JartImage *image;
  int colors;     /* 1 or 3 components */
  int flatten;    /* composite on BG by alpha first */
  uint8_t bg[3];  /* the background (its luma for gray) */
  int hmax, vmax; /* luma sampling factors */
  int dx, dy;     /* grid offset */
  int canvas_w, canvas_h;
  int mcu_cols, mcu_rows;
  int groups;    /* row groups of vmax canvas rows */
  int luma_cols; /* luma blocks across and down (without dummies) */
  int luma_rows;
  int row_w;    /* padded full-resolution row: mcu_cols * 8 * hmax */
  int chroma_w; /* a chroma row: mcu_cols * 8 */
  JartDct dct;
  JartQuant quant[3]; /* Y, Cb, Cr */
  int dqt;            /* quantization tables written */

  uint8_t *flat;       /* one image row flattened, 3 or 1 bytes a pixel */
  uint8_t *luma;       /* 8 * vmax rows of row_w */
  uint8_t *full[2][4]; /* full-resolution Cb and Cr of one row group */
  uint8_t *spare;      /* chroma of rows that only the luma needs */
  uint8_t *chroma[2];  /* 8 downsampled rows of chroma_w */

  /* Entropy coding: table 0 luma, 1 chroma. */
  int counting;         /* 1: gather counts; 0: encode */
  JartCoefImage *store; /* when not NULL: keep the blocks there instead */
  JartHuffCounts dc_counts[2], ac_counts[2];
  JartHuffCodes dc_codes[2], ac_codes[2];
  JartBitCount sink;
  int32_t last_dc[3];
} SizeJob;

/* Repeats ROW[AT] to its left and ROW[AT + N - 1] to its right, out to
 * WIDTH samples. */
static void
pad_row (uint8_t *row, int at, int n, int width)
{
  int x;

  for (x = 0; x < at; x++)
    row[x] = row[at];
  for (x = at + n; x < width; x++)
    row[x] = row[at + n - 1];
}

/* Canvas row CY (any row, clamped to the image) as full-resolution
 * samples of padded width: Y into LUMA and, for colour, Cb and Cr into CB
 * and CR. */
static void
canvas_row (SizeJob *job, int cy, uint8_t *luma, uint8_t *cb, uint8_t *cr)
{
  const JartImage *image = job->image;
  const int width = image->width, channels = image->channels;
  const int iy = jart_clamp_int (cy - job->dy, 0, image->height - 1);
  const uint8_t *in = image->pixels + (size_t)iy * image->stride;
  int step = channels, i, c;

  if (job->flatten)
    {
      const int colors = job->colors;

      for (i = 0; i < width; i++)
        {
          const uint8_t *p = in + (size_t)i * channels;
          uint32_t a = p[colors];

          for (c = 0; c < colors; c++)
            job->flat[(size_t)i * colors + c]
                = (uint8_t)((p[c] * a + job->bg[c] * (255 - a) + 127) / 255);
        }
      in = job->flat;
      step = colors;
    }
  if (job->colors == 3)
    {
      jart_rgb_to_ycc_row (in, step, width, luma + job->dx, cb + job->dx,
                           cr + job->dx);
      pad_row (cb, job->dx, width, job->row_w);
      pad_row (cr, job->dx, width, job->row_w);
    }
  else
    for (i = 0; i < width; i++)
      luma[job->dx + i] = in[(size_t)i * step];
  pad_row (luma, job->dx, width, job->row_w);
}

/* Builds the samples of MCU row MY: the luma rows and the downsampled
 * chroma rows. */
static void
build_rows (SizeJob *job, int my)
{
  const int vmax = job->vmax;
  int local, j, c;

  for (local = 0; local < 8; local++)
    {
      int group = my * 8 + local;

      for (j = 0; j < vmax; j++)
        {
          uint8_t *luma = job->luma + (size_t)(local * vmax + j) * job->row_w;

          if (job->colors == 1)
            canvas_row (job, group * vmax + j, luma, NULL, NULL);
          else if (group < job->groups)
            canvas_row (job, group * vmax + j, luma, job->full[0][j],
                        job->full[1][j]);
          else
            canvas_row (job, group * vmax + j, luma, job->spare,
                        job->spare + job->row_w);
        }
      if (job->colors == 1)
        continue;
      for (c = 0; c < 2; c++)
        {
          uint8_t *out = job->chroma[c] + (size_t)local * job->chroma_w;

          if (group < job->groups)
            jart_downsample_row (job->hmax, vmax,
                                 (const uint8_t *const *)job->full[c],
                                 job->chroma_w, out);
          else /* below the image: the last downsampled row again */
            memcpy (out, out - job->chroma_w, (size_t)job->chroma_w);
        }
    }
}

/* The quantized coefficients of the 8x8 block at column X of the 8 rows
 * at PLANE, STRIDE bytes apart, with QUANT. */
static void
transform (const SizeJob *job, const uint8_t *plane, size_t stride, int x,
           const JartQuant *quant, int32_t coef[64])
{
  jart_quantized_block (plane + x, stride, quant, job->dct, coef);
}

/* Counts or codes one block of component C. */
static void
emit_block (SizeJob *job, int c, const int32_t coef[64])
{
  int table = c > 0;

  if (job->store != NULL)
    jart_coef_image_put (job->store, c, coef);
  else if (job->counting)
    jart_huff_count_block (coef, job->last_dc[c], &job->dc_counts[table],
                           &job->ac_counts[table]);
  else
    jart_huff_encode_block (coef, job->last_dc[c], &job->dc_codes[table],
                            &job->ac_codes[table], &job->sink);
  job->last_dc[c] = coef[0];
}

/* One pass over every MCU of the scan, in order. */
static void
scan_pass (SizeJob *job)
{
  int32_t coef[64];
  int my, mx, v, h, c;

  memset (job->last_dc, 0, sizeof job->last_dc);
  for (my = 0; my < job->mcu_rows; my++)
    {
      build_rows (job, my);
      if (job->colors == 1)
        {
          /* Non-interleaved: the blocks of each block row in turn. */
          for (mx = 0; mx < job->luma_cols; mx++)
            {
              transform (job, job->luma, (size_t)job->row_w, mx * 8,
                         &job->quant[0], coef);
              emit_block (job, 0, coef);
            }
          continue;
        }
      for (mx = 0; mx < job->mcu_cols; mx++)
        {
          for (v = 0; v < job->vmax; v++)
            for (h = 0; h < job->hmax; h++)
              {
                int bx = mx * job->hmax + h, by = my * job->vmax + v;

                if (bx < job->luma_cols && by < job->luma_rows)
                  transform (job, job->luma + (size_t)v * 8 * job->row_w,
                             (size_t)job->row_w, bx * 8, &job->quant[0], coef);
                else
                  {
                    /* A dummy block: the previous block's DC, no AC. */
                    memset (coef, 0, sizeof coef);
                    coef[0] = job->last_dc[0];
                  }
                emit_block (job, 0, coef);
              }
          for (c = 0; c < 2; c++)
            {
              transform (job, job->chroma[c], (size_t)job->chroma_w, mx * 8,
                         &job->quant[1 + c], coef);
              emit_block (job, 1 + c, coef);
            }
        }
    }
}

/* scan_pass again from the blocks it stored in CI (one transform for
 * several codings): the same blocks, dummies included, in the same order. */
static void
replay_pass (SizeJob *job, const JartCoefImage *ci)
{
  const uint8_t *natural = jart_huff_natural_order ();
  int32_t coef[64];
  int c, i, h, v, mx, my, bx, by;

  memset (job->last_dc, 0, sizeof job->last_dc);
  for (my = 0; my < job->mcu_rows; my++)
    for (mx = 0; mx < (job->colors == 1 ? job->luma_cols : job->mcu_cols);
         mx++)
      for (c = 0; c < job->colors; c++)
        {
          const JartCoefPlane *p = &ci->plane[c];

          for (v = 0; v < p->v; v++)
            for (h = 0; h < p->h; h++)
              {
                const int16_t *in;

                bx = mx * p->h + h;
                by = my * p->v + v;
                in = p->coef
                     + ((size_t)by * (size_t)p->cols + (size_t)bx) * 64;
                for (i = 0; i < 64; i++)
                  coef[natural[i]] = in[i];
                emit_block (job, c, coef);
              }
        }
}

static void
job_free (SizeJob *job)
{
  int c, j;

  free (job->flat);
  free (job->luma);
  free (job->spare);
  for (c = 0; c < 2; c++)
    {
      free (job->chroma[c]);
      for (j = 0; j < 4; j++)
        free (job->full[c][j]);
    }
}

static JartStatus
job_init (SizeJob *job, const JartImage *image, const JartSettings *settings,
          int quality, const uint16_t (*tables)[64], int dx, int dy)
{
  int c, j;

  memset (job, 0, sizeof *job);
  job->image = image;
  job->colors = image->channels >= 3 ? 3 : 1;
  job->flatten = jart_flatten_background (settings, image->channels, job->bg);
  job->hmax = job->vmax = 1;
  if (job->colors == 3)
    jart_sampling_factors (settings->subsampling, &job->hmax, &job->vmax);
  job->dx = dx;
  job->dy = dy;
  job->canvas_w = image->width + dx;
  job->canvas_h = image->height + dy;
  job->mcu_cols = (job->canvas_w + 8 * job->hmax - 1) / (8 * job->hmax);
  job->mcu_rows = (job->canvas_h + 8 * job->vmax - 1) / (8 * job->vmax);
  job->groups = (job->canvas_h + job->vmax - 1) / job->vmax;
  job->luma_cols = (job->canvas_w + 7) / 8;
  job->luma_rows = (job->canvas_h + 7) / 8;
  if (job->colors == 1)
    /* One component: an MCU is one block, no dummies. */
    job->mcu_rows = job->luma_rows;
  job->row_w = job->mcu_cols * 8 * job->hmax;
  job->chroma_w = job->mcu_cols * 8;
  job->dct = settings->dct;
  jart_quant_prepare_components (
      quality, tables,
      quality == 0 && settings->cr_own_table ? settings->cr_table : NULL,
      job->dct, job->quant);
  job->dqt = job->colors == 1                         ? 1
             : quality == 0 && settings->cr_own_table ? 3
                                                      : 2;

  job->flat = malloc ((size_t)image->width * 3);
  job->luma = malloc ((size_t)8 * job->vmax * (size_t)job->row_w);
  if (job->flat == NULL || job->luma == NULL)
    return JART_ERROR_NO_MEMORY;
  if (job->colors == 1)
    return JART_OK;
  job->spare = malloc (2 * (size_t)job->row_w);
  if (job->spare == NULL)
    return JART_ERROR_NO_MEMORY;
  for (c = 0; c < 2; c++)
    {
      if ((job->chroma[c] = malloc ((size_t)8 * job->chroma_w)) == NULL)
        return JART_ERROR_NO_MEMORY;
      for (j = 0; j < job->vmax; j++)
        if ((job->full[c][j] = malloc ((size_t)job->row_w)) == NULL)
          return JART_ERROR_NO_MEMORY;
    }
  return JART_OK;
}

uint64_t
jart_jpeg_frame_bytes (int colors, int dqt)
{
  return SOI_BYTES + APP0_JFIF_BYTES + (uint64_t)dqt * DQT_BYTES
         + SOF_BYTES (colors) + EOI_BYTES;
}

uint64_t
jart_jpeg_markers_bytes (int colors, int dqt, const JartHuffTable *dc,
                         const JartHuffTable *ac)
{
  int tables = colors == 3 ? 2 : 1, t;
  uint64_t total
      = jart_jpeg_frame_bytes (colors, dqt) + JART_SOS_BYTES (colors);

  for (t = 0; t < tables; t++)
    total += JART_DHT_BYTES (dc[t].count) + JART_DHT_BYTES (ac[t].count);
  return total;
}

JartStatus
jart_jpeg_size (const JartImage *image, const JartSettings *settings,
                int quality, int dx, int dy, int optimize, uint64_t *bytes)
{
  JartStatus status;

  if (quality < JART_QUALITY_MIN || quality > JART_QUALITY_MAX)
    {
      if (bytes == NULL || settings == NULL)
        return JART_ERROR_NULL;
      if ((status = jart_image_check (image)) != JART_OK)
        return status;
      return JART_ERROR_QUALITY;
    }
  return jart_jpeg_size_tables (image, settings, quality, NULL, dx, dy,
                                optimize, bytes);
}

/* The sizes of the codings FIRST..LAST (JartCoding) into BYTES[FIRST] to
 * BYTES[LAST], the arguments checked as jart_jpeg_size_tables does.  One
 * coding transforms the image as it codes it; several store the blocks
 * of one transform and code them from there. */
static JartStatus
measure (const JartImage *image, const JartSettings *settings, int quality,
         const uint16_t (*quant)[64], int dx, int dy, int first, int last,
         uint64_t *bytes)
{
  SizeJob job;
  JartCoefImage ci;
  JartHuffTable dc[2], ac[2];
  JartStatus status;
  uint64_t total;
  int tables, t, coding, stored = 0;

  if (bytes == NULL || settings == NULL)
    return JART_ERROR_NULL;
  if ((status = jart_image_check (image)) != JART_OK)
    return status;
  if (quality < 0 || quality > JART_QUALITY_MAX
      || (quality == 0 && quant == NULL))
    return JART_ERROR_QUALITY;
  if ((int)settings->subsampling < JART_SUBSAMPLING_444
      || (int)settings->subsampling > JART_SUBSAMPLING_411)
    return JART_ERROR_SUBSAMPLING;
  if ((int)settings->dct < JART_DCT_ACCURATE
      || (int)settings->dct > JART_DCT_FLOAT)
    return JART_ERROR_DCT;
  if (dx < 0 || dx > OFFSET_MAX || dy < 0 || dy > OFFSET_MAX)
    return JART_ERROR_ANCHOR;
  if (first < JART_CODING_STANDARD || last > JART_CODING_PROGRESSIVE
      || first > last)
    return JART_ERROR_CODING;
  if (image->width + dx > JART_MAX_DIMENSION
      || image->height + dy > JART_MAX_DIMENSION)
    return JART_ERROR_SIZE;

  if ((status = job_init (&job, image, settings, quality, quant, dx, dy))
      != JART_OK)
    {
      job_free (&job);
      return status;
    }
  tables = job.colors == 3 ? 2 : 1;
  memset (&ci, 0, sizeof ci);
  if (last == JART_CODING_PROGRESSIVE || first < last)
    {
      status = jart_coef_image_init (&ci, job.colors, job.hmax, job.vmax,
                                     job.mcu_cols, job.mcu_rows, job.luma_cols,
                                     job.luma_rows);
      if (status != JART_OK)
        {
          job_free (&job);
          return status;
        }
      job.store = &ci;
      scan_pass (&job);
      job.store = NULL;
      stored = 1;
    }
  for (coding = first; coding <= last && status == JART_OK; coding++)
    {
      if (coding == JART_CODING_PROGRESSIVE)
        {
          status = jart_coef_image_progressive_bytes (&ci, &total);
          bytes[coding] = total + jart_jpeg_frame_bytes (job.colors, job.dqt);
          continue;
        }
      memset (&job.sink, 0, sizeof job.sink);
      memset (job.dc_counts, 0, sizeof job.dc_counts);
      memset (job.ac_counts, 0, sizeof job.ac_counts);
      for (t = 0; t < tables; t++)
        if (coding == JART_CODING_OPTIMIZED)
          {
            job.counting = 1;
            if (t == 0)
              {
                if (stored)
                  replay_pass (&job, &ci);
                else
                  scan_pass (&job);
              }
            jart_huff_optimal (&job.dc_counts[t], &dc[t]);
            jart_huff_optimal (&job.ac_counts[t], &ac[t]);
          }
        else
          {
            jart_huff_standard (0, t, &dc[t]);
            jart_huff_standard (1, t, &ac[t]);
          }
      for (t = 0; t < tables; t++)
        {
          jart_huff_codes (&dc[t], &job.dc_codes[t]);
          jart_huff_codes (&ac[t], &job.ac_codes[t]);
        }
      job.counting = 0;
      if (stored)
        replay_pass (&job, &ci);
      else
        scan_pass (&job);
      total = jart_bits_finish (&job.sink);
      bytes[coding]
          = total + jart_jpeg_markers_bytes (job.colors, job.dqt, dc, ac);
    }
  if (stored)
    jart_coef_image_free (&ci);
  job_free (&job);
  return status;
}

JartStatus
jart_jpeg_size_tables (const JartImage *image, const JartSettings *settings,
                       int quality, const uint16_t (*quant)[64], int dx,
                       int dy, int optimize, uint64_t *bytes)
{
  uint64_t sizes[3];
  JartStatus status;

  if (bytes == NULL)
    return JART_ERROR_NULL;
  if (optimize < JART_CODING_STANDARD || optimize > JART_CODING_PROGRESSIVE)
    return measure (image, settings, quality, quant, dx, dy, 1, 0, sizes);
  status = measure (image, settings, quality, quant, dx, dy, optimize,
                    optimize, sizes);
  if (status == JART_OK)
    *bytes = sizes[optimize];
  return status;
}

/* jart_generation_jpeg_size for the codings FIRST..LAST, into
 * BYTES[FIRST] to BYTES[LAST]. */
static JartStatus
generation_sizes (const JartImage *input, const JartSettings *settings,
                  int generation, int first, int last, uint64_t *bytes)
{
  const int width = input != NULL ? input->width : 0;
  const int height = input != NULL ? input->height : 0;
  const int channels = input != NULL ? input->channels : 0;
  const size_t frame = (size_t)width * (size_t)height * (size_t)channels;
  JartImage image, adjusted, scaled;
  JartSettings save;
  JartStep step;
  JartStatus status;
  int dx, dy, sw, sh;

  if (input == NULL || settings == NULL || bytes == NULL)
    return JART_ERROR_NULL;
  if ((status = jart_image_check (input)) != JART_OK
      || (status = jart_settings_check (settings)) != JART_OK)
    return status;
  if (generation < JART_GENERATIONS_MIN)
    return JART_ERROR_GENERATIONS;
  jart_schedule_step (settings, generation, &step, &dx, &dy);
  jart_scaled_size (width, height, step.scale, &sw, &sh);
  image = *input;
  memset (&adjusted, 0, sizeof adjusted);
  memset (&scaled, 0, sizeof scaled);
  if (jart_step_changes_colours (&step, channels))
    {
      adjusted = (JartImage){ malloc (frame), width, height, channels,
                              (size_t)width * (size_t)channels };
      if (adjusted.pixels == NULL)
        return JART_ERROR_NO_MEMORY;
      status = jart_step_adjust (&step, &image, &adjusted);
      image = adjusted;
    }
  if (status == JART_OK && (sw != width || sh != height))
    {
      scaled
          = (JartImage){ malloc ((size_t)sw * (size_t)sh * (size_t)channels),
                         sw, sh, channels, (size_t)sw * (size_t)channels };
      status = scaled.pixels == NULL
                   ? JART_ERROR_NO_MEMORY
                   : jart_resize (&image, &scaled, step.filter);
      image = scaled;
    }
  if (status == JART_OK)
    {
      save = *settings;
      save.subsampling = step.subsampling;
      status = measure (&image, &save, step.quality,
                        (const uint16_t (*)[64])settings->tables, dx, dy,
                        first, last, bytes);
    }
  free (adjusted.pixels);
  free (scaled.pixels);
  return status;
}

JartStatus
jart_generation_jpeg_size (const JartImage *input,
                           const JartSettings *settings, int generation,
                           int optimize, uint64_t *bytes)
{
  uint64_t sizes[3];
  JartStatus status;

  if (bytes == NULL)
    return JART_ERROR_NULL;
  if (optimize < JART_CODING_STANDARD || optimize > JART_CODING_PROGRESSIVE)
    return generation_sizes (input, settings, generation, 1, 0, sizes);
  status = generation_sizes (input, settings, generation, optimize, optimize,
                             sizes);
  if (status == JART_OK)
    *bytes = sizes[optimize];
  return status;
}

JartStatus
jart_generation_jpeg_sizes (const JartImage *input,
                            const JartSettings *settings, int generation,
                            uint64_t bytes[3])
{
  return generation_sizes (input, settings, generation, JART_CODING_STANDARD,
                           JART_CODING_PROGRESSIVE, bytes);
}
