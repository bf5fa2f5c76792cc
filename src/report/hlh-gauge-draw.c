/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "hlh-gauge-draw.h"

/* The HScore drawn as a scale: 0 to 337, the paper's probabilities along it, the cut-off, the
 * needle at the score and, while findings are unknown, the possible range shaded with both
 * ends labelled. It reads the assessment; it computes nothing clinical. Shapes and hatching
 * carry the meaning as well as tints, so it reads in both themes and in greyscale print.
 * The widget (HlhGauge), the printout and the PDF all draw with this. */

#define MARGIN 14.0
#define SCORE_ROW_Y 0.0
#define TRACK_Y 20.0
#define TRACK_HEIGHT 24.0
#define PROBABILITY_ROW_Y 50.0
#define RANGE_ROW_Y 70.0

/* Scores labelled on the scale; 150 gives way to the cut-off's label. */
static const int score_ticks[] = { 0, 50, 100, 200, 250, 300, HLH_HSCORE_MAX };
/* Scores where the paper's table gives the probability shown, in the order a narrow gauge
 * keeps them: by the cut-off first, then the curve's two ends, then between. */
static const int probability_ticks[] = { 170, 90, 250, 130, 210 };

double
hlh_gauge_score_to_x (double score,
                      double width)
{
  return MARGIN + (width - 2 * MARGIN) * CLAMP (score, 0, HLH_HSCORE_MAX) / HLH_HSCORE_MAX;
}

static void
set_source (cairo_t       *cr,
            const HlhColor *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* Draws @text with its centre at @x (kept inside the drawing) and its top at @y. With @row,
 * the extents already used on that row: a label that would touch one is left out (a narrow
 * gauge shows fewer ticks rather than overlapping figures). Returns whether it was drawn. */
typedef struct
{
  double from[16];
  double to[16];
  guint  n;
} Row;

static gboolean
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       width,
           Row         *row)
{
  int text_width, text_height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  x = CLAMP (x - text_width / 2.0, 0, MAX (0, width - text_width));
  if (row != NULL)
    {
      for (guint i = 0; i < row->n; i++)
        if (x < row->to[i] + 6 && x + text_width + 6 > row->from[i])
          return FALSE;
      if (row->n < G_N_ELEMENTS (row->from))
        {
          row->from[row->n] = x;
          row->to[row->n++] = x + text_width;
        }
    }
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return TRUE;
}

static void
draw_hatching (cairo_t *cr,
               double   x0,
               double   x1,
               double   y,
               double   height)
{
  cairo_save (cr);
  cairo_rectangle (cr, x0, y, x1 - x0, height);
  cairo_clip (cr);
  for (double x = x0 - height; x < x1; x += 6)
    {
      cairo_move_to (cr, x, y + height);
      cairo_line_to (cr, x + height, y);
    }
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_track (cairo_t       *cr,
            const HlhColor *fg,
            double         width)
{
  double x0 = hlh_gauge_score_to_x (0, width);
  double xc = hlh_gauge_score_to_x (HLH_HSCORE_CUTOFF, width);
  double x1 = hlh_gauge_score_to_x (HLH_HSCORE_MAX, width);

  set_source (cr, fg, 0.07);
  cairo_rectangle (cr, x0, TRACK_Y, xc - x0, TRACK_HEIGHT);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, 0.85, 0.15, 0.1, 0.16);
  cairo_rectangle (cr, xc, TRACK_Y, x1 - xc, TRACK_HEIGHT);
  cairo_fill (cr);
  set_source (cr, fg, 0.18);
  draw_hatching (cr, xc, x1, TRACK_Y, TRACK_HEIGHT);
  set_source (cr, fg, 0.55);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, x0 + 0.5, TRACK_Y + 0.5, x1 - x0 - 1, TRACK_HEIGHT - 1);
  cairo_stroke (cr);
}

