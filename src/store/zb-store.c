/* zb-store.c — the workspace database; the only place in Zhibiao with SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-store.h"
#include "zb-figure-index.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sqlite3.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

/* 'ZBIT': tells a workspace apart from any other SQLite file. */
#define ZB_STORE_APPLICATION_ID 0x5A424954
/* Long enough for another instance's single-correction transaction, short
 * enough that a clerk is told at once when another instance holds the file. */
#define ZB_STORE_BUSY_TIMEOUT_MS 1500

struct _ZbStore
{
  GObject     parent_instance;
  char       *path;
  sqlite3    *db;
  GHashTable *statements;   /* SQL text → sqlite3_stmt, prepared once */
  int         schema_version;
  char       *author;       /* stored with each correction written here */
};

G_DEFINE_FINAL_TYPE (ZbStore, zb_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Forward migrations: migrations[i] takes user_version i to i + 1. Released
 * steps are never edited, only appended to. */
static const char * const migrations[] = {
  /* 0 → 1 */
  "PRAGMA application_id = 1514293588;"
  "CREATE TABLE reports ("
  "  id INTEGER PRIMARY KEY,"
  "  path TEXT NOT NULL,"
  "  sha256 TEXT NOT NULL UNIQUE,"
  "  title TEXT, region TEXT, period TEXT,"
  "  imported_at INTEGER NOT NULL,"
  "  source BLOB NOT NULL);"
  "CREATE TABLE sections ("
  "  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,"
  "  sid INTEGER NOT NULL, parent INTEGER NOT NULL, level INTEGER NOT NULL,"
  "  number TEXT, title TEXT, line INTEGER NOT NULL, text_offset INTEGER NOT NULL,"
  "  PRIMARY KEY (report_id, sid));"
  "CREATE TABLE figures ("
  "  id INTEGER PRIMARY KEY,"
  "  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  kind TEXT NOT NULL, name TEXT, indicator TEXT, area TEXT,"
  "  value TEXT, unit TEXT, change TEXT, change_unit TEXT, base_value TEXT,"
  "  qualifier TEXT, reference TEXT, period TEXT, target TEXT, gap TEXT, rank TEXT,"
  "  section INTEGER NOT NULL, line INTEGER NOT NULL, offset INTEGER NOT NULL,"
  "  text_offset INTEGER NOT NULL, text_length INTEGER NOT NULL,"
  "  quote TEXT, rule TEXT, confidence REAL);"
  "CREATE TABLE corrections ("
  "  id INTEGER PRIMARY KEY,"
  "  figure_id INTEGER NOT NULL REFERENCES figures(id),"
  "  field TEXT NOT NULL, old TEXT, new TEXT, time INTEGER NOT NULL);"
  "CREATE INDEX figures_by_report ON figures (report_id, position);"
  "CREATE INDEX corrections_by_figure ON corrections (figure_id, id);",

  /* 1 → 2: notes on corrections, figures retired by a re-import (kept for
   * their history), and targets */
  "ALTER TABLE corrections ADD COLUMN note TEXT;"
  "ALTER TABLE figures ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;"
  "CREATE TABLE targets ("
  "  id INTEGER PRIMARY KEY,"
  "  indicator TEXT NOT NULL, year INTEGER NOT NULL,"
  "  growth TEXT, value TEXT, unit TEXT, qualifier TEXT,"
  "  source TEXT NOT NULL DEFAULT 'manual',"
  "  UNIQUE (indicator, year, source));",

  /* 2 → 3: other names the clerk gave indicators */
  "CREATE TABLE aliases ("
  "  alias TEXT PRIMARY KEY,"
  "  indicator TEXT NOT NULL,"
  "  created_at INTEGER);",

  /* 3 → 4: who stored a correction, for the conflict message */
  "ALTER TABLE corrections ADD COLUMN author TEXT;",

  /* 4 → 5: what the parser doubted of a figure (the clerk's review is a
   * correction of the field "reviewed", which older versions do not read:
   * hence the new version); the report's year and region as the clerk set
   * them; targets for an area and a period kind */
  "ALTER TABLE figures ADD COLUMN evidence INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE reports ADD COLUMN clerk_year INTEGER;"
  "ALTER TABLE reports ADD COLUMN clerk_region TEXT;"
  "CREATE TABLE targets_v5 ("
  "  id INTEGER PRIMARY KEY,"
  "  indicator TEXT NOT NULL, year INTEGER NOT NULL,"
  "  area TEXT NOT NULL DEFAULT '', period TEXT NOT NULL DEFAULT '',"
  "  growth TEXT, value TEXT, unit TEXT, qualifier TEXT,"
  "  source TEXT NOT NULL DEFAULT 'manual',"
  "  UNIQUE (indicator, year, area, period, source));"
  "INSERT INTO targets_v5 (id, indicator, year, growth, value, unit, qualifier, source)"
  "  SELECT id, indicator, year, growth, value, unit, qualifier, source FROM targets;"
  "DROP TABLE targets;"
  "ALTER TABLE targets_v5 RENAME TO targets;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == ZB_STORE_SCHEMA_VERSION);

/* Extracted fields stored as columns of figures, by their field names. */
static const ZbField stored_fields[] = {
  ZB_FIELD_KIND, ZB_FIELD_NAME, ZB_FIELD_INDICATOR, ZB_FIELD_AREA,
  ZB_FIELD_VALUE, ZB_FIELD_UNIT, ZB_FIELD_CHANGE, ZB_FIELD_CHANGE_UNIT,
  ZB_FIELD_BASE_VALUE, ZB_FIELD_QUALIFIER, ZB_FIELD_REFERENCE, ZB_FIELD_PERIOD,
  ZB_FIELD_TARGET, ZB_FIELD_GAP, ZB_FIELD_RANK,
};

#define FIGURE_COLUMNS \
  "id, report_id, kind, name, indicator, area, value, unit, change, change_unit, base_value, " \
  "qualifier, reference, period, target, gap, rank, section, line, offset, text_offset, " \
  "text_length, quote, rule, confidence, evidence"
#define FIGURE_FIRST_FIELD_COLUMN 2

/* ---------------------------------------------------------------- errors */

static void
set_db_error (ZbStore     *self,
              GError     **error,
              const char  *what)
{
  int code = sqlite3_extended_errcode (self->db) & 0xff;
  const char *msg = sqlite3_errmsg (self->db);

  /* what was being done, marked N_() where it is named */
  what = _(what);

  switch (code)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, ZB_ERROR, ZB_ERROR_LOCKED,
                   _("The workspace %s is locked by another instance of Zhibiao (%s): "
                   "close it there and try again"), self->path, what);
      break;
    case SQLITE_READONLY:
      g_set_error (error, ZB_ERROR, ZB_ERROR_STORE,
                   _("The workspace %s is read-only (%s): open a copy in a writable folder"),
                   self->path, what);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, ZB_ERROR, ZB_ERROR_STORE,
                   _("The workspace %s is damaged (%s: %s); it was left as it is: "
                   "restore it from a backup"), self->path, what, msg);
      break;
    case SQLITE_FULL:
      g_set_error (error, ZB_ERROR, ZB_ERROR_STORE,
                   _("The disk holding the workspace %s is full (%s)"), self->path, what);
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      g_set_error (error, ZB_ERROR, ZB_ERROR_STORE,
                   _("Cannot read or write the workspace %s (%s: %s)"), self->path, what, msg);
      break;
    default:
      g_set_error (error, ZB_ERROR, ZB_ERROR_STORE,
                   _("Workspace %s: %s failed: %s"), self->path, what, msg);
      break;
    }
}

