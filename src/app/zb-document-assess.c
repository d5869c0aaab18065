/* zb-document-assess.c — a document's targets ledger, rebuilt on a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-document-private.h"
#include "zb-ledger-fill.h"

void
_zb_document_ledger_init (ZbDocument *self)
{
  ZbDocumentLedger *l = _zb_document_get_ledger_state (self);

  l->aliases = g_ptr_array_new_with_free_func ((GDestroyNotify) zb_store_alias_free);
  l->typed = g_ptr_array_new_with_free_func ((GDestroyNotify) zb_target_free);
  l->frozen = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  l->assessed = g_hash_table_new (NULL, NULL);
  _zb_document_queue_assess (self);
}

void
_zb_document_ledger_clear (ZbDocument *self)
{
  ZbDocumentLedger *l = _zb_document_get_ledger_state (self);

  g_clear_handle_id (&l->idle, g_source_remove);
  g_clear_pointer (&l->related, g_ptr_array_unref);
  g_clear_pointer (&l->aliases, g_ptr_array_unref);
  g_clear_pointer (&l->typed, g_ptr_array_unref);
  g_clear_pointer (&l->frozen, g_hash_table_unref);
  g_clear_pointer (&l->assessed, g_hash_table_unref);
  g_clear_pointer (&l->assessments, g_ptr_array_unref);
  g_clear_pointer (&l->originals, g_hash_table_unref);
  g_clear_object (&l->ledger);
}

void
_zb_document_forget_frozen (ZbDocument *self,
                            ZbFigure   *figure)
{
  ZbDocumentLedger *l = _zb_document_get_ledger_state (self);

  if (l->frozen != NULL)
    g_hash_table_remove (l->frozen, figure);
}

/* The rebuild ---------------------------------------------------------- */

typedef struct {
  GPtrArray  *figures;     /* frozen copies, in the report's order */
  char       *title;
  char       *region;      /* the report's own area */
  int         year;        /* the report's: the clerk's, else its title's */
  GPtrArray  *related;
  GPtrArray  *aliases;
  GPtrArray  *typed;
  GHashTable *originals;
} Assess;

typedef struct {
  ZbLedger  *ledger;
  GPtrArray *assessments;
  double     ms;
} Assessed;

static void
assess_free (Assess *a)
{
  g_clear_pointer (&a->figures, g_ptr_array_unref);
  g_free (a->title);
  g_free (a->region);
  g_clear_pointer (&a->related, g_ptr_array_unref);
  g_clear_pointer (&a->aliases, g_ptr_array_unref);
  g_clear_pointer (&a->typed, g_ptr_array_unref);
  g_clear_pointer (&a->originals, g_hash_table_unref);
  g_free (a);
}

static void
assessed_free (Assessed *a)
{
  g_clear_object (&a->ledger);
  g_clear_pointer (&a->assessments, g_ptr_array_unref);
  g_free (a);
}

/* Off the main loop: nothing here is touched by anyone else meanwhile. */
static void
assess_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Assess *in = data;
  Assessed *out = g_new0 (Assessed, 1);
  gint64 start = g_get_monotonic_time ();

  out->ledger = zb_ledger_new ();
  /* the region first: 临江县 and 全县 are the report's own area */
  zb_ledger_set_region (out->ledger, in->region);
  /* aliases first: the ledger files targets and figures by canonical name */
  zb_ledger_fill (out->ledger, in->aliases, in->typed);
  for (guint i = 0; i < in->figures->len; i++)
    zb_ledger_add_figure (out->ledger, g_ptr_array_index (in->figures, i), in->year);
  for (guint i = 0; in->related != NULL && i < in->related->len; i++)
    zb_ledger_add_report (out->ledger, g_ptr_array_index (in->related, i));
  out->assessments = zb_ledger_assess_all (out->ledger);
  out->ms = (g_get_monotonic_time () - start) / 1000.0;
  g_task_return_pointer (task, out, (GDestroyNotify) assessed_free);
}

