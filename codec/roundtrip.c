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
 *   and the inverse DCT in place; with statistics, the quantized
 *   coefficients the transform computes go to stats.c as well (the ones
 *   libjpeg-turbo's file would hold);
 * - the decoder upsamples the chroma of the canvas pixels that cover the
 *   image and converts them back to R'G'B'.
 *
 * Encoding an MCU reads only its own pixels (with the edge replication
 * above), and decoding one reads its own planes plus, through the chroma
 * upsampler, one chroma sample of its neighbours.  So when a generation
 * runs with the quality and offset of the one before, the planes of every
 * MCU whose pixels did not change are still right: only the changed MCUs
 * are encoded again, and only they and their neighbours are decoded.  The
 * result is the same, bit for bit, as encoding everything.  Which MCUs
 * changed is found out only when the next generation can use it (same
 * quality and offset); otherwise at most whether any pixel changed, and
 * the rows are decoded straight into the image.
 *
 * The buffers and the canvas geometry are work.c's: a schedule's work
 * holds those of the largest image and of every subsampling the schedule
 * uses; jart_work_shape makes it encode a scaled copy or another
 * subsampling, which forgets the planes.
 *
 * Work is split into MCU rows, which threads take in turn: each encodes
 * its row, and a row is decoded as soon as it and the rows next to it
 * (whose chroma it reads) are encoded, by the thread that finished the
 * last of them.  Each row is written by one thread only, so the pixels do
 * not depend on the number of threads.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <pthread.h>
#include <string.h>

#include "kernels.h"
#include "stats.h"

/* One generation's shared state, read by every thread. */
typedef struct
{
  JartWork *work;
  JartGeometry g;
  int dx, dy;
  int first_row; /* the MCU row holding the image's first row */
  JartDct dct;
  JartDecode decode;
  JartQuant quant[3]; /* Y, Cb, Cr */
  JartTrack track;
  const JartCancel *cancel;
  atomic_int next_row;
  atomic_int stopped;
  atomic_int found; /* JART_TRACK_ANY: a changed pixel was seen */
} Pass;

typedef struct
{
  Pass *pass;
  JartScratch *scratch;
  JartTripStats stats;
} Worker;

/* Canvas columns X0 .. X1 - 1 of one image row into DST, whose samples of
 * the image columns FIRST .. FIRST + N - 1 are in place already (at
 * FIRST + DX - X0): the columns left and right of the image repeat its
 * edges. */
static void
pad_edges (uint8_t *dst, int first, int n, int dx, int x0, int x1)
{
  int at = first + dx - x0, x;

  for (x = 0; x < at; x++)
    dst[x] = dst[at];
  for (x = at + n; x < x1 - x0; x++)
    dst[x] = dst[at + n - 1];
}

/* Canvas columns X0 .. X1 - 1 of one image row: SRC holds the row's
 * samples from image column FIRST on, one a pixel. */
static void
gather (const uint8_t *src, int first, int width, int dx, int x0, int x1,
        uint8_t *dst)
{
  int x = x0, mid_end = jart_min_int (x1, dx + width);

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

/* N pixels IN of the image composited on the background by their alpha,
 * into OUT in the same layout (alpha left out). */
static void
flatten_segment (const JartWork *work, const uint8_t *in, int n, uint8_t *out)
{
  const int step = work->channels, colors = work->colors;
  int i, c;

  for (i = 0; i < n; i++, in += step, out += step)
    {
      uint32_t a = in[colors];

      for (c = 0; c < colors; c++)
        out[c] = (uint8_t)((in[c] * a + work->bg[c] * (255 - a) + 127) / 255);
    }
}

/* The blocks a call of the transform hands the statistics at most: their
 * coefficients stay in the first level cache. */
#define KEEP_BLOCKS 32

/* The blocks of columns X0 .. X1 - 1 (multiples of 8) of the 8 rows at
 * ROW (a plane's rows STRIDE bytes apart) through the DCT, quantization
 * and back: the kernel table's round trip when both ends are integer,
 * else float-blocks.c's; their quantized coefficients to COEF unless it
 * is NULL. */
static void
transform_row (const Pass *p, uint8_t *row, size_t stride, int x0, int x1,
               const JartQuant *quant, int16_t *coef)
{
  if (p->dct == JART_DCT_FLOAT || p->decode == JART_DECODE_GIMP)
    jart_transform_blocks_float (row, stride, x0, x1, quant, p->dct, p->decode,
                                 coef);
  else
    p->work->kernels->transform_blocks (row, stride, x0, x1, quant, p->dct,
                                        coef);
}

/* The block rows Y0 .. Y1 - 1 (multiples of 8) of component C's plane,
 * columns X0 .. X1 - 1, through the DCT, quantization and back; when the
 * run keeps statistics, the quantized coefficients go to
 * jart_stats_keep, KEEP_BLOCKS at a time. */
static void
transform_blocks (const Pass *p, int c, int plane_w, int x0, int x1, int y0,
                  int y1, const JartQuant *quant)
{
  JartStats *measure = p->work->measure;
  uint8_t *plane = p->work->plane[c];
  int by, x;

  for (by = y0; by < y1; by += 8)
    {
      uint8_t *row = plane + (size_t)by * plane_w;

      if (measure == NULL)
        {
          transform_row (p, row, (size_t)plane_w, x0, x1, quant, NULL);
          continue;
        }
      for (x = x0; x < x1; x += 8 * KEEP_BLOCKS)
        {
          int16_t coef[KEEP_BLOCKS * 64];
          int end = jart_min_int (x + 8 * KEEP_BLOCKS, x1);

          transform_row (p, row, (size_t)plane_w, x, end, quant, coef);
          jart_stats_keep (measure, c, by / 8, x / 8, (end - x) / 8, coef);
        }
    }
}

/* Builds and transforms the planes of MCUs MX0 .. MX1 - 1 of MCU row MY. */
static void
encode_run (const Pass *p, JartScratch *s, int my, int mx0, int mx1)
{
  const JartWork *work = p->work;
  const JartGeometry *g = &p->g;
  const int width = work->width, colors = work->colors;
  const int step = work->channels;
  const int hmax = work->hmax, vmax = work->vmax;
  const int x0 = mx0 * g->mcu_w, x1 = mx1 * g->mcu_w;
  const int luma_x1 = jart_min_int (x1, g->luma_w);
  const int c0 = x0 / hmax, c1 = x1 / hmax;
  const int first = jart_clamp_int (x0 - p->dx, 0, width - 1);
  const int n = jart_clamp_int (x1 - 1 - p->dx, 0, width - 1) - first + 1;
  const int last_luma_row = g->groups * vmax - 1;
  int group, j, c, i, row;

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
          int iy = jart_clamp_int (cy - p->dy, 0, work->height - 1);
          const uint8_t *in = work->input + (size_t)iy * work->input_stride
                              + (size_t)first * step;
          uint8_t *luma = work->plane[0] + (size_t)cy * g->luma_w + x0;

          if (work->flatten)
            {
              flatten_segment (work, in, n, s->flat);
              in = s->flat;
            }
          if (colors == 1)
            {
              if (step == 2)
                {
                  for (i = 0; i < n; i++)
                    s->conv[0][i] = in[2 * i];
                  in = s->conv[0];
                }
              gather (in, first, width, p->dx, x0, luma_x1, luma);
              continue;
            }
          {
            const int at = first + p->dx - x0;

            work->kernels->rgb_to_ycc (in, step, n, luma + at,
                                       s->rows[0][j] + at, s->rows[1][j] + at);
            pad_edges (luma, first, n, p->dx, x0, luma_x1);
            for (c = 0; c < 2; c++)
              pad_edges (s->rows[c][j], first, n, p->dx, x0, x1);
          }
        }
      for (c = 1; c < colors; c++)
        work->kernels->downsample (
            hmax, vmax, (const uint8_t *const *)s->rows[c - 1], c1 - c0,
            work->plane[c] + (size_t)group * g->chroma_w + c0);
    }
  for (row = jart_max_int (last_luma_row + 1, my * g->mcu_h);
       row < jart_min_int ((my + 1) * g->mcu_h, g->luma_h); row++)
    memcpy (work->plane[0] + (size_t)row * g->luma_w + x0,
            work->plane[0] + (size_t)last_luma_row * g->luma_w + x0,
            (size_t)(luma_x1 - x0));

  transform_blocks (p, 0, g->luma_w, x0, luma_x1, my * g->mcu_h,
                    jart_min_int ((my + 1) * g->mcu_h, g->luma_h),
                    &p->quant[0]);
  for (c = 1; c < colors; c++)
    transform_blocks (p, c, g->chroma_w, c0, c1, my * 8, my * 8 + 8,
                      &p->quant[c]);
}

