/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include "fuzz.h"
#include "hlh-parse.h"

/* The number parsers: the human one (typed text) and the machine one (files). Whatever the
 * input, an accepted number is finite and a refused one comes with a message. */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) machine_error = NULL;
  double value = 0;

  if (hlh_parse_number (text, &value, &error))
    FUZZ_CHECK (isfinite (value) && error == NULL);
  else
    FUZZ_CHECK (error != NULL && error->message[0] != '\0');

  if (hlh_parse_machine_number ((const char *) data, size, &value, &machine_error))
    FUZZ_CHECK (isfinite (value));
  else
    FUZZ_CHECK (machine_error != NULL && machine_error->message[0] != '\0');
  return 0;
}
