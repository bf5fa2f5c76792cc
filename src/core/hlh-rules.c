/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "hlh-rules.h"

const char *
hlh_op_symbol (HlhOp    op,
               gboolean negated)
{
  switch (op)
    {
    case HLH_OP_LT:
      return negated ? "≥" : "<";
    case HLH_OP_LE:
      return negated ? ">" : "≤";
    case HLH_OP_GT:
      return negated ? "≤" : ">";
    case HLH_OP_GE:
      return negated ? "<" : "≥";
    case HLH_OP_NONE:
    case HLH_OP_YES:
    case HLH_OP_NK_LOW:
    default:
      return "";
    }
}

static gboolean
is_infant (const HlhCase *c,
           HlhState      *state)
{
  double weeks;

  if (!hlh_case_get_number (c, HLH_FIELD_AGE, HLH_UNIT_AGE_WEEKS, &weeks))
    {
      *state = HLH_STATE_UNKNOWN;
      return FALSE;
    }
  *state = hlh_compare (weeks, HLH_OP_LT, 4) ? HLH_STATE_MET : HLH_STATE_NOT_MET;
  return *state == HLH_STATE_MET;
}

static HlhState
from_bool (gboolean b)
{
  return b ? HLH_STATE_MET : HLH_STATE_NOT_MET;
}

/**
 * hlh_condition_eval:
 *
 * Returns: whether @c meets @condition; unknown when the finding (or, for the infant rule, the
 *   age that decides it) is unknown
 */
HlhState
hlh_condition_eval (const HlhCondition *condition,
                    const HlhCase      *c)
{
  double value;
  int answer;

  switch (condition->op)
    {
    case HLH_OP_YES:
      if (!hlh_case_get_effective_answer (c, condition->field, &answer))
        return HLH_STATE_UNKNOWN;
      return from_bool (answer == HLH_ANSWER_YES);
    case HLH_OP_NK_LOW:
      if (!hlh_case_get_choice (c, condition->field, &answer))
        return HLH_STATE_UNKNOWN;
      return from_bool (answer == HLH_NK_LOW);
    case HLH_OP_LT:
    case HLH_OP_LE:
    case HLH_OP_GT:
    case HLH_OP_GE:
      if (!hlh_case_peek_number (c, condition->field, condition->unit, &value))
        return HLH_STATE_UNKNOWN;
      if (hlh_compare (value, condition->op, condition->threshold))
        return HLH_STATE_MET;
      if (condition->infant_threshold != 0 &&
          hlh_compare (value, condition->op, condition->infant_threshold))
        {
          HlhState infant;
          is_infant (c, &infant);
          return infant;
        }
      return HLH_STATE_NOT_MET;
    case HLH_OP_NONE:
    default:
      g_return_val_if_reached (HLH_STATE_UNKNOWN);
    }
}

/**
 * hlh_format_threshold:
 *
 * A threshold as the sources write it: temperatures and values below 10 with at least one
 * decimal ("38.0 °C", "5.0 ×10⁹/L", "1.5 g/L"), others as they are ("30 U/L").
 *
 * Returns: (transfer full): the threshold with its unit
 */
char *
hlh_format_threshold (double  value,
                      HlhUnit unit)
{
  if (value == floor (value) && (unit == HLH_UNIT_CELSIUS || fabs (value) < 10))
    {
      g_autofree char *number = hlh_format_fixed (value, 1);
      return g_strdup_printf ("%s %s", number, hlh_unit_get_label (unit));
    }
  return hlh_format_value (value, unit);
}

char *
hlh_format_value (double  value,
                  HlhUnit unit)
{
  g_autofree char *number = hlh_format_number (value);
  return g_strdup_printf ("%s %s", number, hlh_unit_get_label (unit));
}

/**
 * hlh_format_compared:
 * @value: a value compared with @threshold
 *
 * Formats a value for display next to the threshold it was compared with: two decimals at
 * most, more only where fewer would make a value that differs from the threshold look equal
 * to it ("1.4999 mmol/L < 1.5 mmol/L", never "1.5 mmol/L < 1.5 mmol/L").
 *
 * Returns: (transfer full): the value with its unit
 */
