/* zb-outline-panel.h — the pane of a document's sections, the whole report at the root
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "zb-pane.h"

G_BEGIN_DECLS

#define ZB_TYPE_OUTLINE_PANEL (zb_outline_panel_get_type ())
G_DECLARE_FINAL_TYPE (ZbOutlinePanel, zb_outline_panel, ZB, OUTLINE_PANEL, ZbPane)

/* The selected row is the document's section; each row counts the figures
 * of its section and those below it, marks corrected ones and says how
 * many are left to review. */
/* For tests: the rows (GtkTreeListRow of ZbSection), all expanded. */
GtkSingleSelection *zb_outline_panel_get_selection (ZbOutlinePanel *self);
/* For tests: the figures of @section (and below) left to review. */
guint               zb_outline_panel_get_to_review (ZbOutlinePanel *self,
                                                    int             section);

G_END_DECLS
