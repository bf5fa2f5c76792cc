/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hlh-mas2016.h"

/* Ravelli A et al. Arthritis Rheumatol 2016;68(3):566-76, as in clinical-spec section 3. */
static const HlhReference reference = {
  "Ravelli A, Minoia F, Davì S, et al. 2016 Classification Criteria for Macrophage Activation "
  "Syndrome Complicating Systemic Juvenile Idiopathic Arthritis. Arthritis Rheumatol "
  "2016;68(3):566-76.",
  "10.1002/art.39332",
};

#define COND(f, o, t, u) { HLH_FIELD_##f, HLH_OP_##o, t, HLH_UNIT_##u, 0 }

static const HlhCriterion fever = {
  "fever", N_("Febrile patient"), { COND (TEMPERATURE, GE, 38.0, CELSIUS) }, 1,
  N_("The criteria apply to a febrile patient with known or suspected sJIA."),
};

static const HlhCriterion criteria[HLH_MAS2016_N_CRITERIA] = {
  { "ferritin", N_("Ferritin"), { COND (FERRITIN, GT, 684, FERRITIN_NG_ML) }, 1,
    N_("Required.") },
  { "platelets", N_("Platelets"), { COND (PLATELETS, LE, 181, CELLS_E9_L) }, 1, NULL },
  { "ast", N_("AST"), { COND (AST, GT, 48, ENZYME_U_L) }, 1, NULL },
  { "triglycerides", N_("Triglycerides"), { COND (TRIGLYCERIDES, GT, 156, TG_MG_DL) }, 1, NULL },
  { "fibrinogen", N_("Fibrinogen"), { COND (FIBRINOGEN, LE, 360, FIB_MG_DL) }, 1, NULL },
};

#undef COND

const HlhCriterion *
hlh_mas2016_get_criterion (guint index)
{
  g_return_val_if_fail (index < HLH_MAS2016_N_CRITERIA, &criteria[0]);
  return &criteria[index];
}

const HlhCriterion *
hlh_mas2016_get_fever (void)
{
  return &fever;
}

const HlhReference *
hlh_mas2016_get_reference (void)
{
  return &reference;
}

/**
 * hlh_mas2016_evaluate:
 *
 * Not applicable without known or suspected sJIA or in a known afebrile patient; a result
 * that would be fulfilled while the temperature is unknown is undetermined.
 */
void
hlh_mas2016_evaluate (const HlhCase *c,
                      HlhMas2016    *result)
{
  HlhState state;
  int sjia;

  state = hlh_criteria_eval (criteria, 1, HLH_MAS2016_N_CRITERIA, HLH_MAS2016_NEEDED, c,
                             result->criteria,
                             &result->laboratory);
  result->febrile = hlh_criterion_eval (&fever, c);

  if (!hlh_case_get_effective_answer (c, HLH_FIELD_SJIA, &sjia) || sjia != HLH_ANSWER_YES)
    result->applicability = HLH_MAS2016_NO_SJIA;
  else if (result->febrile == HLH_STATE_NOT_MET)
    result->applicability = HLH_MAS2016_AFEBRILE;
  else
    result->applicability = HLH_MAS2016_APPLICABLE;

  if (result->applicability != HLH_MAS2016_APPLICABLE)
    result->status = HLH_STATUS_NOT_APPLICABLE;
  else if (state == HLH_STATE_NOT_MET)
    result->status = HLH_STATUS_NOT_FULFILLED;
  else if (state == HLH_STATE_MET && result->febrile == HLH_STATE_MET)
    result->status = HLH_STATUS_FULFILLED;
  else
    result->status = HLH_STATUS_UNDETERMINED;
}

/**
 * hlh_mas2016_sjia_denied:
 *
 * Whether sJIA is recorded as absent (answered no), as opposed to not recorded: both make
 * the MAS criteria not applicable, but only the first rules the MS score out for the patient.
 */
gboolean
hlh_mas2016_sjia_denied (const HlhCase *c)
{
  int sjia;

  return hlh_case_get_effective_answer (c, HLH_FIELD_SJIA, &sjia) && sjia == HLH_ANSWER_NO;
}
