/* cli-image.h: what the files of cli-image, the command-line tool's
 * image helper, share: the Picture they pass around, the file reading and
 * writing of cli-image-io.c, and every file's commands, which main in
 * cli-image.c calls.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef CLI_IMAGE_H
#define CLI_IMAGE_H

#include <stddef.h>

typedef struct
{
  unsigned char *pixels;
  int width;
  int height;
  int channels;
} Picture;

/* cli-image-io.c */
/* Prints "cli-image: " and FORMAT with DETAIL on stderr, and exits 1. */
_Noreturn void die (const char *format, const char *detail);

size_t picture_size (const Picture *picture);

void picture_allocate (Picture *picture, int width, int height, int channels);

void load (const char *path, Picture *picture);

void save_pnm (const char *path, const Picture *picture, const char *comment);

int command_make_png (const char *path, const char *kind, int width,
                      int height);

/* A 16-bit RGBA PNG of one colour: gray level VALUE, alpha ALPHA. */
int command_make_png16 (const char *path, int width, int height, int value,
                        int alpha);

unsigned char *read_file (const char *path, unsigned long *size);

int command_info (const char *path);

/* Prints "MIN MAX" of the alpha samples of a 16-bit PNG with alpha, in 16
 * bits. */
int command_alpha16 (const char *path);

int command_to_pnm (const char *in, const char *out);

/* cli-image-ref.c */
/* Decodes a JPEG with TurboJPEG (accurate IDCT) into a PGM or PPM. */
int command_jpeg_to_pnm (const char *in, const char *out);

/* Compresses IN (gray or RGB) with TurboJPEG at QUALITY, 4:4:4. */
int command_make_jpeg (const char *in, const char *out, int quality);

/* Prints the bytes of the JPEG file tjCompress2 writes for IN with its
 * default (standard) Huffman tables, or with CODING "optimized" its optimal
 * ones (TJ_OPTIMIZE=1), or "progressive" (TJFLAG_PROGRESSIVE: libjpeg's
 * default progression). */
int command_jpeg_size (const char *in, int quality,
                       const char *subsampling_name, const char *dct,
                       const char *coding);

/* Writes IN (RGB) as a 4:2:0 JPEG with three tables of its own, none an
 * IJG quality's, in slots 0, 2 and 3 (slot 1 left empty): Y's, Cb's and
 * Cr's. */
int command_make_jpeg3 (const char *in, const char *out);

/* Decodes IN.jpg, then COUNT times re-saves it with its own tables (each
 * component's, in its slot) and sampling and decodes it again, all with
 * the accurate DCTs, as libjpeg re-saving the file itself does; writes the
 * last decode to OUT as PPM. */
int command_resave_own (const char *in, const char *out, int count);

/* GENERATIONS JPEG round trips of IN with libturbojpeg, as the codec must
 * compute them, written to OUT as PGM or PPM: DCT "float" or DECODE
 * "gimp" (the float IDCT) through the libjpeg API. */
int command_roundtrip (const char *in, const char *out, int quality,
                       const char *subsampling_name, const char *dct,
                       int generations, const char *decode);

/* cli-image-compare.c */
/* Whether A and B have the same size, channels and samples; with
 * ALPHA_ONLY, the same size and alpha channel. */
int command_compare (const char *a, const char *b, int alpha_only);

/* Prints how many pixels of A and B differ in their colour channels and
 * the PSNR of B against A over those channels ("inf" when equal), as the
 * tool's table reports them. */
int command_diff (const char *a, const char *b);

/* Whether every pixel of PATH is within TOLERANCE of VALUES, one value per
 * channel. */
int command_near (const char *path, int tolerance, int count, char **values);

/* Whether D holds min (255, 8 |A - B|) in every colour sample and A's
 * alpha: the tool's --difference of A against its input B. */
int command_difference8 (const char *a, const char *b, const char *d);

#endif /* CLI_IMAGE_H */
