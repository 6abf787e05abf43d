/* runcase.c: the codec and the oracle on one case, generation by
 * generation.  The codec's generation callback advances the oracle loop by
 * one generation and compares pixels and report at once; after jart_run
 * returns, the oracle goes on to the full generation count, which is what
 * the destination must hold even when the codec stopped at a fixed point.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "runcase.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "images.h"
#include "jart-private.h"

JartSettings
case_settings (int quality, int generations, JartSubsampling subsampling,
               JartDct dct)
{
  JartSettings settings;

  jart_settings_init (&settings);
  settings.quality = quality;
  settings.generations = generations;
  settings.subsampling = subsampling;
  settings.dct = dct;
  return settings;
}

void
case_describe (const TestCase *test, char *text, size_t size)
{
  const JartSettings *s = &test->settings;
  const JartImage *src = test->src;
  int n;

  n = snprintf (text, size,
                "[%s %dx%d channels %d, mode %s%s, dct %s%s, quality %d, "
                "generations %d, jitter %d, drift %d, seed %u, anchor "
                "(%d,%d), stop %d",
                test->label, src->width, src->height, src->channels,
                subsampling_name (s->subsampling),
                src->channels < 3 ? " (gray)" : "", dct_name (s->dct),
                s->decode == JART_DECODE_GIMP ? ", decoded as GIMP" : "",
                s->quality, s->generations, s->quality_jitter, s->grid_drift,
                (unsigned)s->seed, s->anchor_x, s->anchor_y,
                s->stop_at_fixed_point);
  if (n > 0 && (size_t)n < size && s->n_steps > 0)
    n += snprintf (text + n, size - n, ", %d steps", s->n_steps);
  if (n > 0 && (size_t)n < size)
    snprintf (text + n, size - n,
              s->flatten ? ", flatten on (%d,%d,%d)]" : "]", s->background[0],
              s->background[1], s->background[2]);
}

/* One case in flight. */
typedef struct
{
  Oracle *oracle;
  Tally *tally;
  const TestCase *test;
  const char *description;
  OracleLoop *loop;
  const JartImage *oracle_pixels; /* the oracle's last generation */
  uint64_t *changed;              /* the oracle's changed pixels, 1-based */
  int oracle_generations;         /* generations the oracle has run */
  int callbacks;                  /* generation callbacks received */
  int diverged;     /* a generation differed: later ones are not compared */
  int pending_ssim; /* the generation's SSIM is still to check */
  /* The whole-image figures last computed, and for which generation: a
     generation whose input (sizes) or output (SSIM) libjpeg-turbo's loop
     left unchanged has the same ones (memo_figures, memo_ssim_of). */
  int memo_g, memo_ssim_g;
  uint64_t memo_bytes[3];
  double memo_ssim;
  int ok;      /* nothing failed so far */
  int skipped; /* 0, or the generation whose file libjpeg-turbo reported
                  corrupt: it and later ones are not compared */
  char why[320];
  double last_fraction;
} CaseRun;

/* Marks RUN skipped at generation G for the oracle's report. */
static void
skip_from (CaseRun *run, int g)
{
  run->skipped = g;
  run->diverged = 1;
  snprintf (run->why, sizeof run->why, "%s", oracle_message (run->oracle));
}

/* The oracle's next generation: 0, or -1 when it failed (a failure) or
   reported its file corrupt (RUN skipped). */
static int
oracle_step (CaseRun *run, JartGenerationReport *report)
{
  int status = oracle_loop_step (run->loop, report, &run->oracle_pixels);

  if (status == ORACLE_CORRUPT)
    {
      skip_from (run, run->oracle_generations + 1);
      return -1;
    }
  if (status != 0)
    {
      tally_check (run->tally, 0, "%s: the oracle failed at generation %d",
                   run->description, run->oracle_generations + 1);
      run->ok = 0;
      return -1;
    }
  run->oracle_generations++;
  run->changed[run->oracle_generations] = report->changed_pixels;
  return 0;
}

/* Whether generation G's statistics are compared with the whole image's:
 * at every generation, unless JART_TEST_STATISTICS=first-two (the
 * valgrind and sanitizer passes, tools/run-tests.sh) keeps the comparison
 * to generation 1 (all computed) and 2 (the first computed from a change)
 * there; the statistics are computed at every generation either way. */
