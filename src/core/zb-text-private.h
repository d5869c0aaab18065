/* zb-text-private.h — small readers over normalised UTF-8 shared by the phases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once


#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* Does @word stand at s[pos], within [pos, end)? */
static inline gboolean
zb_text_at (const char *s,
            gsize       pos,
            gsize       end,
            const char *word)
{
  gsize n = strlen (word);
  return pos + n <= end && memcmp (s + pos, word, n) == 0;
}

/* Does [start, end) end with @word? */
static inline gboolean
zb_text_ends_with (const char *s,
                   gsize       start,
                   gsize       end,
                   const char *word)
{
  gsize n = strlen (word);
  return end >= start + n && memcmp (s + end - n, word, n) == 0;
}

/* The first @word in [start, end), or NULL: for words looked for in every
 * clause, memchr finds the candidates. */
static inline const char *
zb_text_find (const char *s,
              gsize       start,
              gsize       end,
              const char *word)
{
  gsize n = strlen (word);
  const char *p = s + start;
  const char *last = s + end;

  while (n > 0 && p + n <= last && (p = memchr (p, word[0], last - p - n + 1)) != NULL)
    {
      if (memcmp (p, word, n) == 0)
        return p;
      p++;
    }
  return NULL;
}

static inline gsize
zb_text_skip_spaces (const char *s,
                     gsize       pos,
                     gsize       end)
{
  while (pos < end && s[pos] == ' ')
    pos++;
  return pos;
}

/* 零 … 九 and 两: the digit, else -1 */
int   zb_text_cn_digit       (gunichar    c);
/* Chinese numerals 一 … 九十九, with decimals after 点 (六点五); returns the
 * bytes read, 0 when none. @decimals may be NULL. */
gsize zb_text_read_cn_number (const char *s,
                              gsize       pos,
                              gsize       end,
                              double     *value,
                              gint8      *decimals);

G_END_DECLS
