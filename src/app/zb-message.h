/* zb-message.h — telling the clerk: a toast or a dialog, from any widget of a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Panes tell the clerk through the window's toast overlay without knowing
 * the window: the nearest AdwToastOverlay above @widget. @button and
 * @action (an action name, with @target or NULL) may be NULL. */
void zb_message_toast        (GtkWidget    *widget,
                              const char   *message,
                              guint         timeout,
                              const char   *button,
                              const char   *action,
                              GVariant     *target);
/* A dialog over @widget's window, with a Close button. */
void zb_message_dialog       (GtkWidget    *widget,
                              const char   *heading,
                              const char   *body);
/* "Exported to “name”", with a button that opens @file (win.open-uri). */
void zb_message_saved        (GtkWidget    *widget,
                              GFile        *file);
/* Could Not Export: @file could not be written, and why; nothing is lost. */
void zb_message_write_failed (GtkWidget    *widget,
                              GFile        *file,
                              const GError *error);

/* A tooltip for text that may be long or Chinese: wrapped at a readable
 * width, by character only where it must (gtk_widget_get_tooltip_text
 * still gives it). */
void       zb_message_set_tooltip       (GtkWidget    *widget,
                                         const char   *text);
/* The label such a tooltip shows, for tests. */
GtkWidget *zb_message_tooltip_label_new (const char   *text);

G_END_DECLS
