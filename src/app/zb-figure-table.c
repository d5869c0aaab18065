/* zb-figure-table.c — the pane of a document's figures: one row each, cells edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A column is a row of columns[] below: a title, a kind of cell and, for
 * a figure's field, the field. A kind of cell (cell_kinds[]) makes, binds
 * and sorts its widgets; a new column of an existing kind is one line.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "zb-figure-table-private.h"
#include "zb-review-cell.h"
#include "zb-targets-view.h"
#include "zb-message.h"

typedef enum {
  CELL_FIELD,    /* a ZbFigureCell: a field of the figure, edited in place */
  CELL_STATUS,   /* the ledger's verdict, read only */
  CELL_REVIEW,   /* a ZbReviewCell: the parser's doubt and the clerk's review */
} CellKind;

typedef struct {
  const char *title;
  CellKind    kind;
  ZbField     field;
  gboolean    expand;
  int         width;
} Column;

/* A field's column is titled as zb_figure_cell_field_title() names it. */
static const Column columns[] = {
  /* where the eye starts: what is left to check */
  { N_("Review"), CELL_REVIEW, ZB_FIELD_REVIEWED, FALSE, 56 },
  { NULL, CELL_FIELD, ZB_FIELD_NAME, TRUE, 0 },
  { NULL, CELL_FIELD, ZB_FIELD_PERIOD, FALSE, 68 },
  { NULL, CELL_FIELD, ZB_FIELD_VALUE, FALSE, 68 },
  { NULL, CELL_FIELD, ZB_FIELD_UNIT, FALSE, 52 },
  { NULL, CELL_FIELD, ZB_FIELD_CHANGE, FALSE, 60 },
  { NULL, CELL_FIELD, ZB_FIELD_CHANGE_UNIT, FALSE, 84 },
  { NULL, CELL_FIELD, ZB_FIELD_TARGET, FALSE, 84 },
  { NULL, CELL_FIELD, ZB_FIELD_GAP, FALSE, 72 },
  /* beside the target and gap it judges */
  { N_("Status"), CELL_STATUS, 0, FALSE, 92 },
  { NULL, CELL_FIELD, ZB_FIELD_KIND, FALSE, 72 },
  { NULL, CELL_FIELD, ZB_FIELD_RANK, FALSE, 48 },
};

struct _ZbFigureTable
{
  ZbPane              parent_instance;

  /* template */
  GtkWidget          *scroller;
  GtkColumnView      *column_view;
  GtkPopoverMenu     *row_menu;

  char               *filter_text;     /* casefolded, NULL: none */
  gboolean            review_only;     /* only the figures the parser flagged */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GHashTable         *cells;           /* live cell widget → its const Column */
  gboolean            selecting;       /* the selection follows the document */
};

G_DEFINE_FINAL_TYPE (ZbFigureTable, zb_figure_table, ZB_TYPE_PANE)

#define DOCUMENT(self) zb_pane_get_document (ZB_PANE (self))

enum {
  PROP_0,
  PROP_FILTER_TEXT,
  PROP_SUMMARY,
  PROP_FIGURE_KIND,
  PROP_REVIEW_ONLY,
  PROP_FIGURE_REVIEWED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  GtkWidget *(*create) (ZbFigureTable *self, const Column *column);
  /* shows @figure (NULL: the row is gone) and the document's view of it */
  void       (*bind)   (ZbFigureTable *self, GtkWidget *cell, ZbFigure *figure);
  GtkSorter *(*sorter) (ZbFigureTable *self, const Column *column);
} CellClass;

static const CellClass *cell_class (CellKind kind);

static ZbFigure *
cell_figure (GtkWidget *cell)
{
  return g_object_get_data (G_OBJECT (cell), "zb-figure");
}

/* Field cells ----------------------------------------------------------- */

/* Percentage points, signed, as the chart labels them; the column says
 * what they are, and a narrow one has no room for 个百分点. */
static char *
format_gap (double gap_pp)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup_printf ("%s%s", gap_pp > 0 ? "+" : "",
                          g_ascii_formatd (buffer, sizeof buffer, "%.1f", gap_pp));
}

/* The ledger's target and gap in a Target or Gap cell of an actual that
 * has none of its own. */
static void
apply_derived (ZbFigureTable *self,
               ZbFigureCell  *cell)
{
  ZbField field = zb_figure_cell_get_field (cell);
  ZbFigure *figure = zb_figure_cell_get_figure (cell);
  const ZbAssessment *a = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tip = NULL;

  if (field != ZB_FIELD_TARGET && field != ZB_FIELD_GAP)
    return;
  if (figure != NULL && DOCUMENT (self) != NULL)
    a = zb_document_get_assessment (DOCUMENT (self), figure);
  if (a != NULL && a->target != NULL)
    {
      g_autofree char *where = zb_targets_view_describe_source (a->target);

      if (field == ZB_FIELD_TARGET)
        text = zb_targets_view_format_target (a->target);
      else if (isfinite (a->gap_pp))
        text = format_gap (a->gap_pp);
      /* Translators: tooltip of a target or gap taken from the ledger; %s says where the target was read */
      tip = g_strdup_printf (_("From the targets ledger — %s"), where);
    }
  zb_figure_cell_set_derived (cell, text, text ? tip : NULL);
}

