/* test-desk.c — the session around the window: reopening, the empty page, drops, small windows
 * (run under xvfb-run)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "app-test.h"

/* Our own sample sentences (not corpus text). */
static const char report_text[] =
  "临江县2025年一季度经济运行简况\n"
  "\n"
  "一、工业\n"
  "\n"
  "1-3月，全县规模以上工业增加值同比增长6.2%。\n"
  "\n"
  "二、消费\n"
  "\n"
  "社会消费品零售总额完成96.8亿元，同比增长4.7%。\n";

static char *
write_report (const char *name,
              const char *text)
{
  char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static ZbWindow *
new_window_sized (int width,
                  int height)
{
  ZbWindow *window = zb_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (GTK_WIDGET (window), 2);
  return window;
}

static GSettings *
settings (void)
{
  return g_settings_new ("io.github.zhibiao.Zhibiao");
}

/* A start as the application makes it: a new window, the session restored. */
static ZbWindow *
start (void)
{
  ZbWindow *window = new_window_sized (1280, 760);

  zb_window_restore_session (window);
  wait_loaded (window);
  return window;
}

static void
forget_session (void)
{
  g_autoptr(GSettings) s = settings ();

  g_settings_reset (s, "last-report");
  g_settings_reset (s, "last-report-id");
  g_settings_reset (s, "last-workspace");
  g_settings_reset (s, "sample-shown");
  gtk_recent_manager_purge_items (gtk_recent_manager_get_default (), NULL);
}

static gboolean
recent_has (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  return gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0 || has_label_with (root, label)))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether @widget is shown whole inside the window. */
static gboolean
inside_window (ZbWindow  *window,
               GtkWidget *widget)
{
  graphene_rect_t r;
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));

  if (!gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &r))
    return FALSE;
  g_test_message ("%s at %.0f,%.0f %.0f×%.0f in %d×%d", G_OBJECT_TYPE_NAME (widget),
                  r.origin.x, r.origin.y, r.size.width, r.size.height, width, height);
  return gtk_widget_get_mapped (widget) && r.origin.x >= 0 && r.origin.y >= 0 &&
         r.origin.x + r.size.width <= width + 0.5 && r.origin.y + r.size.height <= height + 0.5 &&
         r.size.width > 0 && r.size.height > 0;
}

static const char *
lang_suffix (void)
{
  return chinese_ui () ? "-zh_CN" : "";
}

/* 1600×1000 and 800×600: at the small size the outline folds away and
 * every pane, the Targets tab and Add Figure stay on the screen. */
static void
test_sizes (void)
{
  ZbWindow *window = new_window_sized (1600, 1000);
  g_autofree char *big = g_strdup_printf ("desk-1600x1000%s.png", lang_suffix ());
  g_autofree char *small = g_strdup_printf ("desk-800x600%s.png", lang_suffix ());
  g_autofree char *outline = g_strdup_printf ("desk-800x600-outline%s.png", lang_suffix ());
  GtkWidget *targets, *add;

  zb_window_open_sample (window);
  wait_loaded (window);
  g_assert_false (adw_flap_get_folded (zb_window_get_flap (window)));
  g_assert_true (inside_window (window, GTK_WIDGET (zb_window_get_outline_panel (window))));
  save_screenshot (GTK_WIDGET (window), big);

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  wait_frames (GTK_WIDGET (window), 8);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 800);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, 600);
  g_assert_true (adw_flap_get_folded (zb_window_get_flap (window)));
  save_screenshot (GTK_WIDGET (window), small);

  g_assert_true (inside_window (window, GTK_WIDGET (zb_window_get_figure_table (window))));
  g_assert_true (inside_window (window, GTK_WIDGET (zb_window_get_source_pane (window))));
  g_assert_true (inside_window (window, GTK_WIDGET (zb_window_get_charts_pane (window))));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (zb_window_get_figure_table (window))), >=, 300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (zb_window_get_source_pane (window))), >=, 280);
  add = find_button (GTK_WIDGET (zb_window_get_source_pane (window)), _("_Add Figure"));
  g_assert_nonnull (add);
  g_assert_true (inside_window (window, add));
  targets = find_button (GTK_WIDGET (window), _("Targets"));
  g_assert_nonnull (targets);
  g_assert_true (inside_window (window, targets));
  /* the tab shows the targets, whole */
  g_signal_emit_by_name (targets, "clicked");
  wait_frames (GTK_WIDGET (window), 3);
  g_assert_true (inside_window (window, GTK_WIDGET (zb_window_get_targets_view (window))));

  /* the outline comes over the desk from the header's button (F9) */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-outline", NULL);
  wait_frames (GTK_WIDGET (window), 20);
  g_assert_true (adw_flap_get_reveal_flap (zb_window_get_flap (window)));
  g_assert_true (inside_window (window, GTK_WIDGET (zb_window_get_outline_panel (window))));
  save_screenshot (GTK_WIDGET (window), outline);
  close_window (window);
}

