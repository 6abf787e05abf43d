/* original.c: the "jpeg-settings" parasite of an image read into a
 * JaOriginal.
 *
 * The parasite's bytes, as GIMP 2.10's JPEG loader writes them
 * (plug-ins/file-jpeg/jpeg-settings.c, jpeg_detect_original_settings):
 *
 *   byte 0      the file's colour space, libjpeg's J_COLOR_SPACE
 *               (1 gray, 2 RGB, 3 YCbCr, 4 CMYK, 5 YCCK)
 *   byte 1      the quality GIMP found (jpeg-quality.c): 1..100 when the
 *               tables are the IJG tables of that quality, else an
 *               estimate, or 0 when it has none
 *   byte 2      the number of components C
 *   byte 3      the number of quantization tables T: 0 when the quality
 *               is exact (the tables are then the IJG ones), else every
 *               table the file defines, in the order of their slots
 *   2 C bytes   each component's horizontal and vertical sampling factor
 *   128 T bytes each table's 64 entries, two bytes each, high byte
 *               first, in libjpeg's quantval[] order, which is natural
 *               (row-major) order, not the zigzag order of the file
 *
 * and anything after that is to be ignored.  GIMP's export checks that
 * the size holds the components and tables, that the quality is at most
 * 100 and that there are at most 4 tables; it saves with jpeg_set_quality
 * for that quality, then replaces tables 0 and up with the parasite's, so
 * that Y uses the first table and Cb and Cr the second (or the IJG
 * chroma table of the quality when the parasite holds only one).  The
 * tables so made go through ja_original_fill (params/original-settings.c),
 * which the command-line tool's --tables-from shares.  No libgimp here:
 * plugin/gimp2/image-original.c and plugin/gimp3/image-original.c hand
 * over the parasite's bytes.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "original.h"

/* libjpeg's J_COLOR_SPACE values that files use (jpeglib.h); the plug-in
 * does not link libjpeg. */
enum
{
  COLOR_SPACE_UNKNOWN = 0,
  COLOR_SPACE_GRAYSCALE = 1,
  COLOR_SPACE_RGB = 2,
  COLOR_SPACE_YCBCR = 3,
  COLOR_SPACE_CMYK = 4,
  COLOR_SPACE_YCCK = 5
};

#define HEADER_BYTES 4
#define TABLE_BYTES 128
#define MAX_TABLES 4

/* Why a file of colour space SPACE with COMPONENTS components cannot be
 * saved with, or NULL. */
static gchar *
check_color_space (int space, int components)
{
  switch (space)
    {
    case COLOR_SPACE_GRAYSCALE:
      if (components != 1)
        return g_strdup_printf (
            _ ("it is a gray file with %d components instead of 1"),
            components);
      return NULL;
    case COLOR_SPACE_YCBCR:
      if (components != 3)
        return g_strdup_printf (
            _ ("it is a YCbCr file with %d components instead of 3"),
            components);
      return NULL;
    case COLOR_SPACE_RGB:
      return g_strdup (_ ("its colours are stored as RGB rather than YCbCr"));
    case COLOR_SPACE_CMYK:
      return g_strdup (_ ("it is a CMYK file"));
    case COLOR_SPACE_YCCK:
      return g_strdup (_ ("it is a CMYK file stored as YCCK"));
    case COLOR_SPACE_UNKNOWN:
    default:
      return g_strdup_printf (
          _ ("its colour space (%d in libjpeg's numbering) is neither gray "
             "nor YCbCr"),
          space);
    }
}

/* Why the sampling factors H[] x V[] of a 3-component file cannot be
 * saved with. */