static void
select_figure (ZbFigureTable *self,
               ZbFigure      *figure)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (model, i);

      if (f == figure)
        {
          if (gtk_single_selection_get_selected (self->selection) != i)
            gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
on_cell_commit (ZbFigureCell  *cell,
                const char    *text,
                ZbFigureTable *self)
{
  g_autoptr(GError) error = NULL;
  ZbFigure *figure = zb_figure_cell_get_figure (cell);

  if (figure == NULL || DOCUMENT (self) == NULL)
    return;
  if (!zb_document_correct (DOCUMENT (self), figure, zb_figure_cell_get_field (cell), text, &error))
    {
      /* Translators: %s is the reason, e.g. “abc” is not a number */
      g_autofree char *message = g_strdup_printf (_("Not changed: %s"), error->message);

      zb_figure_cell_refuse (cell, error->message);
      zb_message_toast (GTK_WIDGET (self), message, 5, NULL, NULL, NULL);
    }
}

static void edit_cell_at (ZbFigureTable *self,
                          guint          position,
                          ZbField        field);

/* Tab and Shift+Tab go through the row's editable cells, then on to the
 * next or previous row. */
static void
on_cell_move (ZbFigureCell  *cell,
              int            direction,
              ZbFigureTable *self)
{
  ZbFigure *figure = zb_figure_cell_get_figure (cell);
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n_rows = g_list_model_get_n_items (model);
  int n = G_N_ELEMENTS (columns);
  int index = -1;
  guint position;

  for (int i = 0; i < n; i++)
    if (columns[i].kind == CELL_FIELD && columns[i].field == zb_figure_cell_get_field (cell))
      index = i;
  if (figure == NULL || index < 0 || n_rows == 0)
    return;
  for (position = 0; position < n_rows; position++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (model, position);
      if (f == figure)
        break;
    }
  if (position == n_rows)
    return;

  do
    {
      index += direction;
      if (index >= n)
        {
          index = 0;
          position = (position + 1) % n_rows;
        }
      else if (index < 0)
        {
          index = n - 1;
          position = (position + n_rows - 1) % n_rows;
        }
    }
  while (columns[index].kind != CELL_FIELD);
  edit_cell_at (self, position, columns[index].field);
}

static void
on_cell_focus_enter (GtkEventControllerFocus *controller,
                     ZbFigureCell            *cell)
{
  GtkWidget *table = gtk_widget_get_ancestor (GTK_WIDGET (cell), ZB_TYPE_FIGURE_TABLE);
  ZbFigure *figure = zb_figure_cell_get_figure (cell);

  if (table != NULL && figure != NULL)
    select_figure (ZB_FIGURE_TABLE (table), figure);
}

static GtkWidget *
field_create (ZbFigureTable *self,
              const Column  *column)
{
  GtkWidget *cell = zb_figure_cell_new (column->field);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (cell, "commit", G_CALLBACK (on_cell_commit), self);
  g_signal_connect (cell, "move", G_CALLBACK (on_cell_move), self);
  g_signal_connect (focus, "enter", G_CALLBACK (on_cell_focus_enter), cell);
  gtk_widget_add_controller (cell, focus);
  return cell;
}

static void
field_bind (ZbFigureTable *self,
            GtkWidget     *cell,
            ZbFigure      *figure)
{
  if (figure == NULL)
    zb_figure_cell_set_derived (ZB_FIGURE_CELL (cell), NULL, NULL);
  if (figure != zb_figure_cell_get_figure (ZB_FIGURE_CELL (cell)))
    zb_figure_cell_set_figure (ZB_FIGURE_CELL (cell), figure);
  if (figure != NULL)
    apply_derived (self, ZB_FIGURE_CELL (cell));
}

static int
compare_figures (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  ZbField field = GPOINTER_TO_INT (user_data);
  ZbFigure *fa = (ZbFigure *) a;
  ZbFigure *fb = (ZbFigure *) b;
  const ZbNumber *na = NULL, *nb = NULL;

  switch (field)
    {
    case ZB_FIELD_VALUE: na = zb_figure_get_value (fa); nb = zb_figure_get_value (fb); break;
    case ZB_FIELD_CHANGE: na = zb_figure_get_change (fa); nb = zb_figure_get_change (fb); break;
    case ZB_FIELD_TARGET: na = zb_figure_get_target (fa); nb = zb_figure_get_target (fb); break;
    case ZB_FIELD_GAP: na = zb_figure_get_gap (fa); nb = zb_figure_get_gap (fb); break;
    case ZB_FIELD_RANK:
      return zb_figure_get_rank (fa) - zb_figure_get_rank (fb);
    default:
      break;
    }

  if (na != NULL)
    {
      /* empty cells first, then by value */
      if (na->set != nb->set)
        return na->set ? GTK_ORDERING_LARGER : GTK_ORDERING_SMALLER;
      return na->value < nb->value ? GTK_ORDERING_SMALLER :
             na->value > nb->value ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
    }
  else
    {
      g_autofree char *ta = zb_figure_dup_field (fa, field);
      g_autofree char *tb = zb_figure_dup_field (fb, field);

      return gtk_ordering_from_cmpfunc (g_utf8_collate (ta ? ta : "", tb ? tb : ""));
    }
}

static GtkSorter *
field_sorter (ZbFigureTable *self,
              const Column  *column)
{
  return GTK_SORTER (gtk_custom_sorter_new (compare_figures, GINT_TO_POINTER (column->field), NULL));
}

/* Status cells ----------------------------------------------------------- */

static const char *
status_symbol (ZbStatus status)
{
  switch (status)
    {
    case ZB_STATUS_AHEAD: return "▲";
    case ZB_STATUS_ON_TRACK: return "●";
    case ZB_STATUS_BEHIND: return "▼";
    case ZB_STATUS_UNKNOWN:
    default: return "–";
    }
}

static char *
conflict_text (ZbFigureTable      *self,
               const ZbAssessment *a)
{
  ZbLedger *ledger = zb_document_get_ledger (DOCUMENT (self));
  g_autoptr(GPtrArray) targets = zb_ledger_get_targets (ledger, a->indicator, a->year, a->area);
  GString *text = g_string_new (_("Conflicting targets:"));

  for (guint i = 0; i < targets->len; i++)
    {
      const ZbTarget *t = g_ptr_array_index (targets, i);
      g_autofree char *what = NULL;
      g_autofree char *where = NULL;

      /* a target for another kind of period is no rival */
      if (!zb_target_applies_to_period (t, zb_figure_get_period (a->figure)))
        continue;
      what = zb_targets_view_format_target (t);
      where = zb_targets_view_describe_source (t);

      g_string_append_printf (text, "\n• %s — %s", what, where);
    }
  return g_string_free (text, FALSE);
}

static GtkWidget *
status_create (ZbFigureTable *self,
               const Column  *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "status");
  return label;
}

