/* huffman.h: the baseline Huffman entropy coder's arithmetic, for counting
 * the bytes of a JPEG file without writing one (jpegsize.c): the four
 * example tables of ITU T.81 Annex K.3 (which libjpeg installs as its
 * defaults), optimal tables built from symbol counts as libjpeg's
 * jpeg_gen_optimal_table builds them (T.81 Annex K.2 with its 16-bit length
 * limit and the reserved all-ones code point), the canonical codes of a
 * table (T.81 Annex C), the symbols of one 8x8 block (T.81 F.1.2: the DC
 * difference, then run/size symbols of the AC coefficients in zigzag order
 * with ZRL and EOB) and a bit sink that counts the entropy-coded bytes with
 * the 0x00 stuffed after every 0xFF (T.81 F.1.2.3) and the final partial
 * byte padded with 1 bits.  Private to the codec.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JART_HUFFMAN_H
#define JART_HUFFMAN_H

#include <stddef.h>
#include <stdint.h>

/* A table as a DHT marker holds it (T.81 B.2.4.2): bits[k] codes of
 * length k for k = 1..16 (bits[0] unused), then the symbols in code
 * order. */
typedef struct
{
  uint8_t bits[17];
  uint8_t huffval[256];
  int count; /* symbols: the sum of bits[1..16] */
} JartHuffTable;

/* Each symbol's code and its length in bits (0: the table has no code for
 * it). */
typedef struct
{
  uint16_t code[256];
  uint8_t size[256];
} JartHuffCodes;

/* The symbol counts of one DC or AC table. */
typedef struct
{
  uint64_t freq[256];
} JartHuffCounts;

/* Counts the entropy-coded bytes that bits put through it make. */
typedef struct
{
  uint64_t bytes;  /* whole bytes out so far, stuffed zeros included */
  uint32_t buffer; /* bits not yet making a whole byte, in the low bits */
  int pending;     /* how many */
} JartBitCount;

/* T.81 Annex K.3 (Tables K.3 to K.6): AC nonzero picks the AC table,
 * CHROMA nonzero the chrominance one. */
void jart_huff_standard (int ac, int chroma, JartHuffTable *table);

/* The table libjpeg's jpeg_gen_optimal_table builds for COUNTS. */
void jart_huff_optimal (const JartHuffCounts *counts, JartHuffTable *table);

/* The canonical codes of TABLE (T.81 C.2, Figures C.1 to C.3). */
void jart_huff_codes (const JartHuffTable *table, JartHuffCodes *codes);

/* Counts the symbols of one block of quantized coefficients COEF (natural,
 * row-major order) whose DC is coded as the difference from LAST_DC. */
void jart_huff_count_block (const int32_t coef[64], int32_t last_dc,
                            JartHuffCounts *dc, JartHuffCounts *ac);

/* Puts the codes of the same block through SINK. */
void jart_huff_encode_block (const int32_t coef[64], int32_t last_dc,
                             const JartHuffCodes *dc, const JartHuffCodes *ac,
                             JartBitCount *sink);

/* Pads the last byte with 1 bits and returns the bytes of entropy-coded
 * data. */
uint64_t jart_bits_finish (JartBitCount *sink);

/* Writes bits, first bit as the high bit of the first byte, into DATA,
 * which must have room for all of them (jart_huff_code_zigzag writes at
 * most JART_HUFF_BLOCK_BYTES_MAX bytes a block). */
typedef struct
{
  uint8_t *data;
  size_t bytes; /* whole bytes written */
  uint64_t acc; /* bits not yet making a whole byte, in the low bits */
  int pending;  /* how many */
} JartBitWriter;

/* Appends the SIZE (0..32) low bits of BITS to WRITER. */
static inline void
jart_bits_write (JartBitWriter *w, uint32_t bits, int size)
{
  if (size == 0)
    return;
  w->acc = (w->acc << size) | (bits & (uint32_t)((1ull << size) - 1));
  w->pending += size;
  while (w->pending >= 8)
    {
      w->pending -= 8;
      w->data[w->bytes++] = (uint8_t)(w->acc >> w->pending);
    }
}

/* A block's most bits: a 16-bit code and 11 extra bits for the DC, and for
 * each of 63 AC coefficients a 16-bit code and 10 extra bits. */
#define JART_HUFF_BLOCK_BYTES_MAX ((16 + 11 + 63 * (16 + 10) + 7) / 8)

/* The lowest set bit of nonzero MASK. */
static inline int
jart_lowest_bit (uint64_t mask)
{
#if defined(__GNUC__)
  return __builtin_ctzll (mask);
#else
  int k = 0;

  while (!(mask >> k & 1))
    k++;
  return k;
#endif
}

/* Writes the codes of a block as jart_huff_encode_block puts them, from
 * its coefficients ZZ in zigzag order (its nonzero ones only), and unless
 * they are NULL counts its symbols into DC_COUNTS and AC_COUNTS as
 * jart_huff_count_block does. */
void jart_huff_code_zigzag (const int16_t zz[64], int32_t last_dc,
                            const JartHuffCodes *dc, const JartHuffCodes *ac,
                            JartBitWriter *writer, JartHuffCounts *dc_counts,
                            JartHuffCounts *ac_counts);

/* The last partial byte, its low bits zero; returns the bits written. */
uint64_t jart_bits_flush (JartBitWriter *writer);

/* jpegsize.c: the bytes of the marker segments of a file of COLORS
 * components and DQT quantization tables that do not depend on its
 * scans: SOI, APP0 (JFIF), DQT, SOF and EOI. */
uint64_t jart_jpeg_frame_bytes (int colors, int dqt);

/* jpegsize.c: the bytes of the file's marker segments around the
 * entropy-coded data of a baseline file, with COLORS components, DQT
 * quantization tables and the Huffman tables DC[] and AC[] (one each for
 * gray, luma and chroma for colour). */
uint64_t jart_jpeg_markers_bytes (int colors, int dqt, const JartHuffTable *dc,
                                  const JartHuffTable *ac);

/* Appends the SIZE (0..16) low bits of BITS to SINK. */
void jart_bits_put (JartBitCount *sink, uint32_t bits, int size);

/* The size category of V (T.81 Tables F.1 and F.2): the bits of |V|. */
static inline int
jart_huff_category (int32_t v)
{
  uint32_t m = (uint32_t)(v < 0 ? -v : v);

#if defined(__GNUC__)
  return m == 0 ? 0 : 32 - __builtin_clz (m);
#else
  int n = 0;

  while (m != 0)
    {
      n++;
      m >>= 1;
    }
  return n;
#endif
}

/* The natural (row-major) index of each zigzag position (T.81 Figure
 * A.6). */
const uint8_t *jart_huff_natural_order (void);

/* The bytes of a DHT segment with COUNT symbols and of an SOS segment
 * with COMPONENTS components, marker included (T.81 B.2.4.2, B.2.3). */
#define JART_DHT_BYTES(count) (2 + 2 + 1 + 16 + (count))
#define JART_SOS_BYTES(components) (2 + 2 + 1 + 2 * (components) + 3)

#endif /* JART_HUFFMAN_H */
