/* dialog-presets.c: the dialog's preset rows (see dialog-private.h).  A
 * combo lists the built-in presets, the user's and "Custom"; picking one
 * sets the look controls at once, and the combo says "Custom" once one of
 * them changed.  Save… asks for a name and keeps the look as one of the
 * user's presets (presets.h), Delete removes the user's preset shown.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gtk/gtk.h>

#include "dialog-private.h"

/* The widest the preset combo shows a preset's name, in characters. */
#define PRESET_WIDTH_CHARS 36

/* The preset the values are, or -1: the one VALUES->preset names while
 * no look control has changed since it was picked. */
static int
current_preset (Dialog *d)
{
  JaValues applied = d->values;
  int i;

  if (d->values.preset[0] == '\0')
    return -1;
  i = ja_presets_find (d->presets, d->values.preset);
  if (i < 0)
    return -1;
  ja_presets_apply (d->presets, i, &applied);
  return ja_look_same (&applied, &d->values) ? i : -1;
}

/* Shows in the preset combo the preset the values are, or "Custom" (and
 * then forgets the preset's name), with its description; Delete is for a
 * user's preset only. */
void
ja_dialog_update_preset (Dialog *d)
{
  int i = current_preset (d);
  gboolean updating = d->updating;
  gboolean file = d->layer->presets_file != NULL;

  if (i < 0)
    d->values.preset[0] = '\0';
  d->updating = TRUE;
  gtk_combo_box_set_active (GTK_COMBO_BOX (d->preset_combo),
                            i < 0 ? d->custom_index : i);
  d->updating = updating;
  gtk_label_set_text (
      GTK_LABEL (d->preset_description),
      i < 0 ? _ ("Your own settings: they match none of the presets.")
            : ja_presets_description (d->presets, i));
  gtk_widget_set_sensitive (
      d->preset_delete, file && i >= 0 && ja_presets_is_user (d->presets, i));
  gtk_widget_set_sensitive (d->preset_save, file && d->schedule_ok);
}

/* Fills the preset combo from d->presets: the built-in presets, the
 * user's, and "Custom". */
static void
fill_presets (Dialog *d)
{
  GtkComboBoxText *combo = GTK_COMBO_BOX_TEXT (d->preset_combo);
  gboolean updating = d->updating;
  int i, n = ja_presets_count (d->presets);

  d->updating = TRUE;
  gtk_combo_box_text_remove_all (combo);
  for (i = 0; i < n; i++)
    gtk_combo_box_text_append_text (combo, ja_presets_label (d->presets, i));
  /* TRANSLATORS: the preset combo's item when the controls match no
     preset. */
  gtk_combo_box_text_append_text (combo, _ ("Custom"));
  d->custom_index = n;
  d->updating = updating;
}

/* A preset picked: its look goes to the controls; "Custom" keeps them. */
static void
preset_changed (GtkComboBox *combo, Dialog *d)
{
  int i = gtk_combo_box_get_active (combo);

  if (d->updating || i < 0)
    return;
  if (i == d->custom_index)
    {
      d->values.preset[0] = '\0';
      ja_dialog_update_preset (d);
      return;
    }
  ja_presets_apply (d->presets, i, &d->values);
  ja_dialog_values_to_widgets (d);
  ja_dialog_restart (d);
}

/* Shows TEXT (NULL: nothing) below the preset buttons: why the presets
 * file could not be read, a file kept aside, a failed delete. */
static void
show_preset_message (Dialog *d, const char *text)
{
  gtk_label_set_text (GTK_LABEL (d->preset_message), text != NULL ? text : "");
  gtk_widget_set_visible (d->preset_message, text != NULL);
}

/* Asks for a name and saves the look as the user's preset of that name,
 * which the combo then shows; a name ja_presets_save refuses keeps the
 * question open with its reason. */
static void
preset_save_clicked (GtkButton *button, Dialog *d)
{
  GtkWidget *ask, *content, *grid, *entry, *label, *error;
  int current = current_preset (d);

  (void)button;
  ask = gtk_dialog_new_with_buttons (
      _ ("Save Preset"), GTK_WINDOW (d->dialog),
      GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT, _ ("_Cancel"),
      GTK_RESPONSE_CANCEL, _ ("_Save"), GTK_RESPONSE_OK, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (ask), GTK_RESPONSE_OK);
  content = gtk_dialog_get_content_area (GTK_DIALOG (ask));
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_container_set_border_width (GTK_CONTAINER (grid), 12);
  entry = gtk_entry_new ();
  gtk_entry_set_max_length (GTK_ENTRY (entry), JA_PRESET_SIZE - 1);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_width_chars (GTK_ENTRY (entry), 28);
  gtk_widget_set_hexpand (entry, TRUE);
  if (current >= 0 && ja_presets_is_user (d->presets, current))
    gtk_entry_set_text (GTK_ENTRY (entry),
                        ja_presets_label (d->presets, current));
  ja_widgets_set_accessible (
      entry, _ ("Preset name"),
      _ ("The name the preset is listed under; saving under the "
         "name of one of your presets replaces it."));
  label = ja_widgets_mnemonic_label (_ ("_Name:"), entry);
  error = ja_widgets_readout_label (TRUE, _ ("Preset error"), NULL);

  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), entry, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), error, 0, 1, 2, 1);
  gtk_box_pack_start (GTK_BOX (content), grid, TRUE, TRUE, 0);
  gtk_widget_show_all (ask);

  while (gtk_dialog_run (GTK_DIALOG (ask)) == GTK_RESPONSE_OK)
    {
      char *name
          = g_strstrip (g_strdup (gtk_entry_get_text (GTK_ENTRY (entry))));
      GError *failure = NULL;

      if (ja_presets_save (d->presets, name, &d->values, &failure))
        {
          fill_presets (d);
          g_strlcpy (d->values.preset, name, sizeof d->values.preset);
          ja_dialog_update_preset (d);
          show_preset_message (d, ja_presets_notice (d->presets));
          g_free (name);
          break;
        }
      gtk_label_set_text (GTK_LABEL (error), failure->message);
      g_error_free (failure);
      g_free (name);
      gtk_widget_grab_focus (entry);
    }
  gtk_widget_destroy (ask);
}

