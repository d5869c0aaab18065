/* zb-charts-pane.h — the pane of a document's charts: gap to target, and the trend of a figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "zb-chart-view.h"
#include "zb-pane.h"

G_BEGIN_DECLS

#define ZB_TYPE_CHARTS_PANE (zb_charts_pane_get_type ())
G_DECLARE_FINAL_TYPE (ZbChartsPane, zb_charts_pane, ZB, CHARTS_PANE, ZbPane)

/* The gap chart shows the selected section's growth rates against their
 * targets, the trend chart the selected figure's indicator across the
 * periods of the region's reports; a click on a figure selects it. */
/* The stack of the two charts, for a switcher elsewhere. */
GtkStack    *zb_charts_pane_get_stack    (ZbChartsPane *self);
/* What charts.export does: @kind "gap" or "trend" to PNG, SVG or PDF. */
void         zb_charts_pane_export       (ZbChartsPane *self,
                                          const char   *kind);
ZbChartView *zb_charts_pane_get_view     (ZbChartsPane *self,
                                          const char   *kind);

G_END_DECLS
