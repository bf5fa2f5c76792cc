/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-common.h"

/* Benchmark: HLH Calculator against a bare GTK 4 window, side by side in one run on the same
 * display. Prints the time from process start to the first frame of the window and the
 * resident memory then, as medians of alternating runs and as ratios (targets: at most 1.25×
 * the time and 1.2× the memory), and the time from a keystroke in a field to the next frame,
 * which draws the new result (target: median under 8 ms).
 *
 * The keystrokes are typed the same way (bench-keys.h) into the application's ferritin field
 * and, for comparison, into the bare window given one field and one label that repeats it:
 * the least any GTK 4 program takes from a keystroke to its frame on this display. They are
 * typed twice: with GTK's blinking text cursor, as a desktop has it by default (the figure the
 * target is for), and, for information, with a steady cursor, where a keystroke's frame does
 * not wait for the 60 Hz cycle of the blinking and the time is the programs' own work. Each
 * way, the median of each stage of a keystroke (BenchMark in bench-keys.h) is printed too, to
 * show where the time goes.
 *
 * For information it also launches a header-bar window (bench-header-window.c), the
 * application's frame without its contents, and prints the ratios against it.
 *
 *   bench-gui BENCH_BARE_WINDOW BENCH_HEADER_WINDOW BENCH_APP_WINDOW [ROUNDS]
 */

typedef struct
{
  double startup_ms;
  double rss_mib;
  char   renderer[64];   /* the type of the renderer that drew the first frame */
} Launch;

/* What one launch typed at the field: double, ms. */
typedef struct
{
  GArray *latencies;
  GArray *stages[BENCH_N_STAGES];
} Typed;

static void
typed_init (Typed *typed)
{
  typed->latencies = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint s = 0; s < BENCH_N_STAGES; s++)
    typed->stages[s] = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
typed_clear (Typed *typed)
{
  g_clear_pointer (&typed->latencies, g_array_unref);
  for (guint s = 0; s < BENCH_N_STAGES; s++)
    g_clear_pointer (&typed->stages[s], g_array_unref);
}

static void
read_stages (const char *line,
             Typed      *typed)
{
  gint64 us[BENCH_N_STAGES];
  const char *p = line + strlen ("stages");

  for (guint s = 0; s < BENCH_N_STAGES; s++)
    {
      char *end;

      us[s] = g_ascii_strtoll (p, &end, 10);
      if (end == p)
        return;
      p = end;
    }
  for (guint s = 0; s < BENCH_N_STAGES; s++)
    {
      double ms = us[s] / 1000.0;
      g_array_append_val (typed->stages[s], ms);
    }
}

static gboolean
launch (const char *program,
        const char *argument,
        Launch     *launch,
        Typed      *typed)
{
  const char *argv[] = { program, argument, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 started = g_get_monotonic_time ();
  int status;

  launch->renderer[0] = '\0';

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &status, &error) || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s: %s\n", program, error->message);
      return FALSE;
    }
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gint64 shown;
      long rss;
      gint64 latency;

      if (sscanf (lines[i], "shown %" G_GINT64_FORMAT " %ld %63s", &shown, &rss,
                  launch->renderer) == 3)
        {
          launch->startup_ms = (shown - started) / 1000.0;
          launch->rss_mib = rss / 1024.0;
        }
      else if (typed != NULL && sscanf (lines[i], "latency %" G_GINT64_FORMAT, &latency) == 1)
        {
          double ms = latency / 1000.0;
          g_array_append_val (typed->latencies, ms);
        }
      else if (typed != NULL && g_str_has_prefix (lines[i], "stages "))
        read_stages (lines[i], typed);
    }
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
quantile (GArray *values,
          double  q)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, (guint) (q * (values->len - 1) + 0.5));
}

/* The keystrokes typed into the application and into the bare window in one way. */
typedef struct
{
  const char *option;    /* of the window programs */
  const char *heading;
  Typed       app;
  Typed       bare;
} Keystrokes;

