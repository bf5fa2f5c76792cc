/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "hlh-application.h"
#include "hlh-window.h"

/* The GTK application, driven through its widgets as a user would: text typed into entries,
 * buttons toggled, actions activated; then what the result widgets show is checked. Expected
 * values are worked out by hand from the papers' tables, never read back from the core. */

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Types @text one character at a time, as a person would, so every prefix is seen live. */
static void
type_text (GtkEditable *editable,
           const char  *text)
{
  g_autoptr(GString) typed = g_string_new (gtk_editable_get_text (editable));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_string_append_len (typed, p, g_utf8_next_char (p) - p);
      gtk_editable_set_text (editable, typed->str);
    }
}

static GtkEditable *
entry (HlhWindow *window,
       HlhField   field)
{
  return hlh_number_row_get_editable (hlh_case_form_get_number_row (hlh_window_get_form (window),
                                                                    field));
}

static void
enter (HlhWindow  *window,
       HlhField    field,
       const char *text)
{
  gtk_editable_set_text (entry (window, field), "");
  type_text (entry (window, field), text);
}

static void
click (HlhWindow *window,
       HlhField   field,
       int        choice)
{
  HlhChoiceRow *row = hlh_case_form_get_choice_row (hlh_window_get_form (window), field);
  GtkToggleButton *button = hlh_choice_row_get_button (row, choice);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (gtk_toggle_button_get_active (button));
}

static HlhWindow *
new_window (void)
{
  HlhWindow *window = hlh_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  return window;
}

static void
close_window (HlhWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static const char *
hscore_word (HlhWindow       *window,
             HlhHScoreItemId  item)
{
  return hlh_criterion_row_get_word (
    hlh_results_view_get_hscore_row (hlh_window_get_results (window), item));
}

/* A complete HScore case. Points from Fardet 2014, table 3, summed by hand:
 * temperature 39.6 °C > 39.4: 49; hepatomegaly and splenomegaly: 38; Hb 92 g/L (9.2 g/dL,
 * ≤ 9.2), leukocytes 1.5, platelets 50: three lineages, 34; ferritin 12000 > 6000: 50;
 * triglycerides 2.0 mmol/L (≥ 1.5, ≤ 4): 44; fibrinogen 1.2 g/L ≤ 2.5: 30; AST 120 ≥ 30: 19;
 * marrow haemophagocytosis: 35; no immunosuppression: 0. Total 299. */
static void
enter_complete_case (HlhWindow *window)
{
  click (window, HLH_FIELD_IMMUNOSUPPRESSION, HLH_ANSWER_NO);
  enter (window, HLH_FIELD_TEMPERATURE, "39,6");
  click (window, HLH_FIELD_HEPATOMEGALY, HLH_ANSWER_YES);
  click (window, HLH_FIELD_SPLENOMEGALY, HLH_ANSWER_YES);
  enter (window, HLH_FIELD_HEMOGLOBIN, "92 g/L");
  enter (window, HLH_FIELD_LEUKOCYTES, "1.5");
  enter (window, HLH_FIELD_PLATELETS, "50");
  enter (window, HLH_FIELD_FERRITIN, "12 000");
  enter (window, HLH_FIELD_TRIGLYCERIDES, "2 mmol/L");
  enter (window, HLH_FIELD_FIBRINOGEN, "1.2 g/L");
  enter (window, HLH_FIELD_AST, "120");
  click (window, HLH_FIELD_HEMOPHAGOCYTOSIS_MARROW, HLH_ANSWER_YES);
}

/* Create and destroy: every object goes away when released. */

static void
test_create_destroy_model (void)
{
  HlhCaseModel *model = hlh_case_model_new ();
  g_assert_finalize_object (model);
}

static void
test_create_destroy_widgets (void)
{
  g_autoptr(HlhCaseModel) model = hlh_case_model_new ();
  GtkWidget *widgets[] = {
    hlh_gauge_new (),
    hlh_criterion_row_new ("Fever", "Rule: Temperature ≥ 38.5 °C"),
    hlh_number_row_new (model, HLH_FIELD_FERRITIN, NULL),
    hlh_number_row_new (model, HLH_FIELD_AGE, "_Age"),
    hlh_choice_row_new (model, HLH_FIELD_SPLENOMEGALY, NULL),
    hlh_choice_row_new (model, HLH_FIELD_NK_ACTIVITY, NULL),
    hlh_choice_row_new (model, HLH_FIELD_IECHS_GRADE, NULL),
    hlh_case_form_new (model),
    hlh_results_view_new (model),
  };

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      g_object_ref_sink (widgets[i]);
      g_assert_finalize_object (widgets[i]);
    }
  g_assert_finalize_object (g_steal_pointer (&model));
}

