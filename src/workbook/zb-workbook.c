/* zb-workbook.c — the Excel workbook a clerk carries into the meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-workbook.h"
#include "zb-workbook-private.h"

#include "zb-save.h"

#include "zb-chart.h"
#include "zb-i18n-private.h"
#include "zb-period.h"
#include "zb-report.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cairo.h>
#include <xlsxwriter.h>

/* Excel refuses longer cell strings */
#define MAX_CELL_BYTES 32000
#define QUOTE_WIDTH 48
#define CHART_MAX_BARS 30

typedef enum {
  S_SUMMARY, S_DETAILS, S_TARGETS, S_CORRECTIONS, S_CHART,
  S_INDICATOR, S_PERIOD, S_VALUE, S_UNIT, S_GROWTH, S_TARGET, S_GAP, S_STATUS,
  S_REPORT, S_SECTION, S_KIND, S_AREA, S_GROWTH_UNIT, S_RANK, S_LINE, S_QUOTE,
  S_SCHEDULE, S_FIELD, S_OLD, S_NEW, S_TIME, S_NOTE,
  S_COMPLETION, S_CHECK, S_YEAR, S_TARGET_VALUE, S_QUALIFIER, S_CONFLICT, S_MISMATCH,
  S_KIND_ACTUAL, S_KIND_TARGET, S_KIND_GAP, S_KIND_PROGRESS,
  S_ORIGINAL, S_EMPTY, S_CHART_TITLE, S_NO_INDICATORS, S_WORKBOOK_TITLE, S_SEPARATOR,
  S_REVIEWED, S_TO_CHECK, S_YES, S_NO, S_REVIEW_COUNT, S_NONE_FLAGGED,
  S_FIELD_INDICATOR, S_FIELD_BASE, S_FIELD_REFERENCE, S_FIELD_DELETED, S_UNDO, S_REDO, S_ADDED,
  S_N
} StringId;

/* Translated from po/ (zb-i18n-private.h), whatever the UI's language. */
static const char *strings[S_N] = {
  [S_SUMMARY] = N_("Summary"),
  [S_DETAILS] = N_("Details"),
  [S_TARGETS] = N_("Targets"),
  [S_CORRECTIONS] = N_("Corrections"),
  [S_CHART] = N_("Chart"),
  [S_INDICATOR] = N_("Indicator"),
  [S_PERIOD] = N_("Period"),
  [S_VALUE] = N_("Value"),
  [S_UNIT] = N_("Unit"),
  [S_GROWTH] = N_("Growth"),
  [S_TARGET] = N_("Target"),
  [S_GAP] = N_("Gap (pp)"),
  [S_STATUS] = N_("Status"),
  [S_REPORT] = N_("Report"),
  [S_SECTION] = N_("Section"),
  [S_KIND] = N_("Kind"),
  [S_AREA] = N_("Area"),
  [S_GROWTH_UNIT] = N_("Growth unit"),
  [S_RANK] = N_("Rank"),
  [S_LINE] = N_("Line"),
  [S_QUOTE] = N_("Source"),
  [S_SCHEDULE] = N_("Schedule"),
  [S_FIELD] = N_("Field"),
  [S_OLD] = N_("Old value"),
  [S_NEW] = N_("New value"),
  [S_TIME] = N_("Time"),
  [S_NOTE] = N_("Note"),
  [S_COMPLETION] = N_("Completion"),
  [S_CHECK] = N_("Check"),
  [S_YEAR] = N_("Year"),
  [S_TARGET_VALUE] = N_("Target value"),
  [S_QUALIFIER] = N_("Qualifier"),
  [S_CONFLICT] = N_("%u different targets"),
  [S_MISMATCH] = N_("the text states %s"),
  [S_KIND_ACTUAL] = N_("actual"),
  [S_KIND_TARGET] = N_("target"),
  [S_KIND_GAP] = N_("gap"),
  [S_KIND_PROGRESS] = N_("progress"),
  [S_ORIGINAL] = N_("Original: %s"),
  [S_EMPTY] = N_("(empty)"),
  [S_CHART_TITLE] = N_("Growth and target"),
  [S_NO_INDICATORS] = N_("No indicators to chart."),
  [S_WORKBOOK_TITLE] = N_("Indicator ledger"),
  /* Translators: between two remarks in one cell, and between report names */
  [S_SEPARATOR] = N_("; "),
  [S_REVIEWED] = N_("Reviewed"),
  [S_TO_CHECK] = N_("Why check"),
  [S_YES] = N_("yes"),
  [S_NO] = N_("no"),
  /* Translators: in the summary sheet, under the table */
  [S_REVIEW_COUNT] = N_("Review: %u of %u flagged figures reviewed"),
  [S_NONE_FLAGGED] = N_("Review: no figure was flagged for review"),
  [S_FIELD_INDICATOR] = N_("Canonical indicator"),
  [S_FIELD_BASE] = N_("Base value"),
  [S_FIELD_REFERENCE] = N_("Compared with"),
  [S_FIELD_DELETED] = N_("Deleted"),
  /* Translators: the note of a correction that undid or redid another */
  [S_UNDO] = N_("undo"),
  [S_REDO] = N_("redo"),
  /* Translators: the note of the fields of a figure the clerk added */
  [S_ADDED] = N_("added by hand"),
};

static const char *
tr (const char *language,
    StringId    id)
{
  return zb_i18n_gettext (language, strings[id]);
}

/* ---------------------------------------------------------------- */

typedef struct {
  lxw_worksheet *ws;
  GArray        *widths;    /* of guint, display width per column */
  lxw_row_t      row;       /* next row to write */
} Sheet;

typedef struct {
  const char   *language;
  GPtrArray    *reports;
  ZbLedger     *ledger;     /* targets, gaps and status come from here */
  GHashTable   *assessed;   /* ZbFigure* → ZbAssessment* */
  GHashTable   *report_of;  /* ZbFigure* → index of its report + 1 */
  lxw_workbook *wb;
  GHashTable   *formats;    /* "kind:decimals:corrected" → lxw_format* (owned by wb) */
  lxw_format   *header;
  lxw_format   *text;
  lxw_format   *text_marked;
  lxw_format   *wrap;
  lxw_format   *percent;
  lxw_format   *datetime;
  GCancellable *cancellable;
  lxw_error     lxw_status; /* first libxlsxwriter error */
} Export;

guint
_zb_workbook_display_width (const char *text)
{
  guint width = 0, line = 0;

  for (const char *p = text; p != NULL && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '\n')
        {
          width = MAX (width, line);
          line = 0;
          continue;
        }
      line += g_unichar_iswide (c) ? 2 : 1;
    }
  return MAX (width, line);
}

static void
note_width (Sheet      *sheet,
            lxw_col_t   col,
            const char *text)
{
  guint width = _zb_workbook_display_width (text);

  if (col >= sheet->widths->len)
    g_array_set_size (sheet->widths, col + 1);
  if (width > g_array_index (sheet->widths, guint, col))
    g_array_index (sheet->widths, guint, col) = width;
}

static void
check (Export    *ex,
       lxw_error  err)
{
  if (err != LXW_NO_ERROR && ex->lxw_status == LXW_NO_ERROR)
    ex->lxw_status = err;
}

