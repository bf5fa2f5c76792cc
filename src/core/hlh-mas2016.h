/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hlh-hlh2004.h"

G_BEGIN_DECLS

/* Ferritin first (required), then the four laboratory items of which 2 are needed. */
#define HLH_MAS2016_N_CRITERIA 5
#define HLH_MAS2016_NEEDED 2

typedef enum
{
  HLH_MAS2016_APPLICABLE,
  HLH_MAS2016_NO_SJIA,
  HLH_MAS2016_AFEBRILE,
} HlhMas2016Applicability;

typedef struct
{
  HlhStatus               status;
  HlhMas2016Applicability applicability;
  HlhState                febrile;
  HlhState                criteria[HLH_MAS2016_N_CRITERIA];
  HlhTally                laboratory;
} HlhMas2016;

const HlhCriterion *hlh_mas2016_get_criterion (guint           index);
const HlhCriterion *hlh_mas2016_get_fever     (void);
const HlhReference *hlh_mas2016_get_reference (void);
void                hlh_mas2016_evaluate      (const HlhCase  *c,
                                               HlhMas2016     *result);
gboolean            hlh_mas2016_sjia_denied   (const HlhCase  *c);

G_END_DECLS
