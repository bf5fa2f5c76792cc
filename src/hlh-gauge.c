/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hlh-gauge.h"

/* The HScore gauge as a widget: hlh_gauge_draw() draws it, the widget keeps the score, its
 * size and what screen readers are told.
 *
 * The gauge is drawn layer by layer (hlh_gauge_draw_layer()). The track and the scale, which
 * do not depend on the score, are kept as images made for the widget's size, zoom, scale,
 * colour and font, so a keystroke that moves the score draws only the range and the needle. */

typedef struct
{
  int                   width;
  double                zoom;
  int                   scale_factor;
  GdkRGBA               color;
  PangoFontDescription *font;
  cairo_surface_t      *track;
  cairo_surface_t      *scale;
} Layers;

struct _HlhGauge
{
  GtkWidget parent_instance;

  HlhHScore hscore;
  double    zoom;
  Layers    layers;
};

G_DEFINE_FINAL_TYPE (HlhGauge, hlh_gauge, GTK_TYPE_WIDGET)

static void
update_accessible (HlhGauge *self)
{
  g_autofree char *text = hlh_gauge_dup_text (self);

  /* In words in its name too: GTK exposes no value for a meter of an application's own. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) HLH_HSCORE_MAX,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) self->hscore.min,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}

static void
clear_layers (Layers *layers)
{
  g_clear_pointer (&layers->track, cairo_surface_destroy);
  g_clear_pointer (&layers->scale, cairo_surface_destroy);
  g_clear_pointer (&layers->font, pango_font_description_free);
}

static cairo_surface_t *
draw_layer_image (HlhGauge                   *self,
                  HlhGaugeLayer               layer,
                  const HlhColor             *foreground,
                  const PangoFontDescription *font)
{
  int width = self->layers.width, scale_factor = self->layers.scale_factor;
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale_factor,
                                        (int) ceil (HLH_GAUGE_HEIGHT * self->zoom) * scale_factor);
  cairo_surface_set_device_scale (surface, scale_factor, scale_factor);
  cr = cairo_create (surface);
  cairo_scale (cr, self->zoom, self->zoom);
  hlh_gauge_draw_layer (cr, layer, &self->hscore, width / self->zoom, foreground, font);
  cairo_destroy (cr);
  return surface;
}

/* The images of the track and the scale, made again when what they were made for changed. */
static void
ensure_layers (HlhGauge                   *self,
               int                         width,
               const GdkRGBA              *color,
               const PangoFontDescription *font)
{
  Layers *layers = &self->layers;
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  HlhColor foreground = { color->red, color->green, color->blue, color->alpha };

  if (layers->track != NULL && layers->width == width && layers->zoom == self->zoom &&
      layers->scale_factor == scale_factor && gdk_rgba_equal (&layers->color, color) &&
      pango_font_description_equal (layers->font, font))
    return;
  clear_layers (layers);
  layers->width = width;
  layers->zoom = self->zoom;
  layers->scale_factor = scale_factor;
  layers->color = *color;
  layers->font = pango_font_description_copy (font);
  layers->track = draw_layer_image (self, HLH_GAUGE_LAYER_TRACK, &foreground, font);
  layers->scale = draw_layer_image (self, HLH_GAUGE_LAYER_SCALE, &foreground, font);
}

static void
hlh_gauge_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  HlhGauge *self = HLH_GAUGE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const PangoFontDescription *font =
    pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  GdkRGBA color;
  HlhColor foreground;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  foreground = (HlhColor) { color.red, color.green, color.blue, color.alpha };
  ensure_layers (self, width, &color, font);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* Centred on whole pixels, where the images of the layers fall pixel for pixel. */
  cairo_translate (cr, 0, floor (MAX (0, (height - HLH_GAUGE_HEIGHT * self->zoom) / 2)));
  cairo_set_source_surface (cr, self->layers.track, 0, 0);
  cairo_paint (cr);
  /* Zoomed as a whole, text included, so that nothing collides that does not at 1. */
  cairo_save (cr);
  cairo_scale (cr, self->zoom, self->zoom);
  hlh_gauge_draw_layer (cr, HLH_GAUGE_LAYER_RANGE, &self->hscore, width / self->zoom,
                        &foreground, font);
  cairo_restore (cr);
  cairo_set_source_surface (cr, self->layers.scale, 0, 0);
  cairo_paint (cr);
  cairo_scale (cr, self->zoom, self->zoom);
  hlh_gauge_draw_layer (cr, HLH_GAUGE_LAYER_NEEDLE, &self->hscore, width / self->zoom,
                        &foreground, font);
  cairo_destroy (cr);
}

