/* image-original.c: a GIMP 2.10 image's "jpeg-settings" parasite and name
 * handed to ja_original_explain (plugin/common/original.c).
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "image-original.h"

gchar *
ja_original_read (gint32 image, JaOriginal *original, JaOriginalFrom from,
                  const char *preset)
{
  GimpParasite *parasite
      = gimp_image_get_parasite (image, JA_ORIGINAL_PARASITE);
  gchar *name = gimp_image_get_name (image);
  gchar *message = ja_original_explain (
      name, parasite != NULL ? gimp_parasite_data (parasite) : NULL,
      parasite != NULL ? gimp_parasite_data_size (parasite) : 0, original,
      from, preset);

  if (parasite != NULL)
    gimp_parasite_free (parasite);
  g_free (name);
  return message;
}
