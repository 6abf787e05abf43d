/* dialog.c: the filter's dialog (see dialog.h).  It lays out the preview
 * with its view controls and read-outs on the left and the filter's
 * parameters on the right, keeps a JaValues in step with the controls, and
 * restarts the background computation (worker.c) whenever a parameter
 * changes.  At the top of the parameters a preset combo (presets.h) sets
 * the look controls at once and says "Custom" once one of them changed;
 * Save… and Delete keep the user's own presets.  An expander holds the
 * schedule's text (read as jart_steps_parse reads it: while it does not,
 * the entry shows why, the preview keeps the last schedule that read and
 * OK is refused), the colour changes before every save and the original
 * JPEG file's settings.  The read-outs give the PSNR and SSIM against the
 * original and the size of the JPEG file of the generation shown; the SSIM and
 * the size come from the worker's statistics thread, after the pixels, and say
 * "measuring" until they do.  The preview only ever shows pixels the codec
 * finished for the current parameters, or, veiled and labelled, the previous
 * ones while the new ones are computed.  OK hands over the result the preview
 * shows; when it is not finished yet, OK waits for it with the dialog still
 * responsive, so Cancel keeps working.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gtk/gtk.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/gdkx.h>
#endif

#include "dialog.h"
#include "plot.h"
#include "presets.h"
#include "preview.h"
#include "worker.h"

/* The Generations slider is logarithmic: position 0..GEN_SLIDER_RANGE maps
 * to 1..1000 generations, so 1 to 10 take a third of its length. */
#define GEN_SLIDER_RANGE 1000.0

#define RESPONSE_RESET 1

/* While a run is under way, the read-outs change at most this often: each
 * change is also an accessibility event, and a thousand of them a second
 * would flood a screen reader. */
#define READOUTS_INTERVAL_MS 200

/* The colour sliders' step, and the digits their spin buttons show. */
#define ADJUST_STEP 0.05
#define ADJUST_DIGITS 2

typedef struct
{
  const JaDialogLayer *layer;
  JaValues values;
  JartSettings settings;

  GtkWidget *dialog;
  GtkWidget *controls;
  GtkWidget *ok_button;
  GtkWidget *reset_button;
  JaPreview *preview;
  JaPlot *plot;
  GtkWidget *status_label;
  GtkWidget *progress;
  GtkWidget *psnr_label;
  GtkWidget *ssim_label;
  GtkWidget *size_label;
  GtkWidget *converge_label;
  GtkWidget *saved_label;
  GtkWidget *plot_series;

  JaPresets *presets;
  GtkWidget *preset_combo; /* the presets, then "Custom" */
  GtkWidget *preset_description;
  GtkWidget *preset_save;
  GtkWidget *preset_delete;
  GtkWidget *preset_message; /* what reading or saving the presets says */
  int custom_index;          /* the combo's "Custom" item */

  GtkAdjustment *quality;
  GtkAdjustment *generations;
  GtkAdjustment *generations_position;
  GtkAdjustment *jitter;
  GtkAdjustment *drift;
  GtkAdjustment *seed;
  GtkAdjustment *saturation;
  GtkAdjustment *contrast;
  GtkAdjustment *sharpen;
  GtkWidget *quality_row[3]; /* label, slider, spin button */
  GtkWidget *subsampling;
  GtkWidget *dct;
  GtkWidget *decode_as;
  GtkWidget *size_for;
  GtkWidget *anchor;
  GtkWidget *transparency;
  GtkWidget *apply_to;
  GtkWidget *output;
  GtkWidget *seed_spin;
  GtkWidget *seed_button;
  GtkWidget *zoom;
  GtkWidget *split;
  GtkWidget *grid;
  GtkWidget *difference;
  GtkWidget *schedule_expander;
  GtkWidget *schedule_entry;
  GtkWidget *schedule_error;
  GtkWidget *use_original;

  /* The schedule's text reads (schedule_ok), or the last one that did,
     which the preview keeps computing meanwhile. */
  gboolean schedule_ok;
  char valid_schedule[JA_SCHEDULE_SIZE];

  JaWorker *worker;
  gboolean updating;  /* controls are being set from values */
  gboolean syncing;   /* the two Generations adjustments */
  gboolean finishing; /* OK was pressed before the result was ready */
  gboolean accepted;
  guint shown_serial; /* what the preview shows: run and generation */
  int shown_generation;
  gboolean shown_final;
  guint readouts_timeout; /* a delayed update_readouts */
  gint64 readouts_time;   /* when the read-outs were last updated */
  GMainLoop *loop;
} Dialog;

void
ja_dialog_geometry_init (JaDialogGeometry *geometry)
{
  geometry->x = -1;
  geometry->y = -1;
  geometry->width = 0;
  geometry->height = 0;
  geometry->split = 0;
  geometry->grid = 0;
  geometry->split_position = 0.5;
}

static int
position_to_generations (double position)
{
  double g = exp (position / GEN_SLIDER_RANGE * log (JART_GENERATIONS_MAX));

  return CLAMP ((int)floor (g + 0.5), JART_GENERATIONS_MIN,
                JART_GENERATIONS_MAX);
}

static double
generations_to_position (int generations)
{
  return GEN_SLIDER_RANGE * log (generations) / log (JART_GENERATIONS_MAX);
}

static void
set_accessible (GtkWidget *widget, const char *name, const char *tooltip)
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
static GtkWidget *
readout_label (gboolean wrap, const char *name, const char *tooltip)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_line_wrap (GTK_LABEL (label), wrap);
  set_accessible (label, name, tooltip);
  return label;
}

static GtkWidget *
mnemonic_label (const char *text, GtkWidget *target)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), target);
  return label;
}

static void
add_heading (GtkGrid *grid, int row, const char *text)
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
static GtkWidget *
add_slider_row (GtkGrid *grid, int row, const char *mnemonic, const char *name,
                const char *tooltip, GtkAdjustment *slider_adj,
                GtkAdjustment *value_adj, int digits, GtkWidget **row_out)
{
  GtkWidget *scale = gtk_scale_new (GTK_ORIENTATION_HORIZONTAL, slider_adj);
  GtkWidget *spin = gtk_spin_button_new (value_adj, 1, digits);
  GtkWidget *label = mnemonic_label (mnemonic, spin);

  gtk_scale_set_draw_value (GTK_SCALE (scale), FALSE);
  gtk_range_set_round_digits (GTK_RANGE (scale), digits);
  gtk_widget_set_hexpand (scale, TRUE);
  gtk_widget_set_size_request (scale, 160, -1);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_entry_set_activates_default (GTK_ENTRY (spin), TRUE);
  gtk_entry_set_width_chars (GTK_ENTRY (spin), 5);
  set_accessible (scale, name, tooltip);
  set_accessible (spin, name, tooltip);
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
static GtkWidget *
add_combo_row (GtkGrid *grid, int row, const char *mnemonic, const char *name,
               const char *tooltip, const char *const *items, int n)
{
  GtkWidget *combo = gtk_combo_box_text_new ();
  GtkWidget *label = mnemonic_label (mnemonic, combo);
  int i;

  for (i = 0; i < n; i++)
    gtk_combo_box_text_append_text (GTK_COMBO_BOX_TEXT (combo), _ (items[i]));
  set_accessible (combo, name, tooltip);
  gtk_widget_set_tooltip_text (label, tooltip);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, combo, 1, row, 2, 1);
  return combo;
}

/* Nonzero when the original file's settings replace Quality and
 * Subsampling. */
static gboolean
original_in_use (Dialog *d)
{
  const JaOriginal *original = d->layer->original;

  return d->values.use_original && original != NULL && original->present
         && original->usable;
}

static void
update_ok (Dialog *d)
{
  gtk_widget_set_sensitive (d->ok_button, d->schedule_ok && !d->finishing);
  gtk_widget_set_tooltip_text (
      d->ok_button,
      d->schedule_ok
          ? _ ("Applies the result the preview shows to the layer.")
          : _ ("The schedule has a mistake (see under it): correct it or "
               "clear it first."));
}

