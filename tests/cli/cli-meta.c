/* cli-meta.c: the second image helper of the command-line tool's tests,
 * for what a file says beside its pixels and for files too big to decode.
 * It adds an Exif orientation (APP1) and an ICC profile (APP2, split over
 * several markers) to a JPEG file byte by byte, writes a small valid ICC
 * profile, writes PNGs with colour chunks (iCCP, sRGB, gAMA, cHRM) and an
 * eXIf chunk through libpng, prints a PNG's colour chunks, changes the
 * size a JPEG's frame header declares, writes a valid all-black RGB PNG of
 * any size quickly (its zlib stream built by hand: one dynamic Huffman
 * block whose matches of 258 zero bytes take two zero bits each, RFC 1951
 * section 3.2.7), and checks that one image is another turned by an Exif
 * orientation.  Each command exits 0 when it did its job or its check
 * held, 1 otherwise, with a line on stderr.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <png.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static void
fail (const char *format, const char *detail)
{
  fprintf (stderr, "cli-meta: ");
  fprintf (stderr, format, detail);
  fputc ('\n', stderr);
  exit (1);
}

static unsigned char *
slurp (const char *path, size_t *length)
{
  FILE *file = fopen (path, "rb");
  unsigned char *data = NULL;
  size_t size = 0, capacity = 0, got;

  if (file == NULL)
    fail ("%s: cannot open", path);
  do
    {
      if (size == capacity)
        {
          capacity = capacity ? capacity * 2 : 65536;
          data = realloc (data, capacity);
          if (data == NULL)
            fail ("%s: out of memory", path);
        }
      got = fread (data + size, 1, capacity - size, file);
      size += got;
    }
  while (got > 0);
  fclose (file);
  *length = size;
  return data;
}

static void
spill (const char *path, const unsigned char *data, size_t length)
{
  FILE *file = fopen (path, "wb");

  if (file == NULL || fwrite (data, 1, length, file) != length
      || fclose (file) != 0)
    fail ("%s: cannot write", path);
}

static void
put16 (unsigned char *p, unsigned value)
{
  p[0] = (unsigned char)(value >> 8);
  p[1] = (unsigned char)value;
}

static void
put32 (unsigned char *p, uint32_t value)
{
  put16 (p, value >> 16);
  put16 (p + 2, value & 0xffff);
}

/* A big-endian TIFF structure whose first IFD holds one entry:
 * Orientation = ORIENTATION. */
static size_t
exif_tiff (unsigned char *tiff, int orientation)
{
  memcpy (tiff, "MM\0*", 4);
  put32 (tiff + 4, 8);
  put16 (tiff + 8, 1);
  put16 (tiff + 10, 0x0112);
  put16 (tiff + 12, 3);
  put32 (tiff + 14, 1);
  put16 (tiff + 18, (unsigned)orientation);
  put16 (tiff + 20, 0);
  put32 (tiff + 22, 0);
  return 26;
}

/* Writes IN's JPEG with the markers MARKERS (LENGTH bytes) after its
 * SOI. */
static void
jpeg_insert (const char *in, const char *out, const unsigned char *markers,
             size_t length)
{
  size_t size;
  unsigned char *jpeg = slurp (in, &size);
  unsigned char *result = malloc (size + length);

  if (size < 4 || jpeg[0] != 0xff || jpeg[1] != 0xd8 || result == NULL)
    fail ("%s: not a JPEG file", in);
  memcpy (result, jpeg, 2);
  memcpy (result + 2, markers, length);
  memcpy (result + 2 + length, jpeg + 2, size - 2);
  spill (out, result, size + length);
  free (result);
  free (jpeg);
}

static int
command_jpeg_exif (const char *in, const char *out, int orientation)
{
  unsigned char marker[64];
  size_t length = exif_tiff (marker + 10, orientation);

  marker[0] = 0xff;
  marker[1] = 0xe1;
  put16 (marker + 2, (unsigned)(length + 8));
  memcpy (marker + 4, "Exif\0\0", 6);
  jpeg_insert (in, out, marker, length + 10);
  return 0;
}

/* The profile in APP2 markers of at most CHUNK bytes each, the last
 * marker first: a reader must order them by their sequence numbers. */
