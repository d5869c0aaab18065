/* zb-ledger.c — the targets ledger: indicator identity, targets and status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-ledger.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "zb-i18n-private.h"
#include "zb-period.h"
#include "zb-vocab-private.h"

struct _ZbLedger
{
  GObject     parent_instance;

  GHashTable *aliases;    /* normalised alias → canonical */
  GHashTable *targets;    /* key → GPtrArray of ZbTarget */
  GPtrArray  *keys;       /* insertion order of the target keys */
  GPtrArray  *actuals;    /* of ZbFigure */
  GHashTable *years;      /* ZbFigure* → default year */
  char       *region;     /* the report's own area, NULL when unknown */
  GHashTable *regions;    /* ZbFigure* → interned region of a report of another region */
  double      threshold;
  /* the gap and progress figures among the actuals (not owned), so that
   * finding a stated gap does not walk every figure for every actual */
  GPtrArray  *stated;
};

G_DEFINE_FINAL_TYPE (ZbLedger, zb_ledger, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_THRESHOLD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Stated gaps and progress further than this from the computed ones are
 * likely misparses. */
#define MISMATCH_PP 0.1

const char *
zb_status_to_string (ZbStatus status)
{
  switch (status)
    {
    case ZB_STATUS_AHEAD: return "ahead";
    case ZB_STATUS_ON_TRACK: return "on-track";
    case ZB_STATUS_BEHIND: return "behind";
    case ZB_STATUS_UNKNOWN:
    default: return "unknown";
    }
}

const char *
zb_status_to_label (ZbStatus    status,
                    const char *language)
{
  switch (status)
    {
    case ZB_STATUS_AHEAD: return zb_i18n_gettext (language, N_("ahead"));
    case ZB_STATUS_ON_TRACK: return zb_i18n_gettext (language, N_("on track"));
    case ZB_STATUS_BEHIND: return zb_i18n_gettext (language, N_("behind"));
    case ZB_STATUS_UNKNOWN:
    default: return zb_i18n_gettext (language, N_("no target"));
    }
}

void
zb_assessment_free (ZbAssessment *a)
{
  if (a == NULL)
    return;
  g_clear_object (&a->figure);
  g_free (a->indicator);
  g_free (a->area);
  g_free (a->place);
  g_free (a);
}

/* Names differ in spaces (full-width too) and in an area prefix that the
 * ledger keeps separately. */
static char *
normalise (const char *name)
{
  static const char *prefixes[] = { "全市", "全省", "全区", "全县", "全州", "全盟" };
  GString *s = g_string_new (NULL);

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x3000)
        continue;
      /* full-width ASCII (ＧＤＰ) to ASCII */
      if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
      g_string_append_unichar (s, c);
    }
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (s->str, prefixes[i]) && s->len > strlen (prefixes[i]))
      {
        g_string_erase (s, 0, strlen (prefixes[i]));
        break;
      }
  return g_string_free (s, FALSE);
}

char *
zb_ledger_dup_canonical (ZbLedger   *self,
                         const char *name)
{
  g_autofree char *norm = NULL;
  const char *canonical;

  g_return_val_if_fail (ZB_IS_LEDGER (self), NULL);

  if (name == NULL)
    return g_strdup ("");
  norm = normalise (name);
  /* aliases may chain (a user alias of an alias); stop on cycles */
  for (guint hops = 0; hops < 8; hops++)
    {
      canonical = g_hash_table_lookup (self->aliases, norm);
      if (canonical == NULL || g_str_equal (canonical, norm))
        break;
      g_free (norm);
      norm = g_strdup (canonical);
    }
  return g_steal_pointer (&norm);
}

void
zb_ledger_add_alias (ZbLedger   *self,
                     const char *alias,
                     const char *canonical)
{
  g_return_if_fail (ZB_IS_LEDGER (self));
  g_return_if_fail (alias != NULL && canonical != NULL);

  g_hash_table_replace (self->aliases, normalise (alias), normalise (canonical));
}