/* Compares the decoded pixels FRESH of canvas columns CX0 .. CX0 + N - 1
 * with the generation's input IN, exactly and with the squared error
 * against the source row ORIGINAL (stats), and marks the MCUs of CHANGED
 * (indexed by canvas column / MCU_W) that changed.  Returns nonzero when
 * any pixel changed. */
static int
compare_row (const JartWork *work, const uint8_t *fresh, const uint8_t *in,
             const uint8_t *original, int cx0, int n, int mcu_w,
             uint8_t *changed, JartTripStats *stats)
{
  const int step = work->channels;
  const int first = jart_min_int (cx0 + n, (cx0 / mcu_w + 1) * mcu_w) - cx0;

  if (!work->stats)
    return work->kernels->mark_changes (
        fresh, in, (size_t)n * step, (size_t)first * step,
        (size_t)mcu_w * step, changed + cx0 / mcu_w);
  if (memcmp (fresh, in, (size_t)n * step) == 0)
    return 0;
  work->kernels->compare_stats (fresh, in, original, n, step, work->colors,
                                first, mcu_w, changed + cx0 / mcu_w,
                                &stats->changed_pixels, &stats->sse_delta);
  return 1;
}

/* The decoded pixels of canvas row CY, columns CX0 .. CX0 + N - 1, into
 * OUT, exactly N pixels (alpha from IN, which may be OUT) unless OUT is
 * the scratch row: the kernel may write past its pixels, so the last ones
 * go through the scratch row first. */
