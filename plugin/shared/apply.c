/* apply.c: one run of the effect, in GIMP 2.10 and in GIMP 3: this file
 * is compiled into each plug-in, glue.h naming the image and its items
 * (GIMP 2.10's IDs, GIMP 3's objects) and the few calls that differ.  A run
 * has two phases:
 *
 * 1. Compute.  Each target is read whole (the 8x8 grid and each block's
 *    neighbours need all of it, whatever the selection) and goes through
 *    the codec, with GIMP's status bar following the codec's progress.
 *    For one layer per generation, each generation the codec reports is
 *    written into a copy of the layer that is not in the image yet.
 * 2. Write, in one undo group: into the drawables themselves, into a new
 *    layer above each, or by inserting the generations' layers above each,
 *    always through the shadow buffer and the selection.  The difference
 *    output writes the result into a new layer as the new-layer output
 *    does, reads that layer back (the result blended through the
 *    selection, as GIMP blends it) and writes over the whole layer its
 *    difference against the drawable's pixels before the run, kept from
 *    phase 1 (jart_difference, as the preview and the tool show it).
 *
 * Before phase 1 the run's memory need is compared with what the machine
 * has free (memory.c): a run that cannot fit is refused before it reads a
 * pixel.
 *
 * Cancel: in GIMP 2.10 the Cancel button of a plug-in's progress does not
 * tell the plug-in; GIMP sends it GP_QUIT and SIGKILL 10 ms later (its
 * progress "cancel" handler calls gimp_plug_in_close (plug_in, TRUE)), so
 * the codec stops with the process; GIMP 3 stops the plug-in as well.
 * Nothing in the image changes during phase 1, so a cancel then leaves
 * every layer as it was: at worst copies that never entered the image.
 * The progress ends before phase 2, which takes its Cancel button away: a
 * run is either cancelled before it writes anything or not at all, never
 * halfway through its writes.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "apply.h"
#include "drawable-memory.h"
#include "glue.h"
#include "pixels.h"
#include "results.h"

/* One target on its way through the run. */
typedef struct
{
  JaItem drawable;
  gboolean selected; /* the selection touches it */
  JartImage pixels;  /* read, then replaced by the result in place */
  guint8 *before;    /* output 3: the pixels as read, before the run */
  JaItem result;     /* where phase 2 wrote the result, or JA_NO_ITEM */
  GArray *frames;    /* output 2: JaItem copies of the layer, not yet in
                        the image, one per generation computed */
} Work;

/* What the codec's callbacks need. */
typedef struct
{
  JaImage image;
  const JaValues *values;
  const JaOriginal *original; /* the image's JPEG settings, or NULL */
  Work *work;                 /* the target being computed */
  int index;                  /* its index among COUNT targets */
  int count;
  double shown;    /* the fraction of the run the status bar shows */
  GArray *reports; /* NULL, or where this target's reports go */
} RunContext;

static JaItem
copy_for_generation (JaImage image, JaItem drawable, int generation)
{
  /* TRANSLATORS: the name of the layer that holds one generation. */
  gchar *name = g_strdup_printf (_ ("Generation %d"), generation);
  JaItem copy = ja_glue_copy_layer (image, drawable, name);

  g_free (name);
  return copy;
}

/* Merges the shadow of LAYER, a new layer that copies the drawable and is
 * in the image now.  A copy of a text layer is a text layer; merged with an
 * undo step, it is marked modified, as GIMP marks a text layer a filter
 * changed, so that its text no longer stands for its pixels and is never
 * rendered over them. */
static void
merge_new_layer (JaItem layer)
{
  ja_pixels_merge (layer, ja_glue_is_text_layer (layer));
}

static int
on_progress (double fraction, void *user_data)
{
  RunContext *context = user_data;
  double overall = (context->index + fraction) / context->count;

  if (overall - context->shown < 0.005 && fraction < 1.0)
    return 0;
  context->shown = overall;
  /* FALSE only when GIMP no longer listens: stop then. */
  return !gimp_progress_update (overall);
}

static int
on_generation (const JartGenerationReport *report, const JartImage *pixels,
               void *user_data)
{
  RunContext *context = user_data;

  if (context->reports != NULL)
    g_array_append_val (context->reports, *report);

  if (context->values->output == JA_OUTPUT_PER_GENERATION)
    {
      JaItem frame = copy_for_generation (
          context->image, context->work->drawable, report->generation);

      ja_pixels_write_shadow (frame, pixels, FALSE);
      g_array_append_val (context->work->frames, frame);
    }
  return 0;
}

