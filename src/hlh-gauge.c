/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hlh-gauge.h"

/* The HScore gauge as a widget: hlh_gauge_draw() draws it, the widget keeps the score, its
 * size and what screen readers are told. */

struct _HlhGauge
{
  GtkWidget parent_instance;

  HlhHScore hscore;
  double    zoom;
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
hlh_gauge_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  HlhGauge *self = HLH_GAUGE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoContext *context = gtk_widget_get_pango_context (widget);
  GdkRGBA color;
  HlhColor foreground;
  cairo_t *cr;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  foreground = (HlhColor) { color.red, color.green, color.blue, color.alpha };
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_translate (cr, 0, MAX (0, (height - HLH_GAUGE_HEIGHT * self->zoom) / 2));
  /* Zoomed as a whole, text included, so that nothing collides that does not at 1. */
  cairo_scale (cr, self->zoom, self->zoom);
  hlh_gauge_draw (cr, &self->hscore, width / self->zoom, &foreground,
                  pango_context_get_font_description (context));
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
hlh_gauge_class_init (HlhGaugeClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

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
