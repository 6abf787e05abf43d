/* plot.c: the JaPlot widget (see plot.h).  The y axis spans the known
 * values of the series shown, widened to at least 2 dB of PSNR, 0.02 of
 * SSIM or 1 kB of file size; an identical generation (infinite PSNR) is
 * drawn at the top.  The frame and labels follow the theme's foreground,
 * and each series has a mid-tone colour of its own (blue PSNR, orange
 * SSIM, green size) that reads on light and dark backgrounds alike.  The
 * size axis is labelled with g_format_size, as the read-out under the
 * preview.
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

  JaPlotSeries series;
  double *psnr;  /* dB, INFINITY for identical */
  double *ssim;  /* NAN where unknown */
  double *bytes; /* NAN where unknown */
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

/* The values of the series shown. */
static const double *
series_values (JaPlot *plot)
{
  switch (plot->series)
    {
    case JA_PLOT_SSIM:
      return plot->ssim;
    case JA_PLOT_FILE_SIZE:
      return plot->bytes;
    case JA_PLOT_PSNR:
    default:
      return plot->psnr;
    }
}

/* The y axis: [*LO, *HI] around the known values. */
static void
series_range (JaPlot *plot, const double *v, double *lo, double *hi)
{
  double min = INFINITY, max = -INFINITY;
  int i;

  for (i = 0; i < plot->n; i++)
    if (isfinite (v[i]))
      {
        min = MIN (min, v[i]);
        max = MAX (max, v[i]);
      }
  switch (plot->series)
    {
    case JA_PLOT_SSIM:
      if (!isfinite (min))
        {
          min = 0.8;
          max = 1.0;
        }
      *lo = floor ((min - 0.005) * 100) / 100;
      *hi = MIN (ceil ((max + 0.005) * 100) / 100, 1.0);
      if (*hi - *lo < 0.02)
        *lo = *hi - 0.02;
      break;
    case JA_PLOT_FILE_SIZE:
      if (!isfinite (min))
        {
          min = 0;
          max = 100000;
        }
      *lo = floor (min * 0.95 / 1000) * 1000;
      *hi = ceil (max * 1.05 / 1000) * 1000;
      if (*hi - *lo < 1000)
        *hi = *lo + 1000;
      break;
    case JA_PLOT_PSNR:
    default:
      if (!isfinite (min))
        {
          min = 30;
          max = 50;
        }
      *lo = floor (min - 0.5);
      *hi = ceil (max + 0.5);
      if (*hi - *lo < 2)
        *hi = *lo + 2;
      break;
    }
}

/* The y axis' label for VALUE. */
static char *
series_label (JaPlot *plot, double value)
{
  switch (plot->series)
    {
    case JA_PLOT_SSIM:
      return g_strdup_printf ("%.2f", value);
    case JA_PLOT_FILE_SIZE:
      return g_format_size ((guint64)MAX (value, 0));
    case JA_PLOT_PSNR:
    default:
      /* TRANSLATORS: a value on the plot's axis, in decibels. */
      return g_strdup_printf (_ ("%.0f dB"), value);
    }
}

static void
series_colour (JaPlot *plot, cairo_t *cr)
{
  switch (plot->series)
    {
    case JA_PLOT_SSIM:
      cairo_set_source_rgb (cr, 0.93, 0.52, 0.12);
      break;
    case JA_PLOT_FILE_SIZE:
      cairo_set_source_rgb (cr, 0.22, 0.68, 0.33);
      break;
    case JA_PLOT_PSNR:
    default:
      cairo_set_source_rgb (cr, 0.15, 0.55, 0.95);
      break;
    }
}

