/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The keystrokes of tests/bench-gui's latency figure, shared by the application
 * (bench-app-window.c) and its yardstick, a bare window with one field (bench-bare-window.c),
 * so both are typed at in the same way.
 *
 * The field holds "700" and has the keyboard focus, with the text cursor at its end. A "0" is
 * typed, then Backspace, and again: 700, 7000, 700… For each keystroke the time is taken from
 * the moment the key is sent until the end of the next frame that shows the new text
 * (GdkFrameClock::after-paint).
 *
 * Keys are a real key press and release sent through the X server (XTest) when the program is
 * built with it; otherwise the same keystroke goes through the signals of GtkText's key
 * bindings, and the benchmark says so.
 *
 * The keys come 50 to 150 ms apart, a fast typist's pace, from a fixed pseudo-random
 * sequence. The pauses are irregular on purpose: while a field has the focus its text cursor
 * blinks, and GTK then draws at most one frame per 16.7 ms (60 Hz). A key waits for the next
 * of those frames, anywhere between 0 and 16.7 ms. Keys at a fixed interval would always
 * land at the same point of that cycle and measure that point only.
 *
 * With a steady cursor (GtkSettings:gtk-cursor-blink off, as the accessibility settings of a
 * desktop can ask), nothing draws between keystrokes and a key's frame starts at once: the
 * time is then the program's own work for the keystroke, without the wait for the cycle.
 *
 * For information each keystroke's time is also cut at four moments (BenchMark), so that a
 * change to the program can be seen where it acts. */

#include <gtk/gtk.h>
#ifdef HAVE_XTEST
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-common.h"

#define BENCH_KEYS_COUNT   300
#define BENCH_KEYS_SEED    20141031   /* any fixed seed: the same pauses in every run */

/* The moments after a key is sent, in the order they come. Each handler below is connected
 * after the program's own and GDK's, so it marks the end of their work. */
typedef enum
{
  BENCH_MARK_CHANGED,    /* the field's "changed" has run: the key is handled, the program has
                          * reacted (for HLH Calculator: re-assessed and set the results) */
  BENCH_MARK_FRAME,      /* the frame that draws it begins (before-paint); GTK has measured
                          * the window again, in the frame clock's flush-events phase */
  BENCH_MARK_LAID_OUT,   /* the frame's layout phase is done: widgets allocated */
  BENCH_MARK_PAINTED,    /* its paint phase is done: snapshot and render */
  BENCH_N_MARKS
} BenchMark;

typedef struct
{
  GtkWidget   *window;
  GtkEditable *field;
  gboolean     real_keys;
  gboolean     steady_cursor;
  guint        n_keys;
  gint64       sent_at;     /* 0 when no keystroke waits for its frame */
  gint64       marks[BENCH_N_MARKS];   /* 0 until reached */
  GArray      *latencies;   /* gint64, microseconds */
  GArray      *stages;      /* BenchStages */
  GRand       *rand;
  void       (*finished) (gpointer data);
  gpointer     finished_data;
} BenchKeys;

/* One keystroke's time cut at its marks: sent to CHANGED, CHANGED to FRAME, ... PAINTED to
 * the end of the frame; microseconds. */
typedef struct
{
  gint64 us[BENCH_N_STAGES];
} BenchStages;

G_STATIC_ASSERT (BENCH_N_STAGES == BENCH_N_MARKS + 1);

#ifdef HAVE_XTEST
static inline void
bench_keys_send (BenchKeys *keys,
                 KeySym     keysym)
{
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (keys->window));
  KeyCode code = XKeysymToKeycode (display, keysym);

  memset (keys->marks, 0, sizeof keys->marks);
  keys->sent_at = g_get_monotonic_time ();
  XTestFakeKeyEvent (display, code, True, CurrentTime);
  XTestFakeKeyEvent (display, code, False, CurrentTime);
  XFlush (display);
}

