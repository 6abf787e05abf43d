/* values.h: the filter's parameters as one struct, shared by the dialog
 * (ui/) and the GIMP glue (plugin/), and their translation into the codec's
 * JartSettings.  The fields follow the procedure's parameters one for one,
 * in the same order and with the same ranges.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_VALUES_H
#define JA_VALUES_H

#include <stdint.h>

#include "jart.h"

typedef enum
{
  JA_ANCHOR_IMAGE = 0, /* the 8x8 grid starts at the image's origin */
  JA_ANCHOR_LAYER = 1  /* the grid starts at the layer's origin */
} JaAnchor;

typedef enum
{
  JA_TRANSPARENCY_OWN = 0,    /* encode the layer's own colours */
  JA_TRANSPARENCY_FLATTEN = 1 /* flatten on the background colour first */
} JaTransparency;

typedef enum
{
  JA_APPLY_DRAWABLE = 0, /* the drawable only */
  JA_APPLY_LINKED = 1    /* the drawable and the layers linked to it */
} JaApplyTo;

typedef enum
{
  JA_OUTPUT_REPLACE = 0,       /* replace the drawable's pixels */
  JA_OUTPUT_NEW_LAYER = 1,     /* a new layer above it */
  JA_OUTPUT_PER_GENERATION = 2 /* one new layer per generation */
} JaOutput;

typedef struct
{
  int quality;        /* 1..100 */
  int generations;    /* 1..1000 */
  int subsampling;    /* JartSubsampling: 0 4:4:4 .. 4 4:1:1 */
  int dct;            /* JartDct: 0 accurate, 1 fast */
  int quality_jitter; /* 0..50 */
  int grid_drift;     /* 0..7 */
  uint32_t seed;      /* seeds the drift */
  int grid_anchor;    /* JaAnchor */
  int transparency;   /* JaTransparency */
  int apply_to;       /* JaApplyTo */
  int output;         /* JaOutput */
} JaValues;

/* Fills VALUES with the defaults: quality 75, 1 generation, 4:2:0,
 * accurate, no drift, seed 0, image origin, own colours, drawable only,
 * replace. */
void ja_values_init (JaValues *values);

/* The settings the codec runs with for a layer at (OFFSET_X, OFFSET_Y) in
 * its image with CHANNELS channels and BACKGROUND as GIMP's background
 * colour: the grid anchor becomes the offset modulo the MCU size.
 * stop_at_fixed_point is on. */
void ja_values_to_settings (const JaValues *values, int offset_x, int offset_y,
                            int channels, const uint8_t background[3],
                            JartSettings *settings);

#endif /* JA_VALUES_H */
