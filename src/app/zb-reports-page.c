/* zb-reports-page.c — the page of a workspace's reports: activate one to open it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-report-row.h"
#include "zb-reports-page.h"

struct _ZbReportsPage
{
  GtkWidget     parent_instance;

  GtkLabel     *where_label;
  GtkListBox   *list;

  ZbWorkspace  *workspace;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (ZbReportsPage, zb_reports_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

enum {
  REPORT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
on_row_activated (ZbReportRow   *row,
                  ZbReportsPage *self)
{
  g_signal_emit (self, signals[REPORT_ACTIVATED], 0, zb_report_row_get_report_id (row));
}

static gpointer
list_job (ZbStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  return zb_store_list_reports (store, error);
}

static void
listed (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(ZbReportsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = zb_workspace_run_finish (ZB_WORKSPACE (source), result, &error);
  const char *path = zb_workspace_get_path (ZB_WORKSPACE (source));
  g_autofree char *where = NULL;
  GtkWidget *child;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (reports == NULL)
    {
      /* Translators: %s are the workspace file and the reason */
      where = g_strdup_printf (_("The workspace %s cannot be read: %s"), path, error->message);
      gtk_label_set_label (self->where_label, where);
      gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
      return;
    }
  /* Translators: %s is the workspace file */
  where = g_strdup_printf (reports->len ? _("In %s. Activate a report to open it with its corrections.")
                                        : _("In %s. Reports you open are added here."), path);
  gtk_label_set_label (self->where_label, where);
  for (guint i = 0; i < reports->len; i++)
    {
      GtkWidget *row = zb_report_row_new (g_ptr_array_index (reports, i));

      g_signal_connect (row, "activated", G_CALLBACK (on_row_activated), self);
      gtk_list_box_append (self->list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), reports->len > 0);
}

void
zb_reports_page_refresh (ZbReportsPage *self)
{
  g_return_if_fail (ZB_IS_REPORTS_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->workspace == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  zb_workspace_run_async (self->workspace, list_job, NULL, NULL, (GDestroyNotify) g_ptr_array_unref,
                          self->cancellable, listed, g_object_ref (self));
}

ZbWorkspace *
zb_reports_page_get_workspace (ZbReportsPage *self)
{
  g_return_val_if_fail (ZB_IS_REPORTS_PAGE (self), NULL);
  return self->workspace;
}

void
zb_reports_page_set_workspace (ZbReportsPage *self,
                               ZbWorkspace   *workspace)
{
  g_return_if_fail (ZB_IS_REPORTS_PAGE (self));
  g_return_if_fail (workspace == NULL || ZB_IS_WORKSPACE (workspace));

  if (!g_set_object (&self->workspace, workspace))
    return;
  /* only while shown: a hidden page is listed when it is shown */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    zb_reports_page_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

GtkListBox *
zb_reports_page_get_list (ZbReportsPage *self)
{
  g_return_val_if_fail (ZB_IS_REPORTS_PAGE (self), NULL);
  return self->list;
}

static void
zb_reports_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (zb_reports_page_parent_class)->map (widget);
  zb_reports_page_refresh (ZB_REPORTS_PAGE (widget));
}

static void
zb_reports_page_dispose (GObject *object)
{
  ZbReportsPage *self = ZB_REPORTS_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZB_TYPE_REPORTS_PAGE);
  /* the template's unnamed children too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (zb_reports_page_parent_class)->dispose (object);
}

static void
zb_reports_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_WORKSPACE: g_value_set_object (value, ZB_REPORTS_PAGE (object)->workspace); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_reports_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_WORKSPACE: zb_reports_page_set_workspace (ZB_REPORTS_PAGE (object), g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_reports_page_class_init (ZbReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zb_reports_page_dispose;
  object_class->get_property = zb_reports_page_get_property;
  object_class->set_property = zb_reports_page_set_property;
  widget_class->map = zb_reports_page_map;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, ZB_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* (gint64 report_id): the clerk chose a report to open */
  signals[REPORT_ACTIVATED] =
    g_signal_new ("report-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zhibiao/Zhibiao/ui/zb-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbReportsPage, where_label);
  gtk_widget_class_bind_template_child (widget_class, ZbReportsPage, list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
zb_reports_page_init (ZbReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
