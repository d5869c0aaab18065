/* test-store.c — the workspace: durability, re-import, migration and faults
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-store.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

/* Sample text written for these tests. */
static const char sample_v1[] =
  "示例区2030年1-6月经济运行简况\n"
  "\n"
  "一、总体情况\n"
  "上半年，示例区地区生产总值完成123.4亿元，同比增长5.6%。\n"
  "规模以上工业增加值增长7.0%，比一季度提高0.8个百分点。\n"
  "二、消费\n"
  "社会消费品零售总额45.6亿元，增长3.2%。\n";

/* The same report, revised: the retail sentence is gone. */
static const char sample_v2[] =
  "示例区2030年1-6月经济运行简况（修订）\n"
  "\n"
  "一、总体情况\n"
  "上半年，示例区地区生产总值完成123.4亿元，同比增长5.6%。\n"
  "规模以上工业增加值增长7.0%，比一季度提高0.8个百分点。\n"
  "二、消费\n"
  "消费市场平稳。\n";

typedef struct {
  char *dir;
  char *db;
  char *report;
} Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  fx->dir = g_dir_make_tmp ("zb-store-XXXXXX", NULL);
  g_assert_nonnull (fx->dir);
  fx->db = g_build_filename (fx->dir, "test.zhibiao", NULL);
  fx->report = g_build_filename (fx->dir, "report.txt", NULL);
  g_assert_true (g_file_set_contents (fx->report, sample_v1, -1, NULL));
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_chmod (path, 0600);
      g_remove (path);
    }
  g_rmdir (dir);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  g_chmod (fx->dir, 0700);
  remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->db);
  g_free (fx->report);
}

/* A figure made on a quoted span, so the tests do not depend on extraction. */
static ZbFigure *
add_figure (ZbReport   *report,
            const char *quote,
            const char *name,
            const char *value,
            const char *unit)
{
  const char *text = zb_report_get_text (report);
  const char *at = strstr (text, quote);
  ZbFigure *figure;
  ZbNumber number;

  g_assert_nonnull (at);
  figure = zb_report_add_figure_from_span (report, at - text, strlen (quote), name);
  g_assert_nonnull (figure);
  g_assert_true (zb_number_parse (value, &number, NULL));
  zb_figure_set_value (figure, &number, unit);
  return figure;
}

static ZbReport *
parse (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ZbReport *report = zb_report_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return report;
}

static ZbFigure *
find_figure (ZbReport   *report,
             const char *name)
{
  GListModel *figures = zb_report_get_figures (report);

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);
      if (g_strcmp0 (zb_figure_get_name (f), name) == 0)
        return f;
    }
  return NULL;
}

static guint
count_figures (ZbReport   *report,
               const char *name)
{
  GListModel *figures = zb_report_get_figures (report);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);
      n += g_strcmp0 (zb_figure_get_name (f), name) == 0;
    }
  return n;
}

static void
correct_and_record (ZbStore    *store,
                    ZbFigure   *figure,
                    ZbField     field,
                    const char *value,
                    const char *note)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *corrections;

  g_assert_true (zb_figure_correct (figure, field, value, note, &error));
  g_assert_no_error (error);
  corrections = zb_figure_get_corrections (figure);
  g_assert_true (zb_store_record_correction (store, figure,
                                             g_ptr_array_index (corrections, corrections->len - 1),
                                             &error));
  g_assert_no_error (error);
}

