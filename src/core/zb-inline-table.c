/* zb-inline-table.c — the figures of a table: a row per indicator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rule table-rows: a statistical table (指标 | 绝对值（亿元）| 比上年增长（%）)
 * is a list of figures, one a row: its first column names the indicator,
 * a column of levels gives the value (with the unit its header or a unit
 * column says), a column of changes the growth, a column of targets the
 * goal. Which column is which is read from the header's words
 * (vocab/table_headers.txt). A table with no column of changes or targets
 * holds levels only (抽检批次 | 合格率): the grid keeps those, no figure is
 * made of them.
 */
#include "zb-inline-private.h"
#include "zb-text-private.h"

#include <string.h>

enum { COL_OTHER, COL_NAME, COL_VALUE, COL_CHANGE, COL_UNIT, COL_TARGET };

typedef struct {
  const ZbSource *src;
  const ZbBlock  *block;
  GArray         *header;     /* of ZbPiece */
  int            *kinds;      /* a COL_ per header cell */
  char          **units;      /* the unit a header cell names in brackets, or NULL */
  gboolean        percent_target;  /* the target column holds growths */
  const char     *period;
  char           *own_period;  /* a level column headed by its period (1-5月) */
  const char     *target_period;  /* 年度目标, 全年计划: the year's, else the table's */
} Table;

static char *
cell_text (const ZbSource *src,
           const ZbPiece  *cell)
{
  GString *out = g_string_new (NULL);

  /* a cell's spaces are layout: 地区 生产总值 */
  for (guint32 k = cell->start; k < cell->end; k++)
    if (src->norm[k] != ' ')
      g_string_append_c (out, src->norm[k]);
  return g_string_free (out, FALSE);
}

/* The unit in a header's brackets: 绝对值（亿元）, 增长(%) */
static char *
bracket_unit (const char *text)
{
  const char *open = strchr (text, '(');
  const char *close = open ? strchr (open, ')') : NULL;
  const ZbWord *unit;

  if (open == NULL || close == NULL)
    return NULL;
  unit = zb_vocab_at (ZB_VOCAB_UNITS, open + 1, close);
  if (unit == NULL || open + 1 + strlen (unit->word) != close)
    return NULL;
  return g_strdup (unit->text);
}

static gboolean
names_kind (const char *text,
            int         kind)
{
  const char *end = text + strlen (text);

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      const ZbWord *w = zb_vocab_at (ZB_VOCAB_TABLE_HEADERS, p, end);
      if (w != NULL && w->value == kind)
        return TRUE;
    }
  return FALSE;
}

/* What a header cell names: the strongest of its words (a unit column, a
 * target, a change, a level, a name, in that order). */
static int
header_kind (const char *text)
{
  static const int order[] = { COL_UNIT, COL_TARGET, COL_CHANGE, COL_VALUE, COL_NAME };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (names_kind (text, order[i]))
      return order[i];
  return COL_OTHER;
}

static int
column_of (const Table *t,
           int          kind)
{
  for (guint c = 0; c < t->header->len; c++)
    if (t->kinds[c] == kind)
      return (int) c;
  return -1;
}

