/* fuzz-codec.c: the codec's public API under fuzzing, checked against
 * libjpeg-turbo.  One input is a header of settings bytes followed by
 * pixels: the header picks the image's width, height, channels and row
 * padding, every JartSettings field (kernel path and thread count among
 * them, a schedule of up to four steps and the quantization tables), in
 * place or not, and now and then one field out of its range; the pixels
 * fill the image, repeated when the input is short.
 *
 * A valid case runs through case_run (tests/codec/runcase.c): the codec and
 * libjpeg-turbo in step at every generation (a schedule's steps replayed
 * by oracle_step_generation), the reports, the callbacks, the untouched
 * source and row padding.  An invalid one must return the
 * field's error code and leave the destination untouched.  Any failure
 * aborts, so that libFuzzer keeps the input.  Where libjpeg-turbo reports
 * its own file corrupt (its decoder warns, or its encoder wrote a
 * coefficient baseline JPEG cannot code: oracle.h's ORACLE_CORRUPT) there
 * is nothing to match: the case is skipped, not failed, and fuzz-replay
 * prints the library's message and counts it.
 *
 * Built two ways: with -fsanitize=fuzzer (meson -Dfuzzing=true, clang) as
 * the libFuzzer target, and, without it, as fuzz-replay, which runs the
 * inputs named on its command line (files or folders: the seed corpus and
 * the regressions of tests/fuzz/regressions) once each, and writes the
 * seed corpus with --write-seeds DIR.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <dirent.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "compare.h"
#include "images.h"
#include "jart.h"
#include "oracle.h"
#include "runcase.h"

/* The header's bytes, in order. */
enum
{
  H_WIDTH,       /* with H_SHAPE: the image's width */
  H_HEIGHT,      /* and height */
  H_SHAPE,       /* low 2 bits: 0..1 small, 2 a long row, 3 a tall column;
                    bits 2..3: channels - 1 */
  H_PADDING,     /* bytes after each source row, 0..7 */
  H_QUALITY,     /* 1..100 */
  H_GENERATIONS, /* 1..4 */
  H_MODE,        /* low 3 bits: subsampling (mod 5); bit 3: fast DCT
                    (with H_RUN's bit 6: the floating-point one);
                    bit 4: no stop at the fixed point; bit 5: flatten;
                    bits 6..7: in place (0, 1 or 2) */
  H_JITTER,      /* 0..50, small values likelier */
  H_DRIFT,       /* 0..7 */
  H_ANCHOR,      /* low nibble anchor x mod 16, high nibble anchor y */
  H_SEED,        /* the seed's low byte */
  H_BACKGROUND,  /* the background's three bytes start here */
  H_RUN = H_BACKGROUND + 3, /* low 2 bits: threads 1..3 (0 = 3);
                               bits 2..3: kernel path; bits 4..6 also
                               the destination's padding; bit 6: see
                               H_MODE; bit 7: decoded as GIMP */
  H_INVALID,                /* < 32: field (value % FIELDS) is made
                               invalid */
  H_STEPS,                  /* low 3 bits: n_steps (mod 5); bits 3..4:
                               the tables (0 random, else a quality's) */
  H_TABLES,                 /* the tables' seed, or their quality */
  H_STEP,                   /* STEP_BYTES a step, for 4 steps: */
  H_SIZE = H_STEP + 4 * 4
};

/* A step's bytes: quality (0 mod 8: the tables, else 1..100); low 3
 * bits subsampling (mod 5), bits 3..4 filter; scale (below 128: 1, else
 * one of SCALES); bits 0..1 saturation, 2..3 contrast, 4..5 sharpening
 * (one of their four values each). */
#define STEP_BYTES 4
static const double scales[8]
    = { 0.05, 0.1, 0.25, 0.33, 0.5, 0.73, 0.9, 0.999 };
