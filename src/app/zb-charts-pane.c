/* zb-charts-pane.c — the pane of a document's charts: gap to target, and the trend of a figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-charts-pane.h"
#include "zb-message.h"

struct _ZbChartsPane
{
  ZbPane        parent_instance;

  GtkStack     *stack;
  ZbChartView  *gap_chart;
  ZbChartView  *trend_chart;

  GCancellable *cancellable;
  guint         idle;
};

G_DEFINE_FINAL_TYPE (ZbChartsPane, zb_charts_pane, ZB_TYPE_PANE)

#define DOCUMENT(self) zb_pane_get_document (ZB_PANE (self))

enum {
  PROP_0,
  PROP_STACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
section_title (ZbDocument *document)
{
  int id = zb_document_get_section (document);
  g_autoptr(ZbSection) section = NULL;

  if (id == ZB_DOCUMENT_WHOLE_REPORT)
    return g_strdup (zb_document_get_title (document));
  section = zb_report_get_section (zb_document_get_report (document), id);
  return section ? zb_section_dup_label (section) : NULL;
}

/* The figures of the selected section against their targets. */
static ZbChart *
build_gap_chart (ZbDocument *document)
{
  GPtrArray *assessments = zb_document_get_assessments (document);
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(ZbChart) chart = NULL;
  g_autofree char *title = NULL;

  for (guint i = 0; assessments != NULL && i < assessments->len; i++)
    {
      ZbAssessment *a = g_ptr_array_index (assessments, i);

      if (zb_document_has_figure (document, a->figure) && zb_document_in_section (document, a->figure))
        g_ptr_array_add (shown, a);
    }
  title = section_title (document);
  chart = zb_chart_new_gap (shown, title, NULL);
  return zb_chart_get_n_categories (chart) > 0 ? g_steal_pointer (&chart) : NULL;
}

/* The selected figure's indicator across the periods the reports give. */
static ZbChart *
build_trend_chart (ZbDocument *document)
{
  ZbFigure *figure = zb_document_get_figure (document);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(ZbChart) chart = NULL;
  g_autofree char *canonical = NULL;
  const char *name;

  if (figure == NULL)
    return NULL;
  name = zb_figure_get_indicator (figure);
  if (name == NULL || *name == '\0')
    name = zb_figure_get_name (figure);
  if (name == NULL || *name == '\0')
    return NULL;
  rows = zb_document_assess_indicator (document, name);
  canonical = zb_document_dup_canonical (document, name);
  chart = zb_chart_new_trend (rows, canonical, NULL);
  return zb_chart_get_n_categories (chart) > 0 ? g_steal_pointer (&chart) : NULL;
}

static gboolean
redraw (gpointer data)
{
  ZbChartsPane *self = data;
  ZbDocument *document = DOCUMENT (self);
  g_autoptr(ZbChart) gap = document ? build_gap_chart (document) : NULL;
  g_autoptr(ZbChart) trend = document ? build_trend_chart (document) : NULL;

  self->idle = 0;
  zb_chart_view_set_chart (self->gap_chart, gap);
  zb_chart_view_set_chart (self->trend_chart, trend);
  zb_chart_view_set_placeholder (self->gap_chart,
                                 document ? _("No growth rates in this section to compare with targets") : NULL);
  zb_chart_view_set_placeholder (self->trend_chart,
                                 document == NULL ? NULL
                                 : zb_document_get_figure (document) ? _("The selected figure has no growth rate to follow")
                                 : _("Select a figure to follow its indicator across periods"));
  return G_SOURCE_REMOVE;
}

static void
queue_redraw (ZbChartsPane *self)
{
  if (self->idle == 0)
    self->idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 15, redraw, self, NULL);
}

static void
on_figure_activated (ZbChartView  *view,
                     ZbFigure     *figure,
                     ZbChartsPane *self)
{
  /* a point of another report: its tooltip is all there is to show */
  if (DOCUMENT (self) != NULL && zb_document_has_figure (DOCUMENT (self), figure))
    zb_document_set_figure (DOCUMENT (self), figure);
}

/* Export ------------------------------------------------------------------ */

typedef struct {
  ZbChart *chart;
  GFile   *file;
  int      width, height;
} ChartJob;

static void
chart_job_free (ChartJob *job)
{
  g_clear_object (&job->chart);
  g_clear_object (&job->file);
  g_free (job);
}

