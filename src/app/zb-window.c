/* zb-window.c — the clerk's desk: outline, figure table and source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include <math.h>

#include "zb-window.h"
#include "zb-ledger.h"
#include "zb-targets-view.h"

#define SAMPLE_URI "resource:///io/github/zhibiao/Zhibiao/sample/sample-report.txt"
#define RECENT_APP "zhibiao"
#define MAX_RECENT 8
/* Only files that take longer than this show a progress indication. */
#define PROGRESS_DELAY_MS 150

/* The id of the tree's root row, standing for the whole report. */
#define WHOLE_REPORT (-1)

struct _ZbWindow
{
  AdwApplicationWindow parent_instance;

  /* template */
  AdwWindowTitle     *window_title;
  GtkSpinner         *spinner;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  AdwToastOverlay    *toast_overlay;
  GtkStack           *stack;
  AdwStatusPage      *status_page;
  GtkListView        *section_view;
  GtkColumnView      *figure_view;
  GtkLabel           *figure_count_label;
  GtkTextView        *source_view;
  GtkLabel           *source_label;
  GMenu              *recent_submenu;
  GtkStack           *side_stack;
  GtkLabel           *history_label;
  GtkListBox         *history_list;
  GtkListBox         *reports_list;
  GtkLabel           *workspace_label;
  ZbChartView        *gap_chart;
  ZbChartView        *trend_chart;

  /* workspace: every correction is written as it is made */
  ZbWorkspace        *workspace;
  gint64              report_id;       /* 0: the report is not in the workspace */
  GHashTable         *saved;           /* ZbFigure → corrections already stored */
  GHashTable         *present;         /* ZbFigure (ref) → in the report's figure list */
  GHashTable         *retracted;       /* ZbFigure (ref): marked deleted when Undo took it out */
  gboolean            warned_store;    /* one toast per report for a failing workspace */
  gboolean            close_confirmed; /* closing without the unsaved corrections */
  GCancellable       *history_cancellable;
  GCancellable       *reports_cancellable;
  GCancellable       *export_cancellable;
  GCancellable       *related_cancellable;
  GPtrArray          *related;         /* ZbReport: the same region's other reports */
  guint               charts_idle;

  /* targets: the ledger of the report, its related reports, the workspace's
   * typed targets and the aliases added here, rebuilt after every change */
  ZbLedger           *ledger;
  GPtrArray          *assessments;     /* of ZbAssessment, in document order (owned) */
  GHashTable         *assessed;        /* ZbFigure → its ZbAssessment in assessments */
  GPtrArray          *typed;           /* ZbTarget typed in the workspace */
  GPtrArray          *aliases;         /* alias, canonical, alias, … */
  GHashTable         *status_labels;   /* set of live status GtkLabel */
  ZbTargetsView      *targets_view;
  GCancellable       *targets_cancellable;
  double              ledger_ms;       /* the last rebuild's time */

  GSettings          *settings;
  GCancellable       *cancellable;
  guint               progress_source;
  GFile              *loading_file;
  gint64              loading_id;      /* the stored report being loaded */

  ZbReport           *report;
  ZbUndoStack        *undo;
  GHashTable         *children;        /* section id → GListStore of ZbSection */
  GArray             *parents;         /* section id → parent id */
  GArray             *counts;          /* slot id + 1 → figures (slot 0: whole report) */
  GArray             *corrected;       /* slot id + 1 → corrected figures */
  guint               counts_idle;

  GtkTreeListModel   *tree;
  GtkSingleSelection *section_selection;
  int                 selected_section;

  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkSingleSelection *figure_selection;
  GHashTable         *cells;           /* set of live ZbFigureCell */
  GHashTable         *section_items;   /* set of live GtkListItem of the tree */
  char               *filter_text;

  GtkTextTag         *quote_tag;
  GtkTextMark        *quote_mark;
};

G_DEFINE_FINAL_TYPE (ZbWindow, zb_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_REPORT,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  ZbField     field;
  const char *title;
  gboolean    expand;
  int         width;
} columns[] = {
  { ZB_FIELD_NAME, N_("Name"), TRUE, 0 },
  { ZB_FIELD_PERIOD, N_("Period"), FALSE, 68 },
  { ZB_FIELD_VALUE, N_("Value"), FALSE, 68 },
  { ZB_FIELD_UNIT, N_("Unit"), FALSE, 52 },
  { ZB_FIELD_CHANGE, N_("Change"), FALSE, 60 },
  { ZB_FIELD_CHANGE_UNIT, N_("Change Unit"), FALSE, 84 },
  { ZB_FIELD_TARGET, N_("Target"), FALSE, 84 },
  { ZB_FIELD_GAP, N_("Gap"), FALSE, 72 },
  { ZB_FIELD_KIND, N_("Kind"), FALSE, 72 },
  { ZB_FIELD_RANK, N_("Rank"), FALSE, 48 },
};

static void
toast (ZbWindow   *self,
       const char *message)
{
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_timeout (t, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
update_actions (ZbWindow *self)
{
  gboolean has_report = self->report != NULL;
  gboolean has_figure = has_report &&
    gtk_single_selection_get_selected_item (self->figure_selection) != NULL;
  GAction *action;

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "undo");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               self->undo && zb_undo_stack_get_can_undo (self->undo));
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "redo");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               self->undo && zb_undo_stack_get_can_redo (self->undo));
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "delete-figure");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_figure);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "figure-kind");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_figure);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "edit-cell");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_figure);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "add-figure");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_report);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "export");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_report);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "export-chart");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_report);
}

static void refresh_history (ZbWindow *self);
static void queue_charts    (ZbWindow *self);
static void refresh_ledger  (ZbWindow *self);
static void apply_derived   (ZbWindow     *self,
                             ZbFigureCell *cell);

/* Section outline ---------------------------------------------------- */

static int
section_parent (ZbWindow *self,
                int       id)
{
  if (id < 0 || (guint) id >= self->parents->len)
    return WHOLE_REPORT;
  return g_array_index (self->parents, int, id);
}

static void
recount (ZbWindow *self)
{
  GListModel *figures;
  guint n, slots = self->parents->len + 1;

  g_array_set_size (self->counts, 0);
  g_array_set_size (self->corrected, 0);
  g_array_set_size (self->counts, slots);
  g_array_set_size (self->corrected, slots);
  if (self->report == NULL)
    return;

  figures = zb_report_get_figures (self->report);
  n = g_list_model_get_n_items (figures);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZbFigure) figure = g_list_model_get_item (figures, i);
      gboolean is_corrected;
      int id;

      if (zb_figure_get_deleted (figure))
        continue;
      is_corrected = zb_figure_is_corrected (figure);
      /* each figure counts for its section and every ancestor */
      for (id = zb_figure_get_section (figure); ; id = section_parent (self, id))
        {
          guint slot = id < 0 ? 0 : (guint) id + 1;

          if (slot >= slots)
            break;
          g_array_index (self->counts, int, slot)++;
          if (is_corrected)
            g_array_index (self->corrected, int, slot)++;
          if (id < 0)
            break;
        }
    }
}

static void
bind_section_row (ZbWindow    *self,
                  GtkListItem *item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *mark = gtk_widget_get_next_sibling (title);
  GtkWidget *count = gtk_widget_get_next_sibling (mark);
  g_autoptr(ZbSection) section = NULL;
  g_autofree char *label = NULL;
  g_autofree char *count_text = NULL;
  guint slot;
  int n = 0, n_corrected = 0;

  if (row == NULL)
    return;
  section = gtk_tree_list_row_get_item (row);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);

  label = zb_section_dup_label (section);
  gtk_label_set_label (GTK_LABEL (title), label);
  gtk_widget_set_tooltip_text (title, label);

  slot = zb_section_get_id (section) < 0 ? 0 : (guint) zb_section_get_id (section) + 1;
  if (slot < self->counts->len)
    {
      n = g_array_index (self->counts, int, slot);
      n_corrected = g_array_index (self->corrected, int, slot);
    }
  count_text = g_strdup_printf ("%d", n);
  gtk_label_set_label (GTK_LABEL (count), count_text);
  gtk_widget_set_visible (mark, n_corrected > 0);
}

static gboolean
refresh_counts_idle (gpointer data)
{
  ZbWindow *self = data;
  GHashTableIter iter;
  gpointer item;

  self->counts_idle = 0;
  recount (self);
  g_hash_table_iter_init (&iter, self->section_items);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    bind_section_row (self, item);
  return G_SOURCE_REMOVE;
}

static void
queue_recount (ZbWindow *self)
{
  if (self->counts_idle == 0)
    self->counts_idle = g_idle_add (refresh_counts_idle, self);
}

static void
section_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ZbWindow                 *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *mark = gtk_image_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *count = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_set_tooltip_text (mark, _("Has corrected figures"));
  gtk_widget_add_css_class (mark, "accent");
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), mark);
  gtk_box_append (GTK_BOX (box), count);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);
  g_hash_table_add (self->section_items, item);
}

static void
section_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ZbWindow                 *self)
{
  bind_section_row (self, item);
}

static void
section_teardown (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  ZbWindow                 *self)
{
  g_hash_table_remove (self->section_items, item);
}

static GListModel *
create_section_children (gpointer item,
                         gpointer user_data)
{
  ZbWindow *self = user_data;
  GListStore *store = g_hash_table_lookup (self->children,
                                           GINT_TO_POINTER (zb_section_get_id (item)));

  return store ? g_object_ref (G_LIST_MODEL (store)) : NULL;
}

/* Figure table ------------------------------------------------------- */

static gboolean
figure_visible (gpointer item,
                gpointer user_data)
{
  ZbWindow *self = user_data;
  ZbFigure *figure = item;

  if (zb_figure_get_deleted (figure))
    return FALSE;
  if (self->selected_section != WHOLE_REPORT && self->report != NULL &&
      !zb_report_section_contains (self->report, self->selected_section,
                                   zb_figure_get_section (figure)))
    return FALSE;
  if (self->filter_text != NULL && *self->filter_text != '\0')
    {
      const char *name = zb_figure_get_name (figure);
      g_autofree char *folded_name = g_utf8_casefold (name ? name : "", -1);

      if (strstr (folded_name, self->filter_text) == NULL)
        return FALSE;
    }
  return TRUE;
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

static int
column_index (ZbField field)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (columns[i].field == field)
      return i;
  return -1;
}

ZbFigureCell *
zb_window_find_cell (ZbWindow *self,
                     ZbFigure *figure,
                     ZbField   field)
{
  GHashTableIter iter;
  gpointer cell;

  g_return_val_if_fail (ZB_IS_WINDOW (self), NULL);

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    if (zb_figure_cell_get_figure (cell) == figure &&
        zb_figure_cell_get_field (cell) == field &&
        gtk_widget_get_mapped (cell))
      return cell;
  return NULL;
}

