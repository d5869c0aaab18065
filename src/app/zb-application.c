/* zb-application.c — the Zhibiao application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-application.h"
#include "zb-window.h"

struct _ZbApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (ZbApplication, zb_application, ADW_TYPE_APPLICATION)

static ZbWindow *
find_idle_window (ZbApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* reuse a window only when it shows nothing yet */
  if (ZB_IS_WINDOW (window) &&
      zb_window_get_document (ZB_WINDOW (window)) == NULL &&
      !zb_window_get_loading (ZB_WINDOW (window)))
    return ZB_WINDOW (window);
  return NULL;
}

static void
zb_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      /* the last report again; the bundled sample on a first start */
      window = GTK_WINDOW (zb_window_new (GTK_APPLICATION (app)));
      zb_window_restore_session (ZB_WINDOW (window));
    }
  gtk_window_present (window);
}

static void
zb_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  ZbApplication *self = ZB_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      ZbWindow *window = find_idle_window (self);

      if (window == NULL)
        window = zb_window_new (GTK_APPLICATION (app));
      zb_window_open (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  ZbWindow *window = zb_window_new (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { _("The Zhibiao contributors"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Zhibiao"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Economic report figures: outline, editable indicator tables and the source side by side"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* close each window so that its size is saved */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "new-window", new_window_action },
  { "about", about_action },
  { "quit", quit_action },
};

static void
zb_application_startup (GApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.new-window", { "<Control>n", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.edit-cell", { "F2", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.delete-figure", { "<Control>Delete", NULL } },
    { "win.show-outline", { "F9", NULL } },
    { "win.new-workspace", { "<Control><Shift>n", NULL } },
    { "win.add-figure", { "<Control>Insert", NULL } },
  };

  G_APPLICATION_CLASS (zb_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static void
zb_application_class_init (ZbApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = zb_application_activate;
  app_class->open = zb_application_open;
  app_class->startup = zb_application_startup;
}

static void
zb_application_init (ZbApplication *self)
{
}

ZbApplication *
zb_application_new (void)
{
  return g_object_new (ZB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/zhibiao/Zhibiao",
                       NULL);
}
