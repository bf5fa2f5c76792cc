/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hlh-assess.h"
#include "hlh-csv.h"
#include "hlh-error.h"
#include "hlh-parse.h"

/* `hlh-score --csv`: one case per row, streamed, so memory does not grow with the input.
 * Cells are in the machine format ("." decimals, no grouping); an empty cell is unknown. */

typedef enum
{
  COLUMN_FIELD,
  COLUMN_ID,
  COLUMN_TRIGGERS,
} ColumnKind;

typedef struct
{
  ColumnKind kind;
  HlhField   field;
  HlhUnit    unit;
  gboolean   numeric;
} Column;

typedef struct
{
  char  *text;
  gsize  length;
} Cell;

#define BLOCK_SIZE (64 * 1024)

typedef struct
{
  FILE     *in;
  char     *block;
  gsize     block_pos;
  gsize     block_len;
  gboolean  eof;
  GString  *record;
  guint64   line;
  guint64   next_line;
  gboolean  too_long;
  Cell      cells[HLH_CSV_MAX_COLUMNS];
  guint     n_cells;
  gboolean  too_many_cells;
} Reader;

static gboolean
fill_block (Reader *r)
{
  if (r->eof)
    return FALSE;
  r->block_len = fread (r->block, 1, BLOCK_SIZE, r->in);
  r->block_pos = 0;
  if (r->block_len == 0)
    r->eof = TRUE;
  return r->block_len > 0;
}

static void
append_limited (Reader     *r,
                const char *data,
                gsize       length)
{
  gsize room = HLH_CSV_MAX_RECORD - MIN (r->record->len, HLH_CSV_MAX_RECORD);

  if (length > room)
    r->too_long = TRUE;
  g_string_append_len (r->record, data, MIN (length, room));
}

static gboolean
odd_quotes (const char *data,
            gsize       length)
{
  gboolean odd = FALSE;

  for (const char *p = memchr (data, '"', length); p != NULL;
       p = memchr (p + 1, '"', length - (p + 1 - data)))
    odd = !odd;
  return odd;
}

/* Reads one record, which a quoted cell may spread over several lines. Reads in blocks;
 * only the record (at most HLH_CSV_MAX_RECORD bytes of it) is kept. */
static gboolean
read_record (Reader *r)
{
  gboolean quoted = FALSE, any = FALSE;

  g_string_truncate (r->record, 0);
  r->too_long = FALSE;
  r->line = r->next_line;
  for (;;)
    {
      const char *start, *newline;
      gsize available;

      if (r->block_pos >= r->block_len && !fill_block (r))
        break;
      any = TRUE;
      start = r->block + r->block_pos;
      available = r->block_len - r->block_pos;
      newline = memchr (start, '\n', available);
      if (newline == NULL)
        {
          quoted ^= odd_quotes (start, available);
          append_limited (r, start, available);
          r->block_pos = r->block_len;
          continue;
        }
      quoted ^= odd_quotes (start, newline - start);
      r->block_pos += newline - start + 1;
      r->next_line++;
      if (quoted)
        {
          append_limited (r, start, newline - start + 1);
          continue;
        }
      append_limited (r, start, newline - start);
      break;
    }
  if (!any)
    return FALSE;
  if (r->record->len > 0 && r->record->str[r->record->len - 1] == '\r')
    g_string_truncate (r->record, r->record->len - 1);
  return TRUE;
}

/* Splits the record in place, undoing the quoting: "a ""b""" is a "b". */
static void
split_record (Reader *r)
{
  char *p = r->record->str, *end = p + r->record->len;

  r->n_cells = 0;
  r->too_many_cells = FALSE;
  for (;;)
    {
      char *out = p, *start = p;

      if (p < end && *p == '"')
        {
          p++;
          while (p < end)
            {
              if (*p == '"' && p + 1 < end && p[1] == '"')
                *out++ = '"', p += 2;
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                *out++ = *p++;
            }
          while (p < end && *p != ',')
            *out++ = *p++;
        }
      else
        {
          while (p < end && *p != ',')
            p++;
          out = p;
        }
      if (r->n_cells == HLH_CSV_MAX_COLUMNS)
        {
          r->too_many_cells = TRUE;
          return;
        }
      r->cells[r->n_cells++] = (Cell) { start, out - start };
      if (p >= end)
        {
          *out = '\0';
          return;
        }
      *out = '\0';
      p++;
    }
}