static void
status_bind (ZbFigureTable *self,
             GtkWidget     *cell,
             ZbFigure      *figure)
{
  static const char *classes[] = { "status-unknown", "status-ahead", "status-on-track", "status-behind" };
  const ZbAssessment *a = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tip = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (cell, classes[i]);
  if (figure != NULL && DOCUMENT (self) != NULL)
    a = zb_document_get_assessment (DOCUMENT (self), figure);
  if (a == NULL)
    {
      gtk_label_set_label (GTK_LABEL (cell), "");
      zb_message_set_tooltip (cell, NULL);
      return;
    }
  gtk_widget_add_css_class (cell, classes[a->status]);
  text = g_strdup_printf ("%s%s %s", a->n_targets > 1 ? "⚠ " : "", status_symbol (a->status),
                          zb_status_to_label (a->status, NULL));
  if (a->n_targets > 1)
    tip = conflict_text (self, a);
  else if (a->target != NULL)
    tip = zb_targets_view_describe_source (a->target);
  gtk_label_set_label (GTK_LABEL (cell), text);
  zb_message_set_tooltip (cell, tip);
}

static int
compare_status (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  ZbFigureTable *self = data;
  const ZbAssessment *sa = zb_document_get_assessment (DOCUMENT (self), (ZbFigure *) a);
  const ZbAssessment *sb = zb_document_get_assessment (DOCUMENT (self), (ZbFigure *) b);
  /* behind first: that is what a clerk sorts for */
  static const int rank[] = { 3, 2, 1, 0 };
  int ra = sa ? rank[sa->status] : 4;
  int rb = sb ? rank[sb->status] : 4;

  return ra < rb ? GTK_ORDERING_SMALLER : ra > rb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static GtkSorter *
status_sorter (ZbFigureTable *self,
               const Column  *column)
{
  return GTK_SORTER (gtk_custom_sorter_new (compare_status, self, NULL));
}

/* Review cells ----------------------------------------------------------- */

static void
on_review_toggled (ZbReviewCell  *cell,
                   ZbFigureTable *self)
{
  ZbFigure *figure = zb_review_cell_get_figure (cell);
  g_autoptr(GError) error = NULL;

  if (figure == NULL || DOCUMENT (self) == NULL)
    return;
  select_figure (self, figure);
  if (!zb_document_set_reviewed (DOCUMENT (self), figure, !zb_figure_get_reviewed (figure), &error))
    zb_message_toast (GTK_WIDGET (self), error->message, 5, NULL, NULL, NULL);
}

static GtkWidget *
review_create (ZbFigureTable *self,
               const Column  *column)
{
  GtkWidget *cell = zb_review_cell_new ();

  g_signal_connect (cell, "toggled", G_CALLBACK (on_review_toggled), self);
  return cell;
}

static void
review_bind (ZbFigureTable *self,
             GtkWidget     *cell,
             ZbFigure      *figure)
{
  zb_review_cell_set_figure (ZB_REVIEW_CELL (cell), figure);
}

/* what is left to check first, then what was doubted and checked */
static int
review_rank (ZbFigure *figure)
{
  if (zb_figure_awaits_review (figure))
    return 0;
  return zb_figure_needs_review (figure) ? 1 : 2;
}

static int
compare_review (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  int ra = review_rank ((ZbFigure *) a), rb = review_rank ((ZbFigure *) b);
  double ca = zb_figure_get_confidence ((ZbFigure *) a), cb = zb_figure_get_confidence ((ZbFigure *) b);

  if (ra != rb)
    return ra < rb ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  /* the least sure first */
  if (ra < 2 && ca != cb)
    return ca < cb ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  return GTK_ORDERING_EQUAL;
}

static GtkSorter *
review_sorter (ZbFigureTable *self,
               const Column  *column)
{
  return GTK_SORTER (gtk_custom_sorter_new (compare_review, self, NULL));
}

static const CellClass *
cell_class (CellKind kind)
{
  static const CellClass kinds[] = {
    [CELL_FIELD] = { field_create, field_bind, field_sorter },
    [CELL_STATUS] = { status_create, status_bind, status_sorter },
    [CELL_REVIEW] = { review_create, review_bind, review_sorter },
  };

  return &kinds[kind];
}

/* Columns ---------------------------------------------------------------- */

/* Cells are tracked by weak reference: list items are not always torn down
 * with their child still attached. */
static void
cell_gone (gpointer  data,
           GObject  *cell)
{
  ZbFigureTable *self = data;

  if (self->cells != NULL)
    g_hash_table_remove (self->cells, cell);
}

static void
cell_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            ZbFigureTable            *self)
{
  const Column *column = g_object_get_data (G_OBJECT (factory), "zb-column");
  GtkWidget *cell = cell_class (column->kind)->create (self, column);

  gtk_list_item_set_child (item, cell);
  g_hash_table_insert (self->cells, cell, (gpointer) column);
  g_object_weak_ref (G_OBJECT (cell), cell_gone, self);
}

