/* zb-inline.c — the inline phase: sentences and clauses into figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A paragraph is read sentence by sentence (。！？；) and clause by clause
 * (，：；). A clause's mentions are found first (zb-inline-mention.c); each
 * then gets its role, its name (zb-inline-name.c), its period and its mood
 * (zb-inline-mood.c), and becomes a figure — or joins one: a level and the
 * change after it, in one clause or the next, are one figure. What a clause
 * says without a number still counts: its subject carries on to the next
 * clause (全市固定资产投资保持较快增长,前三季度增长10.6%).
 */
#include "zb-inline-private.h"
#include "zb-period.h"
#include "zb-text-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* One clause as it is read: where the next name may start, the figure its
 * mentions so far made, and what a 分别 list shares. */
typedef struct {
  ZbReader  *r;
  gsize      cs;
  gsize      ce;
  gsize      left_start;
  ZbFigure  *figure;        /* the last figure made by a level or change here */
  char      *list_name;     /* 分别: the names of the list */
  ZbNumber   ref_target;    /* 比目标(9.0%): the target inside a gap */
  guint      emitted;       /* mentions that made or joined a figure */
  gboolean   bracket_goal;  /* (市下任务…): the goal of the clause's subject */
  ZbEvidence evidence;      /* what the mention being read had to guess */
} ZbClause;

static void
set_source (ZbReader *r,
            ZbFigure *f,
            gsize     start,
            gsize     end,
            gsize     number_at)
{
  const ZbSource *src = r->ctx->source;
  guint32 *map = (guint32 *) (void *) r->joined->map->data;
  gsize t0 = zb_source_text_offset (src, map[start]);
  gsize t1 = zb_source_text_offset (src, end > start ? map[end - 1] + 1 : map[end]);
  gsize tn = zb_source_text_offset (src, map[number_at]);
  const char *nl;
  g_autofree char *quote = NULL;

  /* a quote that crosses a page break is cut at the line end of its start */
  if (t1 < t0)
    t1 = t0;
  nl = memchr (src->text + t0, '\n', t1 - t0);
  if (nl != NULL)
    {
      if ((gsize) (nl - src->text) > tn)
        t1 = nl - src->text;
      else
        t0 = tn, t1 = MAX (t1, tn);
    }
  nl = memchr (src->text + t0, '\n', t1 - t0);
  if (nl != NULL)
    t1 = nl - src->text;
  /* extend the end over a multi-byte character's tail */
  while (t1 < src->text_len && (src->text[t1] & 0xC0) == 0x80)
    t1++;
  quote = g_strndup (src->text + t0, t1 - t0);
  zb_figure_set_source (f, r->block->section, zb_source_line_at (src, tn),
                        zb_source_orig_offset (src, tn), t0, t1 - t0, quote);
}

static ZbFigure *
new_figure (ZbReader     *r,
            ZbFigureKind  kind,
            const char   *name,
            const char   *period)
{
  ZbFigure *f = zb_figure_new (kind, name);

  zb_figure_set_indicator (f, zb_vocab_indicator_for (name));
  zb_figure_set_period (f, period);
  g_ptr_array_add (r->figures, f);
  return f;
}

/* The subject of the paragraph so far. The subjects of clauses without a
 * figure are read only when a later figure needs one (most never do): the
 * latest of them that names something wins over the last figure's name. */
static const char *
subject (ZbReader *r)
{
  ZbInlineContext *ctx = r->ctx;

  while (r->topics->len > 0)
    {
      gsize n = r->topics->len;
      gsize cs = g_array_index (r->topics, gsize, n - 2);
      gsize ce = g_array_index (r->topics, gsize, n - 1);
      g_autofree char *topic = zb_inline_topic (r->s, cs, ce);

      g_array_set_size (r->topics, n - 2);
      if (topic != NULL)
        {
          g_free (ctx->last_name);
          ctx->last_name = g_steal_pointer (&topic);
          g_array_set_size (r->topics, 0);
        }
    }
  return ctx->last_name;
}

static void
set_subject (ZbReader   *r,
             const char *name)
{
  g_array_set_size (r->topics, 0);
  g_free (r->ctx->last_name);
  r->ctx->last_name = g_strdup (name);
}

/* The word that names an indicator's growth rate (增速): the first of its
 * class in vocab/rate_words.txt. */
static const char *
growth_rate_word (void)
{
  for (guint i = 0; i < zb_vocab_sizes[ZB_VOCAB_RATE_WORDS]; i++)
    if (zb_vocab_tables[ZB_VOCAB_RATE_WORDS][i].value == 1)
      return zb_vocab_tables[ZB_VOCAB_RATE_WORDS][i].word;
  g_assert_not_reached ();
  return NULL;
}

/* Does the bracket before pos hold a goal (市下任务…, 目标…)? */
static gboolean
bracket_holds_goal (const char *s,
                    gsize       cs,
                    gsize       pos)
{
  return zb_inline_bracket_holds (s, cs, pos, ZB_VOCAB_GOAL_NOUNS, 0) ||
         zb_inline_bracket_holds (s, cs, pos, ZB_VOCAB_GOAL_NOUNS, 1);
}

/* Is a name a rate (率)? */
static gboolean
is_rate (const char *name)
{
  const ZbWord *rate = zb_vocab_suffix (ZB_VOCAB_RATE_WORDS, name);
  return rate != NULL && rate->value == 4;
}

/* The part of a date at pos: 1 year, 2 month, 3 day, 0 none. */
static int
date_part_at (const char *s,
              gsize       pos,
              gsize       end)
{
  const ZbWord *w = zb_vocab_at (ZB_VOCAB_DATE_PARTS, s + pos, s + end);
  return w != NULL ? w->value : 0;
}

/* Does [a, b) speak of a schedule (目标进度, 序时进度)? */
static gboolean
finds_schedule (const char *s,
                gsize       a,
                gsize       b)
{
  for (gsize p = a; p < b; )
    {
      const char *at = NULL;
      const ZbWord *w = zb_vocab_find (ZB_VOCAB_REFERENCES, s + p, s + b, &at);
      if (w == NULL)
        return FALSE;
      if (w->value == ZB_REF_SCHEDULE)
        return TRUE;
      p = at - s + strlen (w->word);
    }
  return FALSE;
}

static const char *
default_period (ZbReader *r)
{
  return r->ctx->period ? r->ctx->period : r->ctx->section_period;
}

static void
set_change (ZbFigure        *f,
            const ZbMention *m)
{
  ZbNumber c = m->number;

  c.value *= m->sign;
  zb_figure_set_change (f, &c, m->unit->value == ZB_UNIT_PP ? ZB_CHANGE_PP : ZB_CHANGE_PERCENT);
}

static void
note_actual_period (ZbInlineContext *ctx,
                    const char      *label)
{
  ZbPeriod p;

  if (label != NULL && zb_period_parse (label, &p) && p.first_month <= 1 && p.cumulative &&
      p.last_month < 12 && p.last_month > ctx->latest_month)
    ctx->latest_month = p.last_month;
}

/* A clause with no number still says things: its subject carries on, and
 * 与上年持平 is a change of 0. */
