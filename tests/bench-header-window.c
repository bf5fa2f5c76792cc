/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gtk/gtk.h>
#include <stdio.h>

#include "bench-common.h"

/* A second yardstick for tests/bench-gui, for information: HLH Calculator's frame without
 * its contents. A GtkApplication window with a header bar holding a title, a subtitle and the
 * same five icon buttons, and nothing under it. Against it, the ratio is what the form and
 * the results cost; against the bare window it is what any window with a header bar costs
 * (GtkApplication, the icon theme, the buttons). At its first frame it prints the monotonic
 * time and its resident memory, then quits. */

static void
after_paint_cb (GdkFrameClock  *clock,
                GApplication   *app)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;
  bench_print_shown (G_OBJECT_TYPE_NAME (gtk_native_get_renderer (
    GTK_NATIVE (gtk_application_get_active_window (GTK_APPLICATION (app))))));
  g_application_quit (app);
}

static void
map_cb (GtkWidget    *window,
        GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), app);
}

static void
activate_cb (GApplication *app)
{
  static const char *start_icons[] = { "document-open-symbolic", "document-new-symbolic" };
  static const char *end_icons[] = { "printer-symbolic", "edit-copy-symbolic" };
  GtkWidget *window = gtk_application_window_new (GTK_APPLICATION (app));
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new ("New Case");
  GtkWidget *subtitle = gtk_label_new ("Unsaved changes");
  GtkWidget *menu = gtk_menu_button_new ();

  gtk_widget_add_css_class (title, "title");
  gtk_widget_add_css_class (subtitle, "subtitle");
  gtk_box_append (GTK_BOX (titles), title);
  gtk_box_append (GTK_BOX (titles), subtitle);
  gtk_header_bar_set_title_widget (GTK_HEADER_BAR (header), titles);
  for (guint i = 0; i < G_N_ELEMENTS (start_icons); i++)
    gtk_header_bar_pack_start (GTK_HEADER_BAR (header),
                               gtk_button_new_from_icon_name (start_icons[i]));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "open-menu-symbolic");
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), menu);
  for (guint i = 0; i < G_N_ELEMENTS (end_icons); i++)
    gtk_header_bar_pack_end (GTK_HEADER_BAR (header),
                             gtk_button_new_from_icon_name (end_icons[i]));
  gtk_window_set_titlebar (GTK_WINDOW (window), header);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_signal_connect (window, "map", G_CALLBACK (map_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app =
    gtk_application_new ("io.github.hlhcalc.BenchHeaderWindow", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
