/* zb-period.h — reporting periods, as written and normalised
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 1-3月 = 一季度 = months 1..3 cumulative; 9月 = 9..9 not cumulative. */
typedef struct {
  int      year;         /* 0 when the text does not say */
  guint8   first_month;  /* 1..12, 0 when unknown */
  guint8   last_month;   /* 1..12, 0 when unknown */
  gboolean cumulative;
} ZbPeriod;

gboolean zb_period_parse          (const char     *label,
                                   ZbPeriod       *period);
double   zb_period_schedule_share (const ZbPeriod *period);
char    *zb_period_to_string      (const ZbPeriod *period);
int      zb_period_compare        (const ZbPeriod *a,
                                   const ZbPeriod *b);

G_END_DECLS
