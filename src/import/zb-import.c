/* zb-import.c — a report from any file a clerk receives: text, Word or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-import.h"

#include <string.h>

#include "zb-docx.h"
#include "zb-pdf.h"
#include "zb-types.h"
#include <glib/gi18n-lib.h>

typedef ZbSource *(*ZbImporter) (GBytes *bytes, const char *path, GCancellable *cancellable, GError **error);

/* An encrypted Word file is an OLE2 compound file, as is the old .doc. */
static ZbSource *
import_ole2 (GBytes       *bytes,
             const char   *path,
             GCancellable *cancellable,
             GError      **error)
{
  g_set_error_literal (error, ZB_ERROR, ZB_ERROR_FORMAT,
                       _("This is a password-protected or old-format (.doc) Word file: "
                       "save it as an unprotected .docx first"));
  return NULL;
}

static ZbImporter
importer_for (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (len >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    return zb_docx_import;
  /* an empty zip is still a zip: let the reader name what is missing */
  if (len >= 4 && memcmp (data, "PK\005\006", 4) == 0)
    return zb_docx_import;
  if (len >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return zb_pdf_import;
  if (len >= 8 && memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    return import_ole2;
  return NULL;
}

ZbSource *
zb_import_source (GBytes        *bytes,
                  const char    *path,
                  GCancellable  *cancellable,
                  GError       **error)
{
  ZbImporter importer;

  g_return_val_if_fail (bytes != NULL, NULL);

  importer = importer_for (bytes);
  if (importer != NULL)
    return importer (bytes, path, cancellable, error);
  return zb_source_new_from_bytes (bytes, path, error);
}

void
zb_import_register (void)
{
  zb_report_set_default_reader (zb_import_source);
}

ZbReport *
zb_import_report_from_bytes (GBytes        *bytes,
                             const char    *path,
                             GCancellable  *cancellable,
                             GError       **error)
{
  return zb_report_new_from_bytes_with (bytes, path, zb_import_source, cancellable, error);
}

ZbReport *
zb_import_report_from_file (GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return zb_report_new_from_file_with (file, zb_import_source, cancellable, error);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  ZbReport *report = zb_import_report_from_file (task_data, cancellable, &error);

  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, g_object_unref);
}

void
zb_import_report_async (GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_return_if_fail (G_IS_FILE (file));

  g_task_set_source_tag (task, zb_import_report_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, import_thread);
}

ZbReport *
zb_import_report_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
