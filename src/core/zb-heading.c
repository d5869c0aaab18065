/* zb-heading.c — numbering tokens of headings, as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-heading-private.h"
#include "zb-text-private.h"
#include "zb-vocab-private.h"

#include <string.h>

/* heading_ordinals.txt gives these styles by value */
G_STATIC_ASSERT (ZB_HEADING_STYLE_CHAPTER == 2 && ZB_HEADING_STYLE_PART == 3 &&
                 ZB_HEADING_STYLE_SECTION == 4 && ZB_HEADING_STYLE_ORDINAL == 6);

/* A word that stands alone as a heading (spaces removed before lookup). */
gboolean
zb_heading_is_known_title (const char *compact)
{
  const ZbWord *w = zb_vocab_lookup (ZB_VOCAB_SECTION_WORDS, compact, strlen (compact));

  return w != NULL && (w->value == ZB_SECTION_FRONT || w->value == ZB_SECTION_BACK);
}

/* Front matter (前言, 摘要): a heading, never a report's title. */
gboolean
zb_heading_is_front_matter (const char *compact)
{
  const ZbWord *w = zb_vocab_lookup (ZB_VOCAB_SECTION_WORDS, compact, strlen (compact));

  return w != NULL && w->value == ZB_SECTION_FRONT;
}

/* The bytes of a Chinese numeral at s (一, 十二), 0 when none. */
static gsize
skip_cn_number (const char *s,
                gsize       len)
{
  double v;

  return zb_text_read_cn_number (s, 0, len, &v, NULL);
}

static gsize
skip_digits (const char *s,
             gsize       len,
             gsize       max)
{
  gsize p = 0;

  while (p < len && g_ascii_isdigit (s[p]))
    p++;
  return p <= max ? p : 0;
}

/* One optional separator after a closing bracket: (一)、 */
static gsize
skip_separator (const char *s,
                gsize       len,
                gsize       at)
{
  if (zb_text_at (s, at, len, "、"))
    return at + strlen ("、");
  if (at < len && (s[at] == '.' || s[at] == ',' || s[at] == ':'))
    return at + 1;
  return at;
}

gboolean
zb_heading_match_number (const char     *s,
                         gsize           len,
                         ZbHeadingMatch *m)
{
  gsize p, q;

  memset (m, 0, sizeof *m);

  /* Markdown */
  if (len > 0 && s[0] == '#')
    {
      for (p = 0; p < len && s[p] == '#'; p++)
        ;
      if (p <= 6 && p < len && s[p] == ' ')
        {
          m->style = ZB_HEADING_STYLE_MARKDOWN;
          m->md_level = p;
          m->number_end = p;
          goto title;
        }
      return FALSE;
    }

  /* 第一章 第一节 第一部分 第一， 第一个问题： */
  if (zb_text_at (s, 0, len, "第"))
    {
      p = strlen ("第");
      q = skip_cn_number (s + p, len - p);
      if (q == 0)
        q = skip_digits (s + p, len - p, 2);
      if (q == 0)
        return FALSE;
      p += q;
      {
        const ZbWord *w = zb_vocab_at (ZB_VOCAB_HEADING_ORDINALS, s + p, s + len);
        gsize at = w != NULL ? p + strlen (w->word) : p;
        ZbHeadingStyle style = w != NULL ? (ZbHeadingStyle) w->value : ZB_HEADING_STYLE_ORDINAL;
        gsize sep = skip_separator (s, len, at);

        /* 第一， needs its punctuation; 第一季度 is not a heading */
        if (style == ZB_HEADING_STYLE_ORDINAL && sep == at)
          {
            /* 第一方面的工作…: no suffix then, a bare ordinal needs the mark */
            at = p;
            sep = skip_separator (s, len, at);
            if (sep == at)
              return FALSE;
          }
        m->style = style;
        m->number_end = sep;
        goto title;
      }
    }

  /* （一） (一) （1） (1) */
  if (zb_text_at (s, 0, len, "(") || zb_text_at (s, 0, len, "（"))
    {
      p = s[0] == '(' ? 1 : strlen ("（");
      q = skip_cn_number (s + p, len - p);
      if (q > 0)
        m->style = ZB_HEADING_STYLE_CN_PAREN;
      else if ((q = skip_digits (s + p, len - p, 2)) > 0)
        m->style = ZB_HEADING_STYLE_AR_PAREN;
      else
        return FALSE;
      p += q;
      if (zb_text_at (s, p, len, ")"))
        p += 1;
      else if (zb_text_at (s, p, len, "）"))
        p += strlen ("）");
      else
        return FALSE;
      m->number_end = skip_separator (s, len, p);
      goto title;
    }

  /* ① … ⑳ */
  if (len >= 3 && (guchar) s[0] == 0xE2 && (guchar) s[1] == 0x91 &&
      (guchar) s[2] >= 0xA0 && (guchar) s[2] <= 0xB3)
    {
      m->style = ZB_HEADING_STYLE_CIRCLED;
      m->number_end = 3;
      goto title;
    }

  /* 一、 二. */
  q = skip_cn_number (s, len);
  if (q > 0)
    {
      if (zb_text_at (s, q, len, "、"))
        m->number_end = q + strlen ("、");
      else if (q < len && s[q] == '.')
        m->number_end = q + 1;
      else
        return FALSE;
      m->style = ZB_HEADING_STYLE_CN;
      goto title;
    }

  /* 1. 1、 (but not 3.5) */
  q = skip_digits (s, len, 2);
  if (q > 0)
    {
      if (zb_text_at (s, q, len, "、"))
        {
          m->style = ZB_HEADING_STYLE_AR_DUN;
          m->number_end = q + strlen ("、");
        }
      else if (q < len && s[q] == '.' && !(q + 1 < len && g_ascii_isdigit (s[q + 1])))
        {
          m->style = ZB_HEADING_STYLE_AR_DOT;
          m->number_end = q + 1;
        }
      else
        return FALSE;
      goto title;
    }

  return FALSE;

title:
  p = m->number_end;
  while (p < len && s[p] == ' ')
    p++;
  m->title_start = p;
  m->title_end = len;
  /* the token as written keeps no trailing space */
  while (m->number_end > 0 && s[m->number_end - 1] == ' ')
    m->number_end--;
  return m->title_start < m->title_end;
}

static gboolean
is_terminator (gunichar c)
{
  return c == 0x3002 /* 。 */ || c == '!' || c == '?' || c == ';';
}

gboolean
zb_heading_match (const char     *s,
                  gsize           len,
                  ZbHeadingMatch *m)
{
  const char *title, *end, *p;
  glong chars;

  if (!zb_heading_match_number (s, len, m))
    return FALSE;

  if (m->style == ZB_HEADING_STYLE_MARKDOWN)
    return TRUE;

  title = s + m->title_start;
  end = s + m->title_end;
  chars = g_utf8_strlen (title, end - title);
  if (chars > 60)
    return FALSE;

  /* one sentence at most, its full stop at the end */
  for (p = title; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (is_terminator (c) && g_utf8_next_char (p) < end)
        return FALSE;
    }

  /* a title has words, not just a figure */
  for (p = title; p < end; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) >= 0x4E00)
      return TRUE;
  return FALSE;
}