static void
select_figure (ZbWindow *self,
               ZbFigure *figure)
{
  GListModel *model = G_LIST_MODEL (self->figure_selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (model, i);

      if (f == figure)
        {
          if (gtk_single_selection_get_selected (self->figure_selection) != i)
            gtk_single_selection_set_selected (self->figure_selection, i);
          return;
        }
    }
}

static void
on_cell_commit (ZbFigureCell *cell,
                const char   *text,
                ZbWindow     *self)
{
  g_autoptr(GError) error = NULL;
  ZbFigure *figure = zb_figure_cell_get_figure (cell);

  if (figure == NULL || self->undo == NULL)
    return;

  if (!zb_undo_stack_correct (self->undo, figure, zb_figure_cell_get_field (cell), text, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the reason, e.g. “abc” is not a number */
      message = g_strdup_printf (_("Not changed: %s"), error->message);
      zb_figure_cell_refuse (cell, error->message);
      toast (self, message);
    }
}

/* The list view inside the column view: it has the scroll action. */
static GtkWidget *
table_list_view (ZbWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->figure_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

/* Brings a cell into the scrolled window's view sideways: GTK 4.8's column
 * view only scrolls rows. */
static void
reveal_cell (ZbWindow     *self,
             ZbFigureCell *cell)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self->figure_view), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *h;
  graphene_rect_t bounds;
  double value, page;

  if (scroller == NULL ||
      !gtk_widget_compute_bounds (GTK_WIDGET (cell), scroller, &bounds))
    return;
  h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  value = gtk_adjustment_get_value (h);
  page = gtk_adjustment_get_page_size (h);
  if (bounds.origin.x < 0)
    gtk_adjustment_set_value (h, value + bounds.origin.x);
  else if (bounds.origin.x + bounds.size.width > page)
    gtk_adjustment_set_value (h, value + bounds.origin.x + bounds.size.width - page);
}

static gboolean
cell_in_view (ZbWindow     *self,
              ZbFigureCell *cell)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self->figure_view), GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  if (scroller == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (cell), scroller, &bounds))
    return FALSE;
  return bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller) + 0.5;
}

typedef struct {
  ZbWindow *window;
  ZbFigure *figure;
  ZbField   field;
  int       frames;   /* left to wait for the row to be laid out */
} PendingEdit;

static void
pending_edit_free (PendingEdit *pending)
{
  g_object_unref (pending->figure);
  g_free (pending);
}

static gboolean
edit_when_shown (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  PendingEdit *pending = data;
  ZbWindow *self = pending->window;
  ZbFigureCell *cell = zb_window_find_cell (self, pending->figure, pending->field);

  if (cell != NULL && cell_in_view (self, cell))
    {
      reveal_cell (self, cell);
      zb_figure_cell_start_editing (cell);
      return G_SOURCE_REMOVE;
    }
  return --pending->frames > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Scrolls the table to @position and edits @field there once the row is
 * laid out. */
static void
edit_cell_at (ZbWindow *self,
              guint     position,
              ZbField   field)
{
  g_autoptr(ZbFigure) figure = g_list_model_get_item (G_LIST_MODEL (self->figure_selection), position);
  ZbFigureCell *cell;
  GtkWidget *list;
  PendingEdit *pending;

  if (figure == NULL)
    return;
  gtk_single_selection_set_selected (self->figure_selection, position);
  cell = zb_window_find_cell (self, figure, field);
  if (cell != NULL && cell_in_view (self, cell))
    {
      reveal_cell (self, cell);
      zb_figure_cell_start_editing (cell);
      return;
    }

  /* off screen: the list view's own action scrolls to the row (GTK 4.8 has
   * no gtk_column_view_scroll_to) */
  if ((list = table_list_view (self)) != NULL)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
  pending = g_new0 (PendingEdit, 1);
  pending->window = self;
  pending->figure = g_steal_pointer (&figure);
  pending->field = field;
  pending->frames = 30;
  gtk_widget_add_tick_callback (GTK_WIDGET (self->figure_view), edit_when_shown, pending,
                                (GDestroyNotify) pending_edit_free);
}

/* Tab and Shift+Tab go through the row's cells, then on to the next or
 * previous row. */
static void
on_cell_move (ZbFigureCell *cell,
              int           direction,
              ZbWindow     *self)
{
  ZbFigure *figure = zb_figure_cell_get_figure (cell);
  GListModel *model = G_LIST_MODEL (self->figure_selection);
  int index = column_index (zb_figure_cell_get_field (cell));
  int n = G_N_ELEMENTS (columns);
  guint n_rows = g_list_model_get_n_items (model);
  guint position = GTK_INVALID_LIST_POSITION;

  if (figure == NULL || index < 0 || n_rows == 0)
    return;
  for (guint i = 0; i < n_rows && position == GTK_INVALID_LIST_POSITION; i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (model, i);

      if (f == figure)
        position = i;
    }
  if (position == GTK_INVALID_LIST_POSITION)
    return;

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
  edit_cell_at (self, position, columns[index].field);
}

static void
on_cell_focus_enter (GtkEventControllerFocus *controller,
                     ZbFigureCell            *cell)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (cell), ZB_TYPE_WINDOW);
  ZbFigure *figure = zb_figure_cell_get_figure (cell);

  if (window != NULL && figure != NULL)
    select_figure (ZB_WINDOW (window), figure);
}

/* Cells are tracked by weak reference: list items are not always torn down
 * with their child still attached. */
static void
cell_gone (gpointer  data,
           GObject  *cell)
{
  ZbWindow *self = data;

  if (self->cells != NULL)
    g_hash_table_remove (self->cells, cell);
}

static void
figure_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ZbWindow                 *self)
{
  ZbField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "zb-field"));
  GtkWidget *cell = zb_figure_cell_new (field);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (cell, "commit", G_CALLBACK (on_cell_commit), self);
  g_signal_connect (cell, "move", G_CALLBACK (on_cell_move), self);
  g_signal_connect (focus, "enter", G_CALLBACK (on_cell_focus_enter), cell);
  gtk_widget_add_controller (cell, focus);
  gtk_list_item_set_child (item, cell);
  g_hash_table_add (self->cells, cell);
  g_object_weak_ref (G_OBJECT (cell), cell_gone, self);
}

static void
figure_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             ZbWindow                 *self)
{
  ZbFigureCell *cell = ZB_FIGURE_CELL (gtk_list_item_get_child (item));

  zb_figure_cell_set_figure (cell, gtk_list_item_get_item (item));
  apply_derived (self, cell);
}

static void
figure_unbind (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ZbWindow                 *self)
{
  ZbFigureCell *cell = ZB_FIGURE_CELL (gtk_list_item_get_child (item));

  zb_figure_cell_set_derived (cell, NULL, NULL);
  zb_figure_cell_set_figure (cell, NULL);
}

static void
update_count_label (ZbWindow *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->figure_selection));
  g_autofree char *text = NULL;

  /* Translators: the number of figures shown in the table */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u figure", "%u figures", shown), shown);
  gtk_label_set_label (self->figure_count_label, text);
}

/* Source -------------------------------------------------------------- */

static void
byte_to_iter (ZbWindow    *self,
              gsize        offset,
              GtkTextIter *iter)
{
  const char *text = zb_report_get_text (self->report);
  gsize len = strlen (text);

  offset = MIN (offset, len);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (self->source_view), iter,
                                      g_utf8_pointer_to_offset (text, text + offset));
}

static void
highlight_figure (ZbWindow *self,
                  ZbFigure *figure)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->source_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->quote_tag, &start, &end);

  if (figure == NULL || self->report == NULL || zb_figure_get_text_length (figure) == 0)
    {
      gtk_label_set_label (self->source_label, "");
      return;
    }

  byte_to_iter (self, zb_figure_get_text_offset (figure), &start);
  byte_to_iter (self, zb_figure_get_text_offset (figure) + zb_figure_get_text_length (figure), &end);
  gtk_text_buffer_apply_tag (buffer, self->quote_tag, &start, &end);
  gtk_text_buffer_move_mark (buffer, self->quote_mark, &start);
  gtk_text_view_scroll_to_mark (self->source_view, self->quote_mark, 0.05, TRUE, 0.0, 0.3);

  {
    g_autofree char *path = zb_report_dup_section_path (self->report, zb_figure_get_section (figure));
    g_autofree char *where = NULL;

    /* Translators: where a figure comes from: line number and section path */
    where = g_strdup_printf (_("Line %u · %s"), zb_figure_get_line (figure), path ? path : "");
    gtk_label_set_label (self->source_label, where);
  }
}

static void
on_figure_selected (GtkSingleSelection *selection,
                    GParamSpec         *pspec,
                    ZbWindow           *self)
{
  ZbFigure *figure = gtk_single_selection_get_selected_item (selection);
  GAction *kind = g_action_map_lookup_action (G_ACTION_MAP (self), "figure-kind");

  highlight_figure (self, figure);
  if (figure != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (kind),
                               g_variant_new_string (zb_figure_kind_to_string (zb_figure_get_kind (figure))));
  refresh_history (self);
  queue_charts (self);
  update_actions (self);
}

static void
on_section_selected (GtkSingleSelection *selection,
                     GParamSpec         *pspec,
                     ZbWindow           *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (selection);
  int id = WHOLE_REPORT;

  if (row != NULL)
    {
      g_autoptr(ZbSection) section = gtk_tree_list_row_get_item (row);

      id = zb_section_get_id (section);
      if (id != WHOLE_REPORT && self->report != NULL)
        {
          GtkTextIter iter;

          byte_to_iter (self, zb_section_get_text_offset (section), &iter);
          gtk_text_buffer_move_mark (gtk_text_view_get_buffer (self->source_view),
                                     self->quote_mark, &iter);
          gtk_text_view_scroll_to_mark (self->source_view, self->quote_mark, 0.0, TRUE, 0.0, 0.0);
        }
    }

  if (id != self->selected_section)
    {
      self->selected_section = id;
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
      queue_charts (self);
    }
}

/* Workspace ---------------------------------------------------------- */

static void
store_failed (ZbWindow     *self,
              const GError *error)
{
  g_autofree char *message = NULL;

  g_debug ("workspace: %s", error->message);
  /* one toast per report: the edits themselves stay in the window */
  if (self->warned_store)
    return;
  self->warned_store = TRUE;
  /* Translators: %s is the reason, e.g. the database is locked */
  message = g_strdup_printf (_("Changes are kept in this window but not saved to the workspace: %s"),
                             error->message);
  toast (self, message);
}

/* Writes what the workspace does not have yet of @figure: the figure itself
 * when it was made by hand, then its new corrections, each on its own. */
