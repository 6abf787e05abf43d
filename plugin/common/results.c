/* results.c: the returned table, the difference output's pixels and the
 * new layer's name, shared by the GIMP 2.10 and GIMP 3 plug-ins.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "results.h"

gdouble *
ja_results_table (const GArray *reports)
{
  gdouble *table
      = g_new (gdouble, reports->len * JA_RESULTS_TABLE_COLUMNS + 1);
  guint i;

  for (i = 0; i < reports->len; i++)
    {
      const JartGenerationReport *report
          = &g_array_index (reports, JartGenerationReport, i);
      gdouble *row = table + i * JA_RESULTS_TABLE_COLUMNS;

      row[0] = report->quality;
      row[1] = report->dx;
      row[2] = report->dy;
      row[3] = (gdouble)report->changed_pixels;
      row[4] = report->psnr;
    }
  return table;
}

void
ja_results_difference (JartImage *after, const guint8 *before)
{
  JartImage original = *after;

  original.pixels = (guint8 *)before;
  jart_difference (after, &original, after);
}

gchar *
ja_results_layer_name (const JaValues *values)
{
  const int n = values->generations;

  /* The quality only where every generation saved with it: a schedule's
     steps have their own, the original file's settings its tables. */
  if (values->output == JA_OUTPUT_DIFFERENCE)
    {
      if (ja_values_has_schedule (values))
        return g_strdup_printf (
            /* TRANSLATORS: the name of the layer that holds the difference
               times 8 after generations that followed a schedule: the
               number of generations. */
            g_dngettext (GETTEXT_PACKAGE,
                         "Difference ×8 (JPEG schedule, %d generation)",
                         "Difference ×8 (JPEG schedule, %d generations)", n),
            n);
      if (values->use_original)
        return g_strdup_printf (
            /* TRANSLATORS: the name of the layer that holds the difference
               times 8 after generations saved with the original JPEG
               file's settings: the number of generations. */
            g_dngettext (
                GETTEXT_PACKAGE,
                "Difference ×8 (JPEG original settings, %d generation)",
                "Difference ×8 (JPEG original settings, %d generations)", n),
            n);
      return g_strdup_printf (
          /* TRANSLATORS: the name of the layer that holds the difference
             times 8: the quality and the number of generations. */
          g_dngettext (GETTEXT_PACKAGE,
                       "Difference ×8 (JPEG q%d, %d generation)",
                       "Difference ×8 (JPEG q%d, %d generations)", n),
          values->quality, n);
    }
  if (ja_values_has_schedule (values))
    /* TRANSLATORS: the new layer's name after generations that followed a
       schedule: the number of generations. */
    return g_strdup_printf (_ ("JPEG schedule × %d"), n);
  if (values->use_original)
    /* TRANSLATORS: the new layer's name after generations saved with the
       original JPEG file's settings: the number of generations. */
    return g_strdup_printf (_ ("JPEG original settings × %d"), n);
  /* TRANSLATORS: the new layer's name: quality and generations. */
  return g_strdup_printf (_ ("JPEG q%d × %d"), values->quality, n);
}
