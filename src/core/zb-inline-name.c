/* zb-inline-name.c — names: the noun phrase a figure measures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A name is what stands between the previous figure (or the clause's start)
 * and the verb of this one, reduced to a minimal noun phrase: no region, no
 * period, no verb, no actor. It starts after the last word that no name
 * holds (要, 推进, 各县区 … vocab/name_breakers.txt), loses the words around
 * it (vocab/name_prefixes.txt, name_suffixes.txt), and is never a bare word
 * (指标, 主要有). Coordinated names share their head: 第一、二、三产业增加值.
 */
#include "zb-inline-private.h"
#include "zb-text-private.h"

#include <string.h>

/* Does a name end in a word that makes it an indicator (产值, 投资 …), or is
 * it one the lexicon knows? */
gboolean
zb_inline_names_indicator (const char *name)
{
  gsize len = strlen (name);

  return zb_vocab_before (ZB_VOCAB_HEADS, name, name + len) != NULL ||
         zb_vocab_before (ZB_VOCAB_INDICATORS, name, name + len) != NULL;
}

gboolean
zb_inline_is_rate_word (const char *name)
{
  return zb_vocab_lookup (ZB_VOCAB_RATE_WORDS, name, strlen (name)) != NULL;
}

/* Does a name end like a verb phrase (…作了发言, 到位)? */
gboolean
zb_inline_ends_like_verb (const char *name)
{
  return name != NULL && zb_vocab_before (ZB_VOCAB_NAME_ENDINGS, name, name + strlen (name)) != NULL &&
         !zb_inline_names_indicator (name);
}

/* 指标, 主要有, 高一点: words that name nothing */
gboolean
zb_inline_is_bare_word (const char *name)
{
  /* 工业指标, 主要经济指标: indicators in general, not one of them */
  const ZbWord *general = zb_vocab_suffix (ZB_VOCAB_BARE_NAMES, name);

  return name != NULL && (zb_vocab_lookup (ZB_VOCAB_BARE_NAMES, name, strlen (name)) != NULL ||
                          (general != NULL && general->value == 1));
}

/* 增加值 and 增加值增速 speak of one indicator; so do 化妆品抽检合格率 and
 * the 合格率 that restates its head, and 合格 and its 合格率, and a share
 * and the bare 占比 that speaks of it again. */
gboolean
zb_inline_same_indicator (const char *a,
                          const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  const ZbWord *rate;

  if (la == lb)
    return strcmp (a, b) == 0;
  rate = zb_vocab_before (ZB_VOCAB_RATE_WORDS, a, a + la);
  if (rate == NULL)
    return FALSE;
  if (rate->value == 1 && la - strlen (rate->word) == lb && strncmp (a, b, lb) == 0)
    return TRUE;
  if (rate->value < 3)
    return FALSE;
  /* the bare word of its kind: 占比 after 工业投资占固投总额比重 */
  if (la == strlen (rate->word))
    {
      const ZbWord *other = zb_vocab_before (ZB_VOCAB_RATE_WORDS, b, b + lb);
      return other != NULL && other->value == rate->value && lb > strlen (other->word);
    }
  /* a rate's head restated: 合格率 after 化妆品抽检合格率 */
  if (la < lb && strcmp (b + lb - la, a) == 0)
    return TRUE;
  /* the rate of what was just counted as a share: 合格94.44%, 合格率… */
  return la - strlen (rate->word) == lb && strncmp (a, b, lb) == 0;
}

/* The word that names a share (比重): the first of its class in vocab/rate_words.txt. */
static const char *
share_word (void)
{
  for (guint i = 0; i < zb_vocab_sizes[ZB_VOCAB_RATE_WORDS]; i++)
    if (zb_vocab_tables[ZB_VOCAB_RATE_WORDS][i].value == 3)
      return zb_vocab_tables[ZB_VOCAB_RATE_WORDS][i].word;
  return NULL;
}

