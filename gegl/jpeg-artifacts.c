/* jpeg-artifacts.c: the GEGL operation ja:jpeg-artifacts, the codec as a
 * filter that GEGL's programs run: GIMP 3's non-destructive filters,
 * GIMP 2.10's GEGL tool and the gegl command-line program.  Its properties
 * are the look's settings (quality, generations, subsampling, DCT, the
 * decoder, quality jitter, grid drift, seed, grid offset, schedule,
 * saturation, contrast, sharpening); they become the codec's settings as
 * the plug-in's values do (ja_values_to_settings), with the layer's own
 * colours under transparency, so the pixels are the command-line tool's.
 *
 * A whole-image filter: every generation depends on the whole 8x8 grid, so any
 * part of the output asks for the whole input, and the result is cached whole.
 * The input is read as 8-bit gamma-encoded values through babl ("R'G'B'A u8",
 * "R'G'B' u8" for input without alpha, "Y'A u8" or "Y' u8" for gray input,
 * which is encoded as a one-component gray JPEG as the plug-in does for gray
 * layers), in the input's own colour space; alpha comes out as it went in.
 * An input with alpha of more than 8 bits a component (GIMP 3's 16-bit,
 * 32-bit and floating-point layers) comes out in floating point ("R'G'B'A
 * float", "Y'A float"): the colours the codec's 8-bit values, the alpha
 * the input's own, read again band by band, so that it keeps its finer
 * steps, as the plug-in keeps a deep layer's alpha.  Progress
 * is reported per generation (gegl_operation_progress); GEGL 0.4 gives an
 * operation no way to learn that its caller gave up, so a run, once started,
 * runs to its end.  An input without bounds (an infinite plane) or larger than
 * the codec's 65535 pixels a side passes through unchanged, as does one when
 * the schedule text cannot be read (a warning says why).
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

/* GEGL's property language: kept as GEGL writes it. */
/* clang-format off */
#ifdef GEGL_PROPERTIES

enum_start (ja_jpeg_artifacts_subsampling)
  enum_value (JA_GEGL_SUBSAMPLING_444, "444", N_ ("4:4:4 (best quality)"))
  enum_value (JA_GEGL_SUBSAMPLING_422, "422", N_ ("4:2:2 horizontal"))
  enum_value (JA_GEGL_SUBSAMPLING_420, "420", N_ ("4:2:0 (smallest file)"))
  enum_value (JA_GEGL_SUBSAMPLING_440, "440", N_ ("4:4:0 vertical"))
  enum_value (JA_GEGL_SUBSAMPLING_411, "411", N_ ("4:1:1"))
enum_end (JaJpegArtifactsSubsampling)

enum_start (ja_jpeg_artifacts_dct)
  enum_value (JA_GEGL_DCT_ACCURATE, "accurate", N_ ("Accurate integer"))
  enum_value (JA_GEGL_DCT_FAST, "fast", N_ ("Fast integer"))
  enum_value (JA_GEGL_DCT_FLOAT, "float", N_ ("Floating point"))
enum_end (JaJpegArtifactsDct)

enum_start (ja_jpeg_artifacts_decode)
  enum_value (JA_GEGL_DECODE_VIEWERS, "viewers", N_ ("Viewers (libjpeg-turbo)"))
  enum_value (JA_GEGL_DECODE_GIMP, "gimp", N_ ("GIMP"))
enum_end (JaJpegArtifactsDecode)

property_int (quality, _ ("Quality"), 75)
  description (_ ("JPEG quality of every save"))
  value_range (1, 100)

property_int (generations, _ ("Generations"), 1)
  description (_ ("How many times the image is saved and opened again"))
  value_range (1, 1000)
  ui_range (1, 100)

property_enum (subsampling, _ ("Subsampling"), JaJpegArtifactsSubsampling,
               ja_jpeg_artifacts_subsampling, JA_GEGL_SUBSAMPLING_420)
  description (_ ("Chroma subsampling of colour images"))

property_enum (dct, _ ("DCT method"), JaJpegArtifactsDct,
               ja_jpeg_artifacts_dct, JA_GEGL_DCT_ACCURATE)
  description (_ ("The encoder's forward DCT"))

property_enum (decode, _ ("Decode as"), JaJpegArtifactsDecode,
               ja_jpeg_artifacts_decode, JA_GEGL_DECODE_VIEWERS)
  description (_ ("Each generation's decoder: libjpeg-turbo's default, as "
                  "viewers decode, or GIMP's own JPEG loader"))

