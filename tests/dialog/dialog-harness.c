/* dialog-harness.c: opens the filter's dialog (ui/) on an image file, the
 * way the plug-in opens it on a layer, so that the dialog can be driven
 * and looked at outside GIMP.  The image is read with gdk-pixbuf; the
 * values start from a key file and are written back to it after OK, as the
 * plug-in keeps its last values; the dialog's geometry likewise.  After OK
 * the result (the dialog's own, or computed here with the codec when the
 * dialog hands none over) is written as a PNG, and the line "ok" printed;
 * after Cancel, "cancel".  Before "ok" it prints every field of the values
 * OK gave, one "value NAME=VALUE" line each, and "result-sha256 HEX", the
 * checksum of the result's packed pixels.  With --canvas the dialog offers
 * "Preview on canvas", and each time it would show a result on the canvas
 * the harness prints "canvas-sha256 HEX" of it, "canvas-off" when it would
 * take it away.
 *
 * The image's original JPEG file, which the plug-in reads from GIMP's
 * "jpeg-settings" parasite, is given as a quality and subsampling whose
 * standard tables (jart_quant_table) stand for the file's: --original
 * 85:422 is a file saved at quality 85 with 4:2:2, as libjpeg writes it;
 * --original-unusable is a JPEG file whose settings the codec cannot
 * reproduce.  --presets names the key file of the user's presets.  The
 * dialog speaks the environment's language (LANGUAGE, LANG) with the
 * catalogues in $JPEG_ARTIFACTS_LOCALEDIR, else the installed ones.
 *
 *   dialog-harness IMAGE [--values FILE] [--geometry FILE] [--output PNG]
 *                        [--offset X,Y] [--check-size N] [--check-type N]
 *                        [--theme-dir DIR] [--selection-ellipse]
 *                        [--presets FILE] [--original Q:SUBSAMPLING]
 *                        [--original-unusable]
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialog.h"
#include "locale-dir.h"
#include "theme.h"

static const char *const value_keys[]
    = { "quality", "generations", "subsampling", "dct",          "jitter",
        "drift",   "seed",        "anchor",      "transparency", "apply-to",
        "output",  "decode-as",   "size-for" };

static int *
value_field (JaValues *v, int i)
{
  int *fields[] = { &v->quality,  &v->generations,    &v->subsampling,
                    &v->dct,      &v->quality_jitter, &v->grid_drift,
                    NULL,         &v->grid_anchor,    &v->transparency,
                    &v->apply_to, &v->output,         &v->decode_as,
                    &v->size_for };

  return fields[i];
}

static void
load_values (const char *path, JaValues *values)
{
  GKeyFile *file = g_key_file_new ();
  unsigned i;

  ja_values_init (values);
  if (path != NULL && g_key_file_load_from_file (file, path, 0, NULL))
    {
      char *text;

      for (i = 0; i < G_N_ELEMENTS (value_keys); i++)
        if (g_key_file_has_key (file, "values", value_keys[i], NULL))
          {
            gint64 v
                = g_key_file_get_int64 (file, "values", value_keys[i], NULL);

            if (value_field (values, i) != NULL)
              *value_field (values, i) = (int)v;
            else
              values->seed = (guint32)v;
          }
      text = g_key_file_get_string (file, "values", "schedule", NULL);
      if (text != NULL)
        g_strlcpy (values->schedule, text, sizeof values->schedule);
      g_free (text);
      text = g_key_file_get_string (file, "values", "preset", NULL);
      if (text != NULL)
        g_strlcpy (values->preset, text, sizeof values->preset);
      g_free (text);
      if (g_key_file_has_key (file, "values", "saturation", NULL))
        values->saturation
            = g_key_file_get_double (file, "values", "saturation", NULL);
      if (g_key_file_has_key (file, "values", "contrast", NULL))
        values->contrast
            = g_key_file_get_double (file, "values", "contrast", NULL);
      if (g_key_file_has_key (file, "values", "sharpen", NULL))
        values->sharpen
            = g_key_file_get_double (file, "values", "sharpen", NULL);
      if (g_key_file_has_key (file, "values", "use-original", NULL))
        values->use_original
            = g_key_file_get_integer (file, "values", "use-original", NULL);
    }
  g_key_file_free (file);
}

static void
save_values (const char *path, const JaValues *values)
{
  GKeyFile *file = g_key_file_new ();
  JaValues copy = *values;
  unsigned i;

  for (i = 0; i < G_N_ELEMENTS (value_keys); i++)
    g_key_file_set_int64 (file, "values", value_keys[i],
                          value_field (&copy, i) ? *value_field (&copy, i)
                                                 : (gint64)copy.seed);
  g_key_file_set_string (file, "values", "schedule", values->schedule);
  g_key_file_set_double (file, "values", "saturation", values->saturation);
  g_key_file_set_double (file, "values", "contrast", values->contrast);
  g_key_file_set_double (file, "values", "sharpen", values->sharpen);
  g_key_file_set_integer (file, "values", "use-original",
                          values->use_original);
  g_key_file_set_string (file, "values", "preset", values->preset);
  g_key_file_save_to_file (file, path, NULL);
  g_key_file_free (file);
}

/* Prints every field of VALUES as "value NAME=VALUE" lines. */
static void
print_values (const JaValues *values)
{
  JaValues copy = *values;
  unsigned i;

  for (i = 0; i < G_N_ELEMENTS (value_keys); i++)
    printf ("value %s=%lld\n", value_keys[i],
            value_field (&copy, i) ? (long long)*value_field (&copy, i)
                                   : (long long)copy.seed);
  printf ("value schedule=%s\n", values->schedule);
  printf ("value saturation=%.17g\n", values->saturation);
  printf ("value contrast=%.17g\n", values->contrast);
  printf ("value sharpen=%.17g\n", values->sharpen);
  printf ("value use-original=%d\n", values->use_original);
  printf ("value preset=%s\n", values->preset);
}