/* Copies [start, end) without brackets (they hold bases and asides, never
 * the name) and without spaces. */
static GString *
strip_brackets (const char *src,
                gsize       start,
                gsize       end)
{
  GString *buf = g_string_sized_new (end > start ? end - start + 1 : 1);
  int depth = 0;
  gsize run = start;

  /* copied in runs: names are read at every figure */
  if (end < start)
    return buf;
  for (gsize p = start; p <= end; p++)
    {
      char c = p < end ? src[p] : '\0';
      if (p < end && c != '(' && c != ')' && c != ' ')
        continue;
      if (depth == 0 && p > run)
        g_string_append_len (buf, src + run, p - run);
      if (c == '(')
        depth++;
      else if (c == ')')
        depth = MAX (depth - 1, 0);
      run = p + 1;
    }
  return buf;
}

/* Rule trailing-comparison: 工业投资比上年, 同比2022年, 环比 (the last 18 bytes);
 * a rate word (比重, 占比) holds no comparison. */
static gboolean
cut_trailing_comparison (const char *s,
                         gsize       start,
                         gsize      *end)
{
  for (gsize p = *end; p > start && *end - p < 18; )
    {
      const char *prev = g_utf8_find_prev_char (s + start, s + p);
      const ZbWord *w;
      if (prev == NULL)
        break;
      p = prev - s;
      w = zb_vocab_at (ZB_VOCAB_COMPARISON_WORDS, s + p, s + *end);
      if (w == NULL || (w->value != 1 && w->value != 3) || p == start ||
          zb_vocab_at (ZB_VOCAB_RATE_WORDS, s + p, s + *end) != NULL)
        continue;
      /* nor does one that ends in it (占比) */
      {
        const char *before = g_utf8_find_prev_char (s + start, s + p);
        const ZbWord *rate = before ? zb_vocab_at (ZB_VOCAB_RATE_WORDS, before, s + *end) : NULL;
        if (rate != NULL && before + strlen (rate->word) > s + p)
          continue;
      }
      /* 同比, 环比: the year-on-year word goes whole */
      {
        const char *before = g_utf8_find_prev_char (s + start, s + p);
        const ZbWord *yoy = before ? zb_vocab_at (ZB_VOCAB_COMPARISON_WORDS, before, s + *end) : NULL;
        if (yoy != NULL && yoy->value == 3 && before >= s + start)
          p = before - s;
      }
      *end = p;
      return TRUE;
    }
  return FALSE;
}

/* Rule trailing-period: GDP增速一季度 (periods are short: look at the tail) */
static gboolean
cut_trailing_period (const char *s,
                     gsize       start,
                     gsize      *end)
{
  for (gsize p = *end > start + 30 ? *end - 30 : start; p < *end; p = g_utf8_next_char (s + p) - s)
    {
      gsize m;
      if ((s[p] & 0xC0) == 0x80)
        continue;
      m = zb_inline_match_period (s, p, *end);
      if (m > 0 && p + m == *end && p > start)
        {
          *end = p;
          return TRUE;
        }
    }
  return FALSE;
}

/* Peels periods, regions, connectors and verbs off both ends until nothing
 * changes. FALSE when the span is a comparison (较2022年, 比上半年): no name. */
