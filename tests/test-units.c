/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "hlh-case.h"
#include "hlh-error.h"
#include "hlh-rules.h"
#include "test-locale.h"

/* Units and conversions, clinical-spec section 9. */

typedef struct
{
  double  value;
  HlhUnit from;
  HlhUnit to;
  double  expected;
  const char *source;
} Conversion;

static const Conversion conversions[] = {
  { 101.12, HLH_UNIT_FAHRENHEIT, HLH_UNIT_CELSIUS, 38.4, "(F - 32) × 5/9" },
  { 212, HLH_UNIT_FAHRENHEIT, HLH_UNIT_CELSIUS, 100, "(F - 32) × 5/9" },
  { 38.5, HLH_UNIT_CELSIUS, HLH_UNIT_FAHRENHEIT, 101.3, "inverse" },
  { 92, HLH_UNIT_HB_G_L, HLH_UNIT_HB_G_DL, 9.2, "g/L ÷ 10" },
  { 9.2, HLH_UNIT_HB_G_DL, HLH_UNIT_HB_G_L, 92, "inverse" },
  { 5.70952, HLH_UNIT_HB_MMOL_L, HLH_UNIT_HB_G_DL, 9.2, "mmol/L ÷ 0.6206" },
  { 5.5854, HLH_UNIT_HB_MMOL_L, HLH_UNIT_HB_G_L, 90, "mmol/L ÷ 0.6206 × 10" },
  { 5000, HLH_UNIT_CELLS_PER_UL, HLH_UNIT_CELLS_E9_L, 5, "/µL ÷ 1000" },
  { 5, HLH_UNIT_CELLS_E3_UL, HLH_UNIT_CELLS_E9_L, 5, "×10³/µL × 1" },
  { 2000, HLH_UNIT_FERRITIN_UG_L, HLH_UNIT_FERRITIN_NG_ML, 2000, "µg/L × 1" },
  { 4494, HLH_UNIT_FERRITIN_PMOL_L, HLH_UNIT_FERRITIN_NG_ML, 2000, "pmol/L ÷ 2.247" },
  { 132.855, HLH_UNIT_TG_MG_DL, HLH_UNIT_TG_MMOL_L, 1.5, "mg/dL ÷ 88.57" },
  { 3, HLH_UNIT_TG_MMOL_L, HLH_UNIT_TG_MG_DL, 265.71, "inverse" },
  { 250, HLH_UNIT_FIB_MG_DL, HLH_UNIT_FIB_G_L, 2.5, "mg/dL ÷ 100" },
  { 3.6, HLH_UNIT_FIB_G_L, HLH_UNIT_FIB_MG_DL, 360, "inverse" },
  { 0.5, HLH_UNIT_ENZYME_UKAT_L, HLH_UNIT_ENZYME_U_L, 30, "µkat/L × 60" },
  { 30, HLH_UNIT_ENZYME_IU_L, HLH_UNIT_ENZYME_U_L, 30, "IU/L × 1" },
  { 28, HLH_UNIT_AGE_DAYS, HLH_UNIT_AGE_WEEKS, 4, "7 days a week" },
  { 18, HLH_UNIT_AGE_MONTHS, HLH_UNIT_AGE_YEARS, 1.5, "12 months a year" },
  { 365.25, HLH_UNIT_AGE_DAYS, HLH_UNIT_AGE_YEARS, 1, "365.25 days a year" },
};

static void
test_conversions (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (conversions); i++)
    {
      const Conversion *c = &conversions[i];
      double got = hlh_unit_convert (c->value, c->from, c->to);

      g_test_message ("%g %s -> %s (%s)", c->value, hlh_unit_get_symbol (c->from),
                      hlh_unit_get_symbol (c->to), c->source);
      g_assert_cmpfloat_with_epsilon (got, c->expected, 1e-9 * MAX (1, c->expected));
    }
}

/* A value in a rule's own unit is used exactly as typed. */
static void
test_identity_is_exact (void)
{
  g_assert_true (hlh_unit_convert (38.4, HLH_UNIT_CELSIUS, HLH_UNIT_CELSIUS) == 38.4);
  g_assert_true (hlh_unit_convert (1.5, HLH_UNIT_TG_MMOL_L, HLH_UNIT_TG_MMOL_L) == 1.5);
}

typedef struct
{
  HlhQuantity quantity;
  const char *spelling;
  HlhUnit     unit;
} Spelling;

