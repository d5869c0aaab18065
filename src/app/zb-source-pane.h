/* zb-source-pane.h — the pane of a document's text: the selected figure's quote highlighted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "zb-pane.h"

G_BEGIN_DECLS

#define ZB_TYPE_SOURCE_PANE (zb_source_pane_get_type ())
G_DECLARE_FINAL_TYPE (ZbSourcePane, zb_source_pane, ZB, SOURCE_PANE, ZbPane)

/* What source.add-figure does: a figure made from the selected text, which
 * becomes the document's figure; a toast when no text is selected. */
void         zb_source_pane_add_figure    (ZbSourcePane *self);
/* For tests: the text view, its buffer tagged "quote" where the figure is. */
GtkTextView *zb_source_pane_get_text_view (ZbSourcePane *self);

G_END_DECLS
