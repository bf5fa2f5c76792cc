/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hlh-case-form.h"
#include "hlh-accessible.h"
#include "hlh-column.h"
#include "hlh-first-frame.h"
#include "hlh-pane-layout.h"

/* The findings in the order a physician reads a chart, then the trigger history. The rows
 * write into the model; nothing here judges a value. */

typedef enum
{
  SECTION_PATIENT,
  SECTION_CLINICAL,
  SECTION_BLOOD,
  SECTION_CHEMISTRY,
  SECTION_SPECIALISED,
  SECTION_IEC,
  SECTION_OTHER,
  N_SECTIONS
} Section;

static const struct
{
  HlhField    field;
  Section     section;
  const char *mnemonic;
} layout[] = {
  { HLH_FIELD_AGE, SECTION_PATIENT, N_("_Age") },
  { HLH_FIELD_SJIA, SECTION_PATIENT, N_("Known or suspected s_JIA") },
  { HLH_FIELD_IEC_THERAPY, SECTION_PATIENT, N_("_Immune-effector-cell therapy (CAR-T etc.)") },
  { HLH_FIELD_TEMPERATURE, SECTION_CLINICAL, N_("Highest _temperature") },
  { HLH_FIELD_HEPATOMEGALY, SECTION_CLINICAL, N_("H_epatomegaly") },
  { HLH_FIELD_SPLENOMEGALY, SECTION_CLINICAL, N_("Splen_omegaly") },
  { HLH_FIELD_IMMUNOSUPPRESSION, SECTION_CLINICAL, NULL },
  { HLH_FIELD_CNS_INVOLVEMENT, SECTION_CLINICAL, NULL },
  { HLH_FIELD_HEMORRHAGE, SECTION_CLINICAL, NULL },
  { HLH_FIELD_ACTIVE_ARTHRITIS, SECTION_CLINICAL, NULL },
  { HLH_FIELD_HEMOGLOBIN, SECTION_BLOOD, N_("_Haemoglobin") },
  { HLH_FIELD_LEUKOCYTES, SECTION_BLOOD, N_("_Leukocytes") },
  { HLH_FIELD_NEUTROPHILS, SECTION_BLOOD, N_("_Neutrophils") },
  { HLH_FIELD_PLATELETS, SECTION_BLOOD, N_("_Platelets") },
  { HLH_FIELD_FERRITIN, SECTION_CHEMISTRY, N_("_Ferritin") },
  { HLH_FIELD_TRIGLYCERIDES, SECTION_CHEMISTRY, N_("T_riglycerides (fasting)") },
  { HLH_FIELD_FIBRINOGEN, SECTION_CHEMISTRY, N_("Fi_brinogen") },
  { HLH_FIELD_AST, SECTION_CHEMISTRY, N_("AST (_SGOT)") },
  { HLH_FIELD_ALT, SECTION_CHEMISTRY, N_("ALT (S_GPT)") },
  { HLH_FIELD_LDH, SECTION_CHEMISTRY, N_("L_DH") },
  { HLH_FIELD_SCD25, SECTION_SPECIALISED, N_("Soluble _CD25 (sIL-2R)") },
  { HLH_FIELD_NK_ACTIVITY, SECTION_SPECIALISED, N_("N_K-cell activity") },
  { HLH_FIELD_HEMOPHAGOCYTOSIS_MARROW, SECTION_SPECIALISED,
    N_("Haemophagocytosis on bone-_marrow aspirate") },
  { HLH_FIELD_HEMOPHAGOCYTOSIS_OTHER, SECTION_SPECIALISED, NULL },
  { HLH_FIELD_MOLECULAR_DIAGNOSIS, SECTION_SPECIALISED,
    N_("Molec_ular diagnosis consistent with HLH") },
  { HLH_FIELD_FERRITIN_RISING, SECTION_IEC, NULL },
  { HLH_FIELD_FERRITIN_BASELINE, SECTION_IEC, NULL },
  { HLH_FIELD_FERRITIN_ULN, SECTION_IEC, NULL },
  { HLH_FIELD_AST_ULN, SECTION_IEC, NULL },
  { HLH_FIELD_AST_BASELINE, SECTION_IEC, NULL },
  { HLH_FIELD_ALT_ULN, SECTION_IEC, NULL },
  { HLH_FIELD_ALT_BASELINE, SECTION_IEC, NULL },
  { HLH_FIELD_FIBRINOGEN_LLN, SECTION_IEC, NULL },
  { HLH_FIELD_LDH_ULN, SECTION_IEC, NULL },
  { HLH_FIELD_NEW_CYTOPENIAS, SECTION_IEC, NULL },
  { HLH_FIELD_COAGULOPATHY, SECTION_IEC, NULL },
  { HLH_FIELD_DIRECT_HYPERBILIRUBINEMIA, SECTION_IEC, NULL },
  { HLH_FIELD_NEUROTOXICITY, SECTION_IEC, NULL },
  { HLH_FIELD_PULMONARY_INVOLVEMENT, SECTION_IEC, NULL },
  { HLH_FIELD_RENAL_INVOLVEMENT, SECTION_IEC, NULL },
  { HLH_FIELD_CARTOX_LIVER_GRADE3, SECTION_IEC, NULL },
  { HLH_FIELD_CARTOX_RENAL_GRADE3, SECTION_IEC, NULL },
  { HLH_FIELD_CARTOX_PULMONARY_EDEMA_GRADE3, SECTION_IEC, NULL },
  { HLH_FIELD_IECHS_GRADE, SECTION_IEC, NULL },
  { HLH_FIELD_RASH, SECTION_OTHER, NULL },
  { HLH_FIELD_LYMPHADENOPATHY, SECTION_OTHER, NULL },
  { HLH_FIELD_JAUNDICE, SECTION_OTHER, NULL },
  { HLH_FIELD_EDEMA, SECTION_OTHER, NULL },
};

