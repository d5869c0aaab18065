/* zb-targets-view.h — the targets of the open report and of the workspace, and a form to type one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "zb-pane.h"
#include "zb-ledger.h"

G_BEGIN_DECLS

#define ZB_TYPE_TARGETS_VIEW (zb_targets_view_get_type ())
G_DECLARE_FINAL_TYPE (ZbTargetsView, zb_targets_view, ZB, TARGETS_VIEW, ZbPane)

GtkWidget *zb_targets_view_new          (void);
/* A pane: it lists its document's ledger, and gives the document what is
 * typed (zb_document_set_target, zb_document_add_alias). */
/* Lists the ledger's targets, conflicts marked; NULL empties the list. */
void       zb_targets_view_set_ledger   (ZbTargetsView *self,
                                         ZbLedger      *ledger);
/* Checks the form's text and, when it reads, gives the document the target; else
 * returns FALSE with the reason, which the form also shows. */
gboolean   zb_targets_view_submit       (ZbTargetsView *self,
                                         GError       **error);
/* The same for the alias form. */
gboolean   zb_targets_view_submit_alias (ZbTargetsView *self,
                                         GError       **error);

/* Target text for people: "7%以上", "1200 亿元左右"… */
char      *zb_targets_view_format_target (const ZbTarget *target);
/* Where a target comes from: the quote and line of its figure, or the workspace. */
char      *zb_targets_view_describe_source (const ZbTarget *target);

G_END_DECLS
