/* widgets.c: the small helpers the dialog builds its controls with (see
 * widgets.h): accessible names and tooltips, labels, headings, and the
 * rows of a label with a slider and a spin button or with a combo box,
 * whose labels wrap or go above their controls in a narrow window.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gtk/gtk.h>

#include "widgets.h"

/* Marks the labels ja_widgets_row_label makes. */
#define ROW_LABEL_KEY "ja-row-label"

void
ja_widgets_set_accessible (GtkWidget *widget, const char *name,
                           const char *tooltip)
{
  AtkObject *accessible = gtk_widget_get_accessible (widget);

  if (name != NULL)
    atk_object_set_name (accessible, name);
  if (tooltip != NULL)
    {
      gtk_widget_set_tooltip_text (widget, tooltip);
      atk_object_set_description (accessible, tooltip);
    }
}

/* An empty label for text the dialog sets, left-aligned (wrapping when
 * WRAP), with its accessible NAME and TOOLTIP (may be NULL). */
GtkWidget *
ja_widgets_readout_label (gboolean wrap, const char *name, const char *tooltip)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_line_wrap (GTK_LABEL (label), wrap);
  /* A word longer than the line (a path, a schedule's word) is broken too:
     whole, it widened the dialog to its length (9000 pixels for a
     schedule's word of 1023 letters). */
  gtk_label_set_line_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  ja_widgets_set_accessible (label, name, tooltip);
  return label;
}

GtkWidget *
ja_widgets_mnemonic_label (const char *text, GtkWidget *target)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), target);
  return label;
}

GtkWidget *
ja_widgets_row_label (const char *text, GtkWidget *target)
{
  GtkWidget *label = ja_widgets_mnemonic_label (text, target);

  /* Whole words only: the column is at least as wide as the longest. */
  gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_line_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  g_object_set_data (G_OBJECT (label), ROW_LABEL_KEY, GINT_TO_POINTER (1));
  return label;
}

static int
compare_descending (gconstpointer a, gconstpointer b)
{
  return *(const int *)b - *(const int *)a;
}

void
ja_widgets_grid_stack_labels (GtkGrid *grid)
{
  GList *children = gtk_container_get_children (GTK_CONTAINER (grid)), *l;
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (int));
  guint i;

  for (l = children; l != NULL; l = l->next)
    {
      int left, top, width;

      gtk_container_child_get (GTK_CONTAINER (grid), l->data, "left-attach",
                               &left, "top-attach", &top, "width", &width,
                               NULL);
      if (g_object_get_data (l->data, ROW_LABEL_KEY) != NULL && left == 0
          && width == 1)
        g_array_append_val (rows, top);
    }
  /* From the bottom up, so that the rows above keep their numbers. */
  g_array_sort (rows, compare_descending);
  for (i = 0; i < rows->len; i++)
    {
      int row = g_array_index (rows, int, i);
      GtkWidget *label = gtk_grid_get_child_at (grid, 0, row);

      gtk_grid_insert_row (grid, row + 1);
      for (l = children; l != NULL; l = l->next)
        {
          int top, height;

          gtk_container_child_get (GTK_CONTAINER (grid), l->data, "top-attach",
                                   &top, "height", &height, NULL);
          if (l->data != label && top == row && height == 1)
            gtk_container_child_set (GTK_CONTAINER (grid), l->data,
                                     "top-attach", row + 1, NULL);
        }
      gtk_container_child_set (GTK_CONTAINER (grid), label, "width", 3, NULL);
    }
  g_array_free (rows, TRUE);
  g_list_free (children);
}

void
ja_widgets_add_heading (GtkGrid *grid, int row, const char *text)
{
  GtkWidget *label = gtk_label_new (NULL);
  char *markup = g_markup_printf_escaped ("<b>%s</b>", text);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (row > 0)
    gtk_widget_set_margin_top (label, 10);
  gtk_grid_attach (grid, label, 0, row, 3, 1);
  g_free (markup);
}

/* A row of GRID: a mnemonic label, a slider on SLIDER_ADJ and a spin button
 * on VALUE_ADJ (the same adjustment but for Generations) showing DIGITS
 * decimals.  ROW_OUT, when not NULL, gets the label, slider and spin
 * button. */
GtkWidget *
ja_widgets_add_slider_row (GtkGrid *grid, int row, const char *mnemonic,
                           const char *name, const char *tooltip,
                           GtkAdjustment *slider_adj, GtkAdjustment *value_adj,
                           int digits, GtkWidget **row_out)
{
  GtkWidget *scale = gtk_scale_new (GTK_ORIENTATION_HORIZONTAL, slider_adj);
  GtkWidget *spin = gtk_spin_button_new (value_adj, 1, digits);
  GtkWidget *label = ja_widgets_row_label (mnemonic, spin);

  gtk_scale_set_draw_value (GTK_SCALE (scale), FALSE);
  gtk_range_set_round_digits (GTK_RANGE (scale), digits);
  gtk_widget_set_hexpand (scale, TRUE);
  gtk_widget_set_size_request (scale, 160, -1);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_entry_set_activates_default (GTK_ENTRY (spin), TRUE);
  gtk_entry_set_width_chars (GTK_ENTRY (spin), 5);
  ja_widgets_set_accessible (scale, name, tooltip);
  ja_widgets_set_accessible (spin, name, tooltip);
  gtk_widget_set_tooltip_text (label, tooltip);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, scale, 1, row, 1, 1);
  gtk_grid_attach (grid, spin, 2, row, 1, 1);
  if (row_out != NULL)
    {
      row_out[0] = label;
      row_out[1] = scale;
      row_out[2] = spin;
    }
  return scale;
}

/* A row of GRID: a mnemonic label and a combo box with N ITEMS. */
GtkWidget *
ja_widgets_add_combo_row (GtkGrid *grid, int row, const char *mnemonic,
                          const char *name, const char *tooltip,
                          const char *const *items, int n)
{
  GtkWidget *combo = gtk_combo_box_text_new ();
  GtkWidget *label = ja_widgets_row_label (mnemonic, combo);
  int i;

  for (i = 0; i < n; i++)
    gtk_combo_box_text_append_text (GTK_COMBO_BOX_TEXT (combo), _ (items[i]));
  ja_widgets_set_accessible (combo, name, tooltip);
  gtk_widget_set_tooltip_text (label, tooltip);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, combo, 1, row, 2, 1);
  return combo;
}
