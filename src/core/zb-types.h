/* zb-types.h — the shared vocabulary of Zhibiao: kinds, units and fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ZB_ERROR (zb_error_quark ())
GQuark zb_error_quark (void);

typedef enum {
  ZB_ERROR_EMPTY,        /* the file has no text at all */
  ZB_ERROR_BINARY,       /* the bytes are not text in any encoding we read */
  ZB_ERROR_ENCODING,     /* text, but invalid in its declared/detected encoding */
  ZB_ERROR_FORMAT,       /* a container (.docx, .pdf) that cannot be read */
  ZB_ERROR_INVALID,      /* a value typed by the user that does not parse */
  ZB_ERROR_STORE,        /* workspace errors */
  ZB_ERROR_LOCKED,
  ZB_ERROR_TOO_NEW,
  ZB_ERROR_NOT_FOUND,
  ZB_ERROR_CONFLICT,     /* the workspace changed since the figure was read */
  ZB_ERROR_TOO_LARGE,    /* over a documented limit (file size, text budget) */
} ZbError;

/* Text that enters the workspace or an output (JSON, XML, a terminal) is
 * valid UTF-8 without control characters other than TAB and LF.
 *
 * zb_utf8_check_input refuses, with @what named in the message, text a
 * clerk typed that is not; zb_utf8_dup_clean makes any text so: invalid
 * bytes become U+FFFD, control characters spaces, the XML-forbidden
 * U+FFFE/U+FFFF U+FFFD. */
gboolean zb_utf8_check_input (const char  *text,
                              const char  *what,
                              GError     **error);
char    *zb_utf8_dup_clean   (const char  *text,
                              gssize       len);
/* The code point of a character that may not stand in clean text, or 0. */
gunichar zb_utf8_bad_char    (const char  *text,
                              gsize        len);

typedef enum {
  ZB_FIGURE_ACTUAL,
  ZB_FIGURE_TARGET,
  ZB_FIGURE_GAP,
  ZB_FIGURE_PROGRESS,
} ZbFigureKind;

#define ZB_TYPE_FIGURE_KIND (zb_figure_kind_get_type ())
GType        zb_figure_kind_get_type   (void);
const char  *zb_figure_kind_to_string  (ZbFigureKind kind);
gboolean     zb_figure_kind_from_string (const char *str, ZbFigureKind *kind);

typedef enum {
  ZB_CHANGE_NONE,
  ZB_CHANGE_PERCENT,   /* 同比增长 8.4% */
  ZB_CHANGE_PP,        /* 提高 1.2 个百分点 */
} ZbChangeUnit;

const char  *zb_change_unit_to_string   (ZbChangeUnit unit);
gboolean     zb_change_unit_from_string (const char *str, ZbChangeUnit *unit);

/* Fields of a figure that a clerk can correct; the names are the ones the
 * CLI, the workspace and the workbook use. */
typedef enum {
  ZB_FIELD_KIND,
  ZB_FIELD_NAME,
  ZB_FIELD_INDICATOR,
  ZB_FIELD_AREA,
  ZB_FIELD_VALUE,
  ZB_FIELD_UNIT,
  ZB_FIELD_CHANGE,
  ZB_FIELD_CHANGE_UNIT,
  ZB_FIELD_BASE_VALUE,
  ZB_FIELD_QUALIFIER,
  ZB_FIELD_REFERENCE,
  ZB_FIELD_PERIOD,
  ZB_FIELD_TARGET,
  ZB_FIELD_GAP,
  ZB_FIELD_RANK,
  ZB_FIELD_DELETED,
  /* the clerk's review mark: "true", "false" (unmarked) or empty (never
   * marked: a corrected figure counts as reviewed); see zb_figure_get_reviewed */
  ZB_FIELD_REVIEWED,
  ZB_N_FIELDS
} ZbField;

const char  *zb_field_to_string   (ZbField field);
gboolean     zb_field_from_string (const char *str, ZbField *field);
gboolean     zb_field_is_numeric  (ZbField field);

G_END_DECLS
