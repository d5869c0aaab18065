/* zb-compare-grid.c — the Compare table: indicators × reports, drawn, only what is in view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list view of fifty columns makes a widget a cell for every row it
 * keeps (GTK 4.8 keeps two hundred): ten thousand widgets, a second to
 * show. This grid makes none: each cell is drawn once into a render node,
 * kept until the comparison, the theme or the column width changes, and a
 * frame only places the nodes of the cells in view. The heading and the
 * indicator and trend columns stay in place while the reports scroll.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "zb-compare-grid.h"

#define NAME_WIDTH   210
#define TREND_WIDTH  88
#define FIXED_WIDTH  (NAME_WIDTH + TREND_WIDTH)
#define MIN_COLUMN   132   /* room for "391.4 亿元" and "▼ 6.3%  2/3" */
#define PAD_X        6
#define PAD_Y        4
#define SPARK_MARGIN 6

typedef struct {
  GdkRGBA text, dim, accent, success, error, border, selected, header, corrected, hover;
} Colors;

struct _ZbCompareGrid
{
  GtkWidget           parent_instance;

  GtkAdjustment      *hadjustment;
  GtkAdjustment      *vadjustment;
  guint               hscroll_policy : 1;
  guint               vscroll_policy : 1;

  ZbComparison       *comparison;
  GtkSingleSelection *selection;
  GtkCustomSorter    *sorter;
  int                 sort_column;
  gboolean            descending;

  PangoLayout        *layout;        /* set to each text drawn in turn */
  GHashTable         *nodes;         /* ZbComparisonRow* → GPtrArray: name, trend, a cell a report */
  GPtrArray          *headers;       /* a report's heading */
  Colors              colors;
  gboolean            colors_known;
  int                 line_height;   /* 0: to measure */
  int                 column_width;  /* a report's, the width shared out */
  guint               cursor;        /* the report column of the keyboard */
  int                 hover_position;
  int                 hover_column;  /* a report's, or -1 */
  guint               n_drawn;
  gboolean            pressed_cell;  /* a press on a cell, released on it: activate */
};

static void zb_compare_grid_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ZbCompareGrid, zb_compare_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, zb_compare_grid_scrollable_init))

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS
};

enum {
  CELL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Text -------------------------------------------------------------------- */

const char *
zb_status_symbol (ZbStatus status)
{
  static const char *symbols[] = {
    [ZB_STATUS_UNKNOWN] = "–", [ZB_STATUS_AHEAD] = "▲", [ZB_STATUS_ON_TRACK] = "●", [ZB_STATUS_BEHIND] = "▼",
  };

  return status < G_N_ELEMENTS (symbols) ? symbols[status] : symbols[ZB_STATUS_UNKNOWN];
}

static char *
value_text (ZbFigure *f)
{
  g_autofree char *value = zb_number_format (zb_figure_get_value (f));
  const char *unit = zb_figure_get_unit (f);

  if (value == NULL)
    return g_strdup ("");
  return unit && *unit ? g_strdup_printf ("%s %s", value, unit) : g_steal_pointer (&value);
}

static char *
growth_text (const ZbComparisonCell *cell)
{
  ZbFigure *f = cell->assessment->figure;
  g_autofree char *change = zb_number_format (zb_figure_get_change (f));

  if (change == NULL)
    return g_strdup (zb_status_symbol (cell->assessment->status));
  if (zb_figure_get_change_unit (f) == ZB_CHANGE_PP)
    /* Translators: a growth in percentage points, in a narrow cell */
    return g_strdup_printf (_("%s %s pp"), zb_status_symbol (cell->assessment->status), change);
  return g_strdup_printf ("%s %s%%", zb_status_symbol (cell->assessment->status), change);
}

static char *
rank_text (guint rank,
           guint of)
{
  /* Translators: a rank among the reports of one period, e.g. 2/3 */
  return rank > 0 ? g_strdup_printf (_("%u/%u"), rank, of) : NULL;
}

char *
zb_compare_grid_dup_cell_text (ZbComparisonRow *row,
                               guint            column)
{
  const ZbComparisonCell *cell = zb_comparison_row_get_cell (row, column);
  g_autofree char *value = NULL;
  g_autofree char *growth = NULL;

  if (cell == NULL)
    return g_strdup ("");
  value = value_text (cell->assessment->figure);
  growth = growth_text (cell);
  return g_strdup_printf ("%s\n%s", value, growth);
}

gboolean
zb_compare_grid_cell_is_corrected (ZbComparisonRow *row,
                                   guint            column)
{
  const ZbComparisonCell *cell = zb_comparison_row_get_cell (row, column);
  ZbFigure *f = cell ? cell->assessment->figure : NULL;

  return f != NULL && (zb_figure_field_is_corrected (f, ZB_FIELD_VALUE) ||
                       zb_figure_field_is_corrected (f, ZB_FIELD_UNIT) ||
                       zb_figure_field_is_corrected (f, ZB_FIELD_CHANGE));
}

/* A line of a tooltip, after those before it. */
static void G_GNUC_PRINTF (2, 3)
add_line (GString    *text,
          const char *format,
          ...)
{
  va_list args;

  if (text->len > 0)
    g_string_append_c (text, '\n');
  va_start (args, format);
  g_string_append_vprintf (text, format, args);
  va_end (args);
}

static char *
cell_tooltip (const ZbComparisonColumn *column,
              const ZbComparisonCell   *cell)
{
  const ZbAssessment *a = cell->assessment;
  ZbFigure *f = a->figure;
  GString *text = g_string_new (NULL);
  const char *period = zb_figure_get_period (f);
  g_autofree char *target = NULL;

  add_line (text, "%s", column->title ? column->title : column->label);
  add_line (text, "%s%s%s", zb_figure_get_name (f), period && *period ? " · " : "", period ? period : "");
  if (a->target != NULL)
    target = zb_number_format (a->target->growth.set ? &a->target->growth : &a->target->value);
  if (target != NULL && a->target->growth.set)
    /* Translators: in a Compare cell's tooltip */
    add_line (text, _("Target growth %s%%"), target);
  else if (target != NULL)
    add_line (text, _("Target %s"), target);
  if (isfinite (a->gap_pp))
    add_line (text, _("Gap %+.1f pp, %s"), a->gap_pp, zb_status_to_label (a->status, NULL));
  if (cell->rank_growth > 0)
    add_line (text, _("Rank %u of %u by growth"), cell->rank_growth, cell->n_ranked_growth);
  if (cell->rank_value > 0)
    add_line (text, _("Rank %u of %u by value"), cell->rank_value, cell->n_ranked_value);
  for (ZbField field = ZB_FIELD_VALUE; field <= ZB_FIELD_CHANGE; field++)
    if (zb_figure_field_is_corrected (f, field))
      {
        g_autofree char *original = zb_figure_dup_original (f, field);
        /* Translators: tooltip of an edited cell; %s is the extracted value */
        add_line (text, _("Edited — original: %s"), original ? original : _("(empty)"));
        break;
      }
  add_line (text, "%s", _("Click to open the report at this figure"));
  return g_string_free (text, FALSE);
}

/* Geometry ---------------------------------------------------------------- */

static guint
n_rows (ZbCompareGrid *self)
{
  return self->selection ? g_list_model_get_n_items (G_LIST_MODEL (self->selection)) : 0;
}

static guint
n_columns (ZbCompareGrid *self)
{
  return self->comparison ? zb_comparison_get_n_columns (self->comparison) : 0;
}

/* The row shown at @position: the comparison keeps it. */
static ZbComparisonRow *
row_at (ZbCompareGrid *self,
        guint          position)
{
  ZbComparisonRow *row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row != NULL)
    g_object_unref (row);
  return row;
}

static void
ensure_metrics (ZbCompareGrid *self)
{
  PangoFontMetrics *metrics;

  if (self->line_height > 0)
    return;
  metrics = pango_context_get_metrics (gtk_widget_get_pango_context (GTK_WIDGET (self)), NULL, NULL);
  self->line_height = MAX (PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics)), 16);
  pango_font_metrics_unref (metrics);
}

static int
row_height (ZbCompareGrid *self)
{
  ensure_metrics (self);
  return 2 * self->line_height + 2 * PAD_Y + 1;
}

static int
header_height (ZbCompareGrid *self)
{
  ensure_metrics (self);
  return 2 * self->line_height + 2 * PAD_Y + 2;
}

static double
hvalue (ZbCompareGrid *self)
{
  return self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
vvalue (ZbCompareGrid *self)
{
  return self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static void
configure_adjustments (ZbCompareGrid *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double body_width = MAX (0, width - FIXED_WIDTH);
  double body_height = MAX (0, height - header_height (self));
  double content_width = (double) n_columns (self) * self->column_width;
  double content_height = (double) n_rows (self) * row_height (self);

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment,
                              CLAMP (hvalue (self), 0, MAX (0, content_width - body_width)), 0,
                              MAX (content_width, body_width), self->column_width / 4.0, body_width * 0.9,
                              body_width);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              CLAMP (vvalue (self), 0, MAX (0, content_height - body_height)), 0,
                              MAX (content_height, body_height), row_height (self), body_height * 0.9,
                              body_height);
}

static void
clear_nodes (ZbCompareGrid *self)
{
  g_hash_table_remove_all (self->nodes);
  g_ptr_array_set_size (self->headers, 0);
}

ZbCompareGridPart
zb_compare_grid_pick (ZbCompareGrid *self,
                      double         x,
                      double         y,
                      guint         *position,
                      int           *column)
{
  double cx;
  guint p = 0;
  int c;

  g_return_val_if_fail (ZB_IS_COMPARE_GRID (self), ZB_COMPARE_GRID_NOWHERE);

  if (x < 0 || y < 0 || x >= gtk_widget_get_width (GTK_WIDGET (self)) ||
      y >= gtk_widget_get_height (GTK_WIDGET (self)))
    return ZB_COMPARE_GRID_NOWHERE;
  if (x < NAME_WIDTH)
    c = ZB_COMPARE_GRID_NAME_COLUMN;
  else if (x < FIXED_WIDTH)
    c = ZB_COMPARE_GRID_TREND_COLUMN;
  else
    {
      cx = x - FIXED_WIDTH + hvalue (self);
      if (self->column_width <= 0 || cx >= (double) n_columns (self) * self->column_width)
        return ZB_COMPARE_GRID_NOWHERE;
      c = (int) (cx / self->column_width);
    }
  if (column != NULL)
    *column = c;
  if (y < header_height (self))
    return ZB_COMPARE_GRID_HEADER;
  p = (guint) ((y - header_height (self) + vvalue (self)) / row_height (self));
  if (p >= n_rows (self))
    return ZB_COMPARE_GRID_NOWHERE;
  if (position != NULL)
    *position = p;
  return c == ZB_COMPARE_GRID_NAME_COLUMN ? ZB_COMPARE_GRID_NAME
       : c == ZB_COMPARE_GRID_TREND_COLUMN ? ZB_COMPARE_GRID_TREND : ZB_COMPARE_GRID_CELL;
}

gboolean
zb_compare_grid_get_cell_area (ZbCompareGrid   *self,
                               guint            position,
                               guint            column,
                               graphene_rect_t *area)
{
  g_return_val_if_fail (ZB_IS_COMPARE_GRID (self), FALSE);

  if (position >= n_rows (self) || column >= n_columns (self))
    return FALSE;
  graphene_rect_init (area, FIXED_WIDTH + (double) column * self->column_width - hvalue (self),
                      header_height (self) + (double) position * row_height (self) - vvalue (self),
                      self->column_width, row_height (self) - 1);
  return TRUE;
}

