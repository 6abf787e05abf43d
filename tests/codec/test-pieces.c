/* test-pieces.c: the bytes of a scan put together from pieces coded apart
 * (codec/pieces.c), against the bytes themselves: random pieces of random
 * bits (mostly ones, so that 0xFF bytes are many, and many pieces of
 * fewer than 8 bits or none, as a progressive scan's end-of-band runs
 * make) are written one after the other into one stream, padded with 1
 * bits, and its bytes and 0xFF bytes counted; jart_pieces_bytes on the
 * pieces and JartPieceSums on their groups must give the same, the latter
 * also over "generations" that change a few pieces, many, or all of them
 * and touch only those (the run's statistics use it so).
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "stats.h"

#define MAX_PIECES 700
#define MAX_BITS 300

typedef struct
{
  int n;
  uint8_t bit[MAX_BITS];
} Piece;

static uint32_t seed = 12345;

static uint32_t
next_random (void)
{
  seed = seed * 1103515245u + 12345u;
  return seed >> 8;
}

/* A random piece: a third of them under 8 bits (a fifth of those none),
 * ones with probability ONES / 16. */
static void
make_piece (Piece *piece, int ones)
{
  int i;

  switch (next_random () % 6)
    {
    case 0:
      piece->n = 0;
      break;
    case 1:
      piece->n = 1 + (int)(next_random () % 7);
      break;
    default:
      piece->n = 8 + (int)(next_random () % (MAX_BITS - 8));
    }
  for (i = 0; i < piece->n; i++)
    piece->bit[i] = (int)(next_random () % 16) < ones;
}

static void
piece_bits (const Piece *piece, JartPieceBits *out)
{
  uint8_t data[MAX_BITS / 8 + 2];
  JartBitWriter writer = { data, 0, 0, 0 };
  int i;

  for (i = 0; i < piece->n; i++)
    jart_bits_write (&writer, piece->bit[i], 1);
  jart_piece_bits (&writer, out);
}

/* The bytes of the pieces written one after the other, padded with ones,
 * each 0xFF byte counting twice. */
static uint64_t
stream_bytes (const Piece *pieces, int n)
{
  uint64_t bytes = 0;
  unsigned byte = 0;
  int have = 0, p, i;

  for (p = 0; p < n; p++)
    for (i = 0; i < pieces[p].n; i++)
      {
        byte = byte << 1 | pieces[p].bit[i];
        if (++have == 8)
          {
            bytes += (byte & 0xff) == 0xff ? 2 : 1;
            have = 0;
            byte = 0;
          }
      }
  if (have > 0)
    {
      byte = (byte << (8 - have) | ((1u << (8 - have)) - 1)) & 0xff;
      bytes += byte == 0xff ? 2 : 1;
    }
  return bytes;
}

int
main (void)
{
  static Piece pieces[MAX_PIECES];
  static JartPieceBits bits[MAX_PIECES];
  static const int counts[] = { 0, 1, 2, 15, 16, 17, 33, 255, MAX_PIECES };
  Tally tally;
  int c, ones, g, p, k;

  tally_init (&tally, "pieces");
  for (c = 0; c < (int)(sizeof counts / sizeof counts[0]); c++)
    for (ones = 8; ones <= 16; ones += 4)
      {
        const int n = counts[c];
        JartPieceSums sums;
        uint64_t want, got, summed;

        if (jart_piece_sums_init (&sums, (size_t)n) != 0)
          {
            tally_check (&tally, 0, "out of memory");
            break;
          }
        for (p = 0; p < n; p++)
          {
            make_piece (&pieces[p], ones);
            piece_bits (&pieces[p], &bits[p]);
          }
        for (g = 0; g < 12; g++)
          {
            /* Generation G changes none, one, a few, many or all. */
            int change = g == 0   ? 0
                         : g < 4  ? 1
                         : g < 8  ? 1 + (int)(next_random () % 9)
                         : g < 11 ? n / 3
                                  : n;

            for (k = 0; n > 0 && k < change; k++)
              {
                p = g == 11 ? k : (int)(next_random () % (uint32_t)n);
                make_piece (&pieces[p], ones);
                piece_bits (&pieces[p], &bits[p]);
                jart_piece_sums_touch (&sums, (size_t)p);
              }
            want = stream_bytes (pieces, n);
            got = jart_pieces_bytes (bits, (size_t)n);
            summed = jart_piece_sums_bytes (&sums, bits, (size_t)n);
            tally_check (&tally, got == want && summed == want,
                         "%d pieces, ones %d/16, generation %d: "
                         "jart_pieces_bytes %llu, JartPieceSums %llu, the "
                         "stream %llu bytes",
                         n, ones, g, (unsigned long long)got,
                         (unsigned long long)summed, (unsigned long long)want);
          }
        jart_piece_sums_free (&sums);
      }
  return tally_finish (&tally);
}
