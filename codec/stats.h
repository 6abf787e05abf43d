/* stats.h: the statistics a run computes for each generation when its
 * settings ask for them (JartSettings.statistics): the exact sizes of the
 * JPEG file the generation writes, with the standard and with optimized
 * Huffman tables (stats.c) and progressive (stats-progressive.c), and the
 * SSIM of its output against the run's input (stats-ssim.c, which
 * jart_ssim uses too).  Both are kept up to
 * date from what each generation changed: the quantized coefficients of
 * the MCUs it encoded, the SSIM of the tiles its changed pixels reach.
 * Every total is a sum of per-row or per-tile parts added in a fixed order,
 * so it is the same whatever the threads did first.  Private to the codec.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JART_STATS_H
#define JART_STATS_H

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "huffman.h"
#include "jart-private.h"

/* ---- SSIM by tiles (stats-ssim.c) ---- */

/* The side of an SSIM tile, in pixels: the unit of what is recomputed. */
#define JART_SSIM_TILE 32

/* The SSIM of one image against a fixed reference, by tiles. */
typedef struct JartSsimMap JartSsimMap;

/* A map for reference A (its pixels are read at each update: they must
 * stay as they are while the map is used) on THREADS threads with the
 * filters of KERNELS (AUTO: the best this CPU has); NULL when out of
 * memory.  CANCEL (may be NULL) stops an update early: its value is then
 * meaningless and the map must not be used again. */
JartSsimMap *jart_ssim_map_new (const JartImage *a, int threads,
                                JartKernelPath kernels,
                                const JartCancel *cancel);
void jart_ssim_map_free (JartSsimMap *map);

/* The bytes jart_ssim_map_new allocates for WIDTH x HEIGHT. */
size_t jart_ssim_map_memory (int width, int height, int threads);

/* Marks every tile to be recomputed. */
void jart_ssim_map_touch_all (JartSsimMap *map);

/* Marks the tiles whose SSIM changes when pixels X0 .. X1 - 1 of rows
 * Y0 .. Y1 - 1 (clipped to the image) change. */
void jart_ssim_map_touch (JartSsimMap *map, int x0, int y0, int x1, int y1);

/* Recomputes the marked tiles with B (the reference's size and channels)
 * and returns the mean SSIM over the whole image. */
double jart_ssim_map_update (JartSsimMap *map, const JartImage *b);

/* The Gaussian window's reach: 5 = int (3.5 sigma + 0.5) for sigma 1.5. */
#define JART_SSIM_RADIUS 5
/* The input samples one tile's row of filters reads: its TILE columns and
 * the window's reach on either side, and the bytes read (a multiple of 8:
 * the last ones are read but unused). */
#define JART_SSIM_SPAN (JART_SSIM_TILE + 2 * JART_SSIM_RADIUS)
#define JART_SSIM_SPAN_READ 48
/* The five filtered quantities of a tile row: x, y, x^2, y^2, x y. */
#define JART_SSIM_QUANTITIES 5

/* One input row of a tile filtered along the row: for the JART_SSIM_SPAN
 * samples X and Y (reference and image, JART_SSIM_SPAN_READ bytes
 * readable) less SHIFT, H[q][j] for j < JART_SSIM_TILE is the window W
 * (float, symmetric) applied to quantity q around sample j + 5. */
typedef float JartSsimRow[JART_SSIM_QUANTITIES][JART_SSIM_TILE];

#if defined(JART_HAVE_X86)
/* simd/ssim-avx2.c: stats-ssim.c's ssim_row and ssim_rows (which say what
 * they compute), eight columns at a time, every operation the portable
 * code does in its order, so the results are the same bit for bit. */
void jart_avx2_ssim_row (const float *w, const uint8_t *x, const uint8_t *y,
                         int shift, JartSsimRow h);
void jart_avx2_ssim_rows (const float *w, const JartSsimRow *h, int rows,
                          int shift, int xa, int xb, double acc[8]);
/* simd/ssim-sse2.c: the same four columns at a time. */
void jart_sse2_ssim_row (const float *w, const uint8_t *x, const uint8_t *y,
                         int shift, JartSsimRow h);
void jart_sse2_ssim_rows (const float *w, const JartSsimRow *h, int rows,
                          int shift, int xa, int xb, double acc[8]);
#endif

/* The least work worth starting another thread for: pieces of a scan to
 * code, SSIM tiles to compute (a few hundred microseconds; a thread
 * started on a busy machine may wait a scheduler tick, milliseconds, for
 * a core, which the generations that change little would pay every
 * time). */
#define JART_STATS_PIECES_A_THREAD 32
#define JART_STATS_TILES_A_THREAD 64

/* Runs MAIN (ARGS[t]) on THREADS threads, the caller's being the first;
 * a thread that cannot be started leaves its share to the others, which
 * MAIN must take from a shared counter. */
void jart_stats_parallel (int threads, void *(*main) (void *),
                          void *const *args);

