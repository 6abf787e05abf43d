/* main.c: the GIMP 3 plug-in.  A GimpPlugIn that registers the image
 * procedure plug-in-jpeg-artifacts under Filters ▸ Distorts (procedure.c
 * declares its arguments) and runs it on every selected drawable: the
 * dialog of ui/ in interactive mode (with GIMP's theme and transient to
 * the image window), GIMP's procedure config for the last values and the
 * arguments otherwise; then the checks, the image's JPEG settings and the
 * run itself (apply.c), answering with the result's drawable and the
 * first drawable's per-generation table.  Translations: GIMP 3 binds the
 * plug-in's gettext domain (its binary's name, gimp-jpeg-artifacts, which
 * is GETTEXT_PACKAGE) to locale/ in the plug-in's folder, where meson
 * install puts the catalogues too.  plugin/gimp2/main.c is the GIMP 2.10
 * counterpart.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <gtk/gtk.h>
#include <libgimp/gimp.h>
#include <libgimp/gimpui.h>

#include "apply.h"
#include "arguments.h"
#include "dialog-input.h"
#include "dialog.h"
#include "drawable-memory.h"
#include "filter.h"
#include "image-original.h"
#include "locale-dir.h"
#include "pixels.h"
#include "procedure.h"
#include "results.h"
#include "targets.h"
#include "values.h"

#define PLUG_IN_PROC "plug-in-jpeg-artifacts"
#define PLUG_IN_BINARY "gimp-jpeg-artifacts"

typedef struct
{
  GimpPlugIn parent_instance;
} JaPlugIn;

typedef struct
{
  GimpPlugInClass parent_class;
} JaPlugInClass;

#define JA_TYPE_PLUG_IN (ja_plug_in_get_type ())
GType ja_plug_in_get_type (void);
G_DEFINE_TYPE (JaPlugIn, ja_plug_in, GIMP_TYPE_PLUG_IN)

GIMP_MAIN (JA_TYPE_PLUG_IN)

static GimpValueArray *run (GimpProcedure *procedure, GimpRunMode run_mode,
                            GimpImage *image, GimpDrawable **drawables,
                            GimpProcedureConfig *config, gpointer run_data);

static GList *
query_procedures (GimpPlugIn *plug_in)
{
  (void)plug_in;
  return g_list_append (NULL, g_strdup (PLUG_IN_PROC));
}

static GimpProcedure *
create_procedure (GimpPlugIn *plug_in, const gchar *name)
{
  GimpProcedure *procedure;

  if (strcmp (name, PLUG_IN_PROC) != 0)
    return NULL;
  procedure = gimp_image_procedure_new (
      plug_in, name, GIMP_PDB_PROC_TYPE_PLUGIN, run, NULL, NULL);
  gimp_procedure_set_image_types (procedure, "RGB*, GRAY*");
  gimp_procedure_set_sensitivity_mask (
      procedure,
      GIMP_PROCEDURE_SENSITIVE_DRAWABLE | GIMP_PROCEDURE_SENSITIVE_DRAWABLES);
  gimp_procedure_set_menu_label (procedure, _ ("JPEG _Artifacts…"));
  gimp_procedure_add_menu_path (procedure, "<Image>/Filters/Distorts");
  gimp_procedure_set_documentation (
      procedure,
      _ ("Make the layer look saved as a JPEG, once or many times over"),
      "Runs the lossy part of a baseline JPEG round trip (colour "
      "conversion, chroma subsampling, 8x8 DCT, quantization and back) on "
      "every selected drawable, exactly as libjpeg-turbo, the library "
      "behind GIMP's JPEG export and import, computes it, 'generations' "
      "times over.  'quality' and 'subsampling' are the export's settings; "
      "'quality-jitter' and 'grid-drift' vary them from one generation to "
      "the next, drawn from 'seed'; 'preset' sets the look from a built-in "
      "or saved preset; 'schedule' gives each generation its own save; "
      "'saturation', 'contrast' and 'sharpen' change the colours before "
      "every save; 'use-original-settings' saves with the tables of the "
      "JPEG file the image was loaded from; 'decode-as' opens each saved "
      "generation as viewers do or as GIMP's JPEG loader does.  Each "
      "drawable is computed "
      "whole, its 8x8 grid anchored at the image's origin (its offsets "
      "counted) or at its own, and the result blended through the "
      "selection.  Alpha never changes.  'output' replaces each drawable, "
      "adds a new layer above it, one layer per generation, or a layer "
      "with the difference times 8.  A run that needs more memory than is "
      "free is refused before it starts.  Everything is one undo step.",
      name);
  gimp_procedure_set_attribution (
      procedure, "The JPEG Artifacts for GIMP authors",
      "Copyright (C) 2026 The JPEG Artifacts for GIMP authors, "
      "GPL-3.0-or-later",
      "2026");
  ja_procedure_add_arguments (procedure);
  return procedure;
}

static void
ja_plug_in_class_init (JaPlugInClass *klass)
{
  GimpPlugInClass *plug_in_class = GIMP_PLUG_IN_CLASS (klass);

  plug_in_class->query_procedures = query_procedures;
  plug_in_class->create_procedure = create_procedure;
}

static void
ja_plug_in_init (JaPlugIn *plug_in)
{
  (void)plug_in;
}

/* Before the dialog: checks what no choice in it can change, so that a
 * drawable the effect cannot apply to gets its message at once.  Layers
 * are checked as if their results went into new layers, masks and
 * channels as if replaced; the memory for what the least run on the first
 * drawable needs, which the dialog's preview needs too. */
