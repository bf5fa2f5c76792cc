/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hlh-accessible.h"
#include "hlh-column.h"
#include "hlh-error.h"
#include "hlh-label-util.h"
#include "hlh-print-preview.h"
#include "hlh-report-draw.h"
#include "hlh-window.h"

/* The form on one side and the results on the other, or the results below the form when the
 * window is narrow; the results stay in view while typing either way. The window also keeps
 * the document: the file the case came from, whether it has unsaved changes, and the ways out
 * of the app (copy, PDF, print). */

/* Space the printout leaves inside the printer's own margins, in points. */
#define PRINT_MARGIN 18.0
#define TOAST_SECONDS 4

typedef void (*Continuation) (HlhWindow *self,
                              gpointer   data);

/* What the next layout does for the finding that has the keyboard (reveal_focus_row()). */
typedef enum
{
  REVEAL_NOTHING,
  REVEAL_IF_GROWN,  /* bring in lines that appeared under its field */
  REVEAL_ROW,       /* bring in the whole row */
} Reveal;

struct _HlhWindow
{
  GtkApplicationWindow  parent_instance;

  GtkBox               *content;
  GtkWidget            *form_scroller;
  GtkWidget            *results_pane;
  GtkWidget            *results_scroller;
  GtkBox               *results_column;
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkWidget            *teaching_banner;
  GtkLabel             *teaching_title;
  GtkLabel             *teaching_narrative;
  GtkLabel             *teaching_point;
  GtkToggleButton      *teaching_point_button;
  GtkWidget            *label_row;
  GtkEntry             *label_entry;
  GtkRevealer          *toast_revealer;
  GtkLabel             *toast_label;
  GMenu                *teaching_section;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;

  HlhCaseModel         *model;
  HlhCaseForm          *form;
  HlhResultsView       *results;
  GSettings            *settings;
  gboolean              narrow;
  gboolean              presentation;
  guint                 toast_timeout;

  /* The file the case was opened from or saved to, and its SHA-256 then: saving over it
   * refuses when somebody changed it in between. */
  GFile                *file;
  char                 *digest;
  /* The folder of the last case or report opened or saved in this session (not kept after). */
  GFile                *last_folder;

  /* What to do once the unsaved changes are saved or discarded. */
  Continuation          pending;
  gpointer              pending_data;
  GDestroyNotify        pending_destroy;

  GtkNativeDialog      *chooser;
  GtkWindow            *dialog;
  GtkPrintSettings     *print_settings;
  gboolean              closing;

  /* Where the keyboard was last in each side, for F6 (weak). */
  GtkWidget            *last_form_focus;
  GtkWidget            *last_results_focus;
  GtkWidget            *focus_selectable; /* a text or selectable label with the keyboard */

  /* The finding that has the keyboard is brought into view whole after the next layout
   * (reveal_focus_row()): the row and its height as last seen (weak). */
  GdkFrameClock        *layout_clock;
  gulong                layout_handler;
  Reveal                reveal;
  GtkWidget            *watched_row;
  float                 watched_height;
  gboolean              pointer_down;
  gboolean              reveal_on_release;
  /* The last motion of the pointer seen (motion_is_repeat()); compared, never used. */
  GdkSurface           *motion_surface;
  GdkDevice            *motion_device;
  GdkModifierType       motion_state;
  double                motion_x;
  double                motion_y;
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
  HlhField field = hlh_number_row_get_field (row);

  /* A row made for a value already known (a case opened with CAR-T findings) shows it in its
   * own unit: choosing another would read the number again in that one. */
  if (!hlh_case_is_known (hlh_case_model_get_case (self->model), field))
    hlh_number_row_set_unit (row, preferred_unit (self, field));
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
    gtk_widget_add_css_class (self->results_pane, "narrow");
  else
    gtk_widget_remove_css_class (self->results_pane, "narrow");
}

static void
default_width_cb (HlhWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  set_narrow (self, width > 0 && width < HLH_WINDOW_NARROW_WIDTH);
}

/* The document: title, unsaved changes, teaching banner */

static char *
dup_file_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
}

static char *
dup_display_name (HlhWindow *self)
{
  const HlhTeaching *teaching = hlh_case_model_get_teaching (self->model);

  if (self->file != NULL)
    return dup_file_display_name (self->file);
  if (teaching != NULL)
    return g_strdup (teaching->title);
  return g_strdup (_("New Case"));
}

static void
update_title (HlhWindow *self)
{
  gboolean modified = hlh_case_model_get_modified (self->model);
  g_autofree char *name = dup_display_name (self);
  g_autofree char *shown = modified ? g_strdup_printf ("• %s", name) : g_strdup (name);
  g_autofree char *window_title = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: the window title: the case's name, then the application's */
  window_title = g_strdup_printf (_("%s – HLH Calculator"), shown);
  /* Unchanged, it is not set again: each time costs a round trip to the X server. */
  if (g_strcmp0 (gtk_window_get_title (GTK_WINDOW (self)), window_title) != 0)
    gtk_window_set_title (GTK_WINDOW (self), window_title);
  hlh_label_set_text (self->title_label, shown);

  if (hlh_case_model_get_teaching (self->model) != NULL)
    subtitle = g_strdup (_("Teaching case, not a patient"));
  else if (self->file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->file);
      g_autofree char *path = parent != NULL ? g_file_get_path (parent) : NULL;
      if (path != NULL)
        subtitle = g_filename_display_name (path);
    }
  if (modified)
    {
      g_autofree char *rest = g_steal_pointer (&subtitle);
      /* Translators: shown under the case's name when it has unsaved changes */
      subtitle = rest != NULL ? g_strdup_printf (_("Unsaved changes · %s"), rest)
                              : g_strdup (_("Unsaved changes"));
    }
  hlh_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL);
}

static void
update_teaching (HlhWindow *self)
{
  const HlhTeaching *teaching = hlh_case_model_get_teaching (self->model);

  gtk_widget_set_visible (self->teaching_banner, teaching != NULL);
  gtk_toggle_button_set_active (self->teaching_point_button, FALSE);
  if (teaching == NULL)
    return;
  {
    /* Translators: the banner over a teaching case; %s is its title */
    g_autofree char *title = g_strdup_printf (_("Teaching case, not a patient: %s"),
                                              teaching->title);
    hlh_label_set_text (self->teaching_title, title);
  }
  /* The stories quote values ("142 ×10⁹/L"), kept with their units. */
  hlh_label_set_text (self->teaching_narrative, teaching->narrative);
  hlh_label_set_text (self->teaching_point, teaching->learning_point);
}

static void
remember_folder (HlhWindow *self,
                 GFile     *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);

  if (folder != NULL)
    g_set_object (&self->last_folder, folder);
}

/* Where a file chooser starts: the open case's folder, else the folder of the last case or
 * report of this session, else the user's documents. Not GTK's default, its recently used
 * files, which hold no case of this application (keep_out_of_recent_files()). */
static GFile *
dup_start_folder (HlhWindow *self)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (self->file != NULL)
    {
      GFile *folder = g_file_get_parent (self->file);

      if (folder != NULL)
        return folder;
    }
  if (self->last_folder != NULL)
    return g_object_ref (self->last_folder);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

static void
set_file (HlhWindow  *self,
          GFile      *file,
          const char *digest)
{
  g_set_object (&self->file, file);
  if (file != NULL)
    remember_folder (self, file);
  g_free (self->digest);
  self->digest = g_strdup (digest);
  update_title (self);
}

static gboolean
hide_toast (gpointer data)
{
  HlhWindow *self = data;

  gtk_revealer_set_reveal_child (self->toast_revealer, FALSE);
  self->toast_timeout = 0;
  return G_SOURCE_REMOVE;
}

/* A short note at the bottom of the window ("Saved"), also told to screen readers. */
static void
show_toast (HlhWindow  *self,
            const char *text)
{
  gtk_label_set_text (self->toast_label, text);
  gtk_revealer_set_reveal_child (self->toast_revealer, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->toast_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  g_clear_handle_id (&self->toast_timeout, g_source_remove);
  self->toast_timeout = g_timeout_add_seconds (TOAST_SECONDS, hide_toast, self);
}

/* Messages */

typedef void (*ResponseFunc) (HlhWindow *self,
                              int        response,
                              gpointer   data);

typedef struct
{
  HlhWindow    *self;
  ResponseFunc  func;
  gpointer      data;
  GDestroyNotify destroy;
} Response;

static void
dialog_response_cb (GtkDialog *dialog,
                    int        response,
                    Response  *r)
{
  HlhWindow *self = r->self;

  if (self->dialog == GTK_WINDOW (dialog))
    self->dialog = NULL;
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (r->func != NULL)
    r->func (self, response, r->data);
  if (r->destroy != NULL)
    r->destroy (r->data);
  g_object_unref (self);
  g_free (r);
}

/* A modal question or message. @buttons are label/response pairs ending with NULL; the last
 * is the default. The case on screen is never touched by showing one. */
static void
ask (HlhWindow      *self,
     GtkMessageType  type,
     const char     *heading,
     const char     *body,
     ResponseFunc    func,
     gpointer        data,
     GDestroyNotify  destroy,
     const char     *first_button,
     ...)
{
  GtkWidget *dialog;
  Response *r = g_new0 (Response, 1);
  const char *label = first_button;
  int last = GTK_RESPONSE_CLOSE;
  va_list args;

  dialog = g_object_new (GTK_TYPE_MESSAGE_DIALOG,
                         "transient-for", self,
                         "modal", TRUE,
                         "message-type", type,
                         "buttons", GTK_BUTTONS_NONE,
                         "text", heading,
                         "secondary-text", body,
                         NULL);
  va_start (args, first_button);
  while (label != NULL)
    {
      int response = va_arg (args, int);
      GtkWidget *button = gtk_dialog_add_button (GTK_DIALOG (dialog), label, response);

      hlh_accessible_name_by_content (GTK_BUTTON (button));

      /* GTK_RESPONSE_OK: going on despite a warning, not suggested. */
      if (response == GTK_RESPONSE_REJECT)
        gtk_widget_add_css_class (button, "destructive-action");
      else if (response != GTK_RESPONSE_CANCEL && response != GTK_RESPONSE_CLOSE &&
               response != GTK_RESPONSE_OK)
        gtk_widget_add_css_class (button, "suggested-action");
      last = response;
      label = va_arg (args, const char *);
    }
  va_end (args);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), last);

  r->self = g_object_ref (self);
  r->func = func;
  r->data = data;
  r->destroy = destroy;
  g_signal_connect (dialog, "response", G_CALLBACK (dialog_response_cb), r);
  self->dialog = GTK_WINDOW (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_error (HlhWindow  *self,
            const char *heading,
            const char *message)
{
  ask (self, GTK_MESSAGE_ERROR, heading, message, NULL, NULL, NULL,
       _("_Close"), GTK_RESPONSE_CLOSE, NULL);
}

/* Unsaved changes */

static void
clear_pending (HlhWindow *self)
{
  if (self->pending_destroy != NULL && self->pending_data != NULL)
    self->pending_destroy (self->pending_data);
  self->pending = NULL;
  self->pending_data = NULL;
  self->pending_destroy = NULL;
}

static void
run_pending (HlhWindow *self)
{
  Continuation then = self->pending;
  gpointer data = self->pending_data;
  GDestroyNotify destroy = self->pending_destroy;

  self->pending = NULL;
  self->pending_data = NULL;
  self->pending_destroy = NULL;
  if (then != NULL)
    then (self, data);
  if (destroy != NULL && data != NULL)
    destroy (data);
}

static void save (HlhWindow *self,
                  gboolean   choose);
static void confirm_refused (HlhWindow    *self,
                             Continuation  then,
                             const char   *go_on);

/* Saves, then runs the pending action once saved. */
static void
save_then_pending (HlhWindow *self,
                   gpointer   data)
{
  save (self, FALSE);
}

static void
discard_response (HlhWindow *self,
                  int        response,
                  gpointer   data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    confirm_refused (self, save_then_pending, _("_Save Anyway"));
  else if (response == GTK_RESPONSE_REJECT)
    run_pending (self);
  else
    clear_pending (self);
}

/* Runs @then now if nothing would be lost; otherwise asks first: save, discard or cancel. */
static void
confirm_discard (HlhWindow      *self,
                 Continuation    then,
                 gpointer        data,
                 GDestroyNotify  destroy)
{
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;

  clear_pending (self);
  self->pending = then;
  self->pending_data = data;
  self->pending_destroy = destroy;
  if (!hlh_case_model_get_modified (self->model))
    {
      run_pending (self);
      return;
    }
  name = dup_display_name (self);
  heading = g_strdup_printf (_("Save the changes to “%s”?"), name);
  ask (self, GTK_MESSAGE_QUESTION, heading,
       _("The findings entered since it was last saved will be lost if you do not save them."),
       discard_response, NULL, NULL,
       _("_Cancel"), GTK_RESPONSE_CANCEL,
       _("_Discard"), GTK_RESPONSE_REJECT,
       _("_Save"), GTK_RESPONSE_ACCEPT,
       NULL);
}

/* Refused input
 *
 * While a field's text is refused, the field shows one thing and the results use another: the
 * value before the refused edit. A report or a saved case would give that value, unseen, so
 * copying, exporting, printing and saving ask first, naming the fields. */

typedef struct
{
  Continuation then;
} RefusedQuestion;

static void
focus_first_refused (HlhWindow *self)
{
  for (guint field = 0; field < HLH_N_FIELDS; field++)
    if (hlh_case_model_get_refusal (self->model, field) != NULL)
      {
        HlhNumberRow *row = hlh_case_form_get_number_row (self->form, field);

        if (row != NULL)
          gtk_widget_grab_focus (GTK_WIDGET (hlh_number_row_get_editable (row)));
        return;
      }
}

static void
refused_response (HlhWindow *self,
                  int        response,
                  gpointer   data)
{
  RefusedQuestion *question = data;

  if (response == GTK_RESPONSE_OK)
    question->then (self, NULL);
  else
    {
      /* Going back gives up what was to follow a save (a New Case, say). */
      clear_pending (self);
      focus_first_refused (self);
    }
}

/* Runs @then now if no field's text is refused; otherwise asks first. @go_on labels the
 * button that runs it anyway ("_Copy Anyway"). */
static void
confirm_refused (HlhWindow    *self,
                 Continuation  then,
                 const char   *go_on)
{
  guint n = hlh_case_model_get_n_refused (self->model);
  RefusedQuestion *question;
  g_autofree char *fields = NULL;
  g_autofree char *heading = NULL;

  if (n == 0)
    {
      then (self, NULL);
      return;
    }
  fields = hlh_case_model_dup_refused_names (self->model);
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: the text typed was refused",
                                          "%s: the texts typed were refused", n),
                             fields);
  question = g_new (RefusedQuestion, 1);
  question->then = then;
  ask (self, GTK_MESSAGE_WARNING, heading,
       g_dngettext (GETTEXT_PACKAGE,
                    "It is not used: the results, and so the report and the saved case, give "
                    "the value the field had before. Correct it first, or go on with that "
                    "value.",
                    "They are not used: the results, and so the report and the saved case, "
                    "give the values the fields had before. Correct them first, or go on with "
                    "those values.", n),
       refused_response, question, g_free,
       go_on, GTK_RESPONSE_OK,
       _("_Go Back"), GTK_RESPONSE_CANCEL,
       NULL);
}

