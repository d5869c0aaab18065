/* zb-cli-workspace.c — zhibiao-cli import, reports, figures, correct, history, targets, aliases, bench-store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-cli.h"
#include "zb-import.h"
#include "zb-store.h"

#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

ZbStore *
zb_cli_open_workspace (const ZbCliGlobal  *global,
                       gboolean            create,
                       GError            **error)
{
  g_autofree char *path = global->workspace ? g_strdup (global->workspace) : zb_store_dup_default_path ();

  if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (global->workspace != NULL)
        g_set_error (error, ZB_ERROR, ZB_ERROR_NOT_FOUND,
                     "There is no workspace %s (check the --workspace path; `import` makes a new one)", path);
      else
        g_set_error (error, ZB_ERROR, ZB_ERROR_NOT_FOUND,
                     "There is no workspace yet at %s: `import` a report first", path);
      return NULL;
    }
  return zb_store_open (path, error);
}

#define open_workspace(global, error) zb_cli_open_workspace ((global), FALSE, (error))
#define create_workspace(global, error) zb_cli_open_workspace ((global), TRUE, (error))

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  guint64 v;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &v, NULL))
    return FALSE;
  *id = (gint64) v;
  return TRUE;
}

static char *
format_time (gint64 usec)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);

  return dt ? g_date_time_format (dt, "%Y-%m-%d %H:%M:%S") : g_strdup ("?");
}

/* Tabs and newlines in stored text would break the columns; other control
 * characters and invalid bytes the terminal. */
char *
zb_cli_cell (const char *text)
{
  char *out;

  if (text == NULL)
    return g_strdup ("-");
  /* a workspace is a file anyone may have edited: UTF-8, no controls */
  out = zb_utf8_dup_clean (text, -1);
  for (char *p = out; *p; p++)
    if (*p == '\t' || *p == '\n' || *p == '\r')
      *p = ' ';
  return out;
}

static int
finish_output (void)
{
  if (fflush (stdout) != 0)
    return zb_cli_fail ("cannot write the output");
  return ZB_CLI_OK;
}

int
zb_cli_import (const ZbCliGlobal *global,
               int                argc,
               char             **argv)
{
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(ZbReport) report = NULL;
  g_autoptr(GPtrArray) uncarried = NULL;
  gint64 id = 0;

  const char *path;

  /* import -- -dash.txt */
  if (argc == 3 && g_str_equal (argv[1], "--"))
    path = argv[2];
  else if (argc == 2 && !(argv[1][0] == '-' && argv[1][1] != '\0'))
    path = argv[1];
  else
    {
      fprintf (stderr, "Usage: zhibiao-cli [--workspace W] import [--] FILE\n");
      return ZB_CLI_USAGE;
    }
  file = g_file_new_for_commandline_arg (path);
  report = zb_import_report_from_file (file, NULL, &error);
  if (report == NULL)
    return zb_cli_fail ("%s: %s", path, error->message);
  store = create_workspace (global, &error);
  if (store == NULL)
    return zb_cli_fail ("%s", error->message);
  if (!zb_store_import_report (store, report, &id, &uncarried, &error))
    return zb_cli_fail ("%s", error->message);

  printf ("%" G_GINT64_FORMAT "\n", id);
  /* the import succeeded; what could not follow the new text is listed */
  for (guint i = 0; i < uncarried->len; i++)
    {
      ZbFigure *f = g_ptr_array_index (uncarried, i);
      g_autofree char *name = zb_cli_cell (zb_figure_get_name (f));
      g_autofree char *quote = zb_cli_cell (zb_figure_get_quote (f));

      fprintf (stderr, "zhibiao-cli: not carried over: figure %" G_GINT64_FORMAT " %s (%u corrections) «%s»\n",
               zb_figure_get_id (f), name, zb_figure_get_corrections (f)->len, quote);
    }
  return finish_output ();
}

