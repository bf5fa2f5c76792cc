/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <atspi/atspi.h>
#include <gio/gio.h>
#include <glib.h>
#include <locale.h>
#include <signal.h>
#include <string.h>

/* HLH Calculator as a screen reader meets it: the application runs in its own process, with
 * GTK's AT-SPI backend, and this program reads it over the accessibility bus as Orca does:
 * names, roles, states and descriptions, the text of the results, and values typed into its
 * fields through AT-SPI's editable-text interface. (test-gui checks what GTK is told; only this
 * shows what GTK 4.8 hands on: it concatenates a label with the labels that name the same
 * widget, falls back to the widget's type name, and exposes no value for a custom meter.)
 *
 * Run under dbus-run-session and Xvfb, with HLH_CALCULATOR the program to start (meson does). */

typedef struct
{
  AtspiAccessible *accessible;
  char            *name;
  char            *role;
  char            *description;
  AtspiStateSet   *states;
  int              parent;      /* index in the list, -1 for the application */
} Node;

typedef struct
{
  GSubprocess     *process;
  AtspiAccessible *app;
} App;

static void
node_free (gpointer data)
{
  Node *node = data;

  g_clear_object (&node->accessible);
  g_free (node->name);
  g_free (node->role);
  g_free (node->description);
  g_clear_object (&node->states);
  g_free (node);
}

static gboolean
wait_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_usleep (50 * 1000);
    }
  return TRUE;
}

static gboolean
app_found (gpointer data)
{
  App *app = data;
  AtspiAccessible *desktop = atspi_get_desktop (0);
  const char *pid_text = g_subprocess_get_identifier (app->process);
  guint pid = pid_text != NULL ? (guint) g_ascii_strtoull (pid_text, NULL, 10) : 0;
  int n;

  /* The registry's news of applications come as events, handled in the main loop, and
   * libatspi keeps the desktop's children from them: both are brought up to date. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  atspi_accessible_clear_cache (desktop);
  n = atspi_accessible_get_child_count (desktop, NULL);

  for (int i = 0; i < n && app->app == NULL; i++)
    {
      AtspiAccessible *child = atspi_accessible_get_child_at_index (desktop, i, NULL);

      if (child == NULL)
        continue;
      /* The application, once its window is there. */
      if (atspi_accessible_get_process_id (child, NULL) == pid &&
          atspi_accessible_get_child_count (child, NULL) > 0)
        app->app = g_object_ref (child);
      g_object_unref (child);
    }
  g_object_unref (desktop);
  return app->app != NULL;
}

/* What the registry lists, for the log when the application is not among them. */
static void
print_desktop (void)
{
  AtspiAccessible *desktop = atspi_get_desktop (0);
  int n;

  atspi_accessible_clear_cache (desktop);
  n = atspi_accessible_get_child_count (desktop, NULL);
  g_test_message ("the accessibility registry lists %d applications", n);
  for (int i = 0; i < n; i++)
    {
      AtspiAccessible *child = atspi_accessible_get_child_at_index (desktop, i, NULL);
      g_autofree char *name = child != NULL ? atspi_accessible_get_name (child, NULL) : NULL;

      g_test_message ("  “%s”, process %u, %d windows", name,
                      child != NULL ? atspi_accessible_get_process_id (child, NULL) : 0,
                      child != NULL ? atspi_accessible_get_child_count (child, NULL) : -1);
      g_clear_object (&child);
    }
  g_object_unref (desktop);
}

static void
app_start (App        *app,
           const char *case_file)
{
  const char *program = g_getenv ("HLH_CALCULATOR");
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (program);
  app->app = NULL;
  app->process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, program, case_file, NULL);
  g_assert_no_error (error);
  if (!wait_until (app_found, app))
    {
      print_desktop ();
      g_error ("HLH Calculator (process %s) did not appear on the accessibility bus within 60 s",
               g_subprocess_get_identifier (app->process));
    }
}

static void
app_stop (App *app)
{
  g_clear_object (&app->app);
  /* Still running: it did not end on a warning (G_DEBUG makes them fatal) or a crash. */
  if (g_subprocess_get_identifier (app->process) == NULL)
    g_test_fail_printf ("HLH Calculator ended by itself, with status %d",
                        g_subprocess_get_status (app->process));
  g_subprocess_send_signal (app->process, SIGTERM);
  g_subprocess_wait (app->process, NULL, NULL);
  g_clear_object (&app->process);
}

