/* zb-comparison.c — reports side by side: a row per indicator and area, a column per report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A column's cell for a row is the report's actual about that indicator
 * (its canonical name through the column's ledger) and area, for the
 * column's period: a figure of another period (a quarter's report quoting
 * the half year) is not the column's, and a cell no figure fits stays
 * empty. Columns of one period are ranked against each other.
 */
#include "zb-comparison.h"

#include <math.h>
#include <string.h>

#include "zb-period.h"

struct _ZbComparisonRow
{
  GObject    parent_instance;

  ZbComparison *comparison;  /* not owned: it owns the row, and forgets it first */
  char      *indicator;
  char      *area;
  char      *label;
  guint      position;
  guint      order;     /* of its indicator, first seen */
  guint      area_order; /* of its area within the indicator, 0 for the own */
  GPtrArray *cells;     /* of ZbComparisonCell, NULL where missing */
};

G_DEFINE_FINAL_TYPE (ZbComparisonRow, zb_comparison_row, G_TYPE_OBJECT)

static void ensure_ranks (ZbComparison *self);
static gboolean ranks_dirty (ZbComparison *self);

typedef struct {
  ZbPeriod span;
  gboolean known;
} ColumnSpan;

struct _ZbComparison
{
  GObject     parent_instance;

  GPtrArray  *columns;    /* of ZbComparisonColumn */
  GArray     *spans;      /* of ColumnSpan, one per column */
  GPtrArray  *ledgers;    /* the ledger of each column */
  GPtrArray  *rows;       /* of ZbComparisonRow, in order */
  GHashTable *by_key;     /* "indicator\x1farea" → row */
  GHashTable *orders;     /* indicator → its order + 1 */
  gboolean    dirty;      /* a report added since the cells were ranked */
};

static void zb_comparison_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ZbComparison, zb_comparison, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, zb_comparison_list_model_init))

/* Rows ------------------------------------------------------------------ */

static void
cell_free (gpointer data)
{
  ZbComparisonCell *cell = data;

  if (cell == NULL)
    return;
  zb_assessment_free (cell->assessment);
  g_free (cell);
}

static void
zb_comparison_row_finalize (GObject *object)
{
  ZbComparisonRow *self = ZB_COMPARISON_ROW (object);

  g_free (self->indicator);
  g_free (self->area);
  g_free (self->label);
  g_ptr_array_unref (self->cells);

  G_OBJECT_CLASS (zb_comparison_row_parent_class)->finalize (object);
}

static void
zb_comparison_row_class_init (ZbComparisonRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zb_comparison_row_finalize;
}

static void
zb_comparison_row_init (ZbComparisonRow *self)
{
  self->cells = g_ptr_array_new_with_free_func (cell_free);
}

const char *
zb_comparison_row_get_indicator (ZbComparisonRow *self)
{
  g_return_val_if_fail (ZB_IS_COMPARISON_ROW (self), NULL);
  return self->indicator;
}

const char *
zb_comparison_row_get_area (ZbComparisonRow *self)
{
  g_return_val_if_fail (ZB_IS_COMPARISON_ROW (self), NULL);
  return self->area;
}

const char *
zb_comparison_row_get_label (ZbComparisonRow *self)
{
  g_return_val_if_fail (ZB_IS_COMPARISON_ROW (self), NULL);
  return self->label;
}

guint
zb_comparison_row_get_position (ZbComparisonRow *self)
{
  g_return_val_if_fail (ZB_IS_COMPARISON_ROW (self), 0);
  return self->position;
}

guint
zb_comparison_row_get_n_cells (ZbComparisonRow *self)
{
  g_return_val_if_fail (ZB_IS_COMPARISON_ROW (self), 0);
  return self->cells->len;
}

const ZbComparisonCell *
zb_comparison_row_get_cell (ZbComparisonRow *self,
                            guint            column)
{
  g_return_val_if_fail (ZB_IS_COMPARISON_ROW (self), NULL);
  /* ranked once, when first read after the reports were added */
  if (self->comparison != NULL && ranks_dirty (self->comparison))
    ensure_ranks (self->comparison);
  return column < self->cells->len ? g_ptr_array_index (self->cells, column) : NULL;
}