/* Opening */

/**
 * hlh_window_open_file:
 *
 * Opens the case file @file in this window at once, without asking about unsaved changes
 * (hlh_window_open() asks). On error nothing on screen changes.
 */
gboolean
hlh_window_open_file (HlhWindow  *self,
                      GFile      *file,
                      GError    **error)
{
  g_autoptr(HlhTeaching) teaching = NULL;
  g_autofree char *path = NULL;
  g_autofree char *digest = NULL;
  HlhCase c;

  g_return_val_if_fail (HLH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_set_error (error, HLH_ERROR, HLH_ERROR_IO,
                   _("Could not open “%s”: only files on this computer can be opened"), uri);
      return FALSE;
    }
  hlh_case_init (&c);
  if (!hlh_case_load_file_full (&c, &teaching, path, error))
    return FALSE;
  digest = hlh_case_dup_file_digest (path);
  hlh_case_model_load (self->model, &c, teaching);
  gtk_editable_set_text (GTK_EDITABLE (self->label_entry), "");
  set_file (self, file, digest);
  return TRUE;
}

static void
open_now (HlhWindow *self,
          gpointer   data)
{
  g_autoptr(GError) error = NULL;
  GFile *file = data;

  if (!hlh_window_open_file (self, file, &error))
    show_error (self, _("The case was not opened"), error->message);
}

/**
 * hlh_window_open:
 *
 * Opens @file, asking first if the case on screen has unsaved changes; a file that cannot be
 * opened is named in a message and the case on screen stays as it was.
 */
void
hlh_window_open (HlhWindow *self,
                 GFile     *file)
{
  g_return_if_fail (HLH_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  confirm_discard (self, open_now, g_object_ref (file), g_object_unref);
}

/* Shows @chooser, modal, as the window's one file chooser; @response_cb gets its answer. */
/* Recently used files
 *
 * GTK adds every file chosen in a file chooser, and every report printed to a file, to the
 * desktop's list of recently used files (~/.local/share/recently-used.xbel), which other
 * applications' Open dialogs show. A case's or a report's name may name the patient, and ward
 * machines are shared: this application's entries are taken out again as soon as GTK has
 * added them. Other applications' entries stay. (Turning GtkSettings:gtk-recent-files-enabled
 * off instead makes GTK 4.8 write the whole list out empty at the next addition.) */
static void
recent_files_changed_cb (GtkRecentManager *manager,
                         gpointer          data)
{
  const char *own_name = g_get_application_name ();
  GList *items = gtk_recent_manager_get_items (manager);

  for (GList *l = items; l != NULL; l = l->next)
    {
      gsize n_applications = 0;
      g_auto(GStrv) applications = gtk_recent_info_get_applications (l->data, &n_applications);

      /* A file that another application also lists is left to it. */
      if (n_applications == 1 && g_strcmp0 (applications[0], own_name) == 0)
        gtk_recent_manager_remove_item (manager, gtk_recent_info_get_uri (l->data), NULL);
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* Before the first file chooser or print dialog, which make GTK read the list. */
static void
keep_out_of_recent_files (void)
{
  static gboolean watching;
  GtkRecentManager *manager;

  if (watching)
    return;
  watching = TRUE;
  manager = gtk_recent_manager_get_default ();
  g_signal_connect (manager, "changed", G_CALLBACK (recent_files_changed_cb), NULL);
  recent_files_changed_cb (manager, NULL);
}

static void
show_chooser (HlhWindow            *self,
              GtkFileChooserNative *chooser,
              GCallback             response_cb)
{
  keep_out_of_recent_files ();
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", response_cb, self);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static GtkFileFilter *
case_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("HLH Calculator cases"));
  gtk_file_filter_add_mime_type (filter, "application/x-hlhcase");
  gtk_file_filter_add_suffix (filter, "hlhcase");
  return filter;
}

static void
open_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          HlhWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (file != NULL)
        open_now (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
choose_and_open (HlhWindow *self,
                 gpointer   data)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Open a Case"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = case_filter ();
  g_autoptr(GFile) folder = dup_start_folder (self);

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  show_chooser (self, chooser, G_CALLBACK (open_chooser_response_cb));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HlhWindow *self = HLH_WINDOW (widget);

  confirm_discard (self, choose_and_open, NULL, NULL);
}

/* Teaching cases, bundled in the resources */

#define TEACHING_PATH "/io/github/hlhcalc/HLHCalculator/teaching/"

/**
 * hlh_window_load_teaching_case:
 * @name: a file name under the resources' teaching/ folder
 *
 * Shows a bundled teaching case at once (hlh-window's action asks about unsaved changes
 * first). It has no file: saving it asks where.
 */
gboolean
hlh_window_load_teaching_case (HlhWindow   *self,
                               const char  *name,
                               GError     **error)
{
  g_autofree char *path = g_strconcat (TEACHING_PATH, name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(HlhTeaching) teaching = NULL;
  const char *data;
  gsize length;
  HlhCase c;

  g_return_val_if_fail (HLH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  hlh_case_init (&c);
  if (!hlh_case_load_data_full (&c, &teaching, data, length, error))
    return FALSE;
  hlh_case_model_load (self->model, &c, teaching);
  gtk_editable_set_text (GTK_EDITABLE (self->label_entry), "");
  set_file (self, NULL, NULL);
  return TRUE;
}

static void
teaching_now (HlhWindow *self,
              gpointer   data)
{
  g_autoptr(GError) error = NULL;

  if (!hlh_window_load_teaching_case (self, data, &error))
    show_error (self, _("The teaching case was not opened"), error->message);
}

static void
open_teaching_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HlhWindow *self = HLH_WINDOW (widget);

  confirm_discard (self, teaching_now, g_variant_dup_string (parameter, NULL), g_free);
}

/* qsort() passes pointers to the elements, here to the names. */
static int
compare_names (const void *a,
               const void *b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
fill_teaching_menu (HlhWindow *self)
{
  g_auto(GStrv) names = g_resources_enumerate_children (TEACHING_PATH,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  if (names == NULL)
    return;
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (TEACHING_PATH, names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                         NULL);
      g_autoptr(HlhTeaching) teaching = NULL;
      g_autoptr(GMenuItem) item = NULL;
      const char *data;
      gsize length;
      HlhCase c;

      if (bytes == NULL)
        continue;
      data = g_bytes_get_data (bytes, &length);
      if (!hlh_case_load_data_full (&c, &teaching, data, length, NULL) || teaching == NULL)
        continue;
      item = g_menu_item_new (teaching->title, NULL);
      g_menu_item_set_action_and_target (item, "win.open-teaching", "s", names[i]);
      g_menu_append_item (self->teaching_section, item);
    }
}

/* The main menu, with the teaching cases read from the resources, is made when it is first
 * opened (click or F10): a window that never opens it does not pay for it at start-up. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       data)
{
  HlhWindow *self = data;

  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;
  fill_teaching_menu (self);
  gtk_menu_button_set_menu_model (button, self->primary_menu);
  /* Its name as it opens, for screen readers: "Main Menu", not "GtkPopoverMenu". */
  hlh_accessible_set_label (GTK_WIDGET (gtk_menu_button_get_popover (button)), _("Main Menu"));
}

/* The finding that has the keyboard, whole: its field and the lines under it (the value in
 * the rule's unit, the reason a value was refused, the trigger history's note). GtkViewport
 * brings only the focused widget into view, and at the foot of the pane, where Tab brings each
 * next field, those lines stayed below its edge.
 * - The focus comes to a row: the whole row is brought in (after a click, once the button is
 *   released, so that the click lands where it was aimed).
 * - The case changes: lines that have just appeared under the focused row are brought in,
 *   and only those. Answering a finding elsewhere with the mouse leaves the view where the
 *   user put it, even when the keyboard is in a field out of view.
 * In the results, a criterion or a panel opened (with the keyboard or a click, which gives it
 * the keyboard) is brought in with what it opened; the viewport still scrolls the focus in.
 * This runs after the frame's layout, when the new lines have their place; moving the view
 * makes GTK lay out again before it paints. */
static GtkWidget *
get_focus_row (HlhWindow  *self,
               GtkWidget **scroller)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));
  GtkWidget *row;

  if (focus == NULL)
    return NULL;
  if (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->results)))
    {
      *scroller = self->results_scroller;
      row = gtk_widget_get_ancestor (focus, HLH_TYPE_CRITERION_ROW);
      /* A panel's header: the panel is the header and the box of criteria under it. */
      if (row == NULL && gtk_widget_has_css_class (focus, "hlh-panel-header"))
        row = focus;
      return row;
    }
  if (!gtk_widget_is_ancestor (focus, GTK_WIDGET (self->form)))
    return NULL;
  *scroller = self->form_scroller;
  row = gtk_widget_get_ancestor (focus, HLH_TYPE_NUMBER_ROW);
  if (row == NULL)
    row = gtk_widget_get_ancestor (focus, HLH_TYPE_CHOICE_ROW);
  if (row == NULL)
    row = GTK_IS_TEXT (focus) ? gtk_widget_get_parent (focus) : focus;
  return row;
}

