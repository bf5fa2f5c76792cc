/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

/* Opens @window's keyboard shortcuts window as Ctrl+? does and returns it. */
static inline GtkWidget *
test_open_shortcuts_window (GtkWidget *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_true (gtk_widget_activate_action (window, "win.show-shortcuts", NULL));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (toplevel))
        return GTK_WIDGET (toplevel);
    }
  g_error ("Ctrl+? opened no shortcuts window");
  return NULL;
}

/* The shortcuts window fits the smallest screen the application is made for, a 1024×600
 * projector: its titles do not wrap, so a long one widens the whole window. */
static inline void
test_assert_shortcuts_window_fits (GtkWidget *shortcuts)
{
  int width, height;

  gtk_widget_measure (shortcuts, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  gtk_widget_measure (shortcuts, GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
  g_test_message ("the keyboard shortcuts window needs %d×%d px", width, height);
  if (width > 1024 || height > 600)
    g_error ("the keyboard shortcuts window needs %d×%d px; a 1024×600 screen has less",
             width, height);
}
