/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include <math.h>

#include "hlh-case.h"

G_BEGIN_DECLS

/**
 * HlhOp:
 *
 * How a finding is compared with a threshold, exactly as the source writes it. %HLH_OP_NONE
 * ends a list of conditions.
 */
typedef enum
{
  HLH_OP_NONE,
  HLH_OP_LT,
  HLH_OP_LE,
  HLH_OP_GT,
  HLH_OP_GE,
  HLH_OP_YES,
  HLH_OP_NK_LOW,
} HlhOp;

typedef enum
{
  HLH_STATE_UNKNOWN,
  HLH_STATE_NOT_MET,
  HLH_STATE_MET,
} HlhState;

/**
 * HlhCondition:
 * @field: the finding
 * @op: the comparison
 * @threshold: the threshold in @unit, the source's native unit
 * @unit: the unit the source defines the rule in
 * @infant_threshold: if not 0, the threshold for infants under 4 weeks of age (HLH-2004's Hb)
 */
typedef struct
{
  HlhField field;
  HlhOp    op;
  double   threshold;
  HlhUnit  unit;
  double   infant_threshold;
} HlhCondition;

#define HLH_MAX_CONDITIONS 4

/**
 * HlhCriterion:
 * @id: stable identifier ("cytopenias")
 * @label: what the user reads
 * @conditions: the findings it looks at, ended by %HLH_OP_NONE
 * @needed: how many conditions must hold (1 for "any of")
 * @note: context shown with the rule, or %NULL
 */
typedef struct
{
  const char   *id;
  const char   *label;
  HlhCondition  conditions[HLH_MAX_CONDITIONS];
  guint         needed;
  const char   *note;
} HlhCriterion;

typedef struct
{
  const char *citation;
  const char *doi;
} HlhReference;

typedef struct
{
  guint met;
  guint not_met;
  guint unknown;
} HlhTally;

/* Values this close to a threshold count as equal to it. Unit conversion (92 g/L ÷ 10,
 * 101.12 °F → °C) can land a hair's breadth off the threshold it was typed to match; one
 * part in a billion is far below any laboratory's precision, so no real value is moved. */
#define HLH_RELATIVE_TOLERANCE 1e-9

/**
 * hlh_compare:
 *
 * Compares @value with @threshold as the source writes the rule, treating values within one
 * part in 10⁹ of the threshold as equal to it. Inline: every rule of every case comes here.
 */
static inline gboolean
hlh_compare (double value,
             HlhOp  op,
             double threshold)
{
  gboolean equal = fabs (value - threshold) <= HLH_RELATIVE_TOLERANCE * MAX (1.0, fabs (threshold));

  switch (op)
    {
    case HLH_OP_LT:
      return !equal && value < threshold;
    case HLH_OP_LE:
      return equal || value < threshold;
    case HLH_OP_GT:
      return !equal && value > threshold;
    case HLH_OP_GE:
      return equal || value > threshold;
    case HLH_OP_NONE:
    case HLH_OP_YES:
    case HLH_OP_NK_LOW:
    default:
      return FALSE;
    }
}

const char *hlh_op_symbol             (HlhOp               op,
                                       gboolean            negated);
HlhState    hlh_condition_eval        (const HlhCondition *condition,
                                       const HlhCase      *c);
char       *hlh_condition_describe    (const HlhCondition *condition);
char       *hlh_condition_dup_basis   (const HlhCondition *condition,
                                       const HlhCase      *c);
guint       hlh_criterion_count       (const HlhCriterion *criterion);
HlhTally    hlh_criterion_tally       (const HlhCriterion *criterion,
                                       const HlhCase      *c);
HlhState    hlh_criterion_eval        (const HlhCriterion *criterion,
                                       const HlhCase      *c);
char       *hlh_criterion_describe    (const HlhCriterion *criterion);
char       *hlh_criterion_dup_basis   (const HlhCriterion *criterion,
                                       const HlhCase      *c);
void        hlh_tally_add             (HlhTally           *tally,
                                       HlhState            state);
HlhState    hlh_tally_at_least        (const HlhTally     *tally,
                                       guint               needed);
const char *hlh_state_to_string       (HlhState            state);
char       *hlh_format_value          (double              value,
                                       HlhUnit             unit);
char       *hlh_format_threshold      (double              value,
                                       HlhUnit             unit);
gboolean    hlh_criterion_has_threshold (const HlhCriterion *criterion);
char       *hlh_format_compared       (double              value,
                                       double              threshold,
                                       HlhUnit             unit);

G_END_DECLS

G_BEGIN_DECLS

HlhState    hlh_criteria_eval         (const HlhCriterion *criteria,
                                       guint               n_required,
                                       guint               n_criteria,
                                       guint               needed,
                                       const HlhCase      *c,
                                       HlhState           *states,
                                       HlhTally           *optional_tally);
char       *hlh_criteria_describe     (const HlhCriterion *(*get) (guint),
                                       guint               n_required,
                                       guint               n_criteria,
                                       guint               needed);

G_END_DECLS