static void
decode_row (const Pass *p, JartScratch *s, int cy, int cx0, int n,
            const uint8_t *in, uint8_t *out)
{
  const JartWork *work = p->work;
  const JartGeometry *g = &p->g;
  const int step = work->channels;
  const uint8_t *luma = work->plane[0] + (size_t)cy * g->luma_w + cx0;
  int i, c;

  if (work->colors == 3)
    {
      const int tail = jart_min_int (n, 16), n1 = n - tail;

      for (c = 1; c < 3; c++)
        jart_upsample_row (work->kernels, work->hmax, work->vmax,
                           work->plane[c], (size_t)g->chroma_w, g->chroma_dw,
                           g->chroma_dh, cy, cx0, n, s->sums, s->pairs,
                           s->up[c - 1]);
      if (out == s->packed)
        {
          /* The scratch row has room for what the kernel writes past. */
          work->kernels->ycc_to_rgb (luma, s->up[0], s->up[1], n, in, step,
                                     out);
          return;
        }
      /* The tail first, while IN's alpha there is intact; the bulk may
         write up to 32 bytes into it (16 pixels of 3 or 4 bytes are
         more), then the tail is copied over that. */
      work->kernels->ycc_to_rgb (luma + n1, s->up[0] + n1, s->up[1] + n1, tail,
                                 in + (size_t)n1 * step, step, s->packed);
      if (n1 > 0)
        work->kernels->ycc_to_rgb (luma, s->up[0], s->up[1], n1, in, step,
                                   out);
      memcpy (out + (size_t)n1 * step, s->packed, (size_t)tail * step);
    }
  else if (step == 2)
    for (i = 0; i < n; i++)
      {
        out[2 * i] = luma[i];
        out[2 * i + 1] = in[2 * i + 1];
      }
  else
    memcpy (out, luma, (size_t)n);
}

/* Decodes the image pixels of MCUs MX0 .. MX1 - 1 of MCU row MY into the
 * working image, finding out what the pass tracks about the changes.  A
 * row is decoded straight into the image unless it must be compared with
 * its input and is that input. */
