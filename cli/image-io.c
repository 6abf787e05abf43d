/* image-io.c: recognising an input file by its first bytes and handing it
 * to the reader of its format; reading an input that cannot seek (a pipe,
 * a FIFO, a terminal) into memory first, within the memory there is;
 * choosing the output format by the output's name; the pixel buffer every
 * reader fills in, whose pages a thread of its own faults in ahead of the
 * reader.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _DEFAULT_SOURCE /* madvise */
#define _POSIX_C_SOURCE 200809L

#include "image-io.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "free-memory.h"
#include "i18n.h"
#include "io-formats.h"
#include "memory-check.h"

typedef enum
{
  FILE_KIND_UNKNOWN,
  FILE_KIND_EMPTY,
  FILE_KIND_PNG,
  FILE_KIND_PNM,
  FILE_KIND_PNM_OTHER, /* a netpbm file other than P5 and P6 */
  FILE_KIND_JPEG
} FileKind;

/* The kind of file whose first LENGTH bytes are MAGIC. */
static FileKind
file_kind_from_magic (const unsigned char *magic, size_t length)
{
  static const unsigned char png_signature[8]
      = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  if (length == 0)
    return FILE_KIND_EMPTY;
  if (length >= 8 && memcmp (magic, png_signature, 8) == 0)
    return FILE_KIND_PNG;
  if (length >= 3 && magic[0] == 0xff && magic[1] == 0xd8 && magic[2] == 0xff)
    return FILE_KIND_JPEG;
  if (length >= 2 && magic[0] == 'P' && (magic[1] == '5' || magic[1] == '6'))
    return FILE_KIND_PNM;
  if (length >= 2 && magic[0] == 'P' && magic[1] >= '1' && magic[1] <= '7')
    return FILE_KIND_PNM_OTHER;
  return FILE_KIND_UNKNOWN;
}

ImageFormat
image_format_from_name (const char *path)
{
  const char *slash = strrchr (path, '/');
  const char *base = slash != NULL ? slash + 1 : path;
  const char *dot = strrchr (base, '.');

  if (dot == NULL || dot == base)
    return IMAGE_FORMAT_UNKNOWN;
  if (strcasecmp (dot, ".png") == 0)
    return IMAGE_FORMAT_PNG;
  if (strcasecmp (dot, ".pgm") == 0)
    return IMAGE_FORMAT_PGM;
  if (strcasecmp (dot, ".ppm") == 0)
    return IMAGE_FORMAT_PPM;
  if (strcasecmp (dot, ".pnm") == 0)
    return IMAGE_FORMAT_PNM;
  return IMAGE_FORMAT_UNKNOWN;
}

bool
image_format_check (ImageFormat format, int channels, const char *path,
                    ToolError *error)
{
  bool has_alpha = channels == 2 || channels == 4;

  switch (format)
    {
    case IMAGE_FORMAT_PNG:
      return true;
    case IMAGE_FORMAT_PGM:
    case IMAGE_FORMAT_PPM:
    case IMAGE_FORMAT_PNM:
      if (has_alpha)
        {
          tool_error_set (error,
                          _ ("%s: PGM and PPM files have no alpha channel "
                             "and the image has one; name the output .png"),
                          path);
          return false;
        }
      if (format == IMAGE_FORMAT_PGM && channels != 1)
        {
          tool_error_set (error,
                          _ ("%s: a PGM file holds gray only and the image "
                             "is RGB; name the output .ppm, .pnm or .png"),
                          path);
          return false;
        }
      if (format == IMAGE_FORMAT_PPM && channels != 3)
        {
          tool_error_set (error,
                          _ ("%s: a PPM file holds RGB only and the image is "
                             "gray; name the output .pgm, .pnm or .png"),
                          path);
          return false;
        }
      return true;
    case IMAGE_FORMAT_UNKNOWN:
    default:
      tool_error_set (error,
                      _ ("%s: unknown output format; name the output .png, "
                         ".ppm, .pgm or .pnm"),
                      path);
      return false;
    }
}

/* Below this many bytes a pixel buffer is not worth a thread faulting its
 * pages in. */
#define IO_PREFAULT_MIN ((size_t)4 << 20)

/* The bytes IoPrefault faults in at a time, between which it looks at its
 * stop flag. */
#define IO_PREFAULT_STEP ((size_t)8 << 20)

static void *
prefault_main (void *data)
{
  IoPrefault *prefault = data;
  size_t at;

  for (at = 0; at < prefault->size && !atomic_load (&prefault->stop);
       at += IO_PREFAULT_STEP)
    {
      size_t n = prefault->size - at < IO_PREFAULT_STEP ? prefault->size - at
                                                        : IO_PREFAULT_STEP;

      /* As if written, but nothing is: the reader's rows stay whatever
         order the two threads reach a page in. */
      if (madvise (prefault->pixels + at, n, MADV_POPULATE_WRITE) != 0)
        break;
    }
  return NULL;
}

