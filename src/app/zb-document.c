/* zb-document.c — one open report: its state, edits, workspace writes and targets, no widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-document-private.h"
#include "zb-import.h"
#include "zb-ledger-fill.h"

struct _ZbDocument
{
  GObject       parent_instance;

  ZbWorkspace  *workspace;
  ZbReport     *report;
  GFile        *file;
  gint64        report_id;
  char         *store_error;
  guint         n_uncarried;
  ZbUndoStack  *undo;
  GCancellable *cancellable;       /* of every job: cancelled on dispose */

  /* the selection the panes share */
  int           section;
  ZbFigure     *figure;

  /* the review queue: figures the parser flagged, and those not reviewed yet */
  guint         n_flagged;
  guint         n_to_review;

  /* workspace writes (zb-document-store.c) */
  ZbDocumentWrites writes;

  /* targets (zb-document-assess.c) */
  ZbDocumentLedger ledger;
};

G_DEFINE_FINAL_TYPE (ZbDocument, zb_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_REPORT,
  PROP_FILE,
  PROP_REPORT_ID,
  PROP_TITLE,
  PROP_UNDO_STACK,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_SECTION,
  PROP_FIGURE,
  PROP_LEDGER,
  PROP_ASSESSING,
  PROP_N_FLAGGED,
  PROP_N_TO_REVIEW,
  PROP_YEAR,
  PROP_REGION,
  N_PROPS
};

enum {
  FIGURE_CHANGED,
  FIGURE_SAVED,
  ASSESSED,
  NOTICE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Private accessors for the other zb-document-*.c files ---------------- */

ZbDocumentWrites *
_zb_document_get_writes (ZbDocument *self)
{
  return &self->writes;
}

ZbDocumentLedger *
_zb_document_get_ledger_state (ZbDocument *self)
{
  return &self->ledger;
}

GCancellable *
_zb_document_get_cancellable (ZbDocument *self)
{
  return self->cancellable;
}

void
_zb_document_notice (ZbDocument *self,
                     const char *message)
{
  g_signal_emit (self, signals[NOTICE], 0, message);
}

void
_zb_document_emit_saved (ZbDocument *self,
                         ZbFigure   *figure)
{
  g_signal_emit (self, signals[FIGURE_SAVED], 0, figure);
}

void
_zb_document_emit_assessed (ZbDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEDGER]);
  g_signal_emit (self, signals[ASSESSED], 0);
}

void
_zb_document_notify_assessing (ZbDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSING]);
}

/* Watching the report ---------------------------------------------------- */

/* The queue's length; a pass over the figures (cheap beside a rebuild of
 * the ledger, which every change makes too). */
static void
count_review (ZbDocument *self)
{
  GListModel *figures = zb_report_get_figures (self->report);
  guint flagged = 0, left = 0;

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);

      if (zb_figure_get_deleted (f) || !zb_figure_needs_review (f))
        continue;
      flagged++;
      left += !zb_figure_get_reviewed (f);
    }
  if (flagged != self->n_flagged)
    {
      self->n_flagged = flagged;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FLAGGED]);
    }
  if (left != self->n_to_review)
    {
      self->n_to_review = left;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TO_REVIEW]);
    }
}

static void
on_figure_field_changed (ZbFigure   *figure,
                         int         field,
                         ZbDocument *self)
{
  _zb_document_forget_frozen (self, figure);
  _zb_document_persist (self, figure);
  count_review (self);
  g_signal_emit (self, signals[FIGURE_CHANGED], 0, figure, field);
  _zb_document_queue_assess (self);
}

static void
watch_figures (ZbDocument *self,
               GListModel *figures,
               guint       position,
               guint       n)
{
  for (guint i = position; i < position + n; i++)
    {
      g_autoptr(ZbFigure) figure = g_list_model_get_item (figures, i);

      /* inserted again by Redo: keep a single handler */
      g_signal_handlers_disconnect_by_func (figure, on_figure_field_changed, self);
      g_signal_connect_object (figure, "field-changed", G_CALLBACK (on_figure_field_changed), self, 0);
    }
}

