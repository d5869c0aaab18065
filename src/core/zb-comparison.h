/* zb-comparison.h — reports side by side: a row per indicator and area, a column per report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zb-ledger.h"
#include "zb-report.h"

G_BEGIN_DECLS

/* One report of the comparison. */
typedef struct {
  ZbReport *report;        /* its figures, corrections applied */
  gint64    report_id;     /* its workspace id, 0 when it is not stored */
  char     *title;
  char     *path;
  char     *region;        /* NULL: its title names none */
  char     *period;        /* NULL: unknown */
  char     *label;         /* its column's heading: "临江县 2025年1-6月" */
  /* Columns of one period (1-6月 and 上半年 are one) are ranked among each
   * other: how many there are, 1 when the column is ranked with none. */
  guint     n_same_period;
} ZbComparisonColumn;

/* A figure in a column: the report's actual about the row's indicator,
 * area and the column's period, rated by the column's ledger. */
typedef struct {
  ZbAssessment *assessment;      /* ->figure: the figure, corrections applied */
  /* Among the columns of the same period with a growth (a value) in the
   * same unit: 1 for the highest, ties sharing a rank (1, 1, 3); 0 when
   * not ranked. */
  guint         rank_growth;
  guint         rank_value;
  guint         n_ranked_growth; /* how many were ranked by growth with it */
  guint         n_ranked_value;
} ZbComparisonCell;

#define ZB_TYPE_COMPARISON_ROW (zb_comparison_row_get_type ())
G_DECLARE_FINAL_TYPE (ZbComparisonRow, zb_comparison_row, ZB, COMPARISON_ROW, GObject)

/* The canonical name, through the ledger's aliases. */
const char             *zb_comparison_row_get_indicator (ZbComparisonRow *self);
/* "" for the reports' own area, else the benchmark's (全省, 全国 …). */
const char             *zb_comparison_row_get_area      (ZbComparisonRow *self);
/* "地区生产总值", "地区生产总值（全省）" */
const char             *zb_comparison_row_get_label     (ZbComparisonRow *self);
/* Its place in the comparison's order (first seen, a benchmark after its
 * indicator): the order the rows come back to unsorted. */
guint                   zb_comparison_row_get_position  (ZbComparisonRow *self);
guint                   zb_comparison_row_get_n_cells   (ZbComparisonRow *self);
/* NULL: the column's report has no such figure (never guessed). */
const ZbComparisonCell *zb_comparison_row_get_cell      (ZbComparisonRow *self,
                                                         guint            column);
/* How many of its cells have a growth in percent. */
guint                   zb_comparison_row_count_growth  (ZbComparisonRow *self);

#define ZB_TYPE_COMPARISON (zb_comparison_get_type ())
G_DECLARE_FINAL_TYPE (ZbComparison, zb_comparison, ZB, COMPARISON, GObject)

/* A GListModel of ZbComparisonRow, in the comparison's order; rows are
 * added (::items-changed) as reports are. Build it on one thread, then
 * hand it over: it holds the reports' figures, which nobody else edits. */
ZbComparison             *zb_comparison_new          (void);
/* Adds @report as the next column. @ledger rates its figures and files
 * their names: the report must have been added to it (with the reports
 * whose plans state its region's targets, and the workspace's aliases and
 * typed targets); NULL makes a ledger of the report alone. */
void                      zb_comparison_add_report   (ZbComparison *self,
                                                      ZbReport     *report,
                                                      gint64        report_id,
                                                      ZbLedger     *ledger);
/* Ranks the cells now; else they are ranked when a cell is first read.
 * Call it on the thread that built the comparison, before handing it over. */
void                      zb_comparison_rank         (ZbComparison *self);
guint                     zb_comparison_get_n_columns (ZbComparison *self);
const ZbComparisonColumn *zb_comparison_get_column   (ZbComparison *self,
                                                      guint         column);
/* Whether any two columns are of the same period (and so ranked). */
gboolean                  zb_comparison_get_ranked   (ZbComparison *self);
/* The row of @name (any alias) and @area (NULL or "": the own), NULL when
 * no report has it. (transfer none) */
ZbComparisonRow          *zb_comparison_find_row     (ZbComparison *self,
                                                      const char   *name,
                                                      const char   *area);
char                     *zb_comparison_dup_canonical (ZbComparison *self,
                                                      const char   *name);
/* Columns, then rows with a cell per column (null where missing). */
char                     *zb_comparison_to_json      (ZbComparison *self,
                                                      ZbJsonFlags   flags);
/* A header line, then a line per row: indicator, area, and for each
 * column value, unit, growth, target, gap, status, rank by growth, rank
 * by value (empty where missing). */
char                     *zb_comparison_to_tsv       (ZbComparison *self);

G_END_DECLS
