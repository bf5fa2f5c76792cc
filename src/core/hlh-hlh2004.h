/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hlh-rules.h"

G_BEGIN_DECLS

#define HLH_HLH2004_NEEDED 5

typedef enum
{
  HLH_HLH2004_FEVER,
  HLH_HLH2004_SPLENOMEGALY,
  HLH_HLH2004_CYTOPENIAS,
  HLH_HLH2004_TRIGLYCERIDES_FIBRINOGEN,
  HLH_HLH2004_HEMOPHAGOCYTOSIS,
  HLH_HLH2004_NK_ACTIVITY,
  HLH_HLH2004_FERRITIN,
  HLH_HLH2004_SCD25,
  HLH_HLH2004_N_CRITERIA
} HlhHlh2004CriterionId;

/**
 * HlhStatus:
 *
 * The outcome of a criteria set. Sets that speak of "positive/negative" or "possible" map
 * onto the same three values.
 */
typedef enum
{
  HLH_STATUS_NOT_FULFILLED,
  HLH_STATUS_FULFILLED,
  HLH_STATUS_UNDETERMINED,
  HLH_STATUS_NOT_APPLICABLE,
} HlhStatus;

typedef struct
{
  HlhStatus status;
  gboolean  molecular;
  HlhState  criteria[HLH_HLH2004_N_CRITERIA];
  guint     met;
  guint     not_met;
  guint     unknown;
  guint     still_needed;
} HlhHlh2004;

const HlhCriterion *hlh_hlh2004_get_criterion     (guint                  id);
const HlhCriterion *hlh_hlh2004_get_molecular     (void);
const HlhReference *hlh_hlh2004_get_reference     (void);
void                hlh_hlh2004_evaluate          (const HlhCase         *c,
                                                   HlhHlh2004            *result);
char               *hlh_hlh2004_dup_status_text   (const HlhHlh2004      *result);
const char         *hlh_status_to_string          (HlhStatus              status);
const char         *hlh_status_describe           (HlhStatus              status);

G_END_DECLS