/* Every spelling issue 2 lists, plus case variants. */
static const Spelling spellings[] = {
  { HLH_QUANTITY_TEMPERATURE, "C", HLH_UNIT_CELSIUS },
  { HLH_QUANTITY_TEMPERATURE, "°C", HLH_UNIT_CELSIUS },
  { HLH_QUANTITY_TEMPERATURE, "F", HLH_UNIT_FAHRENHEIT },
  { HLH_QUANTITY_TEMPERATURE, "°F", HLH_UNIT_FAHRENHEIT },
  { HLH_QUANTITY_TEMPERATURE, "c", HLH_UNIT_CELSIUS },
  { HLH_QUANTITY_AGE, "years", HLH_UNIT_AGE_YEARS },
  { HLH_QUANTITY_AGE, "y", HLH_UNIT_AGE_YEARS },
  { HLH_QUANTITY_AGE, "months", HLH_UNIT_AGE_MONTHS },
  { HLH_QUANTITY_AGE, "mo", HLH_UNIT_AGE_MONTHS },
  { HLH_QUANTITY_AGE, "weeks", HLH_UNIT_AGE_WEEKS },
  { HLH_QUANTITY_AGE, "w", HLH_UNIT_AGE_WEEKS },
  { HLH_QUANTITY_AGE, "days", HLH_UNIT_AGE_DAYS },
  { HLH_QUANTITY_AGE, "d", HLH_UNIT_AGE_DAYS },
  { HLH_QUANTITY_HEMOGLOBIN, "g/dL", HLH_UNIT_HB_G_DL },
  { HLH_QUANTITY_HEMOGLOBIN, "g/L", HLH_UNIT_HB_G_L },
  { HLH_QUANTITY_HEMOGLOBIN, "mmol/L", HLH_UNIT_HB_MMOL_L },
  { HLH_QUANTITY_HEMOGLOBIN, "G/DL", HLH_UNIT_HB_G_DL },
  { HLH_QUANTITY_CELL_COUNT, "10^9/L", HLH_UNIT_CELLS_E9_L },
  { HLH_QUANTITY_CELL_COUNT, "G/L", HLH_UNIT_CELLS_E9_L },
  { HLH_QUANTITY_CELL_COUNT, "10^3/uL", HLH_UNIT_CELLS_E3_UL },
  { HLH_QUANTITY_CELL_COUNT, "10^3/µL", HLH_UNIT_CELLS_E3_UL },
  { HLH_QUANTITY_CELL_COUNT, "/uL", HLH_UNIT_CELLS_PER_UL },
  { HLH_QUANTITY_CELL_COUNT, "/µL", HLH_UNIT_CELLS_PER_UL },
  { HLH_QUANTITY_CELL_COUNT, "/mm3", HLH_UNIT_CELLS_PER_UL },
  { HLH_QUANTITY_FERRITIN, "ng/mL", HLH_UNIT_FERRITIN_NG_ML },
  { HLH_QUANTITY_FERRITIN, "ng/ml", HLH_UNIT_FERRITIN_NG_ML },
  { HLH_QUANTITY_FERRITIN, "ug/L", HLH_UNIT_FERRITIN_UG_L },
  { HLH_QUANTITY_FERRITIN, "µg/L", HLH_UNIT_FERRITIN_UG_L },
  { HLH_QUANTITY_FERRITIN, "pmol/L", HLH_UNIT_FERRITIN_PMOL_L },
  { HLH_QUANTITY_TRIGLYCERIDES, "mmol/L", HLH_UNIT_TG_MMOL_L },
  { HLH_QUANTITY_TRIGLYCERIDES, "mg/dL", HLH_UNIT_TG_MG_DL },
  { HLH_QUANTITY_TRIGLYCERIDES, "MG/DL", HLH_UNIT_TG_MG_DL },
  { HLH_QUANTITY_FIBRINOGEN, "g/L", HLH_UNIT_FIB_G_L },
  { HLH_QUANTITY_FIBRINOGEN, "mg/dL", HLH_UNIT_FIB_MG_DL },
  { HLH_QUANTITY_ENZYME, "U/L", HLH_UNIT_ENZYME_U_L },
  { HLH_QUANTITY_ENZYME, "IU/L", HLH_UNIT_ENZYME_IU_L },
  { HLH_QUANTITY_ENZYME, "ukat/L", HLH_UNIT_ENZYME_UKAT_L },
  { HLH_QUANTITY_ENZYME, "µkat/L", HLH_UNIT_ENZYME_UKAT_L },
  { HLH_QUANTITY_SCD25, "U/mL", HLH_UNIT_SCD25_U_ML },
};

static void
test_spellings (void)
{
  HlhUnit unit;

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      g_test_message ("%s", spellings[i].spelling);
      g_assert_true (hlh_unit_lookup (spellings[i].quantity, spellings[i].spelling, -1, &unit));
      g_assert_cmpint (unit, ==, spellings[i].unit);
    }
  /* A unit of another quantity is not accepted, and sCD25 takes no pg/mL (clinical-spec 9). */
  g_assert_false (hlh_unit_lookup (HLH_QUANTITY_FERRITIN, "mg/dL", -1, &unit));
  g_assert_false (hlh_unit_lookup (HLH_QUANTITY_SCD25, "pg/mL", -1, &unit));
  g_assert_false (hlh_unit_lookup (HLH_QUANTITY_TEMPERATURE, "K", -1, &unit));
}