gboolean
zb_compare_grid_scroll_to (ZbCompareGrid *self,
                           guint          position,
                           guint          column)
{
  double top, left;

  g_return_val_if_fail (ZB_IS_COMPARE_GRID (self), FALSE);

  if (position >= n_rows (self) || column >= n_columns (self))
    return FALSE;
  top = (double) position * row_height (self);
  left = (double) column * self->column_width;
  if (self->vadjustment != NULL)
    {
      double value = gtk_adjustment_get_value (self->vadjustment);
      double page = gtk_adjustment_get_page_size (self->vadjustment);

      if (top < value)
        gtk_adjustment_set_value (self->vadjustment, top);
      else if (top + row_height (self) > value + page)
        gtk_adjustment_set_value (self->vadjustment, top + row_height (self) - page);
    }
  if (self->hadjustment != NULL)
    {
      double value = gtk_adjustment_get_value (self->hadjustment);
      double page = gtk_adjustment_get_page_size (self->hadjustment);

      if (left < value)
        gtk_adjustment_set_value (self->hadjustment, left);
      else if (left + self->column_width > value + page)
        gtk_adjustment_set_value (self->hadjustment, left + self->column_width - page);
    }
  return TRUE;
}

/* Drawing ------------------------------------------------------------------- */

static void
lookup (GtkWidget  *widget,
        const char *name,
        GdkRGBA    *color,
        GdkRGBA     fallback)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color))
    *color = fallback;
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static GdkRGBA
with_alpha (GdkRGBA color,
            double  alpha)
{
  color.alpha *= alpha;
  return color;
}

/* The theme's colours, the status ones as the figure table has them. */
static void
ensure_colors (ZbCompareGrid *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  Colors *c = &self->colors;
  GdkRGBA accent_bg;

  if (self->colors_known)
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &c->text);
  G_GNUC_END_IGNORE_DEPRECATIONS
  c->dim = with_alpha (c->text, 0.55);
  lookup (widget, "accent_color", &c->accent, c->text);
  lookup (widget, "success_color", &c->success, c->text);
  lookup (widget, "error_color", &c->error, c->text);
  lookup (widget, "accent_bg_color", &accent_bg, c->accent);
  lookup (widget, "borders", &c->border, with_alpha (c->text, 0.15));
  c->border = with_alpha (c->border, 0.8);
  c->selected = with_alpha (accent_bg, 0.14);
  c->corrected = with_alpha (accent_bg, 0.2);
  c->header = with_alpha (c->text, 0.05);
  c->hover = with_alpha (c->text, 0.06);
  self->colors_known = TRUE;
}

static const GdkRGBA *
status_color (ZbCompareGrid *self,
              ZbStatus       status)
{
  switch (status)
    {
    case ZB_STATUS_AHEAD: return &self->colors.success;
    case ZB_STATUS_ON_TRACK: return &self->colors.accent;
    case ZB_STATUS_BEHIND: return &self->colors.error;
    case ZB_STATUS_UNKNOWN:
    default: return &self->colors.dim;
    }
}

/* @text at (x, y) in at most @width (ellipsized, -1: any), its size in
 * @w and @h (may be NULL). */
static void
draw_text (ZbCompareGrid  *self,
           GtkSnapshot    *snapshot,
           const char     *text,
           double          x,
           double          y,
           int             width,
           gboolean        bold,
           const GdkRGBA  *color,
           int            *w,
           int            *h)
{
  int tw, th;

  pango_layout_set_text (self->layout, text, -1);
  pango_layout_set_width (self->layout, width > 0 ? width * PANGO_SCALE : -1);
  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (self->layout, attrs);
      pango_attr_list_unref (attrs);
    }
  else
    pango_layout_set_attributes (self->layout, NULL);
  pango_layout_get_pixel_size (self->layout, &tw, &th);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, self->layout, color);
  gtk_snapshot_restore (snapshot);
  if (w != NULL)
    *w = tw;
  if (h != NULL)
    *h = th;
}

/* One line of a cell: @text at the left, @rank dim at the right. */
static void
draw_cell_line (ZbCompareGrid *self,
                GtkSnapshot   *snapshot,
                const char    *text,
                const char    *rank,
                double         y,
                gboolean       bold,
                const GdkRGBA *color)
{
  int rank_width = 0;

  if (rank != NULL)
    {
      int w;

      pango_layout_set_text (self->layout, rank, -1);
      pango_layout_set_width (self->layout, -1);
      pango_layout_set_attributes (self->layout, NULL);
      pango_layout_get_pixel_size (self->layout, &w, NULL);
      draw_text (self, snapshot, rank, self->column_width - PAD_X - w, y, -1, FALSE, &self->colors.dim, &rank_width,
                 NULL);
      rank_width += 4;
    }
  if (text != NULL && *text)
    draw_text (self, snapshot, text, PAD_X, y, MAX (1, self->column_width - 2 * PAD_X - rank_width), bold, color,
               NULL, NULL);
}

static GskRenderNode *
cell_node (ZbCompareGrid   *self,
           ZbComparisonRow *row,
           guint            column)
{
  const ZbComparisonCell *cell = zb_comparison_row_get_cell (row, column);
  GtkSnapshot *snapshot;
  ZbFigure *f;
  g_autofree char *value = NULL;
  g_autofree char *growth = NULL;
  g_autofree char *rank_value = NULL;
  g_autofree char *rank_growth = NULL;
  GskRenderNode *node;

  if (cell == NULL)
    return gsk_container_node_new (NULL, 0);
  self->n_drawn++;
  f = cell->assessment->figure;
  snapshot = gtk_snapshot_new ();
  if (zb_compare_grid_cell_is_corrected (row, column))
    {
      GskRoundedRect tint;

      gsk_rounded_rect_init_from_rect (&tint, &GRAPHENE_RECT_INIT (2, 2, self->column_width - 4,
                                                                   row_height (self) - 5), 4);
      gtk_snapshot_push_rounded_clip (snapshot, &tint);
      gtk_snapshot_append_color (snapshot, &self->colors.corrected, &tint.bounds);
      gtk_snapshot_pop (snapshot);
    }
  value = value_text (f);
  growth = growth_text (cell);
  rank_value = rank_text (cell->rank_value, cell->n_ranked_value);
  rank_growth = rank_text (cell->rank_growth, cell->n_ranked_growth);
  draw_cell_line (self, snapshot, value, rank_value, PAD_Y,
                  zb_figure_field_is_corrected (f, ZB_FIELD_VALUE) || zb_figure_field_is_corrected (f, ZB_FIELD_UNIT),
                  &self->colors.text);
  draw_cell_line (self, snapshot, growth, rank_growth, PAD_Y + self->line_height,
                  zb_figure_field_is_corrected (f, ZB_FIELD_CHANGE), status_color (self, cell->assessment->status));
  node = gtk_snapshot_free_to_node (snapshot);
  return node ? node : gsk_container_node_new (NULL, 0);
}

static GskRenderNode *
name_node (ZbCompareGrid   *self,
           ZbComparisonRow *row)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int h;

  pango_layout_set_text (self->layout, zb_comparison_row_get_label (row), -1);
  pango_layout_set_attributes (self->layout, NULL);
  pango_layout_set_width (self->layout, (NAME_WIDTH - 2 * PAD_X) * PANGO_SCALE);
  pango_layout_get_pixel_size (self->layout, NULL, &h);
  draw_text (self, snapshot, zb_comparison_row_get_label (row), PAD_X + 2, (row_height (self) - h) / 2.0,
             NAME_WIDTH - 2 * PAD_X, FALSE, *zb_comparison_row_get_area (row) ? &self->colors.dim : &self->colors.text,
             NULL, NULL);
  return gtk_snapshot_free_to_node (snapshot);
}

static gboolean
growth_at (ZbComparisonRow *row,
           guint            column,
           double          *value,
           ZbStatus        *status)
{
  const ZbComparisonCell *cell = zb_comparison_row_get_cell (row, column);
  ZbFigure *f = cell ? cell->assessment->figure : NULL;

  if (f == NULL || !zb_figure_get_change (f)->set || zb_figure_get_change_unit (f) != ZB_CHANGE_PERCENT)
    return FALSE;
  *value = zb_figure_get_change (f)->value;
  *status = cell->assessment->status;
  return TRUE;
}

/* The row's growths across the reports; a report without one leaves a gap. */
static void
draw_sparkline (ZbCompareGrid   *self,
                cairo_t         *cr,
                ZbComparisonRow *row,
                double           width,
                double           height)
{
  guint n = zb_comparison_row_get_n_cells (row);
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE, value, step;
  gboolean drawing = FALSE;
  ZbStatus status;

  for (guint i = 0; i < n; i++)
    if (growth_at (row, i, &value, &status))
      {
        lo = MIN (lo, value);
        hi = MAX (hi, value);
      }
  if (lo > hi)
    return;
  if (hi - lo < 1e-9)
    lo -= 1, hi += 1;
  step = n > 1 ? (width - 2 * SPARK_MARGIN) / (n - 1) : 0;
#define X(i) (SPARK_MARGIN + (n > 1 ? (i) * step : (width - 2 * SPARK_MARGIN) / 2))
#define Y(v) (SPARK_MARGIN + (hi - (v)) / (hi - lo) * (height - 2 * SPARK_MARGIN))
  cairo_set_line_width (cr, 1.5);
  gdk_cairo_set_source_rgba (cr, &self->colors.dim);
  for (guint i = 0; i < n; i++)
    {
      if (!growth_at (row, i, &value, &status))
        {
          drawing = FALSE;
          continue;
        }
      if (drawing)
        cairo_line_to (cr, X (i), Y (value));
      else
        cairo_move_to (cr, X (i), Y (value));
      drawing = TRUE;
    }
  cairo_stroke (cr);
  for (guint i = 0; i < n; i++)
    if (growth_at (row, i, &value, &status))
      {
        gdk_cairo_set_source_rgba (cr, status_color (self, status));
        cairo_arc (cr, X (i), Y (value), n > 30 ? 1.5 : 2.5, 0, 2 * G_PI);
        cairo_fill (cr);
      }
#undef X
#undef Y
}

static GskRenderNode *
trend_node (ZbCompareGrid   *self,
            ZbComparisonRow *row)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, TREND_WIDTH, row_height (self)));

  draw_sparkline (self, cr, row, TREND_WIDTH, row_height (self) - 1);
  cairo_destroy (cr);
  return gtk_snapshot_free_to_node (snapshot);
}

/* Nodes not drawn yet are NULL. */
static void
node_unref (gpointer node)
{
  if (node != NULL)
    gsk_render_node_unref (node);
}

/* The row's nodes: 0 its name, 1 its sparkline, 2 + c its cell of report c. */
static GskRenderNode *
node_for (ZbCompareGrid   *self,
          ZbComparisonRow *row,
          int              column)
{
  GPtrArray *nodes = g_hash_table_lookup (self->nodes, row);
  guint index = column == ZB_COMPARE_GRID_NAME_COLUMN ? 0 : column == ZB_COMPARE_GRID_TREND_COLUMN ? 1 : 2 + column;

  if (nodes == NULL)
    {
      nodes = g_ptr_array_new_with_free_func (node_unref);
      g_ptr_array_set_size (nodes, 2 + n_columns (self));
      g_hash_table_insert (self->nodes, row, nodes);
    }
  if (g_ptr_array_index (nodes, index) == NULL)
    g_ptr_array_index (nodes, index) = index == 0 ? name_node (self, row)
                                     : index == 1 ? trend_node (self, row)
                                     : cell_node (self, row, column);
  return g_ptr_array_index (nodes, index);
}

