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
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "jart-private.h"
#include "progressive.h"

static const JartProgScan color_script[]
    = { { 3, { 0, 1, 2 }, 0, 0, 0, 1 }, { 1, { 0 }, 1, 5, 0, 2 },
        { 1, { 2 }, 1, 63, 0, 1 },      { 1, { 1 }, 1, 63, 0, 1 },
        { 1, { 0 }, 6, 63, 0, 2 },      { 1, { 0 }, 1, 63, 2, 1 },
        { 3, { 0, 1, 2 }, 0, 0, 1, 0 }, { 1, { 2 }, 1, 63, 1, 0 },
        { 1, { 1 }, 1, 63, 1, 0 },      { 1, { 0 }, 1, 63, 1, 0 } };

static const JartProgScan gray_script[]
    = { { 1, { 0 }, 0, 0, 0, 1 },  { 1, { 0 }, 1, 5, 0, 2 },
        { 1, { 0 }, 6, 63, 0, 2 }, { 1, { 0 }, 1, 63, 2, 1 },
        { 1, { 0 }, 0, 0, 1, 0 },  { 1, { 0 }, 1, 63, 1, 0 } };

/* One pass over the whole image's scan: the coder, its tables and its
 * counts. */
typedef struct
{
  const JartCoefImage *ci;
  JartProgCoder coder;
  JartHuffCounts counts[2];
  JartHuffCodes codes[2];
  JartBitCount sink;
} Pass;

const JartProgScan *
jart_prog_script (int colors, int *scans)
{
  if (colors == 3)
    {
      *scans = (int)(sizeof color_script / sizeof color_script[0]);
      return color_script;
    }
  *scans = (int)(sizeof gray_script / sizeof gray_script[0]);
  return gray_script;
}

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
  const uint8_t *natural = jart_huff_natural_order ();
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
    out[i] = (int16_t)coef[natural[i]];
}

static inline void
put_bits (JartProgCoder *coder, uint32_t bits, int size)
{
  if (coder->writer != NULL)
    jart_bits_write (coder->writer, bits, size);
  else
    jart_bits_put (coder->sink, bits, size);
}

/* Nonzero when CODER codes its symbols (not only counts them). */
static inline int
coding (const JartProgCoder *coder)
{
  return coder->counts == NULL || coder->code_too;
}

static inline void
put_symbol (JartProgCoder *coder, int table, int symbol)
{
  if (coder->counts != NULL)
    coder->counts[table].freq[symbol]++;
  if (coding (coder))
    put_bits (coder, coder->codes[table].code[symbol],
              coder->codes[table].size[symbol]);
}

static inline void
put_extra (JartProgCoder *coder, uint32_t bits, int size)
{
  if (coding (coder))
    put_bits (coder, bits, size);
}

/* Sends N buffered correction bits from BITS, 16 at a time. */
static void
send_buffered (JartProgCoder *coder, const uint8_t *bits, int n)
{
  int i, j, k;

  for (i = 0; i < n; i += k)
    {
      uint32_t word = 0;

      k = n - i < 16 ? n - i : 16;
      for (j = 0; j < k; j++)
        word = word << 1 | bits[i + j];
      put_bits (coder, word, k);
    }
}

/* The same when CODER codes: a coder that only counts (every block of a
 * generation's first pass) pays a test, not a call. */
static inline void
put_buffered (JartProgCoder *coder, const uint8_t *bits, int n)
{
  if (n > 0 && coding (coder))
    send_buffered (coder, bits, n);
}

/* Sends the pending end-of-band run and the correction bits buffered with
 * it. */
static void
flush_eobrun (JartProgCoder *coder, int table)
{
  int nbits;

  if (coder->eobrun == 0)
    return;
  nbits = jart_huff_category ((int32_t)coder->eobrun) - 1;
  put_symbol (coder, table, nbits << 4);
  if (nbits > 0)
    put_extra (coder, coder->eobrun, nbits);
  coder->eobrun = 0;
  put_buffered (coder, coder->corr, coder->be);
  coder->be = 0;
}

