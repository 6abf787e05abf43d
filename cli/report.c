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
#include <locale.h>
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
  COLUMN_OPTIMIZED,
  COLUMN_PROGRESSIVE,
  COLUMN_COUNT
};

/* The columns' headings and the widths their numbers need: up to 1000
 * generations, quality 100, offsets below 40, 65535 x 65535 pixels, a
 * PSNR such as "100.00", an SSIM such as "-0.1234" and a file of up to
 * about 13 GB in kB (1000 bytes) with one decimal. */
static const char *const report_headings[COLUMN_COUNT] = {
  N_ ("generation"),     N_ ("quality"),         N_ ("dx"),   N_ ("dy"),
  N_ ("changed pixels"), N_ ("PSNR (dB)"),       N_ ("SSIM"), N_ ("JPEG (kB)"),
  N_ ("optimized (kB)"), N_ ("progressive (kB)")
};
static const int report_number_widths[COLUMN_COUNT]
    = { 4, 3, 2, 2, 10, 6, 7, 10, 10, 10 };

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

bool
report_format_parse (const char *text, ReportFormat *format)
{
  static const char *const names[] = { "text", "csv", "json" };
  int i;

  for (i = 0; i < 3; i++)
    if (strcmp (text, names[i]) == 0)
      {
        *format = (ReportFormat)i;
        return true;
      }
  return false;
}

