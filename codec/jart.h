/* jart.h: the public interface of the JPEG artifacts codec.
 *
 * The codec runs the lossy part of a baseline JPEG round trip (colour
 * conversion, chroma subsampling, 8x8 DCT, quantization and back) exactly as
 * libjpeg-turbo 2.1 computes it, for one generation or many: each
 * generation's input is the previous generation's output.  It knows nothing
 * of files, GIMP or GTK; it depends on the C library and pthreads only, keeps
 * no mutable global state, and reports every failure as a JartStatus code
 * (jart_strerror gives the text).  All names carry the "jart_" prefix.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef JART_H
#define JART_H

#include <stddef.h>
#include <stdint.h>

/* Limits of the parameters, inclusive, and where each comes from. */
#define JART_MAX_DIMENSION 65535 /* a JPEG frame's 16-bit width and height */
#define JART_QUALITY_MIN 1       /* the IJG quality scale, as GIMP's */
#define JART_QUALITY_MAX 100     /*   export and TurboJPEG take it */
#define JART_GENERATIONS_MIN 1
#define JART_GENERATIONS_MAX 1000  /* the product's range (README) */
#define JART_QUALITY_JITTER_MAX 50 /* half the quality scale */
#define JART_GRID_DRIFT_MAX 7      /* every phase of the 8x8 block grid */
#define JART_GRID_ANCHOR_MAX 31    /* every phase of the widest MCU, 32 */
#define JART_THREADS_MAX 64        /* the most a run starts */
#define JART_STEPS_MAX 64          /* steps of a schedule */
#define JART_SCALE_MIN 0.05        /* the smallest scale of a step */
#define JART_ADJUST_MAX 4.0        /* saturation, contrast, sharpening */
#define JART_TABLE_VALUE_MAX 255   /* entries of a baseline (8-bit) table */

typedef enum
{
  JART_OK = 0,
  JART_ERROR_NULL,        /* a required pointer is NULL */
  JART_ERROR_SIZE,        /* width or height outside 1..65535 */
  JART_ERROR_CHANNELS,    /* channels outside 1..4 */
  JART_ERROR_STRIDE,      /* a row stride smaller than width * channels */
  JART_ERROR_QUALITY,     /* quality outside 1..100 */
  JART_ERROR_GENERATIONS, /* generations outside 1..1000 */
  JART_ERROR_SUBSAMPLING, /* not a JartSubsampling value */
  JART_ERROR_DCT,         /* not a JartDct value */
  JART_ERROR_JITTER,      /* quality jitter outside 0..50 */
  JART_ERROR_DRIFT,       /* grid drift outside 0..7 */
  JART_ERROR_ANCHOR,      /* grid anchor outside 0..31 */
  JART_ERROR_THREADS,     /* threads outside 0..64 */
  JART_ERROR_KERNELS,     /* not a JartKernelPath, or one this CPU lacks */
  JART_ERROR_NO_MEMORY,   /* an allocation failed */
  JART_ERROR_CANCELLED,   /* the caller cancelled the run */
  JART_ERROR_STEPS,       /* n_steps outside 0..JART_STEPS_MAX */
  JART_ERROR_SCALE,       /* a step's scale outside JART_SCALE_MIN..1 */
  JART_ERROR_FILTER,      /* not a JartFilter value */
  JART_ERROR_ADJUST,      /* saturation, contrast or sharpening outside
                             0..JART_ADJUST_MAX */
  JART_ERROR_TABLES,      /* a step asks for the settings' tables and an
                             entry is outside 1..255 */
  JART_ERROR_DECODE,      /* not a JartDecode value */
  JART_ERROR_CODING,      /* not a JartCoding value, or sizes holds
                             other bits than JART_SIZES_ALL's */
  JART_ERROR_OVERLAP      /* the destination of jart_run_in_dst,
                             jart_resize or jart_step_adjust shares bytes
                             with its source (SRC and DST the same image
                             included, but for jart_run_in_dst's run in
                             place) */
} JartStatus;

/* Chroma subsampling, named as J:a:b.  The values match TurboJPEG's TJSAMP_*
 * except for gray, which the codec picks by itself for 1- and 2-channel
 * images (the subsampling setting is then ignored). */
typedef enum
{
  JART_SUBSAMPLING_444 = 0,
  JART_SUBSAMPLING_422 = 1,
  JART_SUBSAMPLING_420 = 2,
  JART_SUBSAMPLING_440 = 3,
  JART_SUBSAMPLING_411 = 4
} JartSubsampling;

