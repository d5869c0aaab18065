/* test-workbook.c — the meeting workbook, written and read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workbook is read back with Debian's python3-openpyxl (check-workbook.py);
 * the numbers it must find are written next to it as JSON from the very
 * figures exported, so nothing is repeated by hand.
 *
 * test-workbook --write-sample OUT.xlsx LANG writes the sample workbook and
 * OUT.xlsx.json for the LibreOffice test.
 */
#include "zb-chart.h"
#include "zb-report.h"
#include "zb-workbook.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#define PYTHON "/usr/bin/python3"

/* My own sample text; the figures are built by hand below so the test does
 * not depend on how well extraction does. */
static const char sample_text[] =
  "前三季度全区经济运行简况\n"
  "一、工业和投资\n"
  "前三季度，全区规模以上工业增加值同比增长6.8%。\n"
  "全区固定资产投资同比增长4.2%，低于年初预期。\n"
  "二、消费和人口\n"
  "社会消费品零售总额1234.56亿元，同比增长5.0%。\n"
  "年末常住人口987万人。\n"
  "全年地区生产总值预期增长5.5%左右。\n";

static ZbNumber
num (double value,
     gint8  decimals)
{
  ZbNumber n = { value, decimals, TRUE };
  return n;
}

static ZbFigure *
add (ZbReport    *report,
     ZbFigureKind kind,
     const char  *name,
     const char  *quote_start,
     const char  *period)
{
  const char *text = zb_report_get_text (report);
  const char *at = strstr (text, quote_start);
  const char *end;
  g_autoptr(ZbFigure) figure = zb_figure_new (kind, name);
  g_autofree char *quote = NULL;
  gsize offset;
  guint line = 1;

  g_assert_nonnull (at);
  end = strchr (at, '\n');
  offset = at - text;
  for (const char *p = text; p < at; p++)
    line += *p == '\n';
  quote = g_strndup (at, end - at);
  zb_figure_set_source (figure, zb_report_section_at (report, offset), line, offset,
                        offset, end - at, quote);
  if (period != NULL)
    zb_figure_set_period (figure, period);
  zb_report_add_figure (report, figure);
  return figure;
}

static ZbReport *
sample_report (const char *title,
               double      shift)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (sample_text, sizeof sample_text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbReport) report = zb_report_new_from_bytes (bytes, "sample.txt", NULL, &error);
  ZbFigure *f;
  ZbNumber n;

  g_assert_no_error (error);
  g_assert_nonnull (report);
  /* extraction may or may not find figures here: start from our own */
  while (g_list_model_get_n_items (zb_report_get_figures (report)) > 0)
    {
      g_autoptr(ZbFigure) old = g_list_model_get_item (zb_report_get_figures (report), 0);
      zb_report_remove_figure (report, old, NULL);
    }
  zb_report_set_title (report, title);

  f = add (report, ZB_FIGURE_ACTUAL, "规模以上工业增加值", "前三季度，全区规模以上", "1-9月");
  n = num (6.8 + shift, 1);
  zb_figure_set_change (f, &n, ZB_CHANGE_PERCENT);
  n = num (6.0, 1);
  zb_figure_set_target (f, &n);

  f = add (report, ZB_FIGURE_ACTUAL, "固定资产投资", "全区固定资产投资", "1-9月");
  n = num (4.2 + shift, 1);
  zb_figure_set_change (f, &n, ZB_CHANGE_PERCENT);
  n = num (5.0, 1);
  zb_figure_set_target (f, &n);

  f = add (report, ZB_FIGURE_ACTUAL, "社会消费品零售总额", "社会消费品零售总额", "1-9月");
  n = num (1234.56 + shift, 2);
  zb_figure_set_value (f, &n, "亿元");
  n = num (5.0, 1);
  zb_figure_set_change (f, &n, ZB_CHANGE_PERCENT);
  n = num (5.3, 1);
  zb_figure_set_target (f, &n);

  f = add (report, ZB_FIGURE_ACTUAL, "常住人口", "年末常住人口", NULL);
  n = num (987, 0);
  zb_figure_set_value (f, &n, "万人");

  f = add (report, ZB_FIGURE_TARGET, "地区生产总值", "全年地区生产总值", "全年");
  n = num (5.5, 1);
  zb_figure_set_change (f, &n, ZB_CHANGE_PERCENT);

  return g_steal_pointer (&report);
}

static ZbFigure *
find (ZbReport   *report,
      const char *name)
{
  GListModel *figures = zb_report_get_figures (report);

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);
      if (g_strcmp0 (zb_figure_get_name (f), name) == 0)
        return f;   /* the report keeps it alive */
    }
  g_assert_not_reached ();
}

