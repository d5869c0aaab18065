/* zb-workspace.h — one ZbStore on one serial worker thread, for the main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zb-store.h"

G_BEGIN_DECLS

#define ZB_TYPE_WORKSPACE (zb_workspace_get_type ())
G_DECLARE_FINAL_TYPE (ZbWorkspace, zb_workspace, ZB, WORKSPACE, GObject)

/* Nothing is read until the first job: the database is opened by the
 * worker, and opened again by the next job when that failed (a workspace
 * another instance holds may be free a moment later). */
ZbWorkspace *zb_workspace_new          (const char          *path);
/* The one at zb_store_dup_default_path(), until zb_workspace_set_default(). */
ZbWorkspace *zb_workspace_get_default  (void);
void         zb_workspace_set_default  (ZbWorkspace         *workspace);
const char  *zb_workspace_get_path     (ZbWorkspace         *self);

/* A job runs on the workspace's one worker thread, after every job queued
 * before it and alone with the store: it is the only code that touches the
 * store, so the store needs no lock. What it returns (NULL is a valid
 * result when @error is not set) goes to zb_workspace_run_finish(), freed
 * with @result_free if nobody takes it. Whatever a job reads or changes
 * must not be touched elsewhere meanwhile: give it copies. */
typedef gpointer (*ZbWorkspaceJob) (ZbStore       *store,
                                    gpointer       data,
                                    GCancellable  *cancellable,
                                    GError       **error);

/* Queues @job. Call it from the main thread (the thread that owns the
 * main context the callback runs in). A cancelled job returns
 * G_IO_ERROR_CANCELLED without running. */
void         zb_workspace_run_async    (ZbWorkspace         *self,
                                        ZbWorkspaceJob       job,
                                        gpointer             data,
                                        GDestroyNotify       data_free,
                                        GDestroyNotify       result_free,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gpointer     zb_workspace_run_finish   (ZbWorkspace         *self,
                                        GAsyncResult        *result,
                                        GError             **error);

/* Opens the store (and nothing else): to check a workspace before using it. */
void         zb_workspace_open_async   (ZbWorkspace         *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean     zb_workspace_open_finish  (ZbWorkspace         *self,
                                        GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