static int
command_jpeg_icc (const char *in, const char *out, const char *profile_path,
                  size_t chunk)
{
  size_t length, count, i, used = 0;
  unsigned char *profile = slurp (profile_path, &length);
  unsigned char *markers;

  count = (length + chunk - 1) / chunk;
  markers = malloc (count * (chunk + 18));
  if (markers == NULL || count > 255)
    fail ("%s: too many markers", profile_path);
  for (i = count; i-- > 0;)
    {
      size_t start = i * chunk;
      size_t part = length - start < chunk ? length - start : chunk;
      unsigned char *m = markers + used;

      m[0] = 0xff;
      m[1] = 0xe2;
      put16 (m + 2, (unsigned)(part + 16));
      memcpy (m + 4, "ICC_PROFILE", 12);
      m[16] = (unsigned char)(i + 1);
      m[17] = (unsigned char)count;
      memcpy (m + 18, profile + start, part);
      used += part + 18;
    }
  jpeg_insert (in, out, markers, used);
  free (markers);
  free (profile);
  return 0;
}

/* A display profile of 576 bytes that libpng accepts: an ICC v2 header
 * for COLOUR ("RGB " or "GRAY") with the D50 illuminant, and two tags:
 * the media white point and a private one of 400 bytes that do not
 * compress (libpng's reader refuses a profile whose iCCP chunk is too
 * short). */
static int
command_icc (const char *out, const char *colour)
{
  unsigned char p[576];
  uint32_t noise = 2026;
  int i;

  memset (p, 0, sizeof p);
  put32 (p, sizeof p);
  memcpy (p + 4, "none", 4);
  put32 (p + 8, 0x02100000);
  memcpy (p + 12, "mntr", 4);
  memcpy (p + 16, strcmp (colour, "gray") == 0 ? "GRAY" : "RGB ", 4);
  memcpy (p + 20, "XYZ ", 4);
  put16 (p + 24, 2026);
  memcpy (p + 36, "acsp", 4);
  put32 (p + 68, 0x0000f6d6);
  put32 (p + 72, 0x00010000);
  put32 (p + 76, 0x0000d32d);
  put32 (p + 128, 2);
  memcpy (p + 132, "wtpt", 4);
  put32 (p + 136, 156);
  put32 (p + 140, 20);
  memcpy (p + 144, "zzzz", 4);
  put32 (p + 148, 176);
  put32 (p + 152, 400);
  memcpy (p + 156, "XYZ ", 4);
  put32 (p + 164, 0x0000f351);
  put32 (p + 168, 0x00010000);
  put32 (p + 172, 0x000116cc);
  for (i = 176; i < (int)sizeof p; i++)
    {
      noise = noise * 1103515245u + 12345u;
      p[i] = (unsigned char)(noise >> 23);
    }
  spill (out, p, sizeof p);
  return 0;
}

/* An RGB PNG of WIDTH x HEIGHT with a pattern, and the chunks OPTIONS
 * ask for: gamma=N, chrm=WX,WY,RX,RY,GX,GY,BX,BY, srgb=INTENT, icc=FILE,
 * exif=ORIENTATION. */