/* Fills ORIGINAL as GIMP's JPEG loader would describe a file saved with
 * TEXT, "QUALITY:SUBSAMPLING" (SUBSAMPLING 444, 422, 420, 440 or 411),
 * with libjpeg's standard tables for that quality. */
static gboolean
parse_original (const char *text, JaOriginal *original)
{
  static const char *const names[] = { "444", "422", "420", "440", "411" };
  int quality, i;
  char sampling[8];

  memset (original, 0, sizeof *original);
  if (sscanf (text, "%d:%7s", &quality, sampling) != 2)
    return FALSE;
  for (i = 0; i < (int)G_N_ELEMENTS (names); i++)
    if (strcmp (sampling, names[i]) == 0)
      break;
  if (i == (int)G_N_ELEMENTS (names)
      || jart_quant_table (quality, 0, original->tables[0]) != JART_OK
      || jart_quant_table (quality, 1, original->tables[1]) != JART_OK)
    return FALSE;
  original->present = 1;
  original->usable = 1;
  original->quality = quality;
  original->subsampling = (JartSubsampling)i;
  return TRUE;
}

static void
load_geometry (const char *path, JaDialogGeometry *g)
{
  GKeyFile *file = g_key_file_new ();

  ja_dialog_geometry_init (g);
  if (path != NULL && g_key_file_load_from_file (file, path, 0, NULL))
    {
      g->x = g_key_file_get_integer (file, "geometry", "x", NULL);
      g->y = g_key_file_get_integer (file, "geometry", "y", NULL);
      g->width = g_key_file_get_integer (file, "geometry", "width", NULL);
      g->height = g_key_file_get_integer (file, "geometry", "height", NULL);
      g->split = g_key_file_get_integer (file, "geometry", "split", NULL);
      g->grid = g_key_file_get_integer (file, "geometry", "grid", NULL);
      g->split_position
          = g_key_file_get_double (file, "geometry", "split-position", NULL);
    }
  g_key_file_free (file);
}

static void
save_geometry (const char *path, const JaDialogGeometry *g)
{
  GKeyFile *file = g_key_file_new ();

  g_key_file_set_integer (file, "geometry", "x", g->x);
  g_key_file_set_integer (file, "geometry", "y", g->y);
  g_key_file_set_integer (file, "geometry", "width", g->width);
  g_key_file_set_integer (file, "geometry", "height", g->height);
  g_key_file_set_integer (file, "geometry", "split", g->split);
  g_key_file_set_integer (file, "geometry", "grid", g->grid);
  g_key_file_set_double (file, "geometry", "split-position",
                         g->split_position);
  g_key_file_save_to_file (file, path, NULL);
  g_key_file_free (file);
}

