/* zb-outline-panel.c — the pane of a document's sections, the whole report at the root
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-outline-panel.h"
#include "zb-outline-row.h"

struct _ZbOutlinePanel
{
  ZbPane              parent_instance;

  GtkListView        *list_view;

  GSignalGroup       *figures_signals;   /* of the document's figure list */
  GtkSingleSelection *selection;
  GHashTable         *children;    /* section id → GListStore of ZbSection */
  GArray             *parents;     /* section id → parent id */
  GArray             *counts;      /* slot (id + 1) → figures; slot 0: the whole report */
  GArray             *corrected;   /* slot → corrected figures */
  GArray             *to_review;   /* slot → figures the parser flagged, not reviewed yet */
  GHashTable         *items;       /* set of live GtkListItem */
  guint               counts_idle;
};

G_DEFINE_FINAL_TYPE (ZbOutlinePanel, zb_outline_panel, ZB_TYPE_PANE)

#define DOCUMENT(self) zb_pane_get_document (ZB_PANE (self))

static int
parent_of (ZbOutlinePanel *self,
           int             id)
{
  if (id < 0 || (guint) id >= self->parents->len)
    return ZB_DOCUMENT_WHOLE_REPORT;
  return g_array_index (self->parents, int, id);
}

static void
recount (ZbOutlinePanel *self)
{
  GListModel *figures;
  guint slots = self->parents->len + 1;

  g_array_set_size (self->counts, 0);
  g_array_set_size (self->corrected, 0);
  g_array_set_size (self->to_review, 0);
  g_array_set_size (self->counts, slots);
  g_array_set_size (self->corrected, slots);
  g_array_set_size (self->to_review, slots);
  if (DOCUMENT (self) == NULL)
    return;

  figures = zb_document_get_figures (DOCUMENT (self));
  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) figure = g_list_model_get_item (figures, i);
      gboolean is_corrected, awaits;

      if (zb_figure_get_deleted (figure))
        continue;
      is_corrected = zb_figure_is_corrected (figure);
      awaits = zb_figure_awaits_review (figure);
      /* each figure counts for its section and every ancestor */
      for (int id = zb_figure_get_section (figure); ; id = parent_of (self, id))
        {
          guint slot = id < 0 ? 0 : (guint) id + 1;

          if (slot >= slots)
            break;
          g_array_index (self->counts, guint, slot)++;
          if (is_corrected)
            g_array_index (self->corrected, guint, slot)++;
          if (awaits)
            g_array_index (self->to_review, guint, slot)++;
          if (id < 0)
            break;
        }
    }
}

static void
bind_row (ZbOutlinePanel *self,
          GtkListItem    *item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *widget = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  g_autoptr(ZbSection) section = NULL;
  guint slot, n = 0, n_corrected = 0, n_to_review = 0;

  if (row == NULL)
    return;
  section = gtk_tree_list_row_get_item (row);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  slot = zb_section_get_id (section) < 0 ? 0 : (guint) zb_section_get_id (section) + 1;
  if (slot < self->counts->len)
    {
      n = g_array_index (self->counts, guint, slot);
      n_corrected = g_array_index (self->corrected, guint, slot);
      n_to_review = g_array_index (self->to_review, guint, slot);
    }
  zb_outline_row_update (ZB_OUTLINE_ROW (widget), section, n, n_corrected, n_to_review);
}

static gboolean
counts_idle (gpointer data)
{
  ZbOutlinePanel *self = data;
  GHashTableIter iter;
  gpointer item;

  self->counts_idle = 0;
  recount (self);
  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    bind_row (self, item);
  return G_SOURCE_REMOVE;
}

static void
queue_recount (ZbOutlinePanel *self)
{
  if (self->counts_idle == 0)
    self->counts_idle = g_idle_add (counts_idle, self);
}

static void
row_setup (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ZbOutlinePanel           *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();

  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), zb_outline_row_new ());
  gtk_list_item_set_child (item, expander);
  g_hash_table_add (self->items, item);
}

static void
row_bind (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          ZbOutlinePanel           *self)
{
  bind_row (self, item);
}

static void
row_teardown (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ZbOutlinePanel           *self)
{
  g_hash_table_remove (self->items, item);
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  ZbOutlinePanel *self = user_data;
  GListStore *store = g_hash_table_lookup (self->children, GINT_TO_POINTER (zb_section_get_id (item)));

  return store ? g_object_ref (G_LIST_MODEL (store)) : NULL;
}

/* The tree: a root row for the whole report, then the sections by parent. */
static GListModel *
build_tree (ZbOutlinePanel *self,
            ZbDocument     *document)
{
  GListModel *sections = zb_report_get_sections (zb_document_get_report (document));
  GListStore *roots = g_list_store_new (ZB_TYPE_SECTION);
  g_autoptr(GListStore) top = g_list_store_new (ZB_TYPE_SECTION);
  g_autoptr(ZbSection) whole = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
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
            g_array_index (self->parents, int, j) = ZB_DOCUMENT_WHOLE_REPORT;
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
    g_hash_table_insert (self->children, GINT_TO_POINTER (ZB_DOCUMENT_WHOLE_REPORT), g_object_ref (top));

  whole = zb_section_new (ZB_DOCUMENT_WHOLE_REPORT, -2, 0, NULL, zb_document_get_title (document), 0, 0);
  g_list_store_append (roots, whole);
  return G_LIST_MODEL (roots);
}

