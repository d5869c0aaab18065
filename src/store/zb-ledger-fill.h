/* zb-ledger-fill.h — a ledger with what the clerk typed into the workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-ledger.h"
#include "zb-store.h"

G_BEGIN_DECLS

/* Gives @ledger the workspace's aliases (of ZbStoreAlias) and typed targets
 * (of ZbTarget, which take precedence over the reports'), aliases first so
 * that targets and figures are filed under one name. Add the reports to the
 * ledger after this. Either array may be NULL. */
void     zb_ledger_fill            (ZbLedger   *ledger,
                                    GPtrArray  *aliases,
                                    GPtrArray  *targets);
/* The same, read from @store. */
gboolean zb_ledger_fill_from_store (ZbLedger   *ledger,
                                    ZbStore    *store,
                                    GError    **error);

G_END_DECLS
