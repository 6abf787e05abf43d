/* pixels.c: a drawable's pixels in and out of GIMP through GEGL buffers,
 * in GIMP 2.10 and GIMP 3: compiled into each plug-in, glue.h naming the
 * drawables and the few calls that differ.
 *
 * The codec works as a JPEG file does, on 8-bit gamma-encoded values: a
 * layer is read as "R'G'B'(A) u8" or "Y'(A) u8" in its image's colour space
 * (so an image with a colour profile keeps its numbers, as GIMP's JPEG
 * export does), whatever its precision; GEGL converts.  Layer masks and
 * channels hold amounts rather than colours and are read in their own
 * tone curve: "Y u8" when GIMP keeps them linear, "Y' u8" when not.
 *
 * Results are written into the drawable's shadow buffer and merged by GIMP
 * through the selection (a layer the run added may also be written whole,
 * straight into its buffer).  Colours travel as 8-bit values, which GEGL turns
 * into the drawable's own format; alpha, which the codec never changes, is
 * taken from the drawable itself, at full precision: a 16-bit or floating
 * point layer is written through "double" with its own alpha values.
 * Which format and how colours and alpha join is plugin/common/
 * pixel-format.c's; this file asks GIMP and moves the buffers.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "glue.h"
#include "pixel-format.h"
#include "pixels.h"

/* What GIMP says of DRAWABLE, as the codec sees its pixels. */
static void
pixel_kind (JaItem drawable, JaPixelKind *kind)
{
  kind->mask = ja_glue_is_mask (drawable);
  kind->linear = kind->mask
                 && strcmp (babl_get_name (babl_format_get_model (
                                gimp_drawable_get_format (drawable))),
                            "Y")
                        == 0;
  kind->gray = gimp_drawable_is_gray (drawable);
  kind->alpha = gimp_drawable_has_alpha (drawable);
}

int
ja_pixels_channels (JaItem drawable)
{
  JaPixelKind kind;

  pixel_kind (drawable, &kind);
  return ja_pixel_kind_channels (&kind);
}

/* The format the codec's values of DRAWABLE have, with components of TYPE
 * ("u8" or "double"), in the colour space of DRAWABLE's own format. */
static const Babl *
codec_format (JaItem drawable, const char *type)
{
  const Babl *native = gimp_drawable_get_format (drawable);
  JaPixelKind kind;
  gchar *encoding;
  const Babl *format;

  pixel_kind (drawable, &kind);
  encoding = g_strdup_printf ("%s %s", ja_pixel_kind_model (&kind), type);
  format = babl_format_with_space (encoding, babl_format_get_space (native));
  g_free (encoding);
  return format;
}

/* Reads the whole of DRAWABLE into PIXELS, which has room for it. */
static void
get_pixels (JaItem drawable, GeglBuffer *buffer, guint8 *pixels)
{
  gegl_buffer_get (buffer,
                   GEGL_RECTANGLE (0, 0, gegl_buffer_get_width (buffer),
                                   gegl_buffer_get_height (buffer)),
                   1.0, codec_format (drawable, "u8"), pixels,
                   GEGL_AUTO_ROWSTRIDE, GEGL_ABYSS_NONE);
}

gboolean
ja_pixels_read (JaItem drawable, JartImage *image)
{
  GeglBuffer *buffer = gimp_drawable_get_buffer (drawable);
  int width = gegl_buffer_get_width (buffer);
  int height = gegl_buffer_get_height (buffer);
  int channels = ja_pixels_channels (drawable);
  guint8 *pixels;

  pixels = g_try_malloc ((gsize)width * (gsize)height * (gsize)channels);
  if (pixels == NULL)
    {
      g_object_unref (buffer);
      return FALSE;
    }
  get_pixels (drawable, buffer, pixels);
  g_object_unref (buffer);

  image->pixels = pixels;
  image->width = width;
  image->height = height;
  image->channels = channels;
  image->stride = (size_t)width * (size_t)channels;
  return TRUE;
}

void
ja_pixels_read_into (JaItem drawable, JartImage *image)
{
  GeglBuffer *buffer = gimp_drawable_get_buffer (drawable);

  get_pixels (drawable, buffer, image->pixels);
  g_object_unref (buffer);
}

/* Writes RESULT's colours over AREA of SHADOW with the alpha of SOURCE, in
 * FORMAT, a "double" format with alpha last. */
