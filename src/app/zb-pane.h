/* zb-pane.h — a view of a document in the window: what every pane shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "zb-document.h"

G_BEGIN_DECLS

#define ZB_TYPE_PANE (zb_pane_get_type ())
G_DECLARE_DERIVABLE_TYPE (ZbPane, zb_pane, ZB, PANE, GtkWidget)

/* A pane shows one document (the window binds its "document" property)
 * and talks to it alone, never to the other panes: what one pane changes
 * (the selected section or figure, an edit) reaches the others through
 * the document's properties and signals. A pane's handlers of the
 * document's signals are connected once, on zb_pane_get_document_signals(),
 * and follow the document as it changes. A pane has one child (its
 * template's), laid out to fill it. */
struct _ZbPaneClass
{
  GtkWidgetClass parent_class;

  /* The document changed (NULL: none): show it. */
  void (*document_changed) (ZbPane     *self,
                            ZbDocument *document);

  gpointer padding[4];
};

ZbDocument   *zb_pane_get_document         (ZbPane     *self);
void          zb_pane_set_document         (ZbPane     *self,
                                            ZbDocument *document);
GSignalGroup *zb_pane_get_document_signals (ZbPane     *self);

G_END_DECLS
