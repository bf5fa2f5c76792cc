/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "hlh-hscore.h"

G_BEGIN_DECLS

/* The drawing's natural height, in the units of the cairo context it is drawn into. */
#define HLH_GAUGE_HEIGHT 92

/* A colour without GDK, so that hlh-score can draw the gauge too. */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} HlhColor;

/* The gauge's layers, bottom to top. The track and the scale do not depend on the score. */
typedef enum
{
  HLH_GAUGE_LAYER_TRACK,    /* the scale's band, the zone above the cut-off hatched */
  HLH_GAUGE_LAYER_RANGE,    /* the possible range while findings are unknown, ends labelled */
  HLH_GAUGE_LAYER_SCALE,    /* the cut-off, the scores and the probabilities along the band */
  HLH_GAUGE_LAYER_NEEDLE,   /* the needle at the score */
  HLH_GAUGE_N_LAYERS
} HlhGaugeLayer;

void   hlh_gauge_draw_layer (cairo_t                    *cr,
                             HlhGaugeLayer               layer,
                             const HlhHScore            *hscore,
                             double                      width,
                             const HlhColor             *foreground,
                             const PangoFontDescription *font);
void   hlh_gauge_draw       (cairo_t                    *cr,
                             const HlhHScore            *hscore,
                             double                      width,
                             const HlhColor             *foreground,
                             const PangoFontDescription *font);
double hlh_gauge_score_to_x (double                      score,
                             double                      width);

G_END_DECLS
