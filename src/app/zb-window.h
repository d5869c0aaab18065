/* zb-window.h — the clerk's desk: the frame around a document's panes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zb-document.h"
#include "zb-workspace.h"

G_BEGIN_DECLS

#define ZB_TYPE_WINDOW (zb_window_get_type ())
G_DECLARE_FINAL_TYPE (ZbWindow, zb_window, ZB, WINDOW, AdwApplicationWindow)

ZbWindow     *zb_window_new           (GtkApplication      *application);
/* Opens a report as a new document (read, parsed and imported off the main
 * loop); the window switches to it when it is ready. The current document
 * stays until then, and for good when the file cannot be read. */
void          zb_window_open          (ZbWindow            *self,
                                       GFile               *file);
void          zb_window_open_sample   (ZbWindow            *self);
/* What a start shows: the report shown last (its file, or the workspace's
 * copy when the file is gone), the bundled sample on the very first start,
 * else the empty page. */
void          zb_window_restore_session (ZbWindow          *self);
/* Opens a report of the workspace. */
void          zb_window_open_stored   (ZbWindow            *self,
                                       gint64               report_id);
/* The same, its figure @figure_id selected and shown in the table (the
 * report shown already is not read again). */
void          zb_window_open_stored_at (ZbWindow           *self,
                                       gint64               report_id,
                                       gint64               figure_id);
gboolean      zb_window_get_loading   (ZbWindow            *self);
/* The document shown, NULL before the first report. */
ZbDocument   *zb_window_get_document  (ZbWindow            *self);

/* The workspace reports are imported into; new windows take the default.
 * Changing it opens the current report again in the new workspace. */
ZbWorkspace  *zb_window_get_workspace (ZbWindow            *self);
void          zb_window_set_workspace (ZbWindow            *self,
                                       ZbWorkspace         *workspace);

/* Writes the current report to an Excel workbook off the main loop, as
 * Export does: a toast when it is written, an error dialog when not. */
void          zb_window_export_async  (ZbWindow            *self,
                                       GFile               *file,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean      zb_window_export_finish (ZbWindow            *self,
                                       GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS
