/* test-ssim-vs-scikit-image.c: jart_ssim against scikit-image's
 * structural_similarity (ssim-reference.py, run with the Python given), within
 * 1e-4, on the sample photos and their round trips through the codec (coffee
 * at quality 30, chelsea at 10 and at 75 with an alpha channel, which SSIM
 * ignores, the gray coins, the large Garden) and on small synthetic images
 * down to the 11x11 window, and within 1e-6 on near-flat bright images
 * (where single precision is weakest); and, without the reference, that
 * identical images give exactly 1, that images smaller than the window give a
 * finite value, and the status codes.
 *
 *   test-ssim-vs-scikit-image PYTHON SCRIPT DATA_DIR
 *
 * The images go to the reference as PPM (colour, alpha dropped; the script
 * takes the luma by the JPEG Y formula itself) or PGM.  A reference that
 * cannot run (scikit-image missing) fails the test.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _POSIX_C_SOURCE 200809L /* mkdtemp, popen */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compare.h"
#include "images.h"

#define TOLERANCE 1e-4
#define MAX_PAIRS 16

typedef struct
{
  char label[96];
  char path_a[256], path_b[256];
  double ours;
  double tolerance;
} Pair;

typedef struct
{
  const char *dir; /* where the images go */
  Pair pairs[MAX_PAIRS];
  int count;
} Pairs;

/* Writes IMAGE's colour channels to PATH as P6 (3 or 4 channels) or P5. */
static void
write_netpbm (const JartImage *image, const char *path)
{
  int colors = image->channels >= 3 ? 3 : 1;
  FILE *f = fopen (path, "wb");

  if (!f)
    {
      perror (path);
      exit (99);
    }
  fprintf (f, "P%d\n%d %d\n255\n", colors == 3 ? 6 : 5, image->width,
           image->height);
  for (int y = 0; y < image->height; y++)
    for (int x = 0; x < image->width; x++)
      fwrite (image->pixels + (size_t)y * image->stride
                  + (size_t)x * image->channels,
              1, (size_t)colors, f);
  if (fclose (f) != 0)
    {
      perror (path);
      exit (99);
    }
}

/* A copy of IMAGE after one generation of the codec. */
static JartImage *
round_trip (const JartImage *image, int quality, JartSubsampling mode,
            JartDct dct)
{
  JartImage *out = image_new (image->width, image->height, image->channels);
  JartSettings settings;

  jart_settings_init (&settings);
  settings.quality = quality;
  settings.subsampling = mode;
  settings.dct = dct;
  if (jart_run (image, out, &settings, NULL, NULL) != JART_OK)
    {
      fprintf (stderr, "test-ssim-vs-scikit-image: jart_run failed\n");
      exit (99);
    }
  return out;
}

/* Computes jart_ssim of A and B and queues them for the reference. */
static void
add_pair (Pairs *pairs, Tally *tally, const char *label, const JartImage *a,
          const JartImage *b)
{
  Pair *p = &pairs->pairs[pairs->count];
  JartStatus status;

  snprintf (p->label, sizeof p->label, "%s", label);
  snprintf (p->path_a, sizeof p->path_a, "%s/%d-a.pnm", pairs->dir,
            pairs->count);
  snprintf (p->path_b, sizeof p->path_b, "%s/%d-b.pnm", pairs->dir,
            pairs->count);
  write_netpbm (a, p->path_a);
  write_netpbm (b, p->path_b);
  p->tolerance = TOLERANCE;
  status = jart_ssim (a, b, &p->ours);
  tally_check (tally, status == JART_OK, "%s: jart_ssim says %s", label,
               jart_strerror (status));
  pairs->count++;
}

static void
add_round_trip (Pairs *pairs, Tally *tally, const char *label,
                const JartImage *image, int quality, JartSubsampling mode,
                JartDct dct)
{
  JartImage *out = round_trip (image, quality, mode, dct);
  char text[96];

  snprintf (text, sizeof text, "%s %dx%d, %d-channel, vs q%d %s %s", label,
            image->width, image->height, image->channels, quality,
            image->channels >= 3 ? subsampling_name (mode) : "gray",
            dct_name (dct));
  add_pair (pairs, tally, text, image, out);
  image_free (out);
}

