/* zb-figure-cell.c — one editable cell of the figure table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 has no GtkColumnViewCell, so each cell is this small widget that
 * knows its figure and field.  Typing is checked against a scratch copy of
 * the figure so the reason a value is refused shows before it is committed;
 * the commit itself is left to whoever handles ::commit (the window, which
 * records it on the undo stack).
 */
#include <glib/gi18n.h>

#include "zb-figure-cell.h"
#include "zb-message.h"

struct _ZbFigureCell
{
  GtkWidget  parent_instance;
  GtkWidget *label;      /* GtkEditableLabel */
  ZbFigure  *figure;
  ZbField    field;
  gulong     changed_id;
  gboolean   updating;
  /* shown, dimmed, when the figure has no value of its own (the ledger's
   * target and gap for an actual) */
  char      *derived_text;
  char      *derived_tip;
  gboolean   showing_derived;
};

G_DEFINE_FINAL_TYPE (ZbFigureCell, zb_figure_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FIELD,
  PROP_FIGURE,
  N_PROPS
};

enum {
  COMMIT,
  MOVE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const struct {
  ZbField     field;
  const char *value;
  const char *display;
} choices[] = {
  { ZB_FIELD_KIND, "actual", N_("actual") },
  { ZB_FIELD_KIND, "target", N_("target") },
  { ZB_FIELD_KIND, "gap", N_("gap") },
  { ZB_FIELD_KIND, "progress", N_("progress") },
  { ZB_FIELD_CHANGE_UNIT, "%", N_("%") },
  { ZB_FIELD_CHANGE_UNIT, "pp", N_("pp") },
  { ZB_FIELD_REVIEWED, "true", N_("yes") },
  { ZB_FIELD_REVIEWED, "false", N_("no") },
  { ZB_FIELD_DELETED, "true", N_("yes") },
};

const char *
zb_figure_cell_field_title (ZbField field)
{
  static const char *titles[ZB_N_FIELDS] = {
    [ZB_FIELD_NAME] = N_("Name"),
    [ZB_FIELD_PERIOD] = N_("Period"),
    [ZB_FIELD_VALUE] = N_("Value"),
    [ZB_FIELD_UNIT] = N_("Unit"),
    [ZB_FIELD_CHANGE] = N_("Change"),
    [ZB_FIELD_CHANGE_UNIT] = N_("Change Unit"),
    [ZB_FIELD_TARGET] = N_("Target"),
    [ZB_FIELD_GAP] = N_("Gap"),
    [ZB_FIELD_KIND] = N_("Kind"),
    [ZB_FIELD_RANK] = N_("Rank"),
    [ZB_FIELD_DELETED] = N_("Deleted"),
    [ZB_FIELD_REVIEWED] = N_("Reviewed"),
  };

  if ((guint) field < ZB_N_FIELDS && titles[field] != NULL)
    return _(titles[field]);
  return zb_field_to_string (field);
}

char *
zb_figure_cell_display_text (ZbField     field,
                             const char *value)
{
  if (value == NULL)
    return g_strdup ("");
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    if (choices[i].field == field && g_str_equal (choices[i].value, value))
      return g_strdup (_(choices[i].display));
  return g_strdup (value);
}

char *
zb_figure_cell_value_text (ZbField     field,
                           const char *display)
{
  g_autofree char *stripped = g_strstrip (g_strdup (display ? display : ""));

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    if (choices[i].field == field &&
        (g_str_equal (_(choices[i].display), stripped) ||
         g_str_equal (choices[i].display, stripped)))
      return g_strdup (choices[i].value);
  return g_steal_pointer (&stripped);
}

/* The text the model puts in is where the clerk's Ctrl+Z stops: GtkText
 * would otherwise undo it too, down to an empty cell. */
static void
set_text (ZbFigureCell *self,
          const char   *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->label), text);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->label), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->label), TRUE);
}

static void
update_from_model (ZbFigureCell *self)
{
  g_autofree char *value = NULL;
  g_autofree char *display = NULL;
  g_autofree char *original = NULL;
  gboolean corrected;

  self->updating = TRUE;
  self->showing_derived = FALSE;
  gtk_widget_remove_css_class (GTK_WIDGET (self), "refused");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "derived");

  if (self->figure == NULL)
    {
      set_text (self, "");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "corrected");
      zb_message_set_tooltip (GTK_WIDGET (self), NULL);
      self->updating = FALSE;
      return;
    }

  value = zb_figure_dup_field (self->figure, self->field);
  if ((value == NULL || *value == '\0') && self->derived_text != NULL)
    {
      set_text (self, self->derived_text);
      gtk_widget_remove_css_class (GTK_WIDGET (self), "corrected");
      gtk_widget_add_css_class (GTK_WIDGET (self), "derived");
      zb_message_set_tooltip (GTK_WIDGET (self), self->derived_tip);
      self->showing_derived = TRUE;
      self->updating = FALSE;
      return;
    }
  display = zb_figure_cell_display_text (self->field, value);
  set_text (self, display);

  corrected = zb_figure_field_is_corrected (self->figure, self->field);
  if (corrected)
    {
      g_autofree char *shown = NULL;
      g_autofree char *tip = NULL;

      original = zb_figure_dup_original (self->figure, self->field);
      shown = zb_figure_cell_display_text (self->field, original);
      /* Translators: tooltip of an edited cell; %s is the extracted value */
      tip = g_strdup_printf (_("Edited — original: %s"), *shown ? shown : _("(empty)"));
      gtk_widget_add_css_class (GTK_WIDGET (self), "corrected");
      zb_message_set_tooltip (GTK_WIDGET (self), tip);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "corrected");
      zb_message_set_tooltip (GTK_WIDGET (self), NULL);
    }
  self->updating = FALSE;
}

