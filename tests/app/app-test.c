/* app-test.c — driving the main window under Xvfb: waiting for it, finding its parts, taking pictures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "app-test.h"

#include <dlfcn.h>
#include <gdk/x11/gdkx.h>
#include <X11/Xlib.h>
#include <X11/keysym.h>
#include <X11/Xutil.h>
#include <cairo.h>
#include <glib/gi18n.h>
#include <locale.h>

gboolean
stop_waiting (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the window is idle for a few frames. */
static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  return --*(int *) data > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

void
wait_frames (GtkWidget *widget,
             int        frames)
{
  gboolean gave_up = FALSE;
  guint guard = g_timeout_add_seconds (20, stop_waiting, &gave_up);

  gtk_widget_add_tick_callback (widget, count_frame, &frames, NULL);
  gtk_widget_queue_draw (widget);
  while (frames > 0 && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (!gave_up)
    g_source_remove (guard);
  g_assert_false (gave_up);
}

/* The document shown, its ledger rebuilt. */
void
wait_loaded (ZbWindow *window)
{
  gboolean gave_up = FALSE;
  guint guard = g_timeout_add_seconds (30, stop_waiting, &gave_up);

  while (zb_window_get_loading (window) && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  if (!gave_up)
    g_source_remove (guard);
  g_assert_false (gave_up);
  wait_frames (GTK_WIDGET (window), 3);
  wait_assessed (window);
}

/* GtkEditableLabel stops editing from a 100 ms timeout after focus-out; let
 * it run before the widget goes (GTK 4.8 does not cancel it on destroy). */
void
close_window (ZbWindow *window)
{
  gboolean done = FALSE;

  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  g_timeout_add (300, stop_waiting, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The targets ledger is rebuilt on a worker thread: wait for it. */
void
wait_assessed (ZbWindow *window)
{
  gboolean gave_up = FALSE;
  guint guard = g_timeout_add_seconds (20, stop_waiting, &gave_up);
  ZbDocument *document = zb_window_get_document (window);

  while (document != NULL && zb_document_get_assessing (document) && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  if (!gave_up)
    g_source_remove (guard);
  g_assert_false (gave_up);
  wait_frames (GTK_WIDGET (window), 2);
}

ZbWindow *
new_window (void)
{
  ZbWindow *window = zb_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 760);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

guint
n_table_rows (ZbWindow *window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (zb_window_get_figure_selection (window)));
}

guint
table_position (ZbWindow *window,
                ZbFigure *figure)
{
  GListModel *model = G_LIST_MODEL (zb_window_get_figure_selection (window));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (model, i);
      if (f == figure)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (SCREENSHOT_DIR, name, NULL);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  /* a widget that has not been drawn since its last change (the machine
   * busy) gives no node yet: wait a frame and take it again */
  for (guint attempt = 0; node == NULL && attempt < 20; attempt++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      if (attempt > 0)
        wait_frames (widget, 1);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      remove_tree (child);
      g_object_unref (info);
    }
  g_file_delete (file, NULL, NULL);
}

gboolean
chinese_ui (void)
{
  const char *language = g_getenv ("LANGUAGE");
  return language != NULL && g_str_has_prefix (language, "zh");
}

void
select_in_table (ZbWindow *window,
                 ZbFigure *figure)
{
  guint position = table_position (window, figure);

  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_selected (zb_window_get_figure_selection (window), position);
  wait_frames (GTK_WIDGET (window), 3);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;

  if (!zb_window_export_finish (ZB_WINDOW (source), result, error) && *error == NULL)
    g_assert_not_reached ();
  /* mark that the task finished */
  g_object_set_data (source, "test-done", GINT_TO_POINTER (1));
}

gboolean
export_to (ZbWindow   *window,
           const char *path,
           GError    **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean gave_up = FALSE;
  guint guard = g_timeout_add_seconds (30, stop_waiting, &gave_up);

  g_object_set_data (G_OBJECT (window), "test-done", NULL);
  zb_window_export_async (window, file, NULL, export_done_cb, error);
  while (g_object_get_data (G_OBJECT (window), "test-done") == NULL && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  if (!gave_up)
    g_source_remove (guard);
  g_assert_false (gave_up);
  return *error == NULL;
}

GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

ZbFigure *
find_actual (ZbReport   *report,
             const char *name)
{
  GListModel *figures = zb_report_get_figures (report);

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);

      if (g_strcmp0 (zb_figure_get_name (f), name) == 0 && zb_figure_get_kind (f) == ZB_FIGURE_ACTUAL)
        return f;
    }
  return NULL;
}

GtkWidget *
find_by_type (GtkWidget *root,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Real key presses: the X server's XTest extension types them into the
 * window under the pointer (with no window manager, the focus follows
 * the pointer), so that they go through GTK as the clerk's do. libXtst
 * is opened at run time: it has no headers in Debian's runtime package. */
typedef int (*FakeKeyEvent) (Display *display, unsigned int keycode, Bool is_press, unsigned long delay);

static FakeKeyEvent
fake_key_event (void)
{
  static FakeKeyEvent fake;
  static gboolean tried;

  if (!tried)
    {
      void *lib = dlopen ("libXtst.so.6", RTLD_NOW | RTLD_LOCAL);

      tried = TRUE;
      fake = lib ? (FakeKeyEvent) dlsym (lib, "XTestFakeKeyEvent") : NULL;
    }
  return fake;
}

gboolean
can_press_keys (void)
{
  return GDK_IS_X11_DISPLAY (gdk_display_get_default ()) && fake_key_event () != NULL;
}

void
press_keys (GtkWidget  *window,
            const char *accelerator)
{
  static const struct { GdkModifierType mask; KeySym key; } modifiers[] = {
    { GDK_CONTROL_MASK, XK_Control_L }, { GDK_SHIFT_MASK, XK_Shift_L }, { GDK_ALT_MASK, XK_Alt_L },
  };
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (window));
  FakeKeyEvent fake = fake_key_event ();
  GdkModifierType mods = 0;
  guint keyval = 0;

  g_assert_nonnull (fake);
  g_assert_true (gtk_accelerator_parse (accelerator, &keyval, &mods));
  /* the toplevels of the tests sit at the screen's corner */
  XWarpPointer (display, None, DefaultRootWindow (display), 0, 0, 0, 0, 3, 3);
  for (guint i = 0; i < G_N_ELEMENTS (modifiers); i++)
    if (mods & modifiers[i].mask)
      fake (display, XKeysymToKeycode (display, modifiers[i].key), True, 0);
  fake (display, XKeysymToKeycode (display, keyval), True, 0);
  fake (display, XKeysymToKeycode (display, keyval), False, 0);
  for (guint i = G_N_ELEMENTS (modifiers); i > 0; i--)
    if (mods & modifiers[i - 1].mask)
      fake (display, XKeysymToKeycode (display, modifiers[i - 1].key), False, 0);
  XFlush (display);
  wait_frames (window, 3);
}

void
hover (GtkWidget *widget)
{
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (widget));
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_point_t at;

  g_assert_true (gtk_widget_compute_point (widget, root,
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                                 gtk_widget_get_height (widget) / 2.0), &at));
  /* a motion into the widget, then a little within it, as a hand moves */
  XWarpPointer (display, None, DefaultRootWindow (display), 0, 0, 0, 0, (int) at.x - 2, (int) at.y - 2);
  XFlush (display);
  wait_frames (root, 2);
  XWarpPointer (display, None, DefaultRootWindow (display), 0, 0, 0, 0, (int) at.x, (int) at.y);
  XFlush (display);
  wait_frames (root, 2);
}

/* The screen, popups (tooltips, menus) included: what a clerk sees. */
void
save_screen (GtkWidget  *widget,
             const char *name)
{
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (widget));
  Window root = DefaultRootWindow (display);
  g_autofree char *path = g_build_filename (SCREENSHOT_DIR, name, NULL);
  XWindowAttributes attributes;
  cairo_surface_t *surface;
  XImage *image;
  unsigned char *data;
  int stride;

  g_assert_true (XGetWindowAttributes (display, root, &attributes));
  image = XGetImage (display, root, 0, 0, attributes.width, attributes.height, AllPlanes, ZPixmap);
  g_assert_nonnull (image);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, attributes.width, attributes.height);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < attributes.height; y++)
    for (int x = 0; x < attributes.width; x++)
      *(guint32 *) (data + y * stride + x * 4) = (guint32) XGetPixel (image, x, y);
  cairo_surface_mark_dirty (surface);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  XDestroyImage (image);
  g_test_message ("screenshot: %s", path);
}

/* Whether the widgets that activate @action are sensitive: what the
 * clerk sees of an action being enabled. */
gboolean
action_widget_sensitive (GtkWidget  *root,
                         const char *action)
{
  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return gtk_widget_get_sensitive (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (action_widget_sensitive (child, action))
      return TRUE;
  return FALSE;
}

gboolean
has_label_with (GtkWidget  *widget,
                const char *needle)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_label_with (c, needle))
      return TRUE;
  return FALSE;
}

GtkWindow *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

char *
zb_test_init (int        *argc,
              char     ***argv,
              const char *dir_template)
{
  g_autoptr(GError) error = NULL;
  char *data_home = g_dir_make_tmp (dir_template, &error);

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();
  return data_home;
}

void
zb_test_finish (const char *data_home)
{
  g_autoptr(GFile) dir = g_file_new_for_path (data_home);

  remove_tree (dir);
}