static const double saturations[4] = { 1.0, 0.0, 0.5, 1.7 };
static const double contrasts[4] = { 1.0, 0.6, 1.4, 4.0 };
static const double sharpenings[4] = { 0.0, 0.5, 1.0, 3.9 };

/* The fields make_invalid knows. */
#define FIELDS 17

/* Valid inputs skipped because libjpeg-turbo wrote a corrupt file. */
static long skipped_inputs;

static int
input_byte (const uint8_t *data, size_t size, size_t i)
{
  return i < size ? data[i] : 0;
}

/* Makes sure SETTINGS has a step to spoil: a plain one when it has none. */
static void
ensure_step (JartSettings *s)
{
  if (s->n_steps > 0)
    return;
  s->n_steps = 1;
  s->steps[0].quality = s->quality;
  s->steps[0].subsampling = s->subsampling;
  s->steps[0].scale = 1.0;
  s->steps[0].filter = JART_FILTER_NEAREST;
  s->steps[0].saturation = 1.0;
  s->steps[0].contrast = 1.0;
  s->steps[0].sharpen = 0.0;
}

/* Sets field FIELD of SETTINGS (or the image) out of its range; returns
 * the status jart_run must give. */
static JartStatus
make_invalid (int field, int value, JartSettings *s, JartImage *image)
{
  switch (field)
    {
    case 0:
      /* With a schedule the settings' quality is ignored: a step's. */
      if (s->n_steps > 0)
        s->steps[s->n_steps - 1].quality
            = value & 1 ? 101 + value : -1 - value;
      else
        s->quality = value & 1 ? 101 + value : -value;
      return JART_ERROR_QUALITY;
    case 1:
      s->generations = value & 1 ? 1001 + value : -value;
      return JART_ERROR_GENERATIONS;
    case 2:
      if (s->n_steps > 0)
        s->steps[0].subsampling = (JartSubsampling)(5 + value);
      else
        s->subsampling = (JartSubsampling)(5 + value);
      return JART_ERROR_SUBSAMPLING;
    case 3:
      s->dct = (JartDct)(value & 1 ? 2 + value : -1 - value);
      return JART_ERROR_DCT;
    case 4:
      s->quality_jitter = value & 1 ? 51 + value : -1 - value;
      return JART_ERROR_JITTER;
    case 5:
      s->grid_drift = value & 1 ? 8 + value : -1 - value;
      return JART_ERROR_DRIFT;
    case 6:
      s->anchor_x = value & 1 ? 32 + value : -1 - value;
      return JART_ERROR_ANCHOR;
    case 7:
      s->threads = value & 1 ? JART_THREADS_MAX + 1 + value : -1 - value;
      return JART_ERROR_THREADS;
    case 8:
      s->kernels = (JartKernelPath)(4 + value);
      return JART_ERROR_KERNELS;
    case 9:
      image->channels = value & 1 ? 5 + value : 0;
      return JART_ERROR_CHANNELS;
    case 10:
      image->stride = (size_t)image->width * (size_t)image->channels - 1;
      return JART_ERROR_STRIDE;
    case 12:
      s->n_steps = value & 1 ? JART_STEPS_MAX + 1 + value : -1 - value;
      return JART_ERROR_STEPS;
    case 13:
      ensure_step (s);
      s->steps[s->n_steps - 1].scale
          = value & 1 ? 1.0 + 0.01 * (1 + value) : JART_SCALE_MIN * 0.99;
      return JART_ERROR_SCALE;
    case 14:
      ensure_step (s);
      s->steps[0].filter = (JartFilter)(value & 1 ? 4 + value : -1 - value);
      return JART_ERROR_FILTER;
    case 15:
      ensure_step (s);
      if (value % 3 == 0)
        s->steps[0].saturation = value & 1 ? -0.5 : NAN;
      else if (value % 3 == 1)
        s->steps[0].contrast = JART_ADJUST_MAX + 1.0;
      else
        s->steps[0].sharpen = value & 1 ? NAN : -1e-3;
      return JART_ERROR_ADJUST;
    case 16:
      ensure_step (s);
      s->steps[0].quality = 0;
      s->tables[value & 1][value % 64] = value & 2 ? 0 : 256 + value;
      return JART_ERROR_TABLES;
    default:
      image->width = value & 1 ? JART_MAX_DIMENSION + 1 + value : -value;
      return JART_ERROR_SIZE;
    }
}