char *
hlh_format_compared (double  value,
                     double  threshold,
                     HlhUnit unit)
{
  gboolean equal = hlh_compare (value, HLH_OP_GE, threshold) &&
                   hlh_compare (value, HLH_OP_LE, threshold);
  guint decimals = 2;
  g_autofree char *number = NULL;

  for (;;)
    {
      g_clear_pointer (&number, g_free);
      number = hlh_format_number_ascii (value, decimals);
      if (equal || decimals >= 6 || g_ascii_strtod (number, NULL) != threshold)
        break;
      decimals++;
    }
  number = hlh_localize_decimal (g_steal_pointer (&number));
  return g_strdup_printf ("%s %s", number, hlh_unit_get_label (unit));
}

/**
 * hlh_condition_describe:
 *
 * Returns: (transfer full): the rule in words ("Ferritin ≥ 500 ng/mL")
 */
char *
hlh_condition_describe (const HlhCondition *condition)
{
  const char *label = _(hlh_field_get_info (condition->field)->label);

  switch (condition->op)
    {
    case HLH_OP_YES:
      return g_strdup_printf (_("%s: yes"), label);
    case HLH_OP_NK_LOW:
      return g_strdup_printf (_("%s: low or absent"), label);
    case HLH_OP_LT:
    case HLH_OP_LE:
    case HLH_OP_GT:
    case HLH_OP_GE:
      {
        g_autofree char *threshold = hlh_format_threshold (condition->threshold,
                                                           condition->unit);
        if (condition->infant_threshold != 0)
          {
            g_autofree char *infant = hlh_format_threshold (condition->infant_threshold,
                                                            condition->unit);
            return g_strdup_printf (_("%s %s %s (%s %s under 4 weeks of age)"), label,
                                    hlh_op_symbol (condition->op, FALSE), threshold,
                                    hlh_op_symbol (condition->op, FALSE), infant);
          }
        return g_strdup_printf ("%s %s %s", label, hlh_op_symbol (condition->op, FALSE),
                                threshold);
      }
    case HLH_OP_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * hlh_condition_dup_basis:
 *
 * Returns: (transfer full): what decided the condition, in the rule's native unit
 *   ("39.6 °C ≥ 38.5 °C", "no", "unknown")
 */
char *
hlh_condition_dup_basis (const HlhCondition *condition,
                         const HlhCase      *c)
{
  HlhState state = hlh_condition_eval (condition, c);
  double value;
  int answer;

  switch (condition->op)
    {
    case HLH_OP_YES:
      if (!hlh_case_get_effective_answer (c, condition->field, &answer))
        return g_strdup (_("unknown"));
      if (hlh_case_get_implying_trigger (c, condition->field) != HLH_N_TRIGGERS)
        return g_strdup_printf (_("yes (from the trigger history: %s)"),
                                _(hlh_trigger_get_info (
                                    hlh_case_get_implying_trigger (c, condition->field))->label));
      return g_strdup (answer == HLH_ANSWER_YES ? _("yes") : _("no"));
    case HLH_OP_NK_LOW:
      if (!hlh_case_get_choice (c, condition->field, &answer))
        return g_strdup (_("unknown"));
      return g_strdup (answer == HLH_NK_LOW ? _("low") : _("normal"));
    case HLH_OP_LT:
    case HLH_OP_LE:
    case HLH_OP_GT:
    case HLH_OP_GE:
      {
        g_autofree char *shown = NULL;
        g_autofree char *threshold = NULL;
        double used = condition->threshold;

        if (!hlh_case_get_number (c, condition->field, condition->unit, &value))
          return g_strdup (_("unknown"));
        if (condition->infant_threshold != 0 && !hlh_compare (value, condition->op, used) &&
            hlh_compare (value, condition->op, condition->infant_threshold))
          {
            if (state == HLH_STATE_UNKNOWN)
              {
                g_autofree char *v = hlh_format_compared (value, used, condition->unit);
                return g_strdup_printf (_("%s: counts only under 4 weeks of age, and the age "
                                          "is unknown"), v);
              }
            if (state == HLH_STATE_MET)
              used = condition->infant_threshold;
          }
        shown = hlh_format_compared (value, used, condition->unit);
        threshold = hlh_format_threshold (used, condition->unit);
        return g_strdup_printf ("%s %s %s", shown,
                                hlh_op_symbol (condition->op, state != HLH_STATE_MET), threshold);
      }
    case HLH_OP_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * hlh_criterion_has_threshold:
 *
 * Returns: %TRUE if one of the criterion's conditions compares a number with a threshold
 */
gboolean
hlh_criterion_has_threshold (const HlhCriterion *criterion)
{
  guint n = hlh_criterion_count (criterion);

  for (guint i = 0; i < n; i++)
    if (criterion->conditions[i].op != HLH_OP_YES && criterion->conditions[i].op != HLH_OP_NK_LOW)
      return TRUE;
  return FALSE;
}

guint
hlh_criterion_count (const HlhCriterion *criterion)
{
  guint n = 0;

  while (n < HLH_MAX_CONDITIONS && criterion->conditions[n].op != HLH_OP_NONE)
    n++;
  return n;
}

void
hlh_tally_add (HlhTally *tally,
               HlhState  state)
{
  switch (state)
    {
    case HLH_STATE_MET:
      tally->met++;
      break;
    case HLH_STATE_NOT_MET:
      tally->not_met++;
      break;
    case HLH_STATE_UNKNOWN:
    default:
      tally->unknown++;
      break;
    }
}

/**
 * hlh_tally_at_least:
 *
 * Returns: met when at least @needed are known to hold, not met when even every unknown
 *   holding would not reach @needed, unknown otherwise
 */
HlhState
hlh_tally_at_least (const HlhTally *tally,
                    guint           needed)
{
  if (tally->met >= needed)
    return HLH_STATE_MET;
  if (tally->met + tally->unknown < needed)
    return HLH_STATE_NOT_MET;
  return HLH_STATE_UNKNOWN;
}

/**
 * hlh_criterion_tally:
 *
 * Returns: how many of the criterion's conditions hold, fail, or are unknown
 */
HlhTally
hlh_criterion_tally (const HlhCriterion *criterion,
                     const HlhCase      *c)
{
  HlhTally tally = { 0, };
  guint n = hlh_criterion_count (criterion);

  for (guint i = 0; i < n; i++)
    hlh_tally_add (&tally, hlh_condition_eval (&criterion->conditions[i], c));
  return tally;
}

HlhState
hlh_criterion_eval (const HlhCriterion *criterion,
                    const HlhCase      *c)
{
  HlhTally tally = hlh_criterion_tally (criterion, c);

  return hlh_tally_at_least (&tally, criterion->needed);
}

char *
hlh_criterion_describe (const HlhCriterion *criterion)
{
  g_autoptr(GString) s = g_string_new (NULL);
  guint n = hlh_criterion_count (criterion);

  if (n > 1 && criterion->needed > 1)
    g_string_append_printf (s, _("at least %u of: "), criterion->needed);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *d = hlh_condition_describe (&criterion->conditions[i]);
      if (i > 0)
        g_string_append (s, criterion->needed > 1 ? _("; ") : _(" or "));
      g_string_append (s, d);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
single_field (const HlhCriterion *criterion,
              guint               n)
{
  for (guint i = 1; i < n; i++)
    if (criterion->conditions[i].field != criterion->conditions[0].field)
      return FALSE;
  return TRUE;
}

/**
 * hlh_criterion_dup_basis:
 *
 * Returns: (transfer full): what decided the criterion. Nested thresholds of one finding
 *   (temperature ≥ 38.4, > 39.4) show the one comparison that decided the band
 *   ("39.6 °C > 39.4 °C"); findings of several are listed by name.
 */
char *
hlh_criterion_dup_basis (const HlhCriterion *criterion,
                         const HlhCase      *c)
{
  g_autoptr(GString) s = g_string_new (NULL);
  guint n = hlh_criterion_count (criterion);

  if (single_field (criterion, n))
    {
      guint decisive = 0;
      for (guint i = 0; i < n; i++)
        if (hlh_condition_eval (&criterion->conditions[i], c) == HLH_STATE_MET)
          decisive = i;
      return hlh_condition_dup_basis (&criterion->conditions[decisive], c);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *b = hlh_condition_dup_basis (&criterion->conditions[i], c);
      if (i > 0)
        {
          /* Translators: between two findings or rules in a list, as in "Hepatomegaly yes;
           * Splenomegaly unknown"; French puts a no-break space before the semicolon */
          g_string_append (s, _("; "));
        }
      /* Translators: a finding's name, then what is known of it: "Hepatomegaly yes",
       * "Haemoglobin 8.2 g/dL ≤ 9.2 g/dL", "Splenomegaly unknown". A colon lets the last word
       * stand on its own where it would otherwise agree with the finding's name. */
      g_string_append_printf (s, _("%s %s"),
                              _(hlh_field_get_info (criterion->conditions[i].field)->label), b);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

const char *
hlh_state_to_string (HlhState state)
{
  switch (state)
    {
    case HLH_STATE_MET:
      return "met";
    case HLH_STATE_NOT_MET:
      return "not_met";
    case HLH_STATE_UNKNOWN:
    default:
      return "unknown";
    }
}

/**
 * hlh_criteria_eval:
 * @criteria: the criteria, required ones first
 * @n_required: how many of @criteria must all hold
 * @n_criteria: how many there are in all
 * @needed: how many of the others must hold
 * @states: (out caller-allocates): each criterion's state
 * @optional_tally: (out) (optional): the count over the others
 *
 * A criteria set of the form "all of these, and at least @needed of those" (MAS 2016, OHI,
 * CARTOX): not met as soon as a required criterion fails or too few of the others can hold,
 * met when all required hold and enough others do, unknown otherwise.
 */
HlhState
hlh_criteria_eval (const HlhCriterion *criteria,
                   guint               n_required,
                   guint               n_criteria,
                   guint               needed,
                   const HlhCase      *c,
                   HlhState           *states,
                   HlhTally           *optional_tally)
{
  HlhTally required = { 0, }, others = { 0, };
  HlhState others_state;

  for (guint i = 0; i < n_criteria; i++)
    {
      states[i] = hlh_criterion_eval (&criteria[i], c);
      hlh_tally_add (i < n_required ? &required : &others, states[i]);
    }
  if (optional_tally != NULL)
    *optional_tally = others;
  others_state = hlh_tally_at_least (&others, needed);
  if (required.not_met > 0 || others_state == HLH_STATE_NOT_MET)
    return HLH_STATE_NOT_MET;
  if (required.met == n_required && others_state == HLH_STATE_MET)
    return HLH_STATE_MET;
  return HLH_STATE_UNKNOWN;
}

/**
 * hlh_criteria_describe:
 * @get: returns the set's criteria by index, the required ones first
 * @needed: how many of the others must hold, or 0 when all the criteria are required
 *
 * Returns: (transfer full): a set's rule in words, from the criteria themselves:
 *   "Ferritin > 684 ng/mL and at least 2 of the other 4"
 */
char *
hlh_criteria_describe (const HlhCriterion *(*get) (guint),
                       guint               n_required,
                       guint               n_criteria,
                       guint               needed)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < n_required; i++)
    {
      g_autofree char *rule = hlh_criterion_describe (get (i));
      if (i > 0)
        g_string_append (s, _(" and "));
      g_string_append (s, rule);
    }
  if (needed > 0)
    g_string_append_printf (s, _(" and at least %u of the other %u"), needed,
                            n_criteria - n_required);
  return g_string_free (g_steal_pointer (&s), FALSE);
}