gboolean
zb_ledger_load_aliases (ZbLedger    *self,
                        const char  *text,
                        GError     **error)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_return_val_if_fail (ZB_IS_LEDGER (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_ENCODING, "the alias table is not UTF-8 text");
      return FALSE;
    }
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      g_auto(GStrv) fields = NULL;

      if (*line == '\0' || *line == '#')
        continue;
      fields = g_strsplit (line, "\t", -1);
      if (g_strv_length (fields) != 2 || *g_strstrip (fields[0]) == '\0' || *g_strstrip (fields[1]) == '\0')
        {
          g_set_error (error, ZB_ERROR, ZB_ERROR_INVALID,
                       "alias table line %u: expected “alias<TAB>indicator”", i + 1);
          return FALSE;
        }
      g_ptr_array_add (pairs, g_steal_pointer (&fields));
    }
  /* all or nothing */
  for (guint i = 0; i < pairs->len; i++)
    {
      char **f = g_ptr_array_index (pairs, i);
      zb_ledger_add_alias (self, f[0], f[1]);
    }
  return TRUE;
}

double
zb_ledger_get_threshold (ZbLedger *self)
{
  g_return_val_if_fail (ZB_IS_LEDGER (self), 0.5);
  return self->threshold;
}

void
zb_ledger_set_threshold (ZbLedger *self,
                         double    threshold)
{
  g_return_if_fail (ZB_IS_LEDGER (self));

  threshold = fabs (threshold);
  if (self->threshold != threshold)
    {
      self->threshold = threshold;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THRESHOLD]);
    }
}

static const char *
figure_indicator (ZbFigure *figure)
{
  const char *ind = zb_figure_get_indicator (figure);

  if (ind != NULL && *ind)
    return ind;
  return zb_figure_get_name (figure);
}

static int
figure_year (ZbLedger *self,
             ZbFigure *figure)
{
  ZbPeriod p = { 0 };
  const char *label = zb_figure_get_period (figure);

  if (label != NULL && zb_period_parse (label, &p) && p.year > 0)
    return p.year;
  return GPOINTER_TO_INT (g_hash_table_lookup (self->years, figure));
}

/* Areas: the words for one place (我国, 国家, 全国; 本县, 我县, 全县) made
 * one, spaces dropped. */
static char *
area_words (const char *area)
{
  GString *s = g_string_new (NULL);

  for (const char *p = area ? area : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x3000)
        g_string_append_unichar (s, c);
    }
  if (g_str_equal (s->str, "国家") || g_str_equal (s->str, "我国"))
    g_string_assign (s, "全国");
  /* 我市, 本县: the 全市, 全县 of the text */
  else if ((g_str_has_prefix (s->str, "我") || g_str_has_prefix (s->str, "本")) &&
           g_utf8_strlen (s->str, -1) == 2)
    g_string_overwrite (s, 0, "全");
  return g_string_free (s, FALSE);
}

/* 临江县 is the ledger's own region, and so is its 全县. */
static gboolean
is_own_area (ZbLedger   *self,
             const char *words)
{
  const char *suffix;

  if (self->region == NULL)
    return FALSE;
  if (g_str_equal (words, self->region))
    return TRUE;
  suffix = g_utf8_find_prev_char (self->region, self->region + strlen (self->region));
  return suffix != NULL && g_utf8_strlen (words, -1) == 2 && g_str_has_prefix (words, "全") &&
         g_str_equal (words + strlen ("全"), suffix) &&
         g_utf8_strchr ("市区县州旗盟省", -1, g_utf8_get_char (suffix)) != NULL;
}

/* The area a figure or target is filed under: "" for the report's own; a
 * figure without an area in a report of another region, that region. */
static char *
area_of (ZbLedger   *self,
         const char *area,
         ZbFigure   *figure)
{
  g_autofree char *words = area_words (area);
  const char *other;

  if (*words == '\0' && figure != NULL && (other = g_hash_table_lookup (self->regions, figure)) != NULL)
    return g_strdup (other);
  if (is_own_area (self, words))
    return g_strdup ("");
  return g_steal_pointer (&words);
}

