/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "hlh-error.h"
#include "hlh-parse.h"

/* The number parser, clinical-spec section 9. Also run under de_DE.UTF-8 and fr_FR.UTF-8:
 * the reading of a typed number must not depend on the locale. */

typedef struct
{
  const char *text;
  double      value;
  int         error;  /* -1: accepted */
  const char *shown;  /* the message must contain this (both readings, the bound...) */
} ParseCase;

static const ParseCase human[] = {
  { "3.5", 3.5, -1, NULL },
  { "3,5", 3.5, -1, NULL },
  { "38", 38, -1, NULL },
  { " 38.5 ", 38.5, -1, NULL },
  { "0", 0, -1, NULL },
  { "007", 7, -1, NULL },
  { "1,23", 1.23, -1, NULL },
  { "1.2345", 1.2345, -1, NULL },
  { "12,0", 12, -1, NULL },
  { "12 000", 12000, -1, NULL },
  { "12\u00A0000", 12000, -1, NULL },   /* no-break space */
  { "12\u202F000", 12000, -1, NULL },   /* narrow no-break space */
  { "12\u2009000", 12000, -1, NULL },   /* thin space */
  { "1 234 567", 1234567, -1, NULL },
  { "1 234 567,5", 1234567.5, -1, NULL },
  { "12 000.25", 12000.25, -1, NULL },
  { "0.5", 0.5, -1, NULL },
  { "0,12", 0.12, -1, NULL },
  { "0.500", 0, HLH_ERROR_AMBIGUOUS, "0.5" },   /* clinical-spec 9 makes no exception */
  { ".5", 0.5, -1, NULL },
  { ",75", 0.75, -1, NULL },
  { "38.", 38, -1, NULL },              /* a decimal mark typed, digits still to come */
  { "101.12", 101.12, -1, NULL },
  { "5.70952", 5.70952, -1, NULL },
  { "", 0, HLH_ERROR_EMPTY, NULL },
  { "   ", 0, HLH_ERROR_EMPTY, NULL },
  { "12,000", 0, HLH_ERROR_AMBIGUOUS, "12000" },
  { "12,000", 0, HLH_ERROR_AMBIGUOUS, "12.0" },
  { "1.500", 0, HLH_ERROR_AMBIGUOUS, "1500" },
  { "1.500", 0, HLH_ERROR_AMBIGUOUS, "1.5" },
  { "1.234", 0, HLH_ERROR_AMBIGUOUS, "1234" },
  { "1.234", 0, HLH_ERROR_AMBIGUOUS, "1.2340" },
  { "132.855", 0, HLH_ERROR_AMBIGUOUS, "132855" },
  { "12 000,500", 0, HLH_ERROR_AMBIGUOUS, NULL },
  { "1,234.5", 0, HLH_ERROR_AMBIGUOUS, "1234.5" },
  { "1.234,5", 0, HLH_ERROR_AMBIGUOUS, "1234.5" },
  { "1.2.3", 0, HLH_ERROR_AMBIGUOUS, NULL },
  { "1,,5", 0, HLH_ERROR_AMBIGUOUS, NULL },
  { "<0.5", 0, HLH_ERROR_BOUND, "<0.5" },
  { ">100", 0, HLH_ERROR_BOUND, NULL },
  { "\u2264 5", 0, HLH_ERROR_BOUND, NULL },
  { "\u2265 5", 0, HLH_ERROR_BOUND, NULL },
  { "-5", 0, HLH_ERROR_SYNTAX, NULL },
  { "+5", 0, HLH_ERROR_SYNTAX, NULL },
  { "\u22125", 0, HLH_ERROR_SYNTAX, NULL },
  { "1e5", 0, HLH_ERROR_SYNTAX, NULL },
  { "1E-3", 0, HLH_ERROR_SYNTAX, NULL },
  { "NaN", 0, HLH_ERROR_SYNTAX, NULL },
  { "nan", 0, HLH_ERROR_SYNTAX, NULL },
  { "inf", 0, HLH_ERROR_SYNTAX, NULL },
  { "Infinity", 0, HLH_ERROR_SYNTAX, NULL },
  { "0x10", 0, HLH_ERROR_SYNTAX, NULL },
  { "12abc", 0, HLH_ERROR_SYNTAX, NULL },
  { "abc", 0, HLH_ERROR_SYNTAX, NULL },
  { "12 00", 0, HLH_ERROR_SYNTAX, NULL },
  { "1 2", 0, HLH_ERROR_SYNTAX, NULL },
  { "12  000", 0, HLH_ERROR_SYNTAX, NULL },
  { "1234 567", 0, HLH_ERROR_SYNTAX, NULL },
  { "12,5 0", 0, HLH_ERROR_SYNTAX, NULL },
  { ".", 0, HLH_ERROR_SYNTAX, NULL },
  { ",", 0, HLH_ERROR_SYNTAX, NULL },
  { "1_000", 0, HLH_ERROR_SYNTAX, NULL },
  { "1'000", 0, HLH_ERROR_SYNTAX, NULL },
  { "5%", 0, HLH_ERROR_SYNTAX, NULL },
  { "1\x01", 0, HLH_ERROR_SYNTAX, NULL },
  { "1\n2", 0, HLH_ERROR_SYNTAX, NULL },
  { "\xff\xfe", 0, HLH_ERROR_SYNTAX, NULL },
  { "\u0661\u0662", 0, HLH_ERROR_SYNTAX, NULL },   /* Arabic-Indic digits */
  { "\uFF11\uFF12", 0, HLH_ERROR_SYNTAX, NULL },   /* full-width digits */
  { "12345678901234567890123456789012345678901234567890123456789012345", 0,
    HLH_ERROR_TOO_LONG, NULL },
};

