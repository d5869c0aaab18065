/* test-headings.c — the block phase on reports written for the test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-report.h"
#include "zb-heading-private.h"
#include "zb-parser-private.h"

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

static ZbSection *
section (ZbReport *report,
         guint     i)
{
  return g_list_model_get_item (zb_report_get_sections (report), i);
}

static void
assert_section (ZbReport   *report,
                guint       i,
                const char *number,
                const char *title,
                int         parent,
                guint       line)
{
  g_autoptr(ZbSection) s = section (report, i);

  g_assert_nonnull (s);
  g_assert_cmpstr (zb_section_get_number (s), ==, number);
  g_assert_cmpstr (zb_section_get_title (s), ==, title);
  g_assert_cmpint (zb_section_get_parent (s), ==, parent);
  g_assert_cmpuint (zb_section_get_line (s), ==, line);
}

static void
test_number_styles (void)
{
  static const struct {
    const char     *line;
    ZbHeadingStyle  style;
    const char     *number;
  } cases[] = {
    { "一、总体情况", ZB_HEADING_STYLE_CN, "一、" },
    { "十二、其他", ZB_HEADING_STYLE_CN, "十二、" },
    { "(一)工业", ZB_HEADING_STYLE_CN_PAREN, "(一)" },
    { "(三)、金融", ZB_HEADING_STYLE_CN_PAREN, "(三)、" },
    { "1. 卫生", ZB_HEADING_STYLE_AR_DOT, "1." },
    { "2、投资。", ZB_HEADING_STYLE_AR_DUN, "2、" },
    { "(1)农业", ZB_HEADING_STYLE_AR_PAREN, "(1)" },
    { "①粮食", ZB_HEADING_STYLE_CIRCLED, "①" },
    { "第一章 总则", ZB_HEADING_STYLE_CHAPTER, "第一章" },
    { "第二节 分析", ZB_HEADING_STYLE_SECTION, "第二节" },
    { "第三,抓好落实", ZB_HEADING_STYLE_ORDINAL, "第三," },
    { "第一个问题:指标欠账", ZB_HEADING_STYLE_ORDINAL, "第一个问题:" },
    { "## 工业", ZB_HEADING_STYLE_MARKDOWN, "##" },
  };
  static const char * const not_headings[] = {
    "3.5亿元的投资",                 /* a decimal, not a number token */
    "第一季度增长5%",                /* 第一季度 is a period */
    "一是加强领导。二是压实责任。",
    "(一)抓工业。全年工业增加值增长7%。重点抓好项目。",  /* runs on */
    "1. 2023",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ZbHeadingMatch m;
      g_assert_true (zb_heading_match (cases[i].line, strlen (cases[i].line), &m));
      g_assert_cmpint (m.style, ==, cases[i].style);
      g_assert_cmpint (m.number_end - m.number_start, ==, strlen (cases[i].number));
      g_assert_true (strncmp (cases[i].line, cases[i].number, strlen (cases[i].number)) == 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_headings); i++)
    {
      ZbHeadingMatch m;
      g_assert_false (zb_heading_match (not_headings[i], strlen (not_headings[i]), &m));
    }
}

