/* zb-inline-mention.c — mentions: numbers with units, and what they are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A mention is a number (682.3, １２３.４５, 百分之六点五, 两个百分点) or a
 * list of numbers sharing a unit (1.7、0.3、0.1个百分点), with a qualifier
 * (以上, 左右). Its role comes from the words right before it: a change
 * after 增长, a gap after 高于全省 or 比目标低, a progress after 完成年度目标的,
 * a base in 同比(72.19亿元), else a level.
 */
#include "zb-inline-private.h"
#include "zb-text-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

gunichar
zb_inline_char_before (const char *s,
                       gsize       start,
                       gsize       pos)
{
  const char *p;

  if (pos <= start)
    return 0;
  p = g_utf8_find_prev_char (s + start, s + pos);
  return p ? g_utf8_get_char (p) : 0;
}

gsize
zb_inline_trim_end (const char *s,
                    gsize       start,
                    gsize       end)
{
  while (end > start && s[end - 1] == ' ')
    end--;
  return end;
}

/* Is a word of the kind (of the value; any when value is -1) at pos? Its
 * length in *len. */
static gboolean
word_at (ZbVocabKind  kind,
         int          value,
         const char  *s,
         gsize        pos,
         gsize        end,
         gsize       *len)
{
  const ZbWord *w = zb_vocab_at (kind, s + pos, s + end);

  if (w == NULL || (value >= 0 && w->value != value))
    return FALSE;
  if (len != NULL)
    *len = strlen (w->word);
  return TRUE;
}

/* Does [start, end) end with a word of the kind (and value)? Its length in *len. */
static gboolean
word_ends (ZbVocabKind  kind,
           int          value,
           const char  *s,
           gsize        start,
           gsize        end,
           gsize       *len)
{
  const ZbWord *w = zb_vocab_before (kind, s + start, s + end);

  if (w == NULL || (value >= 0 && w->value != value))
    return FALSE;
  if (len != NULL)
    *len = strlen (w->word);
  return TRUE;
}

/* Arabic numbers: 682.3, 1 234; returns bytes consumed. */
static gsize
read_number (const char *s,
             gsize       pos,
             gsize       end,
             ZbNumber   *number)
{
  gsize p = pos;
  char buf[64];
  gsize k = 0;

  while (p < end && g_ascii_isdigit (s[p]))
    p++;
  if (p == pos)
    return 0;
  if (p + 1 < end && s[p] == '.' && g_ascii_isdigit (s[p + 1]))
    {
      p++;
      while (p < end && g_ascii_isdigit (s[p]))
        p++;
    }
  if (p - pos >= sizeof buf)
    {
      /* absurdly long: read it, but keep only what a double can hold */
      number->value = HUGE_VAL;
      number->set = FALSE;
      return p - pos;
    }
  for (gsize i = pos; i < p; i++)
    buf[k++] = s[i];
  buf[k] = '\0';
  number->value = g_ascii_strtod (buf, NULL);
  number->set = isfinite (number->value);
  number->decimals = strchr (buf, '.') ? (gint8) MIN (strlen (strchr (buf, '.') + 1), 12) : 0;
  return p - pos;
}

static const char *
qualifier_at (const char *s,
              gsize      *pos,
              gsize       end)
{
  gsize p = zb_text_skip_spaces (s, *pos, end);
  const ZbWord *w = zb_vocab_at (ZB_VOCAB_QUALIFIERS, s + p, s + end);

  /* 多 only as in 40多个百分点 — read before the unit */
  if (w == NULL || w->value == 3)
    return NULL;
  *pos = p + strlen (w->word);
  return w->word;
}

/* 百分之六点五 */
static gboolean
read_percent_words (const char *s,
                    gsize       p,
                    gsize       end,
                    ZbMention  *m)
{
  double v;
  gint8 decimals = 0;
  gsize n = 0;
  gsize q, k;

  word_at (ZB_VOCAB_NUMBER_WORDS, 1, s, p, end, &n);
  q = p + n;
  k = zb_text_read_cn_number (s, q, end, &v, &decimals);

  if (k == 0)
    return FALSE;
  m->number.value = v;
  m->number.decimals = decimals;
  m->number.set = TRUE;
  m->unit = zb_vocab_at (ZB_VOCAB_UNITS, "%", "%" + 1);
  m->end = q + k;
  return TRUE;
}

/* 1—2家, 3-5家: a range; its low end is the figure. Returns where it ends. */
static gsize
read_range_end (const char *s,
                gsize       start,
                gsize       p,
                gsize       end,
                ZbMention  *m)
{
  gsize q = zb_text_skip_spaces (s, p, end);
  gsize r = q;
  ZbNumber hi;
  gsize k;

  if (zb_text_at (s, r, end, "—") || zb_text_at (s, r, end, "~"))
    r += zb_text_at (s, r, end, "~") ? 1 : strlen ("—");
  else if (r < end && s[r] == '-')
    r++;
  else
    {
      gsize n = 0;
      if (word_at (ZB_VOCAB_REACH_WORDS, 1, s, r, end, &n))
        r += n;
    }
  if (r == q)
    return p;
  r = zb_text_skip_spaces (s, r, end);
  k = r < end && g_ascii_isdigit (s[r]) ? read_number (s, r, end, &hi) : 0;
  if (k == 0 || zb_inline_match_period (s, start, end) != 0)
    return p;
  m->range = TRUE;
  return r + k;
}

