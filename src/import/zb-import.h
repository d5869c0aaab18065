/* zb-import.h — a report from any file a clerk receives: text, Word or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zb-report.h"
#include "zb-source.h"

G_BEGIN_DECLS

/* The source of @bytes (a ZbSourceReader): Word and PDF containers are
 * recognised by their magic, so that a renamed file still opens with the
 * right reader; anything else is decoded as text. */
ZbSource *zb_import_source            (GBytes              *bytes,
                                       const char          *path,
                                       GCancellable        *cancellable,
                                       GError             **error);
/* Makes zb_import_source() the reader of reports read without one: of
 * those a workspace reopens from its stored bytes, above all. Programs call
 * it once at start. */
void      zb_import_register          (void);
/* zb_report_new_from_file() and _bytes() with this reader: for worker
 * threads and the CLI. */
ZbReport *zb_import_report_from_file  (GFile               *file,
                                       GCancellable        *cancellable,
                                       GError             **error);
ZbReport *zb_import_report_from_bytes (GBytes              *bytes,
                                       const char          *path,
                                       GCancellable        *cancellable,
                                       GError             **error);
/* The same on a GTask thread. */
void      zb_import_report_async      (GFile               *file,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
ZbReport *zb_import_report_finish     (GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS
