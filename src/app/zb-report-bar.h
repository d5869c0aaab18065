/* zb-report-bar.h — the header's view of a report: its year and region, and how many figures are left to review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "zb-pane.h"

G_BEGIN_DECLS

#define ZB_TYPE_REPORT_BAR (zb_report_bar_get_type ())
G_DECLARE_FINAL_TYPE (ZbReportBar, zb_report_bar, ZB, REPORT_BAR, ZbPane)

/* "review-only": the "N to review" button's state, which the window binds
 * to the figure table's filter. */
gboolean     zb_report_bar_get_review_only (ZbReportBar  *self);
void         zb_report_bar_set_review_only (ZbReportBar  *self,
                                            gboolean      review_only);
/* What the form gives: the year and region typed, checked; FALSE with the
 * reason shown under it (and in @error) when the year is none. */
gboolean     zb_report_bar_submit          (ZbReportBar  *self,
                                            GError      **error);

/* For tests: the label of the review button ("3 to review"), the place's label. */
const char  *zb_report_bar_get_review_text (ZbReportBar  *self);
const char  *zb_report_bar_get_place_text  (ZbReportBar  *self);
GtkPopover  *zb_report_bar_get_place_popover (ZbReportBar *self);

G_END_DECLS
