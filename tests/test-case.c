/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "hlh-case.h"
#include "hlh-error.h"

/* The case record and the .hlhcase file. */

static void
test_new_is_unknown (void)
{
  g_autoptr(HlhCase) c = hlh_case_new ();

  for (guint i = 0; i < HLH_N_FIELDS; i++)
    {
      g_assert_false (hlh_case_is_known (c, i));
      g_assert_cmpint (hlh_case_get_value (c, i)->unit, ==, hlh_field_get_info (i)->unit);
    }
  g_assert_cmpuint (c->triggers, ==, 0);
}

static void
test_field_ids (void)
{
  HlhField field;

  /* Every field the issue names exists under that id. */
  static const char *ids[] = {
    "age", "temperature", "immunosuppression", "hepatomegaly", "splenomegaly", "hemoglobin",
    "leukocytes", "neutrophils", "platelets", "ferritin", "triglycerides", "fibrinogen", "ast",
    "alt", "ldh", "scd25", "nk_activity", "hemophagocytosis_marrow", "hemophagocytosis_other",
    "molecular_diagnosis", "sjia", "cns_involvement", "hemorrhage", "active_arthritis",
  };
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_assert_true (hlh_field_lookup (ids[i], -1, &field));
      g_assert_cmpstr (hlh_field_get_info (field)->id, ==, ids[i]);
    }
  for (guint i = 0; i < HLH_N_FIELDS; i++)
    g_assert_cmpint (hlh_field_get_info (i)->field, ==, i);
  g_assert_false (hlh_field_lookup ("ferritinn", -1, &field));
}

/* Found by fuzz-csv: a CSV cell "yes" followed by NUL bytes made the word lookup read past
 * the end of its table (tests/fuzz/corpus/csv/crash-nul-in-choice-word). */
static void
test_lookup_choice_embedded_nul (void)
{
  int choice = -1;

  g_assert_true (hlh_field_lookup_choice (HLH_FIELD_SPLENOMEGALY, "yes", 3, &choice));
  g_assert_cmpint (choice, ==, HLH_ANSWER_YES);
  g_assert_false (hlh_field_lookup_choice (HLH_FIELD_SPLENOMEGALY, "yes\0\0\0\0", 7, &choice));
  g_assert_false (hlh_field_lookup_choice (HLH_FIELD_SPLENOMEGALY, "no\0x", 4, &choice));
  g_assert_false (hlh_field_lookup_choice (HLH_FIELD_SPLENOMEGALY, "", 0, &choice));
  g_assert_false (hlh_field_lookup_choice (HLH_FIELD_SPLENOMEGALY, "ye", 2, &choice));
}

static void
test_set_from_text (void)
{
  HlhCase c;
  double v;
  int choice;

  hlh_case_init (&c);
  g_assert_true (hlh_case_set_from_text (&c, HLH_FIELD_FERRITIN, "8400ng/mL", HLH_UNIT_FERRITIN_NG_ML,
                                         FALSE, NULL));
  g_assert_true (hlh_case_get_number (&c, HLH_FIELD_FERRITIN, HLH_UNIT_FERRITIN_NG_ML, &v));
  g_assert_cmpfloat (v, ==, 8400);
  g_assert_true (hlh_case_set_from_text (&c, HLH_FIELD_TEMPERATURE, "39,6 °C", HLH_UNIT_CELSIUS,
                                         FALSE, NULL));
  g_assert_cmpfloat (hlh_case_get_value (&c, HLH_FIELD_TEMPERATURE)->number, ==, 39.6);
  /* The unit is kept as entered; the number too. */
  g_assert_true (hlh_case_set_from_text (&c, HLH_FIELD_TRIGLYCERIDES, "310 mg/dL",
                                         HLH_UNIT_TG_MMOL_L, FALSE, NULL));
  g_assert_cmpint (hlh_case_get_value (&c, HLH_FIELD_TRIGLYCERIDES)->unit, ==, HLH_UNIT_TG_MG_DL);
  g_assert_cmpfloat (hlh_case_get_value (&c, HLH_FIELD_TRIGLYCERIDES)->number, ==, 310);
  /* Without a unit, the unit given by the caller (a form's unit chooser). */
  g_assert_true (hlh_case_set_from_text (&c, HLH_FIELD_HEMOGLOBIN, "85", HLH_UNIT_HB_G_L,
                                         FALSE, NULL));
  g_assert_cmpint (hlh_case_get_value (&c, HLH_FIELD_HEMOGLOBIN)->unit, ==, HLH_UNIT_HB_G_L);
  /* Words. */
  g_assert_true (hlh_case_set_from_text (&c, HLH_FIELD_SPLENOMEGALY, "YES", 0, FALSE, NULL));
  g_assert_true (hlh_case_get_choice (&c, HLH_FIELD_SPLENOMEGALY, &choice));
  g_assert_cmpint (choice, ==, HLH_ANSWER_YES);
  g_assert_true (hlh_case_set_from_text (&c, HLH_FIELD_NK_ACTIVITY, "low", 0, FALSE, NULL));
  g_assert_true (hlh_case_get_choice (&c, HLH_FIELD_NK_ACTIVITY, &choice));
  g_assert_cmpint (choice, ==, HLH_NK_LOW);
  g_assert_true (hlh_case_set_from_text (&c, HLH_FIELD_IECHS_GRADE, "3", 0, FALSE, NULL));
  g_assert_true (hlh_case_get_choice (&c, HLH_FIELD_IECHS_GRADE, &choice));
  g_assert_cmpint (choice, ==, 3);
  /* "unknown" and an empty text make it unknown again. */
  g_assert_true (hlh_case_set_from_text (&c, HLH_FIELD_SPLENOMEGALY, "unknown", 0, FALSE, NULL));
  g_assert_false (hlh_case_is_known (&c, HLH_FIELD_SPLENOMEGALY));
  g_assert_true (hlh_case_set_from_text (&c, HLH_FIELD_FERRITIN, "  ", 0, FALSE, NULL));
  g_assert_false (hlh_case_is_known (&c, HLH_FIELD_FERRITIN));
}

typedef struct
{
  HlhField    field;
  const char *text;
  HlhError    code;
} Refusal;

static const Refusal refusals[] = {
  { HLH_FIELD_FERRITIN, "12,000", HLH_ERROR_AMBIGUOUS },
  { HLH_FIELD_FERRITIN, "8400 mg/dL", HLH_ERROR_UNIT },
  { HLH_FIELD_FERRITIN, "8400 mg", HLH_ERROR_UNIT },
  { HLH_FIELD_FERRITIN, "ng/mL", HLH_ERROR_EMPTY },
  { HLH_FIELD_FERRITIN, "<500", HLH_ERROR_BOUND },
  { HLH_FIELD_FERRITIN, "-5", HLH_ERROR_SYNTAX },
  { HLH_FIELD_FERRITIN, "1e5", HLH_ERROR_SYNTAX },
  { HLH_FIELD_SCD25, "2400 pg/mL", HLH_ERROR_UNIT },
  { HLH_FIELD_TEMPERATURE, "101.3", HLH_ERROR_RANGE },
  { HLH_FIELD_SPLENOMEGALY, "maybe", HLH_ERROR_VALUE },
  { HLH_FIELD_NK_ACTIVITY, "yes", HLH_ERROR_VALUE },
  { HLH_FIELD_IECHS_GRADE, "6", HLH_ERROR_VALUE },
  { HLH_FIELD_IECHS_GRADE, "0", HLH_ERROR_VALUE },
  { HLH_FIELD_AGE, "\xff", HLH_ERROR_SYNTAX },
};

/* A refused value says why, names the finding, and changes nothing (clinical-spec 9). */
static void
test_refusal_changes_nothing (void)
{
  HlhCase c, before;

  hlh_case_init (&c);
  for (guint i = 0; i < HLH_N_FIELDS; i++)
    if (hlh_field_get_info (i)->kind == HLH_FIELD_KIND_NUMBER)
      g_assert_true (hlh_case_set_from_text (&c, i, "1", hlh_field_get_info (i)->unit, FALSE,
                                             NULL) ||
                     hlh_case_set_from_text (&c, i, "37", hlh_field_get_info (i)->unit, FALSE,
                                             NULL));
    else
      g_assert_true (hlh_case_set_from_text (&c, i, "unknown", 0, FALSE, NULL));
  hlh_case_set_choice (&c, HLH_FIELD_SPLENOMEGALY, HLH_ANSWER_NO);
  before = c;

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autoptr(GError) error = NULL;
      const char *label = _(hlh_field_get_info (refusals[i].field)->label);

      g_assert_false (hlh_case_set_from_text (&c, refusals[i].field, refusals[i].text,
                                              hlh_field_get_info (refusals[i].field)->unit,
                                              FALSE, &error));
      g_test_message ("%s", error->message);
      g_assert_error (error, HLH_ERROR, (gint) refusals[i].code);
      g_assert_nonnull (strstr (error->message, label));
      g_assert_true (memcmp (&c, &before, sizeof c) == 0);
    }
}

