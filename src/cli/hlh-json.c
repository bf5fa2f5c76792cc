/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "hlh-json.h"

/* `hlh-score --json`: a stable contract, documented in README.md. Ids never change; new keys
 * may be added. */

typedef struct
{
  GString *s;
  gboolean first;
} Json;

static void
json_string (GString    *s,
             const char *text)
{
  g_string_append_c (s, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar ch = (guchar) *p;
      switch (ch)
        {
        case '"':
          g_string_append (s, "\\\"");
          break;
        case '\\':
          g_string_append (s, "\\\\");
          break;
        case '\n':
          g_string_append (s, "\\n");
          break;
        case '\t':
          g_string_append (s, "\\t");
          break;
        default:
          if (ch < 0x20)
            g_string_append_printf (s, "\\u%04x", ch);
          else
            g_string_append_c (s, (char) ch);
        }
    }
  g_string_append_c (s, '"');
}

static void
key (Json       *j,
     const char *name)
{
  if (!j->first)
    g_string_append_c (j->s, ',');
  j->first = FALSE;
  if (name != NULL)
    {
      json_string (j->s, name);
      g_string_append_c (j->s, ':');
    }
}

static void
open_ (Json       *j,
       const char *name,
       char        bracket)
{
  key (j, name);
  g_string_append_c (j->s, bracket);
  j->first = TRUE;
}

static void
close_ (Json *j,
        char  bracket)
{
  g_string_append_c (j->s, bracket);
  j->first = FALSE;
}

static void
put_string (Json       *j,
            const char *name,
            const char *value)
{
  key (j, name);
  json_string (j->s, value);
}

static void
put_owned_string (Json       *j,
                  const char *name,
                  char       *value)
{
  put_string (j, name, value);
  g_free (value);
}

static void
put_int (Json       *j,
         const char *name,
         int         value)
{
  key (j, name);
  g_string_append_printf (j->s, "%d", value);
}

static void
put_bool (Json       *j,
          const char *name,
          gboolean    value)
{
  key (j, name);
  g_string_append (j->s, value ? "true" : "false");
}

static void
put_number (Json       *j,
            const char *name,
            double      value,
            const char *format)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  key (j, name);
  g_string_append (j->s, g_ascii_formatd (buf, sizeof buf, format, value));
}

static void
put_null (Json       *j,
          const char *name)
{
  key (j, name);
  g_string_append (j->s, "null");
}

static void
put_criteria (Json               *j,
              const HlhCriterion *(*get) (guint),
              const HlhState     *states,
              guint               n,
              const HlhCase      *c)
{
  open_ (j, "criteria", '[');
  for (guint i = 0; i < n; i++)
    {
      open_ (j, NULL, '{');
      put_string (j, "id", get (i)->id);
      put_string (j, "state", hlh_state_to_string (states[i]));
      put_owned_string (j, "basis", hlh_criterion_dup_basis (get (i), c));
      put_owned_string (j, "rule", hlh_criterion_describe (get (i)));
      if (get (i)->note != NULL)
        put_string (j, "note", _(get (i)->note));
      close_ (j, '}');
    }
  close_ (j, ']');
}

static void
put_hscore (Json                *j,
            const HlhAssessment *a,
            const HlhCase       *c)
{
  const HlhHScore *h = &a->hscore;

  open_ (j, "hscore", '{');
  put_int (j, "min", h->min);
  put_int (j, "max", h->max);
  put_bool (j, "complete", h->complete);
  put_int (j, "cutoff", HLH_HSCORE_CUTOFF);
  put_string (j, "reaches_cutoff", hlh_verdict_to_string (h->reaches_cutoff));
  open_ (j, "probability", '{');
  put_number (j, "min_percent", h->probability_min, "%.1f");
  put_number (j, "max_percent", h->probability_max, "%.1f");
  put_owned_string (j, "text", hlh_hscore_probability_text (h->min, h->max));
  close_ (j, '}');
  open_ (j, "items", '[');
  for (guint i = 0; i < HLH_HSCORE_N_ITEMS; i++)
    {
      open_ (j, NULL, '{');
      put_string (j, "id", hlh_hscore_get_item (i)->criterion.id);
      put_int (j, "min", h->items[i].min);
      put_int (j, "max", h->items[i].max);
      put_bool (j, "known", h->items[i].known);
      put_owned_string (j, "basis", hlh_hscore_dup_item_basis (i, c));
      close_ (j, '}');
    }
  close_ (j, ']');
  close_ (j, '}');
}

static void
put_hlh2004 (Json                *j,
             const HlhAssessment *a,
             const HlhCase       *c)
{
  const HlhHlh2004 *r = &a->hlh2004;

  open_ (j, "hlh2004", '{');
  put_int (j, "met", r->met);
  put_int (j, "unknown", r->unknown);
  put_int (j, "not_met", r->not_met);
  put_string (j, "status", hlh_status_to_string (r->status));
  put_int (j, "still_needed", r->status == HLH_STATUS_FULFILLED ? 0 : r->still_needed);
  put_bool (j, "molecular_diagnosis", r->molecular);
  put_owned_string (j, "text", hlh_hlh2004_dup_status_text (r));
  put_criteria (j, hlh_hlh2004_get_criterion, r->criteria, HLH_HLH2004_N_CRITERIA, c);
  close_ (j, '}');
}

static void
put_mas (Json                *j,
         const HlhAssessment *a,
         const HlhCase       *c)
{
  const HlhMsScore *ms = &a->ms_score;

  open_ (j, "mas2016", '{');
  put_string (j, "status", hlh_status_to_string (a->mas2016.status));
  put_string (j, "febrile", hlh_state_to_string (a->mas2016.febrile));
  put_criteria (j, hlh_mas2016_get_criterion, a->mas2016.criteria, HLH_MAS2016_N_CRITERIA, c);
  close_ (j, '}');

  open_ (j, "ms_score", '{');
  if (ms->computed)
    put_number (j, "value", ms->value, "%.4f");
  else
    put_null (j, "value");
  put_string (j, "suggests_mas", hlh_verdict_to_string (ms->suggests_mas));
  put_number (j, "cutoff", HLH_MSSCORE_CUTOFF, "%.1f");
  put_bool (j, "applicable", ms->applicable);
  open_ (j, "missing", '[');
  for (guint i = 0; i < ms->n_missing; i++)
    put_string (j, NULL, hlh_field_get_info (ms->missing[i])->id);
  close_ (j, ']');
  close_ (j, '}');
}

static void
put_iec (Json                *j,
         const HlhAssessment *a,
         const HlhCase       *c)
{
  const HlhIechs *iechs = &a->iechs;

  open_ (j, "cartox2018", '{');
  put_string (j, "status", hlh_cartox_status_to_string (a->cartox.status));
  put_bool (j, "applicable", a->cartox.applicable);
  put_criteria (j, hlh_cartox_get_criterion, a->cartox.criteria, HLH_CARTOX_N_CRITERIA, c);
  close_ (j, '}');

  open_ (j, "iechs", '{');
  put_bool (j, "applicable", iechs->applicable);
  if (iechs->grade > 0)
    put_int (j, "grade", iechs->grade);
  else
    put_null (j, "grade");
  put_int (j, "common_met", iechs->common.met);
  put_int (j, "common_unknown", iechs->common.unknown);
  put_int (j, "other_met", iechs->other.met);
  put_int (j, "other_unknown", iechs->other.unknown);
  open_ (j, "items", '[');
  for (guint i = 0; i < HLH_IECHS_N_ITEMS; i++)
    {
      open_ (j, NULL, '{');
      put_string (j, "id", hlh_iechs_get_item (i)->id);
      put_string (j, "state", hlh_state_to_string (iechs->items[i]));
      put_bool (j, "common", i < HLH_IECHS_N_COMMON);
      put_owned_string (j, "basis", hlh_iechs_dup_basis (i, c));
      close_ (j, '}');
    }
  close_ (j, ']');
  close_ (j, '}');
}

static void
put_notes (Json       *j,
           const char *name,
           GPtrArray  *notes)
{
  open_ (j, name, '[');
  for (guint i = 0; i < notes->len; i++)
    {
      HlhNote *note = notes->pdata[i];
      open_ (j, NULL, '{');
      put_string (j, "set", note->set);
      put_string (j, "finding", note->id);
      put_string (j, "text", note->text);
      close_ (j, '}');
    }
  close_ (j, ']');
}

/**
 * hlh_json_assessment:
 *
 * Returns: (transfer full): the assessment as one JSON object, ending in a newline
 */
static char *
assessment_json (const HlhCase       *c,
                 const HlhAssessment *a)
{
  Json j = { g_string_new (NULL), TRUE };
  g_autoptr(GPtrArray) decisive = hlh_assessment_dup_decisive (a, c);
  g_autoptr(GPtrArray) warnings = hlh_assessment_dup_warnings (a, c);

  open_ (&j, NULL, '{');
  put_int (&j, "format", HLH_JSON_FORMAT);
  put_string (&j, "generator", "hlh-score " PACKAGE_VERSION);
  put_hscore (&j, a, c);
  put_hlh2004 (&j, a, c);
  put_mas (&j, a, c);
  open_ (&j, "ohi", '{');
  put_string (&j, "status", hlh_ohi_status_to_string (a->ohi.status));
  put_bool (&j, "relevant", a->ohi.relevant);
  put_criteria (&j, hlh_ohi_get_criterion, a->ohi.criteria, HLH_OHI_N_CRITERIA, c);
  close_ (&j, '}');
  put_iec (&j, a, c);
  put_notes (&j, "decisive", decisive);
  put_notes (&j, "warnings", warnings);
  put_string (&j, "disclaimer", _(hlh_disclaimer));
  close_ (&j, '}');
  g_string_append_c (j.s, '\n');
  return g_string_free (j.s, FALSE);
}

/**
 * hlh_json_assessment:
 *
 * JSON is for programs: its texts are the same on every machine, in English with "." as the
 * decimal mark, whatever the locale (the texts are written under the C locale, for this
 * thread only).
 *
 * Returns: (transfer full): the assessment as one JSON object, ending in a newline
 */
char *
hlh_json_assessment (const HlhCase       *c,
                     const HlhAssessment *a)
{
  locale_t c_locale = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
  locale_t previous;
  char *text;

  if (c_locale == (locale_t) 0)
    return assessment_json (c, a);
  previous = uselocale (c_locale);
  text = assessment_json (c, a);
  uselocale (previous);
  freelocale (c_locale);
  return text;
}