static void
collect (GPtrArray       *nodes,
         AtspiAccessible *accessible,
         int              parent)
{
  Node *node = g_new0 (Node, 1);
  int index = nodes->len, n;

  node->accessible = g_object_ref (accessible);
  node->name = atspi_accessible_get_name (accessible, NULL);
  node->role = atspi_accessible_get_role_name (accessible, NULL);
  node->description = atspi_accessible_get_description (accessible, NULL);
  node->states = atspi_accessible_get_state_set (accessible);
  node->parent = parent;
  g_ptr_array_add (nodes, node);
  n = atspi_accessible_get_child_count (accessible, NULL);
  for (int i = 0; i < n; i++)
    {
      AtspiAccessible *child = atspi_accessible_get_child_at_index (accessible, i, NULL);

      if (child == NULL)
        continue;
      collect (nodes, child, index);
      g_object_unref (child);
    }
}

/* The whole tree as it is now: the cache is dropped, so names and states are read afresh. */
static GPtrArray *
read_tree (App *app)
{
  GPtrArray *nodes = g_ptr_array_new_full (1024, node_free);

  atspi_accessible_clear_cache (app->app);
  collect (nodes, app->app, -1);
  return nodes;
}

static gboolean
has_state (const Node     *node,
           AtspiStateType  state)
{
  return node->states != NULL && atspi_state_set_contains (node->states, state);
}

/* The first thing with this role whose name is @name, or begins with it. */
static const Node *
find_named (GPtrArray  *nodes,
            const char *role,
            const char *name,
            gboolean    prefix)
{
  for (guint i = 0; i < nodes->len; i++)
    {
      const Node *node = g_ptr_array_index (nodes, i);

      if (g_strcmp0 (node->role, role) == 0 && node->name != NULL &&
          (prefix ? g_str_has_prefix (node->name, name) : strcmp (node->name, name) == 0))
        return node;
    }
  return NULL;
}

static const Node *
find_node (GPtrArray  *nodes,
           const char *role,
           const char *name)
{
  return find_named (nodes, role, name, FALSE);
}

/* Fails the test, and goes on to the next check, when nothing has this role and name. */
static const Node *
expect_node (GPtrArray  *nodes,
             const char *role,
             const char *name)
{
  const Node *node = find_node (nodes, role, name);

  if (node == NULL)
    g_test_fail_printf ("no %s named “%s”", role, name);
  return node;
}

static const Node *
find_prefix (GPtrArray  *nodes,
             const char *role,
             const char *prefix)
{
  return find_named (nodes, role, prefix, TRUE);
}

/* GTK's own inner parts, which an application cannot reach to name: the scroll bars of a
 * scrolled window, the arrow icon inside a menu button or an expander, a popover's inner frame
 * and a menu's pages (the main menu and its submenu). */
static gboolean
is_gtk_part (GPtrArray  *nodes,
             const Node *node)
{
  static const char *parts[] = { "GtkBuiltinIcon", "GtkPopoverContent", "GtkStackPage" };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (g_strcmp0 (node->name, parts[i]) == 0)
      return TRUE;
  for (; node != NULL; node = node->parent >= 0 ? g_ptr_array_index (nodes, node->parent) : NULL)
    if (g_strcmp0 (node->role, "scroll bar") == 0)
      return TRUE;
  return FALSE;
}

/* "GtkExpander", "HlhGauge": GTK 4.8's name for a widget nothing names. */
static gboolean
is_type_name (const char *name)
{
  static const char *prefixes[] = { "Gtk", "Gdk", "Hlh" };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      gsize n = strlen (prefixes[i]);
      const char *p = name + n;

      if (strncmp (name, prefixes[i], n) != 0 || !g_ascii_isupper (*p))
        continue;
      while (g_ascii_isalnum (*p))
        p++;
      if (*p == '\0')
        return TRUE;
    }
  return FALSE;
}

static void
add_offender (GString    *offenders,
              const Node *node)
{
  if (offenders->len < 2000)
    g_string_append_printf (offenders, "\n  %s “%s”", node->role, node->name);
}

/* What a screen reader says for each thing in the window is a name a person gave it, never a
 * programmer's type name. */
static void
assert_no_type_names (GPtrArray *nodes)
{
  g_autoptr(GString) offenders = g_string_new (NULL);

  for (guint i = 0; i < nodes->len; i++)
    {
      const Node *node = g_ptr_array_index (nodes, i);

      if (node->name != NULL && is_type_name (node->name) && !is_gtk_part (nodes, node))
        add_offender (offenders, node);
    }
  if (offenders->len > 0)
    g_test_fail_printf ("named by their type, as a screen reader reads them:%s", offenders->str);
}

/* A label said twice ("Age, years Age"), or with its access-key underscore ("Sho_w"). */
static void
assert_no_doubled_names (GPtrArray *nodes)
{
  g_autoptr(GString) offenders = g_string_new (NULL);

  for (guint i = 0; i < nodes->len; i++)
    {
      const Node *node = g_ptr_array_index (nodes, i);
      gboolean doubled = FALSE;

      if (node->name == NULL || node->name[0] == '\0')
        continue;
      for (guint j = 0; j < nodes->len && !doubled; j++)
        {
          const Node *label = g_ptr_array_index (nodes, j);
          g_autofree char *tail = NULL;

          if (g_strcmp0 (label->role, "label") != 0 || label->name == NULL ||
              label->name[0] == '\0' || label == node)
            continue;
          tail = g_strconcat (" ", label->name, NULL);
          doubled = g_str_has_prefix (node->name, label->name) &&
                    g_str_has_suffix (node->name, tail);
        }
      if (doubled || (g_strcmp0 (node->role, "label") != 0 && strchr (node->name, '_') != NULL))
        add_offender (offenders, node);
    }
  if (offenders->len > 0)
    g_test_fail_printf ("names said twice or with an access-key underscore:%s", offenders->str);
}

typedef struct
{
  App        *app;
  const char *role;
  const char *prefix;
  char       *name;      /* out: the first name found */
  const char *unlike;    /* wait for a name other than this one */
} Wait;

static gboolean
name_shown (gpointer data)
{
  Wait *wait = data;
  g_autoptr(GPtrArray) nodes = read_tree (wait->app);
  const Node *node = find_prefix (nodes, wait->role, wait->prefix);

  if (node == NULL || g_strcmp0 (node->name, wait->unlike) == 0)
    return FALSE;
  g_free (wait->name);
  wait->name = g_strdup (node->name);
  return TRUE;
}

static char *
wait_for_name (App        *app,
               const char *role,
               const char *prefix,
               const char *unlike)
{
  Wait wait = { app, role, prefix, NULL, unlike };

  if (!wait_until (name_shown, &wait))
    g_test_fail_printf ("no %s named “%s…” other than “%s”", role, prefix,
                        unlike != NULL ? unlike : "none");
  return wait.name;
}

/* Something the keyboard reaches has this name: what a screen reader says as it gets there. */
static void
assert_focusable_named (GPtrArray  *nodes,
                        const char *role,
                        const char *name)
{
  for (guint i = 0; i < nodes->len; i++)
    {
      const Node *node = g_ptr_array_index (nodes, i);

      if (g_strcmp0 (node->role, role) == 0 && g_strcmp0 (node->name, name) == 0 &&
          has_state (node, ATSPI_STATE_FOCUSABLE))
        return;
    }
  g_test_fail_printf ("nothing the keyboard reaches is a %s named “%s”", role, name);
}

static void
assert_expandable (const Node *node)
{
  if (node == NULL)
    g_test_fail_printf ("no such criterion or panel");
  else if (!has_state (node, ATSPI_STATE_EXPANDABLE) || has_state (node, ATSPI_STATE_EXPANDED))
    g_test_fail_printf ("“%s” is not said to be closed and openable", node->name);
}

static void do_action (const Node *node);

/* Each criterion's description, its rule as the row shows it opened, states one. */
static void
assert_rules_stated (GPtrArray *nodes)
{
  g_autoptr(GString) offenders = g_string_new (NULL);

  for (guint i = 0; i < nodes->len; i++)
    {
      const Node *node = g_ptr_array_index (nodes, i);

      if (node->description != NULL && g_str_has_prefix (node->description, "Rule:") &&
          (node->description[5] == '\0' || node->description[5] == '\n' ||
           g_str_has_prefix (node->description, "Rule: \n")))
        add_offender (offenders, node);
    }
  if (offenders->len > 0)
    g_test_fail_printf ("criteria whose rule says nothing:%s", offenders->str);
}

/* A new case, and its main menu open: every name a person reads, none doubled; each number
 * field is named with its unit, each answer with its finding, as the window shows them side
 * by side. */
