/* zb-cli-compare.c — zhibiao-cli compare: the workspace's reports side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-cli.h"
#include "zb-comparison-fill.h"
#include "zb-workbook.h"

#include <stdio.h>
#include <string.h>

#define COMPARE_USAGE \
  "usage: zhibiao-cli [--workspace W] compare --region R | --period P | --reports ID,… " \
  "[--format=tsv|json] [--output=FILE.xlsx] [--lang=zh_CN|en] [--indicator NAME]…"

typedef struct {
  const char *region;
  const char *period;
  const char *reports;
  const char *format;
  const char *output;
  const char *language;
  GPtrArray  *indicators;   /* of const char *, NULL-terminated when used */
} Args;

/* One line on stderr, as every bad input is told. */
static int
usage_error (const char *reason,
             const char *what)
{
  fprintf (stderr, "zhibiao-cli: compare: %s%s (%s)\n", reason, what ? what : "", COMPARE_USAGE);
  return ZB_CLI_USAGE;
}

/* "--name VALUE" or "--name=VALUE": the value, advancing @i; NULL when
 * argv[*i] is not the option. */
static const char *
option_value (const char  *name,
              int          argc,
              char       **argv,
              int         *i,
              gboolean    *missing)
{
  gsize n = strlen (name);

  if (strncmp (argv[*i], name, n) != 0)
    return NULL;
  if (argv[*i][n] == '=')
    return argv[*i] + n + 1;
  if (argv[*i][n] != '\0')
    return NULL;
  if (*i + 1 >= argc)
    {
      *missing = TRUE;
      return NULL;
    }
  return argv[++*i];
}

static int
parse_args (int    argc,
            char **argv,
            Args  *args)
{
  for (int i = 1; i < argc; i++)
    {
      gboolean missing = FALSE;
      const char *v;

      if ((v = option_value ("--region", argc, argv, &i, &missing)))
        args->region = v;
      else if ((v = option_value ("--period", argc, argv, &i, &missing)))
        args->period = v;
      else if ((v = option_value ("--reports", argc, argv, &i, &missing)))
        args->reports = v;
      else if ((v = option_value ("--format", argc, argv, &i, &missing)))
        args->format = v;
      else if ((v = option_value ("--output", argc, argv, &i, &missing)) ||
               (v = option_value ("-o", argc, argv, &i, &missing)))
        args->output = v;
      else if ((v = option_value ("--lang", argc, argv, &i, &missing)))
        args->language = v;
      else if ((v = option_value ("--indicator", argc, argv, &i, &missing)))
        g_ptr_array_add (args->indicators, (gpointer) v);
      else if (missing)
        return usage_error ("a value is missing after ", argv[i]);
      else if (g_str_equal (argv[i], "--"))
        {
          if (i + 1 < argc)
            return usage_error ("compare takes no file: choose reports of the workspace, not ", argv[i + 1]);
          break;
        }
      else if (argv[i][0] == '-')
        return usage_error ("unknown option ", argv[i]);
      else
        return usage_error ("compare takes no file: choose reports of the workspace, not ", argv[i]);
    }
  if ((args->region != NULL) + (args->period != NULL) + (args->reports != NULL) != 1)
    return usage_error ("choose the reports with one of --region, --period or --reports", NULL);
  return ZB_CLI_OK;
}

/* Typed text must be clean UTF-8 (it is matched against the workspace),
 * and not only spaces. */
static gboolean
check_text (const char  *what,
            const char  *text,
            GError     **error)
{
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return TRUE;
  if (!zb_utf8_check_input (text, what, error))
    return FALSE;
  if (*(stripped = g_strstrip (g_strdup (text))) == '\0')
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_INVALID, "%s is empty", what);
      return FALSE;
    }
  return TRUE;
}

/* "3,1,2": ids in that order, each once. */
static GArray *
parse_ids (const char  *text,
           GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 v;
      gint64 id;

      if (!g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 1, G_MAXINT64, &v, NULL))
        {
          g_set_error (error, ZB_ERROR, ZB_ERROR_INVALID,
                       "--reports takes report ids from `reports` separated by commas, not “%s”", text);
          return NULL;
        }
      id = (gint64) v;
      for (guint k = 0; k < ids->len; k++)
        if (g_array_index (ids, gint64, k) == id)
          {
            g_set_error (error, ZB_ERROR, ZB_ERROR_INVALID, "--reports names report %" G_GINT64_FORMAT " twice", id);
            return NULL;
          }
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

