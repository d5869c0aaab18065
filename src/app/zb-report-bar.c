/* zb-report-bar.c — the header's view of a report: its year and region, and how many figures are left to review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The year and region decide which targets apply (a plan's targets are
 * for a year, a benchmark's figures for another area): the clerk sees
 * what Zhibiao took the report to be about, and corrects it here; the
 * document keeps it in the workspace.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-report-bar.h"

struct _ZbReportBar
{
  ZbPane      parent_instance;

  /* template */
  GtkWidget  *place_button;
  GtkLabel   *place_label;
  GtkPopover *place_popover;
  GtkEntry   *year_entry;
  GtkEntry   *region_entry;
  GtkLabel   *place_note;
  GtkWidget  *review_button;
  GtkImage   *review_icon;
  GtkLabel   *review_label;

  gboolean    review_only;
};

G_DEFINE_FINAL_TYPE (ZbReportBar, zb_report_bar, ZB_TYPE_PANE)

#define DOCUMENT(self) zb_pane_get_document (ZB_PANE (self))

enum {
  PROP_0,
  PROP_REVIEW_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_place (ZbReportBar *self)
{
  ZbDocument *document = DOCUMENT (self);
  g_autofree char *region = document ? zb_document_dup_region (document) : NULL;
  int year = document ? zb_document_get_year (document) : 0;
  g_autofree char *year_text = year > 0 ? g_strdup_printf ("%d", year) : g_strdup (_("Year?"));
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->place_button, document != NULL);
  /* Translators: the report's year and region in the header, e.g. “2025 · 临江县” */
  text = g_strdup_printf (_("%s · %s"), year_text, region ? region : _("Region?"));
  gtk_label_set_label (self->place_label, text);
}

static void
update_review (ZbReportBar *self)
{
  ZbDocument *document = DOCUMENT (self);
  guint flagged = document ? zb_document_get_n_flagged (document) : 0;
  guint left = document ? zb_document_get_n_to_review (document) : 0;
  g_autofree char *text = NULL;

  /* nothing doubted, nothing to say; the filter stays off then */
  gtk_widget_set_visible (self->review_button, flagged > 0);
  if (left > 0)
    /* Translators: the header's button; %u figures of the report are flagged and not reviewed */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to review", "%u to review", left), left);
  else
    text = g_strdup (_("All reviewed"));
  gtk_label_set_label (self->review_label, text);
  gtk_image_set_from_icon_name (self->review_icon, left > 0 ? "dialog-warning-symbolic" : "object-select-symbolic");
  if (left > 0)
    gtk_widget_remove_css_class (self->review_button, "done");
  else
    gtk_widget_add_css_class (self->review_button, "done");
}

/* The form shows what the document holds; the note what the report says. */
static void
on_place_shown (ZbReportBar *self)
{
  ZbDocument *document = DOCUMENT (self);
  ZbReport *report = document ? zb_document_get_report (document) : NULL;
  g_autofree char *region = document ? zb_document_dup_region (document) : NULL;
  g_autofree char *year = NULL;

  if (report == NULL)
    return;
  year = zb_document_get_year (document) > 0 ? g_strdup_printf ("%d", zb_document_get_year (document)) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->year_entry), year);
  gtk_editable_set_text (GTK_EDITABLE (self->region_entry), region ? region : "");
  gtk_label_set_label (self->place_note,
                       zb_report_get_place_set (report)
                       ? _("Set by hand, kept in the workspace. Targets of this year and region apply.")
                       : _("As the report says. Targets of this year and region apply."));
}

gboolean
zb_report_bar_submit (ZbReportBar  *self,
                      GError      **error)
{
  g_autofree char *year_text = NULL;
  g_autofree char *region = NULL;
  guint64 year = 0;

  g_return_val_if_fail (ZB_IS_REPORT_BAR (self), FALSE);

  if (DOCUMENT (self) == NULL)
    return FALSE;
  year_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->year_entry))));
  region = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->region_entry))));
  if (*year_text != '\0' && !g_ascii_string_to_unsigned (year_text, 10, 1949, 2200, &year, NULL))
    {
      /* Translators: %s is what was typed as the year */
      g_autofree char *message = g_strdup_printf (_("“%s” is not a year such as 2025"), year_text);

      gtk_label_set_label (self->place_note, message);
      gtk_widget_add_css_class (GTK_WIDGET (self->place_note), "error");
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->place_note), "error");
  zb_document_set_place (DOCUMENT (self), (int) year, *region ? region : NULL);
  gtk_popover_popdown (self->place_popover);
  return TRUE;
}

