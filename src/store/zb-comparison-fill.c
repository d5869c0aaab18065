/* zb-comparison-fill.c — comparisons of the workspace's reports: choosing them, filling one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-comparison-fill.h"

#include <string.h>

#include "zb-ledger-fill.h"

char *
zb_store_report_dup_region (const ZbStoreReport *info)
{
  g_return_val_if_fail (info != NULL, NULL);
  /* from the title, not the column stored at import: a workspace an older
   * Zhibiao filled reads as this one reads titles */
  return zb_report_region_from_title (info->title);
}

gboolean
zb_store_report_get_span (const ZbStoreReport *info,
                          ZbPeriod            *span)
{
  g_return_val_if_fail (info != NULL, FALSE);

  if (info->period == NULL || !zb_period_parse (info->period, span) || span->last_month == 0)
    return FALSE;
  if (span->year == 0)
    span->year = zb_report_year_from_title (info->title);
  return TRUE;
}

char *
zb_store_report_dup_key (const ZbStoreReport *info,
                         ZbCompareBy          by)
{
  ZbPeriod span;

  if (by == ZB_COMPARE_BY_REGION)
    return zb_store_report_dup_region (info);
  if (!zb_store_report_get_span (info, &span))
    return NULL;
  return zb_period_to_string (&span);
}

/* Regions by name, the nameless last; periods in time order. */
static int
compare_keys (const char  *a,
              const char  *b,
              ZbCompareBy  by)
{
  ZbPeriod x, y;

  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  if (by == ZB_COMPARE_BY_PERIOD && zb_period_parse (a, &x) && zb_period_parse (b, &y))
    return zb_period_compare (&x, &y);
  return g_utf8_collate (a, b);
}

static int
compare_key_strings (gconstpointer a,
                     gconstpointer b,
                     gpointer      by)
{
  return compare_keys (*(const char * const *) a, *(const char * const *) b, GPOINTER_TO_INT (by));
}

GPtrArray *
zb_comparison_list_keys (GPtrArray   *reports,
                         ZbCompareBy  by)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (reports != NULL, keys);

  for (guint i = 0; i < reports->len; i++)
    {
      char *key = zb_store_report_dup_key (g_ptr_array_index (reports, i), by);

      if (key == NULL || g_hash_table_contains (seen, key))
        {
          g_free (key);
          continue;
        }
      g_hash_table_add (seen, key);
      g_ptr_array_add (keys, key);
    }
  g_ptr_array_sort_with_data (keys, compare_key_strings, GINT_TO_POINTER (by));
  return keys;
}

typedef struct {
  gint64  id;
  char   *region;
  char   *period;   /* the period's key, in time order */
} Chosen;

static void
chosen_clear (gpointer data)
{
  Chosen *c = data;

  g_free (c->region);
  g_free (c->period);
}

/* By region, its periods in time order; by period, its regions by name. */
static int
compare_chosen (gconstpointer pa,
                gconstpointer pb,
                gpointer      data)
{
  const Chosen *a = pa, *b = pb;
  ZbCompareBy by = GPOINTER_TO_INT (data);
  int c;

  if (by == ZB_COMPARE_BY_REGION)
    c = compare_keys (a->period, b->period, ZB_COMPARE_BY_PERIOD);
  else
    c = compare_keys (a->region, b->region, ZB_COMPARE_BY_REGION);
  return c != 0 ? c : (a->id > b->id) - (a->id < b->id);
}

/* The region @key names: itself, or the one region whose name holds it. */
static char *
resolve_region (GPtrArray  *reports,
                const char *key)
{
  g_autoptr(GPtrArray) regions = zb_comparison_list_keys (reports, ZB_COMPARE_BY_REGION);
  const char *found = NULL;

  for (guint i = 0; i < regions->len; i++)
    if (g_str_equal (g_ptr_array_index (regions, i), key))
      return g_strdup (key);
  for (guint i = 0; i < regions->len; i++)
    if (strstr (g_ptr_array_index (regions, i), key) != NULL)
      {
        if (found != NULL)
          return NULL;
        found = g_ptr_array_index (regions, i);
      }
  return g_strdup (found);
}

static gboolean
matches (const ZbStoreReport *info,
         ZbCompareBy          by,
         const char          *key,
         const ZbPeriod      *wanted)
{
  ZbPeriod span;

  if (by == ZB_COMPARE_BY_REGION)
    {
      g_autofree char *region = zb_store_report_dup_region (info);
      return g_strcmp0 (region, key) == 0;
    }
  /* a year left out of either is any year */
  return zb_store_report_get_span (info, &span) &&
         span.first_month == wanted->first_month && span.last_month == wanted->last_month &&
         span.cumulative == wanted->cumulative &&
         (span.year == 0 || wanted->year == 0 || span.year == wanted->year);
}

