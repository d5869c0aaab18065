/* zb-figure.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-figure.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* The short words a figure holds (its indicator, area, unit, qualifier,
 * reference, period) repeat across thousands of figures: they are interned,
 * so a figure owns only its name. */
typedef struct {
  ZbFigureKind kind;
  char        *name;
  const char  *indicator;
  const char  *area;
  ZbNumber     value;
  const char  *unit;
  ZbNumber     change;
  ZbChangeUnit change_unit;
  ZbNumber     base_value;
  const char  *qualifier;
  const char  *reference;
  const char  *period;
  ZbNumber     target;
  ZbNumber     gap;
  int          rank;
  gboolean     deleted;
  guint8       review;    /* REVIEW_*: the clerk's mark, unset until one is made */
} FigureData;

enum { REVIEW_UNSET, REVIEW_YES, REVIEW_NO };

struct _ZbFigure
{
  GObject     parent_instance;

  FigureData *original;    /* as extracted; NULL until a correction differs */
  FigureData  current;
  GPtrArray  *corrections;

  gint64      id;
  int         section;
  guint       line;
  gsize       offset;
  gsize       text_offset;
  gsize       text_length;
  char       *quote;
  const char *rule;                 /* interned */
  double      base_confidence;   /* the rule's */
  double      confidence;        /* the rule's, lowered by the evidence */
  ZbEvidence  evidence;
};

G_DEFINE_FINAL_TYPE (ZbFigure, zb_figure, G_TYPE_OBJECT)


enum {
  PROP_0,
  PROP_KIND,
  PROP_NAME,
  PROP_PERIOD,
  PROP_CORRECTED,
  PROP_DELETED,
  PROP_REVIEWED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
figure_data_clear (FigureData *d)
{
  g_clear_pointer (&d->name, g_free);
}

static void
figure_data_copy (FigureData       *dst,
                  const FigureData *src)
{
  figure_data_clear (dst);
  *dst = *src;
  dst->name = g_strdup (src->name);
}

/* Most figures are never corrected: they keep one copy of their data, and
 * the original is taken only when a correction is about to change it. */
static const FigureData *
original_of (ZbFigure *self)
{
  return self->original != NULL ? self->original : &self->current;
}

static void
keep_original (ZbFigure *self)
{
  if (self->original == NULL)
    {
      self->original = g_new0 (FigureData, 1);
      figure_data_copy (self->original, &self->current);
    }
}

char *
zb_number_format (const ZbNumber *number)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (number == NULL || !number->set)
    return NULL;

  if (number->decimals >= 0 && number->decimals <= 12 && fabs (number->value) < 1e15)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%df", number->decimals);
      return g_strdup (g_ascii_formatd (buf, sizeof buf, format, number->value));
    }

  return g_strdup (g_ascii_dtostr (buf, sizeof buf, number->value));
}

gboolean
zb_number_parse (const char  *text,
                 ZbNumber    *number,
                 GError     **error)
{
  g_autofree char *s = NULL;
  const char *dot;
  char *end = NULL;
  double v;

  memset (number, 0, sizeof *number);

  if (text == NULL)
    return TRUE;

  s = g_strstrip (g_strdup (text));
  if (*s == '\0')
    return TRUE;

  /* A clerk may type a thousands separator; a decimal comma is ambiguous and refused. */
  if (strchr (s, ',') != NULL)
    {
      GString *str = g_string_new (NULL);
      const char *p;
      gboolean grouped = TRUE;

      for (p = s; *p; p++)
        if (*p != ',')
          g_string_append_c (str, *p);
      /* 1,234 is grouping; 8,4 is not */
      for (p = strchr (s, ','); p != NULL; p = strchr (p + 1, ','))
        if (!(g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) &&
              !g_ascii_isdigit (p[4])))
          grouped = FALSE;
      if (!grouped)
        {
          g_string_free (str, TRUE);
          g_set_error (error, ZB_ERROR, ZB_ERROR_INVALID,
                       _("“%s” is not a number: use a point for decimals"), text);
          return FALSE;
        }
      g_free (s);
      s = g_string_free (str, FALSE);
    }

  v = g_ascii_strtod (s, &end);
  /* strtod also reads hexadecimal ("0x10" is 16): not what a clerk means */
  if (end == s || *end != '\0' || !isfinite (v) || strpbrk (s, "xX") != NULL)
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_INVALID, _("“%s” is not a number"), text);
      return FALSE;
    }

  number->value = v;
  number->set = TRUE;
  dot = strchr (s, '.');
  number->decimals = dot ? (gint8) MIN (strlen (dot + 1), 12) : 0;
  if (strpbrk (s, "eE") != NULL)
    number->decimals = -1;
  return TRUE;
}

