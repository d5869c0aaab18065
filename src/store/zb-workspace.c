/* zb-workspace.c — the application's workspace: a ZbStore shared by windows and worker threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "zb-workspace.h"
#include "zb-ledger.h"
#include "zb-import.h"
#include "zb-ledger-fill.h"
#include "zb-workbook.h"

struct _ZbWorkspace
{
  GObject  parent_instance;

  char    *path;
  /* ZbStore keeps one SQLite connection and its prepared statements: one
   * caller at a time, whichever thread it is on. */
  GMutex   lock;
  ZbStore *store;
};

G_DEFINE_FINAL_TYPE (ZbWorkspace, zb_workspace, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static ZbWorkspace *default_workspace;

static void
zb_workspace_finalize (GObject *object)
{
  ZbWorkspace *self = ZB_WORKSPACE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->path, g_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (zb_workspace_parent_class)->finalize (object);
}

static void
zb_workspace_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ZbWorkspace *self = ZB_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_workspace_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ZbWorkspace *self = ZB_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_workspace_class_init (ZbWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zb_workspace_finalize;
  object_class->get_property = zb_workspace_get_property;
  object_class->set_property = zb_workspace_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zb_workspace_init (ZbWorkspace *self)
{
  g_mutex_init (&self->lock);
}

ZbWorkspace *
zb_workspace_new (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);
  return g_object_new (ZB_TYPE_WORKSPACE, "path", path, NULL);
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

/* Called with the lock held. A failed open is tried again next time: a
 * workspace locked by another instance may be free a moment later. */
static ZbStore *
ensure_store (ZbWorkspace  *self,
              GError      **error)
{
  if (self->store == NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self->path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
          return NULL;
        }
      self->store = zb_store_open (self->path, error);
    }
  return self->store;
}

gboolean
zb_workspace_open (ZbWorkspace  *self,
                   GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (ZB_IS_WORKSPACE (self), FALSE);

  g_mutex_lock (&self->lock);
  ok = ensure_store (self, error) != NULL;
  g_mutex_unlock (&self->lock);
  return ok;
}

gboolean
zb_workspace_import_report (ZbWorkspace  *self,
                            ZbReport     *report,
                            gint64       *report_id,
                            GPtrArray   **uncarried,
                            GError      **error)
{
  ZbStore *store;
  gboolean ok = FALSE;

  g_return_val_if_fail (ZB_IS_WORKSPACE (self), FALSE);

  g_mutex_lock (&self->lock);
  if ((store = ensure_store (self, error)))
    ok = zb_store_import_report (store, report, report_id, uncarried, error);
  g_mutex_unlock (&self->lock);
  return ok;
}

gboolean
zb_workspace_record_correction (ZbWorkspace        *self,
                                ZbFigure           *figure,
                                const ZbCorrection *correction,
                                GError            **error)
{
  ZbStore *store;
  gboolean ok = FALSE;

  g_return_val_if_fail (ZB_IS_WORKSPACE (self), FALSE);

  g_mutex_lock (&self->lock);
  if ((store = ensure_store (self, error)))
    ok = zb_store_record_correction (store, figure, correction, error);
  g_mutex_unlock (&self->lock);
  return ok;
}

gboolean
zb_workspace_add_figure (ZbWorkspace  *self,
                         gint64        report_id,
                         ZbFigure     *figure,
                         GError      **error)
{
  ZbStore *store;
  gboolean ok = FALSE;

  g_return_val_if_fail (ZB_IS_WORKSPACE (self), FALSE);

  g_mutex_lock (&self->lock);
  if ((store = ensure_store (self, error)))
    ok = zb_store_add_figure (store, report_id, figure, error);
  g_mutex_unlock (&self->lock);
  return ok;
}

ZbReport *
zb_workspace_load_report (ZbWorkspace  *self,
                          gint64        report_id,
                          GError      **error)
{
  ZbStore *store;
  ZbReport *report = NULL;

  g_return_val_if_fail (ZB_IS_WORKSPACE (self), NULL);

  g_mutex_lock (&self->lock);
  if ((store = ensure_store (self, error)))
    report = zb_store_load_report (store, report_id, error);
  g_mutex_unlock (&self->lock);
  return report;
}

gboolean
zb_workspace_export_workbook (ZbWorkspace   *self,
                              gint64         report_id,
                              ZbReport      *report,
                              const char    *path,
                              const char    *language,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  ZbWorkbookOptions options = { 0 };

  g_return_val_if_fail (ZB_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (report_id > 0 || ZB_IS_REPORT (report), FALSE);

  if (report_id > 0)
    {
      ZbReport *stored = zb_workspace_load_report (self, report_id, error);

      if (stored == NULL)
        return FALSE;
      g_ptr_array_add (reports, stored);
    }
  else
    g_ptr_array_add (reports, g_object_ref (report));

  /* the workbook rates figures as the window does: with the workspace's
   * aliases and typed targets, when the workspace can be read */
  {
    g_autoptr(ZbLedger) ledger = zb_ledger_new ();
    ZbStore *store;

    g_mutex_lock (&self->lock);
    store = ensure_store (self, NULL);
    if (store != NULL && !zb_ledger_fill_from_store (ledger, store, NULL))
      g_debug ("export: the workspace's aliases and targets could not be read");
    g_mutex_unlock (&self->lock);
    for (guint i = 0; i < reports->len; i++)
      zb_ledger_add_report (ledger, g_ptr_array_index (reports, i));

    options.ledger = ledger;
    options.language = language;
    options.cancellable = cancellable;
    return zb_workbook_export (reports, &options, path, error);
  }
}

static GPtrArray *
list_reports (ZbWorkspace  *self,
              GError      **error)
{
  ZbStore *store;
  GPtrArray *reports = NULL;

  g_mutex_lock (&self->lock);
  if ((store = ensure_store (self, error)))
    reports = zb_store_list_reports (store, error);
  g_mutex_unlock (&self->lock);
  return reports;
}

static GPtrArray *
history (ZbWorkspace  *self,
         gint64        figure_id,
         GError      **error)
{
  ZbStore *store;
  GPtrArray *corrections = NULL;

  g_mutex_lock (&self->lock);
  if ((store = ensure_store (self, error)))
    corrections = zb_store_history (store, figure_id, error);
  g_mutex_unlock (&self->lock);
  return corrections;
}

/* Jobs --------------------------------------------------------------- */

typedef enum {
  JOB_OPEN,
  JOB_READ,
  JOB_LOAD,
  JOB_LIST,
  JOB_HISTORY,
  JOB_RELATED,
  JOB_TARGETS,
  JOB_SET_TARGET,
  JOB_ALIASES,
  JOB_SET_ALIAS,
} JobKind;

typedef struct {
  JobKind   kind;
  GFile    *file;
  gint64    id;
  ZbTarget *target;   /* JOB_SET_TARGET */
  char     *alias;    /* JOB_SET_ALIAS */
  char     *indicator;
  /* JOB_READ results */
  gint64    report_id;
  guint     n_uncarried;
  GError   *store_error;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->file);
  g_clear_pointer (&job->target, zb_target_free);
  g_clear_pointer (&job->alias, g_free);
  g_clear_pointer (&job->indicator, g_free);
  g_clear_error (&job->store_error);
  g_free (job);
}

static void
run_job (GTask        *task,
         gpointer      source,
         gpointer      data,
         GCancellable *cancellable)
{
  ZbWorkspace *self = source;
  Job *job = data;
  GError *error = NULL;

  switch (job->kind)
    {
    case JOB_OPEN:
      if (zb_workspace_open (self, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      break;

    case JOB_READ:
      {
        g_autoptr(ZbReport) report = zb_import_report_from_file (job->file, cancellable, &error);
        g_autoptr(GPtrArray) uncarried = NULL;

        if (report == NULL)
          {
            g_task_return_error (task, error);
            return;
          }
        /* only files can be stored: the bundled sample is not */
        if (g_file_is_native (job->file) && !g_cancellable_is_cancelled (cancellable))
          {
            if (zb_workspace_import_report (self, report, &job->report_id, &uncarried, &job->store_error))
              job->n_uncarried = uncarried ? uncarried->len : 0;
            else
              job->report_id = 0;
          }
        if (g_task_return_error_if_cancelled (task))
          return;
        g_task_return_pointer (task, g_steal_pointer (&report), g_object_unref);
      }
      break;

    case JOB_LOAD:
      {
        ZbReport *report = zb_workspace_load_report (self, job->id, &error);

        if (report == NULL)
          g_task_return_error (task, error);
        else
          g_task_return_pointer (task, report, g_object_unref);
      }
      break;

    case JOB_LIST:
      {
        GPtrArray *reports = list_reports (self, &error);

        if (reports == NULL)
          g_task_return_error (task, error);
        else
          g_task_return_pointer (task, reports, (GDestroyNotify) g_ptr_array_unref);
      }
      break;

    case JOB_RELATED:
      {
        g_autoptr(GPtrArray) reports = list_reports (self, &error);
        g_autoptr(GPtrArray) related = g_ptr_array_new_with_free_func (g_object_unref);
        const char *region = NULL;

        if (reports == NULL)
          {
            g_task_return_error (task, error);
            return;
          }
        for (guint i = 0; i < reports->len; i++)
          {
            ZbStoreReport *info = g_ptr_array_index (reports, i);

            if (info->id == job->id)
              region = info->region;
          }
        for (guint i = 0; region != NULL && i < reports->len; i++)
          {
            ZbStoreReport *info = g_ptr_array_index (reports, i);
            ZbReport *report;

            if (info->id == job->id || g_strcmp0 (info->region, region) != 0)
              continue;
            if (g_task_return_error_if_cancelled (task))
              return;
            /* a report that cannot be rebuilt only leaves the chart shorter */
            if ((report = zb_workspace_load_report (self, info->id, NULL)) != NULL)
              g_ptr_array_add (related, report);
          }
        g_task_return_pointer (task, g_steal_pointer (&related), (GDestroyNotify) g_ptr_array_unref);
      }
      break;

    case JOB_HISTORY:
      {
        GPtrArray *corrections = history (self, job->id, &error);

        if (corrections == NULL)
          g_task_return_error (task, error);
        else
          g_task_return_pointer (task, corrections, (GDestroyNotify) g_ptr_array_unref);
      }
      break;

    case JOB_TARGETS:
      {
        ZbStore *store;
        GPtrArray *targets = NULL;

        g_mutex_lock (&self->lock);
        if ((store = ensure_store (self, &error)))
          targets = zb_store_list_targets (store, &error);
        g_mutex_unlock (&self->lock);
        if (targets == NULL)
          g_task_return_error (task, error);
        else
          g_task_return_pointer (task, targets, (GDestroyNotify) g_ptr_array_unref);
      }
      break;

    case JOB_SET_TARGET:
      {
        ZbStore *store;
        gboolean ok = FALSE;

        g_mutex_lock (&self->lock);
        if ((store = ensure_store (self, &error)))
          ok = zb_store_set_target (store, job->target, &error);
        g_mutex_unlock (&self->lock);
        if (ok)
          g_task_return_boolean (task, TRUE);
        else
          g_task_return_error (task, error);
      }
      break;

    case JOB_ALIASES:
      {
        ZbStore *store;
        GPtrArray *aliases = NULL;

        g_mutex_lock (&self->lock);
        if ((store = ensure_store (self, &error)))
          aliases = zb_store_list_aliases (store, &error);
        g_mutex_unlock (&self->lock);
        if (aliases == NULL)
          g_task_return_error (task, error);
        else
          g_task_return_pointer (task, aliases, (GDestroyNotify) g_ptr_array_unref);
      }
      break;

    case JOB_SET_ALIAS:
      {
        ZbStore *store;
        gboolean ok = FALSE;

        g_mutex_lock (&self->lock);
        if ((store = ensure_store (self, &error)))
          ok = zb_store_set_alias (store, job->alias, job->indicator, &error);
        g_mutex_unlock (&self->lock);
        if (ok)
          g_task_return_boolean (task, TRUE);
        else
          g_task_return_error (task, error);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
start_job (ZbWorkspace         *self,
           Job                 *job,
           gpointer             tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, tag);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_job);
}

void
zb_workspace_open_async (ZbWorkspace         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (ZB_IS_WORKSPACE (self));
  job->kind = JOB_OPEN;
  start_job (self, job, zb_workspace_open_async, cancellable, callback, user_data);
}

gboolean
zb_workspace_open_finish (ZbWorkspace   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
zb_workspace_read_report_async (ZbWorkspace         *self,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (ZB_IS_WORKSPACE (self));
  g_return_if_fail (G_IS_FILE (file));
  job->kind = JOB_READ;
  job->file = g_object_ref (file);
  start_job (self, job, zb_workspace_read_report_async, cancellable, callback, user_data);
}

ZbReport *
zb_workspace_read_report_finish (ZbWorkspace   *self,
                                 GAsyncResult  *result,
                                 gint64        *report_id,
                                 guint         *n_uncarried,
                                 GError       **store_error,
                                 GError       **error)
{
  Job *job;
  ZbReport *report;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  job = g_task_get_task_data (G_TASK (result));
  report = g_task_propagate_pointer (G_TASK (result), error);
  if (report_id != NULL)
    *report_id = report ? job->report_id : 0;
  if (n_uncarried != NULL)
    *n_uncarried = report ? job->n_uncarried : 0;
  if (report != NULL && job->store_error != NULL && store_error != NULL)
    g_propagate_error (store_error, g_steal_pointer (&job->store_error));
  return report;
}

void
zb_workspace_load_report_async (ZbWorkspace         *self,
                                gint64               report_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (ZB_IS_WORKSPACE (self));
  job->kind = JOB_LOAD;
  job->id = report_id;
  start_job (self, job, zb_workspace_load_report_async, cancellable, callback, user_data);
}

ZbReport *
zb_workspace_load_report_finish (ZbWorkspace   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
zb_workspace_list_reports_async (ZbWorkspace         *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (ZB_IS_WORKSPACE (self));
  job->kind = JOB_LIST;
  start_job (self, job, zb_workspace_list_reports_async, cancellable, callback, user_data);
}

GPtrArray *
zb_workspace_list_reports_finish (ZbWorkspace   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
zb_workspace_load_related_async (ZbWorkspace         *self,
                                 gint64               report_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (ZB_IS_WORKSPACE (self));
  job->kind = JOB_RELATED;
  job->id = report_id;
  start_job (self, job, zb_workspace_load_related_async, cancellable, callback, user_data);
}

GPtrArray *
zb_workspace_load_related_finish (ZbWorkspace   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
zb_workspace_history_async (ZbWorkspace         *self,
                            gint64               figure_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (ZB_IS_WORKSPACE (self));
  job->kind = JOB_HISTORY;
  job->id = figure_id;
  start_job (self, job, zb_workspace_history_async, cancellable, callback, user_data);
}

GPtrArray *
zb_workspace_history_finish (ZbWorkspace   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
zb_workspace_list_targets_async (ZbWorkspace         *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (ZB_IS_WORKSPACE (self));
  job->kind = JOB_TARGETS;
  start_job (self, job, zb_workspace_list_targets_async, cancellable, callback, user_data);
}

GPtrArray *
zb_workspace_list_targets_finish (ZbWorkspace   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
zb_workspace_set_target_async (ZbWorkspace         *self,
                               const ZbTarget      *target,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (ZB_IS_WORKSPACE (self));
  g_return_if_fail (target != NULL);
  job->kind = JOB_SET_TARGET;
  job->target = zb_target_copy (target);
  start_job (self, job, zb_workspace_set_target_async, cancellable, callback, user_data);
}

gboolean
zb_workspace_set_target_finish (ZbWorkspace   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
zb_workspace_list_aliases_async (ZbWorkspace         *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (ZB_IS_WORKSPACE (self));
  job->kind = JOB_ALIASES;
  start_job (self, job, zb_workspace_list_aliases_async, cancellable, callback, user_data);
}

GPtrArray *
zb_workspace_list_aliases_finish (ZbWorkspace   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
zb_workspace_set_alias_async (ZbWorkspace         *self,
                              const char          *alias,
                              const char          *indicator,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (ZB_IS_WORKSPACE (self));
  g_return_if_fail (alias != NULL && indicator != NULL);
  job->kind = JOB_SET_ALIAS;
  job->alias = g_strdup (alias);
  job->indicator = g_strdup (indicator);
  start_job (self, job, zb_workspace_set_alias_async, cancellable, callback, user_data);
}

gboolean
zb_workspace_set_alias_finish (ZbWorkspace   *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
