/* work.c: what a run keeps from one generation to the next (JartWork):
 * the working image, the decoded component planes, the MCU maps of what
 * changed, and each thread's scratch rows, all sized once for the run's
 * largest canvas (the image's size plus the largest grid offset the
 * settings allow) and every subsampling its steps use; and the canvas
 * geometry (JartGeometry) that sizes them and that roundtrip.c encodes
 * with.  jart_work_memory adds up what jart_work_init allocates, for
 * jart_memory_needed.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _DEFAULT_SOURCE /* madvise */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "kernels.h"

static inline int
round_up (int value, int multiple)
{
  return (value + multiple - 1) / multiple * multiple;
}

void
jart_geometry_compute (JartGeometry *g, int width, int height, int hmax,
                       int vmax, int dx, int dy)
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

/* The pixels a generation must have for each thread the default count
 * (settings->threads 0) gives it: starting and joining a thread costs tens
 * of microseconds on an idle machine (a time slice when the cores are
 * busy), about what a generation of a 256 x 256 image takes on one. */
#define PIXELS_PER_THREAD ((size_t)1 << 16)

/* One thread per core, and one per PIXELS_PER_THREAD of an image of
 * PIXELS pixels at most (at least one). */
static int
default_threads (size_t pixels)
{
  long n = sysconf (_SC_NPROCESSORS_ONLN);
  size_t fit = pixels / PIXELS_PER_THREAD;

  if (n < 1)
    n = 1;
  if (n > JART_THREADS_MAX)
    n = JART_THREADS_MAX;
  return fit < 1 ? 1 : fit < (size_t)n ? (int)fit : (int)n;
}

/* Buffers of at least BIG_BUFFER bytes are allocated in whole huge pages
 * (2 MiB) and the kernel is asked to back them with such pages. */
#define HUGE_PAGE ((size_t)2 << 20)
#define BIG_BUFFER ((size_t)4 << 20)

/* Whether a buffer of SIZE bytes is allocated in whole huge pages (not
 * when rounding SIZE up would overflow: malloc refuses it). */
static int
buffer_big (size_t size)
{
  return size >= BIG_BUFFER && size <= SIZE_MAX - HUGE_PAGE;
}

