/* test-chart.c — ticks, chart geometry, hit-testing and the file formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "zb-chart.h"

#define W 900
#define H 600

static void
test_ticks (void)
{
  double first, step;
  int decimals;
  guint n;
  g_autoptr(ZbChartAxis) axis = zb_chart_axis_new ("x");
  g_autofree char *l0 = NULL;
  g_autofree char *l8 = NULL;

  n = zb_chart_nice_ticks (-30, 120, 10, &first, &step, &decimals);
  g_assert_cmpuint (n, ==, 9);
  g_assert_cmpfloat_with_epsilon (first, -40, 1e-9);
  g_assert_cmpfloat_with_epsilon (step, 20, 1e-9);
  g_assert_cmpint (decimals, ==, 0);

  n = zb_chart_nice_ticks (0.1, 0.9, 10, &first, &step, &decimals);
  g_assert_cmpuint (n, ==, 9);
  g_assert_cmpfloat_with_epsilon (first, 0.1, 1e-9);
  g_assert_cmpfloat_with_epsilon (step, 0.1, 1e-9);
  g_assert_cmpint (decimals, ==, 1);

  /* fewer ticks allowed: a coarser step that still covers the range */
  n = zb_chart_nice_ticks (-30, 120, 5, &first, &step, NULL);
  g_assert_cmpfloat_with_epsilon (step, 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (first, -50, 1e-9);
  g_assert_cmpuint (n, ==, 5);

  /* one value still gets an axis around it */
  n = zb_chart_nice_ticks (5, 5, 10, &first, &step, NULL);
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpfloat (first, <=, 5);
  g_assert_cmpfloat (first + step * (n - 1), >=, 5);

  zb_chart_axis_set_data_range (axis, 0.1, 0.9);
  l0 = zb_chart_axis_dup_tick_label (axis, 0);
  l8 = zb_chart_axis_dup_tick_label (axis, 8);
  g_assert_cmpstr (l0, ==, "0.1");
  g_assert_cmpstr (l8, ==, "0.9");
  g_assert_cmpfloat_with_epsilon (zb_chart_axis_map (axis, 0.5, 0, 800), 400, 1e-6);

  /* bars need zero on the axis */
  zb_chart_axis_set_include_zero (axis, TRUE);
  g_assert_cmpfloat_with_epsilon (zb_chart_axis_get_min (axis), 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (zb_chart_axis_get_max (axis), 0.9, 1e-9);
}

static ZbFigure *
actual (const char *name,
        double      growth,
        const char *period)
{
  ZbFigure *f = zb_figure_new (ZB_FIGURE_ACTUAL, name);
  ZbNumber c = { growth, 1, TRUE };

  zb_figure_set_change (f, &c, ZB_CHANGE_PERCENT);
  zb_figure_set_period (f, period);
  return f;
}

static void
add_target (ZbLedger   *l,
            const char *name,
            double      growth)
{
  g_autoptr(ZbFigure) f = zb_figure_new (ZB_FIGURE_TARGET, name);
  ZbNumber c = { growth, 1, TRUE };

  zb_figure_set_change (f, &c, ZB_CHANGE_PERCENT);
  zb_ledger_add_figure (l, f, 2024);
}

/* A made-up county: four indicators, one of them without a target. */
static ZbLedger *
sample_ledger (void)
{
  ZbLedger *l = zb_ledger_new ();
  static const struct { const char *name; double growth; } actuals[] = {
    { "GDP", 6.4 },              /* target 6.0: on track */
    { "规上工业增加值", 9.1 },    /* target 7.5: ahead */
    { "社零额", -2.3 },          /* target 6.5: behind, negative */
    { "进出口总额", 3.0 },        /* no target */
  };

  add_target (l, "地区生产总值", 6.0);
  add_target (l, "规模以上工业增加值", 7.5);
  add_target (l, "社会消费品零售总额", 6.5);
  for (guint i = 0; i < G_N_ELEMENTS (actuals); i++)
    {
      g_autoptr(ZbFigure) f = actual (actuals[i].name, actuals[i].growth, "1-9月");
      zb_ledger_add_figure (l, f, 2024);
    }
  return l;
}

static ZbChart *
sample_gap_chart (void)
{
  g_autoptr(ZbLedger) l = sample_ledger ();
  g_autoptr(GPtrArray) all = zb_ledger_assess_all (l);

  return zb_chart_new_gap (all, "测试县 1-9月 主要指标", "zh_CN");
}

static void
pixel (cairo_surface_t *image,
       double           x,
       double           y,
       double          *r,
       double          *g,
       double          *b)
{
  unsigned char *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  guint32 p = *(guint32 *) (data + (int) y * stride + (int) x * 4);

  *r = ((p >> 16) & 0xff) / 255.0;
  *g = ((p >> 8) & 0xff) / 255.0;
  *b = (p & 0xff) / 255.0;
}

static void
test_gap_geometry (void)
{
  g_autoptr(ZbChart) chart = sample_gap_chart ();
  cairo_surface_t *rec = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_surface_t *image;
  cairo_t *cr = cairo_create (rec);
  cairo_rectangle_t plot, r, prev = { 0 };
  double zero, ix, iy, iw, ih, cr_, cg, cb;
  ZbChartLayer *bars, *markers, *labels;
  static const ZbStatus expected[] = { ZB_STATUS_ON_TRACK, ZB_STATUS_AHEAD, ZB_STATUS_BEHIND, ZB_STATUS_UNKNOWN };
  static const double growth[] = { 6.4, 9.1, -2.3, 3.0 };
  static const double targets[] = { 6.0, 7.5, 6.5 };

  zb_chart_draw (chart, cr, W, H);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  /* everything drawn lies on the page */
  cairo_recording_surface_ink_extents (rec, &ix, &iy, &iw, &ih);
  g_assert_cmpfloat (ix, >=, 0);
  g_assert_cmpfloat (iy, >=, 0);
  g_assert_cmpfloat (ix + iw, <=, W);
  g_assert_cmpfloat (iy + ih, <=, H);

  g_assert_cmpuint (zb_chart_get_n_categories (chart), ==, 4);
  g_assert_cmpstr (zb_chart_get_category (chart, 0), ==, "地区生产总值（1-9月）");
  bars = zb_chart_get_layer (chart, 0);
  markers = zb_chart_get_layer (chart, 1);
  labels = zb_chart_get_layer (chart, 2);
  g_assert_cmpint (zb_chart_layer_get_kind (bars), ==, ZB_CHART_LAYER_BARS);
  g_assert_cmpuint (zb_chart_layer_get_n_items (bars), ==, 4);
  g_assert_cmpuint (zb_chart_layer_get_n_items (markers), ==, 3);

  g_assert_true (zb_chart_get_plot_area (chart, &plot));
  g_assert_cmpfloat (plot.width, >, W / 3.0);
  zero = zb_chart_value_to_pixel (chart, 0);
  g_assert_cmpfloat (zero, >, plot.x);
  g_assert_cmpfloat (zero, <, plot.x + plot.width);
  /* the axis ends are the plot's edges */
  g_assert_cmpfloat_with_epsilon (zb_chart_value_to_pixel (chart, zb_chart_axis_get_min (zb_chart_get_value_axis (chart))), plot.x, 1e-6);
  g_assert_cmpfloat_with_epsilon (zb_chart_value_to_pixel (chart, zb_chart_axis_get_max (zb_chart_get_value_axis (chart))), plot.x + plot.width, 1e-6);

  for (guint i = 0; i < 4; i++)
    {
      const ZbChartItem *it = zb_chart_layer_get_item (bars, i);

      g_assert_cmpint (it->status, ==, expected[i]);
      g_assert_cmpint (zb_chart_layer_get_item (labels, i)->status, ==, expected[i]);
      g_assert_true (zb_chart_get_item_rect (chart, 0, i, &r));
      /* rows top to bottom in document order */
      if (i > 0)
        g_assert_cmpfloat (r.y, >, prev.y + prev.height);
      /* the sign: from zero to the right, or to the left for a fall */
      if (growth[i] > 0)
        {
          g_assert_cmpfloat_with_epsilon (r.x, zero, 1e-6);
          g_assert_cmpfloat_with_epsilon (r.x + r.width, zb_chart_value_to_pixel (chart, growth[i]), 1e-6);
        }
      else
        {
          g_assert_cmpfloat_with_epsilon (r.x + r.width, zero, 1e-6);
          g_assert_cmpfloat_with_epsilon (r.x, zb_chart_value_to_pixel (chart, growth[i]), 1e-6);
        }
      g_assert_cmpfloat (r.y, >=, plot.y);
      g_assert_cmpfloat (r.y + r.height, <=, plot.y + plot.height);
      prev = r;
    }

  /* target markers centred on the target's value, in the row of their bar */
  for (guint i = 0; i < 3; i++)
    {
      cairo_rectangle_t b;

      g_assert_true (zb_chart_get_item_rect (chart, 1, i, &r));
      g_assert_true (zb_chart_get_item_rect (chart, 0, i, &b));
      g_assert_cmpfloat_with_epsilon (r.x + r.width / 2, zb_chart_value_to_pixel (chart, targets[i]), 1e-6);
      g_assert_cmpfloat_with_epsilon (r.y + r.height / 2, b.y + b.height / 2, 1e-6);
    }

  /* labels to the right of the plot */
  g_assert_true (zb_chart_get_item_rect (chart, 2, 0, &r));
  g_assert_cmpfloat (r.x, >=, plot.x + plot.width);
  g_assert_cmpstr (zb_chart_layer_get_item (labels, 1)->label, ==, "+1.6 超前");
  g_assert_cmpstr (zb_chart_layer_get_item (labels, 2)->label, ==, "−8.8 落后");
  g_assert_cmpstr (zb_chart_layer_get_item (labels, 3)->label, ==, "无目标");

  /* colour as drawn: replay onto an image and look inside the bars */
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cr = cairo_create (image);
  cairo_set_source_surface (cr, rec, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (image);

  g_assert_true (zb_chart_get_item_rect (chart, 0, 1, &r));   /* ahead: green */
  pixel (image, r.x + r.width * 0.5, r.y + r.height * 0.5, &cr_, &cg, &cb);
  g_assert_cmpfloat (cg, >, cr_ + 0.2);
  g_assert_true (zb_chart_get_item_rect (chart, 0, 2, &r));   /* behind: red, hatched */
  {
    int reddish = 0, white = 0;
    for (double x = r.x + 2; x < r.x + r.width - 2; x += 1)
      {
        pixel (image, x, r.y + r.height * 0.5, &cr_, &cg, &cb);
        reddish += cr_ > cg + 0.2;
        white += cr_ > 0.97 && cg > 0.97 && cb > 0.97;
      }
    g_assert_cmpint (reddish, >, 0);
    g_assert_cmpint (white, ==, 0);
  }
  g_assert_true (zb_chart_get_item_rect (chart, 0, 0, &r));   /* on track: blue */
  pixel (image, r.x + r.width * 0.5, r.y + r.height * 0.5, &cr_, &cg, &cb);
  g_assert_cmpfloat (cb, >, cr_ + 0.2);

  cairo_surface_destroy (image);
  cairo_surface_destroy (rec);
}

static void
test_hit_test (void)
{
  g_autoptr(ZbChart) chart = sample_gap_chart ();
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t *cr = cairo_create (image);
  cairo_rectangle_t r, plot;
  ZbChartLayer *bars;
  guint layer = 99, item = 99;
  ZbFigure *hit;

  g_assert_null (zb_chart_hit_test (chart, 10, 10, NULL, NULL));   /* not drawn yet */
  zb_chart_draw (chart, cr, W, H);
  cairo_destroy (cr);
  bars = zb_chart_get_layer (chart, 0);

  g_assert_true (zb_chart_get_item_rect (chart, 0, 2, &r));
  hit = zb_chart_hit_test (chart, r.x + r.width / 2, r.y + r.height / 2, &layer, &item);
  g_assert_true (hit == zb_chart_layer_get_item (bars, 2)->figure);
  g_assert_cmpuint (layer, ==, 0);
  g_assert_cmpuint (item, ==, 2);
  g_assert_cmpstr (zb_figure_get_name (hit), ==, "社零额");

  /* anywhere in the row picks the row's figure */
  g_assert_true (zb_chart_get_plot_area (chart, &plot));
  g_assert_true (zb_chart_get_item_rect (chart, 0, 3, &r));
  hit = zb_chart_hit_test (chart, plot.x + plot.width - 1, r.y + r.height / 2, NULL, NULL);
  g_assert_true (hit == zb_chart_layer_get_item (bars, 3)->figure);

  /* the title is not a figure */
  g_assert_null (zb_chart_hit_test (chart, W / 2.0, 3, NULL, NULL));
  cairo_surface_destroy (image);
}

static void
test_trend (void)
{
  g_autoptr(ZbLedger) l = zb_ledger_new ();
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(ZbChart) chart = NULL;
  cairo_surface_t *rec = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (rec);
  static const struct { const char *period; double growth; } points[] = {
    { "1-9月", 5.2 }, { "一季度", 4.1 }, { "上半年", 6.3 }, { "全年", 5.9 },
  };
  static const double sorted[] = { 4.1, 6.3, 5.2, 5.9 };
  cairo_rectangle_t prev = { 0 }, r, plot;
  ZbChartLayer *line;

  add_target (l, "GDP", 6.0);
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      g_autoptr(ZbFigure) f = actual (i % 2 ? "生产总值" : "地区生产总值", points[i].growth, points[i].period);
      zb_ledger_add_figure (l, f, 2024);
    }
  series = zb_ledger_assess_indicator (l, "GDP");
  g_assert_cmpuint (series->len, ==, 4);
  chart = zb_chart_new_trend (series, "地区生产总值", "zh_CN");
  zb_chart_draw (chart, cr, W, H);
  cairo_destroy (cr);

  g_assert_cmpuint (zb_chart_get_n_categories (chart), ==, 4);
  g_assert_cmpstr (zb_chart_get_category (chart, 0), ==, "2024年一季度");
  g_assert_cmpstr (zb_chart_get_category (chart, 3), ==, "2024年全年");
  line = zb_chart_get_layer (chart, 1);
  g_assert_true (zb_chart_get_plot_area (chart, &plot));
  for (guint i = 0; i < 4; i++)
    {
      const ZbChartItem *it = zb_chart_layer_get_item (line, i);

      g_assert_cmpfloat_with_epsilon (it->value, sorted[i], 1e-9);
      g_assert_true (zb_chart_get_item_rect (chart, 1, i, &r));
      /* left to right in period order, higher growth higher up */
      if (i > 0)
        g_assert_cmpfloat (r.x, >, prev.x);
      g_assert_cmpfloat_with_epsilon (r.y + r.height / 2, zb_chart_value_to_pixel (chart, sorted[i]), 1e-6);
      g_assert_cmpfloat (r.y + r.height / 2, >=, plot.y);
      g_assert_cmpfloat (r.y + r.height / 2, <=, plot.y + plot.height);
      prev = r;
    }
  /* 6.3 above the dashed target line at 6.0, 4.1 below it */
  g_assert_true (zb_chart_get_item_rect (chart, 0, 1, &r));
  g_assert_cmpfloat_with_epsilon (r.y + r.height / 2, zb_chart_value_to_pixel (chart, 6.0), 1e-6);
  g_assert_cmpfloat (zb_chart_value_to_pixel (chart, 6.3), <, r.y);
  g_assert_cmpfloat (zb_chart_value_to_pixel (chart, 4.1), >, r.y + r.height);
  g_assert_cmpint (zb_chart_layer_get_item (line, 0)->status, ==, ZB_STATUS_BEHIND);
  g_assert_cmpint (zb_chart_layer_get_item (line, 1)->status, ==, ZB_STATUS_ON_TRACK);
  cairo_surface_destroy (rec);
}

/* No text drawn meets another, and all lie on the page. */
static void
assert_texts_apart (ZbChart *chart,
                    int      width,
                    int      height)
{
  guint n = zb_chart_get_n_texts (chart);

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      cairo_rectangle_t a;
      const char *ta = zb_chart_get_text (chart, i, &a);

      g_assert_cmpfloat (a.x, >=, -0.01);
      g_assert_cmpfloat (a.y, >=, -0.01);
      g_assert_cmpfloat (a.x + a.width, <=, width + 0.01);
      g_assert_cmpfloat (a.y + a.height, <=, height + 0.01);
      for (guint k = i + 1; k < n; k++)
        {
          cairo_rectangle_t b;
          const char *tb = zb_chart_get_text (chart, k, &b);
          gboolean meet = a.x < b.x + b.width - 0.01 && b.x < a.x + a.width - 0.01 &&
                          a.y < b.y + b.height - 0.01 && b.y < a.y + a.height - 0.01;

          if (meet)
            g_test_message ("“%s” (%.1f,%.1f %.1f×%.1f) meets “%s” (%.1f,%.1f %.1f×%.1f)",
                            ta, a.x, a.y, a.width, a.height, tb, b.x, b.y, b.width, b.height);
          g_assert_false (meet);
        }
    }
}

