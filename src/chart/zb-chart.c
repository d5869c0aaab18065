/* zb-chart.c — charts drawn onto any cairo_t: layers over a value axis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-chart-private.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>
#include <string.h>

#include "zb-i18n-private.h"
#include "zb-save.h"
#include "zb-types.h"

G_DEFINE_FINAL_TYPE (ZbChart, zb_chart, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ORIENTATION,
  PROP_TITLE,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define NATURAL_WIDTH 1200

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


void
zb_chart_set_n_more (ZbChart *self,
                     guint    n_more)
{
  g_return_if_fail (ZB_IS_CHART (self));
  self->n_more = n_more;
  self->drawn = FALSE;
}

guint
zb_chart_get_n_more (ZbChart *self)
{
  g_return_val_if_fail (ZB_IS_CHART (self), 0);
  return self->n_more;
}

guint
zb_chart_get_n_hidden (ZbChart *self)
{
  g_return_val_if_fail (ZB_IS_CHART (self), 0);
  if (!self->drawn)
    return self->n_more;
  return self->n_more + (self->categories->len - MIN (self->n_shown, self->categories->len));
}

int
zb_chart_get_min_height (ZbChart *self)
{
  g_return_val_if_fail (ZB_IS_CHART (self), 0);

  /* rows of a readable size, as many as the chart has */
  if (self->orientation == ZB_CHART_HORIZONTAL)
    return 130 + 18 * (int) MIN (self->categories->len + (self->n_more > 0), ZB_CHART_MAX_ROWS + 1);
  return 260;
}

guint
zb_chart_get_n_texts (ZbChart *self)
{
  g_return_val_if_fail (ZB_IS_CHART (self), 0);
  return self->drawn ? self->texts->len : 0;
}

const char *
zb_chart_get_text (ZbChart           *self,
                   guint              i,
                   cairo_rectangle_t *rect)
{
  const ZbChartText *t;

  g_return_val_if_fail (ZB_IS_CHART (self), NULL);
  g_return_val_if_fail (self->drawn && i < self->texts->len, NULL);

  t = &g_array_index (self->texts, ZbChartText, i);
  if (rect != NULL)
    *rect = t->rect;
  return t->text;
}

gboolean
zb_chart_item_is_clipped (ZbChart *self,
                          guint    layer,
                          guint    item)
{
  ZbChartLayer *l;
  int clipped;

  g_return_val_if_fail (ZB_IS_CHART (self), FALSE);
  g_return_val_if_fail (layer < self->layers->len, FALSE);

  l = g_ptr_array_index (self->layers, layer);
  if (!self->drawn || item >= zb_chart_layer_get_n_items (l) ||
      zb_chart_layer_get_kind (l) == ZB_CHART_LAYER_LABELS)
    return FALSE;
  zb_chart_clamped_pixel (self, zb_chart_layer_get_item (l, item)->value, &clipped);
  return clipped != 0;
}

/* The axis ---------------------------------------------------------------- */

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* How many of the largest (@top) or smallest values stand apart from the
 * rest: at most a quarter of them, whose gap to the rest is twice its span
 * and half the whole axis, which they make more than four times as long;
 * 0 when none does. */
static guint
n_apart (const double *v,
         guint         first,
         guint         last,
         gboolean      with_zero,
         gboolean      top)
{
  guint n = last - first + 1;

  for (guint k = 1; k <= MAX (n / 4, 1) && n - k >= 2; k++)
    {
      double lo = top ? v[first] : v[first + k];
      double hi = top ? v[last - k] : v[last];
      double out = top ? v[last - k + 1] : v[first + k - 1];
      double all_lo = top ? lo : v[first], all_hi = top ? v[last] : hi;
      double span, gap;

      if (with_zero)
        {
          lo = MIN (lo, 0);
          hi = MAX (hi, 0);
          all_lo = MIN (all_lo, 0);
          all_hi = MAX (all_hi, 0);
        }
      span = MAX (hi - lo, 1e-9);
      gap = top ? out - hi : lo - out;
      /* the gap is most of the axis: values spread evenly are never cut */
      if (gap > 2 * span && gap > 0.5 * (all_hi - all_lo) && all_hi - all_lo > 4 * span)
        return k;
    }
  return 0;
}