static void
test_parse_finding (void)
{
  g_autoptr(GError) error = NULL;
  HlhCase c;

  hlh_case_init (&c);
  g_assert_true (hlh_case_parse_finding (&c, "ferritin=8400", NULL));
  g_assert_true (hlh_case_parse_finding (&c, "triggers=ebv, hiv", NULL));
  g_assert_true (hlh_case_has_trigger (&c, HLH_TRIGGER_EBV));
  g_assert_true (hlh_case_has_trigger (&c, HLH_TRIGGER_HIV));

  g_assert_false (hlh_case_parse_finding (&c, "ferritinn=5", &error));
  g_assert_error (error, HLH_ERROR, HLH_ERROR_FIELD);
  g_assert_nonnull (strstr (error->message, "ferritinn"));
  g_assert_nonnull (strstr (error->message, "did you mean “ferritin”"));
  g_clear_error (&error);
  g_assert_false (hlh_case_parse_finding (&c, "hemoglobine=9", &error));
  g_assert_nonnull (strstr (error->message, "did you mean “hemoglobin”"));
  g_clear_error (&error);
  g_assert_false (hlh_case_parse_finding (&c, "xyzzy=9", &error));
  g_assert_null (strstr (error->message, "did you mean"));
  g_clear_error (&error);
  g_assert_false (hlh_case_parse_finding (&c, "ferritin", &error));
  g_assert_error (error, HLH_ERROR, HLH_ERROR_FIELD);
  g_clear_error (&error);
  g_assert_false (hlh_case_parse_finding (&c, "triggers=ebv,ebola", &error));
  g_assert_error (error, HLH_ERROR, HLH_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "ebola"));
  /* The refused trigger list left the old one in place. */
  g_assert_true (hlh_case_has_trigger (&c, HLH_TRIGGER_HIV));
}

/* clinical-spec 7: HIV or long-term immunosuppression sets the HScore item; sJIA and IEC
 * therapy in the history set those findings. */
static void
test_effective_answers (void)
{
  HlhCase c;
  int answer;

  hlh_case_init (&c);
  g_assert_false (hlh_case_get_effective_answer (&c, HLH_FIELD_IMMUNOSUPPRESSION, &answer));
  hlh_case_set_choice (&c, HLH_FIELD_IMMUNOSUPPRESSION, HLH_ANSWER_NO);
  hlh_case_set_trigger (&c, HLH_TRIGGER_LONG_TERM_IMMUNOSUPPRESSION, TRUE);
  g_assert_true (hlh_case_get_effective_answer (&c, HLH_FIELD_IMMUNOSUPPRESSION, &answer));
  g_assert_cmpint (answer, ==, HLH_ANSWER_YES);
  g_assert_cmpint (hlh_case_get_implying_trigger (&c, HLH_FIELD_IMMUNOSUPPRESSION), ==,
                   HLH_TRIGGER_LONG_TERM_IMMUNOSUPPRESSION);
  hlh_case_set_trigger (&c, HLH_TRIGGER_LONG_TERM_IMMUNOSUPPRESSION, FALSE);
  g_assert_true (hlh_case_get_effective_answer (&c, HLH_FIELD_IMMUNOSUPPRESSION, &answer));
  g_assert_cmpint (answer, ==, HLH_ANSWER_NO);

  hlh_case_set_trigger (&c, HLH_TRIGGER_SJIA, TRUE);
  g_assert_true (hlh_case_get_effective_answer (&c, HLH_FIELD_SJIA, &answer));
  g_assert_cmpint (answer, ==, HLH_ANSWER_YES);
  hlh_case_set_trigger (&c, HLH_TRIGGER_IEC_THERAPY, TRUE);
  g_assert_true (hlh_case_get_effective_answer (&c, HLH_FIELD_IEC_THERAPY, &answer));
  g_assert_cmpint (answer, ==, HLH_ANSWER_YES);
  /* A trigger does not set a finding it has nothing to do with. */
  g_assert_false (hlh_case_get_effective_answer (&c, HLH_FIELD_SPLENOMEGALY, &answer));
}