static gboolean
measure_keystrokes (Keystrokes *keystrokes,
                    const char *app_program,
                    const char *bare_program)
{
  Launch l;

  typed_init (&keystrokes->app);
  typed_init (&keystrokes->bare);
  return launch (app_program, keystrokes->option, &l, &keystrokes->app) &&
         keystrokes->app.latencies->len > 0 &&
         launch (bare_program, keystrokes->option, &l, &keystrokes->bare) &&
         keystrokes->bare.latencies->len > 0;
}

static void
print_stages (const char  *name,
              const Typed *typed)
{
  if (typed->stages[0]->len == 0)
    return;
  printf ("      %-28s", name);
  for (guint s = 0; s < BENCH_N_STAGES; s++)
    printf (" %11.2f", quantile (typed->stages[s], 0.5));
  printf ("   (%u keystrokes)\n", typed->stages[0]->len);
}

/* @target_verdict: whether the application's median met the target, or %NULL where the
 * figure is for information. */
static void
print_keystrokes (Keystrokes *keystrokes,
                  const char *target_verdict)
{
  GArray *app = keystrokes->app.latencies, *bare = keystrokes->bare.latencies;
  double app_median = quantile (app, 0.5);
  double bare_median = quantile (bare, 0.5);
  g_autofree char *target = target_verdict != NULL
                            ? g_strdup_printf ("(target < 8 ms: %s)", target_verdict)
                            : g_strdup ("");

  printf ("  %s\n", keystrokes->heading);
  printf ("    HLH Calculator, ferritin field   median %5.2f ms %-22s   p10 %5.2f   p90 %5.2f   "
          "max %6.2f ms\n", app_median, target, quantile (app, 0.1), quantile (app, 0.9),
          quantile (app, 1));
  printf ("    bare window, one field         median %5.2f ms %-22s   p10 %5.2f   p90 %5.2f   "
          "max %6.2f ms\n", bare_median, "", quantile (bare, 0.1), quantile (bare, 0.9),
          quantile (bare, 1));
  printf ("    HLH Calculator - bare window   median %+.2f ms\n", app_median - bare_median);
  /* Each stage's own median: they need not add up to the median of the whole. */
  printf ("      %-28s %11s %11s %11s %11s %11s\n", "medians of each stage, ms:", "key handled",
          "to frame", "layout", "paint", "frame end");
  print_stages ("HLH Calculator", &keystrokes->app);
  print_stages ("bare window", &keystrokes->bare);
}

typedef struct
{
  const char *name;
  const char *program;
  GArray     *ms;
  GArray     *mib;
  char        renderer[64];
} Subject;

static void
print_subject (const Subject *subject)
{
  printf ("  %-30s %7.1f ms (%.1f-%.1f)   RSS %6.1f MiB   %s\n", subject->name,
          quantile (subject->ms, 0.5), quantile (subject->ms, 0), quantile (subject->ms, 1),
          quantile (subject->mib, 0.5), subject->renderer);
}

static void
print_stage_legend (void)
{
  printf ("  stages: key handled = from the key sent to the end of the field's \"changed\" (the\n"
          "    X server, GTK's key handling, the program's reaction: for HLH Calculator\n"
          "    re-assessing and setting the results); to frame = to the start of the frame that\n"
          "    draws it (GTK measures the window again; with a blinking cursor, also the wait\n"
          "    for the 60 Hz cycle); layout = allocation; paint = snapshot and render;\n"
          "    frame end = to the frame's after-paint\n");
}

static const char *
verdict (gboolean met)
{
  return met ? "met" : "missed";
}

