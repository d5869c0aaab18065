/* zb-compare-page.c — the page that compares the workspace's reports side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chooser on the left (a region or a period, or reports ticked by
 * hand) gives the reports in order; the comparison of them is built on
 * the workspace's worker and shown as a column view over it: an
 * indicator column, a sparkline, then a column a report. Its actions are
 * in zb-compare-page-actions.c.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "zb-compare-page-private.h"

struct _ZbComparePage
{
  ZbPane              parent_instance;

  /* template */
  GtkDropDown        *by_dropdown;
  GtkDropDown        *key_dropdown;
  GtkListBox         *report_list;
  GtkSearchEntry     *filter_entry;
  GtkLabel           *summary_label;
  GtkSpinner         *spinner;
  GtkStack           *stack;
  AdwStatusPage      *status_page;
  GtkWidget          *scroller;
  ZbCompareGrid      *grid;
  ZbChartView        *chart_view;

  ZbWorkspace        *workspace;
  GPtrArray          *listed;        /* of ZbStoreReport: what the chooser offers */
  GPtrArray          *key_values;    /* the key dropdown's regions or periods */
  GArray             *chosen;        /* of gint64, in the comparison's order */
  ZbComparison       *comparison;
  char               *filter_text;   /* casefolded, NULL: none */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  GCancellable       *listing;
  GCancellable       *comparing;
  guint               compare_idle;
  gboolean            stale;         /* the workspace changed: compare again when shown */
  gboolean            updating;      /* the page itself sets the checks and the dropdowns */
  double              build_ms;
};

G_DEFINE_FINAL_TYPE (ZbComparePage, zb_compare_page, ZB_TYPE_PANE)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

enum {
  FIGURE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void queue_compare (ZbComparePage *self);
static void queue_compare_after (ZbComparePage *self,
                                 guint          ms);

/* The chooser -------------------------------------------------------------- */

static ZbCompareBy
chosen_by (ZbComparePage *self)
{
  return gtk_drop_down_get_selected (self->by_dropdown) == 1 ? ZB_COMPARE_BY_PERIOD : ZB_COMPARE_BY_REGION;
}

static gboolean
is_chosen (ZbComparePage *self,
           gint64         id)
{
  for (guint i = 0; i < self->chosen->len; i++)
    if (g_array_index (self->chosen, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static gint64
row_report_id (GtkWidget *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "zb-report-id");
  return id ? *id : 0;
}

/* The checks say what is chosen. */
static void
sync_checks (ZbComparePage *self)
{
  self->updating = TRUE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->report_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "zb-check");

      if (check != NULL)
        gtk_check_button_set_active (check, is_chosen (self, row_report_id (row)));
    }
  self->updating = FALSE;
}

/* The region or period whose reports are the ones chosen, if any is. */
static guint
key_of_chosen (ZbComparePage *self)
{
  for (guint i = 0; self->listed != NULL && self->key_values != NULL && i < self->key_values->len; i++)
    {
      g_autoptr(GArray) ids = zb_comparison_select (self->listed, chosen_by (self),
                                                    g_ptr_array_index (self->key_values, i));
      gboolean same = ids->len == self->chosen->len;

      for (guint k = 0; same && k < ids->len; k++)
        same = is_chosen (self, g_array_index (ids, gint64, k));
      if (same)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

void
zb_compare_page_set_report_chosen (ZbComparePage *self,
                                   gint64         report_id,
                                   gboolean       chosen)
{
  g_return_if_fail (ZB_IS_COMPARE_PAGE (self));

  if (chosen == is_chosen (self, report_id))
    return;
  if (chosen)
    g_array_append_val (self->chosen, report_id);
  else
    for (guint i = 0; i < self->chosen->len; i++)
      if (g_array_index (self->chosen, gint64, i) == report_id)
        g_array_remove_index (self->chosen, i--);
  /* by hand now: the region or period says what is chosen only if it is
   * all it has */
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->key_dropdown, key_of_chosen (self));
  self->updating = FALSE;
  sync_checks (self);
  queue_compare (self);
}

static void
on_check_toggled (GtkCheckButton *check,
                  ZbComparePage  *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (check), ADW_TYPE_ACTION_ROW);

  if (!self->updating && row != NULL)
    zb_compare_page_set_report_chosen (self, row_report_id (row), gtk_check_button_get_active (check));
}

static GtkWidget *
report_row_new (ZbComparePage       *self,
                const ZbStoreReport *info)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *base = g_path_get_basename (info->path);
  g_autofree char *region = zb_store_report_dup_region (info);
  g_autofree char *period = zb_store_report_dup_key (info, ZB_COMPARE_BY_PERIOD);
  g_autofree char *subtitle = NULL;
  gint64 *id = g_new (gint64, 1);

