/* stats-ssim.c: the mean SSIM of an image against a fixed reference, kept
 * by tiles so that a change is paid for where it is (JartSsimMap), and
 * jart_ssim, which computes it once.
 *
 * The SSIM is Z. Wang, A. C. Bovik, H. R. Sheikh and E. P. Simoncelli's
 * ("Image Quality Assessment: From Error Visibility to Structural
 * Similarity", IEEE Trans. Image Processing 13 (4), 2004) with the border
 * handling of scikit-image's structural_similarity (gaussian_weights=True,
 * sigma=1.5, use_sample_covariance=False, data_range=255), on luma: at every
 * pixel the local means, variances and covariance come from a Gaussian
 * window, sigma 1.5, truncated at radius int (3.5 sigma + 0.5) = 5 and
 * normalized to sum 1, applied as two 1-D passes (rows, then columns);
 * outside the image the samples are mirrored with the edge sample repeated
 * (d c b a | a b c d | d c b a, scipy.ndimage's "reflect").  Then
 * SSIM = (2 mx my + C1) (2 sxy + C2) / ((mx^2 + my^2 + C1) (sx + sy + C2))
 * with C1 = (0.01 * 255)^2 and C2 = (0.03 * 255)^2, and the mean is taken
 * over the pixels at least 5 from every edge (over all of them when a side
 * is shorter than 11, which scikit-image refuses).
 *
 * The image is cut into JART_SSIM_TILE x JART_SSIM_TILE tiles, each
 * computed on its own from the samples its window reaches (so that a
 * change is paid for where it is: only the tiles within 5 pixels of it are
 * recomputed, by bands of a tile's height that the threads take in turn),
 * in single precision (the window's weights computed in double, then
 * rounded) with the samples less a shift, the mean of the tile's reference
 * luma: the squares and products stay small, and with them the rounding
 * errors where the local variance is small (on near-flat bright areas
 * float32 without the shift is 3.6e-5 off on the mean; with it the tests'
 * images stay within 1e-7 of scikit-image).  The shifted samples, their
 * squares and products are exact in float; each filter starts from the
 * centre tap and adds the pairs of taps at the same distance (the window is
 * symmetric), the farthest first, along the rows and then across them; the
 * SSIM of a pixel is computed in double from the five local means.  A tile
 * keeps the sum of its pixels' SSIM, each column into one of eight lane
 * sums (its column modulo 8), rows top to bottom, the lanes added pairwise
 * at the end; the mean adds the tiles in raster order.  Every pixel's value
 * depends only on its tile and is computed by the same operations in the
 * same order on every kernel path (simd/ssim-sse2.c and simd/ssim-avx2.c do
 * per lane what the portable code does), so the total is the same bit for bit
 * whichever tiles an update recomputed and whichever path computed them.  The
 * luma of the image and of the reference is converted by the luma kernel,
 * by chunks of a band's tiles, as a tile is recomputed: the reference's is
 * not kept (the reference's pixels are), and the memory a run's statistics
 * first touch, which costs the kernel's clearing of its pages, stays that
 * much smaller; the tile's shift is the rounded mean of the reference's luma
 * over the tile's pixels, from the same rows.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "kernels.h"
#include "stats.h"

#define SIGMA 1.5
#define RADIUS JART_SSIM_RADIUS
#define TAPS (2 * RADIUS + 1)
#define K1 0.01
#define K2 0.03
#define RANGE 255.0
#define TILE JART_SSIM_TILE
#define SPAN JART_SSIM_SPAN
#define SPAN_READ JART_SSIM_SPAN_READ
#define Q_COUNT JART_SSIM_QUANTITIES
/* Input rows of one band: a tile's and the window's reach. */
#define BAND_ROWS (TILE + 2 * RADIUS)
/* Tiles of a band whose luma is converted at once, and the bytes of one
 * of its rows: their columns, the window's reach and, at the right edge,
 * the mirrored columns of a last tile's unused pixels, and the reads'
 * slack. */
#define CHUNK_TILES 8
#define LUMA_ROW (CHUNK_TILES * TILE + 2 * SPAN_READ)

/* The five filtered quantities: x, y, x^2, y^2, x y. */
enum
{
  Q_X,
  Q_Y,
  Q_XX,
  Q_YY,
  Q_XY
};

