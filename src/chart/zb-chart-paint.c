/* zb-chart-paint.c — the marks of a chart: colours, status shapes, bars, breaks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-chart-private.h"

#include <math.h>

/* Chosen to differ in lightness too, so greyscale prints keep them apart;
 * the shape and label say the same again. */
ZbRgb
zb_chart_status_colour (ZbStatus status)
{
  switch (status)
    {
    case ZB_STATUS_AHEAD: return (ZbRgb) { 0.11, 0.47, 0.22 };
    case ZB_STATUS_ON_TRACK: return (ZbRgb) { 0.26, 0.58, 0.76 };
    case ZB_STATUS_BEHIND: return (ZbRgb) { 0.84, 0.38, 0.30 };
    case ZB_STATUS_UNKNOWN:
    default: return (ZbRgb) { 0.74, 0.74, 0.74 };
    }
}

ZbRgb
zb_chart_series_colour (guint series)
{
  /* the own area dark, others in hues that stay apart from it and from
   * the status colours of the points */
  static const ZbRgb colours[] = {
    { 0.12, 0.20, 0.35 }, { 0.85, 0.50, 0.10 }, { 0.50, 0.30, 0.65 },
    { 0.10, 0.55, 0.50 }, { 0.55, 0.35, 0.20 }, { 0.45, 0.45, 0.45 },
  };

  return colours[series % G_N_ELEMENTS (colours)];
}

void
zb_chart_set_rgb (cairo_t *cr,
                  ZbRgb    c)
{
  cairo_set_source_rgb (cr, c.r, c.g, c.b);
}

void
zb_chart_status_shape (cairo_t  *cr,
                       ZbStatus  status,
                       double    cx,
                       double    cy,
                       double    r)
{
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
      zb_chart_set_rgb (cr, zb_chart_status_colour (status));
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
    }
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

void
zb_chart_diamond (cairo_t *cr,
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

void
zb_chart_bar (cairo_t  *cr,
              ZbStatus  status,
              double    x,
              double    y,
              double    w,
              double    h)
{
  if (w <= 0 || h <= 0)
    return;
  cairo_rectangle (cr, x, y, w, h);
  zb_chart_set_rgb (cr, zb_chart_status_colour (status));
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

void
zb_chart_break_mark (cairo_t  *cr,
                     gboolean  horizontal,
                     double    at,
                     double    across,
                     double    thick)
{
  double half = thick / 2 + 3;

  cairo_save (cr);
  cairo_set_line_width (cr, 3);
  cairo_set_source_rgb (cr, 1, 1, 1);
  for (int k = 0; k < 2; k++)
    {
      double p = at + k * 5;

      if (horizontal)
        {
          cairo_move_to (cr, p - 3, across + half);
          cairo_line_to (cr, p + 3, across - half);
        }
      else
        {
          cairo_move_to (cr, across - half, p + 3);
          cairo_line_to (cr, across + half, p - 3);
        }
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
zb_chart_arrow (cairo_t *cr,
                double   x,
                double   y,
                double   dx,
                double   dy,
                double   size)
{
  double len = hypot (dx, dy);
  double ux = len > 0 ? dx / len : 1, uy = len > 0 ? dy / len : 0;

  cairo_new_path (cr);
  cairo_move_to (cr, x + ux * size, y + uy * size);
  cairo_line_to (cr, x - uy * size * 0.7, y + ux * size * 0.7);
  cairo_line_to (cr, x + uy * size * 0.7, y - ux * size * 0.7);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
  cairo_fill (cr);
}