/* Deletes the copies that never entered the image. */
static void
discard_frames (Work *work)
{
  guint i;

  if (work->frames == NULL)
    return;
  for (i = 0; i < work->frames->len; i++)
    ja_glue_delete (g_array_index (work->frames, JaItem, i));
  g_array_set_size (work->frames, 0);
}

/* Runs the codec on WORK's pixels, in place. */
static JartStatus
compute (RunContext *context, Work *work, JartResult *result)
{
  JartSettings settings;
  JartCallbacks callbacks = { 0 };
  JartStatus status;
  guint8 rgb[3];
  gint offset_x, offset_y;

  ja_glue_background (rgb);
  ja_glue_offsets (work->drawable, &offset_x, &offset_y);
  status = ja_values_to_settings (context->values, context->original, offset_x,
                                  offset_y, work->pixels.channels, rgb,
                                  &settings);
  if (status != JART_OK)
    return status;

  callbacks.generation_done = on_generation;
  callbacks.progress = on_progress;
  callbacks.user_data = context;
  context->work = work;
  return jart_run (&work->pixels, &work->pixels, &settings, &callbacks,
                   result);
}

/* Writes WORK's result as VALUES asks; returns the drawable that holds it,
 * or JA_NO_ITEM when the selection does not touch it. */
static JaItem
write_result (JaImage image, const JaValues *values, Work *work)
{
  JaItem layer = JA_NO_ITEM;
  gchar *name;
  int g;

  if (!work->selected)
    return JA_NO_ITEM;

  switch (values->output)
    {
    case JA_OUTPUT_REPLACE:
      ja_pixels_write_shadow (work->drawable, &work->pixels, TRUE);
      ja_pixels_merge (work->drawable, TRUE);
      layer = work->drawable;
      break;

    case JA_OUTPUT_NEW_LAYER:
    case JA_OUTPUT_DIFFERENCE:
      name = ja_results_layer_name (values);
      layer = ja_glue_copy_layer (image, work->drawable, name);
      g_free (name);
      ja_glue_insert_above (image, layer, work->drawable);
      ja_pixels_write_shadow (layer, &work->pixels, TRUE);
      merge_new_layer (layer);
      if (values->output == JA_OUTPUT_DIFFERENCE)
        {
          ja_pixels_read_into (layer, &work->pixels);
          ja_results_difference (&work->pixels, work->before);
          ja_pixels_write_whole (layer, &work->pixels);
        }
      break;

    case JA_OUTPUT_PER_GENERATION:
      /* After a fixed point, every later generation is the last one
         computed, which is the result. */
      for (g = (int)work->frames->len + 1; g <= values->generations; g++)
        {
          JaItem frame = copy_for_generation (image, work->drawable, g);

          ja_pixels_write_shadow (frame, &work->pixels, FALSE);
          g_array_append_val (work->frames, frame);
        }
      layer = work->drawable;
      for (g = 0; g < (int)work->frames->len; g++)
        {
          JaItem frame = g_array_index (work->frames, JaItem, g);

          ja_glue_insert_above (image, frame, layer);
          merge_new_layer (frame);
          layer = frame;
        }
      g_array_set_size (work->frames, 0);
      break;
    }
  return layer;
}

/* NULL when the run of VALUES on the N targets in WORKS fits in the memory
 * the machine has free, else the message.  FIRST_RESULT: the dialog
 * computed the first target's result. */
static gchar *
check_memory (const Work *works, int n, const JaValues *values,
              const JaOriginal *original, const guint8 *first_result)
{
  guint64 held = 0, computing = 0;
  int i;

  for (i = 0; i < n; i++)
    {
      JaMemoryNeed need;

      if (!works[i].selected)
        continue;
      ja_memory_need (works[i].drawable, values, original,
                      i == 0 && works[0].pixels.pixels != NULL,
                      i == 0 && first_result != NULL
                          && values->output != JA_OUTPUT_PER_GENERATION,
                      &need);
      ja_memory_add (&held, need.held);
      computing = MAX (computing, need.computing);
    }
  ja_memory_add (&held, computing);
  return ja_memory_check (held, ja_memory_available (), works[0].drawable,
                          n - 1, values);
}

static void
work_free (Work *work)
{
  discard_frames (work);
  if (work->frames != NULL)
    g_array_free (work->frames, TRUE);
  g_free (work->pixels.pixels);
  g_free (work->before);
}

