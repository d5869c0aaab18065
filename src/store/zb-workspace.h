/* zb-workspace.h — the application's workspace: a ZbStore shared by windows and worker threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zb-report.h"
#include "zb-store.h"

G_BEGIN_DECLS


#define ZB_TYPE_WORKSPACE (zb_workspace_get_type ())
G_DECLARE_FINAL_TYPE (ZbWorkspace, zb_workspace, ZB, WORKSPACE, GObject)

/* Nothing is read until the first call: the database is opened by the first
 * job, on a worker thread. */
ZbWorkspace *zb_workspace_new               (const char    *path);
/* The one at zb_store_dup_default_path(), until zb_workspace_set_default(). */
ZbWorkspace *zb_workspace_get_default       (void);
void         zb_workspace_set_default       (ZbWorkspace   *workspace);
const char  *zb_workspace_get_path          (ZbWorkspace   *self);

/* Blocking calls, safe from any thread; they wait for a running job. */
gboolean     zb_workspace_open              (ZbWorkspace   *self,
                                             GError       **error);
gboolean     zb_workspace_import_report     (ZbWorkspace   *self,
                                             ZbReport      *report,
                                             gint64        *report_id,
                                             GPtrArray    **uncarried,
                                             GError       **error);
/* One correction, in its own transaction: on disk when this returns TRUE. */
gboolean     zb_workspace_record_correction (ZbWorkspace   *self,
                                             ZbFigure      *figure,
                                             const ZbCorrection *correction,
                                             GError       **error);
gboolean     zb_workspace_add_figure        (ZbWorkspace   *self,
                                             gint64         report_id,
                                             ZbFigure      *figure,
                                             GError       **error);
ZbReport    *zb_workspace_load_report       (ZbWorkspace   *self,
                                             gint64         report_id,
                                             GError       **error);
/* Writes an Excel workbook of one report: rebuilt from the workspace when
 * @report_id is set, so that it carries every stored correction, else
 * @report as it is. @language: "zh_CN" or "en". For worker threads. */
gboolean     zb_workspace_export_workbook   (ZbWorkspace   *self,
                                             gint64         report_id,
                                             ZbReport      *report,
                                             const char    *path,
                                             const char    *language,
                                             GCancellable  *cancellable,
                                             GError       **error);

/* Worker-thread versions for the main loop. */
void         zb_workspace_open_async        (ZbWorkspace         *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean     zb_workspace_open_finish       (ZbWorkspace         *self,
                                             GAsyncResult        *result,
                                             GError             **error);
/* Reads and parses @file, then imports it: the figures come back with their
 * ids and stored corrections. A workspace error does not lose the report:
 * it is returned with @report_id 0 and the error in @store_error. */
void         zb_workspace_read_report_async (ZbWorkspace         *self,
                                             GFile               *file,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
ZbReport    *zb_workspace_read_report_finish (ZbWorkspace        *self,
                                             GAsyncResult        *result,
                                             gint64              *report_id,
                                             guint               *n_uncarried,
                                             GError             **store_error,
                                             GError             **error);
void         zb_workspace_load_report_async (ZbWorkspace         *self,
                                             gint64               report_id,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
ZbReport    *zb_workspace_load_report_finish (ZbWorkspace        *self,
                                             GAsyncResult        *result,
                                             GError             **error);
void         zb_workspace_list_reports_async (ZbWorkspace        *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
GPtrArray   *zb_workspace_list_reports_finish (ZbWorkspace       *self,
                                             GAsyncResult        *result,
                                             GError             **error);  /* of ZbStoreReport */
/* The other reports of the workspace about the same region as @report_id
 * (its periods for trend charts, its plans' targets), rebuilt with their
 * corrections; empty when the report names no region. */
void         zb_workspace_load_related_async (ZbWorkspace        *self,
                                             gint64               report_id,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
GPtrArray   *zb_workspace_load_related_finish (ZbWorkspace       *self,
                                             GAsyncResult        *result,
                                             GError             **error);  /* of ZbReport */
void         zb_workspace_history_async     (ZbWorkspace         *self,
                                             gint64               figure_id,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
GPtrArray   *zb_workspace_history_finish    (ZbWorkspace         *self,
                                             GAsyncResult        *result,
                                             GError             **error);  /* of ZbCorrection */
/* The targets typed into the workspace, and one more (keyed by indicator,
 * year and source: a second one for the same key replaces the first). */
void         zb_workspace_list_targets_async (ZbWorkspace        *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
GPtrArray   *zb_workspace_list_targets_finish (ZbWorkspace       *self,
                                             GAsyncResult        *result,
                                             GError             **error);  /* of ZbTarget */
void         zb_workspace_set_target_async  (ZbWorkspace         *self,
                                             const ZbTarget      *target,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean     zb_workspace_set_target_finish (ZbWorkspace         *self,
                                             GAsyncResult        *result,
                                             GError             **error);
/* The aliases typed into the workspace, and one more (keyed by the alias:
 * setting it again points it at another indicator). */
void         zb_workspace_list_aliases_async (ZbWorkspace        *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
GPtrArray   *zb_workspace_list_aliases_finish (ZbWorkspace       *self,
                                             GAsyncResult        *result,
                                             GError             **error);  /* of ZbStoreAlias */
void         zb_workspace_set_alias_async   (ZbWorkspace         *self,
                                             const char          *alias,
                                             const char          *indicator,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean     zb_workspace_set_alias_finish  (ZbWorkspace         *self,
                                             GAsyncResult        *result,
                                             GError             **error);

G_END_DECLS
