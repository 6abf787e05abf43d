/* plot.c: the JaPlot widget (see plot.h).  The y axis spans the finite
 * PSNR values plotted, widened to at least 2 dB; an identical generation
 * (infinite PSNR) is drawn at the top.  Colours follow the theme's
 * foreground so the chart reads in light and dark themes alike.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "plot.h"

struct _JaPlot
{
  GtkDrawingArea parent_instance;

  double *psnr;
  int n;
  int total;
  int fixed_point;
};

G_DEFINE_TYPE (JaPlot, ja_plot, GTK_TYPE_DRAWING_AREA)

static PangoLayout *
small_layout (GtkWidget *widget, const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoFontDescription *font = pango_font_description_copy (
      pango_context_get_font_description (pango_layout_get_context (layout)));

  pango_font_description_set_size (font, pango_font_description_get_size (font)
                                             * 8 / 10);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  return layout;
}

static gboolean
ja_plot_draw (GtkWidget *widget, cairo_t *cr)
{
  JaPlot *plot = JA_PLOT (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_allocated_width (widget);
  int height = gtk_widget_get_allocated_height (widget);
  GdkRGBA fg;
  double lo = INFINITY, hi = -INFINITY;
  double left = 44, right = width - 8, top = 6, bottom = height - 16;
  PangoLayout *layout;
  char text[32];
  int i, tw, th;

  gtk_render_background (style, cr, 0, 0, width, height);
  gtk_style_context_get_color (style, gtk_style_context_get_state (style),
                               &fg);
  if (right - left < 10 || bottom - top < 10)
    return TRUE;

  for (i = 0; i < plot->n; i++)
    if (isfinite (plot->psnr[i]))
      {
        lo = MIN (lo, plot->psnr[i]);
        hi = MAX (hi, plot->psnr[i]);
      }
  if (!isfinite (lo))
    {
      lo = 30;
      hi = 50;
    }
  lo = floor (lo - 0.5);
  hi = ceil (hi + 0.5);
  if (hi - lo < 2)
    hi = lo + 2;

  /* Frame and axis labels. */
  cairo_set_line_width (cr, 1);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.35);
  cairo_rectangle (cr, left + 0.5, top + 0.5, right - left, bottom - top);
  cairo_stroke (cr);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.8);
  /* TRANSLATORS: a value on the plot's axis, in decibels. */
  g_snprintf (text, sizeof text, _ ("%.0f dB"), hi);
  layout = small_layout (widget, text);
  pango_layout_get_pixel_size (layout, &tw, &th);
  cairo_move_to (cr, left - 4 - tw, top);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
  g_snprintf (text, sizeof text, _ ("%.0f dB"), lo);
  layout = small_layout (widget, text);
  pango_layout_get_pixel_size (layout, &tw, &th);
  cairo_move_to (cr, left - 4 - tw, bottom - th);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
  g_snprintf (text, sizeof text, "%d", 1);
  layout = small_layout (widget, text);
  cairo_move_to (cr, left, bottom + 1);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
  g_snprintf (text, sizeof text, "%d", MAX (plot->total, 1));
  layout = small_layout (widget, text);
  pango_layout_get_pixel_size (layout, &tw, &th);
  cairo_move_to (cr, right - tw, bottom + 1);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
  layout = small_layout (widget, _ ("generation"));
  pango_layout_get_pixel_size (layout, &tw, &th);
  cairo_move_to (cr, (left + right - tw) / 2, bottom + 1);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);

  if (plot->n == 0)
    return TRUE;

    /* The curve: generation g at x, PSNR at y. */
#define PX(g)                                                                 \
  (plot->total <= 1 ? (left + right) / 2                                      \
                    : left + ((g)-1) * (right - left) / (plot->total - 1))
#define PY(v)                                                                 \
  (isfinite (v) ? bottom - ((v)-lo) * (bottom - top) / (hi - lo) : top)
  cairo_set_source_rgb (cr, 0.15, 0.55, 0.95);
  cairo_set_line_width (cr, 2);
  for (i = 0; i < plot->n; i++)
    {
      double x = PX (i + 1), y = PY (plot->psnr[i]);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  if (plot->n == 1)
    cairo_arc (cr, PX (1), PY (plot->psnr[0]), 2.5, 0, 2 * G_PI);
  cairo_stroke (cr);
  if (plot->fixed_point > 0 && plot->n < plot->total)
    {
      double dash = 4;
      double y = PY (plot->psnr[plot->n - 1]);

      cairo_set_dash (cr, &dash, 1, 0);
      cairo_move_to (cr, PX (plot->n), y);
      cairo_line_to (cr, PX (plot->total), y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
#undef PX
#undef PY
  return TRUE;
}

static void
ja_plot_finalize (GObject *object)
{
  g_free (JA_PLOT (object)->psnr);
  G_OBJECT_CLASS (ja_plot_parent_class)->finalize (object);
}

static void
ja_plot_class_init (JaPlotClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ja_plot_finalize;
  GTK_WIDGET_CLASS (klass)->draw = ja_plot_draw;
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass),
                                        ATK_ROLE_CHART);
}

static void
ja_plot_init (JaPlot *plot)
{
  gtk_widget_set_size_request (GTK_WIDGET (plot), 200, 90);
}

GtkWidget *
ja_plot_new (void)
{
  return g_object_new (JA_TYPE_PLOT, NULL);
}

void
ja_plot_set_data (JaPlot *plot, const JartGenerationReport *reports, int n,
                  int total, int fixed_point)
{
  int i;

  plot->psnr = g_renew (double, plot->psnr, MAX (n, 1));
  for (i = 0; i < n; i++)
    plot->psnr[i] = reports[i].psnr;
  plot->n = n;
  plot->total = total;
  plot->fixed_point = fixed_point;
  gtk_widget_queue_draw (GTK_WIDGET (plot));
}