size_t
jart_buffer_size (size_t size)
{
  return buffer_big (size) ? (size + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE
                           : size;
}

void *
jart_buffer_alloc (size_t size)
{
  void *p;

  if (!buffer_big (size))
    return malloc (size);
  p = aligned_alloc (HUGE_PAGE, jart_buffer_size (size));
#if defined(MADV_HUGEPAGE)
  if (p != NULL)
    madvise (p, jart_buffer_size (size), MADV_HUGEPAGE);
#endif
  return p;
}

/* What a run allocates, for SRC's size, the largest grid offset the
 * settings allow and every subsampling they use (the settings' own, or
 * each of the schedule's steps'); jart_work_init allocates exactly this
 * and jart_work_memory adds it up. */
typedef struct
{
  int colors, threads;
  int hmax, vmax; /* the first generation's sampling factors */
  int vrows;      /* the largest vmax: chroma rows of a row group */
  int mcu_rows;   /* the most MCU rows */
  int chroma_w;   /* the widest chroma plane */
  size_t image;   /* the working image, when allocated */
  size_t luma;    /* the luma plane */
  size_t chroma;  /* each chroma plane */
  size_t mcus;    /* each MCU map */
  size_t row;     /* one padded full-resolution chroma row */
  size_t packed;  /* one decoded row of pixels, with the SIMD slack */
  size_t scratch; /* one thread's scratch, in bytes */
} Sizes;

static size_t
max_size (size_t a, size_t b)
{
  return a > b ? a : b;
}

/* The subsamplings SETTINGS uses, as a set of 1 << mode; the first
 * generation's in *FIRST. */
static unsigned
modes_used (const JartSettings *settings, JartSubsampling *first)
{
  unsigned modes = 0;
  int n = jart_clamp_int (settings->n_steps, 0, JART_STEPS_MAX), i;

  *first = settings->subsampling;
  for (i = 0; i < n; i++)
    {
      JartSubsampling mode = settings->steps[i].subsampling;

      if ((int)mode < JART_SUBSAMPLING_444 || (int)mode > JART_SUBSAMPLING_411)
        continue;
      if (modes == 0)
        *first = mode;
      modes |= 1u << mode;
    }
  if (modes != 0)
    return modes;
  /* Without a schedule; a mode out of range works as 4:4:4 (only
     jart_work_memory sees one, from jart_memory_needed). */
  if ((int)*first < JART_SUBSAMPLING_444 || (int)*first > JART_SUBSAMPLING_411)
    *first = JART_SUBSAMPLING_444;
  return 1u << *first;
}

static void
sizes_compute (Sizes *z, int width, int height, int channels,
               const JartSettings *settings)
{
  JartSubsampling first;
  unsigned modes = modes_used (settings, &first);
  int mode, threads;

  memset (z, 0, sizeof *z);
  z->colors = channels >= 3 ? 3 : 1;
  z->hmax = z->vmax = z->vrows = 1;
  if (z->colors == 3)
    jart_sampling_factors (first, &z->hmax, &z->vmax);
  else
    modes = 1u << first;
  threads = settings->threads > 0
                ? settings->threads
                : default_threads ((size_t)width * (size_t)height);
  z->image = (size_t)width * (size_t)height * (size_t)channels;
  z->packed = (size_t)width * (size_t)channels + 32;
  for (mode = JART_SUBSAMPLING_444; mode <= JART_SUBSAMPLING_411; mode++)
    {
      JartGeometry g;
      int h = 1, v = 1;

      if (!(modes & (1u << mode)))
        continue;
      if (z->colors == 3)
        jart_sampling_factors ((JartSubsampling)mode, &h, &v);
      jart_geometry_compute (&g, width, height, h, v,
                             settings->anchor_x + settings->grid_drift,
                             settings->anchor_y + settings->grid_drift);
      z->vrows = jart_max_int (z->vrows, v);
      z->mcu_rows = jart_max_int (z->mcu_rows, g.mcu_rows);
      z->chroma_w = jart_max_int (z->chroma_w, g.chroma_w);
      z->luma = max_size (z->luma, (size_t)g.luma_w * (size_t)g.luma_h);
      if (z->colors == 3)
        z->chroma
            = max_size (z->chroma, (size_t)g.chroma_w * (size_t)g.chroma_h);
      z->mcus = max_size (z->mcus, (size_t)g.mcu_cols * (size_t)g.mcu_rows);
      z->row = max_size (z->row, (size_t)g.mcu_cols * (size_t)g.mcu_w);
      z->threads
          = jart_max_int (z->threads, jart_clamp_int (threads, 1, g.mcu_rows));
    }
  /* flat, conv[0] and packed; for colour also up, rows, sums and pairs
     (see scratch_init). */
  z->scratch = (size_t)width * (size_t)channels + (size_t)width + z->packed;
  if (z->colors == 3)
    z->scratch += ((size_t)width + 1) * 2 + 2 * (size_t)z->vrows * z->row
                  + ((size_t)z->chroma_w + 2) * sizeof (int32_t)
                  + (size_t)width + 2;
}

size_t
jart_work_memory (int width, int height, int channels,
                  const JartSettings *settings)
{
  Sizes z;

  sizes_compute (&z, width, height, channels, settings);
  return jart_buffer_size (z.luma) + 2 * jart_buffer_size (z.chroma)
         + 3 * z.mcus + (size_t)z.mcu_rows * sizeof (atomic_int)
         + (size_t)z.threads * (z.scratch + sizeof (JartScratch));
}

static JartStatus
scratch_init (JartScratch *s, const JartWork *work, const Sizes *z)
{
  size_t width = (size_t)work->width;
  int c, j;

  s->flat = malloc (width * (size_t)work->channels);
  s->conv[0] = malloc (width);
  s->packed = malloc (z->packed);
  if (s->flat == NULL || s->conv[0] == NULL || s->packed == NULL)
    return JART_ERROR_NO_MEMORY;
  if (work->colors == 1)
    return JART_OK;
  for (c = 0; c < 2; c++)
    {
      if ((s->up[c] = malloc (width + 1)) == NULL)
        return JART_ERROR_NO_MEMORY;
      for (j = 0; j < z->vrows; j++)
        if ((s->rows[c][j] = malloc (z->row)) == NULL)
          return JART_ERROR_NO_MEMORY;
    }
  s->sums = malloc (((size_t)z->chroma_w + 2) * sizeof (int32_t));
  s->pairs = malloc (width + 2);
  return s->sums == NULL || s->pairs == NULL ? JART_ERROR_NO_MEMORY : JART_OK;
}

static void
scratch_free (JartScratch *s)
{
  int c, j;

  free (s->flat);
  free (s->packed);
  free (s->conv[0]);
  for (c = 0; c < 2; c++)
    {
      free (s->up[c]);
      for (j = 0; j < 4; j++)
        free (s->rows[c][j]);
    }
  free (s->sums);
  free (s->pairs);
}

void
jart_work_output (const JartWork *work, uint8_t *dst, size_t stride)
{
  size_t bytes = (size_t)work->width * (size_t)work->channels;
  int y;

  if (dst == work->pixels)
    return;
  for (y = 0; y < work->height; y++)
    memcpy (dst + (size_t)y * stride, work->pixels + (size_t)y * work->stride,
            bytes);
}

JartStatus
jart_work_init (JartWork *work, const JartImage *src, JartImage *dst,
                const JartSettings *settings, int stats)
{
  JartSubsampling first;
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
  work->channels = src->channels;
  work->colors = z.colors;
  work->hmax = z.hmax;
  work->vmax = z.vmax;
  work->stats = stats;
  work->flatten = jart_flatten_background (settings, src->channels, work->bg);
  work->input = src->pixels;
  work->input_stride = src->stride;
  work->max_width = src->width;
  work->max_height = src->height;
  work->modes = modes_used (settings, &first);

  work->mcu_capacity = z.mcus;
  work->plane[0] = jart_buffer_alloc (z.luma);
  work->dirty = malloc (z.mcus);
  work->decode = malloc (z.mcus);
  work->changed = malloc (z.mcus);
  work->pending = malloc ((size_t)z.mcu_rows * sizeof (atomic_int));
  if (!work->plane[0] || !work->dirty || !work->decode || !work->changed
      || !work->pending)
    goto no_memory;
  for (c = 1; c < work->colors; c++)
    if ((work->plane[c] = jart_buffer_alloc (z.chroma)) == NULL)
      goto no_memory;
  if (dst != NULL)
    {
      work->pixels = dst->pixels;
      work->stride = dst->stride;
    }
  else
    {
      work->pixels = jart_buffer_alloc (z.image);
      work->stride = (size_t)src->width * (size_t)src->channels;
      work->owns_pixels = 1;
      if (work->pixels == NULL)
        goto no_memory;
    }

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
jart_work_shape (JartWork *work, int width, int height,
                 JartSubsampling subsampling)
{
  int h = 1, v = 1;

  if (work->colors == 3)
    jart_sampling_factors (subsampling, &h, &v);
  if (width == work->width && height == work->height && h == work->hmax
      && v == work->vmax)
    return;
  work->width = width;
  work->height = height;
  work->hmax = h;
  work->vmax = v;
  work->valid = 0;
}

void
jart_work_free (JartWork *work)
{
  int c, t;

  for (c = 0; c < 3; c++)
    free (work->plane[c]);
  if (work->owns_pixels)
    free (work->pixels);
  free (work->dirty);
  free (work->decode);
  free (work->changed);
  free (work->pending);
  if (work->scratch != NULL)
    for (t = 0; t < work->threads; t++)
      scratch_free (&work->scratch[t]);
  free (work->scratch);
  memset (work, 0, sizeof *work);
}
