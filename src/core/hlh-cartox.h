/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hlh-hlh2004.h"

G_BEGIN_DECLS

/* Peak ferritin first (required), then four findings of which 2 are needed. */
#define HLH_CARTOX_N_CRITERIA 5
#define HLH_CARTOX_NEEDED 2

/**
 * HlhCartox:
 * @status: %HLH_STATUS_FULFILLED when CAR-T related HLH/MAS is possible by this definition
 * @applicable: immune-effector-cell therapy is recorded
 */
typedef struct
{
  HlhStatus status;
  gboolean  applicable;
  HlhState  criteria[HLH_CARTOX_N_CRITERIA];
  HlhTally  others;
} HlhCartox;

const HlhCriterion *hlh_cartox_get_criterion  (guint          index);
const HlhReference *hlh_cartox_get_reference  (void);
void                hlh_cartox_evaluate       (const HlhCase *c,
                                               HlhCartox     *result);
const char         *hlh_cartox_status_to_string (HlhStatus   status);

gboolean            hlh_case_has_iec_therapy  (const HlhCase *c);

G_END_DECLS