static void
json_string (GString    *out,
             const char *s)
{
  if (s == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      if (*p == '\n')
        g_string_append (out, "\\n");
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
json_number (GString        *out,
             const ZbNumber *n)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (n == NULL || !n->set)
    g_string_append (out, "null");
  else
    g_string_append (out, g_ascii_dtostr (buf, sizeof buf, n->value));
}

/* What check-workbook.py must find, taken from the figures themselves and
 * from a ledger of the same reports. */
static char *
expected_json (GPtrArray  *reports,
               const char *language)
{
  GString *out = g_string_new ("{\"language\": ");
  g_autoptr(ZbLedger) ledger = zb_ledger_new ();
  ZbReport *first = g_ptr_array_index (reports, 0);
  GListModel *figures = zb_report_get_figures (first);
  ZbFigure *corrected = find (first, "固定资产投资");
  g_autofree char *original = zb_figure_dup_original (corrected, ZB_FIELD_CHANGE);

  for (guint r = 0; r < reports->len; r++)
    zb_ledger_add_report (ledger, g_ptr_array_index (reports, r));
  json_string (out, language);
  g_string_append_printf (out, ", \"reports\": %u, \"title\": ", reports->len);
  json_string (out, zb_report_get_title (first));
  g_string_append (out, ", \"summary\": [");
  for (guint i = 0, n = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);
      g_autoptr(ZbAssessment) a = NULL;
      ZbNumber gap_number, target = { 0 };

      if (zb_figure_get_kind (f) != ZB_FIGURE_ACTUAL)
        continue;
      a = zb_ledger_assess (ledger, f);
      /* the workbook shows the gap to the millionth */
      gap_number = (ZbNumber) { round (a->gap_pp * 1e6) / 1e6, 1, !isnan (a->gap_pp) };
      if (a->target != NULL)
        target = a->target->growth;
      g_string_append (out, n++ ? ", {\"name\": " : "{\"name\": ");
      json_string (out, zb_figure_get_name (f));
      g_string_append (out, ", \"period\": ");
      json_string (out, zb_figure_get_period (f));
      g_string_append (out, ", \"unit\": ");
      json_string (out, zb_figure_get_unit (f));
      g_string_append (out, ", \"value\": ");
      json_number (out, zb_figure_get_value (f));
      g_string_append (out, ", \"value_decimals\": ");
      g_string_append_printf (out, "%d", zb_figure_get_value (f)->decimals);
      g_string_append (out, ", \"growth\": ");
      json_number (out, zb_figure_get_change (f));
      g_string_append (out, ", \"target\": ");
      json_number (out, &target);
      g_string_append (out, ", \"gap\": ");
      json_number (out, &gap_number);
      g_string_append (out, ", \"status\": ");
      json_string (out, a->status == ZB_STATUS_UNKNOWN ? NULL : zb_status_to_label (a->status, language));
      g_string_append (out, "}");
    }
  g_string_append (out, "], \"correction\": {\"name\": ");
  json_string (out, zb_figure_get_name (corrected));
  g_string_append (out, ", \"growth\": ");
  json_number (out, zb_figure_get_change (corrected));
  g_string_append (out, ", \"original\": ");
  json_string (out, original);
  g_string_append (out, ", \"note\": ");
  json_string (out, ((ZbCorrection *) g_ptr_array_index (zb_figure_get_corrections (corrected), 0))->note);
  g_string_append (out, "}}\n");
  return g_string_free (out, FALSE);
}

static GPtrArray *
sample_reports (guint n)
{
  GPtrArray *reports = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("%d年前三季度经济运行简况", 2023 + i);
      g_ptr_array_add (reports, sample_report (title, i * 0.1));
    }
  /* the clerk corrects a growth rate: the workbook must show it */
  g_assert_true (zb_figure_correct (find (g_ptr_array_index (reports, 0), "固定资产投资"),
                                    ZB_FIELD_CHANGE, "3.9", "统计局修订数", &error));
  g_assert_no_error (error);
  return reports;
}