  *id = info->id;
  /* Translators: a report in the Compare page's list: its region · its period */
  subtitle = g_strdup_printf (_("%s · %s"), region ? region : _("no region"), period ? period : _("no period"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->title && *info->title ? info->title : base);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_widget_set_tooltip_text (row, info->path);
  g_object_set_data_full (G_OBJECT (row), "zb-report-id", id, g_free);
  g_object_set_data (G_OBJECT (row), "zb-check", check);
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled), self);
  return row;
}

/* The key dropdown offers the regions, or the periods, of the reports. */
static void
fill_keys (ZbComparePage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  ZbCompareBy by = chosen_by (self);

  g_clear_pointer (&self->key_values, g_ptr_array_unref);
  self->key_values = self->listed ? zb_comparison_list_keys (self->listed, by) : g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->key_values->len; i++)
    {
      const char *key = g_ptr_array_index (self->key_values, i);
      g_autoptr(GArray) ids = zb_comparison_select (self->listed, by, key);
      /* Translators: a region or period in the Compare chooser, and how many reports it has */
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u report)", "%s (%u reports)",
                                                             ids->len), key, ids->len);

      gtk_string_list_append (labels, label);
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->key_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->key_dropdown, GTK_INVALID_LIST_POSITION);
  self->updating = FALSE;
}

void
zb_compare_page_choose (ZbComparePage *self,
                        ZbCompareBy    by,
                        const char    *key)
{
  g_return_if_fail (ZB_IS_COMPARE_PAGE (self));
  g_return_if_fail (key != NULL);

  if (chosen_by (self) != by)
    gtk_drop_down_set_selected (self->by_dropdown, by == ZB_COMPARE_BY_PERIOD ? 1 : 0);
  g_clear_pointer (&self->chosen, g_array_unref);
  self->chosen = self->listed ? zb_comparison_select (self->listed, by, key) : g_array_new (FALSE, FALSE, sizeof (gint64));
  self->updating = TRUE;
  for (guint i = 0; self->key_values != NULL && i < self->key_values->len; i++)
    if (g_str_equal (g_ptr_array_index (self->key_values, i), key))
      gtk_drop_down_set_selected (self->key_dropdown, i);
  self->updating = FALSE;
  sync_checks (self);
  queue_compare_after (self, 0);
}

static void
on_by_changed (ZbComparePage *self)
{
  fill_keys (self);
}

static void
on_key_changed (ZbComparePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->key_dropdown);

  if (self->updating || self->key_values == NULL || selected >= self->key_values->len)
    return;
  zb_compare_page_choose (self, chosen_by (self), g_ptr_array_index (self->key_values, selected));
}

static void
set_busy (ZbComparePage *self)
{
  gboolean busy = self->listing != NULL || self->comparing != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static gpointer
list_job (ZbStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  return zb_store_list_reports (store, error);
}

static void
listed (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(ZbComparePage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *reports = zb_workspace_run_finish (ZB_WORKSPACE (source), result, &error);
  GtkWidget *child;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->listing);
  set_busy (self);
  if (reports == NULL)
    {
      /* Translators: %s is the reason */
      g_autofree char *message = g_strdup_printf (_("The workspace cannot be read: %s"), error->message);

      adw_status_page_set_description (self->status_page, message);
      return;
    }
  g_clear_pointer (&self->listed, g_ptr_array_unref);
  self->listed = reports;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->report_list))) != NULL)
    gtk_list_box_remove (self->report_list, child);
  for (guint i = 0; i < reports->len; i++)
    gtk_list_box_append (self->report_list, report_row_new (self, g_ptr_array_index (reports, i)));
  /* a report that went away is not compared */
  for (guint i = 0; i < self->chosen->len; i++)
    {
      gboolean found = FALSE;

      for (guint k = 0; k < reports->len && !found; k++)
        found = ((ZbStoreReport *) g_ptr_array_index (reports, k))->id == g_array_index (self->chosen, gint64, i);
      if (!found)
        g_array_remove_index (self->chosen, i--);
    }
  fill_keys (self);
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->key_dropdown, key_of_chosen (self));
  self->updating = FALSE;
  sync_checks (self);
  if (self->stale || (self->comparison == NULL && self->chosen->len > 0))
    queue_compare (self);
}