property_int (jitter, _ ("Quality jitter"), 0)
  description (_ ("Each generation's quality is the quality plus a random "
                  "amount from -jitter to +jitter"))
  value_range (0, 50)

property_int (drift, _ ("Grid drift"), 0)
  description (_ ("Each generation's 8x8 grid moves by a random 0 to "
                  "drift pixels"))
  value_range (0, 7)

property_seed (seed, _ ("Random seed"), rand)
  description (_ ("Seed of the quality jitter and the grid drift"))

property_int (offset_x, _ ("Grid offset X"), 0)
  description (_ ("Where the input's x = 0 lies in the image: the 8x8 grid "
                  "starts at the image's origin, so a layer passes its "
                  "offset"))
  value_range (-524288, 524288)
  ui_range (0, 15)

property_int (offset_y, _ ("Grid offset Y"), 0)
  description (_ ("Where the input's y = 0 lies in the image: the 8x8 grid "
                  "starts at the image's origin, so a layer passes its "
                  "offset"))
  value_range (-524288, 524288)
  ui_range (0, 15)

property_string (schedule, _ ("Schedule"), "")
  description (_ ("A step for each generation, separated by ';', as the "
                  "plug-in's schedule: q75 quality, 444 422 420 440 411, "
                  "x0.5 scale, nearest bilinear bicubic lanczos, sat1.2, "
                  "con1.1, sharp0.5, *3 repeats"))

property_double (saturation, _ ("Saturation"), 1.0)
  description (_ ("Before every save, colours move away from grey by this "
                  "factor (1 keeps them)"))
  value_range (0.0, 4.0)
  ui_range (0.0, 2.0)

property_double (contrast, _ ("Contrast"), 1.0)
  description (_ ("Before every save, values move away from the middle by "
                  "this factor (1 keeps them)"))
  value_range (0.0, 4.0)
  ui_range (0.0, 2.0)

property_double (sharpen, _ ("Sharpen"), 0.0)
  description (_ ("Before every save, an unsharp mask of this amount (0 "
                  "keeps the image)"))
  value_range (0.0, 4.0)
  ui_range (0.0, 2.0)

#else

#define GEGL_OP_FILTER
#define GEGL_OP_NAME jpeg_artifacts
#define GEGL_OP_C_SOURCE jpeg-artifacts.c

#include <gegl-op.h>
/* clang-format on */

#include <string.h>

#include "jart.h"
#include "locale-dir.h"
#include "values.h"

/* The operation's translations live in the project's domain: bound when
 * GEGL loads the module, before the properties' labels are read. */
