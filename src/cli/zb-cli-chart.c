/* zb-cli-chart.c — zhibiao-cli chart: growth-vs-target and trend charts to files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-cli.h"
#include "zb-store.h"
#include "zb-chart.h"
#include "zb-ledger.h"
#include "zb-report.h"

#include <stdio.h>
#include <string.h>

#define USAGE "Usage: zhibiao-cli chart --type=gap|trend [--indicator NAME] --output=FILE.png|.svg|.pdf\n" \
              "                         [--width=N] [--height=N] [--threshold=PP] [--aliases=FILE.tsv]\n" \
              "                         [--lang=zh_CN|en] REPORT…\n"

/* "--name=value" or "--name value"; advances *i past what it used. */
static const char *
option_value (const char  *name,
              int          argc,
              char       **argv,
              int         *i)
{
  gsize len = strlen (name);

  if (strncmp (argv[*i], name, len) != 0)
    return NULL;
  if (argv[*i][len] == '=')
    return argv[*i] + len + 1;
  if (argv[*i][len] == '\0' && *i + 1 < argc)
    return argv[++*i];
  return NULL;
}

static gboolean
parse_size (const char *text,
            int        *out)
{
  guint64 v;

  if (!g_ascii_string_to_unsigned (text, 10, 16, 20000, &v, NULL))
    return FALSE;
  *out = (int) v;
  return TRUE;
}

/* The indicator with most growth figures, for a trend chart asked for
 * without --indicator. */
static char *
busiest_indicator (GPtrArray *all)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *best = NULL;
  guint best_n = 0;

  for (guint i = 0; i < all->len; i++)
    {
      const ZbAssessment *a = g_ptr_array_index (all, i);
      guint n;

      if (zb_figure_get_kind (a->figure) != ZB_FIGURE_ACTUAL || !zb_figure_get_change (a->figure)->set)
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, a->indicator)) + 1;
      g_hash_table_insert (counts, a->indicator, GUINT_TO_POINTER (n));
      if (n > best_n)
        {
          best = a->indicator;
          best_n = n;
        }
    }
  return g_strdup (best);
}

/* The chart of @type: for a trend without @indicator, of the busiest one
 * (then in @chosen). */
static ZbChart *
build_chart (ZbLedger    *ledger,
             const char  *type,
             const char  *indicator,
             const char  *language,
             char       **chosen,
             GError     **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *canonical = NULL;

  if (g_str_equal (type, "gap"))
    {
      all = zb_ledger_assess_all (ledger);
      if (indicator != NULL)
        {
          canonical = zb_ledger_dup_canonical (ledger, indicator);
          for (guint i = all->len; i-- > 0;)
            if (!g_str_equal (((ZbAssessment *) g_ptr_array_index (all, i))->indicator, canonical))
              g_ptr_array_remove_index (all, i);
        }
      return zb_chart_new_gap (all, NULL, language);
    }
  if (indicator == NULL)
    {
      all = zb_ledger_assess_all (ledger);
      if ((*chosen = busiest_indicator (all)) == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               "chart: no growth figures found in the reports; nothing to chart");
          return NULL;
        }
      indicator = *chosen;
    }
  rows = zb_ledger_assess_indicator (ledger, indicator);
  canonical = zb_ledger_dup_canonical (ledger, indicator);
  return zb_chart_new_trend (rows, canonical, language);
}

/* One line on stdout: the file, its rows and how many are ahead, … */
static void
print_summary (ZbChart    *chart,
               const char *output,
               const char *what)
{
  guint counts[4] = { 0 };

  for (guint i = 0; i < zb_chart_get_n_layers (chart); i++)
    {
      ZbChartLayer *layer = zb_chart_get_layer (chart, i);

      if (zb_chart_layer_get_kind (layer) != ZB_CHART_LAYER_LABELS)
        continue;
      for (guint j = 0; j < zb_chart_layer_get_n_items (layer); j++)
        counts[zb_chart_layer_get_item (layer, j)->status]++;
    }
  printf ("%s\t%u %s\tahead %u\ton-track %u\tbehind %u\tno-target %u\n",
          output, zb_chart_get_n_categories (chart), what,
          counts[ZB_STATUS_AHEAD], counts[ZB_STATUS_ON_TRACK], counts[ZB_STATUS_BEHIND],
          counts[ZB_STATUS_UNKNOWN]);
}

/* Conflicting targets are shown, not merged: one line each on stderr. */
static void
report_conflicts (ZbLedger *ledger)
{
  g_autoptr(GPtrArray) conflicts = zb_ledger_get_conflicts (ledger);

  for (guint i = 0; i < conflicts->len; i++)
    {
      const ZbTarget *t = g_ptr_array_index (conflicts, i);
      g_autoptr(GPtrArray) all = zb_ledger_get_targets (ledger, t->indicator, t->year, t->area);

      fprintf (stderr, "zhibiao-cli: chart: %s %d: %u conflicting targets:", t->indicator, t->year, all->len);
      for (guint j = 0; j < all->len; j++)
        {
          const ZbTarget *c = g_ptr_array_index (all, j);
          g_autofree char *g = c->growth.set ? zb_number_format (&c->growth) : NULL;
          g_autofree char *val = c->value.set ? zb_number_format (&c->value) : NULL;

          fprintf (stderr, " %s%s%s%s%s", g ? g : "", g ? "%" : "", val ? val : "", val && c->unit ? c->unit : "",
                   c->qualifier ? c->qualifier : "");
        }
      fprintf (stderr, "\n");
    }
}

