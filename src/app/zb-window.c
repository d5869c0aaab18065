/* zb-window.c — the clerk's desk: the frame around a document's panes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window holds the header bar, the search bar, the toasts and the
 * stack of pages; the panes (zb-*-pane.c, zb-figure-table.c,
 * zb-outline-panel.c, zb-targets-view.c) are bound to its "document" in
 * ui/zb-window.ui and never reach into each other. It opens documents,
 * switches workspaces, keeps the recent files and the window's size, and
 * takes dropped files. Its actions are in zb-window-actions.c, its Export
 * in zb-window-export.c, what goes from session to session in
 * zb-window-session.c.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-message.h"
#include "zb-window-private.h"

/* Only files that take longer than this show a progress indication. */
#define PROGRESS_DELAY_MS 150

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
  GMenu              *recent_submenu;
  GtkWidget          *recent_box;
  GtkListBox         *recent_list;
  AdwFlap            *flap;
  GtkStack           *table_stack;
  AdwStatusPage      *no_figures_page;
  GtkWidget          *clear_filter_button;
  ZbOutlinePanel     *outline_panel;
  ZbFigureTable      *figure_table;
  ZbChartsPane       *charts_pane;
  ZbSourcePane       *source_pane;
  ZbHistoryPane      *history_pane;
  ZbTargetsView      *targets_view;
  ZbReportsPage      *reports_page;
  ZbComparePage      *compare_page;

  ZbWorkspace        *workspace;
  ZbDocument         *document;
  GSignalGroup       *document_signals;
  GCancellable       *loading;          /* the document being opened */
  guint               progress_source;
  GCancellable       *export_cancellable;
  GSettings          *settings;
  gboolean            close_confirmed;  /* closing without the unsaved corrections */
};

G_DEFINE_FINAL_TYPE (ZbWindow, zb_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_WORKSPACE,
  PROP_LOADING,
  PROP_SHOWING_REPORTS,
  PROP_SHOWING_REPORT,
  PROP_SHOWING_OUTLINE,
  PROP_FIGURE_KIND,
  PROP_SHOWING_COMPARE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_zb_window_toast (ZbWindow   *self,
                  const char *message)
{
  zb_message_toast (GTK_WIDGET (self->toast_overlay), message, 5, NULL, NULL, NULL);
}

/* The document ------------------------------------------------------------ */

static void
on_notice (ZbDocument *document,
           const char *message,
           ZbWindow   *self)
{
  _zb_window_toast (self, message);
}

/* What opening the report found: a workspace that could not take it, or
 * corrections an earlier version of the file had that this one lost. */
static void
tell_opened (ZbWindow   *self,
             ZbDocument *document)
{
  guint n = zb_document_get_n_uncarried (document);

  if (zb_document_get_store_error (document) != NULL)
    {
      /* Translators: %s is the reason, e.g. the database is locked */
      g_autofree char *message = g_strdup_printf (_("Changes are kept in this window but not saved to the workspace: %s"),
                                                  zb_document_get_store_error (document));
      _zb_window_toast (self, message);
    }
  else if (n > 0)
    {
      /* Translators: the report file changed since it was corrected */
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "The report changed: %u corrected figure could not be found again",
                                                               "The report changed: %u corrected figures could not be found again",
                                                               n), n);
      _zb_window_toast (self, message);
    }
}

static void update_table_page (ZbWindow *self);

static void
set_document (ZbWindow   *self,
              ZbDocument *document)
{
  const char *path;
  g_autofree char *base = NULL;

  if (!g_set_object (&self->document, document))
    return;
  g_signal_group_set_target (self->document_signals, document);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);

  path = zb_report_get_path (zb_document_get_report (document));
  base = path ? g_path_get_basename (path) : NULL;
  adw_window_title_set_title (self->window_title, zb_document_get_title (document));
  adw_window_title_set_subtitle (self->window_title, base ? base : "");
  gtk_window_set_title (GTK_WINDOW (self), zb_document_get_title (document));
  gtk_stack_set_visible_child_name (self->stack, "report");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_REPORTS]);
  _zb_window_update_actions (self);
  update_table_page (self);
  tell_opened (self, document);
}

/* Loading ----------------------------------------------------------------- */