/* Imports sample_v1 with two figures; GDP corrected to 124.0 with a note. */
static gint64
import_sample (Fixture *fx,
               gint64  *gdp_id)
{
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(ZbReport) report = parse (fx->report);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) uncarried = NULL;
  ZbFigure *gdp, *retail;
  gint64 id = 0;

  gdp = add_figure (report, "地区生产总值完成123.4亿元", "测试GDP", "123.4", "亿元");
  retail = add_figure (report, "社会消费品零售总额45.6亿元", "测试社零", "45.6", "亿元");

  store = zb_store_open (fx->db, &error);
  g_assert_no_error (error);
  g_assert_true (zb_store_import_report (store, report, &id, &uncarried, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (uncarried->len, ==, 0);
  g_assert_cmpint (zb_figure_get_id (gdp), >, 0);
  g_assert_cmpint (zb_figure_get_id (retail), >, 0);
  g_assert_cmpint (zb_figure_get_id (gdp), !=, zb_figure_get_id (retail));

  correct_and_record (store, gdp, ZB_FIELD_VALUE, "124.0", "按统计局终审数");
  correct_and_record (store, retail, ZB_FIELD_UNIT, "万元", NULL);
  correct_and_record (store, retail, ZB_FIELD_UNIT, "亿元", "撤销");
  if (gdp_id)
    *gdp_id = zb_figure_get_id (gdp);
  return id;
}

static void
test_roundtrip (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(ZbReport) loaded = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *original = NULL;
  g_autofree char *json = NULL;
  g_autofree char *id_key = NULL;
  ZbStoreReport *info;
  ZbCorrection *c;
  ZbFigure *gdp;
  gint64 gdp_id = 0;
  gint64 id = import_sample (fx, &gdp_id);

  store = zb_store_open (fx->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zb_store_get_schema_version (store), ==, ZB_STORE_SCHEMA_VERSION);

  reports = zb_store_list_reports (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 1);
  info = g_ptr_array_index (reports, 0);
  g_assert_cmpint (info->id, ==, id);
  g_assert_cmpstr (info->region, ==, "示例区");
  g_assert_cmpuint (info->n_figures, >=, 2);
  g_assert_cmpuint (info->n_corrections, ==, 3);
  g_assert_cmpuint (strlen (info->sha256), ==, 64);

  loaded = zb_store_load_report (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zb_report_get_text (loaded), ==, sample_v1);
  gdp = find_figure (loaded, "测试GDP");
  g_assert_nonnull (gdp);
  g_assert_cmpint (zb_figure_get_id (gdp), ==, gdp_id);
  value = zb_figure_dup_field (gdp, ZB_FIELD_VALUE);
  original = zb_figure_dup_original (gdp, ZB_FIELD_VALUE);
  g_assert_cmpstr (value, ==, "124.0");
  g_assert_cmpstr (original, ==, "123.4");
  g_assert_cmpstr (zb_figure_get_quote (gdp), ==, "地区生产总值完成123.4亿元");
  g_assert_cmpuint (g_list_model_get_n_items (zb_report_get_sections (loaded)), >, 0);

  json = zb_report_to_json (loaded, ZB_JSON_IDS);
  id_key = g_strdup_printf ("\"id\": %" G_GINT64_FORMAT, gdp_id);
  g_assert_nonnull (strstr (json, id_key));
  g_assert_nonnull (strstr (json, "124.0"));

  history = zb_store_history (store, gdp_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  c = g_ptr_array_index (history, 0);
  g_assert_cmpint (c->field, ==, ZB_FIELD_VALUE);
  g_assert_cmpstr (c->old_value, ==, "123.4");
  g_assert_cmpstr (c->new_value, ==, "124.0");
  g_assert_cmpstr (c->note, ==, "按统计局终审数");
  g_assert_cmpint (c->time, >, 0);

  g_clear_pointer (&history, g_ptr_array_unref);
  history = zb_store_history (store, 999999, &error);
  g_assert_null (history);
  g_assert_error (error, ZB_ERROR, ZB_ERROR_NOT_FOUND);
}

static void
test_same_hash_restores (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(ZbReport) fresh = NULL;
  g_autoptr(GPtrArray) uncarried = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *unit = NULL;
  ZbFigure *gdp, *retail;
  gint64 gdp_id = 0, id2 = 0;
  gint64 id = import_sample (fx, &gdp_id);

  store = zb_store_open (fx->db, &error);
  g_assert_no_error (error);

  /* re-opening the file: the parser finds GDP again; retail was made by hand */
  fresh = parse (fx->report);
  gdp = add_figure (fresh, "地区生产总值完成123.4亿元", "测试GDP", "123.4", "亿元");
  g_assert_true (zb_store_import_report (store, fresh, &id2, &uncarried, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id2, ==, id);
  g_assert_cmpuint (uncarried->len, ==, 0);

  g_assert_cmpint (zb_figure_get_id (gdp), ==, gdp_id);
  value = zb_figure_dup_field (gdp, ZB_FIELD_VALUE);
  g_assert_cmpstr (value, ==, "124.0");
  g_assert_cmpuint (count_figures (fresh, "测试GDP"), ==, 1);

  retail = find_figure (fresh, "测试社零");
  g_assert_nonnull (retail);
  g_assert_cmpint (zb_figure_get_id (retail), >, 0);
  unit = zb_figure_dup_field (retail, ZB_FIELD_UNIT);
  g_assert_cmpstr (unit, ==, "亿元");
  g_assert_cmpuint (zb_figure_get_corrections (retail)->len, ==, 2);
}

static void
test_changed_file_carries (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(ZbReport) fresh = NULL;
  g_autoptr(ZbReport) loaded = NULL;
  g_autoptr(GPtrArray) uncarried = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  ZbFigure *gdp, *lost;
  gint64 old_gdp_id = 0, id2 = 0;
  gint64 id = import_sample (fx, &old_gdp_id);
  ZbFigure *industry;

  store = zb_store_open (fx->db, &error);
  g_assert_no_error (error);

  /* a figure made by hand later, on a sentence the revision keeps */
  {
    g_autoptr(ZbReport) before = zb_store_load_report (store, id, &error);
    ZbFigure *f;

    g_assert_no_error (error);
    f = add_figure (before, "规模以上工业增加值增长7.0%", "测试工业", "7.0", "%");
    g_assert_true (zb_store_add_figure (store, id, f, &error));
    g_assert_no_error (error);
    g_assert_cmpint (zb_figure_get_id (f), >, 0);
    correct_and_record (store, f, ZB_FIELD_PERIOD, "1-6月", "手工补录");
  }
  g_assert_true (g_file_set_contents (fx->report, sample_v2, -1, NULL));

  fresh = parse (fx->report);
  gdp = add_figure (fresh, "地区生产总值完成123.4亿元", "测试GDP", "123.4", "亿元");
  g_assert_true (zb_store_import_report (store, fresh, &id2, &uncarried, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id2, ==, id);

  /* GDP kept its name and quote: the correction follows it */
  g_assert_cmpint (zb_figure_get_id (gdp), >, 0);
  g_assert_cmpint (zb_figure_get_id (gdp), !=, old_gdp_id);
  value = zb_figure_dup_field (gdp, ZB_FIELD_VALUE);
  g_assert_cmpstr (value, ==, "124.0");
  history = zb_store_history (store, zb_figure_get_id (gdp), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (((ZbCorrection *) g_ptr_array_index (history, 0))->note, ==, "按统计局终审数");

  /* the hand-made figure follows its quote to the new text */
  industry = find_figure (fresh, "测试工业");
  g_assert_nonnull (industry);
  g_assert_cmpint (zb_figure_get_id (industry), >, 0);
  g_assert_cmpstr (zb_figure_get_period (industry), ==, "1-6月");
  g_assert_cmpstr (zb_report_get_text (fresh) + zb_figure_get_text_offset (industry), ==,
                   strstr (sample_v2, "规模以上工业增加值增长7.0%"));

  /* the retail sentence is gone: listed, not silently dropped */
  g_assert_cmpuint (uncarried->len, ==, 1);
  lost = g_ptr_array_index (uncarried, 0);
  g_assert_cmpstr (zb_figure_get_name (lost), ==, "测试社零");
  g_assert_cmpuint (zb_figure_get_corrections (lost)->len, ==, 2);

  /* the old figure's audit trail is still there */
  g_clear_pointer (&history, g_ptr_array_unref);
  history = zb_store_history (store, old_gdp_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);

  loaded = zb_store_load_report (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zb_report_get_text (loaded), ==, sample_v2);
  g_assert_null (find_figure (loaded, "测试社零"));
  g_assert_nonnull (find_figure (loaded, "测试GDP"));
  g_assert_cmpstr (zb_figure_get_period (find_figure (loaded, "测试工业")), ==, "1-6月");

  reports = zb_store_list_reports (store, &error);
  g_assert_cmpuint (reports->len, ==, 1);
  g_assert_cmpuint (((ZbStoreReport *) g_ptr_array_index (reports, 0))->n_corrections, ==, 2);
}

/* The correction must be on disk when record_correction returns: the child
 * dies by SIGKILL right after, with no chance to flush or close anything. */
static void
test_crash (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(ZbFigure) figure = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  gint64 gdp_id = 0;
  int status = 0;
  pid_t pid;

  import_sample (fx, &gdp_id);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      ZbStore *child_store = zb_store_open (fx->db, NULL);
      ZbFigure *f;
      GPtrArray *corrections;

      if (child_store == NULL)
        _exit (3);
      f = zb_store_load_figure (child_store, gdp_id, NULL);
      if (f == NULL || !zb_figure_correct (f, ZB_FIELD_VALUE, "125.5", "崩溃前的修改", NULL))
        _exit (4);
      corrections = zb_figure_get_corrections (f);
      if (!zb_store_record_correction (child_store, f,
                                       g_ptr_array_index (corrections, corrections->len - 1), NULL))
        _exit (5);
      kill (getpid (), SIGKILL);
      _exit (6);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  store = zb_store_open (fx->db, &error);
  g_assert_no_error (error);
  history = zb_store_history (store, gdp_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (((ZbCorrection *) g_ptr_array_index (history, 1))->new_value, ==, "125.5");
  g_assert_cmpstr (((ZbCorrection *) g_ptr_array_index (history, 1))->note, ==, "崩溃前的修改");
  figure = zb_store_load_figure (store, gdp_id, &error);
  g_assert_no_error (error);
  value = zb_figure_dup_field (figure, ZB_FIELD_VALUE);
  g_assert_cmpstr (value, ==, "125.5");
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("SQL failed: %s: %s", sql, msg);
}

/* The version-1 layout as it was released, written by the tests themselves. */
static const char v1_schema[] =
  "PRAGMA application_id = 1514293588;"
  "CREATE TABLE reports (id INTEGER PRIMARY KEY, path TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE,"
  "  title TEXT, region TEXT, period TEXT, imported_at INTEGER NOT NULL, source BLOB NOT NULL);"
  "CREATE TABLE sections (report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,"
  "  sid INTEGER NOT NULL, parent INTEGER NOT NULL, level INTEGER NOT NULL, number TEXT, title TEXT,"
  "  line INTEGER NOT NULL, text_offset INTEGER NOT NULL, PRIMARY KEY (report_id, sid));"
  "CREATE TABLE figures (id INTEGER PRIMARY KEY,"
  "  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE, position INTEGER NOT NULL,"
  "  kind TEXT NOT NULL, name TEXT, indicator TEXT, area TEXT, value TEXT, unit TEXT, change TEXT,"
  "  change_unit TEXT, base_value TEXT, qualifier TEXT, reference TEXT, period TEXT, target TEXT,"
  "  gap TEXT, rank TEXT, section INTEGER NOT NULL, line INTEGER NOT NULL, offset INTEGER NOT NULL,"
  "  text_offset INTEGER NOT NULL, text_length INTEGER NOT NULL, quote TEXT, rule TEXT, confidence REAL);"
  "CREATE TABLE corrections (id INTEGER PRIMARY KEY, figure_id INTEGER NOT NULL REFERENCES figures(id),"
  "  field TEXT NOT NULL, old TEXT, new TEXT, time INTEGER NOT NULL);"
  "CREATE INDEX figures_by_report ON figures (report_id, position);"
  "CREATE INDEX corrections_by_figure ON corrections (figure_id, id);";

static void
test_migrate_v1 (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(ZbReport) report = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(ZbTarget) target = NULL;
  g_autoptr(ZbTarget) got = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  ZbFigure *figure;

  g_assert_cmpint (sqlite3_open (fx->db, &db), ==, SQLITE_OK);
  raw_exec (db, v1_schema);
  raw_exec (db,
    "INSERT INTO sections VALUES (1, 0, -1, 1, '一、', '总体情况', 3, 40);"
    "INSERT INTO figures (id, report_id, position, kind, name, value, unit, change, change_unit,"
    "  section, line, offset, text_offset, text_length, quote, rule, confidence)"
    "  VALUES (7, 1, 0, 'actual', '旧版GDP', '123.4', '亿元', '5.6', '%', 0, 4, 50, 50, 30,"
    "  '地区生产总值完成123.4亿元', 'manual', 1.0);"
    "INSERT INTO corrections (figure_id, field, old, new, time) VALUES (7, 'value', '123.4', '123.9', 1700000000000000);"
    "PRAGMA user_version = 1;");
  g_assert_cmpint (sqlite3_prepare_v2 (db,
    "INSERT INTO reports (id, path, sha256, title, imported_at, source) VALUES (1, ?, ?, '旧版报告', 1, ?)",
    -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, fx->report, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, "0000000000000000000000000000000000000000000000000000000000000000", -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 3, sample_v1, strlen (sample_v1), SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  store = zb_store_open (fx->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zb_store_get_schema_version (store), ==, ZB_STORE_SCHEMA_VERSION);

  history = zb_store_history (store, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_null (((ZbCorrection *) g_ptr_array_index (history, 0))->note);

  report = zb_store_load_report (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zb_report_get_title (report), ==, "旧版报告");
  figure = find_figure (report, "旧版GDP");
  g_assert_nonnull (figure);
  value = zb_figure_dup_field (figure, ZB_FIELD_VALUE);
  g_assert_cmpstr (value, ==, "123.9");
  g_assert_cmpint (zb_figure_get_change_unit (figure), ==, ZB_CHANGE_PERCENT);

  /* version 2 features work on the migrated file */
  correct_and_record (store, figure, ZB_FIELD_UNIT, "万元", "迁移后");
  target = zb_target_new ("地区生产总值", 2030);
  g_assert_true (zb_number_parse ("6.0", &target->growth, NULL));
  g_assert_true (zb_store_set_target (store, target, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = zb_store_open (fx->db, &error);
  g_assert_no_error (error);
  got = zb_store_get_target (store, "地区生产总值", 2030, &error);
  g_assert_no_error (error);
  g_assert_true (got->growth.set);
  g_assert_cmpfloat (got->growth.value, ==, 6.0);
}

/* A version-2 workspace (v1 plus its released 1 → 2 step) with a typed
 * target and a noted correction becomes version 3 and keeps them. */
static void
test_migrate_v2 (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(ZbTarget) got = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) aliases = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = 0;

  g_assert_cmpint (sqlite3_open (fx->db, &db), ==, SQLITE_OK);
  raw_exec (db, v1_schema);
  raw_exec (db,
    "ALTER TABLE corrections ADD COLUMN note TEXT;"
    "ALTER TABLE figures ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;"
    "CREATE TABLE targets (id INTEGER PRIMARY KEY, indicator TEXT NOT NULL, year INTEGER NOT NULL,"
    "  growth TEXT, value TEXT, unit TEXT, qualifier TEXT, source TEXT NOT NULL DEFAULT 'manual',"
    "  UNIQUE (indicator, year, source));"
    "INSERT INTO reports (id, path, sha256, title, imported_at, source)"
    "  VALUES (1, '/nowhere/v2.txt', 'ab', '二版报告', 1, X'');"
    "INSERT INTO figures (id, report_id, position, kind, name, value, unit,"
    "  section, line, offset, text_offset, text_length, quote)"
    "  VALUES (3, 1, 0, 'actual', '粮食产量', '50', '万吨', 0, 1, 0, 0, 8, '粮食产量50万吨');"
    "INSERT INTO corrections (figure_id, field, old, new, time, note)"
    "  VALUES (3, 'value', '50', '52', 1700000000000000, '核对年报');"
    "INSERT INTO targets (indicator, year, growth, qualifier) VALUES ('粮食产量', 2027, '1.5', '以上');"
    "PRAGMA user_version = 2;");
  sqlite3_close (db);

  store = zb_store_open (fx->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zb_store_get_schema_version (store), ==, ZB_STORE_SCHEMA_VERSION);

  got = zb_store_get_target (store, "粮食产量", 2027, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (got->growth.value, ==, 1.5);
  g_assert_cmpstr (got->qualifier, ==, "以上");
  history = zb_store_history (store, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (((ZbCorrection *) g_ptr_array_index (history, 0))->note, ==, "核对年报");
  /* written before corrections named their author */
  g_assert_null (((ZbCorrection *) g_ptr_array_index (history, 0))->author);

  aliases = zb_store_list_aliases (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (aliases->len, ==, 0);
  g_assert_true (zb_store_set_alias (store, "粮产", "粮食产量", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* on disk as the current version, the alias with it */
  g_assert_cmpint (sqlite3_open (fx->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT indicator FROM aliases WHERE alias = '粮产'", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "粮食产量");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (version, ==, ZB_STORE_SCHEMA_VERSION);
}

static void
test_aliases (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  ZbStoreAlias *a;
  gint64 before = g_get_real_time ();

  store = zb_store_open (fx->db, &error);
  g_assert_no_error (error);

  g_assert_true (zb_store_set_alias (store, " 社零 ", "社会消费品零售总额", &error));
  g_assert_true (zb_store_set_alias (store, "GDP", "地区生产总值", &error));
  /* setting again points the alias elsewhere */
  g_assert_true (zb_store_set_alias (store, "社零", "社会消费品零售总额（限额以上）", &error));
  g_assert_no_error (error);

  /* refused, nothing written */
  g_assert_false (zb_store_set_alias (store, "", "地区生产总值", &error));
  g_assert_error (error, ZB_ERROR, ZB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (zb_store_set_alias (store, "地区生产总值", " 地区生产总值", &error));
  g_assert_error (error, ZB_ERROR, ZB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (zb_store_set_alias (store, "外贸", "  ", &error));
  g_assert_error (error, ZB_ERROR, ZB_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&store);

  /* survives closing */
  store = zb_store_open (fx->db, &error);
  g_assert_no_error (error);
  list = zb_store_list_aliases (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  a = g_ptr_array_index (list, 0);
  g_assert_cmpstr (a->alias, ==, "GDP");
  g_assert_cmpstr (a->indicator, ==, "地区生产总值");
  g_assert_cmpint (a->created_at, >=, before);
  a = g_ptr_array_index (list, 1);
  g_assert_cmpstr (a->alias, ==, "社零");
  g_assert_cmpstr (a->indicator, ==, "社会消费品零售总额（限额以上）");
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (zb_store_remove_alias (store, "GDP", &error));
  g_assert_no_error (error);
  g_assert_false (zb_store_remove_alias (store, "GDP", &error));
  g_assert_error (error, ZB_ERROR, ZB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  list = zb_store_list_aliases (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((ZbStoreAlias *) g_ptr_array_index (list, 0))->alias, ==, "社零");
}

static GBytes *
read_bytes (const char *path)
{
  char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_bytes_new_take (data, len);
}

static void
assert_refused (const char *path,
                int         code,
                const char *words)
{
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbStore) store = zb_store_open (path, &error);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_null (store);
  g_assert_error (error, ZB_ERROR, code);
  g_assert_nonnull (strstr (error->message, words));
  g_assert_null (strchr (error->message, '\n'));
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_not_sqlite (Fixture       *fx,
                 gconstpointer  data)
{
  sqlite3 *db = NULL;
  g_autofree char *other = g_build_filename (fx->dir, "other.db", NULL);

  g_assert_true (g_file_set_contents (fx->db, "这不是数据库，而是一段文字。\n", -1, NULL));
  assert_refused (fx->db, ZB_ERROR_STORE, "not an SQLite database");

  /* a short file */
  g_assert_true (g_file_set_contents (fx->db, "SQLite", -1, NULL));
  assert_refused (fx->db, ZB_ERROR_STORE, "not an SQLite database");

  /* SQLite, but some other program's */
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  raw_exec (db, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hello');");
  sqlite3_close (db);
  assert_refused (other, ZB_ERROR_STORE, "another program");
}

static void
test_too_new (Fixture       *fx,
              gconstpointer  data)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fx->db, &db), ==, SQLITE_OK);
  raw_exec (db, "PRAGMA application_id = 1514293588; CREATE TABLE future (x); PRAGMA user_version = 99;");
  sqlite3_close (db);
  assert_refused (fx->db, ZB_ERROR_TOO_NEW, "newer Zhibiao");
}

static void
test_corrupt (Fixture       *fx,
              gconstpointer  data)
{
  g_autofree char *bytes = NULL;
  gsize len = 0;

  import_sample (fx, NULL);
  g_assert_true (g_file_get_contents (fx->db, &bytes, &len, NULL));
  g_assert_cmpuint (len, >, 8192);
  /* keep the 100-byte header, scramble every b-tree page after the first */
  for (gsize i = 4096; i < len; i++)
    bytes[i] = (char) (0xA5 ^ (i * 31));
  g_assert_true (g_file_set_contents (fx->db, bytes, len, NULL));
  assert_refused (fx->db, ZB_ERROR_STORE, "damaged");
}

/* A format version below zero indexed the migrations out of bounds: it is
 * damage, refused before anything is read or run. */
static void
test_negative_version (Fixture       *fx,
                       gconstpointer  data)
{
  static const int versions[] = { -1, -3, G_MININT };

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = 1514293588; CREATE TABLE t (x);"
                                              "PRAGMA user_version = %d;", versions[i]);
      sqlite3 *db = NULL;

      g_remove (fx->db);
      g_assert_cmpint (sqlite3_open (fx->db, &db), ==, SQLITE_OK);
      raw_exec (db, sql);
      sqlite3_close (db);
      assert_refused (fx->db, ZB_ERROR_STORE, "damaged");
    }
}

/* Two writers (two windows, two processes) on one figure: the second,
 * which read the figure before the first wrote, is refused and told who
 * changed what; nothing of it is written. */
static void
test_compare_and_set (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(ZbStore) one = NULL;
  g_autoptr(ZbStore) two = NULL;
  g_autoptr(ZbFigure) mine = NULL;
  g_autoptr(ZbFigure) theirs = NULL;
  g_autoptr(ZbFigure) fresh = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *corrections;
  gint64 gdp_id = 0;

  import_sample (fx, &gdp_id);
  one = zb_store_open (fx->db, &error);
  g_assert_no_error (error);
  two = zb_store_open (fx->db, &error);
  g_assert_no_error (error);
  mine = zb_store_load_figure (one, gdp_id, &error);
  theirs = zb_store_load_figure (two, gdp_id, &error);
  g_assert_no_error (error);

  correct_and_record (one, mine, ZB_FIELD_VALUE, "125.0", NULL);

  /* theirs still shows 124.0: an undo to 123.4 made on it is refused */
  g_assert_true (zb_figure_correct (theirs, ZB_FIELD_VALUE, "123.4", NULL, &error));
  corrections = zb_figure_get_corrections (theirs);
  g_assert_false (zb_store_record_correction (two, theirs, g_ptr_array_index (corrections, corrections->len - 1),
                                              &error));
  g_assert_error (error, ZB_ERROR, ZB_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "“125.0”"));
  g_test_message ("conflict: %s", error->message);
  g_assert_nonnull (strstr (error->message, "(test-store)"));
  g_assert_null (strchr (error->message, '\n'));
  g_clear_error (&error);

  /* another field of the same figure is not in conflict */
  correct_and_record (two, theirs, ZB_FIELD_UNIT, "万元", NULL);

  history = zb_store_history (one, gdp_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpstr (((ZbCorrection *) g_ptr_array_index (history, 1))->old_value, ==, "124.0");
  g_assert_cmpstr (((ZbCorrection *) g_ptr_array_index (history, 1))->new_value, ==, "125.0");
  g_assert_cmpstr (((ZbCorrection *) g_ptr_array_index (history, 2))->new_value, ==, "万元");
  for (guint i = 0; i < history->len; i++)
    g_assert_true (g_str_has_suffix (((ZbCorrection *) g_ptr_array_index (history, i))->author, "(test-store)"));

  /* read again, the undo goes through */
  fresh = zb_store_load_figure (two, gdp_id, &error);
  g_assert_no_error (error);
  correct_and_record (two, fresh, ZB_FIELD_VALUE, "123.4", NULL);
}

/* A figure whose report was imported again elsewhere is retired: a window
 * that still shows it must not write to it. */
static void
test_conflict_retired (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(ZbFigure) old = NULL;
  g_autoptr(ZbReport) revised = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *corrections;
  gint64 gdp_id = 0;

  import_sample (fx, &gdp_id);
  store = zb_store_open (fx->db, &error);
  g_assert_no_error (error);
  old = zb_store_load_figure (store, gdp_id, &error);
  g_assert_no_error (error);

  g_assert_true (g_file_set_contents (fx->report, sample_v2, -1, NULL));
  revised = parse (fx->report);
  g_assert_true (zb_store_import_report (store, revised, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (zb_figure_correct (old, ZB_FIELD_VALUE, "130.0", NULL, &error));
  corrections = zb_figure_get_corrections (old);
  g_assert_false (zb_store_record_correction (store, old, g_ptr_array_index (corrections, corrections->len - 1),
                                              &error));
  g_assert_error (error, ZB_ERROR, ZB_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "imported again"));
}

typedef struct {
  const char *db;
  gint64      id;
  guint       k;
  guint       stored;
} Writer;

/* Reads the figure, corrects it, writes: as a `zhibiao-cli correct` does. */
static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbStore) store = zb_store_open (w->db, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < 25; i++)
    {
      g_autoptr(ZbFigure) figure = zb_store_load_figure (store, w->id, &error);
      g_autofree char *value = g_strdup_printf ("%u.%u", 200 + w->k, i);
      GPtrArray *corrections;

      g_assert_no_error (error);
      g_assert_true (zb_figure_correct (figure, ZB_FIELD_VALUE, value, NULL, &error));
      corrections = zb_figure_get_corrections (figure);
      if (zb_store_record_correction (store, figure, g_ptr_array_index (corrections, corrections->len - 1), &error))
        w->stored++;
      else
        {
          g_assert_true (g_error_matches (error, ZB_ERROR, ZB_ERROR_CONFLICT) ||
                         g_error_matches (error, ZB_ERROR, ZB_ERROR_LOCKED));
          g_clear_error (&error);
        }
    }
  return NULL;
}

/* Four writers at once: every correction stored follows the one before. */
static void
test_concurrent_writers (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  Writer writers[4];
  GThread *threads[4];
  guint stored = 0;
  gint64 gdp_id = 0;

  import_sample (fx, &gdp_id);
  for (guint k = 0; k < 4; k++)
    {
      writers[k] = (Writer) { fx->db, gdp_id, k, 0 };
      threads[k] = g_thread_new ("writer", writer_thread, &writers[k]);
    }
  for (guint k = 0; k < 4; k++)
    {
      g_thread_join (threads[k]);
      stored += writers[k].stored;
    }

  store = zb_store_open (fx->db, &error);
  g_assert_no_error (error);
  history = zb_store_history (store, gdp_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1 + stored);
  g_assert_cmpuint (stored, >, 0);
  for (guint i = 1; i < history->len; i++)
    g_assert_cmpstr (((ZbCorrection *) g_ptr_array_index (history, i))->old_value, ==,
                     ((ZbCorrection *) g_ptr_array_index (history, i - 1))->new_value);
}

/* An outline whose parents loop is damage: refused, never walked. */
static void
test_damaged_outline (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(ZbReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = import_sample (fx, NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fx->db, &db), ==, SQLITE_OK);
  raw_exec (db, "UPDATE sections SET parent = sid;"
                "UPDATE figures SET name = CAST(X'E6B58B07FF' AS TEXT), unit = CAST(X'1B5B316D' AS TEXT);");
  sqlite3_close (db);
  store = zb_store_open (fx->db, &error);
  g_assert_no_error (error);
  report = zb_store_load_report (store, id, &error);
  g_assert_null (report);
  g_assert_error (error, ZB_ERROR, ZB_ERROR_STORE);
  g_assert_nonnull (strstr (error->message, "outline"));
  g_clear_error (&error);

  /* text read back is clean: no invalid byte, no control character */
  g_assert_cmpint (sqlite3_open (fx->db, &db), ==, SQLITE_OK);
  raw_exec (db, "UPDATE sections SET parent = -1;");
  sqlite3_close (db);
  report = zb_store_load_report (store, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (zb_report_get_figures (report)); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (zb_report_get_figures (report), i);
      const char *name = zb_figure_get_name (f);
      const char *unit = zb_figure_get_unit (f);

      g_assert_true (g_utf8_validate (name, -1, NULL));
      g_assert_cmpuint (zb_utf8_bad_char (name, strlen (name)), ==, 0);
      g_assert_true (unit == NULL || zb_utf8_bad_char (unit, strlen (unit)) == 0);
    }
}

/* Another instance in the middle of writing: reported, not waited on forever. */
static void
test_locked (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(ZbFigure) figure = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  sqlite3 *other = NULL;
  GPtrArray *corrections;
  gint64 gdp_id = 0;

  import_sample (fx, &gdp_id);
  store = zb_store_open (fx->db, &error);
  g_assert_no_error (error);
  figure = zb_store_load_figure (store, gdp_id, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open (fx->db, &other), ==, SQLITE_OK);
  raw_exec (other, "BEGIN IMMEDIATE; INSERT INTO targets (indicator, year, growth) VALUES ('锁', 2030, '1');");

  g_assert_true (zb_figure_correct (figure, ZB_FIELD_VALUE, "130.0", NULL, &error));
  corrections = zb_figure_get_corrections (figure);
  g_assert_false (zb_store_record_correction (store, figure,
                                              g_ptr_array_index (corrections, corrections->len - 1), &error));
  g_assert_error (error, ZB_ERROR, ZB_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "locked by another instance"));
  g_clear_error (&error);

  /* the other instance finishes: the same edit now goes through */
  raw_exec (other, "COMMIT;");
  sqlite3_close (other);
  g_assert_true (zb_store_record_correction (store, figure,
                                             g_ptr_array_index (corrections, corrections->len - 1), &error));
  g_assert_no_error (error);
  history = zb_store_history (store, gdp_id, &error);
  g_assert_cmpuint (history->len, ==, 2);
}

static void
test_read_only (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbStore) store = NULL;
  g_autofree char *inside = g_build_filename (fx->dir, "ro", "new.zhibiao", NULL);
  g_autofree char *ro = g_path_get_dirname (inside);

  /* an existing workspace marked read-only is refused, untouched */
  import_sample (fx, NULL);
  g_assert_cmpint (g_chmod (fx->db, 0444), ==, 0);
  assert_refused (fx->db, ZB_ERROR_STORE, "read-only");
  g_chmod (fx->db, 0644);

  if (geteuid () == 0)
    {
      g_test_skip ("root may create files in a read-only folder");
      return;
    }
  g_assert_cmpint (g_mkdir (ro, 0500), ==, 0);
  store = zb_store_open (inside, &error);
  g_assert_null (store);
  g_assert_error (error, ZB_ERROR, ZB_ERROR_STORE);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_chmod (ro, 0700);
  g_rmdir (ro);
}

static void
test_targets (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbTarget) growth = zb_target_new ("地区生产总值", 2030);
  g_autoptr(ZbTarget) amount = zb_target_new ("固定资产投资", 2030);
  g_autoptr(ZbTarget) empty = zb_target_new ("空目标", 2030);
  g_autoptr(ZbTarget) got = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *text = NULL;

  store = zb_store_open (fx->db, &error);
  g_assert_no_error (error);

  g_assert_true (zb_number_parse ("5.5", &growth->growth, NULL));
  growth->qualifier = g_strdup ("左右");
  g_assert_true (zb_store_set_target (store, growth, &error));
  g_assert_true (zb_number_parse ("300", &amount->value, NULL));
  amount->unit = g_strdup ("亿元");
  g_assert_true (zb_store_set_target (store, amount, &error));
  g_assert_no_error (error);

  /* setting again replaces */
  g_assert_true (zb_number_parse ("6.0", &growth->growth, NULL));
  g_assert_true (zb_store_set_target (store, growth, &error));

  g_assert_false (zb_store_set_target (store, empty, &error));
  g_assert_error (error, ZB_ERROR, ZB_ERROR_INVALID);
  g_clear_error (&error);

  got = zb_store_get_target (store, "地区生产总值", 2030, &error);
  g_assert_no_error (error);
  text = zb_number_format (&got->growth);
  g_assert_cmpstr (text, ==, "6.0");
  g_assert_cmpstr (got->qualifier, ==, "左右");
  g_assert_cmpstr (got->source, ==, "manual");
  g_assert_false (got->value.set);

  list = zb_store_list_targets (store, &error);
  g_assert_cmpuint (list->len, ==, 2);

  g_clear_pointer (&got, zb_target_free);
  got = zb_store_get_target (store, "地区生产总值", 2031, &error);
  g_assert_null (got);
  g_assert_error (error, ZB_ERROR, ZB_ERROR_NOT_FOUND);
}

/* The released steps after version 1, frozen here: a workspace as version
 * 4 wrote it, to migrate from. */
static const char v2_to_v4[] =
  "ALTER TABLE corrections ADD COLUMN note TEXT;"
  "ALTER TABLE figures ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;"
  "CREATE TABLE targets (id INTEGER PRIMARY KEY, indicator TEXT NOT NULL, year INTEGER NOT NULL,"
  "  growth TEXT, value TEXT, unit TEXT, qualifier TEXT, source TEXT NOT NULL DEFAULT 'manual',"
  "  UNIQUE (indicator, year, source));"
  "CREATE TABLE aliases (alias TEXT PRIMARY KEY, indicator TEXT NOT NULL, created_at INTEGER);"
  "ALTER TABLE corrections ADD COLUMN author TEXT;";

/* A version-4 workspace keeps its figures, corrections, typed targets and
 * aliases as version 5, which adds review marks, the report's place and
 * targets by area and period. */
static void
test_migrate_v4 (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(ZbReport) report = NULL;
  g_autoptr(ZbTarget) got = NULL;
  g_autoptr(ZbTarget) quarter = zb_target_new ("粮食产量", 2027);
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  ZbFigure *figure;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fx->db, &db), ==, SQLITE_OK);
  raw_exec (db, v1_schema);
  raw_exec (db, v2_to_v4);
  raw_exec (db,
    "INSERT INTO reports (id, path, sha256, title, region, imported_at, source)"
    "  VALUES (1, '/nowhere/v4.txt', 'ab', '四版报告', '示例区', 1, CAST('粮食产量50万吨。' AS BLOB));"
    "INSERT INTO figures (id, report_id, position, kind, name, value, unit,"
    "  section, line, offset, text_offset, text_length, quote, rule, confidence)"
    "  VALUES (3, 1, 0, 'actual', '粮食产量', '50', '万吨', 0, 1, 0, 0, 0, '', 'level', 0.4);"
    "INSERT INTO corrections (figure_id, field, old, new, time, note, author)"
    "  VALUES (3, 'value', '50', '52', 1700000000000000, '核对年报', 'clerk (zhibiao)');"
    "INSERT INTO targets (indicator, year, growth, qualifier) VALUES ('粮食产量', 2027, '1.5', '以上');"
    "INSERT INTO aliases VALUES ('粮产', '粮食产量', 1);"
    "PRAGMA user_version = 4;");
  sqlite3_close (db);

  store = zb_store_open (fx->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zb_store_get_schema_version (store), ==, 5);

  /* what version 4 held */
  got = zb_store_get_target (store, "粮食产量", 2027, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (got->growth.value, ==, 1.5);
  g_assert_null (got->area);
  g_assert_null (got->period);
  report = zb_store_load_report (store, 1, &error);
  g_assert_no_error (error);
  figure = find_figure (report, "粮食产量");
  g_assert_nonnull (figure);
  g_assert_cmpint (zb_figure_get_evidence (figure), ==, ZB_EVIDENCE_NONE);
  g_assert_cmpfloat (zb_figure_get_confidence (figure), ==, 0.4);
  /* corrected under version 4: reviewed, by the correction */
  g_assert_true (zb_figure_get_reviewed (figure));
  g_assert_false (zb_report_get_place_set (report));

  /* what version 5 adds works on the migrated file */
  correct_and_record (store, figure, ZB_FIELD_REVIEWED, "false", NULL);
  g_assert_true (zb_store_set_report_place (store, 1, 2027, "样例县", &error));
  g_assert_no_error (error);
  g_assert_true (zb_number_parse ("0.5", &quarter->growth, NULL));
  quarter->period = g_strdup ("1-3月");
  g_assert_true (zb_store_set_target (store, quarter, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = zb_store_open (fx->db, &error);
  g_assert_no_error (error);
  history = zb_store_history (store, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpint (((ZbCorrection *) g_ptr_array_index (history, 1))->field, ==, ZB_FIELD_REVIEWED);
  targets = zb_store_list_targets (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (targets->len, ==, 2);
  reports = zb_store_list_reports (store, &error);
  g_assert_cmpint (((ZbStoreReport *) g_ptr_array_index (reports, 0))->clerk_year, ==, 2027);
  g_assert_cmpstr (((ZbStoreReport *) g_ptr_array_index (reports, 0))->clerk_region, ==, "样例县");
  g_clear_object (&report);
  report = zb_store_load_report (store, 1, &error);
  g_assert_no_error (error);
  g_assert_false (zb_figure_get_reviewed (find_figure (report, "粮食产量")));
}

static gboolean
reviewed_in (ZbReport   *report,
             const char *name)
{
  ZbFigure *figure = find_figure (report, name);

  g_assert_nonnull (figure);
  return zb_figure_get_reviewed (figure);
}

/* The review mark is kept like a correction: on disk, in the history with
 * who made it, through an import of the same bytes and of changed ones;
 * the parser's doubt is kept with the figure. */
static void
test_reviewed (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(ZbReport) report = parse (fx->report);
  g_autoptr(ZbReport) again = NULL;
  g_autoptr(ZbReport) fresh = NULL;
  g_autoptr(ZbReport) loaded = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  ZbFigure *gdp, *retail, *industry;
  const ZbCorrection *mark;
  gint64 id = 0;

  gdp = add_figure (report, "地区生产总值完成123.4亿元", "测试GDP", "123.4", "亿元");
  retail = add_figure (report, "社会消费品零售总额45.6亿元", "测试社零", "45.6", "亿元");
  industry = add_figure (report, "规模以上工业增加值增长7.0%", "测试工业", "7.0", "%");
  zb_figure_add_evidence (gdp, ZB_EVIDENCE_NAME_LONG | ZB_EVIDENCE_LIST_MISMATCH);
  zb_figure_add_evidence (industry, ZB_EVIDENCE_MOOD_FRAME | ZB_EVIDENCE_DUPLICATE | ZB_EVIDENCE_NAME_LONG);
  g_assert_true (zb_figure_awaits_review (gdp));
  store = zb_store_open (fx->db, &error);
  g_assert_no_error (error);
  g_assert_true (zb_store_import_report (store, report, &id, NULL, &error));
  g_assert_no_error (error);

  correct_and_record (store, gdp, ZB_FIELD_REVIEWED, "true", NULL);
  /* a correction is a review too */
  correct_and_record (store, retail, ZB_FIELD_UNIT, "万元", NULL);
  g_clear_object (&store);

  store = zb_store_open (fx->db, &error);
  g_assert_no_error (error);
  loaded = zb_store_load_report (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (reviewed_in (loaded, "测试GDP"));
  g_assert_true (reviewed_in (loaded, "测试社零"));
  g_assert_false (reviewed_in (loaded, "测试工业"));
  g_assert_cmpint (zb_figure_get_evidence (find_figure (loaded, "测试GDP")), ==,
                   ZB_EVIDENCE_NAME_LONG | ZB_EVIDENCE_LIST_MISMATCH);
  g_assert_true (zb_figure_needs_review (find_figure (loaded, "测试工业")));
  g_assert_cmpfloat (zb_figure_get_confidence (find_figure (loaded, "测试工业")), ==,
                     zb_figure_get_confidence (industry));

  history = zb_store_history (store, zb_figure_get_id (gdp), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  mark = g_ptr_array_index (history, 0);
  g_assert_cmpint (mark->field, ==, ZB_FIELD_REVIEWED);
  g_assert_cmpstr (mark->new_value, ==, "true");
  g_assert_nonnull (mark->author);
  g_assert_cmpint (mark->time, >, 0);

  /* the same bytes again: the marks are replayed */
  again = parse (fx->report);
  add_figure (again, "地区生产总值完成123.4亿元", "测试GDP", "123.4", "亿元");
  add_figure (again, "规模以上工业增加值增长7.0%", "测试工业", "7.0", "%");
  g_assert_true (zb_store_import_report (store, again, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (reviewed_in (again, "测试GDP"));
  g_assert_false (reviewed_in (again, "测试工业"));

  /* changed bytes: the mark follows its figure, and can be taken back */
  g_assert_true (g_file_set_contents (fx->report, sample_v2, -1, NULL));
  fresh = parse (fx->report);
  add_figure (fresh, "地区生产总值完成123.4亿元", "测试GDP", "123.4", "亿元");
  g_assert_true (zb_store_import_report (store, fresh, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (reviewed_in (fresh, "测试GDP"));
  correct_and_record (store, find_figure (fresh, "测试GDP"), ZB_FIELD_REVIEWED, "false", "再核");
  g_clear_object (&loaded);
  loaded = zb_store_load_report (store, id, &error);
  g_assert_false (reviewed_in (loaded, "测试GDP"));
}

/* The year and region a clerk sets stay with the report, imported again or not. */
static void
test_report_place (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(ZbReport) loaded = NULL;
  g_autoptr(ZbReport) again = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *region = NULL;
  gint64 id = import_sample (fx, NULL);

  store = zb_store_open (fx->db, &error);
  g_assert_no_error (error);
  loaded = zb_store_load_report (store, id, &error);
  g_assert_no_error (error);
  /* what the report says: its title */
  g_assert_cmpint (zb_report_get_year (loaded), ==, 2030);
  region = zb_report_dup_region (loaded);
  g_assert_cmpstr (region, ==, "示例区");

  g_assert_false (zb_store_set_report_place (store, id, 30, NULL, &error));
  g_assert_error (error, ZB_ERROR, ZB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (zb_store_set_report_place (store, id + 100, 2031, NULL, &error));
  g_assert_error (error, ZB_ERROR, ZB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (zb_store_set_report_place (store, id, 2031, " 样例市 ", &error));
  g_assert_no_error (error);

  reports = zb_store_list_reports (store, &error);
  g_assert_cmpint (((ZbStoreReport *) g_ptr_array_index (reports, 0))->clerk_year, ==, 2031);
  g_assert_cmpstr (((ZbStoreReport *) g_ptr_array_index (reports, 0))->region, ==, "示例区");

  g_clear_object (&loaded);
  loaded = zb_store_load_report (store, id, &error);
  g_assert_cmpint (zb_report_get_year (loaded), ==, 2031);
  g_clear_pointer (&region, g_free);
  region = zb_report_dup_region (loaded);
  g_assert_cmpstr (region, ==, "样例市");

  /* opened from the file again */
  g_assert_true (g_file_set_contents (fx->report, sample_v2, -1, NULL));
  again = parse (fx->report);
  g_assert_true (zb_store_import_report (store, again, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (zb_report_get_place_set (again));
  g_assert_cmpint (zb_report_get_year (again), ==, 2031);

  /* back to what the report says */
  g_assert_true (zb_store_set_report_place (store, id, 0, NULL, &error));
  g_clear_object (&loaded);
  loaded = zb_store_load_report (store, id, &error);
  g_assert_false (zb_report_get_place_set (loaded));
  g_assert_cmpint (zb_report_get_year (loaded), ==, 2030);
}

/* Typed targets for a period kind and an area are targets of their own. */
static void
test_targets_keyed (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(ZbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbTarget) year = zb_target_new ("地区生产总值", 2030);
  g_autoptr(ZbTarget) quarter = zb_target_new ("地区生产总值", 2030);
  g_autoptr(ZbTarget) province = zb_target_new ("地区生产总值", 2030);
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *kind = NULL;

  store = zb_store_open (fx->db, &error);
  g_assert_no_error (error);
  g_assert_true (zb_number_parse ("6", &year->growth, NULL));
  g_assert_true (zb_number_parse ("5", &quarter->growth, NULL));
  quarter->period = zb_target_period_kind ("一季度");
  g_assert_cmpstr (quarter->period, ==, "1-3月");
  g_assert_true (zb_number_parse ("5.5", &province->growth, NULL));
  province->area = g_strdup ("全省");
  g_assert_true (zb_store_set_target (store, year, &error));
  g_assert_true (zb_store_set_target (store, quarter, &error));
  g_assert_true (zb_store_set_target (store, province, &error));
  g_assert_no_error (error);
  list = zb_store_list_targets (store, &error);
  g_assert_cmpuint (list->len, ==, 3);

  g_assert_true (zb_store_remove_target (store, quarter, &error));
  g_assert_no_error (error);
  g_assert_false (zb_store_remove_target (store, quarter, &error));
  g_assert_error (error, ZB_ERROR, ZB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = zb_store_list_targets (store, &error);
  g_assert_cmpuint (list->len, ==, 2);
  for (guint i = 0; i < list->len; i++)
    g_assert_null (((ZbTarget *) g_ptr_array_index (list, i))->period);

  /* what the kinds are */
  kind = zb_target_period_kind (NULL);
  g_assert_cmpstr (kind, ==, "全年");
  g_assert_true (zb_target_applies_to_period (quarter, "1-3月"));
  g_assert_true (zb_target_applies_to_period (quarter, "2030年一季度"));
  g_assert_false (zb_target_applies_to_period (quarter, "1-9月"));
  g_assert_false (zb_target_applies_to_period (quarter, NULL));
  g_assert_true (zb_target_applies_to_period (year, "1-9月"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/store/roundtrip", test_roundtrip);
  ADD ("/store/same-hash-restores", test_same_hash_restores);
  ADD ("/store/changed-file-carries", test_changed_file_carries);
  ADD ("/store/crash", test_crash);
  ADD ("/store/migrate-v1", test_migrate_v1);
  ADD ("/store/migrate-v2", test_migrate_v2);
  ADD ("/store/not-sqlite", test_not_sqlite);
  ADD ("/store/too-new", test_too_new);
  ADD ("/store/negative-version", test_negative_version);
  ADD ("/store/compare-and-set", test_compare_and_set);
  ADD ("/store/conflict-retired", test_conflict_retired);
  ADD ("/store/concurrent-writers", test_concurrent_writers);
  ADD ("/store/damaged-outline", test_damaged_outline);
  ADD ("/store/corrupt", test_corrupt);
  ADD ("/store/locked", test_locked);
  ADD ("/store/read-only", test_read_only);
  ADD ("/store/targets", test_targets);
  ADD ("/store/aliases", test_aliases);
  ADD ("/store/migrate-v4", test_migrate_v4);
  ADD ("/store/reviewed", test_reviewed);
  ADD ("/store/report-place", test_report_place);
  ADD ("/store/targets-keyed", test_targets_keyed);
#undef ADD

  return g_test_run ();
}
