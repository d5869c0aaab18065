/* zb-vocab-private.h — the words the inline phase knows, as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *word;
  int         value;   /* meaning depends on the table: a sign, a flag, a month… */
} ZbWord;

typedef enum {
  ZB_UNIT_LEVEL,       /* 亿元, 家, 批次: a quantity */
  ZB_UNIT_PERCENT,     /* %: a share or a change */
  ZB_UNIT_PP,          /* 个百分点 */
  ZB_UNIT_TIMES,       /* 倍 */
} ZbUnitClass;

typedef struct {
  const char  *word;     /* as matched in the normalised text */
  const char  *unit;     /* as reported */
  ZbUnitClass  klass;
} ZbUnit;

extern const ZbUnit zb_units[];
extern const guint  zb_n_units;

/* Change verbs: value is the sign (+1, -1, 0 for 持平). */
extern const ZbWord zb_change_verbs[];
extern const guint  zb_n_change_verbs;
/* Comparisons that make a gap: value is the sign. */
extern const ZbWord zb_gap_verbs[];
extern const guint  zb_n_gap_verbs;
/* What a gap is measured against: value 1 target, 2 schedule, 3 benchmark. */
extern const ZbWord zb_references[];
extern const guint  zb_n_references;
/* Words that make a sentence a goal: value 1 strong (目标, 力争), 2 weak (要, 预计). */
extern const ZbWord zb_target_cues[];
extern const guint  zb_n_target_cues;
/* Phrases that hold a cue word but set no goal. */
extern const ZbWord zb_target_noncues[];
extern const guint  zb_n_target_noncues;
/* Words after a target's number. */
extern const ZbWord zb_qualifiers[];
extern const guint  zb_n_qualifiers;
/* Words that end a progress phrase: 完成年度目标任务的 51%. */
extern const ZbWord zb_progress_cues[];
extern const guint  zb_n_progress_cues;
/* Period words (value unused; the full label is kept as written). */
extern const ZbWord zb_period_words[];
extern const guint  zb_n_period_words;
/* Stripped from the front of a name: regions, connectors. */
extern const ZbWord zb_name_prefixes[];
extern const guint  zb_n_name_prefixes;
/* Stripped from the end of a name: verbs and fillers before the figure. */
extern const ZbWord zb_name_suffixes[];
extern const guint  zb_n_name_suffixes;
/* Areas whose figures are benchmarks, not the report's own. */
extern const ZbWord zb_areas[];
extern const guint  zb_n_areas;

/* Words that end an indicator's name: 固定资产投资, 地区生产总值. */
extern const ZbWord zb_indicator_heads[];
extern const guint  zb_n_indicator_heads;

/* Between a verb and its number: 增长了, 分别为, 达到 */
extern const ZbWord zb_fillers[];
extern const guint  zb_n_fillers;
/* After a goal word, these report what was done: 计划…已完成 */
extern const ZbWord zb_done_markers[];
extern const guint  zb_n_done_markers;
/* Verbs and periods dropped from inside a name: 全口径实现营业收入 */
extern const ZbWord zb_name_inner[];
extern const guint  zb_n_name_inner;
/* Words naming a rate of an indicator; value 1 for a growth rate (增速) */
extern const ZbWord zb_rate_words[];
extern const guint  zb_n_rate_words;
/* Heads a list of names shares: 电子、机械、食品产业年产值 (longest first) */
extern const ZbWord zb_shared_tails[];
extern const guint  zb_n_shared_tails;
/* Verbs that look like growth but count something new: 新增 */
extern const ZbWord zb_nonchange_verbs[];
extern const guint  zb_n_nonchange_verbs;

typedef struct {
  const char *alias;
  const char *indicator;
} ZbAlias;

extern const ZbAlias zb_aliases[];
extern const guint   zb_n_aliases;

/* The longest word of a table that starts at s (NULL if none). */
const ZbWord *zb_vocab_match_at      (const ZbWord *table,
                                      guint         n,
                                      const char   *s,
                                      const char   *end);
/* The longest word of a table that ends exactly at end, starting at or after start. */
const ZbWord *zb_vocab_match_before  (const ZbWord *table,
                                      guint         n,
                                      const char   *start,
                                      const char   *end);
const ZbUnit *zb_vocab_unit_at       (const char   *s,
                                      const char   *end);
const char   *zb_vocab_indicator_for (const char   *name);

G_END_DECLS