static gboolean
show_progress (gpointer data)
{
  ZbWindow *self = data;

  self->progress_source = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  if (self->document == NULL)
    {
      adw_status_page_set_title (self->status_page, _("Reading the Report…"));
      adw_status_page_set_description (self->status_page, NULL);
    }
  return G_SOURCE_REMOVE;
}

static GCancellable *
start_loading (ZbWindow *self)
{
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();
  g_clear_handle_id (&self->progress_source, g_source_remove);
  self->progress_source = g_timeout_add (PROGRESS_DELAY_MS, show_progress, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  return self->loading;
}

static void
stop_loading (ZbWindow *self)
{
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

typedef struct {
  ZbWindow *window;
  GFile    *file;    /* NULL: a report of the workspace */
  gint64    figure;  /* > 0: the figure to show once it is open */
} Opening;

static void
opening_free (Opening *op)
{
  g_object_unref (op->window);
  g_clear_object (&op->file);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Opening, opening_free)

static Opening *
opening_new (ZbWindow *self,
             GFile    *file)
{
  Opening *op = g_new0 (Opening, 1);

  op->window = g_object_ref (self);
  op->file = file ? g_object_ref (file) : NULL;
  return op;
}

/* The document's figure of workspace id @figure, selected: the table
 * shows it. */
static void
show_figure (ZbWindow *self,
             gint64    figure)
{
  GListModel *figures = zb_document_get_figures (self->document);

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);

      if (zb_figure_get_id (f) == figure)
        {
          zb_document_set_figure (self->document, f);
          return;
        }
    }
}

static void
opened (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(Opening) op = user_data;
  ZbWindow *self = op->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbDocument) document = zb_document_new_finish (result, &error);
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  stop_loading (self);
  if (document != NULL)
    {
      set_document (self, document);
      if (op->figure > 0)
        show_figure (self, op->figure);
      _zb_window_remember (self, document, op->file);
      return;
    }

  if (op->file != NULL)
    {
      _zb_window_open_failed (self, op->file, error);
      return;
    }
  /* Translators: %s is the reason */
  message = g_strdup_printf (_("Could not open the report from the workspace: %s"), error->message);
  _zb_window_toast (self, message);
  _zb_window_show_failure (self, message);
}

void
_zb_window_show_failure (ZbWindow   *self,
                         const char *message)
{
  if (self->document == NULL)
    {
      adw_status_page_set_title (self->status_page, _("No Report Open"));
      adw_status_page_set_description (self->status_page, message);
    }
}