static void
on_field_changed (ZbFigure     *figure,
                  int           field,
                  ZbFigureCell *self)
{
  if ((ZbField) field == self->field || field == ZB_FIELD_KIND)
    update_from_model (self);
}

/* Validates on a scratch copy while the clerk types. */
static void
on_text_changed (GtkEditable  *editable,
                 ZbFigureCell *self)
{
  g_autoptr(ZbFigure) probe = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  if (self->updating || self->figure == NULL ||
      !gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (self->label)))
    return;

  value = zb_figure_cell_value_text (self->field, gtk_editable_get_text (editable));
  probe = zb_figure_copy (self->figure);
  if (zb_figure_correct (probe, self->field, value, NULL, &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "refused");
      zb_message_set_tooltip (GTK_WIDGET (self), NULL);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "refused");
      zb_message_set_tooltip (GTK_WIDGET (self), error->message);
    }
}

/* Editing done: the keyboard goes back to the row, as in a spreadsheet,
 * so that the arrow keys and Tab go on from where the clerk was. */
static void
give_focus_back (ZbFigureCell *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && focus != GTK_WIDGET (self) && !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return;
  for (GtkWidget *w = gtk_widget_get_parent (GTK_WIDGET (self)); w != NULL; w = gtk_widget_get_parent (w))
    if (gtk_widget_get_focusable (w))
      {
        gtk_widget_grab_focus (w);
        return;
      }
}

static void
on_editing_changed (GtkEditableLabel *label,
                    GParamSpec       *pspec,
                    ZbFigureCell     *self)
{
  g_autofree char *current = NULL;
  g_autofree char *value = NULL;

  if (self->updating || self->figure == NULL)
    return;
  if (!gtk_editable_label_get_editing (label))
    give_focus_back (self);
  if (gtk_editable_label_get_editing (label))
    {
      /* the ledger's value is not the figure's: typing starts empty */
      if (self->showing_derived)
        {
          self->updating = TRUE;
          set_text (self, "");
          self->updating = FALSE;
        }
      return;
    }

  /* Editing ended: Escape restores the old text, so an unchanged text means
   * there is nothing to commit. */
  current = zb_figure_dup_field (self->figure, self->field);
  value = zb_figure_cell_value_text (self->field, gtk_editable_get_text (GTK_EDITABLE (label)));
  if (g_strcmp0 (current ? current : "", value) == 0)
    {
      update_from_model (self);
      return;
    }

  g_signal_emit (self, signals[COMMIT], 0, value);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                ZbFigureCell          *self)
{
  int direction;

  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = 1;
  else if (keyval == GDK_KEY_ISO_Left_Tab)
    direction = -1;
  else
    return GDK_EVENT_PROPAGATE;

  if (!gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (self->label)))
    return GDK_EVENT_PROPAGATE;

  zb_figure_cell_move (self, direction);
  return GDK_EVENT_STOP;
}

void
zb_figure_cell_move (ZbFigureCell *self,
                     int           direction)
{
  g_return_if_fail (ZB_IS_FIGURE_CELL (self));

  if (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (self->label)))
    gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (self->label), TRUE);
  g_signal_emit (self, signals[MOVE], 0, direction);
}

static void
zb_figure_cell_dispose (GObject *object)
{
  ZbFigureCell *self = ZB_FIGURE_CELL (object);

  zb_figure_cell_set_figure (self, NULL);
  g_clear_pointer (&self->label, gtk_widget_unparent);
  g_clear_pointer (&self->derived_text, g_free);
  g_clear_pointer (&self->derived_tip, g_free);

  G_OBJECT_CLASS (zb_figure_cell_parent_class)->dispose (object);
}

