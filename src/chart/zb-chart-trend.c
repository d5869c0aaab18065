/* zb-chart-trend.c — one indicator across periods, against its target, a line per area
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-chart.h"

#include <math.h>

#include "zb-i18n-private.h"
#include "zb-period.h"

/* Past this many periods the earliest are left out: a column keeps room
 * for its name. */
#define MAX_COLUMNS 40

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

static gboolean
is_growth (const ZbAssessment *a)
{
  return zb_figure_get_change (a->figure)->set && zb_figure_get_change_unit (a->figure) == ZB_CHANGE_PERCENT;
}

/* The status above a column: the gap and the word. */
static char *
status_label (const ZbAssessment *a,
              const char         *language)
{
  const char *check = zb_i18n_gettext (language, N_("check"));

  if (isnan (a->gap_pp))
    return g_strdup (zb_status_to_label (a->status, language));
  return g_strdup_printf ("%s%.1f %s%s%s", a->gap_pp >= 0.05 ? "+" : a->gap_pp <= -0.05 ? "−" : "±",
                          fabs (a->gap_pp), zb_status_to_label (a->status, language),
                          a->mismatch ? " ⚠" : "", a->mismatch ? check : "");
}

/* One assessment's point at @col: its growth and its growth target. */
static void
add_point (ZbChartLayer       *line,
           ZbChartLayer       *target,
           guint               col,
           const ZbAssessment *a,
           const char         *language)
{
  const ZbNumber *change = zb_figure_get_change (a->figure);
  g_autofree char *value = zb_number_format (change);

  zb_chart_layer_add (line, col, change->value, a->status, value, a->figure);
  if (a->target && a->target->growth.set)
    {
      g_autofree char *t = zb_number_format (&a->target->growth);
      g_autofree char *tl = g_strdup_printf (zb_i18n_gettext (language, N_("target %s")), t);

      zb_chart_layer_add (target, col, a->target->growth.value, ZB_STATUS_UNKNOWN, tl,
                          a->target->figure);
    }
}

/* One area's points and its target. */
typedef struct {
  char         *area;
  ZbChartLayer *line;
  ZbChartLayer *target;
} Series;

static void
series_free (Series *s)
{
  g_free (s->area);
  g_clear_object (&s->line);
  g_clear_object (&s->target);
  g_free (s);
}

static const char *
area_of (const ZbAssessment *a)
{
  return a->area ? a->area : "";
}

/* The areas, the report's own first, each with its layers named for the
 * legend when there are several. */
static GPtrArray *
make_series (GPtrArray  *assessments,
             const char *language)
{
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  g_autoptr(GPtrArray) places = g_ptr_array_new ();

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < assessments->len; i++)
      {
        const ZbAssessment *a = g_ptr_array_index (assessments, i);
        gboolean own = *area_of (a) == '\0', seen = FALSE;

        if (!is_growth (a) || own != (pass == 0))
          continue;
        for (guint k = 0; k < all->len && !seen; k++)
          seen = g_str_equal (((Series *) g_ptr_array_index (all, k))->area, area_of (a));
        if (!seen)
          {
            Series *s = g_new0 (Series, 1);

            s->area = g_strdup (area_of (a));
            g_ptr_array_add (all, s);
            g_ptr_array_add (places, a->place ? a->place : (char *) zb_i18n_gettext (language, N_("this area")));
          }
      }
  for (guint k = 0; k < all->len; k++)
    {
      Series *s = g_ptr_array_index (all, k);
      const char *place = g_ptr_array_index (places, k);
      gboolean own = *s->area == '\0';
      g_autofree char *target = g_strdup_printf (zb_i18n_gettext (language, N_("%s target")), place);

      s->line = zb_chart_layer_new (ZB_CHART_LAYER_LINE, all->len == 1
                                    ? zb_i18n_gettext (language, N_("Actual growth")) : place);
      s->target = zb_chart_layer_new (ZB_CHART_LAYER_LINE, all->len == 1 || own
                                      ? zb_i18n_gettext (language, N_("Target growth")) : target);
      zb_chart_layer_set_dashed (s->target, TRUE);
      /* the own area keeps the first colour even when it has no points */
      zb_chart_layer_set_series (s->line, own ? 0 : k + (all->len > 0 && *((Series *) all->pdata[0])->area ? 1 : 0));
      zb_chart_layer_set_series (s->target, zb_chart_layer_get_series (s->line));
    }
  return all;
}

static Series *
series_for (GPtrArray          *all,
            const ZbAssessment *a)
{
  for (guint k = 0; k < all->len; k++)
    if (g_str_equal (((Series *) g_ptr_array_index (all, k))->area, area_of (a)))
      return g_ptr_array_index (all, k);
  g_return_val_if_reached (NULL);
}

/* The columns: each period once, in the order given, the last MAX_COLUMNS
 * of them; *first is the first assessment drawn. */
static GHashTable *
make_columns (ZbChart    *chart,
              GPtrArray  *assessments,
              const char *language,
              guint      *first)
{
  GHashTable *columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint n_periods = 0, dropped = 0;

  *first = 0;
  for (guint i = assessments->len; i-- > 0;)
    {
      const ZbAssessment *a = g_ptr_array_index (assessments, i);
      char *label;

      if (!is_growth (a))
        continue;
      label = period_label (a, language);
      g_ptr_array_add (labels, label);
      if (!g_hash_table_contains (seen, label))
        {
          if (n_periods == MAX_COLUMNS)
            {
              *first = i + 1;
              for (guint k = 0; k <= i; k++)
                dropped += is_growth (g_ptr_array_index (assessments, k));
              break;
            }
          g_hash_table_add (seen, label);
          n_periods++;
        }
    }
  for (guint i = *first; i < assessments->len; i++)
    {
      const ZbAssessment *a = g_ptr_array_index (assessments, i);
      g_autofree char *label = NULL;

      if (!is_growth (a))
        continue;
      label = period_label (a, language);
      if (!g_hash_table_contains (columns, label))
        g_hash_table_insert (columns, g_strdup (label), GUINT_TO_POINTER (zb_chart_add_category (chart, label)));
    }
  zb_chart_set_n_more (chart, dropped);
  return columns;
}