struct _HlhCaseForm
{
  GtkWidget       parent_instance;

  GtkWidget       *root;
  GtkBox         *patient_box;
  GtkBox         *clinical_box;
  GtkBox         *blood_box;
  GtkBox         *chemistry_box;
  GtkBox         *specialised_box;
  GtkWidget      *iec_section;
  GtkBox         *iec_box;
  GtkBox         *triggers_box;
  GtkBox         *other_box;

  HlhCaseModel   *model;
  GtkWidget      *other_expander;
  gboolean        built[N_SECTIONS];
  GtkWidget      *rows[HLH_N_FIELDS];
  GtkCheckButton *trigger_buttons[HLH_N_TRIGGERS];
  GtkExpander    *group_expanders[HLH_N_TRIGGER_GROUPS];
  gboolean        syncing;
  HlhFirstFrame   first_frame;
  guint           rest_source;
  GtkEventController *late_mnemonics;
};

enum {
  NUMBER_ROW_ADDED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (HlhCaseForm, hlh_case_form, GTK_TYPE_WIDGET)

static guint signals[N_SIGNALS];

static GtkBox *
section_box (HlhCaseForm *self,
             Section      section)
{
  GtkBox *boxes[N_SECTIONS] = {
    self->patient_box, self->clinical_box, self->blood_box, self->chemistry_box,
    self->specialised_box, self->iec_box, self->other_box,
  };

  return boxes[section];
}

static Section field_section (HlhField field);

/* The stand-ins for the access keys of @section's rows (add_late_mnemonics()), once the rows
 * are made: the rows' own access keys take over. */
static void
drop_late_mnemonics (HlhCaseForm *self,
                     Section      section)
{
  GtkShortcutController *controller = GTK_SHORTCUT_CONTROLLER (self->late_mnemonics);
  GListModel *shortcuts;

  if (controller == NULL)
    return;
  shortcuts = G_LIST_MODEL (controller);
  for (guint i = g_list_model_get_n_items (shortcuts); i-- > 0;)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, i);

      if (field_section (g_variant_get_uint32 (gtk_shortcut_get_arguments (shortcut))) == section)
        gtk_shortcut_controller_remove_shortcut (controller, shortcut);
    }
  if (g_list_model_get_n_items (shortcuts) == 0)
    {
      gtk_widget_remove_controller (GTK_WIDGET (self), self->late_mnemonics);
      self->late_mnemonics = NULL;
    }
}

