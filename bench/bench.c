/* bench.c: jpeg-artifacts-bench, the codec against libjpeg-turbo in one
 * run.  For one image (by default a 20 MP photograph, JART_BENCH_IMAGE)
 * and four cases it times libjpeg-turbo's TurboJPEG
 * compress-and-decompress loop (TJFLAG_ACCURATEDCT, the accurate DCT) and
 * the codec on the same pixels and settings, checks that both end with the
 * same pixels, and prints for each: milliseconds a generation, megapixels
 * a second, the codec's peak memory, and how many times faster the codec
 * is.  A drifting case pads, encodes, decodes and crops with libjpeg-turbo
 * the way the codec's schedule says (jart_schedule).  Cases 5 to 9
 * (users.c) time what users wait for: the tool as a process, the dialog
 * (its worker and the preview's handling of what it hands over, after a
 * settings change in an open dialog and on a new worker's first run), the
 * statistics inside a run.  The tool's cases also time libjpeg-turbo's
 * loop as a whole process, as the tool is timed: this program run again
 * with BENCH_TURBO_PROCESS (bench.h) reads the image, runs the loop and
 * writes the PPM.
 *
 * Each codec run happens in a child process, so that its peak resident
 * memory (getrusage) can be told apart from the parent's.  Every case runs
 * both sides REPEAT times in turn (--repeat, default 3) and reports the
 * median of each, so that one slow run (the machine busy, a slow first
 * touch of fresh memory) moves neither side's figure.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <turbojpeg.h>
#include <unistd.h>

#include "bench.h"
#include "images.h"
#include "jart.h"

typedef struct
{
  const char *name;
  int generations;
  int threads; /* 0: all cores */
  int jitter, drift;
} Case;

static const Case cases[] = {
  { "1 generation, 1 thread", 1, 1, 0, 0 },
  { "1 generation, all threads", 1, 0, 0, 0 },
  { "100 generations q75 4:2:0, all threads", 100, 0, 0, 0 },
  { "100 generations with drift (jitter 5, grid drift 3), all threads", 100, 0,
    5, 3 },
};

static const int tj_subsampling[]
    = { TJSAMP_444, TJSAMP_422, TJSAMP_420, TJSAMP_440, TJSAMP_411 };

/* The settings a case runs with. */
static void
case_settings (const Case *c, int quality, JartSubsampling subsampling,
               JartSettings *settings)
{
  jart_settings_init (settings);
  settings->quality = quality;
  settings->subsampling = subsampling;
  settings->generations = c->generations;
  settings->threads = c->threads;
  settings->quality_jitter = c->jitter;
  settings->grid_drift = c->drift;
  settings->seed = 1;
}

/* libjpeg-turbo's loop: IMAGE (tight, 1 or 3 channels) is replaced by the
 * last generation.  Returns the seconds it took, or -1. */
static double
turbojpeg_loop (JartImage *image, const JartSettings *settings)
{
  const int w = image->width, h = image->height, ch = image->channels;
  const int pad = settings->anchor_x + settings->grid_drift;
  const int format = ch == 1 ? TJPF_GRAY : TJPF_RGB;
  const int sampling
      = ch == 1 ? TJSAMP_GRAY : tj_subsampling[settings->subsampling];
  size_t canvas_size = (size_t)(w + pad) * (size_t)(h + pad) * (size_t)ch;
  uint8_t *canvas = malloc (canvas_size);
  unsigned char *jpeg = NULL;
  unsigned long jpeg_size = 0;
  tjhandle compressor = tjInitCompress ();
  tjhandle decompressor = tjInitDecompress ();
  double start, seconds = -1;
  int g, y, x, c;

  if (canvas == NULL || compressor == NULL || decompressor == NULL)
    goto done;
  start = bench_now ();
  for (g = 1; g <= settings->generations; g++)
    {
      int quality, dx, dy, cw, chh;
      const uint8_t *in = image->pixels;
      uint8_t *out = image->pixels;

      jart_schedule (settings, g, &quality, &dx, &dy);
      cw = w + dx;
      chh = h + dy;
      if (dx > 0 || dy > 0)
        {
          /* The canvas: the image at (dx, dy), its edges repeated. */
          for (y = 0; y < chh; y++)
            {
              const uint8_t *src
                  = image->pixels
                    + (size_t)(y < dy ? 0 : y - dy) * (size_t)w * ch;
              uint8_t *dst = canvas + (size_t)y * (size_t)cw * ch;

              for (x = 0; x < dx; x++)
                for (c = 0; c < ch; c++)
                  dst[x * ch + c] = src[c];
              memcpy (dst + (size_t)dx * ch, src, (size_t)w * ch);
            }
          in = out = canvas;
        }
      if (tjCompress2 (compressor, in, cw, 0, chh, format, &jpeg, &jpeg_size,
                       sampling, quality, TJFLAG_ACCURATEDCT)
              != 0
          || tjDecompress2 (decompressor, jpeg, jpeg_size, out, cw, 0, chh,
                            format, TJFLAG_ACCURATEDCT)
                 != 0)
        {
          fprintf (stderr, "jpeg-artifacts-bench: libjpeg-turbo: %s\n",
                   tjGetErrorStr ());
          goto done;
        }
      if (dx > 0 || dy > 0)
        for (y = 0; y < h; y++)
          memcpy (image->pixels + (size_t)y * (size_t)w * ch,
                  canvas + ((size_t)(y + dy) * (size_t)cw + (size_t)dx) * ch,
                  (size_t)w * ch);
    }
  seconds = bench_now () - start;

done:
  tjFree (jpeg);
  if (compressor)
    tjDestroy (compressor);
  if (decompressor)
    tjDestroy (decompressor);
  free (canvas);
  return seconds;
}

