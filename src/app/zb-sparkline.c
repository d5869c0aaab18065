/* zb-sparkline.c — a comparison row's growths across its reports, small, in its row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A point a report, at its column's place: a report without the figure
 * leaves a gap in the line rather than a guess.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-sparkline.h"

#define MARGIN 4

struct _ZbSparkline
{
  GtkWidget        parent_instance;

  ZbComparisonRow *row;
};

G_DEFINE_FINAL_TYPE (ZbSparkline, zb_sparkline, GTK_TYPE_WIDGET)

enum {
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
growth_at (ZbComparisonRow *row,
           guint            column,
           double          *value,
           ZbStatus        *status)
{
  const ZbComparisonCell *cell = zb_comparison_row_get_cell (row, column);
  ZbFigure *f = cell ? cell->assessment->figure : NULL;

  if (f == NULL || !zb_figure_get_change (f)->set || zb_figure_get_change_unit (f) != ZB_CHANGE_PERCENT)
    return FALSE;
  *value = zb_figure_get_change (f)->value;
  *status = cell->assessment->status;
  return TRUE;
}

static void
draw (ZbSparkline *self,
      cairo_t     *cr,
      int          width,
      int          height,
      GdkRGBA     *colors)
{
  guint n = zb_comparison_row_get_n_cells (self->row);
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE, value, step;
  gboolean drawing = FALSE;
  ZbStatus status;

  for (guint i = 0; i < n; i++)
    if (growth_at (self->row, i, &value, &status))
      {
        lo = MIN (lo, value);
        hi = MAX (hi, value);
      }
  if (lo > hi)
    return;
  if (hi - lo < 1e-9)
    {
      lo -= 1;
      hi += 1;
    }
  step = n > 1 ? (width - 2.0 * MARGIN) / (n - 1) : 0;

#define X(i) (MARGIN + (n > 1 ? (i) * step : (width - 2.0 * MARGIN) / 2))
#define Y(v) (MARGIN + (hi - (v)) / (hi - lo) * (height - 2.0 * MARGIN))
  cairo_set_line_width (cr, 1.5);
  gdk_cairo_set_source_rgba (cr, &colors[0]);
  for (guint i = 0; i < n; i++)
    {
      if (!growth_at (self->row, i, &value, &status))
        {
          drawing = FALSE;
          continue;
        }
      if (drawing)
        cairo_line_to (cr, X (i), Y (value));
      else
        cairo_move_to (cr, X (i), Y (value));
      drawing = TRUE;
    }
  cairo_stroke (cr);
  for (guint i = 0; i < n; i++)
    if (growth_at (self->row, i, &value, &status))
      {
        gdk_cairo_set_source_rgba (cr, &colors[status]);
        cairo_arc (cr, X (i), Y (value), 2.5, 0, 2 * G_PI);
        cairo_fill (cr);
      }
#undef X
#undef Y
}

static void
zb_sparkline_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  ZbSparkline *self = ZB_SPARKLINE (widget);
  static const char *names[] = { NULL, "success_color", "accent_color", "error_color" };
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GdkRGBA colors[4];
  cairo_t *cr;

  if (self->row == NULL || width <= 2 * MARGIN || height <= 2 * MARGIN)
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &colors[0]);
  for (guint i = 1; i < G_N_ELEMENTS (names); i++)
    if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), names[i], &colors[i]))
      colors[i] = colors[0];
  G_GNUC_END_IGNORE_DEPRECATIONS
  colors[0].alpha *= 0.6;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw (self, cr, width, height, colors);
  cairo_destroy (cr);
}

static void
zb_sparkline_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 40 : 24;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 80 : 32;
}

void
zb_sparkline_set_row (ZbSparkline     *self,
                      ZbComparisonRow *row)
{
  g_return_if_fail (ZB_IS_SPARKLINE (self));

  if (g_set_object (&self->row, row))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

ZbComparisonRow *
zb_sparkline_get_row (ZbSparkline *self)
{
  g_return_val_if_fail (ZB_IS_SPARKLINE (self), NULL);
  return self->row;
}

static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             ZbSparkline     *self)
{
  if (self->row != NULL)
    g_signal_emit (self, signals[ACTIVATED], 0);
}

static void
zb_sparkline_dispose (GObject *object)
{
  g_clear_object (&ZB_SPARKLINE (object)->row);
  G_OBJECT_CLASS (zb_sparkline_parent_class)->dispose (object);
}

static void
zb_sparkline_class_init (ZbSparklineClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = zb_sparkline_dispose;
  widget_class->snapshot = zb_sparkline_snapshot;
  widget_class->measure = zb_sparkline_measure;

  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_css_name (widget_class, "zbsparkline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
zb_sparkline_init (ZbSparkline *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Growth across the reports: click for its chart"));
}

GtkWidget *
zb_sparkline_new (void)
{
  return g_object_new (ZB_TYPE_SPARKLINE, NULL);
}
