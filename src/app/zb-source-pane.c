/* zb-source-pane.c — the pane of a document's text: the selected figure's quote highlighted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-source-pane.h"
#include "zb-message.h"

struct _ZbSourcePane
{
  ZbPane        parent_instance;

  GtkTextView  *text_view;
  GtkLabel     *where_label;

  GtkTextTag   *quote_tag;
  GtkTextMark  *quote_mark;
};

G_DEFINE_FINAL_TYPE (ZbSourcePane, zb_source_pane, ZB_TYPE_PANE)

#define DOCUMENT(self) zb_pane_get_document (ZB_PANE (self))

static GtkTextBuffer *
buffer (ZbSourcePane *self)
{
  return gtk_text_view_get_buffer (self->text_view);
}

static void
byte_to_iter (ZbSourcePane *self,
              gsize         offset,
              GtkTextIter  *iter)
{
  const char *text = zb_report_get_text (zb_document_get_report (DOCUMENT (self)));
  gsize len = strlen (text);

  offset = MIN (offset, len);
  gtk_text_buffer_get_iter_at_offset (buffer (self), iter, g_utf8_pointer_to_offset (text, text + offset));
}

static void
highlight (ZbSourcePane *self)
{
  ZbFigure *figure = DOCUMENT (self) ? zb_document_get_figure (DOCUMENT (self)) : NULL;
  g_autofree char *path = NULL;
  g_autofree char *where = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer (self), &start, &end);
  gtk_text_buffer_remove_tag (buffer (self), self->quote_tag, &start, &end);
  if (figure == NULL || zb_figure_get_text_length (figure) == 0)
    {
      gtk_label_set_label (self->where_label, "");
      return;
    }

  byte_to_iter (self, zb_figure_get_text_offset (figure), &start);
  byte_to_iter (self, zb_figure_get_text_offset (figure) + zb_figure_get_text_length (figure), &end);
  gtk_text_buffer_apply_tag (buffer (self), self->quote_tag, &start, &end);
  gtk_text_buffer_move_mark (buffer (self), self->quote_mark, &start);
  gtk_text_view_scroll_to_mark (self->text_view, self->quote_mark, 0.05, TRUE, 0.0, 0.3);

  path = zb_report_dup_section_path (zb_document_get_report (DOCUMENT (self)), zb_figure_get_section (figure));
  /* Translators: where a figure comes from: line number and section path */
  where = g_strdup_printf (_("Line %u · %s"), zb_figure_get_line (figure), path ? path : "");
  gtk_label_set_label (self->where_label, where);
}

/* The section's heading at the top. */
static void
scroll_to_section (ZbSourcePane *self)
{
  int id = zb_document_get_section (DOCUMENT (self));
  g_autoptr(ZbSection) section = NULL;
  GtkTextIter iter;

  if (id == ZB_DOCUMENT_WHOLE_REPORT ||
      (section = zb_report_get_section (zb_document_get_report (DOCUMENT (self)), id)) == NULL)
    return;
  byte_to_iter (self, zb_section_get_text_offset (section), &iter);
  gtk_text_buffer_move_mark (buffer (self), self->quote_mark, &iter);
  gtk_text_view_scroll_to_mark (self->text_view, self->quote_mark, 0.0, TRUE, 0.0, 0.0);
}

void
zb_source_pane_add_figure (ZbSourcePane *self)
{
  GtkTextIter start, end;
  const char *text, *from, *to;
  ZbFigure *figure;

  g_return_if_fail (ZB_IS_SOURCE_PANE (self));

  if (DOCUMENT (self) == NULL)
    return;
  if (!gtk_text_buffer_get_selection_bounds (buffer (self), &start, &end))
    {
      zb_message_toast (GTK_WIDGET (self), _("Select the text of the figure in the source first"), 5, NULL, NULL, NULL);
      return;
    }
  text = zb_report_get_text (zb_document_get_report (DOCUMENT (self)));
  from = g_utf8_offset_to_pointer (text, gtk_text_iter_get_offset (&start));
  to = g_utf8_offset_to_pointer (text, gtk_text_iter_get_offset (&end));
  figure = zb_document_add_figure (DOCUMENT (self), from - text, to - from);
  zb_document_set_figure (DOCUMENT (self), figure);
}

static void
add_figure_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  zb_source_pane_add_figure (ZB_SOURCE_PANE (widget));
}

static void
document_changed (ZbPane     *pane,
                  ZbDocument *document)
{
  ZbSourcePane *self = ZB_SOURCE_PANE (pane);
  GtkTextIter start;

  gtk_text_buffer_set_text (buffer (self), document ? zb_report_get_text (zb_document_get_report (document)) : "", -1);
  gtk_text_buffer_get_start_iter (buffer (self), &start);
  gtk_text_buffer_place_cursor (buffer (self), &start);
  highlight (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.add-figure", document != NULL);
}

GtkTextView *
zb_source_pane_get_text_view (ZbSourcePane *self)
{
  g_return_val_if_fail (ZB_IS_SOURCE_PANE (self), NULL);
  return self->text_view;
}

static void
zb_source_pane_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ZB_TYPE_SOURCE_PANE);

  G_OBJECT_CLASS (zb_source_pane_parent_class)->dispose (object);
}

static void
zb_source_pane_class_init (ZbSourcePaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zb_source_pane_dispose;
  ZB_PANE_CLASS (klass)->document_changed = document_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zhibiao/Zhibiao/ui/zb-source-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbSourcePane, text_view);
  gtk_widget_class_bind_template_child (widget_class, ZbSourcePane, where_label);
  gtk_widget_class_install_action (widget_class, "source.add-figure", NULL, add_figure_action);
}

static void
zb_source_pane_init (ZbSourcePane *self)
{
  GSignalGroup *signals = zb_pane_get_document_signals (ZB_PANE (self));
  GtkTextIter start;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->quote_tag = gtk_text_buffer_create_tag (buffer (self), "quote",
                                                "background", "rgba(246,211,45,0.55)",
                                                "weight", PANGO_WEIGHT_BOLD,
                                                NULL);
  gtk_text_buffer_get_start_iter (buffer (self), &start);
  self->quote_mark = gtk_text_buffer_create_mark (buffer (self), "quote", &start, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.add-figure", FALSE);

  g_signal_group_connect_object (signals, "notify::figure",
                                 G_CALLBACK (highlight), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (signals, "notify::section",
                                 G_CALLBACK (scroll_to_section), self, G_CONNECT_SWAPPED);
}
