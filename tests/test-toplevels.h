/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

/* The first shown toplevel window of @type (a class or an interface), or %NULL. */
static inline GtkWidget *
test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return GTK_WIDGET (toplevel);
    }
  return NULL;
}

/* Opens @window's keyboard shortcuts window as Ctrl+? does and returns it. */
static inline GtkWidget *
test_open_shortcuts_window (GtkWidget *window)
{
  GtkWidget *shortcuts;

  g_assert_true (gtk_widget_activate_action (window, "win.show-shortcuts", NULL));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  shortcuts = test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  if (shortcuts == NULL)
    g_error ("Ctrl+? opened no shortcuts window");
  return shortcuts;
}
