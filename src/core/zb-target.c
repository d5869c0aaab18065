/* zb-target.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-target.h"
#include "zb-period.h"

ZbTarget *
zb_target_new (const char *indicator,
               int         year)
{
  ZbTarget *t = g_new0 (ZbTarget, 1);

  t->indicator = g_strdup (indicator);
  t->year = year;
  t->source = g_strdup ("manual");
  return t;
}

ZbTarget *
zb_target_copy (const ZbTarget *target)
{
  ZbTarget *t = g_new0 (ZbTarget, 1);

  *t = *target;
  t->indicator = g_strdup (target->indicator);
  t->area = g_strdup (target->area);
  t->period = g_strdup (target->period);
  t->unit = g_strdup (target->unit);
  t->qualifier = g_strdup (target->qualifier);
  t->source = g_strdup (target->source);
  t->figure = target->figure ? g_object_ref (target->figure) : NULL;
  return t;
}

void
zb_target_free (ZbTarget *target)
{
  if (target == NULL)
    return;
  g_free (target->indicator);
  g_free (target->area);
  g_free (target->period);
  g_free (target->unit);
  g_free (target->qualifier);
  g_free (target->source);
  g_clear_object (&target->figure);
  g_free (target);
}

char *
zb_target_period_kind (const char *label)
{
  g_autofree char *stripped = g_strstrip (g_strdup (label ? label : ""));
  ZbPeriod period = { 0 };

  if (*stripped == '\0')
    return g_strdup ("全年");
  if (!zb_period_parse (stripped, &period) || period.first_month == 0)
    return g_steal_pointer (&stripped);
  period.year = 0;
  return zb_period_to_string (&period);
}

gboolean
zb_target_applies_to_period (const ZbTarget *target,
                             const char     *label)
{
  g_autofree char *kind = NULL;

  g_return_val_if_fail (target != NULL, FALSE);

  if (target->period == NULL || *target->period == '\0')
    return TRUE;
  kind = zb_target_period_kind (label);
  return g_str_equal (kind, target->period);
}

static const char *
period_of (const ZbTarget *target)
{
  return target->period != NULL ? target->period : "";
}

gboolean
zb_target_same_period (const ZbTarget *a,
                       const ZbTarget *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  return g_str_equal (period_of (a), period_of (b));
}

gboolean
zb_target_periods_overlap (const ZbTarget *a,
                           const ZbTarget *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  return *period_of (a) == '\0' || *period_of (b) == '\0' || zb_target_same_period (a, b);
}
