/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hlh-rules.h"

G_BEGIN_DECLS

#define HLH_HSCORE_CUTOFF 169
#define HLH_HSCORE_MAX 337
#define HLH_HSCORE_ICU_CUTOFF 168

typedef enum
{
  HLH_HSCORE_IMMUNOSUPPRESSION,
  HLH_HSCORE_TEMPERATURE,
  HLH_HSCORE_ORGANOMEGALY,
  HLH_HSCORE_CYTOPENIAS,
  HLH_HSCORE_FERRITIN,
  HLH_HSCORE_TRIGLYCERIDES,
  HLH_HSCORE_FIBRINOGEN,
  HLH_HSCORE_AST,
  HLH_HSCORE_HEMOPHAGOCYTOSIS,
  HLH_HSCORE_N_ITEMS
} HlhHScoreItemId;

/**
 * HlhHScoreItem:
 * @criterion: the conditions; the item scores @points[n] when n of them hold
 * @points: points by the number of conditions that hold
 *
 * Every HScore item is a count: nested thresholds of one finding (temperature ≥ 38.4, > 39.4)
 * or findings of several (cytopenic lineages, organs enlarged).
 */
typedef struct
{
  HlhCriterion criterion;
  int          points[HLH_MAX_CONDITIONS + 1];
} HlhHScoreItem;

typedef struct
{
  int      min;
  int      max;
  gboolean known;
} HlhHScoreItemResult;

typedef enum
{
  HLH_VERDICT_NO,
  HLH_VERDICT_YES,
  HLH_VERDICT_UNDETERMINED,
} HlhVerdict;

typedef struct
{
  int                 min;
  int                 max;
  gboolean            complete;
  HlhVerdict          reaches_cutoff;
  double              probability_min;
  double              probability_max;
  HlhHScoreItemResult items[HLH_HSCORE_N_ITEMS];
} HlhHScore;

const HlhHScoreItem *hlh_hscore_get_item          (HlhHScoreItemId  item);
const HlhReference  *hlh_hscore_get_reference     (void);
void                 hlh_hscore_evaluate          (const HlhCase   *c,
                                                   HlhHScore       *result);
double               hlh_hscore_probability       (int              score);
char                *hlh_hscore_probability_text  (int              min_score,
                                                   int              max_score);
char                *hlh_hscore_dup_item_basis    (HlhHScoreItemId  item,
                                                   const HlhCase   *c);
const char          *hlh_verdict_to_string        (HlhVerdict       verdict);

G_END_DECLS
