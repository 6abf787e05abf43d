/* test-api-hostile.c: the public functions that return no status, called
 * as a hostile caller calls them: NULL for each output pointer (the
 * function must skip that output and write the others as it writes them
 * with every pointer given), and what jart.h says of NULL input.  A
 * crash here is a failure too: the test program dies and meson counts it.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "compare.h"
#include "jart.h"

/* jart_settings_init, jart_scaled_size and jart_mcu_size. */
static void
check_null_sizes (Tally *tally)
{
  int w = -1, h = -1;

  jart_settings_init (NULL);
  tally_check (tally, 1, "jart_settings_init (NULL) returned");

  jart_scaled_size (100, 60, 0.5, &w, NULL);
  tally_check (tally, w == 50, "jart_scaled_size, height NULL: width %d", w);
  jart_scaled_size (100, 60, 0.5, NULL, &h);
  tally_check (tally, h == 30, "jart_scaled_size, width NULL: height %d", h);
  jart_scaled_size (100, 60, 0.5, NULL, NULL);

  w = h = -1;
  jart_mcu_size (JART_SUBSAMPLING_411, 3, &w, NULL);
  tally_check (tally, w == 32, "jart_mcu_size, height NULL: width %d", w);
  jart_mcu_size (JART_SUBSAMPLING_420, 4, NULL, &h);
  tally_check (tally, h == 16, "jart_mcu_size, width NULL: height %d", h);
  jart_mcu_size (JART_SUBSAMPLING_420, 4, NULL, NULL);
}

int
main (void)
{
  Tally tally;

  tally_init (&tally, "api-hostile");
  check_null_sizes (&tally);
  return tally_finish (&tally);
}