static gboolean
peel (const char *s,
      gsize      *start,
      gsize      *end)
{
  gboolean changed = TRUE;

  while (changed && *start < *end)
    {
      const ZbWord *w;
      gsize n;

      changed = TRUE;
      const ZbWord *known = zb_vocab_at (ZB_VOCAB_INDICATORS, s + *start, s + *end);
      const ZbWord *plan;

      if ((n = zb_inline_match_period (s, *start, *end)) > 0)
        *start += n;
      /* 全社会用电量 is an indicator, not 全社会 and 用电量; 完成率 no bare 率 */
      else if ((w = zb_vocab_at (ZB_VOCAB_NAME_PREFIXES, s + *start, s + *end)) != NULL && w->value == 0 &&
               (known == NULL || strlen (known->word) <= strlen (w->word)) &&
               zb_vocab_lookup (ZB_VOCAB_RATE_WORDS, s + *start + strlen (w->word),
                                *end - *start - strlen (w->word)) == NULL &&
               /* 计划投资: a plan's head is a name of its own */
               !((plan = zb_vocab_lookup (ZB_VOCAB_GOAL_NOUNS, w->word, strlen (w->word))) != NULL && plan->value == 2 &&
                 zb_vocab_lookup (ZB_VOCAB_HEADS, s + *start + strlen (w->word), *end - *start - strlen (w->word)) != NULL))
        *start += strlen (w->word);
      else if ((w = zb_vocab_at (ZB_VOCAB_COMPARISON_WORDS, s + *start, s + *end)) != NULL &&
               (w->value == 1 || w->value == 4 || w->value == 3) && zb_vocab_at (ZB_VOCAB_RATE_WORDS, s + *start, s + *end) == NULL)
        return FALSE;
      else if ((w = zb_vocab_before (ZB_VOCAB_NAME_SUFFIXES, s + *start, s + *end)) != NULL && w->value == 0)
        *end -= strlen (w->word);
      else if ((w = zb_vocab_before (ZB_VOCAB_GAP_VERBS, s + *start, s + *end)) != NULL && strlen (w->word) > 3)
        *end -= strlen (w->word);
      else
        changed = cut_trailing_comparison (s, *start, end) || cut_trailing_period (s, *start, end);
    }
  return TRUE;
}

/* Rule period-inside: 有效工业投资项目1-9月已完成 — the name ends where a
 * period or 已 begins; 拉动前三季度GDP — a short verb, the period, the name;
 * 重点工业投资项目2023—2025年预计新增产值 — the indicator follows the period. */
static void
cut_at_inner_period (const char *s,
                     gsize      *start,
                     gsize      *end)
{
  for (gsize p = *start + 3; p < *end; p = g_utf8_next_char (s + p) - s)
    {
      gsize n = zb_inline_match_period (s, p, *end);
      if (n > 0 && p - *start <= 6 && p + n < *end)
        {
          *start = p + n;
          return;
        }
      const ZbWord *done = zb_vocab_at (ZB_VOCAB_DONE_MARKERS, s + p, s + *end);
      if (n > 0 || (done != NULL && done->value == 1))
        {
          if (n > 0 && p + n < *end)
            {
              g_autofree char *tail = zb_inline_clean_name (s, p + n, *end);
              if (tail != NULL && zb_inline_names_indicator (tail))
                {
                  *start = p + n;
                  return;
                }
            }
          *end = p;
          return;
        }
    }
}

/* Rule evaluation: 汽车零售业拉动作用强劲(增长20.6%) — a judgement at the end
 * of the words (强劲, 显著, 不足) and what it judges (拉动作用, 增幅, 后劲)
 * are said of the subject: the name is what stands before them. */
static void
cut_evaluation (const char *s,
                gsize       start,
                gsize      *end)
{
  const ZbWord *w = zb_vocab_before (ZB_VOCAB_EVALUATIONS, s + start, s + *end);
  gsize e;

  if (w == NULL || w->value != 1)
    return;
  e = *end - strlen (w->word);
  while ((w = zb_vocab_before (ZB_VOCAB_EVALUATIONS, s + start, s + e)) != NULL && w->value == 2)
    e -= strlen (w->word);
  /* a judgement alone (增速明显) leaves the words for the subject */
  if (e >= start + 6)
    *end = e;
}

/* Rule breaker: a name starts after the last verb, modal or actor that no
 * name holds — 各县区要紧盯固定资产投资 names 固定资产投资. When what follows
 * the breaker names nothing (采购份额要实打实地提高到, 资金发放量要达到), the
 * subject stands before it: *fallback_* is that span. */
