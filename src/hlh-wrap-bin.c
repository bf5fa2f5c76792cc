/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hlh-wrap-bin.h"

/* A wrapping label in a column whose width the label does not decide, measured for that width
 * alone.
 *
 * GTK 4.8 (gtklabel.c) lays a wrapping label's text out again for each question it is asked
 * after a change: its widest and its narrowest width, the same two for its height at no given
 * width (which a scrolled window asks), its height at a given width, and once more to draw it.
 * The results' notes name the HScore and change with every keystroke, so their layouts were a
 * large part of the time GTK spends measuring the window after one.
 *
 * Here the label is asked only its height at the width it is given, and drawn. Its width
 * request is a number of characters of its font: at least 20, naturally 50, whatever the text.
 * The label itself is unchanged: it wraps, can be selected, and screen readers read it. */

#define MIN_CHARS     20
#define NATURAL_CHARS 50

struct _HlhWrapBin
{
  GtkWidget             parent_instance;

  GtkWidget            *label;
  PangoFontDescription *font;        /* the font char_width was found for */
  int                   char_width;  /* pixels */
};

G_DEFINE_FINAL_TYPE (HlhWrapBin, hlh_wrap_bin, GTK_TYPE_WIDGET)

static int
get_char_width (HlhWrapBin *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  PangoFontMetrics *metrics;
  int char_width, digit_width;

  if (self->font != NULL && pango_font_description_equal (self->font, font))
    return self->char_width;
  g_clear_pointer (&self->font, pango_font_description_free);
  self->font = pango_font_description_copy (font);
  metrics = pango_context_get_metrics (context, font, pango_context_get_language (context));
  char_width = pango_font_metrics_get_approximate_char_width (metrics);
  digit_width = pango_font_metrics_get_approximate_digit_width (metrics);
  pango_font_metrics_unref (metrics);
  self->char_width = PANGO_PIXELS_CEIL (MAX (char_width, digit_width));
  return self->char_width;
}

static void
hlh_wrap_bin_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  HlhWrapBin *self = HLH_WRAP_BIN (widget);
  int width;

  *minimum = *natural = 0;
  *minimum_baseline = *natural_baseline = -1;
  if (!gtk_widget_should_layout (self->label))
    return;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int char_width = get_char_width (self);

      *minimum = MIN_CHARS * char_width;
      *natural = NATURAL_CHARS * char_width;
      return;
    }
  /* With no width given, the height at the width last given, which is most often the width
   * the next allocation gives: GTK keeps that measurement until the text changes. */
  width = for_size >= 0 ? for_size : gtk_widget_get_width (widget);
  if (width <= 0)
    width = NATURAL_CHARS * get_char_width (self);
  gtk_widget_measure (self->label, GTK_ORIENTATION_VERTICAL, width, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static GtkSizeRequestMode
hlh_wrap_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
hlh_wrap_bin_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  HlhWrapBin *self = HLH_WRAP_BIN (widget);

  if (gtk_widget_should_layout (self->label))
    gtk_widget_allocate (self->label, width, height, baseline, NULL);
}

static void
hlh_wrap_bin_dispose (GObject *object)
{
  HlhWrapBin *self = HLH_WRAP_BIN (object);

  g_clear_pointer (&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (hlh_wrap_bin_parent_class)->dispose (object);
}

static void
hlh_wrap_bin_finalize (GObject *object)
{
  g_clear_pointer (&HLH_WRAP_BIN (object)->font, pango_font_description_free);

  G_OBJECT_CLASS (hlh_wrap_bin_parent_class)->finalize (object);
}

static void
hlh_wrap_bin_class_init (HlhWrapBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hlh_wrap_bin_dispose;
  object_class->finalize = hlh_wrap_bin_finalize;
  widget_class->measure = hlh_wrap_bin_measure;
  widget_class->size_allocate = hlh_wrap_bin_size_allocate;
  widget_class->get_request_mode = hlh_wrap_bin_get_request_mode;
  /* A frame for its label: nothing for a screen reader to name. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
hlh_wrap_bin_init (HlhWrapBin *self)
{
  self->label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
}

GtkWidget *
hlh_wrap_bin_new (void)
{
  return g_object_new (HLH_TYPE_WRAP_BIN, NULL);
}

/**
 * hlh_wrap_bin_get_label:
 *
 * Returns: (transfer none): the label, wrapping and aligned to the start
 */
GtkLabel *
hlh_wrap_bin_get_label (HlhWrapBin *self)
{
  g_return_val_if_fail (HLH_IS_WRAP_BIN (self), NULL);

  return GTK_LABEL (self->label);
}
