/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>

#include "hlh-error.h"
#include "hlh-gauge-draw.h"
#include "hlh-report-draw.h"
#include "hlh-text-attrs.h"

/* The printed report: the lines of hlh_report_text() set in type, the score and the gauge at
 * the top, laid out on pages of any size. The PDF (app and hlh-score) and the printout
 * (GtkPrintOperation) draw with this code, so they cannot disagree. Units are points. */

#define FOOTER_HEIGHT 24.0
#define BODY_FONT "Sans 9.5"
#define ITEM_INDENT 14.0
#define BULLET_INDENT 10.0

typedef enum
{
  BLOCK_TEXT,
  BLOCK_GAUGE,
} BlockKind;

typedef struct
{
  BlockKind    kind;
  PangoLayout *layout;
  double       x;
  double       height;
  double       space_before;
  gboolean     rule;            /* a line above, for section headings */
  gboolean     keep_with_next;
  guint        page;
  double       y;
} Block;

struct _HlhReportPages
{
  PangoContext *context;
  double        width;
  double        height;
  HlhHScore     hscore;
  char         *footer;
  GArray       *blocks;
  guint         n_pages;
};

gboolean
hlh_paper_lookup (const char *name,
                  HlhPaper   *paper)
{
  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = HLH_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = HLH_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

void
hlh_paper_get_size (HlhPaper  paper,
                    double   *width,
                    double   *height)
{
  /* ISO 216 A4 is 210 × 297 mm; US Letter 8.5 × 11 in. */
  *width = paper == HLH_PAPER_LETTER ? 612 : 595.28;
  *height = paper == HLH_PAPER_LETTER ? 792 : 841.89;
}

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_clear_object (&block->layout);
}

static Block *
add_text (HlhReportPages *self,
          const char     *text,
          const char     *font,
          double          x,
          double          space_before)
{
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  Block block = { BLOCK_TEXT, NULL, x, 0, space_before, FALSE, FALSE, 0, 0 };
  g_autoptr(PangoAttrList) attrs = NULL;
  int height;

  block.layout = pango_layout_new (self->context);
  pango_layout_set_font_description (block.layout, description);
  pango_layout_set_width (block.layout, pango_units_from_double (self->width - x));
  pango_layout_set_wrap (block.layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (block.layout, text, -1);
  attrs = hlh_text_keep_together (text);
  pango_layout_set_attributes (block.layout, attrs);
  pango_layout_get_size (block.layout, NULL, &height);
  block.height = pango_units_to_double (height);
  g_array_append_val (self->blocks, block);
  return &g_array_index (self->blocks, Block, self->blocks->len - 1);
}

static void
add_summary (HlhReportPages      *self,
             const HlhAssessment *a)
{
  const HlhHScore *h = &a->hscore;
  g_autofree char *probability = hlh_hscore_probability_text (h->min, h->max);
  g_autofree char *score = h->min == h->max
    ? g_strdup_printf (_("HScore %d of %d"), h->min, HLH_HSCORE_MAX)
    : g_strdup_printf (_("HScore %d–%d of %d"), h->min, h->max, HLH_HSCORE_MAX);
  g_autofree char *status = hlh_hlh2004_dup_status_text (&a->hlh2004);
  g_autofree char *line = g_strdup_printf (_("Probability of reactive HLH %s; cut-off %d %s. "
                                             "HLH-2004: %s"),
                                           probability, HLH_HSCORE_CUTOFF,
                                           h->reaches_cutoff == HLH_VERDICT_YES ? _("reached")
                                           : h->reaches_cutoff == HLH_VERDICT_NO
                                             ? _("not reached") : _("undetermined"),
                                           status);
  Block gauge = { BLOCK_GAUGE, NULL, 0, HLH_GAUGE_HEIGHT, 6, FALSE, FALSE, 0, 0 };

  add_text (self, score, "Sans Bold 17", 0, 12)->keep_with_next = TRUE;
  add_text (self, line, BODY_FONT, 0, 2)->keep_with_next = TRUE;
  g_array_append_val (self->blocks, gauge);
}

static void
paginate (HlhReportPages *self)
{
  double bottom = self->height - FOOTER_HEIGHT;
  double y = 0;
  guint page = 0;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      double needed = block->space_before + block->height;

      /* A heading (and the score with its gauge) goes with what follows it. */
      for (guint j = i; j + 1 < self->blocks->len &&
                        g_array_index (self->blocks, Block, j).keep_with_next; j++)
        {
          Block *next = &g_array_index (self->blocks, Block, j + 1);
          needed += next->space_before + next->height;
        }
      if (y > 0 && y + needed > bottom)
        {
          page++;
          y = 0;
        }
      else if (y > 0)
        y += block->space_before;
      block->page = page;
      block->y = y;
      y += block->height;
    }
  self->n_pages = page + 1;
}

