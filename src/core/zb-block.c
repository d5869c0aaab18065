/* zb-block.c — the block phase: lines into headings, paragraphs and tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-parser-private.h"
#include "zb-heading-private.h"
#include "zb-vocab-private.h"

#include <string.h>

typedef enum {
  LINE_BLANK,
  LINE_TEXT,
  LINE_HEADING,
  LINE_CELL,        /* one cell of a Word table dumped one cell per line */
  LINE_ROW,         /* a tab-separated table row */
  LINE_TOC,
  LINE_FURNITURE,
} LineKind;

typedef struct {
  guint32  start;      /* trimmed range in norm */
  guint32  end;
  guint32  chars;      /* its length in characters, counted once */
  gboolean row_end;    /* the last cell of a row of a bare cell dump */
  LineKind kind;
  ZbHeadingMatch heading;
} Line;

static gboolean is_dateline (const char *s, guint32 start, guint32 end);

/* A paragraph is open when its text stops mid-sentence: the next text line,
 * across blank lines and page furniture, continues it. */
static gboolean
ends_sentence (const char *s,
               guint32     start,
               guint32     end)
{
  const char *last;
  gunichar c;

  if (end <= start)
    return TRUE;
  last = g_utf8_find_prev_char (s + start, s + end);
  if (last == NULL)
    return TRUE;
  c = g_utf8_get_char (last);
  if (c == ')')
    {
      /* 。(未讲): a remark after the full stop */
      const char *open = last;
      while (open > s + start && *open != '(')
        open--;
      if (*open == '(' && open > s + start)
        return ends_sentence (s, start, open - s);
      return FALSE;
    }
  switch (c)
    {
    case 0x3002: /* 。 */
    case '!': case '?': case ';': case ':':
    case 0x2026: /* … */
    case 0x201D: /* ” */
    case 0x300D: case 0x300F: /* 」 』 */
    case '.':
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_blank_range (const char *s,
                guint32     start,
                guint32     end)
{
  return start >= end;
}

static void
trim (const char *s,
      guint32    *start,
      guint32    *end)
{
  while (*start < *end && (s[*start] == ' ' || s[*start] == '\t' || s[*start] == '\f' || s[*start] == '\v'))
    (*start)++;
  while (*end > *start && (s[*end - 1] == ' ' || s[*end - 1] == '\t' || s[*end - 1] == '\f' || s[*end - 1] == '\v'))
    (*end)--;
}

/* Lone page numbers: "3", "- 3 -", "第 3 页", "3/12", "IX". */
static gboolean
is_page_number (const char *s,
                guint32     start,
                guint32     end)
{
  g_autofree char *compact = NULL;
  GString *str;
  const char *p;
  gboolean digits = FALSE;

  /* a page number is short: most lines are rejected here */
  if (end - start > 40)
    return FALSE;
  str = g_string_new (NULL);
  for (p = s + start; p < s + end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == ' ' || c == '-' || c == 0x2014 || c == 0x2013)
        continue;
      g_string_append_unichar (str, c);
    }
  compact = g_string_free (str, FALSE);
  if (*compact == '\0' || strlen (compact) > 16)
    return FALSE;

  p = compact;
  if (g_str_has_prefix (p, "第"))
    p += strlen ("第");
  while (g_ascii_isdigit (*p))
    p++, digits = TRUE;
  if (digits && *p == '/')
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (g_str_has_prefix (p, "页"))
    p += strlen ("页");
  if (digits && *p == '\0' && strlen (compact) <= 12)
    return TRUE;

  /* roman numerals, as in a preface's pagination */
  for (p = compact; *p; p++)
    if (strchr ("IVXLivxl", *p) == NULL)
      return FALSE;
  return strlen (compact) <= 6;
}

static gboolean
is_bookmark (const char *s,
             guint32     start,
             guint32     end)
{
  return end - start > 10 && strncmp (s + start, "[bookmark:", 10) == 0 && s[end - 1] == ']';
}

/* A table-of-contents entry ends in a page number after a tab or leaders. */
static gboolean
is_toc_entry (const char *s,
              guint32     start,
              guint32     end)
{
  guint32 p = end;
  gboolean leader = FALSE;

  while (p > start && g_ascii_isdigit (s[p - 1]))
    p--;
  if (p == end || end - p > 4)
    return FALSE;
  while (p > start)
    {
      if (s[p - 1] == '\t' || s[p - 1] == ' ')
        p--, leader = leader || s[p] == '\t';
      else if (s[p - 1] == '.' && p - 1 > start && s[p - 2] == '.')
        {
          /* dotted leaders, never the point of a decimal like 9.53 */
          while (p > start && s[p - 1] == '.')
            p--;
          leader = TRUE;
        }
      else if (p >= start + 3 && (strncmp (s + p - 3, "…", 3) == 0 || strncmp (s + p - 2, "·", 2) == 0))
        p -= (strncmp (s + p - 3, "…", 3) == 0) ? 3 : 2, leader = TRUE;
      else
        break;
    }
  return leader && p > start;
}

static gboolean
is_toc_title (const char *s,
              guint32     start,
              guint32     end)
{
  GString *str;
  gboolean ret;

  if (end - start > 24)
    return FALSE;
  str = g_string_new (NULL);
  for (guint32 i = start; i < end; i++)
    if (s[i] != ' ')
      g_string_append_c (str, s[i]);
  ret = g_ascii_strcasecmp (str->str, "contents") == 0;
  if (!ret)
    {
      const ZbWord *w = zb_vocab_lookup (ZB_VOCAB_SECTION_WORDS, str->str, str->len);
      ret = w != NULL && w->value == ZB_SECTION_CONTENTS;
    }
  g_string_free (str, TRUE);
  return ret;
}

static gboolean
has_inner_tab (const char *s,
               guint32     start,
               guint32     end)
{
  return memchr (s + start, '\t', end - start) != NULL;
}

/* A Markdown pipe-table row: | 指标 | 单位 | 增长 | (its cells split at |) */
static gboolean
is_pipe_row (const char *s,
             guint32     start,
             guint32     end)
{
  guint pipes = 0;

  trim (s, &start, &end);
  if (start >= end || s[start] != '|')
    return FALSE;
  for (guint32 k = start; k < end; k++)
    pipes += s[k] == '|';
  return pipes >= 3;
}

/* |---|:---:|: the line under a pipe table's header */
static gboolean
is_pipe_rule (const char *s,
              guint32     start,
              guint32     end)
{
  gboolean dash = FALSE;

  for (guint32 k = start; k < end; k++)
    {
      if (s[k] == '-')
        dash = TRUE;
      else if (s[k] != '|' && s[k] != ':' && s[k] != ' ')
        return FALSE;
    }
  return dash;
}

void
zb_block_free (ZbBlock *block)
{
  if (block == NULL)
    return;
  g_clear_pointer (&block->pieces, g_array_unref);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block->number);
  g_free (block->title);
  g_free (block);
}

