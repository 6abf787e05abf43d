/* dialog-readouts.c: the read-outs under the dialog's preview (see
 * dialog-private.h): the computation's status and progress, the PSNR and
 * SSIM against the original, the size of the JPEG file of the generation
 * shown, what it was saved with, the convergence, and the chart of one of
 * them per generation.  The SSIM and the size come from the worker's
 * second phase, after the pixels, and say "measuring" until they do
 * ("unknown" when the run's statistics ended without them);
 * while a run is under way the read-outs change at most every
 * READOUTS_INTERVAL_MS.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gtk/gtk.h>
#include <math.h>

#include "dialog-private.h"

/* While a run is under way, the read-outs change at most this often: each
 * change is also an accessibility event, and a thousand of them a second
 * would flood a screen reader. */
#define READOUTS_INTERVAL_MS 200

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
  if (d->shown.serial != state->serial)
    return 0;
  for (g = MIN (d->shown.generation, state->done); g >= 1; g--)
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
      if (result && state->statistics_done)
        {
          *ssim = g_strdup_printf (_ ("SSIM: %s"), _ ("unknown"));
          *size = g_strdup (_ ("File size: unknown"));
        }
      else if (result)
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
  int g = d->shown.generation, dx, dy;
  char *text, *sized;

  if (d->shown.serial != state->serial || g < 1 || g > state->done)
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
void
ja_dialog_schedule_readouts (Dialog *d, gboolean now)
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
  ja_widgets_set_accessible (GTK_WIDGET (d->plot), _ (charts[series].name),
                             _ (charts[series].tooltip));
}

/* The read-outs under the preview, packed into BOX: the status with the
 * progress bar, PSNR and SSIM, the file size with the chart's selector,
 * what the generation shown was saved with, the convergence and the
 * chart. */
void
ja_dialog_build_readouts (Dialog *d, GtkBox *box)
{
  GtkWidget *status_box, *quality_box, *plot_bar, *plot_box, *label;

  status_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  d->status_label = ja_widgets_readout_label (TRUE, _ ("Status"), NULL);

  d->progress = gtk_progress_bar_new ();
  gtk_widget_set_valign (d->progress, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (d->progress, 120, -1);
  ja_widgets_set_accessible (d->progress, _ ("Progress"), NULL);
  gtk_box_pack_start (GTK_BOX (status_box), d->status_label, TRUE, TRUE, 0);
  gtk_box_pack_end (GTK_BOX (status_box), d->progress, FALSE, FALSE, 0);
  gtk_box_pack_start (box, status_box, FALSE, FALSE, 0);

  d->psnr_label = ja_widgets_readout_label (
      TRUE, _ ("PSNR"),
      _ ("Peak signal-to-noise ratio of the result against the "
         "original, over the colour channels: higher is closer."));
  gtk_label_set_selectable (GTK_LABEL (d->psnr_label), FALSE);
  d->ssim_label = ja_widgets_readout_label (
      TRUE, _ ("SSIM"),
      _ ("Structural similarity of the result's luma to the "
         "original's, from 1 for identical down: it follows "
         "what the eye notices better than the PSNR. Measured "
         "after the result is shown."));

  quality_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  gtk_box_pack_start (GTK_BOX (quality_box), d->psnr_label, FALSE, FALSE, 0);
  gtk_box_pack_start (GTK_BOX (quality_box), d->ssim_label, FALSE, FALSE, 0);
  gtk_box_pack_start (box, quality_box, FALSE, FALSE, 0);

  d->size_label = ja_widgets_readout_label (
      TRUE, _ ("File size"),
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
  ja_widgets_set_accessible (
      d->size_for, _ ("File coded as"),
      _ ("Whose file the size is: libjpeg-turbo's default (baseline, "
         "standard Huffman tables), with optimized tables, or progressive "
         "and optimized, as GIMP's JPEG export writes it by default."));

  d->plot_series = gtk_combo_box_text_new ();
  gtk_combo_box_text_append_text (GTK_COMBO_BOX_TEXT (d->plot_series),
                                  _ ("PSNR"));
  gtk_combo_box_text_append_text (GTK_COMBO_BOX_TEXT (d->plot_series),
                                  _ ("SSIM"));
  gtk_combo_box_text_append_text (GTK_COMBO_BOX_TEXT (d->plot_series),
                                  _ ("File size"));
  ja_widgets_set_accessible (
      d->plot_series, _ ("Plotted value"),
      _ ("Which value the chart shows for each generation: the "
         "PSNR, the SSIM or the JPEG file size."));
  label = ja_widgets_mnemonic_label (_ ("P_lot:"), d->plot_series);
  /* The file size on a row of its own; under it whose file it is, and at
   * the row's end the chart's selector (the two go on a line each in a
   * narrow window: dialog-place.c's fit_width).  The read-outs' texts,
   * which come once the dialog shows, wrap rather than widening it. */
  gtk_box_pack_start (box, d->size_label, FALSE, FALSE, 0);
  plot_bar = d->plot_bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (d->size_for, GTK_ALIGN_START);
  gtk_box_pack_start (GTK_BOX (plot_bar), d->size_for, FALSE, FALSE, 0);
  plot_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_pack_start (GTK_BOX (plot_box), label, FALSE, FALSE, 0);
  gtk_box_pack_start (GTK_BOX (plot_box), d->plot_series, FALSE, FALSE, 0);
  gtk_widget_set_halign (plot_box, GTK_ALIGN_END);
  gtk_box_pack_end (GTK_BOX (plot_bar), plot_box, FALSE, FALSE, 0);
  gtk_box_pack_start (box, plot_bar, FALSE, FALSE, 0);

  d->saved_label = ja_widgets_readout_label (
      TRUE, _ ("Generation settings"),
      _ ("What the generation the preview shows was saved with: "
         "its quality, or the tables of the file the image was "
         "loaded from, its subsampling and, when a schedule "
         "shrinks it, the size it was encoded at."));

  gtk_box_pack_start (box, d->saved_label, FALSE, FALSE, 0);

  d->converge_label = ja_widgets_readout_label (TRUE, _ ("Convergence"), NULL);

  gtk_box_pack_start (box, d->converge_label, FALSE, FALSE, 0);

  d->plot = JA_PLOT (ja_plot_new ());
  gtk_box_pack_start (box, GTK_WIDGET (d->plot), FALSE, FALSE, 0);
  g_signal_connect (d->plot_series, "changed",
                    G_CALLBACK (plot_series_changed), d);
  gtk_combo_box_set_active (GTK_COMBO_BOX (d->plot_series), JA_PLOT_PSNR);
}