static gboolean
start_after_breakers (const char *s,
                      gsize      *start,
                      gsize       end,
                      gsize      *fallback_start,
                      gsize      *fallback_end)
{
  gsize cut = *start, before_cut = *start, breaker_at = *start;

  for (gsize p = *start; p < end; )
    {
      const ZbWord *w = zb_vocab_at (ZB_VOCAB_NAME_BREAKERS, s + p, s + end);
      const ZbWord *known = zb_vocab_at (ZB_VOCAB_INDICATORS, s + p, s + end);

      /* a known indicator is read whole: 规模以上工业增加值 holds no breaker;
       * so is a word that holds one (出让 holds 让) */
      if (known != NULL && (w == NULL || strlen (known->word) >= strlen (w->word)))
        {
          p += strlen (known->word);
          continue;
        }
      if (w != NULL && w->value == 1)
        {
          p += strlen (w->word);
          continue;
        }
      if (w != NULL)
        {
          if (p + strlen (w->word) < end)
            {
              before_cut = cut;
              breaker_at = p;
              cut = p + strlen (w->word);
            }
          else
            {
              /* 就难以: a breaker at the end leaves only what is before it */
              *fallback_start = cut;
              *fallback_end = p;
              *start = end;
              return TRUE;
            }
          p += strlen (w->word);
          continue;
        }
      p = g_utf8_next_char (s + p) - s;
    }
  if (cut == *start)
    return FALSE;
  *fallback_start = before_cut;
  *fallback_end = breaker_at;
  *start = cut;
  return TRUE;
}

/* Does [start, end) read as a manner (实打实地) or as nothing once peeled? */
static gboolean
names_nothing (const char *s,
               gsize       start,
               gsize       end)
{
  if (zb_vocab_before (ZB_VOCAB_MANNER_WORDS, s + start, s + end) != NULL || g_utf8_strlen (s + start, end - start) <= 1)
    return TRUE;
  return !peel (s, &start, &end) || start >= end;
}

/* Is the span before a breaker a name of its own (two characters at least)? */
static gboolean
names_something (const char *s,
                 gsize       start,
                 gsize       end)
{
  return peel (s, &start, &end) && end >= start + 6;
}

/* Where a share's 占 stands in [start, end), with where its whole begins in
 * *whole (after 占 or 占到); NULL when there is none. 占比, 占地, 占有 are
 * words of their own — unless a known indicator or area follows the 占
 * (占地区生产总值比重). */
const char *
zb_inline_find_share (const char *s,
                      gsize       start,
                      gsize       end,
                      gsize      *whole)
{
  for (gsize p = start; p < end; )
    {
      const char *at = NULL;
      const ZbWord *w = zb_vocab_find (ZB_VOCAB_SHARE_WORDS, s + p, s + end, &at);
      gsize after;

      if (w == NULL)
        return NULL;
      after = g_utf8_next_char (at) - s;
      if (w->value == 0 && (zb_vocab_at (ZB_VOCAB_INDICATORS, s + after, s + end) != NULL ||
                            zb_vocab_at (ZB_VOCAB_AREAS, s + after, s + end) != NULL))
        {
          *whole = after;
          return at;
        }
      if (w->value > 0)
        {
          *whole = w->value == 2 ? (gsize) (at - s) + strlen (w->word) : after;
          return at;
        }
      p = at - s + strlen (w->word);
    }
  return NULL;
}

gboolean
zb_inline_names_share (const char *name)
{
  gsize whole;
  return name != NULL && zb_inline_find_share (name, 0, strlen (name), &whole) != NULL;
}

/* Rule share: 工业投资占全县固定资产投资的比重 names 工业投资占固定资产投资比重:
 * the whole's region goes, and the share says it is one. */
