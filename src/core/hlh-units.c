/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "hlh-units.h"

/* clinical-spec section 9. Spellings include both micro signs (U+00B5 and U+03BC). */
static const HlhUnitInfo units[HLH_N_UNITS] = {
  { HLH_UNIT_CELSIUS, HLH_QUANTITY_TEMPERATURE, "°C", { "°C", "C", "degC", NULL }, 0, 1, 1 },
  { HLH_UNIT_FAHRENHEIT, HLH_QUANTITY_TEMPERATURE, "°F", { "°F", "F", "degF", NULL }, -32, 5, 9 },
  { HLH_UNIT_HB_G_DL, HLH_QUANTITY_HEMOGLOBIN, "g/dL", { "g/dL", NULL }, 0, 1, 1 },
  { HLH_UNIT_HB_G_L, HLH_QUANTITY_HEMOGLOBIN, "g/L", { "g/L", NULL }, 0, 1, 10 },
  { HLH_UNIT_HB_MMOL_L, HLH_QUANTITY_HEMOGLOBIN, "mmol/L", { "mmol/L", NULL }, 0, 1, 0.6206 },
  { HLH_UNIT_CELLS_E9_L, HLH_QUANTITY_CELL_COUNT, "×10⁹/L",
    { "10^9/L", "G/L", "×10⁹/L", "x10^9/L", "×10^9/L", "10⁹/L", NULL }, 0, 1, 1 },
  { HLH_UNIT_CELLS_E3_UL, HLH_QUANTITY_CELL_COUNT, "×10³/µL",
    { "10^3/uL", "10^3/µL", "10^3/μL", "×10³/µL", "x10^3/uL", "×10^3/µL", "10³/µL", NULL },
    0, 1, 1 },
  { HLH_UNIT_CELLS_PER_UL, HLH_QUANTITY_CELL_COUNT, "/µL",
    { "/uL", "/µL", "/μL", "/mm3", "/mm³", NULL }, 0, 1, 1000 },
  { HLH_UNIT_FERRITIN_NG_ML, HLH_QUANTITY_FERRITIN, "ng/mL", { "ng/mL", NULL }, 0, 1, 1 },
  { HLH_UNIT_FERRITIN_UG_L, HLH_QUANTITY_FERRITIN, "µg/L", { "µg/L", "ug/L", "μg/L", NULL },
    0, 1, 1 },
  { HLH_UNIT_FERRITIN_PMOL_L, HLH_QUANTITY_FERRITIN, "pmol/L", { "pmol/L", NULL }, 0, 1, 2.247 },
  { HLH_UNIT_TG_MMOL_L, HLH_QUANTITY_TRIGLYCERIDES, "mmol/L", { "mmol/L", NULL }, 0, 1, 1 },
  { HLH_UNIT_TG_MG_DL, HLH_QUANTITY_TRIGLYCERIDES, "mg/dL", { "mg/dL", NULL }, 0, 1, 88.57 },
  { HLH_UNIT_FIB_G_L, HLH_QUANTITY_FIBRINOGEN, "g/L", { "g/L", NULL }, 0, 1, 1 },
  { HLH_UNIT_FIB_MG_DL, HLH_QUANTITY_FIBRINOGEN, "mg/dL", { "mg/dL", NULL }, 0, 1, 100 },
  { HLH_UNIT_ENZYME_U_L, HLH_QUANTITY_ENZYME, "U/L", { "U/L", NULL }, 0, 1, 1 },
  { HLH_UNIT_ENZYME_IU_L, HLH_QUANTITY_ENZYME, "IU/L", { "IU/L", NULL }, 0, 1, 1 },
  { HLH_UNIT_ENZYME_UKAT_L, HLH_QUANTITY_ENZYME, "µkat/L",
    { "µkat/L", "ukat/L", "μkat/L", NULL }, 0, 60, 1 },
  { HLH_UNIT_SCD25_U_ML, HLH_QUANTITY_SCD25, "U/mL", { "U/mL", NULL }, 0, 1, 1 },
  { HLH_UNIT_AGE_YEARS, HLH_QUANTITY_AGE, "years", { "years", "y", "year", "yr", NULL }, 0, 1, 1 },
  { HLH_UNIT_AGE_MONTHS, HLH_QUANTITY_AGE, "months", { "months", "mo", "month", NULL }, 0, 1, 12 },
  { HLH_UNIT_AGE_WEEKS, HLH_QUANTITY_AGE, "weeks", { "weeks", "w", "week", "wk", NULL },
    0, 7, 365.25 },
  { HLH_UNIT_AGE_DAYS, HLH_QUANTITY_AGE, "days", { "days", "d", "day", NULL }, 0, 1, 365.25 },
};

