/* zb-source.h — a report's text: decoded, normalised, and mapped back to the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Limits on a report (README, "Limits"). A file larger than
 * zb_source_max_file_bytes() is refused before it is read. An importer
 * (.docx, .pdf) stops with ZB_ERROR_TOO_LARGE once the text it extracts
 * passes zb_source_max_text_bytes() — a small compressed or repetitive
 * document can stand for far more text than its size says, and no Word or
 * PDF report holds thousands of pages of text. A PDF is read up to
 * ZB_SOURCE_MAX_PAGES pages.
 *
 * Both are lower in a process whose address space is limited (ulimit -v):
 * parsing needs up to ZB_SOURCE_MEMORY_PER_BYTE bytes of memory a byte of
 * text (figure-dense text on one line, the worst measured), and a file
 * that cannot fit is refused rather than let an allocation abort. */
#define ZB_SOURCE_MAX_FILE_BYTES  (256u << 20)
#define ZB_SOURCE_MAX_TEXT_BYTES  (8u << 20)
#define ZB_SOURCE_MAX_PAGES       5000u
#define ZB_SOURCE_MEMORY_PER_BYTE 64u

guint64     zb_source_max_file_bytes (void);
guint64     zb_source_max_text_bytes (void);
/* ZB_ERROR_TOO_LARGE for a file of @size bytes over the limit, saying
 * which limit it is. */
gboolean    zb_source_check_size     (guint64      size,
                                      GError     **error);

/* Three views of one report:
 *  - the original bytes (offsets in figures' "offset" point there);
 *  - text: decoded UTF-8 with \n line ends, shown in the app;
 *  - norm: text with full-width ASCII folded to ASCII, ideographic spaces to
 *    spaces and Markdown emphasis markers removed; the parser reads this.
 * Each byte of norm maps to a byte of text, each byte of text to the original. */
typedef struct _ZbSource ZbSource;

struct _ZbSource
{
  gatomicrefcount ref_count;
  char      *path;
  char      *encoding;
  char      *text;
  gsize      text_len;
  guint32   *text_to_orig;   /* NULL when text offsets are the original offsets */
  char      *norm;
  gsize      norm_len;
  /* norm → text as runs: within run i, text = text_start + (norm − norm_start).
   * Folding changes lengths only here and there, so runs are few. */
  guint32   *run_norm;       /* n_runs norm offsets where a run starts, ascending */
  guint32   *run_text;       /* the text offset each run starts at */
  guint      n_runs;
  guint32   *line_starts;    /* text offsets of each line's first byte */
  guint      n_lines;
  char     **locators;       /* optional, n_lines entries: where a line sits in
                              * the document ("p. 3, line 12"); NULL for text */
  char      *sha256;         /* of the bytes it was read from, when known:
                              * read it with zb_source_get_sha256() */
  GBytes    *origin;         /* those bytes, until their sha256 is taken */
};

ZbSource   *zb_source_new_from_bytes (GBytes      *bytes,
                                      const char  *path,
                                      GError     **error);
/* For importers (.docx, .pdf) that produce UTF-8 text themselves. */
ZbSource   *zb_source_new_from_text  (const char  *text,
                                      gssize       len,
                                      const char  *path,
                                      const char  *encoding);
/* Takes a NULL-terminated array (transfer full) of one locator per line. */
void        zb_source_set_locators   (ZbSource    *self,
                                      char       **locators);
const char *zb_source_get_locator    (const ZbSource *self,
                                      guint           line);       /* 1-based */
/* The bytes the source was read from, whose SHA-256 is computed only when
 * asked for: most reads (the CLI, a benchmark) never need it. */
void        zb_source_set_origin     (ZbSource    *self,
                                      GBytes      *bytes);
/* The SHA-256 of the bytes it was read from, or NULL when unknown. */
const char *zb_source_get_sha256     (ZbSource    *self);
ZbSource   *zb_source_ref            (ZbSource    *self);
void        zb_source_unref          (ZbSource    *self);

guint       zb_source_line_at        (const ZbSource *self,
                                      gsize           text_offset);   /* 1-based */
gsize       zb_source_orig_offset    (const ZbSource *self,
                                      gsize           text_offset);
gsize       zb_source_text_offset    (const ZbSource *self,
                                      gsize           norm_offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbSource, zb_source_unref)

G_END_DECLS
