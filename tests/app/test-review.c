/* test-review.c — the review queue walked with the keyboard, and the desk's keyboard and menus (under xvfb-run)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>

#include "app-test.h"
#include "zb-message.h"
#include "zb-review-cell.h"

/* Our own sentences: the two 分别 lists give more numbers than names, which
 * the parser flags (three figures each); the other sentences it is sure of. */
static const char review_text[] =
  "样例县2031年1-9月经济运行情况\n"
  "\n"
  "一、生产\n"
  "前三季度，样例县地区生产总值完成88.8亿元，同比增长4.5%。\n"
  "农业、工业增加值分别增长3.1%、5.2%、2.0%。\n"
  "\n"
  "二、需求\n"
  "社会消费品零售总额45.6亿元，增长3.2%。\n"
  "城镇、农村居民人均可支配收入分别增长5.1%、6.3%、4.0%。\n"
  "1-9月，全县网上零售额26.4亿元，同比增长12.8%。\n";

#define N_FLAGGED 6
#define ADDED "网上零售额26.4亿元，同比增长12.8%"

/* The workspace knows a report by its bytes: each test has its own. */
static char *
write_text (const char *name,
            const char *text)
{
  char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autofree char *bytes = g_strdup_printf ("%s\n（%s）\n", text, name);

  g_assert_true (g_file_set_contents (path, bytes, -1, NULL));
  return path;
}

static ZbWindow *
open_report (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ZbWindow *window = new_window ();

  zb_window_open (window, file);
  wait_loaded (window);
  g_assert_cmpint (zb_window_get_report_id (window), >, 0);
  return window;
}

static ZbReportBar *
report_bar (ZbWindow *window)
{
  GtkWidget *bar = find_by_type (GTK_WIDGET (window), ZB_TYPE_REPORT_BAR);

  g_assert_nonnull (bar);
  return ZB_REPORT_BAR (bar);
}

static ZbReviewCell *
review_cell (ZbWindow *window,
             ZbFigure *figure)
{
  GtkWidget *table = GTK_WIDGET (zb_window_get_figure_table (window));
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, table);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (ZB_IS_REVIEW_CELL (w) && zb_review_cell_get_figure (ZB_REVIEW_CELL (w)) == figure &&
          gtk_widget_get_mapped (w))
        return ZB_REVIEW_CELL (w);
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  return NULL;
}

static ZbFigure *
selected (ZbWindow *window)
{
  return gtk_single_selection_get_selected_item (zb_window_get_figure_selection (window));
}

/* The text the source pane highlights. */
static char *
highlighted (ZbWindow *window)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (zb_window_get_source_view (window));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "quote");
  GtkTextIter start, end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  if (!gtk_text_iter_starts_tag (&start, tag) && !gtk_text_iter_forward_to_tag_toggle (&start, tag))
    return NULL;
  end = start;
  gtk_text_iter_forward_to_tag_toggle (&end, tag);
  return gtk_text_iter_get_text (&start, &end);
}

static char *
to_review_text (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to review", "%u to review", n), n);
}

static int
section_id (ZbReport   *report,
            const char *title)
{
  GListModel *sections = zb_report_get_sections (report);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(ZbSection) s = g_list_model_get_item (sections, i);

      if (g_strcmp0 (zb_section_get_title (s), title) == 0)
        return zb_section_get_id (s);
    }
  g_assert_not_reached ();
}

/* The marks in the table: the reasons in the UI's language. */
static void
check_marks (ZbWindow *window)
{
  ZbReport *report = zb_window_get_report (window);
  GListModel *figures = zb_report_get_figures (report);
  const char *mismatch = "A list of names and a list of numbers that do not match in count";
  guint n_flagged = 0;

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);
      ZbReviewCell *cell = review_cell (window, f);
      GtkWidget *button;

      g_assert_nonnull (cell);
      button = gtk_widget_get_first_child (GTK_WIDGET (cell));
      if (!zb_figure_needs_review (f))
        {
          g_assert_false (gtk_widget_get_visible (button));
          continue;
        }
      n_flagged++;
      g_assert_true (gtk_widget_get_visible (button));
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "to-review"));
      g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button), _(mismatch)));
    }
  g_assert_cmpuint (n_flagged, ==, N_FLAGGED);
  /* the reasons are translated in Chinese */
  if (chinese_ui ())
    g_assert_cmpstr (_(mismatch), !=, mismatch);
}

