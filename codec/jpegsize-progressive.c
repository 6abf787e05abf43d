/* jpegsize-progressive.c: the exact size of the progressive JPEG file
 * libjpeg-turbo 2.1 writes with jpeg_simple_progression (GIMP's default
 * export), from the quantized coefficients jpegsize.c computes.
 *
 * The scans are libjpeg's default script (jcparam.c).  For YCbCr: the DC
 * of all three components interleaved with the last bit held back
 * (Al 1); luma coefficients 1-5 (Al 2); Cr then Cb 1-63 (Al 1); luma 6-63
 * (Al 2); luma 1-63 refined to Al 1; the DC's last bit; Cr, Cb and luma
 * 1-63 refined to Al 0.  For gray: DC (Al 1), 1-5 and 6-63 (Al 2), 1-63
 * refined to Al 1, the DC's last bit, 1-63 refined to Al 0.  A scan of
 * several components goes MCU by MCU (dummy blocks included, as jpegsize.c
 * makes them); a scan of one goes over that component's own blocks in
 * raster order.
 *
 * The coding is T.81 Annex G as libjpeg's jcphuff.c does it: DC first
 * scans code the difference of the coefficient shifted right by Al (an
 * arithmetic shift); DC refinements send bit Al of each DC; AC first
 * scans code |v| >> Al with its sign, and count blocks with nothing left
 * to send into an end-of-band run (EOBn symbols, nbits << 4, then the run's
 * low nbits bits), sent before the next symbol, at 0x7FFF, or at the end of
 * the scan; AC refinement scans send one correction bit for each
 * coefficient already nonzero, buffered until the next symbol (ZRL only up
 * to the last newly nonzero coefficient, the rest folded into the EOB run),
 * and send the run early when the buffer could overflow (more than
 * 1000 - 64 + 1 buffered bits).  Progressive mode always uses optimal
 * tables (jcmaster.c): each scan is counted first and gets its own tables,
 * each sent in a DHT segment of its own before its SOS: a DC first scan
 * the DC table of each of its components' table numbers, an AC scan its
 * component's AC table; a DC refinement none.  Each scan's last byte is
 * padded with 1 bits.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>

#include "huffman.h"
#include "jart-private.h"

#define MAX_CORR_BITS 1000 /* jcphuff.c's correction bit buffer */
#define EOBRUN_MAX 0x7FFF

/* One scan of the script: its components (indices), the band Ss..Se and
 * the successive approximation bits Ah, Al. */
typedef struct
{
  int n;
  int comp[3];
  int ss, se, ah, al;
} Scan;

static const Scan color_script[]
    = { { 3, { 0, 1, 2 }, 0, 0, 0, 1 }, { 1, { 0 }, 1, 5, 0, 2 },
        { 1, { 2 }, 1, 63, 0, 1 },      { 1, { 1 }, 1, 63, 0, 1 },
        { 1, { 0 }, 6, 63, 0, 2 },      { 1, { 0 }, 1, 63, 2, 1 },
        { 3, { 0, 1, 2 }, 0, 0, 1, 0 }, { 1, { 2 }, 1, 63, 1, 0 },
        { 1, { 1 }, 1, 63, 1, 0 },      { 1, { 0 }, 1, 63, 1, 0 } };

static const Scan gray_script[]
    = { { 1, { 0 }, 0, 0, 0, 1 },  { 1, { 0 }, 1, 5, 0, 2 },
        { 1, { 0 }, 6, 63, 0, 2 }, { 1, { 0 }, 1, 63, 2, 1 },
        { 1, { 0 }, 0, 0, 1, 0 },  { 1, { 0 }, 1, 63, 1, 0 } };

/* The state of one pass over one scan: counting symbols (COUNTING) or
 * putting their codes through SINK. */
typedef struct
{
  const JartCoefImage *ci;
  const Scan *scan;
  int counting;
  JartHuffCounts counts[2]; /* per table number: 0 luma, 1 chroma */
  JartHuffCodes codes[2];
  JartBitCount sink;
  int32_t last_dc[3];
  int table;       /* the AC table of a one-component AC scan */
  uint32_t eobrun; /* blocks in the pending end-of-band run */
  int be;          /* correction bits buffered with it */
  uint8_t corr[MAX_CORR_BITS + 64];
} Pass;

