/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

/* Benchmark: HLH Calculator against a bare GTK 4 window, side by side in one run on the same
 * display. Prints the time from process start to the first frame of the window and the
 * resident memory then, as medians of alternating runs and as ratios (targets: at most 1.25×
 * the time and 1.2× the memory), and the time from a value change to the next frame, which
 * draws the new result (target: median under 8 ms).
 *
 *   bench-gui BENCH_BARE_WINDOW BENCH_APP_WINDOW [ROUNDS]
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

int
main (int   argc,
      char *argv[])
{
  guint rounds = argc > 3 ? (guint) atoi (argv[3]) : 11;
  g_autoptr(GArray) bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_mib = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_mib = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  double time_ratio, memory_ratio, median_latency;
  Launch l;

  if (argc < 3)
    {
      g_printerr ("usage: bench-gui BENCH_BARE_WINDOW BENCH_APP_WINDOW [ROUNDS]\n");
      return 2;
    }
  /* One launch of each first, unmeasured, so both find the libraries in the page cache. */
  if (!launch (argv[1], NULL, &l, NULL) || !launch (argv[2], NULL, &l, NULL))
    return 1;
  for (guint i = 0; i < rounds; i++)
    {
      if (!launch (argv[1], NULL, &l, NULL))
        return 1;
      g_array_append_val (bare_ms, l.startup_ms);
      g_array_append_val (bare_mib, l.rss_mib);
      if (!launch (argv[2], NULL, &l, NULL))
        return 1;
      g_array_append_val (app_ms, l.startup_ms);
      g_array_append_val (app_mib, l.rss_mib);
    }
  if (!launch (argv[2], "--latency", &l, latencies) || latencies->len == 0)
    return 1;

  time_ratio = quantile (app_ms, 0.5) / quantile (bare_ms, 0.5);
  memory_ratio = quantile (app_mib, 0.5) / quantile (bare_mib, 0.5);
  median_latency = quantile (latencies, 0.5);
  printf ("Start-up to the first frame, median of %u alternating runs (min-max):\n", rounds);
  printf ("  bare GTK 4 window   %7.1f ms (%.1f-%.1f)   RSS %6.1f MiB\n",
          quantile (bare_ms, 0.5), quantile (bare_ms, 0), quantile (bare_ms, 1),
          quantile (bare_mib, 0.5));
  printf ("  HLH Calculator      %7.1f ms (%.1f-%.1f)   RSS %6.1f MiB\n",
          quantile (app_ms, 0.5), quantile (app_ms, 0), quantile (app_ms, 1),
          quantile (app_mib, 0.5));
  printf ("  ratio               time %.2f× (target ≤ 1.25×)   memory %.2f× (target ≤ 1.2×)\n",
          time_ratio, memory_ratio);
  printf ("Value change to the next frame with the new result, %u changes:\n", latencies->len);
  printf ("  median %.2f ms (target < 8 ms)   p90 %.2f ms   max %.2f ms\n", median_latency,
          quantile (latencies, 0.9), quantile (latencies, 1));
  if (time_ratio <= 1.25 && memory_ratio <= 1.2 && median_latency < 8)
    {
      printf ("All targets met.\n");
      return 0;
    }
  printf ("A target was missed.\n");
  return 1;
}
