/* bench-window.c — how fast a big report shows and how a 5 000-figure table scrolls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A benchmark, not a test: run it with build-aux/bench-app.  It prints the
 * time from zb_window_open() to the first frame drawn with the report, and
 * the frame intervals while the table scrolls from top to bottom.
 */
#include <locale.h>
#include <time.h>

#include "bench-common.h"
#include "zb-window-private.h"

static guint
count_cells (GtkWidget *widget)
{
  guint n = ZB_IS_FIGURE_CELL (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_cells (child);
  return n;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  ZbWindow *window;
  ZbReport *report;
  gint64 start;
  Scroll scroll = { 0 };
  GtkWidget *scrolled;
  const char *text;
  gsize text_len;
  guint n_figures = 5000;

  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      g_printerr ("usage: %s REPORT\n", argv[0]);
      return 2;
    }
  gtk_init ();
  adw_init ();

  window = zb_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (GTK_WIDGET (window), 3);

  file = g_file_new_for_commandline_arg (argv[1]);
  start = g_get_monotonic_time ();
  zb_window_open (window, file);
  while (zb_window_get_loading (window))
    g_main_context_iteration (NULL, TRUE);
  report = zb_window_get_report (window);
  if (report == NULL)
    {
      g_printerr ("%s: could not open\n", argv[1]);
      return 1;
    }
  g_print ("loaded %s: %.1f ms to the report\n", argv[1], (g_get_monotonic_time () - start) / 1000.0);
  wait_frames (GTK_WIDGET (window), 1);
  g_print ("first frame with the report: %.1f ms (%u sections, %u figures)\n",
           (g_get_monotonic_time () - start) / 1000.0,
           g_list_model_get_n_items (zb_report_get_sections (report)),
           g_list_model_get_n_items (zb_report_get_figures (report)));

  /* the whole report's gap chart: rows capped, drawn at the pane's size */
  while (zb_document_get_assessing (zb_window_get_document (window)))
    g_main_context_iteration (NULL, TRUE);
  wait_frames (GTK_WIDGET (window), 3);
  {
    ZbChartView *view = zb_window_get_gap_chart (window);
    ZbChart *chart = zb_chart_view_get_chart (view);
    int width = MAX (gtk_widget_get_width (GTK_WIDGET (view)), 400);
    int height = MAX (gtk_widget_get_height (GTK_WIDGET (view)), 300);
    cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
    cairo_t *cr = cairo_create (image);
    gint64 t0 = g_get_monotonic_time ();

    if (chart != NULL)
      {
        zb_chart_draw (chart, cr, width, height);
        g_print ("gap chart of the whole report: %u rows drawn of %u (+%u counted), %d×%d in %.1f ms, %u assessments\n",
                 zb_chart_get_n_categories (chart) - (zb_chart_get_n_hidden (chart) - zb_chart_get_n_more (chart)),
                 zb_chart_get_n_categories (chart), zb_chart_get_n_more (chart), width, height,
                 (g_get_monotonic_time () - t0) / 1000.0, zb_document_get_assessments (zb_window_get_document (window))->len);
      }
    cairo_destroy (cr);
    cairo_surface_destroy (image);
  }

  /* 5 000 figures made from spans spread over the text */
  text = zb_report_get_text (report);
  text_len = strlen (text);
  for (guint i = 0; i < n_figures; i++)
    {
      /* 200 indicators, each with a target every 25 figures: the ledger
       * has real work to do */
      g_autofree char *name = g_strdup_printf ("指标%u", i % 200);
      gsize offset = (text_len / n_figures) * i;
      g_autoptr(ZbFigure) figure = zb_figure_new (i % 25 == 0 ? ZB_FIGURE_TARGET : ZB_FIGURE_ACTUAL, name);
      ZbNumber value = { i * 1.5, 1, TRUE };
      ZbNumber change = { (i % 90) / 10.0, 1, TRUE };

      /* stay on a character boundary */
      offset = g_utf8_find_next_char (text + offset, text + text_len) - text;
      zb_figure_set_value (figure, &value, "亿元");
      zb_figure_set_change (figure, &change, ZB_CHANGE_PERCENT);
      zb_figure_set_period (figure, "1-9月");
      zb_figure_set_source (figure, zb_report_section_at (report, offset), 0, offset, offset,
                            MIN (12, text_len - offset), NULL);
      zb_report_add_figure (report, figure);
    }
  wait_frames (GTK_WIDGET (window), 3);
  g_print ("table rows: %u\n", g_list_model_get_n_items (G_LIST_MODEL (zb_window_get_figure_selection (window))));

  scrolled = gtk_widget_get_parent (GTK_WIDGET (zb_window_get_figure_view (window)));
  scroll.adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  /* a quarter page per frame is a fast fling; a whole page is far beyond one */
  for (guint pass = 0; pass < 2; pass++)
    {
      double cpu_start = cpu_ms ();
      double sum = 0;

      scroll.step = pass == 0 ? 0.25 : 1.0;
      scroll.last = 0;
      scroll.intervals = g_array_new (FALSE, FALSE, sizeof (double));
      gtk_adjustment_set_value (scroll.adjustment, 0);
      wait_frames (GTK_WIDGET (window), 2);
      gtk_widget_add_tick_callback (GTK_WIDGET (window), scroll_tick, &scroll, NULL);
      while (gtk_adjustment_get_value (scroll.adjustment) <
             gtk_adjustment_get_upper (scroll.adjustment) - gtk_adjustment_get_page_size (scroll.adjustment))
        g_main_context_iteration (NULL, TRUE);
      wait_frames (GTK_WIDGET (window), 2);

      for (guint i = 0; i < scroll.intervals->len; i++)
        sum += g_array_index (scroll.intervals, double, i);
      g_array_sort (scroll.intervals, compare_double);
      g_print ("scrolling %.2f page/frame, %u frames: mean %.1f ms, median %.1f ms, 95th %.1f ms; "
               "our process's CPU %.1f ms per frame (the rest is the X server)\n",
               scroll.step, scroll.intervals->len, sum / MAX (1, scroll.intervals->len),
               g_array_index (scroll.intervals, double, scroll.intervals->len / 2),
               g_array_index (scroll.intervals, double, scroll.intervals->len * 95 / 100),
               (cpu_ms () - cpu_start) / MAX (1, scroll.intervals->len));
      g_array_unref (scroll.intervals);
    }
  g_print ("cell widgets alive: %u (rows are recycled)\n", count_cells (GTK_WIDGET (window)));

  /* the targets ledger and the status of every figure, after each correction */
  {
    GListModel *figures = zb_report_get_figures (report);
    GArray *times = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 0; i < 10; i++)
      {
        g_autoptr(ZbFigure) figure = g_list_model_get_item (figures, g_list_model_get_n_items (figures) - 1 - i);
        g_autofree char *change = g_strdup_printf ("%u.5", i);
        double ms;

        zb_figure_correct (figure, ZB_FIELD_CHANGE, change, NULL, NULL);
        /* rebuilt on a worker thread now: wait for it */
        wait_frames (GTK_WIDGET (window), 2);
        while (zb_document_get_assessing (zb_window_get_document (window)))
          g_main_context_iteration (NULL, TRUE);
        ms = zb_window_get_ledger_ms (window);
        g_array_append_val (times, ms);
      }
    g_array_sort (times, compare_double);
    g_print ("targets ledger and assessments of %u figures, rebuilt after a correction: median %.1f ms, max %.1f ms\n",
             g_list_model_get_n_items (figures), g_array_index (times, double, times->len / 2),
             g_array_index (times, double, times->len - 1));
    g_array_unref (times);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
