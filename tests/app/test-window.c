/* test-window.c — the main window driven through its widget models (run under xvfb-run)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>

#include "app-test.h"

/* Our own sample sentences (not corpus text). */
static const char report_text[] =
  "临江县2025年上半年经济运行简况\n"
  "\n"
  "一、工业\n"
  "\n"
  "（一）规模以上工业\n"
  "\n"
  "1-6月，全县规模以上工业增加值同比增长6.2%，比一季度加快0.4个百分点。\n"
  "\n"
  "（二）重点企业\n"
  "\n"
  "1. 电子信息企业\n"
  "\n"
  "电子信息企业产值58.3亿元，同比增长11.5%。\n"
  "\n"
  "二、投资\n"
  "\n"
  "固定资产投资同比增长3.4%，低于全年目标增长7%的进度要求。\n"
  "\n"
  "三、消费\n"
  "\n"
  "社会消费品零售总额完成96.8亿元，同比增长4.7%。\n";

typedef struct {
  const char *quote;
  const char *name;
  double      value;
  gint8       decimals;
  const char *unit;
  double      change;
  ZbChangeUnit change_unit;
  const char *period;
} Sample;

static const Sample samples[] = {
  { "规模以上工业增加值同比增长6.2%", "规模以上工业增加值", 0, -1, NULL, 6.2, ZB_CHANGE_PERCENT, "1-6月" },
  { "电子信息企业产值58.3亿元，同比增长11.5%", "电子信息企业产值", 58.3, 1, "亿元", 11.5, ZB_CHANGE_PERCENT, "1-6月" },
  { "固定资产投资同比增长3.4%", "固定资产投资", 0, -1, NULL, 3.4, ZB_CHANGE_PERCENT, "1-6月" },
  { "社会消费品零售总额完成96.8亿元，同比增长4.7%", "社会消费品零售总额", 96.8, 1, "亿元", 4.7, ZB_CHANGE_PERCENT, "1-6月" },
};

