/* dialog-view.c: the preview side of the dialog (see dialog-private.h):
 * the view bar above the preview (zoom, before/after split, 8×8 grid,
 * difference, show original) and the preview itself, with the read-outs
 * (dialog-readouts.c) under it.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gtk/gtk.h>
#include <stdlib.h>

#include "dialog-private.h"

static void
zoom_changed (GtkComboBox *combo, Dialog *d)
{
  const char *id = gtk_combo_box_get_active_id (combo);

  if (id != NULL)
    ja_preview_set_zoom (d->preview, atoi (id));
}

static void
preview_zoom_changed (JaPreview *preview, Dialog *d)
{
  char id[16];

  g_snprintf (id, sizeof id, "%d", ja_preview_get_zoom (preview));
  g_signal_handlers_block_by_func (d->zoom, zoom_changed, d);
  if (!gtk_combo_box_set_active_id (GTK_COMBO_BOX (d->zoom), id))
    gtk_combo_box_set_active (GTK_COMBO_BOX (d->zoom), -1);
  g_signal_handlers_unblock_by_func (d->zoom, zoom_changed, d);
}

static void
split_toggled (GtkToggleButton *toggle, Dialog *d)
{
  ja_preview_set_split (d->preview, gtk_toggle_button_get_active (toggle));
}

void
ja_dialog_update_grid (Dialog *d)
{
  int quality, dx = d->settings.anchor_x, dy = d->settings.anchor_y;

  if (d->shown.generation > 0)
    jart_schedule (&d->settings, d->shown.generation, &quality, &dx, &dy);
  ja_preview_set_grid (
      d->preview, gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (d->grid)),
      dx, dy);
}

static void
grid_toggled (GtkToggleButton *toggle, Dialog *d)
{
  (void)toggle;
  ja_dialog_update_grid (d);
}

static void
difference_toggled (GtkToggleButton *toggle, Dialog *d)
{
  ja_preview_set_difference (d->preview,
                             gtk_toggle_button_get_active (toggle));
}

static void
original_pressed (GtkButton *button, Dialog *d)
{
  (void)button;
  ja_preview_set_show_original (d->preview, TRUE);
}

static void
original_released (GtkButton *button, Dialog *d)
{
  (void)button;
  ja_preview_set_show_original (d->preview, FALSE);
}

/* Adds WIDGET to BAR, the view bar.  Its cell takes no focus of its own:
 * Tab goes from control to control, as along a row of them. */
static void
bar_add (GtkWidget *bar, GtkWidget *widget)
{
  GtkWidget *cell = gtk_flow_box_child_new ();

  gtk_widget_set_can_focus (cell, FALSE);
  gtk_container_add (GTK_CONTAINER (cell), widget);
  gtk_container_add (GTK_CONTAINER (bar), cell);
}

/* The view bar: a row of controls that wraps onto a second line where the
 * window is narrower than the row (a long translation, a small screen),
 * instead of making the window as wide as the row. */
