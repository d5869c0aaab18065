/* test-undo-stack.c — ZbUndoStack on figures built by hand (no display needed)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-undo-stack.h"

static const char text[] = "一、工业\n\n全区规模以上工业增加值同比增长5.8%。\n";

static ZbReport *
new_report (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  ZbReport *report = zb_report_new_from_bytes (bytes, "undo-test.txt", NULL, &error);

  g_assert_no_error (error);
  return report;
}

static void
test_correct_undo_redo (void)
{
  g_autoptr(ZbReport) report = new_report ();
  g_autoptr(ZbUndoStack) undo = zb_undo_stack_new (report);
  g_autoptr(ZbFigure) figure = zb_figure_new (ZB_FIGURE_ACTUAL, "规模以上工业增加值");
  g_autoptr(GError) error = NULL;
  ZbNumber change = { 5.8, 1, TRUE };
  g_autofree char *v = NULL;

  zb_figure_set_change (figure, &change, ZB_CHANGE_PERCENT);
  g_assert_false (zb_undo_stack_get_can_undo (undo));

  /* refused: nothing recorded, nothing changed */
  g_assert_false (zb_undo_stack_correct (undo, figure, ZB_FIELD_CHANGE, "五点八", &error));
  g_assert_error (error, ZB_ERROR, ZB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (zb_undo_stack_get_n_undo (undo), ==, 0);
  g_assert_false (zb_figure_is_corrected (figure));

  g_assert_true (zb_undo_stack_correct (undo, figure, ZB_FIELD_CHANGE, "6.0", &error));
  g_assert_no_error (error);
  g_assert_true (zb_undo_stack_get_can_undo (undo));
  v = zb_figure_dup_field (figure, ZB_FIELD_CHANGE);
  g_assert_cmpstr (v, ==, "6.0");
  g_clear_pointer (&v, g_free);

  g_assert_true (zb_undo_stack_undo (undo, &error));
  v = zb_figure_dup_field (figure, ZB_FIELD_CHANGE);
  g_assert_cmpstr (v, ==, "5.8");
  g_clear_pointer (&v, g_free);
  g_assert_true (zb_undo_stack_get_can_redo (undo));
  g_assert_false (zb_undo_stack_get_can_undo (undo));
  g_assert_false (zb_undo_stack_undo (undo, &error));
  g_assert_error (error, ZB_ERROR, ZB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (zb_undo_stack_redo (undo, &error));
  v = zb_figure_dup_field (figure, ZB_FIELD_CHANGE);
  g_assert_cmpstr (v, ==, "6.0");
  g_clear_pointer (&v, g_free);

  /* a new edit drops the redo branch */
  g_assert_true (zb_undo_stack_undo (undo, NULL));
  g_assert_true (zb_undo_stack_correct (undo, figure, ZB_FIELD_UNIT, "%", NULL));
  g_assert_false (zb_undo_stack_get_can_redo (undo));

  /* deletion is a correction of the "deleted" field */
  g_assert_true (zb_undo_stack_correct (undo, figure, ZB_FIELD_DELETED, "true", NULL));
  g_assert_true (zb_figure_get_deleted (figure));
  g_assert_cmpstr (zb_undo_stack_peek_undo_label (undo), !=, NULL);
  g_assert_true (zb_undo_stack_undo (undo, NULL));
  g_assert_false (zb_figure_get_deleted (figure));
}

static void
test_added_figure (void)
{
  g_autoptr(ZbReport) report = new_report ();
  g_autoptr(ZbUndoStack) undo = zb_undo_stack_new (report);
  GListModel *figures = zb_report_get_figures (report);
  guint before = g_list_model_get_n_items (figures);
  const char *at = strstr (zb_report_get_text (report), "规模以上");
  ZbFigure *figure;

  figure = zb_report_add_figure_from_span (report, at - zb_report_get_text (report),
                                           strlen ("规模以上工业增加值"), NULL);
  zb_undo_stack_push_added (undo, figure);
  g_assert_cmpuint (g_list_model_get_n_items (figures), ==, before + 1);

  g_assert_true (zb_undo_stack_undo (undo, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (figures), ==, before);
  g_assert_true (zb_undo_stack_redo (undo, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (figures), ==, before + 1);
  {
    g_autoptr(ZbFigure) back = g_list_model_get_item (figures, before);
    g_assert_cmpstr (zb_figure_get_name (back), ==, "规模以上工业增加值");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/app/undo-stack/correct", test_correct_undo_redo);
  g_test_add_func ("/app/undo-stack/added", test_added_figure);
  return g_test_run ();
}
