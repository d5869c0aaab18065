/* test-import.c — .docx and PDF readers on fixtures the test makes itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-import.h"
#include "zb-source.h"
#include "zb-store.h"
#include "zb-types.h"

#include <archive.h>
#include <archive_entry.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- helpers ----------------------------------------------------------- */

typedef struct {
  const char *name;
  const char *data;
} ZipPart;

static GBytes *
make_zip (const ZipPart *parts,
          guint          n_parts)
{
  struct archive *a = archive_write_new ();
  gsize cap = 8 << 20;
  char *buf = g_malloc (cap);
  size_t used = 0;

  g_assert_cmpint (archive_write_set_format_zip (a), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_memory (a, buf, cap, &used), ==, ARCHIVE_OK);
  for (guint i = 0; i < n_parts; i++)
    {
      struct archive_entry *e = archive_entry_new ();
      gsize len = strlen (parts[i].data);

      archive_entry_set_pathname (e, parts[i].name);
      archive_entry_set_filetype (e, AE_IFREG);
      archive_entry_set_perm (e, 0644);
      archive_entry_set_size (e, len);
      g_assert_cmpint (archive_write_header (a, e), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (a, parts[i].data, len), ==, (la_ssize_t) len);
      archive_entry_free (e);
    }
  g_assert_cmpint (archive_write_close (a), ==, ARCHIVE_OK);
  archive_write_free (a);
  return g_bytes_new_take (g_realloc (buf, used), used);
}

static ZbReport *
report_from_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  ZbReport *report = zb_import_report_from_bytes (bytes, "plain.txt", NULL, &error);

  g_assert_no_error (error);
  return report;
}

/* Sections and figures as lines of text, without positions, to compare a
 * document with its plain-text equivalent. */
static char *
signature (ZbReport *report)
{
  GListModel *sections = zb_report_get_sections (report);
  GListModel *figures = zb_report_get_figures (report);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(ZbSection) sec = g_list_model_get_item (sections, i);
      g_string_append_printf (s, "S %u|%s|%s\n", zb_section_get_level (sec),
                              zb_section_get_number (sec) ? zb_section_get_number (sec) : "-",
                              zb_section_get_title (sec));
    }
  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) fig = g_list_model_get_item (figures, i);
      const ZbNumber *v = zb_figure_get_value (fig);
      const ZbNumber *c = zb_figure_get_change (fig);

      g_string_append_printf (s, "F %d|%s|%g|%s|%g|%d|%s|%d\n",
                              zb_figure_get_kind (fig), zb_figure_get_name (fig),
                              v->set ? v->value : -1, zb_figure_get_unit (fig) ? zb_figure_get_unit (fig) : "",
                              c->set ? c->value : -1, zb_figure_get_change_unit (fig),
                              zb_figure_get_period (fig) ? zb_figure_get_period (fig) : "",
                              zb_figure_get_section (fig));
    }
  return g_string_free (s, FALSE);
}

static ZbFigure *
find_figure (ZbReport *report,
             double    change)
{
  GListModel *figures = zb_report_get_figures (report);

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) fig = g_list_model_get_item (figures, i);
      if (zb_figure_get_change (fig)->set && zb_figure_get_change (fig)->value == change)
        return fig;
    }
  return NULL;
}

static const char *
locator_of (ZbReport *report,
            ZbFigure *fig)
{
  return zb_source_get_locator (zb_report_get_source (report), zb_figure_get_line (fig));
}

/* ---- the .docx fixture -------------------------------------------------- */

#define W_DOC_OPEN \
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" \
  "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
#define P(text) "<w:p><w:r><w:t>" text "</w:t></w:r></w:p>"
#define P_STYLE(style, text) "<w:p><w:pPr><w:pStyle w:val=\"" style "\"/></w:pPr><w:r><w:t>" text "</w:t></w:r></w:p>"
#define P_NUM(style, num, lvl, text) \
  "<w:p><w:pPr><w:pStyle w:val=\"" style "\"/><w:numPr><w:ilvl w:val=\"" lvl "\"/>" \
  "<w:numId w:val=\"" num "\"/></w:numPr></w:pPr><w:r><w:t>" text "</w:t></w:r></w:p>"
#define TC(extra, text) "<w:tc><w:tcPr>" extra "</w:tcPr>" P (text) "</w:tc>"

