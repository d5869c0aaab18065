/* zb-workspace.c — one ZbStore on one serial worker thread, for the main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-workspace.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

/* What the worker thread owns: the store is only ever touched there. The
 * thread frees it when it has run the stop job the workspace's finalize
 * queues, so finalize never waits for the thread (and may run on it). */
typedef struct {
  char        *path;
  GAsyncQueue *queue;   /* of Job; a Job without func stops the thread */
  ZbStore     *store;
} Worker;

typedef struct {
  ZbWorkspaceJob  func;
  GTask          *task;
  gpointer        data;
  GDestroyNotify  data_free;
  GDestroyNotify  result_free;
} Job;

struct _ZbWorkspace
{
  GObject  parent_instance;

  char    *path;
  Worker  *worker;    /* NULL until the first job */
  GThread *thread;
};

G_DEFINE_FINAL_TYPE (ZbWorkspace, zb_workspace, G_TYPE_OBJECT)

static ZbWorkspace *default_workspace;

static void
job_free (Job *job)
{
  g_clear_object (&job->task);
  if (job->data_free != NULL && job->data != NULL)
    job->data_free (job->data);
  g_free (job);
}

static ZbStore *
ensure_store (Worker  *worker,
              GError **error)
{
  if (worker->store == NULL)
    {
      g_autofree char *dir = g_path_get_dirname (worker->path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
          return NULL;
        }
      worker->store = zb_store_open (worker->path, error);
    }
  return worker->store;
}

static void
run_job (Worker *worker,
         Job    *job)
{
  GCancellable *cancellable = g_task_get_cancellable (job->task);
  GError *error = NULL;
  ZbStore *store;
  gpointer result;

  if (g_task_return_error_if_cancelled (job->task))
    return;
  if ((store = ensure_store (worker, &error)) == NULL)
    {
      g_task_return_error (job->task, error);
      return;
    }
  result = job->func (store, job->data, cancellable, &error);
  if (error != NULL)
    {
      if (result != NULL && job->result_free != NULL)
        job->result_free (result);
      g_task_return_error (job->task, error);
    }
  else
    g_task_return_pointer (job->task, result, job->result_free);
}

static gpointer
worker_thread (gpointer data)
{
  Worker *worker = data;
  Job *job;

  while ((job = g_async_queue_pop (worker->queue))->func != NULL)
    {
      run_job (worker, job);
      job_free (job);
    }
  job_free (job);

  g_clear_object (&worker->store);
  g_async_queue_unref (worker->queue);
  g_free (worker->path);
  g_free (worker);
  return NULL;
}

static void
zb_workspace_finalize (GObject *object)
{
  ZbWorkspace *self = ZB_WORKSPACE (object);

  if (self->thread != NULL)
    {
      g_async_queue_push (self->worker->queue, g_new0 (Job, 1));
      g_thread_unref (self->thread);
    }
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (zb_workspace_parent_class)->finalize (object);
}

static void
zb_workspace_class_init (ZbWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zb_workspace_finalize;
}

static void
zb_workspace_init (ZbWorkspace *self)
{
}

ZbWorkspace *
zb_workspace_new (const char *path)
{
  ZbWorkspace *self;

  g_return_val_if_fail (path != NULL, NULL);
  self = g_object_new (ZB_TYPE_WORKSPACE, NULL);
  self->path = g_strdup (path);
  return self;
}

ZbWorkspace *
zb_workspace_get_default (void)
{
  if (default_workspace == NULL)
    {
      g_autofree char *path = zb_store_dup_default_path ();

      default_workspace = zb_workspace_new (path);
    }
  return default_workspace;
}

void
zb_workspace_set_default (ZbWorkspace *workspace)
{
  g_return_if_fail (ZB_IS_WORKSPACE (workspace));
  g_set_object (&default_workspace, workspace);
}

const char *
zb_workspace_get_path (ZbWorkspace *self)
{
  g_return_val_if_fail (ZB_IS_WORKSPACE (self), NULL);
  return self->path;
}

void
zb_workspace_run_async (ZbWorkspace         *self,
                        ZbWorkspaceJob       func,
                        gpointer             data,
                        GDestroyNotify       data_free,
                        GDestroyNotify       result_free,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  Job *job;

  g_return_if_fail (ZB_IS_WORKSPACE (self));
  g_return_if_fail (func != NULL);

  if (self->thread == NULL)
    {
      self->worker = g_new0 (Worker, 1);
      self->worker->path = g_strdup (self->path);
      self->worker->queue = g_async_queue_new ();
      self->thread = g_thread_new ("zb-workspace", worker_thread, self->worker);
    }

  job = g_new0 (Job, 1);
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, zb_workspace_run_async);
  g_async_queue_push (self->worker->queue, job);
}

gpointer
zb_workspace_run_finish (ZbWorkspace   *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gpointer
open_job (ZbStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  /* the worker opened it before running this */
  return NULL;
}

void
zb_workspace_open_async (ZbWorkspace         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  zb_workspace_run_async (self, open_job, NULL, NULL, NULL, cancellable, callback, user_data);
}

gboolean
zb_workspace_open_finish (ZbWorkspace   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  GError *local_error = NULL;

  zb_workspace_run_finish (self, result, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}