/* Shows @figure in the item's cell (NULL: the row went away). */
static void
show_figure (GtkListItemFactory *factory,
             GtkListItem        *item,
             ZbFigureTable      *self,
             ZbFigure           *figure)
{
  const Column *column = g_object_get_data (G_OBJECT (factory), "zb-column");
  GtkWidget *cell = gtk_list_item_get_child (item);

  g_object_set_data_full (G_OBJECT (cell), "zb-figure", figure ? g_object_ref (figure) : NULL, g_object_unref);
  cell_class (column->kind)->bind (self, cell, figure);
}

static void
cell_bind (GtkListItemFactory *factory,
           GtkListItem        *item,
           ZbFigureTable      *self)
{
  show_figure (factory, item, self, gtk_list_item_get_item (item));
}

static void
cell_unbind (GtkListItemFactory *factory,
             GtkListItem        *item,
             ZbFigureTable      *self)
{
  show_figure (factory, item, self, NULL);
}

static void
setup_columns (ZbFigureTable *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = cell_class (columns[i].kind)->sorter (self, &columns[i]);

      g_object_set_data (G_OBJECT (factory), "zb-column", (gpointer) &columns[i]);
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), self);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind), self);

      column = gtk_column_view_column_new (columns[i].title ? _(columns[i].title)
                                                            : zb_figure_cell_field_title (columns[i].field),
                                           factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      if (!columns[i].expand)
        gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_append_column (self->column_view, column);
    }
}

/* The document's view of each cell shown: after a rebuild of the ledger. */
static void
rebind_cells (ZbFigureTable *self)
{
  GHashTableIter iter;
  gpointer cell, column;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &cell, &column))
    if (cell_figure (cell) != NULL)
      cell_class (((const Column *) column)->kind)->bind (self, cell, cell_figure (cell));
}

/* Editing ---------------------------------------------------------------- */

/* The list view inside the column view: it has the scroll action. */
static GtkWidget *
table_list_view (ZbFigureTable *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

/* Brings a cell into the scrolled window's view sideways: GTK 4.8's column
 * view only scrolls rows. */
static void
reveal_cell (ZbFigureTable *self,
             ZbFigureCell  *cell)
{
  GtkAdjustment *h;
  graphene_rect_t bounds;
  double value, page;

  if (!gtk_widget_compute_bounds (GTK_WIDGET (cell), self->scroller, &bounds))
    return;
  h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  value = gtk_adjustment_get_value (h);
  page = gtk_adjustment_get_page_size (h);
  if (bounds.origin.x < 0)
    gtk_adjustment_set_value (h, value + bounds.origin.x);
  else if (bounds.origin.x + bounds.size.width > page)
    gtk_adjustment_set_value (h, value + bounds.origin.x + bounds.size.width - page);
}

static gboolean
cell_in_view (ZbFigureTable *self,
              ZbFigureCell  *cell)
{
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (GTK_WIDGET (cell), self->scroller, &bounds))
    return FALSE;
  return bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (self->scroller) + 0.5;
}

typedef struct {
  ZbFigureTable *table;
  ZbFigure      *figure;
  ZbField        field;
  int            frames;   /* left to wait for the row to be laid out */
} PendingEdit;

static void
pending_edit_free (PendingEdit *pending)
{
  g_object_unref (pending->figure);
  g_free (pending);
}

static gboolean
start_if_shown (ZbFigureTable *self,
                ZbFigure      *figure,
                ZbField        field)
{
  ZbFigureCell *cell = zb_figure_table_find_cell (self, figure, field);

  if (cell == NULL || !cell_in_view (self, cell))
    return FALSE;
  reveal_cell (self, cell);
  zb_figure_cell_start_editing (cell);
  return TRUE;
}

static gboolean
edit_when_shown (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  PendingEdit *pending = data;

  if (start_if_shown (pending->table, pending->figure, pending->field))
    return G_SOURCE_REMOVE;
  return --pending->frames > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Scrolls the table to @position and edits @field there once the row is
 * laid out. */
static void
edit_cell_at (ZbFigureTable *self,
              guint          position,
              ZbField        field)
{
  g_autoptr(ZbFigure) figure = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  GtkWidget *list;
  PendingEdit *pending;

  if (figure == NULL)
    return;
  gtk_single_selection_set_selected (self->selection, position);
  if (start_if_shown (self, figure, field))
    return;

  /* off screen: the list view's own action scrolls to the row (GTK 4.8 has
   * no gtk_column_view_scroll_to) */
  if ((list = table_list_view (self)) != NULL)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
  pending = g_new0 (PendingEdit, 1);
  pending->table = self;
  pending->figure = g_steal_pointer (&figure);
  pending->field = field;
  pending->frames = 30;
  gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view), edit_when_shown, pending,
                                (GDestroyNotify) pending_edit_free);
}

