/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hlh-hscore.h"

/* Fardet L et al. Arthritis Rheumatol 2014;66(9):2613-20, as in clinical-spec section 1. */
static const HlhReference reference = {
  "Fardet L, Galicier L, Lambotte O, et al. Development and validation of the HScore, a score "
  "for the diagnosis of reactive hemophagocytic syndrome. Arthritis Rheumatol "
  "2014;66(9):2613-20.",
  "10.1002/art.38690",
};

#define COND(f, o, t, u) { HLH_FIELD_##f, HLH_OP_##o, t, HLH_UNIT_##u, 0 }
#define YES(f) { HLH_FIELD_##f, HLH_OP_YES, 0, 0, 0 }

static const HlhHScoreItem items[HLH_HSCORE_N_ITEMS] = {
  [HLH_HSCORE_IMMUNOSUPPRESSION] = {
    { "immunosuppression", N_("Known underlying immunosuppression"),
      { YES (IMMUNOSUPPRESSION) }, 1,
      N_("HIV positive, or long-term immunosuppressive therapy (glucocorticoids, ciclosporin, "
         "azathioprine)") },
    { 0, 18 } },
  [HLH_HSCORE_TEMPERATURE] = {
    { "temperature", N_("Temperature"),
      { COND (TEMPERATURE, GE, 38.4, CELSIUS), COND (TEMPERATURE, GT, 39.4, CELSIUS) }, 1,
      NULL },
    { 0, 33, 49 } },
  [HLH_HSCORE_ORGANOMEGALY] = {
    { "organomegaly", N_("Organomegaly"),
      { YES (HEPATOMEGALY), YES (SPLENOMEGALY) }, 1, NULL },
    { 0, 23, 38 } },
  [HLH_HSCORE_CYTOPENIAS] = {
    { "cytopenias", N_("Cytopenias"),
      { COND (HEMOGLOBIN, LE, 9.2, HB_G_DL), COND (LEUKOCYTES, LE, 5.0, CELLS_E9_L),
        COND (PLATELETS, LE, 110, CELLS_E9_L) }, 2,
      N_("Lineages counted: haemoglobin, leukocytes (not neutrophils), platelets; 0 or 1 "
         "lineage scores 0") },
    { 0, 0, 24, 34 } },
  [HLH_HSCORE_FERRITIN] = {
    { "ferritin", N_("Ferritin"),
      { COND (FERRITIN, GE, 2000, FERRITIN_NG_ML), COND (FERRITIN, GT, 6000, FERRITIN_NG_ML) },
      1, NULL },
    { 0, 35, 50 } },
  [HLH_HSCORE_TRIGLYCERIDES] = {
    { "triglycerides", N_("Triglycerides"),
      { COND (TRIGLYCERIDES, GE, 1.5, TG_MMOL_L), COND (TRIGLYCERIDES, GT, 4.0, TG_MMOL_L) },
      1, NULL },
    { 0, 44, 64 } },
  [HLH_HSCORE_FIBRINOGEN] = {
    { "fibrinogen", N_("Fibrinogen"), { COND (FIBRINOGEN, LE, 2.5, FIB_G_L) }, 1, NULL },
    { 0, 30 } },
  [HLH_HSCORE_AST] = {
    { "ast", N_("AST"), { COND (AST, GE, 30, ENZYME_U_L) }, 1, NULL },
    { 0, 19 } },
  [HLH_HSCORE_HEMOPHAGOCYTOSIS] = {
    { "hemophagocytosis_marrow", N_("Haemophagocytosis on bone-marrow aspirate"),
      { YES (HEMOPHAGOCYTOSIS_MARROW) }, 1, NULL },
    { 0, 35 } },
};

#undef COND
#undef YES

/* The paper's probabilities at single scores (clinical-spec section 1). The ends stand for
 * "<1 %" at or below 90 and ">99 %" at or above 250. */
static const struct
{
  int    score;
  double percent;
} probability_table[] = {
  { 90, 1 }, { 100, 1 }, { 110, 3 }, { 120, 5 }, { 130, 9 }, { 140, 16 }, { 150, 25 },
  { 160, 40 }, { 170, 54 }, { 180, 70 }, { 190, 80 }, { 200, 88 }, { 210, 93 }, { 220, 96 },
  { 230, 98 }, { 240, 99 }, { 250, 99 },
};

