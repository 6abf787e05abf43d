/* huffman.c: baseline Huffman coding arithmetic; see huffman.h.
 *
 * The default tables are the examples of ITU T.81 Annex K.3 (Tables K.3
 * and K.4 for the DC differences, K.5 and K.6 for the AC coefficients of
 * luminance and chrominance), which libjpeg installs unless asked to
 * optimize.  Optimal tables follow T.81 Annex K.2 (Figures K.1 to K.4) the
 * way libjpeg's jchuff.c does it: a pseudo-symbol 256 of count 1 takes the
 * last code of the longest length, so that no real code is all ones; the
 * two smallest counts are merged with ties going to the higher symbol;
 * lengths over 16 are folded in as Figure K.3 says; the symbols are listed
 * in the order of their lengths before that folding.  Codes are assigned
 * canonically (T.81 Annex C).  Blocks are coded as T.81 F.1.2 says: the DC
 * difference's size category and its extra bits, then for each nonzero AC
 * coefficient in zigzag order (Figure A.6) the run of zeros before it and
 * its size as one symbol (ZRL, 0xF0, for each run of 16 zeros), and EOB
 * (0x00) when the block ends in zeros.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "huffman.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Zigzag position k to natural (row-major) index: T.81 Figure A.6. */
static const uint8_t zigzag_to_natural[64]
    = { 0,  1,  8,  16, 9,  2,  3,  10, 17, 24, 32, 25, 18, 11, 4,  5,
        12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6,  7,  14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63 };

/* T.81 Table K.3 and K.4: code lengths 1..16, then the symbols. */
static const uint8_t dc_luma_bits[16]
    = { 0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0 };
static const uint8_t dc_chroma_bits[16]
    = { 0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0 };
static const uint8_t dc_values[12] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };

/* T.81 Table K.5. */
static const uint8_t ac_luma_bits[16]
    = { 0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d };
static const uint8_t ac_luma_values[162]
    = { 0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06,
        0x13, 0x51, 0x61, 0x07, 0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xa1, 0x08,
        0x23, 0x42, 0xb1, 0xc1, 0x15, 0x52, 0xd1, 0xf0, 0x24, 0x33, 0x62, 0x72,
        0x82, 0x09, 0x0a, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x25, 0x26, 0x27, 0x28,
        0x29, 0x2a, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45,
        0x46, 0x47, 0x48, 0x49, 0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59,
        0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75,
        0x76, 0x77, 0x78, 0x79, 0x7a, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89,
        0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3,
        0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6,
        0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9,
        0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe1, 0xe2,
        0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf1, 0xf2, 0xf3, 0xf4,
        0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa };

/* T.81 Table K.6. */
static const uint8_t ac_chroma_bits[16]
    = { 0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77 };
static const uint8_t ac_chroma_values[162]
    = { 0x00, 0x01, 0x02, 0x03, 0x11, 0x04, 0x05, 0x21, 0x31, 0x06, 0x12, 0x41,
        0x51, 0x07, 0x61, 0x71, 0x13, 0x22, 0x32, 0x81, 0x08, 0x14, 0x42, 0x91,
        0xa1, 0xb1, 0xc1, 0x09, 0x23, 0x33, 0x52, 0xf0, 0x15, 0x62, 0x72, 0xd1,
        0x0a, 0x16, 0x24, 0x34, 0xe1, 0x25, 0xf1, 0x17, 0x18, 0x19, 0x1a, 0x26,
        0x27, 0x28, 0x29, 0x2a, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44,
        0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58,
        0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74,
        0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87,
        0x88, 0x89, 0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a,
        0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4,
        0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7,
        0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda,
        0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf2, 0xf3, 0xf4,
        0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa };

