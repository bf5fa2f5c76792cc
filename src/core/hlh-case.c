/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "hlh-case.h"
#include "hlh-error.h"
#include "hlh-parse.h"

/* Plausible ranges and default units: clinical-spec section 9. */
static const HlhFieldInfo fields[HLH_N_FIELDS] = {
#define NUM(e, id, label, unit, min, max, warn) \
  { HLH_FIELD_##e, id, label, HLH_FIELD_KIND_NUMBER, HLH_UNIT_##unit, min, max, warn }
#define CHOICE(e, id, label, kind) \
  { HLH_FIELD_##e, id, label, HLH_FIELD_KIND_##kind, HLH_UNIT_CELSIUS, 0, 0, 0 }
  /* Translators: the findings as the form and the report name them. Use the names and
   * abbreviations of your country's laboratory reports; the units are international
   * symbols and are not translated (except the units of age). */
  NUM (AGE, "age", N_("Age"), AGE_YEARS, 0, 120, 0),
  NUM (TEMPERATURE, "temperature", N_("Highest temperature"), CELSIUS, 25, 45, 0),
  NUM (HEMOGLOBIN, "hemoglobin", N_("Haemoglobin"), HB_G_DL, 1, 25, 0),
  NUM (LEUKOCYTES, "leukocytes", N_("Leukocytes"), CELLS_E9_L, 0, 500, 0),
  NUM (NEUTROPHILS, "neutrophils", N_("Neutrophils"), CELLS_E9_L, 0, 500, 0),
  NUM (PLATELETS, "platelets", N_("Platelets"), CELLS_E9_L, 0, 3000, 0),
  NUM (FERRITIN, "ferritin", N_("Ferritin"), FERRITIN_NG_ML, 0, 1000000, 0),
  NUM (TRIGLYCERIDES, "triglycerides", N_("Triglycerides (fasting)"), TG_MMOL_L, 0, 100, 30),
  NUM (FIBRINOGEN, "fibrinogen", N_("Fibrinogen"), FIB_G_L, 0, 20, 0),
  /* Translators: aspartate aminotransferase; SGOT is its older name */
  NUM (AST, "ast", N_("AST (SGOT)"), ENZYME_U_L, 0, 100000, 0),
  /* Translators: alanine aminotransferase; SGPT is its older name */
  NUM (ALT, "alt", N_("ALT (SGPT)"), ENZYME_U_L, 0, 100000, 0),
  /* Translators: lactate dehydrogenase */
  NUM (LDH, "ldh", N_("LDH"), ENZYME_U_L, 0, 100000, 0),
  /* Translators: soluble interleukin-2 receptor (alpha chain), measured in U/mL */
  NUM (SCD25, "scd25", N_("Soluble CD25 (sIL-2R)"), SCD25_U_ML, 0, 1000000, 0),
  /* Translators: the laboratory's reference limits: "upper limit of normal" is ULN in
   * English papers */
  NUM (FERRITIN_ULN, "ferritin_uln", N_("Ferritin, upper limit of normal"), FERRITIN_NG_ML,
       0, 1000000, 0),
  NUM (FERRITIN_BASELINE, "ferritin_baseline", N_("Ferritin at infusion"), FERRITIN_NG_ML,
       0, 1000000, 0),
  NUM (AST_ULN, "ast_uln", N_("AST, upper limit of normal"), ENZYME_U_L, 0, 100000, 0),
  NUM (ALT_ULN, "alt_uln", N_("ALT, upper limit of normal"), ENZYME_U_L, 0, 100000, 0),
  NUM (AST_BASELINE, "ast_baseline", N_("AST at baseline"), ENZYME_U_L, 0, 100000, 0),
  NUM (ALT_BASELINE, "alt_baseline", N_("ALT at baseline"), ENZYME_U_L, 0, 100000, 0),
  NUM (FIBRINOGEN_LLN, "fibrinogen_lln", N_("Fibrinogen, lower limit of normal"), FIB_G_L,
       0, 20, 0),
  NUM (LDH_ULN, "ldh_uln", N_("LDH, upper limit of normal"), ENZYME_U_L, 0, 100000, 0),
  /* Translators: sJIA is systemic juvenile idiopathic arthritis */
  CHOICE (SJIA, "sjia", N_("Known or suspected sJIA"), YES_NO),
  /* Translators: CAR-T cells, T-cell engagers and similar treatments */
  CHOICE (IEC_THERAPY, "iec_therapy", N_("Immune-effector-cell therapy (CAR-T etc.)"), YES_NO),
  CHOICE (IMMUNOSUPPRESSION, "immunosuppression", N_("Known underlying immunosuppression"),
          YES_NO),
  CHOICE (HEPATOMEGALY, "hepatomegaly", N_("Hepatomegaly"), YES_NO),
  CHOICE (SPLENOMEGALY, "splenomegaly", N_("Splenomegaly"), YES_NO),
  /* Translators: CNS is the central nervous system */
  CHOICE (CNS_INVOLVEMENT, "cns_involvement", N_("CNS involvement"), YES_NO),
  CHOICE (HEMORRHAGE, "hemorrhage", N_("Haemorrhagic manifestations"), YES_NO),
  CHOICE (ACTIVE_ARTHRITIS, "active_arthritis", N_("Active arthritis"), YES_NO),
  CHOICE (HEMOPHAGOCYTOSIS_MARROW, "hemophagocytosis_marrow",
          N_("Haemophagocytosis on bone-marrow aspirate"), YES_NO),
  CHOICE (HEMOPHAGOCYTOSIS_OTHER, "hemophagocytosis_other",
          N_("Haemophagocytosis in spleen, lymph node or liver"), YES_NO),
  CHOICE (MOLECULAR_DIAGNOSIS, "molecular_diagnosis",
          N_("Molecular diagnosis consistent with HLH"), YES_NO),
  CHOICE (FERRITIN_RISING, "ferritin_rising", N_("Ferritin rising rapidly"), YES_NO),
  CHOICE (NEW_CYTOPENIAS, "new_cytopenias", N_("New, worsening or refractory cytopenias"),
          YES_NO),
  /* Translators: PT is the prothrombin time, PTT the partial thromboplastin time */
  CHOICE (COAGULOPATHY, "coagulopathy", N_("Coagulopathy (prolonged PT/PTT)"), YES_NO),
  CHOICE (DIRECT_HYPERBILIRUBINEMIA, "direct_hyperbilirubinemia",
          N_("Direct hyperbilirubinaemia"), YES_NO),
  CHOICE (NEUROTOXICITY, "neurotoxicity", N_("Neurotoxicity"), YES_NO),
  CHOICE (PULMONARY_INVOLVEMENT, "pulmonary_involvement", N_("Pulmonary involvement"), YES_NO),
  CHOICE (RENAL_INVOLVEMENT, "renal_involvement", N_("Renal involvement"), YES_NO),
  /* Translators: grades of the CTCAE (Common Terminology Criteria for Adverse Events) */
  CHOICE (CARTOX_LIVER_GRADE3, "cartox_liver_grade3",
          N_("Grade ≥ 3 rise in bilirubin, AST or ALT"), YES_NO),
  CHOICE (CARTOX_RENAL_GRADE3, "cartox_renal_grade3",
          N_("Grade ≥ 3 oliguria or creatinine rise"), YES_NO),
  CHOICE (CARTOX_PULMONARY_EDEMA_GRADE3, "cartox_pulmonary_edema_grade3",
          N_("Grade ≥ 3 pulmonary oedema"), YES_NO),
  CHOICE (RASH, "rash", N_("Rash"), YES_NO),
  CHOICE (LYMPHADENOPATHY, "lymphadenopathy", N_("Lymphadenopathy"), YES_NO),
  CHOICE (JAUNDICE, "jaundice", N_("Jaundice"), YES_NO),
  CHOICE (EDEMA, "edema", N_("Oedema"), YES_NO),
  /* Translators: the activity of natural killer cells */
  CHOICE (NK_ACTIVITY, "nk_activity", N_("NK-cell activity"), NK),
  /* Translators: IEC-HS is the immune-effector-cell-associated HLH-like syndrome (Hines
   * 2023); keep the abbreviation */
  CHOICE (IECHS_GRADE, "iechs_grade", N_("IEC-HS grade (clinician's choice)"), GRADE),
#undef NUM
#undef CHOICE
};

/* clinical-spec section 7: triggers that set a finding. */
static const struct
{
  HlhTrigger trigger;
  HlhField   field;
} implications[] = {
  { HLH_TRIGGER_HIV, HLH_FIELD_IMMUNOSUPPRESSION },
  { HLH_TRIGGER_LONG_TERM_IMMUNOSUPPRESSION, HLH_FIELD_IMMUNOSUPPRESSION },
  { HLH_TRIGGER_SJIA, HLH_FIELD_SJIA },
  { HLH_TRIGGER_IEC_THERAPY, HLH_FIELD_IEC_THERAPY },
};

/* Likely unit mix-ups, named when a value falls outside its plausible range. */
static const struct
{
  HlhUnit  entered;
  gboolean above;
  HlhUnit  meant;
} mixups[] = {
  { HLH_UNIT_CELSIUS, TRUE, HLH_UNIT_FAHRENHEIT },
  { HLH_UNIT_FAHRENHEIT, FALSE, HLH_UNIT_CELSIUS },
  { HLH_UNIT_HB_G_DL, TRUE, HLH_UNIT_HB_G_L },
  { HLH_UNIT_HB_G_L, FALSE, HLH_UNIT_HB_G_DL },
  { HLH_UNIT_CELLS_E9_L, TRUE, HLH_UNIT_CELLS_PER_UL },
  { HLH_UNIT_CELLS_E3_UL, TRUE, HLH_UNIT_CELLS_PER_UL },
  { HLH_UNIT_TG_MMOL_L, TRUE, HLH_UNIT_TG_MG_DL },
  { HLH_UNIT_FIB_G_L, TRUE, HLH_UNIT_FIB_MG_DL },
  { HLH_UNIT_AGE_YEARS, TRUE, HLH_UNIT_AGE_MONTHS },
};

static const char * const yes_no_words[] = { "no", "yes", NULL };
static const char * const nk_words[] = { "normal", "low", NULL };
static const char * const grade_words[] = { "0", "1", "2", "3", "4", "5", NULL };

const HlhFieldInfo *
hlh_field_get_info (HlhField field)
{
  g_return_val_if_fail (field < HLH_N_FIELDS, &fields[0]);
  return &fields[field];
}

gboolean
hlh_field_lookup (const char *id,
                  gsize       length,
                  HlhField   *field)
{
  g_return_val_if_fail (id != NULL, FALSE);

  if (length == (gsize) -1)
    length = strlen (id);
  for (guint i = 0; i < HLH_N_FIELDS; i++)
    {
      if (strlen (fields[i].id) == length && g_ascii_strncasecmp (fields[i].id, id, length) == 0)
        {
          *field = fields[i].field;
          return TRUE;
        }
    }
  return FALSE;
}

HlhQuantity
hlh_field_get_quantity (HlhField field)
{
  return hlh_unit_get_quantity (hlh_field_get_info (field)->unit);
}

static const char * const *
choice_words (HlhField field)
{
  switch (hlh_field_get_info (field)->kind)
    {
    case HLH_FIELD_KIND_YES_NO:
      return yes_no_words;
    case HLH_FIELD_KIND_NK:
      return nk_words;
    case HLH_FIELD_KIND_GRADE:
      return grade_words;
    case HLH_FIELD_KIND_NUMBER:
    default:
      return NULL;
    }
}

/**
 * hlh_field_choice_word:
 *
 * Returns: the word for @choice ("yes", "low", "3"), as written in files and on the
 *   command line; %NULL if @field takes no such choice
 */
const char *
hlh_field_choice_word (HlhField field,
                       int      choice)
{
  const char * const *words = choice_words (field);

  if (words == NULL || choice < 0 || choice >= (int) g_strv_length ((GStrv) words))
    return NULL;
  if (words == grade_words && choice == 0)
    return NULL;
  return words[choice];
}

char *
hlh_field_dup_choice_words (HlhField field)
{
  switch (hlh_field_get_info (field)->kind)
    {
    case HLH_FIELD_KIND_YES_NO:
      return g_strdup ("yes, no, unknown");
    case HLH_FIELD_KIND_NK:
      return g_strdup ("low, normal, unknown");
    case HLH_FIELD_KIND_GRADE:
      return g_strdup ("1, 2, 3, 4, 5, unknown");
    case HLH_FIELD_KIND_NUMBER:
    default:
      return hlh_quantity_dup_spellings (hlh_field_get_quantity (field));
    }
}

static HlhUnit
mixup_for (HlhUnit  entered,
           gboolean above)
{
  for (guint i = 0; i < G_N_ELEMENTS (mixups); i++)
    if (mixups[i].entered == entered && mixups[i].above == above)
      return mixups[i].meant;
  return HLH_N_UNITS;
}

/**
 * hlh_field_check_number:
 *
 * Checks that @number in @unit is a plausible value of @field, with a message naming the field,
 * the plausible range and the likely unit mix-up when it is not.
 *
 * Returns: %TRUE if plausible
 */
static void
set_range_error (const HlhFieldInfo  *info,
                 double               number,
                 HlhUnit              unit,
                 double               value,
                 GError             **error)
{
  HlhUnit canonical = hlh_quantity_get_canonical (hlh_unit_get_quantity (info->unit));
  g_autofree char *shown = hlh_format_number (number);
  g_autofree char *min = hlh_format_number (info->min);
  g_autofree char *max = hlh_format_number (info->max);
  g_autofree char *converted = NULL;
  g_autofree char *hint = NULL;
  HlhUnit meant;

  if (unit != canonical)
    {
      g_autofree char *v = hlh_format_number (value);
      converted = g_strdup_printf (" (%s %s)", v, hlh_unit_get_label (canonical));
    }
  meant = mixup_for (unit, value > info->max);
  if (meant != HLH_N_UNITS)
    hint = g_strdup_printf (_(" Was it in %s?"), hlh_unit_get_label (meant));

  g_set_error (error, HLH_ERROR, HLH_ERROR_RANGE,
               _("%s: %s %s%s is outside the plausible range %s–%s %s.%s"),
               _(info->label), shown, hlh_unit_get_label (unit), converted ? converted : "",
               min, max, hlh_unit_get_label (canonical), hint ? hint : "");
}

/**
 * hlh_field_check_number:
 *
 * Checks that @number in @unit is a plausible value of @field, with a message naming the field,
 * the plausible range and the likely unit mix-up when it is not.
 *
 * Returns: %TRUE if plausible
 */
gboolean
hlh_field_check_number (HlhField   field,
                        double     number,
                        HlhUnit    unit,
                        GError   **error)
{
  const HlhFieldInfo *info = hlh_field_get_info (field);
  double value;

  g_return_val_if_fail (info->kind == HLH_FIELD_KIND_NUMBER, FALSE);

  if (hlh_unit_get_quantity (unit) != hlh_field_get_quantity (field))
    {
      g_autofree char *accepted = hlh_field_dup_choice_words (field);
      g_set_error (error, HLH_ERROR, HLH_ERROR_UNIT,
                   _("%s: %s is not a unit of this finding; use %s"),
                   _(info->label), hlh_unit_get_label (unit), accepted);
      return FALSE;
    }

  value = hlh_unit_convert (number, unit, hlh_quantity_get_canonical (hlh_field_get_quantity (field)));
  if (isfinite (value) && value >= info->min && value <= info->max)
    return TRUE;
  set_range_error (info, number, unit, value, error);
  return FALSE;
}

void
hlh_case_init (HlhCase *self)
{
  static HlhCase empty;
  static gsize initialized;

  g_return_if_fail (self != NULL);

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < HLH_N_FIELDS; i++)
        empty.values[i].unit = fields[i].unit;
      g_once_init_leave (&initialized, 1);
    }
  *self = empty;
}