static void
write_sample (const char *path,
              const char *language,
              guint       n_reports)
{
  g_autoptr(GPtrArray) reports = sample_reports (n_reports);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = expected_json (reports, language);
  g_autofree char *json_path = g_strconcat (path, ".json", NULL);
  ZbWorkbookOptions options = { .language = language };

  g_assert_true (zb_workbook_export (reports, &options, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (json_path, json, -1, &error));
  g_assert_no_error (error);
}

static gboolean
have_openpyxl (void)
{
  int status = -1;

  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    return FALSE;
  g_spawn_command_line_sync (PYTHON " -c 'import openpyxl'", NULL, NULL, &status, NULL);
  return status == 0;
}

static void
check_readback (const char *language,
                guint       n_reports)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zb-workbook-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-workbook.py", NULL);
  const char *argv[] = { PYTHON, script, NULL, NULL, NULL };
  int status = -1;

  if (!have_openpyxl ())
    {
      g_test_skip ("needs " PYTHON " with openpyxl (python3-openpyxl)");
      return;
    }
  g_assert_no_error (error);
  path = g_build_filename (dir, "会议材料.xlsx", NULL);
  write_sample (path, language, n_reports);
  json_path = g_strconcat (path, ".json", NULL);
  argv[2] = path;
  argv[3] = json_path;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("check-workbook.py:\n%s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_unlink (path);
  g_unlink (json_path);
  g_rmdir (dir);
}

static void
test_readback_zh (void)
{
  check_readback ("zh_CN", 1);
}

static void
test_readback_en (void)
{
  check_readback ("en", 1);
}

static void
test_readback_two_reports (void)
{
  check_readback ("zh_CN", 2);
}

/* My own report: the year's targets in one section, the half-year's
 * figures in another; the parser reads both. */
static const char targets_text[] =
  "2024年上半年全县经济运行情况\n"
  "一、年度目标\n"
  "今年主要预期目标：地区生产总值增长6%左右，规模以上工业增加值增长7%。\n"
  "二、运行情况\n"
  "上半年，全县经济稳中有进。上半年地区生产总值增长5.1%，规模以上工业增加值增长7.8%。\n";

/* The first xl/media/ part of @xlsx. */
static GBytes *
read_image (const char *xlsx)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  GBytes *image = NULL;

  archive_read_support_format_zip (a);
  g_assert_cmpint (archive_read_open_filename (a, xlsx, 10240), ==, ARCHIVE_OK);
  while (image == NULL && archive_read_next_header (a, &entry) == ARCHIVE_OK)
    {
      g_autoptr(GByteArray) data = NULL;
      char buf[8192];
      la_ssize_t n;

      if (!g_str_has_prefix (archive_entry_pathname (entry), "xl/media/"))
        continue;
      data = g_byte_array_new ();
      while ((n = archive_read_data (a, buf, sizeof buf)) > 0)
        g_byte_array_append (data, (guint8 *) buf, n);
      g_assert_cmpint (n, ==, 0);
      image = g_byte_array_free_to_bytes (g_steal_pointer (&data));
    }
  archive_read_free (a);
  return image;
}

typedef struct {
  const guint8 *data;
  gsize         left;
} PngReader;

static cairo_status_t
read_png (void          *closure,
          unsigned char *data,
          unsigned int   length)
{
  PngReader *r = closure;

  if (length > r->left)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, r->data, length);
  r->data += length;
  r->left -= length;
  return CAIRO_STATUS_SUCCESS;
}

/* The summary takes the target from the report's 预期目标 sentence through
 * the ledger, and the chart sheet's image is the project's gap chart. */
static void
check_ledger_targets (const char *language,
                      const char *behind,
                      const char *ahead)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (targets_text, sizeof targets_text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbReport) report = zb_report_new_from_bytes (bytes, "targets.txt", NULL, &error);
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *dir = g_dir_make_tmp ("zb-workbook-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-targets.py", NULL);
  g_autoptr(ZbLedger) ledger = zb_ledger_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(ZbChart) chart = NULL;
  g_autoptr(GBytes) image = NULL;
  ZbWorkbookOptions options = { .language = language };
  PngReader reader;
  cairo_surface_t *png;
  int width, height, status = -1;
  const char *argv[] = { PYTHON, script, NULL, language, behind, ahead, NULL };

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_ptr_array_add (reports, g_object_ref (report));
  path = g_build_filename (dir, "targets.xlsx", NULL);
  g_assert_true (zb_workbook_export (reports, &options, path, &error));
  g_assert_no_error (error);

  if (have_openpyxl ())
    {
      argv[2] = path;
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
      g_assert_no_error (error);
      if (!g_spawn_check_wait_status (status, NULL))
        g_test_message ("check-targets.py:\n%s%s", out, err);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
  else
    g_test_message ("no openpyxl: the summary is not read back");

  /* the image is a PNG of the size the gap chart of these figures is drawn at */
  image = read_image (path);
  g_assert_nonnull (image);
  reader.data = g_bytes_get_data (image, &reader.left);
  g_assert_cmpmem (reader.data, 8, "\x89PNG\r\n\x1a\n", 8);
  png = cairo_image_surface_create_from_png_stream (read_png, &reader);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);

  zb_ledger_add_report (ledger, report);
  all = zb_ledger_assess_all (ledger);
  chart = zb_chart_new_gap (all, NULL, language);
  g_assert_cmpuint (zb_chart_get_n_categories (chart), ==, 2);
  zb_chart_get_natural_size (chart, &width, &height);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, height);
  cairo_surface_destroy (png);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_ledger_targets_zh (void)
{
  check_ledger_targets ("zh_CN", "落后", "超前");
}

