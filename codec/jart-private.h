/* jart-private.h: the codec's internal interface, shared by its stages and
 * never installed.  Each stage lives in a file named after it: quant.c
 * (quality to tables), color.c (RGB <-> YCbCr), sample.c (down- and
 * upsampling), fdct.c and idct.c (the 8x8 transforms), roundtrip.c (one
 * generation), schedule.c (drift) and generations.c (the loop).
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JART_PRIVATE_H
#define JART_PRIVATE_H

#include <stdatomic.h>

#include "jart.h"

/* The thread-safe cancel flag behind JartCancel. */
struct JartCancel
{
  atomic_int requested;
};

/* quant.c: one quantization table with the divisors the forward DCT's
 * output is divided by (8 * quantval for the accurate DCT; quantval scaled
 * by the AAN factors for the fast one). */
typedef struct
{
  uint16_t quantval[64]; /* natural (row-major) order */
  int32_t divisor[64];
} JartQuant;

void jart_quant_prepare (int quality, int table, JartDct dct,
                         JartQuant *quant);

/* Quantizes the forward DCT's output in BLOCK with QUANT, rounding half
 * away from zero, and replaces it by the dequantized coefficients the
 * decoder would see. */
void jart_quant_round_trip (int32_t block[64], const JartQuant *quant);

/* fdct.c: forward DCTs of a level-shifted 8x8 block, in place. */
void jart_fdct_islow (int32_t block[64]);
void jart_fdct_ifast (int32_t block[64]);

/* idct.c: the accurate inverse DCT of dequantized coefficients into 8 rows
 * of 8 samples, STRIDE bytes apart, clamped to 0..255. */
void jart_idct_islow (const int32_t coef[64], uint8_t *out, size_t stride);

/* color.c: one row of N pixels. */
void jart_rgb_to_ycc_row (const uint8_t *rgb, size_t pixel_step, int n,
                          uint8_t *y, uint8_t *cb, uint8_t *cr);
void jart_ycc_to_rgb_row (const uint8_t *y, const uint8_t *cb,
                          const uint8_t *cr, int n, uint8_t *rgb);
uint8_t jart_rgb_to_y (uint8_t r, uint8_t g, uint8_t b);

/* sample.c: the luma sampling factors of a mode (chroma is always 1x1). */
void jart_sampling_factors (JartSubsampling subsampling, int *h, int *v);

/* Downsamples one row group of a chroma component: ROWS holds V full
 * resolution rows, each of at least OUT_WIDTH * H samples. */
void jart_downsample_row (int h, int v, const uint8_t *const *rows,
                          int out_width, uint8_t *out);

/* Upsamples the decoded chroma PLANE (STRIDE bytes a row; the component's
 * downsampled size DW x DH) to full resolution for canvas row CY, columns
 * X0 .. X0 + N - 1.  CS is scratch of at least DW ints. */
void jart_upsample_row (int h, int v, const uint8_t *plane, size_t stride,
                        int dw, int dh, int cy, int x0, int n, int *cs,
                        uint8_t *out);

/* roundtrip.c: one generation.  The workspace holds every buffer a
 * generation needs, sized once for the largest canvas of a run. */
typedef struct
{
  int width, height, colors; /* the image; colors is 1 or 3 */
  int hmax, vmax;            /* luma sampling factors */
  uint8_t *plane[3];         /* components, padded to whole blocks */
  size_t plane_size[3];
  uint8_t *conv[3];    /* one image row converted to Y, Cb, Cr */
  uint8_t *rows[2][4]; /* padded full-resolution chroma rows, per row group */
  size_t row_length;
  uint8_t *up[2]; /* one upsampled output row of Cb and Cr */
  int *colsum;    /* scratch for upsampling */
} JartWork;

JartStatus jart_work_init (JartWork *work, int width, int height, int colors,
                           JartSubsampling subsampling, int max_dx,
                           int max_dy);
void jart_work_free (JartWork *work);

/* Encodes and decodes the packed image IN (colors samples a pixel, the
 * subsampling given to jart_work_init) with the grid offset (DX, DY), at
 * most the maxima given there, and writes the decoded pixels to OUT.
 * Returns JART_ERROR_CANCELLED as soon as CANCEL is raised, leaving OUT
 * partly written. */
JartStatus jart_round_trip (JartWork *work, const uint8_t *in, uint8_t *out,
                            int quality, JartDct dct, int dx, int dy,
                            const JartCancel *cancel);

#endif /* JART_PRIVATE_H */
