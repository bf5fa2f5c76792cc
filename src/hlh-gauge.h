/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hlh-hscore.h"

G_BEGIN_DECLS

#define HLH_TYPE_GAUGE (hlh_gauge_get_type ())

G_DECLARE_FINAL_TYPE (HlhGauge, hlh_gauge, HLH, GAUGE, GtkWidget)

/* The drawing's natural height, in the units of the cairo context it is drawn into. */
#define HLH_GAUGE_HEIGHT 92

GtkWidget *hlh_gauge_new        (void);
void       hlh_gauge_set_hscore (HlhGauge                   *self,
                                 const HlhHScore            *hscore);
char      *hlh_gauge_dup_text   (HlhGauge                   *self);
void       hlh_gauge_render     (cairo_t                    *cr,
                                 const HlhHScore            *hscore,
                                 double                      width,
                                 const GdkRGBA              *foreground,
                                 const PangoFontDescription *font);
double     hlh_gauge_score_to_x (double                      score,
                                 double                      width);

G_END_DECLS
