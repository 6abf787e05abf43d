/* dialog.c: the filter's dialog (see dialog.h), its life cycle and the
 * values ↔ widgets half.  It lays out the preview side (dialog-view.c,
 * with the read-outs of dialog-readouts.c) on the left and the filter's
 * parameters on the right: the presets (dialog-presets.c) at the top, the
 * sliders and combos, the schedule's expander (dialog-schedule.c).  It keeps
 * a JaValues in step with the controls and restarts the background
 * computation (worker.c) whenever a parameter changes.  The preview only
 * ever shows pixels the codec finished for the current parameters, or,
 * veiled and labelled, the previous ones while the new ones are computed.
 * OK hands over the result the preview shows; when it is not finished yet,
 * OK waits for it with the dialog still responsive, so Cancel keeps
 * working.  Where the window opens and how it fits its monitor is
 * dialog-place.c's.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/gdkx.h>
#endif

#include "dialog-private.h"

/* The Generations slider is logarithmic: position 0..GEN_SLIDER_RANGE maps
 * to 1..1000 generations, so 1 to 10 take a third of its length. */
#define GEN_SLIDER_RANGE 1000.0

#define RESPONSE_RESET 1

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
  geometry->on_canvas = 0;
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

/* Nonzero when the original file's settings replace Quality and
 * Subsampling. */
static gboolean
original_in_use (Dialog *d)
{
  const JaOriginal *original = d->layer->original;

  return d->values.use_original && original != NULL && original->present
         && original->usable;
}

void
ja_dialog_update_ok (Dialog *d)
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

void
ja_dialog_values_to_widgets (Dialog *d)
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
  ja_dialog_check_schedule (d);
  ja_dialog_update_preset (d);
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

/* The badge over the preview while a run is under way: it says what the
 * preview shows, so that nothing passes for the result before it is. */
static char *
badge_text (Dialog *d, const JaWorkerState *state)
{
  if (state->finished)
    return NULL;
  if (d->shown.serial == state->serial && d->shown.generation > 0)
    return g_strdup_printf (_ ("Generation %d of %d — computing…"),
                            d->shown.generation, state->total);
  if (d->shown.serial != 0)
    return g_strdup (_ ("Previous settings — computing…"));
  return g_strdup (_ ("Original — computing…"));
}

static void
worker_notify (JaWorker *worker, gpointer user_data)
{
  Dialog *d = user_data;
  const JaWorkerState *state = ja_worker_get_state (worker);
  char *badge;

  if (ja_worker_shown_update (&d->shown, state))
    {
      badge = badge_text (d, state);
      ja_preview_set_result (d->preview, state->pixels, FALSE, badge);
      ja_dialog_update_grid (d);
    }
  else
    {
      badge = badge_text (d, state);
      ja_preview_set_badge (d->preview, state->serial != d->shown.serial,
                            badge);
    }
  g_free (badge);
  ja_dialog_schedule_readouts (d, state->finished || state->done == 0);
  ja_dialog_update_canvas (d);

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
          ja_dialog_update_ok (d);
        }
    }
}

void
ja_dialog_update_canvas (Dialog *d)
{
  const JaWorkerState *state;
  gboolean on;

  if (d->on_canvas == NULL)
    return;
  on = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (d->on_canvas));
  if (!on)
    {
      if (d->canvas_serial != 0)
        {
          d->canvas_serial = 0;
          d->layer->canvas_preview (NULL, NULL, d->layer->canvas_data);
        }
      return;
    }
  if (d->worker == NULL)
    return; /* the first result comes from the worker */
  state = ja_worker_get_state (d->worker);
  if (state->finished && state->status == JART_OK && state->pixels != NULL
      && state->serial != d->canvas_serial)
    {
      d->canvas_serial = state->serial;
      d->layer->canvas_preview (state->pixels, &d->values,
                                d->layer->canvas_data);
    }
}

/* Zeroes TEXT's bytes after its NUL, up to SIZE. */
static void
blank_after_end (char *text, size_t size)
{
  char *end = memchr (text, '\0', size);

  if (end != NULL)
    memset (end, 0, size - (size_t)(end - text));
}

/* Starts computing the current values; the run under way is cancelled.
 * Called at once on every change, so the state the dialog shows (and
 * reports through the accessibility tree) always belongs to the values
 * the controls show; while the schedule's text does not read, with the
 * last one that did.  The values of the run under way or finished start
 * nothing again: a schedule typed letter by letter that does not read
 * yet keeps its run. */
