/* zb-report-row.c — one report of the workspace in the Reports list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-report-row.h"

struct _ZbReportRow
{
  AdwActionRow parent_instance;

  gint64       report_id;
};

G_DEFINE_FINAL_TYPE (ZbReportRow, zb_report_row, ADW_TYPE_ACTION_ROW)

static void
zb_report_row_class_init (ZbReportRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zhibiao/Zhibiao/ui/zb-report-row.ui");
}

static void
zb_report_row_init (ZbReportRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
zb_report_row_new (const ZbStoreReport *info)
{
  ZbReportRow *self = g_object_new (ZB_TYPE_REPORT_ROW, NULL);
  g_autofree char *base = g_path_get_basename (info->path);
  g_autofree char *corrections = NULL;
  g_autofree char *subtitle = NULL;

  self->report_id = info->id;
  corrections = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u correction", "%u corrections",
                                              info->n_corrections), info->n_corrections);
  /* Translators: a workspace report: region · period · corrections · file name */
  subtitle = g_strdup_printf (_("%s · %s · %s · %s"),
                              info->region ? info->region : _("no region"),
                              info->period ? info->period : _("no period"),
                              corrections, base);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), info->title && *info->title ? info->title : base);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), info->path);
  return GTK_WIDGET (self);
}

gint64
zb_report_row_get_report_id (ZbReportRow *self)
{
  g_return_val_if_fail (ZB_IS_REPORT_ROW (self), 0);
  return self->report_id;
}
