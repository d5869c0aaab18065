/* zb-figure-index.c — which fresh figure a stored one is, when a report is imported again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-figure-index.h"

#include <string.h>

struct _ZbFigureIndex
{
  GHashTable *queues;   /* key → GQueue of ZbFigure (not owned), in document order */
};

static char *
figure_key (ZbFigure *figure)
{
  g_autofree char *name = zb_figure_dup_original (figure, ZB_FIELD_NAME);

  return g_strconcat (name ? name : "", "\x1f", zb_figure_get_quote (figure) ? zb_figure_get_quote (figure) : "", NULL);
}

ZbFigureIndex *
zb_figure_index_new (GPtrArray *figures)
{
  ZbFigureIndex *self = g_new0 (ZbFigureIndex, 1);

  self->queues = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_queue_free);
  for (guint i = 0; i < figures->len; i++)
    {
      ZbFigure *f = g_ptr_array_index (figures, i);
      char *key = figure_key (f);
      GQueue *q = g_hash_table_lookup (self->queues, key);

      if (q == NULL)
        {
          q = g_queue_new ();
          g_hash_table_insert (self->queues, key, q);
        }
      else
        g_free (key);
      g_queue_push_tail (q, f);
    }
  return self;
}

void
zb_figure_index_free (ZbFigureIndex *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->queues);
  g_free (self);
}

ZbFigure *
zb_figure_index_take (ZbFigureIndex *self,
                      ZbFigure      *figure)
{
  g_autofree char *key = figure_key (figure);
  GQueue *q = g_hash_table_lookup (self->queues, key);

  return q ? g_queue_pop_head (q) : NULL;
}

gboolean
zb_figure_index_is_precious (ZbFigure *figure)
{
  return zb_figure_get_corrections (figure)->len > 0 ||
         g_strcmp0 (zb_figure_get_rule (figure), "manual") == 0;
}

ZbFigure *
zb_figure_index_remake (ZbReport *report,
                        ZbFigure *old)
{
  ZbSource *src = zb_report_get_source (report);
  const char *quote = zb_figure_get_quote (old);
  const char *at;
  ZbFigure *copy;
  GListModel *figures = zb_report_get_figures (report);
  gsize offset;
  guint pos = 0, n;

  if (g_strcmp0 (zb_figure_get_rule (old), "manual") != 0 || quote == NULL || *quote == '\0' || src == NULL)
    return NULL;
  at = strstr (src->text, quote);
  if (at == NULL)
    return NULL;
  offset = at - src->text;
  copy = zb_figure_copy (old);
  zb_figure_set_id (copy, 0);
  zb_figure_set_source (copy, zb_report_section_at (report, offset), zb_source_line_at (src, offset),
                        zb_source_orig_offset (src, offset), offset, strlen (quote), quote);
  n = g_list_model_get_n_items (figures);
  while (pos < n)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, pos);
      if (zb_figure_get_text_offset (f) > offset)
        break;
      pos++;
    }
  zb_report_insert_figure (report, pos, copy);
  return copy;
}