char *
zb_ledger_dup_area (ZbLedger   *self,
                    const char *area)
{
  g_return_val_if_fail (ZB_IS_LEDGER (self), NULL);
  return area_of (self, area, NULL);
}

static char *
make_key (const char *canonical,
          int         year,
          const char *area)
{
  return g_strdup_printf ("%s\x1f%d\x1f%s", canonical, year, area ? area : "");
}

static gboolean
same_target (const ZbTarget *a,
             const ZbTarget *b)
{
  if (a->growth.set != b->growth.set || a->value.set != b->value.set)
    return FALSE;
  if (a->growth.set && fabs (a->growth.value - b->growth.value) > 1e-9)
    return FALSE;
  if (a->value.set && (fabs (a->value.value - b->value.value) > 1e-9 || g_strcmp0 (a->unit, b->unit) != 0))
    return FALSE;
  return TRUE;
}

static void
add_target (ZbLedger *self,
            ZbTarget *target,
            gboolean  by_hand)
{
  g_autofree char *area = area_of (self, target->area, target->figure);
  g_autofree char *key = make_key (target->indicator, target->year, area);
  GPtrArray *list = g_hash_table_lookup (self->targets, key);

  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func ((GDestroyNotify) zb_target_free);
      g_ptr_array_add (self->keys, g_strdup (key));
      g_hash_table_insert (self->targets, g_steal_pointer (&key), list);
    }
  /* the same target read twice (report and speech) is not a conflict */
  for (guint i = 0; i < list->len; i++)
    if (same_target (g_ptr_array_index (list, i), target) &&
        zb_target_same_period (g_ptr_array_index (list, i), target) &&
        (by_hand == (((ZbTarget *) g_ptr_array_index (list, i))->figure == NULL)))
      {
        zb_target_free (target);
        return;
      }
  if (by_hand)
    {
      /* a typed target replaces an earlier typed one for the same period
       * kind, and comes first */
      for (guint i = 0; i < list->len; i++)
        if (((ZbTarget *) g_ptr_array_index (list, i))->figure == NULL &&
            zb_target_same_period (g_ptr_array_index (list, i), target))
          {
            g_ptr_array_remove_index (list, i);
            break;
          }
      g_ptr_array_insert (list, 0, target);
    }
  else
    g_ptr_array_add (list, target);
}

const char *
zb_ledger_get_region (ZbLedger *self)
{
  g_return_val_if_fail (ZB_IS_LEDGER (self), NULL);
  return self->region;
}

void
zb_ledger_set_region (ZbLedger   *self,
                      const char *region)
{
  g_autofree char *words = area_words (region);
  g_autoptr(GPtrArray) all = NULL;

  g_return_if_fail (ZB_IS_LEDGER (self));

  if (g_strcmp0 (self->region, *words ? words : NULL) == 0)
    return;
  g_free (self->region);
  self->region = *words ? g_steal_pointer (&words) : NULL;

  /* targets filed before are filed again: 临江县 may be the own area now */
  all = g_ptr_array_new ();
  for (guint i = 0; i < self->keys->len; i++)
    {
      GPtrArray *list = g_hash_table_lookup (self->targets, g_ptr_array_index (self->keys, i));

      for (guint k = 0; k < list->len; k++)
        g_ptr_array_add (all, g_ptr_array_index (list, k));
      g_ptr_array_set_free_func (list, NULL);
    }
  g_hash_table_remove_all (self->targets);
  g_ptr_array_set_size (self->keys, 0);
  for (guint i = 0; i < all->len; i++)
    {
      ZbTarget *t = g_ptr_array_index (all, i);

      add_target (self, t, t->figure == NULL);
    }
}

void
zb_ledger_set_target (ZbLedger       *self,
                      const char     *indicator,
                      int             year,
                      const char     *area,
                      const ZbNumber *growth,
                      const ZbNumber *value,
                      const char     *unit,
                      const char     *qualifier)
{
  ZbTarget *t;

  g_return_if_fail (ZB_IS_LEDGER (self));
  g_return_if_fail (indicator != NULL);

  t = g_new0 (ZbTarget, 1);
  t->indicator = zb_ledger_dup_canonical (self, indicator);
  t->year = year;
  t->area = g_strdup (area ? area : "");
  if (growth)
    t->growth = *growth;
  if (value)
    t->value = *value;
  t->unit = g_strdup (unit);
  t->qualifier = g_strdup (qualifier);
  add_target (self, t, TRUE);
}

