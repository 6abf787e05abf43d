/* filter.c: GIMP 3's non-destructive filter with the GEGL operation
 * ja:jpeg-artifacts (filter.h).  The values become the operation's
 * properties as gegl/jpeg-artifacts.c reads them back into the codec's
 * settings: the grid offset is the layer's offset in its image when the
 * grid is anchored at the image's origin, 0 when at the layer's.  GIMP
 * gives a filter's config the operation's enum properties as choices
 * (their nicks) or enums, and its other numbers in types of its own:
 * each property is set through a GValue that GObject transforms.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "filter.h"

static const char *const subsampling_nicks[]
    = { "444", "422", "420", "440", "411" };
static const char *const dct_nicks[] = { "accurate", "fast", "float" };
static const char *const decode_nicks[] = { "viewers", "gimp" };

/* Sets CONFIG's property NAME to VALUE, transformed to the property's
 * type; for an enum-like property held as a string, to NICK. */
static void
set_property (GObject *config, const char *name, const GValue *value,
              const char *nick)
{
  GParamSpec *pspec
      = g_object_class_find_property (G_OBJECT_GET_CLASS (config), name);
  GValue converted = G_VALUE_INIT;

  if (pspec == NULL)
    return;
  g_value_init (&converted, G_PARAM_SPEC_VALUE_TYPE (pspec));
  if (nick != NULL && G_VALUE_HOLDS_STRING (&converted))
    g_value_set_string (&converted, nick);
  else if (nick != NULL && G_VALUE_HOLDS_ENUM (&converted))
    g_value_set_enum (&converted, g_value_get_int (value));
  else if (!g_value_transform (value, &converted))
    {
      g_value_unset (&converted);
      return;
    }
  g_object_set_property (config, name, &converted);
  g_value_unset (&converted);
}

static void
set_int (GObject *config, const char *name, int number, const char *nick)
{
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, number);
  set_property (config, name, &value, nick);
  g_value_unset (&value);
}

static void
set_double (GObject *config, const char *name, double number)
{
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, number);
  set_property (config, name, &value, NULL);
  g_value_unset (&value);
}

/* Gives FILTER on DRAWABLE the properties VALUES make and has GIMP render
 * it again. */
static void
set_values (GimpDrawableFilter *filter, GimpDrawable *drawable,
            const JaValues *values)
{
  GObject *config = G_OBJECT (gimp_drawable_filter_get_config (filter));
  GValue seed = G_VALUE_INIT;
  gint x = 0, y = 0;

  if (values->grid_anchor == JA_ANCHOR_IMAGE)
    gimp_drawable_get_offsets (drawable, &x, &y);
  set_int (config, "quality", values->quality, NULL);
  set_int (config, "generations", values->generations, NULL);
  set_int (config, "subsampling", values->subsampling,
           subsampling_nicks[values->subsampling]);
  set_int (config, "dct", values->dct, dct_nicks[values->dct]);
  set_int (config, "decode", values->decode_as,
           decode_nicks[values->decode_as]);
  set_int (config, "jitter", values->quality_jitter, NULL);
  set_int (config, "drift", values->grid_drift, NULL);
  g_value_init (&seed, G_TYPE_UINT);
  g_value_set_uint (&seed, values->seed);
  set_property (config, "seed", &seed, NULL);
  g_value_unset (&seed);
  set_int (config, "offset-x", x, NULL);
  set_int (config, "offset-y", y, NULL);
  g_object_set (config, "schedule", values->schedule, NULL);
  set_double (config, "saturation", values->saturation);
  set_double (config, "contrast", values->contrast);
  set_double (config, "sharpen", values->sharpen);
  gimp_drawable_filter_update (filter);
}

/* A new filter with VALUES for DRAWABLE, not yet appended, or NULL when
 * GIMP has not loaded the operation (it then gives another). */
