/* stats.c: a run's statistics, kept up to date generation by generation
 * (JartStats): the exact size of the JPEG file each generation writes,
 * with the standard Huffman tables (T.81 Annex K.3) and with optimized
 * ones, as jart_jpeg_size computes it for one image, and the SSIM of its
 * output against the run's input (stats-ssim.c).
 *
 * Sizes.  While a generation encodes an MCU (roundtrip.c), the quantized
 * coefficients its transform computes come here: they are kept (in
 * zigzag order, as the coders read them), MCU by
 * MCU in scan order, their low bytes, and their high bytes apart for the
 * few blocks that need them (stats.h's JartCoefView): half the memory to
 * touch of 16-bit coefficients.  MCUs
 * not encoded again keep theirs; a block encoded again into the same
 * coefficients changes nothing.  The scan is cut into pieces, runs of MCUs of
 * one MCU row of about PIECE_BLOCKS blocks; for each, what the file's bytes
 * need is kept:
 * - its symbol counts for each table (their totals, kept up to date, give
 *   the optimized tables, as libjpeg builds them from the whole image's);
 * - for each of the two table sets, the number of bits it writes, its
 *   first and last 8 bits, and for each of the 8 bit positions at which
 *   the piece may start in the file, how many 0xFF bytes lie wholly inside
 *   it (each costs a stuffed 0x00).
 * A piece's bits depend on its coefficients and on the DC of the last block
 * of each component before it (the DC is coded as a difference): a piece is
 * coded again when the coefficients of one of its MCUs changed, or when
 * that DC changed;
 * with the optimized tables also every piece when the tables changed.  The
 * bytes of the file then follow from the pieces, first to last: the bit
 * position of each, the 0xFF bytes inside it and the bytes that straddle
 * two pieces, the last byte padded with 1 bits (which can make one more
 * 0xFF), and the marker segments (jpegsize.c); the pieces are put
 * together sixteen at a time (pieces.c's JartPieceSums), and only the
 * groups holding a piece coded again are summed afresh, so that a
 * generation that changed little does not walk every piece.  The pieces
 * are coded by the run's threads; the totals are integers added in the pieces'
 * order.  The progressive file's size follows from the same coefficients and
 * pieces (stats-progressive.c).
 *
 * Dummy blocks (the luma blocks of an MCU past the image's last block
 * column or row) repeat the previous block's DC with no AC, as libjpeg's
 * jccoefct.c writes them.  A gray image is one component, one block an
 * MCU.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "huffman.h"
#include "kernels.h"
#include "stats.h"

/* DC categories 0..11 (8-bit samples), AC symbols 0..255. */
#define DC_SYMBOLS 16
#define AC_SYMBOLS 256
#define TABLE_COUNTS (DC_SYMBOLS + AC_SYMBOLS)
#define PIECE_COUNTS (2 * TABLE_COUNTS)

/* The blocks a piece holds, about: its MCUs are PIECE_BLOCKS / blocks an
 * MCU (at least one).  Its symbols then fit 16-bit counts. */
#define PIECE_BLOCKS 96

/* The baseline files, whose pieces this file codes. */
#define BASELINE (JART_SIZE_STANDARD | JART_SIZE_OPTIMIZED)

/* The two table sets. */
enum
{
  SET_STANDARD,
  SET_OPTIMIZED,
  SETS
};

