/* zb-figure-table-private.h — what only tests and benchmarks use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-figure-cell.h"
#include "zb-figure-table.h"

G_BEGIN_DECLS

GtkSingleSelection *zb_figure_table_get_selection     (ZbFigureTable *self);
GtkColumnView      *zb_figure_table_get_column_view   (ZbFigureTable *self);
/* The live cell showing a figure's field, NULL when its row is not realized. */
ZbFigureCell       *zb_figure_table_find_cell         (ZbFigureTable *self,
                                                       ZbFigure      *figure,
                                                       ZbField        field);
/* The menu a right click on a row opens. */
GtkPopover         *zb_figure_table_get_row_menu      (ZbFigureTable *self);
/* The status cell of @figure when its row is on screen, else NULL. */
GtkLabel           *zb_figure_table_find_status_label (ZbFigureTable *self,
                                                       ZbFigure      *figure);

G_END_DECLS
