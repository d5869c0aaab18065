/* zb-compare-cell.c — one report's figure in the Compare table: value, growth, status and ranks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two lines: the value and its unit, then the status's mark and the
 * growth; a ranked cell shows its ranks ("2/3") at the right of each. A
 * corrected value or growth is tinted and bold, as in the figure table.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "zb-compare-cell.h"

#define PADDING_X 6
#define PADDING_Y 3

struct _ZbCompareCell
{
  GtkWidget        parent_instance;

  ZbComparisonRow *row;
  guint            column;
  PangoLayout     *lines[2];   /* made when first drawn after a change */
  PangoLayout     *ranks[2];
  int              line_height;  /* the font's, 0 until measured */
};

G_DEFINE_FINAL_TYPE (ZbCompareCell, zb_compare_cell, GTK_TYPE_WIDGET)

enum {
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
zb_status_symbol (ZbStatus status)
{
  static const char *symbols[] = {
    [ZB_STATUS_UNKNOWN] = "–", [ZB_STATUS_AHEAD] = "▲", [ZB_STATUS_ON_TRACK] = "●", [ZB_STATUS_BEHIND] = "▼",
  };

  return status < G_N_ELEMENTS (symbols) ? symbols[status] : symbols[ZB_STATUS_UNKNOWN];
}

const ZbComparisonCell *
zb_compare_cell_get_cell (ZbCompareCell *self)
{
  g_return_val_if_fail (ZB_IS_COMPARE_CELL (self), NULL);
  return self->row ? zb_comparison_row_get_cell (self->row, self->column) : NULL;
}

ZbComparisonRow *
zb_compare_cell_get_row (ZbCompareCell *self)
{
  g_return_val_if_fail (ZB_IS_COMPARE_CELL (self), NULL);
  return self->row;
}

guint
zb_compare_cell_get_column (ZbCompareCell *self)
{
  g_return_val_if_fail (ZB_IS_COMPARE_CELL (self), 0);
  return self->column;
}

static char *
value_text (ZbFigure *f)
{
  g_autofree char *value = zb_number_format (zb_figure_get_value (f));
  const char *unit = zb_figure_get_unit (f);

  if (value == NULL)
    return g_strdup ("");
  return unit && *unit ? g_strdup_printf ("%s %s", value, unit) : g_steal_pointer (&value);
}

static char *
growth_text (const ZbComparisonCell *cell)
{
  ZbFigure *f = cell->assessment->figure;
  g_autofree char *change = zb_number_format (zb_figure_get_change (f));

  if (change == NULL)
    return g_strdup (zb_status_symbol (cell->assessment->status));
  /* Translators: a growth in percentage points, in a narrow cell */
  return g_strdup_printf (zb_figure_get_change_unit (f) == ZB_CHANGE_PP ? _("%s %s pp") : "%s %s%%",
                          zb_status_symbol (cell->assessment->status), change);
}

static char *
rank_text (guint rank,
           guint of)
{
  /* Translators: a rank among the reports of one period, e.g. 2/3 */
  return rank > 0 ? g_strdup_printf (_("%u/%u"), rank, of) : NULL;
}

char *
zb_compare_cell_dup_text (ZbCompareCell *self)
{
  const ZbComparisonCell *cell = zb_compare_cell_get_cell (self);
  g_autofree char *value = NULL;
  g_autofree char *growth = NULL;

  if (cell == NULL)
    return g_strdup ("");
  value = value_text (cell->assessment->figure);
  growth = growth_text (cell);
  return g_strdup_printf ("%s\n%s", value, growth);
}

static void
clear_layouts (ZbCompareCell *self)
{
  for (guint i = 0; i < 2; i++)
    {
      g_clear_object (&self->lines[i]);
      g_clear_object (&self->ranks[i]);
    }
}

static PangoLayout *
make_layout (ZbCompareCell *self,
             const char    *text,
             gboolean       bold)
{
  PangoLayout *layout;

  if (text == NULL || *text == '\0')
    return NULL;
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

static void
ensure_layouts (ZbCompareCell *self)
{
  const ZbComparisonCell *cell = zb_compare_cell_get_cell (self);
  ZbFigure *f;
  g_autofree char *value = NULL;
  g_autofree char *growth = NULL;
  g_autofree char *rank_value = NULL;
  g_autofree char *rank_growth = NULL;

  if (cell == NULL || self->lines[0] != NULL || self->lines[1] != NULL)
    return;
  f = cell->assessment->figure;
  value = value_text (f);
  growth = growth_text (cell);
  rank_value = rank_text (cell->rank_value, cell->n_ranked_value);
  rank_growth = rank_text (cell->rank_growth, cell->n_ranked_growth);
  self->lines[0] = make_layout (self, value, zb_figure_field_is_corrected (f, ZB_FIELD_VALUE) ||
                                             zb_figure_field_is_corrected (f, ZB_FIELD_UNIT));
  self->lines[1] = make_layout (self, growth, zb_figure_field_is_corrected (f, ZB_FIELD_CHANGE));
  self->ranks[0] = make_layout (self, rank_value, FALSE);
  self->ranks[1] = make_layout (self, rank_growth, FALSE);
}

static gboolean
is_corrected (const ZbComparisonCell *cell)
{
  ZbFigure *f = cell ? cell->assessment->figure : NULL;

  return f != NULL && (zb_figure_field_is_corrected (f, ZB_FIELD_VALUE) ||
                       zb_figure_field_is_corrected (f, ZB_FIELD_UNIT) ||
                       zb_figure_field_is_corrected (f, ZB_FIELD_CHANGE));
}

void
zb_compare_cell_set_cell (ZbCompareCell   *self,
                          ZbComparisonRow *row,
                          guint            column)
{
  const ZbComparisonCell *cell;
  g_autofree char *text = NULL;

  g_return_if_fail (ZB_IS_COMPARE_CELL (self));

  if (self->row == row && self->column == column)
    return;
  g_set_object (&self->row, row);
  self->column = column;
  clear_layouts (self);
  cell = zb_compare_cell_get_cell (self);
  if (is_corrected (cell))
    gtk_widget_add_css_class (GTK_WIDGET (self), "corrected");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "corrected");
  if ((cell != NULL) != gtk_widget_get_focusable (GTK_WIDGET (self)))
    {
      /* only a figure can be opened */
      gtk_widget_set_has_tooltip (GTK_WIDGET (self), cell != NULL);
      gtk_widget_set_focusable (GTK_WIDGET (self), cell != NULL);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cell != NULL ? "pointer" : NULL);
    }
  text = zb_compare_cell_dup_text (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
zb_compare_cell_activate (ZbCompareCell *self)
{
  g_return_if_fail (ZB_IS_COMPARE_CELL (self));

  if (zb_compare_cell_get_cell (self) != NULL)
    g_signal_emit (self, signals[ACTIVATED], 0);
}

/* Drawing ---------------------------------------------------------------- */

static gboolean
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color)
{
  gboolean found;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  found = gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return found;
}

/* The status's colour, as the table's status column has it. */
static GdkRGBA
status_color (GtkWidget *widget,
              ZbStatus   status,
              GdkRGBA    text)
{
  static const char *names[] = {
    [ZB_STATUS_AHEAD] = "success_color", [ZB_STATUS_ON_TRACK] = "accent_color", [ZB_STATUS_BEHIND] = "error_color",
  };
  GdkRGBA color = text;

  if (status == ZB_STATUS_UNKNOWN || !lookup_color (widget, names[status], &color))
    color.alpha *= 0.6;
  return color;
}

static void
draw_layout (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
zb_compare_cell_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  ZbCompareCell *self = ZB_COMPARE_CELL (widget);
  const ZbComparisonCell *cell = zb_compare_cell_get_cell (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA text, dim, colours[2];
  int line_height = (height - 2 * PADDING_Y) / 2;

  if (cell == NULL)
    return;
  ensure_layouts (self);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &text);
  G_GNUC_END_IGNORE_DEPRECATIONS
  dim = text;
  dim.alpha *= 0.55;
  colours[0] = text;
  colours[1] = status_color (widget, cell->assessment->status, text);

  for (guint i = 0; i < 2; i++)
    {
      int rank_width = 0, w, h;
      double y = PADDING_Y + i * line_height;

      if (self->ranks[i] != NULL)
        {
          pango_layout_get_pixel_size (self->ranks[i], &rank_width, &h);
          draw_layout (snapshot, self->ranks[i], width - PADDING_X - rank_width, y + (line_height - h) / 2.0, &dim);
          rank_width += 4;
        }
      if (self->lines[i] == NULL)
        continue;
      pango_layout_set_width (self->lines[i], MAX (1, width - 2 * PADDING_X - rank_width) * PANGO_SCALE);
      pango_layout_get_pixel_size (self->lines[i], &w, &h);
      draw_layout (snapshot, self->lines[i], PADDING_X, y + (line_height - h) / 2.0, &colours[i]);
    }
}

static void
zb_compare_cell_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 48;
      *natural = 112;
    }
  else
    {
      ZbCompareCell *self = ZB_COMPARE_CELL (widget);

      /* measured for every cell of every row: the font's height, once */
      if (self->line_height == 0)
        {
          PangoFontMetrics *metrics = pango_context_get_metrics (gtk_widget_get_pango_context (widget), NULL, NULL);

          self->line_height = MAX (PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics)), 16);
          pango_font_metrics_unref (metrics);
        }
      *minimum = *natural = 2 * self->line_height + 2 * PADDING_Y;
    }
}