static void
add_target_from_figure (ZbLedger       *self,
                        ZbFigure       *figure,
                        const ZbNumber *growth,
                        const ZbNumber *value,
                        const char     *unit)
{
  ZbTarget *t;
  const char *area = zb_figure_get_area (figure);

  if ((growth == NULL || !growth->set) && (value == NULL || !value->set))
    return;
  t = g_new0 (ZbTarget, 1);
  t->indicator = zb_ledger_dup_canonical (self, figure_indicator (figure));
  t->year = figure_year (self, figure);
  t->area = g_strdup (area ? area : "");
  if (growth)
    t->growth = *growth;
  if (value)
    {
      t->value = *value;
      t->unit = g_strdup (unit);
    }
  t->qualifier = g_strdup (zb_figure_get_qualifier (figure));
  t->figure = g_object_ref (figure);
  /* typed into the Target cell of one row: for that row's kind of period,
   * not for every period of the year */
  if (zb_figure_get_kind (figure) == ZB_FIGURE_ACTUAL && zb_figure_field_is_corrected (figure, ZB_FIELD_TARGET))
    t->period = zb_target_period_kind (zb_figure_get_period (figure));
  add_target (self, t, FALSE);
}

void
zb_ledger_add_figure (ZbLedger *self,
                      ZbFigure *figure,
                      int       year)
{
  g_return_if_fail (ZB_IS_LEDGER (self));
  g_return_if_fail (ZB_IS_FIGURE (figure));

  if (zb_figure_get_deleted (figure))
    return;
  if (year > 0)
    g_hash_table_insert (self->years, g_object_ref (figure), GINT_TO_POINTER (year));

  switch (zb_figure_get_kind (figure))
    {
    case ZB_FIGURE_TARGET:
      {
        const ZbNumber *change = zb_figure_get_change (figure);
        const ZbNumber *growth = NULL;

        if (change->set && zb_figure_get_change_unit (figure) != ZB_CHANGE_PP)
          growth = change;
        else if (zb_figure_get_target (figure)->set)
          growth = zb_figure_get_target (figure);
        add_target_from_figure (self, figure, growth, zb_figure_get_value (figure),
                                zb_figure_get_unit (figure));
      }
      break;

    case ZB_FIGURE_ACTUAL:
      /* "增长8.4%，高于预期目标1.4个百分点" states its target too */
      if (zb_figure_get_target (figure)->set)
        add_target_from_figure (self, figure, zb_figure_get_target (figure), NULL, NULL);
      g_ptr_array_add (self->actuals, g_object_ref (figure));
      break;

    case ZB_FIGURE_GAP:
    case ZB_FIGURE_PROGRESS:
      g_ptr_array_add (self->actuals, g_object_ref (figure));
      g_ptr_array_add (self->stated, figure);
      break;

    default:
      break;
    }
}

/* "2023年…工作报告": the first plausible four-digit year of the title */
static int
title_year (const char *title)
{
  for (const char *p = title; p && *p; p++)
    if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
        g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]) && (p == title || !g_ascii_isdigit (p[-1])))
      {
        int y = atoi (p);
        if (y >= 1950 && y <= 2100)
          return y;
      }
  return 0;
}

void
zb_ledger_add_report (ZbLedger *self,
                      ZbReport *report)
{
  g_autofree char *region = NULL;
  const char *other;
  GListModel *figures;
  int year;

  g_return_if_fail (ZB_IS_LEDGER (self));
  g_return_if_fail (ZB_IS_REPORT (report));

  /* the clerk's when set, else the title's */
  year = zb_report_get_year (report);
  region = zb_report_dup_region (report);
  if (self->region == NULL && region != NULL)
    zb_ledger_set_region (self, region);
  /* another region's figures without an area are that region's */
  other = region != NULL && g_strcmp0 (region, self->region) != 0 ? g_intern_string (region) : NULL;
  figures = zb_report_get_figures (report);
  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(ZbFigure) f = g_list_model_get_item (figures, i);

      if (other != NULL)
        g_hash_table_insert (self->regions, g_object_ref (f), (gpointer) other);
      zb_ledger_add_figure (self, f, year);
    }
}

