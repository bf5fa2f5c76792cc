/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "hlh-text-attrs.h"

/* Where text is laid out in lines, on screen and on paper, a value is not torn from its unit
 * ("500" at the end of one line and "µg/L" at the start of the next), nor a comparison from
 * its value ("≥" above "500"). Pango keeps such a stretch on one line when it carries
 * allow_breaks=FALSE; the text itself is unchanged, so that what is copied from a label is
 * what the core wrote. */

/* A word of text: bytes [start, end), no white space. */
typedef struct
{
  const char *start;
  const char *end;
} Word;

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F;
}

/* The next word at or after @p, or FALSE at the end of the text. */
static gboolean
next_word (const char *p,
           Word       *word)
{
  while (*p != '\0' && is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (*p == '\0')
    return FALSE;
  word->start = p;
  while (*p != '\0' && !is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  word->end = p;
  return TRUE;
}

/* Whether only white space follows @p. */
static gboolean
ends_text (const char *p)
{
  while (*p != '\0' && is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return *p == '\0';
}

/* Whether the two words are one space apart: a line may not hold them apart otherwise. */
static gboolean
adjacent (const Word *a,
          const Word *b)
{
  return b->start == g_utf8_next_char (a->end) && is_space (g_utf8_get_char (a->end));
}

/* "500", "(4200", "38.5", "1,4": a value's last character is a digit. */
static gboolean
ends_with_digit (const Word *word)
{
  const char *last = g_utf8_find_prev_char (word->start, word->end);

  return last != NULL && g_unichar_isdigit (g_utf8_get_char (last));
}

/* "%", "°C", "µg/L", "×10⁹/L", "g/L", "mmol/L", "U/mL", "%;": a unit, as the core writes
 * them. Words are not units otherwise ("169 cut-off", "4 of 8"). */
static gboolean
is_unit (const Word *word)
{
  gunichar first = g_utf8_get_char (word->start);

  if (first == '%' || first == 0x00B0 /* ° */ || first == 0x00B5 /* µ */ ||
      first == 0x03BC /* μ */ || first == 0x00D7 /* × */)
    return TRUE;
  return memchr (word->start, '/', word->end - word->start) != NULL &&
         g_unichar_isalpha (first);
}

/* "<", ">", "≤", "≥", "=", "(<": a comparison that belongs with the value after it. */
static gboolean
is_comparison (const Word *word)
{
  const char *p = word->start;
  gunichar c;

  while (*p == '(' || *p == '[')
    p++;
  if (p == word->end)
    return FALSE;
  c = g_utf8_get_char (p);
  return g_utf8_next_char (p) == word->end &&
         (c == '<' || c == '>' || c == '=' || c == 0x2264 || c == 0x2265);
}

static void
keep (PangoAttrList *attrs,
      const char    *text,
      const Word    *from,
      const Word    *to)
{
  PangoAttribute *attr = pango_attr_allow_breaks_new (FALSE);

  attr->start_index = from->start - text;
  attr->end_index = to->end - text;
  pango_attr_list_insert (attrs, attr);
}

/**
 * hlh_text_keep_together:
 * @text: UTF-8 text as the core writes it
 *
 * The attributes that keep each value with its unit and each comparison with its value on
 * one line: "500 µg/L", "99 %", "≥ 500", "< 100 ×10⁹/L"; and a number that ends the text
 * with the word before it: "cut-off of 169".
 *
 * Returns: (transfer full) (nullable): the attributes, or %NULL when there is nothing to keep
 *   together
 */
PangoAttrList *
hlh_text_keep_together (const char *text)
{
  PangoAttrList *attrs = NULL;
  Word word, next;

  if (text == NULL || !next_word (text, &word))
    return NULL;
  while (next_word (word.end, &next))
    {
      /* A number that ends the text is not left alone on its last line ("… of the cut-off
       * of / 169", "… bring the HScore to / 114"). */
      if (adjacent (&word, &next) &&
          ((ends_with_digit (&word) && is_unit (&next)) || is_comparison (&word) ||
           (g_unichar_isdigit (g_utf8_get_char (next.start)) && ends_text (next.end))))
        {
          if (attrs == NULL)
            attrs = pango_attr_list_new ();
          keep (attrs, text, &word, &next);
        }
      word = next;
    }
  return attrs;
}