static GimpPDBStatusType
check_before_dialog (GimpImage *image, GimpDrawable **drawables,
                     const JaValues *values, const JaOriginal *original,
                     gchar **message)
{
  JaValues permissive = *values;
  GArray *targets = NULL;
  GimpPDBStatusType status;
  gboolean all_layers = TRUE;
  int i;

  for (i = 0; drawables != NULL && drawables[i] != NULL; i++)
    all_layers = all_layers && GIMP_IS_LAYER (drawables[i]);
  permissive.output = all_layers ? JA_OUTPUT_NEW_LAYER : JA_OUTPUT_REPLACE;
  status
      = ja_targets_collect (image, drawables, &permissive, &targets, message);
  if (targets != NULL)
    g_array_free (targets, TRUE);
  if (status == GIMP_PDB_SUCCESS)
    {
      JaMemoryNeed need;
      guint64 total;

      ja_memory_need (drawables[0], &permissive, original, FALSE, FALSE,
                      &need);
      total = need.held;
      ja_memory_add (&total, need.computing);
      /* The preview's runs also keep their statistics. */
      ja_memory_add (&total, need.statistics);
      *message = ja_memory_check (total, ja_memory_available (), drawables[0],
                                  0, &permissive);
      if (*message != NULL)
        status = GIMP_PDB_EXECUTION_ERROR;
    }
  return status;
}

/* Makes the dialog's WINDOW transient to the image window GIMP runs the
 * plug-in for. */
static void
make_transient (void *window, void *data)
{
  (void)data;
  gimp_window_set_transient (GTK_WINDOW (window));
}

/* Shows the dialog for the N drawables, the first of which, DRAWABLE, it
 * previews, with ORIGINAL the image's JPEG settings.  TRUE when the user
 * chose OK: VALUES are the dialog's, *SOURCE holds the drawable's pixels
 * and *RESULT, when not NULL, the result the preview showed. */
