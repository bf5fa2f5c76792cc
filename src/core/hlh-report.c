/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hlh-report.h"

/* The plain-text summary a physician pastes into the medical record. */

/* One line of the report: @indent, then "label: value" in the reader's language (French
 * puts a space before the colon). */
static void
append_pair (GString    *s,
             const char *indent,
             const char *label,
             const char *value)
{
  g_string_append (s, indent);
  /* Translators: a label and its value in the report, as in "Age: 35 years" */
  g_string_append_printf (s, _("%s: %s"), label, value);
  g_string_append_c (s, '\n');
}

static const char *
state_text (HlhState state)
{
  switch (state)
    {
    case HLH_STATE_MET:
      return _("met");
    case HLH_STATE_NOT_MET:
      return _("not met");
    case HLH_STATE_UNKNOWN:
    default:
      return _("unknown");
    }
}

static void
heading (GString    *s,
         const char *title)
{
  g_string_append_printf (s, "\n%s\n", title);
}

/* The findings every patient's scores use. Inputs of the checklists (laboratory references,
 * IEC-HS and CARTOX items) and the other findings of clinical-spec section 8 are reported when
 * entered, but their absence is not listed: the panels that use them show it. */
static gboolean
is_general_finding (HlhField field)
{
  return field < HLH_FIELD_FERRITIN_ULN ||
         (field >= HLH_FIELD_SJIA && field <= HLH_FIELD_MOLECULAR_DIAGNOSIS) ||
         field == HLH_FIELD_NK_ACTIVITY;
}

static void
append_findings (GString       *s,
                 const HlhCase *c)
{
  g_autoptr(GString) unknown = g_string_new (NULL);

  heading (s, _("FINDINGS (as entered; unknown means not done, pending or not recorded)"));
  for (guint i = 0; i < HLH_N_FIELDS; i++)
    {
      const HlhFieldInfo *info = hlh_field_get_info (i);
      g_autofree char *value = hlh_case_dup_value_display (c, i);

      if (value != NULL)
        {
          if (info->kind == HLH_FIELD_KIND_YES_NO)
            append_pair (s, "  ", _(info->label),
                         c->values[i].choice == HLH_ANSWER_YES ? _("yes") : _("no"));
          else if (info->kind == HLH_FIELD_KIND_NK)
            append_pair (s, "  ", _(info->label),
                         c->values[i].choice == HLH_NK_LOW ? _("low") : _("normal"));
          else if (info->kind == HLH_FIELD_KIND_GRADE)
            append_pair (s, "  ", _(info->label), hlh_iechs_grade_text (c->values[i].choice));
          else
            append_pair (s, "  ", _(info->label), value);
        }
      else if (is_general_finding (i))
        {
          if (unknown->len > 0)
            g_string_append (unknown, ", ");
          g_string_append (unknown, _(info->label));
        }
    }
  if (unknown->len > 0)
    g_string_append_printf (s, _("  Unknown: %s\n"), unknown->str);

  g_string_append (s, _("  Trigger history: "));
  if (c->triggers == 0)
    g_string_append (s, _("none recorded"));
  for (guint t = 0, n = 0; t < HLH_N_TRIGGERS; t++)
    {
      const HlhTriggerInfo *info = hlh_trigger_get_info (t);
      if (!hlh_case_has_trigger (c, t))
        continue;
      g_string_append_printf (s, "%s%s (%s)", n++ > 0 ? _("; ") : "", _(info->label),
                              _(hlh_trigger_group_get_info (info->group)->label));
    }
  g_string_append_c (s, '\n');
}

static void
append_range (GString *s,
              int      min,
              int      max)
{
  if (min == max)
    g_string_append_printf (s, "%d", min);
  else
    g_string_append_printf (s, "%d–%d", min, max);
}

