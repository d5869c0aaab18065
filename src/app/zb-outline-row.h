/* zb-outline-row.h — one section of the outline: its title, a mark for corrections, its figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "zb-section.h"

G_BEGIN_DECLS

#define ZB_TYPE_OUTLINE_ROW (zb_outline_row_get_type ())
G_DECLARE_FINAL_TYPE (ZbOutlineRow, zb_outline_row, ZB, OUTLINE_ROW, GtkWidget)

GtkWidget *zb_outline_row_new    (void);
/* @n_figures figures (not deleted) in the section and below, @n_corrected
 * of them corrected, @n_to_review of them flagged and not reviewed yet. */
void       zb_outline_row_update (ZbOutlineRow *self,
                                  ZbSection    *section,
                                  guint         n_figures,
                                  guint         n_corrected,
                                  guint         n_to_review);

G_END_DECLS
