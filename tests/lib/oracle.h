/* oracle.h: the reference the codec is tested against, libjpeg-turbo
 * itself.  One round trip is a real compression (TurboJPEG, or the libjpeg
 * API where TurboJPEG cannot be made to use the fast forward DCT) and a real
 * decompression (TurboJPEG, accurate IDCT, fancy upsampling).  On top of it
 * sit one generation as the codec defines it (grid offset by padding, alpha
 * kept, optional flattening) and the generation loop following the codec's
 * own schedule.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef TEST_ORACLE_H
#define TEST_ORACLE_H

#include <stdint.h>

#include "jart.h"

/* Which library path a round trip's compression took. */
typedef enum
{
  ORACLE_ROUTE_AUTO = 0, /* TurboJPEG where it can, else the libjpeg API */
  ORACLE_ROUTE_TURBOJPEG,
  ORACLE_ROUTE_LIBJPEG
} OracleRoute;

typedef struct Oracle Oracle;

Oracle *oracle_new (void);
void oracle_free (Oracle *oracle);

/* What the functions below return when libjpeg-turbo itself reports its
 * own file corrupt: its decoder warned ("Corrupt JPEG data: ..."), or, with
 * optimal Huffman tables, its encoder found a coefficient beyond what
 * baseline JPEG can code ("DCT coefficient out of range"; without them
 * libjpeg-turbo 2.1 does not check and writes a corrupt file).  There is
 * no library result to match then: tests count such a case as skipped,
 * with oracle_message.  Other failures are -1, or exit 99. */
#define ORACLE_CORRUPT 1

/* The library's report behind the last ORACLE_CORRUPT. */
const char *oracle_message (const Oracle *oracle);

/* One baseline JPEG round trip of the tight WIDTH x HEIGHT image IN with
 * COMPONENTS 1 (gray, encoded as a gray JPEG) or 3 (RGB, encoded as YCbCr
 * with SUBSAMPLING) into OUT, of the same layout.  DCT chooses the forward
 * DCT: JART_DCT_ACCURATE is TJFLAG_ACCURATEDCT; JART_DCT_FAST is JDCT_IFAST
 * at every quality, through tjCompress2 below quality 96 and the libjpeg
 * API from 96 on (ROUTE forces one of the two where it can give the asked
 * DCT; JART_DCT_FLOAT, which TurboJPEG lacks, is JDCT_FLOAT through the
 * libjpeg API).  Decompression is always tjDecompress2 with
 * TJFLAG_ACCURATEDCT.  0 on success, ORACLE_CORRUPT, or -1 with a message
 * on stderr. */
int oracle_round_trip (Oracle *oracle, const uint8_t *in, int width,
                       int height, int components, JartSubsampling subsampling,
                       JartDct dct, int quality, OracleRoute route,
                       uint8_t *out);

/* The quantization table TABLE (0 luminance, 1 chrominance) libjpeg's
 * jpeg_set_quality (QUALITY, force_baseline TRUE) installs, in natural
 * (row-major) order. */
void oracle_quant_table (int quality, int table, uint16_t out[64]);

/* One generation of a run with SETTINGS, done by libjpeg-turbo: the encoder
 * sees a (W + DX) x (H + DY) canvas whose pixel (x, y) is IN's pixel
 * (clamp (x - DX, 0, W - 1), clamp (y - DY, 0, H - 1)), flattened on the
 * background when SETTINGS->flatten is on and IN has alpha; the decoded
 * canvas cropped at (DX, DY) gives OUT's colours, IN's alpha is copied.
 * IN and OUT (any strides, not overlapping) have the same size and
 * channels.  Uses SETTINGS->subsampling, dct, decode, flatten and
 * background only; with decode JART_DECODE_GIMP both ways go through the
 * libjpeg API, decoded with JDCT_FLOAT as GIMP 2.10's loader decodes.  A
 * canvas side beyond libjpeg's limit of 65500 is done in bands
 * (oracle_generation_in_bands). */