static void
append_node (GtkSnapshot   *snapshot,
             GskRenderNode *node,
             double         x,
             double         y)
{
  if (node == NULL)
    return;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_node (snapshot, node);
  gtk_snapshot_restore (snapshot);
}

/* A report's heading: its label in two lines at most. */
static GskRenderNode *
header_node (ZbCompareGrid *self,
             guint          column)
{
  const ZbComparisonColumn *c = zb_comparison_get_column (self->comparison, column);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  PangoAttrList *attrs = pango_attr_list_new ();
  int w, h;

  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_text (self->layout, c->label, -1);
  pango_layout_set_attributes (self->layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_width (self->layout, (self->column_width - 2 * PAD_X - 10) * PANGO_SCALE);
  pango_layout_set_height (self->layout, -2);
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (self->layout, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_size (self->layout, &w, &h);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (PAD_X, (header_height (self) - h) / 2.0));
  gtk_snapshot_append_layout (snapshot, self->layout, &self->colors.text);
  /* back to one line for the cells */
  pango_layout_set_height (self->layout, -1);
  pango_layout_set_alignment (self->layout, PANGO_ALIGN_LEFT);
  return gtk_snapshot_free_to_node (snapshot);
}

static void
draw_sort_mark (ZbCompareGrid *self,
                GtkSnapshot   *snapshot,
                double         right)
{
  draw_text (self, snapshot, self->descending ? "▼" : "▲", right - PAD_X - 10, PAD_Y, -1, FALSE, &self->colors.dim,
             NULL, NULL);
}

static void
snapshot_header (ZbCompareGrid *self,
                 GtkSnapshot   *snapshot,
                 int            width,
                 guint          first,
                 guint          last)
{
  int hh = header_height (self);
  int h;

  gtk_snapshot_append_color (snapshot, &self->colors.header, &GRAPHENE_RECT_INIT (0, 0, width, hh));
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (FIXED_WIDTH, 0, MAX (0, width - FIXED_WIDTH), hh));
  for (guint c = first; c < last; c++)
    {
      double x = FIXED_WIDTH + (double) c * self->column_width - hvalue (self);

      while (self->headers->len <= c)
        g_ptr_array_add (self->headers, NULL);
      if (g_ptr_array_index (self->headers, c) == NULL)
        g_ptr_array_index (self->headers, c) = header_node (self, c);
      append_node (snapshot, g_ptr_array_index (self->headers, c), x, 0);
      if (self->sort_column == (int) c)
        draw_sort_mark (self, snapshot, x + self->column_width);
      gtk_snapshot_append_color (snapshot, &self->colors.border, &GRAPHENE_RECT_INIT (x + self->column_width - 1, 0, 1, hh));
    }
  gtk_snapshot_pop (snapshot);
  pango_layout_set_width (self->layout, -1);
  pango_layout_set_attributes (self->layout, NULL);
  pango_layout_set_text (self->layout, _("Indicator"), -1);
  pango_layout_get_pixel_size (self->layout, NULL, &h);
  draw_text (self, snapshot, _("Indicator"), PAD_X + 2, (hh - h) / 2.0, NAME_WIDTH - 20, TRUE, &self->colors.text,
             NULL, NULL);
  if (self->sort_column == ZB_COMPARE_GRID_NAME_COLUMN)
    draw_sort_mark (self, snapshot, NAME_WIDTH);
  /* Translators: the column of the Compare table with a small line of each row's growths */
  draw_text (self, snapshot, _("Trend"), NAME_WIDTH + PAD_X, (hh - h) / 2.0, TREND_WIDTH - 2 * PAD_X, TRUE,
             &self->colors.text, NULL, NULL);
  gtk_snapshot_append_color (snapshot, &self->colors.border, &GRAPHENE_RECT_INIT (0, hh - 1, width, 1));
  gtk_snapshot_append_color (snapshot, &self->colors.border, &GRAPHENE_RECT_INIT (FIXED_WIDTH - 1, 0, 1, hh));
}

static void
snapshot_rows (ZbCompareGrid *self,
               GtkSnapshot   *snapshot,
               int            width,
               int            height)
{
  int hh = header_height (self), rh = row_height (self);
  guint rows = n_rows (self), columns = n_columns (self);
  guint first_row = vvalue (self) / rh;
  guint last_row = MIN (rows, (guint) ((vvalue (self) + height - hh) / rh) + 1);
  guint first = self->column_width > 0 ? hvalue (self) / self->column_width : 0;
  guint last = self->column_width > 0 ? MIN (columns, (guint) ((hvalue (self) + width - FIXED_WIDTH) / self->column_width) + 1) : 0;
  guint selected = self->selection ? gtk_single_selection_get_selected (self->selection) : GTK_INVALID_LIST_POSITION;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, hh, width, MAX (0, height - hh)));
  for (guint p = first_row; p < last_row; p++)
    {
      ZbComparisonRow *row = row_at (self, p);
      double y = hh + (double) p * rh - vvalue (self);

      if (p == selected)
        gtk_snapshot_append_color (snapshot, &self->colors.selected, &GRAPHENE_RECT_INIT (0, y, width, rh - 1));
      /* the reports' cells, under the fixed columns */
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (FIXED_WIDTH, hh, MAX (0, width - FIXED_WIDTH), height - hh));
      for (guint c = first; c < last; c++)
        {
          double x = FIXED_WIDTH + (double) c * self->column_width - hvalue (self);

          if ((int) p == self->hover_position && (int) c == self->hover_column &&
              zb_comparison_row_get_cell (row, c) != NULL)
            gtk_snapshot_append_color (snapshot, &self->colors.hover, &GRAPHENE_RECT_INIT (x, y, self->column_width, rh - 1));
          append_node (snapshot, node_for (self, row, c), x, y);
          gtk_snapshot_append_color (snapshot, &self->colors.border,
                                     &GRAPHENE_RECT_INIT (x + self->column_width - 1, y, 1, rh));
        }
      if (p == selected && gtk_widget_has_visible_focus (GTK_WIDGET (self)) && self->cursor < columns)
        {
          GskRoundedRect ring;
          GdkRGBA colors[4];
          float widths[4] = { 2, 2, 2, 2 };
          double x = FIXED_WIDTH + (double) self->cursor * self->column_width - hvalue (self);

          for (guint k = 0; k < 4; k++)
            colors[k] = with_alpha (self->colors.accent, 0.7);
          gsk_rounded_rect_init_from_rect (&ring, &GRAPHENE_RECT_INIT (x + 1, y + 1, self->column_width - 3, rh - 3), 3);
          gtk_snapshot_append_border (snapshot, &ring, widths, colors);
        }
      gtk_snapshot_pop (snapshot);
      append_node (snapshot, node_for (self, row, ZB_COMPARE_GRID_NAME_COLUMN), 0, y);
      append_node (snapshot, node_for (self, row, ZB_COMPARE_GRID_TREND_COLUMN), NAME_WIDTH, y);
      gtk_snapshot_append_color (snapshot, &self->colors.border, &GRAPHENE_RECT_INIT (0, y + rh - 1, width, 1));
    }
  gtk_snapshot_append_color (snapshot, &self->colors.border, &GRAPHENE_RECT_INIT (FIXED_WIDTH - 1, hh, 1, height - hh));
  gtk_snapshot_pop (snapshot);
  snapshot_header (self, snapshot, width, first, last);
}