static void
persist_figure (ZbWindow *self,
                ZbFigure *figure)
{
  GPtrArray *corrections = zb_figure_get_corrections (figure);
  guint saved = GPOINTER_TO_UINT (g_hash_table_lookup (self->saved, figure));
  g_autoptr(GError) error = NULL;

  if (self->report_id <= 0 || self->workspace == NULL || saved >= corrections->len)
    return;

  if (zb_figure_get_id (figure) <= 0)
    {
      if (!zb_workspace_add_figure (self->workspace, self->report_id, figure, &error))
        {
          store_failed (self, error);
          return;
        }
      saved = corrections->len;
    }
  for (; saved < corrections->len; saved++)
    if (!zb_workspace_record_correction (self->workspace, figure,
                                         g_ptr_array_index (corrections, saved), &error))
      {
        if (g_error_matches (error, ZB_ERROR, ZB_ERROR_CONFLICT))
          {
            g_autofree char *message = NULL;

            /* another window or program changed the figure first: this
             * edit is not written over it, and not tried again */
            /* Translators: %s says who changed the figure, when, and to what */
            message = g_strdup_printf (_("Not saved: %s. Open the report again to see the workspace’s version."),
                                       error->message);
            toast (self, message);
            saved = corrections->len;
            break;
          }
        /* left unsaved: the next change of this figure tries again */
        store_failed (self, error);
        break;
      }
  g_hash_table_insert (self->saved, figure, GUINT_TO_POINTER (saved));
}

static const char *
field_title (ZbField field)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (columns[i].field == field)
      return _(columns[i].title);
  if (field == ZB_FIELD_DELETED)
    return _("Deleted");
  return zb_field_to_string (field);
}

static GtkWidget *
history_row (const ZbCorrection *correction)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (correction->time / G_USEC_PER_SEC);
  g_autofree char *when = time ? g_date_time_format (time, "%Y-%m-%d %H:%M:%S") : g_strdup ("");
  g_autofree char *what = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  /* Translators: a correction in the history: field, old value → new value */
  what = g_strdup_printf (_("%s: %s → %s"), field_title (correction->field),
                          correction->old_value ? correction->old_value : _("(empty)"),
                          correction->new_value ? correction->new_value : _("(empty)"));
  if (correction->note != NULL && *correction->note != '\0')
    subtitle = g_strdup_printf ("%s · %s", when, correction->note);
  else
    subtitle = g_strdup (when);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), what);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
show_history (ZbWindow  *self,
              GPtrArray *corrections)
{
  clear_list (self->history_list);
  for (guint i = 0; corrections != NULL && i < corrections->len; i++)
    gtk_list_box_append (self->history_list, history_row (g_ptr_array_index (corrections, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->history_list), corrections != NULL && corrections->len > 0);
}

static void
history_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ZbWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) corrections = zb_workspace_history_finish (ZB_WORKSPACE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (corrections == NULL)
    {
      gtk_label_set_label (self->history_label, error->message);
      show_history (self, NULL);
      return;
    }
  gtk_label_set_label (self->history_label,
                       corrections->len ? _("Corrections of this figure, oldest first")
                                        : _("This figure has not been corrected"));
  show_history (self, corrections);
}

static void
refresh_history (ZbWindow *self)
{
  ZbFigure *figure = gtk_single_selection_get_selected_item (self->figure_selection);

  g_cancellable_cancel (self->history_cancellable);
  g_clear_object (&self->history_cancellable);

  if (figure == NULL)
    {
      gtk_label_set_label (self->history_label, _("Select a figure to see who changed what and when"));
      show_history (self, NULL);
      return;
    }
  if (self->report_id > 0 && zb_figure_get_id (figure) > 0 &&
      GPOINTER_TO_UINT (g_hash_table_lookup (self->saved, figure)) >= zb_figure_get_corrections (figure)->len)
    {
      /* the workspace's record, read on a worker thread */
      self->history_cancellable = g_cancellable_new ();
      zb_workspace_history_async (self->workspace, zb_figure_get_id (figure), self->history_cancellable,
                                  history_done, g_object_ref (self));
      return;
    }

  /* not (all) in the workspace: what this window holds */
  {
    GPtrArray *corrections = zb_figure_get_corrections (figure);

    gtk_label_set_label (self->history_label,
                         corrections->len ? _("Corrections of this figure, not saved in the workspace")
                                          : _("This figure has not been corrected"));
    show_history (self, corrections);
  }
}

/* Charts ------------------------------------------------------------- */

static gboolean
in_selected_section (ZbWindow *self,
                     ZbFigure *figure)
{
  return g_hash_table_contains (self->present, figure) && !zb_figure_get_deleted (figure) &&
         (self->selected_section == WHOLE_REPORT ||
          zb_report_section_contains (self->report, self->selected_section, zb_figure_get_section (figure)));
}

/* The report and the workspace's other reports about the same region: their
 * targets and their periods. */
static ZbLedger *
build_ledger (ZbWindow *self)
{
  ZbLedger *ledger = zb_ledger_new ();

  /* aliases first: the ledger files targets and figures by canonical name */
  for (guint i = 0; i + 1 < self->aliases->len; i += 2)
    zb_ledger_add_alias (ledger, g_ptr_array_index (self->aliases, i),
                         g_ptr_array_index (self->aliases, i + 1));
  for (guint i = 0; i < self->typed->len; i++)
    {
      const ZbTarget *t = g_ptr_array_index (self->typed, i);

      zb_ledger_add_typed_target (ledger, t);
    }
  zb_ledger_add_report (ledger, self->report);
  for (guint i = 0; self->related != NULL && i < self->related->len; i++)
    zb_ledger_add_report (ledger, g_ptr_array_index (self->related, i));
  return ledger;
}

static void
related_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ZbWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) related = zb_workspace_load_related_finish (ZB_WORKSPACE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (related == NULL)
    {
      g_debug ("related reports: %s", error->message);
      return;
    }
  g_clear_pointer (&self->related, g_ptr_array_unref);
  self->related = g_steal_pointer (&related);
  queue_charts (self);
}

static void
load_related (ZbWindow *self)
{
  g_cancellable_cancel (self->related_cancellable);
  g_clear_object (&self->related_cancellable);
  g_clear_pointer (&self->related, g_ptr_array_unref);
  if (self->report_id <= 0)
    return;
  self->related_cancellable = g_cancellable_new ();
  zb_workspace_load_related_async (self->workspace, self->report_id, self->related_cancellable,
                                   related_done, g_object_ref (self));
}

static char *
selected_section_title (ZbWindow *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->section_selection);
  g_autoptr(ZbSection) section = row ? gtk_tree_list_row_get_item (row) : NULL;

  return section ? zb_section_dup_label (section) : NULL;
}

/* The figures of the selected section against their targets. */
static ZbChart *
build_gap_chart (ZbWindow *self)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(ZbChart) chart = NULL;
  g_autofree char *title = NULL;

  if (self->report == NULL || self->assessments == NULL)
    return NULL;
  /* the assessments refresh_ledger() just made, of the selected section */
  for (guint i = 0; i < self->assessments->len; i++)
    {
      ZbAssessment *a = g_ptr_array_index (self->assessments, i);
      if (in_selected_section (self, a->figure))
        g_ptr_array_add (all, a);
    }
  title = selected_section_title (self);
  chart = zb_chart_new_gap (all, title, NULL);
  return zb_chart_get_n_categories (chart) > 0 ? g_steal_pointer (&chart) : NULL;
}

/* The selected figure's indicator across the periods the report gives. */
static ZbChart *
build_trend_chart (ZbWindow *self)
{
  ZbFigure *figure = gtk_single_selection_get_selected_item (self->figure_selection);
  g_autoptr(ZbLedger) ledger = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(ZbChart) chart = NULL;
  g_autofree char *canonical = NULL;
  const char *name;

  if (self->report == NULL || figure == NULL)
    return NULL;
  name = zb_figure_get_indicator (figure);
  if (name == NULL || *name == '\0')
    name = zb_figure_get_name (figure);
  if (name == NULL || *name == '\0')
    return NULL;
  ledger = self->ledger ? g_object_ref (self->ledger) : build_ledger (self);
  rows = zb_ledger_assess_indicator (ledger, name);
  canonical = zb_ledger_dup_canonical (ledger, name);
  chart = zb_chart_new_trend (rows, canonical, NULL);
  return zb_chart_get_n_categories (chart) > 0 ? g_steal_pointer (&chart) : NULL;
}

static gboolean
refresh_charts_idle (gpointer data)
{
  ZbWindow *self = data;
  g_autoptr(ZbChart) gap = NULL;
  g_autoptr(ZbChart) trend = NULL;

  self->charts_idle = 0;
  refresh_ledger (self);
  gap = build_gap_chart (self);
  trend = build_trend_chart (self);
  zb_chart_view_set_chart (self->gap_chart, gap);
  zb_chart_view_set_chart (self->trend_chart, trend);
  zb_chart_view_set_placeholder (self->gap_chart,
                                 self->report ? _("No growth rates in this section to compare with targets") : NULL);
  zb_chart_view_set_placeholder (self->trend_chart,
                                 gtk_single_selection_get_selected_item (self->figure_selection)
                                 ? _("The selected figure has no growth rate to follow")
                                 : self->report ? _("Select a figure to follow its indicator across periods") : NULL);
  return G_SOURCE_REMOVE;
}

static void
queue_charts (ZbWindow *self)
{
  if (self->charts_idle == 0)
    self->charts_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 15, refresh_charts_idle, self, NULL);
}

static void
on_chart_figure_activated (ZbChartView *view,
                           ZbFigure    *figure,
                           ZbWindow    *self)
{
  /* a point of another report: its tooltip is all there is to show */
  if (!g_hash_table_contains (self->present, figure))
    return;
  /* a figure hidden by the section or the filter: show the whole table */
  if (!figure_visible (figure, self))
    {
      zb_window_set_filter_text (self, NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_single_selection_set_selected (self->section_selection, 0);
    }
  select_figure (self, figure);
}


/* Targets ------------------------------------------------------------ */

/* Percentage points, signed, as the chart labels them; the column says
 * what they are, and a narrow one has no room for 个百分点. */
static char *
format_gap (double gap_pp)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup_printf ("%s%s", gap_pp > 0 ? "+" : "",
                          g_ascii_formatd (buffer, sizeof buffer, "%.1f", gap_pp));
}

static char *
conflict_text (ZbWindow           *self,
               const ZbAssessment *a)
{
  g_autoptr(GPtrArray) targets = zb_ledger_get_targets (self->ledger, a->indicator, a->year,
                                                         zb_figure_get_area (a->figure));
  GString *text = g_string_new (_("Conflicting targets:"));

  for (guint i = 0; i < targets->len; i++)
    {
      const ZbTarget *t = g_ptr_array_index (targets, i);
      g_autofree char *what = zb_targets_view_format_target (t);
      g_autofree char *where = zb_targets_view_describe_source (t);

      g_string_append_printf (text, "\n• %s — %s", what, where);
    }
  return g_string_free (text, FALSE);
}

/* The ledger's target and gap in a Target or Gap cell of an actual that
 * has none of its own. */
