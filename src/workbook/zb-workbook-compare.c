/* zb-workbook-compare.c — the Compare sheet: indicators × reports, ranked, with a line chart an indicator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Block by block, so that each measure's cells of a row are side by side:
 * a chart's series and a status rule are one range each. The charts read
 * a block of their own below the table, so that sorting or filtering the
 * table leaves them as they were drawn.
 */
#include "zb-workbook-private.h"

#include <math.h>
#include <string.h>

#include "zb-i18n-private.h"

#define HEADER_ROWS 2
#define FIRST_BLOCK 2          /* after the indicator and area columns */
#define AUTO_CHARTS 8
#define CHART_ROWS 13          /* a chart's height in rows, with a gap */
#define PAGE_ROWS 32           /* rows of 15 points a landscape A4 page holds */
#define PAGE_WIDTH 96          /* column width units a landscape A4 page holds, as LibreOffice prints */
#define MAX_BREAKS 64
#define MAX_WIDTH 40
#define LABEL_WIDTH 14         /* a report's label wraps beyond it */

typedef enum {
  B_VALUE, B_UNIT, B_GROWTH, B_TARGET, B_GAP, B_STATUS, B_RANK_GROWTH, B_RANK_VALUE, B_N
} Block;

static const char *block_titles[B_N] = {
  N_("Value"), N_("Unit"), N_("Growth (%)"), N_("Target"), N_("Gap (pp)"), N_("Status"),
  N_("Rank by growth"), N_("Rank by value"),
};

typedef struct {
  lxw_workbook  *wb;
  lxw_worksheet *ws;
  const char    *language;
  ZbComparison  *comparison;
  const char    *sheet_name;
  guint          n_columns;   /* the comparison's */
  guint          n_blocks;    /* the rank blocks only when anything is ranked */
  GHashTable    *formats;     /* "decimals:signed:corrected:pp" → lxw_format (owned by wb) */
  lxw_format    *header;
  lxw_format    *label;       /* a report's label over its column: wrapped */
  lxw_format    *text;
  lxw_format    *marked;      /* a corrected text */
  GArray        *widths;      /* display width per sheet column */
  lxw_row_t      row_breaks[MAX_BREAKS + 1];   /* pages of charts, 0-terminated */
  guint          n_row_breaks;
  lxw_error      status;      /* the first error */
} Compare;

static const char *
tr (Compare    *c,
    const char *msgid)
{
  return zb_i18n_gettext (c->language, msgid);
}

static void
check (Compare   *c,
       lxw_error  err)
{
  if (err != LXW_NO_ERROR && c->status == LXW_NO_ERROR)
    c->status = err;
}

static lxw_col_t
block_col (Compare   *c,
           Block      block,
           guint      column)
{
  return FIRST_BLOCK + block * c->n_columns + column;
}

static void
note_width (Compare    *c,
            lxw_col_t   col,
            guint       width)
{
  if (col >= c->widths->len)
    g_array_set_size (c->widths, col + 1);
  if (width > g_array_index (c->widths, guint, col))
    g_array_index (c->widths, guint, col) = width;
}

static void
write_text (Compare    *c,
            lxw_row_t   row,
            lxw_col_t   col,
            const char *text,
            lxw_format *format)
{
  g_autofree char *owned = NULL;

  if (text == NULL || *text == '\0')
    {
      if (format == c->marked)
        check (c, worksheet_write_blank (c->ws, row, col, format));
      return;
    }
  text = _zb_workbook_cell_text (text, &owned);
  check (c, worksheet_write_string (c->ws, row, col, text, format ? format : c->text));
  if (format != c->label)
    note_width (c, col, _zb_workbook_display_width (text));
}

/* A number shown as it is written (6.30 stays 6.30): "+0.0" for gaps, a
 * trailing "pp" for a change in percentage points, marked when corrected. */
