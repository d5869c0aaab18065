/* zb-chart-trend.c — one indicator across periods, against its target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-chart.h"

#include <math.h>

#include "zb-i18n-private.h"
#include "zb-period.h"

static char *
period_label (const ZbAssessment *a,
              const char         *language)
{
  const char *period = zb_figure_get_period (a->figure);
  ZbPeriod p = { 0 };

  if (period == NULL || *period == '\0')
    {
      const char *year = zb_i18n_gettext (language, N_("full year"));

      if (a->year == 0)
        return g_strdup (year);
      return g_strdup_printf (zb_i18n_gettext (language, N_("%d, %s")), a->year, year);
    }
  /* the year only when the label lacks it, so reports of two years differ */
  if (a->year && zb_period_parse (period, &p) && p.year == 0)
    return g_strdup_printf (zb_i18n_gettext (language, N_("%d, %s")), a->year, period);
  return g_strdup (period);
}

/* One assessment's point at @col: its growth, its growth target, and
 * the gap and status beside it. */
static void
add_point (ZbChartLayer       *line,
           ZbChartLayer       *target,
           ZbChartLayer       *labels,
           guint               col,
           const ZbAssessment *a,
           const char         *language)
{
  const ZbNumber *change = zb_figure_get_change (a->figure);
  g_autofree char *value = zb_number_format (change);
  g_autofree char *status = NULL;

  zb_chart_layer_add (line, col, change->value, a->status, value, a->figure);
  if (a->target && a->target->growth.set)
    {
      g_autofree char *t = zb_number_format (&a->target->growth);
      g_autofree char *tl = g_strdup_printf (zb_i18n_gettext (language, N_("target %s")), t);
      zb_chart_layer_add (target, col, a->target->growth.value, ZB_STATUS_UNKNOWN, tl,
                          a->target->figure);
    }
  if (isnan (a->gap_pp))
    status = g_strdup (zb_status_to_label (a->status, language));
  else
    status = g_strdup_printf ("%s%.1f %s%s%s", a->gap_pp >= 0.05 ? "+" : a->gap_pp <= -0.05 ? "−" : "±",
                              fabs (a->gap_pp), zb_status_to_label (a->status, language),
                              a->mismatch ? " ⚠" : "", a->mismatch ? zb_i18n_gettext (language, N_("check")) : "");
  zb_chart_layer_add (labels, col, a->gap_pp, a->status, status, a->figure);
}

static gboolean
is_growth (const ZbAssessment *a)
{
  return zb_figure_get_change (a->figure)->set && zb_figure_get_change_unit (a->figure) == ZB_CHANGE_PERCENT;
}

/* A line chart of growths with its target dashed, titled @title. */
static ZbChart *
new_growth_chart (const char    *title,
                  const char    *language,
                  ZbChartLayer **line,
                  ZbChartLayer **target,
                  ZbChartLayer **labels)
{
  ZbChart *chart = zb_chart_new (ZB_CHART_VERTICAL);

  *line = zb_chart_layer_new (ZB_CHART_LAYER_LINE, zb_i18n_gettext (language, N_("Actual growth")));
  *target = zb_chart_layer_new (ZB_CHART_LAYER_LINE, zb_i18n_gettext (language, N_("Target growth")));
  *labels = zb_chart_layer_new (ZB_CHART_LAYER_LABELS, NULL);
  zb_chart_set_language (chart, language);
  zb_chart_layer_set_dashed (*target, TRUE);
  zb_chart_set_title (chart, title);
  zb_chart_axis_set_title (zb_chart_get_value_axis (chart), zb_i18n_gettext (language, N_("Growth (%)")));
  return chart;
}

static ZbChart *
finish_growth_chart (ZbChart      *chart,
                     ZbChartLayer *line,
                     ZbChartLayer *target,
                     ZbChartLayer *labels)
{
  zb_chart_add_layer (chart, target);
  zb_chart_add_layer (chart, line);
  zb_chart_add_layer (chart, labels);
  g_object_unref (line);
  g_object_unref (target);
  g_object_unref (labels);
  return chart;
}

ZbChart *
zb_chart_new_trend (GPtrArray  *assessments,
                    const char *indicator,
                    const char *language)
{
  ZbChartLayer *line, *target, *labels;
  g_autofree char *title = NULL;
  ZbChart *chart;

  g_return_val_if_fail (assessments != NULL, NULL);

  title = g_strdup_printf (zb_i18n_gettext (language, N_("%s: growth over time")), indicator ? indicator : "");
  chart = new_growth_chart (title, language, &line, &target, &labels);
  for (guint i = 0; i < assessments->len; i++)
    {
      const ZbAssessment *a = g_ptr_array_index (assessments, i);
      g_autofree char *name = NULL;

      if (!is_growth (a))
        continue;
      name = period_label (a, language);
      add_point (line, target, labels, zb_chart_add_category (chart, name), a, language);
    }
  return finish_growth_chart (chart, line, target, labels);
}

ZbChart *
zb_chart_new_comparison (ZbComparison    *comparison,
                         ZbComparisonRow *row,
                         const char      *language)
{
  ZbChartLayer *line, *target, *labels;
  g_autofree char *title = NULL;
  ZbChart *chart;

  g_return_val_if_fail (ZB_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (ZB_IS_COMPARISON_ROW (row), NULL);

  title = g_strdup_printf (zb_i18n_gettext (language, zb_comparison_get_ranked (comparison)
                                                      ? N_("%s: growth in the reports compared")
                                                      : N_("%s: growth over time")),
                           zb_comparison_row_get_label (row));
  chart = new_growth_chart (title, language, &line, &target, &labels);
  for (guint i = 0; i < zb_comparison_get_n_columns (comparison); i++)
    {
      const ZbComparisonCell *cell = zb_comparison_row_get_cell (row, i);

      /* a report without the figure leaves its place empty */
      if (cell == NULL || !is_growth (cell->assessment))
        continue;
      add_point (line, target, labels,
                 zb_chart_add_category (chart, zb_comparison_get_column (comparison, i)->label),
                 cell->assessment, language);
    }
  return finish_growth_chart (chart, line, target, labels);
}