/* The cell whose text the clerk is editing, NULL when none. */
static ZbFigureCell *
editing_cell (ZbFigureTable *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *cell = focus ? gtk_widget_get_ancestor (focus, ZB_TYPE_FIGURE_CELL) : NULL;

  if (cell == NULL || !gtk_widget_is_ancestor (cell, GTK_WIDGET (self)) ||
      !zb_figure_cell_get_editing (ZB_FIGURE_CELL (cell)))
    return NULL;
  return ZB_FIGURE_CELL (cell);
}

gboolean
zb_figure_table_undo_typing (ZbFigureTable *self,
                             gboolean       redo)
{
  ZbFigureCell *cell;

  g_return_val_if_fail (ZB_IS_FIGURE_TABLE (self), FALSE);

  if ((cell = editing_cell (self)) == NULL)
    return FALSE;
  zb_figure_cell_undo_text (cell, redo);
  return TRUE;
}

void
zb_figure_table_edit_selected (ZbFigureTable *self)
{
  GtkRoot *root;
  GtkWidget *focus, *cell = NULL;
  ZbFigure *figure;

  g_return_if_fail (ZB_IS_FIGURE_TABLE (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    cell = gtk_widget_get_ancestor (focus, ZB_TYPE_FIGURE_CELL);
  if (cell == NULL && (figure = gtk_single_selection_get_selected_item (self->selection)))
    cell = (GtkWidget *) zb_figure_table_find_cell (self, figure, ZB_FIELD_NAME);
  if (cell != NULL)
    zb_figure_cell_start_editing (ZB_FIGURE_CELL (cell));
}

void
zb_figure_table_delete_selected (ZbFigureTable *self)
{
  ZbFigure *figure;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ZB_IS_FIGURE_TABLE (self));

  if (DOCUMENT (self) == NULL || (figure = zb_document_get_figure (DOCUMENT (self))) == NULL)
    return;
  if (!zb_document_correct (DOCUMENT (self), figure, ZB_FIELD_DELETED, "true", &error))
    zb_message_toast (GTK_WIDGET (self), error->message, 5, NULL, NULL, NULL);
  else
    zb_message_toast (GTK_WIDGET (self), _("Figure deleted"), 5, _("_Undo"), "win.undo", NULL);
}

void
zb_figure_table_set_selected_kind (ZbFigureTable *self,
                                   const char    *kind)
{
  ZbFigure *figure;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ZB_IS_FIGURE_TABLE (self));

  if (DOCUMENT (self) == NULL || (figure = zb_document_get_figure (DOCUMENT (self))) == NULL || kind == NULL)
    return;
  if (!zb_document_correct (DOCUMENT (self), figure, ZB_FIELD_KIND, kind, &error))
    zb_message_toast (GTK_WIDGET (self), error->message, 5, NULL, NULL, NULL);
}

static const char *
selected_kind (ZbFigureTable *self)
{
  ZbFigure *figure = DOCUMENT (self) ? zb_document_get_figure (DOCUMENT (self)) : NULL;

  return zb_figure_kind_to_string (figure ? zb_figure_get_kind (figure) : ZB_FIGURE_ACTUAL);
}

static gboolean
selected_reviewed (ZbFigureTable *self)
{
  ZbFigure *figure = DOCUMENT (self) ? zb_document_get_figure (DOCUMENT (self)) : NULL;

  return figure != NULL && zb_figure_get_reviewed (figure);
}

static void
set_selected_reviewed (ZbFigureTable *self,
                       gboolean       reviewed)
{
  ZbFigure *figure = DOCUMENT (self) ? zb_document_get_figure (DOCUMENT (self)) : NULL;
  g_autoptr(GError) error = NULL;

  if (figure != NULL && !zb_document_set_reviewed (DOCUMENT (self), figure, reviewed, &error))
    zb_message_toast (GTK_WIDGET (self), error->message, 5, NULL, NULL, NULL);
}

/* Rows ------------------------------------------------------------------- */

