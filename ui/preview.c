/* preview.c: the JaPreview widget (see preview.h).
 *
 * The layer and the result are each kept as one cairo image surface in
 * premultiplied ARGB32, built once per new result, and the difference view
 * as a third, built from a copy of the result's pixels the first time it
 * is drawn after the result or the view changed; drawing paints the
 * checkerboard as a repeating pattern anchored at the layer's on-screen
 * origin and then the surface, scaled by the zoom with nearest-neighbour
 * filtering at 100 % and above (so one layer pixel is an exact square of
 * screen pixels) and a smoothing filter below.  The view is described by
 * the layer point under the widget's centre, kept inside the layer when it
 * is larger than the widget and centred when it is smaller.
 *
 * Copyright (C) 2026 The JPEG Artifacts for GIMP authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "preview-surface.h"
#include "preview.h"

/* How near the divider, in screen pixels, a press grabs it. */
#define DIVIDER_GRAB 6
/* How far one arrow key or scroll step pans, in screen pixels. */
#define PAN_STEP 48

typedef enum
{
  DRAG_NONE,
  DRAG_PAN,
  DRAG_DIVIDER
} DragMode;

struct _JaPreview
{
  GtkDrawingArea parent_instance;

  JartImage original;
  const guint8 *selection;
  int check_size; /* in screen pixels */
  guint8 check_light;
  guint8 check_dark;
  gboolean has_alpha;

  cairo_surface_t *original_surface;
  cairo_surface_t *result_surface; /* NULL: no result yet */
  guint8 *result_pixels;           /* packed, as ja_preview_set_result got */
  cairo_surface_t *difference_surface; /* NULL: not built for this result */
  gboolean difference;
  gboolean stale;
  char *badge;

  int zoom;        /* JA_PREVIEW_ZOOM_FIT or a percentage */
  double center_x; /* the layer point under the widget's centre */
  double center_y;
  gboolean split;
  double split_position;
  gboolean show_original;
  gboolean grid;
  int grid_dx;
  int grid_dy;

  DragMode drag;
  double press_x;
  double press_y;
  double press_center_x;
  double press_center_y;
};

enum
{
  SIGNAL_ZOOM_CHANGED,
  N_SIGNALS
};

static guint preview_signals[N_SIGNALS];

G_DEFINE_TYPE (JaPreview, ja_preview, GTK_TYPE_DRAWING_AREA)

/* The shades of GIMP's check types, light then dark, as GIMP 2.10's
 * gimp_checks_get_shades gives them. */
static const guint8 check_shades[6][2] = {
  { 255, 204 }, { 153, 102 }, { 51, 0 }, { 255, 255 }, { 127, 127 }, { 0, 0 },
};

static const int zoom_levels[] = { 100, 200, 400, 800 };

/* The difference view of the result: the result, blended through the
 * selection as fill_surface does, against the original (jart_difference);
 * opaque. */
static cairo_surface_t *
difference_surface_new (JaPreview *preview)
{
  const JartImage *o = &preview->original;
  cairo_surface_t *surface
      = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, o->width, o->height);
  int channels = o->channels;
  int colours = channels == 2 || channels == 4 ? channels - 1 : channels;
  int surface_stride = cairo_image_surface_get_stride (surface);
  JartImage diff = { NULL, o->width, o->height, channels,
                     (size_t)o->width * (size_t)channels };
  guint8 *data;
  int x, y, c;

  diff.pixels = g_memdup2 (preview->result_pixels, diff.stride * o->height);
  for (y = 0; preview->selection != NULL && y < o->height; y++)
    {
      guint8 *r = diff.pixels + (size_t)y * diff.stride;
      const guint8 *orig = o->pixels + (size_t)y * o->stride;
      const guint8 *m = preview->selection + (size_t)y * o->width;

      for (x = 0; x < o->width; x++)
        for (c = 0; m[x] != 255 && c < colours; c++)
          r[x * channels + c] = (r[x * channels + c] * m[x]
                                 + orig[x * channels + c] * (255 - m[x]) + 127)
                                / 255;
    }
  jart_difference (&diff, o, &diff);

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (y = 0; y < o->height; y++)
    {
      const guint8 *d = diff.pixels + (size_t)y * diff.stride;
      guint32 *dst = (guint32 *)(data + (size_t)y * surface_stride);

      for (x = 0; x < o->width; x++)
        {
          const guint8 *px = d + (size_t)x * channels;
          guint32 g = colours == 1 ? px[0] : px[1],
                  b = colours == 1 ? px[0] : px[2];

          dst[x] = 0xff000000u | (guint32)px[0] << 16 | g << 8 | b;
        }
    }
  cairo_surface_mark_dirty (surface);
  g_free (diff.pixels);
  return surface;
}

