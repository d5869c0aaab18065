/* zb-document-add.c — a figure the clerk adds from a selection, read by the engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The selection is read as the parser reads the report: its paragraph up
 * to the end of the selection (so that a period or a name written before
 * it counts), under the report's title (its year). The figure the parser
 * finds in the selection gives the new one its fields; they are recorded
 * as the clerk's corrections of an empty figure, noted "added by hand",
 * so that the addition is in History and in the workbook's corrections
 * with who made it and when.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "zb-document-private.h"

/* What a figure made from text takes from the one the parser read. */
static const ZbField taken[] = {
  ZB_FIELD_KIND, ZB_FIELD_NAME, ZB_FIELD_INDICATOR, ZB_FIELD_AREA, ZB_FIELD_VALUE, ZB_FIELD_UNIT,
  ZB_FIELD_CHANGE, ZB_FIELD_CHANGE_UNIT, ZB_FIELD_BASE_VALUE, ZB_FIELD_QUALIFIER, ZB_FIELD_REFERENCE,
  ZB_FIELD_PERIOD, ZB_FIELD_TARGET, ZB_FIELD_GAP, ZB_FIELD_RANK,
};

/* The parsed figure whose quote covers most of [from, to) of the
 * snippet's text; NULL when none touches it. */
static ZbFigure *
best_overlap (ZbReport *snippet,
              gsize     from,
              gsize     to)
{
  GListModel *figures = zb_report_get_figures (snippet);
  ZbFigure *best = NULL;
  gsize best_overlap = 0;

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);
      gsize start = zb_figure_get_text_offset (f);
      gsize end = start + zb_figure_get_text_length (f);
      gsize overlap = MIN (end, to) > MAX (start, from) ? MIN (end, to) - MAX (start, from) : 0;

      if (overlap > best_overlap)
        {
          best_overlap = overlap;
          best = f;
        }
    }
  return best ? g_object_ref (best) : NULL;
}

ZbFigure *
_zb_document_read_span (ZbReport *report,
                        gsize     text_offset,
                        gsize     text_length)
{
  const char *text = zb_report_get_text (report);
  const char *title = zb_report_get_title (report);
  gsize len = strlen (text), start = MIN (text_offset, len), end = MIN (start + text_length, len);
  g_autoptr(GString) snippet = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ZbReport) parsed = NULL;
  gsize head, shift;

  /* back to the start of the paragraph */
  for (head = start; head > 0 && text[head - 1] != '\n'; head--)
    ;
  /* a title line first, so that the paragraph is not taken for one */
  g_string_append_printf (snippet, "%s\n\n", title && *title ? title : "-");
  shift = snippet->len;
  g_string_append_len (snippet, text + head, end - head);
  g_string_append_c (snippet, '\n');
  bytes = g_string_free_to_bytes (g_steal_pointer (&snippet));
  parsed = zb_report_new_from_bytes_with (bytes, NULL, NULL, NULL, NULL);
  /* the parser's text is the report's again (it was normalised already):
   * offsets in one are offsets in the other */
  if (parsed == NULL || strlen (zb_report_get_text (parsed)) < shift + (end - head) ||
      strncmp (zb_report_get_text (parsed) + shift, text + head, end - head) != 0)
    return NULL;
  return best_overlap (parsed, shift + (start - head), shift + (end - head));
}

ZbFigure *
zb_document_add_figure (ZbDocument *self,
                        gsize       text_offset,
                        gsize       text_length)
{
  ZbReport *report;
  ZbFigure *figure;
  g_autoptr(ZbFigure) read = NULL;
  g_autofree char *quote = NULL;

  g_return_val_if_fail (ZB_IS_DOCUMENT (self), NULL);

  report = zb_document_get_report (self);
  read = _zb_document_read_span (report, text_offset, text_length);
  figure = zb_report_add_figure_from_span (report, text_offset, text_length, NULL);
  quote = g_strdup (zb_figure_get_quote (figure));
  /* nothing of it is the parser's: the clerk's corrections of an empty figure */
  zb_figure_set_name (figure, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (taken); i++)
    {
      g_autofree char *value = read ? zb_figure_dup_field (read, taken[i]) : NULL;
      g_autofree char *now = zb_figure_dup_field (figure, taken[i]);

      /* nothing read: the selection names it, as the clerk chose it */
      if (taken[i] == ZB_FIELD_NAME && value == NULL)
        value = g_strdup (quote);
      if (value == NULL || g_strcmp0 (value, now) == 0)
        continue;
      if (!zb_figure_correct (figure, taken[i], value, N_("added by hand"), NULL))
        g_debug ("add figure: %s “%s” not taken", zb_field_to_string (taken[i]), value);
    }
  zb_undo_stack_push_added (zb_document_get_undo_stack (self), figure);
  /* stored at once, with the corrections it carries */
  _zb_document_persist (self, figure);
  return figure;
}
