/* roundtrip.c: one generation, a baseline JPEG encode and decode of the
 * image without the (lossless) entropy coding, with libjpeg-turbo's
 * geometry, computed MCU by MCU:
 *
 * - the encoder sees a canvas of (W + dx) x (H + dy) pixels whose pixel
 *   (x, y) is the image's (clamp (x - dx), clamp (y - dy)): a grid offset;
 * - each component is padded to whole 8x8 blocks: columns repeat the last
 *   one; rows repeat the last image row within the last row group of the
 *   canvas (max_v_samp rows), and below it the last *downsampled* row, as
 *   jcprepct.c pads the bottom of the image;
 * - every block goes through the forward DCT, quantization, dequantization
 *   and the inverse DCT in place;
 * - the decoder upsamples the chroma of the canvas pixels that cover the
 *   image and converts them back to R'G'B'.
 *
 * Encoding an MCU reads only its own pixels (with the edge replication
 * above), and decoding one reads its own planes plus, through the chroma
 * upsampler, one chroma sample of its neighbours.  So when a generation
 * runs with the quality and offset of the one before, the planes of every
 * MCU whose pixels did not change are still right: only the changed MCUs
 * are encoded again, and only they and their neighbours are decoded.  The
 * result is the same, bit for bit, as encoding everything.
 *
 * Work is split into MCU rows, which threads take in turn: first every
 * row is encoded, then every row decoded (decoding reads the chroma of the
 * rows next to it).  Each row is written by one thread only, so the pixels
 * do not depend on the number of threads.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kernels.h"

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

static inline int
min_int (int a, int b)
{
  return a < b ? a : b;
}

static inline int
max_int (int a, int b)
{
  return a > b ? a : b;
}

/* The geometry of one generation's canvas. */
typedef struct
{
  int canvas_w, canvas_h;   /* W + dx, H + dy */
  int luma_w, luma_h;       /* the luma plane, whole blocks */
  int chroma_w, chroma_h;   /* the chroma planes, whole MCUs */
  int chroma_dw, chroma_dh; /* the chroma's real (downsampled) size */
  int mcu_w, mcu_h;         /* an MCU's size in canvas pixels */
  int mcu_cols, mcu_rows;
  int groups; /* row groups (vmax canvas rows) holding image rows */
} Geometry;

static void
geometry_compute (Geometry *g, int width, int height, int hmax, int vmax,
                  int dx, int dy)
{
  g->canvas_w = width + dx;
  g->canvas_h = height + dy;
  g->mcu_w = 8 * hmax;
  g->mcu_h = 8 * vmax;
  g->mcu_cols = (g->canvas_w + g->mcu_w - 1) / g->mcu_w;
  g->mcu_rows = (g->canvas_h + g->mcu_h - 1) / g->mcu_h;
  g->luma_w = round_up (g->canvas_w, 8);
  g->luma_h = round_up (g->canvas_h, 8);
  g->chroma_w = g->mcu_cols * 8;
  g->chroma_h = g->mcu_rows * 8;
  g->chroma_dw = (g->canvas_w + hmax - 1) / hmax;
  g->chroma_dh = (g->canvas_h + vmax - 1) / vmax;
  g->groups = (g->canvas_h + vmax - 1) / vmax;
}

static int
default_threads (void)
{
  long n = sysconf (_SC_NPROCESSORS_ONLN);

  return n < 1 ? 1 : n > JART_THREADS_MAX ? JART_THREADS_MAX : (int)n;
}

/* What a run allocates, for SRC's size and the largest grid offset the
 * settings allow; jart_work_init allocates exactly this and
 * jart_memory_needed adds it up. */
typedef struct
{
  int colors, hmax, vmax, threads;
  Geometry g;     /* at the largest offset */
  size_t pixels;  /* width * height: one image plane */
  size_t luma;    /* the luma plane */
  size_t chroma;  /* each chroma plane */
  size_t mcus;    /* each MCU map */
  size_t row;     /* one padded full-resolution chroma row */
  size_t scratch; /* one thread's scratch, in bytes */
} Sizes;

static void
sizes_compute (Sizes *z, int width, int height, int channels,
               const JartSettings *settings)
{
  z->colors = channels >= 3 ? 3 : 1;
  z->hmax = z->vmax = 1;
  if (z->colors == 3)
    jart_sampling_factors (settings->subsampling, &z->hmax, &z->vmax);
  geometry_compute (&z->g, width, height, z->hmax, z->vmax,
                    settings->anchor_x + settings->grid_drift,
                    settings->anchor_y + settings->grid_drift);
  z->pixels = (size_t)width * (size_t)height;
  z->luma = (size_t)z->g.luma_w * (size_t)z->g.luma_h;
  z->chroma
      = z->colors == 3 ? (size_t)z->g.chroma_w * (size_t)z->g.chroma_h : 0;
  z->mcus = (size_t)z->g.mcu_cols * (size_t)z->g.mcu_rows;
  z->row = (size_t)z->g.mcu_cols * (size_t)z->g.mcu_w;
  z->threads = settings->threads > 0 ? settings->threads : default_threads ();
  z->threads = clamp_int (z->threads, 1, z->g.mcu_rows);
  /* differs, flat and decoded; for colour also conv, up, rows, sums and
     pairs (see scratch_init). */
  z->scratch = (size_t)width * (1 + 2 * (size_t)z->colors);
  if (z->colors == 3)
    z->scratch += (size_t)width * 5 + 2 * (size_t)z->vmax * z->row
                  + ((size_t)z->g.chroma_w + 2) * sizeof (int32_t)
                  + (size_t)width + 2;
}

size_t
jart_memory_needed (int width, int height, int channels,
                    const JartSettings *settings)
{
  Sizes z;

  if (width < 1 || height < 1 || channels < 1 || settings == NULL)
    return 0;
  sizes_compute (&z, width, height, channels, settings);
  return z.luma + 2 * z.chroma + 3 * z.mcus + 2 * (size_t)z.colors * z.pixels
         + (size_t)z.threads * (z.scratch + sizeof (JartScratch));
}

static JartStatus
scratch_init (JartScratch *s, const JartWork *work, const Sizes *z)
{
  size_t width = (size_t)work->width;
  int c, j;

  if ((s->differs = malloc (width)) == NULL)
    return JART_ERROR_NO_MEMORY;
  for (c = 0; c < work->colors; c++)
    if ((s->flat[c] = malloc (width)) == NULL
        || (s->decoded[c] = malloc (width)) == NULL)
      return JART_ERROR_NO_MEMORY;
  if (work->colors == 1)
    return JART_OK;
  for (c = 0; c < 3; c++)
    if ((s->conv[c] = malloc (width)) == NULL)
      return JART_ERROR_NO_MEMORY;
  for (c = 0; c < 2; c++)
    {
      if ((s->up[c] = malloc (width)) == NULL)
        return JART_ERROR_NO_MEMORY;
      for (j = 0; j < work->vmax; j++)
        if ((s->rows[c][j] = malloc (z->row)) == NULL)
          return JART_ERROR_NO_MEMORY;
    }
  s->sums = malloc (((size_t)z->g.chroma_w + 2) * sizeof (int32_t));
  s->pairs = malloc (width + 2);
  return s->sums == NULL || s->pairs == NULL ? JART_ERROR_NO_MEMORY : JART_OK;
}

static void
scratch_free (JartScratch *s)
{
  int c, j;

  free (s->differs);
  for (c = 0; c < 3; c++)
    {
      free (s->flat[c]);
      free (s->decoded[c]);
      free (s->conv[c]);
    }
  for (c = 0; c < 2; c++)
    {
      free (s->up[c]);
      for (j = 0; j < 4; j++)
        free (s->rows[c][j]);
    }
  free (s->sums);
  free (s->pairs);
}

/* Splits SRC's colours into the planes PLANES. */
static void
split_planes (const JartImage *src, int colors, uint8_t *const *planes)
{
  const int step = src->channels;
  int x, y;

  for (y = 0; y < src->height; y++)
    {
      const uint8_t *p = src->pixels + (size_t)y * src->stride;
      size_t row = (size_t)y * src->width;

      if (colors == 1)
        for (x = 0; x < src->width; x++)
          planes[0][row + x] = p[(size_t)x * step];
      else
        for (x = 0; x < src->width; x++)
          {
            planes[0][row + x] = p[(size_t)x * step];
            planes[1][row + x] = p[(size_t)x * step + 1];
            planes[2][row + x] = p[(size_t)x * step + 2];
          }
    }
}

