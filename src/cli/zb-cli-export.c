/* zb-cli-export.c — zhibiao-cli export: the meeting workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-cli.h"
#include "zb-ledger.h"
#include "zb-report.h"
#include "zb-store.h"
#include "zb-workbook.h"

#include <stdio.h>
#include <string.h>

#define EXPORT_USAGE "Usage: zhibiao-cli export [--lang=zh_CN|en] --output=FILE.xlsx REPORT…\n"

int
zb_cli_export (const ZbCliGlobal *global,
               int                argc,
               char             **argv)
{
  const char *output = NULL;
  const char *language = NULL;
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(ZbLedger) ledger = NULL;
  ZbWorkbookOptions options = { 0 };

  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--output="))
        output = argv[i] + strlen ("--output=");
      else if ((g_str_equal (argv[i], "--output") || g_str_equal (argv[i], "-o")) && i + 1 < argc)
        output = argv[++i];
      else if (g_str_has_prefix (argv[i], "--lang="))
        language = argv[i] + strlen ("--lang=");
      else if (g_str_equal (argv[i], "--"))
        {
          for (i++; i < argc; i++)
            g_ptr_array_add (paths, argv[i]);
        }
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        {
          fprintf (stderr, "zhibiao-cli: export: unknown option %s\n" EXPORT_USAGE, argv[i]);
          return ZB_CLI_USAGE;
        }
      else
        g_ptr_array_add (paths, argv[i]);
    }

  if (output == NULL || *output == '\0' || paths->len == 0)
    {
      fputs (EXPORT_USAGE, stderr);
      return ZB_CLI_USAGE;
    }
  if (language != NULL && !g_str_equal (language, "zh_CN") && !g_str_equal (language, "en"))
    {
      fprintf (stderr, "zhibiao-cli: export: --lang is zh_CN or en\n");
      return ZB_CLI_USAGE;
    }
  if (!zb_cli_load_reports (global, paths, reports, &store, &error))
    return zb_cli_fail ("%s", error->message);
  /* with a workspace, its aliases and typed targets; else the workbook
   * builds its ledger from the reports alone */
  if (store != NULL)
    {
      ledger = zb_ledger_new ();
      if (!zb_cli_fill_ledger (ledger, store, reports, &error))
        return zb_cli_fail ("%s: %s", global->workspace, error->message);
      options.ledger = ledger;
    }

  options.language = language;
  if (!zb_workbook_export (reports, &options, output, &error))
    return zb_cli_fail ("%s", error->message);
  return ZB_CLI_OK;
}