/* BENCH_TURBO_PROCESS's work (bench.h): libjpeg-turbo's loop as a whole
 * process, from reading the image to its PPM.  Returns the exit status. */
static int
turbo_process (int argc, char **argv)
{
  JartSettings settings;
  JartImage *image;
  FILE *out;
  int ok, y;

  if (argc != 7)
    {
      fprintf (stderr,
               "jpeg-artifacts-bench: %s takes GENERATIONS QUALITY "
               "SUBSAMPLING IMAGE OUTPUT\n",
               BENCH_TURBO_PROCESS);
      return 2;
    }
  jart_settings_init (&settings);
  settings.generations = atoi (argv[2]);
  settings.quality = atoi (argv[3]);
  settings.subsampling = (JartSubsampling)atoi (argv[4]);
  if (jart_settings_check (&settings) != JART_OK)
    {
      fprintf (stderr, "jpeg-artifacts-bench: %s: bad settings\n",
               BENCH_TURBO_PROCESS);
      return 2;
    }
  image = image_load (argv[5]);
  if (image == NULL)
    return 1;
  out = fopen (argv[6], "wb");
  ok = out != NULL && (image->channels == 1 || image->channels == 3)
       && turbojpeg_loop (image, &settings) >= 0
       && fprintf (out, "P%d\n%d %d\n255\n", image->channels == 1 ? 5 : 6,
                   image->width, image->height)
              > 0;
  for (y = 0; ok && y < image->height; y++)
    ok = fwrite (image->pixels + (size_t)y * image->stride,
                 (size_t)image->width * image->channels, 1, out)
         == 1;
  if (out != NULL && fclose (out) != 0)
    ok = 0;
  if (!ok)
    fprintf (stderr, "jpeg-artifacts-bench: %s: could not write %s\n",
             BENCH_TURBO_PROCESS, argv[6]);
  image_free (image);
  return ok ? 0 : 1;
}

/* What a child reports of its codec run. */
typedef struct
{
  double seconds;
  long peak_kib; /* resident memory the run added at its peak */
  int status;    /* JartStatus */
  int identical; /* 1 when the pixels equal libjpeg-turbo's */
  int generations_run;
  int fixed_point;
} CodecResult;

static long
resident_kib (void)
{
  long pages = 0, resident = 0;
  FILE *f = fopen ("/proc/self/statm", "r");

  if (f != NULL)
    {
      if (fscanf (f, "%ld %ld", &pages, &resident) != 2)
        resident = 0;
      fclose (f);
    }
  return resident * (sysconf (_SC_PAGESIZE) / 1024);
}

/* Runs the codec in a child process on a copy of SRC and compares its
 * result with EXPECTED. */