/* Near-flat bright images, 255 with every seventh row 254 against 254 with
 * every fifth column 255: the local variances are tiny next to the squares
 * of the samples, where single precision loses most (3e-5 on the mean
 * without the shift of the samples by the tile's mean, stats-ssim.c): held
 * to 1e-6. */
static void
add_flat_pair (Pairs *pairs, Tally *tally)
{
  JartImage *a = image_new (200, 150, 1), *b = image_new (200, 150, 1);

  for (int y = 0; y < 150; y++)
    for (int x = 0; x < 200; x++)
      {
        a->pixels[(size_t)y * a->stride + (size_t)x] = y % 7 == 0 ? 254 : 255;
        b->pixels[(size_t)y * b->stride + (size_t)x] = x % 5 == 0 ? 255 : 254;
      }
  add_pair (pairs, tally, "near-flat bright 200x150, gray", a, b);
  pairs->pairs[pairs->count - 1].tolerance = 1e-6;
  image_free (a);
  image_free (b);
}

static JartImage *
load (const char *dir, const char *name)
{
  char path[512];
  JartImage *image;

  snprintf (path, sizeof path, "%s/%s", dir, name);
  image = image_load (path);
  if (!image)
    exit (99);
  return image;
}

/* Runs the reference on every pair and counts its checks in TALLY. */
static void
run_reference (Pairs *pairs, Tally *tally, const char *python,
               const char *script)
{
  size_t size = strlen (python) + strlen (script) + 16;
  char *command, line[128];
  double worst = 0.0;
  FILE *pipe;
  int i, status;

  for (i = 0; i < pairs->count; i++)
    size += strlen (pairs->pairs[i].path_a) + strlen (pairs->pairs[i].path_b)
            + 6;
  command = malloc (size);
  if (!command)
    exit (99);
  snprintf (command, size, "'%s' '%s'", python, script);
  for (i = 0; i < pairs->count; i++)
    {
      strcat (command, " '");
      strcat (command, pairs->pairs[i].path_a);
      strcat (command, "' '");
      strcat (command, pairs->pairs[i].path_b);
      strcat (command, "'");
    }
  pipe = popen (command, "r");
  free (command);
  if (!pipe)
    {
      tally_check (tally, 0, "cannot start the reference %s", script);
      return;
    }
  for (i = 0; i < pairs->count && fgets (line, sizeof line, pipe); i++)
    {
      const Pair *p = &pairs->pairs[i];
      double reference = strtod (line, NULL);
      double difference = fabs (p->ours - reference);

      if (difference > worst)
        worst = difference;
      tally_note (tally, "%s: jart_ssim %.10f, scikit-image %.10f", p->label,
                  p->ours, reference);
      tally_check (tally, difference <= p->tolerance,
                   "%s: jart_ssim %.10f, scikit-image %.10f: %.3g apart, "
                   "more than %g",
                   p->label, p->ours, reference, difference, p->tolerance);
    }
  status = pclose (pipe);
  tally_check (tally, WIFEXITED (status) && WEXITSTATUS (status) == 0,
               "the reference failed (status %d)", status);
  tally_check (tally, i == pairs->count,
               "the reference gave %d values for %d pairs", i, pairs->count);
  tally_note (tally, "largest difference from scikit-image: %.3g", worst);
}