void
zb_compare_page_refresh (ZbComparePage *self)
{
  g_return_if_fail (ZB_IS_COMPARE_PAGE (self));

  g_cancellable_cancel (self->listing);
  g_clear_object (&self->listing);
  if (self->workspace == NULL)
    return;
  self->listing = g_cancellable_new ();
  set_busy (self);
  zb_workspace_run_async (self->workspace, list_job, NULL, NULL, (GDestroyNotify) g_ptr_array_unref,
                          self->listing, listed, g_object_ref (self));
}

/* Comparing on the worker --------------------------------------------------- */

typedef struct {
  ZbComparison *comparison;
  double        ms;
} Compared;

static void
compared_free (Compared *c)
{
  g_clear_object (&c->comparison);
  g_free (c);
}

static gpointer
compare_job (ZbStore       *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  GArray *ids = data;
  gint64 start = g_get_monotonic_time ();
  Compared *out;
  ZbComparison *comparison = zb_comparison_new_from_store (store, (const gint64 *) ids->data, ids->len,
                                                           cancellable, error);

  if (comparison == NULL)
    return NULL;
  out = g_new0 (Compared, 1);
  out->comparison = comparison;
  out->ms = (g_get_monotonic_time () - start) / 1000.0;
  return out;
}

static void
compared (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(ZbComparePage) self = user_data;
  g_autoptr(GError) error = NULL;
  Compared *out = zb_workspace_run_finish (ZB_WORKSPACE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->comparing);
  set_busy (self);
  if (out == NULL)
    {
      /* Translators: %s is the reason */
      g_autofree char *message = g_strdup_printf (_("The reports could not be compared: %s"), error->message);

      zb_compare_page_show_comparison (self, NULL);
      adw_status_page_set_description (self->status_page, message);
      return;
    }
  self->build_ms = out->ms;
  zb_compare_page_show_comparison (self, out->comparison);
  compared_free (out);
}

static gboolean
compare_now (gpointer data)
{
  ZbComparePage *self = data;

  self->compare_idle = 0;
  g_cancellable_cancel (self->comparing);
  g_clear_object (&self->comparing);
  self->stale = FALSE;
  if (self->workspace == NULL || self->chosen->len == 0)
    {
      zb_compare_page_show_comparison (self, NULL);
      return G_SOURCE_REMOVE;
    }
  self->comparing = g_cancellable_new ();
  set_busy (self);
  /* the job gets its own copy of the ids */
  zb_workspace_run_async (self->workspace, compare_job, g_array_copy (self->chosen), (GDestroyNotify) g_array_unref,
                          (GDestroyNotify) compared_free, self->comparing, compared, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

/* One comparison for a burst of ticks; a region or period chosen at once. */
static void
queue_compare_after (ZbComparePage *self,
                     guint          ms)
{
  if (self->compare_idle != 0 && ms == 0)
    g_clear_handle_id (&self->compare_idle, g_source_remove);
  if (self->compare_idle == 0)
    self->compare_idle = ms ? g_timeout_add (ms, compare_now, self) : g_idle_add (compare_now, self);
}

static void
queue_compare (ZbComparePage *self)
{
  queue_compare_after (self, 80);
}

/* Showing it ---------------------------------------------------------------- */

static guint
position_of (ZbComparePage   *self,
             ZbComparisonRow *row)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ZbComparisonRow) r = g_list_model_get_item (model, i);

      if (r == row)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
select_row (ZbComparePage   *self,
            ZbComparisonRow *row)
{
  guint position = position_of (self, row);

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, position);
}

