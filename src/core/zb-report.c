/* zb-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-report.h"
#include "zb-parser-private.h"
#include "zb-period.h"
#include "zb-vocab-private.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include "zb-period.h"

struct _ZbReport
{
  GObject     parent_instance;
  ZbSource   *source;
  char       *title;
  int         clerk_year;     /* the year and region the clerk set, 0 / NULL: none */
  char       *clerk_region;
  GListStore *sections;
  GListStore *figures;
};

G_DEFINE_FINAL_TYPE (ZbReport, zb_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zb_report_finalize (GObject *object)
{
  ZbReport *self = (ZbReport *)object;

  g_clear_pointer (&self->source, zb_source_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->clerk_region, g_free);
  g_clear_object (&self->sections);
  g_clear_object (&self->figures);

  G_OBJECT_CLASS (zb_report_parent_class)->finalize (object);
}

static void
zb_report_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ZbReport *self = ZB_REPORT (object);

  switch (prop_id)
    {
    case PROP_PATH: g_value_set_string (value, zb_report_get_path (self)); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_report_class_init (ZbReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zb_report_finalize;
  object_class->get_property = zb_report_get_property;

  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zb_report_init (ZbReport *self)
{
  self->sections = g_list_store_new (ZB_TYPE_SECTION);
  self->figures = g_list_store_new (ZB_TYPE_FIGURE);
}

ZbReport *
zb_report_new_from_source (ZbSource      *source,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(ZbReport) self = g_object_new (ZB_TYPE_REPORT, NULL);

  self->source = zb_source_ref (source);
  if (!zb_parse_source (self, source, cancellable, error))
    return NULL;
  return g_steal_pointer (&self);
}

ZbReport *
zb_report_new_unparsed (ZbSource *source)
{
  ZbReport *self = g_object_new (ZB_TYPE_REPORT, NULL);

  self->source = zb_source_ref (source);
  return self;
}


/* The reader of reports read without one, once the import layer has
 * registered it (zb_import_register()): a workspace's stored .docx and
 * .pdf reopen through it. Until then, bytes are read as text. */
static ZbSourceReader default_reader;

void
zb_report_set_default_reader (ZbSourceReader reader)
{
  g_atomic_pointer_set (&default_reader, reader);
}

ZbSource *
zb_report_read_source (GBytes        *bytes,
                       const char    *path,
                       ZbSourceReader reader,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  /* the bytes may come from a workspace, not a file the loader checked */
  if (!zb_source_check_size (g_bytes_get_size (bytes), error))
    return NULL;
  if (reader == NULL)
    reader = g_atomic_pointer_get (&default_reader);
  if (reader != NULL)
    return reader (bytes, path, cancellable, error);
  return zb_source_new_from_bytes (bytes, path, error);
}

ZbReport *
zb_report_new_from_bytes_with (GBytes          *bytes,
                               const char      *path,
                               ZbSourceReader   reader,
                               GCancellable    *cancellable,
                               GError         **error)
{
  g_autoptr(ZbSource) source = zb_report_read_source (bytes, path, reader, cancellable, error);

  if (source == NULL)
    return NULL;
  /* what the workspace checks the file against when it stores the report */
  zb_source_set_origin (source, bytes);
  return zb_report_new_from_source (source, cancellable, error);
}

ZbReport *
zb_report_new_from_bytes (GBytes        *bytes,
                          const char    *path,
                          GCancellable  *cancellable,
                          GError       **error)
{
  return zb_report_new_from_bytes_with (bytes, path, NULL, cancellable, error);
}

static gboolean
check_file_type (GFileType   type,
                 GError    **error)
{
  if (type == G_FILE_TYPE_REGULAR)
    return TRUE;
  if (type == G_FILE_TYPE_DIRECTORY)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                         _("This is a folder, not a report file"));
  else
    g_set_error_literal (error, ZB_ERROR, ZB_ERROR_FORMAT,
                         _("This is a device, pipe or socket, not a report file"));
  return FALSE;
}

/* A local file through its descriptor: opened without blocking (a FIFO
 * would wait for a writer), checked with fstat, read up to the limit. */
static GBytes *
load_local (const char    *path,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GByteArray) buf = NULL;
  struct stat st;
  int fd, saved;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot read the file: %s"), g_strerror (saved));
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      saved = errno;
      close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot read the file: %s"), g_strerror (saved));
      return NULL;
    }
  if (!check_file_type (S_ISREG (st.st_mode) ? G_FILE_TYPE_REGULAR
                        : S_ISDIR (st.st_mode) ? G_FILE_TYPE_DIRECTORY : G_FILE_TYPE_SPECIAL, error))
    {
      close (fd);
      return NULL;
    }
  if (!zb_source_check_size (st.st_size, error))
    {
      close (fd);
      return NULL;
    }

  buf = g_byte_array_sized_new (st.st_size + 1);
  for (;;)
    {
      guint8 chunk[65536];
      gssize n = read (fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved = errno;
          close (fd);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Cannot read the file: %s"), g_strerror (saved));
          return NULL;
        }
      if (n == 0)
        break;
      /* a file that grows while it is read (or reports size 0, as /proc does) */
      if (!zb_source_check_size ((guint64) buf->len + n, error))
        {
          close (fd);
          return NULL;
        }
      g_byte_array_append (buf, chunk, n);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          close (fd);
          return NULL;
        }
    }
  close (fd);
  return g_byte_array_free_to_bytes (g_steal_pointer (&buf));
}