typedef struct
{
  HlhField    field;
  double      value;
  HlhUnit     unit;
  const char *hint;
} Implausible;

/* clinical-spec section 9: outside the plausible range, the message names the mix-up. */
static const Implausible implausible[] = {
  { HLH_FIELD_TEMPERATURE, 101.3, HLH_UNIT_CELSIUS, "°F" },
  { HLH_FIELD_TEMPERATURE, 50, HLH_UNIT_FAHRENHEIT, "°C" },
  { HLH_FIELD_TRIGLYCERIDES, 310, HLH_UNIT_TG_MMOL_L, "mg/dL" },
  { HLH_FIELD_FIBRINOGEN, 250, HLH_UNIT_FIB_G_L, "mg/dL" },
  { HLH_FIELD_HEMOGLOBIN, 92, HLH_UNIT_HB_G_DL, "g/L" },
  { HLH_FIELD_HEMOGLOBIN, 9.2, HLH_UNIT_HB_G_L, "g/dL" },
  { HLH_FIELD_PLATELETS, 150000, HLH_UNIT_CELLS_E9_L, "/µL" },
  { HLH_FIELD_LEUKOCYTES, 5000, HLH_UNIT_CELLS_E9_L, "/µL" },
  { HLH_FIELD_FERRITIN, 2000000, HLH_UNIT_FERRITIN_NG_ML, "1000000" },
  { HLH_FIELD_SCD25, 1000001, HLH_UNIT_SCD25_U_ML, "1000000" },
  { HLH_FIELD_AGE, 130, HLH_UNIT_AGE_YEARS, "months" },
};

static void
test_plausible_ranges (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (implausible); i++)
    {
      const Implausible *c = &implausible[i];
      const char *label = _(hlh_field_get_info (c->field)->label);
      g_autoptr(GError) error = NULL;

      g_assert_false (hlh_field_check_number (c->field, c->value, c->unit, &error));
      g_assert_error (error, HLH_ERROR, HLH_ERROR_RANGE);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, label));
      g_assert_nonnull (strstr (error->message, c->hint));
    }

  /* The ends of each range are plausible. */
  g_assert_true (hlh_field_check_number (HLH_FIELD_TEMPERATURE, 25, HLH_UNIT_CELSIUS, NULL));
  g_assert_true (hlh_field_check_number (HLH_FIELD_TEMPERATURE, 45, HLH_UNIT_CELSIUS, NULL));
  g_assert_true (hlh_field_check_number (HLH_FIELD_TEMPERATURE, 113, HLH_UNIT_FAHRENHEIT, NULL));
  g_assert_false (hlh_field_check_number (HLH_FIELD_TEMPERATURE, 113.1, HLH_UNIT_FAHRENHEIT, NULL));
  g_assert_true (hlh_field_check_number (HLH_FIELD_HEMOGLOBIN, 1, HLH_UNIT_HB_G_DL, NULL));
  g_assert_true (hlh_field_check_number (HLH_FIELD_HEMOGLOBIN, 250, HLH_UNIT_HB_G_L, NULL));
  g_assert_false (hlh_field_check_number (HLH_FIELD_HEMOGLOBIN, 0.99, HLH_UNIT_HB_G_DL, NULL));
  g_assert_true (hlh_field_check_number (HLH_FIELD_PLATELETS, 3000, HLH_UNIT_CELLS_E9_L, NULL));
  g_assert_true (hlh_field_check_number (HLH_FIELD_PLATELETS, 0, HLH_UNIT_CELLS_E9_L, NULL));
  g_assert_true (hlh_field_check_number (HLH_FIELD_TRIGLYCERIDES, 100, HLH_UNIT_TG_MMOL_L, NULL));
  g_assert_true (hlh_field_check_number (HLH_FIELD_FIBRINOGEN, 20, HLH_UNIT_FIB_G_L, NULL));
  g_assert_true (hlh_field_check_number (HLH_FIELD_AST, 100000, HLH_UNIT_ENZYME_U_L, NULL));
  g_assert_true (hlh_field_check_number (HLH_FIELD_AGE, 120, HLH_UNIT_AGE_YEARS, NULL));
}

static void
test_wrong_quantity (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (hlh_field_check_number (HLH_FIELD_FERRITIN, 5, HLH_UNIT_TG_MG_DL, &error));
  g_assert_error (error, HLH_ERROR, HLH_ERROR_UNIT);
  g_assert_nonnull (strstr (error->message, "pmol/L"));
}