static ZbBlock *
block_new (ZbBlockType type,
           guint       line)
{
  ZbBlock *block = g_new0 (ZbBlock, 1);

  block->type = type;
  block->line = line;
  block->section = -1;
  block->pieces = g_array_new (FALSE, FALSE, sizeof (ZbPiece));
  return block;
}

static void
block_add_piece (ZbBlock *block,
                 guint32  start,
                 guint32  end)
{
  ZbPiece piece = { start, end };
  g_array_append_val (block->pieces, piece);
}

static guint
next_nonblank (const Line *lines,
               guint       n,
               guint       i)
{
  for (i = i + 1; i < n; i++)
    if (lines[i].kind != LINE_BLANK && lines[i].kind != LINE_FURNITURE && lines[i].kind != LINE_TOC)
      return i;
  return n;
}

/* A short line that could be a table's cell: no clause in it. */
static gboolean
is_cell_like (const char *s,
              const Line *line)
{
  /* (a bare number reads as a page number until its neighbours tell) */
  if ((line->kind != LINE_TEXT && line->kind != LINE_FURNITURE) || line->chars == 0 || line->chars > 16)
    return FALSE;
  for (guint32 k = line->start; k < line->end; k++)
    if (s[k] == ',' || s[k] == ';' || s[k] == ':' || strncmp (s + k, "。", 3) == 0)
      return FALSE;
  return TRUE;
}

static gboolean
is_number_cell (const char *s,
                const Line *line)
{
  guint32 k = line->start;

  if (k < line->end && s[k] == '-')
    k++;
  return k < line->end && g_ascii_isdigit (s[k]);
}

/* Rule cell-dump: a Word table pasted as text, one cell a line with no blank
 * lines between (产品类别 / 抽检批次 / 合格率 / 建材 / 86 / 90.70% …): six or
 * more short lines, a third of them numbers, are a table's cells, not a
 * paragraph. Its columns are the lines before the first number (the headers
 * and the first row's label) less one, when the rows then fit. */
