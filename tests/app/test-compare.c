/* test-compare.c — the Compare page driven through its models (run under xvfb-run)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workspace holds the reports written for tests/compare: 临江县's
 * 1-3月, 上半年 and 1-9月, and 青山区's and 白沙县's 上半年.
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "app-test.h"
#include "zb-compare-page-private.h"

typedef gboolean (*Condition) (gpointer data);

static gboolean
time_is_up (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done says so, at most @seconds. */
static void
wait_until (Condition done,
            gpointer  data,
            guint     seconds)
{
  gboolean late = FALSE;
  guint timeout = g_timeout_add_seconds (seconds, time_is_up, &late);

  while (!done (data) && !late)
    g_main_context_iteration (NULL, TRUE);
  if (!late)
    g_source_remove (timeout);
  g_assert_false (late);
}

static gboolean
frame_counted (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  return --*(int *) data > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
no_frames_left (gpointer data)
{
  return *(int *) data <= 0;
}

static void
let_draw (GtkWidget *widget,
          int        frames)
{
  gtk_widget_add_tick_callback (widget, frame_counted, &frames, NULL);
  gtk_widget_queue_draw (widget);
  wait_until (no_frames_left, &frames, 20);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
page_idle (gpointer page)
{
  return !zb_compare_page_get_busy (page);
}

static gboolean
window_idle (gpointer window)
{
  ZbDocument *document = zb_window_get_document (window);

  return !zb_window_get_loading (window) && (document == NULL || !zb_document_get_assessing (document));
}

static ZbComparePage *
show_compare (ZbWindow *window)
{
  ZbComparePage *page = zb_window_get_compare_page (window);

  g_object_set (window, "showing-compare", TRUE, NULL);
  let_draw (GTK_WIDGET (window), 2);
  wait_until (page_idle, page, 30);
  let_draw (GTK_WIDGET (window), 3);
  return page;
}

/* Chooses as the clerk does: what to put side by side, then the region or
 * period in the dropdown that lists them. */
static void
choose (ZbComparePage *page,
        ZbCompareBy    by,
        const char    *key)
{
  GtkDropDown *keys = zb_compare_page_get_key_dropdown (page);
  GListModel *labels;
  guint found = GTK_INVALID_LIST_POSITION;

  gtk_drop_down_set_selected (zb_compare_page_get_by_dropdown (page), by == ZB_COMPARE_BY_PERIOD ? 1 : 0);
  labels = gtk_drop_down_get_model (keys);
  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(GtkStringObject) label = g_list_model_get_item (labels, i);

      /* "临江县 (3 reports)", "2025年1-6月（3 份报告）" */
      if (g_str_has_prefix (gtk_string_object_get_string (label), key))
        found = i;
    }
  g_assert_cmpuint (found, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (keys, found);
  wait_until (page_idle, page, 30);
  let_draw (GTK_WIDGET (page), 3);
}

/* Ticks or unticks a report's check in the list. */
static void
tick (ZbComparePage *page,
      gint64         report_id,
      gboolean       active)
{
  GtkCheckButton *check = zb_compare_page_get_report_check (page, report_id);

  g_assert_nonnull (check);
  gtk_check_button_set_active (check, active);
  wait_until (page_idle, page, 30);
  let_draw (GTK_WIDGET (page), 2);
}

/* @name with the language's suffix ("compare-region-zh_CN.png") */
static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *file = g_strdup_printf ("%s%s%s.png", name, language && *language ? "-" : "",
                                           language ? language : "");

  save_screenshot (widget, file);
}

static guint
column_of (ZbComparison *comparison,
           const char   *region)
{
  for (guint i = 0; i < zb_comparison_get_n_columns (comparison); i++)
    if (g_strcmp0 (zb_comparison_get_column (comparison, i)->region, region) == 0)
      return i;
  g_assert_not_reached ();
}

static ZbComparisonRow *
row_at (ZbComparePage *page,
        guint          position)
{
  g_autoptr(ZbComparisonRow) row = g_list_model_get_item (G_LIST_MODEL (zb_compare_page_get_selection (page)),
                                                          position);
  return row;   /* the comparison keeps it */
}

static guint
n_shown (ZbComparePage *page)
{
  return g_list_model_get_n_items (G_LIST_MODEL (zb_compare_page_get_selection (page)));
}

static guint
position_of (ZbComparePage   *page,
             ZbComparisonRow *row)
{
  for (guint i = 0; i < n_shown (page); i++)
    if (row_at (page, i) == row)
      return i;
  g_assert_not_reached ();
}

/* Clicks @row's cell of @column as the clerk would: where the grid draws it. */
static void
click_cell (ZbComparePage   *page,
            ZbComparisonRow *row,
            guint            column)
{
  ZbCompareGrid *grid = zb_compare_page_get_grid (page);
  guint position = position_of (page, row), picked_position = 0;
  graphene_rect_t area;
  int picked = -1;

  g_assert_true (zb_compare_grid_scroll_to (grid, position, column));
  let_draw (GTK_WIDGET (page), 2);
  g_assert_true (zb_compare_grid_get_cell_area (grid, position, column, &area));
  g_assert_cmpint (zb_compare_grid_pick (grid, area.origin.x + area.size.width / 2, area.origin.y + area.size.height / 2,
                                         &picked_position, &picked), ==, ZB_COMPARE_GRID_CELL);
  g_assert_cmpuint (picked_position, ==, position);
  g_assert_cmpint (picked, ==, column);
  zb_compare_grid_activate_cell (grid, picked_position, picked);
}

typedef struct {
  ZbWindow *window;
  gint64    report_id;
} Opened;

static gboolean
report_open (gpointer data)
{
  Opened *o = data;

  return window_idle (o->window) && zb_window_get_report_id (o->window) == o->report_id;
}

static gboolean
corrections_stored (gpointer window)
{
  ZbDocument *document = zb_window_get_document (window);
  ZbFigure *figure = zb_document_get_figure (document);

  return figure != NULL && zb_document_is_saved (document, figure);
}

static gboolean
file_written (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* A period's regions, ranked; sorting, the filter, the chart, and a cell
 * opening its report at its figure. */
static void
test_by_period (void)
{
  ZbWindow *window = zb_window_new (NULL);
  ZbComparePage *page;
  ZbComparison *comparison;
  ZbComparisonRow *gdp;
  const ZbComparisonCell *shown;
  g_autofree char *text = NULL;
  guint qingshan, linjiang;
  Opened opened;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 800);
  gtk_window_present (GTK_WINDOW (window));
  page = show_compare (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (page)))), ==,
                   "compare");
  /* every report of the workspace, and its regions to choose from */
  {
    guint n = 0;

    for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (zb_compare_page_get_report_list (page))); row;
         row = gtk_widget_get_next_sibling (row))
      n++;
    g_assert_cmpuint (n, ==, 5);
    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (zb_compare_page_get_key_dropdown (page))),
                      ==, 3);
  }

  choose (page, ZB_COMPARE_BY_PERIOD, "2025年1-6月");
  comparison = zb_compare_page_get_comparison (page);
  g_assert_nonnull (comparison);
  g_assert_cmpuint (zb_comparison_get_n_columns (comparison), ==, 3);
  g_assert_true (zb_comparison_get_ranked (comparison));
  /* the view's model is the comparison: GDP first, its cells ranked */
  gdp = row_at (page, 0);
  g_assert_cmpstr (zb_comparison_row_get_indicator (gdp), ==, "地区生产总值");
  qingshan = column_of (comparison, "青山区");
  linjiang = column_of (comparison, "临江县");
  text = zb_compare_grid_dup_cell_text (gdp, qingshan);
  g_test_message ("青山区's GDP cell: %s", text);
  g_assert_nonnull (strstr (text, "287.2 亿元"));
  g_assert_nonnull (strstr (text, "6.9%"));
  g_assert_cmpuint (zb_comparison_row_get_cell (gdp, qingshan)->rank_growth, ==, 1);
  gtk_single_selection_set_selected (zb_compare_page_get_selection (page), 0);
  let_draw (GTK_WIDGET (page), 2);
  /* the selected row's chart: one point a report */
  g_assert_nonnull (zb_chart_view_get_chart (zb_compare_page_get_chart_view (page)));
  g_assert_cmpuint (zb_chart_get_n_categories (zb_chart_view_get_chart (zb_compare_page_get_chart_view (page))), ==, 3);
  screenshot (GTK_WIDGET (window), "compare-period");

  /* sorted by 青山区's growth, highest first; empty cells last */
  {
    ZbCompareGrid *grid = zb_compare_page_get_grid (page);
    double last = G_MAXDOUBLE;
    gboolean empty = FALSE;
    graphene_rect_t area;
    int column = -1;

    /* the heading is where the grid says it is */
    g_assert_true (zb_compare_grid_get_cell_area (grid, 0, qingshan, &area));
    g_assert_cmpint (zb_compare_grid_pick (grid, area.origin.x + 4, 4, NULL, &column), ==, ZB_COMPARE_GRID_HEADER);
    g_assert_cmpint (column, ==, qingshan);
    zb_compare_grid_sort_by (grid, qingshan, TRUE);
    let_draw (GTK_WIDGET (page), 2);
    for (guint i = 0; i < n_shown (page); i++)
      {
        const ZbComparisonCell *c = zb_comparison_row_get_cell (row_at (page, i), qingshan);

        if (c == NULL || !zb_figure_get_change (c->assessment->figure)->set)
          {
            empty = TRUE;
            continue;
          }
        g_assert_false (empty);
        g_assert_cmpfloat (zb_figure_get_change (c->assessment->figure)->value, <=, last);
        last = zb_figure_get_change (c->assessment->figure)->value;
      }
    zb_compare_grid_sort_by (grid, ZB_COMPARE_GRID_UNSORTED, FALSE);
    g_assert_true (row_at (page, 0) == gdp);
  }

  /* the filter, by any part of the name */
  zb_compare_page_set_filter_text (page, "固定");
  g_assert_cmpuint (n_shown (page), ==, 1);
  g_assert_cmpstr (zb_comparison_row_get_indicator (row_at (page, 0)), ==, "固定资产投资");
  zb_compare_page_set_filter_text (page, NULL);
  g_assert_cmpuint (n_shown (page), ==, g_list_model_get_n_items (G_LIST_MODEL (comparison)));

  /* a click on 临江县's GDP opens that report at that figure */
  shown = zb_comparison_row_get_cell (gdp, linjiang);
  opened = (Opened) { window, zb_comparison_get_column (comparison, linjiang)->report_id };
  click_cell (page, gdp, linjiang);
  wait_until (report_open, &opened, 30);
  let_draw (GTK_WIDGET (window), 3);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (page)))), ==,
                   "report");
  g_assert_nonnull (zb_document_get_figure (zb_window_get_document (window)));
  g_assert_cmpint (zb_figure_get_id (zb_document_get_figure (zb_window_get_document (window))), ==,
                   zb_figure_get_id (shown->assessment->figure));
  g_assert_true (gtk_single_selection_get_selected_item (zb_window_get_figure_selection (window)) ==
                 zb_document_get_figure (zb_window_get_document (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A region's periods, ticking by hand, and a correction made in the report
 * shown in the comparison and its workbook. */
static void
test_by_region (void)
{
  ZbWindow *window = zb_window_new (NULL);
  g_autofree char *xlsx = g_build_filename (g_get_user_data_dir (), "compare.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (xlsx);
  g_autoptr(GError) error = NULL;
  ZbComparePage *page;
  ZbComparison *comparison;
  ZbComparisonRow *invest;
  gint64 q3;
  Opened opened;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 800);
  gtk_window_present (GTK_WINDOW (window));
  page = show_compare (window);
  choose (page, ZB_COMPARE_BY_REGION, "临江县");
  comparison = zb_compare_page_get_comparison (page);
  g_assert_cmpuint (zb_comparison_get_n_columns (comparison), ==, 3);
  g_assert_false (zb_comparison_get_ranked (comparison));
  g_assert_cmpstr (zb_comparison_get_column (comparison, 0)->period, ==, "2025年1-3月");
  g_assert_cmpstr (zb_comparison_get_column (comparison, 2)->period, ==, "2025年1-9月");
  screenshot (GTK_WIDGET (window), "compare-region");

  /* by hand: the 1-9月 report unticked */
  q3 = zb_comparison_get_column (comparison, 2)->report_id;
  tick (page, q3, FALSE);
  comparison = zb_compare_page_get_comparison (page);
  g_assert_cmpuint (zb_comparison_get_n_columns (comparison), ==, 2);
  g_assert_cmpuint (gtk_drop_down_get_selected (zb_compare_page_get_key_dropdown (page)), ==, GTK_INVALID_LIST_POSITION);
  tick (page, q3, TRUE);
  g_assert_cmpuint (gtk_drop_down_get_selected (zb_compare_page_get_key_dropdown (page)), !=, GTK_INVALID_LIST_POSITION);
  comparison = zb_compare_page_get_comparison (page);
  g_assert_cmpint (zb_comparison_get_column (comparison, 2)->report_id, ==, q3);

  /* the 上半年 固定资产投资, corrected in its report */
  invest = zb_comparison_find_row (comparison, "固定资产投资", NULL);
  opened = (Opened) { window, zb_comparison_get_column (comparison, 1)->report_id };
  click_cell (page, invest, 1);
  wait_until (report_open, &opened, 30);
  g_assert_true (zb_document_correct (zb_window_get_document (window),
                                      zb_document_get_figure (zb_window_get_document (window)),
                                      ZB_FIELD_CHANGE, "9.8", &error));
  g_assert_no_error (error);
  wait_until (corrections_stored, window, 30);

  page = show_compare (window);
  /* listed again: the region still says what is chosen */
  g_assert_cmpuint (gtk_drop_down_get_selected (zb_compare_page_get_key_dropdown (page)), !=, GTK_INVALID_LIST_POSITION);
  comparison = zb_compare_page_get_comparison (page);
  invest = zb_comparison_find_row (comparison, "固定资产投资", NULL);
  g_assert_cmpfloat (zb_figure_get_change (zb_comparison_row_get_cell (invest, 1)->assessment->figure)->value, ==, 9.8);
  g_assert_cmpint (zb_comparison_row_get_cell (invest, 1)->assessment->status, ==, ZB_STATUS_AHEAD);
  g_assert_true (zb_compare_grid_cell_is_corrected (invest, 1));
  g_assert_false (zb_compare_grid_cell_is_corrected (invest, 0));
  click_cell (page, invest, 1);
  wait_until (report_open, &opened, 30);
  page = show_compare (window);
  screenshot (GTK_WIDGET (window), "compare-corrected");

  /* the comparison's workbook, as compare.export writes it */
  g_unlink (xlsx);
  zb_compare_page_export (page, file, TRUE);
  wait_until (file_written, xlsx, 30);
  {
    g_autofree char *bytes = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (xlsx, &bytes, &length, NULL));
    g_assert_cmpuint (length, >, 4);
    g_assert_true (memcmp (bytes, "PK", 2) == 0);
  }
  /* and the meeting workbook of the reports chosen */
  {
    g_autofree char *reports = g_build_filename (g_get_user_data_dir (), "reports.xlsx", NULL);
    g_autoptr(GFile) reports_file = g_file_new_for_path (reports);

    g_unlink (reports);
    zb_compare_page_export (page, reports_file, FALSE);
    wait_until (file_written, reports, 30);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The page's words in the UI's language. */
static void
test_language (void)
{
  const char *language = g_getenv ("LANGUAGE");
  gboolean chinese = language != NULL && g_str_has_prefix (language, "zh");
  ZbWindow *window = zb_window_new (NULL);
  ZbComparePage *page;
  GtkLabel *title;

  gtk_window_present (GTK_WINDOW (window));
  page = show_compare (window);
  /* the page's heading, from its template */
  title = GTK_LABEL (gtk_widget_get_first_child (gtk_widget_get_first_child (
                       gtk_paned_get_start_child (GTK_PANED (gtk_widget_get_first_child (GTK_WIDGET (page)))))));
  (void) title;
  g_assert_cmpstr (_("Choose Reports to Compare"), ==, chinese ? "选择要对比的报告" : "Choose Reports to Compare");
  g_assert_cmpstr (_("Indicator"), ==, chinese ? "指标" : "Indicator");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
import_reports (void)
{
  static const char *names[] = {
    "linjiang-2025-q3.txt", "baisha-2025-h1.txt", "linjiang-2025-h1.txt", "qingshan-2025-h1.txt",
    "linjiang-2025-q1.txt",
  };
  g_autofree char *path = zb_store_dup_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbStore) store = NULL;

  g_mkdir_with_parents (dir, 0700);
  store = zb_store_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *file = g_build_filename (REPORTS_DIR, names[i], NULL);
      g_autoptr(GFile) gfile = g_file_new_for_path (file);
      g_autoptr(ZbReport) report = zb_report_new_from_file (gfile, NULL, &error);
      gint64 id;

      g_assert_no_error (error);
      g_assert_true (zb_store_import_report (store, report, &id, NULL, &error));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  /* a workspace of the test's own: never the user's */
  data_home = zb_test_init (&argc, &argv, "zhibiao-compare-XXXXXX");
  import_reports ();

  g_test_add_func ("/app/compare/by-period", test_by_period);
  g_test_add_func ("/app/compare/by-region", test_by_region);
  g_test_add_func ("/app/compare/language", test_language);
  status = g_test_run ();
  zb_test_finish (data_home);
  return status;
}