static void
update_sensitivity (Dialog *d)
{
  int channels = d->layer->image.channels;
  gboolean drift = d->values.quality_jitter > 0 || d->values.grid_drift > 0;
  gboolean original = original_in_use (d);
  int i;

  for (i = 0; i < 3; i++)
    gtk_widget_set_sensitive (d->quality_row[i], !original);
  gtk_widget_set_sensitive (d->subsampling, channels >= 3 && !original);
  gtk_widget_set_sensitive (d->transparency, channels == 2 || channels == 4);
  gtk_widget_set_sensitive (d->seed_spin, drift);
  gtk_widget_set_sensitive (d->seed_button, drift);
}

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
  return ja_values_same_look (&applied, &d->values) ? i : -1;
}

/* Shows in the preset combo the preset the values are, or "Custom" (and
 * then forgets the preset's name), with its description; Delete is for a
 * user's preset only. */
static void
update_preset (Dialog *d)
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

/* The word of TEXT that starts at byte AT, up to a space or ';'. */
static char *
word_at (const char *text, size_t at)
{
  size_t end = at;

  while (text[end] != '\0' && text[end] != ' ' && text[end] != ';')
    end++;
  return g_strndup (text + at, end - at);
}

/* Why the schedule TEXT does not read, STATUS and AT being what
 * jart_steps_parse or jart_settings_check said. */
static char *
schedule_error_text (Dialog *d, const char *text, JartStatus status, size_t at)
{
  char *word, *message;

  if (status == JART_ERROR_TABLES)
    {
      const char *tables = strstr (text, "tables");

      word = g_strdup (tables != NULL ? "tables" : "");
    }
  else
    word = word_at (text, MIN (at, strlen (text)));

  switch (status)
    {
    case JART_ERROR_STEPS:
      {
        JartSettings alone;
        JartStep step;

        /* A word that reads on its own was one step too many. */
        jart_settings_init (&alone);
        ja_values_default_step (&d->values, d->layer->original, &step);
        if (word[0] != '\0'
            && jart_steps_parse (word, &step, &alone, NULL) != JART_OK)
          message = g_strdup_printf (
              _ ("“%s” is not a word of a schedule (see the tooltip)"), word);
        else
          message = g_strdup_printf (
              _ ("Too many steps: a schedule has at most %d"), JART_STEPS_MAX);
      }
      break;
    case JART_ERROR_QUALITY:
      message
          = g_strdup_printf (_ ("“%s”: the quality goes from 1 to 100"), word);
      break;
    case JART_ERROR_SCALE:
      message = g_strdup_printf (
          _ ("“%s”: the scale goes from x0.05 (5%%) to x1 (100%%)"), word);
      break;
    case JART_ERROR_ADJUST:
      message = g_strdup_printf (
          _ ("“%s”: saturation, contrast and sharpening go from 0 to 4"),
          word);
      break;
    case JART_ERROR_TABLES:
      message = g_strdup_printf (
          _ ("“%s”: there are no tables of an original JPEG file to use"),
          word);
      break;
    default:
      message = g_strdup_printf (_ ("“%s”: %s"), word, jart_strerror (status));
      break;
    }
  g_free (word);
  return message;
}

/* Reads the schedule's text as the codec will: when it reads, it becomes
 * the one the preview computes; else the entry shows a warning icon and
 * the error under it, and OK is refused. */
static void
check_schedule (Dialog *d)
{
  const char *text = d->values.schedule;
  const JaOriginal *original = d->layer->original;
  JartSettings settings;
  JartStep step;
  JartStatus status;
  size_t at = 0;

  jart_settings_init (&settings);
  if (original != NULL && original->usable)
    memcpy (settings.tables, original->tables, sizeof settings.tables);
  ja_values_default_step (&d->values, original, &step);
  status = jart_steps_parse (text, &step, &settings, &at);
  if (status == JART_OK)
    status = jart_settings_check (&settings);

  d->schedule_ok = status == JART_OK;
  if (d->schedule_ok)
    {
      g_strlcpy (d->valid_schedule, text, sizeof d->valid_schedule);
      gtk_entry_set_icon_from_icon_name (GTK_ENTRY (d->schedule_entry),
                                         GTK_ENTRY_ICON_SECONDARY, NULL);
      gtk_label_set_text (GTK_LABEL (d->schedule_error), "");
      gtk_widget_hide (d->schedule_error);
    }
  else
    {
      char *message = schedule_error_text (d, text, status, at);

      gtk_entry_set_icon_from_icon_name (GTK_ENTRY (d->schedule_entry),
                                         GTK_ENTRY_ICON_SECONDARY,
                                         "dialog-warning");
      gtk_entry_set_icon_tooltip_text (GTK_ENTRY (d->schedule_entry),
                                       GTK_ENTRY_ICON_SECONDARY, message);
      gtk_label_set_text (GTK_LABEL (d->schedule_error), message);
      gtk_widget_show (d->schedule_error);
      g_free (message);
    }
  update_ok (d);
}