static void
fill_round_trip_case (HlhCase *c)
{
  hlh_case_init (c);
  g_assert_true (hlh_case_set_number (c, HLH_FIELD_AGE, 3, HLH_UNIT_AGE_WEEKS, NULL));
  g_assert_true (hlh_case_set_number (c, HLH_FIELD_TEMPERATURE, 101.3, HLH_UNIT_FAHRENHEIT, NULL));
  g_assert_true (hlh_case_set_number (c, HLH_FIELD_HEMOGLOBIN, 92, HLH_UNIT_HB_G_L, NULL));
  g_assert_true (hlh_case_set_number (c, HLH_FIELD_PLATELETS, 45000, HLH_UNIT_CELLS_PER_UL, NULL));
  g_assert_true (hlh_case_set_number (c, HLH_FIELD_FERRITIN, 4494.1, HLH_UNIT_FERRITIN_PMOL_L, NULL));
  g_assert_true (hlh_case_set_number (c, HLH_FIELD_TRIGLYCERIDES, 132.855, HLH_UNIT_TG_MG_DL, NULL));
  g_assert_true (hlh_case_set_number (c, HLH_FIELD_FIBRINOGEN, 0.1 + 0.2, HLH_UNIT_FIB_G_L, NULL));
  g_assert_true (hlh_case_set_number (c, HLH_FIELD_AST, 0.5, HLH_UNIT_ENZYME_UKAT_L, NULL));
  hlh_case_set_choice (c, HLH_FIELD_HEPATOMEGALY, HLH_ANSWER_YES);
  hlh_case_set_choice (c, HLH_FIELD_SPLENOMEGALY, HLH_ANSWER_NO);
  hlh_case_set_choice (c, HLH_FIELD_NK_ACTIVITY, HLH_NK_NORMAL);
  hlh_case_set_choice (c, HLH_FIELD_IECHS_GRADE, 2);
  hlh_case_set_trigger (c, HLH_TRIGGER_EBV, TRUE);
  hlh_case_set_trigger (c, HLH_TRIGGER_NONE_IDENTIFIED, TRUE);
  /* Unknown, but with a unit chosen: the file does not keep units of unknown findings. */
  hlh_case_set_unknown (c, HLH_FIELD_SCD25);
}

static void
assert_same_case (const HlhCase *a,
                  const HlhCase *b)
{
  for (guint i = 0; i < HLH_N_FIELDS; i++)
    {
      const HlhValue *va = hlh_case_get_value (a, i), *vb = hlh_case_get_value (b, i);

      g_assert_cmpint (va->known, ==, vb->known);
      if (!va->known)
        continue;
      if (hlh_field_get_info (i)->kind == HLH_FIELD_KIND_NUMBER)
        {
          g_assert_true (va->number == vb->number);  /* bit for bit */
          g_assert_cmpint (va->unit, ==, vb->unit);
        }
      else
        g_assert_cmpint (va->choice, ==, vb->choice);
    }
  g_assert_cmpuint (a->triggers, ==, b->triggers);
}

static void
test_round_trip (void)
{
  g_autofree char *data = NULL;
  HlhCase c, loaded;
  gsize length;

  fill_round_trip_case (&c);
  data = hlh_case_to_data (&c, &length);
  g_test_message ("%s", data);
  g_assert_nonnull (strstr (data, "format=1"));
  g_assert_nonnull (strstr (data, "temperature=101.3 °F"));
  g_assert_nonnull (strstr (data, "platelets=45000 /µL"));
  g_assert_null (strstr (data, "scd25"));

  hlh_case_init (&loaded);
  g_assert_true (hlh_case_load_data (&loaded, data, length, NULL));
  assert_same_case (&c, &loaded);
}


/* Found by fuzz-case: a tiny value was written as "0.000000" and came back as 0. Files take
 * plain decimals, so the value is written with as many decimals as it needs. */
