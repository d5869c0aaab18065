/* fuzz-pdf.c — libFuzzer target: reading PDF files
 *
 * Any bytes must give a source or a clear error within the page and text
 * budgets; a source must be valid UTF-8 without control characters and
 * parse into a report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-pdf.h"
#include "zb-report.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbSource) source = zb_pdf_import (bytes, "fuzz.pdf", NULL, &error);
  g_autoptr(ZbReport) report = NULL;

  if (source == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->message != NULL && error->message[0] != '\0');
      return 0;
    }
  g_assert_no_error (error);
  report = zb_report_new_from_source (source, NULL, &error);
  if (report == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  g_assert_true (g_utf8_validate (zb_report_get_text (report), -1, NULL));
  g_assert_cmpuint (zb_utf8_bad_char (zb_report_get_text (report), strlen (zb_report_get_text (report))), ==, 0);
  g_free (zb_report_to_json (report, ZB_JSON_DEFAULT));
  return 0;
}