static void
append_hscore (GString             *s,
               const HlhAssessment *a,
               const HlhCase       *c)
{
  const HlhHScore *h = &a->hscore;
  g_autofree char *probability = hlh_hscore_probability_text (h->min, h->max);

  heading (s, _("HSCORE (Fardet 2014)"));
  g_string_append (s, _("  Score: "));
  append_range (s, h->min, h->max);
  g_string_append_printf (s, _(" of %d"), HLH_HSCORE_MAX);
  if (!h->complete)
    g_string_append (s, _(" (a range: some findings are unknown)"));
  g_string_append_printf (s, _("\n  Probability of reactive HLH: %s (interpolated from the "
                               "paper's table)\n"), probability);
  g_string_append_printf (s, _("  Cut-off ≥ %d: %s\n"), HLH_HSCORE_CUTOFF,
                          h->reaches_cutoff == HLH_VERDICT_YES ? _("reached")
                          : h->reaches_cutoff == HLH_VERDICT_NO ? _("not reached")
                          : _("undetermined"));
  for (guint i = 0; i < HLH_HSCORE_N_ITEMS; i++)
    {
      const HlhHScoreItem *item = hlh_hscore_get_item (i);
      g_autofree char *basis = hlh_hscore_dup_item_basis (i, c);

      g_autoptr(GString) points = g_string_new (NULL);

      append_range (points, h->items[i].min, h->items[i].max);
      /* Translators: after a number of points or a range of them ("0–18"), then what
       * decided them; the number is the highest of the range */
      g_string_append_printf (points, g_dngettext (GETTEXT_PACKAGE, " point (%s)",
                                                   " points (%s)", h->items[i].max),
                              basis);
      append_pair (s, "    ", _(item->criterion.label), points->str);
    }
  g_string_append_printf (s, _("  Context: a cut-off of %d was reported for adult ICU patients "
                               "(Knaak 2020); %d remains the cut-off used here.\n"),
                          HLH_HSCORE_ICU_CUTOFF, HLH_HSCORE_CUTOFF);
}

static void
append_criteria (GString            *s,
                 const HlhCriterion *(*get) (guint),
                 const HlhState     *states,
                 guint               n,
                 const HlhCase      *c)
{
  for (guint i = 0; i < n; i++)
    {
      const HlhCriterion *criterion = get (i);
      g_autofree char *rule = hlh_criterion_describe (criterion);
      g_autofree char *basis = hlh_criterion_dup_basis (criterion, c);

      if (states[i] == HLH_STATE_UNKNOWN && !hlh_criterion_has_threshold (criterion))
        append_pair (s, "    ", _(criterion->label), state_text (states[i]));
      else if (states[i] == HLH_STATE_UNKNOWN)
        g_string_append_printf (s, _("    %s: unknown (%s; rule: %s)\n"), _(criterion->label),
                                basis, rule);
      else
        {
          g_autofree char *value = g_strdup_printf ("%s (%s)", state_text (states[i]), basis);
          append_pair (s, "    ", _(criterion->label), value);
        }
    }
}

static void
append_hlh2004 (GString             *s,
                const HlhAssessment *a,
                const HlhCase       *c)
{
  g_autofree char *status = hlh_hlh2004_dup_status_text (&a->hlh2004);
  g_autofree char *molecular = hlh_criterion_dup_basis (hlh_hlh2004_get_molecular (), c);

  heading (s, _("HLH-2004 (Henter 2007)"));
  g_string_append_printf (s, "  %s\n", status);
  g_string_append_printf (s, _("    Molecular diagnosis consistent with HLH: %s\n"),
                          hlh_case_is_known (c, HLH_FIELD_MOLECULAR_DIAGNOSIS)
                            ? molecular : _("not recorded (counts as not established)"));
  append_criteria (s, hlh_hlh2004_get_criterion, a->hlh2004.criteria, HLH_HLH2004_N_CRITERIA, c);
  for (guint i = 0; i < HLH_HLH2004_N_CRITERIA; i++)
    {
      const HlhCriterion *criterion = hlh_hlh2004_get_criterion (i);
      if (i == HLH_HLH2004_FEVER || i == HLH_HLH2004_NK_ACTIVITY)
        append_pair (s, "  ", _(criterion->label), _(criterion->note));
    }
  g_string_append (s, _("  Context: ≥ 4 of 8 criteria performed best in adult ICU patients "
                        "(Knaak 2020).\n"));
}

/* The MAS section: for known or suspected sJIA. The MS score is shown while sJIA is unknown,
 * with that said, but not for a patient recorded as not having it (clinical-spec 4). */
