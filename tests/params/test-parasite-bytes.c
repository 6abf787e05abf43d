/* test-parasite-bytes.c: ja_original_parse and ja_original_explain
 * (plugin/common/original.c) on "jpeg-settings" parasites built here byte
 * by byte, as GIMP 2.10's JPEG loader lays them out, without GIMP: good
 * YCbCr and gray files (IJG tables of the quality, the file's own tables,
 * one table for both), truncated and damaged records, sampling factors
 * and colour spaces that cannot be saved with, and table entries outside
 * 1..255, each with its message.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>
#include <string.h>

#include "check.h"
#include "original.h"

/* A parasite being built. */
typedef struct
{
  guint8 bytes[4 + 2 * 4 + 128 * 4 + 16];
  gsize size;
} Parasite;

/* The header: colour space, quality, components with their factors H[]
 * and V[], and the number of tables that follow. */
static void
parasite_start (Parasite *p, int space, int quality, int components,
                const int h[], const int v[], int n_tables)
{
  int i;

  p->bytes[0] = (guint8)space;
  p->bytes[1] = (guint8)quality;
  p->bytes[2] = (guint8)components;
  p->bytes[3] = (guint8)n_tables;
  p->size = 4;
  for (i = 0; i < components; i++)
    {
      p->bytes[p->size++] = (guint8)h[i];
      p->bytes[p->size++] = (guint8)v[i];
    }
}

/* One table, high byte first, in natural order. */
static void
parasite_table (Parasite *p, const uint16_t table[64])
{
  int i;

  for (i = 0; i < 64; i++)
    {
      p->bytes[p->size++] = (guint8)(table[i] >> 8);
      p->bytes[p->size++] = (guint8)(table[i] & 0xff);
    }
}

static const int h420[3] = { 2, 1, 1 }, v420[3] = { 2, 1, 1 };

/* Parses P, cut to SIZE bytes, and checks the message WANT (NULL:
 * usable). */
static void
check_parse (const Parasite *p, gsize size, const char *want,
             JaOriginal *original)
{
  char *why = ja_original_parse (p->bytes, size, original);

  CHECK_STR (why, want);
  CHECK_INT (original->present, 1);
  CHECK_INT (original->usable, want == NULL);
  g_free (why);
}

static void
test_good (void)
{
  Parasite p;
  JaOriginal original;
  uint16_t ijg[2][64], own[2][64];
  int i;
  const int h444[3] = { 1, 1, 1 }, h422[3] = { 2, 1, 1 },
            h411[3] = { 4, 1, 1 };
  const int v1[3] = { 1, 1, 1 }, v440[3] = { 2, 1, 1 };
  const int gray[1] = { 1 };

  /* The IJG tables of quality 80 (none in the parasite). */
  parasite_start (&p, 3, 80, 3, h420, v420, 0);
  check_parse (&p, p.size, NULL, &original);
  jart_quant_table (80, 0, ijg[0]);
  jart_quant_table (80, 1, ijg[1]);
  CHECK_INT (original.quality, 80);
  CHECK_INT (original.gray, 0);
  CHECK_INT (original.subsampling, JART_SUBSAMPLING_420);
  CHECK (memcmp (original.tables, ijg, sizeof ijg) == 0);

  /* The file's own two tables, and what follows them ignored. */
  for (i = 0; i < 64; i++)
    {
      own[0][i] = (uint16_t)(1 + i);
      own[1][i] = (uint16_t)(255 - i);
    }
  parasite_start (&p, 3, 0, 3, h422, v1, 2);
  parasite_table (&p, own[0]);
  parasite_table (&p, own[1]);
  p.bytes[p.size] = 0xff;
  check_parse (&p, p.size + 1, NULL, &original);
  CHECK_INT (original.quality, 0);
  CHECK_INT (original.subsampling, JART_SUBSAMPLING_422);
  CHECK (memcmp (original.tables, own, sizeof own) == 0);

  /* One table with a quality: the IJG chroma table of that quality. */
  parasite_start (&p, 3, 50, 3, h444, v1, 1);
  parasite_table (&p, own[0]);
  check_parse (&p, p.size, NULL, &original);
  jart_quant_table (50, 1, ijg[1]);
  CHECK_INT (original.subsampling, JART_SUBSAMPLING_444);
  CHECK (memcmp (original.tables[0], own[0], sizeof own[0]) == 0);
  CHECK (memcmp (original.tables[1], ijg[1], sizeof ijg[1]) == 0);

  /* 4:4:0 and 4:1:1. */
  parasite_start (&p, 3, 90, 3, h444, v440, 0);
  check_parse (&p, p.size, NULL, &original);
  CHECK_INT (original.subsampling, JART_SUBSAMPLING_440);
  parasite_start (&p, 3, 90, 3, h411, v1, 0);
  check_parse (&p, p.size, NULL, &original);
  CHECK_INT (original.subsampling, JART_SUBSAMPLING_411);

  /* Gray, one table of its own, quality unknown: chroma takes it too. */
  parasite_start (&p, 1, 0, 1, gray, gray, 1);
  parasite_table (&p, own[1]);
  check_parse (&p, p.size, NULL, &original);
  CHECK_INT (original.gray, 1);
  CHECK (memcmp (original.tables[0], own[1], sizeof own[1]) == 0);
  CHECK (memcmp (original.tables[1], own[1], sizeof own[1]) == 0);
}

