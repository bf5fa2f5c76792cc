/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hlh-msscore.h"

/* Minoia F et al. Ann Rheum Dis 2019;78(10):1357-62, as in clinical-spec section 4. */
static const HlhReference reference = {
  "Minoia F, Bovis F, Davì S, et al. Development and initial validation of the MS score for "
  "diagnosis of macrophage activation syndrome in systemic juvenile idiopathic arthritis. "
  "Ann Rheum Dis 2019;78(10):1357-62.",
  "10.1136/annrheumdis-2019-215211",
};

static const HlhMsScoreTerm terms[HLH_MSSCORE_N_TERMS] = {
  { HLH_FIELD_CNS_INVOLVEMENT, 2.44, 0 },
  { HLH_FIELD_HEMORRHAGE, 1.54, 0 },
  { HLH_FIELD_ACTIVE_ARTHRITIS, -1.30, 0 },
  { HLH_FIELD_PLATELETS, -0.003, HLH_UNIT_CELLS_E9_L },
  { HLH_FIELD_LDH, 0.001, HLH_UNIT_ENZYME_U_L },
  { HLH_FIELD_FIBRINOGEN, -0.004, HLH_UNIT_FIB_MG_DL },
  { HLH_FIELD_FERRITIN, 0.0001, HLH_UNIT_FERRITIN_NG_ML },
};

const HlhMsScoreTerm *
hlh_msscore_get_term (guint index)
{
  g_return_val_if_fail (index < HLH_MSSCORE_N_TERMS, &terms[0]);
  return &terms[index];
}

const HlhReference *
hlh_msscore_get_reference (void)
{
  return &reference;
}

static gboolean
term_input (const HlhMsScoreTerm *term,
            const HlhCase        *c,
            double               *x)
{
  int answer;

  if (hlh_field_get_info (term->field)->kind == HLH_FIELD_KIND_NUMBER)
    return hlh_case_peek_number (c, term->field, term->unit, x);
  if (!hlh_case_get_effective_answer (c, term->field, &answer))
    return FALSE;
  *x = answer == HLH_ANSWER_YES ? 1 : 0;
  return TRUE;
}

/**
 * hlh_msscore_evaluate:
 *
 * The value is computed whenever all seven inputs are known, whatever the population;
 * @result->applicable says whether it fits the patient (known or suspected sJIA).
 */
void
hlh_msscore_evaluate (const HlhCase *c,
                      HlhMsScore    *result)
{
  int sjia;

  result->applicable = hlh_case_get_effective_answer (c, HLH_FIELD_SJIA, &sjia) &&
                       sjia == HLH_ANSWER_YES;
  result->value = 0;
  result->n_missing = 0;
  for (guint i = 0; i < HLH_MSSCORE_N_TERMS; i++)
    {
      double x;
      if (term_input (&terms[i], c, &x))
        result->value += terms[i].coefficient * x;
      else
        result->missing[result->n_missing++] = terms[i].field;
    }
  result->computed = result->n_missing == 0;
  if (!result->computed)
    {
      result->value = 0;
      result->suggests_mas = HLH_VERDICT_UNDETERMINED;
    }
  else
    result->suggests_mas = hlh_compare (result->value, HLH_OP_GE, HLH_MSSCORE_CUTOFF)
                             ? HLH_VERDICT_YES : HLH_VERDICT_NO;
}
