/* pixel-format.h: how the codec sees a drawable's pixels, whichever GIMP
 * holds them: as a JPEG file does, 8-bit gamma-encoded values, "R'G'B'(A)"
 * or "Y'(A)"; layer masks and channels, which hold amounts rather than
 * colours, in their own tone curve ("Y" when GIMP keeps them linear, "Y'"
 * when not).  And the one conversion that cannot go through GEGL alone:
 * the codec's 8-bit colours joined with the drawable's own alpha kept at
 * full precision.  Plain buffers and babl model names only; the glue asks
 * GIMP for a JaPixelKind and hands the names to babl.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_PIXEL_FORMAT_H
#define JA_PIXEL_FORMAT_H

#include <glib.h>
#include <stdint.h>

/* What GIMP says of a drawable. */
typedef struct
{
  gboolean mask;   /* a layer mask or a channel */
  gboolean linear; /* a mask or channel GIMP keeps linear ("Y") */
  gboolean gray;   /* a layer of a grayscale image */
  gboolean alpha;  /* a layer with an alpha channel */
} JaPixelKind;

/* The number of 8-bit channels the codec sees a drawable of KIND with: 1
 * gray (also layer masks and channels), 2 gray + alpha, 3 RGB, 4 RGBA. */
int ja_pixel_kind_channels (const JaPixelKind *kind);

/* The babl model of the codec's values of a drawable of KIND: "Y", "Y'",
 * "Y'A", "R'G'B'" or "R'G'B'A". */
const char *ja_pixel_kind_model (const JaPixelKind *kind);

/* One run of WIDTH pixels of CHANNELS values each, alpha last: OUT gets
 * the colours of the 8-bit COLOURS (as 0..1) and the alpha of SOURCE, both
 * OUT and SOURCE in "double" components.  OUT and SOURCE may be the same
 * buffer. */
void ja_pixel_keep_alpha (const uint8_t *colours, const double *source,
                          double *out, int width, int channels);

#endif /* JA_PIXEL_FORMAT_H */