static char *
share_name (const char *s,
            gsize       start,
            gsize       end)
{
  gsize p = 0;
  const char *share = zb_inline_find_share (s, start, end, &p);
  const ZbWord *region, *rate;
  GString *out;

  if (share == NULL)
    return NULL;
  region = zb_vocab_at (ZB_VOCAB_AREAS, s + p, s + end);
  if (region != NULL)
    p += strlen (region->word);
  if (p >= end)
    return NULL;
  out = g_string_new_len (s + start, g_utf8_next_char (share) - (s + start));
  for (; p < end; p++)
    if (!zb_text_at (s, p, end, "的"))
      g_string_append_c (out, s[p]);
    else
      p += strlen ("的") - 1;
  /* the name says it is a share: 比重, unless it says so already */
  rate = zb_vocab_suffix (ZB_VOCAB_RATE_WORDS, out->str);
  if (rate == NULL || rate->value != 3)
    g_string_append (out, share_word ());
  return g_string_free (out, FALSE);
}

/* Rule of-phrase: X的Y names Y, unless X is a threshold (收入过100亿元的企业) */
static void
start_after_of (const char *s,
                gsize      *start,
                gsize       end)
{
  for (gsize p = end; p > *start + 3; p--)
    if (zb_text_at (s, p - 3, end, "的") && end - p >= 6)
      {
        gboolean digits = FALSE;
        for (gsize k = *start; k < p; k++)
          digits |= g_ascii_isdigit (s[k]);
        if (!digits)
          *start = p;
        return;
      }
}

static gboolean
has_word_char (const char *s,
               gsize       start,
               gsize       end)
{
  for (const char *p = s + start; p < s + end; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) >= 0x4E00 || g_ascii_isalpha (*p))
      return TRUE;
  return FALSE;
}

