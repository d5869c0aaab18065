/* test-comparison.c — the comparison model, from reports and from a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reports in reports/ are written for these tests: one county's three
 * quarterly reports (临江县: 1-3月, 上半年, 1-9月) and three regions'
 * 上半年 reports (临江县, 青山区, 白沙县), the first report of each region
 * stating its year's targets.
 */
#include <glib/gstdio.h>
#include <math.h>

#include "zb-comparison-fill.h"

static ZbReport *
read_report (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reports", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ZbReport *report = zb_report_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return report;
}

typedef struct {
  char    *dir;
  ZbStore *store;
  gint64   q1, h1, q3, qingshan, baisha;
} Workspace;

static gint64
import (Workspace  *w,
        const char *name)
{
  g_autoptr(ZbReport) report = read_report (name);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (zb_store_import_report (w->store, report, &id, NULL, &error));
  g_assert_no_error (error);
  return id;
}

static void
workspace_open (Workspace *w)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  w->dir = g_dir_make_tmp ("zhibiao-compare-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (w->dir, "workspace.zhibiao", NULL);
  w->store = zb_store_open (path, &error);
  g_assert_no_error (error);
  /* imported out of order: the comparison orders them */
  w->q3 = import (w, "linjiang-2025-q3.txt");
  w->baisha = import (w, "baisha-2025-h1.txt");
  w->h1 = import (w, "linjiang-2025-h1.txt");
  w->qingshan = import (w, "qingshan-2025-h1.txt");
  w->q1 = import (w, "linjiang-2025-q1.txt");
}

static void
workspace_close (Workspace *w)
{
  g_autofree char *path = g_build_filename (w->dir, "workspace.zhibiao", NULL);

  g_clear_object (&w->store);
  g_unlink (path);
  g_rmdir (w->dir);
  g_free (w->dir);
}

static ZbComparison *
compare (Workspace   *w,
         ZbCompareBy  by,
         const char  *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listed = zb_store_list_reports (w->store, &error);
  g_autoptr(GArray) ids = NULL;
  ZbComparison *comparison;

  g_assert_no_error (error);
  ids = zb_comparison_select (listed, by, key);
  comparison = zb_comparison_new_from_store (w->store, (gint64 *) ids->data, ids->len, NULL, &error);
  g_assert_no_error (error);
  return comparison;
}

static const ZbComparisonCell *
cell (ZbComparison *comparison,
      const char   *name,
      const char   *area,
      guint         column)
{
  ZbComparisonRow *row = zb_comparison_find_row (comparison, name, area);

  g_assert_nonnull (row);
  return zb_comparison_row_get_cell (row, column);
}

static double
growth (const ZbComparisonCell *c)
{
  g_assert_nonnull (c);
  return zb_figure_get_change (c->assessment->figure)->value;
}

/* What the workspace lists the reports by, as written in their titles. */
static void
test_region_and_period (void)
{
  static const struct { const char *file, *region, *period; } cases[] = {
    { "linjiang-2025-q1.txt", "临江县", "2025年1-3月" },
    { "linjiang-2025-h1.txt", "临江县", "2025年1-6月" },
    { "linjiang-2025-q3.txt", "临江县", "2025年1-9月" },
    { "qingshan-2025-h1.txt", "青山区", "2025年上半年" },
    /* the date first, the region after it */
    { "baisha-2025-h1.txt", "白沙县", "2025年1-6月" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ZbReport) report = read_report (cases[i].file);
      g_autofree char *region = zb_report_dup_region (report);
      g_autofree char *period = zb_report_dup_main_period (report);

      g_assert_cmpstr (region, ==, cases[i].region);
      g_assert_cmpstr (period, ==, cases[i].period);
    }
  /* titles that name no region */
  {
    static const char *none[] = { "全市经济运行情况", "某某市长在全市经济工作会议上的讲话", "各地区经济工作会议讲话合集",
                                  "前言", "2025年上半年经济运行简况" };
    for (guint i = 0; i < G_N_ELEMENTS (none); i++)
      {
        g_autofree char *region = zb_report_region_from_title (none[i]);
        g_assert_null (region);
      }
  }
}