/* One number and its unit at p; FALSE when there is no number. */
static gboolean
read_one (const char *s,
          gsize       p,
          gsize       end,
          ZbMention  *m)
{
  gsize n;

  m->start = p;
  if (word_at (ZB_VOCAB_NUMBER_WORDS, 1, s, p, end, NULL))
    return read_percent_words (s, p, end, m);
  if (s[p] == '-' && p + 1 < end && g_ascii_isdigit (s[p + 1]))
    {
      /* -6.5%: a negative number in a list of changes */
      n = read_number (s, p + 1, end, &m->number);
      if (n == 0)
        return FALSE;
      m->number.value = -m->number.value;
      n++;
    }
  else if (g_ascii_isdigit (s[p]))
    n = read_number (s, p, end, &m->number);
  else
    {
      double v;
      /* Chinese numerals only before 个百分点 or 倍: 两个百分点, 一倍 */
      const ZbWord *unit;
      n = zb_text_read_cn_number (s, p, end, &v, NULL);
      unit = n > 0 ? zb_vocab_at (ZB_VOCAB_UNITS, s + p + n, s + end) : NULL;
      if (unit != NULL && (unit->value == ZB_UNIT_PP || unit->value == ZB_UNIT_TIMES))
        {
          m->number.value = v;
          m->number.set = TRUE;
        }
      else
        n = 0;
    }
  if (n == 0)
    return FALSE;
  p = read_range_end (s, m->start, p + n, end, m);
  {
    gsize q = zb_text_skip_spaces (s, p, end);
    const ZbWord *more = zb_vocab_at (ZB_VOCAB_NUMBER_WORDS, s + q, s + end);
    /* 40多个百分点, 3000余家 */
    if (more != NULL && more->value == 2)
      {
        q += strlen (more->word);
        m->qualifier = more->text;
      }
    m->unit = zb_vocab_at (ZB_VOCAB_UNITS, s + q, s + end);
    if (m->unit != NULL)
      p = q + strlen (m->unit->word);
  }
  /* 保6争7: a two-tier goal of a growth, in percent */
  if (m->unit == NULL && (word_at (ZB_VOCAB_TWO_TIER, 2, s, zb_text_skip_spaces (s, p, end), end, NULL) ||
                          word_ends (ZB_VOCAB_TWO_TIER, 2, s, 0, zb_inline_trim_end (s, 0, m->start), NULL)))
    m->unit = zb_vocab_at (ZB_VOCAB_UNITS, "%", "%" + 1);
  /* 2个月, 3个工作日: a span of time is no figure */
  if (m->unit != NULL && m->unit->scope == 1 && word_at (ZB_VOCAB_TIME_SPANS, -1, s, p, end, NULL))
    m->unit = NULL;
  m->end = p;
  return TRUE;
}

/* After a number of a list: 、 or 和, then maybe an area (高于全国7.9个百分点、
 * 全省7.8个百分点), then the next number. Returns its position, or 0. */
static gsize
next_in_list (const char *s,
              gsize       p,
              gsize       end,
              gsize      *area_start,
              gsize      *area_end)
{
  gsize q = zb_text_skip_spaces (s, p, end);
  const ZbWord *area;

  {
    /* 、 and 和 join the numbers of a list */
    gsize n = 0;
    const ZbWord *join = zb_vocab_at (ZB_VOCAB_LIST_WORDS, s + q, s + end);
    if (join == NULL || join->value > 1)
      return 0;
    n = strlen (join->word);
    q += n;
  }
  q = zb_text_skip_spaces (s, q, end);
  *area_start = *area_end = 0;
  area = zb_vocab_at (ZB_VOCAB_AREAS, s + q, s + end);
  if (area != NULL)
    {
      *area_start = q;
      q = zb_text_skip_spaces (s, q + strlen (area->word), end);
      *area_end = q;
    }
  if (q + 1 < end && s[q] == '-' && g_ascii_isdigit (s[q + 1]))
    return q;
  if (q < end && g_ascii_isdigit (s[q]) && zb_inline_match_period (s, q, end) == 0)
    return q;
  return 0;
}

