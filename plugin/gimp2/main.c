/* main.c: the GIMP plug-in's entry points.  query() registers the procedure
 * plug-in-jpeg-artifacts under Filters ▸ Distorts, and beside it, without
 * menu entries of their own, plug-in-jpeg-artifacts2, which takes the
 * first one's parameters and then a preset, a schedule, colour changes and
 * the original JPEG file's settings, and plug-in-jpeg-artifacts3, which
 * takes the second one's and then decode-as (GIMP's convention for an
 * extended procedure, as file-png-save2 extends file-png-save).  All three
 * share run():
 * it reads the parameters as the run mode says (the dialog, the last
 * values, or the caller's checked arguments), checks the drawables and the
 * image's JPEG settings, applies the effect (apply.c) and answers with the
 * result's drawable and the per-generation table of the drawable's run.
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

#include "apply.h"
#include "arguments.h"
#include "canvas.h"
#include "dialog-input.h"
#include "dialog.h"
#include "drawable-memory.h"
#include "image-original.h"
#include "locale-dir.h"
#include "pdb.h"
#include "pixels.h"
#include "results.h"
#include "targets.h"
#include "theme.h"
#include "values.h"

#define PLUG_IN_PROC "plug-in-jpeg-artifacts"
#define PLUG_IN_PROC2 "plug-in-jpeg-artifacts2"
#define PLUG_IN_PROC3 "plug-in-jpeg-artifacts3"
#define PLUG_IN_BINARY "gimp-jpeg-artifacts"
#define PLUG_IN_ROLE "gimp-jpeg-artifacts"

/* gimp_set_data key of what the dialog remembers of its window.  The last
 * values are kept under PLUG_IN_PROC, for all three procedures. */
#define DIALOG_DATA_KEY PLUG_IN_PROC "-dialog"

/* The return values, after the status. */
enum
{
  RETURN_RESULT = 1,
  RETURN_GENERATIONS_RUN,
  RETURN_FIXED_POINT,
  RETURN_TABLE_LENGTH,
  RETURN_TABLE,
  N_RETURN
};

static void query (void);
static void run (const gchar *name, gint nparams, const GimpParam *param,
                 gint *nreturn_vals, GimpParam **return_vals);

const GimpPlugInInfo PLUG_IN_INFO = {
  NULL,  /* init_proc */
  NULL,  /* quit_proc */
  query, /* query_proc */
  run,   /* run_proc */
};

MAIN ()

