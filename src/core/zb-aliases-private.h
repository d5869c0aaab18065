/* zb-aliases-private.h — the alias table shipped with Zhibiao
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *alias;
  const char *canonical;
} ZbAlias;

extern const ZbAlias zb_default_aliases[];
extern const guint   zb_n_default_aliases;

G_END_DECLS
