/* zb-chart-text.c — chart text measured with Pango, placed clear of what is drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-chart-private.h"

#include <math.h>

static void
text_clear (ZbChartText *text)
{
  g_clear_pointer (&text->text, g_free);
}

void
zb_chart_ink_init (ZbChartInk *ink,
                   cairo_t    *cr,
                   int         width,
                   int         height)
{
  ink->canvas = (cairo_rectangle_t) { 0, 0, width, height };
  ink->layout = pango_cairo_create_layout (cr);
  ink->font = pango_font_description_from_string (ZB_CHART_FONT_FAMILY);
  ink->texts = g_array_new (FALSE, TRUE, sizeof (ZbChartText));
  g_array_set_clear_func (ink->texts, (GDestroyNotify) text_clear);
  ink->taken = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
}

void
zb_chart_ink_finish (ZbChartInk *ink,
                     GArray     *texts)
{
  g_array_set_size (texts, 0);
  /* the strings move over */
  g_array_append_vals (texts, ink->texts->data, ink->texts->len);
  g_array_set_clear_func (ink->texts, NULL);
  g_clear_pointer (&ink->texts, g_array_unref);
  g_clear_pointer (&ink->taken, g_array_unref);
  g_clear_object (&ink->layout);
  g_clear_pointer (&ink->font, pango_font_description_free);
}

void
zb_chart_ink_set (ZbChartInk *ink,
                  const char *text,
                  double      px,
                  gboolean    bold,
                  double      max_width,
                  int         max_lines)
{
  pango_font_description_set_absolute_size (ink->font, px * PANGO_SCALE);
  pango_font_description_set_weight (ink->font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (ink->layout, ink->font);
  pango_layout_set_width (ink->layout, max_width > 0 ? (int) (MAX (max_width, 1) * PANGO_SCALE) : -1);
  /* Chinese has no spaces to break at: any character may end a line */
  pango_layout_set_wrap (ink->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (ink->layout, max_lines > 1 ? -max_lines : -1);
  pango_layout_set_alignment (ink->layout, max_lines > 1 ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  pango_layout_set_ellipsize (ink->layout, max_width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_text (ink->layout, text ? text : "", -1);
}

static void
logical (ZbChartInk     *ink,
         PangoRectangle *rect)
{
  pango_layout_get_extents (ink->layout, NULL, rect);
}

void
zb_chart_ink_size (ZbChartInk *ink,
                   double     *width,
                   double     *height)
{
  PangoRectangle r;

  logical (ink, &r);
  if (width)
    *width = r.width / (double) PANGO_SCALE;
  if (height)
    *height = r.height / (double) PANGO_SCALE;
}

double
zb_chart_ink_line (ZbChartInk *ink,
                   double      px)
{
  double h;

  zb_chart_ink_set (ink, "国Ag", px, FALSE, -1, 1);
  zb_chart_ink_size (ink, NULL, &h);
  return h;
}

cairo_rectangle_t
zb_chart_ink_box (ZbChartInk *ink,
                  double      x,
                  double      y,
                  double      ax,
                  double      ay)
{
  double w, h;

  zb_chart_ink_size (ink, &w, &h);
  return (cairo_rectangle_t) { x - w * ax, y - h * ay, w, h };
}

gboolean
zb_chart_rects_meet (const cairo_rectangle_t *a,
                     const cairo_rectangle_t *b)
{
  /* edges that touch do not meet */
  const double e = 0.01;

  return a->x < b->x + b->width - e && b->x < a->x + a->width - e &&
         a->y < b->y + b->height - e && b->y < a->y + a->height - e;
}

gboolean
zb_chart_ink_free (ZbChartInk              *ink,
                   const cairo_rectangle_t *rect,
                   const cairo_rectangle_t *bounds)
{
  const double e = 0.01;

  if (bounds != NULL &&
      (rect->x < bounds->x - e || rect->y < bounds->y - e ||
       rect->x + rect->width > bounds->x + bounds->width + e ||
       rect->y + rect->height > bounds->y + bounds->height + e))
    return FALSE;
  for (guint i = 0; i < ink->taken->len; i++)
    if (zb_chart_rects_meet (rect, &g_array_index (ink->taken, cairo_rectangle_t, i)))
      return FALSE;
  return TRUE;
}

void
zb_chart_ink_take (ZbChartInk              *ink,
                   const cairo_rectangle_t *rect)
{
  if (rect->width > 0 && rect->height > 0 && isfinite (rect->x) && isfinite (rect->y))
    g_array_append_val (ink->taken, *rect);
}

static gboolean
on_canvas (ZbChartInk              *ink,
           const cairo_rectangle_t *rect)
{
  const cairo_rectangle_t *c = &ink->canvas;
  const double e = 0.01;

  return rect->x >= c->x - e && rect->y >= c->y - e &&
         rect->x + rect->width <= c->x + c->width + e && rect->y + rect->height <= c->y + c->height + e;
}

gboolean
zb_chart_ink_draw (ZbChartInk              *ink,
                   cairo_t                 *cr,
                   const cairo_rectangle_t *box,
                   const char              *text)
{
  PangoRectangle r;
  ZbChartText kept;

  /* a chart too small for all its words drops those that do not fit */
  if (!on_canvas (ink, box))
    return FALSE;
  kept = (ZbChartText) { *box, g_strdup (text) };
  /* a laid-out width moves centred lines right of the box's left edge */
  logical (ink, &r);
  cairo_move_to (cr, box->x - r.x / (double) PANGO_SCALE, box->y - r.y / (double) PANGO_SCALE);
  pango_cairo_show_layout (cr, ink->layout);
  g_array_append_val (ink->texts, kept);
  zb_chart_ink_take (ink, box);
  return TRUE;
}

gboolean
zb_chart_ink_place (ZbChartInk              *ink,
                    cairo_t                 *cr,
                    const char              *text,
                    double                   x,
                    double                   y,
                    double                   ax,
                    double                   ay,
                    const cairo_rectangle_t *bounds)
{
  cairo_rectangle_t box = zb_chart_ink_box (ink, x, y, ax, ay);

  if (!zb_chart_ink_free (ink, &box, bounds))
    return FALSE;
  return zb_chart_ink_draw (ink, cr, &box, text);
}