static void
on_figures_changed (GListModel *figures,
                    guint       position,
                    guint       removed,
                    guint       added,
                    ZbDocument *self)
{
  watch_figures (self, figures, position, added);
  _zb_document_track_membership (self, figures);
  count_review (self);
  if (self->figure != NULL && !g_hash_table_contains (self->writes.present, self->figure))
    zb_document_set_figure (self, NULL);
  _zb_document_queue_assess (self);
}

static void
on_undo_state (ZbUndoStack *undo,
               GParamSpec  *pspec,
               ZbDocument  *self)
{
  g_object_notify_by_pspec (G_OBJECT (self),
                            g_str_equal (pspec->name, "can-undo") ? properties[PROP_CAN_UNDO]
                                                                  : properties[PROP_CAN_REDO]);
}

static void
zb_document_constructed (GObject *object)
{
  ZbDocument *self = ZB_DOCUMENT (object);
  GListModel *figures;

  G_OBJECT_CLASS (zb_document_parent_class)->constructed (object);

  g_return_if_fail (ZB_IS_REPORT (self->report));
  g_return_if_fail (ZB_IS_WORKSPACE (self->workspace));

  self->undo = zb_undo_stack_new (self->report);
  g_signal_connect (self->undo, "notify::can-undo", G_CALLBACK (on_undo_state), self);
  g_signal_connect (self->undo, "notify::can-redo", G_CALLBACK (on_undo_state), self);

  figures = zb_report_get_figures (self->report);
  watch_figures (self, figures, 0, g_list_model_get_n_items (figures));
  _zb_document_writes_init (self, figures, self->report_id);
  g_signal_connect (figures, "items-changed", G_CALLBACK (on_figures_changed), self);
  count_review (self);

  _zb_document_ledger_init (self);
}

/* GObject ---------------------------------------------------------------- */

static void
zb_document_dispose (GObject *object)
{
  ZbDocument *self = ZB_DOCUMENT (object);

  g_cancellable_cancel (self->cancellable);
  if (self->report != NULL)
    {
      GListModel *figures = zb_report_get_figures (self->report);

      g_signal_handlers_disconnect_by_data (figures, self);
      for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
        {
          g_autoptr(ZbFigure) figure = g_list_model_get_item (figures, i);
          g_signal_handlers_disconnect_by_data (figure, self);
        }
    }
  if (self->undo != NULL)
    g_signal_handlers_disconnect_by_data (self->undo, self);
  _zb_document_writes_clear (self);
  _zb_document_ledger_clear (self);
  g_clear_object (&self->figure);

  G_OBJECT_CLASS (zb_document_parent_class)->dispose (object);
}

static void
zb_document_finalize (GObject *object)
{
  ZbDocument *self = ZB_DOCUMENT (object);

  g_clear_object (&self->undo);
  g_clear_object (&self->report);
  g_clear_object (&self->workspace);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->store_error, g_free);

  G_OBJECT_CLASS (zb_document_parent_class)->finalize (object);
}

