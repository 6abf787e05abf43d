/* gegl-pixels.h: the one GEGL buffer loop both plug-ins share: the codec's
 * 8-bit colours written into a drawable's buffer with the drawable's own
 * alpha kept at full precision.  GEGL and babl only, no libgimp; compiled
 * into each plug-in (the GIMP-free tests of plugin/common/ link no GEGL).
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_GEGL_PIXELS_H
#define JA_GEGL_PIXELS_H

#include <gegl.h>

#include "jart.h"

/* Writes RESULT's colours over AREA of DESTINATION with the alpha of
 * SOURCE (the drawable's own buffer), both read and written in FORMAT, a
 * "double" format with alpha last; RESULT covers the whole drawable. */
void ja_gegl_write_keeping_alpha (GeglBuffer *destination, GeglBuffer *source,
                                  const GeglRectangle *area,
                                  const Babl *format, const JartImage *result);

#endif /* JA_GEGL_PIXELS_H */
