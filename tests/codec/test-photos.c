/* test-photos.c: the codec against libjpeg-turbo on a photo, at every
 * generation; the suite runs it on the sample photos, and anyone can run
 * it by hand on a photo it was never tuned on:
 *
 *   test-photos [OPTIONS] IMAGE [QUALITIES [MODES [DCTS [GENERATIONS]]]]
 *
 * IMAGE      a PNG (8 or 16 bits, gray or colour, with or without alpha)
 *            or a JPEG (decoded by TurboJPEG)
 * QUALITIES  1..100, a comma-separated list or "all" (default 10,50,75,90,100)
 * MODES      444, 422, 420, 440, 411, a comma list or "all" (default all)
 * DCTS       islow, ifast, float, each decoded as GIMP with "-gimp"
 *            (float-gimp), or "all" (islow, ifast, float; the default)
 * GENERATIONS 1..1000 (default 20)
 *
 * With JART_TEST_QUALITIES=ends in the environment it runs the lowest and
 * the highest of QUALITIES only (runcase.h's case_quality_ends).
 *
 * OPTIONS    --name NAME      the name the summary line starts with
 *            --alpha          add an alpha channel (a fixed mask)
 *            --flatten        flatten on the background (with --alpha)
 *            --background R,G,B
 *            --jitter J, --drift S, --seed N, --anchor X,Y
 *            --threads N      the codec's worker threads (0: per core)
 *            --no-stop        run every generation, no fixed point stop
 *            --crop W,H,X,Y   test only this rectangle of the photo
 *
 * It prints each failure's first differing pixel and a summary line, and
 * exits with 0 when every generation matched.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "images.h"
#include "runcase.h"

static void
usage (const char *program)
{
  fprintf (stderr,
           "usage: %s [--name NAME] [--alpha] [--flatten] [--background "
           "R,G,B]\n"
           "       [--jitter J] [--drift S] [--seed N] [--anchor X,Y] "
           "[--threads N]\n"
           "       [--no-stop] [--crop W,H,X,Y]\n"
           "       IMAGE [QUALITIES [MODES [DCTS [GENERATIONS]]]]\n"
           "QUALITIES: 1..100, a comma list or all (default "
           "10,50,75,90,100)\n"
           "MODES: 444 422 420 440 411, a comma list or all (default all)\n"
           "DCTS: islow, ifast, float (each decoded as GIMP with -gimp: "
           "float-gimp)\n"
           "or all (default all); GENERATIONS: 1..1000 "
           "(default 20)\n",
           program);
  exit (2);
}

/* A comma-separated list of integers in LO..HI into OUT (at most MAX). */
static int
parse_numbers (const char *text, int lo, int hi, int *out, int max)
{
  int n = 0;
  const char *p = text;

  while (*p && n < max)
    {
      char *end;
      long v = strtol (p, &end, 10);
      if (end == p || v < lo || v > hi || (*end && *end != ','))
        return -1;
      out[n++] = (int)v;
      p = *end ? end + 1 : end;
    }
  return *p ? -1 : n;
}