static gboolean
has_text (ZbChart    *chart,
          const char *needle)
{
  for (guint i = 0; i < zb_chart_get_n_texts (chart); i++)
    if (strstr (zb_chart_get_text (chart, i, NULL), needle) != NULL)
      return TRUE;
  return FALSE;
}

static void
draw_at (ZbChart *chart,
         int      width,
         int      height)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (image);

  zb_chart_draw (chart, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (image);
}

static void
test_crowded (void)
{
  g_autoptr(ZbLedger) l = zb_ledger_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(ZbChart) chart = NULL;
  cairo_surface_t *rec = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (rec);
  cairo_rectangle_t plot, r;
  double ix, iy, iw, ih;
  guint shown = 0;
  g_autofree char *more = NULL;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("规模以上工业企业中的高技术制造业和装备制造业合计第%u项指标的增加值", i);
      g_autoptr(ZbFigure) f = actual (name, (i % 7) * 3.0 - 6.0, "1-6月");
      zb_ledger_add_figure (l, f, 2024);
    }
  all = zb_ledger_assess_all (l);
  chart = zb_chart_new_gap (all, NULL, "zh_CN");
  zb_chart_draw (chart, cr, W, H);
  cairo_destroy (cr);

  /* long names do not eat the plot */
  g_assert_true (zb_chart_get_plot_area (chart, &plot));
  g_assert_cmpfloat (plot.x, <=, W * 0.32 + 30);
  g_assert_cmpfloat (plot.width, >=, W * 0.3);
  /* rows no thinner than their text: those that do not fit are counted */
  for (guint i = 0; i < 40; i++)
    if (zb_chart_get_item_rect (chart, 0, i, &r))
      {
        g_assert_cmpuint (i, ==, shown);
        g_assert_cmpfloat (r.y + r.height, <=, plot.y + plot.height + 1e-6);
        shown++;
      }
  g_assert_cmpuint (shown, >=, 20);
  g_assert_cmpuint (shown, <, 40);
  g_assert_cmpuint (zb_chart_get_n_hidden (chart), ==, 40 - shown);
  more = g_strdup_printf ("%u", 40 - shown);
  g_assert_true (has_text (chart, more));
  g_assert_null (zb_chart_hit_test (chart, plot.x + 2, plot.y + plot.height - 2, NULL, NULL));
  assert_texts_apart (chart, W, H);
  cairo_recording_surface_ink_extents (rec, &ix, &iy, &iw, &ih);
  g_assert_cmpfloat (ix + iw, <=, W);
  g_assert_cmpfloat (iy + ih, <=, H);
  cairo_surface_destroy (rec);

  /* tall enough, every row is drawn */
  draw_at (chart, W, 1400);
  g_assert_true (zb_chart_get_item_rect (chart, 0, 39, &r));
  g_assert_cmpuint (zb_chart_get_n_hidden (chart), ==, 0);
  assert_texts_apart (chart, W, 1400);
}