/* Tooltip, click and keys ------------------------------------------------ */

/* A line of the tooltip, after those before it. */
static void G_GNUC_PRINTF (2, 3)
add_line (GString    *text,
          const char *format,
          ...)
{
  va_list args;

  if (text->len > 0)
    g_string_append_c (text, '\n');
  va_start (args, format);
  g_string_append_vprintf (text, format, args);
  va_end (args);
}

static char *
dup_tooltip (ZbCompareCell          *self,
             const ZbComparisonCell *cell)
{
  const ZbAssessment *a = cell->assessment;
  ZbFigure *f = a->figure;
  GString *text = g_string_new (NULL);
  const char *period = zb_figure_get_period (f);
  g_autofree char *target = NULL;

  add_line (text, "%s%s%s", zb_figure_get_name (f), period && *period ? " · " : "", period ? period : "");
  if (a->target != NULL)
    target = zb_number_format (a->target->growth.set ? &a->target->growth : &a->target->value);
  if (target != NULL && a->target->growth.set)
    /* Translators: in a Compare cell's tooltip */
    add_line (text, _("Target growth %s%%"), target);
  else if (target != NULL)
    add_line (text, _("Target %s"), target);
  if (isfinite (a->gap_pp))
    add_line (text, _("Gap %+.1f pp, %s"), a->gap_pp, zb_status_to_label (a->status, NULL));
  if (cell->rank_growth > 0)
    add_line (text, _("Rank %u of %u by growth"), cell->rank_growth, cell->n_ranked_growth);
  if (cell->rank_value > 0)
    add_line (text, _("Rank %u of %u by value"), cell->rank_value, cell->n_ranked_value);
  for (ZbField field = ZB_FIELD_VALUE; field <= ZB_FIELD_CHANGE; field++)
    if (zb_figure_field_is_corrected (f, field))
      {
        g_autofree char *original = zb_figure_dup_original (f, field);
        /* Translators: tooltip of an edited cell; %s is the extracted value */
        add_line (text, _("Edited — original: %s"), original ? original : _("(empty)"));
        break;
      }
  add_line (text, "%s", _("Click to open the report at this figure"));
  return g_string_free (text, FALSE);
}