void
report_init (Report *report, FILE *stream, const JartSettings *settings,
             int schedule_steps, ReportFormat format)
{
  int i;

  memset (report, 0, sizeof *report);
  report->stream = stream;
  report->format = format;
  report->settings = settings;
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

/* VALUE printed with PRECISION decimals and a '.' whatever the locale (CSV
 * and JSON), into TEXT of SIZE bytes; "inf" (CSV) or null (JSON) for an
 * infinite PSNR. */
static const char *
report_c_number (const Report *report, double value, int precision, char *text,
                 size_t size)
{
  const char *point = localeconv ()->decimal_point;
  size_t n = strlen (point);
  char *at;

  if (isinf (value))
    {
      snprintf (text, size, "%s",
                report->format == REPORT_JSON ? "null" : "inf");
      return text;
    }
  snprintf (text, size, "%.*f", precision, value);
  if (n > 0 && strcmp (point, ".") != 0 && (at = strstr (text, point)) != NULL)
    {
      *at = '.';
      memmove (at + 1, at + n, strlen (at + n) + 1);
    }
  return text;
}

/* A file's size BYTES for REPORT's format into TEXT of SIZE bytes: in kB
 * with one decimal (text) or exact (CSV, JSON); 0, which the codec
 * reports for a canvas beyond 65535 pixels a side that no JPEG file can
 * hold, as "-" (text), an empty field (CSV) or null (JSON). */
static const char *
report_bytes (const Report *report, uint64_t bytes, char *text, size_t size)
{
  if (bytes == 0)
    snprintf (text, size, "%s",
              report->format == REPORT_TEXT   ? "-"
              : report->format == REPORT_JSON ? "null"
                                              : "");
  else if (report->format == REPORT_TEXT)
    snprintf (text, size, "%.1f", (double)bytes / 1000.0);
  else
    snprintf (text, size, "%" PRIu64, bytes);
  return text;
}

/* JSON's opening: the run's settings. */
static void
report_json_header (Report *report)
{
  static const char *const modes[] = { "444", "422", "420", "440", "411" };
  const JartSettings *s = report->settings;
  FILE *out = report->stream;
  char schedule[1024];
  const char *c;

  /* The run's settings passed jart_settings_check: their steps format (an
     error would leave the schedule ""). */
  jart_steps_format (s, schedule, sizeof schedule, NULL);
  fprintf (out,
           "{\n  \"settings\": {\"quality\": %d, \"generations\": %d, "
           "\"subsampling\": \"%s\", \"dct\": \"%s\", \"decode\": \"%s\", "
           "\"quality_jitter\": %d, \"grid_drift\": %d, \"seed\": %lu, "
           "\"stop_at_fixed_point\": %s, \"flatten\": %s, "
           "\"background\": \"%02x%02x%02x\", \"schedule\": \"",
           s->quality, s->generations,
           (int)s->subsampling >= 0 && (int)s->subsampling < 5
               ? modes[s->subsampling]
               : "?",
           s->dct == JART_DCT_FAST    ? "fast"
           : s->dct == JART_DCT_FLOAT ? "float"
                                      : "accurate",
           s->decode == JART_DECODE_GIMP ? "gimp" : "viewers",
           s->quality_jitter, s->grid_drift, (unsigned long)s->seed,
           s->stop_at_fixed_point ? "true" : "false",
           s->flatten ? "true" : "false", s->background[0], s->background[1],
           s->background[2]);
  /* The schedule's text has no control characters; quotes and
     backslashes are escaped all the same. */
  for (c = schedule; *c != '\0'; c++)
    {
      if (*c == '"' || *c == '\\')
        fputc ('\\', out);
      fputc (*c, out);
    }
  fprintf (out, "\"},\n  \"generations\": [");
}

void
report_header (Report *report)
{
  int i;

  if (report->write_error != 0)
    return;
  if (report->format == REPORT_CSV)
    {
      fprintf (report->stream, "generation,quality,dx,dy,changed,psnr,ssim,"
                               "bytes,bytes_optimized,bytes_progressive\n");
      report_flush (report);
      return;
    }
  if (report->format == REPORT_JSON)
    {
      report_json_header (report);
      report_flush (report);
      return;
    }
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

/* GENERATION's CSV row or JSON object. */
static void
report_machine_row (Report *report, const JartGenerationReport *generation)
{
  char psnr[64], ssim[64], bytes[3][32];
  const char *format
      = report->format == REPORT_CSV
            ? "%d,%d,%d,%d,%" PRIu64 ",%s,%s,%s,%s,%s\n"
            : "%s\n    {\"generation\": %d, \"quality\": %d, \"dx\": %d, "
              "\"dy\": %d, \"changed\": %" PRIu64 ", \"psnr\": %s, "
              "\"ssim\": %s, \"bytes\": %s, \"bytes_optimized\": %s, "
              "\"bytes_progressive\": %s}";

  report_c_number (report, generation->psnr, 6, psnr, sizeof psnr);
  report_c_number (report, generation->ssim, 8, ssim, sizeof ssim);
  report_bytes (report, generation->bytes, bytes[0], sizeof bytes[0]);
  report_bytes (report, generation->bytes_optimized, bytes[1],
                sizeof bytes[1]);
  report_bytes (report, generation->bytes_progressive, bytes[2],
                sizeof bytes[2]);
  if (report->format == REPORT_CSV)
    fprintf (report->stream, format, generation->generation,
             generation->quality, generation->dx, generation->dy,
             generation->changed_pixels, psnr, ssim, bytes[0], bytes[1],
             bytes[2]);
  else
    fprintf (report->stream, format, report->last_generation > 0 ? "," : "",
             generation->generation, generation->quality, generation->dx,
             generation->dy, generation->changed_pixels, psnr, ssim, bytes[0],
             bytes[1], bytes[2]);
}

void
report_generation (Report *report, const JartGenerationReport *generation)
{
  char psnr[32], quality[16], bytes[3][32];
  const int *w = report->widths;

  if (report->write_error != 0)
    return;
  if (report->format != REPORT_TEXT)
    {
      report_machine_row (report, generation);
      goto done;
    }
  if (isinf (generation->psnr))
    snprintf (psnr, sizeof psnr, "inf");
  else
    snprintf (psnr, sizeof psnr, "%.2f", generation->psnr);
  /* Quality 0: the tables of --tables-from, which have no quality. */
  if (generation->quality == 0)
    snprintf (quality, sizeof quality, "-");
  else
    snprintf (quality, sizeof quality, "%d", generation->quality);
  report_bytes (report, generation->bytes, bytes[0], sizeof bytes[0]);
  report_bytes (report, generation->bytes_optimized, bytes[1],
                sizeof bytes[1]);
  report_bytes (report, generation->bytes_progressive, bytes[2],
                sizeof bytes[2]);
  fprintf (report->stream,
           "%*d  %*s  %*d  %*d  %*" PRIu64 "  %*s  %*.4f  %*s  %*s  %*s\n",
           w[COLUMN_GENERATION], generation->generation, w[COLUMN_QUALITY],
           quality, w[COLUMN_DX], generation->dx, w[COLUMN_DY], generation->dy,
           w[COLUMN_CHANGED], generation->changed_pixels, w[COLUMN_PSNR], psnr,
           w[COLUMN_SSIM], generation->ssim, w[COLUMN_JPEG], bytes[0],
           w[COLUMN_OPTIMIZED], bytes[1], w[COLUMN_PROGRESSIVE], bytes[2]);
done:
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

  if (report->format == REPORT_CSV)
    return;
  if (report->format == REPORT_JSON)
    {
      /* Where it converged: the first generation that changed no pixel
         (null when none did), and whether the run stopped there. */
      if (fixed_point > 0)
        fprintf (report->stream,
                 "\n  ],\n  \"generations_run\": %d,\n  \"fixed_point\": "
                 "%d,\n  \"stopped_early\": %s\n}\n",
                 result->generations_run, fixed_point,
                 result->generations_run < report->requested ? "true"
                                                             : "false");
      else
        fprintf (report->stream,
                 "\n  ],\n  \"generations_run\": %d,\n  \"fixed_point\": "
                 "null,\n  \"stopped_early\": false\n}\n",
                 result->generations_run);
      report_flush (report);
      return;
    }

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