static lxw_format *
number_format (Export  *ex,
               gint8    decimals,
               gboolean signed_,
               gboolean corrected)
{
  g_autofree char *key = g_strdup_printf ("%d:%d:%d", decimals, signed_, corrected);
  lxw_format *format = g_hash_table_lookup (ex->formats, key);

  if (format == NULL)
    {
      g_autofree char *digits = NULL;
      g_autofree char *num = NULL;

      format = workbook_add_format (ex->wb);
      if (decimals < 0)
        num = g_strdup ("General");
      else
        {
          digits = decimals > 0 ? g_strnfill (MIN (decimals, 10), '0') : g_strdup ("");
          num = g_strdup_printf ("%s0%s%s", signed_ ? "+" : "", decimals > 0 ? "." : "", digits);
          if (signed_)
            {
              /* +1.5;-1.5;0.0 — a gap shows its sign */
              char *full = g_strdup_printf ("%s;-0%s%s;0%s%s", num,
                                            decimals > 0 ? "." : "", digits,
                                            decimals > 0 ? "." : "", digits);
              g_free (num);
              num = full;
            }
        }
      format_set_num_format (format, num);
      format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
      if (corrected)
        format_set_bg_color (format, 0xFFF2CC);
      g_hash_table_insert (ex->formats, g_steal_pointer (&key), format);
    }
  return format;
}

const char *
_zb_workbook_cell_text (const char  *text,
                        char       **owned)
{
  gsize len = strlen (text);

  *owned = NULL;
  /* XML 1.0, which the sheets are, has no control characters (but TAB and
   * LF) and no U+FFFE/U+FFFF: one would make the workbook unreadable */
  if (!g_utf8_validate_len (text, len, NULL) || zb_utf8_bad_char (text, len) != 0)
    text = *owned = zb_utf8_dup_clean (text, len);
  if (strlen (text) > MAX_CELL_BYTES)
    {
      const char *end = text + MAX_CELL_BYTES;
      char *cut;

      /* never cut a character in half */
      while (end > text && (*end & 0xC0) == 0x80)
        end--;
      cut = g_strndup (text, end - text);
      g_free (*owned);
      text = *owned = cut;
    }
  return text;
}

static void
write_text (Export     *ex,
            Sheet      *sheet,
            lxw_row_t   row,
            lxw_col_t   col,
            const char *text,
            lxw_format *format)
{
  g_autofree char *owned = NULL;

  if (text == NULL || *text == '\0')
    {
      if (format != NULL && format != ex->text)
        check (ex, worksheet_write_blank (sheet->ws, row, col, format));
      return;
    }
  text = _zb_workbook_cell_text (text, &owned);
  check (ex, worksheet_write_string (sheet->ws, row, col, text, format ? format : ex->text));
  if (format != ex->wrap)
    note_width (sheet, col, text);
}

static void
write_number (Export         *ex,
              Sheet          *sheet,
              lxw_row_t       row,
              lxw_col_t       col,
              const ZbNumber *number,
              gboolean        corrected)
{
  g_autofree char *shown = NULL;

  if (number == NULL || !number->set || !isfinite (number->value))
    {
      if (corrected)
        check (ex, worksheet_write_blank (sheet->ws, row, col, ex->text_marked));
      return;
    }
  check (ex, worksheet_write_number (sheet->ws, row, col, number->value,
                                     number_format (ex, number->decimals, FALSE, corrected)));
  shown = zb_number_format (number);
  note_width (sheet, col, shown);
}

/* A signed number in percentage points, as many decimals as it is written
 * with (at least one), so 6.5 − 6.0 shows +0.5 and not +0.4999. */
static void
write_gap (Export    *ex,
           Sheet     *sheet,
           lxw_row_t  row,
           lxw_col_t  col,
           double     gap,
           gint8      decimals)
{
  g_autofree char *shown = NULL;

  /* a gap between 1e308 and -1e308 is infinite: the sheet's XML has no
   * number for it (Excel and openpyxl refuse "INF") */
  if (!isfinite (gap))
    return;
  decimals = CLAMP (decimals, 1, 6);
  gap = round (gap * 1e6) / 1e6;
  shown = g_strdup_printf ("+%.*f", decimals, gap);
  check (ex, worksheet_write_number (sheet->ws, row, col, gap,
                                     number_format (ex, decimals, TRUE, FALSE)));
  note_width (sheet, col, shown);
}

static void
write_share (Export    *ex,
             Sheet     *sheet,
             lxw_row_t  row,
             lxw_col_t  col,
             double     share)
{
  if (!isfinite (share))
    return;
  check (ex, worksheet_write_number (sheet->ws, row, col, share, ex->percent));
  note_width (sheet, col, "100.0%");
}

/* The ledger's word on @figure, computed once per export. */
static const ZbAssessment *
assess (Export   *ex,
        ZbFigure *figure)
{
  ZbAssessment *a = g_hash_table_lookup (ex->assessed, figure);

  if (a == NULL && !g_hash_table_contains (ex->assessed, figure))
    {
      a = zb_ledger_assess (ex->ledger, figure);
      g_hash_table_insert (ex->assessed, figure, a);
    }
  return a;
}

/* What a clerk must look at before the meeting: conflicting targets and a
 * gap or progress the text states differently from the computed one. */
static char *
check_text (Export             *ex,
            const ZbAssessment *a)
{
  GString *s = g_string_new (NULL);

  if (a->n_targets > 1)
    g_string_append_printf (s, tr (ex->language, S_CONFLICT), a->n_targets);
  if (a->mismatch && !isnan (a->stated))
    {
      g_autofree char *stated = g_strdup_printf ("%g", a->stated);
      if (s->len > 0)
        g_string_append (s, tr (ex->language, S_SEPARATOR));
      g_string_append_printf (s, tr (ex->language, S_MISMATCH), stated);
    }
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  g_string_prepend (s, "⚠ ");
  return g_string_free (s, FALSE);
}

static void
write_header (Export         *ex,
              Sheet          *sheet,
              const char    **titles,
              guint           n_titles)
{
  for (guint i = 0; i < n_titles; i++)
    write_text (ex, sheet, 0, i, titles[i], ex->header);
  sheet->row = 1;
}

/* Frozen, filterable header; landscape, one page wide, header on every page. */
static void
finish_sheet (Export *ex,
              Sheet  *sheet,
              guint   n_titles,
              guint   wrap_column)
{
  worksheet_freeze_panes (sheet->ws, 1, 0);
  check (ex, worksheet_autofilter (sheet->ws, 0, 0, MAX (sheet->row, 1) - 1, n_titles - 1));
  worksheet_set_landscape (sheet->ws);
  worksheet_set_paper (sheet->ws, 9);   /* A4 */
  worksheet_fit_to_pages (sheet->ws, 1, 0);
  check (ex, worksheet_repeat_rows (sheet->ws, 0, 0));
  worksheet_set_margins (sheet->ws, 0.5, 0.5, 0.6, 0.6);

  for (guint c = 0; c < MAX (sheet->widths->len, n_titles); c++)
    {
      /* the header carries the filter button: keep room for it */
      double width = (c < sheet->widths->len ? g_array_index (sheet->widths, guint, c) : 0) + 2;

      if (c == wrap_column)
        {
          check (ex, worksheet_set_column (sheet->ws, c, c, QUOTE_WIDTH, ex->wrap));
          continue;
        }
      check (ex, worksheet_set_column (sheet->ws, c, c, CLAMP (width, 6, 50), NULL));
    }
}

