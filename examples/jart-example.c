/* jart-example.c: the codec through its one public header, jart.h: makes
 * a 64x48 RGB test card, saves it GENERATIONS times (default 10) at
 * quality 50 with a little drift, and prints what each generation did.
 *
 *   jart-example [GENERATIONS]
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>

#include "jart.h"

/* Called after each generation; returning nonzero would cancel the run. */
static int
report (const JartGenerationReport *r, const JartImage *pixels, void *data)
{
  (void)pixels, (void)data;
  printf ("generation %2d: quality %2d, grid at (%d, %d), %4llu pixels "
          "changed, PSNR %.2f dB\n",
          r->generation, r->quality, r->dx, r->dy,
          (unsigned long long)r->changed_pixels, r->psnr);
  return 0;
}

int
main (int argc, char **argv)
{
  JartImage image = { NULL, 64, 48, 3, 64 * 3 };
  JartCallbacks callbacks = { report, NULL, NULL, NULL };
  JartSettings settings;
  JartResult result;
  JartStatus status;

  image.pixels = malloc (image.stride * (size_t)image.height);
  if (image.pixels == NULL)
    return 1;
  for (int y = 0; y < image.height; y++)
    for (int x = 0; x < image.width; x++)
      {
        uint8_t *p = image.pixels + (size_t)y * image.stride + 3 * x;

        p[0] = (uint8_t)(4 * x);                    /* a red ramp */
        p[1] = (uint8_t)(5 * y);                    /* a green one */
        p[2] = (x / 8 + y / 8) % 2 != 0 ? 230 : 20; /* blue checks */
      }
  jart_settings_init (&settings); /* quality 75, 4:2:0, one generation */
  settings.quality = 50;
  settings.generations = argc > 1 ? atoi (argv[1]) : 10;
  settings.quality_jitter = 5; /* each generation's quality: 45..55 */
  settings.grid_drift = 2;     /* its grid moves by 0..2 pixels */
  settings.seed = 1;
  status = jart_run (&image, &image, &settings, &callbacks, &result);
  free (image.pixels);
  if (status != JART_OK)
    {
      fprintf (stderr, "jart-example: %s\n", jart_strerror (status));
      return 1;
    }
  printf ("%d generations run\n", result.generations_run);
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      perror ("jart-example: standard output");
      return 1;
    }
  return 0;
}
