/* dialog-schedule.c: the dialog's expander of the schedule, the colour
 * changes before every save and the original JPEG file's settings (see
 * dialog-private.h).  The schedule's text is checked by ja_schedule_check
 * (params/schedule-check.h), as the plug-in and the tool check it: while it
 * does not read, the entry shows what is wrong in the dialog's words, the
 * preview keeps the last schedule that read and OK is refused.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gtk/gtk.h>

#include "dialog-private.h"
#include "schedule-check.h"

/* The colour sliders' step, and the digits their spin buttons show. */
#define ADJUST_STEP 0.05
#define ADJUST_DIGITS 2

/* What is wrong with the schedule, as CHECK (ja_schedule_check) says;
 * USABLE: the image has an original file's tables (which the word
 * "tables" takes once "Use the original file's settings" is on). */
static char *
schedule_error_text (const JaScheduleCheck *check, gboolean usable)
{
  char *word, *message;

  /* The entry holds JA_SCHEDULE_SIZE - 1 characters, the values as many
     bytes: text cut there may end inside a character. */
  word = g_utf8_make_valid (check->word, -1);
  switch (check->problem)
    {
    case JA_SCHEDULE_TOO_LONG:
      message
          = g_strdup_printf (_ ("The schedule is too long: at most %d bytes"),
                             JA_SCHEDULE_SIZE - 1);
      break;
    case JA_SCHEDULE_EMPTY_STEP:
      message = g_strdup (
          _ ("A step is empty: two “;” with nothing between them"));
      break;
    case JA_SCHEDULE_TOO_MANY_STEPS:
      message = g_strdup_printf (
          _ ("Too many steps: a schedule has at most %d"), JART_STEPS_MAX);
      break;
    case JA_SCHEDULE_QUALITY:
      message
          = g_strdup_printf (_ ("“%s”: the quality goes from 1 to 100"), word);
      break;
    case JA_SCHEDULE_REPEAT:
      message = g_strdup_printf (
          /* TRANSLATORS: a schedule's word such as "*65"; leave "*"
             untranslated. */
          _ ("“%s”: a repeat goes from *1 to *%d"), word, JART_STEPS_MAX);
      break;
    case JA_SCHEDULE_SCALE:
      message = g_strdup_printf (
          _ ("“%s”: the scale goes from x0.05 (5%%) to x1 (100%%)"), word);
      break;
    case JA_SCHEDULE_ADJUST:
      message = g_strdup_printf (
          _ ("“%s”: saturation, contrast and sharpening go from 0 to 4"),
          word);
      break;
    case JA_SCHEDULE_NO_TABLES:
      if (usable)
        message = g_strdup_printf (
            /* TRANSLATORS: the second %s is the check button "Use the
               original file's settings", as translated there. */
            _ ("“%s”: the original file's tables need “%s” on"), word,
            _ ("Use the original file's settings"));
      else
        message = g_strdup_printf (
            _ ("“%s”: there are no tables of an original JPEG file to use"),
            word);
      break;
    default:
      message = g_strdup_printf (
          _ ("“%s” is not a word of a schedule (see the tooltip)"), word);
      break;
    }
  g_free (word);
  return message;
}

/* Reads the schedule's text as the codec will (ja_schedule_check, the
 * word "tables" taking the original file's tables when they are usable
 * and "Use the original file's settings" is on, as the plug-in's checks
 * of its arguments and of its last values require): when it reads, it
 * becomes the one the preview computes; else the entry shows a warning
 * icon and the error under it, and OK is refused. */
void
ja_dialog_check_schedule (Dialog *d)
{
  const JaOriginal *original = d->layer->original;
  const gboolean usable = original != NULL && original->usable;
  JaScheduleCheck check;

  d->schedule_ok = ja_schedule_check (&d->values,
                                      usable && d->values.use_original, &check)
                   == JA_SCHEDULE_OK;
  if (d->schedule_ok)
    {
      g_strlcpy (d->valid_schedule, d->values.schedule,
                 sizeof d->valid_schedule);
      gtk_entry_set_icon_from_icon_name (GTK_ENTRY (d->schedule_entry),
                                         GTK_ENTRY_ICON_SECONDARY, NULL);
      gtk_label_set_text (GTK_LABEL (d->schedule_error), "");
      gtk_widget_hide (d->schedule_error);
    }
  else
    {
      char *message = schedule_error_text (&check, usable);

      gtk_entry_set_icon_from_icon_name (GTK_ENTRY (d->schedule_entry),
                                         GTK_ENTRY_ICON_SECONDARY,
                                         "dialog-warning");
      gtk_entry_set_icon_tooltip_text (GTK_ENTRY (d->schedule_entry),
                                       GTK_ENTRY_ICON_SECONDARY, message);
      gtk_label_set_text (GTK_LABEL (d->schedule_error), message);
      gtk_widget_show (d->schedule_error);
      g_free (message);
    }
  ja_dialog_update_ok (d);
}