/* ------------------------------------------------------------ statements */

/* A cached statement, reset and with its bindings cleared. */
static sqlite3_stmt *
prepare (ZbStore     *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (self, error, N_("preparing a query"));
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

static gboolean
exec (ZbStore     *self,
      const char  *sql,
      const char  *what,
      GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      set_db_error (self, error, what);
      return FALSE;
    }
  return TRUE;
}

/* Runs a statement that returns no rows. */
static gboolean
step_done (ZbStore       *self,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      set_db_error (self, error, what);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           col,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_text (stmt, col, text, -1, SQLITE_TRANSIENT);
}

/* Text read back from the workspace. The file is anyone's to edit: what
 * it holds is made clean UTF-8 (zb_utf8_dup_clean) before it reaches a
 * figure, a JSON or a workbook. Paths are the system's bytes and stay. */
static char *
dup_column (sqlite3_stmt *stmt,
            int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return text ? zb_utf8_dup_clean (text, sqlite3_column_bytes (stmt, col)) : NULL;
}

static char *
dup_path_column (sqlite3_stmt *stmt,
                 int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

/* As dup_column, kept in @pool for the caller's scope. */
static const char *
clean_column (sqlite3_stmt *stmt,
              int           col,
              GPtrArray    *pool)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);
  gsize len;

  if (text == NULL)
    return NULL;
  len = sqlite3_column_bytes (stmt, col);
  if (strlen (text) == len && g_utf8_validate_len (text, len, NULL) && zb_utf8_bad_char (text, len) == 0)
    return text;
  g_ptr_array_add (pool, zb_utf8_dup_clean (text, len));
  return g_ptr_array_index (pool, pool->len - 1);
}

static gboolean
begin (ZbStore  *self,
       GError  **error)
{
  /* IMMEDIATE: take the write lock now, so a busy workspace fails before
   * anything has been read and half-applied. */
  return exec (self, "BEGIN IMMEDIATE", N_("starting a transaction"), error);
}

static gboolean
commit (ZbStore  *self,
        GError  **error)
{
  if (!exec (self, "COMMIT", N_("saving"), error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

static void
rollback (ZbStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* ---------------------------------------------------------------- object */

static void
zb_store_finalize (GObject *object)
{
  ZbStore *self = (ZbStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->author, g_free);

  G_OBJECT_CLASS (zb_store_parent_class)->finalize (object);
}

static void
zb_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  ZbStore *self = ZB_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_store_class_init (ZbStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zb_store_finalize;
  object_class->get_property = zb_store_get_property;

  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zb_store_init (ZbStore *self)
{
  g_autofree char *program = g_path_get_basename (g_get_prgname () ? g_get_prgname () : "zhibiao");
  g_autofree char *author = g_strdup_printf ("%s (%s)", g_get_user_name (), program);

  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) sqlite3_finalize);
  /* user and program names are the system's bytes: stored as clean text */
  self->author = zb_utf8_dup_clean (author, -1);
}

const char *
zb_store_get_path (ZbStore *self)
{
  g_return_val_if_fail (ZB_IS_STORE (self), NULL);
  return self->path;
}

int
zb_store_get_schema_version (ZbStore *self)
{
  g_return_val_if_fail (ZB_IS_STORE (self), 0);
  return self->schema_version;
}

char *
zb_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "zhibiao", "workspace.db", NULL);
}

/* ------------------------------------------------------------------ open */

static gboolean
query_int (ZbStore     *self,
           const char  *sql,
           int         *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (self, error, N_("reading the workspace header"));
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_db_error (self, error, N_("reading the workspace header"));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  *out = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

/* A non-empty file must start with the SQLite magic; checked before SQLite
 * sees it so that nothing is ever written to someone else's file. */
static gboolean
check_header (const char  *path,
              gboolean    *exists,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char head[16];
  struct stat st;
  gssize n;
  int fd, saved;

  *exists = FALSE;
  /* without blocking: a FIFO named as the workspace would wait for a writer */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved = errno;
      if (saved == ENOENT)
        return TRUE;
      g_set_error (error, ZB_ERROR, ZB_ERROR_STORE,
                   _("Cannot open the workspace %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      gboolean dir = S_ISDIR (st.st_mode);

      close (fd);
      g_set_error (error, ZB_ERROR, ZB_ERROR_STORE,
                   dir ? "%s is a folder, not a Zhibiao workspace"
                       : "%s is a device, pipe or socket, not a Zhibiao workspace; it was left as it is",
                   path);
      return FALSE;
    }
  do
    n = read (fd, head, sizeof head);
  while (n < 0 && errno == EINTR);
  close (fd);
  *exists = TRUE;
  if (n == 0)
    return TRUE;   /* an empty file, as made by "new workspace" pickers */
  if (n < (gssize) sizeof head || memcmp (head, magic, sizeof magic) != 0)
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_STORE,
                   _("%s is not a Zhibiao workspace (not an SQLite database); it was left as it is"),
                   path);
      return FALSE;
    }
  return TRUE;
}

/* The permission bits count even for root: a clerk who made the file
 * read-only does not want it written. */
static gboolean
writable_by_mode (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) != 0 || (st.st_mode & 0222) != 0;
}

static gboolean
migrate (ZbStore  *self,
         int       from,
         GError  **error)
{
  g_autofree char *set_version = NULL;

  g_return_val_if_fail (from >= 0 && from < ZB_STORE_SCHEMA_VERSION, FALSE);

  if (!begin (self, error))
    return FALSE;
  for (int v = from; v < ZB_STORE_SCHEMA_VERSION; v++)
    {
      g_autofree char *what = g_strdup_printf (_("upgrading the workspace to version %d"), v + 1);

      if (!exec (self, migrations[v], what, error))
        {
          rollback (self);
          return FALSE;
        }
    }
  set_version = g_strdup_printf ("PRAGMA user_version = %d", ZB_STORE_SCHEMA_VERSION);
  if (!exec (self, set_version, N_("upgrading the workspace"), error))
    {
      rollback (self);
      return FALSE;
    }
  return commit (self, error);
}