static double
fit_scale (JaPreview *preview)
{
  GtkWidget *widget = GTK_WIDGET (preview);
  double sx = (double)gtk_widget_get_allocated_width (widget)
              / preview->original.width;
  double sy = (double)gtk_widget_get_allocated_height (widget)
              / preview->original.height;

  return MAX (MIN (sx, sy), 1e-3);
}

static double
current_scale (JaPreview *preview)
{
  return preview->zoom == JA_PREVIEW_ZOOM_FIT ? fit_scale (preview)
                                              : preview->zoom / 100.0;
}

/* Keeps the view inside the layer. */
static void
clamp_center (JaPreview *preview)
{
  GtkWidget *widget = GTK_WIDGET (preview);
  double scale = current_scale (preview);
  double view_w = gtk_widget_get_allocated_width (widget) / scale;
  double view_h = gtk_widget_get_allocated_height (widget) / scale;
  double w = preview->original.width, h = preview->original.height;

  if (view_w >= w)
    preview->center_x = w / 2;
  else
    preview->center_x = CLAMP (preview->center_x, view_w / 2, w - view_w / 2);
  if (view_h >= h)
    preview->center_y = h / 2;
  else
    preview->center_y = CLAMP (preview->center_y, view_h / 2, h - view_h / 2);
}

/* The layer's origin on screen, whole pixels so blocks stay aligned. */
static void
layer_origin (JaPreview *preview, double *ox, double *oy)
{
  GtkWidget *widget = GTK_WIDGET (preview);
  double scale = current_scale (preview);

  *ox = floor (gtk_widget_get_allocated_width (widget) / 2.0
               - preview->center_x * scale + 0.5);
  *oy = floor (gtk_widget_get_allocated_height (widget) / 2.0
               - preview->center_y * scale + 0.5);
}

static double
divider_x (JaPreview *preview)
{
  return floor (preview->split_position
                    * gtk_widget_get_allocated_width (GTK_WIDGET (preview))
                + 0.5);
}

static void
draw_checks (JaPreview *preview, cairo_t *cr, double ox, double oy)
{
  int size = preview->check_size;
  cairo_surface_t *tile
      = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 2 * size, 2 * size);
  cairo_t *tcr = cairo_create (tile);
  cairo_pattern_t *pattern;

  cairo_set_source_rgb (tcr, preview->check_light / 255.0,
                        preview->check_light / 255.0,
                        preview->check_light / 255.0);
  cairo_paint (tcr);
  cairo_set_source_rgb (tcr, preview->check_dark / 255.0,
                        preview->check_dark / 255.0,
                        preview->check_dark / 255.0);
  cairo_rectangle (tcr, size, 0, size, size);
  cairo_rectangle (tcr, 0, size, size, size);
  cairo_fill (tcr);
  cairo_destroy (tcr);

  pattern = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_NEAREST);
  cairo_save (cr);
  cairo_translate (cr, ox, oy);
  cairo_set_source (cr, pattern);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_pattern_destroy (pattern);
  cairo_surface_destroy (tile);
}

static void
draw_surface (JaPreview *preview, cairo_t *cr, cairo_surface_t *surface,
              double ox, double oy, double scale)
{
  cairo_save (cr);
  cairo_translate (cr, ox, oy);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), scale >= 1.0
                                                       ? CAIRO_FILTER_NEAREST
                                                       : CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
  (void)preview;
}