/* Reduces a raw name span to a minimal noun phrase; NULL when nothing is left. */
char *
zb_inline_clean_name (const char *src,
                      gsize       start,
                      gsize       end)
{
  g_autoptr(GString) buf = strip_brackets (src, start, end);
  const char *s = buf->str;
  GString *out;
  char *share;
  gsize fallback_start = 0, fallback_end = 0;

  start = 0;
  end = buf->len;
  if (!peel (s, &start, &end) || start >= end)
    return NULL;
  cut_at_inner_period (s, &start, &end);
  /* a name is inside one clause: (…增长4.7%、全市第5,固定资产投资增长…) */
  for (gsize q = end; q > start; q--)
    if (s[q - 1] == ',' || s[q - 1] == ';')
      {
        start = q;
        if (!peel (s, &start, &end) || start >= end)
          return NULL;
        break;
      }
  cut_evaluation (s, start, &end);
  /* what a breaker leaves may open with a prefix again: 要全年… */
  if (start_after_breakers (s, &start, end, &fallback_start, &fallback_end))
    {
      if (names_nothing (s, start, end) && fallback_end > fallback_start)
        {
          if (!names_something (s, fallback_start, fallback_end))
            return NULL;
          start = fallback_start, end = fallback_end;
        }
      if (!peel (s, &start, &end))
        return NULL;
    }
  if (start < end && (share = share_name (s, start, end)) != NULL)
    return share;
  start_after_of (s, &start, end);
  if (start >= end || !has_word_char (s, start, end))
    return NULL;

  /* verbs inside a name: 规上服务业全口径实现营业收入 */
  out = g_string_new_len (s + start, end - start);
  for (guint i = 0; i < zb_vocab_sizes[ZB_VOCAB_NAME_INNER]; i++)
    {
      const char *word = zb_vocab_tables[ZB_VOCAB_NAME_INNER][i].word;
      char *hit;
      while (out->len > strlen (word) && (hit = strstr (out->str + 3, word)) != NULL)
        g_string_erase (out, hit - out->str, strlen (word));
    }
  if (zb_inline_is_bare_word (out->str))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* 12个规模养殖场加大投入: a verb (a name breaker) ends the noun of a
 * count; known indicators are read whole */
static gboolean
verb_at (const char *s,
         gsize       q,
         gsize       ce)
{
  const guint64 kinds = ZB_VOCAB_BIT (ZB_VOCAB_NAME_BREAKERS) | ZB_VOCAB_BIT (ZB_VOCAB_INDICATORS);
  ZbVocabKind kind;
  const ZbWord *w = zb_vocab_at_any (kinds, s + q, s + ce, &kind);

  return w != NULL && kind == ZB_VOCAB_NAME_BREAKERS && w->value == 0 /* not a word holding one */;
}

/* 5个贫困村和9个深度贫困村: a word joining a list before another count ends
 * the first count's noun */
static gboolean
joins_next_count (const char *s,
                  gsize       q,
                  gsize       ce)
{
  const ZbWord *join = zb_vocab_at (ZB_VOCAB_LIST_WORDS, s + q, s + ce);
  gsize next;

  if (join == NULL)
    return FALSE;
  next = zb_text_skip_spaces (s, q + strlen (join->word), ce);
  return next < ce && g_ascii_isdigit (s[next]);
}

/* The noun phrase right after a count: 培育1至2户专业外贸公司和外贸综合服务企业,
 * 计划拿出4050万元财政资金用于… (up to 的, a verb of use, or the clause's end). */
char *
zb_inline_name_after (const char *s,
                      gsize       pos,
                      gsize       ce)
{
  gsize q, verb = 0;

  pos = zb_text_skip_spaces (s, pos, ce);
  if (zb_text_at (s, pos, ce, "的"))
    pos += strlen ("的");
  ce = zb_inline_reach_ahead (s, pos, ce, ZB_INLINE_NEAR);
  for (q = pos; q < ce; q = g_utf8_next_char (s + q) - s)
    {
      gunichar c = g_utf8_get_char (s + q);
      if (!(g_unichar_isalnum (c) || c == 0x201C || c == 0x201D || c == '"' || c == 0x2014 || c == '-'))
        break;
      if (verb == 0 && q > pos && verb_at (s, q, ce))
        verb = q;
      if (zb_text_at (s, q, ce, "的") || zb_vocab_at (ZB_VOCAB_AFTER_STOPS, s + q, s + ce) != NULL ||
          joins_next_count (s, q, ce))
        break;
    }
  /* a run that ends like a verb is a predicate the callers refuse
   * (5个单位负责同志围绕…作了发言); else the noun ends at its verb */
  if (verb > 0 && q > verb)
    {
      g_autofree char *whole = zb_inline_clean_name (s, pos, q);

      if (whole == NULL || !zb_inline_ends_like_verb (whole))
        q = verb;
    }
  /* 12件民生实事和我县确定的8件…: what follows the conjunction describes
   * the next count */
  if (zb_text_at (s, q, ce, "的"))
    {
      gsize next = zb_text_skip_spaces (s, q + strlen ("的"), ce);

      if (next < ce && g_ascii_isdigit (s[next]))
        for (gsize k = q; k > pos; k = g_utf8_find_prev_char (s + pos, s + k) - s)
          {
            const ZbWord *join = zb_vocab_at (ZB_VOCAB_LIST_WORDS, s + k, s + q);

            /* 和, 及, 与: words, not the 、 of a list of names */
            if (join != NULL && join->value > 0)
              {
                q = k;
                break;
              }
          }
    }
  return q > pos ? zb_inline_clean_name (s, pos, q) : NULL;
}

/* A name is a phrase, not a sentence: keep its last 20 characters. */
char *
zb_inline_shorten_name (char *name)
{
  glong n;
  char *t;

  if (name == NULL || (n = g_utf8_strlen (name, -1)) <= 20)
    return name;
  t = g_strdup (g_utf8_offset_to_pointer (name, n - 20));
  g_free (name);
  return t;
}

/* Past an ordinal word (第) at the start of a name. */
static const char *
skip_ordinal (const char *p)
{
  const ZbWord *w = zb_vocab_prefix (ZB_VOCAB_NUMBER_WORDS, p);
  return w != NULL && w->value == 3 ? p + strlen (w->word) : p;
}

/* Rule numeral-series: 第一、二、三产业增加值 → 第一产业增加值 … */
static gboolean
share_numeral_series (GPtrArray *parts)
{
  const char *last = g_ptr_array_index (parts, parts->len - 1);
  const char *first = g_ptr_array_index (parts, 0);
  const ZbWord *ordinal_word = zb_vocab_prefix (ZB_VOCAB_NUMBER_WORDS, first);
  gboolean ordinal = ordinal_word != NULL && ordinal_word->value == 3;
  const char *tail = last;
  g_autofree char *head = NULL;

  tail = skip_ordinal (tail);
  if (zb_text_cn_digit (g_utf8_get_char (tail)) < 0)
    return FALSE;
  for (guint i = 0; i + 1 < parts->len; i++)
    {
      const char *p = g_ptr_array_index (parts, i);
      p = skip_ordinal (p);
      if (zb_text_cn_digit (g_utf8_get_char (p)) < 0 || *g_utf8_next_char (p) != '\0')
        return FALSE;
    }
  tail = g_utf8_next_char (tail);
  if (*tail == '\0')
    return FALSE;
  for (guint i = 0; i < parts->len; i++)
    {
      char *p = g_ptr_array_index (parts, i);
      const char *digit = skip_ordinal (p);
      g_autofree char *numeral = g_strndup (digit, g_utf8_next_char (digit) - digit);
      g_ptr_array_index (parts, i) = g_strconcat (ordinal ? ordinal_word->word : "", numeral, tail, NULL);
      g_free (p);
    }
  return TRUE;
}

/* Rule shared-head: 食品加工、装备制造、新材料产业产值 and 城镇和农村居民人均可支
 * 配收入 — the head of the last name goes to those that have none. */
static void
share_head (GPtrArray *parts)
{
  const char *last = g_ptr_array_index (parts, parts->len - 1);
  const ZbWord *tail = zb_vocab_before (ZB_VOCAB_SHARED_TAILS, last, last + strlen (last));

  /* any indicator's head is shared so: 肉类、奶类、禽蛋总产 */
  if (tail == NULL)
    tail = zb_vocab_before (ZB_VOCAB_HEADS, last, last + strlen (last));
  if (tail == NULL || strlen (tail->word) >= strlen (last))
    return;
  for (guint i = 0; i + 1 < parts->len; i++)
    {
      char *part = g_ptr_array_index (parts, i);
      if (!zb_inline_names_indicator (part))
        {
          g_ptr_array_index (parts, i) = g_strconcat (part, tail->word, NULL);
          g_free (part);
        }
    }
}

static GPtrArray *
split_by (const char *name,
          int         conjunctions)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *copy = g_strdup (name);
  char *start = copy;

  for (char *p = copy; *p; )
    {
      const ZbWord *join = zb_vocab_prefix (ZB_VOCAB_LIST_WORDS, p);
      if (join != NULL && join->value <= conjunctions)
        {
          *p = '\0';
          if (*start)
            g_ptr_array_add (parts, g_strdup (start));
          p += strlen (join->word);
          start = p;
          continue;
        }
      p = g_utf8_next_char (p);
    }
  if (*start)
    g_ptr_array_add (parts, g_strdup (start));
  if (parts->len > 1 && !share_numeral_series (parts))
    share_head (parts);
  return parts;
}