static void
read_clause_without_figures (ZbReader *r,
                             gsize     cs,
                             gsize     ce)
{
  const char *s = r->s;
  const char *flat = r->clause_flat < ce ? s + r->clause_flat : NULL;
  const ZbWord *flat_word = flat != NULL ? zb_vocab_at (ZB_VOCAB_FLAT_WORDS, flat, s + ce) : NULL;
  gsize first = zb_text_skip_spaces (s, cs, ce);
  const ZbWord *opening = zb_vocab_at (ZB_VOCAB_COMPARISON_WORDS, s + first, s + ce);
  const char *last = flat_word != NULL && flat_word->value == 1 ? subject (r) : NULL;

  /* 达标率为100%，与上年持平: the level just read did not change (a level
   * in percent by 0 points) */
  if (flat_word != NULL && flat_word->value == 1 && opening != NULL && (opening->value == 3 || opening->value == 4) &&
      r->open != NULL && r->open_sentence == r->sentence_start && r->clause_index == r->open_clause + 1 &&
      zb_figure_get_value (r->open)->set && !zb_figure_get_change (r->open)->set)
    {
      ZbNumber zero = { 0, 0, TRUE };
      const char *unit = zb_figure_get_unit (r->open);

      zb_figure_set_change (r->open, &zero, g_strcmp0 (unit, "%") == 0 ? ZB_CHANGE_PP : ZB_CHANGE_PERCENT);
      set_source (r, r->open, r->open_start, ce, r->open_number);
      return;
    }
  /* 与上半年持平, 同比持平; 基本持平 says nothing exact */
  if (last != NULL && opening != NULL && (opening->value == 3 || opening->value == 4))
    {
      gboolean yoy = opening->value == 3;
      const ZbWord *rate = zb_vocab_suffix (ZB_VOCAB_RATE_WORDS, last);
      g_autofree char *name = yoy || (rate != NULL && rate->value == 1) ? g_strdup (last)
                              : g_strconcat (last, growth_rate_word (), NULL);
      ZbNumber zero = { 0, 0, TRUE };
      ZbFigure *f = new_figure (r, ZB_FIGURE_ACTUAL, name, default_period (r));

      zb_figure_set_change (f, &zero, yoy ? ZB_CHANGE_PERCENT : ZB_CHANGE_PP);
      set_source (r, f, cs, ce, flat - s);
      zb_figure_set_rule (f, "flat", 0.7);
      return;
    }
  /* its subject, read when a later figure needs it */
  g_array_append_val (r->topics, cs);
  g_array_append_val (r->topics, ce);
}

/* Rule reference-figure: 比目标(9.0%)低…: a target of the subject; 高于全国
 * (6.8%): the same indicator of another area. The words before stay for the gap. */
static ZbEvidence evidence_of (ZbClause *c, ZbFigure *f, const char *name);

static void
emit_reference_value (ZbClause        *c,
                      const ZbMention *m)
{
  ZbReader *r = c->r;
  const char *s = r->s;
  g_autofree char *name = zb_inline_clean_name (s, c->left_start, m->cue_start);
  gboolean is_target = g_strcmp0 (m->reference, "target") == 0;
  ZbFigure *f;
  ZbNumber n = m->number;

  /* 低于序时进度(75%): the schedule is no indicator */
  if (g_strcmp0 (m->reference, "schedule") == 0)
    return;
  c->evidence = ZB_EVIDENCE_NONE;
  /* GDP差目标增速(8.6%): the verb of the comparison is not the name */
  if (name != NULL)
    {
      const ZbWord *gv = zb_vocab_before (ZB_VOCAB_GAP_VERBS, name, name + strlen (name));
      if (gv != NULL && strlen (gv->word) < strlen (name))
        name[strlen (name) - strlen (gv->word)] = '\0';
    }
  /* 高于全国(6.8%)、全省(8.2%): the subject, not the comparison */
  if (name != NULL && (strstr (name, "、") || zb_vocab_find (ZB_VOCAB_GAP_VERBS, name, name + strlen (name), NULL)))
    g_clear_pointer (&name, g_free);
  if (name == NULL)
    {
      name = g_strdup (subject (r));
      c->evidence |= ZB_EVIDENCE_NAME_CONTEXT;
    }
  if (name == NULL)
    return;
  f = new_figure (r, is_target ? ZB_FIGURE_TARGET : ZB_FIGURE_ACTUAL, name, default_period (r));
  zb_figure_set_change (f, &n, ZB_CHANGE_PERCENT);
  if (!is_target)
    {
      /* the area is the reference word before the bracket: 全国(6.8%) */
      const char *open = memchr (s + m->cue_start, '(', m->start - m->cue_start);
      if (open != NULL)
        {
          g_autofree char *area = g_strndup (s + m->cue_start,
                                             zb_inline_trim_end (s, m->cue_start, open - s) - m->cue_start);
          zb_figure_set_area (f, area);
        }
    }
  else
    c->ref_target = n;
  set_source (r, f, m->cue_start, m->end + 1, m->start);
  zb_figure_set_rule (f, is_target ? "reference-target" : "reference-benchmark", 0.85);
  zb_figure_add_evidence (f, evidence_of (c, f, name));
}

/* Rule bracket-level: (2022年13.3亿元) last year's level; (含…20批次) an
 * aside; (市下任务46.28亿元、增长18%) the goal set from above. FALSE: skip it. */
static gboolean
bracket_level (ZbClause  *c,
               ZbMention *m)
{
  const char *s = c->r->s;

  if (bracket_holds_goal (s, c->cs, m->start))
    {
      gsize open = m->start;
      while (open > c->cs && s[open - 1] != '(')
        open--;
      c->left_start = MAX (c->left_start, open);
      c->figure = NULL;
      c->bracket_goal = TRUE;
      return TRUE;
    }
  if (zb_inline_bracket_holds (s, c->cs, m->start, ZB_VOCAB_ASIDE_WORDS, -1))
    return FALSE;
  /* 就业（36.1%）、两癌检查（25.4%）达到目标进度: shares of a goal, named before
   * their brackets, that the clause compares with its schedule */
  if (m->unit->value == ZB_UNIT_PERCENT && zb_inline_char_before (s, c->cs, m->start) == '(' &&
      zb_inline_char_before (s, c->cs, m->start - 1) >= 0x4E00 && finds_schedule (s, m->end, c->ce))
    {
      m->role = ZB_ROLE_PROGRESS;
      m->cue_start = m->start - 1;
      return TRUE;
    }
  m->role = ZB_ROLE_BASE;
  return TRUE;
}

/* The words between the previous mention and the cue; after a figure, 、
 * opens a new part (突破50亿元大关、增长24%). */
static char *
mention_name (ZbClause        *c,
              const ZbMention *m)
{
  gsize a = c->left_start;
  gsize b = m->role == ZB_ROLE_LEVEL && !m->reached ? m->start : m->cue_start;

  if (m->list_index > 0)
    return NULL;
  if (a > c->cs)
    for (gsize q = a; q + 3 <= b; q++)
      if (zb_text_at (c->r->s, q, b, "、"))
        a = q + 3;
  return zb_inline_clean_name (c->r->s, a, b);
}

/* A nameless change joins the level before it: 44.4亿元,按可比价格计算,增长18.6%;
 * and a change right after a level of the same clause belongs to it. */