/* The heading of the form's section that @row opens, or %NULL: the section's first finding
 * is shown with it, as a chart is read. */
static GtkWidget *
get_section_heading (GtkWidget *row)
{
  GtkWidget *heading;

  for (GtkWidget *before = gtk_widget_get_prev_sibling (row); before != NULL;
       before = gtk_widget_get_prev_sibling (before))
    if (gtk_widget_get_visible (before))
      return NULL;
  heading = gtk_widget_get_prev_sibling (gtk_widget_get_parent (row));
  return heading != NULL && gtk_widget_has_css_class (heading, "hlh-section-heading") ? heading
                                                                                      : NULL;
}

/* Adds where @widget is in @scroller to @bounds. */
static void
add_bounds (GtkWidget       *widget,
            GtkWidget       *scroller,
            graphene_rect_t *bounds)
{
  graphene_rect_t more;

  if (widget != NULL && gtk_widget_get_visible (widget) &&
      gtk_widget_compute_bounds (widget, scroller, &more))
    graphene_rect_union (bounds, &more, bounds);
}

/* Where @row is in @scroller, with the panel under a panel's header and the heading above a
 * section's first finding. */
static gboolean
compute_row_bounds (GtkWidget       *row,
                    GtkWidget       *scroller,
                    graphene_rect_t *bounds)
{
  if (!gtk_widget_compute_bounds (row, scroller, bounds))
    return FALSE;
  if (gtk_widget_has_css_class (row, "hlh-panel-header"))
    add_bounds (gtk_widget_get_next_sibling (row), scroller, bounds);
  else
    add_bounds (get_section_heading (row), scroller, bounds);
  return TRUE;
}

/* Scrolls @scroller to @value. Scrolled past its end with the wheel, a GtkScrolledWindow
 * springs back over the next second or so, and each tick of that spring set the old value
 * again: an access key pressed then brought the keyboard to a field the view did not show.
 * Switching kinetic scrolling off stops the spring (and on again, as it was). */
static void
set_scroll_value (GtkWidget *scroller,
                  double     value)
{
  GtkScrolledWindow *window = GTK_SCROLLED_WINDOW (scroller);

  if (gtk_scrolled_window_get_kinetic_scrolling (window))
    {
      gtk_scrolled_window_set_kinetic_scrolling (window, FALSE);
      gtk_scrolled_window_set_kinetic_scrolling (window, TRUE);
    }
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (window), value);
}

static void
scroll_to_bounds (GtkWidget             *scroller,
                  const graphene_rect_t *bounds)
{
  GtkAdjustment *scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  double value = gtk_adjustment_get_value (scroll);
  double page = gtk_adjustment_get_page_size (scroll);
  double target = value;

  if (bounds->origin.y + bounds->size.height > page)
    target += bounds->origin.y + bounds->size.height - page;
  /* A row taller than the pane shows its top. */
  if (bounds->origin.y - (target - value) < 0)
    target = value + bounds->origin.y;
  if (target != value)
    set_scroll_value (scroller, target);
}

static void
after_layout_cb (GdkFrameClock *clock,
                 HlhWindow     *self)
{
  Reveal reveal = self->reveal;
  GtkWidget *scroller = NULL;
  GtkWidget *row;
  graphene_rect_t bounds;

  if (reveal == REVEAL_NOTHING)
    return;
  self->reveal = REVEAL_NOTHING;
  row = get_focus_row (self, &scroller);
  if (row == NULL || !compute_row_bounds (row, scroller, &bounds))
    return;
  if (reveal == REVEAL_ROW ||
      (row == self->watched_row && bounds.size.height > self->watched_height))
    scroll_to_bounds (scroller, &bounds);
  g_set_weak_pointer (&self->watched_row, row);
  self->watched_height = bounds.size.height;
}

static void
reveal_focus_row (HlhWindow *self,
                  Reveal     reveal)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL)
    return;
  if (clock != self->layout_clock)
    {
      g_clear_signal_handler (&self->layout_handler, self->layout_clock);
      g_set_object (&self->layout_clock, clock);
      self->layout_handler = g_signal_connect_after (clock, "layout",
                                                     G_CALLBACK (after_layout_cb), self);
    }
  self->reveal = MAX (self->reveal, reveal);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

/* A case opened, a teaching case or a new case starts at the top of the form (the patient)
 * and of the results (a teaching case's story, then the HScore), wherever the last one was
 * scrolled to. */
static void
case_replaced_cb (HlhWindow *self)
{
  set_scroll_value (self->form_scroller, 0);
  set_scroll_value (self->results_scroller, 0);
}

/* A change to the case can add lines under the field being typed in; a group opened with the
 * keyboard grows the form under it, a criterion or panel opened grows the results (the
 * length of either pane changes). */
static void
content_changed_cb (HlhWindow *self)
{
  GtkWidget *scroller;

  if (get_focus_row (self, &scroller) != NULL)
    reveal_focus_row (self, REVEAL_IF_GROWN);
}

/* After every change of layout GTK 4.8 sends a motion event for a pointer that has not moved
 * (gtk_window_size_allocate(), gdk_surface_request_motion()), so as to know what lies under it
 * now; it does that itself before any widget sees the event: hover, tooltips and the widget
 * under the pointer are brought up to date. Passed on, the event reached the panes as a pointer
 * moving over them: at each keystroke that changed a result, the pane under a resting mouse
 * showed its overlay scrollbar for three seconds, and GTK drew 60 frames a second while it
 * faded in and out. Such a repeat, on the same surface at the same place with the same
 * buttons and keys held, goes no further. */
static gboolean
motion_is_repeat (HlhWindow *self,
                  GdkEvent  *event)
{
  GdkSurface *surface = gdk_event_get_surface (event);
  GdkDevice *device = gdk_event_get_device (event);
  GdkModifierType state = gdk_event_get_modifier_state (event);
  double x, y;
  gboolean repeat;

  if (!gdk_event_get_position (event, &x, &y))
    return FALSE;
  repeat = surface == self->motion_surface && device == self->motion_device &&
           state == self->motion_state && x == self->motion_x && y == self->motion_y;
  self->motion_surface = surface;
  self->motion_device = device;
  self->motion_state = state;
  self->motion_x = x;
  self->motion_y = y;
  return repeat;
}