static const HlhUnit canonical[HLH_N_QUANTITIES] = {
  [HLH_QUANTITY_TEMPERATURE] = HLH_UNIT_CELSIUS,
  [HLH_QUANTITY_HEMOGLOBIN] = HLH_UNIT_HB_G_DL,
  [HLH_QUANTITY_CELL_COUNT] = HLH_UNIT_CELLS_E9_L,
  [HLH_QUANTITY_FERRITIN] = HLH_UNIT_FERRITIN_NG_ML,
  [HLH_QUANTITY_TRIGLYCERIDES] = HLH_UNIT_TG_MMOL_L,
  [HLH_QUANTITY_FIBRINOGEN] = HLH_UNIT_FIB_G_L,
  [HLH_QUANTITY_ENZYME] = HLH_UNIT_ENZYME_U_L,
  [HLH_QUANTITY_SCD25] = HLH_UNIT_SCD25_U_ML,
  [HLH_QUANTITY_AGE] = HLH_UNIT_AGE_YEARS,
};

const HlhUnitInfo *
hlh_unit_get_info (HlhUnit unit)
{
  g_return_val_if_fail (unit < HLH_N_UNITS, &units[0]);
  return &units[unit];
}

const char *
hlh_unit_get_symbol (HlhUnit unit)
{
  return hlh_unit_get_info (unit)->symbol;
}

/**
 * hlh_locale_prefers_conventional_units:
 * @locale: (nullable): a locale name as setlocale() gives it ("en_US.UTF-8", "de_DE@euro")
 *
 * Whether people in @locale's territory expect conventional laboratory units (g/dL, mg/dL)
 * and °F: the United States and the territories that follow its practice. Everywhere else,
 * and for "C" or no locale, SI.
 *
 * Returns: %TRUE for conventional units
 */
gboolean
hlh_locale_prefers_conventional_units (const char *locale)
{
  static const char *const territories[] = { "US", "PR", "GU", "VI", "AS", "MP", "UM" };
  const char *underscore;
  gsize length;

  if (locale == NULL || (underscore = strchr (locale, '_')) == NULL)
    return FALSE;
  underscore++;
  length = strcspn (underscore, ".@;");
  for (guint i = 0; i < G_N_ELEMENTS (territories); i++)
    if (length == strlen (territories[i]) && strncmp (underscore, territories[i], length) == 0)
      return TRUE;
  return FALSE;
}

/**
 * hlh_unit_get_label:
 *
 * The unit as shown to people: the symbol, except for the units of age, which are words and
 * are translated. Case files, JSON and CSV use hlh_unit_get_symbol().
 *
 * Returns: the label
 */
const char *
hlh_unit_get_label (HlhUnit unit)
{
  if (unit == HLH_UNIT_AGE_YEARS)
    /* Translators: a unit of age, after the number ("30 years"); people may type it too */
    return C_("unit", "years");
  if (unit == HLH_UNIT_AGE_MONTHS)
    /* Translators: a unit of age, after the number ("3 months"); people may type it too */
    return C_("unit", "months");
  if (unit == HLH_UNIT_AGE_WEEKS)
    /* Translators: a unit of age, after the number ("2 weeks"); people may type it too */
    return C_("unit", "weeks");
  if (unit == HLH_UNIT_AGE_DAYS)
    /* Translators: a unit of age, after the number ("10 days"); people may type it too */
    return C_("unit", "days");
  return hlh_unit_get_symbol (unit);
}

