/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "hlh-assess.h"
#include "hlh-error.h"

/* Clinical test vectors: the .tsv files in tests/vectors, one row per case:
 *
 *   findings <TAB> expectations <TAB> source
 *
 * Findings are hlh-score's field=value (a word without "=" continues the previous value, so
 * "leukocytes=5 10^3/uL" works). Expectations are key=value; every expected value was worked
 * out by hand from the source named in the row, never taken from this program. */

typedef struct
{
  char *file;
  guint line;
  char *findings;
  char *expect;
  char *source;
} Vector;

static void
vector_free (gpointer data)
{
  Vector *v = data;

  g_free (v->file);
  g_free (v->findings);
  g_free (v->expect);
  g_free (v->source);
  g_free (v);
}

static gboolean
fill_case (HlhCase     *c,
           const char  *findings,
           GError     **error)
{
  g_auto(GStrv) words = g_strsplit (findings, " ", -1);
  g_autoptr(GPtrArray) joined = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (strchr (words[i], '=') == NULL && joined->len > 0)
        {
          char *prev = joined->pdata[joined->len - 1];
          joined->pdata[joined->len - 1] = g_strconcat (prev, " ", words[i], NULL);
          g_free (prev);
        }
      else
        g_ptr_array_add (joined, g_strdup (words[i]));
    }
  hlh_case_init (c);
  for (guint i = 0; i < joined->len; i++)
    if (!hlh_case_parse_finding (c, joined->pdata[i], error))
      return FALSE;
  return TRUE;
}

static void
parse_range (const char *text,
             double     *lo,
             double     *hi)
{
  const char *dots = strstr (text, "..");
  char *end;

  *lo = g_ascii_strtod (text, &end);
  g_assert_true (end != text);
  *hi = dots ? g_ascii_strtod (dots + 2, NULL) : *lo;
}

static const char *
criterion_state (const HlhCriterion *(*get) (guint),
                 const HlhState      *states,
                 guint                n,
                 const char          *id)
{
  for (guint i = 0; i < n; i++)
    if (strcmp (get (i)->id, id) == 0)
      return hlh_state_to_string (states[i]);
  g_error ("no criterion “%s”", id);
}

static void
check_int_range (const char *key,
                 int         min,
                 int         max,
                 const char *expected)
{
  double lo, hi;

  parse_range (expected, &lo, &hi);
  if (min != (int) lo || max != (int) hi)
    g_test_fail_printf ("%s: expected %s, got %d..%d", key, expected, min, max);
}

static void
check_string (const char *key,
              const char *got,
              const char *expected)
{
  if (g_strcmp0 (got, expected) != 0)
    g_test_fail_printf ("%s: expected %s, got %s", key, expected, got);
}

static void
check_uint (const char *key,
            guint       got,
            const char *expected)
{
  if (got != (guint) atoi (expected))
    g_test_fail_printf ("%s: expected %s, got %u", key, expected, got);
}

static void
check_expectation (const HlhAssessment *a,
                   const char          *key,
                   const char          *expected)
{
  const char *sub = strchr (key, '.') ? strchr (key, '.') + 1 : NULL;

  if (strcmp (key, "hscore") == 0)
    check_int_range (key, a->hscore.min, a->hscore.max, expected);
  else if (g_str_has_prefix (key, "hscore."))
    {
      for (guint i = 0; i < HLH_HSCORE_N_ITEMS; i++)
        if (strcmp (hlh_hscore_get_item (i)->criterion.id, sub) == 0)
          {
            check_int_range (key, a->hscore.items[i].min, a->hscore.items[i].max, expected);
            return;
          }
      g_error ("no HScore item “%s”", sub);
    }
  else if (strcmp (key, "prob") == 0)
    {
      double lo, hi;
      parse_range (expected, &lo, &hi);
      if (ABS (a->hscore.probability_min - lo) > 0.05 || ABS (a->hscore.probability_max - hi) > 0.05)
        g_test_fail_printf ("prob: expected %s, got %.2f..%.2f", expected, a->hscore.probability_min,
                 a->hscore.probability_max);
    }
  else if (strcmp (key, "cutoff") == 0)
    check_string (key, hlh_verdict_to_string (a->hscore.reaches_cutoff), expected);
  else if (strcmp (key, "hlh2004") == 0)
    check_string (key, hlh_status_to_string (a->hlh2004.status), expected);
  else if (strcmp (key, "hlh2004.met") == 0)
    check_uint (key, a->hlh2004.met, expected);
  else if (strcmp (key, "hlh2004.unknown") == 0)
    check_uint (key, a->hlh2004.unknown, expected);
  else if (strcmp (key, "hlh2004.not_met") == 0)
    check_uint (key, a->hlh2004.not_met, expected);
  else if (strcmp (key, "hlh2004.needed") == 0)
    check_uint (key, a->hlh2004.still_needed, expected);
  else if (g_str_has_prefix (key, "hlh2004."))
    check_string (key, criterion_state (hlh_hlh2004_get_criterion, a->hlh2004.criteria,
                                        HLH_HLH2004_N_CRITERIA, sub), expected);
  else if (strcmp (key, "mas2016") == 0)
    check_string (key, hlh_status_to_string (a->mas2016.status), expected);
  else if (g_str_has_prefix (key, "mas2016."))
    check_string (key, criterion_state (hlh_mas2016_get_criterion, a->mas2016.criteria,
                                        HLH_MAS2016_N_CRITERIA, sub), expected);
  else if (strcmp (key, "ms") == 0)
    {
      if (strcmp (expected, "none") == 0)
        {
          if (a->ms_score.computed)
            g_test_fail_printf ("ms: expected none, got %.4f", a->ms_score.value);
        }
      else if (!a->ms_score.computed || ABS (a->ms_score.value - g_ascii_strtod (expected, NULL)) > 0.005)
        g_test_fail_printf ("ms: expected %s, got %s %.4f", expected,
                 a->ms_score.computed ? "" : "(not computed)", a->ms_score.value);
    }
  else if (strcmp (key, "ms.suggests") == 0)
    check_string (key, hlh_verdict_to_string (a->ms_score.suggests_mas), expected);
  else if (strcmp (key, "ohi") == 0)
    check_string (key, hlh_ohi_status_to_string (a->ohi.status), expected);
  else if (strcmp (key, "cartox") == 0)
    check_string (key, hlh_cartox_status_to_string (a->cartox.status), expected);
  else if (g_str_has_prefix (key, "cartox."))
    check_string (key, criterion_state (hlh_cartox_get_criterion, a->cartox.criteria,
                                        HLH_CARTOX_N_CRITERIA, sub), expected);
  else if (strcmp (key, "iechs.common_met") == 0)
    check_uint (key, a->iechs.common.met, expected);
  else if (g_str_has_prefix (key, "iechs."))
    check_string (key, criterion_state (hlh_iechs_get_item, a->iechs.items, HLH_IECHS_N_ITEMS, sub),
                  expected);
  else
    g_error ("unknown expectation key “%s”", key);
}

