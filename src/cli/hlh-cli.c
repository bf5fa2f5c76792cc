/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "hlh-cli.h"
#include "hlh-csv.h"
#include "hlh-json.h"
#include "hlh-report-draw.h"

typedef struct
{
  gboolean  json;
  gboolean  units;
  gboolean  version;
  char     *case_path;
  char     *csv_path;
  char     *save_path;
  char     *pdf_path;
  char     *label;
  char     *paper;
  char    **findings;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->case_path);
  g_free (o->csv_path);
  g_free (o->save_path);
  g_free (o->pdf_path);
  g_free (o->label);
  g_free (o->paper);
  g_strfreev (o->findings);
}

static void
print_units (FILE *out)
{
  /* Translators: column headings of hlh-score --units: the finding's id, its default unit and
   * the unit spellings or answers accepted */
  const char *headings[] = { C_("units table", "FIELD"), C_("units table", "DEFAULT"),
                             C_("units table", "ACCEPTED") };

  fprintf (out, "%s%*s %s%*s %s\n",
           headings[0], MAX (32 - (int) g_utf8_strlen (headings[0], -1), 0), "",
           headings[1], MAX (10 - (int) g_utf8_strlen (headings[1], -1), 0), "", headings[2]);
  for (guint i = 0; i < HLH_N_FIELDS; i++)
    {
      const HlhFieldInfo *info = hlh_field_get_info (i);
      g_autoptr(GString) accepted = g_string_new (NULL);

      if (info->kind == HLH_FIELD_KIND_NUMBER)
        {
          for (guint u = 0; u < HLH_N_UNITS; u++)
            {
              const HlhUnitInfo *unit = hlh_unit_get_info (u);
              if (unit->quantity != hlh_field_get_quantity (i))
                continue;
              if (accepted->len > 0)
                g_string_append (accepted, " | ");
              for (guint k = 0; unit->spellings[k] != NULL; k++)
                g_string_append_printf (accepted, "%s%s", k > 0 ? " " : "", unit->spellings[k]);
            }
        }
      else
        {
          g_autofree char *words = hlh_field_dup_choice_words (i);
          g_string_append (accepted, words);
        }
      {
        /* Padded by characters, not bytes: "×10⁹/L" is six characters in eleven bytes. */
        const char *unit = info->kind == HLH_FIELD_KIND_NUMBER ? hlh_unit_get_symbol (info->unit)
                                                               : "-";
        int pad = 10 - (int) g_utf8_strlen (unit, -1);
        fprintf (out, "%-32s %s%*s %s\n", info->id, unit, MAX (pad, 0), "", accepted->str);
      }
    }
  fprintf (out, "\n%s\n", _("triggers: ids separated by commas, e.g. triggers=ebv,hiv"));
  for (guint g = 0; g < HLH_N_TRIGGER_GROUPS; g++)
    {
      fprintf (out, "  %s:", _(hlh_trigger_group_get_info (g)->label));
      for (guint t = 0; t < HLH_N_TRIGGERS; t++)
        if (hlh_trigger_get_info (t)->group == g)
          fprintf (out, " %s", hlh_trigger_get_info (t)->id);
      fputc ('\n', out);
    }
  fprintf (out, "\n%s\n", _("Numbers on the command line may use “,” or “.” as the decimal "
                            "mark; CSV and case files use “.”. A finding not given is unknown."));
}

