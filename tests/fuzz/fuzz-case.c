/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "fuzz.h"
#include "hlh-case.h"

/* The .hlhcase loader: a refused file leaves the case untouched; an accepted one saves and
 * loads back to the same case. */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  HlhCase c, before, again;
  gsize length;

  hlh_case_init (&c);
  hlh_case_set_trigger (&c, HLH_TRIGGER_EBV, TRUE);
  before = c;
  if (!hlh_case_load_data (&c, (const char *) data, size, &error))
    {
      FUZZ_CHECK (error != NULL && error->message[0] != '\0');
      FUZZ_CHECK (memcmp (&c, &before, sizeof c) == 0);
      return 0;
    }
  saved = hlh_case_to_data (&c, &length);
  hlh_case_init (&again);
  FUZZ_CHECK (hlh_case_load_data (&again, saved, length, NULL));
  for (guint i = 0; i < HLH_N_FIELDS; i++)
    {
      const HlhValue *a = hlh_case_get_value (&c, i), *b = hlh_case_get_value (&again, i);
      FUZZ_CHECK (a->known == b->known);
      FUZZ_CHECK (!a->known || (a->number == b->number && a->unit == b->unit &&
                                a->choice == b->choice));
    }
  FUZZ_CHECK (c.triggers == again.triggers);
  return 0;
}