/* One thread's rows. */
typedef struct
{
  JartSsimRow h[BAND_ROWS];           /* a tile's rows filtered along */
  uint8_t x[SPAN_READ], y[SPAN_READ]; /* a row's samples, mirrored */
  int column[SPAN_READ];              /* a tile's input columns, mirrored */
  /* The image's and the reference's luma on the band's rows, from column
     lo on. */
  uint8_t luma[BAND_ROWS][LUMA_ROW];
  uint8_t ref[BAND_ROWS][LUMA_ROW];
} Scratch;

struct JartSsimMap
{
  int width, height;
  int tiles_x, tiles_y;
  int x0, x1, y0, y1; /* the pixels the mean covers */
  float w[TAPS];      /* the window */
  JartImage a;        /* the reference (its pixels are the caller's) */
  double *tile_sum;   /* each tile's sum of SSIM */
  uint8_t *dirty;     /* tiles to recompute */
  int threads;
  JartKernelPath simd; /* whose filters: portable, SSE2 or AVX2 */
  const JartKernels *kernels;
  const JartCancel *cancel;
  Scratch *scratch;
  /* During an update: */
  const JartImage *b;
  atomic_int next_band;
};

/* Index I mirrored into 0 .. N - 1, repeating the edge sample. */
static int
reflect (int i, int n)
{
  int period = 2 * n;

  i %= period;
  if (i < 0)
    i += period;
  return i < n ? i : period - 1 - i;
}

/* The luma of N pixels of ROW (channels of IMAGE) into OUT. */
static void
luma_row (const JartSsimMap *map, const JartImage *image, const uint8_t *row,
          int n, uint8_t *out)
{
  int i;

  if (image->channels >= 3)
    map->kernels->rgb_to_y (row, image->channels, n, out);
  else if (image->channels == 1)
    memcpy (out, row, (size_t)n);
  else
    for (i = 0; i < n; i++)
      out[i] = row[(size_t)i * image->channels];
}

/* One input row of a tile along the row: the samples X and Y (SPAN of
 * them) less SHIFT, their squares and product, each filtered by W into
 * H[q][j] for the TILE columns j (the window around sample j + RADIUS). */
static void
ssim_row (const float *w, const uint8_t *x, const uint8_t *y, int shift,
          JartSsimRow h)
{
  float in[Q_COUNT][SPAN];
  int i, j, k, q;

  for (i = 0; i < SPAN; i++)
    {
      const float u = (float)(x[i] - shift), v = (float)(y[i] - shift);

      in[Q_X][i] = u;
      in[Q_Y][i] = v;
      in[Q_XX][i] = u * u;
      in[Q_YY][i] = v * v;
      in[Q_XY][i] = u * v;
    }
  /* Tap by tap over the row (the same sums, which compilers vectorize). */
  for (q = 0; q < Q_COUNT; q++)
    {
      for (j = 0; j < TILE; j++)
        h[q][j] = w[RADIUS] * in[q][j + RADIUS];
      for (k = 0; k < RADIUS; k++)
        for (j = 0; j < TILE; j++)
          h[q][j] = h[q][j] + w[k] * (in[q][j + k] + in[q][j + TAPS - 1 - k]);
    }
}

/* The SSIM of one pixel from its five local means, of the samples less
 * SHIFT. */
static inline double
pixel_ssim (double mx, double my, double xx, double yy, double xy,
            double shift)
{
  const double c1 = (K1 * RANGE) * (K1 * RANGE);
  const double c2 = (K2 * RANGE) * (K2 * RANGE);
  const double vx = xx - mx * mx, vy = yy - my * my, vxy = xy - mx * my;
  const double ux = mx + shift, uy = my + shift;
  const double a1 = 2.0 * ux * uy + c1, a2 = 2.0 * vxy + c2;
  const double b1 = ux * ux + uy * uy + c1, b2 = vx + vy + c2;

  return (a1 * a2) / (b1 * b2);
}

/* Filters rows H[o .. o + 10] across for the ROWS output rows o, takes
 * the SSIM of each of their TILE columns and adds those of columns
 * XA .. XB - 1 to ACC[column % 8], row after row (0 for the others). */
static void
ssim_rows (const float *w, const JartSsimRow *h, int rows, int shift, int xa,
           int xb, double acc[8])
{
  float m[Q_COUNT][TILE];
  int o, j, k, q;

  for (o = 0; o < rows; o++)
    {
      for (q = 0; q < Q_COUNT; q++)
        {
          for (j = 0; j < TILE; j++)
            m[q][j] = w[RADIUS] * h[o + RADIUS][q][j];
          for (k = 0; k < RADIUS; k++)
            for (j = 0; j < TILE; j++)
              m[q][j] = m[q][j]
                        + w[k] * (h[o + k][q][j] + h[o + TAPS - 1 - k][q][j]);
        }
      for (j = 0; j < TILE; j++)
        {
          const double v = pixel_ssim (m[Q_X][j], m[Q_Y][j], m[Q_XX][j],
                                       m[Q_YY][j], m[Q_XY][j], shift);

          acc[j % 8] += j >= xa && j < xb ? v : 0.0;
        }
    }
}