JartStatus
jart_coef_image_init (JartCoefImage *ci, int colors, int hmax, int vmax,
                      int mcu_cols, int mcu_rows, int luma_cols, int luma_rows)
{
  int c;

  memset (ci, 0, sizeof *ci);
  ci->colors = colors;
  for (c = 0; c < colors; c++)
    {
      JartCoefPlane *p = &ci->plane[c];

      p->h = c == 0 && colors == 3 ? hmax : 1;
      p->v = c == 0 && colors == 3 ? vmax : 1;
      p->cols = colors == 3 ? mcu_cols * p->h : luma_cols;
      p->rows = colors == 3 ? mcu_rows * p->v : luma_rows;
      p->real_cols = c == 0 ? luma_cols : mcu_cols;
      p->real_rows = c == 0 ? luma_rows : mcu_rows;
      p->coef
          = malloc ((size_t)p->cols * (size_t)p->rows * 64 * sizeof *p->coef);
      if (p->coef == NULL)
        {
          jart_coef_image_free (ci);
          return JART_ERROR_NO_MEMORY;
        }
    }
  ci->mcu_cols = mcu_cols;
  return JART_OK;
}

void
jart_coef_image_free (JartCoefImage *ci)
{
  int c;

  for (c = 0; c < 3; c++)
    {
      free (ci->plane[c].coef);
      ci->plane[c].coef = NULL;
    }
}

void
jart_coef_image_put (JartCoefImage *ci, int c, const int32_t coef[64])
{
  JartCoefPlane *p = &ci->plane[c];
  size_t n = p->stored++, per_mcu = (size_t)p->h * (size_t)p->v;
  size_t mcu = n / per_mcu, within = n % per_mcu;
  size_t bx, by;
  int16_t *out;
  int i;

  if (ci->colors == 1)
    {
      bx = n % (size_t)p->cols;
      by = n / (size_t)p->cols;
    }
  else
    {
      bx = mcu % (size_t)ci->mcu_cols * (size_t)p->h + within % (size_t)p->h;
      by = mcu / (size_t)ci->mcu_cols * (size_t)p->v + within / (size_t)p->h;
    }
  out = p->coef + (by * (size_t)p->cols + bx) * 64;
  for (i = 0; i < 64; i++)
    out[i] = (int16_t)coef[i];
}

static void
put_symbol (Pass *pass, int table, int symbol)
{
  if (pass->counting)
    pass->counts[table].freq[symbol]++;
  else
    jart_bits_put (&pass->sink, pass->codes[table].code[symbol],
                   pass->codes[table].size[symbol]);
}

static void
put_bits (Pass *pass, uint32_t bits, int size)
{
  if (!pass->counting)
    jart_bits_put (&pass->sink, bits, size);
}

/* Sends N buffered correction bits from BITS. */
static void
put_buffered (Pass *pass, const uint8_t *bits, int n)
{
  int i;

  if (!pass->counting)
    for (i = 0; i < n; i++)
      jart_bits_put (&pass->sink, bits[i], 1);
}

/* Sends the pending end-of-band run and the correction bits buffered with
 * it. */
static void
flush_eobrun (Pass *pass)
{
  int nbits;

  if (pass->eobrun == 0)
    return;
  nbits = jart_huff_category ((int32_t)pass->eobrun) - 1;
  put_symbol (pass, pass->table, nbits << 4);
  if (nbits > 0)
    put_bits (pass, pass->eobrun, nbits);
  pass->eobrun = 0;
  put_buffered (pass, pass->corr, pass->be);
  pass->be = 0;
}

static void
dc_first (Pass *pass, int c, const int16_t *block)
{
  int32_t v = (int32_t)block[0] >> pass->scan->al;
  int32_t diff = v - pass->last_dc[c];
  int size = jart_huff_category (diff), table = c > 0;

  pass->last_dc[c] = v;
  put_symbol (pass, table, size);
  put_bits (pass, (uint32_t)(diff < 0 ? diff - 1 : diff), size);
}

