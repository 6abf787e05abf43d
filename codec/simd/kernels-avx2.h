/* kernels-avx2.h: what the two AVX2 kernel files share: kernels-avx2.c
 * (the colour conversions, down- and upsampling, and the kernel table) and
 * kernels-avx2-dct.c (the accurate DCT with quantization in 16-bit lanes):
 * the constant pairs vpmaddwd multiplies by, and the DCT's entry.
 * Compiled with -mavx2 only.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JART_KERNELS_AVX2_H
#define JART_KERNELS_AVX2_H

#include <immintrin.h>

#include "kernels.h"

/* The pair constant (A, B) for vpmaddwd: A times the even lanes, B the
 * odd ones. */
static inline __m256i
pair (int a, int b)
{
  return _mm256_set1_epi32 (
      (int32_t)((uint32_t)(uint16_t)a | ((uint32_t)(uint16_t)b << 16)));
}

/* kernels-avx2-dct.c: the accurate forward DCT, quantization (the
 * quantized coefficients into COEF unless it is NULL) and inverse DCT of
 * the blocks of one block row, as kernels.h's transform_blocks says. */
void jart_avx2_islow_transform (uint8_t *plane, size_t stride, int x0, int x1,
                                const JartQuant *quant, int16_t *coef);

#endif /* JART_KERNELS_AVX2_H */