void
ja_dialog_restart (Dialog *d)
{
  const JartImage *image = &d->layer->image;
  JaValues values = d->values;

  if (!d->schedule_ok)
    g_strlcpy (values.schedule, d->valid_schedule, sizeof values.schedule);
  /* Text fields compared as bytes: nothing after their end counts. */
  blank_after_end (values.schedule, sizeof values.schedule);
  blank_after_end (values.preset, sizeof values.preset);
  if (d->has_started && memcmp (&values, &d->started, sizeof values) == 0)
    return;
  d->started = values;
  d->has_started = TRUE;
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
void
ja_dialog_control_changed (Dialog *d)
{
  if (d->updating)
    return;
  widgets_to_values (d);
  ja_dialog_check_schedule (d);
  ja_dialog_update_preset (d);
  update_sensitivity (d);
  ja_dialog_restart (d);
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
  ja_dialog_control_changed (d);
}

static void
new_seed_clicked (GtkButton *button, Dialog *d)
{
  (void)button;
  gtk_adjustment_set_value (d->seed, g_random_int ());
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
      ja_dialog_values_to_widgets (d);
      ja_dialog_restart (d);
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
      ja_dialog_schedule_readouts (d, TRUE);
      return;

    default:
      d->accepted = FALSE;
      g_main_loop_quit (d->loop);
      return;
    }
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
    N_ ("Non-destructive filter"),
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

  row = ja_dialog_build_presets (d, grid, row);

  ja_widgets_add_heading (grid, row++, _ ("Saving"));
  ja_widgets_add_slider_row (
      grid, row++, _ ("_Quality:"), _ ("Quality"),
      _ ("The JPEG quality each generation is saved with, as in "
         "GIMP's JPEG export: lower values give coarser blocks "
         "and more ringing."),
      d->quality, d->quality, 0, d->quality_row);
  {
    GtkWidget *scale = ja_widgets_add_slider_row (
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
  d->subsampling = ja_widgets_add_combo_row (
      grid, row++, _ ("S_ubsampling:"), _ ("Subsampling"),
      _ ("How much colour detail each save keeps: 4:4:4 all of it, 4:2:0 "
         "(GIMP's default) a quarter. Gray layers have no colour to "
         "subsample."),
      subsampling, G_N_ELEMENTS (subsampling));
  d->dct = ja_widgets_add_combo_row (
      grid, row++, _ ("_DCT method:"), _ ("DCT method"),
      _ ("The encoder's discrete cosine transform, as GIMP's JPEG export "
         "offers them: the accurate integer one (its default), the fast "
         "one of quicker encoders, or floating point (as libjpeg-turbo "
         "computes it on x86-64 processors)."),
      dct, G_N_ELEMENTS (dct));
  d->decode_as = ja_widgets_add_combo_row (
      grid, row++, _ ("D_ecode as:"), _ ("Decode as"),
      _ ("Whose decoder opens each saved generation: libjpeg-turbo's "
         "default, as browsers and most viewers decode, or GIMP's own JPEG "
         "loader (the floating-point inverse DCT), so that the result is "
         "what exporting and opening the file in GIMP gives. The two differ "
         "by a level or a few in some pixels."),
      decode_as, G_N_ELEMENTS (decode_as));

  ja_widgets_add_heading (grid, row++, _ ("Drift"));
  ja_widgets_add_slider_row (
      grid, row++, _ ("Quality _jitter:"), _ ("Quality jitter"),
      _ ("Each generation is saved with a quality up to this "
         "much above or below Quality, as when different "
         "programs re-save an image."),
      d->jitter, d->jitter, 0, NULL);
  ja_widgets_add_slider_row (
      grid, row++, _ ("Grid dri_ft:"), _ ("Grid drift"),
      _ ("Each generation's 8×8 grid moves by up to this many "
         "pixels, as when an image is cropped between saves; "
         "without drift, repeated saves soon change nothing."),
      d->drift, d->drift, 0, NULL);
  d->seed_spin = gtk_spin_button_new (d->seed, 1, 0);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (d->seed_spin), TRUE);
  gtk_entry_set_activates_default (GTK_ENTRY (d->seed_spin), TRUE);
  gtk_widget_set_hexpand (d->seed_spin, TRUE);
  ja_widgets_set_accessible (
      d->seed_spin, _ ("Seed"),
      _ ("Where the random jitter and drift start: the same seed "
         "gives the same result."));
  label = ja_widgets_row_label (_ ("S_eed:"), d->seed_spin);
  d->seed_button = gtk_button_new_with_mnemonic (_ ("_New seed"));
  ja_widgets_set_accessible (d->seed_button, _ ("New seed"),
                             _ ("Picks a new random seed."));
  g_signal_connect (d->seed_button, "clicked", G_CALLBACK (new_seed_clicked),
                    d);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, d->seed_spin, 1, row, 1, 1);
  gtk_grid_attach (grid, d->seed_button, 2, row, 1, 1);
  row++;

  gtk_grid_attach (grid, ja_dialog_build_schedule (d), 0, row++, 3, 1);

  ja_widgets_add_heading (grid, row++, _ ("Layer"));
  d->anchor = ja_widgets_add_combo_row (
      grid, row++, _ ("Grid _anchor:"), _ ("Grid anchor"),
      _ ("Where the 8×8 grid starts: at the image's origin, where exporting "
         "the image would put it, or at the layer's own corner."),
      anchor, G_N_ELEMENTS (anchor));
  d->transparency = ja_widgets_add_combo_row (
      grid, row++, _ ("_Transparency:"), _ ("Transparency"),
      _ ("What the encoder sees under transparent pixels: the layer's own "
         "colours, or the layer flattened on the background colour. Alpha "
         "itself is never changed."),
      transparency, G_N_ELEMENTS (transparency));
  d->apply_to = ja_widgets_add_combo_row (
      grid, row++, _ ("Appl_y to:"), _ ("Apply to"),
      _ ("Degrade this layer only, or also every layer linked to it."),
      apply_to, G_N_ELEMENTS (apply_to));
  d->output = ja_widgets_add_combo_row (
      grid, row++, _ ("Out_put:"), _ ("Output"),
      d->layer->filter_output
          ? _ ("Replace the layer's pixels, add the result as a new layer "
               "above it, add one new layer per generation, add a layer of "
               "the difference (how much each channel changed, amplified "
               "eight times), or add the effect to the layer as a "
               "non-destructive filter, which you can edit or remove later.")
          : _ ("Replace the layer's pixels, add the result as a new layer "
               "above it, add one new layer per generation, or add a layer "
               "of the difference: how much each channel changed, amplified "
               "eight times."),
      output, G_N_ELEMENTS (output) - (d->layer->filter_output ? 0 : 1));

  g_signal_connect_swapped (d->quality, "value-changed",
                            G_CALLBACK (ja_dialog_control_changed), d);
  g_signal_connect (d->generations_position, "value-changed",
                    G_CALLBACK (generations_position_changed), d);
  g_signal_connect (d->generations, "value-changed",
                    G_CALLBACK (generations_changed), d);
  g_signal_connect_swapped (d->jitter, "value-changed",
                            G_CALLBACK (ja_dialog_control_changed), d);
  g_signal_connect_swapped (d->drift, "value-changed",
                            G_CALLBACK (ja_dialog_control_changed), d);
  g_signal_connect_swapped (d->seed, "value-changed",
                            G_CALLBACK (ja_dialog_control_changed), d);
  g_signal_connect_swapped (d->subsampling, "changed",
                            G_CALLBACK (ja_dialog_control_changed), d);
  g_signal_connect_swapped (d->dct, "changed",
                            G_CALLBACK (ja_dialog_control_changed), d);
  g_signal_connect_swapped (d->decode_as, "changed",
                            G_CALLBACK (ja_dialog_control_changed), d);
  g_signal_connect_swapped (d->size_for, "changed",
                            G_CALLBACK (ja_dialog_control_changed), d);
  g_signal_connect_swapped (d->anchor, "changed",
                            G_CALLBACK (ja_dialog_control_changed), d);
  g_signal_connect_swapped (d->transparency, "changed",
                            G_CALLBACK (ja_dialog_control_changed), d);
  g_signal_connect_swapped (d->apply_to, "changed",
                            G_CALLBACK (ja_dialog_control_changed), d);
  g_signal_connect_swapped (d->output, "changed",
                            G_CALLBACK (ja_dialog_control_changed), d);
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
  ja_widgets_set_accessible (
      d->reset_button, NULL,
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
  preview_side = ja_dialog_build_view (d);
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
      if (d->on_canvas != NULL)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (d->on_canvas),
                                      geometry->on_canvas);
    }

  g_signal_connect (d->dialog, "response", G_CALLBACK (dialog_response), d);
  /* Escape and the window's close button answer GTK_RESPONSE_DELETE_EVENT
     (a Cancel) and must leave the window to ja_dialog_run, which reads its
     geometry before destroying it: without this handler GTK destroyed it
     at once, as gtk_dialog_run's own handler prevents. */
  g_signal_connect (d->dialog, "delete-event", G_CALLBACK (gtk_true), NULL);
}

