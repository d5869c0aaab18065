/* zb-evidence.c — evidence against a figure, and what it costs in confidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shares were calibrated on the development gold (../shared/eval): with
 * ZB_REVIEW_THRESHOLD, the figures flagged hold most of the false ones and
 * few of the correct ones (the "review flags" line of score).
 */
#include "zb-evidence.h"

#include <glib/gi18n-lib.h>

static const struct {
  ZbEvidence  evidence;
  const char *id;
  double      cost;      /* the share of confidence it takes away */
  const char *reason;
} table[] = {
  { ZB_EVIDENCE_NAME_UNKNOWN, "name-unknown", 0.15,
    N_("The name is no known indicator and has no indicator word such as 增加值 or 投资") },
  { ZB_EVIDENCE_NAME_LONG, "name-long", 0.25, N_("The name is longer than an indicator's name usually is") },
  { ZB_EVIDENCE_NAME_CONTEXT, "name-context", 0.15, N_("The name comes from an earlier clause") },
  { ZB_EVIDENCE_NAME_AFTER, "name-after", 0.20, N_("The name is taken from the words after the number") },
  { ZB_EVIDENCE_MOOD_FAR, "mood-far", 0.15, N_("It is read as a target because of a word in another clause") },
  { ZB_EVIDENCE_MOOD_FRAME, "mood-frame", 0.20,
    N_("It is read as a target because of its paragraph, its section or its period, not its own words") },
  { ZB_EVIDENCE_PERIOD_INHERITED, "period-inherited", 0.05, N_("The period is not written in its sentence") },
  { ZB_EVIDENCE_LIST_MISMATCH, "list-mismatch", 0.40,
    N_("A list of names and a list of numbers that do not match in count") },
  { ZB_EVIDENCE_STATED_MISMATCH, "stated-mismatch", 0.40,
    N_("The stated gap disagrees with the figure and its target") },
  { ZB_EVIDENCE_DUPLICATE, "duplicate", 0.30, N_("The same figure appears twice in one sentence") },
  { ZB_EVIDENCE_QUANTITY_GOAL, "quantity-goal", 0.20, N_("A target of a quantity rather than of a growth rate") },
};

double
zb_evidence_confidence (double     base,
                        ZbEvidence evidence)
{
  double c = base;

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (evidence & table[i].evidence)
      c *= 1.0 - table[i].cost;
  return CLAMP (c, 0.0, 1.0);
}

GPtrArray *
zb_evidence_reasons (ZbEvidence evidence)
{
  GPtrArray *reasons = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (evidence & table[i].evidence)
      g_ptr_array_add (reasons, (gpointer) table[i].reason);
  return reasons;
}

const char *
zb_evidence_id (ZbEvidence one)
{
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (table[i].evidence == one)
      return table[i].id;
  return NULL;
}