static gboolean
join_change (ZbClause        *c,
             const ZbMention *m,
             const char      *name)
{
  ZbReader *r = c->r;
  ZbFigure *f = NULL;
  gsize quote_start = 0, number = 0;

  if (m->role != ZB_ROLE_CHANGE)
    return FALSE;
  /* 分别达到30210元和14350元，增长4.4%和6.9%; 接待游客1260万人次，旅游收入
   * 98.5亿元，分别增长18.2%和22.6%: a list of changes joins the levels of the
   * sentence before it, member by member */
  if (name == NULL && m->list_len > 1 && r->pending->len >= (guint) m->list_len)
    {
      f = g_ptr_array_index (r->pending, r->pending->len - m->list_len + m->list_index);
      if (f == r->open)
        quote_start = r->open_start, number = r->open_number;
    }
  else if (name == NULL && r->open != NULL && r->open_sentence == r->sentence_start &&
      (r->clause_index == r->open_clause || r->clause_index == r->open_clause + 1 ||
       (r->clause_index == r->open_clause + 2 && r->last_clause_mentions == 0)) &&
      !zb_figure_get_change (r->open)->set && zb_figure_get_value (r->open)->set)
    f = r->open, quote_start = r->open_start, number = r->open_number;
  else if (name == NULL && c->figure != NULL && !zb_figure_get_change (c->figure)->set)
    {
      f = c->figure;
      if (f == r->open)
        quote_start = r->open_start, number = r->open_number;
    }
  /* 增加值140亿元,由此预测全年增加值增速为4%: the growth of the figure just
   * read; 占比17.6%，占比提高1个百分点: a level in percent changes by points */
  else if (name != NULL && r->open != NULL &&
           (m->unit->value == ZB_UNIT_PERCENT ||
            (m->unit->value == ZB_UNIT_PP && g_strcmp0 (zb_figure_get_unit (r->open), "%") == 0)) &&
           r->open_sentence == r->sentence_start && !zb_figure_get_change (r->open)->set &&
           zb_figure_get_value (r->open)->set && zb_inline_same_indicator (name, zb_figure_get_name (r->open)))
    f = r->open, quote_start = r->open_start, number = r->open_number;
  if (f == NULL)
    return FALSE;

  /* 合格94.44%，合格率上升5.56%: the rate's own name says more */
  if (name != NULL && strlen (name) > strlen (zb_figure_get_name (f)))
    zb_figure_set_name (f, name);
  set_change (f, m);
  /* the list's members stay pending until its last joins, so each finds
   * its level by its index */
  if (m->list_len > 1 && m->list_index == m->list_len - 1)
    g_ptr_array_set_size (r->pending, 0);
  else if (m->list_len <= 1)
    g_ptr_array_remove (r->pending, f);
  if (m->qualifier && !zb_figure_get_qualifier (f))
    zb_figure_set_qualifier (f, m->qualifier);
  if (zb_figure_get_rank (f) == 0)
    zb_figure_set_rank (f, zb_inline_rank_after (r->s, m->end, c->ce, r->sentence_end));
  if (number > 0 || f == r->open)
    set_source (r, f, quote_start, m->end, number);
  c->emitted++;
  c->left_start = m->end;
  return TRUE;
}

/* The name of a figure when its own words name nothing: the subject of the
 * paragraph, with a rate word added (降幅收窄3个百分点 → 民间投资降幅). */
static char *
complete_name (ZbClause        *c,
               const ZbMention *m,
               char            *name)
{
  ZbInlineContext *ctx = c->r->ctx;
  const char *s = c->r->s;
  const ZbWord *counted;
  const ZbWord *share;
  const ZbWord *rate;

  subject (c->r);
  /* 低于全年目标增长7%: a name that is only a goal or reference word speaks of the subject */
  if (name != NULL && (zb_vocab_lookup (ZB_VOCAB_CUES, name, strlen (name)) != NULL ||
                       zb_vocab_lookup (ZB_VOCAB_REFERENCES, name, strlen (name)) != NULL))
    g_clear_pointer (&name, g_free);
  if (name == NULL)
    name = g_strdup (ctx->last_name);
  if (name == NULL)
    return NULL;
  /* 新开工项目35个，开工率81.4%: a bare rate is of what was counted */
  if (c->r->counted != NULL && m->completion_rate && zb_vocab_lookup (ZB_VOCAB_PROGRESS_CUES, name, strlen (name)) &&
      g_utf8_strlen (c->r->counted, -1) <= 8 && !strstr (c->r->counted, "、"))
    {
      char *full = g_strconcat (c->r->counted, name, NULL);
      g_free (name);
      name = full;
    }
  /* 实施重点项目550个，完成投资1300亿元: the investment is the projects' */
  if (c->r->counted != NULL && (counted = zb_vocab_lookup (ZB_VOCAB_COUNTED_HEADS, name, strlen (name))) != NULL &&
      g_str_has_suffix (c->r->counted, counted->text) && g_utf8_strlen (c->r->counted, -1) <= 8 &&
      !strstr (c->r->counted, "、") && zb_vocab_suffix (ZB_VOCAB_ETC_WORDS, c->r->counted) == NULL)
    {
      char *full = g_strconcat (c->r->counted, name, NULL);
      g_free (name);
      name = full;
    }
  /* 占全市投资比重的35%: the share of the subject */
  if ((share = zb_vocab_prefix (ZB_VOCAB_SHARE_WORDS, name)) != NULL && share->value > 0 && ctx->last_name != NULL &&
      !zb_inline_names_share (ctx->last_name))
    {
      char *full = g_strconcat (ctx->last_name, name, NULL);
      g_free (name);
      return full;
    }
  if (zb_inline_is_rate_word (name) && ctx->last_name != NULL && !zb_inline_is_rate_word (ctx->last_name) &&
      strstr (ctx->last_name, name) == NULL)
    {
      char *full = g_strconcat (ctx->last_name, name, NULL);
      g_free (name);
      name = full;
    }
  if (m->role != ZB_ROLE_PROGRESS && m->list_len <= 1)
    set_subject (c->r, name);

  if (m->role == ZB_ROLE_CHANGE && m->unit->value == ZB_UNIT_PP)
    {
      /* a contribution: 拉动GDP增长0.3个百分点 names the pull, not the subject */
      const char *pull = NULL;
      /* a list member named with its pull already (分别拉动…) */
      if (m->list_len > 1 && zb_vocab_find (ZB_VOCAB_CONTRIBUTION_VERBS, name, name + strlen (name), NULL) != NULL)
        return name;
      zb_vocab_find (ZB_VOCAB_CONTRIBUTION_VERBS, s + c->left_start, s + m->start, &pull);
      if (pull != NULL)
        {
          gsize b = zb_inline_skip_filler_back (s, pull - s, m->start);
          GString *str = g_string_new (NULL);
          for (const char *k = pull; k < s + b; k++)
            if (*k != ' ')
              g_string_append_c (str, *k);
          g_free (name);
          return g_string_free (str, FALSE);
        }
      /* a change of a growth rate: 比上半年回落1.4个百分点 */
      if ((rate = zb_vocab_suffix (ZB_VOCAB_RATE_WORDS, name)) == NULL)
        {
          /* 白棉三级占比55%…白棉二级降低了4个百分点: among shares, a part
           * that is no indicator changes its share */
          const char *word = c->r->share_word != NULL && !zb_inline_names_indicator (name) ? c->r->share_word
                                                                                       : growth_rate_word ();
          char *full = g_strconcat (name, word, NULL);
          g_free (name);
          name = full;
        }
    }
  return name;
}

static void
fill_figure (ZbClause        *c,
             ZbFigure        *f,
             const ZbMention *m)
{
  ZbNumber n = m->number;

  if (m->role == ZB_ROLE_CHANGE || m->role == ZB_ROLE_GAP)
    set_change (f, m);
  else
    zb_figure_set_value (f, &n, m->unit->text);
  if (m->reference)
    zb_figure_set_reference (f, m->reference);
  if (m->qualifier)
    zb_figure_set_qualifier (f, m->qualifier);
}

/* What a figure's name and kind say against it, with what the clause noted. */
static ZbEvidence
evidence_of (ZbClause   *c,
             ZbFigure   *f,
             const char *name)
{
  ZbEvidence e = c->evidence;

  if (!zb_inline_names_indicator (name))
    e |= ZB_EVIDENCE_NAME_UNKNOWN;
  if (g_utf8_strlen (name, -1) > 12)
    e |= ZB_EVIDENCE_NAME_LONG;
  if (zb_figure_get_kind (f) == ZB_FIGURE_TARGET && !zb_figure_get_change (f)->set)
    e |= ZB_EVIDENCE_QUANTITY_GOAL;
  if (zb_figure_get_kind (f) == ZB_FIGURE_ACTUAL || zb_figure_get_kind (f) == ZB_FIGURE_GAP ||
      zb_figure_get_kind (f) == ZB_FIGURE_PROGRESS)
    e &= ~(ZB_EVIDENCE_MOOD_FAR | ZB_EVIDENCE_MOOD_FRAME);
  return e;
}

/* Rule shared-value: 甲、乙、丙年产值都达到100亿元; 完成率、保存率达到65%:
 * one figure each. Returns the last name, for the figure the caller makes. */
