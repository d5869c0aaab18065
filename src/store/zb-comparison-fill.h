/* zb-comparison-fill.h — comparisons of the workspace's reports: choosing them, filling one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-comparison.h"
#include "zb-period.h"
#include "zb-store.h"

G_BEGIN_DECLS

typedef enum {
  ZB_COMPARE_BY_REGION,   /* a region's periods side by side */
  ZB_COMPARE_BY_PERIOD,   /* a period's regions side by side */
} ZbCompareBy;

/* A listed report's region, read from its title as zb_report_dup_region()
 * reads it (NULL: none), and the span of its period (the title's year
 * when the label has none); FALSE when it has no period of months. */
char         *zb_store_report_dup_region   (const ZbStoreReport *info);
gboolean      zb_store_report_get_span     (const ZbStoreReport *info,
                                            ZbPeriod            *span);
/* What a report is listed under @by: its region, or its period written
 * one way for all the ways it is written ("2025年1-6月" for 上半年 and
 * 1-6月 of a 2025 report); NULL when it has none. */
char         *zb_store_report_dup_key      (const ZbStoreReport *info,
                                            ZbCompareBy          by);

/* (element-type utf8) (transfer full): the distinct keys of @reports (of
 * ZbStoreReport) under @by: regions by name, periods in time order. */
GPtrArray    *zb_comparison_list_keys      (GPtrArray           *reports,
                                            ZbCompareBy          by);
/* (element-type gint64): the ids of @reports of region @key in time order,
 * or of period @key (上半年, 1-6月 and 2025年1-6月 are one) by region.
 * A region's name may be given in part when only one region has it.
 * Empty when none is. */
GArray       *zb_comparison_select         (GPtrArray           *reports,
                                            ZbCompareBy          by,
                                            const char          *key);

/* A comparison of the workspace's reports @ids, in that order, each rated
 * as the window rates it: by a ledger of the workspace's aliases and typed
 * targets, the report and the workspace's other reports of its region
 * (its plans state its targets). An id the workspace does not have is
 * ZB_ERROR_NOT_FOUND. */
ZbComparison *zb_comparison_new_from_store (ZbStore             *store,
                                            const gint64        *ids,
                                            guint                n_ids,
                                            GCancellable        *cancellable,
                                            GError             **error);

G_END_DECLS
