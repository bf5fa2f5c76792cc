/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hlh-assess.h"

const char *hlh_disclaimer =
  N_("Decision support for clinicians, not a diagnosis: the scores support a physician's "
     "judgement of the whole clinical picture and order no treatment.");

/**
 * hlh_assess:
 *
 * Evaluates every criteria set. Deterministic, allocation-free and cheap enough to run on
 * every keystroke and on millions of rows.
 */
void
hlh_assess (const HlhCase *c,
            HlhAssessment *result)
{
  g_return_if_fail (c != NULL);
  g_return_if_fail (result != NULL);

  hlh_hscore_evaluate (c, &result->hscore);
  hlh_hlh2004_evaluate (c, &result->hlh2004);
  hlh_mas2016_evaluate (c, &result->mas2016);
  hlh_msscore_evaluate (c, &result->ms_score);
  hlh_ohi_evaluate (c, &result->ohi);
  hlh_cartox_evaluate (c, &result->cartox);
  hlh_iechs_evaluate (c, &result->iechs);
}

static void
note_free (gpointer data)
{
  HlhNote *note = data;

  g_free (note->text);
  g_free (note);
}

static void
add_note (GPtrArray  *notes,
          const char *set,
          const char *id,
          char       *text)
{
  HlhNote *note = g_new (HlhNote, 1);

  note->set = set;
  note->id = id;
  note->text = text;
  g_ptr_array_add (notes, note);
}

/* Calls @visit for each unknown finding of a criterion, once per finding: nested thresholds
 * of one finding (temperature ≥ 38.4, > 39.4) name it once, and the infant Hb rule, unknown
 * because of the age rather than the haemoglobin, names the age. */
static void
foreach_unknown_field (const HlhCriterion *criterion,
                       const HlhCase      *c,
                       void              (*visit) (HlhField field, gpointer data),
                       gpointer            data)
{
  guint n = hlh_criterion_count (criterion);

  for (guint i = 0; i < n; i++)
    {
      const HlhCondition *cond = &criterion->conditions[i];
      HlhField field = cond->field;

      if (hlh_condition_eval (cond, c) != HLH_STATE_UNKNOWN ||
          (i > 0 && criterion->conditions[i - 1].field == field))
        continue;
      if (hlh_case_is_known (c, field) && cond->infant_threshold != 0)
        field = HLH_FIELD_AGE;
      visit (field, data);
    }
}

static void
append_label (HlhField field,
              gpointer data)
{
  GString *s = data;

  if (s->len > 0)
    g_string_append (s, ", ");
  g_string_append (s, _(hlh_field_get_info (field)->label));
}

static void
keep_first_id (HlhField field,
               gpointer data)
{
  const char **id = data;

  if (*id == NULL)
    *id = hlh_field_get_info (field)->id;
}

/* The unknown findings of a criterion, by label: "Platelets, Neutrophils". */
static char *
dup_unknown_labels (const HlhCriterion *criterion,
                    const HlhCase      *c)
{
  GString *s = g_string_new (NULL);

  foreach_unknown_field (criterion, c, append_label, s);
  return g_string_free (s, FALSE);
}

/* The id of the first unknown finding, what a note is about ("scd25"). */
static const char *
first_unknown_id (const HlhCriterion *criterion,
                  const HlhCase      *c)
{
  const char *id = NULL;

  foreach_unknown_field (criterion, c, keep_first_id, &id);
  return id != NULL ? id : criterion->id;
}

typedef struct
{
  guint delta;
  guint item;
} Potential;

static int
compare_potential (gconstpointer a,
                   gconstpointer b)
{
  const Potential *pa = a, *pb = b;

  if (pa->delta != pb->delta)
    return pa->delta > pb->delta ? -1 : 1;
  return pa->item < pb->item ? -1 : 1;
}

static void
add_hscore_decisive (GPtrArray           *notes,
                     const HlhAssessment *a,
                     const HlhCase       *c)
{
  Potential potentials[HLH_HSCORE_N_ITEMS];
  guint n = 0;

  if (a->hscore.reaches_cutoff != HLH_VERDICT_UNDETERMINED)
    return;
  for (guint i = 0; i < HLH_HSCORE_N_ITEMS; i++)
    if (a->hscore.items[i].max > a->hscore.items[i].min)
      potentials[n++] = (Potential) { a->hscore.items[i].max - a->hscore.items[i].min, i };
  qsort (potentials, n, sizeof potentials[0], compare_potential);

  for (guint i = 0; i < n; i++)
    {
      const HlhCriterion *criterion = &hlh_hscore_get_item (potentials[i].item)->criterion;
      int reach = a->hscore.min + (int) potentials[i].delta;
      const char *id = first_unknown_id (criterion, c);
      g_autofree char *labels = dup_unknown_labels (criterion, c);

      add_note (notes, "hscore", id,
                g_strdup_printf (reach >= HLH_HSCORE_CUTOFF
                                   ? _("%s: up to +%u; on its own it could bring the HScore "
                                       "to %d, at or above the %d cut-off")
                                   : _("%s: up to +%u; on its own it could bring the HScore "
                                       "to %d, still below the %d cut-off"),
                                 labels, potentials[i].delta, reach, HLH_HSCORE_CUTOFF));
    }
}