/* The 8x8 grid, drawn where a block is at least 4 screen pixels wide. */
static void
draw_grid (JaPreview *preview, cairo_t *cr, double ox, double oy, double scale,
           double clip_x1, double clip_x2)
{
  int w = preview->original.width, h = preview->original.height;
  int x, y;

  if (scale * 8 < 4)
    return;
  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  cairo_set_source_rgba (cr, 0.0, 0.85, 1.0, 0.7);
  for (x = (8 - preview->grid_dx % 8) % 8; x <= w; x += 8)
    {
      double sx = ox + x * scale;

      if (sx < clip_x1 - 1 || sx > clip_x2 + 1)
        continue;
      cairo_move_to (cr, sx + 0.5, oy);
      cairo_line_to (cr, sx + 0.5, oy + h * scale);
    }
  for (y = (8 - preview->grid_dy % 8) % 8; y <= h; y += 8)
    {
      double sy = oy + y * scale;

      cairo_move_to (cr, MAX (ox, clip_x1), sy + 0.5);
      cairo_line_to (cr, MIN (ox + w * scale, clip_x2), sy + 0.5);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A rounded label with TEXT, its top-left corner at (X, Y); ALIGN_RIGHT
 * puts its top-right corner there instead. */
static void
draw_badge (JaPreview *preview, cairo_t *cr, const char *text, double x,
            double y, gboolean align_right)
{
  PangoLayout *layout
      = gtk_widget_create_pango_layout (GTK_WIDGET (preview), text);
  int tw, th;
  double pad = 5, r = 4, w, h;

  pango_layout_get_pixel_size (layout, &tw, &th);
  w = tw + 2 * pad;
  h = th + 2 * pad;
  if (align_right)
    x -= w;
  cairo_save (cr);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.7);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, x + pad, y + pad);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  g_object_unref (layout);
}

/* Draws the part of the view between screen columns X1 and X2 from
 * SURFACE, veiled when VEIL. */
static void
draw_part (JaPreview *preview, cairo_t *cr, cairo_surface_t *surface,
           gboolean veil, double x1, double x2, double ox, double oy,
           double scale)
{
  double w = preview->original.width * scale;
  double h = preview->original.height * scale;
  double left = MAX (x1, ox), right = MIN (x2, ox + w);

  if (right <= left)
    return;
  cairo_save (cr);
  cairo_rectangle (cr, left, oy, right - left, h);
  cairo_clip (cr);
  if (preview->has_alpha)
    draw_checks (preview, cr, ox, oy);
  draw_surface (preview, cr, surface, ox, oy, scale);
  if (veil)
    {
      cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.55);
      cairo_paint (cr);
    }
  if (preview->grid)
    draw_grid (preview, cr, ox, oy, scale, left, right);
  cairo_restore (cr);
}

static gboolean
ja_preview_draw (GtkWidget *widget, cairo_t *cr)
{
  JaPreview *preview = JA_PREVIEW (widget);
  int width = gtk_widget_get_allocated_width (widget);
  int height = gtk_widget_get_allocated_height (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  double scale, ox, oy;
  cairo_surface_t *after;
  gboolean have_result = preview->result_surface != NULL;

  gtk_render_background (style, cr, 0, 0, width, height);
  clamp_center (preview);
  scale = current_scale (preview);
  layer_origin (preview, &ox, &oy);

  after = have_result ? preview->result_surface : preview->original_surface;
  if (have_result && preview->difference)
    {
      if (preview->difference_surface == NULL)
        preview->difference_surface = difference_surface_new (preview);
      after = preview->difference_surface;
    }
  if (preview->show_original)
    draw_part (preview, cr, preview->original_surface, FALSE, 0, width, ox, oy,
               scale);
  else if (preview->split)
    {
      double dx = divider_x (preview);

      draw_part (preview, cr, preview->original_surface, FALSE, 0, dx, ox, oy,
                 scale);
      draw_part (preview, cr, after, have_result && preview->stale, dx, width,
                 ox, oy, scale);
    }
  else
    draw_part (preview, cr, after, have_result && preview->stale, 0, width, ox,
               oy, scale);

  if (preview->split && !preview->show_original)
    {
      double dx = divider_x (preview);

      cairo_save (cr);
      cairo_set_line_width (cr, 3);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.6);
      cairo_move_to (cr, dx, 0);
      cairo_line_to (cr, dx, height);
      cairo_stroke (cr);
      cairo_set_line_width (cr, 1);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_move_to (cr, dx, 0);
      cairo_line_to (cr, dx, height);
      cairo_stroke (cr);
      cairo_arc (cr, dx, height / 2.0, 8, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.7);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_stroke (cr);
      cairo_restore (cr);
      draw_badge (preview, cr, _ ("Before"), dx - 6, height - 30, TRUE);
      draw_badge (preview, cr, _ ("After"), dx + 6, height - 30, FALSE);
    }
  if (preview->show_original)
    draw_badge (preview, cr, _ ("Original"), width - 6, 6, TRUE);
  else if (preview->difference && have_result)
    {
      /* TRANSLATORS: the badge over the difference view; %d is how much
         the difference is amplified. */
      char *text
          = g_strdup_printf (_ ("Difference ×%d"), JART_DIFFERENCE_GAIN);

      draw_badge (preview, cr, text, width - 6, 6, TRUE);
      g_free (text);
    }
  if (preview->badge != NULL && !preview->show_original)
    draw_badge (preview, cr, preview->badge, 6, 6, FALSE);

  if (gtk_widget_has_visible_focus (widget))
    gtk_render_focus (style, cr, 0, 0, width, height);
  return TRUE;
}