static void
test_vector (gconstpointer data)
{
  const Vector *v = data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) expectations = g_strsplit (v->expect, " ", -1);
  const char *expected_error = NULL;
  HlhAssessment a;
  HlhCase c;

  g_test_message ("%s:%u: %s | %s | %s", v->file, v->line, v->findings, v->expect, v->source);
  for (guint i = 0; expectations[i] != NULL; i++)
    if (g_str_has_prefix (expectations[i], "error="))
      expected_error = expectations[i] + 6;

  if (!fill_case (&c, v->findings, &error))
    {
      if (expected_error == NULL)
        { g_test_fail_printf ("refused: %s", error->message); return; }
      g_assert_true (error->domain == HLH_ERROR);
      /* The message names the finding that was refused. */
      {
        HlhField field;
        g_assert_true (hlh_field_lookup (expected_error, -1, &field));
        g_assert_nonnull (strstr (error->message, _(hlh_field_get_info (field)->label)));
      }
      return;
    }
  if (expected_error != NULL)
    { g_test_fail_printf ("expected %s to be refused", expected_error); return; }

  hlh_assess (&c, &a);
  for (guint i = 0; expectations[i] != NULL; i++)
    {
      char *eq = strchr (expectations[i], '=');
      if (*expectations[i] == '\0')
        continue;
      g_assert_nonnull (eq);
      *eq = '\0';
      check_expectation (&a, expectations[i], eq + 1);
    }
}

static void
add_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "vectors", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *base = g_strndup (name, strlen (name) - 4);
  guint n = 0;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = NULL;
      Vector *v;
      g_autofree char *test_path = NULL;

      if (*lines[i] == '\0' || *lines[i] == '#')
        continue;
      cols = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (cols) != 3 || *g_strstrip (cols[2]) == '\0')
        g_error ("%s:%u: a vector needs findings, expectations and a source", name, i + 1);
      v = g_new0 (Vector, 1);
      v->file = g_strdup (name);
      v->line = i + 1;
      v->findings = g_strdup (g_strstrip (cols[0]));
      v->expect = g_strdup (g_strstrip (cols[1]));
      v->source = g_strdup (cols[2]);
      test_path = g_strdup_printf ("/hlh/vectors/%s/line-%u", base, i + 1);
      g_test_add_data_func_full (test_path, v, test_vector, vector_free);
      n++;
    }
  if (n == 0)
    g_error ("%s has no vectors", name);
}

/* The rule an IEC-HS item shows when opened states its threshold as the consensus paper
 * does (Hines 2023, as summarised in clinical-spec 6.1), references included: those judged
 * against the laboratory's limits of normal or the value at infusion are evaluated in code,
 * and their table conditions alone said "" (LDH, transaminases) or left the limit out
 * (fibrinogen). */
static void
test_iechs_rules_stated (void)
{
  static const struct
  {
    HlhIechsItemId item;
    const char    *stated;
  } references[] = {
    { HLH_IECHS_FERRITIN, "> 2 × ULN or > 2 × the value at infusion" },
    { HLH_IECHS_TRANSAMINASES, "> 5 × ULN" },
    { HLH_IECHS_FIBRINOGEN, "< 150 mg/dL (or below the lower limit of normal)" },
    { HLH_IECHS_LDH, "above the upper limit of normal" },
  };

  for (guint i = 0; i < HLH_IECHS_N_ITEMS; i++)
    {
      g_autofree char *rule = hlh_iechs_dup_rule (i);

      if (rule == NULL || *rule == '\0')
        g_error ("IEC-HS item %u (%s) states no rule", i, hlh_iechs_get_item (i)->label);
    }
  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    {
      g_autofree char *rule = hlh_iechs_dup_rule (references[i].item);

      if (strstr (rule, references[i].stated) == NULL)
        g_error ("IEC-HS rule “%s” does not state “%s”", rule, references[i].stated);
    }
}

int
main (int   argc,
      char *argv[])
{
  static const char *files[] = {
    "hscore.tsv", "hlh2004.tsv", "mas2016.tsv", "msscore.tsv", "ohi.tsv", "cartox.tsv",
    "iechs.tsv", "triggers.tsv", "cases.tsv",
  };

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    add_file (files[i]);
  g_test_add_func ("/hlh/vectors/iechs-rules-stated", test_iechs_rules_stated);
  return g_test_run ();
}