static gboolean
has_growth (const ZbComparisonCell *cell)
{
  ZbFigure *f = cell ? cell->assessment->figure : NULL;

  return f != NULL && zb_figure_get_change (f)->set && zb_figure_get_change_unit (f) == ZB_CHANGE_PERCENT;
}

guint
zb_comparison_row_count_growth (ZbComparisonRow *self)
{
  guint n = 0;

  g_return_val_if_fail (ZB_IS_COMPARISON_ROW (self), 0);
  for (guint i = 0; i < self->cells->len; i++)
    n += has_growth (g_ptr_array_index (self->cells, i));
  return n;
}

/* The model ------------------------------------------------------------ */

static GType
zb_comparison_get_item_type (GListModel *model)
{
  return ZB_TYPE_COMPARISON_ROW;
}

static guint
zb_comparison_get_n_items (GListModel *model)
{
  return ZB_COMPARISON (model)->rows->len;
}

static gpointer
zb_comparison_get_item (GListModel *model,
                        guint       position)
{
  ZbComparison *self = ZB_COMPARISON (model);

  if (position >= self->rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
zb_comparison_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = zb_comparison_get_item_type;
  iface->get_n_items = zb_comparison_get_n_items;
  iface->get_item = zb_comparison_get_item;
}

static void
column_free (gpointer data)
{
  ZbComparisonColumn *c = data;

  g_clear_object (&c->report);
  g_free (c->title);
  g_free (c->path);
  g_free (c->region);
  g_free (c->period);
  g_free (c->label);
  g_free (c);
}

static void
zb_comparison_finalize (GObject *object)
{
  ZbComparison *self = ZB_COMPARISON (object);

  /* a row someone still holds has no comparison to rank it */
  for (guint i = 0; i < self->rows->len; i++)
    ((ZbComparisonRow *) g_ptr_array_index (self->rows, i))->comparison = NULL;
  g_ptr_array_unref (self->columns);
  g_array_unref (self->spans);
  g_ptr_array_unref (self->ledgers);
  g_ptr_array_unref (self->rows);
  g_hash_table_unref (self->by_key);
  g_hash_table_unref (self->orders);

  G_OBJECT_CLASS (zb_comparison_parent_class)->finalize (object);
}

static void
zb_comparison_class_init (ZbComparisonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zb_comparison_finalize;
}

static void
zb_comparison_init (ZbComparison *self)
{
  self->columns = g_ptr_array_new_with_free_func (column_free);
  self->spans = g_array_new (FALSE, TRUE, sizeof (ColumnSpan));
  self->ledgers = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->orders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

ZbComparison *
zb_comparison_new (void)
{
  return g_object_new (ZB_TYPE_COMPARISON, NULL);
}

guint
zb_comparison_get_n_columns (ZbComparison *self)
{
  g_return_val_if_fail (ZB_IS_COMPARISON (self), 0);
  return self->columns->len;
}

const ZbComparisonColumn *
zb_comparison_get_column (ZbComparison *self,
                          guint         column)
{
  g_return_val_if_fail (ZB_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  return g_ptr_array_index (self->columns, column);
}

gboolean
zb_comparison_get_ranked (ZbComparison *self)
{
  g_return_val_if_fail (ZB_IS_COMPARISON (self), FALSE);

  for (guint i = 0; i < self->columns->len; i++)
    if (((ZbComparisonColumn *) g_ptr_array_index (self->columns, i))->n_same_period > 1)
      return TRUE;
  return FALSE;
}

char *
zb_comparison_dup_canonical (ZbComparison *self,
                             const char   *name)
{
  g_autoptr(ZbLedger) ledger = NULL;

  g_return_val_if_fail (ZB_IS_COMPARISON (self), NULL);

  /* every column's ledger has the same aliases */
  if (self->ledgers->len > 0)
    return zb_ledger_dup_canonical (g_ptr_array_index (self->ledgers, 0), name);
  ledger = zb_ledger_new ();
  return zb_ledger_dup_canonical (ledger, name);
}

static char *
row_key (const char *indicator,
         const char *area)
{
  return g_strconcat (indicator, "\x1f", area ? area : "", NULL);
}

ZbComparisonRow *
zb_comparison_find_row (ZbComparison *self,
                        const char   *name,
                        const char   *area)
{
  g_autofree char *canonical = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (ZB_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  canonical = zb_comparison_dup_canonical (self, name);
  key = row_key (canonical, area);
  return g_hash_table_lookup (self->by_key, key);
}

/* Periods --------------------------------------------------------------- */

/* 1-6月 and 上半年, 2025年1-6月 and 1-6月 (a year left out is the report's). */
static gboolean
same_span (const ZbPeriod *a,
           const ZbPeriod *b)
{
  return a->first_month == b->first_month && a->last_month == b->last_month &&
         a->cumulative == b->cumulative && (a->year == 0 || b->year == 0 || a->year == b->year);
}

static gboolean
parse_span (const char *label,
            ZbPeriod   *span)
{
  return label != NULL && zb_period_parse (label, span) && span->last_month > 0;
}

/* How well @figure fits a column of @column's period: 2 of that very
 * period, 1 of none written (or one that names no months: 同期, 今年以来),
 * 0 of another period. */
static int
period_fit (const ColumnSpan *column,
            ZbFigure         *figure,
            GHashTable       *fits)
{
  const char *label = zb_figure_get_period (figure);
  gpointer known;
  ZbPeriod span;
  int fit;

  if (label == NULL || !column->known)
    return 1;
  /* a report writes a handful of periods for its hundreds of figures */
  if ((known = g_hash_table_lookup (fits, label)) != NULL)
    return GPOINTER_TO_INT (known) - 1;
  if (!parse_span (label, &span))
    fit = 1;
  else
    fit = same_span (&column->span, &span) ? 2 : 0;
  g_hash_table_insert (fits, (gpointer) label, GINT_TO_POINTER (fit + 1));
  return fit;
}

/* Ranks ----------------------------------------------------------------- */

typedef struct {
  ZbComparisonCell *cell;
  double            key;
} Ranked;

static int
by_key_descending (gconstpointer a,
                   gconstpointer b)
{
  double x = ((const Ranked *) a)->key, y = ((const Ranked *) b)->key;

  return x > y ? -1 : x < y;
}

/* Competition ranks (1, 1, 3) of @items, highest first. */
static void
assign_ranks (GArray   *items,
              gboolean  by_growth)
{
  g_array_sort (items, by_key_descending);
  for (guint i = 0; i < items->len; i++)
    {
      Ranked *r = &g_array_index (items, Ranked, i);
      guint rank = i + 1;

      if (i > 0 && g_array_index (items, Ranked, i - 1).key == r->key)
        rank = by_growth ? g_array_index (items, Ranked, i - 1).cell->rank_growth
                         : g_array_index (items, Ranked, i - 1).cell->rank_value;
      if (by_growth)
        {
          r->cell->rank_growth = rank;
          r->cell->n_ranked_growth = items->len;
        }
      else
        {
          r->cell->rank_value = rank;
          r->cell->n_ranked_value = items->len;
        }
    }
}

/* Values rank in the unit most of the row's cells use (亿元 and 万元 are
 * one, scaled); a cell in another unit is not ranked. */
static void
rank_values (ZbComparisonRow *row,
             GArray          *members,
             GArray          *items)
{
  g_autoptr(GHashTable) units = g_hash_table_new (g_str_hash, g_str_equal);
  const char *unit = NULL;
  guint best = 0;

  for (guint k = 0; k < members->len; k++)
    {
      ZbComparisonCell *cell = g_ptr_array_index (row->cells, g_array_index (members, guint, k));
      const char *rest;
      guint n;

      if (cell == NULL || !zb_figure_get_value (cell->assessment->figure)->set)
        continue;
      zb_unit_scale (zb_figure_get_unit (cell->assessment->figure), &rest);
      n = GPOINTER_TO_UINT (g_hash_table_lookup (units, rest)) + 1;
      g_hash_table_insert (units, (gpointer) rest, GUINT_TO_POINTER (n));
      if (n > best)
        {
          best = n;
          unit = rest;
        }
    }
  g_array_set_size (items, 0);
  for (guint k = 0; unit != NULL && k < members->len; k++)
    {
      ZbComparisonCell *cell = g_ptr_array_index (row->cells, g_array_index (members, guint, k));
      const char *rest;
      double scale;

      if (cell == NULL || !zb_figure_get_value (cell->assessment->figure)->set)
        continue;
      scale = zb_unit_scale (zb_figure_get_unit (cell->assessment->figure), &rest);
      if (g_str_equal (rest, unit))
        g_array_append_val (items, ((Ranked) { cell, zb_figure_get_value (cell->assessment->figure)->value * scale }));
    }
  if (items->len > 1)
    assign_ranks (items, FALSE);
}

/* The columns of @column's period, itself included. */
static GArray *
period_members (ZbComparison *self,
                guint         column)
{
  const ColumnSpan *span = &g_array_index (self->spans, ColumnSpan, column);
  GArray *members = g_array_new (FALSE, FALSE, sizeof (guint));

  if (!span->known)
    {
      g_array_append_val (members, column);
      return members;
    }
  for (guint i = 0; i < self->columns->len; i++)
    {
      const ColumnSpan *other = &g_array_index (self->spans, ColumnSpan, i);
      if (other->known && same_span (&span->span, &other->span))
        g_array_append_val (members, i);
    }
  return members;
}

/* Every row's cells ranked among @members, the columns of one period. */
static void
rank_members (ZbComparison *self,
              GArray       *members)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Ranked));

  for (guint r = 0; r < self->rows->len; r++)
    {
      ZbComparisonRow *row = g_ptr_array_index (self->rows, r);

      g_array_set_size (items, 0);
      for (guint k = 0; k < members->len; k++)
        {
          ZbComparisonCell *cell = g_ptr_array_index (row->cells, g_array_index (members, guint, k));

          if (cell == NULL)
            continue;
          cell->rank_growth = cell->rank_value = cell->n_ranked_growth = cell->n_ranked_value = 0;
          if (has_growth (cell))
            g_array_append_val (items, ((Ranked) { cell, zb_figure_get_change (cell->assessment->figure)->value }));
        }
      if (items->len > 1)
        assign_ranks (items, TRUE);
      rank_values (row, members, items);
    }
}

static gboolean
ranks_dirty (ZbComparison *self)
{
  return self->dirty;
}

/* Each period's columns ranked once, however many reports were added. */
static void
ensure_ranks (ZbComparison *self)
{
  g_autofree gboolean *done = g_new0 (gboolean, self->columns->len);

  self->dirty = FALSE;
  for (guint i = 0; i < self->columns->len; i++)
    {
      g_autoptr(GArray) members = NULL;

      if (done[i])
        continue;
      members = period_members (self, i);
      for (guint k = 0; k < members->len; k++)
        done[g_array_index (members, guint, k)] = TRUE;
      if (members->len > 1)
        rank_members (self, members);
    }
}

void
zb_comparison_rank (ZbComparison *self)
{
  g_return_if_fail (ZB_IS_COMPARISON (self));

  if (self->dirty)
    ensure_ranks (self);
}

/* Building -------------------------------------------------------------- */

/* Rows are in the order their indicators were first seen; an indicator's
 * benchmark rows (全省 …) follow its own, in the order they were seen. */
static guint
insert_position (ZbComparison    *self,
                 ZbComparisonRow *row)
{
  guint i = self->rows->len;

  while (i > 0)
    {
      ZbComparisonRow *before = g_ptr_array_index (self->rows, i - 1);

      if (before->order < row->order || (before->order == row->order && before->area_order < row->area_order))
        break;
      i--;
    }
  return i;
}

static ZbComparisonRow *
ensure_row (ZbComparison *self,
            const char   *indicator,
            const char   *area,
            char         *key)
{
  ZbComparisonRow *row = g_hash_table_lookup (self->by_key, key);
  guint order, position;

  if (row != NULL)
    return row;
  row = g_object_new (ZB_TYPE_COMPARISON_ROW, NULL);
  row->comparison = self;
  row->indicator = g_strdup (indicator);
  row->area = g_strdup (area);
  row->label = *area ? g_strdup_printf ("%s（%s）", indicator, area) : g_strdup (indicator);
  g_ptr_array_set_size (row->cells, self->columns->len);

  order = GPOINTER_TO_UINT (g_hash_table_lookup (self->orders, indicator));
  if (order == 0)
    {
      order = g_hash_table_size (self->orders) + 1;
      g_hash_table_insert (self->orders, g_strdup (indicator), GUINT_TO_POINTER (order));
    }
  row->order = order;
  if (*area)
    {
      guint n = 1;

      /* benchmark areas of this indicator seen before it */
      for (guint i = 0; i < self->rows->len; i++)
        n += ((ZbComparisonRow *) g_ptr_array_index (self->rows, i))->order == order &&
             *((ZbComparisonRow *) g_ptr_array_index (self->rows, i))->area;
      row->area_order = n;
    }

  position = insert_position (self, row);
  g_ptr_array_insert (self->rows, position, row);
  g_hash_table_insert (self->by_key, g_strdup (key), row);
  for (guint i = position; i < self->rows->len; i++)
    ((ZbComparisonRow *) g_ptr_array_index (self->rows, i))->position = i;
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  return row;
}

static const char *
figure_name (ZbFigure *figure)
{
  const char *name = zb_figure_get_indicator (figure);

  if (name == NULL || *name == '\0')
    name = zb_figure_get_name (figure);
  return name;
}

/* An actual that says how much or how fast. */
static gboolean
comparable (ZbFigure *figure)
{
  const char *name = figure_name (figure);

  return zb_figure_get_kind (figure) == ZB_FIGURE_ACTUAL && !zb_figure_get_deleted (figure) &&
         name != NULL && *name != '\0' &&
         (zb_figure_get_value (figure)->set || zb_figure_get_change (figure)->set);
}

typedef struct {
  ZbFigure *figure;
  char     *indicator;
  int       fit;
} Choice;

static void
choice_free (gpointer data)
{
  Choice *c = data;

  g_free (c->indicator);
  g_free (c);
}

/* The report's figure for each indicator and area: of the column's period
 * rather than of none, the first in the text among equals. */
static GPtrArray *
choose_figures (ZbReport         *report,
                ZbLedger         *ledger,
                const ColumnSpan *span,
                GPtrArray        *keys)
{
  g_autoptr(GHashTable) chosen = g_hash_table_new (g_str_hash, g_str_equal);
  /* period label (owned by the figures) → its fit + 1 */
  g_autoptr(GHashTable) fits = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *choices = g_ptr_array_new_with_free_func (choice_free);
  GListModel *figures = zb_report_get_figures (report);
  guint n = g_list_model_get_n_items (figures);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);
      g_autofree char *indicator = NULL;
      g_autofree char *key = NULL;
      Choice *choice;
      int fit;

      if (!comparable (f) || (fit = period_fit (span, f, fits)) == 0)
        continue;
      indicator = zb_ledger_dup_canonical (ledger, figure_name (f));
      key = row_key (indicator, zb_figure_get_area (f));
      choice = g_hash_table_lookup (chosen, key);
      if (choice == NULL)
        {
          choice = g_new0 (Choice, 1);
          choice->indicator = g_steal_pointer (&indicator);
          g_ptr_array_add (choices, choice);
          g_ptr_array_add (keys, g_strdup (key));
          g_hash_table_insert (chosen, g_ptr_array_index (keys, keys->len - 1), choice);
        }
      else if (fit <= choice->fit)
        continue;
      /* the report model keeps the figure alive */
      choice->figure = f;
      choice->fit = fit;
    }
  return choices;
}

