/* zb-inline-private.h — the inline phase's grammar, shared by its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A paragraph is read as sentences (。！？) of clauses (，；：). Each rule of
 * the grammar is a named function with its examples in
 * tests/unit/inline-cases.txt:
 *
 *   zb-inline-period.c   periods as written (1-9月, 上半年, 2023年)
 *   zb-inline-mention.c  mentions: a number or a list of numbers with a unit,
 *                        and its role from the words before it (a change
 *                        after 增长, a gap after 高于全省, a progress …)
 *   zb-inline-name.c     names as noun phrases: what a mention measures
 *   zb-inline-mood.c     moods: whether a clause reports or sets a goal, from
 *                        cues whose scope is data (vocab/cues.txt)
 *   zb-inline-table.c    tables: a figure a row, columns read from the header
 *   zb-inline.c          sentences and clauses; mentions into figures
 */
#pragma once

#include "zb-figure.h"
#include "zb-parser-private.h"
#include "zb-vocab-private.h"

G_BEGIN_DECLS

/* How far a rule looks back (or ahead) from a mention, in bytes: a clause of
 * a megabyte must not make any rule quadratic. A sentence's words further
 * away than this say nothing about a figure. */
#define ZB_INLINE_REACH 600
/* How far a name, a rank or a goal after a number may run. */
#define ZB_INLINE_NEAR  120

/* The start of [start, pos) a rule may look at. */
static inline gsize
zb_inline_reach_back (const char *s,
                      gsize       start,
                      gsize       pos)
{
  gsize p = pos > start + ZB_INLINE_REACH ? pos - ZB_INLINE_REACH : start;
  while (p < pos && ((guchar) s[p] & 0xC0) == 0x80)
    p++;
  return p;
}

/* The end of [pos, end) a rule may look at, at a character's boundary. */
static inline gsize
zb_inline_reach_ahead (const char *s,
                       gsize       pos,
                       gsize       end,
                       gsize       reach)
{
  gsize p = end > pos + reach ? pos + reach : end;
  while (p > pos && p < end && ((guchar) s[p] & 0xC0) == 0x80)
    p--;
  return p;
}

typedef enum {
  ZB_ROLE_LEVEL,
  ZB_ROLE_CHANGE,
  ZB_ROLE_GAP,
  ZB_ROLE_PROGRESS,
  ZB_ROLE_BASE,
  ZB_ROLE_REFVALUE,   /* 比目标(9.0%), 高于全国(6.8%): the reference's own figure */
  ZB_ROLE_SKIP,
} ZbRole;

typedef struct {
  gsize         start;       /* first byte of the number (or of 百分之) */
  gsize         end;         /* after the unit (and qualifier) */
  ZbNumber      number;
  const ZbWord *unit;        /* a ZB_VOCAB_UNITS word */
  const char   *qualifier;
  ZbRole        role;
  int           sign;
  gsize         cue_start;   /* where the verb or cue before the number starts */
  int           list_index;
  int           list_len;
  const char   *reference;   /* gaps: target, schedule or benchmark */
  gsize         area_start;  /* gaps and benchmark figures: 全国 in 高于全国2个百分点 */
  gsize         area_end;
  gboolean      range;       /* 1—2家: the low end is kept */
  gboolean      reached;     /* 提高到40%: the level reached, not a change */
  gboolean      completion_rate; /* 开工率62%: a progress named by its rate */
  gboolean      in_quotes;   /* “保5争6” */
} ZbMention;

/* What the mood rules decided for one mention. */
typedef enum {
  ZB_GOAL_NONE,
  ZB_GOAL_CLAUSE,     /* a cue in the mention's own clause */
  ZB_GOAL_SENTENCE,   /* a cue earlier in the sentence */
  ZB_GOAL_FRAME,      /* a frame opened earlier in the paragraph */
  ZB_GOAL_AFTER,      /* 增长5%的目标 */
  ZB_GOAL_PERIOD,     /* a period still to come: 全年…新增20户以上, said in July */
} ZbGoalScope;

typedef struct _ZbInlineContext ZbInlineContext;

struct _ZbInlineContext
{
  const ZbSource *source;
  int             section;
  char           *section_period;
  GPtrArray      *section_periods; /* by section id: its period, or its parent's */
  char           *paragraph_period; /* the last period the section's text said */
  guint           paragraph_period_level; /* the level of the section that said it */
  guint           section_level; /* 1 for 一、, 2 for （一）…; 0 before any */
  gboolean        section_goal;  /* 二、2025年主要目标: the section sets goals */
  guint8          latest_month;  /* the last month reported as done so far */
  int             now_year;      /* the report's date, from its dateline; 0 unknown */
  guint8          now_month;
  int             subject_year;  /* the year its title speaks of: 2024年统计公报 */
  int             own_level;     /* the level of its own area (vocab/areas.txt), 0 unknown */
  /* per paragraph */
  char           *last_name;
  char           *period;
  gboolean        frame;         /* a goal frame is open: 主要预期目标是：… */
};

/* Cues of one sentence, found once as its clauses are read. */
typedef struct {
  gsize         pos;
  gsize         end;
  const ZbWord *word;
} ZbCue;

