/* stats-progressive.c: a run's progressive file size (the file libjpeg
 * writes with jpeg_simple_progression, as jpegsize-progressive.c measures
 * it for a whole image), kept up to date from the quantized coefficients
 * the run's statistics keep (stats.c), generation by generation.
 *
 * Each scan of the script is cut into pieces: an interleaved scan into the
 * pieces of stats.c (runs of MCUs of one MCU row), a scan of one component
 * into the same columns of each of its block rows.  The coder carries a
 * state from block to block (the DC first scans' last values, the pending
 * end-of-band run and the correction bits buffered with it); for each
 * piece the state it starts from is kept, with its symbol counts (their
 * totals give the scan's optimal tables: a piece has few distinct symbols,
 * which are kept in place, and only a piece with more touches a whole
 * table of its own) and what its bits add to the file
 * (stats.h's JartPieceBits).  A piece is coded again, with the routines
 * the whole-image measure uses, when one of its MCUs was encoded or when
 * the state it starts from changed (the pieces after it follow until the
 * state is the one kept); with the scan's tables also every piece when they
 * changed.  A scan's bytes then follow from its pieces in order, as for
 * the baseline file (by groups of pieces, only those holding a piece
 * coded again summed afresh).  Only the pieces whose MCUs changed, and the
 * pieces after them while the state they start from changed, are visited.
 * What all this keeps is allocated in stats-progressive-memory.c.
 *
 * The scans are independent.  The run's threads count them in groups,
 * taken in turn, the biggest first: a group is at most two scans of one
 * component set (the same pieces), counted piece by piece so that each
 * piece's coefficients are read from memory once for both.  Once every
 * scan has its tables and its states, each piece to code can be coded
 * alone: the threads code them in chunks of one scan, taken in turn.  In
 * a generation that knows the pieces from before, a piece counted again is
 * coded in the same pass with the tables the scan has, which its new
 * counts seldom change: a scan whose tables stay has nothing left to code,
 * one whose tables change codes every piece again.  The scans' bytes are
 * then added in the script's order.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>

#include "stats-progressive.h"

/* ---- the pieces of a scan ---- */

/* Sets S's shape for VIEW. */
static void
scan_shape (ProgScan *s, const JartCoefView *view)
{
  if (s->comp < 0 || view->colors == 1)
    {
      s->h = s->v = 1;
      s->rows = s->comp < 0 ? view->rows : view->luma_rows;
      s->real_cols = s->comp < 0 ? view->cols : view->luma_cols;
    }
  else if (s->comp == 0)
    {
      s->h = view->hmax;
      s->v = view->vmax;
      s->rows = view->luma_rows;
      s->real_cols = view->luma_cols;
    }
  else
    {
      s->h = s->v = 1;
      s->rows = view->rows;
      s->real_cols = view->cols;
    }
  s->pieces = (size_t)s->rows * (size_t)view->pieces_per_row;
}

/* Nonzero when the coefficients of an MCU of piece P of S changed. */
static int
piece_captured (const ProgScan *s, const JartCoefView *view, size_t p)
{
  size_t row = p / (size_t)view->pieces_per_row;

  return view->captured[row / (size_t)s->v * (size_t)view->pieces_per_row
                        + p % (size_t)view->pieces_per_row];
}