struct JartStats
{
  int threads;
  const JartCancel *cancel;
  unsigned sizes; /* the files measured: bits 1 << JartCoding */
  /* The current generation's scan. */
  int colors, hmax, vmax;
  int dqt;       /* quantization tables the file writes */
  int sized_dqt; /* those the last sizes counted */
  int bpm;       /* blocks an MCU */
  int cols, rows;
  int luma_cols, luma_rows;
  int piece_mcus;     /* MCUs a piece */
  int pieces_per_row; /* pieces of an MCU row */
  int pieces;         /* of the whole scan */
  int shaped;         /* a generation set the scan */
  int oversize;       /* its canvas is beyond a JPEG's sides: no file */
  int8_t *narrow;     /* the coefficients, as JartCoefView holds them */
  int8_t *high;       /* written only where a block needs it: not cleared */
  uint32_t *wide_index;
  atomic_uint wide_used;
  uint8_t *captured;             /* pieces of which this generation changed
                                    coefficients */
  uint8_t *code[SETS];           /* pieces to code again */
  int32_t (*in_dc)[3];           /* the DC each piece was coded after */
  uint16_t *counts;              /* each piece's symbol counts */
  uint64_t totals[PIECE_COUNTS]; /* their sums */
  JartPieceBits *bits[SETS];
  JartPieceSums sums[SETS]; /* and by groups */
  int coded_once;           /* the rows' results are all there */
  uint64_t bytes[SETS];     /* the last file's sizes */
  JartHuffTable table_dc[SETS][2], table_ac[SETS][2];
  JartHuffCodes codes_dc[SETS][2], codes_ac[SETS][2];
  uint8_t **buffer; /* each thread's row of bits */
  JartSsimMap *ssim;
  JartProgStats *prog;        /* the progressive file's size */
  uint64_t bytes_progressive; /* the last one */
  uint64_t prog_blocks;       /* the blocks coded for it */
  /* While the threads code: */
  int set;
  atomic_int next_piece;
};

/* ---- capture ---- */

void
jart_stats_begin (JartStats *stats, const JartGeometry *g, int hmax, int vmax,
                  int colors, int dqt)
{
  int bpm = colors == 3 ? hmax * vmax + 2 : 1;

  if (!stats->shaped || g->mcu_cols != stats->cols
      || g->mcu_rows != stats->rows || hmax != stats->hmax
      || vmax != stats->vmax || g->luma_w / 8 != stats->luma_cols
      || g->luma_h / 8 != stats->luma_rows)
    stats->coded_once = 0;
  stats->shaped = 1;
  stats->oversize
      = g->canvas_w > JART_MAX_DIMENSION || g->canvas_h > JART_MAX_DIMENSION;
  stats->colors = colors;
  stats->dqt = dqt;
  stats->hmax = hmax;
  stats->vmax = vmax;
  stats->bpm = bpm;
  stats->cols = g->mcu_cols;
  stats->rows = g->mcu_rows;
  stats->luma_cols = g->luma_w / 8;
  stats->luma_rows = g->luma_h / 8;
  stats->piece_mcus = jart_max_int (PIECE_BLOCKS / bpm, 1);
  stats->pieces_per_row
      = (stats->cols + stats->piece_mcus - 1) / stats->piece_mcus;
  stats->pieces = stats->pieces_per_row * stats->rows;
  memset (stats->captured, 0, (size_t)stats->pieces);
}

/* The piece holding MCU MX of row MY. */
static inline int
piece_of (const JartStats *stats, int my, int mx)
{
  return my * stats->pieces_per_row + mx / stats->piece_mcus;
}

void
jart_stats_keep (JartStats *stats, int c, int by, int bx0, int n,
                 const int16_t *coef)
{
  const uint8_t *natural = jart_huff_natural_order ();
  const int blocks = stats->hmax * stats->vmax;
  int k, i;

  for (k = 0; k < n; k++, coef += 64)
    {
      int bx = bx0 + k, mx, my, at, wide = 0;
      int16_t zigzag[64];
      int8_t small[64], wide_high[64], *narrow;
      uint32_t was;
      size_t b;

      if (c == 0)
        {
          mx = bx / stats->hmax;
          my = by / stats->vmax;
          at = by % stats->vmax * stats->hmax + bx % stats->hmax;
        }
      else
        {
          mx = bx;
          my = by;
          at = blocks + c - 1;
        }
      b = ((size_t)my * stats->cols + mx) * stats->bpm + at;
      narrow = stats->narrow + b * 64;
      for (i = 0; i < 64; i++)
        zigzag[i] = coef[natural[i]];
      for (i = 0; i < 64; i++)
        wide |= zigzag[i] < -128 || zigzag[i] > 127;
      for (i = 0; i < 64; i++)
        small[i] = (int8_t)(uint8_t)zigzag[i]; /* the low bytes */
      was = stats->wide_index[b];
      /* A block encoded again into the same coefficients (most are, once
         the image has been through the codec) changes nothing. */
      if (!wide)
        {
          if (stats->coded_once && !(was & JART_COEF_WIDE)
              && memcmp (small, narrow, sizeof small) == 0)
            continue;
          stats->wide_index[b] = was & ~JART_COEF_WIDE;
        }
      else
        {
          int8_t *high;

          /* Each block takes at most one place for its high bytes, from
             the threads' shared count. */
          if (was == 0)
            was = atomic_fetch_add (&stats->wide_used, 1) + 1;
          high = stats->high + (size_t)((was & ~JART_COEF_WIDE) - 1) * 64;
          for (i = 0; i < 64; i++)
            wide_high[i] = (int8_t)(zigzag[i] >> 8);
          if (stats->coded_once && (was & JART_COEF_WIDE)
              && memcmp (small, narrow, sizeof small) == 0
              && memcmp (wide_high, high, sizeof wide_high) == 0)
            continue;
          memcpy (high, wide_high, sizeof wide_high);
          stats->wide_index[b] = was | JART_COEF_WIDE;
        }
      memcpy (narrow, small, sizeof small);
      stats->captured[piece_of (stats, my, mx)] = 1;
    }
}

