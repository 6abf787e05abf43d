/* targets.c: the drawables a run changes.  Each is checked before any pixel
 * is read, so that a drawable the effect cannot apply to stops the run with
 * a message that names it and says what to do, never halfway through
 * (the checks both plug-ins make are plugin/shared/target-checks.c's; the
 * call's IDs are checked here).
 *
 * Linked layers: GIMP links items into one chain (the chain icon in the
 * Layers dialog), so the layers linked to a drawable are the other linked
 * layers of its image, wherever they sit in the layer tree; a drawable that
 * is not linked itself, a layer mask or a channel has none.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "target-checks.h"
#include "targets.h"

/* Appends the linked layers among the N layers in LAYERS and their
 * children, top to bottom, except SKIP. */
static void
add_linked_layers (GArray *targets, const gint *layers, gint n, gint32 skip)
{
  gint i;

  for (i = 0; i < n; i++)
    {
      if (layers[i] != skip && gimp_item_get_linked (layers[i]))
        {
          JaTarget target = { layers[i], TRUE };

          g_array_append_val (targets, target);
        }
      if (gimp_item_is_group (layers[i]))
        {
          gint n_children = 0;
          gint *children = gimp_item_get_children (layers[i], &n_children);

          add_linked_layers (targets, children, n_children, skip);
          g_free (children);
        }
    }
}

GimpPDBStatusType
ja_targets_collect (gint32 image, gint32 drawable, const JaValues *values,
                    GArray **targets, gchar **message)
{
  GArray *found;
  JaTarget first;
  guint i;

  *targets = NULL;
  *message = NULL;

  if (!gimp_image_is_valid (image))
    {
      *message = g_strdup_printf (
          _ ("Parameter 'image' is %d, which is not an open image."), image);
      return GIMP_PDB_CALLING_ERROR;
    }
  if (!gimp_item_is_valid (drawable) || !gimp_item_is_drawable (drawable))
    {
      *message = g_strdup_printf (
          _ ("Parameter 'drawable' is %d, which is not a layer, a layer "
             "mask or a channel."),
          drawable);
      return GIMP_PDB_CALLING_ERROR;
    }
  if (gimp_item_get_image (drawable) != image)
    {
      *message = g_strdup_printf (
          _ ("Parameter 'drawable' is %d, which belongs to another image "
             "than %d."),
          drawable, image);
      return GIMP_PDB_CALLING_ERROR;
    }
  if (!gimp_item_is_selection (drawable)
      && !ja_target_in_image (image, drawable))
    {
      gchar *name = gimp_item_get_name (drawable);

      *message = g_strdup_printf (
          _ ("Parameter 'drawable' is %d ('%s'), which is not in image %d: "
             "it was never added to it, or was removed.  Only a drawable in "
             "its image can take the effect."),
          drawable, name, image);
      g_free (name);
      return GIMP_PDB_CALLING_ERROR;
    }
  if ((*message = ja_target_check_image (image)) != NULL)
    return GIMP_PDB_EXECUTION_ERROR;

  found = g_array_new (FALSE, FALSE, sizeof (JaTarget));
  first.drawable = drawable;
  first.layer = gimp_item_is_layer (drawable);
  g_array_append_val (found, first);

  if (values->apply_to == JA_APPLY_LINKED && first.layer
      && gimp_item_get_linked (drawable))
    {
      gint n_layers = 0;
      gint *layers = gimp_image_get_layers (image, &n_layers);

      add_linked_layers (found, layers, n_layers, drawable);
      g_free (layers);
    }

  for (i = 0; i < found->len; i++)
    {
      *message = ja_target_check (g_array_index (found, JaTarget, i).drawable,
                                  values);
      if (*message != NULL)
        {
          g_array_free (found, TRUE);
          return GIMP_PDB_EXECUTION_ERROR;
        }
    }

  *targets = found;
  return GIMP_PDB_SUCCESS;
}
