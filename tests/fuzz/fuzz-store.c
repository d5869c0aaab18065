/* fuzz-store.c — libFuzzer target: the workspace import path
 *
 * Each input is parsed and imported into a temporary workspace, twice (the
 * second import takes the same-bytes path), then rebuilt from the
 * workspace alone: the rebuilt report must have the same text and figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-report.h"
#include "zb-store.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *tmpdir;
static ZbStore *store;
static guint n_inputs;

static void
remove_workspace (void)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  g_clear_object (&store);
  if (tmpdir == NULL)
    return;
  d = g_dir_open (tmpdir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmpdir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

static void
open_workspace (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  remove_workspace ();
  tmpdir = g_dir_make_tmp ("zb-fuzz-store-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);
  path = g_build_filename (tmpdir, "fuzz.zhibiao", NULL);
  store = zb_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbReport) report = NULL;
  g_autoptr(ZbReport) again = NULL;
  g_autoptr(ZbReport) loaded = NULL;
  g_autofree char *path = NULL;
  gint64 id = 0, id2 = 0;
  guint n_figures;

  /* a fresh workspace now and then keeps it small */
  if (store == NULL || n_inputs++ % 500 == 0)
    {
      static gboolean registered;

      open_workspace ();
      if (!registered)
        atexit (remove_workspace);
      registered = TRUE;
    }

  /* inputs differ in path too, so both import paths are taken */
  path = g_strdup_printf ("/fuzz/%u.txt", (guint) (size % 7));
  report = zb_report_new_from_bytes (bytes, path, NULL, &error);
  if (report == NULL)
    return 0;
  n_figures = g_list_model_get_n_items (zb_report_get_figures (report));

  if (!zb_store_import_report (store, report, &id, NULL, &error))
    {
      g_assert_nonnull (error);
      return 0;
    }
  g_assert_cmpint (id, >, 0);

  again = zb_report_new_from_bytes (bytes, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (zb_store_import_report (store, again, &id2, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id2, ==, id);

  loaded = zb_store_load_report (store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (zb_report_get_text (loaded), ==, zb_report_get_text (report));
  g_assert_cmpuint (g_list_model_get_n_items (zb_report_get_figures (loaded)), ==, n_figures);
  for (guint i = 0; i < n_figures; i++)
    {
      g_autoptr(ZbFigure) a = g_list_model_get_item (zb_report_get_figures (report), i);
      g_autoptr(ZbFigure) b = g_list_model_get_item (zb_report_get_figures (loaded), i);

      g_assert_cmpstr (zb_figure_get_quote (a), ==, zb_figure_get_quote (b));
      g_assert_cmpint (zb_figure_get_id (a), ==, zb_figure_get_id (b));
    }
  return 0;
}
