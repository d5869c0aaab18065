/* zb-chart-private.h — what the chart's own files share: its state, text
 * measured with Pango and the rectangles a frame has taken
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "zb-chart.h"

G_BEGIN_DECLS

#define ZB_CHART_FONT_FAMILY "Noto Sans CJK SC,WenQuanYi Micro Hei,Source Han Sans SC,sans-serif"
#define ZB_CHART_PAD 12.0
#define ZB_CHART_TEXT_PX 12.0
/* the smallest text a row's name is drawn at; rows get no thinner than it */
#define ZB_CHART_MIN_TEXT_PX 9.0

typedef struct { double r, g, b; } ZbRgb;

/* Text through one layout; every text drawn is kept with its rectangle so
 * that later ones can keep clear of it (and tests can check they do). */
typedef struct {
  PangoLayout          *layout;
  PangoFontDescription *font;
  GArray               *texts;   /* of ZbChartText */
  GArray               *taken;   /* of cairo_rectangle_t: texts and marks */
  cairo_rectangle_t     canvas;  /* no text is drawn past it */
} ZbChartInk;

typedef struct {
  cairo_rectangle_t  rect;
  char              *text;
} ZbChartText;

struct _ZbChart
{
  GObject             parent_instance;

  ZbChartOrientation  orientation;
  char               *title;
  char               *language;     /* of the legend; NULL: the UI language */
  ZbChartAxis        *axis;
  GPtrArray          *categories;   /* of char* */
  GPtrArray          *layers;       /* of ZbChartLayer */
  guint               n_more;       /* items its maker left out */

  /* the last draw */
  gboolean            drawn;
  cairo_rectangle_t   plot;
  double              band;         /* size of one category */
  guint               n_shown;      /* categories drawn, from the first */
  GPtrArray          *rects;        /* per layer, GArray of cairo_rectangle_t */
  GArray             *texts;        /* of ZbChartText */
};

/* What the layout decides for one frame. */
typedef struct {
  int      width, height;
  gboolean horizontal;
  double   tick_w, tick_h, axis_title_h;
  double   text_px;    /* of the category labels */
  double   label_w;    /* horizontal: the column of category names */
  double   right_w;    /* horizontal: the column of status labels */
  double   badge_h;    /* vertical: one row of status labels above the plot */
  guint    badge_rows;
} ZbChartFrame;

/* zb-chart-text.c */
void      zb_chart_ink_init      (ZbChartInk        *ink,
                                  cairo_t           *cr,
                                  int                width,
                                  int                height);
/* Hands the texts drawn to @texts (emptied first). */
void      zb_chart_ink_finish    (ZbChartInk        *ink,
                                  GArray            *texts);
/* Sets the text to draw next, cut with "…" at @max_width (≤ 0: never) and,
 * when @max_lines > 1, wrapped by character onto that many lines. */
void      zb_chart_ink_set       (ZbChartInk        *ink,
                                  const char        *text,
                                  double             px,
                                  gboolean           bold,
                                  double             max_width,
                                  int                max_lines);
void      zb_chart_ink_size      (ZbChartInk        *ink,
                                  double            *width,
                                  double            *height);
/* The height of one line of text of @px. */
double    zb_chart_ink_line      (ZbChartInk        *ink,
                                  double             px);
/* Where the text set would be drawn with (x, y) at the anchor ax, ay
 * (0…1 of its box). */
cairo_rectangle_t zb_chart_ink_box (ZbChartInk      *ink,
                                  double             x,
                                  double             y,
                                  double             ax,
                                  double             ay);
/* Whether @rect is clear of everything taken and inside @bounds (NULL:
 * anywhere). */
gboolean  zb_chart_ink_free      (ZbChartInk              *ink,
                                  const cairo_rectangle_t *rect,
                                  const cairo_rectangle_t *bounds);
void      zb_chart_ink_take      (ZbChartInk              *ink,
                                  const cairo_rectangle_t *rect);
/* Draws the text set at its box, in the current source, and takes it;
 * FALSE (and nothing drawn) when the box is not on the canvas. */
gboolean  zb_chart_ink_draw      (ZbChartInk              *ink,
                                  cairo_t                 *cr,
                                  const cairo_rectangle_t *box,
                                  const char              *text);
/* Both: the box at the anchor, drawn when free; FALSE when not drawn. */
gboolean  zb_chart_ink_place     (ZbChartInk              *ink,
                                  cairo_t                 *cr,
                                  const char              *text,
                                  double                   x,
                                  double                   y,
                                  double                   ax,
                                  double                   ay,
                                  const cairo_rectangle_t *bounds);
gboolean  zb_chart_rects_meet    (const cairo_rectangle_t *a,
                                  const cairo_rectangle_t *b);

/* zb-chart-paint.c */
ZbRgb     zb_chart_status_colour (ZbStatus           status);
/* A series' line colour: 0 the report's own, then others apart from it. */
ZbRgb     zb_chart_series_colour (guint              series);
void      zb_chart_set_rgb       (cairo_t           *cr,
                                  ZbRgb              colour);
void      zb_chart_status_shape  (cairo_t           *cr,
                                  ZbStatus           status,
                                  double             cx,
                                  double             cy,
                                  double             r);
void      zb_chart_diamond       (cairo_t           *cr,
                                  double             cx,
                                  double             cy,
                                  double             r);
void      zb_chart_bar           (cairo_t           *cr,
                                  ZbStatus           status,
                                  double             x,
                                  double             y,
                                  double             w,
                                  double             h);
/* Two slanted gaps across a bar cut at the plot's edge: it goes on. */
void      zb_chart_break_mark    (cairo_t           *cr,
                                  gboolean           horizontal,
                                  double             at,
                                  double             across,
                                  double             thick);
/* An arrowhead at (x, y) pointing along (dx, dy), for a point off the axis. */
void      zb_chart_arrow         (cairo_t           *cr,
                                  double             x,
                                  double             y,
                                  double             dx,
                                  double             dy,
                                  double             size);

/* zb-chart-layers.c */
void      zb_chart_draw_layer    (ZbChart            *self,
                                  cairo_t            *cr,
                                  ZbChartInk         *ink,
                                  guint               index,
                                  ZbChartLayer       *layer,
                                  const ZbChartFrame *frame);
/* The texts of a layer, after every layer's marks are drawn. */
void      zb_chart_label_layer   (ZbChart            *self,
                                  cairo_t            *cr,
                                  ZbChartInk         *ink,
                                  ZbChartLayer       *layer);
/* Item rectangles of a layer, recorded as it is drawn; NAN for one not drawn. */
void      zb_chart_record        (ZbChart            *self,
                                  guint               layer,
                                  double              x,
                                  double              y,
                                  double              w,
                                  double              h);
/* A value's pixel, held to the plot; *clipped says whether it had to be. */
double    zb_chart_clamped_pixel (ZbChart            *self,
                                  double              value,
                                  int                *clipped);

G_END_DECLS
