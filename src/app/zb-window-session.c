/* zb-window-session.c — what a window keeps between sessions: recent reports, the last one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A report that opens goes into the recent files and becomes the one the
 * next start opens again; one that fails to open leaves the recent files.
 * A recent file that is gone is offered from the workspace, which keeps
 * every report it imported with its corrections.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-message.h"
#include "zb-window-private.h"

#define SAMPLE_URI "resource:///io/github/zhibiao/Zhibiao/sample/sample-report.txt"
#define RECENT_APP "zhibiao"
#define MAX_RECENT 8
/* the empty page lists fewer: it must fit a small window */
#define MAX_RECENT_ROWS 5

typedef struct {
  char     *uri;
  char     *name;
  gboolean  exists;
} Recent;

static void
recent_free (Recent *r)
{
  g_free (r->uri);
  g_free (r->name);
  g_free (r);
}

/* Ours, local, newest first; those gone too, since the workspace may keep them. */
static GPtrArray *
list_recent (void)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  GPtrArray *recent = g_ptr_array_new_with_free_func ((GDestroyNotify) recent_free);

  for (GList *l = items; l != NULL && recent->len < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      Recent *r;

      if (!gtk_recent_info_has_application (info, RECENT_APP) || !gtk_recent_info_is_local (info))
        continue;
      r = g_new0 (Recent, 1);
      r->uri = g_strdup (gtk_recent_info_get_uri (info));
      r->name = g_strdup (gtk_recent_info_get_display_name (info));
      r->exists = gtk_recent_info_exists (info);
      g_ptr_array_add (recent, r);
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  return recent;
}

static GtkWidget *
recent_row (const Recent *r)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GFile) file = g_file_new_for_uri (r->uri);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *where = parent ? g_file_get_parse_name (parent) : NULL;
  g_autofree char *title = g_markup_escape_text (r->name, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), r->exists ? (where ? where : "")
                               : _("Moved or deleted: the workspace may keep a copy"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, where);
  g_object_set_data_full (G_OBJECT (row), "zb-uri", g_strdup (r->uri), g_free);
  return row;
}

void
_zb_window_rebuild_recent (ZbWindow *self)
{
  g_autoptr(GPtrArray) recent = list_recent ();
  GMenu *menu = _zb_window_get_recent_menu (self);
  GtkListBox *list = _zb_window_get_recent_list (self);
  GtkWidget *child;

  g_menu_remove_all (menu);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  for (guint i = 0; i < recent->len; i++)
    {
      Recent *r = g_ptr_array_index (recent, i);
      /* Translators: a recent report whose file is gone */
      g_autofree char *label = r->exists ? g_strdup (r->name) : g_strdup_printf (_("%s (moved or deleted)"), r->name);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", r->uri);
      g_menu_append_item (menu, item);
      if (i < MAX_RECENT_ROWS)
        gtk_list_box_append (list, recent_row (r));
    }
  if (recent->len == 0)
    {
      g_autoptr(GMenuItem) none = g_menu_item_new (_("No Recent Reports"), "win.no-recent");
      g_menu_append_item (menu, none);
    }
  gtk_widget_set_visible (_zb_window_get_recent_box (self), recent->len > 0);
}

static void
forget_recent (ZbWindow *self,
               GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  /* not there when the file never opened: nothing to say */
  gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), uri, NULL);
  _zb_window_rebuild_recent (self);
}

void
_zb_window_remember (ZbWindow   *self,
                     ZbDocument *document,
                     GFile      *file)
{
  GSettings *settings = _zb_window_get_settings (self);
  g_autofree char *uri = file ? g_file_get_uri (file) : NULL;

  if (file != NULL && g_file_is_native (file))
    {
      GtkRecentData data = { 0 };
      const char *groups[] = { RECENT_APP, NULL };

      data.mime_type = (char *) "text/plain";
      data.app_name = (char *) RECENT_APP;
      data.app_exec = (char *) "zhibiao %u";
      data.groups = (char **) groups;
      gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
      _zb_window_rebuild_recent (self);
    }
  if (settings == NULL)
    return;
  /* what the next start opens: the file, else the workspace's copy */
  g_settings_set_string (settings, "last-report", uri ? uri : "");
  g_settings_set_int64 (settings, "last-report-id", zb_document_get_report_id (document));
  g_settings_set_string (settings, "last-workspace",
                         zb_workspace_get_path (zb_window_get_workspace (self)));
}

/* The stored copy of a file that is gone ----------------------------------- */

typedef struct {
  ZbWindow *window;
  GFile    *file;
} Gone;

