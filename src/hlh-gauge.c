/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hlh-gauge.h"

/* The HScore gauge as a widget: hlh_gauge_draw_layer() draws it, the widget keeps the score,
 * its size and what screen readers are told.
 *
 * The track and the scale, with their dozen figures, are the same for every score: they are
 * drawn once and kept until the size, the zoom, the colours or the font change. The range and
 * the needle are drawn on each change, each within the bounds of what it draws, so that GTK
 * draws again only where they were and are. */

/* The layers kept from one change to the next. */
static const HlhGaugeLayer kept_layers[] = { HLH_GAUGE_LAYER_TRACK, HLH_GAUGE_LAYER_SCALE };

struct _HlhGauge
{
  GtkWidget parent_instance;

  HlhHScore      hscore;
  double         zoom;
  GskRenderNode *kept[G_N_ELEMENTS (kept_layers)];
  int            kept_width;
  int            kept_height;
};

G_DEFINE_FINAL_TYPE (HlhGauge, hlh_gauge, GTK_TYPE_WIDGET)

static void
update_accessible (HlhGauge *self)
{
  g_autofree char *text = hlh_gauge_dup_text (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) HLH_HSCORE_MAX,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) self->hscore.min,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}

static void
forget_kept_layers (HlhGauge *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->kept); i++)
    g_clear_pointer (&self->kept[i], gsk_render_node_unref);
}

/* Draws @layer into @cr, which covers the widget. */
static void
draw_layer (HlhGauge      *self,
            cairo_t       *cr,
            HlhGaugeLayer  layer)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoContext *context = gtk_widget_get_pango_context (widget);
  GdkRGBA color;
  HlhColor foreground;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  foreground = (HlhColor) { color.red, color.green, color.blue, color.alpha };
  cairo_translate (cr, 0, MAX (0, (height - HLH_GAUGE_HEIGHT * self->zoom) / 2));
  /* Zoomed as a whole, text included, so that nothing collides that does not at 1. */
  cairo_scale (cr, self->zoom, self->zoom);
  hlh_gauge_draw_layer (cr, layer, &self->hscore, width / self->zoom, &foreground,
                        pango_context_get_font_description (context));
}

/* @layer as a drawing no larger than what it draws. */
static GskRenderNode *
draw_layer_node (HlhGauge      *self,
                 HlhGaugeLayer  layer)
{
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (recording);
  GskRenderNode *node = NULL;
  double x, y, width, height;

  draw_layer (self, cr, layer);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (recording, &x, &y, &width, &height);
  if (width > 0 && height > 0)
    {
      graphene_rect_t bounds;

      /* Whole pixels, so that the drawing is placed as it would be drawn directly. */
      graphene_rect_init (&bounds, floor (x), floor (y), ceil (x + width) - floor (x),
                          ceil (y + height) - floor (y));
      node = gsk_cairo_node_new (&bounds);
      cr = gsk_cairo_node_get_draw_context (node);
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  cairo_surface_destroy (recording);
  return node;
}

static void
hlh_gauge_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  HlhGauge *self = HLH_GAUGE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint kept = 0;

  if (width <= 0 || height <= 0)
    return;
  if (width != self->kept_width || height != self->kept_height)
    forget_kept_layers (self);
  self->kept_width = width;
  self->kept_height = height;
  for (HlhGaugeLayer layer = HLH_GAUGE_LAYER_TRACK; layer <= HLH_GAUGE_LAYER_NEEDLE; layer++)
    {
      GskRenderNode *node;

      if (kept < G_N_ELEMENTS (kept_layers) && kept_layers[kept] == layer)
        {
          if (self->kept[kept] == NULL)
            self->kept[kept] = draw_layer_node (self, layer);
          node = self->kept[kept] != NULL ? gsk_render_node_ref (self->kept[kept]) : NULL;
          kept++;
        }
      else
        node = draw_layer_node (self, layer);
      if (node != NULL)
        {
          gtk_snapshot_append_node (snapshot, node);
          gsk_render_node_unref (node);
        }
    }
}

/* The colours (light or dark style, high contrast) or the font changed. */
static void
hlh_gauge_css_changed (GtkWidget         *widget,
                       GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (hlh_gauge_parent_class)->css_changed (widget, change);
  forget_kept_layers (HLH_GAUGE (widget));
  gtk_widget_queue_draw (widget);
}

static void
hlh_gauge_system_setting_changed (GtkWidget        *widget,
                                  GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (hlh_gauge_parent_class)->system_setting_changed (widget, setting);
  forget_kept_layers (HLH_GAUGE (widget));
  gtk_widget_queue_draw (widget);
}

static void
hlh_gauge_finalize (GObject *object)
{
  forget_kept_layers (HLH_GAUGE (object));
  G_OBJECT_CLASS (hlh_gauge_parent_class)->finalize (object);
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
hlh_gauge_class_init (HlhGaugeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hlh_gauge_finalize;
  widget_class->snapshot = hlh_gauge_snapshot;
  widget_class->css_changed = hlh_gauge_css_changed;
  widget_class->system_setting_changed = hlh_gauge_system_setting_changed;
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
  forget_kept_layers (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
