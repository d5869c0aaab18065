/* zb-inline.c — placeholder, replaced by the inline phase */
#include "zb-parser-private.h"

struct _ZbInlineContext { const ZbSource *source; int section; };

ZbInlineContext *zb_inline_context_new (const ZbSource *source)
{ ZbInlineContext *c = g_new0 (ZbInlineContext, 1); c->source = source; return c; }
void zb_inline_context_free (ZbInlineContext *ctx) { g_free (ctx); }
void zb_inline_set_section (ZbInlineContext *ctx, int section, const char *title) { ctx->section = section; }
void zb_inline_parse_block (ZbInlineContext *ctx, const ZbBlock *block, GPtrArray *figures) { }
