/* zb-workbook.h — the Excel workbook a clerk carries into the meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zb-figure.h"

G_BEGIN_DECLS

typedef struct {
  /* "zh_CN" or "en" for sheet names and headers; NULL follows the UI
   * language through gettext. */
  const char   *language;
  /* document properties; NULL: taken from the first report */
  const char   *title;
  const char   *subject;
  const char   *author;
  /* checked between sheets and rows; a cancelled export leaves nothing */
  GCancellable *cancellable;
} ZbWorkbookOptions;

typedef enum {
  ZB_STATUS_NONE,      /* no target or no growth to compare */
  ZB_STATUS_AHEAD,
  ZB_STATUS_ON_TRACK,
  ZB_STATUS_BEHIND,
} ZbTargetStatus;

/* gap = growth − target in percentage points; within ±0.5 pp is on track.
 * Kept on its own so the target ledger can take it over. */
ZbTargetStatus zb_workbook_target_status (ZbFigure *figure,
                                          double   *gap);
const char    *zb_target_status_to_string (ZbTargetStatus status,
                                           const char    *language);

/* Writes one workbook for @reports (a GPtrArray of ZbReport) to a temporary
 * file next to @path and renames it into place: on failure @path is
 * untouched and no temporary file is left behind. */
gboolean       zb_workbook_export (GPtrArray               *reports,
                                   const ZbWorkbookOptions *options,
                                   const char              *path,
                                   GError                 **error);

G_END_DECLS
