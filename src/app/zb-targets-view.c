/* zb-targets-view.c — the targets of the open report and of the workspace, and a form to type one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view shows the document's ledger and reads the form: the document
 * keeps a typed target or alias and rebuilds the ledger, which comes back
 * through ::assessed.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <math.h>

#include "zb-targets-view.h"
#include "zb-message.h"

struct _ZbTargetsView
{
  ZbPane       parent_instance;

  GtkWidget   *scroller;
  GtkListBox  *list;
  GtkLabel    *summary;
  AdwEntryRow *indicator;
  AdwEntryRow *year;
  AdwEntryRow *period;
  AdwEntryRow *area;
  AdwEntryRow *growth;
  AdwEntryRow *value;
  AdwEntryRow *unit;
  AdwComboRow *qualifier;
  GtkLabel    *form_error;
  GtkLabel    *canonical_note;  /* the name the ledger files the indicator under */
  AdwEntryRow *alias;
  AdwEntryRow *canonical;
  GtkLabel    *alias_error;

  ZbLedger    *ledger;
};

G_DEFINE_FINAL_TYPE (ZbTargetsView, zb_targets_view, ZB_TYPE_PANE)

#define DOCUMENT(self) zb_pane_get_document (ZB_PANE (self))

/* The qualifiers a target sentence uses; the first is none. */
static const char *qualifiers[] = { "", "以上", "左右", "力争" };

char *
zb_targets_view_format_target (const ZbTarget *target)
{
  GString *text = g_string_new (NULL);
  const char *qualifier = target->qualifier ? target->qualifier : "";

  /* 力争 goes before the number, the others after it */
  if (g_str_equal (qualifier, "力争"))
    g_string_append (text, qualifier);
  if (target->growth.set)
    {
      g_autofree char *n = zb_number_format (&target->growth);
      g_string_append_printf (text, "%s%%", n);
    }
  if (target->value.set)
    {
      g_autofree char *n = zb_number_format (&target->value);

      if (target->growth.set)
        g_string_append (text, ", ");
      g_string_append_printf (text, "%s%s%s", n, target->unit ? " " : "", target->unit ? target->unit : "");
    }
  if (*qualifier != '\0' && !g_str_equal (qualifier, "力争"))
    g_string_append (text, qualifier);
  return g_string_free (text, FALSE);
}

char *
zb_targets_view_describe_source (const ZbTarget *target)
{
  const char *quote;

  if (target->figure == NULL)
    return g_strdup (_("Typed in the workspace"));
  quote = zb_figure_get_quote (target->figure);
  /* Translators: where a target was read: a line number and the sentence */
  return g_strdup_printf (_("Line %d: “%s”"), zb_figure_get_line (target->figure),
                          quote ? quote : "");
}

static gboolean
same_key (const ZbTarget *a,
          const ZbTarget *b)
{
  return g_strcmp0 (a->indicator, b->indicator) == 0 && a->year == b->year &&
         g_strcmp0 (a->area ? a->area : "", b->area ? b->area : "") == 0 &&
         zb_target_periods_overlap (a, b);
}

/* "GDP 2025 · 1-3月 · 全省": what a target is for */
static char *
target_title (const ZbTarget *target)
{
  GString *title = g_string_new (target->indicator);

  if (target->year > 0)
    g_string_append_printf (title, " %d", target->year);
  if (target->period != NULL && *target->period != '\0')
    g_string_append_printf (title, " · %s", target->period);
  if (target->area != NULL && *target->area != '\0')
    g_string_append_printf (title, " · %s", target->area);
  return g_string_free (title, FALSE);
}

static void
on_remove_clicked (GtkButton     *button,
                   ZbTargetsView *self)
{
  const ZbTarget *target = g_object_get_data (G_OBJECT (button), "zb-target");
  ZbFigure *figure;

  if (DOCUMENT (self) == NULL || target == NULL)
    return;
  /* typed into a row's Target cell: that cell is emptied, as an edit */
  if ((figure = zb_document_get_source_figure (DOCUMENT (self), target)) != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!zb_document_correct (DOCUMENT (self), figure, ZB_FIELD_TARGET, "", &error))
        zb_message_toast (GTK_WIDGET (self), error->message, 5, NULL, NULL, NULL);
      return;
    }
  {
    g_autoptr(ZbTarget) typed = zb_target_copy (target);

    g_free (typed->source);
    typed->source = g_strdup ("manual");
    zb_document_remove_target (DOCUMENT (self), typed);
  }
}

/* Typed in the workspace, or typed into a row's Target cell: the clerk's,
 * so the clerk can take it away. */