static int
command_png (const char *out, int width, int height, char **options,
             int n_options)
{
  FILE *file = fopen (out, "wb");
  png_structp png;
  png_infop info;
  unsigned char *row = malloc ((size_t)width * 3);
  unsigned char tiff[64];
  unsigned char *profile = NULL;
  int i, x, y;

  if (file == NULL || row == NULL)
    fail ("%s: cannot create", out);
  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  info = png_create_info_struct (png);
  if (setjmp (png_jmpbuf (png)))
    fail ("%s: libpng failed", out);
  png_init_io (png, file);
  png_set_IHDR (png, info, (png_uint_32)width, (png_uint_32)height, 8,
                PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  for (i = 0; i < n_options; i++)
    {
      const char *o = options[i];
      png_fixed_point c[8];

      if (strncmp (o, "gamma=", 6) == 0)
        png_set_gAMA_fixed (png, info, atoi (o + 6));
      else if (strncmp (o, "srgb=", 5) == 0)
        png_set_sRGB (png, info, atoi (o + 5));
      else if (strncmp (o, "exif=", 5) == 0)
        png_set_eXIf_1 (png, info, (png_uint_32)exif_tiff (tiff, atoi (o + 5)),
                        tiff);
      else if (strncmp (o, "icc=", 4) == 0)
        {
          size_t length;

          profile = slurp (o + 4, &length);
          png_set_iCCP (png, info, "test", PNG_COMPRESSION_TYPE_BASE, profile,
                        (png_uint_32)length);
        }
      else if (strncmp (o, "chrm=", 5) == 0
               && sscanf (o + 5, "%d,%d,%d,%d,%d,%d,%d,%d", &c[0], &c[1],
                          &c[2], &c[3], &c[4], &c[5], &c[6], &c[7])
                      == 8)
        png_set_cHRM_fixed (png, info, c[0], c[1], c[2], c[3], c[4], c[5],
                            c[6], c[7]);
      else
        fail ("unknown option %s", o);
    }
  png_write_info (png, info);
  for (y = 0; y < height; y++)
    {
      for (x = 0; x < width * 3; x++)
        row[x]
            = (unsigned char)((x * 5 + y * 3 + (x % 3) * 70
                               + ((x / 3 > width / 4 && y < height / 3) ? 120
                                                                        : 0))
                              & 255);
      png_write_row (png, row);
    }
  png_write_end (png, NULL);
  png_destroy_write_struct (&png, &info);
  if (fclose (file) != 0)
    fail ("%s: cannot write", out);
  free (row);
  free (profile);
  return 0;
}

/* Prints PATH's colour chunks, one line each, in the order iCCP, sRGB,
 * gAMA, cHRM, eXIf, and writes the profile to ICC_OUT when it has one. */
static int
command_chunks (const char *path, const char *icc_out)
{
  FILE *file = fopen (path, "rb");
  png_structp png;
  png_infop info;
  png_charp name;
  png_bytep data;
  png_uint_32 length;
  png_fixed_point g, c[8];
  int compression, intent;

  if (file == NULL)
    fail ("%s: cannot open", path);
  png = png_create_read_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  info = png_create_info_struct (png);
  if (setjmp (png_jmpbuf (png)))
    fail ("%s: libpng failed", path);
  png_init_io (png, file);
  png_read_info (png, info);
  if (png_get_iCCP (png, info, &name, &compression, &data, &length))
    {
      printf ("iCCP %lu\n", (unsigned long)length);
      if (icc_out != NULL)
        spill (icc_out, data, length);
    }
  if (png_get_sRGB (png, info, &intent))
    printf ("sRGB %d\n", intent);
  if (png_get_gAMA_fixed (png, info, &g))
    printf ("gAMA %d\n", (int)g);
  if (png_get_cHRM_fixed (png, info, &c[0], &c[1], &c[2], &c[3], &c[4], &c[5],
                          &c[6], &c[7]))
    printf ("cHRM %d,%d,%d,%d,%d,%d,%d,%d\n", (int)c[0], (int)c[1], (int)c[2],
            (int)c[3], (int)c[4], (int)c[5], (int)c[6], (int)c[7]);
  if (png_get_eXIf_1 (png, info, &length, &data))
    printf ("eXIf %lu\n", (unsigned long)length);
  png_destroy_read_struct (&png, &info, NULL);
  fclose (file);
  return 0;
}

/* Sets the width and height of IN's first frame header (SOF0 to SOF2). */
static int
command_jpeg_size (const char *in, const char *out, int width, int height)
{
  size_t size, i = 2;
  unsigned char *jpeg = slurp (in, &size);

  while (i + 9 < size && jpeg[i] == 0xff)
    {
      if (jpeg[i + 1] >= 0xc0 && jpeg[i + 1] <= 0xc2)
        {
          put16 (jpeg + i + 5, (unsigned)height);
          put16 (jpeg + i + 7, (unsigned)width);
          spill (out, jpeg, size);
          free (jpeg);
          return 0;
        }
      i += 2 + ((size_t)jpeg[i + 2] << 8 | jpeg[i + 3]);
    }
  fail ("%s: no frame header before the scan", in);
  return 1;
}

/* Bits written the deflate way: from the least significant bit of each
 * byte up. */
typedef struct
{
  unsigned char *data;
  size_t bytes;
  int bit;
} Bits;

static void
bits_put (Bits *b, unsigned value, int count)
{
  int i;

  for (i = 0; i < count; i++)
    {
      if (b->bit == 0)
        b->data[b->bytes] = 0;
      b->data[b->bytes] |= (unsigned char)(((value >> i) & 1) << b->bit);
      if (++b->bit == 8)
        b->bit = 0, b->bytes++;
    }
}

/* A Huffman code: its bits from the first sent. */
static void
bits_code (Bits *b, const char *code)
{
  for (; *code != '\0'; code++)
    bits_put (b, (unsigned)(*code - '0'), 1);
}

/* BITS zero bits. */
static void
bits_zeros (Bits *b, uint64_t bits)
{
  while (bits > 0 && b->bit != 0)
    bits_put (b, 0, 1), bits--;
  memset (b->data + b->bytes, 0, (size_t)(bits / 8));
  b->bytes += (size_t)(bits / 8);
  bits_put (b, 0, (int)(bits % 8));
}

static void
png_chunk (FILE *file, const char *type, const unsigned char *data,
           size_t length)
{
  unsigned char head[8];
  uLong crc = crc32 (0, (const Bytef *)type, 4);

  put32 (head, (uint32_t)length);
  memcpy (head + 4, type, 4);
  if (length > 0)
    crc = crc32 (crc, data, (uInt)length);
  fwrite (head, 1, 8, file);
  fwrite (data, 1, length, file);
  put32 (head, (uint32_t)crc);
  fwrite (head, 1, 4, file);
}

/* An RGB PNG of WIDTH x HEIGHT black pixels.  The zlib stream holds one
 * dynamic block: code lengths 2 for literal 0 and end of block, 1 for
 * length 258 and for distance 1; a literal 0, then matches of 258 bytes,
 * then literals for the rest. */
static int
command_black_png (const char *out, int width, int height)
{
  static const unsigned char signature[8]
      = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  /* The code length code lengths in their sending order 16, 17, 18, 0,
     8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1: 18 gets 1, 2 and 1
     get 2, so 18 is "0", 1 is "10", 2 is "11". */
  static const unsigned order_lengths[18]
      = { 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2 };
  uint64_t n = (uint64_t)height * (1 + 3 * (uint64_t)width);
  uint64_t matches = (n - 1) / 258, rest = (n - 1) % 258, i;
  unsigned char ihdr[13];
  Bits b = { NULL, 0, 0 };
  FILE *file = fopen (out, "wb");
  size_t at;

  b.data = malloc ((size_t)(matches / 4) + 1024);
  if (file == NULL || b.data == NULL)
    fail ("%s: cannot create", out);
  b.data[b.bytes++] = 0x78; /* zlib: deflate, 32K window */
  b.data[b.bytes++] = 0x01;
  bits_put (&b, 1, 1);  /* the last block */
  bits_put (&b, 2, 2);  /* dynamic Huffman codes */
  bits_put (&b, 29, 5); /* 286 literal/length codes */
  bits_put (&b, 0, 5);  /* 1 distance code */
  bits_put (&b, 14, 4); /* 18 code length codes */
  for (i = 0; i < 18; i++)
    bits_put (&b, order_lengths[i], 3);
  bits_code (&b, "11"); /* literal 0: length 2 */
  bits_code (&b, "0");  /* literals 1 to 138: 0 */
  bits_put (&b, 138 - 11, 7);
  bits_code (&b, "0"); /* literals 139 to 255: 0 */
  bits_put (&b, 117 - 11, 7);
  bits_code (&b, "11"); /* end of block: length 2 */
  bits_code (&b, "0");  /* lengths 257 to 284: 0 */
  bits_put (&b, 28 - 11, 7);
  bits_code (&b, "10"); /* length 258 (code 285): length 1 */
  bits_code (&b, "10"); /* distance 1: length 1 */
  /* Literal 0 is "10", length 258 "0", distance 1 "0", end "11". */
  bits_code (&b, "10");
  bits_zeros (&b, 2 * matches);
  for (i = 0; i < rest; i++)
    bits_code (&b, "10");
  bits_code (&b, "11");
  if (b.bit != 0)
    b.bytes++;
  /* Adler-32 of N zero bytes: A stays 1, B adds it N times. */
  put32 (b.data + b.bytes, (uint32_t)((n % 65521) << 16 | 1));
  b.bytes += 4;

  put32 (ihdr, (uint32_t)width);
  put32 (ihdr + 4, (uint32_t)height);
  ihdr[8] = 8;
  ihdr[9] = 2;
  ihdr[10] = ihdr[11] = ihdr[12] = 0;
  fwrite (signature, 1, 8, file);
  png_chunk (file, "IHDR", ihdr, 13);
  for (at = 0; at < b.bytes; at += 1 << 20)
    png_chunk (file, "IDAT", b.data + at,
               b.bytes - at < (1 << 20) ? b.bytes - at : (1 << 20));
  png_chunk (file, "IEND", NULL, 0);
  if (fclose (file) != 0)
    fail ("%s: cannot write", out);
  free (b.data);
  return 0;
}

/* An 8-bit PNG through libpng's simplified API, in its own channels. */
static unsigned char *
load_png (const char *path, png_image *image)
{
  unsigned char *pixels;

  memset (image, 0, sizeof *image);
  image->version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file (image, path))
    fail ("%s: cannot read PNG", path);
  image->format &= ~(png_uint_32)PNG_FORMAT_FLAG_LINEAR;
  pixels = malloc (PNG_IMAGE_SIZE (*image));
  if (pixels == NULL || !png_image_finish_read (image, NULL, pixels, 0, NULL))
    fail ("%s: cannot decode PNG", path);
  return pixels;
}