int oracle_generation (Oracle *oracle, const JartImage *in, JartImage *out,
                       const JartSettings *settings, int quality, int dx,
                       int dy);

/* The size in bytes of the JPEG file the encoder of that generation
 * writes (the same canvas), in *SIZE: through tjCompress2 with
 * TJFLAG_ACCURATEDCT or TJFLAG_FASTDCT (ROUTE_TURBOJPEG; from quality 96 on
 * it uses the accurate DCT whatever the flag), or the libjpeg API with
 * JDCT_ISLOW, JDCT_IFAST or JDCT_FLOAT (ROUTE_LIBJPEG); AUTO as
 * oracle_round_trip picks, and the libjpeg API for progressive files.
 * OPTIMIZE is a JartCoding: optimal Huffman tables are TJ_OPTIMIZE=1 for
 * TurboJPEG, optimize_coding for libjpeg; PROGRESSIVE adds
 * jpeg_simple_progression (libjpeg API only).  No banding: the canvas must
 * fit libjpeg.  0 on success, ORACLE_CORRUPT (only the libjpeg API reports
 * it), -1 on a library error. */
int oracle_jpeg_size (Oracle *oracle, const JartImage *in,
                      const JartSettings *settings, int quality, int dx,
                      int dy, int optimize, OracleRoute route,
                      unsigned long *size);

/* oracle_generation with the quantization tables TABLES (natural order,
 * 1..255; [0] luma, [1] chroma) instead of a quality: compressed through
 * the libjpeg API (jpeg_add_quant_table with scale 100 and force_baseline
 * TRUE: the entries as they are) with SETTINGS->dct, and decompressed
 * through it too (jpeg_read_scanlines, JDCT_ISLOW, fancy upsampling).  No
 * banding. */
int oracle_generation_tables (Oracle *oracle, const JartImage *in,
                              JartImage *out, const JartSettings *settings,
                              const uint16_t tables[2][64], int dx, int dy);

/* oracle_jpeg_size with TABLES, through the libjpeg API. */
int oracle_jpeg_size_tables (Oracle *oracle, const JartImage *in,
                             const JartSettings *settings,
                             const uint16_t tables[2][64], int dx, int dy,
                             int optimize, unsigned long *size);

/* One generation of a schedule's STEP (its quality after jitter, 0 for
 * SETTINGS->tables) on IN into OUT (the same size and channels), as
 * jart_run defines it: IN's colours changed with jart_step_adjust, shrunk
 * with jart_resize to jart_scaled_size when the step scales, that copy
 * through oracle_generation (or oracle_generation_tables) in the step's
 * subsampling with the grid offset (DX, DY), grown back with jart_resize;
 * OUT gets its colours and IN's alpha. */
int oracle_step_generation (Oracle *oracle, const JartImage *in,
                            JartImage *out, const JartSettings *settings,
                            const JartStep *step, int dx, int dy);

/* The size of the file that generation's encoder writes (the step's
 * changed and scaled copy, its subsampling, quality or tables), as
 * oracle_jpeg_size (route AUTO) or oracle_jpeg_size_tables gives it. */
int oracle_step_jpeg_size (Oracle *oracle, const JartImage *in,
                           const JartSettings *settings, const JartStep *step,
                           int dx, int dy, int optimize, unsigned long *size);

/* Whether two steps encode alike: every field equal (compared field by
 * field: a struct copy need not copy the padding). */
int oracle_same_step (const JartStep *a, const JartStep *b);

/* libjpeg's largest image side, and how a longer side is cut: two bands
 * meeting at ORACLE_BAND_CUT and overlapping by ORACLE_BAND_MARGIN on
 * each side of it.  The cut and the second band's start are multiples of
 * 32, every MCU size, so both bands keep the image's grid.  A band's own
 * edge (its padding, and the decoder's upsampling, which clamps there)
 * changes at most two MCUs next to it, 64 pixels, well inside the margin:
 * each band gives exact pixels on its side of the cut. */