static char *
write_report (void)
{
  g_autoptr(GError) error = NULL;
  /* in the test's own data dir: the window and window-zh_CN runs share /tmp */
  char *path = g_build_filename (g_get_user_data_dir (), "zhibiao-test-report.txt", NULL);

  g_file_set_contents (path, report_text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static ZbSection *
tree_section_at (ZbWindow *window,
                 guint     position)
{
  GListModel *tree = G_LIST_MODEL (zb_window_get_section_selection (window));
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (tree, position);

  return gtk_tree_list_row_get_item (row);
}

static ZbFigure *
add_sample (ZbReport     *report,
            const Sample *sample)
{
  const char *text = zb_report_get_text (report);
  const char *at = strstr (text, sample->quote);
  ZbFigure *figure;
  ZbNumber change = { sample->change, 1, TRUE };

  g_assert_nonnull (at);
  figure = zb_report_add_figure_from_span (report, at - text, strlen (sample->quote), sample->name);
  /* extraction-side setters: the values count as extracted, not corrected */
  if (sample->decimals >= 0)
    {
      ZbNumber value = { sample->value, sample->decimals, TRUE };
      zb_figure_set_value (figure, &value, sample->unit);
    }
  zb_figure_set_change (figure, &change, sample->change_unit);
  zb_figure_set_period (figure, sample->period);
  return figure;
}

static void
test_window_workflow (void)
{
  g_autofree char *path = write_report ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ZbWindow *window = new_window ();
  ZbReport *report;
  GListModel *sections;
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  ZbFigureCell *cell;
  ZbFigure *figures[G_N_ELEMENTS (samples)];
  ZbFigure *edited;
  ZbUndoStack *undo;
  guint n_sections, n_extracted, industry = G_MAXUINT;
  g_autofree char *value = NULL;
  const char *tooltip;

  zb_window_open (window, file);
  g_assert_true (zb_window_get_loading (window));
  wait_loaded (window);

  report = zb_window_get_report (window);
  g_assert_nonnull (report);
  undo = zb_window_get_undo_stack (window);
  g_assert_cmpuint (zb_undo_stack_get_n_undo (undo), ==, 0);

  /* tree: a root row for the whole report, then every section (expanded) */
  sections = zb_report_get_sections (report);
  n_sections = g_list_model_get_n_items (sections);
  g_assert_cmpuint (n_sections, >=, 6);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (zb_window_get_section_selection (window))),
                    ==, n_sections + 1);
  {
    g_autoptr(ZbSection) root = tree_section_at (window, 0);
    g_assert_cmpint (zb_section_get_id (root), ==, -1);
  }
  for (guint i = 0; i < n_sections; i++)
    {
      g_autoptr(ZbSection) expected = g_list_model_get_item (sections, i);
      g_autoptr(ZbSection) shown = tree_section_at (window, i + 1);
      g_autofree char *label = zb_section_dup_label (shown);

      g_assert_cmpint (zb_section_get_id (shown), ==, zb_section_get_id (expected));
      if (g_str_equal (label, "一、工业"))
        industry = i + 1;
    }
  g_assert_cmpuint (industry, !=, G_MAXUINT);

  /* table: whatever the parser found, plus figures made from spans */
  n_extracted = n_table_rows (window);
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    figures[i] = add_sample (report, &samples[i]);
  wait_frames (GTK_WIDGET (window), 3);
  g_assert_cmpuint (n_table_rows (window), ==, n_extracted + G_N_ELEMENTS (samples));
  edited = figures[0];
  g_assert_cmpuint (table_position (window, edited), !=, GTK_INVALID_LIST_POSITION);

  /* a section shows its own figures and its descendants' */
  gtk_single_selection_set_selected (zb_window_get_section_selection (window), industry);
  g_assert_cmpuint (table_position (window, figures[0]), !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (table_position (window, figures[1]), !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (table_position (window, figures[2]), ==, GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_selected (zb_window_get_section_selection (window), 0);
  g_assert_cmpuint (n_table_rows (window), ==, n_extracted + G_N_ELEMENTS (samples));

  /* filter by name */
  zb_window_set_filter_text (window, "投资");
  g_assert_cmpuint (table_position (window, figures[2]), !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (table_position (window, figures[0]), ==, GTK_INVALID_LIST_POSITION);
  zb_window_set_filter_text (window, NULL);

  /* selecting a figure highlights its quote in the source */
  gtk_single_selection_set_selected (zb_window_get_figure_selection (window),
                                     table_position (window, edited));
  buffer = gtk_text_view_get_buffer (zb_window_get_source_view (window));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter,
                                      g_utf8_pointer_to_offset (report_text, strstr (report_text, "规模以上工业增加值")));
  g_assert_true (gtk_text_iter_has_tag (&iter, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "quote")));
  wait_frames (GTK_WIDGET (window), 3);

  /* an invalid value is refused with the reason and nothing is stored */
  cell = zb_window_find_cell (window, edited, ZB_FIELD_CHANGE);
  g_assert_nonnull (cell);
  zb_figure_cell_start_editing (cell);
  gtk_editable_set_text (zb_figure_cell_get_editable (cell), "6,x");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "refused"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (cell)));
  gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (zb_figure_cell_get_editable (cell)), TRUE);
  value = zb_figure_dup_field (edited, ZB_FIELD_CHANGE);
  g_assert_cmpstr (value, ==, "6.2");
  g_clear_pointer (&value, g_free);
  g_assert_false (zb_figure_is_corrected (edited));
  g_assert_cmpuint (zb_undo_stack_get_n_undo (undo), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (zb_figure_cell_get_editable (cell)), ==, "6.2");

  /* a valid value goes through zb_figure_correct and onto the undo stack */
  zb_figure_cell_start_editing (cell);
  gtk_editable_set_text (zb_figure_cell_get_editable (cell), "6.5");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cell), "refused"));
  gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (zb_figure_cell_get_editable (cell)), TRUE);
  value = zb_figure_dup_field (edited, ZB_FIELD_CHANGE);
  g_assert_cmpstr (value, ==, "6.5");
  g_clear_pointer (&value, g_free);
  g_assert_true (zb_figure_field_is_corrected (edited, ZB_FIELD_CHANGE));
  g_assert_cmpuint (zb_undo_stack_get_n_undo (undo), ==, 1);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "corrected"));
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (cell));
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "6.2"));

  /* undo and redo through the window's actions */
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.undo", NULL);
  value = zb_figure_dup_field (edited, ZB_FIELD_CHANGE);
  g_assert_cmpstr (value, ==, "6.2");
  g_clear_pointer (&value, g_free);
  g_assert_cmpuint (zb_undo_stack_get_n_redo (undo), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (zb_figure_cell_get_editable (cell)), ==, "6.2");
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.redo", NULL);
  value = zb_figure_dup_field (edited, ZB_FIELD_CHANGE);
  g_assert_cmpstr (value, ==, "6.5");
  g_clear_pointer (&value, g_free);
  g_assert_cmpuint (zb_undo_stack_get_n_undo (undo), ==, 1);

  /* the unit of another figure, too: the screenshot shows two edited cells */
  g_assert_true (zb_undo_stack_correct (undo, figures[3], ZB_FIELD_VALUE, "97.1", &error));
  g_assert_no_error (error);

  /* delete, then undo the deletion */
  gtk_single_selection_set_selected (zb_window_get_figure_selection (window),
                                     table_position (window, figures[2]));
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.delete-figure", NULL);
  g_assert_true (zb_figure_get_deleted (figures[2]));
  g_assert_cmpuint (table_position (window, figures[2]), ==, GTK_INVALID_LIST_POSITION);
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (zb_figure_get_deleted (figures[2]));
  g_assert_cmpuint (table_position (window, figures[2]), !=, GTK_INVALID_LIST_POSITION);

  /* change a kind */
  gtk_single_selection_set_selected (zb_window_get_figure_selection (window),
                                     table_position (window, figures[2]));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.figure-kind", "s", "progress");
  g_assert_cmpint (zb_figure_get_kind (figures[2]), ==, ZB_FIGURE_PROGRESS);
  /* edit, value, delete (undone), kind */
  g_assert_cmpuint (zb_undo_stack_get_n_undo (undo), ==, 3);

  /* a right click on a row selects it and opens the row menu, whose
   * actions are the table's own */
  {
    ZbFigureTable *table = zb_window_get_figure_table (window);
    GtkWidget *view = GTK_WIDGET (zb_window_get_figure_view (window));
    GtkWidget *name = GTK_WIDGET (zb_window_find_cell (window, figures[3], ZB_FIELD_NAME));
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);
    GtkGesture *right = NULL;
    graphene_point_t at;

    g_assert_nonnull (name);
    g_assert_true (gtk_widget_compute_point (name, view, &GRAPHENE_POINT_INIT (4, 4), &at));
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

        if (GTK_IS_GESTURE_CLICK (c) && gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (c)) == 3)
          right = GTK_GESTURE (c);
      }
    g_assert_nonnull (right);
    g_signal_emit_by_name (right, "pressed", 1, (double) at.x, (double) at.y);
    wait_frames (GTK_WIDGET (window), 2);
    g_assert_true (gtk_single_selection_get_selected_item (zb_window_get_figure_selection (window)) == figures[3]);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (zb_figure_table_get_row_menu (table))));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "table.figure-kind", "s", "target"));
    g_assert_cmpint (zb_figure_get_kind (figures[3]), ==, ZB_FIGURE_TARGET);
    gtk_popover_popdown (zb_figure_table_get_row_menu (table));
    g_assert_true (zb_undo_stack_undo (undo, &error));
    g_assert_no_error (error);
    g_assert_cmpint (zb_figure_get_kind (figures[3]), ==, ZB_FIGURE_ACTUAL);
  }

  /* export works on the open report */
  g_assert_true (action_widget_sensitive (GTK_WIDGET (window), "win.export"));

  if (chinese_ui ())
    {
      GListModel *columns = gtk_column_view_get_columns (zb_window_get_figure_view (window));
      g_autoptr(GtkColumnViewColumn) review = g_list_model_get_item (columns, 0);
      g_autoptr(GtkColumnViewColumn) name = g_list_model_get_item (columns, 1);
      g_assert_cmpstr (gtk_column_view_column_get_title (review), ==, "复核");
      g_assert_cmpstr (gtk_column_view_column_get_title (name), ==, "名称");
    }

  close_window (window);
  g_unlink (path);
}