ZbStore *
zb_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(ZbStore) self = NULL;
  g_autofree char *dir = NULL;
  gboolean exists;
  int version = 0, app_id = 0, n_tables = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_header (path, &exists, error))
    return NULL;

  if (!exists)
    {
      dir = g_path_get_dirname (path);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;
          g_set_error (error, ZB_ERROR, ZB_ERROR_STORE,
                       _("Cannot create the folder %s for the workspace: %s"), dir, g_strerror (saved));
          return NULL;
        }
      if (g_access (dir, W_OK) != 0)
        {
          g_set_error (error, ZB_ERROR, ZB_ERROR_STORE,
                       _("Cannot create the workspace %s: the folder is read-only"), path);
          return NULL;
        }
    }
  else if (g_access (path, W_OK) != 0 || !writable_by_mode (path))
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_STORE,
                   _("The workspace %s is read-only: open a copy in a writable folder"), path);
      return NULL;
    }

  self = g_object_new (ZB_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      if (self->db == NULL)
        {
          g_set_error (error, ZB_ERROR, ZB_ERROR_STORE, _("Cannot open the workspace %s: out of memory"), path);
          return NULL;
        }
      set_db_error (self, error, N_("opening"));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, ZB_STORE_BUSY_TIMEOUT_MS);

  if (!query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "PRAGMA application_id", &app_id, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_master", &n_tables, error))
    return NULL;

  if ((app_id != 0 && app_id != ZB_STORE_APPLICATION_ID) ||
      (app_id == 0 && n_tables > 0))
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_STORE,
                   _("%s is an SQLite database of another program, not a Zhibiao workspace; "
                   "it was left as it is"), path);
      return NULL;
    }
  /* before anything reads the schema or migrates it: the version indexes
   * the migrations */
  if (version < 0)
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_STORE,
                   _("The workspace %s is damaged: its format version is %d, which no Zhibiao writes; "
                   "it was left as it is: restore it from a backup"),
                   path, version);
      return NULL;
    }
  if (version > ZB_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_TOO_NEW,
                   _("The workspace %s was written by a newer Zhibiao (format %d, this one reads up to %d): "
                   "update Zhibiao; the workspace was left as it is"),
                   path, version, ZB_STORE_SCHEMA_VERSION);
      return NULL;
    }

  /* Damage is reported, never repaired: quick_check reads every page. */
  if (version > 0)
    {
      sqlite3_stmt *stmt = NULL;
      g_autofree char *problem = NULL;

      if (sqlite3_prepare_v2 (self->db, "PRAGMA quick_check(1)", -1, &stmt, NULL) != SQLITE_OK)
        {
          set_db_error (self, error, N_("checking"));
          return NULL;
        }
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        problem = dup_column (stmt, 0);
      else
        set_db_error (self, error, N_("checking"));
      sqlite3_finalize (stmt);
      if (problem == NULL)
        return NULL;
      if (!g_str_equal (problem, "ok"))
        {
          /* "*** in database main ***\nPage 2: …" — one line for the status bar */
          g_strdelimit (problem, "\n", ' ');
          g_set_error (error, ZB_ERROR, ZB_ERROR_STORE,
                       _("The workspace %s is damaged (%s); it was left as it is: restore it from a backup"),
                       path, problem);
          return NULL;
        }
    }

  /* FULL: a correction must survive a power cut, not only a crash. */
  if (!exec (self, "PRAGMA journal_mode = WAL", N_("switching to WAL"), error) ||
      !exec (self, "PRAGMA synchronous = FULL", N_("setting durability"), error) ||
      !exec (self, "PRAGMA foreign_keys = ON", N_("enabling foreign keys"), error))
    return NULL;

  if (version < ZB_STORE_SCHEMA_VERSION && !migrate (self, version, error))
    return NULL;
  self->schema_version = ZB_STORE_SCHEMA_VERSION;

  return g_steal_pointer (&self);
}

/* ------------------------------------------------------- figures in rows */

static gboolean
bind_figure (ZbStore       *self,
             sqlite3_stmt  *stmt,
             gint64         report_id,
             guint          position,
             ZbFigure      *figure)
{
  int col = 1;

  sqlite3_bind_int64 (stmt, col++, report_id);
  sqlite3_bind_int64 (stmt, col++, position);
  for (guint i = 0; i < G_N_ELEMENTS (stored_fields); i++)
    {
      g_autofree char *text = zb_figure_dup_original (figure, stored_fields[i]);
      bind_text (stmt, col++, text);
    }
  sqlite3_bind_int (stmt, col++, zb_figure_get_section (figure));
  sqlite3_bind_int64 (stmt, col++, zb_figure_get_line (figure));
  sqlite3_bind_int64 (stmt, col++, zb_figure_get_offset (figure));
  sqlite3_bind_int64 (stmt, col++, zb_figure_get_text_offset (figure));
  sqlite3_bind_int64 (stmt, col++, zb_figure_get_text_length (figure));
  bind_text (stmt, col++, zb_figure_get_quote (figure));
  bind_text (stmt, col++, zb_figure_get_rule (figure));
  sqlite3_bind_double (stmt, col++, zb_figure_get_confidence (figure));
  sqlite3_bind_int64 (stmt, col++, zb_figure_get_evidence (figure));
  return TRUE;
}