static Sheet *
add_sheet (Export   *ex,
           StringId  name)
{
  Sheet *sheet = g_new0 (Sheet, 1);

  sheet->widths = g_array_new (FALSE, TRUE, sizeof (guint));

  sheet->ws = workbook_add_worksheet (ex->wb, tr (ex->language, name));
  if (sheet->ws == NULL)
    check (ex, LXW_ERROR_SHEETNAME_ALREADY_USED);
  return sheet;
}

static void
sheet_free (Sheet *sheet)
{
  if (sheet == NULL)
    return;
  g_array_unref (sheet->widths);
  g_free (sheet);
}

static char *
report_label (ZbReport *report)
{
  const char *title = zb_report_get_title (report);

  if (title != NULL && *title)
    return g_strdup (title);
  return g_path_get_basename (zb_report_get_path (report) ? zb_report_get_path (report) : "report");
}

static char *
figure_label (ZbFigure *figure)
{
  const char *name = zb_figure_get_name (figure);
  const char *area = zb_figure_get_area (figure);

  if (name == NULL || *name == '\0')
    name = zb_figure_get_indicator (figure);
  if (name == NULL)
    name = "";
  if (area != NULL && *area && !g_str_has_prefix (name, area))
    return g_strdup_printf ("%s（%s）", name, area);
  return g_strdup (name);
}

static void
comment_original (Export    *ex,
                  Sheet     *sheet,
                  lxw_row_t  row,
                  lxw_col_t  col,
                  ZbFigure  *figure,
                  ZbField    field)
{
  g_autofree char *original = NULL;
  g_autofree char *text = NULL;
  const char *note = NULL;
  GPtrArray *corrections;
  lxw_comment_options options = { 0 };

  if (!zb_figure_field_is_corrected (figure, field))
    return;

  original = zb_figure_dup_original (figure, field);
  corrections = zb_figure_get_corrections (figure);
  for (guint i = 0; corrections != NULL && i < corrections->len; i++)
    {
      ZbCorrection *c = g_ptr_array_index (corrections, i);
      if (c->field == field && c->note != NULL && *c->note)
        note = c->note;
    }

  text = g_strdup_printf (tr (ex->language, S_ORIGINAL),
                          original ? original : tr (ex->language, S_EMPTY));
  if (note != NULL)
    {
      char *with_note = g_strconcat (text, "\n", note, NULL);
      g_free (text);
      text = with_note;
    }
  options.author = "Zhibiao";
  {
    /* a note typed in an old workspace may hold what XML cannot */
    g_autofree char *clean = zb_utf8_dup_clean (text, -1);
    check (ex, worksheet_write_comment_opt (sheet->ws, row, col, clean, &options));
  }
}

static gboolean
is_summary_figure (ZbFigure *figure)
{
  ZbFigureKind kind = zb_figure_get_kind (figure);
  const char *area = zb_figure_get_area (figure);

  /* the report's own area: a benchmark's (全国, 全省 …) is another row's business */
  return !zb_figure_get_deleted (figure) && (area == NULL || *area == '\0')
      && (kind == ZB_FIGURE_ACTUAL || kind == ZB_FIGURE_PROGRESS)
      && (zb_figure_get_value (figure)->set || zb_figure_get_change (figure)->set);
}

typedef struct {
  char      *label;
  ZbFigure **figures;   /* one per report, NULL where the report lacks it */
} SummaryRow;

static void
summary_row_free (gpointer data)
{
  SummaryRow *row = data;

  g_free (row->label);
  g_free (row->figures);
  g_free (row);
}

/* One row per indicator, in the order they first appear. */
static GPtrArray *
collect_summary (Export *ex)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (summary_row_free);
  g_autoptr(GHashTable) by_label = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint r = 0; r < ex->reports->len; r++)
    {
      GListModel *figures = zb_report_get_figures (g_ptr_array_index (ex->reports, r));
      guint n = g_list_model_get_n_items (figures);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ZbFigure) figure = g_list_model_get_item (figures, i);
          g_autofree char *label = NULL;
          SummaryRow *row;

          if (!is_summary_figure (figure))
            continue;
          label = figure_label (figure);
          row = g_hash_table_lookup (by_label, label);
          if (row == NULL)
            {
              row = g_new0 (SummaryRow, 1);
              row->label = g_steal_pointer (&label);
              row->figures = g_new0 (ZbFigure *, ex->reports->len);
              g_ptr_array_add (rows, row);
              g_hash_table_insert (by_label, row->label, row);
            }
          /* the report model keeps the figure alive */
          if (row->figures[r] == NULL)
            row->figures[r] = figure;
        }
    }
  return rows;
}

/* the first seven are what the native chart and older readers expect */
enum {
  G_PERIOD, G_VALUE, G_UNIT, G_GROWTH, G_TARGET, G_GAP, G_STATUS,
  G_COMPLETION, G_SCHEDULE, G_CHECK, G_N
};

/* Target, gap, status and progress of one summary cell, all from the ledger. */
static void
write_assessment (Export    *ex,
                  Sheet     *sheet,
                  lxw_row_t  y,
                  lxw_col_t  x,
                  ZbFigure  *f)
{
  const ZbAssessment *a = assess (ex, f);
  const ZbNumber *change = zb_figure_get_change (f);
  g_autofree char *flags = NULL;
  gint8 decimals = 1;

  if (a == NULL)
    return;
  if (a->target != NULL)
    {
      /* the growth target when the figure is a growth rate, else the amount */
      if (a->target->growth.set && (change->set || !a->target->value.set))
        {
          write_number (ex, sheet, y, x + G_TARGET, &a->target->growth, FALSE);
          decimals = MAX (change->decimals, a->target->growth.decimals);
        }
      else if (a->target->value.set)
        write_number (ex, sheet, y, x + G_TARGET, &a->target->value, FALSE);
      /* the target this very sentence states, corrected by the clerk */
      if (a->target->figure == f && zb_figure_field_is_corrected (f, ZB_FIELD_TARGET))
        comment_original (ex, sheet, y, x + G_TARGET, f, ZB_FIELD_TARGET);
    }
  if (!isnan (a->gap_pp))
    write_gap (ex, sheet, y, x + G_GAP, a->gap_pp, decimals);
  if (a->status != ZB_STATUS_UNKNOWN)
    write_text (ex, sheet, y, x + G_STATUS, zb_status_to_label (a->status, ex->language), NULL);
  write_share (ex, sheet, y, x + G_COMPLETION, a->completion);
  write_share (ex, sheet, y, x + G_SCHEDULE, a->schedule);
  flags = check_text (ex, a);
  write_text (ex, sheet, y, x + G_CHECK, flags, flags ? ex->text_marked : NULL);
}

/* Under the table, after a blank row (outside its filter): how much of
 * what the parser doubted the clerk has checked. */
