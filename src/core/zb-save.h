/* zb-save.h — writing an export (workbook, chart) without clobbering anything
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sys/types.h>

G_BEGIN_DECLS

/* @file, or the file beside it named with @suffix (".xlsx") when its name
 * lacks it: what a file chooser's answer is saved as. A new reference. */
GFile   *zb_save_file_with_suffix (GFile      *file,
                                   const char *suffix);

/* What may be replaced at @path: nothing (a new file, given the mode a
 * new file gets under the umask) or a regular file we may write (its mode
 * kept). A symbolic link, a folder, a device, a pipe or socket and a
 * read-only file are refused and left as they are. Also removes the
 * temporary files (".NAME.XXXXXX") that an export killed half-way left
 * next to @path, once no process holds them. */
gboolean zb_save_check_target (const char  *path,
                               mode_t      *mode,
                               GError     **error);

/* An export in progress: a temporary file next to the target, locked for
 * as long as it is written (so that a later export knows it is not
 * stale) and given the target's mode; renamed over the target by
 * zb_save_commit(), removed by zb_save_abort(). */
typedef struct {
  char   *path;
  char   *tmp_path;
  int     fd;
  int     write_errno;   /* the first failed write through zb_save_write() */
} ZbSave;

gboolean zb_save_begin  (ZbSave      *save,
                         const char  *path,
                         GError     **error);
/* Appends to the temporary file; a failure is remembered for commit. */
gboolean zb_save_write  (ZbSave      *save,
                         const void  *data,
                         gsize        len);
/* Flushes to disk and renames into place; on failure, as zb_save_abort(). */
gboolean zb_save_commit (ZbSave      *save,
                         GError     **error);
void     zb_save_abort  (ZbSave      *save);

G_END_DECLS