static void
test_create_destroy_window (void)
{
  HlhWindow *window = new_window ();
  HlhCaseModel *model = g_object_ref (hlh_window_get_model (window));

  g_object_ref (window);
  close_window (window);
  g_assert_finalize_object (window);
  g_assert_finalize_object (model);
}

static void
test_create_destroy_application (void)
{
  HlhApplication *app = hlh_application_new ();
  g_assert_finalize_object (app);
}

/* The form */

static void
test_every_field_has_a_row (void)
{
  HlhWindow *window = new_window ();
  HlhCaseForm *form = hlh_window_get_form (window);

  for (guint i = 0; i < HLH_N_FIELDS; i++)
    {
      gboolean number = hlh_field_get_info (i)->kind == HLH_FIELD_KIND_NUMBER;
      g_assert_true (number ? hlh_case_form_get_number_row (form, i) != NULL
                            : hlh_case_form_get_choice_row (form, i) != NULL);
    }
  for (guint t = 0; t < HLH_N_TRIGGERS; t++)
    g_assert_nonnull (hlh_case_form_get_trigger_button (form, t));
  close_window (window);
}

static void
test_unknown_by_default (void)
{
  HlhWindow *window = new_window ();
  HlhCaseForm *form = hlh_window_get_form (window);
  HlhResultsView *results = hlh_window_get_results (window);

  for (guint i = 0; i < HLH_N_FIELDS; i++)
    {
      HlhChoiceRow *row = hlh_case_form_get_choice_row (form, i);
      if (row != NULL)
        g_assert_true (gtk_toggle_button_get_active (
          hlh_choice_row_get_button (row, HLH_CHOICE_UNKNOWN)));
      else
        g_assert_cmpstr (gtk_editable_get_text (entry (window, i)), ==, "");
    }
  /* Nothing entered: the whole scale is possible (Fardet 2014: 0 to 337). */
  g_assert_cmpstr (hlh_results_view_get_score_text (results), ==, "0–337");
  g_assert_true (g_str_has_prefix (hlh_results_view_get_hlh2004_text (results), "Undetermined"));
  close_window (window);
}

static void
test_complete_case (void)
{
  HlhWindow *window = new_window ();
  HlhResultsView *results = hlh_window_get_results (window);
  HlhCriterionRow *row;

  enter_complete_case (window);
  g_assert_cmpstr (hlh_results_view_get_score_text (results), ==, "299");
  /* Above 250 the paper's table gives > 99 %. */
  g_assert_nonnull (strstr (hlh_results_view_get_probability_text (results), ">99 %"));
  g_assert_true (g_str_has_prefix (hlh_results_view_get_cutoff_text (results), "At or above"));
  g_assert_cmpstr (hscore_word (window, HLH_HSCORE_TEMPERATURE), ==, "+49");
  g_assert_cmpstr (hscore_word (window, HLH_HSCORE_CYTOPENIAS), ==, "+34");
  g_assert_cmpstr (hscore_word (window, HLH_HSCORE_IMMUNOSUPPRESSION), ==, "0");

  /* HLH-2004 (Henter 2007): fever ≥ 38.5, splenomegaly, fibrinogen ≤ 1.5 g/L, marrow
   * haemophagocytosis and ferritin ≥ 500 are met: 5 of 8, fulfilled. Cytopenias: platelets
   * < 100 but Hb 92 g/L is not < 90 and neutrophils are unknown, so it stays unknown. */
  g_assert_true (g_str_has_prefix (hlh_results_view_get_hlh2004_text (results),
                                   "Fulfilled: 5 of 8 met, 3 unknown"));
  row = hlh_results_view_get_hlh2004_row (results, HLH_HLH2004_CYTOPENIAS);
  g_assert_cmpint (hlh_criterion_row_get_state (row), ==, HLH_STATE_UNKNOWN);
  row = hlh_results_view_get_hlh2004_row (results, HLH_HLH2004_FEVER);
  g_assert_cmpint (hlh_criterion_row_get_state (row), ==, HLH_STATE_MET);
  g_assert_cmpstr (hlh_criterion_row_get_word (row), ==, "Met");
  g_assert_nonnull (strstr (hlh_criterion_row_get_basis (row), "39.6 °C"));
  close_window (window);
}

