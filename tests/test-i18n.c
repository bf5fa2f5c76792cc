/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include <gtk/gtk.h>

#include "hlh-case-form.h"
#include "hlh-choice-row.h"
#include "hlh-cli.h"
#include "hlh-number-row.h"
#include "hlh-window.h"
#include "test-access-keys.h"
#include "test-layout.h"
#include "test-toplevels.h"

/* The translations at work, with the catalogues just built (HLH_TEST_LOCALEDIR): run under
 * fr_FR.UTF-8 and de_DE.UTF-8. The expected texts are what a French or German clinician
 * should read, written here by hand; check-translations.py checks the catalogues' completeness,
 * this checks that the application, the report and hlh-score use them. */

#define NBSP "\xc2\xa0"

typedef struct
{
  const char *lang;
  const char *app_name;
  const char *blood_count;
  const char *hlh2004_heading;
  const char *years;
  const char *temperature_echo;
  const char *teaching_title;
  const char *summary_findings;
  const char *summary_learning;
  const char *cli_temperature;
  const char *cli_age;
  const char *cli_units_heading;
  const char *cli_zero_points;
  const char *cli_many_points;
  const char *cli_findings;
  const char *shortcut_save_as;
} Expected;

static const Expected languages[] = {
  { "fr", "Calculateur HLH", "Numération", "Critères diagnostiques HLH-2004", "ans",
    "= 38,6 °C", "HLH déclenchée par l'EBV chez un jeune adulte",
    "RÉSULTATS (tels que saisis" NBSP "; inconnu signifie",
    "Message pédagogique" NBSP ": Tout va dans le même sens",
    "Température maximale" NBSP ": 38,6 °C", "Âge" NBSP ": 30 ans", "CHAMP",
    /* French counts 0 and 1 in the singular. */
    "connue" NBSP ": 0 point (non)", "Température" NBSP ": 33 points (",
    /* "Splénomégalie inconnu" would not agree: a colon, and French spacing. */
    "(Hépatomégalie" NBSP ": oui" NBSP "; Splénomégalie" NBSP ": inconnu)",
    "Enregistrer sous un autre nom" },
  { "de", "HLH-Rechner", "Blutbild", "Diagnostische HLH-2004-Kriterien", "Jahre",
    "= 38,6 °C", "EBV-getriggerte HLH bei einem jungen Erwachsenen",
    "BEFUNDE (wie eingegeben; unbekannt heißt",
    "Lernziel: Alles weist in dieselbe Richtung",
    "Höchste Temperatur: 38,6 °C", "Alter: 30 Jahre", "FELD",
    "Immunsuppression: 0 Punkte (nein)", "Temperatur: 33 Punkte (",
    "(Hepatomegalie ja; Splenomegalie unbekannt)",
    "Unter anderem Namen speichern" },
};

static const Expected *expected;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Every text a label or tooltip in @widget shows. */
static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (GTK_IS_LABEL (widget) && *gtk_label_get_label (GTK_LABEL (widget)) != '\0')
    g_ptr_array_add (texts, (gpointer) gtk_label_get_label (GTK_LABEL (widget)));
  if (tooltip != NULL)
    g_ptr_array_add (texts, (gpointer) tooltip);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static gboolean
