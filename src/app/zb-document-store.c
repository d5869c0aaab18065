/* zb-document-store.c — a document's writes to the workspace, its history and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-document-private.h"
#include "zb-ledger-fill.h"
#include "zb-workbook.h"

#define RETRY_MAX_SECONDS 16

void
_zb_document_writes_init (ZbDocument *self,
                          GListModel *figures,
                          gint64      report_id)
{
  ZbDocumentWrites *w = _zb_document_get_writes (self);

  w->report_id = report_id;
  w->saved = g_hash_table_new (NULL, NULL);
  w->writing = g_hash_table_new (NULL, NULL);
  w->present = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  w->retracted = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  /* what the import replayed is in the workspace already */
  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) figure = g_list_model_get_item (figures, i);

      g_hash_table_add (w->present, g_object_ref (figure));
      if (report_id > 0 && zb_figure_get_id (figure) > 0)
        g_hash_table_insert (w->saved, figure, GUINT_TO_POINTER (zb_figure_get_corrections (figure)->len));
    }
}

void
_zb_document_writes_clear (ZbDocument *self)
{
  ZbDocumentWrites *w = _zb_document_get_writes (self);

  g_clear_handle_id (&w->retry_source, g_source_remove);
  g_clear_pointer (&w->saved, g_hash_table_unref);
  g_clear_pointer (&w->writing, g_hash_table_unref);
  g_clear_pointer (&w->present, g_hash_table_unref);
  g_clear_pointer (&w->retracted, g_hash_table_unref);
}

static guint
saved_count (ZbDocumentWrites *w,
             ZbFigure         *figure)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (w->saved, figure));
}

gboolean
zb_document_is_saved (ZbDocument *self,
                      ZbFigure   *figure)
{
  ZbDocumentWrites *w;

  g_return_val_if_fail (ZB_IS_DOCUMENT (self), FALSE);

  w = _zb_document_get_writes (self);
  return w->report_id > 0 && zb_figure_get_id (figure) > 0 &&
         saved_count (w, figure) >= zb_figure_get_corrections (figure)->len;
}

static gboolean
is_unsaved (ZbDocumentWrites *w,
            ZbFigure         *figure)
{
  guint n = zb_figure_get_corrections (figure)->len;

  /* a write on its way is not lost: the application waits for it */
  return n > 0 && (w->report_id <= 0 ||
                   (saved_count (w, figure) < n && !g_hash_table_contains (w->writing, figure)));
}

gboolean
zb_document_has_unsaved (ZbDocument *self)
{
  ZbDocumentWrites *w;
  GListModel *figures;
  GHashTableIter iter;
  gpointer figure;

  g_return_val_if_fail (ZB_IS_DOCUMENT (self), FALSE);

  w = _zb_document_get_writes (self);
  figures = zb_document_get_figures (self);
  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);

      if (is_unsaved (w, f))
        return TRUE;
    }
  g_hash_table_iter_init (&iter, w->retracted);
  while (g_hash_table_iter_next (&iter, &figure, NULL))
    if (is_unsaved (w, figure))
      return TRUE;
  return FALSE;
}

/* Writing ------------------------------------------------------------------ */

/* Copies: the job runs on the workspace's thread while the clerk edits on. */
typedef struct {
  gint64     report_id;   /* > 0: add the figure, with the corrections it carries */
  ZbFigure  *copy;
  GPtrArray *corrections; /* of ZbCorrection, to record in order */
} Write;

typedef struct {
  guint   n_done;
  gint64  id;
  GError *error;
} Written;

static void
write_free (Write *write)
{
  g_clear_object (&write->copy);
  g_clear_pointer (&write->corrections, g_ptr_array_unref);
  g_free (write);
}

static void
written_free (Written *written)
{
  g_clear_error (&written->error);
  g_free (written);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Written, written_free)

/* Stops at the first failure, so that what is stored is a prefix of what
 * was made; the count says how far it got. */
static gpointer
write_job (ZbStore       *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Write *write = data;
  Written *done = g_new0 (Written, 1);

  if (write->report_id > 0)
    {
      if (zb_store_add_figure (store, write->report_id, write->copy, &done->error))
        {
          done->id = zb_figure_get_id (write->copy);
          done->n_done = zb_figure_get_corrections (write->copy)->len;
        }
      return done;
    }
  for (; done->n_done < write->corrections->len; done->n_done++)
    if (!zb_store_record_correction (store, write->copy,
                                     g_ptr_array_index (write->corrections, done->n_done), &done->error))
      break;
  return done;
}

