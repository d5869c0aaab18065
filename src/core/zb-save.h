/* zb-save.h — writing an export (workbook, chart) beside its place, renamed over it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An export in progress: a temporary file in the target's folder, renamed
 * over the target by zb_save_commit() only when it is complete, so that a
 * failure (a full disk, a cancelled export) leaves any older file as it
 * was; removed by zb_save_abort(). Workbooks and charts share it. */
typedef struct {
  char   *path;
  char   *tmp_path;
  int     fd;
  int     write_errno;   /* the first failed write through zb_save_write() */
} ZbSave;

/* Creates the temporary file (empty) beside @path; refuses a folder. */
gboolean zb_save_begin  (ZbSave      *save,
                         const char  *path,
                         GError     **error);
/* Appends to the temporary file; a failure is remembered for commit. */
gboolean zb_save_write  (ZbSave      *save,
                         const void  *data,
                         gsize        len);
/* Renames into place; on failure, as zb_save_abort(). */
gboolean zb_save_commit (ZbSave      *save,
                         GError     **error);
void     zb_save_abort  (ZbSave      *save);

G_END_DECLS
