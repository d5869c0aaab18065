/* zb-window-export.c — the window's Export: the open report to a workbook, told in a toast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-message.h"
#include "zb-window-private.h"

static void
exported (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ZbWindow *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);
  GError *error = NULL;

  if (!zb_document_export_finish (ZB_DOCUMENT (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        zb_message_write_failed (GTK_WIDGET (self), file, error);
      g_task_return_error (task, error);
      return;
    }
  zb_message_saved (GTK_WIDGET (_zb_window_get_toast_overlay (self)), file);
  g_task_return_boolean (task, TRUE);
}

void
zb_window_export_async (ZbWindow            *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ZB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, zb_window_export_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  if (zb_window_get_document (self) == NULL)
    {
      g_task_return_new_error (task, ZB_ERROR, ZB_ERROR_NOT_FOUND, _("No report is open"));
      return;
    }
  /* Translators: the language of exported workbooks' sheets and headers:
   * "zh_CN" for Chinese, "en" otherwise */
  zb_document_export_async (zb_window_get_document (self), file, C_("workbook language", "en"),
                            cancellable ? cancellable : _zb_window_get_export_cancellable (self),
                            exported, g_steal_pointer (&task));
}

gboolean
zb_window_export_finish (ZbWindow      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
