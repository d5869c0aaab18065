/* zb-chart-layer.c — one layer of a chart: bars, markers, a line or labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-chart-layer.h"

#include <math.h>

struct _ZbChartLayer
{
  GObject           parent_instance;

  ZbChartLayerKind  kind;
  char             *title;
  GArray           *items;    /* of ZbChartItem */
  guint             series;
  guint             dashed : 1;
};

G_DEFINE_FINAL_TYPE (ZbChartLayer, zb_chart_layer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  PROP_DASHED,
  PROP_SERIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
item_clear (ZbChartItem *item)
{
  g_clear_pointer (&item->label, g_free);
  g_clear_object (&item->figure);
}

ZbChartLayer *
zb_chart_layer_new (ZbChartLayerKind  kind,
                    const char       *title)
{
  return g_object_new (ZB_TYPE_CHART_LAYER, "kind", kind, "title", title, NULL);
}

ZbChartLayerKind
zb_chart_layer_get_kind (ZbChartLayer *self)
{
  g_return_val_if_fail (ZB_IS_CHART_LAYER (self), 0);
  return self->kind;
}

const char *
zb_chart_layer_get_title (ZbChartLayer *self)
{
  g_return_val_if_fail (ZB_IS_CHART_LAYER (self), NULL);
  return self->title;
}

gboolean
zb_chart_layer_get_dashed (ZbChartLayer *self)
{
  g_return_val_if_fail (ZB_IS_CHART_LAYER (self), FALSE);
  return self->dashed;
}

void
zb_chart_layer_set_dashed (ZbChartLayer *self,
                           gboolean      dashed)
{
  g_return_if_fail (ZB_IS_CHART_LAYER (self));
  dashed = !!dashed;
  if (self->dashed != dashed)
    {
      self->dashed = dashed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DASHED]);
    }
}

guint
zb_chart_layer_get_series (ZbChartLayer *self)
{
  g_return_val_if_fail (ZB_IS_CHART_LAYER (self), 0);
  return self->series;
}

void
zb_chart_layer_set_series (ZbChartLayer *self,
                           guint         series)
{
  g_return_if_fail (ZB_IS_CHART_LAYER (self));
  if (self->series != series)
    {
      self->series = series;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERIES]);
    }
}

void
zb_chart_layer_add (ZbChartLayer *self,
                    guint         category,
                    double        value,
                    ZbStatus      status,
                    const char   *label,
                    ZbFigure     *figure)
{
  ZbChartItem item = { category, value, status, g_strdup (label), figure ? g_object_ref (figure) : NULL };

  g_return_if_fail (ZB_IS_CHART_LAYER (self));
  g_array_append_val (self->items, item);
}

guint
zb_chart_layer_get_n_items (ZbChartLayer *self)
{
  g_return_val_if_fail (ZB_IS_CHART_LAYER (self), 0);
  return self->items->len;
}

const ZbChartItem *
zb_chart_layer_get_item (ZbChartLayer *self,
                         guint         i)
{
  g_return_val_if_fail (ZB_IS_CHART_LAYER (self), NULL);
  g_return_val_if_fail (i < self->items->len, NULL);
  return &g_array_index (self->items, ZbChartItem, i);
}

gboolean
zb_chart_layer_get_range (ZbChartLayer *self,
                          double       *lo,
                          double       *hi)
{
  gboolean any = FALSE;

  g_return_val_if_fail (ZB_IS_CHART_LAYER (self), FALSE);

  /* labels sit beside the plot and take no part in its range */
  if (self->kind == ZB_CHART_LAYER_LABELS)
    return FALSE;
  for (guint i = 0; i < self->items->len; i++)
    {
      double v = g_array_index (self->items, ZbChartItem, i).value;

      if (!isfinite (v))
        continue;
      *lo = any ? MIN (*lo, v) : v;
      *hi = any ? MAX (*hi, v) : v;
      any = TRUE;
    }
  return any;
}

static void
zb_chart_layer_finalize (GObject *object)
{
  ZbChartLayer *self = (ZbChartLayer *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->items, g_array_unref);

  G_OBJECT_CLASS (zb_chart_layer_parent_class)->finalize (object);
}

static void
zb_chart_layer_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ZbChartLayer *self = ZB_CHART_LAYER (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DASHED:
      g_value_set_boolean (value, self->dashed);
      break;
    case PROP_SERIES:
      g_value_set_uint (value, self->series);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_chart_layer_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ZbChartLayer *self = ZB_CHART_LAYER (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;
    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      break;
    case PROP_DASHED:
      zb_chart_layer_set_dashed (self, g_value_get_boolean (value));
      break;
    case PROP_SERIES:
      zb_chart_layer_set_series (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_chart_layer_class_init (ZbChartLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zb_chart_layer_finalize;
  object_class->get_property = zb_chart_layer_get_property;
  object_class->set_property = zb_chart_layer_set_property;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      ZB_CHART_LAYER_BARS, ZB_CHART_LAYER_LABELS, ZB_CHART_LAYER_BARS,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DASHED] =
    g_param_spec_boolean ("dashed", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SERIES] =
    g_param_spec_uint ("series", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zb_chart_layer_init (ZbChartLayer *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (ZbChartItem));
  g_array_set_clear_func (self->items, (GDestroyNotify) item_clear);
}