static void
draw_scale (cairo_t       *cr,
            PangoLayout   *layout,
            const HlhColor *fg,
            double         width,
            Row           *score_row)
{
  Row probability_row = { { 0 }, { 0 }, 0 };

  set_source (cr, fg, 0.75);
  /* The ends first, so that a narrow gauge keeps them. */
  for (guint k = 0; k < G_N_ELEMENTS (score_ticks); k++)
    {
      guint i = k == 0 ? 0 : k == 1 ? G_N_ELEMENTS (score_ticks) - 1 : k - 1;
      g_autofree char *text = g_strdup_printf ("%d", score_ticks[i]);
      double x = hlh_gauge_score_to_x (score_ticks[i], width);

      show_text (cr, layout, text, x, SCORE_ROW_Y, width, score_row);
      cairo_rectangle (cr, round (x) - 0.5, TRACK_Y - 3, 1, 3);
      cairo_fill (cr);
    }
  /* Translators: the caption of the gauge's row of probabilities */
  show_text (cr, layout, _("probability"), 0, PROBABILITY_ROW_Y, width, &probability_row);
  for (guint i = 0; i < G_N_ELEMENTS (probability_ticks); i++)
    {
      g_autofree char *text = hlh_hscore_probability_text (probability_ticks[i],
                                                           probability_ticks[i]);
      double x = hlh_gauge_score_to_x (probability_ticks[i], width);

      cairo_rectangle (cr, round (x) - 0.5, TRACK_Y + TRACK_HEIGHT, 1, 4);
      cairo_fill (cr);
      show_text (cr, layout, text, x, PROBABILITY_ROW_Y, width, &probability_row);
    }
}

static void
draw_cutoff (cairo_t       *cr,
             PangoLayout   *layout,
             const HlhColor *fg,
             double         width,
             Row           *score_row)
{
  static const double dash[] = { 3, 2 };
  g_autofree char *text = g_strdup_printf ("%d", HLH_HSCORE_CUTOFF);
  double x = round (hlh_gauge_score_to_x (HLH_HSCORE_CUTOFF, width)) + 0.5;
  PangoAttrList *bold = pango_attr_list_new ();

  set_source (cr, fg, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_move_to (cr, x, TRACK_Y - 4);
  cairo_line_to (cr, x, TRACK_Y + TRACK_HEIGHT + 4);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, bold);
  show_text (cr, layout, text, x, SCORE_ROW_Y, width, score_row);
  pango_layout_set_attributes (layout, NULL);
  pango_attr_list_unref (bold);
}

