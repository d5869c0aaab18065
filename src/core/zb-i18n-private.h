/* zb-i18n-private.h — one rule for the language of exported text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gi18n-lib.h>

G_BEGIN_DECLS

/* Workbooks and charts are made for a meeting, not for the clerk's desktop:
 * their language is chosen on its own ("zh_CN", "en"), whatever the UI's.
 * The translation comes from the same catalog as the UI's, po/zh_CN.po,
 * compiled into the library (zb-i18n.c): "en" (or any language without a
 * catalog) gives @msgid, "zh…" the Chinese, and NULL follows the UI
 * language through gettext. Mark @msgid with N_(). Thread-safe. */
const char *zb_i18n_gettext (const char *language,
                             const char *msgid);

G_END_DECLS
