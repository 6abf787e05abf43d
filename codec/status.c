/* status.c: the texts of the codec's status codes, its version, and the
 * thread-safe cancel flag.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>

#include "jart-private.h"

const char *
jart_strerror (JartStatus status)
{
  switch (status)
    {
    case JART_OK:
      return "success";
    case JART_ERROR_NULL:
      return "a required pointer is NULL";
    case JART_ERROR_SIZE:
      return "width and height must be 1 to 65535, and the destination the "
             "size of the source";
    case JART_ERROR_CHANNELS:
      return "channels must be 1 to 4 (gray, gray and alpha, RGB, RGBA), "
             "the same in source and destination";
    case JART_ERROR_STRIDE:
      return "a row stride is smaller than width times channels";
    case JART_ERROR_QUALITY:
      return "quality must be 1 to 100";
    case JART_ERROR_GENERATIONS:
      return "generations must be 1 to 1000";
    case JART_ERROR_SUBSAMPLING:
      return "subsampling must be 4:4:4, 4:2:2, 4:2:0, 4:4:0 or 4:1:1";
    case JART_ERROR_DCT:
      return "the DCT method must be accurate, fast or floating point";
    case JART_ERROR_JITTER:
      return "quality jitter must be 0 to 50";
    case JART_ERROR_DRIFT:
      return "grid drift must be 0 to 7";
    case JART_ERROR_ANCHOR:
      return "the grid anchor must be 0 to 31 in each direction";
    case JART_ERROR_THREADS:
      return "threads must be 0 (one per core) to 64";
    case JART_ERROR_KERNELS:
      return "the requested kernels do not exist or this CPU cannot run them";
    case JART_ERROR_NO_MEMORY:
      return "not enough memory";
    case JART_ERROR_CANCELLED:
      return "cancelled";
    case JART_ERROR_STEPS:
      return "a schedule must have 0 to 64 steps";
    case JART_ERROR_SCALE:
      return "a step's scale must be 0.05 to 1";
    case JART_ERROR_FILTER:
      return "the filter must be nearest, bilinear, bicubic or lanczos";
    case JART_ERROR_ADJUST:
      return "saturation, contrast and sharpening must be 0 to 4";
    case JART_ERROR_TABLES:
      return "quantization table entries must be 1 to 255";
    case JART_ERROR_DECODE:
      return "the decoder must be the viewers' or GIMP's";
    case JART_ERROR_CODING:
      return "the coding must be standard, optimized or progressive";
    case JART_ERROR_OVERLAP:
      return "the destination must not share pixels with the source: give "
             "it an image of its own";
    }
  return "unknown status";
}

const char *
jart_version (void)
{
  return JART_VERSION;
}

JartCancel *
jart_cancel_new (void)
{
  JartCancel *cancel = malloc (sizeof *cancel);

  if (cancel != NULL)
    atomic_init (&cancel->requested, 0);
  return cancel;
}

void
jart_cancel_free (JartCancel *cancel)
{
  free (cancel);
}

void
jart_cancel_request (JartCancel *cancel)
{
  if (cancel != NULL)
    atomic_store (&cancel->requested, 1);
}

void
jart_cancel_reset (JartCancel *cancel)
{
  if (cancel != NULL)
    atomic_store (&cancel->requested, 0);
}

int
jart_cancel_requested (const JartCancel *cancel)
{
  return cancel != NULL && atomic_load (&cancel->requested);
}