/* The first and last + 1 columns of the luma that tiles TA .. TB - 1
 * read: their inputs and, mirrored at the edges, the samples inside. */
static void
luma_span (const JartSsimMap *map, int ta, int tb, int *lo, int *hi)
{
  const int w = map->width;

  if (w < 2 * (TILE + SPAN))
    {
      *lo = 0;
      *hi = w;
      return;
    }
  *lo = jart_max_int (0, jart_min_int (ta * TILE - RADIUS,
                                       2 * w - 1 - (tb * TILE + RADIUS - 1)));
  *hi = jart_min_int (w, tb * TILE + RADIUS);
}

/* The rounded mean of the reference's luma over the pixels of tile TX of
 * band TY, from S->ref (its first row FIRST, its first column LO). */
static int
tile_shift (const JartSsimMap *map, const Scratch *s, int ty, int tx,
            int first, int lo)
{
  const int X0 = tx * TILE, Y0 = ty * TILE;
  const int x1 = jart_min_int (X0 + TILE, map->width);
  const int y1 = jart_min_int (Y0 + TILE, map->height);
  const uint32_t n = (uint32_t)(x1 - X0) * (uint32_t)(y1 - Y0);
  uint32_t sum = 0;
  int x, y;

  for (y = Y0; y < y1; y++)
    {
      /* Column x is row[x - lo]: no pointer before the row is formed. */
      const uint8_t *row = s->ref[y - first];

      for (x = X0; x < x1; x++)
        sum += row[x - lo];
    }
  return (int)((sum + n / 2) / n);
}

/* Recomputes tile TX of band TY, whose rows of the image's and the
 * reference's luma are in S->luma and S->ref from column LO on. */
static void
compute_tile (JartSsimMap *map, Scratch *s, int ty, int tx, int lo)
{
  const int X0 = tx * TILE, Y0 = ty * TILE;
  const int xa = jart_max_int (X0, map->x0) - X0;
  const int xb = jart_min_int (X0 + TILE, map->x1) - X0;
  const int ra = jart_max_int (Y0, map->y0) - Y0;
  const int rb = jart_min_int (Y0 + TILE, map->y1) - Y0;
  const int inside = X0 - RADIUS >= 0 && X0 - RADIUS + SPAN <= map->width;
  double acc[8] = { 0 };
  int r, i, shift;

  map->tile_sum[(size_t)ty * map->tiles_x + tx] = 0.0;
  if (xa >= xb || ra >= rb)
    return;
  shift = tile_shift (map, s, ty, tx, Y0 + ra - RADIUS, lo);
  if (!inside)
    for (i = 0; i < SPAN_READ; i++)
      s->column[i] = reflect (X0 - RADIUS + i, map->width);
  for (r = 0; r < rb - ra + 2 * RADIUS; r++)
    {
      /* Column c of the luma is s->luma[r][c - lo] (s->ref[r][c - lo]);
         no pointer before a row is formed (undefined behaviour in C,
         which UndefinedBehaviorSanitizer reports for the luma rows). */
      const uint8_t *ref = s->ref[r];
      const uint8_t *luma = s->luma[r];
      const uint8_t *x = inside ? ref + (X0 - RADIUS - lo) : NULL;
      const uint8_t *y = inside ? luma + (X0 - RADIUS - lo) : NULL;

      if (!inside)
        {
          for (i = 0; i < SPAN_READ; i++)
            {
              s->x[i] = ref[s->column[i] - lo];
              s->y[i] = luma[s->column[i] - lo];
            }
          x = s->x;
          y = s->y;
        }
#if defined(JART_HAVE_X86)
      if (map->simd == JART_KERNELS_AVX2)
        jart_avx2_ssim_row (map->w, x, y, shift, s->h[r]);
      else if (map->simd == JART_KERNELS_SSE2)
        jart_sse2_ssim_row (map->w, x, y, shift, s->h[r]);
      else
#endif
        ssim_row (map->w, x, y, shift, s->h[r]);
    }
#if defined(JART_HAVE_X86)
  if (map->simd == JART_KERNELS_AVX2)
    jart_avx2_ssim_rows (map->w, s->h, rb - ra, shift, xa, xb, acc);
  else if (map->simd == JART_KERNELS_SSE2)
    jart_sse2_ssim_rows (map->w, s->h, rb - ra, shift, xa, xb, acc);
  else
#endif
    ssim_rows (map->w, s->h, rb - ra, shift, xa, xb, acc);
  map->tile_sum[(size_t)ty * map->tiles_x + tx]
      = ((acc[0] + acc[1]) + (acc[2] + acc[3]))
        + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
}