/* Assessments of copies, made to point at the document's figures. */
static void
to_originals (GPtrArray  *assessments,
              GHashTable *originals)
{
  for (guint i = 0; i < assessments->len; i++)
    {
      ZbAssessment *a = g_ptr_array_index (assessments, i);
      ZbFigure *original = g_hash_table_lookup (originals, a->figure);

      if (original != NULL)
        {
          g_object_unref (a->figure);
          a->figure = g_object_ref (original);
        }
    }
}

static void start_assess (ZbDocument *self);

static void
assess_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ZbDocument *self = ZB_DOCUMENT (source);
  ZbDocumentLedger *l = _zb_document_get_ledger_state (self);
  Assess *in = g_task_get_task_data (G_TASK (result));
  Assessed *out = g_task_propagate_pointer (G_TASK (result), NULL);

  l->running = FALSE;
  if (out == NULL || l->assessed == NULL)
    {
      g_clear_pointer (&out, assessed_free);
      return;
    }
  to_originals (out->assessments, in->originals);
  g_set_object (&l->ledger, out->ledger);
  g_clear_pointer (&l->assessments, g_ptr_array_unref);
  l->assessments = g_steal_pointer (&out->assessments);
  g_clear_pointer (&l->originals, g_hash_table_unref);
  l->originals = g_hash_table_ref (in->originals);
  l->ms = out->ms;
  g_hash_table_remove_all (l->assessed);
  for (guint i = 0; i < l->assessments->len; i++)
    {
      ZbAssessment *a = g_ptr_array_index (l->assessments, i);

      g_hash_table_insert (l->assessed, a->figure, a);
    }
  assessed_free (out);

  if (l->again)
    {
      l->again = FALSE;
      start_assess (self);
    }
  _zb_document_emit_assessed (self);
  if (!l->running)
    _zb_document_notify_assessing (self);
}

static void
start_assess (ZbDocument *self)
{
  ZbDocumentLedger *l = _zb_document_get_ledger_state (self);
  GListModel *figures = zb_document_get_figures (self);
  guint n = g_list_model_get_n_items (figures);
  g_autoptr(GTask) task = NULL;
  Assess *in = g_new0 (Assess, 1);

  in->figures = g_ptr_array_new_full (n, g_object_unref);
  in->originals = g_hash_table_new (NULL, NULL);
  /* a copy of each figure changed since the last time, the others kept */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZbFigure) figure = g_list_model_get_item (figures, i);
      ZbFigure *frozen = g_hash_table_lookup (l->frozen, figure);

      if (frozen == NULL)
        {
          frozen = zb_figure_copy (figure);
          g_hash_table_insert (l->frozen, figure, frozen);
        }
      g_ptr_array_add (in->figures, g_object_ref (frozen));
      g_hash_table_insert (in->originals, frozen, figure);
    }
  in->title = g_strdup (zb_report_get_title (zb_document_get_report (self)));
  in->region = zb_report_dup_region (zb_document_get_report (self));
  in->year = zb_report_get_year (zb_document_get_report (self));
  in->related = l->related ? g_ptr_array_ref (l->related) : NULL;
  in->aliases = g_ptr_array_ref (l->aliases);
  in->typed = g_ptr_array_ref (l->typed);

  l->running = TRUE;
  task = g_task_new (self, _zb_document_get_cancellable (self), assess_done, NULL);
  g_task_set_source_tag (task, start_assess);
  g_task_set_task_data (task, in, (GDestroyNotify) assess_free);
  g_task_run_in_thread (task, assess_thread);
}

static gboolean
assess_idle (gpointer data)
{
  ZbDocument *self = data;
  ZbDocumentLedger *l = _zb_document_get_ledger_state (self);

  l->idle = 0;
  if (l->running)
    l->again = TRUE;
  else
    start_assess (self);
  return G_SOURCE_REMOVE;
}

