/* cli-image.c: the image helper of the command-line tool's tests.  It makes
 * test images, converts and decodes them with code paths of its own (the
 * libpng simplified API, its own netpbm reader and writer, plain
 * TurboJPEG calls), computes reference JPEG round trips and file sizes with
 * libturbojpeg (and its libjpeg API for the floating-point DCTs, which
 * TurboJPEG lacks), and checks images: their size and channels, whether two
 * are identical, whether their alpha channels are, how many pixels differ and
 * the PSNR, whether every pixel is near a colour. Each command exits 0 when it
 * did its job or its check held, 1 otherwise, with a line on stderr saying
 * what differed.  This file holds its usage and its main, which calls the
 * commands of cli-image-io.c (making, describing and converting images),
 * cli-image-ref.c (libjpeg-turbo references) and cli-image-compare.c
 * (checks).
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cli-image.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
usage (void)
{
  fprintf (stderr,
           "usage: cli-image make-png FILE KIND WIDTH HEIGHT\n"
           "       cli-image make-png16 FILE WIDTH HEIGHT VALUE ALPHA\n"
           "       cli-image make-jpeg IN OUT QUALITY\n"
           "       cli-image jpeg-to-pnm IN.jpg OUT\n"
           "       cli-image to-pnm IN OUT\n"
           "       cli-image roundtrip IN OUT QUALITY SUBSAMPLING DCT "
           "GENERATIONS [viewers|gimp]\n"
           "       cli-image jpeg-size IN QUALITY SUBSAMPLING DCT "
           "[standard|optimized|progressive]\n"
           "       cli-image make-jpeg3 IN.png OUT.jpg\n"
           "       cli-image resave-own IN.jpg OUT COUNT\n"
           "       cli-image info FILE\n"
           "       cli-image alpha16 FILE.png\n"
           "       cli-image same A B | same-alpha A B | diff A B\n"
           "       cli-image near FILE TOLERANCE VALUE...\n"
           "       cli-image difference8 RESULT INPUT DIFFERENCE\n");
  exit (2);
}

int
main (int argc, char **argv)
{
  const char *command = argc > 1 ? argv[1] : "";

  if (strcmp (command, "make-png") == 0 && argc == 6)
    return command_make_png (argv[2], argv[3], atoi (argv[4]), atoi (argv[5]));
  if (strcmp (command, "make-png16") == 0 && argc == 7)
    return command_make_png16 (argv[2], atoi (argv[3]), atoi (argv[4]),
                               atoi (argv[5]), atoi (argv[6]));
  if (strcmp (command, "make-jpeg") == 0 && argc == 5)
    return command_make_jpeg (argv[2], argv[3], atoi (argv[4]));
  if (strcmp (command, "jpeg-to-pnm") == 0 && argc == 4)
    return command_jpeg_to_pnm (argv[2], argv[3]);
  if (strcmp (command, "to-pnm") == 0 && argc == 4)
    return command_to_pnm (argv[2], argv[3]);
  if (strcmp (command, "roundtrip") == 0 && (argc == 8 || argc == 9))
    return command_roundtrip (argv[2], argv[3], atoi (argv[4]), argv[5],
                              argv[6], atoi (argv[7]),
                              argc == 9 ? argv[8] : "viewers");
  if (strcmp (command, "jpeg-size") == 0 && (argc == 6 || argc == 7))
    return command_jpeg_size (argv[2], atoi (argv[3]), argv[4], argv[5],
                              argc == 7 ? argv[6] : "standard");
  if (strcmp (command, "make-jpeg3") == 0 && argc == 4)
    return command_make_jpeg3 (argv[2], argv[3]);
  if (strcmp (command, "resave-own") == 0 && argc == 5)
    return command_resave_own (argv[2], argv[3], atoi (argv[4]));
  if (strcmp (command, "info") == 0 && argc == 3)
    return command_info (argv[2]);
  if (strcmp (command, "alpha16") == 0 && argc == 3)
    return command_alpha16 (argv[2]);
  if (strcmp (command, "same") == 0 && argc == 4)
    return command_compare (argv[2], argv[3], 0);
  if (strcmp (command, "same-alpha") == 0 && argc == 4)
    return command_compare (argv[2], argv[3], 1);
  if (strcmp (command, "diff") == 0 && argc == 4)
    return command_diff (argv[2], argv[3]);
  if (strcmp (command, "difference8") == 0 && argc == 5)
    return command_difference8 (argv[2], argv[3], argv[4]);
  if (strcmp (command, "near") == 0 && argc >= 5)
    return command_near (argv[2], atoi (argv[3]), argc - 4, argv + 4);
  usage ();
  return 2;
}