int
main (int argc, char **argv)
{
  JartSettings base;
  const char *name = "photo", *path;
  int qualities[100] = { 10, 50, 75, 90, 100 }, nq = 5;
  JartSubsampling modes[5]
      = { JART_SUBSAMPLING_444, JART_SUBSAMPLING_422, JART_SUBSAMPLING_420,
          JART_SUBSAMPLING_440, JART_SUBSAMPLING_411 };
  int nm = 5;
  JartDct dcts[3] = { JART_DCT_ACCURATE, JART_DCT_FAST, JART_DCT_FLOAT };
  int nd = 3, generations = 20, alpha = 0, crop[4], cropping = 0;
  JartImage *photo;
  Tally tally;
  Oracle *oracle;
  int i = 1, v[4];

  jart_settings_init (&base);
  for (; i < argc && strncmp (argv[i], "--", 2) == 0; i++)
    {
      const char *opt = argv[i];
      const char *arg = i + 1 < argc ? argv[i + 1] : NULL;
      int takes = 1;

      if (strcmp (opt, "--alpha") == 0)
        alpha = 1, takes = 0;
      else if (strcmp (opt, "--flatten") == 0)
        base.flatten = 1, takes = 0;
      else if (strcmp (opt, "--no-stop") == 0)
        base.stop_at_fixed_point = 0, takes = 0;
      else if (!arg)
        usage (argv[0]);
      else if (strcmp (opt, "--name") == 0)
        name = arg;
      else if (strcmp (opt, "--background") == 0
               && parse_numbers (arg, 0, 255, v, 3) == 3)
        for (int c = 0; c < 3; c++)
          base.background[c] = (uint8_t)v[c];
      else if (strcmp (opt, "--jitter") == 0
               && parse_numbers (arg, 0, 50, v, 1) == 1)
        base.quality_jitter = v[0];
      else if (strcmp (opt, "--drift") == 0
               && parse_numbers (arg, 0, 7, v, 1) == 1)
        base.grid_drift = v[0];
      else if (strcmp (opt, "--seed") == 0)
        base.seed = (uint32_t)strtoul (arg, NULL, 0);
      else if (strcmp (opt, "--anchor") == 0
               && parse_numbers (arg, 0, 31, v, 2) == 2)
        base.anchor_x = v[0], base.anchor_y = v[1];
      else if (strcmp (opt, "--threads") == 0
               && parse_numbers (arg, 0, 64, v, 1) == 1)
        base.threads = v[0];
      else if (strcmp (opt, "--crop") == 0
               && parse_numbers (arg, 0, 65535, crop, 4) == 4)
        cropping = 1;
      else
        usage (argv[0]);
      i += takes;
    }
  if (i >= argc || argc - i > 5)
    usage (argv[0]);
  path = argv[i++];
  if (i < argc && strcmp (argv[i], "all") != 0)
    {
      nq = parse_numbers (argv[i], 1, 100, qualities, 100);
      if (nq <= 0)
        usage (argv[0]);
    }
  else if (i < argc)
    for (nq = 0; nq < 100; nq++)
      qualities[nq] = nq + 1;
  nq = case_quality_ends (qualities, nq);
  if (++i < argc && strcmp (argv[i], "all") != 0)
    {
      char *list = argv[i], *token;
      nm = 0;
      for (token = strtok (list, ","); token && nm < 5;
           token = strtok (NULL, ","))
        if (!subsampling_parse (token, &modes[nm++]))
          usage (argv[0]);
    }
  if (++i < argc && strcmp (argv[i], "all") != 0)
    {
      nd = 1;
      if (!method_parse (argv[i], &dcts[0], &base.decode))
        usage (argv[0]);
    }
  if (++i < argc && parse_numbers (argv[i], 1, 1000, &generations, 1) != 1)
    usage (argv[0]);

  tally_init (&tally, name);
  photo = image_load (path);
  if (!photo)
    return 99;
  if (cropping)
    {
      JartImage *part;
      if (crop[0] < 1 || crop[1] < 1 || crop[2] + crop[0] > photo->width
          || crop[3] + crop[1] > photo->height)
        {
          fprintf (stderr, "%s: the crop is outside the %dx%d image\n", path,
                   photo->width, photo->height);
          return 2;
        }
      part = image_crop (photo, crop[2], crop[3], crop[0], crop[1]);
      image_free (photo);
      photo = part;
    }
  if (alpha && (photo->channels == 1 || photo->channels == 3))
    {
      JartImage *with_alpha = image_add_alpha (photo, 5);
      image_free (photo);
      photo = with_alpha;
    }
  oracle = oracle_new ();
  if (!oracle)
    return 99;
  {
    const char *label = strrchr (path, '/') ? strrchr (path, '/') + 1 : path;
    /* A gray photo has no subsampling: one mode is enough. */
    if (photo->channels < 3)
      nm = 1;
    for (int d = 0; d < nd; d++)
      for (int m = 0; m < nm; m++)
        for (int q = 0; q < nq; q++)
          {
            TestCase test = { .label = label, .src = photo };
            test.settings = base;
            test.settings.quality = qualities[q];
            test.settings.generations = generations;
            test.settings.subsampling = modes[m];
            test.settings.dct = dcts[d];
            case_run (oracle, &tally, &test, NULL);
          }
  }
  oracle_free (oracle);
  image_free (photo);
  return tally_finish (&tally);
}