ZbChart *
zb_chart_new_trend (GPtrArray  *assessments,
                    const char *indicator,
                    const char *language)
{
  g_autoptr(ZbChart) chart = zb_chart_new (ZB_CHART_VERTICAL);
  g_autoptr(ZbChartLayer) labels = zb_chart_layer_new (ZB_CHART_LAYER_LABELS, NULL);
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GHashTable) columns = NULL;
  g_autofree char *title = NULL;
  guint first;

  g_return_val_if_fail (assessments != NULL, NULL);

  zb_chart_set_language (chart, language);
  title = g_strdup_printf (zb_i18n_gettext (language, N_("%s: growth over time")),
                           indicator ? indicator : "");
  zb_chart_set_title (chart, title);
  zb_chart_axis_set_title (zb_chart_get_value_axis (chart), zb_i18n_gettext (language, N_("Growth (%)")));

  series = make_series (assessments, language);
  columns = make_columns (chart, assessments, language, &first);
  for (guint i = first; i < assessments->len; i++)
    {
      const ZbAssessment *a = g_ptr_array_index (assessments, i);
      g_autofree char *name = NULL;
      Series *s;
      guint col;

      if (!is_growth (a))
        continue;
      name = period_label (a, language);
      col = GPOINTER_TO_UINT (g_hash_table_lookup (columns, name));
      s = series_for (series, a);
      add_point (s->line, s->target, col, a, language);
      /* a status above the column: the own area's always, another's when it has a target */
      if (*area_of (a) == '\0' || a->target != NULL)
        {
          g_autofree char *status = status_label (a, language);

          zb_chart_layer_add (labels, col, a->gap_pp, a->status, status, a->figure);
        }
    }

  /* the own area's target under its line, then the lines, then other targets */
  if (series->len == 0 || *((Series *) g_ptr_array_index (series, 0))->area != '\0')
    {
      g_autoptr(ZbChartLayer) none = zb_chart_layer_new (ZB_CHART_LAYER_LINE,
                                                         zb_i18n_gettext (language, N_("Target growth")));
      zb_chart_layer_set_dashed (none, TRUE);
      zb_chart_add_layer (chart, none);
    }
  for (guint k = 0; k < series->len; k++)
    {
      Series *s = g_ptr_array_index (series, k);

      if (k == 0 && *s->area == '\0')
        zb_chart_add_layer (chart, s->target);
      zb_chart_add_layer (chart, s->line);
    }
  for (guint k = 0; k < series->len; k++)
    {
      Series *s = g_ptr_array_index (series, k);

      if ((k > 0 || *s->area != '\0') && zb_chart_layer_get_n_items (s->target) > 0)
        zb_chart_add_layer (chart, s->target);
    }
  zb_chart_add_layer (chart, labels);
  return g_steal_pointer (&chart);
}

ZbChart *
zb_chart_new_comparison (ZbComparison    *comparison,
                         ZbComparisonRow *row,
                         const char      *language)
{
  g_autoptr(ZbChart) chart = zb_chart_new (ZB_CHART_VERTICAL);
  g_autoptr(ZbChartLayer) line = NULL;
  g_autoptr(ZbChartLayer) target = NULL;
  g_autoptr(ZbChartLayer) labels = zb_chart_layer_new (ZB_CHART_LAYER_LABELS, NULL);
  g_autofree char *title = NULL;

  g_return_val_if_fail (ZB_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (ZB_IS_COMPARISON_ROW (row), NULL);

  zb_chart_set_language (chart, language);
  title = g_strdup_printf (zb_i18n_gettext (language, zb_comparison_get_ranked (comparison)
                                                      ? N_("%s: growth in the reports compared")
                                                      : N_("%s: growth over time")),
                           zb_comparison_row_get_label (row));
  zb_chart_set_title (chart, title);
  zb_chart_axis_set_title (zb_chart_get_value_axis (chart), zb_i18n_gettext (language, N_("Growth (%)")));
  /* a row is one indicator of one area: one line and its target */
  line = zb_chart_layer_new (ZB_CHART_LAYER_LINE, zb_i18n_gettext (language, N_("Actual growth")));
  target = zb_chart_layer_new (ZB_CHART_LAYER_LINE, zb_i18n_gettext (language, N_("Target growth")));
  zb_chart_layer_set_dashed (target, TRUE);
  for (guint i = 0; i < zb_comparison_get_n_columns (comparison); i++)
    {
      const ZbComparisonCell *cell = zb_comparison_row_get_cell (row, i);
      g_autofree char *status = NULL;
      guint col;

      /* a report without the figure leaves its place empty */
      if (cell == NULL || !is_growth (cell->assessment))
        continue;
      col = zb_chart_add_category (chart, zb_comparison_get_column (comparison, i)->label);
      add_point (line, target, col, cell->assessment, language);
      status = status_label (cell->assessment, language);
      zb_chart_layer_add (labels, col, cell->assessment->gap_pp, cell->assessment->status, status,
                          cell->assessment->figure);
    }
  zb_chart_add_layer (chart, target);
  zb_chart_add_layer (chart, line);
  zb_chart_add_layer (chart, labels);
  return g_steal_pointer (&chart);
}