static void
values_to_widgets (Dialog *d)
{
  const JaValues *v = &d->values;

  d->updating = TRUE;
  gtk_adjustment_set_value (d->quality, v->quality);
  gtk_adjustment_set_value (d->generations, v->generations);
  gtk_adjustment_set_value (d->generations_position,
                            generations_to_position (v->generations));
  gtk_adjustment_set_value (d->jitter, v->quality_jitter);
  gtk_adjustment_set_value (d->drift, v->grid_drift);
  gtk_adjustment_set_value (d->seed, v->seed);
  gtk_combo_box_set_active (GTK_COMBO_BOX (d->subsampling), v->subsampling);
  gtk_combo_box_set_active (GTK_COMBO_BOX (d->dct), v->dct);
  gtk_combo_box_set_active (GTK_COMBO_BOX (d->decode_as), v->decode_as);
  gtk_combo_box_set_active (GTK_COMBO_BOX (d->size_for), v->size_for);
  gtk_combo_box_set_active (GTK_COMBO_BOX (d->anchor), v->grid_anchor);
  gtk_combo_box_set_active (GTK_COMBO_BOX (d->transparency), v->transparency);
  gtk_combo_box_set_active (GTK_COMBO_BOX (d->apply_to), v->apply_to);
  gtk_combo_box_set_active (GTK_COMBO_BOX (d->output), v->output);
  gtk_entry_set_text (GTK_ENTRY (d->schedule_entry), v->schedule);
  gtk_adjustment_set_value (d->saturation, v->saturation);
  gtk_adjustment_set_value (d->contrast, v->contrast);
  gtk_adjustment_set_value (d->sharpen, v->sharpen);
  /* Last values from an image that came from a JPEG file do not tick the
   * box for one that did not: it would be stuck, ticked and insensitive. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (d->use_original),
                                v->use_original && d->layer->original != NULL
                                    && d->layer->original->usable);
  if (ja_values_scheduled (v))
    gtk_expander_set_expanded (GTK_EXPANDER (d->schedule_expander), TRUE);
  d->updating = FALSE;
  check_schedule (d);
  update_preset (d);
  update_sensitivity (d);
}

static void
widgets_to_values (Dialog *d)
{
  JaValues *v = &d->values;

  v->quality = (int)gtk_adjustment_get_value (d->quality);
  v->generations = (int)gtk_adjustment_get_value (d->generations);
  v->quality_jitter = (int)gtk_adjustment_get_value (d->jitter);
  v->grid_drift = (int)gtk_adjustment_get_value (d->drift);
  v->seed = (guint32)gtk_adjustment_get_value (d->seed);
  v->subsampling = gtk_combo_box_get_active (GTK_COMBO_BOX (d->subsampling));
  v->dct = gtk_combo_box_get_active (GTK_COMBO_BOX (d->dct));
  v->decode_as = gtk_combo_box_get_active (GTK_COMBO_BOX (d->decode_as));
  v->size_for = gtk_combo_box_get_active (GTK_COMBO_BOX (d->size_for));
  v->grid_anchor = gtk_combo_box_get_active (GTK_COMBO_BOX (d->anchor));
  v->transparency = gtk_combo_box_get_active (GTK_COMBO_BOX (d->transparency));
  v->apply_to = gtk_combo_box_get_active (GTK_COMBO_BOX (d->apply_to));
  v->output = gtk_combo_box_get_active (GTK_COMBO_BOX (d->output));
  g_strlcpy (v->schedule, gtk_entry_get_text (GTK_ENTRY (d->schedule_entry)),
             sizeof v->schedule);
  v->saturation = gtk_adjustment_get_value (d->saturation);
  v->contrast = gtk_adjustment_get_value (d->contrast);
  v->sharpen = gtk_adjustment_get_value (d->sharpen);
  v->use_original
      = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (d->use_original));
}

/* The text of the computation's state, also the preview's badge. */
static char *
progress_text (Dialog *d, const JaWorkerState *state)
{
  int next = MIN (state->done + 1, state->total);

  if (d->finishing)
    return g_strdup_printf (_ ("Finishing… generation %d of %d"), next,
                            state->total);
  return g_strdup_printf (_ ("Computing… generation %d of %d"), next,
                          state->total);
}

/* The generation whose SSIM and file size the read-outs give: for the
 * result, the one the run ended on, else the newest measured one up to
 * the generation the preview shows; 0 when it is not measured (yet). */
static int
stats_generation (Dialog *d, const JaWorkerState *state, gboolean result)
{
  int g;

  if (result)
    return state->done > 0 && state->jpeg_bytes[state->done - 1] > 0
               ? state->done
               : 0;
  if (d->shown_serial != state->serial)
    return 0;
  for (g = MIN (d->shown_generation, state->done); g >= 1; g--)
    if (state->jpeg_bytes[g - 1] > 0)
      return g;
  return 0;
}

/* The SSIM and file size read-outs' texts, into *SSIM and *SIZE. */
static void
stats_texts (Dialog *d, const JaWorkerState *state, char **ssim, char **size)
{
  gboolean result = state->finished && state->status == JART_OK;
  int g = stats_generation (d, state, result);
  const JartImage *image = &d->layer->image;
  const JartGenerationReport *report;
  char *value, *bytes;
  double bits, pixels;

  *ssim = *size = NULL;
  if (g == 0)
    {
      if (result)
        {
          *ssim = g_strdup (_ ("SSIM: measuring…"));
          *size = g_strdup (_ ("File size: measuring…"));
        }
      return;
    }
  value = isnan (state->ssim[g - 1])
              ? g_strdup (_ ("unknown"))
              : g_strdup_printf ("%.4f", state->ssim[g - 1]);
  bytes = g_format_size (state->jpeg_bytes[g - 1]);
  /* Per pixel of the image the generation encoded, its scaled copy for a
     step that shrinks it. */
  report = &state->reports[g - 1];
  pixels = report->encoded_width > 0 && report->encoded_height > 0
               ? (double)report->encoded_width * report->encoded_height
               : (double)image->width * image->height;
  bits = 8.0 * (double)state->jpeg_bytes[g - 1] / pixels;
  if (result)
    {
      *ssim = g_strdup_printf (_ ("SSIM: %s"), value);
      /* TRANSLATORS: the size of the JPEG file, as "182.4 kB", and how
         many bits it takes per pixel. */
      *size = g_strdup_printf (_ ("File size: %s, %.2f bits/pixel"), bytes,
                               bits);
    }
  else
    {
      *ssim = g_strdup_printf (_ ("SSIM of generation %d: %s"), g, value);
      *size = g_strdup_printf (
          _ ("File size of generation %d: %s, %.2f bits/pixel"), g, bytes,
          bits);
    }
  g_free (value);
  g_free (bytes);
}

/* What the generation the preview shows was saved with: its quality (or
 * the original file's tables), subsampling and, for a step that shrinks
 * the image, the size it encoded; NULL while the preview shows no
 * generation of the current run. */
static char *
saved_text (Dialog *d, const JaWorkerState *state)
{
  static const char *const subsamplings[]
      = { "4:4:4", "4:2:2", "4:2:0", "4:4:0", "4:1:1" };
  const JartImage *image = &d->layer->image;
  const JartGenerationReport *report;
  const char *subsampling;
  JartStep step;
  int g = d->shown_generation, dx, dy;
  char *text, *sized;

  if (d->shown_serial != state->serial || g < 1 || g > state->done)
    return NULL;
  report = &state->reports[g - 1];
  jart_schedule_step (&d->settings, g, &step, &dx, &dy);
  if (image->channels < 3)
    subsampling = _ ("gray");
  else if ((unsigned)step.subsampling < G_N_ELEMENTS (subsamplings))
    subsampling = subsamplings[step.subsampling];
  else
    subsampling = "?";
  if (step.quality == 0)
    /* TRANSLATORS: the quantization tables of the JPEG file the image
       was loaded from, in place of a quality; %s is a subsampling such as
       "4:2:0". */
    text = g_strdup_printf (_ ("Generation %d saved with the file's tables, "
                               "%s"),
                            g, subsampling);
  else
    text = g_strdup_printf (_ ("Generation %d saved with quality %d, %s"), g,
                            report->quality, subsampling);
  if (report->encoded_width > 0 && report->encoded_height > 0
      && (report->encoded_width != image->width
          || report->encoded_height != image->height))
    {
      /* TRANSLATORS: what a generation was saved with, and the size of
         the shrunk copy it encoded. */
      sized = g_strdup_printf (_ ("%s, at %d×%d pixels"), text,
                               report->encoded_width, report->encoded_height);
      g_free (text);
      text = sized;
    }
  return text;
}

static void
update_readouts (Dialog *d)
{
  const JaWorkerState *state = ja_worker_get_state (d->worker);
  AtkObject *preview_accessible
      = gtk_widget_get_accessible (GTK_WIDGET (d->preview));
  char *status, *psnr = NULL, *converge = NULL, *description;
  char *ssim, *size, *saved;

  if (!state->finished)
    {
      status = progress_text (d, state);
      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (d->progress),
                                     state->fraction);
      gtk_widget_set_opacity (d->progress, 1.0);
    }
  else
    {
      if (state->status == JART_OK)
        status = g_strdup_printf (_ ("Result ready: generation %d of %d"),
                                  state->total, state->total);
      else
        status = g_strdup_printf (_ ("The result could not be computed: %s"),
                                  jart_strerror (state->status));
      gtk_widget_set_opacity (d->progress, 0.0);
    }

  if (state->done > 0)
    {
      const JartGenerationReport *last = &state->reports[state->done - 1];
      char *value = isfinite (last->psnr)
                        ? g_strdup_printf (_ ("%.2f dB"), last->psnr)
                        : g_strdup (_ ("∞ (identical)"));

      if (state->finished && state->status == JART_OK)
        psnr = g_strdup_printf (_ ("PSNR against the original: %s"), value);
      else
        psnr = g_strdup_printf (_ ("PSNR of generation %d: %s"),
                                last->generation, value);
      g_free (value);
    }
  if (state->finished && state->status == JART_OK
      && state->result.fixed_point > 0)
    {
      int last_change = state->result.fixed_point - 1;

      if (last_change >= 1)
        converge = g_strdup_printf (
            _ ("Converged at generation %d: more generations change nothing "
               "— add drift to keep degrading"),
            last_change);
      else
        converge = g_strdup (_ ("Already converged: one generation changes "
                                "nothing at these settings"));
    }

  gtk_label_set_text (GTK_LABEL (d->status_label), status);
  stats_texts (d, state, &ssim, &size);

  gtk_label_set_text (GTK_LABEL (d->psnr_label), psnr ? psnr : "");
  gtk_label_set_text (GTK_LABEL (d->ssim_label), ssim ? ssim : "");
  gtk_label_set_text (GTK_LABEL (d->size_label), size ? size : "");
  gtk_label_set_text (GTK_LABEL (d->converge_label), converge ? converge : "");
  saved = saved_text (d, state);
  gtk_label_set_text (GTK_LABEL (d->saved_label), saved ? saved : "");
  g_free (saved);
  ja_plot_set_data (d->plot, state->reports, state->ssim, state->jpeg_bytes,
                    state->done, state->total,
                    state->finished ? state->result.fixed_point : 0);

  description = g_strdup_printf ("%s. %s", status, psnr ? psnr : "");
  atk_object_set_description (preview_accessible, description);
  g_free (description);
  g_free (status);
  g_free (psnr);
  g_free (ssim);
  g_free (size);
  g_free (converge);
}