static void
emit_figure (ZbComparePage *self,
             guint          column,
             ZbFigure      *figure)
{
  const ZbComparisonColumn *c = zb_comparison_get_column (self->comparison, column);

  if (c->report_id > 0 && zb_figure_get_id (figure) > 0)
    g_signal_emit (self, signals[FIGURE_ACTIVATED], 0, c->report_id, zb_figure_get_id (figure));
}

static void
on_cell_activated (ZbCompareGrid   *grid,
                   ZbComparisonRow *row,
                   guint            column,
                   ZbComparePage   *self)
{
  const ZbComparisonCell *c = zb_comparison_row_get_cell (row, column);

  if (c != NULL && self->comparison != NULL)
    emit_figure (self, column, c->assessment->figure);
}

static void
on_chart_figure (ZbComparePage *self,
                 ZbFigure      *figure)
{
  ZbComparisonRow *row = gtk_single_selection_get_selected_item (self->selection);

  for (guint i = 0; row != NULL && i < zb_comparison_row_get_n_cells (row); i++)
    {
      const ZbComparisonCell *c = zb_comparison_row_get_cell (row, i);

      if (c != NULL && c->assessment->figure == figure)
        emit_figure (self, i, figure);
    }
}

static void
update_chart (ZbComparePage *self)
{
  ZbComparisonRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(ZbChart) chart = NULL;

  if (row != NULL && self->comparison != NULL && zb_comparison_row_count_growth (row) > 0)
    chart = zb_chart_new_comparison (self->comparison, row, NULL);
  zb_chart_view_set_chart (self->chart_view, chart);
  zb_chart_view_set_placeholder (self->chart_view, row == NULL ? _("Select an indicator to see it across the reports")
                                                               : _("This indicator has no growth rate to chart"));
}

static void
update_summary (ZbComparePage *self)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint n_columns = self->comparison ? zb_comparison_get_n_columns (self->comparison) : 0;
  g_autofree char *rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u indicator", "%u indicators", n_rows),
                                           n_rows);
  g_autofree char *columns = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u report", "%u reports", n_columns),
                                              n_columns);
  g_autofree char *text = NULL;

  if (self->comparison != NULL && zb_comparison_get_ranked (self->comparison))
    /* Translators: the Compare page's summary: N indicators · N reports, ranked */
    text = g_strdup_printf (_("%s · %s · ranks among the reports of one period: by value above, by growth below"),
                            rows, columns);
  else
    /* Translators: the Compare page's summary: N indicators · N reports */
    text = g_strdup_printf (_("%s · %s"), rows, columns);
  gtk_label_set_label (self->summary_label, self->comparison ? text : "");
}

/* The row shown before a new comparison replaced it, found again in it. */
static ZbComparisonRow *
same_row (ZbComparison    *comparison,
          ZbComparisonRow *old)
{
  return old ? zb_comparison_find_row (comparison, zb_comparison_row_get_indicator (old),
                                       zb_comparison_row_get_area (old)) : NULL;
}

void
zb_compare_page_show_comparison (ZbComparePage *self,
                                 ZbComparison  *comparison)
{
  g_autoptr(ZbComparisonRow) selected = NULL;
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  double scrolled = gtk_adjustment_get_value (v);
  ZbComparisonRow *again;

  g_return_if_fail (ZB_IS_COMPARE_PAGE (self));

  if (gtk_single_selection_get_selected_item (self->selection) != NULL)
    selected = g_object_ref (gtk_single_selection_get_selected_item (self->selection));
  /* no rows while the columns change */
  gtk_filter_list_model_set_model (self->filtered, NULL);
  g_set_object (&self->comparison, comparison);
  zb_compare_grid_set_comparison (self->grid, comparison);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (comparison));
  gtk_stack_set_visible_child_name (self->stack, comparison && zb_comparison_get_n_columns (comparison) ? "table"
                                                                                                      : "empty");
  /* compared again (a correction stored): the same row, at the same place */
  if (comparison != NULL && (again = same_row (comparison, selected)) != NULL)
    {
      select_row (self, again);
      gtk_adjustment_set_value (v, scrolled);
    }
  update_summary (self);
  update_chart (self);
  _zb_compare_page_update_actions (self);
}

/* Filtering ----------------------------------------------------------------- */