/* What the workspace has, to say so when the choice finds nothing. */
static char *
list_keys (GPtrArray   *reports,
           ZbCompareBy  by)
{
  g_autoptr(GPtrArray) keys = zb_comparison_list_keys (reports, by);

  if (keys->len == 0)
    return g_strdup (by == ZB_COMPARE_BY_REGION ? "no report names its region"
                                               : "no report has a period");
  g_ptr_array_add (keys, NULL);
  return g_strjoinv ("、", (char **) keys->pdata);
}

static GArray *
choose_reports (ZbStore     *store,
                const Args  *args,
                GError     **error)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GArray) ids = NULL;
  ZbCompareBy by = args->region ? ZB_COMPARE_BY_REGION : ZB_COMPARE_BY_PERIOD;
  const char *key = args->region ? args->region : args->period;

  if (args->reports != NULL)
    return parse_ids (args->reports, error);
  if (!check_text (args->region ? "--region" : "--period", key, error) ||
      (reports = zb_store_list_reports (store, error)) == NULL)
    return NULL;
  ids = zb_comparison_select (reports, by, key);
  if (ids->len == 0)
    {
      g_autofree char *known = list_keys (reports, by);

      g_set_error (error, ZB_ERROR, ZB_ERROR_NOT_FOUND,
                   by == ZB_COMPARE_BY_REGION ? "No report of the workspace is of the region “%s” (its regions: %s)"
                                              : "No report of the workspace is of the period “%s” (its periods: %s)",
                   key, known);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static int
write_workbook (ZbComparison *comparison,
                const Args   *args)
{
  g_autoptr(GPtrArray) reports = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  ZbWorkbookOptions options = { 0 };

  for (guint i = 0; i < zb_comparison_get_n_columns (comparison); i++)
    g_ptr_array_add (reports, zb_comparison_get_column (comparison, i)->report);
  options.language = args->language;
  options.comparison = comparison;
  if (args->indicators->len > 0)
    {
      g_ptr_array_add (args->indicators, NULL);
      options.chart_indicators = (const char * const *) args->indicators->pdata;
    }
  if (!zb_workbook_export (reports, &options, args->output, &error))
    return zb_cli_fail ("%s", error->message);
  return ZB_CLI_OK;
}

int
zb_cli_compare (const ZbCliGlobal *global,
                int                argc,
                char             **argv)
{
  g_autoptr(GPtrArray) indicators = g_ptr_array_new ();
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(ZbComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  Args args = { .indicators = indicators };
  int status;

  if ((status = parse_args (argc, argv, &args)) != ZB_CLI_OK)
    return status;
  if (args.format != NULL && !g_str_equal (args.format, "tsv") && !g_str_equal (args.format, "json"))
    return zb_cli_fail ("compare: --format is tsv or json, not “%s”", args.format);
  if (args.language != NULL && !g_str_equal (args.language, "zh_CN") && !g_str_equal (args.language, "en"))
    return zb_cli_fail ("compare: --lang is zh_CN or en, not “%s”", args.language);
  if (args.output != NULL && (*args.output == '\0' || !g_str_has_suffix (args.output, ".xlsx")))
    return zb_cli_fail ("compare: --output names a workbook, FILE.xlsx, not “%s”", args.output);
  for (guint i = 0; i < indicators->len; i++)
    if (!check_text ("--indicator", g_ptr_array_index (indicators, i), &error))
      return zb_cli_fail ("compare: %s", error->message);

  /* read only: a workspace that is not there is an error, not made */
  if ((store = zb_cli_open_workspace (global, FALSE, &error)) == NULL ||
      (ids = choose_reports (store, &args, &error)) == NULL ||
      (comparison = zb_comparison_new_from_store (store, (const gint64 *) ids->data, ids->len,
                                                  NULL, &error)) == NULL)
    return zb_cli_fail ("compare: %s", error->message);

  for (guint i = 0; i < indicators->len; i++)
    if (zb_comparison_find_row (comparison, g_ptr_array_index (indicators, i), NULL) == NULL)
      return zb_cli_fail ("compare: no report compared has the indicator “%s” to chart",
                          (const char *) g_ptr_array_index (indicators, i));
  if (args.output != NULL && (status = write_workbook (comparison, &args)) != ZB_CLI_OK)
    return status;
  if (args.output != NULL && args.format == NULL)
    return ZB_CLI_OK;
  out = g_strcmp0 (args.format, "json") == 0 ? zb_comparison_to_json (comparison, ZB_JSON_DEFAULT)
                                             : zb_comparison_to_tsv (comparison);
  fputs (out, stdout);
  if (fflush (stdout) != 0)
    return zb_cli_fail ("cannot write the output");
  return ZB_CLI_OK;
}
