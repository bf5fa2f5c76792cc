/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

/* Opens (or closes) every expander in @widget: the trigger history's groups and the other
 * findings. A group makes its check boxes when first opened; call again to reach any expander
 * inside them. */
static inline void
test_set_all_expanded (GtkWidget *widget,
                       gboolean   expanded)
{
  if (GTK_IS_EXPANDER (widget))
    gtk_expander_set_expanded (GTK_EXPANDER (widget), expanded);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    test_set_all_expanded (child, expanded);
}

/* @window, as it is now, fits a screen of @width × @height px: it is not wider than @width at
 * its narrowest, nor taller than @height at its narrowest width. @what says what is shown. */
static inline void
test_assert_window_fits (GtkWidget  *window,
                         int         width,
                         int         height,
                         const char *what)
{
  int min_width, min_height;

  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (window, GTK_ORIENTATION_VERTICAL, min_width, &min_height, NULL, NULL,
                      NULL);
  g_test_message ("%s: the window needs %d × %d px", what, min_width, min_height);
  if (min_width > width || min_height > height)
    g_error ("%s: the window needs %d × %d px; the screen is %d × %d", what, min_width,
             min_height, width, height);
}
