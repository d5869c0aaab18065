/* zb-period.c — period labels into months
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-period.h"
#include "zb-text-private.h"

#include <stdlib.h>
#include <string.h>

/* Words that name a span of months outright. */
static const struct {
  const char *word;
  guint8      first;
  guint8      last;
  gboolean    cumulative;
} period_words[] = {
  { "前三季度", 1, 9, TRUE },
  { "第一季度", 1, 3, TRUE },
  { "一季度", 1, 3, TRUE },
  { "第二季度", 4, 6, FALSE },
  { "二季度", 4, 6, FALSE },
  { "第三季度", 7, 9, FALSE },
  { "三季度", 7, 9, FALSE },
  { "第四季度", 10, 12, FALSE },
  { "四季度", 10, 12, FALSE },
  { "上半年", 1, 6, TRUE },
  { "下半年", 7, 12, FALSE },
  { "全年", 1, 12, TRUE },
  { "年度", 1, 12, TRUE },
  { "今年", 1, 12, TRUE },
  { "本年", 1, 12, TRUE },
  { "年内", 1, 12, TRUE },
  { "首季", 1, 3, TRUE },
  { "Q1", 1, 3, TRUE },
  { "Q2", 4, 6, FALSE },
  { "Q3", 7, 9, FALSE },
  { "Q4", 10, 12, FALSE },
  { "H1", 1, 6, TRUE },
};


/* Reads 1..12 in Arabic or Chinese numerals. */
static int
read_month (const char **p)
{
  if (g_ascii_isdigit (**p))
    {
      char *end;
      long m = strtol (*p, &end, 10);
      if (m < 1 || m > 12)
        return 0;
      *p = end;
      return (int) m;
    }
  {
    double v;
    gsize n = zb_text_read_cn_number (*p, 0, strlen (*p), &v, NULL);

    if (n > 0 && v >= 1 && v <= 12 && v == (int) v)
      {
        *p += n;
        return (int) v;
      }
  }
  return 0;
}

static const char *
skip_spaces (const char *p)
{
  while (*p == ' ')
    p++;
  return p;
}

gboolean
zb_period_parse (const char *label,
                 ZbPeriod   *period)
{
  const char *p;
  gboolean found = FALSE;

  memset (period, 0, sizeof *period);
  if (label == NULL)
    return FALSE;

  p = skip_spaces (label);
  if (g_str_has_prefix (p, "截至") || g_str_has_prefix (p, "截止"))
    p = skip_spaces (p + strlen ("截至"));

  /* a year: 2023年 */
  if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]))
    {
      const char *q = skip_spaces (p + 4);
      if (g_str_has_prefix (q, "年"))
        {
          period->year = atoi (p);
          p = skip_spaces (q + strlen ("年"));
          period->first_month = 1;
          period->last_month = 12;
          period->cumulative = TRUE;
          found = TRUE;
          if (g_str_has_prefix (p, "初至"))
            p = skip_spaces (p + strlen ("初至"));
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (period_words); i++)
    if (g_str_has_prefix (p, period_words[i].word))
      {
        period->first_month = period_words[i].first;
        period->last_month = period_words[i].last;
        period->cumulative = period_words[i].cumulative;
        return TRUE;
      }

  {
    const char *q = p;
    int a = read_month (&q);

    if (a > 0)
      {
        q = skip_spaces (q);
        if (*q == '-' || *q == '~' || g_str_has_prefix (q, "—") || g_str_has_prefix (q, "至") ||
            g_str_has_prefix (q, "–"))
          {
            int b;
            q += (*q == '-' || *q == '~') ? 1 : (g_str_has_prefix (q, "至") ? strlen ("至") : 3);
            while (g_str_has_prefix (q, "—"))
              q += 3;
            q = skip_spaces (q);
            b = read_month (&q);
            q = skip_spaces (q);
            if (b >= a && g_str_has_prefix (q, "月"))
              {
                period->first_month = a;
                period->last_month = b;
                period->cumulative = (a == 1);
                return TRUE;
              }
          }
        else if (g_str_has_prefix (q, "月") &&
                 (q[strlen ("月")] == '-' || g_str_has_prefix (q + strlen ("月"), "—") ||
                  g_str_has_prefix (q + strlen ("月"), "至")))
          {
            /* 1月-10月 */
            const char *t = q + strlen ("月");
            int b;
            t += (*t == '-') ? 1 : 3;
            t = skip_spaces (t);
            b = read_month (&t);
            if (b >= a && g_str_has_prefix (skip_spaces (t), "月"))
              {
                period->first_month = a;
                period->last_month = b;
                period->cumulative = (a == 1);
                return TRUE;
              }
            return found;
          }
        else if (g_str_has_prefix (q, "月"))
          {
            q += strlen ("月");
            period->last_month = a;
            if (label != p && (g_str_has_prefix (label, "截至") || g_str_has_prefix (label, "截止")))
              {
                period->first_month = 1;
                period->cumulative = TRUE;
              }
            else
              {
                period->first_month = a;
                period->cumulative = FALSE;
              }
            return TRUE;
          }
      }
  }

  return found;
}

double
zb_period_schedule_share (const ZbPeriod *period)
{
  if (period->last_month == 0 || !period->cumulative || period->first_month != 1)
    return -1;
  return period->last_month / 12.0;
}

char *
zb_period_to_string (const ZbPeriod *period)
{
  GString *s = g_string_new (NULL);

  if (period->year > 0)
    g_string_append_printf (s, "%d年", period->year);
  if (period->first_month == 1 && period->last_month == 12 && period->cumulative)
    g_string_append (s, period->year ? "" : "全年");
  else if (period->first_month > 0 && period->first_month == period->last_month)
    g_string_append_printf (s, "%d月", period->last_month);
  else if (period->first_month > 0)
    g_string_append_printf (s, "%d-%d月", period->first_month, period->last_month);
  return g_string_free (s, FALSE);
}

int
zb_period_compare (const ZbPeriod *a,
                   const ZbPeriod *b)
{
  if (a->year != b->year)
    return a->year < b->year ? -1 : 1;
  if (a->last_month != b->last_month)
    return a->last_month < b->last_month ? -1 : 1;
  if (a->first_month != b->first_month)
    return a->first_month > b->first_month ? -1 : 1;
  return 0;
}
