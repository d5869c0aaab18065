/* zb-message.c — telling the clerk: a toast or a dialog, from any widget of a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "zb-message.h"

void
zb_message_toast (GtkWidget  *widget,
                  const char *message,
                  guint       timeout,
                  const char *button,
                  const char *action,
                  GVariant   *target)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  g_return_if_fail (message != NULL);

  if (overlay == NULL)
    {
      g_message ("%s", message);
      if (target != NULL)
        g_variant_unref (g_variant_ref_sink (target));
      return;
    }
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, timeout);
  if (button != NULL)
    adw_toast_set_button_label (toast, button);
  if (action != NULL)
    adw_toast_set_action_name (toast, action);
  if (target != NULL)
    adw_toast_set_action_target_value (toast, target);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
zb_message_dialog (GtkWidget  *widget,
                   const char *heading,
                   const char *body)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
zb_message_saved (GtkWidget *widget,
                  GFile     *file)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *uri = g_file_get_uri (file);
  /* Translators: %s is the file name of a workbook or chart */
  g_autofree char *message = g_strdup_printf (_("Exported to “%s”"), base);

  zb_message_toast (widget, message, 8, _("_Open"), "win.open-uri", g_variant_new_string (uri));
}

void
zb_message_write_failed (GtkWidget    *widget,
                         GFile        *file,
                         const GError *error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  /* Translators: %s are the file and the reason */
  g_autofree char *body = g_strdup_printf (_("%s could not be written: %s\n\nNothing was lost; choose another place."),
                                           name, error->message);

  zb_message_dialog (widget, _("Could Not Export"), body);
}

/* Pango breaks Chinese between any two characters, so a wrapped label
 * may be given the width of a few of them; this one is at least as wide
 * as a line of text (or the whole text, when shorter) and breaks lines
 * anywhere only when a word is too long for one. Widths are in columns,
 * as a terminal counts them: a Chinese character takes two. */
#define TOOLTIP_MIN_COLUMNS 40
#define TOOLTIP_MAX_COLUMNS 72

static int
columns (const char *text,
         const char *end)
{
  int n = 0;

  for (const char *p = text; p < end && *p; p = g_utf8_next_char (p))
    n += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return n;
}

GtkWidget *
zb_message_tooltip_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  int longest = 0;

  for (const char *line = text; line != NULL && *line; )
    {
      const char *end = strchr (line, '\n');

      longest = MAX (longest, columns (line, end ? end : line + strlen (line)));
      line = end ? end + 1 : NULL;
    }
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (longest, TOOLTIP_MIN_COLUMNS));
  gtk_label_set_max_width_chars (GTK_LABEL (label), TOOLTIP_MAX_COLUMNS);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    data)
{
  const char *text = gtk_widget_get_tooltip_text (widget);

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_custom (tooltip, zb_message_tooltip_label_new (text));
  return TRUE;
}

void
zb_message_set_tooltip (GtkWidget  *widget,
                        const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_set_tooltip_text (widget, text);
  if (g_object_get_data (G_OBJECT (widget), "zb-tooltip") == NULL)
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
      g_object_set_data (G_OBJECT (widget), "zb-tooltip", GINT_TO_POINTER (TRUE));
    }
}