/* Any other GFile (a URI): its type and size first, then a bounded read. */
static GBytes *
load_remote (GFile         *file,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GByteArray) buf = g_byte_array_new ();

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL || !check_file_type (g_file_info_get_file_type (info), error))
    return NULL;
  if (!zb_source_check_size (g_file_info_get_size (info), error))
    return NULL;
  in = g_file_read (file, cancellable, error);
  if (in == NULL)
    return NULL;
  for (;;)
    {
      guint8 chunk[65536];
      gssize n = g_input_stream_read (G_INPUT_STREAM (in), chunk, sizeof chunk, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (!zb_source_check_size ((guint64) buf->len + n, error))
        return NULL;
      g_byte_array_append (buf, chunk, n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buf));
}

GBytes *
zb_report_load_file (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  return path != NULL ? load_local (path, cancellable, error) : load_remote (file, cancellable, error);
}

ZbReport *
zb_report_new_from_file_with (GFile           *file,
                              ZbSourceReader   reader,
                              GCancellable    *cancellable,
                              GError         **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GBytes) bytes = zb_report_load_file (file, cancellable, error);

  if (bytes == NULL)
    return NULL;
  return zb_report_new_from_bytes_with (bytes, path, reader, cancellable, error);
}

ZbReport *
zb_report_new_from_file (GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  return zb_report_new_from_file_with (file, NULL, cancellable, error);
}

const char *
zb_report_get_path (ZbReport *self)
{
  return self->source ? self->source->path : NULL;
}

const char *
zb_report_get_title (ZbReport *self)
{
  return self->title;
}

const char *
zb_report_get_encoding (ZbReport *self)
{
  return self->source ? self->source->encoding : NULL;
}

const char *
zb_report_get_text (ZbReport *self)
{
  return self->source ? self->source->text : "";
}

ZbSource *
zb_report_get_source (ZbReport *self)
{
  return self->source;
}

GListModel *
zb_report_get_sections (ZbReport *self)
{
  return G_LIST_MODEL (self->sections);
}

GListModel *
zb_report_get_figures (ZbReport *self)
{
  return G_LIST_MODEL (self->figures);
}

ZbSection *
zb_report_get_section (ZbReport *self,
                       int       id)
{
  /* ids are positions: the parser numbers sections in document order */
  if (id < 0 || (guint) id >= g_list_model_get_n_items (G_LIST_MODEL (self->sections)))
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->sections), id);
}

char *
zb_report_dup_section_path (ZbReport *self,
                            int       id)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  GString *str = g_string_new (NULL);

  while (id >= 0)
    {
      g_autoptr(ZbSection) section = zb_report_get_section (self, id);
      if (section == NULL)
        break;
      g_ptr_array_insert (parts, 0, zb_section_dup_label (section));
      id = zb_section_get_parent (section);
    }
  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        g_string_append (str, " › ");
      g_string_append (str, g_ptr_array_index (parts, i));
    }
  g_ptr_array_unref (parts);
  return g_string_free (str, FALSE);
}