/* The luma of the image's and the reference's rows that band TY reads,
 * columns LO .. HI - 1, into S->luma and S->ref (at most LUMA_ROW -
 * SPAN_READ columns). */
static void
band_luma (JartSsimMap *map, Scratch *s, int ty, int lo, int hi)
{
  const JartImage *a = &map->a, *b = map->b;
  const int Y0 = ty * TILE;
  const int ra = jart_max_int (Y0, map->y0) - Y0;
  const int rb = jart_min_int (Y0 + TILE, map->y1) - Y0;
  int r;

  for (r = 0; r < rb - ra + 2 * RADIUS; r++)
    {
      const int iy = reflect (Y0 + ra - RADIUS + r, map->height);

      luma_row (map, a,
                a->pixels + (size_t)iy * a->stride + (size_t)lo * a->channels,
                hi - lo, s->ref[r]);
      luma_row (map, b,
                b->pixels + (size_t)iy * b->stride + (size_t)lo * b->channels,
                hi - lo, s->luma[r]);
    }
}

/* Each thread takes the next band and recomputes its marked tiles. */
static void *
update_main (void *data)
{
  JartSsimMap *map = ((void **)data)[0];
  Scratch *s = ((void **)data)[1];

  for (;;)
    {
      int ty = atomic_fetch_add (&map->next_band, 1), a = 0, e, c, ce, t;
      int lo, hi;
      uint8_t *dirty;

      if (ty >= map->tiles_y || jart_cancel_requested (map->cancel))
        break;
      dirty = map->dirty + (size_t)ty * map->tiles_x;
      while (a < map->tiles_x)
        {
          if (!dirty[a])
            {
              a++;
              continue;
            }
          for (e = a + 1; e < map->tiles_x && dirty[e]; e++)
            ;
          for (c = a; c < e; c = ce)
            {
              ce = jart_min_int (e, c + CHUNK_TILES);
              luma_span (map, c, ce, &lo, &hi);
              band_luma (map, s, ty, lo, hi);
              for (t = c; t < ce; t++)
                compute_tile (map, s, ty, t, lo);
            }
          memset (dirty + a, 0, (size_t)(e - a));
          a = e;
        }
    }
  return NULL;
}

void
jart_stats_parallel (int threads, void *(*main) (void *), void *const *args)
{
  pthread_t ids[JART_THREADS_MAX];
  int started[JART_THREADS_MAX], t;

  for (t = 1; t < threads; t++)
    started[t] = pthread_create (&ids[t], NULL, main, args[t]) == 0;
  main (args[0]);
  for (t = 1; t < threads; t++)
    if (started[t])
      pthread_join (ids[t], NULL);
}

double
jart_ssim_map_update (JartSsimMap *map, const JartImage *b)
{
  void *pairs[JART_THREADS_MAX][2];
  size_t tiles = (size_t)map->tiles_x * map->tiles_y, i;
  double total = 0.0;
  int t, threads, bands = 0, ty;
  size_t dirty = 0;

  for (ty = 0; ty < map->tiles_y; ty++)
    if (memchr (map->dirty + (size_t)ty * map->tiles_x, 1,
                (size_t)map->tiles_x)
        != NULL)
      {
        bands++;
        for (i = 0; i < (size_t)map->tiles_x; i++)
          dirty += map->dirty[(size_t)ty * map->tiles_x + i];
      }
  if (bands > 0)
    {
      void *args[JART_THREADS_MAX];

      map->b = b;
      atomic_store (&map->next_band, 0);
      threads = jart_clamp_int (
          jart_min_int (bands, (int)(dirty / JART_STATS_TILES_A_THREAD)), 1,
          map->threads);
      for (t = 0; t < threads; t++)
        {
          pairs[t][0] = map;
          pairs[t][1] = &map->scratch[t];
          args[t] = pairs[t];
        }
      jart_stats_parallel (threads, update_main, args);
      map->b = NULL;
    }
  for (i = 0; i < tiles; i++)
    total += map->tile_sum[i];
  return total / ((double)(map->x1 - map->x0) * (double)(map->y1 - map->y0));
}