static int
statistics_compared (int g)
{
  const char *value = getenv ("JART_TEST_STATISTICS");

  return g <= 2 || value == NULL || strcmp (value, "first-two") != 0;
}

/* Whether libjpeg-turbo was told to run its plain C code
   (JSIMD_FORCENONE=1, as the valgrind pass does). */
static int
oracle_without_simd (void)
{
  const char *value = getenv ("JSIMD_FORCENONE");

  return value != NULL && strcmp (value, "1") == 0;
}

/* Whether SETTINGS use a transform whose x86 SIMD code in libjpeg-turbo,
   which the codec follows, rounds otherwise than its C code: the fast DCT
   (16-bit wrap-around), the float DCT (its quantization rounds halves to
   even) and the float inverse DCT GIMP decodes with (README: "Where
   bit-exactness cannot apply"). */
static int
settings_follow_simd (const JartSettings *settings)
{
  return settings->dct != JART_DCT_ACCURATE
         || settings->decode == JART_DECODE_GIMP;
}

/* Generation G's pixels differ from the oracle's: whether libjpeg-turbo's
   file of it held coefficients out of baseline's range, or the library ran
   without its SIMD code a transform whose SIMD code the codec follows;
   either skips RUN. */
static int
oracle_file_corrupt (CaseRun *run, int g)
{
  if (oracle_without_simd () && settings_follow_simd (&run->test->settings))
    {
      skip_from (run, g);
      snprintf (run->why, sizeof run->why, "%s",
                "libjpeg-turbo runs its C code (JSIMD_FORCENONE=1), which "
                "rounds the fast and float DCTs and the float inverse DCT "
                "otherwise than its x86 SIMD code, which the codec follows");
      return 1;
    }
  if (oracle_loop_check_encoding (run->loop) != ORACLE_CORRUPT)
    return 0;
  skip_from (run, g);
  return 1;
}

static int
same_psnr (double a, double b)
{
  if (isinf (a) || isinf (b))
    return isinf (a) && isinf (b) && (a > 0) == (b > 0);
  return fabs (a - b) <= 1e-6;
}

/* Whether generation G's file sizes are those computed last: without a
 * schedule, jitter or drift every generation encodes alike, and when
 * libjpeg-turbo's loop (not the codec under test) says generation G - 1
 * changed no pixel, G's input is G - 1's.  Long runs past their fixed
 * point (fixed-point's thousand generations) then cost one computation. */
static int
memo_figures (const CaseRun *run, int g)
{
  const JartSettings *s = &run->test->settings;

  return g >= 2 && run->memo_g == g - 1 && s->quality_jitter == 0
         && s->grid_drift == 0 && s->n_steps == 0
         && run->oracle_generations >= g - 1 && run->changed[g - 1] == 0;
}

/* Whether generation G's SSIM is the one computed last: libjpeg-turbo's
 * loop says G changed no pixel, so its output is G - 1's. */
static int
memo_ssim_of (const CaseRun *run, int g)
{
  return g >= 2 && run->memo_ssim_g == g - 1 && run->oracle_generations >= g
         && run->changed[g] == 0;
}

/* The statistics the run computed for generation G as it went, against
 * the codec's computations of the whole image: the file sizes of
 * jart_generation_jpeg_sizes from INPUT (the generation's input; its
 * three sizes, from one transform, are jart_generation_jpeg_size's, which
 * the jpeg-size and steps tests hold to libjpeg-turbo's files) and
 * jart_ssim's SSIM (which ssim-vs-scikit-image holds to scikit-image), the
 * same bit for bit whatever the kernel path and thread count. */
