/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "hlh-csv.h"
#include "hlh-error.h"

/* hlh-score --csv, in process: quoting, header units, bad rows, streaming. */

typedef struct
{
  gboolean ok;
  guint64  rows;
  guint64  failed;
  char    *out;
  char    *err;
  GError  *error;
} Result;

static void
result_clear (Result *r)
{
  g_free (r->out);
  g_free (r->err);
  g_clear_error (&r->error);
}

static void
run (const char *input,
     gsize       length,
     Result     *r)
{
  FILE *in = fmemopen ((void *) input, length, "r");
  char *out_buf = NULL, *err_buf = NULL;
  size_t out_len = 0, err_len = 0;
  FILE *out = open_memstream (&out_buf, &out_len);
  FILE *err = open_memstream (&err_buf, &err_len);

  memset (r, 0, sizeof *r);
  r->ok = hlh_csv_score (in, out, err, &r->rows, &r->failed, &r->error);
  fclose (in);
  fclose (out);
  fclose (err);
  r->out = g_strdup (out_buf);
  r->err = g_strdup (err_buf);
  free (out_buf);
  free (err_buf);
}

static char **
lines_of (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines);

  g_assert_cmpstr (lines[n - 1], ==, "");   /* every line ends in a newline */
  g_free (lines[n - 1]);
  lines[n - 1] = NULL;
  return g_steal_pointer (&lines);
}

static void
test_basic (void)
{
  /* Row a: all normal, clinical case 12 of cases.tsv (HScore 0, HLH-2004 0 met).
   * Row b: HScore 49+38+34+50+30 = 201 with marrow etc. unknown; see the comment below. */
  const char *input =
    "id,temperature,hepatomegaly,splenomegaly,immunosuppression,hemoglobin,leukocytes,"
    "neutrophils,platelets,ferritin,triglycerides[mg/dL],fibrinogen,ast,"
    "hemophagocytosis_marrow,hemophagocytosis_other,nk_activity,scd25,molecular_diagnosis\n"
    "a,36.8,no,no,no,14,7,4,250,120,88.57,3.0,22,no,no,normal,800,no\n"
    "b,40,yes,yes,,9,4,,100,7000,,2,,,,,,\n";
  g_auto(GStrv) lines = NULL;
  Result r;

  run (input, strlen (input), &r);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  g_assert_cmpuint (r.rows, ==, 2);
  g_assert_cmpuint (r.failed, ==, 0);
  lines = lines_of (r.out);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, "id,hscore_min,hscore_max,hscore_probability_min,"
                                 "hscore_probability_max,hlh2004_met,hlh2004_unknown,"
                                 "hlh2004_status,mas2016_status,ms_score,ohi_status,error");
  /* 88.57 mg/dL = 1.0 mmol/L: 0 points; everything normal. */
  g_assert_cmpstr (lines[1], ==, "a,0,0,1.0,1.0,0,0,not_fulfilled,not_applicable,,negative,");
  /* b: 49 + 38 + 34 + 50 + 30 = 201 known; immunosuppression +18, triglycerides +64,
   * AST +19, marrow +35 unknown: 201..337. Probability 88 + 0.1 × 5 = 88.5 .. >99.
   * HLH-2004 met: fever, spleen, ferritin = 3. Unknown: cytopenias (platelets 100 is not
   * < 100, neutrophils unknown, and Hb 90 g/L counts only under 4 weeks of age while the age
   * is unknown), TG/fibrinogen (TG unknown, fibrinogen 2 > 1.5), haemophagocytosis, NK,
   * sCD25 = 5. */
  g_assert_cmpstr (lines[2], ==, "b,201,337,88.5,99.0,3,5,undetermined,not_applicable,,"
                                 "undetermined,");
  g_assert_cmpstr (r.err, ==, "");
  result_clear (&r);
}

static void
test_bad_rows (void)
{
  const char *input =
    "id,ferritin,temperature\n"
    "ok1,2000,39\n"
    "bad-number,\"12,000\",39\n"
    "implausible,2000,101.3\n"
    "short,2000\n"
    "ok2,6001,\n";
  g_auto(GStrv) lines = NULL;
  Result r;

  run (input, strlen (input), &r);
  g_assert_true (r.ok);
  g_assert_cmpuint (r.rows, ==, 5);
  g_assert_cmpuint (r.failed, ==, 3);
  lines = lines_of (r.out);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_true (g_str_has_prefix (lines[1], "ok1,"));
  g_assert_true (g_str_has_prefix (lines[2], "bad-number,,,,,,,,,,,"));
  g_assert_nonnull (strstr (lines[2], "Ferritin"));
  g_assert_true (g_str_has_prefix (lines[3], "implausible,,,,,,,,,,,"));
  g_assert_nonnull (strstr (lines[3], "°F"));
  g_assert_true (g_str_has_prefix (lines[4], "short,,,,,,,,,,,"));
  /* Every other row is still scored: 6001 ng/mL = 50 points. */
  g_assert_true (g_str_has_prefix (lines[5], "ok2,50,"));
  /* Messages on stderr carry the line number. */
  g_assert_nonnull (strstr (r.err, "line 3: "));
  g_assert_nonnull (strstr (r.err, "line 4: "));
  g_assert_nonnull (strstr (r.err, "line 5: "));
  g_assert_null (strstr (r.err, "line 2: "));
  result_clear (&r);
}