static gboolean
parse_header (Reader   *r,
              Column   *columns,
              GError  **error)
{
  guint64 seen_fields = 0, seen_fields_hi = 0;
  gboolean seen_id = FALSE, seen_triggers = FALSE;

  if (r->too_long || r->too_many_cells)
    {
      g_set_error (error, HLH_ERROR, HLH_ERROR_FORMAT, _("The CSV header is too long"));
      return FALSE;
    }
  for (guint i = 0; i < r->n_cells; i++)
    {
      g_autofree char *name = g_strstrip (g_strndup (r->cells[i].text, r->cells[i].length));
      char *bracket = strchr (name, '[');
      char *unit_text = NULL;
      gboolean *seen = NULL;

      if (bracket != NULL)
        {
          gsize n = strlen (bracket);
          if (n < 2 || bracket[n - 1] != ']')
            {
              g_set_error (error, HLH_ERROR, HLH_ERROR_FORMAT,
                           _("CSV column %u “%s”: write the unit in brackets, e.g. "
                             "triglycerides[mg/dL]"), i + 1, name);
              return FALSE;
            }
          bracket[n - 1] = '\0';
          *bracket = '\0';
          unit_text = g_strstrip (bracket + 1);
          g_strchomp (name);
        }

      if (g_ascii_strcasecmp (name, "id") == 0)
        columns[i].kind = COLUMN_ID, seen = &seen_id;
      else if (g_ascii_strcasecmp (name, "triggers") == 0)
        columns[i].kind = COLUMN_TRIGGERS, seen = &seen_triggers;
      else if (hlh_field_lookup (name, -1, &columns[i].field))
        {
          guint64 *set = columns[i].field < 64 ? &seen_fields : &seen_fields_hi;
          guint64 bit = G_GUINT64_CONSTANT (1) << (columns[i].field % 64);

          columns[i].kind = COLUMN_FIELD;
          columns[i].unit = hlh_field_get_info (columns[i].field)->unit;
          columns[i].numeric = hlh_field_get_info (columns[i].field)->kind == HLH_FIELD_KIND_NUMBER;
          if (*set & bit)
            {
              g_set_error (error, HLH_ERROR, HLH_ERROR_FORMAT,
                           _("CSV column %u: “%s” appears twice"), i + 1, name);
              return FALSE;
            }
          *set |= bit;
          if (unit_text != NULL && (hlh_field_get_info (columns[i].field)->kind !=
                                    HLH_FIELD_KIND_NUMBER ||
                                    !hlh_unit_lookup (hlh_field_get_quantity (columns[i].field),
                                                      unit_text, -1, &columns[i].unit)))
            {
              g_autofree char *accepted = hlh_field_dup_choice_words (columns[i].field);
              g_set_error (error, HLH_ERROR, HLH_ERROR_UNIT,
                           _("CSV column %u “%s”: “%s” is not a unit of this finding; use %s"),
                           i + 1, name, unit_text, accepted);
              return FALSE;
            }
          continue;
        }
      else
        {
          g_set_error (error, HLH_ERROR, HLH_ERROR_FIELD,
                       _("CSV column %u: “%s” is not a finding this calculator knows "
                         "(see hlh-score --units)"), i + 1, name);
          return FALSE;
        }
      if (*seen)
        {
          g_set_error (error, HLH_ERROR, HLH_ERROR_FORMAT, _("CSV column %u: “%s” appears twice"),
                       i + 1, name);
          return FALSE;
        }
      *seen = TRUE;
    }
  return TRUE;
}