static gboolean
show_dialog (GimpImage *image, GimpDrawable *drawable, int n,
             const JaOriginal *original, GimpProcedureConfig *config,
             JaValues *values, JartImage *source, guint8 **result)
{
  JaDialogLayer layer;
  JaDialogGeometry geometry;
  JaFilterCanvas canvas = { image, drawable, NULL, FALSE };
  gboolean ok, dark = FALSE;

  *result = NULL;
  if (!ja_dialog_input_read (&layer, image, drawable, original, source))
    return FALSE;

  ja_dialog_geometry_init (&geometry);
  ja_procedure_read_geometry (config, &geometry);

  /* gimp_ui_init gave GTK GIMP's theme; the dialog keeps its variant. */
  g_object_get (gtk_settings_get_default (),
                "gtk-application-prefer-dark-theme", &dark, NULL);
  layer.dark_theme = dark;
  layer.selected_drawables = n;
  layer.window_ready = make_transient;
  layer.filter_output = TRUE;
  if (GIMP_IS_LAYER (drawable) && !gimp_item_is_group (GIMP_ITEM (drawable)))
    {
      layer.canvas_preview = ja_filter_canvas_show;
      layer.canvas_data = &canvas;
    }

  ok = ja_dialog_run (&layer, values, &geometry, result);
  ja_procedure_write_geometry (config, &geometry);
  ja_dialog_input_free (&layer, ok, source);
  return ok;
}

/* The return values of a successful run from OUTCOME. */
static GimpValueArray *
success (GimpProcedure *procedure, const JaOutcome *outcome)
{
  GimpValueArray *answer
      = gimp_procedure_new_return_values (procedure, GIMP_PDB_SUCCESS, NULL);
  gsize n = outcome->reports->len * JA_RESULTS_TABLE_COLUMNS;
  gdouble *table = ja_results_table (outcome->reports);

  GIMP_VALUES_SET_DRAWABLE (answer, JA_RETURN_RESULT, outcome->result);
  GIMP_VALUES_SET_INT (answer, JA_RETURN_GENERATIONS_RUN,
                       outcome->run.generations_run);
  GIMP_VALUES_SET_INT (answer, JA_RETURN_FIXED_POINT,
                       outcome->run.fixed_point);
  /* No generation computed (the output filter, or the dialog's result):
     an empty table, which GIMP wants without data. */
  gimp_value_set_double_array (
      gimp_value_array_index (answer, JA_RETURN_TABLE), n > 0 ? table : NULL,
      n);
  g_free (table);
  return answer;
}

/* Whether GIMP shows its windows on a display the dialog can open. */
static gboolean
have_display (void)
{
  const gchar *display = gimp_display_name ();

  return display != NULL && display[0] != '\0';
}

