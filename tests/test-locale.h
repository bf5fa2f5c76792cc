/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <locale.h>
#include <string.h>

#include <glib.h>

/* An expected number written with "." in the test, as the current locale shows it to people:
 * the tests run under C, de_DE and fr_FR, and text for people uses the locale's decimal mark.
 * Only the mark changes; the digits stay the ones written in the test. */
static inline char *
test_local_number (const char *ascii)
{
  const char *mark = localeconv ()->decimal_point;
  GString *s = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (*p == '.')
        g_string_append (s, mark);
      else
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}