/* ---- coding the pieces ---- */

/* The first and last MCU (past the end) of piece P, and its row. */
static void
piece_mcus (const JartStats *stats, int p, int *my, int *mx0, int *mx1)
{
  *my = p / stats->pieces_per_row;
  *mx0 = p % stats->pieces_per_row * stats->piece_mcus;
  *mx1 = jart_min_int (*mx0 + stats->piece_mcus, stats->cols);
}

/* The view of the coefficients STATS keeps, as the blocks' readers need
 * it. */
static JartCoefView
coef_view (const JartStats *stats)
{
  JartCoefView view;

  memset (&view, 0, sizeof view);
  view.narrow = stats->narrow;
  view.high = stats->high;
  view.wide_index = stats->wide_index;
  return view;
}

/* The DC of each component after piece P, from its last blocks (a dummy's
 * is the block's before it; the first block of an MCU never is one). */
static void
piece_out_dc (const JartStats *stats, int p, int32_t dc[3])
{
  const JartCoefView view = coef_view (stats);
  int my, mx0, mx1, k, c;
  size_t mcu;

  piece_mcus (stats, p, &my, &mx0, &mx1);
  mcu = ((size_t)my * stats->cols + mx1 - 1) * stats->bpm;
  for (c = 1; c < stats->colors; c++)
    dc[c] = jart_coef_dc (&view,
                          mcu + (size_t)(stats->hmax * stats->vmax + c - 1));
  for (k = stats->hmax * stats->vmax - 1; k > 0; k--)
    {
      int bx = (mx1 - 1) * stats->hmax + k % stats->hmax;
      int by = my * stats->vmax + k / stats->hmax;

      if (bx < stats->luma_cols && by < stats->luma_rows)
        break;
    }
  dc[0] = jart_coef_dc (&view, mcu + (size_t)k);
}

/* The DC each component's first block of piece P is coded after. */
static void
piece_in_dc (const JartStats *stats, int p, int32_t dc[3])
{
  dc[0] = dc[1] = dc[2] = 0;
  if (p > 0)
    piece_out_dc (stats, p - 1, dc);
}

/* Codes piece P with table set SET into BUFFER and keeps what the file's
 * bytes need; with the standard set also its symbol counts and the DC it
 * was coded after. */
