/* zb-parser-private.h — the two parsing phases over one normalised buffer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-report.h"
#include "zb-source.h"

G_BEGIN_DECLS

typedef enum {
  ZB_BLOCK_PARAGRAPH,
  ZB_BLOCK_HEADING,
  ZB_BLOCK_TABLE,
} ZbBlockType;

/* A piece of a block's text: a range of norm. A paragraph split across a
 * page break has several pieces; the inline phase reads them joined. */
typedef struct {
  guint32 start;
  guint32 end;
} ZbPiece;

typedef struct {
  ZbBlockType type;
  guint       line;        /* 1-based line of the first piece */
  GArray     *pieces;      /* of ZbPiece */
  /* headings */
  int         section;     /* the section this block opens (headings) or belongs to */
  int         style;       /* ZbHeadingStyle */
  guint       md_level;
  char       *number;
  char       *title;
  /* tables: rows of cells; each cell is a ZbPiece */
  GPtrArray  *rows;        /* of GArray of ZbPiece */
} ZbBlock;

void       zb_block_free      (ZbBlock *block);

/* Block phase: lines → headings, paragraphs and tables; drops the table of
 * contents and page furniture, joins sentences split across pages. */
GPtrArray *zb_blocks_parse    (const ZbSource *source);

/* Joined text of a block with a map back to norm offsets. */
typedef struct {
  GString *str;
  GArray  *map;   /* guint32 norm offset for each byte of str, plus one */
} ZbJoined;

void       zb_joined_init     (ZbJoined       *joined,
                               const ZbSource *source,
                               const ZbPiece  *pieces,
                               guint           n_pieces);
void       zb_joined_clear    (ZbJoined       *joined);

/* Inline phase: the figures of one paragraph (or table), appended to figures. */
typedef struct _ZbInlineContext ZbInlineContext;

ZbInlineContext *zb_inline_context_new  (const ZbSource *source);
void             zb_inline_context_free (ZbInlineContext *ctx);
void             zb_inline_set_section  (ZbInlineContext *ctx,
                                         int              section,
                                         int              parent,
                                         guint            level,
                                         const char      *title);
void             zb_inline_parse_block  (ZbInlineContext *ctx,
                                         const ZbBlock   *block,
                                         GPtrArray       *figures);

/* Both phases: fills the report's sections and figures. */
gboolean   zb_parse_source    (ZbReport       *report,
                               ZbSource       *source,
                               GCancellable   *cancellable,
                               GError        **error);

G_END_DECLS