/* Splits "A和B、C" into names for a 分别 list of wanted numbers (0: any). */
GPtrArray *
zb_inline_split_names (const char *name,
                       guint       wanted)
{
  GPtrArray *parts = NULL;
  const ZbWord *pair;

  /* 、 first, then 和 (电力热力燃气及水生产供应业 holds a 及 of its own), then all */
  for (int level = 0; level <= 2; level++)
    {
      if (parts != NULL)
        g_ptr_array_unref (parts);
      parts = split_by (name, level);
      if (parts->len == wanted)
        return parts;
    }
  /* 城乡居民人均可支配收入分别增长4.8%和6.5%: a word that names two, in order */
  if (parts->len == 1 && wanted == 2 && (pair = zb_vocab_prefix (ZB_VOCAB_PAIR_WORDS, name)) != NULL)
    {
      const char *rest = name + strlen (pair->word);
      g_auto(GStrv) two = g_strsplit (pair->text, "|", 2);
      g_ptr_array_set_size (parts, 0);
      for (guint i = 0; two[i] != NULL; i++)
        g_ptr_array_add (parts, g_strconcat (two[i], rest, NULL));
    }
  return parts;
}

/* The subject of a clause with no figure, when it names an indicator in its
 * first 20 characters: 全市固定资产投资保持了较快增长势头, → 固定资产投资. */
