/* zb-pane.c — a view of a document in the window: what every pane shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-pane.h"

typedef struct {
  ZbDocument   *document;
  GSignalGroup *document_signals;
} ZbPanePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (ZbPane, zb_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ZbDocument *
zb_pane_get_document (ZbPane *self)
{
  ZbPanePrivate *priv = zb_pane_get_instance_private (self);

  g_return_val_if_fail (ZB_IS_PANE (self), NULL);
  return priv->document;
}

void
zb_pane_set_document (ZbPane     *self,
                      ZbDocument *document)
{
  ZbPanePrivate *priv = zb_pane_get_instance_private (self);

  g_return_if_fail (ZB_IS_PANE (self));
  g_return_if_fail (document == NULL || ZB_IS_DOCUMENT (document));

  if (!g_set_object (&priv->document, document))
    return;
  g_signal_group_set_target (priv->document_signals, document);
  if (ZB_PANE_GET_CLASS (self)->document_changed != NULL)
    ZB_PANE_GET_CLASS (self)->document_changed (self, document);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

GSignalGroup *
zb_pane_get_document_signals (ZbPane *self)
{
  ZbPanePrivate *priv = zb_pane_get_instance_private (self);

  g_return_val_if_fail (ZB_IS_PANE (self), NULL);
  return priv->document_signals;
}

static void
zb_pane_dispose (GObject *object)
{
  ZbPanePrivate *priv = zb_pane_get_instance_private (ZB_PANE (object));
  GtkWidget *child;

  g_signal_group_set_target (priv->document_signals, NULL);
  g_clear_object (&priv->document);
  /* what the subclass's template did not bind (it disposes its own) */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (zb_pane_parent_class)->dispose (object);
}

static void
zb_pane_finalize (GObject *object)
{
  ZbPanePrivate *priv = zb_pane_get_instance_private (ZB_PANE (object));

  g_clear_object (&priv->document_signals);

  G_OBJECT_CLASS (zb_pane_parent_class)->finalize (object);
}

static void
zb_pane_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DOCUMENT: g_value_set_object (value, zb_pane_get_document (ZB_PANE (object))); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_pane_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_DOCUMENT: zb_pane_set_document (ZB_PANE (object), g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_pane_class_init (ZbPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zb_pane_dispose;
  object_class->finalize = zb_pane_finalize;
  object_class->get_property = zb_pane_get_property;
  object_class->set_property = zb_pane_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, ZB_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
zb_pane_init (ZbPane *self)
{
  ZbPanePrivate *priv = zb_pane_get_instance_private (self);

  priv->document_signals = g_signal_group_new (ZB_TYPE_DOCUMENT);
}
