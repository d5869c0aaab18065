/* zb-workbook-private.h — what the workbook's sheets share across files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <xlsxwriter.h>

#include "zb-comparison.h"

G_BEGIN_DECLS

/* Display width in Excel character units: a Han character counts double. */
guint     _zb_workbook_display_width (const char *text);

/* @text as a cell may hold it: cleaned of what XML 1.0 has no place for,
 * cut at Excel's length; @owned receives what to free (or NULL). */
const char *_zb_workbook_cell_text   (const char *text,
                                      char      **owned);

/* zb-workbook-compare.c: adds the Compare sheet of @comparison to @wb —
 * indicators × reports, block by block (value, unit, growth, target, gap,
 * status, ranks), status as conditional formats, and a native line chart
 * of each of @indicators (NULL: chosen as ZbWorkbookOptions says). Its
 * numbers are numbers, a corrected one tinted with its original in a
 * comment. The first libxlsxwriter error, LXW_NO_ERROR when none. */
lxw_error _zb_workbook_add_compare  (lxw_workbook        *wb,
                                     ZbComparison        *comparison,
                                     const char          *language,
                                     const char * const  *indicators,
                                     GCancellable        *cancellable);

G_END_DECLS
