/* zb-compare-cell.h — one report's figure in the Compare table: value, growth, status and ranks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "zb-comparison.h"

G_BEGIN_DECLS

#define ZB_TYPE_COMPARE_CELL (zb_compare_cell_get_type ())
G_DECLARE_FINAL_TYPE (ZbCompareCell, zb_compare_cell, ZB, COMPARE_CELL, GtkWidget)

/* Drawn, not built of labels: a table of fifty reports shows a thousand
 * of them. A click (or Enter) emits ::activated. */
GtkWidget              *zb_compare_cell_new        (void);
/* Shows @row's cell of @column (NULL: none). */
void                    zb_compare_cell_set_cell   (ZbCompareCell   *self,
                                                    ZbComparisonRow *row,
                                                    guint            column);
ZbComparisonRow        *zb_compare_cell_get_row    (ZbCompareCell   *self);
guint                   zb_compare_cell_get_column (ZbCompareCell   *self);
/* The cell shown, NULL when the report has no such figure. */
const ZbComparisonCell *zb_compare_cell_get_cell   (ZbCompareCell   *self);
/* The two lines it draws ("391.4 亿元", "▼ 6.3%  2/3"), for tests and
 * the accessible label. */
char                   *zb_compare_cell_dup_text   (ZbCompareCell   *self);
void                    zb_compare_cell_activate   (ZbCompareCell   *self);

/* "▲", "●", "▼", "–": the status as the table marks it */
const char             *zb_status_symbol           (ZbStatus         status);

G_END_DECLS
