/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hlh-cartox.h"
#include "hlh-iechs.h"

/* Hines MR et al. Transplant Cell Ther 2023;29(7):438.e1-16, as summarised in clinical-spec
 * section 6.1. ULN, LLN and baseline values are the laboratory's, entered by the user. */
static const HlhReference reference = {
  "Hines MR, Knight TE, McNerney KO, et al. Immune Effector Cell-Associated Hemophagocytic "
  "Lymphohistiocytosis-Like Syndrome. Transplant Cell Ther 2023;29(7):438.e1-16.",
  "10.1016/j.jtct.2023.03.006",
};

#define COND(f, o, t, u) { HLH_FIELD_##f, HLH_OP_##o, t, HLH_UNIT_##u, 0 }
#define YES(f) { HLH_FIELD_##f, HLH_OP_YES, 0, 0, 0 }

/* Items whose threshold is a multiple of a laboratory reference list the findings they read;
 * their evaluation is below. */
static const HlhCriterion items[HLH_IECHS_N_ITEMS] = {
  [HLH_IECHS_FERRITIN] = {
    /* Translators: ULN is the upper limit of normal; "× ULN" means times it */
    "ferritin", N_("Ferritin > 2 × ULN or > 2 × the value at infusion, and/or rapidly rising"),
    { YES (FERRITIN_RISING) }, 1, NULL },
  [HLH_IECHS_TRANSAMINASES] = {
    "transaminases",
    N_("AST or ALT > 5 × ULN (> 5 × baseline if the baseline was abnormal)"),
    { { 0, } }, 1, NULL },
  [HLH_IECHS_FIBRINOGEN] = {
    "fibrinogen", N_("Fibrinogen < 150 mg/dL (or below the lower limit of normal)"),
    { COND (FIBRINOGEN, LT, 150, FIB_MG_DL) }, 1, NULL },
  [HLH_IECHS_HEMOPHAGOCYTOSIS] = {
    "hemophagocytosis", N_("Haemophagocytosis in bone marrow or tissue"),
    { YES (HEMOPHAGOCYTOSIS_MARROW), YES (HEMOPHAGOCYTOSIS_OTHER) }, 1, NULL },
  [HLH_IECHS_CYTOPENIAS] = {
    "cytopenias", N_("New, worsening or refractory cytopenias"), { YES (NEW_CYTOPENIAS) }, 1,
    NULL },
  [HLH_IECHS_LDH] = {
    "ldh", N_("Raised LDH (above the upper limit of normal)"), { { 0, } }, 1, NULL },
  [HLH_IECHS_COAGULOPATHY] = {
    "coagulopathy", N_("Coagulopathy (prolonged PT/PTT)"), { YES (COAGULOPATHY) }, 1, NULL },
  [HLH_IECHS_HYPERBILIRUBINEMIA] = {
    "hyperbilirubinemia", N_("Direct hyperbilirubinaemia"),
    { YES (DIRECT_HYPERBILIRUBINEMIA) }, 1, NULL },
  [HLH_IECHS_SPLENOMEGALY] = {
    "splenomegaly", N_("New splenomegaly"), { YES (SPLENOMEGALY) }, 1, NULL },
  [HLH_IECHS_FEVER] = {
    "fever", N_("Fever"), { COND (TEMPERATURE, GE, 38.0, CELSIUS) }, 1, NULL },
  [HLH_IECHS_NEUROTOXICITY] = {
    "neurotoxicity", N_("Neurotoxicity"), { YES (NEUROTOXICITY) }, 1, NULL },
  [HLH_IECHS_PULMONARY] = {
    "pulmonary", N_("Pulmonary involvement"), { YES (PULMONARY_INVOLVEMENT) }, 1, NULL },
  [HLH_IECHS_RENAL] = {
    "renal", N_("Renal involvement"), { YES (RENAL_INVOLVEMENT) }, 1, NULL },
  [HLH_IECHS_TRIGLYCERIDES] = {
    "triglycerides", N_("Fasting triglycerides > 265 mg/dL"),
    { COND (TRIGLYCERIDES, GT, 265, TG_MG_DL) }, 1, NULL },
};

#undef COND
#undef YES

static const char * const grades[] = {
  NULL,
  N_("Grade 1: asymptomatic or mild, no IEC-HS-directed treatment needed"),
  N_("Grade 2: mild to moderate, needs IEC-HS-directed treatment"),
  N_("Grade 3: severe (e.g. coagulopathy needing replacement, or new organ dysfunction)"),
  N_("Grade 4: life-threatening, urgent intervention needed"),
  N_("Grade 5: death"),
};

const HlhCriterion *
hlh_iechs_get_item (guint item)
{
  g_return_val_if_fail (item < HLH_IECHS_N_ITEMS, &items[0]);
  return &items[item];
}

const HlhReference *
hlh_iechs_get_reference (void)
{
  return &reference;
}