static void
check_without_reference (Tally *tally)
{
  JartImage *a = image_new (37, 23, 3), *b, *tiny, *tiny_b, *gray;
  double value = -5.0;

  image_fill (a, PATTERN_NOISE, 3);
  b = round_trip (a, 20, JART_SUBSAMPLING_420, JART_DCT_ACCURATE);
  tally_check (tally, jart_ssim (a, a, &value) == JART_OK && value == 1.0,
               "identical images: SSIM %.17g, not 1", value);
  tally_check (tally, jart_ssim (a, b, &value) == JART_OK && value < 1.0,
               "a round trip at quality 20: SSIM %.17g, not below 1", value);

  for (int w = 1; w <= 12; w += 11)
    for (int h = 1; h <= 10; h += 3)
      {
        tiny = image_new (w, h, 1);
        image_fill (tiny, PATTERN_CHECKER, (uint32_t)(w * h));
        tiny_b
            = round_trip (tiny, 10, JART_SUBSAMPLING_444, JART_DCT_ACCURATE);
        value = -5.0;
        tally_check (tally,
                     jart_ssim (tiny, tiny_b, &value) == JART_OK
                         && isfinite (value) && value >= -1.0 && value <= 1.0,
                     "%dx%d, smaller than the window: SSIM %g", w, h, value);
        tally_check (tally,
                     jart_ssim (tiny, tiny, &value) == JART_OK && value == 1.0,
                     "%dx%d identical: SSIM %.17g", w, h, value);
        image_free (tiny);
        image_free (tiny_b);
      }

  gray = image_new (37, 23, 1);
  tally_check (tally, jart_ssim (a, gray, &value) == JART_ERROR_CHANNELS,
               "3 against 1 channel");
  image_free (gray);
  gray = image_new (37, 24, 3);
  tally_check (tally, jart_ssim (a, gray, &value) == JART_ERROR_SIZE,
               "37x23 against 37x24");
  image_free (gray);
  tally_check (tally, jart_ssim (a, b, NULL) == JART_ERROR_NULL,
               "NULL result");
  tally_check (tally, jart_ssim (NULL, b, &value) == JART_ERROR_NULL,
               "NULL image");
  image_free (a);
  image_free (b);
}

int
main (int argc, char **argv)
{
  static Pairs pairs;
  static char dir[64];
  Tally tally;
  JartImage *image, *alpha;

  if (argc != 4)
    {
      fprintf (stderr, "usage: %s PYTHON SCRIPT DATA_DIR\n", argv[0]);
      return 2;
    }
  tally_init (&tally, "ssim");
  snprintf (dir, sizeof dir, "%s/test-ssim.XXXXXX",
            getenv ("TMPDIR") ? getenv ("TMPDIR") : "/tmp");
  if (strlen (dir) >= sizeof dir - 1 || !mkdtemp (dir))
    {
      perror ("mkdtemp");
      return 99;
    }
  pairs.dir = dir;

  check_without_reference (&tally);

  image = load (argv[3], "coffee.png");
  add_round_trip (&pairs, &tally, "coffee", image, 30, JART_SUBSAMPLING_420,
                  JART_DCT_ACCURATE);
  image_free (image);
  image = load (argv[3], "chelsea.png");
  add_round_trip (&pairs, &tally, "chelsea", image, 10, JART_SUBSAMPLING_444,
                  JART_DCT_FAST);
  alpha = image_add_alpha (image, 5);
  add_round_trip (&pairs, &tally, "chelsea", alpha, 75, JART_SUBSAMPLING_422,
                  JART_DCT_ACCURATE);
  image_free (alpha);
  image_free (image);
  image = load (argv[3], "coins.png");
  add_round_trip (&pairs, &tally, "coins", image, 30, JART_SUBSAMPLING_420,
                  JART_DCT_ACCURATE);
  image_free (image);
  image = load (argv[3], "Garden.jpg");
  add_round_trip (&pairs, &tally, "Garden", image, 50, JART_SUBSAMPLING_420,
                  JART_DCT_FAST);
  image_free (image);

  {
    static const struct
    {
      int width, height, channels, quality;
      Pattern pattern;
    } small[] = { { 11, 11, 3, 5, PATTERN_NOISE },
                  { 12, 40, 3, 20, PATTERN_SMOOTH },
                  { 40, 13, 1, 50, PATTERN_CHECKER },
                  { 64, 64, 2, 75, PATTERN_NOISE } };

    for (size_t i = 0; i < sizeof small / sizeof small[0]; i++)
      {
        image = image_new (small[i].width, small[i].height, small[i].channels);
        image_fill (image, small[i].pattern, (uint32_t)i + 40);
        add_round_trip (&pairs, &tally, pattern_name (small[i].pattern), image,
                        small[i].quality, JART_SUBSAMPLING_420,
                        JART_DCT_ACCURATE);
        image_free (image);
      }
  }

  add_flat_pair (&pairs, &tally);
  run_reference (&pairs, &tally, argv[1], argv[2]);
  for (int i = 0; i < pairs.count; i++)
    {
      unlink (pairs.pairs[i].path_a);
      unlink (pairs.pairs[i].path_b);
    }
  rmdir (pairs.dir);
  return tally_finish (&tally);
}