static void
test_queue (void)
{
  g_autofree char *path = write_text ("review-report.txt", review_text);
  g_autofree char *text = NULL;
  ZbWindow *window = open_report (path);
  ZbDocument *document = zb_window_get_document (window);
  ZbReport *report = zb_window_get_report (window);
  ZbOutlinePanel *outline = zb_window_get_outline_panel (window);
  ZbFigureTable *table = zb_window_get_figure_table (window);
  GtkWidget *toggle;
  ZbFigure *first, *previous = NULL;
  guint left;

  if (!can_press_keys ())
    {
      g_test_skip ("no XTest to type with (libXtst.so.6)");
      close_window (window);
      return;
    }

  /* the header, the outline and the table say what is left */
  g_assert_cmpuint (zb_document_get_n_flagged (document), ==, N_FLAGGED);
  g_assert_cmpuint (zb_document_get_n_to_review (document), ==, N_FLAGGED);
  text = to_review_text (N_FLAGGED);
  g_assert_cmpstr (zb_report_bar_get_review_text (report_bar (window)), ==, text);
  g_assert_cmpuint (zb_outline_panel_get_to_review (outline, ZB_DOCUMENT_WHOLE_REPORT), ==, N_FLAGGED);
  g_assert_cmpuint (zb_outline_panel_get_to_review (outline, section_id (report, "生产")), ==, 3);
  g_assert_cmpuint (zb_outline_panel_get_to_review (outline, section_id (report, "需求")), ==, 3);
  check_marks (window);

  /* the flag's tooltip, on screen */
  {
    ZbFigure *flagged = NULL;
    GListModel *figures = zb_report_get_figures (report);
    gboolean shown = FALSE;

    for (guint i = 0; flagged == NULL && i < g_list_model_get_n_items (figures); i++)
      {
        g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);
        if (zb_figure_needs_review (f))
          flagged = f;
      }
    hover (gtk_widget_get_first_child (GTK_WIDGET (review_cell (window, flagged))));
    g_timeout_add (1200, stop_waiting, &shown);
    while (!shown)
      g_main_context_iteration (NULL, TRUE);
    save_screen (GTK_WIDGET (window), chinese_ui () ? "zhibiao-review-tooltip-zh_CN.png" : "zhibiao-review-tooltip.png");
  }

  /* "N to review" is the filter: the flagged figures only */
  toggle = find_named (GTK_WIDGET (report_bar (window)), "review-button");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  wait_frames (GTK_WIDGET (window), 3);
  g_assert_true (zb_figure_table_get_review_only (table));
  g_assert_cmpuint (n_table_rows (window), ==, N_FLAGGED);
  for (guint i = 0; i < n_table_rows (window); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (G_LIST_MODEL (zb_window_get_figure_selection (window)), i);
      g_assert_true (zb_figure_needs_review (f));
    }

  /* the clerk walks the queue from the first row, by the keyboard */
  first = g_list_model_get_item (G_LIST_MODEL (zb_window_get_figure_selection (window)), 0);
  g_object_unref (first);
  select_in_table (window, first);
  gtk_widget_grab_focus (GTK_WIDGET (zb_window_get_figure_view (window)));
  wait_frames (GTK_WIDGET (window), 2);
  for (left = N_FLAGGED; left > 0; left--)
    {
      ZbFigure *current = selected (window);
      g_autofree char *quote = highlighted (window);
      g_autofree char *label = NULL;

      g_assert_nonnull (current);
      g_assert_true (current != previous);
      g_assert_true (zb_figure_awaits_review (current));
      /* the source beside it shows where it was read */
      g_assert_cmpstr (quote, ==, zb_figure_get_quote (current));
      press_keys (GTK_WIDGET (window), left % 2 ? "space" : "<Control>Return");
      g_assert_true (zb_figure_get_reviewed (current));
      g_assert_cmpuint (zb_document_get_n_to_review (document), ==, left - 1);
      label = left > 1 ? to_review_text (left - 1) : g_strdup (_("All reviewed"));
      g_assert_cmpstr (zb_report_bar_get_review_text (report_bar (window)), ==, label);
      previous = current;
      if (left == 4)
        {
          ZbFigure *next = selected (window);

          /* halfway: the marks both ways, for the closing note */
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), FALSE);
          wait_frames (GTK_WIDGET (window), 5);
          save_screenshot (GTK_WIDGET (window), chinese_ui () ? "zhibiao-review-zh_CN.png" : "zhibiao-review.png");
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
          wait_frames (GTK_WIDGET (window), 3);
          select_in_table (window, next);
          gtk_widget_grab_focus (GTK_WIDGET (zb_window_get_figure_view (window)));
        }
    }
  g_assert_cmpuint (zb_outline_panel_get_to_review (outline, ZB_DOCUMENT_WHOLE_REPORT), ==, 0);

  /* the History pane has the mark, with who made it */
  {
    GtkListBox *list = zb_window_get_history_list (window);
    g_autofree char *expected = g_strdup_printf (_("%s: %s → %s"), _("Reviewed"), _("(empty)"), _("yes"));
    gboolean gave_up = FALSE;
    guint guard = g_timeout_add_seconds (20, stop_waiting, &gave_up);
    GtkListBoxRow *row;

    select_in_table (window, previous);
    while ((row = gtk_list_box_get_row_at_index (list, 0)) == NULL && !gave_up)
      g_main_context_iteration (NULL, TRUE);
    if (!gave_up)
      g_source_remove (guard);
    g_assert_nonnull (row);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, expected);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), g_get_user_name ()));
  }

  /* the mark is undone as an edit is */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpuint (zb_document_get_n_to_review (document), ==, 1);
  wait_frames (GTK_WIDGET (window), 3);
  close_window (window);

  /* kept in the workspace: a new window finds them reviewed */
  window = open_report (path);
  g_assert_cmpuint (zb_document_get_n_to_review (zb_window_get_document (window)), ==, 1);
  close_window (window);
}