/**
 * hlh_case_equal:
 *
 * Returns: whether @a and @b hold the same findings: the same known values, each in the same
 *   unit, and the same triggers. An application compares the case on screen with the one last
 *   saved to know whether there are unsaved changes.
 */
gboolean
hlh_case_equal (const HlhCase *a,
                const HlhCase *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->triggers != b->triggers)
    return FALSE;
  for (guint i = 0; i < HLH_N_FIELDS; i++)
    {
      const HlhValue *x = &a->values[i], *y = &b->values[i];

      if (x->known != y->known)
        return FALSE;
      if (!x->known)
        continue;
      if (fields[i].kind == HLH_FIELD_KIND_NUMBER
            ? x->number != y->number || x->unit != y->unit
            : x->choice != y->choice)
        return FALSE;
    }
  return TRUE;
}

HlhTeaching *
hlh_teaching_new (const char *title,
                  const char *narrative,
                  const char *learning_point)
{
  HlhTeaching *self;

  g_return_val_if_fail (title != NULL && narrative != NULL && learning_point != NULL, NULL);

  self = g_new0 (HlhTeaching, 1);
  self->title = g_strdup (title);
  self->narrative = g_strdup (narrative);
  self->learning_point = g_strdup (learning_point);
  return self;
}

HlhTeaching *
hlh_teaching_copy (const HlhTeaching *self)
{
  if (self == NULL)
    return NULL;
  return hlh_teaching_new (self->title, self->narrative, self->learning_point);
}