void
zb_ledger_add_figures (ZbLedger   *self,
                       GPtrArray  *figures,
                       const char *title)
{
  int year;

  g_return_if_fail (ZB_IS_LEDGER (self));
  g_return_if_fail (figures != NULL);

  year = title_year (title);
  for (guint i = 0; i < figures->len; i++)
    zb_ledger_add_figure (self, g_ptr_array_index (figures, i), year);
}

static GPtrArray *
lookup (ZbLedger   *self,
        const char *canonical,
        int         year,
        const char *area)
{
  g_autofree char *key = make_key (canonical, year, area);
  GPtrArray *list = g_hash_table_lookup (self->targets, key);

  /* an undated target (typed without a year) applies to any year */
  if (list == NULL && year != 0)
    {
      g_free (key);
      key = make_key (canonical, 0, area);
      list = g_hash_table_lookup (self->targets, key);
    }
  return list;
}

GPtrArray *
zb_ledger_get_targets (ZbLedger   *self,
                       const char *indicator,
                       int         year,
                       const char *area)
{
  g_autofree char *canonical = NULL;
  g_autofree char *key_area = NULL;
  GPtrArray *list, *ret = g_ptr_array_new ();

  g_return_val_if_fail (ZB_IS_LEDGER (self), ret);

  canonical = zb_ledger_dup_canonical (self, indicator);
  key_area = area_of (self, area, NULL);
  list = lookup (self, canonical, year, key_area);
  for (guint i = 0; list && i < list->len; i++)
    g_ptr_array_add (ret, g_ptr_array_index (list, i));
  return ret;
}

GPtrArray *
zb_ledger_get_conflicts (ZbLedger *self)
{
  GPtrArray *ret = g_ptr_array_new ();

  g_return_val_if_fail (ZB_IS_LEDGER (self), ret);

  for (guint i = 0; i < self->keys->len; i++)
    {
      GPtrArray *list = g_hash_table_lookup (self->targets, g_ptr_array_index (self->keys, i));
      gboolean found = FALSE;

      /* two targets conflict where both apply: a quarter's and the year's
       * typed apart do not */
      for (guint a = 0; a < list->len && !found; a++)
        for (guint b = a + 1; b < list->len && !found; b++)
          if (zb_target_periods_overlap (g_ptr_array_index (list, a), g_ptr_array_index (list, b)))
            {
              g_ptr_array_add (ret, g_ptr_array_index (list, a));
              found = TRUE;
            }
    }
  return ret;
}

GPtrArray *
zb_ledger_list_targets (ZbLedger *self)
{
  GPtrArray *ret = g_ptr_array_new ();

  g_return_val_if_fail (ZB_IS_LEDGER (self), ret);

  for (guint i = 0; i < self->keys->len; i++)
    {
      GPtrArray *list = g_hash_table_lookup (self->targets, g_ptr_array_index (self->keys, i));
      for (guint k = 0; k < list->len; k++)
        g_ptr_array_add (ret, g_ptr_array_index (list, k));
    }
  return ret;
}

double
zb_unit_scale (const char  *unit,
               const char **rest)
{
  static const struct { const char *prefix; double scale; } prefixes[] = {
    { "万亿", 1e12 }, { "亿", 1e8 }, { "千万", 1e7 }, { "百万", 1e6 }, { "万", 1e4 }, { "千", 1e3 },
  };

  *rest = unit ? unit : "";
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (*rest, prefixes[i].prefix) && strlen (*rest) > strlen (prefixes[i].prefix))
      {
        *rest += strlen (prefixes[i].prefix);
        return prefixes[i].scale;
      }
  return 1;
}

