/* zb-inline-mood.c — moods: does a clause report what was done, or set a goal?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A goal is set by a cue (vocab/cues.txt), and how far a cue reaches is part
 * of its entry: its own clause (要, 保), the rest of its sentence (力争, 确保,
 * 目标), or, for a phrase that introduces goals (主要预期目标是：), a frame
 * over the rest of the paragraph. A report closes what a cue opened: a done
 * marker (已, 累计), a period already over, the parts of a total (其中). A
 * cue inside a noun phrase (改革工作目标, 目标任务的完成情况) or a comparison
 * with a goal (差目标, 完成目标任务的) sets no mood: those words are
 * vocab/noncues.txt, read as whole words so that they hide the cue in them.
 */
#include "zb-inline-private.h"
#include "zb-period.h"
#include "zb-text-private.h"

#include <string.h>

#define MAX_REACH 600

void
zb_inline_mood_sentence (ZbReader *r)
{
  if (r->cues == NULL)
    r->cues = g_array_new (FALSE, FALSE, sizeof (ZbCue));
  g_array_set_size (r->cues, 0);
  r->cues_scanned = r->sentence_start;
}

/* Finds the cues of the sentence up to pos, reading words left to right so
 * that a longer non-cue (主要, 要求, 目标任务的) hides a cue inside it. */
static void
scan_cues (ZbReader *r,
           gsize     pos)
{
  const char *s = r->s;
  const guint64 kinds = ZB_VOCAB_BIT (ZB_VOCAB_CUES) | ZB_VOCAB_BIT (ZB_VOCAB_NONCUES);
  gsize p = r->cues_scanned;

  while (p < pos)
    {
      ZbVocabKind kind;
      const ZbWord *w = zb_vocab_at_any (kinds, s + p, s + r->sentence_end, &kind);

      if (w == NULL)
        {
          p = g_utf8_next_char (s + p) - s;
          continue;
        }
      if (kind == ZB_VOCAB_CUES)
        {
          ZbCue cue = { p, p + strlen (w->word), w };
          g_array_append_val (r->cues, cue);
        }
      p += strlen (w->word);
    }
  r->cues_scanned = MAX (r->cues_scanned, p);
}

/* The start of the clause that holds pos. */
static gsize
clause_start_of (const char *s,
                 gsize       sentence_start,
                 gsize       pos)
{
  gsize lim = zb_inline_reach_back (s, sentence_start, pos);

  while (pos > lim && s[pos - 1] != ',' && s[pos - 1] != ';' && s[pos - 1] != ':')
    pos--;
  return pos;
}

/* Does a schedule (进度, 目标进度) stand at pos? */
static gboolean
names_schedule (const char *s,
                gsize       pos,
                gsize       end)
{
  const ZbWord *w = zb_vocab_at (ZB_VOCAB_REFERENCES, s + pos, s + end);
  return w != NULL && w->value == ZB_REF_SCHEDULE;
}

/* 今年的目标是…, 全年目标为：: what follows a goal noun that makes it the
 * subject of a goal statement (vocab/frame_links.txt, or a colon) */
gboolean
zb_inline_introduces (const char *s,
                      gsize       pos,
                      gsize       end)
{
  pos = zb_text_skip_spaces (s, pos, end);
  return zb_vocab_at (ZB_VOCAB_FRAME_LINKS, s + pos, s + end) != NULL ||
         zb_text_at (s, pos, end, "：") || zb_text_at (s, pos, end, ":");
}

/* 超年度计划目标1个百分点, 高于预期, 与年度目标差距…, 距目标还差…: a goal
 * word a few characters after a gap verb or a comparison is what the
 * figure is compared with. */
static gboolean
after_gap_verb (const char *s,
                gsize       clause_start,
                gsize       pos)
{
  gsize end = pos;

  for (int k = 0; k <= 3 && end > clause_start; k++)
    {
      const ZbWord *cmp = zb_vocab_before (ZB_VOCAB_COMPARISON_WORDS, s + clause_start, s + end);

      if (zb_vocab_before (ZB_VOCAB_GAP_VERBS, s + clause_start, s + end) != NULL ||
          (cmp != NULL && (cmp->value == 1 || cmp->value == 4)))
        return TRUE;
      if ((guchar) s[end - 1] < 0x80)
        return FALSE;
      end = g_utf8_find_prev_char (s + clause_start, s + end) - s;
    }
  return FALSE;
}

/* Rule cue-in-comparison: 差目标, 目标进度, 完成…目标任务: a goal word that
 * compares with a goal, or reports what was done against it. */