/* The check button's label and tooltip for the original file's
 * settings, and whether it can be used. */
static gboolean
original_texts (const JaOriginal *original, char **label, char **tooltip)
{
  static const char *const subsamplings[]
      = { "4:4:4", "4:2:2", "4:2:0", "4:4:0", "4:1:1" };
  const char *sampling;

  if (original == NULL || !original->present)
    {
      *label = g_strdup (_ ("Use the original file's settings"));
      *tooltip = g_strdup (_ ("The image was not loaded from a JPEG file"));
      return FALSE;
    }
  if (!original->usable)
    {
      *label = g_strdup (_ ("Use the original file's settings"));
      *tooltip = g_strdup (
          _ ("The settings of the JPEG file the image was loaded from "
             "cannot be reproduced: its quantization tables or its colour "
             "sampling are not those of a baseline 4:4:4, 4:2:2, 4:2:0, "
             "4:4:0, 4:1:1 or gray file."));
      return FALSE;
    }
  if (original->gray)
    sampling = _ ("gray");
  else if ((unsigned)original->subsampling < G_N_ELEMENTS (subsamplings))
    sampling = subsamplings[original->subsampling];
  else
    sampling = "?";
  if (original->quality > 0)
    *label = g_strdup_printf (
        /* TRANSLATORS: GIMP's estimate of the JPEG file's quality, and its
           subsampling such as "4:2:2". */
        _ ("Use the original file's settings (quality ≈ %d, %s)"),
        original->quality, sampling);
  else
    *label = g_strdup_printf (_ ("Use the original file's settings (%s)"),
                              sampling);
  *tooltip = g_strdup (
      _ ("Saves every generation with the quantization tables and the "
         "subsampling of the JPEG file the image was loaded from, in place "
         "of Quality and Subsampling: the look of re-saving that very "
         "file. A schedule's word \"tables\" asks for them too."));
  return TRUE;
}

/* The expander with the schedule, the colour changes before every save
 * and the original file's settings. */
