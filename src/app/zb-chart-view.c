/* zb-chart-view.c — a ZbChart on screen: hover for the source, click to select
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-chart-view.h"

struct _ZbChartView
{
  GtkDrawingArea  parent_instance;

  ZbChart        *chart;
  char           *placeholder;
  ZbFigure       *hovered;   /* unowned: only compared */
};

G_DEFINE_FINAL_TYPE (ZbChartView, zb_chart_view, GTK_TYPE_DRAWING_AREA)

enum {
  PROP_0,
  PROP_CHART,
  PROP_PLACEHOLDER,
  N_PROPS
};

enum {
  FIGURE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        user_data)
{
  ZbChartView *self = ZB_CHART_VIEW (area);
  g_autoptr(PangoLayout) layout = NULL;
  GdkRGBA color;
  int text_width, text_height;

  if (self->chart != NULL)
    {
      zb_chart_draw (self->chart, cr, width, height);
      return;
    }
  if (self->placeholder == NULL)
    return;

  /* no chart: say why, in the theme's text colour, dimmed */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->placeholder);
  pango_layout_set_width (layout, MAX (width - 24, 1) * PANGO_SCALE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha * 0.55);
  cairo_move_to (cr, 12, (height - text_height) / 2.0);
  pango_cairo_show_layout (cr, layout);
}

ZbFigure *
zb_chart_view_hit_test (ZbChartView *self,
                        double       x,
                        double       y)
{
  g_return_val_if_fail (ZB_IS_CHART_VIEW (self), NULL);

  if (self->chart == NULL)
    return NULL;
  /* the chart is drawn at the widget's origin and size */
  return zb_chart_hit_test (self->chart, x, y, NULL, NULL);
}

char *
zb_chart_view_dup_tooltip (ZbFigure *figure)
{
  g_autofree char *change = zb_figure_dup_field (figure, ZB_FIELD_CHANGE);
  g_autofree char *value = zb_figure_dup_field (figure, ZB_FIELD_VALUE);
  const char *period = zb_figure_get_period (figure);
  const char *quote = zb_figure_get_quote (figure);
  GString *text = g_string_new (NULL);
  g_autofree char *escaped_name = g_markup_escape_text (zb_figure_get_name (figure) ? zb_figure_get_name (figure) : "", -1);

  g_string_append_printf (text, "<b>%s</b>", escaped_name);
  if (period != NULL && *period != '\0')
    {
      g_autofree char *p = g_markup_escape_text (period, -1);
      g_string_append_printf (text, "  %s", p);
    }
  if (value != NULL)
    {
      g_autofree char *v = g_markup_escape_text (value, -1);
      const char *unit = zb_figure_get_unit (figure);
      g_autofree char *u = g_markup_escape_text (unit ? unit : "", -1);

      /* Translators: tooltip line of a chart item: the figure's value and unit */
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Value: %s %s"), v, u);
    }
  if (change != NULL)
    {
      g_autofree char *c = g_markup_escape_text (change, -1);

      g_string_append_c (text, '\n');
      if (zb_figure_get_change_unit (figure) == ZB_CHANGE_PP)
        /* Translators: tooltip line of a chart item; %s is a number of percentage points */
        g_string_append_printf (text, _("Change: %s pp"), c);
      else
        /* Translators: tooltip line of a chart item; %s is a growth rate */
        g_string_append_printf (text, _("Change: %s%%"), c);
    }
  if (quote != NULL && *quote != '\0')
    {
      g_autofree char *q = g_markup_escape_text (quote, -1);
      g_string_append_printf (text, "\n<i>“%s”</i>", q);
    }
  return g_string_free (text, FALSE);
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  ZbFigure *figure = zb_chart_view_hit_test (ZB_CHART_VIEW (widget), x, y);
  g_autofree char *markup = NULL;

  if (figure == NULL)
    return FALSE;
  markup = zb_chart_view_dup_tooltip (figure);
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           ZbChartView              *self)
{
  ZbFigure *figure = zb_chart_view_hit_test (self, x, y);

  if (figure == self->hovered)
    return;
  self->hovered = figure;
  /* a hand over anything that can be clicked to select it */
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), figure ? "pointer" : NULL);
}

static void
on_leave (GtkEventControllerMotion *motion,
          ZbChartView              *self)
{
  self->hovered = NULL;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
}

static void
on_released (GtkGestureClick *click,
             int              n_press,
             double           x,
             double           y,
             ZbChartView     *self)
{
  ZbFigure *figure = zb_chart_view_hit_test (self, x, y);

  if (figure != NULL)
    g_signal_emit (self, signals[FIGURE_ACTIVATED], 0, figure);
}

static void
zb_chart_view_dispose (GObject *object)
{
  ZbChartView *self = ZB_CHART_VIEW (object);

  g_clear_object (&self->chart);
  g_clear_pointer (&self->placeholder, g_free);

  G_OBJECT_CLASS (zb_chart_view_parent_class)->dispose (object);
}

static void
zb_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ZbChartView *self = ZB_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    case PROP_PLACEHOLDER:
      g_value_set_string (value, self->placeholder);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ZbChartView *self = ZB_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      zb_chart_view_set_chart (self, g_value_get_object (value));
      break;
    case PROP_PLACEHOLDER:
      zb_chart_view_set_placeholder (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_chart_view_class_init (ZbChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zb_chart_view_dispose;
  object_class->get_property = zb_chart_view_get_property;
  object_class->set_property = zb_chart_view_set_property;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, ZB_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACEHOLDER] =
    g_param_spec_string ("placeholder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FIGURE_ACTIVATED] =
    g_signal_new ("figure-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ZB_TYPE_FIGURE);

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "zbchartview");
}

static void
zb_chart_view_init (ZbChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw, NULL, NULL);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
zb_chart_view_new (void)
{
  return g_object_new (ZB_TYPE_CHART_VIEW, NULL);
}

void
zb_chart_view_set_chart (ZbChartView *self,
                         ZbChart     *chart)
{
  g_return_if_fail (ZB_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || ZB_IS_CHART (chart));

  self->hovered = NULL;
  if (g_set_object (&self->chart, chart))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
  /* rows of a gap chart stay readable; the scrolled window around it scrolls */
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self),
                                       chart && zb_chart_get_orientation (chart) == ZB_CHART_HORIZONTAL
                                       ? zb_chart_get_min_height (chart) : 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

ZbChart *
zb_chart_view_get_chart (ZbChartView *self)
{
  g_return_val_if_fail (ZB_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

void
zb_chart_view_set_placeholder (ZbChartView *self,
                               const char  *text)
{
  g_return_if_fail (ZB_IS_CHART_VIEW (self));

  if (g_strcmp0 (self->placeholder, text) == 0)
    return;
  g_free (self->placeholder);
  self->placeholder = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEHOLDER]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
