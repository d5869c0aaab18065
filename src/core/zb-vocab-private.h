/* zb-vocab-private.h — the words the parser knows, compiled from vocab/
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every table of src/core/vocab is one kind (ZbVocabKind, generated). All
 * their words sit in one byte trie read both ways, so a lookup is a single
 * walk whatever the table, and a lexer can ask every kind at once.
 */
#pragma once

#include <glib.h>
#include <string.h>

#include "zb-vocab-kinds.h"

G_BEGIN_DECLS

typedef struct {
  const char *word;
  const char *text;    /* units: the unit as reported; indicators: the canonical name */
  gint8       value;   /* by table: a sign, a unit class, a reference, a mood … */
  gint8       scope;   /* cues: how far the mood reaches (ZbCueScope) */
} ZbWord;

typedef enum {
  ZB_UNIT_LEVEL,       /* 亿元, 家, 批次: a quantity */
  ZB_UNIT_PERCENT,     /* %: a share or a change */
  ZB_UNIT_PP,          /* 个百分点 */
  ZB_UNIT_TIMES,       /* 倍 */
} ZbUnitClass;

typedef enum {
  ZB_REF_TARGET = 1,
  ZB_REF_SCHEDULE,
  ZB_REF_BENCHMARK,
} ZbRefKind;

typedef enum {
  ZB_MOOD_GOAL = 1,    /* 目标, 力争, 确保 */
  ZB_MOOD_MODAL,       /* 要, 保 */
  ZB_MOOD_ESTIMATE,    /* 预计: a goal only for a period still to come */
  ZB_MOOD_FRAME,       /* 主要预期目标是: opens a frame over what follows */
} ZbMood;

typedef enum {
  ZB_SECTION_FRONT = 1,  /* 前言, 摘要 */
  ZB_SECTION_BACK,       /* 附件, 结束语 */
  ZB_SECTION_CONTENTS,   /* 目录 */
  ZB_SECTION_CAPTION,    /* 表, 图: a caption's first word */
} ZbSectionWord;

typedef enum {
  ZB_REGION_SUFFIX = 1,  /* 某县 */
  ZB_REGION_OFFICE,      /* 县长 */
  ZB_REGION_DEICTIC,     /* 全县, 我县 */
  ZB_REGION_LEAD,        /* 关于某县 */
} ZbRegionWord;

typedef enum {
  ZB_SCOPE_CLAUSE,     /* the cue's own clause */
  ZB_SCOPE_SENTENCE,   /* the rest of the sentence */
  ZB_SCOPE_PARAGRAPH,  /* the rest of the paragraph, until a report closes it */
} ZbCueScope;

/* The trie, as gen-vocab.py writes it: one step a character; the root's
 * children hashed by their character's low bits. */
#define ZB_VOCAB_ROOT_BUCKETS 4096
/* below: the kinds (bits) of the words at or below the node */
typedef struct { guint32 edges; guint16 n_edges; guint32 hits; guint16 n_hits; guint64 below; } ZbVocabNode;
typedef struct { guint32 c; guint32 child; } ZbVocabEdge;
typedef struct { guint8 kind; guint16 index; } ZbVocabHit;
typedef struct { guint32 start; guint32 n; } ZbVocabSpan;
typedef struct {
  const ZbVocabNode *nodes;
  const ZbVocabEdge *edges;
  const ZbVocabHit  *hits;
  const ZbVocabEdge *root_edges;
  const ZbVocabSpan *root;
} ZbVocabTrie;

extern const ZbWord *const zb_vocab_tables[ZB_VOCAB_N_KINDS];
extern const guint         zb_vocab_sizes[ZB_VOCAB_N_KINDS];
extern const ZbVocabTrie   zb_vocab_forward;
#define ZB_VOCAB_FILTER_BITS  4096
extern const guint8        zb_vocab_first_chars[ZB_VOCAB_N_KINDS][ZB_VOCAB_FILTER_BITS / 8];
extern const guint8        zb_vocab_last_chars[ZB_VOCAB_N_KINDS][ZB_VOCAB_FILTER_BITS / 8];
extern const ZbVocabTrie   zb_vocab_backward;

/* May a word of the kind start with the character c? (A filter: TRUE may be wrong, FALSE is not.) */
static inline gboolean
zb_vocab_may_start (ZbVocabKind kind,
                    gunichar    c)
{
  guint h = c & (ZB_VOCAB_FILTER_BITS - 1);
  return (zb_vocab_first_chars[kind][h >> 3] >> (h & 7)) & 1;
}

/* The longest word of a kind that starts at s (NULL if none). */
const ZbWord *zb_vocab_at            (ZbVocabKind  kind,
                                      const char  *s,
                                      const char  *end);
/* The longest word of a kind that ends exactly at end, starting at or after start. */
const ZbWord *zb_vocab_before        (ZbVocabKind  kind,
                                      const char  *start,
                                      const char  *end);
/* Is [s, end) exactly a word of the kind? */
const ZbWord *zb_vocab_lookup        (ZbVocabKind  kind,
                                      const char  *s,
                                      gsize        len);
/* The longest word of any kind in the mask starting at s; its kind in *kind. */
const ZbWord *zb_vocab_at_any        (guint64      kinds,
                                      const char  *s,
                                      const char  *end,
                                      ZbVocabKind *kind);
/* The first word of a kind in [s, end) (its start in *at), or NULL. */
const ZbWord *zb_vocab_find          (ZbVocabKind  kind,
                                      const char  *s,
                                      const char  *end,
                                      const char **at);
/* The word of a kind a NUL-terminated string ends with, or NULL. */
static inline const ZbWord *
zb_vocab_suffix (ZbVocabKind  kind,
                 const char  *str)
{
  return str != NULL ? zb_vocab_before (kind, str, str + strlen (str)) : NULL;
}
/* The word of a kind a NUL-terminated string starts with, or NULL. */
static inline const ZbWord *
zb_vocab_prefix (ZbVocabKind  kind,
                 const char  *str)
{
  return str != NULL ? zb_vocab_at (kind, str, str + strlen (str)) : NULL;
}

/* The canonical indicator a name stands for (NULL when the lexicon has none). */
const char   *zb_vocab_indicator_for (const char  *name);

#define ZB_VOCAB_BIT(kind) (G_GUINT64_CONSTANT (1) << (kind))

G_END_DECLS
