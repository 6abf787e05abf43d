/* pixels.h: moving a drawable's pixels between GIMP and the codec through
 * GEGL buffers.  The codec sees 8-bit values, gamma-encoded as a JPEG file
 * holds them, whatever the drawable's precision; results go back into the
 * drawable's own format, its alpha kept at full precision, through the
 * shadow buffer so that GIMP blends them through the selection.  In GIMP
 * 2.10 and GIMP 3 alike (glue.h names their drawables).
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JA_PIXELS_H
#define JA_PIXELS_H

#include "glue.h"
#include "jart.h"

/* The number of 8-bit channels the codec sees DRAWABLE with: 1 gray (also
 * layer masks and channels), 2 gray + alpha, 3 RGB, 4 RGBA. */
int ja_pixels_channels (JaItem drawable);

/* Reads the whole of DRAWABLE into IMAGE, whose pixels (rows packed) the
 * caller frees with g_free.  FALSE when memory runs out. */
gboolean ja_pixels_read (JaItem drawable, JartImage *image);

/* Reads the whole of DRAWABLE into IMAGE, which already has DRAWABLE's
 * size and channels (as ja_pixels_read gave them). */
void ja_pixels_read_into (JaItem drawable, JartImage *image);

/* Writes RESULT, the codec's output for a drawable of TARGET's size and
 * channels, into TARGET's shadow buffer, keeping TARGET's alpha: where the
 * selection touches TARGET when IN_IMAGE (all of it without a selection),
 * all of it for a layer not yet in its image.  FALSE when the selection
 * does not touch TARGET: nothing was written.  The shadow then waits for
 * ja_pixels_merge, which must come after the layer entered the image. */
gboolean ja_pixels_write_shadow (JaItem target, const JartImage *result,
                                 gboolean in_image);

/* Writes PIXELS (TARGET's size and channels) over the whole of TARGET,
 * straight into its buffer, keeping TARGET's alpha: no selection, no undo
 * step, for a layer the run itself added to the image (whose undo step
 * removes it whole).  Tells GIMP the layer changed. */
void ja_pixels_write_whole (JaItem target, const JartImage *pixels);

/* Merges TARGET's shadow into TARGET through the selection (an undo step of
 * the open group when PUSH_UNDO) and tells GIMP which area changed. */
void ja_pixels_merge (JaItem target, gboolean push_undo);

/* How much of each of DRAWABLE's pixels the selection covers, 0..255,
 * rows packed; NULL when nothing is selected (the whole drawable counts) or
 * memory runs out.  Free with g_free. */
guint8 *ja_pixels_read_selection (JaImage image, JaItem drawable);

#endif /* JA_PIXELS_H */