static void
test_echo_native_unit (void)
{
  HlhWindow *window = new_window ();
  HlhCaseForm *form = hlh_window_get_form (window);

  /* clinical-spec section 9: 92 g/L ÷ 10 = 9.2 g/dL; 101.12 °F → (101.12 − 32) × 5/9 = 38.4 °C;
   * 300 mg/dL fibrinogen ÷ 100 = 3 g/L. */
  enter (window, HLH_FIELD_HEMOGLOBIN, "92 g/L");
  g_assert_cmpstr (hlh_number_row_get_echo (hlh_case_form_get_number_row (form,
                                                                           HLH_FIELD_HEMOGLOBIN)),
                   ==, "= 9.2 g/dL");
  enter (window, HLH_FIELD_TEMPERATURE, "101.12 °F");
  g_assert_cmpstr (hlh_number_row_get_echo (hlh_case_form_get_number_row (form,
                                                                           HLH_FIELD_TEMPERATURE)),
                   ==, "= 38.4 °C");
  hlh_number_row_set_unit (hlh_case_form_get_number_row (form, HLH_FIELD_FIBRINOGEN),
                           HLH_UNIT_FIB_MG_DL);
  enter (window, HLH_FIELD_FIBRINOGEN, "300");
  g_assert_cmpstr (hlh_number_row_get_echo (hlh_case_form_get_number_row (form,
                                                                           HLH_FIELD_FIBRINOGEN)),
                   ==, "= 3 g/L");
  close_window (window);
}

static void
test_unit_change_rereads (void)
{
  HlhWindow *window = new_window ();
  HlhNumberRow *row = hlh_case_form_get_number_row (hlh_window_get_form (window),
                                                    HLH_FIELD_HEMOGLOBIN);
  double value;

  hlh_number_row_set_unit (row, HLH_UNIT_HB_G_DL);
  enter (window, HLH_FIELD_HEMOGLOBIN, "9.2");
  g_assert_cmpstr (hlh_number_row_get_echo (row), ==, "= 9.2 g/dL");
  /* The same number in g/L is 0.92 g/dL, below the plausible 1 g/dL: refused, with the
   * hint, and the value before stays in use. */
  hlh_number_row_set_unit (row, HLH_UNIT_HB_G_L);
  g_assert_nonnull (hlh_number_row_get_message (row));
  g_assert_true (hlh_case_get_number (hlh_case_model_get_case (hlh_window_get_model (window)),
                                      HLH_FIELD_HEMOGLOBIN, HLH_UNIT_HB_G_DL, &value));
  close_window (window);
}

