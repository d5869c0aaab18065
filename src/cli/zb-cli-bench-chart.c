/* zb-cli-bench-chart.c — zhibiao-cli bench-chart: milliseconds per frame of the gap chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-cli.h"
#include "zb-chart.h"
#include "zb-ledger.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *indicators[] = {
  "地区生产总值", "规模以上工业增加值", "固定资产投资", "社会消费品零售总额", "地方一般公共预算收入",
  "进出口总额", "实际使用外资", "城镇常住居民人均可支配收入", "农村常住居民人均可支配收入",
  "高技术制造业增加值", "工业投资", "民间投资", "网上零售额", "旅游总收入",
};
static const char *areas[] = {
  "城关区", "东城镇", "西湖镇", "南山乡", "北岭乡", "高新区", "经开区", "临港新区", "河口镇", "青石乡",
  "白沙镇", "红旗街道", "新华街道", "滨江街道", "枫林镇",
};

static gboolean
parse_uint (const char *arg,
            const char *name,
            guint64     min,
            guint64     max,
            guint64    *out)
{
  gsize len = strlen (name);

  if (strncmp (arg, name, len) != 0 || arg[len] != '=')
    return FALSE;
  return g_ascii_string_to_unsigned (arg + len + 1, 10, min, max, out, NULL);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
zb_cli_bench_chart (const ZbCliGlobal *global,
                    int                argc,
                    char             **argv)
{
  guint64 rows = 200, width = 1600, height = 1200, frames = 60;
  g_autoptr(ZbLedger) ledger = zb_ledger_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(ZbChart) chart = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *surface;
  double sum = 0, median;
  const char *output = NULL;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--output="))
        output = argv[i] + strlen ("--output=");
      else if (!parse_uint (argv[i], "--rows", 1, 100000, &rows) &&
          !parse_uint (argv[i], "--width", 16, 20000, &width) &&
          !parse_uint (argv[i], "--height", 16, 20000, &height) &&
          !parse_uint (argv[i], "--frames", 1, 100000, &frames))
        {
          fprintf (stderr, "Usage: zhibiao-cli bench-chart [--rows=200] [--width=1600] [--height=1200] [--frames=60] [--output=FILE.png]\n");
          return ZB_CLI_USAGE;
        }
    }

  /* made-up indicators: an area and an indicator each, a target for most */
  for (guint i = 0; i < rows; i++)
    {
      const char *ind = indicators[i % G_N_ELEMENTS (indicators)];
      const char *area = areas[(i / G_N_ELEMENTS (indicators)) % G_N_ELEMENTS (areas)];
      g_autofree char *name = g_strdup_printf ("%s%s%s", area, ind, i >= 210 ? "（续）" : "");
      g_autoptr(ZbFigure) actual = zb_figure_new (ZB_FIGURE_ACTUAL, name);
      ZbNumber growth = { sin (i * 0.7) * 12 + 4, 1, TRUE };
      ZbNumber target = { 6 + (i % 5) * 0.5, 1, TRUE };

      zb_figure_set_change (actual, &growth, ZB_CHANGE_PERCENT);
      zb_figure_set_period (actual, "1-9月");
      if (i % 9 != 0)
        zb_ledger_set_target (ledger, name, 2024, NULL, &target, NULL, NULL, "以上");
      zb_ledger_add_figure (ledger, actual, 2024);
    }
  all = zb_ledger_assess_all (ledger);
  chart = zb_chart_new_gap (all, "基准：主要指标增速与目标", "zh_CN");

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  for (guint64 f = 0; f <= frames; f++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      zb_chart_draw (chart, cr, width, height);
      cairo_surface_flush (surface);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      cairo_destroy (cr);
      /* the first frame loads fonts: reported apart */
      if (f == 0)
        {
          printf ("first_frame_ms\t%.2f\n", ms);
          continue;
        }
      g_array_append_val (times, ms);
      sum += ms;
    }
  cairo_surface_destroy (surface);

  /* the frame as a file, to look at what was timed */
  if (output != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!zb_chart_save (chart, output, width, height, &error))
        return zb_cli_fail ("%s", error->message);
    }

  g_array_sort (times, compare_double);
  median = g_array_index (times, double, times->len / 2);

  printf ("rows\t%" G_GUINT64_FORMAT "\n", rows);
  printf ("size\t%" G_GUINT64_FORMAT "x%" G_GUINT64_FORMAT "\n", width, height);
  printf ("frames\t%" G_GUINT64_FORMAT "\n", frames);
  printf ("mean_ms_per_frame\t%.2f\n", sum / times->len);
  printf ("median_ms_per_frame\t%.2f\n", median);
  printf ("min_ms_per_frame\t%.2f\n", g_array_index (times, double, 0));
  return ZB_CLI_OK;
}
