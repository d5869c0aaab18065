/* zb-atomic-file.h — a file written beside its place and renamed over it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Workbooks and charts are written to a temporary file in the target's
 * folder and renamed over the target only when complete, so that a failure
 * (a full disk, a cancelled export) leaves any older file as it was. */
typedef struct _ZbAtomicFile ZbAtomicFile;

/* Creates the temporary file (empty) beside @path; refuses a folder. */
ZbAtomicFile *zb_atomic_file_begin         (const char    *path,
                                            GError       **error);
/* Where to write meanwhile. */
const char   *zb_atomic_file_get_temp_path (ZbAtomicFile  *self);
const char   *zb_atomic_file_get_path      (ZbAtomicFile  *self);
/* Renames the temporary file over the target (removing it when that
 * fails), then frees @self. */
gboolean      zb_atomic_file_commit        (ZbAtomicFile  *self,
                                            GError       **error);
/* Removes the temporary file and frees @self; NULL is ignored. */
void          zb_atomic_file_abort         (ZbAtomicFile  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbAtomicFile, zb_atomic_file_abort)

G_END_DECLS
