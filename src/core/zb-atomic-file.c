/* zb-atomic-file.c — a file written beside its place and renamed over it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-atomic-file.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <unistd.h>

struct _ZbAtomicFile
{
  char *path;
  char *tmp;
};

ZbAtomicFile *
zb_atomic_file_begin (const char  *path,
                      GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  ZbAtomicFile *self;
  int fd, saved;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   "Cannot write “%s”: it is a folder", path);
      return NULL;
    }

  /* the temporary file lives next to the target so the rename is atomic */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  self = g_new0 (ZbAtomicFile, 1);
  self->path = g_strdup (path);
  self->tmp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (self->tmp, O_RDWR, 0644);
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Cannot write in “%s”: %s", dir, g_strerror (saved));
      g_clear_pointer (&self->tmp, g_free);
      zb_atomic_file_abort (self);
      return NULL;
    }
  close (fd);
  return self;
}

const char *
zb_atomic_file_get_temp_path (ZbAtomicFile *self)
{
  return self->tmp;
}

const char *
zb_atomic_file_get_path (ZbAtomicFile *self)
{
  return self->path;
}

gboolean
zb_atomic_file_commit (ZbAtomicFile  *self,
                       GError       **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);

  if (g_rename (self->tmp, self->path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Cannot replace “%s”: %s", self->path, g_strerror (saved));
      ok = FALSE;
    }
  else
    g_clear_pointer (&self->tmp, g_free);
  zb_atomic_file_abort (self);
  return ok;
}

void
zb_atomic_file_abort (ZbAtomicFile *self)
{
  if (self == NULL)
    return;
  if (self->tmp != NULL)
    g_unlink (self->tmp);
  g_free (self->tmp);
  g_free (self->path);
  g_free (self);
}