static void
query (void)
{
  static const GimpParamDef args[] = {
    { GIMP_PDB_INT32, "run-mode",
      "The run mode { RUN-INTERACTIVE (0), RUN-NONINTERACTIVE (1), "
      "RUN-WITH-LAST-VALS (2) }" },
    { GIMP_PDB_IMAGE, "image", "Input image" },
    { GIMP_PDB_DRAWABLE, "drawable",
      "Input drawable: a layer, a layer mask or a channel" },
    { GIMP_PDB_INT32, "quality",
      "JPEG quality, 1..100, on the scale of GIMP's JPEG export" },
    { GIMP_PDB_INT32, "generations",
      "How many times the drawable is saved as a JPEG and opened again, "
      "1..1000" },
    { GIMP_PDB_INT32, "subsampling",
      "Chroma subsampling { 4:4:4 (0), 4:2:2 (1), 4:2:0 (2), 4:4:0 (3), "
      "4:1:1 (4) }; ignored for grayscale" },
    { GIMP_PDB_INT32, "dct",
      "The encoder's DCT { accurate integer (0), fast integer (1), "
      "floating point (2) }, numbered as file-jpeg-save's 'dct'" },
    { GIMP_PDB_INT32, "quality-jitter",
      "0..50: each generation uses a quality up to this much above or "
      "below 'quality'" },
    { GIMP_PDB_INT32, "grid-drift",
      "0..7: each generation moves the 8x8 grid by up to this many pixels, "
      "as cropping between saves does" },
    { GIMP_PDB_INT32, "seed",
      "Seeds the jitter and drift; the same seed gives the same result" },
    { GIMP_PDB_INT32, "grid-anchor",
      "Where the 8x8 grid starts { the image's origin, as exporting the "
      "image gives (0), the layer's origin (1) }" },
    { GIMP_PDB_INT32, "transparency",
      "What the encoder sees under transparent pixels { the layer's own "
      "colours (0), the colours flattened on the background colour (1) }; "
      "alpha itself never changes" },
    { GIMP_PDB_INT32, "apply-to",
      "{ the drawable (0), the drawable and the layers linked to it (1) }" },
    { GIMP_PDB_INT32, "output",
      "{ replace the drawable (0), a new layer above it (1), one new layer "
      "per generation, for animation frames (2), a new layer above it with "
      "the difference min (255, 8 x |after - before|) of each colour "
      "channel, alpha the drawable's (3) }" },
    /* plug-in-jpeg-artifacts2 only. */
    { GIMP_PDB_STRING, "preset",
      "\"\" for none, or a preset: a built-in id (\"light-resave\", "
      "\"shared\", \"deep-fried\", \"reshare-chain\") or the name of a "
      "preset the user saved in the dialog.  A preset sets quality, "
      "generations, subsampling, dct, quality-jitter, grid-drift, schedule, "
      "saturation, contrast, sharpen and use-original-settings, overriding "
      "those parameters; the others (seed, grid-anchor, transparency, "
      "apply-to, output) stay the caller's" },
    { GIMP_PDB_STRING, "schedule",
      "\"\" for none, or what each generation does, steps separated by "
      "';', e.g. \"q95; q75 x0.8 lanczos; q60 x0.6 bicubic; q45 x0.5\": "
      "generation g follows step g, the last step repeats ('generations' "
      "runs as many as it says: fewer than the steps cut the schedule "
      "short, as the tool's --generations does).  A step's words, "
      "in any order: qN quality 1..100; tables the JPEG file's own tables "
      "(needs use-original-settings 1); 444 422 420 440 411 subsampling; "
      "xS (0.05..1) or P% scale the image down before the save and back up "
      "after it, with nearest, bilinear, bicubic or lanczos (the default); "
      "satS, conS, sharpS (0..4) saturation, contrast, sharpening before "
      "the save; *N the step N times.  A word left out takes the "
      "parameters' value (quality, subsampling, saturation, contrast, "
      "sharpen, or the file's settings)" },
    { GIMP_PDB_FLOAT, "saturation",
      "0..4, before every save each colour moves away from its pixel's "
      "luma by this factor; 1 keeps the colours" },
    { GIMP_PDB_FLOAT, "contrast",
      "0..4, before every save each channel moves away from 128 by this "
      "factor; 1 keeps the colours" },
    { GIMP_PDB_FLOAT, "sharpen",
      "0..4, before every save an unsharp mask of this amount against the "
      "3x3 box blur; 0 keeps the colours" },
    { GIMP_PDB_INT32, "use-original-settings",
      "{ save with quality and subsampling (0), save with the quantization "
      "tables and subsampling of the JPEG file the image was loaded from, "
      "as GIMP's JPEG export does with 'use quality settings from original "
      "image' (1) }; 1 fails on an image that was not loaded from a JPEG "
      "file, or whose file's settings a baseline JPEG cannot have" },
    /* plug-in-jpeg-artifacts3 only. */
    { GIMP_PDB_INT32, "decode-as",
      "Which decoder's pixels each generation gives { libjpeg-turbo's "
      "default, the accurate integer IDCT, as browsers and most viewers "
      "decode (0), GIMP's own JPEG loader, which decodes with the "
      "floating-point IDCT, so that the result is what opening the "
      "exported file in GIMP shows (1) }" },
  };
  static const GimpParamDef return_vals[] = {
    { GIMP_PDB_DRAWABLE, "result",
      "The drawable that holds the result: the drawable itself (output "
      "0), the new layer (1), the last generation's layer (2), the "
      "difference layer (3)" },
    { GIMP_PDB_INT32, "generations-run",
      "Generations computed for the drawable: fewer than asked when a "
      "generation changed nothing, since every later one is the same; 0 "
      "when the dialog had computed the result" },
    { GIMP_PDB_INT32, "fixed-point",
      "0, or the first generation that changed no pixel" },
    { GIMP_PDB_INT32, "table-length",
      "5 x generations-run, the length of 'table'" },
    { GIMP_PDB_FLOATARRAY, "table",
      "For each generation computed for the drawable, 5 numbers: the "
      "quality used, the grid's x and y offset, the pixels it changed, its "
      "PSNR in dB against the drawable's pixels before the run (inf when "
      "equal)" },
  };

  gimp_plugin_domain_register (GETTEXT_PACKAGE, ja_locale_dir ());

  gimp_install_procedure (
      PLUG_IN_PROC,
      N_ ("Make the layer look saved as a JPEG, once or many times over"),
      "Runs the lossy part of a baseline JPEG round trip (colour "
      "conversion, chroma subsampling, 8x8 DCT, quantization and back) on "
      "the drawable, exactly as libjpeg-turbo, the library behind GIMP's "
      "JPEG export and import, computes it, 'generations' times over: each "
      "generation encodes the previous one's result, as saving a JPEG again "
      "and again does.  'quality' and 'subsampling' are the export's "
      "settings; 'quality-jitter' and 'grid-drift' vary them from one "
      "generation to the next, as images shared over and over are, drawn "
      "from 'seed'.  The whole drawable is computed, the 8x8 grid anchored "
      "at the image's origin (as exporting the image places it, the "
      "layer's offsets counted) or at the layer's own, and the result "
      "blended through the selection.  Alpha is never changed; "
      "'transparency' says whether the encoder sees the colours under it "
      "or those colours flattened on the background colour.  'apply-to' "
      "also changes the layers linked to the drawable; 'output' replaces "
      "the drawable, adds a new layer above it, or adds one layer per "
      "generation (animation frames).  Works on RGB and grayscale layers, "
      "layer masks and channels of every precision, through 8-bit values: "
      "colours gamma-encoded as a JPEG file holds them, layer masks and "
      "channels in the tone curve GIMP keeps them in (linear for layer "
      "masks).  Output 3 adds a layer that shows what changed: the "
      "difference to the drawable, times 8.  A run that needs more memory "
      "than is free is refused before it starts.  Everything is one undo "
      "step.  plug-in-jpeg-artifacts2 takes the same parameters and more: "
      "a preset, a schedule, colour changes and the original JPEG file's "
      "settings.",
      "The JPEG Artifacts for GIMP authors",
      "Copyright (C) 2026 The JPEG Artifacts for GIMP authors, "
      "GPL-3.0-or-later",
      "2026", N_ ("JPEG _Artifacts…"), "RGB*, GRAY*", GIMP_PLUGIN, JA_N_PARAMS,
      G_N_ELEMENTS (return_vals), args, return_vals);

  gimp_plugin_menu_register (PLUG_IN_PROC, "<Image>/Filters/Distorts");

  gimp_install_procedure (
      PLUG_IN_PROC2,
      "Make the layer look saved as a JPEG, with a schedule, a preset or "
      "the original file's settings",
      "plug-in-jpeg-artifacts with six parameters more, after its "
      "fourteen, which keep their meaning: 'preset' first sets the look "
      "from a built-in or saved preset (overriding quality, generations, "
      "subsampling, dct, quality-jitter, grid-drift, schedule, saturation, "
      "contrast, sharpen and use-original-settings); 'schedule' gives each "
      "generation its own save, e.g. \"q95; q75 x0.8 lanczos; q60 x0.6 "
      "bicubic; q45 x0.5\" (each step its quality, subsampling, a scale "
      "down and back up with a filter, colour changes, a repeat count), as "
      "an image re-shared across platforms that scale and re-save it; "
      "'saturation', 'contrast' and 'sharpen' change the colours before "
      "every save, as deep-fried memes are made; 'use-original-settings' "
      "saves with the quantization tables and subsampling of the JPEG "
      "file the image was loaded from (GIMP's \"jpeg-settings\" "
      "parasite), as GIMP's JPEG export re-saves it with the original "
      "quality.  Every save is still exactly what libjpeg-turbo computes.  "
      "The return values are plug-in-jpeg-artifacts'.  RUN-INTERACTIVE "
      "shows the dialog, RUN-WITH-LAST-VALS runs with the values of the "
      "last run of either procedure.",
      "The JPEG Artifacts for GIMP authors",
      "Copyright (C) 2026 The JPEG Artifacts for GIMP authors, "
      "GPL-3.0-or-later",
      "2026", NULL, "RGB*, GRAY*", GIMP_PLUGIN, JA_N_PARAMS2,
      G_N_ELEMENTS (return_vals), args, return_vals);

  gimp_install_procedure (
      PLUG_IN_PROC3,
      "Make the layer look saved as a JPEG and opened again by a viewer or "
      "by GIMP",
      "plug-in-jpeg-artifacts2 with one parameter more, after its twenty, "
      "which keep their meaning: 'decode-as' says whose decoder gives each "
      "generation's pixels.  0 is libjpeg-turbo's default, the accurate "
      "integer IDCT, as browsers and most viewers decode (what the other "
      "two procedures do); 1 is GIMP 2.10's own JPEG loader, which asks "
      "libjpeg-turbo for the floating-point IDCT, so that 'export, then "
      "open in GIMP' is exact, generation after generation.  The two "
      "differ by a level or a few in some pixels.  The return values are "
      "plug-in-jpeg-artifacts'.",
      "The JPEG Artifacts for GIMP authors",
      "Copyright (C) 2026 The JPEG Artifacts for GIMP authors, "
      "GPL-3.0-or-later",
      "2026", NULL, "RGB*, GRAY*", GIMP_PLUGIN, G_N_ELEMENTS (args),
      G_N_ELEMENTS (return_vals), args, return_vals);
}

