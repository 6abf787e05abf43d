/* jart-private.h: the codec's internal interface, shared by its stages and
 * never installed.  Each stage lives in a file named after it: settings.c
 * (defaults and checks), quant.c (quality to tables), color.c (RGB <->
 * YCbCr), sample.c (down- and upsampling), fdct.c and idct.c (the 8x8
 * transforms), work.c (the buffers a run keeps), roundtrip.c (one
 * generation), drift.c (each generation's quality, offset and step),
 * adjust.c and resize.c (a step's colour changes and scaling),
 * generations.c (the loop), difference.c, jpegsize.c, stats.c and
 * stats-ssim.c (what the callers and the run's statistics measure); kernels.c
 * picks the portable or the simd/ kernels. Calls go one way: no file calls
 * into a file that calls back into it.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JART_PRIVATE_H
#define JART_PRIVATE_H

#include <stdatomic.h>

#include "jart.h"

typedef struct JartKernels JartKernels;
typedef struct JartStats JartStats;

/* The thread-safe cancel flag behind JartCancel. */
struct JartCancel
{
  atomic_int requested;
};

static inline int
jart_min_int (int a, int b)
{
  return a < b ? a : b;
}

static inline int
jart_max_int (int a, int b)
{
  return a > b ? a : b;
}

static inline int
jart_clamp_int (int v, int low, int high)
{
  return v < low ? low : v > high ? high : v;
}

/* settings.c: the background an image of CHANNELS channels is flattened
 * on (SETTINGS's R'G'B', or its luma for gray) into BG; nonzero when
 * SETTINGS flattens such an image (only one with alpha). */
int jart_flatten_background (const JartSettings *settings, int channels,
                             uint8_t bg[3]);

/* Checks A and B (jart_image_check) and that they have the
 * same width, height (else JART_ERROR_SIZE) and channels (else
 * JART_ERROR_CHANNELS). */
JartStatus jart_image_pair_check (const JartImage *a, const JartImage *b);

/* settings.c: the steps of S (not NULL) as jart_settings_check checks
 * them: JART_ERROR_STEPS for n_steps outside 0..JART_STEPS_MAX, else the
 * code of the first bad field of the first bad step, in jart.h's order of
 * JartStep's fields (JART_ERROR_QUALITY .. JART_ERROR_ADJUST), or
 * JART_OK. */
JartStatus jart_steps_check (const JartSettings *s);

/* Nonzero when the bytes of A and B, checked images (each from its first
 * pixel to the last byte of its last row), overlap: compared as
 * addresses, which a function that writes one while reading the other
 * must not share (JART_ERROR_OVERLAP). */
int jart_images_overlap (const JartImage *a, const JartImage *b);

/* quant.c: one quantization table with the divisors the forward DCT's
 * output is divided by (8 * quantval for the accurate DCT; quantval scaled
 * by the AAN factors for the fast one). */
typedef struct
{
  uint16_t quantval[64]; /* natural (row-major) order */
  int32_t divisor[64];
  /* The same, laid out for the SIMD kernels. */
  int32_t multiplier[64]; /* quantval */
  int32_t half[64];       /* divisor / 2, the rounding term */
  float reciprocal[64];   /* 1 / divisor: an estimate, corrected */
  /* The accurate DCT's quotient in 16 bits (kernels-avx2.c):
   * q = ((((|x| + half) & ~7) * recip16) >> 16) * scale16 >> 16. */
  uint16_t half16[64];
  uint16_t recip16[64];
  uint16_t scale16[64];
  /* Row U of half16, recip16, scale16 and quantval, each twice in a row
   * (one 256-bit vector for two blocks side by side). */
  uint16_t rows16[8][4][16];
  /* The floating-point DCTs' (fdct-float.c): 1 / (8 quantval f[r] f[c])
   * and quantval f[r] f[c], f the AAN scale factors. */
  float float_divisor[64];
  float float_multiplier[64];
} JartQuant;

/* Table TABLE (0 luma, else chroma) for QUALITY 1..100, or with QUALITY 0
 * TABLES[TABLE] as it is (entries 1..255, natural order). */
void jart_quant_prepare (int quality, const uint16_t (*tables)[64], int table,
                         JartDct dct, JartQuant *quant);

/* The tables of the three components into QUANT[3]: Y's and Cb's as
 * jart_quant_prepare's 0 and 1, Cr's the same as Cb's, or with QUALITY 0
 * and CR_TABLE not NULL that table. */
void jart_quant_prepare_components (int quality, const uint16_t (*tables)[64],
                                    const uint16_t *cr_table, JartDct dct,
                                    JartQuant quant[3]);

/* Quantizes the forward DCT's output in BLOCK with QUANT, rounding half
 * away from zero, and replaces it by the dequantized coefficients the
 * decoder would see. */
