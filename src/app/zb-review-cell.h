/* zb-review-cell.h — the figure table's review mark: a flag for a figure to check, a tick once checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "zb-figure.h"

G_BEGIN_DECLS

#define ZB_TYPE_REVIEW_CELL (zb_review_cell_get_type ())
G_DECLARE_FINAL_TYPE (ZbReviewCell, zb_review_cell, ZB, REVIEW_CELL, GtkWidget)

GtkWidget  *zb_review_cell_new         (void);
ZbFigure   *zb_review_cell_get_figure  (ZbReviewCell *self);
void        zb_review_cell_set_figure  (ZbReviewCell *self,
                                        ZbFigure     *figure);
/* What the mark says of @figure: why the parser doubts it (in the UI's
 * language), who reviewed it and when; NULL when there is nothing to say. */
char       *zb_review_cell_describe    (ZbFigure     *figure);

G_END_DECLS
