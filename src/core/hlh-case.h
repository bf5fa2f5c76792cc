/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hlh-triggers.h"
#include "hlh-units.h"

G_BEGIN_DECLS

/**
 * HlhField:
 *
 * Every finding the calculator knows. The order is the order of a chart and of the report.
 * The ids (hlh_field_get_info()->id) are a stable contract: case files, `hlh-score` and its
 * JSON use them.
 */
typedef enum
{
  /* numeric */
  HLH_FIELD_AGE,
  HLH_FIELD_TEMPERATURE,
  HLH_FIELD_HEMOGLOBIN,
  HLH_FIELD_LEUKOCYTES,
  HLH_FIELD_NEUTROPHILS,
  HLH_FIELD_PLATELETS,
  HLH_FIELD_FERRITIN,
  HLH_FIELD_TRIGLYCERIDES,
  HLH_FIELD_FIBRINOGEN,
  HLH_FIELD_AST,
  HLH_FIELD_ALT,
  HLH_FIELD_LDH,
  HLH_FIELD_SCD25,
  /* laboratory references for the IEC-HS checklist */
  HLH_FIELD_FERRITIN_ULN,
  HLH_FIELD_FERRITIN_BASELINE,
  HLH_FIELD_AST_ULN,
  HLH_FIELD_ALT_ULN,
  HLH_FIELD_AST_BASELINE,
  HLH_FIELD_ALT_BASELINE,
  HLH_FIELD_FIBRINOGEN_LLN,
  HLH_FIELD_LDH_ULN,
  /* yes / no */
  HLH_FIELD_SJIA,
  HLH_FIELD_IEC_THERAPY,
  HLH_FIELD_IMMUNOSUPPRESSION,
  HLH_FIELD_HEPATOMEGALY,
  HLH_FIELD_SPLENOMEGALY,
  HLH_FIELD_CNS_INVOLVEMENT,
  HLH_FIELD_HEMORRHAGE,
  HLH_FIELD_ACTIVE_ARTHRITIS,
  HLH_FIELD_HEMOPHAGOCYTOSIS_MARROW,
  HLH_FIELD_HEMOPHAGOCYTOSIS_OTHER,
  HLH_FIELD_MOLECULAR_DIAGNOSIS,
  HLH_FIELD_FERRITIN_RISING,
  HLH_FIELD_NEW_CYTOPENIAS,
  HLH_FIELD_COAGULOPATHY,
  HLH_FIELD_DIRECT_HYPERBILIRUBINEMIA,
  HLH_FIELD_NEUROTOXICITY,
  HLH_FIELD_PULMONARY_INVOLVEMENT,
  HLH_FIELD_RENAL_INVOLVEMENT,
  HLH_FIELD_CARTOX_LIVER_GRADE3,
  HLH_FIELD_CARTOX_RENAL_GRADE3,
  HLH_FIELD_CARTOX_PULMONARY_EDEMA_GRADE3,
  HLH_FIELD_RASH,
  HLH_FIELD_LYMPHADENOPATHY,
  HLH_FIELD_JAUNDICE,
  HLH_FIELD_EDEMA,
  /* choices */
  HLH_FIELD_NK_ACTIVITY,
  HLH_FIELD_IECHS_GRADE,
  HLH_N_FIELDS
} HlhField;

typedef enum
{
  HLH_FIELD_KIND_NUMBER,
  HLH_FIELD_KIND_YES_NO,
  HLH_FIELD_KIND_NK,
  HLH_FIELD_KIND_GRADE,
} HlhFieldKind;

/* Choices of yes/no, NK-activity and grade fields. */
enum { HLH_ANSWER_NO = 0, HLH_ANSWER_YES = 1 };
enum { HLH_NK_NORMAL = 0, HLH_NK_LOW = 1 };

/**
 * HlhFieldInfo:
 * @id: stable identifier ("ferritin")
 * @label: what the user reads (translatable)
 * @unit: the default unit, the HScore-native one; others of its quantity are accepted
 * @min: lowest plausible value, in the quantity's canonical unit
 * @max: highest plausible value, in the canonical unit
 * @warn_above: above this (canonical) a value is kept but questioned; 0 for none
 */
typedef struct
{
  HlhField      field;
  const char   *id;
  const char   *label;
  HlhFieldKind  kind;
  HlhUnit       unit;
  double        min;
  double        max;
  double        warn_above;
} HlhFieldInfo;

/**
 * HlhValue:
 * @known: %FALSE while the finding is unknown (not done, pending, not recorded)
 * @number: a numeric finding as entered, in @unit
 * @unit: the unit it was entered in
 * @choice: the answer of a yes/no, NK-activity or grade finding
 */
typedef struct
{
  gboolean known;
  double   number;
  HlhUnit  unit;
  int      choice;
} HlhValue;

/**
 * HlhCase:
 *
 * The findings of one patient, each known or unknown, numbers kept as entered. A plain value
 * type: copy it with `=`; hlh_case_init() makes every finding unknown.
 */
typedef struct
{
  HlhValue values[HLH_N_FIELDS];
  guint64  triggers;
} HlhCase;

#define HLH_CASE_FORMAT 1

/**
 * HlhTeaching:
 * @title: the case's name in the teaching menu
 * @narrative: the short story of the patient
 * @learning_point: what the case teaches, stated so that the computed result can be checked
 *   against it
 *
 * What marks a case file as a teaching case, not a patient (its `[Teaching]` section).
 */
typedef struct
{
  char *title;
  char *narrative;
  char *learning_point;
} HlhTeaching;

