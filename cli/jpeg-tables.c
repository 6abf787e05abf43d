/* jpeg-tables.c: reads a JPEG file's header with libjpeg (the library's
 * own API: TurboJPEG's does not give the tables) for its quantization
 * tables, in natural order as libjpeg keeps them, and its components'
 * sampling factors.  Each component gets the table the file gives it
 * (whichever of the four slots it is): Y's, Cb's, and Cr's own when it is
 * not Cb's (a third table), as re-saving the file itself with libjpeg
 * does.  libjpeg's errors and warnings end the read through a
 * longjmp back here (jpeg-errors.c), with the library's message in the
 * tool's one line.  A folder is refused before libjpeg sees it.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "jpeg-tables.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "jpeg-errors.h"

static const char *
tables_problem (JaOriginalProblem problem)
{
  switch (problem)
    {
    case JA_ORIGINAL_OK:
      break;
    case JA_ORIGINAL_COMPONENTS:
      return _ ("it is neither grayscale nor YCbCr colour");
    case JA_ORIGINAL_SAMPLING:
      return _ ("its chroma sampling is none of 4:4:4, 4:2:2, 4:2:0, 4:4:0 "
                "and 4:1:1");
    case JA_ORIGINAL_NO_TABLES:
      return _ ("it has no quantization table");
    case JA_ORIGINAL_TABLE_VALUE:
      return _ ("a quantization table has an entry outside 1 to 255");
    }
  return "";
}

/* Reads the header of the file CINFO reads into ORIGINAL.  libjpeg's
 * errors leave this function through the caller's longjmp. */
static JaOriginalProblem
tables_read_header (struct jpeg_decompress_struct *cinfo, JaOriginal *original)
{
  uint16_t tables[3][64];
  int h[MAX_COMPONENTS], v[MAX_COMPONENTS], slot[3] = { 0, 0, 0 };
  int i, c, n_tables = 0, components;
  JaOriginalProblem problem;

  jpeg_read_header (cinfo, TRUE);
  for (i = 0; i < cinfo->num_components && i < MAX_COMPONENTS; i++)
    {
      h[i] = cinfo->comp_info[i].h_samp_factor;
      v[i] = cinfo->comp_info[i].v_samp_factor;
    }
  components = cinfo->jpeg_color_space == JCS_GRAYSCALE
                       || cinfo->jpeg_color_space == JCS_YCbCr
                   ? cinfo->num_components
                   : 0;
  /* The table of each of the (up to) three components, by the slot the
   * file names for it; a slot no DQT filled is no table. */
  for (c = 0; c < 3 && c < cinfo->num_components; c++)
    {
      slot[c] = cinfo->comp_info[c].quant_tbl_no;
      if (slot[c] < 0 || slot[c] >= NUM_QUANT_TBLS
          || cinfo->quant_tbl_ptrs[slot[c]] == NULL)
        break;
      for (i = 0; i < 64; i++)
        tables[c][i] = cinfo->quant_tbl_ptrs[slot[c]]->quantval[i];
      n_tables++;
    }
  if (n_tables < cinfo->num_components && n_tables < 3)
    n_tables = 0;
  /* Y's and Cb's as the luma and chroma tables; Cr's apart. */
  problem = ja_original_fill (original, 0, components, h, v,
                              n_tables < 2 ? n_tables : 2,
                              (const uint16_t (*)[64])tables);
  if (problem == JA_ORIGINAL_OK && components == 3 && slot[2] != slot[1])
    {
      for (i = 0; i < 64; i++)
        {
          if (tables[2][i] < 1 || tables[2][i] > JART_TABLE_VALUE_MAX)
            {
              original->usable = 0;
              return JA_ORIGINAL_TABLE_VALUE;
            }
          original->cr_table[i] = tables[2][i];
        }
      original->cr_own_table = 1;
    }
  return problem;
}

bool
jpeg_tables_read (const char *path, JaOriginal *original, ToolError *error)
{
  struct jpeg_decompress_struct cinfo;
  JpegErrors failure;
  JaOriginalProblem problem;
  FILE *stream;
  struct stat info;

  stream = fopen (path, "rb");
  if (stream == NULL)
    {
      tool_error_set (error, _ ("cannot open %s: %s"), path, strerror (errno));
      return false;
    }
  if (fstat (fileno (stream), &info) == 0 && S_ISDIR (info.st_mode))
    {
      tool_error_set (error, _ ("--tables-from: %s is a folder"), path);
      fclose (stream);
      return false;
    }
  jpeg_errors_install (&failure, (j_common_ptr)&cinfo);
  if (setjmp (failure.escape))
    {
      jpeg_destroy_decompress (&cinfo);
      fclose (stream);
      tool_error_set (error, _ ("--tables-from: %s is not a JPEG file: %s"),
                      path, failure.message);
      return false;
    }
  jpeg_create_decompress (&cinfo);
  jpeg_stdio_src (&cinfo, stream);
  problem = tables_read_header (&cinfo, original);
  jpeg_destroy_decompress (&cinfo);
  fclose (stream);
  if (problem != JA_ORIGINAL_OK)
    {
      tool_error_set (error,
                      _ ("--tables-from: %s cannot be re-saved with its own "
                         "settings: %s"),
                      path, tables_problem (problem));
      return false;
    }
  return true;
}