static void
hlh_gauge_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  HlhGauge *self = HLH_GAUGE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 300;
      *natural = 520;
    }
  else
    *minimum = *natural = (int) ceil (HLH_GAUGE_HEIGHT * self->zoom);
}

static void
hlh_gauge_finalize (GObject *object)
{
  clear_layers (&HLH_GAUGE (object)->layers);

  G_OBJECT_CLASS (hlh_gauge_parent_class)->finalize (object);
}

static void
hlh_gauge_class_init (HlhGaugeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hlh_gauge_finalize;

  widget_class->snapshot = hlh_gauge_snapshot;
  widget_class->measure = hlh_gauge_measure;

  gtk_widget_class_set_css_name (widget_class, "hlhgauge");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_METER);
}

static void
hlh_gauge_init (HlhGauge *self)
{
  HlhCase empty;

  self->zoom = 1;
  hlh_case_init (&empty);
  hlh_hscore_evaluate (&empty, &self->hscore);
  update_accessible (self);
}

GtkWidget *
hlh_gauge_new (void)
{
  return g_object_new (HLH_TYPE_GAUGE, NULL);
}

/**
 * hlh_gauge_dup_text:
 *
 * Returns: (transfer full): what the gauge shows, in words, as screen readers get it
 */
char *
hlh_gauge_dup_text (HlhGauge *self)
{
  g_autofree char *probability = NULL;

  g_return_val_if_fail (HLH_IS_GAUGE (self), NULL);

  probability = hlh_hscore_probability_text (self->hscore.min, self->hscore.max);
  if (self->hscore.min == self->hscore.max)
    return g_strdup_printf (_("HScore %d of %d, probability %s, cut-off %d"), self->hscore.min,
                            HLH_HSCORE_MAX, probability, HLH_HSCORE_CUTOFF);
  return g_strdup_printf (_("HScore between %d and %d of %d, findings unknown; probability %s, "
                            "cut-off %d"), self->hscore.min, self->hscore.max, HLH_HSCORE_MAX,
                          probability, HLH_HSCORE_CUTOFF);
}

/**
 * hlh_gauge_get_hscore:
 *
 * Returns: (transfer none): the HScore shown
 */
const HlhHScore *
hlh_gauge_get_hscore (HlhGauge *self)
{
  g_return_val_if_fail (HLH_IS_GAUGE (self), NULL);

  return &self->hscore;
}

/**
 * hlh_gauge_set_hscore:
 *
 * Shows @hscore. The drawing depends on its range alone, so a change that leaves the range
 * as it was (most keystrokes outside the HScore's findings) costs no redraw.
 */
void
hlh_gauge_set_hscore (HlhGauge        *self,
                      const HlhHScore *hscore)
{
  g_return_if_fail (HLH_IS_GAUGE (self));
  g_return_if_fail (hscore != NULL);

  if (hscore->min == self->hscore.min && hscore->max == self->hscore.max)
    return;
  self->hscore = *hscore;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * hlh_gauge_set_zoom:
 * @zoom: 1 for the normal size; larger for a projector
 */
void
hlh_gauge_set_zoom (HlhGauge *self,
                    double    zoom)
{
  g_return_if_fail (HLH_IS_GAUGE (self));
  g_return_if_fail (zoom >= 0.5 && zoom <= 4);

  if (self->zoom == zoom)
    return;
  self->zoom = zoom;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
