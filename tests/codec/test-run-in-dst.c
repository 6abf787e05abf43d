/* test-run-in-dst.c: jart_run_in_dst against jart_run.  For gray, gray
 * with alpha, RGB and RGBA images, padded rows, with and without the
 * statistics, drift and a schedule, a run in the destination ends with the
 * same bytes (the padding past each row untouched), the same reports and
 * the same result as jart_run; the generation callback's pixels are the
 * destination itself (without a schedule) and equal, at every generation,
 * jart_run's.  Cancelled at generation 2, jart_run leaves the destination
 * as it was and jart_run_in_dst leaves it holding generation 2 (both
 * return JART_ERROR_CANCELLED), except with a schedule, where the run
 * works in frames of its own and leaves it untouched too.  A destination
 * that shares bytes with the source is refused, untouched, but for the
 * source itself with no generation_done: that run works in place and
 * ends with jart_run's pixels and result.  And jart_buffer_alloc gives
 * memory that holds what is written and free() releases.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "images.h"

#define GENERATIONS 6
#define CANCEL_AT 2

/* What one run saw. */
typedef struct
{
  const JartImage *dst; /* the run's destination */
  int cancel_at;        /* generation whose callback cancels, or 0 */
  int calls;            /* generation callbacks */
  int pixels_are_dst;   /* every callback's pixels were DST's */
  JartGenerationReport reports[GENERATIONS];
  uint8_t *frames[GENERATIONS]; /* each generation's pixels, tight */
} Seen;

static int
on_generation (const JartGenerationReport *report, const JartImage *pixels,
               void *user_data)
{
  Seen *seen = user_data;
  const size_t row = (size_t)pixels->width * (size_t)pixels->channels;
  int y;

  if (seen->calls < GENERATIONS)
    {
      uint8_t *frame = malloc (row * (size_t)pixels->height);

      seen->reports[seen->calls] = *report;
      if (frame != NULL)
        for (y = 0; y < pixels->height; y++)
          memcpy (frame + (size_t)y * row,
                  pixels->pixels + (size_t)y * pixels->stride, row);
      seen->frames[seen->calls] = frame;
    }
  if (pixels->pixels != seen->dst->pixels
      || pixels->stride != seen->dst->stride)
    seen->pixels_are_dst = 0;
  seen->calls++;
  return seen->cancel_at != 0 && report->generation == seen->cancel_at;
}

static void
seen_free (Seen *seen)
{
  int i;

  for (i = 0; i < GENERATIONS; i++)
    free (seen->frames[i]);
}

/* Whether IMAGE's pixels (not its padding) equal FRAME, tight. */
static int
pixels_equal (const JartImage *image, const uint8_t *frame)
{
  const size_t row = (size_t)image->width * (size_t)image->channels;
  int y;

  if (frame == NULL)
    return 0;
  for (y = 0; y < image->height; y++)
    if (memcmp (image->pixels + (size_t)y * image->stride,
                frame + (size_t)y * row, row)
        != 0)
      return 0;
  return 1;
}

/* Whether two reports are equal field by field (PSNR bit for bit). */
static int
reports_equal (const JartGenerationReport *a, const JartGenerationReport *b)
{
  return a->generation == b->generation && a->quality == b->quality
         && a->dx == b->dx && a->dy == b->dy
         && a->changed_pixels == b->changed_pixels
         && memcmp (&a->psnr, &b->psnr, sizeof a->psnr) == 0
         && a->step == b->step && a->encoded_width == b->encoded_width
         && a->encoded_height == b->encoded_height
         && a->has_statistics == b->has_statistics
         && memcmp (&a->ssim, &b->ssim, sizeof a->ssim) == 0
         && a->bytes == b->bytes && a->bytes_optimized == b->bytes_optimized
         && a->bytes_progressive == b->bytes_progressive
         && a->progressive_blocks == b->progressive_blocks;
}

/* Runs SETTINGS on SRC with jart_run (IN_DST 0) or jart_run_in_dst into a
 * padded destination filled with 0xa5, cancelled at CANCEL_AT or not. */