/* The sections hidden at first (the inputs after immune-effector-cell therapy, the other
 * findings) are built when first shown: most cases never need them. */
/* Enter in a number goes on to the next number shown, past the unit choosers and the yes/no
 * findings: laboratory values are typed from the numeric keypad, which has no Tab. A refused
 * number keeps the keyboard (with the error bell), and so does the last number. */
static void
number_activate_cb (GtkEditable *editable,
                    HlhCaseForm *self)
{
  guint i = 0;

  while (i < G_N_ELEMENTS (layout) &&
         !(HLH_IS_NUMBER_ROW (self->rows[layout[i].field]) &&
           hlh_number_row_get_editable (HLH_NUMBER_ROW (self->rows[layout[i].field])) ==
           editable))
    i++;
  if (i == G_N_ELEMENTS (layout))
    return;
  if (hlh_case_model_get_refusal (self->model, layout[i].field) != NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (editable));
      return;
    }
  for (i++; i < G_N_ELEMENTS (layout); i++)
    {
      GtkWidget *row = self->rows[layout[i].field];

      if (HLH_IS_NUMBER_ROW (row) && gtk_widget_is_visible (row) &&
          gtk_widget_is_sensitive (row))
        {
          gtk_widget_grab_focus (GTK_WIDGET (hlh_number_row_get_editable (HLH_NUMBER_ROW (row))));
          return;
        }
    }
}

static void
ensure_section (HlhCaseForm *self,
                Section      section)
{
  if (self->built[section])
    return;
  self->built[section] = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (layout); i++)
    {
      HlhField field = layout[i].field;
      const char *mnemonic = layout[i].mnemonic != NULL ? _(layout[i].mnemonic) : NULL;
      GtkWidget *row;

      if (layout[i].section != section)
        continue;
      if (hlh_field_get_info (field)->kind == HLH_FIELD_KIND_NUMBER)
        row = hlh_number_row_new (self->model, field, mnemonic);
      else
        row = hlh_choice_row_new (self->model, field, mnemonic);
      self->rows[field] = row;
      gtk_box_append (section_box (self, section), row);
      if (HLH_IS_NUMBER_ROW (row))
        {
          g_signal_connect (hlh_number_row_get_editable (HLH_NUMBER_ROW (row)), "activate",
                            G_CALLBACK (number_activate_cb), self);
          g_signal_emit (self, signals[NUMBER_ROW_ADDED], 0, row);
        }
    }
  drop_late_mnemonics (self, section);
}

static Section
field_section (HlhField field)
{
  for (guint i = 0; i < G_N_ELEMENTS (layout); i++)
    if (layout[i].field == field)
      return layout[i].section;
  g_return_val_if_reached (SECTION_OTHER);
}

/* An expander opened with the mouse takes the keyboard, as a clicked button does; the window
 * then brings it into view with what it opened (at the foot of the form, that was below the
 * edge, and nothing showed that anything had happened). Opened with the keyboard, it has the
 * keyboard already. */
static void
focus_opened_expander (GtkExpander *expander)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (expander));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (gtk_expander_get_expanded (expander) && focus != GTK_WIDGET (expander) &&
      (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (expander))))
    gtk_widget_grab_focus (GTK_WIDGET (expander));
}

static void
other_expanded_cb (HlhCaseForm *self)
{
  ensure_section (self, SECTION_OTHER);
  focus_opened_expander (GTK_EXPANDER (self->other_expander));
}

static void
update_group_title (HlhCaseForm     *self,
                    HlhTriggerGroup  group)
{
  const HlhCase *c = hlh_case_model_get_case (self->model);
  const char *label = _(hlh_trigger_group_get_info (group)->label);
  g_autofree char *title = NULL;
  guint n = 0;

  for (guint t = 0; t < HLH_N_TRIGGERS; t++)
    if (hlh_trigger_get_info (t)->group == group && hlh_case_has_trigger (c, t))
      n++;
  if (n > 0)
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u recorded", "%s: %u recorded",
                                          n), label, n);
  gtk_label_set_text (GTK_LABEL (gtk_expander_get_label_widget (self->group_expanders[group])),
                      title != NULL ? title : label);
}

static void
trigger_toggled_cb (GtkCheckButton *button,
                    HlhCaseForm    *self)
{
  HlhTrigger trigger = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "hlh-trigger"));

  if (self->syncing)
    return;
  hlh_case_model_set_trigger (self->model, trigger, gtk_check_button_get_active (button));
  update_group_title (self, hlh_trigger_get_info (trigger)->group);
}

static GtkWidget *
make_caption (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "hlh-caption");
  return label;
}

static GtkWidget *
make_trigger_button (HlhCaseForm *self,
                     HlhTrigger   trigger)
{
  const HlhTriggerInfo *info = hlh_trigger_get_info (trigger);
  HlhField implied = hlh_trigger_get_implied_field (trigger);
  g_autofree char *label = NULL;
  GtkWidget *button;

  /* A trigger that sets a score's finding says which. */
  if (implied < HLH_N_FIELDS)
    label = g_strdup_printf (_("%s (sets: %s)"), _(info->label),
                             _(hlh_field_get_info (implied)->label));
  button = gtk_check_button_new_with_label (label != NULL ? label : _(info->label));
  gtk_widget_set_hexpand (button, TRUE);
  /* The label wraps: a long one ("CAR-T or other immune-effector-cell therapy (sets: ...)")
   * would otherwise make the form, and the window, as wide as itself. The check button keeps
   * its label (and the accessible name GTK gives it from the label). */
  for (GtkWidget *child = gtk_widget_get_first_child (button); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child))
      {
        gtk_label_set_wrap (GTK_LABEL (child), TRUE);
        gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
      }
  g_object_set_data (G_OBJECT (button), "hlh-trigger", GUINT_TO_POINTER (trigger));
  g_signal_connect (button, "toggled", G_CALLBACK (trigger_toggled_cb), self);
  self->trigger_buttons[trigger] = GTK_CHECK_BUTTON (button);
  return button;
}

static void
fill_group (HlhCaseForm     *self,
            HlhTriggerGroup  group)
{
  const HlhTriggerGroupInfo *info = hlh_trigger_group_get_info (group);
  const HlhCase *c = hlh_case_model_get_case (self->model);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *grid = gtk_grid_new ();
  guint n = 0;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  self->syncing = TRUE;
  for (guint t = 0; t < HLH_N_TRIGGERS; t++)
    {
      GtkWidget *button;

      if (hlh_trigger_get_info (t)->group != group)
        continue;
      button = make_trigger_button (self, t);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (button), hlh_case_has_trigger (c, t));
      /* Long labels (the genetic syndromes, the triggers that set a finding) get a line. */
      if (group == HLH_TRIGGER_GROUP_PRIMARY || hlh_trigger_get_implied_field (t) < HLH_N_FIELDS)
        {
          n += n % 2;
          gtk_grid_attach (GTK_GRID (grid), button, 0, n / 2, 2, 1);
          n += 2;
        }
      else
        {
          gtk_grid_attach (GTK_GRID (grid), button, n % 2, n / 2, 1, 1);
          n++;
        }
    }
  self->syncing = FALSE;
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), grid);
  if (info->note != NULL)
    gtk_box_append (GTK_BOX (box), make_caption (_(info->note)));
  if (info->reference != NULL)
    gtk_box_append (GTK_BOX (box), make_caption (info->reference));
  gtk_expander_set_child (self->group_expanders[group], box);
}

/* A group's check boxes are made when it is first opened. */
static void ensure_groups (HlhCaseForm *self);

static void
ensure_group (HlhCaseForm     *self,
              HlhTriggerGroup  group)
{
  ensure_groups (self);
  if (gtk_expander_get_child (self->group_expanders[group]) == NULL)
    fill_group (self, group);
}

static void
group_expanded_cb (GtkExpander *expander,
                   GParamSpec  *pspec,
                   HlhCaseForm *self)
{
  if (gtk_expander_get_expanded (expander))
    ensure_group (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (expander), "hlh-group")));
  focus_opened_expander (expander);
}