static void
test_names_new_case (void)
{
  App app;
  g_autoptr(GPtrArray) nodes = NULL;
  const Node *menu_button;

  app_start (&app, NULL);
  nodes = read_tree (&app);
  /* The button that opens the menu is inside the menu button, named after it. */
  menu_button = find_node (nodes, "push button", "Main Menu");
  if (menu_button != NULL && atspi_accessible_get_child_count (menu_button->accessible, NULL) > 0)
    {
      AtspiAccessible *inner = atspi_accessible_get_child_at_index (menu_button->accessible, 0,
                                                                    NULL);
      Node node = { .accessible = inner };

      do_action (&node);
      g_object_unref (inner);
      g_free (wait_for_name (&app, "menu item", "About HLH Calculator", NULL));
      g_clear_pointer (&nodes, g_ptr_array_unref);
      nodes = read_tree (&app);
    }
  assert_no_type_names (nodes);
  assert_no_doubled_names (nodes);
  expect_node (nodes, "menu", "Main Menu");
  expect_node (nodes, "text", "Age, years");
  expect_node (nodes, "text", "Ferritin, µg/L");
  assert_focusable_named (nodes, "push button", "Unit: µg/L");
  expect_node (nodes, "push button", "Known or suspected sJIA: Yes");
  expect_node (nodes, "push button", "Hepatomegaly: Unknown");
  expect_node (nodes, "push button", "Open a Case");
  expect_node (nodes, "push button", "Main Menu");
  expect_node (nodes, "panel", "Findings");
  expect_node (nodes, "panel", "Scores and criteria");
  /* A closed criterion or panel says it can be opened, before it ever was. */
  assert_expandable (expect_node (nodes, "push button", "Temperature: 0–49. unknown"));
  assert_expandable (find_prefix (nodes, "push button", "MAS in systemic JIA"));
  app_stop (&app);
}

/* A teaching case: its learning-point button, the results' panels open, and the IEC-HS
 * findings, which only show after immune-effector-cell therapy. */
static void
test_names_teaching_case (void)
{
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "..", "data", "teaching",
                                                 "2-car-t-iec-hs.hlhcase", NULL);
  App app;
  g_autoptr(GPtrArray) nodes = NULL;

  app_start (&app, file);
  nodes = read_tree (&app);
  assert_no_type_names (nodes);
  assert_no_doubled_names (nodes);
  expect_node (nodes, "push button", "Show the Learning Point");
  expect_node (nodes, "text", "Ferritin at infusion, µg/L");
  /* The trigger recorded (CAR-T) is counted in its group's title, which is also its name. */
  expect_node (nodes, "push button", "Iatrogenic: 1 recorded");
  assert_rules_stated (nodes);
  app_stop (&app);
}


static void
set_text (App        *app,
          const char *field_name,
          const char *text)
{
  g_autoptr(GPtrArray) nodes = read_tree (app);
  const Node *field = find_node (nodes, "text", field_name);
  AtspiEditableText *editable;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (field);
  editable = atspi_accessible_get_editable_text_iface (field->accessible);
  g_assert_nonnull (editable);
  atspi_editable_text_set_text_contents (editable, text, &error);
  g_assert_no_error (error);
  g_object_unref (editable);
}

typedef struct
{
  App        *app;
  const char *field_name;
  const char *description;
} WaitDescription;

static gboolean
description_shown (gpointer data)
{
  WaitDescription *wait = data;
  g_autoptr(GPtrArray) nodes = read_tree (wait->app);
  const Node *field = find_node (nodes, "text", wait->field_name);

  return field != NULL && field->description != NULL &&
         strstr (field->description, wait->description) != NULL;
}

static void
wait_for_description (App        *app,
                      const char *field_name,
                      const char *description)
{
  WaitDescription wait = { app, field_name, description };

  if (!wait_until (description_shown, &wait))
    g_test_fail_printf ("%s is not described as “%s”", field_name, description);
}

/* The HScore gauge as a screen reader reads it: a level bar whose name is the score, with
 * the whole possible range while findings are unknown (GTK 4.8 exposes no value for a custom
 * widget, so the words are in its name). A value typed through AT-SPI moves it; a refused one
 * in another field is described in that field and leaves the score as it was. */