shows (GPtrArray  *texts,
       const char *needle)
{
  for (guint i = 0; i < texts->len; i++)
    if (strstr (g_ptr_array_index (texts, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_window (void)
{
  HlhWindow *window = hlh_window_new (NULL);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  HlhNumberRow *row;
  guint untranslated = 0;

  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  /* The whole form, including what is made just after the first frame. */
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (!hlh_case_form_is_complete (hlh_window_get_form (window)) &&
           g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (hlh_case_form_is_complete (hlh_window_get_form (window)));
  }
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), expected->app_name));

  collect_texts (GTK_WIDGET (window), texts);
  g_assert_true (shows (texts, expected->blood_count));
  g_assert_true (shows (texts, expected->hlh2004_heading));
  g_assert_true (shows (texts, expected->years));
  /* No text on screen is an English original that has a translation. */
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      if (strcmp (g_dgettext (GETTEXT_PACKAGE, text), text) != 0)
        {
          g_test_message ("shown untranslated: “%s”", text);
          untranslated++;
        }
    }
  g_assert_cmpuint (untranslated, ==, 0);

  /* Numbers in the locale's form. */
  row = hlh_case_form_get_number_row (hlh_window_get_form (window), HLH_FIELD_TEMPERATURE);
  hlh_number_row_set_unit (row, HLH_UNIT_CELSIUS);
  gtk_editable_set_text (hlh_number_row_get_editable (row), "38,6");
  iterate ();
  g_assert_cmpstr (hlh_number_row_get_echo (row), ==, expected->temperature_echo);

  /* A teaching case in the reader's language, on screen and in the copied summary. */
  g_assert_true (hlh_window_load_teaching_case (window, "1-ebv-young-adult.hlhcase", &error));
  g_assert_no_error (error);
  iterate ();
  g_ptr_array_set_size (texts, 0);
  collect_texts (GTK_WIDGET (window), texts);
  g_assert_true (shows (texts, expected->teaching_title));
  /* Each access key goes to one place in this language too, the learning point's included. */
  {
    g_autoptr(GHashTable) keys = g_hash_table_new (NULL, NULL);

    test_collect_access_keys (GTK_WIDGET (window), keys);
    g_assert_cmpuint (g_hash_table_size (keys), >=, 20);
  }
  /* The keyboard shortcuts, translated, still fit a 1024×600 screen. */
  {
    GtkWidget *shortcuts = test_open_shortcuts_window (GTK_WIDGET (window));

    g_ptr_array_set_size (texts, 0);
    collect_texts (shortcuts, texts);
    g_assert_true (shows (texts, expected->shortcut_save_as));
    /* Its titles do not wrap: a long one widens the whole window. */
    test_assert_window_fits (shortcuts, 1024, 600, "the keyboard shortcuts window");
    gtk_window_destroy (GTK_WINDOW (shortcuts));
  }
  /* Every trigger group and the other findings open, with the immune-effector-cell findings
   * shown: the translated check boxes wrap, and the window still fits a 1024×600 screen. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
    HlhChoiceRow *iec = hlh_case_form_get_choice_row (hlh_window_get_form (window),
                                                      HLH_FIELD_IEC_THERAPY);
    GtkWidget *form = GTK_WIDGET (hlh_window_get_form (window));

    /* The application's style sheet, which enlarges the text in presentation mode. */
    gtk_css_provider_load_from_resource (css, "/io/github/hlhcalc/HLHCalculator/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    g_signal_emit_by_name (hlh_choice_row_get_button (iec, HLH_ANSWER_YES), "clicked");
    test_set_all_expanded (form, TRUE);
    iterate ();
    test_set_all_expanded (form, TRUE);
    iterate ();
    g_assert_true (hlh_case_form_get_iec_visible (hlh_window_get_form (window)));
    g_assert_false (hlh_window_get_narrow (window));
    test_assert_window_fits (GTK_WIDGET (window), 1024, 600, "every group open");
    hlh_window_set_presentation (window, TRUE);
    iterate ();
    test_assert_window_fits (GTK_WIDGET (window), 1024, 600,
                             "every group open, in presentation mode");
    /* Each teaching case, projected: the score and its probability in the largest type. */
    {
      g_auto(GStrv) names =
        g_resources_enumerate_children ("/io/github/hlhcalc/HLHCalculator/teaching/",
                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      g_assert_nonnull (names);
      for (guint i = 0; names[i] != NULL; i++)
        {
          g_autofree char *what = g_strdup_printf ("%s, in presentation mode", names[i]);

          g_assert_true (hlh_window_load_teaching_case (window, names[i], NULL));
          iterate ();
          test_assert_window_fits (GTK_WIDGET (window), 1024, 600, what);
        }
      g_assert_true (hlh_window_load_teaching_case (window, "1-ebv-young-adult.hlhcase", NULL));
      iterate ();
    }
    hlh_window_set_presentation (window, FALSE);
    gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                   GTK_STYLE_PROVIDER (css));
  }
  summary = hlh_window_dup_summary (window);
  g_assert_nonnull (strstr (summary, expected->summary_findings));
  g_assert_nonnull (strstr (summary, expected->summary_learning));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static char *
run_cli (const char *const *args)
{
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  char *text = NULL;
  int fd = g_file_open_tmp ("hlh-i18n-XXXXXX", &path, NULL);
  FILE *out = fdopen (fd, "w+");
  FILE *err = fopen ("/dev/null", "w");
  int status;

  g_ptr_array_add (argv, (gpointer) "hlh-score");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  status = hlh_cli_run (argv->len - 1, (char **) argv->pdata, out, err);
  g_assert_cmpint (status, ==, 0);
  fclose (out);
  fclose (err);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_unlink (path);
  return text;
}

static void
test_cli (void)
{
  static const char *const report_args[] = { "temperature=38.6", "age=30",
                                             "immunosuppression=no", "hepatomegaly=yes", NULL };
  static const char *const json_args[] = { "--json", "temperature=38.6", NULL };
  static const char *const units_args[] = { "--units", NULL };
  g_autofree char *report = run_cli (report_args);
  g_autofree char *json = run_cli (json_args);
  g_autofree char *units = run_cli (units_args);

  g_assert_nonnull (strstr (report, expected->cli_temperature));
  g_assert_nonnull (strstr (report, expected->cli_age));
  g_assert_nonnull (strstr (report, expected->cli_zero_points));
  g_assert_nonnull (strstr (report, expected->cli_many_points));
  g_assert_nonnull (strstr (report, expected->cli_findings));
  /* JSON is for programs: English and "." in every locale. */
  g_assert_nonnull (strstr (json, "\"basis\":\"38.6 °C ≥ 38.4 °C\""));
  g_assert_true (g_str_has_prefix (units, expected->cli_units_heading));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("HLH_TEST_LOCALEDIR");
  const char *messages;

  setlocale (LC_ALL, "");
  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() switches to en_US.UTF-8 where that locale exists; these tests run in the
   * locale they are given (C, de_DE, fr_FR). */
  setlocale (LC_ALL, "");

  messages = setlocale (LC_MESSAGES, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (messages != NULL && g_str_has_prefix (messages, languages[i].lang))
      expected = &languages[i];
  if (expected == NULL)
    g_error ("run under fr_FR.UTF-8 or de_DE.UTF-8, not %s", messages);

  g_test_add_func ("/hlh/i18n/window", test_window);
  g_test_add_func ("/hlh/i18n/cli", test_cli);
  return g_test_run ();
}
