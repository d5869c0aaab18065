/* zb-cli.h — subcommands of zhibiao-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit status: 0 success, 1 usage, 2 the input or workspace could not be used. */
enum {
  ZB_CLI_OK = 0,
  ZB_CLI_USAGE = 1,
  ZB_CLI_FAILED = 2,
};

typedef struct {
  const char *workspace;   /* --workspace W, or NULL */
} ZbCliGlobal;

typedef int (*ZbCliCommand) (const ZbCliGlobal *global, int argc, char **argv);

int zb_cli_extract (const ZbCliGlobal *global, int argc, char **argv);
int zb_cli_bench   (const ZbCliGlobal *global, int argc, char **argv);
int zb_cli_export  (const ZbCliGlobal *global, int argc, char **argv);
int zb_cli_import  (const ZbCliGlobal *global, int argc, char **argv);
int zb_cli_reports (const ZbCliGlobal *global, int argc, char **argv);
int zb_cli_figures (const ZbCliGlobal *global, int argc, char **argv);
int zb_cli_correct (const ZbCliGlobal *global, int argc, char **argv);
int zb_cli_history (const ZbCliGlobal *global, int argc, char **argv);
int zb_cli_review  (const ZbCliGlobal *global, int argc, char **argv);
int zb_cli_targets (const ZbCliGlobal *global, int argc, char **argv);
int zb_cli_aliases (const ZbCliGlobal *global, int argc, char **argv);
int zb_cli_bench_store (const ZbCliGlobal *global, int argc, char **argv);
int zb_cli_chart   (const ZbCliGlobal *global, int argc, char **argv);
int zb_cli_bench_chart (const ZbCliGlobal *global, int argc, char **argv);
int zb_cli_compare (const ZbCliGlobal *global, int argc, char **argv);

typedef struct _ZbStore ZbStore;

/* The workspace of --workspace, else the default one. Only commands that
 * add to it (import, targets set, aliases set) may create it: for any
 * other a missing file is an error, so a mistyped path creates nothing. */
ZbStore *zb_cli_open_workspace (const ZbCliGlobal  *global,
                                gboolean            create,
                                GError            **error);

/* Reads the REPORT… paths (GPtrArray of ZbReport, appended); with --workspace,
 * through the workspace, so the clerk's corrections are applied. */
gboolean zb_cli_load_reports (const ZbCliGlobal  *global,
                              GPtrArray          *paths,
                              GPtrArray          *reports,
                              ZbStore           **store,
                              GError            **error);

typedef struct _ZbLedger ZbLedger;

/* Adds the workspace's aliases and typed targets (when @store is not NULL),
 * then @reports, to @ledger: aliases first, as the ledger files figures
 * under their canonical names when they are added. */
gboolean zb_cli_fill_ledger  (ZbLedger           *ledger,
                              ZbStore            *store,
                              GPtrArray          *reports,
                              GError            **error);

/* Stored text for a TSV cell: "-" when NULL, clean UTF-8, no tabs or newlines. */
char    *zb_cli_cell        (const char *text);

/* Prints "zhibiao-cli: MESSAGE" on one line of stderr and returns ZB_CLI_FAILED. */
int zb_cli_fail    (const char *format, ...) G_GNUC_PRINTF (1, 2);
/* A ZbReportWriteFunc onto stdout. */
gboolean zb_cli_write_stdout (const char *data, gsize len, gpointer user_data);

G_END_DECLS