static gboolean
readouts_timeout (gpointer data)
{
  Dialog *d = data;

  d->readouts_timeout = 0;
  d->readouts_time = g_get_monotonic_time ();
  update_readouts (d);
  return G_SOURCE_REMOVE;
}

/* Updates the read-outs now when NOW or when they have not changed for a
 * while, else soon. */
static void
schedule_readouts (Dialog *d, gboolean now)
{
  gint64 elapsed_ms
      = (g_get_monotonic_time () - d->readouts_time) / G_TIME_SPAN_MILLISECOND;

  if (now || elapsed_ms >= READOUTS_INTERVAL_MS)
    {
      if (d->readouts_timeout != 0)
        g_source_remove (d->readouts_timeout);
      readouts_timeout (d);
    }
  else if (d->readouts_timeout == 0)
    d->readouts_timeout = g_timeout_add (
        READOUTS_INTERVAL_MS - (guint)elapsed_ms, readouts_timeout, d);
}

static void
update_grid (Dialog *d)
{
  int quality, dx = d->settings.anchor_x, dy = d->settings.anchor_y;

  if (d->shown_generation > 0)
    jart_schedule (&d->settings, d->shown_generation, &quality, &dx, &dy);
  ja_preview_set_grid (
      d->preview, gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (d->grid)),
      dx, dy);
}

/* The badge over the preview while a run is under way: it says what the
 * preview shows, so that nothing passes for the result before it is. */
static char *
badge_text (Dialog *d, const JaWorkerState *state)
{
  if (state->finished)
    return NULL;
  if (d->shown_serial == state->serial && d->shown_generation > 0)
    return g_strdup_printf (_ ("Generation %d of %d — computing…"),
                            d->shown_generation, state->total);
  if (d->shown_serial != 0)
    return g_strdup (_ ("Previous settings — computing…"));
  return g_strdup (_ ("Original — computing…"));
}

static void
worker_notify (JaWorker *worker, gpointer user_data)
{
  Dialog *d = user_data;
  const JaWorkerState *state = ja_worker_get_state (worker);
  gboolean final = state->finished && state->status == JART_OK;
  char *badge;

  if (state->pixels != NULL
      && (state->serial != d->shown_serial
          || state->pixels_generation != d->shown_generation
          || final != d->shown_final))
    {
      d->shown_serial = state->serial;
      d->shown_generation = state->pixels_generation;
      d->shown_final = final;
      badge = badge_text (d, state);
      ja_preview_set_result (d->preview, state->pixels, FALSE, badge);
      update_grid (d);
    }
  else
    {
      badge = badge_text (d, state);
      ja_preview_set_badge (d->preview, state->serial != d->shown_serial,
                            badge);
    }
  g_free (badge);
  schedule_readouts (d, state->finished || state->done == 0);

  if (d->finishing && state->finished)
    {
      d->finishing = FALSE;
      if (state->status == JART_OK)
        {
          d->accepted = TRUE;
          g_main_loop_quit (d->loop);
        }
      else
        {
          gtk_widget_set_sensitive (d->controls, TRUE);
          gtk_widget_set_sensitive (d->reset_button, TRUE);
          update_ok (d);
        }
    }
}

/* Starts computing the current values; the run under way is cancelled.
 * Called at once on every change, so the state the dialog shows (and
 * reports through the accessibility tree) always belongs to the values
 * the controls show; while the schedule's text does not read, with the
 * last one that did. */
static void
restart (Dialog *d)
{
  const JartImage *image = &d->layer->image;
  JaValues values = d->values;

  if (!d->schedule_ok)
    g_strlcpy (values.schedule, d->valid_schedule, sizeof values.schedule);
  if (ja_values_to_settings (&values, d->layer->original, d->layer->offset_x,
                             d->layer->offset_y, image->channels,
                             d->layer->background, &d->settings)
      != JART_OK)
    {
      values.schedule[0] = '\0';
      ja_values_to_settings (&values, d->layer->original, d->layer->offset_x,
                             d->layer->offset_y, image->channels,
                             d->layer->background, &d->settings);
    }
  ja_worker_set_coding (d->worker, (JartCoding)values.size_for);
  ja_worker_start (d->worker, &d->settings);
  worker_notify (d->worker, d);
}

/* Any control changed; connected with g_signal_connect_swapped, so D
 * comes first and the signal's own arguments are ignored. */
static void
control_changed (Dialog *d)
{
  if (d->updating)
    return;
  widgets_to_values (d);
  check_schedule (d);
  update_preset (d);
  update_sensitivity (d);
  restart (d);
}

static void
generations_position_changed (GtkAdjustment *position, Dialog *d)
{
  int generations
      = position_to_generations (gtk_adjustment_get_value (position));

  if (d->syncing || d->updating)
    return;
  d->syncing = TRUE;
  gtk_adjustment_set_value (d->generations, generations);
  d->syncing = FALSE;
}

static void
generations_changed (GtkAdjustment *generations, Dialog *d)
{
  int value = (int)gtk_adjustment_get_value (generations);

  if (!d->syncing && !d->updating
      && position_to_generations (
             gtk_adjustment_get_value (d->generations_position))
             != value)
    {
      d->syncing = TRUE;
      gtk_adjustment_set_value (d->generations_position,
                                generations_to_position (value));
      d->syncing = FALSE;
    }
  control_changed (d);
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
      update_preset (d);
      return;
    }
  ja_presets_apply (d->presets, i, &d->values);
  values_to_widgets (d);
  restart (d);
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
  set_accessible (entry, _ ("Preset name"),
                  _ ("The name the preset is listed under; saving under the "
                     "name of one of your presets replaces it."));
  label = mnemonic_label (_ ("_Name:"), entry);
  error = readout_label (TRUE, _ ("Preset error"), NULL);

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
          update_preset (d);
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
  update_preset (d);
}

static void
new_seed_clicked (GtkButton *button, Dialog *d)
{
  (void)button;
  gtk_adjustment_set_value (d->seed, g_random_int ());
}

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

static void
grid_toggled (GtkToggleButton *toggle, Dialog *d)
{
  (void)toggle;
  update_grid (d);
}

static void
difference_toggled (GtkToggleButton *toggle, Dialog *d)
{
  ja_preview_set_difference (d->preview,
                             gtk_toggle_button_get_active (toggle));
}