static void
ac_first (Pass *pass, const int16_t *block)
{
  const uint8_t *natural = jart_huff_natural_order ();
  const int al = pass->scan->al;
  int k, run = 0;

  for (k = pass->scan->ss; k <= pass->scan->se; k++)
    {
      int32_t v = block[natural[k]], m, bits;
      int size;

      if (v == 0)
        {
          run++;
          continue;
        }
      m = (v < 0 ? -v : v) >> al;
      if (m == 0)
        {
          run++;
          continue;
        }
      bits = v < 0 ? ~m : m;
      flush_eobrun (pass);
      for (; run > 15; run -= 16)
        put_symbol (pass, pass->table, 0xf0);
      size = jart_huff_category (m);
      put_symbol (pass, pass->table, (run << 4) + size);
      put_bits (pass, (uint32_t)bits, size);
      run = 0;
    }
  if (run > 0 && ++pass->eobrun == EOBRUN_MAX)
    flush_eobrun (pass);
}

static void
ac_refine (Pass *pass, const int16_t *block)
{
  const uint8_t *natural = jart_huff_natural_order ();
  const int ss = pass->scan->ss, se = pass->scan->se, al = pass->scan->al;
  int32_t abs_values[64];
  int k, eob = 0, run = 0, br = 0, start = pass->be;

  for (k = ss; k <= se; k++)
    {
      int32_t v = block[natural[k]];

      abs_values[k] = (v < 0 ? -v : v) >> al;
      if (abs_values[k] == 1)
        eob = k;
    }
  for (k = ss; k <= se; k++)
    {
      int32_t m = abs_values[k];

      if (m == 0)
        {
          run++;
          continue;
        }
      while (run > 15 && k <= eob)
        {
          flush_eobrun (pass);
          put_symbol (pass, pass->table, 0xf0);
          run -= 16;
          put_buffered (pass, pass->corr + start, br);
          start = 0;
          br = 0;
        }
      if (m > 1)
        {
          pass->corr[start + br++] = (uint8_t)(m & 1);
          continue;
        }
      flush_eobrun (pass);
      put_symbol (pass, pass->table, (run << 4) + 1);
      put_bits (pass, block[natural[k]] < 0 ? 0 : 1, 1);
      put_buffered (pass, pass->corr + start, br);
      start = 0;
      br = 0;
      run = 0;
    }
  if (run > 0 || br > 0)
    {
      pass->eobrun++;
      pass->be += br;
      if (pass->eobrun == EOBRUN_MAX || pass->be > MAX_CORR_BITS - 64 + 1)
        flush_eobrun (pass);
    }
}

static void
code_block (Pass *pass, int c, const int16_t *block)
{
  const Scan *scan = pass->scan;

  if (scan->ss == 0 && scan->ah == 0)
    dc_first (pass, c, block);
  else if (scan->ss == 0)
    put_bits (pass, (uint32_t)((int32_t)block[0] >> scan->al), 1);
  else if (scan->ah == 0)
    ac_first (pass, block);
  else
    ac_refine (pass, block);
}

/* One pass over the blocks of the scan. */
static void
run_pass (Pass *pass)
{
  const JartCoefImage *ci = pass->ci;
  const Scan *scan = pass->scan;
  size_t bx, by;
  int i, h, v;

  memset (pass->last_dc, 0, sizeof pass->last_dc);
  pass->eobrun = 0;
  pass->be = 0;
  pass->table = scan->comp[0] > 0;
  if (scan->n == 1)
    {
      const JartCoefPlane *p = &ci->plane[scan->comp[0]];

      for (by = 0; by < (size_t)p->real_rows; by++)
        for (bx = 0; bx < (size_t)p->real_cols; bx++)
          code_block (pass, scan->comp[0],
                      p->coef + (by * (size_t)p->cols + bx) * 64);
    }
  else
    {
      size_t mcu_rows = (size_t)ci->plane[1].rows;
      size_t mcu_cols = (size_t)ci->mcu_cols, mx, my;

      for (my = 0; my < mcu_rows; my++)
        for (mx = 0; mx < mcu_cols; mx++)
          for (i = 0; i < scan->n; i++)
            {
              const JartCoefPlane *p = &ci->plane[scan->comp[i]];

              for (v = 0; v < p->v; v++)
                for (h = 0; h < p->h; h++)
                  code_block (
                      pass, scan->comp[i],
                      p->coef
                          + ((my * (size_t)p->v + (size_t)v) * (size_t)p->cols
                             + mx * (size_t)p->h + (size_t)h)
                                * 64);
            }
    }
  flush_eobrun (pass);
}

