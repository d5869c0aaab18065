/* zb-section.h — one node of a report's outline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ZB_TYPE_SECTION (zb_section_get_type ())
G_DECLARE_FINAL_TYPE (ZbSection, zb_section, ZB, SECTION, GObject)

ZbSection  *zb_section_new             (int         id,
                                        int         parent,
                                        guint       level,
                                        const char *number,
                                        const char *title,
                                        guint       line,
                                        gsize       text_offset);
int         zb_section_get_id          (ZbSection *self);
int         zb_section_get_parent      (ZbSection *self);  /* -1 at top level */
guint       zb_section_get_level       (ZbSection *self);  /* 1 at top level */
const char *zb_section_get_number      (ZbSection *self);  /* NULL when unnumbered */
const char *zb_section_get_title       (ZbSection *self);
guint       zb_section_get_line        (ZbSection *self);
gsize       zb_section_get_text_offset (ZbSection *self);
/* "一、产品质量" — number and title as a clerk reads them */
char       *zb_section_dup_label       (ZbSection *self);

G_END_DECLS
