/* zb-source.c — decoding and normalisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-source.h"
#include "zb-types.h"

#include <string.h>
#include <sys/resource.h>
#include <glib/gi18n-lib.h>

/* Builds text (UTF-8, \n) from already valid UTF-8, folding CRLF and CR, and
 * recording original offsets when they differ. orig_of_char gives, for each
 * input byte, the original offset (NULL: identity).
 *
 * Documents are sanitised here, where every format enters: control
 * characters become spaces (C1 controls two, keeping offsets), U+FFFE and
 * U+FFFF U+FFFD, so nothing downstream (the workspace, JSON, the workbook's
 * XML) ever sees them. Form feeds and vertical tabs, which the block phase
 * reads as spaces, are spaces too. */
/* Bytes build_text() may change: controls (\r among them), DEL, and the
 * leads of U+0080…U+009F and of U+FFFE/U+FFFF. */
static const guint8 text_special[256] = {
  [0x00 ... 0x08] = 1, [0x0B ... 0x1F] = 1, [0x7F] = 1, [0xC2] = 1, [0xEF] = 1,
};

static inline gboolean
is_text_special (guchar u)
{
  return text_special[u];
}

/* The length of the run at s that build_text() keeps as it is. */
static inline gsize
text_run (const char *s,
          gsize       len)
{
  gsize j = 0;

  /* Han and most of ASCII: three and one bytes that are never special */
  while (j < len && !is_text_special ((guchar) s[j]))
    j++;
  return j;
}

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
      char c;
      guchar u;
      guint32 orig;
      /* most bytes are kept as they are: copy them a run at a time */
      gsize j = i + text_run (utf8 + i, len - i);

      if (j > i)
        {
          if (map)
            for (gsize k = i; k < j; k++)
              map[out->len + (k - i)] = orig_map ? orig_map[k] : (guint32) k;
          g_string_append_len (out, utf8 + i, j - i);
          i = j;
          if (i >= len)
            break;
        }

      c = utf8[i];
      u = (guchar) c;
      orig = orig_map ? orig_map[i] : (guint32) i;
      if (c == '\r')
        {
          if (i + 1 < len && utf8[i + 1] == '\n')
            continue;          /* the \n that follows stands for both */
          c = '\n';
        }
      else if ((u < 0x20 && c != '\t' && c != '\n') || u == 0x7F)
        c = ' ';
      else if (u == 0xC2 && i + 1 < len && (guchar) utf8[i + 1] <= 0x9F)
        {
          /* U+0080…U+009F: two bytes, two spaces */
          if (map)
            map[out->len] = orig;
          g_string_append_c (out, ' ');
          i++;
          orig = orig_map ? orig_map[i] : (guint32) i;
          c = ' ';
        }
      else if (u == 0xEF && i + 2 < len && (guchar) utf8[i + 1] == 0xBF && (guchar) utf8[i + 2] >= 0xBE)
        {
          /* U+FFFE, U+FFFF → U+FFFD, the same three bytes long */
          for (guint k = 0; k < 3; k++)
            {
              if (map)
                map[out->len] = orig_map ? orig_map[i + k] : (guint32) (i + k);
              g_string_append_c (out, "\xEF\xBF\xBD"[k]);
            }
          i += 2;
          continue;
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

/* Bytes where build_norm() must look closer: Markdown's *, Word's
 * [bookmark:…], and the leads of what it folds or drops (U+00A0, U+00AD,
 * U+2002/3, U+200B, U+3000, U+FEFF, U+FF01…U+FF5E). Continuation bytes are
 * never leads, so a run may stop only at a character's start. */
static const guint8 norm_special[256] = {
  ['*'] = 1, ['['] = 1, [0xC2] = 1, [0xE2] = 1, [0xE3] = 1, [0xEF] = 1,
};

static inline gboolean
is_norm_special (guchar u)
{
  return norm_special[u];
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

      /* most characters pass through unchanged (ASCII, Han): a run at a
       * time, as one identity run of the map */
      {
        const char *q = p;

        while (q < end && !is_norm_special ((guchar) *q))
          {
            if (*q == '\n' && q + 1 < end)
              {
                guint32 start = (guint32) (q + 1 - self->text);
                g_array_append_val (lines, start);
              }
            q++;
          }
        if (q > p)
          {
            runs_note (&runs, (guint32) out->len, at);
            g_string_append_len (out, p, q - p);
            p = q;
            continue;
          }
      }
      if ((guchar) *p < 0x80 && !(*p == '*' && p + 1 < end && p[1] == '*'))
        {
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
  /* importers hand over UTF-8; what a damaged file slips through is
   * replaced rather than trusted */
  if (!g_utf8_validate_len (text, len, NULL))
    {
      g_autofree char *clean = zb_utf8_dup_clean (text, len);
      build_text (self, clean, strlen (clean), NULL);
    }
  else
    build_text (self, text, len, NULL);
  build_norm (self);
  return self;
}

/* Controls other than tab, newlines, form feed and escape mark binary data.
 * (A NUL is looked for with memchr; the count has no early exit, so that
 * the compiler can do it many bytes at a time.) */
static gboolean
looks_binary (const char *s,
              gsize       len)
{
  const guchar *u = (const guchar *) s;
  gsize controls = 0;

  if (memchr (s, 0, len) != NULL)
    return TRUE;
  for (gsize i = 0; i < len; i++)
    controls += u[i] < 0x20 && u[i] != '\t' && u[i] != '\n' && u[i] != '\r' && u[i] != '\f' && u[i] != 0x1b;
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

      if (s >= src_len)
        slen = 0;   /* never past the end, whatever the converter wrote */
      else if (utf16le || utf16be)
        {
          guint16 unit = s + 1 >= src_len ? 0
                       : utf16le ? (src[s] | src[s + 1] << 8) : (src[s] << 8 | src[s + 1]);
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

/* ------------------------------------------------------------- limits */

/* What the address-space limit leaves for text, G_MAXUINT64 without one. */
static guint64
memory_allows (void)
{
  struct rlimit limit;

  if (getrlimit (RLIMIT_AS, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
    return G_MAXUINT64;
  return (guint64) limit.rlim_cur / ZB_SOURCE_MEMORY_PER_BYTE;
}

guint64
zb_source_max_file_bytes (void)
{
  return MIN ((guint64) ZB_SOURCE_MAX_FILE_BYTES, memory_allows ());
}

guint64
zb_source_max_text_bytes (void)
{
  return MIN ((guint64) ZB_SOURCE_MAX_TEXT_BYTES, memory_allows ());
}

gboolean
zb_source_check_size (guint64   size,
                      GError  **error)
{
  guint64 memory = memory_allows ();

  if (size <= zb_source_max_file_bytes ())
    return TRUE;
  if (memory < ZB_SOURCE_MAX_FILE_BYTES)
    g_set_error (error, ZB_ERROR, ZB_ERROR_TOO_LARGE,
                 _("The file is too large for the memory this program may use (%lu MiB; reading a report takes up to %u times its size, %lu MiB here)"),
                 (gulong) (size >> 20), ZB_SOURCE_MEMORY_PER_BYTE, (gulong) (memory >> 20));
  else
    g_set_error (error, ZB_ERROR, ZB_ERROR_TOO_LARGE,
                 _("The file is too large (%lu MiB; reports of up to %u MiB are read)"),
                 (gulong) (size >> 20), ZB_SOURCE_MAX_FILE_BYTES >> 20);
  return FALSE;
}

/* ------------------------------------------------------ which encoding */

/* The 3755 characters of GB 2312's first level — the common hanzi of
 * everyday writing — as a bitmap over U+4E00…U+9FFF, built once by asking
 * the converter for rows 0xB0…0xD7. */
#define HAN_FIRST 0x4E00
#define HAN_LAST  0x9FFF
static guint8 common_han[(HAN_LAST - HAN_FIRST + 1 + 7) / 8];

static gpointer
build_common_han (gpointer data)
{
  GString *gb = g_string_new (NULL);
  g_autofree char *utf8 = NULL;

  for (guint lead = 0xB0; lead <= 0xD7; lead++)
    for (guint trail = 0xA1; trail <= 0xFE; trail++)
      if (!(lead == 0xD7 && trail >= 0xFA))
        {
          g_string_append_c (gb, (char) lead);
          g_string_append_c (gb, (char) trail);
        }
  utf8 = g_convert (gb->str, gb->len, "UTF-8", "GB18030", NULL, NULL, NULL);
  for (const char *p = utf8; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c >= HAN_FIRST && c <= HAN_LAST)
        common_han[(c - HAN_FIRST) / 8] |= 1 << ((c - HAN_FIRST) % 8);
    }
  g_string_free (gb, TRUE);
  return NULL;
}

static gboolean
is_common_han (gunichar c)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, build_common_han, NULL);
  return c >= HAN_FIRST && c <= HAN_LAST &&
         (common_han[(c - HAN_FIRST) / 8] & (1 << ((c - HAN_FIRST) % 8))) != 0;
}

/* Punctuation and symbols Chinese reports are set with. */
static gboolean
is_cjk_punct (gunichar c)
{
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF65) ||
         (c >= 0x2010 && c <= 0x203B) || (c >= 0x2160 && c <= 0x217F) ||
         (c >= 0x2460 && c <= 0x24FF) || (c >= 0x25A0 && c <= 0x25FF) ||
         c == 0x00B7 || c == 0x00D7 || c == 0x00B0;
}

/* Plausibility of a decoding: the share of its non-ASCII characters that
 * are common hanzi or CJK punctuation (a GB18030 file read as UTF-8 gives
 * Cyrillic, Hebrew and rare ideographs; a UTF-8 file read as GB18030 rare
 * ideographs and private-use characters). With @ascii, ASCII text counts
 * too and controls count against: the measure for UTF-16, where a wrong
 * byte order gives no ASCII at all. 1 when there is nothing to judge. */
static double
plausibility (const char *s,
              gsize       len,
              gboolean    ascii)
{
  const char *end = s + len;
  gsize total = 0, good = 0;

  for (const char *p = s; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) (guchar) *p : g_utf8_get_char (p);

      if (c < 0x80)
        {
          if (!ascii)
            continue;
          total++;
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
            good++;
          continue;
        }
      total++;
      if (is_common_han (c) || is_cjk_punct (c))
        good++;
    }
  return total ? (double) good / total : 1.0;
}

/* A prefix of @data that ends at a line break (no encoding we read puts a
 * 0x0A inside a character), for judging a big file by its start. */
static gsize
sample_length (const guchar *data,
               gsize         len)
{
  const gsize want = 256 * 1024;

  if (len <= want)
    return len;
  for (gsize i = want; i > 0; i--)
    if (data[i - 1] == '\n')
      return i;
  return len;
}

/* The first @len bytes of @data decoded from @encoding, or NULL. */
static char *
try_convert (const guchar *data,
             gsize         len,
             const char   *encoding,
             gsize        *out_len,
             gsize        *bad_at)
{
  g_autoptr(GError) error = NULL;
  gsize read = 0;
  char *converted = g_convert ((const char *) data, len, "UTF-8", encoding, &read, out_len, &error);

  if (bad_at)
    *bad_at = read;
  return converted;
}

/* UTF-8 that is valid but for a last character cut short by the end of the
 * file (a download or copy that stopped): where that character starts. */
static gboolean
utf8_cut_at_end (const guchar *data,
                 gsize         len,
                 gsize         bad)
{
  gsize need;

  if (bad >= len || len - bad > 3)
    return FALSE;
  if (data[bad] >= 0xC2 && data[bad] <= 0xDF)
    need = 2;
  else if (data[bad] >= 0xE0 && data[bad] <= 0xEF)
    need = 3;
  else if (data[bad] >= 0xF0 && data[bad] <= 0xF4)
    need = 4;
  else
    return FALSE;
  if (len - bad >= need)
    return FALSE;
  for (gsize i = bad + 1; i < len; i++)
    if ((data[i] & 0xC0) != 0x80)
      return FALSE;
  return TRUE;
}

/* Text in UTF-16 without a byte order mark: NUL bytes (ASCII and many
 * hanzi have a zero half) and a byte order that reads as text. */
static const char *
guess_utf16 (const guchar *data,
             gsize         len)
{
  static const char * const orders[] = { "UTF-16LE", "UTF-16BE" };
  gsize sample = MIN (len, 256 * 1024) & ~(gsize) 1;
  const char *best = NULL;
  double best_score = 0.7;   /* below that it is binary data */

  if (memchr (data, 0, len) == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      gsize n = 0;
      g_autofree char *u = NULL;
      double score;

      /* a surrogate pair cut by the sample is no reason to fail */
      u = try_convert (data, sample, orders[i], &n, NULL);
      if (u == NULL && sample >= 4)
        u = try_convert (data, sample - 2, orders[i], &n, NULL);
      if (u == NULL || looks_binary (u, n))
        continue;
      score = plausibility (u, n, TRUE);
      if (score > best_score)
        {
          best_score = score;
          best = orders[i];
        }
    }
  return best;
}

/* GB18030 over valid UTF-8 only when the GB18030 reading is clearly the
 * Chinese one (a short GB18030 file can be valid UTF-8 by chance). */
static gboolean
gb18030_reads_better (const guchar *data,
                      gsize         len)
{
  gsize n = sample_length (data, len);
  gsize gb_len = 0;
  g_autofree char *gb = try_convert (data, n, "GB18030", &gb_len, NULL);
  double gb_score, utf8_score;

  if (gb == NULL)
    return FALSE;
  gb_score = plausibility (gb, gb_len, FALSE);
  utf8_score = plausibility ((const char *) data, n, FALSE);
  return gb_score >= 0.8 && gb_score > utf8_score + 0.2;
}

static ZbSource *
source_from_utf8 (const guchar *data,
                  gsize         len,
                  gsize         skip,
                  const char   *path,
                  GError      **error)
{
  const char *s = (const char *) data + skip;
  g_autofree guint32 *map = NULL;
  ZbSource *self;

  if (looks_binary (s, len - skip))
    {
      g_set_error_literal (error, ZB_ERROR, ZB_ERROR_BINARY,
                           _("The file is not text (it holds control characters)"));
      return NULL;
    }
  self = zb_source_alloc (path, "UTF-8");
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

/* @utf8_bad: where the bytes stop being UTF-8, for the message when they
 * are not GB18030 either (G_MAXSIZE: not asked). */
static ZbSource *
source_from_converted (const guchar *data,
                       gsize         len,
                       gsize         skip,
                       const char   *encoding,
                       gsize         utf8_bad,
                       const char   *path,
                       GError      **error)
{
  g_autofree char *converted = NULL;
  g_autofree guint32 *map = NULL;
  gsize converted_len = 0, bad = 0;
  ZbSource *self;

  if (g_str_has_prefix (encoding, "UTF-16") && (len - skip) % 2 != 0)
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_ENCODING,
                   _("The file is not valid %s (odd number of bytes: it may be cut off)"), encoding);
      return NULL;
    }
  converted = try_convert (data + skip, len - skip, encoding, &converted_len, &bad);
  if (converted == NULL && utf8_bad != G_MAXSIZE)
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_ENCODING,
                   _("The file is neither UTF-8 nor GB18030 text (not UTF-8 from byte %lu, not GB18030 from byte %lu)"), (gulong) utf8_bad, (gulong) (bad + skip));
      return NULL;
    }
  if (converted == NULL)
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_ENCODING,
                   _("The file is not valid %s text (invalid or incomplete character at byte %lu)"),
                   encoding, (gulong) (bad + skip));
      return NULL;
    }
  if (looks_binary (converted, converted_len))
    {
      g_set_error_literal (error, ZB_ERROR, ZB_ERROR_BINARY,
                           _("The file is not text (it holds control characters)"));
      return NULL;
    }
  map = map_converted (data, len, skip, converted, converted_len, encoding);
  self = zb_source_alloc (path, encoding);
  build_text (self, converted, converted_len, map);
  build_norm (self);
  return self;
}