static void
test_gauge_and_typing (void)
{
  App app;
  g_autofree char *before = NULL, *after = NULL, *refused = NULL;

  app_start (&app, NULL);
  /* Nothing entered: every item unknown, so 0 to the maximum, 337 (Fardet 2014, Table 3). */
  before = wait_for_name (&app, "level bar", "HScore", NULL);
  if (before == NULL)
    goto out;
  g_assert_nonnull (strstr (before, "between 0 and 337"));

  /* Ferritin 8000 ng/mL (= µg/L) scores 50 of its 50 (> 6000): the minimum is 50 now. */
  set_text (&app, "Ferritin, µg/L", "8000");
  after = wait_for_name (&app, "level bar", "HScore", before);
  if (after == NULL)
    goto out;
  g_assert_nonnull (strstr (after, "between 50 and 337"));
  wait_for_description (&app, "Ferritin, µg/L", "= 8000 ng/mL");

  /* "3,500" could be three thousand five hundred or three and a half (clinical-spec 9):
   * refused, and the field says why. */
  set_text (&app, "Triglycerides (fasting), mmol/L", "3,500");
  wait_for_description (&app, "Triglycerides (fasting), mmol/L", "“3,500” is ambiguous");
  refused = wait_for_name (&app, "level bar", "HScore", NULL);
  g_assert_cmpstr (refused, ==, after);
out:
  app_stop (&app);
}

static gboolean
group_shown (gpointer data)
{
  App *app = data;
  g_autoptr(GPtrArray) nodes = read_tree (app);
  const Node *group = find_node (nodes, "push button", "Viral infection");

  return group != NULL && has_state (group, ATSPI_STATE_EXPANDED) &&
         find_prefix (nodes, "check box", "EBV") != NULL;
}

/* The trigger history's groups are named by their titles and say whether they are open;
 * opened through AT-SPI's action, a group shows its triggers. (GTK 4.8 gives a check box no
 * action to tick it by: Space does, as for everyone.) */
static void
test_trigger_groups (void)
{
  App app;
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GError) error = NULL;
  AtspiAction *action;
  const Node *group;

  app_start (&app, NULL);
  nodes = read_tree (&app);
  group = expect_node (nodes, "push button", "Viral infection");
  if (group == NULL)
    {
      app_stop (&app);
      return;
    }
  g_assert_true (has_state (group, ATSPI_STATE_EXPANDABLE));
  g_assert_false (has_state (group, ATSPI_STATE_EXPANDED));
  action = atspi_accessible_get_action_iface (group->accessible);
  g_assert_nonnull (action);
  atspi_action_do_action (action, 0, &error);
  g_assert_no_error (error);
  g_object_unref (action);
  if (!wait_until (group_shown, &app))
    g_test_fail_printf ("“Viral infection”, opened, shows no EBV trigger");
  app_stop (&app);
}

static void
test_no_bus (void)
{
  g_test_skip ("no session bus or accessibility bus here: run under dbus-run-session");
}

static void
do_action (const Node *node)
{
  AtspiAction *action = atspi_accessible_get_action_iface (node->accessible);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (action);
  atspi_action_do_action (action, 0, &error);
  g_assert_no_error (error);
  g_object_unref (action);
}

/* The question before a finding would be lost, as a screen reader reads it: New Case with
 * ferritin entered asks "Save the changes?", and its answers are read as their labels show
 * them ("Save", not GTK 4.8's "_Save Save"). */
static void
test_names_question (void)
{
  App app;
  g_autoptr(GPtrArray) nodes = NULL;
  const Node *new_case;

  app_start (&app, NULL);
  set_text (&app, "Ferritin, µg/L", "8000");
  nodes = read_tree (&app);
  new_case = expect_node (nodes, "push button", "New Case");
  if (new_case != NULL)
    do_action (new_case);
  g_clear_pointer (&nodes, g_ptr_array_unref);
  /* Asked, "Save the changes?", with its answers. */
  if (new_case != NULL)
    g_free (wait_for_name (&app, "push button", "Discard", NULL));
  nodes = read_tree (&app);
  assert_no_type_names (nodes);
  assert_no_doubled_names (nodes);
  expect_node (nodes, "push button", "Save");
  expect_node (nodes, "push button", "Cancel");
  app_stop (&app);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  /* libatspi asks each new application for the cache that GTK 4.8 does not offer, and warns
   * when it is not there ("dbind"); it then reads each object by itself, as this test does.
   * So warnings are not fatal here, as G_DEBUG makes them; they stay fatal in the application,
   * which inherits G_DEBUG. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK);

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL || atspi_init () < 0)
    {
      g_test_add_func ("/hlh/atspi/no-bus", test_no_bus);
      return g_test_run ();
    }
  g_test_add_func ("/hlh/atspi/names/new-case", test_names_new_case);
  g_test_add_func ("/hlh/atspi/names/teaching-case", test_names_teaching_case);
  g_test_add_func ("/hlh/atspi/names/question", test_names_question);
  g_test_add_func ("/hlh/atspi/gauge-and-typing", test_gauge_and_typing);
  g_test_add_func ("/hlh/atspi/trigger-groups", test_trigger_groups);
  return g_test_run ();
}