typedef struct {
  ZbInlineContext *ctx;
  const ZbBlock   *block;
  ZbJoined        *joined;
  const char      *s;             /* the joined text */
  GPtrArray       *figures;
  ZbFigure        *open;          /* the last figure, a nameless change may join it */
  GPtrArray       *pending;       /* the sentence's levels still without a change (not owned) */
  GArray          *topics;        /* gsize pairs: clauses without a figure, their subject unread */
  char            *counted;       /* what the sentence's last count counts: 重点项目 */
  char            *list_names;    /* the names of the sentence's last 分别 list */
  const char      *share_word;    /* the paragraph's shares are 占比s: its last level's word */
  gsize            open_sentence;
  gsize            open_start;    /* its quote's start and its number, in the joined text */
  gsize            open_number;
  guint            clause_index;  /* clauses read in this paragraph */
  guint            open_clause;
  guint            last_clause_mentions;
  /* the sentence being read */
  gsize            sentence_start;
  gsize            sentence_end;
  GArray          *cues;          /* of ZbCue, the sentence's goal cues */
  gsize            cues_scanned;
  char            *period_found;  /* the last period of the sentence read so far */
  GArray          *clause_periods; /* gsize pairs: where the clause's periods stand */
  guint            period_next;   /* the first of them not yet read */
  gsize            clause_flat;   /* where the clause's flat word (持平) stands, or G_MAXSIZE */
  gsize            period_scanned;
} ZbReader;

/* zb-inline-period.c */
gboolean   zb_inline_may_start_period (const char *s,
                                       gsize       avail);
gsize      zb_inline_match_period   (const char *s,
                                     gsize       pos,
                                     gsize       end);
char      *zb_inline_period_scan    (const char *s,
                                     gsize       start,
                                     gsize       pos,
                                     char       *found);
char      *zb_inline_period_before  (ZbReader   *r,
                                     gsize       pos);
gboolean   zb_inline_period_is_past (ZbInlineContext *ctx,
                                     const char      *label);
gboolean   zb_inline_period_is_future (ZbInlineContext *ctx,
                                       const char      *label);
gboolean   zb_inline_period_is_ahead (ZbInlineContext *ctx,
                                      const char      *label);

/* zb-inline-mention.c */
void       zb_inline_find_mentions  (const char *s,
                                     gsize       cs,
                                     gsize       ce,
                                     GArray     *out,
                                     GArray     *periods,
                                     gsize      *flat);
void       zb_inline_classify       (const char      *s,
                                     gsize            clause_start,
                                     gsize            left_start,
                                     ZbMention       *m,
                                     const ZbMention *prev);
gboolean   zb_inline_is_object      (const char      *s,
                                     gsize            cs,
                                     const ZbMention *m,
                                     gsize            ce);
gboolean   zb_inline_is_modifier    (const char      *s,
                                     const ZbMention *m,
                                     gsize            ce);
gsize      zb_inline_skip_filler_back (const char *s,
                                       gsize       start,
                                       gsize       pos);
int        zb_inline_rank_after     (const char *s,
                                     gsize       pos,
                                     gsize       ce,
                                     gsize       sentence_end);
gboolean   zb_inline_in_brackets    (const char *s,
                                     gsize       cs,
                                     gsize       pos);
gboolean   zb_inline_bracket_holds  (const char  *s,
                                     gsize        cs,
                                     gsize        pos,
                                     ZbVocabKind  kind,
                                     int          value);

/* zb-inline-name.c */
char      *zb_inline_clean_name     (const char *s,
                                     gsize       start,
                                     gsize       end);
char      *zb_inline_name_after     (const char *s,
                                     gsize       pos,
                                     gsize       ce);
char      *zb_inline_shorten_name   (char       *name);
gboolean   zb_inline_names_indicator (const char *name);
gboolean   zb_inline_is_rate_word   (const char *name);
gboolean   zb_inline_is_bare_word   (const char *name);
gboolean   zb_inline_ends_like_verb (const char *name);
const char *zb_inline_find_share    (const char *s,
                                     gsize       start,
                                     gsize       end,
                                     gsize      *whole);
gboolean   zb_inline_names_share    (const char *name);
gboolean   zb_inline_same_indicator (const char *a,
                                     const char *b);
GPtrArray *zb_inline_split_names    (const char *name,
                                     guint       wanted);
char      *zb_inline_topic          (const char *s,
                                     gsize       cs,
                                     gsize       ce);

/* zb-inline-mood.c */
void        zb_inline_mood_sentence (ZbReader   *r);
ZbGoalScope zb_inline_goal          (ZbReader        *r,
                                     gsize            clause_start,
                                     const ZbMention *m,
                                     gsize            clause_end,
                                     const char      *period,
                                     gboolean         period_written);
void        zb_inline_mood_clause_done (ZbReader *r,
                                        gsize     cs,
                                        gsize     ce);
gboolean    zb_inline_of_goal       (const char *s,
                                     gsize       pos,
                                     gsize       end);
gboolean    zb_inline_opens_frame   (const char *s,
                                     gsize       start,
                                     gsize       end);
const char *zb_inline_whole_year    (void);
gboolean    zb_inline_introduces    (const char *s,
                                     gsize       pos,
                                     gsize       end);

/* text helpers */
gunichar   zb_inline_char_before    (const char *s,
                                     gsize       start,
                                     gsize       pos);
gsize      zb_inline_trim_end       (const char *s,
                                     gsize       start,
                                     gsize       end);

/* Rule table-rows (zb-inline-table.c). */
void       zb_inline_parse_table    (const ZbSource *src,
                                     const ZbBlock  *block,
                                     const char     *period,
                                     GPtrArray      *figures);

G_END_DECLS