static gboolean
shows_mas (const HlhAssessment *a,
           const HlhCase       *c)
{
  return a->mas2016.applicability != HLH_MAS2016_NO_SJIA ||
         (a->ms_score.computed && !hlh_mas2016_sjia_denied (c));
}

static void
append_mas (GString             *s,
            const HlhAssessment *a,
            const HlhCase       *c)
{
  const HlhMsScore *ms = &a->ms_score;

  heading (s, _("MAS IN SYSTEMIC JIA"));
  switch (a->mas2016.applicability)
    {
    case HLH_MAS2016_NO_SJIA:
      g_string_append (s, _("  2016 classification criteria (Ravelli 2016): not applicable, "
                            "sJIA not recorded\n"));
      break;
    case HLH_MAS2016_AFEBRILE:
      g_string_append (s, _("  2016 classification criteria (Ravelli 2016): not applicable, "
                            "the patient is afebrile\n"));
      break;
    case HLH_MAS2016_APPLICABLE:
    default:
      {
        g_autofree char *rule = hlh_criteria_describe (hlh_mas2016_get_criterion, 1,
                                                       HLH_MAS2016_N_CRITERIA, HLH_MAS2016_NEEDED);
        g_string_append_printf (s, _("  2016 classification criteria (Ravelli 2016): %s (%s; "
                                     "classification, not diagnostic, criteria)\n"),
                                hlh_status_describe (a->mas2016.status), rule);
      }
      append_criteria (s, hlh_mas2016_get_criterion, a->mas2016.criteria,
                       HLH_MAS2016_N_CRITERIA, c);
      break;
    }
  if (ms->computed)
    {
      g_autofree char *value = hlh_format_fixed (ms->value, 2);
      g_autofree char *cutoff = hlh_format_number (HLH_MSSCORE_CUTOFF);
      g_string_append_printf (s, _("  MS score (Minoia 2019): %s; %s (MAS suggested at ≥ %s)%s\n"),
                              value,
                              ms->suggests_mas == HLH_VERDICT_YES ? _("suggests MAS")
                                                                  : _("does not suggest MAS"),
                              cutoff,
                              ms->applicable ? "" : _(", shown although sJIA is not recorded"));
    }
  else if (ms->applicable)
    g_string_append_printf (s, _("  MS score (Minoia 2019): not computed, %u inputs unknown\n"),
                            ms->n_missing);
}

static void
append_ohi (GString             *s,
            const HlhAssessment *a,
            const HlhCase       *c)
{
  g_autofree char *rule = hlh_criteria_describe (hlh_ohi_get_criterion, HLH_OHI_N_CRITERIA,
                                                 HLH_OHI_N_CRITERIA, 0);
  const char *word = a->ohi.status == HLH_STATUS_FULFILLED ? _("Positive")
                     : a->ohi.status == HLH_STATUS_NOT_FULFILLED ? _("Negative")
                     : _("Undetermined");

  heading (s, _("OPTIMIZED HLH INFLAMMATORY (OHI) INDEX (Zoref-Lorenz 2022)"));
  g_string_append_printf (s, "  %s (%s)\n", word, rule);
  g_string_append (s, _("  Derived in adults with haematological malignancy: a positive index "
                        "marked HLH-defining features (sensitivity 84 %, specificity 81 %) and a "
                        "higher risk of death (hazard ratio 4.3).\n"));
  g_string_append_printf (s, "  %s\n", _(hlh_ohi_get_criterion (0)->note));
  append_criteria (s, hlh_ohi_get_criterion, a->ohi.criteria, HLH_OHI_N_CRITERIA, c);
}