static void
set_cursor (JaPreview *preview, const char *name)
{
  GdkWindow *window = gtk_widget_get_window (GTK_WIDGET (preview));
  GdkCursor *cursor = NULL;

  if (window == NULL)
    return;
  if (name != NULL)
    cursor = gdk_cursor_new_from_name (gdk_window_get_display (window), name);
  gdk_window_set_cursor (window, cursor);
  if (cursor != NULL)
    g_object_unref (cursor);
}

static gboolean
near_divider (JaPreview *preview, double x)
{
  return preview->split && fabs (x - divider_x (preview)) <= DIVIDER_GRAB;
}

static gboolean
ja_preview_button_press (GtkWidget *widget, GdkEventButton *event)
{
  JaPreview *preview = JA_PREVIEW (widget);

  if (event->type != GDK_BUTTON_PRESS || event->button != 1)
    return FALSE;
  gtk_widget_grab_focus (widget);
  preview->press_x = event->x;
  preview->press_y = event->y;
  preview->press_center_x = preview->center_x;
  preview->press_center_y = preview->center_y;
  if (near_divider (preview, event->x))
    preview->drag = DRAG_DIVIDER;
  else
    {
      preview->drag = DRAG_PAN;
      set_cursor (preview, "grabbing");
    }
  return TRUE;
}

static gboolean
ja_preview_motion (GtkWidget *widget, GdkEventMotion *event)
{
  JaPreview *preview = JA_PREVIEW (widget);
  double scale = current_scale (preview);

  switch (preview->drag)
    {
    case DRAG_PAN:
      preview->center_x
          = preview->press_center_x - (event->x - preview->press_x) / scale;
      preview->center_y
          = preview->press_center_y - (event->y - preview->press_y) / scale;
      clamp_center (preview);
      gtk_widget_queue_draw (widget);
      break;
    case DRAG_DIVIDER:
      ja_preview_set_split_position (
          preview,
          event->x / MAX (1, gtk_widget_get_allocated_width (widget)));
      break;
    case DRAG_NONE:
      set_cursor (preview,
                  near_divider (preview, event->x) ? "col-resize" : "grab");
      break;
    }
  return TRUE;
}

static gboolean
ja_preview_button_release (GtkWidget *widget, GdkEventButton *event)
{
  JaPreview *preview = JA_PREVIEW (widget);

  if (event->button != 1)
    return FALSE;
  preview->drag = DRAG_NONE;
  set_cursor (preview,
              near_divider (preview, event->x) ? "col-resize" : "grab");
  return TRUE;
}

/* Zooms one level in (DIRECTION > 0) or out, keeping the layer point under
 * screen point (X, Y) in place. */
static void
zoom_step (JaPreview *preview, int direction, double x, double y)
{
  GtkWidget *widget = GTK_WIDGET (preview);
  double scale = current_scale (preview);
  double percent = scale * 100;
  double ox, oy, lx, ly, new_scale;
  int zoom = preview->zoom;
  int i;

  if (direction > 0)
    {
      for (i = 0; i < (int)G_N_ELEMENTS (zoom_levels); i++)
        if (zoom_levels[i] > percent + 0.5)
          {
            zoom = zoom_levels[i];
            break;
          }
    }
  else
    {
      zoom = fit_scale (preview) * 100 < percent - 0.5 ? JA_PREVIEW_ZOOM_FIT
                                                       : preview->zoom;
      for (i = G_N_ELEMENTS (zoom_levels) - 1; i >= 0; i--)
        if (zoom_levels[i] < percent - 0.5
            && zoom_levels[i] > fit_scale (preview) * 100)
          {
            zoom = zoom_levels[i];
            break;
          }
    }
  if (zoom == preview->zoom)
    return;

  layer_origin (preview, &ox, &oy);
  lx = (x - ox) / scale;
  ly = (y - oy) / scale;
  preview->zoom = zoom;
  new_scale = current_scale (preview);
  preview->center_x
      = lx + (gtk_widget_get_allocated_width (widget) / 2.0 - x) / new_scale;
  preview->center_y
      = ly + (gtk_widget_get_allocated_height (widget) / 2.0 - y) / new_scale;
  clamp_center (preview);
  gtk_widget_queue_draw (widget);
  g_signal_emit (preview, preview_signals[SIGNAL_ZOOM_CHANGED], 0);
}

