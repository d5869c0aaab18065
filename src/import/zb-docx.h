/* zb-docx.h — Word .docx reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zb-source.h"

G_BEGIN_DECLS

/* Turns word/document.xml into text for the block phase: one paragraph per
 * line and a blank line between paragraphs; heading styles and outline
 * levels without a written number become Markdown headings ("# ", "## "…);
 * automatic numbering is written out; a table row is one line of
 * TAB-separated cells. Footnotes, headers and footers are not read. Each
 * line's locator names its paragraph ("paragraph 12") or table row
 * ("table 2, row 3"), counted over the document body. */
ZbSource *zb_docx_import (GBytes        *bytes,
                          const char    *path,
                          GCancellable  *cancellable,
                          GError       **error);

G_END_DECLS