/* The range of the values drawn, robust to an outlier: values far apart
 * from the rest are left off the axis — drawn to its edge, broken and
 * numbered — rather than squeeze the others into a sliver of the plot. */
static void
robust_range (GArray   *values,
              gboolean  with_zero,
              double   *lo,
              double   *hi)
{
  const double *v = (const double *) values->data;
  guint first = 0, last = values->len - 1, k;
  double pad;

  g_array_sort (values, compare_double);
  if ((k = n_apart (v, first, last, with_zero, TRUE)) > 0)
    last -= k;
  if ((k = n_apart (v, first, last, with_zero, FALSE)) > 0)
    first += k;
  *lo = with_zero ? MIN (v[first], 0) : v[first];
  *hi = with_zero ? MAX (v[last], 0) : v[last];
  /* a little room past the last value kept, for the break marks */
  pad = (*hi - *lo) * 0.08;
  if (last + 1 < values->len)
    *hi += pad;
  if (first > 0)
    *lo -= pad;
}

/* The axis over the values of the categories shown. */
static void
update_axis (ZbChart *self)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean bars = FALSE;
  double lo = 0, hi = 0;

  for (guint i = 0; i < self->layers->len; i++)
    {
      ZbChartLayer *layer = g_ptr_array_index (self->layers, i);

      if (zb_chart_layer_get_kind (layer) == ZB_CHART_LAYER_LABELS)
        continue;
      if (zb_chart_layer_get_kind (layer) == ZB_CHART_LAYER_BARS)
        bars = TRUE;
      for (guint k = 0; k < zb_chart_layer_get_n_items (layer); k++)
        {
          const ZbChartItem *it = zb_chart_layer_get_item (layer, k);

          if (it->category < self->n_shown && isfinite (it->value))
            g_array_append_val (values, it->value);
        }
    }
  if (values->len > 0)
    robust_range (values, bars, &lo, &hi);
  /* bars start at zero, so zero must be on the axis */
  zb_chart_axis_set_include_zero (self->axis, bars);
  zb_chart_axis_set_data_range (self->axis, lo, hi);
}

/* The heading ------------------------------------------------------------- */