/**
 * hlh_report_pages_new:
 * @label: (nullable): free text identifying the printout, as for hlh_report_text()
 * @teaching: (nullable): the case is a teaching case
 * @context: lays out the text; its resolution should make one unit of the surface one point
 * @width: the width to draw in, margins already taken off
 * @height: the height of each page's drawing area
 *
 * Lays the report out on pages. The text is hlh_report_text()'s, line for line.
 */
HlhReportPages *
hlh_report_pages_new (const HlhCase       *c,
                      const HlhAssessment *a,
                      GDateTime           *when,
                      const char          *label,
                      const HlhTeaching   *teaching,
                      PangoContext        *context,
                      double               width,
                      double               height)
{
  HlhReportPages *self;
  g_autofree char *text = NULL;
  g_autofree char *clean_label = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  gboolean summary_done = FALSE;

  g_return_val_if_fail (c != NULL && a != NULL && when != NULL, NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  self = g_new0 (HlhReportPages, 1);
  self->context = g_object_ref (context);
  self->width = MAX (width, 100);
  self->height = MAX (height, 200);
  self->hscore = a->hscore;
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);

  clean_label = hlh_report_clean_label (label);
  if (clean_label != NULL)
    self->footer = g_strdup_printf ("HLH Calculator %s · %s · %s", PACKAGE_VERSION,
                                    _("Decision support, not a diagnosis"), clean_label);
  else
    self->footer = g_strdup_printf ("HLH Calculator %s · %s", PACKAGE_VERSION,
                                    _("Decision support, not a diagnosis"));

  text = hlh_report_text (c, a, when, label, teaching);
  lines = hlh_report_split (text);
  for (guint i = 0; i < lines->len; i++)
    {
      const HlhReportLine *line = lines->pdata[i];
      Block *block;

      switch (line->style)
        {
        case HLH_REPORT_TITLE:
          add_text (self, line->text, "Sans Bold 13", 0, 0);
          break;
        case HLH_REPORT_PARAGRAPH:
          add_text (self, line->text, "Sans Italic 9", 0, 4);
          break;
        case HLH_REPORT_TEXT_LINE:
          add_text (self, line->text, BODY_FONT, ITEM_INDENT, 2);
          break;
        case HLH_REPORT_HEADING:
          /* The score and its gauge come after the opening block, before the findings. */
          if (!summary_done)
            {
              add_summary (self, a);
              summary_done = TRUE;
            }
          block = add_text (self, line->text, "Sans Bold 10", 0, 14);
          block->rule = TRUE;
          block->keep_with_next = TRUE;
          break;
        case HLH_REPORT_LINE:
          add_text (self, line->text, BODY_FONT, 0, 3);
          break;
        case HLH_REPORT_ITEM:
          add_text (self, line->text, "Sans 8.5", ITEM_INDENT, 1.5);
          break;
        case HLH_REPORT_BULLET:
          {
            g_autofree char *bullet = g_strdup_printf ("•\t%s", line->text);
            PangoTabArray *tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT,
                                                                       (int) BULLET_INDENT);
            block = add_text (self, bullet, BODY_FONT, 0, 2);
            pango_layout_set_tabs (block->layout, tabs);
            pango_layout_set_indent (block->layout, pango_units_from_double (-BULLET_INDENT));
            block->x = BULLET_INDENT;
            pango_layout_set_width (block->layout,
                                    pango_units_from_double (self->width - BULLET_INDENT));
            pango_tab_array_free (tabs);
            {
              int h;
              pango_layout_get_size (block->layout, NULL, &h);
              block->height = pango_units_to_double (h);
            }
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (!summary_done)
    add_summary (self, a);
  paginate (self);
  return self;
}

guint
hlh_report_pages_get_n_pages (HlhReportPages *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_pages;
}

static void
draw_footer (HlhReportPages *self,
             cairo_t        *cr,
             guint           page)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 7.5");
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  int number_width;

  pango_layout_set_font_description (layout, font);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, 0, self->height - FOOTER_HEIGHT + 8);
  cairo_line_to (cr, self->width, self->height - FOOTER_HEIGHT + 8);
  cairo_stroke (cr);

  pango_layout_set_text (layout, number, -1);
  pango_layout_get_pixel_size (layout, &number_width, NULL);
  cairo_move_to (cr, self->width - number_width, self->height - FOOTER_HEIGHT + 11);
  pango_cairo_show_layout (cr, layout);

  pango_layout_set_width (layout, pango_units_from_double (self->width - number_width - 12));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, self->footer, -1);
  cairo_move_to (cr, 0, self->height - FOOTER_HEIGHT + 11);
  pango_cairo_show_layout (cr, layout);
}

