/* zb-target.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-target.h"

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
  g_free (target->unit);
  g_free (target->qualifier);
  g_free (target->source);
  g_clear_object (&target->figure);
  g_free (target);
}
