/* zb-workbook.h — the Excel workbook a clerk carries into the meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zb-figure.h"

G_BEGIN_DECLS

#include "zb-comparison.h"
#include "zb-ledger.h"

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
  /* targets, gaps and status: a ledger that @reports were added to (with
   * the clerk's typed targets and aliases); NULL: one is built from them */
  ZbLedger     *ledger;
  /* A comparison (zb-comparison.h) makes the workbook the comparison's: its
   * Compare sheet, then the Details and Corrections of @reports (its
   * columns' reports); @ledger is not used, each column has its own. */
  ZbComparison *comparison;
  /* NULL-terminated: the indicators (any alias) the Compare sheet draws a
   * line chart of; NULL: those with a growth in most columns, up to 8 */
  const char * const *chart_indicators;
} ZbWorkbookOptions;

/* Summary and targets sheets and the chart take target, gap, status,
 * completion against 序时进度 and conflicts from zb_ledger_assess(); the
 * status words are zb_status_to_label()'s in the sheet language. */

/* Writes one workbook for @reports (a GPtrArray of ZbReport) to a temporary
 * file next to @path and renames it into place: on failure @path is
 * untouched and no temporary file is left behind. */
gboolean zb_workbook_export (GPtrArray               *reports,
                             const ZbWorkbookOptions *options,
                             const char              *path,
                             GError                 **error);

G_END_DECLS