static char *
emit_shared (ZbClause        *c,
             const ZbMention *m,
             ZbFigureKind     kind,
             char            *name,
             const char      *period)
{
  const char *s = c->r->s;
  g_autoptr(GPtrArray) parts = NULL;
  gboolean rates = TRUE;
  gboolean shared;

  if (m->list_len > 1 || m->role == ZB_ROLE_GAP ||
      !(strstr (name, "、") != NULL || (zb_vocab_find (ZB_VOCAB_LIST_WORDS, name, name + strlen (name), NULL) != NULL &&
                                      is_rate (name))))
    return name;
  parts = zb_inline_split_names (name, 0);
  shared = zb_vocab_find (ZB_VOCAB_ALL_WORDS, s + c->left_start, s + m->start, NULL) != NULL;
  for (guint k = 0; k < parts->len; k++)
    rates &= is_rate (g_ptr_array_index (parts, k));
  if (parts->len < 2 || !(shared || rates))
    return name;
  for (guint k = 0; k + 1 < parts->len; k++)
    {
      ZbFigure *f = new_figure (c->r, kind, g_ptr_array_index (parts, k), period);
      fill_figure (c, f, m);
      set_source (c->r, f, MIN (m->cue_start, m->start), m->end, m->start);
      zb_figure_set_rule (f, "shared", 0.8);
      zb_figure_add_evidence (f, evidence_of (c, f, g_ptr_array_index (parts, k)));
    }
  g_free (name);
  return g_strdup (g_ptr_array_index (parts, parts->len - 1));
}

static ZbFigureKind
figure_kind (const ZbMention *m,
             ZbGoalScope      goal)
{
  switch (m->role)
    {
    case ZB_ROLE_GAP: return ZB_FIGURE_GAP;
    /* a rate of completion to reach is a goal: 支付率要达到90% */
    case ZB_ROLE_PROGRESS: return goal != ZB_GOAL_NONE && m->completion_rate ? ZB_FIGURE_TARGET : ZB_FIGURE_PROGRESS;
    case ZB_ROLE_CHANGE:
    case ZB_ROLE_LEVEL:
    case ZB_ROLE_BASE:
    case ZB_ROLE_REFVALUE:
    case ZB_ROLE_SKIP:
    default:
      return goal != ZB_GOAL_NONE ? ZB_FIGURE_TARGET : ZB_FIGURE_ACTUAL;
    }
}

static const char *
rule_of (const ZbMention *m)
{
  switch (m->role)
    {
    case ZB_ROLE_GAP: return "gap";
    case ZB_ROLE_PROGRESS: return "progress";
    case ZB_ROLE_CHANGE: return "change";
    case ZB_ROLE_LEVEL:
    case ZB_ROLE_BASE:
    case ZB_ROLE_REFVALUE:
    case ZB_ROLE_SKIP:
    default:
      return "level";
    }
}

/* Rule benchmark-area: 全国GDP增长5.2%, 全省规上工业增加值增长6%: a figure whose
 * words open with an area above the report's own is that area's. */
static void
set_area (ZbClause        *c,
          ZbFigure        *f,
          const ZbMention *m)
{
  const char *s = c->r->s;
  gsize a = zb_text_skip_spaces (s, c->left_start, m->start);
  const char *at = NULL;
  const ZbWord *area;
  int own = c->r->ctx->own_level;

  /* the area stands before the name, a period or a connector away at most */
  area = zb_vocab_find (ZB_VOCAB_AREAS, s + a, s + MIN (m->start, a + 18), &at);
  if (area == NULL || m->role == ZB_ROLE_GAP)
    return;
  if (own > 0 ? area->value < own : area->value <= 2)
    zb_figure_set_area (f, area->word);
}

static void
emit (ZbClause        *c,
      const ZbMention *m,
      ZbFigureKind     kind,
      const char      *name,
      const char      *period)
{
  ZbReader *r = c->r;
  ZbFigure *f = new_figure (r, kind, name, period);
  int rank;

  c->emitted++;
  if (kind == ZB_FIGURE_ACTUAL && m->role == ZB_ROLE_CHANGE)
    note_actual_period (r->ctx, period);
  fill_figure (c, f, m);
  set_area (c, f, m);
  rank = zb_inline_rank_after (r->s, m->end, c->ce, r->sentence_end);
  if (rank > 0)
    zb_figure_set_rank (f, rank);
  set_source (r, f, m->list_index == 0 ? MIN (m->cue_start, m->start) : m->start, m->end, m->start);
  zb_figure_set_rule (f, rule_of (m), 0.9);
  zb_figure_add_evidence (f, evidence_of (c, f, name));

  /* the goal inside a gap: 差目标增速(8.6%)0.1个百分点 */
  if (m->role == ZB_ROLE_GAP && c->ref_target.set)
    zb_figure_set_target (f, &c->ref_target);

  if (m->role == ZB_ROLE_LEVEL && kind == ZB_FIGURE_ACTUAL)
    {
      /* a list of changes joins a few levels at most: keep the last ones */
      if (r->pending->len >= 16)
        g_ptr_array_remove_range (r->pending, 0, 8);
      g_ptr_array_add (r->pending, f);
    }
  if (m->role == ZB_ROLE_LEVEL && m->unit->value == ZB_UNIT_PERCENT)
    {
      const ZbWord *rate = zb_vocab_suffix (ZB_VOCAB_RATE_WORDS, name);
      if (rate != NULL && rate->value == 3 /* share */)
        r->share_word = rate->word;
    }
  if (m->role == ZB_ROLE_LEVEL && m->unit->value == ZB_UNIT_LEVEL && m->list_len <= 1 &&
      m->unit->scope == 1 /* a count */)
    {
      g_free (r->counted);
      r->counted = g_strdup (name);
    }
  if (m->role == ZB_ROLE_LEVEL || m->role == ZB_ROLE_CHANGE)
    {
      c->figure = f;
      r->open = f;
      r->open_sentence = r->sentence_start;
      r->open_clause = r->clause_index;
      r->open_start = m->list_index == 0 ? MIN (m->cue_start, m->start) : m->start;
      r->open_number = m->start;
    }
}

/* Rule quoted-two-tier: “保5争6” — a number in quotes is a name (“十四五”)
 * unless 保 or 争 stands right before it. */
static gboolean
quoted_goal (const char      *s,
             gsize            cs,
             const ZbMention *m)
{
  gsize b = zb_inline_trim_end (s, cs, m->start);

  return m->in_quotes && zb_vocab_before (ZB_VOCAB_TWO_TIER, s + cs, s + b) != NULL;
}

/* Rule counted-indicators: 15项主要经济指标, 12项指标: a count of indicators
 * is no figure. */
static gboolean
counts_indicators (const char      *s,
                   const ZbMention *m,
                   gsize            ce)
{
  const ZbWord *general;
  gsize q;

  if (m->unit->value != ZB_UNIT_LEVEL || m->unit->scope != 1 || g_utf8_strlen (m->unit->word, -1) != 1)
    return FALSE;
  /* 建筑业增加值、固定资产投资和城镇居民人均可支配收入3项: indicators counted */
  {
    gsize b = zb_inline_trim_end (s, 0, m->start);
    const ZbWord *known;
    const ZbWord *head;
    const ZbWord *etc = zb_vocab_before (ZB_VOCAB_ETC_WORDS, s, s + b);
    if (etc != NULL)
      b -= strlen (etc->word);
    known = zb_vocab_before (ZB_VOCAB_INDICATORS, s + (b > 60 ? b - 60 : 0), s + b);
    head = zb_vocab_before (ZB_VOCAB_HEADS, s + (b > 60 ? b - 60 : 0), s + b);
    if ((known != NULL || head != NULL) && zb_vocab_at (ZB_VOCAB_BARE_NAMES, m->unit->word, m->unit->word + strlen (m->unit->word)) != NULL)
      return TRUE;
  }
  for (q = m->end; q < ce && q < m->end + 30; q = g_utf8_next_char (s + q) - s)
    if ((general = zb_vocab_at (ZB_VOCAB_BARE_NAMES, s + q, s + ce)) != NULL && general->value == 1)
      return TRUE;
    else if (s[q] == ',' || zb_text_at (s, q, ce, "的") || zb_vocab_at (ZB_VOCAB_LIST_WORDS, s + q, s + ce) != NULL)
      break;
  return FALSE;
}

