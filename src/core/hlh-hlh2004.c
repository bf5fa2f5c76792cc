/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hlh-hlh2004.h"

/* Henter JI et al. Pediatr Blood Cancer 2007;48(2):124-31, as in clinical-spec section 2. */
static const HlhReference reference = {
  "Henter JI, Horne A, Aricò M, et al. HLH-2004: Diagnostic and therapeutic guidelines for "
  "hemophagocytic lymphohistiocytosis. Pediatr Blood Cancer 2007;48(2):124-31.",
  "10.1002/pbc.21039",
};

#define COND(f, o, t, u) { HLH_FIELD_##f, HLH_OP_##o, t, HLH_UNIT_##u, 0 }
#define YES(f) { HLH_FIELD_##f, HLH_OP_YES, 0, 0, 0 }

static const HlhCriterion molecular = {
  "molecular_diagnosis", N_("Molecular diagnosis consistent with HLH"),
  { YES (MOLECULAR_DIAGNOSIS) }, 1,
  N_("Pathogenic variants in e.g. PRF1, UNC13D, STX11, STXBP2, RAB27A, SH2D1A, XIAP/BIRC4. "
     "Fulfils HLH-2004 on its own; not recorded counts as not established."),
};

static const HlhCriterion criteria[HLH_HLH2004_N_CRITERIA] = {
  [HLH_HLH2004_FEVER] = {
    "fever", N_("Fever"), { COND (TEMPERATURE, GE, 38.5, CELSIUS) }, 1,
    N_("HLH-2004 states no number; 38.5 °C is the threshold in common use "
       "(Jordan MB et al., Blood 2011;118:4041).") },
  [HLH_HLH2004_SPLENOMEGALY] = {
    "splenomegaly", N_("Splenomegaly"), { YES (SPLENOMEGALY) }, 1, NULL },
  [HLH_HLH2004_CYTOPENIAS] = {
    "cytopenias", N_("Cytopenias in at least 2 of 3 lineages"),
    { { HLH_FIELD_HEMOGLOBIN, HLH_OP_LT, 90, HLH_UNIT_HB_G_L, 100 },
      COND (PLATELETS, LT, 100, CELLS_E9_L),
      COND (NEUTROPHILS, LT, 1.0, CELLS_E9_L) }, 2,
    N_("Haemoglobin < 90 g/L (< 100 g/L in infants under 4 weeks), platelets < 100 ×10⁹/L, "
       "neutrophils < 1.0 ×10⁹/L.") },
  [HLH_HLH2004_TRIGLYCERIDES_FIBRINOGEN] = {
    "triglycerides_fibrinogen", N_("Hypertriglyceridaemia and/or hypofibrinogenaemia"),
    { COND (TRIGLYCERIDES, GE, 3.0, TG_MMOL_L), COND (FIBRINOGEN, LE, 1.5, FIB_G_L) }, 1,
    N_("Fasting triglycerides; one criterion even when both hold.") },
  [HLH_HLH2004_HEMOPHAGOCYTOSIS] = {
    "hemophagocytosis", N_("Haemophagocytosis"),
    { YES (HEMOPHAGOCYTOSIS_MARROW), YES (HEMOPHAGOCYTOSIS_OTHER) }, 1,
    N_("In bone marrow, spleen or lymph nodes (or liver, in later adaptations).") },
  [HLH_HLH2004_NK_ACTIVITY] = {
    "nk_activity", N_("Low or absent NK-cell activity"),
    { { HLH_FIELD_NK_ACTIVITY, HLH_OP_NK_LOW, 0, 0, 0 } }, 1,
    N_("Per the local laboratory's reference. Henter JI et al., Blood 2024;144(22):2308-18 "
       "(doi:10.1182/blood.2024025077) found HLH-2004 performs as well without this "
       "criterion in familial HLH.") },
  [HLH_HLH2004_FERRITIN] = {
    "ferritin", N_("Ferritin"), { COND (FERRITIN, GE, 500, FERRITIN_UG_L) }, 1, NULL },
  [HLH_HLH2004_SCD25] = {
    "scd25", N_("Soluble CD25 (sIL-2R)"), { COND (SCD25, GE, 2400, SCD25_U_ML) }, 1, NULL },
};

