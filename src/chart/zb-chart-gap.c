/* zb-chart-gap.c — growth against target, one row per indicator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-chart.h"

#include <math.h>

#include "zb-i18n-private.h"

/* "−2.9 落后", with the warnings a clerk must see on the chart itself */
static char *
gap_label (const ZbAssessment *a,
           const char         *language)
{
  GString *s = g_string_new (NULL);

  if (!isnan (a->gap_pp))
    g_string_append_printf (s, "%s%.1f ", a->gap_pp >= 0.05 ? "+" : a->gap_pp <= -0.05 ? "−" : "±",
                            fabs (a->gap_pp));
  g_string_append (s, zb_status_to_label (a->status, language));
  if (a->n_targets > 1)
    {
      g_string_append (s, " ⚠");
      g_string_append_printf (s, zb_i18n_gettext (language, N_("%u targets")), a->n_targets);
    }
  if (a->mismatch)
    {
      g_string_append (s, " ⚠");
      g_string_append (s, zb_i18n_gettext (language, N_("check")));
    }
  return g_string_free (s, FALSE);
}

static char *
row_label (const ZbAssessment *a)
{
  /* the ledger's area: 全国, or another report's region */
  const char *area = a->area ? a->area : zb_figure_get_area (a->figure);
  const char *period = zb_figure_get_period (a->figure);
  GString *s = g_string_new (NULL);

  if (area && *area)
    g_string_append_printf (s, "%s ", area);
  g_string_append (s, a->indicator);
  if (period && *period)
    g_string_append_printf (s, "（%s）", period);
  return g_string_free (s, FALSE);
}

static gboolean
is_growth_row (const ZbAssessment *a)
{
  const ZbNumber *change = zb_figure_get_change (a->figure);

  /* a growth chart: rows are growth rates only */
  return zb_figure_get_kind (a->figure) == ZB_FIGURE_ACTUAL && change->set &&
         zb_figure_get_change_unit (a->figure) == ZB_CHANGE_PERCENT;
}

/* The rows drawn: all growth rates, or past ZB_CHART_MAX_ROWS those with
 * a target first, in the order given. */
static GPtrArray *
pick_rows (GPtrArray *assessments,
           guint     *n_more)
{
  GPtrArray *rows = g_ptr_array_new ();
  g_autofree gboolean *keep = g_new0 (gboolean, MAX (assessments->len, 1));
  guint n = 0, kept = 0;

  for (guint i = 0; i < assessments->len; i++)
    n += is_growth_row (g_ptr_array_index (assessments, i));
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < assessments->len && kept < ZB_CHART_MAX_ROWS; i++)
      {
        const ZbAssessment *a = g_ptr_array_index (assessments, i);

        if (!keep[i] && is_growth_row (a) && (pass == 1 || a->target != NULL || n <= ZB_CHART_MAX_ROWS))
          {
            keep[i] = TRUE;
            kept++;
          }
      }
  for (guint i = 0; i < assessments->len; i++)
    if (keep[i])
      g_ptr_array_add (rows, g_ptr_array_index (assessments, i));
  *n_more = n - kept;
  return rows;
}

/* Rows named alike (地区生产总值（前三季度）three times) get their line,
 * or their quote when they share the line too. */
static void
tell_apart (GPtrArray  *names,
            GPtrArray  *rows,
            const char *language)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < names->len; i++)
    {
      GPtrArray *group = g_hash_table_lookup (groups, g_ptr_array_index (names, i));

      if (group == NULL)
        g_hash_table_insert (groups, g_strdup (g_ptr_array_index (names, i)), group = g_ptr_array_new ());
      g_ptr_array_add (group, GUINT_TO_POINTER (i));
    }
  for (guint i = 0; i < names->len; i++)
    {
      char *name = g_ptr_array_index (names, i);
      GPtrArray *group = g_hash_table_lookup (groups, name);
      const ZbAssessment *a = g_ptr_array_index (rows, i);
      gboolean same_line = FALSE;
      char *told;

      if (group->len < 2)
        continue;
      for (guint k = 0; k < group->len; k++)
        {
          const ZbAssessment *b = g_ptr_array_index (rows, GPOINTER_TO_UINT (g_ptr_array_index (group, k)));

          same_line |= b != a && zb_figure_get_line (b->figure) == zb_figure_get_line (a->figure);
        }
      if (same_line || zb_figure_get_line (a->figure) == 0)
        told = g_strdup_printf ("%s「%s」", name, zb_figure_get_quote (a->figure) ? zb_figure_get_quote (a->figure) : "");
      else
        {
          g_autofree char *line = g_strdup_printf (zb_i18n_gettext (language, N_("line %u")),
                                                   zb_figure_get_line (a->figure));
          told = g_strdup_printf ("%s · %s", name, line);
        }
      g_free (name);
      g_ptr_array_index (names, i) = told;
    }
}

ZbChart *
zb_chart_new_gap (GPtrArray  *assessments,
                  const char *title,
                  const char *language)
{
  g_autoptr(ZbChart) chart = zb_chart_new (ZB_CHART_HORIZONTAL);
  g_autoptr(ZbChartLayer) bars =
    zb_chart_layer_new (ZB_CHART_LAYER_BARS, zb_i18n_gettext (language, N_("Actual growth")));
  g_autoptr(ZbChartLayer) markers =
    zb_chart_layer_new (ZB_CHART_LAYER_MARKERS, zb_i18n_gettext (language, N_("Target growth")));
  g_autoptr(ZbChartLayer) labels = zb_chart_layer_new (ZB_CHART_LAYER_LABELS, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) names = NULL;
  guint n_more;

  g_return_val_if_fail (assessments != NULL, NULL);

  zb_chart_set_language (chart, language);
  zb_chart_set_title (chart, title ? title
                      : zb_i18n_gettext (language, N_("Main indicators: growth and target")));
  zb_chart_axis_set_title (zb_chart_get_value_axis (chart),
                           zb_i18n_gettext (language, N_("Growth (%), ◆ the target")));

  rows = pick_rows (assessments, &n_more);
  zb_chart_set_n_more (chart, n_more);
  names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (names, row_label (g_ptr_array_index (rows, i)));
  tell_apart (names, rows, language);

  for (guint i = 0; i < rows->len; i++)
    {
      const ZbAssessment *a = g_ptr_array_index (rows, i);
      const ZbNumber *change = zb_figure_get_change (a->figure);
      g_autofree char *label = gap_label (a, language);
      guint row = zb_chart_add_category (chart, g_ptr_array_index (names, i));

      zb_chart_layer_add (bars, row, change->value, a->status, NULL, a->figure);
      if (a->target && a->target->growth.set)
        zb_chart_layer_add (markers, row, a->target->growth.value, a->status, NULL,
                            a->target->figure ? a->target->figure : a->figure);
      zb_chart_layer_add (labels, row, a->gap_pp, a->status, label, a->figure);
    }

  zb_chart_add_layer (chart, bars);
  zb_chart_add_layer (chart, markers);
  zb_chart_add_layer (chart, labels);
  return g_steal_pointer (&chart);
}