/* Rule counted-object: 帮助1000名毕业生到基层就业, 整理提交21个未入库工业项目
 * 的资料, 新增3个产业园区 — after a verb that counts its object, the count
 * names what follows it. NULL when the words before are no such verb. */
static char *
counted_object (ZbClause        *c,
                const ZbMention *m)
{
  const char *s = c->r->s;
  gsize b = zb_inline_trim_end (s, c->left_start, m->start);
  const ZbWord *verb = zb_vocab_before (ZB_VOCAB_COUNTING_VERBS, s + c->left_start, s + b);
  g_autofree char *object = NULL;

  if (verb == NULL || m->role != ZB_ROLE_LEVEL || m->unit->value != ZB_UNIT_LEVEL)
    return NULL;
  object = zb_inline_name_after (s, m->end, c->ce);
  if (object == NULL || g_utf8_strlen (object, -1) < 2)
    return NULL;
  c->evidence |= ZB_EVIDENCE_NAME_AFTER;
  return verb->value == 1 ? g_strconcat (verb->word, object, NULL) : g_steal_pointer (&object);
}

/* 2户企业: a noun follows the count */
static gboolean
counts_noun_after (ZbClause        *c,
                   const ZbMention *m)
{
  g_autofree char *after = zb_inline_name_after (c->r->s, m->end, c->ce);

  return after != NULL;
}

/* Rule counted-rate: 年内60个新建项目开工率达到80%以上 — the count says
 * which projects the rate is of, a percentage in the same run of words;
 * it is no goal of its own. */
static gboolean
counts_rated_noun (const char *s,
                   gsize       pos,
                   gsize       ce)
{
  gsize q = pos;

  while (q < ce)
    {
      gunichar ch = g_utf8_get_char (s + q);

      if (g_ascii_isdigit (s[q]) && q > pos + 6)
        {
          const ZbWord *unit;

          while (q < ce && (g_ascii_isdigit (s[q]) || s[q] == '.'))
            q++;
          q = zb_text_skip_spaces (s, q, ce);
          unit = zb_vocab_at (ZB_VOCAB_UNITS, s + q, s + ce);
          return unit != NULL && (unit->value == ZB_UNIT_PERCENT || unit->value == ZB_UNIT_PP);
        }
      if (!(g_unichar_isalnum (ch) || ch == ' '))
        return FALSE;
      q = g_utf8_next_char (s + q) - s;
    }
  return FALSE;
}

/* 一、二、三产业分别拉动经济增长0.5、2.9和2.4个百分点: the names before the
 * pull, and the pull ("一、二、三产业拉动经济增长"); NULL when no pull. */
static char *
pulling_list (ZbClause        *c,
              const ZbMention *m)
{
  const char *s = c->r->s;
  const char *pull = NULL;
  g_autofree char *subjects = NULL;
  gsize b;

  if (m->role != ZB_ROLE_CHANGE || m->unit->value != ZB_UNIT_PP)
    return NULL;
  zb_vocab_find (ZB_VOCAB_CONTRIBUTION_VERBS, s + c->left_start, s + m->start, &pull);
  if (pull == NULL)
    return NULL;
  /* …分别增长4.1%、7.2%和5.5%，分别拉动…: the pull of the last list's names */
  if ((subjects = zb_inline_clean_name (s, c->left_start, pull - s)) == NULL &&
      (c->r->list_names == NULL || (subjects = g_strdup (c->r->list_names)) == NULL))
    return NULL;
  b = zb_inline_skip_filler_back (s, pull - s, m->start);
  return g_strdup_printf ("%s%.*s", subjects, (int) (s + b - pull), pull);
}

static gboolean
ends_in_conjunction (const char *name)
{
  const ZbWord *join = zb_vocab_suffix (ZB_VOCAB_LIST_WORDS, name);

  return join != NULL && join->value > 0;
}

/* The name of a mention, from its words, a list, a bracket goal or what it
 * counts. */
static char *
name_of (ZbClause        *c,
         const ZbMention *m,
         ZbGoalScope      goal)
{
  ZbReader *r = c->r;
  g_autofree char *name = m->list_index == 0 ? counted_object (c, m) : NULL;

  if (name == NULL)
    name = mention_name (c, m);
  /* 5个贫困村和9个深度贫困村: words that end in a conjunction are the
   * last count's noun, and this count names what follows it */
  if (name != NULL && m->role == ZB_ROLE_LEVEL && ends_in_conjunction (name) && counts_noun_after (c, m))
    g_clear_pointer (&name, g_free);
  /* 我县确定的6件民生实事: what the words before describe is the noun after */
  if (name != NULL && m->role == ZB_ROLE_LEVEL && m->unit->scope == 1 &&
      zb_inline_char_before (r->s, c->left_start, zb_inline_trim_end (r->s, c->left_start, m->start)) == 0x7684 /* 的 */ &&
      counts_noun_after (c, m))
    g_clear_pointer (&name, g_free);

  /* a quantity goal names what follows: 确保新增1个千亿园区; and 天茂圆调
   * 味品等51个项目竣工投产 counts the projects, not the examples */
  if (zb_vocab_suffix (ZB_VOCAB_ETC_WORDS, name) != NULL && m->role == ZB_ROLE_LEVEL && goal != ZB_GOAL_NONE)
    g_clear_pointer (&name, g_free);
  /* …已争取到位的53.6亿元债券资金: words before that end like a verb name
   * nothing; 甲、乙2户企业: a list of examples before a count of its noun */
  if (m->role == ZB_ROLE_LEVEL && (zb_inline_ends_like_verb (name) ||
                                   (name != NULL && strstr (name, "、") && m->unit->scope == 1 && goal != ZB_GOAL_NONE &&
                                    counts_noun_after (c, m))))
    g_clear_pointer (&name, g_free);
  /* 与年度40家的任务还有差距: a count of the goal itself is the subject's */
  if (name == NULL && m->role == ZB_ROLE_LEVEL && goal == ZB_GOAL_AFTER &&
      zb_inline_of_goal (r->s, zb_text_skip_spaces (r->s, m->end, c->ce), c->ce) && subject (r) != NULL)
    {
      c->evidence |= ZB_EVIDENCE_NAME_CONTEXT;
      return g_strdup (subject (r));
    }
  if (name == NULL && m->role == ZB_ROLE_LEVEL && goal != ZB_GOAL_NONE && m->list_index == 0)
    {
      name = zb_inline_name_after (r->s, m->end, c->ce);
      if (zb_inline_ends_like_verb (name))
        g_clear_pointer (&name, g_free);
      if (name == NULL && !c->bracket_goal)
        return NULL;   /* a quantity goal names itself or nothing */
      c->evidence |= ZB_EVIDENCE_NAME_AFTER;
    }
  if (c->bracket_goal && m->list_index == 0 && m->role == ZB_ROLE_LEVEL)
    {
      g_free (name);
      name = g_strdup (subject (r));
    }

  /* 分别: one name per number; a list without names of its own takes the
   * names of the sentence's last list (分别增长9.1%、8.2%，比计划高1.1和0.2个百分点) */
  if (m->list_len > 1 && m->list_index == 0)
    {
      g_free (c->list_name);
      /* (a list of changes that joins the sentence's levels needs no names) */
      gboolean joins = m->role == ZB_ROLE_CHANGE && r->pending->len >= (guint) m->list_len;
      char *pulling = pulling_list (c, m);

      if (pulling != NULL)
        {
          g_free (name);
          name = pulling;
        }
      c->list_name = name != NULL ? g_strdup (name) : joins ? NULL : g_strdup (r->list_names);
      if (name != NULL)
        {
          g_free (r->list_names);
          r->list_names = g_strdup (name);
        }
    }
  if (m->list_len > 1 && c->list_name != NULL)
    {
      /* 一、二、三产业分别拉动经济增长0.5、2.9和2.4个百分点: the list is of
       * the words before the pull, and each pulls */
      const char *pull = NULL;
      g_autofree char *pulled = NULL;
      g_autoptr(GPtrArray) parts = NULL;

      zb_vocab_find (ZB_VOCAB_CONTRIBUTION_VERBS, c->list_name, c->list_name + strlen (c->list_name), &pull);
      if (pull != NULL && pull > c->list_name)
        pulled = g_strndup (c->list_name, pull - c->list_name);
      parts = zb_inline_split_names (pulled ? pulled : c->list_name, m->list_len);
      if (parts->len != (guint) m->list_len)
        c->evidence |= ZB_EVIDENCE_LIST_MISMATCH;
      g_free (name);
      if (parts->len != (guint) m->list_len)
        name = g_strdup (c->list_name);
      else if (pulled != NULL)
        name = g_strconcat (g_ptr_array_index (parts, m->list_index), pull, NULL);
      else
        name = g_strdup (g_ptr_array_index (parts, m->list_index));
    }
  return zb_inline_shorten_name (g_steal_pointer (&name));
}

