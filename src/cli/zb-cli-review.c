/* zb-cli-review.c — zhibiao-cli review: the figures the parser is unsure of, and the clerk's marks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-cli.h"
#include "zb-store.h"

#include <stdio.h>
#include <string.h>

#define USAGE "Usage: zhibiao-cli [--workspace W] review [REPORT_ID] [--next] [--all] [--mark ID] [--unmark ID]\n"

typedef struct {
  gint64   report;     /* 0: every report */
  gboolean next;
  gboolean all;       /* reviewed ones too */
  gint64   mark;
  gint64   unmark;
} Options;

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  guint64 v;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &v, NULL))
    return FALSE;
  *id = (gint64) v;
  return TRUE;
}

/* 0 when the options are read, else the exit status. */
static int
parse_options (int       argc,
               char    **argv,
               Options  *opt)
{
  for (int i = 1; i < argc; i++)
    {
      gint64 *slot = NULL;

      if (g_str_equal (argv[i], "--next"))
        opt->next = TRUE;
      else if (g_str_equal (argv[i], "--all"))
        opt->all = TRUE;
      else if (g_str_equal (argv[i], "--mark"))
        slot = &opt->mark;
      else if (g_str_equal (argv[i], "--unmark"))
        slot = &opt->unmark;
      else if (opt->report == 0 && argv[i][0] != '-')
        {
          if (!parse_id (argv[i], &opt->report))
            return zb_cli_fail ("“%s” is not a report id: use a number from `reports`", argv[i]);
        }
      else
        {
          fputs (USAGE, stderr);
          return ZB_CLI_USAGE;
        }
      if (slot != NULL)
        {
          const char *option = argv[i];

          if (i + 1 >= argc || !parse_id (argv[++i], slot))
            return zb_cli_fail ("%s takes a figure id from `figures` or `review`", option);
        }
    }
  if ((opt->mark != 0 || opt->unmark != 0) && (opt->next || opt->all || opt->report != 0))
    {
      fputs (USAGE, stderr);
      return ZB_CLI_USAGE;
    }
  return ZB_CLI_OK;
}

static char *
evidence_ids (ZbFigure *figure)
{
  GString *ids = g_string_new (NULL);

  for (guint e = 1; e < ZB_EVIDENCE_LAST; e <<= 1)
    if (zb_figure_get_evidence (figure) & e)
      g_string_append_printf (ids, "%s%s", ids->len ? "," : "", zb_evidence_id (e));
  if (ids->len == 0)
    g_string_append_c (ids, '-');
  return g_string_free (ids, FALSE);
}

static void
print_row (gint64    report,
           ZbFigure *f)
{
  char confidence[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *name = zb_cli_cell (zb_figure_get_name (f));
  g_autofree char *period = zb_cli_cell (zb_figure_get_period (f));
  g_autofree char *quote = zb_cli_cell (zb_figure_get_quote (f));
  g_autofree char *evidence = evidence_ids (f);

  printf ("%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%s\n",
          zb_figure_get_id (f), report, g_ascii_formatd (confidence, sizeof confidence, "%.2f",
                                                          zb_figure_get_confidence (f)),
          zb_figure_get_reviewed (f) ? "yes" : "no", name, period, evidence, quote);
}

/* The flagged figures of the reports asked for, in report and document
 * order: those awaiting review, or (--all) every flagged one. */
static int
list_flagged (ZbStore       *store,
              const Options *opt)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = zb_store_list_reports (store, &error);
  guint n_flagged = 0, n_left = 0;
  gboolean found = FALSE;

  if (reports == NULL)
    return zb_cli_fail ("%s", error->message);
  if (!opt->next)
    printf ("id\treport\tconfidence\treviewed\tname\tperiod\tevidence\tquote\n");
  for (guint r = 0; r < reports->len; r++)
    {
      ZbStoreReport *info = g_ptr_array_index (reports, r);
      g_autoptr(ZbReport) report = NULL;
      GListModel *figures;

      if (opt->report != 0 && info->id != opt->report)
        continue;
      found = TRUE;
      if ((report = zb_store_load_report (store, info->id, &error)) == NULL)
        return zb_cli_fail ("%s", error->message);
      figures = zb_report_get_figures (report);
      for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
        {
          g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);

          if (zb_figure_get_deleted (f) || !zb_figure_needs_review (f))
            continue;
          n_flagged++;
          n_left += zb_figure_awaits_review (f);
          if (opt->next && zb_figure_awaits_review (f))
            {
              print_row (info->id, f);
              return ZB_CLI_OK;
            }
          if (!opt->next && (opt->all || zb_figure_awaits_review (f)))
            print_row (info->id, f);
        }
    }
  if (opt->report != 0 && !found)
    return zb_cli_fail ("There is no report %" G_GINT64_FORMAT " in the workspace", opt->report);
  /* for the clerk at a terminal; scripts read stdout */
  if (!opt->next)
    fprintf (stderr, "%u flagged, %u reviewed, %u to review\n", n_flagged, n_flagged - n_left, n_left);
  return ZB_CLI_OK;
}

static int
set_mark (ZbStore  *store,
          gint64    id,
          gboolean  reviewed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbFigure) figure = zb_store_load_figure (store, id, &error);
  GPtrArray *corrections;
  const ZbCorrection *last;

  if (figure == NULL)
    return zb_cli_fail ("%s", error->message);
  if (!zb_figure_correct (figure, ZB_FIELD_REVIEWED, reviewed ? "true" : "false", NULL, &error))
    return zb_cli_fail ("%s", error->message);
  corrections = zb_figure_get_corrections (figure);
  last = g_ptr_array_index (corrections, corrections->len - 1);
  if (!zb_store_record_correction (store, figure, last, &error))
    return zb_cli_fail ("%s", error->message);
  printf ("%" G_GINT64_FORMAT "\treviewed\t%s\n", id, reviewed ? "yes" : "no");
  return ZB_CLI_OK;
}

int
zb_cli_review (const ZbCliGlobal *global,
               int                argc,
               char             **argv)
{
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  Options opt = { 0 };
  int status;

  if ((status = parse_options (argc, argv, &opt)) != ZB_CLI_OK)
    return status;
  store = zb_cli_open_workspace (global, FALSE, &error);
  if (store == NULL)
    return zb_cli_fail ("%s", error->message);

  if (opt.mark != 0)
    status = set_mark (store, opt.mark, TRUE);
  if (status == ZB_CLI_OK && opt.unmark != 0)
    status = set_mark (store, opt.unmark, FALSE);
  if (opt.mark == 0 && opt.unmark == 0)
    status = list_flagged (store, &opt);
  if (status == ZB_CLI_OK && fflush (stdout) != 0)
    return zb_cli_fail ("cannot write the output");
  return status;
}