int
zb_cli_reports (const ZbCliGlobal *global,
                int                argc,
                char             **argv)
{
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = NULL;

  if (argc != 1)
    {
      fprintf (stderr, "Usage: zhibiao-cli [--workspace W] reports\n");
      return ZB_CLI_USAGE;
    }
  store = open_workspace (global, &error);
  if (store == NULL || (reports = zb_store_list_reports (store, &error)) == NULL)
    return zb_cli_fail ("%s", error->message);

  printf ("id\tregion\tperiod\tfigures\tcorrections\timported\ttitle\tpath\n");
  for (guint i = 0; i < reports->len; i++)
    {
      ZbStoreReport *r = g_ptr_array_index (reports, i);
      g_autofree char *region = zb_cli_cell (r->region);
      g_autofree char *period = zb_cli_cell (r->period);
      g_autofree char *title = zb_cli_cell (r->title);
      g_autofree char *path = zb_cli_cell (r->path);
      g_autofree char *when = format_time (r->imported_at);

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%u\t%u\t%s\t%s\t%s\n",
              r->id, region, period, r->n_figures, r->n_corrections, when, title, path);
    }
  return finish_output ();
}

int
zb_cli_figures (const ZbCliGlobal *global,
                int                argc,
                char             **argv)
{
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbReport) report = NULL;
  gint64 id;

  if (argc != 2)
    {
      fprintf (stderr, "Usage: zhibiao-cli [--workspace W] figures REPORT_ID\n");
      return ZB_CLI_USAGE;
    }
  if (!parse_id (argv[1], &id))
    return zb_cli_fail ("“%s” is not a report id: use a number from `reports`", argv[1]);
  store = open_workspace (global, &error);
  if (store == NULL || (report = zb_store_load_report (store, id, &error)) == NULL)
    return zb_cli_fail ("%s", error->message);
  if (!zb_report_write_json (report, ZB_JSON_IDS, zb_cli_write_stdout, NULL))
    return zb_cli_fail ("cannot write the output");
  return finish_output ();
}

int
zb_cli_correct (const ZbCliGlobal *global,
                int                argc,
                char             **argv)
{
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbFigure) figure = NULL;
  const char *args[3] = { NULL };
  const char *note = NULL;
  GPtrArray *corrections;
  const ZbCorrection *last;
  guint n_args = 0;
  ZbField field;
  gint64 id;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--note") && i + 1 < argc)
        note = argv[++i];
      else if (g_str_has_prefix (argv[i], "--note="))
        note = argv[i] + strlen ("--note=");
      else if (n_args < G_N_ELEMENTS (args))
        args[n_args++] = argv[i];
      else
        n_args++;
    }
  if (n_args != 3)
    {
      fprintf (stderr, "Usage: zhibiao-cli [--workspace W] correct FIGURE_ID FIELD VALUE [--note TEXT]\n");
      return ZB_CLI_USAGE;
    }
  if (!parse_id (args[0], &id))
    return zb_cli_fail ("“%s” is not a figure id: use an id from `figures`", args[0]);
  if (!zb_field_from_string (args[1], &field))
    return zb_cli_fail ("“%s” is not a field: use name, value, unit, change, change_unit, period, kind, target, …",
                        args[1]);

  store = open_workspace (global, &error);
  if (store == NULL || (figure = zb_store_load_figure (store, id, &error)) == NULL)
    return zb_cli_fail ("%s", error->message);
  if (!zb_figure_correct (figure, field, args[2], note, &error))
    return zb_cli_fail ("%s", error->message);
  corrections = zb_figure_get_corrections (figure);
  last = g_ptr_array_index (corrections, corrections->len - 1);
  if (!zb_store_record_correction (store, figure, last, &error))
    return zb_cli_fail ("%s", error->message);

  {
    g_autofree char *old = zb_cli_cell (last->old_value);
    g_autofree char *new = zb_cli_cell (last->new_value);
    printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", id, zb_field_to_string (field), old, new);
  }
  return finish_output ();
}