/* Rule percent-growth: 高技术产业增加值达到7.8%左右 — an indicator that is an
 * amount (增加值, 投资, 收入) has no level in percent: the percent is its growth.
 * A rate, a share or an index (率, 比重, 指数) does. */
static gboolean
percent_is_growth (const ZbMention *m,
                   const char      *name)
{
  gsize len = strlen (name);
  const ZbWord *head;
  const ZbWord *rate;

  if (m->unit->value != ZB_UNIT_PERCENT || m->list_len > 1)
    return FALSE;
  head = zb_vocab_before (ZB_VOCAB_HEADS, name, name + len);
  if (head == NULL || is_rate (name) || zb_inline_names_share (name))
    return FALSE;
  /* 比重, 指数: a level of their own */
  rate = zb_vocab_suffix (ZB_VOCAB_RATE_WORDS, name);
  return rate == NULL || (rate->value != 3 && rate->value != 5);
}

/* Rule growth-level: a level of an indicator's 增速 or 增幅 (增速回落至6.2%,
 * 增速为5%) is the indicator's growth; the name loses the rate word (and a
 * 当月 before it). */
static gboolean
growth_rate_level (char **name)
{
  gsize len = strlen (*name);
  const ZbWord *rate = zb_vocab_before (ZB_VOCAB_RATE_WORDS, *name, *name + len);
  gsize stem;

  if (rate == NULL || rate->value != 1 || len <= strlen (rate->word))
    return FALSE;
  stem = len - strlen (rate->word);
  /* 当月增速: the month's, a word the name does not keep */
  {
    const ZbWord *suffix = zb_vocab_before (ZB_VOCAB_NAME_SUFFIXES, *name, *name + stem);
    if (suffix != NULL && suffix->value == 0 && stem > strlen (suffix->word))
      stem -= strlen (suffix->word);
  }
  (*name)[stem] = '\0';
  return TRUE;
}

/* One mention of the clause: it makes a figure, joins one, or is skipped. */
static void
read_mention (ZbClause        *c,
              ZbMention       *m,
              const ZbMention *prev)
{
  ZbReader *r = c->r;
  const char *s = r->s;
  g_autofree char *name = NULL;
  g_autofree char *period = NULL;
  ZbGoalScope goal;
  ZbFigureKind kind;
  gboolean written;

  if (m->in_quotes && !quoted_goal (s, c->cs, m))
    return;
  zb_inline_classify (s, c->cs, c->left_start, m, prev);
  if (m->role == ZB_ROLE_LEVEL && zb_inline_in_brackets (s, c->cs, m->start) && !bracket_level (c, m))
    return;
  if (m->role == ZB_ROLE_LEVEL && (zb_inline_is_modifier (s, m, c->ce) || counts_indicators (s, m, c->ce)))
    return;   /* 5000万元以上项目: part of a name, the words stay for it */
  if (m->role == ZB_ROLE_LEVEL && zb_inline_is_object (s, c->cs, m, c->ce))
    {
      c->left_start = m->end;
      return;
    }
  if (m->role == ZB_ROLE_SKIP)
    {
      c->left_start = m->end;
      return;
    }
  if (m->role == ZB_ROLE_BASE)
    {
      if (c->figure != NULL)
        zb_figure_set_base_value (c->figure, &m->number);
      return;
    }
  if (m->role == ZB_ROLE_REFVALUE)
    {
      emit_reference_value (c, m);
      return;
    }

  period = zb_inline_period_before (r, m->start);
  written = period != NULL;
  if (period == NULL)
    period = g_strdup (default_period (r));
  goal = quoted_goal (s, c->cs, m) ? ZB_GOAL_CLAUSE : zb_inline_goal (r, c->cs, m, c->ce, period, written);
  c->evidence = written ? 0 : ZB_EVIDENCE_PERIOD_INHERITED;
  if (goal == ZB_GOAL_SENTENCE)
    c->evidence |= ZB_EVIDENCE_MOOD_FAR;
  else if (goal == ZB_GOAL_FRAME || goal == ZB_GOAL_PERIOD)
    c->evidence |= ZB_EVIDENCE_MOOD_FRAME;
  if (m->role == ZB_ROLE_LEVEL && m->unit->value == ZB_UNIT_LEVEL && m->list_len <= 1 &&
      counts_rated_noun (r->s, m->end, c->ce))
    {
      c->left_start = m->end;
      return;
    }
  name = name_of (c, m, goal);
  if (join_change (c, m, name))
    return;
  if (name == NULL)
    c->evidence |= ZB_EVIDENCE_NAME_CONTEXT;
  name = complete_name (c, m, g_steal_pointer (&name));
  if (name == NULL)
    {
      c->left_start = m->end;
      return;
    }
  if (m->role == ZB_ROLE_LEVEL && !m->reached && percent_is_growth (m, name))
    {
      m->role = ZB_ROLE_CHANGE;
      m->sign = 1;
    }
  else if (m->role == ZB_ROLE_LEVEL && m->unit->value == ZB_UNIT_PERCENT && growth_rate_level (&name))
    {
      /* 规上工业增加值当月增速回落至6.2%: its growth is 6.2% */
      m->role = ZB_ROLE_CHANGE;
      m->sign = 1;
      m->reached = FALSE;
    }
  kind = figure_kind (m, goal);
  name = emit_shared (c, m, kind, g_steal_pointer (&name), period);
  emit (c, m, kind, name, period);
  c->left_start = m->end;
}

/* Rule flat-part: 确保住宿业增加值增长15%、餐饮业增加值持平 — a named part of
 * a clause that is flat is a change of 0. */
static void
read_flat_part (ZbClause *c)
{
  ZbReader *r = c->r;
  const char *s = r->s;
  const char *flat = r->clause_flat >= c->left_start && r->clause_flat < c->ce ? s + r->clause_flat : NULL;
  const ZbWord *flat_word = flat != NULL ? zb_vocab_at (ZB_VOCAB_FLAT_WORDS, flat, s + c->ce) : NULL;
  gsize a = c->left_start;
  g_autofree char *name = NULL;
  ZbMention m = { 0 };
  ZbNumber zero = { 0, 0, TRUE };
  ZbFigure *f;

  if (flat_word == NULL || flat_word->value != 1 || c->left_start == c->cs)
    return;
  for (gsize q = a; q + 3 <= (gsize) (flat - s); q++)
    if (zb_text_at (s, q, flat - s, "、"))
      a = q + 3;
  name = zb_inline_clean_name (s, a, flat - s);
  if (name == NULL || !zb_inline_names_indicator (name))
    return;
  m.start = m.end = flat - s;
  f = new_figure (r, zb_inline_goal (r, c->cs, &m, c->ce, default_period (r), FALSE) != ZB_GOAL_NONE
                     ? ZB_FIGURE_TARGET : ZB_FIGURE_ACTUAL, name, default_period (r));
  zb_figure_set_change (f, &zero, ZB_CHANGE_PERCENT);
  set_source (r, f, a, flat - s + strlen (flat_word->word), flat - s);
  zb_figure_set_rule (f, "flat", 0.7);
  c->emitted++;
}