void
hlh_teaching_free (HlhTeaching *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->narrative);
  g_free (self->learning_point);
  g_free (self);
}

HlhCase *
hlh_case_new (void)
{
  HlhCase *self = g_new (HlhCase, 1);

  hlh_case_init (self);
  return self;
}

void
hlh_case_free (HlhCase *self)
{
  g_free (self);
}

const HlhValue *
hlh_case_get_value (const HlhCase *self,
                    HlhField       field)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (field < HLH_N_FIELDS, NULL);
  return &self->values[field];
}

gboolean
hlh_case_is_known (const HlhCase *self,
                   HlhField       field)
{
  return hlh_case_get_value (self, field)->known;
}

/**
 * hlh_case_get_number:
 * @unit: the unit wanted, of the field's quantity (a rule's native unit)
 * @number: (out): the value converted into @unit
 *
 * Returns: %TRUE if the finding is known
 */
gboolean
hlh_case_get_number (const HlhCase *self,
                     HlhField       field,
                     HlhUnit        unit,
                     double        *number)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (field < HLH_N_FIELDS, FALSE);
  g_return_val_if_fail (fields[field].kind == HLH_FIELD_KIND_NUMBER, FALSE);
  g_return_val_if_fail (hlh_unit_get_quantity (unit) == hlh_field_get_quantity (field), FALSE);

  return hlh_case_peek_number (self, field, unit, number);
}