/* Whether a button is held down: the focus a click gives is brought into view only once the
 * button is released. Seen before any widget; only a motion that does not move is stopped. */
static gboolean
pointer_event_cb (GtkEventControllerLegacy *controller,
                  GdkEvent                 *event,
                  HlhWindow                *self)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_MOTION_NOTIFY:
      return motion_is_repeat (self, event) ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
      self->pointer_down = TRUE;
      break;
    case GDK_BUTTON_RELEASE:
    case GDK_TOUCH_END:
    case GDK_TOUCH_CANCEL:
    case GDK_KEY_PRESS:  /* should a release ever be missed, the keyboard still reveals */
      self->pointer_down = FALSE;
      if (self->reveal_on_release)
        {
          self->reveal_on_release = FALSE;
          reveal_focus_row (self, REVEAL_ROW);
        }
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

/* The keyboard passing through a number's field or a selectable result selects its whole
 * text (GTK's select-on-focus), which stayed as a grey block once the keyboard had gone on:
 * down the form and the results after a few Tabs, on a projector too. That selection is let
 * go; a part selected by hand stays, as does any selection while the window is merely
 * inactive. */
static gboolean
selects_on_focus (GtkWidget *widget)
{
  return GTK_IS_TEXT (widget) ||
         (GTK_IS_LABEL (widget) && gtk_label_get_selectable (GTK_LABEL (widget)));
}

static void
let_go_focus_selection (HlhWindow *self,
                        GtkWidget *focus)
{
  GtkWidget *left = self->focus_selectable;
  int start, end;

  if (left != NULL && left != focus)
    {
      if (GTK_IS_LABEL (left))
        {
          GtkLabel *label = GTK_LABEL (left);

          if (gtk_label_get_selection_bounds (label, &start, &end) && start == 0 &&
              end == (int) g_utf8_strlen (gtk_label_get_text (label), -1))
            gtk_label_select_region (label, 0, 0);
        }
      else
        {
          GtkEditable *text = GTK_EDITABLE (left);

          if (gtk_editable_get_selection_bounds (text, &start, &end) && start == 0 &&
              end == (int) g_utf8_strlen (gtk_editable_get_text (text), -1))
            gtk_editable_set_position (text, -1);
        }
    }
  g_set_weak_pointer (&self->focus_selectable, selects_on_focus (focus) ? focus : NULL);
}

/* GTK 4.8 can leave the keyboard focus in the closed main menu. Choosing a teaching case,
 * which is in a submenu, closes the menu and hides the submenu's page; GTK then gives the
 * focus to the page's nearest focusable parent, still inside the hidden menu, and every key
 * (F11, Ctrl+N, Tab) went nowhere. The focus goes back to the menu button, as GTK does
 * after an item of the main page.
 * Otherwise the window notes where the keyboard is in the form or the results, for F6. */
static void
focus_widget_cb (HlhWindow *self)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));
  GtkPopover *menu = gtk_menu_button_get_popover (self->menu_button);

  let_go_focus_selection (self, focus);

  if (focus != NULL && menu != NULL && !gtk_widget_get_mapped (focus) &&
      gtk_widget_is_ancestor (focus, GTK_WIDGET (menu)))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->menu_button));
      return;
    }
  if (focus != NULL && gtk_widget_is_ancestor (focus, self->form_scroller))
    g_set_weak_pointer (&self->last_form_focus, focus);
  else if (focus != NULL && gtk_widget_is_ancestor (focus, self->results_pane))
    g_set_weak_pointer (&self->last_results_focus, focus);
  else
    return;
  /* A click gives the focus on the press and opens a criterion on the release, often within
   * one frame: the row is brought in once the button is up, open or not. */
  if (self->pointer_down)
    {
      self->reveal_on_release = TRUE;
      reveal_focus_row (self, REVEAL_IF_GROWN);
    }
  else
    reveal_focus_row (self, REVEAL_ROW);
}

/* Saving */

static void save_response (HlhWindow *self,
                           int        response,
                           gpointer   data);

/* Writes the case to @file; @check refuses to overwrite a file that is not the one last
 * opened or saved here. Returns whether it was saved; on failure the user is told and can
 * retry, save elsewhere or cancel, and the case on screen is untouched. */
static gboolean
write_case (HlhWindow *self,
            GFile     *file,
            gboolean   check)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = dup_file_display_name (file);
  g_autofree char *heading = NULL;
  const HlhCase *c = hlh_case_model_get_case (self->model);
  const HlhTeaching *teaching = hlh_case_model_get_teaching (self->model);
  gboolean same_file = self->file != NULL && g_file_equal (file, self->file);
  if (path == NULL)
    g_set_error (&error, HLH_ERROR, HLH_ERROR_IO,
                 _("Could not save “%s”: only files on this computer can be saved"), name);
  else
    hlh_case_save_file_full (c, teaching, path, check, same_file ? self->digest : NULL, &error);

  if (error == NULL)
    {
      g_autofree char *digest = hlh_case_dup_file_digest (path);
      g_autofree char *toast = g_strdup_printf (_("Saved “%s”"), name);

      hlh_case_model_mark_saved (self->model);
      set_file (self, file, digest);
      show_toast (self, toast);
      run_pending (self);
      return TRUE;
    }

  if (g_error_matches (error, HLH_ERROR, HLH_ERROR_CHANGED))
    {
      heading = g_strdup_printf (_("“%s” was changed on disk"), name);
      ask (self, GTK_MESSAGE_WARNING, heading,
           _("Someone else changed or replaced the file since you opened it here. It was not "
             "overwritten. Save your findings under another name, or overwrite the file with "
             "them."),
           save_response, g_object_ref (file), g_object_unref,
           _("_Cancel"), GTK_RESPONSE_CANCEL,
           _("_Overwrite"), GTK_RESPONSE_REJECT,
           _("Save _As…"), GTK_RESPONSE_ACCEPT,
           NULL);
    }
  else
    {
      g_autofree char *body = g_strdup_printf (_("%s\n\nThe findings on screen are kept. Save "
                                                 "them somewhere else, or fix the problem (a "
                                                 "full disk, a read-only folder) and try "
                                                 "again."), error->message);
      heading = g_strdup_printf (_("“%s” was not saved"), name);
      ask (self, GTK_MESSAGE_ERROR, heading, body,
           save_response, g_object_ref (file), g_object_unref,
           _("_Cancel"), GTK_RESPONSE_CANCEL,
           _("Save _As…"), GTK_RESPONSE_ACCEPT,
           _("_Try Again"), GTK_RESPONSE_YES,
           NULL);
    }
  return FALSE;
}

static void
save_response (HlhWindow *self,
               int        response,
               gpointer   data)
{
  GFile *file = data;

  switch (response)
    {
    case GTK_RESPONSE_YES:        /* try again */
      write_case (self, file, self->file != NULL && g_file_equal (file, self->file));
      break;
    case GTK_RESPONSE_REJECT:     /* overwrite what changed on disk */
      write_case (self, file, FALSE);
      break;
    case GTK_RESPONSE_ACCEPT:
      save (self, TRUE);
      break;
    default:
      clear_pending (self);
      break;
    }
}

static void
save_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          HlhWindow       *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);

      /* The chooser asked before replacing a file. */
      if (!g_str_has_suffix (basename, ".hlhcase"))
        {
          g_autofree char *named = g_strconcat (basename, ".hlhcase", NULL);
          g_autoptr(GFile) parent = g_file_get_parent (file);
          g_autoptr(GFile) with_suffix = g_file_get_child (parent, named);

          /* Adding the suffix must not silently replace another file. */
          write_case (self, with_suffix, TRUE);
        }
      else
        write_case (self, file, FALSE);
    }
  else
    clear_pending (self);
}