ZbSource *
zb_source_new_from_bytes (GBytes      *bytes,
                          const char  *path,
                          GError     **error)
{
  gsize len = 0;
  const guchar *data = g_bytes_get_data (bytes, &len);
  const char *bad = NULL;
  const char *utf16;
  gsize skip = 0;

  if (!zb_source_check_size (len, error))
    return NULL;

  if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    skip = 3;
  else if (len >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    skip = 2;

  if (len - skip == 0 || only_space ((const char *) data + skip, len - skip))
    {
      g_set_error_literal (error, ZB_ERROR, ZB_ERROR_EMPTY, _("The file is empty"));
      return NULL;
    }

  if (skip == 2)
    return source_from_converted (data, len, skip, data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE",
                                  G_MAXSIZE, path, error);

  if (g_utf8_validate_len ((const char *) data + skip, len - skip, &bad))
    {
      if (skip == 0 && gb18030_reads_better (data, len))
        return source_from_converted (data, len, 0, "GB18030", G_MAXSIZE, path, error);
      return source_from_utf8 (data, len, skip, path, error);
    }
  if (skip == 3)
    {
      gsize at = bad - (const char *) data;

      if (utf8_cut_at_end (data, len, at))
        g_set_error (error, ZB_ERROR, ZB_ERROR_ENCODING,
                     _("The file is UTF-8 text cut off inside its last character (byte %lu of %lu): copy or download it again"), (gulong) at, (gulong) len);
      else
        g_set_error (error, ZB_ERROR, ZB_ERROR_ENCODING,
                     _("The file is not valid UTF-8 (byte %lu)"), (gulong) at);
      return NULL;
    }

  if ((utf16 = guess_utf16 (data, len)) != NULL)
    return source_from_converted (data, len, 0, utf16, G_MAXSIZE, path, error);
  if (looks_binary ((const char *) data, len))
    {
      g_set_error_literal (error, ZB_ERROR, ZB_ERROR_BINARY,
                           _("The file is not text (it looks like binary data)"));
      return NULL;
    }

  /* valid UTF-8 up to a character the end of the file cut in two: that is
   * what it is, unless it also reads as Chinese in GB18030 */
  if (utf8_cut_at_end (data, len, bad - (const char *) data))
    {
      gsize cut = bad - (const char *) data;
      gsize n = 0;
      g_autofree char *gb = try_convert (data, len, "GB18030", &n, NULL);

      if (gb == NULL || plausibility (gb, n, FALSE) < 0.8 ||
          plausibility ((const char *) data, cut, FALSE) >= plausibility (gb, n, FALSE))
        {
          g_set_error (error, ZB_ERROR, ZB_ERROR_ENCODING,
                       _("The file is UTF-8 text cut off inside its last character (byte %lu of %lu): copy or download it again"), (gulong) cut, (gulong) len);
          return NULL;
        }
    }

  return source_from_converted (data, len, 0, "GB18030", bad - (const char *) data, path, error);
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
  g_free (self->sha256);
  g_clear_pointer (&self->origin, g_bytes_unref);
  g_free (self);
}

void
zb_source_set_origin (ZbSource *self,
                      GBytes   *bytes)
{
  g_return_if_fail (self != NULL && bytes != NULL);

  if (self->sha256 == NULL && self->origin == NULL)
    self->origin = g_bytes_ref (bytes);
}

const char *
zb_source_get_sha256 (ZbSource *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  /* a source may be read on several threads: the first to hash wins */
  if (g_atomic_pointer_get (&self->sha256) == NULL && self->origin != NULL)
    {
      char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, self->origin);

      if (!g_atomic_pointer_compare_and_exchange (&self->sha256, NULL, sha))
        g_free (sha);
    }
  return g_atomic_pointer_get (&self->sha256);
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