static int
codec_run (const JartImage *src, const JartSettings *settings,
           const JartImage *expected, CodecResult *result)
{
  int fds[2];
  pid_t pid;

  if (pipe (fds) != 0 || (pid = fork ()) < 0)
    return -1;
  if (pid == 0)
    {
      CodecResult r = { 0, 0, 0, 0, 0, 0 };
      JartImage *work = image_copy (src);
      JartResult run;
      struct rusage usage;
      long before = resident_kib ();
      double start = bench_now ();

      close (fds[0]);
      r.status = jart_run (work, work, settings, NULL, &run);
      r.seconds = bench_now () - start;
      getrusage (RUSAGE_SELF, &usage);
      r.peak_kib = usage.ru_maxrss - before;
      r.identical
          = r.status == JART_OK
            && memcmp (work->pixels, expected->pixels,
                       (size_t)src->width * src->height * src->channels)
                   == 0;
      r.generations_run = run.generations_run;
      r.fixed_point = run.fixed_point;
      if (write (fds[1], &r, sizeof r) != (ssize_t)sizeof r)
        _exit (2);
      _exit (0);
    }
  close (fds[1]);
  if (read (fds[0], result, sizeof *result) != (ssize_t)sizeof *result)
    result->status = -1;
  close (fds[0]);
  waitpid (pid, NULL, 0);
  return result->status == -1 ? -1 : 0;
}