static void
chart_thread (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  ChartJob *job = data;
  g_autofree char *path = g_file_get_path (job->file);
  GError *error = NULL;

  if (zb_chart_save (job->chart, path, job->width, job->height, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
chart_saved (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ZbChartsPane *self = ZB_CHARTS_PANE (source);
  ChartJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    zb_message_saved (GTK_WIDGET (self), job->file);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    zb_message_write_failed (GTK_WIDGET (self), job->file, error);
}

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     ZbChartsPane    *self)
{
  const char *kind = g_object_get_data (G_OBJECT (dialog), "zb-chart");
  g_autoptr(GFile) chosen = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog)) : NULL;
  g_autofree char *path = chosen ? g_file_get_path (chosen) : NULL;
  g_autofree char *lower = path ? g_ascii_strdown (path, -1) : NULL;
  gboolean trend = g_strcmp0 (kind, "trend") == 0;
  ZbChartView *view = trend ? self->trend_chart : self->gap_chart;
  /* a chart of its own: the one on screen is redrawn meanwhile */
  g_autoptr(ZbChart) chart = NULL;

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  if (response != GTK_RESPONSE_ACCEPT || DOCUMENT (self) == NULL)
    return;
  chart = trend ? build_trend_chart (DOCUMENT (self)) : build_gap_chart (DOCUMENT (self));
  if (path == NULL || chart == NULL)
    zb_message_toast (GTK_WIDGET (self), _("There is no chart to export"), 5, NULL, NULL, NULL);
  else
    {
      ChartJob *job = g_new0 (ChartJob, 1);
      g_autoptr(GTask) task = g_task_new (self, self->cancellable, chart_saved, NULL);

      if (!g_str_has_suffix (lower, ".png") && !g_str_has_suffix (lower, ".svg") &&
          !g_str_has_suffix (lower, ".pdf"))
        {
          g_autofree char *named = g_strconcat (path, ".png", NULL);
          job->file = g_file_new_for_path (named);
        }
      else
        job->file = g_object_ref (chosen);
      job->chart = g_steal_pointer (&chart);
      /* the size on screen, but never smaller than a slide */
      job->width = MAX (gtk_widget_get_width (GTK_WIDGET (view)), 960);
      job->height = MAX (gtk_widget_get_height (GTK_WIDGET (view)), 540);
      g_task_set_task_data (task, job, (GDestroyNotify) chart_job_free);
      g_task_run_in_thread (task, chart_thread);
    }
}

static void
add_pattern_filter (GtkFileChooser *chooser,
                    const char     *name,
                    const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

void
zb_charts_pane_export (ZbChartsPane *self,
                       const char   *kind)
{
  GtkFileChooserNative *chooser;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *path;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  char *dot;

  g_return_if_fail (ZB_IS_CHARTS_PANE (self));

  if (DOCUMENT (self) == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_pattern_filter (GTK_FILE_CHOOSER (chooser), _("PNG Images"), "*.png");
  add_pattern_filter (GTK_FILE_CHOOSER (chooser), _("SVG Drawings"), "*.svg");
  add_pattern_filter (GTK_FILE_CHOOSER (chooser), _("PDF Documents"), "*.pdf");
  /* the report's file name, "-gap.png" for its extension */
  path = zb_report_get_path (zb_document_get_report (DOCUMENT (self)));
  base = path ? g_path_get_basename (path) : g_strdup (_("Report"));
  if ((dot = strrchr (base, '.')) != NULL && dot != base)
    *dot = '\0';
  name = g_strconcat (base, g_strcmp0 (kind, "trend") == 0 ? "-trend.png" : "-gap.png", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "zb-chart", g_strdup (kind), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  zb_charts_pane_export (ZB_CHARTS_PANE (widget), g_variant_get_string (param, NULL));
}

/* Properties -------------------------------------------------------------- */

static void
document_changed (ZbPane     *pane,
                  ZbDocument *document)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (pane), "charts.export", document != NULL);
  queue_redraw (ZB_CHARTS_PANE (pane));
}

GtkStack *
zb_charts_pane_get_stack (ZbChartsPane *self)
{
  g_return_val_if_fail (ZB_IS_CHARTS_PANE (self), NULL);
  return self->stack;
}

ZbChartView *
zb_charts_pane_get_view (ZbChartsPane *self,
                         const char   *kind)
{
  g_return_val_if_fail (ZB_IS_CHARTS_PANE (self), NULL);
  return g_strcmp0 (kind, "trend") == 0 ? self->trend_chart : self->gap_chart;
}

static void
zb_charts_pane_dispose (GObject *object)
{
  ZbChartsPane *self = ZB_CHARTS_PANE (object);

  g_clear_handle_id (&self->idle, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZB_TYPE_CHARTS_PANE);

  G_OBJECT_CLASS (zb_charts_pane_parent_class)->dispose (object);
}

static void
zb_charts_pane_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ZbChartsPane *self = ZB_CHARTS_PANE (object);

  switch (prop_id)
    {
    case PROP_STACK: g_value_set_object (value, self->stack); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_charts_pane_class_init (ZbChartsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zb_charts_pane_dispose;
  object_class->get_property = zb_charts_pane_get_property;
  ZB_PANE_CLASS (klass)->document_changed = document_changed;

  properties[PROP_STACK] =
    g_param_spec_object ("stack", NULL, NULL, GTK_TYPE_STACK,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zhibiao/Zhibiao/ui/zb-charts-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbChartsPane, stack);
  gtk_widget_class_bind_template_child (widget_class, ZbChartsPane, gap_chart);
  gtk_widget_class_bind_template_child (widget_class, ZbChartsPane, trend_chart);
  gtk_widget_class_bind_template_callback (widget_class, on_figure_activated);
  gtk_widget_class_install_action (widget_class, "charts.export", "s", export_action);
  g_type_ensure (ZB_TYPE_CHART_VIEW);
}

static void
zb_charts_pane_init (ZbChartsPane *self)
{
  GSignalGroup *signals = zb_pane_get_document_signals (ZB_PANE (self));

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.export", FALSE);

  g_signal_group_connect_object (signals, "assessed",
                                 G_CALLBACK (queue_redraw), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (signals, "notify::section",
                                 G_CALLBACK (queue_redraw), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (signals, "notify::figure",
                                 G_CALLBACK (queue_redraw), self, G_CONNECT_SWAPPED);
}