static gboolean
cue_compares (ZbReader    *r,
              const ZbCue *cue)
{
  const char *s = r->s;
  const char *word = cue->word->word;
  const ZbWord *rate;
  gsize back;

  const ZbWord *noun = zb_vocab_find (ZB_VOCAB_GOAL_NOUNS, word, word + strlen (word), NULL);

  /* …排头兵的目标: a goal noun after 的 is a noun phrase's */
  if (noun != NULL && noun->value == 0 && strlen (noun->word) == strlen (word) &&
      zb_inline_char_before (s, r->sentence_start, cue->pos) == 0x7684 /* 的 */ &&
      !zb_inline_introduces (s, cue->end, r->sentence_end))
    return TRUE;
  /* 155个计划建设项目: a count before the cue makes it part of a noun phrase */
  {
    const ZbWord *unit = zb_vocab_before (ZB_VOCAB_UNITS, s + r->sentence_start, s + cue->pos);
    if (unit != NULL && unit->value == ZB_UNIT_LEVEL && unit->scope == 1 /* a count */)
      return TRUE;
  }
  if (after_gap_verb (s, clause_start_of (s, r->sentence_start, cue->pos), cue->pos))
    return TRUE;
  /* only the nouns of a goal compare: 目标, 任务, 计划, 目标任务 … */
  if (noun == NULL || noun->value > 2)
    return FALSE;
  if (zb_inline_char_before (s, r->sentence_start, cue->pos) == 0x5DEE /* 差 */ ||
      zb_text_at (s, cue->end, r->sentence_end, "的") || names_schedule (s, cue->end, r->sentence_end) ||
      ((rate = zb_vocab_at (ZB_VOCAB_RATE_WORDS, s + cue->end, s + r->sentence_end)) != NULL && rate->value == 1))
    return TRUE;
  /* 抽检任务完成40户: the task reported done; 任务合格率: a rate named by it */
  {
    gsize q = zb_text_skip_spaces (s, cue->end, r->sentence_end);
    /* 投资计划未下达: the plan is the subject of a report */
    if (zb_vocab_at (ZB_VOCAB_NEGATIONS, s + q, s + r->sentence_end) != NULL)
      return TRUE;
    /* 计划完成投资 plans; 任务完成40户 reports */
    if (noun->value <= 1 && zb_vocab_at (ZB_VOCAB_COMPLETION_VERBS, s + q, s + r->sentence_end) != NULL)
      return TRUE;
    for (int k = 0; k < 4 && q < r->sentence_end; k++)
      {
        if ((rate = zb_vocab_at (ZB_VOCAB_RATE_WORDS, s + q, s + r->sentence_end)) != NULL && rate->value == 4)
          return TRUE;
        if ((guchar) s[q] < 0x80)
          break;
        q = g_utf8_next_char (s + q) - s;
      }
  }
  /* 超额完成年度目标任务, 已完成…建设任务: a report of what was done */
  back = clause_start_of (s, r->sentence_start, cue->pos);
  return zb_vocab_find (ZB_VOCAB_COMPLETION_VERBS, s + back, s + cue->pos, NULL) != NULL;
}

/* Is there a done marker (已, 累计, 实际) in [from, to)? Known indicators are
 * read whole: 实际利用外资 is a name, not a report. */
static gboolean
has_done_marker (const char *s,
                 gsize       from,
                 gsize       to)
{
  const guint64 kinds = ZB_VOCAB_BIT (ZB_VOCAB_DONE_MARKERS) | ZB_VOCAB_BIT (ZB_VOCAB_INDICATORS);

  for (gsize q = from; q < to; )
    {
      ZbVocabKind kind;
      const ZbWord *w = zb_vocab_at_any (kinds, s + q, s + to, &kind);

      /* 已争取到位的资金: a done marker inside a noun's modifier reports nothing */
      if (w != NULL && kind == ZB_VOCAB_DONE_MARKERS)
        {
          gsize q2 = q + strlen (w->word);
          const char *de = g_strstr_len (s + q2, to - q2, "的");
          const char *comma = memchr (s + q2, ',', to - q2);
          if (de == NULL || (comma != NULL && comma < de))
            return TRUE;
        }
      q = w != NULL ? q + strlen (w->word) : (gsize) (g_utf8_next_char (s + q) - s);
    }
  return FALSE;
}

/* Rule report-closes: between the cue and the mention, a done marker (计划…,
 * 已完成…), the parts of a total (任务共124户次,其中…), or a clause of its own
 * that reports a period already under way (目标为…, 上半年仅…3家). */
