/* zb-document.h — one open report: its state, edits, workspace writes and targets, no widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zb-ledger.h"
#include "zb-report.h"
#include "zb-target.h"
#include "zb-undo-stack.h"
#include "zb-workspace.h"

G_BEGIN_DECLS

/* The section id of the outline's root row: the report as a whole. */
#define ZB_DOCUMENT_WHOLE_REPORT (-1)

#define ZB_TYPE_DOCUMENT (zb_document_get_type ())
G_DECLARE_FINAL_TYPE (ZbDocument, zb_document, ZB, DOCUMENT, GObject)

/* Opening a report makes a new document, ready when the callback runs: the
 * file is read and parsed on a worker thread, then imported into
 * @workspace (on the workspace's worker), which gives back the clerk's
 * corrections. A workspace that cannot take it does not lose the report:
 * the document is stored nowhere (report id 0) and says why
 * (zb_document_get_store_error). Resources (the bundled sample) are
 * never stored. */
void          zb_document_new_for_file_async   (ZbWorkspace         *workspace,
                                                GFile               *file,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
/* A report of the workspace, rebuilt with its corrections. */
void          zb_document_new_for_stored_async (ZbWorkspace         *workspace,
                                                gint64               report_id,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
ZbDocument   *zb_document_new_finish           (GAsyncResult        *result,
                                                GError             **error);

ZbReport     *zb_document_get_report           (ZbDocument          *self);
ZbWorkspace  *zb_document_get_workspace        (ZbDocument          *self);
/* The file it was read from; NULL when opened from the workspace. */
GFile        *zb_document_get_file             (ZbDocument          *self);
/* The report's title, "Whole Report" when it has none. */
const char   *zb_document_get_title            (ZbDocument          *self);
/* The workspace id, 0 when the report is not stored. */
gint64        zb_document_get_report_id        (ZbDocument          *self);
/* Why the import failed, NULL when the report is stored (or is a resource). */
const char   *zb_document_get_store_error      (ZbDocument          *self);
/* Corrected figures of an earlier version of the file that were not found
 * again when the file changed. */
guint         zb_document_get_n_uncarried      (ZbDocument          *self);
/* (element-type ZbFigure): the report's figures, deleted ones included;
 * ::items-changed when figures are added or taken out, ::figure-changed
 * when one changes. */
GListModel   *zb_document_get_figures          (ZbDocument          *self);

/* The selection the panes share: a section of the outline
 * (ZB_DOCUMENT_WHOLE_REPORT for the root) and a figure (NULL for none). */
int           zb_document_get_section          (ZbDocument          *self);
void          zb_document_set_section          (ZbDocument          *self,
                                                int                  section);
ZbFigure     *zb_document_get_figure           (ZbDocument          *self);
void          zb_document_set_figure           (ZbDocument          *self,
                                                ZbFigure            *figure);
/* Whether @figure is one of the report's (a chart also shows other reports'). */
gboolean      zb_document_has_figure           (ZbDocument          *self,
                                                ZbFigure            *figure);
/* Whether @figure is in the selected section (and not deleted). */
gboolean      zb_document_in_section           (ZbDocument          *self,
                                                ZbFigure            *figure);

/* Edits go through the undo stack; each is written to the workspace on its
 * worker as it is made (never on the main loop). A write that fails keeps
 * the edit in the document, says so once through ::notice, and is tried
 * again: at the next edit of the figure, and on its own while the
 * workspace is locked by another program. */
ZbUndoStack  *zb_document_get_undo_stack       (ZbDocument          *self);
gboolean      zb_document_correct              (ZbDocument          *self,
                                                ZbFigure            *figure,
                                                ZbField              field,
                                                const char          *value,
                                                GError             **error);
/* A figure made by hand from a span of zb_report_get_text(): read by the
 * engine (value, unit, change, period …, the span's text for a name when
 * it reads nothing), its fields the clerk's corrections noted "added by
 * hand"; one step on the undo stack. */
ZbFigure     *zb_document_add_figure           (ZbDocument          *self,
                                                gsize                text_offset,
                                                gsize                text_length);
/* The review queue: the figures the parser flagged (zb_figure_needs_review,
 * deleted ones left out) and those of them not reviewed yet; "n-flagged"
 * and "n-to-review" change with every mark and correction. Marking one
 * goes through the undo stack, as a correction of the field "reviewed". */
guint         zb_document_get_n_flagged        (ZbDocument          *self);
guint         zb_document_get_n_to_review      (ZbDocument          *self);
gboolean      zb_document_set_reviewed         (ZbDocument          *self,
                                                ZbFigure            *figure,
                                                gboolean             reviewed,
                                                GError             **error);
/* The year and region the report is about ("year", "region"): what the
 * clerk set, else what the report says (zb_report_get_year,
 * zb_report_dup_region). Setting them keeps them in the workspace and
 * rebuilds the ledger; @year 0 and @region NULL go back to the report's. */
int           zb_document_get_year             (ZbDocument          *self);
char         *zb_document_dup_region           (ZbDocument          *self);
void          zb_document_set_place            (ZbDocument          *self,
                                                int                  year,
                                                const char          *region);
gboolean      zb_document_undo                 (ZbDocument          *self,
                                                gboolean             redo,
                                                GError             **error);
/* Corrections no workspace holds, and none is being written: closing
 * would lose them. */
gboolean      zb_document_has_unsaved          (ZbDocument          *self);
/* Whether every correction of @figure is in the workspace. */
gboolean      zb_document_is_saved             (ZbDocument          *self,
                                                ZbFigure            *figure);

/* The targets ledger of the report, the workspace's other reports about
 * the same region, its typed targets and aliases. It is rebuilt off the
 * main loop after every change (::assessed when done); until the first
 * rebuild there is none. */
ZbLedger     *zb_document_get_ledger           (ZbDocument          *self);
gboolean      zb_document_get_assessing        (ZbDocument          *self);
/* (element-type ZbAssessment): every actual of the report and the related
 * reports, in order; NULL before the first rebuild. */
GPtrArray    *zb_document_get_assessments      (ZbDocument          *self);
const ZbAssessment *zb_document_get_assessment (ZbDocument          *self,
                                                ZbFigure            *figure);
/* (transfer full) (element-type ZbAssessment): @indicator's actuals across
 * the reports, by period, for the trend chart. */
GPtrArray    *zb_document_assess_indicator     (ZbDocument          *self,
                                                const char          *indicator);
char         *zb_document_dup_canonical        (ZbDocument          *self,
                                                const char          *name);
/* How long the last rebuild took on its thread, in milliseconds. */
double        zb_document_get_ledger_ms        (ZbDocument          *self);
/* A target or an alias typed by the clerk: in the ledger at once, kept in
 * the workspace after (a failure is told through ::notice). */
void          zb_document_set_target           (ZbDocument          *self,
                                                const ZbTarget      *target);
/* The report's figure a target of the ledger was read from (the ledger
 * works on copies), NULL for a typed target or another report's. */
ZbFigure     *zb_document_get_source_figure    (ZbDocument          *self,
                                                const ZbTarget      *target);
/* Takes a typed target (of @typed's indicator, year, area, period kind)
 * out of the ledger, then of the workspace. */
void          zb_document_remove_target        (ZbDocument          *self,
                                                const ZbTarget      *typed);
void          zb_document_add_alias            (ZbDocument          *self,
                                                const char          *alias,
                                                const char          *canonical);

/* A figure's corrections, oldest first: the workspace's record when all
 * are stored (@stored TRUE), else the document's own. */
void          zb_document_history_async        (ZbDocument          *self,
                                                ZbFigure            *figure,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GPtrArray    *zb_document_history_finish       (ZbDocument          *self,
                                                GAsyncResult        *result,
                                                gboolean            *stored,
                                                GError             **error);

/* Writes an Excel workbook of the report: rebuilt from the workspace when
 * stored, so that it carries every stored correction and the typed
 * targets; @language "zh_CN" or "en". */
void          zb_document_export_async         (ZbDocument          *self,
                                                GFile               *file,
                                                const char          *language,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean      zb_document_export_finish        (ZbDocument          *self,
                                                GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS
