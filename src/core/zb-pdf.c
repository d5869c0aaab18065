/* zb-pdf.c — PDF reader (poppler-glib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-pdf.h"
#include "zb-types.h"

#include <poppler.h>
#include <string.h>

/* poppler-glib 22.12 declares no autoptr cleanups of its own */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

typedef struct {
  guint  page;        /* 1-based */
  guint  line;        /* 1-based within the page */
  char  *text;
  double top;
  double bottom;
} PdfLine;

static void
pdf_line_clear (gpointer data)
{
  PdfLine *l = data;
  g_free (l->text);
}

static int
cmp_double (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  if (values->len == 0)
    return 0;
  g_array_sort (values, cmp_double);
  return g_array_index (values, double, values->len / 2);
}

/* A page's text lines with their vertical extent. The layout array gives
 * one rectangle per character of poppler_page_get_text (). */
static void
read_page (PopplerPage *page,
           guint        page_no,
           GArray      *lines)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  const char *p, *start;
  guint ch = 0;
  guint line_no = 0;

  if (text == NULL)
    return;
  if (!poppler_page_get_text_layout (page, &rects, &n_rects))
    n_rects = 0;

  start = p = text;
  for (;;)
    {
      if (*p == '\n' || *p == '\0')
        {
          g_autofree char *s = g_strndup (start, p - start);
          guint first = ch - (guint) g_utf8_strlen (start, p - start);
          PdfLine l = { page_no, ++line_no, NULL, 0, 0 };
          gboolean have = FALSE;

          g_strstrip (s);
          g_strdelimit (s, "\f\r", ' ');
          for (guint k = first; k < ch && k < n_rects; k++)
            {
              /* spaces poppler inserts have empty or stray boxes */
              if (rects[k].y2 <= rects[k].y1)
                continue;
              if (!have || rects[k].y1 < l.top)
                l.top = rects[k].y1;
              if (!have || rects[k].y2 > l.bottom)
                l.bottom = rects[k].y2;
              have = TRUE;
            }
          if (*s != '\0')
            {
              l.text = g_steal_pointer (&s);
              if (!have)
                l.top = l.bottom = -1;
              g_array_append_val (lines, l);
            }
          else
            line_no--;
          if (*p == '\0')
            break;
          p++;
          ch++;
          start = p;
          continue;
        }
      p = g_utf8_next_char (p);
      ch++;
    }
}

static gboolean
is_truncated (const char *data,
              gsize       len)
{
  gsize tail = MIN (len, 4096);
  const char *from = data + len - tail;

  for (gsize i = 0; i + 5 <= tail; i++)
    if (memcmp (from + i, "%%EOF", 5) == 0)
      return FALSE;
  return TRUE;
}

ZbSource *
zb_pdf_import (GBytes        *bytes,
               const char    *path,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (PdfLine));
  g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) out = NULL;
  g_autoptr(GPtrArray) locators = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  double height, leading;
  ZbSource *source;
  int n_pages;

  g_array_set_clear_func (lines, pdf_line_clear);

  if (is_truncated (data, len))
    {
      g_set_error_literal (error, ZB_ERROR, ZB_ERROR_FORMAT,
                           "The PDF is truncated (its end-of-file marker is missing): copy or download it again");
      return NULL;
    }

  doc = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (doc == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error_literal (error, ZB_ERROR, ZB_ERROR_FORMAT,
                             "This PDF is encrypted with a password: save an unprotected copy first");
      else
        g_set_error (error, ZB_ERROR, ZB_ERROR_FORMAT,
                     "The PDF is damaged and cannot be read (%s)", local_error->message);
      return NULL;
    }

  n_pages = poppler_document_get_n_pages (doc);
  if (n_pages <= 0)
    {
      g_set_error_literal (error, ZB_ERROR, ZB_ERROR_FORMAT, "The PDF is damaged: it has no pages");
      return NULL;
    }

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (page != NULL)
        read_page (page, i + 1, lines);
    }

  if (lines->len == 0)
    {
      g_set_error_literal (error, ZB_ERROR, ZB_ERROR_FORMAT,
                           "This PDF has no text layer (it is probably a scanned image); "
                           "Zhibiao does not recognise text in images");
      return NULL;
    }

  /* A paragraph break shows as a gap clearly wider than the usual leading. */
  for (guint i = 0; i < lines->len; i++)
    {
      PdfLine *l = &g_array_index (lines, PdfLine, i);
      double h = l->bottom - l->top;

      if (l->top >= 0 && h > 0)
        g_array_append_val (heights, h);
      if (i > 0)
        {
          PdfLine *prev = &g_array_index (lines, PdfLine, i - 1);
          if (prev->page == l->page && prev->top >= 0 && l->top >= 0)
            {
              double gap = l->top - prev->bottom;
              g_array_append_val (gaps, gap);
            }
        }
    }
  height = median (heights);
  leading = median (gaps);

  out = g_string_new (NULL);
  locators = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < lines->len; i++)
    {
      PdfLine *l = &g_array_index (lines, PdfLine, i);

      if (i > 0)
        {
          PdfLine *prev = &g_array_index (lines, PdfLine, i - 1);
          gboolean para = FALSE;

          if (prev->page != l->page)
            para = TRUE;
          else if (height > 0 && prev->top >= 0 && l->top >= 0)
            para = (l->top - prev->bottom) > leading + 0.5 * height;
          if (para)
            {
              g_string_append_c (out, '\n');
              g_ptr_array_add (locators, g_strdup_printf ("p. %u", prev->page));
            }
        }
      g_string_append (out, l->text);
      g_string_append_c (out, '\n');
      g_ptr_array_add (locators, g_strdup_printf ("p. %u, line %u", l->page, l->line));
    }

  source = zb_source_new_from_text (out->str, out->len, path, "pdf");
  g_ptr_array_add (locators, NULL);
  zb_source_set_locators (source, (char **) g_ptr_array_steal (locators, NULL));
  return source;
}