static void
test_ledger_targets_en (void)
{
  check_ledger_targets ("en", "behind", "ahead");
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

/* A cancelled export must leave the previous workbook as it was. */
static void
test_failure_keeps_previous (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zb-workbook-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "previous.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) reports = sample_reports (1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  ZbWorkbookOptions options = { .language = "en", .cancellable = cancellable };

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "previous workbook", -1, NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (zb_workbook_export (reports, &options, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "previous workbook");
  g_assert_cmpuint (count_entries (dir), ==, 1);   /* no temporary file left */

  /* and a good export replaces it */
  g_clear_error (&error);
  options.cancellable = NULL;
  g_assert_true (zb_workbook_export (reports, &options, path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "PK"));
  g_assert_cmpuint (count_entries (dir), ==, 1);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_unwritable (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zb-workbook-XXXXXX", &error);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "out.xlsx", NULL);
  g_autoptr(GPtrArray) reports = sample_reports (1);

  g_assert_no_error (error);
  g_assert_false (zb_workbook_export (reports, NULL, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_clear_error (&error);

  /* a folder where the file should go */
  g_assert_false (zb_workbook_export (reports, NULL, dir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_cmpuint (count_entries (dir), ==, 0);
  g_rmdir (dir);
}

static void
run_cli (const char **args,
         int          expected_status,
         char       **err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  int status = -1;

  g_ptr_array_add (argv, (char *) g_getenv ("ZB_CLI"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  if (WEXITSTATUS (status) != expected_status)
    g_test_message ("stderr: %s", *err);
  g_assert_cmpint (WEXITSTATUS (status), ==, expected_status);
}

static void
test_cli (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zb-workbook-XXXXXX", &error);
  g_autofree char *report = g_build_filename (dir, "report.txt", NULL);
  g_autofree char *out = g_build_filename (dir, "out.xlsx", NULL);
  g_autofree char *output = g_strconcat ("--output=", out, NULL);
  g_autofree char *bad = g_strconcat ("--output=", dir, "/missing/out.xlsx", NULL);
  g_autofree char *contents = NULL;
  char *err = NULL;

  if (g_getenv ("ZB_CLI") == NULL)
    {
      g_test_skip ("ZB_CLI is not set");
      return;
    }
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (report, sample_text, -1, NULL));

  run_cli ((const char *[]) { "export", "--lang=zh_CN", output, report, NULL }, 0, &err);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "PK"));

  /* unwritable: exit status 2, one line that names the folder */
  run_cli ((const char *[]) { "export", bad, report, NULL }, 2, &err);
  g_assert_true (g_str_has_prefix (err, "zhibiao-cli: "));
  g_assert_nonnull (strstr (err, "missing"));
  g_assert_cmpint (strchr (err, '\n') - err, ==, strlen (err) - 1);
  g_clear_pointer (&err, g_free);

  /* a report that cannot be read: status 2, previous workbook kept */
  run_cli ((const char *[]) { "export", output, "/nonexistent/report.txt", NULL }, 2, &err);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));

  /* usage errors: status 1 */
  run_cli ((const char *[]) { "export", report, NULL }, 1, &err);
  g_clear_pointer (&err, g_free);
  run_cli ((const char *[]) { "export", "--lang=fr", output, report, NULL }, 1, &err);
  g_clear_pointer (&err, g_free);

  g_unlink (out);
  g_unlink (report);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  if (argc == 4 && g_str_equal (argv[1], "--write-sample"))
    {
      write_sample (argv[2], argv[3], 1);
      return 0;
    }

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/workbook/ledger-targets/zh_CN", test_ledger_targets_zh);
  g_test_add_func ("/workbook/ledger-targets/en", test_ledger_targets_en);
  g_test_add_func ("/workbook/readback/zh_CN", test_readback_zh);
  g_test_add_func ("/workbook/readback/en", test_readback_en);
  g_test_add_func ("/workbook/readback/two-reports", test_readback_two_reports);
  g_test_add_func ("/workbook/failure-keeps-previous", test_failure_keeps_previous);
  g_test_add_func ("/workbook/unwritable", test_unwritable);
  g_test_add_func ("/workbook/cli", test_cli);
  return g_test_run ();
}