static void
test_round_trip_tiny_value (void)
{
  static const char *texts[] = {
    "0.00000000000000000000000000000000003861586480490901959", "0.0001", "1e0",
  };
  HlhCase c, loaded;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *data = NULL;
      gsize length;

      hlh_case_init (&c);
      if (!hlh_case_set_from_text (&c, HLH_FIELD_FERRITIN, texts[i], HLH_UNIT_FERRITIN_NG_ML,
                                   TRUE, NULL))
        continue;   /* "1e0": exponents are refused, as they should be */
      data = hlh_case_to_data (&c, &length);
      g_test_message ("%s", data);
      hlh_case_init (&loaded);
      g_assert_true (hlh_case_load_data (&loaded, data, length, NULL));
      g_assert_true (hlh_case_equal (&c, &loaded));
      g_assert_cmpfloat (loaded.values[HLH_FIELD_FERRITIN].number, ==,
                         c.values[HLH_FIELD_FERRITIN].number);
    }
}

/* Unsaved changes are found by comparing findings: what counts is the value and its unit. */
static void
test_equal (void)
{
  HlhCase a, b;

  hlh_case_init (&a);
  hlh_case_init (&b);
  g_assert_true (hlh_case_equal (&a, &b));

  g_assert_true (hlh_case_set_number (&a, HLH_FIELD_FERRITIN, 8400, HLH_UNIT_FERRITIN_NG_ML, NULL));
  g_assert_false (hlh_case_equal (&a, &b));
  /* The same amount in another unit is another entry: the file would differ. */
  g_assert_true (hlh_case_set_number (&b, HLH_FIELD_FERRITIN, 8400, HLH_UNIT_FERRITIN_UG_L, NULL));
  g_assert_false (hlh_case_equal (&a, &b));
  g_assert_true (hlh_case_set_number (&b, HLH_FIELD_FERRITIN, 8400, HLH_UNIT_FERRITIN_NG_ML, NULL));
  g_assert_true (hlh_case_equal (&a, &b));

  /* A finding entered and then cleared again is no change. */
  hlh_case_set_choice (&a, HLH_FIELD_HEPATOMEGALY, HLH_ANSWER_NO);
  g_assert_false (hlh_case_equal (&a, &b));
  hlh_case_set_unknown (&a, HLH_FIELD_HEPATOMEGALY);
  g_assert_true (hlh_case_equal (&a, &b));

  /* "No" and unknown differ although both choices are 0. */
  hlh_case_set_choice (&a, HLH_FIELD_SPLENOMEGALY, HLH_ANSWER_NO);
  g_assert_false (hlh_case_equal (&a, &b));
  hlh_case_set_choice (&b, HLH_FIELD_SPLENOMEGALY, HLH_ANSWER_YES);
  g_assert_false (hlh_case_equal (&a, &b));
  hlh_case_set_choice (&b, HLH_FIELD_SPLENOMEGALY, HLH_ANSWER_NO);
  g_assert_true (hlh_case_equal (&a, &b));

  hlh_case_set_trigger (&a, HLH_TRIGGER_EBV, TRUE);
  g_assert_false (hlh_case_equal (&a, &b));
}

static const char teaching_file[] =
  "[Case]\nformat=1\n\n[Findings]\nferritin=8400 ng/mL\n\n"
  "[Teaching]\ntitle=EBV HLH\ntitle[fr]=LH à EBV\nnarrative=A young adult with fever.\n"
  "learning-point=The HScore reaches the cut-off.\n";

static void
test_teaching (void)
{
  g_autoptr(HlhTeaching) teaching = NULL;
  g_autoptr(HlhTeaching) again = NULL;
  g_autofree char *data = NULL;
  HlhCase c, loaded;
  gsize length;
  double ferritin;

  hlh_case_init (&c);
  g_assert_true (hlh_case_load_data_full (&c, &teaching, teaching_file, strlen (teaching_file),
                                          NULL));
  g_assert_nonnull (teaching);
  /* The title in the reader's language where the file has it (title[fr]). */
  g_assert_cmpstr (teaching->title, ==,
                   g_str_has_prefix (g_get_language_names ()[0], "fr") ? "LH à EBV" : "EBV HLH");
  g_assert_cmpstr (teaching->narrative, ==, "A young adult with fever.");
  g_assert_cmpstr (teaching->learning_point, ==, "The HScore reaches the cut-off.");
  g_assert_true (hlh_case_get_number (&c, HLH_FIELD_FERRITIN, HLH_UNIT_FERRITIN_NG_ML, &ferritin));
  g_assert_cmpfloat (ferritin, ==, 8400);

  /* A teaching case saved again stays a teaching case. */
  data = hlh_case_to_data_full (&c, teaching, &length);
  hlh_case_init (&loaded);
  g_assert_true (hlh_case_load_data_full (&loaded, &again, data, length, NULL));
  g_assert_nonnull (again);
  g_assert_cmpstr (again->title, ==, teaching->title);
  g_assert_cmpstr (again->learning_point, ==, teaching->learning_point);
  g_assert_true (hlh_case_equal (&c, &loaded));

  /* A patient's case has none, and the plain loader takes a teaching file too. */
  g_clear_pointer (&again, hlh_teaching_free);
  g_clear_pointer (&data, g_free);
  data = hlh_case_to_data (&c, &length);
  {
    static HlhTeaching sentinel;
    HlhTeaching *none = &sentinel;

    g_assert_true (hlh_case_load_data_full (&loaded, &none, data, length, NULL));
    g_assert_null (none);
  }
  g_assert_true (hlh_case_load_data (&loaded, teaching_file, strlen (teaching_file), NULL));
}