/* The last report opens again on start; the sample only on the first. */
static void
test_restore (void)
{
  g_autofree char *path = write_report ("restore-desk.txt", report_text);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ZbWindow *window;
  gint64 id;

  forget_session ();

  /* the very first start: the sample */
  window = start ();
  g_assert_nonnull (zb_window_get_document (window));
  g_assert_nonnull (strstr (zb_report_get_text (zb_window_get_report (window)), "（示例报告"));
  zb_window_open (window, file);
  wait_loaded (window);
  id = zb_window_get_report_id (window);
  g_assert_cmpint (id, >, 0);
  close_window (window);

  /* the next start: the report shown last, not the sample */
  window = start ();
  g_assert_nonnull (zb_window_get_report (window));
  g_assert_cmpstr (zb_report_get_path (zb_window_get_report (window)), ==, path);
  g_assert_cmpint (zb_window_get_report_id (window), ==, id);
  close_window (window);

  /* its file gone: the workspace's copy, with its corrections */
  g_assert_cmpint (g_unlink (path), ==, 0);
  window = start ();
  g_assert_nonnull (zb_window_get_report (window));
  g_assert_cmpint (zb_window_get_report_id (window), ==, id);
  g_assert_nonnull (strstr (zb_report_get_text (zb_window_get_report (window)), "全县规模以上工业增加值"));
  close_window (window);

  /* nothing to reopen after the first start: the empty page, no sample */
  {
    g_autoptr(GSettings) s = settings ();

    g_settings_reset (s, "last-report");
    g_settings_reset (s, "last-report-id");
  }
  window = start ();
  g_assert_null (zb_window_get_document (window));
  close_window (window);
}

/* The empty page: an Open button, the sample and the recent reports. */
static void
test_empty_page (void)
{
  g_autofree char *path = write_report ("empty-page-report.txt", report_text);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_strdup_printf ("empty-page%s.png", lang_suffix ());
  g_autofree char *basename = g_path_get_basename (path);
  ZbWindow *window;
  AdwStatusPage *page;
  GtkWidget *open;
  GtkListBox *list;
  GtkListBoxRow *row;

  forget_session ();
  window = new_window_sized (800, 600);
  page = zb_window_get_status_page (window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, _("No Report Open"));
  open = find_button (GTK_WIDGET (page), _("_Open…"));
  g_assert_nonnull (open);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (open)), ==, "win.open");
  g_assert_true (gtk_widget_has_css_class (open, "suggested-action"));
  g_assert_nonnull (find_button (GTK_WIDGET (page), _("Open _Sample Report")));
  /* no recent reports yet: no list */
  list = _zb_window_get_recent_list (window);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (list)));

  /* a report that opened is listed, in this window and in a new one */
  zb_window_open (window, file);
  wait_loaded (window);
  close_window (window);
  window = new_window_sized (800, 600);
  list = _zb_window_get_recent_list (window);
  wait_frames (GTK_WIDGET (window), 2);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, basename);
  save_screenshot (GTK_WIDGET (window), name);
  /* activating it opens it */
  g_signal_emit_by_name (row, "activate");
  wait_loaded (window);
  g_assert_cmpstr (zb_report_get_path (zb_window_get_report (window)), ==, path);
  close_window (window);
  g_unlink (path);
}

/* A file dropped on the window opens, even over the table's cells. */
static void
test_drop (void)
{
  g_autofree char *path = write_report ("dropped-report.txt", report_text);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ZbWindow *window = new_window_sized (1280, 760);
  GtkDropTarget *drop = NULL;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  GSList *files = g_slist_prepend (NULL, file);
  GValue value = G_VALUE_INIT;
  gboolean taken = FALSE;
  ZbReport *report;
  GListModel *figures;

  zb_window_open_sample (window);
  wait_loaded (window);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (c) && g_strcmp0 (gtk_event_controller_get_name (c), "zb-file-drop") == 0)
        drop = GTK_DROP_TARGET (c);
    }
  g_assert_nonnull (drop);
  /* asked before any cell or text view below, which would take the path as text */
  g_assert_cmpint (gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (drop)), ==, GTK_PHASE_CAPTURE);
  g_assert_true (gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (drop), GDK_TYPE_FILE_LIST));

  report = zb_window_get_report (window);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (drop, "drop", &value, 300.0, 200.0, &taken);
  g_value_unset (&value);
  g_slist_free (files);
  g_assert_true (taken);
  wait_loaded (window);
  g_assert_true (zb_window_get_report (window) != report);
  g_assert_cmpstr (zb_report_get_path (zb_window_get_report (window)), ==, path);
  /* and nothing was typed into a cell */
  figures = zb_report_get_figures (zb_window_get_report (window));
  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);

      g_assert_false (zb_figure_is_corrected (f));
    }
  close_window (window);
  g_unlink (path);
}