gboolean
zb_report_section_contains (ZbReport *self,
                            int       ancestor,
                            int       section)
{
  while (section >= 0)
    {
      g_autoptr(ZbSection) s = NULL;

      if (section == ancestor)
        return TRUE;
      s = zb_report_get_section (self, section);
      if (s == NULL)
        return FALSE;
      section = zb_section_get_parent (s);
    }
  return FALSE;
}

int
zb_report_section_at (ZbReport *self,
                      gsize     text_offset)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sections));
  int found = -1;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZbSection) s = g_list_model_get_item (G_LIST_MODEL (self->sections), i);
      if (zb_section_get_text_offset (s) > text_offset)
        break;
      found = zb_section_get_id (s);
    }
  return found;
}

void
zb_report_set_title (ZbReport   *self,
                     const char *title)
{
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
zb_report_take_section (ZbReport  *self,
                        ZbSection *section)
{
  g_list_store_append (self->sections, section);
  g_object_unref (section);
}

void
zb_report_add_figure (ZbReport *self,
                      ZbFigure *figure)
{
  g_list_store_append (self->figures, figure);
}

void
zb_report_insert_figure (ZbReport *self,
                         guint     position,
                         ZbFigure *figure)
{
  g_list_store_insert (self->figures, position, figure);
}

gboolean
zb_report_remove_figure (ZbReport *self,
                         ZbFigure *figure,
                         guint    *position)
{
  guint pos;

  if (!g_list_store_find (self->figures, figure, &pos))
    return FALSE;
  g_list_store_remove (self->figures, pos);
  if (position)
    *position = pos;
  return TRUE;
}

ZbFigure *
zb_report_add_figure_from_span (ZbReport   *self,
                                gsize       text_offset,
                                gsize       text_length,
                                const char *name)
{
  ZbSource *src = self->source;
  g_autofree char *quote = NULL;
  ZbFigure *figure;
  guint n, pos = 0;

  g_return_val_if_fail (src != NULL, NULL);
  text_offset = MIN (text_offset, src->text_len);
  text_length = MIN (text_length, src->text_len - text_offset);
  quote = g_strndup (src->text + text_offset, text_length);

  figure = zb_figure_new (ZB_FIGURE_ACTUAL, name && *name ? name : quote);
  zb_figure_set_source (figure,
                        zb_report_section_at (self, text_offset),
                        zb_source_line_at (src, text_offset),
                        zb_source_orig_offset (src, text_offset),
                        text_offset, text_length, quote);
  zb_figure_set_rule (figure, "manual", 1.0);

  /* keep document order */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->figures));
  for (pos = 0; pos < n; pos++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (G_LIST_MODEL (self->figures), pos);
      if (zb_figure_get_text_offset (f) > text_offset)
        break;
    }
  g_list_store_insert (self->figures, pos, figure);
  /* the list holds the only reference: the figure goes with the report */
  g_object_unref (figure);
  return figure;
}

/* JSON ------------------------------------------------------------------ */

