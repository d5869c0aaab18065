/* zb-chart-axis.h — a value axis with nice ticks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Steps of 1, 2 or 5 × 10^k: the smallest that needs at most @max_ticks
 * ticks to cover [lo, hi]. Returns the number of ticks; *first is the first
 * tick (≤ lo), *step the step, *decimals how many a label needs. */
guint zb_chart_nice_ticks (double  lo,
                           double  hi,
                           guint   max_ticks,
                           double *first,
                           double *step,
                           int    *decimals);

#define ZB_TYPE_CHART_AXIS (zb_chart_axis_get_type ())
G_DECLARE_FINAL_TYPE (ZbChartAxis, zb_chart_axis, ZB, CHART_AXIS, GObject)

ZbChartAxis *zb_chart_axis_new          (const char  *title);
const char  *zb_chart_axis_get_title    (ZbChartAxis *self);
void         zb_chart_axis_set_title    (ZbChartAxis *self,
                                         const char  *title);
/* The data range; the axis widens it to its ticks (and to zero when
 * include_zero, which bars need). */
void         zb_chart_axis_set_data_range (ZbChartAxis *self,
                                           double       lo,
                                           double       hi);
void         zb_chart_axis_set_include_zero (ZbChartAxis *self,
                                             gboolean     include_zero);
void         zb_chart_axis_set_max_ticks  (ZbChartAxis *self,
                                           guint        max_ticks);
double       zb_chart_axis_get_min      (ZbChartAxis *self);
double       zb_chart_axis_get_max      (ZbChartAxis *self);
guint        zb_chart_axis_get_n_ticks  (ZbChartAxis *self);
double       zb_chart_axis_get_tick     (ZbChartAxis *self,
                                         guint        i);
/* (transfer full) the tick's label, with the decimals the step needs */
char        *zb_chart_axis_dup_tick_label (ZbChartAxis *self,
                                           guint        i);
/* Maps a value linearly onto [from, to] (to may be less than from). */
double       zb_chart_axis_map          (ZbChartAxis *self,
                                         double       value,
                                         double       from,
                                         double       to);

G_END_DECLS