/* Reads one mention (a number or a list of numbers sharing a unit) at pos. */
static gboolean
read_mentions (const char *s,
               gsize       pos,
               gsize       end,
               GArray     *out,
               gsize      *next)
{
  g_autoptr(GArray) list = g_array_new (FALSE, TRUE, sizeof (ZbMention));
  gsize p = pos;
  gsize area_start = 0, area_end = 0;

  for (;;)
    {
      ZbMention m = { 0 };
      gsize q;

      if (!read_one (s, p, end, &m))
        break;
      m.area_start = area_start;
      m.area_end = area_end;
      g_array_append_val (list, m);
      p = m.end;
      q = next_in_list (s, p, end, &area_start, &area_end);
      if (q == 0)
        break;
      p = q;
    }

  *next = p;
  if (list->len == 0)
    return FALSE;

  /* the last unit and qualifier serve the list: 1.7、0.3、0.1个百分点 */
  {
    ZbMention *last = &g_array_index (list, ZbMention, list->len - 1);
    gsize q = last->end;
    const char *qual = qualifier_at (s, &q, end);

    for (guint i = 0; i < list->len; i++)
      {
        ZbMention *m = &g_array_index (list, ZbMention, i);
        /* 提升1个、3.7个百分点: the 个 of the first is the list's 个百分点 */
        if (m->unit == NULL || (last->unit != NULL && last->unit->value == ZB_UNIT_PP && m->unit != last->unit &&
                                g_str_has_prefix (last->unit->word, m->unit->word)))
          m->unit = last->unit;
        if (qual != NULL && m->qualifier == NULL)
          m->qualifier = qual;
      }
    if (qual != NULL)
      last->end = *next = q;
  }

  for (guint i = 0; i < list->len; i++)
    {
      ZbMention *m = &g_array_index (list, ZbMention, i);
      if (m->unit == NULL || !m->number.set)
        continue;
      m->list_index = i;
      m->list_len = list->len;
      g_array_append_val (out, *m);
    }
  return TRUE;
}

/* Could a number start at p? Digits, Chinese numerals (for 两个百分点), 百分之. */
static gboolean
number_candidate (const char *s,
                  gsize       p,
                  gsize       ce)
{
  gunichar c;

  if (g_ascii_isdigit (s[p]))
    return TRUE;
  if (s[p] == '-')
    return p + 1 < ce && g_ascii_isdigit (s[p + 1]) && p > 0 && !g_ascii_isalnum (s[p - 1]) && s[p - 1] != '-';
  if ((guchar) s[p] < 0x80)
    return FALSE;
  /* Chinese numerals are three bytes: decode only those */
  if (((guchar) s[p] & 0xF0) != 0xE0 || p + 2 >= ce)
    return FALSE;
  c = (((guchar) s[p] & 0x0F) << 12) | (((guchar) s[p + 1] & 0x3F) << 6) | ((guchar) s[p + 2] & 0x3F);
  switch (c)
    {
    case 0x96F6: case 0x4E00: case 0x4E8C: case 0x4E09: case 0x56DB: case 0x4E94: /* 零一二三四五 */
    case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D: case 0x4E24: case 0x5341: /* 六七八九两十 */
      return TRUE;
    case 0x767E: /* 百分之 */
      return word_at (ZB_VOCAB_NUMBER_WORDS, 1, s, p, ce, NULL);
    default:
      return FALSE;
    }
}

/* 全年完成GDP172.2亿元: letters that are an indicator's name (GDP, CPI)
 * end before a number; other letters and digits are one token (G20, 5G) */
static gboolean
after_indicator_letters (const char *s,
                         gsize       cs,
                         gsize       p)
{
  gsize a = p;

  while (a > cs && g_ascii_isalpha (s[a - 1]))
    a--;
  return zb_vocab_lookup (ZB_VOCAB_INDICATORS, s + a, p - a) != NULL;
}

/* 第 3 位, 第1名, 前 9 名: a place in a ranking, not a quantity */
static gboolean
is_ordinal (const char *s,
            gsize       cs,
            gsize       p,
            gsize       ce)
{
  gsize b = zb_inline_trim_end (s, cs, p), q = p;
  const ZbWord *place = zb_vocab_before (ZB_VOCAB_RANK_WORDS, s + cs, s + b);

  if (place == NULL || place->value < 3)
    return FALSE;
  if (place->value == 3)
    return TRUE;
  while (q < ce && g_ascii_isdigit (s[q]))
    q++;
  return word_at (ZB_VOCAB_RANK_WORDS, 2, s, zb_text_skip_spaces (s, q, ce), ce, NULL);
}

/* The mentions of a clause, left to right. Numbers in “quotes” are names
 * (“十四五”), kept apart; periods are skipped whole, and noted in periods
 * (start, length pairs). */
