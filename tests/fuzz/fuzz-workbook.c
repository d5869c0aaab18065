/* fuzz-workbook.c — libFuzzer target: parsed figures through the workbook
 *
 * Whatever the parser makes of the input is exported to a temporary file;
 * the export must succeed (or fail with a message) and leave exactly the
 * workbook, with no temporary file beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-report.h"
#include "zb-workbook.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *tmpdir;

static void
remove_tmpdir (void)
{
  if (tmpdir != NULL)
    {
      g_autofree char *out = g_build_filename (tmpdir, "fuzz.xlsx", NULL);

      g_unlink (out);
      g_rmdir (tmpdir);
      g_clear_pointer (&tmpdir, g_free);
    }
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbReport) report = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autofree char *out = NULL;
  ZbWorkbookOptions options = { .language = (size & 1) ? "en" : "zh_CN" };
  GStatBuf st;

  if (tmpdir == NULL)
    {
      tmpdir = g_dir_make_tmp ("zb-fuzz-workbook-XXXXXX", NULL);
      g_assert_nonnull (tmpdir);
      atexit (remove_tmpdir);
    }

  report = zb_report_new_from_bytes (bytes, "fuzz.txt", NULL, &error);
  if (report == NULL)
    return 0;

  reports = g_ptr_array_new ();
  g_ptr_array_add (reports, report);
  out = g_build_filename (tmpdir, "fuzz.xlsx", NULL);
  if (zb_workbook_export (reports, &options, out, &error))
    {
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (out, &st), ==, 0);
      g_assert_cmpint (st.st_size, >, 0);
      g_assert_cmpuint (count_entries (tmpdir), ==, 1);
      g_unlink (out);
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_cmpuint (count_entries (tmpdir), ==, 0);
    }
  return 0;
}
