/* zb-evidence.h — why the parser may be wrong about a figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The inline phase notes what it had to guess for each figure. Each kind of
 * evidence lowers the figure's confidence by its own share (zb-evidence.c,
 * calibrated on the development gold); a figure whose confidence falls below
 * ZB_REVIEW_THRESHOLD is one for the clerk to check.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  ZB_EVIDENCE_NONE             = 0,
  ZB_EVIDENCE_NAME_UNKNOWN     = 1 << 0,   /* no known indicator, no indicator head */
  ZB_EVIDENCE_NAME_LONG        = 1 << 1,   /* longer than a noun phrase */
  ZB_EVIDENCE_NAME_CONTEXT     = 1 << 2,   /* named by an earlier clause */
  ZB_EVIDENCE_NAME_AFTER       = 1 << 3,   /* named by the words after its number */
  ZB_EVIDENCE_MOOD_FAR         = 1 << 4,   /* a goal by a cue in another clause */
  ZB_EVIDENCE_MOOD_FRAME       = 1 << 5,   /* a goal by a frame, its section or its period */
  ZB_EVIDENCE_PERIOD_INHERITED = 1 << 6,   /* its period is not written in its sentence */
  ZB_EVIDENCE_LIST_MISMATCH    = 1 << 7,   /* a 分别 list whose names and numbers differ in count */
  ZB_EVIDENCE_STATED_MISMATCH  = 1 << 8,   /* a stated gap that disagrees with its figure and target */
  ZB_EVIDENCE_DUPLICATE        = 1 << 9,   /* the same figure twice in one sentence */
  ZB_EVIDENCE_QUANTITY_GOAL    = 1 << 10,  /* a goal of a quantity, not of a growth */
  ZB_EVIDENCE_LAST             = 1 << 11,
} ZbEvidence;

/* Below this confidence a figure needs review: the one place it is set. */
#define ZB_REVIEW_THRESHOLD 0.6

/* The confidence of a figure found by a rule of base confidence @base with
 * this evidence against it. */
double       zb_evidence_confidence (double      base,
                                     ZbEvidence  evidence);
/* The reasons, as untranslated messages (N_()) to show through gettext. */
GPtrArray   *zb_evidence_reasons    (ZbEvidence  evidence);
/* Stable ids for the JSON: name-unknown, mood-far … */
const char  *zb_evidence_id         (ZbEvidence  one);

G_END_DECLS