/* Whatever the size, texts never meet: names, ticks, statuses, legend. */
static void
test_labels_apart (void)
{
  g_autoptr(ZbLedger) l = sample_ledger ();
  g_autoptr(GPtrArray) all = zb_ledger_assess_all (l);
  g_autoptr(ZbChart) gap = zb_chart_new_gap (all, "某县 2024年1-9月 主要经济指标增速与年度目标对比（含规模以上工业、固定资产投资、社会消费品零售总额）", "zh_CN");
  g_autoptr(ZbLedger) t = zb_ledger_new ();
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(ZbChart) trend = NULL;
  static const int sizes[][2] = { { 900, 600 }, { 420, 300 }, { 1600, 300 }, { 300, 700 }, { 200, 160 } };
  static const char *periods[] = { "1月", "1-2月", "一季度", "1-4月", "1-5月", "上半年", "1-7月", "1-8月",
                                   "前三季度", "1-10月", "1-11月", "全年" };

  /* a trend of many close points, a target and "check" statuses */
  add_target (t, "GDP", 6.0);
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      g_autoptr(ZbFigure) f = actual ("地区生产总值", 5.8 + (i % 3) * 0.1, periods[i]);
      ZbNumber gap = { 1.0, 1, TRUE };

      if (i % 4 == 0)
        zb_figure_set_gap (f, &gap);
      zb_ledger_add_figure (t, f, 2024);
    }
  series = zb_ledger_assess_indicator (t, "GDP");
  trend = zb_chart_new_trend (series, "地区生产总值", "zh_CN");

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_test_message ("%d×%d", sizes[i][0], sizes[i][1]);
      draw_at (gap, sizes[i][0], sizes[i][1]);
      assert_texts_apart (gap, sizes[i][0], sizes[i][1]);
      draw_at (trend, sizes[i][0], sizes[i][1]);
      assert_texts_apart (trend, sizes[i][0], sizes[i][1]);
    }
  /* at a readable size the points' values and the statuses are all there */
  draw_at (trend, 1600, 600);
  g_assert_true (has_text (trend, "5.8"));
  g_assert_true (has_text (trend, "6.0") || has_text (trend, "目标 6"));
  g_assert_true (has_text (trend, "落后"));
}

