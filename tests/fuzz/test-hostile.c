/* test-hostile.c — hostile inputs and failing disks, and reproducers of
 * what the fuzzers and sanitizers found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-chart.h"
#include "zb-report.h"
#include "zb-save.h"
#include "zb-store.h"
#include "zb-workbook.h"

#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* ---- the loader ---------------------------------------------------------- */

static GError *
load_error (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GError *error = NULL;
  g_autoptr(ZbReport) report = zb_report_new_from_file (file, NULL, &error);

  g_assert_null (report);
  g_assert_nonnull (error);
  g_test_message ("%s: %s", path, error->message);
  return error;
}

/* What is not a regular file, and what is too large, is refused before a
 * byte is read: /dev/zero would fill memory, a FIFO block for ever, a
 * 3 GiB file be read whole first. */
static void
test_loader_refuses (void)
{
  g_autofree char *dir = g_dir_make_tmp ("zb-hostile-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.txt", NULL);
  g_autofree char *sparse = g_build_filename (dir, "huge.txt", NULL);
  GError *error;
  int fd;

  error = load_error ("/dev/zero");
  g_assert_error (error, ZB_ERROR, ZB_ERROR_FORMAT);
  g_clear_error (&error);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  error = load_error (fifo);
  g_assert_error (error, ZB_ERROR, ZB_ERROR_FORMAT);
  g_clear_error (&error);

  error = load_error (dir);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  fd = g_open (sparse, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 3 << 30), ==, 0);
  close (fd);
  error = load_error (sparse);
  g_assert_error (error, ZB_ERROR, ZB_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "256 MiB"));
  g_clear_error (&error);

  g_unlink (sparse);
  g_unlink (fifo);
  g_rmdir (dir);
}

static ZbSource *
decode (const char *data,
        gsize       len,
        GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  return zb_source_new_from_bytes (bytes, "hostile.txt", error);
}

static const char sample_text[] = "一、总体情况\n\n示例县工业投资完成12.5亿元，增长3.5%。\n";

/* UTF-16 without a byte order mark is read in the right order. */
static void
test_utf16_without_bom (void)
{
  static const char * const orders[] = { "UTF-16LE", "UTF-16BE" };

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      gsize len = 0;
      g_autofree char *data = g_convert (sample_text, -1, orders[i], "UTF-8", NULL, &len, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(ZbSource) src = decode (data, len, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (src->encoding, ==, orders[i]);
      g_assert_cmpstr (src->text, ==, sample_text);
    }
}

/* Cut inside its last character: the message gives that character's byte. */
static void
test_cut_last_character (void)
{
  gsize len = strlen (sample_text);
  gsize start = len - strlen ("。\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) bom_error = NULL;
  g_autofree char *expected = g_strdup_printf ("byte %" G_GSIZE_FORMAT " ", start);
  g_autofree char *with_bom = g_strconcat ("\xEF\xBB\xBF", sample_text, NULL);
  g_autofree char *bom_expected = g_strdup_printf ("byte %" G_GSIZE_FORMAT " ", start + 3);

  g_assert_null (decode (sample_text, start + 2, &error));
  g_assert_error (error, ZB_ERROR, ZB_ERROR_ENCODING);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, expected));
  g_assert_nonnull (strstr (error->message, "cut off"));

  g_assert_null (decode (with_bom, start + 3 + 1, &bom_error));
  g_assert_nonnull (strstr (bom_error->message, bom_expected));
}

/* Hanzi whose GB18030 bytes happen to form valid UTF-8 (two-byte
 * sequences: Latin, Greek, Cyrillic, Hebrew letters) are GB18030. */
