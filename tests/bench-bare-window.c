/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gtk/gtk.h>
#include <stdio.h>
#include <string.h>

#include "bench-common.h"
#include "bench-keys.h"

/* The yardstick for tests/bench-gui: a bare GTK 4 program that only opens a window. At its
 * first frame it prints the monotonic time and its resident memory, then quits.
 *
 * With --latency (or --latency-steady) the window holds one field and one label that repeats
 * what is typed: the least a GTK 4 program can do per keystroke. It is typed at as the
 * application is (bench-keys.h) and prints the time from each keystroke to the next frame. */

typedef struct
{
  gboolean   latency;
  gboolean   shown;
  gboolean   done;
  GtkWidget *window;
  GtkWidget *field;
  BenchKeys  keys;
} Bare;

static void
finished (gpointer data)
{
  Bare *bare = data;

  bare->done = TRUE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bare          *bare)
{
  if (bare->shown)
    return;
  bare->shown = TRUE;
  bench_print_shown (G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (bare->window))));
  if (!bare->latency)
    {
      bare->done = TRUE;
      return;
    }
  bench_keys_start (&bare->keys, bare->window,
                    GTK_EDITABLE (bare->field), finished, bare);
}

static void
map_cb (GtkWidget *window,
        Bare      *bare)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), bare);
}

static void
changed_cb (GtkEditable *field,
            GtkLabel    *echo)
{
  g_autofree char *text = g_strdup_printf ("Typed: %s", gtk_editable_get_text (field));

  gtk_label_set_text (echo, text);
}

int
main (int   argc,
      char *argv[])
{
  Bare bare = { 0 };
  GtkWidget *window;

  bare.latency = bench_keys_parse_option (&bare.keys, argc > 1 ? argv[1] : NULL);
  gtk_init ();
  window = bare.window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "Bare");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  if (bare.latency)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      GtkWidget *echo = gtk_label_new (NULL);

      bare.field = gtk_entry_new ();
      g_signal_connect (bare.field, "changed", G_CALLBACK (changed_cb), echo);
      gtk_box_append (GTK_BOX (box), bare.field);
      gtk_box_append (GTK_BOX (box), echo);
      gtk_window_set_child (GTK_WINDOW (window), box);
    }
  g_signal_connect (window, "map", G_CALLBACK (map_cb), &bare);
  gtk_window_present (GTK_WINDOW (window));
  while (!bare.done)
    g_main_context_iteration (NULL, TRUE);
  bench_keys_print (&bare.keys);
  return 0;
}
