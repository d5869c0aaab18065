/* zb-vocab.c — lookups in the compiled vocabulary trie
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-vocab-private.h"

#include <string.h>

static inline gboolean
may_hold (const guint8 bits[ZB_VOCAB_FILTER_BITS / 8],
          gunichar     c)
{
  guint h = c & (ZB_VOCAB_FILTER_BITS - 1);
  return (bits[h >> 3] >> (h & 7)) & 1;
}

/* The character at s, cheaply: the text is valid UTF-8 */
static inline gunichar
char_at (const char *s,
         const char *end)
{
  guchar b = (guchar) s[0];

  if (b < 0x80)
    return b;
  if ((b & 0xF0) == 0xE0 && end - s >= 3)
    return ((b & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
  return g_utf8_get_char_validated (s, end - s);
}

static inline gunichar
char_before (const char *start,
             const char *end)
{
  const char *p = end - 1;

  if ((guchar) *p < 0x80)
    return (guchar) *p;
  while (p > start && ((guchar) *p & 0xC0) == 0x80)
    p--;
  return char_at (p, end);
}

/* The child of node by the character c, 0 when there is none. */
static inline guint32
step (const ZbVocabTrie *trie,
      guint32            node,
      gunichar           c)
{
  const ZbVocabEdge *e;
  guint n;

  if (node == 0)
    {
      const ZbVocabSpan *span = &trie->root[c & (ZB_VOCAB_ROOT_BUCKETS - 1)];
      e = trie->root_edges + span->start;
      n = span->n;
    }
  else
    {
      e = trie->edges + trie->nodes[node].edges;
      n = trie->nodes[node].n_edges;
    }
  /* below the root a node has a few children: a scan beats a search */
  for (guint i = 0; i < n; i++)
    if (e[i].c == c)
      return e[i].child;
    else if (e[i].c > c)
      break;
  return 0;
}

/* The word of a kind in the mask that ends at this node, if any. */
static const ZbWord *
hit_of (const ZbVocabTrie *trie,
        guint32            node,
        guint64            kinds,
        ZbVocabKind       *kind)
{
  const ZbVocabNode *n = &trie->nodes[node];

  for (guint i = 0; i < n->n_hits; i++)
    {
      const ZbVocabHit *h = &trie->hits[n->hits + i];
      if (kinds & ZB_VOCAB_BIT (h->kind))
        {
          if (kind != NULL)
            *kind = h->kind;
          return &zb_vocab_tables[h->kind][h->index];
        }
    }
  return NULL;
}

const ZbWord *
zb_vocab_at_any (guint64      kinds,
                 const char  *s,
                 const char  *end,
                 ZbVocabKind *kind)
{
  const ZbWord *best = NULL;
  guint32 node = 0;
  gunichar first;
  gboolean any = FALSE;

  if (s >= end)
    return NULL;
  /* most characters start no word of any kind asked for */
  first = char_at (s, end);
  for (guint64 k = kinds; k != 0 && !any; k &= k - 1)
    any = may_hold (zb_vocab_first_chars[__builtin_ctzll (k)], first);
  if (!any)
    return NULL;
  for (const char *p = s; p < end; p = g_utf8_next_char (p))
    {
      node = step (&zb_vocab_forward, node, char_at (p, end));
      if (node == 0 || (zb_vocab_forward.nodes[node].below & kinds) == 0)
        break;
      if (zb_vocab_forward.nodes[node].n_hits > 0)
        {
          const ZbWord *w = hit_of (&zb_vocab_forward, node, kinds, kind);
          if (w != NULL)
            best = w;
        }
    }
  /* the last hit is the longest; *kind was set for it last */
  return best;
}

const ZbWord *
zb_vocab_at (ZbVocabKind  kind,
             const char  *s,
             const char  *end)
{
  return zb_vocab_at_any (ZB_VOCAB_BIT (kind), s, end, NULL);
}

const ZbWord *
zb_vocab_before (ZbVocabKind  kind,
                 const char  *start,
                 const char  *end)
{
  const ZbWord *best = NULL;
  guint32 node = 0;

  if (end <= start || !may_hold (zb_vocab_last_chars[kind], char_before (start, end)))
    return NULL;
  for (const char *p = end; p > start; )
    {
      const char *prev = p - 1;
      while (prev > start && ((guchar) *prev & 0xC0) == 0x80)
        prev--;
      node = step (&zb_vocab_backward, node, char_at (prev, p));
      p = prev;
      if (node == 0 || (zb_vocab_backward.nodes[node].below & ZB_VOCAB_BIT (kind)) == 0)
        break;
      if (zb_vocab_backward.nodes[node].n_hits > 0)
        {
          const ZbWord *w = hit_of (&zb_vocab_backward, node, ZB_VOCAB_BIT (kind), NULL);
          if (w != NULL)
            best = w;
        }
    }
  return best;
}

const ZbWord *
zb_vocab_lookup (ZbVocabKind  kind,
                 const char  *s,
                 gsize        len)
{
  const ZbWord *w = zb_vocab_at (kind, s, s + len);

  return w != NULL && strlen (w->word) == len ? w : NULL;
}

const char *
zb_vocab_indicator_for (const char *name)
{
  const ZbWord *w;

  if (name == NULL)
    return NULL;
  w = zb_vocab_lookup (ZB_VOCAB_INDICATORS, name, strlen (name));
  return w != NULL ? w->text : NULL;
}

const ZbWord *
zb_vocab_find (ZbVocabKind  kind,
               const char  *s,
               const char  *end,
               const char **at)
{
  for (const char *p = s; p < end; p = g_utf8_next_char (p))
    {
      const ZbWord *w;
      if (!may_hold (zb_vocab_first_chars[kind], char_at (p, end)))
        continue;
      w = zb_vocab_at (kind, p, end);
      if (w != NULL)
        {
          if (at != NULL)
            *at = p;
          return w;
        }
    }
  return NULL;
}