static void
code_piece (JartStats *stats, int set, int p, uint8_t *buffer)
{
  const int blocks = stats->hmax * stats->vmax;
  const JartCoefView view = coef_view (stats);
  JartBitWriter writer = { buffer, 0, 0, 0 };
  JartHuffCounts dc[2], ac[2];
  int16_t spare[64], dummy[64];
  JartPieceBits *out = &stats->bits[set][p];
  int32_t last[3];
  int my, mx0, mx1, mx, k, c, i, t;

  piece_mcus (stats, p, &my, &mx0, &mx1);
  piece_in_dc (stats, p, last);
  if (set == SET_STANDARD)
    {
      memcpy (stats->in_dc[p], last, sizeof last);
      memset (dc, 0, sizeof dc);
      memset (ac, 0, sizeof ac);
    }
  for (mx = mx0; mx < mx1; mx++)
    {
      const size_t mcu = ((size_t)my * stats->cols + mx) * stats->bpm;

      for (k = 0; k < stats->bpm; k++)
        {
          int bx = mx * stats->hmax + k % stats->hmax;
          int by = my * stats->vmax + k / stats->hmax;

          const int16_t *block;

          c = k < blocks ? 0 : k - blocks + 1;
          if (c == 0 && (bx >= stats->luma_cols || by >= stats->luma_rows))
            {
              memset (dummy, 0, sizeof dummy);
              dummy[0] = (int16_t)last[0];
              block = dummy;
            }
          else
            block = jart_coef_block (&view, mcu + (size_t)k, spare);
          jart_huff_code_zigzag (block, last[c], &stats->codes_dc[set][c > 0],
                                 &stats->codes_ac[set][c > 0], &writer,
                                 set == SET_STANDARD ? &dc[c > 0] : NULL,
                                 set == SET_STANDARD ? &ac[c > 0] : NULL);
          last[c] = block[0];
        }
    }
  jart_piece_bits (&writer, out);
  if (set == SET_STANDARD)
    {
      uint16_t *counts = stats->counts + (size_t)p * PIECE_COUNTS;

      for (t = 0; t < 2; t++)
        {
          for (i = 0; i < DC_SYMBOLS; i++)
            counts[t * TABLE_COUNTS + i] = (uint16_t)dc[t].freq[i];
          for (i = 0; i < AC_SYMBOLS; i++)
            counts[t * TABLE_COUNTS + DC_SYMBOLS + i]
                = (uint16_t)ac[t].freq[i];
        }
    }
}

static void *
code_main (void *data)
{
  JartStats *stats = ((void **)data)[0];
  uint8_t *buffer = ((void **)data)[1];

  for (;;)
    {
      int p = atomic_fetch_add (&stats->next_piece, 1);

      if (p >= stats->pieces || jart_cancel_requested (stats->cancel))
        break;
      if (stats->code[stats->set][p])
        code_piece (stats, stats->set, p, buffer);
    }
  return NULL;
}

/* Codes the pieces marked in code[SET] on the threads. */
static void
code_pieces (JartStats *stats, int set, int marked)
{
  void *pairs[JART_THREADS_MAX][2], *args[JART_THREADS_MAX];
  int t, threads;

  if (marked == 0)
    return;
  threads = jart_clamp_int (marked / JART_STATS_PIECES_A_THREAD, 1,
                            stats->threads);
  stats->set = set;
  atomic_store (&stats->next_piece, 0);
  for (t = 0; t < threads; t++)
    {
      pairs[t][0] = stats;
      pairs[t][1] = stats->buffer[t];
      args[t] = pairs[t];
    }
  jart_stats_parallel (threads, code_main, args);
}

/* Adds SIGN times the symbol counts of the pieces marked in MARKS to the
 * totals. */
static void
count_totals (JartStats *stats, const uint8_t *marks, int sign)
{
  int p, i;

  for (p = 0; p < stats->pieces; p++)
    if (marks[p])
      {
        const uint16_t *counts = stats->counts + (size_t)p * PIECE_COUNTS;

        for (i = 0; i < PIECE_COUNTS; i++)
          stats->totals[i] += sign > 0 ? counts[i] : -(uint64_t)counts[i];
      }
}

/* The progressive file's size for the current coefficients: every piece
 * coded again when ALL. */
static void
progressive_size (JartStats *stats, int all)
{
  JartCoefView view = coef_view (stats);

  view.colors = stats->colors;
  view.hmax = stats->hmax;
  view.vmax = stats->vmax;
  view.bpm = stats->bpm;
  view.cols = stats->cols;
  view.rows = stats->rows;
  view.luma_cols = stats->luma_cols;
  view.luma_rows = stats->luma_rows;
  view.piece_mcus = stats->piece_mcus;
  view.pieces_per_row = stats->pieces_per_row;
  view.captured = stats->captured;
  view.all = all;
  stats->bytes_progressive
      = jart_prog_stats_bytes (stats->prog, &view, &stats->prog_blocks)
        + jart_jpeg_frame_bytes (stats->colors, stats->dqt);
}

