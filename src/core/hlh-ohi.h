/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hlh-hlh2004.h"

G_BEGIN_DECLS

#define HLH_OHI_N_CRITERIA 2

/**
 * HlhOhi:
 * @status: %HLH_STATUS_FULFILLED for a positive index, %HLH_STATUS_NOT_FULFILLED for negative
 * @relevant: sCD25 is known or a malignancy is recorded, so the index fits the patient
 */
typedef struct
{
  HlhStatus status;
  gboolean  relevant;
  HlhState  criteria[HLH_OHI_N_CRITERIA];
} HlhOhi;

const HlhCriterion *hlh_ohi_get_criterion (guint          index);
const HlhReference *hlh_ohi_get_reference (void);
void                hlh_ohi_evaluate      (const HlhCase *c,
                                           HlhOhi        *result);
const char         *hlh_ohi_status_to_string (HlhStatus  status);

G_END_DECLS
