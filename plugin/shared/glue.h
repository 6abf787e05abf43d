/* glue.h: what the code both plug-ins share (plugin/shared/: the run's
 * two phases, the pixels through GEGL) needs of GIMP where GIMP 2.10 and
 * GIMP 3 differ: GIMP 2.10's images and items are IDs, GIMP 3's objects
 * (every item the shared code handles a GimpDrawable).  A layer's copy,
 * where it goes, its name, the selection's reach, the offsets, the
 * background colour, masks, sizes, the selection's buffer, what is
 * selected after a run, and what a drawable is, where it sits and what
 * locks it (target-checks.c).  The GIMP 3 plug-in is built with JA_GIMP3.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_GLUE_H
#define JA_GLUE_H

#include <libgimp/gimp.h>

#ifdef JA_GIMP3

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

/* What a drawable is, for the checks of target-checks.c. */
static inline gboolean
ja_glue_is_layer (JaItem item)
{
  return GIMP_IS_LAYER (item);
}

static inline gboolean
ja_glue_is_layer_mask (JaItem item)
{
  return GIMP_IS_LAYER_MASK (item);
}

static inline gboolean
ja_glue_is_group (JaItem item)
{
  return gimp_item_is_group (GIMP_ITEM (item));
}

static inline gboolean
ja_glue_is_selection (JaItem item)
{
  return GIMP_IS_SELECTION (item);
}

/* The layer of the layer mask MASK, or JA_NO_ITEM. */
static inline JaItem
ja_glue_mask_layer (JaItem mask)
{
  GimpLayer *layer = gimp_layer_from_mask (GIMP_LAYER_MASK (mask));

  return layer != NULL ? GIMP_DRAWABLE (layer) : JA_NO_ITEM;
}

/* The layer group that holds ITEM, or JA_NO_ITEM at the top level. */
static inline JaItem
ja_glue_parent (JaItem item)
{
  GimpItem *parent = gimp_item_get_parent (GIMP_ITEM (item));

  return parent != NULL ? GIMP_DRAWABLE (parent) : JA_NO_ITEM;
}

/* Whether ITEM's own lock keeps its pixels from changing. */
static inline gboolean
ja_glue_lock_content (JaItem item)
{
  return gimp_item_get_lock_content (GIMP_ITEM (item));
}

/* Whether TOP is one of IMAGE's top-level layers (TOP a layer) or one of
 * its channels. */
static inline gboolean
ja_glue_image_holds (JaImage image, JaItem top)
{
  GimpItem **items;
  gboolean found = FALSE;
  gint i;

  if (GIMP_IS_LAYER (top))
    items = (GimpItem **)gimp_image_get_layers (image);
  else
    items = (GimpItem **)gimp_image_get_channels (image);
  for (i = 0; items != NULL && items[i] != NULL && !found; i++)
    found = items[i] == GIMP_ITEM (top);
  g_free (items);
  return found;
}

static inline gboolean
ja_glue_is_indexed (JaImage image)
{
  return gimp_image_get_base_type (image) == GIMP_INDEXED;
}

#else /* GIMP 2.10 */

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

/* What a drawable is, for the checks of target-checks.c. */
static inline gboolean
ja_glue_is_layer (JaItem item)
{
  return gimp_item_is_layer (item);
}

static inline gboolean
ja_glue_is_layer_mask (JaItem item)
{
  return gimp_item_is_layer_mask (item);
}

static inline gboolean
ja_glue_is_group (JaItem item)
{
  return gimp_item_is_group (item);
}

static inline gboolean
ja_glue_is_selection (JaItem item)
{
  return gimp_item_is_selection (item);
}

/* The layer of the layer mask MASK, or JA_NO_ITEM. */
static inline JaItem
ja_glue_mask_layer (JaItem mask)
{
  gint32 layer = gimp_layer_from_mask (mask);

  return layer > 0 ? layer : JA_NO_ITEM;
}

/* The layer group that holds ITEM, or JA_NO_ITEM at the top level. */
static inline JaItem
ja_glue_parent (JaItem item)
{
  gint32 parent = gimp_item_get_parent (item);

  return parent > 0 ? parent : JA_NO_ITEM;
}

/* Whether ITEM's own lock keeps its pixels from changing. */
static inline gboolean
ja_glue_lock_content (JaItem item)
{
  return gimp_item_get_lock_content (item);
}

/* Whether TOP is one of IMAGE's top-level layers (TOP a layer) or one of
 * its channels. */
static inline gboolean
ja_glue_image_holds (JaImage image, JaItem top)
{
  gint n = 0, i;
  gint *items;
  gboolean found = FALSE;

  if (gimp_item_is_layer (top))
    items = gimp_image_get_layers (image, &n);
  else
    items = gimp_image_get_channels (image, &n);
  for (i = 0; items != NULL && i < n && !found; i++)
    found = items[i] == top;
  g_free (items);
  return found;
}

static inline gboolean
ja_glue_is_indexed (JaImage image)
{
  return gimp_image_base_type (image) == GIMP_INDEXED;
}

#endif /* JA_GIMP3 */

/* IMAGE's name (the same call in both versions): free with g_free. */
static inline gchar *
ja_glue_image_name (JaImage image)
{
  return gimp_image_get_name (image);
}

#endif /* JA_GLUE_H */
