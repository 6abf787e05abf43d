/* changes.c: finding which segments of a row changed, the change tracking
 * every kernel table shares (kernels.h's mark_changes): the portable
 * code, which the SIMD tables call too, since comparing bytes eight at a
 * time is already as fast as memory allows; and the portable comparison
 * with the statistics (compare_stats), segment by segment, a segment whose
 * bytes are all the same skipped whole.
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

void
jart_compare_stats (const uint8_t *fresh, const uint8_t *in,
                    const uint8_t *original, int n, int step, int colors,
                    int first, int segment, uint8_t *flags, uint64_t *changed,
                    int64_t *sse_delta)
{
  int at = 0, length = first < n ? first : n, i, c;

  while (at < n)
    {
      const size_t start = (size_t)at * step;

      if (bytes_differ (fresh + start, in + start, (size_t)length * step))
        for (i = at; i < at + length; i++)
          {
            const uint8_t *f = fresh + (size_t)i * step;
            const uint8_t *b = in + (size_t)i * step;
            const uint8_t *o = original + (size_t)i * step;
            int differs = 0;

            for (c = 0; c < colors; c++)
              {
                int32_t after = f[c] - o[c], before = b[c] - o[c];

                *sse_delta += after * after - before * before;
                differs |= f[c] != b[c];
              }
            if (differs)
              {
                ++*changed;
                *flags = 1;
              }
          }
      flags++;
      at += length;
      length = n - at < segment ? n - at : segment;
    }
}