/* The bytes of table set SET's file: its pieces, by their groups, and its
 * marker segments. */
static uint64_t
set_bytes (JartStats *stats, int set)
{
  return jart_piece_sums_bytes (&stats->sums[set], stats->bits[set],
                                (size_t)stats->pieces)
         + jart_jpeg_markers_bytes (stats->colors, stats->dqt,
                                    stats->table_dc[set],
                                    stats->table_ac[set]);
}

/* The baseline files' sizes (the optimized one's with OPTIMIZED) for the
 * current coefficients, into STATS->bytes. */
static void
baseline_sizes (JartStats *stats, int optimized)
{
  const int tables = stats->colors == 3 ? 2 : 1;
  JartHuffCounts sum[2][2]; /* [table][dc, ac] */
  int32_t dc[3];
  int p, t, i, changed = 0, marked = 0;

  /* A piece is coded again when it was encoded or the DCs before it
     changed. */
  for (p = 0; p < stats->pieces; p++)
    {
      int code = !stats->coded_once || stats->captured[p];

      /* The DC before a piece changes only with the coefficients of the
         piece before it. */
      if (!code && p > 0 && stats->captured[p - 1])
        {
          piece_in_dc (stats, p, dc);
          code = memcmp (dc, stats->in_dc[p], sizeof dc) != 0;
        }
      stats->code[SET_STANDARD][p] = stats->code[SET_OPTIMIZED][p]
          = (uint8_t)code;
      if (code)
        {
          jart_piece_sums_touch (&stats->sums[SET_STANDARD], (size_t)p);
          jart_piece_sums_touch (&stats->sums[SET_OPTIMIZED], (size_t)p);
        }
      marked += code;
    }
  if (!stats->coded_once)
    memset (stats->totals, 0, sizeof stats->totals);
  else
    count_totals (stats, stats->code[SET_STANDARD], -1);
  code_pieces (stats, SET_STANDARD, marked);
  count_totals (stats, stats->code[SET_STANDARD], 1);
  stats->bytes[SET_STANDARD] = set_bytes (stats, SET_STANDARD);
  if (!optimized)
    return;

  memset (sum, 0, sizeof sum);
  for (t = 0; t < tables; t++)
    {
      for (i = 0; i < DC_SYMBOLS; i++)
        sum[t][0].freq[i] = stats->totals[t * TABLE_COUNTS + i];
      for (i = 0; i < AC_SYMBOLS; i++)
        sum[t][1].freq[i] = stats->totals[t * TABLE_COUNTS + DC_SYMBOLS + i];
    }
  for (t = 0; t < tables; t++)
    {
      JartHuffTable table_dc, table_ac;

      jart_huff_optimal (&sum[t][0], &table_dc);
      jart_huff_optimal (&sum[t][1], &table_ac);
      if (!stats->coded_once
          || !jart_huff_same_table (&table_dc,
                                    &stats->table_dc[SET_OPTIMIZED][t])
          || !jart_huff_same_table (&table_ac,
                                    &stats->table_ac[SET_OPTIMIZED][t]))
        {
          changed = 1;
          stats->table_dc[SET_OPTIMIZED][t] = table_dc;
          stats->table_ac[SET_OPTIMIZED][t] = table_ac;
          jart_huff_codes (&table_dc, &stats->codes_dc[SET_OPTIMIZED][t]);
          jart_huff_codes (&table_ac, &stats->codes_ac[SET_OPTIMIZED][t]);
        }
    }
  if (changed)
    {
      memset (stats->code[SET_OPTIMIZED], 1, (size_t)stats->pieces);
      jart_piece_sums_touch_all (&stats->sums[SET_OPTIMIZED],
                                 (size_t)stats->pieces);
      marked = stats->pieces;
    }
  code_pieces (stats, SET_OPTIMIZED, marked);
  stats->bytes[SET_OPTIMIZED] = set_bytes (stats, SET_OPTIMIZED);
}

