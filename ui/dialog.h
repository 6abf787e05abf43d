/* dialog.h: the filter's GTK 3 dialog, the one entry point of ui/ that the
 * plug-in calls in interactive mode.  ui/ knows nothing of GIMP: the
 * plug-in reads the layer and the few things the dialog shows of GIMP
 * (its display window, checkerboard, background colour and theme) and
 * passes them in a JaDialogLayer.
 *
 * The plug-in process must have called gtk_init before ja_dialog_run.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_DIALOG_H
#define JA_DIALOG_H

#include <glib.h>

#include "jart.h"
#include "values.h"

/* What the dialog needs of the layer and of GIMP.  Nothing is copied:
 * everything must stay valid until ja_dialog_run returns. */
typedef struct
{
  JartImage image; /* the whole layer, 8 bits per channel:
                      R'G'B', R'G'B'A, Y' or Y'A; read-only */
  int offset_x;    /* the layer's offsets in its image */
  int offset_y;
  const guint8 *selection;    /* NULL, or image.width * image.height bytes
                                 (rows packed): how much of each layer pixel
                                 the selection covers, 0..255 */
  guint8 background[3];       /* GIMP's background colour, R'G'B' */
  gulong transient_xid;       /* the X11 window of the image's display
                                 (gimp_display_get_window_handle), 0: none */
  int check_size;             /* gimp_check_size (): 0 small .. 2 large */
  int check_type;             /* gimp_check_type (): 0 light .. 5 black */
  gboolean dark_theme;        /* ja_theme_is_dark (gimp_get_theme_dir ()) */
  const char *image_name;     /* shown in the title, or NULL */
  const JaOriginal *original; /* what the image's "jpeg-settings"
                                 parasite says, or NULL: none */
  const char *presets_file;   /* the key file of the user's presets, or
                                 NULL: the user cannot save presets */
  int selected_drawables;     /* 0 (GIMP 2.10): the "Apply to" row offers
                                 the linked layers; N > 0 (GIMP 3): the run
                                 changes the N selected drawables, and the
                                 row is hidden */
  void (*window_ready) (void *window, void *data); /* NULL, or called
                                 with the dialog's GtkWindow once it is
                                 realized, before it shows, instead of
                                 using transient_xid: GIMP 3's plug-in
                                 makes it transient there */
  void *window_ready_data;
  /* "Preview on canvas": NULL, the dialog has no such option; else, while
     the option is on, called with the filter's result for the whole layer
     (as OK hands it over: rows packed, not blended through the selection;
     valid only during the call) and the values it was computed from each
     time a new one is ready, and with NULLs when the option goes off and
     before ja_dialog_run returns when it was on. */
  void (*canvas_preview) (const guint8 *result, const JaValues *values,
                          gpointer user_data);
  gpointer canvas_data;
  gboolean filter_output; /* GIMP 3: the Output row offers "Non-destructive
                             filter" (JA_OUTPUT_FILTER) */
} JaDialogLayer;

/* What the dialog remembers of itself from one run to the next (the
 * plug-in keeps it, e.g. with gimp_set_data). */
typedef struct
{
  int x; /* the window's position on the screen, -1: let it be */
  int y;
  int width; /* the window's size, 0: the default */
  int height;
  int split;             /* the before/after split was on */
  int grid;              /* the grid overlay was on */
  double split_position; /* the divider, 0..1 */
  int on_canvas;         /* "Preview on canvas" was on */
} JaDialogGeometry;

/* Fills GEOMETRY with "nothing remembered yet". */
void ja_dialog_geometry_init (JaDialogGeometry *geometry);

/* Shows the dialog for LAYER, starting from VALUES, and returns when the
 * user closed it.
 *
 * OK: returns TRUE and stores the dialog's values in VALUES.  *RESULT_OUT
 * then holds the filter's result for the whole layer, computed from those
 * values (image.width * image.height * image.channels bytes, rows packed,
 * not yet blended through the selection; free with g_free), or NULL when
 * the plug-in must compute it itself: for JA_OUTPUT_PER_GENERATION, which
 * needs every generation, or when the computation failed.  The pixels the
 * preview showed are these.  Cancel, Escape or closing the window: returns
 * FALSE, VALUES untouched, *RESULT_OUT NULL.
 *
 * GEOMETRY (may be NULL) is read at the start and updated at the end in
 * either case.  RESULT_OUT may be NULL when the result is not wanted. */
gboolean ja_dialog_run (const JaDialogLayer *layer, JaValues *values,
                        JaDialogGeometry *geometry, guint8 **result_out);

#endif /* JA_DIALOG_H */