int
main (int   argc,
      char *argv[])
{
  Subject subjects[] = {
    { "bare GTK 4 window", NULL, NULL, NULL },
    { "header-bar window (reference)", NULL, NULL, NULL },
    { "HLH Calculator", NULL, NULL, NULL },
  };
  Subject *bare = &subjects[0], *header = &subjects[1], *app = &subjects[2];
  guint rounds = argc > 4 ? (guint) atoi (argv[4]) : 11;
  Keystrokes blinking = { .option = "--latency",
                          .heading = "blinking text cursor, as GTK has it by default:" };
  Keystrokes steady = { .option = "--latency-steady",
                        .heading = "for information, steady text cursor (no wait for the 60 Hz "
                                   "cycle of the blinking):" };
  double time_ratio, memory_ratio, median_latency;
  gboolean time_met, memory_met, latency_met, like_for_like;
  Launch l;

  if (argc < 4)
    {
      g_printerr ("usage: bench-gui BENCH_BARE_WINDOW BENCH_HEADER_WINDOW BENCH_APP_WINDOW "
                  "[ROUNDS]\n");
      return 2;
    }
  for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
    {
      subjects[s].program = argv[1 + s];
      subjects[s].ms = g_array_new (FALSE, FALSE, sizeof (double));
      subjects[s].mib = g_array_new (FALSE, FALSE, sizeof (double));
      /* One launch of each first, unmeasured, so all find the libraries in the page cache. */
      if (!launch (subjects[s].program, NULL, &l, NULL))
        return 1;
    }
  for (guint i = 0; i < rounds; i++)
    for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
      {
        if (!launch (subjects[s].program, NULL, &l, NULL))
          return 1;
        g_array_append_val (subjects[s].ms, l.startup_ms);
        g_array_append_val (subjects[s].mib, l.rss_mib);
        g_strlcpy (subjects[s].renderer, l.renderer, sizeof subjects[s].renderer);
      }
  if (!measure_keystrokes (&blinking, app->program, bare->program) ||
      !measure_keystrokes (&steady, app->program, bare->program))
    return 1;

  time_ratio = quantile (app->ms, 0.5) / quantile (bare->ms, 0.5);
  memory_ratio = quantile (app->mib, 0.5) / quantile (bare->mib, 0.5);
  median_latency = quantile (blinking.app.latencies, 0.5);
  time_met = time_ratio <= 1.25;
  memory_met = memory_ratio <= 1.2;
  latency_met = median_latency < 8;
  printf ("Start-up to the first frame, median of %u alternating runs (min-max):\n", rounds);
  for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
    print_subject (&subjects[s]);
  /* A ratio between two renderers says more about the renderers than about the application
   * (hlh-renderer.c chooses cairo where OpenGL is software; a bare window keeps GTK's choice):
   * no verdict then, and the run counts as missed. GSK_RENDERER gives both the same. */
  like_for_like = strcmp (app->renderer, bare->renderer) == 0;
  if (like_for_like)
    printf ("  HLH Calculator / bare window   time %.3f× (target ≤ 1.25×: %s)   "
            "memory %.3f× (target ≤ 1.2×: %s)\n",
            time_ratio, verdict (time_met), memory_ratio, verdict (memory_met));
  else
    printf ("  HLH Calculator / bare window   time %.3f×   memory %.3f×\n"
            "    no verdict: not like for like, the two drew with different renderers; "
            "the verdict is the run with GSK_RENDERER set\n", time_ratio, memory_ratio);
  printf ("  for information:\n");
  printf ("    header-bar window / bare     time %.3f×   memory %.3f×\n",
          quantile (header->ms, 0.5) / quantile (bare->ms, 0.5),
          quantile (header->mib, 0.5) / quantile (bare->mib, 0.5));
  printf ("    HLH Calculator / header-bar  time %.3f×   memory %.3f×\n",
          quantile (app->ms, 0.5) / quantile (header->ms, 0.5),
          quantile (app->mib, 0.5) / quantile (header->mib, 0.5));
  printf ("Keystroke to the next frame with the new result, %u keystrokes %d-%d ms apart:\n",
          blinking.app.latencies->len, BENCH_KEYS_MIN_MS, BENCH_KEYS_MAX_MS);
  print_keystrokes (&blinking, verdict (latency_met));
  print_keystrokes (&steady, NULL);
  print_stage_legend ();
  typed_clear (&blinking.app);
  typed_clear (&blinking.bare);
  typed_clear (&steady.app);
  typed_clear (&steady.bare);
  for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
    {
      g_array_unref (subjects[s].ms);
      g_array_unref (subjects[s].mib);
    }
  if (like_for_like && time_met && memory_met && latency_met)
    {
      printf ("All targets met.\n");
      return 0;
    }
  printf ("A target was missed.\n");
  return 1;
}