#undef COND
#undef YES

const HlhCriterion *
hlh_hlh2004_get_criterion (guint id)
{
  g_return_val_if_fail (id < HLH_HLH2004_N_CRITERIA, &criteria[0]);
  return &criteria[id];
}

const HlhCriterion *
hlh_hlh2004_get_molecular (void)
{
  return &molecular;
}

const HlhReference *
hlh_hlh2004_get_reference (void)
{
  return &reference;
}

/**
 * hlh_hlh2004_evaluate:
 *
 * The eight criteria, each met, not met or unknown, and the status: fulfilled by a recorded
 * molecular diagnosis or 5 criteria met; not fulfilled when even every unknown criterion could
 * not make 5; undetermined otherwise, with how many more are needed.
 */
void
hlh_hlh2004_evaluate (const HlhCase *c,
                      HlhHlh2004    *result)
{
  HlhTally tally = { 0, };

  for (guint i = 0; i < HLH_HLH2004_N_CRITERIA; i++)
    {
      result->criteria[i] = hlh_criterion_eval (&criteria[i], c);
      hlh_tally_add (&tally, result->criteria[i]);
    }
  result->met = tally.met;
  result->not_met = tally.not_met;
  result->unknown = tally.unknown;
  result->molecular = hlh_criterion_eval (&molecular, c) == HLH_STATE_MET;
  result->still_needed = tally.met >= HLH_HLH2004_NEEDED ? 0 : HLH_HLH2004_NEEDED - tally.met;

  if (result->molecular)
    result->status = HLH_STATUS_FULFILLED;
  else
    switch (hlh_tally_at_least (&tally, HLH_HLH2004_NEEDED))
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
}

/**
 * hlh_hlh2004_dup_status_text:
 *
 * Returns: (transfer full): "4 of 8 met, 2 unknown: 1 more needed"
 */
char *
hlh_hlh2004_dup_status_text (const HlhHlh2004 *result)
{
  g_autofree char *counts = NULL;

  if (result->unknown > 0)
    counts = g_strdup_printf (_("%u of 8 met, %u unknown"), result->met, result->unknown);
  else
    counts = g_strdup_printf (_("%u of 8 met"), result->met);

  switch (result->status)
    {
    case HLH_STATUS_FULFILLED:
      if (result->molecular)
        return g_strdup_printf (_("Fulfilled by the molecular diagnosis (%s)"), counts);
      return g_strdup_printf (_("Fulfilled: %s"), counts);
    case HLH_STATUS_NOT_FULFILLED:
      return g_strdup_printf (_("Not fulfilled: %s, at least 5 needed"), counts);
    case HLH_STATUS_UNDETERMINED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Undetermined: %s: %u more needed",
                                           "Undetermined: %s: %u more needed",
                                           result->still_needed),
                              counts, result->still_needed);
    case HLH_STATUS_NOT_APPLICABLE:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * hlh_status_describe:
 *
 * Returns: @status in words for the user ("not fulfilled"), translated
 */
const char *
hlh_status_describe (HlhStatus status)
{
  switch (status)
    {
    case HLH_STATUS_FULFILLED:
      return _("fulfilled");
    case HLH_STATUS_NOT_FULFILLED:
      return _("not fulfilled");
    case HLH_STATUS_NOT_APPLICABLE:
      return _("not applicable");
    case HLH_STATUS_UNDETERMINED:
    default:
      return _("undetermined");
    }
}

/**
 * hlh_status_to_string:
 *
 * Returns: the JSON and CSV word for @status ("fulfilled", "not_fulfilled", ...)
 */
const char *
hlh_status_to_string (HlhStatus status)
{
  switch (status)
    {
    case HLH_STATUS_FULFILLED:
      return "fulfilled";
    case HLH_STATUS_NOT_FULFILLED:
      return "not_fulfilled";
    case HLH_STATUS_NOT_APPLICABLE:
      return "not_applicable";
    case HLH_STATUS_UNDETERMINED:
    default:
      return "undetermined";
    }
}