static const ParseCase machine[] = {
  { "38.5", 38.5, -1, NULL },
  { "2000", 2000, -1, NULL },
  { "1.500", 1.5, -1, NULL },   /* files use "." only: never ambiguous there */
  { "0.125", 0.125, -1, NULL },
  { "", 0, HLH_ERROR_EMPTY, NULL },
  { "3,5", 0, HLH_ERROR_SYNTAX, NULL },
  { "12 000", 0, HLH_ERROR_SYNTAX, NULL },
  { "-1", 0, HLH_ERROR_SYNTAX, NULL },
  { "+1", 0, HLH_ERROR_SYNTAX, NULL },
  { "1e3", 0, HLH_ERROR_SYNTAX, NULL },
  { ".5", 0, HLH_ERROR_SYNTAX, NULL },
  { "5.", 0, HLH_ERROR_SYNTAX, NULL },
  { "1.2.3", 0, HLH_ERROR_SYNTAX, NULL },
  { "nan", 0, HLH_ERROR_SYNTAX, NULL },
  { " 5", 0, HLH_ERROR_SYNTAX, NULL },
  { "12345678901234567890123456789012345678901234567890123456789012345", 0,
    HLH_ERROR_TOO_LONG, NULL },
};

static void
check (const ParseCase *c,
       gboolean         ok,
       double           value,
       GError          *error)
{
  g_test_message ("“%s”", c->text);
  if (c->error < 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpfloat_with_epsilon (value, c->value, 1e-12);
      return;
    }
  g_assert_false (ok);
  g_assert_error (error, HLH_ERROR, c->error);
  if (c->shown != NULL && strstr (error->message, c->shown) == NULL)
    g_error ("“%s”: message “%s” lacks “%s”", c->text, error->message, c->shown);
}

static void
test_human (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (human); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = -1;
      gboolean ok = hlh_parse_number (human[i].text, &value, &error);
      check (&human[i], ok, value, error);
    }
}

static void
test_machine (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (machine); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = -1;
      gboolean ok = hlh_parse_machine_number (machine[i].text, strlen (machine[i].text),
                                              &value, &error);
      check (&machine[i], ok, value, error);
    }
}

/* Not nul-terminated: the machine parser reads exactly the bytes it is given. */
static void
test_machine_length (void)
{
  double value;

  g_assert_true (hlh_parse_machine_number ("38.5,39", 4, &value, NULL));
  g_assert_cmpfloat (value, ==, 38.5);
  g_assert_false (hlh_parse_machine_number ("38.5,39", 5, &value, NULL));
}

/* Every message names what was typed, so the user sees which input is meant. */
static void
test_messages_quote_input (void)
{
  static const char *inputs[] = { "12,000", "<0.5", "1e5", "-5", "1,234.5", "12 00" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      double value;

      g_assert_false (hlh_parse_number (inputs[i], &value, &error));
      g_assert_nonnull (strstr (error->message, inputs[i]));
    }
}

/* The machine parser's fast path must give the very double strtod gives. */
static void
test_machine_matches_strtod (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20140901);

  for (guint i = 0; i < 200000; i++)
    {
      char text[64];
      int decimals = g_rand_int_range (rand, 0, 8);
      double x = g_rand_double_range (rand, 0, g_rand_boolean (rand) ? 100 : 1000000);
      double parsed;

      g_ascii_formatd (text, sizeof text, decimals == 0 ? "%.0f" : decimals == 1 ? "%.1f" :
                       decimals == 2 ? "%.2f" : decimals == 3 ? "%.3f" : decimals == 4 ? "%.4f" :
                       decimals == 5 ? "%.5f" : decimals == 6 ? "%.6f" : "%.7f", x);
      g_assert_true (hlh_parse_machine_number (text, strlen (text), &parsed, NULL));
      if (memcmp (&parsed, &(double) { g_ascii_strtod (text, NULL) }, sizeof parsed) != 0)
        g_error ("“%s”: %.17g", text, parsed);
    }
}

static void
test_locale (void)
{
  const char *expected = g_getenv ("HLH_TEST_DECIMAL_POINT");
  struct lconv *lc = localeconv ();

  if (expected == NULL)
    {
      g_test_skip ("runs in the locale variants only");
      return;
    }
  /* The locale must really be active, or the locale variant tests nothing. */
  g_assert_cmpstr (lc->decimal_point, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hlh/parse/locale", test_locale);
  g_test_add_func ("/hlh/parse/human", test_human);
  g_test_add_func ("/hlh/parse/machine", test_machine);
  g_test_add_func ("/hlh/parse/machine-length", test_machine_length);
  g_test_add_func ("/hlh/parse/machine-matches-strtod", test_machine_matches_strtod);
  g_test_add_func ("/hlh/parse/messages-quote-input", test_messages_quote_input);
  return g_test_run ();
}
