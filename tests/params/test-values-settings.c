/* test-values-settings.c: ja_values_to_settings, the one translation of the
 * filter's parameters (JaValues) into what the codec runs with
 * (JartSettings), without GIMP: every field lands where it belongs; the
 * grid anchor is the layer's offset modulo the MCU size (negative offsets
 * too, gray's 8x8, the largest MCU of a schedule's subsamplings, none for
 * the layer's own origin); a schedule's text, the colour changes alone and
 * the original file's settings become steps; a schedule that does not
 * read gives its status.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "check.h"
#include "values.h"

static const uint8_t black[3] = { 0, 0, 0 };

static void
test_defaults (void)
{
  JaValues values;
  JartSettings settings;

  ja_values_init (&values);
  CHECK (!ja_values_scheduled (&values));
  CHECK_INT (ja_values_to_settings (&values, NULL, 0, 0, 3, black, &settings),
             JART_OK);
  CHECK_INT (settings.quality, 75);
  CHECK_INT (settings.generations, 1);
  CHECK_INT (settings.subsampling, JART_SUBSAMPLING_420);
  CHECK_INT (settings.dct, JART_DCT_ACCURATE);
  CHECK_INT (settings.quality_jitter, 0);
  CHECK_INT (settings.grid_drift, 0);
  CHECK_INT (settings.seed, 0);
  CHECK_INT (settings.anchor_x, 0);
  CHECK_INT (settings.anchor_y, 0);
  CHECK_INT (settings.stop_at_fixed_point, 1);
  CHECK_INT (settings.flatten, 0);
  CHECK_INT (settings.n_steps, 0);
  CHECK_INT (jart_settings_check (&settings), JART_OK);
}

static void
test_every_field (void)
{
  JaValues values;
  JartSettings settings;
  const uint8_t background[3] = { 10, 20, 30 };

  ja_values_init (&values);
  values.quality = 33;
  values.generations = 17;
  values.subsampling = JART_SUBSAMPLING_422;
  values.dct = JART_DCT_FLOAT;
  values.decode_as = JART_DECODE_GIMP;
  values.quality_jitter = 50;
  values.grid_drift = 7;
  values.seed = 4000000000u;
  values.transparency = JA_TRANSPARENCY_FLATTEN;
  values.apply_to = JA_APPLY_LINKED;
  values.output = JA_OUTPUT_DIFFERENCE;
  CHECK_INT (
      ja_values_to_settings (&values, NULL, 0, 0, 4, background, &settings),
      JART_OK);
  CHECK_INT (settings.quality, 33);
  CHECK_INT (settings.generations, 17);
  CHECK_INT (settings.subsampling, JART_SUBSAMPLING_422);
  CHECK_INT (settings.dct, JART_DCT_FLOAT);
  CHECK_INT (settings.decode, JART_DECODE_GIMP);
  CHECK_INT (settings.quality_jitter, 50);
  CHECK_INT (settings.grid_drift, 7);
  CHECK_INT (settings.seed, 4000000000u);
  CHECK_INT (settings.flatten, 1);
  CHECK_INT (settings.background[0], 10);
  CHECK_INT (settings.background[1], 20);
  CHECK_INT (settings.background[2], 30);
  CHECK_INT (settings.n_steps, 0);
  CHECK_INT (jart_settings_check (&settings), JART_OK);
}

/* The anchor for a layer at (OX, OY) with SUBSAMPLING, CHANNELS and
 * SCHEDULE. */