static void
json_string (GString    *out,
             const char *s)
{
  g_autofree char *clean = NULL;

  if (s == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  /* JSON is UTF-8: a file name in another encoding, or a damaged
   * workspace's text, never makes it invalid */
  if (!g_utf8_validate (s, -1, NULL))
    s = clean = zb_utf8_dup_clean (s, -1);
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      guchar c = (guchar) *p;
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
json_number (GString        *out,
             const ZbNumber *n)
{
  g_autofree char *s = zb_number_format (n);
  g_string_append (out, s ? s : "null");
}

static void
json_key (GString    *out,
          const char *key,
          gboolean    first)
{
  if (!first)
    g_string_append_c (out, ',');
  g_string_append_c (out, ' ');
  json_string (out, key);
  g_string_append (out, ": ");
}

/* Where the JSON and TSV go: a string kept whole (sink->write NULL), or
 * handed on a chunk at a time, so that a report of a million figures is
 * never one string of hundreds of megabytes. */
typedef struct {
  GString           *out;
  ZbReportWriteFunc  write;
  gpointer           data;
  gboolean           ok;
} Sink;

#define SINK_CHUNK (64 * 1024)

static void
sink_flush (Sink     *sink,
            gboolean  last)
{
  if (sink->write == NULL || (!last && sink->out->len < SINK_CHUNK))
    return;
  if (sink->ok && sink->out->len > 0)
    sink->ok = sink->write (sink->out->str, sink->out->len, sink->data);
  g_string_truncate (sink->out, 0);
}

static void
json_section (GString   *out,
              ZbSection *s,
              gboolean   first)
{
  g_string_append (out, first ? "\n  {" : ",\n  {");
  json_key (out, "id", TRUE); g_string_append_printf (out, "%d", zb_section_get_id (s));
  json_key (out, "parent", FALSE);
  if (zb_section_get_parent (s) < 0)
    g_string_append (out, "null");
  else
    g_string_append_printf (out, "%d", zb_section_get_parent (s));
  json_key (out, "level", FALSE); g_string_append_printf (out, "%u", zb_section_get_level (s));
  json_key (out, "number", FALSE); json_string (out, zb_section_get_number (s));
  json_key (out, "title", FALSE); json_string (out, zb_section_get_title (s));
  json_key (out, "line", FALSE); g_string_append_printf (out, "%u", zb_section_get_line (s));
  g_string_append (out, " }");
}

static void
json_int_or_null (GString *out,
                  gboolean set,
                  gint64   value)
{
  if (set)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, value);
  else
    g_string_append (out, "null");
}

static void
json_figure (GString     *out,
             ZbFigure    *f,
             ZbJsonFlags  flags,
             gboolean     first)
{
  const char *cu = zb_change_unit_to_string (zb_figure_get_change_unit (f));
  char buf[G_ASCII_DTOSTR_BUF_SIZE];   /* a point whatever the locale */

  g_string_append (out, first ? "\n  {" : ",\n  {");
  if (flags & ZB_JSON_IDS)
    {
      json_key (out, "id", TRUE);
      g_string_append_printf (out, "%" G_GINT64_FORMAT, zb_figure_get_id (f));
      json_key (out, "kind", FALSE);
    }
  else
    json_key (out, "kind", TRUE);
  json_string (out, zb_figure_kind_to_string (zb_figure_get_kind (f)));
  json_key (out, "name", FALSE); json_string (out, zb_figure_get_name (f));
  json_key (out, "indicator", FALSE); json_string (out, zb_figure_get_indicator (f));
  json_key (out, "area", FALSE); json_string (out, zb_figure_get_area (f));
  json_key (out, "value", FALSE); json_number (out, zb_figure_get_value (f));
  json_key (out, "unit", FALSE); json_string (out, zb_figure_get_unit (f));
  json_key (out, "change", FALSE); json_number (out, zb_figure_get_change (f));
  json_key (out, "change_unit", FALSE); json_string (out, zb_figure_get_change (f)->set ? cu : NULL);
  json_key (out, "qualifier", FALSE); json_string (out, zb_figure_get_qualifier (f));
  json_key (out, "base_value", FALSE); json_number (out, zb_figure_get_base_value (f));
  json_key (out, "target", FALSE); json_number (out, zb_figure_get_target (f));
  json_key (out, "reference", FALSE); json_string (out, zb_figure_get_reference (f));
  json_key (out, "period", FALSE); json_string (out, zb_figure_get_period (f));
  json_key (out, "rank", FALSE); json_int_or_null (out, zb_figure_get_rank (f) > 0, zb_figure_get_rank (f));
  json_key (out, "section", FALSE); json_int_or_null (out, zb_figure_get_section (f) >= 0, zb_figure_get_section (f));
  json_key (out, "line", FALSE); g_string_append_printf (out, "%u", zb_figure_get_line (f));
  json_key (out, "offset", FALSE); g_string_append_printf (out, "%" G_GSIZE_FORMAT, zb_figure_get_offset (f));
  json_key (out, "quote", FALSE); json_string (out, zb_figure_get_quote (f));
  json_key (out, "rule", FALSE); json_string (out, zb_figure_get_rule (f));
  json_key (out, "confidence", FALSE);
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.2f", zb_figure_get_confidence (f)));
  json_key (out, "review", FALSE); g_string_append (out, zb_figure_needs_review (f) ? "true" : "false");
  json_key (out, "evidence", FALSE);
  g_string_append_c (out, '[');
  for (guint e = 1, n = 0; e < ZB_EVIDENCE_LAST; e <<= 1)
    if (zb_figure_get_evidence (f) & e)
      {
        if (n++ > 0)
          g_string_append (out, ", ");
        json_string (out, zb_evidence_id (e));
      }
  g_string_append_c (out, ']');
  if (zb_figure_is_corrected (f))
    {
      json_key (out, "corrected", FALSE);
      g_string_append (out, "true");
    }
  if (zb_figure_get_reviewed (f))
    {
      json_key (out, "reviewed", FALSE);
      g_string_append (out, "true");
    }
  g_string_append (out, " }");
}

static void
json_report (ZbReport    *self,
             ZbJsonFlags  flags,
             Sink        *sink)
{
  GString *out = sink->out;
  GListModel *sections = G_LIST_MODEL (self->sections);
  GListModel *figures = G_LIST_MODEL (self->figures);
  g_autofree char *basename = zb_report_get_path (self) ? g_path_get_basename (zb_report_get_path (self)) : NULL;
  guint n;

  g_string_append_c (out, '{');
  json_key (out, "file", TRUE); json_string (out, basename);
  json_key (out, "encoding", FALSE); json_string (out, zb_report_get_encoding (self));
  json_key (out, "title", FALSE); json_string (out, self->title);

  json_key (out, "sections", FALSE);
  g_string_append (out, "[");
  n = g_list_model_get_n_items (sections);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZbSection) s = g_list_model_get_item (sections, i);

      json_section (out, s, i == 0);
      sink_flush (sink, FALSE);
    }
  g_string_append (out, "]");

  json_key (out, "figures", FALSE);
  g_string_append (out, "[");
  n = g_list_model_get_n_items (figures);
  for (guint i = 0, written = 0; i < n && sink->ok; i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);

      if (zb_figure_get_deleted (f))
        continue;
      json_figure (out, f, flags, written++ == 0);
      sink_flush (sink, FALSE);
    }
  g_string_append (out, "]\n}\n");
  sink_flush (sink, TRUE);
}