static void
test_damaged (void)
{
  Parasite p;
  JaOriginal original;
  uint16_t table[64];
  gsize cut;
  char want[80];

  for (cut = 0; cut < 4; cut++)
    {
      parasite_start (&p, 3, 80, 3, h420, v420, 0);
      g_snprintf (want, sizeof want,
                  "GIMP's record of its settings is damaged (%u bytes)",
                  (unsigned)cut);
      check_parse (&p, cut, want, &original);
    }

  /* The components' factors or a table cut short. */
  parasite_start (&p, 3, 80, 3, h420, v420, 0);
  check_parse (&p, p.size - 1,
               "GIMP's record of its settings is damaged "
               "(9 bytes)",
               &original);
  jart_quant_table (80, 0, table);
  parasite_start (&p, 3, 80, 3, h420, v420, 1);
  parasite_table (&p, table);
  check_parse (&p, p.size - 1,
               "GIMP's record of its settings is damaged "
               "(137 bytes)",
               &original);

  /* A quality above 100, more than 4 tables: GIMP's export refuses them
     too. */
  parasite_start (&p, 3, 101, 3, h420, v420, 0);
  check_parse (&p, p.size,
               "GIMP's record of its settings is damaged "
               "(10 bytes)",
               &original);
  parasite_start (&p, 3, 80, 3, h420, v420, 5);
  check_parse (&p, p.size,
               "GIMP's record of its settings is damaged "
               "(10 bytes)",
               &original);
}

