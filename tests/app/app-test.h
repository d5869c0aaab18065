/* app-test.h — driving the main window under Xvfb: waiting for it, finding its parts, taking pictures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zb-window-private.h"

G_BEGIN_DECLS

/* A GSourceFunc that sets the gboolean @data. */
gboolean   stop_waiting    (gpointer    data);
/* Runs the main loop until @widget has drawn @frames more frames. */
void       wait_frames     (GtkWidget  *widget,
                            int         frames);
/* The document shown, its ledger rebuilt. */
void       wait_loaded     (ZbWindow   *window);
/* The targets ledger is rebuilt on a worker thread: wait for it. */
void       wait_assessed   (ZbWindow   *window);
ZbWindow  *new_window      (void);
void       close_window    (ZbWindow   *window);
guint      n_table_rows    (ZbWindow   *window);
/* Where @figure is in the table, GTK_INVALID_LIST_POSITION when not shown. */
guint      table_position  (ZbWindow   *window,
                            ZbFigure   *figure);
void       select_in_table (ZbWindow   *window,
                            ZbFigure   *figure);
/* @widget as it is drawn, into SCREENSHOT_DIR/@name. */
void       save_screenshot (GtkWidget  *widget,
                            const char *name);
void       remove_tree     (GFile      *file);
/* Whether the test runs in Chinese (LANGUAGE=zh…). */
gboolean   chinese_ui      (void);
gboolean   export_to       (ZbWindow   *window,
                            const char *path,
                            GError    **error);
/* The widget below @root named @name (gtk_widget_set_name, or name in a .ui). */
GtkWidget *find_named      (GtkWidget  *root,
                            const char *name);
/* The first widget below @root of @type. */
GtkWidget *find_by_type    (GtkWidget  *root,
                            GType       type);
ZbFigure  *find_actual     (ZbReport   *report,
                            const char *name);
/* Whether press_keys can type: an X display and libXtst. */
gboolean   can_press_keys  (void);
/* Types @accelerator ("space", "<Control>Return") into @window, as a
 * keyboard does, and lets it draw. */
void       press_keys      (GtkWidget  *window,
                            const char *accelerator);
/* Moves the pointer onto the middle of @widget (its tooltip shows after a while). */
void       hover           (GtkWidget  *widget);
/* The whole screen, popups included, into SCREENSHOT_DIR/@name. */
void       save_screen     (GtkWidget  *widget,
                            const char *name);

/* Whether the widgets that activate @action are sensitive. */
gboolean   action_widget_sensitive (GtkWidget  *root,
                                    const char *action);
gboolean   has_label_with  (GtkWidget  *widget,
                            const char *needle);
/* The message dialog shown, if any. */
GtkWindow *find_message_dialog (void);
/* The locale, the translations, GTK and libadwaita, with a data directory
 * of the test's own (its workspace, its recent files: never the user's),
 * which zb_test_finish() removes. */
char      *zb_test_init    (int        *argc,
                            char     ***argv,
                            const char *dir_template);
void       zb_test_finish  (const char *data_home);

G_END_DECLS