static void
read_clause (ZbReader *r,
             gsize     cs,
             gsize     ce)
{
  g_autoptr(GArray) mentions = g_array_new (FALSE, TRUE, sizeof (ZbMention));
  ZbClause c = { r, cs, ce, cs, NULL, NULL, { 0 }, 0, FALSE };

  g_array_set_size (r->clause_periods, 0);
  r->period_next = 0;
  zb_inline_find_mentions (r->s, cs, ce, mentions, r->clause_periods, &r->clause_flat);
  for (guint i = 0; i < mentions->len; i++)
    read_mention (&c, &g_array_index (mentions, ZbMention, i),
                  i > 0 ? &g_array_index (mentions, ZbMention, i - 1) : NULL);
  g_free (c.list_name);

  read_flat_part (&c);
  if (c.emitted == 0)
    read_clause_without_figures (r, cs, ce);
  r->last_clause_mentions = c.emitted;
  r->clause_index++;
  zb_inline_mood_clause_done (r, cs, ce);

  /* the period said in this clause (or before it in its sentence, which an
   * earlier clause already set) holds for the next ones; the sentence's
   * scan goes on from the last mention, so the clause is read once */
  {
    g_autofree char *period = zb_inline_period_before (r, ce);
    if (period != NULL)
      {
        g_free (r->ctx->period);
        r->ctx->period = g_steal_pointer (&period);
      }
  }
}

static void
start_sentence (ZbReader *r,
                gsize     start,
                gsize     end)
{
  r->sentence_start = start;
  r->sentence_end = end;
  g_ptr_array_set_size (r->pending, 0);
  g_clear_pointer (&r->counted, g_free);
  g_clear_pointer (&r->list_names, g_free);
  g_clear_pointer (&r->period_found, g_free);
  r->period_scanned = start;
  zb_inline_mood_sentence (r);
}

static gboolean
is_sentence_end (const char *s,
                 gsize       p,
                 gsize       end)
{
  /* 。 is E3 80 82: a byte test first, at every byte of the text */
  return s[p] == '!' || s[p] == '?' || ((guchar) s[p] == 0xE3 && zb_text_at (s, p, end, "。"));
}

/* Where the sentence that starts at p ends (for the mood's scan). */
static gsize
find_sentence_end (const char *s,
                   gsize       p,
                   gsize       len)
{
  while (p < len && !is_sentence_end (s, p, len))
    p++;
  return p;
}

/* Rule bracketed-statement: (一产增长7.5%、二产增长20.3%) or (…增长明显，其中…)
 * holds clauses of its own; (2022年13.3亿元), (含…) or (省下任务75亿元、增长9%)
 * belongs to the clause around it. */
static gboolean
bracket_is_statement (const char *s,
                      gsize       open,
                      gsize       len)
{
  int depth = 0;
  guint named_changes = 0;
  gboolean comma = FALSE;
  gsize part = open + 1;

  for (gsize p = open; p < len && p < open + 400; p++)
    {
      if (s[p] == '(')
        depth++;
      else if (s[p] == ')' && --depth == 0)
        return (comma || named_changes >= 2) &&
               !bracket_holds_goal (s, open, p);
      else if (s[p] == ',' && depth == 1)
        comma = TRUE;
      else if (zb_text_at (s, p, len, "、"))
        part = p + 3;
      else if (g_ascii_isdigit (s[p]) && (p == 0 || (!g_ascii_isdigit (s[p - 1]) && s[p - 1] != '.')))
        {
          /* a change with a name of its own before its verb: 二产增长20.3% */
          gsize b = zb_inline_skip_filler_back (s, part, p);
          const ZbWord *v = zb_vocab_before (ZB_VOCAB_CHANGE_VERBS, s + part, s + b);
          if (v != NULL && b >= part + strlen (v->word) + 3)
            named_changes++;
          part = p;
        }
    }
  return FALSE;
}

static void
read_text (ZbReader *r)
{
  const char *s = r->s;
  gsize len = r->joined->str->len;
  gsize clause = 0;
  int depth = 0;
  guint statements = 0;       /* open brackets that hold clauses of their own */

  start_sentence (r, 0, find_sentence_end (s, 0, len));
  for (gsize p = 0; p <= len; )
    {
      gboolean at_end = (p == len);
      gboolean sent = !at_end && is_sentence_end (s, p, len);
      gboolean cl;

      if (!at_end && s[p] == '(' && bracket_is_statement (s, p, len))
        statements++, cl = TRUE;
      else if (!at_end && s[p] == ')' && statements > 0 && depth == 0)
        statements--, cl = TRUE;
      else
        cl = !at_end && depth == 0 && (s[p] == ',' || s[p] == ':' || s[p] == ';');
      if (!cl && !at_end && s[p] == '(')
        depth++;
      else if (!cl && !at_end && s[p] == ')' && depth > 0)
        depth--;

      if (at_end || sent || cl)
        {
          if (p > clause)
            read_clause (r, clause, p);
          p += at_end ? 1 : (sent && !g_ascii_ispunct (s[p]) ? strlen ("。") : 1);
          clause = p;
          if (sent || at_end)
            {
              depth = 0;
              statements = 0;
              start_sentence (r, p, find_sentence_end (s, p, len));
            }
          continue;
        }
      p = g_utf8_next_char (s + p) - s;
    }
}

/* The level of the report's own area: the area word its text uses most
 * (全县 in a county's report, where 全市 is the city above it). */
static void
find_own_level (ZbInlineContext *ctx)
{
  const char *s = ctx->source->norm;
  const char *end = s + MIN (ctx->source->norm_len, 256 * 1024);
  guint counts[8] = { 0 };
  guint best = 0;

  for (const char *p = s; p < end; )
    {
      const char *at = NULL;
      const ZbWord *w = zb_vocab_find (ZB_VOCAB_AREAS, p, end, &at);
      if (w == NULL)
        break;
      counts[CLAMP (w->value, 0, 7)]++;
      p = at + strlen (w->word);
    }
  for (guint level = 1; level < G_N_ELEMENTS (counts); level++)
    if (counts[level] > counts[best])
      best = level;
  ctx->own_level = counts[best] > 0 ? (int) best : 0;
}

/* The year the report's first line speaks of: 某市2024年国民经济和社会发展统计公报 */
static void
find_subject_year (ZbInlineContext *ctx)
{
  const char *s = ctx->source->norm;
  gsize limit = MIN (ctx->source->norm_len, 400);
  const char *nl;
  gsize end;

  while (limit > 0 && (s[0] == '\n' || s[0] == ' '))
    s++, limit--;
  nl = memchr (s, '\n', limit);
  end = nl ? (gsize) (nl - s) : limit;
  for (gsize p = 0; p + 4 < end; p++)
    if (g_ascii_isdigit (s[p]) && (p == 0 || !g_ascii_isdigit (s[p - 1])) && g_ascii_isdigit (s[p + 1]) &&
        g_ascii_isdigit (s[p + 2]) && g_ascii_isdigit (s[p + 3]) && !g_ascii_isdigit (s[p + 4]))
      {
        int year = atoi (s + p);
        if (year >= 1990 && year <= 2100 && date_part_at (s, zb_text_skip_spaces (s, p + 4, end), end) == 1)
          {
            ctx->subject_year = year;
            return;
          }
      }
}

/* The report's date, from a dateline near its start: (2022年7月2日),
 * ——2025年1月10日在…, 2023年10月. */