static gchar *
sampling_problem (const int h[3], const int v[3])
{
  if (h[1] != 1 || v[1] != 1 || h[2] != 1 || v[2] != 1)
    return g_strdup_printf (
        /* TRANSLATORS: the sampling factors of Cb and Cr, e.g. "2x1 and
           1x1". */
        _ ("its chroma sampling factors are %dx%d and %dx%d; only 1x1 can "
           "be saved with"),
        h[1], v[1], h[2], v[2]);
  return g_strdup_printf (
      _ ("its luma sampling factors are %dx%d, which are none of 1x1 "
         "(4:4:4), 2x1 (4:2:2), 2x2 (4:2:0), 1x2 (4:4:0) and 4x1 (4:1:1)"),
      h[0], v[0]);
}

/* Why the first two of the N_TABLES TABLES cannot be saved with: the first
 * entry outside 1..255. */
static gchar *
table_problem (const uint16_t tables[][64], int n_tables)
{
  int t, i;

  for (t = 0; t < 2 && t < n_tables; t++)
    for (i = 0; i < 64; i++)
      if (tables[t][i] < 1 || tables[t][i] > JART_TABLE_VALUE_MAX)
        return g_strdup_printf (
            /* TRANSLATORS: the table's number (0-based), the entry's
               value, its row and column (1..8); "baseline" is a kind of
               JPEG. */
            _ ("its quantization table %d holds %d at row %d, column %d; a "
               "baseline JPEG takes 1 to 255"),
            t, tables[t][i], i / 8 + 1, i % 8 + 1);
  return g_strdup (_ ("a quantization table holds a value outside 1 to 255"));
}

gchar *
ja_original_parse (const guint8 *data, gsize size, JaOriginal *original)
{
  uint16_t tables[MAX_TABLES][64];
  int h[3] = { 1, 1, 1 }, v[3] = { 1, 1, 1 };
  int space, quality, components, n_tables, t, i;
  const guint8 *factors, *bytes;
  gchar *why;

  memset (original, 0, sizeof *original);
  original->present = 1;
  if (size < HEADER_BYTES)
    return g_strdup_printf (
        _ ("GIMP's record of its settings is damaged (%u bytes)"),
        (unsigned)size);
  space = data[0];
  quality = data[1];
  components = data[2];
  n_tables = data[3];
  /* The checks of GIMP's export (jpeg_restore_original_settings). */
  if (quality > JART_QUALITY_MAX || n_tables > MAX_TABLES
      || size
             < (gsize)(HEADER_BYTES + 2 * components + TABLE_BYTES * n_tables))
    return g_strdup_printf (
        _ ("GIMP's record of its settings is damaged (%u bytes)"),
        (unsigned)size);
  original->quality = quality;

  why = check_color_space (space, components);
  if (why != NULL)
    return why;

  factors = data + HEADER_BYTES;
  for (i = 0; i < components; i++)
    {
      h[i] = factors[2 * i];
      v[i] = factors[2 * i + 1];
    }
  bytes = factors + 2 * components;
  for (t = 0; t < n_tables; t++)
    for (i = 0; i < 64; i++)
      tables[t][i] = (uint16_t)(bytes[t * TABLE_BYTES + 2 * i] * 256
                                + bytes[t * TABLE_BYTES + 2 * i + 1]);

  /* What GIMP's export saves with: jpeg_set_quality's IJG tables for the
     quality, tables 0 and up replaced by the parasite's. */
  if (quality >= JART_QUALITY_MIN)
    for (t = n_tables; t < 2; t++)
      {
        jart_quant_table (quality, t, tables[t]);
        n_tables = t + 1;
      }

  switch (ja_original_fill (original, quality, components, h, v, n_tables,
                            (const uint16_t (*)[64])tables))
    {
    case JA_ORIGINAL_OK:
      return NULL;
    case JA_ORIGINAL_COMPONENTS:
      return g_strdup_printf (
          _ ("it has %d components; only 1 (gray) or 3 (YCbCr) can be saved "
             "with"),
          components);
    case JA_ORIGINAL_SAMPLING:
      return sampling_problem (h, v);
    case JA_ORIGINAL_NO_TABLES:
      return g_strdup (
          _ ("it holds no quantization tables and its quality is unknown"));
    case JA_ORIGINAL_TABLE_VALUE:
    default:
      return table_problem ((const uint16_t (*)[64])tables, n_tables);
    }
}

