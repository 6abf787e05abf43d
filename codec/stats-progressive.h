/* stats-progressive.h: what the progressive file's size kept up to date
 * (stats-progressive.c) and its allocation (stats-progressive-memory.c)
 * share: the coder's state between blocks, a scan of the script with what
 * is kept of its pieces, the chunks the threads code and the threads'
 * own buffers.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JART_STATS_PROGRESSIVE_H
#define JART_STATS_PROGRESSIVE_H

#include <stdatomic.h>

#include "progressive.h"
#include "stats.h"

/* The buffered correction bits a piece may start with, packed. */
#define CORR_BYTES ((JART_PROG_CORR_KEPT + 7) / 8)

/* The symbols a piece's counts keep: a DC first scan's two DC tables
 * (categories 0..15 each), an AC scan's table. */
#define DC_SYMBOLS 16
#define AC_SYMBOLS 256

/* The distinct symbols a piece's counts hold in place (at quality 75 a
 * piece has fewer than 16 in nearly every scan, at 95 fewer than 24). */
#define HELD 24
#define SPILLED 0xFFFF

/* A piece's symbol counts: its N symbols (indices into the scan's counts)
 * and how many of each; or N SPILLED: all of them are in the piece's
 * table of the scan's spill. */
typedef struct
{
  uint16_t n;
  uint8_t symbol[HELD];
  uint16_t count[HELD];
} Held;

/* The most scans counted together over the same pieces. */
#define GROUP_MAX 2

/* How many MCUs ahead a scan of one component asks for its blocks. */
#define PREFETCH 4

/* The pieces of a scan one thread codes at a time. */
#define CODE_CHUNK 64

/* The coder's state between two blocks. */
typedef struct
{
  int32_t last_dc[3];
  uint16_t eobrun;
  uint16_t be;
} State;

/* One scan of the script and what is kept of its pieces. */
typedef struct
{
  const JartProgScan *scan;
  int comp;    /* its one component, or -1 when interleaved */
  int symbols; /* counts a piece keeps (0: none) */
  int refine;  /* an AC refinement: the states keep correction bits */
  /* The current shape: */
  int rows, h, v, real_cols;
  size_t pieces;
  State *in;       /* each piece's state at its start; [pieces]: the end */
  uint8_t *corr;   /* with REFINE: their correction bits, CORR_BYTES each */
  Held *held;      /* each piece's symbol counts */
  uint16_t *spill; /* a table of SYMBOLS counts a piece, written only for
                      the pieces whose counts are SPILLED */
  uint32_t *list;  /* the pieces to code again, in order, unless ALL_CODED */
  size_t listed;
  int all_coded;       /* every piece is to be coded again */
  int coded_ahead;     /* the listed pieces were coded as they were counted,
                          with the tables of before: right unless those
                          change, when ALL_CODED codes every piece again */
  JartPieceBits *bits; /* what each piece's bits add */
  JartPieceSums sums;  /* and each group's */
  uint64_t totals[2][AC_SYMBOLS];
  JartHuffTable tables[2];
  JartHuffCodes codes[2];
  uint64_t header; /* its DHT and SOS segments */
  uint64_t bytes;  /* all its bytes */
  uint64_t blocks; /* blocks coded this generation */
} ProgScan;

/* A run of pieces of one scan to code: indices FROM .. TO - 1 of its list
 * (of its pieces when it codes them all), and the blocks they held. */
typedef struct
{
  int scan;
  size_t from, to;
  uint64_t blocks;
} Chunk;

/* What each thread codes with. */
typedef struct
{
  JartProgStats *prog;
  JartProgCoder coder;
  uint8_t *buffer;
  int16_t dummy[64];
  int16_t spare[64]; /* a narrow block widened */
} Worker;

struct JartProgStats
{
  int scans;
  ProgScan scan[10];
  int groups;               /* scans of one component set, the biggest first */
  int group[10][GROUP_MAX]; /* their scans, in the script's order */
  int group_size[10];
  int threads;
  const JartCancel *cancel;
  Worker *workers;
  uint32_t *changed; /* the pieces of VIEW->captured that are set, in order */
  size_t nchanged;
  Chunk *chunks;
  int nchunks;
  /* While the threads count or code: */
  const JartCoefView *view;
  atomic_int next;
};

#endif
