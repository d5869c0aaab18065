/* zb-outline-row.c — one section of the outline: its title, a mark for corrections, its figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-outline-row.h"
#include "zb-message.h"

struct _ZbOutlineRow
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkLabel  *title;
  GtkWidget *corrected;
  GtkLabel  *to_review;
  GtkLabel  *count;
};

G_DEFINE_FINAL_TYPE (ZbOutlineRow, zb_outline_row, GTK_TYPE_WIDGET)

static void
zb_outline_row_dispose (GObject *object)
{
  {
    GtkWidget *child;

    gtk_widget_dispose_template (GTK_WIDGET (object), ZB_TYPE_OUTLINE_ROW);
    /* the template's unnamed children too */
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
      gtk_widget_unparent (child);
  }

  G_OBJECT_CLASS (zb_outline_row_parent_class)->dispose (object);
}

static void
zb_outline_row_class_init (ZbOutlineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zb_outline_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/zhibiao/Zhibiao/ui/zb-outline-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbOutlineRow, box);
  gtk_widget_class_bind_template_child (widget_class, ZbOutlineRow, title);
  gtk_widget_class_bind_template_child (widget_class, ZbOutlineRow, corrected);
  gtk_widget_class_bind_template_child (widget_class, ZbOutlineRow, to_review);
  gtk_widget_class_bind_template_child (widget_class, ZbOutlineRow, count);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
zb_outline_row_init (ZbOutlineRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
zb_outline_row_new (void)
{
  return g_object_new (ZB_TYPE_OUTLINE_ROW, NULL);
}

void
zb_outline_row_update (ZbOutlineRow *self,
                       ZbSection    *section,
                       guint         n_figures,
                       guint         n_corrected,
                       guint         n_to_review)
{
  g_autofree char *label = NULL;
  g_autofree char *count = NULL;
  g_autofree char *left = NULL;
  g_autofree char *tip = NULL;

  g_return_if_fail (ZB_IS_OUTLINE_ROW (self));

  label = section ? zb_section_dup_label (section) : g_strdup ("");
  count = g_strdup_printf ("%u", n_figures);
  gtk_label_set_label (self->title, label);
  zb_message_set_tooltip (GTK_WIDGET (self->title), label);
  gtk_label_set_label (self->count, count);
  gtk_widget_set_visible (self->corrected, n_corrected > 0);

  left = g_strdup_printf ("%u", n_to_review);
  /* Translators: tooltip of the count in a section of the outline */
  tip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u figure to review", "%u figures to review", n_to_review),
                         n_to_review);
  gtk_label_set_label (self->to_review, left);
  zb_message_set_tooltip (GTK_WIDGET (self->to_review), tip);
  gtk_widget_set_visible (GTK_WIDGET (self->to_review), n_to_review > 0);
}
