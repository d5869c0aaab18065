/* zb-test-window.h — what the window tests share: waiting, closing, screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "zb-window-private.h"

/* The locale, the translations, GTK and libadwaita, with a data directory
 * of the test's own (its workspace, its recent files: never the user's),
 * which zb_test_finish() removes. */
char      *zb_test_init            (int        *argc,
                                    char     ***argv,
                                    const char *dir_template);
void       zb_test_finish          (const char *data_home);
/* A g_timeout_add() callback setting the gboolean at @data. */
gboolean   stop_waiting            (gpointer    data);
/* Runs the main loop until @widget has drawn @frames frames. */
void       wait_frames             (GtkWidget  *widget,
                                    int         frames);
/* The document shown, its ledger rebuilt. */
void       wait_loaded             (ZbWindow   *window);
/* The targets ledger is rebuilt on a worker thread: waits for it. */
void       wait_assessed           (ZbWindow   *window);
void       close_window            (ZbWindow   *window);
/* Whether the widgets that activate @action are sensitive. */
gboolean   action_widget_sensitive (GtkWidget  *root,
                                    const char *action);
/* A PNG of @widget as drawn, in SCREENSHOT_DIR. */
void       save_screenshot         (GtkWidget  *widget,
                                    const char *name);
void       remove_tree             (GFile      *file);
gboolean   chinese_ui              (void);
gboolean   has_label_with          (GtkWidget  *widget,
                                    const char *needle);
/* The message dialog shown, if any. */
GtkWindow *find_message_dialog     (void);