static void
zb_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ZbDocument *self = ZB_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE: g_value_set_object (value, self->workspace); break;
    case PROP_REPORT: g_value_set_object (value, self->report); break;
    case PROP_FILE: g_value_set_object (value, self->file); break;
    case PROP_REPORT_ID: g_value_set_int64 (value, self->report_id); break;
    case PROP_TITLE: g_value_set_string (value, zb_document_get_title (self)); break;
    case PROP_UNDO_STACK: g_value_set_object (value, self->undo); break;
    case PROP_CAN_UNDO: g_value_set_boolean (value, zb_undo_stack_get_can_undo (self->undo)); break;
    case PROP_CAN_REDO: g_value_set_boolean (value, zb_undo_stack_get_can_redo (self->undo)); break;
    case PROP_SECTION: g_value_set_int (value, self->section); break;
    case PROP_FIGURE: g_value_set_object (value, self->figure); break;
    case PROP_LEDGER: g_value_set_object (value, zb_document_get_ledger (self)); break;
    case PROP_ASSESSING: g_value_set_boolean (value, zb_document_get_assessing (self)); break;
    case PROP_N_FLAGGED: g_value_set_uint (value, self->n_flagged); break;
    case PROP_N_TO_REVIEW: g_value_set_uint (value, self->n_to_review); break;
    case PROP_YEAR: g_value_set_int (value, zb_document_get_year (self)); break;
    case PROP_REGION: g_value_take_string (value, zb_document_dup_region (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ZbDocument *self = ZB_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE: self->workspace = g_value_dup_object (value); break;
    case PROP_REPORT: self->report = g_value_dup_object (value); break;
    case PROP_FILE: self->file = g_value_dup_object (value); break;
    case PROP_REPORT_ID: self->report_id = g_value_get_int64 (value); break;
    case PROP_SECTION: zb_document_set_section (self, g_value_get_int (value)); break;
    case PROP_FIGURE: zb_document_set_figure (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_document_class_init (ZbDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  /* the workspace reopens stored Word and PDF reports through the importer */
  zb_import_register ();

  object_class->constructed = zb_document_constructed;
  object_class->dispose = zb_document_dispose;
  object_class->finalize = zb_document_finalize;
  object_class->get_property = zb_document_get_property;
  object_class->set_property = zb_document_set_property;

  properties[PROP_WORKSPACE] = g_param_spec_object ("workspace", NULL, NULL, ZB_TYPE_WORKSPACE, construct);
  properties[PROP_REPORT] = g_param_spec_object ("report", NULL, NULL, ZB_TYPE_REPORT, construct);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, construct);
  properties[PROP_REPORT_ID] = g_param_spec_int64 ("report-id", NULL, NULL, 0, G_MAXINT64, 0, construct);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_UNDO_STACK] = g_param_spec_object ("undo-stack", NULL, NULL, ZB_TYPE_UNDO_STACK, ro);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  properties[PROP_SECTION] = g_param_spec_int ("section", NULL, NULL, ZB_DOCUMENT_WHOLE_REPORT, G_MAXINT,
                                               ZB_DOCUMENT_WHOLE_REPORT, rw);
  properties[PROP_FIGURE] = g_param_spec_object ("figure", NULL, NULL, ZB_TYPE_FIGURE, rw);
  properties[PROP_LEDGER] = g_param_spec_object ("ledger", NULL, NULL, ZB_TYPE_LEDGER, ro);
  properties[PROP_ASSESSING] = g_param_spec_boolean ("assessing", NULL, NULL, FALSE, ro);
  properties[PROP_N_FLAGGED] = g_param_spec_uint ("n-flagged", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_TO_REVIEW] = g_param_spec_uint ("n-to-review", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties[PROP_REGION] = g_param_spec_string ("region", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A field of a figure changed: an edit, an undo, a redo. */
  signals[FIGURE_CHANGED] =
    g_signal_new ("figure-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, ZB_TYPE_FIGURE, G_TYPE_INT);
  /* Every correction of the figure is now in the workspace. */
  signals[FIGURE_SAVED] =
    g_signal_new ("figure-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ZB_TYPE_FIGURE);
  /* The ledger and the assessments were rebuilt. */
  signals[ASSESSED] =
    g_signal_new ("assessed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  /* Something the clerk should be told, once, in a sentence. */
  signals[NOTICE] =
    g_signal_new ("notice", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
zb_document_init (ZbDocument *self)
{
  self->section = ZB_DOCUMENT_WHOLE_REPORT;
  self->cancellable = g_cancellable_new ();
}

/* Opening ---------------------------------------------------------------- */

typedef struct {
  ZbWorkspace *workspace;
  GFile       *file;
  gint64       report_id;
  ZbReport    *report;
  char        *store_error;
  guint        n_uncarried;
} Opening;

static void
opening_free (Opening *op)
{
  g_clear_object (&op->workspace);
  g_clear_object (&op->file);
  g_clear_object (&op->report);
  g_free (op->store_error);
  g_free (op);
}

static void
opened (GTask *task)
{
  Opening *op = g_task_get_task_data (task);
  ZbDocument *self = g_object_new (ZB_TYPE_DOCUMENT,
                                   "workspace", op->workspace,
                                   "report", op->report,
                                   "file", op->file,
                                   "report-id", op->report_id,
                                   NULL);

  self->store_error = g_steal_pointer (&op->store_error);
  self->n_uncarried = op->n_uncarried;
  _zb_document_load_ledger_inputs (self);
  g_task_return_pointer (task, self, g_object_unref);
}

typedef struct {
  gint64 id;
  guint  n_uncarried;
} Imported;

/* On the workspace's worker: the report is the job's alone until it returns. */
static gpointer
import_job (ZbStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GPtrArray) uncarried = NULL;
  Imported *result = g_new0 (Imported, 1);

  if (!zb_store_import_report (store, data, &result->id, &uncarried, error))
    {
      g_free (result);
      return NULL;
    }
  result->n_uncarried = uncarried ? uncarried->len : 0;
  return result;
}

static void
imported (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Opening *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree Imported *done = zb_workspace_run_finish (ZB_WORKSPACE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (error != NULL)
    op->store_error = g_strdup (error->message);
  else
    {
      op->report_id = done->id;
      op->n_uncarried = done->n_uncarried;
    }
  opened (task);
}

/* The report read, or why not: then the opening fails. */
static gboolean
take_report (GTask    *task,
             ZbReport *report,
             GError   *error)
{
  Opening *op = g_task_get_task_data (task);

  if ((op->report = report) == NULL)
    g_task_return_error (task, error);
  return report != NULL;
}

static void
parsed (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Opening *op = g_task_get_task_data (task);
  GError *error = NULL;
  ZbReport *report = zb_import_report_finish (result, &error);

  if (!take_report (task, report, error))
    return;
  /* only files can be stored: the bundled sample is not */
  if (!g_file_is_native (op->file))
    {
      opened (task);
      return;
    }
  zb_workspace_run_async (op->workspace, import_job, g_object_ref (op->report), g_object_unref, g_free,
                          g_task_get_cancellable (task), imported, g_object_ref (task));
}

static GTask *
opening_new (ZbWorkspace         *workspace,
             GFile               *file,
             gint64               report_id,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Opening *op = g_new0 (Opening, 1);

  op->workspace = g_object_ref (workspace);
  op->file = file ? g_object_ref (file) : NULL;
  op->report_id = report_id;
  g_task_set_task_data (task, op, (GDestroyNotify) opening_free);
  g_task_set_source_tag (task, opening_new);
  return task;
}

void
zb_document_new_for_file_async (ZbWorkspace         *workspace,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (ZB_IS_WORKSPACE (workspace));
  g_return_if_fail (G_IS_FILE (file));

  zb_import_report_async (file, cancellable, parsed,
                          opening_new (workspace, file, 0, cancellable, callback, user_data));
}

static gpointer
load_job (ZbStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  return zb_store_load_report (store, *(gint64 *) data, error);
}

static void
loaded (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  ZbReport *report = zb_workspace_run_finish (ZB_WORKSPACE (source), result, &error);

  if (take_report (task, report, error))
    opened (task);
}

void
zb_document_new_for_stored_async (ZbWorkspace         *workspace,
                                  gint64               report_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (ZB_IS_WORKSPACE (workspace));

  zb_workspace_run_async (workspace, load_job, g_memdup2 (&report_id, sizeof report_id), g_free,
                          g_object_unref, cancellable, loaded,
                          opening_new (workspace, NULL, report_id, cancellable, callback, user_data));
}

ZbDocument *
zb_document_new_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The report -------------------------------------------------------------- */

ZbReport *
zb_document_get_report (ZbDocument *self)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), NULL);
  return self->report;
}

ZbWorkspace *
zb_document_get_workspace (ZbDocument *self)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), NULL);
  return self->workspace;
}

GFile *
zb_document_get_file (ZbDocument *self)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), NULL);
  return self->file;
}