static gboolean
read_header (Table *t)
{
  gboolean changes = FALSE;

  t->kinds = g_new0 (int, t->header->len);
  t->units = g_new0 (char *, t->header->len + 1);
  for (guint c = 0; c < t->header->len; c++)
    {
      g_autofree char *text = cell_text (t->src, &g_array_index (t->header, ZbPiece, c));

      t->kinds[c] = header_kind (text);
      t->units[c] = bracket_unit (text);
      /* 1-5月, 2025年: the levels of that period */
      if (t->kinds[c] == COL_OTHER && *text != '\0' && zb_inline_match_period (text, 0, strlen (text)) == strlen (text))
        {
          t->kinds[c] = COL_VALUE;
          g_free (t->own_period);
          t->own_period = g_strdup (text);
          t->period = t->own_period;
        }
      /* 1-6月完成, 上半年累计: a level column that starts with its period */
      else if (t->kinds[c] == COL_VALUE && t->own_period == NULL)
        {
          gsize n = zb_inline_match_period (text, 0, strlen (text));

          if (n > 0)
            {
              t->own_period = g_strndup (text, n);
              t->period = t->own_period;
            }
        }
      if (t->kinds[c] == COL_CHANGE || t->kinds[c] == COL_TARGET)
        changes = TRUE;
      /* 年度目标增速, 全年计划: the targets of the whole year */
      if (t->kinds[c] == COL_TARGET)
        {
          const ZbWord *w = zb_vocab_at (ZB_VOCAB_PERIOD_WORDS, text, text + strlen (text));

          if (w != NULL && (w->value == 2 || w->value == 3))
            t->target_period = zb_inline_whole_year ();
        }
      /* 目标增速（%）: a column of targeted growths */
      if (t->kinds[c] == COL_TARGET && (strchr (text, '%') != NULL || names_kind (text, COL_CHANGE)))
        t->percent_target = TRUE;
    }
  /* the first column names the rows unless another says it does */
  if (t->header->len > 0 && t->kinds[0] == COL_OTHER)
    t->kinds[0] = COL_NAME;
  /* 产品名称 | 单位 | 产量 | 比上年增长: a column the words do not name,
   * before the changes, holds the levels */
  if (column_of (t, COL_VALUE) < 0)
    for (guint c = 1; c < t->header->len; c++)
      if (t->kinds[c] == COL_OTHER)
        {
          t->kinds[c] = COL_VALUE;
          break;
        }
  return changes;
}


/* A cell's number: 12.5, -3.4, ８.２ (folded already); NULL when the cell
 * holds none (—, 空). */
static gboolean
cell_number (const ZbSource *src,
             GArray         *row,
             int             col,
             ZbNumber       *n)
{
  g_autofree char *text = NULL;
  gsize len;

  if (col < 0 || (guint) col >= row->len)
    return FALSE;
  text = cell_text (src, &g_array_index (row, ZbPiece, col));
  len = strlen (text);
  while (len > 0 && text[len - 1] == '%')
    text[--len] = '\0';
  return len > 0 && zb_number_parse (text, n, NULL) && n->set;
}

/* Where the figure stands in the source: its number's line; the quote is
 * the row from its name to @last when they share the line (a tab-separated
 * row), else the number's cell (a table dumped a cell a line). */
static void
set_cell_source (const Table    *t,
                 ZbFigure       *f,
                 const ZbPiece  *name,
                 const ZbPiece  *number,
                 const ZbPiece  *last)
{
  gsize tn = zb_source_text_offset (t->src, number->start);
  gsize t0 = zb_source_text_offset (t->src, name->start);
  gsize t1 = zb_source_text_offset (t->src, last->end);
  g_autofree char *quote = NULL;

  if (t1 < t0 || memchr (t->src->text + t0, '\n', t1 - t0) != NULL)
    {
      t0 = tn;
      t1 = zb_source_text_offset (t->src, number->end);
    }
  quote = g_strndup (t->src->text + t0, t1 - t0);
  zb_figure_set_source (f, t->block->section, zb_source_line_at (t->src, tn),
                        zb_source_orig_offset (t->src, tn), t0, t1 - t0, quote);
}

/* 其中：第一产业, #工业: what marks a row a part of the one above */
static char *
row_name (const char *raw)
{
  g_autofree char *name = zb_inline_clean_name (raw, 0, strlen (raw));
  const char *p = name;

  while (p != NULL && (*p == ':' || *p == '#' || *p == '*' || *p == '-' || *p == ' '))
    p++;
  return p != NULL && *p != '\0' ? g_strdup (p) : NULL;
}

static const char *
row_unit (const Table *t,
          GArray      *row,
          int          value_col,
          char       **owned)
{
  int unit_col = column_of (t, COL_UNIT);

  if (unit_col >= 0 && (guint) unit_col < row->len)
    {
      *owned = cell_text (t->src, &g_array_index (row, ZbPiece, unit_col));
      if (**owned != '\0')
        return *owned;
    }
  return value_col >= 0 ? t->units[value_col] : NULL;
}

