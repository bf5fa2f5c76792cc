/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hlh-results-view.h"
#include "hlh-accessible.h"
#include "hlh-column.h"
#include "hlh-first-frame.h"
#include "hlh-pane-layout.h"
#include "hlh-reflow-box.h"
#include "hlh-label-util.h"
#include "hlh-wrap-bin.h"

/* Every result the core gives, redrawn on each change: the HScore gauge and items, HLH-2004,
 * the panels that fit the patient, what would decide it and what to check. The rows are made
 * once; a change only updates their texts, so a keystroke costs one assessment and a frame. */

struct _HlhResultsView
{
  GtkWidget        parent_instance;

  GtkWidget       *root;
  GtkWidget       *refusal_banner;
  GtkLabel        *refusal_label;
  HlhGauge        *gauge;
  GtkLabel        *score_label;
  GtkLabel        *probability_label;
  GtkLabel        *cutoff_label;
  GtkBox          *hscore_box;
  GtkLabel        *hlh2004_status;
  GtkBox          *hlh2004_box;
  GtkToggleButton *mas_toggle;
  GtkImage        *mas_arrow;
  GtkLabel        *mas_title;
  GtkBox          *mas_box;
  GtkToggleButton *ohi_toggle;
  GtkImage        *ohi_arrow;
  GtkLabel        *ohi_title;
  GtkBox          *ohi_box;
  GtkToggleButton *iec_toggle;
  GtkImage        *iec_arrow;
  GtkLabel        *iec_title;
  GtkBox          *iec_box;
  GtkBox          *decisive_box;
  GtkWidget       *warnings_heading;
  GtkBox          *warnings_box;
  GtkLabel        *disclaimer;
  GtkWidget       *below;

  HlhCaseModel    *model;
  HlhFirstFrame    hold;          /* `below` waiting for its window's first frame */
  HlhFirstFrame    notes_wait;    /* notes out of view waiting for the next frame */
  guint            notes_source;  /* and then for an idle moment */
  HlhCriterionRow *hscore_rows[HLH_HSCORE_N_ITEMS];
  HlhCriterionRow *hlh2004_rows[HLH_HLH2004_N_CRITERIA];
  HlhCriterionRow *molecular_row;
  GtkLabel        *mas_status;
  HlhCriterionRow *mas_fever_row;
  HlhCriterionRow *mas_rows[HLH_MAS2016_N_CRITERIA];
  HlhCriterionRow *ms_row;
  GtkLabel        *ohi_status;
  HlhCriterionRow *ohi_rows[HLH_OHI_N_CRITERIA];
  GtkLabel        *iechs_status;
  HlhCriterionRow *iechs_rows[HLH_IECHS_N_ITEMS];
  GtkLabel        *grade_label;
  GtkLabel        *cartox_status;
  HlhCriterionRow *cartox_rows[HLH_CARTOX_N_CRITERIA];
  gboolean         built[HLH_N_PANELS];
  gboolean         updating;
  gboolean         relevant[HLH_N_PANELS];
  gboolean         relevance_known;
};

G_DEFINE_FINAL_TYPE (HlhResultsView, hlh_results_view, GTK_TYPE_WIDGET)

/* Details: the rule, its threshold, points and reference, from the core's tables. */

static void
append_reference (GString            *s,
                  const HlhReference *reference)
{
  g_string_append_printf (s, _("\nSource: %s doi:%s"), reference->citation, reference->doi);
}

static char *
dup_detail (const char         *rule,
            const char         *note,
            const HlhReference *reference)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, _("Rule: %s"), rule);
  if (note != NULL)
    g_string_append_printf (s, "\n%s", _(note));
  append_reference (s, reference);
  return g_string_free (s, FALSE);
}

static char *
dup_criterion_detail (const HlhCriterion *criterion,
                      const HlhReference *reference)
{
  g_autofree char *rule = hlh_criterion_describe (criterion);

  return dup_detail (rule, criterion->note, reference);
}

/* A lower bound ("≥ 38.4 °C", "> 39.4 °C") rather than an upper one ("≤ 2.5 g/L"). */
static gboolean
is_lower_bound (HlhOp op)
{
  return op == HLH_OP_GE || op == HLH_OP_GT;
}

/* Whether the item's conditions are thresholds of one finding, each inside the one before
 * (temperature ≥ 38.4 °C, > 39.4 °C): the paper's bands, one per count of conditions met. */
static gboolean
is_banded (const HlhCriterion *criterion,
           guint               n)
{
  const HlhCondition *first = &criterion->conditions[0];
  gboolean up = is_lower_bound (first->op);

  for (guint k = 0; k < n; k++)
    {
      const HlhCondition *c = &criterion->conditions[k];

      if (c->op != HLH_OP_GE && c->op != HLH_OP_GT && c->op != HLH_OP_LE && c->op != HLH_OP_LT)
        return FALSE;
      if (is_lower_bound (c->op) != up || c->infant_threshold != 0 || c->field != first->field ||
          c->unit != first->unit)
        return FALSE;
      if (k > 0 && (up ? c->threshold <= c[-1].threshold : c->threshold >= c[-1].threshold))
        return FALSE;
    }
  return n > 0;
}