gboolean
hlh_case_get_choice (const HlhCase *self,
                     HlhField       field,
                     int           *choice)
{
  const HlhValue *v = hlh_case_get_value (self, field);

  g_return_val_if_fail (fields[field].kind != HLH_FIELD_KIND_NUMBER, FALSE);

  if (!v->known)
    return FALSE;
  *choice = v->choice;
  return TRUE;
}

/**
 * hlh_case_get_implying_trigger:
 *
 * Returns: the recorded trigger that sets the yes/no @field to yes (HIV infection sets the
 *   HScore's immunosuppression item, for example), or %HLH_N_TRIGGERS if none does
 */
HlhTrigger
hlh_case_get_implying_trigger (const HlhCase *self,
                               HlhField       field)
{
  if (self->triggers == 0)
    return HLH_N_TRIGGERS;
  for (guint i = 0; i < G_N_ELEMENTS (implications); i++)
    if (implications[i].field == field && hlh_case_has_trigger (self, implications[i].trigger))
      return implications[i].trigger;
  return HLH_N_TRIGGERS;
}

/**
 * hlh_trigger_get_implied_field:
 *
 * Returns: the yes/no finding that recording @trigger sets to yes, or %HLH_N_FIELDS if none
 */
HlhField
hlh_trigger_get_implied_field (HlhTrigger trigger)
{
  for (guint i = 0; i < G_N_ELEMENTS (implications); i++)
    if (implications[i].trigger == trigger)
      return implications[i].field;
  return HLH_N_FIELDS;
}

/**
 * hlh_case_get_effective_answer:
 *
 * The answer the scores use: the finding as entered, or yes when the trigger history sets it.
 *
 * Returns: %TRUE if the answer is known
 */
gboolean
hlh_case_get_effective_answer (const HlhCase *self,
                               HlhField       field,
                               int           *answer)
{
  if (hlh_case_get_implying_trigger (self, field) != HLH_N_TRIGGERS)
    {
      *answer = HLH_ANSWER_YES;
      return TRUE;
    }
  return hlh_case_get_choice (self, field, answer);
}

/**
 * hlh_case_set_number:
 *
 * Sets a numeric finding after checking it is plausible; on error the case is unchanged.
 */
gboolean
hlh_case_set_number (HlhCase  *self,
                     HlhField  field,
                     double    number,
                     HlhUnit   unit,
                     GError  **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (field < HLH_N_FIELDS, FALSE);
  g_return_val_if_fail (fields[field].kind == HLH_FIELD_KIND_NUMBER, FALSE);
  g_return_val_if_fail (unit < HLH_N_UNITS, FALSE);

  if (!hlh_field_check_number (field, number, unit, error))
    return FALSE;
  self->values[field].known = TRUE;
  self->values[field].number = number;
  self->values[field].unit = unit;
  return TRUE;
}

void
hlh_case_set_choice (HlhCase  *self,
                     HlhField  field,
                     int       choice)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (field < HLH_N_FIELDS);
  g_return_if_fail (fields[field].kind != HLH_FIELD_KIND_NUMBER);
  g_return_if_fail (hlh_field_choice_word (field, choice) != NULL);

  self->values[field].known = TRUE;
  self->values[field].choice = choice;
}

/* The entered unit stays, so that a cleared field keeps the unit the user chose. */
void
hlh_case_set_unknown (HlhCase  *self,
                      HlhField  field)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (field < HLH_N_FIELDS);

  self->values[field].known = FALSE;
  self->values[field].number = 0;
  self->values[field].choice = 0;
}

gboolean
hlh_case_has_trigger (const HlhCase *self,
                      HlhTrigger     trigger)
{
  g_return_val_if_fail (trigger < HLH_N_TRIGGERS, FALSE);
  return (self->triggers & HLH_TRIGGER_BIT (trigger)) != 0;
}

void
hlh_case_set_trigger (HlhCase    *self,
                      HlhTrigger  trigger,
                      gboolean    present)
{
  g_return_if_fail (trigger < HLH_N_TRIGGERS);

  if (present)
    self->triggers |= HLH_TRIGGER_BIT (trigger);
  else
    self->triggers &= ~HLH_TRIGGER_BIT (trigger);
}