static void
mark_cell_runs (const char *s,
                Line       *lines,
                guint       n)
{
  for (guint i = 0; i < n; )
    {
      guint j = i, numbers = 0, first_number = G_MAXUINT, columns = 0;

      while (j < n && is_cell_like (s, &lines[j]))
        {
          if (is_number_cell (s, &lines[j]))
            {
              numbers++;
              first_number = MIN (first_number, j - i);
            }
          j++;
        }
      if (j - i >= 6 && numbers * 3 >= j - i)
        {
          if (first_number >= 2 && (j - i) % (first_number - 1) == 0)
            columns = first_number - 1;
          for (guint k = i; k < j; k++)
            {
              lines[k].kind = LINE_CELL;
              lines[k].row_end = columns > 0 ? (k - i + 1) % columns == 0 : k + 1 == j;
            }
        }
      i = j > i ? j : i + 1;
    }
}

/* Marks lines that repeat too often to be text: running headers and footers. */
static void
mark_running_heads (const char *s,
                    Line       *lines,
                    guint       n)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      guint32 len = lines[i].end - lines[i].start;
      char *key;

      if (lines[i].kind != LINE_TEXT || len == 0 || len > 90)
        continue;
      key = g_strndup (s + lines[i].start, len);
      g_hash_table_replace (counts, key,
                            GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
    }

  for (guint i = 0; i < n; i++)
    {
      guint32 len = lines[i].end - lines[i].start;
      g_autofree char *key = NULL;

      if (lines[i].kind != LINE_TEXT || len == 0 || len > 90)
        continue;
      key = g_strndup (s + lines[i].start, len);
      if (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) >= 3 &&
          ends_sentence (s, lines[i].start, lines[i].end) == FALSE)
        lines[i].kind = LINE_FURNITURE;
    }
}

static Line *
classify_lines (const ZbSource *src,
                guint          *n_lines)
{
  const char *s = src->norm;
  GArray *arr = g_array_new (FALSE, TRUE, sizeof (Line));
  gboolean in_toc = FALSE;
  guint32 pos = 0;
  Line *lines;
  guint n;

  while (pos <= src->norm_len)
    {
      const char *nl = memchr (s + pos, '\n', src->norm_len - pos);
      guint32 end = nl ? (guint32) (nl - s) : (guint32) src->norm_len;
      Line line = { pos, end, 0, FALSE, LINE_TEXT, { 0 } };
      gboolean tab_indented = (pos < end && s[pos] == '\t');

      trim (s, &line.start, &line.end);
      line.chars = (guint32) g_utf8_strlen (s + line.start, line.end - line.start);

      if (is_blank_range (s, line.start, line.end))
        line.kind = LINE_BLANK;
      else if (is_toc_title (s, line.start, line.end))
        line.kind = LINE_TOC, in_toc = TRUE;
      else if (is_toc_entry (s, line.start, line.end))
        line.kind = LINE_TOC;
      else if (in_toc && zb_heading_match (s + line.start, line.end - line.start, &line.heading) &&
               has_inner_tab (s, line.start, line.end))
        line.kind = LINE_TOC;
      else
        {
          in_toc = FALSE;
          if (is_bookmark (s, line.start, line.end))
            line.kind = LINE_FURNITURE;
          else if (tab_indented)
            line.kind = LINE_CELL;
          else if (is_page_number (s, line.start, line.end) || is_dateline (s, line.start, line.end))
            line.kind = LINE_FURNITURE;
          else if (has_inner_tab (s, line.start, line.end))
            line.kind = LINE_ROW;
          else if (is_pipe_row (s, line.start, line.end))
            line.kind = is_pipe_rule (s, line.start, line.end) ? LINE_FURNITURE : LINE_ROW;
          else if (zb_heading_match (s + line.start, line.end - line.start, &line.heading))
            line.kind = LINE_HEADING;
        }

      g_array_append_val (arr, line);
      if (nl == NULL)
        break;
      pos = end + 1;
    }

  n = arr->len;
  lines = (Line *) (void *) g_array_free (arr, FALSE);
  mark_cell_runs (s, lines, n);
  mark_running_heads (s, lines, n);
  *n_lines = n;
  return lines;
}

