/* zb-save.c — writing an export without clobbering anything
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-save.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

/* The mode a new file gets: 0666 less the umask, read without changing it
 * (umask() would, for every thread). */
static mode_t
new_file_mode (void)
{
  g_autofree char *status = NULL;
  const char *line;
  guint64 mask = 022;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (line = strstr (status, "\nUmask:")) != NULL)
    {
      g_autofree char *digits = NULL;

      line += strlen ("\nUmask:");
      while (*line == ' ' || *line == '\t')
        line++;
      digits = g_strndup (line, strspn (line, "01234567"));
      if (!g_ascii_string_to_unsigned (digits, 8, 0, 0777, &mask, NULL))
        mask = 022;
    }
  return 0666 & ~(mode_t) mask;
}

static gboolean
is_temp_name (const char *name,
              const char *base)
{
  gsize n = strlen (base);

  /* ".BASE.XXXXXX", as zb_save_begin() names them */
  if (name[0] != '.' || strncmp (name + 1, base, n) != 0 || name[n + 1] != '.')
    return FALSE;
  name += n + 2;
  if (strlen (name) != 6)
    return FALSE;
  for (guint i = 0; i < 6; i++)
    if (!g_ascii_isalnum (name[i]))
      return FALSE;
  return TRUE;
}

/* Removes @name in @dir if it is our own regular file and no process holds
 * its lock: an export in progress keeps it locked to the end. */
static void
remove_if_stale (const char *dir,
                 const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  struct stat st, again;
  int fd;

  fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    return;
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == geteuid () &&
      flock (fd, LOCK_EX | LOCK_NB) == 0 &&
      g_lstat (path, &again) == 0 && again.st_dev == st.st_dev && again.st_ino == st.st_ino)
    g_unlink (path);
  close (fd);
}

static void
remove_stale_temps (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (is_temp_name (name, base))
      remove_if_stale (dir, name);
}

gboolean
zb_save_check_target (const char  *path,
                      mode_t      *mode,
                      GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  GStatBuf st;
  int saved;

  g_return_val_if_fail (path != NULL, FALSE);

  remove_stale_temps (path);

  if (g_lstat (path, &st) != 0)
    {
      saved = errno;
      if (saved != ENOENT)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Cannot write “%s”: %s"), display, g_strerror (saved));
          return FALSE;
        }
      if (mode)
        *mode = new_file_mode ();
      return TRUE;
    }
  if (S_ISLNK (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("Cannot write “%s”: it is a symbolic link, which would be replaced by a file; "
                   "it was left as it is (write to the file it points to, or choose another name)"), display);
      return FALSE;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("Cannot write “%s”: it is a folder"), display);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("Cannot write “%s”: it is a device, pipe or socket, not a file; it was left as it is"),
                   display);
      return FALSE;
    }
  /* the permission bits count even for root: a clerk who made the file
   * read-only does not want it replaced */
  if ((st.st_mode & 0222) == 0 || g_access (path, W_OK) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("Cannot write “%s”: it is read-only; it was left as it is"), display);
      return FALSE;
    }
  if (mode)
    *mode = st.st_mode & 0777;
  return TRUE;
}

gboolean
zb_save_begin (ZbSave      *save,
               const char  *path,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  mode_t mode = 0644;
  int saved;

  memset (save, 0, sizeof *save);
  save->fd = -1;
  if (!zb_save_check_target (path, &mode, error))
    return FALSE;

  /* beside the target, so that the rename is atomic */
  save->tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  save->fd = g_mkstemp_full (save->tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (save->fd < 0)
    {
      g_autofree char *display = g_filename_display_name (dir);

      saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write in “%s”: %s"), display, g_strerror (saved));
      g_clear_pointer (&save->tmp_path, g_free);
      return FALSE;
    }
  /* held until the rename: a temporary file nobody holds is a stale one */
  flock (save->fd, LOCK_EX | LOCK_NB);
  if (fchmod (save->fd, mode) != 0)
    {
      /* a file system without modes (FAT on a USB stick) is no reason to fail */
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
  g_autofree char *display = g_filename_display_name (save->path);
  int saved = save->write_errno;

  /* a full disk can show only here, when the data reaches it */
  if (saved == 0 && fsync (save->fd) != 0 && errno != EINVAL && errno != EROFS)
    saved = errno;
  if (saved == 0 && g_rename (save->tmp_path, save->path) != 0)
    saved = errno;
  if (saved != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write “%s”: %s; any older file was left as it was"), display, g_strerror (saved));
      zb_save_abort (save);
      return FALSE;
    }
  /* after the rename: closing releases the lock */
  g_clear_pointer (&save->tmp_path, g_free);
  save_clear (save);
  return TRUE;
}

GFile *
zb_save_file_with_suffix (GFile      *file,
                          const char *suffix)
{
  g_autofree char *base = NULL;
  g_autofree char *named = NULL;
  g_autoptr(GFile) parent = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  base = g_file_get_basename (file);
  parent = g_file_get_parent (file);
  if (base == NULL || parent == NULL || g_str_has_suffix (base, suffix))
    return g_object_ref (file);
  named = g_strconcat (base, suffix, NULL);
  return g_file_get_child (parent, named);
}