static gboolean
insert_figure (ZbStore   *self,
               gint64     report_id,
               guint      position,
               ZbFigure  *figure,
               GError   **error)
{
  sqlite3_stmt *stmt = prepare (self,
    "INSERT INTO figures (report_id, position, kind, name, indicator, area, value, unit, change, "
    "change_unit, base_value, qualifier, reference, period, target, gap, rank, section, line, offset, "
    "text_offset, text_length, quote, rule, confidence, evidence) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", error);

  if (stmt == NULL)
    return FALSE;
  bind_figure (self, stmt, report_id, position, figure);
  if (!step_done (self, stmt, N_("storing a figure"), error))
    return FALSE;
  zb_figure_set_id (figure, sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

static gboolean
number_from_text (const char *text,
                  ZbNumber   *number)
{
  memset (number, 0, sizeof *number);
  return text != NULL && zb_number_parse (text, number, NULL);
}

/* A figure as extracted, from a row selected with FIGURE_COLUMNS. */
static ZbFigure *
figure_from_row (sqlite3_stmt *stmt)
{
  const char *col[ZB_N_FIELDS] = { NULL };
  ZbFigureKind kind = ZB_FIGURE_ACTUAL;
  ZbChangeUnit change_unit = ZB_CHANGE_NONE;
  ZbFigure *figure;
  ZbNumber num;
  guint64 rank;
  int c = FIGURE_FIRST_FIELD_COLUMN;
  g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (stored_fields); i++)
    col[stored_fields[i]] = clean_column (stmt, c++, pool);

  zb_figure_kind_from_string (col[ZB_FIELD_KIND], &kind);
  figure = zb_figure_new (kind, col[ZB_FIELD_NAME]);
  zb_figure_set_indicator (figure, col[ZB_FIELD_INDICATOR]);
  zb_figure_set_area (figure, col[ZB_FIELD_AREA]);
  number_from_text (col[ZB_FIELD_VALUE], &num);
  zb_figure_set_value (figure, &num, col[ZB_FIELD_UNIT]);
  zb_change_unit_from_string (col[ZB_FIELD_CHANGE_UNIT], &change_unit);
  number_from_text (col[ZB_FIELD_CHANGE], &num);
  zb_figure_set_change (figure, &num, change_unit);
  if (number_from_text (col[ZB_FIELD_BASE_VALUE], &num))
    zb_figure_set_base_value (figure, &num);
  zb_figure_set_qualifier (figure, col[ZB_FIELD_QUALIFIER]);
  zb_figure_set_reference (figure, col[ZB_FIELD_REFERENCE]);
  zb_figure_set_period (figure, col[ZB_FIELD_PERIOD]);
  if (number_from_text (col[ZB_FIELD_TARGET], &num))
    zb_figure_set_target (figure, &num);
  if (number_from_text (col[ZB_FIELD_GAP], &num))
    zb_figure_set_gap (figure, &num);
  if (col[ZB_FIELD_RANK] != NULL &&
      g_ascii_string_to_unsigned (col[ZB_FIELD_RANK], 10, 1, 10000, &rank, NULL))
    zb_figure_set_rank (figure, (int) rank);

  zb_figure_set_source (figure,
                        sqlite3_column_int (stmt, c),
                        sqlite3_column_int64 (stmt, c + 1),
                        sqlite3_column_int64 (stmt, c + 2),
                        sqlite3_column_int64 (stmt, c + 3),
                        sqlite3_column_int64 (stmt, c + 4),
                        clean_column (stmt, c + 5, pool));
  zb_figure_set_rule (figure, clean_column (stmt, c + 6, pool),
                      sqlite3_column_double (stmt, c + 7));
  zb_figure_restore_evidence (figure, (ZbEvidence) sqlite3_column_int64 (stmt, c + 8),
                              sqlite3_column_double (stmt, c + 7));
  zb_figure_set_id (figure, sqlite3_column_int64 (stmt, 0));
  return figure;
}

static GPtrArray *
read_corrections (ZbStore  *self,
                  gint64    figure_id,
                  GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) zb_correction_free);
  sqlite3_stmt *stmt = prepare (self,
    "SELECT field, old, new, time, note, author FROM corrections WHERE figure_id = ? ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, figure_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZbCorrection *c = g_new0 (ZbCorrection, 1);
      ZbField field;

      if (!zb_field_from_string ((const char *) sqlite3_column_text (stmt, 0), &field))
        {
          g_set_error (error, ZB_ERROR, ZB_ERROR_STORE,
                       _("The workspace %s holds a correction of an unknown field “%s”"),
                       self->path, (const char *) sqlite3_column_text (stmt, 0));
          g_free (c);
          sqlite3_reset (stmt);
          return NULL;
        }
      c->field = field;
      c->old_value = dup_column (stmt, 1);
      c->new_value = dup_column (stmt, 2);
      c->time = sqlite3_column_int64 (stmt, 3);
      c->note = dup_column (stmt, 4);
      c->author = dup_column (stmt, 5);
      g_ptr_array_add (list, c);
    }
  if (rc != SQLITE_DONE)
    {
      set_db_error (self, error, N_("reading corrections"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

static gboolean
replay_corrections (ZbStore   *self,
                    ZbFigure  *figure,
                    gint64     stored_id,
                    GError   **error)
{
  g_autoptr(GPtrArray) list = read_corrections (self, stored_id, error);

  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    if (!zb_figure_apply_correction (figure, g_ptr_array_index (list, i), error))
      {
        g_prefix_error (error, _("Figure %ld of the workspace: "), (glong) stored_id);
        return FALSE;
      }
  return TRUE;
}

/* The active figures of a report, in document order, corrections applied. */
static GPtrArray *
read_figures (ZbStore  *self,
              gint64    report_id,
              GError  **error)
{
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = prepare (self,
    "SELECT " FIGURE_COLUMNS " FROM figures WHERE report_id = ? AND retired = 0 ORDER BY position, id",
    error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (figures, figure_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      set_db_error (self, error, N_("reading figures"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  /* after the SELECT is done: read_corrections uses another statement */
  for (guint i = 0; i < figures->len; i++)
    {
      ZbFigure *f = g_ptr_array_index (figures, i);
      if (!replay_corrections (self, f, zb_figure_get_id (f), error))
        return NULL;
    }
  return g_steal_pointer (&figures);
}

static gboolean
insert_correction (ZbStore             *self,
                   gint64               figure_id,
                   const ZbCorrection  *c,
                   GError             **error)
{
  sqlite3_stmt *stmt = prepare (self,
    "INSERT INTO corrections (figure_id, field, old, new, time, note, author) VALUES (?,?,?,?,?,?,?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, figure_id);
  bind_text (stmt, 2, zb_field_to_string (c->field));
  bind_text (stmt, 3, c->old_value);
  bind_text (stmt, 4, c->new_value);
  sqlite3_bind_int64 (stmt, 5, c->time);
  bind_text (stmt, 6, c->note);
  bind_text (stmt, 7, c->author ? c->author : self->author);
  return step_done (self, stmt, N_("recording a correction"), error);
}

/* ---------------------------------------------------------------- import */

static gboolean
write_sections (ZbStore   *self,
                gint64     report_id,
                ZbReport  *report,
                GError   **error)
{
  GListModel *sections = zb_report_get_sections (report);
  sqlite3_stmt *del = prepare (self, "DELETE FROM sections WHERE report_id = ?", error);
  sqlite3_stmt *stmt;

  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, report_id);
  if (!step_done (self, del, N_("replacing the outline"), error))
    return FALSE;

  stmt = prepare (self,
    "INSERT INTO sections (report_id, sid, parent, level, number, title, line, text_offset) "
    "VALUES (?,?,?,?,?,?,?,?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(ZbSection) s = g_list_model_get_item (sections, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, report_id);
      sqlite3_bind_int (stmt, 2, zb_section_get_id (s));
      sqlite3_bind_int (stmt, 3, zb_section_get_parent (s));
      sqlite3_bind_int (stmt, 4, zb_section_get_level (s));
      bind_text (stmt, 5, zb_section_get_number (s));
      bind_text (stmt, 6, zb_section_get_title (s));
      sqlite3_bind_int64 (stmt, 7, zb_section_get_line (s));
      sqlite3_bind_int64 (stmt, 8, zb_section_get_text_offset (s));
      if (!step_done (self, stmt, N_("storing the outline"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
update_positions (ZbStore   *self,
                  ZbReport  *report,
                  GError   **error)
{
  GListModel *figures = zb_report_get_figures (report);
  sqlite3_stmt *stmt = prepare (self, "UPDATE figures SET position = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, i);
      sqlite3_bind_int64 (stmt, 2, zb_figure_get_id (f));
      if (!step_done (self, stmt, N_("ordering figures"), error))
        return FALSE;
    }
  return TRUE;
}

/* Same bytes: the stored figures' corrections go onto the fresh ones; stored
 * figures the parser no longer finds (hand-made ones) are put back. */
static gboolean
restore_report (ZbStore   *self,
                gint64     report_id,
                ZbReport  *report,
                GError   **error)
{
  GListModel *figures = zb_report_get_figures (report);
  g_autoptr(GPtrArray) stored = read_figures (self, report_id, error);
  g_autoptr(ZbFigureIndex) index = NULL;
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);
  guint n;

  if (stored == NULL)
    return FALSE;
  index = zb_figure_index_new (stored);
  n = g_list_model_get_n_items (figures);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);
      ZbFigure *match = zb_figure_index_take (index, f);

      if (match == NULL)
        {
          if (!insert_figure (self, report_id, i, f, error))
            return FALSE;
          continue;
        }
      g_hash_table_add (used, match);
      zb_figure_set_id (f, zb_figure_get_id (match));
      for (guint c = 0; c < zb_figure_get_corrections (match)->len; c++)
        if (!zb_figure_apply_correction (f, g_ptr_array_index (zb_figure_get_corrections (match), c), error))
          return FALSE;
    }

  for (guint i = 0; i < stored->len; i++)
    {
      ZbFigure *s = g_ptr_array_index (stored, i);
      guint pos = 0;

      if (g_hash_table_contains (used, s))
        continue;
      /* document order by text offset */
      n = g_list_model_get_n_items (figures);
      while (pos < n)
        {
          g_autoptr(ZbFigure) f = g_list_model_get_item (figures, pos);
          if (zb_figure_get_text_offset (f) > zb_figure_get_text_offset (s))
            break;
          pos++;
        }
      zb_report_insert_figure (report, pos, s);
    }
  return update_positions (self, report, error);
}

/* Changed bytes at a known path: new figures; corrections follow name and
 * quote, hand-made figures follow their quote. */
static gboolean
reimport_report (ZbStore    *self,
                 gint64      report_id,
                 ZbReport   *report,
                 GPtrArray  *uncarried,
                 GError    **error)
{
  GListModel *figures = zb_report_get_figures (report);
  g_autoptr(GPtrArray) old = read_figures (self, report_id, error);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) pairs = g_ptr_array_new ();   /* old, new, old, new… */
  g_autoptr(GPtrArray) remade = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(ZbFigureIndex) index = NULL;
  sqlite3_stmt *retire;

  if (old == NULL)
    return FALSE;
  retire = prepare (self, "UPDATE figures SET retired = 1 WHERE report_id = ? AND retired = 0", error);
  if (retire == NULL)
    return FALSE;
  sqlite3_bind_int64 (retire, 1, report_id);
  if (!step_done (self, retire, N_("retiring old figures"), error))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    g_ptr_array_add (fresh, g_list_model_get_item (figures, i));
  index = zb_figure_index_new (fresh);

  for (guint i = 0; i < old->len; i++)
    {
      ZbFigure *o = g_ptr_array_index (old, i);
      ZbFigure *match;

      if (!zb_figure_index_is_precious (o))
        continue;
      if ((match = zb_figure_index_take (index, o)) != NULL)
        {
          g_ptr_array_add (pairs, o);
          g_ptr_array_add (pairs, match);
        }
      else if ((match = zb_figure_index_remake (report, o)) != NULL)
        g_ptr_array_add (remade, match);
      else if (uncarried != NULL)
        g_ptr_array_add (uncarried, g_object_ref (o));
    }

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);
      if (!insert_figure (self, report_id, i, f, error))
        return FALSE;
    }

  for (guint i = 0; i < pairs->len; i += 2)
    {
      GPtrArray *corrections = zb_figure_get_corrections (g_ptr_array_index (pairs, i));
      ZbFigure *match = g_ptr_array_index (pairs, i + 1);

      for (guint c = 0; c < corrections->len; c++)
        {
          const ZbCorrection *corr = g_ptr_array_index (corrections, c);

          if (!zb_figure_apply_correction (match, corr, error) ||
              !insert_correction (self, zb_figure_get_id (match), corr, error))
            return FALSE;
        }
    }
  /* a remade figure carries its corrections already; only their rows are new */
  for (guint i = 0; i < remade->len; i++)
    {
      ZbFigure *f = g_ptr_array_index (remade, i);
      GPtrArray *corrections = zb_figure_get_corrections (f);

      for (guint c = 0; c < corrections->len; c++)
        if (!insert_correction (self, zb_figure_get_id (f), g_ptr_array_index (corrections, c), error))
          return FALSE;
    }
  return TRUE;
}

static void
clear_ids (ZbReport *report)
{
  GListModel *figures = zb_report_get_figures (report);

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);
      zb_figure_set_id (f, 0);
    }
}

static gboolean
lookup_report (ZbStore     *self,
               const char  *sql,
               const char  *key,
               gint64      *id,
               GError     **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  *id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_db_error (self, error, N_("looking up a report"));
      return FALSE;
    }
  return TRUE;
}

/* The year and region the clerk set for a stored report, onto @report. */
static gboolean
apply_place (ZbStore   *self,
             gint64     id,
             ZbReport  *report,
             GError   **error)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT clerk_year, clerk_region FROM reports WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *region = dup_column (stmt, 1);

      zb_report_set_place (report, sqlite3_column_int (stmt, 0), region);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_db_error (self, error, N_("reading a report"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_locked (ZbStore    *self,
               ZbReport   *report,
               GBytes     *bytes,
               const char *sha,
               gint64     *report_id,
               GPtrArray  *uncarried,
               GError    **error)
{
  const char *path = zb_report_get_path (report);
  g_autofree char *region = zb_report_dup_region (report);
  g_autofree char *period = zb_report_dup_main_period (report);
  gint64 id = 0;
  sqlite3_stmt *stmt;
  gsize len;
  gconstpointer data = g_bytes_get_data (bytes, &len);

  if (!lookup_report (self, "SELECT id FROM reports WHERE sha256 = ?", sha, &id, error))
    return FALSE;
  if (id != 0)
    {
      stmt = prepare (self, "UPDATE reports SET path = ? WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, path);
      sqlite3_bind_int64 (stmt, 2, id);
      if (!step_done (self, stmt, N_("updating a report"), error) ||
          !restore_report (self, id, report, error) ||
          !apply_place (self, id, report, error))
        return FALSE;
      *report_id = id;
      return TRUE;
    }

  if (!lookup_report (self, "SELECT id FROM reports WHERE path = ? ORDER BY id DESC LIMIT 1", path, &id, error))
    return FALSE;
  if (id != 0)
    {
      stmt = prepare (self,
        "UPDATE reports SET sha256 = ?, title = ?, region = ?, period = ?, imported_at = ?, source = ? "
        "WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, sha);
      bind_text (stmt, 2, zb_report_get_title (report));
      bind_text (stmt, 3, region);
      bind_text (stmt, 4, period);
      sqlite3_bind_int64 (stmt, 5, g_get_real_time ());
      sqlite3_bind_blob64 (stmt, 6, data, len, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 7, id);
      if (!step_done (self, stmt, N_("updating a report"), error) ||
          !write_sections (self, id, report, error) ||
          !reimport_report (self, id, report, uncarried, error) ||
          !apply_place (self, id, report, error))
        return FALSE;
      *report_id = id;
      return TRUE;
    }

  stmt = prepare (self,
    "INSERT INTO reports (path, sha256, title, region, period, imported_at, source) VALUES (?,?,?,?,?,?,?)",
    error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, path);
  bind_text (stmt, 2, sha);
  bind_text (stmt, 3, zb_report_get_title (report));
  bind_text (stmt, 4, region);
  bind_text (stmt, 5, period);
  sqlite3_bind_int64 (stmt, 6, g_get_real_time ());
  sqlite3_bind_blob64 (stmt, 7, data, len, SQLITE_STATIC);
  if (!step_done (self, stmt, N_("storing a report"), error))
    return FALSE;
  id = sqlite3_last_insert_rowid (self->db);
  if (!write_sections (self, id, report, error))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (zb_report_get_figures (report)); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (zb_report_get_figures (report), i);
      if (!insert_figure (self, id, i, f, error))
        return FALSE;
    }
  *report_id = id;
  return TRUE;
}

gboolean
zb_store_import_report (ZbStore    *self,
                        ZbReport   *report,
                        gint64     *report_id,
                        GPtrArray **uncarried,
                        GError    **error)
{
  const char *path;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ZbSource) check = NULL;
  g_autoptr(GPtrArray) lost = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sha = NULL;
  ZbSource *source;
  gboolean same;
  gint64 id = 0;

  g_return_val_if_fail (ZB_IS_STORE (self), FALSE);
  g_return_val_if_fail (ZB_IS_REPORT (report), FALSE);

  path = zb_report_get_path (report);
  if (path == NULL)
    {
      g_set_error_literal (error, ZB_ERROR, ZB_ERROR_STORE,
                           _("Only reports read from a file can be added to the workspace"));
      return FALSE;
    }
  /* The workspace keeps the bytes, so that it does not depend on the file
   * staying where it is; they must be the bytes the report was parsed from:
   * the same SHA-256 as its source's — for a .docx or .pdf the bytes are
   * not the text, so the hash is what tells. A source made without one
   * (from text, by a caller) is compared by what its importer makes. */
  file = g_file_new_for_path (path);
  bytes = zb_report_load_file (file, NULL, error);
  if (bytes == NULL)
    {
      g_prefix_error (error, _("%s: "), path);
      return FALSE;
    }
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  source = zb_report_get_source (report);
  if (source != NULL && zb_source_get_sha256 (source) != NULL)
    same = g_str_equal (zb_source_get_sha256 (source), sha);
  else
    {
      check = zb_report_read_source (bytes, path, NULL, NULL, NULL);
      same = check != NULL && g_strcmp0 (check->text, zb_report_get_text (report)) == 0;
    }
  if (!same)
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_STORE,
                   _("%s changed while it was being read: open it again"), path);
      return FALSE;
    }

  if (!begin (self, error))
    return FALSE;
  if (!import_locked (self, report, bytes, sha, &id, lost, error) || !commit (self, error))
    {
      rollback (self);
      clear_ids (report);
      return FALSE;
    }

  if (report_id != NULL)
    *report_id = id;
  if (uncarried != NULL)
    *uncarried = g_steal_pointer (&lost);
  return TRUE;
}

gboolean
zb_store_add_figure (ZbStore   *self,
                     gint64     report_id,
                     ZbFigure  *figure,
                     GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 last = -1;

  g_return_val_if_fail (ZB_IS_STORE (self), FALSE);
  g_return_val_if_fail (ZB_IS_FIGURE (figure), FALSE);

  if (!begin (self, error))
    return FALSE;
  stmt = prepare (self, "SELECT max(position) FROM figures WHERE report_id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, report_id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    last = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (!insert_figure (self, report_id, last + 1, figure, error))
    {
      if ((sqlite3_extended_errcode (self->db) & 0xff) == SQLITE_CONSTRAINT)
        {
          g_clear_error (error);
          g_set_error (error, ZB_ERROR, ZB_ERROR_NOT_FOUND,
                       _("There is no report %ld in the workspace"), (glong) report_id);
        }
      goto fail;
    }
  for (guint i = 0; i < zb_figure_get_corrections (figure)->len; i++)
    if (!insert_correction (self, zb_figure_get_id (figure),
                            g_ptr_array_index (zb_figure_get_corrections (figure), i), error))
      goto fail;
  if (!commit (self, error))
    goto fail;
  return TRUE;

fail:
  rollback (self);
  zb_figure_set_id (figure, 0);
  return FALSE;
}

static char *
format_when (gint64 usec)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);

  return dt ? g_date_time_format (dt, "%Y-%m-%d %H:%M:%S") : g_strdup ("?");
}

/* Inside the write transaction: is @c's old value what the workspace
 * holds for its field? Only a stored correction of the field can make it
 * differ: a field nobody corrected is as extracted, whichever parser
 * version the writer's figure comes from. The stored figure is rebuilt as
 * a reader sees it (extracted values, then every correction) so that the
 * comparison is between the same canonical texts ("pp", "12.50"). */
static gboolean
check_unchanged (ZbStore             *self,
                 gint64               id,
                 const ZbCorrection  *c,
                 GError             **error)
{
  g_autoptr(ZbFigure) stored = NULL;
  g_autofree char *now = NULL;
  const ZbCorrection *last = NULL;
  sqlite3_stmt *stmt;
  GPtrArray *history;
  gboolean retired = FALSE;
  int rc;

  stmt = prepare (self, "SELECT retired FROM figures WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    retired = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_NOT_FOUND,
                   _("There is no figure %ld in the workspace"), (glong) id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      set_db_error (self, error, N_("reading a figure"));
      return FALSE;
    }
  if (retired)
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_CONFLICT,
                   _("Figure %ld was not changed: its report was imported again "
                   "in another window or program since it was read; open the report again"),
                   (glong) id);
      return FALSE;
    }

  stored = zb_store_load_figure (self, id, error);
  if (stored == NULL)
    return FALSE;
  history = zb_figure_get_corrections (stored);
  for (guint i = history->len; i > 0 && last == NULL; i--)
    if (((ZbCorrection *) g_ptr_array_index (history, i - 1))->field == c->field)
      last = g_ptr_array_index (history, i - 1);
  if (last == NULL)
    return TRUE;
  now = zb_figure_dup_field (stored, c->field);
  if (g_strcmp0 (now, c->old_value) == 0)
    return TRUE;

  {
    g_autofree char *when = last ? format_when (last->time) : NULL;
    const char *who = last && last->author ? last->author : _("another window or program");

    g_set_error (error, ZB_ERROR, ZB_ERROR_CONFLICT,
                 _("Figure %ld was not changed: its %s was changed to “%s” by %s at %s "
                 "after it was read (as “%s”); look at it again before correcting it"),
                 (glong) id, zb_field_to_string (c->field), now ? now : _("(empty)"), who,
                 when ? when : "?", c->old_value ? c->old_value : _("(empty)"));
  }
  return FALSE;
}