/**
 * hlh_report_pages_draw:
 * @cr: drawn into with its origin at the drawing area's top left corner
 * @page: from 0
 */
void
hlh_report_pages_draw (HlhReportPages *self,
                       cairo_t        *cr,
                       guint           page)
{
  static const HlhColor black = { 0, 0, 0, 1 };

  g_return_if_fail (self != NULL && cr != NULL);
  g_return_if_fail (page < self->n_pages);

  cairo_save (cr);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);

      if (block->page != page)
        continue;
      if (block->rule)
        {
          cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
          cairo_set_line_width (cr, 0.6);
          cairo_move_to (cr, 0, block->y - 4);
          cairo_line_to (cr, self->width, block->y - 4);
          cairo_stroke (cr);
        }
      if (block->kind == BLOCK_GAUGE)
        {
          g_autoptr(PangoFontDescription) font = pango_font_description_from_string (BODY_FONT);
          double dpi = pango_cairo_context_get_resolution (self->context);

          /* The gauge lays its labels out on @cr, not in the report's context: their size
           * goes in the page's units, which the context's resolution gives, as the text's
           * (Pango's own 96 dots per inch when none was set). */
          pango_font_description_set_absolute_size (font,
            pango_font_description_get_size (font) * (dpi > 0 ? dpi : 96.0) / 72.0);
          cairo_save (cr);
          cairo_translate (cr, 0, block->y);
          hlh_gauge_draw (cr, &self->hscore, self->width, &black, font);
          cairo_restore (cr);
          continue;
        }
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, block->x, block->y);
      pango_cairo_show_layout (cr, block->layout);
    }
  draw_footer (self, cr, page);
  cairo_restore (cr);
}

void
hlh_report_pages_free (HlhReportPages *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->blocks);
  g_object_unref (self->context);
  g_free (self->footer);
  g_free (self);
}

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * hlh_report_write_pdf:
 * @label: (nullable): as for hlh_report_text()
 * @teaching: (nullable): the case is a teaching case
 *
 * Writes the report as a PDF at @path, atomically: an existing file is replaced only once
 * the whole new one is written.
 */
gboolean
hlh_report_write_pdf (const HlhCase       *c,
                      const HlhAssessment *a,
                      GDateTime           *when,
                      const char          *label,
                      const HlhTeaching   *teaching,
                      HlhPaper             paper,
                      const char          *path,
                      GError             **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(HlhReportPages) pages = NULL;
  PangoContext *context;
  g_autofree char *display = NULL;
  g_autofree char *date = NULL;
  double width, height;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (c != NULL && a != NULL && when != NULL && path != NULL, FALSE);

  display = g_filename_display_basename (path);
  hlh_paper_get_size (paper, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (append_to_bytes, bytes, width, height);
  date = g_date_time_format (when, "%Y-%m-%dT%H:%M:%S");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("HLH assessment"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "HLH Calculator " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cr = cairo_create (surface);

  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, 72);
  pages = hlh_report_pages_new (c, a, when, label, teaching, context,
                                width - 2 * HLH_REPORT_PDF_MARGIN,
                                height - 2 * HLH_REPORT_PDF_MARGIN);
  g_object_unref (context);
  for (guint i = 0; i < hlh_report_pages_get_n_pages (pages); i++)
    {
      cairo_save (cr);
      cairo_translate (cr, HLH_REPORT_PDF_MARGIN, HLH_REPORT_PDF_MARGIN);
      hlh_report_pages_draw (pages, cr, i);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, HLH_ERROR, HLH_ERROR_IO, _("Could not write “%s”: %s"), display,
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (!g_file_set_contents_full (path, (const char *) bytes->data, bytes->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, HLH_ERROR, HLH_ERROR_IO, _("Could not write “%s”: %s"), display,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}
