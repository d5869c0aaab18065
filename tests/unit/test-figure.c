/* test-figure.c — numbers, corrections and their validation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-figure.h"
#include "zb-period.h"

static void
test_number_parse (void)
{
  ZbNumber n;
  g_autoptr(GError) error = NULL;
  g_autofree char *s = NULL;

  g_assert_true (zb_number_parse ("682.30", &n, NULL));
  g_assert_cmpfloat_with_epsilon (n.value, 682.3, 1e-9);
  g_assert_cmpint (n.decimals, ==, 2);
  s = zb_number_format (&n);
  g_assert_cmpstr (s, ==, "682.30");

  g_assert_true (zb_number_parse ("1,234.5", &n, NULL));
  g_assert_cmpfloat_with_epsilon (n.value, 1234.5, 1e-9);

  g_assert_false (zb_number_parse ("8,4", &n, &error));
  g_assert_error (error, ZB_ERROR, ZB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (zb_number_parse ("abc", &n, &error));
  g_assert_error (error, ZB_ERROR, ZB_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (zb_number_parse ("", &n, NULL));
  g_assert_false (n.set);
}

static void
test_corrections (void)
{
  g_autoptr(ZbFigure) f = zb_figure_new (ZB_FIGURE_ACTUAL, "地区生产总值");
  ZbNumber v = { 682.3, 1, TRUE };
  g_autoptr(GError) error = NULL;
  g_autofree char *orig = NULL;
  g_autofree char *cur = NULL;
  ZbCorrection *c;

  zb_figure_set_value (f, &v, "亿元");
  g_assert_false (zb_figure_is_corrected (f));

  g_assert_true (zb_figure_correct (f, ZB_FIELD_VALUE, "628.3", "typo in the report", &error));
  g_assert_no_error (error);
  g_assert_true (zb_figure_field_is_corrected (f, ZB_FIELD_VALUE));
  g_assert_false (zb_figure_field_is_corrected (f, ZB_FIELD_UNIT));
  orig = zb_figure_dup_original (f, ZB_FIELD_VALUE);
  cur = zb_figure_dup_field (f, ZB_FIELD_VALUE);
  g_assert_cmpstr (orig, ==, "682.3");
  g_assert_cmpstr (cur, ==, "628.3");

  c = g_ptr_array_index (zb_figure_get_corrections (f), 0);
  g_assert_cmpstr (c->old_value, ==, "682.3");
  g_assert_cmpstr (c->new_value, ==, "628.3");
  g_assert_cmpstr (c->note, ==, "typo in the report");

  /* refused, and nothing recorded */
  g_assert_false (zb_figure_correct (f, ZB_FIELD_CHANGE, "8.4x", NULL, &error));
  g_assert_error (error, ZB_ERROR, ZB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (zb_figure_correct (f, ZB_FIELD_KIND, "guess", NULL, &error));
  g_clear_error (&error);
  g_assert_cmpuint (zb_figure_get_corrections (f)->len, ==, 1);

  /* undo is a new correction back to the old value */
  g_assert_true (zb_figure_correct (f, ZB_FIELD_VALUE, "682.3", "undo", NULL));
  g_assert_false (zb_figure_is_corrected (f));
  g_assert_cmpuint (zb_figure_get_corrections (f)->len, ==, 2);

  g_assert_true (zb_figure_correct (f, ZB_FIELD_KIND, "target", NULL, NULL));
  g_assert_cmpint (zb_figure_get_kind (f), ==, ZB_FIGURE_TARGET);
}