static void
draw_range (cairo_t         *cr,
            PangoLayout     *layout,
            const HlhColor   *fg,
            const HlhHScore *h,
            double           width)
{
  double x0 = hlh_gauge_score_to_x (h->min, width);
  double x1 = hlh_gauge_score_to_x (h->max, width);
  g_autofree char *low = g_strdup_printf (_("at least %d"), h->min);
  g_autofree char *high = g_strdup_printf (_("at most %d"), h->max);
  int text_width;

  cairo_rectangle (cr, x0, TRACK_Y + 5, x1 - x0, TRACK_HEIGHT - 10);
  set_source (cr, fg, 0.28);
  cairo_fill_preserve (cr);
  set_source (cr, fg, 0.8);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);

  /* The range's ends, on their own row, next to the ends they name. */
  set_source (cr, fg, 1);
  pango_layout_set_text (layout, low, -1);
  pango_layout_get_pixel_size (layout, &text_width, NULL);
  cairo_move_to (cr, MAX (0, x0 - text_width - 4), RANGE_ROW_Y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_set_text (layout, high, -1);
  pango_layout_get_pixel_size (layout, &text_width, NULL);
  cairo_move_to (cr, MIN (x1 + 4, width - text_width), RANGE_ROW_Y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_needle (cairo_t         *cr,
             PangoLayout     *layout,
             const HlhColor   *fg,
             const HlhHScore *h,
             double           width)
{
  double x = hlh_gauge_score_to_x (h->min, width);

  set_source (cr, fg, 1);
  cairo_set_line_width (cr, 3);
  cairo_move_to (cr, x, TRACK_Y - 2);
  cairo_line_to (cr, x, TRACK_Y + TRACK_HEIGHT + 3);
  cairo_stroke (cr);
  cairo_move_to (cr, x - 6, TRACK_Y - 8);
  cairo_line_to (cr, x + 6, TRACK_Y - 8);
  cairo_line_to (cr, x, TRACK_Y);
  cairo_close_path (cr);
  cairo_fill (cr);

  if (h->min == h->max)
    {
      g_autofree char *text = g_strdup_printf ("%d", h->min);
      show_text (cr, layout, text, x, RANGE_ROW_Y, width, NULL);
    }
}

/**
 * hlh_gauge_draw_layer:
 * @layer: which part to draw; %HLH_GAUGE_LAYER_TRACK and %HLH_GAUGE_LAYER_SCALE do not depend
 *   on @hscore
 * @width: the width to draw in; the height is %HLH_GAUGE_HEIGHT
 * @foreground: the text colour of the surface drawn on
 * @font: (nullable): the font of the labels
 *
 * Draws one layer of the gauge. The layers drawn in their order, one over the other, are
 * hlh_gauge_draw(); the widget keeps the two that do not depend on the score as images.
 */
void
hlh_gauge_draw_layer (cairo_t                    *cr,
                      HlhGaugeLayer               layer,
                      const HlhHScore            *hscore,
                      double                      width,
                      const HlhColor             *foreground,
                      const PangoFontDescription *font)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoFontDescription) small = NULL;
  Row score_row = { { 0 }, { 0 }, 0 };
  int size;

  g_return_if_fail (cr != NULL && hscore != NULL && foreground != NULL);
  g_return_if_fail (layer < HLH_GAUGE_N_LAYERS);

  if (layer == HLH_GAUGE_LAYER_TRACK)
    {
      cairo_save (cr);
      draw_track (cr, foreground, width);
      cairo_restore (cr);
      return;
    }
  if (layer == HLH_GAUGE_LAYER_RANGE && hscore->min == hscore->max)
    return;

  layout = pango_cairo_create_layout (cr);
  small = font != NULL ? pango_font_description_copy (font)
                       : pango_font_description_from_string ("Sans 10");
  /* Nine tenths of the font, the size of a caption. A widget's font has its size in pixels,
   * a page's in points: the labels keep the unit. */
  size = (int) lround (pango_font_description_get_size (small) * 0.9);
  if (pango_font_description_get_size_is_absolute (small))
    pango_font_description_set_absolute_size (small, size);
  else
    pango_font_description_set_size (small, size);
  pango_layout_set_font_description (layout, small);

  cairo_save (cr);
  switch (layer)
    {
    case HLH_GAUGE_LAYER_RANGE:
      draw_range (cr, layout, foreground, hscore, width);
      break;
    case HLH_GAUGE_LAYER_SCALE:
      /* The cut-off's label before the scale's, which give way to it. */
      draw_cutoff (cr, layout, foreground, width, &score_row);
      draw_scale (cr, layout, foreground, width, &score_row);
      break;
    case HLH_GAUGE_LAYER_NEEDLE:
      draw_needle (cr, layout, foreground, hscore, width);
      break;
    case HLH_GAUGE_LAYER_TRACK:
    case HLH_GAUGE_N_LAYERS:
    default:
      g_assert_not_reached ();
    }
  cairo_restore (cr);
}

/**
 * hlh_gauge_draw:
 * @width: the width to draw in; the height is %HLH_GAUGE_HEIGHT
 * @foreground: the text colour of the surface drawn on
 * @font: (nullable): the font of the labels
 *
 * Draws the gauge for @hscore. The widget, the printed report and the PDF use this one
 * drawing.
 */
void
hlh_gauge_draw (cairo_t                    *cr,
                const HlhHScore            *hscore,
                double                      width,
                const HlhColor             *foreground,
                const PangoFontDescription *font)
{
  g_return_if_fail (cr != NULL && hscore != NULL && foreground != NULL);

  for (HlhGaugeLayer layer = 0; layer < HLH_GAUGE_N_LAYERS; layer++)
    hlh_gauge_draw_layer (cr, layer, hscore, width, foreground, font);
}
