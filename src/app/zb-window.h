/* zb-window.h — the clerk's desk: outline, figure table and source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zb-chart-view.h"
#include "zb-targets-view.h"
#include "zb-figure-cell.h"
#include "zb-report.h"
#include "zb-undo-stack.h"
#include "zb-workspace.h"

G_BEGIN_DECLS

#define ZB_TYPE_WINDOW (zb_window_get_type ())
G_DECLARE_FINAL_TYPE (ZbWindow, zb_window, ZB, WINDOW, AdwApplicationWindow)

ZbWindow     *zb_window_new                (GtkApplication *application);
/* Reads and parses on a worker thread; the current report stays until the
 * new one is ready, and stays for good when the file cannot be read. */
void          zb_window_open               (ZbWindow       *self,
                                            GFile          *file);
void          zb_window_open_sample        (ZbWindow       *self);
gboolean      zb_window_get_loading        (ZbWindow       *self);
ZbReport     *zb_window_get_report         (ZbWindow       *self);
ZbUndoStack  *zb_window_get_undo_stack     (ZbWindow       *self);
/* The widget models, for tests and accessibility tools. */
GtkSingleSelection *zb_window_get_section_selection (ZbWindow *self);
GtkSingleSelection *zb_window_get_figure_selection  (ZbWindow *self);
GtkColumnView      *zb_window_get_figure_view       (ZbWindow *self);
GtkTextView        *zb_window_get_source_view       (ZbWindow *self);
/* The live cell showing a figure's field, NULL when its row is not realized. */
ZbFigureCell *zb_window_find_cell          (ZbWindow       *self,
                                            ZbFigure       *figure,
                                            ZbField         field);
void          zb_window_set_filter_text    (ZbWindow       *self,
                                            const char     *text);

/* The workspace reports are imported into; new windows take the default.
 * Changing it opens the current report again in the new workspace. */
ZbWorkspace  *zb_window_get_workspace      (ZbWindow       *self);
void          zb_window_set_workspace      (ZbWindow       *self,
                                            ZbWorkspace    *workspace);
/* The workspace id of the report shown, 0 when it is not stored. */
gint64        zb_window_get_report_id      (ZbWindow       *self);
/* Opens a report of the workspace (on a worker thread). */
void          zb_window_open_stored        (ZbWindow       *self,
                                            gint64          report_id);
ZbChartView  *zb_window_get_gap_chart      (ZbWindow       *self);
ZbChartView  *zb_window_get_trend_chart    (ZbWindow       *self);
ZbTargetsView *zb_window_get_targets_view (ZbWindow       *self);
/* How long the last rebuild of the targets ledger and assessments took,
 * in milliseconds (for build-aux/bench-app). */
double        zb_window_get_ledger_ms     (ZbWindow       *self);
/* The status cell of @figure when its row is on screen, else NULL. */
GtkLabel     *zb_window_find_status_label (ZbWindow       *self,
                                           ZbFigure       *figure);
GtkListBox   *zb_window_get_history_list   (ZbWindow       *self);
GtkListBox   *zb_window_get_reports_list   (ZbWindow       *self);
/* Writes the current report to an Excel workbook on a worker thread, as
 * Export does: a toast when it is written, an error dialog when not. */
void          zb_window_export_async       (ZbWindow            *self,
                                            GFile               *file,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean      zb_window_export_finish      (ZbWindow            *self,
                                            GAsyncResult        *result,
                                            GError             **error);

G_END_DECLS