static GtkWidget *
build_view_bar (Dialog *d)
{
  GtkWidget *bar = d->view_bar = gtk_flow_box_new ();
  GtkWidget *zoom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label, *button;
  static const struct
  {
    const char *id;
    const char *text;
  } zooms[] = {
    { "0", N_ ("Fit") },     { "100", N_ ("100 %") }, { "200", N_ ("200 %") },
    { "400", N_ ("400 %") }, { "800", N_ ("800 %") },
  };
  unsigned i;

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (bar), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (bar), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (bar), 2);
  d->zoom = gtk_combo_box_text_new ();
  for (i = 0; i < G_N_ELEMENTS (zooms); i++)
    gtk_combo_box_text_append (GTK_COMBO_BOX_TEXT (d->zoom), zooms[i].id,
                               _ (zooms[i].text));
  gtk_combo_box_set_active_id (GTK_COMBO_BOX (d->zoom), "100");
  ja_widgets_set_accessible (
      d->zoom, _ ("Zoom"),
      /* xgettext:no-c-format */
      _ ("The preview's magnification; above 100 % every layer "
         "pixel is a sharp square, so the 8×8 blocks show. "
         "Ctrl+scroll and the + and - keys zoom too."));
  label = ja_widgets_mnemonic_label (_ ("_Zoom:"), d->zoom);
  gtk_box_pack_start (GTK_BOX (zoom), label, FALSE, FALSE, 0);
  gtk_box_pack_start (GTK_BOX (zoom), d->zoom, FALSE, FALSE, 0);
  bar_add (bar, zoom);
  g_signal_connect (d->zoom, "changed", G_CALLBACK (zoom_changed), d);

  d->split = gtk_check_button_new_with_mnemonic (_ ("_Split before/after"));
  ja_widgets_set_accessible (
      d->split, _ ("Before/after split"),
      _ ("Shows the original left of a divider and the result "
         "right of it; drag the divider to compare."));
  bar_add (bar, d->split);
  g_signal_connect (d->split, "toggled", G_CALLBACK (split_toggled), d);

  d->grid = gtk_check_button_new_with_mnemonic (_ ("8×8 gr_id"));
  ja_widgets_set_accessible (
      d->grid, _ ("8×8 grid"),
      _ ("Draws the 8×8 block grid the last generation was "
         "encoded on."));
  bar_add (bar, d->grid);
  g_signal_connect (d->grid, "toggled", G_CALLBACK (grid_toggled), d);

  /* TRANSLATORS: a check box of the preview; Alt+8 toggles it. */
  d->difference = gtk_check_button_new_with_mnemonic (_ ("Difference ×_8"));
  ja_widgets_set_accessible (
      d->difference, _ ("Difference view"),
      _ ("Shows, in place of the result, how much each colour channel "
         "differs from the original, amplified eight times: black where "
         "nothing changed."));
  bar_add (bar, d->difference);
  g_signal_connect (d->difference, "toggled", G_CALLBACK (difference_toggled),
                    d);

  if (d->layer->canvas_preview != NULL)
    {
      d->on_canvas = gtk_check_button_new_with_label (_ ("Preview on canvas"));
      ja_widgets_set_accessible (
          d->on_canvas, _ ("Preview on canvas"),
          _ ("Shows the result in the image window too, while the dialog "
             "is open; Cancel takes it away."));
      bar_add (bar, d->on_canvas);
      g_signal_connect_swapped (d->on_canvas, "toggled",
                                G_CALLBACK (ja_dialog_update_canvas), d);
    }

  button = gtk_button_new_with_mnemonic (_ ("Sho_w original"));
  ja_widgets_set_accessible (
      button, _ ("Show original"),
      _ ("Shows the original layer for as long as the button is "
         "held down."));
  bar_add (bar, button);
  g_signal_connect (button, "pressed", G_CALLBACK (original_pressed), d);
  g_signal_connect (button, "released", G_CALLBACK (original_released), d);
  return bar;
}

int
ja_dialog_view_bar_one_line_extra (Dialog *d)
{
  GList *cells = gtk_container_get_children (GTK_CONTAINER (d->view_bar)), *l;
  int line = 0, n = 0, natural;

  for (l = cells; l != NULL; l = l->next)
    if (gtk_widget_get_visible (l->data))
      {
        gtk_widget_get_preferred_width (l->data, NULL, &natural);
        line += natural;
        n++;
      }
  g_list_free (cells);
  if (n > 1)
    line
        += (n - 1)
           * (int)gtk_flow_box_get_column_spacing (GTK_FLOW_BOX (d->view_bar));
  gtk_widget_get_preferred_width (d->view_bar, NULL, &natural);
  return MAX (line - natural, 0);
}

GtkWidget *
ja_dialog_build_view (Dialog *d)
{
  const JaDialogLayer *layer = d->layer;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *frame;

  gtk_box_pack_start (GTK_BOX (box), build_view_bar (d), FALSE, FALSE, 0);

  d->preview = JA_PREVIEW (ja_preview_new (
      &layer->image, layer->selection, layer->check_size, layer->check_type));
  ja_widgets_set_accessible (GTK_WIDGET (d->preview), _ ("Preview"), NULL);
  gtk_widget_set_tooltip_text (
      GTK_WIDGET (d->preview),
      _ ("The result, exactly as OK will write it. Drag or scroll to pan."));
  g_signal_connect (d->preview, "zoom-changed",
                    G_CALLBACK (preview_zoom_changed), d);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_shadow_type (GTK_FRAME (frame), GTK_SHADOW_IN);
  gtk_container_add (GTK_CONTAINER (frame), GTK_WIDGET (d->preview));
  gtk_widget_set_vexpand (frame, TRUE);
  gtk_widget_set_hexpand (frame, TRUE);
  gtk_box_pack_start (GTK_BOX (box), frame, TRUE, TRUE, 0);

  ja_dialog_build_readouts (d, GTK_BOX (box));
  return box;
}