static void
build_group (HlhCaseForm     *self,
             HlhTriggerGroup  group)
{
  GtkWidget *expander = gtk_expander_new (_(hlh_trigger_group_get_info (group)->label));

  /* Its title, kept in this label, is its name (hlh-accessible.c), not "GtkExpander". */
  hlh_accessible_label_by (expander, gtk_expander_get_label_widget (GTK_EXPANDER (expander)));
  g_object_set_data (G_OBJECT (expander), "hlh-group", GUINT_TO_POINTER (group));
  g_signal_connect (expander, "notify::expanded", G_CALLBACK (group_expanded_cb), self);
  self->group_expanders[group] = GTK_EXPANDER (expander);
  gtk_box_append (self->triggers_box, expander);
}

/* The trigger groups' expanders are made together, after the first frame or when asked for. */
static gboolean
groups_built (HlhCaseForm *self)
{
  return self->group_expanders[0] != NULL;
}

static void
sync_triggers (HlhCaseForm *self)
{
  const HlhCase *c = hlh_case_model_get_case (self->model);

  if (!groups_built (self))
    return;

  self->syncing = TRUE;
  for (guint t = 0; t < HLH_N_TRIGGERS; t++)
    if (self->trigger_buttons[t] != NULL)
      gtk_check_button_set_active (self->trigger_buttons[t], hlh_case_has_trigger (c, t));
  self->syncing = FALSE;
  for (guint g = 0; g < HLH_N_TRIGGER_GROUPS; g++)
    update_group_title (self, g);
}

static void
ensure_groups (HlhCaseForm *self)
{
  if (groups_built (self))
    return;
  for (guint g = 0; g < HLH_N_TRIGGER_GROUPS; g++)
    build_group (self, g);
  sync_triggers (self);
}

/* What lies below the first screenful (the chemistry, the specialised findings, the trigger
 * history) is made just after the window's first frame, so that the window shows sooner.
 * Asking for one of its rows or check boxes makes it at once. */
static void
build_rest (HlhCaseForm *self)
{
  g_clear_handle_id (&self->rest_source, g_source_remove);
  ensure_section (self, SECTION_CHEMISTRY);
  ensure_section (self, SECTION_SPECIALISED);
  ensure_groups (self);
}

static gboolean
build_rest_cb (gpointer data)
{
  HlhCaseForm *self = data;

  self->rest_source = 0;
  build_rest (self);
  return G_SOURCE_REMOVE;
}

/* An access key of a row not made yet (Alt+F for ferritin, typed as the window opens or while
 * a busy machine has not made the rest of the form): makes the rest of the form and does what
 * the row's own access key does, so that what is typed next goes into that row and not into
 * the field that had the focus. */
static gboolean
late_mnemonic_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   data)
{
  HlhCaseForm *self = HLH_CASE_FORM (widget);
  GtkWidget *row;
  GtkWidget *target;

  build_rest (self);
  row = self->rows[g_variant_get_uint32 (args)];
  if (HLH_IS_NUMBER_ROW (row))
    target = GTK_WIDGET (hlh_number_row_get_editable (HLH_NUMBER_ROW (row)));
  else
    target = hlh_choice_row_get_mnemonic_widget (HLH_CHOICE_ROW (row));
  return gtk_widget_mnemonic_activate (target, FALSE);
}

/* Until the rest of the form is made, its rows' access keys stand in the form itself. */
static void
add_late_mnemonics (HlhCaseForm *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < G_N_ELEMENTS (layout); i++)
    {
      const char *label, *underscore;
      GtkShortcut *shortcut;
      guint keyval;

      if ((layout[i].section != SECTION_CHEMISTRY && layout[i].section != SECTION_SPECIALISED) ||
          layout[i].mnemonic == NULL)
        continue;
      label = _(layout[i].mnemonic);
      underscore = strchr (label, '_');
      if (underscore == NULL || underscore[1] == '\0')
        continue;
      keyval = gdk_unicode_to_keyval (g_unichar_tolower (g_utf8_get_char (underscore + 1)));
      shortcut = gtk_shortcut_new (gtk_mnemonic_trigger_new (keyval),
                                   gtk_callback_action_new (late_mnemonic_cb, NULL, NULL));
      gtk_shortcut_set_arguments (shortcut, g_variant_new_uint32 (layout[i].field));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  self->late_mnemonics = controller;
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
first_frame_cb (gpointer data)
{
  HlhCaseForm *self = data;

  /* Above the priority of drawing, so that steady typing on a slow machine, which can keep
   * GTK drawing frame after frame, does not hold it back. */
  if (self->rest_source == 0 && !hlh_case_form_is_complete (self))
    self->rest_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, build_rest_cb, self, NULL);
}