typedef struct {
  ZbDocument *document;
  ZbFigure   *figure;
  guint       saved_before;
  gboolean    adding;
} WriteClosure;

static void
hold_application (ZbDocumentWrites *w,
                  gboolean          hold)
{
  GApplication *app = g_application_get_default ();

  if (hold && w->n_jobs++ == 0 && app != NULL)
    g_application_hold (app);
  else if (!hold && --w->n_jobs == 0 && app != NULL)
    g_application_release (app);
}

static gboolean
retry_writes (gpointer data)
{
  ZbDocument *self = data;
  ZbDocumentWrites *w = _zb_document_get_writes (self);
  GListModel *figures = zb_document_get_figures (self);
  g_autoptr(GPtrArray) retracted = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer figure;

  w->retry_source = 0;
  /* a copy: a write may change the set */
  g_hash_table_iter_init (&iter, w->retracted);
  while (g_hash_table_iter_next (&iter, &figure, NULL))
    g_ptr_array_add (retracted, figure);
  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);
      _zb_document_persist (self, f);
    }
  for (guint i = 0; i < retracted->len; i++)
    _zb_document_persist (self, g_ptr_array_index (retracted, i));
  return G_SOURCE_REMOVE;
}

static void
store_failed (ZbDocument   *self,
              const GError *error)
{
  ZbDocumentWrites *w = _zb_document_get_writes (self);

  g_debug ("workspace: %s", error->message);
  /* another program holds the workspace: it may let go any moment */
  if (g_error_matches (error, ZB_ERROR, ZB_ERROR_LOCKED) && w->retry_source == 0)
    {
      w->retry_delay = CLAMP (w->retry_delay * 2, 1, RETRY_MAX_SECONDS);
      w->retry_source = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, w->retry_delay, retry_writes,
                                                    g_object_ref (self), g_object_unref);
    }
  /* one notice until it works again: the edits themselves stay */
  if (!w->warned)
    {
      g_autofree char *message = NULL;

      w->warned = TRUE;
      /* Translators: %s is the reason, e.g. the database is locked */
      message = g_strdup_printf (_("Changes are kept in this window but not saved to the workspace: %s"),
                                 error->message);
      _zb_document_notice (self, message);
    }
}

static void
write_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  WriteClosure *closure = user_data;
  ZbDocument *self = closure->document;
  ZbDocumentWrites *w = _zb_document_get_writes (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(Written) done = zb_workspace_run_finish (ZB_WORKSPACE (source), result, &error);

  if (done != NULL && done->error != NULL)
    error = g_steal_pointer (&done->error);
  if (w->writing != NULL)
    {
      g_hash_table_remove (w->writing, closure->figure);
      if (done != NULL && closure->adding && done->id > 0)
        zb_figure_set_id (closure->figure, done->id);
      if (done != NULL && (!closure->adding || done->id > 0))
        g_hash_table_insert (w->saved, closure->figure,
                             GUINT_TO_POINTER (closure->saved_before + done->n_done));
      if (error != NULL && g_error_matches (error, ZB_ERROR, ZB_ERROR_CONFLICT))
        {
          g_autofree char *message = NULL;

          /* another window or program changed the figure first: this edit
           * is not written over it, and not tried again */
          g_hash_table_insert (w->saved, closure->figure,
                               GUINT_TO_POINTER (zb_figure_get_corrections (closure->figure)->len));
          /* Translators: %s says who changed the figure, when, and to what */
          message = g_strdup_printf (_("Not saved: %s. Open the report again to see the workspace’s version."),
                                     error->message);
          _zb_document_notice (self, message);
        }
      else if (error != NULL)
        store_failed (self, error);
      else
        {
          _zb_document_emit_saved (self, closure->figure);
          if (w->warned && w->retry_delay > 0 && !zb_document_has_unsaved (self))
            {
              w->warned = FALSE;
              w->retry_delay = 0;
              _zb_document_notice (self, _("The changes are saved in the workspace now"));
            }
          /* more corrections came meanwhile */
          _zb_document_persist (self, closure->figure);
        }
    }
  hold_application (w, FALSE);
  g_object_unref (closure->figure);
  g_object_unref (closure->document);
  g_free (closure);
}

