/* zb-history-pane.h — the pane of the selected figure's corrections: who changed what, when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "zb-pane.h"

G_BEGIN_DECLS

#define ZB_TYPE_HISTORY_PANE (zb_history_pane_get_type ())
G_DECLARE_FINAL_TYPE (ZbHistoryPane, zb_history_pane, ZB, HISTORY_PANE, ZbPane)

/* For tests: one row a correction, oldest first. */
GtkListBox *zb_history_pane_get_list     (ZbHistoryPane *self);

G_END_DECLS