static void
dc_first (JartProgCoder *coder, int c, const int16_t *block)
{
  int32_t v = (int32_t)block[0] >> coder->scan->al;
  int32_t diff = v - coder->last_dc[c];
  int size = jart_huff_category (diff);

  coder->last_dc[c] = v;
  put_symbol (coder, jart_prog_table (c), size);
  put_extra (coder, (uint32_t)(diff < 0 ? diff - 1 : diff), size);
}

/* The highest set bit of nonzero MASK (huffman.h has the lowest). */
static inline int
highest_bit (uint64_t mask)
{
#if defined(__GNUC__)
  return 63 - __builtin_clzll (mask);
#else
  int k = 63;

  while (!(mask >> k & 1))
    k--;
  return k;
#endif
}

#if !defined(__SSE2__)
/* The 64 flags (0 or 1) of F as the bits of a mask, F[k] as bit k. */
static inline uint64_t
pack_flags (const uint8_t f[64])
{
  uint64_t mask = 0;
  int k;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  /* Eight flags at a time: the multiplication moves byte j's bit to bit
     56 + j, without carries (each product bit lands apart). */
  for (k = 0; k < 64; k += 8)
    {
      uint64_t w;

      memcpy (&w, f + k, sizeof w);
      mask |= (w * 0x0102040810204080ull) >> 56 << k;
    }
#else
  for (k = 0; k < 64; k++)
    mask |= (uint64_t)f[k] << k;
#endif
  return mask;
}
#endif

/* The band Ss..Se of BLOCK (zigzag order), each |v| >> AL into M[k]: the
 * positions where it is nonzero as bits of the result, where it is 1 into
 * *ONES (when not NULL).  A wide band is done over the whole block, eight
 * coefficients at a time with SSE2 (quantized AC coefficients of 8-bit
 * samples are within +-1023: 16 bits hold their magnitudes), else in
 * loops the compiler can vectorize. */
static inline uint64_t
band_magnitudes (const int16_t *block, int ss, int se, int al, int16_t m[64],
                 uint64_t *ones)
{
  uint64_t nonzero = 0, one = 0, band;
  int k;

  if (se - ss < 16)
    {
      for (k = ss; k <= se; k++)
        {
          int32_t v = block[k];

          m[k] = (int16_t)((v < 0 ? -v : v) >> al);
          nonzero |= (uint64_t)(m[k] != 0) << k;
          one |= (uint64_t)(m[k] == 1) << k;
        }
      if (ones != NULL)
        *ones = one;
      return nonzero;
    }
#if defined(__SSE2__)
  {
    const __m128i zero = _mm_setzero_si128 (), unit = _mm_set1_epi16 (1);
    const __m128i shift = _mm_cvtsi32_si128 (al);

    for (k = 0; k < 64; k += 16)
      {
        __m128i a = _mm_loadu_si128 ((const __m128i *)(block + k));
        __m128i b = _mm_loadu_si128 ((const __m128i *)(block + k + 8));
        unsigned zeros, units;

        a = _mm_sra_epi16 (_mm_max_epi16 (a, _mm_sub_epi16 (zero, a)), shift);
        b = _mm_sra_epi16 (_mm_max_epi16 (b, _mm_sub_epi16 (zero, b)), shift);
        _mm_storeu_si128 ((__m128i *)(m + k), a);
        _mm_storeu_si128 ((__m128i *)(m + k + 8), b);
        zeros = (unsigned)_mm_movemask_epi8 (_mm_packs_epi16 (
            _mm_cmpeq_epi16 (a, zero), _mm_cmpeq_epi16 (b, zero)));
        units = (unsigned)_mm_movemask_epi8 (_mm_packs_epi16 (
            _mm_cmpeq_epi16 (a, unit), _mm_cmpeq_epi16 (b, unit)));
        nonzero |= (uint64_t)(~zeros & 0xffffu) << k;
        one |= (uint64_t)units << k;
      }
  }
#else
  {
    uint8_t nz[64], is_one[64];

    for (k = 0; k < 64; k++)
      {
        int32_t v = block[k];

        m[k] = (int16_t)((v < 0 ? -v : v) >> al);
        nz[k] = (uint8_t)(m[k] != 0);
        is_one[k] = (uint8_t)(m[k] == 1);
      }
    nonzero = pack_flags (nz);
    one = pack_flags (is_one);
  }
#endif
  band = (se == 63 ? ~(uint64_t)0 : ((uint64_t)1 << (se + 1)) - 1)
         & ~(((uint64_t)1 << ss) - 1);
  if (ones != NULL)
    *ones = one & band;
  return nonzero & band;
}