static void
test_refused_input_changes_nothing (void)
{
  HlhWindow *window = new_window ();
  HlhCaseModel *model = hlh_window_get_model (window);
  HlhResultsView *results = hlh_window_get_results (window);
  HlhNumberRow *row = hlh_case_form_get_number_row (hlh_window_get_form (window),
                                                    HLH_FIELD_FERRITIN);
  HlhCase before;
  g_autofree char *score = NULL;
  g_autofree char *hlh2004 = NULL;
  g_autofree char *decisive = NULL;
  g_autofree char *decisive_after = NULL;
  const char *message;

  enter_complete_case (window);
  before = *hlh_case_model_get_case (model);
  score = g_strdup (hlh_results_view_get_score_text (results));
  hlh2004 = g_strdup (hlh_results_view_get_hlh2004_text (results));
  decisive = hlh_results_view_dup_decisive_text (results);

  /* Typed key by key, "1", "1 ", "1 5" ... are accepted on the way; the last is refused. */
  enter (window, HLH_FIELD_FERRITIN, "1,500");
  message = hlh_number_row_get_message (row);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Ferritin"));
  g_assert_nonnull (strstr (message, "ambiguous"));
  g_assert_cmpstr (gtk_editable_get_text (entry (window, HLH_FIELD_FERRITIN)), ==, "1,500");
  g_assert_nonnull (hlh_results_view_get_refusal_text (results));

  /* The results are those from before the refused edit, not those of a prefix. */
  g_assert_cmpmem (&before, sizeof before, hlh_case_model_get_case (model), sizeof before);
  g_assert_cmpstr (hlh_results_view_get_score_text (results), ==, score);
  g_assert_cmpstr (hlh_results_view_get_hlh2004_text (results), ==, hlh2004);
  decisive_after = hlh_results_view_dup_decisive_text (results);
  g_assert_cmpstr (decisive_after, ==, decisive);
  for (guint i = 0; i < HLH_N_FIELDS; i++)
    if (hlh_field_get_info (i)->kind == HLH_FIELD_KIND_NUMBER && i != HLH_FIELD_FERRITIN)
      g_assert_null (hlh_number_row_get_message (hlh_case_form_get_number_row (
        hlh_window_get_form (window), i)));

  /* Correcting it clears the refusal. */
  enter (window, HLH_FIELD_FERRITIN, "1500");
  g_assert_null (hlh_number_row_get_message (row));
  g_assert_null (hlh_results_view_get_refusal_text (results));
  g_assert_cmpstr (hlh_number_row_get_echo (row), ==, "= 1500 ng/mL");
  close_window (window);
}

static void
test_refused_prefix_not_used (void)
{
  HlhWindow *window = new_window ();
  HlhCaseModel *model = hlh_window_get_model (window);

  /* Empty ferritin; "12,0" would be read as 12 on the way to the refused "12,000". */
  enter (window, HLH_FIELD_FERRITIN, "12,000");
  g_assert_false (hlh_case_is_known (hlh_case_model_get_case (model), HLH_FIELD_FERRITIN));
  g_assert_cmpstr (hscore_word (window, HLH_HSCORE_FERRITIN), ==, "0–50");
  close_window (window);
}

static void
test_case_replaced_shows_values (void)
{
  HlhWindow *window = new_window ();
  HlhCaseModel *model = hlh_window_get_model (window);
  HlhCaseForm *form = hlh_window_get_form (window);
  HlhCase c;
  double value;

  hlh_case_init (&c);
  g_assert_true (hlh_case_set_number (&c, HLH_FIELD_TRIGLYCERIDES, 12.345, HLH_UNIT_TG_MMOL_L,
                                      NULL));
  g_assert_true (hlh_case_set_number (&c, HLH_FIELD_HEMOGLOBIN, 92, HLH_UNIT_HB_G_L, NULL));
  hlh_case_set_choice (&c, HLH_FIELD_SPLENOMEGALY, HLH_ANSWER_YES);
  hlh_case_model_replace (model, &c);

  /* Shown in the locale's decimal mark, with a fourth decimal so that "12.345" is not
   * refused as ambiguous, and in the unit it was entered in. */
  g_assert_cmpstr (gtk_editable_get_text (entry (window, HLH_FIELD_TRIGLYCERIDES)), ==,
                   *localeconv ()->decimal_point == ',' ? "12,3450" : "12.3450");
  g_assert_cmpint (hlh_number_row_get_unit (hlh_case_form_get_number_row (form,
                                                                          HLH_FIELD_HEMOGLOBIN)),
                   ==, HLH_UNIT_HB_G_L);
  g_assert_true (hlh_case_get_number (hlh_case_model_get_case (model), HLH_FIELD_TRIGLYCERIDES,
                                      HLH_UNIT_TG_MMOL_L, &value));
  g_assert_cmpfloat (value, ==, 12.345);
  g_assert_true (gtk_toggle_button_get_active (
    hlh_choice_row_get_button (hlh_case_form_get_choice_row (form, HLH_FIELD_SPLENOMEGALY),
                               HLH_ANSWER_YES)));
  close_window (window);
}

