/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hlh-error.h"
#include "hlh-parse.h"

/* Numbers as people type them (clinical-spec section 9). A misread number is a clinical error,
 * so anything that could be read two ways is refused with both readings shown. */

gboolean
hlh_is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0x00A0 || c == 0x2007 || c == 0x2009 || c == 0x202F;
}

static gboolean
is_separator (gunichar c)
{
  return c == '.' || c == ',';
}

static gboolean
is_bound (gunichar c)
{
  return c == '<' || c == '>' || c == 0x2264 || c == 0x2265;
}

static gboolean
is_sign (gunichar c)
{
  return c == '+' || c == '-' || c == 0x2212;
}

/* The decimal reading of "int.frac", written so that it cannot be misread again:
 * "12,000" -> "12.0", "1.500" -> "1.5", "1.234" -> "1.2340". */
static char *
unambiguous_decimal (const char *int_part,
                     const char *frac)
{
  g_autofree char *trimmed = g_strdup (frac);
  gsize n = strlen (trimmed);

  while (n > 0 && trimmed[n - 1] == '0')
    trimmed[--n] = '\0';
  if (n == 0)
    return g_strdup_printf ("%s.0", int_part);
  if (n == 3)
    return g_strdup_printf ("%s.%s0", int_part, trimmed);
  return g_strdup_printf ("%s.%s", int_part, trimmed);
}

static gboolean
fail (GError    **error,
      HlhError    code,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError    **error,
      HlhError    code,
      const char *format,
      ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;
  va_start (args, format);
  *error = g_error_new_valist (HLH_ERROR, code, format, args);
  va_end (args);
  return FALSE;
}

/* Reads the characters into digits and separators, checking each is allowed. */
static gboolean
tokenize (const char  *text,
          const char  *original,
          GString     *out,
          guint       *n_separators,
          GError     **error)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (c))
        g_string_append_c (out, (char) c);
      else if (is_separator (c))
        {
          g_string_append_c (out, (char) c);
          (*n_separators)++;
        }
      else if (hlh_is_space (c))
        g_string_append_c (out, ' ');
      else if (is_bound (c))
        return fail (error, HLH_ERROR_BOUND,
                     _("“%s” is a bound, not a value: enter the number itself, "
                       "or leave the field empty while it is unknown"), original);
      else if (is_sign (c))
        return fail (error, HLH_ERROR_SYNTAX,
                     _("“%s” has a sign: enter the value without “+” or “−”"), original);
      else if (g_unichar_isalpha (c))
        return fail (error, HLH_ERROR_SYNTAX,
                     _("“%s” is not a number: it contains letters (write digits only, "
                       "e.g. 12000 rather than 1.2e4)"), original);
      else
        return fail (error, HLH_ERROR_SYNTAX,
                     _("“%s” is not a number: unexpected character"), original);
    }
  return TRUE;
}

/* Spaces may only group thousands in the integer part: "12 000", "1 234 567". */
static gboolean
strip_grouping (const char  *int_part,
                GString     *digits)
{
  g_auto(GStrv) groups = g_strsplit (int_part, " ", -1);
  guint n = g_strv_length (groups);

  if (n == 1)
    {
      g_string_append (digits, int_part);
      return TRUE;
    }
  for (guint i = 0; i < n; i++)
    {
      gsize len = strlen (groups[i]);

      if (len == 0 || len > 3 || (i > 0 && len != 3))
        return FALSE;
      g_string_append (digits, groups[i]);
    }
  return TRUE;
}

/**
 * hlh_parse_number:
 * @text: a number as typed by a person
 * @value: (out): the number
 * @error: where to put a message for the user
 *
 * Accepts "3.5" and "3,5", thousands grouped with spaces ("12 000"), and a trailing decimal
 * mark ("38."). Refuses, with a message: an empty text, letters (NaN, infinity, exponents,
 * units), signs, bounds ("<0.5"), spaces anywhere else, and separators that could be read two
 * ways: a single separator after digits and followed by exactly three digits ("12,000",
 * "1.500", also "0.500": clinical-spec section 9 makes no exception), and two or more
 * separators ("1,234.5").
 *
 * Returns: %TRUE if @text is a number
 */