static void
check_statistics (CaseRun *run, const JartGenerationReport *report,
                  const JartImage *input)
{
  Tally *tally = run->tally;
  const int g = report->generation;
  uint64_t bytes[3] = { 0, 0, 0 };

  if (!tally_check (tally, report->has_statistics,
                    "%s generation %d: no statistics in the report",
                    run->description, g))
    {
      run->ok = 0;
      return;
    }
  if (memo_figures (run, g))
    memcpy (bytes, run->memo_bytes, sizeof bytes);
  else if (jart_generation_jpeg_sizes (input, &run->test->settings, g, bytes)
           != JART_OK)
    memset (bytes, 0, sizeof bytes);
  memcpy (run->memo_bytes, bytes, sizeof bytes);
  run->memo_g = g;
  if (!tally_check (
          tally,
          report->bytes == bytes[0] && report->bytes_optimized == bytes[1]
              && report->bytes_progressive == bytes[2],
          "%s generation %d: the report's file sizes %llu, %llu "
          "(optimized) and %llu (progressive), jart_generation_jpeg_sizes "
          "%llu, %llu and %llu",
          run->description, g, (unsigned long long)report->bytes,
          (unsigned long long)report->bytes_optimized,
          (unsigned long long)report->bytes_progressive,
          (unsigned long long)bytes[0], (unsigned long long)bytes[1],
          (unsigned long long)bytes[2]))
    run->ok = 0;
  run->pending_ssim = 1;
}

/* The SSIM half of check_statistics, once the generation's PIXELS are
 * known good. */
static void
check_ssim (CaseRun *run, const JartGenerationReport *report,
            const JartImage *pixels)
{
  double ssim = -2.0;

  run->pending_ssim = 0;
  if (memo_ssim_of (run, report->generation))
    ssim = run->memo_ssim;
  else if (jart_ssim (run->test->src, pixels, &ssim) != JART_OK)
    ssim = -2.0;
  run->memo_ssim = ssim;
  run->memo_ssim_g = report->generation;
  if (!tally_check (run->tally, report->ssim == ssim,
                    "%s generation %d: the report's SSIM %.17g, jart_ssim "
                    "%.17g",
                    run->description, report->generation, report->ssim, ssim))
    run->ok = 0;
}

static int
on_generation (const JartGenerationReport *report, const JartImage *pixels,
               void *user_data)
{
  CaseRun *run = user_data;
  Tally *tally = run->tally;
  const JartImage *src = run->test->src;
  JartGenerationReport expected;
  char what[512];
  int g = ++run->callbacks;

  if (!tally_check (tally, report->generation == g,
                    "%s: callback %d reports generation %d", run->description,
                    g, report->generation))
    run->ok = 0;
  if (!tally_check (
          tally,
          pixels->width == src->width && pixels->height == src->height
              && pixels->channels == src->channels
              && pixels->stride >= (size_t)pixels->width * pixels->channels,
          "%s: generation %d's pixels are %dx%d, %d channels, "
          "stride %zu",
          run->description, g, pixels->width, pixels->height, pixels->channels,
          pixels->stride))
    {
      run->ok = 0;
      run->diverged = 1;
    }
  if (run->skipped)
    return 0;
  if (!run->diverged && g <= run->test->settings.generations
      && run->oracle_generations == g - 1 && statistics_compared (g))
    check_statistics (run, report, g == 1 ? src : run->oracle_pixels);
  if (g > run->test->settings.generations || run->oracle_generations != g - 1)
    {
      run->ok = 0;
      run->diverged = 1;
      return 0;
    }
  if (oracle_step (run, &expected) != 0)
    {
      run->diverged = 1;
      return 0;
    }

  if (!tally_check (tally,
                    report->quality == expected.quality
                        && report->dx == expected.dx
                        && report->dy == expected.dy,
                    "%s generation %d: report says quality %d offset "
                    "(%d,%d), jart_schedule %d (%d,%d)",
                    run->description, g, report->quality, report->dx,
                    report->dy, expected.quality, expected.dx, expected.dy))
    run->ok = 0;
  if (!tally_check (tally,
                    report->step == expected.step
                        && report->encoded_width == expected.encoded_width
                        && report->encoded_height == expected.encoded_height,
                    "%s generation %d: report says step %d encoded %dx%d, "
                    "expected step %d %dx%d",
                    run->description, g, report->step, report->encoded_width,
                    report->encoded_height, expected.step,
                    expected.encoded_width, expected.encoded_height))
    run->ok = 0;

  if (run->diverged)
    return 0;
  snprintf (what, sizeof what, "%s generation %d", run->description, g);
  {
    int x, y, c;

    if (compare_first_difference (run->oracle_pixels, pixels, &x, &y, &c)
        && oracle_file_corrupt (run, g))
      return 0;
  }
  tally->round_trips++;
  if (!compare_images (tally, run->oracle_pixels, pixels, what))
    {
      run->ok = 0;
      run->diverged = 1;
      return 0;
    }
  if (!tally_check (tally, report->changed_pixels == expected.changed_pixels,
                    "%s: report's changed_pixels %llu, oracle %llu", what,
                    (unsigned long long)report->changed_pixels,
                    (unsigned long long)expected.changed_pixels))
    run->ok = 0;
  if (!tally_check (tally, same_psnr (report->psnr, expected.psnr),
                    "%s: report's psnr %.9f, oracle %.9f", what, report->psnr,
                    expected.psnr))
    run->ok = 0;
  if (run->pending_ssim)
    check_ssim (run, report, pixels);
  return 0;
}