HlhTeaching        *hlh_teaching_new              (const char      *title,
                                                   const char      *narrative,
                                                   const char      *learning_point);
HlhTeaching        *hlh_teaching_copy             (const HlhTeaching *self);
void                hlh_teaching_free             (HlhTeaching     *self);

const HlhFieldInfo *hlh_field_get_info            (HlhField         field);
gboolean            hlh_field_lookup              (const char      *id,
                                                   gsize            length,
                                                   HlhField        *field);
HlhQuantity         hlh_field_get_quantity        (HlhField         field);
gboolean            hlh_field_check_number        (HlhField         field,
                                                   double           number,
                                                   HlhUnit          unit,
                                                   GError         **error);
char               *hlh_field_dup_choice_words    (HlhField         field);
gboolean            hlh_field_lookup_choice       (HlhField         field,
                                                   const char      *word,
                                                   gsize            length,
                                                   int             *choice);
const char         *hlh_field_choice_word         (HlhField         field,
                                                   int              choice);

void                hlh_case_init                 (HlhCase         *self);
gboolean            hlh_case_equal                (const HlhCase   *a,
                                                   const HlhCase   *b);
HlhCase            *hlh_case_new                  (void);
void                hlh_case_free                 (HlhCase         *self);
const HlhValue     *hlh_case_get_value            (const HlhCase   *self,
                                                   HlhField         field);
gboolean            hlh_case_is_known             (const HlhCase   *self,
                                                   HlhField         field);
gboolean            hlh_case_get_number           (const HlhCase   *self,
                                                   HlhField         field,
                                                   HlhUnit          unit,
                                                   double          *number);
gboolean            hlh_case_get_choice           (const HlhCase   *self,
                                                   HlhField         field,
                                                   int             *choice);
gboolean            hlh_case_get_effective_answer (const HlhCase   *self,
                                                   HlhField         field,
                                                   int             *answer);
HlhTrigger          hlh_case_get_implying_trigger (const HlhCase   *self,
                                                   HlhField         field);
HlhField            hlh_trigger_get_implied_field (HlhTrigger       trigger);
gboolean            hlh_case_set_number           (HlhCase         *self,
                                                   HlhField         field,
                                                   double           number,
                                                   HlhUnit          unit,
                                                   GError         **error);
void                hlh_case_set_choice           (HlhCase         *self,
                                                   HlhField         field,
                                                   int              choice);
void                hlh_case_set_unknown          (HlhCase         *self,
                                                   HlhField         field);
gboolean            hlh_case_has_trigger          (const HlhCase   *self,
                                                   HlhTrigger       trigger);
void                hlh_case_set_trigger          (HlhCase         *self,
                                                   HlhTrigger       trigger,
                                                   gboolean         present);
gboolean            hlh_case_set_from_text        (HlhCase         *self,
                                                   HlhField         field,
                                                   const char      *text,
                                                   HlhUnit          default_unit,
                                                   gboolean         machine_format,
                                                   GError         **error);
gboolean            hlh_case_set_triggers_from_text (HlhCase       *self,
                                                   const char      *text,
                                                   GError         **error);
gboolean            hlh_case_parse_finding        (HlhCase         *self,
                                                   const char      *finding,
                                                   GError         **error);
char               *hlh_case_dup_value_text       (const HlhCase   *self,
                                                   HlhField         field);
char               *hlh_case_dup_value_display    (const HlhCase   *self,
                                                   HlhField         field);

char               *hlh_case_to_data              (const HlhCase   *self,
                                                   gsize           *length);
gboolean            hlh_case_load_data            (HlhCase         *self,
                                                   const char      *data,
                                                   gsize            length,
                                                   GError         **error);
gboolean            hlh_case_load_file            (HlhCase         *self,
                                                   const char      *path,
                                                   GError         **error);
char               *hlh_case_to_data_full         (const HlhCase   *self,
                                                   const HlhTeaching *teaching,
                                                   gsize           *length);
gboolean            hlh_case_load_data_full       (HlhCase         *self,
                                                   HlhTeaching    **teaching,
                                                   const char      *data,
                                                   gsize            length,
                                                   GError         **error);
gboolean            hlh_case_load_file_full       (HlhCase         *self,
                                                   HlhTeaching    **teaching,
                                                   const char      *path,
                                                   GError         **error);
gboolean            hlh_case_save_file_full       (const HlhCase   *self,
                                                   const HlhTeaching *teaching,
                                                   const char      *path,
                                                   gboolean         check,
                                                   const char      *known_digest,
                                                   GError         **error);
gboolean            hlh_case_save_file            (const HlhCase   *self,
                                                   const char      *path,
                                                   GError         **error);
char               *hlh_case_dup_file_digest      (const char      *path);
gboolean            hlh_case_save_file_checked    (const HlhCase   *self,
                                                   const char      *path,
                                                   const char      *known_digest,
                                                   GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlhCase, hlh_case_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlhTeaching, hlh_teaching_free)

/* hlh_case_get_number() without its argument checks, for the rules that run on every
 * keystroke and every batch row; @field must be numeric and @unit of its quantity. */
static inline gboolean
hlh_case_peek_number (const HlhCase *self,
                      HlhField       field,
                      HlhUnit        unit,
                      double        *number)
{
  const HlhValue *v = &self->values[field];

  if (!v->known)
    return FALSE;
  *number = v->unit == unit ? v->number : hlh_unit_convert (v->number, v->unit, unit);
  return TRUE;
}

G_END_DECLS