int
zb_cli_chart (const ZbCliGlobal *global,
              int                argc,
              char             **argv)
{
  const char *type = NULL, *indicator = NULL, *output = NULL, *aliases = NULL, *language = NULL, *v;
  int width = 0, height = 0;
  double threshold = 0.5;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  g_autoptr(ZbLedger) ledger = zb_ledger_new ();
  g_autoptr(ZbChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *chosen = NULL;
  guint n_rows;
  gboolean options = TRUE;

  for (int i = 1; i < argc; i++)
    {
      if (!options)
        g_ptr_array_add (files, argv[i]);
      else if (g_str_equal (argv[i], "--"))
        options = FALSE;
      else if ((v = option_value ("--type", argc, argv, &i)))
        type = v;
      else if ((v = option_value ("--indicator", argc, argv, &i)))
        indicator = v;
      else if ((v = option_value ("--output", argc, argv, &i)))
        output = v;
      else if ((v = option_value ("--aliases", argc, argv, &i)))
        aliases = v;
      else if ((v = option_value ("--lang", argc, argv, &i)))
        {
          /* the workbook's languages: a chart goes into the same meeting */
          if (!g_str_equal (v, "zh_CN") && !g_str_equal (v, "en"))
            return zb_cli_fail ("chart: --lang is zh_CN or en, not “%s”", v);
          language = v;
        }
      else if ((v = option_value ("--width", argc, argv, &i)))
        {
          if (!parse_size (v, &width))
            return zb_cli_fail ("chart: --width takes a whole number from 16 to 20000, not “%s”", v);
        }
      else if ((v = option_value ("--height", argc, argv, &i)))
        {
          if (!parse_size (v, &height))
            return zb_cli_fail ("chart: --height takes a whole number from 16 to 20000, not “%s”", v);
        }
      else if ((v = option_value ("--threshold", argc, argv, &i)))
        {
          char *end = NULL;
          threshold = g_ascii_strtod (v, &end);
          if (end == v || *end != '\0' || threshold < 0 || threshold > 100)
            return zb_cli_fail ("chart: --threshold takes percentage points from 0 to 100, not “%s”", v);
        }
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        {
          fprintf (stderr, "zhibiao-cli: chart: unknown option %s\n" USAGE, argv[i]);
          return ZB_CLI_USAGE;
        }
      else
        g_ptr_array_add (files, argv[i]);
    }

  if (type == NULL || output == NULL || files->len == 0)
    {
      fprintf (stderr, USAGE);
      return ZB_CLI_USAGE;
    }
  if (!g_str_equal (type, "gap") && !g_str_equal (type, "trend"))
    return zb_cli_fail ("chart: --type is gap or trend, not “%s”", type);
  /* before the reports are read: the format comes from the name */
  {
    g_autofree char *lower = g_ascii_strdown (output, -1);

    if (!g_str_has_suffix (lower, ".png") && !g_str_has_suffix (lower, ".svg") && !g_str_has_suffix (lower, ".pdf"))
      return zb_cli_fail ("chart: %s: the output name must end in .png, .svg or .pdf", output);
  }
  zb_ledger_set_threshold (ledger, threshold);
  if (aliases != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (aliases);
      g_autoptr(GBytes) bytes = zb_report_load_file (file, NULL, &error);
      g_autofree char *text = NULL;

      /* a regular file of bounded size, read as a report is */
      if (bytes == NULL)
        return zb_cli_fail ("%s: %s", aliases, error->message);
      text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_strdelimit (text, "\r", '\n');   /* lines as a Windows editor ends them */
      if (strlen (text) != g_bytes_get_size (bytes))
        return zb_cli_fail ("%s: the alias table is not text (it holds NUL bytes)", aliases);
      if (!zb_utf8_check_input (text, "alias table", &error) ||
          !zb_ledger_load_aliases (ledger, text, &error))
        return zb_cli_fail ("%s: %s", aliases, error->message);
    }

  {
    g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(ZbStore) store = NULL;

    if (!zb_cli_load_reports (global, files, reports, &store, &error))
      return zb_cli_fail ("%s", error->message);
    if (!zb_cli_fill_ledger (ledger, store, reports, &error))
      return zb_cli_fail ("%s: %s", global->workspace, error->message);
  }

  if ((chart = build_chart (ledger, type, indicator, language, &chosen, &error)) == NULL)
    return zb_cli_fail ("%s", error->message);
  if (chosen != NULL)
    indicator = chosen;

  n_rows = zb_chart_get_n_categories (chart);
  if (n_rows == 0)
    return zb_cli_fail ("chart: no growth figures%s%s found in the reports; nothing to chart",
                        indicator ? " of " : "", indicator ? indicator : "");

  {
    int natural_width, natural_height;

    zb_chart_get_natural_size (chart, &natural_width, &natural_height);
    if (width == 0)
      width = natural_width;
    if (height == 0)
      height = natural_height;
  }

  if (!zb_chart_save (chart, output, width, height, &error))
    return zb_cli_fail ("%s", error->message);

  print_summary (chart, output, g_str_equal (type, "gap") ? "rows" : "periods");
  report_conflicts (ledger);
  return ZB_CLI_OK;
}
