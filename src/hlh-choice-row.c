/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hlh-choice-row.h"
#include "hlh-accessible.h"
#include "hlh-label-util.h"
#include "hlh-iechs.h"
#include "hlh-reflow-box.h"

/* A yes/no (or normal/low, or graded) finding with a third answer, unknown, which is where
 * every finding starts. A finding set by the trigger history says so and follows it.
 *
 * From the keyboard the answers are one stop, as a group of radio buttons is in GTK: Tab
 * comes to the answer given (Unknown at first) and goes on to the next finding; Left and
 * Right choose the answer before or after it. */

#define MAX_BUTTONS 7

struct _HlhChoiceRow
{
  GtkWidget        parent_instance;

  GtkWidget       *root;
  GtkLabel        *label;
  GtkBox          *buttons;
  GtkLabel        *note;

  HlhCaseModel    *model;
  HlhField         field;
  GtkToggleButton *toggles[MAX_BUTTONS];
  int              values[MAX_BUTTONS];
  guint            n_toggles;
  gboolean         syncing;
  gulong           revision_handler;
};

G_DEFINE_FINAL_TYPE (HlhChoiceRow, hlh_choice_row, GTK_TYPE_WIDGET)

static void
toggled_cb (GtkToggleButton *button,
            HlhChoiceRow    *self)
{
  int value = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "hlh-choice"));

  if (self->syncing || !gtk_toggle_button_get_active (button))
    return;
  if (value == HLH_CHOICE_UNKNOWN)
    hlh_case_model_set_unknown (self->model, self->field);
  else
    hlh_case_model_set_choice (self->model, self->field, value);
}

/* The index of the answer given; the first button if none is pressed. */
static guint
get_active_index (HlhChoiceRow *self)
{
  for (guint i = 0; i < self->n_toggles; i++)
    if (gtk_toggle_button_get_active (self->toggles[i]))
      return i;
  return 0;
}

/* Only the answer given can take the focus, so that Tab goes from finding to finding. */
static void
update_focus_chain (HlhChoiceRow *self)
{
  GtkToggleButton *active = self->toggles[get_active_index (self)];
  gboolean had_focus = FALSE;

  for (guint i = 0; i < self->n_toggles; i++)
    had_focus |= gtk_widget_has_focus (GTK_WIDGET (self->toggles[i]));
  for (guint i = 0; i < self->n_toggles; i++)
    gtk_widget_set_focusable (GTK_WIDGET (self->toggles[i]), self->toggles[i] == active);
  /* The answer changed under the keyboard's focus (a new case, the trigger history): the
   * focus follows it rather than stay on a button Tab no longer stops at. */
  if (had_focus && !gtk_widget_has_focus (GTK_WIDGET (active)))
    gtk_widget_grab_focus (GTK_WIDGET (active));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                HlhChoiceRow          *self)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self->buttons)) == GTK_TEXT_DIR_RTL;
  int step, active;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK | GDK_SUPER_MASK |
                GDK_META_MASK)) != 0)
    return FALSE;
  if (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left)
    step = rtl ? 1 : -1;
  else if (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right)
    step = rtl ? -1 : 1;
  else
    return FALSE;
  active = get_active_index (self);
  /* At either end the focus stays, as in GTK's radio groups. */
  if (active + step >= 0 && active + step < (int) self->n_toggles)
    {
      GtkToggleButton *next = self->toggles[active + step];

      gtk_toggle_button_set_active (next, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (next));
    }
  return TRUE;
}

static void
add_button (HlhChoiceRow *self,
            const char   *text,
            const char   *tooltip,
            int           value)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (text);

  g_assert (self->n_toggles < MAX_BUTTONS);
  g_object_set_data (G_OBJECT (button), "hlh-choice", GINT_TO_POINTER (value));
  if (self->n_toggles > 0)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->toggles[0]);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (button, tooltip);
  g_signal_connect (button, "toggled", G_CALLBACK (toggled_cb), self);
  gtk_box_append (self->buttons, button);
  self->values[self->n_toggles] = value;
  self->toggles[self->n_toggles++] = GTK_TOGGLE_BUTTON (button);
}