/* Short, unpunctuated, untabbed: a title, a cover line or a date. */
/* A caption: 表1. …, 图2 …, 附表3 … */
static gboolean
is_caption (const char *s,
            const Line *line)
{
  const ZbWord *w = zb_vocab_at (ZB_VOCAB_SECTION_WORDS, s + line->start, s + line->end);
  guint32 k;

  if (w == NULL || w->value != ZB_SECTION_CAPTION)
    return FALSE;
  k = line->start + strlen (w->word);
  while (k < line->end && s[k] == ' ')
    k++;
  return k < line->end && g_ascii_isdigit (s[k]);
}

/* …合格率统计比较图, …情况一览表: an unnumbered line that ends in a caption
 * word names a figure or a table */
static gboolean
ends_in_caption (const char *s,
                 const Line *line)
{
  guint32 end = line->end;
  const ZbWord *w;

  while (end > line->start && s[end - 1] == ' ')
    end--;
  w = zb_vocab_before (ZB_VOCAB_SECTION_WORDS, s + line->start, s + end);
  return w != NULL && w->value == ZB_SECTION_CAPTION && end - line->start > strlen (w->word) + 6;
}

static gboolean
is_titleish (const char *s,
             const Line *line)
{
  glong chars;

  if (line->kind != LINE_TEXT)
    return FALSE;
  chars = line->chars;
  if (chars > 60)
    return FALSE;
  if (ends_sentence (s, line->start, line->end))
    return FALSE;
  /* clauses, sentences and percentages belong to body text, not titles */
  for (guint32 k = line->start; k < line->end; k++)
    if (s[k] == ',' || s[k] == '%' || s[k] == ';' || strncmp (s + k, "。", 3) == 0)
      return FALSE;
  if (is_caption (s, line) || ends_in_caption (s, line))
    return FALSE;
  {
    const char *last = g_utf8_find_prev_char (s + line->start, s + line->end);
    gunichar c = last ? g_utf8_get_char (last) : 0;
    if (c == 0x3001 /* 、 */)
      return FALSE;
  }
  return TRUE;
}

/* The first line of a paragraph hard-wrapped at a fixed width: long, and
 * about as long as the line right under it. */
static gboolean
is_wrapped_start (const char *s,
                  const Line *line,
                  const Line *next)
{
  glong a = line->chars;
  glong b = next->chars;

  /* …, or long above a short line that ends the sentence */
  return a >= 30 || (a >= 16 && b >= a - 4) ||
         (a >= 16 && b <= 12 && ends_sentence (s, next->start, next->end));
}

static gboolean
has_cjk (const char *s,
         guint32     start,
         guint32     end)
{
  for (const char *p = s + start; p < s + end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c >= 0x4E00 && c <= 0x9FFF)
        return TRUE;
    }
  return FALSE;
}

/* The text of a norm range as the report wrote it (full-width and all). */
static char *
dup_written (const ZbSource *src,
             guint32         start,
             guint32         end)
{
  gsize a = zb_source_text_offset (src, start);
  gsize b = zb_source_text_offset (src, end);

  /* **标题**: Markdown's emphasis is no part of a title */
  while (b > a && (src->text[b - 1] == '*' || src->text[b - 1] == '_'))
    b--;
  while (a < b && (src->text[a] == '*' || src->text[a] == '_'))
    a++;
  return g_strndup (src->text + a, b - a);
}

/* The block phase as it walks the lines: the blocks so far, and the
 * paragraph or table still open. */
typedef struct {
  const ZbSource *src;
  const char     *s;
  Line           *lines;
  guint           n;
  guint           first;      /* the first line with text */
  GPtrArray      *blocks;
  ZbBlock        *open_para;  /* a paragraph that stops mid-sentence */
  ZbBlock        *table;
  GArray         *row;
  char            table_sep;  /* its rows' cells split at '\t' or '|' */
} Builder;

static glong
line_chars (const Builder *b,
            const Line    *line)
{
  return line->chars;
}

static char *
compact_text (const char *s,
              guint32     start,
              guint32     end)
{
  GString *str = g_string_new (NULL);

  for (guint32 k = start; k < end; k++)
    if (s[k] != ' ')
      g_string_append_c (str, s[k]);
  return g_string_free (str, FALSE);
}

/* Rule dateline: (2022年7月2日), 2023年10月, ——2025年1月10日在…会议上: the date
 * a report was written or said, never a heading. */
