/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* clinical-spec section 7 */
typedef enum
{
  HLH_TRIGGER_GROUP_PRIMARY,
  HLH_TRIGGER_GROUP_VIRAL,
  HLH_TRIGGER_GROUP_OTHER_INFECTION,
  HLH_TRIGGER_GROUP_MALIGNANCY,
  HLH_TRIGGER_GROUP_AUTOIMMUNE,
  HLH_TRIGGER_GROUP_IATROGENIC,
  HLH_TRIGGER_GROUP_OTHER,
  HLH_N_TRIGGER_GROUPS
} HlhTriggerGroup;

typedef enum
{
  HLH_TRIGGER_FAMILIAL_HLH,
  HLH_TRIGGER_GRISCELLI_2,
  HLH_TRIGGER_CHEDIAK_HIGASHI,
  HLH_TRIGGER_HERMANSKY_PUDLAK_2,
  HLH_TRIGGER_XLP1,
  HLH_TRIGGER_XLP2,
  HLH_TRIGGER_FAMILY_HISTORY,
  HLH_TRIGGER_EBV,
  HLH_TRIGGER_CMV,
  HLH_TRIGGER_HSV,
  HLH_TRIGGER_VZV,
  HLH_TRIGGER_HHV6,
  HLH_TRIGGER_HHV8,
  HLH_TRIGGER_HIV,
  HLH_TRIGGER_HEPATITIS_VIRUS,
  HLH_TRIGGER_PARVOVIRUS_B19,
  HLH_TRIGGER_ADENOVIRUS,
  HLH_TRIGGER_INFLUENZA,
  HLH_TRIGGER_SARS_COV_2,
  HLH_TRIGGER_DENGUE,
  HLH_TRIGGER_OTHER_VIRUS,
  HLH_TRIGGER_BACTERIAL,
  HLH_TRIGGER_MYCOBACTERIAL,
  HLH_TRIGGER_LEISHMANIASIS,
  HLH_TRIGGER_MALARIA,
  HLH_TRIGGER_FUNGAL,
  HLH_TRIGGER_T_NK_LYMPHOMA,
  HLH_TRIGGER_B_CELL_LYMPHOMA,
  HLH_TRIGGER_HODGKIN_LYMPHOMA,
  HLH_TRIGGER_LEUKEMIA,
  HLH_TRIGGER_OTHER_MALIGNANCY,
  HLH_TRIGGER_SJIA,
  HLH_TRIGGER_AOSD,
  HLH_TRIGGER_SLE,
  HLH_TRIGGER_OTHER_AUTOIMMUNE,
  HLH_TRIGGER_IEC_THERAPY,
  HLH_TRIGGER_T_CELL_ENGAGER,
  HLH_TRIGGER_CHECKPOINT_INHIBITOR,
  HLH_TRIGGER_HSCT,
  HLH_TRIGGER_LONG_TERM_IMMUNOSUPPRESSION,
  HLH_TRIGGER_DRUG,
  HLH_TRIGGER_VACCINATION,
  HLH_TRIGGER_PREGNANCY,
  HLH_TRIGGER_NONE_IDENTIFIED,
  HLH_N_TRIGGERS
} HlhTrigger;

typedef struct
{
  HlhTrigger       trigger;
  HlhTriggerGroup  group;
  const char      *id;
  const char      *label;
} HlhTriggerInfo;

typedef struct
{
  HlhTriggerGroup  group;
  const char      *id;
  const char      *label;
  const char      *reference;
  const char      *note;
} HlhTriggerGroupInfo;

const HlhTriggerInfo      *hlh_trigger_get_info       (HlhTrigger       trigger);
const HlhTriggerGroupInfo *hlh_trigger_group_get_info (HlhTriggerGroup  group);
gboolean                   hlh_trigger_lookup         (const char      *id,
                                                       gsize            length,
                                                       HlhTrigger      *trigger);

#define HLH_TRIGGER_BIT(t) (G_GUINT64_CONSTANT (1) << (t))

G_END_DECLS
