/* zb-figure-cell.h — one editable cell of the figure table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "zb-figure.h"

G_BEGIN_DECLS

#define ZB_TYPE_FIGURE_CELL (zb_figure_cell_get_type ())
G_DECLARE_FINAL_TYPE (ZbFigureCell, zb_figure_cell, ZB, FIGURE_CELL, GtkWidget)

GtkWidget   *zb_figure_cell_new           (ZbField       field);
ZbField      zb_figure_cell_get_field     (ZbFigureCell *self);
ZbFigure    *zb_figure_cell_get_figure    (ZbFigureCell *self);
void         zb_figure_cell_set_figure    (ZbFigureCell *self,
                                           ZbFigure     *figure);
GtkEditable *zb_figure_cell_get_editable  (ZbFigureCell *self);
void         zb_figure_cell_start_editing (ZbFigureCell *self);
/* Puts the shown text back to the model's value, marking a refused edit. */
void         zb_figure_cell_refuse        (ZbFigureCell *self,
                                           const char   *reason);
/* A value shown, dimmed and with @tooltip, while the figure has none of its
 * own; NULL: none.  Editing starts from an empty text. */
void         zb_figure_cell_set_derived   (ZbFigureCell *self,
                                           const char   *text,
                                           const char   *tooltip);
gboolean     zb_figure_cell_get_derived   (ZbFigureCell *self);
gboolean     zb_figure_cell_get_editing   (ZbFigureCell *self);
/* What Tab (+1) and Shift+Tab (-1) do: ends the editing, then ::move. */
void         zb_figure_cell_move          (ZbFigureCell *self,
                                           int           direction);
/* Undoes (or redoes) the typing in the cell's entry, not a correction. */
void         zb_figure_cell_undo_text     (ZbFigureCell *self,
                                           gboolean      redo);

/* A field's name as the table's column and the history show it. */
const char  *zb_figure_cell_field_title   (ZbField       field);
/* Text for display and back: kinds and change units are shown translated. */
char        *zb_figure_cell_display_text  (ZbField       field,
                                           const char   *value);
char        *zb_figure_cell_value_text    (ZbField       field,
                                           const char   *display);

G_END_DECLS
