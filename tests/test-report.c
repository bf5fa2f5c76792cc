/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "hlh-report.h"
#include "hlh-text-attrs.h"
#include "test-locale.h"

/* What would decide it, warnings, the probability text and the plain-text report. */

static void
make_case (HlhCase    *c,
           const char *findings)
{
  g_auto(GStrv) parts = g_strsplit (findings, " ", -1);

  hlh_case_init (c);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      if (!hlh_case_parse_finding (c, parts[i], &error))
        g_error ("%s: %s", parts[i], error->message);
    }
}

static const HlhNote *
find_note (GPtrArray  *notes,
           const char *set,
           const char *id)
{
  for (guint i = 0; i < notes->len; i++)
    {
      const HlhNote *note = notes->pdata[i];
      if (strcmp (note->set, set) == 0 && strcmp (note->id, id) == 0)
        return note;
    }
  return NULL;
}

/* Probability: clinical-spec section 1, the paper's table and its worked values. */
static void
test_probability (void)
{
  static const struct { int score; double percent; } table[] = {
    { 90, 1 }, { 100, 1 }, { 110, 3 }, { 120, 5 }, { 130, 9 }, { 140, 16 }, { 150, 25 },
    { 160, 40 }, { 170, 54 }, { 180, 70 }, { 190, 80 }, { 200, 88 }, { 210, 93 }, { 220, 96 },
    { 230, 98 }, { 240, 99 }, { 250, 99 },
    /* worked values */
    { 165, 47.0 }, { 169, 52.6 }, { 186, 76.0 }, { 216, 94.8 }, { 221, 96.2 }, { 95, 1.0 },
    { 245, 99.0 },
    /* ends */
    { 0, 1 }, { 337, 99 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    g_assert_cmpfloat_with_epsilon (hlh_hscore_probability (table[i].score), table[i].percent,
                                    1e-9);
}

static void
test_probability_text (void)
{
  static const struct { int min, max; const char *text; } cases[] = {
    { 169, 169, "52.6 %" },
    { 90, 90, "<1 %" },
    { 0, 0, "<1 %" },
    { 91, 91, "1.0 %" },
    { 100, 100, "1.0 %" },
    { 240, 240, "99.0 %" },
    { 249, 249, "99.0 %" },
    { 250, 250, ">99 %" },
    { 264, 317, ">99 %" },
    { 165, 186, "47.0 % – 76.0 %" },
    { 80, 260, "<1 % – >99 %" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hlh_hscore_probability_text (cases[i].min, cases[i].max);
      g_autofree char *expected = test_local_number (cases[i].text);
      g_assert_cmpstr (text, ==, expected);
    }
}

/* Where text is laid out in lines (the results, the printed report), no line break may fall
 * between a value and its unit or between a comparison and its value; everything else may
 * break as before. The stretches kept together, in order, written out by hand. */
static void
test_keep_together (void)
{
  static const struct { const char *text; const char *kept[4]; } cases[] = {
    { "Ferritin ≥ 500 µg/L", { "≥ 500", "500 µg/L" } },
    { "probability <1 % – >99 %", { "<1 %", ">99 %" } },
    { "47.0 % – 76.0 %", { "47.0 %", "76.0 %" } },
    { "Temperature: 39.8 °C > 39.4 °C", { "39.8 °C", "> 39.4", "39.4 °C" } },
    { "Haemoglobin < 90 g/L (< 100 g/L under 4 weeks of age)",
      { "< 90", "90 g/L", "(< 100", "100 g/L" } },
    { "Platelets < 100 ×10⁹/L", { "< 100", "100 ×10⁹/L" } },
    { "Ferritin: 35 points (4200 ng/mL)", { "(4200 ng/mL)" } },
    { "Triglycerides (fasting) ≥ 3.0 mmol/L or Fibrinogen ≤ 1.5 g/L",
      { "≥ 3.0", "3.0 mmol/L", "≤ 1.5", "1.5 g/L" } },
    /* A number that ends the text stays with the word before it; one inside may break. */
    { "Undetermined: unknown findings could put it on either side of the cut-off of 169",
      { "of 169" } },
    { "up to +35; on its own it could bring the HScore to 114", { "to 114" } },
    { "HScore 0–337", { "HScore 0–337" } },
    { "Ferritin ≥ 500", { "≥ 500" } },
    /* Not units: nothing is kept together. */
    { "up to +35; on its own it could bring the HScore to 195, at or above the 169 cut-off",
      { NULL } },
    { "4 of 8 met, 2 unknown: 1 more needed", { NULL } },
    { "Hypertriglyceridaemia and/or hypofibrinogenaemia", { NULL } },
    { "", { NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *text = cases[i].text;
      g_autoptr(PangoAttrList) attrs = hlh_text_keep_together (text);
      g_autoptr(GString) found = g_string_new (NULL);
      g_autoptr(GString) expected = g_string_new (NULL);
      GSList *list = attrs != NULL ? pango_attr_list_get_attributes (attrs) : NULL;

      for (GSList *l = list; l != NULL; l = l->next)
        {
          PangoAttribute *attr = l->data;

          g_assert_cmpint (attr->klass->type, ==, PANGO_ATTR_ALLOW_BREAKS);
          g_assert_false (((PangoAttrInt *) attr)->value);
          g_string_append_printf (found, "[%.*s]", (int) (attr->end_index - attr->start_index),
                                  text + attr->start_index);
        }
      g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
      for (guint k = 0; k < G_N_ELEMENTS (cases[i].kept) && cases[i].kept[k] != NULL; k++)
        g_string_append_printf (expected, "[%s]", cases[i].kept[k]);
      g_assert_cmpstr (found->str, ==, expected->str);
    }
}

/* Issue 2's example: "bone-marrow aspirate: up to +35, the HScore could reach 186, above the
 * 169 cut-off". 49 + 38 + 34 + 30 = 151 known, every other item known and 0. */
static void
test_decisive_hscore (void)
{
  g_autoptr(GPtrArray) notes = NULL;
  const HlhNote *note;
  HlhAssessment a;
  HlhCase c;

  make_case (&c, "immunosuppression=no temperature=40 hepatomegaly=yes splenomegaly=yes "
                 "hemoglobin=9 leukocytes=4 platelets=100 ferritin=1000 triglycerides=1 "
                 "fibrinogen=2 ast=20");
  hlh_assess (&c, &a);
  g_assert_cmpint (a.hscore.min, ==, 151);
  g_assert_cmpint (a.hscore.max, ==, 186);
  notes = hlh_assessment_dup_decisive (&a, &c);
  note = find_note (notes, "hscore", "hemophagocytosis_marrow");
  g_assert_nonnull (note);
  g_test_message ("%s", note->text);
  g_assert_nonnull (strstr (note->text, "+35"));
  g_assert_nonnull (strstr (note->text, "186"));
  g_assert_nonnull (strstr (note->text, "above"));
}

/* Several unknowns: the largest potential first; one that cannot reach the cut-off on its
 * own says so. */
static void
test_decisive_hscore_order (void)
{
  g_autoptr(GPtrArray) notes = NULL;
  const HlhNote *first, *ast;
  HlhAssessment a;
  HlhCase c;

  /* Known: 33 + 38 + 34 + 30 = 135; unknown: marrow (+35) and AST (+19). */
  make_case (&c, "immunosuppression=no temperature=39 hepatomegaly=yes splenomegaly=yes "
                 "hemoglobin=9 leukocytes=4 platelets=100 ferritin=1000 triglycerides=1 "
                 "fibrinogen=2");
  hlh_assess (&c, &a);
  g_assert_cmpint (a.hscore.min, ==, 135);
  g_assert_cmpint (a.hscore.max, ==, 189);
  notes = hlh_assessment_dup_decisive (&a, &c);
  first = notes->pdata[0];
  g_assert_cmpstr (first->id, ==, "hemophagocytosis_marrow");
  ast = find_note (notes, "hscore", "ast");
  g_assert_nonnull (ast);
  g_assert_nonnull (strstr (ast->text, "154"));   /* 135 + 19 */
  g_assert_nonnull (strstr (ast->text, "below"));
}

/* Complete and decided: nothing to decide. */
static void
test_decisive_none_when_decided (void)
{
  g_autoptr(GPtrArray) notes = NULL;
  HlhAssessment a;
  HlhCase c;

  make_case (&c, "age=30 temperature=36.8 hepatomegaly=no splenomegaly=no immunosuppression=no "
                 "hemoglobin=14 leukocytes=7 neutrophils=4 platelets=250 ferritin=120 "
                 "triglycerides=1.0 fibrinogen=3.0 ast=22 hemophagocytosis_marrow=no "
                 "hemophagocytosis_other=no nk_activity=normal scd25=800 molecular_diagnosis=no");
  hlh_assess (&c, &a);
  notes = hlh_assessment_dup_decisive (&a, &c);
  g_assert_cmpuint (notes->len, ==, 0);
}

/* clinical-spec 2: "4 met, 2 unknown: 1 more needed"; sCD25 would fulfil it. */
static void
test_decisive_hlh2004 (void)
{
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *status = NULL;
  const HlhNote *scd25, *marrow;
  HlhAssessment a;
  HlhCase c;

  make_case (&c, "temperature=38.6 splenomegaly=yes hemoglobin=8.8 neutrophils=0.8 platelets=61 "
                 "ferritin=4200 triglycerides=2.1 fibrinogen=2.8 nk_activity=normal "
                 "hemophagocytosis_other=no molecular_diagnosis=no");
  hlh_assess (&c, &a);
  status = hlh_hlh2004_dup_status_text (&a.hlh2004);
  g_assert_cmpstr (status, ==, "Undetermined: 4 of 8 met, 2 unknown: 1 more needed");
  notes = hlh_assessment_dup_decisive (&a, &c);
  scd25 = find_note (notes, "hlh2004", "scd25");
  g_assert_nonnull (scd25);
  g_test_message ("%s", scd25->text);
  g_assert_nonnull (strstr (scd25->text, "2400 U/mL"));
  g_assert_nonnull (strstr (scd25->text, "would be fulfilled"));
  marrow = find_note (notes, "hlh2004", "hemophagocytosis_marrow");
  g_assert_nonnull (marrow);
  /* Molecular diagnosis is recorded as no: no note about it. */
  g_assert_null (find_note (notes, "hlh2004", "molecular_diagnosis"));
}

/* The infant Hb rule is unknown because of the age: the age is what would decide it. */
static void
test_decisive_infant_age (void)
{
  g_autoptr(GPtrArray) notes = NULL;
  HlhAssessment a;
  HlhCase c;

  make_case (&c, "temperature=39 splenomegaly=yes hemoglobin=95g/L neutrophils=0.5 platelets=150 "
                 "ferritin=900 triglycerides=1 fibrinogen=3");
  hlh_assess (&c, &a);
  g_assert_cmpint (a.hlh2004.criteria[HLH_HLH2004_CYTOPENIAS], ==, HLH_STATE_UNKNOWN);
  notes = hlh_assessment_dup_decisive (&a, &c);
  g_assert_nonnull (find_note (notes, "hlh2004", "age"));
}

static void
test_decisive_other_sets (void)
{
  g_autoptr(GPtrArray) notes = NULL;
  HlhAssessment a;
  HlhCase c;

  make_case (&c, "sjia=yes ferritin=20000 platelets=100 ast=100 scd25=5000 triggers=iec_therapy "
                 "cartox_liver_grade3=yes");
  hlh_assess (&c, &a);
  g_assert_cmpint (a.mas2016.status, ==, HLH_STATUS_UNDETERMINED);
  notes = hlh_assessment_dup_decisive (&a, &c);
  g_assert_nonnull (find_note (notes, "mas2016", "temperature"));
  g_assert_nonnull (find_note (notes, "ms_score", "cns_involvement"));
  g_assert_nonnull (find_note (notes, "cartox2018", "cartox_renal_grade3"));
}

static void
test_warnings (void)
{
  g_autoptr(GPtrArray) notes = NULL;
  HlhAssessment a;
  HlhCase c;

  make_case (&c, "age=12 immunosuppression=no triggers=hiv,none_identified triglycerides=40 "
                 "neutrophils=8 leukocytes=6");
  hlh_assess (&c, &a);
  notes = hlh_assessment_dup_warnings (&a, &c);
  g_assert_nonnull (find_note (notes, "case", "immunosuppression"));
  g_assert_nonnull (find_note (notes, "case", "triglycerides"));
  g_assert_nonnull (find_note (notes, "case", "neutrophils"));
  g_assert_nonnull (find_note (notes, "case", "triggers"));
  g_assert_nonnull (find_note (notes, "hscore", "age"));

  g_clear_pointer (&notes, g_ptr_array_unref);
  make_case (&c, "age=40 triglycerides=3 neutrophils=4 leukocytes=6");
  hlh_assess (&c, &a);
  notes = hlh_assessment_dup_warnings (&a, &c);
  g_assert_cmpuint (notes->len, ==, 0);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("the report lacks “%s”:\n%s", needle, text);
}

/* A needle whose every "." is a decimal mark, shown in the locale's. */
static void
assert_contains_numbers (const char *text,
                         const char *needle)
{
  g_autofree char *local = test_local_number (needle);
  assert_contains (text, local);
}

static void
test_report_text (void)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 22, 14, 5, 0);
  g_autofree char *text = NULL;
  HlhAssessment a;
  HlhCase c;

  make_case (&c, "age=35 temperature=38.6 hepatomegaly=no splenomegaly=yes immunosuppression=no "
                 "hemoglobin=88g/L leukocytes=6.2 neutrophils=0.8 platelets=61 ferritin=4200 "
                 "triglycerides=186mg/dL fibrinogen=2.8 ast=25 nk_activity=normal "
                 "hemophagocytosis_other=no triggers=ebv");
  hlh_assess (&c, &a);
  text = hlh_report_text (&c, &a, when, NULL, NULL);
  g_test_message ("%s", text);

  assert_contains (text, "2026-11-22 14:05");
  assert_contains (text, "HLH Calculator " PACKAGE_VERSION);
  assert_contains (text, _(hlh_disclaimer));
  /* Findings with units as entered. */
  assert_contains (text, "Haemoglobin: 88 g/L");
  assert_contains (text, "Triglycerides (fasting): 186 mg/dL");
  assert_contains (text, "EBV (Viral infection)");
  /* Totals, ranges, probability, the threshold each item crossed. */
  assert_contains (text, "Score: 159–194 of 337");
  assert_contains_numbers (text, "38.5 % – 83.2 %");
  assert_contains_numbers (text, "Temperature: 33 points (38.6 °C ≥ 38.4 °C)");
  assert_contains (text, "Haemophagocytosis on bone-marrow aspirate: 0–35 points");
  assert_contains (text, "Undetermined: 4 of 8 met, 2 unknown: 1 more needed");
  assert_contains_numbers (text, "Fever: met (38.6 °C ≥ 38.5 °C)");
  assert_contains (text, "WHAT WOULD DECIDE IT");
  /* References. */
  assert_contains (text, "doi:10.1002/art.38690");
  assert_contains (text, "doi:10.1002/pbc.21039");
  /* clinical-spec 2 and 7: the context next to criteria 1 and 6, the viral trigger's paper. */
  assert_contains (text, "Jordan MB");
  assert_contains (text, "doi:10.1182/blood.2024025077");
  assert_contains (text, "doi:10.1002/rmv.638");
}

/* Panels that do not fit the patient stay out of the report; those that do come in. */
static void
test_report_panels (void)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 1, 2, 3, 4, 5);
  g_autofree char *plain = NULL;
  g_autofree char *iec = NULL;
  HlhAssessment a;
  HlhCase c;

  make_case (&c, "ferritin=500");
  hlh_assess (&c, &a);
  plain = hlh_report_text (&c, &a, when, NULL, NULL);
  g_assert_null (strstr (plain, "IEC-HS"));
  g_assert_null (strstr (plain, "OHI"));

  make_case (&c, "ferritin=50000 triggers=iec_therapy,b_cell_lymphoma iechs_grade=3 sjia=yes");
  hlh_assess (&c, &a);
  iec = hlh_report_text (&c, &a, when, NULL, NULL);
  assert_contains (iec, "IEC-HS checklist");
  assert_contains (iec, "Grade 3");
  assert_contains (iec, "CAR-T related HLH/MAS");
  assert_contains (iec, "OHI");
  assert_contains (iec, "MAS IN SYSTEMIC JIA");
  assert_contains (iec, "doi:10.1016/j.jtct.2023.03.006");
}

/* The MS score is for known or suspected sJIA (clinical-spec 4, Minoia 2019). A patient
 * recorded as not having sJIA gets no MAS section, whatever the score's inputs: it printed
 * "MS score 1.48; suggests MAS" in the record of an adult with "sJIA: no". While sJIA is
 * unknown the score is shown, with that said; the 2016 criteria then say "sJIA not recorded". */
static void
test_report_no_sjia (void)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 1, 2, 3, 4, 5);
  /* Every input of the MS score known: 2 of 7 clinical items, and the laboratory ones. */
  static const char *inputs = "temperature=39.8 cns_involvement=no hemorrhage=no "
                              "active_arthritis=no platelets=45 ldh=1200 fibrinogen=1.1 "
                              "ferritin=8500";
  g_autofree char *with_no = g_strconcat (inputs, " sjia=no", NULL);
  g_autofree char *unknown_text = NULL;
  g_autofree char *no_text = NULL;
  HlhAssessment a;
  HlhCase c;

  make_case (&c, inputs);
  hlh_assess (&c, &a);
  g_assert_true (a.ms_score.computed);
  unknown_text = hlh_report_text (&c, &a, when, NULL, NULL);
  assert_contains (unknown_text, "MAS IN SYSTEMIC JIA");
  assert_contains (unknown_text, "not applicable, sJIA not recorded");
  assert_contains (unknown_text, "shown although sJIA is not recorded");

  make_case (&c, with_no);
  hlh_assess (&c, &a);
  g_assert_true (a.ms_score.computed);
  no_text = hlh_report_text (&c, &a, when, NULL, NULL);
  g_assert_null (strstr (no_text, "MAS IN SYSTEMIC JIA"));
  g_assert_null (strstr (no_text, "MS score"));
  /* The answer itself is in the findings. */
  assert_contains (no_text, "Known or suspected sJIA: no");
}