static void
write_review_count (Export *ex,
                    Sheet  *sheet)
{
  g_autofree char *text = NULL;
  guint n_flagged = 0, n_reviewed = 0;

  for (guint r = 0; r < ex->reports->len; r++)
    {
      GListModel *figures = zb_report_get_figures (g_ptr_array_index (ex->reports, r));

      for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
        {
          g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);

          if (zb_figure_get_deleted (f) || !zb_figure_needs_review (f))
            continue;
          n_flagged++;
          n_reviewed += zb_figure_get_reviewed (f);
        }
    }
  if (n_flagged == 0)
    text = g_strdup (tr (ex->language, S_NONE_FLAGGED));
  else
    text = g_strdup_printf (tr (ex->language, S_REVIEW_COUNT), n_reviewed, n_flagged);
  check (ex, worksheet_write_string (sheet->ws, sheet->row + 1, 0, text, NULL));
}

static void
write_summary (Export    *ex,
               Sheet     *sheet,
               GPtrArray *rows)
{
  static const StringId group[G_N] = {
    S_PERIOD, S_VALUE, S_UNIT, S_GROWTH, S_TARGET, S_GAP, S_STATUS, S_COMPLETION, S_SCHEDULE, S_CHECK,
  };
  guint n_reports = ex->reports->len;
  guint n_titles = 1 + G_N * n_reports;
  g_autofree const char **titles = g_new0 (const char *, n_titles);
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  lxw_format *ahead, *behind, *on_track;

  titles[0] = tr (ex->language, S_INDICATOR);
  for (guint r = 0; r < n_reports; r++)
    for (guint g = 0; g < G_N; g++)
      {
        const char *title = tr (ex->language, group[g]);
        if (n_reports > 1)
          {
            /* several reports: one column group each, named after it */
            g_autofree char *label = report_label (g_ptr_array_index (ex->reports, r));
            char *t = g_strdup_printf ("%s · %s", label, title);
            g_ptr_array_add (owned, t);
            title = t;
          }
        titles[1 + r * G_N + g] = title;
      }
  write_header (ex, sheet, titles, n_titles);

  for (guint i = 0; i < rows->len && ex->lxw_status == LXW_NO_ERROR; i++)
    {
      SummaryRow *row = g_ptr_array_index (rows, i);
      lxw_row_t y = sheet->row++;

      write_text (ex, sheet, y, 0, row->label, NULL);
      for (guint r = 0; r < n_reports; r++)
        {
          ZbFigure *f = row->figures[r];
          lxw_col_t x = 1 + r * G_N;

          if (f == NULL)
            continue;
          write_text (ex, sheet, y, x + G_PERIOD, zb_figure_get_period (f), NULL);
          write_number (ex, sheet, y, x + G_VALUE, zb_figure_get_value (f),
                        zb_figure_field_is_corrected (f, ZB_FIELD_VALUE));
          comment_original (ex, sheet, y, x + G_VALUE, f, ZB_FIELD_VALUE);
          write_text (ex, sheet, y, x + G_UNIT, zb_figure_get_unit (f), NULL);
          write_number (ex, sheet, y, x + G_GROWTH, zb_figure_get_change (f),
                        zb_figure_field_is_corrected (f, ZB_FIELD_CHANGE));
          comment_original (ex, sheet, y, x + G_GROWTH, f, ZB_FIELD_CHANGE);
          write_assessment (ex, sheet, y, x, f);
        }
    }

  /* status colours as conditional formats, so a clerk's edit recolours */
  ahead = workbook_add_format (ex->wb);
  format_set_bg_color (ahead, 0xC6EFCE);
  format_set_font_color (ahead, 0x006100);
  on_track = workbook_add_format (ex->wb);
  format_set_bg_color (on_track, 0xFFEB9C);
  format_set_font_color (on_track, 0x9C5700);
  behind = workbook_add_format (ex->wb);
  format_set_bg_color (behind, 0xFFC7CE);
  format_set_font_color (behind, 0x9C0006);

  if (sheet->row > 1)
    for (guint r = 0; r < n_reports; r++)
      {
        lxw_col_t x = 1 + r * G_N + G_STATUS;
        struct { ZbStatus status; lxw_format *format; } rules[] = {
          { ZB_STATUS_AHEAD, ahead }, { ZB_STATUS_ON_TRACK, on_track }, { ZB_STATUS_BEHIND, behind },
        };

        for (guint k = 0; k < G_N_ELEMENTS (rules); k++)
          {
            lxw_conditional_format cf = { 0 };
            g_autofree char *quoted = g_strdup_printf ("\"%s\"",
                                                       zb_status_to_label (rules[k].status, ex->language));
            cf.type = LXW_CONDITIONAL_TYPE_CELL;
            cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
            cf.value_string = quoted;
            cf.format = rules[k].format;
            check (ex, worksheet_conditional_format_range (sheet->ws, 1, x, sheet->row - 1, x, &cf));
          }
      }

  finish_sheet (ex, sheet, n_titles, G_MAXUINT);
  write_review_count (ex, sheet);
}

enum {
  D_REPORT, D_SECTION, D_KIND, D_INDICATOR, D_AREA, D_PERIOD, D_VALUE, D_UNIT,
  D_GROWTH, D_GROWTH_UNIT, D_TARGET, D_GAP, D_RANK, D_LINE, D_QUOTE, D_REVIEWED, D_TO_CHECK, D_N
};

static const char *
kind_label (Export       *ex,
            ZbFigureKind  kind)
{
  switch (kind)
    {
    case ZB_FIGURE_TARGET: return tr (ex->language, S_KIND_TARGET);
    case ZB_FIGURE_GAP: return tr (ex->language, S_KIND_GAP);
    case ZB_FIGURE_PROGRESS: return tr (ex->language, S_KIND_PROGRESS);
    case ZB_FIGURE_ACTUAL:
    default: return tr (ex->language, S_KIND_ACTUAL);
    }
}

/* Whether the clerk reviewed the figure, and why the parser doubts it. */
static void
write_review (Export    *ex,
              Sheet     *sheet,
              lxw_row_t  y,
              ZbFigure  *f)
{
  g_autoptr(GPtrArray) reasons = NULL;
  g_autoptr(GString) why = NULL;

  write_text (ex, sheet, y, D_REVIEWED, tr (ex->language, zb_figure_get_reviewed (f) ? S_YES : S_NO), NULL);
  if (!zb_figure_needs_review (f))
    return;
  reasons = zb_evidence_reasons (zb_figure_get_evidence (f));
  why = g_string_new (NULL);
  for (guint i = 0; i < reasons->len; i++)
    {
      if (i > 0)
        g_string_append (why, tr (ex->language, S_SEPARATOR));
      g_string_append (why, zb_i18n_gettext (ex->language, g_ptr_array_index (reasons, i)));
    }
  /* flagged by the confidence of its rule alone */
  if (why->len == 0)
    g_string_append (why, "⚠");
  write_text (ex, sheet, y, D_TO_CHECK, why->str, NULL);
}

/* Rows the parser doubts and the clerk has not reviewed, as a conditional
 * format: marking one reviewed in the sheet takes its colour away. */
