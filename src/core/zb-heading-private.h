/* zb-heading-private.h — numbering styles of headings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  ZB_HEADING_STYLE_NONE,
  ZB_HEADING_STYLE_TITLE,      /* unnumbered: 前言, a speech's title */
  ZB_HEADING_STYLE_CHAPTER,    /* 第一章 */
  ZB_HEADING_STYLE_PART,       /* 第一部分 */
  ZB_HEADING_STYLE_SECTION,    /* 第一节 */
  ZB_HEADING_STYLE_CN,         /* 一、 */
  ZB_HEADING_STYLE_ORDINAL,    /* 第一， 第一个问题： */
  ZB_HEADING_STYLE_CN_PAREN,   /* （一） (一) */
  ZB_HEADING_STYLE_AR_DOT,     /* 1. */
  ZB_HEADING_STYLE_AR_DUN,     /* 1、 */
  ZB_HEADING_STYLE_AR_PAREN,   /* （1） */
  ZB_HEADING_STYLE_CIRCLED,    /* ① */
  ZB_HEADING_STYLE_MARKDOWN,   /* # … ###### (level in md_level) */
} ZbHeadingStyle;

typedef struct {
  ZbHeadingStyle style;
  guint          md_level;
  /* byte offsets relative to the line's start */
  guint32        number_start;
  guint32        number_end;
  guint32        title_start;
  guint32        title_end;
} ZbHeadingMatch;

/* Does a (trimmed, normalised) line read as a numbered heading? A numbered
 * item that runs on for several sentences is body text, not a heading. */
gboolean zb_heading_match           (const char     *line,
                                     gsize           len,
                                     ZbHeadingMatch *match);
/* Only the numbering token, without judging the rest of the line. */
gboolean zb_heading_match_number    (const char     *line,
                                     gsize           len,
                                     ZbHeadingMatch *match);
gboolean zb_heading_is_known_title  (const char     *compact);
gboolean zb_heading_is_front_matter (const char     *compact);

G_END_DECLS