static ZbComparisonColumn *
column_new (ZbReport *report,
            gint64    report_id)
{
  ZbComparisonColumn *column = g_new0 (ZbComparisonColumn, 1);
  const char *title = zb_report_get_title (report);

  column->report = g_object_ref (report);
  column->report_id = report_id;
  column->title = g_strdup (title);
  column->path = g_strdup (zb_report_get_path (report));
  column->region = zb_report_dup_region (report);
  column->period = zb_report_dup_main_period (report);
  column->n_same_period = 1;
  if (column->region != NULL || column->period != NULL)
    {
      ZbPeriod span;
      /* one way of writing a period for all columns: 上半年 and 1-6月 alike */
      g_autofree char *period = parse_span (column->period, &span) ? zb_period_to_string (&span)
                                                                  : g_strdup (column->period);

      column->label = g_strjoin (" ", column->region ? column->region : title ? title : "", period ? period : "", NULL);
    }
  else if (title != NULL && *title)
    column->label = g_strdup (title);
  else
    column->label = column->path ? g_path_get_basename (column->path) : g_strdup ("");
  g_strstrip (column->label);
  return column;
}

void
zb_comparison_add_report (ZbComparison *self,
                          ZbReport     *report,
                          gint64        report_id,
                          ZbLedger     *ledger)
{
  g_autoptr(ZbLedger) own = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) choices = NULL;
  ZbComparisonColumn *column;
  ColumnSpan span = { 0 };
  guint index;

  g_return_if_fail (ZB_IS_COMPARISON (self));
  g_return_if_fail (ZB_IS_REPORT (report));
  g_return_if_fail (ledger == NULL || ZB_IS_LEDGER (ledger));

  if (ledger == NULL)
    {
      ledger = own = zb_ledger_new ();
      zb_ledger_add_report (own, report);
    }
  column = column_new (report, report_id);
  span.known = parse_span (column->period, &span.span);
  index = self->columns->len;
  g_ptr_array_add (self->columns, column);
  g_array_append_val (self->spans, span);
  g_ptr_array_add (self->ledgers, g_object_ref (ledger));
  for (guint i = 0; i < self->rows->len; i++)
    g_ptr_array_add (((ZbComparisonRow *) g_ptr_array_index (self->rows, i))->cells, NULL);

  choices = choose_figures (report, ledger, &span, keys);
  for (guint i = 0; i < choices->len; i++)
    {
      Choice *choice = g_ptr_array_index (choices, i);
      const char *area = zb_figure_get_area (choice->figure);
      ZbComparisonRow *row = ensure_row (self, choice->indicator, area ? area : "", g_ptr_array_index (keys, i));
      ZbComparisonCell *cell = g_new0 (ZbComparisonCell, 1);

      cell->assessment = zb_ledger_assess (ledger, choice->figure);
      g_ptr_array_index (row->cells, index) = cell;
    }
  /* how many columns share its period counts now; the ranks when read */
  {
    g_autoptr(GArray) members = period_members (self, index);

    for (guint k = 0; k < members->len; k++)
      ((ZbComparisonColumn *) g_ptr_array_index (self->columns, g_array_index (members, guint, k)))->n_same_period =
        members->len;
  }
  self->dirty = TRUE;
}

