/* images.h: the pictures the codec tests feed the codec and the oracle:
 * allocation of tight JartImages, synthetic patterns (noise, smooth
 * gradients, hard-edged checks, alpha masks) and the sample photos, read
 * from PNG with libpng or from JPEG with TurboJPEG.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef TEST_IMAGES_H
#define TEST_IMAGES_H

#include <stddef.h>
#include <stdint.h>

#include "jart.h"

typedef enum
{
  PATTERN_NOISE = 0, /* independent random values in every channel */
  PATTERN_SMOOTH,    /* slow gradients and a gentle wave: little to lose */
  PATTERN_CHECKER,   /* saturated 3-pixel checks: hard edges, clamping */
  PATTERN_COUNT
} Pattern;

/* A tight image (stride = width * channels) of zeros; exits on failure. */
JartImage *image_new (int width, int height, int channels);

/* Frees IMAGE, one that a function of this header returned, and its
 * pixels; NULL does nothing. */
void image_free (JartImage *image);

/* A tight copy of IMAGE, whatever IMAGE's stride. */
JartImage *image_copy (const JartImage *image);

/* The name of PATTERN, for messages. */
const char *pattern_name (Pattern pattern);

/* Fills the colour channels of IMAGE with PATTERN and, when IMAGE has an
 * alpha channel, the alpha with a mask that mixes 0, 255 and values in
 * between.  SEED varies the noise. */
void image_fill (JartImage *image, Pattern pattern, uint32_t seed);

/* IMAGE with an alpha channel added (1 -> 2, 3 -> 4 channels) holding the
 * alpha mask image_fill uses. */
JartImage *image_add_alpha (const JartImage *image, uint32_t seed);

/* A copy of IMAGE whose rows are PADDING bytes longer than its pixels,
 * the padding filled with FILL. */
JartImage *image_padded (const JartImage *image, size_t padding, uint8_t fill);

/* 1 when the bytes past the pixels of every row of A and B (same layout)
 * are equal. */
int image_padding_equal (const JartImage *a, const JartImage *b);

/* The WIDTH x HEIGHT rectangle of IMAGE at (X, Y), as a tight image. */
JartImage *image_crop (const JartImage *image, int x, int y, int width,
                       int height);

/* Reads PATH: a PNG (any bit depth, with or without alpha; 16-bit is
 * reduced to 8, palettes expanded) or a JPEG (decoded by TurboJPEG with
 * the accurate IDCT to gray or RGB).  NULL with a message on stderr when
 * the file cannot be read. */
JartImage *image_load (const char *path);

/* A small deterministic random number generator (xorshift32). */
uint32_t random_next (uint32_t *state);

#endif /* TEST_IMAGES_H */