static char *
dup_suggested_name (HlhWindow *self,
                    const char *suffix)
{
  const HlhTeaching *teaching = hlh_case_model_get_teaching (self->model);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  /* A saved case: the name the user gave it, as for any document exported. */
  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);
      g_autofree char *name = g_filename_display_name (basename);

      if (g_str_has_suffix (name, ".hlhcase") && strlen (name) > strlen (".hlhcase"))
        name[strlen (name) - strlen (".hlhcase")] = '\0';
      return g_strconcat (name, suffix, NULL);
    }
  if (teaching != NULL)
    {
      g_autofree char *title = g_strdelimit (g_strdup (teaching->title), "/\\:", '-');
      return g_strconcat (title, suffix, NULL);
    }
  /* Translators: the suggested file name; no patient data goes into it */
  return g_strdup_printf (_("hlh-case-%s%s"), date, suffix);
}

/* Saves to the case's file, or asks where first (@choose, or a case without a file). */
static void
save (HlhWindow *self,
      gboolean   choose)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = NULL;

  if (!choose && self->file != NULL)
    {
      write_case (self, self->file, TRUE);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Save the Case"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                         _("_Cancel"));
  filter = case_filter ();
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->file, NULL);
  else
    {
      g_autofree char *name = dup_suggested_name (self, ".hlhcase");
      g_autoptr(GFile) folder = dup_start_folder (self);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  show_chooser (self, chooser, G_CALLBACK (save_chooser_response_cb));
}

/**
 * hlh_window_save_to:
 * @check: refuse (and ask) when @file is not the file last opened or saved here, as a Save
 *   does; %FALSE for a file the user chose knowingly, as Save As does
 *
 * Saves the case to @file at once. Returns whether it was saved; otherwise the user was told
 * and asked what to do.
 */
gboolean
hlh_window_save_to (HlhWindow *self,
                    GFile     *file,
                    gboolean   check)
{
  g_return_val_if_fail (HLH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return write_case (self, file, check);
}

static void
save_now (HlhWindow *self,
          gpointer   data)
{
  clear_pending (self);
  save (self, FALSE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  confirm_refused (HLH_WINDOW (widget), save_now, _("_Save Anyway"));
}

static void
save_as_now (HlhWindow *self,
             gpointer   data)
{
  clear_pending (self);
  save (self, TRUE);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  confirm_refused (HLH_WINDOW (widget), save_as_now, _("_Save Anyway"));
}

/* Typing starts in the first finding, the age: in a new window (left to GTK, the first focus
 * fell on a selectable result) and in a new case. */
static void
focus_first_finding (HlhWindow *self)
{
  HlhNumberRow *age = hlh_case_form_get_number_row (self->form, HLH_FIELD_AGE);

  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (hlh_number_row_get_editable (age)));
}

static gboolean
focus_again (GtkWidget *widget)
{
  return widget != NULL && gtk_widget_get_mapped (widget) && gtk_widget_is_sensitive (widget) &&
         gtk_widget_get_focusable (widget) && gtk_widget_grab_focus (widget);
}

/* F6 and Shift+F6 move the keyboard between the form and the results, as between the panes
 * of other GNOME applications; each side gets back the place the keyboard last had there
 * (at first the age, and the first control of the results). Tab alone would go through
 * every finding on the way. */
static void
switch_pane_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HlhWindow *self = HLH_WINDOW (widget);
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

  if (focus != NULL && gtk_widget_is_ancestor (focus, self->results_pane))
    {
      if (!focus_again (self->last_form_focus))
        focus_first_finding (self);
    }
  else if (!focus_again (self->last_results_focus))
    gtk_widget_child_focus (self->results_pane, GTK_DIR_TAB_FORWARD);
}

static void
new_case_now (HlhWindow *self,
              gpointer   data)
{
  hlh_case_model_reset (self->model);
  gtk_editable_set_text (GTK_EDITABLE (self->label_entry), "");
  set_file (self, NULL, NULL);
  focus_first_finding (self);
}

static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HlhWindow *self = HLH_WINDOW (widget);

  confirm_discard (self, new_case_now, NULL, NULL);
}

/* The report: copy, PDF, print */

/**
 * hlh_window_dup_summary:
 *
 * Returns: (transfer full): the plain-text report as Copy Summary puts it on the clipboard
 */
char *
hlh_window_dup_summary (HlhWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (HLH_IS_WINDOW (self), NULL);

  return hlh_report_text (hlh_case_model_get_case (self->model),
                          hlh_case_model_get_assessment (self->model), now,
                          gtk_editable_get_text (GTK_EDITABLE (self->label_entry)),
                          hlh_case_model_get_teaching (self->model));
}

static void
copy_summary_now (HlhWindow *self,
                  gpointer   data)
{
  g_autofree char *text = hlh_window_dup_summary (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  show_toast (self, _("Summary copied: paste it into the record"));
}

static void
copy_summary_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  confirm_refused (HLH_WINDOW (widget), copy_summary_now, _("_Copy Anyway"));
}

static HlhPaper
default_paper (void)
{
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (NULL);

  return g_str_has_prefix (gtk_paper_size_get_name (paper), "na_letter") ? HLH_PAPER_LETTER
                                                                          : HLH_PAPER_A4;
}

/**
 * hlh_window_export_pdf:
 *
 * Writes the report to @file as a PDF at once; on failure the user is told.
 */
gboolean
hlh_window_export_pdf (HlhWindow *self,
                       GFile     *file,
                       HlhPaper   paper)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (HLH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  name = dup_file_display_name (file);
  if (path == NULL)
    g_set_error (&error, HLH_ERROR, HLH_ERROR_IO,
                 _("Could not write “%s”: only files on this computer can be written"), name);
  else
    hlh_report_write_pdf (hlh_case_model_get_case (self->model),
                          hlh_case_model_get_assessment (self->model), now,
                          gtk_editable_get_text (GTK_EDITABLE (self->label_entry)),
                          hlh_case_model_get_teaching (self->model), paper, path, &error);
  if (error != NULL)
    {
      show_error (self, _("The PDF was not written"), error->message);
      return FALSE;
    }
  remember_folder (self, file);
  {
    g_autofree char *toast = g_strdup_printf (_("Exported “%s”"), name);
    show_toast (self, toast);
  }
  return TRUE;
}

static void
pdf_chooser_response_cb (GtkNativeDialog *chooser,
                         int              response,
                         HlhWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *paper = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "paper");

      if (file != NULL)
        hlh_window_export_pdf (self, file, g_strcmp0 (paper, "letter") == 0 ? HLH_PAPER_LETTER
                                                                             : HLH_PAPER_A4);
    }
  g_clear_object (&self->chooser);
}