/* The last values stored by a successful run, or the defaults when there
 * are none or they do not fit this version's ranges. */
static void
load_last_values (JaValues *values)
{
  JaValues stored;
  gchar *message;

  ja_values_init (values);
  if (gimp_get_data_size (PLUG_IN_PROC) != sizeof stored
      || !gimp_get_data (PLUG_IN_PROC, &stored))
    return;
  message = ja_arguments_check (&stored);
  if (message == NULL)
    *values = stored;
  g_free (message);
}

/* Before the dialog: checks what no choice in it can change, so that a
 * drawable the effect cannot apply to gets its message at once.  A layer
 * is checked as if its result went into a new layer (its own text and
 * lock do not matter then), a mask or a channel as if it were replaced;
 * and the memory is checked for what the least run needs, which the
 * dialog's preview needs too. */
static GimpPDBStatusType
check_before_dialog (gint32 image, gint32 drawable, const JaValues *values,
                     const JaOriginal *original, gchar **message)
{
  JaValues permissive = *values;
  GArray *targets = NULL;
  GimpPDBStatusType status;

  permissive.apply_to = JA_APPLY_DRAWABLE;
  permissive.output
      = gimp_item_is_valid (drawable) && gimp_item_is_layer (drawable)
            ? JA_OUTPUT_NEW_LAYER
            : JA_OUTPUT_REPLACE;
  status
      = ja_targets_collect (image, drawable, &permissive, &targets, message);
  if (targets != NULL)
    g_array_free (targets, TRUE);
  if (status == GIMP_PDB_SUCCESS)
    {
      JaMemoryNeed need;
      guint64 total;

      gegl_init (NULL, NULL);
      ja_memory_need (drawable, &permissive, original, FALSE, FALSE, &need);
      total = need.held;
      ja_memory_add (&total, need.computing);
      /* The preview's runs also keep their statistics. */
      ja_memory_add (&total, need.statistics);
      *message = ja_memory_check (total, ja_memory_available (), drawable, 0,
                                  &permissive);
      if (*message != NULL)
        status = GIMP_PDB_EXECUTION_ERROR;
    }
  return status;
}