/* The encoder's forward DCT, numbered as GIMP's file-jpeg-save numbers
 * them.  The floating-point one is libjpeg-turbo's as it runs on x86-64
 * (its SSE code, which rounds otherwise than its portable C; README). */
typedef enum
{
  JART_DCT_ACCURATE = 0, /* libjpeg's JDCT_ISLOW */
  JART_DCT_FAST = 1,     /* libjpeg's JDCT_IFAST, in 16-bit lanes as
                            libjpeg-turbo's x86 SIMD code computes it */
  JART_DCT_FLOAT = 2     /* libjpeg's JDCT_FLOAT */
} JartDct;

/* The decoder whose pixels a generation gives, and the next one encodes:
 * libjpeg-turbo's default, the accurate integer inverse DCT (TurboJPEG,
 * djpeg, browsers and most viewers), or GIMP 2.10's JPEG loader, which
 * asks libjpeg for the floating-point inverse DCT (JDCT_FLOAT, as
 * libjpeg-turbo runs it on x86-64).  Everything else (upsampling, colour
 * conversion) is the same in both. */
typedef enum
{
  JART_DECODE_VIEWERS = 0, /* JDCT_ISLOW */
  JART_DECODE_GIMP = 1     /* JDCT_FLOAT */
} JartDecode;

/* A block of 8-bit interleaved pixels.  channels: 1 gray, 2 gray + alpha,
 * 3 RGB, 4 RGBA.  The last channel of 2 and 4 is alpha, which the codec
 * never changes.  stride is the distance in bytes between rows. */
typedef struct
{
  uint8_t *pixels;
  int width;
  int height;
  int channels;
  size_t stride;
} JartImage;

/* Which implementation of the hot stages a run uses.  Every path gives
 * the same pixels; AUTO takes the fastest the CPU has. */
typedef enum
{
  JART_KERNELS_AUTO = 0,
  JART_KERNELS_PORTABLE = 1, /* plain C */
  JART_KERNELS_SSE2 = 2,     /* x86 SSE2 */
  JART_KERNELS_AVX2 = 3      /* x86 AVX2 */
} JartKernelPath;

/* The filter a step scales its copy down and back up with.  Each is
 * separable; a weight table per output column and row, in 14-bit fixed
 * point, makes the pixels the same on every machine. */
typedef enum
{
  JART_FILTER_NEAREST = 0,  /* the nearest source pixel */
  JART_FILTER_BILINEAR = 1, /* triangle, support 1 */
  JART_FILTER_BICUBIC = 2,  /* Keys' cubic, a = -0.5 (Catmull-Rom) */
  JART_FILTER_LANCZOS = 3   /* Lanczos, 3 lobes */
} JartFilter;

/* One generation of a schedule: what happens to the image before it is
 * saved, and how it is saved.  In order: saturation, contrast and
 * sharpening change the colours (as deep-fry tools do before each save);
 * a scale below 1 shrinks the image to round (width * scale) x
 * round (height * scale) pixels (at least 1) with FILTER; that image is
 * encoded and decoded (the grid offset of the generation applies to it);
 * a shrunk image is scaled back up to the layer's size with FILTER.
 * Alpha never changes. */
typedef struct
{
  int quality;                 /* 1..100; 0: the settings' tables[] */
  JartSubsampling subsampling; /* ignored for gray */
  double scale;                /* JART_SCALE_MIN..1; 1: no resize */
  JartFilter filter;           /* for the scale; ignored at 1 */
  double saturation; /* 0..JART_ADJUST_MAX, 1 keeps: each colour moves away
                        from the pixel's luma by this factor */
  double contrast;   /* 0..JART_ADJUST_MAX, 1 keeps: each channel moves
                        away from 128 by this factor */
  double sharpen;    /* 0..JART_ADJUST_MAX, 0 keeps: unsharp mask of this
                        amount against the 3x3 box blur */
} JartStep;