/* Column names sit under their points, whatever the column's width. */
static void
test_trend_names (void)
{
  g_autoptr(ZbLedger) l = zb_ledger_new ();
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(ZbChart) chart = NULL;
  static const char *periods[] = { "一季度", "上半年", "前三季度" };

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      g_autoptr(ZbFigure) f = actual ("地区生产总值", 4.0 + i, periods[i]);
      zb_ledger_add_figure (l, f, 2024);
    }
  series = zb_ledger_assess_indicator (l, "GDP");
  chart = zb_chart_new_trend (series, "地区生产总值", "zh_CN");
  for (int width = 400; width <= 1600; width += 600)
    {
      draw_at (chart, width, 500);
      for (guint c = 0; c < zb_chart_get_n_categories (chart); c++)
        {
          const char *name = zb_chart_get_category (chart, c);
          gboolean found = FALSE;
          cairo_rectangle_t r, point;

          g_assert_true (zb_chart_get_item_rect (chart, 1, c, &point));
          for (guint i = 0; i < zb_chart_get_n_texts (chart); i++)
            if (g_strcmp0 (zb_chart_get_text (chart, i, &r), name) == 0)
              {
                found = TRUE;
                g_assert_cmpfloat_with_epsilon (r.x + r.width / 2, point.x + point.width / 2, 1.0);
                g_assert_cmpfloat (r.y, >=, point.y + point.height);
              }
          g_assert_true (found);
        }
    }
}