/* Starts PREFAULT on the whole pages within the SIZE bytes at PIXELS;
 * without a thread (or where the kernel does not know MADV_POPULATE_WRITE,
 * Linux before 5.14) the reader faults the pages in itself, as it would
 * have. */
static void
prefault_start (IoPrefault *prefault, uint8_t *pixels, size_t size)
{
#if defined(MADV_POPULATE_WRITE)
  const uintptr_t page = (uintptr_t)sysconf (_SC_PAGESIZE);
  const size_t skip = (size_t)((page - (uintptr_t)pixels % page) % page);

  if (size - skip < page)
    return;
  prefault->pixels = pixels + skip;
  prefault->size = (size - skip) / page * page;
  atomic_init (&prefault->stop, false);
  prefault->started
      = pthread_create (&prefault->thread, NULL, prefault_main, prefault) == 0;
#else
  (void)prefault;
  (void)pixels;
  (void)size;
#endif
}

/* Stops PREFAULT, when it was started, and waits for it. */
static void
prefault_finish (IoPrefault *prefault)
{
  if (!prefault->started)
    return;
  atomic_store (&prefault->stop, true);
  pthread_join (prefault->thread, NULL);
  prefault->started = false;
}

bool
io_image_allocate (IoInput *input, JartImage *image, int width, int height,
                   int channels, uint64_t reader_bytes, ToolError *error)
{
  const char *path = input->path;
  size_t stride, size;

  image->pixels = NULL;
  if (width < 1 || height < 1 || width > JART_MAX_DIMENSION
      || height > JART_MAX_DIMENSION)
    {
      tool_error_set (error,
                      _ ("%s: the image is %d x %d pixels; width and height "
                         "must be 1 to %d"),
                      path, width, height, JART_MAX_DIMENSION);
      return false;
    }
  if (input->check != NULL
      && !input->check (path, width, height, channels,
                        ja_free_memory_add (input->held, reader_bytes),
                        input->check_data, error))
    return false;
  stride = (size_t)width * (size_t)channels;
  if ((size_t)height > SIZE_MAX / stride)
    size = 0;
  else
    size = stride * (size_t)height;
  image->pixels = size != 0 ? jart_buffer_alloc (size) : NULL;
  if (image->pixels == NULL)
    {
      tool_error_set (error, _ ("%s: not enough memory for a %d x %d image"),
                      path, width, height);
      return false;
    }
  if (size >= IO_PREFAULT_MIN && !input->prefault.started)
    prefault_start (&input->prefault, image->pixels, size);
  image->width = width;
  image->height = height;
  image->channels = channels;
  image->stride = stride;
  return true;
}

/* Reads INPUT with the reader its first LENGTH bytes, MAGIC, call for. */
static bool
image_read_kind (IoInput *input, const unsigned char *magic, size_t length,
                 JartImage *image, ToolError *error)
{
  const char *path = input->path;

  switch (file_kind_from_magic (magic, length))
    {
    case FILE_KIND_PNG:
      return io_png_read (input, image, error);
    case FILE_KIND_PNM:
      return io_pnm_read (input, image, error);
    case FILE_KIND_JPEG:
      return io_jpeg_read (input, image, error);
    case FILE_KIND_EMPTY:
      tool_error_set (error, _ ("%s: the file is empty"), path);
      return false;
    case FILE_KIND_PNM_OTHER:
      tool_error_set (error,
                      _ ("%s: a netpbm file of type P%c; only binary PGM "
                         "(P5) and PPM (P6) are read"),
                      path, magic[1]);
      return false;
    case FILE_KIND_UNKNOWN:
    default:
      tool_error_set (error, _ ("%s: not a PNG, PGM, PPM or JPEG file"), path);
      return false;
    }
}

/* Reads the first bytes of STREAM, opened on PATH, into MAGIC (SIZE
 * bytes); their number in *LENGTH. */
static bool
image_read_magic (FILE *stream, const char *path, unsigned char *magic,
                  size_t size, size_t *length, ToolError *error)
{
  *length = fread (magic, 1, size, stream);
  if (ferror (stream))
    {
      tool_error_set (error, _ ("cannot read %s: %s"), path, strerror (errno));
      return false;
    }
  return true;
}

/* Reads the rest of STREAM, opened on PATH, after its first LENGTH bytes
 * MAGIC, into a new buffer DATA of *SIZE bytes; refuses beyond the memory
 * the process can get. */