static void
hlh_case_form_map (GtkWidget *widget)
{
  HlhCaseForm *self = HLH_CASE_FORM (widget);

  GTK_WIDGET_CLASS (hlh_case_form_parent_class)->map (widget);
  if (hlh_case_form_is_complete (self) || hlh_first_frame_is_waiting (&self->first_frame) ||
      self->rest_source != 0)
    return;
  hlh_first_frame_wait (&self->first_frame, widget, first_frame_cb, self);
}

static void
revision_cb (HlhCaseForm *self)
{
  gboolean iec = hlh_case_has_iec_therapy (hlh_case_model_get_case (self->model));

  if (iec)
    ensure_section (self, SECTION_IEC);
  gtk_widget_set_visible (self->iec_section, iec);
}

static void
case_replaced_cb (HlhCaseForm *self)
{
  for (guint i = 0; i < HLH_N_FIELDS; i++)
    {
      if (self->rows[i] == NULL)
        continue;
      if (HLH_IS_NUMBER_ROW (self->rows[i]))
        hlh_number_row_sync (HLH_NUMBER_ROW (self->rows[i]));
      else if (HLH_IS_CHOICE_ROW (self->rows[i]))
        hlh_choice_row_sync (HLH_CHOICE_ROW (self->rows[i]));
    }
  sync_triggers (self);
}

static void
hlh_case_form_dispose (GObject *object)
{
  HlhCaseForm *self = HLH_CASE_FORM (object);

  hlh_first_frame_cancel (&self->first_frame);
  g_clear_handle_id (&self->rest_source, g_source_remove);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HLH_TYPE_CASE_FORM);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (hlh_case_form_parent_class)->dispose (object);
}