static gboolean
figure_visible (gpointer item,
                gpointer user_data)
{
  ZbFigureTable *self = user_data;
  ZbFigure *figure = item;

  if (DOCUMENT (self) == NULL || !zb_document_in_section (DOCUMENT (self), figure))
    return FALSE;
  if (self->review_only && !zb_figure_needs_review (figure))
    return FALSE;
  if (self->filter_text != NULL)
    {
      const char *name = zb_figure_get_name (figure);
      g_autofree char *folded = g_utf8_casefold (name ? name : "", -1);

      if (strstr (folded, self->filter_text) == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
refilter (ZbFigureTable *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
update_actions (ZbFigureTable *self)
{
  gboolean has_figure = DOCUMENT (self) != NULL && zb_document_get_figure (DOCUMENT (self)) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.edit-cell", has_figure);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.delete-figure", has_figure);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.figure-kind", has_figure);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.reviewed", has_figure);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.show-row-menu", has_figure);
}

static void
on_selected (GtkSingleSelection *selection,
             GParamSpec         *pspec,
             ZbFigureTable      *self)
{
  if (DOCUMENT (self) != NULL && !self->selecting)
    zb_document_set_figure (DOCUMENT (self), gtk_single_selection_get_selected_item (selection));
}

static void show_row (ZbFigureTable *self,
                      guint          position);

/* The document's figure chosen elsewhere (a chart, Add Figure): shown,
 * and scrolled to. */
static void
on_document_figure (ZbDocument    *document,
                    GParamSpec    *pspec,
                    ZbFigureTable *self)
{
  ZbFigure *figure = zb_document_get_figure (document);

  self->selecting = TRUE;
  if (figure == NULL)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  else if (figure != gtk_single_selection_get_selected_item (self->selection))
    {
      /* shown: the filters that hide it are cleared; the section view
       * stays unless the figure is outside it */
      if (!zb_figure_get_deleted (figure) && !figure_visible (figure, self))
        {
          zb_figure_table_set_filter_text (self, NULL);
          zb_figure_table_set_review_only (self, FALSE);
          if (!zb_document_in_section (document, figure))
            zb_document_set_section (document, ZB_DOCUMENT_WHOLE_REPORT);
        }
      select_figure (self, figure);
      if (gtk_single_selection_get_selected_item (self->selection) == figure)
        show_row (self, gtk_single_selection_get_selected (self->selection));
    }
  self->selecting = FALSE;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIGURE_KIND]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIGURE_REVIEWED]);
}

static void
on_figure_changed (ZbDocument    *document,
                   ZbFigure      *figure,
                   int            field,
                   ZbFigureTable *self)
{
  if (field == ZB_FIELD_DELETED || field == ZB_FIELD_NAME)
    refilter (self);
  if (field == ZB_FIELD_KIND && figure == zb_document_get_figure (document))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIGURE_KIND]);
  /* any correction may review it */
  if (figure == zb_document_get_figure (document))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIGURE_REVIEWED]);
}

static void
on_items_changed (GListModel    *model,
                  guint          position,
                  guint          removed,
                  guint          added,
                  ZbFigureTable *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

/* Properties ------------------------------------------------------------- */

static void
document_changed (ZbPane     *pane,
                  ZbDocument *document)
{
  ZbFigureTable *self = ZB_FIGURE_TABLE (pane);

  self->selecting = TRUE;
  gtk_filter_list_model_set_model (self->filtered, document ? zb_document_get_figures (document) : NULL);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->selecting = FALSE;
  refilter (self);
  update_actions (self);
}

const char *
zb_figure_table_get_filter_text (ZbFigureTable *self)
{
  g_return_val_if_fail (ZB_IS_FIGURE_TABLE (self), NULL);
  return self->filter_text;
}

void
zb_figure_table_set_filter_text (ZbFigureTable *self,
                                 const char    *text)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (ZB_IS_FIGURE_TABLE (self));

  if (text != NULL && *text != '\0')
    folded = g_utf8_casefold (text, -1);
  if (g_strcmp0 (folded, self->filter_text) == 0)
    return;
  g_free (self->filter_text);
  self->filter_text = g_steal_pointer (&folded);
  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER_TEXT]);
}

gboolean
zb_figure_table_get_review_only (ZbFigureTable *self)
{
  g_return_val_if_fail (ZB_IS_FIGURE_TABLE (self), FALSE);
  return self->review_only;
}

void
zb_figure_table_set_review_only (ZbFigureTable *self,
                                 gboolean       review_only)
{
  g_return_if_fail (ZB_IS_FIGURE_TABLE (self));

  if (self->review_only == !!review_only)
    return;
  self->review_only = !!review_only;
  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_ONLY]);
}

/* Scrolls the row at @position into view and gives it the keyboard focus. */
static void
show_row (ZbFigureTable *self,
          guint          position)
{
  GtkWidget *list = table_list_view (self);

  gtk_single_selection_set_selected (self->selection, position);
  /* GTK 4.8 has no gtk_column_view_scroll_to: the list view's own action */
  if (list != NULL)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
}

/* The next figure to review after @from in the table's order, around to
 * the first; GTK_INVALID_LIST_POSITION when none is left in view. */
static guint
next_to_review (ZbFigureTable *self,
                guint          from)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 1; i <= n; i++)
    {
      guint position = from == GTK_INVALID_LIST_POSITION ? i - 1 : (from + i) % n;
      g_autoptr(ZbFigure) f = g_list_model_get_item (model, position);

      if (zb_figure_awaits_review (f))
        return position;
    }
  return GTK_INVALID_LIST_POSITION;
}