void
jart_work_output (const JartWork *work, uint8_t *dst, size_t stride)
{
  const JartImage *src = work->src;
  const int step = src->channels, colors = work->colors;
  int x, y;

  for (y = 0; y < src->height; y++)
    {
      const uint8_t *s = src->pixels + (size_t)y * src->stride;
      uint8_t *d = dst + (size_t)y * stride;
      size_t row = (size_t)y * src->width;

      if (colors == 1)
        for (x = 0; x < src->width; x++)
          d[(size_t)x * step] = work->image[0][row + x];
      else
        for (x = 0; x < src->width; x++)
          {
            d[(size_t)x * step] = work->image[0][row + x];
            d[(size_t)x * step + 1] = work->image[1][row + x];
            d[(size_t)x * step + 2] = work->image[2][row + x];
          }
      if (step > colors)
        for (x = 0; x < src->width; x++)
          d[(size_t)x * step + colors] = s[(size_t)x * step + colors];
    }
}

JartStatus
jart_work_init (JartWork *work, const JartImage *src,
                const JartSettings *settings)
{
  Sizes z;
  int t, c;

  memset (work, 0, sizeof *work);
  work->kernels = jart_kernels_get (settings->kernels);
  if (work->kernels == NULL)
    return JART_ERROR_KERNELS;
  sizes_compute (&z, src->width, src->height, src->channels, settings);
  work->src = src;
  work->width = src->width;
  work->height = src->height;
  work->colors = z.colors;
  work->hmax = z.hmax;
  work->vmax = z.vmax;
  work->flatten
      = settings->flatten && (src->channels == 2 || src->channels == 4);
  if (work->colors == 3)
    memcpy (work->bg, settings->background, 3);
  else
    work->bg[0]
        = jart_rgb_to_y (settings->background[0], settings->background[1],
                         settings->background[2]);

  work->mcu_capacity = z.mcus;
  work->plane[0] = malloc (z.luma);
  work->dirty = malloc (z.mcus);
  work->decode = malloc (z.mcus);
  work->changed = malloc (z.mcus);
  if (!work->plane[0] || !work->dirty || !work->decode || !work->changed)
    goto no_memory;
  for (c = 1; c < work->colors; c++)
    if ((work->plane[c] = malloc (z.chroma)) == NULL)
      goto no_memory;
  for (c = 0; c < work->colors; c++)
    if ((work->image[c] = malloc (z.pixels)) == NULL
        || (work->original[c] = malloc (z.pixels)) == NULL)
      goto no_memory;
  split_planes (src, work->colors, work->image);
  for (c = 0; c < work->colors; c++)
    memcpy (work->original[c], work->image[c], z.pixels);

  work->threads = z.threads;
  work->scratch = calloc ((size_t)work->threads, sizeof (JartScratch));
  if (work->scratch == NULL)
    goto no_memory;
  for (t = 0; t < work->threads; t++)
    if (scratch_init (&work->scratch[t], work, &z) != JART_OK)
      goto no_memory;
  return JART_OK;

no_memory:
  jart_work_free (work);
  return JART_ERROR_NO_MEMORY;
}

void
jart_work_free (JartWork *work)
{
  int c, t;

  for (c = 0; c < 3; c++)
    {
      free (work->plane[c]);
      free (work->image[c]);
      free (work->original[c]);
    }
  free (work->dirty);
  free (work->decode);
  free (work->changed);
  if (work->scratch != NULL)
    for (t = 0; t < work->threads; t++)
      scratch_free (&work->scratch[t]);
  free (work->scratch);
  memset (work, 0, sizeof *work);
}

/* One generation's shared state, read by every thread. */
typedef struct
{
  JartWork *work;
  Geometry g;
  int dx, dy;
  JartDct dct;
  JartQuant quant[2];
  const JartCancel *cancel;
  int decoding; /* the phase: 0 encode, 1 decode */
  atomic_int next_row;
  atomic_int stopped;
} Pass;

typedef struct
{
  Pass *pass;
  JartScratch *scratch;
  JartTripStats stats;
} Worker;

/* Canvas columns X0 .. X1 - 1 of one image row: SRC holds the row's
 * samples from image column FIRST on, one a pixel. */
static void
gather (const uint8_t *src, int first, int width, int dx, int x0, int x1,
        uint8_t *dst)
{
  int x = x0, mid_end = min_int (x1, dx + width);

  for (; x < x1 && x < dx; x++)
    *dst++ = src[0];
  if (x < mid_end)
    {
      memcpy (dst, src + (x - dx - first), (size_t)(mid_end - x));
      dst += mid_end - x;
      x = mid_end;
    }
  for (; x < x1; x++)
    *dst++ = src[width - 1 - first];
}