static void
apply_derived (ZbWindow     *self,
               ZbFigureCell *cell)
{
  ZbField field = zb_figure_cell_get_field (cell);
  ZbFigure *figure = zb_figure_cell_get_figure (cell);
  ZbAssessment *a;
  g_autofree char *text = NULL;
  g_autofree char *tip = NULL;

  if (field != ZB_FIELD_TARGET && field != ZB_FIELD_GAP)
    return;
  a = figure ? g_hash_table_lookup (self->assessed, figure) : NULL;
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

static void
update_status_label (ZbWindow *self,
                     GtkLabel *label)
{
  static const char *classes[] = { "status-unknown", "status-ahead", "status-on-track", "status-behind" };
  ZbFigure *figure = g_object_get_data (G_OBJECT (label), "zb-figure");
  ZbAssessment *a = figure ? g_hash_table_lookup (self->assessed, figure) : NULL;
  g_autofree char *text = NULL;
  g_autofree char *tip = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), classes[i]);
  if (a == NULL)
    {
      gtk_label_set_label (label, "");
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), NULL);
      return;
    }
  gtk_widget_add_css_class (GTK_WIDGET (label), classes[a->status]);
  if (a->n_targets > 1)
    {
      text = g_strdup_printf ("⚠ %s %s", status_symbol (a->status), zb_status_to_label (a->status, NULL));
      tip = conflict_text (self, a);
    }
  else
    {
      text = g_strdup_printf ("%s %s", status_symbol (a->status), zb_status_to_label (a->status, NULL));
      if (a->target != NULL)
        tip = zb_targets_view_describe_source (a->target);
    }
  gtk_label_set_label (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), tip);
}

/* Rebuilds the ledger and the assessments, then the cells that show them.
 * On the main loop: tests/app/bench-window measures about 8 ms for 5 300
 * figures (200 indicators, 200 targets), well within a frame. */
static void
refresh_ledger (ZbWindow *self)
{
  GHashTableIter iter;
  gpointer widget;
  gint64 start = g_get_monotonic_time ();

  g_hash_table_remove_all (self->assessed);
  g_clear_pointer (&self->assessments, g_ptr_array_unref);
  g_clear_object (&self->ledger);
  if (self->report != NULL)
    {
      self->ledger = build_ledger (self);
      self->assessments = zb_ledger_assess_all (self->ledger);
      for (guint i = 0; i < self->assessments->len; i++)
        {
          ZbAssessment *a = g_ptr_array_index (self->assessments, i);

          g_hash_table_insert (self->assessed, a->figure, a);
        }
    }
  self->ledger_ms = (g_get_monotonic_time () - start) / 1000.0;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &widget, NULL))
    apply_derived (self, widget);
  g_hash_table_iter_init (&iter, self->status_labels);
  while (g_hash_table_iter_next (&iter, &widget, NULL))
    update_status_label (self, widget);
  zb_targets_view_set_ledger (self->targets_view, self->ledger);
}

static void
status_gone (gpointer  data,
             GObject  *label)
{
  ZbWindow *self = data;

  if (self->status_labels != NULL)
    g_hash_table_remove (self->status_labels, label);
}

static void
status_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ZbWindow                 *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "status");
  gtk_list_item_set_child (item, label);
  g_hash_table_add (self->status_labels, label);
  g_object_weak_ref (G_OBJECT (label), status_gone, self);
}

static void
status_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             ZbWindow                 *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  g_object_set_data_full (G_OBJECT (label), "zb-figure",
                          g_object_ref (gtk_list_item_get_item (item)), g_object_unref);
  update_status_label (self, GTK_LABEL (label));
}

static void
status_unbind (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ZbWindow                 *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (label), "zb-figure", NULL);
  update_status_label (self, GTK_LABEL (label));
}

static int
compare_status (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  ZbWindow *self = data;
  ZbAssessment *sa = g_hash_table_lookup (self->assessed, a);
  ZbAssessment *sb = g_hash_table_lookup (self->assessed, b);
  /* behind first: that is what a clerk sorts for */
  static const int rank[] = { 3, 2, 1, 0 };
  int ra = sa ? rank[sa->status] : 4;
  int rb = sb ? rank[sb->status] : 4;

  return ra < rb ? GTK_ORDERING_SMALLER : ra > rb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
typed_targets_done (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ZbWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = zb_workspace_list_targets_finish (ZB_WORKSPACE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (targets == NULL)
    {
      g_debug ("typed targets: %s", error->message);
      return;
    }
  g_ptr_array_set_size (self->typed, 0);
  for (guint i = 0; i < targets->len; i++)
    g_ptr_array_add (self->typed, zb_target_copy (g_ptr_array_index (targets, i)));
  queue_charts (self);
}

static void
aliases_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ZbWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) aliases = zb_workspace_list_aliases_finish (ZB_WORKSPACE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (aliases == NULL)
    g_debug ("aliases: %s", error->message);
  else
    {
      g_ptr_array_set_size (self->aliases, 0);
      for (guint i = 0; i < aliases->len; i++)
        {
          const ZbStoreAlias *a = g_ptr_array_index (aliases, i);

          g_ptr_array_add (self->aliases, g_strdup (a->alias));
          g_ptr_array_add (self->aliases, g_strdup (a->indicator));
        }
    }
  /* the targets after the aliases, so that they are filed by canonical name */
  zb_workspace_list_targets_async (ZB_WORKSPACE (source), self->targets_cancellable,
                                   typed_targets_done, g_object_ref (self));
}

static void
load_typed_targets (ZbWindow *self)
{
  g_cancellable_cancel (self->targets_cancellable);
  g_clear_object (&self->targets_cancellable);
  self->targets_cancellable = g_cancellable_new ();
  zb_workspace_list_aliases_async (self->workspace, self->targets_cancellable,
                                   aliases_done, g_object_ref (self));
}

static void
target_saved (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ZbWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!zb_workspace_set_target_finish (ZB_WORKSPACE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Translators: %s is the workspace's error */
      g_autofree char *message = g_strdup_printf (_("The target applies to this window but could not be kept in the workspace: %s"),
                                                  error->message);
      toast (self, message);
    }
}

static void
on_set_target (ZbTargetsView  *view,
               const ZbTarget *typed,
               ZbWindow       *self)
{
  g_autoptr(ZbLedger) names = self->ledger ? g_object_ref (self->ledger) : build_ledger (self);
  ZbTarget *target = zb_target_copy (typed);

  /* kept under the canonical name, so that an alias replaces, not adds */
  g_free (target->indicator);
  target->indicator = zb_ledger_dup_canonical (names, typed->indicator);
  for (guint i = self->typed->len; i-- > 0;)
    {
      const ZbTarget *t = g_ptr_array_index (self->typed, i);

      if (g_strcmp0 (t->indicator, target->indicator) == 0 && t->year == target->year &&
          g_strcmp0 (t->source, target->source) == 0)
        g_ptr_array_remove_index (self->typed, i);
    }
  g_ptr_array_add (self->typed, target);
  /* at once in the table and the chart; the workspace follows */
  g_clear_handle_id (&self->charts_idle, g_source_remove);
  refresh_charts_idle (self);
  zb_workspace_set_target_async (self->workspace, target, self->targets_cancellable,
                                 target_saved, g_object_ref (self));
}

static void
alias_saved (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ZbWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!zb_workspace_set_alias_finish (ZB_WORKSPACE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Translators: %s is the workspace's error */
      g_autofree char *message = g_strdup_printf (_("The alias applies to this window but could not be kept in the workspace: %s"),
                                                  error->message);
      toast (self, message);
    }
}

static void
on_add_alias (ZbTargetsView *view,
              const char    *alias,
              const char    *canonical,
              ZbWindow      *self)
{
  g_ptr_array_add (self->aliases, g_strdup (alias));
  g_ptr_array_add (self->aliases, g_strdup (canonical));
  /* at once in the table and the chart; the workspace follows */
  g_clear_handle_id (&self->charts_idle, g_source_remove);
  refresh_charts_idle (self);
  zb_workspace_set_alias_async (self->workspace, alias, canonical, self->targets_cancellable,
                                alias_saved, g_object_ref (self));
}

/* Report ------------------------------------------------------------- */

static void
on_figure_field_changed (ZbFigure *figure,
                         int       field,
                         ZbWindow *self)
{
  if (field == ZB_FIELD_DELETED || field == ZB_FIELD_NAME)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  persist_figure (self, figure);
  if (figure == gtk_single_selection_get_selected_item (self->figure_selection))
    refresh_history (self);
  queue_recount (self);
  queue_charts (self);
}

static void
watch_figures (ZbWindow   *self,
               GListModel *figures,
               guint       position,
               guint       n)
{
  for (guint i = position; i < position + n; i++)
    {
      g_autoptr(ZbFigure) figure = g_list_model_get_item (figures, i);

      /* inserted again by Redo: keep a single handler */
      g_signal_handlers_disconnect_by_func (figure, on_figure_field_changed, self);
      g_signal_connect_object (figure, "field-changed", G_CALLBACK (on_figure_field_changed), self, 0);
    }
}

/* Undo takes a figure added by hand out of the report and Redo puts it back:
 * the workspace, which keeps every figure, records that as its deletion. */
static void
track_membership (ZbWindow   *self,
                  GListModel *figures)
{
  g_autoptr(GHashTable) now = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (figures);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZbFigure) figure = g_list_model_get_item (figures, i);

      g_hash_table_add (now, figure);
      if (g_hash_table_contains (self->present, figure))
        continue;
      g_hash_table_add (self->present, g_object_ref (figure));
      if (g_hash_table_remove (self->retracted, figure) && zb_figure_get_deleted (figure))
        zb_figure_correct (figure, ZB_FIELD_DELETED, "false", _("redo"), NULL);
    }

  g_hash_table_iter_init (&iter, self->present);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (now, key))
      {
        g_ptr_array_add (gone, g_object_ref (key));
        g_hash_table_iter_remove (&iter);
      }
  for (guint i = 0; i < gone->len; i++)
    {
      ZbFigure *figure = g_ptr_array_index (gone, i);

      if (zb_figure_get_id (figure) <= 0 || zb_figure_get_deleted (figure))
        continue;
      g_hash_table_add (self->retracted, g_object_ref (figure));
      zb_figure_correct (figure, ZB_FIELD_DELETED, "true", _("undo"), NULL);
      /* no longer watched through the report's list */
      persist_figure (self, figure);
    }
}

static void
on_figures_changed (GListModel *figures,
                    guint       position,
                    guint       removed,
                    guint       added,
                    ZbWindow   *self)
{
  watch_figures (self, figures, position, added);
  track_membership (self, figures);
  queue_recount (self);
  queue_charts (self);
}

static void
on_undo_state (ZbUndoStack *undo,
               GParamSpec  *pspec,
               ZbWindow    *self)
{
  update_actions (self);
}