static void
test_unreadable_file (void)
{
  g_autofree char *path = write_report ();
  g_autofree char *bad = g_build_filename (g_get_user_data_dir (), "zhibiao-test-empty.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) empty = NULL;
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/zhibiao/report.txt");
  ZbWindow *window = new_window ();
  ZbReport *report;

  /* nothing opens, and nothing is lost: the window keeps what it had */
  zb_window_open (window, missing);
  wait_loaded (window);
  g_assert_null (zb_window_get_report (window));

  zb_window_open (window, file);
  wait_loaded (window);
  report = zb_window_get_report (window);
  g_assert_nonnull (report);

  g_assert_true (g_file_set_contents (bad, "", 0, NULL));
  empty = g_file_new_for_path (bad);
  zb_window_open (window, empty);
  wait_loaded (window);
  g_assert_true (zb_window_get_report (window) == report);

  close_window (window);
  g_unlink (bad);
  g_unlink (path);
}

/* first start: the bundled sample report opens from the GResource */
static void
test_sample_report (void)
{
  ZbWindow *window = new_window ();
  ZbReport *report;
  guint n_sections;

  zb_window_open_sample (window);
  wait_loaded (window);
  report = zb_window_get_report (window);
  g_assert_nonnull (report);
  g_assert_nonnull (strstr (zb_report_get_text (report), "规模以上工业增加值同比增长6.2%"));
  n_sections = g_list_model_get_n_items (zb_report_get_sections (report));
  g_assert_cmpuint (n_sections, >=, 15);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (zb_window_get_section_selection (window))),
                    ==, n_sections + 1);
  close_window (window);
}

static void
test_corpus_report (void)
{
  g_autofree char *path = g_build_filename (SHARED_DIR, "corpus", "eval", "d2-city-q3-speech.txt", NULL);
  g_autoptr(GFile) file = NULL;
  ZbWindow *window;
  ZbReport *report;
  GListModel *figures;
  guint live = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the shared corpus is not here");
      return;
    }

  file = g_file_new_for_path (path);
  window = new_window ();
  zb_window_open (window, file);
  wait_loaded (window);
  report = zb_window_get_report (window);
  g_assert_nonnull (report);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (zb_window_get_section_selection (window))),
                    ==, g_list_model_get_n_items (zb_report_get_sections (report)) + 1);
  figures = zb_report_get_figures (report);
  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);
      live += !zb_figure_get_deleted (f);
    }
  g_assert_cmpuint (n_table_rows (window), ==, live);

  close_window (window);
}


/* Workspace, charts and export --------------------------------------- */

static char *
write_named_report (const char *name,
                    const char *extra)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  /* the workspace knows a report by its bytes: each test has its own */
  g_autofree char *text = g_strdup_printf ("%s\n%s（%s）\n", report_text, extra ? extra : "", name);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* The first figure the parser read with this name and a growth rate. */
static ZbFigure *
find_extracted (ZbReport   *report,
                const char *name)
{
  GListModel *figures = zb_report_get_figures (report);

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);

      if (g_strcmp0 (zb_figure_get_name (f), name) == 0 && zb_figure_get_change (f)->set &&
          !zb_figure_get_deleted (f))
        return f;
    }
  return NULL;
}

static guint
n_list_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);
  return n;
}

/* Lists are filled by worker threads: wait for @n rows. */
static void
wait_rows (ZbWindow   *window,
           GtkListBox *list,
           guint       n)
{
  gboolean gave_up = FALSE;
  guint guard = g_timeout_add_seconds (20, stop_waiting, &gave_up);

  while (n_list_rows (list) < n && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  if (!gave_up)
    g_source_remove (guard);
  g_assert_false (gave_up);
  wait_frames (GTK_WIDGET (window), 2);
}

static const char *
row_title (GtkListBox *list,
           int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_true (ADW_IS_PREFERENCES_ROW (row));
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static void
edit_cell (ZbWindow   *window,
           ZbFigure   *figure,
           ZbField     field,
           const char *text)
{
  ZbFigureCell *cell;

  select_in_table (window, figure);
  cell = zb_window_find_cell (window, figure, field);
  g_assert_nonnull (cell);
  zb_figure_cell_start_editing (cell);
  gtk_editable_set_text (zb_figure_cell_get_editable (cell), text);
  gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (zb_figure_cell_get_editable (cell)), TRUE);
}

static void
test_workspace_restore (void)
{
  g_autofree char *path = write_named_report ("restore-report.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *value = NULL;
  GtkListBox *history, *reports;
  ZbWindow *window;
  ZbFigure *figure;
  gint64 report_id;

  /* first session: one edit, undone and redone */
  window = new_window ();
  zb_window_open (window, file);
  wait_loaded (window);
  report_id = zb_window_get_report_id (window);
  g_assert_cmpint (report_id, >, 0);
  figure = find_extracted (zb_window_get_report (window), "规模以上工业增加值");
  g_assert_nonnull (figure);
  g_assert_cmpint (zb_figure_get_id (figure), >, 0);
  edit_cell (window, figure, ZB_FIELD_CHANGE, "6.5");
  g_assert_true (zb_figure_field_is_corrected (figure, ZB_FIELD_CHANGE));
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.redo", NULL);
  /* an added figure is stored too */
  {
    const char *text = zb_report_get_text (zb_window_get_report (window));
    const char *quote = strstr (text, "电子信息企业产值58.3亿元");
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (zb_window_get_source_view (window));
    GtkTextIter start, end;

    gtk_text_buffer_get_iter_at_offset (buffer, &start, g_utf8_pointer_to_offset (text, quote));
    gtk_text_buffer_get_iter_at_offset (buffer, &end, g_utf8_pointer_to_offset (text, quote) + 12);
    gtk_text_buffer_select_range (buffer, &start, &end);
    gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.add-figure", NULL);
  }
  close_window (window);

  /* second session: the workspace gives the correction back */
  window = new_window ();
  zb_window_open (window, file);
  wait_loaded (window);
  g_assert_cmpint (zb_window_get_report_id (window), ==, report_id);
  figure = find_extracted (zb_window_get_report (window), "规模以上工业增加值");
  g_assert_nonnull (figure);
  value = zb_figure_dup_field (figure, ZB_FIELD_CHANGE);
  g_assert_cmpstr (value, ==, "6.5");
  g_assert_true (zb_figure_field_is_corrected (figure, ZB_FIELD_CHANGE));
  g_assert_cmpuint (zb_figure_get_corrections (figure)->len, ==, 3);

  /* the history pane: edit, undo, redo from the workspace, oldest first */
  select_in_table (window, figure);
  history = zb_window_get_history_list (window);
  wait_rows (window, history, 3);
  g_assert_cmpuint (n_list_rows (history), ==, 3);
  g_assert_nonnull (strstr (row_title (history, 0), "6.2"));
  g_assert_nonnull (strstr (row_title (history, 0), "6.5"));

  /* the Reports list, and opening the report from it */
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.show-reports", NULL);
  reports = zb_window_get_reports_list (window);
  wait_rows (window, reports, 1);
  {
    GtkListBoxRow *ours = NULL;

    /* every test report has the same title: the row's tooltip is its file */
    for (guint i = 0; i < n_list_rows (reports); i++)
      if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (gtk_list_box_get_row_at_index (reports, i))), path) == 0)
        ours = gtk_list_box_get_row_at_index (reports, i);
    g_assert_nonnull (ours);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (ours)), ==, "临江县2025年上半年经济运行简况");
    {
      /* the edit, its undo and redo, and the name of the figure added */
      g_autofree char *four = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u correction", "%u corrections", 4), 4);

      g_test_message ("report row: %s", adw_action_row_get_subtitle (ADW_ACTION_ROW (ours)));
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (ours)), four));
    }
    g_signal_emit_by_name (ours, "activate");
  }
  wait_loaded (window);
  g_assert_cmpint (zb_window_get_report_id (window), ==, report_id);
  figure = find_extracted (zb_window_get_report (window), "规模以上工业增加值");
  g_assert_true (zb_figure_field_is_corrected (figure, ZB_FIELD_CHANGE));

  close_window (window);
}

