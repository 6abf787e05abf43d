/* plot.h: JaPlot, a small cairo chart of the PSNR of each generation
 * against the original, drawn under the preview.  When the run stopped at
 * a fixed point, the flat rest of the curve up to the generations asked for
 * is drawn dashed.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_PLOT_H
#define JA_PLOT_H

#include <gtk/gtk.h>

#include "jart.h"

G_BEGIN_DECLS

#define JA_TYPE_PLOT (ja_plot_get_type ())
G_DECLARE_FINAL_TYPE (JaPlot, ja_plot, JA, PLOT, GtkDrawingArea)

GtkWidget *ja_plot_new (void);

/* Plots the N reports (copied) of a run that asked for TOTAL generations;
 * FIXED_POINT is JartResult's (0: none, or not known yet). */
void ja_plot_set_data (JaPlot *plot, const JartGenerationReport *reports,
                       int n, int total, int fixed_point);

G_END_DECLS

#endif /* JA_PLOT_H */
