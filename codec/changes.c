/* changes.c: finding which segments of a row changed, the change tracking
 * every kernel table shares (kernels.h's mark_changes): the portable
 * code, which the SIMD tables call too, since comparing bytes eight at a
 * time is already as fast as memory allows; and counting the pixels that
 * changed with the change of their squared error (jart_count_changes),
 * in blocks of a fixed number of bytes that compilers vectorize.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "kernels.h"

/* Nonzero when the N bytes at A and B differ, eight at a time. */
static inline int
bytes_differ (const uint8_t *a, const uint8_t *b, size_t n)
{
  uint64_t x = 0, u, v;
  size_t i = 0;

  for (; i + 8 <= n; i += 8)
    {
      memcpy (&u, a + i, 8);
      memcpy (&v, b + i, 8);
      x |= u ^ v;
    }
  for (; i < n; i++)
    x |= (uint64_t)(a[i] ^ b[i]);
  return x != 0;
}

int
jart_mark_changes (const uint8_t *a, const uint8_t *b, size_t bytes,
                   size_t first, size_t segment, uint8_t *flags)
{
  size_t at = 0, length = first < bytes ? first : bytes;
  int any = 0;

  while (at < bytes)
    {
      if (bytes_differ (a + at, b + at, length))
        *flags = 1, any = 1;
      flags++;
      at += length;
      length = bytes - at < segment ? bytes - at : segment;
    }
  return any;
}

/* Pixels jart_count_changes takes at a time. */
#define BLOCK 16

/* For each number of channels, which bytes of a block start a pixel and
 * which hold a colour (not alpha). */
#define ONE 1
#define PAIR 1, 0
#define TRIPLE 1, 0, 0
#define QUAD 1, 0, 0, 0
#define RGBA 1, 1, 1, 0
#define TIMES16(s) s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s
static const uint8_t pixel_starts[4][BLOCK * 4] = { { TIMES16 (ONE) },
                                                    { TIMES16 (PAIR) },
                                                    { TIMES16 (TRIPLE) },
                                                    { TIMES16 (QUAD) } };
static const uint8_t colour_bytes[4][BLOCK * 4]
    = { { TIMES16 (ONE) },
        { TIMES16 (PAIR) },
        { TIMES16 (ONE), TIMES16 (ONE), TIMES16 (ONE) },
        { TIMES16 (RGBA) } };

/* count_run_STEP_COLORS: the pixels of F (STEP channels, COLORS of them
 * colours, the first) whose colours differ from B's, of N, added to
 * *COUNT, and the change of their squared error against O, (f - o)^2 -
 * (b - o)^2 = (f - b) (f + b - 2 o) summed over the colours, to *SSE.
 * Written once for each STEP and COLORS as constants, so that every loop
 * of a block has a fixed length: BLOCK pixels at a time, then one at a
 * time. */
#define DEFINE_COUNT_RUN(STEP, COLORS)                                        \
  static void count_run_##STEP##_##COLORS (                                   \
      const uint8_t *f, const uint8_t *b, const uint8_t *o, size_t n,         \
      uint64_t *count, int64_t *sse)                                          \
  {                                                                           \
    const uint8_t *start = pixel_starts[STEP - 1];                            \
    const uint8_t *colour = colour_bytes[STEP - 1];                           \
    size_t i;                                                                 \
    int k, c;                                                                 \
                                                                              \
    for (i = 0; i + BLOCK <= n;                                               \
         i += BLOCK, f += BLOCK * STEP, b += BLOCK * STEP, o += BLOCK * STEP) \
      {                                                                       \
        uint8_t x[BLOCK * STEP + 2];                                          \
        int16_t d[BLOCK * STEP], e[BLOCK * STEP];                             \
        uint8_t changed = 0;                                                  \
        int32_t s = 0;                                                        \
                                                                              \
        /* Most blocks of a late generation changed nothing. */               \
        if (!bytes_differ (f, b, BLOCK * STEP))                               \
          continue;                                                           \
        /* In 16 bits, which multiply and add in pairs: d e is at most        \
           255 * 510 in size, two of them fit 32 bits. */                     \
        for (k = 0; k < BLOCK * STEP; k++)                                    \
          {                                                                   \
            x[k] = (uint8_t)((f[k] ^ b[k]) & -colour[k]);                     \
            d[k] = (int16_t)((f[k] - b[k]) & -colour[k]);                     \
            e[k] = (int16_t)(f[k] + b[k] - 2 * o[k]);                         \
          }                                                                   \
        x[BLOCK * STEP] = x[BLOCK * STEP + 1] = 0;                            \
        for (k = 0; k < BLOCK * STEP; k++)                                    \
          s += d[k] * e[k];                                                   \
        /* A pixel changed when a colour byte from its start on did (at       \
           most BLOCK of them: a byte counts them). */                        \
        for (k = 0; k < BLOCK * STEP; k++)                                    \
          changed                                                             \
              += start[k]                                                     \
                 & ((COLORS == 1 ? x[k] : x[k] | x[k + 1] | x[k + 2]) != 0);  \
        *count += changed;                                                    \
        *sse += s;                                                            \
      }                                                                       \
    for (; i < n; i++, f += STEP, b += STEP, o += STEP)                       \
      {                                                                       \
        unsigned differs = 0;                                                 \
                                                                              \
        for (c = 0; c < COLORS; c++)                                          \
          {                                                                   \
            *sse += (f[c] - b[c]) * (f[c] + b[c] - 2 * o[c]);                 \
            differs |= (unsigned)(f[c] ^ b[c]);                               \
          }                                                                   \
        *count += differs != 0;                                               \
      }                                                                       \
  }

DEFINE_COUNT_RUN (1, 1)
DEFINE_COUNT_RUN (2, 1)
DEFINE_COUNT_RUN (3, 3)
DEFINE_COUNT_RUN (4, 3)

void
jart_count_changes (const uint8_t *fresh, const uint8_t *in,
                    const uint8_t *original, size_t n, int channels,
                    uint64_t *count, int64_t *sse_delta)
{
  switch (channels)
    {
    case 1:
      count_run_1_1 (fresh, in, original, n, count, sse_delta);
      break;
    case 2:
      count_run_2_1 (fresh, in, original, n, count, sse_delta);
      break;
    case 3:
      count_run_3_3 (fresh, in, original, n, count, sse_delta);
      break;
    default:
      count_run_4_3 (fresh, in, original, n, count, sse_delta);
      break;
    }
}