void
_zb_document_persist (ZbDocument *self,
                      ZbFigure   *figure)
{
  ZbDocumentWrites *w = _zb_document_get_writes (self);
  GPtrArray *corrections = zb_figure_get_corrections (figure);
  guint saved = saved_count (w, figure);
  WriteClosure *closure;
  Write *write;

  if (w->report_id <= 0 || w->writing == NULL || g_hash_table_contains (w->writing, figure))
    return;
  if (zb_figure_get_id (figure) > 0 && saved >= corrections->len)
    return;

  write = g_new0 (Write, 1);
  write->copy = zb_figure_copy (figure);
  closure = g_new0 (WriteClosure, 1);
  closure->document = g_object_ref (self);
  closure->figure = g_object_ref (figure);
  if (zb_figure_get_id (figure) <= 0)
    {
      /* made by hand: the figure itself first, with what it carries */
      write->report_id = w->report_id;
      closure->adding = TRUE;
    }
  else
    {
      write->corrections = g_ptr_array_new_with_free_func ((GDestroyNotify) zb_correction_free);
      for (guint i = saved; i < corrections->len; i++)
        g_ptr_array_add (write->corrections, zb_correction_copy (g_ptr_array_index (corrections, i)));
      closure->saved_before = saved;
    }
  g_hash_table_add (w->writing, figure);
  hold_application (w, TRUE);
  zb_workspace_run_async (zb_document_get_workspace (self), write_job, write, (GDestroyNotify) write_free,
                          (GDestroyNotify) written_free, NULL, write_done, closure);
}

void
_zb_document_track_membership (ZbDocument *self,
                               GListModel *figures)
{
  ZbDocumentWrites *w = _zb_document_get_writes (self);
  g_autoptr(GHashTable) now = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (figures);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZbFigure) figure = g_list_model_get_item (figures, i);

      g_hash_table_add (now, figure);
      if (g_hash_table_contains (w->present, figure))
        continue;
      g_hash_table_add (w->present, g_object_ref (figure));
      if (g_hash_table_remove (w->retracted, figure) && zb_figure_get_deleted (figure))
        zb_figure_correct (figure, ZB_FIELD_DELETED, "false", N_("redo"), NULL);
    }

  g_hash_table_iter_init (&iter, w->present);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (now, key))
      {
        g_ptr_array_add (gone, g_object_ref (key));
        g_hash_table_iter_remove (&iter);
      }
  for (guint i = 0; i < gone->len; i++)
    {
      ZbFigure *figure = g_ptr_array_index (gone, i);

      _zb_document_forget_frozen (self, figure);
      if (zb_figure_get_id (figure) <= 0 || zb_figure_get_deleted (figure))
        continue;
      g_hash_table_add (w->retracted, g_object_ref (figure));
      zb_figure_correct (figure, ZB_FIELD_DELETED, "true", N_("undo"), NULL);
      /* no longer watched through the report's list */
      _zb_document_persist (self, figure);
    }
}

/* History ------------------------------------------------------------------ */

static gpointer
history_job (ZbStore       *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return zb_store_history (store, *(gint64 *) data, error);
}

static void
history_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GPtrArray *corrections = zb_workspace_run_finish (ZB_WORKSPACE (source), result, &error);

  if (corrections == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, corrections, (GDestroyNotify) g_ptr_array_unref);
}

void
zb_document_history_async (ZbDocument          *self,
                           ZbFigure            *figure,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  gint64 id;

  g_return_if_fail (ZB_IS_DOCUMENT (self));
  g_return_if_fail (ZB_IS_FIGURE (figure));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, zb_document_history_async);
  if (!zb_document_is_saved (self, figure))
    {
      /* not (all) in the workspace: what this document holds */
      GPtrArray *own = zb_figure_get_corrections (figure);
      GPtrArray *copy = g_ptr_array_new_full (own->len, (GDestroyNotify) zb_correction_free);

      for (guint i = 0; i < own->len; i++)
        g_ptr_array_add (copy, zb_correction_copy (g_ptr_array_index (own, i)));
      g_task_return_pointer (task, copy, (GDestroyNotify) g_ptr_array_unref);
      return;
    }
  g_task_set_task_data (task, GINT_TO_POINTER (TRUE), NULL);
  id = zb_figure_get_id (figure);
  zb_workspace_run_async (zb_document_get_workspace (self), history_job, g_memdup2 (&id, sizeof id), g_free,
                          (GDestroyNotify) g_ptr_array_unref, cancellable, history_done, g_steal_pointer (&task));
}

