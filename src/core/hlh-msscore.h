/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hlh-hscore.h"

G_BEGIN_DECLS

#define HLH_MSSCORE_N_TERMS 7
#define HLH_MSSCORE_CUTOFF (-2.1)

/**
 * HlhMsScoreTerm:
 * @field: the input
 * @coefficient: its weight in the formula
 * @unit: the unit the formula expects (fibrinogen in mg/dL: g/L gives a 100-fold error);
 *   unused for yes/no inputs, which count 1 when present
 */
typedef struct
{
  HlhField field;
  double   coefficient;
  HlhUnit  unit;
} HlhMsScoreTerm;

typedef struct
{
  gboolean   applicable;
  gboolean   computed;
  double     value;
  HlhVerdict suggests_mas;
  guint      missing[HLH_MSSCORE_N_TERMS];
  guint      n_missing;
} HlhMsScore;

const HlhMsScoreTerm *hlh_msscore_get_term      (guint          index);
const HlhReference   *hlh_msscore_get_reference (void);
void                  hlh_msscore_evaluate      (const HlhCase *c,
                                                 HlhMsScore    *result);

G_END_DECLS