static void
test_outline (void)
{
  const char *text =
    "某区二〇二五年上半年经济运行情况报告\n"      /* 1 title */
    "\n"
    "区统计局\n"                                   /* 3 cover */
    "\n"
    "目 录\n"                                      /* 5 TOC */
    "一、总体情况\t1\n"
    "二、主要指标\t3\n"
    "\n"
    "今年以来，全区上下认真落实各项部署，经济运行总体平稳，主要指标好于预期，现将有关情况报告如下。\n" /* 9 */
    "\n"
    "一、总体情况\n"                                /* 11 */
    "\n"
    "（一）工业生产\n"                              /* 13 */
    "\n"
    "规模以上工业增加值增长6.1%，抽检食品样品\n"    /* 15 */
    "\n"
    "12\n"                                          /* 17 page number */
    "\n"
    "125 批次，合格率99%。\n"                        /* 19 */
    "\n"
    "1. 重点企业\n"                                  /* 21 */
    "\n"
    "重点企业产值增长9%。\n"
    "\n"
    "（二）投资\n"                                   /* 25 */
    "\n"
    "固定资产投资增长4%。\n"
    "\n"
    "二、主要指标\n"                                 /* 29 */
    "\n"
    "各项指标稳中有进。\n";
  g_autoptr(ZbReport) report = parse (text);
  GListModel *sections = zb_report_get_sections (report);

  /* the cover's lines are not headings; the title still names the report */
  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, 5);
  assert_section (report, 0, "一、", "总体情况", -1, 11);
  assert_section (report, 1, "（一）", "工业生产", 0, 13);
  assert_section (report, 2, "1.", "重点企业", 1, 21);
  assert_section (report, 3, "（二）", "投资", 0, 25);
  assert_section (report, 4, "二、", "主要指标", -1, 29);
  g_assert_cmpstr (zb_report_get_title (report), ==, "某区二〇二五年上半年经济运行情况报告");
}

/* 第二部分 after 一、 and （一）: a part outranks the lists whatever comes
 * first; the lists after it start again below it. */
static void
test_parts_outrank (void)
{
  const char *text =
    "某县经济运行分析\n"
    "\n"
    "一、总体情况\n"                                /* 3 */
    "\n"
    "（一）工业\n"                                  /* 5 */
    "\n"
    "规模以上工业增加值增长6%。\n"
    "\n"
    "第二部分 下步工作\n"                           /* 9 */
    "\n"
    "一、抓项目\n"                                  /* 11 */
    "\n"
    "确保固定资产投资增长8%。\n";
  g_autoptr(ZbReport) report = parse (text);

  /* the report's title first, beside the numbered outline */
  g_assert_cmpuint (g_list_model_get_n_items (zb_report_get_sections (report)), ==, 5);
  assert_section (report, 1, "一、", "总体情况", -1, 3);
  assert_section (report, 2, "（一）", "工业", 1, 5);
  assert_section (report, 3, "第二部分", "下步工作", -1, 9);
  assert_section (report, 4, "一、", "抓项目", 3, 11);
}

/* A caption without a number (…统计比较图) is no heading, and the heading
 * after it, or after a paragraph cut short, is one; the rest of a
 * sentence after a page break (1.5个百分点…) is not. */
static void
test_cut_before_heading (void)
{
  const char *text =
    "某县质量分析\n"
    "\n"
    "一、抽检\n"                                     /* 3 */
    "\n"
    "全年抽检合格率98.2%，比上年提高\n"
    "\n"
    "1.5个百分点，全年抽检1200批次。\n"             /* 7 */
    "\n"
    "        全县抽检合格率统计比较图\n"            /* 9 */
    "\n"
    "二、服务\n"                                     /* 11 */
    "\n"
    "服务质量总体稳定，满意度较\n"
    "\n"
    "1.旅游服务\n"                                   /* 15 */
    "\n"
    "游客满意度为91.5%。\n";
  g_autoptr(ZbReport) report = parse (text);

  g_assert_cmpuint (g_list_model_get_n_items (zb_report_get_sections (report)), ==, 4);
  assert_section (report, 1, "一、", "抽检", -1, 3);
  assert_section (report, 2, "二、", "服务", -1, 11);
  assert_section (report, 3, "1.", "旅游服务", 2, 15);
}

static void
test_page_break_join (void)
{
  const char *text =
    "（一）食品\n\n今年食品抽检有序推进，抽检高风险品种样品\n\n3\n\n125 批次，合格率100%。\n";
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(ZbSource) src = zb_source_new_from_bytes (bytes, "t.txt", NULL);
  g_autoptr(GPtrArray) blocks = zb_blocks_parse (src);
  ZbBlock *para;
  ZbJoined joined;

  g_assert_cmpuint (blocks->len, ==, 2);
  para = g_ptr_array_index (blocks, 1);
  g_assert_cmpint (para->type, ==, ZB_BLOCK_PARAGRAPH);
  zb_joined_init (&joined, src, (ZbPiece *) (void *) para->pieces->data, para->pieces->len);
  g_assert_cmpstr (joined.str->str, ==, "今年食品抽检有序推进,抽检高风险品种样品125 批次,合格率100%。");
  zb_joined_clear (&joined);
}

