/* pieces.c: pieces of a scan's entropy-coded data, coded apart and put
 * together (stats.c, stats-progressive.c): what one piece's bits add to
 * the file (its length, its first and last 8 bits and, for each bit
 * position it may start at, the 0xFF bytes wholly inside it, each of which
 * costs a stuffed 0x00), and the bytes of the pieces in order, the bytes
 * straddling two pieces included, the last one padded with 1 bits; and
 * whether two Huffman tables are the same.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

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

int
jart_huff_same_table (const JartHuffTable *a, const JartHuffTable *b)
{
  return a->count == b->count && memcmp (a->bits, b->bits, sizeof a->bits) == 0
         && memcmp (a->huffval, b->huffval, (size_t)a->count) == 0;
}
