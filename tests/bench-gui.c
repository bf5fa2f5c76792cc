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
 * the least any GTK 4 program takes from a keystroke to its frame on this display.
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
} Launch;

static gboolean
launch (const char *program,
        const char *argument,
        Launch     *launch,
        GArray     *latencies)
{
  const char *argv[] = { program, argument, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 started = g_get_monotonic_time ();
  int status;

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

      if (sscanf (lines[i], "shown %" G_GINT64_FORMAT " %ld", &shown, &rss) == 2)
        {
          launch->startup_ms = (shown - started) / 1000.0;
          launch->rss_mib = rss / 1024.0;
        }
      else if (latencies != NULL && sscanf (lines[i], "latency %" G_GINT64_FORMAT, &latency) == 1)
        {
          double ms = latency / 1000.0;
          g_array_append_val (latencies, ms);
        }
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

typedef struct
{
  const char *name;
  const char *program;
  GArray     *ms;
  GArray     *mib;
} Subject;

static void
print_subject (const Subject *subject)
{
  printf ("  %-30s %7.1f ms (%.1f-%.1f)   RSS %6.1f MiB\n", subject->name,
          quantile (subject->ms, 0.5), quantile (subject->ms, 0), quantile (subject->ms, 1),
          quantile (subject->mib, 0.5));
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
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_latencies = g_array_new (FALSE, FALSE, sizeof (double));
  double time_ratio, memory_ratio, median_latency, bare_median_latency;
  gboolean time_met, memory_met, latency_met;
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
      }
  if (!launch (app->program, "--latency", &l, latencies) || latencies->len == 0 ||
      !launch (bare->program, "--latency", &l, bare_latencies) || bare_latencies->len == 0)
    return 1;

  time_ratio = quantile (app->ms, 0.5) / quantile (bare->ms, 0.5);
  memory_ratio = quantile (app->mib, 0.5) / quantile (bare->mib, 0.5);
  median_latency = quantile (latencies, 0.5);
  bare_median_latency = quantile (bare_latencies, 0.5);
  time_met = time_ratio <= 1.25;
  memory_met = memory_ratio <= 1.2;
  latency_met = median_latency < 8;
  printf ("Start-up to the first frame, median of %u alternating runs (min-max):\n", rounds);
  for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
    print_subject (&subjects[s]);
  printf ("  HLH Calculator / bare window   time %.3f× (target ≤ 1.25×: %s)   "
          "memory %.3f× (target ≤ 1.2×: %s)\n",
          time_ratio, verdict (time_met), memory_ratio, verdict (memory_met));
  printf ("  for information:\n");
  printf ("    header-bar window / bare     time %.3f×   memory %.3f×\n",
          quantile (header->ms, 0.5) / quantile (bare->ms, 0.5),
          quantile (header->mib, 0.5) / quantile (bare->mib, 0.5));
  printf ("    HLH Calculator / header-bar  time %.3f×   memory %.3f×\n",
          quantile (app->ms, 0.5) / quantile (header->ms, 0.5),
          quantile (app->mib, 0.5) / quantile (header->mib, 0.5));
  printf ("Keystroke to the next frame with the new result, %u keystrokes %d-%d ms apart:\n",
          latencies->len, BENCH_KEYS_MIN_MS, BENCH_KEYS_MAX_MS);
  printf ("  HLH Calculator, ferritin field   median %5.2f ms (target < 8 ms: %s)   "
          "p10 %5.2f   p90 %5.2f   max %6.2f ms\n", median_latency, verdict (latency_met),
          quantile (latencies, 0.1), quantile (latencies, 0.9), quantile (latencies, 1));
  printf ("  for information:\n");
  printf ("    bare window, one field         median %5.2f ms                       "
          "p10 %5.2f   p90 %5.2f   max %6.2f ms\n", bare_median_latency,
          quantile (bare_latencies, 0.1), quantile (bare_latencies, 0.9),
          quantile (bare_latencies, 1));
  printf ("    HLH Calculator - bare window   median %+.2f ms\n",
          median_latency - bare_median_latency);
  for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
    {
      g_array_unref (subjects[s].ms);
      g_array_unref (subjects[s].mib);
    }
  if (time_met && memory_met && latency_met)
    {
      printf ("All targets met.\n");
      return 0;
    }
  printf ("A target was missed.\n");
  return 1;
}