/* Whether SHOWN is STORED as a viewer shows it with Exif orientation
 * ORIENTATION: the stored image transposed (5 to 8), then mirrored left
 * to right and top to bottom as the orientation says. */
static int
command_turned (const char *stored_path, const char *shown_path,
                int orientation)
{
  static const int transpose[9] = { 0, 0, 0, 0, 0, 1, 1, 1, 1 };
  static const int mirror_x[9] = { 0, 0, 1, 1, 0, 0, 1, 1, 0 };
  static const int mirror_y[9] = { 0, 0, 0, 1, 1, 0, 0, 1, 1 };
  png_image stored, shown;
  unsigned char *s = load_png (stored_path, &stored);
  unsigned char *t = load_png (shown_path, &shown);
  int channels = (int)PNG_IMAGE_PIXEL_CHANNELS (stored.format);
  int w = (int)stored.width, h = (int)stored.height;
  int tw = transpose[orientation] ? h : w, th = transpose[orientation] ? w : h;
  int x, y;

  if ((int)shown.width != tw || (int)shown.height != th
      || shown.format != stored.format)
    fail ("%s: not the size or layout of the turned image", shown_path);
  for (y = 0; y < th; y++)
    for (x = 0; x < tw; x++)
      {
        /* (u, v): the pixel of the transposed stored image. */
        int u = mirror_x[orientation] ? tw - 1 - x : x;
        int v = mirror_y[orientation] ? th - 1 - y : y;
        int sx = transpose[orientation] ? v : u;
        int sy = transpose[orientation] ? u : v;

        if (memcmp (t + ((size_t)y * tw + x) * channels,
                    s + ((size_t)sy * w + sx) * channels, (size_t)channels)
            != 0)
          fail ("%s: a pixel is not where the orientation puts it",
                shown_path);
      }
  free (s);
  free (t);
  return 0;
}