/* An AC first scan's block: each coefficient's |v| >> Al with the zeros
 * before it, the zeros at the end counted into the end-of-band run. */
static void
ac_first (JartProgCoder *coder, int table, const int16_t *block)
{
  const int ss = coder->scan->ss, se = coder->scan->se;
  int16_t m[64];
  uint64_t nonzero = band_magnitudes (block, ss, se, coder->scan->al, m, NULL);
  int prev = ss - 1;

  while (nonzero != 0)
    {
      int k = jart_lowest_bit (nonzero), run = k - prev - 1, size;
      int32_t bits = block[k] < 0 ? ~m[k] : m[k];

      nonzero &= nonzero - 1;
      prev = k;
      flush_eobrun (coder, table);
      for (; run > 15; run -= 16)
        put_symbol (coder, table, 0xf0);
      size = jart_huff_category (m[k]);
      put_symbol (coder, table, (run << 4) + size);
      put_extra (coder, (uint32_t)bits, size);
    }
  if (se > prev && ++coder->eobrun == JART_PROG_EOBRUN_MAX)
    flush_eobrun (coder, table);
}

/* An AC refinement scan's block: the coefficients newly nonzero (|v| >> Al
 * is 1) as symbols, a correction bit for each one already nonzero, sent
 * after the next symbol. */
static void
ac_refine (JartProgCoder *coder, int table, const int16_t *block)
{
  const int ss = coder->scan->ss, se = coder->scan->se;
  int16_t m[64];
  uint64_t ones;
  uint64_t nonzero
      = band_magnitudes (block, ss, se, coder->scan->al, m, &ones);
  int eob = ones != 0 ? highest_bit (ones) : 0;
  int prev = ss - 1, run = 0, br = 0, start = coder->be;

  while (nonzero != 0)
    {
      int k = jart_lowest_bit (nonzero);

      nonzero &= nonzero - 1;
      run += k - prev - 1;
      prev = k;
      while (run > 15 && k <= eob)
        {
          flush_eobrun (coder, table);
          put_symbol (coder, table, 0xf0);
          run -= 16;
          put_buffered (coder, coder->corr + start, br);
          start = 0;
          br = 0;
        }
      if (m[k] > 1)
        {
          coder->corr[start + br++] = (uint8_t)(m[k] & 1);
          continue;
        }
      flush_eobrun (coder, table);
      put_symbol (coder, table, (run << 4) + 1);
      put_extra (coder, block[k] < 0 ? 0 : 1, 1);
      put_buffered (coder, coder->corr + start, br);
      start = 0;
      br = 0;
      run = 0;
    }
  run += se - prev;
  if (run > 0 || br > 0)
    {
      coder->eobrun++;
      coder->be += br;
      if (coder->eobrun == JART_PROG_EOBRUN_MAX
          || coder->be > JART_PROG_CORR_KEPT)
        flush_eobrun (coder, table);
    }
}

void
jart_prog_start (JartProgCoder *coder, const JartProgScan *scan)
{
  coder->scan = scan;
  memset (coder->last_dc, 0, sizeof coder->last_dc);
  coder->eobrun = 0;
  coder->be = 0;
}