const char *
hlh_iechs_grade_text (int grade)
{
  g_return_val_if_fail (grade >= 1 && grade <= 5, NULL);
  return _(grades[grade]);
}

static HlhState
state_of (gboolean b)
{
  return b ? HLH_STATE_MET : HLH_STATE_NOT_MET;
}

static HlhState
any_of (HlhState a,
        HlhState b)
{
  if (a == HLH_STATE_MET || b == HLH_STATE_MET)
    return HLH_STATE_MET;
  if (a == HLH_STATE_NOT_MET && b == HLH_STATE_NOT_MET)
    return HLH_STATE_NOT_MET;
  return HLH_STATE_UNKNOWN;
}

/* Ferritin > 2 × each reference that was entered (ULN, value at infusion); rising says yes
 * on its own. Unknown while no reference is entered or "rising" is unknown and nothing met. */
static HlhState
ferritin_state (const HlhCase *c)
{
  static const HlhField references[] = { HLH_FIELD_FERRITIN_ULN, HLH_FIELD_FERRITIN_BASELINE };
  HlhState rising = hlh_criterion_eval (&items[HLH_IECHS_FERRITIN], c);
  guint n_references = 0;
  double ferritin;

  if (rising == HLH_STATE_MET)
    return HLH_STATE_MET;
  if (!hlh_case_get_number (c, HLH_FIELD_FERRITIN, HLH_UNIT_FERRITIN_NG_ML, &ferritin))
    return HLH_STATE_UNKNOWN;
  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    {
      double ref;
      if (!hlh_case_get_number (c, references[i], HLH_UNIT_FERRITIN_NG_ML, &ref))
        continue;
      n_references++;
      if (hlh_compare (ferritin, HLH_OP_GT, 2 * ref))
        return HLH_STATE_MET;
    }
  if (n_references == 0)
    return HLH_STATE_UNKNOWN;
  return rising;
}

/* > 5 × ULN, or > 5 × baseline when the baseline was itself above the ULN. */
static HlhState
enzyme_state (const HlhCase *c,
              HlhField       value_field,
              HlhField       uln_field,
              HlhField       baseline_field)
{
  double value, uln, baseline, ref;

  if (!hlh_case_get_number (c, value_field, HLH_UNIT_ENZYME_U_L, &value) ||
      !hlh_case_get_number (c, uln_field, HLH_UNIT_ENZYME_U_L, &uln))
    return HLH_STATE_UNKNOWN;
  ref = uln;
  if (hlh_case_get_number (c, baseline_field, HLH_UNIT_ENZYME_U_L, &baseline) &&
      hlh_compare (baseline, HLH_OP_GT, uln))
    ref = baseline;
  return state_of (hlh_compare (value, HLH_OP_GT, 5 * ref));
}

/* < 150 mg/dL, or below the laboratory's LLN when one is entered. */
static HlhState
fibrinogen_state (const HlhCase *c)
{
  double fibrinogen, lln;

  if (!hlh_case_get_number (c, HLH_FIELD_FIBRINOGEN, HLH_UNIT_FIB_MG_DL, &fibrinogen))
    return HLH_STATE_UNKNOWN;
  if (hlh_compare (fibrinogen, HLH_OP_LT, 150))
    return HLH_STATE_MET;
  if (hlh_case_get_number (c, HLH_FIELD_FIBRINOGEN_LLN, HLH_UNIT_FIB_MG_DL, &lln))
    return state_of (hlh_compare (fibrinogen, HLH_OP_LT, lln));
  return HLH_STATE_NOT_MET;
}

static HlhState
ldh_state (const HlhCase *c)
{
  double ldh, uln;

  if (!hlh_case_get_number (c, HLH_FIELD_LDH, HLH_UNIT_ENZYME_U_L, &ldh) ||
      !hlh_case_get_number (c, HLH_FIELD_LDH_ULN, HLH_UNIT_ENZYME_U_L, &uln))
    return HLH_STATE_UNKNOWN;
  return state_of (hlh_compare (ldh, HLH_OP_GT, uln));
}

static HlhState
transaminases_state (const HlhCase *c)
{
  return any_of (enzyme_state (c, HLH_FIELD_AST, HLH_FIELD_AST_ULN, HLH_FIELD_AST_BASELINE),
                 enzyme_state (c, HLH_FIELD_ALT, HLH_FIELD_ALT_ULN, HLH_FIELD_ALT_BASELINE));
}

/* Items judged against laboratory references: how each is evaluated, and the values (in the
 * item's unit) its basis shows. The other items are plain criteria. */
typedef struct
{
  HlhField field;
  HlhUnit  unit;
} Shown;

