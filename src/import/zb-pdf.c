/* zb-pdf.c — PDF reader (poppler-glib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-pdf.h"
#include "zb-types.h"

#include <poppler.h>
#include <string.h>
#include <glib/gi18n-lib.h>

/* poppler-glib 22.12 declares no autoptr cleanups of its own */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

typedef struct {
  guint    page;        /* 1-based */
  guint    line;        /* 1-based within the page */
  GString *text;
  double   left, right, top, bottom;   /* top < 0: no boxes */
} PdfLine;

static void
pdf_line_clear (gpointer data)
{
  PdfLine *l = data;
  if (l->text)
    g_string_free (l->text, TRUE);
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

static gboolean
is_cjk (gunichar c)
{
  return (c >= 0x3000 && c <= 0x9FFF) || (c >= 0xFF00 && c <= 0xFFEF);
}

/* Builds one line from characters [first, last) of the page text. A wide
 * horizontal gap (a tab stop, a table column) becomes a TAB, as it is in
 * text reports; poppler's own spaces stay single spaces. */
static void
build_line (PdfLine                *l,
            const char             *s,
            guint                   n_chars,
            const PopplerRectangle *rects,
            guint                   first,
            guint                   n_rects)
{
  const PopplerRectangle *prev = NULL;
  gunichar prev_char = 0;
  gboolean space = FALSE;
  double height = 0;
  guint k = first;

  l->text = g_string_new (NULL);
  l->top = -1;

  /* the line's height is the em size the gaps are measured in */
  for (guint i = 0; i < n_chars && first + i < n_rects; i++)
    height = MAX (height, rects[first + i].y2 - rects[first + i].y1);

  for (const char *p = s; k < first + n_chars; p = g_utf8_next_char (p), k++)
    {
      gunichar c = g_utf8_get_char (p);
      const PopplerRectangle *r = k < n_rects ? &rects[k] : NULL;

      if (g_unichar_isspace (c) || c == '\f')
        {
          space = TRUE;
          continue;
        }
      if (r != NULL && r->y2 > r->y1)
        {
          if (prev != NULL && height > 0 && r->x1 - prev->x2 > 1.5 * height)
            g_string_append_c (l->text, '\t');
          else if (space && l->text->len > 0 &&
                   !(prev != NULL && height > 0 && r->x1 - prev->x2 < 0.3 * height &&
                     (is_cjk (c) || is_cjk (prev_char))))
            /* poppler also writes the narrow gap that CJK layout puts
             * between ideographs and Latin letters or digits as a space:
             * "自 2023 年" was "自2023年" in the report */
            g_string_append_c (l->text, ' ');
          if (l->top < 0)
            {
              l->left = r->x1, l->right = r->x2;
              l->top = r->y1, l->bottom = r->y2;
            }
          l->left = MIN (l->left, r->x1);
          l->right = MAX (l->right, r->x2);
          l->top = MIN (l->top, r->y1);
          l->bottom = MAX (l->bottom, r->y2);
          prev = r;
          prev_char = c;
        }
      else if (space && l->text->len > 0)
        g_string_append_c (l->text, ' ');
      space = FALSE;
      g_string_append_unichar (l->text, c);
    }
}

/* Reading order puts a column of tab-aligned numbers (a table of contents'
 * page numbers, a table's last column) after the text beside it; a line
 * that sits on the same baseline as an earlier one, to its right, joins it. */
static gboolean
join_same_baseline (GArray  *lines,
                    guint    page_start,
                    PdfLine *l)
{
  double h = l->bottom - l->top;
  /* a page's worth of lines back, never the whole of a page made of
   * hundreds of thousands of tiny lines (quadratic time) */
  guint stop = MAX (page_start, lines->len > 256 ? lines->len - 256 : 0);

  if (l->top < 0 || h <= 0)
    return FALSE;
  for (guint j = lines->len; j > stop; j--)
    {
      PdfLine *m = &g_array_index (lines, PdfLine, j - 1);
      double overlap;

      if (m->top < 0)
        continue;
      overlap = MIN (m->bottom, l->bottom) - MAX (m->top, l->top);
      if (overlap < 0.6 * MIN (h, m->bottom - m->top))
        continue;
      if (l->left < m->right)
        return FALSE;
      g_string_append_c (m->text, '\t');
      g_string_append (m->text, l->text->str);
      m->right = l->right;
      m->top = MIN (m->top, l->top);
      m->bottom = MAX (m->bottom, l->bottom);
      return TRUE;
    }
  return FALSE;
}

/* A page's text lines with their boxes. The layout array gives one
 * rectangle per character of poppler_page_get_text (). Returns the bytes
 * of text the page held. */
static gsize
read_page (PopplerPage *page,
           guint        page_no,
           GArray      *lines)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  guint page_start = lines->len;
  guint line_no = 0;
  const char *p, *start;
  guint ch = 0, first = 0;

  if (text == NULL)
    return 0;
  /* the walk below steps by UTF-8 lead bytes: never past the end */
  if (!g_utf8_validate (text, -1, NULL))
    {
      char *clean = zb_utf8_dup_clean (text, -1);
      g_free (text);
      text = clean;
    }
  if (!poppler_page_get_text_layout (page, &rects, &n_rects))
    n_rects = 0;

  start = p = text;
  for (;;)
    {
      if (*p == '\n' || *p == '\0')
        {
          PdfLine l = { page_no, 0, NULL, 0, 0, 0, 0 };

          build_line (&l, start, ch - first, rects, first, n_rects);
          if (l.text->len == 0 || join_same_baseline (lines, page_start, &l))
            pdf_line_clear (&l);
          else
            {
              l.line = ++line_no;
              g_array_append_val (lines, l);
            }
          if (*p == '\0')
            break;
          p++;
          ch++;
          start = p;
          first = ch;
          continue;
        }
      p = g_utf8_next_char (p);
      ch++;
    }
  return p - text;
}