static void
read_row (Table     *t,
          GArray    *row,
          GPtrArray *figures)
{
  int name_col = column_of (t, COL_NAME), value_col = column_of (t, COL_VALUE);
  int change_col = column_of (t, COL_CHANGE), target_col = column_of (t, COL_TARGET);
  g_autofree char *raw = NULL;
  g_autofree char *name = NULL;
  g_autofree char *unit_text = NULL;
  ZbNumber value = { 0 }, change = { 0 }, target = { 0 };
  gboolean has_value, has_change, has_target;
  const char *unit;

  if (name_col < 0 || (guint) name_col >= row->len)
    return;
  raw = cell_text (t->src, &g_array_index (row, ZbPiece, name_col));
  name = row_name (raw);
  if (name == NULL || zb_inline_is_bare_word (name))
    return;
  has_value = cell_number (t->src, row, value_col, &value);
  has_change = cell_number (t->src, row, change_col, &change);
  has_target = cell_number (t->src, row, target_col, &target);
  unit = row_unit (t, row, value_col, &unit_text);

  if (has_value || has_change)
    {
      ZbFigure *f = zb_figure_new (ZB_FIGURE_ACTUAL, name);

      zb_figure_set_indicator (f, zb_vocab_indicator_for (name));
      zb_figure_set_period (f, t->period);
      if (has_value)
        zb_figure_set_value (f, &value, unit);
      if (has_change)
        zb_figure_set_change (f, &change, ZB_CHANGE_PERCENT);
      set_cell_source (t, f, &g_array_index (row, ZbPiece, name_col),
                       &g_array_index (row, ZbPiece, has_value ? value_col : change_col),
                       &g_array_index (row, ZbPiece, has_change ? change_col : value_col));
      zb_figure_set_rule (f, "table-row", 0.8);
      zb_figure_add_evidence (f, ZB_EVIDENCE_PERIOD_INHERITED |
                                 (zb_inline_names_indicator (name) ? 0 : ZB_EVIDENCE_NAME_UNKNOWN));
      g_ptr_array_add (figures, f);
    }
  if (has_target)
    {
      ZbFigure *f = zb_figure_new (ZB_FIGURE_TARGET, name);

      zb_figure_set_indicator (f, zb_vocab_indicator_for (name));
      zb_figure_set_period (f, t->target_period ? t->target_period : t->period);
      if (t->percent_target)
        zb_figure_set_change (f, &target, ZB_CHANGE_PERCENT);
      else
        zb_figure_set_value (f, &target, unit);
      set_cell_source (t, f, &g_array_index (row, ZbPiece, name_col),
                       &g_array_index (row, ZbPiece, target_col), &g_array_index (row, ZbPiece, target_col));
      zb_figure_set_rule (f, "table-row", 0.8);
      zb_figure_add_evidence (f, ZB_EVIDENCE_PERIOD_INHERITED |
                                 (zb_inline_names_indicator (name) ? 0 : ZB_EVIDENCE_NAME_UNKNOWN));
      g_ptr_array_add (figures, f);
    }
}

void
zb_inline_parse_table (const ZbSource *src,
                       const ZbBlock  *block,
                       const char     *period,
                       GPtrArray      *figures)
{
  Table t = { src, block, NULL, NULL, NULL, FALSE, period, NULL, NULL };

  if (block->rows == NULL || block->rows->len < 2)
    return;
  t.header = g_ptr_array_index (block->rows, 0);
  if (read_header (&t))
    for (guint r = 1; r < block->rows->len; r++)
      read_row (&t, g_ptr_array_index (block->rows, r), figures);
  g_free (t.kinds);
  /* (units has holes: not a NULL-ended vector) */
  for (guint c = 0; t.units != NULL && c < t.header->len; c++)
    g_free (t.units[c]);
  g_free (t.units);
  g_free (t.own_period);
}
