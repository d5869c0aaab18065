/* zb-report-row.h — one report of the workspace in the Reports list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zb-store.h"

G_BEGIN_DECLS

#define ZB_TYPE_REPORT_ROW (zb_report_row_get_type ())
G_DECLARE_FINAL_TYPE (ZbReportRow, zb_report_row, ZB, REPORT_ROW, AdwActionRow)

/* Titled by the report's title (its file name when it has none), with its
 * region, period, corrections and file below, and its path as tooltip. */
GtkWidget *zb_report_row_new           (const ZbStoreReport *info);
gint64     zb_report_row_get_report_id (ZbReportRow         *self);

G_END_DECLS