static void
check_anchor (int ox, int oy, int subsampling, int channels,
              const char *schedule, int anchor, int want_x, int want_y)
{
  JaValues values;
  JartSettings settings;

  ja_values_init (&values);
  values.subsampling = subsampling;
  values.grid_anchor = anchor;
  strcpy (values.schedule, schedule);
  CHECK_INT (ja_values_to_settings (&values, NULL, ox, oy, channels, black,
                                    &settings),
             JART_OK);
  if (settings.anchor_x != want_x || settings.anchor_y != want_y)
    {
      fprintf (stderr,
               "FAIL: offset (%d, %d), subsampling %d, %d channels, "
               "schedule \"%s\", anchor %d: (%d, %d), not (%d, %d)\n",
               ox, oy, subsampling, channels, schedule, anchor,
               settings.anchor_x, settings.anchor_y, want_x, want_y);
      check_failures++;
    }
}

static void
test_anchor (void)
{
  /* 4:2:0 has 16x16 MCUs, 4:2:2 16x8, 4:4:0 8x16, 4:1:1 32x8, 4:4:4 and
     gray 8x8. */
  check_anchor (0, 0, JART_SUBSAMPLING_420, 3, "", JA_ANCHOR_IMAGE, 0, 0);
  check_anchor (37, 21, JART_SUBSAMPLING_420, 3, "", JA_ANCHOR_IMAGE, 5, 5);
  check_anchor (-3, -21, JART_SUBSAMPLING_420, 3, "", JA_ANCHOR_IMAGE, 13, 11);
  check_anchor (37, 21, JART_SUBSAMPLING_422, 3, "", JA_ANCHOR_IMAGE, 5, 5);
  check_anchor (37, 13, JART_SUBSAMPLING_440, 4, "", JA_ANCHOR_IMAGE, 5, 13);
  check_anchor (45, 13, JART_SUBSAMPLING_411, 3, "", JA_ANCHOR_IMAGE, 13, 5);
  check_anchor (37, 21, JART_SUBSAMPLING_444, 3, "", JA_ANCHOR_IMAGE, 5, 5);
  check_anchor (9, 9, JART_SUBSAMPLING_420, 1, "", JA_ANCHOR_IMAGE, 1, 1);
  check_anchor (9, 9, JART_SUBSAMPLING_420, 2, "", JA_ANCHOR_IMAGE, 1, 1);
  check_anchor (37, 21, JART_SUBSAMPLING_420, 3, "", JA_ANCHOR_LAYER, 0, 0);
  /* A schedule: its largest MCU, whatever the Subsampling control says. */
  check_anchor (9, 9, JART_SUBSAMPLING_444, 3, "q80 420; q70", JA_ANCHOR_IMAGE,
                9, 9);
  check_anchor (45, 9, JART_SUBSAMPLING_420, 3, "444; 411", JA_ANCHOR_IMAGE,
                13, 1);
}

static void
test_schedule (void)
{
  JaValues values;
  JartSettings settings;

  ja_values_init (&values);
  values.quality = 50;
  values.subsampling = JART_SUBSAMPLING_444;
  strcpy (values.schedule, "q90 *2; q60 x0.5 420; con1.25");
  CHECK (ja_values_scheduled (&values));
  CHECK_INT (ja_values_to_settings (&values, NULL, 0, 0, 3, black, &settings),
             JART_OK);
  CHECK_INT (settings.n_steps, 4);
  CHECK_INT (settings.steps[0].quality, 90);
  CHECK_INT (settings.steps[1].quality, 90);
  CHECK_INT (settings.steps[0].subsampling, JART_SUBSAMPLING_444);
  CHECK_INT (settings.steps[2].quality, 60);
  CHECK (settings.steps[2].scale == 0.5);
  CHECK_INT (settings.steps[2].subsampling, JART_SUBSAMPLING_420);
  CHECK_INT (settings.steps[3].quality, 50);
  CHECK (settings.steps[3].contrast == 1.25);
  CHECK (settings.steps[3].saturation == 1.0);
  CHECK (settings.steps[3].scale == 1.0);
  CHECK_INT (jart_settings_check (&settings), JART_OK);

  /* Spaces alone are no schedule. */
  strcpy (values.schedule, "   ");
  CHECK (!ja_values_scheduled (&values));

  /* A word out of range: its status, as ja_arguments_check refuses it. */
  strcpy (values.schedule, "q101");
  CHECK_INT (ja_values_to_settings (&values, NULL, 0, 0, 3, black, &settings),
             JART_ERROR_QUALITY);
}