static gboolean
is_dateline (const char *s,
             guint32     start,
             guint32     end)
{
  g_autofree char *c = NULL;
  const char *p;
  int digits = 0;

  if (end - start > 200)
    return FALSE;
  c = compact_text (s, start, end);
  p = c;
  /* 市统计局　2024年8月12日: an office, then the date */
  if (g_utf8_strlen (c, -1) <= 30 && !g_ascii_isdigit (*p) && *p != '(' && !g_str_has_prefix (p, "—"))
    {
      const char *d = p;
      while (*d && !g_ascii_isdigit (*d))
        d = g_utf8_next_char (d);
      if (*d && d > p && is_dateline (d, 0, strlen (d)) && !g_str_has_prefix (d + 4, "年度"))
        return TRUE;
    }
  while (*p == '(' || g_str_has_prefix (p, "—"))
    p += *p == '(' ? 1 : strlen ("—");
  while (g_ascii_isdigit (*p))
    p++, digits++;
  if (digits != 4 || !g_str_has_prefix (p, "年"))
    return FALSE;
  p += strlen ("年");
  /* (2024年第3期): an issue of a periodical */
  if (g_str_has_prefix (p, "第"))
    {
      const char *q = p + strlen ("第");
      while (g_ascii_isdigit (*q))
        q++;
      if (q > p + strlen ("第") && g_str_has_prefix (q, "期"))
        {
          q += strlen ("期");
          return *q == '\0' || (*q == ')' && q[1] == '\0');
        }
    }
  digits = 0;
  while (g_ascii_isdigit (*p))
    p++, digits++;
  if (digits == 0 || digits > 2 || !g_str_has_prefix (p, "月"))
    return FALSE;
  p += strlen ("月");
  digits = 0;
  while (g_ascii_isdigit (*p))
    p++, digits++;
  if (digits > 0 && g_str_has_prefix (p, "日"))
    p += strlen ("日");
  if (*p == ')')
    p++;
  return *p == '\0' || g_str_has_prefix (p, "在");
}

static void
leave_table (Builder *b)
{
  if (b->table != NULL && b->row != NULL)
    g_ptr_array_add (b->table->rows, b->row);
  b->row = NULL;
  b->table = NULL;
  b->table_sep = 0;
}

/* A tab-separated row, or one cell of a table dumped one cell per line. */
static void
add_table_line (Builder *b,
                guint    i)
{
  const Line *line = &b->lines[i];
  char sep = line->kind != LINE_ROW ? 0
             : !has_inner_tab (b->s, line->start, line->end) && is_pipe_row (b->s, line->start, line->end) ? '|'
             : '\t';

  b->open_para = NULL;
  /* a pipe table after a tab table (or the other way) is a table of its own */
  if (b->table != NULL && sep != 0 && b->table_sep != 0 && sep != b->table_sep)
    leave_table (b);
  if (sep != 0)
    b->table_sep = sep;
  if (b->table == NULL)
    {
      b->table = block_new (ZB_BLOCK_TABLE, i + 1);
      b->table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
      g_ptr_array_add (b->blocks, b->table);
    }
  block_add_piece (b->table, line->start, line->end);
  if (line->kind == LINE_ROW)
    {
      GArray *cells = g_array_new (FALSE, FALSE, sizeof (ZbPiece));
      guint32 start = line->start, end = line->end, a;

      if (b->row != NULL)
        g_ptr_array_add (b->table->rows, b->row), b->row = NULL;
      /* | a | b |: the cells between the pipes */
      if (sep == '|')
        {
          trim (b->s, &start, &end);
          start++;
          if (end > start && b->s[end - 1] == '|')
            end--;
          sep = '|';
        }
      a = start;
      for (guint32 k = start; k <= end; k++)
        if (k == end || b->s[k] == sep)
          {
            ZbPiece cell = { a, k };
            trim (b->s, &cell.start, &cell.end);
            g_array_append_val (cells, cell);
            a = k + 1;
          }
      g_ptr_array_add (b->table->rows, cells);
    }
  else
    {
      ZbPiece cell = { line->start, line->end };
      if (b->row == NULL)
        b->row = g_array_new (FALSE, FALSE, sizeof (ZbPiece));
      g_array_append_val (b->row, cell);
      if (line->row_end)
        g_ptr_array_add (b->table->rows, b->row), b->row = NULL;
    }
}

/* Rule list-item: a numbered line that is a list item (…；), one of several
 * numbered sentences in a row, or the last of a list reads as text. */