const HlhHScoreItem *
hlh_hscore_get_item (HlhHScoreItemId item)
{
  g_return_val_if_fail (item < HLH_HSCORE_N_ITEMS, &items[0]);
  return &items[item];
}

const HlhReference *
hlh_hscore_get_reference (void)
{
  return &reference;
}

/* Points are non-decreasing in the count, so the range's ends are the ends of the count. */
static void
evaluate_item (const HlhHScoreItem *item,
               const HlhCase       *c,
               HlhHScoreItemResult *result)
{
  HlhTally tally = hlh_criterion_tally (&item->criterion, c);

  result->min = item->points[tally.met];
  result->max = item->points[tally.met + tally.unknown];
  result->known = tally.unknown == 0;
}

/**
 * hlh_hscore_evaluate:
 *
 * The HScore as a range: unknown items count at their lowest for the minimum and at their
 * highest for the maximum.
 */
void
hlh_hscore_evaluate (const HlhCase *c,
                     HlhHScore     *result)
{
  result->min = result->max = 0;
  result->complete = TRUE;
  for (guint i = 0; i < HLH_HSCORE_N_ITEMS; i++)
    {
      evaluate_item (&items[i], c, &result->items[i]);
      result->min += result->items[i].min;
      result->max += result->items[i].max;
      result->complete &= result->items[i].known;
    }
  if (result->min >= HLH_HSCORE_CUTOFF)
    result->reaches_cutoff = HLH_VERDICT_YES;
  else if (result->max < HLH_HSCORE_CUTOFF)
    result->reaches_cutoff = HLH_VERDICT_NO;
  else
    result->reaches_cutoff = HLH_VERDICT_UNDETERMINED;
  result->probability_min = hlh_hscore_probability (result->min);
  result->probability_max = hlh_hscore_probability (result->max);
}

/**
 * hlh_hscore_probability:
 *
 * Linear interpolation in the paper's table: 1 at or below 90 (shown "<1 %"), 99 at or above
 * 250 (shown ">99 %").
 *
 * Returns: the probability of reactive haemophagocytic syndrome, in percent
 */
double
hlh_hscore_probability (int score)
{
  const guint n = G_N_ELEMENTS (probability_table);

  if (score <= probability_table[0].score)
    return probability_table[0].percent;
  for (guint i = 1; i < n; i++)
    {
      if (score <= probability_table[i].score)
        {
          double x0 = probability_table[i - 1].score, x1 = probability_table[i].score;
          double y0 = probability_table[i - 1].percent, y1 = probability_table[i].percent;
          return y0 + (y1 - y0) * (score - x0) / (x1 - x0);
        }
    }
  return probability_table[n - 1].percent;
}

static char *
format_probability (int score)
{
  g_autofree char *percent = NULL;

  if (score <= probability_table[0].score)
    return g_strdup ("<1 %");
  if (score >= probability_table[G_N_ELEMENTS (probability_table) - 1].score)
    return g_strdup (">99 %");
  percent = hlh_format_fixed (hlh_hscore_probability (score), 1);
  return g_strdup_printf ("%s %%", percent);
}

/**
 * hlh_hscore_probability_text:
 * @min_score: the lowest possible HScore
 * @max_score: the highest
 *
 * The interpolated probability for display, one decimal, the locale's decimal mark.
 *
 * Returns: (transfer full): "52.6 %", "<1 %", "47.0 % – 76.0 %"
 */
char *
hlh_hscore_probability_text (int min_score,
                             int max_score)
{
  g_autofree char *lo = format_probability (min_score);
  g_autofree char *hi = format_probability (max_score);

  if (g_strcmp0 (lo, hi) == 0)
    return g_steal_pointer (&lo);
  return g_strdup_printf ("%s – %s", lo, hi);
}

char *
hlh_hscore_dup_item_basis (HlhHScoreItemId  item,
                           const HlhCase   *c)
{
  return hlh_criterion_dup_basis (&hlh_hscore_get_item (item)->criterion, c);
}

const char *
hlh_verdict_to_string (HlhVerdict verdict)
{
  switch (verdict)
    {
    case HLH_VERDICT_YES:
      return "yes";
    case HLH_VERDICT_NO:
      return "no";
    case HLH_VERDICT_UNDETERMINED:
    default:
      return "undetermined";
    }
}