static void
decode_run (Pass *p, JartScratch *s, int my, int mx0, int mx1,
            JartTripStats *stats)
{
  const JartWork *work = p->work;
  const JartGeometry *g = &p->g;
  const int step = work->channels;
  const int cx0 = jart_max_int (mx0 * g->mcu_w, p->dx);
  const int cx1 = jart_min_int (mx1 * g->mcu_w, p->dx + work->width);
  const int cy0 = jart_max_int (my * g->mcu_h, p->dy);
  const int cy1 = jart_min_int ((my + 1) * g->mcu_h, p->dy + work->height);
  const int n = cx1 - cx0;
  const size_t bytes = (size_t)n * step;
  uint8_t *changed = work->changed + (size_t)my * g->mcu_cols;
  int cy;

  for (cy = cy0; cy < cy1; cy++)
    {
      const size_t column = (size_t)(cx0 - p->dx) * step;
      const int iy = cy - p->dy;
      const uint8_t *in
          = work->input + (size_t)iy * work->input_stride + column;
      const uint8_t *original
          = work->src->pixels + (size_t)iy * work->src->stride + column;
      uint8_t *out = work->pixels + (size_t)iy * work->stride + column;
      const int compare
          = work->stats || p->track == JART_TRACK_MCUS
            || (p->track == JART_TRACK_ANY
                && !atomic_load_explicit (&p->found, memory_order_relaxed));
      uint8_t *fresh = compare && out == in ? s->packed : out;
      int differs;

      decode_row (p, s, cy, cx0, n, in, fresh);
      if (!compare)
        continue;
      if (p->track == JART_TRACK_ANY && !work->stats)
        {
          differs = memcmp (fresh, in, bytes) != 0;
          if (differs)
            atomic_store_explicit (&p->found, 1, memory_order_relaxed);
        }
      else
        differs = compare_row (work, fresh, in, original, cx0, n, g->mcu_w,
                               changed, stats);
      if (differs)
        stats->changed = 1;
      if (fresh != out)
        memcpy (out, fresh, bytes);
    }
}

/* Calls encode_run or decode_run for every stretch of MCUs of row MY
 * marked in MAP. */
static void
for_each_run (Worker *w, int my, const uint8_t *map, int decoding)
{
  Pass *p = w->pass;
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
      if (decoding)
        decode_run (p, w->scratch, my, a, b, &w->stats);
      else
        encode_run (p, w->scratch, my, a, b);
      a = b;
    }
}

/* The encode of MCU row K is done: counts it off the rows that wait for
 * it and decodes those that wait no longer. */
static void
encoded (Worker *w, int k)
{
  Pass *p = w->pass;
  int rows[4], n = 0, d, i;

  for (d = k - 1; d <= k + 1; d++)
    if (d >= 0 && d < p->g.mcu_rows)
      rows[n++] = d;
  if (k < p->first_row - 1)
    rows[n++] = p->first_row;
  for (i = 0; i < n; i++)
    if (atomic_fetch_sub (&p->work->pending[rows[i]], 1) == 1)
      for_each_run (w, rows[i], p->work->decode, 1);
}

/* Each thread takes the next MCU row, encodes it, and decodes every row
 * whose last missing neighbour that was: decoding row R reads the planes
 * of rows R - 1 .. R + 1 (chroma upsampling), and writes the image rows
 * that the encoders of those rows read (row R itself and, above the
 * image, the first image row for every row before it), so it waits for
 * their encodes.  A row is decoded once, by whichever thread finished its
 * last encode, mostly right after it was built, while it is in cache. */
static void *
worker_main (void *data)
{
  Worker *w = data;
  Pass *p = w->pass;

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
      for_each_run (w, my, p->work->dirty, 0);
      encoded (w, my);
    }
  return NULL;
}

/* Runs the generation over every MCU row on the work's threads.  A thread
 * that cannot be started leaves its share to the others. */
static void
run_pass (Pass *p, Worker *workers)
{
  pthread_t ids[JART_THREADS_MAX];
  int started[JART_THREADS_MAX];
  int t, threads = p->work->threads, r;

  for (r = 0; r < p->g.mcu_rows; r++)
    atomic_init (&p->work->pending[r],
                 (r > 0) + 1 + (r + 1 < p->g.mcu_rows)
                     + (r == p->first_row ? jart_max_int (r - 1, 0) : 0));
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
mark_decode (JartWork *work, const JartGeometry *g)
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
        for (j = jart_max_int (my - 1, 0);
             j <= jart_min_int (my + 1, rows - 1); j++)
          for (i = jart_max_int (mx - 1, 0);
               i <= jart_min_int (mx + 1, cols - 1); i++)
            work->decode[(size_t)j * cols + i] = 1;
}