static void
highlight_flagged (Export *ex,
                   Sheet  *sheet)
{
  lxw_conditional_format cf = { 0 };
  g_autofree char *formula = NULL;
  lxw_format *flagged;

  if (sheet->row <= 1)
    return;
  flagged = workbook_add_format (ex->wb);
  format_set_bg_color (flagged, 0xFCE4D6);
  formula = g_strdup_printf ("=AND($%c2<>\"\",$%c2=\"%s\")", 'A' + D_TO_CHECK, 'A' + D_REVIEWED,
                             tr (ex->language, S_NO));
  cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
  cf.value_string = formula;
  cf.format = flagged;
  check (ex, worksheet_conditional_format_range (sheet->ws, 1, 0, sheet->row - 1, D_N - 1, &cf));
}

static void
write_details (Export *ex,
               Sheet  *sheet)
{
  static const StringId ids[D_N] = {
    S_REPORT, S_SECTION, S_KIND, S_INDICATOR, S_AREA, S_PERIOD, S_VALUE, S_UNIT,
    S_GROWTH, S_GROWTH_UNIT, S_TARGET, S_GAP, S_RANK, S_LINE, S_QUOTE, S_REVIEWED, S_TO_CHECK,
  };
  /* text fields and the column each one is shown in */
  static const struct { ZbField field; guint col; } text_fields[] = {
    { ZB_FIELD_NAME, D_INDICATOR }, { ZB_FIELD_AREA, D_AREA }, { ZB_FIELD_PERIOD, D_PERIOD },
    { ZB_FIELD_UNIT, D_UNIT }, { ZB_FIELD_KIND, D_KIND }, { ZB_FIELD_CHANGE_UNIT, D_GROWTH_UNIT },
    { ZB_FIELD_RANK, D_RANK },
  };
  const char *titles[D_N];

  for (guint i = 0; i < D_N; i++)
    titles[i] = tr (ex->language, ids[i]);
  write_header (ex, sheet, titles, D_N);

  for (guint r = 0; r < ex->reports->len; r++)
    {
      ZbReport *report = g_ptr_array_index (ex->reports, r);
      GListModel *figures = zb_report_get_figures (report);
      guint n = g_list_model_get_n_items (figures);
      g_autofree char *label = report_label (report);
      g_autofree char *region = zb_report_dup_region (report);
      g_autoptr(GHashTable) paths = g_hash_table_new_full (NULL, NULL, NULL, g_free);

      for (guint i = 0; i < n && ex->lxw_status == LXW_NO_ERROR; i++)
        {
          g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);
          int section = zb_figure_get_section (f);
          const char *path;
          lxw_row_t y;

          if (zb_figure_get_deleted (f))
            continue;
          if ((i & 1023) == 0 && g_cancellable_is_cancelled (ex->cancellable))
            return;

          path = g_hash_table_lookup (paths, GINT_TO_POINTER (section + 1));
          if (path == NULL)
            {
              char *p = zb_report_dup_section_path (report, section);
              g_hash_table_insert (paths, GINT_TO_POINTER (section + 1), p);
              path = p;
            }

          y = sheet->row++;
          write_text (ex, sheet, y, D_REPORT, label, NULL);
          write_text (ex, sheet, y, D_SECTION, path, NULL);
          for (guint k = 0; k < G_N_ELEMENTS (text_fields); k++)
            {
              g_autofree char *value = NULL;
              gboolean corrected = zb_figure_field_is_corrected (f, text_fields[k].field);

              if (text_fields[k].field == ZB_FIELD_KIND)
                value = g_strdup (kind_label (ex, zb_figure_get_kind (f)));
              else
                value = zb_figure_dup_field (f, text_fields[k].field);
              /* no area of its own: the report's */
              if (text_fields[k].field == ZB_FIELD_AREA && value == NULL)
                value = g_strdup (region);

              /* the rank is a number in the sheet */
              if (text_fields[k].field == ZB_FIELD_RANK && value != NULL)
                {
                  ZbNumber rank = { zb_figure_get_rank (f), 0, TRUE };
                  write_number (ex, sheet, y, D_RANK, &rank, corrected);
                }
              else
                write_text (ex, sheet, y, text_fields[k].col, value,
                            corrected ? ex->text_marked : NULL);
              comment_original (ex, sheet, y, text_fields[k].col, f, text_fields[k].field);
            }
          write_number (ex, sheet, y, D_VALUE, zb_figure_get_value (f),
                        zb_figure_field_is_corrected (f, ZB_FIELD_VALUE));
          comment_original (ex, sheet, y, D_VALUE, f, ZB_FIELD_VALUE);
          write_number (ex, sheet, y, D_GROWTH, zb_figure_get_change (f),
                        zb_figure_field_is_corrected (f, ZB_FIELD_CHANGE));
          comment_original (ex, sheet, y, D_GROWTH, f, ZB_FIELD_CHANGE);
          write_number (ex, sheet, y, D_TARGET, zb_figure_get_target (f),
                        zb_figure_field_is_corrected (f, ZB_FIELD_TARGET));
          comment_original (ex, sheet, y, D_TARGET, f, ZB_FIELD_TARGET);
          write_number (ex, sheet, y, D_GAP, zb_figure_get_gap (f),
                        zb_figure_field_is_corrected (f, ZB_FIELD_GAP));
          comment_original (ex, sheet, y, D_GAP, f, ZB_FIELD_GAP);
          if (zb_figure_get_line (f) > 0)
            {
              ZbNumber line = { zb_figure_get_line (f), 0, TRUE };
              write_number (ex, sheet, y, D_LINE, &line, FALSE);
            }
          write_text (ex, sheet, y, D_QUOTE, zb_figure_get_quote (f), ex->wrap);
          write_review (ex, sheet, y, f);
        }
    }

  highlight_flagged (ex, sheet);
  finish_sheet (ex, sheet, D_N, D_QUOTE);
}

enum {
  T_REPORT, T_INDICATOR, T_YEAR, T_AREA, T_TARGET, T_VALUE, T_UNIT, T_QUALIFIER, T_CHECK, T_QUOTE, T_N
};

/* The ledger's targets, one row each; where one indicator has different
 * targets for the same year and area, every one of them is marked. */
static void
write_targets (Export *ex,
               Sheet  *sheet)
{
  static const StringId ids[T_N] = {
    S_REPORT, S_INDICATOR, S_YEAR, S_AREA, S_TARGET, S_TARGET_VALUE, S_UNIT, S_QUALIFIER, S_CHECK, S_QUOTE,
  };
  const char *titles[T_N];
  g_autoptr(GPtrArray) targets = zb_ledger_list_targets (ex->ledger);

  for (guint i = 0; i < T_N; i++)
    titles[i] = tr (ex->language, ids[i]);
  write_header (ex, sheet, titles, T_N);

  for (guint i = 0; i < targets->len && ex->lxw_status == LXW_NO_ERROR; i++)
    {
      const ZbTarget *t = g_ptr_array_index (targets, i);
      g_autoptr(GPtrArray) same = zb_ledger_get_targets (ex->ledger, t->indicator, t->year, t->area);
      guint report = t->figure ? GPOINTER_TO_UINT (g_hash_table_lookup (ex->report_of, t->figure)) : 0;
      lxw_row_t y = sheet->row++;
      guint rivals = 0;

      if (report > 0)
        {
          g_autofree char *label = report_label (g_ptr_array_index (ex->reports, report - 1));
          write_text (ex, sheet, y, T_REPORT, label, NULL);
        }
      write_text (ex, sheet, y, T_INDICATOR, t->indicator, NULL);
      if (t->year > 0)
        {
          ZbNumber year = { t->year, 0, TRUE };
          write_number (ex, sheet, y, T_YEAR, &year, FALSE);
        }
      write_text (ex, sheet, y, T_AREA, t->area, NULL);
      write_number (ex, sheet, y, T_TARGET, &t->growth, FALSE);
      write_number (ex, sheet, y, T_VALUE, &t->value, FALSE);
      write_text (ex, sheet, y, T_UNIT, t->value.set ? t->unit : NULL, NULL);
      write_text (ex, sheet, y, T_QUALIFIER, t->qualifier, NULL);
      /* rivals apply where this one does (a quarter's typed target and
       * the year's are not) */
      for (guint k = 0; k < same->len; k++)
        rivals += zb_target_periods_overlap (t, g_ptr_array_index (same, k));
      if (rivals > 1)
        {
          g_autofree char *conflict = g_strdup_printf (tr (ex->language, S_CONFLICT), rivals);
          g_autofree char *flag = g_strconcat ("⚠ ", conflict, NULL);
          write_text (ex, sheet, y, T_CHECK, flag, ex->text_marked);
        }
      if (t->figure != NULL)
        write_text (ex, sheet, y, T_QUOTE, zb_figure_get_quote (t->figure), ex->wrap);
    }

  finish_sheet (ex, sheet, T_N, T_QUOTE);
}

