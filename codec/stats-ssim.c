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
 * Each pixel's value is computed by the same operations in the same order
 * wherever it lies, on every kernel path (the AVX2 filter does per lane
 * what the portable one does): each filter starts from the centre tap and
 * adds the pairs of taps at the same distance (the window is symmetric),
 * the farthest first.  The image is cut into JART_SSIM_TILE x JART_SSIM_TILE
 * tiles; a tile keeps the sum of its pixels' SSIM (each row summed left to
 * right, the rows top to bottom), the mean adds the tiles in raster order.  A
 * change of pixels reaches the SSIM of the pixels within 5 of it: only the
 * tiles those touch are recomputed, by bands of a tile's height that the
 * threads take in turn, and the total is the same bit for bit as computing
 * all.
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
#define RADIUS 5 /* int (3.5 * SIGMA + 0.5) */
#define TAPS (2 * RADIUS + 1)
#define K1 0.01
#define K2 0.03
#define RANGE 255.0
#define TILE JART_SSIM_TILE
/* Output columns a thread filters at once: its rows stay in cache. */
#define CHUNK (8 * TILE)
/* Input rows of one band: a tile's and the window's reach. */
#define BAND_ROWS (TILE + 2 * RADIUS)

/* The five filtered quantities: x, y, x^2, y^2, x y. */
enum
{
  Q_X,
  Q_Y,
  Q_XX,
  Q_YY,
  Q_XY,
  Q_COUNT
};

/* One thread's rows. */
typedef struct
{
  double in[Q_COUNT][CHUNK + 2 * RADIUS]; /* one input row, mirrored */
  double h[BAND_ROWS][Q_COUNT][CHUNK];    /* rows filtered horizontally */
  double mean[Q_COUNT][CHUNK];            /* one output row */
  int column[CHUNK + 2 * RADIUS];         /* the input columns, mirrored */
} Scratch;

