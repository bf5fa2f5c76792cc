/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>
#ifdef HAVE_XTEST
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#endif
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-common.h"

#include "hlh-application.h"
#include "hlh-window.h"

/* HLH Calculator started exactly as main.c starts it, for tests/bench-gui. At the first frame
 * of its window it prints the monotonic time and its resident memory. With --latency it then
 * types in the focused ferritin field many times and prints, for each keystroke, the time
 * until the next frame, which draws the new result. */

#define N_CHANGES 300

typedef struct
{
  GtkApplication *app;
  HlhWindow      *window;
  gboolean        latency;
  gboolean        shown;
  guint           n_changes;
  gint64          changed_at;
  GArray         *latencies;
  gboolean        real_keys;
} Bench;

/* The ferritin field: "0" typed after 700, then Backspace, and again. Ferritin 700 and
 * 7000 ng/mL score 0 and 50 (Fardet 2014): each keystroke moves the HScore, the gauge's
 * needle, the criteria and the notes. */
static GtkEditable *
ferritin_editable (Bench *bench)
{
  HlhNumberRow *row = hlh_case_form_get_number_row (hlh_window_get_form (bench->window),
                                                    HLH_FIELD_FERRITIN);

  return hlh_number_row_get_editable (row);
}

#ifdef HAVE_XTEST
/* A real key press and release, sent by the X server to the focused window (XTest), so the
 * keystroke takes the path a person's does: the event, GTK's key handling and input method,
 * which also holds the text cursor still while typing. The time counts from the request. */
static void
send_key (Bench  *bench,
          KeySym  keysym)
{
  GdkDisplay *gdk_display = gtk_widget_get_display (GTK_WIDGET (bench->window));
  Display *display = gdk_x11_display_get_xdisplay (gdk_display);
  KeyCode code = XKeysymToKeycode (display, keysym);

  bench->changed_at = g_get_monotonic_time ();
  XTestFakeKeyEvent (display, code, True, CurrentTime);
  XTestFakeKeyEvent (display, code, False, CurrentTime);
  XFlush (display);
}

static gboolean
prepare_keyboard (Bench *bench)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (bench->window));

  if (!GDK_IS_X11_SURFACE (surface))
    return FALSE;
  /* No window manager under Xvfb: the window takes the keyboard itself. */
  XSetInputFocus (gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface)),
                  gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  return TRUE;
}
#endif

/* Without XTest, the same keystroke through the GtkText signals its key bindings emit. */
static void
emit_key (Bench *bench)
{
  GtkEditable *text = gtk_editable_get_delegate (ferritin_editable (bench));

  bench->changed_at = g_get_monotonic_time ();
  if (bench->n_changes % 2 == 0)
    g_signal_emit_by_name (text, "insert-at-cursor", "0");
  else
    g_signal_emit_by_name (text, "backspace");
}

static gboolean
change_value_cb (gpointer data)
{
  Bench *bench = data;

#ifdef HAVE_XTEST
  if (bench->real_keys)
    {
      send_key (bench, bench->n_changes % 2 == 0 ? XK_0 : XK_BackSpace);
      return G_SOURCE_REMOVE;
    }
#endif
  emit_key (bench);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  if (!bench->shown)
    {
      bench->shown = TRUE;
      printf ("shown %" G_GINT64_FORMAT " %ld\n", g_get_monotonic_time (), bench_rss_kib ());
      fflush (stdout);
      if (!bench->latency)
        {
          g_application_quit (G_APPLICATION (bench->app));
          return;
        }
      /* The field has the keyboard focus, as when a person types in it, and the text
       * cursor is after "700". */
#ifdef HAVE_XTEST
      bench->real_keys = prepare_keyboard (bench);
#endif
      gtk_widget_grab_focus (GTK_WIDGET (ferritin_editable (bench)));
      gtk_editable_set_text (ferritin_editable (bench), "700");
      gtk_editable_set_position (ferritin_editable (bench), -1);
      fprintf (stderr, "keystrokes: %s\n",
               bench->real_keys ? "key events through the X server (XTest)"
                                : "GtkText key-binding signals (built without XTest)");
    }
  else if (bench->changed_at != 0)
    {
      gint64 now = g_get_monotonic_time ();
      gint64 latency = now - bench->changed_at;

      /* A key event reaches GTK through the X server: a frame drawn before it arrived (the
       * text cursor blinks) is not the one with the new result. */
      if (g_strcmp0 (gtk_editable_get_text (ferritin_editable (bench)),
                     bench->n_changes % 2 == 0 ? "7000" : "700") != 0)
        {
          if (latency < 2 * G_USEC_PER_SEC)
            return;
          g_printerr ("the keystroke did not reach the ferritin field\n");
          exit (1);
        }
      g_array_append_val (bench->latencies, latency);
      bench->changed_at = 0;
      if (++bench->n_changes == N_CHANGES)
        {
          g_application_quit (G_APPLICATION (bench->app));
          return;
        }
    }
  else
    return;
  /* Space the changes so the frame clock is idle when each comes, as between keystrokes. */
  g_timeout_add (40, change_value_cb, bench);
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
  bench.latency = argc > 1 && g_str_equal (argv[1], "--latency");
  bench.latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
  app = hlh_application_new ();
  bench.app = GTK_APPLICATION (app);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), &bench);
  status = g_application_run (G_APPLICATION (app), 1, argv);
  for (guint i = 0; i < bench.latencies->len; i++)
    printf ("latency %" G_GINT64_FORMAT "\n", g_array_index (bench.latencies, gint64, i));
  g_array_unref (bench.latencies);
  return status;
}