static ZbStatus
status_for_gap (ZbLedger *self,
                double    gap_pp)
{
  /* a small epsilon so 0.5 written as 0.5 is "on track" despite rounding */
  if (gap_pp > self->threshold + 1e-9)
    return ZB_STATUS_AHEAD;
  if (gap_pp < -self->threshold - 1e-9)
    return ZB_STATUS_BEHIND;
  return ZB_STATUS_ON_TRACK;
}

/* A separate gap or progress figure about the same indicator, period and area. */
static ZbFigure *
find_stated (ZbLedger     *self,
             ZbFigure     *actual,
             const char   *canonical,
             const char   *area,
             ZbFigureKind  kind)
{
  GPtrArray *candidates = self->stated;

  for (guint i = 0; i < candidates->len; i++)
    {
      ZbFigure *f = g_ptr_array_index (candidates, i);
      g_autofree char *c = NULL;

      if (f == actual || zb_figure_get_kind (f) != kind)
        continue;
      if (kind == ZB_FIGURE_PROGRESS && !zb_figure_get_value (f)->set)
        continue;
      if (kind == ZB_FIGURE_GAP && !zb_figure_get_gap (f)->set &&
          !(zb_figure_get_change (f)->set && zb_figure_get_change_unit (f) == ZB_CHANGE_PP))
        continue;
      /* 高于全省1.2个百分点 is a gap to another area, not to the target */
      if (kind == ZB_FIGURE_GAP && g_strcmp0 (zb_figure_get_reference (f), "benchmark") == 0)
        continue;
      if (g_strcmp0 (zb_figure_get_period (f), zb_figure_get_period (actual)) != 0 ||
          figure_year (self, f) != figure_year (self, actual))
        continue;
      c = zb_ledger_dup_canonical (self, figure_indicator (f));
      if (g_str_equal (c, canonical))
        {
          g_autofree char *fa = area_of (self, zb_figure_get_area (f), f);

          if (g_str_equal (fa, area))
            return f;
        }
    }
  return NULL;
}

