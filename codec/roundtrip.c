/* roundtrip.c: one generation, a baseline JPEG encode and decode of the
 * whole image without the (lossless) entropy coding, with libjpeg-turbo's
 * geometry:
 *
 * - the encoder sees a canvas of (W + dx) x (H + dy) pixels whose pixel
 *   (x, y) is the image's (clamp (x - dx), clamp (y - dy)): a grid offset;
 * - each component is padded to whole 8x8 blocks: columns repeat the last
 *   one; rows repeat the last image row within the last row group of the
 *   canvas (max_v_samp rows), and below it the last *downsampled* row, as
 *   jcprepct.c pads the bottom of the image;
 * - every block goes through the forward DCT, quantization, dequantization
 *   and the inverse DCT in place;
 * - the decoder upsamples the chroma of the canvas rows and columns that
 *   cover the image and converts them back to R'G'B'.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>

#include "jart-private.h"

static inline int
round_up (int value, int multiple)
{
  return (value + multiple - 1) / multiple * multiple;
}

static inline int
clamp_int (int v, int low, int high)
{
  return v < low ? low : v > high ? high : v;
}

/* The geometry of one generation's canvas. */
typedef struct
{
  int canvas_w, canvas_h;   /* W + dx, H + dy */
  int luma_w, luma_h;       /* the luma plane, whole blocks */
  int chroma_w, chroma_h;   /* the chroma planes, whole blocks */
  int chroma_dw, chroma_dh; /* the chroma's real (downsampled) size */
} Geometry;

static void
geometry_compute (Geometry *g, int width, int height, int hmax, int vmax,
                  int dx, int dy)
{
  g->canvas_w = width + dx;
  g->canvas_h = height + dy;
  g->luma_w = round_up (g->canvas_w, 8);
  g->luma_h = round_up (g->canvas_h, 8);
  g->chroma_w = round_up (g->canvas_w, 8 * hmax) / hmax;
  g->chroma_h = round_up (g->canvas_h, 8 * vmax) / vmax;
  g->chroma_dw = (g->canvas_w + hmax - 1) / hmax;
  g->chroma_dh = (g->canvas_h + vmax - 1) / vmax;
}

JartStatus
jart_work_init (JartWork *work, int width, int height, int colors,
                JartSubsampling subsampling, int max_dx, int max_dy)
{
  Geometry g;
  int c, j;

  memset (work, 0, sizeof *work);
  work->width = width;
  work->height = height;
  work->colors = colors;
  work->hmax = work->vmax = 1;
  if (colors == 3)
    jart_sampling_factors (subsampling, &work->hmax, &work->vmax);
  geometry_compute (&g, width, height, work->hmax, work->vmax, max_dx, max_dy);

  work->plane_size[0] = (size_t)g.luma_w * (size_t)g.luma_h;
  work->plane[0] = malloc (work->plane_size[0]);
  if (work->plane[0] == NULL)
    goto no_memory;
  if (colors == 3)
    {
      work->row_length = (size_t)g.chroma_w * (size_t)work->hmax;
      for (c = 1; c < 3; c++)
        {
          work->plane_size[c] = (size_t)g.chroma_w * (size_t)g.chroma_h;
          work->plane[c] = malloc (work->plane_size[c]);
          work->conv[c] = malloc ((size_t)width);
          work->up[c - 1] = malloc ((size_t)width);
          if (!work->plane[c] || !work->conv[c] || !work->up[c - 1])
            goto no_memory;
          for (j = 0; j < work->vmax; j++)
            {
              work->rows[c - 1][j] = malloc (work->row_length);
              if (work->rows[c - 1][j] == NULL)
                goto no_memory;
            }
        }
      work->conv[0] = malloc ((size_t)width);
      work->colsum = malloc ((size_t)g.chroma_w * sizeof (int));
      if (!work->conv[0] || !work->colsum)
        goto no_memory;
    }
  return JART_OK;

no_memory:
  jart_work_free (work);
  return JART_ERROR_NO_MEMORY;
}

void
jart_work_free (JartWork *work)
{
  int c, j;

  for (c = 0; c < 3; c++)
    {
      free (work->plane[c]);
      free (work->conv[c]);
    }
  for (c = 0; c < 2; c++)
    {
      free (work->up[c]);
      for (j = 0; j < 4; j++)
        free (work->rows[c][j]);
    }
  free (work->colsum);
  memset (work, 0, sizeof *work);
}

/* Writes the image row SRC (WIDTH samples) into DST at column DX, the
 * first sample repeated before it and the last after it up to LENGTH. */
static void
pad_row (const uint8_t *src, int width, int dx, int length, uint8_t *dst)
{
  memset (dst, src[0], (size_t)dx);
  memcpy (dst + dx, src, (size_t)width);
  memset (dst + dx + width, src[width - 1], (size_t)(length - dx - width));
}

static int
cancelled (const JartCancel *cancel)
{
  return cancel != NULL && atomic_load (&cancel->requested);
}

