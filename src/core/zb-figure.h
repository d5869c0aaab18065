/* zb-figure.h — one figure of a report: an actual, a target, a gap or a progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "zb-types.h"
#include "zb-evidence.h"

G_BEGIN_DECLS

#define ZB_TYPE_FIGURE (zb_figure_get_type ())
G_DECLARE_FINAL_TYPE (ZbFigure, zb_figure, ZB, FIGURE, GObject)

/* A number as written: the value and how many decimals the text showed,
 * so 8.0% stays "8.0" on screen and in the workbook. */
typedef struct {
  double   value;
  gint8    decimals;
  gboolean set;
} ZbNumber;

char        *zb_number_format           (const ZbNumber *number);
gboolean     zb_number_parse            (const char     *text,
                                         ZbNumber       *number,
                                         GError        **error);

/* A correction: current = extracted with these applied in order. */
typedef struct {
  ZbField  field;
  char    *old_value;   /* NULL: the field was empty */
  char    *new_value;   /* NULL: the field was cleared */
  gint64   time;        /* unix microseconds */
  char    *note;
  char    *author;      /* who stored it ("clerk (zhibiao-cli)"); NULL until stored */
} ZbCorrection;

ZbCorrection *zb_correction_copy (const ZbCorrection *c);
void          zb_correction_free (ZbCorrection *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbCorrection, zb_correction_free)

ZbFigure     *zb_figure_new              (ZbFigureKind kind,
                                          const char  *name);
ZbFigure     *zb_figure_copy             (ZbFigure    *self);

/* current (corrected) values */
ZbFigureKind  zb_figure_get_kind         (ZbFigure *self);
const char   *zb_figure_get_name         (ZbFigure *self);
const char   *zb_figure_get_indicator    (ZbFigure *self);
const char   *zb_figure_get_area         (ZbFigure *self);
const ZbNumber *zb_figure_get_value      (ZbFigure *self);
const char   *zb_figure_get_unit         (ZbFigure *self);
const ZbNumber *zb_figure_get_change     (ZbFigure *self);
ZbChangeUnit  zb_figure_get_change_unit  (ZbFigure *self);
const ZbNumber *zb_figure_get_base_value (ZbFigure *self);
const char   *zb_figure_get_qualifier    (ZbFigure *self);
const char   *zb_figure_get_reference    (ZbFigure *self);
const char   *zb_figure_get_period       (ZbFigure *self);
const ZbNumber *zb_figure_get_target     (ZbFigure *self);
const ZbNumber *zb_figure_get_gap        (ZbFigure *self);
int           zb_figure_get_rank         (ZbFigure *self);
gboolean      zb_figure_get_deleted      (ZbFigure *self);

/* where it came from */
int           zb_figure_get_section      (ZbFigure *self);
guint         zb_figure_get_line         (ZbFigure *self);
gsize         zb_figure_get_offset       (ZbFigure *self);   /* byte offset in the original file */
gsize         zb_figure_get_text_offset  (ZbFigure *self);   /* byte offset of the quote in zb_report_get_text() */
gsize         zb_figure_get_text_length  (ZbFigure *self);
const char   *zb_figure_get_quote        (ZbFigure *self);
const char   *zb_figure_get_rule         (ZbFigure *self);   /* the extraction rule that fired */
double        zb_figure_get_confidence   (ZbFigure *self);
ZbEvidence    zb_figure_get_evidence     (ZbFigure *self);   /* what the parser had to guess */
gboolean      zb_figure_needs_review     (ZbFigure *self);   /* confidence below ZB_REVIEW_THRESHOLD */
gint64        zb_figure_get_id           (ZbFigure *self);   /* workspace id, 0 when not stored */
void          zb_figure_set_id           (ZbFigure *self,
                                          gint64    id);

/* any field, as text (numbers with their written decimals); NULL when empty */
char         *zb_figure_dup_field        (ZbFigure *self,
                                          ZbField   field);
char         *zb_figure_dup_original     (ZbFigure *self,
                                          ZbField   field);
gboolean      zb_figure_field_is_corrected (ZbFigure *self,
                                          ZbField   field);
gboolean      zb_figure_is_corrected     (ZbFigure *self);   /* any field but the review mark */

/* The clerk's review: marked (ZB_FIELD_REVIEWED "true"), unmarked ("false"),
 * or, never marked, whether the figure was corrected — correcting a figure
 * is reviewing it, and correcting an unmarked one marks it again. */
gboolean      zb_figure_get_reviewed     (ZbFigure *self);
/* Flagged by the parser (zb_figure_needs_review), not reviewed, not deleted. */
gboolean      zb_figure_awaits_review    (ZbFigure *self);
/* The correction that made it reviewed (who and when), NULL when it is not. */
const ZbCorrection *zb_figure_get_review_correction (ZbFigure *self);

/* A correction from text; validates ("8,4" or "abc" for a number is refused
 * with the reason; text that is not UTF-8 or holds control characters
 * too) and records (field, old, new, now, note). */
gboolean      zb_figure_correct          (ZbFigure    *self,
                                          ZbField      field,
                                          const char  *new_value,
                                          const char  *note,
                                          GError     **error);
/* Replays a stored correction (time kept) — used when restoring a workspace. */
gboolean      zb_figure_apply_correction (ZbFigure           *self,
                                          const ZbCorrection *correction,
                                          GError            **error);
GPtrArray    *zb_figure_get_corrections  (ZbFigure *self);  /* of ZbCorrection, owned */

/* Extraction side: setters of the extracted (original) values. */
void          zb_figure_set_kind         (ZbFigure *self, ZbFigureKind kind);
void          zb_figure_set_name         (ZbFigure *self, const char *name);
void          zb_figure_set_indicator    (ZbFigure *self, const char *indicator);
void          zb_figure_set_area         (ZbFigure *self, const char *area);
void          zb_figure_set_value        (ZbFigure *self, const ZbNumber *value, const char *unit);
void          zb_figure_set_change       (ZbFigure *self, const ZbNumber *change, ZbChangeUnit unit);
void          zb_figure_set_base_value   (ZbFigure *self, const ZbNumber *base_value);
void          zb_figure_set_qualifier    (ZbFigure *self, const char *qualifier);
void          zb_figure_set_reference    (ZbFigure *self, const char *reference);
void          zb_figure_set_period       (ZbFigure *self, const char *period);
void          zb_figure_set_target       (ZbFigure *self, const ZbNumber *target);
void          zb_figure_set_gap          (ZbFigure *self, const ZbNumber *gap);
void          zb_figure_set_rank         (ZbFigure *self, int rank);
void          zb_figure_set_source       (ZbFigure   *self,
                                          int         section,
                                          guint       line,
                                          gsize       offset,
                                          gsize       text_offset,
                                          gsize       text_length,
                                          const char *quote);
void          zb_figure_set_rule         (ZbFigure   *self,
                                          const char *rule,
                                          double      confidence);
/* What a workspace kept of the parser's doubt: the evidence and the
 * confidence it came to, as they were when the figure was stored. */
void          zb_figure_restore_evidence (ZbFigure   *self,
                                          ZbEvidence  evidence,
                                          double      confidence);
/* Evidence against the figure; the confidence becomes the rule's lowered by it. */
void          zb_figure_add_evidence     (ZbFigure   *self,
                                          ZbEvidence  evidence);

G_END_DECLS