double
bench_median (double *v, int n)
{
  int i, j;

  for (i = 1; i < n; i++)
    for (j = i; j > 0 && v[j - 1] > v[j]; j--)
      {
        double t = v[j];
        v[j] = v[j - 1];
        v[j - 1] = t;
      }
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void
usage (FILE *stream)
{
  fprintf (stream,
           "Usage: jpeg-artifacts-bench [--quality N] [--subsampling "
           "444|422|420|440|411]\n"
           "                            [--cases LIST] [--repeat N] "
           "[IMAGE]\n"
           "Times libjpeg-turbo and the codec on IMAGE (PNG or JPEG; by "
           "default the photo\n"
           "%s,\n"
           "6028x3391, from Debian's lomiri-wallpapers-20.04) and checks that "
           "both give the\n"
           "same pixels; then what users wait for: the jpeg-artifacts tool "
           "as a process\n"
           "(its table, or --quiet) next to libjpeg-turbo's loop, in memory "
           "and as a process\n"
           "that reads the image and writes PPM too, the dialog to its "
           "result in the preview\n"
           "and its statistics, and "
           "what a generation's statistics cost in a run.\n"
           "LIST picks cases by number, e.g. 1,3 (default: all nine).\n"
           "Each case runs N times (1 to 99, default 3); the figures are "
           "the medians.\n",
           JART_BENCH_IMAGE);
}

/* Prints the medians of a worker case's REPEAT times to the result
 * (RESULT, labelled RESULT_LABEL) and to its statistics (STATS), against
 * the tool's --quiet time QUIET. */
static void
print_worker (const char *result_label, const char *stats_label,
              double *result, double *stats, int repeat, double quiet)
{
  double r = bench_median (result, repeat);
  double st = bench_median (stats, repeat);

  printf ("%-66s %11s %11.3f %8.2fx of --quiet\n", result_label, "", r,
          r / quiet);
  printf ("%-66s %11s %11.3f %8.3f s after it\n", stats_label, "", st, st - r);
}

/* The user-facing cases (5 to 9), after the engine's: each run REPEAT
 * times, medians printed with the libjpeg-turbo loop's time for the same
 * generations (TURBO1 and TURBO100, measured here). */
static int
user_cases (const char *list, const char *path, const JartImage *image,
            int quality, JartSubsampling subsampling, int repeat)
{
  char dir[] = "/tmp/jpeg-artifacts-bench.XXXXXX", output[64];
  double turbo[2][99], table[2][99], process[2][99], quiet[99], quiet1[99];
  double result[99];
  double stats[99], first[99], first_stats[99];
  double t1 = 0, t100 = 0, p;
  const int wanted[2] = { 1, 100 };
  JartSettings settings;
  int k, i, failures = 0;

  if (mkdtemp (dir) == NULL)
    return 1;
  snprintf (output, sizeof output, "%s/out.ppm", dir);
  jart_settings_init (&settings);
  settings.quality = quality;
  settings.subsampling = subsampling;
  printf ("\nwhat users wait for (the tool: %s, whole process, reading "
          "the image and writing PPM)\n",
          JART_TOOL);
  printf ("%-66s %11s %11s %9s\n", "case", "turbo s", "codec s", "speed-up");
  for (i = 0; i < 2; i++)
    {
      if (strchr (list, '5' + i) == NULL)
        continue;
      settings.generations = wanted[i];
      for (k = 0; k < repeat; k++)
        {
          JartImage *copy = image_copy (image);

          turbo[i][k] = turbojpeg_loop (copy, &settings);
          image_free (copy);
          table[i][k] = bench_tool (JART_TOOL, path, wanted[i], 0, output);
          /* The same loop with the tool's work around it: reading the
             image, writing its PPM. */
          process[i][k] = bench_turbo_process (path, wanted[i], quality,
                                               subsampling, output);
          if (turbo[i][k] < 0 || table[i][k] < 0 || process[i][k] < 0)
            failures++;
          /* What reading and writing the image cost the tool, with the
             round trip and no table: no table can be faster. */
          if (i == 0
              && (quiet1[k] = bench_tool (JART_TOOL, path, 1, 1, output)) < 0)
            failures++;
        }
      if (failures)
        break;
      t1 = bench_median (turbo[i], repeat);
      t100 = bench_median (table[i], repeat);
      printf ("%-66s %11.3f %11.3f %8.2fx\n",
              i == 0 ? "tool with its table, 1 generation"
                     : "tool with its table, 100 generations",
              t1, t100, t1 / t100);
      p = bench_median (process[i], repeat);
      if (i == 0)
        {
          double q1 = bench_median (quiet1, repeat);

          printf ("%-66s %11.3f %11.3f %8.2fx\n",
                  "tool --quiet, 1 generation (reading, one round trip, "
                  "writing)",
                  t1, q1, t1 / q1);
          printf ("%-66s %11.3f %11.3f %8.2fx\n",
                  "tool with its table, 1 generation, vs turbo as a process",
                  p, t100, p / t100);
          printf ("%-66s %11.3f %11.3f %8.2fx\n",
                  "tool --quiet, 1 generation, vs turbo as a process", p, q1,
                  p / q1);
        }
      else
        printf ("%-66s %11.3f %11.3f %8.2fx\n",
                "tool with its table, 100 generations, vs turbo as a process",
                p, t100, p / t100);
    }
  if (!failures && (strchr (list, '7') || strchr (list, '8')))
    {
      double q;

      settings.generations = 100;
      for (k = 0; k < repeat; k++)
        {
          quiet[k] = bench_tool (JART_TOOL, path, 100, 1, output);
          if (quiet[k] < 0
              || (strchr (list, '8')
                  && (bench_worker (image, &settings, 1, &result[k], &stats[k])
                          != 0
                      || bench_worker (image, &settings, 0, &first[k],
                                       &first_stats[k])
                             != 0)))
            failures++;
        }
      q = bench_median (quiet, repeat);
      printf ("%-66s %11s %11.3f\n", "tool --quiet, 100 generations", "", q);
      if (!failures && strchr (list, '8'))
        {
          print_worker ("dialog, 100 generations: settings change to the "
                        "result in the preview",
                        "dialog, 100 generations: to the result's "
                        "statistics",
                        result, stats, repeat, q);
          print_worker ("dialog's first run (a new worker): to the result "
                        "in the preview",
                        "dialog's first run: to the result's statistics",
                        first, first_stats, repeat, q);
        }
    }
  if (!failures && strchr (list, '9'))
    {
      BenchStatsCost cost;
      double full[99], part[99], changed = 0;
      int generation = 0;

      settings.generations = 100;
      for (k = 0; k < repeat; k++)
        {
          if (bench_statistics_cost (image, &settings, &cost) != 0)
            {
              failures++;
              break;
            }
          full[k] = cost.full;
          part[k] = cost.incremental;
          changed = cost.changed;
          generation = cost.generation;
        }
      if (!failures)
        {
          double f = bench_median (full, repeat);
          double p = bench_median (part, repeat);

          printf ("%-66s %11s %11.3f\n",
                  "statistics of generation 1 (all computed)", "", f);
          if (generation > 0)
            printf ("%-66s %11s %11.4f %8.1f%% of it (generation %d, %.2f%% "
                    "of 16x16 blocks changed)\n",
                    "statistics of the generation nearest 1% of MCUs changed",
                    "", p, 100.0 * p / f, generation, 100.0 * changed);
        }
    }
  unlink (output);
  rmdir (dir);
  return failures;
}

int
main (int argc, char **argv)
{
  const char *path = JART_BENCH_IMAGE, *list = "123456789";
  int quality = 75, repeat = 3, i, failures = 0, image_given = 0;
  JartSubsampling subsampling = JART_SUBSAMPLING_420;
  JartImage *image;
  double megapixels;

  if (argc > 1 && strcmp (argv[1], BENCH_TURBO_PROCESS) == 0)
    return turbo_process (argc, argv);
  for (i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--help") == 0)
        {
          usage (stdout);
          return 0;
        }
      else if (strcmp (argv[i], "--quality") == 0 && i + 1 < argc)
        quality = atoi (argv[++i]);
      else if (strcmp (argv[i], "--subsampling") == 0 && i + 1 < argc)
        {
          static const char *names[] = { "444", "422", "420", "440", "411" };
          int m;

          i++;
          for (m = 0; m < 5 && strcmp (argv[i], names[m]) != 0; m++)
            ;
          if (m == 5)
            {
              usage (stderr);
              return 2;
            }
          subsampling = (JartSubsampling)m;
        }
      else if (strcmp (argv[i], "--cases") == 0 && i + 1 < argc)
        list = argv[++i];
      else if (strcmp (argv[i], "--repeat") == 0 && i + 1 < argc)
        repeat = atoi (argv[++i]);
      else if (argv[i][0] == '-' || image_given)
        {
          usage (stderr);
          return 2;
        }
      else
        {
          path = argv[i];
          image_given = 1;
        }
    }
  if (quality < 1 || quality > 100 || repeat < 1 || repeat > 99)
    {
      usage (stderr);
      return 2;
    }

  image = image_load (path);
  if (image == NULL && !image_given)
    fprintf (stderr,
             "jpeg-artifacts-bench: the default photo comes with Debian's "
             "lomiri-wallpapers-20.04 (tools/setup-debian.sh installs it); "
             "or give an IMAGE\n");
  if (image == NULL)
    return 1;
  if (image->channels == 2 || image->channels == 4)
    {
      fprintf (stderr, "jpeg-artifacts-bench: the image has alpha; give it "
                       "without\n");
      return 1;
    }
  megapixels = (double)image->width * image->height / 1e6;
  printf ("image: %s, %dx%d, %d channels (%.1f MP), quality %d\n", path,
          image->width, image->height, image->channels, megapixels, quality);
  printf ("codec: %s kernels, %ld cores; medians of %d runs of each side\n\n",
          jart_kernels_name (JART_KERNELS_AUTO),
          sysconf (_SC_NPROCESSORS_ONLN), repeat);
  printf ("%-66s %11s %11s %9s %9s %8s %s\n", "case", "turbo ms/g",
          "codec ms/g", "codec MP/s", "peak MiB", "speed-up", "pixels");

  for (i = 0; i < (int)(sizeof cases / sizeof cases[0]); i++)
    {
      const Case *c = &cases[i];
      JartSettings settings;
      JartImage *expected = NULL;
      CodecResult r = { 0, 0, 0, 0, 0, 0 };
      double turbo_runs[99], codec_runs[99], turbo, seconds;
      long peak_kib = 0;
      int identical = 1, k;

      if (strchr (list, '1' + i) == NULL)
        continue;
      case_settings (c, quality, subsampling, &settings);
      for (k = 0; k < repeat; k++)
        {
          image_free (expected);
          expected = image_copy (image);
          turbo_runs[k] = turbojpeg_loop (expected, &settings);
          if (turbo_runs[k] < 0
              || codec_run (image, &settings, expected, &r) != 0
              || r.status != JART_OK)
            {
              fprintf (stderr, "jpeg-artifacts-bench: case %d failed\n",
                       i + 1);
              image_free (expected);
              return 1;
            }
          codec_runs[k] = r.seconds;
          identical = identical && r.identical;
          if (r.peak_kib > peak_kib)
            peak_kib = r.peak_kib;
        }
      turbo = bench_median (turbo_runs, repeat);
      seconds = bench_median (codec_runs, repeat);
      printf ("%-66s %11.1f %11.1f %9.1f %9.1f %7.2fx %s\n", c->name,
              turbo * 1e3 / c->generations, seconds * 1e3 / c->generations,
              megapixels * c->generations / seconds, peak_kib / 1024.0,
              turbo / seconds, identical ? "identical" : "DIFFERENT");
      if (r.fixed_point > 0)
        printf ("%-66s (the codec stopped at the fixed point, generation "
                "%d)\n",
                "", r.fixed_point);
      failures += !identical;
      image_free (expected);
    }
  {
    JartSettings settings;
    double bytes, size;

    case_settings (&cases[0], quality, subsampling, &settings);
    bytes = (double)jart_memory_needed (image->width, image->height,
                                        image->channels, &settings);
    size = (double)image->width * image->height * image->channels;
    printf ("\ncodec working memory for this image (1 thread): %.1f MiB, "
            "%.2f times its %.1f MiB of 8-bit pixels\n",
            bytes / 1048576.0, bytes / size, size / 1048576.0);
  }
  failures += user_cases (list, path, image, quality, subsampling, repeat);
  image_free (image);
  return failures ? 1 : 0;
}