static GimpValueArray *
run (GimpProcedure *procedure, GimpRunMode run_mode, GimpImage *image,
     GimpDrawable **drawables, GimpProcedureConfig *config, gpointer run_data)
{
  GimpPDBStatusType status = GIMP_PDB_SUCCESS;
  JaValues values;
  JaOriginal original;
  JaOutcome outcome = { NULL, { 0, 0 }, NULL };
  JartImage source = { 0 };
  guint8 *dialog_result = NULL;
  GArray *targets = NULL;
  gchar *message = NULL, *original_problem = NULL;
  GimpValueArray *answer;
  int n = 0;

  (void)run_data;
  /* GIMP bound the domain to the catalogues in locale/ of the plug-in's
     folder; an uninstalled build's tests point elsewhere. */
  if (g_getenv (JA_LOCALEDIR_ENV) != NULL)
    bindtextdomain (GETTEXT_PACKAGE, ja_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  memset (&original, 0, sizeof original);
  while (drawables != NULL && drawables[n] != NULL)
    n++;

  message = ja_procedure_read (config, &values);
  if (message == NULL && run_mode == GIMP_RUN_NONINTERACTIVE)
    {
      gchar *file = ja_user_presets_file ();

      message = ja_arguments_apply_preset (&values, file);
      g_free (file);
    }
  if (message == NULL)
    {
      /* The filter output is GIMP 3's: the shared checks know 0..3. */
      JaValues checked = values;

      if (checked.output == JA_OUTPUT_FILTER)
        checked.output = JA_OUTPUT_REPLACE;
      message = ja_arguments_check (&checked);
    }
  if (message != NULL)
    {
      /* Last values that no longer fit start the dialog from the
         defaults; a script's bad argument is its error. */
      if (run_mode != GIMP_RUN_INTERACTIVE)
        {
          status = GIMP_PDB_CALLING_ERROR;
          goto done;
        }
      g_clear_pointer (&message, g_free);
      ja_values_init (&values);
    }

  if (run_mode == GIMP_RUN_INTERACTIVE)
    {
      if (image != NULL && gimp_image_is_valid (image))
        original_problem = ja_original_read (image, &original,
                                             JA_ORIGINAL_FROM_ARGUMENT, NULL);
      status = check_before_dialog (image, drawables, &values, &original,
                                    &message);
      if (status != GIMP_PDB_SUCCESS)
        goto done;
      if (!have_display ())
        {
          message = g_strdup_printf (
              _ ("JPEG Artifacts cannot show its dialog: GIMP has no "
                 "display here (it runs without its user interface).  Call "
                 "%s with RUN-NONINTERACTIVE, or with RUN-WITH-LAST-VALS."),
              PLUG_IN_PROC);
          status = GIMP_PDB_EXECUTION_ERROR;
          goto done;
        }
      gimp_ui_init (PLUG_IN_BINARY);
      if (!show_dialog (image, drawables[0], n, &original, config, &values,
                        &source, &dialog_result))
        {
          status = GIMP_PDB_CANCEL;
          goto done;
        }
    }

  if (values.output == JA_OUTPUT_FILTER)
    {
      /* GIMP computes the filter itself: no run here, an empty table.  The
         drawables are checked as for the other outputs first: in the
         image, not indexed, their pixels not locked. */
      status
          = ja_targets_collect (image, drawables, &values, &targets, &message);
      if (status != GIMP_PDB_SUCCESS)
        goto done;
      status = ja_filter_add (image, drawables, &values, &message);
      if (status != GIMP_PDB_SUCCESS)
        goto done;
      outcome.result = drawables[0];
      outcome.reports
          = g_array_new (FALSE, FALSE, sizeof (JartGenerationReport));
      ja_procedure_write (config, &values);
      if (run_mode != GIMP_RUN_NONINTERACTIVE)
        gimp_displays_flush ();
      goto done;
    }

  status = ja_targets_collect (image, drawables, &values, &targets, &message);
  if (status != GIMP_PDB_SUCCESS)
    goto done;
  if (run_mode != GIMP_RUN_INTERACTIVE)
    original_problem = ja_original_read (
        image, &original,
        ja_original_from (run_mode == GIMP_RUN_WITH_LAST_VALS, &values),
        values.preset);
  if (values.use_original && !original.usable)
    {
      message = g_steal_pointer (&original_problem);
      status = GIMP_PDB_EXECUTION_ERROR;
      goto done;
    }

  status
      = ja_apply (image, targets, &values, original.usable ? &original : NULL,
                  source.pixels != NULL ? &source : NULL, dialog_result,
                  &outcome, &message);
  if (status != GIMP_PDB_SUCCESS)
    goto done;

  ja_procedure_write (config, &values);
  if (run_mode != GIMP_RUN_NONINTERACTIVE)
    gimp_displays_flush ();

done:
  if (status == GIMP_PDB_SUCCESS)
    answer = success (procedure, &outcome);
  else
    {
      GError *error = NULL;

      /* GIMP shows this text with the error, and scripts get it. */
      if (message != NULL)
        error = g_error_new_literal (GIMP_PLUG_IN_ERROR, 0, message);
      answer = gimp_procedure_new_return_values (procedure, status, error);
    }
  if (targets != NULL)
    g_array_free (targets, TRUE);
  if (outcome.reports != NULL)
    g_array_free (outcome.reports, TRUE);
  g_free (source.pixels);
  g_free (dialog_result);
  g_free (original_problem);
  g_free (message);
  return answer;
}