static void
test_teaching_refused (void)
{
  static const char *bad[] = {
    /* a text missing */
    "[Case]\nformat=1\n[Teaching]\ntitle=T\nnarrative=N\n",
    /* an empty one */
    "[Case]\nformat=1\n[Teaching]\ntitle=T\nnarrative= \nlearning-point=L\n",
    /* an entry nobody knows */
    "[Case]\nformat=1\n[Teaching]\ntitle=T\nnarrative=N\nlearning-point=L\nanswer=42\n",
    "[Case]\nformat=1\n[Teaching]\ntitle=T\nnarrative=N\nlearning-point=L\ntitlex=y\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HlhTeaching) teaching = NULL;
      HlhCase c, before;

      hlh_case_init (&c);
      hlh_case_set_choice (&c, HLH_FIELD_SJIA, HLH_ANSWER_YES);
      before = c;
      g_assert_false (hlh_case_load_data_full (&c, &teaching, bad[i], strlen (bad[i]), &error));
      g_assert_error (error, HLH_ERROR, HLH_ERROR_FORMAT);
      g_test_message ("%s", error->message);
      g_assert_null (teaching);
      g_assert_true (hlh_case_equal (&c, &before));
    }
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("hlh-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

static void
test_save_and_load_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "case.hlhcase", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  HlhCase c, loaded;

  fill_round_trip_case (&c);
  g_assert_true (hlh_case_save_file (&c, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);  /* patient data: the user's only */

  hlh_case_init (&loaded);
  g_assert_true (hlh_case_load_file (&loaded, path, &error));
  assert_same_case (&c, &loaded);

  /* Saving again replaces the file whole. */
  hlh_case_set_unknown (&c, HLH_FIELD_AGE);
  g_assert_true (hlh_case_save_file (&c, path, NULL));
  g_assert_true (hlh_case_load_file (&loaded, path, NULL));
  assert_same_case (&c, &loaded);
  remove_tree (dir);
}

static void
test_save_fails_cleanly (void)
{
  g_autoptr(GError) error = NULL;
  HlhCase c;

  hlh_case_init (&c);
  g_assert_false (hlh_case_save_file (&c, "/nonexistent-dir/case.hlhcase", &error));
  g_assert_error (error, HLH_ERROR, HLH_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "case.hlhcase"));
}

typedef struct
{
  const char *name;
  const char *data;
  HlhError    code;
  const char *shown;
} BadFile;

static const BadFile bad_files[] = {
  { "empty", "", HLH_ERROR_FORMAT, NULL },
  { "no format", "[Findings]\nferritin=100 ng/mL\n", HLH_ERROR_FORMAT, NULL },
  { "newer format", "[Case]\nformat=2\n[Findings]\nferritin=100 ng/mL\n",
    HLH_ERROR_NEWER_FORMAT, "newer" },
  { "format not a number", "[Case]\nformat=one\n", HLH_ERROR_FORMAT, "one" },
  { "format zero", "[Case]\nformat=0\n", HLH_ERROR_FORMAT, NULL },
  { "unknown finding", "[Case]\nformat=1\n[Findings]\nferritine=100 ng/mL\n", HLH_ERROR_FORMAT,
    "ferritine" },
  { "unknown section", "[Case]\nformat=1\n[Extra]\nx=1\n", HLH_ERROR_FORMAT, "Extra" },
  { "truncated", "[Case]\nformat=1\n[Findings]\nferritin=8400 ng/", HLH_ERROR_UNIT, NULL },
  { "truncated header", "[Case]\nformat=1\n[Find", HLH_ERROR_FORMAT, NULL },
  { "decimal comma", "[Case]\nformat=1\n[Findings]\nferritin=8400,5 ng/mL\n", HLH_ERROR_SYNTAX,
    NULL },
  { "implausible", "[Case]\nformat=1\n[Findings]\ntemperature=101.3 °C\n", HLH_ERROR_RANGE,
    "°F" },
  { "bad word", "[Case]\nformat=1\n[Findings]\nsplenomegaly=big\n", HLH_ERROR_VALUE, "big" },
  { "bad trigger", "[Case]\nformat=1\n[Findings]\ntriggers=ebv;ebola\n", HLH_ERROR_VALUE, NULL },
  { "binary", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", HLH_ERROR_FORMAT, NULL },
  { "foreign text", "Dear colleague,\nplease find attached\n", HLH_ERROR_FORMAT, NULL },
};

/* clinical-spec 9 and issue 2: a damaged, foreign or newer file is refused with a clear
 * message and the case on screen stays untouched. */
static void
test_bad_files (void)
{
  HlhCase c, before;

  fill_round_trip_case (&c);
  before = c;
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize length = strcmp (bad_files[i].name, "binary") == 0 ? 16 : strlen (bad_files[i].data);

      g_test_message ("%s", bad_files[i].name);
      g_assert_false (hlh_case_load_data (&c, bad_files[i].data, length, &error));
      g_test_message ("  %s", error->message);
      g_assert_error (error, HLH_ERROR, (gint) bad_files[i].code);
      if (bad_files[i].shown != NULL)
        g_assert_nonnull (strstr (error->message, bad_files[i].shown));
      g_assert_true (memcmp (&c, &before, sizeof c) == 0);
    }
}

static void
test_bad_file_named (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "newer.hlhcase", NULL);
  g_autofree char *big = g_build_filename (dir, "big.hlhcase", NULL);
  g_autofree char *filler = g_strnfill (1024 * 1024, 'x');
  g_autoptr(GError) error = NULL;
  HlhCase c, before;

  fill_round_trip_case (&c);
  before = c;
  g_assert_true (g_file_set_contents (path, "[Case]\nformat=7\n", -1, NULL));
  g_assert_false (hlh_case_load_file (&c, path, &error));
  g_assert_error (error, HLH_ERROR, HLH_ERROR_NEWER_FORMAT);
  g_assert_nonnull (strstr (error->message, "newer.hlhcase"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (big, filler, -1, NULL));
  g_assert_false (hlh_case_load_file (&c, big, &error));
  g_assert_error (error, HLH_ERROR, HLH_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "big.hlhcase"));
  g_clear_error (&error);

  g_assert_false (hlh_case_load_file (&c, "/nonexistent/x.hlhcase", &error));
  g_assert_error (error, HLH_ERROR, HLH_ERROR_IO);
  g_assert_true (memcmp (&c, &before, sizeof c) == 0);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hlh/case/new-is-unknown", test_new_is_unknown);
  g_test_add_func ("/hlh/case/field-ids", test_field_ids);
  g_test_add_func ("/hlh/case/lookup-choice-embedded-nul", test_lookup_choice_embedded_nul);
  g_test_add_func ("/hlh/case/set-from-text", test_set_from_text);
  g_test_add_func ("/hlh/case/refusal-changes-nothing", test_refusal_changes_nothing);
  g_test_add_func ("/hlh/case/parse-finding", test_parse_finding);
  g_test_add_func ("/hlh/case/effective-answers", test_effective_answers);
  g_test_add_func ("/hlh/case/round-trip", test_round_trip);
  g_test_add_func ("/hlh/case/round-trip-tiny-value", test_round_trip_tiny_value);
  g_test_add_func ("/hlh/case/equal", test_equal);
  g_test_add_func ("/hlh/case/teaching", test_teaching);
  g_test_add_func ("/hlh/case/teaching-refused", test_teaching_refused);
  g_test_add_func ("/hlh/case/save-and-load-file", test_save_and_load_file);
  g_test_add_func ("/hlh/case/save-fails-cleanly", test_save_fails_cleanly);
  g_test_add_func ("/hlh/case/bad-files", test_bad_files);
  g_test_add_func ("/hlh/case/bad-file-named", test_bad_file_named);
  return g_test_run ();
}