static void
find_dateline (ZbInlineContext *ctx)
{
  const ZbSource *src = ctx->source;
  const char *s = src->norm;
  gsize limit = MIN (src->norm_len, 2000);
  guint lines = 0;

  for (gsize p = 0; p < limit && lines < 12; lines++)
    {
      const char *nl = memchr (s + p, '\n', limit - p);
      gsize end = nl ? (gsize) (nl - s) : limit;
      gsize q = p;

      while (q < end && !g_ascii_isdigit (s[q]))
        q++;
      if (end - p <= 90 && q + 4 < end)
        {
          int year = atoi (s + q);
          gsize r = q;
          while (r < end && (g_ascii_isdigit (s[r]) || s[r] == ' '))
            r++;
          if (year >= 1990 && year <= 2100 && date_part_at (s, r, end) == 1)
            {
              r = zb_text_skip_spaces (s, r + strlen (zb_vocab_at (ZB_VOCAB_DATE_PARTS, s + r, s + end)->word), end);
              if (r < end && g_ascii_isdigit (s[r]))
                {
                  int month = atoi (s + r);
                  while (r < end && g_ascii_isdigit (s[r]))
                    r++;
                  r = zb_text_skip_spaces (s, r, end);
                  /* a line of its own, or the line that says where it was said */
                  if (month >= 1 && month <= 12 && date_part_at (s, r, end) == 2 &&
                      (end - p <= 40 || zb_vocab_find (ZB_VOCAB_DATELINE_WORDS, s + p, s + end, NULL) != NULL))
                    {
                      ctx->now_year = year;
                      ctx->now_month = month;
                      return;
                    }
                }
            }
        }
      p = end + 1;
    }
}

ZbInlineContext *
zb_inline_context_new (const ZbSource *source)
{
  ZbInlineContext *ctx = g_new0 (ZbInlineContext, 1);

  ctx->source = source;
  ctx->section = -1;
  ctx->section_periods = g_ptr_array_new_with_free_func (g_free);
  find_dateline (ctx);
  find_subject_year (ctx);
  find_own_level (ctx);
  return ctx;
}

void
zb_inline_context_free (ZbInlineContext *ctx)
{
  if (ctx == NULL)
    return;
  g_free (ctx->section_period);
  g_free (ctx->paragraph_period);
  g_ptr_array_unref (ctx->section_periods);
  g_free (ctx->last_name);
  g_free (ctx->period);
  g_free (ctx);
}

void
zb_inline_set_section (ZbInlineContext *ctx,
                       int              section,
                       int              parent,
                       guint            level,
                       const char      *title)
{
  gsize len = title ? strlen (title) : 0;

  ctx->section = section;
  ctx->section_level = level;
  /* a period the text of a deeper section said stays there: 二、 does not go
   * on with what 一、(二) said last */
  if (ctx->paragraph_period_level > level)
    g_clear_pointer (&ctx->paragraph_period, g_free);
  ctx->section_goal = FALSE;
  g_clear_pointer (&ctx->section_period, g_free);
  /* 一、上半年经济运行情况: the section's period is inherited by its text, and
   * by its subsections that name none */
  for (gsize p = 0; p < len; p = g_utf8_next_char (title + p) - title)
    if (zb_inline_match_period (title, p, len) > 0)
      {
        ctx->section_period = zb_inline_period_scan (title, p, len, NULL);
        break;
      }
  if (ctx->section_period == NULL && parent >= 0 && (guint) parent < ctx->section_periods->len)
    ctx->section_period = g_strdup (g_ptr_array_index (ctx->section_periods, parent));
  /* a section that names its period starts afresh; one that does not goes
   * on with the period the text said last (二、分领域情况 after 上半年…) */
  if (ctx->section_period != NULL)
    g_clear_pointer (&ctx->paragraph_period, g_free);
  if (section >= 0)
    {
      if ((guint) section >= ctx->section_periods->len)
        g_ptr_array_set_size (ctx->section_periods, section + 1);
      g_free (g_ptr_array_index (ctx->section_periods, section));
      g_ptr_array_index (ctx->section_periods, section) = g_strdup (ctx->section_period);
    }
  if (title == NULL)
    return;
  /* 二、2025年主要目标, 三、今年工作安排: a section of goals */
  ctx->section_goal = zb_inline_opens_frame (title, 0, len) ||
                      (ctx->section_period != NULL && zb_inline_period_is_future (ctx, ctx->section_period) &&
                       zb_vocab_find (ZB_VOCAB_GOAL_NOUNS, title, title + len, NULL) != NULL);
}

/* Evidence a paragraph gives once it is read: a figure met twice on one
 * line, and a stated gap that disagrees with its figure and target
 * (增长4.1%，比目标(9.0%)低4.9个百分点: 4.1 − 9.0 is −4.9). A paragraph may
 * hold thousands of figures: one pass, with a table of those seen. */
static void
check_paragraph (GPtrArray *figures,
                 guint      first)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = first; i < figures->len; i++)
    {
      ZbFigure *f = g_ptr_array_index (figures, i);
      g_autofree char *value = zb_figure_dup_field (f, ZB_FIELD_VALUE);
      g_autofree char *change = zb_figure_dup_field (f, ZB_FIELD_CHANGE);
      char *key = g_strdup_printf ("%u\t%d\t%s\t%s\t%s", zb_figure_get_line (f), zb_figure_get_kind (f),
                                   zb_figure_get_name (f), value ? value : "", change ? change : "");

      if (!g_hash_table_add (seen, key))
        zb_figure_add_evidence (f, ZB_EVIDENCE_DUPLICATE);
      if (zb_figure_get_kind (f) != ZB_FIGURE_GAP || !zb_figure_get_target (f)->set)
        continue;
      /* the actual a gap compares is a few figures back */
      for (guint k = i > first + 4 ? i - 4 : first; k < i; k++)
        {
          ZbFigure *a = g_ptr_array_index (figures, k);
          double expected;
          if (zb_figure_get_kind (a) != ZB_FIGURE_ACTUAL || !zb_figure_get_change (a)->set ||
              zb_figure_get_change_unit (a) != ZB_CHANGE_PERCENT ||
              g_strcmp0 (zb_figure_get_name (a), zb_figure_get_name (f)) != 0)
            continue;
          expected = zb_figure_get_change (a)->value - zb_figure_get_target (f)->value;
          if (fabs (expected - zb_figure_get_change (f)->value) > 0.15)
            zb_figure_add_evidence (f, ZB_EVIDENCE_STATED_MISMATCH);
        }
    }
}

void
zb_inline_parse_block (ZbInlineContext *ctx,
                       const ZbBlock   *block,
                       GPtrArray       *figures)
{
  ZbJoined joined = { 0 };
  ZbReader r = { 0 };

  if (block->type == ZB_BLOCK_TABLE)
    {
      zb_inline_parse_table (ctx->source, block, ctx->paragraph_period ? ctx->paragraph_period : ctx->section_period,
                             figures);
      return;
    }
  if (block->type == ZB_BLOCK_HEADING && block->number == NULL)
    return;

  zb_joined_init (&joined, ctx->source, (const ZbPiece *) (void *) block->pieces->data, block->pieces->len);

  /* a paragraph starts afresh: no subject, no frame, and the period the
   * section's text said last (自2023年初至9月… / the next paragraph) */
  g_clear_pointer (&ctx->last_name, g_free);
  g_free (ctx->period);
  ctx->period = g_strdup (ctx->paragraph_period);
  ctx->frame = FALSE;

  r.ctx = ctx;
  r.block = block;
  r.joined = &joined;
  r.s = joined.str->str;
  r.figures = figures;
  r.pending = g_ptr_array_new ();
  r.topics = g_array_new (FALSE, FALSE, sizeof (gsize));
  r.clause_periods = g_array_new (FALSE, FALSE, sizeof (gsize));
  {
    guint first = figures->len;
    read_text (&r);
    check_paragraph (figures, first);
  }

  if (ctx->period != NULL)
    {
      g_free (ctx->paragraph_period);
      ctx->paragraph_period = g_strdup (ctx->period);
      ctx->paragraph_period_level = ctx->section_level;
    }
  g_free (r.period_found);
  g_ptr_array_unref (r.pending);
  g_array_unref (r.topics);
  g_array_unref (r.clause_periods);
  g_free (r.counted);
  g_free (r.list_names);
  if (r.cues)
    g_array_unref (r.cues);
  zb_joined_clear (&joined);
}