static void
hlh_case_form_class_init (HlhCaseFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hlh_case_form_dispose;
  widget_class->map = hlh_case_form_map;

  g_type_ensure (HLH_TYPE_COLUMN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hlhcalc/HLHCalculator/ui/"
                                               "hlh-case-form.ui");
  gtk_widget_class_bind_template_child (widget_class, HlhCaseForm, root);
  gtk_widget_class_bind_template_child (widget_class, HlhCaseForm, patient_box);
  gtk_widget_class_bind_template_child (widget_class, HlhCaseForm, clinical_box);
  gtk_widget_class_bind_template_child (widget_class, HlhCaseForm, blood_box);
  gtk_widget_class_bind_template_child (widget_class, HlhCaseForm, chemistry_box);
  gtk_widget_class_bind_template_child (widget_class, HlhCaseForm, specialised_box);
  gtk_widget_class_bind_template_child (widget_class, HlhCaseForm, iec_section);
  gtk_widget_class_bind_template_child (widget_class, HlhCaseForm, iec_box);
  gtk_widget_class_bind_template_child (widget_class, HlhCaseForm, triggers_box);
  gtk_widget_class_bind_template_child (widget_class, HlhCaseForm, other_box);
  gtk_widget_class_bind_template_child (widget_class, HlhCaseForm, other_expander);
  gtk_widget_class_bind_template_callback (widget_class, other_expanded_cb);

  /**
   * HlhCaseForm::number-row-added:
   * @row: the new #HlhNumberRow
   *
   * A numeric row was made (sections hidden at first are made when first shown).
   */
  signals[NUMBER_ROW_ADDED] =
    g_signal_new ("number-row-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, HLH_TYPE_NUMBER_ROW);

  gtk_widget_class_set_layout_manager_type (widget_class, HLH_TYPE_PANE_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "hlhcaseform");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hlh_case_form_init (HlhCaseForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Translators: the form's name for screen readers, said as the keyboard enters it */
  hlh_accessible_set_label (GTK_WIDGET (self), _("Findings"));
  hlh_accessible_label_by (self->other_expander,
                           gtk_expander_get_label_widget (GTK_EXPANDER (self->other_expander)));
}

GtkWidget *
hlh_case_form_new (HlhCaseModel *model)
{
  HlhCaseForm *self;

  g_return_val_if_fail (HLH_IS_CASE_MODEL (model), NULL);

  self = g_object_new (HLH_TYPE_CASE_FORM, NULL);
  self->model = g_object_ref (model);
  for (Section section = SECTION_PATIENT; section <= SECTION_BLOOD; section++)
    ensure_section (self, section);
  add_late_mnemonics (self);
  g_signal_connect_swapped (model, "notify::revision", G_CALLBACK (revision_cb), self);
  g_signal_connect_swapped (model, "case-replaced", G_CALLBACK (case_replaced_cb), self);
  revision_cb (self);
  sync_triggers (self);
  return GTK_WIDGET (self);
}

/**
 * hlh_case_form_foreach_number_row:
 *
 * Calls @func on each numeric row made so far; #HlhCaseForm::number-row-added tells of the
 * others as they are made.
 */
void
hlh_case_form_foreach_number_row (HlhCaseForm *self,
                                  GFunc        func,
                                  gpointer     user_data)
{
  g_return_if_fail (HLH_IS_CASE_FORM (self));

  for (guint i = 0; i < HLH_N_FIELDS; i++)
    if (self->rows[i] != NULL && HLH_IS_NUMBER_ROW (self->rows[i]))
      func (self->rows[i], user_data);
}

/**
 * hlh_case_form_get_number_row:
 *
 * Makes the row's section if it was not yet shown.
 *
 * Returns: (transfer none) (nullable): the row of a numeric finding
 */
HlhNumberRow *
hlh_case_form_get_number_row (HlhCaseForm *self,
                              HlhField     field)
{
  g_return_val_if_fail (HLH_IS_CASE_FORM (self), NULL);
  g_return_val_if_fail (field < HLH_N_FIELDS, NULL);
  ensure_section (self, field_section (field));
  return HLH_IS_NUMBER_ROW (self->rows[field]) ? HLH_NUMBER_ROW (self->rows[field]) : NULL;
}

/**
 * hlh_case_form_get_choice_row:
 *
 * Returns: (transfer none) (nullable): the row of a yes/no or choice finding
 */
HlhChoiceRow *
hlh_case_form_get_choice_row (HlhCaseForm *self,
                              HlhField     field)
{
  g_return_val_if_fail (HLH_IS_CASE_FORM (self), NULL);
  g_return_val_if_fail (field < HLH_N_FIELDS, NULL);
  ensure_section (self, field_section (field));
  return HLH_IS_CHOICE_ROW (self->rows[field]) ? HLH_CHOICE_ROW (self->rows[field]) : NULL;
}

GtkCheckButton *
hlh_case_form_get_trigger_button (HlhCaseForm *self,
                                  HlhTrigger   trigger)
{
  g_return_val_if_fail (HLH_IS_CASE_FORM (self), NULL);
  g_return_val_if_fail (trigger < HLH_N_TRIGGERS, NULL);
  ensure_group (self, hlh_trigger_get_info (trigger)->group);
  return self->trigger_buttons[trigger];
}

/**
 * hlh_case_form_is_complete:
 *
 * Whether every section shown at first has been made: what lies below the first screenful
 * is made just after the window's first frame, or when one of its rows is asked for.
 */
gboolean
hlh_case_form_is_complete (HlhCaseForm *self)
{
  g_return_val_if_fail (HLH_IS_CASE_FORM (self), FALSE);
  return self->built[SECTION_CHEMISTRY] && self->built[SECTION_SPECIALISED] &&
         groups_built (self);
}

gboolean
hlh_case_form_get_iec_visible (HlhCaseForm *self)
{
  g_return_val_if_fail (HLH_IS_CASE_FORM (self), FALSE);
  return gtk_widget_get_visible (self->iec_section);
}
