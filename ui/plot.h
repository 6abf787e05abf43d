/* plot.h: JaPlot, a small cairo chart drawn under the preview of one of
 * three values per generation: the PSNR against the original, the SSIM
 * against the original, or the size of the JPEG file the generation
 * writes.  The worker gives the SSIM and the size of every generation;
 * where one is unknown (NAN, 0) the curve joins the known ones and marks
 * each with a dot.  When the run stopped at a fixed
 * point, the flat rest of the curve up to the generations asked for is
 * drawn dashed.
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

/* What the chart shows. */
typedef enum
{
  JA_PLOT_PSNR = 0,
  JA_PLOT_SSIM = 1,
  JA_PLOT_FILE_SIZE = 2
} JaPlotSeries;

GtkWidget *ja_plot_new (void);

/* Plots the N reports (copied) of a run that asked for TOTAL generations,
 * with SSIM and BYTES (N values each, copied; NAN and 0 where unknown, or
 * NULL for none known); FIXED_POINT is JartResult's (0: none, or not known
 * yet). */
void ja_plot_set_data (JaPlot *plot, const JartGenerationReport *reports,
                       const double *ssim, const guint64 *bytes, int n,
                       int total, int fixed_point);

/* Which of the three values the chart shows; JA_PLOT_PSNR at first. */
void ja_plot_set_series (JaPlot *plot, JaPlotSeries series);

G_END_DECLS

#endif /* JA_PLOT_H */