static void
respond (GtkWindow  *dialog,
         const char *response)
{
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
}

static GtkWindow *
wait_dialog (ZbWindow *window)
{
  for (guint i = 0; i < 200 && find_message_dialog () == NULL; i++)
    wait_frames (GTK_WIDGET (window), 1);
  return find_message_dialog ();
}

/* Recent files: a deleted one offers the workspace's copy; one that fails
 * to open leaves the list. */
static void
test_gone (void)
{
  g_autofree char *path = write_report ("gone-report.txt", report_text);
  g_autofree char *bad = write_report ("bad-report.txt", "临江县2025年二季度经济运行简况\n\n一、工业\n\n1-6月，全县规模以上工业增加值同比增长5.9%。\n");
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GFile) never = g_file_new_for_path ("/nonexistent/zhibiao/never.txt");
  GtkWindow *dialog;
  ZbWindow *window;
  gint64 id;

  forget_session ();
  window = new_window_sized (1280, 760);
  zb_window_open (window, file);
  wait_loaded (window);
  id = zb_window_get_report_id (window);
  zb_window_open (window, bad_file);
  wait_loaded (window);
  g_assert_true (recent_has (path));
  g_assert_true (recent_has (bad));
  close_window (window);

  /* deleted: offered from the workspace, not an error */
  g_assert_cmpint (g_unlink (path), ==, 0);
  window = new_window_sized (1280, 760);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", uri);
  dialog = wait_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), "gone-report.txt"));
  respond (dialog, "stored");
  wait_loaded (window);
  g_assert_cmpint (zb_window_get_report_id (window), ==, id);
  /* still a recent report: its copy is there */
  g_assert_true (recent_has (path));

  /* a file that no longer opens (emptied) leaves the recent files */
  g_assert_true (g_file_set_contents (bad, "", 0, NULL));
  zb_window_open (window, bad_file);
  wait_loaded (window);
  g_assert_false (recent_has (bad));
  /* one never seen, neither there nor in the workspace: a message, no dialog */
  zb_window_open (window, never);
  wait_loaded (window);
  wait_frames (GTK_WIDGET (window), 5);
  g_assert_null (find_message_dialog ());
  g_assert_false (recent_has ("/nonexistent/zhibiao/never.txt"));
  g_assert_cmpint (zb_window_get_report_id (window), ==, id);
  close_window (window);
  g_unlink (bad);
}

/* A filter that matches nothing says so, and how to see the figures again. */
static void
test_no_match (void)
{
  g_autofree char *path = write_report ("filter-report.txt", report_text);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_strdup_printf ("no-match%s.png", lang_suffix ());
  ZbWindow *window = new_window_sized (1280, 760);
  AdwStatusPage *page = zb_window_get_no_figures_page (window);
  GtkWidget *clear;

  zb_window_open (window, file);
  wait_loaded (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (zb_window_get_table_stack (window)), ==, "figures");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  gtk_editable_set_text (GTK_EDITABLE (zb_window_get_search_entry (window)), "没有这个指标");
  zb_window_set_filter_text (window, "没有这个指标");
  wait_frames (GTK_WIDGET (window), 3);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (zb_window_get_table_stack (window)), ==, "no-figures");
  g_assert_cmpstr (adw_status_page_get_title (page), ==, _("No Matching Figures"));
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "没有这个指标"));
  save_screenshot (GTK_WIDGET (window), name);
  clear = find_button (GTK_WIDGET (page), _("_Clear the Filter"));
  g_assert_nonnull (clear);
  g_signal_emit_by_name (clear, "clicked");
  wait_frames (GTK_WIDGET (window), 3);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (zb_window_get_table_stack (window)), ==, "figures");
  g_assert_null (zb_figure_table_get_filter_text (zb_window_get_figure_table (window)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (zb_window_get_figure_selection (window))), >, 0);
  close_window (window);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = zb_test_init (&argc, &argv, "zhibiao-desk-XXXXXX");
  int status;

  g_test_add_func ("/app/desk/sizes", test_sizes);
  g_test_add_func ("/app/desk/restore", test_restore);
  g_test_add_func ("/app/desk/empty-page", test_empty_page);
  g_test_add_func ("/app/desk/drop", test_drop);
  g_test_add_func ("/app/desk/gone", test_gone);
  g_test_add_func ("/app/desk/no-match", test_no_match);
  status = g_test_run ();
  zb_test_finish (data_home);
  return status;
}
