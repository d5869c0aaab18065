/* test-ledger.c — indicator identity, targets, conflicts and status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "zb-ledger.h"

static ZbFigure *
actual (const char *name,
        double      growth,
        const char *period)
{
  ZbFigure *f = zb_figure_new (ZB_FIGURE_ACTUAL, name);
  ZbNumber c = { growth, 1, TRUE };

  zb_figure_set_change (f, &c, ZB_CHANGE_PERCENT);
  zb_figure_set_period (f, period);
  return f;
}

static ZbFigure *
target (const char *name,
        double      growth,
        const char *qualifier)
{
  ZbFigure *f = zb_figure_new (ZB_FIGURE_TARGET, name);
  ZbNumber c = { growth, 1, TRUE };

  zb_figure_set_change (f, &c, ZB_CHANGE_PERCENT);
  zb_figure_set_qualifier (f, qualifier);
  return f;
}

static void
test_aliases (void)
{
  g_autoptr(ZbLedger) l = zb_ledger_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *a = zb_ledger_dup_canonical (l, "GDP");
  g_autofree char *b = zb_ledger_dup_canonical (l, "全市 生产总值");
  g_autofree char *c = zb_ledger_dup_canonical (l, "规上工业增加值");
  g_autofree char *d = zb_ledger_dup_canonical (l, "规模工业增加值");
  g_autofree char *e = zb_ledger_dup_canonical (l, "社零额");
  g_autofree char *f = zb_ledger_dup_canonical (l, "固投");
  g_autofree char *g = NULL;
  g_autofree char *h = NULL;

  g_assert_cmpstr (a, ==, "地区生产总值");
  g_assert_cmpstr (b, ==, "地区生产总值");
  g_assert_cmpstr (c, ==, "规模以上工业增加值");
  g_assert_cmpstr (d, ==, "规模以上工业增加值");
  g_assert_cmpstr (e, ==, "社会消费品零售总额");
  g_assert_cmpstr (f, ==, "固定资产投资");

  /* a user alias, chained through a shipped one */
  g_assert_true (zb_ledger_load_aliases (l, "# mine\n工业产值增速\t规上工业增加值\n", &error));
  g_assert_no_error (error);
  g = zb_ledger_dup_canonical (l, "工业产值增速");
  g_assert_cmpstr (g, ==, "规模以上工业增加值");

  /* a bad table is refused whole, with its line */
  g_assert_false (zb_ledger_load_aliases (l, "甲\t乙\n只有一列\n", &error));
  g_assert_error (error, ZB_ERROR, ZB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "line 2"));
  h = zb_ledger_dup_canonical (l, "甲");
  g_assert_cmpstr (h, ==, "甲");
}