void
jart_stats_sizes (JartStats *stats, JartStatsSizes *sizes)
{
  const unsigned want = stats->sizes;

  memset (sizes, 0, sizeof *sizes);
  if (stats->oversize)
    {
      /* No JPEG file holds this canvas (jart_jpeg_size refuses it). */
      stats->coded_once = 0;
      return;
    }
  /* Nothing encoded into other coefficients: the files are the last
     ones, but for their DQT segments: a step with the file's tables writes
     a third one for Cr where a quality's step writes two, and the same
     coefficients can come of both. */
  if (stats->coded_once && stats->dqt != stats->sized_dqt
      && memchr (stats->captured, 1, (size_t)stats->pieces) == NULL)
    {
      uint64_t now = jart_jpeg_frame_bytes (stats->colors, stats->dqt);
      uint64_t before
          = jart_jpeg_frame_bytes (stats->colors, stats->sized_dqt);

      /* Only the sizes this run measures hold a file's size. */
      if (want & BASELINE)
        stats->bytes[SET_STANDARD] = stats->bytes[SET_STANDARD] - before + now;
      if (want & JART_SIZE_OPTIMIZED)
        stats->bytes[SET_OPTIMIZED]
            = stats->bytes[SET_OPTIMIZED] - before + now;
      if (want & JART_SIZE_PROGRESSIVE)
        stats->bytes_progressive = stats->bytes_progressive - before + now;
    }
  stats->sized_dqt = stats->dqt;
  if (!stats->coded_once
      || memchr (stats->captured, 1, (size_t)stats->pieces) != NULL)
    {
      if (want & BASELINE)
        baseline_sizes (stats, (want & JART_SIZE_OPTIMIZED) != 0);
      if (want & JART_SIZE_PROGRESSIVE)
        {
          progressive_size (stats, !stats->coded_once);
          sizes->progressive_blocks = stats->prog_blocks;
        }
      stats->coded_once = 1;
    }
  if (want & JART_SIZE_STANDARD)
    sizes->bytes = stats->bytes[SET_STANDARD];
  if (want & JART_SIZE_OPTIMIZED)
    sizes->bytes_optimized = stats->bytes[SET_OPTIMIZED];
  if (want & JART_SIZE_PROGRESSIVE)
    sizes->bytes_progressive = stats->bytes_progressive;
}

double
jart_stats_ssim (JartStats *stats, const JartImage *out,
                 const uint8_t *changed, const JartGeometry *g, int dx, int dy)
{
  int mx, my;

  if (changed == NULL)
    jart_ssim_map_touch_all (stats->ssim);
  else
    for (my = 0; my < g->mcu_rows; my++)
      for (mx = 0; mx < g->mcu_cols; mx++)
        if (changed[(size_t)my * g->mcu_cols + mx])
          {
            int a = mx, y = my * g->mcu_h - dy;

            /* A stretch of changed MCUs as one rectangle. */
            while (mx + 1 < g->mcu_cols
                   && changed[(size_t)my * g->mcu_cols + mx + 1])
              mx++;
            jart_ssim_map_touch (stats->ssim, a * g->mcu_w - dx, y,
                                 (mx + 1) * g->mcu_w - dx, y + g->mcu_h);
          }
  return jart_ssim_map_update (stats->ssim, out);
}

/* jart_stats_measure's SSIM, on a thread of its own. */
typedef struct
{
  JartStats *stats;
  const JartImage *out;
  const uint8_t *changed;
  const JartGeometry *g;
  int dx, dy;
  double ssim;
} SsimJob;

static void *
ssim_main (void *data)
{
  SsimJob *job = data;

  job->ssim = jart_stats_ssim (job->stats, job->out, job->changed, job->g,
                               job->dx, job->dy);
  return NULL;
}

void
jart_stats_measure (JartStats *stats, const JartImage *out,
                    const uint8_t *changed, const JartGeometry *g, int dx,
                    int dy, JartStatsSizes *sizes, double *ssim)
{
  SsimJob job = { stats, out, changed, g, dx, dy, 0.0 };
  pthread_t id;
  int started
      = stats->threads > 1 && pthread_create (&id, NULL, ssim_main, &job) == 0;

  jart_stats_sizes (stats, sizes);
  if (started)
    pthread_join (id, NULL);
  else
    ssim_main (&job);
  *ssim = job.ssim;
}

/* ---- allocation ---- */

