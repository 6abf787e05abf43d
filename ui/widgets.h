/* widgets.h: the small GTK 3 helpers the dialog builds its controls with.
 * Every widget they make carries an accessible name (the dialog's tests
 * and screen readers find it by that name) and, where given, a tooltip
 * that is also its accessible description.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_WIDGETS_H
#define JA_WIDGETS_H

#include <gtk/gtk.h>

/* Gives WIDGET the accessible NAME and the TOOLTIP, also its accessible
 * description; either may be NULL: left as it is. */
void ja_widgets_set_accessible (GtkWidget *widget, const char *name,
                                const char *tooltip);

/* An empty label for text the dialog sets, left-aligned (wrapping when
 * WRAP), with its accessible NAME and TOOLTIP (may be NULL). */
GtkWidget *ja_widgets_readout_label (gboolean wrap, const char *name,
                                     const char *tooltip);

/* A left-aligned label whose mnemonic (TEXT's underlined letter) focuses
 * TARGET. */
GtkWidget *ja_widgets_mnemonic_label (const char *text, GtkWidget *target);

/* A row's label in the controls' grid: a mnemonic label (as above) on one
 * line where its column has room, its words on more lines where the
 * window is narrow (a long translation, a small screen). */
GtkWidget *ja_widgets_row_label (const char *text, GtkWidget *target);

/* Puts each label ja_widgets_row_label made in GRID's first column on a
 * line of its own, across the three columns, above the rest of its row,
 * so that the grid needs no column of labels: for a narrow window.  The
 * controls keep their order, and Tab goes through them as before. */
void ja_widgets_grid_stack_labels (GtkGrid *grid);

/* A bold heading across GRID's three columns at ROW. */
void ja_widgets_add_heading (GtkGrid *grid, int row, const char *text);

/* A row of GRID: a mnemonic label, a slider on SLIDER_ADJ and a spin button
 * on VALUE_ADJ showing DIGITS decimals, both named NAME with TOOLTIP.
 * ROW_OUT, when not NULL, gets the label, slider and spin button.  Returns
 * the slider. */
GtkWidget *ja_widgets_add_slider_row (GtkGrid *grid, int row,
                                      const char *mnemonic, const char *name,
                                      const char *tooltip,
                                      GtkAdjustment *slider_adj,
                                      GtkAdjustment *value_adj, int digits,
                                      GtkWidget **row_out);

/* A row of GRID: a mnemonic label and a combo box of the N ITEMS
 * (translated here), named NAME with TOOLTIP.  Returns the combo box. */
GtkWidget *ja_widgets_add_combo_row (GtkGrid *grid, int row,
                                     const char *mnemonic, const char *name,
                                     const char *tooltip,
                                     const char *const *items, int n);

#endif /* JA_WIDGETS_H */