/* Selects @quote in the source pane. */
static void
select_text (ZbWindow   *window,
             const char *quote)
{
  const char *text = zb_report_get_text (zb_window_get_report (window));
  const char *at = strstr (text, quote);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (zb_window_get_source_view (window));
  GtkTextIter start, end;

  g_assert_nonnull (at);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, g_utf8_pointer_to_offset (text, at));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, g_utf8_pointer_to_offset (text, at) + g_utf8_strlen (quote, -1));
  gtk_text_buffer_select_range (buffer, &start, &end);
}

/* The corrections and details sheets of a workbook, read back with openpyxl, as JSON. */
static char *
read_workbook (const char *path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-corrections.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, NULL));
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("check-corrections.py: %s", err);
  return out;
}

/* Add Figure reads the selection with the engine; the new row is selected
 * in the section shown; the addition is in History and in the workbook. */
static void
test_add_figure (void)
{
  g_autofree char *path = write_text ("add-report.txt", review_text);
  g_autofree char *xlsx = g_build_filename (g_get_user_data_dir (), "add-report.xlsx", NULL);
  g_autofree char *sheet = NULL;
  g_autoptr(GError) error = NULL;
  ZbWindow *window = open_report (path);
  ZbDocument *document = zb_window_get_document (window);
  ZbReport *report = zb_window_get_report (window);
  ZbFigureTable *table = zb_window_get_figure_table (window);
  int demand = section_id (report, "需求");
  g_autofree char *value = NULL;
  g_autofree char *change = NULL;
  GPtrArray *corrections;
  ZbFigure *added;
  guint before = g_list_model_get_n_items (zb_report_get_figures (report));

  /* the clerk looks at one section, the table filtered to the flagged figures */
  zb_document_set_section (document, demand);
  zb_figure_table_set_review_only (table, TRUE);
  wait_frames (GTK_WIDGET (window), 3);
  select_text (window, ADDED);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-figure", NULL);
  wait_frames (GTK_WIDGET (window), 3);

  g_assert_cmpuint (g_list_model_get_n_items (zb_report_get_figures (report)), ==, before + 1);
  added = zb_document_get_figure (document);
  g_assert_nonnull (added);
  g_assert_cmpstr (zb_figure_get_quote (added), ==, ADDED);
  /* what the engine reads in it */
  g_assert_cmpstr (zb_figure_get_name (added), ==, "网上零售额");
  value = zb_figure_dup_field (added, ZB_FIELD_VALUE);
  change = zb_figure_dup_field (added, ZB_FIELD_CHANGE);
  g_assert_cmpstr (value, ==, "26.4");
  g_assert_cmpstr (zb_figure_get_unit (added), ==, "亿元");
  g_assert_cmpstr (change, ==, "12.8");
  g_assert_cmpint (zb_figure_get_change_unit (added), ==, ZB_CHANGE_PERCENT);
  g_assert_cmpstr (zb_figure_get_period (added), ==, "1-9月");
  /* shown where the clerk was, selected: the filter that hid it is off */
  g_assert_cmpint (zb_document_get_section (document), ==, demand);
  g_assert_false (zb_figure_table_get_review_only (table));
  g_assert_true (selected (window) == added);
  g_assert_nonnull (zb_window_find_cell (window, added, ZB_FIELD_NAME));
  /* a hand-made figure is the clerk's: reviewed */
  g_assert_true (zb_figure_get_reviewed (added));

  /* its fields are corrections noted as an addition: in History */
  corrections = zb_figure_get_corrections (added);
  g_assert_cmpuint (corrections->len, >=, 5);
  for (guint i = 0; i < corrections->len; i++)
    g_assert_cmpstr (((ZbCorrection *) g_ptr_array_index (corrections, i))->note, ==, "added by hand");
  {
    GtkListBox *list = zb_window_get_history_list (window);
    gboolean gave_up = FALSE;
    guint guard = g_timeout_add_seconds (20, stop_waiting, &gave_up);
    GtkListBoxRow *row;

    while ((row = gtk_list_box_get_row_at_index (list, corrections->len - 1)) == NULL && !gave_up)
      g_main_context_iteration (NULL, TRUE);
    if (!gave_up)
      g_source_remove (guard);
    g_assert_nonnull (row);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), _("added by hand")));
  }
  /* one step undoes the addition */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (zb_report_get_figures (report)), ==, before);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (zb_report_get_figures (report)), ==, before + 1);
  wait_frames (GTK_WIDGET (window), 3);

  /* and in the workbook's corrections, in the workbook's words */
  g_assert_true (export_to (window, xlsx, &error));
  g_assert_no_error (error);
  sheet = read_workbook (xlsx);
  g_test_message ("corrections sheet: %s", sheet);
  g_assert_nonnull (strstr (sheet, "网上零售额"));
  g_assert_nonnull (strstr (sheet, chinese_ui () ? "手工添加" : "added by hand"));
  g_assert_nonnull (strstr (sheet, chinese_ui () ? "\"数值\"" : "\"Value\""));
  g_assert_null (strstr (sheet, "\"value\""));
  close_window (window);
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_label (GTK_LABEL (root)), text) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    if (has_label (c, text))
      return TRUE;
  return FALSE;
}

