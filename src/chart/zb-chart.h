/* zb-chart.h — charts drawn onto any cairo_t: layers over a value axis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "zb-chart-axis.h"
#include "zb-chart-layer.h"
#include "zb-comparison.h"
#include "zb-ledger.h"

G_BEGIN_DECLS

typedef enum {
  ZB_CHART_HORIZONTAL,   /* categories are rows, values run left to right (the gap chart) */
  ZB_CHART_VERTICAL,     /* categories along the bottom, values upward (the trend chart) */
} ZbChartOrientation;

#define ZB_TYPE_CHART (zb_chart_get_type ())
G_DECLARE_FINAL_TYPE (ZbChart, zb_chart, ZB, CHART, GObject)

ZbChart       *zb_chart_new                (ZbChartOrientation  orientation);
ZbChartOrientation zb_chart_get_orientation (ZbChart           *self);
const char    *zb_chart_get_title          (ZbChart            *self);
void           zb_chart_set_title          (ZbChart            *self,
                                            const char         *title);
/* The language of the legend and of the ledger charts' words: "zh…" for
 * Chinese, any other for English, NULL for the UI language. */
const char    *zb_chart_get_language       (ZbChart            *self);
void           zb_chart_set_language       (ZbChart            *self,
                                            const char         *language);
ZbChartAxis   *zb_chart_get_value_axis     (ZbChart            *self);
guint          zb_chart_add_category       (ZbChart            *self,
                                            const char         *label);
guint          zb_chart_get_n_categories   (ZbChart            *self);
const char    *zb_chart_get_category       (ZbChart            *self,
                                            guint               i);
void           zb_chart_add_layer          (ZbChart            *self,
                                            ZbChartLayer       *layer);
guint          zb_chart_get_n_layers       (ZbChart            *self);
ZbChartLayer  *zb_chart_get_layer          (ZbChart            *self,
                                            guint               i);

/* Items its maker left out (a gap chart of a huge section keeps
 * ZB_CHART_MAX_ROWS rows); the chart says how many. */
#define ZB_CHART_MAX_ROWS 200
void           zb_chart_set_n_more         (ZbChart            *self,
                                            guint               n_more);
guint          zb_chart_get_n_more         (ZbChart            *self);

/* Draws the whole chart into (0, 0, width, height) of @cr — a
 * GtkDrawingArea draw function can call it as it is. */
void           zb_chart_draw               (ZbChart            *self,
                                            cairo_t            *cr,
                                            int                 width,
                                            int                 height);

/* Geometry of the last draw, in the coordinates given to zb_chart_draw(). */
gboolean       zb_chart_get_plot_area      (ZbChart            *self,
                                            cairo_rectangle_t  *area);
gboolean       zb_chart_get_item_rect      (ZbChart            *self,
                                            guint               layer,
                                            guint               item,
                                            cairo_rectangle_t  *rect);
double         zb_chart_value_to_pixel     (ZbChart            *self,
                                            double              value);
double         zb_chart_category_to_pixel  (ZbChart            *self,
                                            guint               category);
/* The figure under (x, y) after a draw: an item's figure, else the first
 * figure of the row or column there; NULL when none. @layer and @item
 * (nullable) receive where it was found. */
ZbFigure      *zb_chart_hit_test           (ZbChart            *self,
                                            double              x,
                                            double              y,
                                            guint              *layer,
                                            guint              *item);

/* After a draw: rows left out, by the maker or for want of room (a row
 * is never thinner than its text); every text drawn with its rectangle —
 * none meets another; whether an item lies beyond the axis, which an
 * outlier is rather than squeeze the rest (drawn to the edge, broken,
 * with its value). */
guint          zb_chart_get_n_hidden       (ZbChart            *self);
guint          zb_chart_get_n_texts        (ZbChart            *self);
const char    *zb_chart_get_text           (ZbChart            *self,
                                            guint               i,
                                            cairo_rectangle_t  *rect);
gboolean       zb_chart_item_is_clipped    (ZbChart            *self,
                                            guint               layer,
                                            guint               item);

/* The height below which a widget should scroll it rather than squeeze
 * its rows. */
int            zb_chart_get_min_height     (ZbChart            *self);

/* The size a file or image of the chart is drawn at: text at full size
 * and, for a horizontal chart, a height that grows with the rows. */
void           zb_chart_get_natural_size   (ZbChart            *self,
                                            int                *width,
                                            int                *height);

/* Writes PNG, SVG or PDF, the format from the file name's extension. */
gboolean       zb_chart_save               (ZbChart            *self,
                                            const char         *path,
                                            int                 width,
                                            int                 height,
                                            GError            **error);

/* Charts of the ledger. */
/* Their words follow @language as zb_chart_set_language() says. */
/* One row per assessment with a growth rate: a bar for the growth, a
 * diamond for the target, the gap and status beside it. Rows named alike
 * are told apart by their line (or quote); past ZB_CHART_MAX_ROWS, those
 * with a target are kept first and the rest counted. */
ZbChart       *zb_chart_new_gap            (GPtrArray          *assessments,
                                            const char         *title,
                                            const char         *language);
/* One indicator across periods (sorted, as zb_ledger_assess_indicator()
 * returns them) with its target as a dashed line: a line per area (the
 * report's own first, layer 1 after its target), each named in the
 * legend when there are several; a second value of an area's period is a
 * point off its line. */
ZbChart       *zb_chart_new_trend          (GPtrArray          *assessments,
                                            const char         *indicator,
                                            const char         *language);
/* A comparison's row across its columns (those with a growth), titled as
 * a trend when the columns are one region's periods. */
ZbChart       *zb_chart_new_comparison     (ZbComparison       *comparison,
                                            ZbComparisonRow    *row,
                                            const char         *language);

G_END_DECLS
