/* zb-parser.c — runs the block phase, builds the outline, runs the inline phase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-parser-private.h"
#include "zb-heading-private.h"

typedef struct {
  int   style;
  guint md_level;
  int   section;
} StackEntry;

/* Nesting follows the order in which numbering styles appear, as a reader
 * infers it: a style seen before closes everything opened after it. */
static int
place_heading (GArray        *stack,
               const ZbBlock *h,
               guint         *level)
{
  if (h->style == ZB_HEADING_STYLE_TITLE)
    {
      /* unnumbered titles stand beside the numbered outline, not above it */
      g_array_set_size (stack, 0);
      *level = 1;
      return -1;
    }

  if (h->style == ZB_HEADING_STYLE_MARKDOWN)
    {
      while (stack->len > 0)
        {
          StackEntry *top = &g_array_index (stack, StackEntry, stack->len - 1);
          if (top->style == ZB_HEADING_STYLE_MARKDOWN && top->md_level < h->md_level)
            break;
          g_array_set_size (stack, stack->len - 1);
        }
    }
  else
    {
      gboolean seen = FALSE;

      for (guint i = 0; i < stack->len && !seen; i++)
        if (g_array_index (stack, StackEntry, i).style == h->style)
          {
            g_array_set_size (stack, i);
            seen = TRUE;
          }
      /* 第二部分, 第三章 first met under 一、 or （一）: parts and chapters
       * outrank the numbered lists whatever their order */
      if (!seen && (h->style == ZB_HEADING_STYLE_CHAPTER || h->style == ZB_HEADING_STYLE_PART))
        for (guint i = 0; i < stack->len; i++)
          {
            int other = g_array_index (stack, StackEntry, i).style;

            if (other > h->style && other != ZB_HEADING_STYLE_MARKDOWN)
              {
                g_array_set_size (stack, i);
                break;
              }
          }
    }

  *level = stack->len + 1;
  return stack->len ? g_array_index (stack, StackEntry, stack->len - 1).section : -1;
}

/* 前言, 摘要: a heading of the report's front matter, which titles no report */
static gboolean
is_front_matter (const ZbBlock *b)
{
  g_autoptr(GString) compact = g_string_new (NULL);

  if (b->type != ZB_BLOCK_HEADING || b->title == NULL)
    return FALSE;
  for (const char *p = b->title; *p; p++)
    if (*p != ' ')
      g_string_append_c (compact, *p);
  return zb_heading_is_front_matter (compact->str);
}

gboolean
zb_parse_source (ZbReport      *report,
                 ZbSource      *source,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (StackEntry));
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func (g_object_unref);
  ZbInlineContext *ctx;
  int n_sections = 0;
  int current = -1;
  const char *title = NULL;
  gboolean seen_body = FALSE;   /* a title comes before the body */

  blocks = zb_blocks_parse (source);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  ctx = zb_inline_context_new (source);

  for (guint i = 0; i < blocks->len; i++)
    {
      ZbBlock *b = g_ptr_array_index (blocks, i);

      if ((i & 255) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          zb_inline_context_free (ctx);
          return FALSE;
        }

      if (b->type == ZB_BLOCK_HEADING)
        {
          ZbPiece *piece = &g_array_index (b->pieces, ZbPiece, 0);
          gsize text_offset = zb_source_text_offset (source, piece->start);
          guint level;
          int parent = place_heading (stack, b, &level);
          g_autofree char *stripped = g_strstrip (g_strdup (b->title));

          b->section = n_sections;
          zb_report_take_section (report,
                                  zb_section_new (n_sections, parent, level, b->number, stripped,
                                                  b->line, text_offset));
          if (b->style != ZB_HEADING_STYLE_TITLE)
            {
              StackEntry e = { b->style, b->md_level, n_sections };
              g_array_append_val (stack, e);
            }
          else if (title == NULL && !seen_body && !is_front_matter (b))
            title = b->title;
          seen_body |= b->style != ZB_HEADING_STYLE_TITLE;
          current = n_sections++;
          zb_inline_set_section (ctx, current, parent, level, stripped);
          /* a heading can carry figures too: （二）上半年增长 8.2% */
          zb_inline_parse_block (ctx, b, figures);
        }
      else
        {
          b->section = current;
          seen_body = TRUE;
          zb_inline_parse_block (ctx, b, figures);
        }
    }

  zb_inline_context_free (ctx);

  /* The report's title: its first line when that is short (a cover or a
   * speech's title), else an unnumbered heading before the body. */
  if (blocks->len > 0)
    {
      ZbBlock *first = g_ptr_array_index (blocks, 0);
      ZbPiece *piece = &g_array_index (first->pieces, ZbPiece, 0);

      if (first->type != ZB_BLOCK_TABLE && first->pieces->len == 1 && !is_front_matter (first) &&
          g_utf8_strlen (source->norm + piece->start, piece->end - piece->start) <= 60)
        {
          /* a heading's title is already rid of Markdown's emphasis */
          g_autofree char *t = first->type == ZB_BLOCK_HEADING && first->title != NULL ?
            g_strdup (first->title) :
            g_strndup (source->text + zb_source_text_offset (source, piece->start),
                       zb_source_text_offset (source, piece->end) -
                       zb_source_text_offset (source, piece->start));
          zb_report_set_title (report, g_strstrip (t));
          title = NULL;
        }
    }
  if (title != NULL && zb_report_get_title (report) == NULL)
    {
      g_autofree char *t = g_strstrip (g_strdup (title));
      zb_report_set_title (report, t);
    }

  for (guint i = 0; i < figures->len; i++)
    zb_report_add_figure (report, g_ptr_array_index (figures, i));

  return TRUE;
}