static lxw_format *
number_format (Compare  *c,
               gint8     decimals,
               gboolean  signed_,
               gboolean  corrected,
               gboolean  pp)
{
  g_autofree char *key = g_strdup_printf ("%d:%d:%d:%d", decimals, signed_, corrected, pp);
  lxw_format *format = g_hash_table_lookup (c->formats, key);

  if (format == NULL)
    {
      g_autofree char *digits = decimals > 0 ? g_strnfill (MIN (decimals, 10), '0') : g_strdup ("");
      g_autofree char *body = g_strdup_printf ("0%s%s%s", decimals > 0 ? "." : "", digits, pp ? "\" pp\"" : "");
      g_autofree char *num = signed_ ? g_strdup_printf ("+%s;-%s;%s", body, body, body)
                                     : decimals < 0 ? g_strdup ("General") : g_strdup (body);

      format = workbook_add_format (c->wb);
      format_set_num_format (format, num);
      /* tinted as the other sheets tint it, and bold: a status colour
       * painted over the tint leaves the bold */
      if (corrected)
        {
          format_set_bg_color (format, 0xFFF2CC);
          format_set_bold (format);
        }
      g_hash_table_insert (c->formats, g_steal_pointer (&key), format);
    }
  return format;
}

static void
write_number (Compare        *c,
              lxw_row_t       row,
              lxw_col_t       col,
              const ZbNumber *number,
              gboolean        corrected,
              gboolean        pp)
{
  g_autofree char *shown = NULL;

  if (number == NULL || !number->set || !isfinite (number->value))
    {
      if (corrected)
        check (c, worksheet_write_blank (c->ws, row, col, c->marked));
      return;
    }
  check (c, worksheet_write_number (c->ws, row, col, number->value,
                                    number_format (c, number->decimals, FALSE, corrected, pp)));
  shown = zb_number_format (number);
  note_width (c, col, strlen (shown) + (pp ? 3 : 0));
}

/* The original of a corrected field, and the clerk's note, in a comment. */
static void
comment_original (Compare   *c,
                  lxw_row_t  row,
                  lxw_col_t  col,
                  ZbFigure  *figure,
                  ZbField    field)
{
  g_autofree char *original = NULL;
  g_autofree char *text = NULL;
  GPtrArray *corrections = zb_figure_get_corrections (figure);
  const char *note = NULL;
  lxw_comment_options options = { .author = "Zhibiao" };

  if (!zb_figure_field_is_corrected (figure, field))
    return;
  for (guint i = 0; corrections != NULL && i < corrections->len; i++)
    {
      ZbCorrection *correction = g_ptr_array_index (corrections, i);
      if (correction->field == field && correction->note != NULL && *correction->note)
        note = correction->note;
    }
  original = zb_figure_dup_original (figure, field);
  text = g_strdup_printf (tr (c, N_("Original: %s")), original ? original : tr (c, N_("(empty)")));
  if (note != NULL)
    {
      char *with_note = g_strconcat (text, "\n", note, NULL);
      g_free (text);
      text = with_note;
    }
  {
    g_autofree char *owned = NULL;
    const char *clean = _zb_workbook_cell_text (text, &owned);

    check (c, worksheet_write_comment_opt (c->ws, row, col, clean, &options));
  }
}

static void
write_rank (Compare   *c,
            lxw_row_t  row,
            lxw_col_t  col,
            guint      rank)
{
  ZbNumber number = { rank, 0, TRUE };

  if (rank > 0)
    write_number (c, row, col, &number, FALSE, FALSE);
}

static void
write_cell (Compare                *c,
            lxw_row_t               row,
            guint                   column,
            const ZbComparisonCell *cell)
{
  ZbFigure *f = cell->assessment->figure;
  const ZbTarget *t = cell->assessment->target;
  const ZbNumber *change = zb_figure_get_change (f);
  gboolean pp = zb_figure_get_change_unit (f) == ZB_CHANGE_PP;

  write_number (c, row, block_col (c, B_VALUE, column), zb_figure_get_value (f),
                zb_figure_field_is_corrected (f, ZB_FIELD_VALUE), FALSE);
  comment_original (c, row, block_col (c, B_VALUE, column), f, ZB_FIELD_VALUE);
  write_text (c, row, block_col (c, B_UNIT, column), zb_figure_get_unit (f),
              zb_figure_field_is_corrected (f, ZB_FIELD_UNIT) ? c->marked : NULL);
  write_number (c, row, block_col (c, B_GROWTH, column), change,
                zb_figure_field_is_corrected (f, ZB_FIELD_CHANGE), pp);
  comment_original (c, row, block_col (c, B_GROWTH, column), f, ZB_FIELD_CHANGE);
  /* the target the status is against: its growth when the growth was compared */
  if (t != NULL && t->growth.set && (change->set || !t->value.set))
    write_number (c, row, block_col (c, B_TARGET, column), &t->growth, FALSE, FALSE);
  else if (t != NULL && t->value.set)
    write_number (c, row, block_col (c, B_TARGET, column), &t->value, FALSE, FALSE);
  if (isfinite (cell->assessment->gap_pp))
    {
      double gap = round (cell->assessment->gap_pp * 1e6) / 1e6;

      check (c, worksheet_write_number (c->ws, row, block_col (c, B_GAP, column), gap,
                                        number_format (c, MAX (1, change->decimals), TRUE, FALSE, FALSE)));
      note_width (c, block_col (c, B_GAP, column), 5);
    }
  if (cell->assessment->status != ZB_STATUS_UNKNOWN)
    write_text (c, row, block_col (c, B_STATUS, column),
                zb_status_to_label (cell->assessment->status, c->language), NULL);
  if (c->n_blocks == B_N)
    {
      write_rank (c, row, block_col (c, B_RANK_GROWTH, column), cell->rank_growth);
      write_rank (c, row, block_col (c, B_RANK_VALUE, column), cell->rank_value);
    }
}

