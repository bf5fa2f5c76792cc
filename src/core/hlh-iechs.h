/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hlh-rules.h"

G_BEGIN_DECLS

/* clinical-spec section 6.1: a checklist with a clinician-chosen grade, not a scored rule. */
typedef enum
{
  HLH_IECHS_FERRITIN,
  HLH_IECHS_TRANSAMINASES,
  HLH_IECHS_FIBRINOGEN,
  HLH_IECHS_HEMOPHAGOCYTOSIS,
  HLH_IECHS_CYTOPENIAS,
  HLH_IECHS_LDH,
  HLH_IECHS_COAGULOPATHY,
  HLH_IECHS_HYPERBILIRUBINEMIA,
  HLH_IECHS_SPLENOMEGALY,
  HLH_IECHS_FEVER,
  HLH_IECHS_NEUROTOXICITY,
  HLH_IECHS_PULMONARY,
  HLH_IECHS_RENAL,
  HLH_IECHS_TRIGLYCERIDES,
  HLH_IECHS_N_ITEMS
} HlhIechsItemId;

/* The first five are the most common manifestations; the rest are other possible ones. */
#define HLH_IECHS_N_COMMON 5

/**
 * HlhIechs:
 * @applicable: immune-effector-cell therapy is recorded
 * @grade: the clinician's grade, 1 to 5, or 0 when not graded
 */
typedef struct
{
  gboolean applicable;
  int      grade;
  HlhState items[HLH_IECHS_N_ITEMS];
  HlhTally common;
  HlhTally other;
} HlhIechs;

const HlhCriterion *hlh_iechs_get_item       (guint           item);
const HlhReference *hlh_iechs_get_reference  (void);
const char         *hlh_iechs_grade_text     (int             grade);
void                hlh_iechs_evaluate       (const HlhCase  *c,
                                              HlhIechs       *result);
char               *hlh_iechs_dup_rule       (HlhIechsItemId  item);
char               *hlh_iechs_dup_basis      (HlhIechsItemId  item,
                                              const HlhCase  *c);

G_END_DECLS