void
zb_window_open (ZbWindow *self,
                GFile    *file)
{
  g_return_if_fail (ZB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  zb_document_new_for_file_async (self->workspace, file, start_loading (self), opened, opening_new (self, file));
}

void
zb_window_open_stored (ZbWindow *self,
                       gint64    report_id)
{
  g_return_if_fail (ZB_IS_WINDOW (self));

  zb_document_new_for_stored_async (self->workspace, report_id, start_loading (self),
                                    opened, opening_new (self, NULL));
}

static void
on_report_activated (ZbWindow *self,
                     gint64    report_id)
{
  zb_window_open_stored (self, report_id);
}

void
zb_window_open_stored_at (ZbWindow *self,
                          gint64    report_id,
                          gint64    figure_id)
{
  Opening *op;

  g_return_if_fail (ZB_IS_WINDOW (self));

  if (self->document != NULL && zb_document_get_report_id (self->document) == report_id)
    {
      gtk_stack_set_visible_child_name (self->stack, "report");
      show_figure (self, figure_id);
      return;
    }
  op = opening_new (self, NULL);
  op->figure = figure_id;
  zb_document_new_for_stored_async (self->workspace, report_id, start_loading (self), opened, op);
}

static void
on_compare_figure_activated (ZbWindow *self,
                             gint64    report_id,
                             gint64    figure_id)
{
  zb_window_open_stored_at (self, report_id, figure_id);
}

gboolean
zb_window_get_loading (ZbWindow *self)
{
  g_return_val_if_fail (ZB_IS_WINDOW (self), FALSE);
  return self->loading != NULL;
}

ZbDocument *
zb_window_get_document (ZbWindow *self)
{
  g_return_val_if_fail (ZB_IS_WINDOW (self), NULL);
  return self->document;
}

/* The workspace ----------------------------------------------------------- */

ZbWorkspace *
zb_window_get_workspace (ZbWindow *self)
{
  g_return_val_if_fail (ZB_IS_WINDOW (self), NULL);
  return self->workspace;
}

void
zb_window_set_workspace (ZbWindow    *self,
                         ZbWorkspace *workspace)
{
  GFile *file;

  g_return_if_fail (ZB_IS_WINDOW (self));
  g_return_if_fail (ZB_IS_WORKSPACE (workspace));

  if (!g_set_object (&self->workspace, workspace))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
  if (self->document == NULL)
    return;
  /* the report shown goes into the new workspace; its corrections are
   * already in the old one — unless the old one could not take them, and
   * then the window keeps them as they are rather than read the file again */
  if (zb_document_has_unsaved (self->document))
    {
      _zb_window_toast (self, _("This report keeps its unsaved corrections; open it again to add it to the new workspace"));
      return;
    }
  if ((file = zb_document_get_file (self->document)) != NULL && g_file_is_native (file) &&
      g_file_query_exists (file, NULL))
    zb_window_open (self, file);
}

void
_zb_window_use_workspace (ZbWindow    *self,
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

/* Search, drops and closing ---------------------------------------------- */

static void
on_search_changed (ZbWindow       *self,
                   GtkSearchEntry *entry)
{
  zb_figure_table_set_filter_text (self->figure_table, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* The table dropped its filter to show a figure: so does the entry. */
static void
on_filter_text (ZbFigureTable *table,
                GParamSpec    *pspec,
                ZbWindow      *self)
{
  if (zb_figure_table_get_filter_text (table) == NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* An empty table says why, and how to see figures again. */
static void
update_table_page (ZbWindow *self)
{
  GListModel *rows = G_LIST_MODEL (zb_figure_table_get_selection (self->figure_table));
  const char *filter = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean filtered = zb_figure_table_get_filter_text (self->figure_table) != NULL;

  if (self->document == NULL || g_list_model_get_n_items (rows) > 0)
    {
      gtk_stack_set_visible_child_name (self->table_stack, "figures");
      return;
    }
  if (filtered)
    {
      /* Translators: %s is what was typed in the filter */
      g_autofree char *description = g_strdup_printf (_("No figure of this section has “%s” in its name"), filter);

      adw_status_page_set_title (self->no_figures_page, _("No Matching Figures"));
      adw_status_page_set_description (self->no_figures_page, description);
    }
  else
    {
      adw_status_page_set_title (self->no_figures_page, _("No Figures Here"));
      adw_status_page_set_description (self->no_figures_page,
                                       _("Choose another section in the outline, or select a figure's words in the source and add it"));
    }
  gtk_widget_set_visible (self->clear_filter_button, filtered);
  gtk_stack_set_visible_child_name (self->table_stack, "no-figures");
}

static void
on_clear_filter (ZbWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  zb_figure_table_set_filter_text (self->figure_table, NULL);
}

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

      g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), &file, 1, "");
    }
  return TRUE;
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
    gtk_widget_activate_action (GTK_WIDGET (self), "win.export", NULL);
}

static gboolean
zb_window_close_request (GtkWindow *window)
{
  ZbWindow *self = ZB_WINDOW (window);

  /* corrections no workspace holds would go with the window: ask first */
  if (!self->close_confirmed && self->document != NULL && zb_document_has_unsaved (self->document))
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
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  g_cancellable_cancel (self->loading);
  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set (self->settings, "window-size", "(ii)", width, height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }
  return GTK_WINDOW_CLASS (zb_window_parent_class)->close_request (window);
}

/* GObject ----------------------------------------------------------------- */

static gboolean
showing_page (ZbWindow   *self,
              const char *page)
{
  return self->stack != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), page) == 0;
}

/* A page of the stack shown, or (hidden) the report or the empty page:
 * the toggles follow through on_page_changed() */
static void
show_page (ZbWindow   *self,
           const char *page,
           gboolean    shown)
{
  gtk_stack_set_visible_child_name (self->stack, shown ? page : self->document ? "report" : "empty");
}

