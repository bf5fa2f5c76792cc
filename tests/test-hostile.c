/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "hlh-case-model.h"

/* The hostile-input matrix: every line of hostile-inputs.txt, typed into every numeric field,
 * through the view-model the form uses and through hlh-score's command line. Each must be
 * refused with a message that names the field, and nothing else may change. */

static GPtrArray *inputs;
static const char *hlh_score;

static void
load_inputs (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "hostile-inputs.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  inputs = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0' || g_str_has_prefix (lines[i], "#"))
        continue;
      g_ptr_array_add (inputs, g_strcompress (lines[i]));
    }
}

/* A plausible value to start from, so that "nothing changes" has something to keep. */
static char *
dup_baseline (HlhField field)
{
  const HlhFieldInfo *info = hlh_field_get_info (field);
  HlhUnit canonical = hlh_quantity_get_canonical (hlh_field_get_quantity (field));
  double value = hlh_unit_convert ((info->min + info->max) / 2, canonical, info->unit);

  return g_strdup_printf ("%.2f", value);
}

static void
test_view_model (void)
{
  g_autoptr(HlhCaseModel) model = hlh_case_model_new ();
  guint tried = 0;

  /* Every numeric field holds a value before the matrix starts. */
  for (guint f = 0; f < HLH_N_FIELDS; f++)
    {
      g_autofree char *baseline = NULL;
      if (hlh_field_get_info (f)->kind != HLH_FIELD_KIND_NUMBER)
        continue;
      baseline = dup_baseline (f);
      g_assert_true (hlh_case_model_set_text (model, f, baseline, hlh_field_get_info (f)->unit,
                                              NULL));
    }
  hlh_case_model_set_choice (model, HLH_FIELD_SPLENOMEGALY, HLH_ANSWER_YES);

  for (guint f = 0; f < HLH_N_FIELDS; f++)
    {
      const HlhFieldInfo *info = hlh_field_get_info (f);

      if (info->kind != HLH_FIELD_KIND_NUMBER)
        continue;
      for (guint i = 0; i < inputs->len; i++)
        {
          const char *input = inputs->pdata[i];
          g_autoptr(GError) error = NULL;
          HlhCase before = *hlh_case_model_get_case (model);
          HlhAssessment assessed = *hlh_case_model_get_assessment (model);
          guint revision = hlh_case_model_get_revision (model);

          hlh_case_model_end_editing (model);
          if (hlh_case_model_set_text (model, f, input, info->unit, &error))
            g_error ("%s accepted “%s”", info->id, input);
          g_assert_nonnull (error);
          if (strstr (error->message, _(info->label)) == NULL)
            g_error ("%s: the message for “%s” does not name the field: %s", info->id, input,
                     error->message);
          g_assert_cmpstr (hlh_case_model_get_refusal (model, f), ==, error->message);
          g_assert_cmpmem (&before, sizeof before, hlh_case_model_get_case (model), sizeof before);
          g_assert_cmpmem (&assessed, sizeof assessed, hlh_case_model_get_assessment (model),
                           sizeof assessed);
          g_assert_cmpuint (revision, ==, hlh_case_model_get_revision (model));
          tried++;
        }
      hlh_case_model_set_unknown (model, f);
      g_assert_null (hlh_case_model_get_refusal (model, f));
    }
  g_assert_cmpuint (inputs->len, >=, 100);
  g_test_message ("%u hostile inputs × numeric fields tried through the view-model", tried);
}

static void
test_hlh_score (void)
{
  guint tried = 0;

  for (guint f = 0; f < HLH_N_FIELDS; f++)
    {
      const HlhFieldInfo *info = hlh_field_get_info (f);

      if (info->kind != HLH_FIELD_KIND_NUMBER)
        continue;
      for (guint i = 0; i < inputs->len; i++)
        {
          g_autofree char *finding = g_strdup_printf ("%s=%s", info->id,
                                                      (const char *) inputs->pdata[i]);
          const char *argv[] = { hlh_score, finding, NULL };
          g_autofree char *out = NULL;
          g_autofree char *err = NULL;
          g_autoptr(GError) error = NULL;
          int status;

          g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                       &out, &err, &status, &error));
          g_assert_true (WIFEXITED (status));
          if (WEXITSTATUS (status) != 1)
            g_error ("hlh-score %s: exit status %d", finding, WEXITSTATUS (status));
          g_assert_cmpstr (out, ==, "");
          if (strstr (err, _(info->label)) == NULL)
            g_error ("hlh-score %s: the message does not name the field: %s", finding, err);
          tried++;
        }
    }
  g_test_message ("%u hostile findings refused by hlh-score", tried);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  hlh_score = g_getenv ("HLH_SCORE");
  load_inputs ();

  g_test_add_func ("/hlh/hostile/view-model", test_view_model);
  if (hlh_score != NULL)
    g_test_add_func ("/hlh/hostile/hlh-score", test_hlh_score);

  return g_test_run ();
}
