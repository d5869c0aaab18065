/* bench-workbook.c — export time and peak memory for a large workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-workbook [N_FIGURES] : builds one report with N figures (10 000 by
 * default; one in ten corrected) and exports it, printing seconds and the
 * peak resident set size. Goal: under one second for 10 000 figures.
 */
#include "zb-report.h"
#include "zb-workbook.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

static const char text[] = "基准测试报告\n一、总体情况\n各项指标平稳增长，部分指标略低于预期。\n";

int
main (int    argc,
      char **argv)
{
  guint n = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 10000;
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbReport) report = zb_report_new_from_bytes (bytes, "bench.txt", NULL, &error);
  g_autoptr(GPtrArray) reports = g_ptr_array_new ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  ZbWorkbookOptions options = { .language = "zh_CN" };
  struct rusage usage;
  GStatBuf st;
  gint64 start;
  long before;
  double seconds;

  if (report == NULL)
    {
      fprintf (stderr, "bench-workbook: %s\n", error->message);
      return 2;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("第%u项经济指标", i % 200);
      g_autofree char *area = g_strdup_printf ("第%u区", i / 200);
      g_autofree char *quote = g_strdup_printf ("%s%s同比增长%.1f%%，比上半年提高0.3个百分点，完成年度目标的%u%%。",
                                                area, name, (i % 97) / 10.0, 60 + i % 40);
      g_autoptr(ZbFigure) f = zb_figure_new (ZB_FIGURE_ACTUAL, name);
      ZbNumber value = { 100 + i * 1.25, 2, TRUE };
      ZbNumber change = { (i % 97) / 10.0, 1, TRUE };
      ZbNumber target = { 5.0, 1, TRUE };

      zb_figure_set_area (f, area);
      zb_figure_set_value (f, &value, "亿元");
      zb_figure_set_change (f, &change, ZB_CHANGE_PERCENT);
      zb_figure_set_target (f, &target);
      zb_figure_set_period (f, "1-9月");
      zb_figure_set_source (f, 1, 3, 0, 0, 0, quote);
      if (i % 10 == 0)
        zb_figure_correct (f, ZB_FIELD_CHANGE, "4.5", "核对后修订", NULL);
      zb_report_add_figure (report, f);
    }
  g_ptr_array_add (reports, report);

  dir = g_dir_make_tmp ("zb-bench-XXXXXX", &error);
  if (dir == NULL)
    {
      fprintf (stderr, "bench-workbook: %s\n", error->message);
      return 2;
    }
  path = g_build_filename (dir, "bench.xlsx", NULL);

  getrusage (RUSAGE_SELF, &usage);
  before = usage.ru_maxrss;
  start = g_get_monotonic_time ();
  if (!zb_workbook_export (reports, &options, path, &error))
    {
      fprintf (stderr, "bench-workbook: %s\n", error->message);
      return 2;
    }
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  getrusage (RUSAGE_SELF, &usage);
  if (g_stat (path, &st) != 0)
    st.st_size = 0;

  printf ("figures: %u\nexport: %.3f s\npeak RSS: %.1f MiB (%.1f MiB before the export)\nworkbook: %.1f KiB\n",
          n, seconds, usage.ru_maxrss / 1024.0, before / 1024.0, st.st_size / 1024.0);
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