gboolean
zb_store_record_correction (ZbStore             *self,
                            ZbFigure            *figure,
                            const ZbCorrection  *correction,
                            GError             **error)
{
  gint64 id;

  g_return_val_if_fail (ZB_IS_STORE (self), FALSE);
  g_return_val_if_fail (ZB_IS_FIGURE (figure), FALSE);
  g_return_val_if_fail (correction != NULL && correction->field < ZB_N_FIELDS, FALSE);

  id = zb_figure_get_id (figure);
  if (id <= 0)
    {
      g_set_error_literal (error, ZB_ERROR, ZB_ERROR_NOT_FOUND,
                           _("This figure is not in the workspace: import its report first"));
      return FALSE;
    }
  /* compare and set in one IMMEDIATE transaction: no other writer can come
   * between the check of the old value and the write of the new one */
  if (!begin (self, error))
    return FALSE;
  if (!check_unchanged (self, id, correction, error) ||
      !insert_correction (self, id, correction, error) ||
      !commit (self, error))
    {
      rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------- reading */

void
zb_store_report_free (ZbStoreReport *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info->sha256);
  g_free (info->title);
  g_free (info->region);
  g_free (info->period);
  g_free (info->clerk_region);
  g_free (info);
}

GPtrArray *
zb_store_list_reports (ZbStore  *self,
                       GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) zb_store_report_free);
  sqlite3_stmt *stmt = prepare (self,
    "SELECT r.id, r.path, r.sha256, r.title, r.region, r.period, r.imported_at,"
    " (SELECT count(*) FROM figures f WHERE f.report_id = r.id AND f.retired = 0),"
    " (SELECT count(*) FROM corrections c JOIN figures f ON c.figure_id = f.id"
    "   WHERE f.report_id = r.id AND f.retired = 0 AND c.field <> 'reviewed'),"
    " r.clerk_year, r.clerk_region"
    " FROM reports r ORDER BY r.id", error);
  int rc;

  g_return_val_if_fail (ZB_IS_STORE (self), NULL);

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZbStoreReport *info = g_new0 (ZbStoreReport, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->path = dup_path_column (stmt, 1);
      info->sha256 = dup_column (stmt, 2);
      info->title = dup_column (stmt, 3);
      info->region = dup_column (stmt, 4);
      info->period = dup_column (stmt, 5);
      info->imported_at = sqlite3_column_int64 (stmt, 6);
      info->n_figures = sqlite3_column_int (stmt, 7);
      info->n_corrections = sqlite3_column_int (stmt, 8);
      info->clerk_year = sqlite3_column_int (stmt, 9);
      info->clerk_region = dup_column (stmt, 10);
      g_ptr_array_add (list, info);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_db_error (self, error, N_("listing reports"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

ZbReport *
zb_store_load_report (ZbStore  *self,
                      gint64    report_id,
                      GError  **error)
{
  g_autoptr(ZbReport) report = NULL;
  g_autoptr(ZbSource) source = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *clerk_region = NULL;
  int clerk_year = 0;
  sqlite3_stmt *stmt;
  int rc, expected = 0;

  g_return_val_if_fail (ZB_IS_STORE (self), NULL);

  /* a read transaction, so outline, figures and corrections agree */
  if (!exec (self, "BEGIN", N_("reading a report"), error))
    return NULL;

  stmt = prepare (self, "SELECT path, title, source, sha256, clerk_year, clerk_region FROM reports WHERE id = ?",
                  error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, report_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      path = dup_path_column (stmt, 0);
      title = dup_column (stmt, 1);
      bytes = g_bytes_new (sqlite3_column_blob (stmt, 2), sqlite3_column_bytes (stmt, 2));
      sha = dup_column (stmt, 3);
      clerk_year = sqlite3_column_int (stmt, 4);
      clerk_region = dup_column (stmt, 5);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, ZB_ERROR, ZB_ERROR_NOT_FOUND,
                 _("There is no report %ld in the workspace"), (glong) report_id);
  else
    set_db_error (self, error, N_("reading a report"));
  sqlite3_reset (stmt);
  if (bytes == NULL)
    goto fail;

  /* the stored bytes through the importer of their format: a .docx or
   * .pdf report is its document, not text */
  source = zb_report_read_source (bytes, path, NULL, NULL, error);
  if (source == NULL)
    {
      g_prefix_error (error, _("Report %ld of the workspace %s: "), (glong) report_id, self->path);
      goto fail;
    }
  source->sha256 = g_steal_pointer (&sha);
  report = zb_report_new_unparsed (source);
  zb_report_set_title (report, title);
  zb_report_set_place (report, clerk_year, clerk_region);

  stmt = prepare (self,
    "SELECT sid, parent, level, number, title, line, text_offset FROM sections "
    "WHERE report_id = ? ORDER BY sid", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, report_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func (g_free);
      int sid = sqlite3_column_int (stmt, 0);
      int parent = sqlite3_column_int (stmt, 1);

      /* section ids are positions and parents come first: the outline
       * code walks parents up to the root and must never loop */
      if (sid != expected++ || parent < -1 || parent >= sid)
        {
          sqlite3_reset (stmt);
          g_set_error (error, ZB_ERROR, ZB_ERROR_STORE,
                       _("The workspace %s is damaged (the outline of report %ld is not a tree); it was left as it is: restore it from a backup"),
                       self->path, (glong) report_id);
          goto fail;
        }
      zb_report_take_section (report,
                              zb_section_new (sid, parent,
                                              CLAMP (sqlite3_column_int (stmt, 2), 1, 64),
                                              clean_column (stmt, 3, pool),
                                              clean_column (stmt, 4, pool),
                                              MAX (sqlite3_column_int64 (stmt, 5), 0),
                                              CLAMP (sqlite3_column_int64 (stmt, 6), 0,
                                                     (gint64) source->text_len)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_db_error (self, error, N_("reading an outline"));
      goto fail;
    }

  figures = read_figures (self, report_id, error);
  if (figures == NULL)
    goto fail;
  for (guint i = 0; i < figures->len; i++)
    zb_report_add_figure (report, g_ptr_array_index (figures, i));

  exec (self, "COMMIT", N_("reading a report"), NULL);
  return g_steal_pointer (&report);

fail:
  rollback (self);
  return NULL;
}

ZbFigure *
zb_store_load_figure (ZbStore  *self,
                      gint64    figure_id,
                      GError  **error)
{
  g_autoptr(ZbFigure) figure = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZB_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT " FIGURE_COLUMNS " FROM figures WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, figure_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    figure = figure_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, ZB_ERROR, ZB_ERROR_NOT_FOUND,
                 _("There is no figure %ld in the workspace"), (glong) figure_id);
  else
    set_db_error (self, error, N_("reading a figure"));
  sqlite3_reset (stmt);
  if (figure == NULL || !replay_corrections (self, figure, figure_id, error))
    return NULL;
  return g_steal_pointer (&figure);
}

GPtrArray *
zb_store_history (ZbStore  *self,
                  gint64    figure_id,
                  GError  **error)
{
  g_autoptr(ZbFigure) figure = NULL;

  g_return_val_if_fail (ZB_IS_STORE (self), NULL);

  /* the figure's own replay is its history; loading it also reports a wrong id */
  figure = zb_store_load_figure (self, figure_id, error);
  if (figure == NULL)
    return NULL;
  return read_corrections (self, figure_id, error);
}

gboolean
zb_store_set_report_place (ZbStore     *self,
                           gint64       report_id,
                           int          year,
                           const char  *region,
                           GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (region ? region : ""));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ZB_IS_STORE (self), FALSE);

  if (year != 0 && (year < 1949 || year > 2200))
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_INVALID, _("“%d” is not a plausible year for a report"), year);
      return FALSE;
    }
  if (!zb_utf8_check_input (trimmed, N_("region"), error))
    return FALSE;
  stmt = prepare (self, "UPDATE reports SET clerk_year = ?, clerk_region = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  if (year != 0)
    sqlite3_bind_int (stmt, 1, year);
  else
    sqlite3_bind_null (stmt, 1);
  bind_text (stmt, 2, *trimmed ? trimmed : NULL);
  sqlite3_bind_int64 (stmt, 3, report_id);
  if (!step_done (self, stmt, N_("setting a report's year and region"), error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, report_id);

      g_set_error (error, ZB_ERROR, ZB_ERROR_NOT_FOUND, _("There is no report %s in the workspace"), id);
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------- targets */

gboolean
zb_store_set_target (ZbStore         *self,
                     const ZbTarget  *target,
                     GError         **error)
{
  g_autofree char *growth = NULL;
  g_autofree char *value = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ZB_IS_STORE (self), FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  if (target->indicator == NULL || *target->indicator == '\0')
    {
      g_set_error_literal (error, ZB_ERROR, ZB_ERROR_INVALID, _("A target needs an indicator"));
      return FALSE;
    }
  if (!zb_utf8_check_input (target->indicator, N_("indicator"), error) ||
      !zb_utf8_check_input (target->unit, N_("unit"), error) ||
      !zb_utf8_check_input (target->qualifier, N_("qualifier"), error) ||
      !zb_utf8_check_input (target->source, N_("source"), error))
    return FALSE;
  if (target->year < 1949 || target->year > 2200)
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_INVALID, _("“%d” is not a plausible year for a target"), target->year);
      return FALSE;
    }
  if (!target->growth.set && !target->value.set)
    {
      g_set_error_literal (error, ZB_ERROR, ZB_ERROR_INVALID, _("A target needs a growth rate or a value"));
      return FALSE;
    }

  if (!zb_utf8_check_input (target->area, N_("area"), error) ||
      !zb_utf8_check_input (target->period, N_("period"), error))
    return FALSE;

  growth = zb_number_format (&target->growth);
  value = zb_number_format (&target->value);
  stmt = prepare (self,
    "INSERT INTO targets (indicator, year, area, period, growth, value, unit, qualifier, source) "
    "VALUES (?,?,?,?,?,?,?,?,?) "
    "ON CONFLICT (indicator, year, area, period, source) DO UPDATE SET "
    "growth = excluded.growth, value = excluded.value, unit = excluded.unit, qualifier = excluded.qualifier",
    error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, target->indicator);
  sqlite3_bind_int (stmt, 2, target->year);
  bind_text (stmt, 3, target->area ? target->area : "");
  bind_text (stmt, 4, target->period ? target->period : "");
  bind_text (stmt, 5, growth);
  bind_text (stmt, 6, value);
  bind_text (stmt, 7, target->unit);
  bind_text (stmt, 8, target->qualifier);
  bind_text (stmt, 9, target->source ? target->source : "manual");
  return step_done (self, stmt, N_("storing a target"), error);
}

static ZbTarget *
target_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *indicator = dup_column (stmt, 0);
  ZbTarget *t = zb_target_new (indicator, sqlite3_column_int (stmt, 1));

  number_from_text ((const char *) sqlite3_column_text (stmt, 2), &t->growth);
  number_from_text ((const char *) sqlite3_column_text (stmt, 3), &t->value);
  t->unit = dup_column (stmt, 4);
  t->qualifier = dup_column (stmt, 5);
  g_free (t->source);
  t->source = dup_column (stmt, 6);
  /* "" in the table, so that the key is unique; NULL in a ZbTarget */
  if (sqlite3_column_bytes (stmt, 7) > 0)
    t->area = dup_column (stmt, 7);
  if (sqlite3_column_bytes (stmt, 8) > 0)
    t->period = dup_column (stmt, 8);
  return t;
}