static char *
dup_side (const HlhCondition *condition,
          gboolean            negated)
{
  g_autofree char *threshold = hlh_format_threshold (condition->threshold, condition->unit);

  return g_strdup_printf ("%s %s", hlh_op_symbol (condition->op, negated), threshold);
}

static void
append_points (GString    *s,
               const char *band,
               int         points)
{
  g_string_append_c (s, '\n');
  /* Translators: a band of values and the HScore points it scores, "> 39.4 °C: 49 points",
   * "Yes: 18 points" */
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%s: %d point", "%s: %d points",
                                          points),
                          band, points);
}

/* "< 38.4 °C: 0 points", "≥ 38.4 °C and ≤ 39.4 °C: 33 points", "> 39.4 °C: 49 points" */
static void
append_bands (GString             *s,
              const HlhHScoreItem *item,
              guint                n)
{
  for (guint k = 0; k <= n; k++)
    {
      g_autofree char *band = NULL;

      if (k == 0)
        band = dup_side (&item->criterion.conditions[0], TRUE);
      else if (k == n)
        band = dup_side (&item->criterion.conditions[n - 1], FALSE);
      else
        {
          g_autofree char *low = dup_side (&item->criterion.conditions[k - 1], FALSE);
          g_autofree char *high = dup_side (&item->criterion.conditions[k], TRUE);
          /* Translators: a band of values between two thresholds, "≥ 38.4 °C and ≤ 39.4 °C" */
          band = g_strdup_printf (_("%s and %s"), low, high);
        }
      append_points (s, band, item->points[k]);
    }
}

static char *
dup_hscore_detail (const HlhHScoreItem *item)
{
  guint n = hlh_criterion_count (&item->criterion);
  const HlhCondition *first = &item->criterion.conditions[0];
  gboolean banded = is_banded (&item->criterion, n);
  g_autofree char *rule = NULL;
  GString *s = g_string_new (NULL);

  if (banded || (n == 1 && first->op == HLH_OP_YES))
    {
      /* One finding: the finding, then its bands, or its two answers, with their points. */
      g_string_append_printf (s, _("Rule: %s"), _(hlh_field_get_info (first->field)->label));
      if (banded)
        append_bands (s, item, n);
      else
        {
          append_points (s, _("No"), item->points[0]);
          append_points (s, _("Yes"), item->points[1]);
        }
    }
  else
    {
      rule = hlh_criterion_describe (&item->criterion);
      g_string_append_printf (s, _("Rule: %s"), rule);
      g_string_append (s, _("\nPoints by the number of conditions met:"));
      for (guint k = 0; k <= n; k++)
        g_string_append_printf (s, "%s %u → %d", k == 0 ? "" : ",", k, item->points[k]);
    }
  if (item->criterion.note != NULL)
    g_string_append_printf (s, "\n%s", _(item->criterion.note));
  append_reference (s, hlh_hscore_get_reference ());
  return g_string_free (s, FALSE);
}

static char *
dup_msscore_detail (void)
{
  GString *s = g_string_new (_("MS score ="));
  g_autofree char *cutoff = hlh_format_number (HLH_MSSCORE_CUTOFF);

  for (guint i = 0; i < HLH_MSSCORE_N_TERMS; i++)
    {
      const HlhMsScoreTerm *term = hlh_msscore_get_term (i);
      const HlhFieldInfo *info = hlh_field_get_info (term->field);
      g_autofree char *coefficient = hlh_format_number (ABS (term->coefficient));

      g_string_append_printf (s, " %s %s × %s", term->coefficient < 0 ? "−" : (i > 0 ? "+" : ""),
                              coefficient, _(info->label));
      if (info->kind == HLH_FIELD_KIND_NUMBER)
        g_string_append_printf (s, " (%s)", hlh_unit_get_label (term->unit));
    }
  g_string_append_printf (s, _("\nYes counts 1, no 0. MAS is suggested at a score of %s or "
                               "more."), cutoff);
  append_reference (s, hlh_msscore_get_reference ());
  return g_string_free (s, FALSE);
}

static HlhCriterionRow *
add_row (GtkBox     *box,
         const char *title,
         char       *detail)
{
  GtkWidget *row = hlh_criterion_row_new (title, detail);

  g_free (detail);
  gtk_box_append (box, row);
  return HLH_CRITERION_ROW (row);
}

static GtkLabel *
add_status (GtkBox *box)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "hlh-status");
  gtk_widget_set_margin_top (label, 6);
  gtk_box_append (box, label);
  return GTK_LABEL (label);
}

static void
build_hscore (HlhResultsView *self)
{
  for (guint i = 0; i < HLH_HSCORE_N_ITEMS; i++)
    {
      const HlhHScoreItem *item = hlh_hscore_get_item (i);
      self->hscore_rows[i] = add_row (self->hscore_box, _(item->criterion.label),
                                      dup_hscore_detail (item));
    }
}