static void
clear_report (ZbWindow *self)
{
  if (self->report != NULL)
    {
      GListModel *figures = zb_report_get_figures (self->report);
      guint n = g_list_model_get_n_items (figures);

      g_signal_handlers_disconnect_by_data (figures, self);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ZbFigure) figure = g_list_model_get_item (figures, i);
          g_signal_handlers_disconnect_by_data (figure, self);
        }
    }
  if (self->undo != NULL)
    g_signal_handlers_disconnect_by_data (self->undo, self);
  g_clear_object (&self->undo);
  g_clear_object (&self->report);
  self->report_id = 0;
  self->warned_store = FALSE;
  g_hash_table_remove_all (self->saved);
  g_hash_table_remove_all (self->present);
  g_hash_table_remove_all (self->retracted);
  g_hash_table_remove_all (self->children);
  g_array_set_size (self->parents, 0);
}

static void
set_report (ZbWindow *self,
            ZbReport *report,
            gint64    report_id)
{
  g_autoptr(GListStore) roots = g_list_store_new (ZB_TYPE_SECTION);
  g_autoptr(GListStore) top = g_list_store_new (ZB_TYPE_SECTION);
  g_autoptr(ZbSection) whole = NULL;
  GListModel *sections, *figures;
  GtkTextIter start;
  const char *title;
  guint n;

  clear_report (self);
  self->report = g_object_ref (report);
  self->report_id = report_id;
  self->undo = zb_undo_stack_new (report);
  g_signal_connect (self->undo, "notify::can-undo", G_CALLBACK (on_undo_state), self);
  g_signal_connect (self->undo, "notify::can-redo", G_CALLBACK (on_undo_state), self);

  /* outline: a root row for the whole report, then the sections by parent */
  sections = zb_report_get_sections (report);
  n = g_list_model_get_n_items (sections);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZbSection) section = g_list_model_get_item (sections, i);
      int id = zb_section_get_id (section);
      int parent = zb_section_get_parent (section);
      GListStore *siblings;

      if (id < 0)
        continue;
      if ((guint) id >= self->parents->len)
        {
          guint old = self->parents->len;

          g_array_set_size (self->parents, id + 1);
          for (guint j = old; j < self->parents->len; j++)
            g_array_index (self->parents, int, j) = WHOLE_REPORT;
        }
      g_array_index (self->parents, int, id) = parent;

      if (parent < 0)
        siblings = top;
      else if (!(siblings = g_hash_table_lookup (self->children, GINT_TO_POINTER (parent))))
        {
          siblings = g_list_store_new (ZB_TYPE_SECTION);
          g_hash_table_insert (self->children, GINT_TO_POINTER (parent), siblings);
        }
      g_list_store_append (siblings, section);
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (top)) > 0)
    g_hash_table_insert (self->children, GINT_TO_POINTER (WHOLE_REPORT), g_object_ref (top));

  title = zb_report_get_title (report);
  if (title == NULL || *title == '\0')
    title = _("Whole Report");
  whole = zb_section_new (WHOLE_REPORT, -2, 0, NULL, title, 0, 0);
  g_list_store_append (roots, whole);

  self->selected_section = WHOLE_REPORT;
  recount (self);

  g_clear_object (&self->tree);
  self->tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (roots)), FALSE, TRUE,
                                        create_section_children, self, NULL);
  gtk_single_selection_set_model (self->section_selection, G_LIST_MODEL (self->tree));
  gtk_single_selection_set_selected (self->section_selection, 0);

  /* table */
  figures = zb_report_get_figures (report);
  watch_figures (self, figures, 0, g_list_model_get_n_items (figures));
  /* what the import replayed is already in the workspace */
  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) figure = g_list_model_get_item (figures, i);

      g_hash_table_add (self->present, g_object_ref (figure));
      if (report_id > 0 && zb_figure_get_id (figure) > 0)
        g_hash_table_insert (self->saved, figure,
                             GUINT_TO_POINTER (zb_figure_get_corrections (figure)->len));
    }
  g_signal_connect (figures, "items-changed", G_CALLBACK (on_figures_changed), self);
  gtk_filter_list_model_set_model (self->filtered, figures);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_single_selection_set_selected (self->figure_selection, GTK_INVALID_LIST_POSITION);

  /* source */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->source_view),
                            zb_report_get_text (report), -1);
  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (self->source_view), &start);
  gtk_text_buffer_place_cursor (gtk_text_view_get_buffer (self->source_view), &start);
  gtk_label_set_label (self->source_label, "");

  adw_window_title_set_title (self->window_title, title);
  {
    const char *path = zb_report_get_path (report);
    g_autofree char *base = path ? g_path_get_basename (path) : NULL;

    adw_window_title_set_subtitle (self->window_title, base ? base : "");
    gtk_window_set_title (GTK_WINDOW (self), title);
  }

  gtk_stack_set_visible_child_name (self->stack, "report");
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "show-reports")),
                             g_variant_new_boolean (FALSE));
  update_count_label (self);
  update_actions (self);
  refresh_history (self);
  load_related (self);
  load_typed_targets (self);
  queue_charts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

/* Loading ------------------------------------------------------------ */

static void
rebuild_recent_menu (ZbWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint added = 0;

  g_menu_remove_all (self->recent_submenu);
  for (GList *l = items; l != NULL && added < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr(GMenuItem) item = NULL;

      if (!gtk_recent_info_has_application (info, RECENT_APP) || !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_submenu, item);
      added++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  if (added == 0)
    {
      g_autoptr(GMenuItem) none = g_menu_item_new (_("No Recent Reports"), "win.no-recent");
      g_menu_append_item (self->recent_submenu, none);
    }
}

static void
remember_recent (GFile *file)
{
  g_autofree char *uri = NULL;
  GtkRecentData data = { 0 };
  const char *groups[] = { RECENT_APP, NULL };

  if (!g_file_is_native (file))
    return;
  uri = g_file_get_uri (file);
  data.mime_type = (char *) "text/plain";
  data.app_name = (char *) RECENT_APP;
  data.app_exec = (char *) "zhibiao %u";
  data.groups = (char **) groups;
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
set_loading (ZbWindow *self,
             gboolean  loading)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static gboolean
show_progress (gpointer data)
{
  ZbWindow *self = data;

  self->progress_source = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  if (self->report == NULL)
    {
      adw_status_page_set_title (self->status_page, _("Reading the Report…"));
      adw_status_page_set_description (self->status_page, NULL);
    }
  return G_SOURCE_REMOVE;
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ZbWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) store_error = NULL;
  gint64 report_id = 0;
  guint n_uncarried = 0;
  g_autoptr(ZbReport) report = zb_workspace_read_report_finish (ZB_WORKSPACE (source), result, &report_id,
                                                                &n_uncarried, &store_error, &error);
  g_autoptr(GFile) file = g_steal_pointer (&self->loading_file);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_loading (self, FALSE);

  if (report == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = NULL;

      /* Translators: %s are the file name and the reason */
      message = g_strdup_printf (_("Could not open “%s”: %s"), name, error->message);
      toast (self, message);
      if (self->report == NULL)
        {
          adw_status_page_set_title (self->status_page, _("No Report Open"));
          adw_status_page_set_description (self->status_page, message);
        }
      return;
    }

  set_report (self, report, report_id);
  remember_recent (file);
  rebuild_recent_menu (self);
  if (store_error != NULL)
    store_failed (self, store_error);
  else if (n_uncarried > 0)
    {
      g_autofree char *message = NULL;

      /* Translators: the report file changed since it was corrected */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "The report changed: %u corrected figure could not be found again",
                                              "The report changed: %u corrected figures could not be found again",
                                              n_uncarried), n_uncarried);
      toast (self, message);
    }
}

void
zb_window_open (ZbWindow *self,
                GFile    *file)
{
  g_return_if_fail (ZB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->loading_file, file);
  self->cancellable = g_cancellable_new ();

  g_clear_handle_id (&self->progress_source, g_source_remove);
  self->progress_source = g_timeout_add (PROGRESS_DELAY_MS, show_progress, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  zb_workspace_read_report_async (self->workspace, file, self->cancellable, load_done, g_object_ref (self));
}

void
zb_window_open_sample (ZbWindow *self)
{
  g_autoptr(GFile) file = g_file_new_for_uri (SAMPLE_URI);

  zb_window_open (self, file);
}

/* Actions ------------------------------------------------------------ */

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     ZbWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      guint n = g_list_model_get_n_items (files);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          if (i == 0)
            zb_window_open (self, file);
          else
            g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                                &file, 1, "");
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *const *mime_types,
            const char     *const *patterns)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; mime_types && mime_types[i]; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  for (guint i = 0; patterns && patterns[i]; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
open_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  ZbWindow *self = user_data;
  GtkFileChooserNative *chooser;
  static const char *all_mimes[] = {
    "text/plain", "text/markdown",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/pdf", NULL
  };
  static const char *text_mimes[] = { "text/plain", NULL };
  static const char *text_patterns[] = { "*.txt", NULL };
  static const char *md_mimes[] = { "text/markdown", NULL };
  static const char *md_patterns[] = { "*.md", "*.markdown", NULL };
  static const char *word_mimes[] = { "application/vnd.openxmlformats-officedocument.wordprocessingml.document", NULL };
  static const char *word_patterns[] = { "*.docx", NULL };
  static const char *pdf_mimes[] = { "application/pdf", NULL };
  static const char *pdf_patterns[] = { "*.pdf", NULL };
  static const char *all_patterns[] = { "*.txt", "*.md", "*.markdown", "*.docx", "*.pdf", NULL };

  chooser = gtk_file_chooser_native_new (_("Open Report"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (chooser), _("All Reports"), all_mimes, all_patterns);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Text"), text_mimes, text_patterns);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Markdown"), md_mimes, md_patterns);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Word Documents"), word_mimes, word_patterns);
  add_filter (GTK_FILE_CHOOSER (chooser), _("PDF Documents"), pdf_mimes, pdf_patterns);

  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  zb_window_open (user_data, file);
}

static void
open_sample_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  zb_window_open_sample (user_data);
}

/* The cell whose text the clerk is editing, NULL when none. */
static ZbFigureCell *
editing_cell (ZbWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *cell = focus ? gtk_widget_get_ancestor (focus, ZB_TYPE_FIGURE_CELL) : NULL;

  return cell != NULL && zb_figure_cell_get_editing (ZB_FIGURE_CELL (cell)) ? ZB_FIGURE_CELL (cell) : NULL;
}

/* Ctrl+Z while typing in a cell is about the typing, else about the figures. */
static void
step_history (ZbWindow *self,
              gboolean  redo)
{
  g_autoptr(GError) error = NULL;
  ZbFigureCell *editing = editing_cell (self);

  if (editing != NULL)
    {
      zb_figure_cell_undo_text (editing, redo);
      return;
    }
  if (self->undo == NULL)
    return;
  if (!(redo ? zb_undo_stack_redo (self->undo, &error) : zb_undo_stack_undo (self->undo, &error)))
    toast (self, error->message);
}

static void
undo_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  step_history (user_data, FALSE);
}

static void
redo_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  step_history (user_data, TRUE);
}

