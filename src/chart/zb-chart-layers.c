/* zb-chart-layers.c — drawing a chart's layers: bars, markers, lines, status labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Marks go first, all layers of them, so that the texts placed after them
 * (a point's value, the end of a target line) keep clear of every mark
 * and of each other: a text that finds no free place is left out, its
 * figure's tooltip says it all the same.
 */
#include "zb-chart-private.h"

#include <math.h>
#include <string.h>

void
zb_chart_record (ZbChart *self,
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
record_none (ZbChart *self,
             guint    layer)
{
  zb_chart_record (self, layer, NAN, NAN, 0, 0);
}

double
zb_chart_clamped_pixel (ZbChart *self,
                        double   value,
                        int     *clipped)
{
  double lo = zb_chart_axis_get_min (self->axis);
  double hi = zb_chart_axis_get_max (self->axis);
  double slack = (hi - lo) * 1e-9;

  *clipped = value > hi + slack ? 1 : value < lo - slack ? -1 : 0;
  return zb_chart_value_to_pixel (self, CLAMP (value, lo, hi));
}

static void
point (ZbChart *self,
       guint    category,
       double   value,
       double  *x,
       double  *y,
       int     *clipped)
{
  double c = zb_chart_category_to_pixel (self, category);
  double v = zb_chart_clamped_pixel (self, value, clipped);

  *x = self->orientation == ZB_CHART_HORIZONTAL ? v : c;
  *y = self->orientation == ZB_CHART_HORIZONTAL ? c : v;
}

static gboolean
shown (ZbChart           *self,
       const ZbChartItem *it)
{
  return it->category < self->n_shown;
}

static char *
format_value (double value)
{
  if (fabs (value - round (value)) < 0.05)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.1f", value);
}

/* A value beyond the axis: its number where the mark meets the edge, on a
 * white ground over the mark, and an arrow pointing on. */
static void
clipped_value (ZbChart    *self,
               cairo_t    *cr,
               ZbChartInk *ink,
               double      x,
               double      y,
               int         clipped,
               double      value)
{
  gboolean horizontal = self->orientation == ZB_CHART_HORIZONTAL;
  g_autofree char *text = format_value (value);
  cairo_rectangle_t box;
  double ax, ay, dx = 0, dy = 0;

  if (horizontal)
    dx = clipped;
  else
    dy = -clipped;
  zb_chart_arrow (cr, x - dx * 4, y - dy * 4, dx, dy, 5);
  zb_chart_ink_set (ink, text, ZB_CHART_TEXT_PX - 1, TRUE, -1, 1);
  /* inside the plot, before the arrow */
  ax = horizontal ? (clipped > 0 ? 1 : 0) : 0.5;
  ay = horizontal ? 0.5 : (clipped > 0 ? 0 : 1);
  box = zb_chart_ink_box (ink, x - dx * 20, y - dy * 20, ax, ay);
  if (!zb_chart_ink_free (ink, &box, NULL))
    return;
  cairo_rectangle (cr, box.x - 2, box.y, box.width + 4, box.height);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  zb_chart_ink_draw (ink, cr, &box, text);
}

static void
draw_bars (ZbChart      *self,
           cairo_t      *cr,
           ZbChartInk   *ink,
           guint         index,
           ZbChartLayer *layer)
{
  gboolean horizontal = self->orientation == ZB_CHART_HORIZONTAL;
  double thick = MIN (self->band * 0.6, 28);
  double zero = zb_chart_value_to_pixel (self, 0);

  for (guint i = 0; i < zb_chart_layer_get_n_items (layer); i++)
    {
      const ZbChartItem *it = zb_chart_layer_get_item (layer, i);
      double c, v;
      int clipped;

      if (!shown (self, it))
        {
          record_none (self, index);
          continue;
        }
      c = zb_chart_category_to_pixel (self, it->category);
      v = zb_chart_clamped_pixel (self, it->value, &clipped);
      if (horizontal)
        {
          zb_chart_record (self, index, zero, c - thick / 2, v - zero, thick);
          zb_chart_bar (cr, it->status, MIN (zero, v), c - thick / 2, fabs (v - zero), thick);
          if (clipped)
            zb_chart_break_mark (cr, TRUE, v - clipped * 14, c, thick);
        }
      else
        {
          zb_chart_record (self, index, c - thick / 2, zero, thick, v - zero);
          zb_chart_bar (cr, it->status, c - thick / 2, MIN (zero, v), thick, fabs (v - zero));
          if (clipped)
            zb_chart_break_mark (cr, FALSE, v + clipped * 14, c, thick);
        }
      if (clipped)
        clipped_value (self, cr, ink, horizontal ? v : c, horizontal ? c : v, clipped, it->value);
    }
}

static void
draw_markers (ZbChart      *self,
              cairo_t      *cr,
              ZbChartInk   *ink,
              guint         index,
              ZbChartLayer *layer)
{
  for (guint i = 0; i < zb_chart_layer_get_n_items (layer); i++)
    {
      const ZbChartItem *it = zb_chart_layer_get_item (layer, i);
      double x, y, r = CLAMP (self->band * 0.35, 2.5, 7);
      int clipped;

      if (!shown (self, it))
        {
          record_none (self, index);
          continue;
        }
      point (self, it->category, it->value, &x, &y, &clipped);
      zb_chart_record (self, index, x - r, y - r, 2 * r, 2 * r);
      zb_chart_diamond (cr, x, y, r);
      if (clipped)
        clipped_value (self, cr, ink, x, y, clipped, it->value);
    }
}

/* The path of a line layer through the first item of each category; a
 * flat (dashed) target line runs across the whole of each category. */
static void
line_path (ZbChart      *self,
           cairo_t      *cr,
           ZbChartLayer *layer,
           gboolean      dashed)
{
  gboolean horizontal = self->orientation == ZB_CHART_HORIZONTAL;
  double half = self->band / 2;
  gboolean started = FALSE;
  guint last = G_MAXUINT;

  cairo_new_path (cr);
  for (guint i = 0; i < zb_chart_layer_get_n_items (layer); i++)
    {
      const ZbChartItem *it = zb_chart_layer_get_item (layer, i);
      double x, y;
      int clipped;

      /* a second value of a period is a point of its own, not the line's */
      if (!shown (self, it) || it->category == last)
        continue;
      last = it->category;
      point (self, it->category, it->value, &x, &y, &clipped);
      if (dashed && horizontal)
        {
          if (!started) cairo_move_to (cr, x, y - half); else cairo_line_to (cr, x, y - half);
          cairo_line_to (cr, x, y + half);
        }
      else if (dashed)
        {
          if (!started) cairo_move_to (cr, x - half, y); else cairo_line_to (cr, x - half, y);
          cairo_line_to (cr, x + half, y);
        }
      else if (!started)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
      started = TRUE;
    }
}

/* The line as marks texts keep clear of: short pieces along it. */
static void
take_line (ZbChart      *self,
           ZbChartInk   *ink,
           ZbChartLayer *layer,
           gboolean      dashed)
{
  double px = NAN, py = NAN, half = self->band / 2;
  guint last = G_MAXUINT;

  for (guint i = 0; i < zb_chart_layer_get_n_items (layer); i++)
    {
      const ZbChartItem *it = zb_chart_layer_get_item (layer, i);
      double x, y, len;
      int clipped;
      guint steps;

      if (!shown (self, it) || it->category == last)
        continue;
      last = it->category;
      point (self, it->category, it->value, &x, &y, &clipped);
      if (dashed)
        {
          cairo_rectangle_t r = self->orientation == ZB_CHART_HORIZONTAL
                              ? (cairo_rectangle_t) { x - 1.5, y - half, 3, 2 * half }
                              : (cairo_rectangle_t) { x - half, y - 1.5, 2 * half, 3 };
          zb_chart_ink_take (ink, &r);
          continue;
        }
      if (!isnan (px))
        {
          len = hypot (x - px, y - py);
          steps = (guint) MAX (ceil (len / 6), 1);
          for (guint k = 0; k < steps; k++)
            {
              double ax = px + (x - px) * k / steps, ay = py + (y - py) * k / steps;
              double bx = px + (x - px) * (k + 1) / steps, by = py + (y - py) * (k + 1) / steps;
              cairo_rectangle_t r = { MIN (ax, bx) - 1, MIN (ay, by) - 1, fabs (bx - ax) + 2, fabs (by - ay) + 2 };

              zb_chart_ink_take (ink, &r);
            }
        }
      px = x;
      py = y;
    }
}

static double
point_radius (ZbChart *self)
{
  return CLAMP (self->band * 0.12, 3, 6);
}

static void
draw_line (ZbChart      *self,
           cairo_t      *cr,
           ZbChartInk   *ink,
           guint         index,
           ZbChartLayer *layer)
{
  gboolean dashed = zb_chart_layer_get_dashed (layer);
  ZbRgb colour = zb_chart_series_colour (zb_chart_layer_get_series (layer));
  double r = point_radius (self);

  line_path (self, cr, layer, dashed);
  take_line (self, ink, layer, dashed);
  if (dashed)
    cairo_set_source_rgb (cr, 0.2 + colour.r * 0.5, 0.2 + colour.g * 0.5, 0.2 + colour.b * 0.5);
  else
    zb_chart_set_rgb (cr, colour);
  cairo_set_line_width (cr, dashed ? 1.5 : 2.5);
  if (dashed)
    cairo_set_dash (cr, (double[]) { 7, 4 }, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint i = 0; i < zb_chart_layer_get_n_items (layer); i++)
    {
      const ZbChartItem *it = zb_chart_layer_get_item (layer, i);
      cairo_rectangle_t mark;
      double x, y;
      int clipped;

      if (!shown (self, it))
        {
          record_none (self, index);
          continue;
        }
      point (self, it->category, it->value, &x, &y, &clipped);
      if (dashed)
        {
          zb_chart_record (self, index, x - 3, y - 3, 6, 6);
          continue;
        }
      zb_chart_record (self, index, x - r - 1, y - r - 1, 2 * r + 2, 2 * r + 2);
      mark = (cairo_rectangle_t) { x - r - 1, y - r - 1, 2 * r + 2, 2 * r + 2 };
      zb_chart_ink_take (ink, &mark);
      zb_chart_status_shape (cr, it->status, x, y, r);
      if (clipped)
        clipped_value (self, cr, ink, x, y, clipped, it->value);
    }
}

/* A point's value beside it: above, else below, right, left or at a
 * corner, inside the plot and clear of every other text and mark. */
static void
label_point (ZbChart     *self,
             cairo_t     *cr,
             ZbChartInk  *ink,
             const char  *text,
             double       x,
             double       y,
             double       r,
             ZbRgb        colour)
{
  const struct { double dx, dy, ax, ay; } spots[] = {
    { 0, -(r + 3), 0.5, 1 }, { 0, r + 3, 0.5, 0 }, { r + 3, 0, 0, 0.5 }, { -(r + 3), 0, 1, 0.5 },
    { r + 1, -(r + 1), 0, 1 }, { -(r + 1), -(r + 1), 1, 1 }, { r + 1, r + 1, 0, 0 }, { -(r + 1), r + 1, 1, 0 },
  };
  gboolean horizontal = self->orientation == ZB_CHART_HORIZONTAL;

  zb_chart_ink_set (ink, text, ZB_CHART_TEXT_PX, FALSE, -1, 1);
  /* in its line's colour, a little darker: whose value it is */
  cairo_set_source_rgb (cr, colour.r * 0.8, colour.g * 0.8, colour.b * 0.8);
  for (guint k = 0; k < G_N_ELEMENTS (spots); k++)
    {
      /* rows: to the right first */
      guint s = horizontal && k < 4 ? (k + 2) % 4 : k;

      if (zb_chart_ink_place (ink, cr, text, x + spots[s].dx, y + spots[s].dy, spots[s].ax, spots[s].ay,
                              &self->plot))
        return;
    }
}

static void
label_line (ZbChart      *self,
            cairo_t      *cr,
            ZbChartInk   *ink,
            ZbChartLayer *layer)
{
  gboolean horizontal = self->orientation == ZB_CHART_HORIZONTAL;
  gboolean dashed = zb_chart_layer_get_dashed (layer);
  guint n = zb_chart_layer_get_n_items (layer);
  double half = self->band / 2;

  for (guint i = 0; i < n; i++)
    {
      const ZbChartItem *it = zb_chart_layer_get_item (layer, i);
      double x, y;
      int clipped;

      if (!shown (self, it) || it->label == NULL)
        continue;
      point (self, it->category, it->value, &x, &y, &clipped);
      /* a value beyond the axis has its number at the edge already */
      if (clipped)
        continue;
      if (!dashed)
        {
          label_point (self, cr, ink, it->label, x, y, point_radius (self),
                       zb_chart_series_colour (zb_chart_layer_get_series (layer)));
          continue;
        }
      /* the target's value once, at the end of its line: above it, else below */
      if (i + 1 != n)
        continue;
      zb_chart_ink_set (ink, it->label, ZB_CHART_TEXT_PX, FALSE, -1, 1);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      if (horizontal)
        {
          if (!zb_chart_ink_place (ink, cr, it->label, x + 3, y + half, 0, 1, &self->plot))
            zb_chart_ink_place (ink, cr, it->label, x - 3, y + half, 1, 1, &self->plot);
        }
      else if (!zb_chart_ink_place (ink, cr, it->label, x + half - 2, y - 2, 1, 1, &self->plot))
        zb_chart_ink_place (ink, cr, it->label, x + half - 2, y + 2, 1, 0, &self->plot);
    }
}

/* A row's status beside the plot: the shape and its words, cut to the column. */
static void
status_row (ZbChart            *self,
            cairo_t            *cr,
            ZbChartInk         *ink,
            guint               index,
            const ZbChartItem  *it,
            const ZbChartFrame *f)
{
  double x = self->plot.x + self->plot.width + 10;
  double c = zb_chart_category_to_pixel (self, it->category);
  double r = MIN (f->text_px * 0.45, self->band * 0.45);
  double w = 0, h = 0;

  zb_chart_status_shape (cr, it->status, x + r, c, r);
  if (it->label != NULL && *it->label)
    {
      cairo_rectangle_t box;

      zb_chart_ink_set (ink, it->label, f->text_px, FALSE, MAX (f->right_w - 2 * r - 4, 8), 1);
      box = zb_chart_ink_box (ink, x + 2 * r + 4, c, 0, 0.5);
      w = box.width;
      h = box.height;
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      zb_chart_ink_draw (ink, cr, &box, it->label);
    }
  zb_chart_record (self, index, x, c - MAX (h, 2 * r) / 2, 2 * r + 4 + w, MAX (h, 2 * r));
}

/* A column's status above the plot, one row per series: the words that fit
 * the column — all, the gap alone, or the shape alone. */
static void
status_badge (ZbChart            *self,
              cairo_t            *cr,
              ZbChartInk         *ink,
              guint               index,
              const ZbChartItem  *it,
              guint               row,
              const ZbChartFrame *f)
{
  double c = zb_chart_category_to_pixel (self, it->category);
  double cy = self->plot.y - 4 - f->badge_h * (row + 0.5);
  double r = MIN (ZB_CHART_TEXT_PX * 0.45, self->band * 0.3);
  const char *space = it->label ? strchr (it->label, ' ') : NULL;
  g_autofree char *gap = space ? g_strndup (it->label, space - it->label) : NULL;
  const char *choices[] = { it->label, gap, "" };
  double w = 0, h = 0, total = 2 * r;
  const char *text = "";
  cairo_rectangle_t shape;

  for (guint k = 0; k < G_N_ELEMENTS (choices); k++)
    {
      if (choices[k] == NULL)
        continue;
      zb_chart_ink_set (ink, choices[k], ZB_CHART_TEXT_PX, FALSE, -1, 1);
      zb_chart_ink_size (ink, &w, &h);
      total = *choices[k] ? 2 * r + 4 + w : 2 * r;
      text = choices[k];
      if (total <= self->band - 2)
        break;
    }
  shape = (cairo_rectangle_t) { c - total / 2, cy - r, 2 * r, 2 * r };
  if (!zb_chart_ink_free (ink, &shape, NULL))
    {
      record_none (self, index);
      return;
    }
  zb_chart_status_shape (cr, it->status, shape.x + r, cy, r);
  zb_chart_ink_take (ink, &shape);
  if (*text)
    {
      cairo_rectangle_t box = zb_chart_ink_box (ink, shape.x + 2 * r + 4, cy, 0, 0.5);

      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      if (zb_chart_ink_free (ink, &box, NULL))
        zb_chart_ink_draw (ink, cr, &box, text);
    }
  zb_chart_record (self, index, shape.x, cy - MAX (h, 2 * r) / 2, total, MAX (h, 2 * r));
}

static void
draw_labels (ZbChart            *self,
             cairo_t            *cr,
             ZbChartInk         *ink,
             guint               index,
             ZbChartLayer       *layer,
             const ZbChartFrame *f)
{
  g_autofree guint *rows = g_new0 (guint, MAX (self->categories->len, 1));

  for (guint i = 0; i < zb_chart_layer_get_n_items (layer); i++)
    {
      const ZbChartItem *it = zb_chart_layer_get_item (layer, i);

      if (!shown (self, it))
        record_none (self, index);
      else if (f->horizontal)
        status_row (self, cr, ink, index, it, f);
      else if (rows[it->category] >= f->badge_rows)
        record_none (self, index);
      else
        status_badge (self, cr, ink, index, it, rows[it->category]++, f);
    }
}

void
zb_chart_draw_layer (ZbChart            *self,
                     cairo_t            *cr,
                     ZbChartInk         *ink,
                     guint               index,
                     ZbChartLayer       *layer,
                     const ZbChartFrame *frame)
{
  switch (zb_chart_layer_get_kind (layer))
    {
    case ZB_CHART_LAYER_BARS:
      draw_bars (self, cr, ink, index, layer);
      break;
    case ZB_CHART_LAYER_MARKERS:
      draw_markers (self, cr, ink, index, layer);
      break;
    case ZB_CHART_LAYER_LINE:
      draw_line (self, cr, ink, index, layer);
      break;
    case ZB_CHART_LAYER_LABELS:
    default:
      draw_labels (self, cr, ink, index, layer, frame);
      break;
    }
}

void
zb_chart_label_layer (ZbChart      *self,
                      cairo_t      *cr,
                      ZbChartInk   *ink,
                      ZbChartLayer *layer)
{
  if (zb_chart_layer_get_kind (layer) == ZB_CHART_LAYER_LINE)
    label_line (self, cr, ink, layer);
}