static void
write_header (Compare *c)
{
  write_text (c, 1, 0, tr (c, N_("Indicator")), c->header);
  write_text (c, 1, 1, tr (c, N_("Area")), c->header);
  check (c, worksheet_write_blank (c->ws, 0, 0, c->header));
  check (c, worksheet_write_blank (c->ws, 0, 1, c->header));
  for (guint b = 0; b < c->n_blocks; b++)
    {
      lxw_col_t first = block_col (c, b, 0);

      if (c->n_columns > 1)
        check (c, worksheet_merge_range (c->ws, 0, first, 0, first + c->n_columns - 1, tr (c, block_titles[b]),
                                         c->header));
      else
        write_text (c, 0, first, tr (c, block_titles[b]), c->header);
      for (guint k = 0; k < c->n_columns; k++)
        {
          const ZbComparisonColumn *column = zb_comparison_get_column (c->comparison, k);

          write_text (c, 1, first + k, column->label, c->label);
          note_width (c, first + k, MIN (_zb_workbook_display_width (column->label), LABEL_WIDTH));
        }
    }
  /* two lines for a report's label */
  check (c, worksheet_set_row (c->ws, 1, 2 * LXW_DEF_ROW_HEIGHT + 2, NULL));
  worksheet_freeze_panes (c->ws, HEADER_ROWS, FIRST_BLOCK);
}

/* Status in colour, as the Summary sheet has it; a growth takes its
 * status's colour too, so that a clerk's edit of the status recolours it. */
static void
format_status (Compare   *c,
               lxw_row_t  last_row)
{
  static const struct { ZbStatus status; guint32 bg, fg; } colours[] = {
    { ZB_STATUS_AHEAD, 0xC6EFCE, 0x006100 },
    { ZB_STATUS_ON_TRACK, 0xFFEB9C, 0x9C5700 },
    { ZB_STATUS_BEHIND, 0xFFC7CE, 0x9C0006 },
  };
  lxw_col_t status = block_col (c, B_STATUS, 0);
  lxw_col_t growth = block_col (c, B_GROWTH, 0);
  char top_left[LXW_MAX_CELL_NAME_LENGTH];

  if (last_row < HEADER_ROWS)
    return;
  lxw_rowcol_to_cell (top_left, HEADER_ROWS, status);
  for (guint k = 0; k < G_N_ELEMENTS (colours); k++)
    {
      lxw_format *format = workbook_add_format (c->wb);
      lxw_conditional_format text_rule = { 0 };
      lxw_conditional_format growth_rule = { 0 };
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", zb_status_to_label (colours[k].status, c->language));
      g_autofree char *formula = g_strdup_printf ("=%s=%s", top_left, quoted);

      format_set_bg_color (format, colours[k].bg);
      format_set_font_color (format, colours[k].fg);
      text_rule.type = LXW_CONDITIONAL_TYPE_CELL;
      text_rule.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
      text_rule.value_string = quoted;
      text_rule.format = format;
      check (c, worksheet_conditional_format_range (c->ws, HEADER_ROWS, status, last_row,
                                                    status + c->n_columns - 1, &text_rule));
      /* relative to the range's top left: each growth looks at its own status */
      growth_rule.type = LXW_CONDITIONAL_TYPE_FORMULA;
      growth_rule.value_string = formula;
      growth_rule.format = format;
      check (c, worksheet_conditional_format_range (c->ws, HEADER_ROWS, growth, last_row,
                                                    growth + c->n_columns - 1, &growth_rule));
    }
}