const char *
zb_document_get_title (ZbDocument *self)
{
  const char *title;

  g_return_val_if_fail (ZB_IS_DOCUMENT (self), NULL);
  title = zb_report_get_title (self->report);
  return title != NULL && *title != '\0' ? title : _("Whole Report");
}

gint64
zb_document_get_report_id (ZbDocument *self)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), 0);
  return self->report_id;
}

const char *
zb_document_get_store_error (ZbDocument *self)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), NULL);
  return self->store_error;
}

guint
zb_document_get_n_uncarried (ZbDocument *self)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), 0);
  return self->n_uncarried;
}

GListModel *
zb_document_get_figures (ZbDocument *self)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), NULL);
  return zb_report_get_figures (self->report);
}

/* Selection --------------------------------------------------------------- */

int
zb_document_get_section (ZbDocument *self)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), ZB_DOCUMENT_WHOLE_REPORT);
  return self->section;
}

void
zb_document_set_section (ZbDocument *self,
                         int         section)
{
  g_return_if_fail (ZB_IS_DOCUMENT (self));

  section = MAX (section, ZB_DOCUMENT_WHOLE_REPORT);
  if (self->section == section)
    return;
  self->section = section;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

ZbFigure *
zb_document_get_figure (ZbDocument *self)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), NULL);
  return self->figure;
}