/* What the engine, the importer and the store say is said in the clerk's
 * language: a file that cannot be read, a value that cannot be taken. */
static void
test_errors_translated (void)
{
  g_autofree char *empty = g_build_filename (g_get_user_data_dir (), "empty.txt", NULL);
  g_autofree char *path = write_text ("errors-report.txt", review_text);
  g_autoptr(GFile) file = NULL;
  ZbWindow *window = new_window ();
  AdwStatusPage *page;
  ZbFigure *gdp;
  ZbFigureCell *cell;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  file = g_file_new_for_path (empty);
  zb_window_open (window, file);
  wait_loaded (window);
  page = ADW_STATUS_PAGE (find_by_type (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (strstr (adw_status_page_get_description (page), _("The file is empty")));
  if (chinese_ui ())
    g_assert_nonnull (strstr (adw_status_page_get_description (page), "文件是空的"));
  close_window (window);

  window = open_report (path);
  gdp = find_actual (zb_window_get_report (window), "样例县地区生产总值");
  g_assert_nonnull (gdp);
  select_in_table (window, gdp);
  cell = zb_window_find_cell (window, gdp, ZB_FIELD_VALUE);
  zb_figure_cell_start_editing (cell);
  gtk_editable_set_text (zb_figure_cell_get_editable (cell), "abc");
  gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (zb_figure_cell_get_editable (cell)), TRUE);
  wait_frames (GTK_WIDGET (window), 3);
  g_assert_true (has_label (GTK_WIDGET (window), chinese_ui () ? "“abc”不是数字" : "“abc” is not a number"));
  close_window (window);
}

/* A Chinese tooltip is as wide as a line of text, not a few characters. */
static void
test_tooltip_width (void)
{
  const char *text = "请核对这个数字：名称列表与数字列表的个数不符，数字可能配错了名称，请与原文核对后再用。";
  GtkWidget *label = g_object_ref_sink (zb_message_tooltip_label_new (text));
  GtkWidget *probe = g_object_ref_sink (gtk_label_new ("中"));
  int min, nat, one, lines_height, line_height;

  gtk_widget_measure (probe, GTK_ORIENTATION_HORIZONTAL, -1, &one, NULL, NULL, NULL);
  gtk_widget_measure (probe, GTK_ORIENTATION_VERTICAL, -1, &line_height, NULL, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_test_message ("one character %d px; tooltip min %d, natural %d", one, min, nat);
  /* even at its narrowest, more than twenty characters a line */
  g_assert_cmpint (min, >=, 20 * one);
  /* at its natural width, a long text takes few lines */
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, nat, &lines_height, NULL, NULL, NULL);
  g_assert_cmpint (lines_height, <=, 3 * line_height);
  g_object_unref (label);
  g_object_unref (probe);
}

/* Our own: one indicator, three periods. */
static const char periods_text[] =
  "样例县2031年前三季度经济运行情况\n"
  "\n"
  "一、总体\n"
  "一季度，全县地区生产总值增长4.0%。\n"
  "上半年，全县地区生产总值增长4.6%。\n"
  "前三季度，全县地区生产总值增长5.1%。\n";

static ZbFigure *
figure_of_period (ZbReport   *report,
                  const char *period)
{
  GListModel *figures = zb_report_get_figures (report);

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);

      if (g_strcmp0 (zb_figure_get_period (f), period) == 0)
        return f;
    }
  g_assert_not_reached ();
}