static void
zb_compare_grid_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  ZbCompareGrid *self = ZB_COMPARE_GRID (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  if (self->comparison == NULL || self->selection == NULL)
    return;
  ensure_colors (self);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  snapshot_rows (self, snapshot, width, height);
  gtk_snapshot_pop (snapshot);
}

static void
zb_compare_grid_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  ZbCompareGrid *self = ZB_COMPARE_GRID (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = FIXED_WIDTH + MIN_COLUMN;
      *natural = FIXED_WIDTH + MIN_COLUMN * MAX (1, n_columns (self));
    }
  else
    {
      *minimum = header_height (self) + row_height (self);
      *natural = header_height (self) + row_height (self) * MAX (1, n_rows (self));
    }
}

static void
zb_compare_grid_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  ZbCompareGrid *self = ZB_COMPARE_GRID (widget);
  guint columns = n_columns (self);
  /* a few reports share the width; many scroll */
  int column_width = columns > 0 ? MAX (MIN_COLUMN, (width - FIXED_WIDTH) / (int) columns) : MIN_COLUMN;

  if (column_width != self->column_width)
    {
      self->column_width = column_width;
      clear_nodes (self);
    }
  configure_adjustments (self);
}

/* Sorting ----------------------------------------------------------------- */

static int
compare_positions (ZbComparisonRow *a,
                   ZbComparisonRow *b)
{
  guint x = zb_comparison_row_get_position (a), y = zb_comparison_row_get_position (b);

  return x < y ? GTK_ORDERING_SMALLER : x > y ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* A report's column by growth, then value; empty ones last either way. */
static int
compare_cells (const ZbComparisonCell *x,
               const ZbComparisonCell *y,
               gboolean                descending)
{
  const ZbNumber *nx = x ? zb_figure_get_change (x->assessment->figure) : NULL;
  const ZbNumber *ny = y ? zb_figure_get_change (y->assessment->figure) : NULL;
  gboolean sx = nx && nx->set, sy = ny && ny->set;
  int order;

  if (sx != sy)
    return sx ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  if (!sx)
    {
      nx = x ? zb_figure_get_value (x->assessment->figure) : NULL;
      ny = y ? zb_figure_get_value (y->assessment->figure) : NULL;
      sx = nx && nx->set, sy = ny && ny->set;
      if (sx != sy)
        return sx ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
      if (!sx)
        return GTK_ORDERING_EQUAL;
    }
  order = nx->value < ny->value ? GTK_ORDERING_SMALLER : nx->value > ny->value ? GTK_ORDERING_LARGER
                                                                              : GTK_ORDERING_EQUAL;
  return descending ? -order : order;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  ZbCompareGrid *self = data;
  ZbComparisonRow *x = (ZbComparisonRow *) a, *y = (ZbComparisonRow *) b;
  int order = GTK_ORDERING_EQUAL;

  if (self->sort_column == ZB_COMPARE_GRID_NAME_COLUMN)
    {
      order = g_utf8_collate (zb_comparison_row_get_label (x), zb_comparison_row_get_label (y));
      order = (order > 0) - (order < 0);
      if (self->descending)
        order = -order;
    }
  else if (self->sort_column >= 0)
    order = compare_cells (zb_comparison_row_get_cell (x, self->sort_column),
                           zb_comparison_row_get_cell (y, self->sort_column), self->descending);
  return order != GTK_ORDERING_EQUAL ? order : compare_positions (x, y);
}

GtkSorter *
zb_compare_grid_get_sorter (ZbCompareGrid *self)
{
  g_return_val_if_fail (ZB_IS_COMPARE_GRID (self), NULL);
  return GTK_SORTER (self->sorter);
}

void
zb_compare_grid_sort_by (ZbCompareGrid *self,
                         int            column,
                         gboolean       descending)
{
  g_return_if_fail (ZB_IS_COMPARE_GRID (self));

  self->sort_column = column;
  self->descending = descending;
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
zb_compare_grid_get_sort_column (ZbCompareGrid *self,
                                 gboolean      *descending)
{
  g_return_val_if_fail (ZB_IS_COMPARE_GRID (self), ZB_COMPARE_GRID_UNSORTED);
  if (descending != NULL)
    *descending = self->descending;
  return self->sort_column;
}

/* A heading clicked: a report's sorts highest first, then lowest, then not;
 * the indicator's by name, A to Z, Z to A, then not. */
static void
toggle_sort (ZbCompareGrid *self,
             int            column)
{
  gboolean first_descending = column >= 0;

  if (column == ZB_COMPARE_GRID_TREND_COLUMN)
    return;
  if (self->sort_column != column)
    zb_compare_grid_sort_by (self, column, first_descending);
  else if (self->descending == first_descending)
    zb_compare_grid_sort_by (self, column, !first_descending);
  else
    zb_compare_grid_sort_by (self, ZB_COMPARE_GRID_UNSORTED, FALSE);
}

/* Input ------------------------------------------------------------------- */

guint
zb_compare_grid_get_n_drawn (ZbCompareGrid *self)
{
  g_return_val_if_fail (ZB_IS_COMPARE_GRID (self), 0);
  return self->n_drawn;
}

static void
describe_cursor (ZbCompareGrid *self)
{
  guint selected = self->selection ? gtk_single_selection_get_selected (self->selection) : GTK_INVALID_LIST_POSITION;
  g_autofree char *text = NULL;

  if (selected == GTK_INVALID_LIST_POSITION || self->cursor >= n_columns (self))
    return;
  text = zb_compare_grid_dup_cell_text (row_at (self, selected), self->cursor);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

void
zb_compare_grid_activate_cell (ZbCompareGrid *self,
                               guint          position,
                               guint          column)
{
  ZbComparisonRow *row;

  g_return_if_fail (ZB_IS_COMPARE_GRID (self));

  if (position >= n_rows (self) || column >= n_columns (self))
    return;
  row = row_at (self, position);
  gtk_single_selection_set_selected (self->selection, position);
  self->cursor = column;
  describe_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (zb_comparison_row_get_cell (row, column) != NULL)
    g_signal_emit (self, signals[CELL_ACTIVATED], 0, row, column);
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            ZbCompareGrid   *self)
{
  guint position = 0;
  int column = 0;
  ZbCompareGridPart part = zb_compare_grid_pick (self, x, y, &position, &column);

  self->pressed_cell = FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (part == ZB_COMPARE_GRID_HEADER)
    toggle_sort (self, column);
  else if (part == ZB_COMPARE_GRID_NAME || part == ZB_COMPARE_GRID_TREND)
    gtk_single_selection_set_selected (self->selection, position);
  else if (part == ZB_COMPARE_GRID_CELL)
    {
      gtk_single_selection_set_selected (self->selection, position);
      self->cursor = column;
      self->pressed_cell = n_press == 1;
      describe_cursor (self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             ZbCompareGrid   *self)
{
  guint position = 0;
  int column = 0;

  if (self->pressed_cell && zb_compare_grid_pick (self, x, y, &position, &column) == ZB_COMPARE_GRID_CELL &&
      position == gtk_single_selection_get_selected (self->selection) && (guint) column == self->cursor)
    zb_compare_grid_activate_cell (self, position, column);
  self->pressed_cell = FALSE;
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           ZbCompareGrid            *self)
{
  guint position = 0;
  int column = -1;
  ZbCompareGridPart part = zb_compare_grid_pick (self, x, y, &position, &column);
  int hover_position = part == ZB_COMPARE_GRID_CELL ? (int) position : -1;
  int hover_column = part == ZB_COMPARE_GRID_CELL ? column : -1;
  gboolean link = part == ZB_COMPARE_GRID_CELL && zb_comparison_row_get_cell (row_at (self, position), column) != NULL;

  if (hover_position == self->hover_position && hover_column == self->hover_column)
    return;
  self->hover_position = hover_position;
  self->hover_column = hover_column;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), link || part == ZB_COMPARE_GRID_HEADER ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_leave (GtkEventControllerMotion *motion,
          ZbCompareGrid            *self)
{
  self->hover_position = self->hover_column = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_key (GtkEventControllerKey *controller,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        ZbCompareGrid         *self)
{
  guint rows = n_rows (self), columns = n_columns (self);
  guint selected = gtk_single_selection_get_selected (self->selection);
  int page = self->vadjustment ? MAX (1, gtk_adjustment_get_page_size (self->vadjustment) / row_height (self)) : 10;
  gint64 position = selected == GTK_INVALID_LIST_POSITION ? -1 : (gint64) selected;
  gint64 column = MIN (self->cursor, columns ? columns - 1 : 0);

  if (rows == 0 || columns == 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Up: case GDK_KEY_KP_Up: position--; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: position++; break;
    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up: position -= page; break;
    case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down: position += page; break;
    case GDK_KEY_Home: case GDK_KEY_KP_Home: position = 0; break;
    case GDK_KEY_End: case GDK_KEY_KP_End: position = rows - 1; break;
    case GDK_KEY_Left: case GDK_KEY_KP_Left: column--; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: column++; break;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_space:
      if (selected != GTK_INVALID_LIST_POSITION)
        zb_compare_grid_activate_cell (self, selected, column);
      return TRUE;
    default:
      return FALSE;
    }
  position = CLAMP (position, 0, (gint64) rows - 1);
  self->cursor = CLAMP (column, 0, (gint64) columns - 1);
  gtk_single_selection_set_selected (self->selection, position);
  zb_compare_grid_scroll_to (self, position, self->cursor);
  describe_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static gboolean
zb_compare_grid_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard,
                               GtkTooltip *tooltip)
{
  ZbCompareGrid *self = ZB_COMPARE_GRID (widget);
  guint position = 0;
  int column = 0;
  ZbCompareGridPart part;
  g_autofree char *text = NULL;

  if (keyboard)
    {
      position = gtk_single_selection_get_selected (self->selection);
      column = self->cursor;
      part = position != GTK_INVALID_LIST_POSITION ? ZB_COMPARE_GRID_CELL : ZB_COMPARE_GRID_NOWHERE;
    }
  else
    part = zb_compare_grid_pick (self, x, y, &position, &column);
  if (part == ZB_COMPARE_GRID_HEADER && column >= 0)
    {
      const ZbComparisonColumn *c = zb_comparison_get_column (self->comparison, column);
      text = g_strdup_printf ("%s\n%s", c->title ? c->title : c->label, c->path ? c->path : "");
    }
  else if (part == ZB_COMPARE_GRID_NAME)
    text = g_strdup (zb_comparison_row_get_label (row_at (self, position)));
  else if (part == ZB_COMPARE_GRID_TREND)
    text = g_strdup (_("Growth across the reports: click for its chart"));
  else if (part == ZB_COMPARE_GRID_CELL && column >= 0 && (guint) column < n_columns (self) &&
           zb_comparison_row_get_cell (row_at (self, position), column) != NULL)
    text = cell_tooltip (zb_comparison_get_column (self->comparison, column),
                         zb_comparison_row_get_cell (row_at (self, position), column));
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The model ----------------------------------------------------------------- */

static void
on_rows_changed (ZbCompareGrid *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
zb_compare_grid_set_selection (ZbCompareGrid      *self,
                               GtkSingleSelection *selection)
{
  g_return_if_fail (ZB_IS_COMPARE_GRID (self));

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, selection);
  if (selection != NULL)
    {
      g_signal_connect_swapped (selection, "items-changed", G_CALLBACK (on_rows_changed), self);
      g_signal_connect_swapped (selection, "selection-changed", G_CALLBACK (gtk_widget_queue_draw), self);
    }
  on_rows_changed (self);
}

void
zb_compare_grid_set_comparison (ZbCompareGrid *self,
                                ZbComparison  *comparison)
{
  g_return_if_fail (ZB_IS_COMPARE_GRID (self));

  g_set_object (&self->comparison, comparison);
  clear_nodes (self);
  self->n_drawn = 0;
  self->cursor = 0;
  self->hover_position = self->hover_column = -1;
  /* a sort column of another comparison may not exist here */
  if (self->sort_column >= (int) n_columns (self))
    self->sort_column = ZB_COMPARE_GRID_UNSORTED;
  self->column_width = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

ZbComparison *
zb_compare_grid_get_comparison (ZbCompareGrid *self)
{
  g_return_val_if_fail (ZB_IS_COMPARE_GRID (self), NULL);
  return self->comparison;
}

/* GtkScrollable ------------------------------------------------------------- */

static void
set_adjustment (ZbCompareGrid  *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, self);
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  g_set_object (slot, adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (gtk_widget_queue_draw), self);
  configure_adjustments (self);
}

static void
zb_compare_grid_scrollable_init (GtkScrollableInterface *iface)
{
}

static void
zb_compare_grid_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ZbCompareGrid *self = ZB_COMPARE_GRID (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT: g_value_set_object (value, self->hadjustment); break;
    case PROP_VADJUSTMENT: g_value_set_object (value, self->vadjustment); break;
    case PROP_HSCROLL_POLICY: g_value_set_enum (value, self->hscroll_policy); break;
    case PROP_VSCROLL_POLICY: g_value_set_enum (value, self->vscroll_policy); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_compare_grid_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ZbCompareGrid *self = ZB_COMPARE_GRID (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT: set_adjustment (self, &self->hadjustment, g_value_get_object (value)); break;
    case PROP_VADJUSTMENT: set_adjustment (self, &self->vadjustment, g_value_get_object (value)); break;
    case PROP_HSCROLL_POLICY: self->hscroll_policy = g_value_get_enum (value); break;
    case PROP_VSCROLL_POLICY: self->vscroll_policy = g_value_get_enum (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The widget ---------------------------------------------------------------- */

static void
zb_compare_grid_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  ZbCompareGrid *self = ZB_COMPARE_GRID (widget);

  GTK_WIDGET_CLASS (zb_compare_grid_parent_class)->css_changed (widget, change);
  /* the theme's colours and font are in the nodes drawn */
  self->colors_known = FALSE;
  self->line_height = 0;
  g_clear_object (&self->layout);
  self->layout = gtk_widget_create_pango_layout (widget, NULL);
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
  clear_nodes (self);
  gtk_widget_queue_resize (widget);
}

static void
zb_compare_grid_dispose (GObject *object)
{
  ZbCompareGrid *self = ZB_COMPARE_GRID (object);

  zb_compare_grid_set_selection (self, NULL);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->comparison);
  g_clear_object (&self->sorter);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->nodes, g_hash_table_unref);
  g_clear_pointer (&self->headers, g_ptr_array_unref);

  G_OBJECT_CLASS (zb_compare_grid_parent_class)->dispose (object);
}

static void
zb_compare_grid_class_init (ZbCompareGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zb_compare_grid_dispose;
  object_class->get_property = zb_compare_grid_get_property;
  object_class->set_property = zb_compare_grid_set_property;
  widget_class->snapshot = zb_compare_grid_snapshot;
  widget_class->measure = zb_compare_grid_measure;
  widget_class->size_allocate = zb_compare_grid_size_allocate;
  widget_class->query_tooltip = zb_compare_grid_query_tooltip;
  widget_class->css_changed = zb_compare_grid_css_changed;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /* (ZbComparisonRow *row, guint column): a report's figure asked for */
  signals[CELL_ACTIVATED] = g_signal_new ("cell-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 2, ZB_TYPE_COMPARISON_ROW, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "zbcomparegrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
zb_compare_grid_init (ZbCompareGrid *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->sort_column = ZB_COMPARE_GRID_UNSORTED;
  self->hover_position = self->hover_column = -1;
  self->sorter = gtk_custom_sorter_new (compare_rows, self, NULL);
  self->nodes = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->headers = g_ptr_array_new_with_free_func (node_unref);
  self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
zb_compare_grid_new (void)
{
  return g_object_new (ZB_TYPE_COMPARE_GRID, NULL);
}