/* Deletes the user's preset the combo shows; the values stay, as
 * "Custom". */
static void
preset_delete_clicked (GtkButton *button, Dialog *d)
{
  int i = current_preset (d);
  GError *failure = NULL;
  char *id;

  (void)button;
  if (i < 0 || !ja_presets_is_user (d->presets, i))
    return;
  id = g_strdup (ja_presets_id (d->presets, i));
  if (!ja_presets_delete (d->presets, id, &failure))
    {
      show_preset_message (d, failure->message);
      g_error_free (failure);
      g_free (id);
      return;
    }
  g_free (id);
  show_preset_message (d, ja_presets_notice (d->presets));
  fill_presets (d);
  d->values.preset[0] = '\0';
  ja_dialog_update_preset (d);
}

/* The preset rows at the top of GRID from ROW on: the combo, its
 * description, Save… and Delete.  Returns the next row. */
int
ja_dialog_build_presets (Dialog *d, GtkGrid *grid, int row)
{
  GtkWidget *label, *buttons;
  GError *error = NULL;
  const char *tooltip
      = _ ("Named settings to start from: the built-in looks, then your "
           "own. Changing a control of the look afterwards makes it "
           "Custom.");

  d->presets = ja_presets_new (d->layer->presets_file, &error);

  d->preset_combo = gtk_combo_box_text_new ();
  {
    /* A preset's name may be 127 bytes long: cut, it keeps the combo (and
       the dialog, whose OK it would push off the screen) narrow. */
    GList *cells
        = gtk_cell_layout_get_cells (GTK_CELL_LAYOUT (d->preset_combo));

    if (cells != NULL)
      g_object_set (cells->data, "ellipsize", PANGO_ELLIPSIZE_END,
                    "max-width-chars", PRESET_WIDTH_CHARS, NULL);
    g_list_free (cells);
  }
  ja_widgets_set_accessible (d->preset_combo, _ ("Preset"), tooltip);
  label = ja_widgets_row_label (_ ("Pr_eset:"), d->preset_combo);
  gtk_widget_set_tooltip_text (label, tooltip);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, d->preset_combo, 1, row, 2, 1);
  row++;
  fill_presets (d);

  d->preset_description
      = ja_widgets_readout_label (TRUE, _ ("Preset description"), NULL);
  gtk_label_set_max_width_chars (GTK_LABEL (d->preset_description), 40);
  gtk_style_context_add_class (
      gtk_widget_get_style_context (d->preset_description), "dim-label");
  gtk_grid_attach (grid, d->preset_description, 1, row, 2, 1);
  row++;

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  d->preset_save = gtk_button_new_with_mnemonic (_ ("Sa_ve…"));
  d->preset_delete = gtk_button_new_with_label (_ ("Delete"));
  if (d->layer->presets_file != NULL)
    {
      ja_widgets_set_accessible (
          d->preset_save, _ ("Save preset"),
          _ ("Saves the current look (everything above the "
             "Layer options but the seed) as one of your "
             "presets."));
      ja_widgets_set_accessible (
          d->preset_delete, _ ("Delete preset"),
          _ ("Deletes the preset shown, one of your own; the "
             "controls keep its values."));
    }
  else
    {
      const char *why = _ ("There is no file to keep your presets in.");

      ja_widgets_set_accessible (d->preset_save, _ ("Save preset"), why);
      ja_widgets_set_accessible (d->preset_delete, _ ("Delete preset"), why);
    }
  gtk_box_pack_end (GTK_BOX (buttons), d->preset_delete, FALSE, FALSE, 0);
  gtk_box_pack_end (GTK_BOX (buttons), d->preset_save, FALSE, FALSE, 0);
  gtk_grid_attach (grid, buttons, 1, row, 2, 1);
  row++;

  d->preset_message
      = ja_widgets_readout_label (TRUE, _ ("Presets message"), NULL);
  gtk_label_set_max_width_chars (GTK_LABEL (d->preset_message), 40);
  gtk_label_set_selectable (GTK_LABEL (d->preset_message), TRUE);
  gtk_widget_set_no_show_all (d->preset_message, TRUE);
  gtk_grid_attach (grid, d->preset_message, 1, row, 2, 1);
  row++;
  if (error != NULL)
    {
      g_printerr ("%s\n", error->message);
      show_preset_message (d, error->message);
      g_error_free (error);
    }

  g_signal_connect (d->preset_combo, "changed", G_CALLBACK (preset_changed),
                    d);
  g_signal_connect (d->preset_save, "clicked",
                    G_CALLBACK (preset_save_clicked), d);
  g_signal_connect (d->preset_delete, "clicked",
                    G_CALLBACK (preset_delete_clicked), d);
  return row;
}
