/* zb-source.c — decoding and normalisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-source.h"
#include "zb-types.h"

#include <string.h>

/* Builds text (UTF-8, \n) from already valid UTF-8, folding CRLF and CR, and
 * recording original offsets when they differ. orig_of_char gives, for each
 * input byte, the original offset (NULL: identity). */
static void
build_text (ZbSource      *self,
            const char    *utf8,
            gsize          len,
            const guint32 *orig_map)
{
  GString *out = g_string_sized_new (len + 1);
  guint32 *map = NULL;
  gboolean identity = (orig_map == NULL);
  gsize i;

  /* CR line ends change offsets; only then do we need a map for UTF-8 input. */
  if (identity && memchr (utf8, '\r', len) != NULL)
    identity = FALSE;

  if (!identity)
    map = g_new (guint32, len + 1);

  for (i = 0; i < len; i++)
    {
      char c = utf8[i];
      guint32 orig = orig_map ? orig_map[i] : (guint32) i;

      if (c == '\r')
        {
          if (i + 1 < len && utf8[i + 1] == '\n')
            continue;          /* the \n that follows stands for both */
          c = '\n';
        }
      if (map)
        map[out->len] = orig;
      g_string_append_c (out, c);
    }
  if (map)
    map[out->len] = orig_map ? orig_map[len] : (guint32) len;

  self->text_len = out->len;
  self->text = g_string_free (out, FALSE);
  self->text_to_orig = map;
}

/* Map runs, built as norm grows. */
typedef struct {
  GArray  *norm;
  GArray  *text;
  guint32  delta;   /* text − norm within the current run */
} Runs;

static inline void
runs_note (Runs    *runs,
           guint32  norm_at,
           guint32  text_at)
{
  /* a new run only where the identity of the current run breaks; the
   * offset between text and norm tells, without looking at the arrays */
  if (runs->norm->len > 0 && text_at - norm_at == runs->delta)
    return;
  runs->delta = text_at - norm_at;
  g_array_append_val (runs->norm, norm_at);
  g_array_append_val (runs->text, text_at);
}

/* Folds full-width forms for matching; keeps a map back into text. */
static void
build_norm (ZbSource *self)
{
  const char *p = self->text;
  const char *end = self->text + self->text_len;
  GString *out = g_string_sized_new (self->text_len + 1);
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (guint32));
  Runs runs = { g_array_new (FALSE, FALSE, sizeof (guint32)), g_array_new (FALSE, FALSE, sizeof (guint32)), 0 };
  guint32 zero = 0;

  g_array_append_val (lines, zero);

  while (p < end)
    {
      const char *next;
      guint32 at = (guint32) (p - self->text);
      gunichar c;

      /* [bookmark: _Toc123] marks left by Word exports are no text */
      if (*p == '[' && end - p > 10 && memcmp (p, "[bookmark:", 10) == 0)
        {
          const char *close = memchr (p, ']', MIN (end - p, 200));
          const char *nl = memchr (p, '\n', MIN (end - p, 200));
          if (close != NULL && (nl == NULL || close < nl))
            {
              p = close + 1;
              continue;
            }
        }

      /* ASCII passes through: the common case, kept cheap */
      if ((guchar) *p < 0x80 && !(*p == '*' && p + 1 < end && p[1] == '*'))
        {
          if (*p == '\n' && p + 1 < end)
            {
              guint32 start = at + 1;
              g_array_append_val (lines, start);
            }
          runs_note (&runs, (guint32) out->len, at);
          g_string_append_c (out, *p);
          p++;
          continue;
        }

      c = g_utf8_get_char (p);
      next = g_utf8_next_char (p);

      if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
      else if (c == 0x3000 || c == 0x00A0 || c == 0x2002 || c == 0x2003)
        c = ' ';
      else if (c == 0x200B || c == 0xFEFF || c == 0x00AD)
        {
          p = next;
          continue;
        }
      else if (c == '*')
        {
          /* Markdown strong emphasis: read through it. */
          p = next + 1;
          continue;
        }

      /* folding only ever yields ASCII; other characters keep their bytes,
       * so a run started here stays an identity over them */
      runs_note (&runs, (guint32) out->len, at);
      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else
        g_string_append_len (out, p, next - p);
      p = next;
    }
  runs_note (&runs, (guint32) out->len, (guint32) self->text_len);

  self->norm_len = out->len;
  self->norm = g_string_free (out, FALSE);
  self->n_runs = runs.norm->len;
  self->run_norm = (guint32 *) (void *) g_array_free (runs.norm, FALSE);
  self->run_text = (guint32 *) (void *) g_array_free (runs.text, FALSE);
  self->n_lines = lines->len;
  self->line_starts = (guint32 *) (void *) g_array_free (lines, FALSE);
}

static ZbSource *
zb_source_alloc (const char *path,
                 const char *encoding)
{
  ZbSource *self = g_new0 (ZbSource, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->path = g_strdup (path);
  self->encoding = g_strdup (encoding);
  return self;
}

ZbSource *
zb_source_new_from_text (const char *text,
                         gssize      len,
                         const char *path,
                         const char *encoding)
{
  ZbSource *self = zb_source_alloc (path, encoding ? encoding : "UTF-8");

  if (len < 0)
    len = strlen (text);
  build_text (self, text, len, NULL);
  build_norm (self);
  return self;
}

/* Controls other than tab, newlines, form feed and escape mark binary data. */
static gboolean
looks_binary (const char *s,
              gsize       len)
{
  gsize controls = 0;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) s[i];
      if (c == 0)
        return TRUE;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b)
        controls++;
    }
  return controls > 8 && controls * 100 > len;
}

/* Walks the source bytes and the converted UTF-8 in lockstep: every encoding
 * we convert from maps one source character to one Unicode character. */
static guint32 *
map_converted (const guchar *src,
               gsize         src_len,
               gsize         skip,
               const char   *utf8,
               gsize         utf8_len,
               const char   *encoding)
{
  guint32 *map = g_new (guint32, utf8_len + 1);
  gsize s = skip;
  gsize u = 0;
  gboolean utf16le = g_str_equal (encoding, "UTF-16LE");
  gboolean utf16be = g_str_equal (encoding, "UTF-16BE");

  while (u < utf8_len)
    {
      gsize ulen = g_utf8_next_char (utf8 + u) - (utf8 + u);
      gsize slen;

      if (utf16le || utf16be)
        {
          guint16 unit = utf16le ? (src[s] | src[s + 1] << 8) : (src[s] << 8 | src[s + 1]);
          slen = (unit >= 0xD800 && unit <= 0xDBFF) ? 4 : 2;
        }
      else /* GB18030 */
        {
          if (src[s] < 0x80)
            slen = 1;
          else if (s + 1 < src_len && src[s + 1] >= 0x30 && src[s + 1] <= 0x39)
            slen = 4;
          else
            slen = 2;
        }

      for (gsize k = 0; k < ulen && u + k < utf8_len; k++)
        map[u + k] = (guint32) s;
      u += ulen;
      s = MIN (s + slen, src_len);
    }
  map[utf8_len] = (guint32) src_len;
  return map;
}

static gboolean
only_space (const char *s,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (s[i]))
      return FALSE;
  return TRUE;
}