/* What one run does.  jart_settings_init fills in the defaults. */
typedef struct
{
  int quality;                 /* 1..100, IJG scaling, baseline tables */
  int generations;             /* 1..1000 */
  JartSubsampling subsampling; /* ignored for gray */
  JartDct dct;                 /* forward DCT of the encoder */
  int quality_jitter;      /* 0..50: generation g uses q + r, r in [-J, J] */
  int grid_drift;          /* 0..7: generation g's grid moves by 0..S */
  uint32_t seed;           /* seeds the drift, nothing else */
  int anchor_x;            /* 0..31: columns before the image's first */
  int anchor_y;            /* 0..31: rows before the image's first */
  int stop_at_fixed_point; /* nonzero: without drift, stop when a
                              generation changes nothing */
  int flatten;             /* nonzero: the encoder sees the colours
                              composited on background[] by their
                              alpha; zero: the pixels' own colours */
  uint8_t background[3];   /* R'G'B' of the background; gray images
                              use its luma (the JPEG Y formula) */
  int threads;             /* 0: one per core (on an image of fewer
                              than 65536 pixels a core, one per 65536
                              pixels, at least one), else 1..64; the
                              pixels are the same for any count */
  JartKernelPath kernels;  /* AUTO unless a test forces one */
  /* The schedule.  n_steps 0: every generation is saved with quality and
   * subsampling above, nothing else done.  Else generation g follows
   * steps[min (g, n_steps) - 1] (the last step repeats) and the quality
   * and subsampling fields above are ignored (not even checked); quality
   * jitter moves a step's quality (not a step with the tables), grid drift
   * and the anchor its grid.  Only a generation that follows the last
   * step can be a fixed point. */
  int n_steps;
  JartStep steps[JART_STEPS_MAX];
  /* Quantization tables for steps with quality 0, natural (row-major)
   * order, entries 1..255: [0] luminance, [1] chrominance, as a JPEG
   * file's own tables (GIMP's "jpeg-settings" parasite) give them. */
  uint16_t tables[2][64];
  JartDecode decode; /* the decoder of every generation */
  /* A third table, for a file whose Cr has one of its own: with
   * cr_own_table nonzero, steps with quality 0 quantize Cr with cr_table
   * (natural order, 1..255) and Cb with tables[1]; else both with
   * tables[1]. */
  int cr_own_table;
  uint16_t cr_table[64];
  /* Nonzero: each generation's report (to a generation_done callback)
   * carries its SSIM and the sizes of the file it writes, computed as the
   * generation is made from what it changed (jart_run). */
  int statistics;
  /* With statistics: the files whose sizes the reports carry, a set of
   * JART_SIZE_* bits; 0 is all three.  A file not in the set is reported
   * as 0 bytes and costs nothing to measure (a caller that shows one size
   * asks for that one). */
  unsigned sizes;
} JartSettings;

/* JartSettings.sizes: the bit of each file, 1 << its JartCoding. */
#define JART_SIZE_STANDARD 1u
#define JART_SIZE_OPTIMIZED 2u
#define JART_SIZE_PROGRESSIVE 4u
#define JART_SIZES_ALL 7u

/* What one generation did. */
typedef struct
{
  int generation; /* 1-based */
  int quality;    /* the quality used, after jitter; 0: the tables */
  int dx;         /* the grid offset used: anchor + drift */
  int dy;
  uint64_t changed_pixels; /* pixels whose colour differs from the input
                              of this generation (alpha never counts) */
  double psnr;             /* dB against the run's input, colour channels
                              only; INFINITY when identical */
  int step;                /* 0-based index into settings->steps, or -1
                              without a schedule */
  int encoded_width;       /* the size of the image the generation
                              encoded: the input's, or its scaled copy */
  int encoded_height;
  /* With settings->statistics (else has_statistics is 0 and the others
   * are 0): */
  int has_statistics;
  double ssim;                 /* as jart_ssim (run's input, this output) */
  uint64_t bytes;              /* as jart_generation_jpeg_size, standard tables
                                  (0 for a canvas beyond 65535 a side, which no
                                  JPEG file holds) */
  uint64_t bytes_optimized;    /* the same with optimized tables */
  uint64_t bytes_progressive;  /* the same, progressive (libjpeg's
                                  jpeg_simple_progression, optimal tables:
                                  JART_CODING_PROGRESSIVE) */
  uint64_t progressive_blocks; /* the blocks the statistics coded again
                                  for bytes_progressive, each pass over a
                                  block of a scan counting once: what the
                                  generation's change cost (0 when it
                                  changed nothing) */
} JartGenerationReport;

/* Called after each generation with its report and its pixels (same width,
 * height and channels as the input; valid only during the call).  Return
 * nonzero to cancel the run. */
