/* zb-compare-grid.h — the Compare table: indicators × reports, drawn, only what is in view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "zb-comparison.h"

G_BEGIN_DECLS

/* Where a point of the grid is. */
typedef enum {
  ZB_COMPARE_GRID_NOWHERE,
  ZB_COMPARE_GRID_HEADER,   /* a column's heading: sorts by it */
  ZB_COMPARE_GRID_NAME,     /* a row's indicator */
  ZB_COMPARE_GRID_TREND,    /* a row's sparkline */
  ZB_COMPARE_GRID_CELL,     /* a report's figure (or its empty place) */
} ZbCompareGridPart;

/* The columns before the reports', for sorting and picking. */
#define ZB_COMPARE_GRID_NAME_COLUMN  (-1)
#define ZB_COMPARE_GRID_TREND_COLUMN (-2)
#define ZB_COMPARE_GRID_UNSORTED     (-3)

#define ZB_TYPE_COMPARE_GRID (zb_compare_grid_get_type ())
G_DECLARE_FINAL_TYPE (ZbCompareGrid, zb_compare_grid, ZB, COMPARE_GRID, GtkWidget)

/* A table of a comparison's rows (in the order of @selection's model,
 * which may filter and sort them with zb_compare_grid_get_sorter()) and
 * its columns: the indicator, a sparkline, then a column a report with its
 * value, growth, status and ranks, a corrected figure tinted. It is a
 * GtkScrollable: put it in a GtkScrolledWindow; its heading and first two
 * columns stay in view. A table of 50 reports is a thousand cells on
 * screen: they are drawn, each once until it changes, never made widgets.
 * Clicking a heading sorts by it; clicking a row selects it; clicking a
 * report's figure (or Enter on the cursor's) emits ::cell-activated. */
GtkWidget          *zb_compare_grid_new              (void);
void                zb_compare_grid_set_comparison   (ZbCompareGrid      *self,
                                                      ZbComparison       *comparison);
ZbComparison       *zb_compare_grid_get_comparison   (ZbCompareGrid      *self);
void                zb_compare_grid_set_selection    (ZbCompareGrid      *self,
                                                      GtkSingleSelection *selection);
/* Sorts by the grid's sort column: a report's by growth (then value),
 * its empty cells last either way; the indicator's by name. */
GtkSorter          *zb_compare_grid_get_sorter       (ZbCompareGrid      *self);
/* @column: a report's, ZB_COMPARE_GRID_NAME_COLUMN or _UNSORTED. */
void                zb_compare_grid_sort_by          (ZbCompareGrid      *self,
                                                      int                 column,
                                                      gboolean            descending);
int                 zb_compare_grid_get_sort_column  (ZbCompareGrid      *self,
                                                      gboolean           *descending);

/* For the page and the tests: what is where, in widget coordinates. */
ZbCompareGridPart   zb_compare_grid_pick             (ZbCompareGrid      *self,
                                                      double              x,
                                                      double              y,
                                                      guint              *position,
                                                      int                *column);
/* Scrolls a report's cell into view; FALSE when there is no such cell. */
gboolean            zb_compare_grid_scroll_to        (ZbCompareGrid      *self,
                                                      guint               position,
                                                      guint               column);
gboolean            zb_compare_grid_get_cell_area    (ZbCompareGrid      *self,
                                                      guint               position,
                                                      guint               column,
                                                      graphene_rect_t    *area);
/* What a click on that cell does: select its row and, when the report has
 * the figure, emit ::cell-activated. */
void                zb_compare_grid_activate_cell    (ZbCompareGrid      *self,
                                                      guint               position,
                                                      guint               column);
/* The two lines a cell shows ("391.4 亿元\n▼ 6.3%"), "" for an empty one. */
char               *zb_compare_grid_dup_cell_text    (ZbComparisonRow    *row,
                                                      guint               column);
/* Whether a cell is drawn as corrected. */
gboolean            zb_compare_grid_cell_is_corrected (ZbComparisonRow   *row,
                                                      guint               column);
/* How many cells have been drawn since the comparison was set: a
 * benchmark's measure of what scrolling costs. */
guint               zb_compare_grid_get_n_drawn      (ZbCompareGrid      *self);

/* "▲", "●", "▼", "–": the status as the table marks it */
const char         *zb_status_symbol                 (ZbStatus            status);

G_END_DECLS