/* ---- pieces of entropy-coded data (pieces.c) ---- */

/* What one piece of a scan's entropy-coded data adds to the file. */
typedef struct
{
  uint64_t bits;
  uint32_t ff[8]; /* 0xFF bytes inside, by the piece's bit position mod 8 */
  uint8_t head;   /* its first 8 bits (zeros past its end) */
  uint8_t tail;   /* its last 8 bits, the last in the low bit */
} JartPieceBits;

/* Flushes WRITER, which wrote one piece from the start of its data (room
 * for one more byte), and fills OUT. */
void jart_piece_bits (JartBitWriter *writer, JartPieceBits *out);

/* The entropy-coded bytes of the N pieces of one scan, in order: 0x00
 * stuffed after each 0xFF, the last byte padded with 1 bits. */
uint64_t jart_pieces_bytes (const JartPieceBits *pieces, size_t n);

/* The pieces of one scan summed by groups of JART_PIECE_GROUP, each
 * group's pieces as one piece (its 0xFF bytes for each of the 8 bit
 * positions it may start at), so that the bytes of a scan of which few
 * pieces changed follow from the groups instead of every piece. */
#define JART_PIECE_GROUP 16
typedef struct
{
  JartPieceBits *group;
  uint8_t *stale; /* groups whose pieces changed since they were summed */
} JartPieceSums;

/* Room for the groups of PIECES pieces, all stale; nonzero when out of
 * memory.  jart_piece_sums_free frees it (also after a failure). */
int jart_piece_sums_init (JartPieceSums *sums, size_t pieces);
void jart_piece_sums_free (JartPieceSums *sums);

/* The bytes jart_piece_sums_init allocates for PIECES pieces. */
size_t jart_piece_sums_memory (size_t pieces);

/* Piece P changed (only the thread that sums may mark). */
static inline void
jart_piece_sums_touch (JartPieceSums *sums, size_t p)
{
  sums->stale[p / JART_PIECE_GROUP] = 1;
}

/* Every one of the N pieces changed. */
void jart_piece_sums_touch_all (JartPieceSums *sums, size_t n);

/* jart_pieces_bytes (PIECES, N) from the groups, the stale ones summed
 * again first. */
uint64_t jart_piece_sums_bytes (JartPieceSums *sums,
                                const JartPieceBits *pieces, size_t n);

/* Nonzero when tables A and B are the same. */
int jart_huff_same_table (const JartHuffTable *a, const JartHuffTable *b);

/* The mark of a wide block in its WIDE_INDEX. */
#define JART_COEF_WIDE 0x80000000u

/* The quantized coefficients a run's statistics keep (stats.c), as the
 * progressive sizes read them: block B's 64 coefficients are the bytes
 * NARROW[64 B ..], sign extended, unless its WIDE_INDEX[B] is marked
 * JART_COEF_WIDE (one of them is beyond -128 .. 127, which few blocks are
 * at the usual qualities): then those are their low bytes, and their high
 * bytes are HIGH[64 (I - 1) ..] for the rest I of its WIDE_INDEX, a place
 * a block takes the first time it needs one and keeps. */
typedef struct
{
  const int8_t *narrow; /* MCU by MCU in scan order, BPM blocks each (64
                           coefficients in zigzag order): the
                           luma's HMAX x VMAX (dummies not written), then
                           Cb and Cr */
  const int8_t *high;
  const uint32_t *wide_index;
  int colors, hmax, vmax, bpm;
  int cols, rows;           /* MCUs */
  int luma_cols, luma_rows; /* the luma's own blocks */
  int piece_mcus;           /* MCUs of a piece of a row */
  int pieces_per_row;
  const uint8_t *captured; /* the pieces (MCU row by MCU row) whose
                              coefficients changed */
  int all;                 /* nonzero: nothing known from before */
} JartCoefView;

/* Block B of VIEW's coefficients, into SPARE. */
static inline const int16_t *
jart_coef_block (const JartCoefView *view, size_t b, int16_t spare[64])
{
  const int8_t *narrow = view->narrow + b * 64;
  const uint32_t wide = view->wide_index[b];
  int i;

  if (wide & JART_COEF_WIDE)
    {
      const int8_t *high
          = view->high + (size_t)((wide & ~JART_COEF_WIDE) - 1) * 64;

      for (i = 0; i < 64; i++)
        spare[i]
            = (int16_t)((uint16_t)(uint8_t)high[i] << 8 | (uint8_t)narrow[i]);
      return spare;
    }
#if defined(__SSE2__)
  /* Each byte paired with itself, shifted down: its sign extended. */
  for (i = 0; i < 64; i += 16)
    {
      __m128i x = _mm_loadu_si128 ((const __m128i *)(narrow + i));

      _mm_storeu_si128 ((__m128i *)(spare + i),
                        _mm_srai_epi16 (_mm_unpacklo_epi8 (x, x), 8));
      _mm_storeu_si128 ((__m128i *)(spare + i + 8),
                        _mm_srai_epi16 (_mm_unpackhi_epi8 (x, x), 8));
    }
#else
  for (i = 0; i < 64; i++)
    spare[i] = narrow[i];
#endif
  return spare;
}