static int
by_growth_count (gconstpointer a,
                 gconstpointer b)
{
  ZbComparisonRow *x = *(ZbComparisonRow * const *) a, *y = *(ZbComparisonRow * const *) b;
  guint nx = zb_comparison_row_count_growth (x), ny = zb_comparison_row_count_growth (y);

  if (nx != ny)
    return nx > ny ? -1 : 1;
  return (zb_comparison_row_get_position (x) > zb_comparison_row_get_position (y)) -
         (zb_comparison_row_get_position (x) < zb_comparison_row_get_position (y));
}

/* The rows to chart: those named (once each), else the reports' own rows
 * with a growth in the most columns, at least two. */
static GPtrArray *
chart_rows (Compare            *c,
            const char * const *indicators)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model = G_LIST_MODEL (c->comparison);

  if (indicators != NULL)
    {
      for (guint i = 0; indicators[i] != NULL; i++)
        {
          ZbComparisonRow *row = zb_comparison_find_row (c->comparison, indicators[i], NULL);

          if (row != NULL && !g_ptr_array_find (rows, row, NULL))
            g_ptr_array_add (rows, g_object_ref (row));
        }
      return rows;
    }
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ZbComparisonRow) row = g_list_model_get_item (model, i);

      if (*zb_comparison_row_get_area (row) == '\0' && zb_comparison_row_count_growth (row) >= 2)
        g_ptr_array_add (rows, g_steal_pointer (&row));
    }
  g_ptr_array_sort (rows, by_growth_count);
  if (rows->len > AUTO_CHARTS)
    g_ptr_array_set_size (rows, AUTO_CHARTS);
  return rows;
}

static void
add_series (Compare    *c,
            lxw_chart  *chart,
            lxw_row_t   categories,
            lxw_row_t   values,
            const char *name,
            gboolean    dashed)
{
  lxw_chart_series *series = chart_add_series (chart, NULL, NULL);
  lxw_chart_line line = { .color = dashed ? 0x7F7F7F : 0x4472C4, .width = 2.25,
                          .dash_type = dashed ? LXW_CHART_LINE_DASH_DASH : LXW_CHART_LINE_DASH_SOLID };
  lxw_col_t first = FIRST_BLOCK, last = FIRST_BLOCK + c->n_columns - 1;

  chart_series_set_categories (series, c->sheet_name, categories, first, categories, last);
  chart_series_set_values (series, c->sheet_name, values, first, values, last);
  chart_series_set_name (series, name);
  chart_series_set_line (series, &line);
  chart_series_set_marker_type (series, dashed ? LXW_CHART_MARKER_NONE : LXW_CHART_MARKER_CIRCLE);
  if (!dashed)
    chart_series_set_labels (series);
}

/* Growth (and growth target) of each charted indicator by report, on a
 * sheet of its own with their line charts: sorting or filtering the
 * Compare sheet leaves them as drawn, and each prints on its own pages. */
