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
 * --latency-steady, with a steady text cursor) it then scrolls the form to the ferritin field,
 * types in it (bench-keys.h) and prints, for each keystroke, the time until the next frame,
 * which draws the new result. */

typedef struct
{
  GtkApplication *app;
  HlhWindow      *window;
  gboolean        latency;
  guint           frames;   /* drawn so far */
  GtkEditable    *field;
  BenchKeys       keys;
} Bench;

static void
quit (gpointer data)
{
  Bench *bench = data;

  g_application_quit (G_APPLICATION (bench->app));
}

/* Scrolls the form as a person would to see the field, which lies below the first
 * screenful: a keystroke's frame then draws the field too, as it does for them. */
static void
scroll_to_field (Bench *bench)
{
  GtkWidget *form = GTK_WIDGET (hlh_window_get_form (bench->window));
  GtkWidget *scroller = gtk_widget_get_ancestor (form, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;

  if (scroller == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (bench->field), form, &bounds))
    {
      g_printerr ("the ferritin field has no place in a scrolled form\n");
      exit (1);
    }
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_clamp_page (adjustment, bounds.origin.y, bounds.origin.y + bounds.size.height);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  HlhNumberRow *ferritin;

  switch (bench->frames++)
    {
    case 0:
      bench_print_shown (G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (bench->window))));
      if (!bench->latency)
        {
          g_signal_handlers_disconnect_by_func (clock, after_paint_cb, bench);
          quit (bench);
          return;
        }
      /* The ferritin field. Ferritin 700 and 7000 ng/mL score 0 and 50 (Fardet 2014): each
       * keystroke moves the HScore, the gauge's needle, the criteria and the notes. Asked
       * for, its row is made now, and has its place at the next frame. */
      ferritin = hlh_case_form_get_number_row (hlh_window_get_form (bench->window),
                                               HLH_FIELD_FERRITIN);
      bench->field = hlh_number_row_get_editable (ferritin);
      break;
    case 1:
      g_signal_handlers_disconnect_by_func (clock, after_paint_cb, bench);
      scroll_to_field (bench);
      bench_keys_start (&bench->keys, GTK_WIDGET (bench->window), bench->field, quit, bench);
      break;
    default:
      g_assert_not_reached ();
    }
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
