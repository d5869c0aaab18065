/* zb-undo-stack.c — undo and redo of a clerk's edits, additions and deletions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "zb-undo-stack.h"

/* A step is either a field correction (deletion is the "deleted" field) or
 * the addition of a hand-made figure.  Undoing a correction writes the old
 * value back as a new correction, so the report keeps the whole history. */
typedef enum {
  STEP_CORRECT,
  STEP_ADD,
} StepKind;

typedef struct {
  StepKind  kind;
  ZbFigure *figure;
  ZbField   field;
  char     *old_value;
  char     *new_value;
  guint     position;   /* STEP_ADD: where the figure sat in the report */
  char     *label;
} Step;

struct _ZbUndoStack
{
  GObject    parent_instance;
  ZbReport  *report;
  GPtrArray *undo;   /* of Step, last = most recent */
  GPtrArray *redo;
};

G_DEFINE_FINAL_TYPE (ZbUndoStack, zb_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REPORT,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
step_free (Step *step)
{
  g_clear_object (&step->figure);
  g_free (step->old_value);
  g_free (step->new_value);
  g_free (step->label);
  g_free (step);
}

static void
notify_state (ZbUndoStack *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
zb_undo_stack_finalize (GObject *object)
{
  ZbUndoStack *self = ZB_UNDO_STACK (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_object (&self->report);

  G_OBJECT_CLASS (zb_undo_stack_parent_class)->finalize (object);
}

static void
zb_undo_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ZbUndoStack *self = ZB_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, zb_undo_stack_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, zb_undo_stack_get_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_undo_stack_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ZbUndoStack *self = ZB_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      self->report = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_undo_stack_class_init (ZbUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zb_undo_stack_finalize;
  object_class->get_property = zb_undo_stack_get_property;
  object_class->set_property = zb_undo_stack_set_property;

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, ZB_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zb_undo_stack_init (ZbUndoStack *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

ZbUndoStack *
zb_undo_stack_new (ZbReport *report)
{
  g_return_val_if_fail (ZB_IS_REPORT (report), NULL);
  return g_object_new (ZB_TYPE_UNDO_STACK, "report", report, NULL);
}

static void
push (ZbUndoStack *self,
      Step        *step)
{
  g_ptr_array_add (self->undo, step);
  g_ptr_array_set_size (self->redo, 0);
  notify_state (self);
}

gboolean
zb_undo_stack_correct (ZbUndoStack  *self,
                       ZbFigure     *figure,
                       ZbField       field,
                       const char   *new_value,
                       GError      **error)
{
  g_autofree char *old_value = NULL;
  g_autofree char *canonical = NULL;
  Step *step;

  g_return_val_if_fail (ZB_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (ZB_IS_FIGURE (figure), FALSE);

  old_value = zb_figure_dup_field (figure, field);
  if (!zb_figure_correct (figure, field, new_value, NULL, error))
    return FALSE;
  canonical = zb_figure_dup_field (figure, field);

  step = g_new0 (Step, 1);
  step->kind = STEP_CORRECT;
  step->figure = g_object_ref (figure);
  step->field = field;
  step->old_value = g_steal_pointer (&old_value);
  step->new_value = g_steal_pointer (&canonical);
  if (field == ZB_FIELD_DELETED)
    step->label = g_strdup (_("Delete figure"));
  else if (field == ZB_FIELD_REVIEWED)
    step->label = g_strdup (_("Review figure"));
  else
    step->label = g_strdup (_("Edit figure"));
  push (self, step);
  return TRUE;
}

void
zb_undo_stack_push_added (ZbUndoStack *self,
                          ZbFigure    *figure)
{
  Step *step;
  guint position = 0;

  g_return_if_fail (ZB_IS_UNDO_STACK (self));
  g_return_if_fail (ZB_IS_FIGURE (figure));

  if (!g_list_store_find (G_LIST_STORE (zb_report_get_figures (self->report)), figure, &position))
    g_return_if_reached ();

  step = g_new0 (Step, 1);
  step->kind = STEP_ADD;
  step->figure = g_object_ref (figure);
  step->position = position;
  step->label = g_strdup (_("Add figure"));
  push (self, step);
}

/* Applies a step backwards (undo) or forwards (redo). */
static gboolean
run_step (ZbUndoStack  *self,
          Step         *step,
          gboolean      forward,
          GError      **error)
{
  switch (step->kind)
    {
    case STEP_CORRECT:
      {
        const char *value = forward ? step->new_value : step->old_value;
        /* the note is stored as it is, untranslated: History and the
         * workbook say it in their own language */
        return zb_figure_correct (step->figure, step->field, value ? value : "",
                                  forward ? N_("redo") : N_("undo"), error);
      }
    case STEP_ADD:
      if (forward)
        {
          guint n = g_list_model_get_n_items (zb_report_get_figures (self->report));
          zb_report_insert_figure (self->report, MIN (step->position, n), step->figure);
        }
      else if (!zb_report_remove_figure (self->report, step->figure, &step->position))
        {
          g_set_error_literal (error, ZB_ERROR, ZB_ERROR_NOT_FOUND,
                               _("The added figure is no longer in the report"));
          return FALSE;
        }
      return TRUE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

static gboolean
move_step (ZbUndoStack  *self,
           GPtrArray    *from,
           GPtrArray    *to,
           gboolean      forward,
           GError      **error)
{
  Step *step;

  if (from->len == 0)
    {
      g_set_error_literal (error, ZB_ERROR, ZB_ERROR_NOT_FOUND,
                           forward ? _("Nothing to redo") : _("Nothing to undo"));
      return FALSE;
    }

  step = g_ptr_array_index (from, from->len - 1);
  if (!run_step (self, step, forward, error))
    return FALSE;

  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  notify_state (self);
  return TRUE;
}

gboolean
zb_undo_stack_undo (ZbUndoStack  *self,
                    GError      **error)
{
  g_return_val_if_fail (ZB_IS_UNDO_STACK (self), FALSE);
  return move_step (self, self->undo, self->redo, FALSE, error);
}

gboolean
zb_undo_stack_redo (ZbUndoStack  *self,
                    GError      **error)
{
  g_return_val_if_fail (ZB_IS_UNDO_STACK (self), FALSE);
  return move_step (self, self->redo, self->undo, TRUE, error);
}

gboolean
zb_undo_stack_get_can_undo (ZbUndoStack *self)
{
  return self->undo->len > 0;
}

gboolean
zb_undo_stack_get_can_redo (ZbUndoStack *self)
{
  return self->redo->len > 0;
}

guint
zb_undo_stack_get_n_undo (ZbUndoStack *self)
{
  return self->undo->len;
}

guint
zb_undo_stack_get_n_redo (ZbUndoStack *self)
{
  return self->redo->len;
}

const char *
zb_undo_stack_peek_undo_label (ZbUndoStack *self)
{
  if (self->undo->len == 0)
    return NULL;
  return ((Step *) g_ptr_array_index (self->undo, self->undo->len - 1))->label;
}