void
zb_inline_find_mentions (const char *s,
                         gsize       cs,
                         gsize       ce,
                         GArray     *out,
                         GArray     *periods,
                         gsize      *flat)
{
  gsize qpos = cs;
  int qdepth = 0;

  *flat = G_MAXSIZE;
  for (gsize p = cs; p < ce; )
    {
      gsize n, next;

      if ((guchar) s[p] < 0x80 && !g_ascii_isdigit (s[p]) && !number_candidate (s, p, ce))
        {
          p++;
          continue;
        }
      /* a Han character that starts neither a number, a period nor a flat
       * word (持平): most of them, told apart by one look at the character */
      if (((guchar) s[p] & 0xF0) == 0xE0 && p + 2 < ce)
        {
          gunichar c = (((guchar) s[p] & 0x0F) << 12) | (((guchar) s[p + 1] & 0x3F) << 6) | ((guchar) s[p + 2] & 0x3F);
          if (*flat == G_MAXSIZE && zb_vocab_may_start (ZB_VOCAB_FLAT_WORDS, c) &&
              zb_vocab_at (ZB_VOCAB_FLAT_WORDS, s + p, s + ce) != NULL)
            *flat = p;
          if (!number_candidate (s, p, ce) && !zb_vocab_may_start (ZB_VOCAB_PERIOD_WORDS, c) &&
              !zb_vocab_may_start (ZB_VOCAB_PERIOD_PARTS, c))
            {
              p += 3;
              continue;
            }
        }
      else if ((guchar) s[p] >= 0x80 && !number_candidate (s, p, ce) && !zb_inline_may_start_period (s + p, ce - p))
        {
          p = g_utf8_next_char (s + p) - s;
          continue;
        }
      if ((n = zb_inline_match_period (s, p, ce)) > 0)
        {
          g_array_append_val (periods, p);
          g_array_append_val (periods, n);
          p += n;
          continue;
        }
      if (!number_candidate (s, p, ce))
        {
          p = g_utf8_next_char (s + p) - s;
          continue;
        }
      /* the depth of quotes, kept as we go so a clause is read in one pass */
      while (qpos < p)
        {
          if (zb_text_at (s, qpos, p, "“"))
            qdepth++, qpos += 3;
          else if (zb_text_at (s, qpos, p, "”"))
            qdepth = MAX (qdepth - 1, 0), qpos += 3;
          else
            qpos++;
        }
      if (!(p > cs && ((g_ascii_isalpha (s[p - 1]) && !after_indicator_letters (s, cs, p)) || s[p - 1] == '.')) &&
          !is_ordinal (s, cs, p, ce))
        {
          guint before = out->len;
          if (read_mentions (s, p, ce, out, &next))
            {
              for (guint i = before; i < out->len; i++)
                g_array_index (out, ZbMention, i).in_quotes = qdepth > 0;
              p = MAX (next, p + 1);
              continue;
            }
        }
      p = g_utf8_next_char (s + p) - s;
    }
}

/* Filler allowed between a verb and its number: 增长了, 分别增长, 同比下降约,
 * and a bracketed base or target: 同比(72.19亿元)下降 */
gsize
zb_inline_skip_filler_back (const char *s,
                            gsize       start,
                            gsize       pos)
{
  gboolean changed = TRUE;

  while (changed)
    {
      const ZbWord *filler;

      changed = FALSE;
      pos = zb_inline_trim_end (s, start, pos);
      filler = zb_vocab_before (ZB_VOCAB_FILLERS, s + start, s + pos);
      if (filler != NULL)
        {
          pos -= strlen (filler->word);
          changed = TRUE;
        }
      if (!changed && pos > start && s[pos - 1] == ')')
        {
          gsize p = pos - 1;
          while (p > start && s[p] != '(')
            p--;
          if (s[p] == '(')
            {
              pos = p;
              changed = TRUE;
            }
        }
    }
  return pos;
}

static const char *
reference_name (int value)
{
  return value == ZB_REF_TARGET ? "target" : value == ZB_REF_SCHEDULE ? "schedule" : "benchmark";
}

/* Rule base-in-brackets: 同比(72.19亿元)下降, 比上年(6.5%) */
static gboolean
rule_base (const char *s,
           gsize       cs,
           ZbMention  *m)
{
  gsize b;

  if (m->start <= cs || zb_inline_char_before (s, cs, m->start) != '(')
    return FALSE;
  b = zb_inline_trim_end (s, cs, m->start - 1);
  /* 同比(…), 比上年(…), 2024年(…) */
  if (!word_ends (ZB_VOCAB_COMPARISON_WORDS, 3, s, cs, b, NULL) && !word_ends (ZB_VOCAB_DATE_PARTS, 1, s, cs, b, NULL))
    return FALSE;
  m->role = ZB_ROLE_BASE;
  return TRUE;
}

/* Rule reference-value: the figure of a reference, in brackets:
 * 差目标增速(8.6%), 高于全国(6.8%) */
static gboolean
rule_reference_value (const char *s,
                      gsize       cs,
                      ZbMention  *m)
{
  const ZbWord *ref;
  gsize b;

  if (m->start <= cs || zb_inline_char_before (s, cs, m->start) != '(' || m->unit->value != ZB_UNIT_PERCENT)
    return FALSE;
  b = zb_inline_trim_end (s, cs, m->start - 1);
  ref = zb_vocab_before (ZB_VOCAB_REFERENCES, s + cs, s + b);
  if (ref == NULL)
    return FALSE;
  m->role = ZB_ROLE_REFVALUE;
  m->reference = reference_name (ref->value);
  m->cue_start = b - strlen (ref->word);
  return TRUE;
}

/* Rule bracketed-change: a growth said in words, its number in brackets:
 * 固定资产投资增幅较大（23.7%）, 民间投资增长明显（124.6%）, 增速（41.8%） */
