/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hlh-triggers.h"

static const HlhTriggerGroupInfo groups[HLH_N_TRIGGER_GROUPS] = {
  { HLH_TRIGGER_GROUP_PRIMARY, "primary", N_("Primary / genetic"), NULL, NULL },
  { HLH_TRIGGER_GROUP_VIRAL, "viral", N_("Viral infection"),
    "Maakaroun NR et al. Viral infections associated with haemophagocytic syndrome. "
    "Rev Med Virol 2010;20(2):93-105. doi:10.1002/rmv.638",
    N_("Viral-triggered HLH usually does not respond to antiviral therapy alone; "
       "immunosuppressive or immunomodulatory treatment, and in refractory cases "
       "haematopoietic stem-cell transplantation, may be needed.") },
  { HLH_TRIGGER_GROUP_OTHER_INFECTION, "other_infection", N_("Other infection"), NULL, NULL },
  { HLH_TRIGGER_GROUP_MALIGNANCY, "malignancy", N_("Malignancy"), NULL, NULL },
  { HLH_TRIGGER_GROUP_AUTOIMMUNE, "autoimmune", N_("Autoimmune / autoinflammatory (MAS)"),
    NULL, NULL },
  { HLH_TRIGGER_GROUP_IATROGENIC, "iatrogenic", N_("Iatrogenic"),
    "Ghani L, Calabrese L, Mehta P. Iatrogenic HLH. In: Cytokine Storm Syndrome. "
    "Adv Exp Med Biol 2024;1448:469-77. doi:10.1007/978-3-031-59815-9_32", NULL },
  { HLH_TRIGGER_GROUP_OTHER, "other", N_("Other"), NULL, NULL },
};