static void
add_buttons (HlhChoiceRow *self)
{
  switch (hlh_field_get_info (self->field)->kind)
    {
    case HLH_FIELD_KIND_YES_NO:
      add_button (self, _("Yes"), NULL, HLH_ANSWER_YES);
      add_button (self, _("No"), NULL, HLH_ANSWER_NO);
      break;

    case HLH_FIELD_KIND_NK:
      /* Translators: NK-cell activity */
      add_button (self, C_("nk", "Low"), _("Low or absent"), HLH_NK_LOW);
      /* Translators: NK-cell activity */
      add_button (self, C_("nk", "Normal"), NULL, HLH_NK_NORMAL);
      break;

    case HLH_FIELD_KIND_GRADE:
      for (int grade = 1; grade <= 5; grade++)
        {
          g_autofree char *text = g_strdup_printf ("%d", grade);
          add_button (self, text, hlh_iechs_grade_text (grade), grade);
        }
      break;

    case HLH_FIELD_KIND_NUMBER:
    default:
      g_assert_not_reached ();
    }
  add_button (self, hlh_field_get_info (self->field)->kind == HLH_FIELD_KIND_GRADE
                      ? _("Not graded") : _("Unknown"),
              _("Not done, pending or not recorded"), HLH_CHOICE_UNKNOWN);
}

static void
update_accessible (HlhChoiceRow *self)
{
  const char *label = _(hlh_field_get_info (self->field)->label);

  for (guint i = 0; i < self->n_toggles; i++)
    {
      /* Translators: a label and its value, as in "Age: 35 years" */
      g_autofree char *text = g_strdup_printf (_("%s: %s"), label,
                                               gtk_button_get_label (GTK_BUTTON (self->toggles[i])));
      hlh_accessible_set_label (GTK_WIDGET (self->toggles[i]), text);
    }
}

static void
revision_cb (HlhChoiceRow *self)
{
  hlh_choice_row_sync (self);
}

static void
hlh_choice_row_dispose (GObject *object)
{
  HlhChoiceRow *self = HLH_CHOICE_ROW (object);

  if (self->model != NULL)
    g_clear_signal_handler (&self->revision_handler, self->model);
  gtk_widget_dispose_template (GTK_WIDGET (self), HLH_TYPE_CHOICE_ROW);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (hlh_choice_row_parent_class)->dispose (object);
}

static void
hlh_choice_row_class_init (HlhChoiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hlh_choice_row_dispose;

  g_type_ensure (HLH_TYPE_REFLOW_BOX);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hlhcalc/HLHCalculator/ui/"
                                               "hlh-choice-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HlhChoiceRow, root);
  gtk_widget_class_bind_template_child (widget_class, HlhChoiceRow, label);
  gtk_widget_class_bind_template_child (widget_class, HlhChoiceRow, buttons);
  gtk_widget_class_bind_template_child (widget_class, HlhChoiceRow, note);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "hlhchoicerow");
  /* A row, not a control: nothing for a screen reader to name (GTK 4.8 would read its type). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
hlh_choice_row_init (HlhChoiceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The row's access key goes to the row, as every field's does ("Go to a field" in the
 * shortcuts window): the focus moves to the answer given (Unknown at first), and nothing is
 * answered. By default GTK would press the first button, and Alt+E would have recorded
 * hepatomegaly. */
static gboolean
mnemonic_activate_cb (GtkWidget    *button,
                      gboolean      group_cycling,
                      HlhChoiceRow *self)
{
  return gtk_widget_grab_focus (GTK_WIDGET (self->toggles[get_active_index (self)]));
}

/**
 * hlh_choice_row_new:
 * @mnemonic_label: (nullable): the label with an underlined access key, or %NULL for the
 *   field's label
 */
