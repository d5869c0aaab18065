/* test-inline.c — figures in sentences written for the test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-report.h"

#include <math.h>
#include <string.h>

static ZbReport *
parse (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  ZbReport *report = zb_report_new_from_bytes (bytes, "t.txt", NULL, &error);

  g_assert_no_error (error);
  return report;
}

/* Finds the figure of a kind whose name contains name and whose change (or
 * value, when change is NAN) equals number. */
static ZbFigure *
find (ZbReport     *report,
      ZbFigureKind  kind,
      const char   *name,
      double        change)
{
  GListModel *figures = zb_report_get_figures (report);

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);
      const ZbNumber *c = zb_figure_get_change (f);

      if (zb_figure_get_kind (f) != kind || strstr (zb_figure_get_name (f), name) == NULL)
        continue;
      if (c->set && fabs (c->value - change) < 1e-9)
        return f;
    }
  return NULL;
}

static void
test_actual_with_value (void)
{
  g_autoptr(ZbReport) r = parse ("一、经济运行\n\n上半年，全县地区生产总值完成１２３.４５亿元，同比增长６.２%，居全市第3位。\n");
  ZbFigure *f = find (r, ZB_FIGURE_ACTUAL, "地区生产总值", 6.2);
  g_autofree char *value = NULL;

  g_assert_nonnull (f);
  value = zb_figure_dup_field (f, ZB_FIELD_VALUE);
  g_assert_cmpstr (value, ==, "123.45");
  g_assert_cmpstr (zb_figure_get_unit (f), ==, "亿元");
  g_assert_cmpstr (zb_figure_get_period (f), ==, "上半年");
  g_assert_cmpint (zb_figure_get_rank (f), ==, 3);
  g_assert_cmpuint (zb_figure_get_line (f), ==, 3);
  g_assert_cmpstr (zb_figure_get_indicator (f), ==, "地区生产总值");
  g_assert_true (strstr (zb_figure_get_quote (f), "６.２%") != NULL);
}

static void
test_signs_and_rates (void)
{
  g_autoptr(ZbReport) r = parse (
    "1-9月，社会消费品零售总额下降3.5%，比上半年回落1.2个百分点。进出口总额增长1倍。\n");

  g_assert_nonnull (find (r, ZB_FIGURE_ACTUAL, "社会消费品零售总额", -3.5));
  g_assert_nonnull (find (r, ZB_FIGURE_ACTUAL, "社会消费品零售总额增速", -1.2));
  g_assert_nonnull (find (r, ZB_FIGURE_ACTUAL, "进出口总额", 100));
  g_assert_cmpint (zb_figure_get_change_unit (find (r, ZB_FIGURE_ACTUAL, "增速", -1.2)), ==, ZB_CHANGE_PP);
}

static void
test_enumeration (void)
{
  g_autoptr(ZbReport) r = parse ("全年农业增加值、建筑业增加值分别增长4.1%、7.3%。\n");

  g_assert_nonnull (find (r, ZB_FIGURE_ACTUAL, "农业增加值", 4.1));
  g_assert_nonnull (find (r, ZB_FIGURE_ACTUAL, "建筑业增加值", 7.3));
}

static void
test_targets_and_gaps (void)
{
  g_autoptr(ZbReport) r = parse (
    "今年的预期目标是：地区生产总值增长7%左右，一般公共预算收入增长5%以上。\n\n"
    "上半年固定资产投资增长4.1%，比目标(9.0%)低4.9个百分点，高于全省1.5个百分点。\n");
  ZbFigure *t = find (r, ZB_FIGURE_TARGET, "地区生产总值", 7);
  ZbFigure *gap = find (r, ZB_FIGURE_GAP, "固定资产投资", -4.9);

  g_assert_nonnull (t);
  g_assert_cmpstr (zb_figure_get_qualifier (t), ==, "左右");
  g_assert_cmpstr (zb_figure_get_qualifier (find (r, ZB_FIGURE_TARGET, "一般公共预算收入", 5)), ==, "以上");
  g_assert_nonnull (gap);
  g_assert_cmpstr (zb_figure_get_reference (gap), ==, "target");
  g_assert_cmpfloat_with_epsilon (zb_figure_get_target (gap)->value, 9.0, 1e-9);
  g_assert_nonnull (find (r, ZB_FIGURE_TARGET, "固定资产投资", 9.0));
  g_assert_nonnull (find (r, ZB_FIGURE_GAP, "固定资产投资", 1.5));
  g_assert_null (find (r, ZB_FIGURE_ACTUAL, "固定资产投资", 9.0));
}

static void
test_progress_and_chinese_numerals (void)
{
  g_autoptr(ZbReport) r = parse ("工业投资完成年度目标任务的62%。出口增速提高两个百分点。进口增长百分之六点五。\n");
  GListModel *figures = zb_report_get_figures (r);
  gboolean progress = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);
      if (zb_figure_get_kind (f) == ZB_FIGURE_PROGRESS)
        {
          progress = TRUE;
          g_assert_cmpfloat_with_epsilon (zb_figure_get_value (f)->value, 62, 1e-9);
          g_assert_cmpstr (zb_figure_get_unit (f), ==, "%");
        }
    }
  g_assert_true (progress);
  g_assert_nonnull (find (r, ZB_FIGURE_ACTUAL, "出口增速", 2));
  g_assert_nonnull (find (r, ZB_FIGURE_ACTUAL, "进口", 6.5));
}