static gboolean
rule_bracketed_change (const char *s,
                       gsize       cs,
                       ZbMention  *m)
{
  gsize b;

  if (m->start <= cs || zb_inline_char_before (s, cs, m->start) != '(' || m->unit->value != ZB_UNIT_PERCENT)
    return FALSE;
  b = zb_inline_trim_end (s, cs, m->start - 1);
  /* up to four characters of manner between the verb and the bracket */
  for (int k = 0; k <= 4 && b > cs; k++)
    {
      const ZbWord *verb = zb_vocab_before (ZB_VOCAB_CHANGE_VERBS, s + cs, s + b);
      /* 新增就业（56.2%）: 新增 counts what is new, it is no growth */
      if (verb != NULL && verb->value != 0 && zb_vocab_before (ZB_VOCAB_NONCHANGE_VERBS, s + cs, s + b) == NULL)
        {
          m->role = ZB_ROLE_CHANGE;
          m->sign = verb->value;
          m->cue_start = b - strlen (verb->word);
          return TRUE;
        }
      b = g_utf8_find_prev_char (s + cs, s + b) - s;
      if (s[b] == ',' || s[b] == ')' || g_ascii_isdigit (s[b]))
        break;
    }
  return FALSE;
}

/* Rule two-tier: 增长“保6争7” — 保 and 争 stand between the verb and each
 * number; the role is the verb's. */
static gboolean
rule_two_tier (const char *s,
               gsize       cs,
               gsize       before,
               ZbMention  *m)
{
  gsize left_start = cs;
  gsize b = before;
  const ZbWord *verb;
  gsize n = 0;

  if (word_ends (ZB_VOCAB_TWO_TIER, 2, s, left_start, b, &n))
    {
      b -= n;
      /* the 保 number before it */
      while (b > left_start && (g_ascii_isdigit (s[b - 1]) || s[b - 1] == '.' || s[b - 1] == '%' || s[b - 1] == ' '))
        b--;
    }
  if (!word_ends (ZB_VOCAB_TWO_TIER, 1, s, left_start, b, &n))
    return FALSE;
  b -= n;
  while (zb_text_ends_with (s, left_start, b, "“") || zb_text_ends_with (s, left_start, b, "\""))
    b -= zb_text_ends_with (s, left_start, b, "“") ? strlen ("“") : 1;
  b = zb_inline_skip_filler_back (s, left_start, b);
  verb = zb_vocab_before (ZB_VOCAB_CHANGE_VERBS, s + left_start, s + b);
  m->role = verb != NULL && m->unit->value == ZB_UNIT_PERCENT ? ZB_ROLE_CHANGE : ZB_ROLE_LEVEL;
  m->sign = 1;
  m->cue_start = verb != NULL ? b - strlen (verb->word) : b;
  return TRUE;
}

/* Rule progress: 完成年度目标任务的51%, 占年度计划投资的27.6%, 完成预算的101.2%;
 * a rate of completion says it alone: 开复工率62.5%, 资金到位率41.2% */
static gboolean
rule_progress (const char *s,
               gsize       cs,
               gsize       left_start,
               gsize       before,
               ZbMention  *m)
{
  const ZbWord *w;
  gsize done = 0;

  if (m->unit->value != ZB_UNIT_PERCENT)
    return FALSE;
  w = zb_vocab_before (ZB_VOCAB_PROGRESS_CUES, s + left_start, s + before);
  if (w != NULL && g_utf8_strlen (w->word, -1) > 1 && word_ends (ZB_VOCAB_RATE_WORDS, 4, w->word, 0, strlen (w->word), NULL))
    {
      m->role = ZB_ROLE_PROGRESS;
      m->completion_rate = TRUE;
      m->cue_start = before;   /* the rate is the name: 投资完成率 */
      return TRUE;
    }
  /* the phrase must speak of completing: 完成 … 任务 / 占 … 计划 */
  for (gsize p = zb_inline_reach_back (s, cs, before); p + 3 <= before; p = g_utf8_next_char (s + p) - s)
    {
      gsize n = 0;
      if (word_at (ZB_VOCAB_COMPLETION_VERBS, -1, s, p, before, &n))
        done = p + n;
    }
  if (done == 0)
    return FALSE;
  if (w == NULL && zb_text_ends_with (s, done, before, "的"))
    {
      /* 占年度计划投资的: a goal word, then a few words, then 的 */
      const char *at = NULL;
      const ZbWord *goal = zb_vocab_find (ZB_VOCAB_GOAL_NOUNS, s + done, s + before, &at);
      if (goal != NULL && goal->value <= 2 && s + before - at <= 24)
        {
          m->role = ZB_ROLE_PROGRESS;
          m->cue_start = done - 3;
          return TRUE;
        }
    }
  if (w == NULL)
    return FALSE;
  m->role = ZB_ROLE_PROGRESS;
  m->cue_start = before - strlen (w->word);
  return TRUE;
}