static void
build_hlh2004 (HlhResultsView *self)
{
  const HlhReference *reference = hlh_hlh2004_get_reference ();
  const HlhCriterion *molecular = hlh_hlh2004_get_molecular ();

  self->molecular_row = add_row (self->hlh2004_box, _(molecular->label),
                                 dup_criterion_detail (molecular, reference));
  for (guint i = 0; i < HLH_HLH2004_N_CRITERIA; i++)
    {
      const HlhCriterion *criterion = hlh_hlh2004_get_criterion (i);
      self->hlh2004_rows[i] = add_row (self->hlh2004_box, _(criterion->label),
                                       dup_criterion_detail (criterion, reference));
    }
}

static void
build_mas (HlhResultsView *self)
{
  const HlhReference *reference = hlh_mas2016_get_reference ();
  const HlhCriterion *fever = hlh_mas2016_get_fever ();

  self->mas_status = add_status (self->mas_box);
  self->mas_fever_row = add_row (self->mas_box, _(fever->label),
                                 dup_criterion_detail (fever, reference));
  for (guint i = 0; i < HLH_MAS2016_N_CRITERIA; i++)
    {
      const HlhCriterion *criterion = hlh_mas2016_get_criterion (i);
      self->mas_rows[i] = add_row (self->mas_box, _(criterion->label),
                                   dup_criterion_detail (criterion, reference));
    }
  self->ms_row = add_row (self->mas_box, _("MS score (Minoia 2019)"), dup_msscore_detail ());
}

static void
build_ohi (HlhResultsView *self)
{
  const HlhReference *reference = hlh_ohi_get_reference ();

  self->ohi_status = add_status (self->ohi_box);
  for (guint i = 0; i < HLH_OHI_N_CRITERIA; i++)
    {
      const HlhCriterion *criterion = hlh_ohi_get_criterion (i);
      self->ohi_rows[i] = add_row (self->ohi_box, _(criterion->label),
                                   dup_criterion_detail (criterion, reference));
    }
}

static void
build_iec (HlhResultsView *self)
{
  const HlhReference *iechs = hlh_iechs_get_reference ();
  const HlhReference *cartox = hlh_cartox_get_reference ();

  self->iechs_status = add_status (self->iec_box);
  for (guint i = 0; i < HLH_IECHS_N_ITEMS; i++)
    {
      const HlhCriterion *item = hlh_iechs_get_item (i);
      g_autofree char *rule = hlh_iechs_dup_rule (i);

      self->iechs_rows[i] = add_row (self->iec_box, _(item->label),
                                     dup_detail (rule, item->note, iechs));
    }
  self->grade_label = add_status (self->iec_box);
  self->cartox_status = add_status (self->iec_box);
  for (guint i = 0; i < HLH_CARTOX_N_CRITERIA; i++)
    {
      const HlhCriterion *criterion = hlh_cartox_get_criterion (i);
      self->cartox_rows[i] = add_row (self->iec_box, _(criterion->label),
                                      dup_criterion_detail (criterion, cartox));
    }
}

/* Updates on each change. */

static void
update_state_row (HlhCriterionRow    *row,
                  HlhState            state,
                  const HlhCriterion *criterion,
                  const HlhCase      *c)
{
  g_autofree char *basis = hlh_criterion_dup_basis (criterion, c);

  hlh_criterion_row_update (row, state, hlh_state_word (state), basis);
}

static void
update_hscore (HlhResultsView      *self,
               const HlhAssessment *a,
               const HlhCase       *c)
{
  const HlhHScore *h = &a->hscore;
  g_autofree char *score = NULL;
  g_autofree char *probability = hlh_hscore_probability_text (h->min, h->max);
  g_autofree char *probability_text = NULL;
  const char *cutoff;

  hlh_gauge_set_hscore (self->gauge, h);
  if (h->min == h->max)
    score = g_strdup_printf ("%d", h->min);
  else
    score = g_strdup_printf ("%d–%d", h->min, h->max);
  hlh_label_set_text (self->score_label, score);
  probability_text = g_strdup_printf (_("probability %s"), probability);
  hlh_label_set_text (self->probability_label, probability_text);

  switch (h->reaches_cutoff)
    {
    case HLH_VERDICT_YES:
      cutoff = _("At or above the cut-off of 169");
      break;
    case HLH_VERDICT_NO:
      cutoff = _("Below the cut-off of 169");
      break;
    case HLH_VERDICT_UNDETERMINED:
    default:
      cutoff = _("Undetermined: unknown findings could put it on either side of the cut-off "
                 "of 169");
      break;
    }
  hlh_label_set_text (self->cutoff_label, cutoff);

  for (guint i = 0; i < HLH_HSCORE_N_ITEMS; i++)
    {
      const HlhHScoreItemResult *item = &h->items[i];
      g_autofree char *basis = hlh_hscore_dup_item_basis (i, c);
      g_autofree char *points = NULL;
      HlhState state;

      if (!item->known)
        {
          points = g_strdup_printf ("%d–%d", item->min, item->max);
          state = HLH_STATE_UNKNOWN;
        }
      else
        {
          points = item->min > 0 ? g_strdup_printf ("+%d", item->min) : g_strdup ("0");
          state = item->min > 0 ? HLH_STATE_MET : HLH_STATE_NOT_MET;
        }
      hlh_criterion_row_update (self->hscore_rows[i], state, points, basis);
    }
}