static void
export_pdf_now (HlhWindow *self,
                gpointer   data)
{
  static const char *options[] = { "a4", "letter", NULL };
  const char *labels[] = { _("A4"), _("US Letter"), NULL };
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = dup_suggested_name (self, ".pdf");
  g_autoptr(GFile) folder = NULL;

  chooser = gtk_file_chooser_native_new (_("Export the Report as PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "paper", _("Paper"), options,
                               labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "paper",
                               default_paper () == HLH_PAPER_LETTER ? "letter" : "a4");
  /* Next to the saved case. */
  folder = dup_start_folder (self);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  show_chooser (self, chooser, G_CALLBACK (pdf_chooser_response_cb));
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  confirm_refused (HLH_WINDOW (widget), export_pdf_now, _("_Export Anyway"));
}

/* What is printed is fixed when printing starts, whatever is typed while the dialog is up. */
typedef struct
{
  HlhCase          c;
  HlhAssessment    assessment;
  HlhTeaching     *teaching;
  char            *label;
  GDateTime       *when;
  HlhReportPages  *pages;
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  hlh_teaching_free (job->teaching);
  g_free (job->label);
  g_date_time_unref (job->when);
  hlh_report_pages_free (job->pages);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  PangoContext *pango = gtk_print_context_create_pango_context (context);

  g_clear_pointer (&job->pages, hlh_report_pages_free);
  job->pages = hlh_report_pages_new (&job->c, &job->assessment, job->when, job->label,
                                     job->teaching, pango,
                                     gtk_print_context_get_width (context) - 2 * PRINT_MARGIN,
                                     gtk_print_context_get_height (context) - 2 * PRINT_MARGIN);
  g_object_unref (pango);
  gtk_print_operation_set_n_pages (operation, hlh_report_pages_get_n_pages (job->pages));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  cairo_translate (cr, PRINT_MARGIN, PRINT_MARGIN);
  hlh_report_pages_draw (job->pages, cr, page);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               HlhWindow               *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      gtk_print_operation_get_error (operation, &error);
      show_error (self, _("The report was not printed"),
                  error != NULL ? error->message : _("The printing system gave no reason."));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
      const char *printed_to = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI);

      g_set_object (&self->print_settings, settings);
      /* Print to File: its folder is where the file choosers start, as after Export PDF. */
      if (printed_to != NULL)
        {
          g_autoptr(GFile) file = g_file_new_for_uri (printed_to);
          remember_folder (self, file);
        }
    }
}

/**
 * hlh_window_dup_print_settings:
 *
 * The settings the print dialog opens with: those of the last print, for all pages, with
 * Print to File naming the file as Export PDF does (the case's name, in the folder the file
 * choosers start in), not "output.pdf", nor the file of the last case printed to file. The
 * job's name, which a shared printer's queue shows, stays generic.
 */
GtkPrintSettings *
hlh_window_dup_print_settings (HlhWindow *self)
{
  GtkPrintSettings *settings;
  g_autoptr(GFile) output_dir = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (HLH_IS_WINDOW (self), NULL);

  settings = self->print_settings != NULL ? gtk_print_settings_copy (self->print_settings)
                                          : gtk_print_settings_new ();
  /* Every page: the pages chosen for one report are not those of the next (page 2 alone
   * would leave out the next patient's scores). The printer, copies and paper stay. */
  gtk_print_settings_set_print_pages (settings, GTK_PRINT_PAGES_ALL);
  gtk_print_settings_unset (settings, GTK_PRINT_SETTINGS_PAGE_RANGES);
  gtk_print_settings_set_page_set (settings, GTK_PAGE_SET_ALL);
  basename = dup_suggested_name (self, "");
  output_dir = dup_start_folder (self);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, NULL);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, basename);
  if (output_dir != NULL && g_file_is_native (output_dir))
    {
      g_autofree char *dir = g_file_get_path (output_dir);

      /* A path, not a URI: GTK's file printer builds the file's path from it. */
      gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_DIR, dir);
    }
  return settings;
}

/* The print dialog's Preview: the application's own window, nothing written to disk. */
static gboolean
preview_cb (GtkPrintOperation        *operation,
            GtkPrintOperationPreview *preview,
            GtkPrintContext          *context,
            GtkWindow                *parent,
            HlhWindow                *self)
{
  gtk_window_present (GTK_WINDOW (hlh_print_preview_new (operation, context, GTK_WINDOW (self))));
  return TRUE;
}

/* An operation that prints the report as it is now. */
static GtkPrintOperation *
new_print_operation (HlhWindow *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPrintSettings) settings = hlh_window_dup_print_settings (self);
  PrintJob *job = g_new0 (PrintJob, 1);

  /* Print to File adds the file to the recently used ones. */
  keep_out_of_recent_files ();

  job->c = *hlh_case_model_get_case (self->model);
  job->assessment = *hlh_case_model_get_assessment (self->model);
  job->teaching = hlh_teaching_copy (hlh_case_model_get_teaching (self->model));
  job->label = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_entry)));
  job->when = g_date_time_new_now_local ();
  g_object_set_data_full (G_OBJECT (operation), "hlh-print-job", job, print_job_free);

  gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, _("HLH assessment"));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect_object (operation, "preview", G_CALLBACK (preview_cb), self, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  return operation;
}

static void
run_print_operation (HlhWindow               *self,
                     GtkPrintOperation       *operation,
                     GtkPrintOperationAction  action)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_allow_async (operation, action != GTK_PRINT_OPERATION_ACTION_EXPORT);
  result = gtk_print_operation_run (operation, action, GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    show_error (self, _("The report was not printed"), error->message);
}

/**
 * hlh_window_print:
 * @export_path: (nullable): print to this PDF file without a dialog (tests, automation)
 *
 * Prints the report through GtkPrintOperation, with the same drawing as the PDF.
 */
void
hlh_window_print (HlhWindow  *self,
                  const char *export_path)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_if_fail (HLH_IS_WINDOW (self));

  operation = new_print_operation (self);
  if (export_path != NULL)
    {
      gtk_print_operation_set_export_filename (operation, export_path);
      run_print_operation (self, operation, GTK_PRINT_OPERATION_ACTION_EXPORT);
    }
  else
    run_print_operation (self, operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG);
}

/**
 * hlh_window_print_preview:
 *
 * Shows the report's pages as the print dialog's Preview does, with the last print's settings.
 */
void
hlh_window_print_preview (HlhWindow *self)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_if_fail (HLH_IS_WINDOW (self));

  operation = new_print_operation (self);
  run_print_operation (self, operation, GTK_PRINT_OPERATION_ACTION_PREVIEW);
}

static void
print_now (HlhWindow *self,
           gpointer   data)
{
  hlh_window_print (self, NULL);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  confirm_refused (HLH_WINDOW (widget), print_now, _("_Print Anyway"));
}

/* Presentation mode: full screen, larger type and gauge, no label */

/**
 * hlh_window_set_presentation:
 *
 * For a projector: full screen, larger type, the gauge and the criteria enlarged, the
 * report label hidden.
 */
void
hlh_window_set_presentation (HlhWindow *self,
                             gboolean   presentation)
{
  g_return_if_fail (HLH_IS_WINDOW (self));

  presentation = !!presentation;
  if (self->presentation == presentation)
    return;
  self->presentation = presentation;
  if (presentation)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "hlh-presentation");
      gtk_window_fullscreen (GTK_WINDOW (self));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "hlh-presentation");
      gtk_window_unfullscreen (GTK_WINDOW (self));
    }
  gtk_widget_set_visible (self->label_row, !presentation);
  hlh_gauge_set_zoom (hlh_results_view_get_gauge (self->results), presentation ? 1.6 : 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-presentation", presentation);
  g_object_notify (G_OBJECT (self), "presentation");
}

gboolean
hlh_window_get_presentation (HlhWindow *self)
{
  g_return_val_if_fail (HLH_IS_WINDOW (self), FALSE);
  return self->presentation;
}

static void
leave_presentation_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  hlh_window_set_presentation (HLH_WINDOW (widget), FALSE);
}