static int
on_progress (double fraction, void *user_data)
{
  CaseRun *run = user_data;

  if (!tally_check (run->tally,
                    fraction >= 0.0 && fraction <= 1.0
                        && fraction >= run->last_fraction,
                    "%s: progress %g after %g", run->description, fraction,
                    run->last_fraction))
    run->ok = 0;
  run->last_fraction = fraction;
  return 0;
}

/* The first generation from which on no generation up to the last changed
 * a pixel, or 0 when the last one did. */
static int
unchanged_tail (const CaseRun *run, int generations)
{
  int first = 0;

  for (int g = generations; g >= 1 && run->changed[g] == 0; g--)
    first = g;
  return first;
}

/* The kernel path and thread count the environment forces on every case
 * (see runcase.h), applied to SETTINGS.  Exits with 77, meson's "skipped",
 * when the forced path is one this CPU lacks, and with 99 on a value it
 * cannot read. */
static void
apply_forced (JartSettings *settings)
{
  static const char *paths[] = { "auto", "portable", "sse2", "avx2" };
  const char *kernels = getenv ("JART_TEST_KERNELS");

  if (kernels != NULL && *kernels != '\0')
    {
      int p;

      for (p = 0; p < 4 && strcmp (kernels, paths[p]) != 0; p++)
        ;
      if (p == 4)
        {
          fprintf (stderr,
                   "JART_TEST_KERNELS=%s: not auto, portable, sse2 "
                   "or avx2\n",
                   kernels);
          exit (99);
        }
      if (!jart_kernels_available ((JartKernelPath)p))
        {
          printf ("the %s kernels are not available here: skipped\n", kernels);
          exit (77);
        }
      settings->kernels = (JartKernelPath)p;
    }
  settings->threads = case_env_int ("JART_TEST_THREADS", 0, JART_THREADS_MAX,
                                    settings->threads);
}

int
case_env_int (const char *name, int lo, int hi, int fallback)
{
  const char *value = getenv (name);
  char *end;
  long n;

  if (value == NULL || *value == '\0')
    return fallback;
  n = strtol (value, &end, 10);
  if (*end != '\0' || n < lo || n > hi)
    {
      fprintf (stderr, "%s=%s: not %d..%d\n", name, value, lo, hi);
      exit (99);
    }
  return (int)n;
}

/* Runs the case once more without any callback, the codec's other way of
 * keeping its working image, and checks that it ends where the first run
 * did: the same result and the same destination pixels as EXPECTED. */
static int
check_without_callbacks (Tally *tally, const TestCase *test,
                         const JartSettings *s, const JartResult *expected,
                         const JartImage *pixels, const char *description)
{
  const JartImage *src = test->src;
  JartImage *work, *dst;
  JartImage alias;
  JartResult result = { -1, -1 };
  JartStatus status;
  char what[512];
  int ok;

  work = image_padded (src, src->stride - (size_t)src->width * src->channels,
                       0xe7);
  if (test->in_place)
    {
      alias = *work;
      dst = test->in_place == 2 ? &alias : work;
      status = jart_run (work, dst, s, NULL, &result);
    }
  else
    {
      dst = image_padded (src, test->dst_padding, 0x5a);
      for (int y = 0; y < dst->height; y++)
        for (size_t i = 0; i < (size_t)dst->width * dst->channels; i++)
          dst->pixels[y * dst->stride + i] = (uint8_t)(i * 53 + y * 7 + 1);
      status = jart_run (work, dst, s, NULL, &result);
    }
  ok = tally_check (tally, status == JART_OK,
                    "%s: without callbacks, jart_run returned %d (%s)",
                    description, status, jart_strerror (status))
       && tally_check (tally,
                       result.generations_run == expected->generations_run
                           && result.fixed_point == expected->fixed_point,
                       "%s: without callbacks, generations_run %d and "
                       "fixed_point %d, with them %d and %d",
                       description, result.generations_run, result.fixed_point,
                       expected->generations_run, expected->fixed_point);
  if (ok)
    {
      snprintf (what, sizeof what, "%s, run without callbacks", description);
      ok = compare_images (tally, pixels, dst, what);
    }
  if (dst != work && dst != &alias)
    image_free (dst);
  image_free (work);
  return ok;
}

