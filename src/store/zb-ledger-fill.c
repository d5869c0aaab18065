/* zb-ledger-fill.c — a ledger with what the clerk typed into the workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-ledger-fill.h"

void
zb_ledger_fill (ZbLedger  *ledger,
                GPtrArray *aliases,
                GPtrArray *targets)
{
  g_return_if_fail (ZB_IS_LEDGER (ledger));

  for (guint i = 0; aliases != NULL && i < aliases->len; i++)
    {
      const ZbStoreAlias *a = g_ptr_array_index (aliases, i);
      zb_ledger_add_alias (ledger, a->alias, a->indicator);
    }
  for (guint i = 0; targets != NULL && i < targets->len; i++)
    zb_ledger_add_typed_target (ledger, g_ptr_array_index (targets, i));
}

gboolean
zb_ledger_fill_from_store (ZbLedger  *ledger,
                           ZbStore   *store,
                           GError   **error)
{
  g_autoptr(GPtrArray) aliases = NULL;
  g_autoptr(GPtrArray) targets = NULL;

  g_return_val_if_fail (ZB_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (ZB_IS_STORE (store), FALSE);

  if ((aliases = zb_store_list_aliases (store, error)) == NULL ||
      (targets = zb_store_list_targets (store, error)) == NULL)
    return FALSE;
  zb_ledger_fill (ledger, aliases, targets);
  return TRUE;
}