JaOriginalFrom
ja_original_from (gboolean last_values, const JaValues *values)
{
  if (last_values)
    return JA_ORIGINAL_FROM_LAST_VALUES;
  return values->preset[0] != '\0' ? JA_ORIGINAL_FROM_PRESET
                                   : JA_ORIGINAL_FROM_ARGUMENT;
}

/* The message when the image IMAGE_NAME was not loaded from a JPEG file,
 * naming what asked for its settings. */
static gchar *
not_from_jpeg (const char *image_name, JaOriginalFrom from, const char *preset)
{
  switch (from)
    {
    case JA_ORIGINAL_FROM_PRESET:
      return g_strdup_printf (
          /* TRANSLATORS: the image's name, then the preset's. */
          _ ("'%s' was not loaded from a JPEG file, so there are no "
             "original settings to save with, as the preset '%s' does.  "
             "Open the JPEG file itself, or choose another preset."),
          image_name, preset);
    case JA_ORIGINAL_FROM_LAST_VALUES:
      return g_strdup_printf (
          _ ("'%s' was not loaded from a JPEG file, so there are no "
             "original settings to save with, as the last values do.  Open "
             "the JPEG file itself, or open the filter's dialog or call it "
             "with RUN-NONINTERACTIVE to give it other values."),
          image_name);
    case JA_ORIGINAL_FROM_ARGUMENT:
    default:
      return g_strdup_printf (
          _ ("'%s' was not loaded from a JPEG file, so there are no "
             "original settings to save with.  Open the JPEG file itself, or "
             "turn 'use-original-settings' off."),
          image_name);
    }
}

/* The message when the settings of the JPEG file the image IMAGE_NAME was
 * loaded from cannot be used, WHY, naming what asked for them. */
static gchar *
unusable (const char *image_name, const char *why, JaOriginalFrom from,
          const char *preset)
{
  switch (from)
    {
    case JA_ORIGINAL_FROM_PRESET:
      return g_strdup_printf (
          /* TRANSLATORS: the image's name, why its JPEG file's settings
             cannot be used (e.g. "it is a CMYK file"), the preset's
             name. */
          _ ("'%s' was loaded from a JPEG file whose settings cannot be "
             "saved with: %s.  The preset '%s' saves with them: choose "
             "another preset."),
          image_name, why, preset);
    case JA_ORIGINAL_FROM_LAST_VALUES:
      return g_strdup_printf (
          /* TRANSLATORS: the image's name, then why its JPEG file's
             settings cannot be used, e.g. "it is a CMYK file". */
          _ ("'%s' was loaded from a JPEG file whose settings cannot be "
             "saved with: %s.  The last values save with them: open the "
             "filter's dialog or call it with RUN-NONINTERACTIVE to give it "
             "other values."),
          image_name, why);
    case JA_ORIGINAL_FROM_ARGUMENT:
    default:
      return g_strdup_printf (
          /* TRANSLATORS: the image's name, then why its JPEG file's
             settings cannot be used, e.g. "it is a CMYK file". */
          _ ("'%s' was loaded from a JPEG file whose settings cannot be "
             "saved with: %s.  Turn 'use-original-settings' off."),
          image_name, why);
    }
}

gchar *
ja_original_explain (const char *image_name, const guint8 *data, gsize size,
                     JaOriginal *original, JaOriginalFrom from,
                     const char *preset)
{
  gchar *why, *message;

  memset (original, 0, sizeof *original);
  if (data == NULL)
    return not_from_jpeg (image_name, from, preset);
  why = ja_original_parse (data, size, original);
  if (why == NULL)
    return NULL;
  message = unusable (image_name, why, from, preset);
  g_free (why);
  return message;
}