static gboolean
removable (ZbTargetsView  *self,
           const ZbTarget *target)
{
  ZbFigure *figure;

  if (target->figure == NULL)
    return TRUE;
  figure = DOCUMENT (self) ? zb_document_get_source_figure (DOCUMENT (self), target) : NULL;
  return figure != NULL && zb_figure_field_is_corrected (figure, ZB_FIELD_TARGET);
}

static GtkWidget *
target_row (ZbTargetsView  *self,
            const ZbTarget *target,
            gboolean        conflict)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = target_title (target);
  g_autofree char *what = zb_targets_view_format_target (target);
  g_autofree char *where = zb_targets_view_describe_source (target);
  g_autofree char *subtitle = g_strdup_printf ("%s — %s", what, where);
  g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  if (conflict)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, _("Another target for the same indicator and year differs"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (row, "conflict");
    }
  if (removable (self, target))
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_set_name (remove, "remove-target");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove this target"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove this target"), -1);
      /* the ledger's target lives as long as the list shows it */
      g_object_set_data_full (G_OBJECT (remove), "zb-target", zb_target_copy (target),
                              (GDestroyNotify) zb_target_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
    }
  return row;
}

void
zb_targets_view_set_ledger (ZbTargetsView *self,
                            ZbLedger      *ledger)
{
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  GtkWidget *child;
  guint n_conflicts = 0;

  g_return_if_fail (ZB_IS_TARGETS_VIEW (self));

  g_set_object (&self->ledger, ledger);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (ledger == NULL)
    {
      gtk_label_set_label (self->summary, _("Open a report to see its targets."));
      return;
    }

  targets = zb_ledger_list_targets (ledger);
  conflicts = zb_ledger_get_conflicts (ledger);
  for (guint i = 0; i < targets->len; i++)
    {
      const ZbTarget *target = g_ptr_array_index (targets, i);
      gboolean conflict = FALSE;

      for (guint j = 0; j < conflicts->len && !conflict; j++)
        conflict = same_key (target, g_ptr_array_index (conflicts, j));
      n_conflicts += conflict;
      gtk_list_box_append (self->list, target_row (self, target, conflict));
    }

  if (targets->len == 0)
    gtk_label_set_label (self->summary, _("Neither the report nor the workspace gives a target yet: type one below."));
  else
    {
      g_autofree char *text = NULL;

      if (n_conflicts > 0)
        /* Translators: %u targets in all; %u of them disagree with another */
        text = g_strdup_printf (_("%u targets, %u in conflict"), targets->len, n_conflicts);
      else
        text = g_strdup_printf (ngettext ("%u target", "%u targets", targets->len), targets->len);
      gtk_label_set_label (self->summary, text);
    }
}

/* A number as typed ("6.5", "6.5%", "１２００"), its decimals kept. */
static gboolean
parse_number (const char  *text,
              const char  *what,
              ZbNumber    *number,
              GError     **error)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  char *stripped = g_strstrip (normal);
  const char *dot;
  char *end = NULL;
  gsize len = strlen (stripped);
  double v;

  if (len > 0 && stripped[len - 1] == '%')
    stripped[--len] = '\0';
  g_strstrip (stripped);
  v = g_ascii_strtod (stripped, &end);
  if (*stripped == '\0' || end == NULL || *end != '\0' || !isfinite (v))
    {
      /* Translators: the first %s names the field, the second is what was typed */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: “%s” is not a number"), what, text);
      return FALSE;
    }
  dot = strchr (stripped, '.');
  number->value = v;
  number->decimals = dot ? (gint8) MIN (strlen (dot + 1), 6) : 0;
  number->set = TRUE;
  return TRUE;
}

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
read_form (ZbTargetsView  *self,
           ZbTarget      **out,
           GError        **error)
{
  g_autofree char *indicator = g_strstrip (g_strdup (entry_text (self->indicator)));
  g_autofree char *year_text = g_strstrip (g_strdup (entry_text (self->year)));
  g_autofree char *unit = g_strstrip (g_strdup (entry_text (self->unit)));
  g_autoptr(ZbTarget) target = NULL;
  guint q = adw_combo_row_get_selected (self->qualifier);
  guint64 year = 0;

  if (*indicator == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Type the indicator the target is for"));
      return FALSE;
    }
  if (!g_ascii_string_to_unsigned (year_text, 10, 1949, 2100, &year, NULL))
    {
      /* Translators: %s is what was typed as the year */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” is not a year such as 2025"), year_text);
      return FALSE;
    }

  target = zb_target_new (indicator, (int) year);
  {
    g_autofree char *period = g_strstrip (g_strdup (entry_text (self->period)));
    g_autofree char *area = g_strstrip (g_strdup (entry_text (self->area)));

    /* as the figures' periods are compared: 一季度 and 1-3月 are one kind */
    if (*period != '\0')
      target->period = zb_target_period_kind (period);
    if (*area != '\0')
      target->area = g_steal_pointer (&area);
  }
  if (*entry_text (self->growth) != '\0' &&
      !parse_number (entry_text (self->growth), _("Growth"), &target->growth, error))
    return FALSE;
  if (*entry_text (self->value) != '\0' &&
      !parse_number (entry_text (self->value), _("Value"), &target->value, error))
    return FALSE;
  if (!target->growth.set && !target->value.set)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Type a growth rate or a value"));
      return FALSE;
    }
  if (target->value.set && *unit == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("A value needs its unit, such as 亿元"));
      return FALSE;
    }
  if (target->value.set)
    target->unit = g_steal_pointer (&unit);
  if (q < G_N_ELEMENTS (qualifiers) && *qualifiers[q] != '\0')
    target->qualifier = g_strdup (qualifiers[q]);
  *out = g_steal_pointer (&target);
  return TRUE;
}