static void
update_hlh2004 (HlhResultsView      *self,
                const HlhAssessment *a,
                const HlhCase       *c)
{
  g_autofree char *status = hlh_hlh2004_dup_status_text (&a->hlh2004);
  const HlhCriterion *molecular = hlh_hlh2004_get_molecular ();

  hlh_label_set_text (self->hlh2004_status, status);
  update_state_row (self->molecular_row, hlh_criterion_eval (molecular, c), molecular, c);
  for (guint i = 0; i < HLH_HLH2004_N_CRITERIA; i++)
    update_state_row (self->hlh2004_rows[i], a->hlh2004.criteria[i],
                      hlh_hlh2004_get_criterion (i), c);
}

static void
update_msscore (HlhResultsView   *self,
                const HlhMsScore *ms)
{
  g_autofree char *cutoff = hlh_format_number (HLH_MSSCORE_CUTOFF);
  g_autofree char *basis = NULL;
  g_autofree char *value = NULL;

  if (!ms->computed)
    {
      GString *missing = g_string_new (NULL);
      for (guint i = 0; i < ms->n_missing; i++)
        g_string_append_printf (missing, "%s%s", i > 0 ? ", " : "",
                                _(hlh_field_get_info (ms->missing[i])->label));
      basis = g_strdup_printf (_("Needs: %s"), missing->str);
      g_string_free (missing, TRUE);
      hlh_criterion_row_update (self->ms_row, HLH_STATE_UNKNOWN, hlh_state_word (HLH_STATE_UNKNOWN),
                                basis);
      return;
    }
  value = hlh_format_fixed (ms->value, 2);
  basis = g_strdup_printf (ms->suggests_mas == HLH_VERDICT_YES
                             ? _("Suggests MAS (cut-off %s)") : _("Does not suggest MAS (cut-off %s)"),
                           cutoff);
  hlh_criterion_row_update (self->ms_row,
                            ms->suggests_mas == HLH_VERDICT_YES ? HLH_STATE_MET : HLH_STATE_NOT_MET,
                            value, basis);
}

static void
update_mas (HlhResultsView      *self,
            const HlhAssessment *a,
            const HlhCase       *c)
{
  const HlhMas2016 *mas = &a->mas2016;
  g_autofree char *title = NULL;
  g_autofree char *status = NULL;
  g_autofree char *rule = NULL;
  const char *applicability = NULL;

  if (mas->applicability == HLH_MAS2016_NO_SJIA)
    applicability = hlh_mas2016_sjia_denied (c) ? _("not applicable (no sJIA)")
                                                : _("not applicable (sJIA not recorded)");
  else if (mas->applicability == HLH_MAS2016_AFEBRILE)
    applicability = _("not applicable (the patient is afebrile)");

  title = g_strdup_printf (_("MAS in systemic JIA: 2016 criteria %s"),
                           applicability != NULL ? applicability : hlh_status_describe (mas->status));
  hlh_label_set_text (self->mas_title, title);
  if (!self->built[HLH_PANEL_MAS])
    return;
  rule = hlh_criteria_describe (hlh_mas2016_get_criterion, 1, HLH_MAS2016_N_CRITERIA,
                                HLH_MAS2016_NEEDED);
  status = g_strdup_printf (_("2016 classification criteria (Ravelli 2016): %s. %s, in a "
                              "febrile patient with known or suspected sJIA; classification, "
                              "not diagnostic, criteria."),
                            applicability != NULL ? applicability : hlh_status_describe (mas->status),
                            rule);
  hlh_label_set_text (self->mas_status, status);
  update_state_row (self->mas_fever_row, mas->febrile, hlh_mas2016_get_fever (), c);
  for (guint i = 0; i < HLH_MAS2016_N_CRITERIA; i++)
    update_state_row (self->mas_rows[i], mas->criteria[i], hlh_mas2016_get_criterion (i), c);
  update_msscore (self, &a->ms_score);
}

static void
update_ohi (HlhResultsView      *self,
            const HlhAssessment *a,
            const HlhCase       *c)
{
  const char *word = a->ohi.status == HLH_STATUS_FULFILLED ? _("positive")
                     : a->ohi.status == HLH_STATUS_NOT_FULFILLED ? _("negative")
                     : _("undetermined");
  g_autofree char *title = g_strdup_printf (_("Optimized HLH inflammatory (OHI) index: %s"), word);

  hlh_label_set_text (self->ohi_title, title);
  if (!self->built[HLH_PANEL_OHI])
    return;
  hlh_label_set_text (self->ohi_status,
                      _("Derived in adults with haematological malignancy (Zoref-Lorenz 2022): "
                        "positive when both criteria are met."));
  for (guint i = 0; i < HLH_OHI_N_CRITERIA; i++)
    update_state_row (self->ohi_rows[i], a->ohi.criteria[i], hlh_ohi_get_criterion (i), c);
}