static const HlhTriggerInfo triggers[HLH_N_TRIGGERS] = {
#define T(e, g, id, label) { HLH_TRIGGER_##e, HLH_TRIGGER_GROUP_##g, id, label }
  T (FAMILIAL_HLH, PRIMARY, "familial_hlh", N_("Familial HLH (PRF1, UNC13D, STX11, STXBP2)")),
  T (GRISCELLI_2, PRIMARY, "griscelli_2", N_("Griscelli syndrome type 2 (RAB27A)")),
  T (CHEDIAK_HIGASHI, PRIMARY, "chediak_higashi", N_("Chédiak-Higashi syndrome (LYST)")),
  T (HERMANSKY_PUDLAK_2, PRIMARY, "hermansky_pudlak_2",
     N_("Hermansky-Pudlak syndrome type 2 (AP3B1)")),
  T (XLP1, PRIMARY, "xlp1", N_("X-linked lymphoproliferative disease 1 (SH2D1A)")),
  T (XLP2, PRIMARY, "xlp2", N_("X-linked lymphoproliferative disease 2 (XIAP)")),
  T (FAMILY_HISTORY, PRIMARY, "family_history", N_("Positive family history")),
  T (EBV, VIRAL, "ebv", N_("EBV")),
  T (CMV, VIRAL, "cmv", N_("CMV")),
  T (HSV, VIRAL, "hsv", N_("HSV")),
  T (VZV, VIRAL, "vzv", N_("VZV")),
  T (HHV6, VIRAL, "hhv6", N_("HHV-6")),
  T (HHV8, VIRAL, "hhv8", N_("HHV-8")),
  T (HIV, VIRAL, "hiv", N_("HIV")),
  T (HEPATITIS_VIRUS, VIRAL, "hepatitis_virus", N_("Hepatitis virus")),
  T (PARVOVIRUS_B19, VIRAL, "parvovirus_b19", N_("Parvovirus B19")),
  T (ADENOVIRUS, VIRAL, "adenovirus", N_("Adenovirus")),
  T (INFLUENZA, VIRAL, "influenza", N_("Influenza")),
  T (SARS_COV_2, VIRAL, "sars_cov_2", N_("SARS-CoV-2")),
  T (DENGUE, VIRAL, "dengue", N_("Dengue")),
  T (OTHER_VIRUS, VIRAL, "other_virus", N_("Other virus")),
  T (BACTERIAL, OTHER_INFECTION, "bacterial", N_("Bacterial infection")),
  T (MYCOBACTERIAL, OTHER_INFECTION, "mycobacterial",
     N_("Mycobacteria or other intracellular bacteria")),
  T (LEISHMANIASIS, OTHER_INFECTION, "leishmaniasis", N_("Visceral leishmaniasis")),
  T (MALARIA, OTHER_INFECTION, "malaria", N_("Malaria")),
  T (FUNGAL, OTHER_INFECTION, "fungal", N_("Fungal infection")),
  T (T_NK_LYMPHOMA, MALIGNANCY, "t_nk_lymphoma", N_("T/NK-cell lymphoma")),
  T (B_CELL_LYMPHOMA, MALIGNANCY, "b_cell_lymphoma", N_("B-cell lymphoma")),
  T (HODGKIN_LYMPHOMA, MALIGNANCY, "hodgkin_lymphoma", N_("Hodgkin lymphoma")),
  T (LEUKEMIA, MALIGNANCY, "leukemia", N_("Leukaemia")),
  T (OTHER_MALIGNANCY, MALIGNANCY, "other_malignancy", N_("Other malignancy")),
  T (SJIA, AUTOIMMUNE, "sjia", N_("Systemic juvenile idiopathic arthritis (sJIA)")),
  T (AOSD, AUTOIMMUNE, "aosd", N_("Adult-onset Still's disease")),
  T (SLE, AUTOIMMUNE, "sle", N_("Systemic lupus erythematosus")),
  T (OTHER_AUTOIMMUNE, AUTOIMMUNE, "other_autoimmune", N_("Other autoimmune disease")),
  T (IEC_THERAPY, IATROGENIC, "iec_therapy",
     N_("CAR-T or other immune-effector-cell therapy")),
  T (T_CELL_ENGAGER, IATROGENIC, "t_cell_engager",
     N_("Bispecific T-cell engager (e.g. blinatumomab)")),
  T (CHECKPOINT_INHIBITOR, IATROGENIC, "checkpoint_inhibitor",
     N_("Immune checkpoint inhibitor")),
  T (HSCT, IATROGENIC, "hsct", N_("Haematopoietic stem-cell transplantation")),
  T (LONG_TERM_IMMUNOSUPPRESSION, IATROGENIC, "long_term_immunosuppression",
     N_("Long-term immunosuppressive therapy")),
  T (DRUG, IATROGENIC, "drug", N_("Drug (e.g. lamotrigine; DRESS is the differential)")),
  T (VACCINATION, IATROGENIC, "vaccination", N_("Vaccination")),
  T (PREGNANCY, OTHER, "pregnancy", N_("Pregnancy")),
  T (NONE_IDENTIFIED, OTHER, "none_identified", N_("No trigger identified")),
#undef T
};

const HlhTriggerInfo *
hlh_trigger_get_info (HlhTrigger trigger)
{
  g_return_val_if_fail (trigger < HLH_N_TRIGGERS, &triggers[0]);
  return &triggers[trigger];
}

const HlhTriggerGroupInfo *
hlh_trigger_group_get_info (HlhTriggerGroup group)
{
  g_return_val_if_fail (group < HLH_N_TRIGGER_GROUPS, &groups[0]);
  return &groups[group];
}

gboolean
hlh_trigger_lookup (const char *id,
                    gsize       length,
                    HlhTrigger *trigger)
{
  if (length == (gsize) -1)
    length = strlen (id);
  for (guint i = 0; i < HLH_N_TRIGGERS; i++)
    {
      if (strlen (triggers[i].id) == length && g_ascii_strncasecmp (triggers[i].id, id, length) == 0)
        {
          *trigger = triggers[i].trigger;
          return TRUE;
        }
    }
  return FALSE;
}
