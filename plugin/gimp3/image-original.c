/* image-original.c: a GIMP 3 image's "jpeg-settings" parasite and name
 * handed to ja_original_explain (plugin/common/original.c).
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "image-original.h"

gchar *
ja_original_read (GimpImage *image, JaOriginal *original, JaOriginalFrom from,
                  const char *preset)
{
  GimpParasite *parasite
      = gimp_image_get_parasite (image, JA_ORIGINAL_PARASITE);
  gchar *name = gimp_image_get_name (image);
  gchar *message;

  if (parasite != NULL)
    {
      guint32 size = 0;
      gconstpointer data = gimp_parasite_get_data (parasite, &size);

      message = ja_original_explain (name, data, size, original, from, preset);
      gimp_parasite_free (parasite);
    }
  else
    message = ja_original_explain (name, NULL, 0, original, from, preset);
  g_free (name);
  return message;
}