/* Shows the series the selector picks and names the chart after it. */
static void
plot_series_changed (GtkComboBox *combo, Dialog *d)
{
  static const struct
  {
    const char *name;
    const char *tooltip;
  } charts[] = {
    { N_ ("PSNR per generation"),
      N_ ("The PSNR of each generation against the original; a dashed "
          "line where more generations change nothing.") },
    { N_ ("SSIM per generation"),
      N_ ("The SSIM of each generation against the original, for every "
          "generation up to 32 and a sample of the later ones; a dashed "
          "line where more generations change nothing.") },
    { N_ ("File size per generation"),
      N_ ("The size of the JPEG file each generation writes, for every "
          "generation up to 32 and a sample of the later ones; a dashed "
          "line where more generations change nothing.") },
  };
  int series = CLAMP (gtk_combo_box_get_active (combo), 0,
                      (int)G_N_ELEMENTS (charts) - 1);

  ja_plot_set_series (d->plot, (JaPlotSeries)series);
  set_accessible (GTK_WIDGET (d->plot), _ (charts[series].name),
                  _ (charts[series].tooltip));
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

static void
dialog_response (GtkDialog *dialog, int response, Dialog *d)
{
  const JaWorkerState *state;

  (void)dialog;
  switch (response)
    {
    case RESPONSE_RESET:
      ja_values_init (&d->values);
      values_to_widgets (d);
      restart (d);
      return;

    case GTK_RESPONSE_OK:
      if (!d->schedule_ok)
        return;
      state = ja_worker_get_state (d->worker);
      if (d->values.output == JA_OUTPUT_PER_GENERATION || state->finished)
        {
          d->accepted = TRUE;
          g_main_loop_quit (d->loop);
          return;
        }
      d->finishing = TRUE;
      gtk_widget_set_sensitive (d->controls, FALSE);
      gtk_widget_set_sensitive (d->ok_button, FALSE);
      gtk_widget_set_sensitive (d->reset_button, FALSE);
      schedule_readouts (d, TRUE);
      return;

    default:
      d->accepted = FALSE;
      g_main_loop_quit (d->loop);
      return;
    }
}

static GtkWidget *
build_view_bar (Dialog *d)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
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

  d->zoom = gtk_combo_box_text_new ();
  for (i = 0; i < G_N_ELEMENTS (zooms); i++)
    gtk_combo_box_text_append (GTK_COMBO_BOX_TEXT (d->zoom), zooms[i].id,
                               _ (zooms[i].text));
  gtk_combo_box_set_active_id (GTK_COMBO_BOX (d->zoom), "100");
  set_accessible (d->zoom, _ ("Zoom"),
                  /* xgettext:no-c-format */
                  _ ("The preview's magnification; above 100 % every layer "
                     "pixel is a sharp square, so the 8×8 blocks show. "
                     "Ctrl+scroll and the + and - keys zoom too."));
  label = mnemonic_label (_ ("_Zoom:"), d->zoom);
  gtk_box_pack_start (GTK_BOX (bar), label, FALSE, FALSE, 0);
  gtk_box_pack_start (GTK_BOX (bar), d->zoom, FALSE, FALSE, 0);
  g_signal_connect (d->zoom, "changed", G_CALLBACK (zoom_changed), d);

  d->split = gtk_check_button_new_with_mnemonic (_ ("_Split before/after"));
  set_accessible (d->split, _ ("Before/after split"),
                  _ ("Shows the original left of a divider and the result "
                     "right of it; drag the divider to compare."));
  gtk_box_pack_start (GTK_BOX (bar), d->split, FALSE, FALSE, 0);
  g_signal_connect (d->split, "toggled", G_CALLBACK (split_toggled), d);

  d->grid = gtk_check_button_new_with_mnemonic (_ ("8×8 gr_id"));
  set_accessible (d->grid, _ ("8×8 grid"),
                  _ ("Draws the 8×8 block grid the last generation was "
                     "encoded on."));
  gtk_box_pack_start (GTK_BOX (bar), d->grid, FALSE, FALSE, 0);
  g_signal_connect (d->grid, "toggled", G_CALLBACK (grid_toggled), d);

  /* TRANSLATORS: a check box of the preview; Alt+8 toggles it. */
  d->difference = gtk_check_button_new_with_mnemonic (_ ("Difference ×_8"));
  set_accessible (
      d->difference, _ ("Difference view"),
      _ ("Shows, in place of the result, how much each colour channel "
         "differs from the original, amplified eight times: black where "
         "nothing changed."));
  gtk_box_pack_start (GTK_BOX (bar), d->difference, FALSE, FALSE, 0);
  g_signal_connect (d->difference, "toggled", G_CALLBACK (difference_toggled),
                    d);

  button = gtk_button_new_with_mnemonic (_ ("Sho_w original"));
  set_accessible (button, _ ("Show original"),
                  _ ("Shows the original layer for as long as the button is "
                     "held down."));
  gtk_box_pack_end (GTK_BOX (bar), button, FALSE, FALSE, 0);
  g_signal_connect (button, "pressed", G_CALLBACK (original_pressed), d);
  g_signal_connect (button, "released", G_CALLBACK (original_released), d);
  return bar;
}

