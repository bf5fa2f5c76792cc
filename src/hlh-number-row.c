/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hlh-number-row.h"
#include "hlh-accessible.h"
#include "hlh-label-util.h"
#include "hlh-rules.h"

/* A numeric finding: typed text read by the core's parser (never a spin button, which would
 * round or clamp silently), a unit chooser, the value used echoed in the rule's native unit,
 * and a refusal shown in words next to an icon. */

struct _HlhNumberRow
{
  GtkWidget     parent_instance;

  GtkWidget       *root;
  GtkLabel     *label;
  GtkEntry     *entry;
  GtkMenuButton *units;
  GtkLabel     *echo;
  GtkWidget    *message_box;
  GtkLabel     *message;

  HlhCaseModel *model;
  HlhField      field;
  HlhUnit       unit;
  HlhUnit       choices[HLH_N_UNITS];
  guint         n_choices;
  GtkPopover   *popover;
  gboolean      syncing;
};

enum {
  PROP_0,
  PROP_UNIT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (HlhNumberRow, hlh_number_row, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];

/**
 * hlh_number_text_for_entry:
 *
 * A number as the form shows it: the locale's decimal mark, every digit kept, and never a
 * single separator before exactly three digits, which the parser would refuse as ambiguous.
 *
 * Returns: (transfer full): the text
 */
char *
hlh_number_text_for_entry (double value)
{
  g_autofree char *text = g_strdup_printf ("%.15g", value);
  const char *mark = strpbrk (text, ".,");

  if (mark != NULL && strlen (mark + 1) == 3)
    return g_strconcat (text, "0", NULL);
  return g_steal_pointer (&text);
}

/* The keyboard goes to the button inside the menu button, which GTK 4.8 names by the label
 * alone once there is one: a screen reader said "years". It is named as the menu button is,
 * "Unit: years", as GTK names it when the menu button shows an icon. */
static void
name_unit_button (HlhNumberRow *self)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self->units));

  if (GTK_IS_TOGGLE_BUTTON (button))
    hlh_accessible_label_by (button, GTK_WIDGET (self->units));
}

/* "Ferritin, µg/L": the field's name for screen readers, with the unit it is read in. */
static void
update_accessible_name (HlhNumberRow *self)
{
  g_autofree char *label = g_strdup_printf ("%s, %s", _(hlh_field_get_info (self->field)->label),
                                            hlh_unit_get_label (self->unit));

  hlh_accessible_set_label (GTK_WIDGET (self->entry), label);
}

static void
update_accessible (HlhNumberRow *self,
                   const char   *message)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message != NULL ? message : gtk_label_get_text (self->echo),
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE
                                               : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

/* "= 38.4 °C": the value the rules use, in the unit they are written in. */
static char *
dup_echo (HlhNumberRow *self,
          gboolean      refused)
{
  const HlhCase *c = hlh_case_model_get_case (self->model);
  HlhUnit native = hlh_field_get_info (self->field)->unit;
  g_autofree char *value = NULL;
  double number;

  if (!hlh_case_get_number (c, self->field, native, &number))
    return g_strdup (refused ? _("Not used: the finding stays unknown") : "");
  value = hlh_format_value (number, native);
  if (refused)
    return g_strdup_printf (_("Not used: the results keep the value from before this edit, %s"), value);
  return g_strdup_printf ("= %s", value);
}

static void
show_state (HlhNumberRow *self,
            const char   *message)
{
  g_autofree char *echo = dup_echo (self, message != NULL);

  hlh_label_set_text (self->echo, echo);
  hlh_label_set_text (self->message, message);
  gtk_widget_set_visible (self->message_box, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
  update_accessible (self, message);
}

static void
apply_text (HlhNumberRow *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  if (self->syncing)
    return;
  hlh_case_model_set_text (self->model, self->field, text, self->unit, &error);
  show_state (self, error != NULL ? error->message : NULL);
}

static void
entry_changed_cb (HlhNumberRow *self)
{
  apply_text (self);
}

static void
choose_unit (HlhNumberRow *self,
             HlhUnit       unit)
{
  g_autofree char *label = NULL;

  if (unit == self->unit)
    return;
  self->unit = unit;
  gtk_menu_button_set_label (self->units, hlh_unit_get_label (unit));
  label = g_strdup_printf (_("Unit: %s"), hlh_unit_get_label (unit));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->units),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  name_unit_button (self);
  update_accessible_name (self);
  if (self->syncing)
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
  /* The number typed is the one on the laboratory report; the unit says what it means. A
   * refusal in the new unit falls back to the value read in the old one. */
  hlh_case_model_end_editing (self->model);
  apply_text (self);
}

