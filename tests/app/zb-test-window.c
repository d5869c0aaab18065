/* zb-test-window.c — what the window tests share: waiting, closing, screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-test-window.h"

#include <locale.h>

gboolean
stop_waiting (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  return --*(int *) data > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Runs the main loop until the window is idle for a few frames. */
void
wait_frames (GtkWidget *widget,
             int        frames)
{
  gboolean gave_up = FALSE;
  guint guard = g_timeout_add_seconds (20, stop_waiting, &gave_up);

  gtk_widget_add_tick_callback (widget, count_frame, &frames, NULL);
  gtk_widget_queue_draw (widget);
  while (frames > 0 && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (!gave_up)
    g_source_remove (guard);
  g_assert_false (gave_up);
}

/* The document shown, its ledger rebuilt. */
void
wait_loaded (ZbWindow *window)
{
  gboolean gave_up = FALSE;
  guint guard = g_timeout_add_seconds (30, stop_waiting, &gave_up);

  while (zb_window_get_loading (window) && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  if (!gave_up)
    g_source_remove (guard);
  g_assert_false (gave_up);
  wait_frames (GTK_WIDGET (window), 3);
  wait_assessed (window);
}

/* GtkEditableLabel stops editing from a 100 ms timeout after focus-out; let
 * it run before the widget goes (GTK 4.8 does not cancel it on destroy). */
void
close_window (ZbWindow *window)
{
  gboolean done = FALSE;

  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  g_timeout_add (300, stop_waiting, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Whether the widgets that activate @action are sensitive: what the
 * clerk sees of an action being enabled. */
gboolean
action_widget_sensitive (GtkWidget  *root,
                         const char *action)
{
  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return gtk_widget_get_sensitive (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (action_widget_sensitive (child, action))
      return TRUE;
  return FALSE;
}

/* The targets ledger is rebuilt on a worker thread: wait for it. */
void
wait_assessed (ZbWindow *window)
{
  gboolean gave_up = FALSE;
  guint guard = g_timeout_add_seconds (20, stop_waiting, &gave_up);
  ZbDocument *document = zb_window_get_document (window);

  while (document != NULL && zb_document_get_assessing (document) && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  if (!gave_up)
    g_source_remove (guard);
  g_assert_false (gave_up);
  wait_frames (GTK_WIDGET (window), 2);
}

void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (SCREENSHOT_DIR, name, NULL);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  /* a widget that has not been drawn since its last change (the machine
   * busy) gives no node yet: wait a frame and take it again */
  for (guint attempt = 0; node == NULL && attempt < 20; attempt++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      if (attempt > 0)
        wait_frames (widget, 1);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      remove_tree (child);
      g_object_unref (info);
    }
  g_file_delete (file, NULL, NULL);
}

gboolean
chinese_ui (void)
{
  const char *language = g_getenv ("LANGUAGE");
  return language != NULL && g_str_has_prefix (language, "zh");
}

gboolean
has_label_with (GtkWidget  *widget,
                const char *needle)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_label_with (c, needle))
      return TRUE;
  return FALSE;
}

/* Two windows on one report: an edit in the second that was made on what
 * the first has since changed is not written over it; the window says so
 * (who changed it, and to what), and the workspace keeps the first edit
 * with a history in which each old value is the previous new one. */
GtkWindow *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}


char *
zb_test_init (int        *argc,
              char     ***argv,
              const char *dir_template)
{
  g_autoptr(GError) error = NULL;
  char *data_home = g_dir_make_tmp (dir_template, &error);

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();
  return data_home;
}

void
zb_test_finish (const char *data_home)
{
  g_autoptr(GFile) dir = g_file_new_for_path (data_home);

  remove_tree (dir);
}