static gboolean
numbered_line_is_text (Builder *b,
                       guint    i)
{
  const char *s = b->s;
  Line *lines = b->lines;
  Line *line = &lines[i];
  guint next = next_nonblank (lines, b->n, i);
  guint prev = i;
  gboolean item = line->end > line->start && s[line->end - 1] == ';';
  gboolean sentence = memchr (s + line->start, ',', line->end - line->start) != NULL;
  gboolean listed;

  if (line->heading.style == ZB_HEADING_STYLE_MARKDOWN)
    return FALSE;
  while (prev > 0 && (lines[prev - 1].kind == LINE_BLANK || lines[prev - 1].kind == LINE_FURNITURE))
    prev--;
  /* sentences numbered one after another, with no text between: a list (the
   * style stays on the line: the next item compares with it) */
  listed = sentence &&
           ((next < b->n && (lines[next].kind == LINE_HEADING || lines[next].kind == LINE_TEXT) &&
             lines[next].heading.style == line->heading.style &&
             memchr (s + lines[next].start, ',', lines[next].end - lines[next].start) != NULL) ||
            (prev > 0 && lines[prev - 1].kind == LINE_TEXT && i > 0 &&
             lines[prev - 1].heading.style == line->heading.style &&
             lines[prev - 1].heading.style != ZB_HEADING_STYLE_NONE));
  /* …；(2)…；(3)…。: the last item of a list ends with a full stop */
  if (prev > 0 && lines[prev - 1].kind == LINE_TEXT &&
      lines[prev - 1].heading.style == line->heading.style &&
      lines[prev - 1].heading.style != ZB_HEADING_STYLE_NONE &&
      s[lines[prev - 1].end - 1] == ';')
    item = TRUE;
  return item || listed;
}

/* Rule heading-page-break: a sentence-like heading cut by a page break ends
 * on the next line (…把握机遇迎难 / 而上). */
static void
join_heading_tail (Builder *b,
                   ZbBlock *h,
                   guint    i)
{
  const char *s = b->s;
  const Line *line = &b->lines[i];
  guint next = next_nonblank (b->lines, b->n, i);
  Line *tail;

  if (next >= b->n || b->lines[next].kind != LINE_TEXT)
    return;
  tail = &b->lines[next];
  if (memchr (s + line->start, ',', line->end - line->start) == NULL || ends_sentence (s, line->start, line->end) ||
      line_chars (b, tail) > 8 || memchr (s + tail->start, ',', tail->end - tail->start) != NULL)
    return;
  {
    g_autofree char *rest = dup_written (b->src, tail->start, tail->end);
    char *joined = g_strconcat (h->title, rest, NULL);
    g_free (h->title);
    h->title = joined;
    block_add_piece (h, tail->start, tail->end);
    tail->kind = LINE_BLANK;
  }
}

static void
add_heading (Builder *b,
             guint    i)
{
  const Line *line = &b->lines[i];
  ZbBlock *h = block_new (ZB_BLOCK_HEADING, i + 1);

  block_add_piece (h, line->start, line->end);
  h->number = dup_written (b->src, line->start + line->heading.number_start, line->start + line->heading.number_end);
  h->title = dup_written (b->src, line->start + line->heading.title_start, line->start + line->heading.title_end);
  h->style = line->heading.style;
  h->md_level = line->heading.md_level;
  join_heading_tail (b, h, i);
  g_ptr_array_add (b->blocks, h);
}

static gboolean is_organisation (Builder *b, const Line *line);

/* Rule cover: a first line whose words come back as a title further on is
 * a cover page's (the report's title stands again after the table of contents). */
static gboolean
is_cover_line (Builder *b,
               guint    i)
{
  g_autofree char *first = compact_text (b->s, b->lines[i].start, b->lines[i].end);
  glong n = g_utf8_strlen (first, -1);

  /* an organisation (or a date), then a table of contents before any body
   * text: a cover page */
  {
    gboolean signed_by = FALSE;
    for (guint k = i + 1; k < b->n && k < i + 12; k++)
      {
        if (b->lines[k].kind == LINE_TOC)
          return signed_by;
        if (b->lines[k].kind == LINE_FURNITURE || (b->lines[k].kind == LINE_TEXT && is_organisation (b, &b->lines[k])))
          signed_by = TRUE;
        else if (b->lines[k].kind == LINE_TEXT && !is_titleish (b->s, &b->lines[k]))
          break;
      }
  }
  for (guint k = i + 1; k < b->n && k < i + 80; k++)
    {
      g_autofree char *other = NULL;
      glong shared = 0;

      if (b->lines[k].kind != LINE_TEXT || !is_titleish (b->s, &b->lines[k]))
        continue;
      other = compact_text (b->s, b->lines[k].start, b->lines[k].end);
      for (const char *p = first; *p; p = g_utf8_next_char (p))
        {
          char ch[8] = { 0 };
          memcpy (ch, p, g_utf8_next_char (p) - p);
          shared += strstr (other, ch) != NULL;
        }
      if (n >= 6 && shared * 10 >= n * 8)
        return TRUE;
    }
  return FALSE;
}