static const char *
skip_spaces (const char *p)
{
  while (*p != '\0' && hlh_is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

static char *
dup_trimmed (const char *text)
{
  const char *start = skip_spaces (text);
  const char *end = start + strlen (start);

  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);
      if (prev == NULL || !hlh_is_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

/**
 * hlh_field_lookup_choice:
 * @word: the answer as written ("yes", "LOW", "3"); not nul-terminated if @length is given
 * @length: its length in bytes, or -1
 * @choice: (out): the choice
 *
 * Reads an answer without allocating (a batch reads millions). "unknown" is not a choice.
 *
 * Returns: %TRUE if @word is an answer @field takes
 */
gboolean
hlh_field_lookup_choice (HlhField    field,
                         const char *word,
                         gsize       length,
                         int        *choice)
{
  const char * const *words = choice_words (field);

  g_return_val_if_fail (words != NULL, FALSE);

  if (length == (gsize) -1)
    length = strlen (word);
  for (int i = words == grade_words ? 1 : 0; words[i] != NULL; i++)
    {
      /* Lengths first: a cell may hold a NUL byte ("no\0x"), which would end the comparison
       * early and send a read past the end of words[i]. */
      if (length > 0 && (words[i][0] | 0x20) == (word[0] | 0x20) &&
          strlen (words[i]) == length && g_ascii_strncasecmp (words[i], word, length) == 0)
        {
          *choice = i;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
set_choice_from_word (HlhCase     *self,
                      HlhField     field,
                      const char  *word,
                      GError     **error)
{
  g_autofree char *accepted = NULL;
  int choice;

  if (hlh_field_lookup_choice (field, word, -1, &choice))
    {
      hlh_case_set_choice (self, field, choice);
      return TRUE;
    }
  accepted = hlh_field_dup_choice_words (field);
  g_set_error (error, HLH_ERROR, HLH_ERROR_VALUE, _("%s: “%s” is not an answer; write %s"),
               _(fields[field].label), word, accepted);
  return FALSE;
}

/* The longest accepted unit spelling that ends @text after a digit, separator or space. */
static gsize
find_unit_suffix (HlhQuantity  quantity,
                  const char  *text,
                  HlhUnit     *unit)
{
  gsize len = strlen (text), best = 0;

  for (guint u = 0; u < HLH_N_UNITS; u++)
    {
      const HlhUnitInfo *info = hlh_unit_get_info (u);

      if (info->quantity != quantity)
        continue;
      for (guint i = 0; info->spellings[i] != NULL; i++)
        {
          gsize n = strlen (info->spellings[i]);
          char before;

          if (n > len || n <= best || g_ascii_strcasecmp (text + len - n, info->spellings[i]) != 0)
            continue;
          before = n < len ? text[len - n - 1] : '\0';
          if (before != '\0' && !g_ascii_isdigit (before) && before != '.' && before != ',' &&
              !hlh_is_space (g_utf8_get_char (g_utf8_find_prev_char (text, text + len - n))))
            continue;
          best = n;
          *unit = info->unit;
        }
    }
  return best;
}

/* Where a unit that we do not accept begins: the first character that cannot be part of a
 * number, if what follows it reads as a unit of some other finding or unknown word. */
static const char *
find_unit_start (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c) || c == '/' || c == 0x00B0 || c == 0x00D7 || c == '%' || c == '^')
        return p;
    }
  return NULL;
}

static gboolean
set_number_from_text (HlhCase     *self,
                      HlhField     field,
                      const char  *text,
                      HlhUnit      default_unit,
                      gboolean     machine_format,
                      GError     **error)
{
  const HlhFieldInfo *info = &fields[field];
  HlhQuantity quantity = hlh_field_get_quantity (field);
  HlhUnit unit = default_unit;
  g_autofree char *number_text = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize suffix = find_unit_suffix (quantity, text, &unit);
  double number;
  gboolean ok;

  if (suffix > 0)
    {
      g_autofree char *head = g_strndup (text, strlen (text) - suffix);
      number_text = dup_trimmed (head);
      if (*number_text == '\0')
        {
          g_set_error (error, HLH_ERROR, HLH_ERROR_EMPTY,
                       _("%s: a unit was given without a number"), _(info->label));
          return FALSE;
        }
    }
  else
    {
      const char *unit_start = find_unit_start (text);

      if (unit_start != NULL && unit_start != text &&
          !(g_ascii_tolower (*unit_start) == 'e' &&
            (g_ascii_isdigit (unit_start[1]) || unit_start[1] == '+' || unit_start[1] == '-')))
        {
          g_autofree char *rest = dup_trimmed (unit_start);
          g_autofree char *accepted = hlh_quantity_dup_spellings (quantity);
          g_set_error (error, HLH_ERROR, HLH_ERROR_UNIT,
                       _("%s: “%s” is not a unit of this finding; use %s"),
                       _(info->label), rest, accepted);
          return FALSE;
        }
      number_text = g_strdup (text);
    }

  if (machine_format)
    ok = hlh_parse_machine_number (number_text, strlen (number_text), &number, &local_error);
  else
    ok = hlh_parse_number (number_text, &number, &local_error);
  if (!ok)
    {
      g_set_error (error, HLH_ERROR, local_error->code, "%s: %s", _(info->label),
                   local_error->message);
      return FALSE;
    }
  return hlh_case_set_number (self, field, number, unit, error);
}

/**
 * hlh_case_set_from_text:
 * @text: a number with an optional unit ("8400 ng/mL", "8400ng/mL", "39,5"), or a word
 *   ("yes", "low", "3"); "unknown" or an empty text makes the finding unknown
 * @default_unit: the unit of a number typed without one
 * @machine_format: %TRUE for files ("." decimals only, no grouping)
 *
 * Sets one finding from text. On error, with a message naming the finding, the case is
 * unchanged.
 *
 * Returns: %TRUE on success
 */
gboolean
hlh_case_set_from_text (HlhCase     *self,
                        HlhField     field,
                        const char  *text,
                        HlhUnit      default_unit,
                        gboolean     machine_format,
                        GError     **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (field < HLH_N_FIELDS, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, HLH_ERROR, HLH_ERROR_SYNTAX, _("%s: the text is not valid UTF-8"),
                   _(fields[field].label));
      return FALSE;
    }
  if (strlen (text) > 4 * HLH_PARSE_MAX_LENGTH)
    {
      g_set_error (error, HLH_ERROR, HLH_ERROR_TOO_LONG, _("%s: the text is too long"),
                   _(fields[field].label));
      return FALSE;
    }

  trimmed = dup_trimmed (text);
  if (*trimmed == '\0' || g_ascii_strcasecmp (trimmed, "unknown") == 0)
    {
      hlh_case_set_unknown (self, field);
      return TRUE;
    }
  if (fields[field].kind != HLH_FIELD_KIND_NUMBER)
    return set_choice_from_word (self, field, trimmed, error);
  return set_number_from_text (self, field, trimmed, default_unit, machine_format, error);
}

/**
 * hlh_case_set_triggers_from_text:
 * @text: trigger ids separated by "," or ";" ("ebv,hiv"); empty for none
 *
 * Replaces the trigger history. On error the case is unchanged.
 */
gboolean
hlh_case_set_triggers_from_text (HlhCase     *self,
                                 const char  *text,
                                 GError     **error)
{
  g_auto(GStrv) ids = g_strsplit_set (text, ",;", -1);
  guint64 triggers = 0;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *id = dup_trimmed (ids[i]);
      HlhTrigger trigger;

      if (*id == '\0')
        continue;
      if (!hlh_trigger_lookup (id, -1, &trigger))
        {
          g_set_error (error, HLH_ERROR, HLH_ERROR_VALUE,
                       _("Triggers: “%s” is not a known trigger (see hlh-score --units)"), id);
          return FALSE;
        }
      triggers |= HLH_TRIGGER_BIT (trigger);
    }
  self->triggers = triggers;
  return TRUE;
}

static guint
edit_distance (const char *a,
               const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (gsize j = 0; j <= lb; j++)
    row[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];
      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1]) ? 0 : 1;
          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }
  return row[lb];
}