/* What the scans of a run can need at most. */
typedef struct
{
  size_t blocks;       /* coefficients, in blocks */
  size_t pieces;       /* pieces of the scan */
  size_t luma_pieces;  /* pieces of the luma's own scans (progressive) */
  size_t piece_blocks; /* blocks of a piece */
} Limits;

static void
scan_limits (int width, int height, int channels, const JartSettings *settings,
             Limits *limits)
{
  const int colors = channels >= 3 ? 3 : 1;
  int mode, n = jart_clamp_int (settings->n_steps, 0, JART_STEPS_MAX), i;
  unsigned modes = 0;

  for (i = 0; i < n; i++)
    if ((int)settings->steps[i].subsampling >= JART_SUBSAMPLING_444
        && (int)settings->steps[i].subsampling <= JART_SUBSAMPLING_411)
      modes |= 1u << settings->steps[i].subsampling;
  if (modes == 0)
    modes = (int)settings->subsampling >= JART_SUBSAMPLING_444
                    && (int)settings->subsampling <= JART_SUBSAMPLING_411
                ? 1u << settings->subsampling
                : 1u << JART_SUBSAMPLING_444;
  memset (limits, 0, sizeof *limits);
  for (mode = JART_SUBSAMPLING_444; mode <= JART_SUBSAMPLING_411; mode++)
    {
      JartGeometry g;
      int h = 1, v = 1, bpm = 1, per_piece;
      size_t pieces;

      if (!(modes & (1u << mode)))
        continue;
      if (colors == 3)
        {
          jart_sampling_factors ((JartSubsampling)mode, &h, &v);
          bpm = h * v + 2;
        }
      jart_geometry_compute (&g, width, height, h, v,
                             settings->anchor_x + settings->grid_drift,
                             settings->anchor_y + settings->grid_drift);
      per_piece = jart_max_int (PIECE_BLOCKS / bpm, 1);
      pieces = (size_t)((g.mcu_cols + per_piece - 1) / per_piece)
               * (size_t)g.mcu_rows;
      if ((size_t)g.mcu_cols * g.mcu_rows * bpm > limits->blocks)
        limits->blocks = (size_t)g.mcu_cols * g.mcu_rows * bpm;
      if (pieces > limits->pieces)
        limits->pieces = pieces;
      pieces = (size_t)((g.mcu_cols + per_piece - 1) / per_piece)
               * (size_t)((g.luma_h + 7) / 8);
      if (pieces > limits->luma_pieces)
        limits->luma_pieces = pieces;
      if ((size_t)per_piece * bpm > limits->piece_blocks)
        limits->piece_blocks = (size_t)per_piece * bpm;
    }
}

/* The files SETTINGS asks to measure. */
static unsigned
sizes_wanted (const JartSettings *settings)
{
  return settings->sizes != 0 ? settings->sizes & JART_SIZES_ALL
                              : JART_SIZES_ALL;
}

size_t
jart_stats_memory (int width, int height, int channels,
                   const JartSettings *settings)
{
  const int threads = settings->threads > 0
                          ? jart_min_int (settings->threads, JART_THREADS_MAX)
                          : JART_THREADS_MAX;
  const unsigned want = sizes_wanted (settings);
  size_t bytes;
  Limits z;

  scan_limits (width, height, channels, settings, &z);
  bytes = sizeof (JartStats)
          + jart_buffer_size (z.blocks * 64 * sizeof (int8_t))
          + z.blocks * (64 * sizeof (int8_t) + sizeof (uint32_t)) + z.pieces
          + jart_ssim_map_memory (width, height, threads);
  if (want & BASELINE)
    bytes += z.pieces
                 * (SETS + 3 * sizeof (int32_t)
                    + PIECE_COUNTS * sizeof (uint16_t)
                    + SETS * sizeof (JartPieceBits))
             + SETS * jart_piece_sums_memory (z.pieces)
             + (size_t)threads
                   * (sizeof (uint8_t *)
                      + z.piece_blocks * JART_HUFF_BLOCK_BYTES_MAX + 1);
  if (want & JART_SIZE_PROGRESSIVE)
    bytes += jart_prog_stats_memory (z.pieces, z.luma_pieces, z.piece_blocks,
                                     channels >= 3 ? 3 : 1, threads);
  return bytes;
}