static const char docx_styles[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
  "<w:style w:type=\"paragraph\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
  "<w:basedOn w:val=\"Normal\"/><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>"
  /* a Chinese Word names its own heading style 标题 2 and sets no outline level */
  "<w:style w:type=\"paragraph\" w:styleId=\"2\"><w:name w:val=\"标题 2\"/><w:basedOn w:val=\"Normal\"/></w:style>"
  /* a custom style that only inherits the outline level */
  "<w:style w:type=\"paragraph\" w:styleId=\"Mine\"><w:name w:val=\"My Heading\"/><w:basedOn w:val=\"Heading1\"/></w:style>"
  "</w:styles>";

static const char docx_numbering[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
  "<w:abstractNum w:abstractNumId=\"0\">"
  "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/><w:suff w:val=\"nothing\"/></w:lvl>"
  "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%2）\"/><w:suff w:val=\"nothing\"/></w:lvl>"
  "</w:abstractNum>"
  "<w:abstractNum w:abstractNumId=\"1\">"
  "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
  "</w:abstractNum>"
  "<w:abstractNum w:abstractNumId=\"2\">"
  "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\xE2\x80\xA2\"/></w:lvl>"
  "</w:abstractNum>"
  "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
  "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
  "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"2\"/></w:num>"
  "</w:numbering>";

static const char docx_document[] =
  W_DOC_OPEN
  P ("某市2024年前三季度经济运行情况")
  "<w:p/>"
  P_NUM ("Heading1", "1", "0", "总体情况")
  /* runs split mid-number, formatting and a footnote mark: all dropped */
  "<w:p><w:r><w:t>前三季度，全市地区生产总值增长</w:t></w:r>"
  "<w:r><w:rPr><w:b/></w:rPr><w:t>6</w:t></w:r><w:r><w:t>.5%。</w:t></w:r>"
  "<w:r><w:footnoteReference w:id=\"1\"/></w:r>"
  "<w:del><w:r><w:delText>删去的旧稿</w:delText></w:r></w:del></w:p>"
  P_NUM ("2", "1", "1", "工业生产")
  P ("规模以上工业增加值增长7.2%。")
  P_NUM ("2", "1", "1", "固定资产投资")
  P ("固定资产投资增长4.1%。")
  P_NUM ("Heading1", "1", "0", "重点工作")
  P_NUM ("Normal", "2", "0", "新开工项目45个。")
  P_NUM ("Normal", "2", "0", "竣工项目30个。")
  P_NUM ("Normal", "3", "0", "继续做好保供稳价。")
  /* headings without a number */
  P_STYLE ("Mine", "附表")
  P_STYLE ("2", "主要指标完成情况")
  "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
  "<w:tr>" TC ("", "类别") TC ("", "指标") TC ("", "数值") "</w:tr>"
  "<w:tr>" TC ("<w:vMerge w:val=\"restart\"/>", "工业") TC ("", "增加值（亿元）") TC ("", "120.5") "</w:tr>"
  "<w:tr>" TC ("<w:vMerge/>", "") TC ("", "利润（亿元）") TC ("", "30.2") "</w:tr>"
  "<w:tr>" TC ("<w:gridSpan w:val=\"2\"/>", "合计") TC ("", "150.7") "</w:tr>"
  "</w:tbl>"
  P ("社会消费品零售总额增长5.3%，比上半年加快0.4个百分点。")
  "<w:sectPr/></w:body></w:document>";

/* What a clerk would type for the same report. */
static const char docx_as_text[] =
  "某市2024年前三季度经济运行情况\n\n"
  "一、总体情况\n\n"
  "前三季度，全市地区生产总值增长6.5%。\n\n"
  "（一）工业生产\n\n"
  "规模以上工业增加值增长7.2%。\n\n"
  "（二）固定资产投资\n\n"
  "固定资产投资增长4.1%。\n\n"
  "二、重点工作\n\n"
  "1. 新开工项目45个。\n\n"
  "2. 竣工项目30个。\n\n"
  "继续做好保供稳价。\n\n"
  "# 附表\n\n"
  "## 主要指标完成情况\n\n"
  "类别\t指标\t数值\n"
  "工业\t增加值（亿元）\t120.5\n"
  "工业\t利润（亿元）\t30.2\n"
  "合计\t\t150.7\n\n"
  "社会消费品零售总额增长5.3%，比上半年加快0.4个百分点。\n";

static GBytes *
make_docx (void)
{
  const ZipPart parts[] = {
    { "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>" },
    { "word/styles.xml", docx_styles },
    { "word/numbering.xml", docx_numbering },
    { "word/document.xml", docx_document },
    { "word/footnotes.xml",
      "<?xml version=\"1.0\"?><w:footnotes xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:footnote w:id=\"1\"><w:p><w:r><w:t>注：本数据为初步核算数。</w:t></w:r></w:p></w:footnote></w:footnotes>" },
    { "word/header1.xml",
      "<?xml version=\"1.0\"?><w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      P ("内部资料 注意保存") "</w:hdr>" },
  };
  return make_zip (parts, G_N_ELEMENTS (parts));
}

static void
test_docx_text (void)
{
  g_autoptr(GBytes) docx = make_docx ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbReport) report = zb_import_report_from_bytes (docx, "renamed.bin", NULL, &error);
  const char *text;

  g_assert_no_error (error);
  text = zb_report_get_text (report);
  g_assert_cmpstr (zb_report_get_encoding (report), ==, "docx");
  /* automatic numbering written out, per list and level */
  g_assert_nonnull (strstr (text, "\n一、总体情况\n"));
  g_assert_nonnull (strstr (text, "\n（一）工业生产\n"));
  g_assert_nonnull (strstr (text, "\n（二）固定资产投资\n"));
  g_assert_nonnull (strstr (text, "\n二、重点工作\n"));
  g_assert_nonnull (strstr (text, "\n1. 新开工项目45个。\n\n2. 竣工项目30个。\n"));
  g_assert_nonnull (strstr (text, "\n继续做好保供稳价。\n"));
  /* unnumbered headings by outline level, inherited or from the style name */
  g_assert_nonnull (strstr (text, "\n# 附表\n"));
  g_assert_nonnull (strstr (text, "\n## 主要指标完成情况\n"));
  /* merged cells resolved */
  g_assert_nonnull (strstr (text, "工业\t增加值（亿元）\t120.5\n工业\t利润（亿元）\t30.2\n合计\t\t150.7\n"));
  /* runs joined; footnotes, headers and deleted text are not body text */
  g_assert_nonnull (strstr (text, "增长6.5%。\n"));
  g_assert_null (strstr (text, "初步核算"));
  g_assert_null (strstr (text, "内部资料"));
  g_assert_null (strstr (text, "删去"));
  g_assert_null (strstr (text, "\n\n\n"));

  /* every line says where it sits in the document */
  {
    ZbSource *src = zb_report_get_source (report);
    const char *row = strstr (text, "工业\t利润");
    const char *title = strstr (text, "某市");

    g_assert_cmpstr (zb_source_get_locator (src, zb_source_line_at (src, row - text)), ==, "table 1, row 3");
    g_assert_cmpstr (zb_source_get_locator (src, zb_source_line_at (src, title - text)), ==, "paragraph 1");
    g_assert_nonnull (zb_source_get_locator (src, src->n_lines));
    g_assert_null (zb_source_get_locator (src, src->n_lines + 1));
  }
}

static void
test_docx_same_as_text (void)
{
  g_autoptr(GBytes) docx = make_docx ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbReport) from_docx = zb_import_report_from_bytes (docx, "report.docx", NULL, &error);
  g_autoptr(ZbReport) from_text = report_from_text (docx_as_text);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  ZbFigure *fig;

  g_assert_no_error (error);
  a = signature (from_docx);
  b = signature (from_text);
  g_test_message ("docx:\n%s", a);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpuint (g_list_model_get_n_items (zb_report_get_sections (from_docx)), >=, 6);
  g_assert_cmpuint (g_list_model_get_n_items (zb_report_get_figures (from_docx)), >=, 4);

  /* positions point into the document: the GDP figure is its 4th paragraph */
  fig = find_figure (from_docx, 6.5);
  g_assert_nonnull (fig);
  g_assert_cmpstr (locator_of (from_docx, fig), ==, "paragraph 4");
  g_assert_cmpstr (zb_source_get_locator (zb_report_get_source (from_text), 1), ==, NULL);
  {
    const char *text = zb_report_get_text (from_docx);
    g_autofree char *quote = g_strndup (text + zb_figure_get_text_offset (fig), zb_figure_get_text_length (fig));
    g_assert_nonnull (strstr (quote, "6.5"));
  }
}

/* ---- the PDF fixture ---------------------------------------------------- */

#define PAGE_W 595.0
#define PAGE_H 842.0

static double
draw_para (cairo_t    *cr,
           const char *text,
           double      y)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("WenQuanYi Micro Hei 12");
  int w, h;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((PAGE_W - 144) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_CHAR);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, 72, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, &w, &h);
  return y + (double) h / PANGO_SCALE;
}