void
jart_huff_standard (int ac, int chroma, JartHuffTable *table)
{
  const uint8_t *bits, *values;
  int k;

  if (ac)
    {
      bits = chroma ? ac_chroma_bits : ac_luma_bits;
      values = chroma ? ac_chroma_values : ac_luma_values;
    }
  else
    {
      bits = chroma ? dc_chroma_bits : dc_luma_bits;
      values = dc_values;
    }
  memset (table, 0, sizeof *table);
  for (k = 1; k <= 16; k++)
    {
      table->bits[k] = bits[k - 1];
      table->count += bits[k - 1];
    }
  memcpy (table->huffval, values, (size_t)table->count);
}

/* The most code lengths the unlimited Huffman procedure may give before
 * they are folded to 16 (257 symbols cannot need more than 32 with counts
 * that fit libjpeg's arithmetic). */
#define LONGEST_CODE 32

/* libjpeg starts its search for the smallest count at this value, so that
 * counts above it are never picked as the smallest; kept for the same
 * tables on gigantic images. */
#define SEARCH_START 1000000000

/* The symbol of the smallest nonzero count other than EXCLUDE among the
 * N symbols LIVE lists in ascending order, ties going to the higher
 * symbol; -1 when there is none. */
static int
smallest_count (const int64_t freq[257], const int *live, int n, int exclude)
{
  int64_t best = SEARCH_START;
  int found = -1, i;

  for (i = 0; i < n; i++)
    {
      int s = live[i];

      if (freq[s] != 0 && freq[s] <= best && s != exclude)
        {
          best = freq[s];
          found = s;
        }
    }
  return found;
}

void
jart_huff_optimal (const JartHuffCounts *counts, JartHuffTable *table)
{
  int64_t freq[257];
  int length[257], next[257];
  int used[257], live[257], start[LONGEST_CODE + 2];
  int bits[LONGEST_CODE + 1];
  int i, j, k, n = 0, n_used;

  /* Only the symbols with a count (USED, in ascending order) are looked
   * at: the others have no code. */
  for (i = 0; i <= 256; i++)
    {
      freq[i] = i < 256 ? (int64_t)counts->freq[i]
                        : 1; /* the reserved code point */
      if (freq[i] != 0)
        {
          used[n] = live[n] = i;
          length[i] = 0;
          next[i] = -1;
          n++;
        }
    }
  n_used = n;

  /* Figure K.1: merge the two least frequent trees until one is left;
   * every symbol of both gets one bit longer.  NEXT chains the symbols
   * of a tree.  LIVE lists the symbols whose tree is still to merge. */
  for (;;)
    {
      int a = smallest_count (freq, live, n, -1);
      int b = a < 0 ? -1 : smallest_count (freq, live, n, a);

      if (b < 0)
        break;
      freq[a] += freq[b];
      freq[b] = 0;
      for (i = 0; live[i] != b; i++)
        ;
      memmove (live + i, live + i + 1, (size_t)(n - i - 1) * sizeof *live);
      n--;
      for (;;)
        {
          length[a]++;
          if (next[a] < 0)
            break;
          a = next[a];
        }
      next[a] = b;
      for (;;)
        {
          length[b]++;
          if (next[b] < 0)
            break;
          b = next[b];
        }
    }

  /* Figure K.2: how many codes of each length. */
  memset (bits, 0, sizeof bits);
  for (i = 0; i < n_used; i++)
    if (length[used[i]] > 0)
      bits[length[used[i]] > LONGEST_CODE ? LONGEST_CODE : length[used[i]]]++;

  /* Figure K.3: codes longer than 16 bits go two at a time; one takes
   * their prefix one bit shorter, and a code of the next shorter length in
   * use becomes the prefix of two codes one bit longer than it. */
  for (i = LONGEST_CODE; i > 16; i--)
    while (bits[i] > 0)
      {
        j = i - 2;
        while (bits[j] == 0)
          j--;
        bits[i] -= 2;
        bits[i - 1]++;
        bits[j + 1] += 2;
        bits[j]--;
      }

  /* The pseudo-symbol held the last code of the longest length. */
  for (i = 16; i > 0 && bits[i] == 0; i--)
    ;
  if (i > 0)
    bits[i]--;

  memset (table, 0, sizeof *table);
  for (i = 1; i <= 16; i++)
    {
      table->bits[i] = (uint8_t)bits[i];
      table->count += bits[i];
    }
  /* Figure K.4: the symbols by their (unfolded) length, then value: a
   * counting sort on the length, which keeps the values' order. */
  memset (start, 0, sizeof start);
  for (i = 0; i < n_used && (j = used[i]) < 256; i++)
    if (length[j] > 0 && length[j] <= LONGEST_CODE)
      start[length[j] + 1]++;
  for (i = 1; i <= LONGEST_CODE + 1; i++)
    start[i] += start[i - 1];
  for (i = 0; i < n_used && (j = used[i]) < 256; i++)
    if (length[j] > 0 && length[j] <= LONGEST_CODE
        && (k = start[length[j]]++) < 256)
      table->huffval[k] = (uint8_t)j;
}