static JartStatus
run (const JartImage *src, const JartSettings *settings, int in_dst,
     int cancel_at, JartImage **dst_out, Seen *seen, JartResult *result)
{
  JartImage *blank = image_new (src->width, src->height, src->channels);
  JartImage *dst;
  JartCallbacks callbacks = { on_generation, NULL, NULL, seen };

  memset (blank->pixels, 0xa5, blank->stride * blank->height);
  dst = image_padded (blank, 13, 0x5a);
  image_free (blank);
  memset (seen, 0, sizeof *seen);
  seen->dst = dst;
  seen->cancel_at = cancel_at;
  seen->pixels_are_dst = 1;
  *dst_out = dst;
  return in_dst ? jart_run_in_dst (src, dst, settings, &callbacks, result)
                : jart_run (src, dst, settings, &callbacks, result);
}

static void
check_case (Tally *tally, const char *what, const JartImage *src,
            const JartSettings *settings)
{
  JartImage *a, *b, *untouched;
  JartImage *blank = image_new (src->width, src->height, src->channels);
  Seen sa, sb;
  JartResult ra, rb;
  JartStatus status_a, status_b;
  int i, n;

  memset (blank->pixels, 0xa5, blank->stride * blank->height);
  untouched = image_padded (blank, 13, 0x5a);
  image_free (blank);

  /* To the end. */
  status_a = run (src, settings, 0, 0, &a, &sa, &ra);
  status_b = run (src, settings, 1, 0, &b, &sb, &rb);
  tally_check (tally, status_a == JART_OK && status_b == JART_OK,
               "%s: jart_run %d, jart_run_in_dst %d", what, status_a,
               status_b);
  tally_check (tally,
               memcmp (a->pixels, b->pixels, a->stride * a->height) == 0,
               "%s: jart_run_in_dst's bytes differ from jart_run's", what);
  tally_check (tally, image_padding_equal (b, untouched),
               "%s: jart_run_in_dst wrote past a row's pixels", what);
  tally_check (tally,
               ra.generations_run == rb.generations_run
                   && ra.fixed_point == rb.fixed_point,
               "%s: results %d/%d and %d/%d", what, ra.generations_run,
               ra.fixed_point, rb.generations_run, rb.fixed_point);
  tally_check (tally, sa.calls == sb.calls, "%s: %d and %d callbacks", what,
               sa.calls, sb.calls);
  n = sa.calls < GENERATIONS ? sa.calls : GENERATIONS;
  for (i = 0; i < n && i < sb.calls; i++)
    {
      tally_check (tally, reports_equal (&sa.reports[i], &sb.reports[i]),
                   "%s: generation %d's reports differ", what, i + 1);
      tally_check (
          tally,
          sa.frames[i] != NULL && sb.frames[i] != NULL
              && memcmp (sa.frames[i], sb.frames[i],
                         (size_t)src->width * src->height * src->channels)
                     == 0,
          "%s: generation %d's callback pixels differ", what, i + 1);
    }
  if (settings->n_steps == 0)
    tally_check (tally, sb.pixels_are_dst,
                 "%s: the callback's pixels are not the destination", what);
  seen_free (&sa);
  seen_free (&sb);
  image_free (a);
  image_free (b);

  /* Cancelled at generation CANCEL_AT. */
  status_a = run (src, settings, 0, CANCEL_AT, &a, &sa, &ra);
  status_b = run (src, settings, 1, CANCEL_AT, &b, &sb, &rb);
  tally_check (tally,
               status_a == JART_ERROR_CANCELLED
                   && status_b == JART_ERROR_CANCELLED,
               "%s, cancelled: jart_run %d, jart_run_in_dst %d", what,
               status_a, status_b);
  tally_check (
      tally, memcmp (a->pixels, untouched->pixels, a->stride * a->height) == 0,
      "%s, cancelled: jart_run wrote its destination", what);
  if (settings->n_steps == 0)
    tally_check (tally,
                 sb.calls == CANCEL_AT
                     && pixels_equal (b, sb.frames[CANCEL_AT - 1])
                     && image_padding_equal (b, untouched),
                 "%s, cancelled: jart_run_in_dst's destination is not "
                 "generation %d",
                 what, CANCEL_AT);
  else
    tally_check (tally,
                 memcmp (b->pixels, untouched->pixels, b->stride * b->height)
                     == 0,
                 "%s, cancelled: jart_run_in_dst wrote its destination with "
                 "a schedule",
                 what);
  seen_free (&sa);
  seen_free (&sb);
  image_free (a);
  image_free (b);
  image_free (untouched);
}