/* Builds the component planes of the canvas from the packed image IN. */
static JartStatus
encode_planes (JartWork *work, const Geometry *g, const uint8_t *in, int dx,
               int dy, const JartCancel *cancel)
{
  const int width = work->width, colors = work->colors;
  const int hmax = work->hmax, vmax = work->vmax;
  const size_t in_stride = (size_t)width * (size_t)colors;
  const int groups = (g->canvas_h + vmax - 1) / vmax;
  int group, j, c, row;

  for (group = 0; group < groups; group++)
    {
      if (cancelled (cancel))
        return JART_ERROR_CANCELLED;
      for (j = 0; j < vmax; j++)
        {
          int cy = group * vmax + j;
          int iy = clamp_int (cy - dy, 0, work->height - 1);
          const uint8_t *src = in + (size_t)iy * in_stride;
          uint8_t *luma = work->plane[0] + (size_t)cy * g->luma_w;

          if (colors == 1)
            {
              pad_row (src, width, dx, g->luma_w, luma);
              continue;
            }
          jart_rgb_to_ycc_row (src, 3, width, work->conv[0], work->conv[1],
                               work->conv[2]);
          pad_row (work->conv[0], width, dx, g->luma_w, luma);
          for (c = 1; c < 3; c++)
            pad_row (work->conv[c], width, dx, g->chroma_w * hmax,
                     work->rows[c - 1][j]);
        }
      if (colors == 3)
        for (c = 1; c < 3; c++)
          jart_downsample_row (
              hmax, vmax, (const uint8_t *const *)work->rows[c - 1],
              g->chroma_w, work->plane[c] + (size_t)group * g->chroma_w);
    }

  /* Below the last row group: the last downsampled row again. */
  for (row = groups * vmax; row < g->luma_h; row++)
    memcpy (work->plane[0] + (size_t)row * g->luma_w,
            work->plane[0] + (size_t)(groups * vmax - 1) * g->luma_w,
            (size_t)g->luma_w);
  if (colors == 3)
    for (c = 1; c < 3; c++)
      for (row = groups; row < g->chroma_h; row++)
        memcpy (work->plane[c] + (size_t)row * g->chroma_w,
                work->plane[c] + (size_t)(groups - 1) * g->chroma_w,
                (size_t)g->chroma_w);
  return JART_OK;
}

/* DCT, quantization and back for every block of one plane. */
static JartStatus
transform_plane (uint8_t *plane, int plane_w, int plane_h,
                 const JartQuant *quant, JartDct dct, const JartCancel *cancel)
{
  int32_t block[64];
  int bx, by, r, c;

  for (by = 0; by < plane_h; by += 8)
    {
      if (cancelled (cancel))
        return JART_ERROR_CANCELLED;
      for (bx = 0; bx < plane_w; bx += 8)
        {
          uint8_t *origin = plane + (size_t)by * plane_w + bx;

          for (r = 0; r < 8; r++)
            for (c = 0; c < 8; c++)
              block[r * 8 + c] = origin[(size_t)r * plane_w + c] - 128;
          if (dct == JART_DCT_FAST)
            jart_fdct_ifast (block);
          else
            jart_fdct_islow (block);
          jart_quant_round_trip (block, quant);
          jart_idct_islow (block, origin, (size_t)plane_w);
        }
    }
  return JART_OK;
}

/* Writes the decoded image, the canvas cropped at (DX, DY), to OUT. */
static void
decode_planes (JartWork *work, const Geometry *g, uint8_t *out, int dx, int dy)
{
  const int width = work->width;
  int oy, c;

  for (oy = 0; oy < work->height; oy++)
    {
      int cy = oy + dy;
      const uint8_t *luma = work->plane[0] + (size_t)cy * g->luma_w + dx;

      if (work->colors == 1)
        {
          memcpy (out + (size_t)oy * width, luma, (size_t)width);
          continue;
        }
      for (c = 1; c < 3; c++)
        jart_upsample_row (work->hmax, work->vmax, work->plane[c],
                           (size_t)g->chroma_w, g->chroma_dw, g->chroma_dh, cy,
                           dx, width, work->colsum, work->up[c - 1]);
      jart_ycc_to_rgb_row (luma, work->up[0], work->up[1], width,
                           out + (size_t)oy * width * 3);
    }
}

JartStatus
jart_round_trip (JartWork *work, const uint8_t *in, uint8_t *out, int quality,
                 JartDct dct, int dx, int dy, const JartCancel *cancel)
{
  Geometry g;
  JartQuant quant;
  JartStatus status;
  int c;

  geometry_compute (&g, work->width, work->height, work->hmax, work->vmax, dx,
                    dy);
  status = encode_planes (work, &g, in, dx, dy, cancel);
  if (status != JART_OK)
    return status;

  jart_quant_prepare (quality, 0, dct, &quant);
  status = transform_plane (work->plane[0], g.luma_w, g.luma_h, &quant, dct,
                            cancel);
  if (status == JART_OK && work->colors == 3)
    {
      jart_quant_prepare (quality, 1, dct, &quant);
      for (c = 1; c < 3 && status == JART_OK; c++)
        status = transform_plane (work->plane[c], g.chroma_w, g.chroma_h,
                                  &quant, dct, cancel);
    }
  if (status != JART_OK)
    return status;

  decode_planes (work, &g, out, dx, dy);
  return JART_OK;
}