char *
zb_report_to_json (ZbReport    *self,
                   ZbJsonFlags  flags)
{
  Sink sink = { g_string_new (NULL), NULL, NULL, TRUE };

  g_return_val_if_fail (ZB_IS_REPORT (self), NULL);

  json_report (self, flags, &sink);
  return g_string_free (sink.out, FALSE);
}

gboolean
zb_report_write_json (ZbReport          *self,
                      ZbJsonFlags        flags,
                      ZbReportWriteFunc  write,
                      gpointer           user_data)
{
  Sink sink = { g_string_sized_new (SINK_CHUNK + 4096), write, user_data, TRUE };

  g_return_val_if_fail (ZB_IS_REPORT (self), FALSE);
  g_return_val_if_fail (write != NULL, FALSE);

  json_report (self, flags, &sink);
  g_string_free (sink.out, TRUE);
  return sink.ok;
}

static void
tsv_cell (GString    *out,
          const char *s,
          gboolean    last)
{
  g_autofree char *clean = zb_utf8_dup_clean (s ? s : "", -1);

  for (const char *p = clean; *p; p++)
    g_string_append_c (out, (*p == '\t' || *p == '\n') ? ' ' : *p);
  g_string_append_c (out, last ? '\n' : '\t');
}

static void
tsv_report (ZbReport *self,
            Sink     *sink)
{
  static const ZbField cols[] = {
    ZB_FIELD_KIND, ZB_FIELD_NAME, ZB_FIELD_VALUE, ZB_FIELD_UNIT, ZB_FIELD_CHANGE,
    ZB_FIELD_CHANGE_UNIT, ZB_FIELD_QUALIFIER, ZB_FIELD_PERIOD, ZB_FIELD_RANK,
  };
  GString *out = sink->out;
  GListModel *figures = G_LIST_MODEL (self->figures);
  guint n = g_list_model_get_n_items (figures);

  g_string_append (out, "line");
  for (guint c = 0; c < G_N_ELEMENTS (cols); c++)
    g_string_append_printf (out, "\t%s", zb_field_to_string (cols[c]));
  g_string_append (out, "\tquote\n");

  for (guint i = 0; i < n && sink->ok; i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);

      if (zb_figure_get_deleted (f))
        continue;
      g_string_append_printf (out, "%u\t", zb_figure_get_line (f));
      for (guint c = 0; c < G_N_ELEMENTS (cols); c++)
        {
          g_autofree char *v = zb_figure_dup_field (f, cols[c]);
          tsv_cell (out, v, FALSE);
        }
      tsv_cell (out, zb_figure_get_quote (f), TRUE);
      sink_flush (sink, FALSE);
    }
  sink_flush (sink, TRUE);
}

