/* zb-save.c — writing an export (workbook, chart) beside its place, renamed over it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-save.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

gboolean
zb_save_begin (ZbSave      *save,
               const char  *path,
               GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  int saved;

  g_return_val_if_fail (save != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  memset (save, 0, sizeof *save);
  save->fd = -1;
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   "Cannot write “%s”: it is a folder", path);
      return FALSE;
    }

  /* the temporary file lives next to the target so the rename is atomic */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  save->tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  save->fd = g_mkstemp_full (save->tmp_path, O_RDWR, 0644);
  if (save->fd < 0)
    {
      saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Cannot write in “%s”: %s", dir, g_strerror (saved));
      g_clear_pointer (&save->tmp_path, g_free);
      return FALSE;
    }
  save->path = g_strdup (path);
  return TRUE;
}

gboolean
zb_save_write (ZbSave     *save,
               const void *data,
               gsize       len)
{
  const guint8 *p = data;

  if (save->write_errno != 0)
    return FALSE;
  while (len > 0)
    {
      gssize n = write (save->fd, p, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          save->write_errno = n < 0 ? errno : ENOSPC;
          return FALSE;
        }
      p += n;
      len -= n;
    }
  return TRUE;
}

static void
save_clear (ZbSave *save)
{
  if (save->fd >= 0)
    close (save->fd);
  save->fd = -1;
  g_clear_pointer (&save->path, g_free);
  g_clear_pointer (&save->tmp_path, g_free);
}

void
zb_save_abort (ZbSave *save)
{
  if (save->tmp_path != NULL)
    g_unlink (save->tmp_path);
  save_clear (save);
}

gboolean
zb_save_commit (ZbSave  *save,
                GError **error)
{
  int saved = save->write_errno;

  if (saved == 0 && g_rename (save->tmp_path, save->path) != 0)
    saved = errno;
  if (saved != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Cannot replace “%s”: %s", save->path, g_strerror (saved));
      zb_save_abort (save);
      return FALSE;
    }
  g_clear_pointer (&save->tmp_path, g_free);
  save_clear (save);
  return TRUE;
}
