/* dialog-place.c: where the dialog's window opens and how it fits the
 * monitor it opens on (see dialog-private.h): where it was last, if that
 * is still on a monitor; as wide as the bar above the preview in one line
 * where there is room; on a short monitor with a shorter preview and
 * chart (fit_height), the controls' column scrolling.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "dialog-private.h"

/* The least heights the preview and the plot keep on a short monitor,
 * where they give up height so that the whole window fits on it. */
#define PREVIEW_SHORT_HEIGHT 120
#define PLOT_SHORT_HEIGHT 64

/* What a window manager's title bar and frame may add to the window's
 * height, which GTK knows only once the window is shown: the window's
 * height, and its least height, leave that much of the work area. */
#define FRAME_ALLOWANCE 32

/* On a monitor whose work area is HEIGHT high, lowers the least height of
 * the preview and then of the plot (as far as their short heights) by what
 * the window's least height at WIDTH, its controls shown, exceeds it, so
 * that OK stays on the screen (the controls' column scrolls). */
static void
fit_height (Dialog *d, int width, int height)
{
  GtkWidget *widgets[2] = { GTK_WIDGET (d->preview), GTK_WIDGET (d->plot) };
  const int shortest[2] = { PREVIEW_SHORT_HEIGHT, PLOT_SHORT_HEIGHT };
  int minimum, excess, i;

  gtk_widget_get_preferred_height_for_width (d->dialog, width, &minimum, NULL);
  excess = minimum - (height - FRAME_ALLOWANCE);
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
  gboolean moved = FALSE;
  int width, height;

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
  gtk_window_set_default_size (GTK_WINDOW (d->dialog), width,
                               MIN (height, area.height - FRAME_ALLOWANCE));
}