/* Puts the blocks of piece P of S through CODER; returns how many. */
static int
code_blocks (Worker *w, const ProgScan *s, const JartCoefView *view, size_t p)
{
  const int ppr = view->pieces_per_row;
  const int row = (int)(p / (size_t)ppr), k = (int)(p % (size_t)ppr);
  const int mx0 = k * view->piece_mcus;
  const int mx1 = jart_min_int (mx0 + view->piece_mcus, view->cols);
  const size_t bpm = (size_t)view->bpm;
  const size_t blocks = (size_t)view->cols * (size_t)view->rows * bpm;
  JartProgCoder *coder = &w->coder;
  int n = 0, mx, b, c;

  if (s->comp < 0)
    {
      /* Interleaved: MCU by MCU, a dummy repeating the luma DC before
         it (the first block of an MCU never is one). */
      const int luma = view->hmax * view->vmax;

      for (mx = mx0; mx < mx1; mx++)
        {
          const size_t mcu = ((size_t)row * view->cols + mx) * bpm;

          for (b = 0; b < luma; b++)
            {
              int bx = mx * view->hmax + b % view->hmax;
              int by = row * view->vmax + b / view->hmax;

              if (bx < view->luma_cols && by < view->luma_rows)
                {
                  const int16_t *block
                      = jart_coef_block (view, mcu + (size_t)b, w->spare);

                  jart_prog_block (coder, 0, block);
                  w->dummy[0] = block[0];
                }
              else
                jart_prog_block (coder, 0, w->dummy);
            }
          for (c = 1; c < view->colors; c++)
            jart_prog_block (coder, c,
                             jart_coef_block (view,
                                              mcu + (size_t)(luma + c - 1),
                                              w->spare));
          n += view->bpm;
        }
    }
  else
    {
      const int x1 = jart_min_int (mx1 * s->h, s->real_cols);
      const int my = row / s->v, within = row % s->v * s->h;
      const size_t offset
          = s->comp == 0 ? 0 : (size_t)(view->hmax * view->vmax + s->comp - 1);
      int bx;

      for (bx = mx0 * s->h; bx < x1; bx++)
        {
          const size_t block
              = ((size_t)my * view->cols + (size_t)(bx / s->h)) * bpm + offset
                + (size_t)(within + bx % s->h);

#if defined(__GNUC__)
          /* The blocks of a scan of one component lie apart in the MCUs:
             ask for the one PREFETCH MCUs ahead while this one is coded
             (no pointer past the coefficients is formed). */
          if (block + PREFETCH * bpm < blocks)
            __builtin_prefetch (view->narrow + (block + PREFETCH * bpm) * 64);
#endif
          jart_prog_block (coder, s->comp,
                           jart_coef_block (view, block, w->spare));
        }
      n = x1 - mx0 * s->h;
    }
  if (p + 1 == s->pieces)
    jart_prog_finish (coder);
  return n;
}

/* Sets CODER's state to S's kept state before piece P. */
static void
load_state (JartProgCoder *coder, const ProgScan *s, size_t p)
{
  const State *in = &s->in[p];
  int i;

  coder->scan = s->scan;
  memcpy (coder->last_dc, in->last_dc, sizeof in->last_dc);
  coder->eobrun = in->eobrun;
  coder->be = in->be;
  if (s->refine)
    {
      const uint8_t *packed = s->corr + p * CORR_BYTES;

      for (i = 0; i < in->be; i++)
        coder->corr[i] = (uint8_t)(packed[i >> 3] >> (7 - (i & 7)) & 1);
    }
}

/* Keeps CODER's state as S's before piece P; returns nonzero when it is
 * not the one kept. */
static int
save_state (const JartProgCoder *coder, ProgScan *s, size_t p)
{
  State now;
  uint8_t packed[CORR_BYTES];
  int i, differs;

  memset (&now, 0, sizeof now);
  memcpy (now.last_dc, coder->last_dc, sizeof now.last_dc);
  now.eobrun = (uint16_t)coder->eobrun;
  now.be = (uint16_t)coder->be;
  differs = memcmp (&now, &s->in[p], sizeof now) != 0;
  s->in[p] = now;
  if (!s->refine)
    return differs;
  memset (packed, 0, sizeof packed);
  for (i = 0; i < coder->be; i++)
    packed[i >> 3] |= (uint8_t)(coder->corr[i] << (7 - (i & 7)));
  if (memcmp (packed, s->corr + p * CORR_BYTES, CORR_BYTES) != 0)
    {
      memcpy (s->corr + p * CORR_BYTES, packed, CORR_BYTES);
      differs = 1;
    }
  return differs;
}

/* S's total of symbol I of its counts (TABLE: an AC scan's table). */
static inline uint64_t *
total_of (ProgScan *s, int table, int i)
{
  return s->symbols == AC_SYMBOLS ? &s->totals[table][i]
                                  : &s->totals[i / DC_SYMBOLS][i % DC_SYMBOLS];
}

/* The count of symbol I in COUNTS (by table number; TABLE is an AC
 * scan's), as S numbers its symbols. */
static inline const uint64_t *
count_of (const ProgScan *s, const JartHuffCounts counts[2], int table, int i)
{
  return s->symbols == AC_SYMBOLS
             ? &counts[table].freq[i]
             : &counts[i / DC_SYMBOLS].freq[i % DC_SYMBOLS];
}

/* Replaces piece P's counts by those of COUNTS (by table number; TABLE is
 * an AC scan's), in S's totals too; with ALL the piece had none.  A piece
 * uses few of an AC table's 256 symbols: the counts are read eight at a
 * time (a run of DC_SYMBOLS never straddles two tables), and the eight
 * not looked at one by one when none of them is counted. */