static gboolean
fill_case (HlhCase       *c,
           const Reader  *r,
           const Column  *columns,
           guint          n_columns,
           GError       **error)
{
  if (r->too_long)
    {
      g_set_error (error, HLH_ERROR, HLH_ERROR_TOO_LONG, _("the row is longer than %d bytes"),
                   HLH_CSV_MAX_RECORD);
      return FALSE;
    }
  if (r->too_many_cells || r->n_cells != n_columns)
    {
      g_set_error (error, HLH_ERROR, HLH_ERROR_FORMAT,
                   _("the row has %u cells where the header has %u"), r->n_cells, n_columns);
      return FALSE;
    }

  hlh_case_init (c);
  for (guint i = 0; i < n_columns; i++)
    {
      const Cell *cell = &r->cells[i];
      double number;
      int choice;

      if (columns[i].kind == COLUMN_ID || cell->length == 0)
        continue;
      if (columns[i].kind == COLUMN_TRIGGERS)
        {
          if (!hlh_case_set_triggers_from_text (c, cell->text, error))
            return FALSE;
        }
      else if (!columns[i].numeric &&
               hlh_field_lookup_choice (columns[i].field, cell->text, cell->length, &choice))
        hlh_case_set_choice (c, columns[i].field, choice);
      else if (columns[i].numeric &&
               hlh_parse_machine_number (cell->text, cell->length, &number, NULL))
        {
          /* The common case, without allocating: a bare number in the column's unit. */
          if (!hlh_case_set_number (c, columns[i].field, number, columns[i].unit, error))
            return FALSE;
        }
      else if (!hlh_case_set_from_text (c, columns[i].field, cell->text, columns[i].unit,
                                        TRUE, error))
        return FALSE;
    }
  return TRUE;
}

static void
append_csv_text (GString    *s,
                 const char *text,
                 gsize       length)
{
  if (memchr (text, ',', length) == NULL && memchr (text, '"', length) == NULL &&
      memchr (text, '\n', length) == NULL && memchr (text, '\r', length) == NULL)
    {
      g_string_append_len (s, text, length);
      return;
    }
  g_string_append_c (s, '"');
  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, text[i]);
    }
  g_string_append_c (s, '"');
}

/* printf would do, at a cost a batch of millions notices; values are small and the output
 * is machine format ("." decimals whatever the locale). */
static void
append_int (GString *s,
            gint64   value)
{
  char buf[24], *p = buf + sizeof buf;
  guint64 v = value < 0 ? (guint64) -value : (guint64) value;

  do
    *--p = (char) ('0' + v % 10);
  while ((v /= 10) != 0);
  if (value < 0)
    *--p = '-';
  while (p < buf + sizeof buf)
    g_string_append_c (s, *p++);
}

static void
append_fixed (GString *s,
              double   value,
              guint    decimals)
{
  static const gint64 scale[] = { 1, 10, 100, 1000, 10000 };
  gint64 scaled = llround (value * scale[decimals]);
  gint64 whole = scaled / scale[decimals], frac = ABS (scaled % scale[decimals]);
  char digits[8];

  if (scaled < 0 && whole == 0)
    g_string_append_c (s, '-');
  append_int (s, whole);
  g_string_append_c (s, '.');
  for (guint i = decimals; i > 0; i--, frac /= 10)
    digits[i - 1] = (char) ('0' + frac % 10);
  for (guint i = 0; i < decimals; i++)
    g_string_append_c (s, digits[i]);
}

static void
append_field (GString    *s,
              const char *text)
{
  g_string_append (s, text);
  g_string_append_c (s, ',');
}