static void
write_chart_sheet (Compare            *c,
                   GPtrArray          *rows)
{
  lxw_row_t chart_row = 2 + 2 * rows->len + 1;
  lxw_row_t page_start = 0;

  write_text (c, 0, 0, tr (c, N_("Chart data: growth by report")), c->header);
  for (guint k = 0; k < c->n_columns; k++)
    {
      const char *label = zb_comparison_get_column (c->comparison, k)->label;

      write_text (c, 1, FIRST_BLOCK + k, label, c->label);
      note_width (c, FIRST_BLOCK + k, MIN (_zb_workbook_display_width (label), LABEL_WIDTH));
    }
  check (c, worksheet_set_row (c->ws, 1, 2 * LXW_DEF_ROW_HEIGHT + 2, NULL));

  for (guint i = 0; i < rows->len; i++)
    {
      ZbComparisonRow *r = g_ptr_array_index (rows, i);
      lxw_row_t growth = 2 + 2 * i, target = growth + 1;
      gboolean has_target = FALSE;
      lxw_chart *chart;
      lxw_chart_options options = { .x_scale = 1.5, .y_scale = 0.8 };
      lxw_row_t at = chart_row + i * CHART_ROWS;

      write_text (c, growth, 0, zb_comparison_row_get_label (r), NULL);
      write_text (c, growth, 1, tr (c, N_("Actual growth")), NULL);
      write_text (c, target, 0, zb_comparison_row_get_label (r), NULL);
      write_text (c, target, 1, tr (c, N_("Target growth")), NULL);
      for (guint k = 0; k < c->n_columns; k++)
        {
          const ZbComparisonCell *cell = zb_comparison_row_get_cell (r, k);
          const ZbTarget *t = cell ? cell->assessment->target : NULL;

          if (cell == NULL || zb_figure_get_change_unit (cell->assessment->figure) != ZB_CHANGE_PERCENT)
            continue;
          write_number (c, growth, FIRST_BLOCK + k, zb_figure_get_change (cell->assessment->figure), FALSE, FALSE);
          if (t != NULL && t->growth.set)
            {
              write_number (c, target, FIRST_BLOCK + k, &t->growth, FALSE, FALSE);
              has_target = TRUE;
            }
        }

      g_autofree char *owned = NULL;

      chart = workbook_add_chart (c->wb, LXW_CHART_LINE);
      /* libxlsxwriter keeps a copy of the title */
      chart_title_set_name (chart, _zb_workbook_cell_text (zb_comparison_row_get_label (r), &owned));
      chart_axis_set_name (chart->y_axis, tr (c, N_("Growth (%)")));
      add_series (c, chart, 1, growth, tr (c, N_("Actual growth")), FALSE);
      if (has_target)
        add_series (c, chart, 1, target, tr (c, N_("Target growth")), TRUE);
      chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
      /* printed, no chart is cut by a page */
      if (at + CHART_ROWS - page_start > PAGE_ROWS && c->n_row_breaks < MAX_BREAKS)
        c->row_breaks[c->n_row_breaks++] = page_start = at;
      check (c, worksheet_insert_chart_opt (c->ws, at, 0, chart, &options));
    }
}

static void finish_chart_sheet (Compare *c);

static void
write_charts (Compare            *c,
              const char * const *indicators)
{
  g_autoptr(GPtrArray) rows = chart_rows (c, indicators);
  g_autoptr(GArray) widths = g_array_new (FALSE, TRUE, sizeof (guint));
  Compare charts = *c;

  if (rows->len == 0)
    return;
  charts.sheet_name = tr (c, N_("Compare charts"));
  charts.ws = workbook_add_worksheet (c->wb, charts.sheet_name);
  charts.widths = widths;
  charts.n_row_breaks = 0;
  if (charts.ws == NULL)
    {
      check (c, LXW_ERROR_SHEETNAME_ALREADY_USED);
      return;
    }
  write_chart_sheet (&charts, rows);
  finish_chart_sheet (&charts);
  check (c, charts.status);
}

static double
column_width (Compare *c,
              guint    col)
{
  /* the header carries the filter button: keep room for it */
  double width = (col < c->widths->len ? g_array_index (c->widths, guint, col) : 0) + 3;

  return CLAMP (width, 7, MAX_WIDTH);
}

/* Printed, a page holds whole blocks (the indicator columns repeat on
 * each): a break before each block that would not fit beside the last. */
static void
break_columns (Compare *c)
{
  lxw_col_t breaks[MAX_BREAKS + 1] = { 0 };
  double fixed = column_width (c, 0) + column_width (c, 1);
  double used = fixed;
  guint n = 0;

  for (guint b = 0; b < c->n_blocks && n < MAX_BREAKS; b++)
    {
      double block = 0;

      for (guint k = 0; k < c->n_columns; k++)
        block += column_width (c, block_col (c, b, k));
      if (used > fixed && used + block > PAGE_WIDTH)
        {
          breaks[n++] = block_col (c, b, 0);
          used = fixed;
        }
      used += block;
    }
  if (n > 0)
    check (c, worksheet_set_v_pagebreaks (c->ws, breaks));
}

