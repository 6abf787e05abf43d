/* dialog-private.h: what the dialog's files (dialog.c, dialog-place.c,
 * dialog-view.c, dialog-readouts.c, dialog-presets.c, dialog-schedule.c)
 * share and nothing outside ui/ sees: the Dialog, one per open dialog,
 * with the values it edits, its widgets and the state of the computation
 * it shows, and the functions one file calls in another.  Every function
 * takes the Dialog and runs on GTK's main thread.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_DIALOG_PRIVATE_H
#define JA_DIALOG_PRIVATE_H

#include <gtk/gtk.h>

#include "dialog.h"
#include "look.h"
#include "plot.h"
#include "presets.h"
#include "preview.h"
#include "widgets.h"
#include "worker.h"

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
  GtkWidget *plot_bar; /* the box of File coded as and Plot */

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
  GtkWidget *size_for; /* which file's size the read-out shows */
  GtkWidget *anchor;
  GtkWidget *transparency;
  GtkWidget *apply_to;
  GtkWidget *output;
  GtkWidget *seed_spin;
  GtkWidget *seed_button;
  GtkWidget *view_bar; /* the flow box above the preview */
  GtkWidget *zoom;
  GtkWidget *split;
  GtkWidget *grid;
  GtkWidget *difference;
  GtkWidget *on_canvas; /* NULL without layer->canvas_preview */
  guint canvas_serial;  /* the run whose result the canvas shows, 0 none */
  GtkWidget *schedule_expander;
  GtkWidget *schedule_entry;
  GtkWidget *schedule_error;
  GtkWidget *use_original;

  /* The schedule's text reads (schedule_ok), or the last one that did,
     which the preview keeps computing meanwhile. */
  gboolean schedule_ok;
  char valid_schedule[JA_SCHEDULE_SIZE];
  /* The values of the run under way or finished (has_started): the same
     values again start nothing. */
  JaValues started;
  gboolean has_started;

  JaWorker *worker;
  gboolean updating;  /* controls are being set from values */
  gboolean syncing;   /* the two Generations adjustments */
  gboolean finishing; /* OK was pressed before the result was ready */
  gboolean accepted;
  JaWorkerShown shown;    /* what the preview shows: run and generation */
  guint readouts_timeout; /* a delayed update_readouts */
  gint64 readouts_time;   /* when the read-outs were last updated */
  GMainLoop *loop;
} Dialog;
/* dialog.c */

/* OK is sensitive while the schedule reads and OK is not waiting. */
void ja_dialog_update_ok (Dialog *d);
/* Sets every control from d->values, then checks the schedule and shows
 * the preset and the sensitivities they give. */
void ja_dialog_values_to_widgets (Dialog *d);
/* Starts computing d->values; the run under way is cancelled. */
void ja_dialog_restart (Dialog *d);
/* Any control changed: reads them all into d->values and restarts.  For
 * g_signal_connect_swapped. */
void ja_dialog_control_changed (Dialog *d);

/* Shows the newest finished result on the canvas (through
 * layer->canvas_preview) when "Preview on canvas" is on and the canvas
 * does not show it yet; takes it away when the option is off. */
void ja_dialog_update_canvas (Dialog *d);

/* dialog-place.c */

/* Places the window, before it shows, where GEOMETRY (may be NULL) says it
 * was if that is still on a monitor, else centred, and fits its size to
 * the monitor's work area. */
void ja_dialog_place_window (Dialog *d, const JaDialogGeometry *geometry);

/* dialog-view.c */

/* The preview side: the view bar, the preview and the read-outs. */
GtkWidget *ja_dialog_build_view (Dialog *d);
/* How much wider than its natural width the view bar is in one line (a
 * flow box asks for the width of its widest control alone), its controls
 * shown. */
int ja_dialog_view_bar_one_line_extra (Dialog *d);
/* Draws the 8×8 grid (when its check box is on) where the generation the
 * preview shows was encoded. */
void ja_dialog_update_grid (Dialog *d);

/* dialog-readouts.c */

void ja_dialog_build_readouts (Dialog *d, GtkBox *box);
/* Updates the read-outs now when NOW or when they have not changed for a
 * while, else soon. */
void ja_dialog_schedule_readouts (Dialog *d, gboolean now);

/* dialog-presets.c */

/* The preset rows of GRID from ROW on; returns the next row.  Creates
 * d->presets. */
int ja_dialog_build_presets (Dialog *d, GtkGrid *grid, int row);
/* Shows the preset the values are, or "Custom". */
void ja_dialog_update_preset (Dialog *d);

/* dialog-schedule.c */

/* The expander with the schedule, the colour changes and the original
 * file's settings. */
GtkWidget *ja_dialog_build_schedule (Dialog *d);
/* Reads d->values.schedule as the codec will and shows the outcome. */
void ja_dialog_check_schedule (Dialog *d);

#endif /* JA_DIALOG_PRIVATE_H */