static void
test_gb18030_valid_as_utf8 (void)
{
  GString *gb = g_string_new (NULL);
  g_autofree char *utf8 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbSource) src = NULL;
  g_autoptr(ZbSource) real_utf8 = NULL;
  guint n = 0;

  for (guint lead = 0xC4; lead <= 0xD6 && n < 40; lead += 3)
    for (guint trail = 0xA1; trail <= 0xBF && n < 40; trail += 4, n++)
      {
        g_string_append_c (gb, (char) lead);
        g_string_append_c (gb, (char) trail);
        if (n % 8 == 7)
          g_string_append (gb, "12.5\n");
      }
  g_assert_true (g_utf8_validate_len (gb->str, gb->len, NULL));
  utf8 = g_convert (gb->str, gb->len, "UTF-8", "GB18030", NULL, NULL, NULL);
  g_assert_nonnull (utf8);

  src = decode (gb->str, gb->len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (src->encoding, ==, "GB18030");
  g_assert_cmpstr (src->text, ==, utf8);

  /* and real UTF-8 Chinese stays UTF-8 */
  real_utf8 = decode (utf8, strlen (utf8), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (real_utf8->encoding, ==, "UTF-8");
  g_string_free (gb, TRUE);
}

/* Control characters from a document never reach the text (and so no
 * figure, no workspace, no workbook), and offsets still map back. */
static void
test_controls_sanitised (void)
{
  static const char data[] = "一、总体\x01\n\n示例县\x1b工业投资\x7f完成\xC2\x85" "12.5亿元\xEF\xBF\xBE" "，增长3.5%。\f\v\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbSource) src = decode (data, sizeof data - 1, &error);
  const char *p;

  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (src->text, src->text_len, NULL));
  g_assert_cmpuint (zb_utf8_bad_char (src->text, src->text_len), ==, 0);
  g_assert_cmpuint (src->text_len, ==, sizeof data - 1);
  p = strstr (src->text, "12.5");
  g_assert_nonnull (p);
  g_assert_cmpuint (zb_source_orig_offset (src, p - src->text), ==, strstr (data, "12.5") - data);
  g_assert_nonnull (strstr (src->text, "\xEF\xBF\xBD"));
}

static void
test_utf8_helpers (void)
{
  g_autoptr(GError) e1 = NULL;
  g_autoptr(GError) e2 = NULL;
  g_autofree char *clean = zb_utf8_dup_clean ("a\x01" "b\xff\xC2\x85" "c\tx\ny\xEF\xBF\xBF", -1);

  g_assert_true (zb_utf8_check_input ("增长 8.4%\t备注\n第二行", "note", NULL));
  g_assert_false (zb_utf8_check_input ("\xb5\xd8\xc7\xf8", "name", &e1));
  g_assert_error (e1, ZB_ERROR, ZB_ERROR_INVALID);
  g_assert_false (zb_utf8_check_input ("a\x1b[31m", "unit", &e2));
  g_assert_nonnull (strstr (e2->message, "U+001B"));
  g_assert_cmpstr (clean, ==, "a b\xEF\xBF\xBD" " c\tx\ny\xEF\xBF\xBD");
}

/* ---- what an export may replace ----------------------------------------- */

static ZbReport *
small_report (void)
{
  return parse ("示例县经济运行情况\n\n一、总体\n\n示例县地区生产总值完成12.5亿元，增长6.1%。\n");
}

static gboolean
export_to (const char *path,
           GError    **error)
{
  g_autoptr(ZbReport) report = small_report ();
  g_autoptr(GPtrArray) reports = g_ptr_array_new ();
  ZbWorkbookOptions options = { .language = "en" };

  g_ptr_array_add (reports, report);
  return zb_workbook_export (reports, &options, path, error);
}

static gboolean
chart_to (const char *path,
          GError    **error)
{
  g_autoptr(ZbReport) report = small_report ();
  g_autoptr(ZbLedger) ledger = zb_ledger_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(ZbChart) chart = NULL;

  zb_ledger_add_report (ledger, report);
  all = zb_ledger_assess_all (ledger);
  chart = zb_chart_new_gap (all, NULL, "en");
  return zb_chart_save (chart, path, 400, 300, error);
}

static void
assert_kept (const char *path,
             const char *contents)
{
  g_autofree char *now = NULL;

  g_assert_true (g_file_get_contents (path, &now, NULL, NULL));
  g_assert_cmpstr (now, ==, contents);
}

/* Symlinks, FIFOs, folders and read-only files are not replaced; a
 * private file stays private; the stale temporary file of a killed
 * export is removed, one an export holds is not. */