void jart_quant_round_trip (int32_t block[64], const JartQuant *quant);

/* jart_quant_round_trip that also writes the quantized coefficients to
 * COEF. */
void jart_quant_keep (int32_t block[64], const JartQuant *quant,
                      int16_t coef[64]);

/* fdct.c: forward DCTs of a level-shifted 8x8 block, in place. */
void jart_fdct_islow (int32_t block[64]);
void jart_fdct_ifast (int32_t block[64]);

/* fdct-float.c: QUANT's float_divisor and float_multiplier from its
 * quantval; and the quantized coefficients of the 8x8 samples at ORIGIN
 * (rows STRIDE bytes apart) through the floating-point DCT. */
void jart_quant_prepare_float (JartQuant *quant);
void jart_fdct_float_quantize (const uint8_t *origin, size_t stride,
                               const JartQuant *quant, int32_t coef[64]);

/* idct-float.c: the floating-point inverse DCT of quantized coefficients
 * COEF, dequantized with QUANT, into 8 rows of 8 samples STRIDE bytes
 * apart. */
void jart_idct_float (const int32_t coef[64], const JartQuant *quant,
                      uint8_t *out, size_t stride);

/* float-blocks.c: the quantized coefficients of the 8x8 samples at ORIGIN
 * with DCT; and the round trip of the blocks of one block row (as a
 * kernel table's transform_blocks) with DCT and DECODE, for the round
 * trips with a floating-point end. */
void jart_quantized_block (const uint8_t *origin, size_t stride,
                           const JartQuant *quant, JartDct dct,
                           int32_t coef[64]);
void jart_transform_blocks_float (uint8_t *plane, size_t stride, int x0,
                                  int x1, const JartQuant *quant, JartDct dct,
                                  JartDecode decode, int16_t *coef);

/* idct.c: the accurate inverse DCT of dequantized coefficients into 8 rows
 * of 8 samples, STRIDE bytes apart, clamped to 0..255. */
void jart_idct_islow (const int32_t coef[64], uint8_t *out, size_t stride);

/* color.c: one row of N interleaved pixels of STEP (3 or 4) bytes, R'G'B'
 * first, to the Y, Cb and Cr planes; and back, where a fourth byte (alpha)
 * is copied from ALPHA, a row in the same layout. */
void jart_rgb_to_ycc_row (const uint8_t *pixels, int step, int n, uint8_t *y,
                          uint8_t *cb, uint8_t *cr);
void jart_ycc_to_rgb_row (const uint8_t *y, const uint8_t *cb,
                          const uint8_t *cr, int n, const uint8_t *alpha,
                          int step, uint8_t *out);
uint8_t jart_rgb_to_y (uint8_t r, uint8_t g, uint8_t b);
/* The Y plane of jart_rgb_to_ycc_row alone. */
void jart_rgb_to_y_row (const uint8_t *pixels, int step, int n, uint8_t *y);

/* sample.c: the luma sampling factors of a mode (chroma is always 1x1). */
void jart_sampling_factors (JartSubsampling subsampling, int *h, int *v);

/* Downsamples one row group of a chroma component: ROWS holds V full
 * resolution rows, each of at least OUT_WIDTH * H samples. */
void jart_downsample_row (int h, int v, const uint8_t *const *rows,
                          int out_width, uint8_t *out);

/* Upsamples the decoded chroma PLANE (STRIDE bytes a row; the component's
 * downsampled size DW x DH) to full resolution for canvas row CY, columns
 * X0 .. X0 + N - 1, with KERNELS.  SUMS is scratch of DW + 2 entries, PAIRS
 * of N + 2 bytes; OUT must have room for N + 1. */
void jart_upsample_row (const JartKernels *kernels, int h, int v,
                        const uint8_t *plane, size_t stride, int dw, int dh,
                        int cy, int x0, int n, int32_t *sums, uint8_t *pairs,
                        uint8_t *out);

/* work.c and roundtrip.c: one generation, computed MCU by MCU.
 *
 * The component planes persist from one generation to the next: when a
 * generation uses the quality and grid offset of the one before, only the
 * MCUs whose input changed are encoded again, and only they and the
 * neighbours whose chroma upsampling reads them are decoded.  The working
 * image keeps the source's interleaved layout and is updated in place. */

/* Buffers one thread needs for a stretch of one row. */
typedef struct
{
  uint8_t *flat;       /* image pixels flattened on the background */
  uint8_t *conv[1];    /* gray samples taken out of gray + alpha */
  uint8_t *rows[2][4]; /* full-resolution chroma rows of one row group */
  uint8_t *up[2];      /* upsampled Cb and Cr, one byte to spare */
  uint8_t *packed;     /* decoded pixels of one row, in the image's layout */
  int32_t *sums;       /* column sums of the upsampler */
  uint8_t *pairs;      /* the upsampler's output pairs */
} JartScratch;

