/* zb-chart-layer.h — one layer of a chart: bars, markers, a line or labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "zb-figure.h"
#include "zb-ledger.h"

G_BEGIN_DECLS

typedef enum {
  ZB_CHART_LAYER_BARS,      /* from zero to the value, coloured and patterned by status */
  ZB_CHART_LAYER_MARKERS,   /* a diamond at the value (targets) */
  ZB_CHART_LAYER_LINE,      /* the values joined across categories, points shaped by status */
  ZB_CHART_LAYER_LABELS,    /* the status shape and the item's label beside the plot */
} ZbChartLayerKind;

typedef struct {
  guint     category;
  double    value;
  ZbStatus  status;
  char     *label;    /* drawn by labels and line layers */
  ZbFigure *figure;   /* NULL when the item is not a figure of a report */
} ZbChartItem;

#define ZB_TYPE_CHART_LAYER (zb_chart_layer_get_type ())
G_DECLARE_FINAL_TYPE (ZbChartLayer, zb_chart_layer, ZB, CHART_LAYER, GObject)

ZbChartLayer     *zb_chart_layer_new         (ZbChartLayerKind  kind,
                                              const char       *title);
ZbChartLayerKind  zb_chart_layer_get_kind    (ZbChartLayer     *self);
const char       *zb_chart_layer_get_title   (ZbChartLayer     *self);
/* A dashed line, for targets. */
gboolean          zb_chart_layer_get_dashed  (ZbChartLayer     *self);
void              zb_chart_layer_set_dashed  (ZbChartLayer     *self,
                                              gboolean          dashed);
/* Which series of the chart a line is, for its colour: 0 (the default) the
 * report's own area, 1… the others. */
guint             zb_chart_layer_get_series  (ZbChartLayer     *self);
void              zb_chart_layer_set_series  (ZbChartLayer     *self,
                                              guint             series);
void              zb_chart_layer_add         (ZbChartLayer     *self,
                                              guint             category,
                                              double            value,
                                              ZbStatus          status,
                                              const char       *label,
                                              ZbFigure         *figure);
guint             zb_chart_layer_get_n_items (ZbChartLayer     *self);
const ZbChartItem *zb_chart_layer_get_item   (ZbChartLayer     *self,
                                              guint             i);
/* The range of the values, FALSE when the layer is empty. */
gboolean          zb_chart_layer_get_range   (ZbChartLayer     *self,
                                              double           *lo,
                                              double           *hi);

G_END_DECLS