/* The field id closest to a mistyped one ("ferritine" -> "ferritin"), or NULL. */
static const char *
closest_field_id (const char *name)
{
  const char *best = NULL;
  guint best_distance = 3;

  if (strlen (name) > 64)
    return NULL;
  for (guint i = 0; i < HLH_N_FIELDS; i++)
    {
      guint d = edit_distance (name, fields[i].id);
      if (d < best_distance)
        best = fields[i].id, best_distance = d;
    }
  return best;
}

/**
 * hlh_case_parse_finding:
 * @finding: "field=value" as typed on the command line, or "triggers=ebv,hiv"
 *
 * Returns: %TRUE on success; on error the case is unchanged
 */
gboolean
hlh_case_parse_finding (HlhCase     *self,
                        const char  *finding,
                        GError     **error)
{
  const char *eq = strchr (finding, '=');
  HlhField field;

  if (eq == NULL)
    {
      g_set_error (error, HLH_ERROR, HLH_ERROR_FIELD,
                   _("“%s” is not a finding: write field=value, e.g. ferritin=8400"), finding);
      return FALSE;
    }
  if (eq - finding == 8 && strncmp (finding, "triggers", 8) == 0)
    return hlh_case_set_triggers_from_text (self, eq + 1, error);
  if (!hlh_field_lookup (finding, eq - finding, &field))
    {
      g_autofree char *name = g_utf8_make_valid (finding, eq - finding);
      const char *closest = closest_field_id (name);

      if (closest != NULL)
        g_set_error (error, HLH_ERROR, HLH_ERROR_FIELD,
                     _("“%s” is not a finding this calculator knows: did you mean “%s”? "
                       "(hlh-score --units lists them all)"), name, closest);
      else
        g_set_error (error, HLH_ERROR, HLH_ERROR_FIELD,
                     _("“%s” is not a finding this calculator knows (hlh-score --units lists "
                       "them all)"), name);
      return FALSE;
    }
  return hlh_case_set_from_text (self, field, eq + 1, fields[field].unit, FALSE, error);
}

/* Shortest text that reads back as the same double, without an exponent (files take plain
 * decimals only). A value the parser accepted came from at most HLH_PARSE_MAX_LENGTH
 * characters of plain decimal, so one of that length always exists. */
static char *
format_exact (double value)
{
  char buf[2 * HLH_PARSE_MAX_LENGTH];

  for (int digits = 15; digits <= 17; digits++)
    {
      char format[8];
      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  if (strpbrk (buf, "eE") != NULL)
    {
      for (int decimals = 1; decimals <= HLH_PARSE_MAX_LENGTH; decimals++)
        {
          char format[8];
          g_snprintf (format, sizeof format, "%%.%df", decimals);
          g_ascii_formatd (buf, sizeof buf, format, value);
          if (g_ascii_strtod (buf, NULL) == value)
            break;
        }
    }
  return g_strdup (buf);
}

/* A known finding as text: in file format, or for people (the locale's decimal mark and the
 * unit's label). */
static char *
dup_value (const HlhCase *self,
           HlhField       field,
           gboolean       for_people)
{
  const HlhValue *v = hlh_case_get_value (self, field);
  g_autofree char *number = NULL;

  if (!v->known)
    return NULL;
  if (fields[field].kind != HLH_FIELD_KIND_NUMBER)
    return g_strdup (hlh_field_choice_word (field, v->choice));
  number = format_exact (v->number);
  if (!for_people)
    return g_strdup_printf ("%s %s", number, hlh_unit_get_symbol (v->unit));
  number = hlh_localize_decimal (g_steal_pointer (&number));
  return g_strdup_printf ("%s %s", number, hlh_unit_get_label (v->unit));
}

/**
 * hlh_case_dup_value_text:
 *
 * Returns: (transfer full) (nullable): the finding in file format ("8400 ng/mL", "yes"), or
 *   %NULL when unknown
 */
char *
hlh_case_dup_value_text (const HlhCase *self,
                         HlhField       field)
{
  return dup_value (self, field, FALSE);
}

/**
 * hlh_case_dup_value_display:
 *
 * Like hlh_case_dup_value_text(), for people: the number exactly as stored, with the
 * locale's decimal mark, and the unit's label ("38,6 °C", "3 mois" in French).
 *
 * Returns: (transfer full) (nullable): the finding, or %NULL when unknown
 */
char *
hlh_case_dup_value_display (const HlhCase *self,
                            HlhField       field)
{
  return dup_value (self, field, TRUE);
}

/* A file cut short (a full disk, a copy interrupted) can still be a valid key file: a finding
 * truncated from "ferritin=8400" to "ferritin=84" would load as a different patient. So every
 * file written carries, in its [Case] section, the SHA-256 of the file without that line;
 * loading refuses a file whose checksum does not match. Files written by hand may leave the
 * line out. */
#define CHECKSUM_KEY "checksum"
#define CHECKSUM_PREFIX CHECKSUM_KEY "=sha256:"

static char *
add_checksum (GKeyFile *kf,
              gsize    *length)
{
  gsize body_length;
  g_autofree char *body = g_key_file_to_data (kf, &body_length, NULL);
  g_autofree char *digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                         (const guchar *) body, body_length);
  const char *after_header = strchr (body, '\n') + 1;
  GString *s = g_string_new_len (body, after_header - body);

  g_string_append_printf (s, CHECKSUM_PREFIX "%s\n", digest);
  g_string_append (s, after_header);
  if (length != NULL)
    *length = s->len;
  return g_string_free (s, FALSE);
}

/* Returns FALSE only for a checksum line that does not match the rest of the file. */
static gboolean
checksum_matches (const char *data,
                  gsize       length)
{
  const char *line = g_strstr_len (data, length, "\n" CHECKSUM_PREFIX);
  const char *value, *end;
  g_autofree char *digest = NULL;
  GChecksum *checksum;
  gboolean matches;

  if (line == NULL)
    return TRUE;
  line++;
  value = line + strlen (CHECKSUM_PREFIX);
  end = memchr (value, '\n', length - (value - data));
  if (end == NULL)
    return FALSE;
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, (const guchar *) data, line - data);
  g_checksum_update (checksum, (const guchar *) end + 1, length - (end + 1 - data));
  digest = g_strdup (g_checksum_get_string (checksum));
  g_checksum_free (checksum);
  matches = (gsize) (end - value) == strlen (digest) && memcmp (value, digest, end - value) == 0;
  return matches;
}

