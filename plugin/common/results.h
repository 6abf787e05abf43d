/* results.h: what a run makes of the codec's results, whichever GIMP it
 * runs in: the table of numbers per generation the procedure returns, the
 * difference output's pixels, and the name of the layer the new-layer and
 * difference outputs add.  No libgimp here.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_RESULTS_H
#define JA_RESULTS_H

#include <glib.h>

#include "jart.h"
#include "values.h"

/* Numbers per generation in the returned table. */
#define JA_RESULTS_TABLE_COLUMNS 5

/* The table of REPORTS (a GArray of JartGenerationReport), one row of
 * JA_RESULTS_TABLE_COLUMNS numbers per generation: the quality used, the
 * grid's x and y offset, the pixels it changed, its PSNR.  Free with
 * g_free; never NULL, even for no report. */
gdouble *ja_results_table (const GArray *reports);

/* Replaces the colour channels of AFTER by their difference against
 * BEFORE, AFTER's own size and channels packed (jart_difference: min (255,
 * 8 |after - before|)), keeping AFTER's alpha. */
void ja_results_difference (JartImage *after, const guint8 *before);

/* The name of the layer the new-layer and difference outputs add, for a
 * run of VALUES (translated).  Free with g_free. */
gchar *ja_results_layer_name (const JaValues *values);

#endif /* JA_RESULTS_H */