static GimpDrawableFilter *
new_filter (GimpDrawable *drawable, const JaValues *values)
{
  GimpDrawableFilter *filter = gimp_drawable_filter_new (
      drawable, JA_FILTER_OPERATION, _ ("JPEG Artifacts"));
  gchar *operation;
  gboolean ours;

  if (filter == NULL)
    return NULL;
  operation = gimp_drawable_filter_get_operation_name (filter);
  ours = g_strcmp0 (operation, JA_FILTER_OPERATION) == 0;
  g_free (operation);
  if (!ours)
    {
      gimp_drawable_filter_delete (filter);
      return NULL;
    }
  set_values (filter, drawable, values);
  return filter;
}

/* Why VALUES or DRAWABLE cannot have the filter, or NULL. */
static gchar *
check (GimpDrawable *drawable, const JaValues *values)
{
  gchar *name, *message = NULL;

  if (values->transparency == JA_TRANSPARENCY_FLATTEN || values->use_original)
    return g_strdup (
        _ ("The non-destructive filter encodes the layer's own colours "
           "with its quality and subsampling: it cannot flatten on the "
           "background colour or use the original file's settings.  Turn "
           "those off, or choose another output."));
  name = gimp_item_get_name (GIMP_ITEM (drawable));
  if (!GIMP_IS_LAYER (drawable) || gimp_item_is_group (GIMP_ITEM (drawable)))
    message = g_strdup_printf (
        _ ("'%s' is not a layer with pixels of its own: only such a layer "
           "can have the non-destructive filter."),
        name);
  g_free (name);
  return message;
}

GimpPDBStatusType
ja_filter_add (GimpImage *image, GimpDrawable **drawables,
               const JaValues *values, gchar **message)
{
  GPtrArray *filters = g_ptr_array_new ();
  GimpPDBStatusType status = GIMP_PDB_SUCCESS;
  guint i;

  for (i = 0; drawables[i] != NULL && status == GIMP_PDB_SUCCESS; i++)
    {
      GimpDrawableFilter *filter;

      *message = check (drawables[i], values);
      if (*message != NULL)
        status = GIMP_PDB_EXECUTION_ERROR;
      else if ((filter = new_filter (drawables[i], values)) == NULL)
        {
          *message = g_strdup_printf (
              _ ("GIMP has not loaded the GEGL operation %s, which the "
                 "non-destructive filter needs: install it (meson install "
                 "puts it in GEGL's plug-ins folder, or in "
                 "~/.local/share/gegl-0.4/plug-ins with "
                 "-Dgegl-user-install=true) and start GIMP again."),
              JA_FILTER_OPERATION);
          status = GIMP_PDB_EXECUTION_ERROR;
        }
      else
        g_ptr_array_add (filters, filter);
    }
  if (status != GIMP_PDB_SUCCESS)
    {
      for (i = 0; i < filters->len; i++)
        gimp_drawable_filter_delete (g_ptr_array_index (filters, i));
      g_ptr_array_free (filters, TRUE);
      return status;
    }
  gimp_image_undo_group_start (image);
  for (i = 0; i < filters->len; i++)
    gimp_drawable_append_filter (drawables[i], g_ptr_array_index (filters, i));
  gimp_image_undo_group_end (image);
  g_ptr_array_free (filters, TRUE);
  return GIMP_PDB_SUCCESS;
}

void
ja_filter_canvas_show (const guint8 *result, const JaValues *values,
                       gpointer data)
{
  JaFilterCanvas *canvas = data;

  (void)result;
  if (values == NULL)
    {
      if (canvas->filter != NULL)
        {
          gimp_drawable_filter_delete (canvas->filter);
          canvas->filter = NULL;
          gimp_image_undo_thaw (canvas->image);
          if (canvas->was_clean)
            gimp_image_clean_all (canvas->image);
        }
    }
  else if (canvas->filter != NULL)
    set_values (canvas->filter, canvas->drawable, values);
  else
    {
      canvas->was_clean = !gimp_image_is_dirty (canvas->image);
      gimp_image_undo_freeze (canvas->image);
      canvas->filter = new_filter (canvas->drawable, values);
      if (canvas->filter == NULL)
        {
          gimp_image_undo_thaw (canvas->image);
          return;
        }
      gimp_drawable_append_filter (canvas->drawable, canvas->filter);
    }
  gimp_displays_flush ();
}