static void
unit_clicked_cb (GtkButton    *button,
                 HlhNumberRow *self)
{
  choose_unit (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "hlh-unit")));
  gtk_popover_popdown (self->popover);
}

/* The list of units is made when first opened: most rows never open it. */
static void
create_popup (GtkMenuButton *button,
              gpointer       user_data)
{
  HlhNumberRow *self = user_data;
  GtkWidget *box;

  if (self->popover != NULL)
    return;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  for (guint i = 0; i < self->n_choices; i++)
    {
      GtkWidget *item = gtk_button_new_with_label (hlh_unit_get_label (self->choices[i]));

      gtk_widget_add_css_class (item, "flat");
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (item))), 0);
      g_object_set_data (G_OBJECT (item), "hlh-unit", GUINT_TO_POINTER (self->choices[i]));
      g_signal_connect (item, "clicked", G_CALLBACK (unit_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), item);
    }
  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->popover, box);
  gtk_menu_button_set_popover (button, GTK_WIDGET (self->popover));
}

static void
focus_leave_cb (HlhNumberRow *self)
{
  if (self->model != NULL)
    hlh_case_model_end_editing (self->model);
}

static void
fill_units (HlhNumberRow *self)
{
  HlhQuantity quantity = hlh_field_get_quantity (self->field);

  self->n_choices = 0;
  for (guint u = 0; u < HLH_N_UNITS; u++)
    if (hlh_unit_get_quantity (u) == quantity)
      self->choices[self->n_choices++] = u;
  gtk_widget_set_sensitive (GTK_WIDGET (self->units), self->n_choices > 1);
  gtk_menu_button_set_create_popup_func (self->units, create_popup, self, NULL);
}

static void
hlh_number_row_dispose (GObject *object)
{
  HlhNumberRow *self = HLH_NUMBER_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HLH_TYPE_NUMBER_ROW);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (hlh_number_row_parent_class)->dispose (object);
}