static void
update_iec (HlhResultsView      *self,
            const HlhAssessment *a,
            const HlhCase       *c)
{
  const HlhIechs *iechs = &a->iechs;
  const char *cartox = a->cartox.status == HLH_STATUS_FULFILLED ? _("possible")
                       : a->cartox.status == HLH_STATUS_NOT_FULFILLED ? _("criteria not met")
                       : _("undetermined");
  g_autofree char *title = NULL;
  g_autofree char *status = NULL;
  g_autofree char *grade = NULL;
  g_autofree char *cartox_text = NULL;
  g_autofree char *rule = NULL;

  title = g_strdup_printf (_("After immune-effector-cell therapy: IEC-HS checklist, %u of %d "
                             "common manifestations; CARTOX %s"),
                           iechs->common.met, HLH_IECHS_N_COMMON, cartox);
  hlh_label_set_text (self->iec_title, title);
  if (!self->built[HLH_PANEL_IEC])
    return;
  status = g_strdup_printf (_("IEC-HS checklist (Hines 2023): %u of the %d most common "
                              "manifestations present, %u unknown; %u other manifestations "
                              "present. A checklist with a clinician-chosen grade, not a "
                              "score."),
                            iechs->common.met, HLH_IECHS_N_COMMON, iechs->common.unknown,
                            iechs->other.met);
  hlh_label_set_text (self->iechs_status, status);
  for (guint i = 0; i < HLH_IECHS_N_ITEMS; i++)
    {
      g_autofree char *basis = hlh_iechs_dup_basis (i, c);
      hlh_criterion_row_update (self->iechs_rows[i], iechs->items[i],
                                hlh_state_word (iechs->items[i]), basis);
    }
  grade = g_strdup_printf (_("Grade (clinician's choice): %s"),
                           iechs->grade > 0 ? hlh_iechs_grade_text (iechs->grade)
                                            : _("not graded"));
  hlh_label_set_text (self->grade_label, grade);
  rule = hlh_criteria_describe (hlh_cartox_get_criterion, 1, HLH_CARTOX_N_CRITERIA,
                                HLH_CARTOX_NEEDED);
  cartox_text = g_strdup_printf (_("CAR-T related HLH/MAS (Neelapu 2018): %s. %s."), cartox,
                                 rule);
  hlh_label_set_text (self->cartox_status, cartox_text);
  for (guint i = 0; i < HLH_CARTOX_N_CRITERIA; i++)
    update_state_row (self->cartox_rows[i], a->cartox.criteria[i],
                      hlh_cartox_get_criterion (i), c);
}

/* A panel opens when it comes to fit the patient and closes when it stops; in between the
 * reader's choice stands. */
static void
update_relevance (HlhResultsView      *self,
                  const HlhAssessment *a)
{
  GtkToggleButton *toggles[HLH_N_PANELS] = { self->mas_toggle, self->ohi_toggle,
                                             self->iec_toggle };
  GtkLabel *titles[HLH_N_PANELS] = { self->mas_title, self->ohi_title, self->iec_title };
  gboolean relevant[HLH_N_PANELS] = {
    a->mas2016.applicability != HLH_MAS2016_NO_SJIA,
    a->ohi.relevant,
    a->iechs.applicable,
  };

  for (guint p = 0; p < HLH_N_PANELS; p++)
    {
      if (self->relevance_known && relevant[p] == self->relevant[p])
        continue;
      self->relevant[p] = relevant[p];
      gtk_toggle_button_set_active (toggles[p], relevant[p]);
      if (relevant[p])
        gtk_widget_remove_css_class (GTK_WIDGET (titles[p]), "dim-label");
      else
        gtk_widget_add_css_class (GTK_WIDGET (titles[p]), "dim-label");
    }
  self->relevance_known = TRUE;
}

/* One label per note, kept from one change to the next: a change rewrites only the notes it
 * alters, instead of laying out the whole list again. */
static void
show_notes (GtkBox     *box,
            GPtrArray  *notes,
            const char *none)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));
  guint n = MAX (notes->len, none != NULL ? 1 : 0);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = NULL;

      /* The notes change with the score, at every keystroke: each is a label measured only
       * for the width of the column (HlhWrapBin). */
      if (child == NULL)
        {
          child = hlh_wrap_bin_new ();
          gtk_label_set_selectable (hlh_wrap_bin_get_label (HLH_WRAP_BIN (child)), TRUE);
          gtk_box_append (box, child);
        }
      text = i < notes->len ? g_strdup_printf ("• %s", ((HlhNote *) notes->pdata[i])->text)
                            : g_strdup (none);
      hlh_label_set_text (hlh_wrap_bin_get_label (HLH_WRAP_BIN (child)), text);
      gtk_widget_set_visible (child, TRUE);
      child = gtk_widget_get_next_sibling (child);
    }
  for (; child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_visible (child, FALSE);
}

static void
update_notes (HlhResultsView      *self,
              const HlhAssessment *a,
              const HlhCase       *c)
{
  g_autoptr(GPtrArray) decisive = hlh_assessment_dup_decisive (a, c);
  g_autoptr(GPtrArray) warnings = hlh_assessment_dup_warnings (a, c);
  const char *none = _("No unknown finding could change these results.");

  show_notes (self->decisive_box, decisive, decisive->len == 0 ? none : NULL);
  show_notes (self->warnings_box, warnings, NULL);
  gtk_widget_set_visible (self->warnings_heading, warnings->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_box), warnings->len > 0);
}