static gboolean
parse_options (Options  *o,
               int      *argc,
               char   ***argv,
               GError  **error)
{
  const GOptionEntry entries[] = {
    { "json", 'j', 0, G_OPTION_ARG_NONE, &o->json, N_("Print the result as JSON"), NULL },
    { "case", 'c', 0, G_OPTION_ARG_FILENAME, &o->case_path,
      N_("Score a saved case file (findings given too override it)"), N_("FILE") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &o->csv_path,
      N_("Score a batch, one case per row (- for standard input)"), N_("FILE") },
    { "save", 0, 0, G_OPTION_ARG_FILENAME, &o->save_path,
      N_("Write the case to a case file instead of printing the report"), N_("FILE") },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &o->pdf_path,
      N_("Write the report as a PDF instead of printing it"), N_("FILE") },
    { "label", 0, 0, G_OPTION_ARG_STRING, &o->label,
      N_("A free-text label for the report, e.g. initials or bed (optional)"), N_("TEXT") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &o->paper,
      N_("Paper size of the PDF: a4 (the default) or letter"), N_("SIZE") },
    { "units", 0, 0, G_OPTION_ARG_NONE, &o->units,
      N_("List the findings, their default units and accepted spellings"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &o->version, N_("Print the version"), NULL },
    /* Taken as given, not converted: a finding that is not UTF-8 is refused by the core with a
     * message naming its field, rather than by GOption with one that names nothing. */
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->findings, NULL,
      N_("FINDING…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);

  g_option_context_set_summary (context,
    _("Scores a case for haemophagocytic lymphohistiocytosis (HScore, HLH-2004, MAS 2016, "
      "MS score, OHI, CAR-T HLH/MAS, IEC-HS checklist).\n\n"
      "A FINDING is field=value, e.g. ferritin=8400 \"temperature=39.6 °C\" "
      "triglycerides=310mg/dL hepatomegaly=yes nk_activity=low triggers=ebv.\n"
      "Without a unit the field's default unit applies; a finding not given is unknown."));
  g_option_context_set_description (context,
    _("With --save or --pdf nothing is printed unless --json is given too.\n\n"
      "Exit status: 0 scored; 1 input refused (the message names the field); 2 usage error; "
      "3 some CSV rows could not be scored.\n\n"
      "Decision support for clinicians, not a diagnosis."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  return g_option_context_parse (context, argc, argv, error);
}

static int
run_csv (const Options *o,
         FILE          *out,
         FILE          *err)
{
  g_autoptr(GError) error = NULL;
  gboolean from_stdin = strcmp (o->csv_path, "-") == 0;
  FILE *in = from_stdin ? stdin : g_fopen (o->csv_path, "rb");
  guint64 n_rows, n_failed;
  gboolean ok;

  if (in == NULL)
    {
      g_autofree char *name = g_filename_display_name (o->csv_path);
      fprintf (err, _("hlh-score: could not open “%s”: %s\n"), name, g_strerror (errno));
      return HLH_EXIT_REFUSED;
    }
  ok = hlh_csv_score (in, out, err, &n_rows, &n_failed, &error);
  if (!from_stdin)
    fclose (in);
  if (!ok)
    {
      fprintf (err, "hlh-score: %s\n", error->message);
      return HLH_EXIT_REFUSED;
    }
  return n_failed > 0 ? HLH_EXIT_ROWS_FAILED : HLH_EXIT_OK;
}

static int
run_case (const Options *o,
          FILE          *out,
          FILE          *err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(HlhTeaching) teaching = NULL;
  g_autofree char *text = NULL;
  HlhPaper paper = HLH_PAPER_A4;
  HlhAssessment a;
  HlhCase c;

  if (o->paper != NULL && !hlh_paper_lookup (o->paper, &paper))
    {
      fprintf (err, _("hlh-score: unknown paper size “%s”; use a4 or letter\n"), o->paper);
      return HLH_EXIT_USAGE;
    }
  hlh_case_init (&c);
  if (o->case_path != NULL && !hlh_case_load_file_full (&c, &teaching, o->case_path, &error))
    {
      fprintf (err, "hlh-score: %s\n", error->message);
      return HLH_EXIT_REFUSED;
    }
  for (guint i = 0; o->findings != NULL && o->findings[i] != NULL; i++)
    {
      if (!hlh_case_parse_finding (&c, o->findings[i], &error))
        {
          fprintf (err, "hlh-score: %s\n", error->message);
          return HLH_EXIT_REFUSED;
        }
    }

  hlh_assess (&c, &a);
  if (o->save_path != NULL &&
      !hlh_case_save_file_full (&c, teaching, o->save_path, FALSE, NULL, &error))
    {
      fprintf (err, "hlh-score: %s\n", error->message);
      return HLH_EXIT_REFUSED;
    }
  if (o->pdf_path != NULL &&
      !hlh_report_write_pdf (&c, &a, now, o->label, teaching, paper, o->pdf_path, &error))
    {
      fprintf (err, "hlh-score: %s\n", error->message);
      return HLH_EXIT_REFUSED;
    }
  if (o->json)
    text = hlh_json_assessment (&c, &a);
  else if (o->save_path == NULL && o->pdf_path == NULL)
    text = hlh_report_text (&c, &a, now, o->label, teaching);
  if (text != NULL)
    fputs (text, out);
  return HLH_EXIT_OK;
}

/**
 * hlh_cli_run:
 *
 * The whole of `hlh-score`, writing to @out and @err so that it can be tested in-process.
 *
 * Returns: the exit status
 */
int
hlh_cli_run (int    argc,
             char **argv,
             FILE  *out,
             FILE  *err)
{
  g_autoptr(GError) error = NULL;
  Options o = { 0, };
  int status;

  if (!parse_options (&o, &argc, &argv, &error))
    {
      fprintf (err, _("hlh-score: %s (try hlh-score --help)\n"), error->message);
      options_clear (&o);
      return HLH_EXIT_USAGE;
    }

  if (o.version)
    {
      fprintf (out, "hlh-score %s\n", PACKAGE_VERSION);
      status = HLH_EXIT_OK;
    }
  else if (o.units)
    {
      print_units (out);
      status = HLH_EXIT_OK;
    }
  else if (o.csv_path != NULL && (o.case_path != NULL || o.findings != NULL || o.json ||
                                   o.save_path != NULL || o.pdf_path != NULL ||
                                   o.label != NULL || o.paper != NULL))
    {
      fprintf (err, _("hlh-score: --csv scores a batch on its own; it takes no findings, "
                      "--case, --json, --save, --pdf, --label or --paper\n"));
      status = HLH_EXIT_USAGE;
    }
  else if (o.csv_path != NULL)
    status = run_csv (&o, out, err);
  else
    status = run_case (&o, out, err);

  options_clear (&o);
  return status;
}
