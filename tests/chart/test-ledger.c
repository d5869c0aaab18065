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
  return g_test_run ();
}
