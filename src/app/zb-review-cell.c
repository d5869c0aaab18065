/* zb-review-cell.c — the figure table's review mark: a flag for a figure to check, a tick once checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A flat button: clicking it marks the figure reviewed or takes the mark
 * back (::toggled, for the table to record). It takes no keyboard focus:
 * the table's review key does the same from the row.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-message.h"
#include "zb-review-cell.h"

struct _ZbReviewCell
{
  GtkWidget  parent_instance;
  GtkWidget *button;
  GtkWidget *image;
  ZbFigure  *figure;
  gulong     notify_id;
};

G_DEFINE_FINAL_TYPE (ZbReviewCell, zb_review_cell, GTK_TYPE_WIDGET)

enum {
  TOGGLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_when (gint64 usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);

  return time ? g_date_time_format (time, "%Y-%m-%d %H:%M") : g_strdup ("");
}

char *
zb_review_cell_describe (ZbFigure *figure)
{
  GString *text;
  const ZbCorrection *mark;

  g_return_val_if_fail (ZB_IS_FIGURE (figure), NULL);

  mark = zb_figure_get_review_correction (figure);
  if (!zb_figure_needs_review (figure) && mark == NULL)
    return NULL;

  text = g_string_new (NULL);
  if (mark != NULL)
    {
      g_autofree char *when = format_when (mark->time);
      /* the author is the workspace's record; not stored yet, it is the clerk here */
      const char *who = mark->author ? mark->author : g_get_user_name ();

      if (mark->field == ZB_FIELD_REVIEWED)
        /* Translators: who marked the figure reviewed, and when */
        g_string_append_printf (text, _("Reviewed by %s, %s"), who, when);
      else
        /* Translators: a correction counts as a review: who made it, and when */
        g_string_append_printf (text, _("Reviewed by %s, %s, who corrected it"), who, when);
    }
  if (zb_figure_needs_review (figure))
    {
      g_autoptr(GPtrArray) reasons = zb_evidence_reasons (zb_figure_get_evidence (figure));
      int percent = (int) (zb_figure_get_confidence (figure) * 100 + 0.5);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (mark == NULL)
        /* Translators: %d is the parser's confidence in percent */
        g_string_append_printf (text, _("Check this figure: the parser is %d%% sure of it."), percent);
      else
        g_string_append_printf (text, _("The parser was %d%% sure of it."), percent);
      for (guint i = 0; i < reasons->len; i++)
        g_string_append_printf (text, "\n• %s", _(g_ptr_array_index (reasons, i)));
    }
  return g_string_free (text, FALSE);
}

static void
update (ZbReviewCell *self)
{
  g_autofree char *tip = NULL;
  gboolean flagged, reviewed;

  gtk_widget_remove_css_class (GTK_WIDGET (self), "to-review");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "reviewed");
  if (self->figure == NULL)
    {
      gtk_widget_set_visible (self->button, FALSE);
      zb_message_set_tooltip (self->button, NULL);
      return;
    }
  flagged = zb_figure_needs_review (self->figure);
  reviewed = zb_figure_get_reviewed (self->figure);
  tip = zb_review_cell_describe (self->figure);
  gtk_widget_set_visible (self->button, flagged || reviewed);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->image),
                                reviewed ? "object-select-symbolic" : "dialog-warning-symbolic");
  gtk_widget_add_css_class (GTK_WIDGET (self), reviewed ? "reviewed" : "to-review");
  zb_message_set_tooltip (self->button, tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  reviewed ? _("Reviewed") : _("To review"), -1);
}

static void
on_clicked (GtkButton    *button,
            ZbReviewCell *self)
{
  if (self->figure != NULL)
    g_signal_emit (self, signals[TOGGLED], 0);
}

ZbFigure *
zb_review_cell_get_figure (ZbReviewCell *self)
{
  g_return_val_if_fail (ZB_IS_REVIEW_CELL (self), NULL);
  return self->figure;
}

void
zb_review_cell_set_figure (ZbReviewCell *self,
                           ZbFigure     *figure)
{
  g_return_if_fail (ZB_IS_REVIEW_CELL (self));

  if (self->figure != figure)
    {
      if (self->figure != NULL)
        g_clear_signal_handler (&self->notify_id, self->figure);
      g_set_object (&self->figure, figure);
      if (figure != NULL)
        self->notify_id = g_signal_connect_swapped (figure, "notify::reviewed", G_CALLBACK (update), self);
    }
  update (self);
}

static void
zb_review_cell_dispose (GObject *object)
{
  ZbReviewCell *self = ZB_REVIEW_CELL (object);

  if (self->figure != NULL)
    g_clear_signal_handler (&self->notify_id, self->figure);
  g_clear_object (&self->figure);
  g_clear_pointer (&self->button, gtk_widget_unparent);

  G_OBJECT_CLASS (zb_review_cell_parent_class)->dispose (object);
}

static void
zb_review_cell_class_init (ZbReviewCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zb_review_cell_dispose;

  /* The clerk clicked the mark: review the figure, or take the review back. */
  signals[TOGGLED] = g_signal_new ("toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "zbreviewcell");
}

static void
zb_review_cell_init (ZbReviewCell *self)
{
  self->image = gtk_image_new ();
  self->button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->button), self->image);
  gtk_widget_add_css_class (self->button, "flat");
  gtk_widget_add_css_class (self->button, "circular");
  gtk_widget_set_halign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  /* the row has the focus, not its mark */
  gtk_widget_set_focusable (self->button, FALSE);
  gtk_widget_set_focus_on_click (self->button, FALSE);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
  g_signal_connect (self->button, "clicked", G_CALLBACK (on_clicked), self);
  update (self);
}

GtkWidget *
zb_review_cell_new (void)
{
  return g_object_new (ZB_TYPE_REVIEW_CELL, NULL);
}
