/* zb-ledger.h — the targets ledger: indicator identity, targets and status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "zb-figure.h"
#include "zb-report.h"
#include "zb-target.h"

G_BEGIN_DECLS

typedef enum {
  ZB_STATUS_UNKNOWN,    /* no target to compare with */
  ZB_STATUS_AHEAD,
  ZB_STATUS_ON_TRACK,
  ZB_STATUS_BEHIND,
} ZbStatus;

/* 亿元 against 万元: the scale of a unit's Chinese prefix (1e8, 1e4 …, 1 for
 * none), and in @rest the unit it scales ("元"). */
double      zb_unit_scale       (const char  *unit,
                                 const char **rest);

const char *zb_status_to_string (ZbStatus status);   /* "ahead", "on-track", … */
/* "超前", "正常", … for "zh…", "ahead", "on track", … otherwise, the UI
 * language when @language is NULL (as workbooks and charts do) */
const char *zb_status_to_label  (ZbStatus    status,
                                 const char *language);


/* The status of one actual figure against its target. */
typedef struct {
  ZbFigure       *figure;      /* the actual */
  char           *indicator;   /* canonical name */
  int             year;
  const ZbTarget *target;      /* the one used, owned by the ledger; NULL: none */
  guint           n_targets;   /* > 1: conflicting targets, see zb_ledger_get_targets() */
  ZbStatus        status;
  double          gap_pp;      /* actual − target in percentage points, NAN when unknown */
  double          completion;  /* absolute targets: share of the target reached, else NAN */
  double          schedule;    /* 序时进度 of the figure's period, else NAN */
  double          stated;      /* a gap or progress the text states, NAN when none */
  gboolean        mismatch;    /* stated and computed differ by more than 0.1 pp */
  char           *area;        /* the area it is about: "" the report's own, else 全国, 全省… */
  char           *place;       /* how to name that area: @area, or the region for its own;
                                * NULL when the own region is not known */
} ZbAssessment;

void zb_assessment_free (ZbAssessment *assessment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbAssessment, zb_assessment_free)

#define ZB_TYPE_LEDGER (zb_ledger_get_type ())
G_DECLARE_FINAL_TYPE (ZbLedger, zb_ledger, ZB, LEDGER, GObject)

/* A ledger starts with the shipped indicator lexicon (vocab/indicators.txt). */
ZbLedger     *zb_ledger_new               (void);

/* Indicator identity */
void          zb_ledger_add_alias         (ZbLedger    *self,
                                           const char  *alias,
                                           const char  *canonical);
/* Lines "alias<TAB>canonical"; '#' starts a comment. Bad lines are refused
 * with their line number and nothing is added. */
gboolean      zb_ledger_load_aliases      (ZbLedger    *self,
                                           const char  *text,
                                           GError     **error);
char         *zb_ledger_dup_canonical     (ZbLedger    *self,
                                           const char  *name);

/* The region of the report the ledger is about (临江县): a target or
 * figure of that area, however written (临江县, 全县, 我县, 本县), is of
 * the report's own area, as one with no area is. The first report added
 * sets it when nothing has. */
const char   *zb_ledger_get_region        (ZbLedger    *self);
void          zb_ledger_set_region        (ZbLedger    *self,
                                           const char  *region);
/* The area @area names as the ledger files it: "" for the report's own,
 * 全国 for 我国 or 国家, 全省 for 本省 … */
char         *zb_ledger_dup_area          (ZbLedger    *self,
                                           const char  *area);

/* Status threshold in percentage points (default 0.5). */
double        zb_ledger_get_threshold     (ZbLedger    *self);
void          zb_ledger_set_threshold     (ZbLedger    *self,
                                           double       threshold);

/* Figures: targets are taken from figures of kind target (and from the
 * target an actual states), actuals are assessed. @year is used when the
 * figure's period does not name one (0: unknown). */
void          zb_ledger_add_figure        (ZbLedger    *self,
                                           ZbFigure    *figure,
                                           int          year);
/* All figures of a report; the year comes from its title when it has one.
 * A report of another region than the ledger's keeps its own area apart:
 * its figures meet its own targets only. */
void          zb_ledger_add_report        (ZbLedger    *self,
                                           ZbReport    *report);
/* The same for figures of a report titled @title (copies taken for a
 * worker thread, say). */
void          zb_ledger_add_figures       (ZbLedger    *self,
                                           GPtrArray   *figures,
                                           const char  *title);
/* A target typed by hand; it takes precedence over those read from reports.
 * @growth and @value may be NULL. */
void          zb_ledger_set_target        (ZbLedger       *self,
                                           const char     *indicator,
                                           int             year,
                                           const char     *area,
                                           const ZbNumber *growth,
                                           const ZbNumber *value,
                                           const char     *unit,
                                           const char     *qualifier);

/* The same, for a target as the workspace keeps it. */
void          zb_ledger_add_typed_target  (ZbLedger       *self,
                                           const ZbTarget *target);

/* (element-type ZbTarget) (transfer container): the targets for one key */
GPtrArray    *zb_ledger_get_targets       (ZbLedger    *self,
                                           const char  *indicator,
                                           int          year,
                                           const char  *area);
/* (element-type ZbTarget) (transfer container): the first target of every
 * key that has more than one distinct target */
GPtrArray    *zb_ledger_get_conflicts     (ZbLedger    *self);
/* (element-type ZbTarget) (transfer container): every target, key by key
 * in the order the keys were first seen, the one assessments use first */
GPtrArray    *zb_ledger_list_targets      (ZbLedger    *self);

/* (transfer full): NULL when @figure is not an actual */
ZbAssessment *zb_ledger_assess            (ZbLedger    *self,
                                           ZbFigure    *figure);
/* (element-type ZbAssessment) (transfer full): every actual added, in order */
GPtrArray    *zb_ledger_assess_all        (ZbLedger    *self);
/* Only actuals of @indicator (any alias), sorted by period. */
GPtrArray    *zb_ledger_assess_indicator  (ZbLedger    *self,
                                           const char  *indicator);

G_END_DECLS