static void
test_colour_changes_alone (void)
{
  JaValues values;
  JartSettings settings;

  ja_values_init (&values);
  values.quality = 40;
  values.subsampling = JART_SUBSAMPLING_422;
  values.saturation = 1.5;
  values.contrast = 0.75;
  values.sharpen = 2.0;
  CHECK (ja_values_scheduled (&values));
  CHECK_INT (ja_values_to_settings (&values, NULL, 0, 0, 3, black, &settings),
             JART_OK);
  CHECK_INT (settings.n_steps, 1);
  CHECK_INT (settings.steps[0].quality, 40);
  CHECK_INT (settings.steps[0].subsampling, JART_SUBSAMPLING_422);
  CHECK (settings.steps[0].saturation == 1.5);
  CHECK (settings.steps[0].contrast == 0.75);
  CHECK (settings.steps[0].sharpen == 2.0);
  CHECK (settings.steps[0].scale == 1.0);
}

static void
test_original (void)
{
  JaValues values;
  JaOriginal original;
  JartSettings settings;
  JartStep step;
  int i;

  memset (&original, 0, sizeof original);
  original.present = 1;
  original.usable = 1;
  original.quality = 83;
  original.subsampling = JART_SUBSAMPLING_440;
  for (i = 0; i < 64; i++)
    {
      original.tables[0][i] = (uint16_t)(1 + i);
      original.tables[1][i] = (uint16_t)(200 - i);
    }

  ja_values_init (&values);
  values.use_original = 1;
  ja_values_default_step (&values, &original, &step);
  CHECK_INT (step.quality, 0);
  CHECK_INT (step.subsampling, JART_SUBSAMPLING_440);
  CHECK_INT (
      ja_values_to_settings (&values, &original, 0, 0, 3, black, &settings),
      JART_OK);
  CHECK_INT (settings.n_steps, 1);
  CHECK_INT (settings.steps[0].quality, 0);
  CHECK_INT (settings.steps[0].subsampling, JART_SUBSAMPLING_440);
  CHECK (memcmp (settings.tables, original.tables, sizeof settings.tables)
         == 0);
  CHECK_INT (settings.cr_own_table, 0);
  CHECK_INT (jart_settings_check (&settings), JART_OK);

  /* A third table (the tool's --tables-from of a file that has one): Cr's
     own. */
  original.cr_own_table = 1;
  for (i = 0; i < 64; i++)
    original.cr_table[i] = (uint16_t)(100 + i);
  CHECK_INT (
      ja_values_to_settings (&values, &original, 0, 0, 3, black, &settings),
      JART_OK);
  CHECK_INT (settings.cr_own_table, 1);
  CHECK (
      memcmp (settings.cr_table, original.cr_table, sizeof settings.cr_table)
      == 0);
  CHECK_INT (jart_settings_check (&settings), JART_OK);
  original.cr_own_table = 0;

  /* An unusable original: Quality and Subsampling stay. */
  original.usable = 0;
  ja_values_default_step (&values, &original, &step);
  CHECK_INT (step.quality, 75);
  CHECK_INT (step.subsampling, JART_SUBSAMPLING_420);

  /* Off: the original is not looked at, and no schedule is made. */
  original.usable = 1;
  values.use_original = 0;
  CHECK_INT (
      ja_values_to_settings (&values, &original, 0, 0, 3, black, &settings),
      JART_OK);
  CHECK_INT (settings.n_steps, 0);
}

int
main (void)
{
  test_defaults ();
  test_every_field ();
  test_anchor ();
  test_schedule ();
  test_colour_changes_alone ();
  test_original ();
  return CHECK_DONE ();
}