static void
test_unusable (void)
{
  Parasite p;
  JaOriginal original;
  uint16_t table[64];
  /* Records without tables that GIMP's export takes but the codec
     cannot: colour spaces, components, sampling factors, no tables. */
  static const struct
  {
    int space, quality, components, h[4], v[4];
    const char *why;
  } headers[] = {
    { 4, 80, 4, { 1, 1, 1, 1 }, { 1, 1, 1, 1 }, "it is a CMYK file" },
    { 5,
      80,
      4,
      { 1, 1, 1, 1 },
      { 1, 1, 1, 1 },
      "it is a CMYK file stored as YCCK" },
    { 2,
      80,
      3,
      { 1, 1, 1 },
      { 1, 1, 1 },
      "its colours are stored as RGB rather than YCbCr" },
    { 9,
      80,
      3,
      { 1, 1, 1 },
      { 1, 1, 1 },
      "its colour space (9 in libjpeg's numbering) is neither gray nor "
      "YCbCr" },
    { 1,
      80,
      3,
      { 1, 1, 1 },
      { 1, 1, 1 },
      "it is a gray file with 3 components instead of 1" },
    { 3,
      80,
      3,
      { 1, 2, 1 },
      { 1, 1, 1 },
      "its chroma sampling factors are 2x1 and 1x1; only 1x1 can be saved "
      "with" },
    { 3,
      80,
      3,
      { 3, 1, 1 },
      { 1, 1, 1 },
      "its luma sampling factors are 3x1, which are none of 1x1 (4:4:4), "
      "2x1 (4:2:2), 2x2 (4:2:0), 1x2 (4:4:0) and 4x1 (4:1:1)" },
    { 3,
      0,
      3,
      { 2, 1, 1 },
      { 2, 1, 1 },
      "it holds no quantization tables and its quality is unknown" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      parasite_start (&p, headers[i].space, headers[i].quality,
                      headers[i].components, headers[i].h, headers[i].v, 0);
      check_parse (&p, p.size, headers[i].why, &original);
    }

  /* Table entries outside 1..255: 0 in the first, 256 in the second. */
  jart_quant_table (80, 0, table);
  table[9] = 0;
  parasite_start (&p, 3, 0, 3, h420, v420, 2);
  parasite_table (&p, table);
  table[9] = 7;
  table[63] = 256;
  parasite_table (&p, table);
  check_parse (&p, p.size,
               "its quantization table 0 holds 0 at row 2, column 2; a "
               "baseline JPEG takes 1 to 255",
               &original);
  table[9] = 7;
  parasite_start (&p, 3, 0, 3, h420, v420, 2);
  parasite_table (&p, table);
  table[63] = 300;
  parasite_table (&p, table);
  check_parse (&p, p.size,
               "its quantization table 0 holds 256 at row 8, column 8; a "
               "baseline JPEG takes 1 to 255",
               &original);
}

static void
test_explain (void)
{
  Parasite p;
  JaOriginal original;
  char *message;
  const int h4[4] = { 1, 1, 1, 1 };

  memset (&original, 0x5a, sizeof original);
  message = ja_original_explain ("photo.png", NULL, 0, &original,
                                 JA_ORIGINAL_FROM_ARGUMENT, NULL);
  CHECK_STR (message,
             "'photo.png' was not loaded from a JPEG file, so there are no "
             "original settings to save with.  Open the JPEG file itself, or "
             "turn 'use-original-settings' off.");
  CHECK_INT (original.present, 0);
  CHECK_INT (original.usable, 0);
  g_free (message);

  parasite_start (&p, 4, 80, 4, h4, h4, 0);
  message = ja_original_explain ("print.jpg", p.bytes, p.size, &original,
                                 JA_ORIGINAL_FROM_ARGUMENT, NULL);
  CHECK_STR (message, "'print.jpg' was loaded from a JPEG file whose settings "
                      "cannot be saved with: it is a CMYK file.  Turn "
                      "'use-original-settings' off.");
  CHECK_INT (original.present, 1);
  CHECK_INT (original.usable, 0);
  g_free (message);

  /* A preset or the last values asked for the settings: the message names
     them, not a parameter the caller did not set. */
  message = ja_original_explain ("print.jpg", p.bytes, p.size, &original,
                                 JA_ORIGINAL_FROM_PRESET, "Old scans");
  CHECK_STR (message, "'print.jpg' was loaded from a JPEG file whose settings "
                      "cannot be saved with: it is a CMYK file.  The preset "
                      "'Old scans' saves with them: choose another preset.");
  g_free (message);
  message = ja_original_explain ("print.jpg", p.bytes, p.size, &original,
                                 JA_ORIGINAL_FROM_LAST_VALUES, NULL);
  CHECK_STR (message,
             "'print.jpg' was loaded from a JPEG file whose settings cannot "
             "be saved with: it is a CMYK file.  The last values save with "
             "them: open the filter's dialog or call it with "
             "RUN-NONINTERACTIVE to give it other values.");
  g_free (message);
  message = ja_original_explain ("photo.png", NULL, 0, &original,
                                 JA_ORIGINAL_FROM_PRESET, "Old scans");
  CHECK_STR (message,
             "'photo.png' was not loaded from a JPEG file, so there are no "
             "original settings to save with, as the preset 'Old scans' "
             "does.  Open the JPEG file itself, or choose another preset.");
  g_free (message);
  message = ja_original_explain ("photo.png", NULL, 0, &original,
                                 JA_ORIGINAL_FROM_LAST_VALUES, NULL);
  CHECK_STR (message,
             "'photo.png' was not loaded from a JPEG file, so there are no "
             "original settings to save with, as the last values do.  Open "
             "the JPEG file itself, or open the filter's dialog or call it "
             "with RUN-NONINTERACTIVE to give it other values.");
  g_free (message);

  parasite_start (&p, 3, 80, 3, h420, v420, 0);
  CHECK_STR (ja_original_explain ("photo.jpg", p.bytes, p.size, &original,
                                  JA_ORIGINAL_FROM_PRESET, "Old scans"),
             NULL);
  CHECK_INT (original.usable, 1);
}

int
main (void)
{
  test_good ();
  test_damaged ();
  test_unusable ();
  test_explain ();
  return CHECK_DONE ();
}