static void
test_running_header_and_tables (void)
{
  const char *text =
    "某市质量分析报告\n\n一、产品质量\n\n合格率稳定。\n\n某市质量分析报告\n\n"
    "表1 抽检情况\n\n\t序号\n\t县市\n\t批次数\n\n\t1\n\t甲县\n\t11\n\n"
    "某市质量分析报告\n\n分品种情况如下。\n\n品种\t批次\t合格率\n食品\t20\t99%\n\n二、工程质量\n\n工程质量稳定。\n";
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(ZbSource) src = zb_source_new_from_bytes (bytes, "t.txt", NULL);
  g_autoptr(GPtrArray) blocks = zb_blocks_parse (src);
  guint tables = 0;

  for (guint i = 0; i < blocks->len; i++)
    {
      ZbBlock *b = g_ptr_array_index (blocks, i);
      if (b->type == ZB_BLOCK_TABLE)
        {
          GArray *row0 = g_ptr_array_index (b->rows, 0);
          tables++;
          g_assert_cmpuint (b->rows->len, ==, 2);
          g_assert_cmpuint (row0->len, ==, 3);
        }
      if (b->type == ZB_BLOCK_PARAGRAPH || b->type == ZB_BLOCK_HEADING)
        {
          ZbPiece *p = &g_array_index (b->pieces, ZbPiece, 0);
          g_assert_false (strncmp (src->norm + p->start, "某市质量分析报告", p->end - p->start) == 0);
        }
    }
  g_assert_cmpuint (tables, ==, 2);
}


static void
test_wrapped_paragraphs (void)
{
  /* a report hard-wrapped at a fixed width: no line of body text is a title */
  const char *text =
    "二〇二五年一季度经济运行分析\n"
    "\n"
    "一、总体情况\n"
    "\n"
    "今年以来全县上下认真贯彻落实各项决策部署主动作为迎难而上\n"
    "经济运行呈现稳中有进的良好态势主要指标增速好于预期。\n"
    "\n"
    "二、主要指标\n"
    "\n"
    "规模以上工业增加值同比增长百分之六点五为近三年同期最高水平\n"
    "位居全市前列。\n";
  g_autoptr(ZbReport) report = parse (text);

  g_assert_cmpuint (g_list_model_get_n_items (zb_report_get_sections (report)), ==, 3);
  assert_section (report, 1, "一、", "总体情况", -1, 3);
  assert_section (report, 2, "二、", "主要指标", -1, 8);
}

/* A speech: its title, the date it was given, headings cut by a page break,
 * a paragraph's first line cut by one, short noun-phrase headings. */
static void
test_speech_layout (void)
{
  const char *text =
    "副县长某某在全县经济运行分析会上的讲话\n"        /* 1 title */
    "\n"
    "（2025年7月8日）\n"                             /* 3 dateline */
    "\n"
    "同志们：\n"
    "\n"
    "一、正视困难挑战，坚定信心稳住经济\n"           /* 7, its end on 9 */
    "\n"
    "大盘\n"
    "\n"
    "上半年全县经济运行总体平稳，主要指标好于预期。\n"
    "\n"
    "工业生产稳步回升\n"                              /* 13 a heading of its own */
    "\n"
    "规模以上工业增加值增长6.1%，比一季度加快0.8个百分点。\n"
    "\n"
    "各乡镇、各部门要把项目建设摆在更加突出的位\n"   /* 17 cut by a page break */
    "\n"
    "置，全力推进项目开工。\n";
  g_autoptr(ZbReport) report = parse (text);
  GListModel *sections = zb_report_get_sections (report);

  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, 3);
  assert_section (report, 0, NULL, "副县长某某在全县经济运行分析会上的讲话", -1, 1);
  assert_section (report, 1, "一、", "正视困难挑战，坚定信心稳住经济大盘", -1, 7);
  assert_section (report, 2, NULL, "工业生产稳步回升", -1, 13);
}