static void
test_implausible_names_mixup (void)
{
  HlhWindow *window = new_window ();
  HlhNumberRow *row = hlh_case_form_get_number_row (hlh_window_get_form (window),
                                                    HLH_FIELD_TEMPERATURE);

  hlh_number_row_set_unit (row, HLH_UNIT_CELSIUS);
  enter (window, HLH_FIELD_TEMPERATURE, "102");
  g_assert_nonnull (hlh_number_row_get_message (row));
  g_assert_nonnull (strstr (hlh_number_row_get_message (row), "°F"));
  close_window (window);
}

static void
test_trigger_sets_finding (void)
{
  HlhWindow *window = new_window ();
  HlhCaseForm *form = hlh_window_get_form (window);
  HlhChoiceRow *row = hlh_case_form_get_choice_row (form, HLH_FIELD_IMMUNOSUPPRESSION);

  /* clinical-spec section 7: HIV sets the HScore's immunosuppression item (18 points). */
  gtk_check_button_set_active (hlh_case_form_get_trigger_button (form, HLH_TRIGGER_HIV), TRUE);
  g_assert_nonnull (hlh_choice_row_get_note (row));
  g_assert_nonnull (strstr (hlh_choice_row_get_note (row), "HIV"));
  g_assert_true (gtk_toggle_button_get_active (hlh_choice_row_get_button (row, HLH_ANSWER_YES)));
  g_assert_cmpstr (hscore_word (window, HLH_HSCORE_IMMUNOSUPPRESSION), ==, "+18");

  gtk_check_button_set_active (hlh_case_form_get_trigger_button (form, HLH_TRIGGER_HIV), FALSE);
  g_assert_null (hlh_choice_row_get_note (row));
  g_assert_true (gtk_toggle_button_get_active (hlh_choice_row_get_button (row,
                                                                         HLH_CHOICE_UNKNOWN)));
  g_assert_cmpstr (hscore_word (window, HLH_HSCORE_IMMUNOSUPPRESSION), ==, "0–18");
  close_window (window);
}

static void
test_panels_follow_patient (void)
{
  HlhWindow *window = new_window ();
  HlhResultsView *results = hlh_window_get_results (window);
  HlhCaseForm *form = hlh_window_get_form (window);

  for (guint p = 0; p < HLH_N_PANELS; p++)
    g_assert_false (hlh_results_view_get_panel_expanded (results, p));
  g_assert_false (hlh_case_form_get_iec_visible (form));

  click (window, HLH_FIELD_SJIA, HLH_ANSWER_YES);
  g_assert_true (hlh_results_view_get_panel_expanded (results, HLH_PANEL_MAS));

  gtk_check_button_set_active (hlh_case_form_get_trigger_button (form,
                                                                HLH_TRIGGER_T_NK_LYMPHOMA), TRUE);
  g_assert_true (hlh_results_view_get_panel_expanded (results, HLH_PANEL_OHI));

  click (window, HLH_FIELD_IEC_THERAPY, HLH_ANSWER_YES);
  g_assert_true (hlh_results_view_get_panel_expanded (results, HLH_PANEL_IEC));
  g_assert_true (hlh_case_form_get_iec_visible (form));
  /* CARTOX (Neelapu 2018): peak ferritin > 10,000 ng/mL is required. */
  enter (window, HLH_FIELD_FERRITIN, "9000");
  g_assert_nonnull (strstr (hlh_results_view_get_panel_title (results, HLH_PANEL_IEC),
                            "CARTOX criteria not met"));

  click (window, HLH_FIELD_IEC_THERAPY, HLH_ANSWER_NO);
  g_assert_false (hlh_results_view_get_panel_expanded (results, HLH_PANEL_IEC));
  g_assert_false (hlh_case_form_get_iec_visible (form));
  close_window (window);
}

