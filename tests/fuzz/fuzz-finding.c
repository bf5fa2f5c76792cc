/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "fuzz.h"
#include "hlh-case.h"

/* "field=value" findings with units, as hlh-score reads them and as a user types them into a
 * field: a refused finding leaves the case exactly as it was. */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  HlhCase c, before;
  HlhField field;

  hlh_case_init (&c);
  hlh_case_set_choice (&c, HLH_FIELD_SPLENOMEGALY, HLH_ANSWER_YES);
  g_assert (hlh_case_set_number (&c, HLH_FIELD_FERRITIN, 8400, HLH_UNIT_FERRITIN_NG_ML, NULL));
  before = c;
  if (!hlh_case_parse_finding (&c, text, &error))
    {
      FUZZ_CHECK (error != NULL && error->message[0] != '\0');
      FUZZ_CHECK (memcmp (&c, &before, sizeof c) == 0);
    }
  g_clear_error (&error);

  /* The same text typed into one field, chosen by the first byte. */
  if (size == 0)
    return 0;
  field = data[0] % HLH_N_FIELDS;
  c = before;
  if (!hlh_case_set_from_text (&c, field, text + 1, hlh_field_get_info (field)->unit, data[0] & 0x80,
                               &error))
    {
      FUZZ_CHECK (error != NULL && error->message[0] != '\0');
      FUZZ_CHECK (memcmp (&c, &before, sizeof c) == 0);
    }
  return 0;
}