static void
replace_counts (ProgScan *s, size_t p, const JartHuffCounts counts[2],
                int table, int all)
{
  Held *held = &s->held[p];
  uint16_t *spill = s->spill + p * (size_t)s->symbols;
  int i, k, n = 0;

  if (!all)
    {
      if (held->n == SPILLED)
        for (i = 0; i < s->symbols; i++)
          *total_of (s, table, i) -= spill[i];
      else
        for (k = 0; k < held->n; k++)
          *total_of (s, table, held->symbol[k]) -= held->count[k];
    }
  for (i = 0; i < s->symbols; i += 8)
    {
      const uint64_t *f = count_of (s, counts, table, i);

      if ((f[0] | f[1] | f[2] | f[3] | f[4] | f[5] | f[6] | f[7]) == 0)
        continue;
      for (k = 0; k < 8; k++)
        {
          if (f[k] == 0)
            continue;
          *total_of (s, table, i + k) += f[k];
          if (n < HELD)
            {
              held->symbol[n] = (uint8_t)(i + k);
              held->count[n] = (uint16_t)f[k];
            }
          n++;
        }
    }
  if (n <= HELD)
    {
      held->n = (uint16_t)n;
      return;
    }
  held->n = SPILLED;
  for (i = 0; i < s->symbols; i++)
    spill[i] = (uint16_t)*count_of (s, counts, table, i);
}

/* Counts piece P of S again when it changed or when *FOLLOWS (the state
 * at its start changed); marks it to be coded.  *FOLLOWS then says whether
 * the state after it changed.  A generation that knows the pieces from
 * before codes the piece in the same pass, with the tables it has (which
 * the new counts seldom change): the code pass then need not read its
 * blocks again. */
static void
count_piece (Worker *w, ProgScan *s, const JartCoefView *view, size_t p,
             int *follows)
{
  const int per_table = s->symbols == AC_SYMBOLS ? AC_SYMBOLS : DC_SYMBOLS;
  const int table = s->symbols == AC_SYMBOLS ? jart_prog_table (s->comp) : 0;
  JartHuffCounts counts[2];
  JartProgCoder *coder = &w->coder;
  int t;

  if (!view->all && !*follows && !piece_captured (s, view, p))
    return;
  if (!view->all)
    s->list[s->listed++] = (uint32_t)p;
  /* Only the counts the scan uses are cleared and read: an AC scan's
     one table, or the first DC_SYMBOLS of both. */
  for (t = 0; t < 2; t++)
    if (per_table == DC_SYMBOLS || t == table)
      memset (counts[t].freq, 0, (size_t)per_table * sizeof (uint64_t));
  coder->counts = counts;
  load_state (coder, s, p);
  if (s->coded_ahead)
    {
      JartBitWriter writer = { w->buffer, 0, 0, 0 };

      coder->code_too = 1;
      coder->codes = s->codes;
      coder->writer = &writer;
      s->blocks += (uint64_t)code_blocks (w, s, view, p);
      jart_piece_bits (&writer, &s->bits[p]);
      coder->code_too = 0;
      coder->writer = NULL;
    }
  else
    s->blocks += (uint64_t)code_blocks (w, s, view, p);
  *follows = save_state (coder, s, p + 1);
  coder->counts = NULL;
  replace_counts (s, p, counts, table, view->all);
}

/* Sets S up for a generation: its shape, and nothing kept when nothing
 * is known from before. */
static void
scan_begin (ProgScan *s, const JartCoefView *view)
{
  s->blocks = 0;
  s->listed = 0;
  s->all_coded = view->all;
  s->coded_ahead = !view->all && jart_prog_counted (s->scan);
  scan_shape (s, view);
  if (!view->all)
    return;
  memset (s->totals, 0, sizeof s->totals);
  memset (s->in, 0, (s->pieces + 1) * sizeof *s->in);
  if (s->refine)
    memset (s->corr, 0, (s->pieces + 1) * CORR_BYTES);
}

/* A walk through the pieces of a scan of shape S (and of every scan of its
 * group) that hold an MCU whose coefficients changed, in order: for each
 * MCU row with such pieces (PROG->changed[A .. B - 1]), each of its block
 * rows J in turn, their columns from I on. */
typedef struct
{
  const JartProgStats *prog;
  const ProgScan *s;
  size_t ppr; /* pieces of a row */
  size_t a, b, i;
  int j;
} Cursor;