#define ORACLE_MAX_SIDE 65500
#define ORACLE_BAND_CUT 32768
#define ORACLE_BAND_MARGIN 128

/* oracle_generation cut in two bands along the rows (ALONG_ROWS nonzero:
 * an upper and a lower band) or the columns, whatever the size; the image
 * must be longer than ORACLE_BAND_CUT + ORACLE_BAND_MARGIN that way. */
int oracle_generation_in_bands (Oracle *oracle, const JartImage *in,
                                JartImage *out, const JartSettings *settings,
                                int quality, int dx, int dy, int along_rows);

/* The encoder's input colour for colour C under alpha A on background B. */
static inline uint8_t
oracle_flatten (uint8_t c, uint8_t a, uint8_t b)
{
  return (uint8_t)((c * a + b * (255 - a) + 127) / 255);
}

/* The luma of an R'G'B' colour by the JPEG Y formula. */
static inline uint8_t
oracle_luma (const uint8_t rgb[3])
{
  return (uint8_t)((19595 * rgb[0] + 38470 * rgb[1] + 7471 * rgb[2] + 32768)
                   >> 16);
}

/* A generation loop advanced one generation at a time, so that a test can
 * keep it in step with the codec's own loop: generation g uses the quality
 * and grid offset jart_schedule gives for it, or with a schedule the step
 * jart_schedule_step gives (oracle_step_generation), and the loop never
 * stops at a fixed point.  The report's changed_pixels counts pixels whose
 * colour differs from the generation's input; psnr compares the colour
 * channels with SRC's.  SRC must outlive the loop. */
typedef struct OracleLoop OracleLoop;

OracleLoop *oracle_loop_new (Oracle *oracle, const JartImage *src,
                             const JartSettings *settings);
void oracle_loop_free (OracleLoop *loop);

/* Runs the next generation: fills REPORT and points *PIXELS at its tight
 * pixels, valid until the next step.  0 on success, ORACLE_CORRUPT (the
 * decoder warned), -1 on a library error. */
int oracle_loop_step (OracleLoop *loop, JartGenerationReport *report,
                      const JartImage **pixels);

/* Whether the last generation's file was one libjpeg-turbo can write: its
 * encoder run again on that generation's input with optimal Huffman tables
 * (through the libjpeg API, which gives the same coefficients), whose
 * statistics pass checks every coefficient's range.  0 when it was,
 * ORACLE_CORRUPT when not (the file holds coefficients baseline JPEG
 * cannot code, and its pixels mean nothing), -1 on another error (a canvas
 * too large for libjpeg among them).  Tests ask when a generation
 * differs. */
int oracle_loop_check_encoding (OracleLoop *loop);

/* Called by oracle_run after each generation with what the codec's report
 * for it must hold and the generation's pixels (tight).  Return nonzero to
 * stop the loop. */
typedef int (*OracleGenerationFunc) (const JartGenerationReport *report,
                                     const JartImage *pixels, void *user_data);

/* Runs GENERATIONS generations of SETTINGS on SRC (any stride) as
 * OracleLoop does, calling FUNC after each.  FINAL (SRC's size, any
 * stride), when not NULL, receives the last generation run.  0 on success,
 * ORACLE_CORRUPT, -1 on a library error. */
int oracle_run (Oracle *oracle, const JartImage *src,
                const JartSettings *settings, int generations,
                OracleGenerationFunc func, void *user_data, JartImage *final);

/* Colour-channel PSNR in dB of B against A (same size and channels), the
 * codec's definition: INFINITY when equal. */
double oracle_psnr (const JartImage *a, const JartImage *b);

/* How many pixels of A and B differ in a colour channel. */
uint64_t oracle_changed_pixels (const JartImage *a, const JartImage *b);

#endif /* TEST_ORACLE_H */
