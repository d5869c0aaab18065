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
