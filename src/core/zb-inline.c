/* zb-inline.c — the inline phase: figures in sentences
 *
 * A paragraph is read sentence by sentence (。！？；) and clause by clause
 * (，：). In a clause, number mentions (a number, or a list of numbers, and a
 * unit) are found first; the words just before each mention say what it is
 * (a change after 增长/下降, a gap after 高于全省, a progress after 完成目标
 *任务的, else a level); the words before those name the indicator. Mentions
 * of one indicator in one clause, or a nameless change in the next clause,
 * make one figure. Vocabularies live in zb-vocab.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-parser-private.h"
#include "zb-vocab-private.h"
#include "zb-figure.h"
#include "zb-period.h"
#include "zb-text-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef enum {
  ROLE_LEVEL,
  ROLE_CHANGE,
  ROLE_GAP,
  ROLE_PROGRESS,
  ROLE_BASE,
  ROLE_REFVALUE,   /* 比目标(9.0%), 高于全国(6.8%): the reference's own figure */
  ROLE_SKIP,
} Role;

typedef struct {
  gsize        start;       /* first byte of the number (or of its cue, for 百分之) */
  gsize        end;         /* after the unit (and qualifier) */
  ZbNumber     number;
  const ZbWord *unit;
  const char  *qualifier;
  Role         role;
  int          sign;
  gsize        cue_start;   /* where the verb or cue before the number starts */
  int          list_index;
  int          list_len;
  const char  *reference;   /* gaps */
  gboolean     range;       /* 1—2家: the low end is kept */
} Mention;

typedef struct {
  gsize  start;
  gsize  scanned;
  char  *found;
} PeriodCache;

typedef struct {
  gsize   start;
  gsize   scanned;
  GArray *hits;
} CueCache;

struct _ZbInlineContext
{
  const ZbSource *source;
  int             section;
  char           *section_period;
  guint8          latest_month;  /* the last month reported as done so far */
  /* per paragraph */
  char           *last_name;
  char           *period;
};

static char *period_scan (const char *s, gsize start, gsize pos, char *found);

/* utf-8 helpers on the joined buffer ----------------------------------- */

static gsize
trim_end (const char *s,
          gsize       start,
          gsize       end)
{
  while (end > start && s[end - 1] == ' ')
    end--;
  return end;
}

static gunichar
char_before (const char *s,
             gsize       start,
             gsize       pos)
{
  const char *p;

  if (pos <= start)
    return 0;
  p = g_utf8_find_prev_char (s + start, s + pos);
  return p ? g_utf8_get_char (p) : 0;
}

/* Arabic numbers: 682.3, 1 234; returns bytes consumed. */
static gsize
read_number (const char *s,
             gsize       pos,
             gsize       end,
             ZbNumber   *number)
{
  gsize p = pos;
  gsize digits_len;
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
  digits_len = p - pos;
  if (digits_len >= sizeof buf)
    {
      /* absurdly long: read it, but keep only what a double can hold */
      number->value = HUGE_VAL;
      number->set = FALSE;
      return digits_len;
    }
  for (gsize i = pos; i < p; i++)
    buf[k++] = s[i];
  buf[k] = '\0';
  number->value = g_ascii_strtod (buf, NULL);
  number->set = isfinite (number->value);
  number->decimals = strchr (buf, '.') ? (gint8) MIN (strlen (strchr (buf, '.') + 1), 12) : 0;
  return digits_len;
}

/* Period expressions ---------------------------------------------------- */