typedef int (*JartGenerationFunc) (const JartGenerationReport *report,
                                   const JartImage *pixels, void *user_data);

/* Called now and then with the fraction of the run done, 0..1.  Return
 * nonzero to cancel the run. */
typedef int (*JartProgressFunc) (double fraction, void *user_data);

/* A cancel flag that any thread may raise while a run is under way. */
typedef struct JartCancel JartCancel;

typedef struct
{
  JartGenerationFunc generation_done; /* may be NULL */
  JartProgressFunc progress;          /* may be NULL */
  JartCancel *cancel;                 /* may be NULL */
  void *user_data;
} JartCallbacks;

/* How a run ended. */
typedef struct
{
  int generations_run; /* how many were computed */
  int fixed_point;     /* 0, or the first generation that changed no pixel:
                          it and every later generation equal the one
                          before it */
} JartResult;

/* Fills SETTINGS with the defaults: quality 75, 1 generation, 4:2:0,
 * accurate DCT, decoded as viewers decode, no drift, seed 0, anchor 0, stop at
 * the fixed point, own colours under transparency, white background, one
 * thread per core, no statistics.
 *
 * Flattening, when on, composites each pixel in 8-bit gamma-encoded values
 * as (c * a + b * (255 - a) + 127) / 255 before every generation's encoder;
 * the decoded colours replace the pixel's colours and alpha is kept.  It
 * applies only to images with alpha.  SETTINGS NULL: does nothing. */
void jart_settings_init (JartSettings *settings);

/* Checks every field; JART_OK or the code of the first bad one. */
JartStatus jart_settings_check (const JartSettings *settings);

/* Checks an image's fields (pixels, size, channels, stride). */
JartStatus jart_image_check (const JartImage *image);

/* Runs SETTINGS->generations generations on SRC and writes the last one to
 * DST, which must have the same width, height and channels and may be SRC
 * itself.  DST is written only when the run succeeds: on any error,
 * cancel included, it is untouched.  RESULT and CALLBACKS may be NULL. */
JartStatus jart_run (const JartImage *src, JartImage *dst,
                     const JartSettings *settings,
                     const JartCallbacks *callbacks, JartResult *result);

/* As jart_run, the same pixels, reports and result, except that the run
 * makes its generations in DST itself (which the generation_done callback's
 * pixels then are) instead of in an image of its own copied to DST at the
 * end: a frame's allocation and copy less, for a caller that owns DST and
 * discards it when the run does not succeed.  For DST is written from the
 * first generation on: on an error once the run has its memory, or a
 * cancel, DST holds some generation's pixels, or rows of two; on an error
 * in the arguments, or no memory, it is untouched.  DST's bytes (from its
 * first pixel to its last row's last) must not overlap SRC's
 * (JART_ERROR_OVERLAP), but for one case: DST may be SRC itself (the same
 * pixels and stride) when CALLBACKS has no generation_done (progress and
 * cancel it may have), and the run then works in the source's pixels, as
 * jart_run does without callbacks: no frame of its own at all (the
 * statistics, and the PSNR of the reports, which compare with the source,
 * need a generation_done).  With a schedule (n_steps > 0) the run works in
 * frames of its own and writes DST at the end, as jart_run does. */
JartStatus jart_run_in_dst (const JartImage *src, JartImage *dst,
                            const JartSettings *settings,
                            const JartCallbacks *callbacks,
                            JartResult *result);

/* SIZE bytes for an image, NULL when there is no memory: in whole huge
 * pages (2 MiB) the kernel is asked to back with such pages when SIZE is
 * 4 MiB or more (a few dozen page faults for a 24 MP image instead of
 * thousands), as the codec allocates its own frames.  free() releases
 * them. */
void *jart_buffer_alloc (size_t size);

/* The bytes jart_run allocates for an image of WIDTH x HEIGHT pixels with
 * CHANNELS channels and SETTINGS (its statistics included when SETTINGS
 * asks for them); 0 for nonsense arguments (WIDTH or HEIGHT outside
 * 1..65535, CHANNELS outside 1..4, SETTINGS jart_settings_check refuses,
 * all of which jart_run refuses).  An
 * upper bound; with a schedule it counts the run's two frames, the largest
 * scaled copy and what a step's colour changes and scaling allocate. */
size_t jart_memory_needed (int width, int height, int channels,
                           const JartSettings *settings);