int
case_run (Oracle *oracle, Tally *tally, const TestCase *test,
          CaseOutcome *outcome)
{
  JartSettings forced = test->settings;
  const JartSettings *s = &forced;
  const JartImage *src = test->src;
  int n = s->generations;
  int still = s->quality_jitter == 0 && s->grid_drift == 0;
  JartImage *src_before = image_copy (src);
  JartImage *work = NULL; /* the in-place run's pixels */
  JartImage *dst, *dst_before;
  JartImage alias;
  const JartImage *run_src = src;
  char description[400];
  CaseRun run;
  JartCallbacks callbacks;
  JartResult result = { -1, -1 };
  JartStatus status;
  int first_unchanged = 0, first_stop = 0, expect_run, expect_fixed, tail;

  apply_forced (&forced);
  /* Every case checks the statistics the run keeps (check_statistics). */
  forced.statistics = 1;
  if (test->in_place)
    {
      work = image_padded (
          src, src->stride - (size_t)src->width * src->channels, 0xe7);
      run_src = work;
      dst = work;
      if (test->in_place == 2)
        {
          alias = *work;
          dst = &alias;
        }
    }
  else
    {
      /* A destination that holds neither the source nor the result. */
      dst = image_padded (src, test->dst_padding, 0xe7);
      for (int y = 0; y < dst->height; y++)
        for (size_t i = 0; i < (size_t)dst->width * dst->channels; i++)
          dst->pixels[y * dst->stride + i] = (uint8_t)(i * 37 + y * 11 + 5);
    }
  dst_before = image_padded (
      dst, dst->stride - (size_t)dst->width * dst->channels, 0);
  memcpy (dst_before->pixels, dst->pixels, dst->stride * dst->height);

  case_describe (test, description, sizeof description);
  if (test->in_place || test->dst_padding)
    {
      size_t n = strlen (description);
      if (n > 0 && n + 64 < sizeof description)
        {
          if (test->in_place)
            snprintf (description + n - 1, sizeof description - n + 1,
                      ", in place%s]",
                      test->in_place == 2 ? " (two JartImages)" : "");
          else
            snprintf (description + n - 1, sizeof description - n + 1,
                      ", source padding %zu, destination padding %zu]",
                      src->stride - (size_t)src->width * src->channels,
                      test->dst_padding);
        }
    }
  memset (&run, 0, sizeof run);
  run.oracle = oracle;
  run.tally = tally;
  run.test = test;
  run.description = description;
  run.loop = oracle_loop_new (oracle, src, s);
  run.changed = calloc ((size_t)n + 1, sizeof *run.changed);
  run.ok = 1;
  if (!run.loop || !run.changed)
    {
      fprintf (stderr, "out of memory\n");
      exit (99);
    }
  tally->cases++;

  callbacks.generation_done = on_generation;
  callbacks.progress = on_progress;
  callbacks.cancel = NULL;
  callbacks.user_data = &run;
  status = jart_run (run_src, dst, s, &callbacks, &result);

  if (!tally_check (tally, status == JART_OK, "%s: jart_run returned %d (%s)",
                    description, status, jart_strerror (status)))
    run.ok = 0;
  else
    {
      char what[512];
      snprintf (what, sizeof what, "%s: source untouched", description);
      if (!test->in_place && !compare_images (tally, src_before, src, what))
        run.ok = 0;
      if (!tally_check (tally, image_padding_equal (dst_before, dst),
                        "%s: jart_run wrote into the padding after the "
                        "destination's rows",
                        description))
        run.ok = 0;

      /* The oracle goes on to the full count. */
      while (run.oracle_generations < n && run.ok && !run.skipped)
        {
          JartGenerationReport report;
          if (oracle_step (&run, &report) != 0)
            break;
        }
    }

  if (run.ok && run.skipped)
    {
      /* Nothing to compare with: the codec against itself only. */
      if (!check_without_callbacks (tally, test, s, &result, dst, description))
        run.ok = 0;
      tally->skipped++;
      if (tally->skip_notes)
        tally_note (tally, "%s: skipped from generation %d on, %s",
                    description, run.skipped, run.why);
    }
  else if (run.ok)
    {
      for (int g = 1; g <= n && !first_unchanged; g++)
        if (run.changed[g] == 0)
          first_unchanged = g;
      /* With a schedule only a generation that follows the last step (as
         every later one does) can be a fixed point. */
      for (int g = s->n_steps > 1 ? s->n_steps : 1; g <= n && !first_stop; g++)
        if (run.changed[g] == 0)
          first_stop = g;
      expect_run
          = still && s->stop_at_fixed_point && first_stop ? first_stop : n;
      expect_fixed = still && s->stop_at_fixed_point ? first_stop : 0;
      tail = unchanged_tail (&run, n);

      if (!tally_check (tally, result.generations_run == expect_run,
                        "%s: generations_run %d, expected %d (first "
                        "unchanged generation %d)",
                        description, result.generations_run, expect_run,
                        first_unchanged))
        run.ok = 0;
      if (!tally_check (tally,
                        result.fixed_point == expect_fixed
                            || (result.fixed_point != 0
                                && result.fixed_point == tail
                                && !(still && s->stop_at_fixed_point)),
                        "%s: fixed_point %d, expected %d (first unchanged "
                        "generation %d, unchanged from %d on)",
                        description, result.fixed_point, expect_fixed,
                        first_unchanged, tail))
        run.ok = 0;
      if (!tally_check (tally, run.callbacks == result.generations_run,
                        "%s: %d generation callbacks for %d generations run",
                        description, run.callbacks, result.generations_run))
        run.ok = 0;
      if (run.oracle_generations == n)
        {
          char what[512];
          snprintf (what, sizeof what, "%s final destination (generation %d)",
                    description, n);
          if (!compare_images (tally, run.oracle_pixels, dst, what))
            run.ok = 0;
        }
      if (run.ok
          && !check_without_callbacks (tally, test, s, &result, dst,
                                       description))
        run.ok = 0;
    }

  if (outcome)
    {
      outcome->status = status;
      outcome->result = result;
      outcome->first_unchanged = first_unchanged;
      outcome->skipped = run.skipped;
      snprintf (outcome->why, sizeof outcome->why, "%s", run.why);
    }
  oracle_loop_free (run.loop);
  free (run.changed);
  image_free (src_before);
  image_free (dst_before);
  if (work)
    image_free (work);
  else
    image_free (dst);
  return run.ok;
}