/* Sets C to the MCU row of PROG->changed[C->a]. */
static void
cursor_row (Cursor *c)
{
  const size_t row = c->prog->changed[c->a] / c->ppr;

  for (c->b = c->a;
       c->b < c->prog->nchanged && c->prog->changed[c->b] / c->ppr == row;
       c->b++)
    ;
  c->i = c->a;
  c->j = 0;
}

static void
cursor_start (Cursor *c, const JartProgStats *prog, const ProgScan *s,
              const JartCoefView *view)
{
  c->prog = prog;
  c->s = s;
  c->ppr = (size_t)view->pieces_per_row;
  c->a = 0;
  if (prog->nchanged > 0)
    cursor_row (c);
}

/* The next piece of C's walk, or its scan's number of pieces after the
 * last. */
static size_t
cursor_next (Cursor *c)
{
  const JartProgStats *prog = c->prog;

  while (c->a < prog->nchanged)
    {
      const size_t row
          = prog->changed[c->a] / c->ppr * (size_t)c->s->v + (size_t)c->j;

      if (c->i < c->b && row < (size_t)c->s->rows)
        return row * c->ppr + prog->changed[c->i++] % c->ppr;
      if (row < (size_t)c->s->rows && ++c->j < c->s->v)
        c->i = c->a;
      else if ((c->a = c->b) < prog->nchanged)
        cursor_row (c);
    }
  return c->s->pieces;
}

/* S's tables for its new counts; every piece is to be coded when they
 * changed.  A DC refinement has none: its pieces whose MCUs changed are. */
static void
scan_tables (const JartProgStats *prog, ProgScan *s, const JartCoefView *view)
{
  JartHuffCounts sums[2];
  JartHuffTable tables[2];
  int used[2], t, i, changed = view->all;

  if (!jart_prog_counted (s->scan))
    {
      s->header = JART_SOS_BYTES (s->scan->n);
      if (!view->all)
        {
          Cursor cursor;
          size_t p;

          cursor_start (&cursor, prog, s, view);
          while ((p = cursor_next (&cursor)) < s->pieces)
            s->list[s->listed++] = (uint32_t)p;
        }
      return;
    }
  memset (sums, 0, sizeof sums);
  for (t = 0; t < 2; t++)
    for (i = 0; i < AC_SYMBOLS; i++)
      sums[t].freq[i] = s->totals[t][i];
  s->header = jart_prog_tables (s->scan, sums, tables, used)
              + JART_SOS_BYTES (s->scan->n);
  for (t = 0; t < 2; t++)
    if (used[t]
        && (changed || !jart_huff_same_table (&tables[t], &s->tables[t])))
      {
        changed = 1;
        s->tables[t] = tables[t];
        jart_huff_codes (&tables[t], &s->codes[t]);
      }
  if (changed)
    s->all_coded = 1;
}

/* Codes piece P of S with its tables and keeps what its bits add;
 * returns how many blocks it holds. */
static int
code_scan_piece (Worker *w, ProgScan *s, const JartCoefView *view, size_t p)
{
  JartProgCoder *coder = &w->coder;
  JartBitWriter writer = { w->buffer, 0, 0, 0 };
  int n;

  coder->codes = s->codes;
  coder->writer = &writer;
  load_state (coder, s, p);
  n = code_blocks (w, s, view, p);
  jart_piece_bits (&writer, &s->bits[p]);
  coder->writer = NULL;
  return n;
}

/* Counts the scans of group G (one component set: the same pieces) again
 * where they changed, piece by piece, so that a piece's blocks are read
 * once for all of them, and gives them their tables and the pieces to
 * code.  Only the pieces whose MCUs changed, and those after them whose
 * state at the start changed, are visited. */
static void
count_group (Worker *w, int g, const JartCoefView *view)
{
  JartProgStats *prog = w->prog;
  const int n = prog->group_size[g];
  ProgScan *scans[GROUP_MAX];
  int follows[GROUP_MAX] = { 0 }, i, chain;
  size_t p, pieces, next = 0;
  Cursor cursor;

  for (i = 0; i < n; i++)
    {
      scans[i] = &prog->scan[prog->group[g][i]];
      scan_begin (scans[i], view);
    }
  pieces = scans[0]->pieces;
  cursor_start (&cursor, prog, scans[0], view);
  if (!view->all)
    next = cursor_next (&cursor);
  p = view->all ? 0 : next;
  while (p < pieces)
    {
      chain = 0;
      for (i = 0; i < n; i++)
        if (jart_prog_counted (scans[i]->scan))
          {
            count_piece (w, scans[i], view, p, &follows[i]);
            chain |= follows[i];
          }
      if (view->all || chain)
        p++;
      else
        {
          while (next <= p)
            next = cursor_next (&cursor);
          p = next;
        }
    }
  for (i = 0; i < n; i++)
    scan_tables (prog, scans[i], view);
}