static gboolean
zb_compare_cell_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard,
                               GtkTooltip *tooltip)
{
  ZbCompareCell *self = ZB_COMPARE_CELL (widget);
  const ZbComparisonCell *cell = zb_compare_cell_get_cell (self);
  g_autofree char *text = NULL;

  if (cell == NULL)
    return FALSE;
  text = dup_tooltip (self, cell);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             ZbCompareCell   *self)
{
  if (n_press == 1)
    zb_compare_cell_activate (self);
}

static gboolean
on_key (GtkEventControllerKey *controller,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        ZbCompareCell         *self)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_space)
    return FALSE;
  zb_compare_cell_activate (self);
  return TRUE;
}

static void
zb_compare_cell_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (zb_compare_cell_parent_class)->css_changed (widget, change);
  /* the font may have changed (the text is laid out again when rebound) */
  ZB_COMPARE_CELL (widget)->line_height = 0;
}

static void
zb_compare_cell_dispose (GObject *object)
{
  ZbCompareCell *self = ZB_COMPARE_CELL (object);

  clear_layouts (self);
  g_clear_object (&self->row);

  G_OBJECT_CLASS (zb_compare_cell_parent_class)->dispose (object);
}

static void
zb_compare_cell_class_init (ZbCompareCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zb_compare_cell_dispose;
  widget_class->snapshot = zb_compare_cell_snapshot;
  widget_class->measure = zb_compare_cell_measure;
  widget_class->query_tooltip = zb_compare_cell_query_tooltip;
  widget_class->css_changed = zb_compare_cell_css_changed;

  /* the clerk asked for this figure in its report */
  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "zbcomparecell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
zb_compare_cell_init (ZbCompareCell *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), FALSE);
}

GtkWidget *
zb_compare_cell_new (void)
{
  return g_object_new (ZB_TYPE_COMPARE_CELL, NULL);
}