/* Output ---------------------------------------------------------------- */

/* A JSON string: quotes, backslashes and control characters escaped. */
static void
append_json_text (GString    *out,
                  const char *text)
{
  const char *p;

  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (p = text; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* A number as written ("6.30" stays 6.30), null when unset or not finite. */
static void
append_json_number (GString        *out,
                    const ZbNumber *number)
{
  g_autofree char *text = number && number->set && isfinite (number->value) ? zb_number_format (number) : NULL;

  g_string_append (out, text ? text : "null");
}

static void
append_json_double (GString *out,
                    double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    g_string_append (out, "null");
  else
    g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.6g", round (value * 1e6) / 1e6));
}

/* The target the cell's status is against: its growth when the figure's
 * growth was compared, else its amount. */
static const ZbNumber *
cell_target (const ZbComparisonCell *cell,
             gboolean               *growth)
{
  const ZbTarget *t = cell->assessment->target;
  ZbFigure *f = cell->assessment->figure;

  *growth = FALSE;
  if (t == NULL)
    return NULL;
  if (t->growth.set && (zb_figure_get_change (f)->set || !t->value.set))
    {
      *growth = TRUE;
      return &t->growth;
    }
  return t->value.set ? &t->value : NULL;
}

static void
append_json_cell (GString                *out,
                  const ZbComparisonCell *cell)
{
  ZbFigure *f = cell->assessment->figure;
  const ZbNumber *target;
  gboolean growth_target;
  gboolean first = TRUE;

  g_string_append_printf (out, "{\"figure\": %" G_GINT64_FORMAT ", \"name\": ", zb_figure_get_id (f));
  append_json_text (out, zb_figure_get_name (f));
  g_string_append (out, ", \"value\": ");
  append_json_number (out, zb_figure_get_value (f));
  g_string_append (out, ", \"unit\": ");
  append_json_text (out, zb_figure_get_unit (f));
  g_string_append (out, ", \"growth\": ");
  append_json_number (out, zb_figure_get_change (f));
  g_string_append (out, ", \"growth_unit\": ");
  append_json_text (out, zb_figure_get_change (f)->set ? zb_change_unit_to_string (zb_figure_get_change_unit (f)) : NULL);
  g_string_append (out, ", \"period\": ");
  append_json_text (out, zb_figure_get_period (f));
  target = cell_target (cell, &growth_target);
  g_string_append (out, ", \"target\": ");
  append_json_number (out, target);
  g_string_append (out, ", \"target_kind\": ");
  append_json_text (out, target == NULL ? NULL : growth_target ? "growth" : "value");
  g_string_append (out, ", \"gap\": ");
  append_json_double (out, cell->assessment->gap_pp);
  g_string_append (out, ", \"status\": ");
  append_json_text (out, zb_status_to_string (cell->assessment->status));
  g_string_append (out, ", \"rank_growth\": ");
  g_string_append_printf (out, cell->rank_growth ? "%u" : "null", cell->rank_growth);
  g_string_append (out, ", \"rank_value\": ");
  g_string_append_printf (out, cell->rank_value ? "%u" : "null", cell->rank_value);
  g_string_append (out, ", \"corrected\": [");
  for (ZbField field = 0; field < ZB_N_FIELDS; field++)
    if (zb_figure_field_is_corrected (f, field))
      {
        g_string_append (out, first ? "" : ", ");
        append_json_text (out, zb_field_to_string (field));
        first = FALSE;
      }
  g_string_append (out, "]}");
}

char *
zb_comparison_to_json (ZbComparison *self,
                       ZbJsonFlags   flags)
{
  GString *out = g_string_new ("{\"columns\": [");
  const char *nl = (flags & ZB_JSON_PRETTY) ? "\n  " : "";

  g_return_val_if_fail (ZB_IS_COMPARISON (self), NULL);

  zb_comparison_rank (self);
  for (guint c = 0; c < self->columns->len; c++)
    {
      const ZbComparisonColumn *column = g_ptr_array_index (self->columns, c);

      g_string_append_printf (out, "%s%s{\"report\": %" G_GINT64_FORMAT ", \"title\": ", c ? ", " : "", nl,
                              column->report_id);
      append_json_text (out, column->title);
      g_string_append (out, ", \"region\": ");
      append_json_text (out, column->region);
      g_string_append (out, ", \"period\": ");
      append_json_text (out, column->period);
      g_string_append (out, ", \"label\": ");
      append_json_text (out, column->label);
      g_string_append (out, ", \"path\": ");
      append_json_text (out, column->path);
      g_string_append_printf (out, ", \"same_period\": %u}", column->n_same_period);
    }
  g_string_append_printf (out, "],%s\"ranked\": %s,%s\"rows\": [", nl,
                          zb_comparison_get_ranked (self) ? "true" : "false", nl);
  for (guint r = 0; r < self->rows->len; r++)
    {
      ZbComparisonRow *row = g_ptr_array_index (self->rows, r);

      g_string_append_printf (out, "%s%s{\"indicator\": ", r ? ", " : "", nl);
      append_json_text (out, row->indicator);
      g_string_append (out, ", \"area\": ");
      append_json_text (out, *row->area ? row->area : NULL);
      g_string_append (out, ", \"label\": ");
      append_json_text (out, row->label);
      g_string_append (out, ", \"cells\": [");
      for (guint c = 0; c < row->cells->len; c++)
        {
          const ZbComparisonCell *cell = g_ptr_array_index (row->cells, c);

          if (c > 0)
            g_string_append (out, ", ");
          if (cell == NULL)
            g_string_append (out, "null");
          else
            append_json_cell (out, cell);
        }
      g_string_append (out, "]}");
    }
  g_string_append_printf (out, "%s]}\n", (flags & ZB_JSON_PRETTY) ? "\n" : "");
  return g_string_free (out, FALSE);
}

/* A TSV field: tabs and line breaks would break the table. */
static void
append_tsv (GString    *out,
            const char *text,
            gboolean    first)
{
  if (!first)
    g_string_append_c (out, '\t');
  for (const char *p = text ? text : ""; *p; p++)
    g_string_append_c (out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

static void
append_tsv_number (GString        *out,
                   const ZbNumber *number)
{
  g_autofree char *text = number && number->set && isfinite (number->value) ? zb_number_format (number) : NULL;

  append_tsv (out, text, FALSE);
}

static void
append_tsv_cell (GString                *out,
                 const ZbComparisonCell *cell)
{
  static const guint n_fields = 8;
  ZbFigure *f;
  gboolean growth_target;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char rank[16];

  if (cell == NULL)
    {
      for (guint i = 0; i < n_fields; i++)
        append_tsv (out, NULL, FALSE);
      return;
    }
  f = cell->assessment->figure;
  append_tsv_number (out, zb_figure_get_value (f));
  append_tsv (out, zb_figure_get_unit (f), FALSE);
  append_tsv_number (out, zb_figure_get_change (f));
  append_tsv_number (out, cell_target (cell, &growth_target));
  append_tsv (out, isfinite (cell->assessment->gap_pp)
                     ? g_ascii_formatd (buffer, sizeof buffer, "%.2f", cell->assessment->gap_pp) : NULL, FALSE);
  append_tsv (out, zb_status_to_string (cell->assessment->status), FALSE);
  g_snprintf (rank, sizeof rank, "%u", cell->rank_growth);
  append_tsv (out, cell->rank_growth ? rank : NULL, FALSE);
  g_snprintf (rank, sizeof rank, "%u", cell->rank_value);
  append_tsv (out, cell->rank_value ? rank : NULL, FALSE);
}

char *
zb_comparison_to_tsv (ZbComparison *self)
{
  static const char *fields[] = { "value", "unit", "growth", "target", "gap", "status", "rank_growth", "rank_value" };
  GString *out = g_string_new ("indicator\tarea");

  g_return_val_if_fail (ZB_IS_COMPARISON (self), NULL);

  zb_comparison_rank (self);
  for (guint c = 0; c < self->columns->len; c++)
    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      {
        const ZbComparisonColumn *column = g_ptr_array_index (self->columns, c);
        g_autofree char *title = g_strdup_printf ("%s: %s", column->label, fields[i]);

        append_tsv (out, title, FALSE);
      }
  g_string_append_c (out, '\n');
  for (guint r = 0; r < self->rows->len; r++)
    {
      ZbComparisonRow *row = g_ptr_array_index (self->rows, r);

      append_tsv (out, row->indicator, TRUE);
      append_tsv (out, row->area, FALSE);
      for (guint c = 0; c < row->cells->len; c++)
        append_tsv_cell (out, g_ptr_array_index (row->cells, c));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
