/* pieces.c: pieces of a scan's entropy-coded data, coded apart and put
 * together (stats.c, stats-progressive.c): what one piece's bits add to
 * the file (its length, its first and last 8 bits and, for each bit
 * position it may start at, the 0xFF bytes wholly inside it, each of which
 * costs a stuffed 0x00), and the bytes of the pieces in order, the bytes
 * straddling two pieces included, the last one padded with 1 bits, also
 * from groups of pieces summed as one (JartPieceSums: a scan of which few
 * pieces changed adds its groups instead of all its pieces); and whether
 * two Huffman tables are the same.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>

#include "stats.h"

/* The 0xFF bytes inside a piece of BITS bits written at DATA (zeros after
 * its end), for each offset 0..7 of the first byte boundary in it. */
static void
count_ff (const uint8_t *data, uint64_t bits, uint32_t ff[8])
{
  size_t bytes = (size_t)((bits + 7) / 8), i;

  memset (ff, 0, 8 * sizeof ff[0]);
  for (i = 0; i < bytes; i++)
    {
      /* Bit j of M: bits j .. j + 7 of the pair are all ones; the window
         starting T bits into byte I is bits 8 - T .. 15 - T. */
      unsigned w = (unsigned)data[i] << 8 | (i + 1 < bytes ? data[i + 1] : 0);
      unsigned m = w & w >> 1;
      int j;

      m &= m >> 2;
      m &= m >> 4;
      if ((m & 0x1fe) == 0)
        continue;
      for (j = 1; j <= 8; j++)
        if (m >> j & 1)
          ff[8 - j]++;
    }
}

void
jart_piece_bits (JartBitWriter *writer, JartPieceBits *out)
{
  const uint8_t *data = writer->data;
  uint64_t end;
  unsigned pair = 0;

  out->bits = end = jart_bits_flush (writer);
  writer->data[writer->bytes] = 0;
  count_ff (data, out->bits, out->ff);
  out->head = writer->bytes > 0 ? data[0] : 0;
  /* The last 8 bits, aligned to the piece's end. */
  if (end > 0)
    {
      size_t last_byte = (size_t)((end - 1) / 8);
      int used = (int)((end - 1) % 8) + 1;

      pair = data[last_byte];
      if (last_byte > 0)
        pair |= (unsigned)data[last_byte - 1] << 8;
      pair >>= 8 - used;
    }
  out->tail = (uint8_t)pair;
}

uint64_t
jart_pieces_bytes (const JartPieceBits *pieces, size_t n)
{
  uint64_t bits = 0, stuffed = 0;
  unsigned pending = 0; /* the bits of an unfinished byte */
  int have = 0;
  size_t r;

  for (r = 0; r < n; r++)
    {
      const JartPieceBits *row = &pieces[r];
      int need = have > 0 ? 8 - have : 0, rest;

      bits += row->bits;
      if (row->bits < (uint64_t)need)
        {
          int n = (int)row->bits;

          pending = pending << n | (unsigned)row->head >> (8 - n);
          have += n;
          continue;
        }
      if (need > 0
          && ((pending << need | (unsigned)row->head >> (8 - need)) & 0xff)
                 == 0xff)
        stuffed++;
      stuffed += row->ff[need];
      rest = (int)((row->bits - (uint64_t)need) % 8);
      pending = row->tail & ((1u << rest) - 1);
      have = rest;
    }
  if (have > 0
      && ((pending << (8 - have) | ((1u << (8 - have)) - 1)) & 0xff) == 0xff)
    stuffed++;
  return (bits + 7) / 8 + stuffed;
}

/* The N pieces from PIECES as one piece, into OUT.  A byte wholly inside
 * the group either lies in one piece (that piece's count for where its
 * first byte boundary falls) or ends in a piece Q after taking H = 1..7
 * bits before it: the last 8 bits before Q and Q's first 8 make a 16-bit
 * window in which that byte is bits H .. H + 7; it lies in the group when
 * H is at most the bits before Q, and ends in Q when 8 - H is at most Q's
 * bits.  For the group starting at its bit position A (its first byte
 * boundary A bits in), the bits C before Q put Q's first boundary
 * (A - C) mod 8 bits in and its straddling byte at H = (C - A) mod 8. */
static void
sum_group (const JartPieceBits *pieces, size_t n, JartPieceBits *out)
{
  uint64_t c = 0; /* the bits before the piece */
  uint32_t ff[8] = { 0 };
  unsigned head = 0, tail = 0; /* tail: the last 8 bits before the piece */
  size_t p;
  int a;

  for (p = 0; p < n; p++)
    {
      const JartPieceBits *q = &pieces[p];
      const int k = (int)(c & 7);
      const unsigned w = tail << 8 | q->head;
      const unsigned lo = q->bits >= 7 ? 1 : 8 - (unsigned)q->bits;
      const unsigned hi = c < 7 ? (unsigned)c : 7;
      unsigned m = w & w >> 1;

      /* Bit H of M: bits H .. H + 7 of W are all ones. */
      m &= m >> 2;
      m &= m >> 4;
      m &= lo <= hi ? (2u << hi) - (1u << lo) : 0;
      for (a = 0; a < 8; a++)
        ff[a] += q->ff[(a - k) & 7] + (m >> ((k - a) & 7) & 1);
      if (c < 8)
        head |= (unsigned)q->head >> c;
      tail = q->bits >= 8 ? q->tail : (tail << q->bits | q->tail) & 0xff;
      c += q->bits;
    }
  out->bits = c;
  memcpy (out->ff, ff, sizeof ff);
  out->head = (uint8_t)head;
  out->tail = (uint8_t)tail;
}

/* The groups of PIECES pieces, at least one (of none when PIECES is 0). */
static size_t
groups_of (size_t pieces)
{
  return pieces > 0 ? (pieces + JART_PIECE_GROUP - 1) / JART_PIECE_GROUP : 1;
}

int
jart_piece_sums_init (JartPieceSums *sums, size_t pieces)
{
  size_t groups = groups_of (pieces);

  sums->group = calloc (groups, sizeof *sums->group);
  sums->stale = malloc (groups);
  if (sums->group == NULL || sums->stale == NULL)
    return -1;
  memset (sums->stale, 1, groups);
  return 0;
}

void
jart_piece_sums_free (JartPieceSums *sums)
{
  free (sums->group);
  free (sums->stale);
  sums->group = NULL;
  sums->stale = NULL;
}

size_t
jart_piece_sums_memory (size_t pieces)
{
  return groups_of (pieces) * (sizeof (JartPieceBits) + 1);
}

void
jart_piece_sums_touch_all (JartPieceSums *sums, size_t n)
{
  memset (sums->stale, 1, groups_of (n));
}

uint64_t
jart_piece_sums_bytes (JartPieceSums *sums, const JartPieceBits *pieces,
                       size_t n)
{
  size_t groups = groups_of (n), g;

  for (g = 0; g < groups; g++)
    if (sums->stale[g])
      {
        size_t from = g * JART_PIECE_GROUP;

        sum_group (pieces + from,
                   n - from < JART_PIECE_GROUP ? n - from : JART_PIECE_GROUP,
                   &sums->group[g]);
        sums->stale[g] = 0;
      }
  return jart_pieces_bytes (sums->group, groups);
}

int
jart_huff_same_table (const JartHuffTable *a, const JartHuffTable *b)
{
  return a->count == b->count && memcmp (a->bits, b->bits, sizeof a->bits) == 0
         && memcmp (a->huffval, b->huffval, (size_t)a->count) == 0;
}
