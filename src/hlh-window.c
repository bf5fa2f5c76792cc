/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hlh-window.h"

/* The form on one side and the results on the other, or the results below the form when the
 * window is narrow; the results stay in view while typing either way. */

struct _HlhWindow
{
  GtkApplicationWindow  parent_instance;

  GtkBox               *content;
  GtkWidget            *form_scroller;
  GtkWidget            *results_scroller;

  HlhCaseModel         *model;
  HlhCaseForm          *form;
  HlhResultsView       *results;
  GSettings            *settings;
  gboolean              narrow;
};

G_DEFINE_FINAL_TYPE (HlhWindow, hlh_window, GTK_TYPE_APPLICATION_WINDOW)

/* Units: a choice made next to a field is remembered for that field; otherwise the default
 * system (SI or conventional) decides. */

static HlhUnit
system_unit (HlhQuantity quantity,
             gboolean    conventional)
{
  switch (quantity)
    {
    case HLH_QUANTITY_TEMPERATURE:
      return conventional ? HLH_UNIT_FAHRENHEIT : HLH_UNIT_CELSIUS;
    case HLH_QUANTITY_HEMOGLOBIN:
      return conventional ? HLH_UNIT_HB_G_DL : HLH_UNIT_HB_G_L;
    case HLH_QUANTITY_CELL_COUNT:
      return conventional ? HLH_UNIT_CELLS_E3_UL : HLH_UNIT_CELLS_E9_L;
    case HLH_QUANTITY_FERRITIN:
      return conventional ? HLH_UNIT_FERRITIN_NG_ML : HLH_UNIT_FERRITIN_UG_L;
    case HLH_QUANTITY_TRIGLYCERIDES:
      return conventional ? HLH_UNIT_TG_MG_DL : HLH_UNIT_TG_MMOL_L;
    case HLH_QUANTITY_FIBRINOGEN:
      return conventional ? HLH_UNIT_FIB_MG_DL : HLH_UNIT_FIB_G_L;
    case HLH_QUANTITY_ENZYME:
    case HLH_QUANTITY_SCD25:
    case HLH_QUANTITY_AGE:
    case HLH_N_QUANTITIES:
    default:
      return hlh_quantity_get_canonical (quantity);
    }
}

static HlhUnit
preferred_unit (HlhWindow *self,
                HlhField   field)
{
  g_autoptr(GVariant) units = g_settings_get_value (self->settings, "units");
  HlhQuantity quantity = hlh_field_get_quantity (field);
  const char *symbol;
  HlhUnit unit;

  if (g_variant_lookup (units, hlh_field_get_info (field)->id, "&s", &symbol) &&
      hlh_unit_lookup (quantity, symbol, -1, &unit))
    return unit;
  return system_unit (quantity, g_settings_get_enum (self->settings, "unit-system") == 1);
}

static void
unit_changed_cb (HlhNumberRow *row,
                 GParamSpec   *pspec,
                 HlhWindow    *self)
{
  g_autoptr(GVariant) units = g_settings_get_value (self->settings, "units");
  const char *id = hlh_field_get_info (hlh_number_row_get_field (row))->id;
  const char *symbol = hlh_unit_get_symbol (hlh_number_row_get_unit (row));
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{ss}"));
  GVariantIter iter;
  const char *key, *value;

  g_variant_iter_init (&iter, units);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (g_strcmp0 (key, id) != 0)
      g_variant_builder_add (&builder, "{ss}", key, value);
  g_variant_builder_add (&builder, "{ss}", id, symbol);
  g_settings_set_value (self->settings, "units", g_variant_builder_end (&builder));
}

/* A new default system applies to the empty fields; a number already typed keeps the unit it
 * was typed in, so no value changes meaning under the user's eyes. */
static void
apply_unit_system (gpointer data,
                   gpointer user_data)
{
  HlhNumberRow *row = data;
  HlhWindow *self = user_data;
  HlhField field = hlh_number_row_get_field (row);

  if (*gtk_editable_get_text (hlh_number_row_get_editable (row)) != '\0' ||
      hlh_case_is_known (hlh_case_model_get_case (self->model), field))
    return;
  g_signal_handlers_block_by_func (row, unit_changed_cb, self);
  hlh_number_row_set_unit (row, preferred_unit (self, field));
  g_signal_handlers_unblock_by_func (row, unit_changed_cb, self);
}