/* Keeps the row of WIDGET, a control, and its label hidden. */
static void
hide_row (GtkWidget *widget)
{
  GList *labels = gtk_widget_list_mnemonic_labels (widget), *l;

  gtk_widget_set_no_show_all (widget, TRUE);
  gtk_widget_hide (widget);
  for (l = labels; l != NULL; l = l->next)
    {
      gtk_widget_set_no_show_all (l->data, TRUE);
      gtk_widget_hide (l->data);
    }
  g_list_free (labels);
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
  ja_dialog_values_to_widgets (&d);
  gtk_widget_realize (d.dialog);
  if (layer->window_ready != NULL)
    {
      layer->window_ready (d.dialog, layer->window_ready_data);
      parent = NULL;
    }
  else
    parent = set_transient (&d);
  if (layer->selected_drawables > 0)
    hide_row (d.apply_to);
  ja_dialog_place_window (&d, geometry);
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
  ja_dialog_restart (&d);
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
      geometry->on_canvas
          = d.on_canvas != NULL
            && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (d.on_canvas));
    }
  /* The canvas shows the image as it was before OK applies the result or
     Cancel leaves it. */
  if (d.canvas_serial != 0)
    {
      d.canvas_serial = 0;
      layer->canvas_preview (NULL, NULL, layer->canvas_data);
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
