/* zb-chart.c — charts drawn onto any cairo_t: layers over a value axis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-chart.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "zb-save.h"
#include "zb-types.h"
#include "zb-save.h"

struct _ZbChart
{
  GObject             parent_instance;

  ZbChartOrientation  orientation;
  char               *title;
  char               *language;     /* of the legend; NULL: the UI language */
  ZbChartAxis        *axis;
  GPtrArray          *categories;   /* of char* */
  GPtrArray          *layers;       /* of ZbChartLayer */

  /* the last draw */
  gboolean            drawn;
  cairo_rectangle_t   plot;
  double              band;         /* size of one category */
  GPtrArray          *rects;        /* per layer, GArray of cairo_rectangle_t */

  /* text widths of the last layout, valid for measured_px and the counts */
  double              measured_px;
  guint               measured_items;
  double              measured_label_w;
  double              measured_right_w;
};

G_DEFINE_FINAL_TYPE (ZbChart, zb_chart, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ORIENTATION,
  PROP_TITLE,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define FONT_FAMILY "Noto Sans CJK SC,WenQuanYi Micro Hei,Source Han Sans SC,sans-serif"
#define PAD 12.0
#define TEXT_PX 12.0
#define MIN_TEXT_PX 7.0
#define NATURAL_WIDTH 1200

typedef struct { double r, g, b; } Rgb;

/* Chosen to differ in lightness too, so greyscale prints keep them apart;
 * the shape and label say the same again. */
static Rgb
status_colour (ZbStatus status)
{
  switch (status)
    {
    case ZB_STATUS_AHEAD: return (Rgb) { 0.11, 0.47, 0.22 };
    case ZB_STATUS_ON_TRACK: return (Rgb) { 0.26, 0.58, 0.76 };
    case ZB_STATUS_BEHIND: return (Rgb) { 0.84, 0.38, 0.30 };
    case ZB_STATUS_UNKNOWN:
    default: return (Rgb) { 0.74, 0.74, 0.74 };
    }
}

static void
set_rgb (cairo_t *cr,
         Rgb      c)
{
  cairo_set_source_rgb (cr, c.r, c.g, c.b);
}

ZbChart *
zb_chart_new (ZbChartOrientation orientation)
{
  return g_object_new (ZB_TYPE_CHART, "orientation", orientation, NULL);
}

ZbChartOrientation
zb_chart_get_orientation (ZbChart *self)
{
  g_return_val_if_fail (ZB_IS_CHART (self), 0);
  return self->orientation;
}

const char *
zb_chart_get_title (ZbChart *self)
{
  g_return_val_if_fail (ZB_IS_CHART (self), NULL);
  return self->title;
}

void
zb_chart_set_title (ZbChart    *self,
                    const char *title)
{
  g_return_if_fail (ZB_IS_CHART (self));
  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
zb_chart_get_language (ZbChart *self)
{
  g_return_val_if_fail (ZB_IS_CHART (self), NULL);
  return self->language;
}

void
zb_chart_set_language (ZbChart    *self,
                       const char *language)
{
  g_return_if_fail (ZB_IS_CHART (self));

  /* g_set_str() is GLib 2.76 */
  if (g_strcmp0 (self->language, language) == 0)
    return;
  g_free (self->language);
  self->language = g_strdup (language);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

void
zb_chart_get_natural_size (ZbChart *self,
                           int     *width,
                           int     *height)
{
  g_return_if_fail (ZB_IS_CHART (self));

  if (width != NULL)
    *width = NATURAL_WIDTH;
  /* a gap chart grows with its rows so names stay readable */
  if (height != NULL)
    *height = self->orientation == ZB_CHART_HORIZONTAL
            ? CLAMP (110 + 26 * (int) self->categories->len, 360, 4000)
            : 600;
}

ZbChartAxis *
zb_chart_get_value_axis (ZbChart *self)
{
  g_return_val_if_fail (ZB_IS_CHART (self), NULL);
  return self->axis;
}

guint
zb_chart_add_category (ZbChart    *self,
                       const char *label)
{
  g_return_val_if_fail (ZB_IS_CHART (self), 0);
  g_ptr_array_add (self->categories, g_strdup (label ? label : ""));
  return self->categories->len - 1;
}

guint
zb_chart_get_n_categories (ZbChart *self)
{
  g_return_val_if_fail (ZB_IS_CHART (self), 0);
  return self->categories->len;
}

const char *
zb_chart_get_category (ZbChart *self,
                       guint    i)
{
  g_return_val_if_fail (ZB_IS_CHART (self), NULL);
  g_return_val_if_fail (i < self->categories->len, NULL);
  return g_ptr_array_index (self->categories, i);
}

void
zb_chart_add_layer (ZbChart      *self,
                    ZbChartLayer *layer)
{
  g_return_if_fail (ZB_IS_CHART (self));
  g_return_if_fail (ZB_IS_CHART_LAYER (layer));
  g_ptr_array_add (self->layers, g_object_ref (layer));
  self->drawn = FALSE;
}

guint
zb_chart_get_n_layers (ZbChart *self)
{
  g_return_val_if_fail (ZB_IS_CHART (self), 0);
  return self->layers->len;
}

ZbChartLayer *
zb_chart_get_layer (ZbChart *self,
                    guint    i)
{
  g_return_val_if_fail (ZB_IS_CHART (self), NULL);
  g_return_val_if_fail (i < self->layers->len, NULL);
  return g_ptr_array_index (self->layers, i);
}

/* Text */

typedef struct {
  PangoLayout          *layout;
  PangoFontDescription *font;
} Text;

static void
text_init (Text    *t,
           cairo_t *cr)
{
  t->layout = pango_cairo_create_layout (cr);
  t->font = pango_font_description_from_string (FONT_FAMILY);
}

static void
text_clear (Text *t)
{
  g_clear_object (&t->layout);
  g_clear_pointer (&t->font, pango_font_description_free);
}

static void
text_set (Text       *t,
          const char *str,
          double      px,
          gboolean    bold,
          double      max_width)
{
  pango_font_description_set_absolute_size (t->font, px * PANGO_SCALE);
  pango_font_description_set_weight (t->font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (t->layout, t->font);
  pango_layout_set_width (t->layout, max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1);
  pango_layout_set_ellipsize (t->layout, max_width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_text (t->layout, str, -1);
}

static void
text_size (Text   *t,
           double *w,
           double *h)
{
  PangoRectangle logical;

  pango_layout_get_extents (t->layout, NULL, &logical);
  if (w)
    *w = logical.width / (double) PANGO_SCALE;
  if (h)
    *h = logical.height / (double) PANGO_SCALE;
}

/* Draws with (x, y) at the given anchor: ax, ay in 0…1 of the text's box. */
static void
text_draw (Text    *t,
           cairo_t *cr,
           double   x,
           double   y,
           double   ax,
           double   ay)
{
  double w, h;

  text_size (t, &w, &h);
  cairo_move_to (cr, x - w * ax, y - h * ay);
  pango_cairo_show_layout (cr, t->layout);
}

/* Shapes */

static void
status_shape (cairo_t  *cr,
              ZbStatus  status,
              double    cx,
              double    cy,
              double    r)
{
  Rgb c = status_colour (status);

  cairo_new_path (cr);
  switch (status)
    {
    case ZB_STATUS_AHEAD:
      cairo_move_to (cr, cx, cy - r);
      cairo_line_to (cr, cx + r, cy + r * 0.8);
      cairo_line_to (cr, cx - r, cy + r * 0.8);
      cairo_close_path (cr);
      break;
    case ZB_STATUS_BEHIND:
      cairo_move_to (cr, cx, cy + r);
      cairo_line_to (cr, cx + r, cy - r * 0.8);
      cairo_line_to (cr, cx - r, cy - r * 0.8);
      cairo_close_path (cr);
      break;
    case ZB_STATUS_ON_TRACK:
    case ZB_STATUS_UNKNOWN:
    default:
      cairo_arc (cr, cx, cy, r * 0.85, 0, 2 * G_PI);
      break;
    }
  if (status == ZB_STATUS_UNKNOWN)
    {
      /* hollow: nothing to compare with */
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
    }
  else
    {
      set_rgb (cr, c);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
    }
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
diamond (cairo_t *cr,
         double   cx,
         double   cy,
         double   r)
{
  cairo_new_path (cr);
  cairo_move_to (cr, cx, cy - r);
  cairo_line_to (cr, cx + r, cy);
  cairo_line_to (cr, cx, cy + r);
  cairo_line_to (cr, cx - r, cy);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

static void
bar (cairo_t  *cr,
     ZbStatus  status,
     double    x,
     double    y,
     double    w,
     double    h)
{
  Rgb c = status_colour (status);

  if (w <= 0 || h <= 0)
    return;
  cairo_rectangle (cr, x, y, w, h);
  set_rgb (cr, c);
  cairo_fill_preserve (cr);
  if (status == ZB_STATUS_BEHIND)
    {
      /* hatched, so "behind" reads without colour */
      cairo_save (cr);
      cairo_clip_preserve (cr);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.7);
      cairo_set_line_width (cr, 1.2);
      for (double d = -h; d < w; d += 5)
        {
          cairo_move_to (cr, x + d, y + h);
          cairo_line_to (cr, x + d + h, y);
        }
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  cairo_set_line_width (cr, status == ZB_STATUS_UNKNOWN ? 0.8 : 0.6);
  if (status == ZB_STATUS_UNKNOWN)
    cairo_set_dash (cr, (double[]) { 3, 2 }, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* Layout helpers: a category's centre and a value's position, along the
 * category axis and the value axis of either orientation. */

double
zb_chart_category_to_pixel (ZbChart *self,
                            guint    category)
{
  g_return_val_if_fail (ZB_IS_CHART (self), 0);

  if (self->orientation == ZB_CHART_HORIZONTAL)
    return self->plot.y + self->band * (category + 0.5);
  return self->plot.x + self->band * (category + 0.5);
}

double
zb_chart_value_to_pixel (ZbChart *self,
                         double   value)
{
  g_return_val_if_fail (ZB_IS_CHART (self), 0);

  if (self->orientation == ZB_CHART_HORIZONTAL)
    return zb_chart_axis_map (self->axis, value, self->plot.x, self->plot.x + self->plot.width);
  return zb_chart_axis_map (self->axis, value, self->plot.y + self->plot.height, self->plot.y);
}

static void
point (ZbChart *self,
       guint    category,
       double   value,
       double  *x,
       double  *y)
{
  double c = zb_chart_category_to_pixel (self, category);
  double v = zb_chart_value_to_pixel (self, value);

  *x = self->orientation == ZB_CHART_HORIZONTAL ? v : c;
  *y = self->orientation == ZB_CHART_HORIZONTAL ? c : v;
}

static void
update_axis (ZbChart *self)
{
  double lo = 0, hi = 0;
  gboolean any = FALSE, bars = FALSE;

  for (guint i = 0; i < self->layers->len; i++)
    {
      ZbChartLayer *layer = g_ptr_array_index (self->layers, i);
      double l, h;

      if (zb_chart_layer_get_kind (layer) == ZB_CHART_LAYER_BARS)
        bars = TRUE;
      if (!zb_chart_layer_get_range (layer, &l, &h))
        continue;
      lo = any ? MIN (lo, l) : l;
      hi = any ? MAX (hi, h) : h;
      any = TRUE;
    }
  /* bars start at zero, so zero must be on the axis */
  zb_chart_axis_set_include_zero (self->axis, bars);
  zb_chart_axis_set_data_range (self->axis, lo, hi);
}

static void
record (ZbChart *self,
        guint    layer,
        double   x,
        double   y,
        double   w,
        double   h)
{
  GArray *rects = g_ptr_array_index (self->rects, layer);
  cairo_rectangle_t r = { MIN (x, x + w), MIN (y, y + h), fabs (w), fabs (h) };

  g_array_append_val (rects, r);
}

static void
draw_legend (ZbChart *self,
             cairo_t *cr,
             Text    *t,
             double   x,
             double   y,
             double   max_x)
{
  static const ZbStatus statuses[] = { ZB_STATUS_AHEAD, ZB_STATUS_ON_TRACK, ZB_STATUS_BEHIND, ZB_STATUS_UNKNOWN };
  double sz = TEXT_PX, w, h;

  for (guint i = 0; i < self->layers->len; i++)
    {
      ZbChartLayer *layer = g_ptr_array_index (self->layers, i);
      ZbChartLayerKind kind = zb_chart_layer_get_kind (layer);
      const char *title = zb_chart_layer_get_title (layer);

      if (title == NULL || kind == ZB_CHART_LAYER_LABELS)
        continue;
      switch (kind)
        {
        case ZB_CHART_LAYER_BARS:
          cairo_rectangle (cr, x, y + 2, sz * 1.4, sz - 2);
          cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
          cairo_fill (cr);
          break;
        case ZB_CHART_LAYER_MARKERS:
          diamond (cr, x + sz * 0.7, y + sz * 0.6, sz * 0.45);
          break;
        case ZB_CHART_LAYER_LINE:
        default:
          cairo_move_to (cr, x, y + sz * 0.6);
          cairo_line_to (cr, x + sz * 1.4, y + sz * 0.6);
          cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
          cairo_set_line_width (cr, 2);
          if (zb_chart_layer_get_dashed (layer))
            cairo_set_dash (cr, (double[]) { 6, 3 }, 2, 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          break;
        }
      text_set (t, title, TEXT_PX, FALSE, -1);
      text_size (t, &w, &h);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      text_draw (t, cr, x + sz * 1.4 + 4, y + sz * 0.6, 0, 0.5);
      x += sz * 1.4 + 4 + w + 16;
    }

  for (guint i = 0; i < G_N_ELEMENTS (statuses) && x < max_x; i++)
    {
      status_shape (cr, statuses[i], x + sz * 0.5, y + sz * 0.6, sz * 0.45);
      text_set (t, zb_status_to_label (statuses[i], self->language), TEXT_PX, FALSE, -1);
      text_size (t, &w, &h);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      text_draw (t, cr, x + sz + 4, y + sz * 0.6, 0, 0.5);
      x += sz + 4 + w + 14;
    }
}

static void
draw_bars (ZbChart      *self,
           cairo_t      *cr,
           guint         index,
           ZbChartLayer *layer)
{
  gboolean horizontal = self->orientation == ZB_CHART_HORIZONTAL;
  double thick = MIN (self->band * 0.6, 28);
  double zero = zb_chart_value_to_pixel (self, 0);

  for (guint i = 0; i < zb_chart_layer_get_n_items (layer); i++)
    {
      const ZbChartItem *it = zb_chart_layer_get_item (layer, i);
      double c = zb_chart_category_to_pixel (self, it->category);
      double v = zb_chart_value_to_pixel (self, it->value);

      if (horizontal)
        {
          record (self, index, zero, c - thick / 2, v - zero, thick);
          bar (cr, it->status, MIN (zero, v), c - thick / 2, fabs (v - zero), thick);
        }
      else
        {
          record (self, index, c - thick / 2, zero, thick, v - zero);
          bar (cr, it->status, c - thick / 2, MIN (zero, v), thick, fabs (v - zero));
        }
    }
}

static void
draw_markers (ZbChart      *self,
              cairo_t      *cr,
              guint         index,
              ZbChartLayer *layer)
{
  for (guint i = 0; i < zb_chart_layer_get_n_items (layer); i++)
    {
      const ZbChartItem *it = zb_chart_layer_get_item (layer, i);
      double x, y, r = CLAMP (self->band * 0.35, 2.5, 7);

      point (self, it->category, it->value, &x, &y);
      record (self, index, x - r, y - r, 2 * r, 2 * r);
      diamond (cr, x, y, r);
    }
}

/* The path of a line layer; a flat (dashed) target line runs across the
 * whole of each category. */
static void
line_path (ZbChart      *self,
           cairo_t      *cr,
           ZbChartLayer *layer,
           gboolean      dashed)
{
  gboolean horizontal = self->orientation == ZB_CHART_HORIZONTAL;
  double half = self->band / 2;

  cairo_new_path (cr);
  for (guint i = 0; i < zb_chart_layer_get_n_items (layer); i++)
    {
      const ZbChartItem *it = zb_chart_layer_get_item (layer, i);
      double x, y;

      point (self, it->category, it->value, &x, &y);
      if (dashed && horizontal)
        {
          if (i == 0) cairo_move_to (cr, x, y - half); else cairo_line_to (cr, x, y - half);
          cairo_line_to (cr, x, y + half);
        }
      else if (dashed)
        {
          if (i == 0) cairo_move_to (cr, x - half, y); else cairo_line_to (cr, x - half, y);
          cairo_line_to (cr, x + half, y);
        }
      else if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
}

static void
draw_line (ZbChart      *self,
           cairo_t      *cr,
           Text         *t,
           guint         index,
           ZbChartLayer *layer,
           double        text_px)
{
  gboolean horizontal = self->orientation == ZB_CHART_HORIZONTAL;
  gboolean dashed = zb_chart_layer_get_dashed (layer);
  guint n = zb_chart_layer_get_n_items (layer);
  double r = CLAMP (self->band * 0.12, 3, 6);
  double half = self->band / 2;

  line_path (self, cr, layer, dashed);
  cairo_set_source_rgb (cr, dashed ? 0.35 : 0.12, dashed ? 0.35 : 0.2, dashed ? 0.35 : 0.35);
  cairo_set_line_width (cr, dashed ? 1.5 : 2.5);
  if (dashed)
    cairo_set_dash (cr, (double[]) { 7, 4 }, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint i = 0; i < n; i++)
    {
      const ZbChartItem *it = zb_chart_layer_get_item (layer, i);
      double x, y;

      point (self, it->category, it->value, &x, &y);
      if (dashed)
        {
          /* the target's value once, at the end of the line */
          if (i + 1 == n && it->label)
            {
              text_set (t, it->label, text_px, FALSE, -1);
              cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
              if (horizontal)
                text_draw (t, cr, x + 3, y + half, 0, 1);
              else
                text_draw (t, cr, x + half - 2, y - 2, 1, 1);
            }
          record (self, index, x - 3, y - 3, 6, 6);
          continue;
        }
      record (self, index, x - r - 1, y - r - 1, 2 * r + 2, 2 * r + 2);
      status_shape (cr, it->status, x, y, r);
      if (it->label)
        {
          text_set (t, it->label, text_px, FALSE, -1);
          cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
          if (horizontal)
            text_draw (t, cr, x + r + 3, y, 0, 0.5);
          else
            text_draw (t, cr, x, y - r - 3, 0.5, 1);
        }
    }
}

static void
draw_labels (ZbChart      *self,
             cairo_t      *cr,
             Text         *t,
             guint         index,
             ZbChartLayer *layer,
             double        text_px,
             double        labels_x)
{
  /* in a crowded chart, every k-th label only */
  guint every = (guint) ceil (MIN_TEXT_PX / MAX (self->band, 0.1));
  double r = MIN (text_px * 0.45, self->band * 0.45);

  for (guint i = 0; i < zb_chart_layer_get_n_items (layer); i++)
    {
      const ZbChartItem *it = zb_chart_layer_get_item (layer, i);
      double c = zb_chart_category_to_pixel (self, it->category);
      double w, h;

      if (every > 1 && it->category % every != 0)
        {
          record (self, index, labels_x, c - self->band / 2, 0, self->band);
          continue;
        }
      if (self->orientation == ZB_CHART_HORIZONTAL)
        {
          status_shape (cr, it->status, labels_x + r, c, r);
          text_set (t, it->label ? it->label : "", text_px, FALSE, -1);
          text_size (t, &w, &h);
          cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
          text_draw (t, cr, labels_x + 2 * r + 4, c, 0, 0.5);
          record (self, index, labels_x, c - MAX (h, 2 * r) / 2, 2 * r + 4 + w, MAX (h, 2 * r));
        }
      else
        {
          double y = self->plot.y - 4, x;

          /* shape and text centred together over the column */
          text_set (t, it->label ? it->label : "", text_px, FALSE, self->band - 2 * r - 8);
          text_size (t, &w, &h);
          x = c - (2 * r + 4 + w) / 2;
          status_shape (cr, it->status, x + r, y - r, r);
          cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
          text_draw (t, cr, x + 2 * r + 4, y - r, 0, 0.5);
          record (self, index, x, y - MAX (h, 2 * r), 2 * r + 4 + w, MAX (h, 2 * r));
        }
    }
}

static void
draw_layer (ZbChart      *self,
            cairo_t      *cr,
            Text         *t,
            guint         index,
            ZbChartLayer *layer,
            double        text_px,
            double        labels_x)
{
  switch (zb_chart_layer_get_kind (layer))
    {
    case ZB_CHART_LAYER_BARS:
      draw_bars (self, cr, index, layer);
      break;
    case ZB_CHART_LAYER_MARKERS:
      draw_markers (self, cr, index, layer);
      break;
    case ZB_CHART_LAYER_LINE:
      draw_line (self, cr, t, index, layer, text_px);
      break;
    case ZB_CHART_LAYER_LABELS:
    default:
      draw_labels (self, cr, t, index, layer, text_px, labels_x);
      break;
    }
}

/* Categories and items together: any addition changes it. */
static guint
count_items (ZbChart *self)
{
  guint n = self->categories->len;

  for (guint i = 0; i < self->layers->len; i++)
    n += zb_chart_layer_get_n_items (g_ptr_array_index (self->layers, i)) << 8;
  return n + (self->layers->len << 24);
}

/* What the layout decides for one frame. */
typedef struct {
  int     width, height;
  gboolean horizontal;
  double  tick_w, tick_h, axis_title_h;
  double  text_px;   /* of the category labels */
  double  label_w;   /* horizontal: the column of category names */
} Frame;

/* The title and the legend; returns where the plot may start. */
static double
draw_heading (ZbChart *self,
              cairo_t *cr,
              Text    *t,
              int      width)
{
  double top = PAD, title_h = 0;

  if (self->title && *self->title)
    {
      text_set (t, self->title, 16, TRUE, width - 2 * PAD);
      text_size (t, NULL, &title_h);
      cairo_set_source_rgb (cr, 0, 0, 0);
      text_draw (t, cr, PAD, top, 0, 0);
      top += title_h + 6;
    }
  draw_legend (self, cr, t, PAD, top, width - PAD);
  return top + TEXT_PX * 1.4 + 10;
}

/* The value axis: its tick labels and title. */
static void
measure_axis (ZbChart *self,
              Text    *t,
              Frame   *f)
{
  double w;

  text_set (t, "0123456789.-", TEXT_PX, FALSE, -1);
  text_size (t, NULL, &f->tick_h);
  for (guint i = 0; i < zb_chart_axis_get_n_ticks (self->axis); i++)
    {
      g_autofree char *s = zb_chart_axis_dup_tick_label (self->axis, i);
      text_set (t, s, TEXT_PX, FALSE, -1);
      text_size (t, &w, NULL);
      f->tick_w = MAX (f->tick_w, w);
    }
  if (zb_chart_axis_get_title (self->axis))
    {
      text_set (t, zb_chart_axis_get_title (self->axis), TEXT_PX, FALSE, -1);
      text_size (t, NULL, &f->axis_title_h);
    }
}

static ZbChartLayer *
labels_layer (ZbChart *self)
{
  ZbChartLayer *labels = NULL;

  for (guint i = 0; i < self->layers->len; i++)
    if (zb_chart_layer_get_kind (g_ptr_array_index (self->layers, i)) == ZB_CHART_LAYER_LABELS)
      labels = g_ptr_array_index (self->layers, i);
  return labels;
}

/* Measuring every name is most of a frame's work; a resize or a hover
 * redraw keeps the text size, so the widths are reused. */
static void
measure_names (ZbChart      *self,
               Text         *t,
               ZbChartLayer *labels,
               double        text_px)
{
  double w;

  if (self->measured_px == text_px && self->measured_items == count_items (self))
    return;
  self->measured_label_w = self->measured_right_w = 0;
  for (guint i = 0; i < self->categories->len; i++)
    {
      text_set (t, g_ptr_array_index (self->categories, i), text_px, FALSE, -1);
      text_size (t, &w, NULL);
      self->measured_label_w = MAX (self->measured_label_w, w);
    }
  for (guint i = 0; labels && i < zb_chart_layer_get_n_items (labels); i++)
    {
      const ZbChartItem *it = zb_chart_layer_get_item (labels, i);
      text_set (t, it->label ? it->label : "", text_px, FALSE, -1);
      text_size (t, &w, NULL);
      self->measured_right_w = MAX (self->measured_right_w, w + text_px + 6);
    }
  self->measured_px = text_px;
  self->measured_items = count_items (self);
}

/* The plot area below @top, room left for names, ticks and labels. */
static void
place_plot (ZbChart *self,
            Text    *t,
            Frame   *f,
            double   top)
{
  ZbChartLayer *labels = labels_layer (self);
  guint n_cat = MAX (self->categories->len, 1);
  double bottom, left, right;

  if (f->horizontal)
    {
      double right_w;

      bottom = f->height - PAD - f->axis_title_h - f->tick_h - 6;
      self->band = (bottom - top) / n_cat;
      f->text_px = CLAMP (self->band * 0.75, MIN_TEXT_PX, TEXT_PX);
      measure_names (self, t, labels, f->text_px);
      /* long names are cut with "…" past a third of the width */
      f->label_w = MIN (self->measured_label_w, f->width * 0.32);
      right_w = MIN (self->measured_right_w, f->width * 0.25);
      left = PAD + f->label_w + 8;
      right = f->width - PAD - right_w - (right_w > 0 ? 10 : 0);
    }
  else
    {
      /* status shapes sit above the plot in a vertical chart */
      if (labels)
        top += TEXT_PX + 6;
      bottom = f->height - PAD - f->axis_title_h - 2 * f->tick_h - 8;
      left = PAD + f->tick_w + 8;
      right = f->width - PAD - 40;
      f->text_px = TEXT_PX;
    }

  self->plot = (cairo_rectangle_t) { left, top, MAX (right - left, 1), MAX (bottom - top, 1) };
  self->band = (f->horizontal ? self->plot.height : self->plot.width) / n_cat;
}

/* A line across the plot at value pixel @p. */
static void
value_line (ZbChart *self,
            cairo_t *cr,
            gboolean horizontal,
            double   p)
{
  if (horizontal)
    {
      cairo_move_to (cr, p, self->plot.y);
      cairo_line_to (cr, p, self->plot.y + self->plot.height);
    }
  else
    {
      cairo_move_to (cr, self->plot.x, p);
      cairo_line_to (cr, self->plot.x + self->plot.width, p);
    }
  cairo_stroke (cr);
}

/* The grid, its tick labels, the axis title and the zero line. */
static void
draw_grid (ZbChart     *self,
           cairo_t     *cr,
           Text        *t,
           const Frame *f)
{
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < zb_chart_axis_get_n_ticks (self->axis); i++)
    {
      double p = round (zb_chart_value_to_pixel (self, zb_chart_axis_get_tick (self->axis, i))) + 0.5;
      g_autofree char *s = zb_chart_axis_dup_tick_label (self->axis, i);

      cairo_set_source_rgb (cr, 0.88, 0.88, 0.88);
      value_line (self, cr, f->horizontal, p);
      text_set (t, s, TEXT_PX, FALSE, -1);
      cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      if (f->horizontal)
        text_draw (t, cr, p, self->plot.y + self->plot.height + 4, 0.5, 0);
      else
        text_draw (t, cr, self->plot.x - 6, p, 1, 0.5);
    }
  if (zb_chart_axis_get_title (self->axis))
    {
      text_set (t, zb_chart_axis_get_title (self->axis), TEXT_PX, FALSE, -1);
      cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      if (f->horizontal)
        text_draw (t, cr, self->plot.x + self->plot.width / 2, f->height - PAD, 0.5, 1);
      else
        text_draw (t, cr, PAD, f->height - PAD, 0, 1);
    }
}

static void
draw_categories (ZbChart     *self,
                 cairo_t     *cr,
                 Text        *t,
                 const Frame *f)
{
  guint every = f->horizontal ? (guint) ceil (MIN_TEXT_PX / MAX (self->band, 0.1)) : 1;

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  for (guint i = 0; i < self->categories->len; i += every)
    {
      double c = zb_chart_category_to_pixel (self, i);

      if (f->horizontal)
        {
          text_set (t, g_ptr_array_index (self->categories, i), f->text_px, FALSE, f->label_w);
          text_draw (t, cr, self->plot.x - 8, c, 1, 0.5);
        }
      else
        {
          text_set (t, g_ptr_array_index (self->categories, i), TEXT_PX, FALSE, self->band - 4);
          pango_layout_set_alignment (t->layout, PANGO_ALIGN_CENTER);
          text_draw (t, cr, c, self->plot.y + self->plot.height + f->tick_h + 8, 0.5, 0);
          pango_layout_set_alignment (t->layout, PANGO_ALIGN_LEFT);
        }
    }

  /* the zero line */
  if (zb_chart_axis_get_min (self->axis) <= 0 && zb_chart_axis_get_max (self->axis) >= 0)
    {
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      cairo_set_line_width (cr, 1);
      value_line (self, cr, f->horizontal, round (zb_chart_value_to_pixel (self, 0)) + 0.5);
    }
}

void
zb_chart_draw (ZbChart *self,
               cairo_t *cr,
               int      width,
               int      height)
{
  Frame f = { 0 };
  Text t;
  double top;

  g_return_if_fail (ZB_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  f.width = width;
  f.height = height;
  f.horizontal = self->orientation == ZB_CHART_HORIZONTAL;
  update_axis (self);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  text_init (&t, cr);

  top = draw_heading (self, cr, &t, width);
  measure_axis (self, &t, &f);
  place_plot (self, &t, &f, top);
  draw_grid (self, cr, &t, &f);
  draw_categories (self, cr, &t, &f);

  /* layers, in order */
  g_ptr_array_set_size (self->rects, 0);
  for (guint i = 0; i < self->layers->len; i++)
    {
      ZbChartLayer *layer = g_ptr_array_index (self->layers, i);

      g_ptr_array_add (self->rects, g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t)));
      draw_layer (self, cr, &t, i, layer, f.text_px,
                  f.horizontal ? self->plot.x + self->plot.width + 10 : 0);
    }

  text_clear (&t);
  cairo_restore (cr);
  self->drawn = TRUE;
}

gboolean
zb_chart_get_plot_area (ZbChart           *self,
                        cairo_rectangle_t *area)
{
  g_return_val_if_fail (ZB_IS_CHART (self), FALSE);
  if (!self->drawn)
    return FALSE;
  *area = self->plot;
  return TRUE;
}

gboolean
zb_chart_get_item_rect (ZbChart           *self,
                        guint              layer,
                        guint              item,
                        cairo_rectangle_t *rect)
{
  GArray *rects;

  g_return_val_if_fail (ZB_IS_CHART (self), FALSE);
  if (!self->drawn || layer >= self->rects->len)
    return FALSE;
  rects = g_ptr_array_index (self->rects, layer);
  if (item >= rects->len)
    return FALSE;
  *rect = g_array_index (rects, cairo_rectangle_t, item);
  return TRUE;
}

static gboolean
contains (const cairo_rectangle_t *r,
          double                   x,
          double                   y,
          double                   slack)
{
  return x >= r->x - slack && x <= r->x + r->width + slack &&
         y >= r->y - slack && y <= r->y + r->height + slack;
}

ZbFigure *
zb_chart_hit_test (ZbChart *self,
                   double   x,
                   double   y,
                   guint   *layer,
                   guint   *item)
{
  double pos;
  int category;

  g_return_val_if_fail (ZB_IS_CHART (self), NULL);
  if (!self->drawn)
    return NULL;

  /* the topmost item first */
  for (guint l = self->rects->len; l-- > 0;)
    {
      GArray *rects = g_ptr_array_index (self->rects, l);
      ZbChartLayer *lay = g_ptr_array_index (self->layers, l);

      for (guint i = 0; i < rects->len; i++)
        {
          const ZbChartItem *it = zb_chart_layer_get_item (lay, i);

          if (it->figure && contains (&g_array_index (rects, cairo_rectangle_t, i), x, y, 2))
            {
              if (layer) *layer = l;
              if (item) *item = i;
              return it->figure;
            }
        }
    }

  /* else the row (or column) under the pointer */
  if (self->orientation == ZB_CHART_HORIZONTAL)
    {
      if (y < self->plot.y || y >= self->plot.y + self->plot.height)
        return NULL;
      pos = (y - self->plot.y) / self->band;
    }
  else
    {
      if (x < self->plot.x || x >= self->plot.x + self->plot.width ||
          y < self->plot.y || y > self->plot.y + self->plot.height)
        return NULL;
      pos = (x - self->plot.x) / self->band;
    }
  category = (int) floor (pos);
  for (guint l = 0; l < self->layers->len; l++)
    {
      ZbChartLayer *lay = g_ptr_array_index (self->layers, l);

      for (guint i = 0; i < zb_chart_layer_get_n_items (lay); i++)
        {
          const ZbChartItem *it = zb_chart_layer_get_item (lay, i);

          if ((int) it->category == category && it->figure)
            {
              if (layer) *layer = l;
              if (item) *item = i;
              return it->figure;
            }
        }
    }
  return NULL;
}

static cairo_status_t
save_to_stream (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  return zb_save_write (closure, data, length) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

gboolean
zb_chart_save (ZbChart     *self,
               const char  *path,
               int          width,
               int          height,
               GError     **error)
{
  g_autofree char *lower = NULL;
  ZbSave save;
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;
  enum { PNG, SVG, PDF } format;

  g_return_val_if_fail (ZB_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    format = PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    format = SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    format = PDF;
  else
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_INVALID,
                   "%s: the file name must end in .png, .svg or .pdf", path);
      return FALSE;
    }
  if (width < 16 || height < 16 || width > 20000 || height > 20000)
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_INVALID,
                   "a chart of %d×%d pixels cannot be drawn (16 to 20000 each way)", width, height);
      return FALSE;
    }
  /* a PNG is drawn in memory: four bytes a pixel, 160 MB at most */
  if (format == PNG && (gint64) width * height > 40000000)
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_INVALID,
                   "a PNG chart of %d×%d pixels is too large (40 million pixels at most): "
                   "make it smaller or write an SVG or PDF", width, height);
      return FALSE;
    }

  /* drawn into a temporary file beside the target (which must be a
   * regular file we may replace) and renamed over it, so a failure leaves
   * any older file as it was. The surfaces write through our own stream:
   * a write that fails (a full disk) fails the surface, which cairo's own
   * file output does not always report for PDF. */
  if (!zb_save_begin (&save, path, error))
    return FALSE;
  switch (format)
    {
    case PNG: surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height); break;
    case SVG: surface = cairo_svg_surface_create_for_stream (save_to_stream, &save, width, height); break;
    case PDF: surface = cairo_pdf_surface_create_for_stream (save_to_stream, &save, width, height); break;
    default: g_assert_not_reached ();
    }
  cr = cairo_create (surface);
  zb_chart_draw (self, cr, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == PNG)
    status = cairo_surface_write_to_png_stream (surface, save_to_stream, &save);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS || save.write_errno != 0)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR,
                   save.write_errno ? g_io_error_from_errno (save.write_errno) : G_IO_ERROR_FAILED,
                   "Cannot write “%s”: %s; any older file was left as it was", display,
                   save.write_errno ? g_strerror (save.write_errno) : cairo_status_to_string (status));
      zb_save_abort (&save);
      return FALSE;
    }
  return zb_save_commit (&save, error);
}

static void
zb_chart_finalize (GObject *object)
{
  ZbChart *self = (ZbChart *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_object (&self->axis);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->layers, g_ptr_array_unref);
  g_clear_pointer (&self->rects, g_ptr_array_unref);

  G_OBJECT_CLASS (zb_chart_parent_class)->finalize (object);
}

static void
zb_chart_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  ZbChart *self = ZB_CHART (object);

  switch (prop_id)
    {
    case PROP_ORIENTATION:
      g_value_set_int (value, self->orientation);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_chart_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  ZbChart *self = ZB_CHART (object);

  switch (prop_id)
    {
    case PROP_ORIENTATION:
      self->orientation = g_value_get_int (value);
      break;
    case PROP_TITLE:
      zb_chart_set_title (self, g_value_get_string (value));
      break;
    case PROP_LANGUAGE:
      zb_chart_set_language (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_chart_class_init (ZbChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zb_chart_finalize;
  object_class->get_property = zb_chart_get_property;
  object_class->set_property = zb_chart_set_property;

  properties[PROP_ORIENTATION] =
    g_param_spec_int ("orientation", NULL, NULL,
                      ZB_CHART_HORIZONTAL, ZB_CHART_VERTICAL, ZB_CHART_HORIZONTAL,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zb_chart_init (ZbChart *self)
{
  self->axis = zb_chart_axis_new (NULL);
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->layers = g_ptr_array_new_with_free_func (g_object_unref);
  self->rects = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
}