static void
find_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  ZbWindow *self = user_data;

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
edit_cell_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  ZbWindow *self = user_data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *cell = focus ? gtk_widget_get_ancestor (focus, ZB_TYPE_FIGURE_CELL) : NULL;
  ZbFigure *figure;

  if (cell == NULL && (figure = gtk_single_selection_get_selected_item (self->figure_selection)))
    cell = (GtkWidget *) zb_window_find_cell (self, figure, ZB_FIELD_NAME);
  if (cell != NULL)
    zb_figure_cell_start_editing (ZB_FIGURE_CELL (cell));
}

static void
delete_figure_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  ZbWindow *self = user_data;
  ZbFigure *figure = gtk_single_selection_get_selected_item (self->figure_selection);
  g_autoptr(GError) error = NULL;
  AdwToast *t;

  if (figure == NULL || self->undo == NULL)
    return;
  if (!zb_undo_stack_correct (self->undo, figure, ZB_FIELD_DELETED, "true", &error))
    {
      toast (self, error->message);
      return;
    }
  t = adw_toast_new (_("Figure deleted"));
  adw_toast_set_button_label (t, _("_Undo"));
  adw_toast_set_action_name (t, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
figure_kind_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  ZbWindow *self = user_data;
  ZbFigure *figure = gtk_single_selection_get_selected_item (self->figure_selection);
  g_autoptr(GError) error = NULL;

  if (figure == NULL || self->undo == NULL)
    return;
  if (!zb_undo_stack_correct (self->undo, figure, ZB_FIELD_KIND,
                              g_variant_get_string (param, NULL), &error))
    toast (self, error->message);
  else
    g_simple_action_set_state (action, param);
}

static void
add_figure_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  ZbWindow *self = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->source_view);
  GtkTextIter start, end;
  const char *text;
  const char *from, *to;
  ZbFigure *figure;

  if (self->report == NULL)
    return;
  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    {
      toast (self, _("Select the text of the figure in the source first"));
      return;
    }

  text = zb_report_get_text (self->report);
  from = g_utf8_offset_to_pointer (text, gtk_text_iter_get_offset (&start));
  to = g_utf8_offset_to_pointer (text, gtk_text_iter_get_offset (&end));
  figure = zb_report_add_figure_from_span (self->report, from - text, to - from, NULL);
  zb_undo_stack_push_added (self->undo, figure);
  /* stored at once, with the corrections it may already carry */
  if (self->report_id > 0 && zb_figure_get_id (figure) <= 0)
    {
      g_autoptr(GError) error = NULL;

      if (zb_workspace_add_figure (self->workspace, self->report_id, figure, &error))
        g_hash_table_insert (self->saved, figure, GUINT_TO_POINTER (zb_figure_get_corrections (figure)->len));
      else
        store_failed (self, error);
    }

  /* the new figure may sit outside the selected section */
  if (!figure_visible (figure, self))
    gtk_single_selection_set_selected (self->section_selection, 0);
  select_figure (self, figure);
}

static void
show_error_dialog (ZbWindow   *self,
                   const char *heading,
                   const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_uri_action (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  ZbWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAppLaunchContext) context = NULL;

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self))));
  if (!g_app_info_launch_default_for_uri (g_variant_get_string (param, NULL), context, &error))
    toast (self, error->message);
}

static void
toast_saved (ZbWindow   *self,
             const char *message,
             GFile      *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_timeout (t, 8);
  adw_toast_set_button_label (t, _("_Open"));
  adw_toast_set_action_name (t, "win.open-uri");
  adw_toast_set_action_target_value (t, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

/* Workspace reports -------------------------------------------------- */

static void
load_stored_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ZbWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbReport) report = zb_workspace_load_report_finish (ZB_WORKSPACE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  set_loading (self, FALSE);
  if (report == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the reason */
      message = g_strdup_printf (_("Could not open the report from the workspace: %s"), error->message);
      toast (self, message);
      return;
    }
  set_report (self, report, self->loading_id);
}

void
zb_window_open_stored (ZbWindow *self,
                       gint64    report_id)
{
  g_return_if_fail (ZB_IS_WINDOW (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->loading_file);
  self->cancellable = g_cancellable_new ();
  self->loading_id = report_id;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  self->progress_source = g_timeout_add (PROGRESS_DELAY_MS, show_progress, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  zb_workspace_load_report_async (self->workspace, report_id, self->cancellable,
                                  load_stored_done, g_object_ref (self));
}

static void
on_report_row_activated (AdwActionRow *row,
                         ZbWindow     *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "zb-report-id");

  zb_window_open_stored (self, *id);
}

static GtkWidget *
report_row (const ZbStoreReport *info)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *base = g_path_get_basename (info->path);
  g_autofree char *corrections = NULL;
  g_autofree char *subtitle = NULL;
  gint64 *id = g_new (gint64, 1);

  *id = info->id;
  corrections = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u correction", "%u corrections",
                                              info->n_corrections), info->n_corrections);
  /* Translators: a workspace report: region · period · corrections · file name */
  subtitle = g_strdup_printf (_("%s · %s · %s · %s"),
                              info->region ? info->region : _("no region"),
                              info->period ? info->period : _("no period"),
                              corrections, base);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->title && *info->title ? info->title : base);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, info->path);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "zb-report-id", id, g_free);
  return row;
}

static void
list_reports_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ZbWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = zb_workspace_list_reports_finish (ZB_WORKSPACE (source), result, &error);
  g_autofree char *where = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  clear_list (self->reports_list);
  if (reports == NULL)
    {
      /* Translators: %s are the workspace file and the reason */
      where = g_strdup_printf (_("The workspace %s cannot be read: %s"),
                               zb_workspace_get_path (self->workspace), error->message);
      gtk_label_set_label (self->workspace_label, where);
      gtk_widget_set_visible (GTK_WIDGET (self->reports_list), FALSE);
      return;
    }
  /* Translators: %s is the workspace file */
  where = g_strdup_printf (reports->len ? _("In %s. Activate a report to open it with its corrections.")
                                        : _("In %s. Reports you open are added here."),
                           zb_workspace_get_path (self->workspace));
  gtk_label_set_label (self->workspace_label, where);
  for (guint i = 0; i < reports->len; i++)
    {
      GtkWidget *row = report_row (g_ptr_array_index (reports, i));

      g_signal_connect (row, "activated", G_CALLBACK (on_report_row_activated), self);
      gtk_list_box_append (self->reports_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->reports_list), reports->len > 0);
}

static void
refresh_reports (ZbWindow *self)
{
  g_cancellable_cancel (self->reports_cancellable);
  g_clear_object (&self->reports_cancellable);
  self->reports_cancellable = g_cancellable_new ();
  zb_workspace_list_reports_async (self->workspace, self->reports_cancellable,
                                   list_reports_done, g_object_ref (self));
}

static void
show_reports_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  ZbWindow *self = user_data;
  g_autoptr(GVariant) state = g_action_get_state (G_ACTION (action));
  gboolean show = !g_variant_get_boolean (state);

  g_simple_action_set_state (action, g_variant_new_boolean (show));
  if (show)
    {
      refresh_reports (self);
      gtk_stack_set_visible_child_name (self->stack, "reports");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, self->report ? "report" : "empty");
}

ZbWorkspace *
zb_window_get_workspace (ZbWindow *self)
{
  g_return_val_if_fail (ZB_IS_WINDOW (self), NULL);
  return self->workspace;
}

/* Corrections this window holds that no workspace has. */
static gboolean
has_unsaved (ZbWindow *self)
{
  GListModel *figures;

  if (self->report == NULL)
    return FALSE;
  figures = zb_report_get_figures (self->report);
  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) figure = g_list_model_get_item (figures, i);
      guint n = zb_figure_get_corrections (figure)->len;

      if (n > 0 && (self->report_id <= 0 || GPOINTER_TO_UINT (g_hash_table_lookup (self->saved, figure)) < n))
        return TRUE;
    }
  return FALSE;
}

void
zb_window_set_workspace (ZbWindow    *self,
                         ZbWorkspace *workspace)
{
  const char *path;

  g_return_if_fail (ZB_IS_WINDOW (self));
  g_return_if_fail (ZB_IS_WORKSPACE (workspace));

  if (!g_set_object (&self->workspace, workspace))
    return;
  load_typed_targets (self);
  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "reports"))
    refresh_reports (self);
  /* the report shown goes into the new workspace; its corrections are
   * already in the old one — unless the old one could not take them, and
   * then the window keeps them as they are rather than read the file again */
  if (has_unsaved (self))
    {
      toast (self, _("This report keeps its unsaved corrections; open it again to add it to the new workspace"));
      return;
    }
  if (self->report != NULL && (path = zb_report_get_path (self->report)) != NULL &&
      g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      zb_window_open (self, file);
    }
}

static void
use_workspace (ZbWindow    *self,
               ZbWorkspace *workspace)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  zb_workspace_set_default (workspace);
  if (app == NULL)
    {
      zb_window_set_workspace (self, workspace);
      return;
    }
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (ZB_IS_WINDOW (l->data))
      zb_window_set_workspace (l->data, workspace);
}

static void
workspace_open_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ZbWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  ZbWorkspace *workspace = ZB_WORKSPACE (source);

  if (!zb_workspace_open_finish (workspace, result, &error))
    {
      g_autofree char *body = NULL;

      /* Translators: %s are the file and the reason; the workspace in use stays */
      body = g_strdup_printf (_("%s: %s\n\nThe current workspace stays in use."),
                              zb_workspace_get_path (workspace), error->message);
      show_error_dialog (self, _("Could Not Open Workspace"), body);
      return;
    }
  use_workspace (self, workspace);
  {
    g_autofree char *base = g_path_get_basename (zb_workspace_get_path (workspace));
    g_autofree char *message = NULL;

    /* Translators: %s is the workspace file name */
    message = g_strdup_printf (_("Workspace “%s” in use"), base);
    toast (self, message);
  }
}

