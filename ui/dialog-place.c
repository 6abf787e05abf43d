/* dialog-place.c: where the dialog's window opens and how it fits the
 * monitor it opens on (see dialog-private.h): where it was last, if that
 * is still on a monitor; as wide as the bar above the preview in one line
 * where there is room; on a narrow monitor with the row under the preview
 * and the controls' labels stacked and a narrower preview (fit_width); on
 * a short one with a shorter preview and chart (fit_height), the
 * controls' column scrolling.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "dialog-private.h"

/* The least heights the preview and the plot keep on a short monitor,
 * where they give up height so that the whole window fits on it. */
#define PREVIEW_SHORT_HEIGHT 72
#define PLOT_SHORT_HEIGHT 64

/* The read-outs under the preview take more lines while a run goes on
 * (PSNR and SSIM of a generation beside each other) and once the
 * convergence shows than when the dialog opens; GTK makes a window that
 * gets too short for them taller, past a short monitor's bottom.  On a
 * short monitor the window's least height leaves room for this many more
 * of their lines, which the preview (shown that much taller meanwhile)
 * gives up then. */
#define READOUT_LINES 3

/* The least width the preview keeps on a narrow monitor, where it gives
 * up width so that the whole window fits on it. */
#define PREVIEW_NARROW_WIDTH 200

/* What a window manager's title bar and frame may add to the window's
 * height, which GTK knows only once the window is shown: the window's
 * height, and its least height, leave that much of the work area. */
#define FRAME_ALLOWANCE 32

/* On a monitor whose work area is HEIGHT high, lowers the least height of
 * the preview and then of the plot (as far as their short heights) by what
 * the window's least height at WIDTH, its controls shown, exceeds it, with
 * room for READOUT_LINES, so that OK stays on the screen (the controls'
 * column scrolls). */
static void
fit_height (Dialog *d, int width, int height)
{
  GtkWidget *widgets[2] = { GTK_WIDGET (d->preview), GTK_WIDGET (d->plot) };
  const int shortest[2] = { PREVIEW_SHORT_HEIGHT, PLOT_SHORT_HEIGHT };
  int minimum, line, excess, i;

  gtk_widget_get_preferred_height_for_width (d->dialog, width, &minimum, NULL);
  excess = minimum - (height - FRAME_ALLOWANCE);
  if (excess <= 0)
    return;
  /* The convergence's label, empty now, is a line high. */
  gtk_widget_get_preferred_height (d->converge_label, &line, NULL);
  excess += READOUT_LINES * line;
  for (i = 0; i < 2 && excess > 0; i++)
    {
      int w, h, cut;

      gtk_widget_get_size_request (widgets[i], &w, &h);
      cut = MIN (excess, h - shortest[i]);
      if (cut > 0)
        {
          gtk_widget_set_size_request (widgets[i], w, h - cut);
          excess -= cut;
        }
    }
}

/* On a monitor whose work area is WIDTH wide, narrower than the window's
 * least width with its controls shown: File coded as and Plot go on a
 * line each, the controls' labels above their controls (the column of
 * labels gives up its width), then the preview lowers its least width (as
 * far as its narrow width) by what the window's least width still
 * exceeds WIDTH.  The labels wrap where they can; the combo boxes' items
 * and the labels' longest words set what is left. */
static gboolean
fit_width (Dialog *d, int width)
{
  GtkWidget *preview = GTK_WIDGET (d->preview);
  int minimum, w, h, cut;

  gtk_widget_get_preferred_width (d->dialog, &minimum, NULL);
  if (minimum <= width)
    return FALSE;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (d->plot_bar),
                                  GTK_ORIENTATION_VERTICAL);
  ja_widgets_grid_stack_labels (GTK_GRID (d->controls));
  ja_widgets_grid_stack_labels (
      GTK_GRID (gtk_bin_get_child (GTK_BIN (d->schedule_expander))));
  gtk_widget_get_preferred_width (d->dialog, &minimum, NULL);
  gtk_widget_get_size_request (preview, &w, &h);
  cut = MIN (minimum - width, w - PREVIEW_NARROW_WIDTH);
  if (cut > 0)
    gtk_widget_set_size_request (preview, w - cut, h);
  return TRUE;
}

/* Places the window, before it shows, where it was if that is still on a
 * monitor, and keeps its size within the monitor it opens on (a size
 * remembered on a larger screen would put OK out of reach, and the bar
 * above the preview wraps on a small one). */
void
ja_dialog_place_window (Dialog *d, const JaDialogGeometry *geometry)
{
  GdkDisplay *display = gtk_widget_get_display (d->dialog);
  GdkMonitor *monitor = NULL;
  GdkRectangle area;
  gboolean moved = FALSE, narrow;
  int width, height, least, tallest;

  if (geometry != NULL && geometry->x >= 0 && geometry->y >= 0)
    monitor = gdk_display_get_monitor_at_point (display, geometry->x + 40,
                                                geometry->y + 40);
  if (monitor != NULL)
    {
      gdk_monitor_get_workarea (monitor, &area);
      if (geometry->x + 40 < area.x + area.width
          && geometry->y + 40 < area.y + area.height)
        {
          gtk_window_move (GTK_WINDOW (d->dialog), geometry->x, geometry->y);
          moved = TRUE;
        }
    }
  if (!moved)
    {
      gtk_window_set_position (GTK_WINDOW (d->dialog), GTK_WIN_POS_CENTER);
      monitor = gdk_display_get_primary_monitor (display);
      if (monitor == NULL)
        monitor = gdk_display_get_monitor (display, 0);
    }
  if (monitor == NULL)
    return;
  gdk_monitor_get_workarea (monitor, &area);
  /* The sizes below are those of the controls shown (the window itself
     not yet). */
  gtk_widget_show_all (gtk_bin_get_child (GTK_BIN (d->dialog)));
  narrow = fit_width (d, area.width);
  gtk_window_get_default_size (GTK_WINDOW (d->dialog), &width, &height);
  if (geometry == NULL || geometry->width <= 0)
    {
      /* At first as wide as the bar above the preview is in one line, if
         the monitor has room for it. */
      int natural;

      gtk_widget_get_preferred_width (d->dialog, NULL, &natural);
      width = MAX (width, natural + ja_dialog_view_bar_one_line_extra (d));
    }
  width = MIN (width, area.width);
  fit_height (d, width, area.height);
  /* GTK keeps a window at least as tall as it is at its least width, where
     the rows wrap most, and opened it taller than asked where they wrap
     (598 px high, not 568, on a 1024x600 screen in German; 581 on an
     800x600 one in French): on a narrow monitor, or where the window at
     its least width is taller than the work area, the window is at least
     as wide as it opens, at which its height fits. */
  gtk_widget_get_preferred_width (d->dialog, &least, NULL);
  gtk_widget_get_preferred_height_for_width (d->dialog, least, &tallest, NULL);
  if (narrow || tallest > area.height - FRAME_ALLOWANCE)
    gtk_widget_set_size_request (d->dialog, width, -1);
  gtk_window_set_default_size (GTK_WINDOW (d->dialog), width,
                               MIN (height, area.height - FRAME_ALLOWANCE));
}