static void
test_status (void)
{
  g_autoptr(ZbLedger) l = zb_ledger_new ();
  g_autoptr(ZbFigure) t1 = target ("GDP", 6.0, "左右");
  g_autoptr(ZbFigure) t2 = target ("规上工业增加值", 7.0, "以上");
  g_autoptr(ZbFigure) t3 = target ("社零额", 8.0, NULL);
  g_autoptr(ZbFigure) a1 = actual ("地区生产总值", 6.4, "1-9月");
  g_autoptr(ZbFigure) a2 = actual ("规模以上工业增加值", 8.2, "1-9月");
  g_autoptr(ZbFigure) a3 = actual ("社会消费品零售总额", 5.1, "1-9月");
  g_autoptr(ZbFigure) a4 = actual ("进出口总额", -3.0, "1-9月");
  g_autoptr(GPtrArray) all = NULL;
  ZbAssessment *s;

  zb_ledger_add_figure (l, t1, 2024);
  zb_ledger_add_figure (l, t2, 2024);
  zb_ledger_add_figure (l, t3, 2024);
  zb_ledger_add_figure (l, a1, 2024);
  zb_ledger_add_figure (l, a2, 2024);
  zb_ledger_add_figure (l, a3, 2024);
  zb_ledger_add_figure (l, a4, 2024);

  all = zb_ledger_assess_all (l);
  g_assert_cmpuint (all->len, ==, 4);

  s = g_ptr_array_index (all, 0);
  g_assert_cmpstr (s->indicator, ==, "地区生产总值");
  g_assert_cmpfloat_with_epsilon (s->gap_pp, 0.4, 1e-9);
  g_assert_cmpint (s->status, ==, ZB_STATUS_ON_TRACK);
  g_assert_cmpstr (s->target->qualifier, ==, "左右");

  s = g_ptr_array_index (all, 1);
  g_assert_cmpfloat_with_epsilon (s->gap_pp, 1.2, 1e-9);
  g_assert_cmpint (s->status, ==, ZB_STATUS_AHEAD);

  s = g_ptr_array_index (all, 2);
  g_assert_cmpfloat_with_epsilon (s->gap_pp, -2.9, 1e-9);
  g_assert_cmpint (s->status, ==, ZB_STATUS_BEHIND);

  s = g_ptr_array_index (all, 3);
  g_assert_null (s->target);
  g_assert_true (isnan (s->gap_pp));
  g_assert_cmpint (s->status, ==, ZB_STATUS_UNKNOWN);

  /* exactly on the threshold is on track; a tighter one makes it ahead */
  {
    g_autoptr(ZbFigure) edge = actual ("GDP", 6.5, "1-9月");
    g_autoptr(ZbAssessment) e = NULL;
    g_autoptr(ZbAssessment) e2 = NULL;

    zb_ledger_add_figure (l, edge, 2024);
    e = zb_ledger_assess (l, edge);
    g_assert_cmpint (e->status, ==, ZB_STATUS_ON_TRACK);
    zb_ledger_set_threshold (l, 0.3);
    e2 = zb_ledger_assess (l, edge);
    g_assert_cmpint (e2->status, ==, ZB_STATUS_AHEAD);
  }

  /* corrected values are what the status uses */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ZbAssessment) c = NULL;

    g_assert_true (zb_figure_correct (a2, ZB_FIELD_CHANGE, "6.2", NULL, &error));
    c = zb_ledger_assess (l, a2);
    g_assert_cmpint (c->status, ==, ZB_STATUS_BEHIND);
    g_assert_cmpfloat_with_epsilon (c->gap_pp, -0.8, 1e-9);
  }
}

static void
test_conflicts (void)
{
  g_autoptr(ZbLedger) l = zb_ledger_new ();
  g_autoptr(ZbFigure) t1 = target ("GDP", 6.0, "左右");
  g_autoptr(ZbFigure) t2 = target ("地区生产总值", 6.5, "力争");
  g_autoptr(ZbFigure) t3 = target ("生产总值", 6.0, NULL);
  g_autoptr(ZbFigure) a = actual ("GDP", 6.2, "上半年");
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(ZbAssessment) s = NULL;
  ZbNumber typed = { 7.0, 1, TRUE };

  zb_ledger_add_figure (l, t1, 2024);
  zb_ledger_add_figure (l, t2, 2024);
  zb_ledger_add_figure (l, t3, 2024);   /* the same as t1: not a new conflict */
  zb_ledger_add_figure (l, a, 2024);

  targets = zb_ledger_get_targets (l, "GDP", 2024, NULL);
  g_assert_cmpuint (targets->len, ==, 2);
  conflicts = zb_ledger_get_conflicts (l);
  g_assert_cmpuint (conflicts->len, ==, 1);
  s = zb_ledger_assess (l, a);
  g_assert_cmpuint (s->n_targets, ==, 2);
  g_assert_cmpfloat_with_epsilon (s->gap_pp, 0.2, 1e-9);
  g_clear_pointer (&s, zb_assessment_free);

  /* a typed target comes first, the read ones stay */
  zb_ledger_set_target (l, "GDP", 2024, NULL, &typed, NULL, NULL, "以上");
  s = zb_ledger_assess (l, a);
  g_assert_cmpuint (s->n_targets, ==, 3);
  g_assert_null (s->target->figure);
  g_assert_cmpfloat_with_epsilon (s->gap_pp, -0.8, 1e-9);
  g_assert_cmpint (s->status, ==, ZB_STATUS_BEHIND);

  /* other years are other keys */
  g_clear_pointer (&targets, g_ptr_array_unref);
  targets = zb_ledger_get_targets (l, "GDP", 2023, NULL);
  g_assert_cmpuint (targets->len, ==, 0);
}