static void
zb_window_dispose (GObject *object)
{
  ZbWindow *self = ZB_WINDOW (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_cancellable_cancel (self->export_cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->document);
  g_object_notify_by_pspec (object, properties[PROP_DOCUMENT]);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZB_TYPE_WINDOW);

  G_OBJECT_CLASS (zb_window_parent_class)->dispose (object);
}

static void
zb_window_finalize (GObject *object)
{
  ZbWindow *self = ZB_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->workspace);
  g_clear_object (&self->export_cancellable);

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
    case PROP_DOCUMENT: g_value_set_object (value, self->document); break;
    case PROP_WORKSPACE: g_value_set_object (value, self->workspace); break;
    case PROP_LOADING: g_value_set_boolean (value, zb_window_get_loading (self)); break;
    case PROP_SHOWING_REPORTS: g_value_set_boolean (value, showing_page (self, "reports")); break;
    case PROP_SHOWING_COMPARE: g_value_set_boolean (value, showing_page (self, "compare")); break;
    case PROP_SHOWING_REPORT: g_value_set_boolean (value, showing_page (self, "report")); break;
    case PROP_SHOWING_OUTLINE:
      g_value_set_boolean (value, self->flap != NULL && adw_flap_get_reveal_flap (self->flap));
      break;
    case PROP_FIGURE_KIND:
      if (self->figure_table != NULL)
        g_object_get_property (G_OBJECT (self->figure_table), "figure-kind", value);
      else
        g_value_set_string (value, "actual");
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ZbWindow *self = ZB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      zb_window_set_workspace (self, g_value_get_object (value));
      break;
    case PROP_SHOWING_REPORTS:
      show_page (self, "reports", g_value_get_boolean (value));
      break;
    case PROP_FIGURE_KIND:
      zb_figure_table_set_selected_kind (self->figure_table, g_value_get_string (value));
      break;
    case PROP_SHOWING_COMPARE:
      show_page (self, "compare", g_value_get_boolean (value));
      break;
    case PROP_SHOWING_OUTLINE:
      adw_flap_set_reveal_flap (self->flap, g_value_get_boolean (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The toggles of the Reports and Compare pages follow the stack. */
static void
on_page_changed (ZbWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_REPORTS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_REPORT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_COMPARE]);
}

static void
on_outline_revealed (ZbWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_OUTLINE]);
}

static void
on_recent_activated (ZbWindow      *self,
                     GtkListBoxRow *row)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_object_get_data (G_OBJECT (row), "zb-uri"));

  zb_window_open (self, file);
}

static void
on_figure_kind (ZbWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIGURE_KIND]);
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
  object_class->set_property = zb_window_set_property;
  window_class->close_request = zb_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, ZB_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, ZB_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* win.show-reports's state: the Reports page is shown */
  properties[PROP_SHOWING_REPORTS] =
    g_param_spec_boolean ("showing-reports", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOWING_REPORT] =
    g_param_spec_boolean ("showing-report", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* win.show-outline's state: the outline shown beside (or over) the desk */
  properties[PROP_SHOWING_OUTLINE] =
    g_param_spec_boolean ("showing-outline", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* win.figure-kind's state: the selected figure's kind */
  properties[PROP_FIGURE_KIND] =
    g_param_spec_string ("figure-kind", NULL, NULL, "actual",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* win.show-compare's state: the Compare page is shown */
  properties[PROP_SHOWING_COMPARE] =
    g_param_spec_boolean ("showing-compare", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zhibiao/Zhibiao/ui/zb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, recent_submenu);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, table_stack);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, no_figures_page);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, clear_filter_button);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, outline_panel);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, figure_table);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, charts_pane);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, source_pane);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, history_pane);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, targets_view);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, reports_page);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, compare_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_report_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_compare_figure_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filter);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_outline_revealed);

  _zb_window_class_init_actions (widget_class);

  g_type_ensure (ZB_TYPE_OUTLINE_PANEL);
  g_type_ensure (ZB_TYPE_FIGURE_TABLE);
  g_type_ensure (ZB_TYPE_CHARTS_PANE);
  g_type_ensure (ZB_TYPE_SOURCE_PANE);
  g_type_ensure (ZB_TYPE_HISTORY_PANE);
  g_type_ensure (ZB_TYPE_TARGETS_VIEW);
  g_type_ensure (ZB_TYPE_REPORTS_PAGE);
  g_type_ensure (ZB_TYPE_COMPARE_PAGE);
  g_type_ensure (ZB_TYPE_REPORT_BAR);
}