int
zb_cli_history (const ZbCliGlobal *global,
                int                argc,
                char             **argv)
{
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 id;

  if (argc != 2)
    {
      fprintf (stderr, "Usage: zhibiao-cli [--workspace W] history FIGURE_ID\n");
      return ZB_CLI_USAGE;
    }
  if (!parse_id (argv[1], &id))
    return zb_cli_fail ("“%s” is not a figure id: use an id from `figures`", argv[1]);
  store = open_workspace (global, &error);
  if (store == NULL || (history = zb_store_history (store, id, &error)) == NULL)
    return zb_cli_fail ("%s", error->message);

  printf ("time\tfield\told\tnew\tnote\tby\n");
  for (guint i = 0; i < history->len; i++)
    {
      ZbCorrection *c = g_ptr_array_index (history, i);
      g_autofree char *when = format_time (c->time);
      g_autofree char *old = zb_cli_cell (c->old_value);
      g_autofree char *new = zb_cli_cell (c->new_value);
      g_autofree char *note = zb_cli_cell (c->note);
      g_autofree char *by = zb_cli_cell (c->author);

      printf ("%s\t%s\t%s\t%s\t%s\t%s\n", when, zb_field_to_string (c->field), old, new, note, by);
    }
  return finish_output ();
}

/* --period P and --area A after the positional arguments of targets set
 * and targets remove; FALSE on anything else. */
static gboolean
target_options (ZbTarget  *t,
                int        argc,
                char     **argv,
                int        first)
{
  for (int i = first; i < argc; i++)
    {
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;

      if (value == NULL || (!g_str_equal (argv[i], "--period") && !g_str_equal (argv[i], "--area")))
        return FALSE;
      if (g_str_equal (argv[i], "--period"))
        {
          g_free (t->period);
          t->period = *value ? zb_target_period_kind (value) : NULL;
        }
      else
        {
          g_free (t->area);
          t->area = *value ? g_strdup (value) : NULL;
        }
      i++;
    }
  return TRUE;
}

static int
targets_usage (void)
{
  fprintf (stderr, "Usage: zhibiao-cli [--workspace W] targets [set INDICATOR YEAR VALUE UNIT [--period P] [--area A]\n"
                   "                                        | remove INDICATOR YEAR [--period P] [--area A]]\n");
  return ZB_CLI_USAGE;
}

static int
targets_set (const ZbCliGlobal *global,
             int                argc,
             char             **argv)
{
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbTarget) t = NULL;
  guint64 year;
  ZbNumber number;
  const char *unit = argv[5];

  if (!g_ascii_string_to_unsigned (argv[3], 10, 1949, 2200, &year, NULL))
    return zb_cli_fail ("“%s” is not a year", argv[3]);
  if (!zb_number_parse (argv[4], &number, &error))
    return zb_cli_fail ("%s", error->message);
  t = zb_target_new (argv[2], (int) year);
  if (!target_options (t, argc, argv, 6))
    return targets_usage ();
  /* 增长 8% is a growth target; anything else is an amount */
  if (g_str_equal (unit, "%") || g_str_equal (unit, "％"))
    t->growth = number;
  else
    {
      t->value = number;
      t->unit = g_strdup (unit);
    }
  store = zb_cli_open_workspace (global, TRUE, &error);
  if (store == NULL || !zb_store_set_target (store, t, &error))
    return zb_cli_fail ("%s", error->message);
  return ZB_CLI_OK;
}

static int
targets_remove (const ZbCliGlobal *global,
                int                argc,
                char             **argv)
{
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbTarget) t = NULL;
  guint64 year;

  if (!g_ascii_string_to_unsigned (argv[3], 10, 1949, 2200, &year, NULL))
    return zb_cli_fail ("“%s” is not a year", argv[3]);
  t = zb_target_new (argv[2], (int) year);
  if (!target_options (t, argc, argv, 4))
    return targets_usage ();
  store = open_workspace (global, &error);
  if (store == NULL || !zb_store_remove_target (store, t, &error))
    return zb_cli_fail ("%s", error->message);
  return ZB_CLI_OK;
}