static void
test_absolute (void)
{
  g_autoptr(ZbLedger) l = zb_ledger_new ();
  g_autoptr(ZbFigure) t = zb_figure_new (ZB_FIGURE_TARGET, "固定资产投资");
  g_autoptr(ZbFigure) a = zb_figure_new (ZB_FIGURE_ACTUAL, "固投");
  g_autoptr(ZbFigure) p = zb_figure_new (ZB_FIGURE_PROGRESS, "全社会固定资产投资");
  g_autoptr(ZbAssessment) s = NULL;
  ZbNumber tv = { 400, 0, TRUE }, av = { 2800000, 0, TRUE }, pv = { 72.0, 1, TRUE };

  zb_figure_set_value (t, &tv, "亿元");
  zb_figure_set_value (a, &av, "万元");   /* 280 亿元 */
  zb_figure_set_period (a, "1-9月");
  zb_figure_set_value (p, &pv, "%");
  zb_figure_set_period (p, "1-9月");
  zb_ledger_add_figure (l, t, 2024);
  zb_ledger_add_figure (l, a, 2024);
  zb_ledger_add_figure (l, p, 2024);

  s = zb_ledger_assess (l, a);
  g_assert_cmpfloat_with_epsilon (s->completion, 0.70, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->schedule, 0.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->gap_pp, -5.0, 1e-9);
  g_assert_cmpint (s->status, ==, ZB_STATUS_BEHIND);
  /* the text says 72 %: two points off the computed 70 % */
  g_assert_cmpfloat_with_epsilon (s->stated, 72.0, 1e-9);
  g_assert_true (s->mismatch);
  g_clear_pointer (&s, zb_assessment_free);

  g_assert_true (zb_figure_correct (p, ZB_FIELD_VALUE, "70.05", NULL, NULL));
  s = zb_ledger_assess (l, a);
  g_assert_false (s->mismatch);
}

static void
test_stated_gap (void)
{
  g_autoptr(ZbLedger) l = zb_ledger_new ();
  g_autoptr(ZbFigure) t = target ("GDP", 6.0, NULL);
  g_autoptr(ZbFigure) a = actual ("GDP", 5.2, "上半年");
  g_autoptr(ZbAssessment) s = NULL;
  ZbNumber gap = { -0.8, 1, TRUE };

  zb_ledger_add_figure (l, t, 2024);
  zb_figure_set_gap (a, &gap);
  zb_ledger_add_figure (l, a, 2024);
  s = zb_ledger_assess (l, a);
  g_assert_false (s->mismatch);
  g_clear_pointer (&s, zb_assessment_free);

  /* a misparse: the gap read as 0.3 */
  g_assert_true (zb_figure_correct (a, ZB_FIELD_GAP, "-0.3", NULL, NULL));
  s = zb_ledger_assess (l, a);
  g_assert_true (s->mismatch);
  g_assert_cmpint (s->status, ==, ZB_STATUS_BEHIND);
}

/* Our own sentences: a city's report that quotes the nation and the province. */
static const char city_text[] =
  "2024年临川市政府工作报告\n"
  "\n"
  "一、经济运行\n"
  "\n"
  "今年我市经济增长目标是GDP增长5%以上。全市上下攻坚克难，全市经济稳中有进。"
  "一季度，全国GDP同比下降6.8%，全省GDP同比增长2.1%，全市GDP增长3.6%。\n";

/* …and a county's, of another region. */
static const char county_text[] =
  "2024年临江县经济运行情况\n"
  "\n"
  "一、总体\n"
  "\n"
  "今年我县经济增长目标是地区生产总值增长6.5%左右。一季度，全县地区生产总值增长4.0%，全县上下齐心协力。\n";

