/* test-hostile.c — hostile inputs and failing disks, and reproducers of
 * what the fuzzers and sanitizers found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-report.h"
#include "zb-store.h"
#include "zb-workbook.h"

#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

/* The workspace reads the file again: reports it imports are on disk. */
static ZbReport *
parse_file (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ZbReport *report;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  report = zb_report_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  return report;
}

static ZbReport *
parse (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  ZbReport *report = zb_report_new_from_bytes (bytes, "hostile.txt", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* A report of n copies of one paragraph of sample sentences. */
static char *
sample_report (guint n)
{
  GString *s = g_string_new ("示例县经济运行情况\n\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%u、第%u部分\n\n前三季度，示例县地区生产总值完成%u.5亿元，同比增长6.%u%%。"
                            "规模以上工业增加值增长7.1%%，比上半年提高0.4个百分点。\n\n",
                            i % 9 + 1, i + 1, 100 + i, i % 10);
  return g_string_free (s, FALSE);
}

/* ASan: zb_report_add_figure_from_span kept a reference of its own, so a
 * figure made by hand outlived its report. */
static void
test_span_figure_freed (void)
{
  ZbReport *report = parse ("一、工业\n\n示例县工业投资完成12.5亿元。\n");
  const char *text = zb_report_get_text (report);
  ZbFigure *figure = zb_report_add_figure_from_span (report, strstr (text, "工业投资") - text,
                                                     strlen ("工业投资完成12.5亿元"), NULL);

  g_assert_nonnull (figure);
  g_object_add_weak_pointer (G_OBJECT (figure), (gpointer *) &figure);
  g_object_unref (report);
  g_assert_null (figure);
}

/* A run of 10 000 digits is a number, never a period, and the sentences
 * around it still give their figures. */
static void
test_long_digit_run (void)
{
  GString *s = g_string_new ("一、总体\n\n示例县地区生产总值完成");
  g_autoptr(ZbReport) report = NULL;
  GListModel *figures;
  gboolean found = FALSE;

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (s, '0' + (i * 7 + 1) % 10);
  g_string_append (s, "亿元。1-9月，示例县固定资产投资同比增长8.5%。\n");
  report = parse (s->str);
  g_string_free (s, TRUE);

  figures = zb_report_get_figures (report);
  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);
      const char *period = zb_figure_get_period (f);

      g_assert_true (period == NULL || strlen (period) < 40);
      if (strstr (zb_figure_get_name (f), "固定资产投资") != NULL)
        {
          found = TRUE;
          g_assert_cmpfloat_with_epsilon (zb_figure_get_change (f)->value, 8.5, 1e-9);
        }
    }
  g_assert_true (found);
}

/* Out-of-range numbers are figures or refusals, never inf or NaN. */
static void
test_extreme_numbers (void)
{
  g_autoptr(ZbReport) report = NULL;
  g_autofree char *zeros = g_strnfill (400, '0');
  g_autofree char *nines = g_strnfill (400, '9');
  g_autofree char *text = g_strdup_printf ("一、总体\n\n示例县投资完成1e308亿元，增长0.%s1%%。"
                                           "示例县消费完成%s亿元，增长1.8e308%%。\n", zeros, nines);
  GListModel *figures;

  report = parse (text);
  figures = zb_report_get_figures (report);
  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);
      const ZbNumber *v = zb_figure_get_value (f);
      const ZbNumber *c = zb_figure_get_change (f);

      g_assert_true (!v->set || isfinite (v->value));
      g_assert_true (!c->set || isfinite (c->value));
    }
  g_free (zb_report_to_json (report, ZB_JSON_DEFAULT));
}

/* A cancelled extraction stops with G_IO_ERROR_CANCELLED. */
static void
test_cancel (void)
{
  g_autofree char *text = sample_report (2000);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&text), strlen (text));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbReport) report = NULL;

  g_cancellable_cancel (cancellable);
  report = zb_report_new_from_bytes (bytes, "big.txt", cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Files may not grow past a few kilobytes: as a full disk, write()
 * fails with EFBIG instead of ENOSPC. */
static void
fill_disk_at (rlim_t bytes)
{
  struct rlimit limit = { bytes, bytes };

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* The export fails with a message, the workbook that was there is
 * untouched and no temporary file is left. */
static void
test_export_disk_full (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *out = NULL;
  g_autofree char *contents = NULL;

  if (g_test_subprocess ())
    {
      g_autofree char *text = sample_report (400);
      g_autoptr(ZbReport) report = parse (text);
      g_autoptr(GPtrArray) reports = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;
      ZbWorkbookOptions options = { .language = "en" };

      out = g_build_filename (g_getenv ("ZB_HOSTILE_DIR"), "meeting.xlsx", NULL);
      g_ptr_array_add (reports, report);
      fill_disk_at (8192);
      g_assert_false (zb_workbook_export (reports, &options, out, &error));
      g_assert_nonnull (error);
      g_printerr ("refused: %s\n", error->message);
      return;
    }

  dir = g_dir_make_tmp ("zb-hostile-XXXXXX", NULL);
  out = g_build_filename (dir, "meeting.xlsx", NULL);
  g_assert_true (g_file_set_contents (out, "the clerk's old workbook", -1, NULL));
  g_setenv ("ZB_HOSTILE_DIR", dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*refused: *");

  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the clerk's old workbook");
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_unlink (out);
  g_rmdir (dir);
}

/* An import that runs out of disk fails with a message and the workspace
 * still opens with everything it held before. */
static void
test_import_disk_full (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(ZbReport) first = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (g_test_subprocess ())
    {
      g_autofree char *text = sample_report (3000);
      g_autoptr(ZbReport) big = parse_file (g_getenv ("ZB_HOSTILE_DIR"), "big.txt", text);

      db = g_build_filename (g_getenv ("ZB_HOSTILE_DIR"), "w.zhibiao", NULL);
      store = zb_store_open (db, &error);
      g_assert_no_error (error);
      fill_disk_at (256 * 1024);
      g_assert_false (zb_store_import_report (store, big, &id, NULL, &error));
      g_assert_nonnull (error);
      g_printerr ("refused: %s\n", error->message);
      return;
    }

  dir = g_dir_make_tmp ("zb-hostile-XXXXXX", NULL);
  db = g_build_filename (dir, "w.zhibiao", NULL);
  store = zb_store_open (db, &error);
  g_assert_no_error (error);
  first = parse_file (dir, "first.txt", "一、工业\n\n示例县工业投资完成12.5亿元，增长3.5%。\n");
  g_assert_true (zb_store_import_report (store, first, &id, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_setenv ("ZB_HOSTILE_DIR", dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*refused: *");

  store = zb_store_open (db, &error);
  g_assert_no_error (error);
  list = zb_store_list_reports (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_unlink (path);
      }
  }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hostile/span-figure-freed", test_span_figure_freed);
  g_test_add_func ("/hostile/long-digit-run", test_long_digit_run);
  g_test_add_func ("/hostile/extreme-numbers", test_extreme_numbers);
  g_test_add_func ("/hostile/cancel", test_cancel);
  g_test_add_func ("/hostile/export-disk-full", test_export_disk_full);
  g_test_add_func ("/hostile/import-disk-full", test_import_disk_full);
  return g_test_run ();
}
