/* test-inline-cases.c — runs the examples of inline-cases.txt
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The case file is a spec: each rule of the inline phase has a heading
 * ("## rule-name"), a sentence or two of prose, and examples. An example is
 * its input, indented by four spaces, a line "--", then the figures it must
 * give, one a line:
 *
 *     kind name field=value …      a figure of that kind and name (name* for
 *                                   a prefix, * for any) whose fields have these values
 *     !kind name field=value …     no such figure
 *     = N                          exactly N figures that the score counts
 *
 * Fields: value, unit, change (8.4% or 1.2pp), qualifier, period, rank, area,
 * reference, base, target, line, review (true/false), evidence (ids the
 * figure must carry, comma-separated). "-" stands for an empty field.
 */
#include "zb-report.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  char      *rule;
  guint      line;       /* of the example in the case file */
  char      *input;
  GPtrArray *expected;   /* of char* */
} Example;

static void
example_free (gpointer data)
{
  Example *e = data;

  g_free (e->rule);
  g_free (e->input);
  g_ptr_array_unref (e->expected);
  g_free (e);
}

/* One pass over the file: prose and headings, then an example's input
 * (indented; a line of four spaces is a blank line of the input), "--",
 * its expectations up to a blank line. */
static GPtrArray *
load_cases (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *examples = g_ptr_array_new_with_free_func (example_free);
  g_autofree char *rule = NULL;
  enum { PROSE, INPUT, EXPECTED } state = PROSE;
  Example *open = NULL;

  if (!g_file_get_contents (path, &text, NULL, &error))
    g_error ("%s: %s", path, error->message);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *l = lines[i];
      gboolean indented = g_str_has_prefix (l, "    ");

      if (state == PROSE && g_str_has_prefix (l, "## "))
        {
          g_free (rule);
          rule = g_strstrip (g_strdup (l + 3));
        }
      else if (state == PROSE && indented)
        {
          open = g_new0 (Example, 1);
          open->rule = g_strdup (rule ? rule : "unnamed");
          open->line = i + 1;
          open->input = g_strconcat (l + 4, "\n", NULL);
          open->expected = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (examples, open);
          state = INPUT;
        }
      else if (state == INPUT && indented)
        {
          char *joined = g_strconcat (open->input, l + 4, "\n", NULL);
          g_free (open->input);
          open->input = joined;
        }
      else if (state == INPUT)
        {
          if (!g_str_equal (l, "--"))
            g_error ("inline-cases.txt:%u: an example's input ends with a line \"--\"", i + 1);
          state = EXPECTED;
        }
      else if (state == EXPECTED && *l != '\0')
        g_ptr_array_add (open->expected, g_strstrip (g_strdup (l)));
      else if (state == EXPECTED)
        {
          if (open->expected->len == 0)
            g_error ("inline-cases.txt:%u: an example without expectations", open->line);
          state = PROSE;
        }
    }
  if (state == INPUT)
    g_error ("inline-cases.txt: the last example has no \"--\"");
  return examples;
}

static gboolean
number_is (const ZbNumber *n,
           const char     *text)
{
  if (g_str_equal (text, "-"))
    return !n->set;
  return n->set && fabs (n->value - g_ascii_strtod (text, NULL)) < 1e-9;
}

static gboolean
string_is (const char *got,
           const char *want)
{
  if (g_str_equal (want, "-"))
    return got == NULL || *got == '\0';
  return g_strcmp0 (got, want) == 0;
}

static gboolean
field_is (ZbFigure   *f,
          const char *key,
          const char *want)
{
  if (g_str_equal (key, "value"))
    {
      /* 40% or 123.45亿元: the number, then the unit */
      char *end = NULL;
      double v = g_ascii_strtod (want, &end);
      if (g_str_equal (want, "-"))
        return !zb_figure_get_value (f)->set;
      return zb_figure_get_value (f)->set && fabs (zb_figure_get_value (f)->value - v) < 1e-9 &&
             (*end == '\0' || g_strcmp0 (zb_figure_get_unit (f), end) == 0);
    }
  if (g_str_equal (key, "change"))
    {
      char *end = NULL;
      double v = g_ascii_strtod (want, &end);
      ZbChangeUnit unit = g_str_equal (end, "pp") ? ZB_CHANGE_PP : ZB_CHANGE_PERCENT;
      if (g_str_equal (want, "-"))
        return !zb_figure_get_change (f)->set;
      return zb_figure_get_change (f)->set && fabs (zb_figure_get_change (f)->value - v) < 1e-9 &&
             (*end == '\0' || zb_figure_get_change_unit (f) == unit);
    }
  if (g_str_equal (key, "unit"))
    return string_is (zb_figure_get_unit (f), want);
  if (g_str_equal (key, "qualifier"))
    return string_is (zb_figure_get_qualifier (f), want);
  if (g_str_equal (key, "period"))
    return string_is (zb_figure_get_period (f), want);
  if (g_str_equal (key, "area"))
    return string_is (zb_figure_get_area (f), want);
  if (g_str_equal (key, "reference"))
    return string_is (zb_figure_get_reference (f), want);
  if (g_str_equal (key, "rank"))
    return zb_figure_get_rank (f) == atoi (want);
  if (g_str_equal (key, "base"))
    return number_is (zb_figure_get_base_value (f), want);
  if (g_str_equal (key, "target"))
    return number_is (zb_figure_get_target (f), want);
  if (g_str_equal (key, "line"))
    return zb_figure_get_line (f) == (guint) atoi (want);
  if (g_str_equal (key, "review"))
    return zb_figure_needs_review (f) == g_str_equal (want, "true");
  if (g_str_equal (key, "evidence"))
    {
      /* each listed kind of evidence is among the figure's; "-" for none */
      g_auto(GStrv) ids = g_strsplit (want, ",", -1);
      ZbEvidence got = zb_figure_get_evidence (f);
      if (g_str_equal (want, "-"))
        return got == ZB_EVIDENCE_NONE;
      for (guint i = 0; ids[i] != NULL; i++)
        {
          gboolean found = FALSE;
          for (guint e = 1; e < ZB_EVIDENCE_LAST && !found; e <<= 1)
            found = (got & e) && g_strcmp0 (zb_evidence_id (e), ids[i]) == 0;
          if (!found)
            return FALSE;
        }
      return TRUE;
    }
  g_error ("unknown field %s", key);
  return FALSE;
}