/* Loaded by the window rather than as the application's style.css, so the
 * cells (and the icons) look the same wherever a window is made (tests
 * included). */
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
  /* the application adds its icons itself; a window made without one too */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display), "/io/github/zhibiao/Zhibiao/icons");
}

/* The window's size is remembered when the schema is installed (always,
 * but for a bare build tree run without build-aux/run). */
static void
restore_size (ZbWindow *self)
{
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  int width, height;

  if (schemas == NULL || (schema = g_settings_schema_source_lookup (schemas, APP_ID, TRUE)) == NULL)
    return;
  self->settings = g_settings_new (APP_ID);
  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
zb_window_init (ZbWindow *self)
{
  GtkDropTarget *drop;

  self->workspace = g_object_ref (zb_workspace_get_default ());
  self->export_cancellable = g_cancellable_new ();
  self->document_signals = g_signal_group_new (ZB_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "notice", G_CALLBACK (on_notice), self, 0);
  g_signal_group_connect_object (self->document_signals, "notify::can-undo",
                                 G_CALLBACK (_zb_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::can-redo",
                                 G_CALLBACK (_zb_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::figure",
                                 G_CALLBACK (_zb_window_update_actions), self, G_CONNECT_SWAPPED);

  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_css (GTK_WIDGET (self));
  restore_size (self);

  g_signal_connect (self->figure_table, "notify::filter-text", G_CALLBACK (on_filter_text), self);
  g_signal_connect_object (zb_figure_table_get_selection (self->figure_table), "items-changed",
                           G_CALLBACK (update_table_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->figure_table, "notify::filter-text", G_CALLBACK (update_table_page), self);
  g_signal_connect_swapped (self->figure_table, "notify::figure-kind", G_CALLBACK (on_figure_kind), self);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  /* a file dropped anywhere opens: asked before any cell or text view,
   * which would take its path as text */
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drop), GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (drop), "zb-file-drop");
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (_zb_window_rebuild_recent), self, G_CONNECT_SWAPPED);
  _zb_window_rebuild_recent (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.no-recent", FALSE);
  _zb_window_update_actions (self);
}

ZbWindow *
zb_window_new (GtkApplication *application)
{
  return g_object_new (ZB_TYPE_WINDOW, "application", application, NULL);
}

/* For the actions and the tests ------------------------------------------ */

#define PANE_GETTER(Type, name) \
  Type *zb_window_get_##name (ZbWindow *self) \
  { \
    g_return_val_if_fail (ZB_IS_WINDOW (self), NULL); \
    return self->name; \
  }

PANE_GETTER (ZbOutlinePanel, outline_panel)
PANE_GETTER (ZbFigureTable, figure_table)
PANE_GETTER (ZbChartsPane, charts_pane)
PANE_GETTER (ZbSourcePane, source_pane)
PANE_GETTER (ZbHistoryPane, history_pane)
PANE_GETTER (ZbTargetsView, targets_view)
PANE_GETTER (ZbReportsPage, reports_page)
PANE_GETTER (ZbComparePage, compare_page)
PANE_GETTER (GtkSearchBar, search_bar)
PANE_GETTER (GtkSearchEntry, search_entry)

#define PRIVATE_GETTER(Type, name, field) \
  Type *_zb_window_get_##name (ZbWindow *self) { return self->field; }

PRIVATE_GETTER (GSettings, settings, settings)
PRIVATE_GETTER (GMenu, recent_menu, recent_submenu)
PRIVATE_GETTER (GtkListBox, recent_list, recent_list)
PRIVATE_GETTER (GtkWidget, recent_box, recent_box)
PRIVATE_GETTER (AdwToastOverlay, toast_overlay, toast_overlay)
PRIVATE_GETTER (GCancellable, export_cancellable, export_cancellable)

PANE_GETTER (AdwFlap, flap)
PANE_GETTER (AdwStatusPage, status_page)
PANE_GETTER (AdwStatusPage, no_figures_page)
PANE_GETTER (GtkStack, table_stack)
