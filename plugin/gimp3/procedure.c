/* procedure.c: plug-in-jpeg-artifacts as GIMP 3 declares it.  The
 * arguments are those of GIMP 2.10's plug-in-jpeg-artifacts3
 * (plug-in-jpeg-artifacts2's and decode-as) in GIMP 3's way: lower-case
 * names, a default for each (so a script names only what it changes),
 * GimpChoice strings for the enumerations instead of numbers, a boolean
 * for use-original-settings; there is no apply-to (the
 * selected drawables are the ones changed) and no table-length (GIMP 3's
 * arrays know their length).  The dialog's window geometry and its "File
 * coded as" are auxiliary arguments: GIMP keeps them with the last values,
 * scripts do not pass them.  GIMP checks every number's range itself
 * before the run; plugin/common/arguments.c checks what GIMP cannot (the
 * preset, the schedule).
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "procedure.h"

/* The choices' ids, in the order of the JaValues numbers they stand for. */
static const char *const subsampling_ids[]
    = { "444", "422", "420", "440", "411", NULL };
static const char *const subsampling_labels[] = { N_ ("4:4:4 (best quality)"),
                                                  N_ ("4:2:2"),
                                                  N_ ("4:2:0 (smallest file)"),
                                                  N_ ("4:4:0"),
                                                  N_ ("4:1:1"),
                                                  NULL };
static const char *const dct_ids[] = { "accurate", "fast", "float", NULL };
static const char *const dct_labels[]
    = { N_ ("Accurate integer"), N_ ("Fast integer"), N_ ("Floating point"),
        NULL };
static const char *const anchor_ids[] = { "image", "layer", NULL };
static const char *const anchor_labels[]
    = { N_ ("The image's origin"), N_ ("The layer's origin"), NULL };
static const char *const transparency_ids[] = { "own", "flatten", NULL };
static const char *const transparency_labels[]
    = { N_ ("The layer's own colours"),
        N_ ("Flattened on the background colour"), NULL };
static const char *const decode_ids[] = { "viewers", "gimp", NULL };
static const char *const decode_labels[]
    = { N_ ("Viewers (libjpeg-turbo)"), N_ ("GIMP"), NULL };
static const char *const output_ids[] = { "replace",        "new-layer",
                                          "per-generation", "difference",
                                          "filter",         NULL };
static const char *const output_labels[]
    = { N_ ("Replace the layer"),
        N_ ("A new layer above it"),
        N_ ("One new layer per generation"),
        N_ ("A new layer with the difference"),
        N_ ("A non-destructive filter"),
        NULL };
/* The dialog's "File coded as" (JartCoding), an auxiliary argument. */
static const char *const size_for_ids[]
    = { "standard", "optimized", "progressive", NULL };
static const char *const size_for_labels[]
    = { N_ ("Baseline, standard tables"), N_ ("Optimized"),
        N_ ("As GIMP exports it (progressive)"), NULL };

/* A GimpChoice of IDS with LABELS. */
static GimpChoice *
make_choice (const char *const *ids, const char *const *labels)
{
  GimpChoice *choice = gimp_choice_new ();
  int i;

  for (i = 0; ids[i] != NULL; i++)
    gimp_choice_add (choice, ids[i], i, _ (labels[i]), NULL);
  return choice;
}

