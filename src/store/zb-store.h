/* zb-store.h — the workspace: reports, figures, corrections and targets in SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zb-figure.h"
#include "zb-report.h"
#include "zb-target.h"

G_BEGIN_DECLS

/* The schema version this program writes (PRAGMA user_version). */
#define ZB_STORE_SCHEMA_VERSION 5

#define ZB_TYPE_STORE (zb_store_get_type ())
G_DECLARE_FINAL_TYPE (ZbStore, zb_store, ZB, STORE, GObject)

/* One row of the report list. */
typedef struct {
  gint64  id;
  char   *path;
  char   *sha256;
  char   *title;
  char   *region;       /* NULL when the title does not say */
  char   *period;       /* NULL when no figure has one */
  gint64  imported_at;  /* unix microseconds */
  guint   n_figures;
  guint   n_corrections;   /* review marks left out */
  int     clerk_year;   /* the year the clerk set, 0 when none */
  char   *clerk_region; /* the region the clerk set, NULL when none */
} ZbStoreReport;

void zb_store_report_free (ZbStoreReport *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbStoreReport, zb_store_report_free)

/* Another name the clerk gave an indicator (zb_ledger_add_alias). */
typedef struct {
  char   *alias;
  char   *indicator;    /* the name it stands for */
  gint64  created_at;   /* unix microseconds of the last set */
} ZbStoreAlias;

void zb_store_alias_free (ZbStoreAlias *alias);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbStoreAlias, zb_store_alias_free)


/* $XDG_DATA_HOME/zhibiao/workspace.db */
char          *zb_store_dup_default_path (void);

/* Opens or creates a workspace and migrates it forward. Refuses, without
 * writing to it, a file that is not SQLite, not a workspace, damaged (a
 * format version below 0 included), or written by a newer Zhibiao
 * (ZB_ERROR_TOO_NEW); a workspace another instance is writing gives
 * ZB_ERROR_LOCKED after a short wait. */
ZbStore       *zb_store_open             (const char  *path,
                                          GError     **error);
const char    *zb_store_get_path         (ZbStore     *self);
int            zb_store_get_schema_version (ZbStore   *self);

/* Stores a freshly parsed report and gives its figures their ids. The file
 * is read again for the bytes the workspace keeps; they must be the ones
 * the report was made from (its source's sha256), else the import fails.
 * - same bytes as a stored report: its corrections are replayed onto the
 *   report's figures (and figures made by hand are put back);
 * - same path, changed bytes: the report is re-imported and corrections are
 *   carried over to figures with the same extracted name and quote; the old
 *   figures that could not be matched (with their corrections) are returned
 *   in @uncarried (of ZbFigure), if not NULL. */
gboolean       zb_store_import_report    (ZbStore     *self,
                                          ZbReport    *report,
                                          gint64      *report_id,
                                          GPtrArray  **uncarried,
                                          GError     **error);
/* A figure made by hand (zb_report_add_figure_from_span) for a stored report. */
gboolean       zb_store_add_figure       (ZbStore     *self,
                                          gint64       report_id,
                                          ZbFigure    *figure,
                                          GError     **error);
/* Writes one correction of a stored figure in its own transaction; it is on
 * disk when this returns TRUE. Compare-and-set: the correction's old value
 * must be what the workspace holds for the field now, else nothing is
 * written and ZB_ERROR_CONFLICT says who changed it, when, and to what (or
 * that the report was imported again). The store records who writes it
 * (the user and the program) in the correction's author. */
gboolean       zb_store_record_correction (ZbStore            *self,
                                          ZbFigure           *figure,
                                          const ZbCorrection *correction,
                                          GError            **error);

GPtrArray     *zb_store_list_reports     (ZbStore     *self,
                                          GError     **error);  /* of ZbStoreReport */
/* Rebuilds a stored report from the workspace alone (its bytes, outline and
 * figures are stored), with the corrections applied. */
ZbReport      *zb_store_load_report      (ZbStore     *self,
                                          gint64       report_id,
                                          GError     **error);
ZbFigure      *zb_store_load_figure      (ZbStore     *self,
                                          gint64       figure_id,
                                          GError     **error);
GPtrArray     *zb_store_history          (ZbStore     *self,
                                          gint64       figure_id,
                                          GError     **error);  /* of ZbCorrection, oldest first */

/* The year and region the clerk says a stored report is about (0 and NULL:
 * what the report says), kept across re-imports; zb_store_load_report
 * gives them to the report (zb_report_set_place). */
gboolean       zb_store_set_report_place (ZbStore     *self,
                                          gint64       report_id,
                                          int          year,
                                          const char  *region,
                                          GError     **error);

/* Targets are keyed by indicator, year, area, period kind and source;
 * NULL area and period are stored as "" (the report's own area, every
 * period). */
gboolean       zb_store_set_target       (ZbStore        *self,
                                          const ZbTarget *target,
                                          GError        **error);
ZbTarget      *zb_store_get_target       (ZbStore        *self,
                                          const char     *indicator,
                                          int             year,
                                          GError        **error);
GPtrArray     *zb_store_list_targets     (ZbStore        *self,
                                          GError        **error);  /* of ZbTarget */
/* Removes the target of @target's key; ZB_ERROR_NOT_FOUND when there is none. */
gboolean       zb_store_remove_target    (ZbStore        *self,
                                          const ZbTarget *target,
                                          GError        **error);

/* Aliases are keyed by the alias: setting one again changes its indicator.
 * Both names are trimmed; an empty name or an alias of itself is refused
 * (ZB_ERROR_INVALID), removing an unknown alias gives ZB_ERROR_NOT_FOUND. */
gboolean       zb_store_set_alias        (ZbStore        *self,
                                          const char     *alias,
                                          const char     *indicator,
                                          GError        **error);
gboolean       zb_store_remove_alias     (ZbStore        *self,
                                          const char     *alias,
                                          GError        **error);
GPtrArray     *zb_store_list_aliases     (ZbStore        *self,
                                          GError        **error);  /* of ZbStoreAlias, by alias */

G_END_DECLS