/* Rule gap: 高于全省2个百分点, 比目标(9.0%)低2.6个百分点, 差目标进度26.5个百分点 */
static gboolean
rule_gap (const char *s,
          gsize       left_start,
          gsize       before,
          ZbMention  *m)
{
  const ZbWord *gap = NULL, *ref = NULL;
  gsize gap_at = 0;
  int reference = 0;

  if (m->unit->value != ZB_UNIT_PP)
    return FALSE;
  for (gsize p = left_start; p < before; p = g_utf8_next_char (s + p) - s)
    {
      const ZbWord *g = zb_vocab_at (ZB_VOCAB_GAP_VERBS, s + p, s + before);
      const ZbWord *r = zb_vocab_at (ZB_VOCAB_REFERENCES, s + p, s + before);
      const ZbWord *c = zb_vocab_at (ZB_VOCAB_CHANGE_VERBS, s + p, s + before);
      if (r != NULL)
        ref = r;
      if (g != NULL && (c == NULL || strlen (g->word) >= strlen (c->word)))
        gap = g, gap_at = p;
    }
  /* a list member names its own area: 高于全国7.9个百分点、全省7.8个百分点 */
  if (m->area_end > m->area_start && gap == NULL)
    return FALSE;
  if (ref != NULL)
    reference = ref->value;
  /* 比全社会固定资产投资增速高1.4个百分点: another indicator's growth is a benchmark */
  if (gap != NULL && ref == NULL)
    for (gsize p = left_start; p + 3 <= gap_at && reference == 0; p = g_utf8_next_char (s + p) - s)
      {
        gsize n = 0;
        if (word_at (ZB_VOCAB_COMPARISON_WORDS, 1, s, p, gap_at, &n) &&
            word_ends (ZB_VOCAB_RATE_WORDS, 1, s, p, gap_at, NULL) &&
            zb_inline_match_period (s, zb_text_skip_spaces (s, p + n, gap_at), gap_at) == 0)
          reference = ZB_REF_BENCHMARK;
      }
  /* 高于各项贷款增速3.6个百分点: so is one after the verb */
  if (gap != NULL && reference == 0 &&
      word_ends (ZB_VOCAB_RATE_WORDS, 1, s, gap_at + strlen (gap->word), before, NULL) &&
      zb_inline_trim_end (s, gap_at, before) > gap_at + strlen (gap->word) + 6)
    reference = ZB_REF_BENCHMARK;
  if (gap == NULL || reference == 0)
    return FALSE;
  m->role = ZB_ROLE_GAP;
  m->sign = gap->value;
  m->cue_start = gap_at;
  m->reference = reference_name (reference);
  return TRUE;
}

/* Rule change: 增长8.4%, 下降0.69%, 回落1.5个百分点, 增长1倍; 提高到40% is the
 * level reached. */
static gboolean
rule_change (const char *s,
             gsize       left_start,
             gsize       before,
             ZbMention  *m)
{
  const ZbWord *verb = zb_vocab_before (ZB_VOCAB_CHANGE_VERBS, s + left_start, s + before);

  /* 新增1个园区 adds something new; it does not grow */
  if (verb != NULL && zb_vocab_before (ZB_VOCAB_NONCHANGE_VERBS, s + left_start, s + before) != NULL)
    verb = NULL;
  if (verb == NULL)
    return FALSE;
  if (m->unit->value == ZB_UNIT_LEVEL)
    {
      /* 增加700万箱: absolute changes are not figures */
      m->role = ZB_ROLE_SKIP;
      return TRUE;
    }
  /* 提高到40%, 降至5%: the verb, then 到/至, then the level */
  if (m->unit->value == ZB_UNIT_PERCENT)
    for (gsize p = before; p < m->start; p++)
      if (word_at (ZB_VOCAB_REACH_WORDS, 1, s, p, m->start, NULL))
        {
          m->role = ZB_ROLE_LEVEL;
          m->reached = TRUE;
          m->cue_start = before - strlen (verb->word);
          return TRUE;
        }
  m->role = ZB_ROLE_CHANGE;
  m->sign = verb->value;
  m->cue_start = before - strlen (verb->word);
  if (m->unit->value == ZB_UNIT_TIMES)
    {
      m->number.value *= 100;
      m->number.decimals = MAX (0, m->number.decimals - 2);
    }
  return TRUE;
}

/* Rule from-to: 一般公共预算收入由同期的-36.06%增至5.37% — both are growth
 * rates, the one it had and the one it has. */
static gboolean
rule_from_to (const char *s,
              gsize       cs,
              gsize       left_start,
              gsize       before,
              ZbMention  *m)
{
  if (m->unit->value != ZB_UNIT_PERCENT)
    return FALSE;
  /* the first: 由 (and a period, 的) right before it, a verb and 至 after */
  for (gsize p = left_start; p < before; p = g_utf8_next_char (s + p) - s)
    if (word_at (ZB_VOCAB_REACH_WORDS, 2, s, p, before, NULL) && before - p <= 24)
      {
        gsize q = zb_text_skip_spaces (s, m->end, s[m->end] ? m->end + 24 : m->end);
        const ZbWord *verb = zb_vocab_at (ZB_VOCAB_CHANGE_VERBS, s + q, s + q + 12);
        if (verb != NULL && word_at (ZB_VOCAB_REACH_WORDS, 1, s, q + strlen (verb->word), q + 24, NULL))
          {
            m->role = ZB_ROLE_CHANGE;
            m->sign = 1;
            m->cue_start = p;
            return TRUE;
          }
      }
  /* the second: 增至, 回落至 after a 由…% of the clause */
  if (m->reached)
    for (gsize p = zb_inline_reach_back (s, cs, m->cue_start); p < m->cue_start; p = g_utf8_next_char (s + p) - s)
      if (word_at (ZB_VOCAB_REACH_WORDS, 2, s, p, m->cue_start, NULL) && memchr (s + p, '%', m->cue_start - p) != NULL)
        {
          m->role = ZB_ROLE_CHANGE;
          m->sign = 1;
          m->reached = FALSE;
          return TRUE;
        }
  return FALSE;
}