void
jart_huff_codes (const JartHuffTable *table, JartHuffCodes *codes)
{
  unsigned code = 0;
  int length, i, k = 0;

  memset (codes, 0, sizeof *codes);
  for (length = 1; length <= 16; length++)
    {
      for (i = 0; i < table->bits[length] && k < table->count; i++, k++)
        {
          codes->code[table->huffval[k]] = (uint16_t)code;
          codes->size[table->huffval[k]] = (uint8_t)length;
          code++;
        }
      code <<= 1;
    }
}

void
jart_huff_count_block (const int32_t coef[64], int32_t last_dc,
                       JartHuffCounts *dc, JartHuffCounts *ac)
{
  int k, run = 0;

  dc->freq[jart_huff_category (coef[0] - last_dc)]++;
  for (k = 1; k < 64; k++)
    {
      int32_t v = coef[zigzag_to_natural[k]];

      if (v == 0)
        {
          run++;
          continue;
        }
      for (; run > 15; run -= 16)
        ac->freq[0xf0]++;
      ac->freq[(run << 4) + jart_huff_category (v)]++;
      run = 0;
    }
  if (run > 0)
    ac->freq[0x00]++;
}

/* Appends the SIZE low bits of BITS to SINK, counting each byte they
 * complete and a stuffed zero after each 0xFF. */
static inline void
put_bits (JartBitCount *sink, uint32_t bits, int size)
{
  if (size == 0)
    return;
  sink->buffer = (sink->buffer << size) | (bits & ((1u << size) - 1));
  sink->pending += size;
  while (sink->pending >= 8)
    {
      uint32_t byte = (sink->buffer >> (sink->pending - 8)) & 0xff;

      sink->bytes += byte == 0xff ? 2 : 1;
      sink->pending -= 8;
    }
  sink->buffer &= (1u << sink->pending) - 1;
}

/* A coefficient's extra bits: V itself when positive, else V - 1 (its
 * ones' complement), SIZE bits of it. */
static inline void
put_value (JartBitCount *sink, int32_t v, int size)
{
  put_bits (sink, (uint32_t)(v < 0 ? v - 1 : v), size);
}

void
jart_huff_encode_block (const int32_t coef[64], int32_t last_dc,
                        const JartHuffCodes *dc, const JartHuffCodes *ac,
                        JartBitCount *sink)
{
  int32_t diff = coef[0] - last_dc;
  int size = jart_huff_category (diff), k, run = 0;

  put_bits (sink, dc->code[size], dc->size[size]);
  put_value (sink, diff, size);
  for (k = 1; k < 64; k++)
    {
      int32_t v = coef[zigzag_to_natural[k]];
      int symbol;

      if (v == 0)
        {
          run++;
          continue;
        }
      for (; run > 15; run -= 16)
        put_bits (sink, ac->code[0xf0], ac->size[0xf0]);
      size = jart_huff_category (v);
      symbol = (run << 4) + size;
      put_bits (sink, ac->code[symbol], ac->size[symbol]);
      put_value (sink, v, size);
      run = 0;
    }
  if (run > 0)
    put_bits (sink, ac->code[0x00], ac->size[0x00]);
}