int
zb_cli_targets (const ZbCliGlobal *global,
                int                argc,
                char             **argv)
{
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = NULL;

  if (argc >= 6 && g_str_equal (argv[1], "set"))
    return targets_set (global, argc, argv);
  if (argc >= 4 && g_str_equal (argv[1], "remove"))
    return targets_remove (global, argc, argv);
  if (argc != 1)
    return targets_usage ();

  store = open_workspace (global, &error);
  if (store == NULL || (targets = zb_store_list_targets (store, &error)) == NULL)
    return zb_cli_fail ("%s", error->message);
  printf ("indicator\tyear\tgrowth\tvalue\tunit\tqualifier\tsource\tarea\tperiod\n");
  for (guint i = 0; i < targets->len; i++)
    {
      ZbTarget *t = g_ptr_array_index (targets, i);
      g_autofree char *growth = zb_number_format (&t->growth);
      g_autofree char *value = zb_number_format (&t->value);
      g_autofree char *ind = zb_cli_cell (t->indicator);
      g_autofree char *g = zb_cli_cell (growth);
      g_autofree char *v = zb_cli_cell (value);
      g_autofree char *unit = zb_cli_cell (t->growth.set ? "%" : t->unit);
      g_autofree char *q = zb_cli_cell (t->qualifier);
      g_autofree char *src = zb_cli_cell (t->source);
      g_autofree char *area = zb_cli_cell (t->area);
      g_autofree char *period = zb_cli_cell (t->period);

      printf ("%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", ind, t->year, g, v, unit, q, src, area, period);
    }
  return finish_output ();
}

int
zb_cli_aliases (const ZbCliGlobal *global,
                int                argc,
                char             **argv)
{
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) aliases = NULL;

  if (argc == 4 && g_str_equal (argv[1], "set"))
    {
      store = create_workspace (global, &error);
      if (store == NULL || !zb_store_set_alias (store, argv[2], argv[3], &error))
        return zb_cli_fail ("%s", error->message);
      return ZB_CLI_OK;
    }
  if (argc == 3 && g_str_equal (argv[1], "remove"))
    {
      store = open_workspace (global, &error);
      if (store == NULL || !zb_store_remove_alias (store, argv[2], &error))
        return zb_cli_fail ("%s", error->message);
      return ZB_CLI_OK;
    }
  if (argc != 1)
    {
      fprintf (stderr, "Usage: zhibiao-cli [--workspace W] aliases [set ALIAS INDICATOR | remove ALIAS]\n");
      return ZB_CLI_USAGE;
    }

  store = open_workspace (global, &error);
  if (store == NULL || (aliases = zb_store_list_aliases (store, &error)) == NULL)
    return zb_cli_fail ("%s", error->message);
  printf ("alias\tindicator\tset\n");
  for (guint i = 0; i < aliases->len; i++)
    {
      const ZbStoreAlias *a = g_ptr_array_index (aliases, i);
      g_autofree char *alias = zb_cli_cell (a->alias);
      g_autofree char *indicator = zb_cli_cell (a->indicator);
      g_autofree char *when = a->created_at ? format_time (a->created_at) : g_strdup ("-");

      printf ("%s\t%s\t%s\n", alias, indicator, when);
    }
  return finish_output ();
}

/* ------------------------------------------------------------- benchmark */

static void
collect_reports (const char *dir,
                 GPtrArray  *paths)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_reports (path, paths);
      else if (g_str_has_suffix (name, ".txt") || g_str_has_suffix (name, ".md"))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char **) a, *(char **) b);
}