static char *
dup_criterion_text (const HlhCriterion *criterion)
{
  g_autofree char *rule = hlh_criterion_describe (criterion);

  if (!hlh_criterion_has_threshold (criterion))
    return g_strdup (_(criterion->label));
  if (hlh_criterion_count (criterion) == 1)
    return g_steal_pointer (&rule);
  return g_strdup_printf ("%s (%s)", _(criterion->label), rule);
}

static void
add_hlh2004_decisive (GPtrArray           *notes,
                      const HlhAssessment *a,
                      const HlhCase       *c)
{
  const HlhHlh2004 *r = &a->hlh2004;

  if (r->status == HLH_STATUS_UNDETERMINED)
    {
      for (guint i = 0; i < HLH_HLH2004_N_CRITERIA; i++)
        {
          const HlhCriterion *criterion = hlh_hlh2004_get_criterion (i);
          g_autofree char *text = NULL;
          const char *id;

          if (r->criteria[i] != HLH_STATE_UNKNOWN)
            continue;
          text = dup_criterion_text (criterion);
          id = first_unknown_id (criterion, c);
          if (r->still_needed == 1)
            add_note (notes, "hlh2004", id,
                      g_strdup_printf (_("%s: if met, HLH-2004 would be fulfilled"), text));
          else
            add_note (notes, "hlh2004", id,
                      g_strdup_printf (_("%s: if met, it counts towards the %u more criteria "
                                         "needed"), text, r->still_needed));
        }
    }
  if (r->status != HLH_STATUS_FULFILLED &&
      !hlh_case_is_known (c, HLH_FIELD_MOLECULAR_DIAGNOSIS))
    add_note (notes, "hlh2004", "molecular_diagnosis",
              g_strdup (_("Molecular diagnosis: not recorded; a pathogenic variant consistent "
                          "with HLH would fulfil HLH-2004 on its own")));
}

static void
add_unknown_criteria (GPtrArray          *notes,
                      const char         *set,
                      const char         *title,
                      const HlhCriterion *(*get) (guint),
                      const HlhState     *states,
                      guint               n,
                      const HlhCase      *c)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = NULL;

      if (states[i] != HLH_STATE_UNKNOWN)
        continue;
      text = dup_criterion_text (get (i));
      add_note (notes, set, first_unknown_id (get (i), c), g_strdup_printf (_("%s: %s is unknown"), title, text));
    }
}

static void
add_other_decisive (GPtrArray           *notes,
                    const HlhAssessment *a,
                    const HlhCase       *c)
{
  double age;

  if (a->mas2016.status == HLH_STATUS_UNDETERMINED)
    {
      /* Translators: MAS is macrophage activation syndrome; use the abbreviation your
       * clinicians use (SAM in French) */
      add_unknown_criteria (notes, "mas2016", _("MAS 2016"),
                            hlh_mas2016_get_criterion, a->mas2016.criteria,
                            HLH_MAS2016_N_CRITERIA, c);
      if (a->mas2016.febrile == HLH_STATE_UNKNOWN)
        {
          g_autofree char *fever = hlh_criterion_describe (hlh_mas2016_get_fever ());
          add_note (notes, "mas2016", "temperature",
                    g_strdup_printf (_("MAS 2016: the highest temperature is unknown; the "
                                       "criteria apply to a febrile patient (%s)"), fever));
        }
    }
  if (a->mas2016.applicability == HLH_MAS2016_NO_SJIA && !hlh_case_is_known (c, HLH_FIELD_SJIA) &&
      a->mas2016.criteria[0] == HLH_STATE_MET && a->mas2016.laboratory.met >= 2 &&
      (!hlh_case_get_number (c, HLH_FIELD_AGE, HLH_UNIT_AGE_YEARS, &age) || age < 16))
    add_note (notes, "mas2016", "sjia",
              g_strdup (_("Known or suspected sJIA: not recorded; the laboratory criteria of "
                          "MAS 2016 are met, so they would apply if it were")));
  if (a->ms_score.applicable && !a->ms_score.computed)
    {
      g_autoptr(GString) missing = g_string_new (NULL);
      for (guint i = 0; i < a->ms_score.n_missing; i++)
        {
          if (i > 0)
            g_string_append (missing, ", ");
          g_string_append (missing, _(hlh_field_get_info (a->ms_score.missing[i])->label));
        }
      add_note (notes, "ms_score", hlh_field_get_info (a->ms_score.missing[0])->id,
                /* Translators: the MAS/sJIA (MS) score of Minoia 2019; keep "MS" */
                g_strdup_printf (_("MS score: not computed until these are known: %s"),
                                 missing->str));
    }
  if (a->ohi.relevant && a->ohi.status == HLH_STATUS_UNDETERMINED)
    /* Translators: the Optimized HLH Inflammatory index (Zoref-Lorenz 2022); keep "OHI" */
    add_unknown_criteria (notes, "ohi", _("OHI index"), hlh_ohi_get_criterion,
                          a->ohi.criteria, HLH_OHI_N_CRITERIA, c);
  if (a->cartox.applicable && a->cartox.status == HLH_STATUS_UNDETERMINED)
    /* Translators: the CARTOX definition of CAR-T-related HLH/MAS (Neelapu 2018) */
    add_unknown_criteria (notes, "cartox2018", _("CAR-T HLH/MAS (2018)"),
                          hlh_cartox_get_criterion, a->cartox.criteria,
                          HLH_CARTOX_N_CRITERIA, c);
}