static void
gone_free (Gone *gone)
{
  g_object_unref (gone->window);
  g_object_unref (gone->file);
  g_free (gone);
}

/* On the workspace's worker: the newest report imported from @data's path. */
static gpointer
find_stored_job (ZbStore       *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GPtrArray) reports = zb_store_list_reports (store, error);
  gint64 *found;

  if (reports == NULL)
    return NULL;
  found = g_new0 (gint64, 1);
  for (guint i = 0; i < reports->len; i++)
    {
      ZbStoreReport *info = g_ptr_array_index (reports, i);

      if (g_strcmp0 (info->path, data) == 0 && info->id > *found)
        *found = info->id;
    }
  return found;
}

static void
on_gone_response (AdwMessageDialog *dialog,
                  const char       *response,
                  ZbWindow         *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "zb-report-id"));

  if (g_str_equal (response, "stored"))
    zb_window_open_stored (self, id);
}

static void
offer_stored (ZbWindow *self,
              GFile    *file,
              gint64    id)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: %s is a file name */
  g_autofree char *heading = g_strdup_printf (_("“%s” Is Gone"), name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                              _("The file was moved or deleted. The workspace keeps the report "
                                                "as it was read, with its corrections."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "stored", _("_Open the Workspace Copy"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "stored", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "stored");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "zb-report-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_gone_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
stored_found (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Gone *gone = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *id = zb_workspace_run_finish (ZB_WORKSPACE (source), result, &error);
  g_autofree char *name = g_file_get_basename (gone->file);

  if (id != NULL && *id > 0)
    offer_stored (gone->window, gone->file, *id);
  else
    {
      /* Translators: %s is a file name */
      g_autofree char *message = g_strdup_printf (_("“%s” was moved or deleted, and the workspace has no copy of it"), name);

      _zb_window_toast (gone->window, message);
      forget_recent (gone->window, gone->file);
    }
  gone_free (gone);
}

void
_zb_window_open_failed (ZbWindow     *self,
                        GFile        *file,
                        const GError *error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  Gone *gone;

  if (path != NULL && !g_file_query_exists (file, NULL))
    {
      gone = g_new0 (Gone, 1);
      gone->window = g_object_ref (self);
      gone->file = g_object_ref (file);
      zb_workspace_run_async (zb_window_get_workspace (self), find_stored_job, g_steal_pointer (&path), g_free,
                              g_free, NULL, stored_found, gone);
      return;
    }
  name = g_file_get_basename (file);
  /* Translators: %s are the file name and the reason */
  message = g_strdup_printf (_("Could not open “%s”: %s"), name, error->message);
  _zb_window_toast (self, message);
  _zb_window_show_failure (self, message);
  /* a file that does not open is no recent report */
  forget_recent (self, file);
}

/* The next start ------------------------------------------------------------ */

void
zb_window_restore_session (ZbWindow *self)
{
  GSettings *settings;
  g_autofree char *uri = NULL;
  g_autofree char *workspace = NULL;
  gint64 id;

  g_return_if_fail (ZB_IS_WINDOW (self));

  /* a bare build tree has no schema: the sample, as on a first start */
  if ((settings = _zb_window_get_settings (self)) == NULL)
    {
      zb_window_open_sample (self);
      return;
    }
  uri = g_settings_get_string (settings, "last-report");
  id = g_settings_get_int64 (settings, "last-report-id");
  workspace = g_settings_get_string (settings, "last-workspace");
  /* an id is only the workspace's it was given by */
  if (g_strcmp0 (workspace, zb_workspace_get_path (zb_window_get_workspace (self))) != 0)
    id = 0;
  if (*uri != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uri);

      if (id > 0 && !g_file_query_exists (file, NULL))
        {
          g_autofree char *name = g_file_get_basename (file);
          /* Translators: %s is a file name */
          g_autofree char *message = g_strdup_printf (_("“%s” was moved or deleted: this is the workspace's copy"), name);

          zb_window_open_stored (self, id);
          _zb_window_toast (self, message);
        }
      else
        zb_window_open (self, file);
    }
  else if (id > 0)
    zb_window_open_stored (self, id);
  else if (!g_settings_get_boolean (settings, "sample-shown"))
    {
      /* the first start: the bundled sample shows the whole workflow */
      g_settings_set_boolean (settings, "sample-shown", TRUE);
      zb_window_open_sample (self);
    }
}

void
zb_window_open_sample (ZbWindow *self)
{
  g_autoptr(GFile) file = g_file_new_for_uri (SAMPLE_URI);

  zb_window_open (self, file);
}