/* One outlier is left off the axis, marked, and does not flatten the rest. */
static void
test_outlier (void)
{
  g_autoptr(ZbLedger) l = zb_ledger_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(ZbChart) chart = NULL;
  g_autoptr(ZbChart) even = NULL;
  g_autoptr(ZbChart) falls = NULL;
  ZbChartAxis *axis;
  cairo_rectangle_t plot, r;
  static const double growth[] = { 5.6, 8.9, -4.2, 6.3, 1000.0, 7.1 };

  for (guint i = 0; i < G_N_ELEMENTS (growth); i++)
    {
      g_autofree char *name = g_strdup_printf ("指标%u", i);
      g_autoptr(ZbFigure) f = actual (name, growth[i], "1-9月");

      add_target (l, name, 6.0);
      zb_ledger_add_figure (l, f, 2024);
    }
  all = zb_ledger_assess_all (l);
  chart = zb_chart_new_gap (all, NULL, "zh_CN");
  draw_at (chart, W, H);
  axis = zb_chart_get_value_axis (chart);
  g_test_message ("axis %g…%g", zb_chart_axis_get_min (axis), zb_chart_axis_get_max (axis));
  g_assert_cmpfloat (zb_chart_axis_get_max (axis), <, 20);
  g_assert_cmpfloat (zb_chart_axis_get_min (axis), <=, -4.2);
  g_assert_cmpfloat (zb_chart_axis_get_min (axis), >, -20);
  /* the outlier reaches the edge, marked with its value */
  g_assert_true (zb_chart_item_is_clipped (chart, 0, 4));
  g_assert_true (zb_chart_get_plot_area (chart, &plot));
  g_assert_true (zb_chart_get_item_rect (chart, 0, 4, &r));
  g_assert_cmpfloat_with_epsilon (r.x + r.width, plot.x + plot.width, 1e-6);
  g_assert_true (has_text (chart, "1000"));
  for (guint i = 0; i < G_N_ELEMENTS (growth); i++)
    if (i != 4)
      {
        g_assert_false (zb_chart_item_is_clipped (chart, 0, i));
        /* the others keep a good part of the plot */
        g_assert_true (zb_chart_get_item_rect (chart, 0, i, &r));
        g_assert_cmpfloat (r.width, >, plot.width * 0.1);
      }
  assert_texts_apart (chart, W, H);

  /* values spread wide but evenly are all on the axis */
  {
    g_autoptr(GPtrArray) some = g_ptr_array_new ();
    g_autoptr(ZbLedger) m = zb_ledger_new ();
    static const double spread[] = { -30, -12, 0, 14, 25, 41 };

    for (guint i = 0; i < G_N_ELEMENTS (spread); i++)
      {
        g_autoptr(ZbFigure) f = actual ("进出口总额", spread[i], "1-9月");
        zb_ledger_add_figure (m, f, 2024);
      }
    g_ptr_array_unref (some);
    some = zb_ledger_assess_all (m);
    even = zb_chart_new_gap (some, NULL, "zh_CN");
    draw_at (even, W, H);
    for (guint i = 0; i < G_N_ELEMENTS (spread); i++)
      g_assert_false (zb_chart_item_is_clipped (even, 0, i));
    g_assert_cmpfloat (zb_chart_axis_get_min (zb_chart_get_value_axis (even)), <=, -30);
    g_assert_cmpfloat (zb_chart_axis_get_max (zb_chart_get_value_axis (even)), >=, 41);
  }

  /* a fall as far below: clipped at the left edge */
  {
    g_autoptr(ZbLedger) m = zb_ledger_new ();
    g_autoptr(GPtrArray) some = NULL;
    static const double values[] = { 3.1, 4.4, -250.0, 5.0, 2.2 };

    for (guint i = 0; i < G_N_ELEMENTS (values); i++)
      {
        g_autoptr(ZbFigure) f = actual ("工业用电量", values[i], "1-9月");
        zb_ledger_add_figure (m, f, 2024);
      }
    some = zb_ledger_assess_all (m);
    falls = zb_chart_new_gap (some, NULL, "en");
    draw_at (falls, W, H);
    g_assert_true (zb_chart_item_is_clipped (falls, 0, 2));
    g_assert_true (zb_chart_get_plot_area (falls, &plot));
    g_assert_true (zb_chart_get_item_rect (falls, 0, 2, &r));
    g_assert_cmpfloat_with_epsilon (r.x, plot.x, 1e-6);
    g_assert_true (has_text (falls, "-250"));
    assert_texts_apart (falls, W, H);
  }
}

