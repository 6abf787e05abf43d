/* look.h: the look, the fields of JaValues a preset holds (quality,
 * generations, subsampling, DCT, jitter, drift, schedule, colour changes,
 * the original file's settings; never the seed, the grid anchor,
 * transparency, what it applies to nor the output), in one table with
 * each field's place, type, key in the presets file and range.  Copying,
 * comparing, loading and saving a look all go through it, so a new look
 * field is one line here.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_LOOK_H
#define JA_LOOK_H

#include <stddef.h>

#include "values.h"

typedef enum
{
  JA_LOOK_INT,     /* an int from min to max */
  JA_LOOK_DOUBLE,  /* a double from min to max */
  JA_LOOK_SCHEDULE /* a schedule's text, JA_SCHEDULE_SIZE bytes with the
                      NUL, that jart_steps_parse reads */
} JaLookType;

/* One field of the look. */
typedef struct
{
  const char *key; /* its key in a preset's group of the presets file */
  JaLookType type;
  size_t offset; /* of the field in JaValues */
  double min;    /* the values it takes (for the schedule, its length) */
  double max;
} JaLookField;

/* The look's fields, in the order a preset's group lists them. */
#define JA_LOOK_N_FIELDS 11
extern const JaLookField ja_look_fields[JA_LOOK_N_FIELDS];

/* FIELD of VALUES: an int, a double or the schedule's char array, as
 * FIELD->type says. */
void *ja_look_field (JaValues *values, const JaLookField *field);
const void *ja_look_field_const (const JaValues *values,
                                 const JaLookField *field);

/* Copies the look fields of FROM into TO. */
void ja_look_copy (const JaValues *from, JaValues *to);

/* Nonzero when A and B have the same look fields. */
int ja_look_same (const JaValues *a, const JaValues *b);

#endif /* JA_LOOK_H */