__attribute__ ((constructor)) static void
ja_gegl_bind_domain (void)
{
  bindtextdomain (GETTEXT_PACKAGE, ja_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}

/* Whether FORMAT holds gray values (a Y, Y' or Y~ model). */
static gboolean
ja_gegl_format_is_gray (const Babl *format)
{
  const char *model;

  if (format == NULL)
    return FALSE;
  model = babl_get_name (babl_format_get_model (format));
  return model != NULL && model[0] == 'Y';
}

/* The format the pixels go to the codec in: 8-bit gamma-encoded, gray
 * for gray input, with alpha when the input has it, in the input's colour
 * space. */
static const Babl *
ja_gegl_codec_format (GeglOperation *operation)
{
  const Babl *source = gegl_operation_get_source_format (operation, "input");
  gboolean gray = ja_gegl_format_is_gray (source);
  gboolean alpha = source == NULL || babl_format_has_alpha (source);

  return babl_format_with_space (gray ? (alpha ? "Y'A u8" : "Y' u8")
                                      : (alpha ? "R'G'B'A u8" : "R'G'B' u8"),
                                 source);
}

/* The format of the output: CODEC (ja_gegl_codec_format), or for input
 * with alpha of more than 8 bits a component, the same in floating point,
 * whose alpha keeps the input's. */
static const Babl *
ja_gegl_output_format (GeglOperation *operation, const Babl *codec)
{
  const Babl *source = gegl_operation_get_source_format (operation, "input");

  if (source == NULL || !babl_format_has_alpha (source)
      || babl_format_get_bytes_per_pixel (source)
             <= babl_format_get_n_components (source))
    return codec;
  return babl_format_with_space (
      ja_gegl_format_is_gray (source) ? "Y'A float" : "R'G'B'A float", source);
}

static void
prepare (GeglOperation *operation)
{
  const Babl *codec = ja_gegl_codec_format (operation);

  gegl_operation_set_format (operation, "input", codec);
  gegl_operation_set_format (operation, "output",
                             ja_gegl_output_format (operation, codec));
}

/* The whole input: every generation depends on the whole grid. */
static GeglRectangle
get_required_for_output (GeglOperation *operation, const gchar *input_pad,
                         const GeglRectangle *roi)
{
  const GeglRectangle *in
      = gegl_operation_source_get_bounding_box (operation, "input");

  (void)input_pad;
  if (in == NULL || gegl_rectangle_is_infinite_plane (in))
    return *roi;
  return *in;
}

static GeglRectangle
get_cached_region (GeglOperation *operation, const GeglRectangle *roi)
{
  const GeglRectangle *in
      = gegl_operation_source_get_bounding_box (operation, "input");

  if (in == NULL || gegl_rectangle_is_infinite_plane (in))
    return *roi;
  return *in;
}

/* The codec's settings for the properties, as the plug-in makes them from
 * its values for a layer with CHANNELS channels whose first column and row
 * are X and Y in the image. */
static JartStatus
ja_gegl_settings (GeglProperties *o, int x, int y, int channels,
                  JartSettings *settings, size_t *error_at)
{
  static const uint8_t white[3] = { 255, 255, 255 };
  JaValues values;
  JartStatus status;

  ja_values_init (&values);
  values.quality = o->quality;
  values.generations = o->generations;
  values.subsampling = o->subsampling;
  values.dct = o->dct;
  values.decode_as = o->decode;
  values.quality_jitter = o->jitter;
  values.grid_drift = o->drift;
  values.seed = o->seed;
  values.grid_anchor = JA_ANCHOR_IMAGE;
  values.transparency = JA_TRANSPARENCY_OWN;
  values.saturation = o->saturation;
  values.contrast = o->contrast;
  values.sharpen = o->sharpen;
  g_strlcpy (values.schedule, o->schedule != NULL ? o->schedule : "",
             sizeof values.schedule);
  status
      = ja_values_to_settings (&values, NULL, x, y, channels, white, settings);
  if (status != JART_OK && error_at != NULL)
    {
      JartStep step;
      JartSettings scratch;

      ja_values_default_step (&values, NULL, &step);
      jart_settings_init (&scratch);
      jart_steps_parse (values.schedule, &step, &scratch, error_at);
    }
  return status;
}

static int
ja_gegl_progress (double fraction, void *user_data)
{
  gegl_operation_progress (GEGL_OPERATION (user_data), fraction, "");
  return 0;
}

/* The rows of the floating-point output written at a time: about 4 MiB. */
#define DEEP_BAND_BYTES (4u << 20)

/* Writes the codec's IMAGE (8-bit, its alpha last) to OUTPUT over AREA in
 * FORMAT, floating point with the same components: the colours IMAGE's
 * values over 255, the alpha INPUT's own, read in FORMAT band by band.
 * FALSE when there is no memory for a band. */
static gboolean
ja_gegl_set_deep (GeglBuffer *input, GeglBuffer *output,
                  const GeglRectangle *area, const Babl *format,
                  const JartImage *image)
{
  const int n = image->channels;
  const size_t row = (size_t)area->width * (size_t)n;
  const int rows = (int)CLAMP (DEEP_BAND_BYTES / (row * sizeof (float)), 1,
                               (size_t)area->height);
  float *band = g_try_malloc (row * sizeof (float) * (size_t)rows);
  float level[256]; /* each 8-bit value over 255 */
  int y, r, x, c;

  if (band == NULL)
    return FALSE;
  for (c = 0; c < 256; c++)
    level[c] = c / 255.0f;
  for (y = 0; y < area->height; y += rows)
    {
      GeglRectangle part = { area->x, area->y + y, area->width,
                             MIN (rows, area->height - y) };

      gegl_buffer_get (input, &part, 1.0, format, band,
                       (gint)(row * sizeof (float)), GEGL_ABYSS_NONE);
      for (r = 0; r < part.height; r++)
        {
          const uint8_t *in = image->pixels + (size_t)(y + r) * image->stride;
          float *out = band + (size_t)r * row;

          /* The colours; the alpha, last, stays the input's. */
          for (x = 0; x < area->width; x++, in += n, out += n)
            for (c = 0; c < n - 1; c++)
              out[c] = level[in[c]];
        }
      gegl_buffer_set (output, &part, 0, format, band,
                       (gint)(row * sizeof (float)));
    }
  g_free (band);
  return TRUE;
}

static gboolean
process (GeglOperation *operation, GeglBuffer *input, GeglBuffer *output,
         const GeglRectangle *result, gint level)
{
  GeglProperties *o = GEGL_PROPERTIES (operation);
  /* The codec's format, and the output's: the same, or floating point
     for a deep alpha (ja_gegl_output_format). */
  const Babl *format = gegl_operation_get_format (operation, "input");
  const Babl *out_format = gegl_operation_get_format (operation, "output");
  const GeglRectangle *in
      = gegl_operation_source_get_bounding_box (operation, "input");
  GeglRectangle area;
  JartSettings settings;
  JartCallbacks callbacks;
  JartImage image;
  JartStatus status;
  size_t error_at = 0;

  (void)level;
  if (in == NULL || gegl_rectangle_is_infinite_plane (in)
      || in->width > JART_MAX_DIMENSION || in->height > JART_MAX_DIMENSION
      || in->width < 1 || in->height < 1)
    {
      gegl_buffer_copy (input, result, GEGL_ABYSS_NONE, output, result);
      return TRUE;
    }
  area = *in;

  image.channels = babl_format_get_n_components (format);
  image.width = area.width;
  image.height = area.height;
  image.stride = (size_t)area.width * (size_t)image.channels;
  /* The input may start past the buffer's origin (GIMP 3 gives a filter
     the selection's bounding box): its first column is OFFSET_X + AREA.X
     in the image, where the grid is. */
  status = ja_gegl_settings (o, o->offset_x + area.x, o->offset_y + area.y,
                             image.channels, &settings, &error_at);
  if (status != JART_OK)
    {
      g_warning ("ja:jpeg-artifacts: schedule \"%s\" at byte %zu: %s",
                 o->schedule, error_at, jart_strerror (status));
      gegl_buffer_copy (input, &area, GEGL_ABYSS_NONE, output, &area);
      return TRUE;
    }
  image.pixels = g_try_malloc (image.stride * (size_t)area.height);
  if (image.pixels == NULL)
    {
      g_warning ("ja:jpeg-artifacts: %s",
                 jart_strerror (JART_ERROR_NO_MEMORY));
      gegl_buffer_copy (input, &area, GEGL_ABYSS_NONE, output, &area);
      return TRUE;
    }

  gegl_buffer_get (input, &area, 1.0, format, image.pixels, (gint)image.stride,
                   GEGL_ABYSS_NONE);
  memset (&callbacks, 0, sizeof callbacks);
  callbacks.progress = ja_gegl_progress;
  callbacks.user_data = operation;
  gegl_operation_progress (operation, 0.0, "");
  status = jart_run (&image, &image, &settings, &callbacks, NULL);
  if (status == JART_OK && out_format != format
      && !ja_gegl_set_deep (input, output, &area, out_format, &image))
    status = JART_ERROR_NO_MEMORY;
  if (status != JART_OK)
    {
      g_warning ("ja:jpeg-artifacts: %s", jart_strerror (status));
      gegl_buffer_copy (input, &area, GEGL_ABYSS_NONE, output, &area);
    }
  else if (out_format == format)
    gegl_buffer_set (output, &area, 0, format, image.pixels,
                     (gint)image.stride);
  gegl_operation_progress (operation, 1.0, "");
  g_free (image.pixels);
  return TRUE;
}

static void
gegl_op_class_init (GeglOpClass *klass)
{
  GeglOperationClass *operation_class = GEGL_OPERATION_CLASS (klass);
  GeglOperationFilterClass *filter_class = GEGL_OPERATION_FILTER_CLASS (klass);

  operation_class->prepare = prepare;
  operation_class->get_required_for_output = get_required_for_output;
  operation_class->get_cached_region = get_cached_region;
  operation_class->threaded = FALSE;
  operation_class->want_in_place = FALSE;
  filter_class->process = process;

  gegl_operation_class_set_keys (
      operation_class, "name", "ja:jpeg-artifacts", "title",
      _ ("JPEG Artifacts"), "categories", "distort", "description",
      _ ("Makes the image look as if it had been saved as a JPEG file, "
         "once or many times over: the exact pixels libjpeg-turbo gives"),
      NULL);
}

#endif