void
zb_document_set_figure (ZbDocument *self,
                        ZbFigure   *figure)
{
  g_return_if_fail (ZB_IS_DOCUMENT (self));
  g_return_if_fail (figure == NULL || ZB_IS_FIGURE (figure));

  if (g_set_object (&self->figure, figure))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIGURE]);
}

gboolean
zb_document_has_figure (ZbDocument *self,
                        ZbFigure   *figure)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), FALSE);
  return self->writes.present != NULL && g_hash_table_contains (self->writes.present, figure);
}

gboolean
zb_document_in_section (ZbDocument *self,
                        ZbFigure   *figure)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), FALSE);

  if (zb_figure_get_deleted (figure))
    return FALSE;
  return self->section == ZB_DOCUMENT_WHOLE_REPORT ||
         zb_report_section_contains (self->report, self->section, zb_figure_get_section (figure));
}

/* Edits ------------------------------------------------------------------- */

ZbUndoStack *
zb_document_get_undo_stack (ZbDocument *self)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), NULL);
  return self->undo;
}

gboolean
zb_document_correct (ZbDocument  *self,
                     ZbFigure    *figure,
                     ZbField      field,
                     const char  *value,
                     GError     **error)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), FALSE);
  return zb_undo_stack_correct (self->undo, figure, field, value, error);
}

gboolean
zb_document_undo (ZbDocument  *self,
                  gboolean     redo,
                  GError     **error)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), FALSE);
  return redo ? zb_undo_stack_redo (self->undo, error) : zb_undo_stack_undo (self->undo, error);
}

/* Review ------------------------------------------------------------------ */

guint
zb_document_get_n_flagged (ZbDocument *self)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), 0);
  return self->n_flagged;
}

guint
zb_document_get_n_to_review (ZbDocument *self)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), 0);
  return self->n_to_review;
}

gboolean
zb_document_set_reviewed (ZbDocument  *self,
                          ZbFigure    *figure,
                          gboolean     reviewed,
                          GError     **error)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (ZB_IS_FIGURE (figure), FALSE);

  if (zb_figure_get_reviewed (figure) == reviewed)
    return TRUE;
  return zb_undo_stack_correct (self->undo, figure, ZB_FIELD_REVIEWED, reviewed ? "true" : "false", error);
}

/* The place ---------------------------------------------------------------- */

int
zb_document_get_year (ZbDocument *self)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), 0);
  return zb_report_get_year (self->report);
}

char *
zb_document_dup_region (ZbDocument *self)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), NULL);
  return zb_report_dup_region (self->report);
}

void
_zb_document_notify_place (ZbDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
}