static void
show_note (GtkLabel   *label,
           const char *text,
           gboolean    is_error)
{
  gtk_label_set_label (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
  if (is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
}

static void
show_error (GtkLabel     *label,
            const GError *error)
{
  show_note (label, error ? error->message : NULL, TRUE);
}

gboolean
zb_targets_view_submit (ZbTargetsView  *self,
                        GError        **error)
{
  g_autoptr(ZbTarget) target = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (ZB_IS_TARGETS_VIEW (self), FALSE);

  if (!read_form (self, &target, &local))
    {
      show_error (self->form_error, local);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  show_error (self->form_error, NULL);
  if (DOCUMENT (self) != NULL)
    zb_document_set_target (DOCUMENT (self), target);
  /* the typed text stays for the next target but the numbers */
  gtk_editable_set_text (GTK_EDITABLE (self->growth), "");
  gtk_editable_set_text (GTK_EDITABLE (self->value), "");
  return TRUE;
}

gboolean
zb_targets_view_submit_alias (ZbTargetsView  *self,
                              GError        **error)
{
  g_autofree char *alias = g_strstrip (g_strdup (entry_text (self->alias)));
  g_autofree char *canonical = g_strstrip (g_strdup (entry_text (self->canonical)));
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (ZB_IS_TARGETS_VIEW (self), FALSE);

  if (*alias == '\0' || *canonical == '\0')
    g_set_error_literal (&local, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("Type both the other name and the indicator it stands for"));
  else if (g_str_equal (alias, canonical))
    g_set_error_literal (&local, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("An alias must differ from the indicator’s name"));
  if (local != NULL)
    {
      show_error (self->alias_error, local);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  {
    /* Translators: an alias was added: “GDP” now means “地区生产总值” */
    g_autofree char *note = g_strdup_printf (_("“%s” now means “%s”"), alias, canonical);
    show_note (self->alias_error, note, FALSE);
  }
  if (DOCUMENT (self) != NULL)
    zb_document_add_alias (DOCUMENT (self), alias, canonical);
  gtk_editable_set_text (GTK_EDITABLE (self->alias), "");
  gtk_editable_set_text (GTK_EDITABLE (self->canonical), "");
  return TRUE;
}

/* Shows the name the ledger will file the typed indicator under. */
static void
on_indicator_changed (GtkEditable   *editable,
                      ZbTargetsView *self)
{
  const char *text = gtk_editable_get_text (editable);
  g_autofree char *canonical = NULL;

  if (DOCUMENT (self) != NULL && *text != '\0')
    canonical = zb_document_dup_canonical (DOCUMENT (self), text);
  if (canonical != NULL && !g_str_equal (canonical, text))
    {
      /* Translators: the indicator typed is known under another name */
      g_autofree char *note = g_strdup_printf (_("means %s"), canonical);
      show_note (self->canonical_note, note, FALSE);
    }
  else
    show_note (self->canonical_note, NULL, FALSE);
}

static void
on_set_clicked (GtkButton     *button,
                ZbTargetsView *self)
{
  zb_targets_view_submit (self, NULL);
}

static void
on_alias_clicked (GtkButton     *button,
                  ZbTargetsView *self)
{
  zb_targets_view_submit_alias (self, NULL);
}

static AdwEntryRow *
add_entry (GtkWidget  *group,
           const char *name,
           const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_ENTRY_ROW (row);
}

static GtkLabel *
note_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  return GTK_LABEL (label);
}

static GtkWidget *
button (const char *name,
        const char *label)
{
  GtkWidget *b = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_name (b, name);
  gtk_widget_set_halign (b, GTK_ALIGN_END);
  gtk_widget_add_css_class (b, "suggested-action");
  return b;
}

/* The report's year, unless the clerk typed another. */
static void
fill_year (ZbTargetsView *self)
{
  int year = DOCUMENT (self) ? zb_document_get_year (DOCUMENT (self)) : 0;
  g_autofree char *text = year > 0 ? g_strdup_printf ("%d", year) : g_strdup ("");
  const char *shown = g_object_get_data (G_OBJECT (self->year), "zb-filled");

  if (*entry_text (self->year) == '\0' || g_strcmp0 (shown, entry_text (self->year)) == 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->year), text);
      g_object_set_data_full (G_OBJECT (self->year), "zb-filled", g_strdup (text), g_free);
    }
}

static void
on_assessed (ZbTargetsView *self)
{
  zb_targets_view_set_ledger (self, DOCUMENT (self) ? zb_document_get_ledger (DOCUMENT (self)) : NULL);
}

static void
document_changed (ZbPane     *pane,
                  ZbDocument *document)
{
  fill_year (ZB_TARGETS_VIEW (pane));
  on_assessed (ZB_TARGETS_VIEW (pane));
}

static void
zb_targets_view_dispose (GObject *object)
{
  ZbTargetsView *self = ZB_TARGETS_VIEW (object);

  g_clear_object (&self->ledger);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);

  G_OBJECT_CLASS (zb_targets_view_parent_class)->dispose (object);
}