static void
test_criterion_detail (void)
{
  HlhWindow *window = new_window ();
  HlhCriterionRow *row = hlh_results_view_get_hscore_row (hlh_window_get_results (window),
                                                          HLH_HSCORE_TEMPERATURE);
  const char *detail = hlh_criterion_row_get_detail (row);

  /* Fardet 2014: < 38.4 °C 0, 38.4-39.4 33, > 39.4 49. */
  g_assert_nonnull (strstr (detail, "38.4 °C"));
  g_assert_nonnull (strstr (detail, "39.4 °C"));
  g_assert_nonnull (strstr (detail, "0 → 0, 1 → 33, 2 → 49"));
  g_assert_nonnull (strstr (detail, "10.1002/art.38690"));
  g_assert_false (hlh_criterion_row_get_expanded (row));
  hlh_criterion_row_set_expanded (row, TRUE);
  g_assert_true (hlh_criterion_row_get_expanded (row));
  close_window (window);
}

static void
test_new_case_clears (void)
{
  HlhWindow *window = new_window ();
  HlhCaseForm *form = hlh_window_get_form (window);
  HlhResultsView *results = hlh_window_get_results (window);

  enter_complete_case (window);
  gtk_check_button_set_active (hlh_case_form_get_trigger_button (form, HLH_TRIGGER_EBV), TRUE);
  enter (window, HLH_FIELD_LDH, "1,000");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-case", NULL));

  for (guint i = 0; i < HLH_N_FIELDS; i++)
    {
      g_assert_false (hlh_case_is_known (hlh_case_model_get_case (hlh_window_get_model (window)),
                                         i));
      if (hlh_case_form_get_number_row (form, i) != NULL)
        {
          g_assert_cmpstr (gtk_editable_get_text (entry (window, i)), ==, "");
          g_assert_null (hlh_number_row_get_message (hlh_case_form_get_number_row (form, i)));
        }
      else
        g_assert_true (gtk_toggle_button_get_active (
          hlh_choice_row_get_button (hlh_case_form_get_choice_row (form, i),
                                     HLH_CHOICE_UNKNOWN)));
    }
  g_assert_false (gtk_check_button_get_active (hlh_case_form_get_trigger_button (form,
                                                                                 HLH_TRIGGER_EBV)));
  g_assert_cmpstr (hlh_results_view_get_score_text (results), ==, "0–337");
  g_assert_null (hlh_results_view_get_refusal_text (results));
  close_window (window);
}