/* Connects GTK to the display GIMP shows its windows on.  FALSE with
 * *MESSAGE when there is none: GIMP runs without its user interface
 * (gimp-console, gimp -i), where GIMP names no display, or the display
 * cannot be opened. */
static gboolean
open_display (const gchar *procedure, gchar **message)
{
  const gchar *display = gimp_display_name ();
  gchar *args[] = { PLUG_IN_BINARY, "--display", (gchar *)display, NULL };
  gchar **argv = args;
  int argc = 3;

  if (display != NULL && display[0] != '\0' && gtk_init_check (&argc, &argv))
    return TRUE;
  *message = g_strdup_printf (
      _ ("JPEG Artifacts cannot show its dialog: GIMP has no display here "
         "(it runs without its user interface).  Call %s with "
         "RUN-NONINTERACTIVE and every parameter, or with "
         "RUN-WITH-LAST-VALS."),
      procedure);
  return FALSE;
}

/* Shows the dialog for DRAWABLE, on the display open_display opened, with
 * ORIGINAL the image's JPEG settings.  TRUE when the user chose OK: VALUES
 * are the dialog's, *SOURCE holds the drawable's pixels and *RESULT, when
 * not NULL, the result the preview showed. */
static gboolean
show_dialog (gint32 image, gint32 drawable, const JaOriginal *original,
             JaValues *values, JartImage *source, guint8 **result)
{
  JaDialogLayer layer;
  JaDialogGeometry geometry;
  JaCanvas canvas;
  gchar *theme_dir;
  gboolean ok;

  *result = NULL;
  if (!ja_dialog_input_read (&layer, image, drawable, original, source))
    return FALSE;

  ja_dialog_geometry_init (&geometry);
  if (gimp_get_data_size (DIALOG_DATA_KEY) == sizeof geometry)
    gimp_get_data (DIALOG_DATA_KEY, &geometry);

  layer.transient_xid = (gulong)gimp_progress_get_window_handle ();
  /* Deprecated without a successor in GIMP 2.10, yet the only way to learn
     which theme GIMP wears. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  theme_dir = gimp_get_theme_dir ();
  G_GNUC_END_IGNORE_DEPRECATIONS
  layer.dark_theme = ja_theme_is_dark (theme_dir);
  g_free (theme_dir);
  if (ja_canvas_possible (drawable))
    {
      ja_canvas_init (&canvas, image, drawable, source);
      layer.canvas_preview = ja_canvas_show;
      layer.canvas_data = &canvas;
    }

  ok = ja_dialog_run (&layer, values, &geometry, result);
  gimp_set_data (DIALOG_DATA_KEY, &geometry, sizeof geometry);
  ja_dialog_input_free (&layer, ok, source);
  return ok;
}

/* Reads the parameters of a RUN-NONINTERACTIVE call of PROCEDURE, which
 * takes EXPECTED of them, into VALUES, the preset applied, and checks
 * them.  NULL, or the message of the calling error. */
static gchar *
read_arguments (const gchar *procedure, gint expected, gint nparams,
                const GimpParam *param, JaValues *values)
{
  gchar *message, *file;

  if (nparams != expected)
    return g_strdup_printf (_ ("%s takes %d parameters; it got %d."),
                            procedure, expected, nparams);
  message = ja_pdb_read (param, nparams, values);
  if (message == NULL)
    {
      file = ja_user_presets_file ();
      message = ja_arguments_apply_preset (values, file);
      g_free (file);
    }
  if (message == NULL)
    message = ja_arguments_check (values);
  return message;
}

static void
run (const gchar *name, gint nparams, const GimpParam *param,
     gint *nreturn_vals, GimpParam **return_vals)
{
  static GimpParam values[N_RETURN];
  static gdouble *table = NULL;
  static gchar *error_message = NULL;
  GimpPDBStatusType status = GIMP_PDB_SUCCESS;
  GimpRunMode run_mode;
  JaValues ja_values;
  JaOriginal original;
  JaOutcome outcome = { -1, { 0, 0 }, NULL };
  JartImage source = { 0 };
  guint8 *dialog_result = NULL;
  GArray *targets = NULL;
  gchar *message = NULL, *original_problem = NULL;
  gboolean third = g_strcmp0 (name, PLUG_IN_PROC3) == 0;
  gboolean second = third || g_strcmp0 (name, PLUG_IN_PROC2) == 0;
  const gchar *procedure = third    ? PLUG_IN_PROC3
                           : second ? PLUG_IN_PROC2
                                    : PLUG_IN_PROC;
  gint expected = third ? JA_N_PARAMS3 : second ? JA_N_PARAMS2 : JA_N_PARAMS;
  gint32 image, drawable;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, ja_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  gimp_plugin_enable_precision ();

  g_clear_pointer (&table, g_free);
  g_clear_pointer (&error_message, g_free);
  *return_vals = values;
  *nreturn_vals = 1;
  values[0].type = GIMP_PDB_STATUS;
  memset (&original, 0, sizeof original);

  if (nparams < 3)
    {
      message = g_strdup_printf (
          _ ("%s takes at least the run mode, the image and the drawable; "
             "it got %d parameters."),
          procedure, nparams);
      status = GIMP_PDB_CALLING_ERROR;
      goto done;
    }
  run_mode = param[JA_PARAM_RUN_MODE].data.d_int32;
  image = param[JA_PARAM_IMAGE].data.d_image;
  drawable = param[JA_PARAM_DRAWABLE].data.d_drawable;

  switch (run_mode)
    {
    case GIMP_RUN_INTERACTIVE:
      load_last_values (&ja_values);
      if (gimp_image_is_valid (image))
        original_problem = ja_original_read (image, &original,
                                             JA_ORIGINAL_FROM_ARGUMENT, NULL);
      status = check_before_dialog (image, drawable, &ja_values, &original,
                                    &message);
      if (status != GIMP_PDB_SUCCESS)
        goto done;
      if (!open_display (procedure, &message))
        {
          status = GIMP_PDB_EXECUTION_ERROR;
          goto done;
        }
      if (!show_dialog (image, drawable, &original, &ja_values, &source,
                        &dialog_result))
        {
          status = GIMP_PDB_CANCEL;
          goto done;
        }
      break;

    case GIMP_RUN_NONINTERACTIVE:
      message
          = read_arguments (procedure, expected, nparams, param, &ja_values);
      if (message != NULL)
        {
          status = GIMP_PDB_CALLING_ERROR;
          goto done;
        }
      break;

    case GIMP_RUN_WITH_LAST_VALS:
      load_last_values (&ja_values);
      break;

    default:
      message = g_strdup_printf (
          _ ("Parameter 'run-mode' is %d; it must be 0 to 2."), run_mode);
      status = GIMP_PDB_CALLING_ERROR;
      goto done;
    }

  status
      = ja_targets_collect (image, drawable, &ja_values, &targets, &message);
  if (status != GIMP_PDB_SUCCESS)
    goto done;
  if (run_mode != GIMP_RUN_INTERACTIVE)
    original_problem = ja_original_read (
        image, &original,
        ja_original_from (run_mode == GIMP_RUN_WITH_LAST_VALS, &ja_values),
        ja_values.preset);
  if (ja_values.use_original && !original.usable)
    {
      message = g_steal_pointer (&original_problem);
      status = GIMP_PDB_EXECUTION_ERROR;
      goto done;
    }

  /* GEGL and babl from here on only: loading GEGL's modules takes most of
     the time of a call refused above. */
  gegl_init (NULL, NULL);
  status = ja_apply (image, targets, &ja_values,
                     original.usable ? &original : NULL,
                     source.pixels != NULL ? &source : NULL, dialog_result,
                     &outcome, &message);
  if (status != GIMP_PDB_SUCCESS)
    goto done;

  gimp_set_data (PLUG_IN_PROC, &ja_values, sizeof ja_values);
  if (run_mode != GIMP_RUN_NONINTERACTIVE)
    gimp_displays_flush ();

  table = ja_results_table (outcome.reports);
  *nreturn_vals = N_RETURN;
  values[RETURN_RESULT].type = GIMP_PDB_DRAWABLE;
  values[RETURN_RESULT].data.d_drawable = outcome.result;
  values[RETURN_GENERATIONS_RUN].type = GIMP_PDB_INT32;
  values[RETURN_GENERATIONS_RUN].data.d_int32 = outcome.run.generations_run;
  values[RETURN_FIXED_POINT].type = GIMP_PDB_INT32;
  values[RETURN_FIXED_POINT].data.d_int32 = outcome.run.fixed_point;
  values[RETURN_TABLE_LENGTH].type = GIMP_PDB_INT32;
  values[RETURN_TABLE_LENGTH].data.d_int32
      = (gint32)outcome.reports->len * JA_RESULTS_TABLE_COLUMNS;
  values[RETURN_TABLE].type = GIMP_PDB_FLOATARRAY;
  values[RETURN_TABLE].data.d_floatarray = table;

done:
  if (targets != NULL)
    g_array_free (targets, TRUE);
  if (outcome.reports != NULL)
    g_array_free (outcome.reports, TRUE);
  g_free (source.pixels);
  g_free (dialog_result);
  g_free (original_problem);

  values[0].data.d_status = status;
  if (message != NULL)
    {
      /* GIMP shows this text with the error, and scripts get it. */
      error_message = message;
      *nreturn_vals = 2;
      values[1].type = GIMP_PDB_STRING;
      values[1].data.d_string = error_message;
    }
}