static void
pan_by (JaPreview *preview, double dx, double dy)
{
  double scale = current_scale (preview);

  preview->center_x += dx / scale;
  preview->center_y += dy / scale;
  clamp_center (preview);
  gtk_widget_queue_draw (GTK_WIDGET (preview));
}

static gboolean
ja_preview_scroll (GtkWidget *widget, GdkEventScroll *event)
{
  JaPreview *preview = JA_PREVIEW (widget);
  double dx = 0, dy = 0;

  switch (event->direction)
    {
    case GDK_SCROLL_UP:
      dy = -1;
      break;
    case GDK_SCROLL_DOWN:
      dy = 1;
      break;
    case GDK_SCROLL_LEFT:
      dx = -1;
      break;
    case GDK_SCROLL_RIGHT:
      dx = 1;
      break;
    case GDK_SCROLL_SMOOTH:
      gdk_event_get_scroll_deltas ((GdkEvent *)event, &dx, &dy);
      break;
    }
  if (event->state & GDK_CONTROL_MASK)
    {
      if (dy != 0)
        zoom_step (preview, dy < 0 ? 1 : -1, event->x, event->y);
      return TRUE;
    }
  if (event->state & GDK_SHIFT_MASK)
    {
      dx = dx == 0 ? dy : dx;
      dy = 0;
    }
  pan_by (preview, dx * PAN_STEP, dy * PAN_STEP);
  return TRUE;
}

