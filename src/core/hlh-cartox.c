/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hlh-cartox.h"

/* Neelapu SS et al. Nat Rev Clin Oncol 2018;15(1):47-62, as in clinical-spec section 6.2. */
static const HlhReference reference = {
  "Neelapu SS, Tummala S, Kebriaei P, et al. Chimeric antigen receptor T-cell therapy - "
  "assessment and management of toxicities. Nat Rev Clin Oncol 2018;15(1):47-62.",
  "10.1038/nrclinonc.2017.148",
};

#define YES(f) { HLH_FIELD_##f, HLH_OP_YES, 0, 0, 0 }

static const HlhCriterion criteria[HLH_CARTOX_N_CRITERIA] = {
  /* Translators: CRS is cytokine release syndrome */
  { "ferritin", N_("Peak ferritin during the CRS phase"),
    { { HLH_FIELD_FERRITIN, HLH_OP_GT, 10000, HLH_UNIT_FERRITIN_NG_ML, 0 } }, 1,
    N_("Required; enter the peak value as ferritin.") },
  { "liver", N_("Grade ≥ 3 rise in bilirubin, AST or ALT"), { YES (CARTOX_LIVER_GRADE3) }, 1,
    NULL },
  { "renal", N_("Grade ≥ 3 oliguria or creatinine rise"), { YES (CARTOX_RENAL_GRADE3) }, 1,
    NULL },
  { "pulmonary", N_("Grade ≥ 3 pulmonary oedema"), { YES (CARTOX_PULMONARY_EDEMA_GRADE3) }, 1,
    NULL },
  { "hemophagocytosis", N_("Haemophagocytosis in bone marrow or organs"),
    { YES (HEMOPHAGOCYTOSIS_MARROW), YES (HEMOPHAGOCYTOSIS_OTHER) }, 1, NULL },
};

#undef YES

const HlhCriterion *
hlh_cartox_get_criterion (guint index)
{
  g_return_val_if_fail (index < HLH_CARTOX_N_CRITERIA, &criteria[0]);
  return &criteria[index];
}

const HlhReference *
hlh_cartox_get_reference (void)
{
  return &reference;
}

gboolean
hlh_case_has_iec_therapy (const HlhCase *c)
{
  int answer;

  return hlh_case_get_effective_answer (c, HLH_FIELD_IEC_THERAPY, &answer) &&
         answer == HLH_ANSWER_YES;
}

/**
 * hlh_cartox_evaluate:
 *
 * Evaluated whatever the history; @result->applicable says whether immune-effector-cell
 * therapy is recorded.
 */
void
hlh_cartox_evaluate (const HlhCase *c,
                     HlhCartox     *result)
{
  switch (hlh_criteria_eval (criteria, 1, HLH_CARTOX_N_CRITERIA, HLH_CARTOX_NEEDED, c,
                             result->criteria,
                             &result->others))
    {
    case HLH_STATE_MET:
      result->status = HLH_STATUS_FULFILLED;
      break;
    case HLH_STATE_NOT_MET:
      result->status = HLH_STATUS_NOT_FULFILLED;
      break;
    case HLH_STATE_UNKNOWN:
    default:
      result->status = HLH_STATUS_UNDETERMINED;
      break;
    }
  result->applicable = hlh_case_has_iec_therapy (c);
}

const char *
hlh_cartox_status_to_string (HlhStatus status)
{
  switch (status)
    {
    case HLH_STATUS_FULFILLED:
      return "possible";
    case HLH_STATUS_NOT_FULFILLED:
      return "not_met";
    case HLH_STATUS_UNDETERMINED:
    case HLH_STATUS_NOT_APPLICABLE:
    default:
      return "undetermined";
    }
}