/* No window manager under Xvfb: the window takes the keyboard itself. */
static inline gboolean
bench_keys_take_keyboard (BenchKeys *keys)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (keys->window));

  if (!GDK_IS_X11_SURFACE (surface))
    return FALSE;
  XSetInputFocus (gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface)),
                  gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  return TRUE;
}
#endif

static inline const char *
bench_keys_expected_text (BenchKeys *keys)
{
  return keys->n_keys % 2 == 0 ? "7000" : "700";
}

static inline gboolean
bench_keys_type_cb (gpointer data)
{
  BenchKeys *keys = data;

#ifdef HAVE_XTEST
  if (keys->real_keys)
    {
      bench_keys_send (keys, keys->n_keys % 2 == 0 ? XK_0 : XK_BackSpace);
      return G_SOURCE_REMOVE;
    }
#endif
  memset (keys->marks, 0, sizeof keys->marks);
  keys->sent_at = g_get_monotonic_time ();
  if (keys->n_keys % 2 == 0)
    g_signal_emit_by_name (gtk_editable_get_delegate (keys->field), "insert-at-cursor", "0");
  else
    g_signal_emit_by_name (gtk_editable_get_delegate (keys->field), "backspace");
  return G_SOURCE_REMOVE;
}

static inline void
bench_keys_schedule (BenchKeys *keys)
{
  g_timeout_add (g_rand_int_range (keys->rand, BENCH_KEYS_MIN_MS, BENCH_KEYS_MAX_MS + 1),
                 bench_keys_type_cb, keys);
}

/* Marks a moment of the keystroke waiting for its frame, once, and only after the one before:
 * a frame that began while the key was still on its way is not the key's frame. */
static inline void
bench_keys_mark (BenchKeys *keys,
                 BenchMark  mark)
{
  if (keys->sent_at == 0 || keys->marks[mark] != 0 ||
      (mark > BENCH_MARK_CHANGED && keys->marks[mark - 1] == 0))
    return;
  keys->marks[mark] = g_get_monotonic_time ();
}

static inline void
bench_keys_changed_cb (GtkEditable *field,
                       BenchKeys   *keys)
{
  bench_keys_mark (keys, BENCH_MARK_CHANGED);
}

static inline void
bench_keys_before_paint_cb (GdkFrameClock *clock,
                            BenchKeys     *keys)
{
  bench_keys_mark (keys, BENCH_MARK_FRAME);
}

static inline void
bench_keys_layout_cb (GdkFrameClock *clock,
                      BenchKeys     *keys)
{
  bench_keys_mark (keys, BENCH_MARK_LAID_OUT);
}

static inline void
bench_keys_paint_cb (GdkFrameClock *clock,
                     BenchKeys     *keys)
{
  bench_keys_mark (keys, BENCH_MARK_PAINTED);
}

/* Keeps the keystroke's stages, when all its marks were reached. */
static inline void
bench_keys_keep_stages (BenchKeys *keys,
                        gint64     frame_end)
{
  BenchStages stages;
  gint64 from = keys->sent_at;

  for (guint m = 0; m < BENCH_N_MARKS; m++)
    {
      if (keys->marks[m] == 0)
        return;
      stages.us[m] = keys->marks[m] - from;
      from = keys->marks[m];
    }
  stages.us[BENCH_N_MARKS] = frame_end - from;
  g_array_append_val (keys->stages, stages);
}