static void
unit_system_changed_cb (HlhWindow *self)
{
  hlh_case_form_foreach_number_row (self->form, apply_unit_system, self);
}

static void
setup_unit (gpointer data,
            gpointer user_data)
{
  HlhNumberRow *row = data;
  HlhWindow *self = user_data;

  hlh_number_row_set_unit (row, preferred_unit (self, hlh_number_row_get_field (row)));
  g_signal_connect (row, "notify::unit", G_CALLBACK (unit_changed_cb), self);
}

static void
number_row_added_cb (HlhCaseForm  *form,
                     HlhNumberRow *row,
                     HlhWindow    *self)
{
  setup_unit (row, self);
}

static void
setup_units (HlhWindow *self)
{
  hlh_case_form_foreach_number_row (self->form, setup_unit, self);
  g_signal_connect (self->form, "number-row-added", G_CALLBACK (number_row_added_cb), self);
  g_signal_connect_object (self->settings, "changed::unit-system",
                           G_CALLBACK (unit_system_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Layout */

static void
set_narrow (HlhWindow *self,
            gboolean   narrow)
{
  if (self->narrow == narrow)
    return;
  self->narrow = narrow;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->content),
                                  narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  if (narrow)
    gtk_widget_add_css_class (self->results_scroller, "narrow");
  else
    gtk_widget_remove_css_class (self->results_scroller, "narrow");
}

static void
default_width_cb (HlhWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  set_narrow (self, width > 0 && width < HLH_WINDOW_NARROW_WIDTH);
}

static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HlhWindow *self = HLH_WINDOW (widget);

  hlh_case_model_reset (self->model);
}

/* Made when asked for, not with every window as GtkApplication's help overlay would be. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/hlhcalc/HLHCalculator/ui/hlh-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

static void
save_window_state (HlhWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
hlh_window_close_request (GtkWindow *window)
{
  save_window_state (HLH_WINDOW (window));

  return GTK_WINDOW_CLASS (hlh_window_parent_class)->close_request (window);
}

static void
hlh_window_dispose (GObject *object)
{
  HlhWindow *self = HLH_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HLH_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (hlh_window_parent_class)->dispose (object);
}

static void
hlh_window_class_init (HlhWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hlh_window_dispose;
  window_class->close_request = hlh_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hlhcalc/HLHCalculator/ui/"
                                               "hlh-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HlhWindow, form_scroller);
  gtk_widget_class_bind_template_child (widget_class, HlhWindow, results_scroller);

  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, new_case_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-case", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL,
                                   show_shortcuts_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-shortcuts", NULL);
}

static void
hlh_window_init (HlhWindow *self)
{
  int width, height;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a bound template child: GtkWindow releases its own child. */
  self->content = GTK_BOX (gtk_window_get_child (GTK_WINDOW (self)));

  self->settings = g_settings_new (APP_ID);
  self->model = hlh_case_model_new ();
  self->form = HLH_CASE_FORM (hlh_case_form_new (self->model));
  self->results = HLH_RESULTS_VIEW (hlh_results_view_new (self->model));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->form_scroller),
                                 GTK_WIDGET (self->form));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->results_scroller),
                                 GTK_WIDGET (self->results));
  setup_units (self);

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_signal_connect (self, "notify::default-width", G_CALLBACK (default_width_cb), NULL);
  default_width_cb (self);
}

HlhWindow *
hlh_window_new (GtkApplication *application)
{
  return g_object_new (HLH_TYPE_WINDOW, "application", application, NULL);
}

HlhCaseModel *
hlh_window_get_model (HlhWindow *self)
{
  g_return_val_if_fail (HLH_IS_WINDOW (self), NULL);
  return self->model;
}

HlhCaseForm *
hlh_window_get_form (HlhWindow *self)
{
  g_return_val_if_fail (HLH_IS_WINDOW (self), NULL);
  return self->form;
}

HlhResultsView *
hlh_window_get_results (HlhWindow *self)
{
  g_return_val_if_fail (HLH_IS_WINDOW (self), NULL);
  return self->results;
}

gboolean
hlh_window_get_narrow (HlhWindow *self)
{
  g_return_val_if_fail (HLH_IS_WINDOW (self), FALSE);
  return self->narrow;
}