static void
test_format_number (void)
{
  static const struct { double v; const char *text; } cases[] = {
    { 38.4, "38.4" }, { 2000, "2000" }, { 0, "0" }, { -0.0, "0" }, { 0.0113, "0.0113" },
    { 1.5, "1.5" }, { 3.50006, "3.5001" },
    /* The minus sign for people (the MS score's cut-off), as the teaching texts write it. */
    { -2.1, "−2.1" }, { -0.00001, "0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hlh_format_number (cases[i].v);
      g_autofree char *expected = test_local_number (cases[i].text);
      g_assert_cmpstr (text, ==, expected);
    }
  /* All decimals shown (the MS score's value); machine text keeps "-". */
  {
    g_autofree char *fixed = hlh_format_fixed (-0.986, 2);
    g_autofree char *expected = test_local_number ("−0.99");
    g_autofree char *ascii = hlh_format_number_ascii (-2.1, 4);

    g_assert_cmpstr (fixed, ==, expected);
    g_assert_cmpstr (ascii, ==, "-2.1");
  }
}

/* Text for people uses the locale's decimal mark; machine text never does. */
static void
test_format_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  if (g_strcmp0 (g_getenv ("HLH_TEST_LOCALES"), "1") != 0)
    {
      g_test_skip ("built with -Dlocale_tests=false: no de_DE or fr_FR locale");
      return;
    }
  for (guint i = 0; i < 3; i++)
    {
      static const struct { const char *locale, *mark; } locales[] = {
        { "C", "." }, { "de_DE.UTF-8", "," }, { "fr_FR.UTF-8", "," },
      };
      g_autofree char *number = NULL, *fixed = NULL, *ascii = NULL, *threshold = NULL;
      g_autofree char *compared = NULL, *expected = NULL;

      /* CI generates these locales (.ci/run); without them this test cannot check anything. */
      g_assert_nonnull (setlocale (LC_NUMERIC, locales[i].locale));
      number = hlh_format_number (38.4);
      expected = g_strdup_printf ("38%s4", locales[i].mark);
      g_assert_cmpstr (number, ==, expected);
      fixed = hlh_format_fixed (40, 1);
      g_free (expected);
      expected = g_strdup_printf ("40%s0", locales[i].mark);
      g_assert_cmpstr (fixed, ==, expected);
      threshold = hlh_format_threshold (1.5, HLH_UNIT_FIB_G_L);
      g_free (expected);
      expected = g_strdup_printf ("1%s5 g/L", locales[i].mark);
      g_assert_cmpstr (threshold, ==, expected);
      /* One decimal more than two, where two would make 1.4999 look equal to 1.5. */
      compared = hlh_format_compared (1.4999, 1.5, HLH_UNIT_TG_MMOL_L);
      g_free (expected);
      expected = g_strdup_printf ("1%s4999 mmol/L", locales[i].mark);
      g_assert_cmpstr (compared, ==, expected);
      ascii = hlh_format_number_ascii (38.4, 4);
      g_assert_cmpstr (ascii, ==, "38.4");
    }
  setlocale (LC_NUMERIC, saved);
}

/* US: conventional units and °F; everywhere else SI (issue 5). */
static void
test_units_for_locale (void)
{
  static const struct { const char *locale; gboolean conventional; } cases[] = {
    { "en_US.UTF-8", TRUE }, { "en_US", TRUE }, { "es_US.UTF-8", TRUE }, { "es_PR.UTF-8", TRUE },
    { "en_US.UTF-8@modifier", TRUE }, { "en_GB.UTF-8", FALSE }, { "fr_FR.UTF-8", FALSE },
    { "de_DE.UTF-8", FALSE }, { "de_DE@euro", FALSE }, { "fr_CA.UTF-8", FALSE },
    { "en_USA", FALSE }, { "C", FALSE }, { "C.UTF-8", FALSE }, { "POSIX", FALSE }, { "", FALSE },
    { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (hlh_locale_prefers_conventional_units (cases[i].locale), ==,
                     cases[i].conventional);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hlh/units/conversions", test_conversions);
  g_test_add_func ("/hlh/units/identity-is-exact", test_identity_is_exact);
  g_test_add_func ("/hlh/units/spellings", test_spellings);
  g_test_add_func ("/hlh/units/plausible-ranges", test_plausible_ranges);
  g_test_add_func ("/hlh/units/wrong-quantity", test_wrong_quantity);
  g_test_add_func ("/hlh/units/format-number", test_format_number);
  g_test_add_func ("/hlh/units/format-locale", test_format_locale);
  g_test_add_func ("/hlh/units/units-for-locale", test_units_for_locale);
  return g_test_run ();
}
