/* fuzz-extract.c — libFuzzer target: text extraction from any bytes
 *
 * Any input must give a report or a clear error, and a report must hold
 * together: every figure quotes a span inside the text and belongs to a
 * section that exists, and every section lies inside its parent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-report.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_report (ZbReport *report)
{
  GListModel *sections = zb_report_get_sections (report);
  GListModel *figures = zb_report_get_figures (report);
  const char *text = zb_report_get_text (report);
  gsize text_len = strlen (text);
  guint n_sections = g_list_model_get_n_items (sections);
  g_autofree char *json = NULL;
  g_autofree char *tsv = NULL;

  g_assert_true (g_utf8_validate (text, -1, NULL));

  for (guint i = 0; i < n_sections; i++)
    {
      g_autoptr(ZbSection) s = g_list_model_get_item (sections, i);
      g_autofree char *path = zb_report_dup_section_path (report, zb_section_get_id (s));

      int parent = zb_section_get_parent (s);

      if (parent >= 0)
        g_assert_true (zb_report_section_contains (report, parent, zb_section_get_id (s)));
      g_assert_cmpuint (zb_section_get_text_offset (s), <=, text_len);
      g_assert_true (g_utf8_validate (zb_section_get_title (s), -1, NULL));
      g_assert_nonnull (path);
    }

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);
      gsize off = zb_figure_get_text_offset (f);
      gsize len = zb_figure_get_text_length (f);
      int section = zb_figure_get_section (f);

      g_assert_cmpuint (off, <=, text_len);
      g_assert_cmpuint (len, <=, text_len - off);
      g_assert_true (g_utf8_validate (zb_figure_get_name (f), -1, NULL));
      g_assert_true (g_utf8_validate (zb_figure_get_quote (f), -1, NULL));
      if (section >= 0)
        {
          g_autoptr(ZbSection) owner = zb_report_get_section (report, section);
          g_assert_nonnull (owner);
        }
      /* every field prints */
      for (int field = 0; field < ZB_N_FIELDS; field++)
        g_free (zb_figure_dup_field (f, field));
    }

  json = zb_report_to_json (report, ZB_JSON_IDS | ZB_JSON_PRETTY);
  tsv = zb_report_to_tsv (report);
  g_assert_true (g_utf8_validate (json, -1, NULL));
  g_assert_nonnull (tsv);
  (void) zb_report_section_at (report, text_len / 2);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbReport) report = zb_report_new_from_bytes (bytes, "fuzz.txt", NULL, &error);

  if (report == NULL)
    {
      /* refused inputs say why */
      g_assert_nonnull (error);
      g_assert_true (error->message != NULL && error->message[0] != '\0');
      return 0;
    }
  g_assert_no_error (error);
  check_report (report);
  return 0;
}
