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
  JA_OUTPUT_REPLACE = 0,        /* replace the drawable's pixels */
  JA_OUTPUT_NEW_LAYER = 1,      /* a new layer above it */
  JA_OUTPUT_PER_GENERATION = 2, /* one new layer per generation */
  JA_OUTPUT_DIFFERENCE = 3      /* a new layer above it with the
                                   difference, |after - before| x 8 */
} JaOutput;

/* How long a schedule's text and a preset's name may be, with the NUL. */
#define JA_SCHEDULE_SIZE 1024
#define JA_PRESET_SIZE 128

/* What the image's "jpeg-settings" parasite says of the JPEG file it was
 * loaded from (GIMP's JPEG loader attaches it). */
typedef struct
{
  int present;                 /* the image came from a JPEG file */
  int usable;                  /* its tables and sampling fit the codec */
  int quality;                 /* GIMP's estimate of the file's quality,
                                  or 0 when unknown */
  JartSubsampling subsampling; /* of a colour file */
  int gray;                    /* the file had one component */
  uint16_t tables[2][64];      /* luma and chroma, natural order */
  /* Cr's own table, when the file gives Cr one other than Cb's (only the
   * tool, which reads the file itself, fills it: GIMP's export puts Cr on
   * Cb's table). */
  int cr_own_table;
  uint16_t cr_table[64];
} JaOriginal;

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
 * JART_OK for values ja_params_check accepted. */
JartStatus ja_values_to_settings (const JaValues *values,
                                  const JaOriginal *original, int offset_x,
                                  int offset_y, int channels,
                                  const uint8_t background[3],
                                  JartSettings *settings);

/* What is wrong with a schedule's text, for the messages of the plug-in,
 * the dialog and the tool, which word them each their own way. */
typedef enum
{
  JA_SCHEDULE_OK = 0,
  JA_SCHEDULE_TOO_LONG,       /* no NUL in its JA_SCHEDULE_SIZE bytes */
  JA_SCHEDULE_UNKNOWN_WORD,   /* a word no step takes */
  JA_SCHEDULE_EMPTY_STEP,     /* nothing between two ';', or before the
                                 first */
  JA_SCHEDULE_TOO_MANY_STEPS, /* more than JART_STEPS_MAX steps */
  JA_SCHEDULE_QUALITY,        /* qN beyond 1..100 */
  JA_SCHEDULE_REPEAT,         /* *N beyond 1..JART_STEPS_MAX */
  JA_SCHEDULE_SCALE,          /* xS beyond 0.05..1, P% beyond 5..100 */
  JA_SCHEDULE_ADJUST,         /* satS, conS or sharpS beyond 0..4 */
  JA_SCHEDULE_NO_TABLES       /* "tables" with no original file's tables */
} JaScheduleProblem;

typedef struct
{
  JaScheduleProblem problem;
  size_t at; /* the byte offset (from 0) of the word or step at fault */
  char word[JA_SCHEDULE_SIZE]; /* that word (a step too many: its first),
                                  "" for an empty step */
  int steps; /* with JA_SCHEDULE_OK, the steps the text makes (0 for
                none) */
} JaScheduleCheck;

/* Reads VALUES's schedule text as ja_values_to_settings does, TABLES
 * nonzero when an original file's tables are there for the word "tables"
 * (use_original on with a usable JaOriginal, or the tool's --tables-from),
 * and fills CHECK with what is wrong and where.  Returns CHECK->problem. */
JaScheduleProblem ja_schedule_check (const JaValues *values, int tables,
                                     JaScheduleCheck *check);

/* Why a JPEG file's settings cannot be used. */
typedef enum
{
  JA_ORIGINAL_OK = 0,
  JA_ORIGINAL_COMPONENTS, /* not 1 (gray) or 3 (YCbCr) components */
  JA_ORIGINAL_SAMPLING,   /* sampling factors no JartSubsampling has */
  JA_ORIGINAL_NO_TABLES,  /* no quantization table */
  JA_ORIGINAL_TABLE_VALUE /* an entry outside 1..255 (not baseline) */
} JaOriginalProblem;

/* Fills ORIGINAL from what a JPEG file (or GIMP's parasite of it) holds:
 * GIMP's QUALITY estimate (0: unknown), COMPONENTS with their sampling
 * factors H[] and V[], N_TABLES tables (natural order).  As GIMP re-saves
 * a file, luma uses table 0 and chroma table 1 (table 0 when there is
 * only one).  Returns what makes it unusable, or JA_ORIGINAL_OK;
 * ORIGINAL->present is set either way, usable only with JA_ORIGINAL_OK. */
JaOriginalProblem ja_original_fill (JaOriginal *original, int quality,
                                    int components, const int h[],
                                    const int v[], int n_tables,
                                    const uint16_t tables[][64]);

/* The built-in presets (presets.h lists them with the user's): how many,
 * and preset I's id, English name and description (marked for
 * translation; presets.c translates them). */
int ja_builtin_preset_count (void);
const char *ja_builtin_preset_id (int i);
const char *ja_builtin_preset_label (int i);
const char *ja_builtin_preset_description (int i);

/* Sets the look fields of VALUES (quality, generations, subsampling, dct,
 * quality jitter, grid drift, schedule, saturation, contrast, sharpening,
 * the original's settings) to built-in preset I's, and VALUES->preset to
 * its id.  The seed, anchor, transparency, what it applies to and the
 * output stay. */
void ja_builtin_preset_apply (int i, JaValues *values);

/* Copies the look fields of FROM into TO. */
void ja_values_copy_look (const JaValues *from, JaValues *to);

/* Nonzero when A and B have the same look fields. */
int ja_values_same_look (const JaValues *a, const JaValues *b);

#endif /* JA_VALUES_H */
