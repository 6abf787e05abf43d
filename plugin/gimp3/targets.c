/* targets.c: the drawables a GIMP 3 run changes: every drawable selected
 * in the Layers or Channels dialog (or passed by a script), in their
 * order.  Each is checked before any pixel is read, so that a drawable the
 * effect cannot apply to stops the run with a message that names it and
 * says what to do, never halfway through (the checks both plug-ins make
 * are plugin/shared/target-checks.c's; the call's arguments are checked
 * here).  plugin/gimp2/targets.c is the GIMP 2.10 counterpart, with linked
 * layers where GIMP 3 has selected ones.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "target-checks.h"
#include "targets.h"

/* FORMAT, which takes ITEM's name and ID and IMAGE's name and ID, filled
 * in. */
static gchar *
name_message (const gchar *format, GimpItem *item, GimpImage *image)
{
  gchar *item_name = gimp_item_get_name (item);
  gchar *image_name = gimp_image_get_name (image);
  gchar *message = g_strdup_printf (format, item_name, gimp_item_get_id (item),
                                    image_name, gimp_image_get_id (image));

  g_free (item_name);
  g_free (image_name);
  return message;
}

GimpPDBStatusType
ja_targets_collect (GimpImage *image, GimpDrawable **drawables,
                    const JaValues *values, GArray **targets, gchar **message)
{
  GArray *found;
  guint i, j;

  *targets = NULL;
  *message = NULL;

  if (image == NULL || !gimp_image_is_valid (image))
    {
      *message = g_strdup (_ ("Argument 'image' is not an open image."));
      return GIMP_PDB_CALLING_ERROR;
    }
  if (drawables == NULL || drawables[0] == NULL)
    {
      *message = g_strdup (
          _ ("No drawable is selected: select one or more layers in the "
             "Layers dialog, or pass them in the argument 'drawables'."));
      return GIMP_PDB_CALLING_ERROR;
    }
  for (i = 0; drawables[i] != NULL; i++)
    {
      GimpDrawable *drawable = drawables[i];
      GimpItem *item = GIMP_ITEM (drawable);

      if (!gimp_item_is_valid (item) || !gimp_item_is_drawable (item))
        {
          *message = g_strdup_printf (
              _ ("Drawable %d of argument 'drawables' is not a layer, a "
                 "layer mask or a channel."),
              (int)i + 1);
          return GIMP_PDB_CALLING_ERROR;
        }
      for (j = 0; j < i; j++)
        if (gimp_item_get_id (GIMP_ITEM (drawables[j]))
            == gimp_item_get_id (item))
          {
            gchar *name = gimp_item_get_name (item);

            /* A script's list: twice would apply the effect twice. */
            *message = g_strdup_printf (
                _ ("'%s' (ID %d) is drawable %d and %d of argument "
                   "'drawables': give each drawable once."),
                name, gimp_item_get_id (item), (int)j + 1, (int)i + 1);
            g_free (name);
            return GIMP_PDB_CALLING_ERROR;
          }
      if (gimp_item_get_image (item) != image)
        {
          *message = name_message (
              _ ("'%s' (ID %d) belongs to another image than '%s' (ID %d)."),
              item, image);
          return GIMP_PDB_CALLING_ERROR;
        }
      if (!GIMP_IS_SELECTION (drawable)
          && !ja_target_in_image (image, drawable))
        {
          *message = name_message (
              _ ("'%s' (ID %d) is not in image '%s' (ID %d): it was never "
                 "added to it, or was removed.  Only a drawable in its image "
                 "can take the effect."),
              item, image);
          return GIMP_PDB_CALLING_ERROR;
        }
    }
  if ((*message = ja_target_check_image (image)) != NULL)
    return GIMP_PDB_EXECUTION_ERROR;

  found = g_array_new (FALSE, FALSE, sizeof (JaTarget));
  for (i = 0; drawables[i] != NULL; i++)
    {
      JaTarget target;

      target.drawable = drawables[i];
      target.layer = GIMP_IS_LAYER (drawables[i]);
      *message = ja_target_check (target.drawable, values);
      if (*message != NULL)
        {
          g_array_free (found, TRUE);
          return GIMP_PDB_EXECUTION_ERROR;
        }
      g_array_append_val (found, target);
    }

  *targets = found;
  return GIMP_PDB_SUCCESS;
}