/* Rule page-break-start: a short line that holds a modal or a verb of
 * disposal (…部门要聚 / 焦做强…, …党代会把“强工业”放在…的突 / 出位置…) is the
 * first line of a paragraph cut by a page break. */
static gboolean
is_cut_paragraph (Builder    *b,
                  const Line *line)
{
  if (line_chars (b, line) <= 12)
    return FALSE;
  for (guint32 p = line->start; p < line->end; p = g_utf8_next_char (b->s + p) - b->s)
    if (zb_vocab_at (ZB_VOCAB_TITLE_BREAKERS, b->s + p, b->s + line->end) != NULL)
      return TRUE;
  return FALSE;
}

/* Rule organisation: 某市统计局, 某县发展和改革局 under a title */
static gboolean
is_organisation (Builder    *b,
                 const Line *line)
{
  return line_chars (b, line) <= 30 &&
         zb_vocab_before (ZB_VOCAB_ORGANISATIONS, b->s + line->start, b->s + line->end) != NULL;
}

/* Rule unnumbered-title: a known word (前言), the document's first line, or
 * a short line between paragraphs that is no sentence, date, organisation,
 * caption or cut paragraph. */
static gboolean
is_unnumbered_title (Builder *b,
                     guint    i)
{
  const char *s = b->s;
  Line *lines = b->lines;
  Line *line = &lines[i];
  guint next;
  g_autofree char *compact = NULL;

  /* known titles are a few characters; other titles are short, unpunctuated lines */
  if (line->end - line->start <= 40)
    {
      compact = compact_text (s, line->start, line->end);
      if (zb_heading_is_known_title (compact))
        return TRUE;
    }
  if (!is_titleish (s, line) || g_ascii_isdigit (s[line->start]) || !has_cjk (s, line->start, line->end) ||
      is_organisation (b, line))
    return FALSE;
  if (compact == NULL)
    compact = compact_text (s, line->start, line->end);
  next = next_nonblank (lines, b->n, i);
  if (i == b->first)
    return g_utf8_strlen (compact, -1) >= 4 && !is_cover_line (b, i);
  return /* the short last line of a wrapped paragraph sits right under it */
         !(i > 0 && lines[i - 1].kind == LINE_TEXT) &&
         /* and its long first line right above the rest of it */
         !(i + 1 < b->n && lines[i + 1].kind == LINE_TEXT && is_wrapped_start (s, line, &lines[i + 1])) &&
         g_utf8_strlen (compact, -1) >= 6 && !is_cut_paragraph (b, line) &&
         next < b->n &&
         ((lines[next].kind == LINE_TEXT && !is_titleish (s, &lines[next])) || lines[next].kind == LINE_HEADING);
}

static void
add_title (Builder *b,
           guint    i)
{
  const Line *line = &b->lines[i];
  ZbBlock *h = block_new (ZB_BLOCK_HEADING, i + 1);

  block_add_piece (h, line->start, line->end);
  h->number = NULL;
  h->title = dup_written (b->src, line->start, line->end);
  h->style = ZB_HEADING_STYLE_TITLE;
  g_ptr_array_add (b->blocks, h);
}

static void
add_paragraph (Builder *b,
               guint    i)
{
  const Line *line = &b->lines[i];
  ZbBlock *p = block_new (ZB_BLOCK_PARAGRAPH, i + 1);

  block_add_piece (p, line->start, line->end);
  g_ptr_array_add (b->blocks, p);
  if (!ends_sentence (b->s, line->start, line->end) && (!is_titleish (b->s, line) || is_cut_paragraph (b, line)))
    b->open_para = p;
}

