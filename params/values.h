/* values.h: the filter's parameters as one struct, shared by the dialog
 * (ui/), the GIMP glue (plugin/) and the command-line tool (cli/), and their
 * translation into the codec's JartSettings.  The fields follow the
 * parameters of plug-in-jpeg-artifacts3 (which holds the other two
 * procedures') one for one, in the same order and with the same ranges;
 * the last, size_for, is the dialog's own.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_VALUES_H
#define JA_VALUES_H

#include <stdint.h>

#include "jart.h"
#include "original-settings.h"

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
  JA_OUTPUT_REPLACE = 0,        /* replace the drawable's pixels */
  JA_OUTPUT_NEW_LAYER = 1,      /* a new layer above it */
  JA_OUTPUT_PER_GENERATION = 2, /* one new layer per generation */
  JA_OUTPUT_DIFFERENCE = 3,     /* a new layer above it with the
                                   difference, |after - before| x 8 */
  JA_OUTPUT_FILTER = 4          /* GIMP 3: the GEGL operation
                                   ja:jpeg-artifacts as a non-destructive
                                   filter on each layer */
} JaOutput;

/* How long a schedule's text and a preset's name may be, with the NUL. */
#define JA_SCHEDULE_SIZE 1024
#define JA_PRESET_SIZE 128

typedef struct
{
  int quality;        /* 1..100 */
  int generations;    /* 1..1000 */
  int subsampling;    /* JartSubsampling: 0 4:4:4 .. 4 4:1:1 */
  int dct;            /* JartDct: 0 accurate, 1 fast, 2 floating point */
  int quality_jitter; /* 0..50 */
  int grid_drift;     /* 0..7 */
  uint32_t seed;      /* seeds the drift */
  int grid_anchor;    /* JaAnchor */
  int transparency;   /* JaTransparency */
  int apply_to;       /* JaApplyTo */
  int output;         /* JaOutput */
  /* The second procedure's settings (the first one leaves them at their
   * defaults). */
  char schedule[JA_SCHEDULE_SIZE]; /* jart_steps_parse text, "" none */
  double saturation;               /* before every save: 1 keeps */
  double contrast;                 /* 1 keeps */
  double sharpen;                  /* 0 keeps */
  int use_original;                /* save with the original file's tables and
                                      subsampling (JaOriginal) instead of quality and
                                      subsampling */
  char preset[JA_PRESET_SIZE];     /* the preset the values came from, shown
                                      by the dialog; "" none */
  /* The third procedure's (the others leave it at its default). */
  int decode_as; /* JartDecode: 0 as viewers decode, 1 as GIMP opens it */
  /* The dialog's: which file's size it shows (JartCoding). */
  int size_for;
} JaValues;

/* Fills VALUES with the defaults: quality 75, 1 generation, 4:2:0,
 * accurate, no drift, seed 0, image origin, own colours, drawable only,
 * replace, no schedule, no colour changes, not the original's settings,
 * no preset, decoded as viewers decode, the size of the file as GIMP
 * exports it (progressive). */
void ja_values_init (JaValues *values);

/* Nonzero when VALUES have a schedule's text (not only spaces). */
int ja_values_has_schedule (const JaValues *values);

/* Nonzero when VALUES need the codec's schedule: a schedule text, a colour
 * change or the original's settings. */
int ja_values_scheduled (const JaValues *values);

/* The step every generation takes (or a schedule's words fall back on):
 * VALUES's quality and subsampling, or the original's tables (quality 0)
 * and subsampling when use_original is on and ORIGINAL is usable; no
 * resize (lanczos when a word asks for one); VALUES's colour changes. */
void ja_values_default_step (const JaValues *values,
                             const JaOriginal *original, JartStep *step);

/* The settings the codec runs with for a layer at (OFFSET_X, OFFSET_Y) in
 * its image with CHANNELS channels and BACKGROUND as GIMP's background
 * colour: the grid anchor becomes the offset modulo the MCU size (the
 * largest MCU of the schedule's subsamplings).  stop_at_fixed_point is
 * on.  With ja_values_scheduled, the schedule's steps (the text read with
 * ja_values_default_step's step as the defaults, or that one step when
 * there is no text) and ORIGINAL's tables (ORIGINAL may be NULL when
 * use_original is off).  Returns the status of reading the schedule:
 * JART_OK for values ja_arguments_check accepted. */
JartStatus ja_values_to_settings (const JaValues *values,
                                  const JaOriginal *original, int offset_x,
                                  int offset_y, int channels,
                                  const uint8_t background[3],
                                  JartSettings *settings);

#endif /* JA_VALUES_H */