char *
zb_report_to_tsv (ZbReport *self)
{
  Sink sink = { g_string_new (NULL), NULL, NULL, TRUE };

  g_return_val_if_fail (ZB_IS_REPORT (self), NULL);

  tsv_report (self, &sink);
  return g_string_free (sink.out, FALSE);
}

gboolean
zb_report_write_tsv (ZbReport          *self,
                     ZbReportWriteFunc  write,
                     gpointer           user_data)
{
  Sink sink = { g_string_sized_new (SINK_CHUNK + 4096), write, user_data, TRUE };

  g_return_val_if_fail (ZB_IS_REPORT (self), FALSE);
  g_return_val_if_fail (write != NULL, FALSE);

  tsv_report (self, &sink);
  g_string_free (sink.out, TRUE);
  return sink.ok;
}

/* A character a place's name is written in: Han, or X for a masked one. */
static gboolean
zb_is_name_char (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || c == 'X';
}

static int
zb_region_word (const char *p, gsize *len)
{
  const ZbWord *w = zb_vocab_prefix (ZB_VOCAB_REGION_WORDS, p);

  if (w == NULL)
    return 0;
  *len = strlen (w->word);
  return w->value;
}

/* The region one run of name characters [run, end) names, if any: leads and
 * periods skipped (关于某县, 前三季度…), a deictic start (全市, 我县) or an
 * office (何良军市长) naming none. */
static char *
zb_region_of_run (const char *run, const char *end)
{
  gsize len = 0;

  for (;;)
    {
      const ZbWord *period = zb_vocab_prefix (ZB_VOCAB_PERIOD_WORDS, run);

      if (period != NULL && run + strlen (period->word) <= end)
        run += strlen (period->word);
      else if (zb_region_word (run, &len) == ZB_REGION_LEAD && run + len <= end)
        run += len;
      else
        break;
    }
  if (run >= end || zb_region_word (run, &len) == ZB_REGION_DEICTIC)
    return NULL;
  for (const char *p = run; p < end; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);

      if (zb_region_word (p, &len) != ZB_REGION_SUFFIX)
        continue;
      if (next < end && zb_region_word (next, &len) == ZB_REGION_OFFICE)
        return NULL;
      if (p == run)
        continue;
      if (g_utf8_strlen (run, next - run) > 12 ||
          zb_vocab_lookup (ZB_VOCAB_AREAS, run, next - run) != NULL)
        return NULL;
      return g_strndup (run, next - run);
    }
  return NULL;
}

/* The region a title names: the first run of name characters that names one
 * (某县, 乌鲁木齐经济技术开发区). */
static char *
zb_region_of_title (const char *title)
{
  const char *run = NULL;
  gboolean number = FALSE;

  if (title == NULL)
    return NULL;
  for (const char *p = title;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      /* 20XX: a masked digit belongs to its number, not to a name */
      gboolean name;

      number = g_unichar_isdigit (c) || (c == 'X' && number);
      name = *p != '\0' && !number && zb_is_name_char (c);

      if (name && run == NULL)
        run = p;
      else if (!name && run != NULL)
        {
          char *region = zb_region_of_run (run, p);

          if (region != NULL)
            return region;
          run = NULL;
        }
      if (*p == '\0')
        return NULL;
    }
}

/* The region the report's title names, if it names one. */
char *
zb_report_dup_region (ZbReport *self)
{
  g_return_val_if_fail (ZB_IS_REPORT (self), NULL);

  if (self->clerk_region != NULL)
    return g_strdup (self->clerk_region);
  return zb_region_of_title (self->title);
}

/* The region a report titled @title names, as zb_report_dup_region() reads it. */
char *
zb_report_region_from_title (const char *title)
{
  return zb_region_of_title (title);
}

static int
title_year (const char  *title,
            const char **at)
{
  for (const char *p = title; p && *p; p++)
    if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) &&
        (p == title || !g_ascii_isdigit (p[-1])) && !g_ascii_isdigit (p[4]))
      {
        *at = p;
        return atoi (p);
      }
  return 0;
}

