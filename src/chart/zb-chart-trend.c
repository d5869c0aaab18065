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

ZbChart *
zb_chart_new_trend (GPtrArray  *assessments,
                    const char *indicator,
                    const char *language)
{
  g_autoptr(ZbChart) chart = zb_chart_new (ZB_CHART_VERTICAL);
  g_autoptr(ZbChartLayer) line =
    zb_chart_layer_new (ZB_CHART_LAYER_LINE, zb_i18n_gettext (language, N_("Actual growth")));
  g_autoptr(ZbChartLayer) target =
    zb_chart_layer_new (ZB_CHART_LAYER_LINE, zb_i18n_gettext (language, N_("Target growth")));
  g_autoptr(ZbChartLayer) labels = zb_chart_layer_new (ZB_CHART_LAYER_LABELS, NULL);
  g_autofree char *title = NULL;
  const char *check = zb_i18n_gettext (language, N_("check"));

  g_return_val_if_fail (assessments != NULL, NULL);

  zb_chart_set_language (chart, language);
  zb_chart_layer_set_dashed (target, TRUE);
  title = g_strdup_printf (zb_i18n_gettext (language, N_("%s: growth over time")),
                           indicator ? indicator : "");
  zb_chart_set_title (chart, title);
  zb_chart_axis_set_title (zb_chart_get_value_axis (chart), zb_i18n_gettext (language, N_("Growth (%)")));

  for (guint i = 0; i < assessments->len; i++)
    {
      const ZbAssessment *a = g_ptr_array_index (assessments, i);
      const ZbNumber *change = zb_figure_get_change (a->figure);
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;
      guint col;

      if (!change->set || zb_figure_get_change_unit (a->figure) != ZB_CHANGE_PERCENT)
        continue;
      name = period_label (a, language);
      col = zb_chart_add_category (chart, name);
      value = zb_number_format (change);
      zb_chart_layer_add (line, col, change->value, a->status, value, a->figure);
      if (a->target && a->target->growth.set)
        {
          g_autofree char *t = zb_number_format (&a->target->growth);
          g_autofree char *tl = g_strdup_printf (zb_i18n_gettext (language, N_("target %s")), t);
          zb_chart_layer_add (target, col, a->target->growth.value, ZB_STATUS_UNKNOWN, tl,
                              a->target->figure);
        }
      {
        g_autofree char *status = NULL;

        if (isnan (a->gap_pp))
          status = g_strdup (zb_status_to_label (a->status, language));
        else
          status = g_strdup_printf ("%s%.1f %s%s%s", a->gap_pp >= 0.05 ? "+" : a->gap_pp <= -0.05 ? "−" : "±",
                                    fabs (a->gap_pp), zb_status_to_label (a->status, language),
                                    a->mismatch ? " ⚠" : "", a->mismatch ? check : "");
        zb_chart_layer_add (labels, col, a->gap_pp, a->status, status, a->figure);
      }
    }

  zb_chart_add_layer (chart, target);
  zb_chart_add_layer (chart, line);
  zb_chart_add_layer (chart, labels);
  return g_steal_pointer (&chart);
}