static void
test_export_targets (void)
{
  g_autofree char *dir = g_dir_make_tmp ("zb-hostile-XXXXXX", NULL);
  g_autofree char *other = g_build_filename (dir, "other.xlsx", NULL);
  g_autofree char *link = g_build_filename (dir, "link.xlsx", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.pdf", NULL);
  g_autofree char *ro = g_build_filename (dir, "ro.xlsx", NULL);
  g_autofree char *mine = g_build_filename (dir, "mine.xlsx", NULL);
  g_autofree char *stale = g_build_filename (dir, ".mine.xlsx.Ab12Cd", NULL);
  g_autofree char *held = g_build_filename (dir, ".mine.xlsx.Zz98Yy", NULL);
  g_autofree char *chart = g_build_filename (dir, "chart.pdf", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  int lock;

  g_assert_true (g_file_set_contents (other, "someone else's", -1, NULL));
  g_assert_cmpint (symlink (other, link), ==, 0);
  g_assert_false (export_to (link, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  assert_kept (other, "someone else's");
  g_clear_error (&error);
  g_assert_false (chart_to (link, &error));
  g_clear_error (&error);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_false (chart_to (fifo, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  g_assert_false (export_to (dir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (ro, "read-only", -1, NULL));
  g_assert_cmpint (g_chmod (ro, 0444), ==, 0);
  g_assert_false (export_to (ro, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  assert_kept (ro, "read-only");
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (mine, "old", -1, NULL));
  g_assert_cmpint (g_chmod (mine, 0600), ==, 0);
  g_assert_true (g_file_set_contents (stale, "left by kill -9", -1, NULL));
  g_assert_true (g_file_set_contents (held, "an export in progress", -1, NULL));
  lock = g_open (held, O_RDONLY, 0);
  g_assert_cmpint (flock (lock, LOCK_EX), ==, 0);
  g_assert_true (export_to (mine, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (mine, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (held, G_FILE_TEST_EXISTS));
  close (lock);

  g_assert_true (chart_to (chart, &error));
  g_assert_no_error (error);

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

/* Charts on a full disk fail and keep the older file, PDF (whose file
 * output cairo does not check) as PNG and SVG; the workbook's failure is
 * one line, with no [ERROR] of libxlsxwriter's on stderr. */
static void
test_outputs_disk_full (void)
{
  static const char * const names[] = { "chart.pdf", "chart.svg", "chart.png", "book.xlsx" };
  g_autofree char *dir = NULL;

  if (g_test_subprocess ())
    {
      const char *d = g_getenv ("ZB_HOSTILE_DIR");

      fill_disk_at (2048);
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *path = g_build_filename (d, names[i], NULL);
          g_autoptr(GError) error = NULL;
          gboolean ok = g_str_has_suffix (path, ".xlsx") ? export_to (path, &error) : chart_to (path, &error);

          g_assert_false (ok);
          g_assert_nonnull (error);
          g_assert_null (strchr (error->message, '\n'));
          g_print ("refused: %s\n", error->message);
        }
      return;
    }

  dir = g_dir_make_tmp ("zb-hostile-XXXXXX", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_assert_true (g_file_set_contents (path, "the good one", -1, NULL));
    }
  g_setenv ("ZB_HOSTILE_DIR", dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*refused: *chart.pdf*");
  g_test_trap_assert_stderr_unmatched ("*[ERROR]*");
  g_test_trap_assert_stderr_unmatched ("*[WARNING]*");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      assert_kept (path, "the good one");
      g_unlink (path);
    }
  g_assert_cmpuint (count_entries (dir), ==, 0);
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
  g_test_add_func ("/hostile/loader-refuses", test_loader_refuses);
  g_test_add_func ("/hostile/utf16-without-bom", test_utf16_without_bom);
  g_test_add_func ("/hostile/cut-last-character", test_cut_last_character);
  g_test_add_func ("/hostile/gb18030-valid-as-utf8", test_gb18030_valid_as_utf8);
  g_test_add_func ("/hostile/controls-sanitised", test_controls_sanitised);
  g_test_add_func ("/hostile/utf8-helpers", test_utf8_helpers);
  g_test_add_func ("/hostile/export-targets", test_export_targets);
  g_test_add_func ("/hostile/outputs-disk-full", test_outputs_disk_full);
  return g_test_run ();
}
