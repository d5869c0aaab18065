/* bench-common.h — what the application's benchmarks share: frames, CPU, scrolling
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <time.h>

static inline gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  return --*(int *) data > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static inline void
wait_frames (GtkWidget *widget,
             int        frames)
{
  gtk_widget_add_tick_callback (widget, count_frame, &frames, NULL);
  gtk_widget_queue_draw (widget);
  while (frames > 0)
    g_main_context_iteration (NULL, TRUE);
}

static inline double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

typedef struct {
  GtkAdjustment *adjustment;
  double         step;    /* of a page per frame */
  gint64         last;
  GArray        *intervals;
} Scroll;

static inline gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  Scroll *scroll = data;
  gint64 now = g_get_monotonic_time ();
  double value = gtk_adjustment_get_value (scroll->adjustment);
  double upper = gtk_adjustment_get_upper (scroll->adjustment) - gtk_adjustment_get_page_size (scroll->adjustment);

  if (scroll->last != 0)
    {
      double ms = (now - scroll->last) / 1000.0;
      g_array_append_val (scroll->intervals, ms);
    }
  scroll->last = now;
  if (value >= upper)
    return G_SOURCE_REMOVE;
  gtk_adjustment_set_value (scroll->adjustment,
                            MIN (upper, value + scroll->step * gtk_adjustment_get_page_size (scroll->adjustment)));
  return G_SOURCE_CONTINUE;
}

static inline int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static inline void
scroll_through (GtkWidget     *window,
                GtkAdjustment *adjustment,
                const char    *way,
                double         step)
{
  Scroll scroll = { adjustment, step, 0, g_array_new (FALSE, FALSE, sizeof (double)) };
  double cpu_start = cpu_ms (), sum = 0;
  guint n;

  gtk_adjustment_set_value (adjustment, 0);
  wait_frames (window, 2);
  cpu_start = cpu_ms ();
  gtk_widget_add_tick_callback (window, scroll_tick, &scroll, NULL);
  while (gtk_adjustment_get_value (adjustment) < gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment))
    g_main_context_iteration (NULL, TRUE);
  wait_frames (window, 2);
  n = scroll.intervals->len;
  for (guint i = 0; i < n; i++)
    sum += g_array_index (scroll.intervals, double, i);
  g_array_sort (scroll.intervals, compare_double);
  g_print ("scrolling %s %.2f page/frame, %u frames: mean %.1f ms, median %.1f ms, 95th %.1f ms, max %.1f ms; "
           "our process's CPU %.1f ms per frame\n",
           way, step, n, sum / MAX (1, n), n ? g_array_index (scroll.intervals, double, n / 2) : 0,
           n ? g_array_index (scroll.intervals, double, n * 95 / 100) : 0,
           n ? g_array_index (scroll.intervals, double, n - 1) : 0, (cpu_ms () - cpu_start) / MAX (1, n));
  g_array_unref (scroll.intervals);
}