/* Only the sets the CSV reports are evaluated. */
static void
append_result (GString       *s,
               const HlhCase *c)
{
  HlhHScore hscore;
  HlhHlh2004 hlh2004;
  HlhMas2016 mas2016;
  HlhMsScore ms;
  HlhOhi ohi;

  hlh_hscore_evaluate (c, &hscore);
  hlh_hlh2004_evaluate (c, &hlh2004);
  hlh_mas2016_evaluate (c, &mas2016);
  hlh_msscore_evaluate (c, &ms);
  hlh_ohi_evaluate (c, &ohi);

  append_int (s, hscore.min);
  g_string_append_c (s, ',');
  append_int (s, hscore.max);
  g_string_append_c (s, ',');
  append_fixed (s, hscore.probability_min, 1);
  g_string_append_c (s, ',');
  append_fixed (s, hscore.probability_max, 1);
  g_string_append_c (s, ',');
  append_int (s, hlh2004.met);
  g_string_append_c (s, ',');
  append_int (s, hlh2004.unknown);
  g_string_append_c (s, ',');
  append_field (s, hlh_status_to_string (hlh2004.status));
  append_field (s, hlh_status_to_string (mas2016.status));
  if (ms.computed)
    append_fixed (s, ms.value, 4);
  g_string_append_c (s, ',');
  append_field (s, hlh_ohi_status_to_string (ohi.status));
}

/**
 * hlh_csv_score:
 * @n_rows: (out): rows read
 * @n_failed: (out): rows refused, each with its message in the error column and on @err
 *
 * Returns: %FALSE if the input cannot be read as a batch at all (no header, or a header
 *   naming something unknown), with @error set
 */
gboolean
hlh_csv_score (FILE     *in,
               FILE     *out,
               FILE     *err,
               guint64  *n_rows,
               guint64  *n_failed,
               GError  **error)
{
  Reader r = { in, g_malloc (BLOCK_SIZE), 0, 0, FALSE, g_string_sized_new (1024), 0, 1, };
  g_autoptr(GString) row = g_string_sized_new (256);
  Column columns[HLH_CSV_MAX_COLUMNS];
  guint n_columns, id_column = G_MAXUINT;
  gboolean ok = FALSE;

  *n_rows = *n_failed = 0;
  if (!read_record (&r))
    {
      g_set_error (error, HLH_ERROR, HLH_ERROR_FORMAT, _("The CSV input is empty: it needs a "
                                                         "header line naming the findings"));
      goto out;
    }
  /* Spreadsheets often start a UTF-8 file with a byte-order mark. */
  if (g_str_has_prefix (r.record->str, "\xEF\xBB\xBF"))
    g_string_erase (r.record, 0, 3);
  split_record (&r);
  if (!parse_header (&r, columns, error))
    goto out;
  n_columns = r.n_cells;
  for (guint i = 0; i < n_columns; i++)
    if (columns[i].kind == COLUMN_ID)
      id_column = i;

  fputs ("id,hscore_min,hscore_max,hscore_probability_min,hscore_probability_max,"
         "hlh2004_met,hlh2004_unknown,hlh2004_status,mas2016_status,ms_score,ohi_status,"
         "error\n", out);
  while (read_record (&r))
    {
      g_autoptr(GError) row_error = NULL;
      HlhCase c;

      if (r.record->len == 0 && !r.too_long)
        continue;
      split_record (&r);
      (*n_rows)++;
      g_string_truncate (row, 0);
      if (id_column < r.n_cells && !r.too_long)
        append_csv_text (row, r.cells[id_column].text, r.cells[id_column].length);
      g_string_append_c (row, ',');
      if (fill_case (&c, &r, columns, n_columns, &row_error))
        append_result (row, &c);
      else
        {
          (*n_failed)++;
          g_string_append (row, ",,,,,,,,,,");
          append_csv_text (row, row_error->message, strlen (row_error->message));
          fprintf (err, _("line %llu: %s\n"), (unsigned long long) r.line, row_error->message);
        }
      g_string_append_c (row, '\n');
      fwrite (row->str, 1, row->len, out);
    }
  if (ferror (in))
    {
      g_set_error (error, HLH_ERROR, HLH_ERROR_IO, _("Reading the CSV input failed"));
      goto out;
    }
  ok = TRUE;
out:
  g_string_free (r.record, TRUE);
  g_free (r.block);
  return ok;
}