static void *
count_main (void *data)
{
  Worker *w = data;
  JartProgStats *prog = w->prog;

  for (;;)
    {
      int g = atomic_fetch_add (&prog->next, 1);

      if (g >= prog->groups || jart_cancel_requested (prog->cancel))
        break;
      count_group (w, g, prog->view);
    }
  return NULL;
}

/* Codes the next chunks of pieces with their scans' tables. */
static void *
code_main (void *data)
{
  Worker *w = data;
  JartProgStats *prog = w->prog;

  for (;;)
    {
      int k = atomic_fetch_add (&prog->next, 1);
      Chunk *chunk;
      ProgScan *s;
      size_t i;

      if (k >= prog->nchunks || jart_cancel_requested (prog->cancel))
        break;
      chunk = &prog->chunks[k];
      s = &prog->scan[chunk->scan];
      chunk->blocks = 0;
      for (i = chunk->from; i < chunk->to; i++)
        chunk->blocks += (uint64_t)code_scan_piece (
            w, s, prog->view, s->all_coded ? i : s->list[i]);
    }
  return NULL;
}

/* Cuts the pieces every scan is to code into chunks; returns how many
 * pieces in all. */
static size_t
make_chunks (JartProgStats *prog)
{
  size_t total = 0, n, from;
  int s;

  prog->nchunks = 0;
  for (s = 0; s < prog->scans; s++)
    {
      const ProgScan *scan = &prog->scan[s];

      n = scan->all_coded     ? scan->pieces
          : scan->coded_ahead ? 0
                              : scan->listed;
      total += n;
      for (from = 0; from < n; from += CODE_CHUNK)
        {
          Chunk *chunk = &prog->chunks[prog->nchunks++];

          chunk->scan = s;
          chunk->from = from;
          chunk->to = from + CODE_CHUNK < n ? from + CODE_CHUNK : n;
          chunk->blocks = 0;
        }
    }
  return total;
}

/* The threads worth starting for WORK pieces, at most THREADS. */
static int
threads_for (size_t work, int threads)
{
  return jart_clamp_int (
      (int)(work / JART_STATS_PIECES_A_THREAD < (size_t)threads
                ? work / JART_STATS_PIECES_A_THREAD
                : (size_t)threads),
      1, threads);
}

/* Runs MAIN on THREADS of PROG's workers over the shared counter. */
static void
run_workers (JartProgStats *prog, int threads, void *(*main) (void *))
{
  void *args[JART_THREADS_MAX];
  int t;

  atomic_store (&prog->next, 0);
  for (t = 0; t < threads; t++)
    args[t] = &prog->workers[t];
  jart_stats_parallel (threads, main, args);
}

uint64_t
jart_prog_stats_bytes (JartProgStats *prog, const JartCoefView *view,
                       uint64_t *blocks)
{
  uint64_t total = 0, coded = 0;
  size_t p, to_code;
  int k, s, threads = prog->threads;

  /* Few pieces encoded again: little to count, on one thread. */
  prog->nchanged = 0;
  if (!view->all)
    {
      for (p = 0; p < (size_t)view->rows * (size_t)view->pieces_per_row; p++)
        if (view->captured[p])
          prog->changed[prog->nchanged++] = (uint32_t)p;
      threads = threads_for (prog->nchanged, threads);
    }
  prog->view = view;
  run_workers (prog, threads, count_main);
  to_code = make_chunks (prog);
  run_workers (prog, threads_for (to_code, prog->threads), code_main);
  prog->view = NULL;
  for (k = 0; k < prog->nchunks; k++)
    prog->scan[prog->chunks[k].scan].blocks += prog->chunks[k].blocks;
  for (s = 0; s < prog->scans; s++)
    {
      ProgScan *scan = &prog->scan[s];

      if (scan->all_coded)
        jart_piece_sums_touch_all (&scan->sums, scan->pieces);
      else
        for (p = 0; p < scan->listed; p++)
          jart_piece_sums_touch (&scan->sums, scan->list[p]);
      /* A scan none of whose pieces was coded has its last bytes. */
      if (scan->blocks > 0)
        scan->bytes
            = scan->header
              + jart_piece_sums_bytes (&scan->sums, scan->bits, scan->pieces);
      total += scan->bytes;
      coded += scan->blocks;
    }
  if (blocks != NULL)
    *blocks = coded;
  return total;
}