static void
append_iec (GString             *s,
            const HlhAssessment *a,
            const HlhCase       *c)
{
  const HlhIechs *iechs = &a->iechs;
  g_autofree char *rule = hlh_criteria_describe (hlh_cartox_get_criterion, 1,
                                                 HLH_CARTOX_N_CRITERIA, HLH_CARTOX_NEEDED);
  const char *cartox = a->cartox.status == HLH_STATUS_FULFILLED ? _("possible")
                       : a->cartox.status == HLH_STATUS_NOT_FULFILLED ? _("criteria not met")
                       : _("undetermined");

  heading (s, _("AFTER IMMUNE-EFFECTOR-CELL THERAPY"));
  g_string_append_printf (s, _("  IEC-HS checklist (Hines 2023): %u of %d most common "
                               "manifestations present, %u unknown; %u other manifestations "
                               "present\n"),
                          iechs->common.met, HLH_IECHS_N_COMMON, iechs->common.unknown,
                          iechs->other.met);
  for (guint i = 0; i < HLH_IECHS_N_ITEMS; i++)
    {
      g_autofree char *basis = hlh_iechs_dup_basis (i, c);
      g_autofree char *value = g_strdup_printf ("%s (%s)", state_text (iechs->items[i]), basis);
      append_pair (s, "    ", _(hlh_iechs_get_item (i)->label), value);
    }
  g_string_append_printf (s, _("  Grade (clinician's choice): %s\n"),
                          iechs->grade > 0 ? hlh_iechs_grade_text (iechs->grade)
                                           : _("not graded"));
  g_string_append_printf (s, _("  CAR-T related HLH/MAS (Neelapu 2018): %s (%s)\n"), cartox,
                          rule);
  append_criteria (s, hlh_cartox_get_criterion, a->cartox.criteria, HLH_CARTOX_N_CRITERIA, c);
}

static void
append_notes (GString    *s,
              const char *title,
              GPtrArray  *notes)
{
  if (notes->len == 0)
    return;
  heading (s, title);
  for (guint i = 0; i < notes->len; i++)
    g_string_append_printf (s, "  - %s\n", ((HlhNote *) notes->pdata[i])->text);
}

static void
append_reference (GString            *s,
                  const HlhReference *r)
{
  g_string_append_printf (s, "  %s doi:%s\n", r->citation, r->doi);
}

static gboolean
has_trigger_in (const HlhCase   *c,
                HlhTriggerGroup  group)
{
  for (guint t = 0; t < HLH_N_TRIGGERS; t++)
    if (hlh_trigger_get_info (t)->group == group && hlh_case_has_trigger (c, t))
      return TRUE;
  return FALSE;
}

static void
append_references (GString             *s,
                   const HlhAssessment *a,
                   const HlhCase       *c)
{
  heading (s, _("REFERENCES"));
  append_reference (s, hlh_hscore_get_reference ());
  append_reference (s, hlh_hlh2004_get_reference ());
  if (shows_mas (a, c))
    {
      append_reference (s, hlh_mas2016_get_reference ());
      append_reference (s, hlh_msscore_get_reference ());
    }
  if (a->ohi.relevant)
    append_reference (s, hlh_ohi_get_reference ());
  if (a->iechs.applicable)
    {
      append_reference (s, hlh_iechs_get_reference ());
      append_reference (s, hlh_cartox_get_reference ());
    }
  g_string_append (s, "  Knaak C et al. Crit Care 2020;24:244. doi:10.1186/s13054-020-02941-3\n");
  for (guint g = 0; g < HLH_N_TRIGGER_GROUPS; g++)
    {
      const HlhTriggerGroupInfo *group = hlh_trigger_group_get_info (g);
      if (group->reference != NULL && has_trigger_in (c, g))
        g_string_append_printf (s, "  %s\n", group->reference);
    }
}

/**
 * hlh_report_text:
 * @when: the date and time to print
 *
 * @label: (nullable): free text the user chose to identify the printout (initials, bed); never
 *   required, cleaned with hlh_report_clean_label()
 * @teaching: (nullable): the case is a teaching case: the report says so first
 *
 * Returns: (transfer full): the report: findings with units as entered, each item's points or
 *   state and what decided it, totals, ranges, probability, statuses, what would decide the
 *   open results, references, the app version, date and time, and the disclaimer
 */
