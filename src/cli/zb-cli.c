/* zb-cli.c — zhibiao-cli: the engine on the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-cli.h"
#include "zb-import.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

static const struct {
  const char   *name;
  ZbCliCommand  run;
  const char   *usage;
} commands[] = {
  { "extract", zb_cli_extract, "extract [--format=json|tsv] FILE      print the sections and figures of a report" },
  { "bench", zb_cli_bench, "bench [--repeat=N] FILE…               extraction throughput and peak memory" },
  { "export", zb_cli_export, "export [--lang=zh_CN|en] --output=FILE.xlsx REPORT…  the meeting workbook" },
  { "import", zb_cli_import, "import FILE                            add a report to the workspace, print its id" },
  { "reports", zb_cli_reports, "reports                                list the reports of the workspace" },
  { "figures", zb_cli_figures, "figures REPORT_ID                      the report's figures, corrected, with ids (JSON)" },
  { "correct", zb_cli_correct, "correct FIGURE_ID FIELD VALUE [--note TEXT]  correct one field of a figure" },
  { "history", zb_cli_history, "history FIGURE_ID                      the corrections of a figure" },
  { "review", zb_cli_review, "review [REPORT_ID] [--next] [--all] [--mark ID] [--unmark ID]\n"
                             "                                         the figures to check (TSV), the next one, or mark one reviewed" },
  { "targets", zb_cli_targets, "targets [set INDICATOR YEAR VALUE UNIT [--period P] [--area A] | remove INDICATOR YEAR …]\n"
                               "                                         list, set or remove typed targets" },
  { "aliases", zb_cli_aliases, "aliases [set ALIAS INDICATOR | remove ALIAS]  list, set or remove aliases" },
  { "bench-store", zb_cli_bench_store, "bench-store [--corrections=N] DIR     workspace import and correction speed" },
  { "chart", zb_cli_chart, "chart --type=gap|trend [--indicator NAME] [--lang=zh_CN|en] --output=FILE REPORT…\n"
                           "                                         growth against target, or one indicator's trend (.png/.svg/.pdf)" },
  { "compare", zb_cli_compare, "compare --region R | --period P | --reports ID,… [--format=tsv|json] [--output=FILE.xlsx]\n"
                               "        [--lang=zh_CN|en] [--indicator NAME]…  the workspace's reports side by side, ranked" },
  { "bench-chart", zb_cli_bench_chart, "bench-chart [--rows=200] [--width=1600] [--height=1200]\n"
                                       "                                         milliseconds per frame of the gap chart" },
};

gboolean
zb_cli_write_stdout (const char *data,
                     gsize       len,
                     gpointer    user_data)
{
  return fwrite (data, 1, len, stdout) == len;
}

int
zb_cli_fail (const char *format,
             ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  /* one line, whatever the message holds */
  for (char *p = msg; *p; p++)
    if (*p == '\n')
      *p = ' ';
  fprintf (stderr, "zhibiao-cli: %s\n", msg);
  return ZB_CLI_FAILED;
}

static void
usage (FILE *out)
{
  fprintf (out, "Usage: zhibiao-cli [--workspace W] COMMAND …\n\nCommands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %s\n", commands[i].usage);
}

int
main (int    argc,
      char **argv)
{
  ZbCliGlobal global = { 0 };
  int i = 1;

  setlocale (LC_ALL, "");
  /* names the program in the corrections it stores */
  g_set_prgname ("zhibiao-cli");
  /* reports the workspace reopens are read by their format, as files are */
  zb_import_register ();

  while (i < argc && argv[i][0] == '-')
    {
      if (g_str_equal (argv[i], "--workspace") && i + 1 < argc)
        global.workspace = argv[++i];
      else if (g_str_has_prefix (argv[i], "--workspace="))
        global.workspace = argv[i] + strlen ("--workspace=");
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          usage (stdout);
          return ZB_CLI_OK;
        }
      else
        {
          fprintf (stderr, "zhibiao-cli: unknown option %s\n", argv[i]);
          usage (stderr);
          return ZB_CLI_USAGE;
        }
      i++;
    }

  if (i >= argc)
    {
      usage (stderr);
      return ZB_CLI_USAGE;
    }

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_str_equal (argv[i], commands[c].name))
      return commands[c].run (&global, argc - i, argv + i);

  fprintf (stderr, "zhibiao-cli: unknown command %s\n", argv[i]);
  usage (stderr);
  return ZB_CLI_USAGE;
}