void
_zb_document_queue_assess (ZbDocument *self)
{
  ZbDocumentLedger *l = _zb_document_get_ledger_state (self);
  gboolean was = zb_document_get_assessing (self);

  if (l->assessed == NULL || l->idle != 0)
    return;
  /* one rebuild for a burst of changes (an import, a redo of many) */
  l->idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, assess_idle, self, NULL);
  if (!was)
    _zb_document_notify_assessing (self);
}

/* Inputs from the workspace -------------------------------------------- */

/* The other reports of the workspace about the same region: their periods
 * for trend charts, their plans' targets. */
static gpointer
related_job (ZbStore       *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  gint64 id = *(gint64 *) data;
  g_autoptr(GPtrArray) reports = zb_store_list_reports (store, error);
  GPtrArray *related;
  const char *region = NULL;

  if (reports == NULL)
    return NULL;
  for (guint i = 0; i < reports->len; i++)
    {
      ZbStoreReport *info = g_ptr_array_index (reports, i);

      if (info->id == id)
        region = info->clerk_region ? info->clerk_region : info->region;
    }
  related = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; region != NULL && i < reports->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      ZbStoreReport *info = g_ptr_array_index (reports, i);
      ZbReport *report;

      if (info->id == id || g_strcmp0 (info->clerk_region ? info->clerk_region : info->region, region) != 0)
        continue;
      /* a report that cannot be rebuilt only leaves the chart shorter */
      if ((report = zb_store_load_report (store, info->id, NULL)) != NULL)
        g_ptr_array_add (related, report);
    }
  return related;
}

static gpointer
aliases_job (ZbStore       *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return zb_store_list_aliases (store, error);
}

static gpointer
targets_job (ZbStore       *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return zb_store_list_targets (store, error);
}

static gboolean
same_alias (gconstpointer a,
            gconstpointer b)
{
  return g_strcmp0 (((const ZbStoreAlias *) a)->alias, ((const ZbStoreAlias *) b)->alias) == 0;
}

static gboolean
same_target_key (gconstpointer a,
                 gconstpointer b)
{
  const ZbTarget *x = a, *y = b;

  return g_strcmp0 (x->indicator, y->indicator) == 0 && x->year == y->year &&
         g_strcmp0 (x->area ? x->area : "", y->area ? y->area : "") == 0 &&
         zb_target_same_period (x, y) && g_strcmp0 (x->source, y->source) == 0;
}

/* A new array (the assessor may hold the old one) with @items after
 * @kept, except those @kept has a key of already: typed here wins. */
static GPtrArray *
merged (GPtrArray     *kept,
        GPtrArray     *items,
        GEqualFunc     same,
        GCopyFunc      copy,
        GDestroyNotify free_func)
{
  GPtrArray *out = g_ptr_array_copy (kept, copy, NULL);

  g_ptr_array_set_free_func (out, free_func);
  for (guint i = 0; i < items->len; i++)
    if (!g_ptr_array_find_with_equal_func (kept, g_ptr_array_index (items, i), same, NULL))
      g_ptr_array_add (out, copy (g_ptr_array_index (items, i), NULL));
  return out;
}

static gpointer
copy_alias (gconstpointer src,
            gpointer      data)
{
  const ZbStoreAlias *a = src;
  ZbStoreAlias *copy = g_new0 (ZbStoreAlias, 1);

  copy->alias = g_strdup (a->alias);
  copy->indicator = g_strdup (a->indicator);
  copy->created_at = a->created_at;
  return copy;
}

static gpointer
copy_target (gconstpointer src,
             gpointer      data)
{
  return zb_target_copy (src);
}

typedef enum { INPUT_RELATED, INPUT_ALIASES, INPUT_TARGETS } Input;

/* What a job's callback needs: the document, and which input or which
 * sentence a failure gets. */