void
ja_procedure_add_arguments (GimpProcedure *procedure)
{
  JaValues d;

  ja_values_init (&d);
  gimp_procedure_add_int_argument (
      procedure, "quality", _ ("_Quality"),
      "JPEG quality, on the scale of GIMP's JPEG export", JART_QUALITY_MIN,
      JART_QUALITY_MAX, d.quality, G_PARAM_READWRITE);
  gimp_procedure_add_int_argument (
      procedure, "generations", _ ("_Generations"),
      "How many times the drawable is saved as a JPEG and opened again",
      JART_GENERATIONS_MIN, JART_GENERATIONS_MAX, d.generations,
      G_PARAM_READWRITE);
  gimp_procedure_add_choice_argument (
      procedure, "subsampling", _ ("_Subsampling"),
      "Chroma subsampling; ignored for grayscale",
      make_choice (subsampling_ids, subsampling_labels),
      subsampling_ids[d.subsampling], G_PARAM_READWRITE);
  gimp_procedure_add_choice_argument (
      procedure, "dct", _ ("_DCT method"), "The encoder's DCT",
      make_choice (dct_ids, dct_labels), dct_ids[d.dct], G_PARAM_READWRITE);
  gimp_procedure_add_int_argument (
      procedure, "quality-jitter", _ ("Quality _jitter"),
      "Each generation uses a quality up to this much above or below "
      "'quality'",
      0, JART_QUALITY_JITTER_MAX, d.quality_jitter, G_PARAM_READWRITE);
  gimp_procedure_add_int_argument (
      procedure, "grid-drift", _ ("Grid d_rift"),
      "Each generation moves the 8x8 grid by up to this many pixels, as "
      "cropping between saves does",
      0, JART_GRID_DRIFT_MAX, d.grid_drift, G_PARAM_READWRITE);
  gimp_procedure_add_int_argument (
      procedure, "seed", _ ("S_eed"),
      "Seeds the jitter and drift; the same seed gives the same result",
      G_MININT, G_MAXINT, (int)d.seed, G_PARAM_READWRITE);
  gimp_procedure_add_choice_argument (
      procedure, "grid-anchor", _ ("Grid _anchor"),
      "Where the 8x8 grid starts: the image's origin, as exporting the "
      "image gives, or each layer's own origin",
      make_choice (anchor_ids, anchor_labels), anchor_ids[d.grid_anchor],
      G_PARAM_READWRITE);
  gimp_procedure_add_choice_argument (
      procedure, "transparency", _ ("_Transparency"),
      "What the encoder sees under transparent pixels: the layer's own "
      "colours, or those colours flattened on the background colour; alpha "
      "itself never changes",
      make_choice (transparency_ids, transparency_labels),
      transparency_ids[d.transparency], G_PARAM_READWRITE);
  gimp_procedure_add_choice_argument (
      procedure, "output", _ ("Out_put"),
      "Replace each drawable, add a new layer above it, add one new layer "
      "per generation (animation frames), add a layer above it with the "
      "difference min (255, 8 x |after - before|) of each colour channel, "
      "or add the GEGL operation ja:jpeg-artifacts to each layer as a "
      "non-destructive filter (\"filter\")",
      make_choice (output_ids, output_labels), output_ids[d.output],
      G_PARAM_READWRITE);
  gimp_procedure_add_string_argument (
      procedure, "preset", _ ("_Preset"),
      "\"\" for none, or a preset: a built-in id (\"light-resave\", "
      "\"shared\", \"deep-fried\", \"reshare-chain\") or the name of a "
      "preset the user saved in the dialog.  It sets quality, generations, "
      "subsampling, dct, quality-jitter, grid-drift, schedule, saturation, "
      "contrast, sharpen and use-original-settings, overriding those "
      "arguments",
      d.preset, G_PARAM_READWRITE);
  gimp_procedure_add_string_argument (
      procedure, "schedule", _ ("Sc_hedule"),
      "\"\" for none, or what each generation does, steps separated by "
      "';', e.g. \"q95; q75 x0.8 lanczos; q60 x0.6 bicubic; q45 x0.5\": "
      "generation g follows step g, the last step repeats.  A step's words: "
      "qN quality; tables the JPEG file's own tables; 444 422 420 440 411; "
      "xS or P% scale down and back up with nearest, bilinear, bicubic or "
      "lanczos; satS, conS, sharpS; *N the step N times",
      d.schedule, G_PARAM_READWRITE);
  gimp_procedure_add_double_argument (
      procedure, "saturation", _ ("Sat_uration"),
      "Before every save each colour moves away from its pixel's luma by "
      "this factor; 1 keeps the colours",
      0.0, JART_ADJUST_MAX, d.saturation, G_PARAM_READWRITE);
  gimp_procedure_add_double_argument (
      procedure, "contrast", _ ("C_ontrast"),
      "Before every save each channel moves away from 128 by this factor; 1 "
      "keeps the colours",
      0.0, JART_ADJUST_MAX, d.contrast, G_PARAM_READWRITE);
  gimp_procedure_add_double_argument (
      procedure, "sharpen", _ ("Shar_pen"),
      "Before every save an unsharp mask of this amount against the 3x3 box "
      "blur; 0 keeps the colours",
      0.0, JART_ADJUST_MAX, d.sharpen, G_PARAM_READWRITE);
  gimp_procedure_add_boolean_argument (
      procedure, "use-original-settings", _ ("Use _original settings"),
      "Save with the quantization tables and subsampling of the JPEG file "
      "the image was loaded from, as GIMP's JPEG export does with 'use "
      "quality settings from original image'; fails on an image that was "
      "not loaded from a JPEG file",
      d.use_original != 0, G_PARAM_READWRITE);
  /* Last, so that the arguments before it keep their positions. */
  gimp_procedure_add_choice_argument (
      procedure, "decode-as", _ ("Decode as"),
      "Whose decoder gives each generation's pixels: libjpeg-turbo's "
      "default, the accurate integer IDCT, as browsers and most viewers "
      "decode (\"viewers\"), or GIMP's own JPEG loader, which decodes with "
      "the floating-point IDCT, so that the result is what opening the "
      "exported file in GIMP shows (\"gimp\")",
      make_choice (decode_ids, decode_labels), decode_ids[d.decode_as],
      G_PARAM_READWRITE);

  gimp_procedure_add_string_aux_argument (
      procedure, "dialog-geometry", "Dialog geometry",
      "The dialog's position, size, split, grid and Preview on canvas, as "
      "it was last closed",
      "", G_PARAM_READWRITE);
  /* Auxiliary: GIMP keeps it with the last values, scripts do not pass
     it. */
  gimp_procedure_add_choice_aux_argument (
      procedure, "size-for", "File coded as",
      "Whose file the dialog's file size read-out measures: baseline with "
      "standard Huffman tables, optimized tables, or progressive as GIMP "
      "exports it",
      make_choice (size_for_ids, size_for_labels), size_for_ids[d.size_for],
      G_PARAM_READWRITE);

  gimp_procedure_add_drawable_return_value (
      procedure, "result", "Result",
      "The drawable that holds the first selected drawable's result: the "
      "drawable itself (output replace, or filter: it carries the filter), "
      "the new layer, the last generation's layer, the difference layer",
      TRUE, G_PARAM_READWRITE);
  gimp_procedure_add_int_return_value (
      procedure, "generations-run", "Generations run",
      "Generations computed for the first drawable: fewer than asked when a "
      "generation changed nothing; 0 when the dialog had computed the "
      "result, and for the output filter (GIMP computes it)",
      0, JART_GENERATIONS_MAX, 0, G_PARAM_READWRITE);
  gimp_procedure_add_int_return_value (
      procedure, "fixed-point", "Fixed point",
      "0, or the first generation that changed no pixel", 0,
      JART_GENERATIONS_MAX, 0, G_PARAM_READWRITE);
  gimp_procedure_add_double_array_return_value (
      procedure, "table", "Table",
      "For each generation computed for the first drawable, 5 numbers: the "
      "quality used, the grid's x and y offset, the pixels it changed, its "
      "PSNR in dB against the pixels before the run (inf when equal)",
      G_PARAM_READWRITE);
}