ZbAssessment *
zb_ledger_assess (ZbLedger *self,
                  ZbFigure *figure)
{
  ZbAssessment *a;
  GPtrArray *list;
  const ZbNumber *change, *value, *stated_gap;
  ZbFigureKind kind;
  ZbPeriod period = { 0 };

  g_return_val_if_fail (ZB_IS_LEDGER (self), NULL);
  g_return_val_if_fail (ZB_IS_FIGURE (figure), NULL);

  kind = zb_figure_get_kind (figure);
  if (kind == ZB_FIGURE_TARGET)
    return NULL;

  a = g_new0 (ZbAssessment, 1);
  a->figure = g_object_ref (figure);
  a->indicator = zb_ledger_dup_canonical (self, figure_indicator (figure));
  a->year = figure_year (self, figure);
  a->status = ZB_STATUS_UNKNOWN;
  a->gap_pp = a->completion = a->schedule = a->stated = NAN;
  /* a national or provincial figure meets its own area's targets only */
  a->area = area_of (self, zb_figure_get_area (figure), figure);
  a->place = g_strdup (*a->area ? a->area : self->region);

  list = lookup (self, a->indicator, a->year, a->area);
  /* the first target for the figure's kind of period (typed ones come
   * first); the others that apply too make a conflict */
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const ZbTarget *t = g_ptr_array_index (list, i);

      if (!zb_target_applies_to_period (t, zb_figure_get_period (figure)))
        continue;
      if (a->target == NULL)
        a->target = t;
      a->n_targets++;
    }

  change = zb_figure_get_change (figure);
  value = zb_figure_get_value (figure);
  stated_gap = zb_figure_get_gap (figure);

  /* A gap figure ("低于目标1.2个百分点") states the gap in its gap field or
   * as a change in pp; a progress figure ("完成年度目标的78%") as a value. */
  if (stated_gap->set)
    a->stated = stated_gap->value;
  else if (kind == ZB_FIGURE_GAP && change->set && zb_figure_get_change_unit (figure) == ZB_CHANGE_PP)
    a->stated = change->value;
  else if (kind == ZB_FIGURE_PROGRESS && value->set)
    a->stated = value->value;

  if (isnan (a->stated) && kind == ZB_FIGURE_ACTUAL)
    {
      ZbFigure *g = find_stated (self, figure, a->indicator, a->area, ZB_FIGURE_GAP);

      if (g != NULL)
        a->stated = zb_figure_get_gap (g)->set ? zb_figure_get_gap (g)->value : zb_figure_get_change (g)->value;
    }

  if (a->target == NULL)
    return a;

  if (kind != ZB_FIGURE_PROGRESS && change->set &&
      zb_figure_get_change_unit (figure) == ZB_CHANGE_PERCENT && a->target->growth.set)
    {
      a->gap_pp = change->value - a->target->growth.value;
      a->status = status_for_gap (self, a->gap_pp);
      if (!isnan (a->stated) && kind != ZB_FIGURE_PROGRESS)
        a->mismatch = fabs (a->stated - a->gap_pp) > MISMATCH_PP + 1e-9;
    }
  else if (a->target->value.set && a->target->value.value != 0 &&
           (kind == ZB_FIGURE_ACTUAL || kind == ZB_FIGURE_PROGRESS))
    {
      const char *label = zb_figure_get_period (figure);

      if (kind == ZB_FIGURE_ACTUAL && value->set)
        {
          const char *ru, *rt;
          double su = zb_unit_scale (zb_figure_get_unit (figure), &ru);
          double st = zb_unit_scale (a->target->unit, &rt);

          if (g_strcmp0 (ru, rt) == 0)
            a->completion = value->value * su / (a->target->value.value * st);
        }
      else if (kind == ZB_FIGURE_PROGRESS && value->set)
        a->completion = value->value / 100.0;

      /* no period written: a year-end figure */
      if (label == NULL || *label == '\0')
        a->schedule = 1.0;
      else if (zb_period_parse (label, &period))
        {
          double share = zb_period_schedule_share (&period);
          if (share > 0)
            a->schedule = share;
        }

      if (!isnan (a->completion) && !isnan (a->schedule))
        {
          a->gap_pp = (a->completion - a->schedule) * 100.0;
          a->status = status_for_gap (self, a->gap_pp);
        }
      /* a progress stated in its own sentence checks the computed one */
      if (kind == ZB_FIGURE_ACTUAL && !isnan (a->completion))
        {
          ZbFigure *p = find_stated (self, figure, a->indicator, a->area, ZB_FIGURE_PROGRESS);

          if (p != NULL)
            {
              a->stated = zb_figure_get_value (p)->value;
              a->mismatch = fabs (a->stated - a->completion * 100.0) > MISMATCH_PP + 1e-9;
            }
        }
    }

  return a;
}

GPtrArray *
zb_ledger_assess_all (ZbLedger *self)
{
  GPtrArray *ret = g_ptr_array_new_with_free_func ((GDestroyNotify) zb_assessment_free);

  g_return_val_if_fail (ZB_IS_LEDGER (self), ret);

  for (guint i = 0; i < self->actuals->len; i++)
    {
      ZbAssessment *a = zb_ledger_assess (self, g_ptr_array_index (self->actuals, i));
      if (a != NULL)
        g_ptr_array_add (ret, a);
    }
  return ret;
}

static int
compare_by_period (gconstpointer pa,
                   gconstpointer pb)
{
  const ZbAssessment *a = *(ZbAssessment * const *) pa;
  const ZbAssessment *b = *(ZbAssessment * const *) pb;
  ZbPeriod x = { 0 }, y = { 0 };
  const char *la = zb_figure_get_period (a->figure);
  const char *lb = zb_figure_get_period (b->figure);

  /* no period written: the year as a whole */
  if (la == NULL || *la == '\0' || !zb_period_parse (la, &x))
    x = (ZbPeriod) { 0, 1, 12, TRUE };
  if (lb == NULL || *lb == '\0' || !zb_period_parse (lb, &y))
    y = (ZbPeriod) { 0, 1, 12, TRUE };
  if (x.year == 0)
    x.year = a->year;
  if (y.year == 0)
    y.year = b->year;
  return zb_period_compare (&x, &y);
}