typedef struct {
  ZbDocument *document;
  Input       input;
  const char *failure;
} Closure;

static Closure *
closure_new (ZbDocument *self,
             Input       input,
             const char *failure)
{
  Closure *closure = g_new0 (Closure, 1);

  closure->document = g_object_ref (self);
  closure->input = input;
  closure->failure = failure;
  return closure;
}

static void
closure_free (Closure *closure)
{
  g_object_unref (closure->document);
  g_free (closure);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Closure, closure_free)

static void
input_loaded (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Closure) closure = user_data;
  ZbDocument *self = closure->document;
  ZbDocumentLedger *l = _zb_document_get_ledger_state (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = zb_workspace_run_finish (ZB_WORKSPACE (source), result, &error);
  GPtrArray *old;

  l->n_loading--;
  if (items == NULL || l->assessed == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("ledger inputs: %s", error->message);
      if (l->assessed != NULL && !zb_document_get_assessing (self))
        _zb_document_notify_assessing (self);
      return;
    }
  switch (closure->input)
    {
    case INPUT_RELATED:
      g_clear_pointer (&l->related, g_ptr_array_unref);
      l->related = g_steal_pointer (&items);
      break;
    case INPUT_ALIASES:
      old = l->aliases;
      l->aliases = merged (old, items, same_alias, copy_alias, (GDestroyNotify) zb_store_alias_free);
      g_ptr_array_unref (old);
      break;
    case INPUT_TARGETS:
      old = l->typed;
      l->typed = merged (old, items, same_target_key, copy_target, (GDestroyNotify) zb_target_free);
      g_ptr_array_unref (old);
      break;
    default:
      g_assert_not_reached ();
    }
  _zb_document_queue_assess (self);
}

static void
load_input (ZbDocument     *self,
            Input           input,
            ZbWorkspaceJob  job,
            gpointer        data)
{
  _zb_document_get_ledger_state (self)->n_loading++;
  zb_workspace_run_async (zb_document_get_workspace (self), job, data, data ? g_free : NULL,
                          (GDestroyNotify) g_ptr_array_unref, _zb_document_get_cancellable (self),
                          input_loaded, closure_new (self, input, NULL));
}

void
_zb_document_load_ledger_inputs (ZbDocument *self)
{
  gint64 id = zb_document_get_report_id (self);

  /* the aliases before the targets, as the ledger files them */
  load_input (self, INPUT_ALIASES, aliases_job, NULL);
  load_input (self, INPUT_TARGETS, targets_job, NULL);
  if (id > 0)
    load_input (self, INPUT_RELATED, related_job, g_memdup2 (&id, sizeof id));
}

/* Reading the ledger ---------------------------------------------------- */

ZbLedger *
zb_document_get_ledger (ZbDocument *self)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), NULL);
  return _zb_document_get_ledger_state (self)->ledger;
}

gboolean
zb_document_get_assessing (ZbDocument *self)
{
  ZbDocumentLedger *l;

  g_return_val_if_fail (ZB_IS_DOCUMENT (self), FALSE);
  l = _zb_document_get_ledger_state (self);
  /* not final while what goes into it is still being read */
  return l->idle != 0 || l->running || l->n_loading > 0;
}

GPtrArray *
zb_document_get_assessments (ZbDocument *self)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), NULL);
  return _zb_document_get_ledger_state (self)->assessments;
}

const ZbAssessment *
zb_document_get_assessment (ZbDocument *self,
                            ZbFigure   *figure)
{
  ZbDocumentLedger *l;

  g_return_val_if_fail (ZB_IS_DOCUMENT (self), NULL);
  l = _zb_document_get_ledger_state (self);
  return l->assessed != NULL && figure != NULL ? g_hash_table_lookup (l->assessed, figure) : NULL;
}