/* Numbered the way sections are (一、, （一）, 第二部分) or a short title
 * after an Arabic number (1.抓项目): a heading, not the rest of a
 * sentence a page break cut (…比上年提高 / 1.5个百分点). */
static gboolean
heading_breaks_paragraph (Builder    *b,
                          const Line *line)
{
  const char *s = b->s;
  guint32 t = line->start + line->heading.title_start;

  switch (line->heading.style)
    {
    case ZB_HEADING_STYLE_CHAPTER:
    case ZB_HEADING_STYLE_PART:
    case ZB_HEADING_STYLE_SECTION:
    case ZB_HEADING_STYLE_CN:
    case ZB_HEADING_STYLE_CN_PAREN:
    case ZB_HEADING_STYLE_MARKDOWN:
      return TRUE;
    case ZB_HEADING_STYLE_AR_DOT:
    case ZB_HEADING_STYLE_AR_DUN:
    case ZB_HEADING_STYLE_AR_PAREN:
      {
        Line as_text = *line;

        as_text.kind = LINE_TEXT;
        return t < line->end && (guchar) s[t] >= 0x80 && is_titleish (s, &as_text);
      }
    default:
      return FALSE;
    }
}

static void
add_text_line (Builder *b,
               guint    i)
{
  Line *line = &b->lines[i];

  leave_table (b);
  if (line->kind == LINE_HEADING && numbered_line_is_text (b, i))
    line->kind = LINE_TEXT;
  /* a paragraph cut off before a heading (a figure's caption, a table
   * left out) ends there: 二、服务 continues no sentence */
  if (line->kind == LINE_HEADING && b->open_para != NULL && heading_breaks_paragraph (b, line))
    b->open_para = NULL;
  if (line->kind == LINE_HEADING && b->open_para == NULL)
    {
      add_heading (b, i);
      return;
    }
  /* a running head at a page break, inside a paragraph: 某区统计局 */
  if (b->open_para != NULL && is_titleish (b->s, line) && is_organisation (b, line))
    return;
  if (b->open_para != NULL)
    {
      /* continuation across a page break */
      block_add_piece (b->open_para, line->start, line->end);
      if (ends_sentence (b->s, line->start, line->end))
        b->open_para = NULL;
      return;
    }
  if (is_unnumbered_title (b, i))
    add_title (b, i);
  else
    add_paragraph (b, i);
}

GPtrArray *
zb_blocks_parse (const ZbSource *src)
{
  Builder b = { src, src->norm, NULL, 0, 0, NULL, NULL, NULL, NULL };
  g_autofree Line *lines = classify_lines (src, &b.n);

  b.lines = lines;
  b.blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) zb_block_free);
  while (b.first < b.n && lines[b.first].kind == LINE_BLANK)
    b.first++;

  for (guint i = 0; i < b.n; i++)
    {
      switch (lines[i].kind)
        {
        case LINE_BLANK:
          /* a blank line ends a row of one-cell-per-line tables */
          if (b.row != NULL)
            {
              g_ptr_array_add (b.table->rows, b.row);
              b.row = NULL;
            }
          break;
        case LINE_TOC:
        case LINE_FURNITURE:
          break;
        case LINE_CELL:
        case LINE_ROW:
          add_table_line (&b, i);
          break;
        case LINE_HEADING:
        case LINE_TEXT:
        default:
          add_text_line (&b, i);
        }
    }
  leave_table (&b);
  return b.blocks;
}

void
zb_joined_init (ZbJoined       *joined,
                const ZbSource *source,
                const ZbPiece  *pieces,
                guint           n_pieces)
{
  joined->str = g_string_new (NULL);
  joined->map = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint i = 0; i < n_pieces; i++)
    {
      guint32 len = pieces[i].end - pieces[i].start;
      guint at = joined->map->len;
      guint32 *map;

      g_string_append_len (joined->str, source->norm + pieces[i].start, len);
      g_array_set_size (joined->map, at + len);
      map = &g_array_index (joined->map, guint32, at);
      for (guint32 k = 0; k < len; k++)
        map[k] = pieces[i].start + k;
    }
  {
    guint32 last = n_pieces ? pieces[n_pieces - 1].end : 0;
    g_array_append_val (joined->map, last);
  }
}

void
zb_joined_clear (ZbJoined *joined)
{
  if (joined->str)
    g_string_free (joined->str, TRUE);
  if (joined->map)
    g_array_unref (joined->map);
  joined->str = NULL;
  joined->map = NULL;
}
