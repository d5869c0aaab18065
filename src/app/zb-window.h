/* zb-window.h — the clerk's desk: outline, figure table and source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zb-figure-cell.h"
#include "zb-report.h"
#include "zb-undo-stack.h"

G_BEGIN_DECLS

#define ZB_TYPE_WINDOW (zb_window_get_type ())
G_DECLARE_FINAL_TYPE (ZbWindow, zb_window, ZB, WINDOW, AdwApplicationWindow)

ZbWindow     *zb_window_new                (GtkApplication *application);
/* Reads and parses on a worker thread; the current report stays until the
 * new one is ready, and stays for good when the file cannot be read. */
void          zb_window_open               (ZbWindow       *self,
                                            GFile          *file);
void          zb_window_open_sample        (ZbWindow       *self);
gboolean      zb_window_get_loading        (ZbWindow       *self);
ZbReport     *zb_window_get_report         (ZbWindow       *self);
ZbUndoStack  *zb_window_get_undo_stack     (ZbWindow       *self);
/* The widget models, for tests and accessibility tools. */
GtkSingleSelection *zb_window_get_section_selection (ZbWindow *self);
GtkSingleSelection *zb_window_get_figure_selection  (ZbWindow *self);
GtkColumnView      *zb_window_get_figure_view       (ZbWindow *self);
GtkTextView        *zb_window_get_source_view       (ZbWindow *self);
/* The live cell showing a figure's field, NULL when its row is not realized. */
ZbFigureCell *zb_window_find_cell          (ZbWindow       *self,
                                            ZbFigure       *figure,
                                            ZbField         field);
void          zb_window_set_filter_text    (ZbWindow       *self,
                                            const char     *text);

G_END_DECLS
