/* report.c: the per-generation table and the closing line of
 * jpeg-artifacts; see report.h.  Numbers are right-aligned under headings
 * that may be translated, so each column is as wide as the wider of its
 * heading and its numbers.  A failed write ends the printing and is kept
 * for the caller to report: the run goes on without its table.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "report.h"

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "i18n.h"

enum
{
  COLUMN_GENERATION,
  COLUMN_QUALITY,
  COLUMN_DX,
  COLUMN_DY,
  COLUMN_CHANGED,
  COLUMN_PSNR,
  COLUMN_SSIM,
  COLUMN_JPEG,
  COLUMN_COUNT
};

/* The columns' headings and the widths their numbers need: up to 1000
 * generations, quality 100, offsets below 40, 65535 x 65535 pixels, a
 * PSNR such as "100.00", an SSIM such as "-0.1234" and a file of up to
 * about 13 GB in kB (1000 bytes) with one decimal. */
static const char *const report_headings[COLUMN_COUNT] = {
  N_ ("generation"),     N_ ("quality"),   N_ ("dx"),   N_ ("dy"),
  N_ ("changed pixels"), N_ ("PSNR (dB)"), N_ ("SSIM"), N_ ("JPEG (kB)")
};
static const int report_number_widths[COLUMN_COUNT]
    = { 4, 3, 2, 2, 10, 6, 7, 10 };

/* The characters of the UTF-8 string TEXT: its bytes less continuation
 * bytes. */
static int
report_text_width (const char *text)
{
  int width = 0;

  for (; *text != '\0'; text++)
    if (((unsigned char)*text & 0xc0) != 0x80)
      width++;
  return width;
}

/* Flushes REPORT's stream, keeping the reason of its first failure. */
static void
report_flush (Report *report)
{
  if ((fflush (report->stream) != 0 || ferror (report->stream))
      && report->write_error == 0)
    report->write_error = errno != 0 ? errno : EIO;
}

void
report_init (Report *report, FILE *stream, const JartSettings *settings,
             int schedule_steps)
{
  int i;

  memset (report, 0, sizeof *report);
  report->stream = stream;
  report->requested = settings->generations;
  report->varying = settings->quality_jitter > 0 || settings->grid_drift > 0;
  report->steps = settings->n_steps;
  report->schedule_steps = schedule_steps;
  for (i = 0; i < COLUMN_COUNT; i++)
    {
      int heading = report_text_width (_ (report_headings[i]));

      report->widths[i] = heading > report_number_widths[i]
                              ? heading
                              : report_number_widths[i];
    }
}

/* Says when --generations cuts the schedule short or repeats its last
 * step. */
static void
report_schedule (Report *report)
{
  int steps = report->schedule_steps, generations = report->requested;

  if (steps == 0 || generations == steps)
    return;
  if (generations < steps)
    fprintf (report->stream,
             ngettext ("the schedule has %d step; --generations %d cuts it "
                       "short\n",
                       "the schedule has %d steps; --generations %d cuts it "
                       "short\n",
                       (unsigned long)steps),
             steps, generations);
  else
    fprintf (report->stream,
             ngettext ("the schedule has %d step; --generations %d repeats "
                       "it for generations %d to %d\n",
                       "the schedule has %d steps; --generations %d repeats "
                       "the last one for generations %d to %d\n",
                       (unsigned long)steps),
             steps, generations, steps + 1, generations);
}

void
report_header (Report *report)
{
  int i;

  if (report->write_error != 0)
    return;
  report_schedule (report);
  for (i = 0; i < COLUMN_COUNT; i++)
    {
      const char *heading = _ (report_headings[i]);
      int pad = report->widths[i] - report_text_width (heading);

      fprintf (report->stream, "%s%*s%s", i > 0 ? "  " : "", pad, "", heading);
    }
  fputc ('\n', report->stream);
  report_flush (report);
}

void
report_generation (Report *report, const JartGenerationReport *generation,
                   double ssim, uint64_t jpeg_bytes)
{
  char psnr[32], quality[16];
  const int *w = report->widths;

  if (report->write_error != 0)
    return;
  if (isinf (generation->psnr))
    snprintf (psnr, sizeof psnr, "inf");
  else
    snprintf (psnr, sizeof psnr, "%.2f", generation->psnr);
  /* Quality 0: the tables of --tables-from, which have no quality. */
  if (generation->quality == 0)
    snprintf (quality, sizeof quality, "-");
  else
    snprintf (quality, sizeof quality, "%d", generation->quality);
  fprintf (report->stream,
           "%*d  %*s  %*d  %*d  %*" PRIu64 "  %*s  %*.4f  %*.1f\n",
           w[COLUMN_GENERATION], generation->generation, w[COLUMN_QUALITY],
           quality, w[COLUMN_DX], generation->dx, w[COLUMN_DY], generation->dy,
           w[COLUMN_CHANGED], generation->changed_pixels, w[COLUMN_PSNR], psnr,
           w[COLUMN_SSIM], ssim, w[COLUMN_JPEG], (double)jpeg_bytes / 1000.0);
  report_flush (report);

  report->last_generation = generation->generation;
  report->last_changed = generation->changed_pixels;
  if (generation->changed_pixels == 0 && report->first_unchanged == 0
      && generation->generation >= report->steps)
    report->first_unchanged = generation->generation;
}

void
report_summary (Report *report, const JartResult *result)
{
  int fixed_point = result->fixed_point;
  unsigned long changed = (unsigned long)report->last_changed;

  if (report->write_error != 0)
    return;
  /* Without jitter and drift every generation repeats the same operation,
   * so one that changed nothing is a fixed point also when the run went on
   * past it (--no-stop). */
  if (fixed_point == 0 && !report->varying)
    fixed_point = report->first_unchanged;

  if (fixed_point == 1)
    fprintf (report->stream,
             _ ("converged: generation 1 changed no pixel; the input is "
                "already a fixed point\n"));
  else if (fixed_point > 1)
    fprintf (report->stream,
             _ ("converged: generation %d changed no pixel; generations %d "
                "and later are identical\n"),
             fixed_point, fixed_point - 1);
  else if (report->varying)
    fprintf (report->stream,
             ngettext ("no fixed point with quality jitter or grid drift: "
                       "generation %d changed %" PRIu64 " pixel\n",
                       "no fixed point with quality jitter or grid drift: "
                       "generation %d changed %" PRIu64 " pixels\n",
                       changed),
             report->last_generation, report->last_changed);
  else
    fprintf (report->stream,
             ngettext ("not converged: generation %d still changed %" PRIu64
                       " pixel\n",
                       "not converged: generation %d still changed %" PRIu64
                       " pixels\n",
                       changed),
             report->last_generation, report->last_changed);

  if (fixed_point > 0 && result->generations_run < report->requested)
    fprintf (report->stream,
             _ ("stopped after generation %d of %d: the others would be "
                "the same (--no-stop runs them)\n"),
             result->generations_run, report->requested);
  report_flush (report);
}