/* The grid offset, quality and drift generation GENERATION (1-based) of a
 * run with SETTINGS uses: the schedule jart_run follows, for replaying it
 * elsewhere.  QUALITY, DX and DY may each be NULL (not written); SETTINGS
 * NULL is read as jart_settings_init's defaults.  Settings
 * jart_settings_check refuses are read with their quality (a step's other
 * than 0), quality_jitter, grid_drift, anchor_x and anchor_y clamped to
 * the ranges above: the quality is always 1..100 (0 for a step with the
 * tables) and each offset 0..JART_GRID_ANCHOR_MAX + JART_GRID_DRIFT_MAX,
 * whatever SETTINGS holds. */
void jart_schedule (const JartSettings *settings, int generation, int *quality,
                    int *dx, int *dy);

/* The step generation GENERATION (1-based) of a run with SETTINGS follows,
 * with its quality after jitter (0 for the tables), and its grid offset:
 * without a schedule, the step the quality and subsampling fields make.
 * jart_schedule gives the same quality and offset.  STEP, DX and DY may
 * each be NULL (not written); SETTINGS NULL is read as
 * jart_settings_init's defaults, and settings jart_settings_check refuses
 * as jart_schedule reads them. */
void jart_schedule_step (const JartSettings *settings, int generation,
                         JartStep *step, int *dx, int *dy);

/* How a file's entropy coding is done, for the sizes below (the
 * OPTIMIZE arguments take these values; any other is JART_ERROR_CODING):
 * - STANDARD: baseline, the Huffman tables of ITU T.81 Annex K.3
 *   (libjpeg-turbo's default, TurboJPEG's);
 * - OPTIMIZED: baseline, the optimal tables libjpeg builds with
 *   optimize_coding (TurboJPEG 2.1 with TJ_OPTIMIZE set to 1 in the
 *   environment, cjpeg -optimize, GIMP's "optimize" alone);
 * - PROGRESSIVE: libjpeg's default progression (jpeg_simple_progression),
 *   which always has optimal tables, one set per scan: what GIMP 2.10's
 *   export writes with its defaults (progressive and optimize on), less
 *   the metadata GIMP adds (an ICC profile, Exif, XMP, a comment). */
typedef enum
{
  JART_CODING_STANDARD = 0,
  JART_CODING_OPTIMIZED = 1,
  JART_CODING_PROGRESSIVE = 2
} JartCoding;

/* The exact size of the JPEG file generation GENERATION of a run with
 * SETTINGS writes, INPUT being that generation's input (the previous
 * generation's output, or the run's input for the first): the step's
 * colour changes and scaling are applied to a copy, which is measured as
 * jart_jpeg_size measures (with the step's quality or tables and
 * subsampling).  Allocates a copy of the input (and its scaled copy) when
 * the step changes or scales the image. */
JartStatus jart_generation_jpeg_size (const JartImage *input,
                                      const JartSettings *settings,
                                      int generation, int optimize,
                                      uint64_t *bytes);

/* Applies STEP's colour changes (saturation, contrast, sharpening) to SRC
 * and writes them to DST (same size and channels), alpha copied: what
 * jart_run does before a step's save.  DST's bytes (from its first pixel
 * to its last row's last) must not overlap SRC's, nor DST be SRC: that is
 * JART_ERROR_OVERLAP, DST untouched.  Integer arithmetic, rounded as
 * adjust.c describes; the neutral amounts give SRC back.  Checks only the
 * three amounts of STEP (JART_ERROR_ADJUST). */
JartStatus jart_step_adjust (const JartStep *step, const JartImage *src,
                             JartImage *dst);

/* Scales SRC to DST's size (any) with FILTER, every channel alike (alpha
 * too): what jart_run does to shrink a step's copy and grow it back.
 * DST's bytes (from its first pixel to its last row's last) must not
 * overlap SRC's, nor DST be SRC, not even at SRC's size: that is
 * JART_ERROR_OVERLAP, DST untouched.  Columns first, then rows; sample i of an
 * axis is centred on (i + 0.5) * in / out - 0.5; the window is cut at the
 * image's edges; an axis whose length stays is copied (resize.c has the
 * details). */
JartStatus jart_resize (const JartImage *src, JartImage *dst,
                        JartFilter filter);