GimpPDBStatusType
ja_apply (JaImage image, GArray *targets, const JaValues *values,
          const JaOriginal *original, JartImage *first_source,
          const guint8 *first_result, JaOutcome *outcome, gchar **message)
{
  RunContext context = { 0 };
  Work *works;
  GimpPDBStatusType status = GIMP_PDB_SUCCESS;
  int n = (int)targets->len;
  int i;

  *message = NULL;
  outcome->result = JA_NO_ITEM;
  outcome->run.generations_run = 0;
  outcome->run.fixed_point = 0;
  outcome->reports = g_array_new (FALSE, FALSE, sizeof (JartGenerationReport));

  works = g_new0 (Work, n);
  for (i = 0; i < n; i++)
    {
      works[i].drawable = g_array_index (targets, JaTarget, i).drawable;
      works[i].selected = ja_glue_mask_intersect (works[i].drawable);
      if (values->output == JA_OUTPUT_PER_GENERATION)
        works[i].frames = g_array_new (FALSE, FALSE, sizeof (JaItem));
    }
  if (first_source != NULL)
    {
      works[0].pixels = *first_source;
      first_source->pixels = NULL;
    }

  if (!works[0].selected)
    {
      gchar *name = ja_glue_name (works[0].drawable);

      *message = g_strdup_printf (
          _ ("The selection does not touch '%s': there is nothing to "
             "change.  Select part of it, or Select ▸ None."),
          name);
      g_free (name);
      status = GIMP_PDB_EXECUTION_ERROR;
      goto done;
    }

  *message = check_memory (works, n, values, original, first_result);
  if (*message != NULL)
    {
      status = GIMP_PDB_EXECUTION_ERROR;
      goto done;
    }

  /* Phase 1: every result, the image untouched. */
  gimp_progress_init (_ ("JPEG Artifacts"));
  context.image = image;
  context.values = values;
  context.original = original;
  context.count = n;
  for (i = 0; i < n && status == GIMP_PDB_SUCCESS; i++)
    {
      Work *work = &works[i];
      JartResult result;
      JartStatus codec_status;

      if (!work->selected)
        continue;
      if (work->pixels.pixels == NULL
          && !ja_pixels_read (work->drawable, &work->pixels))
        {
          *message = g_strdup (jart_strerror (JART_ERROR_NO_MEMORY));
          status = GIMP_PDB_EXECUTION_ERROR;
          break;
        }
      if (values->output == JA_OUTPUT_DIFFERENCE)
        {
          size_t size = work->pixels.stride * (size_t)work->pixels.height;

          work->before = g_try_malloc (size);
          if (work->before == NULL)
            {
              *message = g_strdup (jart_strerror (JART_ERROR_NO_MEMORY));
              status = GIMP_PDB_EXECUTION_ERROR;
              break;
            }
          memcpy (work->before, work->pixels.pixels, size);
        }
      if (i == 0 && first_result != NULL
          && values->output != JA_OUTPUT_PER_GENERATION)
        {
          memcpy (work->pixels.pixels, first_result,
                  work->pixels.stride * (size_t)work->pixels.height);
          continue;
        }

      context.index = i;
      context.reports = i == 0 ? outcome->reports : NULL;
      codec_status = compute (&context, work, &result);
      if (codec_status == JART_ERROR_CANCELLED)
        status = GIMP_PDB_CANCEL;
      else if (codec_status != JART_OK)
        {
          *message = g_strdup (jart_strerror (codec_status));
          status = GIMP_PDB_EXECUTION_ERROR;
        }
      else if (i == 0)
        outcome->run = result;
    }
  if (status != GIMP_PDB_SUCCESS)
    goto done;
  gimp_progress_update (1.0);
  /* No Cancel from here on; and no gimp_progress_* call either, as any of
     them would start the progress and its Cancel button again. */
  gimp_progress_end ();

  /* Phase 2: one undo step for everything written. */
  gimp_image_undo_group_start (image);
  for (i = 0; i < n; i++)
    {
      JaItem written = write_result (image, values, &works[i]);

      works[i].result = written;
      if (i == 0)
        outcome->result = written;
    }
  if (values->output != JA_OUTPUT_REPLACE)
    {
      JaItem *results = g_new (JaItem, n);

      for (i = 0; i < n; i++)
        results[i] = works[i].result;
      ja_glue_select_results (image, results, n);
      g_free (results);
    }
  gimp_image_undo_group_end (image);

done:
  for (i = 0; i < n; i++)
    work_free (&works[i]);
  g_free (works);
  return status;
}