static void
update_refusals (HlhResultsView *self)
{
  guint n = hlh_case_model_get_n_refused (self->model);
  g_autofree char *fields = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->refusal_banner, n > 0);
  if (n == 0)
    return;
  fields = hlh_case_model_dup_refused_names (self->model);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Refused input in %s: the results use the value it had "
                                       "before the refused edit.",
                                       "Refused input in %s: the results use the values they had "
                                       "before the refused edits.", n),
                          fields);
  hlh_label_set_text (self->refusal_label, text);
}

/* The notes ("What would decide it", "Please check") name the HScore, so most of them change
 * at every keystroke, and laying out their text again was most of the work of a keystroke's
 * frame. They lie more than a screenful down: while none of them is in view of the pane, they
 * are set just after the frame that shows the new scores, at an idle moment, once however
 * many keystrokes came in between. In view, they are set with everything else. */
static gboolean
notes_in_view (HlhResultsView *self)
{
  GtkWidget *boxes[] = { GTK_WIDGET (self->decisive_box), GTK_WIDGET (self->warnings_box) };
  GtkWidget *viewport;
  graphene_rect_t view;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;
  viewport = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_VIEWPORT);
  if (viewport == NULL)
    return TRUE;
  graphene_rect_init (&view, 0, 0, gtk_widget_get_width (viewport),
                      gtk_widget_get_height (viewport));
  for (guint i = 0; i < G_N_ELEMENTS (boxes); i++)
    {
      graphene_rect_t bounds;

      if (gtk_widget_get_mapped (boxes[i]) &&
          gtk_widget_compute_bounds (boxes[i], viewport, &bounds) &&
          graphene_rect_intersection (&view, &bounds, NULL))
        return TRUE;
    }
  return FALSE;
}

static void
set_notes (HlhResultsView *self)
{
  hlh_first_frame_cancel (&self->notes_wait);
  g_clear_handle_id (&self->notes_source, g_source_remove);
  update_notes (self, hlh_case_model_get_assessment (self->model),
                hlh_case_model_get_case (self->model));
}

static gboolean
notes_idle_cb (gpointer data)
{
  HlhResultsView *self = data;

  self->notes_source = 0;
  set_notes (self);
  return G_SOURCE_REMOVE;
}

static void
notes_after_frame (gpointer data)
{
  HlhResultsView *self = data;

  /* Before the next frame is drawn, and after what the frame clock has to do first. */
  self->notes_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, notes_idle_cb, self, NULL);
}

static gboolean
notes_pending (HlhResultsView *self)
{
  return hlh_first_frame_is_waiting (&self->notes_wait) || self->notes_source != 0;
}

static void
update (HlhResultsView *self)
{
  const HlhAssessment *a = hlh_case_model_get_assessment (self->model);
  const HlhCase *c = hlh_case_model_get_case (self->model);

  self->updating = TRUE;
  update_relevance (self, a);
  update_hscore (self, a, c);
  update_hlh2004 (self, a, c);
  update_mas (self, a, c);
  update_ohi (self, a, c);
  update_iec (self, a, c);
  if (notes_in_view (self))
    set_notes (self);
  else if (!notes_pending (self))
    hlh_first_frame_wait (&self->notes_wait, GTK_WIDGET (self), notes_after_frame, self);
  self->updating = FALSE;
}

/* The panels are flat toggles rather than GtkExpanders: in GTK 4.8 an expander measures a
 * wrapping title dozens of times per frame. They are filled when first opened: until a case
 * needs them they cost nothing. */
static void
panel_toggled_cb (GtkToggleButton *toggle,
                  HlhResultsView  *self)
{
  GtkToggleButton *toggles[HLH_N_PANELS] = { self->mas_toggle, self->ohi_toggle,
                                             self->iec_toggle };
  GtkImage *arrows[HLH_N_PANELS] = { self->mas_arrow, self->ohi_arrow, self->iec_arrow };
  GtkBox *boxes[HLH_N_PANELS] = { self->mas_box, self->ohi_box, self->iec_box };
  void (*build[HLH_N_PANELS]) (HlhResultsView *) = { build_mas, build_ohi, build_iec };
  gboolean open = gtk_toggle_button_get_active (toggle);

  for (guint p = 0; p < HLH_N_PANELS; p++)
    {
      if (toggles[p] != toggle)
        continue;
      gtk_image_set_from_icon_name (arrows[p], open ? "pan-down-symbolic" : "pan-end-symbolic");
      gtk_accessible_update_state (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_STATE_EXPANDED, open,
                                   -1);
      if (open && !self->built[p])
        {
          build[p] (self);
          self->built[p] = TRUE;
          if (self->model != NULL && !self->updating)
            update (self);
        }
      gtk_widget_set_visible (GTK_WIDGET (boxes[p]), open);
    }
}

/* What lies below the criteria (the panels, the notes, the disclaimer) is more than a
 * screenful down in a new window of any size up to full HD, and farther in a narrow one,
 * under the form. Held out of the first measuring and drawing of a window that is about to
 * be shown, it lets the window show sooner, and comes with the next frame; its labels are
 * kept up to date all the while. */