/* The block phase drops lines repeated three times or more; a short PDF
 * repeats its running header fewer times, but the pages show it: the same
 * text as the first (or last) line of at least two pages and of half of
 * them is page furniture. Page numbers differ and are left to the block
 * phase. */
static void
drop_running_lines (GArray *lines,
                    guint   n_pages)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) edge = g_array_new (FALSE, TRUE, sizeof (gboolean));
  guint i;

  g_array_set_size (edge, lines->len);
  for (i = 0; i < lines->len; i++)
    {
      PdfLine *l = &g_array_index (lines, PdfLine, i);
      gboolean first = (i == 0 || g_array_index (lines, PdfLine, i - 1).page != l->page);
      gboolean last = (i + 1 == lines->len || g_array_index (lines, PdfLine, i + 1).page != l->page);

      if (!first && !last)
        continue;
      g_array_index (edge, gboolean, i) = TRUE;
      g_hash_table_replace (counts, g_strdup (l->text->str),
                            GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, l->text->str)) + 1));
    }

  /* compacted in one pass: removing one by one is quadratic when every
   * page is furniture */
  {
    guint kept = 0;

    for (i = 0; i < lines->len; i++)
      {
        PdfLine *l = &g_array_index (lines, PdfLine, i);
        guint n = g_array_index (edge, gboolean, i)
                  ? GPOINTER_TO_UINT (g_hash_table_lookup (counts, l->text->str)) : 0;

        if (n >= 2 && n * 2 >= n_pages)
          pdf_line_clear (l);
        else
          g_array_index (lines, PdfLine, kept++) = *l;
      }
    /* the clear function must not see the moved lines again */
    g_array_set_clear_func (lines, NULL);
    g_array_set_size (lines, kept);
    g_array_set_clear_func (lines, pdf_line_clear);
  }
}