/* A whole report of a huge file: a few hundred rows at most, the rest counted. */
static void
test_cap (void)
{
  g_autoptr(ZbLedger) l = zb_ledger_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(ZbChart) chart = NULL;
  const guint n = 72000;
  gint64 start;
  int width, height;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("指标%u", i % 500);
      g_autoptr(ZbFigure) f = actual (name, (i % 13) - 4.0, "1-9月");

      /* one row in a thousand has a target */
      if (i % 1000 == 999)
        add_target (l, name, 5.0);
      zb_ledger_add_figure (l, f, 2024);
    }
  all = zb_ledger_assess_all (l);
  start = g_get_monotonic_time ();
  chart = zb_chart_new_gap (all, NULL, "zh_CN");
  g_assert_cmpuint (zb_chart_get_n_categories (chart), ==, ZB_CHART_MAX_ROWS);
  g_assert_cmpuint (zb_chart_get_n_more (chart), ==, n - ZB_CHART_MAX_ROWS);
  /* those with a target are kept first (指标499's, 144 of them), in order */
  {
    guint with_target = 0;

    for (guint i = 0; i < ZB_CHART_MAX_ROWS; i++)
      with_target += g_str_has_prefix (zb_chart_get_category (chart, i), "指标499");
    g_assert_cmpuint (with_target, ==, n / 500);
    g_assert_true (g_str_has_prefix (zb_chart_get_category (chart, 0), "指标0"));
  }
  zb_chart_get_natural_size (chart, &width, &height);
  draw_at (chart, width, height);
  g_test_message ("72 000 rows: made and drawn at %d×%d in %.0f ms", width, height,
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (zb_chart_get_n_hidden (chart), >=, n - ZB_CHART_MAX_ROWS);
  g_assert_true (has_text (chart, "71800") || has_text (chart, "718"));
  assert_texts_apart (chart, width, height);
}

/* Rows named alike are told apart by their line, or their quote. */
static void
test_duplicates (void)
{
  g_autoptr(ZbLedger) l = zb_ledger_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(ZbChart) chart = NULL;
  static const struct { guint line; const char *quote; double growth; } rows[] = {
    { 12, "增长4.6%", 4.6 }, { 30, "增长0.7%", 0.7 }, { 30, "增长2.0%", 2.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(ZbFigure) f = actual ("地区生产总值", rows[i].growth, "前三季度");

      zb_figure_set_source (f, 0, rows[i].line, 0, 0, 0, rows[i].quote);
      zb_ledger_add_figure (l, f, 2024);
    }
  {
    g_autoptr(ZbFigure) other = actual ("固定资产投资", 3.0, "前三季度");
    zb_figure_set_source (other, 0, 40, 0, 0, 0, "增长3%");
    zb_ledger_add_figure (l, other, 2024);
  }
  all = zb_ledger_assess_all (l);
  chart = zb_chart_new_gap (all, NULL, "zh_CN");
  g_assert_cmpstr (zb_chart_get_category (chart, 0), ==, "地区生产总值（前三季度） · 第12行");
  g_assert_cmpstr (zb_chart_get_category (chart, 1), ==, "地区生产总值（前三季度）「增长0.7%」");
  g_assert_cmpstr (zb_chart_get_category (chart, 2), ==, "地区生产总值（前三季度）「增长2.0%」");
  g_assert_cmpstr (zb_chart_get_category (chart, 3), ==, "固定资产投资（前三季度）");
  g_clear_object (&chart);
  chart = zb_chart_new_gap (all, NULL, "en");
  g_assert_cmpstr (zb_chart_get_category (chart, 0), ==, "地区生产总值（前三季度） · line 12");
}

/* A line per area, named in the legend, the own area's first. */
static void
test_trend_areas (void)
{
  g_autoptr(ZbLedger) l = zb_ledger_new ();
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(ZbChart) chart = NULL;
  static const struct { const char *area; const char *period; double growth; } points[] = {
    { NULL, "一季度", 3.6 }, { "全国", "一季度", -6.8 }, { "全省", "一季度", 2.1 },
    { NULL, "上半年", 4.2 }, { "全国", "上半年", 1.6 }, { NULL, "上半年", 4.5 },
  };
  ZbChartLayer *own = NULL;
  guint n_lines = 0;

  zb_ledger_set_region (l, "临川市");
  add_target (l, "GDP", 5.0);
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      g_autoptr(ZbFigure) f = actual ("地区生产总值", points[i].growth, points[i].period);

      zb_figure_set_area (f, points[i].area);
      zb_ledger_add_figure (l, f, 2024);
    }
  series = zb_ledger_assess_indicator (l, "GDP");
  chart = zb_chart_new_trend (series, "地区生产总值", "zh_CN");

  /* the periods once each, shared by the areas */
  g_assert_cmpuint (zb_chart_get_n_categories (chart), ==, 2);
  for (guint i = 0; i < zb_chart_get_n_layers (chart); i++)
    {
      ZbChartLayer *layer = zb_chart_get_layer (chart, i);

      if (zb_chart_layer_get_kind (layer) != ZB_CHART_LAYER_LINE || zb_chart_layer_get_dashed (layer))
        continue;
      n_lines++;
      if (own == NULL)
        own = layer;
      for (guint k = 0; k < zb_chart_layer_get_n_items (layer); k++)
        {
          ZbFigure *f = zb_chart_layer_get_item (layer, k)->figure;
          const char *area = zb_figure_get_area (f);

          /* a line's points are all of the area it is named after */
          if (layer == own)
            g_assert_null (area);
          else
            g_assert_cmpstr (area, ==, zb_chart_layer_get_title (layer));
        }
    }
  g_assert_cmpuint (n_lines, ==, 3);
  g_assert_true (own == zb_chart_get_layer (chart, 1));
  g_assert_cmpstr (zb_chart_layer_get_title (own), ==, "临川市");
  g_assert_cmpuint (zb_chart_layer_get_series (own), ==, 0);
  g_assert_cmpuint (zb_chart_layer_get_n_items (own), ==, 3);
  /* the nation has no target: it is not "behind" the city's */
  for (guint i = 0; i < zb_chart_get_n_layers (chart); i++)
    {
      ZbChartLayer *layer = zb_chart_get_layer (chart, i);

      if (g_strcmp0 (zb_chart_layer_get_title (layer), "全国") == 0)
        for (guint k = 0; k < zb_chart_layer_get_n_items (layer); k++)
          g_assert_cmpint (zb_chart_layer_get_item (layer, k)->status, ==, ZB_STATUS_UNKNOWN);
    }
  draw_at (chart, W, H);
  g_assert_true (has_text (chart, "全国"));
  g_assert_true (has_text (chart, "全省"));
  g_assert_true (has_text (chart, "临川市"));
  assert_texts_apart (chart, W, H);
}