/* The growth target the ledger holds @figure to, NAN when none. */
static double
target_of (ZbWindow *window,
           ZbFigure *figure)
{
  const ZbAssessment *a;

  wait_assessed (window);
  a = zb_document_get_assessment (zb_window_get_document (window), figure);
  g_assert_nonnull (a);
  return a->target != NULL && a->target->growth.set ? a->target->growth.value : NAN;
}

static guint
n_remove_buttons (ZbTargetsView *view)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  guint n = 0;

  g_ptr_array_add (stack, view);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      n += GTK_IS_BUTTON (w) && g_strcmp0 (gtk_widget_get_name (w), "remove-target") == 0;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  return n;
}

static void
type_entry (GtkWidget  *root,
            const char *name,
            const char *text)
{
  GtkWidget *entry = find_named (root, name);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/* A typed target applies to its indicator's figures of the period kind
 * and year it was typed for, is listed, and can be taken away; the
 * report's year and region are shown, set and kept. */
static void
test_typed_targets (void)
{
  g_autofree char *path = write_text ("periods-report.txt", periods_text);
  ZbWindow *window = open_report (path);
  ZbReport *report = zb_window_get_report (window);
  ZbTargetsView *view = zb_window_get_targets_view (window);
  ZbFigure *q1 = figure_of_period (report, "一季度");
  ZbFigure *h1 = figure_of_period (report, "上半年");
  ZbFigure *q3 = figure_of_period (report, "前三季度");
  ZbReportBar *bar = report_bar (window);
  g_autofree char *place = NULL;
  ZbFigureCell *cell;

  /* the year and region the report is taken to be about */
  place = g_strdup_printf (_("%s · %s"), "2031", "样例县");
  g_assert_cmpstr (zb_report_bar_get_place_text (bar), ==, place);
  g_assert_true (isnan (target_of (window, q1)));

  /* 5 typed into the first quarter's Target cell: the first quarter's only */
  select_in_table (window, q1);
  cell = zb_window_find_cell (window, q1, ZB_FIELD_TARGET);
  zb_figure_cell_start_editing (cell);
  gtk_editable_set_text (zb_figure_cell_get_editable (cell), "5");
  gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (zb_figure_cell_get_editable (cell)), TRUE);
  g_assert_cmpfloat (target_of (window, q1), ==, 5.0);
  g_assert_true (isnan (target_of (window, h1)));
  g_assert_true (isnan (target_of (window, q3)));

  /* a target for the half year, from the form: the report's year is filled in */
  gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (view))), "targets");
  wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (GTK_WIDGET (view), "year"))), ==, "2031");
  type_entry (GTK_WIDGET (view), "indicator", "地区生产总值");
  type_entry (GTK_WIDGET (view), "period", "1-6月");
  type_entry (GTK_WIDGET (view), "growth", "4.5");
  g_assert_true (zb_targets_view_submit (view, NULL));
  g_assert_cmpfloat (target_of (window, h1), ==, 4.5);
  g_assert_cmpfloat (target_of (window, q1), ==, 5.0);
  g_assert_true (isnan (target_of (window, q3)));
  /* each is shown with its period, with a way to take it away; no conflict */
  {
    g_autoptr(GPtrArray) conflicts = zb_ledger_get_conflicts (zb_document_get_ledger (zb_window_get_document (window)));
    g_assert_cmpuint (conflicts->len, ==, 0);
  }
  g_assert_cmpuint (n_remove_buttons (view), ==, 2);
  save_screenshot (GTK_WIDGET (window), chinese_ui () ? "zhibiao-typed-targets-zh_CN.png" : "zhibiao-typed-targets.png");

  /* the report is about another year: the 2031 targets do not apply */
  gtk_popover_popup (zb_report_bar_get_place_popover (bar));
  wait_frames (GTK_WIDGET (window), 2);
  type_entry (GTK_WIDGET (zb_report_bar_get_place_popover (bar)), "year", "2032");
  g_assert_true (zb_report_bar_submit (bar, NULL));
  g_clear_pointer (&place, g_free);
  place = g_strdup_printf (_("%s · %s"), "2032", "样例县");
  g_assert_cmpstr (zb_report_bar_get_place_text (bar), ==, place);
  g_assert_true (isnan (target_of (window, h1)));
  /* kept in the workspace */
  close_window (window);
  window = open_report (path);
  bar = report_bar (window);
  report = zb_window_get_report (window);
  g_assert_cmpstr (zb_report_bar_get_place_text (bar), ==, place);
  h1 = figure_of_period (report, "上半年");
  q1 = figure_of_period (report, "一季度");
  g_assert_true (isnan (target_of (window, h1)));
  /* as the report says, again */
  gtk_popover_popup (zb_report_bar_get_place_popover (bar));
  wait_frames (GTK_WIDGET (window), 2);
  g_signal_emit_by_name (find_named (GTK_WIDGET (zb_report_bar_get_place_popover (bar)), "reset-place"), "clicked");
  g_assert_cmpfloat (target_of (window, h1), ==, 4.5);

  /* taken away, from the Targets view: both, and from the workspace too */
  view = zb_window_get_targets_view (window);
  while (n_remove_buttons (view) > 0)
    {
      guint before = n_remove_buttons (view);

      g_signal_emit_by_name (find_named (GTK_WIDGET (view), "remove-target"), "clicked");
      wait_assessed (window);
      g_assert_cmpuint (n_remove_buttons (view), ==, before - 1);
    }
  g_assert_true (isnan (target_of (window, h1)));
  g_assert_true (isnan (target_of (window, q1)));
  close_window (window);
  window = open_report (path);
  report = zb_window_get_report (window);
  g_assert_true (isnan (target_of (window, figure_of_period (report, "上半年"))));
  g_assert_true (isnan (target_of (window, figure_of_period (report, "一季度"))));
  close_window (window);
}

