/* zb-inline-period.c — periods as written in a sentence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 1-9月, 1—4月, 1至11月, 9月, 9月当月, 5月末, 2023年, 2023年1-9月, 截至…,
 * and the words of vocab/period_words.txt (上半年, 前三季度, 全年 …).
 */
#include "zb-inline-private.h"
#include "zb-period.h"
#include "zb-text-private.h"

#include <string.h>

/* Could a period start here? Digits, 截, or a character that begins a
 * period word (the vocabulary's filter of first characters): most do not. */
gboolean
zb_inline_may_start_period (const char *s,
                            gsize       avail)
{
  gunichar c;

  if (avail < 3 || ((guchar) s[0] & 0xF0) != 0xE0)
    return TRUE;   /* rare forms: let the full test decide */
  c = ((s[0] & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
  return c == 0x622A /* 截 */ || zb_vocab_may_start (ZB_VOCAB_PERIOD_WORDS, c);
}

/* The length of a part of a period (date_parts.txt, period_parts.txt) of
 * the role at r, 0 when there is none. */
static gsize
date_part (const char *s,
           gsize       r,
           gsize       end,
           int         role)
{
  const ZbWord *w = zb_vocab_at (ZB_VOCAB_DATE_PARTS, s + r, s + end);
  return w != NULL && w->value == role ? strlen (w->word) : 0;
}

static gsize
period_part (const char *s,
             gsize       r,
             gsize       end,
             int         role)
{
  const ZbWord *w = zb_vocab_at (ZB_VOCAB_PERIOD_PARTS, s + r, s + end);
  return w != NULL && w->value == role ? strlen (w->word) : 0;
}

enum { YEAR = 1, MONTH, DAY };
enum { QUARTER = 1, MONTH_OF, MONTH_END, THIS_MONTH, BEFORE, SINCE, UNTIL, NOW, YEAR_START_TO };

/* A dash between the ends of a range: -, ~, —— or 至 */
static gsize
skip_dash (const char *s,
           gsize       r,
           gsize       end)
{
  const ZbWord *to;

  if (r < end && (s[r] == '-' || s[r] == '~'))
    return r + 1;
  if (zb_text_at (s, r, end, "—"))
    {
      while (zb_text_at (s, r, end, "—"))
        r += strlen ("—");
      return r;
    }
  to = zb_vocab_at (ZB_VOCAB_REACH_WORDS, s + r, s + end);
  return to != NULL && to->value == 1 ? r + strlen (to->word) : 0;
}

/* After the digits of a day: 21日 */
static gsize
skip_day (const char *s,
          gsize       r,
          gsize       end)
{
  gsize d = r, n;

  while (d < end && (g_ascii_isdigit (s[d]) || s[d] == ' ') && d - r < 4)
    d++;
  n = date_part (s, d, end, DAY);
  return d > r && n > 0 ? d + n : r;
}

/* 截至2023年10月25日, 截至目前 */
static gsize
match_until (const char *s,
             gsize       pos,
             gsize       end)
{
  gsize q = zb_text_skip_spaces (s, pos + period_part (s, pos, end, UNTIL), end);
  gsize n = zb_inline_match_period (s, q, end);

  if (n > 0)
    return skip_day (s, q + n, end) - pos;
  n = period_part (s, q, end, NOW);
  return n > 0 ? q + n - pos : 0;
}

/* 2023年, 2020、2021年, 20XX年, 2023年1-9月, 2023年初至… (q: after the digits) */
static gsize
match_year (const char *s,
            gsize       pos,
            gsize       q,
            gsize       end)
{
  gsize r = zb_text_skip_spaces (s, q, end);
  gsize more, n;

  while (zb_text_at (s, r, end, "、") && r + 3 + 4 <= end &&
         g_ascii_isdigit (s[r + 3]) && g_ascii_isdigit (s[r + 4]) &&
         g_ascii_isdigit (s[r + 5]) && g_ascii_isdigit (s[r + 6]))
    r = zb_text_skip_spaces (s, r + 7, end);
  if ((n = date_part (s, r, end, YEAR)) == 0)
    return 0;
  r = zb_text_skip_spaces (s, r + n, end);
  r += period_part (s, r, end, YEAR_START_TO);
  more = zb_inline_match_period (s, r, end);
  if (more > 0 && (!g_ascii_isdigit (s[r]) || more < 20))
    return r + more - pos;
  return r - pos;
}

/* What may follow a month: 当月, 21日, 份, 末, 底, and 前 after those */
static gsize
month_tail (const char *s,
            gsize       r,
            gsize       end)
{
  gsize n;

  if ((n = period_part (s, r, end, THIS_MONTH)) > 0)
    return r + n;
  if (r < end && g_ascii_isdigit (s[r]))
    return skip_day (s, r, end);
  if ((n = period_part (s, r, end, MONTH_OF)) > 0 || (n = period_part (s, r, end, MONTH_END)) > 0)
    {
      r += n;
      /* 6月底前: by the end of the month */
      r += period_part (s, r, end, BEFORE);
    }
  return r;
}

/* 1-9月, 1至11月, 1-2季度, 1月-10月, 9月, 9月当月, 9月份, 5月末 (q: after the digits) */
static gsize
match_months (const char *s,
              gsize       pos,
              gsize       q,
              gsize       end)
{
  gsize r = zb_text_skip_spaces (s, q, end);
  gsize dash = skip_dash (s, r, end);
  gsize n;

  if (dash > 0)
    {
      r = zb_text_skip_spaces (s, dash, end);
      while (r < end && g_ascii_isdigit (s[r]))
        r++;
      r = zb_text_skip_spaces (s, r, end);
      if ((n = date_part (s, r, end, MONTH)) > 0)
        return r + n + period_part (s, r + n, end, MONTH_OF) - pos;
      if ((n = period_part (s, r, end, QUARTER)) > 0)
        return r + n - pos;
      return 0;
    }
  if ((n = date_part (s, r, end, MONTH)) == 0)
    return 0;
  r += n;
  /* 1月-10月: a range written with two months */
  dash = skip_dash (s, r, end);
  if (dash > 0)
    {
      gsize u = zb_text_skip_spaces (s, dash, end);
      gsize v = u;
      while (v < end && g_ascii_isdigit (s[v]) && v - u < 2)
        v++;
      v = zb_text_skip_spaces (s, v, end);
      if (v > u && (n = date_part (s, v, end, MONTH)) > 0)
        return v + n - pos;
    }
  return month_tail (s, r, end) - pos;
}

static gsize match_period_core (const char *s, gsize pos, gsize end);

/* The length of the period expression at pos, or 0; 今年以来 and 1-5月以来
 * are the period so far. */
gsize
zb_inline_match_period (const char *s,
                        gsize       pos,
                        gsize       end)
{
  gsize n = match_period_core (s, pos, end);

  if (n > 0)
    n += period_part (s, pos + n, end, SINCE);
  return n;
}

static gsize
match_period_core (const char *s,
                   gsize       pos,
                   gsize       end)
{
  const ZbWord *w;
  gsize q, digits;

  if (pos >= end || ((guchar) s[pos] < 0x80 && !g_ascii_isdigit (s[pos])))
    return 0;
  if ((guchar) s[pos] >= 0x80 && !zb_inline_may_start_period (s + pos, end - pos))
    return 0;

  if (period_part (s, pos, end, UNTIL) > 0)
    return match_until (s, pos, end);

  w = zb_vocab_at (ZB_VOCAB_PERIOD_WORDS, s + pos, s + end);
  if (w != NULL)
    return strlen (w->word);
  if (!g_ascii_isdigit (s[pos]))
    return 0;

  /* 5 stands for "too many": counting a long run of digits at each of its
   * positions made extraction quadratic in the run's length */
  q = pos;
  while (q < end && g_ascii_isdigit (s[q]) && q - pos < 5)
    q++;
  digits = q - pos;
  /* 20XX年: a year the report hides */
  if (digits == 2 && q + 1 < end && s[q] == 'X' && s[q + 1] == 'X')
    {
      q += 2;
      digits = 4;
    }
  if (digits == 4)
    {
      /* 2023—2025年, 2021-2025年: a span of years */
      gsize dash = skip_dash (s, zb_text_skip_spaces (s, q, end), end);
      if (dash > 0)
        {
          gsize r = zb_text_skip_spaces (s, dash, end);
          gsize k = r;
          while (k < end && g_ascii_isdigit (s[k]) && k - r < 5)
            k++;
          if (k - r == 4 && date_part (s, zb_text_skip_spaces (s, k, end), end, YEAR) > 0)
            return match_year (s, pos, k, end);
        }
      return match_year (s, pos, q, end);
    }
  if (digits <= 2)
    return match_months (s, pos, q, end);
  return 0;
}

static gboolean
is_base (const char *s,
         gsize       b)
{
  /* 比, 较, 于, 与, 由 right before: the base of a comparison */
  const ZbWord *w = b >= 3 ? zb_vocab_before (ZB_VOCAB_COMPARISON_WORDS, s + b - 3, s + b) : NULL;
  return w != NULL && w->value != 3;
}

/* Does the period [p, p + n) say when what follows happened? 全年目标任务
 * names a goal, 年度投资完成率 a noun's kind, 无同期数 a number of that time,
 * and 同比2022年, 较上年 the base of a comparison. */
static gboolean
period_counts (const char *s,
               gsize       p,
               gsize       n,
               gsize       pos)
{
  const ZbWord *goal = zb_vocab_at (ZB_VOCAB_GOAL_NOUNS, s + p + n, s + pos);
  const ZbWord *word = zb_vocab_at (ZB_VOCAB_PERIOD_WORDS, s + p, s + pos);

  /* 全年目标是…: the goal stated is the period's */
  if (goal != NULL && goal->value <= 1)
    {
      if (zb_inline_introduces (s, p + n + strlen (goal->word), pos))
        goal = NULL;
    }
  return !((goal != NULL && goal->value <= 1) ||
           (word != NULL && word->value == 3 && n == strlen (word->word) && p + n < pos && (guchar) s[p + n] >= 0x80) ||
           zb_vocab_at (ZB_VOCAB_PERIOD_NOUNS, s + p + n, s + pos) != NULL ||
           is_base (s, zb_inline_trim_end (s, 0, p)));
}

/* The period as a label: no spaces; 9月当月 is the month. */
static char *
period_label (const char *s,
              gsize       p,
              gsize       n)
{
  gsize e = zb_inline_trim_end (s, p, p + n);
  GString *str = g_string_new (NULL);

  for (gsize k = p; k < e; k++)
    if (s[k] != ' ')
      g_string_append_c (str, s[k]);
  {
    const ZbWord *tail = zb_vocab_before (ZB_VOCAB_PERIOD_PARTS, str->str, str->str + str->len);
    if (tail != NULL && tail->value == THIS_MONTH && str->len > strlen (tail->word))
      g_string_truncate (str, str->len - strlen (tail->word));
  }
  return g_string_free (str, FALSE);
}

/* The last period written in [start, pos), after found. */
char *
zb_inline_period_scan (const char *s,
                       gsize       start,
                       gsize       pos,
                       char       *found)
{
  for (gsize p = start; p < pos; )
    {
      gsize n = 0;

      /* most bytes start no period: ASCII other than digits, continuations */
      if ((guchar) s[p] < 0x80 && !g_ascii_isdigit (s[p]))
        {
          p++;
          continue;
        }
      if (((guchar) s[p] & 0xC0) == 0x80 || (n = zb_inline_match_period (s, p, pos)) == 0)
        {
          p = g_utf8_next_char (s + p) - s;
          continue;
        }
      if (!period_counts (s, p, n, pos))
        {
          /* 比上年同期, 与去年一季度: a base goes on over the periods after it */
          gboolean base = is_base (s, zb_inline_trim_end (s, 0, p));
          do
            p = zb_text_skip_spaces (s, p + n, pos);
          while (base && (n = zb_inline_match_period (s, p, pos)) > 0);
          continue;
        }
      g_free (found);
      found = period_label (s, p, n);
      p += n;
    }
  return found;
}

/* The last period of the sentence before pos: mentions come left to right,
 * so each call goes on from where the last one stopped. The clause's periods
 * were found with its mentions (r->clause_periods: start, length pairs). */
char *
zb_inline_period_before (ZbReader *r,
                         gsize     pos)
{
  GArray *found = r->clause_periods;
  guint i;

  if (r->period_scanned > pos || r->period_scanned < r->sentence_start)
    {
      g_clear_pointer (&r->period_found, g_free);
      r->period_scanned = r->sentence_start;
      r->period_next = 0;
    }
  /* the clause's periods are in order: go on from the first not yet read */
  for (i = r->period_next; i + 1 < found->len; i += 2)
    {
      gsize p = g_array_index (found, gsize, i);
      gsize n = g_array_index (found, gsize, i + 1);

      if (p + n > pos)
        break;
      if (p < r->period_scanned)
        continue;
      if (!period_counts (r->s, p, n, pos))
        {
          /* a base goes on over the periods right after it */
          if (is_base (r->s, zb_inline_trim_end (r->s, 0, p)))
            while (i + 3 < found->len &&
                   g_array_index (found, gsize, i + 2) == zb_text_skip_spaces (r->s, p + n, pos))
              {
                i += 2;
                p = g_array_index (found, gsize, i);
                n = g_array_index (found, gsize, i + 1);
              }
          continue;
        }
      g_free (r->period_found);
      r->period_found = period_label (r->s, p, n);
    }
  r->period_next = i;
  r->period_scanned = pos;
  return g_strdup (r->period_found);
}

/* Does a label start with a period word of the class (1 this year, 2 the
 * whole year, 3 a whole-year modifier)? */
static gboolean
period_word_of (const char *label,
                int         value)
{
  const ZbWord *w = zb_vocab_prefix (ZB_VOCAB_PERIOD_WORDS, label);
  return w != NULL && w->value == value;
}

/* The year a period speaks of: its own, the report's for 今年, else the year
 * the report is about (2024年统计公报, published in 2025) or was written in.
 * 0 when nothing says. */
static int
year_of (ZbInlineContext *ctx,
         const char      *label,
         const ZbPeriod  *p,
         gboolean        *sure)
{
  *sure = TRUE;
  if (p->year > 0)
    return p->year;
  if (period_word_of (label, 1))
    return ctx->now_year;
  if (ctx->subject_year > 0)
    return ctx->subject_year;
  /* early in a year a report still speaks of the last one */
  *sure = ctx->now_month > 2;
  return ctx->now_year;
}

/* The year the report is written in, else (undated) the one it is about. */
static int
reference_year (ZbInlineContext *ctx)
{
  return ctx->now_year > 0 ? ctx->now_year : ctx->subject_year;
}

/* -1: over when the report is written; 1: still to come; 0: cannot say. */
static int
period_tense (ZbInlineContext *ctx,
              const char      *label)
{
  ZbPeriod p;
  gboolean sure;
  int year;

  if (label == NULL || !zb_period_parse (label, &p))
    return 0;
  if (p.last_month == 0)
    return 0;
  year = year_of (ctx, label, &p, &sure);
  if (year > 0 && ctx->now_year > 0 && ctx->now_month > 0)
    {
      /* the month the report is written in is not over yet */
      int now = ctx->now_year * 12 + ctx->now_month - 1;
      int last = year * 12 + p.last_month;
      if (!sure)
        return 0;
      return last <= now ? -1 : 1;
    }
  /* no month to go by: a year after the report's is to come (到2030年…),
   * one before it is over */
  if (p.year > 0)
    {
      int ref = reference_year (ctx);

      return ref <= 0 || p.year == ref ? 0 : p.year > ref ? 1 : -1;
    }
  /* no date: the latest cumulative period reported so far is the present */
  if (ctx->latest_month == 0 || ctx->latest_month >= 12)
    return 0;
  return p.last_month <= ctx->latest_month ? -1 : 1;
}

/* Is a period over when the report is written (上半年 in a July speech)? */
gboolean
zb_inline_period_is_past (ZbInlineContext *ctx,
                          const char      *label)
{
  return period_tense (ctx, label) < 0;
}

/* Is a period still to come (全年 in a July speech, 2025年 in 2024)? */
gboolean
zb_inline_period_is_future (ZbInlineContext *ctx,
                            const char      *label)
{
  return period_tense (ctx, label) > 0;
}

/* Is a period plainly ahead: it starts after the report's date (下半年 in a
 * June speech, 2025年 in 2024), or it is the whole year (全年) while the year
 * is under way? 今年 and 2023年 in that year's report are the year so far. */
gboolean
zb_inline_period_is_ahead (ZbInlineContext *ctx,
                           const char      *label)
{
  ZbPeriod p;
  gboolean sure;
  int year;

  if (!zb_inline_period_is_future (ctx, label) || !zb_period_parse (label, &p))
    return FALSE;
  if (period_word_of (label, 2) || period_word_of (label, 3))
    return ctx->now_month > 0 && ctx->now_month <= 9;
  year = year_of (ctx, label, &p, &sure);
  if (reference_year (ctx) > 0 && year > reference_year (ctx))
    return TRUE;
  if (p.year > 0 || period_word_of (label, 1))
    return FALSE;
  return ctx->now_month > 0 && p.first_month > ctx->now_month;
}

/* The word for the whole year (全年) in vocab/period_words.txt: the period of
 * a table's 年度目标 column. */
const char *
zb_inline_whole_year (void)
{
  for (guint i = 0; i < zb_vocab_sizes[ZB_VOCAB_PERIOD_WORDS]; i++)
    if (zb_vocab_tables[ZB_VOCAB_PERIOD_WORDS][i].value == 2)
      return zb_vocab_tables[ZB_VOCAB_PERIOD_WORDS][i].word;
  return NULL;
}
