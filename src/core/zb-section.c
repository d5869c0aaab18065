/* zb-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-section.h"

struct _ZbSection
{
  GObject  parent_instance;
  int      id;
  int      parent;
  guint    level;
  char    *number;
  char    *title;
  guint    line;
  gsize    text_offset;
};

G_DEFINE_FINAL_TYPE (ZbSection, zb_section, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LEVEL,
  PROP_NUMBER,
  PROP_TITLE,
  PROP_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zb_section_finalize (GObject *object)
{
  ZbSection *self = (ZbSection *)object;

  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (zb_section_parent_class)->finalize (object);
}

static void
zb_section_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ZbSection *self = ZB_SECTION (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int (value, self->id); break;
    case PROP_LEVEL: g_value_set_uint (value, self->level); break;
    case PROP_NUMBER: g_value_set_string (value, self->number); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_LINE: g_value_set_uint (value, self->line); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_section_class_init (ZbSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zb_section_finalize;
  object_class->get_property = zb_section_get_property;

  properties[PROP_ID] = g_param_spec_int ("id", NULL, NULL, -1, G_MAXINT, 0,
                                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEVEL] = g_param_spec_uint ("level", NULL, NULL, 0, G_MAXUINT, 1,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINE] = g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zb_section_init (ZbSection *self)
{
  self->parent = -1;
}

ZbSection *
zb_section_new (int         id,
                int         parent,
                guint       level,
                const char *number,
                const char *title,
                guint       line,
                gsize       text_offset)
{
  ZbSection *self = g_object_new (ZB_TYPE_SECTION, NULL);

  self->id = id;
  self->parent = parent;
  self->level = level;
  self->number = g_strdup (number);
  self->title = g_strdup (title);
  self->line = line;
  self->text_offset = text_offset;
  return self;
}

int zb_section_get_id (ZbSection *self) { return self->id; }
int zb_section_get_parent (ZbSection *self) { return self->parent; }
guint zb_section_get_level (ZbSection *self) { return self->level; }
const char *zb_section_get_number (ZbSection *self) { return self->number; }
const char *zb_section_get_title (ZbSection *self) { return self->title; }
guint zb_section_get_line (ZbSection *self) { return self->line; }
gsize zb_section_get_text_offset (ZbSection *self) { return self->text_offset; }

char *
zb_section_dup_label (ZbSection *self)
{
  return g_strconcat (self->number ? self->number : "", self->title ? self->title : "", NULL);
}