static void
finish (Compare   *c,
        lxw_row_t  last_row)
{
  lxw_col_t last = block_col (c, c->n_blocks - 1, c->n_columns - 1);

  if (last_row >= HEADER_ROWS)
    check (c, worksheet_autofilter (c->ws, 1, 0, last_row, last));
  worksheet_set_landscape (c->ws);
  worksheet_set_paper (c->ws, 9);   /* A4 */
  check (c, worksheet_repeat_rows (c->ws, 0, 1));
  check (c, worksheet_repeat_columns (c->ws, 0, 1));
  worksheet_set_margins (c->ws, 0.5, 0.5, 0.6, 0.6);
  for (guint col = 0; col < MAX (c->widths->len, (guint) last + 1); col++)
    check (c, worksheet_set_column (c->ws, col, col, column_width (c, col), NULL));
  break_columns (c);
}

static void
finish_chart_sheet (Compare *c)
{
  worksheet_set_landscape (c->ws);
  worksheet_set_paper (c->ws, 9);   /* A4 */
  worksheet_set_margins (c->ws, 0.5, 0.5, 0.6, 0.6);
  for (guint col = 0; col < c->widths->len; col++)
    check (c, worksheet_set_column (c->ws, col, col, column_width (c, col), NULL));
  if (c->n_row_breaks > 0)
    {
      c->row_breaks[c->n_row_breaks] = 0;
      check (c, worksheet_set_h_pagebreaks (c->ws, c->row_breaks));
    }
}

static void
add_formats (Compare *c)
{
  c->header = workbook_add_format (c->wb);
  format_set_bold (c->header);
  format_set_bg_color (c->header, 0xD9E1F2);
  format_set_bottom (c->header, LXW_BORDER_THIN);
  format_set_align (c->header, LXW_ALIGN_CENTER);
  format_set_align (c->header, LXW_ALIGN_VERTICAL_CENTER);
  c->label = workbook_add_format (c->wb);
  format_set_bold (c->label);
  format_set_text_wrap (c->label);
  format_set_bg_color (c->label, 0xEDF1F9);
  format_set_align (c->label, LXW_ALIGN_CENTER);
  format_set_align (c->label, LXW_ALIGN_VERTICAL_CENTER);
  c->text = workbook_add_format (c->wb);
  c->marked = workbook_add_format (c->wb);
  format_set_bg_color (c->marked, 0xFFF2CC);
}

lxw_error
_zb_workbook_add_compare (lxw_workbook        *wb,
                          ZbComparison        *comparison,
                          const char          *language,
                          const char * const  *indicators,
                          GCancellable        *cancellable)
{
  g_autoptr(GHashTable) formats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) widths = g_array_new (FALSE, TRUE, sizeof (guint));
  GListModel *rows = G_LIST_MODEL (comparison);
  guint n_rows = g_list_model_get_n_items (rows);
  Compare c = { 0 };
  lxw_row_t row = HEADER_ROWS;

  c.wb = wb;
  c.language = language;
  c.comparison = comparison;
  c.sheet_name = tr (&c, N_("Compare"));
  c.ws = workbook_add_worksheet (wb, c.sheet_name);
  if (c.ws == NULL)
    return LXW_ERROR_SHEETNAME_ALREADY_USED;
  c.n_columns = zb_comparison_get_n_columns (comparison);
  c.n_blocks = zb_comparison_get_ranked (comparison) ? B_N : B_RANK_GROWTH;
  c.formats = formats;
  c.widths = widths;
  add_formats (&c);
  if (c.n_columns == 0)
    {
      write_text (&c, 0, 0, tr (&c, N_("No reports to compare.")), NULL);
      return c.status;
    }

  write_header (&c);
  for (guint i = 0; i < n_rows && c.status == LXW_NO_ERROR; i++, row++)
    {
      g_autoptr(ZbComparisonRow) r = g_list_model_get_item (rows, i);

      if ((i & 255) == 0 && g_cancellable_is_cancelled (cancellable))
        break;
      write_text (&c, row, 0, zb_comparison_row_get_indicator (r), NULL);
      write_text (&c, row, 1, zb_comparison_row_get_area (r), NULL);
      for (guint k = 0; k < c.n_columns; k++)
        {
          const ZbComparisonCell *cell = zb_comparison_row_get_cell (r, k);
          if (cell != NULL)
            write_cell (&c, row, k, cell);
        }
    }
  format_status (&c, row - 1);
  finish (&c, row - 1);
  write_charts (&c, indicators);
  return c.status;
}