#define TARGET_COLUMNS "indicator, year, growth, value, unit, qualifier, source, area, period"

ZbTarget *
zb_store_get_target (ZbStore     *self,
                     const char  *indicator,
                     int          year,
                     GError     **error)
{
  /* a manual target overrides one read from a report */
  sqlite3_stmt *stmt = prepare (self,
    "SELECT " TARGET_COLUMNS " FROM targets WHERE indicator = ? AND year = ? "
    "ORDER BY source = 'manual' DESC, area = '' AND period = '' DESC, id DESC LIMIT 1", error);
  ZbTarget *t = NULL;
  int rc;

  g_return_val_if_fail (ZB_IS_STORE (self), NULL);

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, indicator);
  sqlite3_bind_int (stmt, 2, year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    t = target_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, ZB_ERROR, ZB_ERROR_NOT_FOUND, _("No target for %s in %d"), indicator, year);
  else
    set_db_error (self, error, N_("reading a target"));
  sqlite3_reset (stmt);
  return t;
}

GPtrArray *
zb_store_list_targets (ZbStore  *self,
                       GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) zb_target_free);
  sqlite3_stmt *stmt = prepare (self,
    "SELECT " TARGET_COLUMNS " FROM targets ORDER BY year, indicator, area, period, source", error);
  int rc;

  g_return_val_if_fail (ZB_IS_STORE (self), NULL);

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, target_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_db_error (self, error, N_("listing targets"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
zb_store_remove_target (ZbStore         *self,
                        const ZbTarget  *target,
                        GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ZB_IS_STORE (self), FALSE);
  g_return_val_if_fail (target != NULL && target->indicator != NULL, FALSE);

  stmt = prepare (self,
    "DELETE FROM targets WHERE indicator = ? AND year = ? AND area = ? AND period = ? AND source = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, target->indicator);
  sqlite3_bind_int (stmt, 2, target->year);
  bind_text (stmt, 3, target->area ? target->area : "");
  bind_text (stmt, 4, target->period ? target->period : "");
  bind_text (stmt, 5, target->source ? target->source : "manual");
  if (!step_done (self, stmt, N_("removing a target"), error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_NOT_FOUND,
                   _("No typed target for %s in %d in the workspace"), target->indicator, target->year);
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------- aliases */

void
zb_store_alias_free (ZbStoreAlias *alias)
{
  if (alias == NULL)
    return;
  g_free (alias->alias);
  g_free (alias->indicator);
  g_free (alias);
}

gboolean
zb_store_set_alias (ZbStore     *self,
                    const char  *alias,
                    const char  *indicator,
                    GError     **error)
{
  g_autofree char *a = NULL;
  g_autofree char *ind = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ZB_IS_STORE (self), FALSE);

  a = g_strstrip (g_strdup (alias ? alias : ""));
  ind = g_strstrip (g_strdup (indicator ? indicator : ""));
  if (!zb_utf8_check_input (a, N_("alias"), error) || !zb_utf8_check_input (ind, N_("indicator"), error))
    return FALSE;
  if (*a == '\0' || *ind == '\0')
    {
      g_set_error_literal (error, ZB_ERROR, ZB_ERROR_INVALID, _("An alias needs both the other name and the indicator"));
      return FALSE;
    }
  if (g_str_equal (a, ind))
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_INVALID, _("“%s” cannot be an alias of itself"), a);
      return FALSE;
    }

  stmt = prepare (self,
    "INSERT INTO aliases (alias, indicator, created_at) VALUES (?,?,?) "
    "ON CONFLICT (alias) DO UPDATE SET indicator = excluded.indicator, created_at = excluded.created_at",
    error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, a);
  bind_text (stmt, 2, ind);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  return step_done (self, stmt, N_("storing an alias"), error);
}

gboolean
zb_store_remove_alias (ZbStore     *self,
                       const char  *alias,
                       GError     **error)
{
  g_autofree char *a = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ZB_IS_STORE (self), FALSE);

  a = g_strstrip (g_strdup (alias ? alias : ""));
  stmt = prepare (self, "DELETE FROM aliases WHERE alias = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, a);
  if (!step_done (self, stmt, N_("removing an alias"), error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_NOT_FOUND, _("No alias “%s” in the workspace"), a);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
zb_store_list_aliases (ZbStore  *self,
                       GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) zb_store_alias_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZB_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT alias, indicator, created_at FROM aliases ORDER BY alias", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZbStoreAlias *a = g_new0 (ZbStoreAlias, 1);

      a->alias = dup_column (stmt, 0);
      a->indicator = dup_column (stmt, 1);
      a->created_at = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (list, a);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_db_error (self, error, N_("listing aliases"));
      return NULL;
    }
  return g_steal_pointer (&list);
}
