/* zb-i18n-private.h — one rule for the language of exported text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gi18n-lib.h>

G_BEGIN_DECLS

/* Workbooks and charts are made for a meeting, not for the clerk's desktop:
 * "zh…" gives the Chinese text, any other language the English one, and
 * NULL follows the UI language through gettext. */
static inline const char *
zb_i18n_pick (const char *language,
              const char *en,
              const char *zh)
{
  if (language != NULL && g_str_has_prefix (language, "zh"))
    return zh;
  if (language != NULL)
    return en;
  return g_dgettext (GETTEXT_PACKAGE, en);
}

G_END_DECLS
