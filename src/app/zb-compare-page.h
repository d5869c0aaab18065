/* zb-compare-page.h — the page that compares the workspace's reports side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "zb-pane.h"
#include "zb-workspace.h"

G_BEGIN_DECLS

#define ZB_TYPE_COMPARE_PAGE (zb_compare_page_get_type ())
G_DECLARE_FINAL_TYPE (ZbComparePage, zb_compare_page, ZB, COMPARE_PAGE, ZbPane)

/* It views the workspace (its "workspace", which the window binds): the
 * clerk chooses a region (its periods side by side), a period (its regions
 * side by side, ranked) or reports by hand, and it shows a row an
 * indicator and a column a report (zb-comparison.h), built on the
 * workspace's worker. It follows the document only to compare again when
 * a correction of it is stored. A click on a cell emits ::figure-activated
 * (report id, figure id): open that report at that figure. */
ZbWorkspace *zb_compare_page_get_workspace (ZbComparePage *self);
void         zb_compare_page_set_workspace (ZbComparePage *self,
                                            ZbWorkspace   *workspace);
/* Lists the workspace's reports again, and compares again. */
void         zb_compare_page_refresh       (ZbComparePage *self);

G_END_DECLS
