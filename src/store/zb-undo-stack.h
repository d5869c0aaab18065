/* zb-undo-stack.h — undo and redo of a clerk's edits, additions and deletions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-report.h"

G_BEGIN_DECLS

#define ZB_TYPE_UNDO_STACK (zb_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (ZbUndoStack, zb_undo_stack, ZB, UNDO_STACK, GObject)

ZbUndoStack *zb_undo_stack_new             (ZbReport    *report);
/* Corrects through zb_figure_correct and records the step when it succeeds. */
gboolean     zb_undo_stack_correct         (ZbUndoStack *self,
                                            ZbFigure    *figure,
                                            ZbField      field,
                                            const char  *new_value,
                                            GError     **error);
/* Records a figure that was just added to the report by hand. */
void         zb_undo_stack_push_added      (ZbUndoStack *self,
                                            ZbFigure    *figure);
gboolean     zb_undo_stack_undo            (ZbUndoStack *self,
                                            GError     **error);
gboolean     zb_undo_stack_redo            (ZbUndoStack *self,
                                            GError     **error);
gboolean     zb_undo_stack_get_can_undo    (ZbUndoStack *self);
gboolean     zb_undo_stack_get_can_redo    (ZbUndoStack *self);
guint        zb_undo_stack_get_n_undo      (ZbUndoStack *self);
guint        zb_undo_stack_get_n_redo      (ZbUndoStack *self);
/* A short description of the step Undo would revert, NULL when none. */
const char  *zb_undo_stack_peek_undo_label (ZbUndoStack *self);

G_END_DECLS