enum { C_REPORT, C_INDICATOR, C_LINE, C_FIELD, C_OLD, C_NEW, C_TIME, C_NOTE, C_N };

/* A field as the sheet's other columns name it. */
static const char *
field_label (Export  *ex,
             ZbField  field)
{
  static const StringId ids[ZB_N_FIELDS] = {
    [ZB_FIELD_KIND] = S_KIND, [ZB_FIELD_NAME] = S_INDICATOR, [ZB_FIELD_INDICATOR] = S_FIELD_INDICATOR,
    [ZB_FIELD_AREA] = S_AREA, [ZB_FIELD_VALUE] = S_VALUE, [ZB_FIELD_UNIT] = S_UNIT,
    [ZB_FIELD_CHANGE] = S_GROWTH, [ZB_FIELD_CHANGE_UNIT] = S_GROWTH_UNIT, [ZB_FIELD_BASE_VALUE] = S_FIELD_BASE,
    [ZB_FIELD_QUALIFIER] = S_QUALIFIER, [ZB_FIELD_REFERENCE] = S_FIELD_REFERENCE, [ZB_FIELD_PERIOD] = S_PERIOD,
    [ZB_FIELD_TARGET] = S_TARGET, [ZB_FIELD_GAP] = S_GAP, [ZB_FIELD_RANK] = S_RANK,
    [ZB_FIELD_DELETED] = S_FIELD_DELETED, [ZB_FIELD_REVIEWED] = S_REVIEWED,
  };

  return field < ZB_N_FIELDS ? tr (ex->language, ids[field]) : "";
}

/* A value of @field as the reader says it: yes and no, the kind's word. */
static const char *
value_label (Export     *ex,
             ZbField     field,
             const char *value)
{
  ZbFigureKind kind;

  if (value == NULL)
    return field == ZB_FIELD_DELETED ? tr (ex->language, S_NO) : tr (ex->language, S_EMPTY);
  if (field == ZB_FIELD_DELETED || field == ZB_FIELD_REVIEWED)
    return tr (ex->language, g_str_equal (value, "true") || g_str_equal (value, "1") ? S_YES : S_NO);
  if (field == ZB_FIELD_KIND && zb_figure_kind_from_string (value, &kind))
    return kind_label (ex, kind);
  return value;
}

/* The notes Undo and Redo write, in the sheet's language whatever the
 * language they were written in. */
static const char *
note_label (Export     *ex,
            const char *note)
{
  static const StringId ids[] = { S_UNDO, S_REDO, S_ADDED };

  for (guint i = 0; note != NULL && i < G_N_ELEMENTS (ids); i++)
    if (g_str_equal (note, strings[ids[i]]) || g_str_equal (note, zb_i18n_gettext ("zh_CN", strings[ids[i]])))
      return tr (ex->language, ids[i]);
  return note;
}

static void
write_corrections (Export *ex,
                   Sheet  *sheet)
{
  static const StringId ids[C_N] = {
    S_REPORT, S_INDICATOR, S_LINE, S_FIELD, S_OLD, S_NEW, S_TIME, S_NOTE,
  };
  const char *titles[C_N];

  for (guint i = 0; i < C_N; i++)
    titles[i] = tr (ex->language, ids[i]);
  write_header (ex, sheet, titles, C_N);

  for (guint r = 0; r < ex->reports->len; r++)
    {
      ZbReport *report = g_ptr_array_index (ex->reports, r);
      GListModel *figures = zb_report_get_figures (report);
      guint n = g_list_model_get_n_items (figures);
      g_autofree char *label = report_label (report);

      for (guint i = 0; i < n && ex->lxw_status == LXW_NO_ERROR; i++)
        {
          g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);
          GPtrArray *corrections = zb_figure_get_corrections (f);
          g_autofree char *name = NULL;

          if (corrections == NULL || corrections->len == 0)
            continue;
          name = figure_label (f);
          for (guint k = 0; k < corrections->len; k++)
            {
              ZbCorrection *c = g_ptr_array_index (corrections, k);
              lxw_row_t y = sheet->row++;
              g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (c->time / G_USEC_PER_SEC);
              lxw_datetime when = { 0 };

              write_text (ex, sheet, y, C_REPORT, label, NULL);
              write_text (ex, sheet, y, C_INDICATOR, name, NULL);
              if (zb_figure_get_line (f) > 0)
                {
                  ZbNumber line = { zb_figure_get_line (f), 0, TRUE };
                  write_number (ex, sheet, y, C_LINE, &line, FALSE);
                }
              write_text (ex, sheet, y, C_FIELD, field_label (ex, c->field), NULL);
              write_text (ex, sheet, y, C_OLD, value_label (ex, c->field, c->old_value), NULL);
              write_text (ex, sheet, y, C_NEW, value_label (ex, c->field, c->new_value), NULL);
              if (local != NULL)
                {
                  when.year = g_date_time_get_year (local);
                  when.month = g_date_time_get_month (local);
                  when.day = g_date_time_get_day_of_month (local);
                  when.hour = g_date_time_get_hour (local);
                  when.min = g_date_time_get_minute (local);
                  when.sec = g_date_time_get_second (local);
                  check (ex, worksheet_write_datetime (sheet->ws, y, C_TIME, &when, ex->datetime));
                  note_width (sheet, C_TIME, "2024-01-01 00:00");
                }
              write_text (ex, sheet, y, C_NOTE, note_label (ex, c->note), ex->wrap);
            }
        }
    }

  finish_sheet (ex, sheet, C_N, C_NOTE);
}

/* ---------------------------------------------------------------- */

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The project's gap chart of the summary's growth rates, as a PNG: the
 * same picture the application and zhibiao-cli chart draw. */
