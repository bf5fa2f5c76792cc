/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

/* An invariant of a fuzz target: a violation aborts, so libFuzzer keeps the input. Not
 * g_assert, which a release build could compile out. */
#define FUZZ_CHECK(expr)                                                                    \
  do                                                                                        \
    {                                                                                       \
      if (!(expr))                                                                          \
        {                                                                                   \
          fprintf (stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #expr);     \
          abort ();                                                                         \
        }                                                                                   \
    }                                                                                       \
  while (0)

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);