/* One region's quarters: in time order, each figure its own period's. */
static void
test_by_region (void)
{
  Workspace w = { 0 };
  g_autoptr(ZbComparison) c = NULL;
  const ZbComparisonCell *q3;

  workspace_open (&w);
  c = compare (&w, ZB_COMPARE_BY_REGION, "临江县");
  g_assert_cmpuint (zb_comparison_get_n_columns (c), ==, 3);
  g_assert_cmpint (zb_comparison_get_column (c, 0)->report_id, ==, w.q1);
  g_assert_cmpint (zb_comparison_get_column (c, 1)->report_id, ==, w.h1);
  g_assert_cmpint (zb_comparison_get_column (c, 2)->report_id, ==, w.q3);
  g_assert_cmpstr (zb_comparison_get_column (c, 1)->label, ==, "临江县 2025年1-6月");
  /* quarters of one region are not ranked against each other */
  g_assert_false (zb_comparison_get_ranked (c));

  g_assert_cmpfloat (growth (cell (c, "地区生产总值", NULL, 0)), ==, 5.8);
  g_assert_cmpfloat (growth (cell (c, "地区生产总值", NULL, 1)), ==, 6.3);
  /* the 1-9月 report's 三季度 figure is not its 1-9月 figure */
  q3 = cell (c, "地区生产总值", NULL, 2);
  g_assert_cmpfloat (growth (q3), ==, 6.6);
  g_assert_cmpstr (zb_figure_get_period (q3->assessment->figure), ==, "1-9月");
  /* an alias (规上工业增加值) is its canonical indicator's row */
  g_assert_cmpfloat (growth (cell (c, "规模以上工业增加值", NULL, 1)), ==, 8.1);
  g_assert_true (zb_comparison_find_row (c, "规上工业增加值", NULL) == zb_comparison_find_row (c, "规模以上工业增加值", NULL));
  /* the targets of the 1-3月 report apply to the later quarters */
  g_assert_nonnull (q3->assessment->target);
  g_assert_cmpfloat (q3->assessment->target->growth.value, ==, 7);
  g_assert_cmpint (q3->assessment->status, ==, ZB_STATUS_ON_TRACK);
  g_assert_cmpint (cell (c, "地区生产总值", NULL, 0)->assessment->status, ==, ZB_STATUS_BEHIND);
  /* a benchmark is a row of its own, after its indicator's */
  {
    ZbComparisonRow *own = zb_comparison_find_row (c, "地区生产总值", NULL);
    ZbComparisonRow *province = zb_comparison_find_row (c, "地区生产总值", "全省");

    g_assert_nonnull (province);
    g_assert_cmpuint (zb_comparison_row_get_position (province), ==, zb_comparison_row_get_position (own) + 1);
    g_assert_cmpstr (zb_comparison_row_get_label (province), ==, "地区生产总值（全省）");
    g_assert_cmpfloat (growth (zb_comparison_row_get_cell (province, 1)), ==, 5.6);
    /* missing cells are empty, never guessed */
    g_assert_null (zb_comparison_row_get_cell (province, 0));
    g_assert_null (zb_comparison_row_get_cell (province, 2));
  }
  g_assert_null (cell (c, "城镇居民人均可支配收入", NULL, 0));
  g_assert_nonnull (cell (c, "城镇居民人均可支配收入", NULL, 1));

  workspace_close (&w);
}