int
case_quality_ends (int *qualities, int n)
{
  const char *value = getenv ("JART_TEST_QUALITIES");
  int low, high, i;

  if (n <= 2 || value == NULL || strcmp (value, "ends") != 0)
    return n;
  low = high = qualities[0];
  for (i = 1; i < n; i++)
    {
      low = qualities[i] < low ? qualities[i] : low;
      high = qualities[i] > high ? qualities[i] : high;
    }
  qualities[0] = low;
  qualities[1] = high;
  return low == high ? 1 : 2;
}

int
case_generation_ignored (const JartGenerationReport *report,
                         const JartImage *pixels, void *user_data)
{
  (void)report;
  (void)pixels;
  (void)user_data;
  return 0;
}

JartStep
case_step (int quality, JartSubsampling mode, double scale, JartFilter filter,
           double saturation, double contrast, double sharpen)
{
  JartStep step;

  step.quality = quality;
  step.subsampling = mode;
  step.scale = scale;
  step.filter = filter;
  step.saturation = saturation;
  step.contrast = contrast;
  step.sharpen = sharpen;
  return step;
}

void
case_tables (JartSettings *s, int kind, uint32_t seed)
{
  uint32_t state = seed * 2654435761u + 1u;

  for (int t = 0; t < 2; t++)
    for (int i = 0; i < 64; i++)
      {
        if (kind == 0)
          s->tables[t][i] = (uint16_t)(1 + random_next (&state) % 255);
        else
          {
            uint16_t q[64];

            oracle_quant_table (kind, t, q);
            s->tables[t][i] = q[i];
          }
      }
}