/* A bulletin: title, the office that wrote it and the month — the title is
 * a heading, the office and the date are not. */
static void
test_bulletin_title (void)
{
  const char *text =
    "某县2024年国民经济和社会发展统计公报\n"
    "\n"
    "某县统计局\n"
    "\n"
    "2025年3月\n"
    "\n"
    "一、综合\n"
    "\n"
    "全年地区生产总值增长5.1%。\n";
  g_autoptr(ZbReport) report = parse (text);

  g_assert_cmpuint (g_list_model_get_n_items (zb_report_get_sections (report)), ==, 2);
  assert_section (report, 0, NULL, "某县2024年国民经济和社会发展统计公报", -1, 1);
  assert_section (report, 1, "一、", "综合", -1, 7);
}

/* A digest in Markdown: a bold title, its issue, the office and date on one
 * line, headings of two depths with their numbers. */
static void
test_digest_layout (void)
{
  const char *text =
    "**某区经济运行简报**\n"
    "\n"
    "（2025年第2期）\n"
    "\n"
    "区统计局　2025年5月6日\n"
    "\n"
    "## 一、总体情况\n"
    "\n"
    "一季度全区经济平稳开局。\n"
    "\n"
    "### （一）工业\n"
    "\n"
    "规模以上工业增加值增长6.3%。\n";
  g_autoptr(ZbReport) report = parse (text);

  g_assert_cmpuint (g_list_model_get_n_items (zb_report_get_sections (report)), ==, 3);
  assert_section (report, 0, NULL, "某区经济运行简报", -1, 1);
  /* the Markdown level is the number; the Chinese one stays in the title */
  assert_section (report, 1, "##", "一、总体情况", -1, 7);
  assert_section (report, 2, "###", "（一）工业", 1, 11);
}

/* The region a title names is a place's name, never an official's title, a
 * deictic (全市, 我县) or a lead (关于, a period) before the name. */
static void
test_title_region (void)
{
  static const struct { const char *title; const char *region; } cases[] = {
    { "柳溪县2031年国民经济和社会发展统计公报", "柳溪县" },
    { "关于青石市2030年计划执行情况的报告", "青石市" },
    { "2031年前三季度青石市经济运行分析", "青石市" },
    { "20XX年XX经济技术开发区工作报告", "XX经济技术开发区" },
    { "市长周某某同志在全市经济工作会议上的讲话", NULL },
    { "在全县经济运行调度会上的讲话", NULL },
    { "2031年前三季度我县经济运行情况", NULL },
    { "全市经济运行简报", NULL },
    { "经济运行分析", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("%s\n\n一、总体情况\n\n地区生产总值增长5.1%%。\n", cases[i].title);
      g_autoptr(ZbReport) report = parse (text);
      g_autofree char *region = zb_report_dup_region (report);

      g_assert_cmpstr (zb_report_get_title (report), ==, cases[i].title);
      g_assert_cmpstr (region, ==, cases[i].region);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/headings/number-styles", test_number_styles);
  g_test_add_func ("/headings/outline", test_outline);
  g_test_add_func ("/headings/parts-outrank", test_parts_outrank);
  g_test_add_func ("/headings/cut-before-heading", test_cut_before_heading);
  g_test_add_func ("/blocks/page-break-join", test_page_break_join);
  g_test_add_func ("/blocks/running-header-tables", test_running_header_and_tables);
  g_test_add_func ("/blocks/wrapped-paragraphs", test_wrapped_paragraphs);
  g_test_add_func ("/blocks/speech-layout", test_speech_layout);
  g_test_add_func ("/blocks/bulletin-title", test_bulletin_title);
  g_test_add_func ("/blocks/digest-layout", test_digest_layout);
  g_test_add_func ("/report/title-region", test_title_region);
  return g_test_run ();
}