static ZbReport *
parse (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  ZbReport *report = zb_report_new_from_bytes (bytes, "report.txt", NULL, &error);

  g_assert_no_error (error);
  return report;
}

/* The assessment of the report's actual whose change is @change. */
static ZbAssessment *
assess_change (ZbLedger *l,
               ZbReport *report,
               double    change)
{
  GListModel *figures = zb_report_get_figures (report);

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);
      const ZbNumber *c = zb_figure_get_change (f);

      if (zb_figure_get_kind (f) == ZB_FIGURE_ACTUAL && c->set && fabs (c->value - change) < 1e-9)
        return zb_ledger_assess (l, f);
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_areas (void)
{
  g_autoptr(ZbReport) city = parse (city_text);
  g_autoptr(ZbLedger) l = zb_ledger_new ();
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(ZbAssessment) nation = NULL;
  g_autoptr(ZbAssessment) province = NULL;
  g_autoptr(ZbAssessment) own = NULL;
  g_autoptr(GPtrArray) trend = NULL;
  const ZbTarget *t;

  zb_ledger_add_report (l, city);
  g_assert_cmpstr (zb_ledger_get_region (l), ==, "临川市");

  /* the year's goal of 今年我市经济增长目标是GDP增长5%以上 is GDP's */
  targets = zb_ledger_list_targets (l);
  g_assert_cmpuint (targets->len, ==, 1);
  t = g_ptr_array_index (targets, 0);
  g_assert_cmpstr (t->indicator, ==, "地区生产总值");
  g_assert_cmpint (t->year, ==, 2024);
  g_assert_true (t->area == NULL || *t->area == '\0');
  g_assert_cmpfloat_with_epsilon (t->growth.value, 5.0, 1e-9);

  /* the nation and the province are not judged against the city's goal */
  nation = assess_change (l, city, -6.8);
  g_assert_cmpstr (nation->area, ==, "全国");
  g_assert_cmpstr (nation->place, ==, "全国");
  g_assert_null (nation->target);
  g_assert_cmpint (nation->status, ==, ZB_STATUS_UNKNOWN);
  g_assert_true (isnan (nation->gap_pp));
  province = assess_change (l, city, 2.1);
  g_assert_cmpstr (province->area, ==, "全省");
  g_assert_null (province->target);
  /* the city's own figure is */
  own = assess_change (l, city, 3.6);
  g_assert_cmpstr (own->area, ==, "");
  g_assert_cmpstr (own->place, ==, "临川市");
  g_assert_nonnull (own->target);
  g_assert_cmpfloat_with_epsilon (own->gap_pp, -1.4, 1e-9);
  g_assert_cmpint (own->status, ==, ZB_STATUS_BEHIND);

  /* the trend has every area's points, each saying whose */
  trend = zb_ledger_assess_indicator (l, "GDP");
  g_assert_cmpuint (trend->len, ==, 3);
}