static void
test_no_figures_in_dates (void)
{
  g_autoptr(ZbReport) r = parse ("2023年10月25日，第3次会议在1号楼召开。\n");
  GListModel *figures = zb_report_get_figures (r);

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);
      g_assert_false (zb_figure_get_change (f)->set);
      g_assert_cmpint (zb_figure_get_kind (f), ==, ZB_FIGURE_ACTUAL);
    }
}


static ZbFigure *
find_value (ZbReport     *report,
            ZbFigureKind  kind,
            const char   *name,
            double        value)
{
  GListModel *figures = zb_report_get_figures (report);

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);
      const ZbNumber *v = zb_figure_get_value (f);

      if (zb_figure_get_kind (f) == kind && strstr (zb_figure_get_name (f), name) != NULL &&
          v->set && fabs (v->value - value) < 1e-9)
        return f;
    }
  return NULL;
}

static void
test_quantity_goals (void)
{
  g_autoptr(ZbReport) r = parse (
    "下半年确保新增3个产业园区，电子、机械、食品产业年产值都达到50亿元。\n\n"
    "全县固定资产投资突破80亿元、增长12%以上（省下任务75亿元、增长9%）。\n\n"
    "今年地区生产总值预期目标为增长6.5%。\n");

  g_assert_nonnull (find_value (r, ZB_FIGURE_TARGET, "产业园区", 3));
  g_assert_cmpstr (zb_figure_get_name (find (r, ZB_FIGURE_TARGET, "地区生产总值", 6.5)), ==, "地区生产总值");
  g_assert_nonnull (find_value (r, ZB_FIGURE_TARGET, "电子", 50));
  g_assert_nonnull (find_value (r, ZB_FIGURE_TARGET, "机械", 50));
  g_assert_nonnull (find_value (r, ZB_FIGURE_TARGET, "食品产业年产值", 50));
  g_assert_nonnull (find (r, ZB_FIGURE_TARGET, "固定资产投资", 12));
  g_assert_null (find (r, ZB_FIGURE_TARGET, "预期目标", 12));
  g_assert_cmpfloat_with_epsilon (zb_figure_get_value (find (r, ZB_FIGURE_TARGET, "固定资产投资", 12))->value, 80, 1e-9);
  g_assert_cmpfloat_with_epsilon (zb_figure_get_value (find (r, ZB_FIGURE_TARGET, "固定资产投资", 9))->value, 75, 1e-9);
}

static void
test_gap_lists_and_benchmarks (void)
{
  g_autoptr(ZbReport) r = parse (
    "上半年地区生产总值增长6.1%，分别高于全国(5.0%)、全省(5.6%)1.1、0.5个百分点。"
    "批发业销售额、住宿业营业额、餐饮业营业额分别差目标进度3.1、2.2、1.5个百分点。\n");
  ZbFigure *national = find (r, ZB_FIGURE_ACTUAL, "地区生产总值", 5.0);

  g_assert_nonnull (find (r, ZB_FIGURE_ACTUAL, "地区生产总值", 6.1));
  g_assert_nonnull (national);
  g_assert_cmpstr (zb_figure_get_area (national), ==, "全国");
  g_assert_nonnull (find (r, ZB_FIGURE_GAP, "地区生产总值", 1.1));
  g_assert_nonnull (find (r, ZB_FIGURE_GAP, "地区生产总值", 0.5));
  g_assert_nonnull (find (r, ZB_FIGURE_GAP, "批发业销售额", -3.1));
  g_assert_nonnull (find (r, ZB_FIGURE_GAP, "住宿业营业额", -2.2));
  g_assert_nonnull (find (r, ZB_FIGURE_GAP, "餐饮业营业额", -1.5));
}

static void
test_estimates_bases_and_flat (void)
{
  g_autoptr(ZbReport) r = parse (
    "1-6月，工业投资完成8.2亿元（2024年7.5亿元），同比增长9.3%。"
    "1-6月技改投资预计完成3亿元，同比增长4%；全年预计实现技改投资7亿元。\n\n"
    "前三季度，全县GDP增长5.2%，与上半年持平。\n");
  ZbFigure *inv = find (r, ZB_FIGURE_ACTUAL, "工业投资", 9.3);

  g_assert_nonnull (inv);
  g_assert_cmpfloat_with_epsilon (zb_figure_get_value (inv)->value, 8.2, 1e-9);
  g_assert_cmpfloat_with_epsilon (zb_figure_get_base_value (inv)->value, 7.5, 1e-9);
  g_assert_nonnull (find (r, ZB_FIGURE_ACTUAL, "技改投资", 4));
  g_assert_nonnull (find_value (r, ZB_FIGURE_TARGET, "技改投资", 7));
  g_assert_nonnull (find (r, ZB_FIGURE_ACTUAL, "GDP增速", 0));
  g_assert_cmpint (zb_figure_get_change_unit (find (r, ZB_FIGURE_ACTUAL, "GDP增速", 0)), ==, ZB_CHANGE_PP);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/inline/actual-with-value", test_actual_with_value);
  g_test_add_func ("/inline/signs-and-rates", test_signs_and_rates);
  g_test_add_func ("/inline/enumeration", test_enumeration);
  g_test_add_func ("/inline/targets-and-gaps", test_targets_and_gaps);
  g_test_add_func ("/inline/progress-and-numerals", test_progress_and_chinese_numerals);
  g_test_add_func ("/inline/no-figures-in-dates", test_no_figures_in_dates);
  g_test_add_func ("/inline/quantity-goals", test_quantity_goals);
  g_test_add_func ("/inline/gap-lists-and-benchmarks", test_gap_lists_and_benchmarks);
  g_test_add_func ("/inline/estimates-bases-flat", test_estimates_bases_and_flat);
  return g_test_run ();
}