/* Rule rate-comparison: 增速比一季度低1.2个百分点 — a gap verb against a
 * period is the change of a rate, not a gap. */
static gboolean
rule_rate_comparison (const char *s,
                      gsize       left_start,
                      gsize       before,
                      ZbMention  *m)
{
  const ZbWord *g;

  if (m->unit->value != ZB_UNIT_PP)
    return FALSE;
  g = zb_vocab_before (ZB_VOCAB_GAP_VERBS, s + left_start, s + before);
  if (g == NULL)
    return FALSE;
  for (gsize p = left_start; p + 3 <= before; p = g_utf8_next_char (s + p) - s)
    if (word_at (ZB_VOCAB_COMPARISON_WORDS, 1, s, p, before, NULL) &&
        zb_inline_match_period (s, p + 3, before) > 0)
      {
        m->role = ZB_ROLE_CHANGE;
        m->sign = g->value;
        m->cue_start = p;
        return TRUE;
      }
  return FALSE;
}

/* What a mention is, from the words before it. */
void
zb_inline_classify (const char      *s,
                    gsize            clause_start,
                    gsize            left_start,
                    ZbMention       *m,
                    const ZbMention *prev)
{
  gsize before = zb_inline_skip_filler_back (s, left_start, m->start);

  m->role = ZB_ROLE_LEVEL;
  m->sign = 1;
  m->cue_start = before;

  if (rule_two_tier (s, clause_start, before, m) ||
      rule_base (s, clause_start, m) ||
      rule_reference_value (s, clause_start, m) ||
      rule_bracketed_change (s, clause_start, m) ||
      rule_progress (s, clause_start, left_start, before, m) ||
      rule_gap (s, left_start, before, m) ||
      (rule_change (s, left_start, before, m) && !rule_from_to (s, clause_start, left_start, before, m)) ||
      rule_rate_comparison (s, left_start, before, m) ||
      rule_from_to (s, clause_start, left_start, before, m))
    return;

  /* a list continues its first member's role (a bracketed figure heads no list) */
  if (prev != NULL && m->list_index > 0 && prev->role != ZB_ROLE_REFVALUE && prev->role != ZB_ROLE_BASE)
    {
      m->role = prev->role;
      m->sign = prev->sign;
      m->reference = prev->reference;
      m->cue_start = prev->cue_start;
      m->reached = prev->reached;
      return;
    }

  if (m->unit->value == ZB_UNIT_PP)
    m->role = ZB_ROLE_SKIP;   /* 拉动 …, a share: no figure we can name */
}

/* A level that qualifies a noun is part of a name: 5000万元以上项目, 500—5000万元项目 */
gboolean
zb_inline_is_modifier (const char      *s,
                       const ZbMention *m,
                       gsize            ce)
{
  gsize after = m->end;
  gunichar next = after < ce ? g_utf8_get_char (s + after) : 0;
  gboolean range = m->start > 0 && (s[m->start - 1] == '-' || zb_text_ends_with (s, 0, m->start, "—"));

  if (m->unit->value != ZB_UNIT_LEVEL)
    return FALSE;
  /* 过100亿元的企业, 超50亿元企业: a threshold */
  if (word_ends (ZB_VOCAB_THRESHOLD_VERBS, -1, s, 0, m->start, NULL) && m->unit->scope == 2 /* money */)
    return TRUE;
  if (next < 0x4E00)
    return FALSE;
  /* 10户以上的目标任务: the goal itself, not a threshold */
  if (zb_inline_of_goal (s, after, ce))
    return FALSE;
  /* 5000万元以上项目, 100亿元以上企业: a threshold of the nouns after it —
   * not 160万吨以上奠定基础 */
  if (m->qualifier != NULL && zb_vocab_lookup (ZB_VOCAB_QUALIFIERS, m->qualifier, strlen (m->qualifier)) != NULL &&
      zb_vocab_lookup (ZB_VOCAB_QUALIFIERS, m->qualifier, strlen (m->qualifier))->value == 1 + (g_utf8_strlen (m->qualifier, -1) > 2) &&
      m->unit->scope != 1 /* a count: 3户以上企业 counts at least three */)
    {
      gsize lim = MIN (ce, after + 18);
      for (gsize q = after; q < lim; q = g_utf8_next_char (s + q) - s)
        if (zb_vocab_at (ZB_VOCAB_THRESHOLD_NOUNS, s + q, s + ce) != NULL)
          return TRUE;
      return FALSE;
    }
  if ((range || m->range) && m->unit->scope == 2 /* money */)
    return TRUE;
  if (range || m->list_len > 1)
    return g_utf8_get_char (s + after) != 0x7684 /* 的 */ && !word_at (ZB_VOCAB_LIST_WORDS, 1, s, after, ce, NULL);
  return FALSE;
}