gboolean
hlh_parse_number (const char  *text,
                  double      *value,
                  GError     **error)
{
  g_autoptr(GString) chars = g_string_new (NULL);
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *stripped = NULL;
  guint n_separators = 0;
  const char *sep;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (strlen (text) > HLH_PARSE_MAX_LENGTH)
    return fail (error, HLH_ERROR_TOO_LONG,
                 _("The text is too long for a number (more than %d characters)"),
                 HLH_PARSE_MAX_LENGTH);
  if (!g_utf8_validate (text, -1, NULL))
    return fail (error, HLH_ERROR_SYNTAX, _("The text is not a number: it is not valid text"));

  if (!tokenize (text, text, chars, &n_separators, error))
    return FALSE;
  stripped = g_strstrip (g_strdup (chars->str));
  if (*stripped == '\0')
    return fail (error, HLH_ERROR_EMPTY, _("No number was entered"));

  if (n_separators >= 2)
    {
      /* Read the last separator as the decimal mark, as most people would mean it. */
      const char *last = strrchr (stripped, '.') > strrchr (stripped, ',')
                           ? strrchr (stripped, '.') : strrchr (stripped, ',');
      g_autoptr(GString) reading = g_string_new (NULL);

      for (const char *p = stripped; p < last; p++)
        if (g_ascii_isdigit (*p))
          g_string_append_c (reading, *p);
      g_string_append_printf (reading, ".%s", last + 1);
      return fail (error, HLH_ERROR_AMBIGUOUS,
                   _("“%s” has more than one separator and could be misread: type it "
                     "without thousands separators, e.g. “%s”"), text, reading->str);
    }

  sep = strpbrk (stripped, ".,");
  {
    g_autofree char *int_part = g_strndup (stripped, sep ? (gsize) (sep - stripped)
                                                         : strlen (stripped));
    const char *frac = sep ? sep + 1 : "";

    if (strchr (frac, ' ') != NULL || !strip_grouping (int_part, digits))
      return fail (error, HLH_ERROR_SYNTAX,
                   _("“%s” is not a number: spaces may only group thousands, as in “12 000”"),
                   text);
    if (digits->len == 0 && *frac == '\0')
      return fail (error, HLH_ERROR_SYNTAX, _("“%s” is not a number"), text);

    if (sep != NULL && strlen (frac) == 3 && digits->len > 0)
      {
        g_autofree char *joined = g_strconcat (digits->str, frac, NULL);
        const char *thousands = joined + MIN (strspn (joined, "0"), strlen (joined) - 1);
        g_autofree char *decimal = unambiguous_decimal (digits->str, frac);

        return fail (error, HLH_ERROR_AMBIGUOUS,
                     _("“%s” is ambiguous: it could mean %s or %s. "
                       "Type “%s” or “%s”"),
                     text, thousands, decimal, thousands, decimal);
      }

    if (digits->len == 0)
      g_string_append_c (digits, '0');
    if (*frac != '\0')
      g_string_append_printf (digits, ".%s", frac);
  }

  *value = g_ascii_strtod (digits->str, NULL);
  if (!isfinite (*value))
    return fail (error, HLH_ERROR_SYNTAX, _("“%s” is not a number"), text);
  return TRUE;
}

/* Digits, optionally "." and digits, already checked. When all the digits fit in 2^53 and
 * there are at most 22 decimals, mantissa / 10^k is one correctly rounded division of two
 * exact values: the same double strtod would give, without its cost. */
static double
decimal_value (const char *text,
               gsize       length,
               gsize       int_digits,
               gsize       frac_digits)
{
  static const double powers[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  };
  char buf[HLH_PARSE_MAX_LENGTH + 1];
  guint64 mantissa = 0;

  if (int_digits + frac_digits <= 15 && frac_digits < G_N_ELEMENTS (powers))
    {
      for (gsize i = 0; i < length; i++)
        if (text[i] != '.')
          mantissa = mantissa * 10 + (guint64) (text[i] - '0');
      return (double) mantissa / powers[frac_digits];
    }
  memcpy (buf, text, length);
  buf[length] = '\0';
  return g_ascii_strtod (buf, NULL);
}

/**
 * hlh_parse_machine_number:
 * @text: the text, not necessarily nul-terminated
 * @length: its length in bytes
 * @value: (out): the number
 * @error: where to put a message
 *
 * The machine format of files (CSV batches, case files): digits, optionally "." and more
 * digits; no sign, no grouping, no exponent, whatever the locale.
 *
 * Returns: %TRUE if @text is a number in the machine format
 */
gboolean
hlh_parse_machine_number (const char  *text,
                          gsize        length,
                          double      *value,
                          GError     **error)
{
  gsize int_digits = 0, frac_digits = 0, i = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  if (length == 0)
    return fail (error, HLH_ERROR_EMPTY, _("No number was given"));
  if (length > HLH_PARSE_MAX_LENGTH)
    return fail (error, HLH_ERROR_TOO_LONG,
                 _("The text is too long for a number (more than %d characters)"),
                 HLH_PARSE_MAX_LENGTH);

  while (i < length && g_ascii_isdigit (text[i]))
    i++, int_digits++;
  if (i < length && text[i] == '.')
    {
      i++;
      while (i < length && g_ascii_isdigit (text[i]))
        i++, frac_digits++;
      if (frac_digits == 0)
        int_digits = 0;
    }
  if (i != length || int_digits == 0)
    {
      g_autofree char *shown = g_utf8_make_valid (text, length);
      return fail (error, HLH_ERROR_SYNTAX,
                   _("“%s” is not a number in file format (digits with “.” as the decimal "
                     "mark, no grouping)"), shown);
    }

  *value = decimal_value (text, length, int_digits, frac_digits);
  return TRUE;
}