/* The DC of block B of VIEW. */
static inline int
jart_coef_dc (const JartCoefView *view, size_t b)
{
  const uint32_t wide = view->wide_index[b];
  const int8_t low = view->narrow[b * 64];

  if (wide & JART_COEF_WIDE)
    return (
        int16_t)((uint16_t)(uint8_t)view
                         ->high[(size_t)((wide & ~JART_COEF_WIDE) - 1) * 64]
                     << 8
                 | (uint8_t)low);
  return low;
}

/* ---- the progressive file's size (stats-progressive.c) ---- */

typedef struct JartProgStats JartProgStats;

/* For scans of at most PIECES pieces (MCU rows times pieces of a row),
 * LUMA_PIECES for the luma's own scans (block rows times pieces of a
 * row), pieces of at most PIECE_BLOCKS blocks, COLORS components, on
 * THREADS threads; NULL when out of memory. */
JartProgStats *jart_prog_stats_new (size_t pieces, size_t luma_pieces,
                                    size_t piece_blocks, int colors,
                                    int threads, const JartCancel *cancel);
void jart_prog_stats_free (JartProgStats *prog);

/* The bytes jart_prog_stats_new allocates. */
size_t jart_prog_stats_memory (size_t pieces, size_t luma_pieces,
                               size_t piece_blocks, int colors, int threads);

/* The bytes of the progressive file's scans (DHT and SOS segments and
 * entropy-coded data) for VIEW's coefficients, coding again only the
 * pieces VIEW marks as encoded and those whose coder state at their start
 * changed; *BLOCKS (when not NULL) gets the blocks it coded, each pass
 * over a block counting once. */
uint64_t jart_prog_stats_bytes (JartProgStats *prog, const JartCoefView *view,
                                uint64_t *blocks);

/* ---- the run's statistics (stats.c) ---- */

/* Statistics for a run of WORK (after jart_work_init) with SETTINGS on
 * SRC; NULL when out of memory.  CANCEL (may be NULL) stops the work of
 * jart_stats_sizes and jart_stats_ssim early, their values then
 * meaningless (the run ends: jart_stats_cancelled tells). */
JartStats *jart_stats_new (const JartWork *work, const JartImage *src,
                           const JartSettings *settings,
                           const JartCancel *cancel);

/* Nonzero when the run's cancel was raised. */
int jart_stats_cancelled (const JartStats *stats);
void jart_stats_free (JartStats *stats);

/* The bytes jart_stats_new allocates. */
size_t jart_stats_memory (int width, int height, int channels,
                          const JartSettings *settings);

/* roundtrip.c, at the start of a generation with geometry G (HMAX x VMAX
 * luma sampling, COLORS components, of the work's current shape) whose file
 * writes DQT quantization tables. */
void jart_stats_begin (JartStats *stats, const JartGeometry *g, int hmax,
                       int vmax, int colors, int dqt);

/* roundtrip.c, from the thread encoding the MCU row that holds them: the
 * quantized coefficients COEF (natural order, 64 a block) that the
 * transform computed for the N blocks of component C at block columns
 * BX0 .. BX0 + N - 1 of its block row BY; keeps them, and marks the
 * pieces where they changed. */
void jart_stats_keep (JartStats *stats, int c, int by, int bx0, int n,
                      const int16_t *coef);

/* A generation's file sizes. */
typedef struct
{
  uint64_t bytes;              /* baseline, standard tables */
  uint64_t bytes_optimized;    /* baseline, optimized tables */
  uint64_t bytes_progressive;  /* progressive (jpeg_simple_progression) */
  uint64_t progressive_blocks; /* blocks coded again for it */
} JartStatsSizes;

/* After the generation: its file sizes into *SIZES. */
void jart_stats_sizes (JartStats *stats, JartStatsSizes *sizes);

/* The SSIM of the generation's output OUT against the run's input: with
 * CHANGED (MCU map of geometry G at grid offset DX, DY, as roundtrip.c
 * marks it) only the tiles its changes reach are recomputed; NULL
 * recomputes everything. */
double jart_stats_ssim (JartStats *stats, const JartImage *out,
                        const uint8_t *changed, const JartGeometry *g, int dx,
                        int dy);

/* Both: the file sizes into *SIZES and the SSIM (as jart_stats_ssim) into
 * *SSIM, side by side when the run has more than one thread (they share no
 * data): the generations that change little, each too small to share out,
 * then take two threads, and the big ones keep both cores busy. */
void jart_stats_measure (JartStats *stats, const JartImage *out,
                         const uint8_t *changed, const JartGeometry *g, int dx,
                         int dy, JartStatsSizes *sizes, double *ssim);

#endif /* JART_STATS_H */