/* The size a step with SCALE shrinks a WIDTH x HEIGHT image to:
 * floor (side * SCALE + 0.5), at most the side and at least 1, the side
 * itself for SCALE 1 (or more, or NaN); 1 for a side below 1, whatever
 * SCALE is.  A step whose size is the image's does not scale.  OUT_WIDTH
 * or OUT_HEIGHT may be NULL: that side is not written. */
void jart_scaled_size (int width, int height, double scale, int *out_width,
                       int *out_height);

/* Reads a schedule written as text into SETTINGS->steps and n_steps
 * (nothing else changes).  Steps are separated by ';'; a step is words
 * separated by spaces, in any order: "q75" quality, "tables" the
 * settings' tables (quality 0), "444" "422" "420" "440" "411"
 * subsampling, "x0.5" or "50%" scale, "nearest" "bilinear" "bicubic"
 * "lanczos" filter, "sat1.4" saturation, "con1.2" contrast, "sharp0.8"
 * sharpening, "*3" the step three times.  Numbers are plain decimals
 * (digits and at most one '.', whatever the locale), read as the nearest
 * double, and may have any count of digits, leading zeros included: a
 * number is read by its value, whatever its length ("q00075" is quality
 * 75, "x" and 400 zeros and "0.5" scale 0.5), and one out of range gives
 * the code a short one does ("q99999999999" JART_ERROR_QUALITY, "x0." and
 * 400 zeros and "5" JART_ERROR_SCALE, "*99999" JART_ERROR_STEPS).  A word
 * a step leaves out takes DEFAULTS's field.  An empty text (or only spaces)
 * gives n_steps 0.  On a mistake returns JART_ERROR_STEPS (a word it does not
 * know, or more than JART_STEPS_MAX steps) or the code of the field out of
 * range (JART_ERROR_QUALITY, _SCALE, _ADJUST), SETTINGS untouched, and
 * *ERROR_AT (may be NULL) the byte offset of the word at fault.
 */
JartStatus jart_steps_parse (const char *text, const JartStep *defaults,
                             JartSettings *settings, size_t *error_at);

/* Writes SETTINGS's schedule (n_steps 0: none, "") as text
 * jart_steps_parse reads back to the same steps (equal steps in a row as
 * one with "*N"), into BUFFER of SIZE bytes, NUL-terminated, and sets
 * *NEEDED (when NEEDED is not NULL) to the length it needs without the
 * NUL (as snprintf returns it).  BUFFER NULL is read as SIZE 0 (nothing
 * written, the length counted).  The steps are checked first, as
 * jart_settings_check checks them (its other fields are not read): n_steps
 * outside 0..JART_STEPS_MAX is JART_ERROR_STEPS, a step's field out of
 * range that field's code (JART_ERROR_QUALITY, _SUBSAMPLING, _SCALE,
 * _FILTER, _ADJUST), SETTINGS NULL JART_ERROR_NULL; then BUFFER gets ""
 * (when SIZE is not 0) and *NEEDED 0: no text is written for steps that
 * would not read back. */
JartStatus jart_steps_format (const JartSettings *settings, char *buffer,
                              size_t size, size_t *needed);

/* The MCU size for SUBSAMPLING with CHANNELS channels, in pixels: the grid
 * an anchor is taken modulo.  WIDTH or HEIGHT may be NULL: that side is not
 * written. */
void jart_mcu_size (JartSubsampling subsampling, int channels, int *width,
                    int *height);

/* The exact size in bytes of the JPEG file libjpeg-turbo 2.1
 * writes for one generation's input, without writing it: IMAGE on the
 * canvas of grid offset (DX, DY) that jart_run's generation uses (the
 * first DX columns and DY rows repeat the image's edge), with QUALITY and
 * SETTINGS->subsampling, dct, flatten and background (the other fields are
 * ignored); 1- and 2-channel images as a one-component gray JPEG.  The
 * file has libjpeg's default markers: SOI, JFIF APP0, a DQT for each
 * quantization table, SOF0 (SOF2 progressive), a DHT for each Huffman
 * table, an SOS for each scan (one baseline scan; progressive: the DHT
 * segments of each scan before its SOS), no restart markers, EOI.
 * OPTIMIZE is a JartCoding.
 * JART_DCT_FAST is libjpeg's JDCT_IFAST at every quality: tjCompress2
 * switches to the accurate DCT from quality 96 on by itself, and so gives
 * the JART_DCT_ACCURATE size there.  DX and DY must be in
 * 0 .. JART_GRID_ANCHOR_MAX + JART_GRID_DRIFT_MAX (else JART_ERROR_ANCHOR)
 * and the canvas at most JART_MAX_DIMENSION a side.  Single-threaded;
 * allocates a few rows of the image's width, and for PROGRESSIVE the
 * quantized coefficients of the whole canvas (2 bytes a coefficient: 6
 * bytes a pixel in 4:4:4). */