/* The label is free text and never required; whatever is typed ends up on one line. */
static void
test_report_label (void)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 1, 2, 3, 4, 5);
  g_autofree char *with = NULL;
  g_autofree char *without = NULL;
  g_autofree char *cleaned = NULL;
  g_autofree char *long_label = g_strnfill (200, 'x');
  g_autofree char *cut = NULL;
  HlhAssessment a;
  HlhCase c;

  make_case (&c, "ferritin=500");
  hlh_assess (&c, &a);
  with = hlh_report_text (&c, &a, when, "JD, bed\n12", NULL);
  assert_contains (with, "\nLabel: JD, bed 12\n");
  without = hlh_report_text (&c, &a, when, "  \t ", NULL);
  g_assert_null (strstr (without, "Label:"));

  cleaned = hlh_report_clean_label ("\x1b[31mred\r\n");
  g_assert_cmpstr (cleaned, ==, "[31mred");
  g_assert_null (hlh_report_clean_label ("\xff\xfe"));
  g_assert_null (hlh_report_clean_label (NULL));
  cut = hlh_report_clean_label (long_label);
  g_assert_cmpint (g_utf8_strlen (cut, -1), ==, HLH_REPORT_LABEL_MAX);
}

/* A teaching case says so before anything else, with its story and its point. */
static void
test_report_teaching (void)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 1, 2, 3, 4, 5);
  g_autoptr(HlhTeaching) teaching = hlh_teaching_new ("Sepsis", "A man in septic shock.",
                                                      "Ferritin alone is not HLH.");
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  HlhAssessment a;
  HlhCase c;

  make_case (&c, "ferritin=500");
  hlh_assess (&c, &a);
  text = hlh_report_text (&c, &a, when, NULL, teaching);
  g_assert_nonnull (strstr (text, "TEACHING CASE, NOT A PATIENT: Sepsis\n"));
  g_assert_true (strstr (text, "TEACHING CASE") < strstr (text, "FINDINGS"));
  assert_contains (text, "Learning point: Ferritin alone is not HLH.");

  lines = hlh_report_split (text);
  g_assert_cmpint (((HlhReportLine *) lines->pdata[0])->style, ==, HLH_REPORT_TITLE);
  g_assert_cmpint (((HlhReportLine *) lines->pdata[1])->style, ==, HLH_REPORT_PARAGRAPH);
  g_assert_cmpint (((HlhReportLine *) lines->pdata[2])->style, ==, HLH_REPORT_TEXT_LINE);
  g_assert_cmpstr (((HlhReportLine *) lines->pdata[2])->text, ==, "A man in septic shock.");
}