static void
zb_targets_view_class_init (ZbTargetsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zb_targets_view_dispose;
  ZB_PANE_CLASS (klass)->document_changed = document_changed;

  gtk_widget_class_set_css_name (widget_class, "zbtargetsview");
}

static void
zb_targets_view_init (ZbTargetsView *self)
{
  GtkWidget *box, *group, *list, *b;
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), box);

  /* the ledger's targets */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Targets"));
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "dim-label");
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->summary), 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->summary));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Targets"), -1);
  self->list = GTK_LIST_BOX (list);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  gtk_box_append (GTK_BOX (box), group);

  /* a target typed by hand */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Type a Target"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Kept in the workspace; it takes precedence over the reports’ targets."));
  self->indicator = add_entry (group, "indicator", _("Indicator"));
  self->canonical_note = note_label ();
  gtk_label_set_wrap (self->canonical_note, FALSE);
  gtk_label_set_ellipsize (self->canonical_note, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->canonical_note, 14);
  adw_entry_row_add_suffix (self->indicator, GTK_WIDGET (self->canonical_note));
  self->year = add_entry (group, "year", _("Year"));
  self->period = add_entry (group, "period", _("Period (empty: every period)"));
  self->area = add_entry (group, "area", _("Area (empty: the report’s own)"));
  self->growth = add_entry (group, "growth", _("Growth (%)"));
  self->value = add_entry (group, "value", _("Or a value"));
  self->unit = add_entry (group, "unit", _("Unit of the value"));
  gtk_string_list_append (choices, _("None"));
  for (guint i = 1; i < G_N_ELEMENTS (qualifiers); i++)
    gtk_string_list_append (choices, qualifiers[i]);
  self->qualifier = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->qualifier), "qualifier");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->qualifier), _("Qualifier"));
  adw_combo_row_set_model (self->qualifier, G_LIST_MODEL (choices));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->qualifier));
  self->form_error = note_label ();
  gtk_widget_set_margin_top (GTK_WIDGET (self->form_error), 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->form_error));
  b = button ("set-target", _("_Set Target"));
  gtk_widget_set_margin_top (b, 6);
  g_signal_connect (b, "clicked", G_CALLBACK (on_set_clicked), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), b);
  gtk_box_append (GTK_BOX (box), group);
  g_signal_connect (self->indicator, "changed", G_CALLBACK (on_indicator_changed), self);
  g_signal_connect (self->indicator, "entry-activated", G_CALLBACK (on_set_clicked), self);

  /* another name of an indicator */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Aliases"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Another name a report uses for an indicator, such as GDP for 地区生产总值."));
  self->alias = add_entry (group, "alias", _("Other name"));
  self->canonical = add_entry (group, "canonical", _("Indicator"));
  self->alias_error = note_label ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->alias_error));
  b = button ("add-alias", _("Add _Alias"));
  gtk_widget_set_margin_top (b, 6);
  g_signal_connect (b, "clicked", G_CALLBACK (on_alias_clicked), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), b);
  gtk_box_append (GTK_BOX (box), group);

  zb_targets_view_set_ledger (self, NULL);
  g_signal_group_connect_object (zb_pane_get_document_signals (ZB_PANE (self)), "assessed",
                                 G_CALLBACK (on_assessed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (zb_pane_get_document_signals (ZB_PANE (self)), "notify::year",
                                 G_CALLBACK (fill_year), self, G_CONNECT_SWAPPED);
}

GtkWidget *
zb_targets_view_new (void)
{
  return g_object_new (ZB_TYPE_TARGETS_VIEW, NULL);
}