static void
on_workspace_chooser_response (GtkNativeDialog *dialog,
                               int              response,
                               ZbWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        {
          g_autoptr(ZbWorkspace) workspace = NULL;

          /* a new workspace gets the extension the chooser filters on */
          if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)) == GTK_FILE_CHOOSER_ACTION_SAVE &&
              !g_str_has_suffix (path, ".zhibiao"))
            {
              char *named = g_strconcat (path, ".zhibiao", NULL);

              g_free (path);
              path = named;
            }
          workspace = zb_workspace_new (path);
          zb_workspace_open_async (workspace, NULL, workspace_open_done, g_object_ref (self));
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_workspace (ZbWindow            *self,
                  GtkFileChooserAction action)
{
  GtkFileChooserNative *chooser;
  static const char *patterns[] = { "*.zhibiao", NULL };
  gboolean create = action == GTK_FILE_CHOOSER_ACTION_SAVE;

  chooser = gtk_file_chooser_native_new (create ? _("New Workspace") : _("Open Workspace"),
                                         GTK_WINDOW (self), action,
                                         create ? _("_Create") : _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Zhibiao Workspaces"), NULL, patterns);
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Workspace.zhibiao"));
  g_signal_connect (chooser, "response", G_CALLBACK (on_workspace_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_workspace_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  choose_workspace (user_data, GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
new_workspace_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  choose_workspace (user_data, GTK_FILE_CHOOSER_ACTION_SAVE);
}

/* Export ------------------------------------------------------------- */

typedef struct {
  ZbWorkspace *workspace;
  gint64       report_id;
  ZbReport    *report;     /* used when the report is not in the workspace */
  GFile       *file;
  char        *language;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->workspace);
  g_clear_object (&job->report);
  g_clear_object (&job->file);
  g_free (job->language);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  ExportJob *job = data;
  g_autofree char *path = g_file_get_path (job->file);
  GError *error = NULL;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Workbooks can only be written to local files"));
      return;
    }
  /* a stored report is rebuilt from the workspace, which holds every
   * correction: the window's figures are not read off the main thread */
  if (!zb_workspace_export_workbook (job->workspace, job->report_id, job->report, path,
                                     job->language, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ZbWindow *self = ZB_WINDOW (source);
  g_autoptr(GTask) outer = user_data;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *name = g_file_get_parse_name (job->file);
          g_autofree char *body = NULL;

          /* Translators: %s are the file and the reason */
          body = g_strdup_printf (_("%s could not be written: %s\n\nNothing was lost; choose another place."),
                                  name, error->message);
          show_error_dialog (self, _("Could Not Export"), body);
        }
      g_task_return_error (outer, error);
      return;
    }
  {
    g_autofree char *base = g_file_get_basename (job->file);
    g_autofree char *message = NULL;

    /* Translators: %s is the workbook's file name */
    message = g_strdup_printf (_("Exported to “%s”"), base);
    toast_saved (self, message, job->file);
  }
  g_task_return_boolean (outer, TRUE);
}

void
zb_window_export_async (ZbWindow            *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (ZB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, zb_window_export_async);
  if (self->report == NULL)
    {
      g_task_return_new_error (outer, ZB_ERROR, ZB_ERROR_NOT_FOUND, _("No report is open"));
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->workspace = g_object_ref (self->workspace);
  job->report_id = self->report_id;
  job->report = g_object_ref (self->report);
  job->file = g_object_ref (file);
  /* Translators: the language of exported workbooks' sheets and headers:
   * "zh_CN" for Chinese, "en" otherwise */
  job->language = g_strdup (C_("workbook language", "en"));

  task = g_task_new (self, cancellable ? cancellable : self->export_cancellable,
                     export_done, g_steal_pointer (&outer));
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
zb_window_export_finish (ZbWindow      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_export_chooser_response (GtkNativeDialog *dialog,
                            int              response,
                            ZbWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *base = g_file_get_basename (file);

      if (!g_str_has_suffix (base, ".xlsx"))
        {
          g_autofree char *named = g_strconcat (base, ".xlsx", NULL);
          g_autoptr(GFile) parent = g_file_get_parent (file);

          GFile *named_file = g_file_get_child (parent, named);

          g_object_unref (file);
          file = named_file;
        }
      zb_window_export_async (self, file, NULL, NULL, NULL);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static char *
suggested_name (ZbWindow   *self,
                const char *suffix)
{
  const char *path = zb_report_get_path (self->report);
  g_autofree char *base = path ? g_path_get_basename (path) : g_strdup (_("Report"));
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_strconcat (base, suffix, NULL);
}

static void
export_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  ZbWindow *self = user_data;
  GtkFileChooserNative *chooser;
  static const char *mimes[] = { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", NULL };
  static const char *patterns[] = { "*.xlsx", NULL };
  g_autofree char *name = NULL;

  if (self->report == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export to Excel"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Excel Workbooks"), mimes, patterns);
  name = suggested_name (self, ".xlsx");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

typedef struct {
  ZbChart *chart;
  char    *path;
  int      width, height;
} ChartJob;

static void
chart_job_free (ChartJob *job)
{
  g_clear_object (&job->chart);
  g_free (job->path);
  g_free (job);
}

static void
chart_thread (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  ChartJob *job = data;
  GError *error = NULL;

  if (zb_chart_save (job->chart, job->path, job->width, job->height, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
chart_saved (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ZbWindow *self = ZB_WINDOW (source);
  ChartJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (job->path);
  g_autofree char *base = g_file_get_basename (file);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *body = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      body = g_strdup_printf (_("%s could not be written: %s\n\nNothing was lost; choose another place."),
                              job->path, error->message);
      show_error_dialog (self, _("Could Not Export"), body);
      return;
    }
  {
    g_autofree char *message = g_strdup_printf (_("Exported to “%s”"), base);

    toast_saved (self, message, file);
  }
}

static void
on_chart_chooser_response (GtkNativeDialog *dialog,
                           int              response,
                           ZbWindow        *self)
{
  const char *kind = g_object_get_data (G_OBJECT (dialog), "zb-chart");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *lower = path ? g_ascii_strdown (path, -1) : NULL;
      ZbChartView *view = g_str_equal (kind, "trend") ? self->trend_chart : self->gap_chart;
      /* a chart of its own: the one on screen is redrawn meanwhile */
      g_autoptr(ZbChart) chart = g_str_equal (kind, "trend") ? build_trend_chart (self) : build_gap_chart (self);

      if (path == NULL || chart == NULL)
        toast (self, _("There is no chart to export"));
      else
        {
          ChartJob *job = g_new0 (ChartJob, 1);
          g_autoptr(GTask) task = g_task_new (self, self->export_cancellable, chart_saved, NULL);

          if (!g_str_has_suffix (lower, ".png") && !g_str_has_suffix (lower, ".svg") &&
              !g_str_has_suffix (lower, ".pdf"))
            job->path = g_strconcat (path, ".png", NULL);
          else
            job->path = g_steal_pointer (&path);
          job->chart = g_steal_pointer (&chart);
          /* the size on screen, but never smaller than a slide */
          job->width = MAX (gtk_widget_get_width (GTK_WIDGET (view)), 960);
          job->height = MAX (gtk_widget_get_height (GTK_WIDGET (view)), 540);
          g_task_set_task_data (task, job, (GDestroyNotify) chart_job_free);
          g_task_run_in_thread (task, chart_thread);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_chart_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  ZbWindow *self = user_data;
  const char *kind = g_variant_get_string (param, NULL);
  GtkFileChooserNative *chooser;
  static const char *png[] = { "*.png", NULL };
  static const char *svg[] = { "*.svg", NULL };
  static const char *pdf[] = { "*.pdf", NULL };
  g_autofree char *name = NULL;

  if (self->report == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (chooser), _("PNG Images"), NULL, png);
  add_filter (GTK_FILE_CHOOSER (chooser), _("SVG Drawings"), NULL, svg);
  add_filter (GTK_FILE_CHOOSER (chooser), _("PDF Documents"), NULL, pdf);
  name = suggested_name (self, g_str_equal (kind, "trend") ? "-trend.png" : "-gap.png");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "zb-chart", g_strdup (kind), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chart_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
no_recent_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
}

static const GActionEntry win_actions[] = {
  { "open", open_action },
  { "open-recent", open_recent_action, "s" },
  { "open-sample", open_sample_action },
  { "undo", undo_action },
  { "redo", redo_action },
  { "find", find_action },
  { "edit-cell", edit_cell_action },
  { "delete-figure", delete_figure_action },
  { "figure-kind", figure_kind_action, "s", "'actual'" },
  { "add-figure", add_figure_action },
  { "export", export_action },
  { "export-chart", export_chart_action, "s" },
  { "open-uri", open_uri_action, "s" },
  { "open-workspace", open_workspace_action },
  { "new-workspace", new_workspace_action },
  { "show-reports", show_reports_action, NULL, "false" },
  { "no-recent", no_recent_action },
};

/* Drag and drop ------------------------------------------------------ */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         ZbWindow      *self)
{
  GSList *files = g_value_get_boxed (value);

  if (files == NULL)
    return FALSE;
  zb_window_open (self, files->data);
  for (GSList *l = files->next; l != NULL; l = l->next)
    {
      GFile *file = l->data;

      g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                          &file, 1, "");
    }
  return TRUE;
}

/* GObject ------------------------------------------------------------ */

static void
on_search_changed (GtkSearchEntry *entry,
                   ZbWindow       *self)
{
  zb_window_set_filter_text (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   ZbWindow         *self)
{
  if (g_str_equal (response, "close"))
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "export"))
    g_action_group_activate_action (G_ACTION_GROUP (self), "export", NULL);
}

static gboolean
zb_window_close_request (GtkWindow *window)
{
  ZbWindow *self = ZB_WINDOW (window);

  /* corrections no workspace holds would go with the window: ask first */
  if (!self->close_confirmed && has_unsaved (self))
    {
      GtkWidget *dialog = adw_message_dialog_new (window, _("Close Without the Corrections?"),
                                                  _("Some corrections of this report are not in a workspace "
                                                    "and are lost when the window closes. Export the report "
                                                    "to Excel to keep them."));

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "export", _("_Export…"),
                                        "close", _("C_lose Anyway"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set (self->settings, "window-size", "(ii)", width, height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (zb_window_parent_class)->close_request (window);
}

static void
zb_window_dispose (GObject *object)
{
  ZbWindow *self = ZB_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_handle_id (&self->counts_idle, g_source_remove);
  g_clear_handle_id (&self->charts_idle, g_source_remove);
  g_cancellable_cancel (self->history_cancellable);
  g_cancellable_cancel (self->reports_cancellable);
  g_cancellable_cancel (self->export_cancellable);
  g_cancellable_cancel (self->related_cancellable);
  g_clear_object (&self->related_cancellable);
  g_cancellable_cancel (self->targets_cancellable);
  g_clear_object (&self->targets_cancellable);
  g_clear_object (&self->ledger);
  if (self->assessed != NULL)
    g_hash_table_remove_all (self->assessed);
  g_clear_pointer (&self->assessments, g_ptr_array_unref);
  g_clear_pointer (&self->related, g_ptr_array_unref);
  g_clear_object (&self->history_cancellable);
  g_clear_object (&self->reports_cancellable);
  clear_report (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZB_TYPE_WINDOW);

  G_OBJECT_CLASS (zb_window_parent_class)->dispose (object);
}

static void
zb_window_finalize (GObject *object)
{
  ZbWindow *self = ZB_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->loading_file);
  g_clear_object (&self->workspace);
  g_clear_object (&self->export_cancellable);
  g_clear_pointer (&self->saved, g_hash_table_unref);
  g_clear_pointer (&self->present, g_hash_table_unref);
  g_clear_pointer (&self->retracted, g_hash_table_unref);
  g_clear_object (&self->tree);
  g_clear_object (&self->section_selection);
  g_clear_object (&self->figure_selection);
  g_clear_pointer (&self->children, g_hash_table_unref);
  g_clear_pointer (&self->parents, g_array_unref);
  g_clear_pointer (&self->counts, g_array_unref);
  g_clear_pointer (&self->corrected, g_array_unref);
  if (self->cells != NULL)
    {
      GHashTableIter iter;
      gpointer cell;

      g_hash_table_iter_init (&iter, self->cells);
      while (g_hash_table_iter_next (&iter, &cell, NULL))
        g_object_weak_unref (cell, cell_gone, self);
    }
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_pointer (&self->section_items, g_hash_table_unref);
  g_clear_pointer (&self->filter_text, g_free);
  if (self->status_labels != NULL)
    {
      GHashTableIter iter;
      gpointer label;

      g_hash_table_iter_init (&iter, self->status_labels);
      while (g_hash_table_iter_next (&iter, &label, NULL))
        g_object_weak_unref (label, status_gone, self);
    }
  g_clear_pointer (&self->status_labels, g_hash_table_unref);
  g_clear_pointer (&self->assessed, g_hash_table_unref);
  g_clear_pointer (&self->assessments, g_ptr_array_unref);
  g_clear_pointer (&self->typed, g_ptr_array_unref);
  g_clear_pointer (&self->aliases, g_ptr_array_unref);

  G_OBJECT_CLASS (zb_window_parent_class)->finalize (object);
}

static void
zb_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ZbWindow *self = ZB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, zb_window_get_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_window_class_init (ZbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = zb_window_dispose;
  object_class->finalize = zb_window_finalize;
  object_class->get_property = zb_window_get_property;
  window_class->close_request = zb_window_close_request;

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, ZB_TYPE_REPORT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zhibiao/Zhibiao/ui/zb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, section_view);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, figure_view);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, figure_count_label);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, source_view);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, source_label);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, recent_submenu);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, history_label);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, history_list);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, reports_list);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, workspace_label);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, gap_chart);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, trend_chart);

  g_type_ensure (ZB_TYPE_FIGURE_CELL);
  g_type_ensure (ZB_TYPE_CHART_VIEW);
}