static gboolean
closed_by_report (ZbReader    *r,
                  const ZbCue *cue,
                  gsize        clause_start,
                  gsize        pos)
{
  const char *s = r->s;

  if (zb_vocab_find (ZB_VOCAB_PART_MARKERS, s + cue->pos, s + pos, NULL) != NULL)
    return TRUE;
  if (has_done_marker (s, cue->end, pos))
    return TRUE;
  if (cue->pos < clause_start)
    {
      g_autofree char *own = zb_inline_period_scan (s, zb_inline_reach_back (s, clause_start, pos), pos, NULL);
      if (own != NULL && zb_inline_period_is_past (r->ctx, own))
        return TRUE;
      if (own != NULL && r->ctx->now_month == 0)
        {
          /* no date: a cumulative period short of the year is a report */
          ZbPeriod pd;
          if (zb_period_parse (own, &pd) && pd.first_month <= 1 && pd.last_month > 0 && pd.last_month < 12)
            return TRUE;
        }
    }
  return FALSE;
}

/* Rule estimate: 预计 of a period already reported estimates an actual; of
 * one still to come, it is a goal. */
static gboolean
estimate_is_goal (ZbInlineContext *ctx,
                  const char      *period)
{
  ZbPeriod pd;

  if (period == NULL)
    return ctx->now_month == 0 || !zb_inline_period_is_past (ctx, period);
  if (ctx->now_month > 0 || ctx->now_year > 0)
    {
      if (zb_inline_period_is_future (ctx, period))
        return TRUE;
      if (zb_inline_period_is_past (ctx, period))
        return FALSE;
    }
  if (zb_period_parse (period, &pd) && pd.last_month > 0 && pd.last_month <= ctx->latest_month &&
      ctx->latest_month < 12)
    return FALSE;
  /* 2023年 (or 20XX年) 预计…: the estimate of a year under review — unless
   * the report has told of months short of its end (截至11月6日…) */
  {
    const ZbWord *year = zb_vocab_suffix (ZB_VOCAB_DATE_PARTS, period);
    if (year != NULL && year->value == 1 && g_ascii_isdigit (period[0]) && strlen (period) <= 8 &&
        strchr (period, '-') == NULL)
      return ctx->latest_month > 0 && ctx->latest_month < 12;
  }
  if (ctx->latest_month == 0 && zb_period_parse (period, &pd) && pd.last_month > 0 && pd.last_month < 12)
    return FALSE;
  return TRUE;
}

/* Rule goal-predicate: a goal noun that states its own figure (监督抽检任务
 * 316个, 总任务为2536批次) is its clause's predicate: the clauses after it
 * say what was done. */
static gboolean
cue_states_figure (ZbReader    *r,
                   const ZbCue *cue)
{
  const char *s = r->s;
  const ZbWord *noun = zb_vocab_lookup (ZB_VOCAB_GOAL_NOUNS, cue->word->word, strlen (cue->word->word));
  gsize q = zb_text_skip_spaces (s, cue->end, r->sentence_end);
  const ZbWord *filler;

  if (noun == NULL || noun->value > 2)
    return FALSE;
  if ((filler = zb_vocab_at (ZB_VOCAB_FILLERS, s + q, s + r->sentence_end)) != NULL)
    q = zb_text_skip_spaces (s, q + strlen (filler->word), r->sentence_end);
  return q < r->sentence_end && g_ascii_isdigit (s[q]);
}

/* Rule two-tier: 保5争6 — 保 and 争 are goals only before a number. */
static gboolean
modal_holds (ZbReader    *r,
             const ZbCue *cue,
             gsize        pos)
{
  const char *word = cue->word->word;

  if (zb_vocab_lookup (ZB_VOCAB_TWO_TIER, word, strlen (word)) != NULL)
    {
      gsize q = zb_text_skip_spaces (r->s, cue->end, pos);
      return q < pos && g_ascii_isdigit (r->s[q]);
    }
  return TRUE;
}

/* Does a goal noun of its own stand at pos: 的目标, 的任务, or 目标任务? */
gboolean
zb_inline_of_goal (const char *s,
                   gsize       pos,
                   gsize       end)
{
  const ZbWord *noun;

  if (zb_text_at (s, pos, end, "的"))
    {
      noun = zb_vocab_at (ZB_VOCAB_GOAL_NOUNS, s + pos + strlen ("的"), s + end);
      return noun != NULL && noun->value <= 1;
    }
  noun = zb_vocab_at (ZB_VOCAB_GOAL_NOUNS, s + pos, s + end);
  return noun != NULL && noun->value <= 1 && g_utf8_strlen (noun->word, -1) >= 4;
}

/* Rule goal-after: 增长5%的目标, 40家的任务 */
static gboolean
goal_after (const char *s,
            gsize       pos,
            gsize       clause_end)
{
  gsize lim = zb_inline_reach_ahead (s, pos, clause_end, ZB_INLINE_NEAR);

  for (gsize p = pos; p < lim; p = g_utf8_next_char (s + p) - s)
    if (zb_inline_of_goal (s, p, clause_end))
      return TRUE;
  return FALSE;
}