void
zb_figure_table_review_next (ZbFigureTable *self)
{
  ZbFigure *figure;
  g_autoptr(GError) error = NULL;
  guint next;

  g_return_if_fail (ZB_IS_FIGURE_TABLE (self));

  if (DOCUMENT (self) == NULL)
    return;
  figure = zb_document_get_figure (DOCUMENT (self));
  if (figure != NULL && !zb_document_set_reviewed (DOCUMENT (self), figure, TRUE, &error))
    {
      zb_message_toast (GTK_WIDGET (self), error->message, 5, NULL, NULL, NULL);
      return;
    }
  next = next_to_review (self, gtk_single_selection_get_selected (self->selection));
  if (next != GTK_INVALID_LIST_POSITION)
    {
      show_row (self, next);
      return;
    }
  if (zb_document_get_n_to_review (DOCUMENT (self)) > 0)
    {
      guint left = zb_document_get_n_to_review (DOCUMENT (self));
      /* Translators: the figures still to review are in other sections, or hidden by the name filter */
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "Nothing left to review here; %u figure elsewhere in the report",
                                                               "Nothing left to review here; %u figures elsewhere in the report",
                                                               left), left);
      zb_message_toast (GTK_WIDGET (self), message, 5, NULL, NULL, NULL);
    }
  else
    zb_message_toast (GTK_WIDGET (self), _("Every flagged figure is reviewed"), 5, NULL, NULL, NULL);
}

static char *
dup_summary (ZbFigureTable *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  /* Translators: the number of figures shown in the table */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u figure", "%u figures", shown), shown);
}

static void
zb_figure_table_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ZbFigureTable *self = ZB_FIGURE_TABLE (object);

  switch (prop_id)
    {
    case PROP_FILTER_TEXT: g_value_set_string (value, self->filter_text); break;
    case PROP_SUMMARY: g_value_take_string (value, dup_summary (self)); break;
    case PROP_FIGURE_KIND: g_value_set_string (value, selected_kind (self)); break;
    case PROP_REVIEW_ONLY: g_value_set_boolean (value, self->review_only); break;
    case PROP_FIGURE_REVIEWED: g_value_set_boolean (value, selected_reviewed (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_figure_table_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ZbFigureTable *self = ZB_FIGURE_TABLE (object);

  switch (prop_id)
    {
    case PROP_FILTER_TEXT: zb_figure_table_set_filter_text (self, g_value_get_string (value)); break;
    case PROP_FIGURE_KIND: zb_figure_table_set_selected_kind (self, g_value_get_string (value)); break;
    case PROP_REVIEW_ONLY: zb_figure_table_set_review_only (self, g_value_get_boolean (value)); break;
    case PROP_FIGURE_REVIEWED: set_selected_reviewed (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Actions and the row menu ----------------------------------------------- */

static void
edit_cell_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  zb_figure_table_edit_selected (ZB_FIGURE_TABLE (widget));
}

static void
delete_figure_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  zb_figure_table_delete_selected (ZB_FIGURE_TABLE (widget));
}

static void
review_next_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  zb_figure_table_review_next (ZB_FIGURE_TABLE (widget));
}

/* The row menu at @rect (in the table's coordinates). */
static void
popup_row_menu (ZbFigureTable      *self,
                const GdkRectangle *rect)
{
  gtk_popover_set_pointing_to (GTK_POPOVER (self->row_menu), rect);
  gtk_popover_popup (GTK_POPOVER (self->row_menu));
}

/* Menu key and Shift+F10: the menu of the selected row, under its name. */
static void
show_row_menu_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  ZbFigureTable *self = ZB_FIGURE_TABLE (widget);
  ZbFigure *figure = gtk_single_selection_get_selected_item (self->selection);
  ZbFigureCell *cell = figure ? zb_figure_table_find_cell (self, figure, ZB_FIELD_NAME) : NULL;
  graphene_rect_t bounds;

  if (cell != NULL && gtk_widget_compute_bounds (GTK_WIDGET (cell), GTK_WIDGET (self), &bounds))
    popup_row_menu (self, &(GdkRectangle) { bounds.origin.x + 12, bounds.origin.y + bounds.size.height, 1, 1 });
  else
    popup_row_menu (self, &(GdkRectangle) { 24, 24, 1, 1 });
}

/* Space reviews: caught before the row, which would take it to select
 * itself, but not from a cell being typed in. */
static gboolean
on_key_captured (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 ZbFigureTable         *self)
{
  if (keyval != GDK_KEY_space || (state & gtk_accelerator_get_default_mod_mask ()) != 0 ||
      editing_cell (self) != NULL)
    return GDK_EVENT_PROPAGATE;
  zb_figure_table_review_next (self);
  return GDK_EVENT_STOP;
}

/* Enter on a row edits its name, as F2 does. */
static void
on_activate (GtkColumnView *view,
             guint          position,
             ZbFigureTable *self)
{
  zb_figure_table_edit_selected (self);
}

static void
on_row_pressed (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                ZbFigureTable   *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);
  GtkWidget *cell = NULL;
  graphene_point_t at;

  for (GtkWidget *w = picked; w != NULL && cell == NULL; w = gtk_widget_get_parent (w))
    if (g_hash_table_contains (self->cells, w))
      cell = w;
  if (cell == NULL || cell_figure (cell) == NULL)
    return;
  select_figure (self, cell_figure (cell));
  if (!gtk_widget_compute_point (GTK_WIDGET (self->column_view), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (x, y), &at))
    return;
  popup_row_menu (self, &(GdkRectangle) { at.x, at.y, 1, 1 });
}

/* GObject ---------------------------------------------------------------- */

static void
zb_figure_table_dispose (GObject *object)
{
  ZbFigureTable *self = ZB_FIGURE_TABLE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZB_TYPE_FIGURE_TABLE);

  G_OBJECT_CLASS (zb_figure_table_parent_class)->dispose (object);
}