int
zb_report_year_from_title (const char *title)
{
  const char *at;

  return title_year (title, &at);
}

int
zb_report_get_year (ZbReport *self)
{
  g_autofree char *main = NULL;
  ZbPeriod period = { 0 };
  int in_title;

  g_return_val_if_fail (ZB_IS_REPORT (self), 0);

  if (self->clerk_year > 0)
    return self->clerk_year;
  /* the year the title names is the one its targets are for */
  in_title = zb_report_year_from_title (self->title);
  if (in_title >= 1950 && in_title <= 2100)
    return in_title;
  main = zb_report_dup_main_period (self);
  if (main != NULL && zb_period_parse (main, &period) && period.year > 0)
    return period.year;
  return 0;
}

void
zb_report_set_place (ZbReport   *self,
                     int         year,
                     const char *region)
{
  g_return_if_fail (ZB_IS_REPORT (self));

  self->clerk_year = MAX (year, 0);
  g_free (self->clerk_region);
  self->clerk_region = region && *region ? g_strdup (region) : NULL;
}

gboolean
zb_report_get_place_set (ZbReport *self)
{
  g_return_val_if_fail (ZB_IS_REPORT (self), FALSE);
  return self->clerk_year > 0 || self->clerk_region != NULL;
}

/* A period label's months, read once a report however many figures have
 * it; FALSE when it names none. @spans: label (the figures') → ZbPeriod. */
static gboolean
parse_cached (GHashTable *spans,
              const char *label,
              ZbPeriod   *span)
{
  ZbPeriod *known = g_hash_table_lookup (spans, label);

  if (known == NULL)
    {
      known = g_new0 (ZbPeriod, 1);
      if (!zb_period_parse (label, known))
        known->last_month = 0;
      g_hash_table_insert (spans, (gpointer) label, known);
    }
  *span = *known;
  return span->last_month != 0;
}

/* The span most figures that report something (not targets) are about,
 * 1-6月 and 上半年 counted as one, as the most of them write it; with the
 * title's year when the label has none. Else the title's date. */
char *
zb_report_dup_main_period (ZbReport *self)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) spans = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GListModel *figures;
  const char *best = NULL, *at = NULL;
  ZbPeriod best_span = { 0 };
  guint best_count = 0, best_label_count = 0;
  int year;

  g_return_val_if_fail (ZB_IS_REPORT (self), NULL);

  figures = G_LIST_MODEL (self->figures);
  year = title_year (self->title, &at);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
      {
        g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);
        const char *period = zb_figure_get_period (f);
        ZbPeriod span = { 0 };
        g_autofree char *key = NULL;
        guint count;

        if (period == NULL || zb_figure_get_kind (f) == ZB_FIGURE_TARGET || zb_figure_get_deleted (f) ||
            !parse_cached (spans, period, &span))
          continue;
        if (pass == 0)
          {
            /* the spans counted */
            key = g_strdup_printf ("%d:%u:%u:%d", span.year, span.first_month, span.last_month, span.cumulative);
            count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1;
            g_hash_table_insert (counts, g_steal_pointer (&key), GUINT_TO_POINTER (count));
            if (count > best_count)
              {
                best_count = count;
                best_span = span;
              }
          }
        else if (memcmp (&span, &best_span, sizeof span) == 0)
          {
            /* the winning span's labels counted, under keys of their own */
            key = g_strconcat ("\x1f", period, NULL);
            count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1;
            g_hash_table_insert (counts, g_steal_pointer (&key), GUINT_TO_POINTER (count));
            if (count > best_label_count)
              {
                best_label_count = count;
                best = period;   /* owned by the figure, which the report keeps */
              }
          }
      }
  if (best != NULL)
    return best_span.year == 0 && year > 0 ? g_strdup_printf ("%d年%s", year, best) : g_strdup (best);

  if (year > 0)
    {
      ZbPeriod span = { 0 };

      /* "临江县2025年一季度…" → 2025年1-3月, "…2025年工作报告" → 2025年 */
      if (zb_period_parse (at, &span))
        return zb_period_to_string (&span);
      return g_strdup_printf ("%d年", year);
    }
  return NULL;
}
