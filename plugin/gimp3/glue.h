/* glue.h: what plugin/common/apply.c needs of GIMP 3, whose images and
 * items are objects (every item it handles a GimpDrawable): a copy of a
 * layer, where it goes, its name, the selection's reach, the background
 * colour, the selected layers afterwards.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_GLUE_H
#define JA_GLUE_H

#include <libgimp/gimp.h>

typedef GimpImage *JaImage;
typedef GimpDrawable *JaItem;
#define JA_NO_ITEM NULL

/* A copy of the layer DRAWABLE named NAME, not yet in IMAGE, that the
 * plug-in may write into: neither text nor locked. */
static inline JaItem
ja_glue_copy_layer (JaImage image, JaItem drawable, const gchar *name)
{
  GimpLayer *copy = gimp_layer_new_from_drawable (drawable, image);

  gimp_item_set_name (GIMP_ITEM (copy), name);
  gimp_item_set_lock_content (GIMP_ITEM (copy), FALSE);
  return GIMP_DRAWABLE (copy);
}

/* Inserts LAYER into IMAGE right above BELOW, in the same layer group. */
static inline void
ja_glue_insert_above (JaImage image, JaItem layer, JaItem below)
{
  GimpItem *parent = gimp_item_get_parent (GIMP_ITEM (below));

  gimp_image_insert_layer (
      image, GIMP_LAYER (layer), GIMP_LAYER (parent),
      gimp_image_get_item_position (image, GIMP_ITEM (below)));
}

static inline void
ja_glue_delete (JaItem item)
{
  gimp_item_delete (GIMP_ITEM (item));
}

static inline gboolean
ja_glue_is_text_layer (JaItem item)
{
  return gimp_item_is_text_layer (GIMP_ITEM (item));
}

/* ITEM's name: free with g_free. */
static inline gchar *
ja_glue_name (JaItem item)
{
  return gimp_item_get_name (GIMP_ITEM (item));
}

/* Whether the selection touches DRAWABLE (all of it without one). */
static inline gboolean
ja_glue_mask_intersect (JaItem drawable)
{
  gint x, y, width, height;

  return gimp_drawable_mask_intersect (drawable, &x, &y, &width, &height);
}

static inline void
ja_glue_offsets (JaItem drawable, gint *x, gint *y)
{
  gimp_drawable_get_offsets (drawable, x, y);
}

/* GIMP's background colour, R'G'B' 8-bit. */
static inline void
ja_glue_background (guint8 rgb[3])
{
  GeglColor *background = gimp_context_get_background ();

  gegl_color_get_pixel (background, babl_format ("R'G'B' u8"), rgb);
  g_object_unref (background);
}

/* After a run that added layers: the layers holding the N targets'
 * results (JA_NO_ITEM where the selection missed a target) become the
 * selected layers, as they hold what the run made. */
static inline void
ja_glue_select_results (JaImage image, const JaItem *results, int n)
{
  GimpLayer **layers = g_new0 (GimpLayer *, n + 1);
  int i, count = 0;

  for (i = 0; i < n; i++)
    if (results[i] != NULL && GIMP_IS_LAYER (results[i]))
      layers[count++] = GIMP_LAYER (results[i]);
  if (count > 0)
    gimp_image_set_selected_layers (image, (const GimpLayer **)layers);
  g_free (layers);
}

/* Whether DRAWABLE holds amounts rather than colours: a layer mask or a
 * channel (GIMP's channel class holds both). */
static inline gboolean
ja_glue_is_mask (JaItem drawable)
{
  return GIMP_IS_CHANNEL (drawable);
}

static inline void
ja_glue_size (JaItem drawable, gint *width, gint *height)
{
  *width = gimp_drawable_get_width (drawable);
  *height = gimp_drawable_get_height (drawable);
}

/* The buffer of IMAGE's selection mask (free with g_object_unref). */
static inline GeglBuffer *
ja_glue_selection_buffer (JaImage image)
{
  return gimp_drawable_get_buffer (
      GIMP_DRAWABLE (gimp_image_get_selection (image)));
}

#endif /* JA_GLUE_H */