static int
count_progress (double fraction, void *user_data)
{
  (void)fraction;
  (*(int *)user_data)++;
  return 0;
}

/* jart_run_in_dst into SRC itself (a padded copy of it) with no
 * generation_done: with a progress callback, and with none, it runs in
 * place and ends with jart_run's pixels and result, the padding
 * untouched.  With a generation_done it is refused, nothing written. */
static void
check_in_place (Tally *tally, const char *what, const JartImage *src,
                const JartSettings *settings)
{
  JartImage *expected = image_copy (src);
  JartResult want, got;
  JartStatus status;
  Seen seen;
  int with_progress;

  status = jart_run (src, expected, settings, NULL, &want);
  tally_check (tally, status == JART_OK, "%s: jart_run gave %d", what,
               (int)status);
  for (with_progress = 0; with_progress < 2; with_progress++)
    {
      JartImage *work = image_padded (src, 13, 0x5a);
      JartImage *before = image_padded (src, 13, 0x5a);
      int calls = 0;
      JartCallbacks progress = { NULL, count_progress, NULL, &calls };

      memset (&got, 0xff, sizeof got);
      status = jart_run_in_dst (work, work, settings,
                                with_progress ? &progress : NULL, &got);
      tally_check (
          tally,
          status == JART_OK && pixels_equal (work, expected->pixels)
              && image_padding_equal (work, before)
              && got.generations_run == want.generations_run
              && got.fixed_point == want.fixed_point,
          "%s: in place%s: status %d, pixels %s jart_run's, "
          "padding %s, %d generations run (jart_run %d)",
          what, with_progress ? " with a progress callback" : "", (int)status,
          pixels_equal (work, expected->pixels) ? "equal to" : "unlike",
          image_padding_equal (work, before) ? "kept" : "written",
          got.generations_run, want.generations_run);
      tally_check (tally, !with_progress || calls > 0,
                   "%s: in place, the progress callback never came", what);
      image_free (work);
      image_free (before);
    }
  {
    JartImage *work = image_padded (src, 13, 0x5a);
    JartImage *before = image_padded (src, 13, 0x5a);
    JartImage *tight = image_copy (src);
    JartCallbacks reading = { on_generation, NULL, NULL, &seen };

    memset (&seen, 0, sizeof seen);
    status = jart_run_in_dst (work, work, settings, &reading, NULL);
    tally_check (tally,
                 status == JART_ERROR_OVERLAP && seen.calls == 0
                     && pixels_equal (work, tight->pixels)
                     && image_padding_equal (work, before),
                 "%s: into the source itself with a generation_done: status "
                 "%d, %d calls, not JART_ERROR_OVERLAP with the image "
                 "untouched",
                 what, (int)status, seen.calls);
    seen_free (&seen);
    image_free (work);
    image_free (before);
    image_free (tight);
  }
  image_free (expected);
}