ZbCorrection *
zb_correction_copy (const ZbCorrection *c)
{
  ZbCorrection *copy = g_new0 (ZbCorrection, 1);

  copy->field = c->field;
  copy->old_value = g_strdup (c->old_value);
  copy->new_value = g_strdup (c->new_value);
  copy->time = c->time;
  copy->note = g_strdup (c->note);
  copy->author = g_strdup (c->author);
  return copy;
}

void
zb_correction_free (ZbCorrection *c)
{
  if (c == NULL)
    return;
  g_free (c->old_value);
  g_free (c->new_value);
  g_free (c->note);
  g_free (c->author);
  g_free (c);
}

static void
zb_figure_finalize (GObject *object)
{
  ZbFigure *self = (ZbFigure *)object;

  if (self->original != NULL)
    figure_data_clear (self->original);
  g_free (self->original);
  figure_data_clear (&self->current);
  g_clear_pointer (&self->corrections, g_ptr_array_unref);
  g_clear_pointer (&self->quote, g_free);

  G_OBJECT_CLASS (zb_figure_parent_class)->finalize (object);
}

static void
zb_figure_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ZbFigure *self = ZB_FIGURE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->current.kind);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->current.name);
      break;
    case PROP_PERIOD:
      g_value_set_string (value, self->current.period);
      break;
    case PROP_CORRECTED:
      g_value_set_boolean (value, zb_figure_is_corrected (self));
      break;
    case PROP_DELETED:
      g_value_set_boolean (value, self->current.deleted);
      break;
    case PROP_REVIEWED:
      g_value_set_boolean (value, zb_figure_get_reviewed (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_figure_class_init (ZbFigureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zb_figure_finalize;
  object_class->get_property = zb_figure_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, ZB_TYPE_FIGURE_KIND, ZB_FIGURE_ACTUAL,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERIOD] =
    g_param_spec_string ("period", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CORRECTED] =
    g_param_spec_boolean ("corrected", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELETED] =
    g_param_spec_boolean ("deleted", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVIEWED] =
    g_param_spec_boolean ("reviewed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after any correction, with the field that changed. */
  g_signal_new ("field-changed",
                G_TYPE_FROM_CLASS (klass),
                G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL,
                G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
zb_figure_init (ZbFigure *self)
{
  /* corrections: made with the first one (most figures have none) */
  self->section = -1;
  self->base_confidence = 1.0;
  self->confidence = 1.0;
}

ZbFigure *
zb_figure_new (ZbFigureKind kind,
               const char  *name)
{
  ZbFigure *self = g_object_new (ZB_TYPE_FIGURE, NULL);

  zb_figure_set_kind (self, kind);
  zb_figure_set_name (self, name);
  return self;
}

ZbFigure *
zb_figure_copy (ZbFigure *self)
{
  ZbFigure *copy;

  g_return_val_if_fail (ZB_IS_FIGURE (self), NULL);

  copy = g_object_new (ZB_TYPE_FIGURE, NULL);
  if (self->original != NULL)
    {
      copy->original = g_new0 (FigureData, 1);
      figure_data_copy (copy->original, self->original);
    }
  figure_data_copy (&copy->current, &self->current);
  for (guint i = 0; self->corrections != NULL && i < self->corrections->len; i++)
    g_ptr_array_add (zb_figure_get_corrections (copy), zb_correction_copy (g_ptr_array_index (self->corrections, i)));
  copy->id = self->id;
  copy->section = self->section;
  copy->line = self->line;
  copy->offset = self->offset;
  copy->text_offset = self->text_offset;
  copy->text_length = self->text_length;
  copy->quote = g_strdup (self->quote);
  copy->rule = self->rule;
  copy->base_confidence = self->base_confidence;
  copy->confidence = self->confidence;
  copy->evidence = self->evidence;
  return copy;
}

#define GETTER(type, field, member) \
  type zb_figure_get_##field (ZbFigure *self) \
  { \
    g_return_val_if_fail (ZB_IS_FIGURE (self), (type) 0); \
    return self->current.member; \
  }
#define NUM_GETTER(field) \
  const ZbNumber *zb_figure_get_##field (ZbFigure *self) \
  { \
    g_return_val_if_fail (ZB_IS_FIGURE (self), NULL); \
    return &self->current.field; \
  }

GETTER (ZbFigureKind, kind, kind)
GETTER (const char *, name, name)
GETTER (const char *, indicator, indicator)
GETTER (const char *, area, area)
GETTER (const char *, unit, unit)
GETTER (ZbChangeUnit, change_unit, change_unit)
GETTER (const char *, qualifier, qualifier)
GETTER (const char *, reference, reference)
GETTER (const char *, period, period)
GETTER (int, rank, rank)
GETTER (gboolean, deleted, deleted)
NUM_GETTER (value)
NUM_GETTER (change)
NUM_GETTER (base_value)
NUM_GETTER (target)
NUM_GETTER (gap)

#undef GETTER
#undef NUM_GETTER

int zb_figure_get_section (ZbFigure *self) { return self->section; }
guint zb_figure_get_line (ZbFigure *self) { return self->line; }
gsize zb_figure_get_offset (ZbFigure *self) { return self->offset; }
gsize zb_figure_get_text_offset (ZbFigure *self) { return self->text_offset; }
gsize zb_figure_get_text_length (ZbFigure *self) { return self->text_length; }
const char *zb_figure_get_quote (ZbFigure *self) { return self->quote; }
const char *zb_figure_get_rule (ZbFigure *self) { return self->rule; }
double zb_figure_get_confidence (ZbFigure *self) { return self->confidence; }
ZbEvidence zb_figure_get_evidence (ZbFigure *self) { return self->evidence; }

gboolean
zb_figure_needs_review (ZbFigure *self)
{
  g_return_val_if_fail (ZB_IS_FIGURE (self), FALSE);
  return self->confidence < ZB_REVIEW_THRESHOLD;
}
gint64 zb_figure_get_id (ZbFigure *self) { return self->id; }
void zb_figure_set_id (ZbFigure *self, gint64 id) { self->id = id; }

/* Generic access to one field of a FigureData, as text. */
static char *
data_dup_field (const FigureData *d,
                ZbField           field)
{
  switch (field)
    {
    case ZB_FIELD_KIND: return g_strdup (zb_figure_kind_to_string (d->kind));
    case ZB_FIELD_NAME: return g_strdup (d->name);
    case ZB_FIELD_INDICATOR: return g_strdup (d->indicator);
    case ZB_FIELD_AREA: return g_strdup (d->area);
    case ZB_FIELD_VALUE: return zb_number_format (&d->value);
    case ZB_FIELD_UNIT: return g_strdup (d->unit);
    case ZB_FIELD_CHANGE: return zb_number_format (&d->change);
    case ZB_FIELD_CHANGE_UNIT: return g_strdup (zb_change_unit_to_string (d->change_unit));
    case ZB_FIELD_BASE_VALUE: return zb_number_format (&d->base_value);
    case ZB_FIELD_QUALIFIER: return g_strdup (d->qualifier);
    case ZB_FIELD_REFERENCE: return g_strdup (d->reference);
    case ZB_FIELD_PERIOD: return g_strdup (d->period);
    case ZB_FIELD_TARGET: return zb_number_format (&d->target);
    case ZB_FIELD_GAP: return zb_number_format (&d->gap);
    case ZB_FIELD_RANK: return d->rank > 0 ? g_strdup_printf ("%d", d->rank) : NULL;
    case ZB_FIELD_DELETED: return d->deleted ? g_strdup ("true") : NULL;
    case ZB_FIELD_REVIEWED:
      return d->review == REVIEW_YES ? g_strdup ("true") : d->review == REVIEW_NO ? g_strdup ("false") : NULL;
    case ZB_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
replace_str (char       **slot,
             const char  *value)
{
  char *copy = (value && *value) ? g_strdup (value) : NULL;

  g_free (*slot);
  *slot = copy;
}

static void
replace_word (const char **slot,
              const char  *value)
{
  *slot = (value && *value) ? g_intern_string (value) : NULL;
}

/* Parses text into one field of d; on failure d is unchanged. */
static gboolean
data_set_field (FigureData  *d,
                ZbField      field,
                const char  *text,
                GError     **error)
{
  ZbNumber num;

  if (zb_field_is_numeric (field) && field != ZB_FIELD_RANK)
    {
      if (!zb_number_parse (text, &num, error))
        return FALSE;
    }

  switch (field)
    {
    case ZB_FIELD_KIND:
      {
        ZbFigureKind kind;
        if (!zb_figure_kind_from_string (text, &kind))
          {
            g_set_error (error, ZB_ERROR, ZB_ERROR_INVALID,
                         _("“%s” is not a kind: use actual, target, gap or progress"), text ? text : "");
            return FALSE;
          }
        d->kind = kind;
        return TRUE;
      }
    case ZB_FIELD_CHANGE_UNIT:
      {
        ZbChangeUnit unit;
        if (!zb_change_unit_from_string (text, &unit))
          {
            g_set_error (error, ZB_ERROR, ZB_ERROR_INVALID,
                         _("“%s” is not a change unit: use %% or pp"), text);
            return FALSE;
          }
        d->change_unit = unit;
        return TRUE;
      }
    case ZB_FIELD_RANK:
      {
        guint64 rank = 0;
        if (text != NULL && *text != '\0' &&
            !g_ascii_string_to_unsigned (text, 10, 1, 10000, &rank, NULL))
          {
            g_set_error (error, ZB_ERROR, ZB_ERROR_INVALID,
                         _("“%s” is not a rank: use a whole number from 1"), text);
            return FALSE;
          }
        d->rank = (int) rank;
        return TRUE;
      }
    case ZB_FIELD_DELETED:
      d->deleted = text != NULL && (g_str_equal (text, "true") || g_str_equal (text, "1"));
      return TRUE;
    case ZB_FIELD_REVIEWED:
      if (text == NULL || *text == '\0')
        d->review = REVIEW_UNSET;
      else if (g_str_equal (text, "true") || g_str_equal (text, "1") || g_str_equal (text, "yes"))
        d->review = REVIEW_YES;
      else if (g_str_equal (text, "false") || g_str_equal (text, "0") || g_str_equal (text, "no"))
        d->review = REVIEW_NO;
      else
        {
          g_set_error (error, ZB_ERROR, ZB_ERROR_INVALID,
                       _("“%s” is not a review mark: use true or false"), text);
          return FALSE;
        }
      return TRUE;
    case ZB_FIELD_NAME:
      if (text == NULL || *text == '\0')
        {
          g_set_error_literal (error, ZB_ERROR, ZB_ERROR_INVALID, _("A figure needs a name"));
          return FALSE;
        }
      replace_str (&d->name, text);
      return TRUE;
    case ZB_FIELD_INDICATOR: replace_word (&d->indicator, text); return TRUE;
    case ZB_FIELD_AREA: replace_word (&d->area, text); return TRUE;
    case ZB_FIELD_UNIT: replace_word (&d->unit, text); return TRUE;
    case ZB_FIELD_QUALIFIER: replace_word (&d->qualifier, text); return TRUE;
    case ZB_FIELD_REFERENCE: replace_word (&d->reference, text); return TRUE;
    case ZB_FIELD_PERIOD: replace_word (&d->period, text); return TRUE;
    case ZB_FIELD_VALUE: d->value = num; return TRUE;
    case ZB_FIELD_CHANGE: d->change = num; return TRUE;
    case ZB_FIELD_BASE_VALUE: d->base_value = num; return TRUE;
    case ZB_FIELD_TARGET: d->target = num; return TRUE;
    case ZB_FIELD_GAP: d->gap = num; return TRUE;
    case ZB_N_FIELDS:
    default:
      g_set_error_literal (error, ZB_ERROR, ZB_ERROR_INVALID, _("Unknown field"));
      return FALSE;
    }
}

char *
zb_figure_dup_field (ZbFigure *self,
                     ZbField   field)
{
  g_return_val_if_fail (ZB_IS_FIGURE (self), NULL);
  return data_dup_field (&self->current, field);
}

char *
zb_figure_dup_original (ZbFigure *self,
                        ZbField   field)
{
  g_return_val_if_fail (ZB_IS_FIGURE (self), NULL);
  return data_dup_field (original_of (self), field);
}

gboolean
zb_figure_field_is_corrected (ZbFigure *self,
                              ZbField   field)
{
  g_autofree char *a = data_dup_field (original_of (self), field);
  g_autofree char *b = data_dup_field (&self->current, field);

  return g_strcmp0 (a, b) != 0;
}

/* The review mark is the clerk's, not a change to what the report says. */
gboolean
zb_figure_is_corrected (ZbFigure *self)
{
  for (guint f = 0; f < ZB_N_FIELDS; f++)
    if (f != ZB_FIELD_REVIEWED && zb_figure_field_is_corrected (self, f))
      return TRUE;
  return FALSE;
}

gboolean
zb_figure_get_reviewed (ZbFigure *self)
{
  g_return_val_if_fail (ZB_IS_FIGURE (self), FALSE);

  if (self->current.review != REVIEW_UNSET)
    return self->current.review == REVIEW_YES;
  return zb_figure_is_corrected (self);
}

gboolean
zb_figure_awaits_review (ZbFigure *self)
{
  g_return_val_if_fail (ZB_IS_FIGURE (self), FALSE);
  return !self->current.deleted && zb_figure_needs_review (self) && !zb_figure_get_reviewed (self);
}

const ZbCorrection *
zb_figure_get_review_correction (ZbFigure *self)
{
  g_return_val_if_fail (ZB_IS_FIGURE (self), NULL);

  if (!zb_figure_get_reviewed (self) || self->corrections == NULL)
    return NULL;
  /* the mark itself when the clerk made one, else the last correction */
  for (guint i = self->corrections->len; i > 0; i--)
    {
      const ZbCorrection *c = g_ptr_array_index (self->corrections, i - 1);

      if (c->field == ZB_FIELD_REVIEWED || self->current.review == REVIEW_UNSET)
        return c;
    }
  return NULL;
}

static void
notify_field (ZbFigure *self,
              ZbField   field)
{
  if (field == ZB_FIELD_KIND)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  else if (field == ZB_FIELD_NAME)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  else if (field == ZB_FIELD_PERIOD)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
  else if (field == ZB_FIELD_DELETED)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELETED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CORRECTED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWED]);
  g_signal_emit_by_name (self, "field-changed", (int) field);
}

gboolean
zb_figure_apply_correction (ZbFigure           *self,
                            const ZbCorrection *correction,
                            GError            **error)
{
  g_return_val_if_fail (ZB_IS_FIGURE (self), FALSE);
  g_return_val_if_fail (correction->field < ZB_N_FIELDS, FALSE);

  keep_original (self);
  if (!data_set_field (&self->current, correction->field, correction->new_value, error))
    return FALSE;
  /* correcting a figure is reviewing it: an unmarked figure counts as
   * reviewed again, through its correction */
  if (correction->field != ZB_FIELD_REVIEWED && self->current.review == REVIEW_NO)
    self->current.review = REVIEW_UNSET;

  g_ptr_array_add (zb_figure_get_corrections (self), zb_correction_copy (correction));
  notify_field (self, correction->field);
  return TRUE;
}

gboolean
zb_figure_correct (ZbFigure    *self,
                   ZbField      field,
                   const char  *new_value,
                   const char  *note,
                   GError     **error)
{
  g_autofree char *old = NULL;
  g_autofree char *canonical = NULL;
  FigureData probe = { 0 };
  ZbCorrection c = { 0 };

  g_return_val_if_fail (ZB_IS_FIGURE (self), FALSE);

  if (field >= ZB_N_FIELDS)
    {
      g_set_error_literal (error, ZB_ERROR, ZB_ERROR_INVALID, _("Unknown field"));
      return FALSE;
    }

  /* what a clerk types is stored and exported as it is: text only */
  if (!zb_utf8_check_input (new_value, zb_field_to_string (field), error) ||
      !zb_utf8_check_input (note, "note", error))
    return FALSE;

  /* Validate on a scratch copy first so that nothing is half-applied. */
  figure_data_copy (&probe, &self->current);
  if (!data_set_field (&probe, field, new_value, error))
    {
      figure_data_clear (&probe);
      return FALSE;
    }
  canonical = data_dup_field (&probe, field);
  figure_data_clear (&probe);

  old = data_dup_field (&self->current, field);
  c.field = field;
  c.old_value = old;
  c.new_value = (field == ZB_FIELD_VALUE || field == ZB_FIELD_CHANGE ||
                 field == ZB_FIELD_BASE_VALUE || field == ZB_FIELD_TARGET ||
                 field == ZB_FIELD_GAP || field == ZB_FIELD_REVIEWED) ? canonical : (char *) new_value;
  if (c.new_value != NULL && *c.new_value == '\0')
    c.new_value = NULL;
  c.time = g_get_real_time ();
  c.note = (char *) note;

  return zb_figure_apply_correction (self, &c, error);
}

GPtrArray *
zb_figure_get_corrections (ZbFigure *self)
{
  g_return_val_if_fail (ZB_IS_FIGURE (self), NULL);
  if (self->corrections == NULL)
    self->corrections = g_ptr_array_new_with_free_func ((GDestroyNotify) zb_correction_free);
  return self->corrections;
}

/* Extraction-time setters write both the original and the current value. */
#define BOTH(stmt_orig, stmt_cur) G_STMT_START { if (self->original != NULL) { stmt_orig; } stmt_cur; } G_STMT_END

void zb_figure_set_kind (ZbFigure *self, ZbFigureKind kind)
{ BOTH (self->original->kind = kind, self->current.kind = kind); }
void zb_figure_set_name (ZbFigure *self, const char *name)
{ BOTH (replace_str (&self->original->name, name), replace_str (&self->current.name, name)); }
void zb_figure_set_indicator (ZbFigure *self, const char *indicator)
{ BOTH (replace_word (&self->original->indicator, indicator), replace_word (&self->current.indicator, indicator)); }
void zb_figure_set_area (ZbFigure *self, const char *area)
{ BOTH (replace_word (&self->original->area, area), replace_word (&self->current.area, area)); }
void zb_figure_set_qualifier (ZbFigure *self, const char *qualifier)
{ BOTH (replace_word (&self->original->qualifier, qualifier), replace_word (&self->current.qualifier, qualifier)); }
void zb_figure_set_reference (ZbFigure *self, const char *reference)
{ BOTH (replace_word (&self->original->reference, reference), replace_word (&self->current.reference, reference)); }
void zb_figure_set_period (ZbFigure *self, const char *period)
{ BOTH (replace_word (&self->original->period, period), replace_word (&self->current.period, period)); }
void zb_figure_set_rank (ZbFigure *self, int rank)
{ BOTH (self->original->rank = rank, self->current.rank = rank); }

void
zb_figure_set_value (ZbFigure       *self,
                     const ZbNumber *value,
                     const char     *unit)
{
  static const ZbNumber none = { 0 };
  value = value ? value : &none;
  BOTH (self->original->value = *value, self->current.value = *value);
  BOTH (replace_word (&self->original->unit, unit), replace_word (&self->current.unit, unit));
}

void
zb_figure_set_change (ZbFigure       *self,
                      const ZbNumber *change,
                      ZbChangeUnit    unit)
{
  static const ZbNumber none = { 0 };
  change = change ? change : &none;
  BOTH (self->original->change = *change, self->current.change = *change);
  BOTH (self->original->change_unit = unit, self->current.change_unit = unit);
}

void
zb_figure_set_base_value (ZbFigure       *self,
                          const ZbNumber *base_value)
{
  static const ZbNumber none = { 0 };
  base_value = base_value ? base_value : &none;
  BOTH (self->original->base_value = *base_value, self->current.base_value = *base_value);
}

void
zb_figure_set_target (ZbFigure       *self,
                      const ZbNumber *target)
{
  static const ZbNumber none = { 0 };
  target = target ? target : &none;
  BOTH (self->original->target = *target, self->current.target = *target);
}

void
zb_figure_set_gap (ZbFigure       *self,
                   const ZbNumber *gap)
{
  static const ZbNumber none = { 0 };
  gap = gap ? gap : &none;
  BOTH (self->original->gap = *gap, self->current.gap = *gap);
}

#undef BOTH

void
zb_figure_set_source (ZbFigure   *self,
                      int         section,
                      guint       line,
                      gsize       offset,
                      gsize       text_offset,
                      gsize       text_length,
                      const char *quote)
{
  self->section = section;
  self->line = line;
  self->offset = offset;
  self->text_offset = text_offset;
  self->text_length = text_length;
  replace_str (&self->quote, quote);
}

void
zb_figure_set_rule (ZbFigure   *self,
                    const char *rule,
                    double      confidence)
{
  replace_word (&self->rule, rule);
  self->base_confidence = confidence;
  self->confidence = zb_evidence_confidence (confidence, self->evidence);
}

void
zb_figure_add_evidence (ZbFigure   *self,
                        ZbEvidence  evidence)
{
  g_return_if_fail (ZB_IS_FIGURE (self));

  self->evidence |= evidence;
  self->confidence = zb_evidence_confidence (self->base_confidence, self->evidence);
}

void
zb_figure_restore_evidence (ZbFigure   *self,
                            ZbEvidence  evidence,
                            double      confidence)
{
  g_return_if_fail (ZB_IS_FIGURE (self));

  self->evidence = evidence & (ZB_EVIDENCE_LAST - 1);
  self->confidence = CLAMP (confidence, 0.0, 1.0);
}