/* Three regions' 上半年 (written 上半年 and 1-6月): ranked by growth and value. */
static void
test_by_period (void)
{
  Workspace w = { 0 };
  g_autoptr(ZbComparison) c = NULL;
  const ZbComparisonCell *linjiang = NULL, *baisha = NULL, *qingshan = NULL;

  workspace_open (&w);
  c = compare (&w, ZB_COMPARE_BY_PERIOD, "上半年");
  g_assert_cmpuint (zb_comparison_get_n_columns (c), ==, 3);
  g_assert_true (zb_comparison_get_ranked (c));
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (zb_comparison_get_column (c, i)->n_same_period, ==, 3);
  /* the same three, however the period is written */
  {
    g_autoptr(ZbComparison) again = compare (&w, ZB_COMPARE_BY_PERIOD, "2025年1-6月");
    g_assert_cmpuint (zb_comparison_get_n_columns (again), ==, 3);
  }

  for (guint i = 0; i < 3; i++)
    {
      const ZbComparisonColumn *column = zb_comparison_get_column (c, i);
      const ZbComparisonCell *gdp = cell (c, "地区生产总值", NULL, i);

      if (column->report_id == w.h1)
        linjiang = gdp;
      else if (column->report_id == w.baisha)
        baisha = gdp;
      else
        qingshan = gdp;
    }
  /* GDP growth: 青山区 6.9, 临江县 6.3, 白沙县 5.4 (written "GDP") */
  g_assert_cmpuint (qingshan->rank_growth, ==, 1);
  g_assert_cmpuint (linjiang->rank_growth, ==, 2);
  g_assert_cmpuint (baisha->rank_growth, ==, 3);
  g_assert_cmpuint (baisha->n_ranked_growth, ==, 3);
  /* by value: 391.4, 287.2, 156.9 亿元 */
  g_assert_cmpuint (linjiang->rank_value, ==, 1);
  g_assert_cmpuint (qingshan->rank_value, ==, 2);
  g_assert_cmpuint (baisha->rank_value, ==, 3);
  /* each region against its own target */
  g_assert_cmpfloat (linjiang->assessment->target->growth.value, ==, 7);
  g_assert_cmpfloat (baisha->assessment->target->growth.value, ==, 7.5);
  g_assert_cmpfloat (qingshan->assessment->target->growth.value, ==, 6.5);
  g_assert_cmpint (qingshan->assessment->status, ==, ZB_STATUS_ON_TRACK);
  g_assert_cmpint (baisha->assessment->status, ==, ZB_STATUS_BEHIND);

  /* ties share a rank: 社会消费品零售总额 5.9, 5.9, 6.3 */
  {
    ZbComparisonRow *retail = zb_comparison_find_row (c, "社会消费品零售总额", NULL);
    guint ranks[4] = { 0 };

    for (guint i = 0; i < 3; i++)
      ranks[zb_comparison_row_get_cell (retail, i)->rank_growth]++;
    g_assert_cmpuint (ranks[1], ==, 1);
    g_assert_cmpuint (ranks[2], ==, 2);
    g_assert_cmpuint (ranks[3], ==, 0);
  }
  /* one region's figure alone is not ranked */
  {
    ZbComparisonRow *income = zb_comparison_find_row (c, "一般公共预算收入", NULL);

    for (guint i = 0; i < 3; i++)
      if (zb_comparison_row_get_cell (income, i) != NULL)
        g_assert_cmpuint (zb_comparison_row_get_cell (income, i)->rank_growth, ==, 0);
  }
  workspace_close (&w);
}

/* The clerk's corrections, aliases and typed targets are the comparison's. */
static void
test_workspace_edits (void)
{
  Workspace w = { 0 };
  g_autoptr(ZbComparison) before = NULL;
  g_autoptr(ZbComparison) after = NULL;
  g_autoptr(ZbFigure) figure = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbTarget) target = NULL;
  const ZbComparisonCell *c;
  GPtrArray *corrections;

  workspace_open (&w);
  before = compare (&w, ZB_COMPARE_BY_REGION, "临江");
  c = cell (before, "固定资产投资", NULL, 1);
  figure = zb_store_load_figure (w.store, zb_figure_get_id (c->assessment->figure), &error);
  g_assert_no_error (error);
  g_assert_true (zb_figure_correct (figure, ZB_FIELD_CHANGE, "9.8", "checked with the bureau", &error));
  corrections = zb_figure_get_corrections (figure);
  g_assert_true (zb_store_record_correction (w.store, figure, g_ptr_array_index (corrections, corrections->len - 1),
                                             &error));
  g_assert_no_error (error);
  /* a name the lexicon does not know, made an alias; a typed target */
  g_assert_true (zb_store_set_alias (w.store, "城镇居民人均可支配收入", "居民收入", &error));
  target = zb_target_new ("居民收入", 2025);
  target->growth = (ZbNumber) { 6, 0, TRUE };
  g_assert_true (zb_store_set_target (w.store, target, &error));
  g_assert_no_error (error);

  after = compare (&w, ZB_COMPARE_BY_REGION, "临江县");
  c = cell (after, "固定资产投资", NULL, 1);
  g_assert_cmpfloat (growth (c), ==, 9.8);
  g_assert_true (zb_figure_field_is_corrected (c->assessment->figure, ZB_FIELD_CHANGE));
  g_assert_cmpint (c->assessment->status, ==, ZB_STATUS_AHEAD);
  c = cell (after, "居民收入", NULL, 1);
  g_assert_nonnull (c);
  g_assert_cmpstr (zb_comparison_row_get_indicator (zb_comparison_find_row (after, "城镇居民人均可支配收入", NULL)),
                   ==, "居民收入");
  g_assert_cmpint (c->assessment->status, ==, ZB_STATUS_BEHIND);
  workspace_close (&w);
}

