/* zb-cli-extract.c — zhibiao-cli extract
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-cli.h"
#include "zb-import.h"

#include <stdio.h>
#include <string.h>

int
zb_cli_extract (const ZbCliGlobal *global,
                int                argc,
                char             **argv)
{
  const char *format = "json";
  const char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(ZbReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gboolean written;

  gboolean options = TRUE;

  for (int i = 1; i < argc; i++)
    {
      if (options && g_str_equal (argv[i], "--"))
        options = FALSE;   /* what follows is a file, even "-dash.txt" */
      else if (options && g_str_has_prefix (argv[i], "--format="))
        format = argv[i] + strlen ("--format=");
      else if (options && argv[i][0] == '-' && argv[i][1] != '\0')
        {
          fprintf (stderr, "zhibiao-cli: extract: unknown option %s (a file named so: extract -- %s)\n",
                   argv[i], argv[i]);
          return ZB_CLI_USAGE;
        }
      else if (path == NULL)
        path = argv[i];
      else
        {
          fprintf (stderr, "zhibiao-cli: extract takes one file\n");
          return ZB_CLI_USAGE;
        }
    }

  if (!g_str_equal (format, "json") && !g_str_equal (format, "tsv"))
    {
      fprintf (stderr, "zhibiao-cli: extract: --format is json or tsv\n");
      return ZB_CLI_USAGE;
    }
  if (path == NULL)
    {
      fprintf (stderr, "Usage: zhibiao-cli extract [--format=json|tsv] [--] FILE\n");
      return ZB_CLI_USAGE;
    }

  file = g_file_new_for_commandline_arg (path);
  report = zb_import_report_from_file (file, NULL, &error);
  if (report == NULL)
    return zb_cli_fail ("%s: %s", path, error->message);

  /* written as it is made: the output of a huge report is never one string */
  written = g_str_equal (format, "json") ? zb_report_write_json (report, ZB_JSON_DEFAULT, zb_cli_write_stdout, NULL)
                                         : zb_report_write_tsv (report, zb_cli_write_stdout, NULL);
  if (!written || fflush (stdout) != 0)
    return zb_cli_fail ("cannot write the output");
  return ZB_CLI_OK;
}