/* N pixels of image row IY from column FIRST, composited on the
 * background by their alpha, into the planes OUT. */
static void
flatten_segment (const JartWork *work, int iy, int first, int n,
                 uint8_t *const *out)
{
  const JartImage *src = work->src;
  const uint8_t *alpha = src->pixels + (size_t)iy * src->stride
                         + (size_t)first * src->channels + work->colors;
  size_t row = (size_t)iy * work->width + first;
  int i, c;

  for (c = 0; c < work->colors; c++)
    {
      const uint8_t *in = work->image[c] + row, *a = alpha;
      uint32_t bg = work->bg[c];

      for (i = 0; i < n; i++, a += src->channels)
        out[c][i]
            = (uint8_t)((in[i] * (uint32_t)*a + bg * (255 - *a) + 127) / 255);
    }
}

/* The block rows Y0 .. Y1 - 1 (multiples of 8) of one plane, columns
 * X0 .. X1 - 1, through the DCT, quantization and back. */
static void
transform_blocks (const JartWork *work, uint8_t *plane, int plane_w, int x0,
                  int x1, int y0, int y1, const JartQuant *quant, JartDct dct)
{
  int by;

  for (by = y0; by < y1; by += 8)
    work->kernels->transform_blocks (plane + (size_t)by * plane_w,
                                     (size_t)plane_w, x0, x1, quant, dct);
}

/* Builds and transforms the planes of MCUs MX0 .. MX1 - 1 of MCU row MY. */
static void
encode_run (const Pass *p, JartScratch *s, int my, int mx0, int mx1)
{
  const JartWork *work = p->work;
  const Geometry *g = &p->g;
  const int width = work->width, colors = work->colors;
  const int hmax = work->hmax, vmax = work->vmax;
  const int x0 = mx0 * g->mcu_w, x1 = mx1 * g->mcu_w;
  const int luma_x1 = min_int (x1, g->luma_w);
  const int c0 = x0 / hmax, c1 = x1 / hmax;
  const int first = clamp_int (x0 - p->dx, 0, width - 1);
  const int n = clamp_int (x1 - 1 - p->dx, 0, width - 1) - first + 1;
  const int last_luma_row = g->groups * vmax - 1;
  int group, j, c, row;

  for (group = my * 8; group < my * 8 + 8; group++)
    {
      if (group >= g->groups)
        {
          /* Below the image: the last downsampled row again. */
          for (c = 1; c < colors; c++)
            memcpy (work->plane[c] + (size_t)group * g->chroma_w + c0,
                    work->plane[c] + (size_t)(g->groups - 1) * g->chroma_w
                        + c0,
                    (size_t)(c1 - c0));
          continue;
        }
      for (j = 0; j < vmax; j++)
        {
          int cy = group * vmax + j;
          int iy = clamp_int (cy - p->dy, 0, work->height - 1);
          size_t offset = (size_t)iy * width + first;
          const uint8_t *in[3];
          uint8_t *luma = work->plane[0] + (size_t)cy * g->luma_w + x0;

          for (c = 0; c < colors; c++)
            in[c] = work->image[c] + offset;
          if (work->flatten)
            {
              flatten_segment (work, iy, first, n, s->flat);
              for (c = 0; c < colors; c++)
                in[c] = s->flat[c];
            }
          if (colors == 1)
            {
              gather (in[0], first, width, p->dx, x0, luma_x1, luma);
              continue;
            }
          work->kernels->rgb_to_ycc (in[0], in[1], in[2], n, s->conv[0],
                                     s->conv[1], s->conv[2]);
          gather (s->conv[0], first, width, p->dx, x0, luma_x1, luma);
          for (c = 1; c < 3; c++)
            gather (s->conv[c], first, width, p->dx, x0, x1,
                    s->rows[c - 1][j]);
        }
      for (c = 1; c < colors; c++)
        work->kernels->downsample (
            hmax, vmax, (const uint8_t *const *)s->rows[c - 1], c1 - c0,
            work->plane[c] + (size_t)group * g->chroma_w + c0);
    }
  for (row = max_int (last_luma_row + 1, my * g->mcu_h);
       row < min_int ((my + 1) * g->mcu_h, g->luma_h); row++)
    memcpy (work->plane[0] + (size_t)row * g->luma_w + x0,
            work->plane[0] + (size_t)last_luma_row * g->luma_w + x0,
            (size_t)(luma_x1 - x0));

  transform_blocks (work, work->plane[0], g->luma_w, x0, luma_x1,
                    my * g->mcu_h, min_int ((my + 1) * g->mcu_h, g->luma_h),
                    &p->quant[0], p->dct);
  for (c = 1; c < colors; c++)
    transform_blocks (work, work->plane[c], g->chroma_w, c0, c1, my * 8,
                      my * 8 + 8, &p->quant[1], p->dct);
}