static void
on_selected (GtkSingleSelection *selection,
             GParamSpec         *pspec,
             ZbOutlinePanel     *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (selection);
  g_autoptr(ZbSection) section = row ? gtk_tree_list_row_get_item (row) : NULL;

  if (DOCUMENT (self) != NULL)
    zb_document_set_section (DOCUMENT (self), section ? zb_section_get_id (section) : ZB_DOCUMENT_WHOLE_REPORT);
}

/* The document's section chosen elsewhere: its row, the tree being expanded. */
static void
on_document_section (ZbOutlinePanel *self)
{
  GListModel *rows = G_LIST_MODEL (self->selection);
  int id = zb_document_get_section (DOCUMENT (self));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(ZbSection) section = gtk_tree_list_row_get_item (row);

      if (zb_section_get_id (section) == id)
        {
          if (gtk_single_selection_get_selected (self->selection) != i)
            gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
document_changed (ZbPane     *pane,
                  ZbDocument *document)
{
  ZbOutlinePanel *self = ZB_OUTLINE_PANEL (pane);
  GtkTreeListModel *tree = NULL;

  g_signal_group_set_target (self->figures_signals, document ? zb_document_get_figures (document) : NULL);
  g_hash_table_remove_all (self->children);
  g_array_set_size (self->parents, 0);
  if (document != NULL)
    tree = gtk_tree_list_model_new (build_tree (self, document), FALSE, TRUE, create_children, self, NULL);
  recount (self);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (tree));
  g_clear_object (&tree);
  if (document != NULL)
    on_document_section (self);
}

GtkSingleSelection *
zb_outline_panel_get_selection (ZbOutlinePanel *self)
{
  g_return_val_if_fail (ZB_IS_OUTLINE_PANEL (self), NULL);
  return self->selection;
}

static void
zb_outline_panel_dispose (GObject *object)
{
  ZbOutlinePanel *self = ZB_OUTLINE_PANEL (object);

  g_clear_handle_id (&self->counts_idle, g_source_remove);
  if (self->figures_signals != NULL)
    g_signal_group_set_target (self->figures_signals, NULL);
  g_clear_object (&self->figures_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZB_TYPE_OUTLINE_PANEL);

  G_OBJECT_CLASS (zb_outline_panel_parent_class)->dispose (object);
}

static void
zb_outline_panel_finalize (GObject *object)
{
  ZbOutlinePanel *self = ZB_OUTLINE_PANEL (object);

  g_clear_object (&self->selection);
  g_clear_pointer (&self->children, g_hash_table_unref);
  g_clear_pointer (&self->parents, g_array_unref);
  g_clear_pointer (&self->counts, g_array_unref);
  g_clear_pointer (&self->corrected, g_array_unref);
  g_clear_pointer (&self->to_review, g_array_unref);
  g_clear_pointer (&self->items, g_hash_table_unref);

  G_OBJECT_CLASS (zb_outline_panel_parent_class)->finalize (object);
}

static void
zb_outline_panel_class_init (ZbOutlinePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zb_outline_panel_dispose;
  object_class->finalize = zb_outline_panel_finalize;
  ZB_PANE_CLASS (klass)->document_changed = document_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zhibiao/Zhibiao/ui/zb-outline-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbOutlinePanel, list_view);
}

static void
zb_outline_panel_init (ZbOutlinePanel *self)
{
  GtkListItemFactory *factory;

  self->children = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->parents = g_array_new (FALSE, TRUE, sizeof (int));
  self->counts = g_array_new (FALSE, TRUE, sizeof (guint));
  self->corrected = g_array_new (FALSE, TRUE, sizeof (guint));
  self->to_review = g_array_new (FALSE, TRUE, sizeof (guint));
  self->items = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  g_signal_connect (self->selection, "notify::selected-item", G_CALLBACK (on_selected), self);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (row_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (row_teardown), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_group_connect_object (zb_pane_get_document_signals (ZB_PANE (self)), "notify::section",
                                 G_CALLBACK (on_document_section), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (zb_pane_get_document_signals (ZB_PANE (self)), "figure-changed",
                                 G_CALLBACK (queue_recount), self, G_CONNECT_SWAPPED);
  self->figures_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->figures_signals, "items-changed",
                                 G_CALLBACK (queue_recount), self, G_CONNECT_SWAPPED);
}

guint
zb_outline_panel_get_to_review (ZbOutlinePanel *self,
                                int             section)
{
  guint slot = section < 0 ? 0 : (guint) section + 1;

  g_return_val_if_fail (ZB_IS_OUTLINE_PANEL (self), 0);
  return slot < self->to_review->len ? g_array_index (self->to_review, guint, slot) : 0;
}