static void
test_svg_pdf (void)
{
  g_autoptr(ZbChart) chart = sample_gap_chart ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zb-chart-XXXXXX", &error);
  g_autofree char *svg = g_build_filename (dir, "gap.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "gap.pdf", NULL);
  g_autofree char *bmp = g_build_filename (dir, "gap.bmp", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GObject) doc_obj = NULL;
  g_autoptr(GObject) page_obj = NULL;
  PopplerDocument *doc;
  PopplerPage *page;
  xmlDocPtr xml;
  xmlNodePtr root;
  double pw, ph;

  g_assert_no_error (error);

  g_assert_true (zb_chart_save (chart, svg, W, H, &error));
  g_assert_no_error (error);
  xml = xmlReadFile (svg, NULL, XML_PARSE_NONET);
  g_assert_nonnull (xml);
  root = xmlDocGetRootElement (xml);
  g_assert_cmpstr ((const char *) root->name, ==, "svg");
  {
    xmlChar *w = xmlGetProp (root, (const xmlChar *) "width");
    g_assert_true (g_str_has_prefix ((const char *) w, "900"));
    xmlFree (w);
  }
  g_assert_nonnull (root->children);
  xmlFreeDoc (xml);

  g_assert_true (zb_chart_save (chart, pdf, W, H, &error));
  g_assert_no_error (error);
  uri = g_filename_to_uri (pdf, NULL, NULL);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  doc_obj = G_OBJECT (doc);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 1);
  page = poppler_document_get_page (doc, 0);
  page_obj = G_OBJECT (page);
  poppler_page_get_size (page, &pw, &ph);
  g_assert_cmpfloat_with_epsilon (pw, W, 0.5);
  g_assert_cmpfloat_with_epsilon (ph, H, 0.5);
  text = poppler_page_get_text (page);
  /* the tick labels are in the text layer */
  g_assert_nonnull (strstr (text, "10"));

  /* an unknown format is refused and writes nothing */
  g_assert_false (zb_chart_save (chart, bmp, W, H, &error));
  g_assert_error (error, ZB_ERROR, ZB_ERROR_INVALID);
  g_assert_false (g_file_test (bmp, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_unlink (svg);
  g_unlink (pdf);
  g_rmdir (dir);
}

/* Long names, names alike, an outlier, and a trend of three areas. */
static void
demo_long_labels (const char *out)
{
  g_autoptr(ZbLedger) l = zb_ledger_new ();
  g_autoptr(ZbLedger) t = zb_ledger_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(ZbChart) gap = NULL;
  g_autoptr(ZbChart) trend = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *gap_png = g_build_filename (out, "chart-long-labels.png", NULL);
  g_autofree char *trend_png = g_build_filename (out, "chart-trend-areas.png", NULL);
  static const struct { const char *name; double growth; double target; guint line; } rows[] = {
    { "地区生产总值", 4.6, 6.0, 12 }, { "地区生产总值", 0.7, 6.0, 30 }, { "地区生产总值", 2.0, 6.0, 41 },
    { "规模以上工业企业中高技术制造业和装备制造业合计增加值", 11.8, 8.0, 50 },
    { "限额以上批发零售住宿餐饮企业网上零售额", 143.7, 20.0, 61 },
    { "城镇常住居民人均可支配收入", 5.1, 5.5, 70 }, { "一般公共预算收入中的税收收入", -3.2, 5.0, 77 },
    { "社会消费品零售总额", 6.3, 7.0, 80 }, { "固定资产投资（不含农户）", -11.8, 8.0, 88 },
  };
  static const struct { const char *area; const char *period; double growth; } points[] = {
    { NULL, "一季度", 3.6 }, { "全国", "一季度", -6.8 }, { "全省", "一季度", 2.1 },
    { NULL, "上半年", 4.2 }, { "全国", "上半年", -1.6 }, { "全省", "上半年", 3.0 },
    { NULL, "前三季度", 4.6 }, { "全国", "前三季度", 0.7 }, { "全省", "前三季度", 4.1 },
    { NULL, "全年", 5.2 }, { "全国", "全年", 2.3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(ZbFigure) f = actual (rows[i].name, rows[i].growth, "前三季度");

      zb_figure_set_source (f, 0, rows[i].line, 0, 0, 0, NULL);
      add_target (l, rows[i].name, rows[i].target);
      zb_ledger_add_figure (l, f, 2024);
    }
  all = zb_ledger_assess_all (l);
  gap = zb_chart_new_gap (all, "临川市 2024年前三季度 主要经济指标增速与年度目标（规模以上工业、投资、消费、收入）", "zh_CN");
  g_assert_true (zb_chart_save (gap, gap_png, 900, 460, &error));
  g_assert_no_error (error);

  zb_ledger_set_region (t, "临川市");
  add_target (t, "GDP", 5.0);
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      g_autoptr(ZbFigure) f = actual ("地区生产总值", points[i].growth, points[i].period);

      zb_figure_set_area (f, points[i].area);
      zb_ledger_add_figure (t, f, 2024);
    }
  series = zb_ledger_assess_indicator (t, "GDP");
  trend = zb_chart_new_trend (series, "地区生产总值", "zh_CN");
  g_assert_true (zb_chart_save (trend, trend_png, 900, 460, &error));
  g_assert_no_error (error);
}

/* The pictures for people to look at, in the build directory. */
static void
test_demo_png (void)
{
  const char *out = g_getenv ("ZB_CHART_OUT");
  g_autoptr(ZbLedger) l = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(ZbChart) gap = NULL;
  g_autoptr(ZbChart) trend = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *gap_png = NULL;
  g_autofree char *trend_png = NULL;
  static const struct { const char *name; double growth; double target; } rows[] = {
    { "GDP", 5.6, 6.0 }, { "规上工业增加值", 8.9, 7.0 }, { "固投", -4.2, 8.0 },
    { "社零额", 6.3, 6.5 }, { "一般公共预算收入", 12.5, 5.0 }, { "进出口总额", -11.0, 3.0 },
    { "城镇常住居民人均可支配收入", 5.1, 5.5 }, { "农村常住居民人均可支配收入", 7.2, 7.0 },
    { "实际使用外资", 23.0, NAN },
  };
  static const struct { const char *period; double growth; } trend_points[] = {
    { "一季度", 4.6 }, { "上半年", 5.3 }, { "全年", 6.1 },   /* 1-9月 is the GDP row above */
  };

  if (out == NULL)
    {
      g_test_skip ("ZB_CHART_OUT is not set");
      return;
    }

  l = zb_ledger_new ();
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(ZbFigure) f = actual (rows[i].name, rows[i].growth, "1-9月");
      if (!isnan (rows[i].target))
        add_target (l, rows[i].name, rows[i].target);
      zb_ledger_add_figure (l, f, 2024);
    }
  for (guint i = 0; i < G_N_ELEMENTS (trend_points); i++)
    {
      g_autoptr(ZbFigure) f = actual ("地区生产总值", trend_points[i].growth, trend_points[i].period);
      zb_ledger_add_figure (l, f, 2024);
    }
  all = zb_ledger_assess_all (l);
  g_ptr_array_set_size (all, G_N_ELEMENTS (rows));
  gap = zb_chart_new_gap (all, "示例县 2024年1-9月 主要指标增速与年度目标", "zh_CN");
  gap_png = g_build_filename (out, "chart-gap-demo.png", NULL);
  g_assert_true (zb_chart_save (gap, gap_png, 1000, 520, &error));
  g_assert_no_error (error);
  g_free (gap_png);
  gap_png = g_build_filename (out, "chart-gap-demo.pdf", NULL);
  g_assert_true (zb_chart_save (gap, gap_png, 1000, 520, &error));
  g_assert_no_error (error);

  series = zb_ledger_assess_indicator (l, "GDP");
  trend = zb_chart_new_trend (series, "地区生产总值", "zh_CN");
  trend_png = g_build_filename (out, "chart-trend-demo.png", NULL);
  g_assert_true (zb_chart_save (trend, trend_png, 900, 520, &error));
  g_assert_no_error (error);
  demo_long_labels (out);
}

/* The words follow the language: Chinese as before for "zh…", English
 * otherwise; the status words are the ledger's. */
static void
test_language (void)
{
  g_autoptr(ZbLedger) l = sample_ledger ();
  g_autoptr(GPtrArray) all = zb_ledger_assess_all (l);
  g_autoptr(GPtrArray) series = zb_ledger_assess_indicator (l, "GDP");
  g_autoptr(ZbChart) zh = zb_chart_new_gap (all, NULL, "zh_CN");
  g_autoptr(ZbChart) en = zb_chart_new_gap (all, NULL, "en");
  g_autoptr(ZbChart) trend = zb_chart_new_trend (series, "GDP", "en");
  ZbChartLayer *labels = zb_chart_get_layer (en, 2);

  g_assert_cmpstr (zb_chart_get_title (zh), ==, "主要指标增速与目标");
  g_assert_cmpstr (zb_chart_layer_get_title (zb_chart_get_layer (zh, 0)), ==, "实际增速");
  g_assert_cmpstr (zb_chart_get_language (zh), ==, "zh_CN");
  g_assert_cmpstr (zb_chart_get_title (en), ==, "Main indicators: growth and target");
  g_assert_cmpstr (zb_chart_layer_get_title (zb_chart_get_layer (en, 0)), ==, "Actual growth");
  g_assert_cmpstr (zb_chart_layer_get_item (labels, 1)->label, ==, "+1.6 ahead");
  g_assert_cmpstr (zb_chart_layer_get_item (labels, 2)->label, ==, "−8.8 behind");
  g_assert_cmpstr (zb_chart_layer_get_item (labels, 3)->label, ==, "no target");
  g_assert_cmpstr (zb_chart_get_title (trend), ==, "GDP: growth over time");
  g_assert_cmpstr (zb_chart_get_category (trend, 0), ==, "2024, 1-9月");

  g_assert_cmpstr (zb_status_to_label (ZB_STATUS_ON_TRACK, "zh_CN"), ==, "正常");
  g_assert_cmpstr (zb_status_to_label (ZB_STATUS_ON_TRACK, "en"), ==, "on track");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/ticks", test_ticks);
  g_test_add_func ("/chart/gap-geometry", test_gap_geometry);
  g_test_add_func ("/chart/hit-test", test_hit_test);
  g_test_add_func ("/chart/trend", test_trend);
  g_test_add_func ("/chart/crowded", test_crowded);
  g_test_add_func ("/chart/labels-apart", test_labels_apart);
  g_test_add_func ("/chart/trend-names", test_trend_names);
  g_test_add_func ("/chart/outlier", test_outlier);
  g_test_add_func ("/chart/cap", test_cap);
  g_test_add_func ("/chart/duplicates", test_duplicates);
  g_test_add_func ("/chart/trend-areas", test_trend_areas);
  g_test_add_func ("/chart/svg-pdf", test_svg_pdf);
  g_test_add_func ("/chart/demo-png", test_demo_png);
  g_test_add_func ("/chart/language", test_language);
  return g_test_run ();
}