int
main (int argc, char **argv)
{
  const char *command = argc > 1 ? argv[1] : "";

  if (strcmp (command, "jpeg-exif") == 0 && argc == 5)
    return command_jpeg_exif (argv[2], argv[3], atoi (argv[4]));
  if (strcmp (command, "jpeg-icc") == 0 && argc == 6)
    return command_jpeg_icc (argv[2], argv[3], argv[4],
                             (size_t)atoi (argv[5]));
  if (strcmp (command, "icc") == 0 && argc == 4)
    return command_icc (argv[2], argv[3]);
  if (strcmp (command, "png") == 0 && argc >= 5)
    return command_png (argv[2], atoi (argv[3]), atoi (argv[4]), argv + 5,
                        argc - 5);
  if (strcmp (command, "chunks") == 0 && (argc == 3 || argc == 4))
    return command_chunks (argv[2], argc == 4 ? argv[3] : NULL);
  if (strcmp (command, "jpeg-size") == 0 && argc == 6)
    return command_jpeg_size (argv[2], argv[3], atoi (argv[4]),
                              atoi (argv[5]));
  if (strcmp (command, "black-png") == 0 && argc == 5)
    return command_black_png (argv[2], atoi (argv[3]), atoi (argv[4]));
  if (strcmp (command, "turned") == 0 && argc == 5 && atoi (argv[4]) >= 1
      && atoi (argv[4]) <= 8)
    return command_turned (argv[2], argv[3], atoi (argv[4]));
  fprintf (stderr,
           "usage: cli-meta jpeg-exif IN OUT ORIENTATION | jpeg-icc IN OUT "
           "PROFILE CHUNK | icc OUT rgb|gray | png OUT W H [gamma=N] "
           "[chrm=8 numbers] [srgb=I] [icc=FILE] [exif=O] | chunks PNG "
           "[ICC_OUT] | jpeg-size IN OUT W H | black-png OUT W H | turned "
           "STORED.png SHOWN.png ORIENTATION\n");
  return 1;
}