static GtkWidget *
build_preview_side (Dialog *d)
{
  const JaDialogLayer *layer = d->layer;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *frame, *status_box, *quality_box, *plot_bar, *label;

  gtk_box_pack_start (GTK_BOX (box), build_view_bar (d), FALSE, FALSE, 0);

  d->preview = JA_PREVIEW (ja_preview_new (
      &layer->image, layer->selection, layer->check_size, layer->check_type));
  set_accessible (GTK_WIDGET (d->preview), _ ("Preview"), NULL);
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

  status_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  d->status_label = readout_label (FALSE, _ ("Status"), NULL);

  d->progress = gtk_progress_bar_new ();
  gtk_widget_set_valign (d->progress, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (d->progress, 120, -1);
  set_accessible (d->progress, _ ("Progress"), NULL);
  gtk_box_pack_start (GTK_BOX (status_box), d->status_label, TRUE, TRUE, 0);
  gtk_box_pack_end (GTK_BOX (status_box), d->progress, FALSE, FALSE, 0);
  gtk_box_pack_start (GTK_BOX (box), status_box, FALSE, FALSE, 0);

  d->psnr_label = readout_label (
      FALSE, _ ("PSNR"),
      _ ("Peak signal-to-noise ratio of the result against the "
         "original, over the colour channels: higher is closer."));
  gtk_label_set_selectable (GTK_LABEL (d->psnr_label), FALSE);
  d->ssim_label = readout_label (
      FALSE, _ ("SSIM"),
      _ ("Structural similarity of the result's luma to the "
         "original's, from 1 for identical down: it follows "
         "what the eye notices better than the PSNR. Measured "
         "after the result is shown."));

  quality_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  gtk_box_pack_start (GTK_BOX (quality_box), d->psnr_label, FALSE, FALSE, 0);
  gtk_box_pack_start (GTK_BOX (quality_box), d->ssim_label, FALSE, FALSE, 0);
  gtk_box_pack_start (GTK_BOX (box), quality_box, FALSE, FALSE, 0);

  d->size_label = readout_label (
      FALSE, _ ("File size"),
      _ ("The size of the JPEG file the last generation writes, "
         "coded as the chooser next to it says, every marker of a "
         "bare file counted (metadata such as the ICC profile, "
         "Exif and XMP GIMP adds are not; 1 kB is 1000 bytes), and "
         "the bits it takes per pixel. Measured after the result "
         "is shown."));
  d->size_for = gtk_combo_box_text_new ();
  gtk_combo_box_text_append_text (GTK_COMBO_BOX_TEXT (d->size_for),
                                  _ ("Baseline, standard tables"));
  gtk_combo_box_text_append_text (GTK_COMBO_BOX_TEXT (d->size_for),
                                  _ ("Optimized"));
  gtk_combo_box_text_append_text (GTK_COMBO_BOX_TEXT (d->size_for),
                                  _ ("As GIMP exports it (progressive)"));
  set_accessible (d->size_for, _ ("File coded as"),
                  _ ("Whose file the size is: libjpeg-turbo's default "
                     "(baseline, standard Huffman tables), with optimized "
                     "tables, or progressive and optimized, as GIMP's JPEG "
                     "export writes it by default."));

  d->plot_series = gtk_combo_box_text_new ();
  gtk_combo_box_text_append_text (GTK_COMBO_BOX_TEXT (d->plot_series),
                                  _ ("PSNR"));
  gtk_combo_box_text_append_text (GTK_COMBO_BOX_TEXT (d->plot_series),
                                  _ ("SSIM"));
  gtk_combo_box_text_append_text (GTK_COMBO_BOX_TEXT (d->plot_series),
                                  _ ("File size"));
  set_accessible (d->plot_series, _ ("Plotted value"),
                  _ ("Which value the chart shows for each generation: the "
                     "PSNR, the SSIM or the JPEG file size."));
  label = mnemonic_label (_ ("P_lot:"), d->plot_series);
  /* The file size, and at the row's end the chart's selector. */
  plot_bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_pack_start (GTK_BOX (plot_bar), d->size_label, FALSE, FALSE, 0);
  gtk_box_pack_start (GTK_BOX (plot_bar), d->size_for, FALSE, FALSE, 0);
  gtk_box_pack_end (GTK_BOX (plot_bar), d->plot_series, FALSE, FALSE, 0);
  gtk_box_pack_end (GTK_BOX (plot_bar), label, FALSE, FALSE, 0);
  gtk_box_pack_start (GTK_BOX (box), plot_bar, FALSE, FALSE, 0);

  d->saved_label = readout_label (
      FALSE, _ ("Generation settings"),
      _ ("What the generation the preview shows was saved with: "
         "its quality, or the tables of the file the image was "
         "loaded from, its subsampling and, when a schedule "
         "shrinks it, the size it was encoded at."));

  gtk_box_pack_start (GTK_BOX (box), d->saved_label, FALSE, FALSE, 0);

  d->converge_label = readout_label (TRUE, _ ("Convergence"), NULL);

  gtk_box_pack_start (GTK_BOX (box), d->converge_label, FALSE, FALSE, 0);

  d->plot = JA_PLOT (ja_plot_new ());
  gtk_box_pack_start (GTK_BOX (box), GTK_WIDGET (d->plot), FALSE, FALSE, 0);
  g_signal_connect (d->plot_series, "changed",
                    G_CALLBACK (plot_series_changed), d);
  gtk_combo_box_set_active (GTK_COMBO_BOX (d->plot_series), JA_PLOT_PSNR);
  return box;
}

/* The preset rows at the top of GRID from ROW on: the combo, its
 * description, Save… and Delete.  Returns the next row. */
static int
build_presets (Dialog *d, GtkGrid *grid, int row)
{
  GtkWidget *label, *buttons;
  GError *error = NULL;
  const char *tooltip
      = _ ("Named settings to start from: the built-in looks, then your "
           "own. Changing a control of the look afterwards makes it "
           "Custom.");

  d->presets = ja_presets_new (d->layer->presets_file, &error);

  d->preset_combo = gtk_combo_box_text_new ();
  set_accessible (d->preset_combo, _ ("Preset"), tooltip);
  label = mnemonic_label (_ ("Pr_eset:"), d->preset_combo);
  gtk_widget_set_tooltip_text (label, tooltip);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, d->preset_combo, 1, row, 2, 1);
  row++;
  fill_presets (d);

  d->preset_description = readout_label (TRUE, _ ("Preset description"), NULL);
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
      set_accessible (d->preset_save, _ ("Save preset"),
                      _ ("Saves the current look (everything above the "
                         "Layer options but the seed) as one of your "
                         "presets."));
      set_accessible (d->preset_delete, _ ("Delete preset"),
                      _ ("Deletes the preset shown, one of your own; the "
                         "controls keep its values."));
    }
  else
    {
      const char *why = _ ("There is no file to keep your presets in.");

      set_accessible (d->preset_save, _ ("Save preset"), why);
      set_accessible (d->preset_delete, _ ("Delete preset"), why);
    }
  gtk_box_pack_end (GTK_BOX (buttons), d->preset_delete, FALSE, FALSE, 0);
  gtk_box_pack_end (GTK_BOX (buttons), d->preset_save, FALSE, FALSE, 0);
  gtk_grid_attach (grid, buttons, 1, row, 2, 1);
  row++;

  d->preset_message = readout_label (TRUE, _ ("Presets message"), NULL);
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
static GtkWidget *
build_schedule (Dialog *d)
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
  set_accessible (d->schedule_entry, _ ("Schedule"), schedule_tooltip);
  label = mnemonic_label (_ ("Sc_hedule:"), d->schedule_entry);
  gtk_widget_set_tooltip_text (label, schedule_tooltip);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, d->schedule_entry, 1, row, 2, 1);
  row++;

  d->schedule_error = readout_label (TRUE, _ ("Schedule error"), NULL);
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
  add_slider_row (grid, row++, _ ("Saturation:"), _ ("Saturation"),
                  _ ("Before every save, each colour moves away from its "
                     "pixel's gray by this factor, as deep-fry tools do: 1 "
                     "keeps the colours, 0 makes them gray."),
                  d->saturation, d->saturation, ADJUST_DIGITS, NULL);
  add_slider_row (grid, row++, _ ("Contrast:"), _ ("Contrast"),
                  _ ("Before every save, each channel moves away from middle "
                     "gray by this factor: 1 keeps the contrast, more makes "
                     "it harsher."),
                  d->contrast, d->contrast, ADJUST_DIGITS, NULL);
  add_slider_row (grid, row++, _ ("Sharpen:"), _ ("Sharpen"),
                  _ ("Before every save, an unsharp mask of this amount: 0 "
                     "keeps the image; sharpening before each save makes the "
                     "artifacts crunchier."),
                  d->sharpen, d->sharpen, ADJUST_DIGITS, NULL);

  usable = original_texts (d->layer->original, &text, &tooltip);
  d->use_original = gtk_check_button_new_with_label (text);
  set_accessible (d->use_original, text, tooltip);
  gtk_widget_set_sensitive (d->use_original, usable);
  gtk_grid_attach (grid, d->use_original, 0, row, 3, 1);
  row++;
  g_free (text);
  g_free (tooltip);

  g_signal_connect_swapped (d->schedule_entry, "changed",
                            G_CALLBACK (control_changed), d);
  g_signal_connect_swapped (d->saturation, "value-changed",
                            G_CALLBACK (control_changed), d);
  g_signal_connect_swapped (d->contrast, "value-changed",
                            G_CALLBACK (control_changed), d);
  g_signal_connect_swapped (d->sharpen, "value-changed",
                            G_CALLBACK (control_changed), d);
  g_signal_connect_swapped (d->use_original, "toggled",
                            G_CALLBACK (control_changed), d);

  title = gtk_label_new (NULL);
  markup = g_markup_printf_escaped ("<b>%s</b>", _ ("Schedule and deep-fry"));
  gtk_label_set_markup (GTK_LABEL (title), markup);
  g_free (markup);
  d->schedule_expander = gtk_expander_new (NULL);
  gtk_expander_set_label_widget (GTK_EXPANDER (d->schedule_expander), title);
  set_accessible (d->schedule_expander, _ ("Schedule and deep-fry"),
                  _ ("A different save for each generation, and colour "
                     "changes before every save."));
  gtk_widget_set_margin_top (d->schedule_expander, 10);
  gtk_container_add (GTK_CONTAINER (d->schedule_expander), grid_widget);
  return d->schedule_expander;
}