static void
write_keeping_alpha (GeglBuffer *shadow, GeglBuffer *source,
                     const GeglRectangle *area, const Babl *format,
                     const JartImage *result)
{
  GeglBufferIterator *iter;
  int channels = result->channels;

  iter = gegl_buffer_iterator_new (shadow, area, 0, format, GEGL_ACCESS_WRITE,
                                   GEGL_ABYSS_NONE, 2);
  gegl_buffer_iterator_add (iter, source, area, 0, format, GEGL_ACCESS_READ,
                            GEGL_ABYSS_NONE);

  while (gegl_buffer_iterator_next (iter))
    {
      const GeglRectangle *roi = &iter->items[0].roi;
      gdouble *out = iter->items[0].data;
      const gdouble *in = iter->items[1].data;
      int y;

      for (y = 0; y < roi->height; y++)
        {
          const uint8_t *row = result->pixels
                               + (size_t)(roi->y + y) * result->stride
                               + (size_t)roi->x * (size_t)channels;

          ja_pixel_keep_alpha (row, in, out, roi->width, channels);
          out += (size_t)roi->width * (size_t)channels;
          in += (size_t)roi->width * (size_t)channels;
        }
    }
}

/* Writes RESULT's colours over AREA of DESTINATION, a buffer of TARGET's
 * format, with TARGET's own alpha. */
static void
write_area (JaItem target, GeglBuffer *destination, const GeglRectangle *area,
            const JartImage *result)
{
  const Babl *native = gimp_drawable_get_format (target);

  if (gimp_drawable_has_alpha (target)
      && babl_format_get_type (native, 0) != babl_type ("u8"))
    {
      GeglBuffer *source = gimp_drawable_get_buffer (target);

      write_keeping_alpha (destination, source, area,
                           codec_format (target, "double"), result);
      g_object_unref (source);
    }
  else
    {
      /* 8-bit alpha goes out as it came in; without alpha there is none. */
      gegl_buffer_set (destination, area, 0, codec_format (target, "u8"),
                       result->pixels + (size_t)area->y * result->stride
                           + (size_t)area->x * (size_t)result->channels,
                       (gint)result->stride);
    }
}

gboolean
ja_pixels_write_shadow (JaItem target, const JartImage *result,
                        gboolean in_image)
{
  GeglBuffer *shadow;
  gint x = 0, y = 0;
  gint width = result->width, height = result->height;

  /* GIMP knows no selection for a layer that is not in an image yet: its
     whole shadow is written, and the selection applies when the shadow is
     merged, once the layer is in the image. */
  if (in_image
      && !gimp_drawable_mask_intersect (target, &x, &y, &width, &height))
    return FALSE;

  shadow = gimp_drawable_get_shadow_buffer (target);
  write_area (target, shadow, GEGL_RECTANGLE (x, y, width, height), result);
  g_object_unref (shadow);
  return TRUE;
}

void
ja_pixels_write_whole (JaItem target, const JartImage *pixels)
{
  GeglBuffer *buffer = gimp_drawable_get_buffer (target);

  write_area (target, buffer,
              GEGL_RECTANGLE (0, 0, pixels->width, pixels->height), pixels);
  g_object_unref (buffer);
  gimp_drawable_update (target, 0, 0, pixels->width, pixels->height);
}

void
ja_pixels_merge (JaItem target, gboolean push_undo)
{
  gint x, y, width, height;

  gimp_drawable_merge_shadow (target, push_undo);
  if (gimp_drawable_mask_intersect (target, &x, &y, &width, &height))
    gimp_drawable_update (target, x, y, width, height);
}

guint8 *
ja_pixels_read_selection (JaImage image, JaItem drawable)
{
  GeglBuffer *buffer;
  gint offset_x, offset_y;
  gint width, height;
  guint8 *coverage;

  if (gimp_selection_is_empty (image))
    return NULL;
  ja_glue_size (drawable, &width, &height);
  coverage = g_try_malloc ((gsize)width * (gsize)height);
  if (coverage == NULL)
    return NULL;

  ja_glue_offsets (drawable, &offset_x, &offset_y);
  buffer = ja_glue_selection_buffer (image);
  gegl_buffer_get (buffer, GEGL_RECTANGLE (offset_x, offset_y, width, height),
                   1.0, babl_format ("Y u8"), coverage, GEGL_AUTO_ROWSTRIDE,
                   GEGL_ABYSS_NONE);
  g_object_unref (buffer);
  return coverage;
}