static void
setup_columns (ZbWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      GtkSorter *sorter;

      g_object_set_data (G_OBJECT (factory), "zb-field", GINT_TO_POINTER (columns[i].field));
      g_signal_connect (factory, "setup", G_CALLBACK (figure_setup), self);
      g_signal_connect (factory, "bind", G_CALLBACK (figure_bind), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (figure_unbind), self);

      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      if (!columns[i].expand)
        gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_column_set_resizable (column, TRUE);
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_figures,
                                                  GINT_TO_POINTER (columns[i].field), NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
      gtk_column_view_append_column (self->figure_view, column);
    }

  /* not a field of the figure: the ledger's verdict, read only */
  {
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
    g_autoptr(GtkColumnViewColumn) column = NULL;
    GtkSorter *sorter;

    g_signal_connect (factory, "setup", G_CALLBACK (status_setup), self);
    g_signal_connect (factory, "bind", G_CALLBACK (status_bind), self);
    g_signal_connect (factory, "unbind", G_CALLBACK (status_unbind), self);
    column = gtk_column_view_column_new (_("Status"), factory);
    gtk_column_view_column_set_fixed_width (column, 92);
    gtk_column_view_column_set_resizable (column, TRUE);
    sorter = GTK_SORTER (gtk_custom_sorter_new (compare_status, self, NULL));
    gtk_column_view_column_set_sorter (column, sorter);
    g_object_unref (sorter);
    /* beside the target and gap it judges */
    gtk_column_view_insert_column (self->figure_view, column_index (ZB_FIELD_GAP) + 1, column);
  }
}

/* Loaded by the window rather than as the application's style.css, so the
 * cells look the same wherever a window is made (tests included). */
static void
ensure_css (GtkWidget *widget)
{
  static GdkDisplay *loaded_for;
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded_for == display)
    return;
  loaded_for = display;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/zhibiao/Zhibiao/zb-window.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
zb_window_init (ZbWindow *self)
{
  GtkListItemFactory *factory;
  GtkDropTarget *drop;
  GtkSorter *sorter;
  GtkTextBuffer *buffer;
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  self->children = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->parents = g_array_new (FALSE, TRUE, sizeof (int));
  self->counts = g_array_new (FALSE, TRUE, sizeof (int));
  self->corrected = g_array_new (FALSE, TRUE, sizeof (int));
  self->cells = g_hash_table_new (NULL, NULL);
  self->section_items = g_hash_table_new (NULL, NULL);
  self->saved = g_hash_table_new (NULL, NULL);
  self->present = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->retracted = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->assessed = g_hash_table_new (NULL, NULL);
  self->typed = g_ptr_array_new_with_free_func ((GDestroyNotify) zb_target_free);
  self->aliases = g_ptr_array_new_with_free_func (g_free);
  self->status_labels = g_hash_table_new (NULL, NULL);
  self->selected_section = WHOLE_REPORT;
  self->workspace = g_object_ref (zb_workspace_get_default ());
  self->export_cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_css (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "no-recent")), FALSE);

  /* the window size is remembered when the schema is installed (always, but
   * for a bare build tree run without build-aux/run) */
  if (schemas != NULL && (schema = g_settings_schema_source_lookup (schemas, APP_ID, TRUE)))
    {
      int width, height;

      self->settings = g_settings_new (APP_ID);
      g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
      gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  /* outline */
  self->section_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->section_selection, FALSE);
  g_signal_connect (self->section_selection, "notify::selected-item",
                    G_CALLBACK (on_section_selected), self);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (section_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (section_bind), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (section_teardown), self);
  gtk_list_view_set_factory (self->section_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->section_view, GTK_SELECTION_MODEL (self->section_selection));

  /* table: report figures → filter → column sorter → selection */
  setup_columns (self);
  self->filter = gtk_custom_filter_new (figure_visible, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  sorter = gtk_column_view_get_sorter (self->figure_view);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered),
                                          sorter ? g_object_ref (sorter) : NULL);
  self->figure_selection = gtk_single_selection_new (G_LIST_MODEL (self->sorted));
  gtk_single_selection_set_autoselect (self->figure_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->figure_selection, TRUE);
  g_signal_connect (self->figure_selection, "notify::selected-item",
                    G_CALLBACK (on_figure_selected), self);
  g_signal_connect_swapped (self->figure_selection, "items-changed",
                            G_CALLBACK (update_count_label), self);
  gtk_column_view_set_model (self->figure_view, GTK_SELECTION_MODEL (self->figure_selection));

  /* source */
  buffer = gtk_text_view_get_buffer (self->source_view);
  self->quote_tag = gtk_text_buffer_create_tag (buffer, "quote",
                                                "background", "rgba(246,211,45,0.55)",
                                                "weight", PANGO_WEIGHT_BOLD,
                                                NULL);
  {
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (buffer, &start);
    self->quote_mark = gtk_text_buffer_create_mark (buffer, "quote", &start, TRUE);
  }

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  g_signal_connect (self->gap_chart, "figure-activated", G_CALLBACK (on_chart_figure_activated), self);
  g_signal_connect (self->trend_chart, "figure-activated", G_CALLBACK (on_chart_figure_activated), self);

  self->targets_view = ZB_TARGETS_VIEW (zb_targets_view_new ());
  gtk_stack_add_titled (self->side_stack, GTK_WIDGET (self->targets_view), "targets", _("Targets"));
  g_signal_connect (self->targets_view, "set-target", G_CALLBACK (on_set_target), self);
  g_signal_connect (self->targets_view, "add-alias", G_CALLBACK (on_add_alias), self);

  rebuild_recent_menu (self);
  update_count_label (self);
  update_actions (self);
  refresh_history (self);
}

ZbWindow *
zb_window_new (GtkApplication *application)
{
  return g_object_new (ZB_TYPE_WINDOW, "application", application, NULL);
}

gboolean
zb_window_get_loading (ZbWindow *self)
{
  g_return_val_if_fail (ZB_IS_WINDOW (self), FALSE);
  return self->cancellable != NULL;
}

ZbReport *
zb_window_get_report (ZbWindow *self)
{
  g_return_val_if_fail (ZB_IS_WINDOW (self), NULL);
  return self->report;
}

ZbUndoStack *
zb_window_get_undo_stack (ZbWindow *self)
{
  g_return_val_if_fail (ZB_IS_WINDOW (self), NULL);
  return self->undo;
}

GtkSingleSelection *
zb_window_get_section_selection (ZbWindow *self)
{
  g_return_val_if_fail (ZB_IS_WINDOW (self), NULL);
  return self->section_selection;
}

GtkSingleSelection *
zb_window_get_figure_selection (ZbWindow *self)
{
  g_return_val_if_fail (ZB_IS_WINDOW (self), NULL);
  return self->figure_selection;
}

GtkColumnView *
zb_window_get_figure_view (ZbWindow *self)
{
  g_return_val_if_fail (ZB_IS_WINDOW (self), NULL);
  return self->figure_view;
}

GtkTextView *
zb_window_get_source_view (ZbWindow *self)
{
  g_return_val_if_fail (ZB_IS_WINDOW (self), NULL);
  return self->source_view;
}

void
zb_window_set_filter_text (ZbWindow   *self,
                           const char *text)
{
  g_return_if_fail (ZB_IS_WINDOW (self));

  g_clear_pointer (&self->filter_text, g_free);
  if (text != NULL && *text != '\0')
    self->filter_text = g_utf8_casefold (text, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

gint64
zb_window_get_report_id (ZbWindow *self)
{
  g_return_val_if_fail (ZB_IS_WINDOW (self), 0);
  return self->report_id;
}

ZbChartView *
zb_window_get_gap_chart (ZbWindow *self)
{
  g_return_val_if_fail (ZB_IS_WINDOW (self), NULL);
  return self->gap_chart;
}

ZbChartView *
zb_window_get_trend_chart (ZbWindow *self)
{
  g_return_val_if_fail (ZB_IS_WINDOW (self), NULL);
  return self->trend_chart;
}

GtkListBox *
zb_window_get_history_list (ZbWindow *self)
{
  g_return_val_if_fail (ZB_IS_WINDOW (self), NULL);
  return self->history_list;
}

GtkListBox *
zb_window_get_reports_list (ZbWindow *self)
{
  g_return_val_if_fail (ZB_IS_WINDOW (self), NULL);
  return self->reports_list;
}

ZbTargetsView *
zb_window_get_targets_view (ZbWindow *self)
{
  g_return_val_if_fail (ZB_IS_WINDOW (self), NULL);
  return self->targets_view;
}

GtkLabel *
zb_window_find_status_label (ZbWindow *self,
                             ZbFigure *figure)
{
  GHashTableIter iter;
  gpointer label;

  g_return_val_if_fail (ZB_IS_WINDOW (self), NULL);

  g_hash_table_iter_init (&iter, self->status_labels);
  while (g_hash_table_iter_next (&iter, &label, NULL))
    if (g_object_get_data (label, "zb-figure") == (gpointer) figure && gtk_widget_get_mapped (label))
      return label;
  return NULL;
}

double
zb_window_get_ledger_ms (ZbWindow *self)
{
  g_return_val_if_fail (ZB_IS_WINDOW (self), 0);
  return self->ledger_ms;
}