/* Runs one input; aborts when a check fails. */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static Oracle *oracle;
  const uint8_t *pixels = size > H_SIZE ? data + H_SIZE : NULL;
  size_t npixels = size > H_SIZE ? size - H_SIZE : 0;
  int shape = input_byte (data, size, H_SHAPE);
  int mode = input_byte (data, size, H_MODE);
  int run = input_byte (data, size, H_RUN);
  int invalid = input_byte (data, size, H_INVALID);
  int width, height, channels;
  size_t padding, i, n;
  JartImage *src;
  JartSettings s;
  Tally tally;
  int ok;

  if (oracle == NULL && (oracle = oracle_new ()) == NULL)
    abort ();

  width = 1 + input_byte (data, size, H_WIDTH) % 40;
  height = 1 + input_byte (data, size, H_HEIGHT) % 40;
  if ((shape & 3) == 2)
    width = 1 + (input_byte (data, size, H_WIDTH) * 7) % 1200, height %= 3;
  else if ((shape & 3) == 3)
    height = 1 + (input_byte (data, size, H_HEIGHT) * 7) % 1200, width %= 3;
  width += width == 0;
  height += height == 0;
  channels = 1 + ((shape >> 2) & 3);
  padding = (size_t)(input_byte (data, size, H_PADDING) % 8);

  /* The source, its rows PADDING bytes longer, filled from the input. */
  {
    JartImage *tight = image_new (width, height, channels);
    n = (size_t)width * (size_t)height * (size_t)channels;
    for (i = 0; i < n; i++)
      tight->pixels[i] = npixels ? pixels[i % npixels] : (uint8_t)(i * 37);
    src = image_padded (tight, padding, 0xA5);
    image_free (tight);
  }

  jart_settings_init (&s);
  s.quality = 1 + input_byte (data, size, H_QUALITY) % 100;
  s.generations = 1 + input_byte (data, size, H_GENERATIONS) % 4;
  s.subsampling = (JartSubsampling)((mode & 7) % 5);
  s.dct = !(mode & 8) ? JART_DCT_ACCURATE
          : run & 64  ? JART_DCT_FLOAT
                      : JART_DCT_FAST;
  s.decode = run & 128 ? JART_DECODE_GIMP : JART_DECODE_VIEWERS;
  s.stop_at_fixed_point = !(mode & 16);
  s.flatten = (mode & 32) != 0;
  {
    int j = input_byte (data, size, H_JITTER);
    s.quality_jitter = j < 128 ? j % 6 : j % 51;
  }
  s.grid_drift = input_byte (data, size, H_DRIFT) % 8;
  s.anchor_x = input_byte (data, size, H_ANCHOR) & 15;
  s.anchor_y = input_byte (data, size, H_ANCHOR) >> 4;
  s.seed = (uint32_t)input_byte (data, size, H_SEED) * 2654435761u;
  for (i = 0; i < 3; i++)
    s.background[i] = (uint8_t)input_byte (data, size, H_BACKGROUND + i);
  s.threads = (run & 3) == 0 ? 3 : run & 3;
  s.kernels = (JartKernelPath)((run >> 2) & 3);
  if (!jart_kernels_available (s.kernels))
    s.kernels = JART_KERNELS_AUTO;
  {
    int steps = input_byte (data, size, H_STEPS);
    int kind = (steps >> 3) & 3;
    uint32_t state = (uint32_t)input_byte (data, size, H_TABLES) + 1;

    s.n_steps = (steps & 7) % 5;
    for (int k = 0; k < s.n_steps; k++)
      {
        size_t at = H_STEP + (size_t)k * STEP_BYTES;
        int q = input_byte (data, size, at);
        int m = input_byte (data, size, at + 1);
        int scale = input_byte (data, size, at + 2);
        int adjust = input_byte (data, size, at + 3);
        JartStep *step = &s.steps[k];

        step->quality = q % 8 == 0 ? 0 : 1 + q % 100;
        step->subsampling = (JartSubsampling)((m & 7) % 5);
        step->filter = (JartFilter)((m >> 3) & 3);
        step->scale = scale < 128 ? 1.0 : scales[scale & 7];
        step->saturation = saturations[adjust & 3];
        step->contrast = contrasts[(adjust >> 2) & 3];
        step->sharpen = sharpenings[(adjust >> 4) & 3];
      }
    for (int t = 0; t < 2; t++)
      {
        uint16_t quality_table[64];

        jart_quant_table (1 + input_byte (data, size, H_TABLES) % 100, t,
                          quality_table);
        for (i = 0; i < 64; i++)
          s.tables[t][i] = kind == 0
                               ? (uint16_t)(1 + random_next (&state) % 255)
                               : quality_table[i];
      }
  }

  tally_init (&tally, "fuzz-codec");
  tally.max_messages = 4;