/* Rule preposition-object: 对全市25个贫困村开展认定, 向120家企业发放 — a
 * count of the nouns a preposition governs names what is acted on; it
 * reports no figure. Read left to right so that 对比, 针对 hide the 对. */
gboolean
zb_inline_is_object (const char      *s,
                     gsize            cs,
                     const ZbMention *m,
                     gsize            ce)
{
  const guint64 kinds = ZB_VOCAB_BIT (ZB_VOCAB_PREPOSITIONS);
  gsize from = zb_inline_reach_back (s, cs, m->start);
  gsize prep = G_MAXSIZE;
  g_autofree char *noun = NULL;

  if (m->unit->value != ZB_UNIT_LEVEL || m->unit->scope != 1 /* a count */)
    return FALSE;
  for (gsize p = from; p < m->start; )
    {
      ZbVocabKind kind;
      const ZbWord *w = zb_vocab_at_any (kinds, s + p, s + m->start, &kind);

      if (w == NULL)
        {
          /* a figure or a clause between them ends the phrase */
          if (g_ascii_isdigit (s[p]) || s[p] == ',' || s[p] == ';')
            prep = G_MAXSIZE;
          p = g_utf8_next_char (s + p) - s;
          continue;
        }
      if (w->value == 1)
        prep = p;
      p += strlen (w->word);
    }
  if (prep == G_MAXSIZE || m->start - prep > 36)
    return FALSE;
  /* the count's noun follows it */
  noun = zb_inline_name_after (s, m->end, ce);
  return noun != NULL;
}

/* 居全市第4位, 排名第1, 均保持全区第1位 */
static int
find_rank (const char *s,
           gsize       start,
           gsize       end)
{
  for (gsize p = start; p < end; p = g_utf8_next_char (s + p) - s)
    {
      gsize q;
      double v = 0;
      gsize n = 0;
      gboolean scope = FALSE;

      gsize ordinal = 0;

      if (!word_at (ZB_VOCAB_NUMBER_WORDS, 3, s, p, end, &ordinal))
        continue;
      q = zb_text_skip_spaces (s, p + ordinal, end);
      if (q < end && g_ascii_isdigit (s[q]))
        {
          v = atoi (s + q);
          while (q < end && g_ascii_isdigit (s[q]))
            q++;
          n = 1;
        }
      else if ((n = zb_text_read_cn_number (s, q, end, &v, NULL)) > 0)
        q += n;
      q = zb_text_skip_spaces (s, q, end);
      if (n == 0 || v < 1 || v > 200 || !word_at (ZB_VOCAB_RANK_WORDS, 2, s, q, end, NULL))
        continue;
      /* only a ranking: 排/居/位居/保持 … 全X 第N位 */
      for (gsize k = start; k < p && !scope; k++)
        scope = word_at (ZB_VOCAB_RANK_WORDS, 1, s, k, p, NULL);
      if (scope)
        return (int) v;
    }
  return 0;
}

/* The rank of a figure: in its clause, or in the next one (增长6.2%,居全市第3位). */
int
zb_inline_rank_after (const char *s,
                      gsize       pos,
                      gsize       ce,
                      gsize       sentence_end)
{
  int rank = find_rank (s, pos, zb_inline_reach_ahead (s, pos, ce, ZB_INLINE_NEAR));

  if (rank == 0)
    {
      gsize lim = zb_inline_reach_ahead (s, ce, sentence_end, ZB_INLINE_NEAR);
      gsize q = ce;
      while (q < lim && !zb_text_at (s, q, lim, "。") && s[q] != '%' && s[q] != ';')
        q++;
      rank = find_rank (s, ce, q);
    }
  return rank;
}

/* Is pos inside brackets opened in [cs, pos)? */
gboolean
zb_inline_in_brackets (const char *s,
                       gsize       cs,
                       gsize       pos)
{
  int depth = 0;

  /* back from pos to the bracket that is still open, within reach */
  for (gsize p = pos; p > zb_inline_reach_back (s, cs, pos); p--)
    if (s[p - 1] == ')')
      depth++;
    else if (s[p - 1] == '(' && depth-- == 0)
      return TRUE;
  return FALSE;
}

/* Does the bracket that holds pos hold, before pos, a word of the kind (of
 * the value, or of any when value is -1)? */
gboolean
zb_inline_bracket_holds (const char  *s,
                         gsize        cs,
                         gsize        pos,
                         ZbVocabKind  kind,
                         int          value)
{
  gsize p = pos;
  gsize lim = zb_inline_reach_back (s, cs, pos);

  while (p > lim && s[p - 1] != '(')
    p--;
  if (p == lim && (p == 0 || s[p - 1] != '('))
    return FALSE;
  while (p < pos)
    {
      const char *at = NULL;
      const ZbWord *w = zb_vocab_find (kind, s + p, s + pos, &at);
      if (w == NULL)
        return FALSE;
      if (value < 0 || w->value == value)
        return TRUE;
      p = at - s + strlen (w->word);
    }
  return FALSE;
}
