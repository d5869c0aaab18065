/* zb-target.h — a goal for one indicator and year, from a report or typed in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-figure.h"

G_BEGIN_DECLS

/* One target for (indicator, year, area[, period kind]): a growth rate in
 * percent, or an absolute value with its unit, or both. The ledger, the
 * workspace and the workbook share this one type. */
typedef struct {
  char     *indicator;   /* canonical name */
  int       year;        /* 0 when unknown */
  char     *area;        /* NULL or "" for the report's own area */
  char     *period;      /* a period kind (zb_target_period_kind): only figures
                          * of that kind; NULL or "" for every period */
  ZbNumber  growth;      /* percent */
  ZbNumber  value;
  char     *unit;
  char     *qualifier;   /* 以上 / 左右 / 力争 … */
  char     *source;      /* a report's path, or "manual" */
  ZbFigure *figure;      /* where it was read, NULL when typed by hand */
} ZbTarget;

ZbTarget *zb_target_new  (const char     *indicator,
                          int             year);
ZbTarget *zb_target_copy (const ZbTarget *target);
void      zb_target_free (ZbTarget       *target);

/* What kind of period a figure's period label is, whatever its year:
 * "1-9月" for 1-9月 and 前三季度, "全年" for a whole year and for no
 * period at all (a year-end figure), the label itself when it is no
 * period Zhibiao reads. */
char     *zb_target_period_kind (const char *label);
/* Whether @a and @b are for the same period kind (both for every period
 * included), and whether one of them applies where the other does. */
gboolean  zb_target_same_period     (const ZbTarget *a,
                                     const ZbTarget *b);
gboolean  zb_target_periods_overlap (const ZbTarget *a,
                                     const ZbTarget *b);
/* Whether @target applies to a figure whose period label is @label. */
gboolean  zb_target_applies_to_period (const ZbTarget *target,
                                       const char     *label);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbTarget, zb_target_free)

G_END_DECLS