GPtrArray *
zb_document_assess_indicator (ZbDocument *self,
                              const char *indicator)
{
  ZbDocumentLedger *l;
  GPtrArray *rows;

  g_return_val_if_fail (ZB_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (indicator != NULL, NULL);

  l = _zb_document_get_ledger_state (self);
  if (l->ledger == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) zb_assessment_free);
  rows = zb_ledger_assess_indicator (l->ledger, indicator);
  to_originals (rows, l->originals);
  return rows;
}

/* A ledger of the aliases alone, for names typed before the next rebuild. */
static ZbLedger *
names (ZbDocument *self)
{
  ZbDocumentLedger *l = _zb_document_get_ledger_state (self);
  ZbLedger *ledger = zb_ledger_new ();

  zb_ledger_fill (ledger, l->aliases, NULL);
  return ledger;
}

char *
zb_document_dup_canonical (ZbDocument *self,
                           const char *name)
{
  g_autoptr(ZbLedger) ledger = NULL;

  g_return_val_if_fail (ZB_IS_DOCUMENT (self), NULL);
  ledger = names (self);
  return zb_ledger_dup_canonical (ledger, name);
}

double
zb_document_get_ledger_ms (ZbDocument *self)
{
  g_return_val_if_fail (ZB_IS_DOCUMENT (self), 0);
  return _zb_document_get_ledger_state (self)->ms;
}

/* Typed by the clerk ---------------------------------------------------- */

static gpointer
set_target_job (ZbStore       *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  zb_store_set_target (store, data, error);
  return NULL;
}

static gpointer
set_alias_job (ZbStore       *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  ZbStoreAlias *alias = data;

  zb_store_set_alias (store, alias->alias, alias->indicator, error);
  return NULL;
}

static void
kept (GObject      *source,
      GAsyncResult *result,
      gpointer      user_data)
{
  g_autoptr(Closure) closure = user_data;
  g_autoptr(GError) error = NULL;

  zb_workspace_run_finish (ZB_WORKSPACE (source), result, &error);
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (closure->failure, error->message);

      _zb_document_notice (closure->document, message);
    }
}

static void
keep (ZbDocument     *self,
      ZbWorkspaceJob  job,
      gpointer        data,
      GDestroyNotify  data_free,
      const char     *failure)
{
  /* not cancelled with the document: what the clerk typed is kept */
  zb_workspace_run_async (zb_document_get_workspace (self), job, data, data_free, NULL,
                          NULL, kept, closure_new (self, 0, failure));
}

void
zb_document_set_target (ZbDocument     *self,
                        const ZbTarget *typed)
{
  ZbDocumentLedger *l;
  ZbTarget *target;
  GPtrArray *old;

  g_return_if_fail (ZB_IS_DOCUMENT (self));
  g_return_if_fail (typed != NULL && typed->indicator != NULL);

  l = _zb_document_get_ledger_state (self);
  /* kept under the canonical name, so that an alias replaces, not adds */
  target = zb_target_copy (typed);
  g_free (target->indicator);
  target->indicator = zb_document_dup_canonical (self, typed->indicator);
  old = l->typed;
  l->typed = g_ptr_array_new_with_free_func ((GDestroyNotify) zb_target_free);
  for (guint i = 0; i < old->len; i++)
    if (!same_target_key (g_ptr_array_index (old, i), target))
      g_ptr_array_add (l->typed, zb_target_copy (g_ptr_array_index (old, i)));
  g_ptr_array_add (l->typed, zb_target_copy (target));
  g_ptr_array_unref (old);
  _zb_document_queue_assess (self);
  /* Translators: %s is the workspace's error */
  keep (self, set_target_job, target, (GDestroyNotify) zb_target_free,
        _("The target applies to this window but could not be kept in the workspace: %s"));
}

