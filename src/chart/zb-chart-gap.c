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
  const char *area = zb_figure_get_area (a->figure);
  const char *period = zb_figure_get_period (a->figure);
  GString *s = g_string_new (NULL);

  if (area && *area)
    g_string_append_printf (s, "%s ", area);
  g_string_append (s, a->indicator);
  if (period && *period)
    g_string_append_printf (s, "（%s）", period);
  return g_string_free (s, FALSE);
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

  g_return_val_if_fail (assessments != NULL, NULL);

  zb_chart_set_language (chart, language);
  zb_chart_set_title (chart, title ? title
                      : zb_i18n_gettext (language, N_("Main indicators: growth and target")));
  zb_chart_axis_set_title (zb_chart_get_value_axis (chart),
                           zb_i18n_gettext (language, N_("Growth (%), ◆ the target")));

  for (guint i = 0; i < assessments->len; i++)
    {
      const ZbAssessment *a = g_ptr_array_index (assessments, i);
      const ZbNumber *change = zb_figure_get_change (a->figure);
      g_autofree char *name = NULL;
      g_autofree char *label = NULL;
      guint row;

      /* a growth chart: rows are growth rates only */
      if (zb_figure_get_kind (a->figure) != ZB_FIGURE_ACTUAL || !change->set ||
          zb_figure_get_change_unit (a->figure) != ZB_CHANGE_PERCENT)
        continue;

      name = row_label (a);
      label = gap_label (a, language);
      row = zb_chart_add_category (chart, name);
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