static GtkWidget *
build_controls (Dialog *d)
{
  GtkWidget *widget = gtk_grid_new ();
  GtkGrid *grid = GTK_GRID (widget);
  GtkWidget *label;
  int row = 0;
  static const char *const subsampling[] = {
    N_ ("4:4:4 (all colour detail)"),
    N_ ("4:2:2 (colour halved across)"),
    N_ ("4:2:0 (colour quartered)"),
    N_ ("4:4:0 (colour halved down)"),
    N_ ("4:1:1 (colour a quarter across)"),
  };
  static const char *const dct[] = {
    N_ ("Integer (accurate)"),
    N_ ("Fast integer"),
    N_ ("Floating point"),
  };
  static const char *const decode_as[] = {
    N_ ("Viewers (libjpeg-turbo)"),
    N_ ("GIMP"),
  };
  static const char *const anchor[] = {
    N_ ("Image origin (as exported)"),
    N_ ("Layer origin"),
  };
  static const char *const transparency[] = {
    N_ ("Encode the layer's own colours"),
    N_ ("Flatten on the background colour"),
  };
  static const char *const apply_to[] = {
    N_ ("This layer"),
    N_ ("This layer and its linked layers"),
  };
  static const char *const output[] = {
    N_ ("Replace the layer"),
    N_ ("New layer above it"),
    N_ ("One new layer per generation"),
    N_ ("Difference as a new layer"),
  };

  gtk_grid_set_row_spacing (grid, 6);
  gtk_grid_set_column_spacing (grid, 8);

  d->quality
      = gtk_adjustment_new (75, JART_QUALITY_MIN, JART_QUALITY_MAX, 1, 10, 0);
  d->generations = gtk_adjustment_new (1, JART_GENERATIONS_MIN,
                                       JART_GENERATIONS_MAX, 1, 10, 0);
  d->generations_position
      = gtk_adjustment_new (0, 0, GEN_SLIDER_RANGE, 10, 100, 0);
  d->jitter = gtk_adjustment_new (0, 0, JART_QUALITY_JITTER_MAX, 1, 5, 0);
  d->drift = gtk_adjustment_new (0, 0, JART_GRID_DRIFT_MAX, 1, 1, 0);
  d->seed = gtk_adjustment_new (0, 0, G_MAXUINT32, 1, 1000, 0);

  row = build_presets (d, grid, row);

  add_heading (grid, row++, _ ("Saving"));
  add_slider_row (grid, row++, _ ("_Quality:"), _ ("Quality"),
                  _ ("The JPEG quality each generation is saved with, as in "
                     "GIMP's JPEG export: lower values give coarser blocks "
                     "and more ringing."),
                  d->quality, d->quality, 0, d->quality_row);
  {
    GtkWidget *scale = add_slider_row (
        grid, row++, _ ("_Generations:"), _ ("Generations"),
        _ ("How many times the layer is saved as a JPEG and opened again, "
           "each time from the previous result. The slider gives the small "
           "counts most of its length."),
        d->generations_position, d->generations, 0, NULL);
    static const int marks[] = { 1, 10, 100, 1000 };
    unsigned i;

    for (i = 0; i < G_N_ELEMENTS (marks); i++)
      {
        char text[8];

        g_snprintf (text, sizeof text, "%d", marks[i]);
        gtk_scale_add_mark (GTK_SCALE (scale),
                            generations_to_position (marks[i]), GTK_POS_BOTTOM,
                            text);
      }
  }
  d->subsampling = add_combo_row (
      grid, row++, _ ("S_ubsampling:"), _ ("Subsampling"),
      _ ("How much colour detail each save keeps: 4:4:4 all of it, 4:2:0 "
         "(GIMP's default) a quarter. Gray layers have no colour to "
         "subsample."),
      subsampling, G_N_ELEMENTS (subsampling));
  d->dct = add_combo_row (
      grid, row++, _ ("_DCT method:"), _ ("DCT method"),
      _ ("The encoder's discrete cosine transform, as GIMP's JPEG export "
         "offers them: the accurate integer one (its default), the fast "
         "one of quicker encoders, or floating point (as libjpeg-turbo "
         "computes it on x86-64 processors)."),
      dct, G_N_ELEMENTS (dct));
  d->decode_as = add_combo_row (
      grid, row++, _ ("D_ecode as:"), _ ("Decode as"),
      _ ("Whose decoder opens each saved generation: libjpeg-turbo's "
         "default, as browsers and most viewers decode, or GIMP's own JPEG "
         "loader (the floating-point inverse DCT), so that the result is "
         "what exporting and opening the file in GIMP gives. The two differ "
         "by a level or a few in some pixels."),
      decode_as, G_N_ELEMENTS (decode_as));

  add_heading (grid, row++, _ ("Drift"));
  add_slider_row (grid, row++, _ ("Quality _jitter:"), _ ("Quality jitter"),
                  _ ("Each generation is saved with a quality up to this "
                     "much above or below Quality, as when different "
                     "programs re-save an image."),
                  d->jitter, d->jitter, 0, NULL);
  add_slider_row (grid, row++, _ ("Grid dri_ft:"), _ ("Grid drift"),
                  _ ("Each generation's 8×8 grid moves by up to this many "
                     "pixels, as when an image is cropped between saves; "
                     "without drift, repeated saves soon change nothing."),
                  d->drift, d->drift, 0, NULL);
  d->seed_spin = gtk_spin_button_new (d->seed, 1, 0);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (d->seed_spin), TRUE);
  gtk_entry_set_activates_default (GTK_ENTRY (d->seed_spin), TRUE);
  gtk_widget_set_hexpand (d->seed_spin, TRUE);
  set_accessible (d->seed_spin, _ ("Seed"),
                  _ ("Where the random jitter and drift start: the same seed "
                     "gives the same result."));
  label = mnemonic_label (_ ("S_eed:"), d->seed_spin);
  d->seed_button = gtk_button_new_with_mnemonic (_ ("_New seed"));
  set_accessible (d->seed_button, _ ("New seed"),
                  _ ("Picks a new random seed."));
  g_signal_connect (d->seed_button, "clicked", G_CALLBACK (new_seed_clicked),
                    d);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, d->seed_spin, 1, row, 1, 1);
  gtk_grid_attach (grid, d->seed_button, 2, row, 1, 1);
  row++;

  gtk_grid_attach (grid, build_schedule (d), 0, row++, 3, 1);

  add_heading (grid, row++, _ ("Layer"));
  d->anchor = add_combo_row (
      grid, row++, _ ("Grid _anchor:"), _ ("Grid anchor"),
      _ ("Where the 8×8 grid starts: at the image's origin, where exporting "
         "the image would put it, or at the layer's own corner."),
      anchor, G_N_ELEMENTS (anchor));
  d->transparency = add_combo_row (
      grid, row++, _ ("_Transparency:"), _ ("Transparency"),
      _ ("What the encoder sees under transparent pixels: the layer's own "
         "colours, or the layer flattened on the background colour. Alpha "
         "itself is never changed."),
      transparency, G_N_ELEMENTS (transparency));
  d->apply_to = add_combo_row (
      grid, row++, _ ("Appl_y to:"), _ ("Apply to"),
      _ ("Degrade this layer only, or also every layer linked to it."),
      apply_to, G_N_ELEMENTS (apply_to));
  d->output = add_combo_row (
      grid, row++, _ ("Out_put:"), _ ("Output"),
      _ ("Replace the layer's pixels, add the result as a new layer above "
         "it, add one new layer per generation, or add a layer of the "
         "difference: how much each channel changed, amplified eight "
         "times."),
      output, G_N_ELEMENTS (output));

  g_signal_connect_swapped (d->quality, "value-changed",
                            G_CALLBACK (control_changed), d);
  g_signal_connect (d->generations_position, "value-changed",
                    G_CALLBACK (generations_position_changed), d);
  g_signal_connect (d->generations, "value-changed",
                    G_CALLBACK (generations_changed), d);
  g_signal_connect_swapped (d->jitter, "value-changed",
                            G_CALLBACK (control_changed), d);
  g_signal_connect_swapped (d->drift, "value-changed",
                            G_CALLBACK (control_changed), d);
  g_signal_connect_swapped (d->seed, "value-changed",
                            G_CALLBACK (control_changed), d);
  g_signal_connect_swapped (d->subsampling, "changed",
                            G_CALLBACK (control_changed), d);
  g_signal_connect_swapped (d->dct, "changed", G_CALLBACK (control_changed),
                            d);
  g_signal_connect_swapped (d->decode_as, "changed",
                            G_CALLBACK (control_changed), d);
  g_signal_connect_swapped (d->size_for, "changed",
                            G_CALLBACK (control_changed), d);
  g_signal_connect_swapped (d->anchor, "changed", G_CALLBACK (control_changed),
                            d);
  g_signal_connect_swapped (d->transparency, "changed",
                            G_CALLBACK (control_changed), d);
  g_signal_connect_swapped (d->apply_to, "changed",
                            G_CALLBACK (control_changed), d);
  g_signal_connect_swapped (d->output, "changed", G_CALLBACK (control_changed),
                            d);
  return widget;
}

