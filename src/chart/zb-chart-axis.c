/* zb-chart-axis.c — a value axis with nice ticks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-chart-axis.h"

#include <math.h>

struct _ZbChartAxis
{
  GObject   parent_instance;

  char     *title;
  double    data_lo;
  double    data_hi;
  double    first;
  double    step;
  guint     n_ticks;
  guint     max_ticks;
  int       decimals;
  guint     include_zero : 1;
};

G_DEFINE_FINAL_TYPE (ZbChartAxis, zb_chart_axis, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

guint
zb_chart_nice_ticks (double  lo,
                     double  hi,
                     guint   max_ticks,
                     double *first,
                     double *step,
                     int    *decimals)
{
  static const double mantissas[] = { 1, 2, 5 };
  double span, magnitude;

  g_return_val_if_fail (first != NULL && step != NULL, 0);

  max_ticks = MAX (max_ticks, 2);
  if (!isfinite (lo) || !isfinite (hi))
    lo = hi = 0;
  if (lo > hi)
    {
      double t = lo;
      lo = hi;
      hi = t;
    }
  /* a single value still gets an axis around it */
  if (hi - lo < 1e-12)
    {
      double pad = fabs (lo) > 1e-12 ? fabs (lo) * 0.1 : 1;
      lo -= pad;
      hi += pad;
    }

  span = hi - lo;
  magnitude = pow (10, floor (log10 (span / (max_ticks - 1))));
  for (int k = 0; k < 3; k++)
    for (guint m = 0; m < G_N_ELEMENTS (mantissas); m++)
      {
        double s = mantissas[m] * magnitude * pow (10, k);
        /* the small epsilon keeps 0.1 × 9 from landing just above 0.9 */
        double a = floor (lo / s + 1e-9) * s;
        double b = ceil (hi / s - 1e-9) * s;
        guint n = (guint) llround ((b - a) / s) + 1;

        if (n <= max_ticks)
          {
            *first = a;
            *step = s;
            if (decimals)
              *decimals = MAX (0, (int) -floor (log10 (s) + 1e-9));
            return n;
          }
      }
  g_assert_not_reached ();
  return 0;
}

static void
recompute (ZbChartAxis *self)
{
  double lo = self->data_lo, hi = self->data_hi;

  if (self->include_zero)
    {
      lo = MIN (lo, 0);
      hi = MAX (hi, 0);
    }
  self->n_ticks = zb_chart_nice_ticks (lo, hi, self->max_ticks, &self->first, &self->step, &self->decimals);
}

ZbChartAxis *
zb_chart_axis_new (const char *title)
{
  return g_object_new (ZB_TYPE_CHART_AXIS, "title", title, NULL);
}

const char *
zb_chart_axis_get_title (ZbChartAxis *self)
{
  g_return_val_if_fail (ZB_IS_CHART_AXIS (self), NULL);
  return self->title;
}

void
zb_chart_axis_set_title (ZbChartAxis *self,
                         const char  *title)
{
  g_return_if_fail (ZB_IS_CHART_AXIS (self));
  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
zb_chart_axis_set_data_range (ZbChartAxis *self,
                              double       lo,
                              double       hi)
{
  g_return_if_fail (ZB_IS_CHART_AXIS (self));
  self->data_lo = MIN (lo, hi);
  self->data_hi = MAX (lo, hi);
  recompute (self);
}

void
zb_chart_axis_set_include_zero (ZbChartAxis *self,
                                gboolean     include_zero)
{
  g_return_if_fail (ZB_IS_CHART_AXIS (self));
  self->include_zero = !!include_zero;
  recompute (self);
}

void
zb_chart_axis_set_max_ticks (ZbChartAxis *self,
                             guint        max_ticks)
{
  g_return_if_fail (ZB_IS_CHART_AXIS (self));
  self->max_ticks = MAX (max_ticks, 2);
  recompute (self);
}

double
zb_chart_axis_get_min (ZbChartAxis *self)
{
  g_return_val_if_fail (ZB_IS_CHART_AXIS (self), 0);
  return self->first;
}

double
zb_chart_axis_get_max (ZbChartAxis *self)
{
  g_return_val_if_fail (ZB_IS_CHART_AXIS (self), 1);
  return self->first + self->step * (self->n_ticks - 1);
}

guint
zb_chart_axis_get_n_ticks (ZbChartAxis *self)
{
  g_return_val_if_fail (ZB_IS_CHART_AXIS (self), 0);
  return self->n_ticks;
}

double
zb_chart_axis_get_tick (ZbChartAxis *self,
                        guint        i)
{
  double v;

  g_return_val_if_fail (ZB_IS_CHART_AXIS (self), 0);
  g_return_val_if_fail (i < self->n_ticks, 0);

  v = self->first + self->step * i;
  /* no "-0" or 0.30000000000000004 */
  if (fabs (v) < self->step * 1e-6)
    v = 0;
  return v;
}

char *
zb_chart_axis_dup_tick_label (ZbChartAxis *self,
                              guint        i)
{
  g_return_val_if_fail (ZB_IS_CHART_AXIS (self), NULL);
  return g_strdup_printf ("%.*f", self->decimals, zb_chart_axis_get_tick (self, i));
}

double
zb_chart_axis_map (ZbChartAxis *self,
                   double       value,
                   double       from,
                   double       to)
{
  double lo, hi;

  g_return_val_if_fail (ZB_IS_CHART_AXIS (self), from);

  lo = zb_chart_axis_get_min (self);
  hi = zb_chart_axis_get_max (self);
  return from + (value - lo) / (hi - lo) * (to - from);
}

static void
zb_chart_axis_finalize (GObject *object)
{
  ZbChartAxis *self = (ZbChartAxis *) object;

  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (zb_chart_axis_parent_class)->finalize (object);
}

static void
zb_chart_axis_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ZbChartAxis *self = ZB_CHART_AXIS (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_chart_axis_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ZbChartAxis *self = ZB_CHART_AXIS (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      zb_chart_axis_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_chart_axis_class_init (ZbChartAxisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zb_chart_axis_finalize;
  object_class->get_property = zb_chart_axis_get_property;
  object_class->set_property = zb_chart_axis_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zb_chart_axis_init (ZbChartAxis *self)
{
  self->max_ticks = 10;
  self->data_lo = 0;
  self->data_hi = 1;
  recompute (self);
}
