/* zb-cli-reports.c — reading the REPORT… arguments of chart and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-cli.h"
#include "zb-ledger.h"
#include "zb-import.h"
#include "zb-ledger-fill.h"

gboolean
zb_cli_load_reports (const ZbCliGlobal  *global,
                     GPtrArray          *paths,
                     GPtrArray          *reports,
                     ZbStore           **store_out,
                     GError            **error)
{
  g_autoptr(ZbStore) store = NULL;

  /* With a workspace, each report goes through it: a report already there
   * comes back with the clerk's corrections, a new one is added. */
  if (global->workspace != NULL)
    {
      /* the clerk's corrections are the point: a mistyped path is an
       * error, not a new empty workspace */
      store = zb_cli_open_workspace (global, FALSE, error);
      if (store == NULL)
        return FALSE;
    }

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(ZbReport) report = zb_import_report_from_file (file, NULL, &local_error);
      gint64 id = 0;

      if (report == NULL ||
          (store != NULL && !zb_store_import_report (store, report, &id, NULL, &local_error)))
        {
          g_set_error (error, local_error->domain, local_error->code, "%s: %s", path, local_error->message);
          return FALSE;
        }
      g_ptr_array_add (reports, g_steal_pointer (&report));
    }

  if (store_out != NULL)
    *store_out = g_steal_pointer (&store);
  return TRUE;
}

gboolean
zb_cli_fill_ledger (ZbLedger   *ledger,
                    ZbStore    *store,
                    GPtrArray  *reports,
                    GError    **error)
{
  if (store != NULL && !zb_ledger_fill_from_store (ledger, store, error))
    return FALSE;

  for (guint i = 0; i < reports->len; i++)
    zb_ledger_add_report (ledger, g_ptr_array_index (reports, i));
  return TRUE;
}