static GByteArray *
render_gap_chart (Export    *ex,
                  GPtrArray *rows)
{
  g_autoptr(GPtrArray) assessments = g_ptr_array_new ();
  g_autoptr(ZbChart) chart = NULL;
  g_autoptr(GByteArray) png = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int width, height;

  /* report by report, in the summary's order */
  for (guint r = 0; r < ex->reports->len; r++)
    for (guint i = 0; i < rows->len; i++)
      {
        SummaryRow *row = g_ptr_array_index (rows, i);
        const ZbAssessment *a = row->figures[r] ? assess (ex, row->figures[r]) : NULL;

        if (a != NULL)
          g_ptr_array_add (assessments, (gpointer) a);
      }

  chart = zb_chart_new_gap (assessments, NULL, ex->language);
  if (zb_chart_get_n_categories (chart) == 0)
    return NULL;

  zb_chart_get_natural_size (chart, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  zb_chart_draw (chart, cr, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_png, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_warning ("Cannot draw the gap chart: %s", cairo_status_to_string (status));
      return NULL;
    }
  return g_steal_pointer (&png);
}

static GByteArray *
write_chart (Export     *ex,
             Sheet      *sheet,
             Sheet      *summary,
             GPtrArray  *rows)
{
  const char *summary_name = tr (ex->language, S_SUMMARY);
  lxw_chart *chart;
  lxw_chart_series *series;
  lxw_chart_options options = { 0 };
  lxw_chart_fill growth_fill = { .color = 0x4472C4 };
  lxw_chart_fill target_fill = { .color = 0xA5A5A5 };
  lxw_row_t last = MIN (summary->row - 1, CHART_MAX_BARS);
  GByteArray *png;

  if (summary->row <= 1)
    {
      write_text (ex, sheet, 0, 0, tr (ex->language, S_NO_INDICATORS), NULL);
      return NULL;
    }

  chart = workbook_add_chart (ex->wb, LXW_CHART_COLUMN);
  chart_title_set_name (chart, tr (ex->language, S_CHART_TITLE));
  series = chart_add_series (chart, NULL, NULL);
  chart_series_set_categories (series, summary_name, 1, 0, last, 0);
  chart_series_set_values (series, summary_name, 1, 1 + G_GROWTH, last, 1 + G_GROWTH);
  chart_series_set_name_range (series, summary_name, 0, 1 + G_GROWTH);
  chart_series_set_fill (series, &growth_fill);
  series = chart_add_series (chart, NULL, NULL);
  chart_series_set_categories (series, summary_name, 1, 0, last, 0);
  chart_series_set_values (series, summary_name, 1, 1 + G_TARGET, last, 1 + G_TARGET);
  chart_series_set_name_range (series, summary_name, 0, 1 + G_TARGET);
  chart_series_set_fill (series, &target_fill);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);

  options.x_scale = 1.6;
  options.y_scale = 1.4;
  check (ex, worksheet_insert_chart_opt (sheet->ws, 1, 1, chart, &options));

  png = render_gap_chart (ex, rows);
  if (png != NULL)
    check (ex, worksheet_insert_image_buffer (sheet->ws, 24, 1, png->data, png->len));

  worksheet_set_landscape (sheet->ws);
  worksheet_set_paper (sheet->ws, 9);
  worksheet_fit_to_pages (sheet->ws, 1, 0);
  return png;
}

/* ---------------------------------------------------------------- */

static void
set_properties (Export                  *ex,
                const ZbWorkbookOptions *options)
{
  lxw_doc_properties props = { 0 };
  g_autofree char *title = NULL;
  g_autofree char *clean_title = NULL;
  g_autofree char *clean_subject = NULL;
  g_autofree char *clean_author = NULL;
  g_autoptr(GString) subject = g_string_new (NULL);

  for (guint r = 0; r < ex->reports->len; r++)
    {
      g_autofree char *label = report_label (g_ptr_array_index (ex->reports, r));
      if (r > 0)
        g_string_append (subject, tr (ex->language, S_SEPARATOR));
      g_string_append (subject, label);
    }
  if (options->title != NULL)
    title = g_strdup (options->title);
  else if (subject->len > 0)
    title = g_strdup_printf ("%s — %s", tr (ex->language, S_WORKBOOK_TITLE), subject->str);
  else
    title = g_strdup (tr (ex->language, S_WORKBOOK_TITLE));

  /* file names and the user's real name are the system's bytes, not
   * necessarily UTF-8: the properties are XML */
  clean_title = zb_utf8_dup_clean (title, -1);
  clean_subject = zb_utf8_dup_clean (options->subject ? options->subject : subject->str, -1);
  clean_author = zb_utf8_dup_clean (options->author ? options->author : g_get_real_name (), -1);
  props.title = clean_title;
  props.subject = clean_subject;
  props.author = clean_author;
  props.comments = "Zhibiao " PACKAGE_VERSION;
  props.created = time (NULL);
  check (ex, workbook_set_properties (ex->wb, &props));
}

/* libxlsxwriter reports what goes wrong on stderr ("[ERROR] workbook_close():
 * Zip ZIP_ERRNO error … System error = No space left on device") besides
 * returning an error code. Its lines are caught while it works and become
 * the reason in the export's one-line error; other lines (our own
 * warnings) go on to stderr. Exports take turns: the descriptor is the
 * process's. */
typedef struct {
  int      saved;
  FILE    *capture;
  char    *messages;
} Quiet;

static GMutex quiet_lock;

static void
begin_quiet (Quiet *q)
{
  g_mutex_lock (&quiet_lock);
  fflush (stderr);
  q->saved = -1;
  q->capture = tmpfile ();
  if (q->capture == NULL)
    q->capture = fopen ("/dev/null", "w+");
  if (q->capture != NULL)
    {
      q->saved = dup (STDERR_FILENO);
      if (q->saved >= 0)
        dup2 (fileno (q->capture), STDERR_FILENO);
    }
}

/* "[ERROR][workbook.c:2049]: text", "[WARNING]: text", "[ERROR] text" */
static const char *
library_text (char *line)
{
  const char *p = line;

  if (!g_str_has_prefix (line, "[ERROR]") && !g_str_has_prefix (line, "[WARNING]"))
    return NULL;
  while (*p == '[')
    {
      const char *close = strchr (p, ']');
      if (close == NULL)
        break;
      p = close + 1;
    }
  while (*p == ':' || *p == ' ')
    p++;
  return p;
}

static void
end_quiet (Quiet *q)
{
  GString *msg = g_string_new (NULL);
  GString *others = g_string_new (NULL);
  const char *reason = NULL;

  fflush (stderr);
  if (q->saved >= 0)
    {
      dup2 (q->saved, STDERR_FILENO);
      close (q->saved);
    }
  if (q->capture != NULL)
    {
      char line[1024];

      rewind (q->capture);
      while (fgets (line, sizeof line, q->capture) != NULL)
        {
          const char *text = library_text (line);

          if (text == NULL)
            {
              g_string_append (others, line);
              continue;
            }
          g_strchomp ((char *) text);
          if (*text == '\0')
            continue;
          if (msg->len > 0)
            g_string_append (msg, "; ");
          g_string_append (msg, text);
        }
      fclose (q->capture);
    }
  if (others->len > 0)
    fputs (others->str, stderr);
  g_string_free (others, TRUE);

  /* the system's reason first, when libxlsxwriter names one */
  if ((reason = strstr (msg->str, "System error = ")) != NULL)
    {
      g_autofree char *first = g_strndup (reason + strlen ("System error = "),
                                          strcspn (reason + strlen ("System error = "), ";"));
      g_string_prepend (msg, " (");
      g_string_prepend (msg, g_strstrip (first));
      g_string_append_c (msg, ')');
    }
  g_free (q->messages);
  q->messages = msg->len > 0 ? zb_utf8_dup_clean (msg->str, msg->len) : NULL;
  g_string_free (msg, TRUE);
  g_mutex_unlock (&quiet_lock);
}

