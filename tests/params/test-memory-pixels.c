/* test-memory-pixels.c: the plug-in's arithmetic that needs no GIMP
 * (plugin/common/): the memory a run needs for a drawable of a given size
 * and format, output by output (ja_memory_target_need), saturating sums,
 * the refusal message; and the codec's view of a drawable's pixels
 * (pixel-format.h): channels and babl model for every kind of drawable,
 * and 8-bit colours joined with a drawable's own alpha in place.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>
#include <string.h>

#include "check.h"
#include "memory.h"
#include "pixel-format.h"

static void
test_need (void)
{
  /* 100 x 50 RGBA at 16 bits: the plug-in's copy is 20000 bytes, GIMP's
     own format 40000. */
  JaMemoryTarget target = { 100, 50, 4, 8, FALSE, 3, 5 };
  JaValues values;
  JaMemoryNeed need;
  JartSettings settings;
  const guint8 black[3] = { 0, 0, 0 };

  ja_values_init (&values);
  values.output = JA_OUTPUT_REPLACE;
  ja_memory_target_need (&target, &values, NULL, FALSE, TRUE, &need);
  CHECK_INT (need.held, 20000 + 2 * 40000);
  CHECK_INT (need.computing, 0);

  /* Already read: the copy is not counted again. */
  ja_memory_target_need (&target, &values, NULL, TRUE, TRUE, &need);
  CHECK_INT (need.held, 2 * 40000);

  values.output = JA_OUTPUT_NEW_LAYER;
  ja_memory_target_need (&target, &values, NULL, FALSE, TRUE, &need);
  CHECK_INT (need.held, 20000 + 2 * 40000);
  target.text_layer = TRUE;
  ja_memory_target_need (&target, &values, NULL, FALSE, TRUE, &need);
  CHECK_INT (need.held, 20000 + 3 * 40000);
  target.text_layer = FALSE;

  values.output = JA_OUTPUT_PER_GENERATION;
  values.generations = 10;
  ja_memory_target_need (&target, &values, NULL, FALSE, TRUE, &need);
  CHECK_INT (need.held, 20000 + 10 * 2 * 40000);

  values.output = JA_OUTPUT_DIFFERENCE;
  ja_memory_target_need (&target, &values, NULL, FALSE, TRUE, &need);
  CHECK_INT (need.held, 2 * 20000 + 2 * 40000);

  /* Computed here: the codec's own need at the layer's offsets, and the
     frame. */
  values.output = JA_OUTPUT_REPLACE;
  ja_memory_target_need (&target, &values, NULL, FALSE, FALSE, &need);
  ja_values_to_settings (&values, NULL, 3, 5, 4, black, &settings);
  CHECK_INT (need.computing,
             jart_memory_needed (100, 50, 4, &settings) + 20000);
  /* The statistics the dialog's preview keeps, on top. */
  settings.statistics = 1;
  CHECK_INT (need.statistics, jart_memory_needed (100, 50, 4, &settings)
                                  + 20000 - need.computing);
  CHECK (need.statistics > 0);
  /* Nothing when the codec does not run on the target. */
  ja_memory_target_need (&target, &values, NULL, FALSE, TRUE, &need);
  CHECK_INT (need.statistics, 0);
}

static void
test_saturation (void)
{
  JaMemoryTarget huge = { 65535, 65535, 4, 16, TRUE, 0, 0 };
  JaValues values;
  JaMemoryNeed need;
  guint64 sum = G_MAXUINT64 - 1;

  ja_memory_add (&sum, 5);
  CHECK (sum == G_MAXUINT64);
  sum = 7;
  ja_memory_add (&sum, 8);
  CHECK_INT (sum, 15);

  ja_values_init (&values);
  values.output = JA_OUTPUT_PER_GENERATION;
  values.generations = 1000;
  ja_memory_target_need (&huge, &values, NULL, FALSE, TRUE, &need);
  CHECK (need.held
         == (guint64)65535 * 65535 * 4 + (guint64)65535 * 65535 * 16 * 3000);
}

static void
test_message (void)
{
  JaValues values;
  char *message, *want, *two = g_format_size (2000),
                        *one = g_format_size (1000);

  ja_values_init (&values);
  CHECK_STR (ja_memory_message (5000, 0, "Layer", 0, &values), NULL);
  CHECK_STR (ja_memory_message (5000, 5000, "Layer", 0, &values), NULL);
  /* g_format_size writes "2.0 kB" with a no-break space. */
  message = ja_memory_message (2000, 1000, "Layer", 0, &values);
  want = g_strdup_printf ("'Layer' needs %s of memory for this run; %s is "
                          "free.  Nothing was changed.  Scale the image down "
                          "(Image ▸ Scale Image), or close other programs "
                          "and try again.",
                          two, one);
  CHECK_STR (message, want);
  g_free (message);
  g_free (want);
  values.output = JA_OUTPUT_PER_GENERATION;
  message = ja_memory_message (2000, 1000, "Top", 2, &values);
  want = g_strdup_printf ("'Top' and the 2 layers linked to it need %s of "
                          "memory for this run; %s is free.  Nothing was "
                          "changed.  Every generation becomes a layer: "
                          "choose fewer generations, or another output.",
                          two, one);
  CHECK_STR (message, want);
  g_free (message);
  g_free (want);
  g_free (two);
  g_free (one);
}

static void
test_pixel_kinds (void)
{
  static const struct
  {
    JaPixelKind kind;
    int channels;
    const char *model;
  } kinds[] = {
    { { FALSE, FALSE, FALSE, FALSE }, 3, "R'G'B'" },
    { { FALSE, FALSE, FALSE, TRUE }, 4, "R'G'B'A" },
    { { FALSE, FALSE, TRUE, FALSE }, 1, "Y'" },
    { { FALSE, FALSE, TRUE, TRUE }, 2, "Y'A" },
    { { TRUE, FALSE, FALSE, FALSE }, 1, "Y'" },
    { { TRUE, TRUE, FALSE, FALSE }, 1, "Y" },
    { { TRUE, TRUE, TRUE, TRUE }, 1, "Y" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      CHECK_INT (ja_pixel_kind_channels (&kinds[i].kind), kinds[i].channels);
      CHECK_STR (ja_pixel_kind_model (&kinds[i].kind), kinds[i].model);
    }
}

static void
test_keep_alpha (void)
{
  const uint8_t colours[2 * 4] = { 0, 51, 255, 9, 102, 204, 1, 9 };
  double source[2 * 4] = { 0.5, 0.5, 0.5, 0.123456789, 0.1, 0.2, 0.3, 1.0 };
  double out[2 * 4];
  const double want[2 * 4]
      = { 0.0, 0.2, 1.0, 0.123456789, 0.4, 0.8, 1 / 255.0, 1.0 };
  int i;

  ja_pixel_keep_alpha (colours, source, out, 2, 4);
  for (i = 0; i < 8; i++)
    CHECK (out[i] == want[i]);
  /* In place. */
  ja_pixel_keep_alpha (colours, source, source, 2, 4);
  for (i = 0; i < 8; i++)
    CHECK (source[i] == want[i]);
}

int
main (void)
{
  test_need ();
  test_saturation ();
  test_message ();
  test_pixel_kinds ();
  test_keep_alpha ();
  return CHECK_DONE ();
}