static void
test_units_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HlhWindow *window;
  HlhCaseForm *form;
  g_autoptr(GVariant) units = NULL;
  const char *symbol;

  g_settings_reset (settings, "units");
  g_settings_set_enum (settings, "unit-system", 0);
  window = new_window ();
  form = hlh_window_get_form (window);
  /* SI: g/L for haemoglobin, °C. */
  g_assert_cmpint (hlh_number_row_get_unit (hlh_case_form_get_number_row (form,
                                                                          HLH_FIELD_HEMOGLOBIN)),
                   ==, HLH_UNIT_HB_G_L);
  enter (window, HLH_FIELD_TEMPERATURE, "39");

  /* Conventional: the empty fields follow; the temperature typed in °C keeps °C. */
  g_settings_set_enum (settings, "unit-system", 1);
  g_assert_cmpint (hlh_number_row_get_unit (hlh_case_form_get_number_row (form,
                                                                          HLH_FIELD_HEMOGLOBIN)),
                   ==, HLH_UNIT_HB_G_DL);
  g_assert_cmpint (hlh_number_row_get_unit (hlh_case_form_get_number_row (form,
                                                                          HLH_FIELD_TEMPERATURE)),
                   ==, HLH_UNIT_CELSIUS);

  /* A unit chosen by hand is remembered for its field. */
  hlh_number_row_set_unit (hlh_case_form_get_number_row (form, HLH_FIELD_FERRITIN),
                           HLH_UNIT_FERRITIN_PMOL_L);
  units = g_settings_get_value (settings, "units");
  g_assert_true (g_variant_lookup (units, "ferritin", "&s", &symbol));
  g_assert_cmpstr (symbol, ==, "pmol/L");
  close_window (window);

  window = new_window ();
  g_assert_cmpint (hlh_number_row_get_unit (hlh_case_form_get_number_row (
                     hlh_window_get_form (window), HLH_FIELD_FERRITIN)),
                   ==, HLH_UNIT_FERRITIN_PMOL_L);
  close_window (window);
  g_settings_reset (settings, "units");
  g_settings_reset (settings, "unit-system");
}

