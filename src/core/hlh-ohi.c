/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hlh-ohi.h"

/* Zoref-Lorenz A et al. Blood 2022;139(7):1098-110, as in clinical-spec section 5. */
static const HlhReference reference = {
  "Zoref-Lorenz A, Murakami J, Hofstetter L, et al. An improved index for diagnosis and "
  "mortality prediction in malignancy-associated hemophagocytic lymphohistiocytosis. "
  "Blood 2022;139(7):1098-110.",
  "10.1182/blood.2021012764",
};

/* The abstract writes ">", a figure legend "≥": we follow the abstract. */
static const HlhCriterion criteria[HLH_OHI_N_CRITERIA] = {
  { "scd25", N_("Soluble CD25 (sIL-2R)"),
    { { HLH_FIELD_SCD25, HLH_OP_GT, 3900, HLH_UNIT_SCD25_U_ML, 0 } }, 1,
    N_("The abstract uses “>”, a figure legend “≥”; the abstract is followed.") },
  { "ferritin", N_("Ferritin"),
    { { HLH_FIELD_FERRITIN, HLH_OP_GT, 1000, HLH_UNIT_FERRITIN_NG_ML, 0 } }, 1, NULL },
};

const HlhCriterion *
hlh_ohi_get_criterion (guint index)
{
  g_return_val_if_fail (index < HLH_OHI_N_CRITERIA, &criteria[0]);
  return &criteria[index];
}

const HlhReference *
hlh_ohi_get_reference (void)
{
  return &reference;
}

static gboolean
has_malignancy (const HlhCase *c)
{
  for (guint t = 0; t < HLH_N_TRIGGERS; t++)
    if (hlh_trigger_get_info (t)->group == HLH_TRIGGER_GROUP_MALIGNANCY &&
        hlh_case_has_trigger (c, t))
      return TRUE;
  return FALSE;
}

/**
 * hlh_ohi_evaluate:
 *
 * Positive when both are above their thresholds, negative as soon as one is known and not
 * above, undetermined otherwise. @result->relevant: sCD25 is known or a malignancy recorded.
 */
void
hlh_ohi_evaluate (const HlhCase *c,
                  HlhOhi        *result)
{
  switch (hlh_criteria_eval (criteria, HLH_OHI_N_CRITERIA, HLH_OHI_N_CRITERIA, 0, c,
                             result->criteria, NULL))
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
  result->relevant = hlh_case_is_known (c, HLH_FIELD_SCD25) || has_malignancy (c);
}

const char *
hlh_ohi_status_to_string (HlhStatus status)
{
  switch (status)
    {
    case HLH_STATUS_FULFILLED:
      return "positive";
    case HLH_STATUS_NOT_FULFILLED:
      return "negative";
    case HLH_STATUS_UNDETERMINED:
    case HLH_STATUS_NOT_APPLICABLE:
    default:
      return "undetermined";
    }
}