GArray *
zb_comparison_select (GPtrArray   *reports,
                      ZbCompareBy  by,
                      const char  *key)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) chosen = g_array_new (FALSE, TRUE, sizeof (Chosen));
  g_autofree char *region = NULL;
  ZbPeriod wanted = { 0 };

  g_return_val_if_fail (reports != NULL && key != NULL, ids);

  g_array_set_clear_func (chosen, chosen_clear);
  if (by == ZB_COMPARE_BY_REGION && (region = resolve_region (reports, key)) == NULL)
    return ids;
  if (by == ZB_COMPARE_BY_PERIOD && (!zb_period_parse (key, &wanted) || wanted.last_month == 0))
    return ids;
  for (guint i = 0; i < reports->len; i++)
    {
      const ZbStoreReport *info = g_ptr_array_index (reports, i);
      Chosen c = { info->id, NULL, NULL };

      if (!matches (info, by, region, &wanted))
        continue;
      c.region = zb_store_report_dup_region (info);
      c.period = zb_store_report_dup_key (info, ZB_COMPARE_BY_PERIOD);
      g_array_append_val (chosen, c);
    }
  g_array_sort_with_data (chosen, compare_chosen, GINT_TO_POINTER (by));
  for (guint i = 0; i < chosen->len; i++)
    g_array_append_val (ids, g_array_index (chosen, Chosen, i).id);
  return ids;
}

/* Filling -------------------------------------------------------------- */

typedef struct {
  ZbStore      *store;
  GPtrArray    *listed;    /* of ZbStoreReport */
  GPtrArray    *aliases;
  GPtrArray    *typed;
  GHashTable   *loaded;    /* id → ZbReport */
  GHashTable   *ledgers;   /* region → ZbLedger */
  GCancellable *cancellable;
} Fill;

static ZbReport *
load (Fill     *fill,
      gint64    id,
      GError  **error)
{
  ZbReport *report = g_hash_table_lookup (fill->loaded, &id);
  gint64 *key;

  if (report != NULL)
    return report;
  if (g_cancellable_set_error_if_cancelled (fill->cancellable, error))
    return NULL;
  if ((report = zb_store_load_report (fill->store, id, error)) == NULL)
    return NULL;
  key = g_new (gint64, 1);
  *key = id;
  g_hash_table_insert (fill->loaded, key, report);
  return report;
}

static ZbLedger *
new_ledger (Fill *fill)
{
  ZbLedger *ledger = zb_ledger_new ();

  /* aliases first: the ledger files figures under canonical names */
  zb_ledger_fill (ledger, fill->aliases, fill->typed);
  return ledger;
}

/* The ledger of @region: every stored report of it. */
static ZbLedger *
region_ledger (Fill        *fill,
               const char  *region,
               GError     **error)
{
  ZbLedger *ledger = g_hash_table_lookup (fill->ledgers, region);

  if (ledger != NULL)
    return ledger;
  ledger = new_ledger (fill);
  g_hash_table_insert (fill->ledgers, g_strdup (region), ledger);
  for (guint i = 0; i < fill->listed->len; i++)
    {
      const ZbStoreReport *info = g_ptr_array_index (fill->listed, i);
      g_autofree char *other = zb_store_report_dup_region (info);
      g_autoptr(GError) local_error = NULL;
      ZbReport *report;

      if (g_strcmp0 (other, region) != 0)
        continue;
      /* a plan that cannot be rebuilt only leaves its targets out */
      if ((report = load (fill, info->id, &local_error)) != NULL)
        zb_ledger_add_report (ledger, report);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  return ledger;
}

static const ZbStoreReport *
find_listed (GPtrArray *listed,
             gint64     id)
{
  for (guint i = 0; i < listed->len; i++)
    if (((const ZbStoreReport *) g_ptr_array_index (listed, i))->id == id)
      return g_ptr_array_index (listed, i);
  return NULL;
}

ZbComparison *
zb_comparison_new_from_store (ZbStore       *store,
                              const gint64  *ids,
                              guint          n_ids,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(ZbComparison) comparison = zb_comparison_new ();
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) aliases = NULL;
  g_autoptr(GPtrArray) typed = NULL;
  g_autoptr(GHashTable) loaded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GHashTable) ledgers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  Fill fill = { 0 };

  g_return_val_if_fail (ZB_IS_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  if ((listed = zb_store_list_reports (store, error)) == NULL ||
      (aliases = zb_store_list_aliases (store, error)) == NULL ||
      (typed = zb_store_list_targets (store, error)) == NULL)
    return NULL;
  fill = (Fill) { store, listed, aliases, typed, loaded, ledgers, cancellable };

  for (guint i = 0; i < n_ids; i++)
    {
      const ZbStoreReport *info = find_listed (listed, ids[i]);
      g_autofree char *region = NULL;
      g_autoptr(ZbLedger) alone = NULL;
      ZbLedger *ledger;
      ZbReport *report;

      if (info == NULL)
        {
          g_set_error (error, ZB_ERROR, ZB_ERROR_NOT_FOUND,
                       "There is no report %" G_GINT64_FORMAT " in the workspace", ids[i]);
          return NULL;
        }
      if ((report = load (&fill, ids[i], error)) == NULL)
        return NULL;
      if ((region = zb_store_report_dup_region (info)) != NULL)
        ledger = region_ledger (&fill, region, error);
      else
        {
          /* a report of no region is rated by itself */
          ledger = alone = new_ledger (&fill);
          zb_ledger_add_report (alone, report);
        }
      if (ledger == NULL)
        return NULL;
      zb_comparison_add_report (comparison, report, ids[i], ledger);
    }
  /* here, not on the thread it is handed to */
  zb_comparison_rank (comparison);
  return g_steal_pointer (&comparison);
}
