/* zb-figure-index.h — which fresh figure a stored one is, when a report is imported again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-report.h"

G_BEGIN_DECLS

/* Figures keyed by their extracted name and quote, in document order, so
 * that the n-th stored figure of a key matches the n-th fresh one. */
typedef struct _ZbFigureIndex ZbFigureIndex;

ZbFigureIndex *zb_figure_index_new         (GPtrArray     *figures);
void           zb_figure_index_free        (ZbFigureIndex *self);
/* The next figure of the index with @figure's key, NULL when none is left. */
ZbFigure      *zb_figure_index_take        (ZbFigureIndex *self,
                                            ZbFigure      *figure);
/* A figure whose loss would lose the clerk's work: corrected or made by hand. */
gboolean       zb_figure_index_is_precious (ZbFigure      *figure);
/* A hand-made figure whose quote is still in @report's text, made again
 * there (and inserted in document order); NULL when it cannot be. */
ZbFigure      *zb_figure_index_remake      (ZbReport      *report,
                                            ZbFigure      *old);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbFigureIndex, zb_figure_index_free)

G_END_DECLS