char *
hlh_case_to_data (const HlhCase *self,
                  gsize         *length)
{
  return hlh_case_to_data_full (self, NULL, length);
}

#define TEACHING_GROUP "Teaching"
static const char * const teaching_keys[] = { "title", "narrative", "learning-point" };

/**
 * hlh_case_to_data_full:
 * @teaching: (nullable): written as the `[Teaching]` section, marking a teaching case
 */
char *
hlh_case_to_data_full (const HlhCase     *self,
                       const HlhTeaching *teaching,
                       gsize             *length)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  g_key_file_set_integer (kf, "Case", "format", HLH_CASE_FORMAT);
  g_key_file_set_string (kf, "Case", "generator", "HLH Calculator " PACKAGE_VERSION);
  for (guint i = 0; i < HLH_N_FIELDS; i++)
    {
      g_autofree char *text = hlh_case_dup_value_text (self, i);
      if (text != NULL)
        g_key_file_set_string (kf, "Findings", fields[i].id, text);
    }
  for (guint t = 0; t < HLH_N_TRIGGERS; t++)
    if (hlh_case_has_trigger (self, t))
      g_ptr_array_add (ids, (gpointer) hlh_trigger_get_info (t)->id);
  if (ids->len > 0)
    g_key_file_set_string_list (kf, "Findings", "triggers",
                                (const char * const *) ids->pdata, ids->len);
  if (teaching != NULL)
    {
      g_key_file_set_string (kf, TEACHING_GROUP, teaching_keys[0], teaching->title);
      g_key_file_set_string (kf, TEACHING_GROUP, teaching_keys[1], teaching->narrative);
      g_key_file_set_string (kf, TEACHING_GROUP, teaching_keys[2], teaching->learning_point);
    }
  return add_checksum (kf, length);
}

static gboolean
load_format (GKeyFile  *kf,
             GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *format = g_key_file_get_value (kf, "Case", "format", NULL);
  gint64 version;

  if (format == NULL)
    {
      g_set_error (error, HLH_ERROR, HLH_ERROR_FORMAT,
                   _("This is not an HLH Calculator case file (no format version)"));
      return FALSE;
    }
  if (!g_ascii_string_to_signed (format, 10, 1, G_MAXINT, &version, &local_error))
    {
      g_set_error (error, HLH_ERROR, HLH_ERROR_FORMAT,
                   _("The case file's format version “%s” is not valid"), format);
      return FALSE;
    }
  if (version > HLH_CASE_FORMAT)
    {
      g_set_error (error, HLH_ERROR, HLH_ERROR_NEWER_FORMAT,
                   _("The case file was written by a newer version of HLH Calculator "
                     "(format %lld); this version reads format %d"),
                   (long long) version, HLH_CASE_FORMAT);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_findings (HlhCase   *self,
               GKeyFile  *kf,
               GError   **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (kf, "Findings", NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *value = g_key_file_get_string (kf, "Findings", keys[i], NULL);
      HlhField field;

      if (value == NULL)
        value = g_strdup ("");
      if (strcmp (keys[i], "triggers") == 0)
        {
          if (!hlh_case_set_triggers_from_text (self, value, error))
            return FALSE;
        }
      else if (!hlh_field_lookup (keys[i], -1, &field) || strcmp (keys[i], fields[field].id) != 0)
        {
          g_set_error (error, HLH_ERROR, HLH_ERROR_FORMAT,
                       _("The case file has a finding this version does not know: “%s”"),
                       keys[i]);
          return FALSE;
        }
      else if (!hlh_case_set_from_text (self, field, value, fields[field].unit, TRUE, error))
        return FALSE;
    }
  return TRUE;
}

/* The [Teaching] section: the three texts, each possibly translated ("title[fr]"). */
static gboolean
load_teaching (GKeyFile     *kf,
               HlhTeaching **teaching,
               GError      **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (kf, TEACHING_GROUP, NULL, NULL);
  char *texts[G_N_ELEMENTS (teaching_keys)] = { NULL, };
  gboolean ok = TRUE;

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      gsize base = strcspn (keys[i], "[");
      gboolean known = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (teaching_keys); k++)
        known |= strlen (teaching_keys[k]) == base && strncmp (keys[i], teaching_keys[k], base) == 0;
      if (!known)
        {
          g_set_error (error, HLH_ERROR, HLH_ERROR_FORMAT,
                       _("The case file's teaching section has an entry this version does not "
                         "know: “%s”"), keys[i]);
          return FALSE;
        }
    }
  for (guint k = 0; ok && k < G_N_ELEMENTS (teaching_keys); k++)
    {
      texts[k] = g_key_file_get_locale_string (kf, TEACHING_GROUP, teaching_keys[k], NULL, NULL);
      if (texts[k] == NULL || *g_strstrip (texts[k]) == '\0')
        {
          g_set_error (error, HLH_ERROR, HLH_ERROR_FORMAT,
                       _("The case file's teaching section has no “%s”"), teaching_keys[k]);
          ok = FALSE;
        }
    }
  if (ok && teaching != NULL)
    *teaching = hlh_teaching_new (texts[0], texts[1], texts[2]);
  for (guint k = 0; k < G_N_ELEMENTS (teaching_keys); k++)
    g_free (texts[k]);
  return ok;
}

/**
 * hlh_case_load_data:
 *
 * Reads a case file's contents. Refuses newer formats and anything it does not understand
 * completely; on error @self is unchanged.
 */
gboolean
hlh_case_load_data (HlhCase     *self,
                    const char  *data,
                    gsize        length,
                    GError     **error)
{
  return hlh_case_load_data_full (self, NULL, data, length, error);
}

/**
 * hlh_case_load_data_full:
 * @teaching: (out) (optional) (nullable): set to the case's teaching texts, or %NULL for a
 *   patient's case; untouched on error
 */