/* The row menu from the keyboard; Tab out of the table, through the outline
 * and the source, with the focus shown; the arrows move the selection. */
static void
test_keyboard (void)
{
  g_autofree char *path = write_text ("keys-report.txt", review_text);
  ZbWindow *window = open_report (path);
  ZbFigureTable *table = zb_window_get_figure_table (window);
  GtkWidget *view = GTK_WIDGET (zb_window_get_figure_view (window));
  GtkWidget *outline = find_by_type (GTK_WIDGET (zb_window_get_outline_panel (window)), GTK_TYPE_LIST_VIEW);
  GtkWidget *source = GTK_WIDGET (zb_window_get_source_view (window));
  gboolean reached_outline = FALSE, reached_source = FALSE, left_table = FALSE;
  g_autoptr(ZbFigure) first = NULL;
  g_autoptr(ZbFigure) second = NULL;

  if (!can_press_keys ())
    {
      g_test_skip ("no XTest to type with (libXtst.so.6)");
      close_window (window);
      return;
    }
  first = g_list_model_get_item (G_LIST_MODEL (zb_window_get_figure_selection (window)), 0);
  second = g_list_model_get_item (G_LIST_MODEL (zb_window_get_figure_selection (window)), 1);
  select_in_table (window, first);
  gtk_widget_grab_focus (view);
  wait_frames (GTK_WIDGET (window), 2);

  /* the arrows select, and the panes follow */
  press_keys (GTK_WIDGET (window), "Down");
  g_assert_true (selected (window) == second);
  g_assert_true (zb_document_get_figure (zb_window_get_document (window)) == second);
  press_keys (GTK_WIDGET (window), "Up");
  g_assert_true (selected (window) == first);

  /* the Menu key and Shift+F10 open the row's menu */
  press_keys (GTK_WIDGET (window), "Menu");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (zb_figure_table_get_row_menu (table))));
  press_keys (GTK_WIDGET (window), "Escape");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (zb_figure_table_get_row_menu (table))));
  gtk_widget_grab_focus (view);
  press_keys (GTK_WIDGET (window), "<Shift>F10");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (zb_figure_table_get_row_menu (table))));
  press_keys (GTK_WIDGET (window), "Escape");

  /* Tab goes on to the other panes, and the focus ring shows */
  gtk_widget_grab_focus (view);
  for (guint i = 0; i < 40 && !(reached_outline && reached_source); i++)
    {
      GtkWidget *focus;

      press_keys (GTK_WIDGET (window), "Tab");
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_nonnull (focus);
      left_table |= !gtk_widget_is_ancestor (focus, GTK_WIDGET (table));
      reached_outline |= focus == outline || gtk_widget_is_ancestor (focus, outline);
      reached_source |= focus == source;
    }
  g_assert_true (left_table);
  g_assert_true (reached_outline);
  g_assert_true (reached_source);
  g_assert_true (gtk_window_get_focus_visible (GTK_WINDOW (window)));
  close_window (window);
}

