/* memory.c: the memory a run needs and the memory the machine has free.
 *
 * A run keeps, for each drawable it changes, the plug-in's 8-bit copy of
 * the pixels from the moment it reads them to the end, and while the codec
 * runs on one of them the codec's own work (jart_memory_needed) and the
 * frame it hands to the generation callback.  GIMP keeps buffers of the
 * drawable's own format for the result: replacing writes a shadow buffer
 * and saves the old pixels for Undo; a new layer is a copy with its
 * shadow; one layer per generation is that for every generation; the
 * difference is a new layer, and the plug-in keeps the pixels before the
 * run beside the result to subtract them.  The codec's work follows the
 * settings the run has, its schedule's scaled copies included.  GIMP
 * runs on the same machine, so all of it counts.  The sum is a bound: the
 * codec's part is taken once, for the biggest drawable, as only one is
 * computed at a time.
 *
 * Nothing here calls libgimp: the drawable comes as a JaMemoryTarget,
 * which plugin/gimp2/drawable-memory.c and plugin/gimp3/drawable-memory.c
 * fill.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "free-memory.h"
#include "memory.h"

void
ja_memory_add (guint64 *a, guint64 b)
{
  *a = ja_free_memory_add (*a, b);
}

/* A * B, saturating at G_MAXUINT64. */
static guint64
multiply (guint64 a, guint64 b)
{
  return ja_free_memory_multiply (a, b);
}

void
ja_memory_target_need (const JaMemoryTarget *target, const JaValues *values,
                       const JaOriginal *original, gboolean read,
                       gboolean computed, JaMemoryNeed *need)
{
  guint64 pixels = multiply ((guint64)target->width, (guint64)target->height);
  int channels = target->channels;
  guint64 copy = multiply (pixels, (guint64)channels);
  guint64 native = multiply (pixels, (guint64)target->bytes_per_pixel);
  /* A new layer copied from a text layer is merged with an undo step (see
     plugin/shared/apply.c), which keeps its first pixels once more. */
  guint64 per_layer = target->text_layer ? 3 : 2;
  guint64 buffers = 0;

  switch (values->output)
    {
    case JA_OUTPUT_REPLACE:
      buffers = 2; /* the shadow, the old pixels for Undo */
      break;
    case JA_OUTPUT_NEW_LAYER:
      buffers = per_layer; /* the new layer, its shadow */
      break;
    case JA_OUTPUT_PER_GENERATION:
      buffers = multiply ((guint64)values->generations, per_layer);
      break;
    case JA_OUTPUT_DIFFERENCE:
      buffers = per_layer; /* the new layer, its shadow */
      break;
    }
  need->held = read ? 0 : copy;
  /* The difference keeps the pixels before the run beside the result. */
  if (values->output == JA_OUTPUT_DIFFERENCE)
    ja_memory_add (&need->held, copy);
  ja_memory_add (&need->held, multiply (native, buffers));

  need->computing = 0;
  need->statistics = 0;
  if (!computed)
    {
      JartSettings settings;
      guint64 statistics;
      const guint8 background[3] = { 0, 0, 0 };

      ja_values_to_settings (values, original, target->offset_x,
                             target->offset_y, channels, background,
                             &settings);
      need->computing = jart_memory_needed (target->width, target->height,
                                            channels, &settings);
      settings.statistics = 1;
      statistics = jart_memory_needed (target->width, target->height, channels,
                                       &settings);
      need->statistics
          = statistics > need->computing ? statistics - need->computing : 0;
      ja_memory_add (&need->computing, copy);
    }
}

guint64
ja_memory_available (void)
{
  return ja_free_memory_machine ();
}

/* The message for a run too big: FIRST, the sentence that says what needs
 * how much, then the advice for VALUES.  Takes FIRST over. */
static gchar *
refusal (gchar *first, const JaValues *values)
{
  const gchar *advice;
  gchar *message;

  if (values->output == JA_OUTPUT_PER_GENERATION)
    advice = _ ("Nothing was changed.  Every generation becomes a layer: "
                "choose fewer generations, or another output.");
  else
    advice = _ ("Nothing was changed.  Scale the image down (Image ▸ Scale "
                "Image), or close other programs and try again.");
  message = g_strconcat (first, "  ", advice, NULL);
  g_free (first);
  return message;
}

gchar *
ja_memory_message (guint64 needed, guint64 available, const char *name,
                   int n_linked, const JaValues *values)
{
  gchar *need_text, *free_text, *first;

  if (available == 0 || needed <= available)
    return NULL;

  need_text = g_format_size (needed);
  free_text = g_format_size (available);
  if (n_linked == 0)
    first = g_strdup_printf (
        /* TRANSLATORS: the drawable's name, the memory the run needs and
           the memory that is free, e.g. "7.1 GB" and "3.2 GB". */
        _ ("'%s' needs %s of memory for this run; %s is free."), name,
        need_text, free_text);
  else
    first = g_strdup_printf (
        /* TRANSLATORS: the drawable's name, how many layers are linked to
           it, the memory the run needs and the memory that is free. */
        g_dngettext (
            GETTEXT_PACKAGE,
            "'%s' and the %d layer linked to it need %s of memory for "
            "this run; %s is free.",
            "'%s' and the %d layers linked to it need %s of memory "
            "for this run; %s is free.",
            n_linked),
        name, n_linked, need_text, free_text);
  g_free (free_text);
  g_free (need_text);
  return refusal (first, values);
}

gchar *
ja_memory_message_selected (guint64 needed, guint64 available,
                            const char *name, int n_others,
                            const JaValues *values)
{
  gchar *need_text, *free_text, *first;

  if (n_others == 0)
    return ja_memory_message (needed, available, name, 0, values);
  if (available == 0 || needed <= available)
    return NULL;

  need_text = g_format_size (needed);
  free_text = g_format_size (available);
  first = g_strdup_printf (
      /* TRANSLATORS: the first selected drawable's name, how many other
         drawables are selected, the memory the run needs and the memory
         that is free. */
      g_dngettext (GETTEXT_PACKAGE,
                   "'%s' and the %d other selected layer need %s of memory "
                   "for this run; %s is free.",
                   "'%s' and the %d other selected layers need %s of "
                   "memory for this run; %s is free.",
                   n_others),
      name, n_others, need_text, free_text);
  g_free (free_text);
  g_free (need_text);
  return refusal (first, values);
}
