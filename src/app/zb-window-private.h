/* zb-window-private.h — what zb-window-actions.c and the tests reach
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-charts-pane.h"
#include "zb-compare-page.h"
#include "zb-figure-table-private.h"
#include "zb-history-pane.h"
#include "zb-outline-panel.h"
#include "zb-report-bar.h"
#include "zb-reports-page.h"
#include "zb-source-pane.h"
#include "zb-targets-view.h"
#include "zb-window.h"

G_BEGIN_DECLS

/* zb-window-actions.c: the window's actions (win.*), installed on the class */
void                _zb_window_class_init_actions (GtkWidgetClass *widget_class);
/* Enables what applies to the document shown. */
void                _zb_window_update_actions     (ZbWindow       *self);
void                _zb_window_toast              (ZbWindow       *self,
                                                   const char     *message);
/* Makes @workspace the default and every window's. */
void                _zb_window_use_workspace      (ZbWindow       *self,
                                                   ZbWorkspace    *workspace);

/* zb-window-session.c: recent reports and the report a start opens again */
void                _zb_window_rebuild_recent     (ZbWindow       *self);
/* A report opened: a recent file, and the one the next start opens. */
void                _zb_window_remember           (ZbWindow       *self,
                                                   ZbDocument     *document,
                                                   GFile          *file);
/* @file did not open: why, and out of the recent files; when it is gone,
 * the workspace's copy offered instead. */
void                _zb_window_open_failed        (ZbWindow       *self,
                                                   GFile          *file,
                                                   const GError   *error);
/* The empty page tells why nothing opened. */
void                _zb_window_show_failure       (ZbWindow       *self,
                                                   const char     *message);
/* NULL when the schema is not installed */
GSettings          *_zb_window_get_settings       (ZbWindow       *self);
AdwToastOverlay    *_zb_window_get_toast_overlay  (ZbWindow       *self);
GCancellable       *_zb_window_get_export_cancellable (ZbWindow   *self);
GMenu              *_zb_window_get_recent_menu    (ZbWindow       *self);
GtkListBox         *_zb_window_get_recent_list    (ZbWindow       *self);
GtkWidget          *_zb_window_get_recent_box     (ZbWindow       *self);

/* The window's panes and bars, for its actions and for tests. */
ZbOutlinePanel     *zb_window_get_outline_panel   (ZbWindow       *self);
ZbFigureTable      *zb_window_get_figure_table    (ZbWindow       *self);
ZbChartsPane       *zb_window_get_charts_pane     (ZbWindow       *self);
ZbSourcePane       *zb_window_get_source_pane     (ZbWindow       *self);
ZbHistoryPane      *zb_window_get_history_pane    (ZbWindow       *self);
ZbTargetsView      *zb_window_get_targets_view    (ZbWindow       *self);
ZbReportsPage      *zb_window_get_reports_page    (ZbWindow       *self);
ZbComparePage      *zb_window_get_compare_page    (ZbWindow       *self);
GtkSearchBar       *zb_window_get_search_bar      (ZbWindow       *self);
GtkSearchEntry     *zb_window_get_search_entry    (ZbWindow       *self);
AdwFlap            *zb_window_get_flap            (ZbWindow       *self);
AdwStatusPage      *zb_window_get_status_page     (ZbWindow       *self);
AdwStatusPage      *zb_window_get_no_figures_page (ZbWindow       *self);
GtkStack           *zb_window_get_table_stack     (ZbWindow       *self);

/* Shorthands for tests and benchmarks. */
static inline ZbReport *
zb_window_get_report (ZbWindow *self)
{
  ZbDocument *document = zb_window_get_document (self);
  return document ? zb_document_get_report (document) : NULL;
}

static inline ZbUndoStack *
zb_window_get_undo_stack (ZbWindow *self)
{
  ZbDocument *document = zb_window_get_document (self);
  return document ? zb_document_get_undo_stack (document) : NULL;
}

static inline gint64
zb_window_get_report_id (ZbWindow *self)
{
  ZbDocument *document = zb_window_get_document (self);
  return document ? zb_document_get_report_id (document) : 0;
}

/* How long the last rebuild of the targets ledger took on its thread, in
 * milliseconds (for build-aux/bench-app). */
static inline double
zb_window_get_ledger_ms (ZbWindow *self)
{
  ZbDocument *document = zb_window_get_document (self);
  return document ? zb_document_get_ledger_ms (document) : 0;
}

#define zb_window_get_section_selection(w) zb_outline_panel_get_selection (zb_window_get_outline_panel (w))
#define zb_window_get_figure_selection(w)  zb_figure_table_get_selection (zb_window_get_figure_table (w))
#define zb_window_get_figure_view(w)       zb_figure_table_get_column_view (zb_window_get_figure_table (w))
#define zb_window_find_cell(w, f, field)   zb_figure_table_find_cell (zb_window_get_figure_table (w), f, field)
#define zb_window_find_status_label(w, f)  zb_figure_table_find_status_label (zb_window_get_figure_table (w), f)
#define zb_window_set_filter_text(w, t)    zb_figure_table_set_filter_text (zb_window_get_figure_table (w), t)
#define zb_window_get_source_view(w)       zb_source_pane_get_text_view (zb_window_get_source_pane (w))
#define zb_window_get_gap_chart(w)         zb_charts_pane_get_view (zb_window_get_charts_pane (w), "gap")
#define zb_window_get_trend_chart(w)       zb_charts_pane_get_view (zb_window_get_charts_pane (w), "trend")
#define zb_window_get_history_list(w)      zb_history_pane_get_list (zb_window_get_history_pane (w))
#define zb_window_get_reports_list(w)      zb_reports_page_get_list (zb_window_get_reports_page (w))

G_END_DECLS