JartStatus jart_jpeg_size (const JartImage *image,
                           const JartSettings *settings, int quality, int dx,
                           int dy, int optimize, uint64_t *bytes);

/* The bytes jart_jpeg_size and jart_generation_jpeg_size allocate at most
 * for an image of WIDTH x HEIGHT pixels with CHANNELS channels, SETTINGS
 * (any step, any grid offset) and CODING (a JartCoding): a few rows, the
 * copies a step's colour changes and scaling make and, for PROGRESSIVE,
 * the quantized coefficients of the whole canvas.  An upper bound; 0 for
 * nonsense arguments, settings jart_settings_check refuses among them. */
size_t jart_jpeg_size_memory (int width, int height, int channels,
                              const JartSettings *settings, int coding);

/* The mean structural similarity (SSIM) of B against A, which must have
 * the same width, height and channels, as Z. Wang, A. C. Bovik, H. R.
 * Sheikh and E. P. Simoncelli define it ("Image Quality Assessment: From
 * Error Visibility to Structural Similarity", IEEE Trans. Image Processing
 * 13 (4), 2004): on luma (the JPEG Y formula of R'G'B', gray as it is;
 * alpha ignored), local statistics under a Gaussian window of sigma 1.5
 * truncated at 3.5 sigma (11 x 11), K1 = 0.01, K2 = 0.03, L = 255,
 * population (not sample) covariances.  The borders are as
 * scikit-image's structural_similarity (gaussian_weights=True, sigma=1.5,
 * use_sample_covariance=False, data_range=255) has them: the filter
 * reflects the image at its edges (scipy's "reflect") and the mean leaves
 * out the 5 pixels nearest each edge; an image narrower or lower than 11
 * pixels, which scikit-image refuses, is averaged over all its pixels.
 * The filters run in single precision on samples shifted by a local mean
 * (codec/stats-ssim.c): within 1e-4 of scikit-image's double precision,
 * within 1e-7 on the test suite's photos.  1 for identical images. */
JartStatus jart_ssim (const JartImage *a, const JartImage *b, double *ssim);

/* How much jart_difference amplifies a difference: 8, so that one level
 * shows as 8 and the differences of 32 levels and more as full white, a
 * range in which a JPEG's errors are seen at a glance (the plug-in's
 * difference layer, the preview's difference view, the tool's
 * --difference). */
#define JART_DIFFERENCE_GAIN 8

/* Writes to DST, for each colour channel of each pixel,
 * min (255, JART_DIFFERENCE_GAIN * |RESULT - ORIGINAL|), and RESULT's
 * alpha unchanged.  The three must have the same width, height and
 * channels (JART_ERROR_SIZE, JART_ERROR_CHANNELS); DST may be RESULT or
 * ORIGINAL. */
JartStatus jart_difference (const JartImage *result, const JartImage *original,
                            JartImage *dst);

/* The 64 entries of the baseline quantization table for QUALITY (1..100),
 * row-major; TABLE 0 is luminance, any other chrominance (ITU T.81 Annex
 * K.1 scaled by the IJG formula). */
JartStatus jart_quant_table (int quality, int table, uint16_t out[64]);

JartCancel *jart_cancel_new (void);
void jart_cancel_free (JartCancel *cancel);
void jart_cancel_request (JartCancel *cancel);
void jart_cancel_reset (JartCancel *cancel);
int jart_cancel_requested (const JartCancel *cancel);

/* Nonzero when this build and CPU can run PATH. */
int jart_kernels_available (JartKernelPath path);

/* The name of PATH ("portable", "sse2", "avx2"); AUTO names the one it
 * picks on this CPU. */
const char *jart_kernels_name (JartKernelPath path);

/* A short English sentence for STATUS; never NULL. */
const char *jart_strerror (JartStatus status);

/* The codec's version, "MAJOR.MINOR.PATCH". */
const char *jart_version (void);

#endif /* JART_H */