char *
hlh_report_text (const HlhCase       *c,
                 const HlhAssessment *a,
                 GDateTime           *when,
                 const char          *label,
                 const HlhTeaching   *teaching)
{
  g_autofree char *clean_label = hlh_report_clean_label (label);
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *date = g_date_time_format (when, "%Y-%m-%d %H:%M");
  g_autoptr(GPtrArray) decisive = hlh_assessment_dup_decisive (a, c);
  g_autoptr(GPtrArray) warnings = hlh_assessment_dup_warnings (a, c);

  g_string_append_printf (s, _("HLH assessment, %s, HLH Calculator %s\n"), date,
                          PACKAGE_VERSION);
  if (clean_label != NULL)
    g_string_append_printf (s, _("Label: %s\n"), clean_label);
  if (teaching != NULL)
    {
      g_autofree char *title = hlh_report_clean_label (teaching->title);
      g_autofree char *narrative = g_strdelimit (g_strdup (teaching->narrative), "\r\n\t", ' ');
      g_autofree char *point = g_strdelimit (g_strdup (teaching->learning_point), "\r\n\t", ' ');

      g_string_append_printf (s, _("TEACHING CASE, NOT A PATIENT: %s\n"), title);
      g_string_append_printf (s, "  %s\n", narrative);
      g_string_append_printf (s, _("  Learning point: %s\n"), point);
    }
  g_string_append_printf (s, "%s\n", _(hlh_disclaimer));
  append_findings (s, c);
  append_hscore (s, a, c);
  append_hlh2004 (s, a, c);
  if (shows_mas (a, c))
    append_mas (s, a, c);
  if (a->ohi.relevant)
    append_ohi (s, a, c);
  if (a->iechs.applicable)
    append_iec (s, a, c);
  append_notes (s, _("WHAT WOULD DECIDE IT"), decisive);
  append_notes (s, _("PLEASE CHECK"), warnings);
  append_references (s, a, c);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/**
 * hlh_report_clean_label:
 *
 * Returns: (transfer full) (nullable): @label on one line, control characters made spaces,
 *   trimmed, cut at %HLH_REPORT_LABEL_MAX characters; %NULL when nothing is left or @label is
 *   not UTF-8
 */
char *
hlh_report_clean_label (const char *label)
{
  g_autoptr(GString) s = NULL;
  guint n = 0;

  if (label == NULL || !g_utf8_validate (label, -1, NULL))
    return NULL;
  s = g_string_new (NULL);
  for (const char *p = label; *p != '\0' && n < HLH_REPORT_LABEL_MAX; p = g_utf8_next_char (p), n++)
    {
      gunichar ch = g_utf8_get_char (p);
      if (g_unichar_iscntrl (ch) || g_unichar_type (ch) == G_UNICODE_LINE_SEPARATOR ||
          g_unichar_type (ch) == G_UNICODE_PARAGRAPH_SEPARATOR)
        ch = ' ';
      g_string_append_unichar (s, ch);
    }
  g_strstrip (s->str);
  if (s->str[0] == '\0')
    return NULL;
  return g_strdup (s->str);
}

static void
report_line_free (gpointer data)
{
  HlhReportLine *line = data;

  g_free (line->text);
  g_free (line);
}

/**
 * hlh_report_split:
 * @text: a report from hlh_report_text()
 *
 * Returns: (transfer full) (element-type HlhReportLine): the report's lines, each with its
 *   style and without its indentation; blank lines are dropped
 */
GPtrArray *
hlh_report_split (const char *text)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (report_line_free);
  g_auto(GStrv) raw = NULL;
  gboolean after_blank = FALSE, in_heading_block = TRUE;

  g_return_val_if_fail (text != NULL, lines);

  raw = g_strsplit (text, "\n", -1);
  for (guint i = 0; raw[i] != NULL; i++)
    {
      const char *l = raw[i];
      HlhReportLine *line;

      if (*l == '\0')
        {
          after_blank = TRUE;
          continue;
        }
      line = g_new0 (HlhReportLine, 1);
      if (i == 0)
        line->style = HLH_REPORT_TITLE;
      else if (g_str_has_prefix (l, "  - "))
        line->style = HLH_REPORT_BULLET, l += 4;
      else if (g_str_has_prefix (l, "    "))
        line->style = HLH_REPORT_ITEM, l += 4;
      else if (g_str_has_prefix (l, "  "))
        line->style = in_heading_block ? HLH_REPORT_TEXT_LINE : HLH_REPORT_LINE, l += 2;
      else if (after_blank)
        line->style = HLH_REPORT_HEADING, in_heading_block = FALSE;
      else
        line->style = HLH_REPORT_PARAGRAPH;
      line->text = g_strdup (l);
      g_ptr_array_add (lines, line);
      after_blank = FALSE;
    }
  return lines;
}