gboolean
hlh_case_load_data_full (HlhCase      *self,
                         HlhTeaching **teaching,
                         const char   *data,
                         gsize         length,
                         GError      **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(HlhTeaching) loaded_teaching = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;
  HlhCase loaded;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (length == 0 || memchr (data, '\0', length) != NULL || !g_utf8_validate (data, length, NULL) ||
      !g_key_file_load_from_data (kf, data, length, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, HLH_ERROR, HLH_ERROR_FORMAT,
                   _("This is not an HLH Calculator case file (it is not a readable text file "
                     "of the expected form)"));
      return FALSE;
    }
  if (!load_format (kf, error))
    return FALSE;
  if (!checksum_matches (data, length))
    {
      g_set_error (error, HLH_ERROR, HLH_ERROR_FORMAT,
                   _("The case file is damaged or incomplete (its checksum does not match its "
                     "contents)"));
      return FALSE;
    }

  groups = g_key_file_get_groups (kf, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (strcmp (groups[i], "Case") != 0 && strcmp (groups[i], "Findings") != 0 &&
          strcmp (groups[i], TEACHING_GROUP) != 0)
        {
          g_set_error (error, HLH_ERROR, HLH_ERROR_FORMAT,
                       _("The case file has a section this version does not know: “%s”"),
                       groups[i]);
          return FALSE;
        }
    }

  hlh_case_init (&loaded);
  if (!load_findings (&loaded, kf, error))
    return FALSE;
  if (g_key_file_has_group (kf, TEACHING_GROUP) && !load_teaching (kf, &loaded_teaching, error))
    return FALSE;
  *self = loaded;
  if (teaching != NULL)
    *teaching = g_steal_pointer (&loaded_teaching);
  return TRUE;
}

/* Case files are small; anything much larger is not one, and is refused before it is read. */
#define MAX_CASE_FILE_SIZE (256 * 1024)

static char *
read_limited (const char  *path,
              gsize       *length,
              GError     **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  g_autofree char *buf = g_malloc (MAX_CASE_FILE_SIZE + 1);
  FILE *f = g_fopen (path, "rb");
  gsize n;

  if (f == NULL)
    {
      int saved = errno;
      g_set_error (error, HLH_ERROR, HLH_ERROR_IO, _("Could not open “%s”: %s"), display,
                   g_strerror (saved));
      return NULL;
    }
  n = fread (buf, 1, MAX_CASE_FILE_SIZE + 1, f);
  if (ferror (f))
    {
      int saved = errno;
      fclose (f);
      g_set_error (error, HLH_ERROR, HLH_ERROR_IO, _("Could not read “%s”: %s"), display,
                   g_strerror (saved));
      return NULL;
    }
  fclose (f);
  if (n > MAX_CASE_FILE_SIZE)
    {
      g_set_error (error, HLH_ERROR, HLH_ERROR_FORMAT,
                   _("“%s” is not an HLH Calculator case file: it is far too large"), display);
      return NULL;
    }
  *length = n;
  buf[n] = '\0';
  return g_steal_pointer (&buf);
}

/**
 * hlh_case_load_file:
 *
 * Loads a `.hlhcase` file. Messages name the file; on error @self is unchanged.
 */
gboolean
hlh_case_load_file (HlhCase     *self,
                    const char  *path,
                    GError     **error)
{
  return hlh_case_load_file_full (self, NULL, path, error);
}

/**
 * hlh_case_load_file_full:
 * @teaching: (out) (optional) (nullable): as for hlh_case_load_data_full()
 */
gboolean
hlh_case_load_file_full (HlhCase      *self,
                         HlhTeaching **teaching,
                         const char   *path,
                         GError      **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = read_limited (path, &length, error);
  if (data == NULL)
    return FALSE;
  if (!hlh_case_load_data_full (self, teaching, data, length, &local_error))
    {
      g_set_error (error, HLH_ERROR, local_error->code, _("Could not open “%s”: %s"), display,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * hlh_case_dup_file_digest:
 *
 * Returns: (transfer full) (nullable): the SHA-256 of the file at @path as it is on disk, or
 *   %NULL if there is no such file; an application keeps it from opening or saving, and gives
 *   it to hlh_case_save_file_checked()
 */
char *
hlh_case_dup_file_digest (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  data = read_limited (path, &length, NULL);
  if (data == NULL)
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

/**
 * hlh_case_save_file_checked:
 * @known_digest: (nullable): hlh_case_dup_file_digest() of the file when it was opened or
 *   last saved, or %NULL for a new file
 *
 * Like hlh_case_save_file(), but refuses with %HLH_ERROR_CHANGED when the file on disk is not
 * the one the user last had: somebody else (another workstation, a copy tool) changed or
 * created it in between. The file is not touched; the user can save under another name, or
 * overwrite knowingly with hlh_case_save_file().
 */
gboolean
hlh_case_save_file_checked (const HlhCase  *self,
                            const char     *path,
                            const char     *known_digest,
                            GError        **error)
{
  return hlh_case_save_file_full (self, NULL, path, TRUE, known_digest, error);
}

/**
 * hlh_case_save_file:
 *
 * Writes the case atomically (a temporary file renamed over the old one), readable by the
 * user only: the old file is intact if anything fails.
 */
gboolean
hlh_case_save_file (const HlhCase  *self,
                    const char     *path,
                    GError        **error)
{
  return hlh_case_save_file_full (self, NULL, path, FALSE, NULL, error);
}

/**
 * hlh_case_save_file_full:
 * @teaching: (nullable): kept in the file when the case is a teaching case
 * @check: whether to refuse, as hlh_case_save_file_checked() does, when the file on disk is
 *   not the one whose digest is @known_digest
 *
 * Writes atomically, as hlh_case_save_file() does.
 */
gboolean
hlh_case_save_file_full (const HlhCase      *self,
                         const HlhTeaching  *teaching,
                         const char         *path,
                         gboolean            check,
                         const char         *known_digest,
                         GError            **error)
{
  g_autofree char *display = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  display = g_filename_display_basename (path);
  if (check)
    {
      g_autofree char *digest = hlh_case_dup_file_digest (path);
      if (g_strcmp0 (digest, known_digest) != 0)
        {
          g_set_error (error, HLH_ERROR, HLH_ERROR_CHANGED,
                       known_digest != NULL
                         ? _("“%s” was changed on disk since you opened it; it was not "
                             "overwritten")
                         : _("“%s” already exists; it was not overwritten"),
                       display);
          return FALSE;
        }
    }

  data = hlh_case_to_data_full (self, teaching, &length);
  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, HLH_ERROR, HLH_ERROR_IO, _("Could not save “%s”: %s"), display,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}