void
jart_ssim_map_touch_all (JartSsimMap *map)
{
  memset (map->dirty, 1, (size_t)map->tiles_x * map->tiles_y);
}

void
jart_ssim_map_touch (JartSsimMap *map, int x0, int y0, int x1, int y1)
{
  int tx0, tx1, ty0, ty1, ty;

  /* The pixels whose window reaches the change; mirrored samples lie
     within the same reach of the edge. */
  x0 = jart_max_int (x0 - RADIUS, 0);
  y0 = jart_max_int (y0 - RADIUS, 0);
  x1 = jart_min_int (x1 + RADIUS, map->width);
  y1 = jart_min_int (y1 + RADIUS, map->height);
  if (x0 >= x1 || y0 >= y1)
    return;
  if (map->width < TAPS || map->height < TAPS)
    {
      /* The window mirrors more than once: any change reaches it all. */
      jart_ssim_map_touch_all (map);
      return;
    }
  tx0 = x0 / TILE;
  tx1 = (x1 - 1) / TILE;
  ty0 = y0 / TILE;
  ty1 = (y1 - 1) / TILE;
  for (ty = ty0; ty <= ty1; ty++)
    memset (map->dirty + (size_t)ty * map->tiles_x + tx0, 1,
            (size_t)(tx1 - tx0 + 1));
}

size_t
jart_ssim_map_memory (int width, int height, int threads)
{
  size_t tiles = (size_t)((width + TILE - 1) / TILE)
                 * (size_t)((height + TILE - 1) / TILE);

  return sizeof (JartSsimMap) + tiles * (sizeof (double) + 1)
         + (size_t)jart_clamp_int (threads, 1, JART_THREADS_MAX)
               * sizeof (Scratch);
}

void
jart_ssim_map_free (JartSsimMap *map)
{
  if (map == NULL)
    return;
  free (map->tile_sum);
  free (map->dirty);
  free (map->scratch);
  free (map);
}

JartSsimMap *
jart_ssim_map_new (const JartImage *a, int threads, JartKernelPath kernels,
                   const JartCancel *cancel)
{
  const JartKernels *table = jart_kernels_get (kernels);
  JartSsimMap *map = calloc (1, sizeof *map);
  size_t tiles;
  double w[TAPS], sum = 0.0;
  int k;

  if (map == NULL)
    return NULL;
  map->width = a->width;
  map->height = a->height;
  map->tiles_x = (a->width + TILE - 1) / TILE;
  map->tiles_y = (a->height + TILE - 1) / TILE;
  if (a->width >= TAPS && a->height >= TAPS)
    {
      map->x0 = map->y0 = RADIUS;
      map->x1 = a->width - RADIUS;
      map->y1 = a->height - RADIUS;
    }
  else
    {
      map->x1 = a->width;
      map->y1 = a->height;
    }
  for (k = 0; k < TAPS; k++)
    {
      double d = (double)(k - RADIUS);

      w[k] = exp (-0.5 / (SIGMA * SIGMA) * (d * d));
      sum += w[k];
    }
  for (k = 0; k < TAPS; k++)
    map->w[k] = (float)(w[k] / sum);
  map->threads = jart_clamp_int (threads, 1, JART_THREADS_MAX);
  map->cancel = cancel;
  map->kernels = table != NULL ? table : jart_kernels_get (JART_KERNELS_AUTO);
  map->simd = map->kernels->path;
  map->a = *a;
  tiles = (size_t)map->tiles_x * map->tiles_y;
  map->tile_sum = calloc (tiles, sizeof (double));
  map->dirty = malloc (tiles);
  map->scratch = calloc ((size_t)map->threads, sizeof (Scratch));
  if (map->tile_sum == NULL || map->dirty == NULL || map->scratch == NULL)
    {
      jart_ssim_map_free (map);
      return NULL;
    }
  jart_ssim_map_touch_all (map);
  return map;
}

JartStatus
jart_ssim (const JartImage *a, const JartImage *b, double *ssim)
{
  JartSsimMap *map;
  JartStatus status;

  if (ssim == NULL)
    return JART_ERROR_NULL;
  if ((status = jart_image_pair_check (a, b)) != JART_OK)
    return status;
  if ((map = jart_ssim_map_new (a, 1, JART_KERNELS_AUTO, NULL)) == NULL)
    return JART_ERROR_NO_MEMORY;
  *ssim = jart_ssim_map_update (map, b);
  jart_ssim_map_free (map);
  return JART_OK;
}