/* Decodes the image pixels of MCUs MX0 .. MX1 - 1 of MCU row MY into the
 * image, counting and marking what changed. */
static void
decode_run (const Pass *p, JartScratch *s, int my, int mx0, int mx1,
            JartTripStats *stats)
{
  const JartWork *work = p->work;
  const Geometry *g = &p->g;
  const int width = work->width, colors = work->colors;
  const int cx0 = max_int (mx0 * g->mcu_w, p->dx);
  const int cx1 = min_int (mx1 * g->mcu_w, p->dx + width);
  const int cy0 = max_int (my * g->mcu_h, p->dy);
  const int cy1 = min_int ((my + 1) * g->mcu_h, p->dy + work->height);
  const int n = cx1 - cx0;
  uint8_t *changed = work->changed + (size_t)my * g->mcu_cols;
  int cy, i, c;

  for (cy = cy0; cy < cy1; cy++)
    {
      const size_t offset = (size_t)(cy - p->dy) * width + (cx0 - p->dx);
      const uint8_t *fresh[3];

      fresh[0] = work->plane[0] + (size_t)cy * g->luma_w + cx0;
      if (colors == 3)
        {
          for (c = 1; c < 3; c++)
            jart_upsample_row (work->kernels, work->hmax, work->vmax,
                               work->plane[c], (size_t)g->chroma_w,
                               g->chroma_dw, g->chroma_dh, cy, cx0, n, s->sums,
                               s->pairs, s->up[c - 1]);
          work->kernels->ycc_to_rgb (fresh[0], s->up[0], s->up[1], n,
                                     s->decoded[0], s->decoded[1],
                                     s->decoded[2]);
          for (c = 0; c < 3; c++)
            fresh[c] = s->decoded[c];
        }

      /* Most rows of a late generation change nothing. */
      for (c = 0; c < colors; c++)
        if (memcmp (fresh[c], work->image[c] + offset, (size_t)n) != 0)
          break;
      if (c == colors)
        continue;

      memset (s->differs, 0, (size_t)n);
      for (c = 0; c < colors; c++)
        stats->sse_delta += work->kernels->update (
            fresh[c], work->image[c] + offset, work->original[c] + offset, n,
            s->differs);
      for (i = 0; i < n; i++)
        if (s->differs[i])
          {
            stats->changed_pixels++;
            changed[(cx0 + i) / g->mcu_w] = 1;
          }
    }
}

/* Calls RUN for every stretch of MCUs of row MY marked in MAP. */
static void
for_each_run (Worker *w, int my, const uint8_t *map)
{
  const Pass *p = w->pass;
  const uint8_t *row = map + (size_t)my * p->g.mcu_cols;
  int a = 0, b;

  while (a < p->g.mcu_cols)
    {
      if (!row[a])
        {
          a++;
          continue;
        }
      for (b = a + 1; b < p->g.mcu_cols && row[b]; b++)
        ;
      if (p->decoding)
        decode_run (p, w->scratch, my, a, b, &w->stats);
      else
        encode_run (p, w->scratch, my, a, b);
      a = b;
    }
}

static void *
worker_main (void *data)
{
  Worker *w = data;
  Pass *p = w->pass;
  const uint8_t *map = p->decoding ? p->work->decode : p->work->dirty;

  for (;;)
    {
      int my = atomic_fetch_add (&p->next_row, 1);

      if (my >= p->g.mcu_rows)
        break;
      if (jart_cancel_requested (p->cancel))
        {
          atomic_store (&p->stopped, 1);
          break;
        }
      for_each_run (w, my, map);
    }
  return NULL;
}

/* Runs one phase over every MCU row on the work's threads.  A thread that
 * cannot be started leaves its share to the others. */