JartStatus
jart_coef_image_progressive_bytes (const JartCoefImage *ci, uint64_t *bytes)
{
  const Scan *script = ci->colors == 3 ? color_script : gray_script;
  const int scans = ci->colors == 3
                        ? (int)(sizeof color_script / sizeof color_script[0])
                        : (int)(sizeof gray_script / sizeof gray_script[0]);
  Pass *pass = calloc (1, sizeof *pass);
  uint64_t total = 0;
  int s, i;

  if (pass == NULL)
    return JART_ERROR_NO_MEMORY;
  pass->ci = ci;
  for (s = 0; s < scans; s++)
    {
      const Scan *scan = &script[s];
      int sent[2] = { 0, 0 };

      pass->scan = scan;
      memset (pass->counts, 0, sizeof pass->counts);
      memset (&pass->sink, 0, sizeof pass->sink);
      if (!(scan->ss == 0 && scan->ah != 0))
        {
          pass->counting = 1;
          run_pass (pass);
        }
      /* Each table the scan uses, once, in a DHT segment of its own. */
      for (i = 0; i < scan->n; i++)
        {
          int table = scan->comp[i] > 0;
          JartHuffTable optimal;

          if ((scan->ss == 0 && scan->ah != 0) || sent[table])
            continue;
          sent[table] = 1;
          jart_huff_optimal (&pass->counts[table], &optimal);
          jart_huff_codes (&optimal, &pass->codes[table]);
          total += JART_DHT_BYTES (optimal.count);
        }
      pass->counting = 0;
      run_pass (pass);
      total += jart_bits_finish (&pass->sink) + JART_SOS_BYTES (scan->n);
    }
  free (pass);
  *bytes = total;
  return JART_OK;
}

size_t
jart_jpeg_size_memory (int width, int height, int channels,
                       const JartSettings *settings, int coding)
{
  /* The canvas at the largest grid offset, padded to the widest and the
     tallest MCU (32 x 16). */
  const size_t offset = JART_GRID_ANCHOR_MAX + JART_GRID_DRIFT_MAX;
  const size_t canvas_w = (size_t)width + offset + 32;
  const size_t canvas_h = (size_t)height + offset + 16;
  const size_t frame = (size_t)width * (size_t)height * (size_t)channels;
  size_t bytes;

  if (width < 1 || width > JART_MAX_DIMENSION || height < 1
      || height > JART_MAX_DIMENSION || channels < 1 || channels > 4
      || settings == NULL || coding < JART_CODING_STANDARD
      || coding > JART_CODING_PROGRESSIVE)
    return 0;
  /* jpegsize.c's rows: a flattened image row, 8 luma row groups of up to
     two rows, two spare rows, 8 rows of each downsampled chroma, up to
     four full-resolution rows of each chroma: fewer than 40 rows. */
  bytes = 3 * (size_t)width + 40 * canvas_w;
  /* A step's colour-changed copy and its scaled copy, each at most the
     image's size. */
  if (settings->n_steps > 0)
    bytes += 2 * frame;
  if (coding == JART_CODING_PROGRESSIVE)
    bytes += sizeof (Pass)
             + (canvas_w / 8) * (canvas_h / 8) * 64 * sizeof (int16_t)
                   * (channels >= 3 ? 3 : 1);
  return bytes;
}