static void
zb_figure_cell_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ZbFigureCell *self = ZB_FIGURE_CELL (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_int (value, self->field);
      break;
    case PROP_FIGURE:
      g_value_set_object (value, self->figure);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_figure_cell_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ZbFigureCell *self = ZB_FIGURE_CELL (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      self->field = g_value_get_int (value);
      break;
    case PROP_FIGURE:
      zb_figure_cell_set_figure (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_figure_cell_class_init (ZbFigureCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zb_figure_cell_dispose;
  object_class->get_property = zb_figure_cell_get_property;
  object_class->set_property = zb_figure_cell_set_property;

  properties[PROP_FIELD] =
    g_param_spec_int ("field", NULL, NULL, 0, ZB_N_FIELDS - 1, ZB_FIELD_NAME,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIGURE] =
    g_param_spec_object ("figure", NULL, NULL, ZB_TYPE_FIGURE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The clerk finished editing with a new text (already mapped back from
   * the translated display text). */
  signals[COMMIT] =
    g_signal_new ("commit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* Tab / Shift+Tab while editing: +1 or -1 column. */
  signals[MOVE] =
    g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "zbfigurecell");
}

static void
zb_figure_cell_init (ZbFigureCell *self)
{
  GtkEventController *keys;

  self->label = gtk_editable_label_new ("");
  gtk_editable_set_width_chars (GTK_EDITABLE (self->label), 4);
  /* the row takes the keyboard (arrows select, Tab leaves the table);
   * the cell's text takes it while it is edited */
  gtk_widget_set_focusable (self->label, FALSE);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));

  g_signal_connect (self->label, "changed", G_CALLBACK (on_text_changed), self);
  g_signal_connect (self->label, "notify::editing", G_CALLBACK (on_editing_changed), self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (self->label, keys);
}

GtkWidget *
zb_figure_cell_new (ZbField field)
{
  return g_object_new (ZB_TYPE_FIGURE_CELL, "field", (int) field, NULL);
}

ZbField
zb_figure_cell_get_field (ZbFigureCell *self)
{
  g_return_val_if_fail (ZB_IS_FIGURE_CELL (self), ZB_FIELD_NAME);
  return self->field;
}

ZbFigure *
zb_figure_cell_get_figure (ZbFigureCell *self)
{
  g_return_val_if_fail (ZB_IS_FIGURE_CELL (self), NULL);
  return self->figure;
}

void
zb_figure_cell_set_figure (ZbFigureCell *self,
                           ZbFigure     *figure)
{
  g_return_if_fail (ZB_IS_FIGURE_CELL (self));

  if (self->figure == figure)
    return;

  /* a row scrolled away while typing: the text belongs to the old figure */
  if (self->label != NULL && self->figure != NULL &&
      gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (self->label)))
    gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (self->label), TRUE);

  if (self->figure != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->figure);
      g_clear_object (&self->figure);
    }
  if (figure != NULL)
    {
      self->figure = g_object_ref (figure);
      self->changed_id = g_signal_connect (figure, "field-changed",
                                           G_CALLBACK (on_field_changed), self);
    }
  if (self->label != NULL)
    update_from_model (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIGURE]);
}

GtkEditable *
zb_figure_cell_get_editable (ZbFigureCell *self)
{
  g_return_val_if_fail (ZB_IS_FIGURE_CELL (self), NULL);
  return GTK_EDITABLE (self->label);
}

void
zb_figure_cell_start_editing (ZbFigureCell *self)
{
  g_return_if_fail (ZB_IS_FIGURE_CELL (self));
  gtk_widget_grab_focus (self->label);
  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (self->label));
}

void
zb_figure_cell_refuse (ZbFigureCell *self,
                       const char   *reason)
{
  g_return_if_fail (ZB_IS_FIGURE_CELL (self));
  update_from_model (self);
  gtk_widget_add_css_class (GTK_WIDGET (self), "refused");
  zb_message_set_tooltip (GTK_WIDGET (self), reason);
}

void
zb_figure_cell_set_derived (ZbFigureCell *self,
                            const char   *text,
                            const char   *tooltip)
{
  g_return_if_fail (ZB_IS_FIGURE_CELL (self));

  if (g_strcmp0 (self->derived_text, text) == 0 && g_strcmp0 (self->derived_tip, tooltip) == 0)
    return;
  g_free (self->derived_text);
  g_free (self->derived_tip);
  self->derived_text = g_strdup (text);
  self->derived_tip = g_strdup (tooltip);
  /* never under the clerk's typing */
  if (self->label != NULL && !gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (self->label)))
    update_from_model (self);
}

gboolean
zb_figure_cell_get_derived (ZbFigureCell *self)
{
  g_return_val_if_fail (ZB_IS_FIGURE_CELL (self), FALSE);
  return self->showing_derived;
}

gboolean
zb_figure_cell_get_editing (ZbFigureCell *self)
{
  g_return_val_if_fail (ZB_IS_FIGURE_CELL (self), FALSE);
  return self->label != NULL && gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (self->label));
}

void
zb_figure_cell_undo_text (ZbFigureCell *self,
                          gboolean      redo)
{
  GtkEditable *delegate;

  g_return_if_fail (ZB_IS_FIGURE_CELL (self));

  delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->label));
  if (delegate != NULL)
    gtk_widget_activate_action (GTK_WIDGET (delegate), redo ? "text.redo" : "text.undo", NULL);
}