/* Is the mention m, in the clause [clause_start, clause_end), a goal? */
ZbGoalScope
zb_inline_goal (ZbReader        *r,
                gsize            clause_start,
                const ZbMention *m,
                gsize            clause_end,
                const char      *period,
                gboolean         period_written)
{
  ZbGoalScope scope = ZB_GOAL_NONE;
  gsize pos = m->start;

  scan_cues (r, pos);
  /* the nearest cue first; a run-on "sentence" of a megabyte must not make
   * this quadratic, so cues further back than a long sentence are not read */
  for (guint h = r->cues->len; h > 0 && scope == ZB_GOAL_NONE; h--)
    {
      const ZbCue *cue = &g_array_index (r->cues, ZbCue, h - 1);
      ZbMood mood = cue->word->value;
      gboolean own = cue->pos >= clause_start;

      if (cue->end > pos)
        continue;
      if (cue->pos + MAX_REACH < pos)
        break;
      if (cue->word->scope == ZB_SCOPE_CLAUSE && !own)
        continue;
      if (mood == ZB_MOOD_MODAL && !modal_holds (r, cue, pos))
        continue;
      if (cue_compares (r, cue) || closed_by_report (r, cue, clause_start, pos) ||
          (!own && cue_states_figure (r, cue)))
        continue;
      if (mood == ZB_MOOD_ESTIMATE && !estimate_is_goal (r->ctx, period))
        continue;
      scope = own ? ZB_GOAL_CLAUSE : ZB_GOAL_SENTENCE;
    }
  if (scope == ZB_GOAL_NONE && goal_after (r->s, m->end, clause_end))
    scope = ZB_GOAL_AFTER;
  if (scope == ZB_GOAL_NONE && (r->ctx->frame || r->ctx->section_goal))
    {
      /* a frame holds until a report closes it */
      if (!has_done_marker (r->s, zb_inline_reach_back (r->s, clause_start, pos), pos) &&
          !zb_inline_period_is_past (r->ctx, period))
        scope = ZB_GOAL_FRAME;
    }
  /* Rule future-period: what the sentence dates in a period still to come
   * cannot be a report (全年新增备案企业20户以上, said in June) */
  if (scope == ZB_GOAL_NONE && period_written && zb_inline_period_is_ahead (r->ctx, period) &&
      !has_done_marker (r->s, zb_inline_reach_back (r->s, clause_start, pos), pos))
    scope = ZB_GOAL_PERIOD;
  return scope;
}

/* Does [start, end) end with a phrase that introduces goals: 主要预期目标,
 * 主要预期目标是, 目标任务如下, 预期目标建议为? Not a report against one
 * (完成全年目标任务) nor a noun phrase (…排头兵的目标). */
gboolean
zb_inline_opens_frame (const char *s,
                       gsize       start,
                       gsize       end)
{
  end = zb_inline_trim_end (s, start, end);
  /* the phrase itself, or the phrase and a link (是, 如下, 建议为) */
  for (int linked = 0; linked < 2; linked++)
    {
      const ZbWord *link = linked ? zb_vocab_before (ZB_VOCAB_FRAME_LINKS, s + start, s + end) : NULL;
      gsize stem = end - (link != NULL ? strlen (link->word) : 0);
      const ZbWord *w;

      if (linked && link == NULL)
        break;
      w = zb_vocab_before (ZB_VOCAB_CUES, s + start, s + stem);
      if (w == NULL || w->value != ZB_MOOD_FRAME)
        continue;
      stem -= strlen (w->word);
      /* 今年的主要预期目标是: 的 in a phrase of goals; …排头兵的目标 is a noun's */
      if (zb_inline_char_before (s, start, stem) == 0x7684 /* 的 */ &&
          zb_vocab_find (ZB_VOCAB_FRAME_QUALIFIERS, s + start, s + stem, NULL) == NULL)
        continue;
      return zb_vocab_find (ZB_VOCAB_COMPLETION_VERBS, s + start, s + stem, NULL) == NULL &&
             !has_done_marker (s, start, stem);
    }
  return FALSE;
}

/* After a clause: a report (a done marker, a period already over) closes
 * the frame; a phrase that introduces goals opens one. */
void
zb_inline_mood_clause_done (ZbReader *r,
                            gsize     cs,
                            gsize     ce)
{
  ZbInlineContext *ctx = r->ctx;

  if (ctx->frame)
    {
      g_autofree char *own = zb_inline_period_scan (r->s, cs, ce, NULL);
      if (has_done_marker (r->s, cs, ce) || (own != NULL && zb_inline_period_is_past (ctx, own)))
        ctx->frame = FALSE;
    }
  /* the phrase ends its clause with ：, or its sentence */
  if ((r->s[ce] == ':' || ce >= r->sentence_end) && zb_inline_opens_frame (r->s, cs, ce))
    ctx->frame = TRUE;
}
