/* zb-compare-page-actions.c — the Compare page's actions (compare.*): exporting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * compare.export writes the comparison's workbook (the Compare sheet, the
 * figures and corrections behind it), compare.export-reports the meeting
 * workbook of the reports chosen, as `zhibiao-cli export` writes it. Both
 * are written on a thread; the reports come from the workspace's worker.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-compare-page-private.h"
#include "zb-ledger-fill.h"
#include "zb-message.h"
#include "zb-save.h"
#include "zb-workbook.h"

void
_zb_compare_page_update_actions (ZbComparePage *self)
{
  ZbComparison *comparison = zb_compare_page_get_comparison (self);
  gboolean some = comparison != NULL && zb_comparison_get_n_columns (comparison) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.export", some);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.export-reports", some);
}

typedef struct {
  ZbComparison *comparison;   /* compare.export */
  GArray       *ids;          /* compare.export-reports */
  GPtrArray    *reports;
  ZbLedger     *ledger;
  GStrv         indicators;
  char         *language;
  GFile        *file;
} Export;

static void
export_free (Export *ex)
{
  g_clear_object (&ex->comparison);
  g_clear_pointer (&ex->ids, g_array_unref);
  g_clear_pointer (&ex->reports, g_ptr_array_unref);
  g_clear_object (&ex->ledger);
  g_strfreev (ex->indicators);
  g_free (ex->language);
  g_clear_object (&ex->file);
  g_free (ex);
}

/* On a thread: the comparison is not changed once built, the reports are
 * the job's own. */
static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Export *ex = data;
  g_autofree char *path = g_file_get_path (ex->file);
  ZbWorkbookOptions options = { 0 };
  GError *error = NULL;

  options.language = ex->language;
  options.cancellable = cancellable;
  options.comparison = ex->comparison;
  options.ledger = ex->ledger;
  options.chart_indicators = (const char * const *) ex->indicators;
  if (zb_workbook_export (ex->reports, &options, path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
exported (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  ZbComparePage *self = ZB_COMPARE_PAGE (source);
  Export *ex = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    zb_message_saved (GTK_WIDGET (self), ex->file);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    zb_message_write_failed (GTK_WIDGET (self), ex->file, error);
}

/* The chosen reports, with the workspace's aliases and typed targets. */
static gpointer
load_job (ZbStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Export *ex = data;

  ex->ledger = zb_ledger_new ();
  if (!zb_ledger_fill_from_store (ex->ledger, store, error))
    return NULL;
  for (guint i = 0; i < ex->ids->len; i++)
    {
      ZbReport *report;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          (report = zb_store_load_report (store, g_array_index (ex->ids, gint64, i), error)) == NULL)
        return NULL;
      g_ptr_array_add (ex->reports, report);
      zb_ledger_add_report (ex->ledger, report);
    }
  return NULL;
}

static void
loaded (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  zb_workspace_run_finish (ZB_WORKSPACE (source), result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_run_in_thread (task, export_thread);
}

static void
export_to (ZbComparePage *self,
           GFile         *file,
           gboolean       comparison)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, exported, NULL);
  ZbComparison *shown = zb_compare_page_get_comparison (self);
  Export *ex = g_new0 (Export, 1);

  ex->file = g_object_ref (file);
  /* Translators: the language of exported workbooks' sheets and headers:
   * "zh_CN" for Chinese, "en" otherwise */
  ex->language = g_strdup (C_("workbook language", "en"));
  ex->reports = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_task_data (task, ex, (GDestroyNotify) export_free);
  if (comparison)
    {
      ex->comparison = g_object_ref (shown);
      for (guint i = 0; i < zb_comparison_get_n_columns (shown); i++)
        g_ptr_array_add (ex->reports, g_object_ref (zb_comparison_get_column (shown, i)->report));
      /* filtered: the charts are of the indicators the clerk is looking at */
      ex->indicators = zb_compare_page_dup_shown_indicators (self);
      g_task_run_in_thread (task, export_thread);
      return;
    }
  ex->ids = g_array_copy (zb_compare_page_get_chosen (self));
  /* the task owns @ex; the main loop leaves it alone until the job is done */
  zb_workspace_run_async (zb_compare_page_get_workspace (self), load_job, ex, NULL, NULL, NULL, loaded,
                          g_object_ref (task));
}

static void
on_response (GtkNativeDialog *dialog,
             int              response,
             ZbComparePage   *self)
{
  gboolean comparison = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "zb-comparison"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GFile) file = zb_save_file_with_suffix (chosen, ".xlsx");
      g_autofree char *path = NULL;

      if ((path = g_file_get_path (file)) == NULL)
        zb_message_toast (GTK_WIDGET (self), _("Workbooks can only be written to local files"), 5, NULL, NULL, NULL);
      else
        export_to (self, file, comparison);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  ZbComparePage *self = ZB_COMPARE_PAGE (widget);
  gboolean comparison = g_str_equal (name, "compare.export");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (zb_compare_page_get_comparison (self) == NULL)
    return;
  chooser = gtk_file_chooser_native_new (comparison ? _("Export the Comparison") : _("Export the Selected Reports"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Excel Workbooks"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), comparison ? _("Comparison.xlsx") : _("Reports.xlsx"));
  g_object_set_data (G_OBJECT (chooser), "zb-comparison", GINT_TO_POINTER (comparison));
  g_signal_connect (chooser, "response", G_CALLBACK (on_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_zb_compare_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "compare.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "compare.export-reports", NULL, export_action);
}

/* For the tests: what the actions write, without a dialog. */
void
zb_compare_page_export (ZbComparePage *self,
                        GFile         *file,
                        gboolean       comparison)
{
  g_return_if_fail (ZB_IS_COMPARE_PAGE (self));
  g_return_if_fail (zb_compare_page_get_comparison (self) != NULL);

  export_to (self, file, comparison);
}