struct JartSsimMap
{
  int width, height;
  int tiles_x, tiles_y;
  int x0, x1, y0, y1; /* the pixels the mean covers */
  double w[TAPS];     /* the window */
  uint8_t *ref;       /* the reference's luma, width x height */
  double *tile_sum;   /* each tile's sum of SSIM */
  uint8_t *dirty;     /* tiles to recompute */
  int threads;
  int simd; /* the AVX2 filters */
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

static inline uint8_t
luma_at (const JartImage *image, int x, int y)
{
  const uint8_t *p = image->pixels + (size_t)y * image->stride
                     + (size_t)x * image->channels;

  return image->channels >= 3 ? jart_rgb_to_y (p[0], p[1], p[2]) : p[0];
}

static void
portable_filter (const double *w, const double *const *rows, int n,
                 double *out)
{
  int x, k;

  for (x = 0; x < n; x++)
    {
      double sum = w[RADIUS] * rows[RADIUS][x];

      for (k = 0; k < RADIUS; k++)
        sum += w[k] * (rows[k][x] + rows[TAPS - 1 - k][x]);
      out[x] = sum;
    }
}

/* The window across ROWS (TAPS rows of N samples) into OUT. */
static void
filter_v (const JartSsimMap *map, const double *const *rows, int n,
          double *out)
{
#if defined(JART_HAVE_X86)
  if (map->simd)
    {
      jart_avx2_ssim_filter (map->w, rows, n, out);
      return;
    }
#endif
  portable_filter (map->w, rows, n, out);
}

/* The window along the mirrored row IN into OUT (N samples): the same sums
 * with the row from each tap's sample on. */
static void
filter_h (const JartSsimMap *map, const double *in, int n, double *out)
{
  const double *rows[TAPS];
  int k;

  for (k = 0; k < TAPS; k++)
    rows[k] = in + k;
  filter_v (map, rows, n, out);
}

/* The SSIM of one pixel from its five local means. */
static inline double
pixel_ssim (double ux, double uy, double xx, double yy, double xy)
{
  const double c1 = (K1 * RANGE) * (K1 * RANGE);
  const double c2 = (K2 * RANGE) * (K2 * RANGE);
  double vx = xx - ux * ux, vy = yy - uy * uy, vxy = xy - ux * uy;
  double a1 = 2.0 * ux * uy + c1, a2 = 2.0 * vxy + c2;
  double b1 = ux * ux + uy * uy + c1, b2 = vx + vy + c2;

  return (a1 * a2) / (b1 * b2);
}

/* Recomputes tiles TA .. TB - 1 (at most CHUNK / TILE) of band TY. */
static void
compute_tiles (JartSsimMap *map, Scratch *s, int ty, int ta, int tb)
{
  const JartImage *b = map->b;
  const int ox0 = jart_max_int (ta * TILE, map->x0);
  const int ox1 = jart_min_int (tb * TILE, map->x1);
  const int oy0 = jart_max_int (ty * TILE, map->y0);
  const int oy1 = jart_min_int (ty * TILE + TILE, map->y1);
  double *sums = map->tile_sum + (size_t)ty * map->tiles_x;
  const double *rows[TAPS];
  int n = ox1 - ox0, r, y, x, q, k, t;

  for (t = ta; t < tb; t++)
    sums[t] = 0.0;
  if (n <= 0 || oy1 <= oy0)
    return;
  /* The columns the window reads, mirrored where they leave the image. */
  for (x = 0; x < n + 2 * RADIUS; x++)
    s->column[x] = reflect (ox0 - RADIUS + x, map->width);
  for (r = 0; r < oy1 - oy0 + 2 * RADIUS; r++)
    {
      const int iy = reflect (oy0 - RADIUS + r, map->height);
      const uint8_t *ref = map->ref + (size_t)iy * map->width;
      const uint8_t *row = b->pixels + (size_t)iy * b->stride;
      const int step = b->channels;

      for (x = 0; x < n + 2 * RADIUS; x++)
        {
          const int ix = s->column[x];
          const uint8_t *p = row + (size_t)ix * step;
          const double u = ref[ix];
          const double v = step >= 3 ? jart_rgb_to_y (p[0], p[1], p[2]) : p[0];

          s->in[Q_X][x] = u;
          s->in[Q_Y][x] = v;
          s->in[Q_XX][x] = u * u;
          s->in[Q_YY][x] = v * v;
          s->in[Q_XY][x] = u * v;
        }
      for (q = 0; q < Q_COUNT; q++)
        filter_h (map, s->in[q], n, s->h[r][q]);
    }
  for (y = oy0; y < oy1; y++)
    {
      for (q = 0; q < Q_COUNT; q++)
        {
          for (k = 0; k < TAPS; k++)
            rows[k] = s->h[y - oy0 + k][q];
          filter_v (map, rows, n, s->mean[q]);
        }
      for (t = ta; t < tb; t++)
        {
          const int a = jart_max_int (t * TILE, ox0) - ox0;
          const int e = jart_min_int (t * TILE + TILE, ox1) - ox0;
          double row_sum = 0.0;

          for (x = a; x < e; x++)
            row_sum += pixel_ssim (s->mean[Q_X][x], s->mean[Q_Y][x],
                                   s->mean[Q_XX][x], s->mean[Q_YY][x],
                                   s->mean[Q_XY][x]);
          sums[t] += row_sum;
        }
    }
}

/* Each thread takes the next band and recomputes its marked tiles. */
static void *
update_main (void *data)
{
  JartSsimMap *map = ((void **)data)[0];
  Scratch *s = ((void **)data)[1];
  const int per_chunk = CHUNK / TILE;

  for (;;)
    {
      int ty = atomic_fetch_add (&map->next_band, 1), a = 0, e;
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
          for (e = a + 1; e < map->tiles_x && e - a < per_chunk && dirty[e];
               e++)
            ;
          compute_tiles (map, s, ty, a, e);
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

  for (ty = 0; ty < map->tiles_y; ty++)
    if (memchr (map->dirty + (size_t)ty * map->tiles_x, 1,
                (size_t)map->tiles_x)
        != NULL)
      bands++;
  if (bands > 0)
    {
      void *args[JART_THREADS_MAX];

      map->b = b;
      atomic_store (&map->next_band, 0);
      threads = jart_clamp_int (bands, 1, map->threads);
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

  return sizeof (JartSsimMap) + (size_t)width * (size_t)height
         + tiles * (sizeof (double) + 1)
         + (size_t)jart_clamp_int (threads, 1, JART_THREADS_MAX)
               * sizeof (Scratch);
}

void
jart_ssim_map_free (JartSsimMap *map)
{
  if (map == NULL)
    return;
  free (map->ref);
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
  double sum = 0.0;
  int k, x, y;

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

      map->w[k] = exp (-0.5 / (SIGMA * SIGMA) * (d * d));
      sum += map->w[k];
    }
  for (k = 0; k < TAPS; k++)
    map->w[k] /= sum;
  map->threads = jart_clamp_int (threads, 1, JART_THREADS_MAX);
  map->cancel = cancel;
  map->simd = table != NULL && table->path == JART_KERNELS_AVX2;
  tiles = (size_t)map->tiles_x * map->tiles_y;
  map->ref = malloc ((size_t)a->width * (size_t)a->height);
  map->tile_sum = calloc (tiles, sizeof (double));
  map->dirty = malloc (tiles);
  map->scratch = malloc ((size_t)map->threads * sizeof (Scratch));
  if (map->ref == NULL || map->tile_sum == NULL || map->dirty == NULL
      || map->scratch == NULL)
    {
      jart_ssim_map_free (map);
      return NULL;
    }
  for (y = 0; y < a->height; y++)
    for (x = 0; x < a->width; x++)
      map->ref[(size_t)y * a->width + x] = luma_at (a, x, y);
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