void
jart_prog_block (JartProgCoder *coder, int c, const int16_t *block)
{
  const JartProgScan *scan = coder->scan;

  if (scan->ss == 0 && scan->ah == 0)
    dc_first (coder, c, block);
  else if (scan->ss == 0)
    put_extra (coder, (uint32_t)((int32_t)block[0] >> scan->al), 1);
  else if (scan->ah == 0)
    ac_first (coder, jart_prog_table (c), block);
  else
    ac_refine (coder, jart_prog_table (c), block);
}

void
jart_prog_finish (JartProgCoder *coder)
{
  flush_eobrun (coder, jart_prog_table (coder->scan->comp[0]));
}

/* One pass over the blocks of SCAN, counting or coding as the coder's
 * output says. */
static void
run_pass (Pass *pass, const JartProgScan *scan)
{
  const JartCoefImage *ci = pass->ci;
  JartProgCoder *coder = &pass->coder;
  size_t bx, by;
  int i, h, v;

  jart_prog_start (coder, scan);
  if (scan->n == 1)
    {
      const JartCoefPlane *p = &ci->plane[scan->comp[0]];

      for (by = 0; by < (size_t)p->real_rows; by++)
        for (bx = 0; bx < (size_t)p->real_cols; bx++)
          jart_prog_block (coder, scan->comp[0],
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
                  jart_prog_block (
                      coder, scan->comp[i],
                      p->coef
                          + ((my * (size_t)p->v + (size_t)v) * (size_t)p->cols
                             + mx * (size_t)p->h + (size_t)h)
                                * 64);
            }
    }
  jart_prog_finish (coder);
}

int
jart_prog_counted (const JartProgScan *scan)
{
  return !(scan->ss == 0 && scan->ah != 0);
}

uint64_t
jart_prog_tables (const JartProgScan *scan, const JartHuffCounts counts[2],
                  JartHuffTable tables[2], int used[2])
{
  uint64_t bytes = 0;
  int i;

  used[0] = used[1] = 0;
  if (!jart_prog_counted (scan))
    return 0;
  for (i = 0; i < scan->n; i++)
    {
      int table = jart_prog_table (scan->comp[i]);

      if (used[table])
        continue;
      used[table] = 1;
      jart_huff_optimal (&counts[table], &tables[table]);
      bytes += JART_DHT_BYTES (tables[table].count);
    }
  return bytes;
}

JartStatus
jart_coef_image_progressive_bytes (const JartCoefImage *ci, uint64_t *bytes)
{
  const JartProgScan *script;
  Pass *pass = calloc (1, sizeof *pass);
  uint64_t total = 0;
  int scans, s, t;

  if (pass == NULL)
    return JART_ERROR_NO_MEMORY;
  script = jart_prog_script (ci->colors, &scans);
  pass->ci = ci;
  for (s = 0; s < scans; s++)
    {
      const JartProgScan *scan = &script[s];
      JartHuffTable tables[2];
      int used[2];

      memset (pass->counts, 0, sizeof pass->counts);
      memset (&pass->sink, 0, sizeof pass->sink);
      if (jart_prog_counted (scan))
        {
          pass->coder.counts = pass->counts;
          run_pass (pass, scan);
        }
      /* Each table the scan uses, once, in a DHT segment of its own. */
      total += jart_prog_tables (scan, pass->counts, tables, used);
      for (t = 0; t < 2; t++)
        if (used[t])
          jart_huff_codes (&tables[t], &pass->codes[t]);
      pass->coder.counts = NULL;
      pass->coder.codes = pass->codes;
      pass->coder.writer = NULL;
      pass->coder.sink = &pass->sink;
      run_pass (pass, scan);
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
      || coding > JART_CODING_PROGRESSIVE
      || jart_settings_check (settings) != JART_OK)
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