static void
test_narrow_layout (void)
{
  HlhWindow *window = new_window ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  g_assert_false (hlh_window_get_narrow (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 900);
  g_assert_true (hlh_window_get_narrow (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  g_assert_false (hlh_window_get_narrow (window));
  close_window (window);
}

/* The gauge */

static HlhColor black = { 0, 0, 0, 1 };

static cairo_surface_t *
render_gauge (const HlhHScore *h,
              int              width)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width,
                                                         HLH_GAUGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  hlh_gauge_draw (cr, h, width, &black, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static double
luminance_at (cairo_surface_t *surface,
              int              x,
              int              y)
{
  guint32 pixel = *(guint32 *) (cairo_image_surface_get_data (surface) +
                                y * cairo_image_surface_get_stride (surface) + x * 4);
  return (((pixel >> 16) & 0xff) + ((pixel >> 8) & 0xff) + (pixel & 0xff)) / 765.0;
}

/* The mean luminance of a few pixels in the track's middle band, where the range is shaded. */
static double
track_luminance (cairo_surface_t *surface,
                 int              x)
{
  double sum = 0;
  for (int y = 28; y < 36; y++)
    sum += luminance_at (surface, x, y);
  return sum / 8;
}

static void
save_png (cairo_surface_t *surface,
          const char      *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
}

static void
test_gauge_range (void)
{
  const int width = 674;  /* 337 × 2: two pixels per point between the margins' ends */
  HlhHScore h = { 0 };
  cairo_surface_t *surface;
  int x_min, x_max, x_needle_dark = 0;

  h.min = 150;
  h.max = 212;
  surface = render_gauge (&h, width);
  save_png (surface, "gauge-range.png");
  x_min = (int) hlh_gauge_score_to_x (150, width);
  x_max = (int) hlh_gauge_score_to_x (212, width);

  /* The needle: a dark line through the track at the minimum. */
  for (int y = 20; y < 44; y++)
    if (luminance_at (surface, x_min, y) < 0.2)
      x_needle_dark++;
  g_assert_cmpint (x_needle_dark, >=, 20);
  /* The range is shaded: darker inside than just outside, on both sides. */
  g_assert_cmpfloat (track_luminance (surface, (x_min + x_max) / 2), <,
                     track_luminance (surface, x_max + 12) - 0.1);
  g_assert_cmpfloat (track_luminance (surface, x_min + 12), <,
                     track_luminance (surface, x_min - 12) - 0.1);
  cairo_surface_destroy (surface);

  /* A complete score: no shaded range, the needle alone. */
  h.min = h.max = 150;
  surface = render_gauge (&h, width);
  save_png (surface, "gauge-complete.png");
  g_assert_cmpfloat (ABS (track_luminance (surface, x_min + 30) -
                          track_luminance (surface, x_min - 30)), <, 0.05);
  cairo_surface_destroy (surface);
}

static void
test_gauge_widget (void)
{
  HlhWindow *window = new_window ();
  HlhGauge *gauge = hlh_results_view_get_gauge (hlh_window_get_results (window));
  g_autofree char *text = NULL;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  cairo_surface_t *surface;
  cairo_t *cr;
  int width, height;

  enter (window, HLH_FIELD_TEMPERATURE, "39.6");
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (gauge)), ==,
                   GTK_ACCESSIBLE_ROLE_METER);
  text = hlh_gauge_dup_text (gauge);
  /* Temperature 49 points known; the rest unknown, at most 337 − 49 + 49. */
  g_assert_nonnull (strstr (text, "between 49 and 337"));

  for (int i = 0; i < 100 && gtk_widget_get_width (GTK_WIDGET (gauge)) == 0; i++)
    {
      g_main_context_iteration (NULL, TRUE);
    }
  width = gtk_widget_get_width (GTK_WIDGET (gauge));
  height = gtk_widget_get_height (GTK_WIDGET (gauge));
  g_assert_cmpint (width, >, 0);

  /* Through the widget's own snapshot, as GTK draws it. */
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (gauge)->snapshot (GTK_WIDGET (gauge), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  save_png (surface, "gauge-widget.png");
  /* Something was drawn where the needle stands. */
  {
    int x = (int) hlh_gauge_score_to_x (49, width);
    int y0 = MAX (0, (height - HLH_GAUGE_HEIGHT) / 2);
    guint32 pixel = *(guint32 *) (cairo_image_surface_get_data (surface) +
                                  (y0 + 30) * cairo_image_surface_get_stride (surface) + x * 4);
    g_assert_cmpuint (pixel >> 24, >, 0xc0);
  }
  cairo_surface_destroy (surface);
  gsk_render_node_unref (node);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/hlhcalc/HLHCalculator/icons");

  g_test_add_func ("/hlh/gui/create-destroy/model", test_create_destroy_model);
  g_test_add_func ("/hlh/gui/create-destroy/widgets", test_create_destroy_widgets);
  g_test_add_func ("/hlh/gui/create-destroy/window", test_create_destroy_window);
  g_test_add_func ("/hlh/gui/create-destroy/application", test_create_destroy_application);
  g_test_add_func ("/hlh/gui/form/every-field-has-a-row", test_every_field_has_a_row);
  g_test_add_func ("/hlh/gui/form/unknown-by-default", test_unknown_by_default);
  g_test_add_func ("/hlh/gui/form/complete-case", test_complete_case);
  g_test_add_func ("/hlh/gui/form/echo-native-unit", test_echo_native_unit);
  g_test_add_func ("/hlh/gui/form/unit-change-rereads", test_unit_change_rereads);
  g_test_add_func ("/hlh/gui/form/refused-input-changes-nothing",
                   test_refused_input_changes_nothing);
  g_test_add_func ("/hlh/gui/form/refused-prefix-not-used", test_refused_prefix_not_used);
  g_test_add_func ("/hlh/gui/form/case-replaced-shows-values", test_case_replaced_shows_values);
  g_test_add_func ("/hlh/gui/form/implausible-names-mixup", test_implausible_names_mixup);
  g_test_add_func ("/hlh/gui/form/trigger-sets-finding", test_trigger_sets_finding);
  g_test_add_func ("/hlh/gui/form/new-case-clears", test_new_case_clears);
  g_test_add_func ("/hlh/gui/form/units-settings", test_units_settings);
  g_test_add_func ("/hlh/gui/results/panels-follow-patient", test_panels_follow_patient);
  g_test_add_func ("/hlh/gui/results/criterion-detail", test_criterion_detail);
  g_test_add_func ("/hlh/gui/window/narrow-layout", test_narrow_layout);
  g_test_add_func ("/hlh/gui/gauge/range", test_gauge_range);
  g_test_add_func ("/hlh/gui/gauge/widget", test_gauge_widget);

  return g_test_run ();
}
