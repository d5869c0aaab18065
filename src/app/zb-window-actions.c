/* zb-window-actions.c — the window's actions (win.*): opening, exporting, the workspace, editing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Installed on the class (gtk_widget_class_install_action); those about a
 * figure hand over to the pane that owns it, so that the header's menus
 * and the application's shortcuts reach the same code as the pane's own
 * actions (table.*, source.*, charts.*).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-message.h"
#include "zb-save.h"
#include "zb-window-private.h"

static const char *action_names[] = {
  "win.undo", "win.redo", "win.edit-cell", "win.delete-figure", "win.figure-kind",
  "win.add-figure", "win.export", "win.export-chart",
};

void
_zb_window_update_actions (ZbWindow *self)
{
  ZbDocument *document = zb_window_get_document (self);
  ZbUndoStack *undo = document ? zb_document_get_undo_stack (document) : NULL;
  gboolean has_figure = document != NULL && zb_document_get_figure (document) != NULL;
  gboolean enabled[] = {
    undo && zb_undo_stack_get_can_undo (undo), undo && zb_undo_stack_get_can_redo (undo),
    has_figure, has_figure, has_figure,
    document != NULL, document != NULL, document != NULL,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (enabled) == G_N_ELEMENTS (action_names));
  for (guint i = 0; i < G_N_ELEMENTS (action_names); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), action_names[i], enabled[i]);
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

static GtkFileChooserNative *
chooser_new (ZbWindow             *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  return chooser;
}

/* Opening ----------------------------------------------------------------- */

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  ZbWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          if (i == 0)
            zb_window_open (self, file);
          else
            g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), &file, 1, "");
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
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
  ZbWindow *self = ZB_WINDOW (widget);
  GtkFileChooserNative *chooser = chooser_new (self, _("Open Report"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));

  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (chooser), _("All Reports"), all_mimes, all_patterns);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Text"), text_mimes, text_patterns);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Markdown"), md_mimes, md_patterns);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Word Documents"), word_mimes, word_patterns);
  add_filter (GTK_FILE_CHOOSER (chooser), _("PDF Documents"), pdf_mimes, pdf_patterns);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  zb_window_open (ZB_WINDOW (widget), file);
}

static void
open_sample_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  zb_window_open_sample (ZB_WINDOW (widget));
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAppLaunchContext) context =
    G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (widget)));

  if (!g_app_info_launch_default_for_uri (g_variant_get_string (param, NULL), context, &error))
    _zb_window_toast (ZB_WINDOW (widget), error->message);
}

static void
no_recent_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
}

/* Editing ----------------------------------------------------------------- */

/* Ctrl+Z while typing in a cell is about the typing, else about the figures. */
static void
undo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  ZbWindow *self = ZB_WINDOW (widget);
  gboolean redo = g_str_equal (name, "win.redo");
  ZbDocument *document = zb_window_get_document (self);
  g_autoptr(GError) error = NULL;

  if (zb_figure_table_undo_typing (zb_window_get_figure_table (self), redo) || document == NULL)
    return;
  if (!zb_document_undo (document, redo, &error))
    _zb_window_toast (self, error->message);
}

static void
find_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  ZbWindow *self = ZB_WINDOW (widget);

  gtk_search_bar_set_search_mode (zb_window_get_search_bar (self), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (zb_window_get_search_entry (self)));
}

static void
edit_cell_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  zb_figure_table_edit_selected (zb_window_get_figure_table (ZB_WINDOW (widget)));
}

static void
delete_figure_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  zb_figure_table_delete_selected (zb_window_get_figure_table (ZB_WINDOW (widget)));
}

static void
add_figure_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  zb_source_pane_add_figure (zb_window_get_source_pane (ZB_WINDOW (widget)));
}

/* Exporting --------------------------------------------------------------- */

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    ZbWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GFile) file = zb_save_file_with_suffix (chosen, ".xlsx");

      zb_window_export_async (self, file, NULL, NULL, NULL);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  static const char *mimes[] = { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", NULL };
  static const char *patterns[] = { "*.xlsx", NULL };
  ZbWindow *self = ZB_WINDOW (widget);
  ZbDocument *document = zb_window_get_document (self);
  const char *path;
  g_autofree char *base = NULL;
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *chooser;
  char *dot;

  if (document == NULL)
    return;
  chooser = chooser_new (self, _("Export to Excel"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  add_filter (GTK_FILE_CHOOSER (chooser), _("Excel Workbooks"), mimes, patterns);
  path = zb_report_get_path (zb_document_get_report (document));
  base = path ? g_path_get_basename (path) : g_strdup (_("Report"));
  if ((dot = strrchr (base, '.')) != NULL && dot != base)
    *dot = '\0';
  suggested = g_strconcat (base, ".xlsx", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_chart_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  zb_charts_pane_export (zb_window_get_charts_pane (ZB_WINDOW (widget)), g_variant_get_string (param, NULL));
}

/* The workspace ----------------------------------------------------------- */

static void
workspace_opened (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ZbWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  ZbWorkspace *workspace = ZB_WORKSPACE (source);
  g_autofree char *base = NULL;
  g_autofree char *message = NULL;

  if (!zb_workspace_open_finish (workspace, result, &error))
    {
      /* Translators: %s are the file and the reason; the workspace in use stays */
      g_autofree char *body = g_strdup_printf (_("%s: %s\n\nThe current workspace stays in use."),
                                               zb_workspace_get_path (workspace), error->message);

      zb_message_dialog (GTK_WIDGET (self), _("Could Not Open Workspace"), body);
      return;
    }
  _zb_window_use_workspace (self, workspace);
  base = g_path_get_basename (zb_workspace_get_path (workspace));
  /* Translators: %s is the workspace file name */
  message = g_strdup_printf (_("Workspace “%s” in use"), base);
  _zb_window_toast (self, message);
}

static void
on_workspace_response (GtkNativeDialog *dialog,
                       int              response,
                       ZbWindow        *self)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog)) : NULL;
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

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
      zb_workspace_open_async (workspace, NULL, workspace_opened, g_object_ref (self));
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_workspace_action (GtkWidget  *widget,
                         const char *name,
                         GVariant   *param)
{
  static const char *patterns[] = { "*.zhibiao", NULL };
  ZbWindow *self = ZB_WINDOW (widget);
  gboolean create = g_str_equal (name, "win.new-workspace");
  GtkFileChooserNative *chooser;

  chooser = chooser_new (self, create ? _("New Workspace") : _("Open Workspace"),
                         create ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                         create ? _("_Create") : _("_Open"));
  add_filter (GTK_FILE_CHOOSER (chooser), _("Zhibiao Workspaces"), NULL, patterns);
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Workspace.zhibiao"));
  g_signal_connect (chooser, "response", G_CALLBACK (on_workspace_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_zb_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "win.no-recent", NULL, no_recent_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.edit-cell", NULL, edit_cell_action);
  gtk_widget_class_install_action (widget_class, "win.delete-figure", NULL, delete_figure_action);
  gtk_widget_class_install_property_action (widget_class, "win.figure-kind", "figure-kind");
  gtk_widget_class_install_action (widget_class, "win.add-figure", NULL, add_figure_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", "s", export_chart_action);
  gtk_widget_class_install_action (widget_class, "win.open-workspace", NULL, choose_workspace_action);
  gtk_widget_class_install_action (widget_class, "win.new-workspace", NULL, choose_workspace_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-reports", "showing-reports");
  gtk_widget_class_install_property_action (widget_class, "win.show-compare", "showing-compare");
  gtk_widget_class_install_property_action (widget_class, "win.show-outline", "showing-outline");
}