typedef struct
{
  const JartKernels *kernels; /* the hot stages, for this CPU */
  const JartImage *src;       /* the run's input, for the PSNR */
  uint8_t *pixels;            /* the working image, in the source's channels */
  size_t stride;              /* its row stride */
  int owns_pixels;            /* 1: allocated here; 0: the run's destination */
  const uint8_t *input; /* this generation's input: SRC's pixels at first,
                           then the working image */
  size_t input_stride;
  int width, height;
  int channels;        /* 1..4, as the source */
  int colors;          /* 1 or 3 */
  int hmax, vmax;      /* luma sampling factors */
  int flatten;         /* the encoder sees colours flattened on bg */
  int stats;           /* count changed pixels and the squared error */
  uint8_t bg[3];       /* the background (its luma for gray) */
  uint8_t *plane[3];   /* decoded components, padded to whole blocks */
  uint8_t *dirty;      /* MCUs to encode this generation */
  uint8_t *decode;     /* MCUs to decode this generation */
  uint8_t *changed;    /* MCUs whose pixels this generation changed */
  atomic_int *pending; /* per MCU row: encodes it still waits for */
  size_t mcu_capacity;
  int max_width, max_height; /* what the buffers hold (jart_work_shape) */
  unsigned modes;            /* the subsamplings they hold, 1 << mode */
  int valid; /* the planes hold the encoding of the last generation's
                input, and changed[] where its output differs from it */
  int prev_quality, prev_dx, prev_dy;
  uint16_t prev_tables[2][64]; /* with prev_quality 0 */
  int threads;
  JartScratch *scratch; /* one a thread */
  JartStats *measure;   /* the run's statistics (stats.c), or NULL */
} JartWork;

/* What one generation changed. */
typedef struct
{
  int changed;             /* nonzero when any pixel's colour changed */
  uint64_t changed_pixels; /* how many did (counted only with stats) */
  int64_t sse_delta;       /* change of the squared error against src
                              (only with stats) */
} JartTripStats;

/* The geometry of one generation's canvas (work.c). */
typedef struct
{
  int canvas_w, canvas_h;   /* W + dx, H + dy */
  int luma_w, luma_h;       /* the luma plane, whole blocks */
  int chroma_w, chroma_h;   /* the chroma planes, whole MCUs */
  int chroma_dw, chroma_dh; /* the chroma's real (downsampled) size */
  int mcu_w, mcu_h;         /* an MCU's size in canvas pixels */
  int mcu_cols, mcu_rows;
  int groups; /* row groups (vmax canvas rows) holding image rows */
} JartGeometry;

/* The canvas of a WIDTH x HEIGHT image at grid offset DX, DY with luma
 * sampling factors HMAX x VMAX, as libjpeg-turbo lays it out. */
void jart_geometry_compute (JartGeometry *g, int width, int height, int hmax,
                            int vmax, int dx, int dy);

/* work.c: prepares a run on SRC with SETTINGS.  DST, when not NULL, becomes
 * the working image (it must then not be written by anyone else nor read
 * before the run ends; it may be SRC); else one is allocated.  STATS asks
 * for exact changed-pixel counts and the squared error, which need SRC
 * intact: only with an allocated working image.  With a schedule the
 * buffers hold every subsampling its steps use (jart_work_shape picks
 * one), and the work starts with the first step's. */
JartStatus jart_work_init (JartWork *work, const JartImage *src,
                           JartImage *dst, const JartSettings *settings,
                           int stats);
void jart_work_free (JartWork *work);

/* The bytes jart_work_init allocates for a WIDTH x HEIGHT image of
 * CHANNELS channels with SETTINGS (an allocated working image included). */
size_t jart_work_memory (int width, int height, int channels,
                         const JartSettings *settings);

/* Makes the work's next generations WIDTH x HEIGHT pixels (at most SRC's
 * size) in SUBSAMPLING (one the buffers hold; ignored for gray).  A change
 * forgets the planes: the next generation encodes everything. */
void jart_work_shape (JartWork *work, int width, int height,
                      JartSubsampling subsampling);

/* What a generation must find out about its changes besides the stats
 * (which the work's STATS always gets in full). */
typedef enum
{
  JART_TRACK_NONE, /* nothing: stats->changed is then 1 */
  JART_TRACK_ANY,  /* only stats->changed */
  JART_TRACK_MCUS  /* which MCUs changed, for a next generation at the
                      same quality and offset to encode only those */
} JartTrack;