/* The image as packed 8-bit rows, 3 or 4 channels as gdk-pixbuf reads it;
 * a PNG whose three colour channels are equal everywhere becomes gray. */
static gboolean
load_image (const char *path, JartImage *image)
{
  GError *error = NULL;
  GdkPixbuf *pixbuf = gdk_pixbuf_new_from_file (path, &error);
  int x, y, c, channels, stride;
  const guint8 *src;
  gboolean gray = TRUE;

  if (pixbuf == NULL)
    {
      fprintf (stderr, "%s: %s\n", path, error->message);
      g_error_free (error);
      return FALSE;
    }
  channels = gdk_pixbuf_get_n_channels (pixbuf);
  stride = gdk_pixbuf_get_rowstride (pixbuf);
  src = gdk_pixbuf_read_pixels (pixbuf);
  image->width = gdk_pixbuf_get_width (pixbuf);
  image->height = gdk_pixbuf_get_height (pixbuf);
  for (y = 0; y < image->height && gray; y++)
    for (x = 0; x < image->width; x++)
      {
        const guint8 *p = src + (size_t)y * stride + (size_t)x * channels;

        if (p[0] != p[1] || p[1] != p[2])
          {
            gray = FALSE;
            break;
          }
      }
  image->channels = gray ? channels - 2 : channels;
  image->stride = (size_t)image->width * image->channels;
  image->pixels = g_malloc (image->stride * image->height);
  for (y = 0; y < image->height; y++)
    for (x = 0; x < image->width; x++)
      {
        const guint8 *p = src + (size_t)y * stride + (size_t)x * channels;
        guint8 *q = image->pixels + (size_t)y * image->stride
                    + (size_t)x * image->channels;

        if (gray)
          {
            q[0] = p[0];
            if (channels == 4)
              q[1] = p[3];
          }
        else
          for (c = 0; c < channels; c++)
            q[c] = p[c];
      }
  g_object_unref (pixbuf);
  return TRUE;
}

static gboolean
save_png (const char *path, const guint8 *pixels, const JartImage *layout)
{
  gboolean alpha = layout->channels == 2 || layout->channels == 4;
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, alpha, 8,
                                      layout->width, layout->height);
  guint8 *dst = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  int n = gdk_pixbuf_get_n_channels (pixbuf);
  int x, y;
  GError *error = NULL;
  gboolean ok;

  for (y = 0; y < layout->height; y++)
    for (x = 0; x < layout->width; x++)
      {
        const guint8 *p
            = pixels + ((size_t)y * layout->width + x) * layout->channels;
        guint8 *q = dst + (size_t)y * stride + (size_t)x * n;

        if (layout->channels <= 2)
          {
            q[0] = q[1] = q[2] = p[0];
            if (alpha)
              q[3] = p[1];
          }
        else
          memcpy (q, p, n);
      }
  ok = gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  if (!ok)
    {
      fprintf (stderr, "%s: %s\n", path, error->message);
      g_error_free (error);
    }
  g_object_unref (pixbuf);
  return ok;
}

/* --canvas: "Preview on canvas" on the harness's standard output, one line
 * per call: the SHA-256 of the result the canvas would show, or "off". */
static void
print_canvas (const guint8 *result, const JaValues *values, gpointer data)
{
  const JartImage *image = data;

  (void)values;
  char *checksum;

  if (result == NULL)
    {
      printf ("canvas-off\n");
      fflush (stdout);
      return;
    }
  checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, result,
                                          image->stride * image->height);
  printf ("canvas-sha256 %s\n", checksum);
  fflush (stdout);
  g_free (checksum);
}

