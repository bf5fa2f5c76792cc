/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "hlh-application.h"
#include "hlh-assess.h"
#include "hlh-renderer.h"
#include "hlh-window.h"

struct _HlhApplication
{
  GtkApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (HlhApplication, hlh_application, GTK_TYPE_APPLICATION)

/* A paper for the About dialog's References: its citation, a link to its DOI. GTK does not
 * wrap a credits section's lines, so the citation is broken into lines here (a full one made
 * the dialog 1309 px wide). */
#define REFERENCE_LINE_CHARS 64

static char *
dup_reference (const HlhReference *reference)
{
  g_auto(GStrv) words = g_strsplit (reference->citation, " ", -1);
  GString *text = g_string_new (NULL);
  gsize line_start = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (i > 0)
        {
          gboolean full = text->len - line_start + 1 + strlen (words[i]) > REFERENCE_LINE_CHARS;

          g_string_append_c (text, full ? '\n' : ' ');
          if (full)
            line_start = text->len;
        }
      g_string_append (text, words[i]);
    }
  g_string_append_printf (text, " https://doi.org/%s", reference->doi);
  return g_string_free (text, FALSE);
}

/**
 * hlh_application_new_about_dialog:
 * @parent: (nullable): the window it is about
 *
 * The About dialog: version, licence, intended use, the no-network statement, and the papers
 * whose rules the application computes.
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
GtkWidget *
hlh_application_new_about_dialog (GtkWindow *parent)
{
  const HlhReference *sources[] = {
    hlh_hscore_get_reference (), hlh_hlh2004_get_reference (), hlh_mas2016_get_reference (),
    hlh_msscore_get_reference (), hlh_ohi_get_reference (), hlh_iechs_get_reference (),
    hlh_cartox_get_reference (),
  };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) references = NULL;
  g_autofree char *comments = NULL;
  GtkWidget *about;

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autofree char *reference = dup_reference (sources[i]);
      g_strv_builder_add (builder, reference);
    }
  references = g_strv_builder_end (builder);

  comments = g_strdup_printf ("%s\n\n%s\n\n%s",
                              _("Computes the published HLH scores and criteria: the HScore, "
                                "HLH-2004, the 2016 MAS criteria and the MS score in systemic "
                                "JIA, the OHI index, the IEC-HS checklist and CARTOX."),
                              _(hlh_disclaimer),
                              _("It never uses the network and sends nothing anywhere; "
                                "nothing is written to disk unless you save it."));
  about = g_object_new (GTK_TYPE_ABOUT_DIALOG,
                        "transient-for", parent,
                        "modal", TRUE,
                        "program-name", _("HLH Calculator"),
                        "logo-icon-name", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", comments,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 HLH Calculator developers",
                        /* Translators: your names, one per line, shown in the About dialog */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_about_dialog_add_credit_section (GTK_ABOUT_DIALOG (about), _("References"),
                                       (const char **) references);
  return about;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (hlh_application_new_about_dialog (parent)));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* Each window asks about unsaved changes and remembers its size as it closes; the
   * application ends with its last window. */
  while (windows != NULL)
    {
      GList *next = windows->next;
      gtk_window_close (GTK_WINDOW (windows->data));
      windows = next;
    }
}

static const GActionEntry app_actions[] = {
  { "about", about_action, NULL, NULL, NULL, { 0 } },
  { "quit", quit_action, NULL, NULL, NULL, { 0 } },
};

static void
load_css (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/io/github/hlhcalc/HLHCalculator/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/**
 * hlh_application_choose_default_units:
 * @settings: the application's settings
 * @locale: (nullable): the measurement locale's name
 *
 * On the first run, when nobody has chosen the default units yet, picks them from the
 * locale (conventional in the United States, SI elsewhere) and stores the choice, so that it
 * is remembered even if the locale changes later. A choice already made stays.
 */
void
hlh_application_choose_default_units (GSettings  *settings,
                                      const char *locale)
{
  g_autoptr(GVariant) chosen = g_settings_get_user_value (settings, "unit-system");

  if (chosen != NULL)
    return;
  g_settings_set_enum (settings, "unit-system",
                       hlh_locale_prefers_conventional_units (locale) ? 1 : 0);
}

static void
hlh_application_startup (GApplication *application)
{
  HlhApplication *self = HLH_APPLICATION (application);
  g_autoptr(GAction) unit_system = NULL;
  static const char *new_case_accels[] = { "<Control>n", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const struct { const char *action; const char *accels[2]; } window_accels[] = {
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.copy-summary", { "<Control><Shift>c", NULL } },
    { "win.export-pdf", { "<Control><Shift>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.presentation", { "F11", NULL } },
  };

  G_APPLICATION_CLASS (hlh_application_parent_class)->startup (application);
  hlh_renderer_choose_for_display (gdk_display_get_default ());

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  self->settings = g_settings_new (APP_ID);
  hlh_application_choose_default_units (self->settings, setlocale (LC_MEASUREMENT, NULL));
  unit_system = g_settings_create_action (self->settings, "unit-system");
  g_action_map_add_action (G_ACTION_MAP (self), unit_system);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-case",
                                         new_case_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  /* Shown next to the menu items; the window's own shortcuts work in any case. */
  for (guint i = 0; i < G_N_ELEMENTS (window_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), window_accels[i].action,
                                           window_accels[i].accels);
  gtk_window_set_default_icon_name (APP_ID);
  load_css ();
}

static void
hlh_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (hlh_window_new (GTK_APPLICATION (application)));
  gtk_window_present (window);
}

/* Files from the command line or the file manager: each in a window of its own, except that
 * the first goes into a window nobody has used yet. */
static void
hlh_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (application));

  for (int i = 0; i < n_files; i++)
    {
      HlhWindow *window = NULL;

      if (i == 0 && active != NULL && HLH_IS_WINDOW (active) &&
          hlh_window_is_pristine (HLH_WINDOW (active)))
        window = HLH_WINDOW (active);
      if (window == NULL)
        window = hlh_window_new (GTK_APPLICATION (application));
      gtk_window_present (GTK_WINDOW (window));
      hlh_window_open (window, files[i]);
    }
}

static void
hlh_application_dispose (GObject *object)
{
  HlhApplication *self = HLH_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hlh_application_parent_class)->dispose (object);
}

static void
hlh_application_class_init (HlhApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = hlh_application_dispose;
  app_class->startup = hlh_application_startup;
  app_class->activate = hlh_application_activate;
  app_class->open = hlh_application_open;
}

static void
hlh_application_init (HlhApplication *self)
{
}

HlhApplication *
hlh_application_new (void)
{
  return g_object_new (HLH_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/hlhcalc/HLHCalculator",
                       NULL);
}