#ifndef FUZZ_REPLAY
  /* Millions of runs: a skipped one is no news. */
  tally.skip_notes = 0;
#endif
  if (invalid < 32)
    {
      /* One field out of range: its error, and nothing written. */
      JartImage bad = *src;
      JartImage *dst = image_copy (src);
      JartImage *before = image_copy (dst);
      JartStatus expected = make_invalid (invalid % FIELDS, invalid, &s, &bad);
      JartStatus got = jart_run (&bad, dst, &s, NULL, NULL);

      ok = tally_check (&tally, got == expected,
                        "field %d out of range: status %d (%s), expected %d",
                        invalid % FIELDS, (int)got, jart_strerror (got),
                        (int)expected)
           && compare_images (&tally, before, dst,
                              "the destination after a refused run");
      image_free (before);
      image_free (dst);
    }
  else
    {
      TestCase test = { .label = "fuzz input", .src = src };
      CaseOutcome outcome;

      test.settings = s;
      test.in_place = (mode >> 6) % 3;
      test.dst_padding = test.in_place ? 0 : (size_t)(run >> 4) % 5;
      ok = case_run (oracle, &tally, &test, &outcome);
      skipped_inputs += outcome.skipped != 0;
    }
  image_free (src);
  if (!ok)
    {
      tally_finish (&tally);
      abort ();
    }
  return 0;
}

#ifdef FUZZ_REPLAY

/* Runs the input in PATH; 0 when it passed. */
static int
replay_file (const char *path)
{
  FILE *f = fopen (path, "rb");
  uint8_t *data = NULL;
  long size;

  if (f == NULL || fseek (f, 0, SEEK_END) != 0 || (size = ftell (f)) < 0
      || fseek (f, 0, SEEK_SET) != 0)
    {
      fprintf (stderr, "fuzz-replay: cannot read %s\n", path);
      if (f != NULL)
        fclose (f);
      return 1;
    }
  data = malloc ((size_t)size + 1);
  if (data == NULL || fread (data, 1, (size_t)size, f) != (size_t)size)
    {
      fprintf (stderr, "fuzz-replay: cannot read %s\n", path);
      fclose (f);
      free (data);
      return 1;
    }
  fclose (f);
  LLVMFuzzerTestOneInput (data, (size_t)size);
  free (data);
  return 0;
}

/* Runs PATH, a file or every file of a folder; returns the inputs run, or
 * -1 on a read error. */