HlhQuantity
hlh_unit_get_quantity (HlhUnit unit)
{
  return hlh_unit_get_info (unit)->quantity;
}

HlhUnit
hlh_quantity_get_canonical (HlhQuantity quantity)
{
  g_return_val_if_fail (quantity < HLH_N_QUANTITIES, HLH_UNIT_CELSIUS);
  return canonical[quantity];
}

/* ASCII letters compare without case; other bytes (µ, °, ⁹) must match exactly. */
static gboolean
spelling_equal (const char *spelling,
                const char *text,
                gsize       length)
{
  return strlen (spelling) == length && g_ascii_strncasecmp (spelling, text, length) == 0;
}

static gboolean
unit_has_spelling (const HlhUnitInfo *info,
                   const char        *text,
                   gsize              length)
{
  for (guint i = 0; info->spellings[i] != NULL; i++)
    if (spelling_equal (info->spellings[i], text, length))
      return TRUE;
  return FALSE;
}

/**
 * hlh_unit_lookup:
 * @quantity: the quantity the unit must measure
 * @spelling: the unit as typed (not nul-terminated if @length is not -1)
 * @length: the length of @spelling in bytes, or -1
 * @unit: (out): the unit
 *
 * Returns: %TRUE if @spelling is an accepted spelling of a unit of @quantity
 */
gboolean
hlh_unit_lookup (HlhQuantity  quantity,
                 const char  *spelling,
                 gsize        length,
                 HlhUnit     *unit)
{
  g_return_val_if_fail (spelling != NULL, FALSE);

  if (length == (gsize) -1)
    length = strlen (spelling);
  for (guint i = 0; i < HLH_N_UNITS; i++)
    {
      /* The words shown for units of age, in the reader's language, read back too. */
      if (units[i].quantity == quantity &&
          (unit_has_spelling (&units[i], spelling, length) ||
           (quantity == HLH_QUANTITY_AGE &&
            spelling_equal (hlh_unit_get_label (units[i].unit), spelling, length))))
        {
          *unit = units[i].unit;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * hlh_unit_is_spelling:
 *
 * Returns: %TRUE if @spelling names a unit of any quantity
 */
gboolean
hlh_unit_is_spelling (const char *spelling,
                      gsize       length)
{
  if (length == (gsize) -1)
    length = strlen (spelling);
  for (guint i = 0; i < HLH_N_UNITS; i++)
    if (unit_has_spelling (&units[i], spelling, length))
      return TRUE;
  return FALSE;
}

/**
 * hlh_unit_convert:
 * @value: a value in @from
 * @from: its unit
 * @to: a unit of the same quantity
 *
 * A value in its own unit comes back untouched, so a value typed in a rule's native unit is
 * compared exactly as typed.
 *
 * Returns: @value expressed in @to
 */
double
hlh_unit_convert (double  value,
                  HlhUnit from,
                  HlhUnit to)
{
  const HlhUnitInfo *a, *b;
  double canonical_value;

  if (from == to)
    return value;
  a = hlh_unit_get_info (from);
  b = hlh_unit_get_info (to);
  g_return_val_if_fail (a->quantity == b->quantity, value);
  canonical_value = (value + a->offset) * a->multiply / a->divide;
  return canonical_value * b->divide / b->multiply - b->offset;
}

/**
 * hlh_quantity_dup_spellings:
 *
 * Returns: (transfer full): the accepted units of @quantity, for messages ("ng/mL, µg/L, pmol/L")
 */
char *
hlh_quantity_dup_spellings (HlhQuantity quantity)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < HLH_N_UNITS; i++)
    {
      if (units[i].quantity != quantity)
        continue;
      if (s->len > 0)
        g_string_append (s, ", ");
      g_string_append (s, units[i].symbol);
    }
  return g_string_free (s, FALSE);
}

/* The decimal mark of the current LC_NUMERIC locale: "," in fr_FR and de_DE, "." in C. */
static const char *
locale_decimal_mark (void)
{
  const struct lconv *conv = localeconv ();

  if (conv == NULL || conv->decimal_point == NULL || conv->decimal_point[0] == '\0')
    return ".";
  return conv->decimal_point;
}

/**
 * hlh_localize_decimal:
 * @ascii: (transfer full): a number written with "." as decimal mark
 *
 * Replaces the "." of @ascii with the locale's decimal mark, for text people read. Machine
 * output (case files, JSON, CSV) keeps ".".
 *
 * Returns: (transfer full): the text
 */
char *
hlh_localize_decimal (char *ascii)
{
  const char *mark = locale_decimal_mark ();
  char *dot;
  char *localized;

  if (ascii == NULL || strcmp (mark, ".") == 0 || (dot = strchr (ascii, '.')) == NULL)
    return ascii;
  *dot = '\0';
  localized = g_strconcat (ascii, mark, dot + 1, NULL);
  g_free (ascii);
  return localized;
}

/* @value with exactly @decimals decimals (at most 9) and "." as decimal mark; "?" if it is
 * not finite. */
static char *
format_ascii_fixed (double value,
                    guint  decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE + 16];
  char format[8];

  if (!isfinite (value))
    return g_strdup ("?");
  g_snprintf (format, sizeof format, "%%.%uf", MIN (decimals, 9));
  return g_strdup (g_ascii_formatd (buf, sizeof buf, format, value));
}