static void
build_dialog (Dialog *d, const JaDialogGeometry *geometry)
{
  GtkWidget *content, *paned, *preview_side, *area, *scrolled;
  char *title;

  if (d->layer->image_name != NULL)
    title = g_strdup_printf (_ ("JPEG Artifacts – %s"), d->layer->image_name);
  else
    title = g_strdup (_ ("JPEG Artifacts"));
  d->dialog = gtk_dialog_new ();
  gtk_window_set_title (GTK_WINDOW (d->dialog), title);
  gtk_window_set_role (GTK_WINDOW (d->dialog), "gimp-jpeg-artifacts");
  gtk_window_set_default_size (
      GTK_WINDOW (d->dialog),
      geometry && geometry->width > 0 ? geometry->width : 1040,
      geometry && geometry->height > 0 ? geometry->height : 700);
  g_free (title);

  d->reset_button = gtk_dialog_add_button (GTK_DIALOG (d->dialog),
                                           _ ("_Reset"), RESPONSE_RESET);
  set_accessible (d->reset_button, NULL,
                  _ ("Sets every control back to its default value."));
  area = gtk_widget_get_parent (d->reset_button);
  if (GTK_IS_BUTTON_BOX (area))
    gtk_button_box_set_child_secondary (GTK_BUTTON_BOX (area), d->reset_button,
                                        TRUE);
  gtk_dialog_add_button (GTK_DIALOG (d->dialog), _ ("_Cancel"),
                         GTK_RESPONSE_CANCEL);
  d->ok_button = gtk_dialog_add_button (GTK_DIALOG (d->dialog), _ ("_OK"),
                                        GTK_RESPONSE_OK);
  gtk_widget_set_tooltip_text (
      d->ok_button, _ ("Applies the result the preview shows to the layer."));
  gtk_dialog_set_default_response (GTK_DIALOG (d->dialog), GTK_RESPONSE_OK);

  content = gtk_dialog_get_content_area (GTK_DIALOG (d->dialog));
  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_container_set_border_width (GTK_CONTAINER (paned), 6);
  preview_side = build_preview_side (d);
  gtk_widget_set_margin_end (preview_side, 6);
  d->controls = build_controls (d);
  gtk_widget_set_margin_start (d->controls, 6);
  gtk_widget_set_margin_end (d->controls, 12);
  /* The controls scroll when the schedule's expander makes them taller
     than the window; the focused one scrolls into view. */
  scrolled = gtk_scrolled_window_new (NULL, NULL);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_width (
      GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_container_add (GTK_CONTAINER (scrolled), d->controls);
  gtk_viewport_set_shadow_type (
      GTK_VIEWPORT (gtk_bin_get_child (GTK_BIN (scrolled))), GTK_SHADOW_NONE);
  gtk_container_set_focus_vadjustment (
      GTK_CONTAINER (d->controls),
      gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)));
  gtk_paned_pack1 (GTK_PANED (paned), preview_side, TRUE, FALSE);
  gtk_paned_pack2 (GTK_PANED (paned), scrolled, FALSE, FALSE);
  gtk_box_pack_start (GTK_BOX (content), paned, TRUE, TRUE, 0);

  if (geometry != NULL)
    {
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (d->split),
                                    geometry->split);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (d->grid),
                                    geometry->grid);
      ja_preview_set_split_position (d->preview, geometry->split_position);
    }

  g_signal_connect (d->dialog, "response", G_CALLBACK (dialog_response), d);
}

/* Places the window where it was, if that is still on a monitor. */
static void
restore_position (Dialog *d, const JaDialogGeometry *geometry)
{
  GdkDisplay *display = gtk_widget_get_display (d->dialog);
  GdkMonitor *monitor;
  GdkRectangle area;

  if (geometry == NULL || geometry->x < 0 || geometry->y < 0)
    {
      gtk_window_set_position (GTK_WINDOW (d->dialog), GTK_WIN_POS_CENTER);
      return;
    }
  monitor = gdk_display_get_monitor_at_point (display, geometry->x + 40,
                                              geometry->y + 40);
  if (monitor == NULL)
    return;
  gdk_monitor_get_workarea (monitor, &area);
  if (geometry->x + 40 < area.x + area.width
      && geometry->y + 40 < area.y + area.height)
    gtk_window_move (GTK_WINDOW (d->dialog), geometry->x, geometry->y);
  else
    gtk_window_set_position (GTK_WINDOW (d->dialog), GTK_WIN_POS_CENTER);
}

/* Keeps the dialog above GIMP's image window.  Returns the foreign window
 * to release when the dialog closes, or NULL. */
static GdkWindow *
set_transient (Dialog *d)
{
#ifdef GDK_WINDOWING_X11
  GdkDisplay *display = gtk_widget_get_display (d->dialog);
  GdkWindow *parent;

  if (d->layer->transient_xid == 0 || !GDK_IS_X11_DISPLAY (display))
    return NULL;
  parent = gdk_x11_window_foreign_new_for_display (
      display, (Window)d->layer->transient_xid);
  if (parent != NULL)
    gdk_window_set_transient_for (gtk_widget_get_window (d->dialog), parent);
  return parent;
#else
  (void)d;
  return NULL;
#endif
}

gboolean
ja_dialog_run (const JaDialogLayer *layer, JaValues *values,
               JaDialogGeometry *geometry, guint8 **result_out)
{
  Dialog d = { 0 };
  GdkWindow *parent;

  if (result_out != NULL)
    *result_out = NULL;
  g_return_val_if_fail (jart_image_check (&layer->image) == JART_OK, FALSE);

  d.layer = layer;
  d.values = *values;
  g_object_set (gtk_settings_get_default (),
                "gtk-application-prefer-dark-theme", layer->dark_theme, NULL);

  build_dialog (&d, geometry);
  values_to_widgets (&d);
  restore_position (&d, geometry);
  gtk_widget_realize (d.dialog);
  parent = set_transient (&d);
  gtk_widget_show_all (d.dialog);
  /* Return presses OK, as in GIMP's dialogs: the first control takes the
   * focus (the Quality spin button activates the default), not the
   * preview's zoom combo, whose list Return would open. */
  if (gtk_widget_is_sensitive (d.quality_row[2]))
    gtk_widget_grab_focus (d.quality_row[2]);
  else
    gtk_widget_grab_focus (d.ok_button);

  d.worker = ja_worker_new (&layer->image, worker_notify, &d);
  d.loop = g_main_loop_new (NULL, FALSE);
  restart (&d);
  g_main_loop_run (d.loop);

  if (geometry != NULL)
    {
      gtk_window_get_position (GTK_WINDOW (d.dialog), &geometry->x,
                               &geometry->y);
      gtk_window_get_size (GTK_WINDOW (d.dialog), &geometry->width,
                           &geometry->height);
      geometry->split
          = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (d.split));
      geometry->grid
          = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (d.grid));
      geometry->split_position = ja_preview_get_split_position (d.preview);
    }
  if (d.accepted)
    {
      *values = d.values;
      if (result_out != NULL && d.values.output != JA_OUTPUT_PER_GENERATION)
        *result_out = ja_worker_steal_result (d.worker);
    }

  ja_worker_free (d.worker);
  ja_presets_free (d.presets);
  if (d.readouts_timeout != 0)
    g_source_remove (d.readouts_timeout);
  gtk_widget_destroy (d.dialog);
  if (parent != NULL)
    g_object_unref (parent);
  g_main_loop_unref (d.loop);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  return d.accepted;
}