static bool
image_read_all (FILE *stream, const char *path, const unsigned char *magic,
                size_t length, unsigned char **data, size_t *size,
                ToolError *error)
{
  uint64_t available = ja_free_memory ();
  size_t used = length, capacity = (size_t)1 << 16;
  unsigned char *buffer = malloc (capacity);

  if (buffer != NULL)
    memcpy (buffer, magic, length);
  while (buffer != NULL)
    {
      unsigned char *larger;

      used += fread (buffer + used, 1, capacity - used, stream);
      if (ferror (stream))
        {
          tool_error_set (error, _ ("cannot read %s: %s"), path,
                          strerror (errno));
          free (buffer);
          return false;
        }
      if (used < capacity)
        {
          *data = buffer;
          *size = used;
          return true;
        }
      if (capacity > SIZE_MAX / 2
          || (available != 0 && capacity * 2 > available))
        {
          free (buffer);
          memory_refuse (path, (uint64_t)capacity * 2, available, error);
          return false;
        }
      larger = realloc (buffer, capacity * 2);
      if (larger == NULL)
        break;
      buffer = larger;
      capacity *= 2;
    }
  free (buffer);
  tool_error_set (error, _ ("%s: not enough memory"), path);
  return false;
}

/* Reads INPUT, whose stream is open and cannot seek, from memory. */
static bool
image_read_pipe (IoInput *input, JartImage *image, ToolError *error)
{
  unsigned char magic[8], *data = NULL;
  size_t length, size = 0;
  FILE *pipe = input->stream, *memory;
  FileKind kind;
  bool ok;

  if (!image_read_magic (pipe, input->path, magic, sizeof magic, &length,
                         error))
    return false;
  /* What is no image is told without reading the rest. */
  kind = file_kind_from_magic (magic, length);
  if (kind != FILE_KIND_PNG && kind != FILE_KIND_PNM && kind != FILE_KIND_JPEG)
    return image_read_kind (input, magic, length, image, error);
  if (!image_read_all (pipe, input->path, magic, length, &data, &size, error))
    return false;
  memory = fmemopen (data, size, "rb");
  if (memory == NULL)
    {
      tool_error_set (error, _ ("cannot read %s: %s"), input->path,
                      strerror (errno));
      free (data);
      return false;
    }
  input->stream = memory;
  input->held = size;
  ok = image_read_kind (input, magic, length, image, error);
  fclose (memory);
  free (data);
  input->stream = pipe;
  return ok;
}

bool
image_read (const char *path, JartImage *image, ImageMetadata *metadata,
            ImageCheck check, void *check_data, ToolError *error)
{
  IoInput input = { .path = path,
                    .metadata = metadata,
                    .check = check,
                    .check_data = check_data };
  unsigned char magic[8];
  size_t length;
  struct stat info;
  bool ok;

  memset (image, 0, sizeof *image);
  memset (metadata, 0, sizeof *metadata);
  metadata->orientation = 1;
  input.stream = fopen (path, "rb");
  if (input.stream == NULL)
    {
      tool_error_set (error, _ ("cannot open %s: %s"), path, strerror (errno));
      return false;
    }
  if (fstat (fileno (input.stream), &info) != 0)
    {
      tool_error_set (error, _ ("cannot read %s: %s"), path, strerror (errno));
      ok = false;
    }
  else if (S_ISDIR (info.st_mode))
    {
      tool_error_set (error, _ ("cannot read %s: %s"), path,
                      strerror (EISDIR));
      ok = false;
    }
  else if (!S_ISREG (info.st_mode) && !S_ISBLK (info.st_mode))
    ok = image_read_pipe (&input, image, error);
  else if (!image_read_magic (input.stream, path, magic, sizeof magic, &length,
                              error))
    ok = false;
  else if (fseek (input.stream, 0, SEEK_SET) != 0)
    {
      tool_error_set (error, _ ("cannot read %s: %s"), path, strerror (errno));
      ok = false;
    }
  else
    ok = image_read_kind (&input, magic, length, image, error);
  prefault_finish (&input.prefault);
  fclose (input.stream);
  if (!ok)
    {
      image_clear (image);
      image_metadata_free (metadata);
    }
  return ok;
}

bool
image_write (FILE *stream, const char *path, const JartImage *image,
             const ImageMetadata *metadata, ImageFormat format,
             ToolError *error)
{
  if (!image_format_check (format, image->channels, path, error))
    return false;
  if (format == IMAGE_FORMAT_PNG)
    return io_png_write (stream, path, image, metadata, error);
  return io_pnm_write (stream, path, image, metadata, error);
}

void
image_clear (JartImage *image)
{
  free (image->pixels);
  memset (image, 0, sizeof *image);
}
