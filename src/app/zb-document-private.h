/* zb-document-private.h — what the parts of ZbDocument share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ZbDocument is one type in four files: zb-document.c (the report, the
 * selection, opening, edits), zb-document-store.c (writes to the
 * workspace, history, export), zb-document-assess.c (the targets
 * ledger, rebuilt on a worker thread) and zb-document-add.c (a figure
 * made from a selection).
 */
#pragma once

#include "zb-document.h"

G_BEGIN_DECLS

/* Writes to the workspace: one job at a time per figure, so that its
 * corrections are stored in the order they were made. */
typedef struct {
  gint64      report_id;
  GHashTable *saved;       /* ZbFigure → corrections in the workspace */
  GHashTable *writing;     /* set of ZbFigure with a job queued */
  GHashTable *present;     /* ZbFigure (ref) → in the report's figure list */
  GHashTable *retracted;   /* ZbFigure (ref): marked deleted when Undo took it out */
  gboolean    warned;      /* one notice until the writes succeed again */
  guint       retry_source;
  guint       retry_delay; /* seconds */
  guint       n_jobs;      /* in flight: the application is held meanwhile */
} ZbDocumentWrites;

/* The ledger and its inputs. The assessor works on copies of the figures
 * (frozen: never changed once made), so that the main loop may edit the
 * report meanwhile; assessments come back pointing at the report's own. */
typedef struct {
  GPtrArray  *related;     /* ZbReport: the region's other reports, read only */
  GPtrArray  *aliases;     /* ZbStoreAlias; replaced, never changed: the assessor shares it */
  GPtrArray  *typed;       /* ZbTarget; the same */
  GHashTable *frozen;      /* ZbFigure → its copy, dropped when the figure changes */
  ZbLedger   *ledger;
  GHashTable *originals;   /* copy → ZbFigure, for the ledger above */
  GPtrArray  *assessments; /* of ZbAssessment, pointing at the report's figures */
  GHashTable *assessed;    /* ZbFigure → its ZbAssessment */
  guint       idle;
  guint       n_loading;   /* inputs still being read from the workspace */
  gboolean    running;
  gboolean    again;       /* changed while running: run once more */
  double      ms;
} ZbDocumentLedger;

ZbDocumentWrites *_zb_document_get_writes       (ZbDocument *self);
ZbDocumentLedger *_zb_document_get_ledger_state (ZbDocument *self);
GCancellable     *_zb_document_get_cancellable  (ZbDocument *self);
void              _zb_document_notice           (ZbDocument *self,
                                                 const char *message);
void              _zb_document_emit_saved       (ZbDocument *self,
                                                 ZbFigure   *figure);
void              _zb_document_emit_assessed    (ZbDocument *self);
void              _zb_document_notify_assessing (ZbDocument *self);
void              _zb_document_notify_place     (ZbDocument *self);

/* zb-document-store.c */
void              _zb_document_writes_init      (ZbDocument *self,
                                                 GListModel *figures,
                                                 gint64      report_id);
void              _zb_document_writes_clear     (ZbDocument *self);
/* Writes what the workspace does not have yet of @figure. */
void              _zb_document_persist          (ZbDocument *self,
                                                 ZbFigure   *figure);
/* Undo takes a figure added by hand out of the report and Redo puts it
 * back: the workspace, which keeps every figure, records its deletion. */
void              _zb_document_track_membership (ZbDocument *self,
                                                 GListModel *figures);

/* zb-document-add.c: the figure the parser reads in a span of the
 * report's text, NULL when it reads none there. */
ZbFigure         *_zb_document_read_span        (ZbReport   *report,
                                                 gsize       text_offset,
                                                 gsize       text_length);

/* zb-document-assess.c */
void              _zb_document_ledger_init      (ZbDocument *self);
void              _zb_document_ledger_clear     (ZbDocument *self);
/* Reads the related reports, aliases and typed targets from the workspace. */
void              _zb_document_load_ledger_inputs (ZbDocument *self);
void              _zb_document_forget_frozen    (ZbDocument *self,
                                                 ZbFigure   *figure);
void              _zb_document_queue_assess     (ZbDocument *self);

G_END_DECLS
