/* bench-compare.c — how fast 50 reports × 200 indicators are compared, shown and scrolled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A benchmark, not a test: run it with build-aux/bench-compare. It makes a
 * workspace of REPORTS reports of one period (all ranked against each
 * other: the most work) with INDICATORS indicators each, then prints the
 * time to build the comparison from the reports, from the workspace, to
 * show it (the first frame with the table), and the frame intervals while
 * the table scrolls down and across.
 */
#include <glib/gstdio.h>
#include <stdlib.h>
#include <locale.h>
#include <time.h>

#include "bench-common.h"
#include "zb-compare-page-private.h"
#include "zb-window-private.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* This thread's CPU: what the build costs whatever else the machine runs. */
static double
thread_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* A report of @indicators figures, one a line, the first tenth of them
 * with a target: numbers that differ from report to report. */
static ZbReport *
make_report (const char *dir,
             guint       k,
             guint       indicators)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ZbSource) source = NULL;
  g_autofree char *name = g_strdup_printf ("region-%02u.txt", k);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *title = g_strdup_printf ("测试%02u县2025年上半年经济运行情况", k);
  GArray *offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  ZbReport *report;

  g_string_append_printf (text, "%s\n\n", title);
  for (guint i = 0; i < indicators; i++)
    {
      gsize at = text->len;

      g_array_append_val (offsets, at);
      g_string_append_printf (text, "1-6月，指标%03u完成%u.%u亿元，同比增长%u.%u%%。\n", i, 100 + (k * 37 + i * 11) % 900,
                              (k + i) % 10, (k * 7 + i * 3) % 12, (k + 2 * i) % 10);
    }
  /* the workspace keeps the file's bytes */
  if (!g_file_set_contents (path, text->str, text->len, NULL))
    g_error ("cannot write %s", path);
  bytes = g_bytes_new (text->str, text->len);
  source = zb_source_new_from_bytes (bytes, path, NULL);
  report = zb_report_new_unparsed (source);
  zb_report_set_title (report, title);
  for (guint i = 0; i < indicators; i++)
    {
      g_autofree char *indicator = g_strdup_printf ("指标%03u", i);
      g_autoptr(ZbFigure) actual = zb_figure_new (ZB_FIGURE_ACTUAL, indicator);
      ZbNumber value = { 100 + (k * 37 + i * 11) % 900 + ((k + i) % 10) / 10.0, 1, TRUE };
      ZbNumber change = { (k * 7 + i * 3) % 12 + ((k + 2 * i) % 10) / 10.0, 1, TRUE };
      gsize at = g_array_index (offsets, gsize, i);

      zb_figure_set_value (actual, &value, "亿元");
      zb_figure_set_change (actual, &change, ZB_CHANGE_PERCENT);
      zb_figure_set_period (actual, "1-6月");
      zb_figure_set_source (actual, -1, i + 3, at, at, 12, NULL);
      zb_report_add_figure (report, actual);
      if (i % 10 == 0)
        {
          g_autoptr(ZbFigure) target = zb_figure_new (ZB_FIGURE_TARGET, indicator);
          ZbNumber goal = { 6 + k % 3, 0, TRUE };

          zb_figure_set_change (target, &goal, ZB_CHANGE_PERCENT);
          zb_figure_set_period (target, "全年");
          zb_figure_set_source (target, -1, i + 3, at, at, 12, NULL);
          zb_report_add_figure (report, target);
        }
    }
  g_array_unref (offsets);
  return report;
}

/* @times: wall and CPU milliseconds of each run, in turn */
static void
median_of (const char *what,
           GArray     *times)
{
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i + 1 < times->len; i += 2)
    {
      g_array_append_val (wall, g_array_index (times, double, i));
      g_array_append_val (cpu, g_array_index (times, double, i + 1));
    }
  g_array_sort (wall, compare_double);
  g_array_sort (cpu, compare_double);
  g_print ("%s: median %.1f ms (min %.1f, max %.1f; %u runs), CPU median %.1f ms\n", what,
           g_array_index (wall, double, wall->len / 2), g_array_index (wall, double, 0),
           g_array_index (wall, double, wall->len - 1), wall->len, g_array_index (cpu, double, cpu->len / 2));
}

#define TIME_START() double wall0 = now_ms (), cpu0 = thread_ms ()
#define TIME_STOP(times) G_STMT_START { \
    double w = now_ms () - wall0, c = thread_ms () - cpu0; \
    g_array_append_val ((times), w); \
    g_array_append_val ((times), c); \
  } G_STMT_END