/* The structure the PDF lays out is the text's, line for line. */
static void
test_report_split (void)
{
  g_autoptr(GPtrArray) lines =
    hlh_report_split ("Title\nDisclaimer\n\nHEADING\n  Line\n    Item\n  - Bullet\n\nNEXT\n");
  static const struct { HlhReportStyle style; const char *text; } expected[] = {
    { HLH_REPORT_TITLE, "Title" }, { HLH_REPORT_PARAGRAPH, "Disclaimer" },
    { HLH_REPORT_HEADING, "HEADING" }, { HLH_REPORT_LINE, "Line" },
    { HLH_REPORT_ITEM, "Item" }, { HLH_REPORT_BULLET, "Bullet" },
    { HLH_REPORT_HEADING, "NEXT" },
  };

  g_assert_cmpuint (lines->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < lines->len; i++)
    {
      const HlhReportLine *line = lines->pdata[i];
      g_assert_cmpint (line->style, ==, expected[i].style);
      g_assert_cmpstr (line->text, ==, expected[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hlh/report/probability", test_probability);
  g_test_add_func ("/hlh/report/probability-text", test_probability_text);
  g_test_add_func ("/hlh/report/keep-together", test_keep_together);
  g_test_add_func ("/hlh/report/decisive-hscore", test_decisive_hscore);
  g_test_add_func ("/hlh/report/decisive-hscore-order", test_decisive_hscore_order);
  g_test_add_func ("/hlh/report/decisive-none-when-decided", test_decisive_none_when_decided);
  g_test_add_func ("/hlh/report/decisive-hlh2004", test_decisive_hlh2004);
  g_test_add_func ("/hlh/report/decisive-infant-age", test_decisive_infant_age);
  g_test_add_func ("/hlh/report/decisive-other-sets", test_decisive_other_sets);
  g_test_add_func ("/hlh/report/warnings", test_warnings);
  g_test_add_func ("/hlh/report/text", test_report_text);
  g_test_add_func ("/hlh/report/panels", test_report_panels);
  g_test_add_func ("/hlh/report/no-sjia", test_report_no_sjia);
  g_test_add_func ("/hlh/report/label", test_report_label);
  g_test_add_func ("/hlh/report/teaching", test_report_teaching);
  g_test_add_func ("/hlh/report/split", test_report_split);
  return g_test_run ();
}