static void
hlh_number_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HlhNumberRow *self = HLH_NUMBER_ROW (object);

  switch (prop_id)
    {
    case PROP_UNIT:
      g_value_set_uint (value, self->unit);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hlh_number_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HlhNumberRow *self = HLH_NUMBER_ROW (object);

  switch (prop_id)
    {
    case PROP_UNIT:
      hlh_number_row_set_unit (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hlh_number_row_class_init (HlhNumberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hlh_number_row_dispose;
  object_class->get_property = hlh_number_row_get_property;
  object_class->set_property = hlh_number_row_set_property;

  /**
   * HlhNumberRow:unit:
   *
   * The unit a number typed without one is read in (an #HlhUnit).
   */
  properties[PROP_UNIT] =
    g_param_spec_uint ("unit", NULL, NULL, 0, HLH_N_UNITS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hlhcalc/HLHCalculator/ui/"
                                               "hlh-number-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HlhNumberRow, root);
  gtk_widget_class_bind_template_child (widget_class, HlhNumberRow, label);
  gtk_widget_class_bind_template_child (widget_class, HlhNumberRow, entry);
  gtk_widget_class_bind_template_child (widget_class, HlhNumberRow, units);
  gtk_widget_class_bind_template_child (widget_class, HlhNumberRow, echo);
  gtk_widget_class_bind_template_child (widget_class, HlhNumberRow, message_box);
  gtk_widget_class_bind_template_child (widget_class, HlhNumberRow, message);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "hlhnumberrow");
  /* A row, not a control: nothing for a screen reader to name (GTK 4.8 would read its type). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
hlh_number_row_init (HlhNumberRow *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Empty while the finding is unknown: no name, rather than GTK 4.8's "GtkLabel". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->echo), GTK_ACCESSIBLE_PROPERTY_LABEL, "",
                                  -1);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), focus);
}

/**
 * hlh_number_row_new:
 * @mnemonic_label: (nullable): the label with an underlined access key, or %NULL for the
 *   field's label
 */
GtkWidget *
hlh_number_row_new (HlhCaseModel *model,
                    HlhField      field,
                    const char   *mnemonic_label)
{
  const HlhFieldInfo *info = hlh_field_get_info (field);
  HlhNumberRow *self;

  g_return_val_if_fail (HLH_IS_CASE_MODEL (model), NULL);
  g_return_val_if_fail (info->kind == HLH_FIELD_KIND_NUMBER, NULL);

  self = g_object_new (HLH_TYPE_NUMBER_ROW, NULL);
  self->model = g_object_ref (model);
  self->field = field;
  if (mnemonic_label != NULL)
    gtk_label_set_text_with_mnemonic (self->label, mnemonic_label);
  else
    gtk_label_set_text (self->label, _(info->label));
  self->syncing = TRUE;
  fill_units (self);
  self->unit = HLH_N_UNITS;
  choose_unit (self, info->unit);
  self->syncing = FALSE;
  hlh_number_row_sync (self);
  return GTK_WIDGET (self);
}

HlhField
hlh_number_row_get_field (HlhNumberRow *self)
{
  g_return_val_if_fail (HLH_IS_NUMBER_ROW (self), 0);
  return self->field;
}

HlhUnit
hlh_number_row_get_unit (HlhNumberRow *self)
{
  g_return_val_if_fail (HLH_IS_NUMBER_ROW (self), 0);
  return self->unit;
}

/**
 * hlh_number_row_set_unit:
 *
 * Chooses the unit; the text already typed is read again in it.
 */
void
hlh_number_row_set_unit (HlhNumberRow *self,
                         HlhUnit       unit)
{
  g_return_if_fail (HLH_IS_NUMBER_ROW (self));
  g_return_if_fail (unit < HLH_N_UNITS);

  if (hlh_unit_get_quantity (unit) != hlh_field_get_quantity (self->field))
    return;
  choose_unit (self, unit);
}

GtkEditable *
hlh_number_row_get_editable (HlhNumberRow *self)
{
  g_return_val_if_fail (HLH_IS_NUMBER_ROW (self), NULL);
  return GTK_EDITABLE (self->entry);
}

const char *
hlh_number_row_get_echo (HlhNumberRow *self)
{
  g_return_val_if_fail (HLH_IS_NUMBER_ROW (self), NULL);
  return gtk_label_get_text (self->echo);
}

/**
 * hlh_number_row_get_message:
 *
 * Returns: (nullable): the refusal shown under the row, or %NULL
 */
const char *
hlh_number_row_get_message (HlhNumberRow *self)
{
  g_return_val_if_fail (HLH_IS_NUMBER_ROW (self), NULL);
  if (!gtk_widget_get_visible (self->message_box))
    return NULL;
  return gtk_label_get_text (self->message);
}

/**
 * hlh_number_row_sync:
 *
 * Shows the model's value afresh, in the unit it was entered in: after a new case or a case
 * opened from a file.
 */
void
hlh_number_row_sync (HlhNumberRow *self)
{
  const HlhValue *v;
  g_autofree char *text = NULL;

  g_return_if_fail (HLH_IS_NUMBER_ROW (self));

  v = hlh_case_get_value (hlh_case_model_get_case (self->model), self->field);
  self->syncing = TRUE;
  if (v->known)
    {
      choose_unit (self, v->unit);
      text = hlh_number_text_for_entry (v->number);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
  self->syncing = FALSE;
  show_state (self, NULL);
}
