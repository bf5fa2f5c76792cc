/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>

#include "fuzz.h"
#include "hlh-csv.h"

/* hlh-score's CSV reader over any bytes: every row is scored or refused with a message, and
 * the counts add up. */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static FILE *sink;
  g_autoptr(GError) error = NULL;
  guint64 n_rows = 0, n_failed = 0;
  FILE *in;

  if (sink == NULL)
    sink = fopen ("/dev/null", "w");
  if (size == 0)
    return 0;
  in = fmemopen ((void *) data, size, "rb");
  if (in == NULL)
    return 0;
  if (hlh_csv_score (in, sink, sink, &n_rows, &n_failed, &error))
    FUZZ_CHECK (n_failed <= n_rows);
  else
    FUZZ_CHECK (error != NULL && error->message[0] != '\0');
  fclose (in);
  return 0;
}