uint64_t
jart_bits_finish (JartBitCount *sink)
{
  if (sink->pending > 0)
    put_bits (sink, 0x7f, 8 - sink->pending);
  return sink->bytes;
}

static inline void
write_bits (JartBitWriter *w, uint32_t bits, int size)
{
  jart_bits_write (w, bits, size);
}

/* The positions of BLOCK's nonzero coefficients as the bits of a mask,
 * sixteen at a time with SSE2. */
static inline uint64_t
nonzero_mask (const int16_t block[64])
{
  uint64_t mask = 0;
  int k;

#if defined(__SSE2__)
  const __m128i zero = _mm_setzero_si128 ();

  for (k = 0; k < 64; k += 16)
    {
      __m128i a = _mm_loadu_si128 ((const __m128i *)(block + k));
      __m128i b = _mm_loadu_si128 ((const __m128i *)(block + k + 8));
      __m128i zeros = _mm_packs_epi16 (_mm_cmpeq_epi16 (a, zero),
                                       _mm_cmpeq_epi16 (b, zero));

      mask |= (uint64_t)(~_mm_movemask_epi8 (zeros) & 0xFFFF) << k;
    }
#else
  for (k = 0; k < 64; k++)
    mask |= (uint64_t)(block[k] != 0) << k;
#endif
  return mask;
}

void
jart_huff_code_zigzag (const int16_t zz[64], int32_t last_dc,
                       const JartHuffCodes *dc, const JartHuffCodes *ac,
                       JartBitWriter *writer, JartHuffCounts *dc_counts,
                       JartHuffCounts *ac_counts)
{
  int32_t diff = zz[0] - last_dc;
  uint64_t mask = nonzero_mask (zz) & ~(uint64_t)1;
  int size = jart_huff_category (diff), prev = 0;

  if (dc_counts != NULL)
    dc_counts->freq[size]++;
  write_bits (writer, dc->code[size], dc->size[size]);
  write_bits (writer, (uint32_t)(diff < 0 ? diff - 1 : diff), size);
  while (mask != 0)
    {
      int k = jart_lowest_bit (mask), run = k - prev - 1, symbol;
      int32_t v = zz[k];

      mask &= mask - 1;
      prev = k;
      for (; run > 15; run -= 16)
        {
          if (ac_counts != NULL)
            ac_counts->freq[0xf0]++;
          write_bits (writer, ac->code[0xf0], ac->size[0xf0]);
        }
      size = jart_huff_category (v);
      symbol = (run << 4) + size;
      if (ac_counts != NULL)
        ac_counts->freq[symbol]++;
      write_bits (writer, ac->code[symbol], ac->size[symbol]);
      write_bits (writer, (uint32_t)(v < 0 ? v - 1 : v), size);
    }
  if (prev < 63)
    {
      if (ac_counts != NULL)
        ac_counts->freq[0x00]++;
      write_bits (writer, ac->code[0x00], ac->size[0x00]);
    }
}

uint64_t
jart_bits_flush (JartBitWriter *writer)
{
  uint64_t bits = (uint64_t)writer->bytes * 8 + (uint64_t)writer->pending;

  if (writer->pending > 0)
    writer->data[writer->bytes++]
        = (uint8_t)(writer->acc << (8 - writer->pending));
  writer->pending = 0;
  writer->acc = 0;
  return bits;
}

void
jart_bits_put (JartBitCount *sink, uint32_t bits, int size)
{
  put_bits (sink, bits, size);
}

const uint8_t *
jart_huff_natural_order (void)
{
  return zigzag_to_natural;
}