/* The string argument NAME of CONFIG copied into FIELD of SIZE bytes, or
 * the message when it does not fit (GIMP 3's procedure has no length
 * limit; a cut schedule or preset could read, as another one); FIELD is
 * then "". */
static gchar *
read_string (GimpProcedureConfig *config, const char *name, char *field,
             gsize size)
{
  gchar *value = NULL, *message = NULL;
  gsize length;

  g_object_get (config, name, &value, NULL);
  length = value != NULL ? strlen (value) : 0;
  if (length >= size)
    {
      message = g_strdup_printf (
          /* TRANSLATORS: the parameter's name, its length and the most it
             takes, in bytes. */
          _ ("Parameter '%s' is %lu bytes long; it takes at most %lu."), name,
          (unsigned long)length, (unsigned long)(size - 1));
      field[0] = '\0';
    }
  else
    g_strlcpy (field, value != NULL ? value : "", size);
  g_free (value);
  return message;
}

gchar *
ja_procedure_read (GimpProcedureConfig *config, JaValues *values)
{
  gchar *message;
  gboolean use_original = FALSE;
  gint seed = 0;

  ja_values_init (values);
  g_object_get (config, "quality", &values->quality, "generations",
                &values->generations, "quality-jitter",
                &values->quality_jitter, "grid-drift", &values->grid_drift,
                "seed", &seed, "saturation", &values->saturation, "contrast",
                &values->contrast, "sharpen", &values->sharpen,
                "use-original-settings", &use_original, NULL);
  values->seed = (uint32_t)seed;
  values->use_original = use_original ? 1 : 0;
  values->subsampling
      = gimp_procedure_config_get_choice_id (config, "subsampling");
  values->dct = gimp_procedure_config_get_choice_id (config, "dct");
  values->grid_anchor
      = gimp_procedure_config_get_choice_id (config, "grid-anchor");
  values->transparency
      = gimp_procedure_config_get_choice_id (config, "transparency");
  values->output = gimp_procedure_config_get_choice_id (config, "output");
  values->decode_as
      = gimp_procedure_config_get_choice_id (config, "decode-as");
  values->size_for = gimp_procedure_config_get_choice_id (config, "size-for");
  values->apply_to = JA_APPLY_DRAWABLE;
  message
      = read_string (config, "preset", values->preset, sizeof values->preset);
  if (message == NULL)
    message = read_string (config, "schedule", values->schedule,
                           sizeof values->schedule);
  return message;
}