static void
test_workspace_conflict (void)
{
  g_autofree char *path = write_named_report ("conflict-report.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ZbReport) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = NULL;
  ZbWindow *first, *second;
  ZbFigure *a, *b, *kept = NULL;
  GPtrArray *history;

  first = new_window ();
  zb_window_open (first, file);
  wait_loaded (first);
  second = new_window ();
  zb_window_open (second, file);
  wait_loaded (second);
  g_assert_cmpint (zb_window_get_report_id (first), ==, zb_window_get_report_id (second));
  a = find_extracted (zb_window_get_report (first), "规模以上工业增加值");
  b = find_extracted (zb_window_get_report (second), "规模以上工业增加值");
  g_assert_true (a != NULL && b != NULL && a != b);

  edit_cell (first, a, ZB_FIELD_CHANGE, "6.5");
  /* the second still shows 6.2 */
  edit_cell (second, b, ZB_FIELD_CHANGE, "7.0");
  wait_frames (GTK_WIDGET (second), 3);
  prefix = g_strndup (_("Not saved: %s. Open the report again to see the workspace’s version."),
                      strcspn (_("Not saved: %s. Open the report again to see the workspace’s version."), "%"));
  g_assert_true (has_label_with (GTK_WIDGET (second), prefix));
  g_assert_true (has_label_with (GTK_WIDGET (second), "6.5"));
  g_assert_false (has_label_with (GTK_WIDGET (first), prefix));

  {
    g_autoptr(ZbStore) store = zb_store_open (zb_workspace_get_path (zb_workspace_get_default ()), &error);

    g_assert_no_error (error);
    stored = zb_store_load_report (store, zb_window_get_report_id (first), &error);
    g_assert_no_error (error);
  }
  kept = find_extracted (stored, "规模以上工业增加值");
  g_assert_nonnull (kept);
  g_assert_cmpfloat (zb_figure_get_change (kept)->value, ==, 6.5);
  history = zb_figure_get_corrections (kept);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (((ZbCorrection *) g_ptr_array_index (history, 0))->old_value, ==, "6.2");

  close_window (second);
  close_window (first);
}

/* A workspace that cannot be used: the report opens and edits stay in memory. */
static void
test_workspace_broken (void)
{
  g_autofree char *path = write_named_report ("broken-report.txt", NULL);
  g_autofree char *bad = g_build_filename (g_get_user_data_dir (), "not-a-workspace.zhibiao", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ZbWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  ZbWindow *window;
  ZbFigure *figure;

  g_assert_true (g_file_set_contents (bad, "these are notes, not a database\n", -1, NULL));
  workspace = zb_workspace_new (bad);
  window = new_window ();
  zb_window_set_workspace (window, workspace);
  zb_window_open (window, file);
  wait_loaded (window);
  g_assert_nonnull (zb_window_get_report (window));
  g_assert_cmpint (zb_window_get_report_id (window), ==, 0);

  figure = find_extracted (zb_window_get_report (window), "固定资产投资");
  g_assert_nonnull (figure);
  g_assert_true (zb_undo_stack_correct (zb_window_get_undo_stack (window), figure, ZB_FIELD_CHANGE, "3.6", &error));
  g_assert_no_error (error);
  g_assert_true (zb_figure_field_is_corrected (figure, ZB_FIELD_CHANGE));

  /* the file that is not a workspace is left as it was */
  g_assert_true (g_file_get_contents (bad, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "these are notes, not a database\n");

  /* closing would lose the correction: the window asks first */
  gtk_window_close (GTK_WINDOW (window));
  wait_frames (GTK_WIDGET (window), 2);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  {
    GtkWindow *dialog = find_message_dialog ();

    g_assert_nonnull (dialog);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    gtk_window_destroy (dialog);
  }

  /* a working workspace now: the unsaved correction is not read away */
  {
    g_autofree char *good_path = g_build_filename (g_get_user_data_dir (), "good.zhibiao", NULL);
    g_autoptr(ZbWorkspace) good = zb_workspace_new (good_path);
    ZbReport *before = zb_window_get_report (window);

    zb_window_set_workspace (window, good);
    wait_frames (GTK_WIDGET (window), 2);
    g_assert_false (zb_window_get_loading (window));
    g_assert_true (zb_window_get_report (window) == before);
    g_assert_true (zb_figure_field_is_corrected (figure, ZB_FIELD_CHANGE));

    /* opened again, it is imported into the new workspace */
    zb_window_open (window, file);
    wait_loaded (window);
    g_assert_cmpint (zb_window_get_report_id (window), >, 0);
    g_assert_true (zb_window_get_workspace (window) == good);
  }
  close_window (window);
}


/* Another program holds the workspace's write lock while the clerk edits:
 * the main loop never waits for it, the clerk is told, and the edit is
 * written once the lock goes. */
typedef struct {
  gint64 last;
  gint64 longest;
} Ticks;

static gboolean
tick (gpointer data)
{
  Ticks *ticks = data;
  gint64 now = g_get_monotonic_time ();

  if (ticks->last != 0)
    ticks->longest = MAX (ticks->longest, now - ticks->last);
  ticks->last = now;
  return G_SOURCE_CONTINUE;
}

static void
on_notice (ZbDocument *document,
           const char *message,
           GPtrArray  *notices)
{
  g_test_message ("notice: %s", message);
  g_ptr_array_add (notices, g_strdup (message));
}

static gboolean
history_has (const char *db,
             gint64      figure_id,
             const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbStore) store = zb_store_open (db, &error);
  g_autoptr(GPtrArray) history = NULL;

  g_assert_no_error (error);
  history = zb_store_history (store, figure_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    if (g_strcmp0 (((ZbCorrection *) g_ptr_array_index (history, i))->new_value, value) == 0)
      return TRUE;
  return FALSE;
}

static void
test_workspace_locked (void)
{
  g_autofree char *path = write_named_report ("locked-report.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_free);
  ZbWindow *window = new_window ();
  ZbDocument *document;
  ZbFigure *figure, *other;
  const char *db;
  sqlite3 *lock = NULL;
  Ticks ticks = { 0 };
  gint64 until;
  guint ticker;
  gboolean gave_up = FALSE;
  guint guard;

  zb_window_open (window, file);
  wait_loaded (window);
  document = zb_window_get_document (window);
  g_assert_cmpint (zb_document_get_report_id (document), >, 0);
  g_signal_connect (document, "notice", G_CALLBACK (on_notice), notices);
  figure = find_extracted (zb_window_get_report (window), "固定资产投资");
  other = find_extracted (zb_window_get_report (window), "社会消费品零售总额");
  g_assert_nonnull (figure);
  g_assert_nonnull (other);

  /* a second connection takes the write lock and keeps it for 2 s: longer
   * than the store waits for a lock (1.5 s) */
  db = zb_workspace_get_path (zb_window_get_workspace (window));
  g_assert_cmpint (sqlite3_open (db, &lock), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (lock, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  edit_cell (window, figure, ZB_FIELD_CHANGE, "3.9");
  g_assert_true (zb_figure_field_is_corrected (figure, ZB_FIELD_CHANGE));
  ticker = g_timeout_add (10, tick, &ticks);
  until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  /* the window answers meanwhile: another figure selected shows its quote */
  select_in_table (window, other);
  g_assert_true (gtk_single_selection_get_selected_item (zb_window_get_figure_selection (window)) == other);
  g_source_remove (ticker);
  g_test_message ("longest wait of the main loop while the workspace was locked: %.1f ms",
                  ticks.longest / 1000.0);
  /* well under the store's busy timeout (1.5 s), which a main loop waiting
   * for the lock would show; a slow frame (a sanitizer build) is not that */
  g_assert_cmpint (ticks.longest, <, 750 * 1000);
  /* not written yet, and the clerk was told so */
  g_assert_false (zb_document_is_saved (document, figure));
  g_assert_cmpuint (notices->len, ==, 1);
  g_assert_false (history_has (db, zb_figure_get_id (figure), "3.9"));

  /* the lock goes: the edit is written, and the clerk told */
  g_assert_cmpint (sqlite3_exec (lock, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (lock);
  guard = g_timeout_add_seconds (30, stop_waiting, &gave_up);
  while (!zb_document_is_saved (document, figure) && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  if (!gave_up)
    g_source_remove (guard);
  g_assert_false (gave_up);
  g_assert_true (history_has (db, zb_figure_get_id (figure), "3.9"));
  g_assert_cmpuint (notices->len, ==, 2);
  g_assert_false (zb_document_has_unsaved (document));

  g_signal_handlers_disconnect_by_data (document, notices);
  close_window (window);
}

/* A workspace whose format version is negative crashed the app at start:
 * now it is a damaged workspace like any other, the report still opens. */
static void
test_workspace_negative_version (void)
{
  g_autofree char *path = write_named_report ("negative-report.txt", NULL);
  g_autofree char *bad = g_build_filename (g_get_user_data_dir (), "negative.zhibiao", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ZbWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0, after_len = 0;
  sqlite3 *db = NULL;
  ZbWindow *window;

  g_remove (bad);
  g_assert_cmpint (sqlite3_open (bad, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1514293588; CREATE TABLE t (x);"
                                     "PRAGMA user_version = -7;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (bad, &before, &before_len, NULL));

  {
    g_autoptr(ZbStore) store = zb_store_open (bad, &error);

    g_assert_null (store);
    g_assert_error (error, ZB_ERROR, ZB_ERROR_STORE);
  }
  workspace = zb_workspace_new (bad);
  window = new_window ();
  zb_window_set_workspace (window, workspace);
  zb_window_open (window, file);
  wait_loaded (window);
  g_assert_nonnull (zb_window_get_report (window));
  g_assert_cmpint (zb_window_get_report_id (window), ==, 0);
  g_assert_nonnull (find_extracted (zb_window_get_report (window), "固定资产投资"));
  g_assert_true (g_file_get_contents (bad, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  close_window (window);
}

static GdkTexture *
render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static gboolean
has_zip_entry (const char *path,
               const char *entry)
{
  g_autofree char *bytes = NULL;
  gsize length;

  if (!g_file_get_contents (path, &bytes, &length, NULL) || length < 4)
    return FALSE;
  /* a zip starts with a local file header; entry names are stored as is */
  if (memcmp (bytes, "PK\003\004", 4) != 0)
    return FALSE;
  /* the data holds NUL bytes: no string search */
  for (gsize i = 0; i + strlen (entry) <= length; i++)
    if (memcmp (bytes + i, entry, strlen (entry)) == 0)
      return TRUE;
  return FALSE;
}


static void
test_chart_and_export (void)
{
  g_autofree char *path = write_named_report ("chart-report.txt", "全年预期目标：规模以上工业增加值增长6%左右，固定资产投资增长7%，社会消费品零售总额增长5%。");
  g_autofree char *xlsx = g_build_filename (g_get_user_data_dir (), "export.xlsx", NULL);
  g_autofree char *blocker = g_build_filename (g_get_user_data_dir (), "a-file", NULL);
  g_autofree char *unwritable = g_build_filename (blocker, "export.xlsx", NULL);
  g_autofree char *chart_png = g_build_filename (SCREENSHOT_DIR, "zhibiao-chart-view.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guchar *pixels = NULL;
  GListModel *figures;
  ZbFigure *first = NULL, *edited;
  ZbChartView *view;
  ZbChart *chart;
  cairo_rectangle_t bar;
  ZbWindow *window = new_window ();
  GtkWindow *dialog;
  int width, height;
  guint inked = 0;

  /* an earlier report of the same county, for the trend */
  {
    g_autofree char *q1 = g_build_filename (g_get_user_data_dir (), "q1-report.txt", NULL);
    g_autoptr(GFile) q1_file = g_file_new_for_path (q1);

    g_assert_true (g_file_set_contents (q1, "临江县2025年一季度经济运行简况\n\n一、工业\n\n"
                                            "1-3月，全县规模以上工业增加值同比增长5.8%。\n", -1, NULL));
    zb_window_open (window, q1_file);
    wait_loaded (window);
    g_assert_cmpint (zb_window_get_report_id (window), >, 0);
  }

  zb_window_open (window, file);
  wait_loaded (window);

  /* the gap chart of the whole report: the first row is the first actual
   * growth rate of the report */
  figures = zb_report_get_figures (zb_window_get_report (window));
  for (guint i = 0; i < g_list_model_get_n_items (figures) && first == NULL; i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);

      if (zb_figure_get_kind (f) == ZB_FIGURE_ACTUAL && zb_figure_get_change (f)->set &&
          zb_figure_get_change_unit (f) == ZB_CHANGE_PERCENT && !zb_figure_get_deleted (f))
        first = f;
    }
  g_assert_nonnull (first);

  view = zb_window_get_gap_chart (window);
  wait_assessed (window);
  chart = zb_chart_view_get_chart (view);
  g_assert_nonnull (chart);

  texture = render_widget (GTK_WIDGET (view));
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, width * 4);
  for (int i = 0; i < width * height; i++)
    {
      const guchar *p = pixels + 4 * i;
      /* anything darker than the white background is ink */
      inked += p[0] < 200 || p[1] < 200 || p[2] < 200;
    }
  g_assert_cmpuint (inked, >, (guint) (width * height / 100));
  g_assert_true (gdk_texture_save_to_png (texture, chart_png));
  g_test_message ("chart view: %s", chart_png);

  /* the chart was drawn at the view's size: the first bar's centre is the first figure */
  g_assert_true (zb_chart_get_item_rect (chart, 0, 0, &bar));
  g_assert_true (zb_chart_view_hit_test (view, bar.x + bar.width / 2, bar.y + bar.height / 2) == first);
  {
    g_autofree char *tip = zb_chart_view_dup_tooltip (first);
    g_assert_nonnull (strstr (tip, zb_figure_get_quote (first)));
  }
  /* a click there selects it in the table, and the trend chart follows */
  g_signal_emit_by_name (view, "figure-activated", first);
  g_assert_true (gtk_single_selection_get_selected_item (zb_window_get_figure_selection (window)) == first);
  wait_assessed (window);
  g_assert_nonnull (zb_chart_view_get_chart (zb_window_get_trend_chart (window)));
  /* across periods: the first quarter comes from the other report */
  {
    gboolean gave_up = FALSE;
    guint guard = g_timeout_add_seconds (20, stop_waiting, &gave_up);
    ZbChart *trend = NULL;

    while (!gave_up &&
           ((trend = zb_chart_view_get_chart (zb_window_get_trend_chart (window))) == NULL ||
            zb_chart_get_n_categories (trend) < 2))
      g_main_context_iteration (NULL, TRUE);
    if (!gave_up)
      g_source_remove (guard);
    g_assert_false (gave_up);
    g_test_message ("trend: %s … %s", zb_chart_get_category (trend, 0),
                    zb_chart_get_category (trend, zb_chart_get_n_categories (trend) - 1));
  }

  /* charts show the corrected values */
  edited = find_extracted (zb_window_get_report (window), "社会消费品零售总额");
  g_assert_nonnull (edited);
  g_assert_true (zb_undo_stack_correct (zb_window_get_undo_stack (window), first, ZB_FIELD_CHANGE, "6.5", &error));
  g_assert_true (zb_undo_stack_correct (zb_window_get_undo_stack (window), edited, ZB_FIELD_VALUE, "97.1", &error));
  g_assert_no_error (error);
  wait_assessed (window);
  chart = zb_chart_view_get_chart (view);
  g_assert_nonnull (chart);
  {
    const ZbChartItem *item = zb_chart_layer_get_item (zb_chart_get_layer (chart, 0), 0);

    g_assert_true (item->figure == first);
    g_assert_cmpfloat_with_epsilon (item->value, 6.5, 1e-9);
  }

  /* the screenshot: tree, edited table, highlighted source and the charts */
  select_in_table (window, first);
  wait_frames (GTK_WIDGET (window), 5);
  save_screenshot (GTK_WIDGET (window),
                   chinese_ui () ? "zhibiao-window-zh_CN.png" : "zhibiao-window.png");

  /* export through the same function as Ctrl+E */
  g_assert_true (export_to (window, xlsx, &error));
  g_assert_no_error (error);
  g_assert_true (has_zip_entry (xlsx, "xl/workbook.xml"));
  /* sheet names in the UI language */
  if (g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      const char *argv[] = { "/usr/bin/python3", "-c",
                             "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read('xl/workbook.xml').decode())",
                             xlsx, NULL };
      g_autofree char *out = NULL;
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, NULL));
      g_assert_cmpint (status, ==, 0);
      g_assert_nonnull (strstr (out, chinese_ui () ? "name=\"汇总\"" : "name=\"Summary\""));
    }
  g_assert_null (find_message_dialog ());

  /* a place that cannot be written: an error, a dialog, no crash, no file */
  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));
  g_assert_false (export_to (window, unwritable, &error));
  g_assert_nonnull (error);
  g_test_message ("unwritable: %s", error->message);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);
  g_assert_nonnull (zb_window_get_report (window));

  close_window (window);
}

/* Targets, status and the keyboard --------------------------------- */

/* Our own sentences: two targets, two actuals that meet them (one under
 * an alias), one actual without a target. */
static const char targets_text[] =
  "安平县2025年前三季度经济运行情况\n"
  "\n"
  "一、总体情况\n"
  "\n"
  "今年全县经济社会发展的主要预期目标是：地区生产总值增长6.5%左右，固定资产投资增长8%。\n"
  "\n"
  "1-9月，全县GDP同比增长5.8%。\n"
  "\n"
  "二、投资\n"
  "\n"
  "1-9月，全县固定资产投资同比增长4.1%。\n"
  "\n"
  "三、消费\n"
  "\n"
  "1-9月，社会消费品零售总额同比增长5.2%。\n";

static void
type_into (ZbTargetsView *view,
           const char    *name,
           const char    *text)
{
  GtkWidget *entry = find_named (GTK_WIDGET (view), name);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
click (ZbTargetsView *view,
       const char    *name)
{
  GtkWidget *button = find_named (GTK_WIDGET (view), name);

  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
}

static const char *
status_text (ZbWindow *window,
             ZbFigure *figure)
{
  GtkLabel *label = zb_window_find_status_label (window, figure);

  g_assert_nonnull (label);
  return gtk_label_get_label (label);
}

static gboolean
chart_status (ZbWindow *window,
              ZbFigure *figure,
              ZbStatus *status)
{
  ZbChart *chart = zb_chart_view_get_chart (zb_window_get_gap_chart (window));

  for (guint l = 0; chart != NULL && l < zb_chart_get_n_layers (chart); l++)
    {
      ZbChartLayer *layer = zb_chart_get_layer (chart, l);

      for (guint i = 0; i < zb_chart_layer_get_n_items (layer); i++)
        {
          const ZbChartItem *item = zb_chart_layer_get_item (layer, i);

          if (item->figure == figure)
            {
              *status = item->status;
              return TRUE;
            }
        }
    }
  return FALSE;
}

static void
test_targets (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "targets-report.txt", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  ZbWindow *window;
  ZbReport *report;
  ZbFigure *gdp, *investment, *retail;
  ZbFigureCell *cell;
  ZbTargetsView *view;
  g_autofree char *behind = g_strdup (zb_status_to_label (ZB_STATUS_BEHIND, NULL));
  ZbStatus status;

  g_assert_true (g_file_set_contents (path, targets_text, -1, NULL));
  file = g_file_new_for_path (path);
  window = new_window ();
  zb_window_open (window, file);
  wait_loaded (window);
  report = zb_window_get_report (window);
  g_assert_nonnull (report);
  g_assert_cmpint (zb_window_get_report_id (window), >, 0);

  gdp = find_actual (report, "GDP");
  investment = find_actual (report, "固定资产投资");
  retail = find_actual (report, "社会消费品零售总额");
  g_assert_nonnull (gdp);
  g_assert_nonnull (investment);
  g_assert_nonnull (retail);
  g_assert_false (zb_figure_get_target (gdp)->set);

  /* GDP has no target of its own: the ledger's, through the alias, shows dimmed */
  cell = zb_window_find_cell (window, gdp, ZB_FIELD_TARGET);
  g_assert_nonnull (cell);
  g_assert_true (zb_figure_cell_get_derived (cell));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "derived"));
  g_assert_nonnull (strstr (gtk_editable_get_text (zb_figure_cell_get_editable (cell)), "6.5%"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (cell)), "增长6.5%左右"));
  cell = zb_window_find_cell (window, gdp, ZB_FIELD_GAP);
  g_assert_nonnull (cell);
  g_assert_true (zb_figure_cell_get_derived (cell));
  g_assert_nonnull (strstr (gtk_editable_get_text (zb_figure_cell_get_editable (cell)), "-0.7"));
  g_assert_nonnull (strstr (status_text (window, gdp), behind));
  g_assert_nonnull (strstr (status_text (window, gdp), "▼"));
  g_assert_nonnull (strstr (status_text (window, retail), zb_status_to_label (ZB_STATUS_UNKNOWN, NULL)));

  /* a target of the figure's own stays its own, and editable */
  g_assert_true (zb_undo_stack_correct (zb_window_get_undo_stack (window), investment, ZB_FIELD_TARGET, "4", &error));
  g_assert_no_error (error);
  wait_assessed (window);
  cell = zb_window_find_cell (window, investment, ZB_FIELD_TARGET);
  g_assert_false (zb_figure_cell_get_derived (cell));
  g_assert_cmpstr (gtk_editable_get_text (zb_figure_cell_get_editable (cell)), ==, "4");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "corrected"));
  /* undone: the ledger's target is back */
  g_assert_true (zb_undo_stack_undo (zb_window_get_undo_stack (window), &error));
  wait_assessed (window);
  g_assert_true (zb_figure_cell_get_derived (zb_window_find_cell (window, investment, ZB_FIELD_TARGET)));

  /* the Targets view lists the report's two targets */
  view = zb_window_get_targets_view (window);
  gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (view))), "targets");
  wait_assessed (window);

  /* a bad year is refused with a reason, and nothing changes */
  type_into (view, "indicator", "社零");
  type_into (view, "year", "二〇二五");
  type_into (view, "growth", "4");
  g_assert_false (zb_targets_view_submit (view, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_nonnull (strstr (status_text (window, retail), zb_status_to_label (ZB_STATUS_UNKNOWN, NULL)));

  /* an alias, then a target typed under it */
  type_into (view, "alias", "社零");
  type_into (view, "canonical", "社会消费品零售总额");
  click (view, "add-alias");
  type_into (view, "year", "2025");
  type_into (view, "growth", "4");
  click (view, "set-target");
  wait_assessed (window);
  g_assert_nonnull (strstr (status_text (window, retail), zb_status_to_label (ZB_STATUS_AHEAD, NULL)));
  g_assert_nonnull (strstr (status_text (window, retail), "▲"));
  cell = zb_window_find_cell (window, retail, ZB_FIELD_TARGET);
  g_assert_true (zb_figure_cell_get_derived (cell));
  g_assert_nonnull (strstr (gtk_editable_get_text (zb_figure_cell_get_editable (cell)), "4%"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (cell)), _("Typed in the workspace")));
  g_assert_true (chart_status (window, retail, &status));
  g_assert_cmpint (status, ==, ZB_STATUS_AHEAD);
  g_assert_true (chart_status (window, gdp, &status));
  g_assert_cmpint (status, ==, ZB_STATUS_BEHIND);

  /* a typed target that differs from the report's: both are listed */
  type_into (view, "indicator", "GDP");
  type_into (view, "growth", "7");
  click (view, "set-target");
  wait_assessed (window);
  g_assert_nonnull (strstr (status_text (window, gdp), "⚠"));
  {
    GtkLabel *label = zb_window_find_status_label (window, gdp);
    const char *tip = gtk_widget_get_tooltip_text (GTK_WIDGET (label));

    g_assert_nonnull (tip);
    g_assert_nonnull (strstr (tip, "7%"));
    g_assert_nonnull (strstr (tip, "6.5%左右"));
  }
  g_assert_nonnull (strstr (gtk_editable_get_text (zb_figure_cell_get_editable (
                      zb_window_find_cell (window, gdp, ZB_FIELD_TARGET))), "7%"));

  save_screenshot (GTK_WIDGET (window),
                   chinese_ui () ? "zhibiao-targets-view-zh_CN.png" : "zhibiao-targets-view.png");
  /* a name the shipped table does not know, for the next window */
  type_into (view, "alias", "零售盘子");
  type_into (view, "canonical", "社会消费品零售总额");
  click (view, "add-alias");
  wait_assessed (window);
  close_window (window);

  /* the typed target is in the workspace: a new window finds it */
  window = new_window ();
  zb_window_open (window, file);
  wait_loaded (window);
  {
    gboolean gave_up = FALSE;
    guint guard = g_timeout_add_seconds (20, stop_waiting, &gave_up);

    retail = find_actual (zb_window_get_report (window), "社会消费品零售总额");
    while (!gave_up && zb_window_find_status_label (window, retail) != NULL &&
           strstr (status_text (window, retail), zb_status_to_label (ZB_STATUS_AHEAD, NULL)) == NULL)
      g_main_context_iteration (NULL, TRUE);
    if (!gave_up)
      g_source_remove (guard);
    g_assert_false (gave_up);
  }
  /* so is the alias (loaded before the targets): a target typed under it
   * replaces the stored one instead of starting an indicator of its own */
  view = zb_window_get_targets_view (window);
  type_into (view, "indicator", "零售盘子");
  type_into (view, "year", "2025");
  type_into (view, "growth", "5");
  click (view, "set-target");
  wait_assessed (window);
  g_assert_nonnull (strstr (status_text (window, retail), zb_status_to_label (ZB_STATUS_ON_TRACK, NULL)));
  g_assert_null (strstr (status_text (window, retail), "⚠"));
  close_window (window);
}

static void
test_keyboard (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "keyboard-report.txt", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GtkSingleSelection *selection;
  ZbWindow *window;
  ZbReport *report;
  ZbFigureCell *cell;
  ZbUndoStack *undo;
  g_autoptr(ZbFigure) first = NULL;
  g_autoptr(ZbFigure) last = NULL;
  const char *at;
  guint n;

  g_assert_true (g_file_set_contents (path, targets_text, -1, NULL));
  file = g_file_new_for_path (path);
  window = new_window ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 600);
  zb_window_open (window, file);
  wait_loaded (window);
  report = zb_window_get_report (window);
  at = strstr (zb_report_get_text (report), "社会消费品零售总额");
  /* many rows, so that the last one is off screen */
  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *name = g_strdup_printf ("测试指标%02u", i);
      zb_report_add_figure_from_span (report, at - zb_report_get_text (report), strlen ("社会消费品零售总额"), name);
    }
  wait_frames (GTK_WIDGET (window), 3);
  selection = zb_window_get_figure_selection (window);
  n = g_list_model_get_n_items (G_LIST_MODEL (selection));
  g_assert_cmpuint (n, >, 80);
  first = g_list_model_get_item (G_LIST_MODEL (selection), 0);
  last = g_list_model_get_item (G_LIST_MODEL (selection), n - 1);
  g_assert_null (zb_window_find_cell (window, last, ZB_FIELD_RANK));

  /* Shift+Tab from the first cell: the last row's last cell, scrolled to */
  cell = zb_window_find_cell (window, first, ZB_FIELD_NAME);
  g_assert_nonnull (cell);
  zb_figure_cell_start_editing (cell);
  wait_frames (GTK_WIDGET (window), 2);
  zb_figure_cell_move (cell, -1);
  wait_frames (GTK_WIDGET (window), 10);
  cell = zb_window_find_cell (window, last, ZB_FIELD_RANK);
  g_assert_nonnull (cell);
  g_assert_true (zb_figure_cell_get_editing (cell));
  g_assert_true (gtk_single_selection_get_selected_item (selection) == last);

  /* Tab from there: back to the first row, off screen by now */
  zb_figure_cell_move (cell, 1);
  wait_frames (GTK_WIDGET (window), 10);
  cell = zb_window_find_cell (window, first, ZB_FIELD_NAME);
  g_assert_nonnull (cell);
  g_assert_true (zb_figure_cell_get_editing (cell));

  /* Tab within a row goes to the next column */
  zb_figure_cell_move (cell, 1);
  wait_frames (GTK_WIDGET (window), 5);
  g_assert_true (zb_figure_cell_get_editing (zb_window_find_cell (window, first, ZB_FIELD_PERIOD)));
  gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (gtk_widget_get_first_child (
                                     GTK_WIDGET (zb_window_find_cell (window, first, ZB_FIELD_PERIOD)))), FALSE);
  wait_frames (GTK_WIDGET (window), 2);

  /* Ctrl+Z while typing undoes the typing, not the last correction */
  undo = zb_window_get_undo_stack (window);
  g_assert_true (zb_undo_stack_correct (undo, first, ZB_FIELD_RANK, "3", &error));
  g_assert_no_error (error);
  g_assert_true (zb_undo_stack_get_can_undo (undo));
  wait_frames (GTK_WIDGET (window), 2);
  cell = zb_window_find_cell (window, first, ZB_FIELD_NAME);
  zb_figure_cell_start_editing (cell);
  wait_frames (GTK_WIDGET (window), 2);
  {
    GtkEditable *text = gtk_editable_get_delegate (zb_figure_cell_get_editable (cell));
    g_autofree char *before = g_strdup (gtk_editable_get_text (text));
    int pos = -1;

    g_assert_nonnull (text);
    gtk_editable_insert_text (text, "乙", -1, &pos);
    g_assert_cmpstr (gtk_editable_get_text (text), !=, before);
    gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.undo", NULL);
    wait_frames (GTK_WIDGET (window), 2);
    g_assert_cmpstr (gtk_editable_get_text (text), ==, before);
  }
  g_assert_true (zb_figure_cell_get_editing (cell));
  g_assert_true (zb_figure_field_is_corrected (first, ZB_FIELD_RANK));
  g_assert_true (zb_undo_stack_get_can_undo (undo));
  gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (gtk_widget_get_first_child (GTK_WIDGET (cell))), FALSE);
  wait_frames (GTK_WIDGET (window), 2);
  /* not editing: Ctrl+Z is the app's undo again */
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (zb_figure_field_is_corrected (first, ZB_FIELD_RANK));

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = zb_test_init (&argc, &argv, "zhibiao-test-XXXXXX");
  int status;

  g_test_add_func ("/app/window/workflow", test_window_workflow);
  g_test_add_func ("/app/window/unreadable", test_unreadable_file);
  g_test_add_func ("/app/window/sample", test_sample_report);
  g_test_add_func ("/app/window/corpus", test_corpus_report);
  g_test_add_func ("/app/window/workspace", test_workspace_restore);
  g_test_add_func ("/app/window/workspace-conflict", test_workspace_conflict);
  g_test_add_func ("/app/window/workspace-broken", test_workspace_broken);
  g_test_add_func ("/app/window/workspace-locked", test_workspace_locked);
  g_test_add_func ("/app/window/workspace-negative-version", test_workspace_negative_version);
  g_test_add_func ("/app/window/chart-export", test_chart_and_export);
  g_test_add_func ("/app/window/targets", test_targets);
  g_test_add_func ("/app/window/keyboard", test_keyboard);
  status = g_test_run ();
  zb_test_finish (data_home);
  return status;
}
