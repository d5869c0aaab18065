/* zb-pdf.h — PDF reader (poppler)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zb-source.h"

G_BEGIN_DECLS

/* The text layer page by page in reading order, one line per text line, a
 * blank line where the vertical gap between lines shows a new paragraph and
 * between pages. Page furniture is left to the block phase. Each line's
 * locator is "p. 3, line 12". A PDF without a text layer (a scan) or with a
 * password is refused with a clear message. */
ZbSource *zb_pdf_import (GBytes        *bytes,
                         const char    *path,
                         GCancellable  *cancellable,
                         GError       **error);

G_END_DECLS
