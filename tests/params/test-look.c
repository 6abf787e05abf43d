/* test-look.c: the one table of the look's fields (params/look.h) and
 * what goes through it, without GIMP: the table lists the eleven look
 * fields in the presets file's order; copying and comparing looks see
 * every look field and no other; a look written to a key file has the
 * keys and text it always had and reads back the same; a key missing or
 * one past its range is refused with a message that names it and its
 * range.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>
#include <string.h>

#include "check.h"
#include "look.h"
#include "presets-file.h"

/* The presets file's keys, in the order a preset's group lists them. */
static const char *const keys[JA_LOOK_N_FIELDS]
    = { "quality",        "generations", "subsampling", "dct",
        "quality-jitter", "grid-drift",  "schedule",    "saturation",
        "contrast",       "sharpen",     "use-original" };

/* A look with every field away from its default. */
static void
odd_look (JaValues *values)
{
  ja_values_init (values);
  values->quality = 42;
  values->generations = 7;
  values->subsampling = JART_SUBSAMPLING_411;
  values->dct = JART_DCT_FAST;
  values->quality_jitter = 3;
  values->grid_drift = 2;
  strcpy (values->schedule, "q80 x0.5; q60");
  values->saturation = 1.25;
  values->contrast = 0.5;
  values->sharpen = 0.75;
  values->use_original = 1;
}

static void
test_table (void)
{
  int i;

  for (i = 0; i < JA_LOOK_N_FIELDS; i++)
    CHECK_STR (ja_look_fields[i].key, keys[i]);
}

static void
test_copy_same (void)
{
  JaValues look, other, before;
  int i;

  odd_look (&look);
  ja_values_init (&other);
  other.seed = 99;
  other.grid_anchor = JA_ANCHOR_LAYER;
  other.transparency = JA_TRANSPARENCY_FLATTEN;
  other.apply_to = JA_APPLY_LINKED;
  other.output = JA_OUTPUT_DIFFERENCE;
  strcpy (other.preset, "mine");
  before = other;
  CHECK (!ja_look_same (&look, &other));
  ja_look_copy (&look, &other);
  CHECK (ja_look_same (&look, &other));
  /* Only the look moved. */
  CHECK_INT (other.seed, 99);
  CHECK_INT (other.grid_anchor, JA_ANCHOR_LAYER);
  CHECK_INT (other.transparency, JA_TRANSPARENCY_FLATTEN);
  CHECK_INT (other.apply_to, JA_APPLY_LINKED);
  CHECK_INT (other.output, JA_OUTPUT_DIFFERENCE);
  CHECK_STR (other.preset, "mine");
  ja_look_copy (&before, &other);
  CHECK (memcmp (&other, &before, sizeof other) == 0);

  /* Each look field alone makes two looks differ; the others do not. */
  for (i = 0; i < JA_LOOK_N_FIELDS; i++)
    {
      JaValues a, b;
      const JaLookField *field = &ja_look_fields[i];

      ja_values_init (&a);
      b = a;
      odd_look (&other);
      memcpy (ja_look_field (&b, field), ja_look_field_const (&other, field),
              field->type == JA_LOOK_INT      ? sizeof (int)
              : field->type == JA_LOOK_DOUBLE ? sizeof (double)
                                              : JA_SCHEDULE_SIZE);
      if (ja_look_same (&a, &b))
        {
          fprintf (stderr, "FAIL: a different %s is the same look\n",
                   field->key);
          check_failures++;
        }
    }
  ja_values_init (&look);
  other = look;
  other.seed = 5;
  other.output = JA_OUTPUT_NEW_LAYER;
  strcpy (other.preset, "x");
  CHECK (ja_look_same (&look, &other));
}

static void
test_key_file (void)
{
  GKeyFile *file = g_key_file_new ();
  JaValues look, read;
  GError *error = NULL;
  gchar *text;

  odd_look (&look);
  ja_presets_file_write_look (file, "Odd", &look);
  text = g_key_file_to_data (file, NULL, NULL);
  CHECK_STR (text, "[Odd]\n"
                   "quality=42\n"
                   "generations=7\n"
                   "subsampling=4\n"
                   "dct=1\n"
                   "quality-jitter=3\n"
                   "grid-drift=2\n"
                   "schedule=q80 x0.5; q60\n"
                   "saturation=1.25\n"
                   "contrast=0.5\n"
                   "sharpen=0.75\n"
                   "use-original=1\n");
  CHECK (ja_presets_file_read_look (file, text, "presets.ini", "Odd", &read,
                                    &error));
  CHECK (error == NULL);
  CHECK (ja_look_same (&look, &read));
  CHECK_STR (read.preset, "Odd");
  g_free (text);
  g_key_file_free (file);
}

/* Reads group P of TEXT, which must fail with WANT. */
static void
check_refused (const char *text, const char *want)
{
  GKeyFile *file = g_key_file_new ();
  JaValues values;
  GError *error = NULL;

  CHECK (g_key_file_load_from_data (file, text, -1, G_KEY_FILE_NONE, NULL));
  CHECK (!ja_presets_file_read_look (file, text, "presets.ini", "P", &values,
                                     &error));
  CHECK_STR (error != NULL ? error->message : NULL, want);
  g_clear_error (&error);
  g_key_file_free (file);
}

static void
test_refused (void)
{
  JaValues look;
  GKeyFile *file;
  gchar *good;
  int i;

  ja_values_init (&look);
  file = g_key_file_new ();
  ja_presets_file_write_look (file, "P", &look);
  good = g_key_file_to_data (file, NULL, NULL);
  g_key_file_free (file);

  for (i = 0; i < JA_LOOK_N_FIELDS; i++)
    {
      const JaLookField *field = &ja_look_fields[i];
      gchar **lines = g_strsplit (good, "\n", -1);
      gchar *text, *want, *value, *range;

      /* Missing: line 1 is the group's heading. */
      g_free (lines[i + 1]);
      lines[i + 1] = g_strdup ("");
      text = g_strjoinv ("\n", lines);
      want = g_strdup_printf (
          "Your preset “P” in “presets.ini”, line 1, has no key “%s”.",
          field->key);
      check_refused (text, want);
      g_free (want);
      g_free (text);

      /* One past the top of its range. */
      if (field->type == JA_LOOK_INT)
        {
          value = g_strdup_printf ("%d", (int)field->max + 1);
          range = g_strdup_printf ("a whole number from %d to %d",
                                   (int)field->min, (int)field->max);
        }
      else if (field->type == JA_LOOK_DOUBLE)
        {
          value = g_strdup_printf ("%g", field->max + 0.5);
          range = g_strdup_printf ("a number from %g to %g", field->min,
                                   field->max);
        }
      else
        {
          value = g_strdup ("q101");
          range = g_strdup_printf ("a schedule the filter reads (%s)",
                                   jart_strerror (JART_ERROR_QUALITY));
        }
      g_free (lines[i + 1]);
      lines[i + 1] = g_strdup_printf ("%s=%s", field->key, value);
      text = g_strjoinv ("\n", lines);
      want = g_strdup_printf ("Your preset “P” in “presets.ini”, line %d: "
                              "key “%s” is “%s”; it must be %s.",
                              i + 2, field->key, value, range);
      check_refused (text, want);
      g_free (want);
      g_free (text);
      g_free (value);
      g_free (range);
      g_strfreev (lines);
    }
  g_free (good);
}

int
main (void)
{
  test_table ();
  test_copy_same ();
  test_key_file ();
  test_refused ();
  return CHECK_DONE ();
}