char *
zb_inline_topic (const char *s,
                 gsize       cs,
                 gsize       ce)
{
  gsize topic_end = MIN (ce, cs + 60);
  g_autofree char *topic = NULL;
  gboolean head = FALSE;

  while (topic_end > cs && topic_end < ce && (s[topic_end] & 0xC0) == 0x80)
    topic_end--;
  for (gsize p = cs; p < topic_end && !head; p = g_utf8_next_char (s + p) - s)
    {
      /* one look at each character for all three kinds */
      const guint64 kinds = ZB_VOCAB_BIT (ZB_VOCAB_TREND_VERBS) | ZB_VOCAB_BIT (ZB_VOCAB_HEADS) |
                            ZB_VOCAB_BIT (ZB_VOCAB_INDICATORS);
      ZbVocabKind kind;
      const ZbWord *w = (guchar) s[p] < 0x80 && !g_ascii_isalpha (s[p]) ? NULL
                        : zb_vocab_at_any (kinds, s + p, s + topic_end, &kind);

      if (w == NULL)
        continue;
      /* 消费市场回暖: the words before a verb of movement are the subject */
      if (kind == ZB_VOCAB_TREND_VERBS && zb_vocab_at (ZB_VOCAB_HEADS, s + p, s + topic_end) == NULL &&
          zb_vocab_at (ZB_VOCAB_INDICATORS, s + p, s + topic_end) == NULL)
        {
          g_autofree char *subject = NULL;
          gsize first = zb_text_skip_spaces (s, cs, p);
          if (p == cs)
            break;
          subject = zb_inline_clean_name (s, cs, p);
          if (subject != NULL && g_utf8_strlen (subject, -1) >= 2 && g_utf8_strlen (subject, -1) <= 10 &&
              !zb_inline_is_rate_word (subject) && !zb_inline_is_bare_word (subject) &&
              zb_vocab_at (ZB_VOCAB_PREDICATE_VERBS, s + first, s + p) == NULL)
            return g_steal_pointer (&subject);
          break;
        }
      head = TRUE;
    }
  if (!head || (topic = zb_inline_clean_name (s, cs, topic_end)) == NULL)
    return NULL;

  /* the subject is the phrase up to its first indicator head */
  for (const char *p = topic; *p; p = g_utf8_next_char (p))
    {
      const ZbWord *w = zb_vocab_at (ZB_VOCAB_INDICATORS, p, p + strlen (p));
      if (w == NULL)
        w = zb_vocab_at (ZB_VOCAB_HEADS, p, p + strlen (p));
      if (w != NULL)
        {
          gsize len = (p - topic) + strlen (w->word);
          return g_utf8_strlen (topic, len) <= 15 ? g_strndup (topic, len) : NULL;
        }
    }
  return NULL;
}