/* One entry of the legend: its mark at (x, y), the top left of a row. */
static void
legend_mark (ZbChartLayer *layer,
             ZbStatus      status,
             cairo_t      *cr,
             double        x,
             double        y,
             double        sz)
{
  if (layer == NULL)
    {
      zb_chart_status_shape (cr, status, x + sz * 0.5, y + sz * 0.6, sz * 0.45);
      return;
    }
  switch (zb_chart_layer_get_kind (layer))
    {
    case ZB_CHART_LAYER_BARS:
      cairo_rectangle (cr, x, y + 2, sz * 1.4, sz - 2);
      cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
      cairo_fill (cr);
      break;
    case ZB_CHART_LAYER_MARKERS:
      zb_chart_diamond (cr, x + sz * 0.7, y + sz * 0.6, sz * 0.45);
      break;
    case ZB_CHART_LAYER_LINE:
    default:
      cairo_move_to (cr, x, y + sz * 0.6);
      cairo_line_to (cr, x + sz * 1.4, y + sz * 0.6);
      zb_chart_set_rgb (cr, zb_chart_series_colour (zb_chart_layer_get_series (layer)));
      cairo_set_line_width (cr, 2);
      if (zb_chart_layer_get_dashed (layer))
        cairo_set_dash (cr, (double[]) { 6, 3 }, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    }
}

typedef struct {
  double x, y, row_h, left, right;
} Flow;

/* An entry of the legend where the row has room, else on a new row; text
 * wider than a whole row is cut with "…". */
static void
legend_entry (ZbChartInk   *ink,
              cairo_t      *cr,
              Flow         *flow,
              ZbChartLayer *layer,
              ZbStatus      status,
              const char   *text,
              gboolean      mark)
{
  double sz = ZB_CHART_TEXT_PX, mark_w = mark ? (layer ? sz * 1.4 : sz) + 4 : 0;
  double w, h;
  cairo_rectangle_t box;

  zb_chart_ink_set (ink, text, ZB_CHART_TEXT_PX, FALSE, flow->right - flow->left - mark_w, 1);
  zb_chart_ink_size (ink, &w, &h);
  if (flow->x > flow->left && flow->x + mark_w + w > flow->right)
    {
      flow->x = flow->left;
      flow->y += flow->row_h;
    }
  if (mark)
    {
      cairo_rectangle_t m = { flow->x, flow->y, mark_w - 4, sz * 1.2 };

      legend_mark (layer, status, cr, flow->x, flow->y, sz);
      zb_chart_ink_take (ink, &m);
    }
  box = zb_chart_ink_box (ink, flow->x + mark_w, flow->y + sz * 0.6, 0, 0.5);
  cairo_set_source_rgb (cr, mark ? 0.1 : 0.4, mark ? 0.1 : 0.4, mark ? 0.1 : 0.4);
  zb_chart_ink_draw (ink, cr, &box, text);
  flow->x += mark_w + w + 16;
}

static double
draw_legend (ZbChart    *self,
             cairo_t    *cr,
             ZbChartInk *ink,
             double      top,
             int         width)
{
  static const ZbStatus statuses[] = { ZB_STATUS_AHEAD, ZB_STATUS_ON_TRACK, ZB_STATUS_BEHIND, ZB_STATUS_UNKNOWN };
  Flow flow = { ZB_CHART_PAD, top, zb_chart_ink_line (ink, ZB_CHART_TEXT_PX) + 4, ZB_CHART_PAD, width - ZB_CHART_PAD };

  for (guint i = 0; i < self->layers->len; i++)
    {
      ZbChartLayer *layer = g_ptr_array_index (self->layers, i);
      const char *title = zb_chart_layer_get_title (layer);

      if (title != NULL && zb_chart_layer_get_kind (layer) != ZB_CHART_LAYER_LABELS)
        legend_entry (ink, cr, &flow, layer, ZB_STATUS_UNKNOWN, title, TRUE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    legend_entry (ink, cr, &flow, NULL, statuses[i], zb_status_to_label (statuses[i], self->language), TRUE);
  /* a column chart says here what it left out */
  if (self->orientation == ZB_CHART_VERTICAL && self->n_more > 0)
    {
      g_autofree char *more = g_strdup_printf (zb_i18n_gettext (self->language, N_("%u more not drawn")),
                                               self->n_more);
      legend_entry (ink, cr, &flow, NULL, ZB_STATUS_UNKNOWN, more, FALSE);
    }
  return flow.y + flow.row_h + 6;
}

/* The title and the legend; returns where the plot may start. */
static double
draw_heading (ZbChart    *self,
              cairo_t    *cr,
              ZbChartInk *ink,
              int         width)
{
  double top = ZB_CHART_PAD;

  if (self->title && *self->title)
    {
      cairo_rectangle_t box;

      zb_chart_ink_set (ink, self->title, 16, TRUE, width - 2 * ZB_CHART_PAD, 1);
      box = zb_chart_ink_box (ink, ZB_CHART_PAD, top, 0, 0);
      cairo_set_source_rgb (cr, 0, 0, 0);
      zb_chart_ink_draw (ink, cr, &box, self->title);
      top += box.height + 6;
    }
  return draw_legend (self, cr, ink, top, width);
}

/* The layout -------------------------------------------------------------- */

static ZbChartLayer *
labels_layer (ZbChart *self)
{
  ZbChartLayer *labels = NULL;

  for (guint i = 0; i < self->layers->len; i++)
    if (zb_chart_layer_get_kind (g_ptr_array_index (self->layers, i)) == ZB_CHART_LAYER_LABELS)
      labels = g_ptr_array_index (self->layers, i);
  return labels;
}

/* The widest name and status label of the rows shown. */
static void
measure_rows (ZbChart      *self,
              ZbChartInk   *ink,
              ZbChartFrame *f)
{
  ZbChartLayer *labels = labels_layer (self);
  double w, label_w = 0, right_w = 0;

  for (guint i = 0; i < self->n_shown; i++)
    {
      zb_chart_ink_set (ink, g_ptr_array_index (self->categories, i), f->text_px, FALSE, -1, 1);
      zb_chart_ink_size (ink, &w, NULL);
      label_w = MAX (label_w, w);
    }
  for (guint i = 0; labels && i < zb_chart_layer_get_n_items (labels); i++)
    {
      const ZbChartItem *it = zb_chart_layer_get_item (labels, i);

      if (it->category >= self->n_shown)
        continue;
      zb_chart_ink_set (ink, it->label ? it->label : "", f->text_px, FALSE, -1, 1);
      zb_chart_ink_size (ink, &w, NULL);
      right_w = MAX (right_w, w + f->text_px + 6);
    }
  /* long names are cut with "…" past a third of the width */
  f->label_w = MIN (label_w, f->width * 0.32);
  f->right_w = MIN (right_w, f->width * 0.25);
}

/* Rows: as many as fit at the smallest text, the last band saying how
 * many more there are; the text as large as the rows allow. */
static void
fit_rows (ZbChart      *self,
          ZbChartInk   *ink,
          ZbChartFrame *f,
          double        space)
{
  guint n = self->categories->len;
  double min_band = zb_chart_ink_line (ink, ZB_CHART_MIN_TEXT_PX) + 2;
  double full = zb_chart_ink_line (ink, ZB_CHART_TEXT_PX);
  guint slots = (guint) MAX (floor (space / min_band), 1);

  if (n + (self->n_more > 0) <= slots)
    self->n_shown = n;
  else
    self->n_shown = slots - 1;
  self->band = space / MAX (self->n_shown + (self->n_shown < n || self->n_more > 0), 1);
  f->text_px = CLAMP (ZB_CHART_TEXT_PX * (self->band - 2) / full, ZB_CHART_MIN_TEXT_PX, ZB_CHART_TEXT_PX);
}

/* Ticks that fit: as many as the plot's length leaves room for labels. */
static void
fit_ticks (ZbChart    *self,
           ZbChartInk *ink,
           double      length,
           gboolean    horizontal,
           double      line_h)
{
  guint max_ticks = 10;

  for (int pass = 0; pass < 3; pass++)
    {
      double widest = 0, w;
      guint fit;

      zb_chart_axis_set_max_ticks (self->axis, max_ticks);
      for (guint i = 0; horizontal && i < zb_chart_axis_get_n_ticks (self->axis); i++)
        {
          g_autofree char *s = zb_chart_axis_dup_tick_label (self->axis, i);

          zb_chart_ink_set (ink, s, ZB_CHART_TEXT_PX, FALSE, -1, 1);
          zb_chart_ink_size (ink, &w, NULL);
          widest = MAX (widest, w);
        }
      fit = (guint) floor (length / ((horizontal ? widest + 12 : line_h + 6))) + 1;
      if (zb_chart_axis_get_n_ticks (self->axis) <= fit)
        return;
      max_ticks = CLAMP (fit, 2, max_ticks - 1);
    }
}

static double
widest_tick (ZbChart    *self,
             ZbChartInk *ink)
{
  double widest = 0, w;

  for (guint i = 0; i < zb_chart_axis_get_n_ticks (self->axis); i++)
    {
      g_autofree char *s = zb_chart_axis_dup_tick_label (self->axis, i);

      zb_chart_ink_set (ink, s, ZB_CHART_TEXT_PX, FALSE, -1, 1);
      zb_chart_ink_size (ink, &w, NULL);
      widest = MAX (widest, w);
    }
  return widest;
}

static double
axis_title_height (ZbChart    *self,
                   ZbChartInk *ink)
{
  double h = 0;

  if (zb_chart_axis_get_title (self->axis) == NULL)
    return 0;
  zb_chart_ink_set (ink, zb_chart_axis_get_title (self->axis), ZB_CHART_TEXT_PX, FALSE, -1, 1);
  zb_chart_ink_size (ink, NULL, &h);
  return h;
}

/* Rows of names on the left, status labels on the right, ticks below. */
static void
place_rows (ZbChart      *self,
            ZbChartInk   *ink,
            ZbChartFrame *f,
            double        top)
{
  double bottom = f->height - ZB_CHART_PAD - f->axis_title_h - f->tick_h - 8;
  double left, right;

  fit_rows (self, ink, f, MAX (bottom - top, 1));
  update_axis (self);
  measure_rows (self, ink, f);
  left = ZB_CHART_PAD + f->label_w + 8;
  right = f->width - ZB_CHART_PAD - MAX (f->right_w + (f->right_w > 0 ? 10 : 0), 16);
  self->plot = (cairo_rectangle_t) { left, top, MAX (right - left, 1), MAX (bottom - top, 1) };
  fit_ticks (self, ink, self->plot.width, TRUE, f->tick_h);
}

/* Columns: status labels above, the axis title above them, names below. */
static void
place_columns (ZbChart      *self,
               ZbChartInk   *ink,
               ZbChartFrame *f,
               double        top)
{
  ZbChartLayer *labels = labels_layer (self);
  guint n = self->categories->len;
  double bottom, left;

  self->n_shown = n;
  if (labels != NULL)
    {
      g_autofree guint *counts = g_new0 (guint, MAX (n, 1));

      for (guint i = 0; i < zb_chart_layer_get_n_items (labels); i++)
        {
          guint c = zb_chart_layer_get_item (labels, i)->category;

          if (c < n)
            f->badge_rows = MAX (f->badge_rows, MIN (++counts[c], 3));
        }
      f->badge_h = f->tick_h + 2;
    }
  top += f->axis_title_h > 0 ? f->axis_title_h + 4 : 0;
  top += f->badge_rows * f->badge_h + (f->badge_rows ? 6 : 0);
  /* names take two lines at most */
  bottom = f->height - ZB_CHART_PAD - 2 * f->tick_h - 10;
  update_axis (self);
  fit_ticks (self, ink, MAX (bottom - top, 1), FALSE, f->tick_h);
  f->tick_w = widest_tick (self, ink);
  left = ZB_CHART_PAD + f->tick_w + 8;
  self->plot = (cairo_rectangle_t) { left, top, MAX (f->width - ZB_CHART_PAD - 8 - left, 1), MAX (bottom - top, 1) };
  self->band = self->plot.width / MAX (n, 1);
  f->text_px = ZB_CHART_TEXT_PX;
}

/* The grid -------------------------------------------------------------- */

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

/* The grid, its tick labels and the axis title. */
static void
draw_grid (ZbChart            *self,
           cairo_t            *cr,
           ZbChartInk         *ink,
           const ZbChartFrame *f)
{
  const char *title = zb_chart_axis_get_title (self->axis);

  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < zb_chart_axis_get_n_ticks (self->axis); i++)
    {
      double p = round (zb_chart_value_to_pixel (self, zb_chart_axis_get_tick (self->axis, i))) + 0.5;
      g_autofree char *s = zb_chart_axis_dup_tick_label (self->axis, i);

      cairo_set_source_rgb (cr, 0.88, 0.88, 0.88);
      value_line (self, cr, f->horizontal, p);
      zb_chart_ink_set (ink, s, ZB_CHART_TEXT_PX, FALSE, -1, 1);
      cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      if (f->horizontal)
        zb_chart_ink_place (ink, cr, s, p, self->plot.y + self->plot.height + 4, 0.5, 0, NULL);
      else
        zb_chart_ink_place (ink, cr, s, self->plot.x - 6, p, 1, 0.5, NULL);
    }
  if (title != NULL)
    {
      zb_chart_ink_set (ink, title, ZB_CHART_TEXT_PX, FALSE, f->width - 2 * ZB_CHART_PAD, 1);
      cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      if (f->horizontal)
        zb_chart_ink_place (ink, cr, title, self->plot.x + self->plot.width / 2, f->height - ZB_CHART_PAD, 0.5, 1, NULL);
      else
        {
          /* above the plot and its status labels, at the value axis */
          double y = self->plot.y - (f->badge_rows ? f->badge_rows * f->badge_h + 6 : 0) - 4;

          zb_chart_ink_place (ink, cr, title, ZB_CHART_PAD, y, 0, 1, NULL);
        }
    }
}

/* Names of the rows (cut to their column) or of the columns (two lines
 * under their point, one in every few when they would meet). */
static void
draw_categories (ZbChart            *self,
                 cairo_t            *cr,
                 ZbChartInk         *ink,
                 const ZbChartFrame *f)
{
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  for (guint i = 0; i < self->n_shown; i++)
    {
      const char *name = g_ptr_array_index (self->categories, i);
      double c = zb_chart_category_to_pixel (self, i);

      if (f->horizontal)
        {
          cairo_rectangle_t box;

          zb_chart_ink_set (ink, name, f->text_px, FALSE, MAX (f->label_w, 8), 1);
          box = zb_chart_ink_box (ink, self->plot.x - 8, c, 1, 0.5);
          zb_chart_ink_draw (ink, cr, &box, name);
        }
      else
        {
          zb_chart_ink_set (ink, name, ZB_CHART_TEXT_PX, FALSE, MAX (self->band - 4, 40), 2);
          /* below a point at the axis's foot */
          zb_chart_ink_place (ink, cr, name, c, self->plot.y + self->plot.height + 8, 0.5, 0, NULL);
        }
    }
}

/* The last band of a chart of too many rows: how many are not drawn. */
static void
draw_more (ZbChart            *self,
           cairo_t            *cr,
           ZbChartInk         *ink,
           const ZbChartFrame *f)
{
  guint hidden = zb_chart_get_n_hidden (self);
  g_autofree char *text = NULL;
  cairo_rectangle_t box;

  if (!f->horizontal || hidden == 0)
    return;
  text = g_strdup_printf (zb_i18n_gettext (self->language, N_("… and %u more rows, not drawn")), hidden);
  zb_chart_ink_set (ink, text, f->text_px, FALSE, f->width - 2 * ZB_CHART_PAD, 1);
  box = zb_chart_ink_box (ink, ZB_CHART_PAD, zb_chart_category_to_pixel (self, self->n_shown), 0, 0.5);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  zb_chart_ink_draw (ink, cr, &box, text);
}

static void
draw_zero (ZbChart            *self,
           cairo_t            *cr,
           const ZbChartFrame *f)
{
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
  ZbChartFrame f = { 0 };
  ZbChartInk ink;
  double top;

  g_return_if_fail (ZB_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  f.width = width;
  f.height = height;
  f.horizontal = self->orientation == ZB_CHART_HORIZONTAL;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  zb_chart_ink_init (&ink, cr, width, height);

  top = draw_heading (self, cr, &ink, width);
  f.tick_h = zb_chart_ink_line (&ink, ZB_CHART_TEXT_PX);
  f.axis_title_h = axis_title_height (self, &ink);
  if (f.horizontal)
    place_rows (self, &ink, &f, top);
  else
    place_columns (self, &ink, &f, top);
  self->drawn = TRUE;   /* the geometry is there: the parts below use it */

  draw_grid (self, cr, &ink, &f);
  draw_categories (self, cr, &ink, &f);
  draw_zero (self, cr, &f);
  draw_more (self, cr, &ink, &f);

  /* every layer's marks, then their texts clear of all of them */
  g_ptr_array_set_size (self->rects, 0);
  for (guint i = 0; i < self->layers->len; i++)
    {
      g_ptr_array_add (self->rects, g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t)));
      zb_chart_draw_layer (self, cr, &ink, i, g_ptr_array_index (self->layers, i), &f);
    }
  for (guint i = 0; i < self->layers->len; i++)
    zb_chart_label_layer (self, cr, &ink, g_ptr_array_index (self->layers, i));

  zb_chart_ink_finish (&ink, self->texts);
  cairo_restore (cr);
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
  /* NAN: an item of a row not drawn */
  if (item >= rects->len || isnan (g_array_index (rects, cairo_rectangle_t, item).x))
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
  if (category < 0 || category >= (int) self->n_shown)
    return NULL;
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
text_clear (ZbChartText *text)
{
  g_clear_pointer (&text->text, g_free);
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
  g_clear_pointer (&self->texts, g_array_unref);

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
  self->texts = g_array_new (FALSE, TRUE, sizeof (ZbChartText));
  g_array_set_clear_func (self->texts, (GDestroyNotify) text_clear);
}
