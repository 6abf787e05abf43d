/* glue.h: what plugin/common/apply.c needs of GIMP 2.10, whose images and
 * items are IDs: a copy of a layer, where it goes, its name, the
 * selection's reach, the background colour, the active layer afterwards.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_GLUE_H
#define JA_GLUE_H

#include <libgimp/gimp.h>

typedef gint32 JaImage;
typedef gint32 JaItem; /* a drawable */
#define JA_NO_ITEM (-1)

/* A copy of the layer DRAWABLE named NAME, not yet in IMAGE, that the
 * plug-in may write into: neither text, nor linked, nor locked. */
static inline JaItem
ja_glue_copy_layer (JaImage image, JaItem drawable, const gchar *name)
{
  gint32 copy = gimp_layer_new_from_drawable (drawable, image);

  gimp_item_set_name (copy, name);
  gimp_item_set_linked (copy, FALSE);
  gimp_item_set_lock_content (copy, FALSE);
  return copy;
}

/* Inserts LAYER into IMAGE right above BELOW, in the same layer group. */
static inline void
ja_glue_insert_above (JaImage image, JaItem layer, JaItem below)
{
  gint32 parent = gimp_item_get_parent (below);

  gimp_image_insert_layer (image, layer, parent > 0 ? parent : 0,
                           gimp_image_get_item_position (image, below));
}

static inline void
ja_glue_delete (JaItem item)
{
  gimp_item_delete (item);
}

static inline gboolean
ja_glue_is_text_layer (JaItem item)
{
  return gimp_item_is_text_layer (item);
}

/* ITEM's name: free with g_free. */
static inline gchar *
ja_glue_name (JaItem item)
{
  return gimp_item_get_name (item);
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
  gimp_drawable_offsets (drawable, x, y);
}

/* GIMP's background colour, R'G'B' 8-bit. */
static inline void
ja_glue_background (guint8 rgb[3])
{
  GimpRGB background;

  gimp_context_get_background (&background);
  gimp_rgb_get_uchar (&background, &rgb[0], &rgb[1], &rgb[2]);
}

/* After a run that added layers: the first target's result, RESULTS[0],
 * becomes the active layer. */
static inline void
ja_glue_select_results (JaImage image, const JaItem *results, int n)
{
  (void)n;
  gimp_image_set_active_layer (image, results[0]);
}

/* Whether DRAWABLE holds amounts rather than colours: a layer mask or a
 * channel. */
static inline gboolean
ja_glue_is_mask (JaItem drawable)
{
  return gimp_item_is_channel (drawable) || gimp_item_is_layer_mask (drawable);
}

static inline void
ja_glue_size (JaItem drawable, gint *width, gint *height)
{
  *width = gimp_drawable_width (drawable);
  *height = gimp_drawable_height (drawable);
}

/* The buffer of IMAGE's selection mask (free with g_object_unref). */
static inline GeglBuffer *
ja_glue_selection_buffer (JaImage image)
{
  return gimp_drawable_get_buffer (gimp_image_get_selection (image));
}

#endif /* JA_GLUE_H */