static gboolean
row_matches (gpointer item,
             gpointer data)
{
  ZbComparePage *self = data;
  g_autofree char *label = NULL;

  if (self->filter_text == NULL)
    return TRUE;
  label = g_utf8_casefold (zb_comparison_row_get_label (item), -1);
  return strstr (label, self->filter_text) != NULL;
}

void
zb_compare_page_set_filter_text (ZbComparePage *self,
                                 const char    *text)
{
  g_return_if_fail (ZB_IS_COMPARE_PAGE (self));

  g_clear_pointer (&self->filter_text, g_free);
  if (text != NULL && *text)
    self->filter_text = g_utf8_casefold (text, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_summary (self);
}

static void
on_filter_changed (ZbComparePage  *self,
                   GtkSearchEntry *entry)
{
  zb_compare_page_set_filter_text (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

GStrv
zb_compare_page_dup_shown_indicators (ZbComparePage *self)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  GListModel *model = G_LIST_MODEL (self->filtered);

  g_return_val_if_fail (ZB_IS_COMPARE_PAGE (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ZbComparisonRow) row = g_list_model_get_item (model, i);

      if (*zb_comparison_row_get_area (row) == '\0' && zb_comparison_row_count_growth (row) > 0)
        g_strv_builder_add (names, zb_comparison_row_get_indicator (row));
    }
  return g_strv_builder_end (names);
}

/* The view ----------------------------------------------------------------- */

static void
setup_view (ZbComparePage *self)
{
  self->filter = gtk_custom_filter_new (row_matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          g_object_ref (zb_compare_grid_get_sorter (self->grid)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  zb_compare_grid_set_selection (self->grid, self->selection);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (update_chart), self);
}

/* The page ------------------------------------------------------------------- */

static void
mark_stale (ZbComparePage *self)
{
  self->stale = TRUE;
}

static void
zb_compare_page_document_changed (ZbPane     *pane,
                                  ZbDocument *document)
{
  /* a report opened is in the workspace now */
  mark_stale (ZB_COMPARE_PAGE (pane));
}

ZbWorkspace *
zb_compare_page_get_workspace (ZbComparePage *self)
{
  g_return_val_if_fail (ZB_IS_COMPARE_PAGE (self), NULL);
  return self->workspace;
}

void
zb_compare_page_set_workspace (ZbComparePage *self,
                               ZbWorkspace   *workspace)
{
  g_return_if_fail (ZB_IS_COMPARE_PAGE (self));
  g_return_if_fail (workspace == NULL || ZB_IS_WORKSPACE (workspace));

  if (!g_set_object (&self->workspace, workspace))
    return;
  /* another workspace's ids mean other reports */
  g_array_set_size (self->chosen, 0);
  g_clear_pointer (&self->listed, g_ptr_array_unref);
  zb_compare_page_show_comparison (self, NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    zb_compare_page_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

static void
zb_compare_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (zb_compare_page_parent_class)->map (widget);
  /* what was imported or corrected meanwhile */
  zb_compare_page_refresh (ZB_COMPARE_PAGE (widget));
}

static void
zb_compare_page_dispose (GObject *object)
{
  ZbComparePage *self = ZB_COMPARE_PAGE (object);

  g_cancellable_cancel (self->listing);
  g_cancellable_cancel (self->comparing);
  g_clear_object (&self->listing);
  g_clear_object (&self->comparing);
  g_clear_handle_id (&self->compare_idle, g_source_remove);
  if (self->grid != NULL)
    zb_compare_grid_set_selection (self->grid, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->comparison);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZB_TYPE_COMPARE_PAGE);

  G_OBJECT_CLASS (zb_compare_page_parent_class)->dispose (object);
}

static void
zb_compare_page_finalize (GObject *object)
{
  ZbComparePage *self = ZB_COMPARE_PAGE (object);

  g_clear_pointer (&self->listed, g_ptr_array_unref);
  g_clear_pointer (&self->key_values, g_ptr_array_unref);
  g_clear_pointer (&self->chosen, g_array_unref);
  g_free (self->filter_text);

  G_OBJECT_CLASS (zb_compare_page_parent_class)->finalize (object);
}

static void
zb_compare_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_WORKSPACE: g_value_set_object (value, ZB_COMPARE_PAGE (object)->workspace); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_compare_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_WORKSPACE: zb_compare_page_set_workspace (ZB_COMPARE_PAGE (object), g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_compare_page_class_init (ZbComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ZbPaneClass *pane_class = ZB_PANE_CLASS (klass);

  object_class->dispose = zb_compare_page_dispose;
  object_class->finalize = zb_compare_page_finalize;
  object_class->get_property = zb_compare_page_get_property;
  object_class->set_property = zb_compare_page_set_property;
  widget_class->map = zb_compare_page_map;
  pane_class->document_changed = zb_compare_page_document_changed;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, ZB_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* (gint64 report_id, gint64 figure_id): open that report at that figure */
  signals[FIGURE_ACTIVATED] =
    g_signal_new ("figure-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  g_type_ensure (ZB_TYPE_CHART_VIEW);
  g_type_ensure (ZB_TYPE_COMPARE_GRID);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zhibiao/Zhibiao/ui/zb-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbComparePage, by_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZbComparePage, key_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZbComparePage, report_list);
  gtk_widget_class_bind_template_child (widget_class, ZbComparePage, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, ZbComparePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ZbComparePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, ZbComparePage, stack);
  gtk_widget_class_bind_template_child (widget_class, ZbComparePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, ZbComparePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, ZbComparePage, grid);
  gtk_widget_class_bind_template_child (widget_class, ZbComparePage, chart_view);
  gtk_widget_class_bind_template_callback (widget_class, on_by_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_key_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_figure);
  gtk_widget_class_bind_template_callback (widget_class, on_cell_activated);

  _zb_compare_page_class_init_actions (widget_class);
}

static void
zb_compare_page_init (ZbComparePage *self)
{
  GSignalGroup *signals_ = zb_pane_get_document_signals (ZB_PANE (self));

  self->chosen = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  /* the chooser's search looks in the regions' and periods' names */
  {
    g_autoptr(GtkExpression) name = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

    gtk_drop_down_set_expression (self->key_dropdown, name);
  }
  setup_view (self);
  fill_keys (self);
  update_chart (self);
  /* a correction, target or alias stored: the comparison is out of date */
  g_signal_group_connect_object (signals_, "figure-saved", G_CALLBACK (mark_stale), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (signals_, "assessed", G_CALLBACK (mark_stale), self, G_CONNECT_SWAPPED);
  _zb_compare_page_update_actions (self);
}

/* For the actions, the tests and the benchmark ------------------------------- */

ZbComparison *
zb_compare_page_get_comparison (ZbComparePage *self)
{
  g_return_val_if_fail (ZB_IS_COMPARE_PAGE (self), NULL);
  return self->comparison;
}

GArray *
zb_compare_page_get_chosen (ZbComparePage *self)
{
  g_return_val_if_fail (ZB_IS_COMPARE_PAGE (self), NULL);
  return self->chosen;
}

gboolean
zb_compare_page_get_busy (ZbComparePage *self)
{
  g_return_val_if_fail (ZB_IS_COMPARE_PAGE (self), FALSE);
  return self->listing != NULL || self->comparing != NULL || self->compare_idle != 0;
}

double
zb_compare_page_get_build_ms (ZbComparePage *self)
{
  g_return_val_if_fail (ZB_IS_COMPARE_PAGE (self), 0);
  return self->build_ms;
}

#define GETTER(Type, name) \
  Type *zb_compare_page_get_##name (ZbComparePage *self) \
  { \
    g_return_val_if_fail (ZB_IS_COMPARE_PAGE (self), NULL); \
    return self->name; \
  }

GETTER (ZbCompareGrid, grid)
GETTER (GtkSingleSelection, selection)
GETTER (GtkListBox, report_list)
GETTER (GtkDropDown, key_dropdown)
GETTER (GtkDropDown, by_dropdown)

GtkCheckButton *
zb_compare_page_get_report_check (ZbComparePage *self,
                                  gint64         report_id)
{
  g_return_val_if_fail (ZB_IS_COMPARE_PAGE (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->report_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (row_report_id (row) == report_id)
      return g_object_get_data (G_OBJECT (row), "zb-check");
  return NULL;
}
GETTER (ZbChartView, chart_view)
GETTER (GtkWidget, scroller)