/* How one generation saves. */
typedef struct
{
  int quality;                  /* 1..100, or 0: TABLES */
  const uint16_t (*tables)[64]; /* [2][64], entries 1..255 */
  JartDct dct;
  int dx, dy; /* the grid offset */
  JartDecode decode;
  const uint16_t *cr_table; /* with quality 0: Cr's own table, or NULL
                               (Cr on tables[1]) */
} JartSave;

/* roundtrip.c: encodes and decodes the working image as SAVE says, the grid
 * offset at most the maxima of the settings given to jart_work_init, and
 * replaces it by the decoded pixels, finding out TRACK about what changed. The
 * planes are reused, and only the changed MCUs encoded, when the last
 * generation saved alike (same quality, or same tables, and offset) and
 * its output is this one's input.  Returns JART_ERROR_CANCELLED as soon as
 * CANCEL is raised, with the image partly updated. */
JartStatus jart_round_trip (JartWork *work, const JartSave *save,
                            JartTrack track, const JartCancel *cancel,
                            JartTripStats *stats);

/* work.c: the bytes jart_buffer_alloc (jart.h) allocates for SIZE. */
size_t jart_buffer_size (size_t size);

/* work.c: writes the working image to DST (nothing when it is DST). */
void jart_work_output (const JartWork *work, uint8_t *dst, size_t stride);

/* jpegsize.c: jart_jpeg_size with SETTINGS->subsampling and QUALITY 1..100
 * or, with QUALITY 0, TABLES ([2][64]) as they are; the other arguments as
 * jart_jpeg_size checks them. */
JartStatus jart_jpeg_size_tables (const JartImage *image,
                                  const JartSettings *settings, int quality,
                                  const uint16_t (*tables)[64], int dx, int dy,
                                  int optimize, uint64_t *bytes);

/* jpegsize.c: jart_generation_jpeg_size's three sizes, BYTES[JartCoding]
 * (standard, optimized, progressive), from one transform of the image:
 * the same sizes as three calls, for a third of the transforms. */
JartStatus jart_generation_jpeg_sizes (const JartImage *input,
                                       const JartSettings *settings,
                                       int generation, uint64_t bytes[3]);

/* jpegsize-progressive.c: the quantized coefficients of a whole image,
 * for the progressive file's scans.  A plane holds every block of its
 * component, the dummy blocks that complete the MCUs of an interleaved
 * scan included (ROWS x COLS blocks, 64 coefficients each in zigzag
 * order); its own blocks are the first REAL_ROWS x REAL_COLS. */
typedef struct
{
  int16_t *coef;
  int cols, rows;           /* blocks, MCU-padded */
  int real_cols, real_rows; /* the component's own blocks */
  int h, v;                 /* its sampling factors */
  size_t stored;            /* blocks put so far */
} JartCoefPlane;

typedef struct
{
  int colors; /* 1 or 3 */
  int mcu_cols;
  JartCoefPlane plane[3];
} JartCoefImage;

/* Allocates the planes of a COLORS-component image of MCU_COLS x MCU_ROWS
 * MCUs (of HMAX x VMAX luma blocks) whose luma has LUMA_COLS x LUMA_ROWS
 * blocks of its own (for gray the MCU is one block: LUMA_COLS x LUMA_ROWS
 * blocks). */
JartStatus jart_coef_image_init (JartCoefImage *ci, int colors, int hmax,
                                 int vmax, int mcu_cols, int mcu_rows,
                                 int luma_cols, int luma_rows);
void jart_coef_image_free (JartCoefImage *ci);

/* Stores the next block of component C, the blocks coming in the order
 * of an interleaved scan (of the one component's raster for gray). */
void jart_coef_image_put (JartCoefImage *ci, int c, const int32_t coef[64]);

/* The bytes of the progressive file's scans, libjpeg's default script
 * with optimal tables: the DHT and SOS segments and the entropy-coded
 * data (without SOI, APP0, DQT, SOF and EOI). */
JartStatus jart_coef_image_progressive_bytes (const JartCoefImage *ci,
                                              uint64_t *bytes);

/* adjust.c: nonzero when STEP changes the colours of an image of CHANNELS
 * channels (its amounts, in the fixed point adjust.c uses, are not the
 * neutral ones; saturation does nothing to gray). */
int jart_step_changes_colours (const JartStep *step, int channels);

/* The bytes jart_step_adjust allocates for a row of WIDTH pixels. */
size_t jart_adjust_memory (int width, int channels);

/* resize.c: the bytes jart_resize allocates for SRC_W x SRC_H to
 * DST_W x DST_H pixels of CHANNELS channels (an upper bound). */
size_t jart_resize_memory (int src_w, int src_h, int dst_w, int dst_h,
                           int channels, JartFilter filter);

#endif /* JART_PRIVATE_H */