static long
replay_path (const char *path)
{
  struct stat st;
  DIR *dir;
  struct dirent *entry;
  long count = 0;

  if (stat (path, &st) != 0)
    {
      fprintf (stderr, "fuzz-replay: no such file or folder: %s\n", path);
      return -1;
    }
  if (!S_ISDIR (st.st_mode))
    return replay_file (path) == 0 ? 1 : -1;
  dir = opendir (path);
  if (dir == NULL)
    return -1;
  while ((entry = readdir (dir)) != NULL)
    {
      char child[4096];

      size_t length = strlen (entry->d_name);

      /* Hidden files and the folder's README are no inputs. */
      if (entry->d_name[0] == '.'
          || (length > 3 && strcmp (entry->d_name + length - 3, ".md") == 0))
        continue;
      snprintf (child, sizeof child, "%s/%s", path, entry->d_name);
      if (replay_file (child) != 0)
        {
          closedir (dir);
          return -1;
        }
      count++;
    }
  closedir (dir);
  return count;
}

/* Writes the seed corpus into DIR: every subsampling mode, channel count,
 * shape and DCT, some with drift, half with a schedule, in place or not,
 * and one of each invalid field. */
static int
write_seeds (const char *dir)
{
  uint32_t state = 12345;
  int k, written = 0;

  mkdir (dir, 0777);
  for (k = 0; k < 64; k++)
    {
      uint8_t seed[H_SIZE + 96];
      char path[4096];
      FILE *f;
      size_t i;

      for (i = 0; i < sizeof seed; i++)
        seed[i] = (uint8_t)random_next (&state);
      seed[H_SHAPE] = (uint8_t)((k & 3) | (((k >> 2) & 3) << 2));
      seed[H_MODE] = (uint8_t)((k % 5) | ((k & 8) ? 8 : 0)
                               | ((k & 16) ? 32 : 0) | ((k % 3) << 6));
      seed[H_JITTER] = (uint8_t)(k % 4 == 0 ? 3 : 0);
      seed[H_DRIFT] = (uint8_t)(k % 4 == 0 ? 3 : 0);
      /* Bits 6 and 7: the floating-point DCT (with H_MODE's bit 3) and
         GIMP's decoder, now and then. */
      seed[H_RUN]
          = (uint8_t)((k % 3 + 1) | ((k % 4) << 2) | ((k % 5 == 2) ? 64 : 0)
                      | ((k % 7 == 3) ? 128 : 0));
      seed[H_INVALID] = (uint8_t)(k < FIELDS ? k : 200);
      /* Every other seed with a schedule. */
      seed[H_STEPS]
          = (uint8_t)(k % 2 ? 1 + k % 4 : 0) | (uint8_t)((k % 3) << 3);
      snprintf (path, sizeof path, "%s/seed-%02d", dir, k);
      f = fopen (path, "wb");
      if (f == NULL || fwrite (seed, 1, sizeof seed, f) != sizeof seed)
        {
          fprintf (stderr, "fuzz-replay: cannot write %s\n", path);
          if (f != NULL)
            fclose (f);
          return 1;
        }
      fclose (f);
      written++;
    }
  printf ("fuzz-replay: wrote %d seeds into %s\n", written, dir);
  return 0;
}

int
main (int argc, char **argv)
{
  long total = 0;
  int i;

  if (argc == 3 && strcmp (argv[1], "--write-seeds") == 0)
    return write_seeds (argv[2]);
  if (argc < 2)
    {
      fprintf (stderr, "usage: fuzz-replay FILE-OR-FOLDER...\n"
                       "       fuzz-replay --write-seeds FOLDER\n");
      return 2;
    }
  for (i = 1; i < argc; i++)
    {
      long n = replay_path (argv[i]);
      if (n < 0)
        return 1;
      total += n;
    }
  printf ("fuzz-replay: %ld inputs run, none failed", total);
  if (skipped_inputs > 0)
    printf (", %ld skipped where libjpeg-turbo wrote a corrupt file",
            skipped_inputs);
  printf ("\n");
  return 0;
}

#endif /* FUZZ_REPLAY */
