/* zb-chart-view.h — a ZbChart on screen: hover for the source, click to select
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "zb-chart.h"

G_BEGIN_DECLS

#define ZB_TYPE_CHART_VIEW (zb_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (ZbChartView, zb_chart_view, ZB, CHART_VIEW, GtkDrawingArea)

GtkWidget   *zb_chart_view_new             (void);
/* NULL shows the placeholder text instead. */
void         zb_chart_view_set_chart       (ZbChartView *self,
                                            ZbChart     *chart);
ZbChart     *zb_chart_view_get_chart       (ZbChartView *self);
void         zb_chart_view_set_placeholder (ZbChartView *self,
                                            const char  *text);
/* The figure drawn at (x, y) in widget coordinates, NULL when none. */
ZbFigure    *zb_chart_view_hit_test        (ZbChartView *self,
                                            double       x,
                                            double       y);
/* Tooltip text for a figure: the figure and its source quote. */
char        *zb_chart_view_dup_tooltip     (ZbFigure    *figure);

G_END_DECLS
