/* zb-sparkline.h — a comparison row's growths across its reports, small, in its row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "zb-comparison.h"

G_BEGIN_DECLS

#define ZB_TYPE_SPARKLINE (zb_sparkline_get_type ())
G_DECLARE_FINAL_TYPE (ZbSparkline, zb_sparkline, ZB, SPARKLINE, GtkWidget)

GtkWidget       *zb_sparkline_new     (void);
/* NULL draws nothing. A click emits ::activated: show the row's chart. */
void             zb_sparkline_set_row (ZbSparkline     *self,
                                       ZbComparisonRow *row);
ZbComparisonRow *zb_sparkline_get_row (ZbSparkline     *self);

G_END_DECLS