/* Drag and drop */

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         HlhWindow     *self)
{
  GFile *file = g_value_get_object (value);

  if (file == NULL)
    return FALSE;
  hlh_window_open (self, file);
  return TRUE;
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

  if (self->presentation)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static void
close_now (HlhWindow *self,
           gpointer   data)
{
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
hlh_window_close_request (GtkWindow *window)
{
  HlhWindow *self = HLH_WINDOW (window);

  if (!self->closing && hlh_case_model_get_modified (self->model))
    {
      gtk_window_present (window);
      confirm_discard (self, close_now, NULL, NULL);
      return TRUE;
    }
  save_window_state (self);

  return GTK_WINDOW_CLASS (hlh_window_parent_class)->close_request (window);
}

enum {
  PROP_0,
  PROP_PRESENTATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hlh_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HlhWindow *self = HLH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PRESENTATION:
      g_value_set_boolean (value, self->presentation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hlh_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  HlhWindow *self = HLH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PRESENTATION:
      hlh_window_set_presentation (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hlh_window_dispose (GObject *object)
{
  HlhWindow *self = HLH_WINDOW (object);

  clear_pending (self);
  g_clear_handle_id (&self->toast_timeout, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  gtk_widget_dispose_template (GTK_WIDGET (self), HLH_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->model);
  g_clear_object (&self->file);
  g_clear_object (&self->last_folder);
  g_clear_object (&self->print_settings);
  g_clear_pointer (&self->digest, g_free);
  g_clear_weak_pointer (&self->last_form_focus);
  g_clear_weak_pointer (&self->last_results_focus);
  g_clear_weak_pointer (&self->focus_selectable);
  g_clear_weak_pointer (&self->watched_row);

  G_OBJECT_CLASS (hlh_window_parent_class)->dispose (object);
}

/* The frame clock goes with the window's surface. */
static void
hlh_window_unrealize (GtkWidget *widget)
{
  HlhWindow *self = HLH_WINDOW (widget);

  g_clear_signal_handler (&self->layout_handler, self->layout_clock);
  g_clear_object (&self->layout_clock);
  GTK_WIDGET_CLASS (hlh_window_parent_class)->unrealize (widget);
}

static void
hlh_window_class_init (HlhWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hlh_window_dispose;
  object_class->get_property = hlh_window_get_property;
  object_class->set_property = hlh_window_set_property;
  window_class->close_request = hlh_window_close_request;
  widget_class->unrealize = hlh_window_unrealize;

  g_type_ensure (HLH_TYPE_COLUMN);

  /**
   * HlhWindow:presentation:
   *
   * Presentation mode, for a projector.
   */
  properties[PROP_PRESENTATION] =
    g_param_spec_boolean ("presentation", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hlhcalc/HLHCalculator/ui/"
                                               "hlh-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HlhWindow, content);
  gtk_widget_class_bind_template_child (widget_class, HlhWindow, form_scroller);
  gtk_widget_class_bind_template_child (widget_class, HlhWindow, results_pane);
  gtk_widget_class_bind_template_child (widget_class, HlhWindow, results_scroller);
  gtk_widget_class_bind_template_child (widget_class, HlhWindow, results_column);
  gtk_widget_class_bind_template_child (widget_class, HlhWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, HlhWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, HlhWindow, teaching_banner);
  gtk_widget_class_bind_template_child (widget_class, HlhWindow, teaching_title);
  gtk_widget_class_bind_template_child (widget_class, HlhWindow, teaching_narrative);
  gtk_widget_class_bind_template_child (widget_class, HlhWindow, teaching_point);
  gtk_widget_class_bind_template_child (widget_class, HlhWindow, teaching_point_button);
  gtk_widget_class_bind_template_child (widget_class, HlhWindow, label_row);
  gtk_widget_class_bind_template_child (widget_class, HlhWindow, label_entry);
  gtk_widget_class_bind_template_child (widget_class, HlhWindow, toast_revealer);
  gtk_widget_class_bind_template_child (widget_class, HlhWindow, toast_label);
  gtk_widget_class_bind_template_child (widget_class, HlhWindow, teaching_section);
  gtk_widget_class_bind_template_child (widget_class, HlhWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, HlhWindow, primary_menu);

  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, new_case_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.open-teaching", "s",
                                   open_teaching_action);
  gtk_widget_class_install_action (widget_class, "win.copy-summary", NULL,
                                   copy_summary_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_property_action (widget_class, "win.presentation", "presentation");
  gtk_widget_class_install_action (widget_class, "win.leave-presentation", NULL,
                                   leave_presentation_action);
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL,
                                   show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.switch-pane", NULL, switch_pane_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.copy-summary",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export-pdf",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.presentation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "win.leave-presentation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-shortcuts", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, 0, "win.switch-pane", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, GDK_SHIFT_MASK,
                                       "win.switch-pane", NULL);
}

static void
hlh_window_init (HlhWindow *self)
{
  GtkDropTarget *drop;
  GtkEventController *pointer;
  int width, height;

  gtk_widget_init_template (GTK_WIDGET (self));
  hlh_accessible_name_by_content (GTK_BUTTON (self->teaching_point_button));

  self->settings = g_settings_new (APP_ID);
  self->model = hlh_case_model_new ();
  self->form = HLH_CASE_FORM (hlh_case_form_new (self->model));
  self->results = HLH_RESULTS_VIEW (hlh_results_view_new (self->model));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->form_scroller),
                                 GTK_WIDGET (self->form));
  /* The window brings the whole finding into view instead (reveal_focus_row()). */
  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (gtk_widget_get_parent (GTK_WIDGET (self->form))),
                                    FALSE);
  gtk_box_append (self->results_column, GTK_WIDGET (self->results));
  setup_units (self);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, self, NULL);
  focus_first_finding (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-presentation", FALSE);

  g_signal_connect_object (self->model, "notify::modified", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::teaching", G_CALLBACK (update_teaching), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "case-replaced", G_CALLBACK (case_replaced_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::revision", G_CALLBACK (content_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::n-refused", G_CALLBACK (content_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (
                             GTK_SCROLLED_WINDOW (self->form_scroller)),
                           "changed", G_CALLBACK (content_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (
                             GTK_SCROLLED_WINDOW (self->results_scroller)),
                           "changed", G_CALLBACK (content_changed_cb), self, G_CONNECT_SWAPPED);
  update_title (self);

  drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_signal_connect (self, "notify::default-width", G_CALLBACK (default_width_cb), NULL);
  default_width_cb (self);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_widget_cb), NULL);
  pointer = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (pointer, GTK_PHASE_CAPTURE);
  g_signal_connect (pointer, "event", G_CALLBACK (pointer_event_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), pointer);
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

/**
 * hlh_window_get_file:
 *
 * Returns: (nullable) (transfer none): the file the case was opened from or saved to
 */
GFile *
hlh_window_get_file (HlhWindow *self)
{
  g_return_val_if_fail (HLH_IS_WINDOW (self), NULL);
  return self->file;
}

GtkEditable *
hlh_window_get_label_entry (HlhWindow *self)
{
  g_return_val_if_fail (HLH_IS_WINDOW (self), NULL);
  return GTK_EDITABLE (self->label_entry);
}

/**
 * hlh_window_get_dialog:
 *
 * Returns: (nullable) (transfer none): the message or question the window shows now
 */
GtkWindow *
hlh_window_get_dialog (HlhWindow *self)
{
  g_return_val_if_fail (HLH_IS_WINDOW (self), NULL);
  return self->dialog;
}

/**
 * hlh_window_is_pristine:
 *
 * Whether the window shows an empty new case nobody has touched: a file opened from the
 * command line goes there instead of into a new window.
 */
gboolean
hlh_window_is_pristine (HlhWindow *self)
{
  HlhCase empty;

  g_return_val_if_fail (HLH_IS_WINDOW (self), FALSE);

  hlh_case_init (&empty);
  return self->file == NULL && hlh_case_model_get_teaching (self->model) == NULL &&
         hlh_case_equal (hlh_case_model_get_case (self->model), &empty);
}