static gboolean
cancelled (Export  *ex,
           GError **error)
{
  return g_cancellable_set_error_if_cancelled (ex->cancellable, error);
}

/* The cell formats every sheet shares (numbers get theirs by decimals). */
static void
add_formats (Export *ex)
{
  ex->header = workbook_add_format (ex->wb);
  format_set_bold (ex->header);
  format_set_bg_color (ex->header, 0xD9E1F2);
  format_set_bottom (ex->header, LXW_BORDER_THIN);
  format_set_align (ex->header, LXW_ALIGN_VERTICAL_CENTER);
  ex->text = workbook_add_format (ex->wb);
  format_set_align (ex->text, LXW_ALIGN_VERTICAL_TOP);
  ex->text_marked = workbook_add_format (ex->wb);
  format_set_align (ex->text_marked, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color (ex->text_marked, 0xFFF2CC);
  ex->wrap = workbook_add_format (ex->wb);
  format_set_text_wrap (ex->wrap);
  format_set_align (ex->wrap, LXW_ALIGN_VERTICAL_TOP);
  ex->percent = workbook_add_format (ex->wb);
  format_set_num_format (ex->percent, "0.0%");
  ex->datetime = workbook_add_format (ex->wb);
  format_set_num_format (ex->datetime, "yyyy-mm-dd hh:mm");
}

/* The comparison's workbook: its Compare sheet, then the figures and the
 * corrections behind it. */
static gboolean
export_comparison (Export                  *ex,
                   const ZbWorkbookOptions *options,
                   GError                 **error)
{
  Sheet *details, *corrections;

  check (ex, _zb_workbook_add_compare (ex->wb, options->comparison, ex->language,
                                       options->chart_indicators, ex->cancellable));
  details = add_sheet (ex, S_DETAILS);
  corrections = add_sheet (ex, S_CORRECTIONS);
  if (ex->lxw_status == LXW_NO_ERROR && !cancelled (ex, error))
    write_details (ex, details);
  if (ex->lxw_status == LXW_NO_ERROR && !cancelled (ex, error))
    write_corrections (ex, corrections);
  sheet_free (details);
  sheet_free (corrections);
  return !cancelled (ex, error);
}

gboolean
zb_workbook_export (GPtrArray               *reports,
                    const ZbWorkbookOptions *options,
                    const char              *path,
                    GError                 **error)
{
  static const ZbWorkbookOptions defaults = { 0 };
  g_autofree char *dir = NULL;
  ZbSave save;
  Quiet quiet = { 0 };
  g_autoptr(GHashTable) formats = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GByteArray) png = NULL;
  g_autoptr(ZbLedger) ledger = NULL;
  g_autoptr(GHashTable) assessed = NULL;
  g_autoptr(GHashTable) report_of = NULL;
  lxw_workbook_options wb_options = { 0 };
  Sheet *summary = NULL, *details = NULL, *targets = NULL, *corrections = NULL, *chart = NULL;
  Export ex = { 0 };
  lxw_error closed;
  gboolean ok = FALSE;

  g_return_val_if_fail (reports != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    options = &defaults;

  /* the temporary file lives next to the target so the rename is atomic;
   * the target must be a regular file we may replace */
  if (!zb_save_begin (&save, path, error))
    return FALSE;

  dir = g_path_get_dirname (path);
  wb_options.tmpdir = dir;
  /* from here to workbook_close(): libxlsxwriter may print */
  begin_quiet (&quiet);
  ex.wb = workbook_new_opt (save.tmp_path, &wb_options);
  if (ex.wb == NULL)
    {
      end_quiet (&quiet);
      zb_save_abort (&save);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot create the workbook “%s”%s%s"), path,
                   quiet.messages ? ": " : "", quiet.messages ? quiet.messages : "");
      g_free (quiet.messages);
      return FALSE;
    }

  ex.language = options->language;
  ex.reports = reports;
  ex.cancellable = options->cancellable;
  ex.formats = formats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ex.assessed = assessed = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) zb_assessment_free);
  ex.report_of = report_of = g_hash_table_new (NULL, NULL);

  /* one ledger for the whole workbook, so a 预期目标 sentence of a report
   * is the target of its actual figures */
  if (options->ledger != NULL)
    ledger = g_object_ref (options->ledger);
  else
    {
      ledger = zb_ledger_new ();
      for (guint r = 0; r < reports->len; r++)
        zb_ledger_add_report (ledger, g_ptr_array_index (reports, r));
    }
  ex.ledger = ledger;
  for (guint r = 0; r < reports->len; r++)
    {
      GListModel *figures = zb_report_get_figures (g_ptr_array_index (reports, r));

      for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
        {
          g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);
          /* the report model keeps the figure alive */
          if (!g_hash_table_contains (report_of, f))
            g_hash_table_insert (report_of, f, GUINT_TO_POINTER (r + 1));
        }
    }

  add_formats (&ex);

  set_properties (&ex, options);

  if (options->comparison != NULL)
    {
      ok = export_comparison (&ex, options, error);
      goto out;
    }

  summary = add_sheet (&ex, S_SUMMARY);
  details = add_sheet (&ex, S_DETAILS);
  targets = add_sheet (&ex, S_TARGETS);
  corrections = add_sheet (&ex, S_CORRECTIONS);
  chart = add_sheet (&ex, S_CHART);
  if (ex.lxw_status != LXW_NO_ERROR)
    goto out;

  rows = collect_summary (&ex);
  write_summary (&ex, summary, rows);
  if (cancelled (&ex, error))
    goto out;
  write_details (&ex, details);
  if (cancelled (&ex, error))
    goto out;
  write_targets (&ex, targets);
  write_corrections (&ex, corrections);
  if (cancelled (&ex, error))
    goto out;
  /* the image buffer must outlive workbook_close() */
  png = write_chart (&ex, chart, summary, rows);
  ok = TRUE;

out:
  /* libxlsxwriter writes the file here */
  closed = workbook_close (ex.wb);
  end_quiet (&quiet);
  if (ok && (ex.lxw_status != LXW_NO_ERROR || closed != LXW_NO_ERROR))
    {
      lxw_error err = ex.lxw_status != LXW_NO_ERROR ? ex.lxw_status : closed;

      /* its own message (with the system's reason) when it printed one */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write the workbook “%s”: %s"), path,
                   quiet.messages ? quiet.messages : lxw_strerror (err));
      ok = FALSE;
    }
  else if (!ok && error != NULL && *error == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("Cannot write the workbook “%s”: %s"), path, lxw_strerror (ex.lxw_status));
  g_free (quiet.messages);

  if (ok)
    ok = zb_save_commit (&save, error);
  else
    zb_save_abort (&save);

  sheet_free (summary);
  sheet_free (details);
  sheet_free (targets);
  sheet_free (corrections);
  sheet_free (chart);
  return ok;
}