int
main (int argc, char **argv)
{
  const char *values_path = NULL, *geometry_path = NULL, *output = NULL;
  const char *theme_dir = NULL;
  JaDialogLayer layer = { 0 };
  JaDialogGeometry geometry;
  JaValues values;
  guint8 *result = NULL, *selection = NULL;
  gboolean ellipse = FALSE;
  JaOriginal original;
  char *checksum;
  int i;

  /* gtk_init sets the locale from the environment; the dialog's words come
   * from the catalogues the plug-in reads ($JPEG_ARTIFACTS_LOCALEDIR, the
   * build's po/ in the tests). */
  gtk_init (&argc, &argv);
  bindtextdomain (GETTEXT_PACKAGE, ja_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  if (argc < 2)
    {
      fprintf (stderr, "usage: %s IMAGE [options]\n", argv[0]);
      return 2;
    }
  layer.check_size = 1;
  layer.check_type = 1;
  layer.background[0] = layer.background[1] = layer.background[2] = 255;
  for (i = 2; i < argc; i++)
    {
      const char *next = i + 1 < argc ? argv[i + 1] : "";

      if (strcmp (argv[i], "--values") == 0)
        values_path = argv[++i];
      else if (strcmp (argv[i], "--geometry") == 0)
        geometry_path = argv[++i];
      else if (strcmp (argv[i], "--output") == 0)
        output = argv[++i];
      else if (strcmp (argv[i], "--offset") == 0)
        {
          sscanf (next, "%d,%d", &layer.offset_x, &layer.offset_y);
          i++;
        }
      else if (strcmp (argv[i], "--check-size") == 0)
        layer.check_size = atoi (argv[++i]);
      else if (strcmp (argv[i], "--check-type") == 0)
        layer.check_type = atoi (argv[++i]);
      else if (strcmp (argv[i], "--theme-dir") == 0)
        theme_dir = argv[++i];
      else if (strcmp (argv[i], "--selection-ellipse") == 0)
        ellipse = TRUE;
      else if (strcmp (argv[i], "--canvas") == 0)
        {
          layer.canvas_preview = print_canvas;
          layer.canvas_data = &layer.image;
        }
      else if (strcmp (argv[i], "--presets") == 0)
        layer.presets_file = argv[++i];
      else if (strcmp (argv[i], "--original") == 0)
        {
          if (!parse_original (next, &original))
            {
              fprintf (stderr,
                       "--original wants QUALITY:SUBSAMPLING, not %s\n", next);
              return 2;
            }
          layer.original = &original;
          i++;
        }
      else if (strcmp (argv[i], "--original-unusable") == 0)
        {
          memset (&original, 0, sizeof original);
          original.present = 1;
          layer.original = &original;
        }
      else
        {
          fprintf (stderr, "unknown option %s\n", argv[i]);
          return 2;
        }
    }

  if (!load_image (argv[1], &layer.image))
    return 1;
  if (ellipse)
    {
      int w = layer.image.width, h = layer.image.height, x, y;

      selection = g_malloc ((size_t)w * h);
      for (y = 0; y < h; y++)
        for (x = 0; x < w; x++)
          {
            double dx = (x + 0.5 - w / 2.0) / (w / 2.0);
            double dy = (y + 0.5 - h / 2.0) / (h / 2.0);

            selection[(size_t)y * w + x] = dx * dx + dy * dy <= 1 ? 255 : 0;
          }
      layer.selection = selection;
    }
  layer.dark_theme = ja_theme_is_dark (theme_dir);
  layer.image_name = argv[1];
  load_values (values_path, &values);
  load_geometry (geometry_path, &geometry);

  if (!ja_dialog_run (&layer, &values, &geometry, &result))
    {
      if (geometry_path != NULL)
        save_geometry (geometry_path, &geometry);
      printf ("cancel\n");
      return 0;
    }
  if (geometry_path != NULL)
    save_geometry (geometry_path, &geometry);
  if (values_path != NULL)
    save_values (values_path, &values);

  if (result == NULL)
    {
      JartSettings settings;
      JartImage dst = layer.image;
      JartStatus status;

      ja_values_to_settings (&values, layer.original, layer.offset_x,
                             layer.offset_y, layer.image.channels,
                             layer.background, &settings);
      result = g_malloc (layer.image.stride * layer.image.height);
      dst.pixels = result;
      status = jart_run (&layer.image, &dst, &settings, NULL, NULL);
      if (status != JART_OK)
        {
          fprintf (stderr, "%s\n", jart_strerror (status));
          return 1;
        }
      printf ("computed-here\n");
    }
  if (output != NULL && !save_png (output, result, &layer.image))
    return 1;
  print_values (&values);
  checksum = g_compute_checksum_for_data (
      G_CHECKSUM_SHA256, result, layer.image.stride * layer.image.height);
  printf ("result-sha256 %s\n", checksum);
  g_free (checksum);
  printf ("ok\n");
  g_free (result);
  g_free (selection);
  g_free (layer.image.pixels);
  return 0;
}