/**
 * hlh_assessment_dup_decisive:
 *
 * What would decide it: for each result that is a range or undetermined, the unknown findings
 * that could still change it, each with its effect.
 *
 * Returns: (transfer container) (element-type HlhNote): the notes, most influential first
 */
GPtrArray *
hlh_assessment_dup_decisive (const HlhAssessment *a,
                             const HlhCase       *c)
{
  GPtrArray *notes = g_ptr_array_new_with_free_func (note_free);

  add_hscore_decisive (notes, a, c);
  add_hlh2004_decisive (notes, a, c);
  add_other_decisive (notes, a, c);
  return notes;
}

/* A trigger that contradicts an entered "no" is worth a warning; one that fills in an unknown
 * finding is worth saying only where it changes a score's points (the HScore item). */
static void
add_trigger_warnings (GPtrArray     *notes,
                      const HlhCase *c)
{
  static const HlhField implied[] = {
    HLH_FIELD_IMMUNOSUPPRESSION, HLH_FIELD_SJIA, HLH_FIELD_IEC_THERAPY,
  };

  for (guint i = 0; i < G_N_ELEMENTS (implied); i++)
    {
      HlhTrigger t = hlh_case_get_implying_trigger (c, implied[i]);
      int entered;

      if (t == HLH_N_TRIGGERS)
        continue;
      if (hlh_case_get_choice (c, implied[i], &entered) && entered == HLH_ANSWER_NO)
        add_note (notes, "case", hlh_field_get_info (implied[i])->id,
                  g_strdup_printf (_("“%s” was entered as no, but the trigger history records "
                                     "%s: it counts as yes"),
                                   _(hlh_field_get_info (implied[i])->label),
                                   _(hlh_trigger_get_info (t)->label)));
      else if (!hlh_case_is_known (c, implied[i]) && implied[i] == HLH_FIELD_IMMUNOSUPPRESSION)
        add_note (notes, "case", hlh_field_get_info (implied[i])->id,
                  g_strdup_printf (_("“%s” counts as yes: the trigger history records %s"),
                                   _(hlh_field_get_info (implied[i])->label),
                                   _(hlh_trigger_get_info (t)->label)));
    }
  if (hlh_case_has_trigger (c, HLH_TRIGGER_NONE_IDENTIFIED) &&
      (c->triggers & ~HLH_TRIGGER_BIT (HLH_TRIGGER_NONE_IDENTIFIED)) != 0)
    add_note (notes, "case", "triggers",
              g_strdup (_("“No trigger identified” is recorded together with other triggers")));
}

/**
 * hlh_assessment_dup_warnings:
 *
 * Things the user should check: values kept but unusual, findings set by the trigger history,
 * contradictions between findings, populations a score was not derived in.
 *
 * Returns: (transfer container) (element-type HlhNote): the notes
 */
GPtrArray *
hlh_assessment_dup_warnings (const HlhAssessment *a,
                             const HlhCase       *c)
{
  GPtrArray *notes = g_ptr_array_new_with_free_func (note_free);
  double neutrophils, leukocytes, age;

  add_trigger_warnings (notes, c);
  for (guint i = 0; i < HLH_N_FIELDS; i++)
    {
      const HlhFieldInfo *info = hlh_field_get_info (i);
      HlhUnit canonical;
      double value;

      if (info->kind != HLH_FIELD_KIND_NUMBER || info->warn_above == 0)
        continue;
      canonical = hlh_quantity_get_canonical (hlh_field_get_quantity (i));
      if (hlh_case_get_number (c, i, canonical, &value) && value > info->warn_above)
        {
          g_autofree char *v = hlh_format_value (value, canonical);
          add_note (notes, "case", info->id,
                    g_strdup_printf (_("%s of %s is unusually high: please check the unit"),
                                     _(info->label), v));
        }
    }
  if (hlh_case_get_number (c, HLH_FIELD_NEUTROPHILS, HLH_UNIT_CELLS_E9_L, &neutrophils) &&
      hlh_case_get_number (c, HLH_FIELD_LEUKOCYTES, HLH_UNIT_CELLS_E9_L, &leukocytes) &&
      hlh_compare (neutrophils, HLH_OP_GT, leukocytes))
    add_note (notes, "case", "neutrophils",
              g_strdup (_("Neutrophils exceed leukocytes: please check the blood count")));
  if (hlh_case_get_number (c, HLH_FIELD_AGE, HLH_UNIT_AGE_YEARS, &age) && age < 18)
    add_note (notes, "hscore", "age",
              g_strdup (_("The HScore was derived and validated in adults")));
  return notes;
}
