/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The resident memory of this process, in KiB, or -1. */
static inline long
bench_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

/* Printed by each window program at its first frame and read by bench-gui: the monotonic time
 * and the resident memory then, and the type of the renderer that drew the frame (GTK's
 * choice, GSK_RENDERER's, or for HLH Calculator its own: hlh-renderer.c). */
static inline void
bench_print_shown (const char *renderer)
{
  printf ("shown %" G_GINT64_FORMAT " %ld %s\n", g_get_monotonic_time (), bench_rss_kib (),
          renderer);
  fflush (stdout);
}

/* The stages a keystroke's time is cut into, for information (BenchMark in bench-keys.h). */
#define BENCH_N_STAGES     5

/* The pause before each keystroke of the latency figure, in ms (bench-keys.h). */
#define BENCH_KEYS_MIN_MS  50
#define BENCH_KEYS_MAX_MS  150