int
main (int   argc,
      char *argv[])
{
  guint n_reports = argc > 1 ? atoi (argv[1]) : 50;
  guint n_indicators = argc > 2 ? atoi (argv[2]) : 200;
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("zhibiao-bench-compare-XXXXXX", &error);
  g_autofree char *db = NULL;
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(ZbComparison) comparison = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  ZbWindow *window;
  ZbComparePage *page;
  GtkWidget *scroller;
  double start;

  setlocale (LC_ALL, "");
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  gtk_init ();
  adw_init ();

  /* the workspace */
  db = zb_store_dup_default_path ();
  {
    g_autofree char *dir = g_path_get_dirname (db);
    g_mkdir_with_parents (dir, 0700);
  }
  store = zb_store_open (db, &error);
  g_assert_no_error (error);
  for (guint k = 0; k < n_reports; k++)
    {
      ZbReport *report = make_report (home, k, n_indicators);
      gint64 id;

      if (!zb_store_import_report (store, report, &id, NULL, &error))
        g_error ("%s", error->message);
      g_ptr_array_add (reports, report);
      g_array_append_val (ids, id);
    }
  g_print ("%u reports × %u indicators (%u figures each, a target every 10th), one period: all ranked\n",
           n_reports, n_indicators, n_indicators + n_indicators / 10);

  /* the model alone, from reports in memory, a ledger each */
  for (guint run = 0; run < 5; run++)
    {
      g_autoptr(ZbComparison) c = zb_comparison_new ();
      TIME_START ();

      for (guint k = 0; k < reports->len; k++)
        zb_comparison_add_report (c, g_ptr_array_index (reports, k), 0, NULL);
      zb_comparison_rank (c);
      TIME_STOP (times);
      if (run == 0)
        g_print ("comparison: %u rows × %u columns\n", g_list_model_get_n_items (G_LIST_MODEL (c)),
                 zb_comparison_get_n_columns (c));
    }
  median_of ("the comparison's model from the reports (core: canonical names, assessments, ranks)", times);

  /* from the workspace, as the page's job builds it */
  g_array_set_size (times, 0);
  for (guint run = 0; run < 5; run++)
    {
      TIME_START ();

      g_clear_object (&comparison);
      comparison = zb_comparison_new_from_store (store, (gint64 *) ids->data, ids->len, NULL, &error);
      g_assert_no_error (error);
      TIME_STOP (times);
    }
  median_of ("the comparison from the workspace (reports read from SQLite, their region's ledgers)", times);

  window = zb_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_object_set (window, "showing-compare", TRUE, NULL);
  page = zb_window_get_compare_page (window);
  wait_frames (GTK_WIDGET (window), 3);
  while (zb_compare_page_get_busy (page))
    g_main_context_iteration (NULL, TRUE);

  /* the view: from the model handed to the page to the first frame with it */
  g_array_set_size (times, 0);
  for (guint run = 0; run < 5; run++)
    {
      zb_compare_page_show_comparison (page, NULL);
      wait_frames (GTK_WIDGET (window), 2);
      {
        TIME_START ();

        zb_compare_page_show_comparison (page, comparison);
        wait_frames (GTK_WIDGET (window), 1);
        TIME_STOP (times);
      }
    }
  median_of ("the view of it: columns made, rows bound, the first frame drawn", times);
  g_print ("cells drawn for the first frame: %u (no widget a cell)\n",
           zb_compare_grid_get_n_drawn (zb_compare_page_get_grid (page)));

  /* the whole of choosing: the page's job on the worker, then the view */
  {
    double ms;

    zb_compare_page_show_comparison (page, NULL);
    wait_frames (GTK_WIDGET (window), 2);
    start = now_ms ();
    zb_compare_page_choose (page, ZB_COMPARE_BY_PERIOD, "上半年");
    while (zb_compare_page_get_busy (page))
      g_main_context_iteration (NULL, TRUE);
    wait_frames (GTK_WIDGET (window), 1);
    ms = now_ms () - start;
    g_print ("choosing the period in the page to its table drawn: %.1f ms (of which %.1f ms on the worker"
             ")\n", ms, zb_compare_page_get_build_ms (page));
  }

  scroller = zb_compare_page_get_scroller (page);
  scroll_through (GTK_WIDGET (window), gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                  "down", 0.25);
  scroll_through (GTK_WIDGET (window), gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                  "down", 1.0);
  scroll_through (GTK_WIDGET (window), gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller)),
                  "across", 0.25);
  g_print ("cells drawn in all, each once: %u of %u\n", zb_compare_grid_get_n_drawn (zb_compare_page_get_grid (page)),
           n_reports * n_indicators);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  /* ZB_BENCH_KEEP=1: the workspace stays, for a profiler */
  if (g_getenv ("ZB_BENCH_KEEP") != NULL)
    {
      g_print ("workspace kept: %s\n", db);
      return 0;
    }
  g_unlink (db);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *side = g_strconcat (db, i ? "-shm" : "-wal", NULL);
      g_unlink (side);
    }
  {
    g_autofree char *dir = g_path_get_dirname (db);
    g_rmdir (dir);
  }
  for (guint k = 0; k < n_reports; k++)
    {
      g_autofree char *name = g_strdup_printf ("region-%02u.txt", k);
      g_autofree char *path = g_build_filename (home, name, NULL);
      g_unlink (path);
    }
  g_rmdir (home);
  return 0;
}