/* Choosing: a region given in part, the order by hand kept, ids unknown refused. */
static void
test_select (void)
{
  Workspace w = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GPtrArray) periods = NULL;
  g_autoptr(GArray) none = NULL;
  g_autoptr(ZbComparison) by_hand = NULL;
  gint64 ids[3];

  workspace_open (&w);
  listed = zb_store_list_reports (w.store, &error);
  regions = zb_comparison_list_keys (listed, ZB_COMPARE_BY_REGION);
  g_assert_cmpuint (regions->len, ==, 3);
  periods = zb_comparison_list_keys (listed, ZB_COMPARE_BY_PERIOD);
  g_assert_cmpuint (periods->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (periods, 0), ==, "2025年1-3月");
  g_assert_cmpstr (g_ptr_array_index (periods, 1), ==, "2025年1-6月");
  g_assert_cmpstr (g_ptr_array_index (periods, 2), ==, "2025年1-9月");
  none = zb_comparison_select (listed, ZB_COMPARE_BY_REGION, "县");   /* two regions have it */
  g_assert_cmpuint (none->len, ==, 0);
  g_clear_pointer (&none, g_array_unref);
  none = zb_comparison_select (listed, ZB_COMPARE_BY_PERIOD, "2024年1-6月");
  g_assert_cmpuint (none->len, ==, 0);

  ids[0] = w.q3;
  ids[1] = w.qingshan;
  ids[2] = w.q1;
  by_hand = zb_comparison_new_from_store (w.store, ids, 3, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (zb_comparison_get_column (by_hand, i)->report_id, ==, ids[i]);
  g_assert_false (zb_comparison_get_ranked (by_hand));

  ids[1] = 999;
  g_assert_null (zb_comparison_new_from_store (w.store, ids, 3, NULL, &error));
  g_assert_error (error, ZB_ERROR, ZB_ERROR_NOT_FOUND);
  workspace_close (&w);
}

/* The model without a workspace, and its JSON. */
static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *count)
{
  g_assert_cmpuint (removed, ==, 0);
  *count += added;
}

static void
test_model (void)
{
  g_autoptr(ZbComparison) c = zb_comparison_new ();
  g_autoptr(ZbReport) q1 = read_report ("linjiang-2025-q1.txt");
  g_autoptr(ZbReport) h1 = read_report ("qingshan-2025-h1.txt");
  g_autofree char *json = NULL;
  guint added = 0, signalled = 0;

  g_signal_connect (c, "items-changed", G_CALLBACK (count_changes), &signalled);
  zb_comparison_add_report (c, q1, 0, NULL);
  added = g_list_model_get_n_items (G_LIST_MODEL (c));
  g_assert_cmpuint (added, >, 0);
  zb_comparison_add_report (c, h1, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (c)), >=, added);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (c)) == ZB_TYPE_COMPARISON_ROW);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (c)); i++)
    {
      g_autoptr(ZbComparisonRow) row = g_list_model_get_item (G_LIST_MODEL (c), i);

      g_assert_cmpuint (zb_comparison_row_get_position (row), ==, i);
      g_assert_cmpuint (zb_comparison_row_get_n_cells (row), ==, 2);
    }
  g_assert_cmpuint (signalled, ==, g_list_model_get_n_items (G_LIST_MODEL (c)));
  /* the 1-3月 report has no 一般公共预算收入 of 青山区's: null there */
  json = zb_comparison_to_json (c, ZB_JSON_DEFAULT);
  g_assert_nonnull (strstr (json, "\"label\": \"临江县 2025年1-3月\""));
  g_assert_nonnull (strstr (json, "\"ranked\": false"));
  g_assert_nonnull (strstr (json, "\"cells\": [{"));
  g_assert_nonnull (strstr (json, ", null]"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/compare/region-and-period", test_region_and_period);
  g_test_add_func ("/compare/by-region", test_by_region);
  g_test_add_func ("/compare/by-period", test_by_period);
  g_test_add_func ("/compare/workspace-edits", test_workspace_edits);
  g_test_add_func ("/compare/select", test_select);
  g_test_add_func ("/compare/model", test_model);
  return g_test_run ();
}