static void
test_area_targets (void)
{
  g_autoptr(ZbReport) city = parse (city_text);
  g_autoptr(ZbLedger) l = zb_ledger_new ();
  g_autoptr(ZbAssessment) nation = NULL;
  g_autoptr(ZbAssessment) province = NULL;
  g_autoptr(ZbAssessment) own = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autofree char *a1 = NULL;
  g_autofree char *a2 = NULL;
  g_autofree char *a3 = NULL;
  ZbNumber national = { 5.0, 1, TRUE }, typed = { 4.0, 1, TRUE }, provincial = { 2.0, 1, TRUE };

  /* typed before the region is known: filed again once it is */
  zb_ledger_set_target (l, "GDP", 2024, "临川市", &typed, NULL, NULL, NULL);
  zb_ledger_set_target (l, "GDP", 2024, "国家", &national, NULL, NULL, "左右");
  zb_ledger_set_target (l, "GDP", 2024, "本省", &provincial, NULL, NULL, NULL);
  zb_ledger_set_region (l, "临川市");
  zb_ledger_add_report (l, city);

  a1 = zb_ledger_dup_area (l, "我市");
  a2 = zb_ledger_dup_area (l, " 全 市 ");
  a3 = zb_ledger_dup_area (l, "我国");
  g_assert_cmpstr (a1, ==, "");
  g_assert_cmpstr (a2, ==, "");
  g_assert_cmpstr (a3, ==, "全国");

  /* each area meets its own target, and only that */
  nation = assess_change (l, city, -6.8);
  g_assert_nonnull (nation->target);
  g_assert_cmpfloat_with_epsilon (nation->target->growth.value, 5.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (nation->gap_pp, -11.8, 1e-9);
  g_assert_cmpuint (nation->n_targets, ==, 1);
  province = assess_change (l, city, 2.1);
  g_assert_cmpfloat_with_epsilon (province->target->growth.value, 2.0, 1e-9);
  g_assert_cmpint (province->status, ==, ZB_STATUS_ON_TRACK);
  /* the typed 临川市 target is the city's own, before the one read */
  own = assess_change (l, city, 3.6);
  g_assert_null (own->target->figure);
  g_assert_cmpfloat_with_epsilon (own->target->growth.value, 4.0, 1e-9);
  g_assert_cmpuint (own->n_targets, ==, 2);
  targets = zb_ledger_get_targets (l, "地区生产总值", 2024, "全市");
  g_assert_cmpuint (targets->len, ==, 2);
}

/* A gap to the province is no gap to the target: no "check" for it. */
static void
test_benchmark_gap (void)
{
  static const char text[] =
    "2024年临江县经济运行情况\n"
    "\n"
    "一、总体\n"
    "\n"
    "今年我县经济增长目标是地区生产总值增长6%左右。全县上下团结一心，全县经济稳步向好。"
    "1-6月，全县地区生产总值增长6.5%，高于全省1.2个百分点。\n";
  g_autoptr(ZbReport) report = parse (text);
  g_autoptr(ZbLedger) l = zb_ledger_new ();
  g_autoptr(ZbAssessment) gdp = NULL;

  zb_ledger_add_report (l, report);
  gdp = assess_change (l, report, 6.5);
  g_assert_nonnull (gdp->target);
  g_assert_cmpfloat_with_epsilon (gdp->gap_pp, 0.5, 1e-9);
  g_assert_true (isnan (gdp->stated));
  g_assert_false (gdp->mismatch);
}

static void
test_other_region (void)
{
  g_autoptr(ZbReport) city = parse (city_text);
  g_autoptr(ZbReport) county = parse (county_text);
  g_autoptr(ZbLedger) l = zb_ledger_new ();
  g_autoptr(ZbAssessment) county_gdp = NULL;
  g_autoptr(ZbAssessment) city_gdp = NULL;

  zb_ledger_add_report (l, city);
  zb_ledger_add_report (l, county);
  g_assert_cmpstr (zb_ledger_get_region (l), ==, "临川市");

  /* the county's figure meets the county's goal, not the city's */
  county_gdp = assess_change (l, county, 4.0);
  g_assert_cmpstr (county_gdp->area, ==, "临江县");
  g_assert_cmpstr (county_gdp->place, ==, "临江县");
  g_assert_nonnull (county_gdp->target);
  g_assert_cmpfloat_with_epsilon (county_gdp->target->growth.value, 6.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (county_gdp->gap_pp, -2.5, 1e-9);
  city_gdp = assess_change (l, city, 3.6);
  g_assert_cmpuint (city_gdp->n_targets, ==, 1);
  g_assert_cmpfloat_with_epsilon (city_gdp->target->growth.value, 5.0, 1e-9);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ledger/aliases", test_aliases);
  g_test_add_func ("/ledger/status", test_status);
  g_test_add_func ("/ledger/conflicts", test_conflicts);
  g_test_add_func ("/ledger/absolute", test_absolute);
  g_test_add_func ("/ledger/stated-gap", test_stated_gap);
  g_test_add_func ("/ledger/areas", test_areas);
  g_test_add_func ("/ledger/area-targets", test_area_targets);
  g_test_add_func ("/ledger/other-region", test_other_region);
  g_test_add_func ("/ledger/benchmark-gap", test_benchmark_gap);
  return g_test_run ();
}
