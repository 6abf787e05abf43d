/* pixel-format.c: the codec's view of a drawable's pixels (see
 * pixel-format.h): its channels, its babl model, and the codec's colours
 * joined with the drawable's own alpha.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pixel-format.h"

int
ja_pixel_kind_channels (const JaPixelKind *kind)
{
  if (kind->mask)
    return 1;
  if (kind->gray)
    return kind->alpha ? 2 : 1;
  return kind->alpha ? 4 : 3;
}

const char *
ja_pixel_kind_model (const JaPixelKind *kind)
{
  if (kind->mask)
    return kind->linear ? "Y" : "Y'";
  if (kind->gray)
    return kind->alpha ? "Y'A" : "Y'";
  return kind->alpha ? "R'G'B'A" : "R'G'B'";
}

void
ja_pixel_keep_alpha (const uint8_t *colours, const double *source, double *out,
                     int width, int channels)
{
  int x, c;

  for (x = 0; x < width; x++)
    {
      /* The alpha first: OUT may be SOURCE. */
      out[channels - 1] = source[channels - 1];
      for (c = 0; c < channels - 1; c++)
        out[c] = colours[c] / 255.0;
      colours += channels;
      source += channels;
      out += channels;
    }
}
