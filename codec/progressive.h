/* progressive.h: the entropy coder of libjpeg's progressive scans
 * (jpegsize-progressive.c), block by block, for the progressive file's
 * size measured on a whole image (jart_coef_image_progressive_bytes) and
 * kept up to date piece by piece by a run's statistics
 * (stats-progressive.c): both code every block with the same routines.
 * Private to the codec.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JART_PROGRESSIVE_H
#define JART_PROGRESSIVE_H

#include "huffman.h"

/* jcphuff.c's correction bit buffer, and the most bits it holds between
 * two blocks (more are sent at once). */
#define JART_PROG_CORR_MAX 1000
#define JART_PROG_CORR_KEPT (JART_PROG_CORR_MAX - 64 + 1)

/* The longest end-of-band run. */
#define JART_PROG_EOBRUN_MAX 0x7FFF

/* One scan of the script: its components (indices), the band Ss..Se and
 * the successive approximation bits Ah, Al. */
typedef struct
{
  int n;
  int comp[3];
  int ss, se, ah, al;
} JartProgScan;

/* libjpeg's jpeg_simple_progression script for COLORS (1 or 3)
 * components; its scans into *SCANS. */
const JartProgScan *jart_prog_script (int colors, int *scans);

/* The coder of one scan: where its symbols go and the state it carries
 * from block to block. */
typedef struct
{
  const JartProgScan *scan;
  /* Output: with COUNTS ([2], by table number: 0 luma, 1 chroma) the
   * symbols are counted there, and with CODE_TOO coded as well; without
   * COUNTS (or with CODE_TOO) they are coded with CODES ([2]) into WRITER
   * when not NULL, else through SINK. */
  JartHuffCounts *counts;
  int code_too;
  const JartHuffCodes *codes;
  JartBitWriter *writer;
  JartBitCount *sink;
  /* State: */
  int32_t last_dc[3]; /* a DC first scan's last value of each component */
  uint32_t eobrun;    /* blocks in the pending end-of-band run */
  int be;             /* correction bits buffered with it */
  uint8_t corr[JART_PROG_CORR_MAX + 64]; /* one bit a byte */
} JartProgCoder;

/* Sets CODER at the start of SCAN (its output left as it is). */
void jart_prog_start (JartProgCoder *coder, const JartProgScan *scan);

/* Codes the next block of component C (64 coefficients in zigzag
 * order). */
void jart_prog_block (JartProgCoder *coder, int c, const int16_t *block);

/* Ends the scan: sends the pending end-of-band run. */
void jart_prog_finish (JartProgCoder *coder);

/* The table number of a scan's AC table, or of component C's DC table. */
static inline int
jart_prog_table (int c)
{
  return c > 0;
}

/* Nonzero when SCAN's symbols are counted for its own tables (every scan
 * but a DC refinement, which codes no symbols). */
int jart_prog_counted (const JartProgScan *scan);

/* The optimal tables of SCAN for its symbol COUNTS ([2], by table number)
 * into TABLES[t] for each table number t it uses (USED[t] nonzero);
 * returns the bytes of their DHT segments (one each). */
uint64_t jart_prog_tables (const JartProgScan *scan,
                           const JartHuffCounts counts[2],
                           JartHuffTable tables[2], int used[2]);

#endif /* JART_PROGRESSIVE_H */