static void
zb_figure_table_finalize (GObject *object)
{
  ZbFigureTable *self = ZB_FIGURE_TABLE (object);
  GHashTableIter iter;
  gpointer cell;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    g_object_weak_unref (cell, cell_gone, self);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->filter_text, g_free);

  G_OBJECT_CLASS (zb_figure_table_parent_class)->finalize (object);
}

static void
zb_figure_table_class_init (ZbFigureTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zb_figure_table_dispose;
  object_class->finalize = zb_figure_table_finalize;
  object_class->get_property = zb_figure_table_get_property;
  object_class->set_property = zb_figure_table_set_property;
  ZB_PANE_CLASS (klass)->document_changed = document_changed;

  properties[PROP_FILTER_TEXT] =
    g_param_spec_string ("filter-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* "9 figures": what the table shows */
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* the kind of the selected figure, as table.figure-kind's state */
  properties[PROP_FIGURE_KIND] =
    g_param_spec_string ("figure-kind", NULL, NULL, "actual",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* only the figures the parser flagged: the "Needs review" filter */
  properties[PROP_REVIEW_ONLY] =
    g_param_spec_boolean ("review-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* whether the selected figure is reviewed, as table.reviewed's state */
  properties[PROP_FIGURE_REVIEWED] =
    g_param_spec_boolean ("figure-reviewed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zhibiao/Zhibiao/ui/zb-figure-table.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbFigureTable, scroller);
  gtk_widget_class_bind_template_child (widget_class, ZbFigureTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, ZbFigureTable, row_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_row_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);

  gtk_widget_class_install_action (widget_class, "table.edit-cell", NULL, edit_cell_action);
  gtk_widget_class_install_action (widget_class, "table.delete-figure", NULL, delete_figure_action);
  gtk_widget_class_install_property_action (widget_class, "table.figure-kind", "figure-kind");
  gtk_widget_class_install_property_action (widget_class, "table.reviewed", "figure-reviewed");
  gtk_widget_class_install_property_action (widget_class, "table.review-only", "review-only");
  gtk_widget_class_install_action (widget_class, "table.review-next", NULL, review_next_action);
  gtk_widget_class_install_action (widget_class, "table.show-row-menu", NULL, show_row_menu_action);

  /* the review key, from any row: Ctrl+Enter as in a mail client, or
   * Space (on_key_captured: a row takes Space to select itself) */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "table.review-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "table.review-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "table.show-row-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "table.show-row-menu", NULL);

  g_type_ensure (ZB_TYPE_FIGURE_CELL);
}

static void
zb_figure_table_init (ZbFigureTable *self)
{
  GtkSorter *sorter;
  GtkSortListModel *sorted;
  GSignalGroup *signals;
  GtkEventController *keys;

  self->cells = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_columns (self);

  /* the document's figures → section and name filter → column sorter → selection */
  self->filter = gtk_custom_filter_new (figure_visible, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  sorter = gtk_column_view_get_sorter (self->column_view);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered), sorter ? g_object_ref (sorter) : NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected-item", G_CALLBACK (on_selected), self);
  g_signal_connect (self->selection, "items-changed", G_CALLBACK (on_items_changed), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_captured), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  signals = zb_pane_get_document_signals (ZB_PANE (self));
  g_signal_group_connect_object (signals, "notify::figure",
                                 G_CALLBACK (on_document_figure), self, 0);
  g_signal_group_connect_object (signals, "notify::section",
                                 G_CALLBACK (refilter), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (signals, "figure-changed",
                                 G_CALLBACK (on_figure_changed), self, 0);
  g_signal_group_connect_object (signals, "assessed",
                                 G_CALLBACK (rebind_cells), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

/* For tests -------------------------------------------------------------- */

GtkSingleSelection *
zb_figure_table_get_selection (ZbFigureTable *self)
{
  g_return_val_if_fail (ZB_IS_FIGURE_TABLE (self), NULL);
  return self->selection;
}

GtkColumnView *
zb_figure_table_get_column_view (ZbFigureTable *self)
{
  g_return_val_if_fail (ZB_IS_FIGURE_TABLE (self), NULL);
  return self->column_view;
}

GtkPopover *
zb_figure_table_get_row_menu (ZbFigureTable *self)
{
  g_return_val_if_fail (ZB_IS_FIGURE_TABLE (self), NULL);
  return GTK_POPOVER (self->row_menu);
}

ZbFigureCell *
zb_figure_table_find_cell (ZbFigureTable *self,
                           ZbFigure      *figure,
                           ZbField        field)
{
  GHashTableIter iter;
  gpointer cell, column;

  g_return_val_if_fail (ZB_IS_FIGURE_TABLE (self), NULL);

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &cell, &column))
    if (((const Column *) column)->kind == CELL_FIELD && ((const Column *) column)->field == field &&
        zb_figure_cell_get_figure (cell) == figure && gtk_widget_get_mapped (cell))
      return cell;
  return NULL;
}

GtkLabel *
zb_figure_table_find_status_label (ZbFigureTable *self,
                                   ZbFigure      *figure)
{
  GHashTableIter iter;
  gpointer cell, column;

  g_return_val_if_fail (ZB_IS_FIGURE_TABLE (self), NULL);

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &cell, &column))
    if (((const Column *) column)->kind == CELL_STATUS && cell_figure (cell) == figure &&
        gtk_widget_get_mapped (cell))
      return cell;
  return NULL;
}