static const struct
{
  HlhState (*state) (const HlhCase *c);
  Shown     shown[7];
} referenced[HLH_IECHS_N_ITEMS] = {
  [HLH_IECHS_FERRITIN] = { ferritin_state, {
      { HLH_FIELD_FERRITIN, HLH_UNIT_FERRITIN_NG_ML },
      { HLH_FIELD_FERRITIN_ULN, HLH_UNIT_FERRITIN_NG_ML },
      { HLH_FIELD_FERRITIN_BASELINE, HLH_UNIT_FERRITIN_NG_ML } } },
  [HLH_IECHS_TRANSAMINASES] = { transaminases_state, {
      { HLH_FIELD_AST, HLH_UNIT_ENZYME_U_L }, { HLH_FIELD_AST_ULN, HLH_UNIT_ENZYME_U_L },
      { HLH_FIELD_AST_BASELINE, HLH_UNIT_ENZYME_U_L }, { HLH_FIELD_ALT, HLH_UNIT_ENZYME_U_L },
      { HLH_FIELD_ALT_ULN, HLH_UNIT_ENZYME_U_L }, { HLH_FIELD_ALT_BASELINE, HLH_UNIT_ENZYME_U_L } } },
  [HLH_IECHS_FIBRINOGEN] = { fibrinogen_state, {
      { HLH_FIELD_FIBRINOGEN, HLH_UNIT_FIB_MG_DL },
      { HLH_FIELD_FIBRINOGEN_LLN, HLH_UNIT_FIB_MG_DL } } },
  [HLH_IECHS_LDH] = { ldh_state, {
      { HLH_FIELD_LDH, HLH_UNIT_ENZYME_U_L }, { HLH_FIELD_LDH_ULN, HLH_UNIT_ENZYME_U_L } } },
};

static HlhState
item_state (HlhIechsItemId  item,
            const HlhCase  *c)
{
  if (referenced[item].state != NULL)
    return referenced[item].state (c);
  return hlh_criterion_eval (&items[item], c);
}

/**
 * hlh_iechs_evaluate:
 *
 * Each checklist item met, not met or unknown, counted apart for the most common and the other
 * manifestations, with the clinician's grade. A checklist, not a score: no status is derived.
 */
void
hlh_iechs_evaluate (const HlhCase *c,
                    HlhIechs      *result)
{
  int grade;

  memset (result, 0, sizeof *result);
  result->applicable = hlh_case_has_iec_therapy (c);
  result->grade = hlh_case_get_choice (c, HLH_FIELD_IECHS_GRADE, &grade) ? grade : 0;
  for (guint i = 0; i < HLH_IECHS_N_ITEMS; i++)
    {
      result->items[i] = item_state (i, c);
      hlh_tally_add (i < HLH_IECHS_N_COMMON ? &result->common : &result->other,
                     result->items[i]);
    }
}

static void
append_value (GString       *s,
              const HlhCase *c,
              HlhField       field,
              HlhUnit        unit)
{
  double value;

  if (s->len > 0)
    g_string_append (s, _("; "));
  if (hlh_case_get_number (c, field, unit, &value))
    {
      g_autofree char *v = hlh_format_value (value, unit);
      g_string_append_printf (s, _("%s %s"), _(hlh_field_get_info (field)->label), v);
    }
  else
    g_string_append_printf (s, _("%s not entered"), _(hlh_field_get_info (field)->label));
}

/**
 * hlh_iechs_dup_rule:
 *
 * Returns: (transfer full): the item's rule for people: its thresholds, or, for an item judged
 *   against the laboratory's references (the upper or lower limit of normal, the value at
 *   infusion), its wording, which states them: its conditions alone would leave them out
 *   ("Fibrinogen < 150 mg/dL" without the limit of normal) or say nothing (raised LDH)
 */
char *
hlh_iechs_dup_rule (HlhIechsItemId item)
{
  g_return_val_if_fail (item < HLH_IECHS_N_ITEMS, NULL);

  if (referenced[item].state != NULL)
    return g_strdup (_(items[item].label));
  return hlh_criterion_describe (&items[item]);
}

/**
 * hlh_iechs_dup_basis:
 *
 * Returns: (transfer full): the values and laboratory references the item was judged on
 */
char *
hlh_iechs_dup_basis (HlhIechsItemId  item,
                     const HlhCase  *c)
{
  g_autoptr(GString) s = g_string_new (NULL);

  g_return_val_if_fail (item < HLH_IECHS_N_ITEMS, NULL);

  if (referenced[item].state == NULL)
    return hlh_criterion_dup_basis (&items[item], c);
  for (guint i = 0; i < G_N_ELEMENTS (referenced[item].shown); i++)
    {
      const Shown *shown = &referenced[item].shown[i];
      if (shown->field != 0)   /* zero-filled entries (the age, never shown) end the list */
        append_value (s, c, shown->field, shown->unit);
    }
  if (item == HLH_IECHS_FERRITIN)
    {
      g_autofree char *rising = hlh_criterion_dup_basis (&items[item], c);
      g_string_append_printf (s, _("; rapidly rising: %s"), rising);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}
