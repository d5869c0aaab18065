/* zb-reports-page.h — the page of a workspace's reports: activate one to open it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "zb-workspace.h"

G_BEGIN_DECLS

#define ZB_TYPE_REPORTS_PAGE (zb_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (ZbReportsPage, zb_reports_page, ZB, REPORTS_PAGE, GtkWidget)

ZbWorkspace *zb_reports_page_get_workspace (ZbReportsPage *self);
void         zb_reports_page_set_workspace (ZbReportsPage *self,
                                            ZbWorkspace   *workspace);
/* Lists the workspace's reports again (on its worker). */
void         zb_reports_page_refresh       (ZbReportsPage *self);
/* For tests: one ZbReportRow a report. */
GtkListBox  *zb_reports_page_get_list      (ZbReportsPage *self);

G_END_DECLS
