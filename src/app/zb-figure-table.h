/* zb-figure-table.h — the pane of a document's figures: one row each, cells edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "zb-pane.h"

G_BEGIN_DECLS

#define ZB_TYPE_FIGURE_TABLE (zb_figure_table_get_type ())
G_DECLARE_FINAL_TYPE (ZbFigureTable, zb_figure_table, ZB, FIGURE_TABLE, ZbPane)

/* The rows are the figures of the document's selected section whose name
 * holds the filter text; the selected row is the document's figure. */
const char  *zb_figure_table_get_filter_text    (ZbFigureTable *self);
void         zb_figure_table_set_filter_text    (ZbFigureTable *self,
                                                 const char    *text);

/* Only the figures the parser flagged (the "Needs review" filter). */
gboolean     zb_figure_table_get_review_only    (ZbFigureTable *self);
void         zb_figure_table_set_review_only    (ZbFigureTable *self,
                                                 gboolean       review_only);
/* The review key (table.review-next: Space, Ctrl+Enter): marks the
 * selected figure reviewed and selects the next one to review. */
void         zb_figure_table_review_next        (ZbFigureTable *self);

/* What the table's actions (table.edit-cell, table.delete-figure,
 * table.figure-kind) do, for the window's menu and shortcuts. */
void         zb_figure_table_edit_selected      (ZbFigureTable *self);
void         zb_figure_table_delete_selected    (ZbFigureTable *self);
void         zb_figure_table_set_selected_kind  (ZbFigureTable *self,
                                                 const char    *kind);
/* Undoes (or redoes) the typing in the cell being edited: TRUE when a
 * cell was being edited, so that Ctrl+Z is about the typing. */
gboolean     zb_figure_table_undo_typing        (ZbFigureTable *self,
                                                 gboolean       redo);

G_END_DECLS