/* A bitmap of the characters that begin a period word (and 截), built once. */
static gboolean
may_start_period (const char *s,
                  gsize       avail)
{
  static guint8 *bitmap;
  gunichar c;

  if (g_once_init_enter (&bitmap))
    {
      guint8 *bits = g_malloc0 (0x10000 / 8);
      static const char * const extra[] = { "截" };

      for (guint i = 0; i < zb_vocab_sizes[ZB_VOCAB_PERIOD_WORDS]; i++)
        {
          gunichar f = g_utf8_get_char (zb_vocab_tables[ZB_VOCAB_PERIOD_WORDS][i].word);
          if (f < 0x10000)
            bits[f >> 3] |= 1 << (f & 7);
        }
      for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
        {
          gunichar f = g_utf8_get_char (extra[i]);
          bits[f >> 3] |= 1 << (f & 7);
        }
      g_once_init_leave (&bitmap, bits);
    }

  if (avail < 3 || ((guchar) s[0] & 0xF0) != 0xE0)
    return TRUE;   /* rare forms: let the full test decide */
  c = ((s[0] & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
  return (bitmap[c >> 3] >> (c & 7)) & 1;
}

/* 1-9月, 1—4月, 1至11月, 9月, 9月当月, 5月末, 2023年, 2023年1-9月, 截至…; returns the
 * length of the expression at pos, or 0. */
static gsize
match_period (const char *s,
              gsize       pos,
              gsize       end)
{
  gsize p = pos;
  const ZbWord *w;

  /* most characters start no period: test the first one against a bitmap */
  if (p >= end || ((guchar) s[p] < 0x80 && !g_ascii_isdigit (s[p])))
    return 0;
  if ((guchar) s[p] >= 0x80 && !may_start_period (s + p, end - p))
    return 0;

  if (zb_text_at (s, p, end, "截至") || zb_text_at (s, p, end, "截止"))
    {
      gsize q = zb_text_skip_spaces (s, p + strlen ("截至"), end);
      gsize n = match_period (s, q, end);
      if (n > 0)
        {
          q += n;
          /* 截至2023年10月25日 */
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

  w = zb_vocab_at (ZB_VOCAB_PERIOD_WORDS, s + p, s + end);
  if (w != NULL)
    return strlen (w->word);

  if (p < end && g_ascii_isdigit (s[p]))
    {
      gsize q = p;
      gsize digits;

      /* 5 stands for "too many": counting a long run of digits at each of
       * its positions made extraction quadratic in the run's length */
      while (q < end && g_ascii_isdigit (s[q]) && q - p < 5)
        q++;
      digits = q - p;
      /* 20XX年: a year the report hides */
      if (digits == 2 && q + 1 < end && s[q] == 'X' && s[q + 1] == 'X')
        {
          q += 2;
          digits = 4;
        }
      if (digits == 4)
        {
          gsize r = zb_text_skip_spaces (s, q, end);
          /* 2020、2021年: a list of years is one period */
          while (zb_text_at (s, r, end, "、") && r + 3 + 4 <= end &&
                 g_ascii_isdigit (s[r + 3]) && g_ascii_isdigit (s[r + 4]) &&
                 g_ascii_isdigit (s[r + 5]) && g_ascii_isdigit (s[r + 6]))
            r = zb_text_skip_spaces (s, r + 7, end);
          if (zb_text_at (s, r, end, "年"))
            {
              r = zb_text_skip_spaces (s, r + strlen ("年"), end);
              if (zb_text_at (s, r, end, "初至"))
                r += strlen ("初至");
              {
                gsize more = match_period (s, r, end);
                if (more > 0 && g_ascii_isdigit (s[r]) && more < 20)
                  return r + more - pos;
                if (more > 0 && !g_ascii_isdigit (s[r]))
                  return r + more - pos;
              }
              return r - pos;
            }
          return 0;
        }
      if (digits <= 2)
        {
          gsize r = zb_text_skip_spaces (s, q, end);
          if (r < end && (s[r] == '-' || s[r] == '~') )
            r++;
          else if (zb_text_at (s, r, end, "—"))
            {
              while (zb_text_at (s, r, end, "—"))
                r += strlen ("—");
            }
          else if (zb_text_at (s, r, end, "至"))
            r += strlen ("至");
          else
            r = 0;
          if (r > 0)
            {
              r = zb_text_skip_spaces (s, r, end);
              while (r < end && g_ascii_isdigit (s[r]))
                r++;
              r = zb_text_skip_spaces (s, r, end);
              if (zb_text_at (s, r, end, "月"))
                return r + strlen ("月") - pos;
              if (zb_text_at (s, r, end, "季度"))
                return r + strlen ("季度") - pos;
              return 0;
            }
          r = zb_text_skip_spaces (s, q, end);
          /* 1月-10月, 1月至9月: a range written with two months */
          if (zb_text_at (s, r, end, "月"))
            {
              gsize t = r + strlen ("月");
              if (t < end && (s[t] == '-' || s[t] == '~'))
                t++;
              else if (zb_text_at (s, t, end, "—") || zb_text_at (s, t, end, "至"))
                t += 3;
              if (t > r + strlen ("月"))
                {
                  gsize u = zb_text_skip_spaces (s, t, end);
                  gsize v = u;
                  while (v < end && g_ascii_isdigit (s[v]) && v - u < 2)
                    v++;
                  if (v > u && zb_text_at (s, zb_text_skip_spaces (s, v, end), end, "月"))
                    return zb_text_skip_spaces (s, v, end) + strlen ("月") - pos;
                }
            }
          if (zb_text_at (s, r, end, "月"))
            {
              r += strlen ("月");
              if (zb_text_at (s, r, end, "当月") || zb_text_at (s, r, end, "份"))
                r += zb_text_at (s, r, end, "份") ? strlen ("份") : strlen ("当月");
              else if (zb_text_at (s, r, end, "末") || zb_text_at (s, r, end, "底"))
                r += strlen ("末");
              return r - pos;
            }
        }
    }
  return 0;
}

/* Names ----------------------------------------------------------------- */

static gboolean
is_name_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == 0x201C || c == 0x201D || c == '"' || c == 0x2014 || c == '-';
}

/* Strips cue words, periods and regions around a raw name span; returns a
 * new string without spaces, or NULL when nothing is left. */
/* 增加值 and 增加值增速 speak of one indicator */
static gboolean
same_indicator (const char *a,
                const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  const ZbWord *rate;

  if (la == lb)
    return strcmp (a, b) == 0;
  rate = zb_vocab_before (ZB_VOCAB_RATE_WORDS, a, a + la);
  return rate != NULL && rate->value == 1 && la - strlen (rate->word) == lb && strncmp (a, b, lb) == 0;
  return FALSE;
}

/* Does a name end in a word that makes it an indicator (产值, 投资 …)? */
static gboolean
names_indicator (const char *name)
{
  gsize len = strlen (name);
  return zb_vocab_before (ZB_VOCAB_HEADS, name, name + len) != NULL;
}

/* Reduces a raw name span to a minimal noun phrase: no brackets, spaces,
 * cue words, periods or regions; NULL when nothing is left. */
static char *
clean_name (const char *src,
            gsize       start,
            gsize       end)
{
  g_autoptr(GString) buf = g_string_new (NULL);
  gboolean changed = TRUE;
  const char *s;
  int depth = 0;

  /* brackets hold bases and asides, never the name */
  for (gsize p = start; p < end; p++)
    {
      if (src[p] == '(')
        depth++;
      else if (src[p] == ')')
        depth = MAX (depth - 1, 0);
      else if (depth == 0 && src[p] != ' ')
        g_string_append_c (buf, src[p]);
    }
  s = buf->str;
  start = 0;
  end = buf->len;

  while (changed && start < end)
    {
      const ZbWord *w;
      gsize n;

      changed = FALSE;
      if ((n = match_period (s, start, end)) > 0)
        {
          start += n;
          changed = TRUE;
          continue;
        }
      if ((w = zb_vocab_at (ZB_VOCAB_NAME_PREFIXES, s + start, s + end)) != NULL)
        {
          start += strlen (w->word);
          changed = TRUE;
          continue;
        }
      /* a comparison opens the clause: 较2022年, 比上半年 — no name here */
      if (zb_text_at (s, start, end, "较") || zb_text_at (s, start, end, "比") || zb_text_at (s, start, end, "与"))
        return NULL;
      if ((w = zb_vocab_before (ZB_VOCAB_NAME_SUFFIXES, s + start, s + end)) != NULL)
        {
          end -= strlen (w->word);
          changed = TRUE;
          continue;
        }
      if ((w = zb_vocab_before (ZB_VOCAB_GAP_VERBS, s + start, s + end)) != NULL &&
          strlen (w->word) > 3)
        {
          end -= strlen (w->word);
          changed = TRUE;
          continue;
        }
      /* trailing comparison: 工业投资比上年 (within the last 18 bytes) */
      for (gsize p = end; p > start && end - p < 18; )
        {
          const char *prev = g_utf8_find_prev_char (s + start, s + p);
          if (prev == NULL)
            break;
          p = prev - s;
          if ((zb_text_at (s, p, end, "较") || zb_text_at (s, p, end, "比")) && p > start && end - p <= 18)
            {
              /* 同比2022年, 环比: the whole comparison goes */
              if (p >= start + 3 && (zb_text_at (s, p - 3, end, "同") || zb_text_at (s, p - 3, end, "环")))
                p -= 3;
              end = p;
              changed = TRUE;
              break;
            }
        }
      if (changed)
        continue;
      /* a period at the end: GDP增速一季度 (periods are short: look at the tail) */
      for (gsize p = end > start + 30 ? end - 30 : start; p < end && !changed; p = g_utf8_next_char (s + p) - s)
        {
          if ((s[p] & 0xC0) == 0x80)
            continue;
          gsize m = match_period (s, p, end);
          if (m > 0 && p + m == end && p > start)
            {
              end = p;
              changed = TRUE;
            }
        }
    }
  if (start >= end)
    return NULL;

  /* 有效工业投资项目1-9月已完成: the name ends where a period or 已 begins */
  for (gsize p = start + 3; p < end; p = g_utf8_next_char (s + p) - s)
    {
      gsize n = match_period (s, p, end);
      if (n > 0 && p - start <= 6 && p + n < end)
        {
          /* 拉动前三季度GDP: a verb, the period, then the name */
          start = p + n;
          break;
        }
      if (n > 0 || zb_text_at (s, p, end, "已"))
        {
          /* 重点工业投资项目2023—2025年预计新增产值: the indicator follows */
          if (n > 0 && p + n < end)
            {
              g_autofree char *tail = clean_name (s, p + n, end);
              if (tail != NULL && names_indicator (tail))
                {
                  start = p + n;
                  break;
                }
            }
          end = p;
          break;
        }
    }

  /* 第一个工程就是确保新增: what follows the goal word is the name */
  for (gsize p = end; p > start; )
    {
      const char *prev = g_utf8_find_prev_char (s + start, s + p);
      const ZbWord *w;
      if (prev == NULL)
        break;
      p = prev - s;
      w = zb_vocab_at (ZB_VOCAB_CUES, s + p, s + end);
      if (w != NULL && w->value == 1 && p > start &&
          (g_str_equal (w->word, "确保") || g_str_equal (w->word, "力争") || g_str_equal (w->word, "争取")))
        {
          start = p + strlen (w->word);
          while (start < end)
            {
              const ZbWord *pre = zb_vocab_at (ZB_VOCAB_NAME_PREFIXES, s + start, s + end);
              if (pre == NULL)
                break;
              start += strlen (pre->word);
            }
          if (start >= end)
            return NULL;
          break;
        }
    }

  /* X的Y names Y, unless X is a threshold: 收入过100亿元的企业 */
  for (gsize p = end; p > start + 3; p--)
    if (zb_text_at (s, p - 3, end, "的") && end - p >= 6)
      {
        gboolean digits = FALSE;
        for (gsize k = start; k < p; k++)
          digits |= g_ascii_isdigit (s[k]);
        if (!digits)
          start = p;
        break;
      }

  {
    gboolean word = FALSE;
    for (const char *p = s + start; p < s + end; p = g_utf8_next_char (p))
      if (g_utf8_get_char (p) >= 0x4E00 || g_ascii_isalpha (*p))
        word = TRUE;
    if (!word)
      return NULL;
  }
  {
    /* verbs inside a name: 规上服务业全口径实现营业收入 */
    GString *out = g_string_new_len (s + start, end - start);
    for (guint i = 0; i < zb_vocab_sizes[ZB_VOCAB_NAME_INNER]; i++)
      {
        const char *word = zb_vocab_tables[ZB_VOCAB_NAME_INNER][i].word;
        char *hit;
        while (out->len > strlen (word) && (hit = strstr (out->str + 3, word)) != NULL)
          g_string_erase (out, hit - out->str, strlen (word));
      }
    return g_string_free (out, FALSE);
  }
}

/* A name is a phrase, not a sentence: keep its last 20 characters. */
static char *
shorten_name (char *name)
{
  glong n;

  if (name == NULL || (n = g_utf8_strlen (name, -1)) <= 20)
    return name;
  {
    char *t = g_strdup (g_utf8_offset_to_pointer (name, n - 20));
    g_free (name);
    return t;
  }
}

/* Mentions -------------------------------------------------------------- */

/* Filler allowed between a verb and its number: 增长了, 分别增长, 同比下降约 */
static gsize
skip_filler_back (const char *s,
                  gsize       start,
                  gsize       pos)
{
  gboolean changed = TRUE;

  while (changed)
    {
      const ZbWord *filler;

      changed = FALSE;
      pos = trim_end (s, start, pos);
      filler = zb_vocab_before (ZB_VOCAB_FILLERS, s + start, s + pos);
      if (filler != NULL)
        {
          pos -= strlen (filler->word);
          changed = TRUE;
        }
      /* a bracketed base or target between verb and number: 同比(72.19亿元)下降 */
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
qualifier_at (const char *s,
              gsize      *pos,
              gsize       end)
{
  gsize p = zb_text_skip_spaces (s, *pos, end);
  const ZbWord *w = zb_vocab_at (ZB_VOCAB_QUALIFIERS, s + p, s + end);

  if (w == NULL)
    return NULL;
  /* 多 only as in 40多个百分点 — handled before the unit */
  if (g_str_equal (w->word, "多"))
    return NULL;
  *pos = p + strlen (w->word);
  return w->word;
}

/* Reads one mention (a number or a list of numbers sharing a unit) at pos. */
static gboolean
read_mentions (const char *s,
               gsize       pos,
               gsize       clause_start,
               gsize       end,
               GArray     *out,
               gsize      *next)
{
  GArray *list = g_array_new (FALSE, TRUE, sizeof (Mention));
  gsize p = pos;

  for (;;)
    {
      Mention m = { 0 };
      gsize n;

      m.start = p;
      if (zb_text_at (s, p, end, "百分之"))
        {
          double v;
          gint8 decimals = 0;
          gsize q = p + strlen ("百分之");
          gsize k = zb_text_read_cn_number (s, q, end, &v, &decimals);
          if (k == 0)
            break;
          m.number.value = v;
          m.number.decimals = decimals;
          m.number.set = TRUE;
          m.unit = zb_vocab_at (ZB_VOCAB_UNITS, "%", "%" + 1);
          m.end = q + k;
          g_array_append_val (list, m);
          p = m.end;
        }
      else
        {
          if (g_ascii_isdigit (s[p]))
            n = read_number (s, p, end, &m.number);
          else
            {
              double v;
              n = zb_text_read_cn_number (s, p, end, &v, NULL);
              /* Chinese numerals only before 个百分点 or 倍 */
              if (n > 0 && (zb_text_at (s, p + n, end, "个百分点") || zb_text_at (s, p + n, end, "倍")))
                {
                  m.number.value = v;
                  m.number.set = TRUE;
                }
              else
                n = 0;
            }
          if (n == 0)
            break;
          p += n;
          /* 1—2家, 3-5家: a range; its low end is the figure */
          {
            gsize q = zb_text_skip_spaces (s, p, end);
            gsize r = q;
            if (zb_text_at (s, r, end, "—") || zb_text_at (s, r, end, "~"))
              r += zb_text_at (s, r, end, "~") ? 1 : strlen ("—");
            else if (r < end && s[r] == '-')
              r++;
            else if (zb_text_at (s, r, end, "至"))
              r += strlen ("至");
            if (r > q)
              {
                ZbNumber hi;
                gsize k;
                r = zb_text_skip_spaces (s, r, end);
                k = r < end && g_ascii_isdigit (s[r]) ? read_number (s, r, end, &hi) : 0;
                if (k > 0 && match_period (s, m.start, end) == 0)
                  {
                    p = r + k;
                    m.range = TRUE;
                  }
              }
          }
          {
            gsize q = zb_text_skip_spaces (s, p, end);
            /* 40多个百分点 */
            if (zb_text_at (s, q, end, "多") || zb_text_at (s, q, end, "余"))
              {
                q += strlen ("多");
                m.qualifier = "超过";
              }
            m.unit = zb_vocab_at (ZB_VOCAB_UNITS, s + q, s + end);
            if (m.unit != NULL)
              p = q + strlen (m.unit->word);
          }
          /* 2个月, 3个工作日: a span of time is no figure */
          if (m.unit != NULL && g_str_equal (m.unit->text, "个") &&
              (zb_text_at (s, p, end, "月") || zb_text_at (s, p, end, "工作日") || zb_text_at (s, p, end, "小时") ||
               zb_text_at (s, p, end, "季度")))
            m.unit = NULL;
          m.end = p;
          g_array_append_val (list, m);
        }

      /* another number of the list? */
      {
        gsize q = zb_text_skip_spaces (s, p, end);
        if (zb_text_at (s, q, end, "、"))
          q += strlen ("、");
        else if (zb_text_at (s, q, end, "和"))
          q += strlen ("和");
        else
          break;
        q = zb_text_skip_spaces (s, q, end);
        if (q < end && g_ascii_isdigit (s[q]) && match_period (s, q, end) == 0)
          p = q;
        else
          break;
      }
    }

  *next = p;
  if (list->len == 0)
    {
      g_array_unref (list);
      return FALSE;
    }

  /* the last unit serves the list: 1.7、0.3、0.1个百分点 */
  {
    Mention *last = &g_array_index (list, Mention, list->len - 1);
    gsize q = last->end;
    const char *qual = qualifier_at (s, &q, end);

    if (last->unit != NULL)
      {
        for (guint i = 0; i < list->len; i++)
          {
            Mention *m = &g_array_index (list, Mention, i);
            if (m->unit == NULL)
              m->unit = last->unit;
          }
      }
    if (qual != NULL)
      {
        for (guint i = 0; i < list->len; i++)
          if (g_array_index (list, Mention, i).qualifier == NULL)
            g_array_index (list, Mention, i).qualifier = qual;
        last->end = q;
        *next = q;
      }
  }

  for (guint i = 0; i < list->len; i++)
    {
      Mention *m = &g_array_index (list, Mention, i);
      if (m->unit == NULL || !m->number.set)
        continue;
      m->list_index = i;
      m->list_len = list->len;
      g_array_append_val (out, *m);
    }
  g_array_unref (list);
  return TRUE;
}

/* What a mention is, from the words before it. */
static void
classify (const char *s,
          gsize       clause_start,
          gsize       left_start,
          Mention    *m,
          const Mention *prev)
{
  gsize before = skip_filler_back (s, left_start, m->start);
  const ZbWord *verb;
  const ZbWord *w;

  m->role = ROLE_LEVEL;
  m->sign = 1;
  m->cue_start = before;

  /* a base value in brackets after 同比: 同比(72.19亿元)下降 */
  if (m->start > clause_start && char_before (s, clause_start, m->start) == '(')
    {
      gsize open = m->start - 1;
      gsize b = trim_end (s, clause_start, open);
      if (zb_text_ends_with (s, clause_start, b, "同比") || zb_text_ends_with (s, clause_start, b, "比上年") ||
          zb_text_ends_with (s, clause_start, b, "年"))
        {
          m->role = ROLE_BASE;
          return;
        }
    }

  /* the figure of a reference, in brackets: 差目标增速(8.6%), 高于全国(6.8%) */
  if (m->start > clause_start && char_before (s, clause_start, m->start) == '(' &&
      m->unit->value == ZB_UNIT_PERCENT)
    {
      gsize b = trim_end (s, clause_start, m->start - 1);
      const ZbWord *ref = zb_vocab_before (ZB_VOCAB_REFERENCES, s + clause_start, s + b);
      if (ref != NULL)
        {
          m->role = ROLE_REFVALUE;
          m->reference = ref->value == 1 ? "target" : ref->value == 2 ? "schedule" : "benchmark";
          m->cue_start = b - strlen (ref->word);
          return;
        }
    }

  /* progress: 完成年度目标任务的51%, 完结率100% */
  if (m->unit->value == ZB_UNIT_PERCENT &&
      (w = zb_vocab_before (ZB_VOCAB_PROGRESS_CUES, s + left_start, s + before)) != NULL)
    {
      gboolean done = FALSE;
      /* the phrase must speak of completing: 完成 … 任务 / 占 … 计划 */
      for (gsize p = clause_start; p + 3 <= before; p++)
        if (zb_text_at (s, p, before, "完成") || zb_text_at (s, p, before, "占") || zb_text_at (s, p, before, "完结"))
          done = TRUE;
      if (done || g_str_has_suffix (w->word, "率"))
        {
          m->role = ROLE_PROGRESS;
          m->cue_start = before - strlen (w->word);
          return;
        }
    }

  /* gaps: 高于全省2个百分点, 比目标(9.0%)低2.6个百分点, 差目标进度26.5个百分点 */
  if (m->unit->value == ZB_UNIT_PP)
    {
      const ZbWord *gap = NULL;
      gsize gap_at = 0;
      const ZbWord *ref = NULL;

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
      if (gap != NULL && ref != NULL)
        {
          m->role = ROLE_GAP;
          m->sign = gap->value;
          m->cue_start = gap_at;
          m->reference = ref->value == 1 ? "target" : ref->value == 2 ? "schedule" : "benchmark";
          return;
        }
    }

  verb = zb_vocab_before (ZB_VOCAB_CHANGE_VERBS, s + left_start, s + before);
  /* 新增1个园区 adds something new; it does not grow */
  if (verb != NULL && zb_vocab_before (ZB_VOCAB_NONCHANGE_VERBS, s + left_start, s + before) != NULL)
    verb = NULL;
  if (verb != NULL && m->unit->value != ZB_UNIT_LEVEL)
    {
      m->role = ROLE_CHANGE;
      m->sign = verb->value;
      m->cue_start = before - strlen (verb->word);
      /* 降幅收窄 → negative, 降幅扩大 → positive: the verb says it */
      if (m->unit->value == ZB_UNIT_TIMES)
        {
          m->number.value *= 100;
          m->number.decimals = MAX (0, m->number.decimals - 2);
        }
      return;
    }
  if (verb != NULL && m->unit->value == ZB_UNIT_LEVEL)
    {
      /* 增加700万箱: absolute changes are not figures */
      m->role = ROLE_SKIP;
      return;
    }

  /* a list continues its first member's role (a bracketed figure heads no list) */
  if (prev != NULL && m->list_index > 0 && prev->role != ROLE_REFVALUE && prev->role != ROLE_BASE)
    {
      m->role = prev->role;
      m->sign = prev->sign;
      m->reference = prev->reference;
      m->cue_start = prev->cue_start;
      return;
    }

  if (m->unit->value == ZB_UNIT_PP)
    m->role = ROLE_SKIP;   /* 拉动 …, a share: no figure we can name */
}

/* Sentences and clauses -------------------------------------------------- */

typedef struct {
  ZbInlineContext *ctx;
  const ZbBlock   *block;
  ZbJoined        *joined;
  GPtrArray       *figures;
  ZbFigure        *open;          /* the last figure, a nameless change may join it */
  gsize            open_sentence;
  gsize            open_start;    /* its quote's start and its number, in the joined text */
  gsize            open_number;
  PeriodCache      periods;       /* the last period of the sentence read so far */
  CueCache         cues;          /* the goal words of the sentence read so far */
  guint            clause_index;  /* clauses read in this paragraph */
  guint            open_clause;
  guint            last_clause_mentions;
} Reader;

static void
set_source (Reader   *r,
            ZbFigure *f,
            gsize     start,
            gsize     end,
            gsize     number_at)
{
  const ZbSource *src = r->ctx->source;
  const char *s = r->joined->str->str;
  guint32 *map = (guint32 *) (void *) r->joined->map->data;
  gsize t0 = zb_source_text_offset (src, map[start]);
  gsize t1 = zb_source_text_offset (src, end > start ? map[end - 1] + 1 : map[end]);
  gsize tn = zb_source_text_offset (src, map[number_at]);
  g_autofree char *quote = NULL;

  /* a quote that crosses a page break is cut at the line end of its start */
  if (t1 < t0)
    t1 = t0;
  {
    const char *nl = memchr (src->text + t0, '\n', t1 - t0);
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
  }
  /* extend the end over a multi-byte character's tail */
  while (t1 < src->text_len && (src->text[t1] & 0xC0) == 0x80)
    t1++;
  quote = g_strndup (src->text + t0, t1 - t0);
  (void) s;
  zb_figure_set_source (f, r->block->section, zb_source_line_at (src, tn),
                        zb_source_orig_offset (src, tn), t0, t1 - t0, quote);
}

static ZbFigure *
new_figure (Reader       *r,
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

/* 居全市第4位, 排名第1, 均保持全区第1位 */
static int
find_rank (const char *s,
           gsize       start,
           gsize       end)
{
  for (gsize p = start; p < end; p = g_utf8_next_char (s + p) - s)
    if (zb_text_at (s, p, end, "第"))
      {
        gsize q = zb_text_skip_spaces (s, p + strlen ("第"), end);
        double v = 0;
        gsize n = 0;

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
        if (n > 0 && v >= 1 && v <= 200 && (zb_text_at (s, q, end, "位") || zb_text_at (s, q, end, "名")))
          {
            /* only a ranking: 排/居/位居/保持 … 全X 第N位 */
            gsize a = start;
            gboolean scope = FALSE;
            for (gsize k = a; k < p; k++)
              if (zb_text_at (s, k, p, "全") || zb_text_at (s, k, p, "排") || zb_text_at (s, k, p, "居"))
                scope = TRUE;
            if (scope)
              return (int) v;
          }
      }
  return 0;
}

/* The rank of a figure: in its clause, or in the next one (增长6.2%,居全市第3位). */
static int
rank_after (const char *s,
            gsize       pos,
            gsize       ce,
            gsize       sentence_end)
{
  int rank = find_rank (s, pos, ce);

  if (rank == 0)
    {
      gsize lim = MIN (sentence_end, ce + 60);
      gsize q = ce;
      while (q < lim && !zb_text_at (s, q, lim, "。") && s[q] != '%' && s[q] != ';')
        q++;
      rank = find_rank (s, ce, q);
    }
  return rank;
}

/* Splits "A和B、C" into names for a 分别 list. */
static GPtrArray *split_names_by (const char *name, gboolean conjunctions);

static GPtrArray *
split_names (const char *name,
             guint       wanted)
{
  GPtrArray *parts = split_names_by (name, FALSE);

  if (parts->len == wanted)
    return parts;
  g_ptr_array_unref (parts);
  return split_names_by (name, TRUE);
}

static GPtrArray *
split_names_by (const char *name,
                gboolean    conjunctions)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *copy = g_strdup (name);
  char *p = copy;
  char *start = copy;

  while (*p)
    {
      if (g_str_has_prefix (p, "、") ||
          (conjunctions && (g_str_has_prefix (p, "和") || g_str_has_prefix (p, "及") ||
                            g_str_has_prefix (p, "与"))))
        {
          *p = '\0';
          if (*start)
            g_ptr_array_add (parts, g_strdup (start));
          p += 3;
          start = p;
          continue;
        }
      p = g_utf8_next_char (p);
    }
  if (*start)
    g_ptr_array_add (parts, g_strdup (start));

  /* 新材料产业、高新技术产品企业总产值: the shared tail goes to every part */
  if (parts->len > 1)
    {
      const char *last = g_ptr_array_index (parts, parts->len - 1);
      const ZbWord *tail = zb_vocab_before (ZB_VOCAB_SHARED_TAILS, last, last + strlen (last));

      for (guint i = 0; tail != NULL && i + 1 < parts->len; i++)
        {
          char *part = g_ptr_array_index (parts, i);

          if (zb_vocab_before (ZB_VOCAB_SHARED_TAILS, part, part + strlen (part)) == NULL &&
              !g_str_has_suffix (part, "值"))
            {
              g_ptr_array_index (parts, i) = g_strconcat (part, tail->word, NULL);
              g_free (part);
            }
        }
    }
  return parts;
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

/* Where the goal words of a sentence stand: found once per sentence, as
 * its mentions are read left to right. */
typedef struct {
  gsize         pos;
  const ZbWord *word;
} CueHit;

static void
cue_cache_extend (CueCache   *cache,
                  const char *s,
                  gsize       sentence_start,
                  gsize       pos)
{
  if (cache->hits == NULL)
    cache->hits = g_array_new (FALSE, FALSE, sizeof (CueHit));
  if (cache->start != sentence_start || cache->scanned < sentence_start)
    {
      g_array_set_size (cache->hits, 0);
      cache->start = sentence_start;
      cache->scanned = sentence_start;
    }
  for (gsize p = cache->scanned; p < pos; p = g_utf8_next_char (s + p) - s)
    {
      const ZbWord *w = zb_vocab_at (ZB_VOCAB_CUES, s + p, s + pos);
      if (w != NULL)
        {
          CueHit hit = { p, w };
          g_array_append_val (cache->hits, hit);
        }
    }
  cache->scanned = MAX (cache->scanned, pos);
}

/* Is the sentence (up to pos) about a goal? */
static gboolean
target_context (CueCache   *cache,
                const char *s,
                gsize       sentence_start,
                gsize       clause_start,
                gsize       pos,
                gsize       clause_end,
                const char *period,
                guint8      latest_month)
{
  cue_cache_extend (cache, s, sentence_start, pos);

  /* cues before the mention in the sentence */
  for (guint h = 0; h < cache->hits->len; h++)
    {
      const CueHit *hit = &g_array_index (cache->hits, CueHit, h);
      gsize p = hit->pos;
      const ZbWord *w = hit->word;

      if (p + strlen (w->word) > pos)
        break;
      /* phrases that hold a cue word but set no goal: 向上争取资金, …排头兵的目标 */
      if (zb_vocab_before (ZB_VOCAB_NONCUES, s + sentence_start,
                                 s + p + strlen (w->word)) != NULL ||
          zb_vocab_at (ZB_VOCAB_NONCUES, s + p, s + pos) != NULL)
        continue;
      if (g_str_equal (w->word, "目标") && char_before (s, sentence_start, p) == 0x7684 /* 的 */)
        continue;
      if (w->value == 1)
        {
          /* 完成…目标任务的 / 差目标: a comparison with a goal, not a goal */
          if (g_str_equal (w->word, "目标") || g_str_equal (w->word, "任务") || g_str_equal (w->word, "计划"))
            {
              gsize q = p + strlen (w->word);
              if (char_before (s, sentence_start, p) == 0x5DEE /* 差 */ ||
                  zb_text_at (s, q, pos, "的") || zb_text_at (s, q, pos, "进度") || zb_text_at (s, q, pos, "增速"))
                continue;
              /* 超额完成年度目标任务, 完成抽检任务96%, 已完成…建设(改造)任务:
               * a report of what was done (完成 earlier in the cue's clause) */
              {
                gsize back = p;
                while (back > sentence_start && s[back - 1] != ',' && s[back - 1] != ';')
                  back--;
                if (g_strstr_len (s + back, p - back, "完成") != NULL)
                  continue;
              }
            }
          /* 目标为…4家, 上半年仅…3家: a later clause that reports a period
           * already under way speaks of what was done */
          if (p < clause_start)
            {
              g_autofree char *own = period_scan (s, clause_start, pos, NULL);
              ZbPeriod pd;
              if (own != NULL && zb_period_parse (own, &pd) && pd.first_month <= 1 &&
                  pd.last_month > 0 && pd.last_month < 12)
                continue;
            }
          /* 任务共124户次,其中…41户次: the parts of a goal are no goals of their own */
          if (g_strstr_len (s + p, pos - p, "其中") != NULL)
            continue;
          /* 计划…, 已完成…: what was done against the plan is actual */
          {
            gboolean actual = FALSE;
            for (gsize q = p + strlen (w->word); q < pos && !actual; q++)
              actual = zb_vocab_at (ZB_VOCAB_DONE_MARKERS, s + q, s + pos) != NULL;
            if (actual)
              continue;
          }
          return TRUE;
        }
      if (w->value == 3)
        {
          /* 预计 of a period already reported is an estimate of an actual;
           * of one still to come, a goal */
          ZbPeriod pd;
          if (period != NULL && zb_period_parse (period, &pd) && pd.last_month > 0 &&
              pd.last_month <= latest_month && latest_month < 12)
            continue;
          /* 2023年 (or 20XX年) 预计…: the estimate of a year under review */
          if (period != NULL && g_str_has_suffix (period, "年") && strlen (period) <= 8 &&
              g_ascii_isdigit (period[0]) && strchr (period, '-') == NULL)
            continue;
          if (period != NULL && latest_month == 0 && zb_period_parse (period, &pd) &&
              pd.last_month > 0 && pd.last_month < 12)
            continue;
          return TRUE;
        }
      if (w->value == 2 && p >= clause_start)
        {
          /* 要, 预计 only in the mention's own clause */
          if (g_str_equal (w->word, "保") || g_str_equal (w->word, "争"))
            {
              /* 保5争6 */
              gsize q = p + strlen (w->word);
              if (q < pos && g_ascii_isdigit (s[zb_text_skip_spaces (s, q, pos)]))
                return TRUE;
              continue;
            }
          return TRUE;
        }
    }
  /* 增长5%的目标 */
  for (gsize p = pos; p < clause_end; p++)
    if (zb_text_at (s, p, clause_end, "的目标") || zb_text_at (s, p, clause_end, "的任务"))
      return TRUE;
  return FALSE;
}

/* The last period written in [start, pos); with a cache, successive calls
 * over one sentence read each byte once. */


static char *
period_before (const char *s,
               gsize       start,
               gsize       pos)
{
  return period_scan (s, start, pos, NULL);
}

static char *
period_before_cached (PeriodCache *cache,
                      const char  *s,
                      gsize        start,
                      gsize        pos)
{
  if (cache->start != start || cache->scanned > pos || cache->scanned < start)
    {
      g_clear_pointer (&cache->found, g_free);
      cache->start = start;
      cache->scanned = start;
    }
  /* mentions come left to right: go on from where the last call stopped */
  cache->found = period_scan (s, cache->scanned, pos, cache->found);
  cache->scanned = pos;
  return g_strdup (cache->found);
}

static char *
period_scan (const char *s,
             gsize       start,
             gsize       pos,
             char       *found)
{
  for (gsize p = start; p < pos; )
    {
      gsize n = match_period (s, p, pos);
      /* 全年目标任务 names a goal, and 同比2022年, 较上年 the base of a
       * comparison: neither is the time of what follows */
      if (n > 0 && (zb_text_at (s, p + n, pos, "目标") || zb_text_at (s, p + n, pos, "任务") ||
                    zb_text_at (s, p + n, pos, "计划") ||
                    (p >= 3 && (zb_text_ends_with (s, 0, p, "比") || zb_text_ends_with (s, 0, p, "较")))))
        {
          p += n;
          continue;
        }
      if (n > 0)
        {
          gsize a = p, b = trim_end (s, p, p + n);
          GString *str = g_string_new (NULL);
          for (gsize k = a; k < b; k++)
            if (s[k] != ' ')
              g_string_append_c (str, s[k]);
          g_free (found);
          found = g_string_free (str, FALSE);
          p += n;
        }
      else
        p = g_utf8_next_char (s + p) - s;
    }
  return found;
}

/* Is pos inside brackets opened in [cs, pos)? */
static gboolean
in_brackets (const char *s,
             gsize       cs,
             gsize       pos)
{
  int depth = 0;

  for (gsize p = cs; p < pos; p++)
    if (s[p] == '(')
      depth++;
    else if (s[p] == ')' && depth > 0)
      depth--;
  return depth > 0;
}

static gboolean
bracket_has (const char *s,
             gsize       cs,
             gsize       pos,
             const char *word)
{
  gsize p = pos;

  while (p > cs && s[p - 1] != '(')
    p--;
  return g_strstr_len (s + p, pos - p, word) != NULL;
}

/* A level that qualifies a noun is part of a name: 5000万元以上项目, 500—5000万元项目 */
static gboolean
is_modifier (const char    *s,
             const Mention *m,
             gsize          ce)
{
  gsize after = m->end;
  gunichar next = after < ce ? g_utf8_get_char (s + after) : 0;
  gboolean range = m->start > 0 && (s[m->start - 1] == '-' || zb_text_ends_with (s, 0, m->start, "—"));

  if (m->unit->value != ZB_UNIT_LEVEL)
    return FALSE;
  /* 过100亿元的企业, 超50亿元企业: a threshold */
  if (m->start >= 3 && (zb_text_ends_with (s, 0, m->start, "过") || zb_text_ends_with (s, 0, m->start, "超")) &&
      strstr (m->unit->text, "元") != NULL)
    return TRUE;
  if (next < 0x4E00)
    return FALSE;
  if (m->qualifier != NULL && (g_str_equal (m->qualifier, "以上") || g_str_equal (m->qualifier, "以下")))
    return TRUE;
  /* a range of money before a noun: 500—5000万元项目 */
  if ((range || m->range) && strstr (m->unit->text, "元") != NULL)
    return TRUE;
  if (range || (m->list_len > 1))
    return g_utf8_get_char (s + after) != 0x7684 /* 的 */ && !zb_text_at (s, after, ce, "和");
  return FALSE;
}

static gboolean
is_rate_word (const char *name)
{
  gsize len = strlen (name);
  const ZbWord *w = zb_vocab_at (ZB_VOCAB_RATE_WORDS, name, name + len);

  return w != NULL && strlen (w->word) == len;
}

/* A clause with no number still says things: its subject carries on
 * (全市固定资产投资保持了较快增长势头,前三季度增长10.6%), and 持平 is a change of 0. */
static void
read_clause_without_figures (Reader *r,
                             gsize   cs,
                             gsize   ce)
{
  const char *s = r->joined->str->str;
  /* a subject opens its clause: the first 20 characters are enough, and
   * only a clause that names an indicator there has one */
  gsize topic_end = MIN (ce, cs + 60);
  g_autofree char *topic = NULL;

  while (topic_end > cs && topic_end < ce && (s[topic_end] & 0xC0) == 0x80)
    topic_end--;
  {
    gboolean head = FALSE;
    for (gsize p = cs; p < topic_end && !head; p = g_utf8_next_char (s + p) - s)
      head = zb_vocab_at (ZB_VOCAB_HEADS, s + p, s + topic_end) != NULL;
    if (head)
      topic = clean_name (s, cs, topic_end);
  }
  const char *flat = g_strstr_len (s + cs, ce - cs, "持平");

  if (flat != NULL && r->ctx->last_name != NULL &&
      (zb_text_at (s, zb_text_skip_spaces (s, cs, ce), ce, "与") || zb_text_at (s, zb_text_skip_spaces (s, cs, ce), ce, "同比")) &&
      g_strstr_len (s + cs, flat - (s + cs), "基本") == NULL)
    {
      gboolean yoy = g_strstr_len (s + cs, flat - (s + cs), "同比") != NULL;
      g_autofree char *name = yoy || g_str_has_suffix (r->ctx->last_name, "增速")
                              ? g_strdup (r->ctx->last_name)
                              : g_strconcat (r->ctx->last_name, "增速", NULL);
      ZbNumber zero = { 0, 0, TRUE };
      ZbFigure *f = new_figure (r, ZB_FIGURE_ACTUAL, name, r->ctx->period ? r->ctx->period : r->ctx->section_period);

      zb_figure_set_change (f, &zero, yoy ? ZB_CHANGE_PERCENT : ZB_CHANGE_PP);
      set_source (r, f, cs, ce, flat - s);
      zb_figure_set_rule (f, "flat", 0.7);
      return;
    }

  if (topic != NULL)
    {
      /* the subject is the phrase up to its first indicator head */
      for (const char *p = topic; *p; p = g_utf8_next_char (p))
        {
          const ZbWord *head = zb_vocab_at (ZB_VOCAB_HEADS, p, p + strlen (p));
          if (head != NULL)
            {
              gsize len = (p - topic) + strlen (head->word);
              if (g_utf8_strlen (topic, len) <= 15)
                {
                  g_free (r->ctx->last_name);
                  r->ctx->last_name = g_strndup (topic, len);
                }
              break;
            }
        }
    }
}

static void
read_clause (Reader *r,
             gsize   sentence_start,
             gsize   sentence_end,
             gsize   cs,
             gsize   ce)
{
  const char *s = r->joined->str->str;
  g_autoptr(GArray) mentions = g_array_new (FALSE, TRUE, sizeof (Mention));
  gsize p = cs;
  gsize left_start = cs;
  ZbFigure *clause_figure = NULL;
  g_autofree char *clause_name = NULL;
  g_autofree char *list_name = NULL;
  ZbNumber ref_target = { 0 };
  guint emitted = 0;   /* mentions that made or joined a figure */
  gboolean bracket_goal = FALSE;   /* (市下任务…): the goal of the clause's subject */
  gsize qpos = cs;
  int qdepth = 0;

  /* a run-on "sentence" of a megabyte must not make the lookbacks quadratic */
  if (cs > sentence_start + 600)
    sentence_start = cs - 600;
  while (sentence_start < cs && (s[sentence_start] & 0xC0) == 0x80)
    sentence_start++;

  /* find the mentions; the depth of “quotes” is kept as we go, so that a
   * clause full of numbers is still read in one pass */
  while (p < ce)
    {
      gsize n;
      gsize next;
      gboolean candidate;

      if ((guchar) s[p] < 0x80 && !g_ascii_isdigit (s[p]))
        {
          p++;
          continue;
        }
      n = match_period (s, p, ce);
      if (n > 0)
        {
          p += n;
          continue;
        }
      if (g_ascii_isdigit (s[p]))
        candidate = TRUE;
      else
        {
          gunichar c = g_utf8_get_char (s + p);
          candidate = zb_text_cn_digit (c) >= 0 || c == 0x5341 /* 十 */ || zb_text_at (s, p, ce, "百分之");
        }
      if (candidate)
        {
          while (qpos < p)
            {
              if (zb_text_at (s, qpos, p, "“"))
                qdepth++, qpos += 3;
              else if (zb_text_at (s, qpos, p, "”"))
                qdepth = MAX (qdepth - 1, 0), qpos += 3;
              else
                qpos++;
            }
        }
      if (candidate &&
          !(p > cs && (g_ascii_isalpha (s[p - 1]) || s[p - 1] == '.' )) &&
          !(char_before (s, cs, p) == 0x7B2C /* 第 */) &&
          qdepth == 0)
        {
          if (read_mentions (s, p, cs, ce, mentions, &next))
            {
              p = MAX (next, p + 1);
              continue;
            }
          p = g_utf8_next_char (s + p) - s;
          continue;
        }
      p = g_utf8_next_char (s + p) - s;
    }

  for (guint i = 0; i < mentions->len; i++)
    {
      Mention *m = &g_array_index (mentions, Mention, i);
      const Mention *prev = i > 0 ? &g_array_index (mentions, Mention, i - 1) : NULL;
      g_autofree char *name = NULL;
      g_autofree char *period = NULL;
      gboolean target;
      ZbFigureKind kind;
      gsize after;

      classify (s, cs, left_start, m, prev);
      if (m->role == ROLE_LEVEL && in_brackets (s, cs, m->start))
        {
          /* (2022年13.3亿元): last year's level; (含…20批次): an aside;
           * (市下任务46.28亿元、增长18%): the goal set from above */
          if (bracket_has (s, cs, m->start, "任务") || bracket_has (s, cs, m->start, "目标"))
            {
              gsize open = m->start;
              while (open > cs && s[open - 1] != '(')
                open--;
              left_start = MAX (left_start, open);
              clause_figure = NULL;
              bracket_goal = TRUE;
            }
          else if (!bracket_has (s, cs, m->start, "含"))
            m->role = ROLE_BASE;
          else
            continue;
        }
      if (m->role == ROLE_LEVEL && is_modifier (s, m, ce))
        continue;   /* 5000万元以上项目: part of a name, the words stay for it */
      if (m->role == ROLE_SKIP)
        {
          left_start = m->end;
          continue;
        }
      if (m->role == ROLE_BASE)
        {
          if (clause_figure != NULL)
            zb_figure_set_base_value (clause_figure, &m->number);
          continue;
        }
      if (m->role == ROLE_REFVALUE)
        {
          /* a target is a goal of the subject; a benchmark's figure is the
           * same indicator of another area — the words before stay for the gap */
          g_autofree char *rname = clean_name (s, left_start, m->cue_start);
          gboolean is_target = g_strcmp0 (m->reference, "target") == 0;
          ZbFigure *f;
          ZbNumber n = m->number;

          /* GDP差目标增速(8.6%): the verb of the comparison is not the name */
          if (rname != NULL)
            {
              const ZbWord *gv = zb_vocab_before (ZB_VOCAB_GAP_VERBS, rname, rname + strlen (rname));
              if (gv != NULL && strlen (gv->word) < strlen (rname))
                rname[strlen (rname) - strlen (gv->word)] = '\0';
            }
          /* 高于全国(6.8%)、全省(8.2%): the subject, not the comparison */
          if (rname != NULL && (strstr (rname, "、") || strstr (rname, "高于") || strstr (rname, "低于")))
            g_clear_pointer (&rname, g_free);
          if (rname == NULL)
            rname = g_strdup (r->ctx->last_name);
          if (rname == NULL)
            continue;
          f = new_figure (r, is_target ? ZB_FIGURE_TARGET : ZB_FIGURE_ACTUAL, rname,
                          r->ctx->period ? r->ctx->period : r->ctx->section_period);
          zb_figure_set_change (f, &n, ZB_CHANGE_PERCENT);
          if (!is_target)
            {
              /* the area is the reference word before the bracket: 全国(6.8%) */
              const char *open = memchr (s + m->cue_start, '(', m->start - m->cue_start);
              if (open != NULL)
                {
                  g_autofree char *area = g_strndup (s + m->cue_start,
                                                     trim_end (s, m->cue_start, open - s) - m->cue_start);
                  zb_figure_set_area (f, area);
                }
            }
          else
            ref_target = n;
          set_source (r, f, m->cue_start, m->end + 1, m->start);
          zb_figure_set_rule (f, is_target ? "reference-target" : "reference-benchmark", 0.7);
          continue;
        }

      /* the name: words between the previous mention and the cue */
      if (m->list_index == 0)
        {
          gsize a = left_start;
          gsize b = m->role == ROLE_LEVEL ? m->start : m->cue_start;
          /* 突破50亿元大关、增长24%: after a figure, 、 opens a new part */
          if (a > cs)
            for (gsize q = a; q + 3 <= b; q++)
              if (zb_text_at (s, q, b, "、"))
                a = q + 3;
          name = clean_name (s, a, b);
        }
      else if (prev != NULL)
        name = NULL;

      period = period_before_cached (&r->periods, s, sentence_start, m->start);
      if (period == NULL)
        period = g_strdup (r->ctx->period ? r->ctx->period : r->ctx->section_period);

      /* a count or an amount is a goal only when its own clause says so */
      target = target_context (&r->cues, s, sentence_start, cs, m->start, ce, period, r->ctx->latest_month);

      /* a quantity goal names what follows: 确保新增1个千亿园区; and
       * 天茂圆调味品等51个项目竣工投产 counts the projects, not the examples */
      after = zb_text_skip_spaces (s, m->end, ce);
      if (name != NULL && g_str_has_suffix (name, "等") && m->role == ROLE_LEVEL && target)
        g_clear_pointer (&name, g_free);
      if (name == NULL && m->role == ROLE_LEVEL && target && m->list_index == 0)
        {
          gsize q;
          if (zb_text_at (s, after, ce, "的"))
            after += strlen ("的");
          q = after;
          while (q < ce && is_name_char (g_utf8_get_char (s + q)))
            {
              if (zb_text_at (s, q, ce, "的") || zb_text_at (s, q, ce, "和"))
                break;
              q = g_utf8_next_char (s + q) - s;
            }
          if (q > after)
            name = clean_name (s, after, q);
        }

      if (bracket_goal && m->list_index == 0 && m->role == ROLE_LEVEL)
        {
          const char *subject = r->ctx->last_name;
          g_free (name);
          name = g_strdup (subject);
        }

      /* 分别: one name per number */
      if (m->list_len > 1 && m->list_index == 0)
        {
          g_free (list_name);
          list_name = g_strdup (name);
        }
      if (m->list_len > 1 && list_name != NULL)
        {
          g_autoptr(GPtrArray) parts = split_names (list_name, m->list_len);
          g_free (name);
          if (parts->len == (guint) m->list_len)
            name = g_strdup (g_ptr_array_index (parts, m->list_index));
          else
            name = g_strdup (list_name);
        }
      name = shorten_name (name);

      if (m->list_index == 0 && name != NULL)
        {
          g_free (clause_name);
          clause_name = g_strdup (name);
        }

      /* a nameless change joins the level before it: 44.4亿元,按可比价格计算,增长18.6% */
      if (name == NULL && m->role == ROLE_CHANGE && r->open != NULL &&
          r->open_sentence == sentence_start &&
          (r->clause_index == r->open_clause ||
           r->clause_index == r->open_clause + 1 ||
           (r->clause_index == r->open_clause + 2 && r->last_clause_mentions == 0)) &&
          !zb_figure_get_change (r->open)->set && zb_figure_get_value (r->open)->set)
        {
          ZbNumber c = m->number;
          c.value *= m->sign;
          zb_figure_set_change (r->open, &c, m->unit->value == ZB_UNIT_PP ? ZB_CHANGE_PP : ZB_CHANGE_PERCENT);
          emitted++;
          if (zb_figure_get_rank (r->open) == 0)
            zb_figure_set_rank (r->open, rank_after (s, m->end, ce, sentence_end));
          set_source (r, r->open, r->open_start, m->end, r->open_number);
          left_start = m->end;
          continue;
        }
      /* a change right after a level of the same clause belongs to it */
      if (m->role == ROLE_CHANGE && clause_figure != NULL && name == NULL &&
          !zb_figure_get_change (clause_figure)->set)
        {
          ZbNumber c = m->number;
          c.value *= m->sign;
          zb_figure_set_change (clause_figure, &c, m->unit->value == ZB_UNIT_PP ? ZB_CHANGE_PP : ZB_CHANGE_PERCENT);
          emitted++;
          if (m->qualifier && !zb_figure_get_qualifier (clause_figure))
            zb_figure_set_qualifier (clause_figure, m->qualifier);
          if (zb_figure_get_rank (clause_figure) == 0)
            zb_figure_set_rank (clause_figure, rank_after (s, m->end, ce, sentence_end));
          if (clause_figure == r->open)
            set_source (r, clause_figure, r->open_start, m->end, r->open_number);
          left_start = m->end;
          continue;
        }

      /* 低于全年目标增长7%: a name that is only a goal or reference word
       * speaks of the subject */
      if (name != NULL &&
          ((zb_vocab_at (ZB_VOCAB_CUES, name, name + strlen (name)) != NULL &&
            strlen (zb_vocab_at (ZB_VOCAB_CUES, name, name + strlen (name))->word) == strlen (name)) ||
           (zb_vocab_at (ZB_VOCAB_REFERENCES, name, name + strlen (name)) != NULL &&
            strlen (zb_vocab_at (ZB_VOCAB_REFERENCES, name, name + strlen (name))->word) == strlen (name))))
        g_clear_pointer (&name, g_free);

      /* 增加值140亿元,由此预测全年增加值增速为4%: the growth of the figure just read */
      if (name != NULL && m->role == ROLE_CHANGE && m->unit->value == ZB_UNIT_PERCENT &&
          r->open != NULL && r->open_sentence == sentence_start &&
          !zb_figure_get_change (r->open)->set && zb_figure_get_value (r->open)->set &&
          same_indicator (name, zb_figure_get_name (r->open)))
        {
          ZbNumber c = m->number;
          c.value *= m->sign;
          zb_figure_set_change (r->open, &c, ZB_CHANGE_PERCENT);
          set_source (r, r->open, r->open_start, m->end, r->open_number);
          emitted++;
          left_start = m->end;
          continue;
        }

      if (name == NULL)
        name = g_strdup (r->ctx->last_name);
      if (name == NULL)
        {
          left_start = m->end;
          continue;
        }
      /* 降幅收窄3个百分点: the rate of the subject */
      if (is_rate_word (name) && r->ctx->last_name != NULL && !is_rate_word (r->ctx->last_name) &&
          strstr (r->ctx->last_name, name) == NULL)
        {
          char *full = g_strconcat (r->ctx->last_name, name, NULL);
          g_free (name);
          name = full;
        }

      if (m->role != ROLE_PROGRESS && m->list_len <= 1 && name != NULL)
        {
          g_free (r->ctx->last_name);
          r->ctx->last_name = g_strdup (name);
        }

      /* a contribution: 拉动GDP增长0.3个百分点 names the pull, not the subject */
      if (m->role == ROLE_CHANGE && m->unit->value == ZB_UNIT_PP)
        {
          const char *pull = g_strstr_len (s + left_start, m->start - left_start, "拉动");
          if (pull != NULL)
            {
              gsize a = pull - s;
              gsize b = skip_filler_back (s, a, m->start);
              GString *str = g_string_new (NULL);
              for (gsize k = a; k < b; k++)
                if (s[k] != ' ')
                  g_string_append_c (str, s[k]);
              g_free (name);
              name = g_string_free (str, FALSE);
            }
        }

      /* a change of a growth rate: 比上半年回落1.4个百分点 */
      if (m->role == ROLE_CHANGE && m->unit->value == ZB_UNIT_PP && !g_str_has_prefix (name, "拉动") &&
          !g_str_has_suffix (name, "增速") && !g_str_has_suffix (name, "降幅") &&
          !g_str_has_suffix (name, "增幅") && !g_str_has_suffix (name, "比重") &&
          !g_str_has_suffix (name, "率") && !g_str_has_suffix (name, "增长"))
        {
          char *rate = g_strconcat (name, "增速", NULL);
          g_free (name);
          name = rate;
        }

      switch (m->role)
        {
        case ROLE_GAP: kind = ZB_FIGURE_GAP; break;
        case ROLE_PROGRESS: kind = ZB_FIGURE_PROGRESS; break;
        case ROLE_CHANGE:
        case ROLE_LEVEL:
        case ROLE_BASE:
        case ROLE_SKIP:
        default:
          kind = target ? ZB_FIGURE_TARGET : ZB_FIGURE_ACTUAL;
        }

      /* 甲、乙、丙年产值都达到100亿元; 完成率、保存率达到65%: one figure each */
      if (m->list_len <= 1 && m->role != ROLE_GAP &&
          (strstr (name, "、") != NULL || (strstr (name, "和") != NULL && g_str_has_suffix (name, "率"))))
        {
          g_autoptr(GPtrArray) parts = split_names (name, 0);
          gboolean rates = TRUE;
          gboolean shared = g_strstr_len (s + left_start, m->start - left_start, "都") != NULL ||
                            g_strstr_len (s + left_start, m->start - left_start, "均") != NULL;

          for (guint k = 0; k < parts->len; k++)
            rates &= g_str_has_suffix (g_ptr_array_index (parts, k), "率");
          if (parts->len > 1 && (shared || rates))
            {
              for (guint k = 0; k + 1 < parts->len; k++)
                {
                  ZbFigure *f = new_figure (r, kind, g_ptr_array_index (parts, k), period);
                  ZbNumber n = m->number;
                  if (m->role == ROLE_CHANGE)
                    {
                      n.value *= m->sign;
                      zb_figure_set_change (f, &n, m->unit->value == ZB_UNIT_PP ? ZB_CHANGE_PP : ZB_CHANGE_PERCENT);
                    }
                  else
                    zb_figure_set_value (f, &n, m->unit->text);
                  if (m->qualifier)
                    zb_figure_set_qualifier (f, m->qualifier);
                  set_source (r, f, MIN (m->cue_start, m->start), m->end, m->start);
                  zb_figure_set_rule (f, "shared", 0.7);
                }
              g_free (name);
              name = g_strdup (g_ptr_array_index (parts, parts->len - 1));
            }
        }

      {
        ZbFigure *f = new_figure (r, kind, name, period);
        ZbNumber n = m->number;
        int rank;

        emitted++;
        if (kind == ZB_FIGURE_ACTUAL && m->role == ROLE_CHANGE)
          note_actual_period (r->ctx, period);

        if (m->role == ROLE_CHANGE || m->role == ROLE_GAP)
          {
            n.value *= m->sign;
            zb_figure_set_change (f, &n, m->unit->value == ZB_UNIT_PP ? ZB_CHANGE_PP : ZB_CHANGE_PERCENT);
          }
        else
          zb_figure_set_value (f, &n, m->unit->text);
        if (m->reference)
          zb_figure_set_reference (f, m->reference);
        if (m->qualifier)
          zb_figure_set_qualifier (f, m->qualifier);
        rank = rank_after (s, m->end, ce, sentence_end);
        if (rank > 0)
          zb_figure_set_rank (f, rank);
        set_source (r, f, m->list_index == 0 ? MIN (m->cue_start, m->start) : m->start, m->end, m->start);
        zb_figure_set_rule (f, m->role == ROLE_GAP ? "gap" : m->role == ROLE_PROGRESS ? "progress" :
                               m->role == ROLE_CHANGE ? "change" : "level", 0.8);

        /* the goal inside a gap: 差目标增速(8.6%)0.1个百分点 */
        if (m->role == ROLE_GAP && ref_target.set)
          zb_figure_set_target (f, &ref_target);

        if (m->role == ROLE_LEVEL || m->role == ROLE_CHANGE)
          {
            clause_figure = f;
            r->open = f;
            r->open_sentence = sentence_start;
            r->open_clause = r->clause_index;
            r->open_start = m->list_index == 0 ? MIN (m->cue_start, m->start) : m->start;
            r->open_number = m->start;
          }
      }
      left_start = m->end;
    }

  if (emitted == 0)
    read_clause_without_figures (r, cs, ce);
  r->last_clause_mentions = emitted;
  r->clause_index++;

  /* the period said in this clause holds for the next ones */
  {
    g_autofree char *period = period_before (s, cs, ce);
    if (period != NULL)
      {
        g_free (r->ctx->period);
        r->ctx->period = g_steal_pointer (&period);
      }
  }
}

static gboolean
is_sentence_end (const char *s,
                 gsize       p,
                 gsize       end)
{
  return zb_text_at (s, p, end, "。") || s[p] == '!' || s[p] == '?';
}

static void
read_text (Reader *r)
{
  const char *s = r->joined->str->str;
  gsize len = r->joined->str->len;
  gsize sentence = 0;
  gsize clause = 0;
  int depth = 0;
  gboolean listing = FALSE;   /* after "目标是：" the items run on across ； */

  for (gsize p = 0; p <= len; )
    {
      gboolean at_end = (p == len);
      gboolean sent = !at_end && is_sentence_end (s, p, len) && !(listing && s[p] == ';');

      if (!at_end && s[p] == ':')
        listing = TRUE;
      else if (sent)
        listing = FALSE;
      if (!at_end && listing && s[p] == ';')
        {
          /* an item of the list ends as a clause does */
          if (p > clause)
            read_clause (r, sentence, len, clause, p);
          clause = ++p;
          continue;
        }
      gboolean cl = !at_end && depth == 0 && (s[p] == ',' || s[p] == ':' || s[p] == ';');

      if (!at_end && s[p] == '(')
        depth++;
      else if (!at_end && s[p] == ')' && depth > 0)
        depth--;

      if (at_end || sent || cl)
        {
          if (p > clause)
            read_clause (r, sentence, len, clause, p);
          p += at_end ? 1 : (sent && !g_ascii_ispunct (s[p]) ? strlen ("。") : 1);
          clause = p;
          if (sent || at_end)
            {
              sentence = p;
              depth = 0;
            }
          continue;
        }
      p = g_utf8_next_char (s + p) - s;
    }
}

ZbInlineContext *
zb_inline_context_new (const ZbSource *source)
{
  ZbInlineContext *ctx = g_new0 (ZbInlineContext, 1);

  ctx->source = source;
  ctx->section = -1;
  return ctx;
}

void
zb_inline_context_free (ZbInlineContext *ctx)
{
  if (ctx == NULL)
    return;
  g_free (ctx->section_period);
  g_free (ctx->last_name);
  g_free (ctx->period);
  g_free (ctx);
}

void
zb_inline_set_section (ZbInlineContext *ctx,
                       int              section,
                       const char      *title)
{
  g_autofree char *norm = NULL;

  ctx->section = section;
  g_clear_pointer (&ctx->section_period, g_free);
  if (title != NULL)
    {
      /* 一、上半年经济运行情况: the section's period is inherited by its text */
      gsize len = strlen (title);
      for (gsize p = 0; p < len; p = g_utf8_next_char (title + p) - title)
        if (match_period (title, p, len) > 0)
          {
            ctx->section_period = period_before (title, p, len);
            break;
          }
    }
}

void
zb_inline_parse_block (ZbInlineContext *ctx,
                       const ZbBlock   *block,
                       GPtrArray       *figures)
{
  ZbJoined joined = { 0 };
  Reader r = { 0 };

  if (block->type == ZB_BLOCK_TABLE)
    return;   /* table figures are levels without change: the grid keeps them */
  if (block->type == ZB_BLOCK_HEADING && block->number == NULL)
    return;

  zb_joined_init (&joined, ctx->source, (const ZbPiece *) (void *) block->pieces->data, block->pieces->len);

  /* a paragraph starts afresh: no subject, the section's period */
  g_clear_pointer (&ctx->last_name, g_free);
  g_clear_pointer (&ctx->period, g_free);

  r.ctx = ctx;
  r.block = block;
  r.joined = &joined;
  r.figures = figures;
  read_text (&r);

  g_free (r.periods.found);
  if (r.cues.hits)
    g_array_unref (r.cues.hits);
  zb_joined_clear (&joined);
}