void
zb_document_add_alias (ZbDocument *self,
                       const char *alias,
                       const char *canonical)
{
  ZbDocumentLedger *l;
  ZbStoreAlias *added;
  GPtrArray *old;

  g_return_if_fail (ZB_IS_DOCUMENT (self));
  g_return_if_fail (alias != NULL && canonical != NULL);

  l = _zb_document_get_ledger_state (self);
  added = g_new0 (ZbStoreAlias, 1);
  added->alias = g_strdup (alias);
  added->indicator = g_strdup (canonical);
  added->created_at = g_get_real_time ();
  old = l->aliases;
  l->aliases = g_ptr_array_new_with_free_func ((GDestroyNotify) zb_store_alias_free);
  for (guint i = 0; i < old->len; i++)
    if (!same_alias (g_ptr_array_index (old, i), added))
      g_ptr_array_add (l->aliases, copy_alias (g_ptr_array_index (old, i), NULL));
  g_ptr_array_add (l->aliases, copy_alias (added, NULL));
  g_ptr_array_unref (old);
  _zb_document_queue_assess (self);
  /* Translators: %s is the workspace's error */
  keep (self, set_alias_job, added, (GDestroyNotify) zb_store_alias_free,
        _("The alias applies to this window but could not be kept in the workspace: %s"));
}

typedef struct {
  gint64  report_id;
  int     year;
  char   *region;
} Place;

static void
place_free (Place *place)
{
  g_free (place->region);
  g_free (place);
}

static gpointer
set_place_job (ZbStore       *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  Place *place = data;

  zb_store_set_report_place (store, place->report_id, place->year, place->region, error);
  return NULL;
}

void
zb_document_set_place (ZbDocument *self,
                       int         year,
                       const char *region)
{
  ZbReport *report;
  Place *place;

  g_return_if_fail (ZB_IS_DOCUMENT (self));

  report = zb_document_get_report (self);
  zb_report_set_place (report, year, region);
  _zb_document_notify_place (self);
  _zb_document_queue_assess (self);
  if (zb_document_get_report_id (self) <= 0)
    return;
  place = g_new0 (Place, 1);
  place->report_id = zb_document_get_report_id (self);
  place->year = year;
  place->region = g_strdup (region);
  /* Translators: %s is the workspace's error */
  keep (self, set_place_job, place, (GDestroyNotify) place_free,
        _("The year and region apply to this window but could not be kept in the workspace: %s"));
  /* the reports about the same region, for the trend and the plans' targets */
  load_input (self, INPUT_RELATED, related_job, g_memdup2 (&place->report_id, sizeof place->report_id));
}

static gpointer
remove_target_job (ZbStore       *store,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  zb_store_remove_target (store, data, error);
  return NULL;
}

void
zb_document_remove_target (ZbDocument     *self,
                           const ZbTarget *typed)
{
  ZbDocumentLedger *l;
  GPtrArray *old;

  g_return_if_fail (ZB_IS_DOCUMENT (self));
  g_return_if_fail (typed != NULL && typed->indicator != NULL);

  l = _zb_document_get_ledger_state (self);
  old = l->typed;
  l->typed = g_ptr_array_new_with_free_func ((GDestroyNotify) zb_target_free);
  for (guint i = 0; i < old->len; i++)
    if (!same_target_key (g_ptr_array_index (old, i), typed))
      g_ptr_array_add (l->typed, zb_target_copy (g_ptr_array_index (old, i)));
  g_ptr_array_unref (old);
  _zb_document_queue_assess (self);
  /* Translators: %s is the workspace's error */
  keep (self, remove_target_job, zb_target_copy (typed), (GDestroyNotify) zb_target_free,
        _("The target is gone from this window but could not be removed from the workspace: %s"));
}

ZbFigure *
zb_document_get_source_figure (ZbDocument     *self,
                               const ZbTarget *target)
{
  ZbDocumentLedger *l;

  g_return_val_if_fail (ZB_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (target != NULL, NULL);

  l = _zb_document_get_ledger_state (self);
  if (target->figure == NULL || l->originals == NULL)
    return NULL;
  return g_hash_table_lookup (l->originals, target->figure);
}