/* @ascii, a number formatted for machines, made for people: the locale's decimal mark and
 * the minus sign ("−2.1", as the teaching texts write it; "-" stays in machine text). */
static char *
for_people (char *ascii)
{
  char *text = hlh_localize_decimal (ascii);

  if (text != NULL && text[0] == '-')
    {
      char *signed_text = g_strconcat ("−", text + 1, NULL);

      g_free (text);
      return signed_text;
    }
  return text;
}

/**
 * hlh_format_fixed:
 * @decimals: the number of decimals, all shown ("40.0")
 *
 * Returns: (transfer full): the value with the locale's decimal mark and the minus sign
 */
char *
hlh_format_fixed (double value,
                  guint  decimals)
{
  return for_people (format_ascii_fixed (value, decimals));
}

/**
 * hlh_format_number_ascii:
 * @decimals: the most decimals to show
 *
 * Formats a value with "." as decimal mark, no grouping and no trailing zeros ("38.4",
 * "2000"), whatever the locale.
 *
 * Returns: (transfer full): the text
 */
char *
hlh_format_number_ascii (double value,
                         guint  decimals)
{
  g_autofree char *buf = format_ascii_fixed (value, decimals);
  char *end;

  if (strchr (buf, '.') != NULL)
    {
      end = buf + strlen (buf) - 1;
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  if (strcmp (buf, "-0") == 0)
    return g_strdup ("0");
  return g_steal_pointer (&buf);
}

/**
 * hlh_format_number_decimals:
 * @decimals: the most decimals to show
 *
 * Formats a value for people to read: the locale's decimal mark, the minus sign, no grouping,
 * no trailing zeros ("38,4" in fr_FR, "2000", "−2.1").
 *
 * Returns: (transfer full): the text
 */
char *
hlh_format_number_decimals (double value,
                            guint  decimals)
{
  return for_people (hlh_format_number_ascii (value, decimals));
}

/**
 * hlh_format_number:
 *
 * hlh_format_number_decimals() with at most four decimals.
 *
 * Returns: (transfer full): the text
 */
char *
hlh_format_number (double value)
{
  return hlh_format_number_decimals (value, 4);
}
