/* ssim-x86.h: the SSIM's window and per-pixel formula written once over
 * abstract vectors, included by ssim-sse2.c (four floats, two doubles a
 * vector) and ssim-avx2.c (eight floats, four doubles).  Before including
 * it a file defines the types VF (floats) and VD (doubles) and the
 * operations on them, lane by lane and rounded as the portable code of
 * stats-ssim.c rounds (no fused multiply-add):
 *
 *   vf_load (p)            unaligned floats
 *   vf_add, vf_mul
 *   vd_set1 (double)       every lane the same value
 *   vd_add, vd_sub, vd_mul, vd_div
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JART_SSIM_X86_H
#define JART_SSIM_X86_H

#include <stddef.h>

#include "stats.h"

#define RADIUS JART_SSIM_RADIUS
#define TAPS (2 * RADIUS + 1)
#define TILE JART_SSIM_TILE
#define Q_COUNT JART_SSIM_QUANTITIES
#define READ JART_SSIM_SPAN_READ

/* The window WK (its taps 0 .. RADIUS, each in every lane) at a vector of
 * columns: tap k's samples at BASE + k STEP; the centre tap, then each
 * pair of taps at the same distance added before they are weighted, the
 * farthest first. */
static inline VF
window (const VF *wk, const float *base, ptrdiff_t step)
{
  VF sum = vf_mul (wk[RADIUS], vf_load (base + RADIUS * step));
  int k;

#pragma GCC unroll 8
  for (k = 0; k < RADIUS; k++)
    sum = vf_add (
        sum, vf_mul (wk[k], vf_add (vf_load (base + k * step),
                                    vf_load (base + (TAPS - 1 - k) * step))));
  return sum;
}

/* The SSIM of a vector of pixels from their five local means of the
 * samples less SHIFT (stats-ssim.c's pixel_ssim). */
static inline VD
pixel_ssim (VD mx, VD my, VD xx, VD yy, VD xy, VD shift)
{
  const VD c1 = vd_set1 ((0.01 * 255.0) * (0.01 * 255.0));
  const VD c2 = vd_set1 ((0.03 * 255.0) * (0.03 * 255.0));
  const VD two = vd_set1 (2.0);
  const VD vx = vd_sub (xx, vd_mul (mx, mx));
  const VD vy = vd_sub (yy, vd_mul (my, my));
  const VD vxy = vd_sub (xy, vd_mul (mx, my));
  const VD ux = vd_add (mx, shift);
  const VD uy = vd_add (my, shift);
  const VD a1 = vd_add (vd_mul (vd_mul (two, ux), uy), c1);
  const VD a2 = vd_add (vd_mul (two, vxy), c2);
  const VD b1 = vd_add (vd_add (vd_mul (ux, ux), vd_mul (uy, uy)), c1);
  const VD b2 = vd_add (vd_add (vx, vy), c2);

  return vd_div (vd_mul (a1, a2), vd_mul (b1, b2));
}

#endif /* JART_SSIM_X86_H */