static gboolean
kind_is (ZbFigure   *f,
         const char *kind)
{
  static const char * const names[] = { "actual", "target", "gap", "progress" };
  return g_str_equal (names[zb_figure_get_kind (f)], kind);
}

static gboolean
matches (ZbFigure    *f,
         char       **words)
{
  const char *name = words[1];
  gsize n = strlen (name);

  if (!kind_is (f, words[0]))
    return FALSE;
  if (g_str_equal (name, "*"))
    ;   /* any name */
  else if (n > 1 && name[n - 1] == '*')
    {
      if (strncmp (zb_figure_get_name (f), name, n - 1) != 0)
        return FALSE;
    }
  else if (g_strcmp0 (zb_figure_get_name (f), name) != 0)
    return FALSE;
  for (guint k = 2; words[k] != NULL; k++)
    {
      g_auto(GStrv) kv = g_strsplit (words[k], "=", 2);
      if (kv[1] == NULL)
        g_error ("expected key=value, not %s", words[k]);
      if (!field_is (f, kv[0], kv[1]))
        return FALSE;
    }
  return TRUE;
}

static gboolean
scored (ZbFigure *f)
{
  return zb_figure_get_kind (f) != ZB_FIGURE_ACTUAL || zb_figure_get_change (f)->set;
}

static char *
describe (GListModel *figures)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);
      g_autofree char *value = zb_figure_dup_field (f, ZB_FIELD_VALUE);
      g_autofree char *change = zb_figure_dup_field (f, ZB_FIELD_CHANGE);
      static const char * const kinds[] = { "actual", "target", "gap", "progress" };

      g_string_append_printf (s, "\n    %s %s value=%s%s change=%s%s period=%s", kinds[zb_figure_get_kind (f)],
                              zb_figure_get_name (f), value ? value : "-", zb_figure_get_unit (f) ? zb_figure_get_unit (f) : "",
                              change ? change : "-",
                              zb_figure_get_change_unit (f) == ZB_CHANGE_PP ? "pp" : change ? "%" : "",
                              zb_figure_get_period (f) ? zb_figure_get_period (f) : "-");
    }
  return g_string_free (s, FALSE);
}

static void
run_example (gconstpointer data)
{
  const Example *e = data;
  g_autoptr(GBytes) bytes = g_bytes_new (e->input, strlen (e->input));
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbReport) report = zb_report_new_from_bytes (bytes, "case.txt", NULL, &error);
  GListModel *figures;

  g_assert_no_error (error);
  figures = zb_report_get_figures (report);
  for (guint i = 0; i < e->expected->len; i++)
    {
      const char *want = g_ptr_array_index (e->expected, i);
      gboolean negated = want[0] == '!';
      g_auto(GStrv) words = g_strsplit_set (negated ? want + 1 : want, " \t", -1);
      gboolean found = FALSE;
      guint n_scored = 0;

      if (g_str_equal (words[0], "="))
        {
          for (guint k = 0; k < g_list_model_get_n_items (figures); k++)
            {
              g_autoptr(ZbFigure) f = g_list_model_get_item (figures, k);
              n_scored += scored (f);
            }
          if (n_scored != (guint) atoi (words[1]))
            {
              g_autofree char *got = describe (figures);
              g_test_fail_printf ("inline-cases.txt:%u (%s): %u figures, not %s:%s", e->line, e->rule, n_scored,
                                  words[1], got);
              return;
            }
          continue;
        }
      if (words[1] == NULL)
        g_error ("inline-cases.txt:%u: \"%s\" needs a kind and a name", e->line, want);
      for (guint k = 0; k < g_list_model_get_n_items (figures) && !found; k++)
        {
          g_autoptr(ZbFigure) f = g_list_model_get_item (figures, k);
          found = matches (f, words);
        }
      if (found == negated)
        {
          g_autofree char *got = describe (figures);
          g_test_fail_printf ("inline-cases.txt:%u (%s): %s \"%s\"; the parser gave:%s", e->line, e->rule,
                              negated ? "unwanted" : "missing", want, got);
          return;
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) examples = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  path = g_test_build_filename (G_TEST_DIST, "inline-cases.txt", NULL);
  examples = load_cases (path);
  g_assert_cmpuint (examples->len, >, 0);
  for (guint i = 0; i < examples->len; i++)
    {
      Example *e = g_ptr_array_index (examples, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, e->rule)) + 1;
      g_autofree char *test = g_strdup_printf ("/inline-cases/%s/%u", e->rule, n);

      g_hash_table_replace (counts, g_strdup (e->rule), GUINT_TO_POINTER (n));
      g_test_add_data_func (test, e, run_example);
    }
  return g_test_run ();
}
