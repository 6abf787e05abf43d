/* test-stride-and-in-place.c: memory layouts.  Sources and destinations whose
 * rows are longer than their pixels (strides 1, 3 and 17 bytes past the
 * pixels, different on each side), and runs in place: the destination is the
 * source's own JartImage, or a second JartImage over the same pixels.  The
 * pixels must equal libjpeg-turbo's at every generation, and the bytes
 * past each row must stay as they were.  Every mode, every channel count,
 * with and without drift, flattening and worker threads.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>

#include "images.h"
#include "runcase.h"

static const size_t paddings[] = { 1, 3, 17 };

int
main (void)
{
  Tally tally;
  Oracle *oracle;
  int index = 0;

  tally_init (&tally, "stride-and-in-place");
  oracle = oracle_new ();
  if (!oracle)
    return 99;

  for (int mode = JART_SUBSAMPLING_444; mode <= JART_SUBSAMPLING_411; mode++)
    for (int channels = 1; channels <= 4; channels++)
      for (int layout = 0; layout < 6; layout++)
        {
          Pattern pattern = (Pattern)(index % PATTERN_COUNT);
          JartImage *tight
              = image_new (index % 2 ? 37 : 19, index % 3 ? 21 : 8, channels);
          JartImage *src;
          TestCase test = { .label = pattern_name (pattern) };

          image_fill (tight, pattern, (uint32_t)index);
          /* Layouts 0..2: strided source and destination; 3..5: in place
           * over a strided or tight source. */
          src = image_padded (tight, layout == 5 ? 0 : paddings[layout % 3],
                              0x99);
          test.src = src;
          test.settings
              = case_settings (index % 2 ? 50 : 85, 6, (JartSubsampling)mode,
                               (JartDct)(index % 2));
          if (layout < 3)
            test.dst_padding = paddings[(layout + 1) % 3];
          else
            test.in_place = layout == 4 ? 2 : 1;
          test.settings.grid_drift = index % 3 == 0 ? 2 : 0;
          test.settings.anchor_x = index % 5;
          test.settings.flatten = index % 4 == 1;
          test.settings.threads = index % 4;
          test.settings.seed = (uint32_t)index;
          case_run (oracle, &tally, &test, NULL);
          image_free (src);
          image_free (tight);
          index++;
        }

  oracle_free (oracle);
  return tally_finish (&tally);
}
