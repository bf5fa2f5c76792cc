/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-common.h"
#include "bench-keys.h"

#include "hlh-application.h"
#include "hlh-window.h"

/* HLH Calculator started exactly as main.c starts it, for tests/bench-gui. At the first frame
 * of its window it prints the monotonic time and its resident memory. With --latency (or
 * --latency-steady, with a steady text cursor) it then types in the focused ferritin field
 * (bench-keys.h) and prints, for each keystroke, the time until the next frame, which draws the
 * new result. */

typedef struct
{
  GtkApplication *app;
  HlhWindow      *window;
  gboolean        latency;
  gboolean        shown;
  BenchKeys       keys;
} Bench;

static void
quit (gpointer data)
{
  Bench *bench = data;

  g_application_quit (G_APPLICATION (bench->app));
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  HlhNumberRow *ferritin;

  if (bench->shown)
    return;
  bench->shown = TRUE;
  bench_print_shown (G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (bench->window))));
  if (!bench->latency)
    {
      quit (bench);
      return;
    }
  /* The ferritin field. Ferritin 700 and 7000 ng/mL score 0 and 50 (Fardet 2014): each
   * keystroke moves the HScore, the gauge's needle, the criteria and the notes. */
  ferritin = hlh_case_form_get_number_row (hlh_window_get_form (bench->window),
                                           HLH_FIELD_FERRITIN);
  bench_keys_start (&bench->keys, GTK_WIDGET (bench->window),
                    hlh_number_row_get_editable (ferritin), quit, bench);
}

static void
map_cb (GtkWidget *window,
        Bench     *bench)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), bench);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 Bench          *bench)
{
  if (!HLH_IS_WINDOW (window))
    return;
  bench->window = HLH_WINDOW (window);
  g_signal_connect (window, "map", G_CALLBACK (map_cb), bench);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HlhApplication) app = NULL;
  Bench bench = { 0 };
  int status;

  setlocale (LC_ALL, "");
  bench.latency = bench_keys_parse_option (&bench.keys, argc > 1 ? argv[1] : NULL);
  app = hlh_application_new ();
  bench.app = GTK_APPLICATION (app);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), &bench);
  status = g_application_run (G_APPLICATION (app), 1, argv);
  bench_keys_print (&bench.keys);
  return status;
}
