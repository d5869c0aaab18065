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

static gsize
skip_dash (const char *s,
           gsize       r,
           gsize       end)
{
  if (r < end && (s[r] == '-' || s[r] == '~'))
    return r + 1;
  if (zb_text_at (s, r, end, "—"))
    {
      while (zb_text_at (s, r, end, "—"))
        r += strlen ("—");
      return r;
    }
  if (zb_text_at (s, r, end, "至"))
    return r + strlen ("至");
  return 0;
}

/* 截至2023年10月25日, 截至目前 */
static gsize
match_until (const char *s,
             gsize       pos,
             gsize       end)
{
  gsize q = zb_text_skip_spaces (s, pos + strlen ("截至"), end);
  gsize n = zb_inline_match_period (s, q, end);

  if (n > 0)
    {
      q += n;
      while (q < end && (g_ascii_isdigit (s[q]) || s[q] == ' '))
        q++;
      if (zb_text_at (s, q, end, "日"))
        q += strlen ("日");
      return q - pos;
    }
  if (zb_text_at (s, q, end, "目前"))
    return q + strlen ("目前") - pos;
  return 0;
}

/* 2023年, 2020、2021年, 20XX年, 2023年1-9月, 2023年初至… (q: after the digits) */
static gsize
match_year (const char *s,
            gsize       pos,
            gsize       q,
            gsize       end)
{
  gsize r = zb_text_skip_spaces (s, q, end);
  gsize more;

  while (zb_text_at (s, r, end, "、") && r + 3 + 4 <= end &&
         g_ascii_isdigit (s[r + 3]) && g_ascii_isdigit (s[r + 4]) &&
         g_ascii_isdigit (s[r + 5]) && g_ascii_isdigit (s[r + 6]))
    r = zb_text_skip_spaces (s, r + 7, end);
  if (!zb_text_at (s, r, end, "年"))
    return 0;
  r = zb_text_skip_spaces (s, r + strlen ("年"), end);
  if (zb_text_at (s, r, end, "初至"))
    r += strlen ("初至");
  more = zb_inline_match_period (s, r, end);
  if (more > 0 && (!g_ascii_isdigit (s[r]) || more < 20))
    return r + more - pos;
  return r - pos;
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

  if (dash > 0)
    {
      r = zb_text_skip_spaces (s, dash, end);
      while (r < end && g_ascii_isdigit (s[r]))
        r++;
      r = zb_text_skip_spaces (s, r, end);
      if (zb_text_at (s, r, end, "月"))
        return r + strlen ("月") + (zb_text_at (s, r + strlen ("月"), end, "份") ? strlen ("份") : 0) - pos;
      if (zb_text_at (s, r, end, "季度"))
        return r + strlen ("季度") - pos;
      return 0;
    }
  if (!zb_text_at (s, r, end, "月"))
    return 0;
  r += strlen ("月");
  dash = r < end && (s[r] == '-' || s[r] == '~') ? r + 1
         : zb_text_at (s, r, end, "—") || zb_text_at (s, r, end, "至") ? r + 3 : 0;
  if (dash > 0)
    {
      gsize u = zb_text_skip_spaces (s, dash, end);
      gsize v = u;
      while (v < end && g_ascii_isdigit (s[v]) && v - u < 2)
        v++;
      if (v > u && zb_text_at (s, zb_text_skip_spaces (s, v, end), end, "月"))
        return zb_text_skip_spaces (s, v, end) + strlen ("月") - pos;
    }
  if (zb_text_at (s, r, end, "当月"))
    r += strlen ("当月");
  else if (r < end && g_ascii_isdigit (s[r]))
    {
      /* 10月21日 */
      gsize d = r;
      while (d < end && g_ascii_isdigit (s[d]) && d - r < 2)
        d++;
      if (zb_text_at (s, zb_text_skip_spaces (s, d, end), end, "日"))
        r = zb_text_skip_spaces (s, d, end) + strlen ("日");
    }
  else if (zb_text_at (s, r, end, "份") || zb_text_at (s, r, end, "末") || zb_text_at (s, r, end, "底"))
    {
      r += strlen ("份");
      /* 6月底前: by the end of the month */
      if (zb_text_at (s, r, end, "前"))
        r += strlen ("前");
    }
  return r - pos;
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

  if (n > 0 && zb_text_at (s, pos + n, end, "以来"))
    n += strlen ("以来");
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

  if (zb_text_at (s, pos, end, "截至") || zb_text_at (s, pos, end, "截止"))
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
          if (k - r == 4 && zb_text_at (s, zb_text_skip_spaces (s, k, end), end, "年"))
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
  return b >= 3 && (zb_text_ends_with (s, 0, b, "比") || zb_text_ends_with (s, 0, b, "较") ||
                    zb_text_ends_with (s, 0, b, "于") || zb_text_ends_with (s, 0, b, "与") ||
                    zb_text_ends_with (s, 0, b, "由"));
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
  return !(zb_text_at (s, p + n, pos, "目标") || zb_text_at (s, p + n, pos, "任务") ||
           (zb_text_at (s, p, pos, "年度") && n == strlen ("年度") && p + n < pos && (guchar) s[p + n] >= 0x80) ||
           zb_text_at (s, p + n, pos, "数") || zb_text_at (s, p + n, pos, "基数") ||
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
  if (g_str_has_suffix (str->str, "当月") && str->len > strlen ("当月"))
    g_string_truncate (str, str->len - strlen ("当月"));
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

  if (r->period_scanned > pos || r->period_scanned < r->sentence_start)
    {
      g_clear_pointer (&r->period_found, g_free);
      r->period_scanned = r->sentence_start;
    }
  for (guint i = 0; i + 1 < found->len; i += 2)
    {
      gsize p = g_array_index (found, gsize, i);
      gsize n = g_array_index (found, gsize, i + 1);

      if (p < r->period_scanned || p + n > pos)
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
  r->period_scanned = pos;
  return g_strdup (r->period_found);
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
  if (g_str_has_prefix (label, "今年") || g_str_has_prefix (label, "本年") || g_str_has_prefix (label, "年内"))
    return ctx->now_year;
  if (ctx->subject_year > 0)
    return ctx->subject_year;
  /* early in a year a report still speaks of the last one */
  *sure = ctx->now_month > 2;
  return ctx->now_year;
}

/* -1: over when the report is written; 1: still to come; 0: cannot say. */
static int
period_tense (ZbInlineContext *ctx,
              const char      *label)
{
  ZbPeriod p;
  gboolean sure;
  int year;

  if (label == NULL || !zb_period_parse (label, &p) || p.last_month == 0)
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
  if (p.year > 0)
    return 0;
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
  if (g_str_has_prefix (label, "全年") || g_str_has_prefix (label, "年度") || g_str_has_prefix (label, "全年度"))
    return ctx->now_month > 0 && ctx->now_month <= 9;
  year = year_of (ctx, label, &p, &sure);
  if (ctx->now_year > 0 && year > ctx->now_year)
    return TRUE;
  if (p.year > 0 || g_str_has_prefix (label, "今年") || g_str_has_prefix (label, "本年") || g_str_has_prefix (label, "年内"))
    return FALSE;
  return ctx->now_month > 0 && p.first_month > ctx->now_month;
}
