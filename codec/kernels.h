/* kernels.h: the table of hot-stage implementations a run dispatches
 * through, one table per instruction set (kernels.c: portable C, which
 * the others must match bit for bit; simd/kernels-sse2.c and
 * simd/kernels-avx2.c).
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JART_KERNELS_H
#define JART_KERNELS_H

#include "jart-private.h"

struct JartKernels
{
  JartKernelPath path;
  const char *name;

  /* Forward DCT, quantization, dequantization and inverse DCT, in place,
   * for the blocks of one block row: 8 rows of PLANE, STRIDE bytes apart,
   * columns X0 .. X1 - 1 (multiples of 8).  Unless COEF is NULL, the
   * quantized coefficients of the block at column X0 + 8 K also go to
   * COEF + 64 K, in natural order (the statistics keep them). */
  void (*transform_blocks) (uint8_t *plane, size_t stride, int x0, int x1,
                            const JartQuant *quant, JartDct dct,
                            int16_t *coef);

  /* color.c's jart_rgb_to_ycc_row: N interleaved pixels of STEP (3 or 4)
   * bytes to Y, Cb and Cr. */
  void (*rgb_to_ycc) (const uint8_t *pixels, int step, int n, uint8_t *y,
                      uint8_t *cb, uint8_t *cr);

  /* color.c's jart_rgb_to_y_row: the Y alone (the SSIM's luma). */
  void (*rgb_to_y) (const uint8_t *pixels, int step, int n, uint8_t *y);

  /* color.c's jart_ycc_to_rgb_row: N samples of Y, Cb and Cr to
   * interleaved pixels, clamped, alpha (STEP 4) copied from ALPHA.  May
   * write up to 32 bytes past OUT's N pixels. */
  void (*ycc_to_rgb) (const uint8_t *y, const uint8_t *cb, const uint8_t *cr,
                      int n, const uint8_t *alpha, int step, uint8_t *out);

  /* sample.c's jart_downsample_row. */
  void (*downsample) (int h, int v, const uint8_t *const *rows, int out_width,
                      uint8_t *out);

  /* SUMS[i] = 3 * NEAR[i] + FAR[i] for N samples: the vertical step of
   * the fancy upsampler, and with NEAR == FAR (4 * NEAR) the widening for
   * the horizontal-only one. */
  void (*fancy_rows) (const uint8_t *near, const uint8_t *far, int n,
                      int32_t *sums);

  /* The horizontal step: for C in C0 .. C1 - 1,
   * OUT[2 (C - C0)] = (3 S[C] + S[C - 1] + BIAS_EVEN) >> SHIFT and
   * OUT[2 (C - C0) + 1] = (3 S[C] + S[C + 1] + BIAS_ODD) >> SHIFT.
   * S[C0 - 1] and S[C1] must be readable. */
  void (*fancy_h2) (const int32_t *s, int c0, int c1, int bias_even,
                    int bias_odd, int shift, uint8_t *out);

  /* The same two steps with 16-bit sums (every sum fits: at most
   * 4 * 255 vertically and 4 * 1020 + 8 horizontally), for tables whose
   * SIMD code is faster so; NULL in the others. */
  void (*fancy_rows16) (const uint8_t *near, const uint8_t *far, int n,
                        int16_t *sums);
  void (*fancy_h2_16) (const int16_t *s, int c0, int c1, int bias_even,
                       int bias_odd, int shift, uint8_t *out);

  /* Compares BYTES bytes of A and B in segments, the first FIRST bytes
   * long and the others SEGMENT (the last may be shorter), and sets
   * FLAGS[k] to 1 where segment k differs (leaving the others).  Returns
   * nonzero when any did. */
  int (*mark_changes) (const uint8_t *a, const uint8_t *b, size_t bytes,
                       size_t first, size_t segment, uint8_t *flags);
};

/* The table for PATH (AUTO: the best this CPU runs), or NULL when the
 * build or the CPU lacks it. */
const JartKernels *jart_kernels_get (JartKernelPath path);

/* changes.c: the mark_changes of every table. */
int jart_mark_changes (const uint8_t *a, const uint8_t *b, size_t bytes,
                       size_t first, size_t segment, uint8_t *flags);

/* Adds to *COUNT how many of the N pixels of FRESH (CHANNELS bytes each,
 * 1..4) differ from IN's in a colour (alpha never counts), and to
 * *SSE_DELTA the change of their colours' squared error against
 * ORIGINAL: the sum of (fresh - original)^2 - (in - original)^2. */
void jart_count_changes (const uint8_t *fresh, const uint8_t *in,
                         const uint8_t *original, size_t n, int channels,
                         uint64_t *count, int64_t *sse_delta);

#if defined(JART_HAVE_X86)
extern const JartKernels jart_kernels_sse2;
extern const JartKernels jart_kernels_avx2;
void jart_sse2_downsample (int h, int v, const uint8_t *const *rows,
                           int out_width, uint8_t *out);
#endif

#endif /* JART_KERNELS_H */