static void
test_periods (void)
{
  static const struct {
    const char *label;
    int year, first, last;
    gboolean cumulative;
  } cases[] = {
    { "1-3月", 0, 1, 3, TRUE },
    { "一季度", 0, 1, 3, TRUE },
    { "上半年", 0, 1, 6, TRUE },
    { "前三季度", 0, 1, 9, TRUE },
    { "1-9月", 0, 1, 9, TRUE },
    { "1—4月", 0, 1, 4, TRUE },
    { "1至11月", 0, 1, 11, TRUE },
    { "全年", 0, 1, 12, TRUE },
    { "9月", 0, 9, 9, FALSE },
    { "9月当月", 0, 9, 9, FALSE },
    { "二季度", 0, 4, 6, FALSE },
    { "2023年", 2023, 1, 12, TRUE },
    { "2023年1-9月", 2023, 1, 9, TRUE },
    { "截至8月", 0, 1, 8, TRUE },
    { "1月-10月", 0, 1, 10, TRUE },
    { "2023年1月-10月", 2023, 1, 10, TRUE },
    { "首季", 0, 1, 3, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ZbPeriod p;
      g_assert_true (zb_period_parse (cases[i].label, &p));
      g_assert_cmpint (p.year, ==, cases[i].year);
      g_assert_cmpint (p.first_month, ==, cases[i].first);
      g_assert_cmpint (p.last_month, ==, cases[i].last);
      g_assert_cmpint (p.cumulative, ==, cases[i].cumulative);
    }

  {
    ZbPeriod q1, h1, q3;
    zb_period_parse ("1-3月", &q1);
    zb_period_parse ("上半年", &h1);
    zb_period_parse ("前三季度", &q3);
    g_assert_cmpfloat_with_epsilon (zb_period_schedule_share (&q1), 0.25, 1e-9);
    g_assert_cmpfloat_with_epsilon (zb_period_schedule_share (&h1), 0.5, 1e-9);
    g_assert_cmpfloat_with_epsilon (zb_period_schedule_share (&q3), 0.75, 1e-9);
  }
}

/* The review mark: made, taken back, implied by a correction. */
static void
test_reviewed (void)
{
  g_autoptr(ZbFigure) f = zb_figure_new (ZB_FIGURE_ACTUAL, "网上零售额");
  g_autoptr(ZbFigure) copy = NULL;
  g_autoptr(GError) error = NULL;
  ZbNumber v = { 143.7, 1, TRUE };
  g_autofree char *mark = NULL;

  zb_figure_set_value (f, &v, "亿元");
  zb_figure_set_rule (f, "level", 0.9);
  zb_figure_add_evidence (f, ZB_EVIDENCE_NAME_LONG | ZB_EVIDENCE_DUPLICATE);
  g_assert_true (zb_figure_needs_review (f));
  g_assert_false (zb_figure_get_reviewed (f));
  g_assert_true (zb_figure_awaits_review (f));
  g_assert_null (zb_figure_get_review_correction (f));

  g_assert_true (zb_figure_correct (f, ZB_FIELD_REVIEWED, "true", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (zb_figure_get_reviewed (f));
  g_assert_false (zb_figure_awaits_review (f));
  /* a mark is no correction of what the report says */
  g_assert_false (zb_figure_is_corrected (f));
  g_assert_cmpint (zb_figure_get_review_correction (f)->field, ==, ZB_FIELD_REVIEWED);

  g_assert_true (zb_figure_correct (f, ZB_FIELD_REVIEWED, "false", NULL, NULL));
  g_assert_false (zb_figure_get_reviewed (f));
  mark = zb_figure_dup_field (f, ZB_FIELD_REVIEWED);
  g_assert_cmpstr (mark, ==, "false");
  g_assert_false (zb_figure_correct (f, ZB_FIELD_REVIEWED, "perhaps", NULL, &error));
  g_assert_error (error, ZB_ERROR, ZB_ERROR_INVALID);
  g_clear_error (&error);

  /* correcting it is reviewing it, even after an unmark */
  g_assert_true (zb_figure_correct (f, ZB_FIELD_VALUE, "143.2", NULL, NULL));
  g_assert_true (zb_figure_get_reviewed (f));
  g_assert_cmpint (zb_figure_get_review_correction (f)->field, ==, ZB_FIELD_VALUE);
  /* undoing the correction leaves it as it was before: not reviewed */
  g_assert_true (zb_figure_correct (f, ZB_FIELD_VALUE, "143.7", "undo", NULL));
  g_assert_false (zb_figure_get_reviewed (f));

  /* a marked figure stays marked through an edit and its undo */
  g_assert_true (zb_figure_correct (f, ZB_FIELD_REVIEWED, "true", NULL, NULL));
  g_assert_true (zb_figure_correct (f, ZB_FIELD_UNIT, "万元", NULL, NULL));
  g_assert_true (zb_figure_correct (f, ZB_FIELD_UNIT, "亿元", "undo", NULL));
  g_assert_true (zb_figure_get_reviewed (f));

  /* the workspace's replay gives the same */
  copy = zb_figure_new (ZB_FIGURE_ACTUAL, "网上零售额");
  zb_figure_set_value (copy, &v, "亿元");
  for (guint i = 0; i < zb_figure_get_corrections (f)->len; i++)
    g_assert_true (zb_figure_apply_correction (copy, g_ptr_array_index (zb_figure_get_corrections (f), i), NULL));
  g_assert_true (zb_figure_get_reviewed (copy));
  zb_figure_restore_evidence (copy, zb_figure_get_evidence (f), zb_figure_get_confidence (f));
  g_assert_cmpint (zb_figure_get_evidence (copy), ==, ZB_EVIDENCE_NAME_LONG | ZB_EVIDENCE_DUPLICATE);
  g_assert_cmpfloat (zb_figure_get_confidence (copy), ==, zb_figure_get_confidence (f));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/figure/number-parse", test_number_parse);
  g_test_add_func ("/figure/corrections", test_corrections);
  g_test_add_func ("/figure/periods", test_periods);
  g_test_add_func ("/figure/reviewed", test_reviewed);
  return g_test_run ();
}
