/* test-source.c — decoding, normalisation and offsets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-report.h"
#include "zb-source.h"

#include <string.h>

static ZbSource *
source_from (const char *data,
             gsize       len,
             GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  return zb_source_new_from_bytes (bytes, "test.txt", error);
}

static void
test_utf8_bom_and_crlf (void)
{
  const char data[] = "\xEF\xBB\xBF一、总体情况\r\n\r\n地区生产总值增长8.4%。\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbSource) src = source_from (data, sizeof data - 1, &error);
  const char *p;

  g_assert_no_error (error);
  g_assert_cmpstr (src->encoding, ==, "UTF-8");
  g_assert_null (strchr (src->text, '\r'));
  g_assert_cmpuint (src->n_lines, ==, 3);
  p = strstr (src->text, "地区");
  g_assert_nonnull (p);
  g_assert_cmpuint (zb_source_line_at (src, p - src->text), ==, 3);
  /* BOM (3) + "一、总体情况" (18) + CRLF CRLF (4) */
  g_assert_cmpuint (zb_source_orig_offset (src, p - src->text), ==, 3 + 18 + 4);
}

static void
test_fullwidth_folded (void)
{
  const char data[] = "增长８．４％，**682.3亿元**";
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbSource) src = source_from (data, sizeof data - 1, &error);
  const char *p;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (src->norm, "8.4%,682.3亿元"));
  /* the folded '8' maps back to the full-width '８' in the text */
  p = strchr (src->norm, '8');
  g_assert_true (g_str_has_prefix (src->text + zb_source_text_offset (src, p - src->norm), "８"));
}

static void
test_gb18030 (void)
{
  g_autofree char *gb = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbSource) src = NULL;
  const char *p;

  gb = g_convert ("标题\n工业增加值增长5.1%。\n", -1, "GB18030", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  src = source_from (gb, len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (src->encoding, ==, "GB18030");
  p = strstr (src->text, "5.1");
  g_assert_nonnull (p);
  g_assert_cmpuint (zb_source_line_at (src, p - src->text), ==, 2);
  /* 标题\n = 5 bytes; 工业增加值增长 = 14 bytes in GB18030 */
  g_assert_cmpuint (zb_source_orig_offset (src, p - src->text), ==, 5 + 14);
}

static void
test_utf16 (void)
{
  const char *order[] = { "UTF-16LE", "UTF-16BE" };
  const char *bom[] = { "\xFF\xFE", "\xFE\xFF" };

  for (guint i = 0; i < 2; i++)
    {
      gsize len = 0;
      g_autofree char *body = g_convert ("第一行\r\n增长3%", -1, order[i], "UTF-8", NULL, &len, NULL);
      g_autofree char *data = g_malloc (len + 2);
      g_autoptr(GError) error = NULL;
      g_autoptr(ZbSource) src = NULL;
      const char *p;

      memcpy (data, bom[i], 2);
      memcpy (data + 2, body, len);
      src = source_from (data, len + 2, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (src->encoding, ==, order[i]);
      p = strstr (src->text, "3%");
      g_assert_nonnull (p);
      g_assert_cmpuint (zb_source_line_at (src, p - src->text), ==, 2);
      /* BOM 2 + 3 chars * 2 + CRLF 4 + 增长 4 */
      g_assert_cmpuint (zb_source_orig_offset (src, p - src->text), ==, 2 + 6 + 4 + 4);
    }
}

static void
test_bad_inputs (void)
{
  const char binary[] = "\x7f" "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00";
  const char odd_utf16[] = "\xFF\xFE\x41";
  g_autoptr(GError) e1 = NULL;
  g_autoptr(GError) e2 = NULL;
  g_autoptr(GError) e3 = NULL;
  g_autoptr(GError) e4 = NULL;
  g_autoptr(GError) e5 = NULL;

  g_assert_null (source_from ("", 0, &e1));
  g_assert_error (e1, ZB_ERROR, ZB_ERROR_EMPTY);
  g_assert_null (source_from (" \n\r\n ", 5, &e2));
  g_assert_error (e2, ZB_ERROR, ZB_ERROR_EMPTY);
  g_assert_null (source_from (binary, sizeof binary - 1, &e3));
  g_assert_error (e3, ZB_ERROR, ZB_ERROR_BINARY);
  g_assert_null (source_from (odd_utf16, sizeof odd_utf16 - 1, &e4));
  g_assert_error (e4, ZB_ERROR, ZB_ERROR_ENCODING);
  /* bytes that are neither UTF-8 nor GB18030: 0xFF is never a GB18030 lead byte */
  g_assert_null (source_from ("abc\xff\xff\xff", 6, &e5));
  g_assert_nonnull (e5);
}

static void
test_long_line (void)
{
  GString *s = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ZbReport) report = NULL;

  /* a single 1 MB line of sentences */
  while (s->len < 1024 * 1024)
    g_string_append (s, "工业增加值同比增长5.2%，");
  bytes = g_string_free_to_bytes (s);
  report = zb_report_new_from_bytes (bytes, "long.txt", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
}

static void
test_many_headings (void)
{
  GString *s = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ZbReport) report = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (s, "（%u）第%u项工作\n\n正文第%u段。\n\n", i % 99 + 1, i, i);
  bytes = g_string_free_to_bytes (s);
  report = zb_report_new_from_bytes (bytes, "many.txt", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (zb_report_get_sections (report)), ==, 10000);
}

/* Clauses of a quarter of a megabyte with no comma, dense with what the
 * grammar's rules look around for (goals, brackets, ranks, counts,
 * periods): every rule looks a bounded way back or ahead, so this is read
 * in about the time of any such text (a rule that scanned its clause took
 * hours at a megabyte, and many minutes at this size: the test's timeout).
 * Kept small so that a sanitizer build reads it quickly too. */
static void
test_long_clauses (void)
{
  static const char * const units[] = {
    "目标1%", "(增长5%", "全市地区生产总值增长5.2%力争完成年度目标任务的60%其中（上半年增长3%",
    "确保新增3个园区居全市第2位比上年提高1个百分点", "1-9月份工业投资12亿元占年度计划的70%",
  };

  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    {
      GString *s = g_string_new ("标题\n\n");
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(ZbReport) report = NULL;

      while (s->len < 256 * 1024)
        g_string_append (s, units[u]);
      g_string_append (s, "。\n");
      bytes = g_string_free_to_bytes (s);
      report = zb_report_new_from_bytes (bytes, "clause.txt", NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (report);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/source/utf8-bom-crlf", test_utf8_bom_and_crlf);
  g_test_add_func ("/source/fullwidth", test_fullwidth_folded);
  g_test_add_func ("/source/gb18030", test_gb18030);
  g_test_add_func ("/source/utf16", test_utf16);
  g_test_add_func ("/source/bad-inputs", test_bad_inputs);
  g_test_add_func ("/source/long-line", test_long_line);
  g_test_add_func ("/source/long-clauses", test_long_clauses);
  g_test_add_func ("/source/many-headings", test_many_headings);
  return g_test_run ();
}