static void
test_quoting (void)
{
  const char *input =
    "\"id\",ferritin,\"triggers\"\r\n"
    "\"Bed 4, \"\"left\"\"\",2000,\"ebv,hiv\"\r\n"
    "\"two\nlines\",2000,\r\n";
  g_auto(GStrv) lines = NULL;
  Result r;

  run (input, strlen (input), &r);
  g_assert_no_error (r.error);
  g_assert_cmpuint (r.failed, ==, 0);
  /* HIV sets immunosuppression: 35 + 18 = 53 known. */
  g_assert_true (g_str_has_prefix (r.out + strcspn (r.out, "\n") + 1,
                                   "\"Bed 4, \"\"left\"\"\",53,"));
  g_assert_nonnull (strstr (r.out, "\"two\nlines\",35,"));
  lines = NULL;
  result_clear (&r);
}

static void
test_units_in_cells (void)
{
  const char *input =
    "ferritin,temperature[F],hemoglobin[g/L]\n"
    "4494 pmol/L,101.12,92\n";
  Result r;

  run (input, strlen (input), &r);
  g_assert_no_error (r.error);
  g_assert_cmpuint (r.failed, ==, 0);
  /* 4494 pmol/L = 2000 ng/mL: 35; 101.12 °F = 38.4 °C: 33. */
  g_assert_nonnull (strstr (r.out, "\n,68,"));
  result_clear (&r);
}

typedef struct
{
  const char *name;
  const char *input;
  HlhError    code;
} BadHeader;

static const BadHeader bad_headers[] = {
  { "empty", "", HLH_ERROR_FORMAT },
  { "unknown column", "id,ferritine\n1,2\n", HLH_ERROR_FIELD },
  { "unknown unit", "ferritin[mg/dL]\n2\n", HLH_ERROR_UNIT },
  { "unit on a word", "splenomegaly[g/L]\nyes\n", HLH_ERROR_UNIT },
  { "open bracket", "ferritin[ng/mL\n2\n", HLH_ERROR_FORMAT },
  { "twice", "ferritin,ferritin\n1,2\n", HLH_ERROR_FORMAT },
};

static void
test_bad_header (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_headers); i++)
    {
      Result r;

      g_test_message ("%s", bad_headers[i].name);
      run (bad_headers[i].input, strlen (bad_headers[i].input), &r);
      g_assert_false (r.ok);
      g_assert_error (r.error, HLH_ERROR, (gint) bad_headers[i].code);
      result_clear (&r);
    }
}

/* A huge row is refused as one row error; memory stays bounded and later rows are scored. */
static void
test_long_row (void)
{
  g_autoptr(GString) input = g_string_new ("id,ferritin\n");
  Result r;

  g_string_append (input, "huge,");
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (input, '1');
  g_string_append (input, "\nnext,2000\n");
  run (input->str, input->len, &r);
  g_assert_true (r.ok);
  g_assert_cmpuint (r.rows, ==, 2);
  g_assert_cmpuint (r.failed, ==, 1);
  g_assert_nonnull (strstr (r.out, "next,35,"));
  g_assert_nonnull (strstr (r.err, "line 2: "));
  result_clear (&r);
}

static void
test_byte_order_mark (void)
{
  const char *input = "\xEF\xBB\xBFid,ferritin\nx,2000\n";
  Result r;

  run (input, strlen (input), &r);
  g_assert_no_error (r.error);
  g_assert_nonnull (strstr (r.out, "\nx,35,"));
  result_clear (&r);
}

static void
test_blank_lines_skipped (void)
{
  const char *input = "ferritin\n\n2000\n\n";
  Result r;

  run (input, strlen (input), &r);
  g_assert_cmpuint (r.rows, ==, 1);
  g_assert_cmpuint (r.failed, ==, 0);
  result_clear (&r);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hlh/csv/basic", test_basic);
  g_test_add_func ("/hlh/csv/bad-rows", test_bad_rows);
  g_test_add_func ("/hlh/csv/quoting", test_quoting);
  g_test_add_func ("/hlh/csv/units-in-cells", test_units_in_cells);
  g_test_add_func ("/hlh/csv/bad-header", test_bad_header);
  g_test_add_func ("/hlh/csv/long-row", test_long_row);
  g_test_add_func ("/hlh/csv/blank-lines-skipped", test_blank_lines_skipped);
  g_test_add_func ("/hlh/csv/byte-order-mark", test_byte_order_mark);
  return g_test_run ();
}