static gboolean
ja_preview_key_press (GtkWidget *widget, GdkEventKey *event)
{
  JaPreview *preview = JA_PREVIEW (widget);
  double cx = gtk_widget_get_allocated_width (widget) / 2.0;
  double cy = gtk_widget_get_allocated_height (widget) / 2.0;

  switch (event->keyval)
    {
    case GDK_KEY_Left:
      pan_by (preview, -PAN_STEP, 0);
      return TRUE;
    case GDK_KEY_Right:
      pan_by (preview, PAN_STEP, 0);
      return TRUE;
    case GDK_KEY_Up:
      pan_by (preview, 0, -PAN_STEP);
      return TRUE;
    case GDK_KEY_Down:
      pan_by (preview, 0, PAN_STEP);
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      zoom_step (preview, 1, cx, cy);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      zoom_step (preview, -1, cx, cy);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
ja_preview_finalize (GObject *object)
{
  JaPreview *preview = JA_PREVIEW (object);

  cairo_surface_destroy (preview->original_surface);
  if (preview->result_surface != NULL)
    cairo_surface_destroy (preview->result_surface);
  if (preview->difference_surface != NULL)
    cairo_surface_destroy (preview->difference_surface);
  g_free (preview->result_pixels);
  g_free (preview->badge);
  G_OBJECT_CLASS (ja_preview_parent_class)->finalize (object);
}

static void
ja_preview_class_init (JaPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ja_preview_finalize;
  widget_class->draw = ja_preview_draw;
  widget_class->button_press_event = ja_preview_button_press;
  widget_class->button_release_event = ja_preview_button_release;
  widget_class->motion_notify_event = ja_preview_motion;
  widget_class->scroll_event = ja_preview_scroll;
  widget_class->key_press_event = ja_preview_key_press;

  preview_signals[SIGNAL_ZOOM_CHANGED]
      = g_signal_new ("zoom-changed", G_TYPE_FROM_CLASS (klass),
                      G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_accessible_role (widget_class, ATK_ROLE_IMAGE);
}

static void
ja_preview_init (JaPreview *preview)
{
  GtkWidget *widget = GTK_WIDGET (preview);

  preview->zoom = 100;
  preview->split_position = 0.5;
  gtk_widget_set_can_focus (widget, TRUE);
  gtk_widget_add_events (widget,
                         GDK_BUTTON_PRESS_MASK | GDK_BUTTON_RELEASE_MASK
                             | GDK_POINTER_MOTION_MASK | GDK_SCROLL_MASK
                             | GDK_SMOOTH_SCROLL_MASK | GDK_KEY_PRESS_MASK);
  gtk_widget_set_size_request (widget, 320, 240);
}

GtkWidget *
ja_preview_new (const JartImage *original, const guint8 *selection,
                int check_size, int check_type)
{
  JaPreview *preview = g_object_new (JA_TYPE_PREVIEW, NULL);

  preview->original = *original;
  preview->selection = selection;
  preview->check_size = 4 << CLAMP (check_size, 0, 2);
  check_type = CLAMP (check_type, 0, 5);
  preview->check_light = check_shades[check_type][0];
  preview->check_dark = check_shades[check_type][1];
  preview->has_alpha = original->channels == 2 || original->channels == 4;
  preview->center_x = original->width / 2.0;
  preview->center_y = original->height / 2.0;
  preview->original_surface = cairo_image_surface_create (
      CAIRO_FORMAT_ARGB32, original->width, original->height);
  ja_preview_surface_fill (preview->original_surface, original,
                           original->pixels, original->stride, NULL, NULL);
  return GTK_WIDGET (preview);
}

void
ja_preview_set_result (JaPreview *preview, const guint8 *pixels,
                       gboolean stale, const char *badge)
{
  const JartImage *o = &preview->original;
  size_t packed = (size_t)o->width * o->height * o->channels;

  if (preview->difference_surface != NULL)
    cairo_surface_destroy (preview->difference_surface);
  preview->difference_surface = NULL;
  if (pixels == NULL)
    {
      if (preview->result_surface != NULL)
        cairo_surface_destroy (preview->result_surface);
      preview->result_surface = NULL;
      g_clear_pointer (&preview->result_pixels, g_free);
    }
  else
    {
      if (preview->result_surface == NULL)
        preview->result_surface = cairo_image_surface_create (
            CAIRO_FORMAT_ARGB32, o->width, o->height);
      ja_preview_surface_fill (preview->result_surface, o, pixels,
                               (size_t)o->width * o->channels, o,
                               preview->selection);
      if (preview->result_pixels == NULL)
        preview->result_pixels = g_malloc (packed);
      memcpy (preview->result_pixels, pixels, packed);
    }
  preview->stale = stale;
  g_free (preview->badge);
  preview->badge = g_strdup (badge);
  gtk_widget_queue_draw (GTK_WIDGET (preview));
}

void
ja_preview_set_badge (JaPreview *preview, gboolean stale, const char *badge)
{
  preview->stale = stale;
  g_free (preview->badge);
  preview->badge = g_strdup (badge);
  gtk_widget_queue_draw (GTK_WIDGET (preview));
}

void
ja_preview_set_zoom (JaPreview *preview, int zoom)
{
  if (zoom == preview->zoom)
    return;
  preview->zoom = zoom;
  clamp_center (preview);
  gtk_widget_queue_draw (GTK_WIDGET (preview));
}

int
ja_preview_get_zoom (JaPreview *preview)
{
  return preview->zoom;
}

void
ja_preview_set_split (JaPreview *preview, gboolean split)
{
  preview->split = split;
  gtk_widget_queue_draw (GTK_WIDGET (preview));
}

void
ja_preview_set_split_position (JaPreview *preview, double fraction)
{
  preview->split_position = CLAMP (fraction, 0.0, 1.0);
  gtk_widget_queue_draw (GTK_WIDGET (preview));
}

double
ja_preview_get_split_position (JaPreview *preview)
{
  return preview->split_position;
}

void
ja_preview_set_show_original (JaPreview *preview, gboolean on)
{
  preview->show_original = on;
  gtk_widget_queue_draw (GTK_WIDGET (preview));
}

void
ja_preview_set_difference (JaPreview *preview, gboolean on)
{
  preview->difference = on;
  gtk_widget_queue_draw (GTK_WIDGET (preview));
}

void
ja_preview_set_grid (JaPreview *preview, gboolean show, int dx, int dy)
{
  preview->grid = show;
  preview->grid_dx = dx < 0 ? 0 : dx;
  preview->grid_dy = dy < 0 ? 0 : dy;
  gtk_widget_queue_draw (GTK_WIDGET (preview));
}
