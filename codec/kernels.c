/* kernels.c: the portable C kernels and the choice among the kernel
 * tables.  The portable kernels are the reference: every stage is the
 * plain C of fdct.c, quant.c, idct.c and color.c, and the SIMD tables
 * must give the same bits (the test suite runs with each one forced).
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "kernels.h"

static void
portable_transform_blocks (uint8_t *plane, size_t stride, int x0, int x1,
                           const JartQuant *quant, JartDct dct, int16_t *coef)
{
  int32_t block[64];
  int bx, r, c;

  for (bx = x0; bx < x1; bx += 8, coef = coef != NULL ? coef + 64 : NULL)
    {
      uint8_t *origin = plane + bx;

      for (r = 0; r < 8; r++)
        for (c = 0; c < 8; c++)
          block[r * 8 + c] = origin[(size_t)r * stride + c] - 128;
      if (dct == JART_DCT_FAST)
        jart_fdct_ifast (block);
      else
        jart_fdct_islow (block);
      if (coef != NULL)
        jart_quant_keep (block, quant, coef);
      else
        jart_quant_round_trip (block, quant);
      jart_idct_islow (block, origin, stride);
    }
}

static void
portable_fancy_rows (const uint8_t *near, const uint8_t *far, int n,
                     int32_t *sums)
{
  int i;

  for (i = 0; i < n; i++)
    sums[i] = 3 * near[i] + far[i];
}

static void
portable_fancy_h2 (const int32_t *s, int c0, int c1, int bias_even,
                   int bias_odd, int shift, uint8_t *out)
{
  int c;

  for (c = c0; c < c1; c++)
    {
      *out++ = (uint8_t)((3 * s[c] + s[c - 1] + bias_even) >> shift);
      *out++ = (uint8_t)((3 * s[c] + s[c + 1] + bias_odd) >> shift);
    }
}

static const JartKernels portable_kernels = {
  .path = JART_KERNELS_PORTABLE,
  .name = "portable",
  .transform_blocks = portable_transform_blocks,
  .rgb_to_ycc = jart_rgb_to_ycc_row,
  .rgb_to_y = jart_rgb_to_y_row,
  .ycc_to_rgb = jart_ycc_to_rgb_row,
  .downsample = jart_downsample_row,
  .fancy_rows = portable_fancy_rows,
  .fancy_h2 = portable_fancy_h2,
  .mark_changes = jart_mark_changes,
};

static int
cpu_has (JartKernelPath path)
{
#if defined(JART_HAVE_X86)
  if (path == JART_KERNELS_SSE2)
    return __builtin_cpu_supports ("sse2");
  if (path == JART_KERNELS_AVX2)
    return __builtin_cpu_supports ("avx2");
#endif
  return path == JART_KERNELS_PORTABLE;
}

const JartKernels *
jart_kernels_get (JartKernelPath path)
{
  if (path == JART_KERNELS_AUTO)
    {
      if (cpu_has (JART_KERNELS_AVX2))
        path = JART_KERNELS_AVX2;
      else if (cpu_has (JART_KERNELS_SSE2))
        path = JART_KERNELS_SSE2;
      else
        path = JART_KERNELS_PORTABLE;
    }
  if (!cpu_has (path))
    return NULL;
#if defined(JART_HAVE_X86)
  if (path == JART_KERNELS_SSE2)
    return &jart_kernels_sse2;
  if (path == JART_KERNELS_AVX2)
    return &jart_kernels_avx2;
#endif
  return &portable_kernels;
}

int
jart_kernels_available (JartKernelPath path)
{
  if (path < JART_KERNELS_AUTO || path > JART_KERNELS_AVX2)
    return 0;
  return jart_kernels_get (path) != NULL;
}

const char *
jart_kernels_name (JartKernelPath path)
{
  const JartKernels *kernels
      = jart_kernels_available (path) ? jart_kernels_get (path) : NULL;

  return kernels != NULL ? kernels->name : "unavailable";
}