int
main (void)
{
  static const int channel_counts[] = { 1, 2, 3, 4 };
  Tally tally;
  size_t c;

  tally_init (&tally, "run-in-dst");
  for (c = 0; c < sizeof channel_counts / sizeof channel_counts[0]; c++)
    {
      JartImage *src = image_new (45, 37, channel_counts[c]);
      JartSettings settings;
      JartStep step;
      char what[120];
      int dx, dy;

      image_fill (src, PATTERN_NOISE, 11 + (uint32_t)c);
      jart_settings_init (&settings);
      settings.quality = 35;
      settings.generations = GENERATIONS;
      snprintf (what, sizeof what, "%d channels", channel_counts[c]);
      check_case (&tally, what, src, &settings);
      check_in_place (&tally, what, src, &settings);

      settings.statistics = 1;
      settings.grid_drift = 3;
      settings.quality_jitter = 4;
      snprintf (what, sizeof what, "%d channels, statistics and drift",
                channel_counts[c]);
      check_case (&tally, what, src, &settings);
      snprintf (what, sizeof what, "%d channels, drift", channel_counts[c]);
      check_in_place (&tally, what, src, &settings);

      jart_schedule_step (&settings, 1, &step, &dx, &dy);
      if (!tally_check (&tally,
                        jart_steps_parse ("q30; q50 x0.6 bicubic; q40 sat1.3",
                                          &step, &settings, NULL)
                            == JART_OK,
                        "the schedule does not read"))
        {
          image_free (src);
          continue;
        }
      snprintf (what, sizeof what, "%d channels, a schedule",
                channel_counts[c]);
      check_case (&tally, what, src, &settings);
      check_in_place (&tally, what, src, &settings);
      image_free (src);
    }

  /* The source as the destination, or a destination sharing bytes with
     it (the source's lower rows, or its pixels one byte on): refused,
     nothing written.  A destination just past the source's last byte is
     accepted. */
  {
    JartImage *src = image_new (40, 24, 3);
    JartImage *copy;
    JartSettings settings;
    JartImage below, shifted, after, half;
    static const char *const names[]
        = { "the source itself", "the source's lower rows",
            "the source's pixels a byte on" };
    const JartImage *bad[3];
    int i;

    image_fill (src, PATTERN_CHECKER, 5);
    copy = image_copy (src);
    jart_settings_init (&settings);
    settings.generations = 3;
    /* A 40 x 12 source, the top half of SRC's rows... */
    half = *src;
    half.height = 12;
    /* ...its destinations: rows 11 .. 22 of SRC (its last row shared), or
       the whole half a byte on. */
    below = half;
    below.pixels = src->pixels + 11 * src->stride;
    shifted = half;
    shifted.pixels = src->pixels + 1;
    bad[0] = src;
    bad[1] = &below;
    bad[2] = &shifted;
    for (i = 0; i < 3; i++)
      {
        const JartImage *from = i == 0 ? src : &half;
        Seen seen;
        /* Into the source itself only with a generation_done
           (check_in_place has the run in place without one). */
        JartCallbacks reading = { on_generation, NULL, NULL, &seen };
        JartStatus status;

        memset (&seen, 0, sizeof seen);
        status = jart_run_in_dst (from, (JartImage *)bad[i], &settings,
                                  i == 0 ? &reading : NULL, NULL);
        seen_free (&seen);

        tally_check (&tally, status == JART_ERROR_OVERLAP,
                     "jart_run_in_dst into %s gave %d, not "
                     "JART_ERROR_OVERLAP",
                     names[i], (int)status);
        tally_check (
            &tally,
            memcmp (src->pixels, copy->pixels, src->stride * src->height) == 0,
            "jart_run_in_dst refused %s but wrote it", names[i]);
      }
    tally_check (&tally,
                 strstr (jart_strerror (JART_ERROR_OVERLAP),
                         "share pixels with the source")
                     != NULL,
                 "JART_ERROR_OVERLAP's message does not say what to fix: "
                 "%s",
                 jart_strerror (JART_ERROR_OVERLAP));
    /* Rows 12 .. 23, right after the half's last byte: no overlap. */
    after = half;
    after.pixels = src->pixels + 12 * src->stride;
    tally_check (&tally,
                 jart_run_in_dst (&half, &after, &settings, NULL, NULL)
                     == JART_OK,
                 "jart_run_in_dst refused a destination right after its "
                 "source");
    image_free (src);
    image_free (copy);
  }

  /* jart_buffer_alloc, below and above the huge-page size. */
  {
    static const size_t sizes[] = { 1000, (size_t)9 << 20 };

    for (c = 0; c < 2; c++)
      {
        uint8_t *p = jart_buffer_alloc (sizes[c]);
        size_t i;
        int ok = p != NULL;

        if (ok)
          {
            for (i = 0; i < sizes[c]; i++)
              p[i] = (uint8_t)(i * 7);
            for (i = 0; i < sizes[c] && ok; i++)
              ok = p[i] == (uint8_t)(i * 7);
          }
        tally_check (&tally, ok,
                     "jart_buffer_alloc (%zu) does not hold its bytes",
                     sizes[c]);
        free (p);
      }
  }
  return tally_finish (&tally);
}
