/* look.c: the one table of the look's fields (see look.h), and copying and
 * comparing looks through it.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stddef.h>
#include <string.h>

#include "look.h"

const JaLookField ja_look_fields[JA_LOOK_N_FIELDS] = {
  { "quality", JA_LOOK_INT, offsetof (JaValues, quality), JART_QUALITY_MIN,
    JART_QUALITY_MAX },
  { "generations", JA_LOOK_INT, offsetof (JaValues, generations),
    JART_GENERATIONS_MIN, JART_GENERATIONS_MAX },
  { "subsampling", JA_LOOK_INT, offsetof (JaValues, subsampling),
    JART_SUBSAMPLING_444, JART_SUBSAMPLING_411 },
  { "dct", JA_LOOK_INT, offsetof (JaValues, dct), JART_DCT_ACCURATE,
    JART_DCT_FLOAT },
  { "quality-jitter", JA_LOOK_INT, offsetof (JaValues, quality_jitter), 0,
    JART_QUALITY_JITTER_MAX },
  { "grid-drift", JA_LOOK_INT, offsetof (JaValues, grid_drift), 0,
    JART_GRID_DRIFT_MAX },
  { "schedule", JA_LOOK_SCHEDULE, offsetof (JaValues, schedule), 0,
    JA_SCHEDULE_SIZE - 1 },
  { "saturation", JA_LOOK_DOUBLE, offsetof (JaValues, saturation), 0.0,
    JART_ADJUST_MAX },
  { "contrast", JA_LOOK_DOUBLE, offsetof (JaValues, contrast), 0.0,
    JART_ADJUST_MAX },
  { "sharpen", JA_LOOK_DOUBLE, offsetof (JaValues, sharpen), 0.0,
    JART_ADJUST_MAX },
  { "use-original", JA_LOOK_INT, offsetof (JaValues, use_original), 0, 1 },
};

void *
ja_look_field (JaValues *values, const JaLookField *field)
{
  return (char *)values + field->offset;
}

const void *
ja_look_field_const (const JaValues *values, const JaLookField *field)
{
  return (const char *)values + field->offset;
}

void
ja_look_copy (const JaValues *from, JaValues *to)
{
  int i;

  for (i = 0; i < JA_LOOK_N_FIELDS; i++)
    {
      const JaLookField *field = &ja_look_fields[i];
      const void *source = ja_look_field_const (from, field);
      void *target = ja_look_field (to, field);

      switch (field->type)
        {
        case JA_LOOK_INT:
          memcpy (target, source, sizeof (int));
          break;
        case JA_LOOK_DOUBLE:
          memcpy (target, source, sizeof (double));
          break;
        case JA_LOOK_SCHEDULE:
          memcpy (target, source, JA_SCHEDULE_SIZE);
          break;
        }
    }
}

int
ja_look_same (const JaValues *a, const JaValues *b)
{
  int i;

  for (i = 0; i < JA_LOOK_N_FIELDS; i++)
    {
      const JaLookField *field = &ja_look_fields[i];
      const void *x = ja_look_field_const (a, field);
      const void *y = ja_look_field_const (b, field);

      switch (field->type)
        {
        case JA_LOOK_INT:
          if (*(const int *)x != *(const int *)y)
            return 0;
          break;
        case JA_LOOK_DOUBLE:
          if (*(const double *)x != *(const double *)y)
            return 0;
          break;
        case JA_LOOK_SCHEDULE:
          if (strcmp (x, y) != 0)
            return 0;
          break;
        }
    }
  return 1;
}