static void
release_below (gpointer data)
{
  HlhResultsView *self = data;

  gtk_widget_set_visible (self->below, TRUE);
}

static void
hlh_results_view_root (GtkWidget *widget)
{
  HlhResultsView *self = HLH_RESULTS_VIEW (widget);
  GtkWidget *window;

  GTK_WIDGET_CLASS (hlh_results_view_parent_class)->root (widget);
  window = GTK_WIDGET (gtk_widget_get_root (widget));
  if (!GTK_IS_WINDOW (window) || gtk_widget_get_mapped (window))
    return;
  gtk_widget_set_visible (self->below, FALSE);
  hlh_first_frame_wait (&self->hold, window, release_below, self);
}

static void
hlh_results_view_unroot (GtkWidget *widget)
{
  hlh_first_frame_finish (&HLH_RESULTS_VIEW (widget)->hold);
  GTK_WIDGET_CLASS (hlh_results_view_parent_class)->unroot (widget);
}

/* Out of sight, no frame may come: the notes are set at the next idle moment. */
static void
hlh_results_view_unmap (GtkWidget *widget)
{
  hlh_first_frame_finish (&HLH_RESULTS_VIEW (widget)->notes_wait);
  GTK_WIDGET_CLASS (hlh_results_view_parent_class)->unmap (widget);
}

static void
hlh_results_view_dispose (GObject *object)
{
  HlhResultsView *self = HLH_RESULTS_VIEW (object);

  hlh_first_frame_cancel (&self->hold);
  hlh_first_frame_cancel (&self->notes_wait);
  g_clear_handle_id (&self->notes_source, g_source_remove);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HLH_TYPE_RESULTS_VIEW);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (hlh_results_view_parent_class)->dispose (object);
}