GPtrArray *
zb_ledger_assess_indicator (ZbLedger   *self,
                            const char *indicator)
{
  g_autofree char *canonical = NULL;
  GPtrArray *ret = g_ptr_array_new_with_free_func ((GDestroyNotify) zb_assessment_free);

  g_return_val_if_fail (ZB_IS_LEDGER (self), ret);
  g_return_val_if_fail (indicator != NULL, ret);

  canonical = zb_ledger_dup_canonical (self, indicator);
  for (guint i = 0; i < self->actuals->len; i++)
    {
      ZbFigure *f = g_ptr_array_index (self->actuals, i);
      g_autofree char *c = NULL;

      if (zb_figure_get_kind (f) != ZB_FIGURE_ACTUAL)
        continue;
      c = zb_ledger_dup_canonical (self, figure_indicator (f));
      if (g_str_equal (c, canonical))
        g_ptr_array_add (ret, zb_ledger_assess (self, f));
    }
  /* stable: reports added first come first within a period */
  g_ptr_array_sort (ret, compare_by_period);
  return ret;
}

static void
zb_ledger_finalize (GObject *object)
{
  ZbLedger *self = (ZbLedger *) object;

  g_clear_pointer (&self->aliases, g_hash_table_unref);
  g_clear_pointer (&self->targets, g_hash_table_unref);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_clear_pointer (&self->stated, g_ptr_array_unref);
  g_clear_pointer (&self->actuals, g_ptr_array_unref);
  g_clear_pointer (&self->years, g_hash_table_unref);
  g_clear_pointer (&self->regions, g_hash_table_unref);
  g_clear_pointer (&self->region, g_free);

  G_OBJECT_CLASS (zb_ledger_parent_class)->finalize (object);
}

static void
zb_ledger_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ZbLedger *self = ZB_LEDGER (object);

  switch (prop_id)
    {
    case PROP_THRESHOLD:
      g_value_set_double (value, self->threshold);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_ledger_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ZbLedger *self = ZB_LEDGER (object);

  switch (prop_id)
    {
    case PROP_THRESHOLD:
      zb_ledger_set_threshold (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_ledger_class_init (ZbLedgerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zb_ledger_finalize;
  object_class->get_property = zb_ledger_get_property;
  object_class->set_property = zb_ledger_set_property;

  properties[PROP_THRESHOLD] =
    g_param_spec_double ("threshold", NULL, NULL,
                         0, 100, 0.5,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zb_ledger_init (ZbLedger *self)
{
  self->aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->keys = g_ptr_array_new_with_free_func (g_free);
  self->actuals = g_ptr_array_new_with_free_func (g_object_unref);
  self->stated = g_ptr_array_new ();
  self->years = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->regions = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->threshold = 0.5;

  /* the parser's indicator lexicon is the one alias table */
  for (guint i = 0; i < zb_vocab_sizes[ZB_VOCAB_INDICATORS]; i++)
    {
      const ZbWord *w = &zb_vocab_tables[ZB_VOCAB_INDICATORS][i];
      if (!g_str_equal (w->word, w->text))
        zb_ledger_add_alias (self, w->word, w->text);
    }
}

ZbLedger *
zb_ledger_new (void)
{
  return g_object_new (ZB_TYPE_LEDGER, NULL);
}

void
zb_ledger_add_typed_target (ZbLedger       *self,
                            const ZbTarget *t)
{
  ZbTarget *typed;

  g_return_if_fail (ZB_IS_LEDGER (self));
  g_return_if_fail (t != NULL);

  typed = zb_target_copy (t);
  g_free (typed->indicator);
  typed->indicator = zb_ledger_dup_canonical (self, t->indicator);
  g_free (typed->area);
  typed->area = g_strdup (t->area ? t->area : "");
  g_clear_pointer (&typed->source, g_free);
  g_clear_object (&typed->figure);
  add_target (self, typed, TRUE);
}
