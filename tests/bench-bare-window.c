/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gtk/gtk.h>
#include <stdio.h>

#include "bench-common.h"

/* The yardstick for tests/bench-gui: a bare GTK 4 program that only opens a window. At its
 * first frame it prints the monotonic time and its resident memory, then quits. */

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *done)
{
  if (*done)
    return;
  *done = TRUE;
  printf ("shown %" G_GINT64_FORMAT " %ld\n", g_get_monotonic_time (), bench_rss_kib ());
  fflush (stdout);
}

static void
map_cb (GtkWidget *window,
        gboolean  *done)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), done);
}

int
main (void)
{
  gboolean done = FALSE;
  GtkWidget *window;

  gtk_init ();
  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "Bare");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_signal_connect (window, "map", G_CALLBACK (map_cb), &done);
  gtk_window_present (GTK_WINDOW (window));
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}