int
zb_cli_bench_store (const ZbCliGlobal *global,
                    int                argc,
                    char             **argv)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *db = NULL;
  const char *corpus = NULL;
  guint64 n_corrections = 10000;
  gint64 t0, t_import, t_reopen, t_corr, last_report = 0;
  GStatBuf st;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--corrections="))
        {
          if (!g_ascii_string_to_unsigned (argv[i] + strlen ("--corrections="), 10, 1, 10000000,
                                           &n_corrections, NULL))
            return zb_cli_fail ("--corrections takes a positive number");
        }
      else if (corpus == NULL)
        corpus = argv[i];
      else
        {
          fprintf (stderr, "Usage: zhibiao-cli bench-store [--corrections=N] CORPUS_DIR\n");
          return ZB_CLI_USAGE;
        }
    }
  if (corpus == NULL)
    {
      fprintf (stderr, "Usage: zhibiao-cli bench-store [--corrections=N] CORPUS_DIR\n");
      return ZB_CLI_USAGE;
    }
  collect_reports (corpus, paths);
  if (paths->len == 0)
    return zb_cli_fail ("%s holds no .txt or .md reports", corpus);
  g_ptr_array_sort (paths, compare_paths);

  /* a fresh workspace next to the --workspace given, else in a temporary folder */
  if (global->workspace != NULL)
    db = g_strdup (global->workspace);
  else
    {
      tmpdir = g_dir_make_tmp ("zhibiao-bench-XXXXXX", &error);
      if (tmpdir == NULL)
        return zb_cli_fail ("%s", error->message);
      db = g_build_filename (tmpdir, "bench.zhibiao", NULL);
    }
  if (g_file_test (db, G_FILE_TEST_EXISTS))
    return zb_cli_fail ("%s exists: the benchmark needs a fresh workspace", db);

  t0 = g_get_monotonic_time ();
  store = zb_store_open (db, &error);
  if (store == NULL)
    return zb_cli_fail ("%s", error->message);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(ZbReport) report = zb_import_report_from_file (file, NULL, &error);
      GListModel *model;

      if (report == NULL)
        {
          fprintf (stderr, "zhibiao-cli: skipped %s: %s\n", path, error->message);
          g_clear_error (&error);
          continue;
        }
      if (!zb_store_import_report (store, report, &last_report, NULL, &error))
        return zb_cli_fail ("%s: %s", path, error->message);
      model = zb_report_get_figures (report);
      for (guint f = 0; f < g_list_model_get_n_items (model); f++)
        g_ptr_array_add (figures, g_list_model_get_item (model, f));
    }
  t_import = g_get_monotonic_time () - t0;
  g_clear_object (&store);

  t0 = g_get_monotonic_time ();
  store = zb_store_open (db, &error);
  if (store == NULL)
    return zb_cli_fail ("%s", error->message);
  {
    g_autoptr(GPtrArray) reports = zb_store_list_reports (store, &error);
    if (reports == NULL)
      return zb_cli_fail ("%s", error->message);
    for (guint i = 0; i < reports->len; i++)
      {
        ZbStoreReport *r = g_ptr_array_index (reports, i);
        g_autoptr(ZbReport) report = zb_store_load_report (store, r->id, &error);
        if (report == NULL)
          return zb_cli_fail ("%s", error->message);
      }
  }
  t_reopen = g_get_monotonic_time () - t0;

  if (g_stat (db, &st) != 0)
    return zb_cli_fail ("cannot stat %s", db);
  printf ("reports\t%u\n", paths->len);
  printf ("figures\t%u\n", figures->len);
  printf ("import_ms\t%.1f\n", t_import / 1000.0);
  printf ("reopen_and_load_ms\t%.1f\n", t_reopen / 1000.0);
  printf ("file_bytes\t%" G_GINT64_FORMAT "\n", (gint64) st.st_size);

  /* the extractor may find nothing yet; corrections still need a figure */
  if (figures->len == 0)
    {
      ZbFigure *f = zb_figure_new (ZB_FIGURE_ACTUAL, "基准指标");
      if (!zb_store_add_figure (store, last_report, f, &error))
        return zb_cli_fail ("%s", error->message);
      g_ptr_array_add (figures, f);
    }

  t0 = g_get_monotonic_time ();
  for (guint64 i = 0; i < n_corrections; i++)
    {
      ZbFigure *f = g_ptr_array_index (figures, i % figures->len);
      g_autofree char *value = g_strdup_printf ("%" G_GUINT64_FORMAT ".%u", i, (guint) (i % 10));
      GPtrArray *corrections;

      if (!zb_figure_correct (f, ZB_FIELD_VALUE, value, NULL, &error))
        return zb_cli_fail ("%s", error->message);
      corrections = zb_figure_get_corrections (f);
      if (!zb_store_record_correction (store, f, g_ptr_array_index (corrections, corrections->len - 1), &error))
        return zb_cli_fail ("%s", error->message);
    }
  t_corr = g_get_monotonic_time () - t0;
  g_clear_object (&store);
  if (g_stat (db, &st) != 0)
    return zb_cli_fail ("cannot stat %s", db);

  printf ("corrections\t%" G_GUINT64_FORMAT "\n", n_corrections);
  printf ("corrections_ms\t%.1f\n", t_corr / 1000.0);
  printf ("corrections_per_second\t%.0f\n", n_corrections / (t_corr / (double) G_USEC_PER_SEC));
  printf ("file_bytes_after_corrections\t%" G_GINT64_FORMAT "\n", (gint64) st.st_size);
  printf ("workspace\t%s\n", db);
  return finish_output ();
}