/* The shortcuts window lists what the clerk can do by key. */
static void
test_shortcuts (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/zhibiao/Zhibiao/gtk/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  const char *wanted[][2] = {
    { N_("New workspace"), NULL },
    { N_("Add a figure from the selected text"), NULL },
    { N_("Mark reviewed and go to the next figure to review"), "space" },
    { N_("Open the menu of the selected row"), "Menu" },
  };
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  guint found = 0;

  g_assert_nonnull (overlay);
  g_ptr_array_add (stack, overlay);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_SHORTCUTS_SHORTCUT (w))
        {
          g_autofree char *title = NULL;
          g_autofree char *accel = NULL;

          g_object_get (w, "title", &title, "accelerator", &accel, NULL);
          for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
            if (g_strcmp0 (title, _(wanted[i][0])) == 0)
              {
                g_assert_true (accel != NULL && *accel != '\0');
                if (wanted[i][1] != NULL)
                  g_assert_nonnull (strstr (accel, wanted[i][1]));
                found |= 1u << i;
              }
        }
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  g_assert_cmphex (found, ==, (1u << G_N_ELEMENTS (wanted)) - 1);
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  /* a workspace of the test's own: never the user's */
  data_home = g_dir_make_tmp ("zhibiao-review-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/app/review/queue", test_queue);
  g_test_add_func ("/app/review/add-figure", test_add_figure);
  g_test_add_func ("/app/review/keyboard", test_keyboard);
  g_test_add_func ("/app/review/errors-translated", test_errors_translated);
  g_test_add_func ("/app/review/tooltip-width", test_tooltip_width);
  g_test_add_func ("/app/review/typed-targets", test_typed_targets);
  g_test_add_func ("/app/review/shortcuts", test_shortcuts);
  status = g_test_run ();

  {
    g_autoptr(GFile) dir = g_file_new_for_path (data_home);
    remove_tree (dir);
  }
  return status;
}
