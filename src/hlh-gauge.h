/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hlh-gauge-draw.h"

G_BEGIN_DECLS

#define HLH_TYPE_GAUGE (hlh_gauge_get_type ())

G_DECLARE_FINAL_TYPE (HlhGauge, hlh_gauge, HLH, GAUGE, GtkWidget)

GtkWidget *hlh_gauge_new        (void);
void       hlh_gauge_set_hscore (HlhGauge                   *self,
                                 const HlhHScore            *hscore);
const HlhHScore *
           hlh_gauge_get_hscore (HlhGauge                   *self);
char      *hlh_gauge_dup_text   (HlhGauge                   *self);
void       hlh_gauge_set_zoom   (HlhGauge                   *self,
                                 double                      zoom);

G_END_DECLS