static gboolean
is_toc_title (const char *s)
{
  g_autoptr(GString) compact = g_string_new (NULL);

  for (const char *p = s; *p; p++)
    if (*p != ' ' && *p != '\t')
      g_string_append_c (compact, *p);
  return g_str_equal (compact->str, "目录") || g_str_equal (compact->str, "目次");
}

/* A table of contents laid out with a short tab keeps only a space before
 * its page numbers; give the TAB back so the entries read as contents, not
 * as headings. Runs from the contents title to the first other line. */
static void
restore_toc_tabs (GArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      if (!is_toc_title (g_array_index (lines, PdfLine, i).text->str))
        continue;
      for (guint j = i + 1; j < lines->len; j++)
        {
          GString *t = g_array_index (lines, PdfLine, j).text;
          gsize end = t->len, k = end;

          while (k > 0 && g_ascii_isdigit (t->str[k - 1]))
            k--;
          if (k == end || end - k > 3 || k == 0)
            break;
          if (t->str[k - 1] == ' ')
            t->str[k - 1] = '\t';
          else if ((guchar) t->str[k - 1] >= 0x80)
            g_string_insert_c (t, k, '\t');   /* the gap was too narrow for a space */
          else if (t->str[k - 1] != '\t')
            break;
        }
    }
}

static gboolean
is_truncated (const char *data,
              gsize       len)
{
  gsize tail = MIN (len, 4096);
  const char *from;

  if (data == NULL || len == 0)
    return TRUE;
  from = data + len - tail;

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
  gsize text_bytes = 0;
  int n_pages;

  g_array_set_clear_func (lines, pdf_line_clear);

  if (is_truncated (data, len))
    {
      g_set_error_literal (error, ZB_ERROR, ZB_ERROR_FORMAT,
                           _("The PDF is truncated (its end-of-file marker is missing): copy or download it again"));
      return NULL;
    }

  doc = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (doc == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error_literal (error, ZB_ERROR, ZB_ERROR_FORMAT,
                             _("This PDF is encrypted with a password: save an unprotected copy first"));
      else
        g_set_error (error, ZB_ERROR, ZB_ERROR_FORMAT,
                     _("The PDF is damaged and cannot be read (%s)"), local_error->message);
      return NULL;
    }

  n_pages = poppler_document_get_n_pages (doc);
  if (n_pages <= 0)
    {
      g_set_error_literal (error, ZB_ERROR, ZB_ERROR_FORMAT, _("The PDF is damaged: it has no pages"));
      return NULL;
    }
  if ((guint) n_pages > ZB_SOURCE_MAX_PAGES)
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_TOO_LARGE,
                   _("The PDF is too large (%d pages; reports of up to %u pages are read)"),
                   n_pages, ZB_SOURCE_MAX_PAGES);
      return NULL;
    }

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (page != NULL)
        text_bytes += read_page (page, i + 1, lines);
      if (text_bytes > zb_source_max_text_bytes ())
        {
          g_set_error (error, ZB_ERROR, ZB_ERROR_TOO_LARGE,
                       _("The PDF is too large (more than %lu MiB of text)"),
                       (gulong) (zb_source_max_text_bytes () >> 20));
          return NULL;
        }
    }

  if (lines->len == 0)
    {
      g_set_error_literal (error, ZB_ERROR, ZB_ERROR_FORMAT,
                           _("This PDF has no text layer (it is probably a scanned image); "
                           "Zhibiao does not recognise text in images"));
      return NULL;
    }

  drop_running_lines (lines, n_pages);
  restore_toc_tabs (lines);

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
      g_string_append (out, l->text->str);
      g_string_append_c (out, '\n');
      g_ptr_array_add (locators, g_strdup_printf ("p. %u, line %u", l->page, l->line));
    }

  source = zb_source_new_from_text (out->str, out->len, path, "pdf");
  g_ptr_array_add (locators, NULL);
  zb_source_set_locators (source, (char **) g_ptr_array_steal (locators, NULL));
  return source;
}
