/* fuzz-import.h — what the .docx and PDF fuzz targets check of a reader's result
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-report.h"

#include <string.h>

/* A source or a clear error; a source is valid UTF-8 without control
 * characters and parses into a report. */
static inline int
fuzz_check_import (ZbSource *source,
                   GError   *error)
{
  g_autoptr(ZbReport) report = NULL;
  g_autoptr(GError) parse_error = NULL;
  const char *text;

  if (source == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->message != NULL && error->message[0] != '\0');
      return 0;
    }
  g_assert_no_error (error);
  report = zb_report_new_from_source (source, NULL, &parse_error);
  if (report == NULL)
    {
      g_assert_nonnull (parse_error);
      return 0;
    }
  text = zb_report_get_text (report);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpuint (zb_utf8_bad_char (text, strlen (text)), ==, 0);
  g_free (zb_report_to_json (report, ZB_JSON_DEFAULT));
  return 0;
}
