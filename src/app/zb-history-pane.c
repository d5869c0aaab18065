/* zb-history-pane.c — the pane of the selected figure's corrections: who changed what, when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "zb-figure-cell.h"
#include "zb-history-pane.h"

struct _ZbHistoryPane
{
  ZbPane        parent_instance;

  GtkLabel     *label;
  GtkListBox   *list;

  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (ZbHistoryPane, zb_history_pane, ZB_TYPE_PANE)

/* Undo, Redo and Add Figure write their notes untranslated: said here in
 * the UI's language; a clerk's note as it was typed. */
static const char *
note_text (const char *note)
{
  static const char *known[] = { N_("undo"), N_("redo"), N_("added by hand") };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (note, known[i]))
      return _(known[i]);
  return note;
}

static GtkWidget *
correction_row (const ZbCorrection *correction)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (correction->time / G_USEC_PER_SEC);
  g_autofree char *when = time ? g_date_time_format (time, "%Y-%m-%d %H:%M:%S") : g_strdup ("");
  g_autofree char *what = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  g_autofree char *old = zb_figure_cell_display_text (correction->field, correction->old_value);
  g_autofree char *new = zb_figure_cell_display_text (correction->field, correction->new_value);
  GString *details = g_string_new (when);

  /* Translators: a correction in the history: field, old value → new value */
  what = g_strdup_printf (_("%s: %s → %s"), zb_figure_cell_field_title (correction->field),
                          *old ? old : _("(empty)"), *new ? new : _("(empty)"));
  if (correction->author != NULL)
    g_string_append_printf (details, " · %s", correction->author);
  if (correction->note != NULL && *correction->note != '\0')
    g_string_append_printf (details, " · %s", note_text (correction->note));
  subtitle = g_string_free (details, FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), what);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
show (ZbHistoryPane *self,
      const char    *label,
      GPtrArray     *corrections)
{
  GtkWidget *child;

  gtk_label_set_label (self->label, label);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; corrections != NULL && i < corrections->len; i++)
    gtk_list_box_append (self->list, correction_row (g_ptr_array_index (corrections, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->list), corrections != NULL && corrections->len > 0);
}

static void
history_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ZbHistoryPane) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean stored = FALSE;
  g_autoptr(GPtrArray) corrections = zb_document_history_finish (ZB_DOCUMENT (source), result, &stored, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (corrections == NULL)
    show (self, error->message, NULL);
  else if (corrections->len == 0)
    show (self, _("This figure has not been corrected"), corrections);
  else
    show (self, stored ? _("Corrections of this figure, oldest first")
                       : _("Corrections of this figure, not saved in the workspace"), corrections);
}

static void
refresh (ZbHistoryPane *self)
{
  ZbDocument *document = zb_pane_get_document (ZB_PANE (self));
  ZbFigure *figure = document ? zb_document_get_figure (document) : NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (figure == NULL)
    {
      show (self, _("Select a figure to see who changed what and when"), NULL);
      return;
    }
  self->cancellable = g_cancellable_new ();
  zb_document_history_async (document, figure, self->cancellable, history_done, g_object_ref (self));
}

static void
on_figure_saved (ZbDocument    *document,
                 ZbFigure      *figure,
                 ZbHistoryPane *self)
{
  if (figure == zb_document_get_figure (document))
    refresh (self);
}

static void
on_figure_changed (ZbDocument    *document,
                   ZbFigure      *figure,
                   int            field,
                   ZbHistoryPane *self)
{
  on_figure_saved (document, figure, self);
}

static void
document_changed (ZbPane     *pane,
                  ZbDocument *document)
{
  refresh (ZB_HISTORY_PANE (pane));
}

GtkListBox *
zb_history_pane_get_list (ZbHistoryPane *self)
{
  g_return_val_if_fail (ZB_IS_HISTORY_PANE (self), NULL);
  return self->list;
}

static void
zb_history_pane_dispose (GObject *object)
{
  ZbHistoryPane *self = ZB_HISTORY_PANE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZB_TYPE_HISTORY_PANE);

  G_OBJECT_CLASS (zb_history_pane_parent_class)->dispose (object);
}

static void
zb_history_pane_class_init (ZbHistoryPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zb_history_pane_dispose;
  ZB_PANE_CLASS (klass)->document_changed = document_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zhibiao/Zhibiao/ui/zb-history-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbHistoryPane, label);
  gtk_widget_class_bind_template_child (widget_class, ZbHistoryPane, list);
}

static void
zb_history_pane_init (ZbHistoryPane *self)
{
  GSignalGroup *signals = zb_pane_get_document_signals (ZB_PANE (self));

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_group_connect_object (signals, "notify::figure",
                                 G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (signals, "figure-changed",
                                 G_CALLBACK (on_figure_changed), self, 0);
  g_signal_group_connect_object (signals, "figure-saved",
                                 G_CALLBACK (on_figure_saved), self, 0);
  refresh (self);
}