ZbSource *
zb_source_new_from_bytes (GBytes      *bytes,
                          const char  *path,
                          GError     **error)
{
  gsize len = 0;
  const guchar *data = g_bytes_get_data (bytes, &len);
  const char *encoding = NULL;
  gsize skip = 0;
  g_autofree char *converted = NULL;
  gsize converted_len = 0;
  g_autofree guint32 *map = NULL;
  ZbSource *self;

  if (len >= G_MAXUINT32 / 2)
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_FORMAT, "The file is too large (%" G_GSIZE_FORMAT " bytes)", len);
      return NULL;
    }

  if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    encoding = "UTF-8", skip = 3;
  else if (len >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    encoding = "UTF-16LE", skip = 2;
  else if (len >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    encoding = "UTF-16BE", skip = 2;

  if (len - skip == 0 || only_space ((const char *) data + skip, len - skip))
    {
      g_set_error_literal (error, ZB_ERROR, ZB_ERROR_EMPTY, "The file is empty");
      return NULL;
    }

  if (encoding == NULL)
    {
      if (g_utf8_validate_len ((const char *) data, len, NULL))
        encoding = "UTF-8";
      else if (looks_binary ((const char *) data, len))
        {
          g_set_error_literal (error, ZB_ERROR, ZB_ERROR_BINARY,
                               "The file is not text (it looks like binary data)");
          return NULL;
        }
      else
        encoding = "GB18030";
    }

  if (g_str_equal (encoding, "UTF-8"))
    {
      const char *s = (const char *) data + skip;
      const char *bad = NULL;

      if (!g_utf8_validate_len (s, len - skip, &bad))
        {
          g_set_error (error, ZB_ERROR, ZB_ERROR_ENCODING,
                       "The file is not valid UTF-8 (byte %" G_GSIZE_FORMAT ")",
                       (gsize) (bad - (const char *) data));
          return NULL;
        }
      if (looks_binary (s, len - skip))
        {
          g_set_error_literal (error, ZB_ERROR, ZB_ERROR_BINARY,
                               "The file is not text (it holds control characters)");
          return NULL;
        }
      self = zb_source_alloc (path, encoding);
      if (skip)
        {
          map = g_new (guint32, len - skip + 1);
          for (gsize i = 0; i <= len - skip; i++)
            map[i] = (guint32) (i + skip);
        }
      build_text (self, s, len - skip, map);
      build_norm (self);
      return self;
    }

  {
    g_autoptr(GError) local_error = NULL;
    gsize read = 0;

    if ((g_str_has_prefix (encoding, "UTF-16") && (len - skip) % 2 != 0))
      {
        g_set_error (error, ZB_ERROR, ZB_ERROR_ENCODING,
                     "The file is not valid %s (odd number of bytes)", encoding);
        return NULL;
      }

    converted = g_convert ((const char *) data + skip, len - skip, "UTF-8", encoding,
                           &read, &converted_len, &local_error);
    if (converted == NULL)
      {
        if (g_str_equal (encoding, "GB18030"))
          g_set_error (error, ZB_ERROR, ZB_ERROR_ENCODING,
                       "The file is neither UTF-8 nor GB18030 text (invalid byte at %" G_GSIZE_FORMAT ")",
                       read + skip);
        else
          g_set_error (error, ZB_ERROR, ZB_ERROR_ENCODING,
                       "The file is not valid %s: %s", encoding, local_error->message);
        return NULL;
      }
    if (looks_binary (converted, converted_len))
      {
        g_set_error_literal (error, ZB_ERROR, ZB_ERROR_BINARY,
                             "The file is not text (it holds control characters)");
        return NULL;
      }
  }

  map = map_converted (data, len, skip, converted, converted_len, encoding);
  self = zb_source_alloc (path, encoding);
  build_text (self, converted, converted_len, map);
  build_norm (self);
  return self;
}

void
zb_source_set_locators (ZbSource  *self,
                        char     **locators)
{
  g_strfreev (self->locators);
  self->locators = locators;
}

const char *
zb_source_get_locator (const ZbSource *self,
                       guint           line)
{
  if (self->locators == NULL || line == 0 || line > g_strv_length (self->locators))
    return NULL;
  return self->locators[line - 1];
}

ZbSource *
zb_source_ref (ZbSource *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
zb_source_unref (ZbSource *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->path);
  g_free (self->encoding);
  g_free (self->text);
  g_free (self->text_to_orig);
  g_free (self->norm);
  g_free (self->run_norm);
  g_free (self->run_text);
  g_free (self->line_starts);
  g_strfreev (self->locators);
  g_free (self);
}

guint
zb_source_line_at (const ZbSource *self,
                   gsize           text_offset)
{
  guint lo = 0, hi = self->n_lines;

  /* the last line start <= offset */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;
      if (self->line_starts[mid] <= text_offset)
        lo = mid;
      else
        hi = mid;
    }
  return lo + 1;
}

gsize
zb_source_orig_offset (const ZbSource *self,
                       gsize           text_offset)
{
  text_offset = MIN (text_offset, self->text_len);
  return self->text_to_orig ? self->text_to_orig[text_offset] : text_offset;
}

gsize
zb_source_text_offset (const ZbSource *self,
                       gsize           norm_offset)
{
  guint lo = 0, hi = self->n_runs;

  norm_offset = MIN (norm_offset, self->norm_len);
  if (self->n_runs == 0)
    return 0;
  /* the last run that starts at or before the offset */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;
      if (self->run_norm[mid] <= norm_offset)
        lo = mid;
      else
        hi = mid;
    }
  return self->run_text[lo] + (norm_offset - self->run_norm[lo]);
}
