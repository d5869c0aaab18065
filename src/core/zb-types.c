/* zb-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-types.h"

#include <string.h>
#include <glib/gi18n-lib.h>

G_DEFINE_QUARK (zb-error-quark, zb_error)

static const char * const kind_names[] = { "actual", "target", "gap", "progress" };

static const char * const field_names[ZB_N_FIELDS] = {
  [ZB_FIELD_KIND] = "kind",
  [ZB_FIELD_NAME] = "name",
  [ZB_FIELD_INDICATOR] = "indicator",
  [ZB_FIELD_AREA] = "area",
  [ZB_FIELD_VALUE] = "value",
  [ZB_FIELD_UNIT] = "unit",
  [ZB_FIELD_CHANGE] = "change",
  [ZB_FIELD_CHANGE_UNIT] = "change_unit",
  [ZB_FIELD_BASE_VALUE] = "base_value",
  [ZB_FIELD_QUALIFIER] = "qualifier",
  [ZB_FIELD_REFERENCE] = "reference",
  [ZB_FIELD_PERIOD] = "period",
  [ZB_FIELD_TARGET] = "target",
  [ZB_FIELD_GAP] = "gap",
  [ZB_FIELD_RANK] = "rank",
  [ZB_FIELD_DELETED] = "deleted",
  [ZB_FIELD_REVIEWED] = "reviewed",
};

GType
zb_figure_kind_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { ZB_FIGURE_ACTUAL, "ZB_FIGURE_ACTUAL", "actual" },
        { ZB_FIGURE_TARGET, "ZB_FIGURE_TARGET", "target" },
        { ZB_FIGURE_GAP, "ZB_FIGURE_GAP", "gap" },
        { ZB_FIGURE_PROGRESS, "ZB_FIGURE_PROGRESS", "progress" },
        { 0, NULL, NULL }
      };
      GType t = g_enum_register_static ("ZbFigureKind", values);
      g_once_init_leave (&type_id, t);
    }

  return type_id;
}

const char *
zb_figure_kind_to_string (ZbFigureKind kind)
{
  g_return_val_if_fail (kind <= ZB_FIGURE_PROGRESS, "actual");
  return kind_names[kind];
}

gboolean
zb_figure_kind_from_string (const char   *str,
                            ZbFigureKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (str, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
zb_change_unit_to_string (ZbChangeUnit unit)
{
  switch (unit)
    {
    case ZB_CHANGE_PERCENT: return "%";
    case ZB_CHANGE_PP: return "pp";
    case ZB_CHANGE_NONE:
    default: return NULL;
    }
}

gboolean
zb_change_unit_from_string (const char   *str,
                            ZbChangeUnit *unit)
{
  if (str == NULL || *str == '\0' || g_str_equal (str, "none"))
    *unit = ZB_CHANGE_NONE;
  else if (g_str_equal (str, "%") || g_str_equal (str, "％"))
    *unit = ZB_CHANGE_PERCENT;
  else if (g_str_equal (str, "pp") || g_str_equal (str, "个百分点") || g_str_equal (str, "百分点"))
    *unit = ZB_CHANGE_PP;
  else
    return FALSE;
  return TRUE;
}

const char *
zb_field_to_string (ZbField field)
{
  g_return_val_if_fail (field < ZB_N_FIELDS, NULL);
  return field_names[field];
}

gboolean
zb_field_from_string (const char *str,
                      ZbField    *field)
{
  for (guint i = 0; i < ZB_N_FIELDS; i++)
    if (g_strcmp0 (str, field_names[i]) == 0)
      {
        *field = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
zb_field_is_numeric (ZbField field)
{
  switch (field)
    {
    case ZB_FIELD_VALUE:
    case ZB_FIELD_CHANGE:
    case ZB_FIELD_BASE_VALUE:
    case ZB_FIELD_TARGET:
    case ZB_FIELD_GAP:
    case ZB_FIELD_RANK:
      return TRUE;
    default:
      return FALSE;
    }
}

/* C0 and C1 controls and DEL, but TAB and LF; U+FFFE and U+FFFF, which XML
 * forbids. */
static inline gboolean
is_unclean (gunichar c)
{
  if (c == '\t' || c == '\n')
    return FALSE;
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF;
}

gunichar
zb_utf8_bad_char (const char *text,
                  gsize       len)
{
  const char *end = text + len;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          if (is_unclean ((guchar) *p))
            return (guchar) *p;
          continue;
        }
      c = g_utf8_get_char (p);
      if (is_unclean (c))
        return c;
    }
  return 0;
}

gboolean
zb_utf8_check_input (const char  *text,
                     const char  *what,
                     GError     **error)
{
  const char *bad = NULL;
  gsize len;
  gunichar c;

  if (text == NULL)
    return TRUE;
  len = strlen (text);
  if (!g_utf8_validate_len (text, len, &bad))
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_INVALID,
                   _("The %s is not valid UTF-8 text (byte %lu of it): "
                   "type it again in a UTF-8 terminal or editor"),
                   _(what), (gulong) (bad - text));
      return FALSE;
    }
  if ((c = zb_utf8_bad_char (text, len)) != 0)
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_INVALID,
                   _("The %s holds a control character (U+%04X): only text can be stored"),
                   _(what), c);
      return FALSE;
    }
  return TRUE;
}

char *
zb_utf8_dup_clean (const char *text,
                   gssize      len)
{
  GString *out;
  const char *p, *end;

  if (text == NULL)
    return NULL;
  if (len < 0)
    len = strlen (text);
  out = g_string_sized_new (len + 1);
  p = text;
  end = text + len;
  while (p < end)
    {
      const char *bad = NULL;
      gsize n;

      /* the valid run up to the first invalid byte, character by character */
      g_utf8_validate_len (p, end - p, &bad);
      n = bad - p;
      for (const char *q = p; q < p + n; q = g_utf8_next_char (q))
        {
          gunichar c = (guchar) *q < 0x80 ? (gunichar) (guchar) *q : g_utf8_get_char (q);

          if (c == 0xFFFE || c == 0xFFFF)
            g_string_append_unichar (out, 0xFFFD);
          else if (is_unclean (c))
            g_string_append_c (out, ' ');
          else
            g_string_append_len (out, q, g_utf8_next_char (q) - q);
        }
      p += n;
      if (p < end)
        {
          /* one replacement character per invalid byte, as a decoder
           * does; a NUL (which stops validation) is a control */
          if (*p == '\0')
            g_string_append_c (out, ' ');
          else
            g_string_append_unichar (out, 0xFFFD);
          p++;
        }
    }
  return g_string_free (out, FALSE);
}