static inline void
bench_keys_after_paint_cb (GdkFrameClock *clock,
                           BenchKeys     *keys)
{
  gint64 now = g_get_monotonic_time ();
  gint64 latency;

  if (keys->sent_at == 0)
    return;
  latency = now - keys->sent_at;
  /* A key goes through the X server: a frame drawn before it arrived (the text cursor
   * blinks) is not the one with the new text. */
  if (g_strcmp0 (gtk_editable_get_text (keys->field), bench_keys_expected_text (keys)) != 0)
    {
      if (latency < 2 * G_USEC_PER_SEC)
        return;
      g_printerr ("the keystroke did not reach the field\n");
      exit (1);
    }
  g_array_append_val (keys->latencies, latency);
  bench_keys_keep_stages (keys, now);
  keys->sent_at = 0;
  if (++keys->n_keys == BENCH_KEYS_COUNT)
    {
      g_signal_handlers_disconnect_by_data (clock, keys);
      g_signal_handlers_disconnect_by_data (keys->field, keys);
      keys->finished (keys->finished_data);
      return;
    }
  bench_keys_schedule (keys);
}

/* The option of the window programs: "--latency", or "--latency-steady" for a steady text
 * cursor. Returns whether the keystrokes are to be timed, and sets keys->steady_cursor. */
static inline gboolean
bench_keys_parse_option (BenchKeys  *keys,
                         const char *option)
{
  if (option == NULL)
    return FALSE;
  keys->steady_cursor = strcmp (option, "--latency-steady") == 0;
  return keys->steady_cursor || strcmp (option, "--latency") == 0;
}

/* Call at the window's first frame: focuses the field, fills it with "700" and starts. */
static inline void
bench_keys_start (BenchKeys   *keys,
                  GtkWidget   *window,
                  GtkEditable *field,
                  void       (*finished) (gpointer data),
                  gpointer     finished_data)
{
  GdkFrameClock *clock;

  keys->window = window;
  keys->field = field;
  keys->latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
  keys->stages = g_array_new (FALSE, FALSE, sizeof (BenchStages));
  keys->rand = g_rand_new_with_seed (BENCH_KEYS_SEED);
  keys->finished = finished;
  keys->finished_data = finished_data;
#ifdef HAVE_XTEST
  keys->real_keys = bench_keys_take_keyboard (keys);
#endif
  if (keys->steady_cursor)
    g_object_set (gtk_widget_get_settings (window), "gtk-cursor-blink", FALSE, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (field));
  gtk_editable_set_text (field, "700");
  gtk_editable_set_position (field, -1);
  fprintf (stderr, "keystrokes: %s, %s text cursor\n",
           keys->real_keys ? "key events through the X server (XTest)"
                           : "GtkText key-binding signals (built without XTest)",
           keys->steady_cursor ? "steady" : "blinking");
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect_after (field, "changed", G_CALLBACK (bench_keys_changed_cb), keys);
  g_signal_connect (clock, "before-paint", G_CALLBACK (bench_keys_before_paint_cb), keys);
  g_signal_connect (clock, "layout", G_CALLBACK (bench_keys_layout_cb), keys);
  g_signal_connect (clock, "paint", G_CALLBACK (bench_keys_paint_cb), keys);
  g_signal_connect (clock, "after-paint", G_CALLBACK (bench_keys_after_paint_cb), keys);
  bench_keys_schedule (keys);
}

/* Prints one "latency MICROSECONDS" line per keystroke and one "stages US US US US US" line
 * per keystroke whose marks were all reached, for bench-gui, and frees. */
static inline void
bench_keys_print (BenchKeys *keys)
{
  if (keys->latencies == NULL)
    return;
  for (guint i = 0; i < keys->latencies->len; i++)
    printf ("latency %" G_GINT64_FORMAT "\n", g_array_index (keys->latencies, gint64, i));
  for (guint i = 0; i < keys->stages->len; i++)
    {
      const BenchStages *stages = &g_array_index (keys->stages, BenchStages, i);

      printf ("stages");
      for (guint s = 0; s <= BENCH_N_MARKS; s++)
        printf (" %" G_GINT64_FORMAT, stages->us[s]);
      printf ("\n");
    }
  g_clear_pointer (&keys->latencies, g_array_unref);
  g_clear_pointer (&keys->stages, g_array_unref);
  g_clear_pointer (&keys->rand, g_rand_free);
}
