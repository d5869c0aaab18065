/* zb-compare-page-private.h — what zb-compare-page-actions.c, the tests and the benchmark reach
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-chart-view.h"
#include "zb-compare-grid.h"
#include "zb-compare-page.h"
#include "zb-comparison-fill.h"

G_BEGIN_DECLS

/* zb-compare-page-actions.c: compare.export, compare.export-reports */
void               _zb_compare_page_class_init_actions (GtkWidgetClass *widget_class);
void               _zb_compare_page_update_actions     (ZbComparePage  *self);

/* What compare.export (@comparison) and compare.export-reports write to
 * @file, without their dialog; the file appears when it is written. */
void               zb_compare_page_export           (ZbComparePage *self,
                                                     GFile         *file,
                                                     gboolean       comparison);

/* The comparison shown (NULL: none yet), and the reports chosen, in order. */
ZbComparison      *zb_compare_page_get_comparison   (ZbComparePage *self);
GArray            *zb_compare_page_get_chosen       (ZbComparePage *self);
/* Chooses as the dropdowns do: the reports of region or period @key. */
void               zb_compare_page_choose           (ZbComparePage *self,
                                                     ZbCompareBy    by,
                                                     const char    *key);
/* Ticks or unticks a report by hand. */
void               zb_compare_page_set_report_chosen (ZbComparePage *self,
                                                     gint64         report_id,
                                                     gboolean       chosen);
/* Shows @comparison as it is (a benchmark's, say): no workspace job. */
void               zb_compare_page_show_comparison  (ZbComparePage *self,
                                                     ZbComparison  *comparison);
/* Listing or comparing on the worker. */
gboolean           zb_compare_page_get_busy         (ZbComparePage *self);
/* How long the last comparison took on the worker, in milliseconds. */
double             zb_compare_page_get_build_ms     (ZbComparePage *self);
/* The filter's text (NULL: none), and the indicators it shows, for the
 * workbook's charts. */
void               zb_compare_page_set_filter_text  (ZbComparePage *self,
                                                     const char    *text);
GStrv              zb_compare_page_dup_shown_indicators (ZbComparePage *self);

ZbCompareGrid     *zb_compare_page_get_grid         (ZbComparePage *self);
GtkSingleSelection *zb_compare_page_get_selection   (ZbComparePage *self);
GtkListBox        *zb_compare_page_get_report_list  (ZbComparePage *self);
GtkDropDown       *zb_compare_page_get_key_dropdown (ZbComparePage *self);
GtkDropDown       *zb_compare_page_get_by_dropdown  (ZbComparePage *self);
/* The check of @report_id in the list of reports, NULL when not listed. */
GtkCheckButton    *zb_compare_page_get_report_check (ZbComparePage *self,
                                                     gint64         report_id);
ZbChartView       *zb_compare_page_get_chart_view   (ZbComparePage *self);
GtkWidget         *zb_compare_page_get_scroller     (ZbComparePage *self);
G_END_DECLS