/* MCUs left of and above the image replicate its first column and row:
 * when the MCU holding an image edge changed, so do they. */
static void
mark_padding (JartWork *work, const JartGeometry *g, int dx, int dy)
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

/* Whether the planes hold the last generation saved as SAVE. */
static int
saved_alike (const JartWork *work, const JartSave *save)
{
  if (!work->valid || save->quality != work->prev_quality
      || save->dx != work->prev_dx || save->dy != work->prev_dy)
    return 0;
  return save->quality != 0
         || memcmp (save->tables, work->prev_tables, sizeof work->prev_tables)
                == 0;
}

JartStatus
jart_round_trip (JartWork *work, const JartSave *save, JartTrack track,
                 const JartCancel *cancel, JartTripStats *stats)
{
  Worker workers[JART_THREADS_MAX];
  const int quality = save->quality, dx = save->dx, dy = save->dy;
  const JartDct dct = save->dct;
  Pass pass;
  size_t mcus;
  int t;

  memset (&pass, 0, sizeof pass);
  pass.work = work;
  pass.dx = dx;
  pass.dy = dy;
  pass.dct = dct;
  pass.decode = save->decode;
  pass.track = work->stats ? JART_TRACK_MCUS : track;
  pass.cancel = cancel;
  pass.first_row = 0;
  atomic_init (&pass.next_row, 0);
  atomic_init (&pass.stopped, 0);
  atomic_init (&pass.found, 0);
  jart_geometry_compute (&pass.g, work->width, work->height, work->hmax,
                         work->vmax, dx, dy);
  pass.first_row = dy / pass.g.mcu_h;
  jart_quant_prepare_components (quality, save->tables, save->cr_table, dct,
                                 pass.quant);
  if (work->measure != NULL)
    jart_stats_begin (work->measure, &pass.g, work->hmax, work->vmax,
                      work->colors,
                      work->colors == 1                        ? 1
                      : quality == 0 && save->cr_table != NULL ? 3
                                                               : 2);
  for (t = 0; t < work->threads; t++)
    {
      workers[t].pass = &pass;
      workers[t].scratch = &work->scratch[t];
      memset (&workers[t].stats, 0, sizeof workers[t].stats);
    }

  /* What to encode: everything, unless the planes hold the previous
   * generation at the same settings; then what it changed. */
  mcus = (size_t)pass.g.mcu_cols * (size_t)pass.g.mcu_rows;
  if (saved_alike (work, save))
    {
      memcpy (work->dirty, work->changed, mcus);
      mark_decode (work, &pass.g);
    }
  else
    {
      memset (work->dirty, 1, mcus);
      memset (work->decode, 1, mcus);
    }
  if (pass.track == JART_TRACK_MCUS)
    memset (work->changed, 0, mcus);
  work->valid = 0;

  run_pass (&pass, workers);
  if (atomic_load (&pass.stopped))
    return JART_ERROR_CANCELLED;
  if (pass.track == JART_TRACK_MCUS)
    mark_padding (work, &pass.g, dx, dy);

  /* Without the MCU map the next generation encodes everything. */
  work->valid = pass.track == JART_TRACK_MCUS;
  work->prev_quality = quality;
  if (quality == 0)
    memcpy (work->prev_tables, save->tables, sizeof work->prev_tables);
  work->prev_dx = dx;
  work->prev_dy = dy;
  work->input = work->pixels;
  work->input_stride = work->stride;
  memset (stats, 0, sizeof *stats);
  stats->changed = pass.track == JART_TRACK_NONE;
  for (t = 0; t < work->threads; t++)
    {
      stats->changed |= workers[t].stats.changed;
      stats->changed_pixels += workers[t].stats.changed_pixels;
      stats->sse_delta += workers[t].stats.sse_delta;
    }
  return JART_OK;
}