void
ja_procedure_write (GimpProcedureConfig *config, const JaValues *v)
{
  g_object_set (
      config, "quality", v->quality, "generations", v->generations,
      "subsampling", subsampling_ids[v->subsampling], "dct", dct_ids[v->dct],
      "quality-jitter", v->quality_jitter, "grid-drift", v->grid_drift, "seed",
      (gint)v->seed, "grid-anchor", anchor_ids[v->grid_anchor], "transparency",
      transparency_ids[v->transparency], "output", output_ids[v->output],
      "preset", v->preset, "schedule", v->schedule, "saturation",
      v->saturation, "contrast", v->contrast, "sharpen", v->sharpen,
      "use-original-settings", v->use_original != 0, "decode-as",
      decode_ids[v->decode_as], "size-for", size_for_ids[v->size_for], NULL);
}

void
ja_procedure_read_geometry (GimpProcedureConfig *config,
                            JaDialogGeometry *geometry)
{
  gchar *text = NULL;
  JaDialogGeometry read;
  int split_permille, fields = 0;

  /* "Preview on canvas" came last: text without it keeps it off. */
  read.on_canvas = 0;
  g_object_get (config, "dialog-geometry", &text, NULL);
  if (text != NULL)
    fields = sscanf (text, "%d %d %d %d %d %d %d %d", &read.x, &read.y,
                     &read.width, &read.height, &read.split, &read.grid,
                     &split_permille, &read.on_canvas);
  if ((fields == 7 || fields == 8) && split_permille >= 0
      && split_permille <= 1000)
    {
      read.split_position = split_permille / 1000.0;
      *geometry = read;
    }
  g_free (text);
}

void
ja_procedure_write_geometry (GimpProcedureConfig *config,
                             const JaDialogGeometry *geometry)
{
  gchar *text = g_strdup_printf (
      "%d %d %d %d %d %d %d %d", geometry->x, geometry->y, geometry->width,
      geometry->height, geometry->split, geometry->grid,
      (int)(geometry->split_position * 1000.0 + 0.5),
      geometry->on_canvas != 0);

  g_object_set (config, "dialog-geometry", text, NULL);
  g_free (text);
}