static void
on_apply_clicked (ZbReportBar *self)
{
  zb_report_bar_submit (self, NULL);
}

static void
on_reset_clicked (ZbReportBar *self)
{
  if (DOCUMENT (self) == NULL)
    return;
  zb_document_set_place (DOCUMENT (self), 0, NULL);
  gtk_popover_popdown (self->place_popover);
}

gboolean
zb_report_bar_get_review_only (ZbReportBar *self)
{
  g_return_val_if_fail (ZB_IS_REPORT_BAR (self), FALSE);
  return self->review_only;
}

void
zb_report_bar_set_review_only (ZbReportBar *self,
                               gboolean     review_only)
{
  g_return_if_fail (ZB_IS_REPORT_BAR (self));

  if (self->review_only == !!review_only)
    return;
  self->review_only = !!review_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_ONLY]);
}

const char *
zb_report_bar_get_review_text (ZbReportBar *self)
{
  g_return_val_if_fail (ZB_IS_REPORT_BAR (self), NULL);
  return gtk_widget_get_visible (self->review_button) ? gtk_label_get_label (self->review_label) : NULL;
}

const char *
zb_report_bar_get_place_text (ZbReportBar *self)
{
  g_return_val_if_fail (ZB_IS_REPORT_BAR (self), NULL);
  return gtk_label_get_label (self->place_label);
}

GtkPopover *
zb_report_bar_get_place_popover (ZbReportBar *self)
{
  g_return_val_if_fail (ZB_IS_REPORT_BAR (self), NULL);
  return self->place_popover;
}

static void
document_changed (ZbPane     *pane,
                  ZbDocument *document)
{
  ZbReportBar *self = ZB_REPORT_BAR (pane);

  /* a new report starts with every figure shown */
  zb_report_bar_set_review_only (self, FALSE);
  update_place (self);
  update_review (self);
}

static void
zb_report_bar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_REVIEW_ONLY: g_value_set_boolean (value, ZB_REPORT_BAR (object)->review_only); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_report_bar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_REVIEW_ONLY: zb_report_bar_set_review_only (ZB_REPORT_BAR (object), g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_report_bar_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ZB_TYPE_REPORT_BAR);

  G_OBJECT_CLASS (zb_report_bar_parent_class)->dispose (object);
}

static void
zb_report_bar_class_init (ZbReportBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zb_report_bar_dispose;
  object_class->get_property = zb_report_bar_get_property;
  object_class->set_property = zb_report_bar_set_property;
  ZB_PANE_CLASS (klass)->document_changed = document_changed;

  properties[PROP_REVIEW_ONLY] =
    g_param_spec_boolean ("review-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zhibiao/Zhibiao/ui/zb-report-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbReportBar, place_button);
  gtk_widget_class_bind_template_child (widget_class, ZbReportBar, place_label);
  gtk_widget_class_bind_template_child (widget_class, ZbReportBar, place_popover);
  gtk_widget_class_bind_template_child (widget_class, ZbReportBar, year_entry);
  gtk_widget_class_bind_template_child (widget_class, ZbReportBar, region_entry);
  gtk_widget_class_bind_template_child (widget_class, ZbReportBar, place_note);
  gtk_widget_class_bind_template_child (widget_class, ZbReportBar, review_button);
  gtk_widget_class_bind_template_child (widget_class, ZbReportBar, review_icon);
  gtk_widget_class_bind_template_child (widget_class, ZbReportBar, review_label);
  gtk_widget_class_bind_template_callback (widget_class, on_place_shown);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_clicked);
}

static void
zb_report_bar_init (ZbReportBar *self)
{
  GSignalGroup *signals = zb_pane_get_document_signals (ZB_PANE (self));

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->year_entry, "activate", G_CALLBACK (on_apply_clicked), self);
  g_signal_connect_swapped (self->region_entry, "activate", G_CALLBACK (on_apply_clicked), self);
  g_signal_group_connect_object (signals, "notify::n-to-review", G_CALLBACK (update_review), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (signals, "notify::n-flagged", G_CALLBACK (update_review), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (signals, "notify::year", G_CALLBACK (update_place), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (signals, "notify::region", G_CALLBACK (update_place), self, G_CONNECT_SWAPPED);
  /* a corrected period may change the year the report is about */
  g_signal_group_connect_object (signals, "figure-changed", G_CALLBACK (update_place), self, G_CONNECT_SWAPPED);
  update_place (self);
  update_review (self);
}