GPtrArray *
zb_document_history_finish (ZbDocument    *self,
                            GAsyncResult  *result,
                            gboolean      *stored,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (stored != NULL)
    *stored = g_task_get_task_data (G_TASK (result)) != NULL;
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Export ------------------------------------------------------------------- */

typedef struct {
  gint64     report_id;
  GPtrArray *reports;    /* of ZbReport: the one to export */
  ZbLedger  *ledger;
  char      *path;
  char      *language;
} Export;

static void
export_free (Export *ex)
{
  g_clear_pointer (&ex->reports, g_ptr_array_unref);
  g_clear_object (&ex->ledger);
  g_free (ex->path);
  g_free (ex->language);
  g_free (ex);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Export *ex = data;
  ZbWorkbookOptions options = { 0 };
  GError *error = NULL;

  for (guint i = 0; i < ex->reports->len; i++)
    zb_ledger_add_report (ex->ledger, g_ptr_array_index (ex->reports, i));
  options.ledger = ex->ledger;
  options.language = ex->language;
  options.cancellable = cancellable;
  if (zb_workbook_export (ex->reports, &options, ex->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* On the workspace's worker: the report as stored, with every correction,
 * and the workspace's aliases and typed targets. */
static gpointer
export_job (ZbStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Export *ex = data;
  ZbReport *report = zb_store_load_report (store, ex->report_id, error);

  if (report == NULL)
    return NULL;
  g_ptr_array_add (ex->reports, report);
  ex->ledger = zb_ledger_new ();
  /* the workbook rates figures as the window does */
  if (!zb_ledger_fill_from_store (ex->ledger, store, NULL))
    g_debug ("export: the workspace's aliases and targets could not be read");
  return NULL;
}

static void
export_loaded (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  zb_workspace_run_finish (ZB_WORKSPACE (source), result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_run_in_thread (task, export_thread);
}

/* A report that is not stored, for a worker thread: the document's
 * figures, copied, over the same (immutable) source and sections. */
static ZbReport *
snapshot_report (ZbReport *report)
{
  ZbReport *copy = zb_report_new_unparsed (zb_report_get_source (report));
  GListModel *sections = zb_report_get_sections (report);
  GListModel *figures = zb_report_get_figures (report);

  zb_report_set_title (copy, zb_report_get_title (report));
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    zb_report_take_section (copy, g_list_model_get_item (sections, i));
  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);
      g_autoptr(ZbFigure) frozen = zb_figure_copy (f);

      zb_report_add_figure (copy, frozen);
    }
  return copy;
}

void
zb_document_export_async (ZbDocument          *self,
                          GFile               *file,
                          const char          *language,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ZbDocumentLedger *l;
  Export *ex;

  g_return_if_fail (ZB_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, zb_document_export_async);
  ex = g_new0 (Export, 1);
  ex->path = g_file_get_path (file);
  ex->language = g_strdup (language);
  ex->reports = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_task_data (task, ex, (GDestroyNotify) export_free);
  if (ex->path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Workbooks can only be written to local files"));
      return;
    }

  ex->report_id = zb_document_get_report_id (self);
  if (ex->report_id > 0)
    {
      /* the task owns @ex; the main loop leaves it alone until the job is done */
      zb_workspace_run_async (zb_document_get_workspace (self), export_job, ex, NULL, NULL,
                              cancellable, export_loaded, g_object_ref (task));
      return;
    }
  l = _zb_document_get_ledger_state (self);
  g_ptr_array_add (ex->reports, snapshot_report (zb_document_get_report (self)));
  ex->ledger = zb_ledger_new ();
  zb_ledger_fill (ex->ledger, l->aliases, l->typed);
  g_task_run_in_thread (task, export_thread);
}

gboolean
zb_document_export_finish (ZbDocument    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