GtkWidget *
ja_dialog_build_schedule (Dialog *d)
{
  GtkWidget *grid_widget = gtk_grid_new ();
  GtkGrid *grid = GTK_GRID (grid_widget);
  GtkWidget *label, *title;
  char *markup, *text, *tooltip;
  int row = 0;
  gboolean usable;
  const char *schedule_tooltip = _ (
      /* xgettext:no-c-format */
      "Makes each generation different, as an image passed from site to "
      "site is. Steps are separated by \";\", each a few words: q75 "
      "quality, tables the original file's tables, 444 422 420 440 411 "
      "subsampling, x0.5 or 50% a smaller copy saved and scaled back "
      "(nearest, bilinear, bicubic or lanczos), sat1.4 saturation, con1.2 "
      "contrast, sharp0.8 sharpening, *3 the step three times. A word left "
      "out takes the control's value; Generations counts them all, the last "
      "step repeating.");

  gtk_grid_set_row_spacing (grid, 6);
  gtk_grid_set_column_spacing (grid, 8);
  gtk_widget_set_margin_top (grid_widget, 6);

  d->schedule_entry = gtk_entry_new ();
  gtk_entry_set_max_length (GTK_ENTRY (d->schedule_entry),
                            JA_SCHEDULE_SIZE - 1);
  gtk_entry_set_activates_default (GTK_ENTRY (d->schedule_entry), TRUE);
  gtk_widget_set_hexpand (d->schedule_entry, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (d->schedule_entry),
                                  _ ("e.g. q90 *2; q60 x0.5; q30 sat1.5"));
  ja_widgets_set_accessible (d->schedule_entry, _ ("Schedule"),
                             schedule_tooltip);
  label = ja_widgets_row_label (_ ("Sc_hedule:"), d->schedule_entry);
  gtk_widget_set_tooltip_text (label, schedule_tooltip);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, d->schedule_entry, 1, row, 2, 1);
  row++;

  d->schedule_error
      = ja_widgets_readout_label (TRUE, _ ("Schedule error"), NULL);
  gtk_label_set_max_width_chars (GTK_LABEL (d->schedule_error), 40);
  gtk_style_context_add_class (
      gtk_widget_get_style_context (d->schedule_error), "error");
  gtk_widget_set_no_show_all (d->schedule_error, TRUE);
  gtk_grid_attach (grid, d->schedule_error, 1, row, 2, 1);
  row++;

  d->saturation = gtk_adjustment_new (1, 0, JART_ADJUST_MAX, ADJUST_STEP,
                                      10 * ADJUST_STEP, 0);
  d->contrast = gtk_adjustment_new (1, 0, JART_ADJUST_MAX, ADJUST_STEP,
                                    10 * ADJUST_STEP, 0);
  d->sharpen = gtk_adjustment_new (0, 0, JART_ADJUST_MAX, ADJUST_STEP,
                                   10 * ADJUST_STEP, 0);
  ja_widgets_add_slider_row (
      grid, row++, _ ("Saturation:"), _ ("Saturation"),
      _ ("Before every save, each colour moves away from its "
         "pixel's gray by this factor, as deep-fry tools do: 1 "
         "keeps the colours, 0 makes them gray."),
      d->saturation, d->saturation, ADJUST_DIGITS, NULL);
  ja_widgets_add_slider_row (
      grid, row++, _ ("Contrast:"), _ ("Contrast"),
      _ ("Before every save, each channel moves away from middle "
         "gray by this factor: 1 keeps the contrast, more makes "
         "it harsher."),
      d->contrast, d->contrast, ADJUST_DIGITS, NULL);
  ja_widgets_add_slider_row (
      grid, row++, _ ("Sharpen:"), _ ("Sharpen"),
      _ ("Before every save, an unsharp mask of this amount: 0 "
         "keeps the image; sharpening before each save makes the "
         "artifacts crunchier."),
      d->sharpen, d->sharpen, ADJUST_DIGITS, NULL);

  usable = original_texts (d->layer->original, &text, &tooltip);
  d->use_original = gtk_check_button_new_with_label (text);
  /* The file's settings make the text long: it wraps where the column is
     narrow. */
  gtk_label_set_line_wrap (
      GTK_LABEL (gtk_bin_get_child (GTK_BIN (d->use_original))), TRUE);
  ja_widgets_set_accessible (d->use_original, text, tooltip);
  gtk_widget_set_sensitive (d->use_original, usable);
  gtk_grid_attach (grid, d->use_original, 0, row, 3, 1);
  row++;
  g_free (text);
  g_free (tooltip);

  g_signal_connect_swapped (d->schedule_entry, "changed",
                            G_CALLBACK (ja_dialog_control_changed), d);
  g_signal_connect_swapped (d->saturation, "value-changed",
                            G_CALLBACK (ja_dialog_control_changed), d);
  g_signal_connect_swapped (d->contrast, "value-changed",
                            G_CALLBACK (ja_dialog_control_changed), d);
  g_signal_connect_swapped (d->sharpen, "value-changed",
                            G_CALLBACK (ja_dialog_control_changed), d);
  g_signal_connect_swapped (d->use_original, "toggled",
                            G_CALLBACK (ja_dialog_control_changed), d);

  title = gtk_label_new (NULL);
  markup = g_markup_printf_escaped ("<b>%s</b>", _ ("Schedule and deep-fry"));
  gtk_label_set_markup (GTK_LABEL (title), markup);
  g_free (markup);
  d->schedule_expander = gtk_expander_new (NULL);
  gtk_expander_set_label_widget (GTK_EXPANDER (d->schedule_expander), title);
  ja_widgets_set_accessible (
      d->schedule_expander, _ ("Schedule and deep-fry"),
      _ ("A different save for each generation, and colour "
         "changes before every save."));
  gtk_widget_set_margin_top (d->schedule_expander, 10);
  gtk_container_add (GTK_CONTAINER (d->schedule_expander), grid_widget);
  return d->schedule_expander;
}
