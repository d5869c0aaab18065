/* zb-report.h — a parsed report: outline, figures and the source they came from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zb-figure.h"
#include "zb-section.h"
#include "zb-source.h"

G_BEGIN_DECLS

#define ZB_TYPE_REPORT (zb_report_get_type ())
G_DECLARE_FINAL_TYPE (ZbReport, zb_report, ZB, REPORT, GObject)

/* How a report's bytes become its source. zb-import.h has the reader that
 * knows Word and PDF as well as text, and registers it as the default. */
typedef ZbSource *(*ZbSourceReader) (GBytes        *bytes,
                                     const char    *path,
                                     GCancellable  *cancellable,
                                     GError       **error);

/* The reader used when none is given; until one is set, bytes are text
 * (UTF-8, UTF-16, GB18030: zb_source_new_from_bytes). */
void        zb_report_set_default_reader (ZbSourceReader       reader);

/* The bytes of a report file. Refuses before reading anything what is not
 * a regular file (a folder, a device such as /dev/zero, a pipe, a socket)
 * and a file larger than ZB_SOURCE_MAX_FILE_BYTES (ZB_ERROR_TOO_LARGE). */
GBytes     *zb_report_load_file          (GFile               *file,
                                          GCancellable        *cancellable,
                                          GError             **error);
/* The source of a report's bytes through @reader (NULL: the default),
 * unparsed; its sha256 is not set. */
ZbSource   *zb_report_read_source        (GBytes              *bytes,
                                          const char          *path,
                                          ZbSourceReader       reader,
                                          GCancellable        *cancellable,
                                          GError             **error);

/* Read and parse synchronously: call them from a worker thread or the CLI. */
ZbReport   *zb_report_new_from_file      (GFile               *file,
                                          GCancellable        *cancellable,
                                          GError             **error);
ZbReport   *zb_report_new_from_file_with (GFile               *file,
                                          ZbSourceReader       reader,
                                          GCancellable        *cancellable,
                                          GError             **error);
ZbReport   *zb_report_new_from_bytes     (GBytes              *bytes,
                                          const char          *path,
                                          GCancellable        *cancellable,
                                          GError             **error);
ZbReport   *zb_report_new_from_bytes_with (GBytes             *bytes,
                                          const char          *path,
                                          ZbSourceReader       reader,
                                          GCancellable        *cancellable,
                                          GError             **error);
ZbReport   *zb_report_new_from_source    (ZbSource            *source,
                                          GCancellable        *cancellable,
                                          GError             **error);
/* A report with no outline and no figures, for the workspace, which stores
 * and rebuilds them itself so that they do not change with the parser. */
ZbReport   *zb_report_new_unparsed       (ZbSource            *source);

const char *zb_report_get_path           (ZbReport *self);
const char *zb_report_get_title          (ZbReport *self);
const char *zb_report_get_encoding       (ZbReport *self);
const char *zb_report_get_text           (ZbReport *self);  /* decoded source shown to the user */
ZbSource   *zb_report_get_source         (ZbReport *self);
GListModel *zb_report_get_sections       (ZbReport *self);  /* of ZbSection, in document order */
GListModel *zb_report_get_figures        (ZbReport *self);  /* of ZbFigure, in document order */
/* (transfer full) */
ZbSection  *zb_report_get_section        (ZbReport *self,
                                          int       id);
/* "二、工程质量 › （一）公共交通" */
char       *zb_report_dup_section_path   (ZbReport *self,
                                          int       id);
gboolean    zb_report_section_contains   (ZbReport *self,
                                          int       ancestor,
                                          int       section);
/* The innermost section that holds a text offset, -1 before the first heading. */
int         zb_report_section_at         (ZbReport *self,
                                          gsize     text_offset);

void        zb_report_add_figure         (ZbReport *self,
                                          ZbFigure *figure);
/* A figure made by hand from a span of zb_report_get_text(). */
ZbFigure   *zb_report_add_figure_from_span (ZbReport   *self,
                                          gsize       text_offset,
                                          gsize       text_length,
                                          const char *name);
void        zb_report_insert_figure      (ZbReport *self,
                                          guint     position,
                                          ZbFigure *figure);
gboolean    zb_report_remove_figure      (ZbReport *self,
                                          ZbFigure *figure,
                                          guint    *position);

/* What the workspace lists a report by: the region its title names
 * ("临江县…", "2025年上半年临江县…" → "临江县"), NULL when it names none;
 * the period most of its figures report on (1-6月 and 上半年 are one), with
 * the title's year when it has none ("2025年1-6月"), else the title's date
 * ("2025年1-3月", "2025年"), else NULL. */
char       *zb_report_dup_region         (ZbReport *self);
char       *zb_report_dup_main_period    (ZbReport *self);
/* The region of a report titled @title, as zb_report_dup_region(). */
char       *zb_report_region_from_title  (const char *title);
/* The year @title names ("2025年…"), 0 when none. */
int         zb_report_year_from_title    (const char *title);
/* The year the report is about: the clerk's, else its title's, else its
 * main period's; 0 when none says. */
int         zb_report_get_year           (ZbReport *self);
/* The year and region the clerk set (0 and NULL: what the report says);
 * zb_report_dup_region and zb_report_get_year give them from then on. */
void        zb_report_set_place          (ZbReport   *self,
                                          int         year,
                                          const char *region);
gboolean    zb_report_get_place_set      (ZbReport *self);

typedef enum {
  ZB_JSON_DEFAULT = 0,
  ZB_JSON_IDS     = 1 << 0,  /* add workspace ids */
  ZB_JSON_PRETTY  = 1 << 1,
} ZbJsonFlags;

char       *zb_report_to_json            (ZbReport    *self,
                                          ZbJsonFlags  flags);
char       *zb_report_to_tsv             (ZbReport    *self);

/* The same written a chunk at a time through @write (FALSE from it stops
 * the writing): a huge report is never held as one string. */
typedef gboolean (*ZbReportWriteFunc) (const char *data,
                                       gsize       len,
                                       gpointer    user_data);
gboolean    zb_report_write_json         (ZbReport          *self,
                                          ZbJsonFlags        flags,
                                          ZbReportWriteFunc  write,
                                          gpointer           user_data);
gboolean    zb_report_write_tsv          (ZbReport          *self,
                                          ZbReportWriteFunc  write,
                                          gpointer           user_data);

/* For the parser. */
void        zb_report_set_title          (ZbReport   *self,
                                          const char *title);
void        zb_report_take_section       (ZbReport   *self,
                                          ZbSection  *section);

G_END_DECLS