static void
run_phase (Pass *p, Worker *workers, int decoding)
{
  pthread_t ids[JART_THREADS_MAX];
  int started[JART_THREADS_MAX];
  int t, threads = p->work->threads;

  p->decoding = decoding;
  atomic_store (&p->next_row, 0);
  for (t = 1; t < threads; t++)
    started[t] = pthread_create (&ids[t], NULL, worker_main, &workers[t]) == 0;
  worker_main (&workers[0]);
  for (t = 1; t < threads; t++)
    if (started[t])
      pthread_join (ids[t], NULL);
}

/* The decode map: the MCUs to encode, and where chroma upsampling reads
 * across MCU borders (4:2:2, 4:2:0, 4:4:0), their neighbours too. */
static void
mark_decode (JartWork *work, const Geometry *g)
{
  int cols = g->mcu_cols, rows = g->mcu_rows, mx, my, i, j;

  if (work->colors == 1 || (work->hmax != 2 && work->vmax != 2))
    {
      memcpy (work->decode, work->dirty, (size_t)cols * rows);
      return;
    }
  memset (work->decode, 0, (size_t)cols * rows);
  for (my = 0; my < rows; my++)
    for (mx = 0; mx < cols; mx++)
      if (work->dirty[(size_t)my * cols + mx])
        for (j = max_int (my - 1, 0); j <= min_int (my + 1, rows - 1); j++)
          for (i = max_int (mx - 1, 0); i <= min_int (mx + 1, cols - 1); i++)
            work->decode[(size_t)j * cols + i] = 1;
}

/* MCUs left of and above the image replicate its first column and row:
 * when the MCU holding an image edge changed, so do they. */
static void
mark_padding (JartWork *work, const Geometry *g, int dx, int dy)
{
  int cols = g->mcu_cols, first_col = dx / g->mcu_w, first_row = dy / g->mcu_h;
  uint8_t *map = work->changed;
  int mx, my;

  for (mx = 0; mx < cols; mx++)
    if (map[(size_t)first_row * cols + mx])
      for (my = 0; my < first_row; my++)
        map[(size_t)my * cols + mx] = 1;
  for (my = 0; my < g->mcu_rows; my++)
    if (map[(size_t)my * cols + first_col])
      memset (map + (size_t)my * cols, 1, (size_t)first_col);
}

JartStatus
jart_round_trip (JartWork *work, int quality, JartDct dct, int dx, int dy,
                 const JartCancel *cancel, JartTripStats *stats)
{
  Worker workers[JART_THREADS_MAX];
  Pass pass;
  size_t mcus;
  int t;

  memset (&pass, 0, sizeof pass);
  pass.work = work;
  pass.dx = dx;
  pass.dy = dy;
  pass.dct = dct;
  pass.cancel = cancel;
  atomic_init (&pass.next_row, 0);
  atomic_init (&pass.stopped, 0);
  geometry_compute (&pass.g, work->width, work->height, work->hmax, work->vmax,
                    dx, dy);
  jart_quant_prepare (quality, 0, dct, &pass.quant[0]);
  jart_quant_prepare (quality, 1, dct, &pass.quant[1]);
  for (t = 0; t < work->threads; t++)
    {
      workers[t].pass = &pass;
      workers[t].scratch = &work->scratch[t];
      workers[t].stats.changed_pixels = 0;
      workers[t].stats.sse_delta = 0;
    }

  /* What to encode: everything, unless the planes hold the previous
   * generation at the same settings; then what it changed. */
  mcus = (size_t)pass.g.mcu_cols * (size_t)pass.g.mcu_rows;
  if (work->valid && quality == work->prev_quality && dx == work->prev_dx
      && dy == work->prev_dy)
    memcpy (work->dirty, work->changed, mcus);
  else
    memset (work->dirty, 1, mcus);
  memset (work->changed, 0, mcus);
  work->valid = 0;

  run_phase (&pass, workers, 0);
  if (atomic_load (&pass.stopped))
    return JART_ERROR_CANCELLED;
  mark_decode (work, &pass.g);
  run_phase (&pass, workers, 1);
  if (atomic_load (&pass.stopped))
    return JART_ERROR_CANCELLED;
  mark_padding (work, &pass.g, dx, dy);

  work->valid = 1;
  work->prev_quality = quality;
  work->prev_dx = dx;
  work->prev_dy = dy;
  stats->changed_pixels = 0;
  stats->sse_delta = 0;
  for (t = 0; t < work->threads; t++)
    {
      stats->changed_pixels += workers[t].stats.changed_pixels;
      stats->sse_delta += workers[t].stats.sse_delta;
    }
  return JART_OK;
}