static void
draw_furniture (cairo_t *cr,
                int      page)
{
  g_autofree char *number = g_strdup_printf ("- %d -", page);

  draw_para (cr, "某市统计局经济运行简报", 36);
  draw_para (cr, number, PAGE_H - 50);
}

/* Two pages: a running header and page number on each, a paragraph that
 * crosses the page break. With text FALSE, only shapes: a scan. */
static GBytes *
make_pdf (gboolean text)
{
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("zb-import-XXXXXX.pdf", &path, NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autofree char *data = NULL;
  gsize len;
  double y;

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  surface = cairo_pdf_surface_create (path, PAGE_W, PAGE_H);
  cr = cairo_create (surface);

  if (!text)
    {
      cairo_rectangle (cr, 72, 72, 300, 200);
      cairo_fill (cr);
      cairo_show_page (cr);
    }
  else
    {
      draw_furniture (cr, 1);
      y = draw_para (cr, "某市2024年前三季度经济运行情况", 90) + 18;
      y = draw_para (cr, "一、经济运行总体平稳", y) + 18;
      y = draw_para (cr, "前三季度，全市地区生产总值增长6.5%，经济运行稳中有进，"
                         "主要指标好于预期，高质量发展扎实推进。", y) + 18;
      /* filler that pushes the next paragraph to the foot of the page */
      for (int i = 0; i < 8 && y < PAGE_H - 200; i++)
        y = draw_para (cr, "各地各部门认真落实各项决策部署，统筹推进稳增长、促改革、调结构、惠民生、防风险各项工作。", y) + 18;
      draw_para (cr, "前三季度，全市社会消费品零售总额", PAGE_H - 110);
      cairo_show_page (cr);

      draw_furniture (cr, 2);
      y = draw_para (cr, "增长5.3%，比上半年加快0.4个百分点。", 90) + 18;
      y = draw_para (cr, "二、工业生产", y) + 18;
      draw_para (cr, "规模以上工业增加值增长7.2%。", y);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_unlink (path);
  return g_bytes_new_take (g_steal_pointer (&data), len);
}

/* The first page's paragraphs as a clerk would type them. */
static const char pdf_first_paragraphs[] =
  "某市2024年前三季度经济运行情况\n\n"
  "一、经济运行总体平稳\n\n"
  "前三季度，全市地区生产总值增长6.5%，经济运行稳中有进，"
  "主要指标好于预期，高质量发展扎实推进。\n\n";

static void
test_pdf_same_as_text (void)
{
  g_autoptr(GBytes) pdf = make_pdf (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbReport) from_pdf = zb_import_report_from_bytes (pdf, "brief.docx", NULL, &error);
  g_autoptr(ZbReport) from_text = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  const char *text;
  ZbFigure *fig;
  GString *equiv;

  g_assert_no_error (error);
  text = zb_report_get_text (from_pdf);
  g_assert_cmpstr (zb_report_get_encoding (from_pdf), ==, "pdf");
  /* the running header is gone, the page number is left to the block phase */
  g_assert_null (strstr (text, "简报"));
  g_assert_nonnull (strstr (text, "规模以上工业增加值增长7.2%。"));

  /* the same report typed as text: the filler paragraphs as the PDF has them */
  equiv = g_string_new (pdf_first_paragraphs);
  {
    guint n = 0;
    const char *p = text;
    const char *f = "各地各部门认真落实各项决策部署";

    while ((p = strstr (p, f)) != NULL)
      n++, p += strlen (f);
    g_assert_cmpuint (n, >=, 1);
    for (guint i = 0; i < n; i++)
      g_string_append (equiv, "各地各部门认真落实各项决策部署，统筹推进稳增长、促改革、调结构、惠民生、防风险各项工作。\n\n");
  }
  g_string_append (equiv, "前三季度，全市社会消费品零售总额增长5.3%，比上半年加快0.4个百分点。\n\n"
                          "二、工业生产\n\n"
                          "规模以上工业增加值增长7.2%。\n");
  from_text = report_from_text (equiv->str);
  g_string_free (equiv, TRUE);

  a = signature (from_pdf);
  b = signature (from_text);
  g_test_message ("pdf:\n%s", a);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpuint (g_list_model_get_n_items (zb_report_get_figures (from_pdf)), >=, 3);

  /* the paragraph broken by the page is one figure, found on page 2 */
  fig = find_figure (from_pdf, 5.3);
  g_assert_nonnull (fig);
  g_assert_true (g_str_has_prefix (zb_figure_get_name (fig), "社会消费品零售总额"));
  fig = find_figure (from_pdf, 7.2);
  g_assert_nonnull (fig);
  g_assert_true (g_str_has_prefix (locator_of (from_pdf, fig), "p. 2, line "));
}

/* ---- bad input ---------------------------------------------------------- */

static void
assert_refused (GBytes     *bytes,
                const char *path,
                const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbReport) report = zb_import_report_from_bytes (bytes, path, NULL, &error);

  g_assert_null (report);
  g_assert_nonnull (error);
  g_test_message ("%s: %s", path, error->message);
  g_assert_error (error, ZB_ERROR, error->code);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_nonnull (strstr (error->message, needle));
}

/* The first occurrence: a zip's local header comes before its data. */
static const char *
find_first (const char *data,
           gsize       len,
           const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

static void
test_bad_docx (void)
{
  g_autoptr(GBytes) docx = make_docx ();
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (docx, 0, g_bytes_get_size (docx) / 2);
  g_autoptr(GBytes) junk = g_bytes_new_static ("PK\003\004 this is not really a zip archive", 40);
  g_autoptr(GBytes) empty_zip = g_bytes_new_static ("PK\005\006\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 22);
  g_autoptr(GBytes) binary = g_bytes_new_static ("\x01\x02\x03\x00\xff\xfe\x00\x10", 8);
  g_autoptr(GBytes) ole = g_bytes_new_static ("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12);
  const ZipPart no_document[] = { { "word/styles.xml", docx_styles }, { "notes.txt", "hello" } };
  const ZipPart bad_xml[] = { { "word/document.xml", W_DOC_OPEN "<w:p><w:r><w:t>未闭合" } };
  const ZipPart no_text[] = { { "word/document.xml", W_DOC_OPEN "<w:p/></w:body></w:document>" } };
  g_autoptr(GBytes) zip_no_document = make_zip (no_document, G_N_ELEMENTS (no_document));
  g_autoptr(GBytes) zip_bad_xml = make_zip (bad_xml, G_N_ELEMENTS (bad_xml));
  g_autoptr(GBytes) zip_no_text = make_zip (no_text, G_N_ELEMENTS (no_text));

  assert_refused (truncated, "truncated.docx", "truncated");
  {
    /* the directory intact, word/document.xml's compressed data garbled */
    gsize len;
    const char *data = g_bytes_get_data (docx, &len);
    const char *at = find_first (data, len, "word/document.xml");
    g_autofree char *copy = g_memdup2 (data, len);
    g_autoptr(GBytes) garbled = NULL;

    g_assert_nonnull (at);
    for (gsize i = (at - data) + 60; i < (gsize) (at - data) + 260 && i < len; i++)
      copy[i] ^= 0x5A;
    garbled = g_bytes_new_take (g_steal_pointer (&copy), len);
    assert_refused (garbled, "garbled.docx", "damaged");
  }
  assert_refused (junk, "junk.docx", "Word document");
  assert_refused (empty_zip, "empty.docx", "word/document.xml");
  assert_refused (zip_no_document, "other.docx", "word/document.xml");
  assert_refused (zip_bad_xml, "bad.docx", "not valid XML");
  assert_refused (zip_no_text, "blank.docx", "no text");
  assert_refused (binary, "binary.docx", "not text");
  assert_refused (ole, "locked.docx", "password-protected");
}

/* A PDF whose user password is not empty: the standard security handler
 * with a /U entry no empty password matches. */
static GBytes *
make_encrypted_pdf (void)
{
  GString *s = g_string_new ("%PDF-1.4\n");
  gsize offsets[5];
  gsize xref;
  const char *objects[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    "<< /Filter /Standard /V 1 /R 2 /P -44 "
    "/O <0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef> "
    "/U <fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210> >>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      offsets[i] = s->len;
      g_string_append_printf (s, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
    }
  xref = s->len;
  g_string_append (s, "xref\n0 5\n0000000000 65535 f \n");
  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    g_string_append_printf (s, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append_printf (s, "trailer\n<< /Size 5 /Root 1 0 R /Encrypt 4 0 R "
                             "/ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] >>\n"
                             "startxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", xref);
  return g_string_free_to_bytes (s);
}

static void
test_bad_pdf (void)
{
  g_autoptr(GBytes) pdf = make_pdf (TRUE);
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (pdf, 0, g_bytes_get_size (pdf) / 2);
  g_autoptr(GBytes) scan = make_pdf (FALSE);
  g_autoptr(GBytes) encrypted = make_encrypted_pdf ();
  g_autoptr(GBytes) junk = g_bytes_new_static ("%PDF-1.7\nnothing here\n%%EOF\n", 28);

  assert_refused (truncated, "truncated.pdf", "truncated");
  assert_refused (scan, "scan.pdf", "no text layer");
  assert_refused (encrypted, "locked.pdf", "encrypted");
  assert_refused (junk, "junk.pdf", "damaged");
}

/* ---- documents that stand for far more than their size ------------------ */

/* An internal entity referenced thousands of times: a kilobyte that was
 * gigabytes of text. Refused at its DTD, before any reference is read. */
static void
test_docx_entities (void)
{
  g_autoptr(GString) doc = g_string_new ("<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY a \"");
  g_autoptr(GBytes) bytes = NULL;
  gint64 t0;

  for (guint i = 0; i < 50; i++)
    g_string_append (doc, "示例县地区生产总值完成12.5亿元。");
  g_string_append (doc, "\">]><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                        "<w:body>");
  for (guint i = 0; i < 20000; i++)
    g_string_append (doc, "<w:p><w:pPr><w:pStyle w:val=\"&a;\"/></w:pPr><w:r><w:t>&a;&a;&a;&a;&a;</w:t></w:r></w:p>");
  g_string_append (doc, "</w:body></w:document>");
  {
    const ZipPart parts[] = { { "word/document.xml", doc->str } };
    bytes = make_zip (parts, 1);
  }
  g_test_message ("entity bomb: %" G_GSIZE_FORMAT " bytes of zip, %" G_GSIZE_FORMAT " of XML",
                  g_bytes_get_size (bytes), doc->len);
  t0 = g_get_monotonic_time ();
  assert_refused (bytes, "bomb.docx", "declares XML entities");
  g_assert_cmpint (g_get_monotonic_time () - t0, <, G_USEC_PER_SEC * 5);
}

/* A part of millions of tiny elements: refused by the node budget before
 * its tree outgrows memory. */
static void
test_docx_node_budget (void)
{
  g_autoptr(GString) doc = g_string_new (W_DOC_OPEN);
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < 700000; i++)
    g_string_append (doc, "<w:p x=\"1\" y=\"2\"/>");
  g_string_append (doc, P ("最后一段") "</w:body></w:document>");
  {
    const ZipPart parts[] = { { "word/document.xml", doc->str } };
    bytes = make_zip (parts, 1);
  }
  assert_refused (bytes, "nodes.docx", "XML nodes");
}

/* A merged cell repeats its text on every row it spans: a megabyte cell
 * over a hundred rows is a hundred megabytes of text. */
static void
test_docx_text_budget (void)
{
  g_autoptr(GString) doc = g_string_new (W_DOC_OPEN "<w:tbl><w:tr>" "<w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>"
                                         "<w:p><w:r><w:t>");
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < 60000; i++)
    g_string_append (doc, "合并单元格的文字");
  g_string_append (doc, "</w:t></w:r></w:p></w:tc></w:tr>");
  for (guint i = 0; i < 200; i++)
    g_string_append (doc, "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr></w:tc></w:tr>");
  g_string_append (doc, "</w:tbl></w:body></w:document>");
  {
    const ZipPart parts[] = { { "word/document.xml", doc->str } };
    bytes = make_zip (parts, 1);
  }
  assert_refused (bytes, "merged.docx", "MiB of text");
}

/* Of two entries of one name the first is the document (and a thousand
 * copies are not read a thousand times). */
static void
test_docx_duplicate_entries (void)
{
  const ZipPart parts[] = {
    { "word/document.xml", W_DOC_OPEN P ("第一份：投资增长4.1%。") "</w:body></w:document>" },
    { "word/document.xml", W_DOC_OPEN P ("第二份：投资增长9.9%。") "</w:body></w:document>" },
  };
  g_autoptr(GBytes) bytes = make_zip (parts, G_N_ELEMENTS (parts));
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbReport) report = zb_report_new_from_bytes (bytes, "twice.docx", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (strstr (zb_report_get_text (report), "第一份"));
  g_assert_null (strstr (zb_report_get_text (report), "第二份"));
}

/* A PDF of more pages than any report: refused before a page is read. */
static void
test_pdf_too_many_pages (void)
{
  GString *s = g_string_new ("%PDF-1.4\n");
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GBytes) bytes = NULL;
  guint n_pages = ZB_SOURCE_MAX_PAGES + 1;
  gsize xref, at;

  /* 1 catalog, 2 pages, 3 content, 4… the pages */
  at = s->len;
  g_array_append_val (offsets, at);
  g_string_append (s, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
  at = s->len;
  g_array_append_val (offsets, at);
  g_string_append (s, "2 0 obj\n<< /Type /Pages /Kids [");
  for (guint i = 0; i < n_pages; i++)
    g_string_append_printf (s, "%u 0 R ", i + 4);
  g_string_append_printf (s, "] /Count %u >>\nendobj\n", n_pages);
  at = s->len;
  g_array_append_val (offsets, at);
  g_string_append (s, "3 0 obj\n<< /Length 0 >>\nstream\n\nendstream\nendobj\n");
  for (guint i = 0; i < n_pages; i++)
    {
      at = s->len;
      g_array_append_val (offsets, at);
      g_string_append_printf (s, "%u 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"
                                 "\nendobj\n", i + 4);
    }
  xref = s->len;
  g_string_append_printf (s, "xref\n0 %u\n0000000000 65535 f \n", offsets->len + 1);
  for (guint i = 0; i < offsets->len; i++)
    g_string_append_printf (s, "%010" G_GSIZE_FORMAT " 00000 n \n", g_array_index (offsets, gsize, i));
  g_string_append_printf (s, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          offsets->len + 1, xref);
  bytes = g_string_free_to_bytes (s);
  assert_refused (bytes, "pages.pdf", "pages");
}

/* ---- Word and PDF reports in the workspace ------------------------------ */

static char *
run_cli (const char *workspace,
         int        *status,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  const char *arg;
  va_list args;
  int wait = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("ZB_CLI"));
  g_ptr_array_add (argv, "--workspace");
  g_ptr_array_add (argv, (gpointer) workspace);
  va_start (args, status);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &wait, &error));
  g_assert_no_error (error);
  g_test_message ("cli %s: %s", (char *) argv->pdata[3], err);
  *status = g_spawn_check_wait_status (wait, NULL) ? 0 : (WIFEXITED (wait) ? WEXITSTATUS (wait) : -1);
  return out;
}

/* The id of the figure the JSON of `figures` gives with @change. */
static char *
figure_id_with_change (const char *json,
                       const char *change)
{
  g_autofree char *needle = g_strdup_printf ("\"change\": %s,", change);
  const char *at = strstr (json, needle);
  const char *id;

  g_assert_nonnull (at);
  for (id = at; id > json && !g_str_has_prefix (id, "\"id\": "); id--)
    ;
  g_assert_true (g_str_has_prefix (id, "\"id\": "));
  return g_strndup (id + 6, strspn (id + 6, "0123456789"));
}

/* Corrections on Word and PDF reports are kept: imported, corrected and
 * opened again through the workspace and through the CLI, the correction
 * is there. (The workspace compared the file's bytes, read as text, with
 * the report's text: never equal for a document.) */
static void
test_document_corrections (gconstpointer data)
{
  const char *kind = data;
  g_autoptr(GBytes) bytes = g_str_equal (kind, "docx") ? make_docx () : make_pdf (TRUE);
  g_autofree char *dir = g_dir_make_tmp ("zb-import-XXXXXX", NULL);
  g_autofree char *name = g_strconcat ("report.", kind, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *db = g_build_filename (dir, "w.zhibiao", NULL);
  g_autofree char *cli_db = g_build_filename (dir, "cli.zhibiao", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(ZbReport) report = NULL;
  g_autoptr(ZbReport) loaded = NULL;
  g_autoptr(ZbReport) again = NULL;
  g_autofree char *out = NULL;
  g_autofree char *id = NULL;
  g_autofree char *fid = NULL;
  g_autofree char *needle = NULL;
  ZbFigure *figure;
  GPtrArray *corrections;
  gint64 report_id = 0, again_id = 0;
  int status;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));

  /* the store */
  store = zb_store_open (db, &error);
  g_assert_no_error (error);
  report = zb_report_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (zb_store_import_report (store, report, &report_id, NULL, &error));
  g_assert_no_error (error);
  figure = find_figure (report, 7.2);
  g_assert_nonnull (figure);
  g_assert_true (zb_figure_correct (figure, ZB_FIELD_CHANGE, "7.5", "核对", &error));
  corrections = zb_figure_get_corrections (figure);
  g_assert_true (zb_store_record_correction (store, figure, g_ptr_array_index (corrections, 0), &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = zb_store_open (db, &error);
  g_assert_no_error (error);
  loaded = zb_store_load_report (store, report_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zb_report_get_text (loaded), ==, zb_report_get_text (report));
  g_assert_cmpstr (zb_report_get_encoding (loaded), ==, kind);
  g_assert_nonnull (find_figure (loaded, 7.5));
  g_assert_null (find_figure (loaded, 7.2));
  /* opened again from the file: the same report, its correction replayed */
  again = zb_report_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (zb_store_import_report (store, again, &again_id, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (again_id, ==, report_id);
  g_assert_nonnull (find_figure (again, 7.5));

  /* the CLI */
  out = run_cli (cli_db, &status, "import", path, NULL);
  g_assert_cmpint (status, ==, 0);
  id = g_strstrip (g_strdup (out));
  g_clear_pointer (&out, g_free);
  out = run_cli (cli_db, &status, "figures", id, NULL);
  g_assert_cmpint (status, ==, 0);
  fid = figure_id_with_change (out, "7.2");
  g_clear_pointer (&out, g_free);
  out = run_cli (cli_db, &status, "correct", fid, "change", "7.5", NULL);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);
  out = run_cli (cli_db, &status, "import", path, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (g_strstrip (out), ==, id);
  g_clear_pointer (&out, g_free);
  out = run_cli (cli_db, &status, "figures", id, NULL);
  g_assert_cmpint (status, ==, 0);
  needle = g_strdup_printf ("\"id\": %s,", fid);
  g_assert_nonnull (strstr (out, needle));
  {
    g_autofree char *corrected = figure_id_with_change (out, "7.5");
    g_assert_cmpstr (corrected, ==, fid);
  }

  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *entry;

    while ((entry = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *p = g_build_filename (dir, entry, NULL);
        g_unlink (p);
      }
  }
  g_rmdir (dir);
}

/* A failed import leaves the next one unaffected. */
static void
test_after_failure (void)
{
  g_autoptr(GBytes) junk = g_bytes_new_static ("PK\003\004 broken", 14);
  g_autoptr(GBytes) docx = make_docx ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbReport) bad = zb_import_report_from_bytes (junk, "a.docx", NULL, &error);
  g_autoptr(ZbReport) good = NULL;

  g_assert_null (bad);
  g_clear_error (&error);
  good = zb_import_report_from_bytes (docx, "b.docx", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_figure (good, 7.2));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* the workspace reopens the reports it stores through the importer */
  zb_import_register ();
  g_test_add_func ("/import/docx/text", test_docx_text);
  g_test_add_func ("/import/docx/same-as-text", test_docx_same_as_text);
  g_test_add_func ("/import/docx/bad-input", test_bad_docx);
  g_test_add_func ("/import/pdf/same-as-text", test_pdf_same_as_text);
  g_test_add_func ("/import/pdf/bad-input", test_bad_pdf);
  g_test_add_func ("/import/after-failure", test_after_failure);
  g_test_add_func ("/import/docx/entities", test_docx_entities);
  g_test_add_func ("/import/docx/node-budget", test_docx_node_budget);
  g_test_add_func ("/import/docx/text-budget", test_docx_text_budget);
  g_test_add_func ("/import/docx/duplicate-entries", test_docx_duplicate_entries);
  g_test_add_func ("/import/pdf/too-many-pages", test_pdf_too_many_pages);
  g_test_add_data_func ("/import/docx/corrections-kept", "docx", test_document_corrections);
  g_test_add_data_func ("/import/pdf/corrections-kept", "pdf", test_document_corrections);
  return g_test_run ();
}