static gboolean
ja_plot_draw (GtkWidget *widget, cairo_t *cr)
{
  JaPlot *plot = JA_PLOT (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_allocated_width (widget);
  int height = gtk_widget_get_allocated_height (widget);
  const double *v = series_values (plot);
  GdkRGBA fg;
  double lo, hi, left, right = width - 8, top = 6, bottom = height - 16;
  PangoLayout *hi_layout, *lo_layout, *layout;
  char *text;
  int i, known = 0, last = -1, tw, th, hw, lw;

  gtk_render_background (style, cr, 0, 0, width, height);
  gtk_style_context_get_color (style, gtk_style_context_get_state (style),
                               &fg);
  series_range (plot, v, &lo, &hi);

  text = series_label (plot, hi);
  hi_layout = small_layout (widget, text);
  g_free (text);
  text = series_label (plot, lo);
  lo_layout = small_layout (widget, text);
  g_free (text);
  pango_layout_get_pixel_size (hi_layout, &hw, NULL);
  pango_layout_get_pixel_size (lo_layout, &lw, NULL);
  left = MAX (MAX (hw, lw) + 8, 30);
  if (right - left < 10 || bottom - top < 10)
    {
      g_object_unref (hi_layout);
      g_object_unref (lo_layout);
      return TRUE;
    }

  /* Frame and axis labels. */
  cairo_set_line_width (cr, 1);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.35);
  cairo_rectangle (cr, left + 0.5, top + 0.5, right - left, bottom - top);
  cairo_stroke (cr);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.8);
  cairo_move_to (cr, left - 4 - hw, top);
  pango_cairo_show_layout (cr, hi_layout);
  pango_layout_get_pixel_size (lo_layout, NULL, &th);
  cairo_move_to (cr, left - 4 - lw, bottom - th);
  pango_cairo_show_layout (cr, lo_layout);
  g_object_unref (hi_layout);
  g_object_unref (lo_layout);
  text = g_strdup_printf ("%d", 1);
  layout = small_layout (widget, text);
  g_free (text);
  cairo_move_to (cr, left, bottom + 1);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
  text = g_strdup_printf ("%d", MAX (plot->total, 1));
  layout = small_layout (widget, text);
  g_free (text);
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

    /* The curve: generation g at x, the value at y; unknown values are
       left out. */
#define PX(g)                                                                 \
  (plot->total <= 1 ? (left + right) / 2                                      \
                    : left + ((g)-1) * (right - left) / (plot->total - 1))
#define PY(v)                                                                 \
  (isfinite (v) ? bottom - ((v)-lo) * (bottom - top) / (hi - lo) : top)
  series_colour (plot, cr);
  cairo_set_line_width (cr, 2);
  for (i = 0; i < plot->n; i++)
    {
      if (isnan (v[i]))
        continue;
      if (known++ == 0)
        cairo_move_to (cr, PX (i + 1), PY (v[i]));
      else
        cairo_line_to (cr, PX (i + 1), PY (v[i]));
      last = i;
    }
  cairo_stroke (cr);
  /* Dots where the values are a sample, or a single one. */
  if (known == 1 || (known > 0 && known < plot->n))
    for (i = 0; i < plot->n; i++)
      if (!isnan (v[i]))
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, PX (i + 1), PY (v[i]), 2.5, 0, 2 * G_PI);
        }
  cairo_fill (cr);
  if (plot->fixed_point > 0 && plot->n < plot->total && last == plot->n - 1)
    {
      double dash = 4;
      double y = PY (v[last]);

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
  JaPlot *plot = JA_PLOT (object);

  g_free (plot->psnr);
  g_free (plot->ssim);
  g_free (plot->bytes);
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
  plot->series = JA_PLOT_PSNR;
  gtk_widget_set_size_request (GTK_WIDGET (plot), 200, 90);
}

GtkWidget *
ja_plot_new (void)
{
  return g_object_new (JA_TYPE_PLOT, NULL);
}

void
ja_plot_set_data (JaPlot *plot, const JartGenerationReport *reports,
                  const double *ssim, const guint64 *bytes, int n, int total,
                  int fixed_point)
{
  int i;

  plot->psnr = g_renew (double, plot->psnr, MAX (n, 1));
  plot->ssim = g_renew (double, plot->ssim, MAX (n, 1));
  plot->bytes = g_renew (double, plot->bytes, MAX (n, 1));
  for (i = 0; i < n; i++)
    {
      plot->psnr[i] = reports[i].psnr;
      plot->ssim[i] = ssim != NULL ? ssim[i] : NAN;
      plot->bytes[i] = bytes != NULL && bytes[i] > 0 ? (double)bytes[i] : NAN;
    }
  plot->n = n;
  plot->total = total;
  plot->fixed_point = fixed_point;
  gtk_widget_queue_draw (GTK_WIDGET (plot));
}

void
ja_plot_set_series (JaPlot *plot, JaPlotSeries series)
{
  plot->series = series;
  gtk_widget_queue_draw (GTK_WIDGET (plot));
}