GtkWidget *
hlh_choice_row_new (HlhCaseModel *model,
                    HlhField      field,
                    const char   *mnemonic_label)
{
  const HlhFieldInfo *info = hlh_field_get_info (field);
  GtkEventController *keys;
  HlhChoiceRow *self;

  g_return_val_if_fail (HLH_IS_CASE_MODEL (model), NULL);
  g_return_val_if_fail (info->kind != HLH_FIELD_KIND_NUMBER, NULL);

  self = g_object_new (HLH_TYPE_CHOICE_ROW, NULL);
  self->model = g_object_ref (model);
  self->field = field;
  if (mnemonic_label != NULL)
    gtk_label_set_text_with_mnemonic (self->label, mnemonic_label);
  else
    gtk_label_set_text (self->label, _(info->label));
  add_buttons (self);
  gtk_label_set_mnemonic_widget (self->label, GTK_WIDGET (self->toggles[0]));
  g_signal_connect (self->toggles[0], "mnemonic-activate", G_CALLBACK (mnemonic_activate_cb),
                    self);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->buttons), keys);
  update_accessible (self);
  self->revision_handler = g_signal_connect_swapped (model, "notify::revision",
                                                     G_CALLBACK (revision_cb), self);
  hlh_choice_row_sync (self);
  return GTK_WIDGET (self);
}

HlhField
hlh_choice_row_get_field (HlhChoiceRow *self)
{
  g_return_val_if_fail (HLH_IS_CHOICE_ROW (self), 0);
  return self->field;
}

/**
 * hlh_choice_row_get_button:
 * @choice: an answer (%HLH_ANSWER_YES, %HLH_NK_LOW, a grade) or %HLH_CHOICE_UNKNOWN
 *
 * Returns: (transfer none) (nullable): the button that gives that answer
 */
GtkToggleButton *
hlh_choice_row_get_button (HlhChoiceRow *self,
                           int           choice)
{
  g_return_val_if_fail (HLH_IS_CHOICE_ROW (self), NULL);

  for (guint i = 0; i < self->n_toggles; i++)
    if (self->values[i] == choice)
      return self->toggles[i];
  return NULL;
}

/**
 * hlh_choice_row_get_mnemonic_widget:
 *
 * Returns: (transfer none): what the row's access key activates
 */
GtkWidget *
hlh_choice_row_get_mnemonic_widget (HlhChoiceRow *self)
{
  g_return_val_if_fail (HLH_IS_CHOICE_ROW (self), NULL);

  return gtk_label_get_mnemonic_widget (self->label);
}

/**
 * hlh_choice_row_get_note:
 *
 * Returns: (nullable): the note shown when the trigger history sets the finding
 */
const char *
hlh_choice_row_get_note (HlhChoiceRow *self)
{
  g_return_val_if_fail (HLH_IS_CHOICE_ROW (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->note)))
    return NULL;
  return gtk_label_get_text (self->note);
}

/**
 * hlh_choice_row_sync:
 *
 * Shows the answer the scores use: the one entered, or the one the trigger history implies.
 */
void
hlh_choice_row_sync (HlhChoiceRow *self)
{
  const HlhCase *c;
  HlhTrigger trigger;
  int answer = HLH_CHOICE_UNKNOWN;
  gboolean implied;

  g_return_if_fail (HLH_IS_CHOICE_ROW (self));

  c = hlh_case_model_get_case (self->model);
  trigger = hlh_case_get_implying_trigger (c, self->field);
  implied = trigger < HLH_N_TRIGGERS;
  if (!hlh_case_get_effective_answer (c, self->field, &answer))
    answer = HLH_CHOICE_UNKNOWN;

  self->syncing = TRUE;
  for (guint i = 0; i < self->n_toggles; i++)
    {
      if (self->values[i] == answer)
        gtk_toggle_button_set_active (self->toggles[i], TRUE);
    }
  self->syncing = FALSE;
  update_focus_chain (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->buttons), !implied);
  if (implied)
    {
      g_autofree char *note =
        g_strdup_printf (_("Set by the trigger history: %s"),
                         _(hlh_trigger_get_info (trigger)->label));
      hlh_label_set_text (self->note, note);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->note), implied);
}