void
jart_stats_free (JartStats *stats)
{
  int s, t;

  if (stats == NULL)
    return;
  free (stats->narrow);
  free (stats->high);
  free (stats->wide_index);
  free (stats->captured);
  for (s = 0; s < SETS; s++)
    {
      free (stats->code[s]);
      free (stats->bits[s]);
      jart_piece_sums_free (&stats->sums[s]);
    }
  free (stats->in_dc);
  free (stats->counts);
  if (stats->buffer != NULL)
    for (t = 0; t < stats->threads; t++)
      free (stats->buffer[t]);
  free (stats->buffer);
  jart_ssim_map_free (stats->ssim);
  jart_prog_stats_free (stats->prog);
  free (stats);
}

int
jart_stats_cancelled (const JartStats *stats)
{
  return jart_cancel_requested (stats->cancel);
}

JartStats *
jart_stats_new (const JartWork *work, const JartImage *src,
                const JartSettings *settings, const JartCancel *cancel)
{
  JartStats *stats = calloc (1, sizeof *stats);
  Limits z;
  int s, t;

  if (stats == NULL)
    return NULL;
  scan_limits (src->width, src->height, src->channels, settings, &z);
  stats->threads = jart_clamp_int (work->threads, 1, JART_THREADS_MAX);
  stats->cancel = cancel;
  stats->sizes = sizes_wanted (settings);
  /* Every block coded is captured first: no need to clear them; the high
     bytes are touched only where blocks need them. */
  stats->narrow = jart_buffer_alloc (z.blocks * 64);
  stats->high = malloc (z.blocks * 64);
  stats->wide_index = calloc (z.blocks, sizeof (uint32_t));
  atomic_init (&stats->wide_used, 0);
  stats->captured = calloc (z.pieces, 1);
  if (stats->narrow == NULL || stats->high == NULL || stats->wide_index == NULL
      || stats->captured == NULL)
    goto no_memory;
  if (stats->sizes & BASELINE)
    {
      stats->in_dc = calloc (z.pieces, sizeof *stats->in_dc);
      stats->counts = calloc (z.pieces * PIECE_COUNTS, sizeof (uint16_t));
      stats->buffer = calloc ((size_t)stats->threads, sizeof (uint8_t *));
      if (stats->in_dc == NULL || stats->counts == NULL
          || stats->buffer == NULL)
        goto no_memory;
      for (s = 0; s < SETS; s++)
        if ((stats->code[s] = calloc (z.pieces, 1)) == NULL
            || (stats->bits[s] = calloc (z.pieces, sizeof (JartPieceBits)))
                   == NULL
            || jart_piece_sums_init (&stats->sums[s], z.pieces) != 0)
          goto no_memory;
      for (t = 0; t < stats->threads; t++)
        if ((stats->buffer[t]
             = malloc (z.piece_blocks * JART_HUFF_BLOCK_BYTES_MAX + 1))
            == NULL)
          goto no_memory;
    }
  stats->ssim
      = jart_ssim_map_new (src, stats->threads, work->kernels->path, cancel);
  if (stats->ssim == NULL)
    goto no_memory;
  if (stats->sizes & JART_SIZE_PROGRESSIVE)
    {
      stats->prog = jart_prog_stats_new (
          z.pieces, z.luma_pieces, z.piece_blocks, src->channels >= 3 ? 3 : 1,
          stats->threads, cancel);
      if (stats->prog == NULL)
        goto no_memory;
    }
  for (t = 0; t < 2; t++)
    {
      jart_huff_standard (0, t, &stats->table_dc[SET_STANDARD][t]);
      jart_huff_standard (1, t, &stats->table_ac[SET_STANDARD][t]);
      jart_huff_codes (&stats->table_dc[SET_STANDARD][t],
                       &stats->codes_dc[SET_STANDARD][t]);
      jart_huff_codes (&stats->table_ac[SET_STANDARD][t],
                       &stats->codes_ac[SET_STANDARD][t]);
    }
  return stats;

no_memory:
  jart_stats_free (stats);
  return NULL;
}