static void
hlh_results_view_class_init (HlhResultsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hlh_results_view_dispose;
  widget_class->root = hlh_results_view_root;
  widget_class->unroot = hlh_results_view_unroot;
  widget_class->unmap = hlh_results_view_unmap;

  g_type_ensure (HLH_TYPE_COLUMN);
  g_type_ensure (HLH_TYPE_GAUGE);
  g_type_ensure (HLH_TYPE_REFLOW_BOX);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hlhcalc/HLHCalculator/ui/"
                                               "hlh-results-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HlhResultsView, root);
  gtk_widget_class_bind_template_child (widget_class, HlhResultsView, refusal_banner);
  gtk_widget_class_bind_template_child (widget_class, HlhResultsView, refusal_label);
  gtk_widget_class_bind_template_child (widget_class, HlhResultsView, gauge);
  gtk_widget_class_bind_template_child (widget_class, HlhResultsView, score_label);
  gtk_widget_class_bind_template_child (widget_class, HlhResultsView, probability_label);
  gtk_widget_class_bind_template_child (widget_class, HlhResultsView, cutoff_label);
  gtk_widget_class_bind_template_child (widget_class, HlhResultsView, hscore_box);
  gtk_widget_class_bind_template_child (widget_class, HlhResultsView, hlh2004_status);
  gtk_widget_class_bind_template_child (widget_class, HlhResultsView, hlh2004_box);
  gtk_widget_class_bind_template_child (widget_class, HlhResultsView, mas_toggle);
  gtk_widget_class_bind_template_child (widget_class, HlhResultsView, mas_arrow);
  gtk_widget_class_bind_template_child (widget_class, HlhResultsView, mas_title);
  gtk_widget_class_bind_template_child (widget_class, HlhResultsView, mas_box);
  gtk_widget_class_bind_template_child (widget_class, HlhResultsView, ohi_toggle);
  gtk_widget_class_bind_template_child (widget_class, HlhResultsView, ohi_arrow);
  gtk_widget_class_bind_template_child (widget_class, HlhResultsView, ohi_title);
  gtk_widget_class_bind_template_child (widget_class, HlhResultsView, ohi_box);
  gtk_widget_class_bind_template_child (widget_class, HlhResultsView, iec_toggle);
  gtk_widget_class_bind_template_child (widget_class, HlhResultsView, iec_arrow);
  gtk_widget_class_bind_template_child (widget_class, HlhResultsView, iec_title);
  gtk_widget_class_bind_template_child (widget_class, HlhResultsView, iec_box);
  gtk_widget_class_bind_template_child (widget_class, HlhResultsView, decisive_box);
  gtk_widget_class_bind_template_child (widget_class, HlhResultsView, warnings_heading);
  gtk_widget_class_bind_template_child (widget_class, HlhResultsView, warnings_box);
  gtk_widget_class_bind_template_child (widget_class, HlhResultsView, disclaimer);
  gtk_widget_class_bind_template_child (widget_class, HlhResultsView, below);

  gtk_widget_class_set_layout_manager_type (widget_class, HLH_TYPE_PANE_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "hlhresultsview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hlh_results_view_init (HlhResultsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Translators: the results' name for screen readers, said as the keyboard enters them */
  hlh_accessible_set_label (GTK_WIDGET (self), _("Scores and criteria"));
  hlh_label_set_text (self->disclaimer, _(hlh_disclaimer));
  build_hscore (self);
  build_hlh2004 (self);
  g_signal_connect (self->mas_toggle, "toggled", G_CALLBACK (panel_toggled_cb), self);
  g_signal_connect (self->ohi_toggle, "toggled", G_CALLBACK (panel_toggled_cb), self);
  g_signal_connect (self->iec_toggle, "toggled", G_CALLBACK (panel_toggled_cb), self);
}

GtkWidget *
hlh_results_view_new (HlhCaseModel *model)
{
  HlhResultsView *self;

  g_return_val_if_fail (HLH_IS_CASE_MODEL (model), NULL);

  self = g_object_new (HLH_TYPE_RESULTS_VIEW, NULL);
  self->model = g_object_ref (model);
  g_signal_connect_swapped (model, "notify::revision", G_CALLBACK (update), self);
  g_signal_connect_swapped (model, "notify::n-refused", G_CALLBACK (update_refusals), self);
  update (self);
  update_refusals (self);
  return GTK_WIDGET (self);
}

HlhGauge *
hlh_results_view_get_gauge (HlhResultsView *self)
{
  g_return_val_if_fail (HLH_IS_RESULTS_VIEW (self), NULL);
  return self->gauge;
}

const char *
hlh_results_view_get_score_text (HlhResultsView *self)
{
  g_return_val_if_fail (HLH_IS_RESULTS_VIEW (self), NULL);
  return gtk_label_get_text (self->score_label);
}

const char *
hlh_results_view_get_probability_text (HlhResultsView *self)
{
  g_return_val_if_fail (HLH_IS_RESULTS_VIEW (self), NULL);
  return gtk_label_get_text (self->probability_label);
}

const char *
hlh_results_view_get_cutoff_text (HlhResultsView *self)
{
  g_return_val_if_fail (HLH_IS_RESULTS_VIEW (self), NULL);
  return gtk_label_get_text (self->cutoff_label);
}

const char *
hlh_results_view_get_hlh2004_text (HlhResultsView *self)
{
  g_return_val_if_fail (HLH_IS_RESULTS_VIEW (self), NULL);
  return gtk_label_get_text (self->hlh2004_status);
}

/**
 * hlh_results_view_dup_decisive_text:
 *
 * Returns: (transfer full): the notes shown under "What would decide it", one per line, for
 *   the case as it is now (notes waiting to be set are set first)
 */
char *
hlh_results_view_dup_decisive_text (HlhResultsView *self)
{
  GString *s;

  g_return_val_if_fail (HLH_IS_RESULTS_VIEW (self), NULL);

  if (notes_pending (self))
    set_notes (self);

  s = g_string_new (NULL);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->decisive_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      g_string_append_printf (s, "%s%s", s->len > 0 ? "\n" : "",
                              gtk_label_get_text (hlh_wrap_bin_get_label (HLH_WRAP_BIN (child))));
  return g_string_free (s, FALSE);
}

/**
 * hlh_results_view_get_refusal_text:
 *
 * Returns: (nullable): the banner shown while some input is refused, or %NULL
 */
const char *
hlh_results_view_get_refusal_text (HlhResultsView *self)
{
  g_return_val_if_fail (HLH_IS_RESULTS_VIEW (self), NULL);
  if (!gtk_widget_get_visible (self->refusal_banner))
    return NULL;
  return gtk_label_get_text (self->refusal_label);
}

HlhCriterionRow *
hlh_results_view_get_hscore_row (HlhResultsView  *self,
                                 HlhHScoreItemId  item)
{
  g_return_val_if_fail (HLH_IS_RESULTS_VIEW (self), NULL);
  g_return_val_if_fail (item < HLH_HSCORE_N_ITEMS, NULL);
  return self->hscore_rows[item];
}

HlhCriterionRow *
hlh_results_view_get_hlh2004_row (HlhResultsView *self,
                                  guint           criterion)
{
  g_return_val_if_fail (HLH_IS_RESULTS_VIEW (self), NULL);
  g_return_val_if_fail (criterion < HLH_HLH2004_N_CRITERIA, NULL);
  return self->hlh2004_rows[criterion];
}

const char *
hlh_results_view_get_panel_title (HlhResultsView *self,
                                  HlhPanel        panel)
{
  GtkLabel *titles[HLH_N_PANELS] = { self->mas_title, self->ohi_title, self->iec_title };

  g_return_val_if_fail (HLH_IS_RESULTS_VIEW (self), NULL);
  g_return_val_if_fail (panel < HLH_N_PANELS, NULL);
  return gtk_label_get_text (titles[panel]);
}

gboolean
hlh_results_view_get_panel_expanded (HlhResultsView *self,
                                     HlhPanel        panel)
{
  GtkToggleButton *toggles[HLH_N_PANELS] = { self->mas_toggle, self->ohi_toggle,
                                             self->iec_toggle };

  g_return_val_if_fail (HLH_IS_RESULTS_VIEW (self), FALSE);
  g_return_val_if_fail (panel < HLH_N_PANELS, FALSE);
  return gtk_toggle_button_get_active (toggles[panel]);
}
